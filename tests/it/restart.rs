//! `dkr restart` against the real engines, beside docker: several containers with missing
//! ones (every error at the end), the timeout and the deprecated `--time`, `-s` (dropped below
//! API 1.42), and the restart request behind the fault proxy.

use std::time::Duration;

use crate::support::{unique, Engine};

differential! {
    restart_without_args: ["restart"];
    container_restart_without_args: ["container", "restart"];
    restart_missing_container: ["restart", "lc-no-such-container"];
    restart_time_and_timeout_conflict: ["restart", "--time", "1", "-t", "1", "x"];
    restart_bad_timeout: ["restart", "-t", "x", "a"];
    restart_empty_name: ["restart", ""];
    restart_unknown_flag: ["restart", "--bogus", "a"];
    restart_help: ["restart", "--help"];
    container_restart_help: ["container", "restart", "--help"];
}

on_both_engines! {
    fn restart_several_with_missing_ones() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..3).map(|i| unique(&format!("restart{i}"))).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let _c = e.cleanup(&refs);
        // One running, one exited, one never started: restart starts them all.
        e.docker_ok(&["run", "-d", "--name", &names[0], "busybox", "sleep", "300"]);
        e.docker_ok(&["run", "--name", &names[1], "busybox", "true"]);
        e.docker_ok(&["create", "--name", &names[2], "busybox", "sleep", "300"]);
        let args = [
            "restart",
            "-t",
            "0",
            &names[0],
            "lc-missing-a",
            &names[1],
            "lc-missing-b",
            &names[2],
        ];
        let out = e.compare(&args);
        assert_eq!(out.code, 1, "{out}");
        assert_eq!(out.out(), format!("{}\n{}\n{}\n", names[0], names[1], names[2]));
        assert_eq!(out.err().lines().count(), 2, "{out}");
        assert_eq!(e.inspect(&names[2])["State"]["Running"], true);
    }
}

on_both_engines! {
    fn restart_deprecated_time_and_signal() {
        let e = engine_or_skip!();
        let name = unique("restart-time");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        let out = e.compare(&["restart", "--time", "0", &name]);
        assert_eq!(
            out.out(),
            format!("Flag --time has been deprecated, use --timeout instead\n{name}\n")
        );
        e.compare(&["container", "restart", "-s", "KILL", "-t", "0", &name]);
        assert_eq!(e.inspect(&name)["State"]["Running"], true);
    }
}

on_both_engines! {
    fn restart_timeout_is_sent() {
        let e = engine_or_skip!();
        let name = unique("restart-t");
        let _c = e.cleanup(&[&name]);
        // sleep as PID 1 ignores SIGTERM, so only the timeout ends it.
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        let started = e.inspect(&name)["State"]["StartedAt"].clone();
        let t = std::time::Instant::now();
        let out = e.dkr(&["restart", "-t", "1", &name]);
        assert_eq!((out.code, out.out()), (0, format!("{name}\n")), "{out}");
        let took = t.elapsed();
        assert!(took >= Duration::from_millis(900) && took < Duration::from_secs(10), "{took:?}");
        let state = e.inspect(&name)["State"].clone();
        assert_eq!(state["Running"], true);
        assert_ne!(state["StartedAt"], started);
    }
}

/// The restart request broken by the proxy: never a hang or a panic.
#[test]
fn restart_request_survives_faults() {
    let Some(e) = Engine::Docker.run(crate::support::env::engine) else {
        return;
    };
    let name = unique("restart-flt");
    let _c = e.cleanup(&[&name]);
    e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
    let cases: [(&str, Vec<&str>, &str, &str); 1] = [(
        "restart",
        vec!["restart", "-t", "0", &name],
        "/restart",
        "POST",
    )];
    crate::exec::check_faults(&e.host, &cases);
}
