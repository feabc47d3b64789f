//! Exit codes and error reporting: the one place that decides what a failure prints and which
//! code the process ends with (docker 28's table, see design.md "Exit codes").

use std::fmt;
use std::io::Write;

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
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "{text}");
    }
    code
}

/// Rust ignores SIGPIPE; docker (Go) is killed by it when stdout is a closed pipe (exit 141).
/// Restore the default so `dkr ps | head -1` ends the same way. `run` with signal proxying
/// ignores it again on purpose (see commands::run).
pub fn restore_sigpipe() {
    // SAFETY: setting a signal disposition to SIG_DFL at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
