//! `dkr create` against the real engines, beside docker: run's flags without run's own, the
//! full ID on stdout, the created container equal to docker's (compared through `inspect`),
//! errors and their exit codes (a failed create is exit 1, a flag error 125), the implicit pull,
//! and broken daemon answers.

use std::time::{Duration, Instant};

use crate::support::env::Env;
use crate::support::proxy::{Fault, FaultProxy, Rule};
use crate::support::unique;

differential! {
    create_without_args: ["create"];
    container_create_without_args: ["container", "create"];
    create_bad_pull_policy: ["create", "--pull", "bogus", "busybox"];
    container_create_bad_pull_policy: ["container", "create", "--pull", "sometimes", "busybox"];
    create_bad_memory: ["create", "-m", "1x", "busybox"];
    create_has_no_detach: ["create", "-d", "busybox"];
    create_has_no_sig_proxy: ["create", "--sig-proxy", "busybox"];
    create_has_no_detach_keys: ["create", "--detach-keys", "ctrl-a", "busybox"];
    create_unknown_flag: ["create", "--bogus", "busybox"];
    create_pull_never_missing_image: ["create", "--pull", "never", "lc-create-no-such:1"];
    create_bad_platform: ["create", "--platform", "bogus/x/y/z", "busybox"];
    create_cidfile_exists: ["create", "--cidfile", "/tmp", "busybox"];
    create_bad_restart: ["create", "--restart", "sometimes", "busybox"];
    create_bad_port: ["create", "-p", "99999:80", "busybox"];
    create_bad_env_value: ["create", "--env-file", "/nonexistent-dkr-env", "busybox"];
    create_invalid_reference: ["create", "UPPER"];
    create_newer_api_flag: ["create", "--health-start-interval", "1s", "busybox"];
    create_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "create", "busybox"];
}

/// The parts of an inspect answer that differ between two otherwise equal containers.
fn normalized(e: &Env, name: &str) -> String {
    let mut v = e.inspect(name);
    // docker sends -e through a map (config.json's proxies): its order is random.
    if let Some(env) = v["Config"]["Env"].as_array_mut() {
        env.sort_by_key(|x| x.to_string());
    }
    let id = v["Id"].as_str().unwrap_or_default().to_string();
    let mut text = serde_json::to_string_pretty(&v).expect("JSON");
    text = text.replace(&id, "[ID]").replace(&id[..12], "[SHORT]");
    text = text.replace(name, "[NAME]");
    // The created time; the writable layer's, anonymous volumes' and Podman's own IDs.
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("\"Created\"") {
            out.push_str("  \"Created\": [TIME]\n");
            continue;
        }
        let mut word = String::new();
        for c in line.chars().chain(std::iter::once('\n')) {
            if c.is_ascii_hexdigit() {
                word.push(c);
                continue;
            }
            if word.len() >= 32 {
                out.push_str("[HEX]");
            } else {
                out.push_str(&word);
            }
            word.clear();
            out.push(c);
        }
    }
    out
}

on_both_engines! {
    fn create_with_many_flags_makes_dockers_container() {
        let e = engine_or_skip!();
        let (mine, theirs) = (unique("create-dkr"), unique("create-docker"));
        let _c = e.cleanup(&[&mine, &theirs]);
        let flags = [
            "-e", "A=1", "-e", "B", "-l", "com.example.k=v", "-p", "127.0.0.1:18090:80", "--expose",
            "9000-9001", "-v", "/data", "--tmpfs", "/run:size=1m", "-w", "/tmp", "-u", "nobody",
            "--restart", "on-failure:3", "-m", "64m", "--cpu-shares", "512", "--hostname", "box",
            "--health-cmd", "true", "--health-interval", "5s", "--health-retries", "2",
            "--cap-add", "NET_ADMIN", "--cap-drop", "MKNOD", "--dns", "1.1.1.1", "--dns-search",
            "example.com", "--add-host", "db:10.0.0.9", "--entrypoint", "/bin/sh",
            "--stop-signal", "SIGINT", "--stop-timeout", "7", "--read-only",
            "--ulimit", "nofile=512:1024", "--log-opt", "max-size=1m", "--shm-size", "32m",
            "--label", "x=y", "-t", "-i", "busybox", "-c", "echo hi",
        ];
        // Podman 4.3 here has no catatonit for --init.
        let init: &[&str] = match crate::support::Engine::current() {
            crate::support::Engine::Docker => &["--init"],
            crate::support::Engine::Podman => &[],
        };
        let mut args = vec!["create", "--name", &mine];
        args.extend_from_slice(init);
        args.extend_from_slice(&flags);
        let out = e.dkr(&args);
        assert_eq!(out.code, 0, "{out}");
        let id = out.out();
        assert!(
            id.len() == 65 && id.ends_with('\n') && id[..64].bytes().all(|b| b.is_ascii_hexdigit()),
            "{out}"
        );
        assert_eq!(out.err(), "");
        let mut args = vec!["create", "--name", &theirs];
        args.extend_from_slice(init);
        args.extend_from_slice(&flags);
        e.docker_ok(&args);
        assert_eq!(normalized(&e, &theirs), normalized(&e, &mine));
        // And both inspect the two the same way.
        e.compare(&["inspect", "-f", "{{json .Config}} {{.HostConfig.RestartPolicy}}", &mine, &theirs]);
    }
}

