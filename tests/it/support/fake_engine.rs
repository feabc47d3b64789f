//! A fake engine on a Unix socket that answers `/_ping` and replays scripted
//! `POST /images/create` (and `/images/{name}/push`) replies (a recorded message stream, or an error), so both CLIs render
//! the same bytes; it records every request.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::TempDir;

/// One request the fake engine received.
#[derive(Debug, Clone)]
pub struct Request {
    pub target: String,
    pub headers: Vec<(String, String)>,
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
    _dir: TempDir,
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
            _dir: dir,
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

    /// The `images/{name}/push` requests received so far.
    pub fn pushes(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| is_push(&r.target))
            .cloned()
            .collect()
    }
}

fn is_push(target: &str) -> bool {
    target.split('?').next().unwrap_or("").ends_with("/push")
}

fn serve(conn: UnixStream, reqs: Arc<Mutex<Vec<Request>>>, replies: Arc<Mutex<Vec<Reply>>>) {
    let mut reader = BufReader::new(conn.try_clone().expect("clone"));
    let mut w = conn;
    while let Some((method, target, headers)) = read_request(&mut reader) {
        let req = Request {
            target: target.clone(),
            headers,
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
        if !target.contains("/images/create") && !is_push(&target) {
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

/// A fake engine on a Unix socket that answers `/_ping` as API 1.41 and every other request
/// with the raw bytes `answer(method, target)` returns (a whole HTTP response, or an endless
/// one written by the closure itself through the stream it is given), then closes.
pub struct RawEngine {
    _dir: TempDir,
    pub socket: PathBuf,
}

/// What [`RawEngine`] does with one request: the stream to write to, the method and target.
pub type Answer = dyn Fn(&mut UnixStream, &str, &str) + Send + Sync;

impl RawEngine {
    pub fn start(answer: Arc<Answer>) -> RawEngine {
        let dir = TempDir::new("raw");
        let socket = dir.path().join("d.sock");
        let listener = UnixListener::bind(&socket).expect("bind raw engine");
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { break };
                let answer = answer.clone();
                std::thread::spawn(move || raw_serve(conn, answer));
            }
        });
        RawEngine { _dir: dir, socket }
    }

    pub fn host(&self) -> String {
        format!("unix://{}", self.socket.display())
    }
}

/// `status` with a JSON `body` (Content-Length framed), as the engine answers.
pub fn json_reply(status: u16, body: &[u8]) -> Vec<u8> {
    let mut v = format!(
        "HTTP/1.1 {status} OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    v.extend_from_slice(body);
    v
}

fn raw_serve(conn: UnixStream, answer: Arc<Answer>) {
    let mut reader = BufReader::new(conn.try_clone().expect("clone"));
    let mut w = conn;
    while let Some((method, target, _)) = read_request(&mut reader) {
        if target.ends_with("/_ping") {
            let body = if method == "HEAD" { "" } else { "OK" };
            let _ = write!(
                w,
                "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nOstype: linux\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\n\r\n{body}"
            );
            continue;
        }
        answer(&mut w, &method, &target);
        let _ = w.flush();
    }
}

/// Header names and values, in order.
type Headers = Vec<(String, String)>;

/// One request from `reader` (its body read and dropped): method, target and headers; `None`
/// when the client is gone or sent garbage.
fn read_request(reader: &mut impl BufRead) -> Option<(String, String, Headers)> {
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return None;
    }
    let parts: Vec<&str> = line.split_whitespace().collect();
    if parts.len() < 2 {
        return None;
    }
    let (method, target) = (parts[0].to_string(), parts[1].to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 {
            return None;
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
    reader.read_exact(&mut body).ok()?;
    Some((method, target, headers))
}
