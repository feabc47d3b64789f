//! `dkr version` (not implemented yet).

use super::Context;

/// Flags of `dkr version`.
#[derive(clap::Args, Debug)]
pub struct VersionArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: VersionArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr version: not implemented yet")
}
