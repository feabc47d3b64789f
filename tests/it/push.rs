//! `dkr push` against the real engines, beside docker: errors before and after the request,
//! both loopback registries with and without credentials, an unreachable registry, fresh
//! layers; a replayed push stream rendered piped, on a terminal and in dkr's `--progress`
//! modes; the credentials header; a 401's login prompt; broken answers through a fault proxy.
//!
//! Every image pushed here is a private tag of busybox (or a fresh commit) under a unique
//! repository, removed afterwards; the registries keep what was pushed, under names no other
//! test uses.

use std::time::Duration;

use crate::support::env::{Env, Input};
use crate::support::fake_engine::*;
use crate::support::process::{cli, Running};
use crate::support::proxy::{broken_answers, Fault, FaultProxy, Rule};
use crate::support::pty::*;
use crate::support::registry::*;
use crate::support::*;

const DIGEST: &str = "sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71";

differential! {
    push_without_args: ["push"];
    push_two_args: ["push", "a", "b"];
    push_uppercase_name: ["push", "Bad/Name"];
    push_digest_reference: ["push", &format!("busybox@{DIGEST}")];
    push_all_tags_with_a_tag: ["push", "-a", "localhost:5000/x:1"];
    push_missing_local_image: ["push", "localhost:5000/dkr-no-such-image:1"];
    push_missing_default_tag: ["push", "dkr-no-such-image"];
    push_quiet_missing_image: ["push", "-q", "localhost:5000/dkr-no-such-image"];
    push_all_tags_missing_image: ["push", "-a", "localhost:5000/dkr-no-such-image"];
    push_platform_needs_api_1_46: ["push", "--platform", "linux/amd64", "localhost:5000/x:1"];
    push_bad_flag: ["push", "--bogus", "x"];
    image_push_missing_image: ["image", "push", "localhost:5000/dkr-no-such-image:1"];
}

/// Tags of busybox under a unique repository (`{registry}/{unique}`), untagged on drop.
struct Tags<'a> {
    env: &'a Env,
    repo: String,
    refs: Vec<String>,
}

impl<'a> Tags<'a> {
    fn new(env: &'a Env, registry: &str, what: &str, tags: &[&str]) -> Tags<'a> {
        let repo = format!("{registry}/{}", unique(what));
        let refs: Vec<String> = tags.iter().map(|t| format!("{repo}:{t}")).collect();
        for r in &refs {
            env.docker_ok(&["tag", "busybox", r]);
        }
        Tags { env, repo, refs }
    }
}

impl Drop for Tags<'_> {
    fn drop(&mut self) {
        for r in &self.refs {
            let _ = self.env.docker(&["rmi", r]);
        }
    }
}

on_both_engines! {
    fn push_to_the_open_registry() {
        let Some(e) = registries() else { return };
        let env = Env::isolated(&e.host);
        let t = Tags::new(&env, &e.registry, "push-open", &["1", "2"]);
        let (r1, r2) = (t.refs[0].as_str(), t.refs[1].as_str());
        // The first push of a repository mounts or uploads its layer; every later one finds it
        // there, so both CLIs see the same registry.
        env.docker_ok(&["push", "-q", r1]);
        let out = env.compare(&["push", r1]);
        assert!(out.out().starts_with("The push refers to repository ["), "{out:?}");
        assert!(out.out().contains(" digest: sha256:"), "{out:?}");
        env.compare(&["push", "-q", r1]);
        env.compare(&["push", "--quiet=true", r1]);
        env.compare(&["image", "push", r1]);
        env.compare(&["push", "--disable-content-trust", r1]);
        env.docker_ok(&["push", "-q", r2]);
        env.compare(&["push", "-a", &t.repo]);
        env.compare(&["push", "--all-tags", "-q", &t.repo]);
        // No `latest` tag: docker says which tag it tried.
        let out = env.compare(&["push", &t.repo]);
        assert_eq!(out.code, 1);
        assert!(out.out().starts_with("Using default tag: latest\n"), "{out:?}");
    }
}

