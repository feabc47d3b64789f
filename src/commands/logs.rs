//! `dkr logs`: inspect the container (docker's `No such container` comes from there), then
//! stream `GET /containers/{id}/logs` to stdout/stderr byte for byte — demultiplexed, or raw
//! for a container created with a TTY.
//!
//! Beyond docker (issue #15): several containers, `--filter`, `--no-prefix` and `--no-color`
//! merge the logs of many containers (`logs_many`); one container without those flags stays
//! on docker's path.

use std::io::BufWriter;

use serde::Deserialize;

use super::Context;
use crate::cli::{flag_support, Arity};
use crate::engine::api::LogsOptions;
use crate::engine::stream;
use crate::engine::timestamp::{get_timestamp, Now};
use crate::exit::StatusError;
use crate::opts::filter::{parse_filter, FilterArg};
use crate::output::{OnBrokenPipe, StdioWriter};

// Flags of `dkr logs`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS] CONTAINER", args_override_self = true)]
pub struct LogsArgs {
    /// Show extra details provided to logs
    #[arg(long, num_args = 0..=1)]
    pub details: bool,
    /// Follow log output
    #[arg(short = 'f', long, num_args = 0..=1)]
    pub follow: bool,
    /// Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42
    /// minutes)
    #[arg(long, value_name = "string", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Number of lines to show from the end of the logs
    #[arg(
        short = 'n',
        long,
        value_name = "string",
        default_value = "all",
        allow_hyphen_values = true
    )]
    pub tail: String,
    /// Show timestamps
    #[arg(short = 't', long, num_args = 0..=1)]
    pub timestamps: bool,
    /// Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for
    /// 42 minutes)
    #[arg(long, value_name = "string", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Show the logs of the containers that match these conditions, merged (dkr)
    #[arg(long, value_name = "filter", value_parser = parse_filter, allow_hyphen_values = true, action = clap::ArgAction::Append)]
    pub filter: Vec<FilterArg>,
    /// Don't prefix merged lines with the container's name (dkr)
    #[arg(long, num_args = 0..=1)]
    pub no_prefix: bool,
    /// Don't colour the prefixes of merged lines (dkr)
    #[arg(long, num_args = 0..=1)]
    pub no_color: bool,
    /// The container
    #[arg(value_name = "CONTAINER")]
    pub container: Vec<String>,
}

/// The part of `GET /containers/{id}/json` that logs needs (the name for merged logs).
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Inspect {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "Config")]
    pub config: InspectConfig,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct InspectConfig {
    #[serde(rename = "Tty")]
    pub tty: bool,
}

/// The logs options, with `--since`/`--until` turned into API timestamps as docker's client
/// does before it sends the request.
pub(super) fn logs_options(args: &LogsArgs, now: Now) -> Result<LogsOptions, String> {
    let timestamp = |flag: &Option<String>, name: &str| -> Result<Option<String>, String> {
        match flag.as_deref().filter(|s| !s.is_empty()) {
            Some(v) => get_timestamp(v, now)
                .map(Some)
                .map_err(|e| format!("invalid value for \"{name}\": {e}")),
            None => Ok(None),
        }
    };
    Ok(LogsOptions {
        stdout: true,
        stderr: true,
        since: timestamp(&args.since, "since")?,
        until: timestamp(&args.until, "until")?,
        timestamps: args.timestamps,
        details: args.details,
        follow: args.follow,
        tail: args.tail.clone(),
    })
}

pub fn run(ctx: &Context, args: LogsArgs) -> anyhow::Result<i32> {
    let client = ctx.client()?;
    // As in docker, the version check of `--until` comes before the argument count.
    if flag_support::has_annotated_flags(&ctx.invocation) {
        let unsupported =
            flag_support::unsupported_flags(&ctx.invocation, &client.api_version(), "");
        if !unsupported.is_empty() {
            return Err(StatusError::new(crate::exit::FAILURE, unsupported.join("\n")).into());
        }
    }
    if args.container.len() > 1 || !args.filter.is_empty() {
        return super::logs_many::run(ctx, &args);
    }
    ctx.invocation
        .check_arity(args.container.len(), Arity::Exact(1))?;
    let info: Inspect = client.container_inspect(&args.container[0])?;
    let opts = logs_options(&args, Now::system()).map_err(|e| StatusError::new(1, e))?;
    let resp = client.container_logs(&info.id, &opts)?;
    // A finite answer is read in larger gulps (stream::NapWhenIdle); `-f` shows each line as
    // it comes.
    let mut resp = stream::NapWhenIdle {
        inner: resp,
        nap: if args.follow {
            std::time::Duration::ZERO
        } else {
            stream::IDLE_NAP
        },
    };

    // Go does not catch SIGPIPE here: a closed stdout kills docker (exit 141), and so it does
    // dkr (SIGPIPE is at its default, see exit::restore_sigpipe).
    let mut out = BufWriter::with_capacity(64 * 1024, StdioWriter::stdout(OnBrokenPipe::Error));
    if info.config.tty {
        stream::copy_raw(&mut resp, &mut out)?;
    } else {
        let mut err = BufWriter::with_capacity(16 * 1024, StdioWriter::stderr(OnBrokenPipe::Error));
        stream::demux(&mut resp, &mut out, &mut err)?;
    }
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> LogsArgs {
        let mut v = vec!["logs"];
        v.extend_from_slice(args);
        crate::cli::parse_args(&v).unwrap()
    }

    const NOW: Now = Now {
        unix_nanos: 1_795_971_849_500_000_000,
        local_offset: 0,
    };

    #[test]
    fn query_matches_docker() {
        let q = logs_options(&parse(&["c"]), NOW).unwrap();
        assert_eq!(q.query().encode(), "stderr=1&stdout=1&tail=all");
        let q = logs_options(
            &parse(&["-ft", "--details", "-n", "5", "--since", "10m", "c"]),
            NOW,
        )
        .unwrap();
        assert_eq!(
            q.query().encode(),
            "details=1&follow=1&since=1795971249&stderr=1&stdout=1&tail=5&timestamps=1"
        );
        let q = logs_options(&parse(&["--until", "2026-11-29T17:00:00Z", "c"]), NOW).unwrap();
        assert_eq!(
            q.query().encode(),
            "stderr=1&stdout=1&tail=all&until=1795971600.000000000"
        );
        let e = logs_options(&parse(&["--since", "garbage", "c"]), NOW).unwrap_err();
        assert_eq!(
            e,
            "invalid value for \"since\": failed to parse value as time or duration: \"garbage\""
        );
    }

    #[test]
    fn bool_flags_take_go_values() {
        assert!(parse(&["--follow=true", "c"]).follow);
        assert!(!parse(&["-f=false", "c"]).follow);
        assert_eq!(parse(&["--tail=-1", "c"]).tail, "-1");
    }
}
