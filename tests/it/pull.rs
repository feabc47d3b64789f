//! `dkr pull`, `login`, `logout` and `commit` against the test engine and its two loopback
//! registries, compared with the reference docker CLI (same arguments, same environment,
//! same engine): stdout, stderr and exit code. Where the engine's own output varies from one
//! pull to the next (layer interleaving), both CLIs are fed one recorded stream through a fake
//! engine so their renderings can be compared byte for byte.

use std::time::Duration;

use crate::support::env::{Env, Input};
use crate::support::fake_engine::*;
use crate::support::pty::*;
use crate::support::registry::*;
use crate::support::*;

// ---------------------------------------------------------------------------------------------
// pull: the open registry

/// `env.compare(args)` for a plain `pull`, except on Podman, whose stream lists the layers
/// that already exist in a different order from pull to pull: there the layers are compared as
/// [`pull_shape`]s, the rest byte for byte.
fn compare_pull(env: &Env, args: &[&str]) -> Outcome {
    if Engine::current() == Engine::Docker {
        return env.compare(args);
    }
    let want = normalize_docker(&env.docker(args));
    let got = env.dkr(args);
    assert_eq!(
        (want.code, want.err(), pull_shape(&want.out())),
        (got.code, got.err(), pull_shape(&got.out())),
        "dkr {} differs from docker",
        shell_words(args)
    );
    got
}

on_both_engines! {
    fn pull_after_removal_matches_docker() {
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let _g = image_lock();
        let env = Env::isolated(&e.host);
        let r = format!("{}:1", imgs.open_repo);
        rmi_layers(&env, imgs);
        let want = env.docker(&["pull", &r]);
        rmi_layers(&env, imgs);
        let got = env.dkr(&["pull", &r]);
        assert_eq!(got.code, 0, "{got:?}");
        assert_eq!((want.code, &want.err()), (got.code, &got.err()));
        // The engine interleaves layers differently from pull to pull (and sometimes skips a
        // step); the rest is fixed. The byte-for-byte comparison is the replayed test below.
        assert_eq!(
            stable_pull_shape(&want.out()),
            stable_pull_shape(&got.out())
        );
        // Podman's pull stream has no `Status:` line and lists the config blob as a layer.
        let (status, layer_count) = match Engine::current() {
            Engine::Docker => (format!("Status: Downloaded newer image for {r}\n"), 4),
            Engine::Podman => (String::new(), 5),
        };
        assert!(got.out().ends_with(&format!("{status}{r}\n")), "{got:?}");
        let (_, layers) = pull_shape(&got.out());
        assert_eq!(layers.len(), layer_count, "busybox + three layers: {}", got.out());
        // Leave the engine as tests/engine.sh made it: the test image not present locally.
        rmi_layers(&Env::isolated(&e.host), imgs);
    }
}

on_both_engines! {
    fn pull_plain_rendering_is_byte_identical() {
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let stream = {
            let _g = image_lock();
            let env = Env::isolated(&e.host);
            rmi_layers(&env, imgs);
            record_pull_stream(&e.host, &imgs.open_repo, "1", "e30=")
        };
        let fake = FakeEngine::start(vec![Reply::Stream(as_chunks(&stream, Duration::ZERO))]);
        let env = Env::isolated(&fake.host());
        let r = format!("{}:1", imgs.open_repo);
        let out = env.compare(&["pull", &r]);
        // Podman's stream says only "Download complete".
        let complete = match Engine::current() {
            Engine::Docker => "Pull complete\n",
            Engine::Podman => "Download complete\n",
        };
        assert!(out.out().contains(complete), "{out:?}");
        assert!(!out.out().contains("Downloading"), "{out:?}");
        // Both asked for the same thing the same way.
        let reqs = fake.creates();
        assert_eq!(reqs.len(), 2);
        assert_eq!(reqs[0].target, reqs[1].target);
        assert_eq!(reqs[0].header("X-Registry-Auth"), Some("e30="));
        assert_eq!(reqs[1].header("X-Registry-Auth"), Some("e30="));
        // -q: nothing but the reference.
        let out = env.compare(&["pull", "-q", &r]);
        assert_eq!(out.out(), format!("{r}\n"));
    }
}

