//! `dkr stop`: stop containers in parallel (docker's `parallelOperation`, `commands::parallel`),
//! print each success as typed in argument order, and report the failures together at the end.

use super::parallel::print_each;
use super::Context;
use crate::cli::{go_int, Arity};
use crate::engine::api::StopOptions;
use crate::engine::{version_lt, Client};
use crate::exit::StatusError;

/// Flags of `dkr stop`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct StopArgs {
    /// Signal to send to the container
    #[arg(short = 's', long, value_name = "string")]
    pub signal: Option<String>,
    /// Seconds to wait before killing the container
    #[arg(short = 't', long, value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub timeout: Option<i64>,
    /// Seconds to wait before killing the container (deprecated: use --timeout)
    #[arg(long, value_name = "int", value_parser = go_int, hide = true, allow_negative_numbers = true)]
    pub time: Option<i64>,
    /// The containers to stop
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// The checks `stop` and `restart` share, in docker's order: the deprecated `--time`'s notice
/// (pflag prints it on stdout while parsing), the argument count, then `--time` with
/// `--timeout`. Returns the timeout to send.
pub(super) fn check_timeout_flags(
    ctx: &Context,
    count: usize,
    timeout: Option<i64>,
    time: Option<i64>,
) -> anyhow::Result<Option<i64>> {
    if time.is_some() {
        ctx.out
            .line("Flag --time has been deprecated, use --timeout instead")?;
    }
    ctx.invocation.check_arity(count, Arity::AtLeast(1))?;
    if time.is_some() && timeout.is_some() {
        return Err(StatusError::new(
            crate::exit::FAILURE,
            "conflicting options: cannot specify both --timeout and --time",
        )
        .into());
    }
    Ok(timeout.or(time))
}

/// `-s`: sent only where the API knows it (1.42), as docker's client does; older daemons never
/// see it.
pub(super) fn signal_for(client: &Client, signal: Option<&str>) -> Option<String> {
    signal
        .filter(|s| !s.is_empty())
        .filter(|_| !version_lt(&client.api_version(), "1.42"))
        .map(str::to_string)
}

pub fn run(ctx: &Context, args: StopArgs) -> anyhow::Result<i32> {
    let timeout = check_timeout_flags(ctx, args.containers.len(), args.timeout, args.time)?;
    let client = ctx.client()?;
    let signal = signal_for(&client, args.signal.as_deref());
    let opts = StopOptions { signal, timeout };

    print_each(
        ctx,
        &client,
        &args.containers,
        move |client, name| client.container_stop(name, &opts),
        |_| false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: StopArgs,
    }

    #[test]
    fn flags_parse_like_pflag() {
        let t = T::try_parse_from(["stop", "-t", "5", "a", "b"]).unwrap();
        assert_eq!(t.a.timeout, Some(5));
        assert_eq!(t.a.containers, ["a", "b"]);
        let t = T::try_parse_from(["stop", "-t", "1", "-t", "0x10", "a"]).unwrap();
        assert_eq!(t.a.timeout, Some(16));
        let t = T::try_parse_from(["stop", "--time=3", "-s", "KILL", "a"]).unwrap();
        assert_eq!((t.a.time, t.a.signal.as_deref()), (Some(3), Some("KILL")));
        assert!(T::try_parse_from(["stop", "-t", "x", "a"]).is_err());
    }
}
