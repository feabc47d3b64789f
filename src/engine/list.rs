//! Streaming decode of the engine's JSON list answers (`/containers/json`, `/images/json`):
//! one element at a time over the body reader, so memory follows what the caller keeps,
//! not the size of the answer.

use std::io::{self, BufReader, Read};

use serde::de::{
    DeserializeOwned, DeserializeSeed, IgnoredAny, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};
use serde::{Deserialize, Deserializer};

use super::{Client, EngineError, MAX_ANSWER_BYTES};
use crate::golang::utf8::to_valid_lossy;

/// A reader that makes its bytes valid UTF-8 as Go's decoder reads them (each bad byte one
/// U+FFFD, as [`super::decode`] does for whole answers), holding back a sequence cut at the
/// end of a read until the rest comes.
struct Utf8Lossy<R> {
    inner: R,
    /// Bytes read but not handed out: `out[pos..]`.
    out: Vec<u8>,
    pos: usize,
    /// The start of a multi-byte sequence the last read cut off.
    tail: Vec<u8>,
    raw: Vec<u8>,
}

impl<R: Read> Utf8Lossy<R> {
    fn new(inner: R) -> Self {
        Utf8Lossy {
            inner,
            out: Vec::new(),
            pos: 0,
            tail: Vec::new(),
            raw: vec![0; 64 * 1024],
        }
    }

    /// Where `b` may end inside a sequence: the last lead byte among the last four, when the
    /// sequence it starts needs more bytes than `b` has. A cut before a byte that is not a
    /// continuation byte never splits a rune, so decoding the parts alone is exact.
    fn cut(b: &[u8]) -> usize {
        let from = b.len().saturating_sub(4);
        for i in (from..b.len()).rev() {
            let c = b[i];
            if c & 0xc0 != 0x80 {
                let need = match c {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => 1,
                };
                return if i + need > b.len() { i } else { b.len() };
            }
        }
        b.len()
    }
}

impl<R: Read> Read for Utf8Lossy<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            let n = loop {
                match self.inner.read(&mut self.raw) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other?,
                }
            };
            let mut chunk = std::mem::take(&mut self.tail);
            chunk.extend_from_slice(&self.raw[..n]);
            let end = if n == 0 {
                chunk.len()
            } else {
                Self::cut(&chunk)
            };
            self.tail = chunk[end..].to_vec();
            chunk.truncate(end);
            self.pos = 0;
            self.out = match std::str::from_utf8(&chunk) {
                Ok(_) => chunk,
                Err(_) => to_valid_lossy(&chunk).into_bytes(),
            };
            if n == 0 {
                break;
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// Which keys of each element are decoded: `None` all of them, `Some(keys)` only these (the
/// others are skipped unread, so a listing's memory follows the printed fields).
pub type Keep<'k> = Option<&'k [&'static str]>;

/// Calls `each` for every element of a JSON array, stopping at its first error.
struct EachElement<'f, T, F> {
    each: &'f mut F,
    failed: &'f mut Option<anyhow::Error>,
    keep: Keep<'f>,
    _t: std::marker::PhantomData<T>,
}

impl<'de, T, F> Visitor<'de> for EachElement<'_, T, F>
where
    T: DeserializeOwned,
    F: FnMut(T) -> anyhow::Result<()>,
{
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element_seed(Kept::<T>::new(self.keep))? {
            if let Err(e) = (self.each)(item) {
                *self.failed = Some(e);
                return Err(serde::de::Error::custom("stopped by the caller"));
            }
        }
        Ok(())
    }

    // `null` is an empty list to Go's decoder (a nil slice).
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Decodes a `T` from an object of which only the `keep` keys are looked at.
struct Kept<'k, T> {
    keep: Keep<'k>,
    _t: std::marker::PhantomData<T>,
}

impl<'k, T> Kept<'k, T> {
    fn new(keep: Keep<'k>) -> Self {
        Kept {
            keep,
            _t: std::marker::PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Kept<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        match self.keep {
            None => T::deserialize(d),
            Some(keep) => T::deserialize(KeepDe { inner: d, keep }),
        }
    }
}

/// A deserializer that shows a struct only the `keep` keys of the object it reads.
struct KeepDe<'k, D> {
    inner: D,
    keep: &'k [&'static str],
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeepDe<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let keep = self.keep;
        self.inner.deserialize_struct(
            name,
            fields,
            KeepVisitor {
                inner: visitor,
                keep,
            },
        )
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The struct's own visitor, handed a map that skips the keys it is not to see.
struct KeepVisitor<'k, V> {
    inner: V,
    keep: &'k [&'static str],
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeepVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(KeepMap {
            inner: map,
            keep: self.keep,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(seq)
    }
}

