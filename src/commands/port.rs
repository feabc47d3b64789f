//! `dkr port` (docker's `cli/command/container/port.go`): the container's published ports from
//! its inspect document, every mapping (`80/tcp -> 0.0.0.0:8080`) or the host addresses of one
//! private port (`tcp` unless a protocol is given), in natural order, IPv6 hosts in brackets.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::Context;
use crate::cli::Arity;
use crate::engine::models::null_default;
use crate::exit::{StatusError, FAILURE};
use crate::golang::net::join_host_port;
use crate::golang::sortorder::natural_cmp;
use crate::golang::strconv::parse_uint;

// Flags of `dkr port` (none but `--help`).
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "CONTAINER [PRIVATE_PORT[/PROTO]]",
    args_override_self = true
)]
pub struct PortArgs {
    /// CONTAINER [PRIVATE_PORT[/PROTO]]
    #[arg(value_name = "ARGS", hide = true)]
    pub args: Vec<String>,
}

/// The part of `GET /containers/{id}/json` that `port` reads.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct Inspect {
    #[serde(deserialize_with = "null_default")]
    network_settings: NetworkSettings,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct NetworkSettings {
    /// `80/tcp` → its bindings (`null` for an exposed port that is not published).
    #[serde(deserialize_with = "null_default")]
    ports: BTreeMap<String, Option<Vec<PortBinding>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PortBinding {
    #[serde(rename = "HostIp", deserialize_with = "null_default")]
    host_ip: String,
    #[serde(rename = "HostPort", deserialize_with = "null_default")]
    host_port: String,
}

/// The lines `port` prints for `ports`, sorted: every mapping, or the addresses of `port`
/// (`80`, `80/udp`), or docker's error.
fn port_lines(
    ports: &BTreeMap<String, Option<Vec<PortBinding>>>,
    port: Option<&str>,
    container: &str,
) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    match port {
        Some(spec) => {
            let (number, proto) = spec.split_once('/').unwrap_or((spec, ""));
            let proto = if proto.is_empty() { "tcp" } else { proto };
            if let Err(e) = parse_uint(number, 10, 16) {
                return Err(format!("Error: invalid port ({number}): {e}"));
            }
            let bindings = ports
                .get(&format!("{number}/{proto}"))
                .and_then(Option::as_ref)
                .filter(|b| !b.is_empty())
                .ok_or_else(|| {
                    format!("Error: No public port '{spec}' published for {container}")
                })?;
            for b in bindings {
                out.push(join_host_port(&b.host_ip, &b.host_port));
            }
        }
        None => {
            for (from, bindings) in ports {
                for b in bindings.iter().flatten() {
                    out.push(format!(
                        "{from} -> {}",
                        join_host_port(&b.host_ip, &b.host_port)
                    ));
                }
            }
        }
    }
    out.sort_by(|a, b| natural_cmp(a, b));
    Ok(out)
}

pub fn run(ctx: &Context, args: PortArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::Range(1, 2))?;
    let container = &args.args[0];
    let info: Inspect = ctx.client()?.container_inspect(container)?;
    let lines = port_lines(
        &info.network_settings.ports,
        args.args
            .get(1)
            .map(String::as_str)
            .filter(|p| !p.is_empty()),
        container,
    )
    .map_err(|e| StatusError::new(FAILURE, e))?;
    if !lines.is_empty() {
        ctx.out.line(lines.join("\n"))?;
    }
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ports(json: &str) -> BTreeMap<String, Option<Vec<PortBinding>>> {
        serde_json::from_str::<Inspect>(json)
            .unwrap()
            .network_settings
            .ports
    }

    #[test]
    fn lines_like_docker() {
        let p = ports(
            r#"{"NetworkSettings":{"Ports":{
                "80/tcp":[{"HostIp":"0.0.0.0","HostPort":"18301"},{"HostIp":"::","HostPort":"18301"},{"HostIp":"::1","HostPort":"18303"}],
                "81/udp":[{"HostIp":"127.0.0.1","HostPort":"18302"}],
                "443/tcp":[{"HostIp":"","HostPort":"8443"}],
                "7000/tcp":null}}}"#,
        );
        assert_eq!(
            port_lines(&p, None, "c").unwrap(),
            [
                "80/tcp -> 0.0.0.0:18301",
                "80/tcp -> [::1]:18303",
                "80/tcp -> [::]:18301",
                "81/udp -> 127.0.0.1:18302",
                "443/tcp -> :8443",
            ]
        );
        assert_eq!(
            port_lines(&p, Some("80"), "c").unwrap(),
            ["0.0.0.0:18301", "[::1]:18303", "[::]:18301"]
        );
        assert_eq!(
            port_lines(&p, Some("81/udp"), "c").unwrap(),
            ["127.0.0.1:18302"]
        );
        for (spec, err) in [
            ("81", "Error: No public port '81' published for c"),
            ("7000", "Error: No public port '7000' published for c"),
            ("80/xyz", "Error: No public port '80/xyz' published for c"),
            (
                "abc",
                "Error: invalid port (abc): strconv.ParseUint: parsing \"abc\": invalid syntax",
            ),
            (
                "99999",
                "Error: invalid port (99999): strconv.ParseUint: parsing \"99999\": value out of range",
            ),
            (
                "/tcp",
                "Error: invalid port (): strconv.ParseUint: parsing \"\": invalid syntax",
            ),
        ] {
            assert_eq!(port_lines(&p, Some(spec), "c").unwrap_err(), err, "{spec}");
        }
        assert!(
            port_lines(&ports(r#"{"NetworkSettings":{"Ports":null}}"#), None, "c")
                .unwrap()
                .is_empty()
        );
    }
}
