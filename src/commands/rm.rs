//! `dkr rm` (docker's `cli/command/container/rm.go`): remove containers in parallel
//! (`commands::parallel`), print each one removed as typed, in argument order; with `--force`
//! a missing container is only reported (stderr, in order), otherwise the failures are
//! reported together at the end and the exit code is 1.

use super::parallel::print_each;
use super::Context;
use crate::cli::Arity;
use crate::engine::api::RemoveOptions;
use crate::engine::EngineError;

// Flags of `dkr rm`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct RmArgs {
    /// Force the removal of a running container (uses SIGKILL)
    #[arg(short = 'f', long, num_args = 0..=1)]
    pub force: bool,
    /// Remove the specified link
    #[arg(short = 'l', long, num_args = 0..=1)]
    pub link: bool,
    /// Remove anonymous volumes associated with the container
    #[arg(short = 'v', long, num_args = 0..=1)]
    pub volumes: bool,
    /// The containers to remove
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

pub fn run(ctx: &Context, args: RmArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.containers.len(), Arity::AtLeast(1))?;
    let client = ctx.client()?;
    let opts = RemoveOptions {
        volumes: args.volumes,
        link: args.link,
        force: args.force,
    };
    let force = args.force;
    print_each(
        ctx,
        &client,
        &args.containers,
        move |client, name| {
            // docker trims slashes (`/name` as `docker ps --no-trunc` shows it) before the
            // client trims blanks, so `/` alone is its own error and `" "` the client's.
            let name = name.trim_matches('/');
            if name.is_empty() {
                return Err(EngineError::Decode(
                    "container name cannot be empty".to_string(),
                ));
            }
            client.container_remove(name, &opts)
        },
        // `rm -f` of what is not there is no failure (the daemon's 404, whatever its words),
        // only said, in its turn.
        |e| {
            let missing = force && e.status() == Some(404);
            if missing {
                ctx.out.err_line(e);
            }
            missing
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_like_pflag() {
        let a: RmArgs = crate::cli::parse_args(&["rm", "-fv", "--link=true", "a", "b"]).unwrap();
        assert!(a.force && a.volumes && a.link);
        assert_eq!(a.containers, ["a", "b"]);
        let a: RmArgs = crate::cli::parse_args(&["rm", "a", "-f=false"]).unwrap();
        assert!(!a.force);
        assert!(crate::cli::parse_args::<RmArgs>(&["rm", "-x", "a"]).is_err());
    }
}
