//! Go's ftoa.go: `FormatFloat` for the `b e E f F g G x X` formats, shortest or to a precision.

use super::{LDIGITS, UDIGITS};

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
}
