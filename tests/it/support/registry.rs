//! The two loopback registries of the test engine (open and htpasswd, see `tests/env.sh`), the
//! private three-layer image the `pull` tests push to them, pull-output shapes, recorded pull
//! streams, credential-helper scripts and `X-Registry-Auth` decoding.

use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use super::env::{Env, Input};
use super::{docker_bin, Engine};

/// Where the test engine and registries are (tests/env.sh).
#[derive(Debug, Clone)]
pub struct Registries {
    pub host: String,
    pub registry: String,
    pub auth_registry: String,
    pub user: String,
    pub password: String,
}

/// The engine, or `None` when skipped on purpose with `DKR_SKIP_ENGINE_TESTS=1`; a missing
/// engine is a failure, never a silent pass.
pub fn registries() -> Option<Registries> {
    let host = crate::support::engine_host()?;
    let var = |k: &str, default: &str| std::env::var(k).unwrap_or_else(|_| default.to_string());
    Some(Registries {
        host,
        registry: var("DKR_TEST_REGISTRY", "localhost:5000"),
        auth_registry: var("DKR_TEST_AUTH_REGISTRY", "localhost:5001"),
        user: var("DKR_TEST_REGISTRY_USER", "testuser"),
        password: var("DKR_TEST_REGISTRY_PASSWORD", "testpassword"),
    })
}

/// What the current engine answers a pull from the htpasswd registry without credentials
/// (both CLIs print it as it comes).
pub fn no_credentials_error() -> &'static str {
    match Engine::current() {
        Engine::Docker => "no basic auth credentials",
        Engine::Podman => "unauthorized: authentication required",
    }
}

/// Tests that remove or pull the shared test images run one at a time.
pub fn image_lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// The private three-layer image of these tests, pushed to both registries under
/// `dkrtest/pull-layers:1` (and `:2`) and absent locally. Made once per test run from random
/// data so no other test's pulls or removals interfere.
pub struct Images {
    /// `localhost:5000/dkrtest/pull-layers`
    pub open_repo: String,
    /// `localhost:5001/dkrtest/pull-layers`
    pub auth_repo: String,
}

pub fn images(e: &Registries) -> &'static Images {
    static IMAGES: [OnceLock<Images>; 2] = [OnceLock::new(), OnceLock::new()];
    IMAGES[crate::support::Engine::current() as usize].get_or_init(|| build_images(e))
}

fn build_images(e: &Registries) -> Images {
    let env = Env::isolated(&e.host);
    let engine = Engine::current();
    let tag = format!("{}", std::process::id());
    // busybox:latest is kept by tests/engine.sh; fall back to the registry's copy.
    let mut prev = "busybox:latest".to_string();
    if env.docker(&["image", "inspect", &prev]).code != 0 {
        let from = format!("{}/busybox:latest", e.registry);
        env.docker_ok(&["pull", "-q", &from]);
        prev = from;
    }
    for i in 1..=3 {
        let name = format!("dkrpull-build-{tag}-{i}");
        let cmd = format!(
            "head -c {} /dev/urandom >/pull-layer{i}.bin",
            200 * 1024 * i
        );
        env.docker_ok(&["run", "--name", &name, &prev, "sh", "-c", &cmd]);
        // docker's commit fails on Podman 4 (no body, see README's "Podman"); dkr's works.
        let commit = ["commit", "--change", "CMD [\"sh\"]", &name];
        prev = match engine {
            Engine::Docker => env.docker_ok(&commit),
            Engine::Podman => {
                let out = env.dkr(&commit);
                assert!(out.ok(), "setup: dkr commit: {out:?}");
                out.out()
            }
        }
        .trim()
        .to_string();
        env.docker_ok(&["rm", &name]);
    }
    // Each engine pushes its own random layers, so each has its own repository.
    let repo = match engine {
        Engine::Docker => "dkrtest/pull-layers",
        Engine::Podman => "dkrtest/pull-layers-podman",
    };
    let open_repo = format!("{}/{repo}", e.registry);
    let auth_repo = format!("{}/{repo}", e.auth_registry);
    let login = env.run_input(
        &docker_bin(),
        &["login", "-u", &e.user, "--password-stdin", &e.auth_registry],
        Input::Bytes(e.password.as_bytes()),
    );
    assert_eq!(login.code, 0, "setup login: {login:?}");
    let mut refs = Vec::new();
    for repo in [&open_repo, &auth_repo] {
        for t in ["1", "2"] {
            let r = format!("{repo}:{t}");
            env.docker_ok(&["tag", &prev, &r]);
            env.docker_ok(&["push", "-q", &r]);
            refs.push(r);
        }
    }
    // Removing the last tag deletes the image and its untagged parents.
    for r in &refs {
        env.docker_ok(&["rmi", r]);
    }
    Images {
        open_repo,
        auth_repo,
    }
}

/// Remove every local copy of the test image: all four tags name the same image, and a
/// pull by digest leaves an untagged one behind.
pub fn rmi_layers(env: &Env, imgs: &Images) {
    for repo in [&imgs.open_repo, &imgs.auth_repo] {
        for t in ["1", "2"] {
            rmi(env, &format!("{repo}:{t}"));
        }
        let ids = env.docker(&["images", "-q", repo.as_str()]);
        for id in ids.out().split_whitespace() {
            let _ = env.docker(&["rmi", "-f", id]);
        }
    }
}

/// Removes a container when dropped, also when a test fails.
pub struct ContainerGuard<'a> {
    pub env: &'a Env,
    pub name: String,
}

impl Drop for ContainerGuard<'_> {
    fn drop(&mut self) {
        let _ = self.env.docker(&["rm", "-f", &self.name]);
    }
}

