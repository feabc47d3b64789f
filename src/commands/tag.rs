//! `dkr tag`: create a tag TARGET_IMAGE that refers to SOURCE_IMAGE (being built: issue #16).

use super::Context;

/// Flags of `dkr tag`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
    args_override_self = true
)]
pub struct TagArgs {
    /// The arguments
    #[arg(value_name = "IMAGE")]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: TagArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr tag is not implemented yet")
}
