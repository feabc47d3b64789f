//! The small blocking HTTP/1.1 layer the engine client speaks (design.md: "Why not ureq").
//!
//! It writes a request, reads the response head with `httparse`, and exposes the body as a
//! `Read` that understands Content-Length, chunked and read-to-close framing, so streams
//! (logs, pull progress) flow without buffering whole bodies. A `101 Switching Protocols`
//! answer hands back the raw connection, including any bytes already read past the head.

use crate::engine::stream::ReadyRead;
use crate::golang::strconv::{go_quote, go_quote_bytes};
use std::io::{self, BufRead, BufReader, Read, Write};

/// The largest response head accepted; a larger one is a malformed response, not a hang.
pub const MAX_HEAD: usize = 1 << 20;
const MAX_HEADERS: usize = 256;

/// Form-encode like Go's `url.Values.Encode`: keys sorted, values kept in insertion order,
/// `QueryEscape` (space → `+`).
#[derive(Debug, Default, Clone)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    pub fn new() -> Query {
        Query::default()
    }

    /// Add `key=value` (repeatable).
    pub fn add(&mut self, key: &str, value: impl Into<String>) -> &mut Query {
        self.pairs.push((key.to_string(), value.into()));
        self
    }

    /// Add `key=value` only when `cond` holds.
    pub fn add_if(&mut self, cond: bool, key: &str, value: impl Into<String>) -> &mut Query {
        if cond {
            self.add(key, value);
        }
        self
    }

    /// The encoded query, without the leading `?`.
    pub fn encode(&self) -> String {
        let mut pairs: Vec<&(String, String)> = self.pairs.iter().collect();
        // A stable sort keeps repeated keys in the order they were added, as Go does.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs
            .iter()
            .map(|(k, v)| format!("{}={}", query_escape(k), query_escape(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `path?query`, or `path` when the query is empty.
    pub fn append_to(&self, path: &str) -> String {
        if self.pairs.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", self.encode())
        }
    }
}

/// Go's `url.QueryEscape`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Go's `url.PathEscape` for one path segment (a container name or ID in a path).
pub fn path_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'$'
            | b'&'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Go's escaping of a whole URL path (`url.URL.EscapedPath`): [`path_escape`] keeping `/`, for
/// paths that take an image name as typed (`/images/localhost:5000/x:1/tag`).
pub fn url_path_escape(s: &str) -> String {
    s.split('/').map(path_escape).collect::<Vec<_>>().join("/")
}

/// Write a request. `body` is sent with a Content-Length (an empty body still gets
/// `Content-Length: 0` for POST, as Go does).
pub fn write_request<W: Write>(
    w: &mut W,
    method: &str,
    target: &str,
    host: &str,
    headers: &[(String, String)],
    body: Option<&[u8]>,
) -> io::Result<()> {
    let mut head = Vec::with_capacity(256);
    write!(head, "{method} {target} HTTP/1.1\r\nHost: {host}\r\n")?;
    for (k, v) in headers {
        write!(head, "{k}: {v}\r\n")?;
    }
    match body {
        Some(b) => write!(head, "Content-Length: {}\r\n", b.len())?,
        None if method == "POST" || method == "PUT" => {
            head.extend_from_slice(b"Content-Length: 0\r\n")
        }
        None => {}
    }
    head.extend_from_slice(b"\r\n");
    if let Some(b) = body {
        if b.len() <= 64 * 1024 {
            head.extend_from_slice(b);
            w.write_all(&head)?;
        } else {
            w.write_all(&head)?;
            w.write_all(b)?;
        }
    } else {
        w.write_all(&head)?;
    }
    w.flush()
}

/// Write the head of a request whose body follows as `Transfer-Encoding: chunked` (what Go's
/// client sends for a body of unknown length, such as `cp`'s tar stream).
pub fn write_chunked_head<W: Write>(
    w: &mut W,
    method: &str,
    target: &str,
    host: &str,
    headers: &[(String, String)],
) -> io::Result<()> {
    let mut head = Vec::with_capacity(256);
    write!(head, "{method} {target} HTTP/1.1\r\nHost: {host}\r\n")?;
    for (k, v) in headers {
        write!(head, "{k}: {v}\r\n")?;
    }
    head.extend_from_slice(b"Transfer-Encoding: chunked\r\n\r\n");
    w.write_all(&head)
}

/// A body writer that frames every `write` as one chunk; [`ChunkedWriter::finish`] writes
/// the last (empty) chunk.
pub struct ChunkedWriter<W: Write> {
    inner: W,
}

impl<W: Write> ChunkedWriter<W> {
    pub fn new(inner: W) -> ChunkedWriter<W> {
        ChunkedWriter { inner }
    }

    /// The terminating chunk, then flush.
    pub fn finish(mut self) -> io::Result<W> {
        self.inner.write_all(b"0\r\n\r\n")?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for ChunkedWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // An empty chunk would end the body.
        if buf.is_empty() {
            return Ok(0);
        }
        write!(self.inner, "{:x}\r\n", buf.len())?;
        self.inner.write_all(buf)?;
        self.inner.write_all(b"\r\n")?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A parsed response head.
#[derive(Debug, Clone)]
pub struct Head {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
}

impl Head {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn invalid(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Read and parse a response head from `r`, leaving `r` positioned at the first body byte.
pub fn read_head<R: BufRead>(r: &mut R) -> io::Result<Head> {
    let mut buf: Vec<u8> = Vec::with_capacity(512);
    loop {
        // Read line by line so we never consume body bytes.
        let before = buf.len();
        let n = r
            .take((MAX_HEAD + 1 - before) as u64)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Err(if buf.is_empty() {
                io::Error::new(io::ErrorKind::UnexpectedEof, "EOF")
            } else {
                io::Error::new(io::ErrorKind::UnexpectedEof, "unexpected EOF")
            });
        }
        if buf.len() > MAX_HEAD {
            return Err(invalid("malformed HTTP response: header too large"));
        }
        let line = &buf[before..];
        if line == b"\r\n" || line == b"\n" {
            if before == 0 {
                // Tolerate stray blank lines before the status line.
                buf.clear();
                continue;
            }
            break;
        }
    }
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut resp = httparse::Response::new(&mut headers);
    match resp.parse(&buf) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err(invalid("malformed HTTP response")),
        Err(e) => {
            let first = buf
                .split(|b| *b == b'\n')
                .next()
                .unwrap_or(&[])
                .trim_ascii_end();
            return Err(invalid(format!(
                "malformed HTTP response {}: {e}",
                go_quote_bytes(first)
            )));
        }
    }
    let status = resp.code.unwrap_or(0);
    let reason = resp.reason.unwrap_or("").to_string();
    let headers = resp
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    Ok(Head {
        status,
        reason,
        headers,
    })
}

/// How the body of a response is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// No body (HEAD, 1xx, 204, 304).
    Empty,
    /// Exactly this many bytes.
    Length(u64),
    /// Transfer-Encoding: chunked.
    Chunked,
    /// Until the server closes the connection.
    Close,
}

impl Framing {
    /// The framing of a response to `method` with head `head` (RFC 9112 §6.3).
    pub fn of(method: &str, head: &Head) -> io::Result<Framing> {
        if method == "HEAD" || head.status / 100 == 1 || head.status == 204 || head.status == 304 {
            return Ok(Framing::Empty);
        }
        if let Some(te) = head.header("Transfer-Encoding") {
            if te.to_ascii_lowercase().contains("chunked") {
                return Ok(Framing::Chunked);
            }
        }
        if let Some(cl) = head.header("Content-Length") {
            let n: u64 = cl
                .trim()
                .parse()
                .map_err(|_| invalid(format!("bad Content-Length {}", go_quote(cl))))?;
            return Ok(Framing::Length(n));
        }
        Ok(Framing::Close)
    }
}

#[derive(Debug)]
enum ChunkState {
    /// Expecting a size line.
    Size,
    /// Inside a chunk with this many bytes left.
    Data(u64),
    /// Expecting the CRLF after a chunk's data.
    DataEnd,
    /// Finished (trailers consumed).
    Done,
}

/// A buffered reader whose buffered bytes can be seen without reading (`BufReader`): the
/// chunked decoder takes whole chunks from them without a call per chunk.
pub trait Buffered: BufRead {
    /// The bytes read but not yet consumed; never reads.
    fn buffer(&self) -> &[u8];
}

impl<R: Read> Buffered for BufReader<R> {
    fn buffer(&self) -> &[u8] {
        BufReader::buffer(self)
    }
}

/// A response body as a `Read`, over any buffered reader. Truncation is an `UnexpectedEof`
/// error, bad framing `InvalidData`; neither is ever silently treated as the end.
pub struct Body<R: BufRead> {
    inner: R,
    framing: Framing,
    remaining: u64,
    chunk: ChunkState,
}

impl<R: Buffered> Body<R> {
    pub fn new(inner: R, framing: Framing) -> Body<R> {
        let remaining = match framing {
            Framing::Length(n) => n,
            _ => 0,
        };
        Body {
            inner,
            framing,
            remaining,
            chunk: ChunkState::Size,
        }
    }

    /// True once the whole body has been read and the connection may be reused.
    pub fn is_complete(&self) -> bool {
        match self.framing {
            Framing::Empty => true,
            Framing::Length(_) => self.remaining == 0,
            Framing::Chunked => matches!(self.chunk, ChunkState::Done),
            Framing::Close => false,
        }
    }

    /// Give back the reader (for connection reuse).
    pub fn into_inner(self) -> R {
        self.inner
    }

    fn read_line(&mut self, limit: usize) -> io::Result<Vec<u8>> {
        let mut line = Vec::new();
        let n = (&mut self.inner)
            .take(limit as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "unexpected EOF",
            ));
        }
        if line.last() != Some(&b'\n') {
            if line.len() >= limit {
                return Err(invalid("malformed chunked encoding"));
            }
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "unexpected EOF",
            ));
        }
        Ok(line)
    }

    /// Takes one framing step (a size line, a chunk's CRLF) from bytes already buffered, with
    /// no allocation, no read and no error: `false` when the step needs a read or is bad (the
    /// slow path then reads, or reports the error), or is the last chunk.
    fn buffered_step(&mut self) -> bool {
        let buf = self.inner.buffer();
        match self.chunk {
            ChunkState::DataEnd => {
                let n = if buf.starts_with(b"\r\n") {
                    2
                } else if buf.starts_with(b"\n") {
                    1
                } else {
                    return false;
                };
                self.inner.consume(n);
                self.chunk = ChunkState::Size;
                true
            }
            ChunkState::Size => {
                let window = &buf[..buf.len().min(SIZE_LINE_MAX)];
                let Some(i) = window.iter().position(|&b| b == b'\n') else {
                    return false;
                };
                match chunk_size(&window[..=i]) {
                    Some(size) if size > 0 => {
                        self.inner.consume(i + 1);
                        self.chunk = ChunkState::Data(size);
                        true
                    }
                    _ => false,
                }
            }
            ChunkState::Data(_) | ChunkState::Done => false,
        }
    }

    /// Fills `buf` with as many chunks as the reader has buffered (one HTTP chunk is often one
    /// 58-byte log frame: returning them one per call costs a call and a framing parse per
    /// line downstream). Waits only for the first byte: once some data is in `buf`, a step
    /// that would read or fail ends the call instead, and the next call takes it.
    fn read_chunked(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut filled = 0;
        loop {
            if filled > 0 {
                match self.chunk {
                    ChunkState::Data(left) => {
                        let avail = self.inner.buffer();
                        let n = (buf.len() - filled)
                            .min(avail.len())
                            .min(left.min(usize::MAX as u64) as usize);
                        if n == 0 {
                            return Ok(filled);
                        }
                        buf[filled..filled + n].copy_from_slice(&avail[..n]);
                        self.inner.consume(n);
                        filled += n;
                        let left = left - n as u64;
                        self.chunk = if left == 0 {
                            ChunkState::DataEnd
                        } else {
                            ChunkState::Data(left)
                        };
                    }
                    _ => {
                        if !self.buffered_step() {
                            return Ok(filled);
                        }
                    }
                }
                continue;
            }
            if self.buffered_step() {
                continue;
            }
            match self.chunk {
                ChunkState::Done => return Ok(0),
                ChunkState::Size => {
                    let line = self.read_line(SIZE_LINE_MAX)?;
                    let size =
                        chunk_size(&line).ok_or_else(|| invalid("malformed chunked encoding"))?;
                    if size == 0 {
                        // Trailers, then the final blank line.
                        loop {
                            let t = self.read_line(MAX_HEAD)?;
                            if t == b"\r\n" || t == b"\n" {
                                break;
                            }
                        }
                        self.chunk = ChunkState::Done;
                        return Ok(0);
                    }
                    self.chunk = ChunkState::Data(size);
                }
                ChunkState::Data(left) => {
                    if buf.is_empty() {
                        return Ok(0);
                    }
                    let want = buf.len().min(left.min(usize::MAX as u64) as usize);
                    let n = self.inner.read(&mut buf[..want])?;
                    if n == 0 {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "unexpected EOF",
                        ));
                    }
                    let left = left - n as u64;
                    self.chunk = if left == 0 {
                        ChunkState::DataEnd
                    } else {
                        ChunkState::Data(left)
                    };
                    filled = n;
                }
                ChunkState::DataEnd => {
                    let line = self.read_line(2)?;
                    if line != b"\r\n" && line != b"\n" {
                        return Err(invalid("malformed chunked encoding"));
                    }
                    self.chunk = ChunkState::Size;
                }
            }
        }
    }
}

