//! dkr's pull extensions (issue #14) against the test engine and its open loopback registry:
//! every `--progress` mode on `pull` and on `run`'s implicit pull, several images in one
//! `pull`, `--retry` against a port that refuses and through a proxy that answers 503, and
//! Ctrl-C during a backoff. The images are this test run's own (a random layer each, pushed
//! under a unique repository), so other tests' pulls never share their layers.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::support::env::Env;
use crate::support::process::Running;
use crate::support::registry::*;
use crate::support::*;

/// Three single-layer images on top of busybox, `<registry>/dkrprog-<pid>/imgN:1`, absent
/// locally.
struct Imgs {
    repo: String,
    refs: Vec<String>,
}

fn imgs(e: &Registries) -> &'static Imgs {
    static IMGS: OnceLock<Imgs> = OnceLock::new();
    IMGS.get_or_init(|| {
        let env = Env::isolated(&e.host);
        let repo = format!("dkrprog-{}", std::process::id());
        let mut refs = Vec::new();
        for i in 1..=3 {
            let name = unique("progbuild");
            let cmd = format!("head -c {} /dev/urandom >/f{i}", 150 * 1024 * i);
            env.docker_ok(&["run", "--name", &name, "busybox", "sh", "-c", &cmd]);
            let r = format!("{}/{repo}/img{i}:1", e.registry);
            env.docker_ok(&["commit", &name, &r]);
            env.docker_ok(&["rm", &name]);
            env.docker_ok(&["push", "-q", &r]);
            env.docker_ok(&["rmi", &r]);
            refs.push(r);
        }
        Imgs { repo, refs }
    })
}

/// The tests of this file pull and remove the same images: one at a time.
fn lock() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

fn gone(env: &Env, refs: &[&str]) {
    for r in refs {
        rmi(env, r);
    }
}

fn present(env: &Env, r: &str) -> bool {
    env.docker(&["image", "inspect", r]).code == 0
}

