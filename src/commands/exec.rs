//! `dkr exec`: run a command in a running container (docker's `cli/command/container/exec.go`):
//! inspect (so "No such container" comes first), exec create, then either a detached start or
//! the hijacked start over `hijack`'s streams and terminal, and the command's exit code from
//! the exec's inspect.

use std::sync::mpsc;

use super::hijack::attach::{self, Event, StreamSetup};
use super::hijack::{signals, tty};
use super::Context;
use crate::cli::Arity;
use crate::engine::api::{ExecCreateOptions, ExecStartOptions};
use crate::engine::{Client, EngineError};
use crate::exit::{self, StatusError};
use crate::opts::kvfile::parse_kv_file;
use crate::opts::validate::validate_env;
use crate::output::OnBrokenPipe;

// Flags of `dkr exec`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER COMMAND [ARG...]",
    args_override_self = true
)]
pub struct ExecArgs {
    /// Detached mode: run command in the background
    #[arg(short = 'd', long)]
    pub detach: bool,
    /// Override the key sequence for detaching a container
    #[arg(long = "detach-keys", value_name = "string")]
    pub detach_keys: Option<String>,
    /// Set environment variables
    #[arg(short = 'e', long, value_name = "list", value_parser = validate_env, allow_hyphen_values = true)]
    pub env: Vec<String>,
    /// Read in a file of environment variables
    #[arg(long = "env-file", value_name = "list")]
    pub env_file: Vec<String>,
    /// Keep STDIN open even if not attached
    #[arg(short = 'i', long)]
    pub interactive: bool,
    /// Give extended privileges to the command
    #[arg(long)]
    pub privileged: bool,
    /// Allocate a pseudo-TTY
    #[arg(short = 't', long)]
    pub tty: bool,
    /// Username or UID (format: "<name|uid>[:<group|gid>]")
    #[arg(short = 'u', long, value_name = "string")]
    pub user: Option<String>,
    /// Working directory inside the container
    #[arg(short = 'w', long, value_name = "string")]
    pub workdir: Option<String>,
    /// The container, then the command and its arguments
    #[arg(value_name = "CONTAINER", trailing_var_arg = true)]
    pub args: Vec<String>,
}

/// docker's `parseExec`: the create body from the flags (env files first, then `-e`).
fn parse_exec(ctx: &Context, args: &ExecArgs) -> Result<ExecCreateOptions, String> {
    let lookup = |k: &str| std::env::var(k).ok();
    let mut env = Vec::new();
    for f in &args.env_file {
        env.extend(parse_kv_file(f, Some(&lookup))?);
    }
    env.extend(args.env.iter().cloned());
    let attached = !args.detach;
    Ok(ExecCreateOptions {
        user: args.user.clone().unwrap_or_default(),
        privileged: args.privileged,
        tty: args.tty,
        console_size: None,
        attach_stdin: attached && args.interactive,
        attach_stderr: attached,
        attach_stdout: attached,
        detach: args.detach,
        detach_keys: super::hijack::detach_keys(ctx, args.detach_keys.as_deref()),
        env: (!env.is_empty()).then_some(env),
        working_dir: args.workdir.clone().unwrap_or_default(),
        cmd: args.args.get(1..).unwrap_or_default().to_vec(),
    })
}

pub fn run(ctx: &Context, args: ExecArgs) -> anyhow::Result<i32> {
    let client = ctx.client()?;
    ctx.check_flags_supported(&client)?;
    ctx.invocation
        .check_arity(args.args.len(), Arity::AtLeast(2))?;
    let mut opts = parse_exec(ctx, &args).map_err(|e| StatusError::new(exit::FAILURE, e))?;
    let container = &args.args[0];

    // docker inspects first so that "No such container" wins over the TTY check, and checks
    // the TTY before creating, so a refused exec leaves no exec behind on the daemon.
    client.container_inspect::<serde::de::IgnoredAny>(container)?;
    if !opts.detach && opts.attach_stdin && opts.tty && !tty::stdin_is_terminal() {
        return Err(StatusError::new(exit::FAILURE, "the input device is not a TTY").into());
    }
    if opts.tty {
        let (h, w) = tty::stdout_size();
        opts.console_size = Some([h, w]);
    }
    let id = client.exec_create(container, &opts)?;
    if id.is_empty() {
        anyhow::bail!("exec ID empty");
    }
    let start = ExecStartOptions {
        detach: opts.detach,
        tty: opts.tty,
        console_size: opts.console_size,
    };
    if opts.detach {
        client.exec_start(&id, &start)?;
        return Ok(exit::OK);
    }
    interactive(&client, &opts, &start, &id)?;
    exit_status(&client, &id)
}

