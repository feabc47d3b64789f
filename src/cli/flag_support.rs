//! Which flags need a newer daemon API, another daemon OS or an experimental daemon, in one
//! table, and its two uses: the check of the flags a command was invoked with (docker's
//! `areFlagsSupported` in `cmd/docker/docker.go`) and the flags `--help` hides (docker's
//! `hideUnsupportedFeatures`), both reading the flags' `version`, `ostype` and `experimental`
//! annotations.

use std::sync::mpsc;
use std::time::Duration;

use crate::engine::{version_lt, Client, ClientOptions, CLIENT_API_VERSION};
use crate::golang::strconv::quote;

use super::Invocation;

/// `(verb, flag, minimum API version)`: docker's `version` annotations on the flags of the
/// commands dkr has. The verb is the command whatever its spelling (`run` for `container run`);
/// `create` has `run`'s flags.
const MIN_API: &[(&str, &str, &str)] = &[
    ("exec", "env", "1.25"),
    ("exec", "env-file", "1.25"),
    ("exec", "workdir", "1.35"),
    ("images", "tree", "1.47"),
    // `image inspect` only: `docker inspect` has no `--platform`.
    ("inspect", "platform", "1.49"),
    ("logs", "until", "1.35"),
    ("push", "platform", "1.46"),
    ("rmi", "platform", "1.50"),
    ("run", "annotation", "1.43"),
    ("run", "cgroupns", "1.41"),
    ("run", "cpu-rt-period", "1.25"),
    ("run", "cpu-rt-runtime", "1.25"),
    ("run", "cpus", "1.25"),
    ("run", "gpus", "1.40"),
    ("run", "health-start-interval", "1.44"),
    ("run", "health-start-period", "1.29"),
    ("run", "init", "1.25"),
    ("run", "stop-timeout", "1.25"),
];

/// `(verb, flag, OS)`: docker's `ostype` annotations (flags for a daemon on that OS only).
const OS_ONLY: &[(&str, &str, &str)] = &[
    ("run", "cpu-count", "windows"),
    ("run", "cpu-percent", "windows"),
    ("run", "io-maxbandwidth", "windows"),
    ("run", "io-maxiops", "windows"),
    ("start", "checkpoint", "linux"),
    ("start", "checkpoint-dir", "linux"),
];

/// `(verb, flag)`: docker's `experimental` annotations (a daemon with experimental features).
const EXPERIMENTAL: &[(&str, &str)] = &[("start", "checkpoint"), ("start", "checkpoint-dir")];

/// The verb whose rows apply: `create` takes `run`'s flags (docker's `addFlags` for both).
fn table_verb(verb: &str) -> &str {
    match verb {
        "create" => "run",
        v => v,
    }
}

/// What docker knows of the daemon when it prints help: the API version (negotiated, or the
/// client's own), the daemon's OS (`""` when unknown) and whether it is experimental (docker's
/// `CurrentVersion()` and `ServerInfo()`).
#[derive(Debug, Clone, PartialEq)]
pub struct DaemonInfo {
    pub api_version: String,
    pub os_type: String,
    pub experimental: bool,
}

/// docker's `initializeFromClient` for `--help`: one ping, given two seconds at most
/// (`defaultInitTimeout`). A daemon that does not answer hides nothing: the client's API
/// version, no OS, experimental (docker: "Default to true if we fail to connect to daemon");
/// options that make no client (a bad `-H`) leave docker's zero `ServerInfo`.
pub fn daemon_info(opts: ClientOptions) -> DaemonInfo {
    let fixed = opts.api_version.clone();
    let own = fixed
        .clone()
        .unwrap_or_else(|| CLIENT_API_VERSION.to_string());
    let Ok(client) = Client::from_options(&opts) else {
        return DaemonInfo {
            api_version: own,
            os_type: String::new(),
            experimental: false,
        };
    };
    let (tx, rx) = mpsc::channel();
    // The thread is left behind on a timeout: the process ends after printing the help.
    std::thread::spawn(move || {
        let _ = tx.send(client.ping_info());
    });
    match rx.recv_timeout(Duration::from_secs(2)) {
        Ok(Ok(ping)) => DaemonInfo {
            api_version: fixed.unwrap_or_else(|| crate::engine::negotiated(ping.api_version)),
            os_type: ping.os_type,
            experimental: ping.experimental,
        },
        _ => DaemonInfo {
            api_version: own,
            os_type: String::new(),
            experimental: true,
        },
    }
}

