//! Helpers of `tests/pull_commit.rs`: the test engine and registries (or a loud failure),
//! isolated environments for running `dkr` and the reference `docker` side by side, a fake
//! engine that replays a recorded message stream (so both CLIs render the same bytes), a
//! pseudo-terminal runner and a small terminal emulator for the live rendering. The binaries,
//! the engine gate, `TempDir`, `Outcome` and docker-name normalisation are `tests/common`'s.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The built `dkr` and the reference CLI: the shared test helper's.
pub use crate::support::{dkr_bin, docker_bin};

/// Where the test engine and registries are (tests/env.sh).
#[derive(Debug, Clone)]
pub struct Engine {
    pub host: String,
    pub registry: String,
    pub auth_registry: String,
    pub user: String,
    pub password: String,
}

/// The engine, or `None` when skipped on purpose with `DKR_SKIP_ENGINE_TESTS=1`; a missing
/// engine is a failure, never a silent pass.
pub fn engine() -> Option<Engine> {
    let host = crate::support::engine_host()?;
    let var = |k: &str, default: &str| std::env::var(k).unwrap_or_else(|_| default.to_string());
    Some(Engine {
        host,
        registry: var("DKR_TEST_REGISTRY", "localhost:5000"),
        auth_registry: var("DKR_TEST_AUTH_REGISTRY", "localhost:5001"),
        user: var("DKR_TEST_REGISTRY_USER", "testuser"),
        password: var("DKR_TEST_REGISTRY_PASSWORD", "testpassword"),
    })
}

/// A directory removed on drop, and what a process printed and how it ended: the shared test
/// helper's.
pub use crate::support::{Outcome, TempDir};

/// An isolated environment: only PATH and HOME from outside, a private config directory, a
/// private bin directory first on PATH (for credential helpers), and the engine host.
pub struct Env {
    pub host: String,
    pub config: TempDir,
    pub bin: TempDir,
    pub home: TempDir,
    pub vars: Vec<(String, String)>,
}

impl Env {
    pub fn new(host: &str) -> Env {
        Env {
            host: host.to_string(),
            config: TempDir::new("config"),
            bin: TempDir::new("bin"),
            home: TempDir::new("home"),
            vars: Vec::new(),
        }
    }

    pub fn var(mut self, k: &str, v: &str) -> Env {
        self.vars.push((k.to_string(), v.to_string()));
        self
    }

    pub fn config_path(&self) -> PathBuf {
        self.config.path().join("config.json")
    }

    /// Write config.json.
    pub fn write_config(&self, json: &str) {
        std::fs::write(self.config_path(), json).expect("write config.json");
    }

    pub fn read_config(&self) -> String {
        std::fs::read_to_string(self.config_path()).unwrap_or_default()
    }

