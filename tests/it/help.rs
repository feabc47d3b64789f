//! `--help` against the reference docker: cobra's layout byte for byte (program name swapped)
//! for every command dkr has, in every spelling; at 80 columns (output piped) and at other
//! terminal widths; `-h` (docker's deprecation notice first); the flags an older daemon lacks
//! hidden as docker's help hides them (it asks the daemon); `dkr help TOPIC`.
//! dkr's own flags (`pull`, `run`: `--progress`…, each marked `(dkr)`) are the one addition,
//! shown on a terminal only: piped, the help is docker's byte for byte.

use crate::support::env::Env;
use crate::support::{normalize, normalize_docker, pty, Outcome};

/// A socket nobody listens on: docker's help then hides nothing.
const NO_DAEMON: &str = "unix:///nonexistent-dkr.sock";

/// pflag's notice for `-h`.
const NOTICE: &str = "Flag shorthand -h has been deprecated, use --help";

/// Every command dkr implements, in every spelling docker has for it.
const COMMANDS: &[&[&str]] = &[
    &["ps"],
    &["container", "ls"],
    &["container", "list"],
    &["container", "ps"],
    &["images"],
    &["image", "ls"],
    &["image", "list"],
    &["logs"],
    &["container", "logs"],
    &["stop"],
    &["container", "stop"],
    &["pull"],
    &["image", "pull"],
    &["push"],
    &["image", "push"],
    &["commit"],
    &["container", "commit"],
    &["run"],
    &["container", "run"],
    &["login"],
    &["logout"],
    &["version"],
];

fn env() -> Option<Env> {
    crate::support::engine_host().map(|h| Env::new(&h))
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

/// docker and dkr with `args`, piped: the same exit code, stderr and stdout.
fn compare_help(env: &Env, args: &[&str]) -> Outcome {
    let dkr = env.dkr(args);
    if crate::support::skip_comparison() {
        return dkr;
    }
    let docker = normalize_docker(&env.docker(args));
    assert_eq!(
        (dkr.code, dkr.err(), dkr.out()),
        (docker.code, docker.err(), docker.out()),
        "dkr {args:?}"
    );
    dkr
}

fn with_host<'a>(host: &'a str, words: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["-H", host];
    args.extend_from_slice(words);
    args
}

/// No daemon: docker's help shows every flag.
#[test]
fn help_matches_docker() {
    let Some(env) = env() else { return };
    for path in COMMANDS {
        let mut args = with_host(NO_DAEMON, path);
        args.push("--help");
        compare_help(&env, &args);
    }
}

/// `--disable-content-trust`'s default is `!DOCKER_CONTENT_TRUST`: not shown when trust is on.
#[test]
fn content_trust_default_follows_the_environment() {
    let Some(env) = env() else { return };
    let env = env.var("DOCKER_CONTENT_TRUST", "1");
    for path in [&["run"][..], &["pull"], &["push"]] {
        let mut args = with_host(NO_DAEMON, path);
        args.push("--help");
        let out = compare_help(&env, &args).out();
        let lines: Vec<&str> = out.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("--disable-content-trust"))
            .expect("the flag");
        assert!(!lines[at..=at + 1].concat().contains("default"), "{path:?}");
    }
}

/// On a terminal, `pull`, `run`, `stop`, `ps`, `images` and `logs` list dkr's own flags, each
/// marked `(dkr)` (issues #14, #15); piped, none of them.
#[test]
fn dkr_flags_are_marked_on_a_terminal() {
    let Some(env) = env() else { return };
    for (path, flag) in [
        (&["pull"][..], "--progress string"),
        (&["image", "pull"], "--parallel int"),
        (&["run"], "--progress string"),
        (&["stop"], "--all"),
        (&["container", "stop"], "--filter filter"),
        (&["ps"], "--json"),
        (&["images"], "--json"),
        (
            &["logs"],
            "--filter filter  Show the logs of the containers",
        ),
        (&["container", "logs"], "--no-prefix"),
        (&["ps"], "--watch"),
    ] {
        let mut args = with_host(NO_DAEMON, path);
        args.push("--help");
        let piped = env.dkr(&args).out();
        let flag_name = flag.split(' ').next().unwrap_or(flag);
        assert!(
            !piped.contains(flag_name) && !piped.contains("(dkr)"),
            "{piped}"
        );
        let line = format!("{} {}", crate::support::dkr_bin(), args.join(" "));
        let (shown, code, _) = pty::run_in_pty(&env, &line, 200);
        let shown = String::from_utf8_lossy(&shown).replace('\r', "");
        assert_eq!(code, 0, "{shown}");
        assert!(shown.contains(flag), "{shown}");
        let marked = shown
            .lines()
            .find(|l| l.contains(flag_name))
            .unwrap_or_default();
        assert!(marked.contains("(dkr)") || marked.ends_with(':'), "{shown}");
    }
}

