//! Helpers of the tests of commands that change or remove what they name (`rm`, `rmi`, `kill`,
//! `tag`, …): image tags removed on drop, object IDs hidden for comparison, a comparison where
//! each CLI gets its own fresh objects, and the fault-proxy check of one request.

use std::time::Duration;

use super::env::Env;
use super::process::{cli, Running};
use super::proxy::{Fault, FaultProxy, Rule};
use super::{assert_same, dkr_bin, docker_bin, eventually, shell_words, Outcome, TempDir};

/// Image references untagged (`rmi -f`) when dropped, also when a test fails. Only ever
/// references a test made itself (its own tags of `busybox`, its own commits).
pub struct ImageCleanup<'a> {
    env: &'a Env,
    refs: Vec<String>,
}

impl<'a> ImageCleanup<'a> {
    pub fn new(env: &'a Env, refs: &[&str]) -> ImageCleanup<'a> {
        ImageCleanup {
            env,
            refs: refs.iter().map(|s| s.to_string()).collect(),
        }
    }
}

impl Drop for ImageCleanup<'_> {
    fn drop(&mut self) {
        for r in &self.refs {
            let _ = self.env.docker(&["rmi", "-f", r]);
        }
    }
}

/// `s` with every run of 12 or more lowercase hex digits (container and image IDs, digests)
/// replaced by `<ID>`: two fresh objects differ only there.
pub fn hide_ids(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 12 {
            out.push_str("<ID>");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_ascii_digit() || ('a'..='f').contains(&c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// [`hide_ids`] of both streams.
pub fn without_ids(o: &Outcome) -> Outcome {
    Outcome {
        stdout: hide_ids(&o.out()).into_bytes(),
        stderr: hide_ids(&o.err()).into_bytes(),
        code: o.code,
    }
}

/// For commands that change what they name: `setup` makes the objects afresh, then docker
/// runs `args`; `setup` again, then dkr. The outcomes must be the same once IDs are hidden.
/// Returns dkr's outcome.
pub fn compare_fresh(env: &Env, setup: impl Fn(), args: &[&str]) -> Outcome {
    setup();
    let docker = env.docker(args);
    setup();
    let dkr = env.dkr(args);
    assert_same(
        &shell_words(args),
        &without_ids(&docker),
        &without_ids(&dkr),
    );
    dkr
}

/// Put the request `method path` of `dkr args` through every fault of the fault matrix
/// (`faults::faults`: late, cut at each point, not HTTP, not JSON, framed wrongly, a giant
/// header) on the engine
/// at `host` (`before` runs ahead of every attempt, to make what the command removes): dkr
/// never hangs or panics, a broken answer is an error with a message (unless docker, put
/// through the same fault, succeeds as well), and a late one changes nothing. Returns the
/// problems found.
pub fn check_faults(
    host: &str,
    args: &[&str],
    method: &str,
    path: &str,
    before: &dyn Fn(),
) -> Vec<String> {
    let proxy = FaultProxy::start(host, Vec::new());
    let attempt = |program: &str, fault: &Fault| {
        before();
        proxy.set_rules(vec![Rule::new(path, fault.clone()).method(method)]);
        proxy.clear_seen();
        let cfg = TempDir::new("flt-cfg");
        let run = Running::spawn(cli(program, &proxy.host(), cfg.path(), args))
            .finish(Duration::from_secs(10));
        // The proxy notes a request once it has passed the answer on, which can be just
        // after the CLI is done with it.
        let hit = || proxy.seen().iter().any(|s| s.fault == *fault);
        let hit = eventually(Duration::from_secs(2), hit);
        let seen = proxy.seen();
        let broken = hit && (fault.is_synthetic() || seen.iter().any(|s| s.truncated));
        (run, hit, broken)
    };
    let mut problems = Vec::new();
    let (baseline, _, _) = attempt(dkr_bin(), &Fault::Pass);
    for fault in crate::faults::faults() {
        let what = format!("dkr {} with {fault:?} on {method} {path}", args.join(" "));
        let (got, hit, broken) = attempt(dkr_bin(), &fault);
        let (docker, _, _) = attempt(&docker_bin(), &fault);
        eprintln!(
            "{:<22} dkr {:>3} docker {:>3} {:>6}ms  {}",
            format!("{fault:?}"),
            got.code,
            docker.code,
            got.elapsed.as_millis(),
            got.stderr.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        if !hit {
            problems.push(format!("{what}: the request was never made"));
        }
        if got.hung {
            problems.push(format!("{what}: hung"));
        }
        if got.panicked() {
            problems.push(format!("{what}: panicked: {}", got.stderr));
        }
        if broken && got.code == 0 && docker.code != 0 {
            problems.push(format!(
                "{what}: exit 0 on a broken answer (docker: {})",
                docker.code
            ));
        }
        if got.code != 0 && got.stderr.trim().is_empty() {
            problems.push(format!("{what}: exit {} without a message", got.code));
        }
        if matches!(fault, Fault::Delay(_)) && got.code != baseline.code {
            problems.push(format!(
                "{what}: exit {} where the undisturbed run gave {}",
                got.code, baseline.code
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_hidden_names_kept() {
        assert_eq!(
            hide_ids("Deleted: sha256:0123456789abcdef0123\ncontainer 0123456789ab is lc-1-2-x\n"),
            "Deleted: sha256:<ID>\ncontainer <ID> is lc-1-2-x\n"
        );
    }
}
