//! Golden outputs: the most important cases' stdout, stderr and exit code as docker 28.2.2
//! printed them against the test engine (normalised: docker's name for itself is dkr's),
//! stored in tests/data/golden/cases.json, so that a machine without the reference docker
//! still checks them. Where the reference is docker 28.x, each recording is also checked
//! against it live; `DKR_RECORD_GOLDEN=1` records the file again from it.

use crate::support::{diff_report, normalize_docker, reference_is_28, shell_words, Outcome};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Each case: a name and the arguments. They depend on nothing but the test engine's
/// busybox:latest, so the recordings hold on any machine.
const CASES: &[(&str, &[&str])] = &[
    (
        "run_echo",
        &["run", "--rm", "busybox", "echo", "hello", "world"],
    ),
    (
        "run_streams_and_exit_code",
        &[
            "run",
            "--rm",
            "busybox",
            "sh",
            "-c",
            "echo out; echo err >&2; exit 3",
        ],
    ),
    ("run_no_image", &["run"]),
    ("run_bad_publish", &["run", "-p", "notaport", "busybox"]),
    ("ps_unknown_flag", &["ps", "--bogus"]),
    (
        "ps_empty_table",
        &["ps", "-a", "--filter", "name=^/nosuch-golden$"],
    ),
    ("ps_bad_filter", &["ps", "--filter", "bogus=1"]),
    (
        "images_format",
        &[
            "images",
            "--format",
            "{{.Repository}}:{{.Tag}}",
            "busybox:latest",
        ],
    ),
    (
        "images_empty_table",
        &["images", "--filter", "reference=nosuch-golden"],
    ),
    ("images_too_many_args", &["images", "a", "b", "c"]),
    ("logs_no_such_container", &["logs", "nosuch-golden"]),
    ("stop_no_such_container", &["stop", "nosuch-golden"]),
    ("pull_uppercase", &["pull", "UPPER"]),
    ("commit_no_args", &["commit"]),
    ("logout_not_logged_in", &["logout"]),
];

fn file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden/cases.json")
}

fn to_json(o: &Outcome) -> serde_json::Value {
    serde_json::json!({
        "stdout": String::from_utf8_lossy(&o.stdout),
        "stderr": String::from_utf8_lossy(&o.stderr),
        "code": o.code,
    })
}

fn from_json(v: &serde_json::Value) -> Outcome {
    let text = |k: &str| v[k].as_str().unwrap_or_default().as_bytes().to_vec();
    Outcome {
        stdout: text("stdout"),
        stderr: text("stderr"),
        code: v["code"].as_i64().unwrap_or(-1) as i32,
    }
}

#[test]
fn golden_outputs() {
    // The Docker engine only: the recordings are docker's on it.
    let Some(env) = crate::support::env::engine() else {
        return;
    };
    if std::env::var("DKR_RECORD_GOLDEN").as_deref() == Ok("1") {
        assert!(
            reference_is_28(),
            "recording needs the reference docker 28.x"
        );
        let mut recorded = BTreeMap::new();
        for (name, args) in CASES {
            let o = normalize_docker(&env.docker(args));
            let mut v = to_json(&o);
            v["args"] = serde_json::json!(args);
            recorded.insert(name.to_string(), v);
        }
        let text = serde_json::to_string_pretty(&recorded).unwrap() + "\n";
        std::fs::write(file(), text).unwrap();
    }
    let text = std::fs::read_to_string(file()).unwrap();
    let golden: BTreeMap<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut problems = Vec::new();
    for (name, args) in CASES {
        let Some(v) = golden.get(*name) else {
            problems.push(format!("{name}: not recorded (DKR_RECORD_GOLDEN=1)"));
            continue;
        };
        let want = from_json(v);
        if reference_is_28() {
            let live = normalize_docker(&env.docker(args));
            if live != want {
                problems.push(format!(
                    "{name}: docker {} no longer prints its recording (DKR_RECORD_GOLDEN=1)\n{}",
                    shell_words(args),
                    diff_report(&want, &live)
                ));
            }
        }
        let got = env.dkr(args);
        if got != want {
            problems.push(format!(
                "{name}: dkr {} differs from docker 28.2.2's recording\n{}",
                shell_words(args),
                diff_report(&want, &got)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
