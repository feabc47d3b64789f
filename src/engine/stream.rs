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

/// Demultiplex `[stream, 0, 0, 0, len(be32)] payload` frames from `src` into `stdout` and
/// `stderr` byte for byte. Stream 0 goes to stdout as docker's `stdcopy` does; stream 3 ends
/// with its text as an error. Returns when `src` ends at a frame boundary.
pub fn demux<R: Read, O: Write, E: Write>(src: &mut R, stdout: &mut O, stderr: &mut E) -> io::Result<()> {
    let mut header = [0u8; 8];
    let mut buf = vec![0u8; 32 * 1024];
    loop {
        // Read the header; EOF before any byte of it is the clean end.
        let mut got = 0;
        while got < 8 {
            match src.read(&mut header[got..]) {
                Ok(0) if got == 0 => return Ok(()),
                Ok(0) => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "unexpected EOF")),
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
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
        let mut system = Vec::new();
        while left > 0 {
            let want = left.min(buf.len());
            let n = match src.read(&mut buf[..want]) {
                Ok(0) => return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "unexpected EOF")),
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            match kind {
                StreamKind::Stdin | StreamKind::Stdout => stdout.write_all(&buf[..n])?,
                StreamKind::Stderr => stderr.write_all(&buf[..n])?,
                StreamKind::System => system.extend_from_slice(&buf[..n]),
            }
            left -= n;
        }
        if kind == StreamKind::System {
            return Err(io::Error::other(String::from_utf8_lossy(&system).into_owned()));
        }
        if matches!(kind, StreamKind::Stdout | StreamKind::Stdin) {
            stdout.flush()?;
        } else {
            stderr.flush()?;
        }
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
mod tests {
    use super::*;

    fn frame(kind: u8, payload: &[u8]) -> Vec<u8> {
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
            assert!(demux(&mut &raw[..cut], &mut o, &mut e).is_err(), "cut {cut}");
        }
        let (mut o, mut e) = (Vec::new(), Vec::new());
        assert!(demux(&mut &frame(9, b"x")[..], &mut o, &mut e).is_err());
        let err = demux(&mut &frame(3, b"boom")[..], &mut o, &mut e).unwrap_err();
        assert_eq!(err.to_string(), "boom");
    }

    #[test]
    fn json_stream_reads_concatenated_values() {
        let raw = br#"{"status":"a"}{"status":"b"}
{"status":"c"}"#;
        let v: Vec<_> = JsonStream::new(&raw[..]).map(|r| r.unwrap()["status"].clone()).collect();
        assert_eq!(v, vec!["a", "b", "c"]);
    }
}
