//! `dkr inspect`, `container inspect` and `image inspect` against the real engines, beside
//! docker: the JSON array byte for byte, templates (typed view first, then the raw JSON with
//! `missingkey=error`), several objects with missing ones, `--type`, `-s`, help, and broken
//! daemon answers.

use std::time::{Duration, Instant};

use crate::support::env::Env;
use crate::support::proxy::{Fault, FaultProxy, Rule};
use crate::support::unique;

differential! {
    inspect_without_args: ["inspect"];
    container_inspect_without_args: ["container", "inspect"];
    image_inspect_without_args: ["image", "inspect"];
    inspect_missing_objects: ["inspect", "lc-insp-none-1", "lc-insp-none-2"];
    inspect_missing_with_format: ["inspect", "-f", "{{.Id}}", "lc-insp-none-1"];
    container_inspect_missing: ["container", "inspect", "lc-insp-none-1", "lc-insp-none-2"];
    image_inspect_missing: ["image", "inspect", "lc-insp-none:1"];
    inspect_type_container_missing: ["inspect", "--type", "container", "lc-insp-none"];
    inspect_type_image_missing: ["inspect", "--type", "image", "lc-insp-none"];
    inspect_type_network_missing: ["inspect", "--type", "network", "lc-insp-none"];
    inspect_type_volume_missing: ["inspect", "--type", "volume", "lc-insp-none"];
    inspect_type_plugin_missing: ["inspect", "--type", "plugin", "lc-insp-none"];
    inspect_type_service_missing: ["inspect", "--type", "service", "lc-insp-none"];
    inspect_unknown_type: ["inspect", "--type", "bogus", "x"];
    inspect_empty_type: ["inspect", "--type", "", "x"];
    inspect_unclosed_template: ["inspect", "-f", "{{", "busybox"];
    inspect_unknown_function: ["inspect", "-f", "{{nope .Id}}", "busybox"];
    inspect_empty_name: ["inspect", ""];
    image_inspect_empty_name: ["image", "inspect", ""];
    container_inspect_blank_name: ["container", "inspect", "  "];
    inspect_uppercase_name: ["inspect", "UPPER"];
    image_inspect_uppercase: ["image", "inspect", "UPPER"];
    image_inspect_bad_flag: ["image", "inspect", "-s", "busybox"];
    inspect_bad_size_value: ["inspect", "--size=maybe", "busybox"];
    image_inspect_platform: ["image", "inspect", "--platform", "linux/amd64", "-f", "{{.Os}}", "busybox"];
    image_inspect_image_fields: ["image", "inspect", "-f", "{{.Os}}/{{.Architecture}} {{json .Config}} {{.RootFS.Type}} {{len .RootFS.Layers}}", "busybox"];
    image_inspect_missing_key: ["image", "inspect", "-f", "{{.Config.Labels.nope}}", "busybox"];
    inspect_network_template: ["inspect", "--type", "network", "-f", "{{.Name}}", "bridge"];
    image_inspect_unknown_digest: ["image", "inspect", "busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000"];
    image_inspect_by_tag: ["image", "inspect", "-f", "{{.Os}} {{.Architecture}}", "busybox:latest"];
    inspect_dot_path_name: ["inspect", "-f", "{{.Name}}", "a/b/../lc-insp-none"];
    inspect_name_with_tab: ["inspect", "x\ty"];
}

// Help, byte for byte (program name swapped): no daemon, so docker hides nothing.
differential! {
    inspect_help: ["-H", "unix:///nonexistent-dkr.sock", "inspect", "--help"];
    container_inspect_help: ["-H", "unix:///nonexistent-dkr.sock", "container", "inspect", "--help"];
    image_inspect_help: ["-H", "unix:///nonexistent-dkr.sock", "image", "inspect", "--help"];
    inspect_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "inspect", "a", "b"];
    container_inspect_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "container", "inspect", "a"];
}

/// Image answers carry every tag of the image, and other tests tag busybox: retry a case
/// whose two runs saw different tags.
fn image_env(e: Env) -> Env {
    e.retrying()
}

on_both_engines! {
    fn inspect_image_json_and_sizes() {
        let e = image_env(engine_or_skip!());
        e.compare(&["inspect", "busybox"]);
        e.compare(&["image", "inspect", "busybox"]);
        e.compare(&["inspect", "--type", "image", "-f", "json", "busybox"]);
        // -s on an image: docker's warning on stderr, the JSON unchanged.
        e.compare(&["inspect", "-s", "busybox"]);
        e.compare(&["inspect", "-f", "{{.Metadata}}|{{.RootFS}}|{{.Size}}|{{.ID}}", "busybox"]);
        e.compare(&["inspect", "-f", "{{.Id}} {{.Nope}}", "busybox"]);
    }
}

