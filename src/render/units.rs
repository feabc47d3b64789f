//! Human units as docker prints and parses them: go-units' `HumanDuration`, `HumanSize`,
//! `HumanSizeWithPrecision`, `BytesSize`, `RAMInBytes` and `FromHumanSize`
//! (`vendor/github.com/docker/go-units/{duration,size}.go` at docker/cli v28.2.2), plus the
//! piece of Go's `fmt`/`strconv` they stand on (`%.Ng` formatting and `ParseFloat`), copied
//! faithfully because the output is compared byte for byte — including quirks such as
//! `999500` bytes printing as `1e+03kB` (docker/cli#3091).

use crate::golang::{self, fmt, strconv};

/// Go's `fmt.Sprintf("%.<prec>g", v)`, as go-units formats sizes.
fn format_g(v: f64, prec: usize) -> String {
    fmt::sprintf(&format!("%.{prec}g"), &[&v])
}

/// Nanoseconds per second, minute and hour (Go's `time.Duration` is an `int64` of nanoseconds).
const SECOND: i64 = 1_000_000_000;
const MINUTE: i64 = 60 * SECOND;
const HOUR: i64 = 60 * MINUTE;

/// Go's `Duration.Seconds()`: whole part plus fraction, as a float.
fn go_seconds(d: i64) -> f64 {
    (d / SECOND) as f64 + (d % SECOND) as f64 / 1e9
}

/// Go's `Duration.Minutes()`.
fn go_minutes(d: i64) -> f64 {
    (d / MINUTE) as f64 + (d % MINUTE) as f64 / (60.0 * 1e9)
}

/// Go's `Duration.Hours()`.
fn go_hours(d: i64) -> f64 {
    (d / HOUR) as f64 + (d % HOUR) as f64 / (60.0 * 60.0 * 1e9)
}

/// go-units `HumanDuration` for a duration in nanoseconds: `Less than a second`, `1 second`,
/// `N seconds`, `About a minute`, `N minutes`, `About an hour`, `N hours`, `N days`,
/// `N weeks`, `N months`, `N years`.
pub fn human_duration(nanos: i64) -> String {
    // Go's float → int conversions truncate toward zero.
    let seconds = go_seconds(nanos) as i64;
    if seconds < 1 {
        return "Less than a second".to_string();
    }
    if seconds == 1 {
        return "1 second".to_string();
    }
    if seconds < 60 {
        return format!("{seconds} seconds");
    }
    let minutes = go_minutes(nanos) as i64;
    if minutes == 1 {
        return "About a minute".to_string();
    }
    if minutes < 60 {
        return format!("{minutes} minutes");
    }
    let hours = (go_hours(nanos) + 0.5) as i64;
    if hours == 1 {
        return "About an hour".to_string();
    }
    if hours < 48 {
        return format!("{hours} hours");
    }
    if hours < 24 * 7 * 2 {
        return format!("{} days", hours / 24);
    }
    if hours < 24 * 30 * 2 {
        return format!("{} weeks", hours / 24 / 7);
    }
    if hours < 24 * 365 * 2 {
        return format!("{} months", hours / 24 / 30);
    }
    format!("{} years", (go_hours(nanos) as i64) / 24 / 365)
}

