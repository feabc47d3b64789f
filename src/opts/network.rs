//! `--network` values (docker/cli `opts/network.go` `NetworkOpt`): a name or the long form.

use std::collections::BTreeMap;

use crate::golang::{csv, strconv};

/// One `--network` value (`opts.NetworkAttachmentOpts`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkAttachment {
    pub target: String,
    pub aliases: Vec<String>,
    pub driver_opts: Option<BTreeMap<String, String>>,
    pub links: Vec<String>,
    pub ipv4_address: String,
    pub ipv6_address: String,
    pub link_local_ips: Vec<String>,
    pub mac_address: String,
    pub gw_priority: i64,
}

/// `opts.NetworkOpt.Set`: a name, or the long form `name=…,alias=…,ip=…`.
pub fn parse_network(value: &str) -> Result<NetworkAttachment, String> {
    // docker's test is the regexp `\w+=\w+(,\w+=\w+)*` anywhere in the value.
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = value.as_bytes();
    let long_syntax =
        (1..b.len().saturating_sub(1)).any(|i| b[i] == b'=' && word(b[i - 1]) && word(b[i + 1]));
    let mut n = NetworkAttachment::default();
    if !long_syntax {
        n.target = value.to_string();
        return Ok(n);
    }
    for field in csv::read_record(value)? {
        let lower = field.to_lowercase();
        let Some((key, val)) = lower.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(format!("invalid field {field}"));
        };
        let (key, val) = (key.trim(), val.trim().to_string());
        match key {
            "name" => n.target = val,
            "alias" => n.aliases.push(val),
            "ip" => n.ipv4_address = val,
            "ip6" => n.ipv6_address = val,
            "mac-address" => n.mac_address = val,
            "link-local-ip" => n.link_local_ips.push(val),
            "driver-opt" => {
                let Some((k, v)) = val.split_once('=').filter(|(k, _)| !k.is_empty()) else {
                    return Err("invalid key value pair format in driver options".into());
                };
                n.driver_opts
                    .get_or_insert_with(BTreeMap::new)
                    .insert(k.trim().to_string(), v.trim().to_string());
            }
            "gw-priority" => {
                n.gw_priority = strconv::parse_int(&val, 10, 64).map_err(|e| {
                    let why = e.reason();
                    format!("invalid gw-priority ({val}): {why}")
                })?;
            }
            _ => return Err(format!("invalid field key {key}")),
        }
    }
    if n.target.is_empty() {
        return Err("network name/id is not specified".into());
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks() {
        let n = parse_network("name=net1,alias=a,alias=b,ip=10.0.0.2").unwrap();
        assert_eq!(
            (n.target.as_str(), n.aliases.len(), n.ipv4_address.as_str()),
            ("net1", 2, "10.0.0.2")
        );
        assert_eq!(parse_network("bridge").unwrap().target, "bridge");
        assert_eq!(parse_network("name=").unwrap().target, "name=");
        assert_eq!(
            parse_network("alias=x").unwrap_err(),
            "network name/id is not specified"
        );
    }
}