on_both_engines! {
    fn push_to_the_htpasswd_registry() {
        let Some(e) = registries() else { return };
        let env = Env::isolated(&e.host);
        let t = Tags::new(&env, &e.auth_registry, "push-auth", &["1"]);
        let r = t.refs[0].as_str();
        // Without credentials: the engine's error, in the stream (no 401 reaches the CLI).
        let out = env.compare(&["push", r]);
        assert_eq!(out.code, 1);
        assert!(out.err().contains(no_credentials_error()) || out.err().contains("unauthorized"), "{out:?}");
        env.compare(&["push", "-q", r]);
        // With the password in config.json's auths.
        env.write_config(&auths_config(&e, &e.password));
        env.docker_ok(&["push", "-q", r]);
        let out = env.compare(&["push", r]);
        assert_eq!(out.code, 0, "{out:?}");
        env.compare(&["push", "-q", r]);
        // A wrong password.
        env.write_config(&auths_config(&e, "wrong"));
        let out = env.compare(&["push", r]);
        assert_eq!(out.code, 1);
        // A credential helper via credHelpers and via credsStore: asked once, for the domain.
        for store in ["credHelpers", "credsStore"] {
            let env = Env::isolated(&e.host);
            let log = env.bin().join("helper.log");
            env.script(
                "docker-credential-dkrtest",
                &helper_script(&log, &e.auth_registry, &e.user, &e.password),
            );
            env.write_config(&if store == "credHelpers" {
                format!("{{\"credHelpers\":{{\"{}\":\"dkrtest\"}}}}", e.auth_registry)
            } else {
                "{\"credsStore\":\"dkrtest\"}".to_string()
            });
            let want = env.docker(&["push", "-q", r]);
            let _ = std::fs::remove_file(&log);
            let got = env.dkr(&["push", "-q", r]);
            assert_same(store, &want, &got);
            assert_eq!(got.code, 0, "{store}: {got:?}");
            assert_eq!(
                std::fs::read_to_string(&log).unwrap(),
                format!("get {}\n", e.auth_registry),
                "{store}"
            );
        }
        // DOCKER_AUTH_CONFIG: read by dkr as by docker 28.3+ (28.2.2 ignores it for push).
        use base64::Engine as _;
        let auth =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", e.user, e.password));
        let doc = format!("{{\"auths\":{{\"{}\":{{\"auth\":\"{auth}\"}}}}}}", e.auth_registry);
        let env = Env::isolated(&e.host).var("DOCKER_AUTH_CONFIG", &doc);
        let got = env.dkr(&["push", "-q", r]);
        assert_eq!((got.code, got.out(), got.err()), (0, format!("{r}\n"), String::new()));
        assert_eq!(env.docker(&["push", "-q", r]).code, 1, "docker 28.2.2 ignores it");
    }
}

on_both_engines! {
    fn push_to_an_unreachable_registry() {
        let Some(e) = registries() else { return };
        let env = Env::isolated(&e.host);
        // Nothing listens on port 1.
        let t = Tags::new(&env, "localhost:1", "push-unreachable", &["1"]);
        let out = env.compare(&["push", &t.refs[0]]);
        assert_eq!(out.code, 1);
        assert!(out.err().contains("connection refused"), "{out:?}");
    }
}

/// A push's plain lines with what varies from push to push made fixed: layer IDs, digests,
/// sizes, and whether an existing layer was mounted from another repository or found.
fn push_shape(stdout: &str) -> Vec<String> {
    let mut lines: Vec<String> = stdout
        .lines()
        .map(|l| {
            let l = match l.split_once(": ") {
                Some((id, rest)) if id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    format!("LAYER: {rest}")
                }
                _ => l.to_string(),
            };
            let l = match l.find(" digest: sha256:") {
                Some(i) => format!("{} digest: DIGEST", &l[..i]),
                None => l,
            };
            let l = match l.find("The push refers to repository [") {
                Some(_) => "The push refers to repository [REPO]".to_string(),
                None => l,
            };
            if l.starts_with("LAYER: Mounted from ") || l == "LAYER: Layer already exists" {
                "LAYER: exists".to_string()
            } else {
                l
            }
        })
        .collect();
    lines.sort();
    lines
}

