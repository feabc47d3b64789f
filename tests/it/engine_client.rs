//! The engine client end to end: endpoint resolution and global errors (differential against
//! the reference docker CLI), TLS against the test engine's own listener, API-version
//! negotiation, and misbehaving daemons (fake servers on a Unix socket) — every one must end
//! with a clear error and a non-zero exit, never a panic or a hang.

use crate::support::env::Env;
use crate::support::{dkr_bin, engine_host};
use std::io::{Read, Write};
use std::os::unix::net::UnixListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn env() -> Option<Env> {
    engine_host().map(|h| Env::new(&h).retrying())
}

fn certs() -> String {
    std::env::var("DKR_TEST_CERTS").expect("DKR_TEST_CERTS (tests/env.sh)")
}

fn tls_host() -> String {
    std::env::var("DKR_TEST_TLS_HOST").expect("DKR_TEST_TLS_HOST (tests/env.sh)")
}

// ---- TLS against the test engine's listener ----

fn tls_args<'a>(extra: &[&'a str], tail: &[&'a str]) -> Vec<String> {
    let mut v: Vec<String> = vec!["-H".into(), tls_host()];
    v.extend(extra.iter().map(|s| s.to_string()));
    v.extend(tail.iter().map(|s| s.to_string()));
    v
}

