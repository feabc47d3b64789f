//! `dkr pull` (not implemented yet).

use super::Context;

/// Flags of `dkr pull`.
#[derive(clap::Args, Debug)]
pub struct PullArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: PullArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr pull: not implemented yet")
}
