//! Engine streams: the 8-byte-header stdout/stderr multiplexing of logs and attach, and the
//! concatenated JSON messages of pull.

use std::io::{self, Read, Write};

/// Which output a demultiplexed frame goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamKind {
    Stdin,
    Stdout,
    Stderr,
    /// The daemon's own error (`systemerr`, 3).
    System,
}

/// [`demux`] for an attach that requested only some outputs (`run -a stdout`): frames of an
/// output that was not requested are read and dropped. Podman sends them anyway; docker 28
/// dies of a nil-pointer panic on them (README's "Podman").
pub fn demux_requested<R: ReadyRead>(
    src: &mut R,
    stdout: Option<&mut dyn Write>,
    stderr: Option<&mut dyn Write>,
) -> io::Result<()> {
    let (mut no_out, mut no_err) = (io::sink(), io::sink());
    demux(
        src,
        &mut stdout.unwrap_or(&mut no_out),
        &mut stderr.unwrap_or(&mut no_err),
    )
}

/// Size of the read buffer of [`demux`] and [`copy_raw`].
const BUF: usize = 64 * 1024;

/// A reader that can tell whether its next read will return without waiting for the peer.
///
/// The copy loops flush their buffered writers only when it says no: a burst of small frames
/// (one 58-byte log line per HTTP chunk) then leaves in 64 KiB writes, while output that
/// stops (`logs -f`, an attached container that waits) is on screen before the read blocks.
/// Saying "no" when unsure is always safe; it only costs a write.
pub trait ReadyRead: Read {
    /// True when bytes are already buffered or the socket has data (poll with no wait).
    fn ready(&self) -> bool;
}

impl ReadyRead for &[u8] {
    fn ready(&self) -> bool {
        true
    }
}

impl<R: ReadyRead + ?Sized> ReadyRead for &mut R {
    fn ready(&self) -> bool {
        (**self).ready()
    }
}

impl<R: ReadyRead> ReadyRead for io::BufReader<R> {
    fn ready(&self) -> bool {
        !self.buffer().is_empty() || self.get_ref().ready()
    }
}

impl<A: ReadyRead, B: ReadyRead> ReadyRead for io::Chain<A, B> {
    fn ready(&self) -> bool {
        let (a, b) = self.get_ref();
        a.ready() || b.ready()
    }
}

impl ReadyRead for io::Cursor<Vec<u8>> {
    fn ready(&self) -> bool {
        // Only bytes still unread count: an exhausted prefix must not hide a silent socket.
        (self.position() as usize) < self.get_ref().len()
    }
}

/// A finite stream (`logs` without `-f`) read in fewer, larger gulps: when its source has
/// nothing ready, [`ReadyRead::ready`] waits `nap` once and asks again before saying no.
///
/// The daemon writes one log line per socket write. Read as soon as something is there, a
/// 100 MB log of short lines took 61,000 wakeups of ~30 lines, each with a `poll`, a `recv`
/// and a flush; a 1 ms nap lets ~80 lines gather first (the socket holds ~260 before the
/// daemon would wait), which cut `logs`' CPU by a third with the wall unchanged. The flush
/// rule stands: output is flushed before any read that would wait, at most `nap` later than
/// without it. Not for `-f` or attach, where a person waits for each line.
pub struct NapWhenIdle<R> {
    pub inner: R,
    pub nap: std::time::Duration,
}

/// How long [`NapWhenIdle`] waits for more of a finite stream.
pub const IDLE_NAP: std::time::Duration = std::time::Duration::from_millis(1);

impl<R: Read> Read for NapWhenIdle<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf)
    }
}

impl<R: ReadyRead> ReadyRead for NapWhenIdle<R> {
    fn ready(&self) -> bool {
        if self.inner.ready() {
            return true;
        }
        if self.nap.is_zero() {
            return false;
        }
        std::thread::sleep(self.nap);
        self.inner.ready()
    }
}

/// True when `fd` has data to read (or hung up) right now.
pub fn fd_readable(fd: impl std::os::fd::AsFd) -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    let mut pfd = [PollFd::new(&fd, PollFlags::IN)];
    let no_wait = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    poll(&mut pfd, Some(&no_wait)).is_ok_and(|n| n > 0)
}

