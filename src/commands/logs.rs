//! `dkr logs` (not implemented yet).

use super::Context;

/// Flags of `dkr logs`.
#[derive(clap::Args, Debug)]
pub struct LogsArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: LogsArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr logs: not implemented yet")
}
