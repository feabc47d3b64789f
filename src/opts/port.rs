//! `-p`/`--publish` and `--expose` values (go-connections `nat`, docker/cli
//! `container/opts.go` `convertToStandardNotation`).

use std::collections::BTreeMap;

use super::validate::go_ip_string;
use crate::commands::run::body::{Empty, PortBinding};
use crate::golang::strconv;

/// `strconv.ParseUint(s, 10, 16)`, as `nat.ParsePortRange` reads each end.
fn port_number(s: &str) -> Result<u64, String> {
    strconv::parse_uint(s, 10, 16).map_err(|e| e.to_string())
}

/// `nat.ParsePortRange`.
fn parse_port_range(ports: &str) -> Result<(u64, u64), String> {
    if ports.is_empty() {
        return Err("empty string specified for ports".to_string());
    }
    if !ports.contains('-') {
        let start = port_number(ports)?;
        return Ok((start, start));
    }
    let mut parts = ports.split('-');
    let start = port_number(parts.next().unwrap_or(""))?;
    let end = port_number(parts.next().unwrap_or(""))?;
    if end < start {
        return Err(format!("invalid range specified for port: {ports}"));
    }
    Ok((start, end))
}

/// `nat.SplitProtoPort`: (proto, port).
fn split_proto_port(raw: &str) -> (String, String) {
    let parts: Vec<&str> = raw.split('/').collect();
    if raw.is_empty() || parts[0].is_empty() {
        return (String::new(), String::new());
    }
    if parts.len() == 1 || parts[1].is_empty() {
        return ("tcp".to_string(), parts[0].to_string());
    }
    (parts[1].to_string(), parts[0].to_string())
}

/// Go's `net.SplitHostPort(ip + ":")` host part for a bracketed address.
fn split_bracketed(ip: &str) -> Result<String, String> {
    let hp = format!("{ip}:");
    let addr_err = |why: &str| format!("invalid IP address {ip}: address {hp}: {why}");
    let Some(end) = hp.find(']') else {
        return Err(addr_err("missing ']' in address"));
    };
    let last_colon = hp.rfind(':').unwrap_or(0);
    if end + 1 == hp.len() {
        return Err(addr_err("missing port in address"));
    }
    if end + 1 != last_colon {
        if hp.as_bytes()[end + 1] == b':' {
            return Err(addr_err("too many colons in address"));
        }
        return Err(addr_err("missing port in address"));
    }
    if hp[1..].contains('[') {
        return Err(addr_err("unexpected '[' in address"));
    }
    if hp[end + 1..].contains(']') {
        return Err(addr_err("unexpected ']' in address"));
    }
    Ok(hp[1..end].to_string())
}

/// `nat.ParsePortSpec`: one `-p` value → (port key, binding) pairs.
pub fn parse_port_spec(raw: &str) -> Result<Vec<(String, PortBinding)>, String> {
    let parts: Vec<&str> = raw.split(':').collect();
    let n = parts.len();
    let (ip, host_port, container) = match n {
        1 => (String::new(), String::new(), parts[0]),
        2 => (String::new(), parts[0].to_string(), parts[1]),
        3 => (parts[0].to_string(), parts[1].to_string(), parts[2]),
        _ => (
            parts[..n - 2].join(":"),
            parts[n - 2].to_string(),
            parts[n - 1],
        ),
    };
    let (proto, container_port) = split_proto_port(container);
    let mut ip = ip;
    if ip.starts_with('[') {
        ip = split_bracketed(&ip)?;
    }
    if !ip.is_empty() && go_ip_string(&ip).is_none() {
        return Err(format!("invalid IP address: {ip}"));
    }
    if container_port.is_empty() {
        return Err(format!("no port specified: {raw}<empty>"));
    }
    let (start, end) = parse_port_range(&container_port)
        .map_err(|_| format!("invalid containerPort: {container_port}"))?;
    let (mut hstart, mut hend) = (0, 0);
    if !host_port.is_empty() {
        (hstart, hend) =
            parse_port_range(&host_port).map_err(|_| format!("invalid hostPort: {host_port}"))?;
    }
    if !host_port.is_empty() && (end - start) != hend.wrapping_sub(hstart) && end != start {
        return Err(format!(
            "invalid ranges specified for container and host Ports: {container_port} and {host_port}"
        ));
    }
    let proto = proto.to_lowercase();
    if !["tcp", "udp", "sctp"].contains(&proto.as_str()) {
        return Err(format!("invalid proto: {}", split_proto_port(container).0));
    }
    let mut out = Vec::new();
    for i in 0..=(end - start) {
        let mut hp = String::new();
        if !host_port.is_empty() {
            hp = (hstart + i).to_string();
        }
        if start == end && hstart != hend {
            hp = format!("{hp}-{hend}");
        }
        out.push((
            format!("{}/{proto}", start + i),
            PortBinding {
                host_ip: ip.clone(),
                host_port: hp,
            },
        ));
    }
    Ok(out)
}