on_both_engines! {
    fn pull_up_to_date_quiet_and_digest() {
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let _g = image_lock();
        let env = Env::isolated(&e.host);
        let r = format!("{}:1", imgs.open_repo);
        env.docker_ok(&["pull", "-q", &r]);
        let out = compare_pull(&env, &["pull", &r]);
        env.compare(&["pull", "-q", &r]);
        env.compare(&["image", "pull", "--quiet=true", &r]);
        compare_pull(&env, &["pull", "--disable-content-trust", &r]);
        compare_pull(&env, &["pull", "--platform", "Linux/AMD64", &r]);
        // Podman's pull stream has no `Status:` and `Digest:` lines: the digest comes from
        // the pulled image there.
        let by_digest = match Engine::current() {
            Engine::Docker => {
                assert!(out.out().contains("Status: Image is up to date for"));
                let digest = out
                    .out()
                    .lines()
                    .find_map(|l| l.strip_prefix("Digest: "))
                    .expect("digest line")
                    .to_string();
                format!("{}@{digest}", imgs.open_repo)
            }
            Engine::Podman => env
                .docker_ok(&["inspect", "--format", "{{index .RepoDigests 0}}", &r])
                .trim()
                .to_string(),
        };
        let out = compare_pull(&env, &["pull", &by_digest]);
        assert!(out.out().ends_with(&format!("{by_digest}\n")));
        // -q removal and pull again: only the reference is printed.
        rmi_layers(&env, imgs);
        let want = env.docker(&["pull", "-q", &r]);
        rmi_layers(&env, imgs);
        let got = env.dkr(&["pull", "-q", &r]);
        assert_same("pull -q after removal", &want, &got);
        // Leave the engine as tests/engine.sh made it: the test image not present locally.
        rmi_layers(&Env::isolated(&e.host), imgs);
    }
}

on_both_engines! {
    fn pull_all_tags() {
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let _g = image_lock();
        let env = Env::isolated(&e.host);
        if Engine::current() == Engine::Podman {
            // Podman 4.3's compat pull has no all-tags: it pulls `:latest` (absent), for both.
            let out = env.compare(&["pull", "-a", &imgs.open_repo]);
            assert!(out.err().contains("manifest unknown"), "{out:?}");
            return;
        }
        env.docker_ok(&["pull", "-q", "-a", &imgs.open_repo]);
        let out = env.compare(&["pull", "-a", &imgs.open_repo]);
        assert!(
            out.out().ends_with(&format!("{}\n", imgs.open_repo)),
            "{out:?}"
        );
        env.compare(&["pull", "--all-tags", &format!("{}:1", imgs.open_repo)]);
        // Leave the engine as tests/engine.sh made it: the test image not present locally.
        rmi_layers(&Env::isolated(&e.host), imgs);
    }
}

on_both_engines! {
    fn pull_errors_match_docker() {
        let Some(e) = registries() else { return };
        let env = Env::isolated(&e.host);
        let missing_tag = format!("{}/dkrtest/pull-layers:nope", e.registry);
        let missing_repo = format!("{}/dkrtest/no-such-repo", e.registry);
        let bad_digest = format!("{}/x@sha256:0123", e.registry);
        let cases: Vec<Vec<&str>> = vec![
            vec!["pull", &missing_tag],
            vec!["pull", &missing_repo],
            vec!["pull", "Bad/Name"],
            vec!["pull", "UPPER"],
            vec!["pull", "foo:"],
            vec!["pull", "a:b/c"],
            vec![
                "pull",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            ],
            vec!["pull", &bad_digest],
            vec!["pull", "x@sha256:0123456789abcdef0123456789abcdef"],
            vec!["pull"],
            vec!["image", "pull"],
            vec!["pull", "--bogus", "x"],
            vec!["pull", "--platform"],
        ];
        for args in cases {
            env.compare(&args);
        }
    }
}

#[test]
fn pull_in_stream_error_and_http_error() {
    let stream = b"{\"status\":\"Pulling from x\",\"id\":\"1\"}\r\n{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"abcdefabcdef\"}\r\n{\"errorDetail\":{\"message\":\"write /var/lib/docker/x: no space left on device\"},\"error\":\"write /var/lib/docker/x: no space left on device\"}\r\n".to_vec();
    let fake = FakeEngine::start(vec![Reply::Stream(vec![(Duration::ZERO, stream)])]);
    let env = Env::isolated(&fake.host());
    let out = env.compare(&["pull", "localhost:5000/x:1"]);
    assert_eq!(out.code, 1);
    assert!(out.err().contains("no space left on device"));
    let fake = FakeEngine::start(vec![Reply::Error(500, "boom from the engine".into())]);
    let env = Env::isolated(&fake.host());
    let out = env.compare(&["pull", "x"]);
    assert_eq!(
        out.err(),
        "Error response from daemon: boom from the engine\n"
    );
}

