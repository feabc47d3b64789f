//! `logs` against the test engine: differential cases (text, binary, tty, bad times), `-f`
//! following live output and ending with the container or the daemon, and large output.

use std::time::Duration;

use crate::support::env::Env;
use crate::support::proxy::Proxy;
use crate::support::{sha256, unique};

// ---------------------------------------------------------------------------------------------
// logs

/// A finished container with stdout and stderr lines (and a few binary bytes).
fn logs_fixture(e: &Env) -> (String, crate::support::env::Cleanup<'_>) {
    let name = unique("logs");
    let c = e.cleanup(&[&name]);
    e.docker_ok(&[
        "run", "--name", &name, "busybox", "sh", "-c",
        "echo line1; echo err1 >&2; echo line2; printf '\\000\\001\\377\\n'; echo err2 >&2; echo line3",
    ]);
    (name, c)
}

on_both_engines! {
    fn logs_match_docker() {
        let e = engine_or_skip!();
        let (name, _c) = logs_fixture(&e);
        let n = name.as_str();
        for args in [
            vec!["logs", n],
            vec!["logs", "--tail", "2", n],
            vec!["logs", "-n", "0", n],
            vec!["logs", "-n", "-1", n],
            vec!["logs", "--tail", "foo", n],
            vec!["logs", "-t", n],
            vec!["logs", "--details", n],
            vec!["logs", "-f", n],
            vec!["logs", "--since", "1h", n],
            vec!["logs", "--since", "0", n],
            vec!["logs", "--since", "2099-01-01", n],
            vec!["logs", "--until", "2000-01-01T00:00:00Z", n],
            vec!["logs", "--until", "1h", n],
            vec!["logs", "--since", "1000000000.5", n],
            vec!["container", "logs", "-tn", "1", n],
        ] {
            e.compare(&args);
        }
        let out = e.dkr(&["logs", n]);
        // The json-file log driver stores text: the 0xff byte comes back as U+FFFD (for docker
        // too); Podman's k8s-file log keeps the byte.
        let odd: &[u8] = match crate::support::Engine::current() {
            crate::support::Engine::Docker => b"\xef\xbf\xbd",
            crate::support::Engine::Podman => b"\xff",
        };
        assert_eq!(
            out.stdout,
            [&b"line1\nline2\n\x00\x01"[..], odd, b"\nline3\n"].concat()
        );
        assert_eq!(out.err(), "err1\nerr2\n");
    }
}

differential! {
    logs_missing_container: ["logs", "lc-no-such-container"];
    logs_without_args: ["logs"];
    logs_two_args: ["logs", "a", "b"];
    logs_since_garbage: ["logs", "--since", "garbage", "lc-no-such-container"];
}

on_both_engines! {
    fn logs_bad_times_match_docker() {
        let e = engine_or_skip!();
        let (name, _c) = logs_fixture(&e);
        for args in [
            vec!["logs", "--since", "garbage", &name],
            vec!["logs", "--until", "2026-13-01", &name],
            vec!["logs", "--since", "2026-02-30", &name],
            vec!["logs", "--since", "2026-1-01", &name],
        ] {
            let out = e.compare(&args);
            assert_eq!(out.code, 1);
        }
    }
}

on_both_engines! {
    fn binary_logs_match_docker() {
        let e = engine_or_skip!();
        for tty in [false, true] {
            let name = unique("logs-bin");
            let _c = e.cleanup(&[&name]);
            let mut args = vec!["run", "--name", &name];
            if tty {
                args.push("-t");
            }
            args.extend_from_slice(&[
                "busybox",
                "sh",
                "-c",
                "head -c 5000000 /dev/urandom; head -c 100000 /dev/urandom >&2",
            ]);
            let run = e.dkr(&args);
            assert_eq!(run.code, 0, "{}", run.err());
            let docker = e.docker(&["logs", &name]);
            let dkr = e.dkr(&["logs", &name]);
            assert_eq!(dkr.code, 0);
            assert!(
                dkr.stdout.len() > 4_000_000,
                "tty {tty}: {}",
                dkr.stdout.len()
            );
            assert!(docker.stdout == dkr.stdout, "stdout differs (tty {tty})");
            assert!(docker.stderr == dkr.stderr, "stderr differs (tty {tty})");
        }
    }
}