/// A layer line of docker's or plain's output: `<12 hex>: …`.
fn is_layer_line(l: &str) -> bool {
    l.split_once(": ")
        .is_some_and(|(id, _)| id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Check one NDJSON line's fields and types; returns the object.
fn json_event(line: &str) -> serde_json::Value {
    let v: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line:?}"));
    let o = v.as_object().expect("an object");
    let time = o["time"].as_str().expect("time is a string");
    assert!(
        time.len() >= 20 && time.as_bytes()[10] == b'T' && time.ends_with('Z'),
        "RFC 3339: {time}"
    );
    assert!(o["image"].is_string(), "{line}");
    assert!(o["layer"].is_string() || o["layer"].is_null(), "{line}");
    assert!(o["status"].is_string(), "{line}");
    for k in ["current", "total"] {
        assert!(o[k].is_u64() || o[k].is_null(), "{k}: {line}");
    }
    if let Some(e) = o.get("error") {
        assert!(e.is_string(), "{line}");
    }
    v
}

#[test]
fn every_mode_on_pull() {
    let Some(e) = registries() else { return };
    let im = imgs(&e);
    let _g = lock();
    let env = Env::isolated(&e.host);
    let r = im.refs[0].as_str();
    let done = format!("Status: Downloaded newer image for {r}\n{r}\n");

    // auto, piped: docker's lines.
    gone(&env, &[r]);
    let out = env.dkr(&["pull", "--progress", "auto", r]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.out().ends_with(&done), "{out:?}");
    assert!(out.out().contains(": Pull complete\n") && !out.out().contains('\x1b'));

    // tty: bars even into a pipe, then docker's summary lines and the reference.
    gone(&env, &[r]);
    let out = env.dkr(&["pull", "--progress=tty", r]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.out().contains("\x1b[") && out.out().contains("Pull complete"),
        "{out:?}"
    );
    assert!(out.out().ends_with(&format!("{r}\n")), "{out:?}");

    // plain: one line per state change, no control bytes, docker's last lines.
    gone(&env, &[r]);
    let out = env.dkr(&["pull", "--progress", "plain", r]);
    assert_eq!(out.code, 0, "{out:?}");
    let text = out.out();
    assert!(!text.contains('\r') && !text.contains('\x1b'), "{text:?}");
    assert!(text.ends_with(&done), "{text}");
    assert!(
        text.contains(": Downloading ") && text.contains("% of "),
        "{text}"
    );
    let layer_lines: Vec<&str> = text.lines().filter(|l| is_layer_line(l)).collect();
    let layers: std::collections::BTreeSet<&str> = layer_lines.iter().map(|l| &l[..12]).collect();
    // States: Already exists / Pulling fs layer / Waiting / Downloading / Verifying Checksum /
    // Download complete / Extracting / Pull complete; a short pull adds no timed lines.
    assert!(layer_lines.len() <= layers.len() * 8, "{text}");
    for l in &layer_lines {
        let status = &l[14..];
        let dup = layer_lines
            .iter()
            .filter(|m| m[..12] == l[..12] && &m[14..] == status)
            .count();
        assert_eq!(dup, 1, "a state printed twice: {text}");
    }

    // json: one typed object per line, the last with the digest and the final status.
    gone(&env, &[r]);
    let out = env.dkr(&["pull", "--progress", "json", r]);
    assert_eq!(out.code, 0, "{out:?}");
    let events: Vec<_> = out.out().lines().map(json_event).collect();
    assert!(events.len() > 3);
    assert!(events.iter().all(|v| v["image"] == r));
    assert!(events
        .iter()
        .any(|v| v["layer"].is_string() && v["current"].is_u64() && v["total"].is_u64()));
    let last = events.last().unwrap();
    assert!(
        last["digest"].as_str().unwrap().starts_with("sha256:"),
        "{last}"
    );
    assert_eq!(last["status"], format!("Downloaded newer image for {r}"));
    assert!(last.get("error").is_none());
    assert_eq!(out.err(), "");

    // quiet, and DKR_PROGRESS as the default.
    gone(&env, &[r]);
    let out = env.dkr(&["pull", "--progress", "quiet", r]);
    assert_eq!((out.code, out.out()), (0, format!("{r}\n")), "{out:?}");
    gone(&env, &[r]);
    let out = Env::isolated(&e.host)
        .var("DKR_PROGRESS", "json")
        .dkr(&["pull", r]);
    assert!(
        out.out().lines().all(|l| json_event(l)["image"] == r),
        "{out:?}"
    );
    // A flag beats the variable; -q beats both.
    let out =
        Env::isolated(&e.host)
            .var("DKR_PROGRESS", "json")
            .dkr(&["pull", "--progress=plain", r]);
    assert!(out
        .out()
        .ends_with(&format!("Status: Image is up to date for {r}\n{r}\n")));
    let out = Env::isolated(&e.host)
        .var("DKR_PROGRESS", "json")
        .dkr(&["pull", "-q", r]);
    assert_eq!(out.out(), format!("{r}\n"));
    // A bad mode is a usage error.
    let out = env.dkr(&["pull", "--progress", "fancy", r]);
    assert_eq!(out.code, 125, "{out:?}");
    assert!(
        out.err().contains("auto, tty, plain, json, quiet"),
        "{out:?}"
    );
    gone(&env, &[r]);
}

#[test]
fn every_mode_on_runs_implicit_pull() {
    let Some(e) = registries() else { return };
    let im = imgs(&e);
    let _g = lock();
    let env = Env::isolated(&e.host);
    let r = im.refs[1].as_str();
    let unable = format!("Unable to find image '{r}' locally\n");
    for mode in ["auto", "tty", "plain", "json", "quiet"] {
        gone(&env, &[r]);
        let out = env.dkr(&["run", "--rm", "--progress", mode, r, "echo", "ran"]);
        assert_eq!(
            (out.code, out.out()),
            (0, "ran\n".to_string()),
            "{mode}: {out:?}"
        );
        let err = out.err();
        match mode {
            "auto" => {
                assert!(
                    err.starts_with(&unable) && err.contains("Pull complete\n"),
                    "{err}"
                );
                assert!(err.ends_with(&format!("Status: Downloaded newer image for {r}\n")));
            }
            "tty" => assert!(
                err.contains("\x1b[") && err.contains("Pull complete"),
                "{err:?}"
            ),
            "plain" => {
                assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
                assert!(
                    err.contains("% of ") && err.contains(": Pull complete\n"),
                    "{err}"
                );
                assert!(err.ends_with(&format!("Status: Downloaded newer image for {r}\n")));
            }
            "json" => {
                let lines: Vec<&str> = err.lines().skip(1).collect();
                assert!(err.starts_with(&unable), "{err}");
                let last = json_event(lines.last().unwrap());
                assert!(last["digest"].as_str().unwrap().starts_with("sha256:"));
                lines.iter().for_each(|l| {
                    json_event(l);
                });
            }
            _ => assert_eq!(err, "", "quiet"),
        }
    }
    gone(&env, &[r]);
}

#[test]
fn several_images_at_once() {
    let Some(e) = registries() else { return };
    let im = imgs(&e);
    let _g = lock();
    let env = Env::isolated(&e.host);
    let refs: Vec<&str> = im.refs.iter().map(String::as_str).collect();
    let missing = format!("{}/{}/img1:nope", e.registry, im.repo);

    // Two at once, piped: each image's lines together, in argument order.
    gone(&env, &refs);
    let out = env.dkr(&["pull", refs[0], refs[1]]);
    assert_eq!(out.code, 0, "{out:?}");
    let text = out.out();
    let end0 = text
        .find(&format!("\n{}\n", refs[0]))
        .expect("first reference line");
    let start1 = text
        .find("Pulling from ")
        .map(|_| text.rfind("1: Pulling from").unwrap());
    assert!(start1.unwrap() > end0, "interleaved: {text}");
    assert!(text.ends_with(&format!("{}\n", refs[1])), "{text}");
    assert!(refs[..2].iter().all(|r| present(&env, r)));

    // Three with one missing: the others pulled, one error line, exit 1.
    gone(&env, &refs);
    let out = env.dkr(&["pull", "--parallel", "2", refs[0], &missing, refs[2]]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.err(),
        format!("Error response from daemon: manifest for {missing} not found: manifest unknown: manifest unknown\n")
    );
    assert!(present(&env, refs[0]) && present(&env, refs[2]), "{out:?}");
    assert!(
        out.out().contains(&format!("\n{}\n", refs[0]))
            && out.out().ends_with(&format!("{}\n", refs[2]))
    );

    // Three in json: every event names its image, and each image has its last object.
    gone(&env, &refs);
    let out = env.dkr(&["pull", "--progress", "json", refs[0], refs[1], &missing]);
    assert_eq!(out.code, 1, "{out:?}");
    let events: Vec<_> = out.out().lines().map(json_event).collect();
    for r in [refs[0], refs[1]] {
        let last = events.iter().rfind(|v| v["image"] == r).unwrap();
        assert!(
            last["digest"].as_str().unwrap().starts_with("sha256:"),
            "{last}"
        );
    }
    let failed = events
        .iter()
        .rfind(|v| v["image"] == missing.as_str())
        .unwrap();
    assert_eq!(failed["status"], "failed");
    assert!(failed["error"]
        .as_str()
        .unwrap()
        .contains("manifest unknown"));
    assert_eq!(out.err().lines().count(), 1, "{out:?}");
    gone(&env, &refs);
}

/// A TCP port on loopback that nothing listens on.
fn refused_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[test]
fn retry_against_a_port_that_refuses() {
    let Some(e) = registries() else { return };
    let env = Env::isolated(&e.host);
    let r = format!("localhost:{}/dkrprog/x:1", refused_port());
    let start = Instant::now();
    let out = env.dkr(&["pull", "--retry", "2", &r]);
    let took = start.elapsed();
    assert_eq!(out.code, 1, "{out:?}");
    let lines: Vec<String> = out.err().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{out:?}");
    assert!(lines[0].starts_with("Retrying in 1s (attempt 1 of 2): Error response from daemon: "));
    assert!(lines[1].starts_with("Retrying in 2s (attempt 2 of 2): "));
    assert!(
        lines[2].starts_with("Error response from daemon: ")
            && lines[2].ends_with("connect: connection refused")
    );
    assert!(
        took >= Duration::from_secs(3) && took < Duration::from_secs(10),
        "{took:?}"
    );
    // DKR_PULL_RETRY, and a retry event in json.
    let out =
        Env::isolated(&e.host)
            .var("DKR_PULL_RETRY", "1")
            .dkr(&["pull", "--progress=json", &r]);
    assert_eq!(out.code, 1, "{out:?}");
    let events: Vec<_> = out.out().lines().map(json_event).collect();
    assert_eq!(events.len(), 2, "{out:?}");
    assert_eq!(events[0]["status"], "retry");
    assert_eq!(events[0]["attempt"], 1);
    assert!(events[0]["error"]
        .as_str()
        .unwrap()
        .contains("connection refused"));
    assert_eq!(events[1]["status"], "failed");
    // No retry by default.
    let out = env.dkr(&["pull", &r]);
    assert_eq!(out.err().lines().count(), 1, "{out:?}");
}

/// A registry proxy on loopback that fails the first `fail` pull attempts of the daemon: each
/// attempt starts with a ping (`GET /v2/`), and while no more than `fail` pings came, manifest
/// requests get `503 Service Unavailable`. Everything else is relayed to `upstream`, one
/// request per connection (`Connection: close`), so every request is seen.
struct Flaky {
    port: u16,
    pings: Arc<AtomicUsize>,
}

impl Flaky {
    fn start(upstream: &str, fail: usize) -> Flaky {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let pings = Arc::new(AtomicUsize::new(0));
        let (p, up) = (pings.clone(), upstream.replace("localhost", "127.0.0.1"));
        std::thread::spawn(move || {
            for conn in l.incoming() {
                let Ok(conn) = conn else { break };
                let (p, up) = (p.clone(), up.clone());
                std::thread::spawn(move || flaky_conn(conn, &up, &p, fail));
            }
        });
        Flaky { port, pings }
    }
}

fn flaky_conn(mut client: TcpStream, upstream: &str, pings: &AtomicUsize, fail: usize) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        if line == "\r\n" || line == "\n" {
            break;
        }
        lines.push(line);
    }
    let first = lines.first().cloned().unwrap_or_default();
    if first.starts_with("GET /v2/ ") {
        pings.fetch_add(1, Ordering::SeqCst);
    }
    if first.contains("/manifests/") && pings.load(Ordering::SeqCst) <= fail {
        let _ = client.write_all(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        return;
    }
    let Ok(mut server) = TcpStream::connect(upstream) else {
        return;
    };
    let mut head = String::new();
    for l in &lines {
        if !l.to_ascii_lowercase().starts_with("connection:") {
            head.push_str(l);
        }
    }
    head.push_str("Connection: close\r\n\r\n");
    if server.write_all(head.as_bytes()).is_err() {
        return;
    }
    let _ = std::io::copy(&mut server, &mut client);
    let _ = client.shutdown(std::net::Shutdown::Both);
}

