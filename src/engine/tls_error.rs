//! TLS failures in Go's words, as docker prints them (`crypto/tls`, `crypto/x509`, `net/http`).

use std::io;

use rustls::pki_types::{ServerName, UnixTime};
use rustls::{AlertDescription, CertificateError};

use super::transport::HandshakeError;

/// A TLS failure in Go's words (`remote error: tls: bad certificate`), if `e` is one.
pub(super) fn tls_error_text(e: &io::Error) -> Option<String> {
    let inner = e.get_ref()?;
    if let Some(h) = inner.downcast_ref::<HandshakeError>() {
        return Some(h.to_string());
    }
    let err = inner.downcast_ref::<rustls::Error>()?;
    Some(match err {
        rustls::Error::AlertReceived(alert) => {
            let text = match alert {
                AlertDescription::BadCertificate => "bad certificate".to_string(),
                AlertDescription::UnknownCA => "unknown certificate authority".to_string(),
                AlertDescription::CertificateRequired => "certificate required".to_string(),
                AlertDescription::HandshakeFailure => "handshake failure".to_string(),
                other => format!("{other:?}").to_ascii_lowercase(),
            };
            format!("remote error: tls: {text}")
        }
        rustls::Error::InvalidCertificate(c) => match x509_text(c) {
            Some(x509) => format!("tls: failed to verify certificate: x509: {x509}"),
            None => format!("tls: {err}"),
        },
        other => format!("tls: {other}"),
    })
}

/// `crypto/x509`'s text for a certificate rustls rejected. rustls 0.23 reports names and
/// times in the `…Context` variants; the bare ones remain for older paths. `None` for the
/// failures without a Go counterpart here (rustls' own text is kept).
fn x509_text(c: &CertificateError) -> Option<String> {
    const EXPIRED: &str = "certificate has expired or is not yet valid";
    Some(match c {
        CertificateError::UnknownIssuer => "certificate signed by unknown authority".into(),
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => hostname_text(expected, presented),
        CertificateError::ExpiredContext { time, not_after } => format!(
            "{EXPIRED}: current time {} is after {}",
            go_rfc3339(*time, true),
            go_rfc3339(*not_after, false)
        ),
        CertificateError::NotValidYetContext { time, not_before } => format!(
            "{EXPIRED}: current time {} is before {}",
            go_rfc3339(*time, true),
            go_rfc3339(*not_before, false)
        ),
        CertificateError::Expired | CertificateError::NotValidYet => EXPIRED.into(),
        CertificateError::NotValidForName => "certificate is not valid for this host".into(),
        _ => return None,
    })
}

/// Go's `HostnameError.Error()`: an IP host is matched against the IP SANs only, a name
/// against the DNS SANs only. (Go's "relies on legacy Common Name field" needs the subject,
/// which rustls does not report; such a certificate reads as valid for no names.)
fn hostname_text(expected: &ServerName<'_>, presented: &[String]) -> String {
    // webpki's `GeneralName` debug forms: `DnsName("a.example")`, `IpAddress(1.2.3.4)`.
    let sans = |prefix: &str| -> Vec<String> {
        presented
            .iter()
            .filter_map(|p| p.strip_prefix(prefix)?.strip_suffix(')'))
            .map(|v| v.trim_matches('"').to_string())
            .collect()
    };
    let (host, valid) = match expected {
        ServerName::IpAddress(ip) => {
            let host = std::net::IpAddr::from(*ip).to_string();
            let ips = sans("IpAddress(");
            if ips.is_empty() {
                return format!(
                    "cannot validate certificate for {host} because it doesn't contain any IP SANs"
                );
            }
            (host, ips)
        }
        ServerName::DnsName(name) => (name.as_ref().to_string(), sans("DnsName(")),
        other => (format!("{other:?}"), Vec::new()),
    };
    if valid.is_empty() {
        format!("certificate is not valid for any names, but wanted to match {host}")
    } else {
        format!("certificate is valid for {}, not {host}", valid.join(", "))
    }
}

/// Go's `time.RFC3339` (`2006-01-02T15:04:05Z07:00`): the current time in the local zone as
/// `crypto/tls` takes it from `time.Now()`, a certificate's time in UTC as parsed.
fn go_rfc3339(t: UnixTime, local: bool) -> String {
    let secs = i64::try_from(t.as_secs()).unwrap_or(i64::MAX);
    let Ok(ts) = jiff::Timestamp::from_second(secs) else {
        return secs.to_string();
    };
    let tz = if local {
        jiff::tz::TimeZone::system()
    } else {
        jiff::tz::TimeZone::UTC
    };
    let zoned = ts.to_zoned(tz);
    let offset = if zoned.offset().seconds() == 0 {
        "Z".to_string()
    } else {
        zoned.strftime("%:z").to_string()
    };
    format!("{}{offset}", zoned.strftime("%Y-%m-%dT%H:%M:%S"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn text(c: CertificateError) -> String {
        let e = io::Error::new(io::ErrorKind::InvalidData, rustls::Error::from(c));
        tls_error_text(&e).unwrap()
    }

    #[test]
    fn wrong_host_names_read_as_go_says_them() {
        let dns = |n: &str| ServerName::try_from(n.to_string()).unwrap();
        assert_eq!(
            text(CertificateError::NotValidForNameContext {
                expected: dns("localhost"),
                presented: vec![
                    r#"DnsName("a.example")"#.into(),
                    r#"DnsName("b.example")"#.into(),
                    "IpAddress(10.0.0.1)".into(),
                ],
            }),
            "tls: failed to verify certificate: x509: certificate is valid for a.example, b.example, not localhost"
        );
        assert_eq!(
            text(CertificateError::NotValidForNameContext {
                expected: dns("127.0.0.1"),
                presented: vec![r#"DnsName("a.example")"#.into()],
            }),
            "tls: failed to verify certificate: x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs"
        );
        assert_eq!(
            text(CertificateError::NotValidForNameContext {
                expected: dns("127.0.0.1"),
                presented: vec!["IpAddress(10.0.0.1)".into()],
            }),
            "tls: failed to verify certificate: x509: certificate is valid for 10.0.0.1, not 127.0.0.1"
        );
        assert_eq!(
            text(CertificateError::NotValidForNameContext {
                expected: dns("localhost"),
                presented: vec![],
            }),
            "tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match localhost"
        );
    }

    #[test]
    fn expired_certificates_name_both_times() {
        let t = |s: u64| UnixTime::since_unix_epoch(Duration::from_secs(s));
        let e = text(CertificateError::ExpiredContext {
            time: t(1_700_000_000),
            not_after: t(1_577_923_200),
        });
        assert!(
            e.starts_with("tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2023-11-1"),
            "{e}"
        );
        assert!(e.ends_with(" is after 2020-01-02T00:00:00Z"), "{e}");
        let e = text(CertificateError::NotValidYetContext {
            time: t(1_700_000_000),
            not_before: t(4_102_444_800),
        });
        assert!(e.ends_with(" is before 2100-01-01T00:00:00Z"), "{e}");
    }

    #[test]
    fn handshake_failures_of_our_own_read_as_net_http_says_them() {
        let e = io::Error::new(io::ErrorKind::TimedOut, HandshakeError::Timeout);
        assert_eq!(
            tls_error_text(&e).as_deref(),
            Some("net/http: TLS handshake timeout")
        );
        let e = io::Error::new(io::ErrorKind::InvalidData, HandshakeError::HttpResponse);
        assert_eq!(
            tls_error_text(&e).as_deref(),
            Some("http: server gave HTTP response to HTTPS client")
        );
    }
}
