//! `dkr start` against the real engines, beside docker: several containers with missing ones
//! (each error as it comes, then the summary), `-a` with the container's output and exit code,
//! `-ai` with stdin piped, `--rm` containers, and the start requests behind the fault proxy.

use crate::support::env::Input;
use crate::support::{unique, Engine};

differential! {
    start_without_args: ["start"];
    container_start_without_args: ["container", "start"];
    start_missing_container: ["start", "lc-no-such-container"];
    start_attach_missing_container: ["start", "-a", "lc-no-such-container"];
    start_attach_several: ["start", "-a", "lc-a", "lc-b"];
    start_interactive_several: ["start", "-i", "lc-a", "lc-b"];
    start_empty_name: ["start", ""];
    start_checkpoint_needs_experimental: ["start", "--checkpoint", "cp1", "lc-a"];
    start_checkpoint_dir_needs_experimental: ["start", "--checkpoint-dir", "/tmp", "--checkpoint", "cp1", "lc-a"];
    start_unknown_flag: ["start", "--bogus", "lc-a"];
    start_help: ["start", "--help"];
    container_start_help: ["container", "start", "--help"];
}

on_both_engines! {
    fn start_several_with_missing_ones() {
        let e = engine_or_skip!();
        let names: Vec<String> = (0..3).map(|i| unique(&format!("start{i}"))).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let _c = e.cleanup(&refs);
        for n in &names {
            e.docker_ok(&["create", "--name", n, "busybox", "sleep", "300"]);
        }
        let args = [
            "start",
            &names[0],
            "lc-missing-a",
            &names[1],
            "lc-missing-b",
            &names[2],
        ];
        // dkr first: it starts them; docker then finds them running, which is success too.
        let out = e.dkr(&args);
        assert_eq!(out.code, 1, "{out}");
        assert_eq!(out.out(), format!("{}\n{}\n{}\n", names[0], names[1], names[2]));
        assert!(
            out.err().ends_with("Error: failed to start containers: lc-missing-a, lc-missing-b\n"),
            "{out}"
        );
        for n in &names {
            assert_eq!(e.inspect(n)["State"]["Running"], true);
        }
        e.compare(&args);
    }
}

on_both_engines! {
    fn start_attached_streams_and_exits_with_the_code() {
        let e = engine_or_skip!();
        let name = unique("start-a");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "create", "--name", &name, "busybox", "sh", "-c",
            "echo out; echo err >&2; exit 4",
        ]);
        let out = e.compare(&["start", "-a", &name]);
        assert_eq!((out.code, out.out(), out.err()), (4, "out\n".into(), "err\n".into()));
        e.compare(&["container", "start", "--attach", &name]);
    }
}

on_both_engines! {
    fn start_attached_tty_container() {
        let e = engine_or_skip!();
        let name = unique("start-at");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "create", "-t", "--name", &name, "busybox", "sh", "-c", "echo out; echo err >&2; exit 2",
        ]);
        let out = e.compare(&["start", "-a", &name]);
        assert_eq!((out.code, out.out()), (2, "out\r\nerr\r\n".into()));
    }
}

on_both_engines! {
    fn start_interactive_pipes_stdin() {
        let e = engine_or_skip!();
        let name = unique("start-ai");
        let other = unique("start-ai-closed");
        let _c = e.cleanup(&[&name, &other]);
        e.docker_ok(&["create", "-i", "--name", &name, "busybox", "sh", "-c", "cat; exit 3"]);
        let input = b"one\ntwo\n";
        let out = e.compare_input(&["start", "-ai", &name], Input::Bytes(input));
        assert_eq!((out.code, out.stdout.as_slice()), (3, &input[..]));
        // -i on a container created without -i: its stdin stays closed.
        e.docker_ok(&["create", "--name", &other, "busybox", "sh", "-c", "cat; echo end"]);
        let out = e.compare_input(&["start", "-ai", &other], Input::Bytes(input));
        assert_eq!(out.out(), "end\n");
    }
}

on_both_engines! {
    fn start_attached_command_not_found() {
        let e = engine_or_skip!();
        let name = unique("start-nf");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["create", "--name", &name, "busybox", "nope-no-such-command"]);
        let out = e.compare(&["start", "-a", &name]);
        assert_ne!(out.code, 0);
        e.compare(&["start", &name]);
    }
}

on_both_engines! {
    /// `--rm`: the container is gone afterwards, and the code is its own.
    fn start_attached_auto_remove() {
        let e = engine_or_skip!();
        let (a, b) = (unique("start-rm-docker"), unique("start-rm-dkr"));
        let _c = e.cleanup(&[&a, &b]);
        for n in [&a, &b] {
            e.docker_ok(&["create", "--rm", "--name", n, "busybox", "sh", "-c", "echo bye; exit 5"]);
        }
        let want = e.docker(&["start", "-a", &a]);
        let got = e.dkr(&["start", "-a", &b]);
        assert_eq!((got.out(), got.err()), ("bye\n".to_string(), String::new()), "{got}");
        // docker's `removed` wait on Podman answers 0 (README's "Podman"); dkr gives the code.
        if Engine::current() == Engine::Docker {
            assert_eq!(got.code, want.code);
        }
        assert_eq!(got.code, 5);
        assert!(crate::support::eventually(std::time::Duration::from_secs(10), || !e.exists(&b)));
    }
}

/// The requests `start` makes, broken by the proxy: never a hang or a panic.
#[test]
fn start_requests_survive_faults() {
    let Some(e) = Engine::Docker.run(crate::support::env::engine) else {
        return;
    };
    let (plain, attached) = (unique("start-flt"), unique("start-flt-a"));
    let _c = e.cleanup(&[&plain, &attached]);
    e.docker_ok(&["create", "--name", &plain, "busybox", "true"]);
    e.docker_ok(&[
        "create",
        "--name",
        &attached,
        "busybox",
        "sh",
        "-c",
        "echo hi; exit 3",
    ]);
    let cases: [(&str, Vec<&str>, &str, &str); 5] = [
        ("start", vec!["start", &plain], "/start", "POST"),
        (
            "start -a (inspect)",
            vec!["start", "-a", &attached],
            "/json",
            "GET",
        ),
        (
            "start -a (attach)",
            vec!["start", "-a", &attached],
            "/attach",
            "POST",
        ),
        (
            "start -a (wait)",
            vec!["start", "-a", &attached],
            "/wait",
            "POST",
        ),
        (
            "start -a (start)",
            vec!["start", "-a", &attached],
            "/start",
            "POST",
        ),
    ];
    crate::exec::check_faults(&e.host, &cases);
}
