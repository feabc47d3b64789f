//! `dkr stop` (not implemented yet).

use super::Context;

/// Flags of `dkr stop`.
#[derive(clap::Args, Debug)]
pub struct StopArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: StopArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr stop: not implemented yet")
}
