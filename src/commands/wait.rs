//! `dkr wait`: block until one or more containers stop, then print their exit codes (being built: issue #16).

use super::Context;

/// Flags of `dkr wait`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "CONTAINER [CONTAINER...]", args_override_self = true)]
pub struct WaitArgs {
    /// The arguments
    #[arg(value_name = "CONTAINER")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: WaitArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr wait is not implemented yet")
}