struct KeepMap<'k, A> {
    inner: A,
    keep: &'k [&'static str],
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KeepMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            match self.inner.next_key_seed(KeyIn(self.keep))? {
                None => return Ok(None),
                Some(Some(key)) => {
                    return seed
                        .deserialize(IntoDeserializer::<A::Error>::into_deserializer(key))
                        .map(Some)
                }
                Some(None) => {
                    self.inner.next_value::<IgnoredAny>()?;
                }
            }
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }
}

/// An object key: `Some` of the kept name it equals, `None` for a key to skip (no allocation).
struct KeyIn<'k>(&'k [&'static str]);

impl<'de> DeserializeSeed<'de> for KeyIn<'_> {
    type Value = Option<&'static str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIn<'_> {
    type Value = Option<&'static str>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().find(|k| **k == s).copied())
    }
}

/// How a listing ended early.
enum Failure {
    /// `each` returned this error.
    Each(anyhow::Error),
    /// Reading the body failed.
    Io(io::Error),
    /// The answer is not the JSON expected: serde_json's text, positions in the whole answer.
    Json(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// Decodes the JSON array read from `r` element by element into `each`.
///
/// The common answer, an array, is split into its elements by a scan for the separators
/// that sit outside strings and nested values, and each element is decoded from a slice:
/// serde_json's reader-based decoder costs several calls per byte, which made an endless
/// listing of 2.4 million small entries take minutes to reach the 128 MiB cap in a debug
/// build. Errors keep serde_json's texts and their positions in the whole answer. Anything
/// else at the top (`null`, garbage) goes to the reader-based decoder.
fn each_element<R, T, F>(mut r: R, keep: Keep<'_>, each: &mut F) -> Result<(), Failure>
where
    R: Read,
    T: DeserializeOwned,
    F: FnMut(T) -> anyhow::Result<()>,
{
    let mut sp = Splitter::default();
    // Up to the first byte that is not white space.
    loop {
        if sp.skip_ws() {
            break;
        }
        if !sp.fill(&mut r)? {
            break;
        }
    }
    if sp.data().get(sp.scan) != Some(&b'[') {
        let mut head = std::mem::take(&mut sp.buf);
        head.truncate(sp.end);
        let head = io::Cursor::new(head);
        return each_element_streamed(head.chain(r), keep, each);
    }
    sp.advance(1);
    let mut after_comma = false;
    loop {
        // The next element, `]`, or an error.
        loop {
            if sp.skip_ws() {
                break;
            }
            if !sp.fill(&mut r)? {
                return Err(sp.eof_error(if after_comma {
                    "EOF while parsing a value"
                } else {
                    "EOF while parsing a list"
                }));
            }
        }
        match sp.buf[sp.scan] {
            b']' if after_comma => return Err(sp.error_at_scan("trailing comma")),
            b']' => {
                sp.advance(1);
                break;
            }
            b',' => return Err(sp.error_at_scan("expected value")),
            _ => {}
        }
        let start = sp.mark();
        let end = loop {
            if let Some(end) = sp.scan_element() {
                break end;
            }
            if !sp.fill(&mut r)? {
                // Cut inside an element: serde_json's own words for where.
                let elem = sp.data()[start.at..].trim_ascii_end();
                return Err(match decode_element::<T>(elem, keep) {
                    Err(e) => start.error(&e),
                    Ok(item) => {
                        each(item).map_err(Failure::Each)?;
                        sp.eof_error("EOF while parsing a list")
                    }
                });
            }
        };
        let elem = sp.buf[start.at..end].trim_ascii_end();
        let item = match decode_element::<T>(elem, keep) {
            Ok(item) => item,
            Err(e) => {
                // Two values without a separator: the first one still counts, as it does
                // when the whole answer is decoded.
                if e.to_string().starts_with("trailing characters") {
                    let mut de = serde_json::Deserializer::from_slice(elem);
                    if let Ok(first) = Kept::<T>::new(keep).deserialize(&mut de) {
                        each(first).map_err(Failure::Each)?;
                    }
                }
                return Err(start.error(&e));
            }
        };
        each(item).map_err(Failure::Each)?;
        after_comma = sp.buf[end] == b',';
        sp.advance(1);
        if !after_comma {
            break;
        }
        sp.compact();
    }
    // Only white space may follow.
    loop {
        if !sp.skip_ws() {
            if !sp.fill(&mut r)? {
                return Ok(());
            }
            continue;
        }
        return Err(sp.error_at_scan("trailing characters"));
    }
}

/// One element, decoded from its bytes (`keep`: the keys looked at).
fn decode_element<T: DeserializeOwned>(
    elem: &[u8],
    keep: Keep<'_>,
) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(elem);
    let item = Kept::<T>::new(keep).deserialize(&mut de)?;
    de.end()?;
    Ok(item)
}

/// Where an element starts: its offset in the buffer and its line and column in the answer.
#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    line: usize,
    /// Bytes of its line before it.
    col: usize,
}

impl Mark {
    /// An error of decoding the element alone, at its place in the whole answer. Two values
    /// in one element (`[1 2]`) are what serde_json calls a missing separator.
    fn error(&self, e: &serde_json::Error) -> Failure {
        let text = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let msg = text.strip_suffix(&suffix).unwrap_or(&text);
        let msg = if msg == "trailing characters" {
            "expected `,` or `]`"
        } else {
            msg
        };
        if e.line() == 0 {
            return Failure::Json(msg.to_string());
        }
        let (line, col) = if e.line() == 1 {
            (self.line, self.col + e.column())
        } else {
            (self.line + e.line() - 1, e.column())
        };
        Failure::Json(format!("{msg} at line {line} column {col}"))
    }
}

/// The scanning state of [`each_element`]: the bytes read and not yet consumed, and where the
/// scan of the current element is (inside a string, how deep).
#[derive(Default)]
struct Splitter {
    /// Bytes read are `buf[..end]`; the rest is room for the next read, kept initialized so
    /// a read does not clear it first.
    buf: Vec<u8>,
    end: usize,
    /// The next byte to look at.
    scan: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// The line (from 1) of `buf[scan]`, and the offset in `buf` where that line starts (may
    /// be negative after a compaction: kept as the bytes of the line already dropped).
    line: usize,
    line_start: isize,
}

impl Splitter {
    /// Appends up to 64 KiB from `r`; `false` at its end.
    fn fill<R: Read>(&mut self, r: &mut R) -> io::Result<bool> {
        if self.line == 0 {
            self.line = 1;
        }
        if self.buf.len() - self.end < 64 * 1024 {
            self.buf.resize(self.end + 64 * 1024, 0);
        }
        let n = loop {
            match r.read(&mut self.buf[self.end..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
                Ok(n) => break n,
            }
        };
        self.end += n;
        Ok(n > 0)
    }

    /// The bytes read and not yet dropped.
    fn data(&self) -> &[u8] {
        &self.buf[..self.end]
    }

    /// Drops the bytes before `scan` (between elements), once they are many.
    fn compact(&mut self) {
        if self.scan >= 64 * 1024 {
            self.buf.copy_within(self.scan..self.end, 0);
            self.end -= self.scan;
            self.line_start -= self.scan as isize;
            self.scan = 0;
        }
    }

    fn advance(&mut self, n: usize) {
        for i in self.scan..self.scan + n {
            if self.buf[i] == b'\n' {
                self.line += 1;
                self.line_start = i as isize + 1;
            }
        }
        self.scan += n;
    }

    /// Skips JSON white space; `true` when a byte that is not follows.
    fn skip_ws(&mut self) -> bool {
        if self.line == 0 {
            self.line = 1;
        }
        while let Some(&b) = self.data().get(self.scan) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return true;
            }
            self.advance(1);
        }
        false
    }

