//! The hijacked connection of `run`, `start -a` and `exec` (docker's `hijackedIOStreamer`):
//! container output to stdout/stderr (demultiplexed, or raw with `-t`), stdin to the container
//! (through the detach-key filter with `-t`, half-closed at EOF), each on its own thread,
//! reporting to the main thread through one channel.

use std::io::{self, BufWriter, Read, Write};
use std::sync::mpsc::Sender;

use crate::engine::stream;
use crate::engine::transport::WriteHalf;
use crate::engine::Upgraded;
use crate::output::{OnBrokenPipe, StdioWriter};

/// What the stream threads (and the wait thread) tell `run`.
#[derive(Debug)]
pub enum Event {
    /// The output side finished: the container closed its streams (or an error).
    Output(Result<(), String>),
    /// Stdin reached EOF (or failed) and the write side was half-closed.
    InputDone,
    /// The user typed the detach keys.
    Detached,
    /// The container's exit status (from the wait request).
    Status(i32),
}

/// The default detach keys, ctrl-p ctrl-q.
pub const DEFAULT_DETACH_KEYS: [u8; 2] = [16, 17];

/// moby/term `ToBytes`: `ctrl-p,ctrl-q`, single characters, `DEL`.
pub fn detach_key_bytes(keys: &str) -> Result<Vec<u8>, String> {
    let mut codes = Vec::new();
    for key in keys.split(',') {
        if key.len() == 1 {
            codes.push(key.as_bytes()[0]);
            continue;
        }
        if key == "DEL" {
            codes.push(127);
            continue;
        }
        let ctrl = key
            .strip_prefix("ctrl-")
            .filter(|c| c.len() == 1)
            .map(|c| c.as_bytes()[0]);
        match ctrl {
            Some(c @ b'a'..=b'z') => codes.push(c - b'a' + 1),
            Some(b'@') => codes.push(0),
            Some(b'[') => codes.push(27),
            Some(b'\\') => codes.push(28),
            Some(b']') => codes.push(29),
            Some(b'^') => codes.push(30),
            Some(b'_') => codes.push(31),
            _ => return Err(format!("Unknown character: '{key}'")),
        }
    }
    Ok(codes)
}

/// moby/term's `escapeProxy`: passes bytes through until the whole escape sequence has been
/// read, holding back a partial match; a partial match followed by other bytes is released.
pub struct EscapeProxy<R> {
    inner: R,
    keys: Vec<u8>,
    pos: usize,
    pending: Vec<u8>,
}

impl<R: Read> EscapeProxy<R> {
    pub fn new(inner: R, keys: Vec<u8>) -> Self {
        EscapeProxy {
            inner,
            keys,
            pos: 0,
            pending: Vec::new(),
        }
    }

    /// Read like `Read::read`. A count of 0 with [`Got::Data`] is not the end: a partial
    /// escape sequence is being held back.
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<Got> {
        if !self.keys.is_empty() && self.pos == self.keys.len() {
            return Ok(Got::Escaped(0));
        }
        let mut n = 0;
        if !self.pending.is_empty() {
            n = self.pending.len().min(buf.len());
            buf[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
        }
        let nr = if n < buf.len() {
            self.inner.read(&mut buf[n..])?
        } else {
            0
        };
        let eof = nr == 0 && n < buf.len();
        n += nr;
        let done = |n: usize| if eof { Got::Eof(n) } else { Got::Data(n) };
        if self.keys.is_empty() {
            return Ok(done(n));
        }
        let mut i = 0;
        while i < n {
            if buf[i] == self.keys[self.pos] {
                self.pos += 1;
                if self.pos == self.keys.len() {
                    return Ok(Got::Escaped((i + 1).saturating_sub(self.pos)));
                }
                i += 1;
                continue;
            }
            if i < self.pos {
                // The held-back prefix straddled an earlier read: put it back in front.
                let mut preserve = self.keys[..self.pos].to_vec();
                preserve.extend_from_slice(&buf[..n]);
                let fit = preserve.len().min(buf.len());
                buf[..fit].copy_from_slice(&preserve[..fit]);
                self.pending.extend_from_slice(&preserve[fit..]);
                n = fit;
                i += self.pos;
            }
            self.pos = 0;
            i += 1;
        }
        Ok(done(n.saturating_sub(self.pos)))
    }
}

/// One read through an [`EscapeProxy`]: `n` bytes to pass on, and what comes next.
#[derive(Debug, PartialEq, Eq)]
pub enum Got {
    Data(usize),
    /// The input ended (after these bytes).
    Eof(usize),
    /// The detach sequence was typed (after these bytes).
    Escaped(usize),
}

/// A plain read of fd 0 (no `Stdin` lock or buffer, so the thread owns it outright).
pub struct RawStdin;

impl Read for RawStdin {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match rustix::io::read(rustix::stdio::stdin(), &mut *buf) {
                Ok(n) => return Ok(n),
                Err(rustix::io::Errno::INTR) => continue,
                Err(err) => return Err(err.into()),
            }
        }
    }
}

