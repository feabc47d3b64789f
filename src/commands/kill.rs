//! `dkr kill` (docker's `cli/command/container/kill.go`): send a signal to containers in
//! parallel (`commands::parallel`), print each one signalled as typed, in argument order, and
//! report the failures together at the end. The signal goes to the daemon as typed (a name
//! with or without `SIG`, or a number); the daemon checks it.

use super::parallel::print_each;
use super::Context;
use crate::cli::Arity;

// Flags of `dkr kill`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct KillArgs {
    /// Signal to send to the container
    #[arg(short = 's', long, value_name = "string", allow_hyphen_values = true)]
    pub signal: Option<String>,
    /// The containers to kill
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: KillArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.containers.len(), Arity::AtLeast(1))?;
    let client = ctx.client()?;
    let signal = args.signal.unwrap_or_default();
    print_each(
        ctx,
        &client,
        &args.containers,
        move |client, name| client.container_kill(name, &signal),
        |_| false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_is_taken_as_typed() {
        let a: KillArgs = crate::cli::parse_args(&["kill", "-s", "-9", "a"]).unwrap();
        assert_eq!(a.signal.as_deref(), Some("-9"));
        let a: KillArgs = crate::cli::parse_args(&["kill", "--signal=", "a", "b"]).unwrap();
        assert_eq!((a.signal.as_deref(), a.containers.len()), (Some(""), 2));
    }
}
