//! Go's `strconv` number and boolean parsing as the flag parsers need it, with Go's error texts.
//!
//! A holding place: these parsers move here unchanged from `run/opts.rs` so that replacing them
//! with the one `golang::strconv` port is a change to this file alone.

use crate::cli::go_bool;
use crate::golang::strconv::go_quote;

fn num_error(func: &str, s: &str, why: &str) -> String {
    format!("strconv.{func}: parsing {}: {why}", go_quote(s))
}

/// Go's `strconv.ParseUint(s, 0, bits)` (pflag's uint flags).
pub fn go_uint(s: &str, bits: u32) -> Result<u64, String> {
    let syntax = || num_error("ParseUint", s, "invalid syntax");
    let body = s;
    let (radix, digits) =
        if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (16, h)
        } else if let Some(b) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (2, b)
        } else if let Some(o) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
            (8, o)
        } else if body.len() > 1 && body.starts_with('0') {
            (8, &body[1..])
        } else {
            (10, body)
        };
    let digits_clean = if radix != 10 {
        digits.replace('_', "")
    } else {
        digits.to_string()
    };
    if digits_clean.is_empty()
        || !digits_clean.chars().all(|c| c.is_digit(radix))
        || (radix == 10 && digits.contains('_'))
    {
        return Err(syntax());
    }
    let v = u128::from_str_radix(&digits_clean, radix)
        .map_err(|_| num_error("ParseUint", s, "value out of range"))?;
    let max = if bits >= 64 {
        u128::from(u64::MAX)
    } else {
        (1u128 << bits) - 1
    };
    if v > max {
        return Err(num_error("ParseUint", s, "value out of range"));
    }
    Ok(v as u64)
}

/// Go's `strconv.ParseInt(s, 10, 64)`.
pub(crate) fn go_int10(s: &str) -> Result<i64, String> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(num_error("ParseInt", s, "invalid syntax"));
    }
    s.parse::<i64>()
        .map_err(|_| num_error("ParseInt", s, "value out of range"))
}

/// Go's `strconv.Atoi` (only whether it succeeds matters to the callers).
pub(crate) fn go_atoi(s: &str) -> Option<i64> {
    go_int10(s).ok()
}

pub(crate) fn parse_big_int(s: &str) -> Option<i128> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `[+-]digits[.digits][e[+-]digits]` → (mantissa, exponent of ten).
pub(crate) fn parse_decimal(s: &str) -> Option<(i128, i64)> {
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mant, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let mut m: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    if neg {
        m = -m;
    }
    let mut e: i64 = -(frac.len() as i64);
    if let Some(exp) = exp {
        let ev = parse_big_int(exp)?;
        e += i64::try_from(ev).ok()?;
    }
    Some((m, e))
}

/// Go's `strconv.ParseBool`.
pub(crate) fn parse_bool(s: &str) -> Option<bool> {
    go_bool(s).ok()
}

/// `strconv.ParseUint(s, 10, 16)`.
pub(crate) fn go_uint10_16(s: &str) -> Result<u64, String> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(num_error("ParseUint", s, "invalid syntax"));
    }
    match s.parse::<u64>() {
        Ok(v) if v <= 65535 => Ok(v),
        _ => Err(num_error("ParseUint", s, "value out of range")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_numbers() {
        assert_eq!(go_uint("1000", 16), Ok(1000));
        assert_eq!(
            go_uint("70000", 16),
            Err("strconv.ParseUint: parsing \"70000\": value out of range".into())
        );
        assert_eq!(go_uint("0x10", 16), Ok(16));
        assert_eq!(
            go_uint("-1", 64),
            Err("strconv.ParseUint: parsing \"-1\": invalid syntax".into())
        );
    }
}
