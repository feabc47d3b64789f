//! `dkr completion` (not implemented yet).

use super::Context;

/// Flags of `dkr completion`.
#[derive(clap::Args, Debug)]
pub struct CompletionArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: CompletionArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr completion: not implemented yet")
}
