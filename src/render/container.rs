//! The rows of `dkr ps` (docker's `cli/command/formatter/container.go` at v28.2.2): every
//! template field of `ContainerContext` computed exactly as docker does (truncation, command
//! ellipsis and quoting, names and link aliases, image names, port ranges, sizes, times), the
//! `.Label "k"` method, the header titles and `NewContainerFormat`.

use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

use super::image::truncate_id;
use super::template::Row;
use super::units::{ago, human_size_with_precision};
use crate::engine::models::{ContainerSummary, Port};
use crate::engine::reference::Reference;
use crate::golang::net::join_host_port;
use crate::golang::strconv::go_quote;

/// docker's default `ps` table (`defaultContainerTableFormat`).
pub const DEFAULT_TABLE_FORMAT: &str =
    "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

/// docker's `NewContainerFormat`: the format rendered for `source` (the `--format` value or
/// config `psFormat`; empty means `table`), `-q` and whether sizes were requested.
pub fn container_format(source: &str, quiet: bool, size: bool) -> String {
    match source {
        "table" | "" => {
            if quiet {
                return "{{.ID}}".to_string();
            }
            let mut f = DEFAULT_TABLE_FORMAT.to_string();
            if size {
                // A literal backslash-t, as docker appends it (expanded by preFormat).
                f.push_str("\\t{{.Size}}");
            }
            f
        }
        "raw" => {
            if quiet {
                return "container_id: {{.ID}}".to_string();
            }
            let mut f = "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n".to_string();
            if size {
                f.push_str("size: {{.Size}}\\n");
            }
            f
        }
        _ => {
            if quiet {
                "{{.ID}}".to_string()
            } else {
                source.to_string()
            }
        }
    }
}

/// The header titles of `ContainerContext` (field → column title).
pub fn header() -> Value {
    json!({
        "ID": "CONTAINER ID",
        "Names": "NAMES",
        "Image": "IMAGE",
        "Command": "COMMAND",
        "CreatedAt": "CREATED AT",
        "RunningFor": "CREATED",
        "Ports": "PORTS",
        "State": "STATE",
        "Status": "STATUS",
        "Size": "SIZE",
        "Labels": "LABELS",
        "Mounts": "MOUNTS",
        "LocalVolumes": "LOCAL VOLUMES",
        "Networks": "NETWORKS",
        "Platform": "PLATFORM",
    })
}

/// One row of `ps`: the template's dot plus the container's labels for `.Label`.
#[derive(Debug, Clone)]
pub struct ContainerRow {
    data: Value,
    labels: BTreeMap<String, String>,
}

impl Row for ContainerRow {
    fn data(&self) -> &Value {
        &self.data
    }

    fn type_name(&self) -> Option<&str> {
        Some("*formatter.ContainerContext")
    }

    fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        if name != "Label" {
            return None;
        }
        if args.len() != 1 {
            return Some(Err(format!(
                "wrong number of args for Label: want 1 got {}",
                args.len()
            )));
        }
        match &args[0] {
            Value::String(k) => Some(Ok(Value::String(
                self.labels.get(k).cloned().unwrap_or_default(),
            ))),
            other => Some(Err(format!(
                "wrong type for value; expected string; got {}",
                crate::golang::json::type_name(other)
            ))),
        }
    }
}

/// The row for one container. `trunc` is `!--no-trunc`; `now_nanos` is the current time in
/// Unix nanoseconds; `tz` is the local zone for `CreatedAt`.
pub fn container_row(
    c: &ContainerSummary,
    trunc: bool,
    now_nanos: i128,
    tz: &TimeZone,
) -> ContainerRow {
    container_row_of(c, None, trunc, now_nanos, tz)
}

