//! `dkr stop`: stop containers in parallel (docker's `parallelOperation`, `commands::parallel`),
//! print each success as typed in argument order, and report the failures together at the end.
//!
//! Beyond docker (issue #15), as podman spells them: `--all` (the running containers),
//! `--filter` (`ps`'s filters: the containers `ps --filter` lists) and `--ignore` (a container
//! the engine does not know is skipped). A selected container is printed by its name as `ps`
//! shows it, in the engine's listing order. Without them, everything is docker's.

use super::parallel::{print_each, print_each_as};
use super::Context;
use crate::cli::{go_int, Arity};
use crate::engine::api::{ContainerListOptions, StopOptions};
use crate::engine::models::ContainerSummary;
use crate::engine::{version_lt, Client, EngineError};
use crate::exit::StatusError;
use crate::opts::filter::{filters_of, parse_filter, FilterArg};

// Flags of `dkr stop`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct StopArgs {
    /// Stop all running containers (dkr)
    #[arg(short = 'a', long, num_args = 0..=1)]
    pub all: bool,
    /// Stop the running containers that match a filter (dkr)
    #[arg(short = 'f', long, value_name = "filter", value_parser = parse_filter, allow_hyphen_values = true, action = clap::ArgAction::Append)]
    pub filter: Vec<FilterArg>,
    /// Ignore containers that do not exist (dkr)
    #[arg(short = 'i', long, num_args = 0..=1)]
    pub ignore: bool,
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

/// `--all`/`--filter` with container names: podman refuses that too.
fn check_selection(args: &StopArgs, selecting: bool) -> anyhow::Result<()> {
    if !selecting || args.containers.is_empty() {
        return Ok(());
    }
    let flag = if args.all { "--all" } else { "--filter" };
    Err(StatusError::new(
        crate::exit::FAILURE,
        format!("conflicting options: cannot specify both {flag} and container names"),
    )
    .into())
}

/// The containers `--all`/`--filter` select: what `ps [--filter …]` lists (running ones unless
/// a `status` filter says otherwise), in the engine's order, as (IDs, names as `ps` shows them).
fn selected(client: &Client, args: &StopArgs) -> Result<(Vec<String>, Vec<String>), EngineError> {
    let opts = ContainerListOptions {
        filters: filters_of(&args.filter),
        ..ContainerListOptions::default()
    };
    let containers: Vec<ContainerSummary> = client.container_list(&opts)?;
    Ok(containers
        .into_iter()
        .map(|c| {
            let shown =
                crate::render::container::primary_name(&c.names).unwrap_or_else(|| c.id.clone());
            (c.id, shown)
        })
        .unzip())
}

pub fn run(ctx: &Context, args: StopArgs) -> anyhow::Result<i32> {
    // An empty `--filter ""` is no filter (as in `ps`): it never turns a stop into `--all`.
    let selecting = args.all || !filters_of(&args.filter).is_empty();
    let count = if selecting {
        args.containers.len().max(1)
    } else {
        args.containers.len()
    };
    let timeout = check_timeout_flags(ctx, count, args.timeout, args.time)?;
    check_selection(&args, selecting)?;
    let client = ctx.client()?;
    let signal = signal_for(&client, args.signal.as_deref());
    let opts = StopOptions { signal, timeout };
    let stop = move |client: &Client, name: &str| client.container_stop(name, &opts);
    // `--ignore`: the engine's 404 (no such container) is skipped, silently.
    let ignore = args.ignore;
    let skipped =
        move |e: &EngineError| ignore && matches!(e, EngineError::Daemon { status: 404, .. });

    if selecting {
        let (ids, shown) = selected(&client, &args)?;
        return print_each_as(ctx, &client, &ids, &shown, stop, skipped);
    }
    print_each(ctx, &client, &args.containers, stop, skipped)
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

    fn parse(args: &[&str]) -> StopArgs {
        match crate::cli::parse_command(args) {
            crate::cli::Command::Stop(a) => a,
            other => panic!("unexpected command for {args:?}: {other:?}"),
        }
    }

    #[test]
    fn selection_flags() {
        let a = parse(&["stop", "-ai", "-f", "label=a=b", "--filter=name=x"]);
        assert!(a.all && a.ignore);
        assert_eq!(
            filters_of(&a.filter).to_json(),
            r#"{"label":{"a=b":true},"name":{"x":true}}"#
        );
        let a = parse(&["stop", "--all=false", "-f", "", "x"]);
        assert!(!a.all);
        assert!(filters_of(&a.filter).is_empty());
        assert_eq!(a.containers, ["x"]);
    }
}
