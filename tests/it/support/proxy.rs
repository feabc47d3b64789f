//! Helpers of the reliability tests (`tests/faults.rs`): a fault-injecting proxy between dkr and
//! the engine, a throttling TCP relay in front of a registry (so a pull lasts long enough to be
//! interrupted), a private dockerd that may be SIGKILLed and restarted without touching the
//! shared test engine, and a runner that never lets a hang block the suite. `TempDir`, exit
//! codes and the scrubbed environment are `tests/common`'s.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use crate::support::exit_code;
use crate::support::TempDir;

// ---------------------------------------------------------------------------------------------
// Running the CLIs with a deadline

/// What a process wrote and how it ended (128+N when killed by signal N, as a shell shows).
#[derive(Debug, Clone)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub code: i32,
    pub elapsed: Duration,
    /// Still running at the deadline (then killed).
    pub hung: bool,
}

impl Run {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Panic text, a Rust backtrace hint or an ASan report: never acceptable.
    pub fn panicked(&self) -> bool {
        self.stderr.contains("panicked")
            || self.stderr.contains("RUST_BACKTRACE")
            || self.stderr.contains("stack backtrace")
    }
}

/// Read a child's pipe in the background into a shared buffer (so a test can watch it grow).
fn drain(mut r: impl Read + Send + 'static) -> (Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let b = buf.clone();
    let h = std::thread::spawn(move || {
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            match r.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => b.lock().unwrap().extend_from_slice(&chunk[..n]),
            }
        }
    });
    (buf, h)
}

type Pipe = (Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>);

/// A running CLI whose output is collected in the background.
pub struct Running {
    pub child: Child,
    started: Instant,
    out: Option<Pipe>,
    err: Option<Pipe>,
}

impl Running {
    pub fn spawn(mut cmd: Command) -> Running {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn");
        let out = child.stdout.take().map(drain);
        let err = child.stderr.take().map(drain);
        Running {
            child,
            started: Instant::now(),
            out,
            err,
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: signalling our own child process.
        unsafe { libc::kill(self.pid(), sig) };
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// Everything written to stdout so far.
    pub fn stdout_so_far(&self) -> Vec<u8> {
        self.out
            .as_ref()
            .map(|(b, _)| b.lock().unwrap().clone())
            .unwrap_or_default()
    }

    /// Wait until stdout contains `needle` (true) or `timeout` passes or the process ends.
    pub fn wait_for_stdout(&mut self, needle: &str, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if String::from_utf8_lossy(&self.stdout_so_far()).contains(needle) {
                return true;
            }
            if Instant::now() >= deadline || !self.is_running() {
                return String::from_utf8_lossy(&self.stdout_so_far()).contains(needle);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Wait up to `timeout`; a process still running then is killed and reported as hung.
    pub fn finish(mut self, timeout: Duration) -> Run {
        let deadline = Instant::now() + timeout;
        let mut hung = false;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break s;
            }
            if Instant::now() >= deadline {
                hung = true;
                let _ = self.child.kill();
                break self.child.wait().expect("wait");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let elapsed = self.started.elapsed();
        // A grandchild holding the pipes must not block us: give the readers a moment.
        let join = |p: Option<Pipe>| -> Vec<u8> {
            let Some((buf, h)) = p else {
                return Vec::new();
            };
            let until = Instant::now() + Duration::from_secs(5);
            while !h.is_finished() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(5));
            }
            let v = buf.lock().unwrap().clone();
            v
        };
        let stdout = join(self.out.take());
        let stderr = String::from_utf8_lossy(&join(self.err.take())).into_owned();
        Run {
            stdout,
            stderr,
            code: exit_code(status),
            elapsed,
            hung,
        }
    }
}

/// A command for `program` against `host`, with a private config directory, none of the
/// caller's [`crate::support::SCRUBBED`] variables and stdin from `/dev/null`.
pub fn cli(program: &str, host: &str, config: &Path, args: &[&str]) -> Command {
    let mut cmd = crate::support::cli_command(program, host, config, args);
    cmd.stdin(Stdio::null());
    cmd
}

// ---------------------------------------------------------------------------------------------
// The fault-injecting proxy

/// What the proxy does with a request that matches a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Forward untouched.
    Pass,
    /// Wait, then forward.
    Delay(Duration),
    /// Read the request and never answer (the connection stays open).
    Stall,
    /// Close the connection without answering.
    Reset,
    /// Forward, but close after the first `n` bytes of the engine's response head.
    CutHead(usize),
    /// Forward the whole head and the first `n` bytes of the body, then close.
    CutBody(usize),
    /// Forward the whole head and the first `n` bytes of the body, then go silent forever.
    StallBody(usize),
    /// `200`, chunked, with a chunk size that is not hex.
    BadChunk,
    /// `200` with a Content-Length longer than the body, then close.
    ShortBody,
    /// Bytes that are not HTTP at all.
    Garbage,
    /// `200 application/json` whose body is not JSON.
    InvalidJson,
    /// A 2 MiB header line.
    HugeHeader,
    /// An error status whose message carries terminal escape sequences.
    HostileError,
    /// A made-up answer: this status line and JSON body (Content-Length framed).
    Reply(u16, String),
}

impl Fault {
    /// Faults that never reach the engine: the request has no effect there.
    pub fn is_synthetic(&self) -> bool {
        matches!(
            self,
            Fault::Stall
                | Fault::Reset
                | Fault::BadChunk
                | Fault::ShortBody
                | Fault::Garbage
                | Fault::InvalidJson
                | Fault::HugeHeader
                | Fault::HostileError
                | Fault::Reply(..)
        )
    }