/// The nanoseconds from `created` (Unix seconds) to `now` (Unix nanoseconds), saturating like
/// Go's `Time.Sub`.
pub fn since_nanos(now_nanos: i128, created_secs: i64) -> i64 {
    let d = now_nanos - i128::from(created_secs) * i128::from(SECOND);
    d.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// `HumanDuration(now - created) + " ago"`, docker's CREATED column.
pub fn ago(now_nanos: i128, created_secs: i64) -> String {
    format!(
        "{} ago",
        human_duration(since_nanos(now_nanos, created_secs))
    )
}

const DECIMAL_ABBRS: [&str; 9] = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
const BINARY_ABBRS: [&str; 9] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

fn size_and_unit(mut size: f64, base: f64, abbrs: &[&'static str]) -> (f64, &'static str) {
    let mut i = 0;
    let limit = abbrs.len() - 1;
    while size >= base && i < limit {
        size /= base;
        i += 1;
    }
    (size, abbrs[i])
}

/// go-units `HumanSizeWithPrecision`: decimal units (`kB`, `MB`, …) and `%.<precision>g`.
pub fn human_size_with_precision(size: f64, precision: usize) -> String {
    let (size, unit) = size_and_unit(size, 1000.0, &DECIMAL_ABBRS);
    format!("{}{unit}", format_g(size, precision))
}

/// go-units `HumanSize`: `HumanSizeWithPrecision(size, 4)`.
pub fn human_size(size: f64) -> String {
    human_size_with_precision(size, 4)
}

/// go-units `BytesSize`: binary units (`KiB`, `MiB`, …) and `%.4g`.
pub fn bytes_size(size: f64) -> String {
    let (size, unit) = size_and_unit(size, 1024.0, &BINARY_ABBRS);
    format!("{}{unit}", format_g(size, 4))
}

/// go-units `FromHumanSize`: a size with an optional decimal suffix (`1k` = 1000).
pub fn from_human_size(s: &str) -> Result<i64, String> {
    parse_size(s, 1000)
}

/// go-units `RAMInBytes`: a size with an optional binary suffix (`64m` = 67108864).
pub fn ram_in_bytes(s: &str) -> Result<i64, String> {
    parse_size(s, 1024)
}

/// go-units `parseSize`, with its error texts.
fn parse_size(size_str: &str, base: i64) -> Result<i64, String> {
    let bytes = size_str.as_bytes();
    let sep = bytes
        .iter()
        .rposition(|b| b.is_ascii_digit() || *b == b'.' || *b == b' ')
        .ok_or_else(|| format!("invalid size: '{size_str}'"))?;
    let (num, sfx) = if bytes[sep] != b' ' {
        (&size_str[..=sep], &size_str[sep + 1..])
    } else {
        (&size_str[..sep], &size_str[sep + 1..])
    };
    let mut size = strconv::parse_float(num, 64).map_err(|e| e.to_string())?;
    if size < 0.0 {
        return Err(format!("invalid size: '{size_str}'"));
    }
    if sfx.is_empty() {
        return Ok(golang::float_to_int64(size));
    }
    let bad = |sfx: &str| Err(format!("invalid suffix: '{sfx}'"));
    if sfx.len() > 3 {
        return bad(sfx);
    }
    let lower = sfx.to_ascii_lowercase();
    let l = lower.as_bytes();
    if l[0] == b'b' {
        if l.len() > 1 {
            return bad(&lower);
        }
        return Ok(golang::float_to_int64(size));
    }
    let power = match l[0] {
        b'k' => 1,
        b'm' => 2,
        b'g' => 3,
        b't' => 4,
        b'p' => 5,
        _ => return bad(&lower),
    };
    size *= base.pow(power) as f64;
    if (l.len() == 2 && l[1] != b'b') || (l.len() == 3 && &lower[1..] != "ib") {
        return bad(&lower);
    }
    Ok(golang::float_to_int64(size))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> i64 {
        (s * 1e9) as i64
    }

    #[test]
    fn human_duration_thresholds() {
        assert_eq!(human_duration(-5 * SECOND), "Less than a second");
        assert_eq!(human_duration(0), "Less than a second");
        assert_eq!(human_duration(secs(0.999)), "Less than a second");
        assert_eq!(human_duration(SECOND), "1 second");
        assert_eq!(human_duration(secs(1.999)), "1 second");
        assert_eq!(human_duration(2 * SECOND), "2 seconds");
        assert_eq!(human_duration(secs(59.999)), "59 seconds");
        assert_eq!(human_duration(60 * SECOND), "About a minute");
        assert_eq!(human_duration(119 * SECOND), "About a minute");
        assert_eq!(human_duration(120 * SECOND), "2 minutes");
        assert_eq!(human_duration(59 * MINUTE + 59 * SECOND), "59 minutes");
        assert_eq!(human_duration(60 * MINUTE), "About an hour");
        assert_eq!(human_duration(89 * MINUTE + 59 * SECOND), "About an hour");
        assert_eq!(human_duration(90 * MINUTE), "2 hours");
        assert_eq!(human_duration(47 * HOUR + 29 * MINUTE), "47 hours");
        assert_eq!(human_duration(47 * HOUR + 30 * MINUTE), "2 days");
        assert_eq!(human_duration(13 * 24 * HOUR), "13 days");
        assert_eq!(human_duration(14 * 24 * HOUR - 31 * MINUTE), "13 days");
        assert_eq!(human_duration(14 * 24 * HOUR - 30 * MINUTE), "2 weeks");
        assert_eq!(human_duration(59 * 24 * HOUR), "8 weeks");
        assert_eq!(human_duration(60 * 24 * HOUR), "2 months");
        assert_eq!(human_duration(729 * 24 * HOUR), "24 months");
        assert_eq!(human_duration(730 * 24 * HOUR), "2 years");
        assert_eq!(human_duration(3650 * 24 * HOUR), "10 years");
    }

    #[test]
    fn ago_uses_nanoseconds_now() {
        let now = 1_000_000_000_000_000_000i128 + 999_999_999;
        assert_eq!(ago(now, 1_000_000_000 - 1), "1 second ago");
        assert_eq!(ago(now, 1_000_000_000), "Less than a second ago");
        assert_eq!(ago(now, 1_000_000_000 + 100), "Less than a second ago");
    }

    #[test]
    fn human_size_with_precision_3() {
        let h = |n: f64| human_size_with_precision(n, 3);
        assert_eq!(h(0.0), "0B");
        assert_eq!(h(1.0), "1B");
        assert_eq!(h(999.0), "999B");
        assert_eq!(h(1000.0), "1kB");
        assert_eq!(h(1001.0), "1kB");
        assert_eq!(h(1005.0), "1kB");
        assert_eq!(h(1006.0), "1.01kB");
        assert_eq!(h(1234.0), "1.23kB");
        assert_eq!(h(12345.0), "12.3kB");
        assert_eq!(h(999499.0), "999kB");
        assert_eq!(h(999500.0), "1e+03kB");
        assert_eq!(h(999999.0), "1e+03kB");
        assert_eq!(h(1_000_000.0), "1MB");
        assert_eq!(h(1_982_298.0), "1.98MB");
        assert_eq!(h(92_000_000.0), "92MB");
        assert_eq!(h(100_000_000.0), "100MB");
        assert_eq!(h(1e21), "1ZB");
        assert_eq!(h(1e27), "1e+03YB");
        assert_eq!(h(-1.0), "-1B");
        assert_eq!(h(-5000.0), "-5e+03B");
    }

    #[test]
    fn human_size_precision_4() {
        assert_eq!(human_size(1_068_980.0), "1.069MB");
        assert_eq!(human_size(36_445.0), "36.45kB");
        assert_eq!(human_size(9_999_000.0), "9.999MB");
        assert_eq!(human_size(999_950.0), "1000kB");
        assert_eq!(human_size(999_949.0), "999.9kB");
        assert_eq!(human_size(0.0), "0B");
        assert_eq!(human_size(1000.0), "1kB");
    }

    #[test]
    fn bytes_size_binary() {
        assert_eq!(bytes_size(0.0), "0B");
        assert_eq!(bytes_size(1023.0), "1023B");
        assert_eq!(bytes_size(1024.0), "1KiB");
        assert_eq!(bytes_size(1536.0), "1.5KiB");
        assert_eq!(bytes_size(67_108_864.0), "64MiB");
        assert_eq!(bytes_size(1_048_575.0), "1024KiB");
    }

    #[test]
    fn sizes_use_go_g_formatting() {
        assert_eq!(format_g(0.5, 3), "0.5");
        assert_eq!(format_g(0.0001234, 3), "0.000123");
        assert_eq!(format_g(0.00001234, 3), "1.23e-05");
        assert_eq!(format_g(123.0, 3), "123");
        assert_eq!(format_g(1234.0, 3), "1.23e+03");
        assert_eq!(format_g(100.0, 3), "100");
        assert_eq!(format_g(1e100, 3), "1e+100");
        assert_eq!(format_g(2.5, 1), "2");
        assert_eq!(format_g(3.5, 1), "4");
        assert_eq!(format_g(999.5, 4), "999.5");
        assert_eq!(format_g(999.95, 4), "1000");
    }

    #[test]
    fn parse_sizes() {
        assert_eq!(ram_in_bytes("64m"), Ok(67_108_864));
        assert_eq!(ram_in_bytes("64M"), Ok(67_108_864));
        assert_eq!(ram_in_bytes("64mb"), Ok(67_108_864));
        assert_eq!(ram_in_bytes("64mib"), Ok(67_108_864));
        assert_eq!(ram_in_bytes("1.5k"), Ok(1536));
        assert_eq!(ram_in_bytes("32"), Ok(32));
        assert_eq!(ram_in_bytes("32b"), Ok(32));
        assert_eq!(ram_in_bytes("32 kb"), Ok(32768));
        assert_eq!(from_human_size("1k"), Ok(1000));
        assert_eq!(from_human_size("1.5GB"), Ok(1_500_000_000));
        assert_eq!(ram_in_bytes("foo"), Err("invalid size: 'foo'".to_string()));
        assert_eq!(ram_in_bytes(""), Err("invalid size: ''".to_string()));
        assert_eq!(ram_in_bytes("-1"), Err("invalid size: '-1'".to_string()));
        assert_eq!(ram_in_bytes("1x"), Err("invalid suffix: 'x'".to_string()));
        assert_eq!(ram_in_bytes("1mm"), Err("invalid suffix: 'mm'".to_string()));
        assert_eq!(
            ram_in_bytes("1KBB"),
            Err("invalid suffix: 'kbb'".to_string())
        );
        assert_eq!(ram_in_bytes("1bb"), Err("invalid suffix: 'bb'".to_string()));
        assert_eq!(
            ram_in_bytes("1kbit"),
            Err("invalid suffix: 'kbit'".to_string())
        );
        assert_eq!(ram_in_bytes("1MIB"), Ok(1_048_576));
        assert_eq!(
            ram_in_bytes("1mab"),
            Err("invalid suffix: 'mab'".to_string())
        );
        assert_eq!(
            ram_in_bytes("1.2.3m"),
            Err("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax".to_string())
        );
        assert_eq!(ram_in_bytes("m"), Err("invalid size: 'm'".to_string()));
        assert_eq!(
            ram_in_bytes(" m"),
            Err("strconv.ParseFloat: parsing \"\": invalid syntax".to_string())
        );
    }
}
