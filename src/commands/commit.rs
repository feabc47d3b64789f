//! `dkr commit` (not implemented yet).

use super::Context;

/// Flags of `dkr commit`.
#[derive(clap::Args, Debug)]
pub struct CommitArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: CommitArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr commit: not implemented yet")
}
