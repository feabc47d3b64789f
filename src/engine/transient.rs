//! What counts as a transient pull failure (worth retrying) and the backoff between tries.
//!
//! The daemon does the registry work, so what reaches a client is either an HTTP error from
//! `/images/create` (the registry's failure wrapped as a 500 with its text) or an in-stream
//! `errorDetail` once the pull has started. Both are judged by their words, which are Go's and
//! the registry client's: a 20.10 daemon behind a registry that answers 503 says
//! `received unexpected HTTP status: 503 Service Unavailable` (as a 500 before any layer, and
//! as `download failed after attempts=6: received unexpected HTTP status: 503 …` in the stream
//! when a blob fails); a port that refuses gives `dial tcp 127.0.0.1:5999: connect: connection
//! refused`. A permanent failure (unknown manifest or tag, 401/403, an invalid reference, no
//! manifest for the platform) is never retried, whatever else its text says.

use std::time::Duration;

use super::EngineError;

/// Phrases that make a failure permanent: checked first, so a "not found" that happens to
/// mention a 5xx in a wrapped cause is still not retried.
const PERMANENT: &[&str] = &[
    "manifest unknown",
    "not found",
    "unauthorized",
    "authentication required",
    "denied",
    "forbidden",
    "invalid reference format",
    "no matching manifest",
    "toomanyrequests: you have reached your pull rate limit",
];

/// Phrases of transport and server failures (Go's `net`, `net/http`, `crypto/tls` and the
/// distribution client's texts).
const TRANSIENT: &[&str] = &[
    "connection refused",
    "connection reset by peer",
    "i/o timeout",
    "tls handshake timeout",
    "timeout awaiting response headers",
    "client.timeout exceeded",
    "context deadline exceeded",
    "toomanyrequests",
    "too many requests",
];