/// Which keys of a `/containers/json` entry each template field is computed from.
const FIELD_KEYS: super::format::FieldKeys = &[
    ("Command", &["Command"]),
    ("CreatedAt", &["Created"]),
    ("ID", &["Id"]),
    ("Image", &["Image", "ImageID"]),
    ("Label", &["Labels"]),
    ("Labels", &["Labels"]),
    ("LocalVolumes", &["Mounts"]),
    ("Mounts", &["Mounts"]),
    ("Names", &["Names"]),
    ("Networks", &["NetworkSettings"]),
    ("Platform", &["ImageManifestDescriptor"]),
    ("Ports", &["Ports"]),
    ("RunningFor", &["Created"]),
    ("Size", &["SizeRw", "SizeRootFs"]),
    ("State", &["State"]),
    ("Status", &["Status"]),
];

/// The keys of each `/containers/json` entry that rows with only `fields` need (`None`: every
/// field's keys).
pub fn list_keys(fields: Option<&BTreeSet<String>>) -> Vec<&'static str> {
    super::format::answer_keys(fields, FIELD_KEYS, &[])
}

/// [`container_row`] with only the template fields in `fields` (`None`: all), as
/// `format::Renderer::fields` names them: the others are neither computed nor kept.
pub fn container_row_of(
    c: &ContainerSummary,
    fields: Option<&BTreeSet<String>>,
    trunc: bool,
    now_nanos: i128,
    tz: &TimeZone,
) -> ContainerRow {
    let want = |name: &str| fields.is_none_or(|f| f.contains(name));
    let mut m = Map::new();
    let mut put = |name: &str, value: &dyn Fn() -> Value| {
        if want(name) {
            m.insert(name.into(), value());
        }
    };
    put("Command", &|| Value::String(command(&c.command, trunc)));
    put("CreatedAt", &|| {
        Value::String(crate::golang::time::time_string(c.created, tz))
    });
    put("ID", &|| {
        Value::String(if trunc {
            truncate_id(&c.id)
        } else {
            c.id.clone()
        })
    });
    put("Image", &|| Value::String(image(c, trunc)));
    put("Labels", &|| Value::String(labels(&c.labels)));
    put("LocalVolumes", &|| {
        Value::String(
            c.mounts
                .iter()
                .filter(|m| m.driver == "local")
                .count()
                .to_string(),
        )
    });
    put("Mounts", &|| Value::String(mounts(c, trunc)));
    put("Names", &|| Value::String(names(&c.names, trunc)));
    put("Networks", &|| Value::String(networks(c)));
    put("Platform", &|| platform(c));
    put("Ports", &|| Value::String(displayable_ports(&c.ports)));
    put("RunningFor", &|| Value::String(ago(now_nanos, c.created)));
    put("Size", &|| Value::String(size(c)));
    put("State", &|| Value::String(c.state.clone()));
    put("Status", &|| Value::String(c.status.clone()));
    ContainerRow {
        data: Value::Object(m),
        labels: if want("Label") {
            c.labels.clone().unwrap_or_default()
        } else {
            BTreeMap::new()
        },
    }
}

/// A row for the zero `ContainerContext` docker executes a `--format` template against before
/// listing (to validate it and to see whether it uses `.Size`).
pub fn empty_row() -> ContainerRow {
    container_row(&ContainerSummary::default(), false, 0, &TimeZone::UTC)
}

/// The local zone the way Go's `time.Local` finds it (`initLocal` in `time/zoneinfo_unix.go`):
/// no `TZ` → `/etc/localtime`; `TZ=[:]/abs/path` → that TZif file; `TZ=[:]Name` → the zone
/// database; anything that fails to load (including POSIX rule strings like `EST5`, which Go
/// does not parse) and an empty `TZ` → UTC.
pub fn local_zone() -> TimeZone {
    go_local_zone(std::env::var_os("TZ").map(|v| v.to_string_lossy().into_owned()))
}