/// How the streams are wired.
pub struct StreamSetup {
    pub tty: bool,
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// Detach sequence (with `-t` and stdin).
    pub detach_keys: Vec<u8>,
    /// What a write to a closed stdout/stderr does (see `OnBrokenPipe`).
    pub on_epipe: OnBrokenPipe,
}

/// Start the output and input threads on a hijacked connection. Nothing needs to stop them:
/// `run` returns once it has what it waits for, and the process exit ends them.
pub fn start(up: Upgraded, setup: StreamSetup, events: Sender<Event>) {
    let Upgraded {
        mut reader, writer, ..
    } = up;
    if setup.stdout || setup.stderr {
        let tx = events.clone();
        let (tty, want_out, want_err, on_epipe) =
            (setup.tty, setup.stdout, setup.stderr, setup.on_epipe);
        std::thread::spawn(move || {
            let result = copy_output(&mut reader, tty, want_out, want_err, on_epipe);
            let _ = tx.send(Event::Output(result.map_err(|e| e.to_string())));
        });
    }
    let mut writer = writer;
    let tx = events;
    if setup.stdin {
        let (tty, keys) = (setup.tty, setup.detach_keys);
        std::thread::spawn(move || {
            let detached = copy_input(&mut writer, tty, keys);
            if detached {
                let _ = tx.send(Event::Detached);
                return;
            }
            let _ = writer.close_write();
            let _ = tx.send(Event::InputDone);
        });
    } else {
        // Nothing to send: tell the daemon so right away, as docker does.
        let _ = writer.close_write();
        let _ = tx.send(Event::InputDone);
    }
}

/// A reader that records the container as started when its first byte of output comes (it
/// can come before the answer to `start`).
struct MarksStart<'a, R>(&'a mut R, bool);

impl<R: Read> Read for MarksStart<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        if n > 0 && !self.1 {
            self.1 = true;
            super::signals::mark_started();
        }
        Ok(n)
    }
}

impl<R: stream::ReadyRead> stream::ReadyRead for MarksStart<'_, R> {
    fn ready(&self) -> bool {
        self.0.ready()
    }
}

fn copy_output<R: stream::ReadyRead>(
    reader: &mut R,
    tty: bool,
    want_out: bool,
    want_err: bool,
    on_epipe: OnBrokenPipe,
) -> io::Result<()> {
    let reader = &mut MarksStart(reader, false);
    let mut out = BufWriter::with_capacity(64 * 1024, StdioWriter::stdout(on_epipe));
    if tty {
        // With a TTY the daemon sends one raw stream; docker writes it to stdout (or, with
        // only `-a stderr`, to stdout too: `cerr = Out()` for TTYs).
        stream::copy_raw(reader, &mut out)?;
        return Ok(());
    }
    let mut err = BufWriter::with_capacity(16 * 1024, StdioWriter::stderr(on_epipe));
    stream::demux_requested(
        reader,
        want_out.then_some(&mut out as &mut dyn Write),
        want_err.then_some(&mut err as &mut dyn Write),
    )
}

