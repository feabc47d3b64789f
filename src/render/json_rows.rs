//! `ps --json` and `images --json` (dkr's own, issue #15): one JSON object per line with real
//! types (numbers for sizes and counts, RFC 3339 UTC times, objects and lists), so `jq` needs
//! no string parsing. docker's `--format json` stays as it is (every value a display string).
//! The schema is in README ("Beyond docker") and each field's doc below.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::models::{ContainerSummary, ImageSummary, MountPoint, Port};

/// One `ps --json` line.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContainerJson {
    /// The full ID (never truncated).
    #[serde(rename = "ID")]
    pub id: String,
    /// The container's own names without the leading `/` (link aliases left out).
    pub names: Vec<String>,
    /// The image as the engine names it.
    pub image: String,
    #[serde(rename = "ImageID")]
    pub image_id: String,
    /// The whole command, never truncated.
    pub command: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub state: String,
    pub status: String,
    pub ports: Vec<PortJson>,
    pub labels: BTreeMap<String, String>,
    /// As the engine describes them: `Type`, `Name`, `Source`, `Destination`, `Driver`,
    /// `Mode`, `Propagation` (strings) and `RW` (bool).
    pub mounts: Vec<MountPoint>,
    /// Network names, sorted.
    pub networks: Vec<String>,
    /// How many mounts are volumes of the `local` driver.
    pub local_volumes: usize,
    /// Bytes; `null` unless `-s` asked the engine for sizes.
    pub size_rw: Option<i64>,
    /// Bytes; `null` unless `-s` asked the engine for sizes.
    pub size_root_fs: Option<i64>,
}

/// One port of a container: `IP` and `PublicPort` are `null` when it is not published.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PortJson {
    #[serde(rename = "IP")]
    pub ip: Option<String>,
    pub private_port: u16,
    pub public_port: Option<u16>,
    /// `tcp`, `udp` or `sctp`.
    #[serde(rename = "Type")]
    pub kind: String,
}

/// One `images --json` line: one image (not one row per tag as the table has).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImageJson {
    /// The full ID (`sha256:…`).
    #[serde(rename = "ID")]
    pub id: String,
    /// `null` when the image has no parent.
    #[serde(rename = "ParentID")]
    pub parent_id: Option<String>,
    /// `repository:tag` references; `[]` for a dangling image.
    pub repo_tags: Vec<String>,
    /// `repository@digest` references.
    pub repo_digests: Vec<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Bytes.
    pub size: i64,
    /// Bytes shared with other images; `null` when the engine did not compute it.
    pub shared_size: Option<i64>,
    /// `Size - SharedSize`; `null` when either is unknown.
    pub unique_size: Option<i64>,
    /// How many containers use the image; `null` when the engine did not count them.
    pub containers: Option<i64>,
    pub labels: BTreeMap<String, String>,
}

/// docker's own `ps`/`images` flags `--json` cannot be combined with, as the message dkr
/// reports (`None`: no conflict). A `--format ""` is docker's default format, so no conflict.
pub fn conflict(quiet: bool, format: Option<&str>) -> Option<String> {
    let flag = if quiet {
        "--quiet"
    } else if format.is_some_and(|f| !f.is_empty()) {
        "--format"
    } else {
        return None;
    };
    Some(format!(
        "conflicting options: cannot specify both --json and {flag}"
    ))
}