/// docker's `interactiveExec` up to the end of the streams.
fn interactive(
    client: &Client,
    opts: &ExecCreateOptions,
    start: &ExecStartOptions,
    id: &str,
) -> anyhow::Result<()> {
    // docker catches no signal for exec: a closed stdout kills it (SIGPIPE, 141). SIGPIPE is
    // ignored so a write to a closed *socket* is only an error; stdout dies as docker does.
    crate::sys::ignore(libc::SIGPIPE);
    // Go's hijack takes only `101 Switching Protocols`; anything else is reported by status.
    let up = client
        .exec_attach(id, start)
        .map_err(|e| match e.status() {
            Some(status) => super::hijack::not_upgraded(status),
            None => e.into(),
        })?;
    if up.head.status != 101 {
        return Err(super::hijack::not_upgraded(up.head.status));
    }
    // The process runs once the daemon has upgraded: a key typed now is the command's.
    signals::mark_started();
    let _raw = if opts.attach_stdin && opts.tty {
        tty::make_raw().map_err(|e| {
            anyhow::anyhow!(
                "unable to setup input stream: unable to set IO streams as raw terminal: {e}"
            )
        })?
    } else {
        None
    };
    let (tx, rx) = mpsc::channel::<Event>();
    attach::start(
        up,
        StreamSetup {
            tty: opts.tty,
            stdin: opts.attach_stdin,
            stdout: opts.attach_stdout,
            stderr: opts.attach_stderr,
            detach_keys: super::hijack::escape_keys(&opts.detach_keys),
            on_epipe: OnBrokenPipe::Die(tty::restore),
        },
        tx,
    );
    // exec resizes when stdin is a terminal (run and start look at stdout).
    if opts.tty && tty::stdin_is_terminal() {
        signals::monitor_tty_size(client, signals::ResizeTarget::Exec(id.to_string()));
    }
    for ev in rx.iter() {
        match ev {
            Event::Output(result) => {
                tty::restore();
                return result.map_err(|e| StatusError::new(exit::FAILURE, e).into());
            }
            Event::Detached => {
                // Unlike run and start, exec reports the detach as moby/term's EscapeError.
                tty::restore();
                return Err(StatusError::new(exit::FAILURE, "read escape sequence").into());
            }
            Event::InputDone | Event::Status(_) => {}
        }
    }
    tty::restore();
    Ok(())
}

/// docker's `getExecExitStatus`: the command's exit code, silently; a daemon that can no
/// longer be reached gives -1 (255).
fn exit_status(client: &Client, id: &str) -> anyhow::Result<i32> {
    match client.exec_inspect(id) {
        Ok(inspect) => match inspect.exit_code.unwrap_or(0) {
            0 => Ok(exit::OK),
            code => Err(StatusError::silent(code as i32).into()),
        },
        Err(EngineError::Connect { .. }) => Err(StatusError::silent(-1).into()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        a: ExecArgs,
    }

    #[test]
    fn flags_stop_at_the_container() {
        let t = T::try_parse_from(["exec", "-it", "-e", "A=1", "c", "ls", "-la", "-e"]).unwrap();
        assert!(t.a.interactive && t.a.tty);
        assert_eq!(t.a.env, ["A=1"]);
        assert_eq!(t.a.args, ["c", "ls", "-la", "-e"]);
        let t = T::try_parse_from(["exec", "-u", "nobody", "-w", "/tmp", "c", "id"]).unwrap();
        assert_eq!(
            (t.a.user.as_deref(), t.a.workdir.as_deref()),
            (Some("nobody"), Some("/tmp"))
        );
        assert!(T::try_parse_from(["exec", "-e", "=x", "c", "true"]).is_err());
    }
}
