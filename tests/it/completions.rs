//! Completion scripts, man pages and help: the committed generated files are fresh, bash
//! completion works for real (subcommands, flags, live container and image names from a real
//! engine, nothing and no hang on a daemon that never answers), zsh and fish load the scripts
//! and complete with them, the man pages render, and `--help` / `--version` behave.
//!
//! Engine tests need `tests/engine.sh up` and `. tests/env.sh` (DKR_TEST_HOST); without it they
//! fail unless DKR_SKIP_ENGINE_TESTS=1. They create their containers with the reference
//! `docker` CLI under unique names and remove them afterwards.

use std::collections::BTreeSet;
use std::io::Write;
use std::os::unix::net::UnixListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dkr::commands::completion::{generated_files, GENERATED_DIRS, REFRESH_COMMAND};

use crate::support::{engine_host as engine, TempDir};

const DKR: &str = env!("CARGO_BIN_EXE_dkr");

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A unique name for containers made by this test run.
fn unique(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("dkr-cmpl-{tag}-{}-{nanos}", std::process::id())
}

/// A command with a pinned environment: no DOCKER_* from the caller, an empty config dir,
/// the built `dkr` first on PATH (the scripts call `dkr` by name).
fn pinned(program: &str, config: &Path) -> Command {
    let mut cmd = Command::new(program);
    for (k, _) in std::env::vars() {
        if k.starts_with("DOCKER_") || k.starts_with("BASH_") || k == "ENV" || k == "ZDOTDIR" {
            cmd.env_remove(k);
        }
    }
    let bin_dir = Path::new(DKR).parent().unwrap();
    let path = std::env::var("PATH").unwrap_or_default();
    cmd.env("PATH", format!("{}:{path}", bin_dir.display()))
        .env("DOCKER_CONFIG", config)
        .env("HOME", config)
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    cmd
}

fn run_output(mut cmd: Command, what: &str) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("{what}: cannot run ({e}); is it installed?"))
}

