//! Go's `time` package as docker's output needs it: `ParseDuration`, `Duration.String`,
//! `Time.String`, `Format` with RFC 3339 layouts, `Parse` for RFC 3339 and its partial layouts,
//! and the package's own `quote` for their error texts.
//!
//! The error texts are Go's own (`time: invalid duration "x"`, `parsing time "…" as "…":
//! cannot parse "…" as "…"`) because docker prints them verbatim.

use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use crate::golang::strconv;

/// Nanoseconds per unit of a Go duration suffix.
fn unit_nanos(unit: &str) -> Option<u64> {
    Some(match unit {
        "ns" => 1,
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, in nanoseconds.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let orig = s;
    let invalid = || format!("time: invalid duration {}", quote(orig));
    let mut s = s;
    let mut neg = false;
    if let Some(c) = s.chars().next() {
        if c == '-' || c == '+' {
            neg = c == '-';
            s = &s[1..];
        }
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !s.is_empty() {
        // The next character must be [0-9.].
        let b = s.as_bytes()[0];
        if !(b == b'.' || b.is_ascii_digit()) {
            return Err(invalid());
        }
        // Integer part.
        let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
        let pre = int_len > 0;
        let mut v: u64 = 0;
        for d in s[..int_len].bytes() {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
                .filter(|v| *v <= 1 << 63)
                .ok_or_else(invalid)?;
        }
        s = &s[int_len..];
        // Fraction.
        let mut f: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut post = false;
        if let Some(rest) = s.strip_prefix('.') {
            s = rest;
            let frac_len = s.bytes().take_while(u8::is_ascii_digit).count();
            post = frac_len > 0;
            let mut overflow = false;
            for d in s[..frac_len].bytes() {
                if overflow {
                    continue;
                }
                // Go stops accumulating once another digit would overflow.
                match f
                    .checked_mul(10)
                    .and_then(|x| x.checked_add(u64::from(d - b'0')))
                {
                    Some(x) if x <= 1 << 63 => {
                        f = x;
                        scale *= 10.0;
                    }
                    _ => overflow = true,
                }
            }
            s = &s[frac_len..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        // Unit.
        let unit_len = s
            .char_indices()
            .find(|(_, c)| *c == '.' || c.is_ascii_digit())
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        if unit_len == 0 {
            return Err(format!("time: missing unit in duration {}", quote(orig)));
        }
        let unit = &s[..unit_len];
        let Some(mult) = unit_nanos(unit) else {
            return Err(format!(
                "time: unknown unit {} in duration {}",
                quote(unit),
                quote(orig)
            ));
        };
        s = &s[unit_len..];
        if v > (1u64 << 63) / mult {
            return Err(invalid());
        }
        v *= mult;
        if f > 0 {
            v += (f as f64 * (mult as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        total = total
            .checked_add(v)
            .filter(|t| *t <= 1 << 63)
            .ok_or_else(invalid)?;
    }
    if neg {
        return Ok((total as i128).wrapping_neg() as i64);
    }
    if total > i64::MAX as u64 {
        return Err(invalid());
    }
    Ok(total as i64)
}

/// The time package's own `quote` (time/format.go), used in `time.Parse` and
/// `time.ParseDuration` errors: unlike `strconv.Quote` it writes every byte of a non-ASCII or
/// control character as `\xNN` (`"2024-01-02T\xc3\xa9"`), and leaves DEL as is.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if !c.is_ascii() || c < ' ' {
            let mut b = [0u8; 4];
            for byte in c.encode_utf8(&mut b).bytes() {
                out.push_str(&format!("\\x{byte:02x}"));
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Go's `time.Duration.String` of `nanos` (`1.5s`, `500ms`, `1µs`, `2h0m0s`, `0s`).
pub fn duration_string(nanos: i64) -> String {
    // Go's fmtFrac: `v / 10^prec` as `.123` without trailing zeros (nothing when zero).
    fn frac(v: u64, prec: u32) -> (String, u64) {
        let p = 10u64.pow(prec);
        let digits = format!("{:0width$}", v % p, width = prec as usize);
        let digits = digits.trim_end_matches('0');
        let text = if digits.is_empty() {
            String::new()
        } else {
            format!(".{digits}")
        };
        (text, v / p)
    }
    let u = nanos.unsigned_abs();
    let body = if u < 1_000_000_000 {
        let (unit, prec) = match u {
            0 => return "0s".to_string(),
            1..=999 => ("ns", 0),
            1_000..=999_999 => ("\u{b5}s", 3),
            _ => ("ms", 6),
        };
        let (f, whole) = frac(u, prec);
        format!("{whole}{f}{unit}")
    } else {
        let (f, secs) = frac(u, 9);
        let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
        if h > 0 {
            format!("{h}h{m}m{s}{f}s")
        } else if secs >= 60 {
            format!("{m}m{s}{f}s")
        } else {
            format!("{s}{f}s")
        }
    };
    if nanos < 0 {
        format!("-{body}")
    } else {
        body
    }
}

/// Go's `time.Duration.String` for a whole number of seconds (`1h2m3s`, `4m0s`, `5s`).
pub fn duration_secs_string(secs: i64) -> String {
    let neg = secs < 0;
    let s = secs.unsigned_abs();
    let (h, m, sec) = (s / 3600, (s / 60) % 60, s % 60);
    let body = if h > 0 {
        format!("{h}h{m}m{sec}s")
    } else if m > 0 {
        format!("{m}m{sec}s")
    } else {
        format!("{sec}s")
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// Go's `Time.String()` of `time.Unix(secs, 0)` in `tz`: `2006-01-02 15:04:05 -0700 MST`.
pub fn time_string(secs: i64, tz: &TimeZone) -> String {
    let Ok(ts) = Timestamp::from_second(secs) else {
        return String::new();
    };
    let info = tz.to_offset_info(ts);
    let zoned = ts.to_zoned(tz.clone());
    let offset = zone_offset(info.offset().seconds(), "");
    let abbrev = info.abbreviation().to_string();
    let abbrev = if abbrev.is_empty() || abbrev.starts_with(['+', '-']) && abbrev.contains(':') {
        // Go names a zone without an abbreviation by its offset, `-0700`.
        offset.clone()
    } else {
        abbrev
    };
    format!("{} {offset} {abbrev}", date_time(&zoned, ' '))
}

/// `t.Format(RFC3339NanoFixed)` (`2006-01-02T15:04:05.000000000Z07:00`, docker's
/// jsonmessage layout) of a moment in Unix nanoseconds, in `tz`.
pub fn rfc3339_nano_fixed(nanos: i128, tz: &TimeZone) -> String {
    let Ok(ts) = Timestamp::from_nanosecond(nanos) else {
        return String::new();
    };
    let zoned = ts.to_zoned(tz.clone());
    let offset = zoned.offset().seconds();
    let zone = if offset == 0 {
        "Z".to_string()
    } else {
        zone_offset(offset, ":")
    };
    format!(
        "{}.{:09}{zone}",
        date_time(&zoned, 'T'),
        zoned.subsec_nanosecond()
    )
}

/// `2006-01-02` and `15:04:05` of `t`, joined by `sep`.
fn date_time(t: &Zoned, sep: char) -> String {
    format!(
        "{:04}-{:02}-{:02}{sep}{:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A UTC offset as Go's `-0700` (`colon` "") or `-07:00` (`colon` ":").
fn zone_offset(secs: i32, colon: &str) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("{sign}{:02}{colon}{:02}", abs / 3600, (abs / 60) % 60)
}

/// One element of a Go layout, as `nextStdChunk` splits it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Std {
    LongYear,
    ZeroMonth,
    ZeroDay,
    Hour,
    ZeroMinute,
    ZeroSecond,
    FracSecond9,
    Iso8601ColonTz,
}

/// Split `layout` into (literal prefix, element, rest) for the elements the timestamp layouts
/// use.
fn next_chunk(layout: &str) -> (&str, Option<(Std, &str)>, &str) {
    let b = layout.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &layout[i..];
        let found = if rest.starts_with("2006") {
            Some((Std::LongYear, 4))
        } else if rest.starts_with("01") {
            Some((Std::ZeroMonth, 2))
        } else if rest.starts_with("02") {
            Some((Std::ZeroDay, 2))
        } else if rest.starts_with("15") {
            Some((Std::Hour, 2))
        } else if rest.starts_with("04") {
            Some((Std::ZeroMinute, 2))
        } else if rest.starts_with("05") {
            Some((Std::ZeroSecond, 2))
        } else if rest.starts_with("Z07:00") {
            Some((Std::Iso8601ColonTz, 6))
        } else if rest.starts_with(".9") {
            let n = 1 + rest[1..].bytes().take_while(|c| *c == b'9').count();
            Some((Std::FracSecond9, n))
        } else {
            None
        };
        if let Some((std, len)) = found {
            return (
                &layout[..i],
                Some((std, &layout[i..i + len])),
                &layout[i + len..],
            );
        }
        i += 1;
    }
    (layout, None, "")
}

fn is_digit(s: &[u8], i: usize) -> bool {
    s.get(i).is_some_and(u8::is_ascii_digit)
}

/// Go's `getnum`: one or two digits (exactly two when `fixed`).
fn getnum(s: &str, fixed: bool) -> Result<(i64, &str), ()> {
    let b = s.as_bytes();
    if !is_digit(b, 0) {
        return Err(());
    }
    if !is_digit(b, 1) {
        if fixed {
            return Err(());
        }
        return Ok((i64::from(b[0] - b'0'), &s[1..]));
    }
    Ok((
        i64::from(b[0] - b'0') * 10 + i64::from(b[1] - b'0'),
        &s[2..],
    ))
}

fn days_in(month: i64, year: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn parse_error(
    layout: &str,
    value: &str,
    layout_elem: &str,
    value_elem: &str,
    msg: &str,
) -> String {
    if msg.is_empty() {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(value),
            quote(layout),
            quote(value_elem),
            quote(layout_elem)
        )
    } else {
        format!("parsing time {}{msg}", quote(value))
    }
}

/// Go's `time.Parse` for the layouts moby's `GetTimestamp` uses (`2006-01-02T15:04:05.999999999Z07:00`
/// and its shorter forms). Values without a zone are taken at
/// `local_offset`. Returns (Unix seconds, nanoseconds).
pub fn parse(layout_all: &str, value_all: &str, local_offset: i32) -> Result<(i64, u32), String> {
    let (mut year, mut month, mut day) = (0i64, 1i64, 1i64);
    let (mut hour, mut min, mut sec, mut nsec) = (0i64, 0i64, 0i64, 0i64);
    let mut zone: Option<i64> = None;
    let mut layout = layout_all;
    let mut value = value_all;
    loop {
        let (prefix, std, suffix) = next_chunk(layout);
        match value.strip_prefix(prefix) {
            Some(v) => value = v,
            None => {
                return Err(parse_error(layout_all, value_all, prefix, value, ""));
            }
        }
        let Some((std, stdstr)) = std else {
            if !value.is_empty() {
                return Err(parse_error(
                    layout_all,
                    value_all,
                    "",
                    value,
                    &format!(": extra text: {}", quote(value)),
                ));
            }
            break;
        };
        layout = suffix;
        let hold = value;
        let mut range_err = "";
        let mut bad = false;
        match std {
            Std::LongYear => {
                let b = value.as_bytes();
                if b.len() < 4 || !is_digit(b, 0) || !value.is_char_boundary(4) {
                    bad = true;
                } else {
                    match strconv::parse_int(&value[..4], 10, 64) {
                        Ok(y) => year = y,
                        Err(_) => bad = true,
                    }
                    value = &value[4..];
                }
            }
            Std::ZeroMonth => match getnum(value, true) {
                Ok((m, rest)) => {
                    month = m;
                    value = rest;
                    if !(1..=12).contains(&m) {
                        range_err = "month";
                    }
                }
                Err(()) => bad = true,
            },
            Std::ZeroDay => match getnum(value, true) {
                Ok((d, rest)) => {
                    day = d;
                    value = rest;
                }
                Err(()) => bad = true,
            },
            Std::Hour => match getnum(value, false) {
                Ok((h, rest)) => {
                    hour = h;
                    value = rest;
                    if h >= 24 {
                        range_err = "hour";
                    }
                }
                Err(()) => bad = true,
            },
            Std::ZeroMinute => match getnum(value, true) {
                Ok((m, rest)) => {
                    min = m;
                    value = rest;
                    if m >= 60 {
                        range_err = "minute";
                    }
                }
                Err(()) => bad = true,
            },
            Std::ZeroSecond => match getnum(value, true) {
                Ok((s, rest)) => {
                    sec = s;
                    value = rest;
                    if s >= 60 {
                        range_err = "second";
                    } else {
                        // A fraction in the value but none in the layout is accepted.
                        let vb = value.as_bytes();
                        let layout_has_frac =
                            matches!(next_chunk(layout).1, Some((Std::FracSecond9, _)));
                        if vb.len() >= 2
                            && (vb[0] == b'.' || vb[0] == b',')
                            && is_digit(vb, 1)
                            && !layout_has_frac
                        {
                            let n = 2 + vb[2..].iter().take_while(|c| c.is_ascii_digit()).count();
                            nsec = parse_nanos(&value[..n]);
                            value = &value[n..];
                        }
                    }
                }
                Err(()) => bad = true,
            },
            Std::FracSecond9 => {
                let vb = value.as_bytes();
                if vb.len() >= 2 && (vb[0] == b'.' || vb[0] == b',') && is_digit(vb, 1) {
                    let n = 1 + vb[1..].iter().take_while(|c| c.is_ascii_digit()).count();
                    nsec = parse_nanos(&value[..n]);
                    value = &value[n..];
                }
            }
            Std::Iso8601ColonTz => {
                let vb = value.as_bytes();
                if vb.first() == Some(&b'Z') {
                    value = &value[1..];
                    zone = Some(0);
                } else if vb.len() < 6 || vb[3] != b':' || !vb[..6].is_ascii() {
                    // Go slices bytes and then fails on a non-digit or a bad sign; a
                    // non-ASCII byte in `±hh:mm` is that failure. (Slicing the str inside a
                    // multi-byte character panicked; found by fuzz/timestamp.)
                    bad = true;
                } else {
                    let (sign, hh, mm) = (vb[0], &value[1..3], &value[4..6]);
                    value = &value[6..];
                    match (getnum(hh, true), getnum(mm, true)) {
                        (Ok((h, _)), Ok((m, _))) => {
                            if h > 24 {
                                range_err = "time zone offset hour";
                            }
                            if m > 60 {
                                range_err = "time zone offset minute";
                            }
                            let off = (h * 60 + m) * 60;
                            match sign {
                                b'+' => zone = Some(off),
                                b'-' => zone = Some(-off),
                                _ => bad = true,
                            }
                        }
                        _ => bad = true,
                    }
                }
            }
        }
        if !range_err.is_empty() {
            return Err(parse_error(
                layout_all,
                value_all,
                stdstr,
                value,
                &format!(": {range_err} out of range"),
            ));
        }
        if bad {
            return Err(parse_error(layout_all, value_all, stdstr, hold, ""));
        }
    }
    if day < 1 || day > days_in(month, year) {
        return Err(parse_error(
            layout_all,
            value_all,
            "",
            value,
            ": day out of range",
        ));
    }
    let days = days_from_civil(year, month, day);
    let local = days * 86_400 + hour * 3_600 + min * 60 + sec;
    let offset = zone.unwrap_or(i64::from(local_offset));
    Ok((local - offset, nsec as u32))
}

/// Go's `parseNanoseconds` for `.ddd…` (at most 9 digits are significant).
fn parse_nanos(frac: &str) -> i64 {
    let digits = &frac[1..frac.len().min(10)];
    let mut ns: i64 = digits.parse().unwrap_or(0);
    for _ in digits.len()..9 {
        ns *= 10;
    }
    ns
}

#[cfg(test)]
mod tests {
    use super::duration_string;

    #[test]
    fn durations_print_as_go() {
        for (n, want) in [
            (0, "0s"),
            (1, "1ns"),
            (1_500, "1.5\u{b5}s"),
            (500_000_000, "500ms"),
            (1_500_000_000, "1.5s"),
            (60_000_000_000, "1m0s"),
            (7_200_000_000_000, "2h0m0s"),
            (3_723_400_000_000, "1h2m3.4s"),
            (-30_000_000_000, "-30s"),
        ] {
            assert_eq!(duration_string(n), want, "{n}");
        }
    }

    use super::*;

    #[test]
    fn durations_like_go() {
        assert_eq!(parse_duration("10m"), Ok(600_000_000_000));
        assert_eq!(parse_duration("1h30m"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("1.5s"), Ok(1_500_000_000));
        assert_eq!(parse_duration("-2s"), Ok(-2_000_000_000));
        assert_eq!(parse_duration(".5ms"), Ok(500_000));
        assert_eq!(parse_duration("0"), Ok(0));
        assert_eq!(parse_duration("1\u{b5}s"), Ok(1000));
        assert_eq!(
            parse_duration("1"),
            Err("time: missing unit in duration \"1\"".into())
        );
        assert_eq!(
            parse_duration("1x"),
            Err("time: unknown unit \"x\" in duration \"1x\"".into())
        );
        assert_eq!(
            parse_duration("garbage"),
            Err("time: invalid duration \"garbage\"".into())
        );
        assert_eq!(
            parse_duration(""),
            Err("time: invalid duration \"\"".into())
        );
        assert!(parse_duration("9999999999h").is_err());
    }

    #[test]
    fn duration_strings() {
        assert_eq!(duration_secs_string(3725), "1h2m5s");
        assert_eq!(duration_secs_string(60), "1m0s");
        assert_eq!(duration_secs_string(0), "0s");
    }

    #[test]
    fn created_at_in_zone() {
        let tz = TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(
            time_string(1_800_000_000, &tz),
            "2027-01-15 09:00:00 +0100 CET"
        );
        assert_eq!(
            time_string(1_790_000_000, &tz),
            "2026-09-21 16:13:20 +0200 CEST"
        );
        let tz = TimeZone::get("America/Sao_Paulo").unwrap();
        assert_eq!(
            time_string(1_800_000_000, &tz),
            "2027-01-15 05:00:00 -0300 -03"
        );
        assert_eq!(
            time_string(0, &TimeZone::UTC),
            "1970-01-01 00:00:00 +0000 UTC"
        );
    }

    #[test]
    fn rfc3339_nano_fixed_in_zone() {
        let tz = TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(
            rfc3339_nano_fixed(1_800_000_000_000_000_005, &tz),
            "2027-01-15T09:00:00.000000005+01:00"
        );
        assert_eq!(
            rfc3339_nano_fixed(1_800_000_000_500_000_000, &TimeZone::UTC),
            "2027-01-15T08:00:00.500000000Z"
        );
    }

    /// Verified against docker 28.2.2 (`run --health-interval`).
    #[test]
    fn non_ascii_units_are_quoted_like_go_time() {
        assert_eq!(
            parse_duration("1\u{e9}").unwrap_err(),
            "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\""
        );
    }
}
