//! `dkr push`: upload an image to a registry (being built: issue #16).

use super::Context;

/// Flags of `dkr push`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS] NAME[:TAG]", args_override_self = true)]
pub struct PushArgs {
    /// The arguments
    #[arg(value_name = "NAME")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: PushArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr push is not implemented yet")
}