/// Demultiplex `[stream, 0, 0, 0, len(be32)] payload` frames from `src` into `stdout` and
/// `stderr` byte for byte (docker's `stdcopy.StdCopy`). Stream 0 goes to stdout as docker's
/// does; stream 3 ends with `error from daemon in stream: <text>`. Returns when `src` ends at
/// a frame boundary; a stream cut inside a frame is an `UnexpectedEof` error.
///
/// Payloads are written straight from the read buffer. The writers are flushed only when the
/// next read would wait for the peer (`src.ready()` is false: so buffered writers show output
/// as soon as it arrives, e.g. under `logs -f`), when output switches between stdout and
/// stderr (so `2>&1` keeps the container's order), and at the end.
pub fn demux<R: ReadyRead, O: Write, E: Write>(
    src: &mut R,
    stdout: &mut O,
    stderr: &mut E,
) -> io::Result<()> {
    let mut buf = vec![0u8; BUF];
    // buf[pos..end] holds bytes read but not yet used.
    let (mut pos, mut end) = (0usize, 0usize);
    // The writer that may hold unflushed bytes.
    let mut dirty: Option<StreamKind> = None;
    let flush = |dirty: &mut Option<StreamKind>, o: &mut O, e: &mut E| -> io::Result<()> {
        match dirty.take() {
            Some(StreamKind::Stderr) => e.flush(),
            Some(_) => o.flush(),
            None => Ok(()),
        }
    };
    loop {
        // A whole header: compact, then read until 8 bytes are there.
        if end - pos < 8 {
            buf.copy_within(pos..end, 0);
            end -= pos;
            pos = 0;
            while end < 8 {
                if !src.ready() {
                    flush(&mut dirty, stdout, stderr)?;
                }
                match src.read(&mut buf[end..]) {
                    Ok(0) if end == 0 => return flush(&mut dirty, stdout, stderr),
                    Ok(0) => return Err(unexpected_eof()),
                    Ok(n) => end += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        let header = &buf[pos..pos + 8];
        let kind = match header[0] {
            0 => StreamKind::Stdin,
            1 => StreamKind::Stdout,
            2 => StreamKind::Stderr,
            3 => StreamKind::System,
            other => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("Unrecognized input header: {other}"),
                ))
            }
        };
        let mut left = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) as usize;
        pos += 8;
        let out_kind = if kind == StreamKind::Stdin {
            StreamKind::Stdout
        } else {
            kind
        };
        if kind != StreamKind::System && dirty.is_some() && dirty != Some(out_kind) {
            flush(&mut dirty, stdout, stderr)?;
        }
        let mut system = Vec::new();
        while left > 0 {
            if pos == end {
                if !src.ready() {
                    flush(&mut dirty, stdout, stderr)?;
                }
                pos = 0;
                end = 0;
                match src.read(&mut buf) {
                    Ok(0) => return Err(unexpected_eof()),
                    Ok(n) => end = n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            }
            let n = left.min(end - pos);
            let chunk = &buf[pos..pos + n];
            match out_kind {
                StreamKind::Stderr => stderr.write_all(chunk)?,
                StreamKind::System => system.extend_from_slice(chunk),
                _ => stdout.write_all(chunk)?,
            }
            if out_kind != StreamKind::System {
                dirty = Some(out_kind);
            }
            pos += n;
            left -= n;
        }
        if kind == StreamKind::System {
            flush(&mut dirty, stdout, stderr)?;
            return Err(io::Error::other(format!(
                "error from daemon in stream: {}",
                String::from_utf8_lossy(&system)
            )));
        }
    }
}

/// Copy a raw (TTY) stream to `out`, flushing only when the next read would wait and at the end.
pub fn copy_raw<R: ReadyRead, W: Write>(src: &mut R, out: &mut W) -> io::Result<u64> {
    let mut buf = vec![0u8; BUF];
    let mut total = 0u64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => {
                out.flush()?;
                return Ok(total);
            }
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let _ = out.flush();
                return Err(e);
            }
        };
        out.write_all(&buf[..n])?;
        if !src.ready() {
            out.flush()?;
        }
        total += n as u64;
    }
}

fn unexpected_eof() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "unexpected EOF")
}