// ---------------------------------------------------------------------------------------------
// pull: the htpasswd registry and credentials

on_both_engines! {
    fn pull_auth_registry_credentials() {
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let _g = image_lock();
        let r = format!("{}:1", imgs.auth_repo);

        // No credentials.
        let env = Env::isolated(&e.host);
        let out = env.compare(&["pull", &r]);
        assert_eq!(out.code, 1);
        assert!(out.err().contains(no_credentials_error()), "{out:?}");

        // config.json auths.
        env.write_config(&auths_config(&e, &e.password));
        rmi_layers(&env, imgs);
        let want = env.docker(&["pull", "-q", &r]);
        rmi_layers(&env, imgs);
        let got = env.dkr(&["pull", "-q", &r]);
        assert_same("auths", &want, &got);
        assert_eq!(got.code, 0);
        compare_pull(&env, &["pull", &r]);

        // Wrong password.
        env.write_config(&auths_config(&e, "wrong"));
        rmi_layers(&env, imgs);
        let out = env.compare(&["pull", &r]);
        assert_eq!(out.code, 1);
        assert!(out.err().contains("unauthorized"), "{out:?}");

        // A credential helper on PATH via credHelpers, and via credsStore.
        for store in ["credHelpers", "credsStore"] {
            let env = Env::isolated(&e.host);
            let log = env.bin().join("helper.log");
            env.script(
                "docker-credential-dkrtest",
                &helper_script(&log, &e.auth_registry, &e.user, &e.password),
            );
            let cfg = if store == "credHelpers" {
                format!(
                    "{{\"credHelpers\":{{\"{}\":\"dkrtest\"}}}}",
                    e.auth_registry
                )
            } else {
                "{\"credsStore\":\"dkrtest\"}".to_string()
            };
            env.write_config(&cfg);
            rmi_layers(&env, imgs);
            let want = env.docker(&["pull", "-q", &r]);
            rmi_layers(&env, imgs);
            let _ = std::fs::remove_file(&log);
            let got = env.dkr(&["pull", "-q", &r]);
            assert_same(store, &want, &got);
            assert_eq!(got.code, 0, "{store}: {got:?}");
            let calls = std::fs::read_to_string(&log).unwrap();
            assert_eq!(calls, format!("get {}\n", e.auth_registry), "{store}");
        }

        // A helper that has nothing, and one that fails: pull goes on without credentials.
        for body in [
            "#!/bin/sh\necho 'credentials not found in native keychain'\nexit 1\n",
            "#!/bin/sh\necho 'the keychain is locked'\nexit 3\n",
        ] {
            let env = Env::isolated(&e.host);
            env.script("docker-credential-dkrtest", body);
            env.write_config("{\"credsStore\":\"dkrtest\"}");
            let out = env.compare(&["pull", &r]);
            assert!(out.err().contains(no_credentials_error()), "{out:?}");
        }
        // Leave the engine as tests/engine.sh made it: the test image not present locally.
        rmi_layers(&Env::isolated(&e.host), imgs);
    }
}

on_both_engines! {
    fn pull_with_docker_auth_config() {
        // docker 28.2.2 reads DOCKER_AUTH_CONFIG only for `run --use-api-socket`; docker 28.3+
        // and dkr use it for pulls (issue 4). So docker fails here and dkr succeeds.
        use base64::Engine as _;
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let _g = image_lock();
        let r = format!("{}:1", imgs.auth_repo);
        let auth =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", e.user, e.password));
        let doc = format!(
            "{{\"auths\":{{\"{}\":{{\"auth\":\"{auth}\"}}}}}}",
            e.auth_registry
        );
        let env = Env::isolated(&e.host).var("DOCKER_AUTH_CONFIG", &doc);
        rmi_layers(&env, imgs);
        let got = env.dkr(&["pull", "-q", &r]);
        assert_eq!(
            (got.code, got.out().as_str(), got.err().as_str()),
            (0, format!("{r}\n").as_str(), "")
        );
        rmi_layers(&env, imgs);
        let docker = env.docker(&["pull", "-q", &r]);
        assert_eq!(
            docker.code, 1,
            "docker 28.2.2 ignores DOCKER_AUTH_CONFIG for pull"
        );
        // A malformed document is reported and ignored.
        let env = Env::isolated(&e.host).var("DOCKER_AUTH_CONFIG", "{\"auths\":{\"x\":{}}}");
        let got = env.dkr(&["pull", &r]);
        assert_eq!(got.code, 1);
        assert!(got.err().starts_with(
            "Failed to create credential store from DOCKER_AUTH_CONFIG:  DOCKER_AUTH_CONFIG environment variable is missing key `auth` for x\n"
        ), "{got:?}");
        // Leave the engine as tests/engine.sh made it: the test image not present locally.
        rmi_layers(&Env::isolated(&e.host), imgs);
    }
}

