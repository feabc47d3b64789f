//! Go's strconv: Quote and Unquote here, number parsing (`ParseInt`, `ParseUint`, `Atoi`,
//! `ParseFloat`, `ParseBool`, with Go's `NumError` texts) in `parse`, `FormatFloat` in `ftoa`; one file per
//! group of Go's own files (quote.go, atoi.go + atof.go, ftoa.go).

mod ftoa;
mod parse;

pub use self::ftoa::format_float;
pub use self::parse::{
    atoi, parse_bool, parse_float, parse_int, parse_uint, NumError, NumErrorKind,
};

use crate::golang::utf8::decode_rune;

/// The digits Go's formatters use (`strconv`'s `lowerhex`/`upperhex`).
pub const LDIGITS: &[u8; 16] = b"0123456789abcdef";
pub const UDIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// Go's `strconv.Quote`: double quotes, `\"` and `\\`, the C escapes (`\a \b \f \n \r \t \v`),
/// `\xHH` for other control bytes and invalid UTF-8, `\uHHHH`/`\UHHHHHHHH` for other
/// non-printable runes.
pub fn quote(s: &str) -> String {
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

/// [`quote`] under the name its callers used before `golang::` existed.
pub use self::quote as go_quote;

/// Go's `strconv.Quote` over raw bytes: invalid UTF-8 bytes become `\xHH`.
pub fn go_quote_bytes(b: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in b.utf8_chunks() {
        let q = quote(chunk.valid());
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

/// Go's `strconv.Unquote` for the three literal forms; errors are `invalid syntax`.
pub fn unquote(s: &str) -> Result<Vec<u8>, &'static str> {
    const SYNTAX: &str = "invalid syntax";
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b[b.len() - 1] {
        return Err(SYNTAX);
    }
    let quote = b[0];
    let inner = &s[1..s.len() - 1];
    match quote {
        b'`' => {
            if inner.contains('`') {
                return Err(SYNTAX);
            }
            Ok(inner.bytes().filter(|&c| c != b'\r').collect())
        }
        b'"' | b'\'' => {
            if inner.contains('\n') {
                return Err(SYNTAX);
            }
            let mut out = Vec::new();
            let mut rest = inner.as_bytes();
            let mut n = 0;
            while !rest.is_empty() {
                let (piece, tail) = unquote_char(rest, quote).ok_or(SYNTAX)?;
                out.extend_from_slice(&piece);
                rest = tail;
                n += 1;
                if quote == b'\'' && n > 1 {
                    return Err(SYNTAX);
                }
            }
            if quote == b'\'' && n != 1 {
                return Err(SYNTAX);
            }
            Ok(out)
        }
        _ => Err(SYNTAX),
    }
}

/// Go's `strconv.UnquoteChar`: one (possibly escaped) character from `s`, as UTF-8 bytes (or a
/// raw byte for `\x`/octal escapes), and the rest of `s`.
pub fn unquote_char(s: &[u8], quote: u8) -> Option<(Vec<u8>, &[u8])> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c != b'\\' {
        let (r, w) = decode_rune(s);
        if r.is_none() && w == 1 {
            // An invalid byte stands for itself (Go appends U+FFFD only when unquoting text
            // that was valid Go source; template text is a Go string, keep the byte).
            return Some((vec![c], &s[1..]));
        }
        return Some((s[..w].to_vec(), &s[w..]));
    }
    if s.len() <= 1 {
        return None;
    }
    let c = s[1];
    let mut rest = &s[2..];
    let ch: char = match c {
        b'a' => '\x07',
        b'b' => '\x08',
        b'f' => '\x0c',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'v' => '\x0b',
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if rest.len() < n {
                return None;
            }
            let mut v: u32 = 0;
            for &d in &rest[..n] {
                v = v.checked_mul(16)? + (d as char).to_digit(16)?;
            }
            rest = &rest[n..];
            if c == b'x' {
                return Some((vec![v as u8], rest));
            }
            char::from_u32(v)?
        }
        b'0'..=b'7' => {
            if rest.len() < 2 {
                return None;
            }
            let mut v: u32 = (c - b'0') as u32;
            for &d in &rest[..2] {
                let d = (d as char).to_digit(8)?;
                v = v * 8 + d;
            }
            if v > 255 {
                return None;
            }
            rest = &rest[2..];
            return Some((vec![v as u8], rest));
        }
        b'\\' => '\\',
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            c as char
        }
        _ => return None,
    };
    let mut buf = [0u8; 4];
    Some((ch.encode_utf8(&mut buf).as_bytes().to_vec(), rest))
}

/// Go's `strconv.Quote` (or `QuoteToASCII` with `ascii`) on raw bytes.
pub fn quote_bytes(s: &[u8], ascii: bool) -> Vec<u8> {
    let mut out = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        match r {
            None => {
                out.extend_from_slice(format!("\\x{:02x}", s[i]).as_bytes());
            }
            Some(c) => append_escaped_rune(&mut out, c, b'"', ascii),
        }
        i += w.max(1);
    }
    out.push(b'"');
    out
}