/// Go's text for an errno (`broken pipe`, `no space left on device`): the C library's
/// message with a lower-case first letter, which is what Go's table holds.
pub fn go_errno_text(err: &io::Error) -> String {
    match err.raw_os_error() {
        Some(code) => {
            // std's text for an OS error is the C library's strerror_r message plus
            // ` (os error N)`.
            let full = io::Error::from_raw_os_error(code).to_string();
            let suffix = format!(" (os error {code})");
            let text = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
        None => err.to_string(),
    }
}

/// Reads concatenated JSON values (`{...}{...}` or one per line) from a stream.
pub struct JsonStream<R: Read> {
    inner: serde_json::StreamDeserializer<'static, serde_json::de::IoRead<R>, serde_json::Value>,
}

impl<R: Read> JsonStream<R> {
    pub fn new(r: R) -> Self {
        JsonStream {
            inner: serde_json::Deserializer::from_reader(r).into_iter(),
        }
    }
}

impl<R: Read> Iterator for JsonStream<R> {
    type Item = Result<serde_json::Value, String>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next().map(|r| r.map_err(|e| e.to_string()))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One frame of the multiplexed stream: stream kind, three zero bytes, the length, data.
    pub(crate) fn frame(kind: u8, payload: &[u8]) -> Vec<u8> {
        let mut v = vec![kind, 0, 0, 0];
        v.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        v.extend_from_slice(payload);
        v
    }

    #[test]
    fn demux_splits_streams_byte_for_byte() {
        let mut raw = frame(1, b"out\n");
        raw.extend(frame(2, b"err\n"));
        raw.extend(frame(1, &[0xff, 0x00, 0xfe]));
        raw.extend(frame(0, b"zero"));
        let (mut o, mut e) = (Vec::new(), Vec::new());
        demux(&mut &raw[..], &mut o, &mut e).unwrap();
        assert_eq!(o, b"out\n\xff\x00\xfezero");
        assert_eq!(e, b"err\n");
    }

    #[test]
    fn demux_rejects_truncation_and_bad_headers() {
        let raw = frame(1, b"hello");
        for cut in 1..raw.len() {
            let (mut o, mut e) = (Vec::new(), Vec::new());
            assert!(
                demux(&mut &raw[..cut], &mut o, &mut e).is_err(),
                "cut {cut}"
            );
        }
        let (mut o, mut e) = (Vec::new(), Vec::new());
        assert!(demux(&mut &frame(9, b"x")[..], &mut o, &mut e).is_err());
        let err = demux(&mut &frame(3, b"boom")[..], &mut o, &mut e).unwrap_err();
        assert_eq!(err.to_string(), "error from daemon in stream: boom");
    }

    use crate::engine::testing::Trickle;

    /// Records the order of bytes reaching either writer at flush time.
    #[derive(Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>, Vec<u8>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.1.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            self.0.borrow_mut().append(&mut self.1);
            Ok(())
        }
    }

    #[test]
    fn demux_handles_any_read_sizes_and_big_frames() {
        let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut raw = frame(1, &big);
        raw.extend(frame(2, b"e1"));
        raw.extend(frame(1, b""));
        raw.extend(frame(1, b"tail"));
        for step in [1, 3, 8, 9, 4096, 70_000, 1 << 20] {
            let (mut o, mut e) = (Vec::new(), Vec::new());
            demux(&mut Trickle { data: &raw, step }, &mut o, &mut e).unwrap();
            let mut want = big.clone();
            want.extend_from_slice(b"tail");
            assert_eq!(o, want, "step {step}");
            assert_eq!(e, b"e1");
        }
    }

    #[test]
    fn demux_requested_drops_frames_of_streams_not_requested() {
        // What Podman sends to `run -a stdout` (and `-a stderr`): frames of both outputs.
        let mut src = frame(1, b"out1\n");
        src.extend(frame(2, b"err1\n"));
        src.extend(frame(0, b"in-as-out\n"));
        src.extend(frame(2, b"err2\n"));
        src.extend(frame(1, b"out2\n"));
        let mut out = Vec::new();
        demux_requested(&mut &src[..], Some(&mut out), None).unwrap();
        assert_eq!(out, b"out1\nin-as-out\nout2\n");
        let mut err = Vec::new();
        demux_requested(&mut &src[..], None, Some(&mut err)).unwrap();
        assert_eq!(err, b"err1\nerr2\n");
        // A daemon error still ends the stream when its output was not requested.
        let mut src = frame(2, b"e\n");
        src.extend(frame(3, b"boom"));
        let mut out = Vec::new();
        let e = demux_requested(&mut &src[..], Some(&mut out), None).unwrap_err();
        assert_eq!(e.to_string(), "error from daemon in stream: boom");
        assert!(out.is_empty());
    }

    #[test]
    fn demux_keeps_order_across_streams_when_buffered() {
        let mut raw = Vec::new();
        for i in 0..50u8 {
            raw.extend(frame(1 + i % 2, &[b'a' + i % 26]));
        }
        let order = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let mut o = Shared(order.clone(), Vec::new());
        let mut e = Shared(order.clone(), Vec::new());
        demux(&mut &raw[..], &mut o, &mut e).unwrap();
        let want: Vec<u8> = (0..50u8).map(|i| b'a' + i % 26).collect();
        assert_eq!(*order.borrow(), want);
    }

    /// Counts flushes; a reader that says whether more is ready.
    #[derive(Default)]
    struct Flushes(usize);

    impl Write for Flushes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            self.0 += 1;
            Ok(())
        }
    }

    struct Waits<'a>(Trickle<'a>, bool);

    impl Read for Waits<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.0.read(buf)
        }
    }

    impl ReadyRead for Waits<'_> {
        fn ready(&self) -> bool {
            self.1
        }
    }

    /// Ready once `at` has passed.
    struct ReadyAt(std::time::Instant);

    impl Read for ReadyAt {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Ok(0)
        }
    }

    impl ReadyRead for ReadyAt {
        fn ready(&self) -> bool {
            std::time::Instant::now() >= self.0
        }
    }

    #[test]
    fn a_nap_lets_data_come_before_saying_not_ready() {
        use std::time::{Duration, Instant};
        let nap = |inner, ms| NapWhenIdle {
            inner,
            nap: Duration::from_millis(ms),
        };
        let soon = Instant::now() + Duration::from_millis(5);
        assert!(!nap(ReadyAt(soon), 0).ready(), "no nap: asks once");
        assert!(
            nap(ReadyAt(soon), 50).ready(),
            "the data came during the nap"
        );
        let start = Instant::now();
        let never = start + Duration::from_secs(3600);
        assert!(!nap(ReadyAt(never), 10).ready());
        assert!(start.elapsed() < Duration::from_secs(1), "one nap, no more");
    }

    #[test]
    fn demux_flushes_only_on_waits_switches_and_the_end() {
        let mut raw = Vec::new();
        for _ in 0..1000 {
            raw.extend(frame(1, &[b'x'; 58]));
        }
        raw.extend(frame(2, b"e"));
        raw.extend(frame(1, b"o"));
        for (ready, want) in [(true, (2, 1)), (false, (1000 + 2, 1))] {
            let (mut o, mut e) = (Flushes::default(), Flushes::default());
            let mut src = Waits(
                Trickle {
                    data: &raw,
                    step: 66,
                },
                ready,
            );
            demux(&mut src, &mut o, &mut e).unwrap();
            // Ready: one flush at the switch to stderr and one at the end (stdout), one on
            // the switch back (stderr). Not ready: one before every read as well.
            assert!(
                o.0 <= want.0 && e.0 == want.1,
                "ready {ready}: {} {}",
                o.0,
                e.0
            );
        }
        let mut out = Flushes::default();
        let data = vec![7u8; 100_000];
        copy_raw(
            &mut Waits(
                Trickle {
                    data: &data,
                    step: 100,
                },
                true,
            ),
            &mut out,
        )
        .unwrap();
        assert_eq!(out.0, 1);
    }

    #[test]
    fn copy_raw_is_byte_exact() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 256) as u8).collect();
        let mut out = Vec::new();
        let n = copy_raw(
            &mut Trickle {
                data: &data,
                step: 777,
            },
            &mut out,
        )
        .unwrap();
        assert_eq!((n as usize, out), (data.len(), data));
    }

    #[test]
    fn errno_texts_are_go_like() {
        assert_eq!(
            go_errno_text(&io::Error::from(rustix::io::Errno::PIPE)),
            "broken pipe"
        );
        assert_eq!(
            go_errno_text(&io::Error::from(rustix::io::Errno::NOSPC)),
            "no space left on device"
        );
    }

    #[test]
    fn json_stream_reads_concatenated_values() {
        let raw = br#"{"status":"a"}{"status":"b"}
{"status":"c"}"#;
        let v: Vec<_> = JsonStream::new(&raw[..])
            .map(|r| r.unwrap()["status"].clone())
            .collect();
        assert_eq!(v, vec!["a", "b", "c"]);
    }
}