on_both_engines! {
    fn logs_of_a_tty_container_are_raw() {
        let e = engine_or_skip!();
        let name = unique("logs-tty");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "run",
            "-t",
            "--name",
            &name,
            "busybox",
            "sh",
            "-c",
            "echo a; echo b >&2",
        ]);
        let out = e.compare(&["logs", &name]);
        assert_eq!(out.stdout, b"a\r\nb\r\n");
    }
}

on_both_engines! {
    fn logs_follow_ends_when_the_container_exits() {
        let e = engine_or_skip!();
        let name = unique("logs-f");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "run",
            "-d",
            "--name",
            &name,
            "busybox",
            "sh",
            "-c",
            "echo one; sleep 2; echo two >&2; echo three",
        ]);
        let out = e.dkr(&["logs", "-f", &name]);
        assert_eq!(
            (out.code, out.out(), out.err()),
            (0, "one\nthree\n".into(), "two\n".into()),
            "{out}"
        );
    }
}

on_both_engines! {
    fn logs_daemon_gone_mid_follow_is_an_error() {
        let e = engine_or_skip!();
        let name = unique("logs-gone");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "run",
            "-d",
            "--name",
            &name,
            "busybox",
            "sh",
            "-c",
            "echo started; sleep 60",
        ]);
        let proxy = Proxy::start(&e.host);
        let via = e.via(&proxy.host);
        let mut cmd = via.command(crate::support::dkr_bin(), &["logs", "-f", &name]);
        cmd.stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        proxy.cut();
        let out = crate::support::env::collect(
            child,
            Duration::from_secs(20),
            "logs -f with the daemon gone",
        );
        assert_eq!(out.out(), "started\n");
        assert_eq!(out.code, 1, "{out}");
        assert_eq!(out.err(), "unexpected EOF\n");
    }
}

on_both_engines! {
    fn logs_of_a_16mb_line() {
        let e = engine_or_skip!();
        let name = unique("logs-line");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "run", "--name", &name, "busybox", "sh", "-c",
            "head -c 12000000 /dev/urandom | base64 -w 0 > /tmp/l; echo >> /tmp/l; sha256sum /tmp/l >&2; cat /tmp/l",
        ]);
        let docker = e.docker(&["logs", &name]);
        let dkr = e.dkr(&["logs", &name]);
        assert_eq!(dkr.code, 0, "{}", dkr.err());
        assert_eq!(dkr.stdout.len(), 16_000_001);
        let want = dkr
            .err()
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        assert_eq!(sha256(&dkr.stdout), want);
        assert_eq!(docker.stdout, dkr.stdout);
    }
}

on_both_engines! {
    fn hundred_megabytes_through_run_and_logs() {
        let e = engine_or_skip!();
        let name = unique("100mb");
        let _c = e.cleanup(&[&name]);
        // 100 MB of text (base64 lines) so the json-file log driver keeps it byte for byte.
        let out = e.dkr(&[
            "run",
            "--name",
            &name,
            "busybox",
            "sh",
            "-c",
            "head -c 75000000 /dev/urandom | base64 > /tmp/d; sha256sum /tmp/d >&2; cat /tmp/d",
        ]);
        assert_eq!(out.code, 0, "{}", out.err());
        assert_eq!(out.stdout.len(), 101_315_790);
        let want = out
            .err()
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        assert_eq!(sha256(&out.stdout), want, "run changed the bytes");
        let logs = e.dkr(&["logs", &name]);
        assert_eq!(logs.code, 0);
        assert_eq!(sha256(&logs.stdout), want, "logs changed the bytes");
        // Binary output through an attached run.
        let out = e.dkr(&[
            "run",
            "--rm",
            "busybox",
            "sh",
            "-c",
            "head -c 100000000 /dev/urandom > /tmp/b; sha256sum /tmp/b >&2; cat /tmp/b",
        ]);
        assert_eq!(out.code, 0);
        assert_eq!(out.stdout.len(), 100_000_000);
        let want = out
            .err()
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        assert_eq!(sha256(&out.stdout), want, "binary run output changed");
    }
}

