//! The integration test suite, one binary: `support` holds the helpers, every other module
//! holds the tests of one command or area.

// A test that cannot set up fails on the spot: unwrapping is how it says so (clippy.toml
// allows it inside #[test] functions; this extends it to the helpers they share).
#![allow(clippy::unwrap_used)]

#[macro_use]
mod support;

mod commit;
mod completions;
mod context;
mod cp;
mod create;
mod engine_client;
mod exec;
mod faults;
mod fuzz_corpus;
mod global;
mod golden;
mod help;
mod images;
mod inspect;
mod json_listing;
mod kill;
mod login;
mod logs;
mod port;
mod ps;
mod pty;
mod pull;
mod pull_progress;
mod push;
mod reliability;
mod restart;
mod rm;
mod rmi;
mod run;
mod ssh;
mod start;
mod stop;
mod tag;
mod template_corpus;
mod wait;

/// Every `.rs` file under `tests/it/` is a module of this binary (a file nobody declares would
/// never run), and `tests/` has no other test target beside `it/`.
#[test]
fn every_test_file_is_part_of_the_binary() {
    use std::path::Path;
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let it = tests.join("it");
    let declared = |file: &Path| -> Vec<String> {
        std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .filter_map(|l| {
                let l = l
                    .trim_start()
                    .strip_prefix("pub ")
                    .unwrap_or(l.trim_start());
                l.strip_prefix("mod ")?
                    .strip_suffix(';')
                    .map(str::to_string)
            })
            .collect()
    };
    let mut missing = Vec::new();
    for (dir, parent) in [
        (it.clone(), it.join("main.rs")),
        (it.join("support"), it.join("support/mod.rs")),
    ] {
        let mods = declared(&parent);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if path.is_dir() {
                assert!(
                    path == it.join("support"),
                    "unexpected directory {}",
                    path.display()
                );
                continue;
            }
            if path.extension().is_some_and(|e| e == "rs")
                && !["main", "mod"].contains(&stem)
                && !mods.iter().any(|m| m == stem)
            {
                missing.push(path.display().to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "test files not declared as modules: {missing:?}"
    );
    let mut others = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        let is_rs = path.extension().is_some_and(|e| e == "rs");
        let is_target_dir = path.is_dir() && path.join("main.rs").exists() && path != it;
        if is_rs || is_target_dir {
            others.push(path.display().to_string());
        }
    }
    assert!(
        others.is_empty(),
        "test targets outside tests/it/: {others:?}"
    );
}