    fn synthetic_reply(&self) -> Vec<u8> {
        match self {
            Fault::BadChunk => b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n".to_vec(),
            Fault::ShortBody => b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{\"Id\":\"0123".to_vec(),
            Fault::Garbage => b"\x00\xffSSH-2.0-notHTTP\x1b[2J\r\n\x02\x00\x00\x00\x00\x00\x00\x05boom!\r\n\r\n".to_vec(),
            Fault::InvalidJson => b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"Id\":[}\n".to_vec(),
            Fault::HugeHeader => {
                let mut v = b"HTTP/1.1 200 OK\r\nX-Huge: ".to_vec();
                v.extend(std::iter::repeat_n(b'h', 2 * 1024 * 1024));
                v.extend_from_slice(b"\r\nContent-Length: 2\r\n\r\n[]");
                v
            }
            Fault::HostileError => {
                let body = "{\"message\":\"evil \\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mred\\u009b1m\\r\\u202eboom\"}\n";
                format!(
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                    body.len()
                )
                .into_bytes()
            }
            Fault::Reply(status, body) => format!(
                "HTTP/1.1 {status} Whatever\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes(),
            _ => Vec::new(),
        }
    }
}

/// Which requests a fault applies to.
#[derive(Debug, Clone)]
pub struct Rule {
    /// `GET`, `POST`, … or empty for any.
    pub method: String,
    /// A substring of the request target (`/containers/json`).
    pub path: String,
    pub fault: Fault,
    /// How many matching requests it applies to; `usize::MAX` for all.
    pub times: usize,
}

impl Rule {
    pub fn new(path: &str, fault: Fault) -> Rule {
        Rule {
            method: String::new(),
            path: path.to_string(),
            fault,
            times: usize::MAX,
        }
    }

    pub fn method(mut self, m: &str) -> Rule {
        self.method = m.to_string();
        self
    }
}

/// One request the proxy saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub fault: Fault,
    /// The engine had more response bytes than were passed on.
    pub truncated: bool,
}

struct ProxyState {
    upstream: PathBuf,
    rules: Mutex<Vec<Rule>>,
    stop: AtomicBool,
    /// Every connection the proxy holds, to be shut down when it goes.
    conns: Mutex<Vec<UnixStream>>,
    seen: Mutex<Vec<Seen>>,
}

impl ProxyState {
    fn pick(&self, method: &str, target: &str) -> Fault {
        let mut rules = self.rules.lock().unwrap();
        for r in rules.iter_mut() {
            if r.times > 0
                && (r.method.is_empty() || r.method == method)
                && target.contains(&r.path)
            {
                r.times = r.times.saturating_sub(1);
                return r.fault.clone();
            }
        }
        Fault::Pass
    }

