//! Go's strconv: Quote, Unquote, number literals (ParseInt, ParseFloat) and FormatFloat.

use crate::golang::utf8::decode_rune;

/// The digits Go's formatters use (`strconv`'s `lowerhex`/`upperhex`).
pub const LDIGITS: &[u8; 16] = b"0123456789abcdef";
pub const UDIGITS: &[u8; 16] = b"0123456789ABCDEF";

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

/// Go's `underscoreOK`: underscores only between digits (a base prefix counts as a digit).
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    let b = match b.first() {
        Some(b'+' | b'-') => &b[1..],
        _ => b,
    };
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].eq_ignore_ascii_case(&b'x');
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// Go's `strconv.ParseUint(s, 0, 64)` / `ParseInt(s, 0, 64)` syntax: optional sign (int only),
/// `0x`/`0o`/`0b`/leading-`0` prefixes, underscores between digits.
pub fn parse_go_int(s: &str, signed: bool) -> Option<(bool, u64)> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') if signed => (false, &s[1..]),
        Some(b'-') if signed => (true, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let (base, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if digits.contains('_') && !underscore_ok(body) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        return None;
    }
    let v = u64::from_str_radix(&clean, base).ok()?;
    Some((neg, v))
}

pub fn parse_go_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if body.starts_with("0x") {
        return parse_hex_float(&lower);
    }
    if body.is_empty()
        || !body
            .bytes()
            .all(|c| c.is_ascii_digit() || b"._e+-".contains(&c))
    {
        return None;
    }
    if lower.contains('_') && !underscore_ok(&lower) {
        return None;
    }
    let clean: String = lower.chars().filter(|&c| c != '_').collect();
    let f: f64 = clean.parse().ok()?;
    if f.is_infinite() {
        return None; // Go reports ErrRange
    }
    Some(f)
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let body = body.strip_prefix("0x")?.replace('_', "");
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().ok()?),
        None => (body.clone(), 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((&mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    let v = v * 2f64.powi(exp);
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
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

/// Decimal digits of |v| (no leading zeros; "0" for zero) and the decimal point position:
/// value = 0.d1d2d3… × 10^dp.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

fn digits_from_exp_string(s: &str) -> Digits {
    // s like "1.2345e6" or "0e0"
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let exp: i32 = exp.parse().expect("exponent");
    let d: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
    if d.iter().all(|&c| c == b'0') {
        return Digits {
            d: Vec::new(),
            dp: 0,
        };
    }
    Digits { d, dp: exp + 1 }
}

fn shortest_digits(v: f64) -> Digits {
    digits_from_exp_string(&format!("{:e}", v.abs()))
}

/// The most digits Rust's formatter is asked for: std panics on a precision above `u16::MAX`
/// ("Formatting argument out of range"; Go allows up to 1e6), and no f64 has more than 1074
/// exact fractional or 767 significant decimal digits, so past this there are only zeros.
/// (`{{printf "%.70000f" 1.5}}` panicked; found by fuzz/template.)
const MAX_EXACT_DIGITS: usize = 1100;

fn fixed_digits(v: f64, nsig: usize) -> Digits {
    let p = nsig.saturating_sub(1).min(MAX_EXACT_DIGITS);
    let mut d = digits_from_exp_string(&format!("{:.*e}", p, v.abs()));
    while d.d.last() == Some(&b'0') {
        d.d.pop();
    }
    d
}

fn fmt_e(out: &mut String, d: &Digits, prec: i32, ch: char) {
    out.push(if d.d.is_empty() { '0' } else { d.d[0] as char });
    if prec > 0 {
        out.push('.');
        let mut i = 1usize;
        let m = d.d.len().min(prec as usize + 1);
        if i < m {
            out.extend(d.d[i..m].iter().map(|&c| c as char));
            i = m;
        }
        while i <= prec as usize {
            out.push('0');
            i += 1;
        }
    }
    out.push(ch);
    let mut exp = d.dp - 1;
    if d.d.is_empty() {
        exp = 0;
    }
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

fn fmt_f(out: &mut String, d: &Digits, prec: i32) {
    if d.dp > 0 {
        let m = d.d.len().min(d.dp as usize);
        out.extend(d.d[..m].iter().map(|&c| c as char));
        for _ in m..d.dp as usize {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = d.dp + i - 1;
            let ch = if j >= 0 && (j as usize) < d.d.len() {
                d.d[j as usize] as char
            } else {
                '0'
            };
            out.push(ch);
        }
    }
}

/// The binary mantissa (with the implicit bit) and unbiased exponent of `v`, as Go's
/// `strconv.FormatFloat` computes them for `%b` and `%x`.
fn float_bits(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mut mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        exp += 1; // denormal
    } else {
        mant |= 1u64 << 52;
    }
    (mant, exp - 1023)
}

/// Go's `%b`: `-ddddp±ddd`.
fn fmt_b(out: &mut String, v: f64) {
    let (mant, exp) = float_bits(v);
    let exp = exp - 52;
    out.push_str(&mant.to_string());
    out.push('p');
    if exp >= 0 {
        out.push('+');
    }
    out.push_str(&exp.to_string());
}

/// Go's `%x`/`%X` for floats: `-0x1.yyyyp±dd`.
fn fmt_x(out: &mut String, v: f64, prec: i32, upper: bool) {
    let (mut mant, mut exp) = float_bits(v);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - 52;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1u64 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex = if upper { UDIGITS } else { LDIGITS };
    out.push('0');
    out.push(if upper { 'X' } else { 'x' });
    out.push(if (mant >> 60) & 1 == 1 { '1' } else { '0' });
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    }
    out.push(if upper { 'P' } else { 'p' });
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Go's `strconv.FormatFloat(v, fmt, prec, 64)` for fmt in b e E f F g G x X
/// (prec -1 = shortest).
pub fn format_float(v: f64, fmt: char, prec: i32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    match fmt {
        'b' => {
            fmt_b(&mut out, v.abs());
            return out;
        }
        'x' | 'X' => {
            fmt_x(&mut out, v.abs(), prec, fmt == 'X');
            return out;
        }
        _ => {}
    }
    let shortest = prec < 0;
    match fmt {
        'f' | 'F' => {
            if shortest {
                let d = shortest_digits(v);
                let p = (d.d.len() as i32 - d.dp).max(0);
                fmt_f(&mut out, &d, p);
            } else {
                let shown = (prec as usize).min(MAX_EXACT_DIGITS);
                out.push_str(&format!("{:.*}", shown, v.abs()));
                out.extend(std::iter::repeat_n('0', prec as usize - shown));
            }
        }
        'e' | 'E' => {
            let (d, p) = if shortest {
                let d = shortest_digits(v);
                let p = (d.d.len() as i32 - 1).max(0);
                (d, p)
            } else {
                let p = (prec as usize).min(MAX_EXACT_DIGITS);
                let d = digits_from_exp_string(&format!("{:.*e}", p, v.abs()));
                (d, prec)
            };
            fmt_e(&mut out, &d, p, fmt);
        }
        'g' | 'G' => {
            let (d, mut prec) = if shortest {
                let d = shortest_digits(v);
                let n = d.d.len() as i32;
                (d, n)
            } else {
                let p = prec.max(1);
                (fixed_digits(v, p as usize), p)
            };
            let nd = d.d.len() as i32;
            let mut eprec = prec;
            if eprec > nd && nd >= d.dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = d.dp - 1;
            let ech = if fmt == 'g' { 'e' } else { 'E' };
            if d.d.is_empty() {
                // zero: Go prints "0" for %g
                if exp < -4 || exp >= eprec {
                    fmt_e(&mut out, &d, 0, ech);
                } else {
                    out.push('0');
                }
                return out;
            }
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                fmt_e(&mut out, &d, prec - 1, ech);
            } else {
                if prec > d.dp {
                    prec = nd;
                }
                fmt_f(&mut out, &d, (prec - d.dp).max(0));
            }
        }
        _ => {
            out.push('%');
            out.push(fmt);
        }
    }
    out
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
    fn float_formatting_like_go() {
        let cases: &[(f64, char, i32, &str)] = &[
            (1e6, 'g', -1, "1e+06"),
            (123456.0, 'g', -1, "123456"),
            (1234567.0, 'g', -1, "1.234567e+06"),
            (0.0001, 'g', -1, "0.0001"),
            (0.00001, 'g', -1, "1e-05"),
            (100.0, 'g', -1, "100"),
            (1.0, 'g', -1, "1"),
            (0.0, 'g', -1, "0"),
            (-2.5, 'g', -1, "-2.5"),
            (1.0, 'g', 3, "1"),
            (1234.5678, 'g', 3, "1.23e+03"),
            (0.1, 'f', -1, "0.1"),
            (1e21, 'f', -1, "1000000000000000000000"),
            (1.23456, 'f', 2, "1.23"),
            (2.5, 'f', 0, "2"),
            (1234.5678, 'e', 6, "1.234568e+03"),
            (0.0, 'e', 2, "0.00e+00"),
            (1e-7, 'e', -1, "1e-07"),
            (1e100, 'g', -1, "1e+100"),
            (1.5, 'x', -1, "0x1.8p+00"),
            (1.5, 'X', -1, "0X1.8P+00"),
            (1.5, 'b', -1, "6755399441055744p-52"),
            (0.0, 'x', -1, "0x0p+00"),
            (-1e300, 'x', 3, "-0x1.7e4p+996"),
        ];
        for &(v, f, p, want) in cases {
            assert_eq!(format_float(v, f, p), want, "{v} {f} {p}");
        }
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
}
