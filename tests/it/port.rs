//! `dkr port` against the real engines, beside docker: argument errors, a missing container,
//! every mapping of a container with published ports (sorted naturally, IPv6 in brackets),
//! one private port with and without a protocol, unpublished and invalid ports, and the
//! request's fault-proxy check. Host ports are the daemon's choice, so no test clashes.

use crate::support::objects::check_faults;
use crate::support::{unique, Engine};

differential! {
    port_without_args: ["port"];
    port_three_args: ["port", "a", "80", "x"];
    port_missing: ["port", "s4-no-such-ctr"];
    port_missing_with_port: ["port", "s4-no-such-ctr", "abc"];
    port_empty_name: ["port", ""];
    port_dash_number_is_a_flag: ["port", "x", "-1"];
    port_bad_flag: ["port", "--bogus", "x"];
    port_help: ["port", "--help"];
    port_help_after_args: ["port", "x", "80", "--help"];
    container_port_help: ["container", "port", "--help"];
    container_port_without_args: ["container", "port"];
    port_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "port", "a"];
}

on_both_engines! {
    fn port_lists_and_looks_up_mappings() {
        let e = engine_or_skip!();
        let (name, none) = (unique("port"), unique("port-none"));
        let _c = e.cleanup(&[&name, &none]);
        let mut run = vec![
            "run", "-d", "--name", &name, "-p", "80", "-p", "127.0.0.1::81/udp", "-p",
            "127.0.0.1::90-91", "-p", "8080", "--expose", "7000",
        ];
        // Podman 4 in this setup has no IPv6 on its bridge.
        if Engine::current() == Engine::Docker {
            run.extend(["-p", "[::1]::80"]);
        }
        run.extend(["busybox", "sleep", "300"]);
        e.docker_ok(&run);
        e.docker_ok(&["run", "-d", "--name", &none, "--expose", "80", "busybox", "sleep", "300"]);
        let out = e.compare(&["port", &name]);
        assert!(out.out().contains("80/tcp -> "), "{out}");
        for private in [
            "80", "80/tcp", "81/udp", "81", "90", "8080", "7000", "80/xyz", "abc", "99999",
            "/tcp", "", "080", "80/tcp/x",
        ] {
            e.compare(&["port", &name, private]);
        }
        e.compare(&["container", "port", &none]);
        e.compare(&["port", &none, "80"]);
    }
}

/// A broken answer to `GET /containers/{id}/json` is a clear error, never a hang.
#[test]
fn port_survives_faults() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = crate::support::env::Env::new(&host);
    let name = unique("port-fault");
    let _c = e.cleanup(&[&name]);
    e.docker_ok(&[
        "run", "-d", "--name", &name, "-p", "80", "busybox", "sleep", "300",
    ]);
    let problems = check_faults(&host, &["port", &name], "GET", "/json", &|| {});
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