on_both_engines! {
    fn inspect_container_templates() {
        let e = engine_or_skip!();
        let name = unique("insp");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "create", "--name", &name, "-l", "com.example.k=v<&>", "-l", "plain=1", "-e",
            "A=1", "-p", "127.0.0.1:18081:80", "--expose", "9000", "-v", "/data", "--tmpfs",
            "/run", "--health-cmd", "true", "--health-interval", "1500ms", "--ulimit", "nofile=512:1024",
            "--restart", "on-failure:2", "-w", "/tmp",
            "busybox", "sleep", "300",
        ]);
        for args in [
            &["inspect", &name][..],
            &["container", "inspect", &name],
            &["inspect", "-f", "json", &name],
            &["inspect", "-s", "-f", "{{.SizeRw}} {{.SizeRootFs}}", &name],
            &["inspect", "-f", "{{.SizeRw}}", &name],
        ] {
            e.compare(args);
        }
        for format in [
            "{{.Id}}",
            "{{.ID}}",
            "{{.Name}}",
            "{{.State.Status}} {{.State.Running}} {{.State.Pid}}",
            "{{json .State}}",
            "{{.State.Health.Status}}",
            "{{json .Config}}",
            "{{json .HostConfig}}",
            "{{json .NetworkSettings}}",
            "{{json .Mounts}}",
            "{{json .}}",
            "{{.Config.Labels}}",
            "{{index .Config.Labels \"com.example.k\"}}",
            "{{index .Config.Labels \"missing\"}}|{{.Config.Labels.missing}}",
            "{{range .Mounts}}{{.Type}} {{.Destination}} {{.RW}};{{end}}",
            "{{range $p, $b := .HostConfig.PortBindings}}{{$p}}->{{(index $b 0).HostPort}}{{end}}",
            "{{range $k, $v := .Config.ExposedPorts}}{{$k}} {{end}}",
            "{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}",
            "{{.HostConfig.RestartPolicy}}",
            "{{.HostConfig.Dns}}|{{.HostConfig.DNS}}",
            "{{.Config.Cmd}} {{len .Config.Env}} {{.Config.WorkingDir}}",
            "{{if .State.Running}}up{{else}}down{{end}}",
            "{{.Config.Healthcheck.Test}}",
            "{{.Config.Healthcheck}} {{.Config.Healthcheck.Interval}} {{json .Config.Healthcheck}}",
            "{{printf \"%d %v\" .Config.Healthcheck.Interval .Config.Healthcheck.Interval}}",
            "{{.HostConfig.Ulimits}} {{range .HostConfig.Ulimits}}{{.}} {{.Name}};{{end}}",
            "{{(index .NetworkSettings.Networks \"lc-nope\").Gateway}}",
            "{{.Id}} {{(index .NetworkSettings.Networks \"lc-nope\").Gateway}}",
            "{{json .Config.Labels}} {{json .Config.Entrypoint}}",
            "{{printf \"%s=%v\" .Name .RestartCount}}",
            "{{.Nope}}",
            "{{.Config.Nope}}",
            "{{.Id}} {{.ID}}",
            "{{index .Config.Cmd 5}}",
            "{{.State.Status | upper}} {{join .Config.Cmd \",\"}}",
        ] {
            e.compare(&["inspect", "-f", format, &name]);
        }
    }
}

on_both_engines! {
    fn inspect_running_container_and_networks() {
        let e = engine_or_skip!();
        let name = unique("insp-run");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        e.compare(&["inspect", &name]);
        for format in [
            "{{.State.Running}} {{.State.StartedAt}}",
            "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}};{{end}}",
            "{{.NetworkSettings.IPAddress}}",
            "{{json .NetworkSettings.Networks}}",
        ] {
            e.compare(&["inspect", "-f", format, &name]);
        }
    }
}

on_both_engines! {
    fn inspect_several_objects_with_missing_ones() {
        let e = image_env(engine_or_skip!());
        let name = unique("insp-many");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["create", "--name", &name, "busybox", "true"]);
        let out = e.compare(&["inspect", &name, "lc-insp-missing", "busybox"]);
        assert_eq!(out.code, 1, "{out}");
        assert!(out.err().contains("No such object: lc-insp-missing"), "{out}");
        e.compare(&["inspect", "-f", "{{.Name}}", "lc-insp-a", &name, "lc-insp-b", &name]);
        e.compare(&["inspect", "-f", "json", "busybox", &name]);
        e.compare(&["container", "inspect", &name, "busybox"]);
        e.compare(&["image", "inspect", "busybox", &name]);
        e.compare(&["inspect", "--type", "container", "-f", "{{.Name}}", &name, "busybox"]);
        // A template that fails on one object still prints the others.
        e.compare(&["inspect", "-f", "{{.State.Status}}", &name, "busybox"]);
    }
}

