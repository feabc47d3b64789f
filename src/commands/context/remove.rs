//! `dkr context rm` (docker's `remove.go`): each name in turn, printed when removed; `default`
//! and the context in use (unless `-f`, which then also clears `currentContext`) refused in
//! docker's words; every failure printed at the end, exit 1.

use super::Context;
use crate::cli::Arity;
use crate::config::contexts;
use crate::golang::strconv::go_quote;

// Flags of `dkr context rm`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "CONTEXT [CONTEXT...]", args_override_self = true)]
pub struct RmArgs {
    /// Force the removal of a context in use
    #[arg(short = 'f', long, num_args = 0..=1)]
    pub force: bool,
    /// The contexts.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

pub fn run(ctx: &Context, args: RmArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::AtLeast(1))?;
    let current = super::current_name(ctx);
    let store = super::store(ctx);
    let mut errors = Vec::new();
    for name in &args.args {
        if name == contexts::DEFAULT {
            errors.push("context \"default\" cannot be removed".to_string());
            continue;
        }
        let removed = (|| -> Result<(), String> {
            if *name == current {
                if !args.force {
                    return Err(format!(
                        "context {} is in use, set -f flag to force remove",
                        go_quote(name)
                    ));
                }
                // Fall back to DOCKER_HOST / the default.
                super::current::write_current(ctx, "").map_err(|e| e.to_string())?;
            }
            if !args.force && !store.meta_dir(name).exists() {
                return Err(format!("context {} does not exist", go_quote(name)));
            }
            store.remove(name).map_err(|e| e.message)
        })();
        match removed {
            Ok(()) => ctx.out.line(name)?,
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(crate::exit::OK)
    } else {
        Err(super::failure(errors.join("\n")))
    }
}
