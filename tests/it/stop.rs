//! `stop` against the test engine: differential cases, missing names reported at the end,
//! the timeout and signal sent, and many containers stopped in parallel.

use std::time::Duration;

use crate::support::unique;

// ---------------------------------------------------------------------------------------------
// stop

differential! {
    stop_without_args: ["stop"];
    stop_missing_container: ["stop", "lc-no-such-container"];
    stop_time_and_timeout_conflict: ["stop", "--time", "1", "-t", "1", "x"];
    stop_bad_timeout: ["stop", "-t", "x", "a"];
    stop_empty_name: ["stop", ""];
}

on_both_engines! {
    fn stop_reports_missing_names_at_the_end_in_order() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..3).map(|i| unique(&format!("stop{i}"))).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let _c = e.cleanup(&refs);
        for n in &names {
            e.docker_ok(&["run", "-d", "--name", n, "busybox", "sleep", "300"]);
        }
        // Two rounds: dkr stops running containers, docker then finds them already stopped
        // (which is success too), so both see the same names succeed and fail.
        let args = [
            "stop",
            "-t",
            "1",
            &names[0],
            "lc-missing-a",
            &names[1],
            "lc-missing-b",
            &names[2],
        ];
        let out = e.dkr(&args);
        assert_eq!(out.code, 1, "{out}");
        assert_eq!(
            out.out(),
            format!("{}\n{}\n{}\n", names[0], names[1], names[2])
        );
        // The engine words "no such container" (Podman: `no container with name or ID "x"
        // found: no such container`); e.compare below checks docker says the same.
        let missing = |n: &str| match crate::support::Engine::current() {
            crate::support::Engine::Docker => format!("No such container: {n}"),
            crate::support::Engine::Podman => {
                format!("no container with name or ID \"{n}\" found: no such container")
            }
        };
        assert_eq!(
            out.err(),
            format!(
                "Error response from daemon: {}\nError response from daemon: {}\n",
                missing("lc-missing-a"),
                missing("lc-missing-b")
            )
        );
        for n in &names {
            assert_eq!(e.inspect(n)["State"]["Running"], false);
        }
        e.compare(&args);
    }
}

on_both_engines! {
    fn stop_deprecated_time_flag_and_signal() {
        let e = engine_or_skip!();
        let name = unique("stop-time");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        let out = e.dkr(&["stop", "--time", "1", &name]);
        assert_eq!(out.code, 0, "{out}");
        assert_eq!(
            out.out(),
            format!("Flag --time has been deprecated, use --timeout instead\n{name}\n")
        );
        // Already stopped: success again, same for both; -s is dropped below API 1.42.
        e.compare(&["stop", "-s", "KILL", "--time", "1", &name]);
    }
}

on_both_engines! {
    fn stop_timeout_is_sent() {
        let e = engine_or_skip!();
        let name = unique("stop-t");
        let _c = e.cleanup(&[&name]);
        // sleep as PID 1 ignores SIGTERM, so only the timeout ends it.
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        let start = std::time::Instant::now();
        let out = e.dkr(&["stop", "-t", "1", &name]);
        assert_eq!((out.code, out.out()), (0, format!("{name}\n")), "{out}");
        let took = start.elapsed();
        assert!(
            took >= Duration::from_millis(900) && took < Duration::from_secs(8),
            "{took:?}"
        );
        assert_eq!(e.inspect(&name)["State"]["ExitCode"], 137);
    }
}

on_both_engines! {
    fn stop_many_in_parallel() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..12).map(|i| unique(&format!("par{i}"))).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let _c = e.cleanup(&refs);
        for n in &names {
            e.docker_ok(&["run", "-d", "--name", n, "busybox", "sleep", "300"]);
        }
        let mut args = vec!["stop", "-t", "1"];
        args.extend(refs.iter());
        let start = std::time::Instant::now();
        let out = e.dkr(&args);
        assert_eq!(out.code, 0, "{out}");
        assert_eq!(
            out.out(),
            names.iter().map(|n| format!("{n}\n")).collect::<String>()
        );
        // Serially this would take 12 × 1 s.
        assert!(
            start.elapsed() < Duration::from_secs(8),
            "{:?}",
            start.elapsed()
        );
    }
}

differential! {
    container_stop_without_args: ["container", "stop"];
}
