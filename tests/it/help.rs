//! `--help` against the reference docker: cobra's layout byte for byte (program name swapped)
//! for every command whose help is docker's, in both spellings. `run --help` is not there yet
//! (flag defaults such as `(default [])` and multi-line usages of its flags), nor `-h` (docker
//! first says `Flag shorthand -h has been deprecated, use --help`), nor hiding the flags an
//! older daemon lacks (docker pings for `--help`; run here with no daemon).

use crate::support::env::Env;

fn env() -> Option<Env> {
    crate::support::engine_host().map(|h| Env::new(&h))
}

#[test]
fn help_matches_docker() {
    let Some(env) = env() else { return };
    for path in [
        &["ps"][..],
        &["container", "ls"],
        &["container", "list"],
        &["images"],
        &["image", "ls"],
        &["logs"],
        &["container", "logs"],
        &["stop"],
        &["container", "stop"],
        &["commit"],
        &["container", "commit"],
        &["login"],
        &["logout"],
        &["version"],
    ] {
        // No daemon: docker hides flags the daemon's API version lacks (`images --tree` below
        // 1.47), which dkr's help does not do yet; without one both show every flag.
        let mut args = vec!["-H", "unix:///nonexistent-dkr.sock"];
        args.extend_from_slice(path);
        args.push("--help");
        env.compare(&args);
    }
}

/// `pull --help` is docker's plus dkr's own flags, each marked `(dkr)` (issue #14): without
/// those entries the text is docker's byte for byte.
#[test]
fn pull_help_is_dockers_plus_marked_extensions() {
    let Some(env) = env() else { return };
    if crate::support::skip_comparison() {
        return;
    }
    for path in [&["pull"][..], &["image", "pull"]] {
        let mut args = vec!["-H", "unix:///nonexistent-dkr.sock"];
        args.extend_from_slice(path);
        args.push("--help");
        let docker = crate::support::normalize_docker(&env.docker(&args));
        let dkr = env.dkr(&args);
        assert_eq!(
            (dkr.code, dkr.err(), without_dkr_flags(&dkr.out())),
            (docker.code, docker.err(), docker.out()),
            "{args:?}"
        );
        assert!(dkr.out().contains("--progress string"), "{}", dkr.out());
    }
}

/// Help text without the flag entries (a `-`/`--` line and its indented continuation lines)
/// that say `(dkr)`.
pub fn without_dkr_flags(help: &str) -> String {
    let mut entries: Vec<String> = Vec::new();
    for line in help.split_inclusive('\n') {
        let continuation = line.starts_with("      ")
            && !line.trim_start().starts_with('-')
            && entries
                .last()
                .is_some_and(|e| e.trim_start().starts_with('-'));
        match entries.last_mut() {
            Some(last) if continuation => last.push_str(line),
            _ => entries.push(line.to_string()),
        }
    }
    entries.retain(|e| !(e.trim_start().starts_with('-') && e.contains("(dkr)")));
    entries.concat()
}

/// `dkr help COMMAND` is that command's help; an unknown topic is cobra's error (exit 1).
#[test]
fn help_topics_match_docker() {
    let Some(env) = env() else { return };
    for args in [
        &["help", "ps"][..],
        &["help", "container", "ls"],
        &["help", "logs"],
        &["help", "bogus"],
    ] {
        let mut a = vec!["-H", "unix:///nonexistent-dkr.sock"];
        a.extend_from_slice(args);
        env.compare(&a);
    }
}

/// `dkr container --help` / `dkr image --help` (and the bare group, on stderr) in docker's
/// layout, listing dkr's own subcommands: the same header and footer as docker's, and every
/// command line exactly as docker prints it (docker has more commands).
#[test]
fn group_help_has_docker_layout() {
    let Some(env) = env() else { return };
    if crate::support::skip_comparison() {
        return;
    }
    for (group, args) in [
        ("container", &["container", "--help"][..]),
        ("image", &["image", "--help"]),
        ("container", &["container"]),
    ] {
        let docker = crate::support::normalize_docker(&env.docker(args));
        let dkr = env.dkr(args);
        assert_eq!((dkr.code, docker.code), (0, 0), "{args:?}");
        let text = |o: &crate::support::Outcome| {
            if args.len() == 1 {
                o.err()
            } else {
                o.out()
            }
        };
        let (want, got) = (text(&docker), text(&dkr));
        assert!(!got.is_empty(), "{args:?}: nothing on the expected stream");
        let want_lines: Vec<&str> = want.lines().collect();
        let got_lines: Vec<&str> = got.lines().collect();
        assert_eq!(got_lines[..5], want_lines[..5], "{args:?}: header");
        assert_eq!(
            got_lines[got_lines.len() - 2..],
            want_lines[want_lines.len() - 2..],
            "{args:?}: footer"
        );
        let commands = &got_lines[5..got_lines.len() - 2];
        assert!(!commands.is_empty(), "{group}: no commands listed");
        for line in commands {
            assert!(
                want_lines.contains(line),
                "{args:?}: {line:?} is not how docker lists it"
            );
        }
    }
}

/// `dkr --help` in docker's layout: its sections with dkr's commands (each line as docker
/// prints it, `completion` being dkr's own), Global Options and the footer byte for byte.
#[test]
fn top_level_help_has_docker_layout() {
    let Some(env) = env() else { return };
    if crate::support::skip_comparison() {
        return;
    }
    let docker = env.docker(&["--help"]).out();
    let dkr = env.dkr(&["--help"]);
    assert_eq!(dkr.code, 0);
    let got = dkr.out();
    let tail = |s: &str| s[s.find("\nGlobal Options:\n").expect("Global Options")..].to_string();
    assert_eq!(
        tail(&got),
        tail(&docker).replace("Run 'docker ", "Run 'dkr ")
    );
    let head = &got[..got.find("\nGlobal Options:\n").unwrap()];
    let mut sections = Vec::new();
    for line in head.lines().skip(3) {
        if line.ends_with("Commands:") {
            sections.push(line);
        } else if !line.is_empty() && !line.starts_with("  completion ") {
            assert!(
                docker.lines().any(|l| l == line),
                "{line:?} is not how docker lists it"
            );
        }
    }
    assert_eq!(
        sections,
        ["Common Commands:", "Management Commands:", "Commands:"]
    );
    assert!(got.starts_with("Usage:  dkr [OPTIONS] COMMAND\n\n"));
}
