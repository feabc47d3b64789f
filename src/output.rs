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
//!
//! [`StdioWriter`] is the other writer: unbuffered on fd 1 or 2, for the byte streams of `logs`
//! and attach, where the caller chooses (`OnBrokenPipe`) between Go's error text and SIGPIPE.

use std::fmt::Display;
use std::io::{self, Write};

use crate::engine::stream::go_errno_text;

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

    /// stdout behind a 64 KiB buffer, for output written piece by piece as it arrives (a
    /// streamed listing); the caller flushes at the end.
    pub fn buffered(&self) -> io::BufWriter<io::StdoutLock<'static>> {
        io::BufWriter::with_capacity(64 * 1024, io::stdout().lock())
    }

    /// Whether stdout is a terminal (what is printed there is escaped; see render::sanitize).
    pub fn stdout_is_terminal(&self) -> bool {
        io::IsTerminal::is_terminal(&io::stdout())
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

/// What a [`StdioWriter`] does when its reader went away (`EPIPE`).
#[derive(Debug, Clone, Copy)]
pub enum OnBrokenPipe {
    /// Return the error (`write /dev/stdout: broken pipe`): Go with SIGPIPE caught.
    Error,
    /// Run the hook, then die of SIGPIPE like a Go program that does not catch it (exit 141).
    Die(fn()),
}

/// An unbuffered writer on fd 1 or 2 whose errors read like Go's `*os.File`
/// (`write /dev/stdout: broken pipe`). Wrap it in a `BufWriter` for throughput; the
/// demultiplexer flushes at the right moments.
pub struct StdioWriter {
    fd: rustix::fd::BorrowedFd<'static>,
    on_epipe: OnBrokenPipe,
}

impl StdioWriter {
    pub fn stdout(on_epipe: OnBrokenPipe) -> StdioWriter {
        StdioWriter {
            fd: rustix::stdio::stdout(),
            on_epipe,
        }
    }

    pub fn stderr(on_epipe: OnBrokenPipe) -> StdioWriter {
        StdioWriter {
            fd: rustix::stdio::stderr(),
            on_epipe,
        }
    }

    fn name(&self) -> &'static str {
        if rustix::fd::AsRawFd::as_raw_fd(&self.fd) == 1 {
            "/dev/stdout"
        } else {
            "/dev/stderr"
        }
    }
}

/// Die of SIGPIPE as an uncaught SIGPIPE would kill the process.
pub fn die_of_sigpipe() -> ! {
    crate::sys::set_default(libc::SIGPIPE);
    crate::sys::raise(libc::SIGPIPE);
    // SIGPIPE may be blocked in this thread; exit with the code the shell would show.
    std::process::exit(128 + libc::SIGPIPE)
}

impl Write for StdioWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        loop {
            let err = match rustix::io::write(self.fd, buf) {
                Ok(n) => return Ok(n),
                Err(rustix::io::Errno::INTR) => continue,
                Err(rustix::io::Errno::AGAIN) => {
                    // A non-blocking stdout (shared with another program): wait until writable.
                    let mut pfd = [rustix::event::PollFd::new(
                        &self.fd,
                        rustix::event::PollFlags::OUT,
                    )];
                    let _ = rustix::event::poll(&mut pfd, None);
                    continue;
                }
                Err(rustix::io::Errno::PIPE) => {
                    if let OnBrokenPipe::Die(hook) = self.on_epipe {
                        hook();
                        die_of_sigpipe();
                    }
                    io::Error::from(rustix::io::Errno::PIPE)
                }
                Err(errno) => io::Error::from(errno),
            };
            return Err(io::Error::new(
                err.kind(),
                format!("write {}: {}", self.name(), go_errno_text(&err)),
            ));
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
