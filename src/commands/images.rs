//! `dkr images` (not implemented yet).

use super::Context;

/// Flags of `dkr images`.
#[derive(clap::Args, Debug)]
pub struct ImagesArgs {
    /// Arguments
    #[arg(allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: ImagesArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr images: not implemented yet")
}
