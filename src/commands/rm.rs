//! `dkr rm`: remove one or more containers (being built: issue #16).

use super::Context;

/// Flags of `dkr rm`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct RmArgs {
    /// The arguments
    #[arg(value_name = "CONTAINER")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: RmArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr rm is not implemented yet")
}
