//! `logs` against the test engine: differential cases (text, binary, tty, bad times), `-f`
//! following live output and ending with the container or the daemon, and large output; and
//! dkr's merged logs of several containers (order, prefixes, colour, `-f`, a missing one).

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
        e.run_sh_detached(&name, "echo one; sleep 2; echo two >&2; echo three");
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
        e.run_sh_detached(&name, "echo started; sleep 60");
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
        let e = engine_or_skip!();
        let name = unique("logs-live");
        let _c = e.cleanup(&[&name]);
        e.run_sh_detached(&name, "echo first; sleep 30; echo last");
        let cmd = e.command(crate::support::dkr_bin(), &["logs", "-f", &name]);
        // The first line must arrive while the container (and `logs -f`) still runs.
        let got = crate::support::first_output(cmd, Duration::from_secs(15));
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

// ---------------------------------------------------------------------------------------------
// logs over several containers (dkr, issue #15)

/// Three finished containers whose lines interleave in time (each prints every 0.3 s, and
/// they run side by side), the second also on stderr; named with tags of different lengths.
fn merged_fixture(e: &Env, label: &str) -> Vec<String> {
    let names: Vec<String> = ["a", "bbb", "cc"].iter().map(|t| unique(t)).collect();
    for (i, n) in names.iter().enumerate() {
        let err = if i == 1 { "echo $0-err-$i >&2;" } else { "" };
        let script = format!("for i in 1 2 3 4 5 6 7 8; do echo $0-$i; {err} sleep 0.3; done");
        e.docker_ok(&[
            "run",
            "-d",
            "--name",
            n,
            "--label",
            label,
            "busybox",
            "sh",
            "-c",
            &script,
            &format!("c{i}"),
        ]);
    }
    for n in &names {
        e.docker_ok(&["wait", n]);
    }
    names
}

/// `name | rest` → (name as padded, rest).
fn split_prefix(line: &str) -> (&str, &str) {
    line.split_once(" | ")
        .unwrap_or_else(|| panic!("no prefix: {line:?}"))
}

