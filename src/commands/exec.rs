//! `dkr exec`: execute a command in a running container (being built: issue #16).

use super::Context;

/// Flags of `dkr exec`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER COMMAND [ARG...]",
    args_override_self = true
)]
pub struct ExecArgs {
    /// The arguments
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: ExecArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr exec is not implemented yet")
}