on_both_engines! {
    /// Against the test engine (API 1.41, Linux; Podman names no OS): docker's help hides
    /// `images --tree` (1.47), `run --annotation` (1.43) and `--health-start-interval` (1.44),
    /// `push --platform` (1.46), and on a Linux daemon the Windows-only flags; the flag column
    /// narrows with them.
    fn help_hides_flags_the_daemon_lacks() {
        let Some(env) = env() else { return };
        for args in [
            &["run", "--help"][..],
            &["container", "run", "--help"],
            &["images", "--help"],
            &["image", "ls", "--help"],
            &["logs", "--help"],
            &["push", "--help"],
            &["help", "run"],
            &["help", "image", "list"],
        ] {
            let out = compare_help(&env, args);
            assert!(!out.out().contains("--tree"), "{args:?}");
            assert!(!out.out().contains("--annotation"), "{args:?}");
            if args[0] == "push" {
                assert!(!out.out().contains("--platform"), "{args:?}");
            }
        }
    }
}

/// At other terminal widths (docker wraps at the width of the terminal on stdin; one that says
/// 0 columns is not wrapped), through a pseudo-terminal: everything docker prints, byte for byte.
#[test]
fn help_wraps_at_the_terminal_width() {
    let Some(env) = env() else { return };
    if crate::support::skip_comparison() {
        return;
    }
    let docker = crate::support::docker_bin();
    for cols in [0, 30, 50, 64, 100, 132, 200] {
        for path in [
            "run",
            "container run",
            "ps",
            "images",
            "logs",
            "stop",
            "commit",
            "login",
            "version",
        ] {
            let line = |bin: &str| format!("{bin} -H {NO_DAEMON} {path} --help");
            let (want, want_code, _) = pty::run_in_pty(&env, &line(&docker), cols);
            let (got, got_code, _) = pty::run_in_pty(&env, &line(crate::support::dkr_bin()), cols);
            let want = String::from_utf8_lossy(&normalize(&want)).replace('\r', "");
            let got = String::from_utf8_lossy(&got).replace('\r', "");
            assert_eq!(
                (got_code, without_dkr_flags(&got)),
                (want_code, want),
                "{path} --help at {cols} columns"
            );
        }
    }
}

