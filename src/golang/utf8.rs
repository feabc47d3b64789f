//! Go's unicode/utf8: decoding runes from raw bytes the way Go does (one byte per invalid sequence).

/// Go's `utf8.DecodeRune`: the rune and its width; `(None, 1)` for an invalid byte.
pub fn decode_rune(s: &[u8]) -> (Option<char>, usize) {
    let Some(&b0) = s.first() else {
        return (None, 0);
    };
    let need = match b0 {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return (None, 1),
    };
    if s.len() < need {
        return (None, 1);
    }
    match std::str::from_utf8(&s[..need]) {
        Ok(t) => (t.chars().next(), need),
        Err(_) => (None, 1),
    }
}

/// `s` as text with every invalid byte replaced by U+FFFD, one per byte, as Go's
/// `encoding/json` and `strings.ToValidUTF8`-style decoders do (Rust's lossy conversion would
/// merge a broken sequence into one).
pub fn to_valid_lossy(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (r, n) = decode_rune(&s[i..]);
        out.push(r.unwrap_or('\u{fffd}'));
        i += n;
    }
    out
}

pub fn rune_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        i += decode_rune(&s[i..]).1;
        n += 1;
    }
    n
}
