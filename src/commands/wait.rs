//! `dkr wait` (docker's `cli/command/container/wait.go`): wait for each container in turn
//! (the daemon's default condition, `not-running`), print each exit code as it comes, and
//! report the failures together at the end.

use super::parallel::join_errors;
use super::Context;
use crate::cli::Arity;
use crate::engine::api::{wait_result, WaitCondition};

// Flags of `dkr wait`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "CONTAINER [CONTAINER...]", args_override_self = true)]
pub struct WaitArgs {
    /// The containers to wait for
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: WaitArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.containers.len(), Arity::AtLeast(1))?;
    let client = ctx.client()?;
    let mut errors = Vec::new();
    for name in &args.containers {
        // docker prints the status code whatever the answer's `Error` says.
        match client
            .container_wait(name, WaitCondition::Default)
            .and_then(wait_result)
        {
            Ok(r) => ctx.out.line(r.status_code)?,
            Err(e) => errors.push(e.to_string()),
        }
    }
    join_errors(errors)
}