on_both_engines! {
    fn push_of_fresh_layers() {
        let Some(e) = registries() else { return };
        let env = Env::isolated(&e.host);
        // One new image per CLI, each with its own random layer, pushed for the first time.
        let mut outs = Vec::new();
        for program in [docker_bin(), dkr_bin().to_string()] {
            let name = unique("push-fresh");
            let _c = env.cleanup(&[&name]);
            env.docker_ok(&["run", "--name", &name, "busybox", "sh", "-c", "head -c 1500000 /dev/urandom >/blob"]);
            // docker's commit fails on Podman 4 (README's "Podman"); dkr's works on both.
            let id = env.dkr(&["commit", &name]).out().trim().to_string();
            assert!(id.starts_with("sha256:") || !id.is_empty(), "commit: {id}");
            let r = format!("{}/{name}:1", e.registry);
            env.docker_ok(&["tag", &id, &r]);
            let out = env.run(&program, &["push", &r]);
            let _ = env.docker(&["rmi", &r]);
            let _ = env.docker(&["rmi", &id]);
            assert_eq!(out.code, 0, "{program}: {out:?}");
            outs.push(out);
        }
        assert_eq!(push_shape(&outs[0].out()), push_shape(&outs[1].out()));
        assert_eq!(outs[0].err(), outs[1].err());
        if Engine::current() == Engine::Docker {
            assert!(outs[1].out().contains(": Pushed\n"), "{:?}", outs[1]);
        }
    }
}

/// A push stream as the engine sends it: two layers, the first uploaded in `steps` progress
/// messages, the second already there, then the digest and its aux message.
fn push_stream(repo: &str, steps: usize) -> Vec<u8> {
    let mut s = format!("{{\"status\":\"The push refers to repository [{repo}]\"}}\r\n");
    for id in ["a909b9cd0f6c", "ab7c504f92ce"] {
        s += &format!("{{\"status\":\"Preparing\",\"progressDetail\":{{}},\"id\":\"{id}\"}}\r\n");
    }
    s += "{\"status\":\"Mounted from busybox\",\"progressDetail\":{},\"id\":\"ab7c504f92ce\"}\r\n";
    let total = 3_000_000;
    for i in 1..=steps {
        let cur = total * i / steps;
        s += &format!(
            "{{\"status\":\"Pushing\",\"progressDetail\":{{\"current\":{cur},\"total\":{total}}},\"progress\":\"[=>  ]  {cur}B/3MB\",\"id\":\"a909b9cd0f6c\"}}\r\n"
        );
    }
    s += "{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"a909b9cd0f6c\"}\r\n";
    s += &format!("{{\"status\":\"1: digest: {DIGEST} size: 739\"}}\r\n");
    s += &format!("{{\"progressDetail\":{{}},\"aux\":{{\"Tag\":\"1\",\"Digest\":\"{DIGEST}\",\"Size\":739}}}}\r\n");
    s.into_bytes()
}

/// A fake engine answering every push with [`push_stream`] (`steps` progress messages, each
/// after `delay`), and an environment for it.
fn replaying(steps: usize, delay: Duration) -> (FakeEngine, Env) {
    let stream = push_stream("localhost:5000/x", steps);
    let fake = FakeEngine::start(vec![Reply::Stream(as_chunks(&stream, delay))]);
    let env = Env::isolated(&fake.host());
    (fake, env)
}

#[test]
fn replayed_push_piped_is_byte_identical() {
    if engine_host().is_none() {
        return;
    }
    let (fake, env) = replaying(20, Duration::ZERO);
    let out = env.compare(&["push", "localhost:5000/x:1"]);
    assert_eq!(
        out.out(),
        format!("The push refers to repository [localhost:5000/x]\na909b9cd0f6c: Preparing\nab7c504f92ce: Preparing\nab7c504f92ce: Mounted from busybox\na909b9cd0f6c: Pushed\n1: digest: {DIGEST} size: 739\n")
    );
    env.compare(&["push", "-q", "localhost:5000/x:1"]);
    env.compare(&["push", "localhost:5000/x"]);
    env.compare(&["push", "-a", "localhost:5000/x"]);
    env.compare(&["push", "x"]);
    // Both asked for the same thing the same way.
    let reqs = fake.pushes();
    assert_eq!(reqs.len(), 10);
    for pair in reqs.chunks(2) {
        assert_eq!(pair[0].target, pair[1].target);
        assert_eq!(
            pair[0].header("X-Registry-Auth"),
            pair[1].header("X-Registry-Auth")
        );
    }
    assert_eq!(reqs[0].target, "/v1.41/images/localhost:5000/x/push?tag=1");
    assert_eq!(reqs[6].target, "/v1.41/images/localhost:5000/x/push");
    assert_eq!(
        reqs[8].target,
        "/v1.41/images/docker.io/library/x/push?tag=latest"
    );
}