/// Whether any flag of `verb` is annotated (only then can the daemon change its help).
pub fn has_annotations(verb: &str) -> bool {
    let verb = table_verb(verb);
    MIN_API.iter().any(|(v, _, _)| *v == verb)
        || OS_ONLY.iter().any(|(v, _, _)| *v == verb)
        || EXPERIMENTAL.iter().any(|(v, _)| *v == verb)
}

/// The flags of `verb` that docker's `--help` hides for this daemon (`hideUnsupportedFeatures`).
pub fn hidden_in_help(verb: &str, daemon: &DaemonInfo) -> Vec<&'static str> {
    let verb = table_verb(verb);
    let too_old = MIN_API
        .iter()
        .filter(|(v, _, min)| *v == verb && version_lt(&daemon.api_version, min))
        .map(|(_, f, _)| *f);
    let wrong_os = OS_ONLY
        .iter()
        .filter(|(v, _, os)| *v == verb && !daemon.os_type.is_empty() && daemon.os_type != *os)
        .map(|(_, f, _)| *f);
    let not_experimental = EXPERIMENTAL
        .iter()
        .filter(|(v, _)| *v == verb && !daemon.experimental)
        .map(|(_, f)| *f);
    too_old.chain(wrong_os).chain(not_experimental).collect()
}

/// The message of docker's API-version errors (`"--until" requires API version 1.35, …`),
/// also the client's own version checks in `ContainerCreate`.
pub fn requires_api(what: &str, min: &str, api_version: &str) -> String {
    format!(
        "{} requires API version {min}, but the Docker daemon API version is {api_version}",
        quote(what)
    )
}

/// Whether the command was invoked with an annotated flag: only then does docker ask the
/// daemon's version and OS before running it.
pub fn has_annotated_flags(inv: &Invocation) -> bool {
    let verb = table_verb(inv.verb());
    MIN_API.iter().any(|(v, f, _)| *v == verb && inv.is_set(f))
        || OS_ONLY.iter().any(|(v, f, _)| *v == verb && inv.is_set(f))
        || EXPERIMENTAL
            .iter()
            .any(|(v, f)| *v == verb && inv.is_set(f))
}

/// The experimental flags set when the daemon has no experimental features, in docker's words
/// and flag-name order (`start --checkpoint`).
pub fn unsupported_experimental_flags(inv: &Invocation, experimental: bool) -> Vec<String> {
    let verb = table_verb(inv.verb());
    let mut flags: Vec<&str> = EXPERIMENTAL
        .iter()
        .filter(|(v, f)| !experimental && *v == verb && inv.is_set(f))
        .map(|(_, f)| *f)
        .collect();
    flags.sort_unstable();
    flags
        .into_iter()
        .map(|f| {
            format!(
                "\"--{f}\" is only supported on a Docker daemon with experimental features enabled"
            )
        })
        .collect()
}

