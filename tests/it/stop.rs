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

// ---------------------------------------------------------------------------------------------
// dkr's own `--all`, `--filter`, `--ignore` (issue #15)

/// `n` containers running `sleep`, with `labels` (`k=v`), created one after another.
fn running(e: &crate::support::env::Env, names: &[String], labels: &[&str]) {
    for n in names {
        let mut args = vec!["run", "-d", "--name", n.as_str()];
        for l in labels {
            args.extend(["--label", l]);
        }
        args.extend(["busybox", "sleep", "300"]);
        e.docker_ok(&args);
    }
}

on_both_engines! {
    /// `--filter label=…` stops exactly the running containers `ps --filter` lists, printed by
    /// name in the engine's order; a second run finds none running and prints nothing.
    fn stop_by_label_filter() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..3).map(|i| unique(&format!("stopf{i}"))).collect();
        let other = unique("stopf-other");
        let mut all: Vec<&str> = names.iter().map(String::as_str).collect();
        all.push(&other);
        let _c = e.cleanup(&all);
        let label = format!("dkr.stopf={}", names[0]);
        running(&e, &names, &[&label]);
        running(&e, std::slice::from_ref(&other), &[]);
        let filter = format!("label={label}");
        let listed = e.docker_ok(&["ps", "--filter", &filter, "--format", "{{.Names}}"]);
        assert_eq!(listed.lines().count(), 3, "{listed}");
        let out = e.dkr(&["stop", "-t", "1", "--filter", &filter]);
        assert_eq!((out.code, out.out(), out.err()), (0, listed, String::new()));
        for n in &names {
            assert_eq!(e.inspect(n)["State"]["Running"], false, "{n}");
        }
        assert_eq!(e.inspect(&other)["State"]["Running"], true);
        // `-a` with `-f` is the same selection; nothing of it runs any more.
        let out = e.dkr(&["stop", "-a", "-f", &filter]);
        assert_eq!((out.code, out.out(), out.err()), (0, String::new(), String::new()));
    }

    /// A filter that matches nothing: nothing printed, exit 0.
    fn stop_filter_without_match() {
        let e = engine_or_skip!();
        let label = format!("label=dkr.none={}", unique("none"));
        let out = e.dkr(&["stop", "-f", &label]);
        assert_eq!((out.code, out.out(), out.err()), (0, String::new(), String::new()));
    }

    /// `--ignore`: a missing name is skipped silently; the others still stop and print.
    fn stop_ignore_missing_name() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..2).map(|i| unique(&format!("stopi{i}"))).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let _c = e.cleanup(&refs);
        running(&e, &names, &[]);
        let out = e.dkr(&["stop", "-i", "-t", "1", &names[0], "lc-missing-i", &names[1]]);
        assert_eq!(
            (out.code, out.out(), out.err()),
            (0, format!("{}\n{}\n", names[0], names[1]), String::new())
        );
        // Other failures are still errors: an empty name is no 404.
        let out = e.dkr(&["stop", "--ignore", "", "lc-missing-i"]);
        assert_eq!(out.code, 1, "{out}");
        assert_eq!(
            out.err(),
            "invalid container name or ID: value is empty\n",
            "{out}"
        );
    }

    /// `--all`/`--filter` with names, and an invalid filter (the engine's words, as `ps`).
    fn stop_selection_errors() {
        let e = engine_or_skip!();
        let out = e.dkr(&["stop", "-a", "x"]);
        assert_eq!(
            (out.code, out.out(), out.err()),
            (
                1,
                String::new(),
                "conflicting options: cannot specify both --all and container names\n".into()
            )
        );
        let out = e.dkr(&["stop", "--filter", "label=a", "x", "y"]);
        assert_eq!(
            out.err(),
            "conflicting options: cannot specify both --filter and container names\n"
        );
        // `--filter ""` is no filter: docker's argument check, not a stop of everything.
        let out = e.dkr(&["stop", "--filter", ""]);
        assert_eq!(out.code, 1);
        assert!(out.err().contains("requires at least 1 argument"), "{out}");
        let ps = e.docker(&["ps", "--filter", "bogus=1"]);
        let out = e.dkr(&["stop", "--filter", "bogus=1"]);
        assert_eq!((out.code, out.err()), (ps.code, ps.err()));
    }
}

/// `--all` stops every running container, so it runs against a private dockerd of its own
/// (the shared engine's containers belong to other tests): the running ones stop and print by
/// name, newest first (the engine's order); a created one is not touched.
#[test]
fn stop_all_on_a_private_engine() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let engine = crate::support::private_engine::PrivateEngine::start(&host);
    let e = crate::support::env::Env::new(&engine.host);
    let names: Vec<String> = (0..3).map(|i| unique(&format!("stopa{i}"))).collect();
    running(&e, &names, &[]);
    let created = unique("stopa-created");
    e.docker_ok(&["create", "--name", &created, "busybox", "true"]);
    let out = e.dkr(&["stop", "-t", "1", "--all"]);
    assert_eq!(
        (out.code, out.out(), out.err()),
        (
            0,
            format!("{}\n{}\n{}\n", names[2], names[1], names[0]),
            String::new()
        )
    );
    assert_eq!(e.docker_ok(&["ps", "-q"]), "");
    assert_eq!(e.inspect(&created)["State"]["Status"], "created");
    // Nothing left running: nothing printed, exit 0.
    let out = e.dkr(&["stop", "-a"]);
    assert_eq!(
        (out.code, out.out(), out.err()),
        (0, String::new(), String::new())
    );
}
