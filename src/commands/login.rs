//! `dkr login` (not implemented yet).

use super::Context;

/// Flags of `dkr login`.
#[derive(clap::Args, Debug)]
pub struct LoginArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: LoginArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr login: not implemented yet")
}
