//! `dkr start`: start stopped containers (docker's `cli/command/container/start.go`). Without
//! `-a`/`-i` one after another, each printed as typed or its error printed at once, then one
//! summary error; with them one container, attached through `hijack`'s session, exiting with
//! its exit code.

use serde::Deserialize;

use super::hijack::{Session, SessionError};
use super::Context;
use crate::cli::Arity;
use crate::engine::Client;
use crate::exit;

// Flags of `dkr start`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct StartArgs {
    /// Attach STDOUT/STDERR and forward signals
    #[arg(short = 'a', long)]
    pub attach: bool,
    // Experimental: `--help` shows the two checkpoint flags only where the daemon has
    // experimental features (`flag_support::hidden_in_help`).
    /// Restore from this checkpoint
    #[arg(long, value_name = "string")]
    pub checkpoint: Option<String>,
    /// Use a custom checkpoint storage directory
    #[arg(long = "checkpoint-dir", value_name = "string")]
    pub checkpoint_dir: Option<String>,
    /// Override the key sequence for detaching a container
    #[arg(long = "detach-keys", value_name = "string")]
    pub detach_keys: Option<String>,
    /// Attach container's STDIN
    #[arg(short = 'i', long)]
    pub interactive: bool,
    /// The containers to start
    #[arg(value_name = "CONTAINER")]
    pub containers: Vec<String>,
}

/// The part of a container's inspect that `start -a` needs.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Inspect {
    #[serde(rename = "Id")]
    id: String,
    #[serde(rename = "Config")]
    config: Config,
    #[serde(rename = "HostConfig")]
    host_config: HostConfig,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Config {
    #[serde(rename = "Tty")]
    tty: bool,
    #[serde(rename = "OpenStdin")]
    open_stdin: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct HostConfig {
    #[serde(rename = "AutoRemove")]
    auto_remove: bool,
}

pub fn run(ctx: &Context, args: StartArgs) -> anyhow::Result<i32> {
    let client = ctx.client()?;
    ctx.check_flags_supported(&client)?;
    ctx.invocation
        .check_arity(args.containers.len(), Arity::AtLeast(1))?;
    let checkpoint = args.checkpoint.clone().unwrap_or_default();
    if args.attach || args.interactive {
        if args.containers.len() > 1 {
            anyhow::bail!("you cannot start and attach multiple containers at once");
        }
        return start_attached(ctx, &client, &args);
    }
    if !checkpoint.is_empty() {
        if args.containers.len() > 1 {
            anyhow::bail!("you cannot restore multiple containers at once");
        }
        let dir = args.checkpoint_dir.clone().unwrap_or_default();
        client.container_start_checkpoint(&args.containers[0], &checkpoint, &dir)?;
        return Ok(exit::OK);
    }
    // docker's `startContainersWithoutAttachments`: one at a time, errors printed as they come.
    let mut failed = Vec::new();
    for name in &args.containers {
        match client.container_start(name) {
            Ok(()) => ctx.out.line(name)?,
            Err(e) => {
                ctx.out
                    .err_line(crate::render::sanitize::for_stderr(&e.to_string()));
                failed.push(name.as_str());
            }
        }
    }
    if failed.is_empty() {
        Ok(exit::OK)
    } else {
        anyhow::bail!("Error: failed to start containers: {}", failed.join(", "))
    }
}

/// `start -a`/`-i`: the attach branch of docker's `RunStart`.
fn start_attached(ctx: &Context, client: &Client, args: &StartArgs) -> anyhow::Result<i32> {
    let c: Inspect = client.container_inspect(&args.containers[0])?;
    let session = Session {
        id: &c.id,
        tty: c.config.tty,
        stdin: args.interactive && c.config.open_stdin,
        stdout: true,
        stderr: true,
        auto_remove: c.host_config.auto_remove,
        // docker forwards signals only to containers without a TTY (where a key cannot).
        sig_proxy: !c.config.tty,
        detach_keys: super::hijack::detach_keys(ctx, args.detach_keys.as_deref()),
        // The container was there before: an interrupted start leaves it as it was.
        remove_if_abandoned: false,
    };
    match session.run(client) {
        Ok(code) => Ok(code),
        Err(SessionError::Start(e)) => Err(e.into()),
        Err(SessionError::Other(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: StartArgs,
    }

    #[test]
    fn flags_parse() {
        let t = T::try_parse_from(["start", "-ai", "--detach-keys", "ctrl-x", "c"]).unwrap();
        assert!(t.a.attach && t.a.interactive);
        assert_eq!(t.a.detach_keys.as_deref(), Some("ctrl-x"));
        assert_eq!(t.a.containers, ["c"]);
    }
}
