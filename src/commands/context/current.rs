//! `dkr context use` and `dkr context show` (docker's `use.go`, `show.go`): the current context
//! is config.json's `currentContext` (written keeping every other key; `default` removes it),
//! and what is in effect is the one resolver's answer (`super::current_name`).

use super::Context;
use crate::cli::Arity;
use crate::config::contexts;
use crate::golang::strconv::go_quote;

// Flags of `dkr context use`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "CONTEXT", args_override_self = true)]
pub struct UseArgs {
    /// The context.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

// Flags of `dkr context show`.
#[derive(clap::Args, Debug)]
#[command(args_override_self = true)]
pub struct ShowArgs {
    /// docker's `context show` accepts no arguments; they are collected to report that.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

pub fn run_show(ctx: &Context, args: ShowArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(args.args.len(), Arity::None)?;
    ctx.out.line(super::current_name(ctx))?;
    Ok(crate::exit::OK)
}

pub fn run_use(ctx: &Context, args: UseArgs) -> anyhow::Result<i32> {
    // cobra's own `ExactArgs(1)`, not docker's: no usage, no prefix.
    if args.args.len() != 1 {
        return Err(super::failure(format!(
            "accepts 1 arg(s), received {}",
            args.args.len()
        )));
    }
    let name = &args.args[0];
    let value = if name == contexts::DEFAULT {
        String::new()
    } else {
        contexts::validate_name(name).map_err(super::failure)?;
        super::store(ctx)
            .get(name)
            .map_err(|e| super::failure(e.message))?;
        name.clone()
    };
    set_current(ctx, &value)?;
    ctx.out.line(name)?;
    ctx.out
        .err_line(format_args!("Current context is now {}", go_quote(name)));
    if name != contexts::DEFAULT && super::docker_host_set(ctx) {
        ctx.out.err_line(format_args!(
            "Warning: DOCKER_HOST environment variable overrides the active context. To use {}, either set the global --context flag, or unset DOCKER_HOST environment variable.",
            go_quote(name)
        ));
    }
    Ok(crate::exit::OK)
}

/// Write `currentContext` (empty: remove it), only when it changes, as docker's `use` avoids
/// creating a config file just to say `default`.
pub fn set_current(ctx: &Context, value: &str) -> anyhow::Result<()> {
    if ctx.config.current_context().unwrap_or_default() == value {
        return Ok(());
    }
    write_current(ctx, value)
}

/// Write `currentContext` (empty: remove it) whatever it was (docker's `rm -f` of the context
/// in use saves the config even when `DOCKER_CONTEXT` named it).
pub fn write_current(ctx: &Context, value: &str) -> anyhow::Result<()> {
    let mut config = ctx.config.clone();
    config
        .update(|doc| {
            if value.is_empty() {
                doc.remove("currentContext");
            } else {
                doc.insert(
                    "currentContext".into(),
                    serde_json::Value::String(value.into()),
                );
            }
        })
        .map_err(super::failure)?;
    Ok(())
}
