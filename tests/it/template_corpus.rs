//! Template corpus: format strings run by the reference docker CLI (28.2.2) against the test
//! engine, with docker's exact stdout/stderr captured in tests/data/templates/*.json
//! (regenerate with `python3 tests/data/templates/capture.py`). Here dkr's template engine,
//! formatter and tabwriter run on the same data and must print the same bytes.

use dkr::render::format::{self, FormatError, Row};
use dkr::render::table::TabWriter;
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;

fn load(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/templates")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// A `docker ps`/`docker images` row: the captured `{{json .}}` object, the Go type docker's
/// template sees, and docker's `Label` method (ContainerContext only).
struct CtxRow {
    data: Value,
    type_name: String,
}

impl Row for CtxRow {
    fn data(&self) -> &Value {
        &self.data
    }

    fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        if name != "Label" || self.type_name != "*formatter.ContainerContext" {
            return None;
        }
        Some(match args {
            [Value::String(key)] => {
                // Labels is "k=v,k2=v2" sorted; the corpus labels hold no commas.
                let labels = self.data["Labels"].as_str().unwrap_or("");
                let v = labels
                    .split(',')
                    .filter_map(|kv| kv.split_once('='))
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v)
                    .unwrap_or("");
                Ok(Value::String(v.to_string()))
            }
            _ => Err(format!(
                "wrong number of args for Label: want 1 got {}",
                args.len()
            )),
        })
    }

    fn type_name(&self) -> Option<&str> {
        Some(&self.type_name)
    }
}

fn container_header() -> Value {
    json!({
        "ID": "CONTAINER ID", "Names": "NAMES", "Image": "IMAGE", "Command": "COMMAND",
        "CreatedAt": "CREATED AT", "RunningFor": "CREATED", "Ports": "PORTS", "State": "STATE",
        "Status": "STATUS", "Size": "SIZE", "Labels": "LABELS", "Mounts": "MOUNTS",
        "LocalVolumes": "LOCAL VOLUMES", "Networks": "NETWORKS", "Platform": "PLATFORM"
    })
}

fn image_header() -> Value {
    json!({
        "ID": "IMAGE ID", "Repository": "REPOSITORY", "Tag": "TAG", "Digest": "DIGEST",
        "CreatedSince": "CREATED", "CreatedAt": "CREATED AT", "Size": "SIZE",
        "Containers": "CONTAINERS", "VirtualSize": "SIZE", "SharedSize": "SHARED SIZE",
        "UniqueSize": "UNIQUE SIZE"
    })
}

/// What docker's `NewContainerContext()` returns for a zero container (the ps pre-check's dot).
fn empty_container() -> CtxRow {
    CtxRow {
        data: json!({
            "Command": "\"\"", "CreatedAt": "1970-01-01 00:00:00 +0000 UTC", "ID": "",
            "Image": "<no image>", "Labels": "", "LocalVolumes": "0", "Mounts": "", "Names": "",
            "Networks": "", "Platform": null, "Ports": "", "RunningFor": "56 years ago",
            "Size": "0B", "State": "", "Status": ""
        }),
        type_name: "*formatter.ContainerContext".into(),
    }
}

struct Outcome {
    stdout: String,
    stderr: String,
}

/// `docker ps`: raw-format pre-check, then the formatter. The captured rows hold sizes (their
/// `{{json .}}` capture used `.Size`); like docker, ask for sizes only when the template reads
/// `.Size`, else the SIZE field is "0B".
fn run_ps(spec: &str, rows: &[CtxRow]) -> Outcome {
    let result = format::precheck(spec, &empty_container()).and_then(|used| {
        let rows: Vec<CtxRow> = rows
            .iter()
            .map(|r| {
                let mut data = r.data.clone();
                if !used.contains("Size") {
                    data["Size"] = json!("0B");
                }
                CtxRow {
                    data,
                    type_name: r.type_name.clone(),
                }
            })
            .collect();
        let refs: Vec<&dyn Row> = rows.iter().map(|r| r as &dyn Row).collect();
        format::render_to_vec(spec, &container_header(), &refs)
    });
    outcome(result)
}