#[test]
fn registry_auth_header_matches_docker() {
    // The fake engine records the X-Registry-Auth both CLIs send for the same config.
    let stream =
        b"{\"status\":\"Status: Image is up to date for localhost:5001/x:1\"}\r\n".to_vec();
    let cases = [
        "{}".to_string(),
        "{\"auths\":{\"localhost:5001\":{\"auth\":\"dGVzdHVzZXI6dGVzdHBhc3N3b3Jk\",\"email\":\"a@b.c\"}}}".to_string(),
        "{\"auths\":{\"http://localhost:5001/v2/\":{\"auth\":\"dGVzdHVzZXI6dGVzdHBhc3N3b3Jk\"}}}".to_string(),
        "{\"auths\":{\"localhost:5001\":{\"identitytoken\":\"tok<&>\"}}}".to_string(),
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"aHViOmh1YnB3\"}}}".to_string(),
        "{\"credsStore\":\"dkrtest\"}".to_string(),
        "{\"credsStore\":\"dkrtest\",\"auths\":{\"localhost:5001\":{\"email\":\"x@y\"}}}".to_string(),
    ];
    for (i, cfg) in cases.iter().enumerate() {
        let fake = FakeEngine::start(vec![Reply::Stream(vec![(Duration::ZERO, stream.clone())])]);
        let env = Env::isolated(&fake.host());
        let log = env.bin().join("helper.log");
        env.script(
            "docker-credential-dkrtest",
            &helper_script(&log, "localhost:5001", "<token>", "helper-token"),
        );
        env.write_config(cfg);
        let image = if i == 4 {
            "hub/x:1"
        } else {
            "localhost:5001/x:1"
        };
        env.compare(&["pull", image]);
        let reqs = fake.creates();
        assert_eq!(reqs.len(), 2, "{cfg}");
        let docker_auth = reqs[0].header("X-Registry-Auth").unwrap().to_string();
        let dkr_auth = reqs[1].header("X-Registry-Auth").unwrap().to_string();
        assert_eq!(
            decode_auth_header(&docker_auth),
            decode_auth_header(&dkr_auth),
            "config {cfg}"
        );
        assert_eq!(docker_auth, dkr_auth, "config {cfg}");
        assert_eq!(reqs[0].target, reqs[1].target);
    }
}

#[test]
fn unauthorized_pull_asks_for_login() {
    // A 401 from the engine: docker prints "Login prior to pull:", prompts, and (stdin not
    // being a terminal) fails to turn off echo for the password.
    let stream =
        b"{\"status\":\"Status: Downloaded newer image for localhost:5001/x:1\"}\r\n".to_vec();
    let fake = FakeEngine::start(vec![
        Reply::Error(401, "unauthorized: authentication required".into()),
        Reply::Error(401, "unauthorized: authentication required".into()),
        Reply::Stream(vec![(Duration::ZERO, stream)]),
    ]);
    let env = Env::isolated(&fake.host()).var("DOCKER_CLI_HINTS", "false");
    let out = env.compare_input(&["pull", "localhost:5001/x:1"], Input::Bytes(b"testuser\n"));
    assert_eq!(out.code, 1);
    assert!(out.out().contains("\nLogin prior to pull:\n"), "{out:?}");
    assert!(out.out().ends_with("Username: "), "{out:?}");
    assert_eq!(out.err(), "inappropriate ioctl for device\n");
}

#[test]
fn unauthorized_pull_retries_with_typed_credentials_on_a_terminal() {
    let stream =
        b"{\"status\":\"Status: Downloaded newer image for localhost:5001/x:1\"}\r\n".to_vec();
    let fake = FakeEngine::start(vec![
        Reply::Error(401, "unauthorized: authentication required".into()),
        Reply::Stream(vec![(Duration::ZERO, stream)]),
    ]);
    let env = Env::isolated(&fake.host()).var("DOCKER_CLI_HINTS", "false");
    let text = login_on_a_terminal(&env, "pull localhost:5001/x:1");
    assert!(text.contains("Login prior to pull:"), "{text}");
    assert!(text.contains("localhost:5001/x:1"), "{text}");
    assert_typed_credentials_sent(&fake.creates());
}

