//! `dkr cp`: copy files/folders between a container and the local filesystem (being built: issue #16).

use super::Context;

/// Flags of `dkr cp`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-
	dkr cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
    args_override_self = true
)]
pub struct CpArgs {
    /// The arguments
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: CpArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr cp is not implemented yet")
}
