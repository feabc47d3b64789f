//! Test support for the engine's unit tests: a reader that splits its input at every offset.

use std::io::{self, Read};

/// A reader that hands out at most `step` bytes per read, so every split point of the input
/// is exercised.
pub struct Trickle<'a> {
    pub data: &'a [u8],
    pub step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

impl crate::engine::stream::ReadyRead for Trickle<'_> {
    fn ready(&self) -> bool {
        true
    }
}
