//! Go's strconv: Quote, Unquote, number literals (ParseInt, ParseFloat) and FormatFloat.

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

/// Why a conversion failed: Go's `strconv.ErrSyntax`, `ErrRange`, or a bad base / bit size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumErrorKind {
    /// `invalid syntax`
    Syntax,
    /// `value out of range`
    Range,
    /// `invalid base N`
    Base(u32),
    /// `invalid bit size N`
    BitSize(u32),
}

/// Go's `*strconv.NumError`: displayed as `strconv.ParseInt: parsing "x": invalid syntax`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    /// The Go function that failed (`ParseInt`, `ParseUint`, `ParseFloat`, `Atoi`).
    pub func: &'static str,
    /// The input, as it was given.
    pub num: String,
    pub kind: NumErrorKind,
}

impl NumError {
    fn new(func: &'static str, num: &str, kind: NumErrorKind) -> Self {
        NumError {
            func,
            num: num.to_string(),
            kind,
        }
    }
}

impl std::fmt::Display for NumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "strconv.{}: parsing {}: ", self.func, quote(&self.num))?;
        match self.kind {
            NumErrorKind::Syntax => f.write_str("invalid syntax"),
            NumErrorKind::Range => f.write_str("value out of range"),
            NumErrorKind::Base(b) => write!(f, "invalid base {b}"),
            NumErrorKind::BitSize(b) => write!(f, "invalid bit size {b}"),
        }
    }
}

impl std::error::Error for NumError {}

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

/// Go's `strconv.ParseUint(s, base, bits)`: base 0 reads a `0x`/`0o`/`0b`/`0` prefix and allows
/// underscores between digits; bits 0 means 64 (Go's `int` on the platforms docker ships for).
pub fn parse_uint(s: &str, base: u32, bits: u32) -> Result<u64, NumError> {
    parse_uint_as("ParseUint", s, base, bits)
}

fn parse_uint_as(func: &'static str, s0: &str, base: u32, bits: u32) -> Result<u64, NumError> {
    let err = |kind| NumError::new(func, s0, kind);
    if s0.is_empty() {
        return Err(err(NumErrorKind::Syntax));
    }
    let base0 = base == 0;
    let b = s0.as_bytes();
    let (base, digits) = match base {
        2..=36 => (base as u64, b),
        0 if b[0] == b'0' && b.len() >= 3 && b[1].eq_ignore_ascii_case(&b'b') => (2, &b[2..]),
        0 if b[0] == b'0' && b.len() >= 3 && b[1].eq_ignore_ascii_case(&b'o') => (8, &b[2..]),
        0 if b[0] == b'0' && b.len() >= 3 && b[1].eq_ignore_ascii_case(&b'x') => (16, &b[2..]),
        0 if b[0] == b'0' => (8, &b[1..]),
        0 => (10, b),
        _ => return Err(err(NumErrorKind::Base(base))),
    };
    let bits = match bits {
        0 => 64,
        1..=64 => bits,
        _ => return Err(err(NumErrorKind::BitSize(bits))),
    };
    let max = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => (c - b'0') as u64,
            _ if c.is_ascii_alphabetic() => (c.to_ascii_lowercase() - b'a' + 10) as u64,
            _ => return Err(err(NumErrorKind::Syntax)),
        };
        if d >= base {
            return Err(err(NumErrorKind::Syntax));
        }
        // Go keeps scanning after an overflow only to report it; a later bad digit would
        // have been reached first in Go too, since it returns at the first overflow.
        match n.checked_mul(base).and_then(|m| m.checked_add(d)) {
            Some(m) if m <= max => n = m,
            _ => return Err(err(NumErrorKind::Range)),
        }
    }
    if underscores && !underscore_ok(s0) {
        return Err(err(NumErrorKind::Syntax));
    }
    Ok(n)
}

/// Go's `strconv.ParseInt(s, base, bits)`: an optional sign, then [`parse_uint`]'s syntax.
pub fn parse_int(s: &str, base: u32, bits: u32) -> Result<i64, NumError> {
    parse_int_as("ParseInt", s, base, bits)
}

