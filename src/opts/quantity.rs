//! CPU and memory amounts (docker/cli `opts/opts.go`: `NanoCPUs`, `MemSwapBytes`).

use crate::render::units::ram_in_bytes;

/// `MemSwapBytes`: `-1` means unlimited.
pub fn mem_swap_bytes(s: &str) -> Result<i64, String> {
    if s == "-1" {
        return Ok(-1);
    }
    ram_in_bytes(s)
}

/// `opts.ParseCPUs`: a decimal (or `a/b`) number of CPUs → nanoCPUs, exactly.
pub fn parse_cpus(value: &str) -> Result<i64, String> {
    let fail = || format!("failed to parse {value} as a rational number");
    // value = mantissa * 10^exp, or num/den.
    let (num, den): (i128, i128) = if let Some((a, b)) = value.split_once('/') {
        let a = parse_big_int(a).ok_or_else(fail)?;
        let b = parse_big_int(b).ok_or_else(fail)?;
        if b == 0 {
            return Err(fail());
        }
        (a, b)
    } else {
        let (mantissa, exp) = parse_decimal(value).ok_or_else(fail)?;
        if exp >= 0 {
            let scale = 10i128.checked_pow(exp as u32).ok_or_else(fail)?;
            (mantissa.checked_mul(scale).ok_or_else(fail)?, 1)
        } else {
            let scale = 10i128.checked_pow((-exp) as u32).ok_or_else(fail)?;
            (mantissa, scale)
        }
    };
    let nano = num
        .checked_mul(1_000_000_000)
        .ok_or_else(|| "value is too precise".to_string())?;
    if nano % den != 0 {
        return Err("value is too precise".to_string());
    }
    Ok((nano / den) as i64)
}

/// A decimal integer, as `big.Rat.SetString` reads each side of `a/b` for `--cpus`.
fn parse_big_int(s: &str) -> Option<i128> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `[+-]digits[.digits][e[+-]digits]` → (mantissa, exponent of ten).
fn parse_decimal(s: &str) -> Option<(i128, i64)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ram_in_bytes_like_go_units() {
        assert_eq!(ram_in_bytes("64m"), Ok(67_108_864));
        assert_eq!(ram_in_bytes("1.5g"), Ok(1_610_612_736));
        assert_eq!(ram_in_bytes("32"), Ok(32));
        assert_eq!(ram_in_bytes("32 kb"), Ok(32_768));
        assert_eq!(ram_in_bytes("10KiB"), Ok(10_240));
        assert_eq!(ram_in_bytes("1b"), Ok(1));
        assert_eq!(ram_in_bytes("12x"), Err("invalid suffix: 'x'".into()));
        assert_eq!(ram_in_bytes("1BB"), Err("invalid suffix: 'bb'".into()));
        assert_eq!(ram_in_bytes("1mbb"), Err("invalid suffix: 'mbb'".into()));
        assert_eq!(ram_in_bytes("1mx"), Err("invalid suffix: 'mx'".into()));
        assert_eq!(ram_in_bytes("m"), Err("invalid size: 'm'".into()));
        assert_eq!(ram_in_bytes("-1"), Err("invalid size: '-1'".into()));
        assert_eq!(
            ram_in_bytes("1..2m"),
            Err("strconv.ParseFloat: parsing \"1..2\": invalid syntax".into())
        );
        assert_eq!(mem_swap_bytes("-1"), Ok(-1));
    }

    #[test]
    fn cpus_are_exact_nanocpus() {
        assert_eq!(parse_cpus("1.5"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("0.000000001"), Ok(1));
        assert_eq!(parse_cpus("3/2"), Ok(1_500_000_000));
        assert_eq!(parse_cpus("2e-1"), Ok(200_000_000));
        assert_eq!(
            parse_cpus("1.0000000001"),
            Err("value is too precise".into())
        );
        assert_eq!(parse_cpus("1/3"), Err("value is too precise".into()));
        assert_eq!(
            parse_cpus("abc"),
            Err("failed to parse abc as a rational number".into())
        );
    }
}
