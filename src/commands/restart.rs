//! `dkr restart`: restart containers one after another (docker's
//! `cli/command/container/restart.go`), printing each success as typed and every failure
//! together at the end.

use super::Context;
use crate::cli::go_int;
use crate::engine::api::StopOptions;
use crate::exit::{self, StatusError};

// Flags of `dkr restart`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct RestartArgs {
    /// Signal to send to the container
    #[arg(short = 's', long, value_name = "string")]
    pub signal: Option<String>,
    /// Seconds to wait before killing the container
    #[arg(short = 't', long, value_name = "int", value_parser = go_int, allow_negative_numbers = true)]
    pub timeout: Option<i64>,
    /// Seconds to wait before killing the container (deprecated: use --timeout)
    #[arg(long, value_name = "int", value_parser = go_int, hide = true, allow_negative_numbers = true)]
    pub time: Option<i64>,
    /// The containers to restart
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: RestartArgs) -> anyhow::Result<i32> {
    let timeout =
        super::stop::check_timeout_flags(ctx, args.containers.len(), args.timeout, args.time)?;
    let client = ctx.client()?;
    let opts = StopOptions {
        signal: super::stop::signal_for(&client, args.signal.as_deref()),
        timeout,
    };
    // One at a time, as docker does (its TODO is to make it parallel like stop).
    let mut errors = Vec::new();
    for name in &args.containers {
        match client.container_restart(name, &opts) {
            Ok(()) => ctx.out.line(name)?,
            Err(e) => errors.push(e.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(exit::OK)
    } else {
        Err(StatusError::new(exit::FAILURE, errors.join("\n")).into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: RestartArgs,
    }

    #[test]
    fn flags_parse_like_pflag() {
        let t = T::try_parse_from(["restart", "-t", "0x3", "-s", "KILL", "a", "b"]).unwrap();
        assert_eq!(
            (t.a.timeout, t.a.signal.as_deref()),
            (Some(3), Some("KILL"))
        );
        assert_eq!(t.a.containers, ["a", "b"]);
        assert!(T::try_parse_from(["restart", "-t", "x", "a"]).is_err());
    }
}