    fn hold(&self) {
        while !self.stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn track(&self, s: &UnixStream) {
        if let Ok(c) = s.try_clone() {
            self.conns.lock().unwrap().push(c);
        }
    }
}

/// A Unix-socket proxy between dkr and the engine that injects [`Fault`]s into the responses
/// of matching requests and forwards everything else (including hijacked attach streams).
pub struct FaultProxy {
    dir: TempDir,
    state: Arc<ProxyState>,
    accept: Option<std::thread::JoinHandle<()>>,
}

impl FaultProxy {
    /// A proxy in front of the engine at `engine_host` (`unix://…`).
    pub fn start(engine_host: &str, rules: Vec<Rule>) -> FaultProxy {
        let upstream = PathBuf::from(
            engine_host
                .strip_prefix("unix://")
                .expect("the fault proxy needs a unix:// engine"),
        );
        let dir = TempDir::new("fproxy");
        let listener = UnixListener::bind(dir.path().join("p.sock")).expect("bind proxy");
        listener.set_nonblocking(true).expect("nonblocking");
        let state = Arc::new(ProxyState {
            upstream,
            rules: Mutex::new(rules),
            stop: AtomicBool::new(false),
            conns: Mutex::new(Vec::new()),
            seen: Mutex::new(Vec::new()),
        });
        let st = state.clone();
        let accept = std::thread::spawn(move || {
            while !st.stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((client, _)) => {
                        let _ = client.set_nonblocking(false);
                        st.track(&client);
                        let st = st.clone();
                        std::thread::spawn(move || handle(client, &st));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        FaultProxy {
            dir,
            state,
            accept: Some(accept),
        }
    }

    pub fn host(&self) -> String {
        format!("unix://{}", self.dir.path().join("p.sock").display())
    }

    pub fn set_rules(&self, rules: Vec<Rule>) {
        *self.state.rules.lock().unwrap() = rules;
    }

    /// The requests seen so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    pub fn clear_seen(&self) {
        self.state.seen.lock().unwrap().clear();
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        for c in self.state.conns.lock().unwrap().iter() {
            let _ = c.shutdown(Shutdown::Both);
        }
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

/// A request as read from the client: its head (verbatim) and body.
struct Request {
    method: String,
    target: String,
    head: Vec<u8>,
    body: Vec<u8>,
}

fn read_request(r: &mut BufReader<UnixStream>) -> Option<Request> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = r.read_until(b'\n', &mut head).ok()?;
        if n == 0 {
            return None;
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            break;
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut first = text.lines().next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let len = text
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        target,
        head,
        body,
    })
}

/// The request head with `Connection: close` (so one request per upstream connection and the
/// end of a response is the end of the connection), unless it asks for an upgrade.
fn closing_head(head: &[u8]) -> (Vec<u8>, bool) {
    let text = String::from_utf8_lossy(head);
    let upgrade = text.lines().any(|l| {
        l.split_once(':').is_some_and(|(k, v)| {
            k.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("upgrade")
        })
    });
    if upgrade {
        return (head.to_vec(), true);
    }
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let is_conn = line
            .split_once(':')
            .is_some_and(|(k, _)| k.eq_ignore_ascii_case("connection"));
        if line == "\r\n" || line == "\n" {
            out.push_str("Connection: close\r\n");
        }
        if !is_conn {
            out.push_str(line);
        }
    }
    (out.into_bytes(), false)
}

fn copy_all(from: &mut impl Read, to: &mut impl Write) -> u64 {
    let mut buf = vec![0u8; 64 * 1024];
    let mut total = 0;
    loop {
        match from.read(&mut buf) {
            Ok(0) | Err(_) => return total,
            Ok(n) => {
                if to.write_all(&buf[..n]).is_err() {
                    return total;
                }
                total += n as u64;
            }
        }
    }
}

/// Copy at most `n` bytes; true when `from` had more.
fn copy_n(from: &mut impl Read, to: &mut impl Write, n: usize) -> bool {
    let mut left = n;
    let mut buf = vec![0u8; 64 * 1024];
    while left > 0 {
        let want = left.min(buf.len());
        match from.read(&mut buf[..want]) {
            Ok(0) | Err(_) => return false,
            Ok(k) => {
                if to.write_all(&buf[..k]).is_err() {
                    return false;
                }
                left -= k;
            }
        }
    }
    let mut one = [0u8; 1];
    matches!(from.read(&mut one), Ok(1))
}

fn handle(client: UnixStream, st: &ProxyState) {
    let Ok(read_half) = client.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut client = client;
    let Some(req) = read_request(&mut reader) else {
        return;
    };
    let fault = st.pick(&req.method, &req.target);
    let record = |truncated: bool| {
        st.seen.lock().unwrap().push(Seen {
            method: req.method.clone(),
            target: req.target.clone(),
            fault: fault.clone(),
            truncated,
        });
    };
    match &fault {
        Fault::Stall => {
            record(false);
            st.hold();
            return;
        }
        Fault::Reset => {
            record(false);
            let _ = client.shutdown(Shutdown::Both);
            return;
        }
        f if f.is_synthetic() => {
            record(false);
            let _ = client.write_all(&f.synthetic_reply());
            let _ = client.shutdown(Shutdown::Both);
            return;
        }
        Fault::Delay(d) => std::thread::sleep(*d),
        _ => {}
    }
    let Ok(mut up) = UnixStream::connect(&st.upstream) else {
        record(false);
        return;
    };
    st.track(&up);
    let (head, upgrade) = closing_head(&req.head);
    if up.write_all(&head).is_err() || up.write_all(&req.body).is_err() {
        record(false);
        return;
    }
    // Client → engine: only an upgraded connection carries more (stdin of an attach).
    if upgrade {
        let early = reader.buffer().to_vec();
        if let Ok(mut up_w) = up.try_clone() {
            std::thread::spawn(move || {
                let _ = up_w.write_all(&early);
                let mut r = reader.into_inner();
                copy_all(&mut r, &mut up_w);
                let _ = up_w.shutdown(Shutdown::Write);
            });
        }
    }
    let mut up_r = BufReader::new(up);
    match fault {
        Fault::CutHead(n) => {
            let more = copy_n(&mut up_r, &mut client, n);
            record(more);
            let _ = client.shutdown(Shutdown::Both);
        }
        Fault::CutBody(n) | Fault::StallBody(n) => {
            // The whole head first.
            let mut head = Vec::new();
            loop {
                let before = head.len();
                match up_r.read_until(b'\n', &mut head) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                let line = &head[before..];
                if line == b"\r\n" || line == b"\n" {
                    break;
                }
            }
            let _ = client.write_all(&head);
            let more = copy_n(&mut up_r, &mut client, n);
            record(more);
            if matches!(fault, Fault::StallBody(_)) {
                st.hold();
            }
            let _ = client.shutdown(Shutdown::Both);
        }
        _ => {
            record(false);
            copy_all(&mut up_r, &mut client);
            let _ = client.shutdown(Shutdown::Write);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A throttled TCP relay (for a slow registry)

/// Listens on 127.0.0.1:<free port> and relays to `target`, server→client at about
/// `bytes_per_sec`, so a pull through it takes long enough to be interrupted.
pub struct SlowRelay {
    pub port: u16,
    stop: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<TcpStream>>>,
}

impl SlowRelay {
    pub fn start(target: &str, bytes_per_sec: usize) -> SlowRelay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind relay");
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let conns: Arc<Mutex<Vec<TcpStream>>> = Arc::new(Mutex::new(Vec::new()));
        let target = target.to_string();
        let (stop2, conns2) = (stop.clone(), conns.clone());
        std::thread::spawn(move || {
            while !stop2.load(Ordering::SeqCst) {
                let Ok((client, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(5));
                    continue;
                };
                let _ = client.set_nonblocking(false);
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                {
                    let mut l = conns2.lock().unwrap();
                    l.push(client.try_clone().unwrap());
                    l.push(server.try_clone().unwrap());
                }
                let (mut c_r, mut s_w) = (client.try_clone().unwrap(), server.try_clone().unwrap());
                std::thread::spawn(move || {
                    copy_all(&mut c_r, &mut s_w);
                    let _ = s_w.shutdown(Shutdown::Write);
                });
                let (mut s_r, mut c_w) = (server, client);
                std::thread::spawn(move || {
                    let chunk = (bytes_per_sec / 20).max(1);
                    let mut buf = vec![0u8; chunk];
                    loop {
                        match s_r.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => {
                                if c_w.write_all(&buf[..n]).is_err() {
                                    break;
                                }
                                std::thread::sleep(Duration::from_millis(50));
                            }
                        }
                    }
                    let _ = c_w.shutdown(Shutdown::Write);
                });
            }
        });
        SlowRelay { port, stop, conns }
    }
}

impl Drop for SlowRelay {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for c in self.conns.lock().unwrap().iter() {
            let _ = c.shutdown(Shutdown::Both);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A private, killable engine

/// A dockerd of our own (own data root, exec root, socket and containerd namespace, no bridge),
/// sharing the test engine's containerd, so it can be SIGKILLed and restarted without touching
/// the engine other tests use. Removed (containers, daemon, state) on drop.
pub struct PrivateEngine {
    pub root: PathBuf,
    pub host: String,
    args: Vec<String>,
    pid: Mutex<Option<i32>>,
    restarts: AtomicUsize,
}

impl PrivateEngine {
    /// Start it next to the shared test engine (`DKR_TEST_ROOT`), with busybox loaded from there.
    pub fn start(shared_host: &str) -> PrivateEngine {
        let test_root =
            std::env::var("DKR_TEST_ROOT").unwrap_or_else(|_| "/tmp/dkr-test".to_string());
        let containerd = format!("{test_root}/containerd.sock");
        assert!(
            Path::new(&containerd).exists(),
            "the test engine's containerd ({containerd}) is not there"
        );
        // Short: Unix socket paths below the root must stay under 108 bytes.
        let root = PathBuf::from(format!("/tmp/dkrflt-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("exec")).unwrap();
        std::fs::create_dir_all(root.join("data")).unwrap();
        let ns = format!("dkrflt{}", std::process::id());
        std::fs::write(
            root.join("daemon.json"),
            format!(
                "{{\"deprecated-key-path\": \"{}/key.json\"}}\n",
                root.display()
            ),
        )
        .unwrap();
        let sock = root.join("d.sock");
        let args: Vec<String> = [
            "--host".to_string(),
            format!("unix://{}", sock.display()),
            "--data-root".into(),
            root.join("data").display().to_string(),
            "--exec-root".into(),
            root.join("exec").display().to_string(),
            "--pidfile".into(),
            root.join("docker.pid").display().to_string(),
            "--config-file".into(),
            root.join("daemon.json").display().to_string(),
            "--containerd".into(),
            containerd,
            "--containerd-namespace".into(),
            ns.clone(),
            "--containerd-plugins-namespace".into(),
            format!("{ns}p"),
            "--bridge".into(),
            "none".into(),
            "--iptables=false".into(),
            "--ip-masq=false".into(),
            "--shutdown-timeout".into(),
            "2".into(),
            "--insecure-registry".into(),
            "127.0.0.0/8".into(),
        ]
        .into_iter()
        .collect();
        let e = PrivateEngine {
            host: format!("unix://{}", sock.display()),
            root,
            args,
            pid: Mutex::new(None),
            restarts: AtomicUsize::new(0),
        };
        e.launch();
        // busybox from the shared engine: docker save | docker load.
        let mut save = Command::new(crate::support::docker_bin())
            .args(["-H", shared_host, "save", "busybox:latest"])
            .env_remove("DOCKER_CONTEXT")
            .stdout(Stdio::piped())
            .spawn()
            .expect("docker save");
        let load = Command::new(crate::support::docker_bin())
            .args(["-H", &e.host, "load", "-q"])
            .env_remove("DOCKER_CONTEXT")
            .stdin(save.stdout.take().expect("save stdout"))
            .output()
            .expect("docker load");
        let saved = save.wait().expect("docker save");
        assert!(saved.success(), "docker save busybox:latest failed");
        assert!(
            load.status.success(),
            "loading busybox into the private engine: {}",
            String::from_utf8_lossy(&load.stderr)
        );
        e
    }

    fn launch(&self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.root.join("dockerd.log"))
            .unwrap();
        let mut cmd = Command::new("dockerd");
        cmd.args(&self.args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        // Its own session: a Ctrl-C at the test run must not reach it before we clean up.
        // SAFETY: setsid in the child between fork and exec is async-signal-safe.
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start dockerd (tests must run as root)");
        *self.pid.lock().unwrap() = Some(child.id() as i32);
        // Reap it in the background so a killed daemon does not linger as a zombie.
        std::thread::spawn(move || {
            let mut child = child;
            let _ = child.wait();
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.ping() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "private dockerd did not come up; log:\n{}",
                std::fs::read_to_string(self.root.join("dockerd.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `GET /_ping` answers `OK`.
    pub fn ping(&self) -> bool {
        let Ok(mut s) = UnixStream::connect(self.root.join("d.sock")) else {
            return false;
        };
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        if s.write_all(b"GET /_ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .is_err()
        {
            return false;
        }
        let mut resp = String::new();
        let _ = s.read_to_string(&mut resp);
        resp.starts_with("HTTP/1.1 200") && resp.ends_with("OK")
    }

    /// SIGKILL the daemon (its containers' shims live on in containerd).
    pub fn kill(&self) {
        if let Some(pid) = self.pid.lock().unwrap().take() {
            // SAFETY: signalling the dockerd we started.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let gone = Instant::now() + Duration::from_secs(10);
            while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < gone {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    /// Start it again after [`PrivateEngine::kill`].
    pub fn restart(&self) {
        self.restarts.fetch_add(1, Ordering::SeqCst);
        let _ = std::fs::remove_file(self.root.join("docker.pid"));
        self.launch();
    }

    /// The reference CLI against this engine (setup and cleanup).
    pub fn docker(&self, args: &[&str]) -> std::process::Output {
        Command::new(crate::support::docker_bin())
            .args(["-H", &self.host])
            .args(args)
            .env_remove("DOCKER_CONTEXT")
            .env_remove("DOCKER_HOST")
            .stdin(Stdio::null())
            .output()
            .expect("docker")
    }

    pub fn docker_ok(&self, args: &[&str]) -> String {
        let out = self.docker(args);
        assert!(
            out.status.success(),
            "docker {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Remove every container (in batches).
    pub fn remove_all_containers(&self) {
        let ids = self.docker_ok(&["ps", "-aq"]);
        let ids: Vec<&str> = ids.split_whitespace().collect();
        for batch in ids.chunks(200) {
            let mut args = vec!["rm", "-f"];
            args.extend_from_slice(batch);
            let _ = self.docker(&args);
        }
    }
}

impl Drop for PrivateEngine {
    fn drop(&mut self) {
        if self.ping() {
            self.remove_all_containers();
        }
        if let Some(pid) = self.pid.lock().unwrap().take() {
            // SAFETY: signalling the dockerd we started.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let gone = Instant::now() + Duration::from_secs(20);
            while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < gone {
                std::thread::sleep(Duration::from_millis(50));
            }
            // SAFETY: as above; it ignored SIGTERM for too long.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        // Whatever is still mounted below the root goes first, deepest first.
        if let Ok(info) = std::fs::read_to_string("/proc/self/mountinfo") {
            let prefix = format!("{}/", self.root.display());
            let mut mounts: Vec<&str> = info
                .lines()
                .filter_map(|l| l.split(' ').nth(4))
                .filter(|m| m.starts_with(&prefix))
                .collect();
            mounts.sort_unstable_by(|a, b| b.cmp(a));
            for m in mounts {
                let _ = Command::new("umount").args(["-l", m]).status();
            }
        }
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

// ---------------------------------------------------------------------------------------------
// Small things

/// Poll `cond` until it holds or `timeout` passes.
pub fn eventually(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if cond() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Lowercase hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(data);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// A soft-failure collector: scenarios report problems here and the test fails once, at the
/// end, with all of them.
#[derive(Default)]
pub struct Problems(Mutex<VecDeque<String>>);

impl Problems {
    pub fn add(&self, p: impl Into<String>) {
        let p = p.into();
        eprintln!("PROBLEM: {p}");
        self.0.lock().unwrap().push_back(p);
    }

    pub fn check(&self, ok: bool, p: impl FnOnce() -> String) {
        if !ok {
            self.add(p());
        }
    }

    pub fn assert_none(&self) {
        let list = self.0.lock().unwrap();
        assert!(
            list.is_empty(),
            "{} problem(s):\n{}",
            list.len(),
            list.iter().cloned().collect::<Vec<_>>().join("\n")
        );
    }
}
