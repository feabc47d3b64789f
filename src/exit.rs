//! Exit codes and error reporting: the one place that decides what a failure prints and which
//! code the process ends with (docker 28's table, see design.md "Exit codes").

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// Success.
pub const OK: i32 = 0;
/// Daemon error, not found, general failure.
pub const FAILURE: i32 = 1;
/// Flag parse error, and `run`'s create/start/daemon failures.
pub const USAGE: i32 = 125;
/// `run`: the command exists but cannot be executed.
pub const CANNOT_EXECUTE: i32 = 126;
/// `run`: the command was not found.
pub const NOT_FOUND: i32 = 127;

/// An error with an explicit exit code. `message` is printed to stderr as is (plus a newline)
/// unless it is empty — a container's own exit code carries no message.
#[derive(Debug)]
pub struct StatusError {
    pub code: i32,
    pub message: String,
}

impl StatusError {
    pub fn new(code: i32, message: impl Into<String>) -> Self {
        StatusError {
            code,
            message: message.into(),
        }
    }

    /// Exit with `code` and print nothing.
    pub fn silent(code: i32) -> Self {
        StatusError::new(code, "")
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StatusError {}

/// The exit code for an error: a [`StatusError`]'s own code, else 1 (docker's `getExitCode`).
pub fn code_of(err: &anyhow::Error) -> i32 {
    match err.downcast_ref::<StatusError>() {
        Some(s) => s.code,
        None => FAILURE,
    }
}

/// Print `err` to stderr the way docker's `main` does and return its exit code.
pub fn report(err: &anyhow::Error) -> i32 {
    let code = code_of(err);
    let text = match err.downcast_ref::<StatusError>() {
        Some(s) => s.message.clone(),
        None => format!("{err:#}"),
    };
    if !text.is_empty() {
        // Daemon and registry texts may carry escape sequences: neutralised on a terminal,
        // byte for byte when piped (render::sanitize).
        let text = crate::render::sanitize::for_stderr(&text);
        crate::output::Streams.err_line(text);
    }
    code
}

/// The signals this process was started with ignored (bit N for signal N): a background job of
/// a non-interactive shell starts with SIGINT and SIGQUIT ignored, and must stay deaf to the
/// Ctrl-C meant for the foreground job. Recorded by [`record_start_dispositions`] before any
/// handler is installed, since installing one forgets the old disposition.
static IGNORED_AT_START: AtomicU64 = AtomicU64::new(0);

/// Note which catchable signals are ignored now, at start-up (see [`IGNORED_AT_START`]).
pub fn record_start_dispositions() {
    let mut bits = 0u64;
    for sig in 1..64 {
        if crate::sys::is_ignored(sig) {
            bits |= 1 << sig;
        }
    }
    IGNORED_AT_START.store(bits, Ordering::SeqCst);
}

/// Was `sig` ignored when the process started?
pub fn ignored_at_start(sig: i32) -> bool {
    (1..64).contains(&sig) && IGNORED_AT_START.load(Ordering::SeqCst) & (1 << sig) != 0
}

/// Catch `sigs` through an iterator, except those ignored at start, which stay ignored (Go's
/// `signal.Notify` would un-ignore them; a background job must not end on the foreground's
/// Ctrl-C). Every command that reacts to a termination signal takes it from here, and ends
/// with [`die_by_signal`] once it has cleaned up.
pub fn catch(sigs: &[i32]) -> std::io::Result<signal_hook::iterator::Signals> {
    let wanted: Vec<i32> = sigs
        .iter()
        .copied()
        .filter(|s| !ignored_at_start(*s))
        .collect();
    signal_hook::iterator::Signals::new(wanted)
}

/// End the process by `sig` itself, after the caller has put the terminal back and removed
/// what it owns: the disposition goes back to the default and the signal is raised again, so
/// the parent sees "killed by SIGINT" (the shell reports 130) and a script or `xargs` run
/// stops too, which an `exit(130)` would not do (bash goes on after a child that exits 130).
pub fn die_by_signal(sig: i32) -> ! {
    let _ = std::io::Write::flush(&mut std::io::stdout());
    crate::engine::ssh::shutdown();
    crate::sys::set_default(sig);
    crate::sys::unblock(sig);
    crate::sys::raise(sig);
    // Only reached for a signal whose default action does not end the process.
    std::process::exit(128 + sig)
}

/// Rust ignores SIGPIPE; docker (Go) is killed by it when stdout is a closed pipe (exit 141).
/// Restore the default so `dkr ps | head -1` ends the same way. `run` with signal proxying
/// ignores it again on purpose (see commands::run).
pub fn restore_sigpipe() {
    crate::sys::set_default(libc::SIGPIPE);
}
