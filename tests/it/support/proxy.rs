//! Proxies between a CLI and the engine: [`Proxy`] forwards and can be cut ("the daemon went
//! away"), [`FaultProxy`] injects a [`Fault`] into the responses of matching requests, and
//! [`SlowRelay`] throttles a TCP registry so a pull lasts long enough to be interrupted.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::TempDir;

// ---------------------------------------------------------------------------------------------
// A proxy in front of the engine that can be cut, to play "the daemon went away".

/// Forwards connections from a private Unix socket to the engine's; `cut()` closes them all.
pub struct Proxy {
    pub host: String,
    _dir: TempDir,
    cut: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<UnixStream>>>,
}

impl Proxy {
    pub fn start(engine_host: &str) -> Proxy {
        let upstream = engine_host
            .strip_prefix("unix://")
            .expect("the proxy needs a unix:// engine")
            .to_string();
        let dir = TempDir::new("proxy");
        let path = dir.join("proxy.sock");
        let listener = UnixListener::bind(&path).expect("bind proxy socket");
        let cut = Arc::new(AtomicBool::new(false));
        let conns: Arc<Mutex<Vec<UnixStream>>> = Arc::new(Mutex::new(Vec::new()));
        let (cut2, conns2) = (cut.clone(), conns.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { break };
                if cut2.load(Ordering::SeqCst) {
                    continue;
                }
                let Ok(server) = UnixStream::connect(&upstream) else {
                    continue;
                };
                {
                    let mut list = conns2.lock().unwrap();
                    list.push(client.try_clone().unwrap());
                    list.push(server.try_clone().unwrap());
                }
                pump(client.try_clone().unwrap(), server.try_clone().unwrap());
                pump(server, client);
            }
        });
        Proxy {
            host: format!("unix://{}", path.display()),
            _dir: dir,
            cut,
            conns,
        }
    }

    /// Close every connection and refuse new ones.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for c in self.conns.lock().unwrap().iter() {
            let _ = c.shutdown(std::net::Shutdown::Both);
        }
    }
}

fn pump(mut from: UnixStream, mut to: UnixStream) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 32 * 1024];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => {
                    let _ = to.shutdown(std::net::Shutdown::Write);
                    break;
                }
                Ok(n) => {
                    if to.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
    });
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

/// The answers a command's request must survive (`Pass` first, as the baseline): slow, cut
/// at every stage, malformed framing, not HTTP, not JSON, a huge head, a hostile or made-up
/// error.
pub fn broken_answers() -> Vec<Fault> {
    vec![
        Fault::Pass,
        Fault::Delay(Duration::from_millis(300)),
        Fault::Reset,
        Fault::CutHead(12),
        Fault::CutBody(0),
        Fault::CutBody(700),
        Fault::BadChunk,
        Fault::ShortBody,
        Fault::Garbage,
        Fault::InvalidJson,
        Fault::HugeHeader,
        Fault::HostileError,
        Fault::Reply(500, "{\"message\":\"boom\"}".into()),
    ]
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

    /// Whether `fault` broke an answer since [`FaultProxy::clear_seen`]: a made-up one, or
    /// one cut short of what the engine sent.
    pub fn broke(&self, fault: &Fault) -> bool {
        self.seen()
            .iter()
            .any(|s| s.fault == *fault && (fault.is_synthetic() || s.truncated))
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
    // Client → engine: only an upgraded connection (stdin of an attach) or a chunked body
    // (`cp`'s tar stream) carries more; it is relayed as it comes.
    let chunked = String::from_utf8_lossy(&req.head).lines().any(|l| {
        l.split_once(':').is_some_and(|(k, v)| {
            k.eq_ignore_ascii_case("transfer-encoding") && v.trim().eq_ignore_ascii_case("chunked")
        })
    });
    if upgrade || chunked {
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
