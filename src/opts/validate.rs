//! The small `opts.Validate*` checks docker/cli runs when a flag is set (`opts/opts.go`,
//! `opts/env.go`, `opts/hosts.go`, `container/opts.go` `validateAttach`), plus Go's `net`
//! address parsing they rely on.

use std::collections::BTreeMap;

use crate::golang::strconv::go_quote;

/// `opts.ValidateEnv`: `K=V` as is, bare `K` takes the host's value when it has one.
pub fn validate_env(val: &str) -> Result<String, String> {
    let (k, has_value) = match val.split_once('=') {
        Some((k, _)) => (k, true),
        None => (val, false),
    };
    if k.is_empty() {
        return Err(format!("invalid environment variable: {val}"));
    }
    if has_value {
        return Ok(val.to_string());
    }
    match std::env::var_os(k) {
        Some(v) => Ok(format!("{k}={}", v.to_string_lossy())),
        None => Ok(val.to_string()),
    }
}

/// `opts.ValidateLabel`.
pub fn validate_label(value: &str) -> Result<String, String> {
    let key = value.split_once('=').map_or(value, |(k, _)| k);
    let key = key.trim_start_matches([' ', '\t']);
    if key.is_empty() {
        return Err(format!("invalid label '{value}': empty name"));
    }
    if key.contains([' ', '\t']) {
        return Err(format!("label '{key}' contains whitespaces"));
    }
    Ok(value.to_string())
}

/// Go's `net.ParseIP(s).String()`, or `None`.
pub(crate) fn go_ip_string(s: &str) -> Option<String> {
    match s.parse::<std::net::IpAddr>().ok()? {
        std::net::IpAddr::V4(v4) => Some(v4.to_string()),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => Some(v4.to_string()),
            None => Some(v6.to_string()),
        },
    }
}

/// `opts.ValidateIPAddress` (returns the canonical form).
pub fn validate_ip_address(val: &str) -> Result<String, String> {
    go_ip_string(val.trim()).ok_or_else(|| format!("IP address is not correctly formatted: {val}"))
}

/// `opts.ValidateDNSSearch`.
pub fn validate_dns_search(val: &str) -> Result<String, String> {
    let val = val.trim_matches(' ');
    if val == "." {
        return Ok(val.to_string());
    }
    let bad = || format!("{val} is not a valid domain");
    if !val.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Err(bad());
    }
    let domain = match_domain(val).ok_or_else(bad)?;
    if domain.len() >= 255 {
        return Err(bad());
    }
    Ok(domain.to_string())
}

/// docker's domain regexp (typos included: `(:?` makes a `:` optional before each label).
/// Returns the domain without a trailing dot and spaces.
fn match_domain(val: &str) -> Option<&str> {
    let body = val.trim_end_matches(char::is_whitespace);
    let body = body.strip_suffix('.').unwrap_or(body);
    if body.is_empty() {
        return None;
    }
    let is_label = |l: &str| {
        let b = l.as_bytes();
        !b.is_empty()
            && b[0].is_ascii_alphanumeric()
            && b[b.len() - 1].is_ascii_alphanumeric()
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
    };
    let parts: Vec<&str> = body.split('.').collect();
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate() {
        let p = part.strip_prefix(':').unwrap_or(part);
        let p = if i < last {
            p.strip_suffix(':').unwrap_or(p)
        } else {
            p
        };
        if !is_label(p) {
            return None;
        }
    }
    Some(body)
}

/// `opts.ValidateExtraHost`: `host:ip` or `host=ip` (IPv6 in brackets allowed) → `host:ip`.
pub fn validate_extra_host(val: &str) -> Result<String, String> {
    let (k, v) = match val.split_once('=').or_else(|| val.split_once(':')) {
        Some((k, v)) if !k.is_empty() && !k.contains(':') => (k, v),
        _ => return Err(format!("bad format for add-host: {}", go_quote(val))),
    };
    let mut v = v;
    if v != "host-gateway" {
        if v.len() > 2 && v.starts_with('[') && v.ends_with(']') {
            v = &v[1..v.len() - 1];
        }
        if validate_ip_address(v).is_err() {
            return Err(format!("invalid IP address in add-host: {}", go_quote(v)));
        }
    }
    Ok(format!("{k}:{v}"))
}

/// `opts.ValidateLink`.
pub fn validate_link(val: &str) -> Result<String, String> {
    if val.is_empty() {
        return Err("empty string specified for links".to_string());
    }
    if val.splitn(3, ':').count() > 2 {
        return Err(format!("bad format for links: {val}"));
    }
    Ok(val.to_string())
}

