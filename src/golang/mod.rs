//! Go's standard-library rules that docker's output depends on, one file per Go package, so
//! every caller formats, parses and escapes exactly as docker (written in Go) does.

pub mod csv;
pub mod filepath;
pub mod fmt;
pub mod json;
pub mod net;
pub mod os;
pub mod path;
pub mod sortorder;
pub mod strconv;
pub mod time;
pub mod types;
pub mod url;
pub mod utf8;
pub mod x509;

/// Go's `int64(f)` conversion on amd64: in-range values truncate toward zero; anything else
/// (NaN, ±overflow) becomes the "integer indefinite" value, `math.MinInt64` (Rust's `as`
/// saturates instead).
pub fn float_to_int64(f: f64) -> i64 {
    // 2^63 as a float; every float below it (and ≥ -2^63) fits.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if f.is_nan() || !(-LIMIT..LIMIT).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// Go's `uint64(f)` conversion on amd64 (the compiler's `float64ToUint64`): below 2^63 the
/// signed conversion's bits (so -1.0 becomes 2^64-1); from 2^63 on, the signed conversion of
/// `f - 2^63` with the top bit set, so 2^64, +Inf and NaN become 2^63 (Rust's `as` saturates).
pub fn float_to_uint64(f: f64) -> u64 {
    const CUTOFF: f64 = 9_223_372_036_854_775_808.0;
    if f < CUTOFF {
        float_to_int64(f) as u64
    } else {
        float_to_int64(f - CUTOFF) as u64 | 1 << 63
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn float_to_int64_like_amd64() {
        use super::float_to_int64;
        assert_eq!(float_to_int64(1.9), 1);
        assert_eq!(float_to_int64(-1.9), -1);
        assert_eq!(float_to_int64(-9_223_372_036_854_775_808.0), i64::MIN);
        assert_eq!(float_to_int64(9_223_372_036_854_775_808.0), i64::MIN);
        assert_eq!(float_to_int64(f64::NAN), i64::MIN);
        assert_eq!(float_to_int64(f64::INFINITY), i64::MIN);
    }

    #[test]
    fn float_to_uint64_like_amd64() {
        use super::float_to_uint64;
        const TWO_63: f64 = 9_223_372_036_854_775_808.0;
        assert_eq!(float_to_uint64(1.9), 1);
        assert_eq!(float_to_uint64(-0.0), 0);
        assert_eq!(float_to_uint64(-1.0), u64::MAX);
        assert_eq!(float_to_uint64(TWO_63), 1 << 63);
        assert_eq!(float_to_uint64(TWO_63 * 1.5), 3 << 62);
        assert_eq!(float_to_uint64(TWO_63 * 2.0), 1 << 63);
        assert_eq!(float_to_uint64(f64::NAN), 1 << 63);
        assert_eq!(float_to_uint64(f64::INFINITY), 1 << 63);
    }
}