/// `-h`: cobra's help with pflag's deprecation notice first, once per `-h` (on stderr for the
/// top-level flags); `run -h` is `--hostname` and wants a value.
#[test]
fn help_shorthand_is_deprecated() {
    let Some(env) = env() else { return };
    for words in [
        &["ps", "-h"][..],
        &["container", "ls", "-h"],
        &["images", "-h"],
        &["ps", "-ah", "-h"],
        &["-h", "ps"],
        &["-h", "-h", "logs", "-h"],
        &["logs", "-h", "c"],
        &["container", "-h", "ls"],
        &["image", "-h", "-h", "ls", "-h"],
        &["stop", "-h"],
        &["run", "-h"],
        &["container", "run", "-h"],
        &["ps", "--bogus", "-h"],
        // pflag's `--help` is a boolean: `=false` runs the command, a non-boolean is an error.
        &["ps", "-h=true"],
        &["logs", "--help=true"],
        &["ps", "--help=false"],
        &["ps", "-h=false"],
        &["-h=0", "ps"],
        &["ps", "-h=bogus"],
        &["ps", "--help=maybe"],
        // The help flag wins over an unknown command or operand.
        &["container", "ls", "bogus", "--help"],
    ] {
        compare_help(&env, &with_host(NO_DAEMON, words));
    }
    for (words, help) in [
        (&["bogus", "--help"][..], &["--help"][..]),
        (&["bogus", "-h"], &["--help"]),
        (&["container", "bogus", "--help"], &["container", "--help"]),
    ] {
        let (docker, dkr) = (env.docker(words), env.dkr(words));
        let want = env.dkr(help).out();
        let notice = if words.contains(&"-h") {
            format!("{NOTICE}\n")
        } else {
            String::new()
        };
        assert_eq!((docker.code, dkr.code, dkr.err()), (0, 0, String::new()));
        assert!(docker
            .out()
            .starts_with(&format!("{notice}Usage:  docker ")));
        assert_eq!(dkr.out(), format!("{notice}{want}"), "{words:?}");
    }
    // The groups list dkr's commands (see group_help_has_docker_layout): the notice, then
    // what `--help` prints.
    for group in ["container", "image"] {
        let short = env.dkr(&with_host(NO_DAEMON, &[group, "-h"]));
        let long = env.dkr(&with_host(NO_DAEMON, &[group, "--help"]));
        assert_eq!(
            (short.code, short.err(), short.out()),
            (0, String::new(), format!("{NOTICE}\n{}", long.out()))
        );
    }
    // `dkr -h`: the notice on stderr, then dkr's own top-level help.
    let top = env.dkr(&with_host(NO_DAEMON, &["-h"]));
    assert_eq!((top.code, top.err()), (0, format!("{NOTICE}\n")));
    assert!(top.out().starts_with("Usage:  dkr [OPTIONS] COMMAND\n"));
}

/// `dkr help COMMAND` is that command's help; words that name no command are cobra's unknown
/// topic (exit 1), from the first such word on; the help command's own flags and help.
#[test]
fn help_topics_match_docker() {
    let Some(env) = env() else { return };
    for args in [
        &["help", "ps"][..],
        &["help", "container", "ls"],
        &["help", "container", "ps"],
        &["help", "logs"],
        &["help", "run"],
        &["help", "--", "stop"],
        &["help", "bogus"],
        &["help", "bogus", "x"],
        &["help", "ps", "extra"],
        &["help", "container", "bogus", "x"],
        &["help", "__complete"],
        &["help", "help"],
        &["help", "--help"],
        &["help", "-h", "ps"],
        &["help", "ps", "--bogus"],
        &["help", "-x", "ps"],
        // cobra has a `help` command at the top only: under a group it is an unknown
        // command, or a topic `help` does not know.
        &["container", "help"],
        &["container", "help", "ls"],
        &["image", "help", "rm"],
        &["context", "help"],
        &["system", "help"],
        &["help", "container", "help"],
        &["help", "image", "help", "rm"],
    ] {
        compare_help(&env, &with_host(NO_DAEMON, args));
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
        ("container", &["help", "container"]),
        ("container", &["container"]),
    ] {
        let docker = normalize_docker(&env.docker(args));
        let dkr = env.dkr(args);
        assert_eq!((dkr.code, docker.code), (0, 0), "{args:?}");
        let text = |o: &Outcome| {
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
/// prints it, `completion` being dkr's own), Global Options and the footer byte for byte;
/// `dkr help` the same; `dkr` alone (or with global options only) on stderr, as docker.
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
    assert_eq!(env.dkr(&["help"]).out(), got);
    for args in [&[][..], &["-H", NO_DAEMON]] {
        let (docker, dkr) = (env.docker(args), env.dkr(args));
        assert_eq!((dkr.code, dkr.out()), (docker.code, docker.out()));
        assert_eq!(dkr.err(), got, "dkr {args:?}");
    }
}

/// A group's flag errors (the usage line is the group's path, as its help says): with the
/// usage and exit 125, except an unknown flag cobra's traversal reads on its way to a
/// subcommand (`container -ah ls`: the message alone, exit 1).
#[test]
fn group_flag_errors_match_docker() {
    let Some(env) = env() else { return };
    for words in [
        &["container", "--bogus"][..],
        &["container", "--bogus", "ls"],
        &["image", "-x", "ls"],
        &["container", "-ah", "ls"],
        &["container", "--bogus=1", "ls"],
        &["image", "-xy", "list"],
        &["container", "-xy", "nope"],
    ] {
        compare_help(&env, &with_host(NO_DAEMON, words));
    }
}