#[test]
fn retry_through_a_registry_that_answers_503() {
    let Some(e) = registries() else { return };
    let im = imgs(&e);
    // img3 under another name shares its image with the other tests' pulls of img3: removing
    // it while they pull would remove their image too.
    let _g = lock();
    let env = Env::isolated(&e.host);
    // Two 503s, three retries allowed: pulled on the third try.
    let flaky = Flaky::start(&e.registry, 2);
    let r = format!("localhost:{}/{}/img3:1", flaky.port, im.repo);
    let out = env.dkr(&["pull", "--retry", "3", "--progress", "plain", &r]);
    assert_eq!(out.code, 0, "{out:?}");
    let err_text = out.err();
    let err: Vec<&str> = err_text.lines().collect();
    assert_eq!(err.len(), 2, "{out:?}");
    assert_eq!(
        err[0],
        "Retrying in 1s (attempt 1 of 3): Error response from daemon: received unexpected HTTP status: 503 Service Unavailable"
    );
    assert!(err[1].starts_with("Retrying in 2s (attempt 2 of 3): "));
    assert!(out.out().ends_with(&format!("{r}\n")), "{out:?}");
    assert!(flaky.pings.load(Ordering::SeqCst) >= 3);
    rmi(&env, &r);
    // A missing tag fails at once after the 503 is over: permanent, no further retry.
    let flaky = Flaky::start(&e.registry, 1);
    let missing = format!("localhost:{}/{}/img3:nope", flaky.port, im.repo);
    let start = Instant::now();
    let out = env.dkr(&["pull", "--retry", "5", &missing]);
    assert_eq!(out.code, 1, "{out:?}");
    let err_text = out.err();
    let err: Vec<&str> = err_text.lines().collect();
    assert_eq!(err.len(), 2, "{out:?}");
    assert!(err[0].starts_with("Retrying in 1s (attempt 1 of 5): "));
    assert!(
        err[1].ends_with("manifest unknown: manifest unknown"),
        "{out:?}"
    );
    // The two stderr lines above already show there was no second retry; the time is a loose bound.
    assert!(
        start.elapsed() < Duration::from_secs(6),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn interrupt_during_a_backoff_ends_at_once() {
    let Some(e) = registries() else { return };
    let env = Env::isolated(&e.host);
    let r = format!("localhost:{}/dkrprog/x:1", refused_port());
    for args in [
        vec!["pull", "--retry", "6", &r],
        vec!["pull", "--retry=6", "--progress=json", &r],
    ] {
        let mut run = Running::spawn(env.command(dkr_bin(), &args));
        // The third wait is 4 s: interrupt in the middle of it.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !run.stderr_so_far().contains("attempt 3 of 6") {
            assert!(
                Instant::now() < deadline && run.is_running(),
                "no third retry"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(500));
        let sent = Instant::now();
        run.signal(libc::SIGINT);
        let done = run.finish(Duration::from_secs(5));
        assert!(
            sent.elapsed() < Duration::from_secs(1),
            "{:?}",
            sent.elapsed()
        );
        assert_eq!(done.code, 130, "{done:?}");
        assert!(!done.hung && !done.panicked(), "{done:?}");
    }
}