/// Copy stdin to the container; true if it ended with the detach keys.
fn copy_input(writer: &mut WriteHalf, tty: bool, keys: Vec<u8>) -> bool {
    let mut buf = vec![0u8; 32 * 1024];
    if tty {
        let mut proxy = EscapeProxy::new(RawStdin, keys);
        loop {
            let (n, next) = match proxy.read(&mut buf) {
                Err(_) => return false,
                Ok(Got::Data(n)) => (n, None),
                Ok(Got::Eof(n)) => (n, Some(false)),
                Ok(Got::Escaped(n)) => (n, Some(true)),
            };
            if super::signals::interrupt_key_before_start(&buf[..n]) {
                // The process is ending; the key is not the container's.
                continue;
            }
            if n > 0 && writer.write_all(&buf[..n]).is_err() {
                return false;
            }
            if let Some(detached) = next {
                return detached;
            }
        }
    }
    let mut stdin = RawStdin;
    loop {
        match stdin.read(&mut buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => {
                if writer.write_all(&buf[..n]).is_err() {
                    return false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_proxy(chunks: &[&[u8]], keys: &[u8]) -> (Vec<u8>, bool) {
        struct Chunks<'a>(Vec<&'a [u8]>);
        impl Read for Chunks<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.0.is_empty() {
                    return Ok(0);
                }
                let c = self.0.remove(0);
                buf[..c.len()].copy_from_slice(c);
                Ok(c.len())
            }
        }
        let mut p = EscapeProxy::new(Chunks(chunks.to_vec()), keys.to_vec());
        let mut out = Vec::new();
        let mut buf = [0u8; 64];
        loop {
            match p.read(&mut buf).unwrap() {
                Got::Data(n) => out.extend_from_slice(&buf[..n]),
                Got::Eof(n) => {
                    out.extend_from_slice(&buf[..n]);
                    return (out, false);
                }
                Got::Escaped(n) => {
                    out.extend_from_slice(&buf[..n]);
                    return (out, true);
                }
            }
        }
    }

    #[test]
    fn detach_keys_parse_like_moby() {
        assert_eq!(
            detach_key_bytes("ctrl-p,ctrl-q").unwrap(),
            DEFAULT_DETACH_KEYS
        );
        assert_eq!(
            detach_key_bytes("a,ctrl-@,DEL,ctrl-_").unwrap(),
            [b'a', 0, 127, 31]
        );
        assert_eq!(detach_key_bytes("ctrl-x,y").unwrap(), [24, b'y']);
        assert_eq!(
            detach_key_bytes("bogus").unwrap_err(),
            "Unknown character: 'bogus'"
        );
    }

    #[test]
    fn escape_proxy_detaches_and_passes_other_bytes() {
        let keys = DEFAULT_DETACH_KEYS;
        assert_eq!(run_proxy(&[b"ls\r"], &keys), (b"ls\r".to_vec(), false));
        assert_eq!(run_proxy(&[b"ab\x10\x11cd"], &keys), (b"ab".to_vec(), true));
        assert_eq!(run_proxy(&[b"\x10\x11"], &keys), (b"".to_vec(), true));
        assert_eq!(
            run_proxy(&[b"ab\x10", b"\x11"], &keys),
            (b"ab".to_vec(), true)
        );
        // A lone ctrl-p followed by something else is delivered.
        assert_eq!(
            run_proxy(&[b"\x10", b"x"], &keys),
            (b"\x10x".to_vec(), false)
        );
        assert_eq!(
            run_proxy(&[b"\x10x\x10\x11"], &keys),
            (b"\x10x".to_vec(), true)
        );
        assert_eq!(run_proxy(&[b"data"], &[]), (b"data".to_vec(), false));
    }
}
