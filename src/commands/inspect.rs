//! `dkr inspect`: return low-level information on Docker objects (being built: issue #16).

use super::Context;

/// Flags of `dkr inspect`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] NAME|ID [NAME|ID...]",
    args_override_self = true
)]
pub struct InspectArgs {
    /// The arguments
    #[arg(value_name = "NAME")]
    pub args: Vec<String>,
}

/// The object kind `container inspect`/`image inspect` fix (top-level `inspect` takes `--type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Container,
    Image,
}

pub fn run(_ctx: &Context, _args: InspectArgs, _kind: Option<Kind>) -> anyhow::Result<i32> {
    anyhow::bail!("dkr inspect is not implemented yet")
}