fn parse_int_as(func: &'static str, s0: &str, base: u32, bits: u32) -> Result<i64, NumError> {
    let err = |kind| NumError::new(func, s0, kind);
    if s0.is_empty() {
        return Err(err(NumErrorKind::Syntax));
    }
    let (neg, s) = match s0.as_bytes()[0] {
        b'+' => (false, &s0[1..]),
        b'-' => (true, &s0[1..]),
        _ => (false, s0),
    };
    let un = match parse_uint_as(func, s, base, bits) {
        Ok(u) => u,
        Err(e) if e.kind == NumErrorKind::Range => u64::MAX,
        Err(e) => return Err(err(e.kind)),
    };
    let bits = if bits == 0 { 64 } else { bits };
    let cutoff = 1u64 << (bits - 1);
    if (!neg && un >= cutoff) || (neg && un > cutoff) {
        return Err(err(NumErrorKind::Range));
    }
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// Go's `strconv.Atoi`: `ParseInt(s, 10, 0)` with `Atoi` in its errors.
pub fn atoi(s: &str) -> Result<i64, NumError> {
    parse_int_as("Atoi", s, 10, 0)
}

/// Go's `strconv.ParseFloat(s, bits)` (bits 32 or 64): decimal and hexadecimal (`0x1.8p3`,
/// which must have a `p` exponent) literals, underscores between digits, `inf`/`infinity`/`nan`
/// in any case. A value beyond the type's range is `value out of range`.
pub fn parse_float(s: &str, bits: u32) -> Result<f64, NumError> {
    let err = |kind| NumError::new("ParseFloat", s, kind);
    if let Some(f) = special_float(s) {
        return Ok(f);
    }
    let hex = read_float(s).ok_or_else(|| err(NumErrorKind::Syntax))?;
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    let f = if hex {
        hex_float_value(&clean)
    } else if bits == 32 {
        clean.parse::<f32>().map(f64::from).unwrap_or(f64::NAN)
    } else {
        clean.parse::<f64>().unwrap_or(f64::NAN)
    };
    let f = if bits == 32 { f as f32 as f64 } else { f };
    if f.is_infinite() {
        return Err(err(NumErrorKind::Range));
    }
    Ok(f)
}

/// Go's `special`: the whole of `s` is `[+-]inf`, `[+-]infinity` or `nan`, in any case.
fn special_float(s: &str) -> Option<f64> {
    let (sign, body) = match s.as_bytes().first() {
        Some(b'+') => (1.0, &s[1..]),
        Some(b'-') => (-1.0, &s[1..]),
        _ => (0.0, s),
    };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Some(if sign < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    (sign == 0.0 && body.eq_ignore_ascii_case("nan")).then_some(f64::NAN)
}

/// Go's `readFloat` as a syntax check of the whole string: `Some(is_hex)` when `s` is a
/// well-formed float literal.
fn read_float(s: &str) -> Option<bool> {
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let hex = i + 2 < b.len() && b[i] == b'0' && b[i + 1].eq_ignore_ascii_case(&b'x');
    if hex {
        i += 2;
    }
    let (mut underscores, mut sawdot, mut sawdigits) = (false, false, false);
    while i < b.len() {
        match b[i] {
            b'_' => underscores = true,
            b'.' if !sawdot => sawdot = true,
            c if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) => sawdigits = true,
            _ => break,
        }
        i += 1;
    }
    if !sawdigits {
        return None;
    }
    let exp_char = if hex { b'p' } else { b'e' };
    if i < b.len() && b[i].eq_ignore_ascii_case(&exp_char) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            underscores |= b[i] == b'_';
            i += 1;
        }
    } else if hex {
        return None; // a hexadecimal mantissa needs a 'p' exponent
    }
    if i != b.len() || (underscores && !underscore_ok(&s[..i])) {
        return None;
    }
    Some(hex)
}

/// The value of a hexadecimal float literal that [`read_float`] accepted (underscores removed).
fn hex_float_value(s: &str) -> f64 {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let body = &body[2..];
    let (mant, exp) = body.split_once(['p', 'P']).unwrap_or((body, "0"));
    let exp: i32 = exp.parse().unwrap_or(if exp.starts_with('-') {
        i32::MIN / 2
    } else {
        i32::MAX / 2
    });
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16).unwrap_or(0) as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16).unwrap_or(0) as f64 * scale;
        scale /= 16.0;
    }
    // powi saturates to inf/0 on its own; split the scaling so a huge mantissa with a very
    // negative exponent (or the reverse) does not overflow in between.
    let v = v * 2f64.powi(exp / 2) * 2f64.powi(exp - exp / 2);
    if neg {
        -v
    } else {
        v
    }
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