/// The HTTP status in a registry client's `received unexpected HTTP status: 503 …` /
/// `unexpected status code 503` / `unexpected status: 503`.
fn unexpected_status(text: &str) -> Option<u16> {
    for marker in [
        "unexpected http status: ",
        "unexpected status code ",
        "unexpected status: ",
    ] {
        if let Some(i) = text.find(marker) {
            let rest = &text[i + marker.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(code) = digits.parse() {
                return Some(code);
            }
        }
    }
    None
}

/// A status worth retrying: any 5xx, and 429 Too Many Requests.
pub fn is_transient_status(code: u16) -> bool {
    code == 429 || (500..=599).contains(&code)
}

/// Whether the daemon's or registry's error text names a transient failure.
pub fn is_transient_text(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    if PERMANENT.iter().any(|p| t.contains(p)) {
        return false;
    }
    if let Some(code) = unexpected_status(&t) {
        return is_transient_status(code);
    }
    TRANSIENT.iter().any(|p| t.contains(p))
}

/// Whether an engine error from `/images/create` is transient. The daemon's own status is a
/// 500 for most registry failures, so its text decides; a 502/503/504 or 429 from the daemon
/// (or a proxy in front of it) is transient as such, and 4xx never is. A daemon that cannot be
/// reached, or a connection that broke, is transient when the cause is.
pub fn is_transient(err: &EngineError) -> bool {
    match err {
        EngineError::Daemon { status, message } => match *status {
            429 | 502..=504 => true,
            400..=499 => false,
            _ => is_transient_text(message),
        },
        EngineError::Connect { source, .. } | EngineError::Io { source, .. } => {
            use std::io::ErrorKind::*;
            matches!(
                source.kind(),
                ConnectionRefused
                    | ConnectionReset
                    | ConnectionAborted
                    | TimedOut
                    | BrokenPipe
                    | UnexpectedEof
            ) || is_transient_text(&source.to_string())
        }
        EngineError::Decode(_) => false,
    }
}

/// The longest wait between two tries.
pub const MAX_DELAY: Duration = Duration::from_secs(30);

/// The nominal wait before retry `n` (1-based): 1 s, 2 s, 4 s … capped at [`MAX_DELAY`].
pub fn nominal_delay(n: u32) -> Duration {
    let secs = 1u64 << n.saturating_sub(1).min(16);
    Duration::from_secs(secs).min(MAX_DELAY)
}

/// The wait actually slept: the nominal one plus up to a fifth more, so CI jobs that failed
/// together do not all come back at the same instant. `seed` is any varying number.
pub fn jittered(nominal: Duration, seed: u64) -> Duration {
    // splitmix64: enough spread for jitter without a random-number crate.
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    let fifth = nominal.as_millis() as u64 / 5;
    nominal + Duration::from_millis(if fifth == 0 { 0 } else { z % fifth })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn daemon(status: u16, message: &str) -> EngineError {
        EngineError::Daemon {
            status,
            message: message.to_string(),
        }
    }

    #[test]
    fn registry_failures_seen_through_a_20_10_daemon() {
        // Said by dockerd 20.10.24 pulling through a loopback proxy that answers 503.
        assert!(is_transient(&daemon(
            500,
            "received unexpected HTTP status: 503 Service Unavailable"
        )));
        assert!(is_transient_text(
            "error pulling image configuration: download failed after attempts=6: received unexpected HTTP status: 503 Service Unavailable"
        ));
        assert!(is_transient(&daemon(
            500,
            "Get \"http://localhost:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused"
        )));
        assert!(is_transient_text("unexpected status code 502 Bad Gateway"));
        assert!(is_transient_text(
            "unexpected status: 429 Too Many Requests"
        ));
        assert!(is_transient_text(
            "read tcp 10.0.0.1:4->10.0.0.2:443: read: connection reset by peer"
        ));
        assert!(is_transient_text(
            "Get \"https://r/v2/\": net/http: TLS handshake timeout"
        ));
        assert!(is_transient_text(
            "Get \"https://r/v2/\": dial tcp: lookup r: i/o timeout"
        ));
        assert!(is_transient_text(
            "Get \"https://r/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)"
        ));
        assert!(is_transient_text("toomanyrequests: too many requests"));
    }

    #[test]
    fn permanent_failures_are_never_retried() {
        assert!(!is_transient(&daemon(
            404,
            "manifest for localhost:5000/dkrtest/layers:nope not found: manifest unknown: manifest unknown"
        )));
        // Even as a 500 with a transient-looking cause.
        assert!(!is_transient(&daemon(
            500,
            "manifest unknown (received unexpected HTTP status: 503 Service Unavailable)"
        )));
        assert!(!is_transient(&daemon(
            401,
            "unauthorized: authentication required"
        )));
        assert!(!is_transient(&daemon(
            403,
            "denied: requested access to the resource is denied"
        )));
        assert!(!is_transient(&daemon(
            404,
            "pull access denied for x, repository does not exist or may require 'docker login'"
        )));
        assert!(!is_transient(&daemon(400, "invalid reference format")));
        assert!(!is_transient(&daemon(
            500,
            "no matching manifest for linux/s390x in the manifest list entries"
        )));
        assert!(!is_transient_text(
            "received unexpected HTTP status: 404 Not Found"
        ));
        assert!(!is_transient_text("unexpected EOF decoding something odd"));
        assert!(!is_transient(&EngineError::Decode("bad json".into())));
        assert!(!is_transient_text(
            "toomanyrequests: You have reached your pull rate limit."
        ));
    }

    #[test]
    fn daemon_statuses() {
        assert!(is_transient(&daemon(503, "")));
        assert!(is_transient(&daemon(429, "")));
        assert!(!is_transient(&daemon(500, "something else broke")));
        assert!(!is_transient(&daemon(409, "connection refused")));
    }

    #[test]
    fn transport_errors() {
        let refused = EngineError::Connect {
            host: "unix:///x".into(),
            request: "x".into(),
            source: std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
        };
        assert!(is_transient(&refused));
        let perm = EngineError::Connect {
            host: "unix:///x".into(),
            request: "x".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert!(!is_transient(&perm));
    }

    #[test]
    fn backoff() {
        let secs: Vec<u64> = (1..=7).map(|n| nominal_delay(n).as_secs()).collect();
        assert_eq!(secs, [1, 2, 4, 8, 16, 30, 30]);
        assert_eq!(nominal_delay(u32::MAX), MAX_DELAY);
        for seed in 0..200 {
            let d = jittered(Duration::from_secs(2), seed);
            assert!(
                d >= Duration::from_secs(2) && d < Duration::from_millis(2400),
                "{d:?}"
            );
        }
        let spread: std::collections::BTreeSet<_> = (0..50)
            .map(|s| jittered(Duration::from_secs(4), s))
            .collect();
        assert!(spread.len() > 10);
    }
}