on_both_engines! {
    fn create_then_start_runs_the_command() {
        let e = engine_or_skip!();
        let name = unique("create-start");
        let _c = e.cleanup(&[&name]);
        let out = e.dkr(&["create", "--name", &name, "busybox", "echo", "from create"]);
        assert_eq!(out.code, 0, "{out}");
        assert_eq!(e.inspect(&name)["State"]["Status"], "created");
        let started = e.docker(&["start", "-a", &name]);
        assert_eq!((started.code, started.out().as_str()), (0, "from create\n"), "{started}");
        // The ID printed is the container's.
        assert_eq!(
            out.out().trim(),
            e.inspect(&name)["Id"].as_str().unwrap_or_default()
        );
    }
}

on_both_engines! {
    fn create_name_conflict_is_exit_1() {
        let e = engine_or_skip!();
        let name = unique("create-conflict");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["create", "--name", &name, "busybox", "true"]);
        let out = e.compare(&["create", "--name", &name, "busybox", "true"]);
        assert_eq!(out.code, 1, "{out}");
        assert!(out.err().contains("is already in use"), "{out}");
        e.compare(&["container", "create", "--name", &name, "busybox"]);
    }
}

on_both_engines! {
    fn create_writes_the_cidfile() {
        let e = engine_or_skip!();
        let name = unique("create-cid");
        let _c = e.cleanup(&[&name]);
        let dir = crate::support::TempDir::new("create-cid");
        let path = dir.join("cid");
        let path = path.to_string_lossy().into_owned();
        let out = e.dkr(&["create", "--cidfile", &path, "--name", &name, "busybox"]);
        assert_eq!(out.code, 0, "{out}");
        assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), out.out().trim());
        // A second create with the same file: docker's refusal, nothing created.
        e.compare(&["create", "--cidfile", &path, "busybox"]);
    }
}

on_both_engines! {
    fn create_missing_image_in_registry() {
        let e = engine_or_skip!();
        let registry =
            std::env::var("DKR_TEST_REGISTRY").unwrap_or_else(|_| "localhost:5000".into());
        let missing = format!("{registry}/lc-create-no-such-repo:1");
        let out = e.compare(&["create", &missing]);
        assert_eq!(out.code, 1, "{out}");
        assert!(
            out.err().starts_with(&format!("Unable to find image '{missing}' locally\n")),
            "{out}"
        );
        let out = e.compare(&["create", "-q", &missing]);
        assert!(!out.err().contains("Unable to find image"), "{out}");
        e.compare(&["create", "--pull", "always", &missing]);
    }
}

