//! Which flags need a newer daemon API or another daemon OS, in one table, and the one check
//! of the flags a command was invoked with against it (docker's `areFlagsSupported` in
//! `cmd/docker/docker.go`, reading the `version` and `ostype` flag annotations).

use crate::engine::version_lt;
use crate::golang::strconv::quote;

use super::Invocation;

/// `(verb, flag, minimum API version)`: docker's `version` annotations on the flags of the
/// commands dkr has. The verb is the command whatever its spelling (`run` for `container run`).
const MIN_API: &[(&str, &str, &str)] = &[
    ("images", "tree", "1.47"),
    ("logs", "until", "1.35"),
    ("push", "platform", "1.46"),
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

/// `(verb, flag)`: docker's `ostype` annotations (flags for a Windows daemon only).
const WINDOWS_ONLY: &[(&str, &str)] = &[
    ("run", "cpu-count"),
    ("run", "cpu-percent"),
    ("run", "io-maxbandwidth"),
    ("run", "io-maxiops"),
];

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
    let verb = inv.verb();
    MIN_API.iter().any(|(v, f, _)| *v == verb && inv.is_set(f))
        || WINDOWS_ONLY
            .iter()
            .any(|(v, f)| *v == verb && inv.is_set(f))
}

/// The flags set that the daemon cannot take, in docker's words, one message per flag in
/// flag-name order (pflag visits flags sorted). `os_type` empty skips the OS check.
pub fn unsupported_flags(inv: &Invocation, api_version: &str, os_type: &str) -> Vec<String> {
    let verb = inv.verb();
    let too_old = MIN_API
        .iter()
        .filter(|(v, f, min)| *v == verb && inv.is_set(f) && version_lt(api_version, min))
        .map(|(_, f, min)| (*f, requires_api(&format!("--{f}"), min, api_version)));
    let wrong_os = WINDOWS_ONLY
        .iter()
        .filter(|(v, f)| *v == verb && inv.is_set(f))
        .filter(|_| !os_type.is_empty() && os_type != "windows")
        .map(|(_, f)| {
            let message = format!("\"--{f}\" is only supported on a Docker daemon running on windows, but the Docker daemon is running on {os_type}");
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