on_both_engines! {
    /// The JSON docker prints is what the daemon sent (its field order, its escapes, its
    /// numbers), only re-indented.
    fn inspect_json_keeps_the_daemons_bytes() {
        let e = engine_or_skip!();
        let name = unique("insp-bytes");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["create", "--name", &name, "-l", "html=<b>&amp;</b>", "-e", "U=\u{e9}\u{2028}", "busybox"]);
        let out = e.compare(&["inspect", &name]);
        let text = out.out();
        // Docker 20.10 sends the label as is, Podman with Go's HTML escapes: either way the
        // bytes pass through.
        assert!(
            text.contains("\"html\": \"<b>&amp;</b>\"")
                || text.contains("\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e"),
            "{text}"
        );
        assert!(text.starts_with("[\n    {\n        \"Id\": \""), "{text}");
        assert!(text.ends_with("    }\n]\n"), "{text}");
    }
}

/// Broken answers to the inspect request are an error and a non-zero exit, never a hang.
#[test]
fn inspect_broken_answers_are_errors() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = Env::new(&host);
    let name = unique("insp-fault");
    let _c = e.cleanup(&[&name]);
    e.docker_ok(&["create", "--name", &name, "busybox", "true"]);
    for (path, args) in [
        (
            format!("/containers/{name}/json"),
            vec!["inspect", name.as_str()],
        ),
        (
            format!("/containers/{name}/json"),
            vec!["container", "inspect", "-f", "{{.Id}}", name.as_str()],
        ),
        (
            "/images/busybox/json".to_string(),
            vec!["image", "inspect", "busybox"],
        ),
        (
            "/networks/bridge".to_string(),
            vec!["inspect", "--type", "network", "bridge"],
        ),
        (
            "/volumes/lc-insp-vol".to_string(),
            vec!["inspect", "--type", "volume", "lc-insp-vol"],
        ),
        (
            "/plugins/lc-insp-plug/json".to_string(),
            vec!["inspect", "--type", "plugin", "lc-insp-plug"],
        ),
        // The swarm check of a type-less inspect that found nothing else.
        ("/info".to_string(), vec!["inspect", "lc-insp-nothing"]),
    ] {
        for fault in [
            Fault::Reset,
            Fault::CutHead(10),
            Fault::CutBody(20),
            Fault::BadChunk,
            Fault::ShortBody,
            Fault::Garbage,
            Fault::InvalidJson,
            Fault::HugeHeader,
            Fault::Reply(200, "{\"Id\":".to_string()),
            Fault::Reply(200, String::new()),
            Fault::Reply(500, "{\"message\":\"boom\"}".to_string()),
        ] {
            let proxy =
                FaultProxy::start(&host, vec![Rule::new(&path, fault.clone()).method("GET")]);
            let start = Instant::now();
            let out = e.via(&proxy.host()).dkr(&args);
            let took = start.elapsed();
            assert!(
                took < Duration::from_secs(15),
                "{fault:?} {args:?}: took {took:?}"
            );
            assert_ne!(out.code, 0, "{fault:?} {args:?}: {out}");
            assert!(!out.err().is_empty(), "{fault:?} {args:?}: {out}");
            assert!(!out.err().contains("panicked"), "{fault:?} {args:?}: {out}");
        }
    }
    // A daemon error reads as docker's, through the same proxy.
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new(
            &format!("/containers/{name}/json"),
            Fault::Reply(500, "{\"message\":\"boom\"}".to_string()),
        )],
    );
    let out = e
        .via(&proxy.host())
        .compare(&["container", "inspect", &name]);
    assert_eq!(out.err(), "Error response from daemon: boom\n");
    // A failed swarm check is printed and the search goes on, as docker's.
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new(
            "/info",
            Fault::Reply(500, "{\"message\":\"no info\"}".to_string()),
        )],
    );
    let out = e
        .via(&proxy.host())
        .compare(&["inspect", "lc-insp-nothing"]);
    assert_eq!(
        out.err(),
        "Error response from daemon: no info\nError: No such object: lc-insp-nothing\n"
    );
}
