//! `dkr wait` against the real engines, beside docker: argument and flag errors, missing and
//! empty names, exit codes of several containers in argument order with failures reported at
//! the end, waiting for a running container to stop, and the request's fault-proxy check.

use std::time::{Duration, Instant};

use crate::support::objects::check_faults;
use crate::support::unique;

differential! {
    wait_without_args: ["wait"];
    wait_empty_name: ["wait", ""];
    wait_blank_name: ["wait", "  "];
    wait_missing: ["wait", "s4-no-such-ctr"];
    wait_missing_several: ["wait", "s4-no-such-a", "", "s4-no-such-b"];
    wait_bad_flag: ["wait", "-x", "a"];
    wait_help: ["wait", "--help"];
    container_wait_without_args: ["container", "wait"];
    container_wait_help: ["container", "wait", "--help"];
    container_wait_missing: ["container", "wait", "s4-no-such-ctr"];
    wait_dashdash: ["wait", "--", "-x"];
    wait_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "wait", "a", "b"];
}

on_both_engines! {
    /// Stopped containers answer at once: each exit code in argument order, failures last.
    fn wait_prints_exit_codes_in_order() {
        let e = engine_or_skip!();
        let (zero, three, killed) = (unique("wait-0"), unique("wait-3"), unique("wait-137"));
        let _c = e.cleanup(&[&zero, &three, &killed]);
        e.docker_ok(&["run", "--name", &zero, "busybox", "true"]);
        let _ = e.docker(&["run", "--name", &three, "busybox", "sh", "-c", "exit 3"]);
        e.docker_ok(&["run", "-d", "--name", &killed, "busybox", "sleep", "300"]);
        e.docker_ok(&["kill", &killed]);
        let out = e.compare(&["wait", &three, &zero, &killed]);
        assert_eq!((out.code, out.out()), (0, "3\n0\n137\n".to_string()), "{out}");
        let out = e.compare(&["container", "wait", &three, "s4-no-such-ctr", &zero, ""]);
        assert_eq!((out.code, out.out()), (1, "3\n0\n".to_string()), "{out}");
    }
}

on_both_engines! {
    /// A running container: wait blocks until it stops, then prints its code.
    fn wait_blocks_until_the_container_stops() {
        let e = engine_or_skip!();
        let name = unique("wait-run");
        let _c = e.cleanup(&[&name]);
        e.run_sh_detached(&name, "sleep 2; exit 7");
        let start = Instant::now();
        let out = e.dkr(&["wait", &name]);
        assert_eq!((out.code, out.out()), (0, "7\n".to_string()), "{out}");
        assert!(start.elapsed() >= Duration::from_millis(800), "{:?}", start.elapsed());
        e.compare(&["wait", &name]);
    }
}

/// A broken answer to `POST /containers/{id}/wait` is a clear error, never a hang.
#[test]
fn wait_survives_faults() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = crate::support::env::Env::new(&host);
    let name = unique("wait-fault");
    let _c = e.cleanup(&[&name]);
    let _ = e.docker(&["run", "--name", &name, "busybox", "sh", "-c", "exit 5"]);
    let problems = check_faults(&host, &["wait", &name], "POST", "/wait", &|| {});
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