fn go_local_zone(tz: Option<String>) -> TimeZone {
    let load_file = |path: &str| -> Option<TimeZone> {
        let bytes = std::fs::read(path).ok()?;
        TimeZone::tzif(path, &bytes).ok()
    };
    let zone = match tz {
        None => load_file("/etc/localtime"),
        Some(tz) => {
            let tz = tz.strip_prefix(':').unwrap_or(&tz);
            if tz.starts_with('/') {
                load_file(tz)
            } else if !tz.is_empty() && tz != "UTC" {
                TimeZone::get(tz).ok()
            } else {
                None
            }
        }
    };
    zone.unwrap_or(TimeZone::UTC)
}

/// The current time in Unix nanoseconds.
pub fn now_nanos() -> i128 {
    Timestamp::now().as_nanosecond()
}

/// `Command`: `Ellipsis(cmd, 20)` when truncating, then Go's `strconv.Quote`.
fn command(cmd: &str, trunc: bool) -> String {
    if trunc {
        go_quote(&ellipsis(cmd, 20))
    } else {
        go_quote(cmd)
    }
}

/// `golang.org/x/text/width`: East-Asian Wide and Fullwidth characters take two cells.
fn char_width(c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    if c.width() == Some(2) {
        2
    } else {
        1
    }
}

/// docker's `formatter.Ellipsis`: cut to `max` display cells, the last one being `…`.
pub fn ellipsis(s: &str, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    let rs: Vec<char> = s.chars().collect();
    if max == 1 {
        return rs.first().map(|c| c.to_string()).unwrap_or_default();
    }
    if s.len() == rs.len() {
        if s.len() <= max {
            return s.to_string();
        }
        return rs[..max - 1].iter().collect::<String>() + "…";
    }
    let mut display = Vec::with_capacity(rs.len());
    let mut width = 0;
    for c in &rs {
        width += char_width(*c);
        display.push(width);
    }
    if width <= max {
        return s.to_string();
    }
    for i in 0..display.len() {
        if display[i] < max && display.get(i + 1).is_some_and(|&next| next > max - 1) {
            return rs[..=i].iter().collect::<String>() + "…";
        }
    }
    s.to_string()
}

/// `Names`: the leading `/` stripped; truncated, only the first name that is not a link alias
/// (`other/alias`).
fn names(names: &[String], trunc: bool) -> String {
    if trunc {
        if let Some(n) = primary_name(names) {
            return n;
        }
    }
    let stripped: Vec<&str> = names.iter().map(|n| n.get(1..).unwrap_or("")).collect();
    stripped.join(",")
}

/// The container's own name as `ps` shows it: the first that is not a link alias, without its
/// leading `/`.
pub fn primary_name(names: &[String]) -> Option<String> {
    names
        .iter()
        .map(|n| n.get(1..).unwrap_or(""))
        .find(|n| !n.contains('/'))
        .map(str::to_string)
}

/// `Image`: `<no image>`; the short ID when the image is an ID; the familiar name with the tag
/// and without the digest; the daemon's value untouched with `--no-trunc` or when unparsable.
fn image(c: &ContainerSummary, trunc: bool) -> String {
    if c.image.is_empty() {
        return "<no image>".to_string();
    }
    if trunc {
        let short = truncate_id(&c.image_id);
        if short == truncate_id(&c.image) {
            return short;
        }
        if let Ok(r) = Reference::parse(&c.image) {
            return match &r.tag {
                Some(tag) => format!("{}:{tag}", r.familiar_name()),
                None => r.familiar_name(),
            };
        }
    }
    c.image.clone()
}

/// `Labels`: `k=v` sorted and joined by `,`.
fn labels(labels: &Option<BTreeMap<String, String>>) -> String {
    let Some(labels) = labels else {
        return String::new();
    };
    let mut all: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
    all.sort();
    all.join(",")
}

