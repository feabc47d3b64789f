//! `dkr rm` against the real engines, beside docker: argument and flag errors, missing and
//! empty names, a running container without `-f` (the daemon's conflict), `-f`, `-v`, several
//! containers with failures among them (docker's order and words), names printed as typed, the
//! parallel removal, and the request's fault-proxy check.

use crate::support::objects::{check_faults, compare_fresh};
use crate::support::unique;

differential! {
    rm_without_args: ["rm"];
    rm_empty_name: ["rm", ""];
    rm_blank_name: ["rm", " "];
    rm_only_slashes: ["rm", "//"];
    rm_missing: ["rm", "s4-no-such-ctr"];
    rm_missing_several: ["rm", "s4-no-such-a", "s4-no-such-b", "/s4-no-such-c"];
    rm_force_missing: ["rm", "-f", "s4-no-such-a", "s4-no-such-b"];
    rm_force_missing_and_empty: ["rm", "-f", "s4-no-such-a", "", "s4-no-such-b"];
    rm_volumes_link_missing: ["rm", "-v", "-l", "s4-no-such-ctr"];
    rm_bad_flag: ["rm", "--bogus", "x"];
    rm_bad_bool: ["rm", "-f=maybe", "x"];
    rm_help: ["rm", "--help"];
    container_rm_without_args: ["container", "rm"];
    container_rm_help: ["container", "rm", "--help"];
    container_remove_missing: ["container", "remove", "s4-no-such-ctr"];
    container_remove_help: ["container", "remove", "--help"];
    rm_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "rm", "a", "b"];
    rm_dot_path: ["rm", "./s4-no-such-ctr", "s4-a/../s4-no-such-b"];
    rm_help_shorthand: ["rm", "-h"];
}

on_both_engines! {
    /// The daemon's conflict (its words name the container's ID, the same for both CLIs).
    fn rm_running_without_force_is_the_daemons_conflict() {
        let e = engine_or_skip!();
        let name = unique("rm-running");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        let out = e.compare(&["rm", &name]);
        assert_eq!(out.code, 1, "{out}");
        e.compare(&["rm", "-v", "-f=false", &name, "s4-no-such-ctr"]);
        assert!(e.exists(&name));
    }
}

on_both_engines! {
    fn rm_several_with_failures_in_docker_order() {
        let e = engine_or_skip!();
        let (a, b, running) = (unique("rm-a"), unique("rm-b"), unique("rm-run"));
        let _c = e.cleanup(&[&a, &b, &running]);
        let setup = || {
            e.rm(&[&a, &b, &running]);
            e.docker_ok(&["create", "--name", &a, "busybox", "true"]);
            e.docker_ok(&["run", "--name", &b, "busybox", "true"]);
            e.docker_ok(&["run", "-d", "--name", &running, "busybox", "sleep", "300"]);
        };
        let slashed = format!("/{b}");
        let args = ["rm", &a, "s4-no-such-x", &running, &slashed, ""];
        let out = compare_fresh(&e, setup, &args);
        // Printed as typed (the slash kept), in argument order.
        assert_eq!(out.out(), format!("{a}\n/{b}\n"), "{out}");
        assert_eq!(out.code, 1);
        assert!(!e.exists(&a) && !e.exists(&b) && e.exists(&running));
    }
}

on_both_engines! {
    fn rm_force_removes_running_and_reports_missing() {
        let e = engine_or_skip!();
        let (a, b) = (unique("rm-fa"), unique("rm-fb"));
        let _c = e.cleanup(&[&a, &b]);
        let setup = || {
            e.rm(&[&a, &b]);
            e.docker_ok(&["run", "-d", "--name", &a, "busybox", "sleep", "300"]);
            e.docker_ok(&["create", "--name", &b, "busybox", "true"]);
        };
        let out = compare_fresh(&e, setup, &["rm", "-f", &a, "s4-no-such-x", &b]);
        assert_eq!((out.code, out.out()), (0, format!("{a}\n{b}\n")), "{out}");
        assert!(!e.exists(&a) && !e.exists(&b));
        compare_fresh(&e, setup, &["container", "rm", "--force", "--volumes", &a, &b]);
    }
}

on_both_engines! {
    /// An ID prefix is printed as typed; `-v` takes the anonymous volume along.
    fn rm_by_id_prefix_with_volumes() {
        let e = engine_or_skip!();
        let name = unique("rm-vol");
        let _c = e.cleanup(&[&name]);
        let id = e
            .docker_ok(&["create", "--name", &name, "-v", "/anon", "busybox", "true"])
            .trim()
            .to_string();
        let volume = e.inspect(&name)["Mounts"][0]["Name"]
            .as_str()
            .unwrap()
            .to_string();
        let out = e.dkr(&["rm", "-v", &id[..12]]);
        assert_eq!((out.code, out.out()), (0, format!("{}\n", &id[..12])), "{out}");
        assert!(!e.exists(&name));
        let left = e.docker(&["volume", "inspect", &volume]);
        assert_ne!(left.code, 0, "volume {volume} was left behind");
    }
}

/// `-l` removes a legacy link (`B/alias`), printed as typed; a container's own name is no link.
/// Docker only: Podman has no links (`link is not supported`, as `rm_volumes_link_missing`
/// shows on both engines).
#[test]
fn rm_link() {
    let Some(e) = crate::support::Engine::Docker.run(crate::support::env::engine) else {
        return;
    };
    let (target, linked) = (unique("rm-lt"), unique("rm-ll"));
    let _c = e.cleanup(&[&target, &linked]);
    e.docker_ok(&["run", "-d", "--name", &target, "busybox", "sleep", "300"]);
    let link = format!("{target}:al");
    let setup = || {
        e.rm(&[&linked]);
        e.docker_ok(&[
            "run", "-d", "--name", &linked, "--link", &link, "busybox", "sleep", "300",
        ]);
    };
    let alias = format!("{linked}/al");
    let out = compare_fresh(&e, setup, &["rm", "-l", &alias]);
    assert_eq!((out.code, out.out()), (0, format!("{alias}\n")), "{out}");
    assert!(e.exists(&linked) && e.exists(&target));
    e.compare(&["rm", "--link", &alias]);
    e.compare(&["rm", "-l", &target]);
}

on_both_engines! {
    fn rm_many_in_parallel() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..12).map(|i| unique(&format!("rmpar{i}"))).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let _c = e.cleanup(&refs);
        for n in &names {
            e.docker_ok(&["run", "-d", "--name", n, "busybox", "sleep", "300"]);
        }
        let mut args = vec!["rm", "-f"];
        args.extend(refs.iter());
        let out = e.dkr(&args);
        assert_eq!(out.code, 0, "{out}");
        assert_eq!(
            out.out(),
            names.iter().map(|n| format!("{n}\n")).collect::<String>()
        );
        assert!(names.iter().all(|n| !e.exists(n)));
    }
}

/// A broken answer to `DELETE /containers/{id}` is a clear error, never a hang.
#[test]
fn rm_survives_faults() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = crate::support::env::Env::new(&host);
    let name = unique("rm-fault");
    let _c = e.cleanup(&[&name]);
    let before = || {
        if !e.exists(&name) {
            e.docker_ok(&["create", "--name", &name, "busybox", "true"]);
        }
    };
    let problems = check_faults(&host, &["rm", &name], "DELETE", "/containers/", &before);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
