//! `dkr logout` (not implemented yet).

use super::Context;

/// Flags of `dkr logout`.
#[derive(clap::Args, Debug)]
pub struct LogoutArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: LogoutArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr logout: not implemented yet")
}