on_both_engines! {
    fn logs_of_several_containers_merge_by_time() {
        let e = engine_or_skip!();
        let label = unique("merge");
        let names = merged_fixture(&e, &label);
        let _c = e.cleanup(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let width = names.iter().map(String::len).max().unwrap();
        let args: Vec<&str> = names.iter().map(String::as_str).collect();

        let with_ts = e.dkr(&[&["logs", "-t"][..], &args].concat());
        assert_eq!(with_ts.code, 0, "{}", with_ts.err());
        let out = with_ts.out();
        assert!(!out.contains('\x1b'), "no colour when piped: {out:?}");
        let mut last = String::new();
        let mut order = Vec::new();
        for line in out.lines() {
            let (name, rest) = split_prefix(line);
            assert_eq!(name.len(), width, "padded to the longest name: {line:?}");
            let c = names.iter().position(|n| n == name.trim_end()).expect("a known name");
            let (ts, text) = rest.split_once(' ').unwrap();
            // Go drops trailing zeros of the fraction: pad it before comparing as text.
            let t = ts.trim_end_matches('Z');
            let (sec, frac) = t.split_once('.').unwrap_or((t, ""));
            let t = format!("{sec}.{frac:0<9}");
            assert!(t >= last, "out of order at {line:?}");
            last = t;
            assert!(text.starts_with(&format!("c{c}-")), "{line:?}");
            order.push(c);
        }
        assert_eq!(order.len(), 24, "{out}");
        let switches = order.windows(2).filter(|w| w[0] != w[1]).count();
        assert!(switches >= 4, "lines of the three containers interleave: {order:?}");
        for (c, name) in names.iter().enumerate() {
            let mine: Vec<String> = out
                .lines()
                .filter(|l| split_prefix(l).0.trim_end() == name)
                .map(|l| split_prefix(l).1.split_once(' ').unwrap().1.to_string())
                .collect();
            let want: Vec<String> = (1..=8).map(|i| format!("c{c}-{i}")).collect();
            assert_eq!(mine, want);
        }
        let err = with_ts.err();
        assert_eq!(err.lines().count(), 8, "{err}");
        assert!(err.lines().all(|l| split_prefix(l).0.trim_end() == names[1]), "{err}");

        // Without -t: the same lines, timestamps cut off.
        let plain = e.dkr(&[&["logs"][..], &args].concat());
        let want: String = out
            .lines()
            .map(|l| {
                let (p, rest) = split_prefix(l);
                format!("{p} | {}\n", rest.split_once(' ').unwrap().1)
            })
            .collect();
        assert_eq!(plain.out(), want);
        // --filter picks the same containers: the same lines (lines with equal timestamps —
        // Podman's are whole seconds — may come in another container order).
        let filtered = e.dkr(&["logs", "--filter", &format!("label={label}")]);
        assert_eq!(filtered.code, 0);
        let sorted = |s: &str| {
            let mut v: Vec<String> = s.lines().map(String::from).collect();
            v.sort();
            v
        };
        assert_eq!(sorted(&filtered.out()), sorted(&want));
        // --no-prefix: only the lines; --tail applies to each container.
        let bare = e.dkr(&[&["logs", "--no-prefix"][..], &args].concat());
        let want_bare: String = want.lines().map(|l| format!("{}\n", split_prefix(l).1)).collect();
        assert_eq!(bare.out(), want_bare);
        let tail = e.dkr(&[&["logs", "-n", "2", "--no-prefix"][..], &args].concat());
        // The last two entries of each: the second container's are one on each stream.
        assert_eq!(tail.out().lines().count(), 5, "{}", tail.out());
        assert_eq!(tail.err(), "c1-err-8\n");
    }
}

on_both_engines! {
    fn logs_of_several_containers_with_a_missing_one() {
        let e = engine_or_skip!();
        let (a, b) = (unique("ma"), unique("mb"));
        let _c = e.cleanup(&[&a, &b]);
        e.docker_ok(&["run", "--name", &a, "busybox", "echo", "from-a"]);
        e.docker_ok(&["run", "--name", &b, "busybox", "echo", "from-b"]);
        let missing = "lc-no-such-container-merged";
        let out = e.dkr(&["logs", &a, missing, &b]);
        assert_eq!(out.code, 1);
        let docker = e.docker(&["logs", missing]);
        assert_eq!(out.err(), docker.err(), "the error in docker's words");
        let w = a.len().max(b.len());
        assert_eq!(out.out(), format!("{a:w$} | from-a\n{b:w$} | from-b\n"));
    }
}

on_both_engines! {
    fn logs_follow_of_several_ends_after_the_last() {
        let e = engine_or_skip!();
        let (a, b) = (unique("fa"), unique("fb"));
        let _c = e.cleanup(&[&a, &b]);
        e.run_sh_detached(&a, "echo a1; sleep 2; echo a2");
        e.run_sh_detached(&b, "echo b1; sleep 5; echo b2");
        let start = std::time::Instant::now();
        let mut cmd = e.command(crate::support::dkr_bin(), &["logs", "-f", "--no-prefix", &a, &b]);
        cmd.stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let out = crate::support::env::collect(cmd.spawn().unwrap(), Duration::from_secs(60), "logs -f");
        assert_eq!(out.code, 0, "{}", out.err());
        let lines: Vec<String> = out.out().lines().map(String::from).collect();
        let mut sorted = lines.clone();
        sorted.sort();
        assert_eq!(sorted, ["a1", "a2", "b1", "b2"]);
        let pos = |s: &str| lines.iter().position(|l| l == s).unwrap();
        assert!(pos("a2") < pos("b2") && pos("a1") < pos("a2"), "{lines:?}");
        // It ended with the second container, not with the first.
        assert!(e.inspect(&b)["State"]["Running"] == false);
        assert!(start.elapsed() >= Duration::from_secs(2), "{:?}", start.elapsed());
    }
}

on_both_engines! {
    fn logs_prefixes_are_coloured_on_a_terminal_only() {
        let e = engine_or_skip!();
        let (a, b) = (unique("ca"), unique("cb"));
        let _c = e.cleanup(&[&a, &b]);
        e.docker_ok(&["run", "--name", &a, "busybox", "echo", "x"]);
        e.docker_ok(&["run", "--name", &b, "busybox", "echo", "y"]);
        let dkr = crate::support::dkr_bin();
        let (raw, code, _) = crate::support::pty::run_in_pty(&e, &format!("{dkr} logs {a} {b}"), 120);
        let raw = String::from_utf8_lossy(&raw).to_string();
        assert_eq!(code, 0);
        assert!(raw.contains(&format!("\x1b[36m{a} |\x1b[0m x")), "{raw:?}");
        assert!(raw.contains(&format!("\x1b[33m{b} |\x1b[0m y")), "{raw:?}");
        for cmd in [
            format!("NO_COLOR=1 {dkr} logs {a} {b}"),
            format!("{dkr} logs --no-color {a} {b}"),
        ] {
            let (raw, code, _) = crate::support::pty::run_in_pty(&e, &cmd, 120);
            let raw = String::from_utf8_lossy(&raw).to_string();
            assert_eq!(code, 0);
            assert!(raw.contains(&format!("{a} | x")) && !raw.contains("\x1b[3"), "{cmd}: {raw:?}");
        }
    }
}

on_both_engines! {
    /// Two names for one container, or a bare `dkr logs` with `--filter` matching none.
    fn logs_merge_edges() {
        let e = engine_or_skip!();
        let a = unique("ea");
        let _c = e.cleanup(&[&a]);
        e.docker_ok(&["run", "--name", &a, "busybox", "echo", "once"]);
        let out = e.dkr(&["logs", &a, &a]);
        assert_eq!((out.code, out.out()), (0, format!("{a} | once\n")));
        let none = e.dkr(&["logs", "--filter", "name=lc-no-such-container-xyz"]);
        assert_eq!((none.code, none.out(), none.err()), (0, String::new(), String::new()));
        // Docker's own message for two missing containers is no longer "requires exactly 1
        // argument": each is reported.
        let two = e.dkr(&["logs", "lc-nope-1", "lc-nope-2"]);
        assert_eq!(two.code, 1);
        assert_eq!(two.err().lines().count(), 2, "{}", two.err());
    }
}
