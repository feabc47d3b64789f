//! `dkr restart`: restart one or more containers (being built: issue #16).

use super::Context;

/// Flags of `dkr restart`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct RestartArgs {
    /// The arguments
    #[arg(value_name = "CONTAINER")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: RestartArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr restart is not implemented yet")
}