/// The flags set that the daemon cannot take, in docker's words, one message per flag in
/// flag-name order (pflag visits flags sorted). `os_type` empty skips the OS check.
pub fn unsupported_flags(inv: &Invocation, api_version: &str, os_type: &str) -> Vec<String> {
    let verb = table_verb(inv.verb());
    let too_old = MIN_API
        .iter()
        .filter(|(v, f, min)| *v == verb && inv.is_set(f) && version_lt(api_version, min))
        .map(|(_, f, min)| (*f, requires_api(&format!("--{f}"), min, api_version)));
    let wrong_os = OS_ONLY
        .iter()
        .filter(|(v, f, os)| *v == verb && inv.is_set(f) && !os_type.is_empty() && os_type != *os)
        .map(|(_, f, os)| {
            let message = format!("\"--{f}\" is only supported on a Docker daemon running on {os}, but the Docker daemon is running on {os_type}");
            (*f, message)
        });
    let mut errs: Vec<(&str, String)> = too_old.chain(wrong_os).collect();
    errs.sort_by(|a, b| a.0.cmp(b.0));
    errs.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv(path: &[&str], flags: &[&str]) -> Invocation {
        Invocation {
            path: path.iter().map(|s| s.to_string()).collect(),
            usage: String::new(),
            flags: flags.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn annotated_flags_by_verb() {
        assert!(has_annotated_flags(&inv(&["logs"], &["until"])));
        assert!(has_annotated_flags(&inv(
            &["container", "logs"],
            &["until"]
        )));
        assert!(has_annotated_flags(&inv(&["image", "ls"], &["tree"])));
        assert!(has_annotated_flags(&inv(&["run"], &["cpu-count"])));
        assert!(!has_annotated_flags(&inv(&["ps"], &["until"])));
        assert!(!has_annotated_flags(&inv(&["logs"], &["since"])));
        assert!(has_annotated_flags(&inv(&["exec"], &["workdir"])));
        assert!(has_annotated_flags(&inv(&["start"], &["checkpoint"])));
    }

    #[test]
    fn experimental_flags() {
        let start = inv(&["container", "start"], &["checkpoint-dir", "checkpoint"]);
        assert_eq!(
            unsupported_experimental_flags(&start, false),
            [
                "\"--checkpoint\" is only supported on a Docker daemon with experimental features enabled",
                "\"--checkpoint-dir\" is only supported on a Docker daemon with experimental features enabled",
            ]
        );
        assert!(unsupported_experimental_flags(&start, true).is_empty());
    }

    #[test]
    fn help_hides_what_the_daemon_lacks() {
        let daemon = |api: &str, os: &str, experimental| DaemonInfo {
            api_version: api.to_string(),
            os_type: os.to_string(),
            experimental,
        };
        assert_eq!(
            hidden_in_help("images", &daemon("1.41", "linux", false)),
            ["tree"]
        );
        assert!(hidden_in_help("images", &daemon("1.47", "linux", false)).is_empty());
        assert_eq!(
            hidden_in_help("create", &daemon("1.41", "linux", false)),
            [
                "annotation",
                "health-start-interval",
                "cpu-count",
                "cpu-percent",
                "io-maxbandwidth",
                "io-maxiops"
            ]
        );
        // No OS known (Podman 4, or no daemon): the Windows flags stay.
        assert_eq!(
            hidden_in_help("run", &daemon("1.41", "", false)),
            ["annotation", "health-start-interval"]
        );
        assert_eq!(
            hidden_in_help("start", &daemon("1.50", "linux", false)),
            ["checkpoint", "checkpoint-dir"]
        );
        assert!(hidden_in_help("start", &daemon("1.50", "", true)).is_empty());
        assert!(has_annotations("create") && has_annotations("logs"));
        assert!(!has_annotations("ps"));
    }

    /// A daemon that cannot be reached hides nothing (docker: the client's own version, no
    /// OS, experimental); options that make no client leave docker's zero `ServerInfo`.
    #[test]
    fn daemon_info_without_a_daemon() {
        let opts = |host: &str| ClientOptions {
            hosts: vec![host.to_string()],
            ..ClientOptions::default()
        };
        assert_eq!(
            daemon_info(opts("unix:///nonexistent-dkr-test.sock")),
            DaemonInfo {
                api_version: CLIENT_API_VERSION.to_string(),
                os_type: String::new(),
                experimental: true,
            }
        );
        let mut fixed = opts("unix:///nonexistent-dkr-test.sock");
        fixed.api_version = Some("1.40".to_string());
        assert_eq!(daemon_info(fixed).api_version, "1.40");
        assert!(!daemon_info(opts("tcp://bad:notaport")).experimental);
    }

    #[test]
    fn messages_sorted_by_flag() {
        let run = inv(
            &["container", "run"],
            &["stop-timeout", "io-maxiops", "annotation"],
        );
        assert_eq!(
            unsupported_flags(&run, "1.24", "linux"),
            [
                "\"--annotation\" requires API version 1.43, but the Docker daemon API version is 1.24",
                "\"--io-maxiops\" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux",
                "\"--stop-timeout\" requires API version 1.25, but the Docker daemon API version is 1.24",
            ]
        );
        assert!(unsupported_flags(&run, "1.45", "windows").is_empty());
        assert_eq!(
            unsupported_flags(&inv(&["images"], &["tree"]), "1.46", ""),
            ["\"--tree\" requires API version 1.47, but the Docker daemon API version is 1.46"]
        );
    }
}
