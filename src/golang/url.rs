//! Go's `net/url.Parse` as far as docker's host strings need it: scheme, opaque part, user
//! information, host and port, path, query and fragment, with Go's error texts
//! (`parse "tcp://a:b": invalid port ":b" after host`).

use crate::golang::strconv::quote;

/// A parsed URL (the fields of Go's `url.URL` docker reads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Url {
    pub scheme: String,
    pub opaque: String,
    /// The user name, and the password when one was given (`user:pw@`).
    pub user: Option<(String, Option<String>)>,
    /// `host[:port]` as written (IPv6 in brackets).
    pub host: String,
    pub path: String,
    pub raw_query: String,
    pub fragment: String,
}

impl Url {
    /// `URL.Hostname()`: the host without port and brackets.
    pub fn hostname(&self) -> &str {
        let (host, _) = split_port(&self.host);
        host.strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
    }

    /// `URL.Port()`: the digits after the host's last colon, if any.
    pub fn port(&self) -> &str {
        split_port(&self.host).1
    }
}

fn split_port(host: &str) -> (&str, &str) {
    let colon = match host.rfind(':') {
        Some(i) if !host[i..].contains(']') => i,
        _ => return (host, ""),
    };
    let port = &host[colon + 1..];
    if port.bytes().all(|b| b.is_ascii_digit()) {
        (&host[..colon], port)
    } else {
        (host, "")
    }
}

/// `url.Parse(raw)`; the error is Go's `*url.Error` text.
pub fn parse(raw: &str) -> Result<Url, String> {
    let fail = |e: String| format!("parse {}: {e}", quote(raw));
    let (rest, fragment) = match raw.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (raw, None),
    };
    let mut u = parse_no_fragment(rest).map_err(fail)?;
    if let Some(f) = fragment {
        u.fragment = unescape(f, false).map_err(fail)?;
    }
    Ok(u)
}

fn parse_no_fragment(raw: &str) -> Result<Url, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let mut u = Url::default();
    if raw == "*" {
        u.path = "*".into();
        return Ok(u);
    }
    let (scheme, mut rest) = get_scheme(raw)?;
    u.scheme = scheme.to_ascii_lowercase();
    if let Some((r, q)) = rest.split_once('?') {
        u.raw_query = q.to_string();
        rest = r;
    }
    if !rest.starts_with('/') {
        if !u.scheme.is_empty() {
            u.opaque = rest.to_string();
            return Ok(u);
        }
        let segment = rest.split('/').next().unwrap_or("");
        if segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    if (!u.scheme.is_empty() || !rest.starts_with("///")) && rest.starts_with("//") {
        let after = &rest[2..];
        let (authority, path) = match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        parse_authority(&mut u, authority)?;
        rest = path;
    }
    u.path = unescape(rest, false)?;
    Ok(u)
}

fn get_scheme(raw: &str) -> Result<(&str, &str), String> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            b':' if i == 0 => return Err("missing protocol scheme".into()),
            b':' => return Ok((&raw[..i], &raw[i + 1..])),
            _ => return Ok(("", raw)),
        }
    }
    Ok(("", raw))
}

fn parse_authority(u: &mut Url, authority: &str) -> Result<(), String> {
    let (userinfo, host) = match authority.rfind('@') {
        Some(i) => (Some(&authority[..i]), &authority[i + 1..]),
        None => (None, authority),
    };
    u.host = parse_host(host)?;
    if let Some(info) = userinfo {
        let valid = info
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._:~!$&'()*+,;=%@".contains(&b));
        if !valid {
            return Err("net/url: invalid userinfo".into());
        }
        u.user = Some(match info.split_once(':') {
            Some((name, pw)) => (unescape(name, false)?, Some(unescape(pw, false)?)),
            None => (unescape(info, false)?, None),
        });
    }
    Ok(())
}

fn parse_host(host: &str) -> Result<String, String> {
    if host.starts_with('[') {
        let Some(end) = host.rfind(']') else {
            return Err("missing ']' in host".into());
        };
        let colon_port = &host[end + 1..];
        if !valid_optional_port(colon_port) {
            return Err(format!("invalid port {} after host", quote(colon_port)));
        }
    } else if let Some(i) = host.rfind(':') {
        let colon_port = &host[i..];
        if !valid_optional_port(colon_port) {
            return Err(format!("invalid port {} after host", quote(colon_port)));
        }
    }
    unescape(host, true)
}

fn valid_optional_port(port: &str) -> bool {
    port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// `%XX` decoding; Go's `invalid URL escape "%zz"` for a bad one.
fn unescape(s: &str, host: bool) -> Result<String, String> {
    if !s.contains('%') {
        return Ok(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = b
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
            let Some(hex) = hex else {
                let bad: String = s[i..].chars().take(3).collect();
                return Err(format!("invalid URL escape {}", quote(&bad)));
            };
            let v = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("0"), 16).unwrap_or(0);
            if host && v < 0x80 && v != b'%' && !b" !\"$&'()*+,;=:<>[]".contains(&v) {
                let bad = &s[i..i + 3];
                return Err(format!("invalid URL escape {}", quote(bad)));
            }
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_go() {
        let u = parse("ssh://me@host:22/path").unwrap();
        assert_eq!(
            (u.scheme.as_str(), u.hostname(), u.port(), u.path.as_str()),
            ("ssh", "host", "22", "/path")
        );
        assert_eq!(u.user, Some(("me".into(), None)));
        assert_eq!(
            parse("tcp://a:b").unwrap_err(),
            "parse \"tcp://a:b\": invalid port \":b\" after host"
        );
        assert_eq!(
            parse("://x").unwrap_err(),
            "parse \"://x\": missing protocol scheme"
        );
        assert_eq!(
            parse("a\x01").unwrap_err(),
            "parse \"a\\x01\": net/url: invalid control character in URL"
        );
        let u = parse("ssh://[::1]:2/x?a=b#f").unwrap();
        assert_eq!((u.hostname(), u.port()), ("::1", "2"));
        assert_eq!((u.raw_query.as_str(), u.fragment.as_str()), ("a=b", "f"));
        assert_eq!(parse("tcp:x").unwrap().opaque, "x");
        assert!(parse("a:b/c").is_ok());
        assert_eq!(
            parse("x:y").unwrap().opaque,
            "y",
            "a scheme followed by an opaque part"
        );
    }
}
