//! `dkr kill`: kill one or more running containers (being built: issue #16).

use super::Context;

/// Flags of `dkr kill`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct KillArgs {
    /// The arguments
    #[arg(value_name = "CONTAINER")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: KillArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr kill is not implemented yet")
}