/// Remove the image `reference` names locally, with every tag it has (ignoring "no such
/// image"), so a pull has to fetch its layers again.
pub fn rmi(env: &Env, reference: &str) {
    let id = env.docker(&["image", "inspect", "--format", "{{.Id}}", reference]);
    if id.code == 0 {
        let _ = env.docker(&["rmi", "-f", id.out().trim()]);
    }
}

/// The plain `docker pull` output split into what is fixed (header and trailer lines) and the
/// per-layer status sequences, which the engine may interleave differently from one pull to
/// the next.
pub fn pull_shape(stdout: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let mut fixed = Vec::new();
    let mut layers: Vec<(String, Vec<String>)> = Vec::new();
    for line in stdout.lines() {
        match line.split_once(": ") {
            Some((id, status)) if id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit()) => {
                match layers.iter_mut().find(|(i, _)| i == id) {
                    Some((_, v)) => v.push(status.to_string()),
                    None => layers.push((id.to_string(), vec![status.to_string()])),
                }
            }
            _ => fixed.push(line.to_string()),
        }
    }
    layers.sort();
    (fixed, layers)
}

/// The parts of [`pull_shape`] that are the same from one pull to the next: the fixed lines
/// and, per layer, its first and last status (the engine sometimes skips "Verifying
/// Checksum" or "Waiting").
pub fn stable_pull_shape(stdout: &str) -> (Vec<String>, Vec<(String, String, String)>) {
    let (fixed, layers) = pull_shape(stdout);
    let layers = layers
        .into_iter()
        .map(|(id, v)| (id, v[0].clone(), v[v.len() - 1].clone()))
        .collect();
    (fixed, layers)
}

/// Record the engine's real `/images/create` stream for `repo:tag` (the image must be absent
/// locally for a full one), read with curl so no CLI is involved.
pub fn record_pull_stream(host: &str, repo: &str, tag: &str, auth: &str) -> Vec<u8> {
    let sock = host.strip_prefix("unix://").expect("unix host");
    let url = format!(
        "http://localhost/v1.41/images/create?fromImage={}&tag={tag}",
        repo.replace('/', "%2F").replace(':', "%3A")
    );
    let out = Command::new("curl")
        .args(["-sS", "--unix-socket", sock, "-X", "POST", "-H"])
        .arg(format!("X-Registry-Auth: {auth}"))
        .arg(&url)
        .output()
        .expect("curl");
    assert!(out.status.success(), "curl: {out:?}");
    out.stdout
}

/// Split a recorded stream into one chunk per message (lines), each after `delay`.
pub fn as_chunks(stream: &[u8], delay: Duration) -> Vec<(Duration, Vec<u8>)> {
    stream
        .split_inclusive(|b| *b == b'\n')
        .map(|l| (delay, l.to_vec()))
        .collect()
}

/// A credential helper script that logs each call (`<action> <stdin>`) to `log` and answers
/// `get` for `key` with `user`/`secret`, "credentials not found" for anything else.
pub fn helper_script(log: &Path, key: &str, user: &str, secret: &str) -> String {
    format!(
        "#!/bin/sh\ninput=$(cat)\nprintf '%s %s\\n' \"$1\" \"$input\" >> '{}'\ncase \"$1\" in\nget)\n  if [ \"$input\" = '{key}' ]; then\n    printf '{{\"ServerURL\":\"%s\",\"Username\":\"{user}\",\"Secret\":\"{secret}\"}}' \"$input\"\n  else\n    echo 'credentials not found in native keychain'; exit 1\n  fi ;;\nstore|erase) exit 0 ;;\n*) exit 1 ;;\nesac\n",
        log.display()
    )
}

/// Decode an `X-Registry-Auth` value.
pub fn decode_auth_header(v: &str) -> String {
    use base64::Engine as _;
    let raw = base64::engine::general_purpose::URL_SAFE
        .decode(v)
        .unwrap_or_else(|e| panic!("bad base64url {v:?}: {e}"));
    String::from_utf8(raw).unwrap()
}

/// A config.json whose `auths` hold `user:password` for the htpasswd registry, with a
/// `psFormat` and an unknown key that a login or logout must keep.
pub fn auths_config(e: &Registries, password: &str) -> String {
    use base64::Engine as _;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{}:{password}", e.user));
    format!(
        "{{\"auths\":{{\"{}\":{{\"auth\":\"{auth}\"}}}},\"psFormat\":\"table {{{{.ID}}}}  x\",\"x-unknown\":{{\"keep\":[1,2]}}}}",
        e.auth_registry
    )
}

/// Run `dkr ARGS` on a terminal (`script`), typing `testuser` and `testpassword` at the
/// login prompt a 401 brings; the terminal's text. Fails if dkr fails.
pub fn login_on_a_terminal(env: &Env, args: &str) -> String {
    let cmd = format!(
        "(sleep 1; printf 'testuser\\n'; sleep 1; printf 'testpassword\\n') | script -qfec '{} {args}' /dev/null",
        crate::support::dkr_bin()
    );
    let out = env.command("sh", &["-c", &cmd]).output().expect("sh");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Username: "), "{text}");
    assert!(text.contains("Password: "), "{text}");
    text
}

/// The two requests of a login retry: none, then what [`login_on_a_terminal`] typed (docker
/// names Docker Hub's address whatever the registry).
pub fn assert_typed_credentials_sent(reqs: &[super::fake_engine::Request]) {
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].header("X-Registry-Auth"), Some("e30="));
    assert_eq!(
        decode_auth_header(reqs[1].header("X-Registry-Auth").unwrap()),
        r#"{"username":"testuser","password":"testpassword","serveraddress":"https://index.docker.io/v1/"}"#
    );
}