pub fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        match r {
            None => return false,
            Some(c) => {
                if w > 1 {
                    if c == '\u{FEFF}' {
                        return false;
                    }
                } else if c == '`' || c == '\u{7f}' || ((c as u32) < 0x20 && c != '\t') {
                    return false;
                }
            }
        }
        i += w;
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

    #[test]
    fn quoting_like_strconv() {
        assert_eq!(go_quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            go_quote("tab\tnl\n\x07\x01\x7f"),
            r#""tab\tnl\n\a\x01\x7f""#
        );
        assert_eq!(go_quote("日本 é …"), "\"日本 é …\"");
        assert_eq!(
            go_quote("\u{200b}\u{2028}\u{a0}"),
            r#""\u200b\u2028\u00a0""#
        );
        assert_eq!(
            String::from_utf8(quote_bytes(b"\xff", false)).unwrap(),
            r#""\xff""#
        );
        assert_eq!(
            String::from_utf8(quote_bytes("é".as_bytes(), true)).unwrap(),
            r#""\u00e9""#
        );
    }

    /// Go's strconv/quote_test.go: `quotetests`, `unquotetests`, `misquoted`, `canbackquotetests`.
    #[test]
    fn quote_and_unquote_like_go() {
        let quotes: &[(&[u8], &str, &str)] = &[
            (
                b"\x07\x08\x0c\r\n\t\x0b",
                r#""\a\b\f\r\n\t\v""#,
                r#""\a\b\f\r\n\t\v""#,
            ),
            (b"\\", r#""\\""#, r#""\\""#),
            (b"abc\xffdef", r#""abc\xffdef""#, r#""abc\xffdef""#),
            ("\u{263a}".as_bytes(), "\"☺\"", r#""\u263a""#),
            (
                "\u{10ffff}".as_bytes(),
                r#""\U0010ffff""#,
                r#""\U0010ffff""#,
            ),
            (b"\x04", r#""\x04""#, r#""\x04""#),
            (
                "!\u{a0}!\u{2000}!\u{3000}!".as_bytes(),
                r#""!\u00a0!\u2000!\u3000!""#,
                r#""!\u00a0!\u2000!\u3000!""#,
            ),
        ];
        for &(s, want, ascii) in quotes {
            assert_eq!(quote_bytes(s, false), want.as_bytes(), "{s:?}");
            assert_eq!(quote_bytes(s, true), ascii.as_bytes(), "{s:?} ascii");
            assert_eq!(go_quote_bytes(s), want, "{s:?}");
            // and backward
            assert_eq!(unquote(want).as_deref(), Ok(s), "unquote {want}");
        }
        let unquotes: &[(&str, &[u8])] = &[
            (r#""""#, b""),
            (r#""a""#, b"a"),
            (r#""abc""#, b"abc"),
            (r#""☺""#, "☺".as_bytes()),
            (r#""hello world""#, b"hello world"),
            (r#""\xFF""#, b"\xFF"),
            (r#""\377""#, b"\xFF"),
            (r#""\u1234""#, "\u{1234}".as_bytes()),
            (r#""\U00010111""#, "\u{10111}".as_bytes()),
            (r#""\U0001011111""#, "\u{10111}11".as_bytes()),
            (r#""\a\b\f\n\r\t\v\\\"""#, b"\x07\x08\x0c\n\r\t\x0b\\\""),
            (r#""'""#, b"'"),
            ("'a'", b"a"),
            ("'☹'", "☹".as_bytes()),
            (r"'\a'", b"\x07"),
            (r"'\x10'", b"\x10"),
            (r"'\377'", b"\xFF"),
            (r"'\u1234'", "\u{1234}".as_bytes()),
            (r"'\U00010111'", "\u{10111}".as_bytes()),
            (r"'\t'", b"\t"),
            ("' '", b" "),
            (r"'\''", b"'"),
            (r#"'"'"#, b"\""),
            ("``", b""),
            ("`a`", b"a"),
            ("`abc`", b"abc"),
            ("`☺`", "☺".as_bytes()),
            ("`hello world`", b"hello world"),
            (r"`\xFF`", br"\xFF"),
            (r"`\377`", br"\377"),
            (r"`\`", br"\"),
            ("`\n`", b"\n"),
            ("`\t`", b"\t"),
            ("` `", b" "),
        ];
        for &(s, want) in unquotes {
            assert_eq!(unquote(s).as_deref(), Ok(want), "{s}");
        }
        let misquoted = [
            "",
            "\"",
            "\"a",
            "\"'",
            "b\"",
            r#""\""#,
            r#""\9""#,
            r#""\19""#,
            r#""\129""#,
            r"'\'",
            r"'\9'",
            r"'\19'",
            r"'\129'",
            "'ab'",
            r#""\x1!""#,
            r#""\U12345678""#,
            r#""\z""#,
            "`",
            "`xxx",
            "`\"",
            r#""\'""#,
            r#"'\"'"#,
            "\"\n\"",
            "\"\\n\n\"",
            "'\n'",
        ];
        for s in misquoted {
            assert_eq!(unquote(s), Err("invalid syntax"), "{s:?}");
        }
        let backquote: &[(&[u8], bool)] = &[
            (b"`", false),
            (b"\x00", false),
            (b"\x08", false),
            (b"\t", true),
            (b"\n", false),
            (b"\x1f", false),
            (b"\x7f", false),
            (br##"' !"#$%&'()*+,-./:;<=>?@[\]^_{|}~"##, true),
            (b"0123456789", true),
            ("☺".as_bytes(), true),
            (b"\x80", false),
            (b"a\xe0\xa0z", false),
            ("\u{feff}abc".as_bytes(), false),
            ("a\u{feff}z".as_bytes(), false),
        ];
        for &(s, want) in backquote {
            assert_eq!(can_backquote(s), want, "{s:?}");
        }
    }
}