#[test]
fn push_progress_modes() {
    if engine_host().is_none() {
        return;
    }
    let (_fake, env) = replaying(20, Duration::ZERO);
    let plain = env.dkr(&["push", "--progress", "plain", "localhost:5000/x:1"]);
    assert_eq!(plain.code, 0, "{plain:?}");
    assert_eq!(
        plain.out(),
        format!("The push refers to repository [localhost:5000/x]\na909b9cd0f6c: Preparing\nab7c504f92ce: Preparing\nab7c504f92ce: Mounted from busybox\na909b9cd0f6c: Pushing 5% of 3MB\na909b9cd0f6c: Pushed\n1: digest: {DIGEST} size: 739\n")
    );
    let json = env.dkr(&["push", "--progress=json", "localhost:5000/x:1"]);
    assert_eq!(json.code, 0, "{json:?}");
    let events: Vec<serde_json::Value> = json
        .out()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    let last = events.last().unwrap();
    assert_eq!(last["status"], "Pushed");
    assert_eq!(last["digest"], DIGEST);
    assert_eq!(last["image"], "localhost:5000/x:1");
    assert!(events
        .iter()
        .any(|v| v["status"] == "Pushing" && v["total"] == 3_000_000));
    // DKR_PROGRESS sets the default, -q beats it.
    let env = env.var("DKR_PROGRESS", "json");
    let q = env.dkr(&["push", "-q", "localhost:5000/x:1"]);
    assert_eq!(q.out(), "localhost:5000/x:1\n");
    let out = env.dkr(&["push", "--progress", "bogus", "x"]);
    assert_eq!(out.code, 125, "{out:?}");
}

#[test]
fn push_live_bars_on_a_terminal() {
    if engine_host().is_none() {
        return;
    }
    let (_fake, env) = replaying(100, Duration::from_millis(10));
    for cols in [150u16, 100] {
        let cmd = |p: &str| format!("{p} push localhost:5000/x:1");
        let (raw, code, took) = run_in_pty(&env, &cmd(dkr_bin()), cols);
        let text = String::from_utf8_lossy(&raw).into_owned();
        assert_eq!(code, 0, "{text}");
        let (draw, _, _) = run_in_pty(&env, &cmd(&docker_bin()), cols);
        assert_eq!(
            screen(&raw, cols as usize),
            screen(&draw, cols as usize),
            "final screen at {cols} columns\nraw: {text:?}"
        );
        // Live lines with sizes, a bar only when wider than 110 columns, at most 20 redraws
        // a second.
        assert!(text.contains("Pushing"), "{text:?}");
        assert!(text.contains("MB/3MB"), "{text:?}");
        assert_eq!(text.contains("] "), cols > 110, "{text:?}");
        let limit = (took.as_secs_f64() * 20.0).ceil() as usize + 1;
        assert!(
            count_redraws(&raw) <= limit,
            "{} redraws in {took:?}",
            count_redraws(&raw)
        );
    }
}

#[test]
fn push_registry_auth_header_matches_docker() {
    if engine_host().is_none() {
        return;
    }
    let stream = push_stream("localhost:5001/x", 1);
    for cfg in [
        "{}",
        "{\"auths\":{\"localhost:5001\":{\"auth\":\"dGVzdHVzZXI6dGVzdHBhc3N3b3Jk\"}}}",
        "{\"auths\":{\"localhost:5001\":{\"identitytoken\":\"tok<&>\"}}}",
        "{\"credsStore\":\"dkrtest\"}",
    ] {
        let fake = FakeEngine::start(vec![Reply::Stream(vec![(Duration::ZERO, stream.clone())])]);
        let env = Env::isolated(&fake.host());
        let log = env.bin().join("helper.log");
        env.script(
            "docker-credential-dkrtest",
            &helper_script(&log, "localhost:5001", "<token>", "helper-token"),
        );
        env.write_config(cfg);
        env.compare(&["push", "localhost:5001/x:1"]);
        let reqs = fake.pushes();
        assert_eq!(reqs.len(), 2, "{cfg}");
        assert_eq!(
            reqs[0].header("X-Registry-Auth"),
            reqs[1].header("X-Registry-Auth"),
            "{cfg}"
        );
        assert_ne!(
            decode_auth_header(reqs[1].header("X-Registry-Auth").unwrap()),
            "",
            "{cfg}"
        );
    }
}