// ---------------------------------------------------------------------------------------------
// pull: terminal rendering and interrupts

fn recorded_layers_stream(e: &Registries) -> Vec<u8> {
    let imgs = images(e);
    let _g = image_lock();
    let env = Env::isolated(&e.host);
    rmi_layers(&env, imgs);
    let s = record_pull_stream(&e.host, &imgs.open_repo, "2", "e30=");
    rmi_layers(&env, imgs);
    s
}

on_both_engines! {
    fn terminal_rendering_live_lines_and_summary() {
        let Some(e) = registries() else { return };
        let stream = recorded_layers_stream(&e);
        let lines = stream
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count();
        // Replayed slowly, so the live lines are drawn many times.
        let fake = FakeEngine::start(vec![Reply::Stream(as_chunks(
            &stream,
            Duration::from_millis(10),
        ))]);
        let env = Env::isolated(&fake.host());
        let r = format!("{}/dkrtest/pull-layers:2", e.registry);
        for cols in [150u16, 100] {
            let (raw, code, took) = run_in_pty(&env, &format!("{} pull {r}", dkr_bin()), cols);
            let text = String::from_utf8_lossy(&raw).into_owned();
            assert_eq!(code, 0, "{text}");
            let (draw, _, _) = run_in_pty(&env, &format!("{} pull {r}", docker_bin()), cols);
            let want = screen(&draw, cols as usize);
            let got = screen(&raw, cols as usize);
            assert_eq!(got, want, "final screen at {cols} columns\nraw: {text:?}");
            // Podman's pull stream has no progress (no sizes, no "Pull complete"): only the
            // screens and the redraw rate are checked on its recording.
            if Engine::current() == Engine::Docker {
                assert!(
                    got.iter()
                        .filter(|l| l.ends_with(": Pull complete"))
                        .count()
                        == 3,
                    "{got:?}"
                );
                // Live per-layer lines with sizes, and a bar only when wider than 110 columns.
                assert!(
                    text.contains("Downloading") || text.contains("Extracting"),
                    "{text:?}"
                );
                assert!(text.contains("kB/"), "{text:?}");
                assert_eq!(text.contains("] "), cols > 110, "{text:?}");
            }
            // At most 20 redraws a second, however many messages.
            let redraws = count_redraws(&raw);
            let limit = (took.as_secs_f64() * 20.0).ceil() as usize + 1;
            assert!(
                redraws <= limit,
                "{redraws} redraws in {took:?} for {lines} messages"
            );
            assert!(redraws < lines, "{redraws} redraws for {lines} messages");
        }
    }
}

#[test]
fn interrupt_ends_a_pull_promptly() {
    let mut chunks = vec![(
        Duration::ZERO,
        b"{\"status\":\"Pulling from x\",\"id\":\"1\"}\r\n".to_vec(),
    )];
    for i in 0..600 {
        chunks.push((
            Duration::from_millis(10),
            format!("{{\"status\":\"Downloading\",\"progressDetail\":{{\"current\":{},\"total\":6000000}},\"id\":\"abcdefabcdef\"}}\r\n", i * 10000).into_bytes(),
        ));
    }
    let fake = FakeEngine::start(vec![Reply::Stream(chunks)]);
    let env = Env::isolated(&fake.host());
    for program in [docker_bin(), dkr_bin().to_string()] {
        let child = env
            .command(&program, &["pull", "localhost:5000/x:1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(500));
        let start = std::time::Instant::now();
        // SAFETY: signalling our own child.
        unsafe {
            libc::kill(child.id() as i32, libc::SIGINT);
        }
        let out = child.wait_with_output().unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{program} took {:?}",
            start.elapsed()
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{program}");
        if program == dkr_bin() {
            // Killed by the signal itself (the shell reports 130), so a script stops too.
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                out.status.signal(),
                Some(libc::SIGINT),
                "{program}: {out:?}"
            );
        } else {
            // docker's own code is racy: 130 when the cancelled read carries the signal as its
            // cause, 0 (silently) when the plain `context canceled` error wins.
            assert!(
                matches!(out.status.code(), Some(130 | 0)),
                "{program}: {out:?}"
            );
        }
    }
}
