//! `dkr context ls` (docker's `cli/command/context/list.go`, `formatter/context.go`): the stored
//! contexts and `default`, in natural order of their names, the current one marked; a context
//! that cannot be used shows why in the ERROR column; the `DOCKER_HOST` warning after.

use super::Context;
use crate::cli::Arity;
use crate::config::contexts;
use crate::render::container::ellipsis;
use crate::render::format::{self, Row};
use serde_json::{json, Value};

/// docker's default `context ls` table.
const TABLE: &str =
    "table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}";

/// docker's `maxErrLength`: the ERROR column is cut to this many cells.
const MAX_ERROR: usize = 45;

// Flags of `dkr context ls`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS]", args_override_self = true)]
pub struct ListArgs {
    #[arg(long, value_name = "string", allow_hyphen_values = true, help = crate::opts::filter::FORMAT_HELP)]
    pub format: Option<String>,
    /// Only show context names
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// docker's `context ls` accepts no arguments; they are collected to report that.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

/// One row: docker's `clientContextContext`.
struct ContextRow(Value);

impl Row for ContextRow {
    fn data(&self) -> &Value {
        &self.0
    }

    fn type_name(&self) -> Option<&str> {
        Some("*formatter.clientContextContext")
    }
}

fn row(name: &str, current: bool, description: &str, endpoint: &str, error: &str) -> ContextRow {
    ContextRow(json!({
        "Name": name,
        "Current": current,
        "Description": description,
        "DockerEndpoint": endpoint,
        "Error": ellipsis(error, MAX_ERROR),
    }))
}

/// The names completion offers for a context argument (stored ones and `default`).
pub fn names(ctx: &Context) -> Vec<String> {
    let mut names = super::store(ctx).names();
    names.push(contexts::DEFAULT.to_string());
    names.sort_by(|a, b| crate::golang::sortorder::natural_cmp(a, b));
    names
}

pub fn run(ctx: &Context, args: ListArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(args.args.len(), Arity::None)?;
    let spec = match args.format.as_deref() {
        _ if args.quiet => "{{.Name}}".to_string(),
        None | Some("") | Some("table") => TABLE.to_string(),
        Some(f) => f.to_string(),
    };
    let mut stored = super::store(ctx)
        .list()
        .map_err(|e| super::failure(e.message))?;
    let (default, _) = super::default_context(ctx).map_err(super::failure)?;
    stored.push(default);
    let current = super::current_name(ctx);
    let mut found = false;
    let mut rows: Vec<(String, ContextRow)> = Vec::new();
    for meta in &stored {
        let is_current = meta.name == current;
        found |= is_current;
        let (endpoint, error) = match meta.docker() {
            Ok(ep) => (ep.host.clone(), String::new()),
            Err(e) => (String::new(), e),
        };
        rows.push((
            meta.name.clone(),
            row(
                &meta.name,
                is_current,
                &meta.description(),
                &endpoint,
                &error,
            ),
        ));
    }
    if !found {
        // The context in use is not stored: a row saying why.
        let error = super::get(ctx, &current).err().unwrap_or_default();
        rows.push((current.clone(), row(&current, true, "", "", &error)));
    }
    rows.sort_by(|a, b| crate::golang::sortorder::natural_cmp(&a.0, &b.0));
    let refs: Vec<&dyn Row> = rows.iter().map(|(_, r)| r as &dyn Row).collect();
    let header = json!({
        "Name": "NAME",
        "Description": "DESCRIPTION",
        "DockerEndpoint": "DOCKER ENDPOINT",
        "Error": "ERROR",
    });
    let out = format::render_to_vec(&spec, &header, &refs).map_err(|e| super::failure(e.0))?;
    ctx.out.write_all(&out)?;
    if super::docker_host_set(ctx) {
        ctx.out.err_line(
            "Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.",
        );
    }
    Ok(crate::exit::OK)
}