#[test]
fn unauthorized_push_asks_for_login() {
    if engine_host().is_none() {
        return;
    }
    // A 401 from the engine: docker prints "Login prior to push:", prompts, and (stdin not
    // being a terminal) fails to turn off echo for the password.
    let fake = FakeEngine::start(vec![
        Reply::Error(401, "unauthorized: authentication required".into()),
        Reply::Error(401, "unauthorized: authentication required".into()),
        Reply::Stream(vec![(Duration::ZERO, push_stream("localhost:5001/x", 1))]),
    ]);
    let env = Env::isolated(&fake.host()).var("DOCKER_CLI_HINTS", "false");
    let out = env.compare_input(&["push", "localhost:5001/x:1"], Input::Bytes(b"testuser\n"));
    assert_eq!(out.code, 1);
    assert!(out.out().contains("\nLogin prior to push:\n"), "{out:?}");
    assert!(out.out().ends_with("Username: "), "{out:?}");
}

#[test]
fn unauthorized_push_retries_with_typed_credentials_on_a_terminal() {
    if engine_host().is_none() {
        return;
    }
    let fake = FakeEngine::start(vec![
        Reply::Error(401, "unauthorized: authentication required".into()),
        Reply::Stream(vec![(Duration::ZERO, push_stream("localhost:5001/x", 1))]),
    ]);
    let env = Env::isolated(&fake.host()).var("DOCKER_CLI_HINTS", "false");
    let text = login_on_a_terminal(&env, "push localhost:5001/x:1");
    assert!(text.contains("Login prior to push:"), "{text}");
    assert!(text.contains("a909b9cd0f6c: Pushed"), "{text}");
    assert_typed_credentials_sent(&fake.pushes());
}

/// Broken answers to `POST /images/{name}/push` through a fault proxy in front of the test
/// engine: never a hang or a panic, and a failure is an exit code with a message.
#[test]
fn push_survives_broken_answers() {
    let Some(host) = engine_host() else { return };
    let env = Env::isolated(&host);
    let t = Tags::new(&env, "localhost:5000", "push-fault", &["1"]);
    env.docker_ok(&["push", "-q", &t.refs[0]]);
    let proxy = FaultProxy::start(&host, Vec::new());
    for fault in broken_answers() {
        proxy.set_rules(vec![Rule::new("/push", fault.clone()).method("POST")]);
        proxy.clear_seen();
        let cfg = TempDir::new("push-fault");
        let run = Running::spawn(cli(
            dkr_bin(),
            &proxy.host(),
            cfg.path(),
            &["push", &t.refs[0]],
        ))
        .finish(Duration::from_secs(20));
        let what = format!("{fault:?}: exit {} {:?}", run.code, run.stderr);
        assert!(!run.hung, "{what}: hung");
        assert!(!run.stderr.contains("panicked"), "{what}");
        let broken = proxy.broke(&fault);
        if broken {
            assert_eq!(run.code, 1, "{what}");
        }
        if run.code != 0 {
            assert!(!run.stderr.trim().is_empty(), "{what}");
        }
        if matches!(fault, Fault::Pass | Fault::Delay(_)) {
            assert_eq!(run.code, 0, "{what}");
        }
    }
}

/// `push --help` piped is docker's; on a terminal it adds `--progress`, marked `(dkr)`.
#[test]
fn push_help_is_dockers_plus_marked_extensions() {
    let Some(host) = engine_host() else { return };
    if skip_comparison() {
        return;
    }
    let env = Env::new(&host);
    for path in [&["push"][..], &["image", "push"]] {
        let mut args = vec!["-H", "unix:///nonexistent-dkr.sock"];
        args.extend_from_slice(path);
        args.push("--help");
        let docker = normalize_docker(&env.docker(&args));
        let dkr = env.dkr(&args);
        assert_eq!(
            (dkr.code, dkr.err(), dkr.out()),
            (docker.code, docker.err(), docker.out()),
            "{args:?}"
        );
        // On a terminal (100 columns): docker's text at that width, plus `--progress`.
        let on_pty = |bin: &str| {
            let line = format!("{bin} {}", args.join(" "));
            let (out, _, _) = crate::support::pty::run_in_pty(&env, &line, 100);
            let out = crate::support::normalize(&out);
            String::from_utf8_lossy(&out).replace('\r', "")
        };
        let shown = on_pty(crate::support::dkr_bin());
        assert!(shown.contains("--progress string"), "{shown}");
        assert_eq!(
            crate::help::without_dkr_flags(&shown),
            on_pty(&crate::support::docker_bin()),
            "{args:?}"
        );
    }
}