/// Unix seconds as RFC 3339 in UTC (`1970-01-01T00:00:00Z` for a value out of range).
fn rfc3339(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_string()
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn port(p: &Port) -> PortJson {
    PortJson {
        ip: non_empty(&p.ip),
        private_port: p.private_port,
        public_port: (p.public_port != 0).then_some(p.public_port),
        kind: p.kind.clone(),
    }
}

/// The `ps --json` object of one container; `sizes` is whether the engine was asked for them.
pub fn container_json(c: &ContainerSummary, sizes: bool) -> ContainerJson {
    ContainerJson {
        id: c.id.clone(),
        names: c
            .names
            .iter()
            .map(|n| n.strip_prefix('/').unwrap_or(n))
            .filter(|n| !n.contains('/'))
            .map(str::to_string)
            .collect(),
        image: c.image.clone(),
        image_id: c.image_id.clone(),
        command: c.command.clone(),
        created_at: rfc3339(c.created),
        state: c.state.clone(),
        status: c.status.clone(),
        ports: c.ports.iter().map(port).collect(),
        labels: c.labels.clone().unwrap_or_default(),
        mounts: c.mounts.clone(),
        networks: c
            .network_settings
            .as_ref()
            .map(|ns| ns.networks.keys().cloned().collect())
            .unwrap_or_default(),
        local_volumes: c.mounts.iter().filter(|m| m.driver == "local").count(),
        size_rw: sizes.then_some(c.size_rw),
        size_root_fs: sizes.then_some(c.size_root_fs),
    }
}

/// The `images --json` object of one image.
pub fn image_json(img: &ImageSummary) -> ImageJson {
    let known = |n: i64| (n >= 0).then_some(n);
    let refs = |list: &Option<Vec<String>>, none: &str| -> Vec<String> {
        list.iter()
            .flatten()
            .filter(|r| r.as_str() != none)
            .cloned()
            .collect()
    };
    ImageJson {
        id: img.id.clone(),
        parent_id: non_empty(&img.parent_id),
        repo_tags: refs(&img.repo_tags, "<none>:<none>"),
        repo_digests: refs(&img.repo_digests, "<none>@<none>"),
        created_at: rfc3339(img.created),
        size: img.size,
        shared_size: known(img.shared_size),
        unique_size: known(img.size)
            .zip(known(img.shared_size))
            .map(|(s, sh)| s - sh),
        containers: known(img.containers),
        labels: img.labels.clone().unwrap_or_default(),
    }
}

/// Objects as NDJSON: one compact object a line. Strings are JSON-escaped, so no control
/// character reaches a terminal raw.
pub fn lines<T: Serialize>(items: impl IntoIterator<Item = T>) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    for item in items {
        serde_json::to_writer(&mut out, &item)?;
        out.push(b'\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::models::SummaryNetworkSettings;

    #[test]
    fn container_fields_are_typed() {
        let c = ContainerSummary {
            id: "abc".into(),
            names: vec!["/web".into(), "/other/alias".into()],
            created: 1_700_000_000,
            ports: vec![
                Port {
                    ip: "0.0.0.0".into(),
                    private_port: 80,
                    public_port: 8080,
                    kind: "tcp".into(),
                },
                Port {
                    ip: String::new(),
                    private_port: 53,
                    public_port: 0,
                    kind: "udp".into(),
                },
            ],
            labels: Some([("a".to_string(), "b".to_string())].into()),
            network_settings: Some(SummaryNetworkSettings {
                networks: [("bridge".to_string(), serde_json::Value::Null)].into(),
            }),
            size_rw: 12,
            ..ContainerSummary::default()
        };
        let v = serde_json::to_value(container_json(&c, false)).unwrap();
        assert_eq!(v["Names"], serde_json::json!(["web"]));
        assert_eq!(v["CreatedAt"], "2023-11-14T22:13:20Z");
        assert_eq!(
            v["Ports"],
            serde_json::json!([
                {"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
                {"IP": null, "PrivatePort": 53, "PublicPort": null, "Type": "udp"}
            ])
        );
        assert_eq!(v["Labels"], serde_json::json!({"a": "b"}));
        assert_eq!(v["Networks"], serde_json::json!(["bridge"]));
        assert_eq!(v["SizeRw"], serde_json::Value::Null);
        let v = serde_json::to_value(container_json(&c, true)).unwrap();
        assert_eq!(
            (v["SizeRw"].as_i64(), v["SizeRootFs"].as_i64()),
            (Some(12), Some(0))
        );
    }

    #[test]
    fn image_fields_are_typed() {
        let img = ImageSummary {
            id: "sha256:1".into(),
            repo_tags: Some(vec!["<none>:<none>".into()]),
            size: 100,
            shared_size: -1,
            containers: 2,
            ..ImageSummary::default()
        };
        let v = serde_json::to_value(image_json(&img)).unwrap();
        assert_eq!(v["RepoTags"], serde_json::json!([]));
        assert_eq!(v["ParentID"], serde_json::Value::Null);
        assert_eq!(v["SharedSize"], serde_json::Value::Null);
        assert_eq!(v["UniqueSize"], serde_json::Value::Null);
        assert_eq!(
            (v["Size"].as_i64(), v["Containers"].as_i64()),
            (Some(100), Some(2))
        );
        assert_eq!(v["Labels"], serde_json::json!({}));
        assert_eq!(lines([1, 2]).unwrap(), b"1\n2\n");
    }

    #[test]
    fn conflicts() {
        assert_eq!(conflict(false, None), None);
        assert_eq!(conflict(false, Some("")), None);
        assert_eq!(
            conflict(true, Some("x")).unwrap(),
            "conflicting options: cannot specify both --json and --quiet"
        );
        assert_eq!(
            conflict(false, Some("{{.ID}}")).unwrap(),
            "conflicting options: cannot specify both --json and --format"
        );
    }
}