/// The longest chunk-size line accepted (with extensions).
const SIZE_LINE_MAX: usize = 4096;

/// The size a chunk-size line (`1a;ext=x\r\n`) announces; `None` when it is malformed.
fn chunk_size(line: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(line).ok()?;
    let size_part = text.trim_end_matches(['\r', '\n']);
    let size_part = size_part.split(';').next().unwrap_or("").trim();
    if size_part.is_empty() || size_part.len() > 16 {
        return None;
    }
    u64::from_str_radix(size_part, 16).ok()
}

impl<R: Buffered> Read for Body<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.framing {
            Framing::Empty => Ok(0),
            Framing::Close => self.inner.read(buf),
            Framing::Length(_) => {
                if self.remaining == 0 || buf.is_empty() {
                    return Ok(0);
                }
                let want = buf
                    .len()
                    .min(self.remaining.min(usize::MAX as u64) as usize);
                let n = self.inner.read(&mut buf[..want])?;
                if n == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "unexpected EOF",
                    ));
                }
                self.remaining -= n as u64;
                Ok(n)
            }
            Framing::Chunked => self.read_chunked(buf),
        }
    }
}

impl<R: ReadyRead> ReadyRead for Body<BufReader<R>> {
    /// Whether the next read returns without waiting: framing bytes alone (a chunk's CRLF, a
    /// size line whose data has not come) do not count, or `logs -f` would hold back a line
    /// until the next one arrives.
    fn ready(&self) -> bool {
        let buf = self.inner.buffer();
        let src = || self.inner.get_ref().ready();
        match (self.framing, &self.chunk) {
            (Framing::Empty, _) => true,
            (Framing::Length(_), _) if self.remaining == 0 => true,
            (Framing::Length(_) | Framing::Close, _) => !buf.is_empty() || src(),
            (Framing::Chunked, ChunkState::Done) => true,
            (Framing::Chunked, ChunkState::Data(_)) => !buf.is_empty() || src(),
            (Framing::Chunked, state) => {
                let mut rest = buf;
                if matches!(state, ChunkState::DataEnd) {
                    rest = rest
                        .strip_prefix(b"\r\n")
                        .or_else(|| rest.strip_prefix(b"\n"))
                        .unwrap_or(&[]);
                }
                match rest.iter().position(|&b| b == b'\n') {
                    // A size line and data after it; the last chunk still needs its trailers.
                    Some(i) => {
                        let size = rest[..i].trim_ascii();
                        let last = size.first() == Some(&b'0') && size.iter().all(|&b| b == b'0');
                        (!last && rest.len() > i + 1) || src()
                    }
                    None => src(),
                }
            }
        }
    }
}

