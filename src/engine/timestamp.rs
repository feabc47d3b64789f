//! moby's `GetTimestamp` (`api/types/time/timestamp.go`): turns a `--since/--until` value
//! (a Go duration, RFC 3339 or a partial form of it, a Unix timestamp) into the string the
//! daemon expects. Go's time rules it relies on live in `golang::time`.

use crate::golang::strconv;
use crate::golang::time::{parse, parse_duration};

/// A moment as seconds since the epoch plus nanoseconds, and the local UTC offset in seconds
/// (the zone `GetTimestamp` uses for values without one: `time.FixedZone(now.Zone())`).
#[derive(Debug, Clone, Copy)]
pub struct Now {
    pub unix_nanos: i128,
    pub local_offset: i32,
}

impl Now {
    /// The current time and the current local offset.
    pub fn system() -> Now {
        let ts = jiff::Timestamp::now();
        let offset = jiff::tz::TimeZone::system().to_offset(ts).seconds();
        Now {
            unix_nanos: ts.as_nanosecond(),
            local_offset: offset,
        }
    }
}

/// moby's `GetTimestamp`: a Go duration (not `"0"`) → `now - d` as integer Unix seconds;
/// RFC3339 and its partial forms → `sec.nnnnnnnnn`; a Unix timestamp → passed through.
pub fn get_timestamp(value: &str, now: Now) -> Result<String, String> {
    if value != "0" {
        if let Ok(d) = parse_duration(value) {
            let t = now.unix_nanos - i128::from(d);
            return Ok(t.div_euclid(1_000_000_000).to_string());
        }
    }
    let parse_in_location = !value.contains(['z', 'Z', '+']) && value.matches('-').count() != 3;
    let layout: &str = if value.contains('.') {
        if parse_in_location {
            "2006-01-02T15:04:05.999999999"
        } else {
            "2006-01-02T15:04:05.999999999Z07:00"
        }
    } else if value.contains('T') {
        let mut tcolons = value.matches(':').count();
        if !parse_in_location && !value.contains(['z', 'Z']) && tcolons > 0 {
            tcolons -= 1;
        }
        match (parse_in_location, tcolons) {
            (true, 0) => "2006-01-02T15",
            (true, 1) => "2006-01-02T15:04",
            (true, _) => "2006-01-02T15:04:05",
            (false, 0) => "2006-01-02T15Z07:00",
            (false, 1) => "2006-01-02T15:04Z07:00",
            (false, _) => "2006-01-02T15:04:05Z07:00",
        }
    } else if parse_in_location {
        "2006-01-02"
    } else {
        "2006-01-02Z07:00"
    };
    match parse(layout, value, now.local_offset) {
        Ok((secs, nanos)) => Ok(format!("{secs}.{nanos:09}")),
        Err(err) => {
            if value.contains('-') {
                return Err(err);
            }
            if parse_unix_timestamp(value).is_err() {
                return Err(format!(
                    "failed to parse value as time or duration: {}",
                    crate::golang::strconv::go_quote(value)
                ));
            }
            Ok(value.to_string())
        }
    }
}

/// moby's `parseTimestamp`: `sec[.nsec]`, both Go `ParseInt` base 10.
fn parse_unix_timestamp(value: &str) -> Result<(), ()> {
    let (s, n) = match value.split_once('.') {
        Some((s, n)) => (s, Some(n)),
        None => (value, None),
    };
    strconv::parse_int(s, 10, 64).map_err(drop)?;
    if let Some(n) = n {
        strconv::parse_int(n, 10, 64).map_err(drop)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Now {
        // 2026-11-29T17:04:09.5Z, UTC.
        Now {
            unix_nanos: 1_795_971_849_500_000_000,
            local_offset: 0,
        }
    }

    #[test]
    fn relative_values_are_whole_seconds() {
        assert_eq!(get_timestamp("10m", now()).unwrap(), "1795971249");
        assert_eq!(get_timestamp("-1s", now()).unwrap(), "1795971850");
        assert_eq!(get_timestamp("1.5s", now()).unwrap(), "1795971848");
    }

    #[test]
    fn rfc3339_and_partial_forms() {
        let n = now();
        assert_eq!(
            get_timestamp("2026-11-29T16:00:00.5+01:00", n).unwrap(),
            "1795964400.500000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29", n).unwrap(),
            "1795910400.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17", n).unwrap(),
            "1795971600.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17:00", n).unwrap(),
            "1795971600.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17:00:00Z", n).unwrap(),
            "1795971600.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17:00:00", n).unwrap(),
            "1795971600.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17:00:00.123", n).unwrap(),
            "1795971600.123000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29Z", n).unwrap(),
            "1795910400.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17Z", n).unwrap(),
            "1795971600.000000000"
        );
        assert_eq!(
            get_timestamp("2026-11-29T17+01:00", n).unwrap(),
            "1795968000.000000000"
        );
        let east = Now {
            local_offset: 3600,
            ..n
        };
        assert_eq!(
            get_timestamp("2026-11-29", east).unwrap(),
            "1795906800.000000000"
        );
    }

    #[test]
    fn unix_timestamps_pass_through() {
        assert_eq!(get_timestamp("1795971000", now()).unwrap(), "1795971000");
        assert_eq!(
            get_timestamp("1795971000.5", now()).unwrap(),
            "1795971000.5"
        );
    }

    #[test]
    fn errors_like_go() {
        assert_eq!(
            get_timestamp("garbage", now()).unwrap_err(),
            "failed to parse value as time or duration: \"garbage\""
        );
        assert_eq!(
            get_timestamp("2026-13-01", now()).unwrap_err(),
            "parsing time \"2026-13-01\": month out of range"
        );
        assert_eq!(
            get_timestamp("2026-02-30", now()).unwrap_err(),
            "parsing time \"2026-02-30\": day out of range"
        );
        assert_eq!(
            get_timestamp("2026-1-01", now()).unwrap_err(),
            "parsing time \"2026-1-01\" as \"2006-01-02\": cannot parse \"1-01\" as \"01\""
        );
        assert_eq!(
            get_timestamp("2026-11-29T17:00:00x", now()).unwrap_err(),
            "parsing time \"2026-11-29T17:00:00x\": extra text: \"x\""
        );
    }

    /// Verified against docker 28.2.2 (`logs --since`, `run --health-interval`).
    #[test]
    fn non_ascii_values_are_quoted_like_go_time() {
        assert_eq!(
            get_timestamp("2024-01-02T15:04:05+0\u{e9}:00", now()).unwrap_err(),
            "parsing time \"2024-01-02T15:04:05+0\\xc3\\xa9:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+0\\xc3\\xa9:00\" as \"Z07:00\""
        );
        // Once a panic (a str sliced inside a character); fuzz/corpus/timestamp keeps it.
        assert!(get_timestamp("2024-01-02\u{fffd}:04:05+02:00", now()).is_err());
        assert_eq!(
            get_timestamp("\u{e9}", now()).unwrap_err(),
            "failed to parse value as time or duration: \"\u{e9}\""
        );
    }
}
