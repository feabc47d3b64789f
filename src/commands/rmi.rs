//! `dkr rmi`: remove one or more images (being built: issue #16).

use super::Context;

/// Flags of `dkr rmi`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] IMAGE [IMAGE...]",
    args_override_self = true
)]
pub struct RmiArgs {
    /// The arguments
    #[arg(value_name = "IMAGE")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: RmiArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr rmi is not implemented yet")
}
