//! Go's `strconv.Quote` and `unicode.IsPrint`: docker writes many values with `%q` (flag
//! values in usage errors, URLs in connection errors, the COMMAND column, template errors),
//! and these give the same bytes. One place, used by the engine client, the renderers and the
//! argument parser alike.

/// Go's `strconv.Quote`: double quotes, `\"` and `\\`, the C escapes (`\a \b \f \n \r \t \v`),
/// `\xHH` for other control bytes and invalid UTF-8, `\uHHHH`/`\UHHHHHHHH` for other
/// non-printable runes.
pub fn go_quote(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    for c in s.chars() {
        append_escaped_rune(&mut out, c, b'"', false);
    }
    out.push(b'"');
    String::from_utf8(out).expect("escapes are ASCII and other runes are copied whole")
}

/// Go's `appendEscapedRune`: `c` as it is written inside a literal delimited by `quote` (`"`
/// for strings, `'` for runes); with `ascii` (`QuoteToASCII`, `%+q`) only printable ASCII is
/// left as it is.
pub fn append_escaped_rune(out: &mut Vec<u8>, c: char, quote: u8, ascii: bool) {
    let mut buf = [0u8; 4];
    if c as u32 == quote as u32 || c == '\\' {
        out.push(b'\\');
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        return;
    }
    if go_is_print(c) && (!ascii || c.is_ascii()) {
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        return;
    }
    match c {
        '\u{7}' => out.extend_from_slice(b"\\a"),
        '\u{8}' => out.extend_from_slice(b"\\b"),
        '\u{c}' => out.extend_from_slice(b"\\f"),
        '\n' => out.extend_from_slice(b"\\n"),
        '\r' => out.extend_from_slice(b"\\r"),
        '\t' => out.extend_from_slice(b"\\t"),
        '\u{b}' => out.extend_from_slice(b"\\v"),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => {
            out.extend_from_slice(format!("\\x{:02x}", c as u32).as_bytes())
        }
        c if (c as u32) < 0x10000 => {
            out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes())
        }
        c => out.extend_from_slice(format!("\\U{:08x}", c as u32).as_bytes()),
    }
}

/// Go's `strconv.Quote` over raw bytes: invalid UTF-8 bytes become `\xHH`.
pub fn go_quote_bytes(b: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in b.utf8_chunks() {
        let q = go_quote(chunk.valid());
        out.push_str(&q[1..q.len() - 1]);
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `unicode.IsPrint` (letters, marks, numbers, punctuation, symbols
/// and U+0020) without Unicode category tables: exact for ASCII; beyond it, control and format
/// characters, spaces other than U+0020, private-use code points, surrogates and
/// noncharacters are non-printable.
pub fn go_is_print(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7f).contains(&u);
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    const FORMAT: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
        // Private use.
        (0xE000, 0xF8FF),
        (0xF0000, 0x10FFFF),
    ];
    if FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&u)) {
        return false;
    }
    // Noncharacters.
    if (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_like_go() {
        assert_eq!(go_quote("sleep 300"), "\"sleep 300\"");
        assert_eq!(go_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(go_quote("\t\n\u{1}\u{7f}"), "\"\\t\\n\\x01\\x7f\"");
        assert_eq!(go_quote("é…日本"), "\"é…日本\"");
        assert_eq!(go_quote("\u{a0}\u{200b}"), "\"\\u00a0\\u200b\"");
        assert_eq!(go_quote("\u{f0000}"), "\"\\U000f0000\"");
        assert_eq!(go_quote_bytes(b"a\xffb"), "\"a\\xffb\"");
        // The C escapes, C1 controls, noncharacters and the bidi overrides, as Go writes them.
        assert_eq!(
            go_quote("\u{7}\u{8}\u{c}\r\u{b}\u{1b}\u{85}\u{fdd0}\u{1fffe}\u{202e}"),
            "\"\\a\\b\\f\\r\\v\\x1b\\u0085\\ufdd0\\U0001fffe\\u202e\""
        );
    }
}
