//! Replays every committed fuzz corpus file (`fuzz/corpus/<target>/*`) through the same target
//! functions the fuzzer runs (`fuzz/src/lib.rs`), as an ordinary stable test: every input that
//! once crashed a parser stays fixed, and the seeds keep exercising each parser's edges.
//!
//! No engine needed. The fuzzer itself needs nightly instrumentation; see fuzz/Cargo.toml.

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

fn corpus_dir(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target)
}

fn replay(target: &str) {
    let (_, run) = harness::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .unwrap_or_else(|| panic!("no fuzz target {target}"));
    let dir = corpus_dir(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no seeds", dir.display());
    let mut failed = Vec::new();
    for path in &files {
        let data = std::fs::read(path).expect("read corpus file");
        if catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: {} of {} corpus inputs panicked:\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

/// Every target has a corpus directory, and every corpus directory a target (a renamed target
/// must not leave its corpus unreplayed).
#[test]
fn every_target_has_a_corpus() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut dirs: Vec<String> = std::fs::read_dir(&root)
        .expect("fuzz/corpus")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    let mut names: Vec<String> = harness::TARGETS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    names.sort();
    assert_eq!(dirs, names);
}

/// The committed corpora stay small (README: at most ~50 files / 200 KB per target).
#[test]
fn corpora_stay_small() {
    for (target, _) in harness::TARGETS {
        let dir = corpus_dir(target);
        let (mut n, mut bytes) = (0, 0);
        for e in std::fs::read_dir(&dir).expect("corpus dir") {
            let meta = e.expect("entry").metadata().expect("metadata");
            n += 1;
            bytes += meta.len();
        }
        assert!(
            n <= 50,
            "{target}: {n} files; minimise (bench/reliability.sh says how)"
        );
        assert!(bytes <= 200 * 1024, "{target}: {bytes} bytes; minimise");
    }
}

macro_rules! replay_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                replay(stringify!($name));
            }
        )*
    };
}

replay_tests!(
    http_response,
    demux,
    json_stream,
    progress,
    template,
    reference,
    port_spec,
    env_file,
    timestamp,
    config,
    engine_json,
);