on_both_engines! {
    fn create_pulls_a_missing_image() {
        let e = engine_or_skip!();
        let registry =
            std::env::var("DKR_TEST_REGISTRY").unwrap_or_else(|_| "localhost:5000".into());
        // A repository of this test's own, so no other test sees it come and go.
        let image = format!("{registry}/{}:1", unique("create-pull"));
        let (mine, theirs) = (unique("create-pulled"), unique("create-pulled-d"));
        let _c = e.cleanup(&[&mine, &theirs]);
        e.docker_ok(&["tag", "busybox", &image]);
        e.docker_ok(&["push", &image]);
        e.docker_ok(&["rmi", &image]);
        let want = e.docker(&["create", "--name", &theirs, &image]);
        e.docker_ok(&["rm", &theirs]);
        e.docker_ok(&["rmi", &image]);
        let got = e.dkr(&["create", "--name", &mine, &image]);
        let _ = e.docker(&["rm", &mine]);
        let _ = e.docker(&["rmi", &image]);
        assert_eq!((got.code, want.code), (0, 0), "{got}\n{want}");
        // stdout is the ID alone; the notice and the pull's lines go to stderr, as docker's.
        assert_eq!(got.out().len(), 65, "{got}");
        assert_eq!(got.err(), want.err());
        assert!(
            got.err().starts_with(&format!("Unable to find image '{image}' locally\n")),
            "{got}"
        );
    }
}

on_both_engines! {
    fn create_help_lists_runs_flags_without_runs_own() {
        let e = engine_or_skip!();
        let run = e.dkr(&["-H", "unix:///nonexistent-dkr.sock", "run", "--help"]).out();
        let create = e.dkr(&["-H", "unix:///nonexistent-dkr.sock", "create", "--help"]).out();
        let flags = |help: &str| -> Vec<String> {
            help.lines()
                .filter(|l| l.trim_start().starts_with('-'))
                .map(|l| l.split_whitespace().find(|w| w.starts_with("--")).unwrap_or("").to_string())
                .collect()
        };
        let (run, create) = (flags(&run), flags(&create));
        let run_only: Vec<&String> = run.iter().filter(|f| !create.contains(f)).collect();
        assert_eq!(run_only, ["--detach", "--detach-keys", "--sig-proxy"]);
        assert!(create.iter().all(|f| run.contains(f)), "{create:?}");
    }
}

on_both_engines! {
    /// A Windows-only flag: refused against Docker's Linux daemon; Podman's ping names no OS,
    /// so docker (and dkr) create the container there.
    fn create_windows_only_flag() {
        let e = engine_or_skip!();
        match crate::support::Engine::current() {
            crate::support::Engine::Docker => {
                let out = e.compare(&["create", "--cpu-count", "1", "busybox"]);
                assert_eq!(out.code, 1, "{out}");
            }
            crate::support::Engine::Podman => {
                let name = unique("create-win");
                let _c = e.cleanup(&[&name]);
                let out = e.dkr(&["create", "--name", &name, "--cpu-count", "1", "busybox"]);
                assert_eq!((out.code, out.out().len()), (0, 65), "{out}");
            }
        }
    }
}

/// Broken answers to the create request are an error and exit 1, never a hang.
#[test]
fn create_broken_answers_are_errors() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = Env::new(&host);
    for fault in [
        Fault::Reset,
        Fault::CutHead(10),
        Fault::BadChunk,
        Fault::ShortBody,
        Fault::Garbage,
        Fault::InvalidJson,
        Fault::HugeHeader,
        Fault::Reply(201, "{\"Id\":".to_string()),
        Fault::Reply(500, "{\"message\":\"boom\"}".to_string()),
    ] {
        let name = unique("create-fault");
        let _c = e.cleanup(&[&name]);
        let proxy = FaultProxy::start(
            &host,
            vec![Rule::new("/containers/create", fault.clone()).method("POST")],
        );
        let start = Instant::now();
        let out = e
            .via(&proxy.host())
            .dkr(&["create", "--name", &name, "busybox"]);
        let took = start.elapsed();
        assert!(took < Duration::from_secs(15), "{fault:?}: took {took:?}");
        assert_eq!(out.code, 1, "{fault:?}: {out}");
        assert!(!out.err().is_empty(), "{fault:?}: {out}");
        assert!(!out.err().contains("panicked"), "{fault:?}: {out}");
    }
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new(
            "/containers/create",
            Fault::Reply(500, "{\"message\":\"boom\"}".to_string()),
        )
        .method("POST")],
    );
    let out = e.via(&proxy.host()).compare(&["create", "busybox"]);
    assert_eq!(out.err(), "Error response from daemon: boom\n");
}
