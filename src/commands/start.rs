//! `dkr start`: start one or more stopped containers (being built: issue #16).

use super::Context;

/// Flags of `dkr start`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct StartArgs {
    /// The arguments
    #[arg(value_name = "CONTAINER")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: StartArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr start is not implemented yet")
}