on_both_engines! {
    fn logs_follow_shows_lines_as_they_come() {
        use std::io::Read;
        let e = engine_or_skip!();
        let name = unique("logs-live");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "run",
            "-d",
            "--name",
            &name,
            "busybox",
            "sh",
            "-c",
            "echo first; sleep 30; echo last",
        ]);
        let mut cmd = e.command(crate::support::dkr_bin(), &["logs", "-f", &name]);
        cmd.stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 64];
            let n = stdout.read(&mut buf).unwrap_or(0);
            let _ = tx.send(buf[..n].to_vec());
        });
        // The first line must arrive while the container (and `logs -f`) still runs.
        let got = rx.recv_timeout(Duration::from_secs(15));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(got.expect("no output from logs -f within 15 s"), b"first\n");
    }
}

differential! {
    container_logs_unknown_flag: ["container", "logs", "--bogus", "x"];
}

/// A fake daemon whose `logs` answer sends one line, then waits until the test has read it
/// from dkr's stdout before it sends the next: a line held in a buffer fails the test. The
/// chunk's closing CRLF comes with its data, as Go's server sends it, so bytes of framing that
/// sit in dkr's HTTP buffer cannot pass for data.
fn slow_logs(tty: bool, frames: Vec<(u8, &'static [u8])>) {
    use crate::support::fake_engine::{json_reply, RawEngine};
    use std::io::{Read, Write};
    use std::sync::{mpsc, Arc, Mutex};
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let go_rx = Arc::new(Mutex::new(go_rx));
    let script = frames.clone();
    let engine = RawEngine::start(Arc::new(move |w, _method, target| {
        if target.contains("/json") {
            let body = format!("{{\"Id\":\"abc\",\"Config\":{{\"Tty\":{tty}}}}}");
            let _ = w.write_all(&json_reply(200, body.as_bytes()));
            return;
        }
        let head = "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
        let _ = w.write_all(head.as_bytes());
        for (kind, line) in &script {
            let mut data = Vec::new();
            if !tty {
                data.extend_from_slice(&[*kind, 0, 0, 0]);
                data.extend_from_slice(&(line.len() as u32).to_be_bytes());
            }
            data.extend_from_slice(line);
            let _ = write!(w, "{:x}\r\n", data.len());
            data.extend_from_slice(b"\r\n");
            let _ = w.write_all(&data);
            let _ = w.flush();
            // Wait until the test saw this line (or gave up).
            let _ = go_rx.lock().unwrap().recv_timeout(Duration::from_secs(20));
        }
        let _ = w.write_all(b"0\r\n\r\n");
    }));
    let env = Env::new(&engine.host());
    let mut cmd = env.command(crate::support::dkr_bin(), &["logs", "-f", "c"]);
    cmd.stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let tx_out = tx.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 256];
        while let Ok(n @ 1..) = out.read(&mut buf) {
            let _ = tx_out.send((1u8, buf[..n].to_vec()));
        }
    });
    std::thread::spawn(move || {
        let mut buf = [0u8; 256];
        while let Ok(n @ 1..) = err.read(&mut buf) {
            let _ = tx.send((2u8, buf[..n].to_vec()));
        }
    });
    for (kind, line) in &frames {
        let want_kind = if tty { 1 } else { *kind };
        let mut got = Vec::new();
        while got.len() < line.len() {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok((k, bytes)) => {
                    assert_eq!(k, want_kind, "line {line:?} on the wrong stream");
                    got.extend(bytes);
                }
                Err(_) => {
                    let _ = child.kill();
                    panic!("{line:?} not shown while the daemon waits (got {got:?})");
                }
            }
        }
        assert_eq!(&got, line);
        let _ = go_tx.send(());
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

#[test]
fn logs_follow_shows_each_line_before_the_next_is_sent() {
    slow_logs(
        false,
        vec![
            (1, b"first\n"),
            (1, b"second\n"),
            (2, b"on stderr\n"),
            (1, b"back\n"),
        ],
    );
}

#[test]
fn logs_follow_of_a_tty_shows_each_chunk_before_the_next_is_sent() {
    slow_logs(true, vec![(1, b"first\n"), (1, b"second\n")]);
}
