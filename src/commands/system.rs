//! `dkr system dial-stdio`: the remote half of an `ssh://` connection (docker's
//! `cli/command/system/dial_stdio.go`): stdin and stdout bridged to a raw connection to the
//! engine this dkr resolves as usual, each direction half-closed when its source ends.

use std::io::{self, Read, Write};
use std::os::fd::OwnedFd;

use super::Context;
use crate::cli::Arity;

// Flags of `dkr system dial-stdio` (none).
#[derive(clap::Args, Debug)]
#[command(override_usage = "")]
pub struct DialStdioArgs {
    #[arg(hide = true)]
    pub args: Vec<String>,
}

// `dkr system …`.
#[derive(clap::Subcommand, Debug)]
#[command(defer = true)]
pub enum SystemCommand {
    /// (docker's text ends with a period, which a doc comment would lose)
    #[command(
        name = "dial-stdio",
        hide = true,
        about = "Proxy the stdio stream to the daemon connection. Should not be invoked manually."
    )]
    DialStdio(DialStdioArgs),
}

pub fn run(ctx: &Context, cmd: SystemCommand) -> anyhow::Result<i32> {
    match cmd {
        SystemCommand::DialStdio(a) => dial_stdio(ctx, a),
    }
}

fn dial_stdio(ctx: &Context, args: DialStdioArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(args.args.len(), Arity::None)?;
    let client = ctx.client()?;
    let conn = client
        .dial_raw()
        .map_err(|e| anyhow::anyhow!("failed to open the raw stream connection: {e}"))?;
    let (mut from_engine, mut to_engine) = conn.split()?;
    let stdin: OwnedFd = rustix::io::dup(rustix::stdio::stdin())?;
    let stdout: OwnedFd = rustix::io::dup(rustix::stdio::stdout())?;
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(bool, io::Result<()>)>();
    let tx = done_tx.clone();
    std::thread::spawn(move || {
        let mut input = std::fs::File::from(stdin);
        let r = copy(&mut input, &mut to_engine).map(|_| ());
        // The engine sees the end of the request stream; the answer may still come.
        let _ = to_engine.close_write();
        let _ = tx.send((true, r.map_err(|e| wrap(e, "stdin to stream"))));
    });
    std::thread::spawn(move || {
        let mut output = std::fs::File::from(stdout);
        let r = copy(&mut from_engine, &mut output).map(|_| ());
        // Closing stdout is the half-close the other side (ssh) sees.
        drop(output);
        let _ = rustix::stdio::stdout();
        let _ = done_tx.send((false, r.map_err(|e| wrap(e, "stream to stdout"))));
    });
    // docker: when stdin ends first, wait for the answer to end too; when the answer ends
    // first, return at once (stdin may never end).
    let (first_was_stdin, result) = done_rx
        .recv()
        .map_err(|_| anyhow::anyhow!("dial-stdio: copier thread ended"))?;
    result?;
    if first_was_stdin {
        if let Ok((_, r)) = done_rx.recv() {
            r?;
        }
    }
    Ok(crate::exit::OK)
}

/// `io::copy` that writes every read at once (no buffering between the two ends).
fn copy(from: &mut dyn Read, to: &mut dyn Write) -> io::Result<u64> {
    let mut buf = vec![0u8; 32 * 1024];
    let mut total = 0u64;
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        to.write_all(&buf[..n])?;
        to.flush()?;
        total += n as u64;
    }
}

fn wrap(e: io::Error, what: &str) -> io::Error {
    io::Error::new(e.kind(), format!("error while Copy ({what}): {e}"))
}