/// The reference docker CLI against the test engine.
fn docker(host: &str, args: &[&str]) -> String {
    let config = TempDir::new("docker");
    let mut cmd = pinned("docker", config.path());
    cmd.arg("-H").arg(host).args(args);
    let out = run_output(cmd, "docker");
    assert!(
        out.status.success(),
        "docker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A container that is removed (forcibly) when dropped.
struct Container {
    host: String,
    name: String,
}

impl Container {
    fn running(host: &str, tag: &str) -> Container {
        let name = unique(tag);
        docker(
            host,
            &["run", "-d", "--name", &name, "busybox", "sleep", "300"],
        );
        Container {
            host: host.into(),
            name,
        }
    }

    fn created(host: &str, tag: &str) -> Container {
        let name = unique(tag);
        docker(host, &["create", "--name", &name, "busybox"]);
        Container {
            host: host.into(),
            name,
        }
    }
}

impl Drop for Container {
    fn drop(&mut self) {
        let config = TempDir::new("docker-rm");
        let mut cmd = pinned("docker", config.path());
        cmd.args(["-H", &self.host, "rm", "-f", &self.name])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let _ = cmd.status();
    }
}

// ---------------------------------------------------------------------------------------------
// Generated files

#[test]
fn committed_generated_files_are_fresh() {
    let files = generated_files();
    let mut problems = Vec::new();
    for (rel, bytes) in &files {
        match std::fs::read(repo().join(rel)) {
            Ok(committed) if committed == *bytes => {}
            Ok(_) => problems.push(format!("{} differs", rel.display())),
            Err(_) => problems.push(format!("{} is missing", rel.display())),
        }
    }
    for dir in GENERATED_DIRS {
        for entry in std::fs::read_dir(repo().join(dir)).into_iter().flatten() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(repo()).unwrap().to_path_buf();
            if !files.iter().any(|(p, _)| *p == rel) {
                problems.push(format!("{} is no longer generated", rel.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "generated files are out of date with the clap definitions:\n  {}\n\
         refresh them all with:\n\n    {REFRESH_COMMAND}\n",
        problems.join("\n  ")
    );
}

#[test]
fn completion_command_prints_the_committed_scripts() {
    for (shell, file) in [
        ("bash", "dkr.bash"),
        ("zsh", "_dkr"),
        ("fish", "dkr.fish"),
        ("powershell", "dkr.ps1"),
    ] {
        let out = Command::new(DKR)
            .args(["completion", shell])
            .output()
            .unwrap();
        assert!(out.status.success(), "dkr completion {shell}");
        assert!(out.stderr.is_empty());
        let committed = std::fs::read(repo().join("completions").join(file)).unwrap();
        assert!(
            out.stdout == committed,
            "`dkr completion {shell}` differs from completions/{file}; run `{REFRESH_COMMAND}`"
        );
    }
    // `dkr completion` alone shows its help, like docker.
    let out = Command::new(DKR).arg("completion").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for shell in ["bash", "fish", "powershell", "zsh"] {
        assert!(help.contains(shell), "{help}");
    }
    // --no-descriptions is accepted (docker's flag) and leaves descriptions out.
    let out = Command::new(DKR)
        .args(["completion", "fish", "--no-descriptions"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("List containers"));
}

// ---------------------------------------------------------------------------------------------
// bash, for real

/// Split a line as bash does for COMP_WORDS with the default COMP_WORDBREAKS as far as these
/// tests need: on blanks, and `:` as a word of its own.
fn comp_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    for token in line.split_whitespace() {
        let mut rest = token;
        while let Some(i) = rest.find(':') {
            if i > 0 {
                words.push(rest[..i].to_string());
            }
            words.push(":".to_string());
            rest = &rest[i + 1..];
        }
        if !rest.is_empty() {
            words.push(rest.to_string());
        }
    }
    if line.ends_with(' ') {
        words.push(String::new());
    }
    words
}

/// Candidates bash's completion for `dkr` offers at the end of `line`: source the committed
/// script, set COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT as readline would, call the function
/// `complete -p dkr` names. Also returns how long bash took.
fn bash_complete(line: &str, docker_host: Option<&str>) -> (Vec<String>, Duration) {
    let config = TempDir::new("bash");
    let words = comp_words(line);
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', r"'\''")))
        .collect();
    let script = format!(
        r#"source '{script}' || exit 97
spec=$(complete -p dkr) || exit 98
fn=${{spec#*-F }}; fn=${{fn%% *}}
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE='{line}'
COMP_POINT=${{#COMP_LINE}}
COMPREPLY=()
"$fn" dkr "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        script = repo().join("completions/dkr.bash").display(),
        words = quoted.join(" "),
        line = line.replace('\'', r"'\''"),
    );
    let mut cmd = pinned("bash", config.path());
    cmd.args(["--norc", "--noprofile", "-c", &script]);
    if let Some(host) = docker_host {
        cmd.env("DOCKER_HOST", host);
    }
    let start = Instant::now();
    let out = run_output(cmd, "bash");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "bash completion of {line:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.trim().is_empty(),
        "bash stderr for {line:?}: {stderr}"
    );
    let candidates = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (candidates, took)
}

/// The visible subcommand names (and visible aliases) of the command at `path`.
fn subcommands_of(path: &[&str]) -> BTreeSet<String> {
    let mut cmd = dkr::cli::command();
    cmd.build();
    let mut cur = &cmd;
    for p in path {
        cur = cur.find_subcommand(p).unwrap();
    }
    cur.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .flat_map(|s| {
            std::iter::once(s.get_name().to_string())
                .chain(s.get_visible_aliases().map(str::to_string))
        })
        .collect()
}

/// `--long` spellings of the visible flags of the command at `path`.
fn long_flags_of(path: &[&str]) -> BTreeSet<String> {
    let mut cmd = dkr::cli::command();
    cmd.build();
    let mut cur = &cmd;
    for p in path {
        cur = cur.find_subcommand(p).unwrap();
    }
    cur.get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_positional())
        .flat_map(|a| {
            a.get_long()
                .into_iter()
                .chain(a.get_visible_aliases().into_iter().flatten())
                .map(|l| format!("--{l}"))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn bash_completes_subcommands() {
    let (got, _) = bash_complete("dkr ", Some("unix:///nonexistent/dkr.sock"));
    let got: BTreeSet<String> = got.into_iter().collect();
    for name in subcommands_of(&[]) {
        assert!(got.contains(&name), "`dkr <TAB>` lacks {name}: {got:?}");
    }
    for docker_verb in [
        "run",
        "ps",
        "stop",
        "logs",
        "images",
        "pull",
        "commit",
        "completion",
    ] {
        assert!(got.contains(docker_verb), "{got:?}");
    }
    assert!(
        !got.iter().any(|c| c.starts_with("__")),
        "hidden commands offered: {got:?}"
    );

    let (got, _) = bash_complete("dkr sto", None);
    assert_eq!(got, ["stop"]);
    let (got, _) = bash_complete("dkr container ", None);
    let got: BTreeSet<String> = got.into_iter().collect();
    for name in subcommands_of(&["container"]) {
        assert!(
            got.contains(&name),
            "`dkr container <TAB>` lacks {name}: {got:?}"
        );
    }
}

#[test]
fn bash_completes_flags_of_ps() {
    let expected = long_flags_of(&["ps"]);
    assert!(expected.contains("--help"));
    let (got, _) = bash_complete("dkr ps --", None);
    let got: BTreeSet<String> = got.into_iter().collect();
    assert_eq!(got, expected, "`dkr ps --<TAB>`");
    // A prefix narrows them down.
    let (got, _) = bash_complete("dkr ps --he", None);
    assert_eq!(got, ["--help"]);
}

#[test]
fn bash_completes_live_container_names() {
    let Some(host) = engine() else { return };
    let running = Container::running(&host, "run");
    let created = Container::created(&host, "new");

    // stop and commit: running containers only (as docker); logs: all of them.
    for line in [
        "dkr stop ",
        "dkr container stop ",
        "dkr commit ",
        "dkr container commit ",
    ] {
        let (got, _) = bash_complete(line, Some(&host));
        assert!(got.contains(&running.name), "{line:?}: {got:?}");
        assert!(!got.contains(&created.name), "{line:?}: {got:?}");
    }
    for line in ["dkr logs ", "dkr container logs "] {
        let (got, _) = bash_complete(line, Some(&host));
        assert!(got.contains(&running.name), "{line:?}: {got:?}");
        assert!(got.contains(&created.name), "{line:?}: {got:?}");
    }
    // The typed prefix selects; unique names give exactly one candidate.
    let (got, _) = bash_complete(&format!("dkr stop {}", running.name), Some(&host));
    assert_eq!(got, std::slice::from_ref(&running.name));
    // Any number of containers for stop, also after its flags.
    let (got, _) = bash_complete(
        &format!("dkr stop -t 1 other {}", running.name),
        Some(&host),
    );
    assert_eq!(got, std::slice::from_ref(&running.name));
    // Only the first argument of commit is a container; logs takes several (dkr, issue #15).
    let (got, _) = bash_complete(&format!("dkr commit {} ", running.name), Some(&host));
    assert!(!got.contains(&running.name), "{got:?}");
    let (got, _) = bash_complete(&format!("dkr logs {} ", running.name), Some(&host));
    assert!(got.contains(&running.name), "{got:?}");
    // -H on the line is the daemon asked.
    let (got, _) = bash_complete(
        &format!("dkr -H {host} stop {}", running.name),
        Some("unix:///nonexistent/dkr.sock"),
    );
    assert_eq!(got, std::slice::from_ref(&running.name));
}

#[test]
fn bash_completes_live_image_names() {
    let Some(host) = engine() else { return };
    // busybox:latest is always there on the test engine (engine.sh keeps it).
    for line in [
        "dkr run busy",
        "dkr container run busy",
        "dkr pull busy",
        "dkr image pull busy",
    ] {
        let (got, _) = bash_complete(line, Some(&host));
        assert!(
            got.iter().any(|c| c == "busybox:latest"),
            "{line:?}: {got:?}"
        );
    }
    let (got, _) = bash_complete("dkr images busy", Some(&host));
    assert!(got.iter().any(|c| c == "busybox"), "{got:?}");
    assert!(got.iter().any(|c| c == "busybox:latest"), "{got:?}");
    // bash breaks words at `:`; the candidates are what goes after it.
    let (got, _) = bash_complete("dkr run busybox:", Some(&host));
    assert!(got.iter().any(|c| c == "latest"), "{got:?}");
    let (got, _) = bash_complete("dkr run busybox:lat", Some(&host));
    assert_eq!(got, ["latest"]);
    // Past the image, the words belong to the container's command.
    let (got, _) = bash_complete("dkr run busybox busy", Some(&host));
    assert!(!got.iter().any(|c| c.starts_with("busybox")), "{got:?}");
}

/// A daemon that accepts connections and never answers: completion gives up within its budget
/// and offers nothing — the shell must not hang.
#[test]
fn bash_completion_gives_up_on_a_silent_daemon() {
    let dir = TempDir::new("silent");
    let sock = dir.path().join("silent.sock");
    let listener = UnixListener::bind(&sock).unwrap();
    let accepted = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming() {
            counter.fetch_add(1, Ordering::SeqCst);
            held.push(conn); // keep it open, say nothing
        }
    });
    let host = format!("unix://{}", sock.display());
    for line in ["dkr stop ", "dkr logs x", "dkr run busybox:", "dkr images "] {
        let (got, took) = bash_complete(line, Some(&host));
        assert!(got.is_empty(), "{line:?}: {got:?}");
        assert!(took < Duration::from_secs(1), "{line:?} took {took:?}");
    }
    assert!(
        accepted.load(Ordering::SeqCst) > 0,
        "the lookups never reached the socket"
    );

    // No daemon at all: nothing either, and quickly.
    let (got, took) = bash_complete("dkr stop ", Some("unix:///nonexistent/dkr.sock"));
    assert!(got.is_empty(), "{got:?}");
    assert!(took < Duration::from_secs(1), "{took:?}");
}

/// `dkr __complete` itself, with the budget measured from outside.
#[test]
fn complete_helper_is_bounded_and_quiet() {
    let dir = TempDir::new("helper");
    let sock = dir.path().join("silent.sock");
    let listener = UnixListener::bind(&sock).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming() {
            held.push(conn);
        }
    });
    for kind in ["containers", "running", "images", "repositories"] {
        let mut cmd = pinned(DKR, dir.path());
        cmd.args(["__complete", kind, ""])
            .env("DOCKER_HOST", format!("unix://{}", sock.display()));
        let start = Instant::now();
        let out = run_output(cmd, "dkr");
        let took = start.elapsed();
        assert!(out.status.success());
        assert!(
            out.stdout.is_empty() && out.stderr.is_empty(),
            "{kind}: {out:?}"
        );
        assert!(took < Duration::from_millis(800), "{kind} took {took:?}");
    }
    // Not a live position: status 1, nothing printed (the script falls back to clap's).
    let mut cmd = pinned(DKR, dir.path());
    cmd.args(["__complete", "zsh", "--", "dkr", "ps", ""]);
    let out = run_output(cmd, "dkr");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

// ---------------------------------------------------------------------------------------------
// zsh and fish

fn check_quiet_success(out: &Output, what: &str) {
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{what}: status {}, stderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn zsh_script_loads_both_ways() {
    let config = TempDir::new("zsh");
    let script = repo().join("completions/_dkr");
    // Sourced (`source <(dkr completion zsh)`).
    let mut cmd = pinned("zsh", config.path());
    cmd.arg("-f").arg("-c").arg(format!(
        "autoload -Uz compinit && compinit -u -D && source '{}' && print -r -- $_comps[dkr] && whence -w _dkr_static",
        script.display()
    ));
    let out = run_output(cmd, "zsh");
    check_quiet_success(&out, "zsh: source completions/_dkr");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "_dkr\n_dkr_static: function\n"
    );
    // Autoloaded from $fpath, as installed.
    let mut cmd = pinned("zsh", config.path());
    cmd.arg("-f").arg("-c").arg(format!(
        "fpath=('{}' $fpath) && autoload -Uz compinit && compinit -u -D && print -r -- $_comps[dkr]",
        repo().join("completions").display()
    ));
    let out = run_output(cmd, "zsh");
    check_quiet_success(&out, "zsh: autoload _dkr from fpath");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "_dkr\n");
}

/// Drive zsh's real completion widget in a pseudo-terminal (zsh/zpty): typing `dkr sto<TAB>`
/// and `dkr stop <prefix><TAB>` must complete to the subcommand and the live container name.
#[test]
fn zsh_completes_for_real() {
    let Some(host) = engine() else { return };
    let running = Container::running(&host, "zsh");
    let config = TempDir::new("zsh-pty");
    let prefix = &running.name[..running.name.len() - 4];
    let driver = format!(
        r#"zmodload zsh/zpty || exit 90
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=('{fpath}' \$fpath); autoload -Uz compinit; compinit -u -D; print READY\$((1+1))"
zpty -r z out '*READY2*' || exit 91
zpty -n -w z $'dkr sto\t'
zpty -r z out '*stop*' || exit 92
zpty -n -w z $' {prefix}\t'
zpty -r z out '*{name}*' || exit 93
print -r MATCHED
zpty -d z
"#,
        fpath = repo().join("completions").display(),
        prefix = prefix,
        name = running.name,
    );
    let mut cmd = pinned("timeout", config.path());
    cmd.args(["20", "zsh", "-f", "-c", &driver])
        .env("DOCKER_HOST", &host);
    let out = run_output(cmd, "zsh");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("MATCHED"),
        "zsh did not complete {prefix:?} to {} (status {}): {}",
        running.name,
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Candidates from fish's own completion machinery (`complete -C`).
fn fish_complete(line: &str, docker_host: &str) -> Vec<String> {
    let config = TempDir::new("fish");
    // A file in the working directory, so that offered file names would show.
    std::fs::write(config.path().join("some-file"), b"").unwrap();
    let mut cmd = pinned("fish", config.path());
    cmd.args(["--no-config", "-c"])
        .arg(format!(
            "source '{}'; or exit 97; cd '{}'; complete -C '{}'",
            repo().join("completions/dkr.fish").display(),
            config.path().display(),
            line.replace('\'', r"\'")
        ))
        .env("DOCKER_HOST", docker_host)
        .env("XDG_CONFIG_HOME", config.path())
        .env("XDG_DATA_HOME", config.path());
    let out = run_output(cmd, "fish");
    check_quiet_success(&out, &format!("fish: complete -C {line:?}"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn fish_script_loads_and_completes() {
    let none = "unix:///nonexistent/dkr.sock";
    let got = fish_complete("dkr sto", none);
    assert_eq!(got, ["stop"]);
    let got: BTreeSet<String> = fish_complete("dkr ps --", none).into_iter().collect();
    assert_eq!(got, long_flags_of(&["ps"]));
    // A live position with no daemon: nothing, not even file names.
    assert_eq!(fish_complete("dkr stop ", none), Vec::<String>::new());
}

#[test]
fn fish_completes_live_values() {
    let Some(host) = engine() else { return };
    let running = Container::running(&host, "fish");
    let got = fish_complete("dkr stop ", &host);
    assert!(got.contains(&running.name), "{got:?}");
    let got = fish_complete("dkr container logs dkr-cmpl-fish", &host);
    assert!(got.contains(&running.name), "{got:?}");
    let got = fish_complete("dkr run busybox:", &host);
    assert!(got.iter().any(|c| c == "busybox:latest"), "{got:?}");
}

// ---------------------------------------------------------------------------------------------
// Man pages, help, version

/// man's output without overstrike (`N\bN` bold, `_\bx` underline), should there be any.
fn plain(out: &[u8]) -> String {
    let text = String::from_utf8_lossy(out);
    let mut result = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if chars.peek() == Some(&'\u{8}') {
            chars.next();
            continue;
        }
        result.push(c);
    }
    result
}

#[test]
fn man_pages_render() {
    let config = TempDir::new("man");
    for page in ["dkr.1", "dkr-run.1", "dkr-ps.1", "dkr-container-ls.1"] {
        let path = repo().join("man").join(page);
        let mut cmd = pinned("man", config.path());
        cmd.arg("-l")
            .arg(&path)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "80")
            .env_remove("MAN_KEEP_FORMATTING");
        let out = run_output(cmd, "man (man-db)");
        check_quiet_success(&out, &format!("man -l man/{page}"));
        let text = plain(&out.stdout);
        let title = page.trim_end_matches(".1");
        assert!(text.contains("NAME"), "{page}: {text}");
        assert!(text.contains(title), "{page}: {text}");
    }
    // The run page describes run.
    let mut cmd = pinned("man", config.path());
    cmd.arg("-l")
        .arg(repo().join("man/dkr-run.1"))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80");
    let text = plain(&run_output(cmd, "man").stdout);
    assert!(
        text.contains("Create and run a new container from an image"),
        "{text}"
    );
}

#[test]
fn help_lists_the_commands() {
    let out = Command::new(DKR).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for name in [
        "run",
        "ps",
        "stop",
        "logs",
        "images",
        "pull",
        "commit",
        "login",
        "logout",
        "version",
        "container",
        "image",
        "completion",
    ] {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{name} "))),
            "`dkr --help` does not list {name}:\n{help}"
        );
    }
    assert!(
        !help.contains("__complete") && !help.contains("__generate-docs"),
        "{help}"
    );
}

#[test]
fn version_flags() {
    for flag in ["-v", "--version"] {
        let out = Command::new(DKR).arg(flag).output().unwrap();
        assert!(out.status.success(), "dkr {flag}");
        let text = String::from_utf8_lossy(&out.stdout);
        let expected = format!("dkr version {}, build ", env!("CARGO_PKG_VERSION"));
        assert!(text.starts_with(&expected), "dkr {flag}: {text:?}");
        assert!(
            text.ends_with('\n') && text.lines().count() == 1,
            "{text:?}"
        );
    }
}

#[test]
fn generate_docs_writes_the_tree() {
    let dir = TempDir::new("gen");
    // A stale page is removed.
    std::fs::create_dir_all(dir.path().join("man")).unwrap();
    std::fs::File::create(dir.path().join("man/dkr-gone.1"))
        .unwrap()
        .write_all(b"old")
        .unwrap();
    let out = Command::new(DKR)
        .arg("__generate-docs")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(!dir.path().join("man/dkr-gone.1").exists());
    for (rel, bytes) in generated_files() {
        assert_eq!(
            std::fs::read(dir.path().join(&rel)).unwrap(),
            bytes,
            "{}",
            rel.display()
        );
    }
}
