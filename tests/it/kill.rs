//! `dkr kill` against the real engines, beside docker: argument and flag errors, missing and
//! empty names, signals as typed (names, numbers, ones the daemon refuses), a container that
//! is not running (the daemon's words), several containers in parallel with failures among
//! them, and the request's fault-proxy check.

use crate::support::objects::{check_faults, compare_fresh};
use crate::support::{eventually, unique};

differential! {
    kill_without_args: ["kill"];
    kill_empty_name: ["kill", ""];
    kill_missing: ["kill", "s4-no-such-ctr"];
    kill_missing_several: ["kill", "s4-no-such-a", "s4-no-such-b"];
    kill_signal_missing_container: ["kill", "-s", "USR1", "s4-no-such-ctr"];
    kill_signal_needs_a_value: ["kill", "-s"];
    kill_bad_flag: ["kill", "--bogus", "x"];
    kill_help: ["kill", "--help"];
    container_kill_without_args: ["container", "kill"];
    container_kill_help: ["container", "kill", "--help"];
    container_kill_missing: ["container", "kill", "--signal=TERM", "s4-no-such-ctr"];
    kill_blank_name: ["kill", " ", "s4-no-such-ctr"];
    kill_dashdash: ["kill", "--", "-s"];
}

on_both_engines! {
    /// Signals the daemon refuses, and a stopped container: the daemon's words (with the
    /// container's ID, the same for both CLIs); nothing changes, so both see the same.
    fn kill_errors_from_the_daemon() {
        let e = engine_or_skip!();
        let (running, stopped) = (unique("kill-run"), unique("kill-stopped"));
        let _c = e.cleanup(&[&running, &stopped]);
        e.docker_ok(&["run", "-d", "--name", &running, "busybox", "sleep", "300"]);
        e.docker_ok(&["run", "--name", &stopped, "busybox", "true"]);
        for args in [
            vec!["kill", "-s", "BOGUS", &running],
            vec!["kill", "--signal", "0", &running],
            vec!["kill", &stopped],
            vec!["kill", "-s", "KILL", &stopped, "s4-no-such-ctr", &stopped],
        ] {
            let out = e.compare(&args);
            assert_eq!(out.code, 1, "{out}");
        }
        assert_eq!(e.inspect(&running)["State"]["Running"], true);
    }
}

/// A signal number the daemon does not know (Podman's runc leaves the container in a state
/// that differs from run to run, so Docker only).
#[test]
fn kill_unknown_signal_number() {
    let e = crate::support::Engine::Docker.run(crate::support::env::engine);
    let Some(e) = e else { return };
    let name = unique("kill-999");
    let _c = e.cleanup(&[&name]);
    e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
    e.compare(&["kill", "-s", "999", &name]);
    e.compare(&["kill", "-s", "-9", &name]);
}

on_both_engines! {
    /// Each killed container printed as typed, in order; the failures at the end.
    fn kill_several_with_failures() {
        let e = engine_or_skip!();
        let (a, b) = (unique("kill-a"), unique("kill-b"));
        let _c = e.cleanup(&[&a, &b]);
        let setup = || {
            e.rm(&[&a, &b]);
            e.docker_ok(&["run", "-d", "--name", &a, "busybox", "sleep", "300"]);
            e.docker_ok(&["run", "-d", "--name", &b, "busybox", "sleep", "300"]);
        };
        let out = compare_fresh(&e, setup, &["kill", &a, "s4-no-such-ctr", &b]);
        assert_eq!((out.code, out.out()), (1, format!("{a}\n{b}\n")), "{out}");
        assert_eq!(e.inspect(&a)["State"]["ExitCode"], 137);
        let out = compare_fresh(&e, setup, &["container", "kill", "-s", "SIGKILL", &a, &b]);
        assert_eq!(out.code, 0, "{out}");
    }
}

on_both_engines! {
    /// The signal reaches the container as typed: a trap sees USR1 by name, number and
    /// `SIG` spelling.
    fn kill_sends_the_signal_typed() {
        let e = engine_or_skip!();
        let name = unique("kill-trap");
        let _c = e.cleanup(&[&name]);
        e.run_sh_detached(&name, "trap 'echo got-usr1' USR1; while :; do sleep 0.1; done");
        for (i, sig) in ["USR1", "SIGUSR1", "10", "usr1"].iter().enumerate() {
            let out = e.dkr(&["kill", "-s", sig, &name]);
            assert_eq!((out.code, out.out()), (0, format!("{name}\n")), "{sig}: {out}");
            let seen = eventually(std::time::Duration::from_secs(5), || {
                e.docker(&["logs", &name]).out().matches("got-usr1").count() > i
            });
            assert!(seen, "{sig} never reached the container");
        }
        assert_eq!(e.inspect(&name)["State"]["Running"], true);
    }
}

/// A broken answer to `POST /containers/{id}/kill` is a clear error, never a hang.
#[test]
fn kill_survives_faults() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = crate::support::env::Env::new(&host);
    let name = unique("kill-fault");
    let _c = e.cleanup(&[&name]);
    let before = || {
        let running = e.docker(&["inspect", "-f", "{{.State.Running}}", &name]);
        if running.out().trim() != "true" {
            e.rm(&[&name]);
            e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        }
    };
    let problems = check_faults(&host, &["kill", &name], "POST", "/kill", &before);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