/// Read a head from `reader`, then wrap the rest as the body.
pub fn read_response<R: Read>(
    reader: BufReader<R>,
    method: &str,
) -> io::Result<(Head, Body<BufReader<R>>)> {
    let mut reader = reader;
    let head = read_head(&mut reader)?;
    let framing = Framing::of(method, &head)?;
    Ok((head, Body::new(reader, framing)))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::testing::Trickle;

    fn parse_all(raw: &[u8], step: usize, cap: usize) -> io::Result<(Head, Vec<u8>)> {
        let reader = BufReader::with_capacity(cap, Trickle { data: raw, step });
        let (head, mut body) = read_response(reader, "GET")?;
        let mut out = Vec::new();
        body.read_to_end(&mut out)?;
        Ok((head, out))
    }

    const CHUNKED: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\n";

    #[test]
    fn chunked_at_every_step_and_buffer_size() {
        for step in 1..12 {
            for cap in [1, 2, 3, 7, 64, 8192] {
                let (head, body) = parse_all(CHUNKED, step, cap).unwrap();
                assert_eq!(head.status, 200);
                assert_eq!(head.header("content-type"), Some("application/json"));
                assert_eq!(body, b"hello, world");
            }
        }
    }

    #[test]
    fn buffered_chunks_come_out_in_one_read_and_errors_after_the_data() {
        let mut raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        for i in 0..100u8 {
            raw.extend_from_slice(b"3;x=1\r\n");
            raw.extend_from_slice(&[b'a' + i % 26; 3]);
            raw.extend_from_slice(b"\r\n");
        }
        let good = raw.len();
        raw.extend_from_slice(b"0\r\n\r\n");
        let reader = BufReader::with_capacity(1 << 16, &raw[..]);
        let (_, mut body) = read_response(reader, "GET").unwrap();
        let mut buf = [0u8; 1000];
        assert_eq!(body.read(&mut buf).unwrap(), 300);
        assert_eq!(&buf[..6], b"aaabbb");
        assert_eq!(body.read(&mut buf).unwrap(), 0);
        assert!(body.is_complete());
        // A bad size line after good chunks: the good data first, then the error.
        let mut bad = raw[..good].to_vec();
        bad.extend_from_slice(b"zz\r\n");
        let (_, mut body) = read_response(BufReader::new(&bad[..]), "GET").unwrap();
        assert_eq!(body.read(&mut buf).unwrap(), 300);
        let err = body.read(&mut buf).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        // A small caller buffer: a chunk split across reads.
        let (_, mut body) = read_response(BufReader::new(&raw[..]), "GET").unwrap();
        let mut out = Vec::new();
        let mut small = [0u8; 7];
        loop {
            let n = body.read(&mut small).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&small[..n]);
        }
        assert_eq!(out.len(), 300);
        assert_eq!(&out[297..], b"vvv");
    }

    #[test]
    fn content_length_and_close() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcEXTRA";
        for step in 1..5 {
            let (_, body) = parse_all(raw, step, 8192).unwrap();
            assert_eq!(body, b"abc");
        }
        let raw = b"HTTP/1.0 200 OK\r\n\r\nuntil close";
        assert_eq!(parse_all(raw, 1, 8192).unwrap().1, b"until close");
    }

    #[test]
    fn truncation_is_an_error_at_every_offset() {
        let full = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789";
        let head_len = full.len() - 10;
        for cut in 0..full.len() {
            let r = parse_all(&full[..cut], 3, 8192);
            assert!(r.is_err(), "cut at {cut} accepted");
            if cut >= head_len {
                assert_eq!(r.unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
            }
        }
        for cut in 0..CHUNKED.len() - 2 {
            assert!(
                parse_all(&CHUNKED[..cut], 2, 8192).is_err(),
                "chunked cut at {cut}"
            );
        }
    }

    #[test]
    fn bad_chunks_are_invalid_data() {
        for raw in [
            &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"[..],
            &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhelloX\r\n0\r\n\r\n"[..],
            &b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n"[..],
        ] {
            let err = parse_all(raw, 4, 8192).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{err}");
        }
    }

    #[test]
    fn garbage_and_huge_heads_are_errors() {
        assert!(parse_all(b"garbage garbage\r\n\r\n", 5, 64).is_err());
        let mut huge = b"HTTP/1.1 200 OK\r\nX: ".to_vec();
        huge.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
        huge.extend_from_slice(b"\r\n\r\n");
        let err = parse_all(&huge, 65536, 8192).unwrap_err();
        assert!(err.to_string().contains("too large"));
    }

    #[test]
    fn empty_bodies() {
        let raw = b"HTTP/1.1 204 No Content\r\n\r\n";
        let (h, b) = parse_all(raw, 1, 8192).unwrap();
        assert_eq!((h.status, b.len()), (204, 0));
    }

    #[test]
    fn upgrade_keeps_buffered_bytes() {
        let raw = b"HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n\x01\x00\x00\x00\x00\x00\x00\x02hi";
        let mut reader = BufReader::new(&raw[..]);
        let head = read_head(&mut reader).unwrap();
        assert_eq!(head.status, 101);
        let mut rest = Vec::new();
        reader.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"\x01\x00\x00\x00\x00\x00\x00\x02hi");
    }

    #[test]
    fn query_encoding_matches_go() {
        let mut q = Query::new();
        q.add("tag", "v1")
            .add("repo", "docker.io/library/x")
            .add("changes", "ENV X=1")
            .add("changes", "CMD [\"sh\"]");
        assert_eq!(
            q.encode(),
            "changes=ENV+X%3D1&changes=CMD+%5B%22sh%22%5D&repo=docker.io%2Flibrary%2Fx&tag=v1"
        );
        assert_eq!(path_escape("a b/c"), "a%20b%2Fc");
    }

    #[test]
    fn request_writing() {
        let mut out = Vec::new();
        write_request(
            &mut out,
            "POST",
            "/v1.41/x",
            "api.moby.localhost",
            &[("User-Agent".into(), "t".into())],
            None,
        )
        .unwrap();
        assert_eq!(out, b"POST /v1.41/x HTTP/1.1\r\nHost: api.moby.localhost\r\nUser-Agent: t\r\nContent-Length: 0\r\n\r\n");
    }
}