/// `docker images`: the formatter only.
fn run_images(spec: &str, rows: &[CtxRow]) -> Outcome {
    let refs: Vec<&dyn Row> = rows.iter().map(|r| r as &dyn Row).collect();
    outcome(format::render_to_vec(spec, &image_header(), &refs))
}

fn outcome(r: Result<Vec<u8>, FormatError>) -> Outcome {
    match r {
        Ok(b) => Outcome {
            stdout: String::from_utf8_lossy(&b).into_owned(),
            stderr: String::new(),
        },
        Err(e) => Outcome {
            stdout: String::new(),
            stderr: format!("{e}\n"),
        },
    }
}

fn check_list_corpus(file: &str, run: fn(&str, &[CtxRow]) -> Outcome) -> (usize, Vec<String>) {
    let corpus = load(file);
    let type_name = corpus["type"].as_str().unwrap().to_string();
    let rows: Vec<CtxRow> = corpus["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| CtxRow {
            data: d.clone(),
            type_name: type_name.clone(),
        })
        .collect();
    let mut failures = Vec::new();
    let cases = corpus["cases"].as_array().unwrap();
    for case in cases {
        let spec = case["format"].as_str().unwrap();
        let want_out = case["stdout"].as_str().unwrap();
        let want_err = case["stderr"].as_str().unwrap();
        let got = run(spec, &rows);
        let same = got.stdout == want_out && got.stderr == want_err;
        if KNOWN_DIFFERENCES.iter().any(|(f, _)| *f == spec) {
            if same {
                failures.push(format!(
                    "{file}: {spec:?} matches docker now; drop it from KNOWN_DIFFERENCES"
                ));
            }
            continue;
        }
        if !same {
            failures.push(format!(
                "{file}: --format {spec:?}\n  docker stdout: {want_out:?}\n  dkr    stdout: {:?}\n  docker stderr: {want_err:?}\n  dkr    stderr: {:?}",
                got.stdout, got.stderr
            ));
        }
    }
    (cases.len(), failures)
}

fn check_version_corpus() -> (usize, Vec<String>) {
    let corpus = load("version.json");
    let data = corpus["data"].clone();
    let mut failures = Vec::new();
    let cases = corpus["cases"].as_array().unwrap();
    for case in cases {
        let text = case["template"].as_str().unwrap();
        let want = case["stdout"].as_str().unwrap();
        assert_eq!(
            case["exit"], 0,
            "version corpus holds only successful templates: {text:?}"
        );
        let tmpl = dkr::render::template::Template::parse_named("version", text)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let mut out = Vec::new();
        let r = tmpl.execute(&mut out, &data);
        // docker version writes through tabwriter(20, 1, 1, ' ', 0) and adds a newline
        let mut tw = TabWriter::new(Vec::new(), 20, 1, 1, b' ', 0);
        tw.write_all(&out).unwrap();
        tw.write_all(b"\n").unwrap();
        let got = String::from_utf8_lossy(&tw.into_inner().unwrap()).into_owned();
        if r.is_err() || got != want {
            failures.push(format!(
                "version.json: {text:?}\n  docker: {want:?}\n  dkr:    {got:?} {r:?}"
            ));
        }
    }
    (cases.len(), failures)
}

/// Cases where dkr knowingly differs from docker, with the reason. They are still run: if one
/// starts matching, the entry must go.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[(
    "{{.Platform.Foo}}",
    "a null field cannot tell which Go struct type it stands for (*formatter.Platform)",
)];

#[test]
fn template_corpus_matches_docker() {
    let mut total = 0;
    let mut failures = Vec::new();
    for (n, f) in [
        check_list_corpus("ps.json", run_ps),
        check_list_corpus("images.json", run_images),
        check_version_corpus(),
    ] {
        total += n;
        failures.extend(f);
    }
    assert!(total >= 40, "corpus too small: {total}");
    assert!(
        failures.is_empty(),
        "{} of {total} corpus cases differ from docker:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
