//! What every command shares, compared with the reference docker CLI: global flags and their
//! errors, `DOCKER_HOST` / `DOCKER_CONTEXT` / `DOCKER_API_VERSION`, `version`, a broken
//! config file, pflag-style flag errors and a daemon that is not there.

use crate::support::engine_host;
use crate::support::env::Env;

fn env() -> Option<Env> {
    engine_host().map(|h| Env::new(&h).retrying())
}

// ---- global errors and version, differential ----

#[test]
fn global_errors_match_docker() {
    let Some(env) = env() else { return };
    for args in [
        &["-H", "a", "-H", "b", "ps"][..],
        &["-H", "x", "--context", "y", "ps"],
        &["--context", "nonexist", "ps"],
        &["-H", "foo://x", "ps"],
        &["-H", "unix:///nonexistent-dkr.sock", "ps"],
        &["-H", "tcp://127.0.0.1:1", "ps"],
        &["-H", "127.0.0.1:1", "images"],
        &["-H", "tcp://127.0.0.1", "images", "-q"],
        &["--bogus", "ps"],
        &["nosuchcommand"],
        &["version", "--bogus"],
        &["version", "extra"],
        &[
            "-H",
            "unix:///nonexistent-dkr.sock",
            "version",
            "--format",
            "{{.Server.Version}}",
        ],
    ] {
        env.compare(args);
    }
}

#[test]
fn docker_host_and_context_environment() {
    let Some(env) = env() else { return };
    let env = env.var("DOCKER_HOST", "foo://x");
    env.compare(&["ps"]);
    let Some(env) = self::env() else { return };
    // DOCKER_HOST beats DOCKER_CONTEXT (verified with docker).
    let env = env.var("DOCKER_CONTEXT", "nonexist");
    env.compare(&["version", "--format", "{{.Server.APIVersion}}"]);
}

#[test]
fn version_formats_match_docker() {
    let Some(env) = env() else { return };
    for f in [
        "{{.Server.Version}}",
        "{{.Server.APIVersion}}",
        "{{.Server.MinAPIVersion}}",
        "{{.Server.Os}}/{{.Server.Arch}}",
        // Not `{{json .Server}}`: Go marshals nested structs in field order, dkr's template
        // values are key-sorted maps (only `json` / `{{json .}}` of the whole is reordered).
        "{{range .Server.Components}}{{json .Details}}{{end}}",
        "{{range .Server.Components}}{{.Name}}={{.Version}}\n{{end}}",
        "{{(index .Server.Components 0).Name}}",
        "{{.Client.APIVersion}}",
        "{{.Client.DefaultAPIVersion}}",
        "{{.Client.Context}}",
        "{{if .Server}}up{{else}}down{{end}}",
        "{{.Server.KernelVersion | upper}}",
        "{{.Nope}}",
        "{{.Server.Version",
    ] {
        env.compare(&["version", "--format", f]);
    }
}

#[test]
fn version_default_server_section_matches_docker() {
    let Some(env) = env() else { return };
    let d = env.docker(&["version"]);
    let k = env.dkr(&["version"]);
    assert_eq!((d.code, k.code), (0, 0), "{}\n{}", d.err(), k.err());
    let server = |s: &str| s[s.find("Server:").expect("server section")..].to_string();
    assert_eq!(server(&k.out()), server(&d.out()));
    // The client section has the same shape and alignment.
    let shape = |s: &str| {
        s.lines()
            .take_while(|l| !l.is_empty())
            .map(|l| {
                l.split(':').next().unwrap().to_string() + &l[..l.len().min(20)].len().to_string()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&k.out()), shape(&d.out()));
}

#[test]
fn api_version_environment_matches_docker() {
    let Some(env) = env() else { return };
    for v in ["1.40", "1.99", "abc"] {
        let env = self::env().unwrap().var("DOCKER_API_VERSION", v);
        env.compare(&["version", "--format", "{{.Server.Version}}"]);
        env.compare(&["ps", "-q", "--filter", "name=dkr-nothing-by-this-name"]);
    }
    drop(env);
}

#[test]
fn unparsable_config_warns_and_goes_on() {
    let Some(env) = env() else { return };
    let env = env.with_config("{not json");
    let out = env.dkr(&["version", "--format", "{{.Server.Version}}"]);
    assert_eq!(out.code, 0, "{}", out.err());
    assert!(
        out.err()
            .starts_with("WARNING: Error parsing config file ("),
        "{}",
        out.err()
    );
    assert!(!out.out().is_empty());
}

#[test]
fn pflag_style_errors_and_bool_values_match_docker() {
    let Some(env) = env() else { return };
    for args in [
        &["ps", "-xyz"][..],
        &["ps", "-axy"],
        &["ps", "-qaz"],
        &["ps", "-foo"],
        &["commit", "-zfoo"],
        &["pull", "-xq"],
        &["ps", "--quiet=maybe"],
        &["ps", "-q=maybe"],
        &["images", "--all=nope"],
        &[
            "ps",
            "-a=false",
            "-q",
            "--filter",
            "name=dkr-nothing-by-this-name",
        ],
        &[
            "ps",
            "--all=true",
            "--quiet=1",
            "--filter",
            "name=dkr-nothing-by-this-name",
        ],
        &["ps", "--format"],
        &["ps", "-n"],
        &["ps", "-n", "x"],
        &["logs", "--tail"],
        &["stop", "--bogus=1", "x"],
        // Values with control characters are quoted as Go's %q quotes them.
        &["ps", "-n", "1\x1b[2J\t\n"],
        &["ps", "--all=\x07\u{202e}"],
        &["stop", "-t", "\u{e9}\x01", "x"],
        &["run", "--cpus", "1\x7f", "busybox"],
        &["logs", "--since", "a\tb\r", "x"],
        &["images", "pull\x01"],
    ] {
        env.compare(args);
    }
}

#[test]
fn daemon_unreachable_matches_docker() {
    let e = engine_or_skip!();
    let gone = e.via("unix:///tmp/dkr-lc-no-such-daemon.sock");
    for args in [
        vec!["run", "--rm", "busybox", "true"],
        vec!["run", "-d", "--init", "busybox", "true"],
        vec!["stop", "a", "b"],
        vec!["logs", "a"],
    ] {
        gone.compare(&args);
    }
}