    /// Put an executable script named `name` in the private bin directory.
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        let p = self.bin.path().join(name);
        std::fs::write(&p, body).expect("write script");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        p
    }

    pub fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(program);
        cmd.args(args).env_clear();
        let path = format!(
            "{}:{}",
            self.bin.path().display(),
            std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into())
        );
        cmd.env("PATH", path)
            .env("HOME", self.home.path())
            .env("DOCKER_HOST", &self.host)
            .env("DOCKER_CONFIG", self.config.path());
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// Run with `stdin` as input.
    pub fn run_input(&self, program: &str, args: &[&str], stdin: &[u8]) -> Outcome {
        let mut child = self
            .command(program, args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        {
            let mut sin = child.stdin.take().unwrap();
            let _ = sin.write_all(stdin);
        }
        let out = child.wait_with_output().expect("wait");
        Outcome::from_output(out)
    }

    pub fn run(&self, program: &str, args: &[&str]) -> Outcome {
        let out = self
            .command(program, args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        Outcome::from_output(out)
    }

    pub fn dkr(&self, args: &[&str]) -> Outcome {
        self.run(dkr_bin(), args)
    }

    pub fn docker(&self, args: &[&str]) -> Outcome {
        self.run(&docker_bin(), args)
    }

    pub fn docker_ok(&self, args: &[&str]) -> String {
        let out = self.docker(args);
        assert_eq!(out.code, 0, "setup: docker {args:?} failed: {out:?}");
        out.stdout
    }
}

/// docker's output, stdout and stderr, with the places where it names itself naming dkr
/// instead (`run 'docker logout' followed by 'docker login'` included, through `'docker `).
pub fn normalize(o: &Outcome) -> Outcome {
    use crate::support::normalize_names;
    Outcome {
        stdout: normalize_names(&o.stdout, &[]),
        stderr: normalize_names(&o.stderr, &[]),
        code: o.code,
    }
}

/// Assert that docker's and dkr's outcomes are the same (after [`normalize`]).
pub fn assert_same(what: &str, docker: &Outcome, dkr: &Outcome) {
    let want = normalize(docker);
    assert!(
        want == *dkr,
        "{what}: dkr differs from docker\n--- docker (code {})\nstdout:\n{}\nstderr:\n{}\n--- dkr (code {})\nstdout:\n{}\nstderr:\n{}",
        want.code,
        want.stdout,
        want.stderr,
        dkr.code,
        dkr.stdout,
        dkr.stderr
    );
}

/// Run both CLIs with the same arguments in the same environment and compare.
pub fn compare(env: &Env, args: &[&str]) -> Outcome {
    let want = env.docker(args);
    let got = env.dkr(args);
    assert_same(&format!("{args:?}"), &want, &got);
    got
}

/// Like [`compare`] with input on stdin.
pub fn compare_input(env: &Env, args: &[&str], stdin: &[u8]) -> Outcome {
    let want = env.run_input(&docker_bin(), args, stdin);
    let got = env.run_input(dkr_bin(), args, stdin);
    assert_same(&format!("{args:?} <<< {stdin:?}"), &want, &got);
    got
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

pub fn images(e: &Engine) -> &'static Images {
    static IMAGES: OnceLock<Images> = OnceLock::new();
    IMAGES.get_or_init(|| build_images(e))
}

fn build_images(e: &Engine) -> Images {
    let env = Env::new(&e.host);
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
        prev = env
            .docker_ok(&["commit", "--change", "CMD [\"sh\"]", &name])
            .trim()
            .to_string();
        env.docker_ok(&["rm", &name]);
    }
    let open_repo = format!("{}/dkrtest/pull-layers", e.registry);
    let auth_repo = format!("{}/dkrtest/pull-layers", e.auth_registry);
    let login = env.run_input(
        &docker_bin(),
        &["login", "-u", &e.user, "--password-stdin", &e.auth_registry],
        e.password.as_bytes(),
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
        for id in ids.stdout.split_whitespace() {
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
        let _ = env.docker(&["rmi", "-f", id.stdout.trim()]);
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

/// One request the fake engine received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A scripted answer of the fake engine to `POST /images/create`.
#[derive(Clone)]
pub enum Reply {
    /// An error status with a JSON `{"message": …}` body.
    Error(u16, String),
    /// 200 and these chunks, each after its delay.
    Stream(Vec<(Duration, Vec<u8>)>),
}

/// A fake engine on a unix socket: answers `/_ping` as API 1.41 and `images/create` with the
/// scripted replies in order (the last one repeats), recording every request.
pub struct FakeEngine {
    pub dir: TempDir,
    pub socket: PathBuf,
    pub requests: Arc<Mutex<Vec<Request>>>,
}

impl FakeEngine {
    pub fn start(replies: Vec<Reply>) -> FakeEngine {
        let dir = TempDir::new("fake");
        let socket = dir.path().join("d.sock");
        let listener = UnixListener::bind(&socket).expect("bind fake engine");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let replies = Arc::new(Mutex::new(replies));
        let reqs = requests.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { break };
                let reqs = reqs.clone();
                let replies = replies.clone();
                std::thread::spawn(move || serve(conn, reqs, replies));
            }
        });
        FakeEngine {
            dir,
            socket,
            requests,
        }
    }

    pub fn host(&self) -> String {
        format!("unix://{}", self.socket.display())
    }

    /// The `images/create` requests received so far.
    pub fn creates(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.target.contains("/images/create"))
            .cloned()
            .collect()
    }

    pub fn clear(&self) {
        self.requests.lock().unwrap().clear();
    }
}

fn serve(conn: UnixStream, reqs: Arc<Mutex<Vec<Request>>>, replies: Arc<Mutex<Vec<Reply>>>) {
    let mut reader = BufReader::new(conn.try_clone().expect("clone"));
    let mut w = conn;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.len() < 2 {
            return;
        }
        let (method, target) = (parts[0].to_string(), parts[1].to_string());
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_string(), v.trim().to_string()));
            }
        }
        let len = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let req = Request {
            method: method.clone(),
            target: target.clone(),
            headers,
            body,
        };
        reqs.lock().unwrap().push(req);
        let common = "Api-Version: 1.41\r\nOstype: linux\r\nDocker-Experimental: false\r\nServer: Docker/20.10.24 (linux)\r\n";
        if target.ends_with("/_ping") {
            let body = if method == "HEAD" { "" } else { "OK" };
            let _ = write!(
                w,
                "HTTP/1.1 200 OK\r\n{common}Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\n{body}"
            );
            continue;
        }
        if !target.contains("/images/create") {
            let msg = format!("{{\"message\":\"page not found: {target}\"}}\n");
            let _ = write!(
                w,
                "HTTP/1.1 404 Not Found\r\n{common}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{msg}",
                msg.len()
            );
            continue;
        }
        let reply = {
            let mut r = replies.lock().unwrap();
            if r.len() > 1 {
                r.remove(0)
            } else {
                r[0].clone()
            }
        };
        match reply {
            Reply::Error(status, message) => {
                let msg = format!("{}\n", serde_json::json!({ "message": message }));
                let _ = write!(
                    w,
                    "HTTP/1.1 {status} Error\r\n{common}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{msg}",
                    msg.len()
                );
            }
            Reply::Stream(chunks) => {
                let _ = write!(
                    w,
                    "HTTP/1.1 200 OK\r\n{common}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                );
                let _ = w.flush();
                for (delay, data) in chunks {
                    std::thread::sleep(delay);
                    if data.is_empty() {
                        continue;
                    }
                    if write!(w, "{:x}\r\n", data.len()).is_err()
                        || w.write_all(&data).is_err()
                        || w.write_all(b"\r\n").is_err()
                        || w.flush().is_err()
                    {
                        return;
                    }
                }
                let _ = w.write_all(b"0\r\n\r\n");
                let _ = w.flush();
            }
        }
    }
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

