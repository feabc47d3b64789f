//! `dkr ps` (not implemented yet).

use super::Context;

/// Flags of `dkr ps`.
#[derive(clap::Args, Debug)]
pub struct PsArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: PsArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr ps: not implemented yet")
}