#[test]
fn tls_with_client_certificates() {
    let Some(env) = env() else { return };
    let c = certs();
    let ca = format!("{c}/ca.pem");
    let cert = format!("{c}/cert.pem");
    let pkcs8 = format!("{c}/key.pem");
    let pkcs1 = format!("{c}/key-pkcs1.pem");
    let fmt = ["version", "--format", "{{.Server.Version}}"];
    for key in [&pkcs8, &pkcs1] {
        let args = tls_args(
            &[
                "--tlsverify",
                "--tlscacert",
                &ca,
                "--tlscert",
                &cert,
                "--tlskey",
                key,
            ],
            &fmt,
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = env.compare(&args);
        assert_eq!(out.code, 0, "{}", out.err());
        assert!(out.out().starts_with("20."), "{}", out.out());
    }
    // DOCKER_TLS_VERIFY (any non-empty value, even "0") with DOCKER_CERT_PATH.
    for v in ["1", "0"] {
        let env = self::env()
            .unwrap()
            .var("DOCKER_TLS_VERIFY", v)
            .var("DOCKER_CERT_PATH", &c)
            .var("DOCKER_HOST", &tls_host());
        let out = env.compare(&fmt);
        assert_eq!(out.code, 0, "{}", out.err());
    }
    // Missing CA in the cert path.
    let env2 = self::env()
        .unwrap()
        .var("DOCKER_TLS_VERIFY", "1")
        .var("DOCKER_CERT_PATH", "/nonexistent-dkr-certs")
        .var("DOCKER_HOST", &tls_host());
    assert_eq!(env2.compare(&fmt).code, 1);
}

#[test]
fn tls_without_client_certificate_is_refused() {
    let Some(env) = env() else { return };
    let ca = format!("{}/ca.pem", certs());
    let args = tls_args(
        &["--tlsverify", "--tlscacert", &ca],
        &["version", "--format", "{{.Server.Version}}"],
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = env.compare(&args);
    assert_eq!(out.code, 1);
    assert!(
        out.err().contains("remote error: tls: bad certificate"),
        "{}",
        out.err()
    );
    // The wrong CA: the server's certificate is not trusted.
    let c = certs();
    let cert = format!("{c}/cert.pem");
    let key = format!("{c}/key.pem");
    let args = tls_args(
        &[
            "--tlsverify",
            "--tlscacert",
            &cert,
            "--tlscert",
            &cert,
            "--tlskey",
            &key,
        ],
        &["ps"],
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = env.compare(&args);
    assert_eq!(out.code, 1);
    assert!(
        out.err()
            .contains("certificate signed by unknown authority"),
        "{}",
        out.err()
    );
}

// ---- misbehaving daemons ----

/// A fake daemon on a Unix socket that answers every connection with `reply` (after reading
/// the request head), then closes — or, with `stall`, never answers.
struct FakeDaemon {
    dir: crate::support::TempDir,
    _thread: std::thread::JoinHandle<()>,
}

impl FakeDaemon {
    fn start(reply: Vec<u8>, stall: bool) -> FakeDaemon {
        let dir = crate::support::TempDir::new("fake");
        let sock = dir.path().join("d.sock");
        let listener = UnixListener::bind(&sock).expect("bind fake daemon");
        let thread = std::thread::spawn(move || {
            let mut held = Vec::new();
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { break };
                let _ = conn.set_read_timeout(Some(Duration::from_millis(500)));
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                if stall {
                    held.push(conn);
                    continue;
                }
                let _ = conn.write_all(&reply);
            }
        });
        FakeDaemon {
            dir,
            _thread: thread,
        }
    }

    fn host(&self) -> String {
        format!("unix://{}", self.dir.path().join("d.sock").display())
    }
}

fn run_dkr(host: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(dkr_bin())
        .args(["-H", host])
        .args(args)
        .env_remove("DOCKER_API_VERSION")
        .env("DOCKER_CONFIG", "/nonexistent-dkr-config")
        .stdin(Stdio::null())
        .output()
        .expect("run dkr");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_daemon_answers_are_clear_errors() {
    let mut huge = b"HTTP/1.1 200 OK\r\nX-Big: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 2 * 1024 * 1024));
    huge.extend_from_slice(b"\r\n\r\n");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"this is not http\r\n\r\n".to_vec()),
        ("truncated chunk", b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n[{\"Id\":\"ab".to_vec()),
        ("bad chunk size", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n[]\r\n0\r\n\r\n".to_vec()),
        ("short body", b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[]".to_vec()),
        ("invalid json", b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{{{{{".to_vec()),
        ("huge header", huge),
        ("closed mid-head", b"HTTP/1.1 200 OK\r\nContent-Ty".to_vec()),
        ("closed before answering", Vec::new()),
    ];
    for (name, reply) in cases {
        let fake = FakeDaemon::start(reply, false);
        for args in [
            &["ps"][..],
            &["images"],
            &["version", "--format", "{{.Server.Version}}"],
        ] {
            let (code, _, stderr) = run_dkr(&fake.host(), args);
            assert_ne!(code, 0, "{name}: dkr {args:?} succeeded");
            assert!(!stderr.trim().is_empty(), "{name}: no error message");
            assert!(!stderr.contains("panicked"), "{name}: panic: {stderr}");
        }
    }
}

#[test]
fn daemon_error_bodies_in_dockers_words() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 25\r\n\r\n{\"message\":\"it broke  \"}\n".to_vec(),
            "Error response from daemon: it broke\n",
        ),
        (
            b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nplain words\n".to_vec(),
            "Error response from daemon: plain words\n",
        ),
    ];
    for (reply, want) in cases {
        let fake = FakeDaemon::start(reply, false);
        let (code, _, stderr) = run_dkr(&fake.host(), &["ps"]);
        assert_eq!((code, stderr.as_str()), (1, want));
    }
    let fake = FakeDaemon::start(
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
        false,
    );
    let (code, _, stderr) = run_dkr(&fake.host(), &["ps"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("request returned Not Found for API route and version http://api.moby.localhost/v1.24/containers/json, check if the server supports the requested API version"),
        "{stderr}"
    );
}

#[test]
fn ctrl_c_ends_a_stalled_command_at_once() {
    let fake = FakeDaemon::start(Vec::new(), true);
    for args in [&["ps"][..], &["images"]] {
        let mut child = Command::new(dkr_bin())
            .args(["-H", &fake.host()])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn dkr");
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            child.try_wait().unwrap().is_none(),
            "dkr should be waiting on the stalled daemon"
        );
        let sent = Instant::now();
        // SAFETY: sending SIGINT to our own child process.
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        let deadline = Instant::now() + Duration::from_secs(5);
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            assert!(Instant::now() < deadline, "dkr did not end after SIGINT");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(sent.elapsed() < Duration::from_secs(2));
        assert!(!status.success());
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(!err.contains("panicked"), "{err}");
    }
}
