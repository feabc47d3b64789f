//! `--ulimit` values (docker/cli `opts/ulimit.go`, go-units `ParseUlimit`).

use crate::commands::run::body::Ulimit;
use crate::golang::strconv;

/// `strconv.ParseInt(s, 10, 64)`, as go-units reads each limit.
fn limit(s: &str) -> Result<i64, String> {
    strconv::parse_int(s, 10, 64).map_err(|e| e.to_string())
}

/// go-units `ParseUlimit`: `name=soft[:hard]`.
pub fn parse_ulimit(val: &str) -> Result<Ulimit, String> {
    const NAMES: [&str; 15] = [
        "core",
        "cpu",
        "data",
        "fsize",
        "locks",
        "memlock",
        "msgqueue",
        "nice",
        "nofile",
        "nproc",
        "rss",
        "rtprio",
        "rttime",
        "sigpending",
        "stack",
    ];
    let Some((name, limits)) = val.split_once('=') else {
        return Err(format!("invalid ulimit argument: {val}"));
    };
    if !NAMES.contains(&name) {
        return Err(format!("invalid ulimit type: {name}"));
    }
    let parts: Vec<&str> = limits.split(':').collect();
    let (soft, hard) = match parts.as_slice() {
        [s] => {
            let s = limit(s)?;
            (s, s)
        }
        [s, h] => {
            let h = limit(h)?;
            (limit(s)?, h)
        }
        _ => {
            return Err(format!(
                "too many limit value arguments - {limits}, can only have up to two, `soft[:hard]`"
            ))
        }
    };
    if hard != -1 {
        if soft == -1 {
            return Err(format!("ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: {hard}"));
        }
        if soft > hard {
            return Err(format!(
                "ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}"
            ));
        }
    }
    Ok(Ulimit {
        name: name.to_string(),
        hard,
        soft,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulimits() {
        let u = parse_ulimit("nofile=10:20").unwrap();
        assert_eq!((u.soft, u.hard), (10, 20));
        assert_eq!(
            parse_ulimit("nofile=20:10").unwrap_err(),
            "ulimit soft limit must be less than or equal to hard limit: 20 > 10"
        );
        assert_eq!(
            parse_ulimit("nofile=x").unwrap_err(),
            "strconv.ParseInt: parsing \"x\": invalid syntax"
        );
    }
}