/// `opts.ValidateSysctl`.
pub fn validate_sysctl(val: &str) -> Result<String, String> {
    const KEYS: [&str; 8] = [
        "kernel.msgmax",
        "kernel.msgmnb",
        "kernel.msgmni",
        "kernel.sem",
        "kernel.shmall",
        "kernel.shmmax",
        "kernel.shmmni",
        "kernel.shm_rmid_forced",
    ];
    match val.split_once('=') {
        Some((k, _))
            if !k.is_empty()
                && (KEYS.contains(&k) || k.starts_with("net.") || k.starts_with("fs.mqueue.")) =>
        {
            Ok(val.to_string())
        }
        _ => Err(format!("sysctl '{val}' is not allowed")),
    }
}

/// `validateAttach`: one of stdin/stdout/stderr, any case; lower-cased.
pub fn validate_attach(val: &str) -> Result<String, String> {
    let s = val.to_lowercase();
    if ["stdin", "stdout", "stderr"].contains(&s.as_str()) {
        Ok(s)
    } else {
        Err("valid streams are STDIN, STDOUT and STDERR".to_string())
    }
}

/// `opts.ConvertKVStringsToMap`: `k=v` → k: v, bare `k` → k: "".
pub(crate) fn kv_map(values: &[String]) -> BTreeMap<String, String> {
    values
        .iter()
        .map(|v| match v.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (v.clone(), String::new()),
        })
        .collect()
}

/// Go's `net.ParseMAC` acceptance.
pub(crate) fn valid_mac(s: &str) -> bool {
    let s = s.trim();
    let hex = |g: &str, n: usize| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit());
    for sep in [':', '-'] {
        let groups: Vec<&str> = s.split(sep).collect();
        if [6, 8, 20].contains(&groups.len()) && groups.iter().all(|g| hex(g, 2)) {
            return true;
        }
    }
    let groups: Vec<&str> = s.split('.').collect();
    [3, 4, 10].contains(&groups.len()) && groups.iter().all(|g| hex(g, 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_and_labels() {
        assert_eq!(validate_env("A=1"), Ok("A=1".into()));
        assert_eq!(
            validate_env("=x"),
            Err("invalid environment variable: =x".into())
        );
        assert_eq!(
            validate_env("DKR_SURELY_UNSET_VAR"),
            Ok("DKR_SURELY_UNSET_VAR".into())
        );
        assert_eq!(validate_label("a=b"), Ok("a=b".into()));
        assert_eq!(
            validate_label("=b"),
            Err("invalid label '=b': empty name".into())
        );
        assert_eq!(
            validate_label("a b=c"),
            Err("label 'a b' contains whitespaces".into())
        );
    }

    #[test]
    fn validators() {
        assert_eq!(validate_extra_host("h:1.2.3.4"), Ok("h:1.2.3.4".into()));
        assert_eq!(validate_extra_host("h=[::1]"), Ok("h:::1".into()));
        assert_eq!(
            validate_extra_host("h:host-gateway"),
            Ok("h:host-gateway".into())
        );
        assert_eq!(
            validate_extra_host("foo"),
            Err("bad format for add-host: \"foo\"".into())
        );
        assert_eq!(
            validate_extra_host("h:x"),
            Err("invalid IP address in add-host: \"x\"".into())
        );
        assert_eq!(validate_ip_address(" 8.8.8.8 "), Ok("8.8.8.8".into()));
        assert_eq!(validate_ip_address("0:0:0:0:0:0:0:1"), Ok("::1".into()));
        assert!(validate_ip_address("foo").is_err());
        assert_eq!(
            validate_dns_search("example.com."),
            Ok("example.com".into())
        );
        assert_eq!(
            validate_dns_search("-bad"),
            Err("-bad is not a valid domain".into())
        );
        assert_eq!(validate_attach("STDIN"), Ok("stdin".into()));
        assert_eq!(
            validate_sysctl("net.ipv4.ip_forward=1"),
            Ok("net.ipv4.ip_forward=1".into())
        );
        assert!(validate_sysctl("kernel.x=1").is_err());
        assert_eq!(
            validate_link("a:b:c"),
            Err("bad format for links: a:b:c".into())
        );
        assert!(valid_mac("92:d0:c6:0a:29:33"));
        assert!(!valid_mac("92:d0:c6"));
    }

    #[test]
    fn kv_strings_to_map() {
        let values: Vec<String> = ["a=b", "c", "a=d", "e=f=g"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = kv_map(&values);
        assert_eq!(
            m.iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            [("a", "d"), ("c", ""), ("e", "f=g")]
        );
    }
}
