//! Streaming decode of the engine's JSON list answers (`/containers/json`, `/images/json`):
//! one element at a time over the body reader, so memory follows what the caller keeps,
//! not the size of the answer.

use std::io::{self, BufReader, Read};

use serde::de::{DeserializeOwned, SeqAccess, Visitor};
use serde::Deserializer as _;

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

/// Calls `each` for every element of a JSON array, stopping at its first error.
struct EachElement<'f, T, F> {
    each: &'f mut F,
    failed: &'f mut Option<anyhow::Error>,
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
        while let Some(item) = seq.next_element::<T>()? {
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

impl Client {
    /// `GET` a JSON array and hand its elements to `each` one by one as they are decoded,
    /// with the same errors as [`Client::get_json`] (the 128 MiB cap, `Error reading JSON: …`,
    /// transport errors) and the connection kept for reuse. An error `each` returns ends the
    /// listing and is returned as is.
    pub(super) fn get_json_each<T, F>(
        &self,
        path_and_query: &str,
        mut each: F,
    ) -> anyhow::Result<()>
    where
        T: DeserializeOwned,
        F: FnMut(T) -> anyhow::Result<()>,
    {
        let mut resp = self.request("GET", path_and_query, None, &[])?;
        let mut failed = None;
        let mut capped = (&mut resp.body).take(MAX_ANSWER_BYTES + 1);
        let reader = BufReader::with_capacity(64 * 1024, Utf8Lossy::new(&mut capped));
        let mut de = serde_json::Deserializer::from_reader(reader);
        let result = de
            .deserialize_option(OptionSeq(EachElement {
                each: &mut each,
                failed: &mut failed,
                _t: std::marker::PhantomData,
            }))
            .and_then(|_| de.end());
        drop(de);
        let over = capped.limit() == 0;
        if let Some(e) = failed {
            return Err(e);
        }
        if over {
            return Err(
                EngineError::Decode("the daemon's answer is larger than 128 MiB".into()).into(),
            );
        }
        if let Err(e) = result {
            if e.is_io() {
                return Err(EngineError::Io {
                    context: String::new(),
                    source: io::Error::from(e),
                }
                .into());
            }
            return Err(EngineError::Decode(format!("Error reading JSON: {e}")).into());
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
