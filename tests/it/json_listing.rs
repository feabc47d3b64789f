//! dkr's own `ps --json` and `images --json` (issue #15) against the test engines: every field
//! of a container with labels, ports, mounts and networks, and of an image with labels,
//! parsed with serde_json and type-checked; the conflicts with `-q`/`--format`.

use serde_json::Value;

use crate::support::unique;

/// `v` is a string that parses as RFC 3339.
fn assert_rfc3339(v: &Value) {
    let s = v.as_str().unwrap_or_else(|| panic!("not a string: {v}"));
    assert!(
        s.parse::<jiff::Timestamp>().is_ok() && s.ends_with('Z'),
        "not RFC 3339 UTC: {s}"
    );
}

fn assert_string_map(v: &Value) {
    let m = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"));
    assert!(m.values().all(Value::is_string), "{v}");
}

fn assert_strings(v: &Value) {
    let a = v.as_array().unwrap_or_else(|| panic!("not a list: {v}"));
    assert!(a.iter().all(Value::is_string), "{v}");
}

/// Each stdout line as a JSON object with exactly `keys`.
fn objects(out: &str, keys: &[&str]) -> Vec<serde_json::Map<String, Value>> {
    out.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
            let m = v.as_object().unwrap_or_else(|| panic!("{l}")).clone();
            let mut got: Vec<&str> = m.keys().map(String::as_str).collect();
            got.sort_unstable();
            let mut want = keys.to_vec();
            want.sort_unstable();
            assert_eq!(got, want, "{l}");
            m
        })
        .collect()
}

const CONTAINER_KEYS: &[&str] = &[
    "ID",
    "Names",
    "Image",
    "ImageID",
    "Command",
    "CreatedAt",
    "State",
    "Status",
    "Ports",
    "Labels",
    "Mounts",
    "Networks",
    "LocalVolumes",
    "SizeRw",
    "SizeRootFs",
];

const IMAGE_KEYS: &[&str] = &[
    "ID",
    "ParentID",
    "RepoTags",
    "RepoDigests",
    "CreatedAt",
    "Size",
    "SharedSize",
    "UniqueSize",
    "Containers",
    "Labels",
];

