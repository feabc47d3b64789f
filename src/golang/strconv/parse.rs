//! Go's atoi.go and atof.go: `ParseInt`, `ParseUint`, `Atoi` and `ParseFloat` with Go's
//! syntax (base prefixes, underscores between digits, hex floats) and its error texts.

use super::quote;

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

impl NumError {
    /// Go's `NumError.Err` text alone (`invalid syntax`), which docker wraps in its own messages.
    pub fn reason(&self) -> String {
        match self.kind {
            NumErrorKind::Syntax => "invalid syntax".to_string(),
            NumErrorKind::Range => "value out of range".to_string(),
            NumErrorKind::Base(b) => format!("invalid base {b}"),
            NumErrorKind::BitSize(b) => format!("invalid bit size {b}"),
        }
    }
}

impl std::fmt::Display for NumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "strconv.{}: parsing {}: {}",
            self.func,
            quote(&self.num),
            self.reason()
        )
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

/// Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False` only.
pub fn parse_bool(s: &str) -> Result<bool, NumError> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Ok(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Ok(false),
        _ => Err(NumError::new("ParseBool", s, NumErrorKind::Syntax)),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
