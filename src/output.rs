//! The process's standard streams: the one writer every command prints through, so the bytes,
//! the flush points, the order between stdout and stderr and what a closed pipe does are
//! decided in one place.
//!
//! stdout goes through std's handle, which is line-buffered: a whole line is written (and
//! flushed) at once, as `println!` did, so lines interleave with stderr in program order. stderr
//! is unbuffered. No lock is held between calls: `run`'s attach and signal threads and `stop`'s
//! workers write to the same streams.
//!
//! A closed stdout kills the process with SIGPIPE, as it kills docker (its disposition is the
//! default, see `exit::restore_sigpipe`); where SIGPIPE is ignored (`run`), a write error is
//! returned to the caller instead of panicking. Errors writing to stderr are ignored, as Go's
//! `fmt.Fprintln(os.Stderr, …)` ignores them.

use std::fmt::Display;
use std::io::{self, Write};

/// A handle on stdout and stderr. Zero-sized and `Copy`, so threads take their own.
#[derive(Debug, Clone, Copy, Default)]
pub struct Streams;

impl Streams {
    /// `text` and a newline on stdout.
    pub fn line(&self, text: impl Display) -> io::Result<()> {
        writeln!(io::stdout().lock(), "{text}")
    }

    /// `text` on stdout as is, flushed now (a prompt, a line docker writes in pieces).
    pub fn print(&self, text: impl Display) -> io::Result<()> {
        let mut out = io::stdout().lock();
        write!(out, "{text}")?;
        out.flush()
    }

    /// Rendered bytes on stdout in one buffered write, flushed at the end (tables, listings).
    pub fn write_all(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::BufWriter::new(io::stdout().lock());
        out.write_all(bytes)?;
        out.flush()
    }

    /// Bytes on stderr, for a stream whose write errors end the command (pull progress).
    pub fn write_err(&self, bytes: &[u8]) -> io::Result<()> {
        io::stderr().lock().write_all(bytes)
    }

    /// `text` and a newline on stderr.
    pub fn err_line(&self, text: impl Display) {
        let _ = writeln!(io::stderr().lock(), "{text}");
    }

    /// `text` on stderr as is.
    pub fn err(&self, text: impl Display) {
        let _ = write!(io::stderr().lock(), "{text}");
    }

    /// docker's `WARNING: …` line on stderr.
    pub fn warn(&self, text: impl Display) {
        self.err_line(format_args!("WARNING: {text}"));
    }
}
