//! `dkr run` (not implemented yet).

use super::Context;

/// Flags of `dkr run`.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: RunArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr run: not implemented yet")
}