/// The shortest digits that read back as `v` in a float of `bits` bits.
fn shortest_digits(v: f64, bits: u32) -> Digits {
    if bits == 32 {
        digits_from_exp_string(&format!("{:e}", (v as f32).abs()))
    } else {
        digits_from_exp_string(&format!("{:e}", v.abs()))
    }
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

/// The binary mantissa (with the implicit bit), unbiased exponent and mantissa width of `v`
/// as a float of `bits` bits, as Go's `strconv.FormatFloat` computes them for `%b` and `%x`.
fn float_bits(v: f64, bits: u32) -> (u64, i32, u32) {
    let (raw, mant_bits, exp_bits, bias) = if bits == 32 {
        ((v as f32).to_bits() as u64, 23, 8, 127)
    } else {
        (v.to_bits(), 52, 11, 1023)
    };
    let mut exp = ((raw >> mant_bits) & ((1 << exp_bits) - 1)) as i32;
    let mut mant = raw & ((1u64 << mant_bits) - 1);
    if exp == 0 {
        exp += 1; // denormal
    } else {
        mant |= 1u64 << mant_bits;
    }
    (mant, exp - bias, mant_bits)
}

/// Go's `%b`: `-ddddp±ddd`.
fn fmt_b(out: &mut String, v: f64, bits: u32) {
    let (mant, exp, mant_bits) = float_bits(v, bits);
    let exp = exp - mant_bits as i32;
    out.push_str(&mant.to_string());
    out.push('p');
    if exp >= 0 {
        out.push('+');
    }
    out.push_str(&exp.to_string());
}

/// Go's `%x`/`%X` for floats: `-0x1.yyyyp±dd`.
fn fmt_x(out: &mut String, v: f64, prec: i32, upper: bool, bits: u32) {
    let (mut mant, mut exp, mant_bits) = float_bits(v, bits);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - mant_bits;
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

/// Go's `strconv.FormatFloat(v, fmt, prec, bits)` for fmt in b e E f F g G x X (prec -1 =
/// shortest: the fewest digits that read back as `v` in a float of `bits`, 32 or 64, bits).
pub fn format_float(v: f64, fmt: char, prec: i32, bits: u32) -> String {
    let v = if bits == 32 { v as f32 as f64 } else { v };
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
            fmt_b(&mut out, v.abs(), bits);
            return out;
        }
        'x' | 'X' => {
            fmt_x(&mut out, v.abs(), prec, fmt == 'X', bits);
            return out;
        }
        _ => {}
    }
    let shortest = prec < 0;
    match fmt {
        'f' | 'F' => {
            if shortest {
                let d = shortest_digits(v, bits);
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
                let d = shortest_digits(v, bits);
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
                let d = shortest_digits(v, bits);
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
            assert_eq!(format_float(v, f, p, 64), want, "{v} {f} {p}");
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

    /// Go's strconv/atoi_test.go: `parseUint64BaseTests`, `parseInt64BaseTests`,
    /// `parseInt64Tests`, `parseUint32Tests`, `parseInt32Tests` (`None`: the error kind).
    #[test]
    fn parse_int_like_go() {
        use NumErrorKind::{Range, Syntax};
        let uint_base: &[(&str, u32, Result<u64, NumErrorKind>)] = &[
            ("", 0, Err(Syntax)),
            ("0", 0, Ok(0)),
            ("0x", 0, Err(Syntax)),
            ("0X", 0, Err(Syntax)),
            ("1", 0, Ok(1)),
            ("12345", 0, Ok(12345)),
            ("012345", 0, Ok(0o12345)),
            ("0x12345", 0, Ok(0x12345)),
            ("0X12345", 0, Ok(0x12345)),
            ("12345x", 0, Err(Syntax)),
            ("0xabcdefg123", 0, Err(Syntax)),
            ("123456789abc", 0, Err(Syntax)),
            ("98765432100", 0, Ok(98765432100)),
            ("18446744073709551615", 0, Ok(u64::MAX)),
            ("18446744073709551616", 0, Err(Range)),
            ("18446744073709551620", 0, Err(Range)),
            ("0xFFFFFFFFFFFFFFFF", 0, Ok(u64::MAX)),
            ("0x10000000000000000", 0, Err(Range)),
            ("01777777777777777777777", 0, Ok(u64::MAX)),
            ("01777777777777777777778", 0, Err(Syntax)),
            ("02000000000000000000000", 0, Err(Range)),
            ("0200000000000000000000", 0, Ok(1 << 61)),
            ("0b", 0, Err(Syntax)),
            ("0B", 0, Err(Syntax)),
            ("0b101", 0, Ok(5)),
            ("0B101", 0, Ok(5)),
            ("0o", 0, Err(Syntax)),
            ("0O", 0, Err(Syntax)),
            ("0o377", 0, Ok(255)),
            ("0O377", 0, Ok(255)),
            // underscores allowed with base == 0 only
            ("1_2_3_4_5", 0, Ok(12345)),
            ("_12345", 0, Err(Syntax)),
            ("1__2345", 0, Err(Syntax)),
            ("12345_", 0, Err(Syntax)),
            ("1_2_3_4_5", 10, Err(Syntax)),
            ("_12345", 10, Err(Syntax)),
            ("1__2345", 10, Err(Syntax)),
            ("12345_", 10, Err(Syntax)),
            ("0x_1_2_3_4_5", 0, Ok(0x12345)),
            ("_0x12345", 0, Err(Syntax)),
            ("0x__12345", 0, Err(Syntax)),
            ("0x1__2345", 0, Err(Syntax)),
            ("0x1234__5", 0, Err(Syntax)),
            ("0x12345_", 0, Err(Syntax)),
            ("1_2_3_4_5", 16, Err(Syntax)),
            ("_12345", 16, Err(Syntax)),
            ("1__2345", 16, Err(Syntax)),
            ("1234__5", 16, Err(Syntax)),
            ("12345_", 16, Err(Syntax)),
            ("0_1_2_3_4_5", 0, Ok(0o12345)),
            ("_012345", 0, Err(Syntax)),
            ("0__12345", 0, Err(Syntax)),
            ("01234__5", 0, Err(Syntax)),
            ("012345_", 0, Err(Syntax)),
            ("0o_1_2_3_4_5", 0, Ok(0o12345)),
            ("_0o12345", 0, Err(Syntax)),
            ("0o__12345", 0, Err(Syntax)),
            ("0o1234__5", 0, Err(Syntax)),
            ("0o12345_", 0, Err(Syntax)),
            ("0_1_2_3_4_5", 8, Err(Syntax)),
            ("_012345", 8, Err(Syntax)),
            ("0__12345", 8, Err(Syntax)),
            ("01234__5", 8, Err(Syntax)),
            ("012345_", 8, Err(Syntax)),
            ("0b_1_0_1", 0, Ok(5)),
            ("_0b101", 0, Err(Syntax)),
            ("0b__101", 0, Err(Syntax)),
            ("0b1__01", 0, Err(Syntax)),
            ("0b10__1", 0, Err(Syntax)),
            ("0b101_", 0, Err(Syntax)),
            ("1_0_1", 2, Err(Syntax)),
            ("_101", 2, Err(Syntax)),
            ("1_01", 2, Err(Syntax)),
            ("10_1", 2, Err(Syntax)),
            ("101_", 2, Err(Syntax)),
        ];
        for &(s, base, want) in uint_base {
            assert_eq!(
                parse_uint(s, base, 64).map_err(|e| e.kind),
                want,
                "{s:?} {base}"
            );
        }
        let int_base: &[(&str, u32, Result<i64, NumErrorKind>)] = &[
            ("", 0, Err(Syntax)),
            ("0", 0, Ok(0)),
            ("-0", 0, Ok(0)),
            ("1", 0, Ok(1)),
            ("-1", 0, Ok(-1)),
            ("12345", 0, Ok(12345)),
            ("-12345", 0, Ok(-12345)),
            ("012345", 0, Ok(0o12345)),
            ("-012345", 0, Ok(-0o12345)),
            ("0x12345", 0, Ok(0x12345)),
            ("-0X12345", 0, Ok(-0x12345)),
            ("12345x", 0, Err(Syntax)),
            ("-12345x", 0, Err(Syntax)),
            ("98765432100", 0, Ok(98765432100)),
            ("-98765432100", 0, Ok(-98765432100)),
            ("9223372036854775807", 0, Ok(i64::MAX)),
            ("-9223372036854775807", 0, Ok(-i64::MAX)),
            ("9223372036854775808", 0, Err(Range)),
            ("-9223372036854775808", 0, Ok(i64::MIN)),
            ("9223372036854775809", 0, Err(Range)),
            ("-9223372036854775809", 0, Err(Range)),
            // other bases
            ("g", 17, Ok(16)),
            ("10", 25, Ok(25)),
            (
                "holycow",
                35,
                Ok((((((17 * 35 + 24) * 35 + 21) * 35 + 34) * 35 + 12) * 35 + 24) * 35 + 32),
            ),
            (
                "holycow",
                36,
                Ok((((((17 * 36 + 24) * 36 + 21) * 36 + 34) * 36 + 12) * 36 + 24) * 36 + 32),
            ),
            ("0", 2, Ok(0)),
            ("-1", 2, Ok(-1)),
            ("1010", 2, Ok(10)),
            ("1000000000000000", 2, Ok(1 << 15)),
            (
                "111111111111111111111111111111111111111111111111111111111111111",
                2,
                Ok(i64::MAX),
            ),
            (
                "1000000000000000000000000000000000000000000000000000000000000000",
                2,
                Err(Range),
            ),
            (
                "-1000000000000000000000000000000000000000000000000000000000000000",
                2,
                Ok(i64::MIN),
            ),
            (
                "-1000000000000000000000000000000000000000000000000000000000000001",
                2,
                Err(Range),
            ),
            ("-10", 8, Ok(-8)),
            ("57635436545", 8, Ok(0o57635436545)),
            ("100000000", 8, Ok(1 << 24)),
            ("10", 16, Ok(16)),
            ("-123456789abcdef", 16, Ok(-0x123456789abcdef)),
            ("7fffffffffffffff", 16, Ok(i64::MAX)),
            // underscores
            ("-0x_1_2_3_4_5", 0, Ok(-0x12345)),
            ("0x_1_2_3_4_5", 0, Ok(0x12345)),
            ("-_0x12345", 0, Err(Syntax)),
            ("_-0x12345", 0, Err(Syntax)),
            ("_0x12345", 0, Err(Syntax)),
            ("0x__12345", 0, Err(Syntax)),
            ("0x1__2345", 0, Err(Syntax)),
            ("0x1234__5", 0, Err(Syntax)),
            ("0x12345_", 0, Err(Syntax)),
            ("-0_1_2_3_4_5", 0, Ok(-0o12345)),
            ("0_1_2_3_4_5", 0, Ok(0o12345)),
            ("-_012345", 0, Err(Syntax)),
            ("_-012345", 0, Err(Syntax)),
            ("_012345", 0, Err(Syntax)),
            ("0__12345", 0, Err(Syntax)),
            ("01234__5", 0, Err(Syntax)),
            ("012345_", 0, Err(Syntax)),
            ("+0xf", 0, Ok(0xf)),
            ("-0xf", 0, Ok(-0xf)),
            ("0x+f", 0, Err(Syntax)),
            ("0x-f", 0, Err(Syntax)),
        ];
        for &(s, base, want) in int_base {
            assert_eq!(
                parse_int(s, base, 64).map_err(|e| e.kind),
                want,
                "{s:?} {base}"
            );
        }
        // parseInt64Tests (base 10): also what Atoi answers.
        let int10: &[(&str, Result<i64, NumErrorKind>)] = &[
            ("", Err(Syntax)),
            ("0", Ok(0)),
            ("-0", Ok(0)),
            ("+0", Ok(0)),
            ("1", Ok(1)),
            ("-1", Ok(-1)),
            ("+1", Ok(1)),
            ("12345", Ok(12345)),
            ("-12345", Ok(-12345)),
            ("012345", Ok(12345)),
            ("-012345", Ok(-12345)),
            ("98765432100", Ok(98765432100)),
            ("-98765432100", Ok(-98765432100)),
            ("9223372036854775807", Ok(i64::MAX)),
            ("-9223372036854775807", Ok(-i64::MAX)),
            ("9223372036854775808", Err(Range)),
            ("-9223372036854775808", Ok(i64::MIN)),
            ("9223372036854775809", Err(Range)),
            ("-9223372036854775809", Err(Range)),
            ("-1_2_3_4_5", Err(Syntax)),
            ("-_12345", Err(Syntax)),
            ("_12345", Err(Syntax)),
            ("1__2345", Err(Syntax)),
            ("12345_", Err(Syntax)),
            ("123%45", Err(Syntax)),
        ];
        for &(s, want) in int10 {
            assert_eq!(parse_int(s, 10, 64).map_err(|e| e.kind), want, "{s:?}");
            assert_eq!(atoi(s).map_err(|e| e.kind), want, "Atoi {s:?}");
        }
        // parseUint32Tests and parseInt32Tests
        let uint32: &[(&str, Result<u64, NumErrorKind>)] = &[
            ("", Err(Syntax)),
            ("0", Ok(0)),
            ("12345", Ok(12345)),
            ("012345", Ok(12345)),
            ("12345x", Err(Syntax)),
            ("987654321", Ok(987654321)),
            ("4294967295", Ok(u32::MAX as u64)),
            ("4294967296", Err(Range)),
            ("1_2_3_4_5", Err(Syntax)),
            ("1__2345", Err(Syntax)),
        ];
        for &(s, want) in uint32 {
            assert_eq!(parse_uint(s, 10, 32).map_err(|e| e.kind), want, "{s:?}");
        }
        let int32: &[(&str, Result<i64, NumErrorKind>)] = &[
            ("-12345x", Err(Syntax)),
            ("2147483647", Ok(i32::MAX as i64)),
            ("-2147483647", Ok(-(i32::MAX as i64))),
            ("2147483648", Err(Range)),
            ("-2147483648", Ok(i32::MIN as i64)),
            ("2147483649", Err(Range)),
            ("-2147483649", Err(Range)),
            ("123%45", Err(Syntax)),
        ];
        for &(s, want) in int32 {
            assert_eq!(parse_int(s, 10, 32).map_err(|e| e.kind), want, "{s:?}");
        }
        // parseBitSizeTests / parseBaseTests
        for (bits, ok) in [(0, true), (64, true), (65, false)] {
            assert_eq!(parse_int("0", 0, bits).is_ok(), ok, "bits {bits}");
            assert_eq!(parse_uint("0", 0, bits).is_ok(), ok, "bits {bits}");
        }
        for (base, ok) in [(0, true), (1, false), (2, true), (36, true), (37, false)] {
            assert_eq!(parse_int("0", base, 0).is_ok(), ok, "base {base}");
            assert_eq!(parse_uint("0", base, 0).is_ok(), ok, "base {base}");
        }
    }

    /// `NumError`'s text, as docker prints it inside its own messages.
    #[test]
    fn num_errors_read_like_go() {
        assert_eq!(
            parse_int("0x1__2", 0, 64).unwrap_err().to_string(),
            r#"strconv.ParseInt: parsing "0x1__2": invalid syntax"#
        );
        assert_eq!(
            parse_uint("18446744073709551616", 0, 64)
                .unwrap_err()
                .to_string(),
            r#"strconv.ParseUint: parsing "18446744073709551616": value out of range"#
        );
        assert_eq!(
            atoi("1e3").unwrap_err().to_string(),
            r#"strconv.Atoi: parsing "1e3": invalid syntax"#
        );
        assert_eq!(
            parse_float("1x", 64).unwrap_err().to_string(),
            r#"strconv.ParseFloat: parsing "1x": invalid syntax"#
        );
        assert_eq!(
            parse_int("1", 1, 0).unwrap_err().to_string(),
            r#"strconv.ParseInt: parsing "1": invalid base 1"#
        );
        assert_eq!(
            parse_uint("1", 0, 65).unwrap_err().to_string(),
            r#"strconv.ParseUint: parsing "1": invalid bit size 65"#
        );
        // NumErrorTests: the input is quoted with strconv.Quote.
        let e = NumError::new("ParseFloat", "1\x00.2", NumErrorKind::Syntax);
        assert_eq!(
            e.to_string(),
            r#"strconv.ParseFloat: parsing "1\x00.2": invalid syntax"#
        );
    }

    /// Go's strconv/atof_test.go (a selection of `atoftests`, with its underscore cases).
    #[test]
    fn parse_float_like_go() {
        use NumErrorKind::{Range, Syntax};
        let cases: &[(&str, Result<f64, NumErrorKind>)] = &[
            ("", Err(Syntax)),
            ("1", Ok(1.0)),
            ("+1", Ok(1.0)),
            ("1x", Err(Syntax)),
            ("1.1.", Err(Syntax)),
            ("1e23", Ok(1e23)),
            ("1E23", Ok(1e23)),
            ("100000000000000000000000", Ok(1e23)),
            ("1e-100", Ok(1e-100)),
            ("123456700", Ok(1.234567e+08)),
            ("99999999999999974834176", Ok(9.999999999999997e+22)),
            ("-1", Ok(-1.0)),
            ("-0.1", Ok(-0.1)),
            ("-0", Ok(-0.0)),
            ("1e-20", Ok(1e-20)),
            ("625e-3", Ok(0.625)),
            // zeros
            ("0", Ok(0.0)),
            ("0e0", Ok(0.0)),
            ("-0e0", Ok(-0.0)),
            ("0e-0", Ok(0.0)),
            ("0x0p0", Ok(0.0)),
            ("0x0p-0", Ok(0.0)),
            // NaNs and infinities
            ("nan", Ok(f64::NAN)),
            ("NaN", Ok(f64::NAN)),
            ("NAN", Ok(f64::NAN)),
            ("inf", Ok(f64::INFINITY)),
            ("-Inf", Ok(f64::NEG_INFINITY)),
            ("+INF", Ok(f64::INFINITY)),
            ("-Infinity", Ok(f64::NEG_INFINITY)),
            ("+INFINITY", Ok(f64::INFINITY)),
            ("Infinity", Ok(f64::INFINITY)),
            ("+nan", Err(Syntax)),
            // largest float64 and the range limit
            ("1.7976931348623157e308", Ok(f64::MAX)),
            ("-1.7976931348623157e308", Ok(-f64::MAX)),
            ("1.7976931348623159e308", Err(Range)),
            ("-1.7976931348623159e308", Err(Range)),
            ("1e308", Ok(1e308)),
            ("2e308", Err(Range)),
            ("1e310", Err(Range)),
            ("-1e310", Err(Range)),
            ("1e400", Err(Range)),
            ("1e-4294967296", Ok(0.0)),
            ("1e+4294967296", Err(Range)),
            // denormals
            ("4e-324", Ok(5e-324)),
            ("2e-324", Ok(0.0)),
            // hexadecimal
            ("0x1p0", Ok(1.0)),
            ("0x1p1", Ok(2.0)),
            ("0x1p-1", Ok(0.5)),
            ("0x1ep-1", Ok(15.0)),
            ("-0x1ep-1", Ok(-15.0)),
            ("-0x1_ep-1", Ok(-15.0)),
            ("0x1p-200", Ok(6.223015277861142e-61)),
            ("0x1p200", Ok(1.6069380442589903e+60)),
            ("0x1fFe2.p0", Ok(131042.0)),
            ("0x1fFe2.P0", Ok(131042.0)),
            ("-0x2p3", Ok(-16.0)),
            ("0x0.fp4", Ok(15.0)),
            ("0x0.fp0", Ok(0.9375)),
            ("0x1e2", Err(Syntax)),
            ("1p2", Err(Syntax)),
            ("0x1.8", Err(Syntax)),
            ("0x1.8p1", Ok(3.0)),
            // underscores
            ("1_23.50_0_0e+1_2", Ok(1.235e+14)),
            ("-_123.5e+12", Err(Syntax)),
            ("+_123.5e+12", Err(Syntax)),
            ("_123.5e+12", Err(Syntax)),
            ("1__23.5e+12", Err(Syntax)),
            ("123_.5e+12", Err(Syntax)),
            ("123._5e+12", Err(Syntax)),
            ("123.5_e+12", Err(Syntax)),
            ("123.5__0e+12", Err(Syntax)),
            ("123.5e_+12", Err(Syntax)),
            ("123.5e+_12", Err(Syntax)),
            ("123.5e_-12", Err(Syntax)),
            ("123.5e-_12", Err(Syntax)),
            ("123.5e+1__2", Err(Syntax)),
            ("123.5e+12_", Err(Syntax)),
            ("0x_1_2.3_4_5p+1_2", Ok(74565.0)),
            ("-_0x12.345p+12", Err(Syntax)),
            ("_0x12.345p+12", Err(Syntax)),
            ("0_x12.345p+12", Err(Syntax)),
            ("0x__12.345p+12", Err(Syntax)),
            ("0x1__2.345p+12", Err(Syntax)),
            ("0x12_.345p+12", Err(Syntax)),
            ("0x12._345p+12", Err(Syntax)),
            ("0x12.3__45p+12", Err(Syntax)),
            ("0x12.345_p+12", Err(Syntax)),
            ("0x12.345p_+12", Err(Syntax)),
            ("0x12.345p+_12", Err(Syntax)),
            ("0x12.345p+1__2", Err(Syntax)),
            ("0x12.345p+12_", Err(Syntax)),
            ("1e100x", Err(Syntax)),
            ("1e1000x", Err(Syntax)),
            ("0x1__2", Err(Syntax)),
        ];
        for &(s, want) in cases {
            let got = parse_float(s, 64).map_err(|e| e.kind);
            match (got, want) {
                (Ok(g), Ok(w)) if w.is_nan() => assert!(g.is_nan(), "{s:?}: {g}"),
                (Ok(g), Ok(w)) => {
                    assert_eq!(g.to_bits(), w.to_bits(), "{s:?}: {g} want {w}")
                }
                (got, want) => assert_eq!(got, want, "{s:?}"),
            }
        }
        // float32: the range ends at float32's largest value.
        assert_eq!(parse_float("1e38", 32), Ok(1e38f32 as f64));
        assert_eq!(parse_float("1e39", 32).map_err(|e| e.kind), Err(Range));
    }

    /// Go's strconv/ftoa_test.go `ftoatests` (64-bit, and 32-bit where the value fits).
    #[test]
    // The literals are Go's, digit for digit (2.2250738585072011e-308 is one of its cases).
    #[allow(clippy::excessive_precision)]
    fn format_float_like_go() {
        let below1e23 = 99999999999999974834176.0;
        let above1e23 = 100000000000000008388608.0;
        let cases: &[(f64, char, i32, &str)] = &[
            (1.0, 'e', 5, "1.00000e+00"),
            (1.0, 'f', 5, "1.00000"),
            (1.0, 'g', 5, "1"),
            (1.0, 'g', -1, "1"),
            (1.0, 'x', -1, "0x1p+00"),
            (1.0, 'x', 5, "0x1.00000p+00"),
            (20.0, 'g', -1, "20"),
            (20.0, 'x', -1, "0x1.4p+04"),
            (1234567.8, 'g', -1, "1.2345678e+06"),
            (1234567.8, 'x', -1, "0x1.2d687cccccccdp+20"),
            (200000.0, 'g', -1, "200000"),
            (200000.0, 'x', -1, "0x1.86ap+17"),
            (200000.0, 'X', -1, "0X1.86AP+17"),
            (2000000.0, 'g', -1, "2e+06"),
            // g conversion and zero suppression
            (400.0, 'g', 2, "4e+02"),
            (40.0, 'g', 2, "40"),
            (4.0, 'g', 2, "4"),
            (0.4, 'g', 2, "0.4"),
            (0.04, 'g', 2, "0.04"),
            (0.004, 'g', 2, "0.004"),
            (0.0004, 'g', 2, "0.0004"),
            (0.00004, 'g', 2, "4e-05"),
            (0.000004, 'g', 2, "4e-06"),
            (0.0, 'e', 5, "0.00000e+00"),
            (0.0, 'f', 5, "0.00000"),
            (0.0, 'g', 5, "0"),
            (0.0, 'g', -1, "0"),
            (0.0, 'x', 5, "0x0.00000p+00"),
            (-1.0, 'e', 5, "-1.00000e+00"),
            (-1.0, 'f', 5, "-1.00000"),
            (-1.0, 'g', 5, "-1"),
            (-1.0, 'g', -1, "-1"),
            (12.0, 'e', 5, "1.20000e+01"),
            (12.0, 'f', 5, "12.00000"),
            (12.0, 'g', 5, "12"),
            (12.0, 'g', -1, "12"),
            (123456700.0, 'e', 5, "1.23457e+08"),
            (123456700.0, 'f', 5, "123456700.00000"),
            (123456700.0, 'g', 5, "1.2346e+08"),
            (123456700.0, 'g', -1, "1.234567e+08"),
            (1.2345e6, 'e', 5, "1.23450e+06"),
            (1.2345e6, 'f', 5, "1234500.00000"),
            (1.2345e6, 'g', 5, "1.2345e+06"),
            (1e23, 'e', 17, "9.99999999999999916e+22"),
            (1e23, 'f', 17, "99999999999999991611392.00000000000000000"),
            (1e23, 'g', 17, "9.9999999999999992e+22"),
            (1e23, 'e', -1, "1e+23"),
            (1e23, 'f', -1, "100000000000000000000000"),
            (1e23, 'g', -1, "1e+23"),
            (below1e23, 'e', 17, "9.99999999999999748e+22"),
            (
                below1e23,
                'f',
                17,
                "99999999999999974834176.00000000000000000",
            ),
            (below1e23, 'g', 17, "9.9999999999999975e+22"),
            (below1e23, 'e', -1, "9.999999999999997e+22"),
            (below1e23, 'f', -1, "99999999999999970000000"),
            (below1e23, 'g', -1, "9.999999999999997e+22"),
            (above1e23, 'e', 17, "1.00000000000000008e+23"),
            (
                above1e23,
                'f',
                17,
                "100000000000000008388608.00000000000000000",
            ),
            (above1e23, 'g', 17, "1.0000000000000001e+23"),
            (above1e23, 'e', -1, "1.0000000000000001e+23"),
            (above1e23, 'f', -1, "100000000000000010000000"),
            (above1e23, 'g', -1, "1.0000000000000001e+23"),
            (5e-324, 'g', -1, "5e-324"),
            (-5e-324, 'g', -1, "-5e-324"),
            (32.0, 'g', -1, "32"),
            (32.0, 'g', 0, "3e+01"),
            (100.0, 'x', -1, "0x1.9p+06"),
            (100.0, 'y', -1, "%y"),
            (f64::NAN, 'g', -1, "NaN"),
            (-f64::NAN, 'g', -1, "NaN"),
            (f64::INFINITY, 'g', -1, "+Inf"),
            (f64::NEG_INFINITY, 'g', -1, "-Inf"),
            (-1.0, 'b', -1, "-4503599627370496p-52"),
            // fixed bugs
            (0.9, 'f', 1, "0.9"),
            (0.09, 'f', 1, "0.1"),
            (0.0999, 'f', 1, "0.1"),
            (0.05, 'f', 1, "0.1"),
            (0.05, 'f', 0, "0"),
            (0.5, 'f', 1, "0.5"),
            (0.5, 'f', 0, "0"),
            (1.5, 'f', 0, "2"),
            (2.2250738585072012e-308, 'g', -1, "2.2250738585072014e-308"),
            (2.2250738585072011e-308, 'g', -1, "2.225073858507201e-308"),
            (383260575764816448.0, 'f', 0, "383260575764816448"),
            (383260575764816448.0, 'g', -1, "3.8326057576481645e+17"),
            (498484681984085570.0, 'f', -1, "498484681984085570"),
            (-5.8339553793802237e+23, 'g', -1, "-5.8339553793802237e+23"),
            // rounding
            (2.275555555555555, 'x', -1, "0x1.23456789abcdep+01"),
            (2.275555555555555, 'x', 0, "0x1p+01"),
            (2.275555555555555, 'x', 2, "0x1.23p+01"),
            (2.275555555555555, 'x', 16, "0x1.23456789abcde000p+01"),
            (2.275555555555555, 'x', 21, "0x1.23456789abcde00000000p+01"),
            (2.2755555510520935, 'x', -1, "0x1.2345678p+01"),
            (2.2755555510520935, 'x', 6, "0x1.234568p+01"),
            (2.275555431842804, 'x', -1, "0x1.2345668p+01"),
            (2.275555431842804, 'x', 6, "0x1.234566p+01"),
            (3.999969482421875, 'x', -1, "0x1.ffffp+01"),
            (3.999969482421875, 'x', 4, "0x1.ffffp+01"),
            (3.999969482421875, 'x', 3, "0x1.000p+02"),
            (3.999969482421875, 'x', 2, "0x1.00p+02"),
            (3.999969482421875, 'x', 1, "0x1.0p+02"),
            (3.999969482421875, 'x', 0, "0x1p+02"),
        ];
        for &(v, f, p, want) in cases {
            assert_eq!(format_float(v, f, p, 64), want, "{v} {f} {p} 64");
            if v as f32 as f64 == v && f != 'b' || v.is_nan() {
                assert_eq!(format_float(v, f, p, 32), want, "{v} {f} {p} 32");
            }
        }
        // 32 bits: the shortest digits of the float32.
        assert_eq!(format_float(0.1f32 as f64, 'g', -1, 32), "0.1");
        assert_eq!(
            format_float(0.1f32 as f64, 'g', -1, 64),
            "0.10000000149011612"
        );
        assert_eq!(format_float(-1.0, 'b', -1, 32), "-8388608p-23");
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