/// `convertToStandardNotation`: the long form `published=…,target=…,protocol=…`.
fn convert_to_standard_notation(publish: &str) -> Result<String, String> {
    if !publish.contains('=') {
        return Ok(publish.to_string());
    }
    let mut params: BTreeMap<String, String> = BTreeMap::new();
    params.insert("protocol".into(), "tcp".into());
    for param in publish.split(',') {
        match param.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                params.insert(k.to_string(), v.to_string());
            }
            _ => {
                return Err(format!(
                    "invalid publish opts format (should be name=value but got '{param}')"
                ))
            }
        }
    }
    let get = |k: &str| params.get(k).cloned().unwrap_or_default();
    Ok(format!(
        "{}:{}/{}",
        get("published"),
        get("target"),
        get("protocol")
    ))
}

/// Exposed ports and bindings from `-p` and `--expose`.
pub type Ports = (BTreeMap<String, Empty>, BTreeMap<String, Vec<PortBinding>>);

/// `-p` values (`nat.ParsePortSpecs`) plus `--expose` values.
pub fn parse_ports(publish: &[String], expose: &[String]) -> Result<Ports, String> {
    let mut exposed = BTreeMap::new();
    let mut bindings: BTreeMap<String, Vec<PortBinding>> = BTreeMap::new();
    for p in publish {
        let spec = convert_to_standard_notation(p)?;
        for (port, binding) in parse_port_spec(&spec)? {
            exposed.insert(port.clone(), Empty {});
            bindings.entry(port).or_default().push(binding);
        }
    }
    for e in expose {
        if e.contains(':') {
            return Err(format!("invalid port format for --expose: {e}"));
        }
        let (proto, port) = split_proto_port(e);
        let (start, end) = parse_port_range(&port)
            .map_err(|err| format!("invalid range format for --expose: {e}, error: {err}"))?;
        for i in start..=end {
            exposed.entry(format!("{i}/{proto}")).or_insert(Empty {});
        }
    }
    Ok((exposed, bindings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ports(specs: &[&str]) -> Result<Ports, String> {
        let specs: Vec<String> = specs.iter().map(|s| s.to_string()).collect();
        parse_ports(&specs, &[])
    }

    fn pb(ip: &str, port: &str) -> PortBinding {
        PortBinding {
            host_ip: ip.into(),
            host_port: port.into(),
        }
    }

    #[test]
    fn port_specs_like_nat() {
        let (_, b) = ports(&["8080:80"]).unwrap();
        assert_eq!(b["80/tcp"], [pb("", "8080")]);
        let (_, b) = ports(&["127.0.0.1::80/udp"]).unwrap();
        assert_eq!(b["80/udp"], [pb("127.0.0.1", "")]);
        let (_, b) = ports(&["[::1]:8081:81"]).unwrap();
        assert_eq!(b["81/tcp"], [pb("::1", "8081")]);
        let (e, b) = ports(&["9000-9001:90"]).unwrap();
        assert_eq!(b["90/tcp"], [pb("", "9000-9001")]);
        assert_eq!(e.len(), 1);
        let (_, b) = ports(&["17100-17102:7100-7102"]).unwrap();
        assert_eq!(b["7101/tcp"], [pb("", "17101")]);
        let (_, b) = ports(&["published=8443,target=443,protocol=udp"]).unwrap();
        assert_eq!(b["443/udp"], [pb("", "8443")]);
        let (e, b) = ports(&["80"]).unwrap();
        assert!(e.contains_key("80/tcp"));
        assert_eq!(b["80/tcp"], [pb("", "")]);
        let (_, b) = ports(&["1.2.3.4:80:80", "80:80"]).unwrap();
        assert_eq!(b["80/tcp"], [pb("1.2.3.4", "80"), pb("", "80")]);
        assert_eq!(
            ports(&["80-81:90-92"]).unwrap_err(),
            "invalid ranges specified for container and host Ports: 90-92 and 80-81"
        );
        assert_eq!(ports(&["80/sctpx"]).unwrap_err(), "invalid proto: sctpx");
        assert_eq!(ports(&["1:2:3:80"]).unwrap_err(), "invalid IP address: 1:2");
        assert_eq!(ports(&["x:80"]).unwrap_err(), "invalid hostPort: x");
        assert_eq!(ports(&["80x"]).unwrap_err(), "invalid containerPort: 80x");
        assert_eq!(ports(&[":"]).unwrap_err(), "no port specified: :<empty>");
        assert_eq!(ports(&["a,b"]).unwrap_err(), "invalid containerPort: a,b");
        assert_eq!(
            ports(&["published=1,x"]).unwrap_err(),
            "invalid publish opts format (should be name=value but got 'x')"
        );
        let (e, _) = parse_ports(&[], &["6000-6001".into(), "53/udp".into()]).unwrap();
        assert_eq!(
            e.keys().collect::<Vec<_>>(),
            ["53/udp", "6000/tcp", "6001/tcp"]
        );
        assert_eq!(
            parse_ports(&[], &["1:2".into()]).unwrap_err(),
            "invalid port format for --expose: 1:2"
        );
        assert_eq!(
            parse_ports(&[], &["x".into()]).unwrap_err(),
            "invalid range format for --expose: x, error: strconv.ParseUint: parsing \"x\": invalid syntax"
        );
    }
}
