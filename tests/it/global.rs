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
    // The client section has the same shape and alignment; dkr names its compiler where
    // docker names Go's (issue 11).
    let shape = |s: &str| {
        s.lines()
            .take_while(|l| !l.is_empty())
            .map(|l| {
                let label = l
                    .split(':')
                    .next()
                    .unwrap()
                    .replace(" Rust version", " Go version");
                label + &l[..l.len().min(20)].len().to_string()
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

// ---- the long-tail messages (issue 11), differential ----

/// A name that does not resolve is Go's lookup error (`error during connect: Get "…": dial
/// tcp: lookup bad on SERVER: no such host`), reported by the request docker makes first
/// (`images` and `run` ping first); a port url.Parse refuses; a log level logrus does not know.
#[test]
fn unresolvable_host_bad_port_and_log_level_match_docker() {
    let Some(env) = env() else { return };
    for args in [
        &["-H", "tcp://dkr-no-such-host.invalid", "ps"][..],
        &["-H", "tcp://dkr-no-such-host.invalid", "images"],
        &[
            "-H",
            "tcp://dkr-no-such-host.invalid",
            "version",
            "--format",
            "{{.Server.Version}}",
        ],
        &["-H", "tcp://dkr-no-such-host.invalid", "run", "busybox"],
        &["-H", "tcp://dkr-no-such-host.invalid", "logs", "x"],
        &["-H", "tcp://bad:notaport", "ps"],
        &["-H", "tcp://[::1]:x", "ps"],
        &["-l", "bogus", "ps"],
        &["--log-level", "Nope", "version"],
        &["-l", "DEBUG", "ps", "--format", "x"],
    ] {
        env.compare(args);
    }
    let garbage = env.var("DOCKER_HOST", "dkr-no-such-host.invalid");
    garbage.compare(&["ps"]);
}

/// The folders login creates for `DOCKER_CONFIG`, missing parents included, are 0700 as
/// docker makes them; config.json itself 0600.
#[test]
fn login_creates_private_config_folders() {
    use std::os::unix::fs::PermissionsExt;
    let Some(e) = crate::support::registry::registries() else {
        return;
    };
    let dir = crate::support::TempDir::new("cfgmode");
    let config = dir.join("a/b/config");
    let out = Env::new(&e.host)
        .var("DOCKER_CONFIG", config.to_str().unwrap())
        .run_input(
            crate::support::dkr_bin(),
            &["login", "-u", &e.user, "--password-stdin", &e.auth_registry],
            crate::support::env::Input::Bytes(e.password.as_bytes()),
        );
    assert_eq!(out.code, 0, "{out:?}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    for d in [dir.join("a"), dir.join("a/b"), config.clone()] {
        assert_eq!(mode(&d), 0o700, "{}", d.display());
    }
    assert_eq!(mode(&config.join("config.json")), 0o600);
}

/// `--version` and `version` name the real commit and build time and the Rust compiler.
#[test]
fn version_names_commit_build_time_and_compiler() {
    let out = std::process::Command::new(crate::support::dkr_bin())
        .arg("--version")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let commit = text
        .trim_end()
        .rsplit_once(", build ")
        .map(|(_, c)| c.to_string())
        .unwrap_or_default();
    assert!(
        commit.len() >= 7 && commit.bytes().all(|b| b.is_ascii_hexdigit()),
        "{text:?}"
    );
    let out = std::process::Command::new(crate::support::dkr_bin())
        .args(["-H", "unix:///nonexistent-dkr.sock", "version"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!(" Git commit:        {commit}\n")),
        "{text}"
    );
    assert!(text.contains(" Rust version:      rustc1."), "{text}");
    let built = text
        .lines()
        .find_map(|l| l.strip_prefix(" Built:             "))
        .unwrap_or_default();
    // Go's ANSIC layout, as docker's `Built:` (Fri May 30 12:07:14 2025).
    assert_eq!(built.len(), 24, "{text}");
    assert_eq!(built.matches(':').count(), 2, "{text}");
}