on_both_engines! {
    /// A container with two labels, a published and an unpublished port, a bind mount and an
    /// anonymous volume, on the default network: `ps --json -s` types every field.
    fn ps_json_types_every_field() {
        let e = engine_or_skip!();
        let name = unique("psjson");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "run", "-d", "--name", &name,
            "--label", "dkr.a=1", "--label", "dkr.b=two words",
            "-p", "127.0.0.1::80", "--expose", "81",
            "-v", "/tmp:/host:ro", "-v", "/data",
            "busybox", "sleep", "300",
        ]);
        let filter = format!("name={name}");
        let out = e.dkr(&["ps", "--json", "-s", "--filter", &filter]);
        assert_eq!((out.code, out.err()), (0, String::new()), "{out}");
        let rows = objects(&out.out(), CONTAINER_KEYS);
        assert_eq!(rows.len(), 1, "{out}");
        let c = &rows[0];
        let id = e.inspect(&name)["Id"].as_str().unwrap().to_string();
        assert_eq!(c["ID"], id.as_str());
        assert_eq!(c["Names"], serde_json::json!([name]));
        for k in ["Image", "ImageID", "Command", "State", "Status"] {
            assert!(c[k].is_string(), "{k}: {}", c[k]);
        }
        assert_eq!(c["State"], "running");
        assert_eq!(c["Command"], "sleep 300");
        assert_rfc3339(&c["CreatedAt"]);
        assert_eq!(c["Labels"]["dkr.a"], "1");
        assert_eq!(c["Labels"]["dkr.b"], "two words");
        assert_string_map(&c["Labels"]);
        let ports = c["Ports"].as_array().unwrap();
        assert!(!ports.is_empty(), "{}", c["Ports"]);
        for p in ports {
            assert!(p["PrivatePort"].is_u64(), "{p}");
            assert!(p["PublicPort"].is_u64() || p["PublicPort"].is_null(), "{p}");
            assert!(p["IP"].is_string() || p["IP"].is_null(), "{p}");
            assert!(["tcp", "udp"].contains(&p["Type"].as_str().unwrap()), "{p}");
        }
        let published = ports.iter().find(|p| p["PrivatePort"] == 80).expect("port 80");
        assert_eq!(published["IP"], "127.0.0.1");
        assert!(published["PublicPort"].as_u64().unwrap() > 0);
        let mounts = c["Mounts"].as_array().unwrap();
        let bind = mounts
            .iter()
            .find(|m| m["Destination"] == "/host")
            .unwrap_or_else(|| panic!("{}", c["Mounts"]));
        assert_eq!((&bind["Type"], &bind["RW"]), (&Value::from("bind"), &Value::Bool(false)));
        let volume = mounts
            .iter()
            .find(|m| m["Destination"] == "/data")
            .unwrap_or_else(|| panic!("{}", c["Mounts"]));
        assert_eq!((&volume["Type"], &volume["RW"]), (&Value::from("volume"), &Value::Bool(true)));
        for m in mounts {
            for k in ["Type", "Name", "Source", "Destination", "Driver", "Mode", "Propagation"] {
                assert!(m[k].is_string(), "{k}: {m}");
            }
        }
        assert_strings(&c["Networks"]);
        assert_eq!(c["Networks"].as_array().unwrap().len(), 1, "{}", c["Networks"]);
        assert!(c["LocalVolumes"].as_u64().unwrap() >= 1, "{}", c["LocalVolumes"]);
        assert!(c["SizeRw"].is_i64() && c["SizeRootFs"].is_i64(), "{c:?}");
        // Without `-s` the sizes are null; `--no-trunc` changes nothing.
        let out = e.dkr(&["ps", "--json", "--no-trunc", "--filter", &filter]);
        let rows = objects(&out.out(), CONTAINER_KEYS);
        assert_eq!((&rows[0]["SizeRw"], &rows[0]["SizeRootFs"]), (&Value::Null, &Value::Null));
        assert_eq!(rows[0]["ID"], id.as_str());
        // The config's psFormat is docker's default for the table, not for `--json`.
        let configured = crate::support::env::Env::new(&crate::support::engine_host().unwrap())
            .with_config(r#"{"psFormat": "{{.Names}}", "imagesFormat": "{{.ID}}"}"#);
        let out = configured.dkr(&["ps", "--json", "--filter", &filter]);
        assert_eq!(objects(&out.out(), CONTAINER_KEYS)[0]["ID"], id.as_str());
        let out = configured.dkr(&["images", "--json", "busybox"]);
        assert!(!objects(&out.out(), IMAGE_KEYS).is_empty(), "{out}");
        // Stopped: listed with -a only.
        e.docker_ok(&["stop", "-t", "0", &name]);
        assert_eq!(e.dkr(&["ps", "--json", "--filter", &filter]).out(), "");
        let out = e.dkr(&["ps", "--json", "-a", "--filter", &filter]);
        assert_eq!(objects(&out.out(), CONTAINER_KEYS)[0]["State"], "exited");
    }

    /// An image committed with labels (our own tag): `images --json REPO` types every field.
    fn images_json_types_every_field() {
        let e = engine_or_skip!();
        let name = unique("imgjson");
        let _c = e.cleanup(&[&name]);
        let repo = format!("localhost/dkr-json-{name}");
        let tag = format!("{repo}:1");
        e.docker_ok(&["create", "--name", &name, "busybox", "true"]);
        // dkr's commit: docker's sends Podman no body, which Podman refuses.
        let commit = e.dkr(&[
            "commit", "--change", "LABEL dkr.img=yes", "--change", "LABEL dkr.n=2", &name, &tag,
        ]);
        assert_eq!(commit.code, 0, "{commit}");
        let out = e.dkr(&["images", "--json", &repo]);
        let _ = e.docker(&["rmi", &tag]);
        assert_eq!((out.code, out.err()), (0, String::new()), "{out}");
        let rows = objects(&out.out(), IMAGE_KEYS);
        assert_eq!(rows.len(), 1, "{out}");
        let i = &rows[0];
        assert!(i["ID"].as_str().unwrap().starts_with("sha256:"), "{}", i["ID"]);
        assert!(i["ParentID"].is_string() || i["ParentID"].is_null());
        assert_strings(&i["RepoTags"]);
        assert!(i["RepoTags"].as_array().unwrap().iter().any(|t| t == tag.as_str()), "{}", i["RepoTags"]);
        assert_strings(&i["RepoDigests"]);
        assert_rfc3339(&i["CreatedAt"]);
        assert!(i["Size"].as_i64().unwrap() > 0);
        for k in ["SharedSize", "UniqueSize", "Containers"] {
            assert!(i[k].is_i64() || i[k].is_null(), "{k}: {}", i[k]);
        }
        assert_eq!(i["Labels"]["dkr.img"], "yes");
        assert_eq!(i["Labels"]["dkr.n"], "2");
        assert_string_map(&i["Labels"]);
    }

    /// `--json` with `-q` or a `--format`: an error before any request, exit 1; an empty
    /// `--format` is docker's default, no conflict.
    fn json_conflicts() {
        let e = engine_or_skip!();
        for (args, flag) in [
            (&["ps", "--json", "-q"][..], "--quiet"),
            (&["ps", "--json", "--format", "{{.ID}}"], "--format"),
            (&["images", "--json", "-q"], "--quiet"),
            (&["images", "--json", "--format", "json"], "--format"),
            (&["images", "--json", "--tree"], "--tree"),
        ] {
            let out = e.dkr(args);
            assert_eq!(
                (out.code, out.out(), out.err()),
                (
                    1,
                    String::new(),
                    format!("conflicting options: cannot specify both --json and {flag}\n")
                ),
                "{args:?}"
            );
        }
        let label = format!("label=dkr.none={}", unique("none"));
        let out = e.dkr(&["ps", "--json", "--format", "", "-f", &label]);
        assert_eq!((out.code, out.out(), out.err()), (0, String::new(), String::new()));
    }
}