/// `Mounts`: volume names (or sources), each cut to 15 cells when truncating.
fn mounts(c: &ContainerSummary, trunc: bool) -> String {
    c.mounts
        .iter()
        .map(|m| {
            let name = if m.name.is_empty() {
                &m.source
            } else {
                &m.name
            };
            if trunc {
                ellipsis(name, 15)
            } else {
                name.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// `Networks`: the network names joined by `,`. docker ranges over a Go map, so with several
/// networks its order is random; here it is sorted.
fn networks(c: &ContainerSummary) -> String {
    match &c.network_settings {
        Some(ns) => ns.networks.keys().cloned().collect::<Vec<_>>().join(","),
        None => String::new(),
    }
}

/// `Platform`: `null` unless the daemon (API ≥ 1.48) sent the image manifest descriptor; then
/// the OCI platform object as Go's JSON encoder writes it.
fn platform(c: &ContainerSummary) -> Value {
    match c
        .image_manifest_descriptor
        .as_ref()
        .and_then(|d| d.platform.as_ref())
    {
        Some(p) => {
            let mut m = Map::new();
            m.insert("architecture".into(), Value::String(p.architecture.clone()));
            m.insert("os".into(), Value::String(p.os.clone()));
            if !p.os_version.is_empty() {
                m.insert("os.version".into(), Value::String(p.os_version.clone()));
            }
            if !p.os_features.is_empty() {
                m.insert(
                    "os.features".into(),
                    Value::Array(p.os_features.iter().cloned().map(Value::String).collect()),
                );
            }
            if !p.variant.is_empty() {
                m.insert("variant".into(), Value::String(p.variant.clone()));
            }
            Value::Object(m)
        }
        None => Value::Null,
    }
}

/// `Size`: `HumanSizeWithPrecision(SizeRw, 3)`, plus ` (virtual …)` when SizeRootFs > 0.
fn size(c: &ContainerSummary) -> String {
    let srw = human_size_with_precision(c.size_rw as f64, 3);
    if c.size_root_fs > 0 {
        format!(
            "{srw} (virtual {})",
            human_size_with_precision(c.size_root_fs as f64, 3)
        )
    } else {
        srw
    }
}

/// docker's `DisplayablePorts`: sorted by (private port, IP, public port, type); ports
/// published under another number come last, one by one; the others are grouped per type
/// (or IP and type) into consecutive ranges.
pub fn displayable_ports(ports: &[Port]) -> String {
    let mut ports: Vec<&Port> = ports.iter().collect();
    ports.sort_by(|a, b| {
        (a.private_port, &a.ip, a.public_port, &a.kind).cmp(&(
            b.private_port,
            &b.ip,
            b.public_port,
            &b.kind,
        ))
    });
    // (key, first, last) in the order keys were created.
    let mut groups: Vec<(String, u16, u16)> = Vec::new();
    let mut result: Vec<String> = Vec::new();
    let mut host_mappings: Vec<String> = Vec::new();
    for port in ports {
        let current = port.private_port;
        let mut key = port.kind.clone();
        if !port.ip.is_empty() {
            if port.public_port != current {
                host_mappings.push(format!(
                    "{}->{}/{}",
                    join_host_port(&port.ip, &port.public_port.to_string()),
                    port.private_port,
                    port.kind
                ));
                continue;
            }
            key = format!("{}/{}", port.ip, port.kind);
        }
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            None => groups.push((key, current, current)),
            Some(g) => {
                if u32::from(current) == u32::from(g.2) + 1 {
                    g.2 = current;
                    continue;
                }
                result.push(form_group(&g.0, g.1, g.2));
                g.1 = current;
                g.2 = current;
            }
        }
    }
    for (key, first, last) in &groups {
        result.push(form_group(key, *first, *last));
    }
    result.extend(host_mappings);
    result.join(", ")
}

fn form_group(key: &str, start: u16, last: u16) -> String {
    let parts: Vec<&str> = key.split('/').collect();
    let (ip, kind) = if parts.len() > 1 {
        (parts[0], parts[1])
    } else {
        ("", parts[0])
    };
    let mut group = start.to_string();
    if start != last {
        group = format!("{group}-{last}");
    }
    if !ip.is_empty() {
        group = format!("{}->{group}", join_host_port(ip, &group));
    }
    format!("{group}/{kind}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::models::{
        ManifestDescriptor, MountPoint, OciPlatform, SummaryNetworkSettings,
    };

    const NOW: i128 = 1_800_000_000_000_000_000;

    fn port(ip: &str, private: u16, public: u16, kind: &str) -> Port {
        Port {
            ip: ip.into(),
            private_port: private,
            public_port: public,
            kind: kind.into(),
        }
    }

    fn base() -> ContainerSummary {
        ContainerSummary {
            id: "7d463d0cc8cf0123456789abcdef0123456789abcdef0123456789abcdef0123".into(),
            names: vec!["/beh-show".into()],
            image: "busybox".into(),
            image_id: "sha256:d592c1a8346a7d24a1b4d4b3d1f9f0b4fe2f6b5e7a2c4f1e0d9c8b7a6f5e4d3c"
                .into(),
            command: "sleep 300".into(),
            created: 1_800_000_000 - 1,
            state: "running".into(),
            status: "Up 1 second".into(),
            ..Default::default()
        }
    }

    fn field(c: &ContainerSummary, trunc: bool, key: &str) -> Value {
        container_row(c, trunc, NOW, &TimeZone::UTC).data()[key].clone()
    }

    #[test]
    fn json_keys_are_dockers() {
        let row = container_row(&base(), true, NOW, &TimeZone::UTC);
        let keys: Vec<&String> = row.data().as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "Command",
                "CreatedAt",
                "ID",
                "Image",
                "Labels",
                "LocalVolumes",
                "Mounts",
                "Names",
                "Networks",
                "Platform",
                "Ports",
                "RunningFor",
                "Size",
                "State",
                "Status"
            ]
        );
        let d = row.data();
        assert_eq!(d["ID"], "7d463d0cc8cf");
        assert_eq!(d["Image"], "busybox");
        assert_eq!(d["Command"], "\"sleep 300\"");
        assert_eq!(d["RunningFor"], "1 second ago");
        assert_eq!(d["CreatedAt"], "2027-01-15 07:59:59 +0000 UTC");
        assert_eq!(d["Platform"], Value::Null);
        assert_eq!(d["Size"], "0B");
        assert_eq!(d["LocalVolumes"], "0");
        assert_eq!(d["Labels"], "");
        let keys: Vec<String> = header().as_object().unwrap().keys().cloned().collect();
        let mut dkeys: Vec<String> = d.as_object().unwrap().keys().cloned().collect();
        dkeys.sort();
        assert_eq!(keys, dkeys);
    }

    #[test]
    fn local_zone_like_go() {
        let at = |tz: Option<&str>| {
            crate::golang::time::time_string(1_800_000_000, &go_local_zone(tz.map(String::from)))
        };
        assert_eq!(at(Some("")), "2027-01-15 08:00:00 +0000 UTC");
        assert_eq!(at(Some("UTC")), "2027-01-15 08:00:00 +0000 UTC");
        assert_eq!(at(Some("garbage")), "2027-01-15 08:00:00 +0000 UTC");
        assert_eq!(at(Some("<+0530>-5:30")), "2027-01-15 08:00:00 +0000 UTC");
        assert_eq!(at(Some("Asia/Kolkata")), "2027-01-15 13:30:00 +0530 IST");
        assert_eq!(at(Some(":Asia/Tokyo")), "2027-01-15 17:00:00 +0900 JST");
        assert_eq!(
            at(Some("/usr/share/zoneinfo/Europe/Berlin")),
            "2027-01-15 09:00:00 +0100 CET"
        );
    }

    #[test]
    fn commands() {
        assert_eq!(command("sleep 300", true), "\"sleep 300\"");
        assert_eq!(
            command("12345678901234567890", true),
            "\"12345678901234567890\""
        );
        assert_eq!(
            command("sh -c 'echo line1; echo line2'", true),
            "\"sh -c 'echo line1; …\""
        );
        assert_eq!(
            command("sh -c 'echo \"a\\tb\" more'", true),
            "\"sh -c 'echo \\\"a\\\\tb\\\" …\""
        );
        assert_eq!(
            command("sh -c 'echo line1; echo line2'", false),
            "\"sh -c 'echo line1; echo line2'\""
        );
        assert_eq!(command("", true), "\"\"");
    }

    #[test]
    fn ellipsis_wide() {
        assert_eq!(ellipsis("日本語日本語日本語日", 20), "日本語日本語日本語日");
        assert_eq!(
            ellipsis("日本語日本語日本語日本", 20),
            "日本語日本語日本語…"
        );
        assert_eq!(
            ellipsis("日本語日本語日本語日本語x", 20),
            "日本語日本語日本語…"
        );
        assert_eq!(ellipsis("abcdefghijklmnopqrsé", 20), "abcdefghijklmnopqrsé");
        assert_eq!(
            ellipsis("abcdefghijklmnopqrsée", 20),
            "abcdefghijklmnopqrs…"
        );
        assert_eq!(ellipsis("abc", 1), "a");
        assert_eq!(ellipsis("abc", 0), "");
    }

    #[test]
    fn names_and_links() {
        let n = vec!["/beh-linked/myalias".to_string(), "/beh-ports".to_string()];
        assert_eq!(names(&n, true), "beh-ports");
        assert_eq!(names(&n, false), "beh-linked/myalias,beh-ports");
        assert_eq!(names(&["/a/b".to_string()], true), "a/b");
        assert_eq!(names(&[], true), "");
    }

    #[test]
    fn images() {
        let mut c = base();
        assert_eq!(field(&c, true, "Image"), "busybox");
        c.image = "busybox:latest".into();
        assert_eq!(field(&c, true, "Image"), "busybox:latest");
        c.image = "localhost:5000/busybox@sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71".into();
        assert_eq!(field(&c, true, "Image"), "localhost:5000/busybox");
        assert_eq!(field(&c, false, "Image"), c.image.as_str());
        c.image = "docker.io/library/alpine:3@sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71".into();
        assert_eq!(field(&c, true, "Image"), "alpine:3");
        c.image = c.image_id.clone();
        assert_eq!(field(&c, true, "Image"), "d592c1a8346a");
        c.image = "d592c1a8346a".into();
        assert_eq!(field(&c, true, "Image"), "d592c1a8346a");
        c.image = "Bad/Name".into();
        assert_eq!(field(&c, true, "Image"), "Bad/Name");
        c.image = String::new();
        assert_eq!(field(&c, true, "Image"), "<no image>");
    }

    #[test]
    fn ports() {
        let mut ranges = Vec::new();
        for n in 17100..=17102 {
            ranges.push(port("0.0.0.0", n, n, "tcp"));
            ranges.push(port("::", n, n, "tcp"));
        }
        ranges.push(port("0.0.0.0", 17200, 17200, "udp"));
        ranges.push(port("::", 17200, 17200, "udp"));
        let cases = [
            (
                vec![port("0.0.0.0", 80, 18090, "tcp"), port("::", 80, 18090, "tcp")],
                "0.0.0.0:18090->80/tcp, [::]:18090->80/tcp",
            ),
            (
                ranges,
                "0.0.0.0:17100-17102->17100-17102/tcp, [::]:17100-17102->17100-17102/tcp, 0.0.0.0:17200->17200/udp, [::]:17200->17200/udp",
            ),
            (
                vec![
                    port("", 6000, 0, "tcp"),
                    port("", 6001, 0, "tcp"),
                    port("127.0.0.1", 81, 18081, "udp"),
                    port("0.0.0.0", 7000, 17000, "tcp"),
                    port("0.0.0.0", 7001, 17001, "tcp"),
                ],
                "6000-6001/tcp, 127.0.0.1:18081->81/udp, 0.0.0.0:17000->7000/tcp, 0.0.0.0:17001->7001/tcp",
            ),
            // A gap flushes the earlier group first; key order is creation order.
            (
                vec![
                    port("", 80, 0, "tcp"),
                    port("", 81, 0, "tcp"),
                    port("", 90, 0, "udp"),
                    port("", 95, 0, "tcp"),
                ],
                "80-81/tcp, 95/tcp, 90/udp",
            ),
            (vec![], ""),
            (
                vec![port("", 65535, 0, "tcp"), port("", 0, 0, "tcp")],
                "0/tcp, 65535/tcp",
            ),
        ];
        for (i, (ports, want)) in cases.into_iter().enumerate() {
            assert_eq!(displayable_ports(&ports), want, "case {i}");
        }
    }

    #[test]
    fn labels_mounts_networks_size() {
        let mut c = base();
        let mut l = BTreeMap::new();
        l.insert("z".to_string(), "1".to_string());
        l.insert("a.b".to_string(), "".to_string());
        l.insert("a".to_string(), "x=y".to_string());
        c.labels = Some(l);
        assert_eq!(field(&c, true, "Labels"), "a.b=,a=x=y,z=1");
        let row = container_row(&c, true, NOW, &TimeZone::UTC);
        assert_eq!(row.call("Label", &[json!("a")]), Some(Ok(json!("x=y"))));
        assert_eq!(row.call("Label", &[json!("nope")]), Some(Ok(json!(""))));
        assert!(row.call("Label", &[]).unwrap().is_err());
        assert!(row.call("Other", &[]).is_none());
        c.mounts = vec![
            MountPoint {
                kind: "volume".into(),
                name: "0123456789abcdef0123".into(),
                source: "/var/lib/docker/volumes/x/_data".into(),
                driver: "local".into(),
                ..Default::default()
            },
            MountPoint {
                kind: "bind".into(),
                source: "/tmp".into(),
                ..Default::default()
            },
        ];
        assert_eq!(field(&c, true, "Mounts"), "0123456789abcd…,/tmp");
        assert_eq!(field(&c, false, "Mounts"), "0123456789abcdef0123,/tmp");
        assert_eq!(field(&c, true, "LocalVolumes"), "1");
        let mut nets = BTreeMap::new();
        nets.insert("bridge".to_string(), json!({}));
        nets.insert("alpha".to_string(), json!({}));
        c.network_settings = Some(SummaryNetworkSettings { networks: nets });
        assert_eq!(field(&c, true, "Networks"), "alpha,bridge");
        c.size_rw = 0;
        c.size_root_fs = 1_982_298;
        assert_eq!(field(&c, true, "Size"), "0B (virtual 1.98MB)");
        c.size_rw = 1234;
        c.size_root_fs = 0;
        assert_eq!(field(&c, true, "Size"), "1.23kB");
        c.image_manifest_descriptor = Some(ManifestDescriptor {
            platform: Some(OciPlatform {
                architecture: "arm64".into(),
                os: "linux".into(),
                variant: "v8".into(),
                ..Default::default()
            }),
            ..Default::default()
        });
        assert_eq!(
            field(&c, true, "Platform"),
            json!({"architecture": "arm64", "os": "linux", "variant": "v8"})
        );
    }

    #[test]
    fn formats_and_headers() {
        assert_eq!(container_format("", false, false), DEFAULT_TABLE_FORMAT);
        assert_eq!(
            container_format("table", false, true),
            format!("{DEFAULT_TABLE_FORMAT}\\t{{{{.Size}}}}")
        );
        assert_eq!(container_format("table", true, true), "{{.ID}}");
        assert_eq!(container_format("{{.Names}}", true, false), "{{.ID}}");
        assert_eq!(container_format("json", false, false), "json");
        assert!(container_format("raw", false, true).ends_with("size: {{.Size}}\\n"));
        assert_eq!(header()["RunningFor"], "CREATED");
        assert_eq!(header()["LocalVolumes"], "LOCAL VOLUMES");
        let e = empty_row();
        assert_eq!(e.data()["Image"], "<no image>");
        assert_eq!(e.data()["Command"], "\"\"");
    }
}
