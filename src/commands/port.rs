//! `dkr port`: list port mappings or a specific mapping for the container (being built: issue #16).

use super::Context;

/// Flags of `dkr port`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "CONTAINER [PRIVATE_PORT[/PROTO]]",
    args_override_self = true
)]
pub struct PortArgs {
    /// The arguments
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub args: Vec<String>,
}

pub fn run(_ctx: &Context, _args: PortArgs) -> anyhow::Result<i32> {
    anyhow::bail!("dkr port is not implemented yet")
}