    fn mark(&self) -> Mark {
        Mark {
            at: self.scan,
            line: self.line,
            col: (self.scan as isize - self.line_start) as usize,
        }
    }

    /// Scans on to the `,` or `]` that ends the current element: its offset, or `None` when
    /// the buffer ends first (the state is kept for the next call).
    fn scan_element(&mut self) -> Option<usize> {
        let buf = &self.buf[..self.end];
        let mut i = self.scan;
        let (mut depth, mut in_string, mut escaped) = (self.depth, self.in_string, self.escaped);
        let (mut line, mut line_start) = (self.line, self.line_start);
        let mut end = None;
        while i < buf.len() {
            let b = buf[i];
            if b == b'\n' {
                line += 1;
                line_start = i as isize + 1;
            }
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b']' | b',' if depth == 0 => {
                        end = Some(i);
                        break;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        (self.scan, self.line, self.line_start) = (i, line, line_start);
        if end.is_some() {
            (self.depth, self.in_string, self.escaped) = (0, false, false);
        } else {
            (self.depth, self.in_string, self.escaped) = (depth, in_string, escaped);
        }
        end
    }

    /// serde_json's `msg at line L column C` for the byte at `scan`.
    fn error_at_scan(&self, msg: &str) -> Failure {
        let col = (self.scan as isize - self.line_start) as usize + 1;
        Failure::Json(format!("{msg} at line {} column {col}", self.line))
    }

    /// serde_json's error at the end of the answer (the position of its last byte).
    fn eof_error(&self, msg: &str) -> Failure {
        let col = (self.end as isize - self.line_start) as usize;
        let line = self.line.max(1);
        Failure::Json(format!("{msg} at line {line} column {col}"))
    }
}

/// [`each_element`] with serde_json's reader-based decoder (answers that are not an array).
fn each_element_streamed<R, T, F>(r: R, keep: Keep<'_>, each: &mut F) -> Result<(), Failure>
where
    R: Read,
    T: DeserializeOwned,
    F: FnMut(T) -> anyhow::Result<()>,
{
    let mut failed = None;
    let reader = BufReader::with_capacity(64 * 1024, r);
    let mut de = serde_json::Deserializer::from_reader(reader);
    let result = de
        .deserialize_option(OptionSeq(EachElement {
            each,
            failed: &mut failed,
            keep,
            _t: std::marker::PhantomData,
        }))
        .and_then(|_| de.end());
    if let Some(e) = failed {
        return Err(Failure::Each(e));
    }
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.is_io() => Err(Failure::Io(io::Error::from(e))),
        Err(e) => Err(Failure::Json(e.to_string())),
    }
}

impl Client {
    /// `GET` a JSON array and hand its elements to `each` one by one as they are decoded,
    /// with the same errors as [`Client::get_json`] (the 128 MiB cap, `Error reading JSON: …`,
    /// transport errors) and the connection kept for reuse. An error `each` returns ends the
    /// listing and is returned as is. `keep` names the keys of each element to decode.
    pub(super) fn get_json_each<T, F>(
        &self,
        path_and_query: &str,
        keep: Keep<'_>,
        mut each: F,
    ) -> anyhow::Result<()>
    where
        T: DeserializeOwned,
        F: FnMut(T) -> anyhow::Result<()>,
    {
        let mut resp = self.request("GET", path_and_query, None, &[])?;
        let mut capped = (&mut resp.body).take(MAX_ANSWER_BYTES + 1);
        let result = each_element(Utf8Lossy::new(&mut capped), keep, &mut each);
        let over = capped.limit() == 0;
        match result {
            Err(Failure::Each(e)) => return Err(e),
            _ if over => {
                return Err(EngineError::Decode(
                    "the daemon's answer is larger than 128 MiB".into(),
                )
                .into())
            }
            Err(Failure::Io(source)) => {
                return Err(EngineError::Io {
                    context: String::new(),
                    source,
                }
                .into())
            }
            Err(Failure::Json(e)) => {
                return Err(EngineError::Decode(format!("Error reading JSON: {e}")).into())
            }
            Ok(()) => {}
        }
        self.finish(resp.body)?;
        Ok(())
    }
}

/// `null` or an array (serde_json calls `visit_none` for `null`, `visit_some` otherwise).
struct OptionSeq<V>(V);

impl<'de, V: Visitor<'de, Value = ()>> Visitor<'de> for OptionSeq<V> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::Trickle;

    /// What a listing gives: the elements decoded, then the error text if any.
    fn listing<T: DeserializeOwned + std::fmt::Debug>(
        raw: &[u8],
        step: usize,
        keep: Keep<'_>,
        fast: bool,
    ) -> (Vec<String>, Option<String>) {
        let mut got = Vec::new();
        let mut each = |t: T| {
            got.push(format!("{t:?}"));
            Ok(())
        };
        let r = Trickle { data: raw, step };
        let res = if fast {
            each_element(r, keep, &mut each)
        } else {
            each_element_streamed(r, keep, &mut each)
        };
        let err = match res {
            Ok(()) => None,
            Err(Failure::Json(e)) => Some(e),
            Err(Failure::Io(e)) => Some(format!("io: {e}")),
            Err(Failure::Each(e)) => Some(format!("each: {e}")),
        };
        (got, err)
    }

    #[test]
    fn split_elements_decode_and_fail_as_the_whole_answer_does() {
        use crate::engine::models::ContainerSummary;
        let cases: &[&str] = &[
            "[]",
            " \n[ ]\n ",
            "null",
            "",
            "  ",
            "{}",
            "[{\"Id\":\"a\",\"Names\":[\"/x,]\"],\"Labels\":{\"k\":\"v\\\"],\"}}, {\"Id\":\"b\"}]",
            "[\n  {\"Id\": \"a\"},\n  {\"Id\": \"b\", \"Created\": \"x\"}\n]",
            "[{\"Id\":\"a\"},]",
            "[,{\"Id\":\"a\"}]",
            "[{\"Id\":\"a\"} {\"Id\":\"b\"}]",
            "[{\"Id\":\"a\"}",
            "[{\"Id\":\"a\"},",
            "[{\"Id\":\"a",
            "[{\"Id\":\"a\"}\n,\n{\"Id\"",
            "[{\"Id\":\"a\"}] x",
            "[{\"Id\":\"a\"}]\n\n",
            "[null]",
            "[\"s\"]",
            "[1]",
            "[{\"Id\":1}]",
            "[{\"Names\":[[],{}],\"Ports\":[{\"PrivatePort\":80}]}]",
            "[{\"Id\":\"a\"}]]",
            "[{\"Id\":\"a\"}}]",
            "[",
            "[\n",
        ];
        let keep: &[&str] = &["Id", "Created", "Ports"];
        for case in cases {
            for keep in [None, Some(keep)] {
                let want = listing::<ContainerSummary>(case.as_bytes(), 1 << 20, keep, false);
                for step in [1, 2, 3, 7, 1 << 20] {
                    let got = listing::<ContainerSummary>(case.as_bytes(), step, keep, true);
                    // serde_json places a type error one column apart when it decodes from
                    // a slice (the value's last byte) and from a reader (the byte after it).
                    let typed = want
                        .1
                        .as_deref()
                        .is_some_and(|e| e.starts_with("invalid type"));
                    if typed {
                        let cut = |e: &Option<String>| {
                            e.as_deref()
                                .map(|e| e.split(" at line").next().unwrap_or("").to_string())
                        };
                        assert_eq!((&got.0, cut(&got.1)), (&want.0, cut(&want.1)), "{case:?}");
                    } else {
                        assert_eq!(got, want, "{case:?} step {step} keep {keep:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn kept_keys_are_the_only_ones_decoded() {
        use crate::engine::models::ContainerSummary;
        let raw = br#"[{"Id":"a","Names":["/n"],"Labels":{"k":"v"},"State":"up"}]"#;
        let (got, err) = listing::<ContainerSummary>(raw, 5, Some(&["Id", "State"]), true);
        assert_eq!(err, None);
        assert!(got[0].contains("id: \"a\"") && got[0].contains("state: \"up\""));
        assert!(
            got[0].contains("names: []") && got[0].contains("labels: None"),
            "{}",
            got[0]
        );
    }

    #[test]
    fn long_listings_span_many_buffers() {
        let mut raw = b"[".to_vec();
        for i in 0..20_000 {
            if i > 0 {
                raw.extend_from_slice(b",\n");
            }
            raw.extend_from_slice(
                format!("{{\"Id\":\"{i:064}\",\"Names\":[\"/c{i}\"]}}").as_bytes(),
            );
        }
        raw.push(b']');
        let keep: &[&str] = &["Id"];
        let (got, err) = listing::<crate::engine::models::IdOnly>(&raw, 10_000, Some(keep), true);
        assert_eq!((got.len(), err), (20_000, None));
        assert!(got[19_999].contains("19999"));
        let mut cut = raw.clone();
        cut.truncate(raw.len() - 30);
        assert_eq!(
            listing::<crate::engine::models::IdOnly>(&cut, 10_000, None, true),
            listing::<crate::engine::models::IdOnly>(&cut, 10_000, None, false)
        );
    }

    #[test]
    fn lossy_utf8_matches_the_whole_answer_at_every_split() {
        let data = "a\u{e9}b\u{1f600}c\u{20ac}".as_bytes().to_vec();
        let mut bad = data.clone();
        bad.extend_from_slice(b"\xff\xe2\x82x\xf0\x9f\x98");
        for raw in [data, bad] {
            let want = to_valid_lossy(&raw).into_bytes();
            for step in 1..raw.len() + 1 {
                let mut got = Vec::new();
                Utf8Lossy::new(Trickle { data: &raw, step })
                    .read_to_end(&mut got)
                    .unwrap();
                assert_eq!(got, want, "step {step}");
            }
        }
    }
}
