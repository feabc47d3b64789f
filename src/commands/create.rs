//! `dkr create`: create a container and print its full ID (docker's
//! `cli/command/container/create.go`). The flags are `run`'s shared ones (`run/opts.rs`'s
//! `ContainerOptions`) and the request is built and sent by `run`'s own code; what differs is
//! the `--pull` help and that a failed create is a plain error (exit 1), where `run` makes it
//! a 125/126/127 status.

use super::run::{create_container, prepare, ContainerOptions};
use super::Context;
use crate::exit::{self, StatusError};

// Flags of `dkr create`: every `run` flag but `-d`, `--detach-keys` and `--sig-proxy`.
#[derive(clap::Args, Debug, Default)]
#[command(
    override_usage = "[OPTIONS] IMAGE [COMMAND] [ARG...]",
    disable_help_flag = true,
    args_override_self = true
)]
pub struct CreateArgs {
    /// Pull image before creating ("always", "|missing", "never")
    #[arg(long, value_name = "string", default_value = "missing")]
    pub pull: String,
    #[command(flatten)]
    pub opts: ContainerOptions,
}

pub fn run(ctx: &Context, args: CreateArgs) -> anyhow::Result<i32> {
    let (client, mut body) = prepare(ctx, &args.opts, &args.pull, "create")?;
    let id = create_container(ctx, &client, &mut body, &args.opts, &args.pull)
        .map_err(|e| StatusError::new(exit::FAILURE, e))?;
    ctx.out.line(id)?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::parse_args;

    #[test]
    fn run_flags_without_runs_own() {
        let a: CreateArgs = parse_args(&[
            "create", "--name", "x", "-it", "-e", "A=1", "busybox", "sh", "-d",
        ])
        .unwrap();
        assert_eq!(a.opts.name.as_deref(), Some("x"));
        assert!(a.opts.interactive && a.opts.tty);
        assert_eq!(a.opts.args, ["busybox", "sh", "-d"]);
        assert_eq!(a.pull, "missing");
        for flag in ["-d", "--sig-proxy", "--detach-keys=x"] {
            assert!(
                parse_args::<CreateArgs>(&["create", flag, "busybox"]).is_err(),
                "{flag}"
            );
        }
    }
}
