//! `dkr create`: create a new container (being built: issue #16).

use super::Context;

/// Flags of `dkr create`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] IMAGE [COMMAND] [ARG...]",
    args_override_self = true
)]
pub struct CreateArgs {
    /// The arguments
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: CreateArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr create is not implemented yet")
}