/// Run `cmd` (a shell command line) under a pseudo-terminal `cols` wide with `script`,
/// returning the raw terminal output, the exit code and the time it took.
pub fn run_in_pty(env: &Env, cmd: &str, cols: u16) -> (Vec<u8>, i32, Duration) {
    let line = format!("stty cols {cols} rows 50; {cmd}");
    let start = Instant::now();
    let out = env
        .command("script", &["-qfec", &line, "/dev/null"])
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .expect("script");
    (out.stdout, out.status.code().unwrap_or(-1), start.elapsed())
}

/// The screen a terminal `width` columns wide shows after `bytes`: lines without trailing
/// blanks, trailing empty lines dropped. Knows what docker and indicatif emit (CR, LF,
/// cursor up/down/column, erase line/display); other escape sequences are skipped.
pub fn screen(bytes: &[u8], width: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    let ensure = |rows: &mut Vec<Vec<char>>, row: usize| {
        while rows.len() <= row {
            rows.push(Vec::new());
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => {
                row += 1;
                ensure(&mut rows, row);
            }
            '\x1b' => {
                if chars.peek() != Some(&'[') {
                    chars.next();
                    continue;
                }
                chars.next();
                let mut params = String::new();
                let mut fin = ' ';
                for d in chars.by_ref() {
                    if d.is_ascii_digit() || d == ';' || d == '?' {
                        params.push(d);
                    } else {
                        fin = d;
                        break;
                    }
                }
                let n: usize = params.trim_start_matches('?').parse().unwrap_or(1).max(1);
                match fin {
                    'A' => row = row.saturating_sub(n),
                    'B' => {
                        row += n;
                        ensure(&mut rows, row);
                    }
                    'G' => col = n - 1,
                    'K' => {
                        let mode: usize = params.parse().unwrap_or(0);
                        let r = &mut rows[row];
                        match mode {
                            2 => r.clear(),
                            0 => r.truncate(col),
                            _ => {}
                        }
                    }
                    'J' => {
                        rows.truncate(row + 1);
                        rows[row].truncate(col);
                    }
                    _ => {}
                }
            }
            c if (c as u32) < 0x20 => {}
            c => {
                if col >= width {
                    row += 1;
                    col = 0;
                    ensure(&mut rows, row);
                }
                let r = &mut rows[row];
                while r.len() < col {
                    r.push(' ');
                }
                if col < r.len() {
                    r[col] = c;
                } else {
                    r.push(c);
                }
                col += 1;
            }
        }
    }
    let mut lines: Vec<String> = rows
        .into_iter()
        .map(|r| r.into_iter().collect::<String>().trim_end().to_string())
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// How many times dkr redrew its live lines: each redraw erases from the first live line
/// down (`ESC[J`).
pub fn count_redraws(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).matches("\x1b[J").count()
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

/// `key=value` pairs of a request target's query.
pub fn query_of(target: &str) -> HashMap<String, String> {
    let q = target.split_once('?').map(|(_, q)| q).unwrap_or("");
    q.split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A config.json whose `auths` hold `user:password` for the htpasswd registry, with a
/// `psFormat` and an unknown key that a login or logout must keep.
pub fn auths_config(e: &Engine, password: &str) -> String {
    use base64::Engine as _;
    let auth = base64::engine::general_purpose::STANDARD.encode(format!("{}:{password}", e.user));
    format!(
        "{{\"auths\":{{\"{}\":{{\"auth\":\"{auth}\"}}}},\"psFormat\":\"table {{{{.ID}}}}  x\",\"x-unknown\":{{\"keep\":[1,2]}}}}",
        e.auth_registry
    )
}
