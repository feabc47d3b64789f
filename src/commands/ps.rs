//! `dkr ps` (docker's `cli/command/container/list.go` at v28.2.2): flags → the
//! `GET /containers/json` query (all, limit, size, filters), the `--format` template validated
//! before the request (and searched for `.Size`), then one row per container rendered as a
//! table, JSON or a Go template.

use std::io::Write;

use super::Context;
use crate::cli::{go_int, Arity};
use crate::engine::api::ContainerListOptions;
use crate::engine::models::{ContainerSummary, IdOnly};
use crate::exit::StatusError;
use crate::opts::filter::{filters_of, ListFlags};
use crate::render::container::{self, container_format, container_row_of, local_zone, now_nanos};
use crate::render::format;
use crate::render::image::truncate_id;

// Flags of `dkr ps` (docker 28: `-a -f -n -l --no-trunc -q -s --format`).
#[derive(clap::Args, Debug)]
#[command(args_override_self = true)]
pub struct PsArgs {
    /// Show all containers (default shows just running)
    #[arg(short = 'a', long, num_args = 0..=1)]
    pub all: bool,
    #[command(flatten)]
    pub list: ListFlags,
    /// One typed JSON object per line (dkr):
    /// ID, Names [..], Image, ImageID, Command, CreatedAt (RFC 3339), State, Status,
    /// Ports [{IP, PrivatePort, PublicPort, Type}], Labels {..},
    /// Mounts [{Type, Name, Source, Destination, Driver, Mode, RW, Propagation}],
    /// Networks [..], LocalVolumes, SizeRw, SizeRootFs (bytes; null without -s)
    #[arg(long, num_args = 0..=1, verbatim_doc_comment)]
    pub json: bool,
    /// Show n last created containers (includes all states)
    #[arg(short = 'n', long, value_name = "int", value_parser = go_int, allow_hyphen_values = true, default_value = "-1")]
    pub last: i64,
    /// Show the latest created container (includes all states)
    #[arg(short = 'l', long, num_args = 0..=1)]
    pub latest: bool,
    /// Don't truncate output
    #[arg(long, num_args = 0..=1)]
    pub no_trunc: bool,
    /// Only display container IDs
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// Display total file sizes
    #[arg(short = 's', long, num_args = 0..=1)]
    pub size: Option<bool>,
    /// Keep watching: redraw on changes, or one JSON line per change when piped (dkr)
    #[arg(long, num_args = 0..=1)]
    pub watch: bool,
    /// docker's `ps` accepts no arguments; they are collected to report that in its words.
    #[arg(hide = true, allow_hyphen_values = false)]
    pub args: Vec<String>,
}

pub fn run(ctx: &Context, args: PsArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(args.args.len(), Arity::None)?;
    if args.json && !args.watch {
        return super::json_list::ps(ctx, &args);
    }

    let mut format = args.list.format.clone().unwrap_or_default();
    if format.is_empty() {
        format = ctx.config.ps_format().unwrap_or_default().to_string();
    } else if args.quiet {
        ctx.out
            .warn("Ignoring custom format, because both --format and --quiet are set.");
    }

    let size_changed = args.size.is_some();
    let mut size = args.size.unwrap_or(false);
    let mut limit = args.last;
    if args.latest && args.last == -1 {
        limit = 1;
    }
    if !format.is_empty() {
        // docker always validates a --format (also with -q) by running it once against an empty
        // container, before any request; that run also shows whether `.Size` is used.
        let used = format::precheck(&format, &container::empty_row())
            .map_err(|e| StatusError::new(crate::exit::FAILURE, e.0))?;
        if !args.quiet && !size && !size_changed && used.contains("Size") {
            size = true;
        }
    }

    let client = ctx.client()?;
    let opts = ContainerListOptions {
        all: args.all,
        limit,
        size,
        filters: filters_of(&args.list.filter),
    };
    let spec = container_format(&format, args.quiet, size);
    if args.watch {
        let w = super::ps_watch::Watch {
            opts: &opts,
            source: &format,
            spec: &spec,
            no_trunc: args.no_trunc,
            json: args.json,
        };
        return super::ps_watch::run(ctx, &client, &w);
    }
    if spec == "{{.ID}}" {
        // `-q`: once an entry decodes nothing can fail, so each ID goes out as it comes and
        // only the IDs are decoded.
        // A table's IDs on a terminal are escaped as the table is (listing_for_stdout).
        let escape = ctx.out.stdout_is_terminal();
        let mut out = ctx.out.buffered();
        client.container_list_each(&opts, None, |c: IdOnly| {
            let id = if args.no_trunc {
                c.id
            } else {
                truncate_id(&c.id)
            };
            let line = format!("{id}\n").into_bytes();
            crate::render::sanitize::write_listing_part(&mut out, &format, escape, line)?;
            Ok(())
        })?;
        out.flush()?;
        return Ok(crate::exit::OK);
    }
    // Other formats render each container as it is decoded, with only the fields the format
    // reads, and keep just the rendered text: docker prints nothing but the error when the
    // template fails on any row, so nothing goes out before the listing has ended. A daemon
    // or decode error still wins over a template error, as docker decodes the list first.
    let mut renderer = match format::Renderer::new(&spec) {
        Ok(r) => r,
        Err(e) => {
            client.container_list_each(&opts, Some(&[]), |_: serde::de::IgnoredAny| Ok(()))?;
            return Err(e.into());
        }
    };
    let fields = renderer.fields();
    let keys = container::list_keys(fields.as_ref());
    let (now, tz) = (now_nanos(), local_zone());
    let mut failed = None;
    client.container_list_each(&opts, Some(&keys), |c: ContainerSummary| {
        if failed.is_none() {
            let row = container_row_of(&c, fields.as_ref(), !args.no_trunc, now, &tz);
            if let Err(e) = renderer.row(&row) {
                failed = Some(e);
                renderer.take();
            }
        }
        Ok(())
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    let buf = renderer.finish(&container::header());
    let buf = crate::render::sanitize::listing_for_stdout(&format, buf);
    ctx.out.write_all(&buf)?;
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> PsArgs {
        match crate::cli::parse_command(args) {
            crate::cli::Command::Ps(a) => a,
            other => panic!("unexpected command for {args:?}: {other:?}"),
        }
    }

    #[test]
    fn flags_parse_like_pflag() {
        let a = parse(&[
            "ps",
            "-aqs",
            "-n",
            "-1",
            "-f",
            "name=x",
            "--filter=label=a=b",
        ]);
        assert!(a.all && a.quiet);
        assert_eq!(a.size, Some(true));
        assert_eq!(a.last, -1);
        assert_eq!(a.list.filter.len(), 2);
        let a = parse(&[
            "ps",
            "--size=false",
            "--no-trunc",
            "-l",
            "--format",
            "-x",
            "-n=3",
        ]);
        assert_eq!(a.size, Some(false));
        assert!(a.no_trunc && a.latest);
        assert_eq!(a.list.format.as_deref(), Some("-x"));
        assert_eq!(a.last, 3);
        let a = parse(&["ps", "--format", "a", "--format", "b", "extra"]);
        assert_eq!(a.list.format.as_deref(), Some("b"));
        assert_eq!(a.args, ["extra"]);
        let a = parse(&["ps"]);
        assert_eq!((a.size, a.last, a.all), (None, -1, false));
    }
}
