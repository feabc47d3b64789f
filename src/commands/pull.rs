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

/// Pull `image` for `run`'s implicit pull: progress to stderr (unless `quiet`), credentials
/// resolved as for `dkr pull`. (Interface fixed by the lead; the body is being written.)
pub fn pull_for_run(
    _ctx: &Context,
    _client: &crate::engine::Client,
    _image: &str,
    _platform: Option<&str>,
    _quiet: bool,
) -> anyhow::Result<()> {
    anyhow::bail!("implicit pull not written yet")
}
