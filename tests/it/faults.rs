//! Reliability: nothing hangs, nothing panics, nothing is lost.
//!
//! - A fault-injecting proxy between dkr and the test engine delays, stalls, cuts, corrupts and
//!   floods the answers to `ps`, `images`, `version`, `logs`, `logs -f`, `run`, `pull`, `stop`
//!   and `commit`: each ends with a clear error and a non-zero exit (or, where the fault does
//!   not break the answer, exactly as without it); Ctrl-C ends a stalled one within a second.
//!   The reference docker goes through the same proxy and its exit codes are shown alongside.
//!   `run` (which forwards signals to its container) ends on the third signal, as docker does,
//!   and `run -it` gives the terminal back cooked.
//! - A private dockerd (own root and socket, sharing the test engine's containerd) is SIGKILLed
//!   during `logs -f`, `pull` and an attached `run`: a clear error, no hang, and after a
//!   restart the next command works. The same engine carries the load (50 concurrent `run`s,
//!   `ps` over 1000 containers compared with docker, 20 concurrent `logs -f`) and the
//!   integrity checks (100 MB of random bytes through `logs` and an attached `run`, a 16 MB
//!   line), so the shared engine other tests use is never killed or flooded.
//! - Signals during `pull` and `logs -f` end them promptly with docker's exit codes; a closed
//!   stdout is a quiet exit; non-UTF-8 arguments and environment values reach the container as
//!   docker sends them; a daemon message with escape sequences is neutralised on a terminal and
//!   byte-identical to docker's when piped.
//!
//! Needs the test engine (`tests/engine.sh up`, `. tests/env.sh`) and root (the private
//! dockerd); fails without DKR_TEST_HOST unless DKR_SKIP_ENGINE_TESTS=1.

use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::private_engine::PrivateEngine;
use crate::support::process::{cli, Run, Running};
use crate::support::proxy::{Fault, FaultProxy, Rule, SlowRelay};
use crate::support::{dkr_bin, docker_bin, eventually, TempDir};

/// The label on everything these tests create on the shared engine.
const LABEL: &str = "dkr-faults";

/// `dkr-faults=<pid>-<test>`: each test cleans up only what it made.
fn label_value(test: &str) -> String {
    format!("{LABEL}={}-{test}", std::process::id())
}

/// The shared engine, or None when engine tests are skipped on purpose.
fn shared() -> Option<String> {
    crate::support::engine_host()
}

fn registry() -> String {
    std::env::var("DKR_TEST_REGISTRY").unwrap_or_else(|_| "localhost:5000".to_string())
}

fn env_or(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

fn layers_image() -> String {
    std::env::var("DKR_TEST_LAYERS_IMAGE").unwrap_or_else(|_| "dkrtest/layers:1".to_string())
}

/// docker against the shared engine, for setup.
fn docker_on(host: &str, args: &[&str]) -> std::process::Output {
    Command::new(docker_bin())
        .args(["-H", host])
        .args(args)
        .env_remove("DOCKER_CONTEXT")
        .env_remove("DOCKER_HOST")
        .stdin(Stdio::null())
        .output()
        .expect("run docker")
}

fn docker_ok(host: &str, args: &[&str]) -> String {
    let out = docker_on(host, args);
    assert!(
        out.status.success(),
        "setup: docker {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Removes a test's labelled containers and `flt-<pid>-<test>-*` images from the shared engine.
struct SharedCleanup(String, &'static str);

impl Drop for SharedCleanup {
    fn drop(&mut self) {
        let ids = docker_on(
            &self.0,
            &[
                "ps",
                "-aq",
                "--filter",
                &format!("label={}", label_value(self.1)),
            ],
        );
        let ids = String::from_utf8_lossy(&ids.stdout).into_owned();
        let ids: Vec<&str> = ids.split_whitespace().collect();
        if !ids.is_empty() {
            let mut args = vec!["rm", "-f"];
            args.extend(ids);
            let _ = docker_on(&self.0, &args);
        }
        let imgs = docker_on(
            &self.0,
            &[
                "images",
                "-q",
                "--filter",
                &format!("reference=flt-{}-{}-*", std::process::id(), self.1),
            ],
        );
        let imgs = String::from_utf8_lossy(&imgs.stdout).into_owned();
        let mut imgs: Vec<&str> = imgs.split_whitespace().collect();
        imgs.sort_unstable();
        imgs.dedup();
        if !imgs.is_empty() {
            let mut args = vec!["rmi", "-f"];
            args.extend(imgs);
            let _ = docker_on(&self.0, &args);
        }
    }
}

fn name(test: &str, tag: &str) -> String {
    format!("flt-{}-{test}-{tag}", std::process::id())
}

// ---------------------------------------------------------------------------------------------
// The fault matrix

/// One command under test: its arguments, the request whose answer gets the faults, and
/// whether it streams forever when nothing goes wrong (`logs -f`).
#[derive(Clone)]
struct Case {
    label: &'static str,
    args: Vec<String>,
    path: &'static str,
    method: &'static str,
    follows: bool,
    /// Run before every attempt (e.g. start the container `stop` stops).
    before: Option<fn(&str, &Case)>,
    /// docker only gets these faults (where it hangs on every broken answer the same way, a
    /// few show it); dkr gets them all.
    docker_only: Option<&'static [&'static str]>,
}

/// The faults of the matrix (the new requests of `exec`, `start` and `restart` get them too).
pub fn faults() -> Vec<Fault> {
    vec![
        Fault::Delay(Duration::from_millis(300)),
        Fault::Reset,
        Fault::CutHead(12),
        Fault::CutBody(0),
        Fault::CutBody(7),
        Fault::BadChunk,
        Fault::ShortBody,
        Fault::Garbage,
        Fault::InvalidJson,
        Fault::HugeHeader,
    ]
}

fn start_again(host: &str, c: &Case) {
    let target = c.args.last().expect("container");
    let _ = docker_on(host, &["start", target]);
}

/// The commands, with fixtures created on the shared engine.
fn cases(host: &str, test: &str) -> Vec<Case> {
    let l = label_value(test);
    let logs = name(test, "logs");
    docker_ok(
        host,
        &[
            "run",
            "--label",
            &l,
            "--name",
            &logs,
            "busybox",
            "sh",
            "-c",
            "echo out1; echo err1 >&2; seq 1 2000",
        ],
    );
    let follow = name(test, "follow");
    docker_ok(
        host,
        &[
            "run",
            "-d",
            "--label",
            &l,
            "--name",
            &follow,
            "busybox",
            "sh",
            "-c",
            "i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.2; done",
        ],
    );
    let stop = name(test, "stop");
    docker_ok(
        host,
        &[
            "run", "-d", "--label", &l, "--name", &stop, "busybox", "sleep", "1000",
        ],
    );
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let run_args = s(&["run", "--rm", "--label", &l, "busybox", "echo", "hi"]);
    let missing = format!("{}/{}:1", registry(), name(test, "missing"));
    vec![
        Case {
            label: "ps",
            args: s(&["ps"]),
            path: "/containers/json",
            method: "GET",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "ps (ping)",
            args: s(&["ps"]),
            path: "/_ping",
            method: "",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "images",
            args: s(&["images"]),
            path: "/images/json",
            method: "GET",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "version",
            args: s(&["version"]),
            path: "/version",
            method: "GET",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "logs",
            args: s(&["logs", &logs]),
            path: "/logs",
            method: "GET",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "logs (inspect)",
            args: s(&["logs", &logs]),
            path: "/json",
            method: "GET",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "logs -f",
            args: s(&["logs", "-f", &follow]),
            path: "/logs",
            method: "GET",
            follows: true,
            before: None,
            docker_only: None,
        },
        Case {
            label: "run (create)",
            args: run_args.clone(),
            path: "/containers/create",
            method: "POST",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "run (attach)",
            args: run_args.clone(),
            path: "/attach",
            method: "POST",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "run (wait)",
            args: run_args.clone(),
            path: "/wait",
            method: "POST",
            follows: false,
            before: None,
            docker_only: None,
        },
        // A start that never reaches the daemon leaves an --rm container that is never removed:
        // docker waits for its removal forever. Three faults show it; dkr gets every fault.
        Case {
            label: "run (start)",
            args: run_args,
            path: "/start",
            method: "POST",
            follows: false,
            before: None,
            docker_only: Some(&["Delay", "Reset", "CutBody", "Garbage"]),
        },
        Case {
            label: "pull",
            args: s(&["pull", &missing]),
            path: "/images/create",
            method: "POST",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "stop",
            args: s(&["stop", "-t", "0", &stop]),
            path: "/stop",
            method: "POST",
            follows: false,
            before: Some(start_again),
            docker_only: None,
        },
        Case {
            label: "login",
            args: s(&[
                "login",
                "-u",
                &env_or("DKR_TEST_REGISTRY_USER", "testuser"),
                "-p",
                &env_or("DKR_TEST_REGISTRY_PASSWORD", "testpassword"),
                &env_or("DKR_TEST_AUTH_REGISTRY", "localhost:5001"),
            ]),
            path: "/auth",
            method: "POST",
            follows: false,
            before: None,
            docker_only: None,
        },
        Case {
            label: "commit",
            args: s(&["commit", &logs, &name(test, "commit:1")]),
            path: "/commit",
            method: "POST",
            follows: false,
            before: None,
            docker_only: None,
        },
    ]
}

/// What one attempt gave.
struct Attempt {
    run: Run,
    /// The fault fired and broke the answer (synthetic, or the engine had more to send).
    broken: bool,
    /// A following command was still running after 2 s (then interrupted).
    following: bool,
}

/// Run one CLI through `proxy` with `fault` on the case's request. A following command still
/// running after 2 s is interrupted (SIGINT).
fn attempt(program: &str, host: &str, proxy: &FaultProxy, case: &Case, fault: &Fault) -> Attempt {
    if let Some(before) = case.before {
        before(host, case);
    }
    proxy.set_rules(vec![Rule::new(case.path, fault.clone()).method(case.method)]);
    proxy.clear_seen();
    let cfg = TempDir::new("flt-cfg");
    let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
    let mut r = Running::spawn(cli(program, &proxy.host(), cfg.path(), &args));
    let mut following = false;
    if case.follows {
        std::thread::sleep(Duration::from_secs(2));
        if r.is_running() {
            following = true;
            r.signal(libc::SIGINT);
        }
    }
    let run = r.finish(Duration::from_secs(10));
    let seen = proxy.seen();
    let hit = seen.iter().any(|s| s.fault == *fault);
    let truncated = seen.iter().any(|s| s.truncated);
    Attempt {
        run,
        broken: hit && (fault.is_synthetic() || truncated),
        following,
    }
}

fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    one.chars().take(110).collect()
}

#[test]
fn every_command_survives_every_fault() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "matrix");
    let cases = cases(&host, "matrix");
    let problems = Problems::default();
    let report = std::sync::Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|scope| {
        for chunk in cases.chunks(2) {
            let (host, problems, report) = (&host, &problems, &report);
            scope.spawn(move || {
                for case in chunk {
                    let proxy = FaultProxy::start(host, Vec::new());
                    let baseline = attempt(dkr_bin(), host, &proxy, case, &Fault::Pass).run;
                    problems.check(!baseline.hung && !baseline.panicked(), || {
                        format!(
                            "{}: baseline hung or panicked: {}",
                            case.label, baseline.stderr
                        )
                    });
                    for fault in faults() {
                        let kind = format!("{fault:?}");
                        let with_docker = case
                            .docker_only
                            .is_none_or(|o| o.iter().any(|k| kind.starts_with(k)));
                        let a = attempt(dkr_bin(), host, &proxy, case, &fault);
                        let d =
                            with_docker.then(|| attempt(&docker_bin(), host, &proxy, case, &fault));
                        let got = &a.run;
                        // Without docker beside it, a broken answer must be an error.
                        let want_code = d.as_ref().map_or(1, |d| d.run.code);
                        let what = format!(
                            "dkr {} with {fault:?} on {}",
                            case.args.join(" "),
                            case.path
                        );
                        problems.check(!got.hung, || format!("{what}: hung ({:?})", got.elapsed));
                        problems.check(!got.panicked(), || {
                            format!("{what}: panic text: {}", got.stderr)
                        });
                        if a.broken && a.following {
                            problems.add(format!("{what}: still following a broken stream"));
                        } else if a.broken {
                            problems.check(got.code != 0 || want_code == 0, || {
                                format!("{what}: exit 0 on a broken answer (docker: {want_code})")
                            });
                        }
                        if got.code != 0 && !a.following {
                            problems.check(!got.stderr.trim().is_empty(), || {
                                format!("{what}: exit {} without a message", got.code)
                            });
                        }
                        if matches!(fault, Fault::Delay(_)) && !case.follows {
                            problems.check(got.code == baseline.code, || {
                                format!(
                                    "{what}: exit {} where the undisturbed run gave {}",
                                    got.code, baseline.code
                                )
                            });
                        }
                        report.lock().unwrap().push(format!(
                            "{:<15} {:<22} dkr {:>3}{} docker {:>4} {:>6}ms  {}",
                            case.label,
                            format!("{fault:?}"),
                            got.code,
                            if a.following { "f" } else { " " },
                            d.as_ref().map_or("-".to_string(), |d| format!(
                                "{}{}",
                                d.run.code,
                                if d.following { "f" } else { " " }
                            )),
                            got.elapsed.as_millis(),
                            short(&got.stderr)
                        ));
                    }
                }
            });
        }
    });
    let mut report = report.into_inner().unwrap();
    report.sort();
    eprintln!(
        "fault matrix: {} cases in {:?}\n{}",
        report.len(),
        started.elapsed(),
        report.join("\n")
    );
    problems.assert_none();
}

#[test]
fn ctrl_c_ends_every_stalled_command_within_a_second() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "stall");
    let cases = cases(&host, "stall");
    let problems = Problems::default();
    let mut report = Vec::new();
    for case in &cases {
        // Stalled before the answer, and (for the streams) after the head.
        let mut stalls = vec![Fault::Stall];
        if case.follows || case.label == "pull" || case.label == "logs" {
            stalls.push(Fault::StallBody(0));
        }
        for fault in stalls {
            let mut docker_code = None;
            for (program, sig) in [
                (docker_bin(), libc::SIGINT),
                (dkr_bin().to_string(), libc::SIGINT),
                (dkr_bin().to_string(), libc::SIGTERM),
            ] {
                if let Some(before) = case.before {
                    before(&host, case);
                }
                let proxy = FaultProxy::start(
                    &host,
                    vec![Rule::new(case.path, fault.clone()).method(case.method)],
                );
                let cfg = TempDir::new("flt-cfg");
                let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
                let mut r = Running::spawn(cli(&program, &proxy.host(), cfg.path(), &args));
                let reached = eventually(Duration::from_secs(10), || {
                    proxy.seen().iter().any(|s| s.fault == fault)
                });
                let what = format!(
                    "{} {} stalled ({fault:?} on {}) + signal {sig}",
                    program.rsplit('/').next().unwrap_or(""),
                    case.args.join(" "),
                    case.path
                );
                if !reached {
                    let run = r.finish(Duration::from_secs(5));
                    problems.add(format!(
                        "{what}: never reached the stalled request (exit {}, {})",
                        run.code,
                        short(&run.stderr)
                    ));
                    continue;
                }
                std::thread::sleep(Duration::from_millis(200));
                if !r.is_running() {
                    let run = r.finish(Duration::from_secs(1));
                    problems.add(format!(
                        "{what}: ended on its own while stalled (exit {})",
                        run.code
                    ));
                    continue;
                }
                // Stalled after create (on attach, wait or start), docker forwards the signal
                // to a container that has not started and ends only on the third ("got 3
                // SIGTERM/SIGINTs, forcefully exiting", exit 1); dkr ends on the first, as
                // every command does, with 128 + the signal.
                let before_start = case.label.starts_with("run (") && case.label != "run (create)";
                let proxied = before_start && program != dkr_bin();
                let mut sent = Instant::now();
                r.signal(sig);
                if proxied {
                    for _ in 0..2 {
                        std::thread::sleep(Duration::from_millis(100));
                        sent = Instant::now();
                        r.signal(sig);
                    }
                }
                let run = r.finish(Duration::from_secs(5));
                let took = sent.elapsed();
                report.push(format!(
                    "{what}{}: exit {} after {}ms {}",
                    if proxied { " x3" } else { "" },
                    run.code,
                    took.as_millis(),
                    short(&run.stderr)
                ));
                if program != dkr_bin() {
                    docker_code = Some(run.code);
                } else {
                    if before_start {
                        problems.check(run.code == 128 + sig && run.stderr.is_empty(), || {
                            format!(
                                "{what}: exit {} {:?} where 128+{sig} and silence were due",
                                run.code, run.stderr
                            )
                        });
                    } else if sig == libc::SIGINT {
                        problems.check(Some(run.code) == docker_code, || {
                            format!(
                                "{what}: exit {} where docker exits {docker_code:?}",
                                run.code
                            )
                        });
                    }
                    problems.check(took < Duration::from_secs(1) && !run.hung, || {
                        format!("{what}: took {took:?}")
                    });
                    problems.check(run.code != 0, || format!("{what}: exit 0"));
                    problems.check(!run.panicked(), || format!("{what}: {}", run.stderr));
                }
            }
        }
    }
    eprintln!("{}", report.join("\n"));
    problems.assert_none();
}

// ---------------------------------------------------------------------------------------------
// Untrusted text

/// Run `program args` with stdout and stderr on a fresh pseudo-terminal; returns all it wrote.
fn on_terminal(program: &str, host: &str, args: &[&str]) -> (Vec<u8>, i32) {
    let cfg = TempDir::new("flt-cfg");
    on_terminal_with(program, host, cfg.path(), args)
}

/// [`on_terminal`] with the given config directory.
fn on_terminal_with(
    program: &str,
    host: &str,
    cfg: &std::path::Path,
    args: &[&str],
) -> (Vec<u8>, i32) {
    let (m, s) = crate::support::pty::open_pty();
    let mut cmd = cli(program, host, cfg, args);
    cmd.stdout(Stdio::from(s.try_clone().unwrap()))
        .stderr(Stdio::from(s));
    let mut child = cmd.spawn().expect("spawn on pty");
    drop(cmd);
    let reader = std::thread::spawn(move || {
        use std::io::Read;
        let mut m = m;
        let mut out = Vec::new();
        let mut buf = [0u8; 4096];
        // EIO once the slave side is closed everywhere.
        while let Ok(n) = m.read(&mut buf) {
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        out
    });
    let status = child.wait().expect("wait");
    (reader.join().unwrap(), crate::support::exit_code(status))
}

#[test]
fn hostile_daemon_messages_are_neutralised_only_on_a_terminal() {
    let Some(host) = shared() else { return };
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/containers/json", Fault::HostileError)],
    );
    let cfg = TempDir::new("flt-cfg");
    // Piped: byte for byte what docker prints.
    let got = Running::spawn(cli(dkr_bin(), &proxy.host(), cfg.path(), &["ps"]))
        .finish(Duration::from_secs(20));
    let want = Running::spawn(cli(&docker_bin(), &proxy.host(), cfg.path(), &["ps"]))
        .finish(Duration::from_secs(20));
    assert_eq!(
        (got.code, &got.stderr),
        (want.code, &want.stderr),
        "piped stderr differs from docker's"
    );
    assert!(
        got.stderr.contains('\x1b'),
        "the test message lost its escapes: {:?}",
        got.stderr
    );
    // On a terminal: no escape sequence reaches it.
    let (screen, code) = on_terminal(dkr_bin(), &proxy.host(), &["ps"]);
    let text = String::from_utf8_lossy(&screen);
    assert_eq!(code, 1);
    assert!(
        text.contains("Error response from daemon: evil"),
        "{text:?}"
    );
    for bad in ['\x1b', '\x07', '\u{9b}', '\u{202e}'] {
        assert!(
            !text.contains(bad),
            "{bad:?} reached the terminal: {text:?}"
        );
    }
    assert!(text.contains("\\x1b]0;pwned"), "{text:?}");
}

/// The escape sequences the hostile messages below carry: none may reach a terminal.
const HOSTILE: [&str; 6] = [
    "\x1b]0;pwned",
    "\x07",
    "\x1b[2J",
    "\x1b[31mred",
    "\u{9b}",
    "\u{202e}",
];

/// A message with every kind of hostile sequence, as a JSON string's contents.
const EVIL_JSON: &str = "evil \\u001b]0;pwned\\u0007\\u001b[2J\\u001b[31mred\\u009b1m\\u202eboom";

/// Checks `screen` (what a command wrote to its terminal) for the hostile sequences, and that
/// `needle` — the part of the message that should be shown escaped — is there.
fn check_screen(problems: &Problems, what: &str, screen: &[u8], needle: &str) {
    let text = String::from_utf8_lossy(screen);
    for bad in HOSTILE {
        problems.check(!text.contains(bad), || {
            format!("{what}: {bad:?} reached the terminal: {text:?}")
        });
    }
    problems.check(text.contains(needle), || {
        format!("{what}: {needle:?} not on the terminal: {text:?}")
    });
}

/// Piped, `dkr` and docker print the same bytes (escapes included); returns dkr's run.
fn piped_like_docker(problems: &Problems, what: &str, host: &str, args: &[&str]) -> Run {
    let cfg = TempDir::new("flt-cfg");
    let got =
        Running::spawn(cli(dkr_bin(), host, cfg.path(), args)).finish(Duration::from_secs(20));
    let want =
        Running::spawn(cli(&docker_bin(), host, cfg.path(), args)).finish(Duration::from_secs(20));
    // logrus's timestamp is the only part allowed to differ.
    let unstamp = |s: &str| {
        s.split_inclusive('\n')
            .map(|l| match (l.find("time=\""), l.find("\" level=")) {
                (Some(0), Some(end)) => format!("time=\"…{}", &l[end..]),
                _ => l.to_string(),
            })
            .collect::<String>()
    };
    let want_err = unstamp(&crate::support::normalize_text(&want.stderr));
    problems.check(
        (got.code, &got.out(), &unstamp(&got.stderr)) == (want.code, &want.out(), &want_err),
        || {
            format!(
                "{what} piped: dkr {:?} docker {:?}",
                (got.code, got.out(), &got.stderr),
                (want.code, want.out(), &want.stderr)
            )
        },
    );
    problems.check(
        HOSTILE
            .iter()
            .any(|h| got.out().contains(h) || got.stderr.contains(h)),
        || {
            format!(
                "{what} piped: the test message lost its escapes: {:?} {:?}",
                got.out(),
                got.stderr
            )
        },
    );
    got
}

/// Registry and engine words beyond error messages — pull status lines and layer lines, create
/// warnings, run's logged errors, login's answers — are escaped on a terminal and untouched
/// when piped.
#[test]
fn hostile_pull_run_and_login_messages_are_neutralised_only_on_a_terminal() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "hostile");
    let problems = Problems::default();
    let escaped = "evil \\x1b]0;pwned";

    // pull: a layer line (drawn by the live display) and plain status lines.
    let stream = format!(
        "{{\"status\":\"Pulling from {EVIL_JSON}\",\"id\":\"1\"}}\n\
         {{\"status\":\"Pulling fs layer {EVIL_JSON}\\nsecond line\",\"progressDetail\":{{}},\"id\":\"abc\"}}\n\
         {{\"status\":\"Downloading {EVIL_JSON}\",\"progressDetail\":{{\"current\":10,\"total\":100}},\"progress\":\"x\",\"id\":\"abc\"}}\n\
         {{\"status\":\"Status: {EVIL_JSON}\"}}\n"
    );
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/images/create", Fault::Reply(200, stream)).method("POST")],
    );
    let image = format!("{}/flt-hostile:1", registry());
    piped_like_docker(&problems, "pull", &proxy.host(), &["pull", &image]);
    let (screen, code) = on_terminal(dkr_bin(), &proxy.host(), &["pull", &image]);
    problems.check(code == 0, || format!("pull on a terminal: exit {code}"));
    check_screen(&problems, "pull", &screen, escaped);
    let text = String::from_utf8_lossy(&screen);
    problems.check(text.contains("\\nsecond line"), || {
        format!("pull: a layer line was split by the message's newline: {text:?}")
    });
    drop(proxy);

    // run -d: the create answer's warnings (the start then fails: the ID is made up).
    let fake_id = "f".repeat(64);
    let created = format!("{{\"Id\":\"{fake_id}\",\"Warnings\":[\"{EVIL_JSON}\"]}}");
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/containers/create", Fault::Reply(201, created)).method("POST")],
    );
    let args = ["run", "-d", "busybox", "true"];
    piped_like_docker(&problems, "run -d (warning)", &proxy.host(), &args);
    let (screen, _) = on_terminal(dkr_bin(), &proxy.host(), &args);
    check_screen(
        &problems,
        "run -d (warning)",
        &screen,
        &format!("WARNING: {escaped}"),
    );
    drop(proxy);

    // run: a failed wait is logged (logrus's coloured `ERRO[0000]` on a terminal).
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/wait", Fault::HostileError).method("POST")],
    );
    let l = label_value("hostile");
    let args = ["run", "--label", &l, "busybox", "true"];
    let (screen, code) = on_terminal(dkr_bin(), &proxy.host(), &args);
    let (_, docker_code) = on_terminal(&docker_bin(), &proxy.host(), &args);
    problems.check(code == docker_code, || {
        format!("run (wait error) on a terminal: exit {code}, docker {docker_code}")
    });
    check_screen(
        &problems,
        "run (wait error)",
        &screen,
        &format!("error waiting for container: Error response from daemon: {escaped}"),
    );
    drop(proxy);

    // login: the daemon's status on success, its error when stored credentials are re-checked.
    let answer = format!("{{\"Status\":\"Login Succeeded {EVIL_JSON}\",\"IdentityToken\":\"\"}}");
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/auth", Fault::Reply(200, answer)).method("POST")],
    );
    let args = [
        "login",
        "-u",
        "testuser",
        "-p",
        "testpassword",
        "localhost:5000",
    ];
    let cfg = TempDir::new("flt-cfg");
    let (screen, code) = on_terminal_with(dkr_bin(), &proxy.host(), cfg.path(), &args);
    problems.check(code == 0, || format!("login on a terminal: exit {code}"));
    check_screen(
        &problems,
        "login",
        &screen,
        &format!("Login Succeeded {escaped}"),
    );
    let cfg2 = TempDir::new("flt-cfg");
    let got = Running::spawn(cli(dkr_bin(), &proxy.host(), cfg2.path(), &args))
        .finish(Duration::from_secs(20));
    let want = Running::spawn(cli(&docker_bin(), &proxy.host(), cfg.path(), &args))
        .finish(Duration::from_secs(20));
    problems.check((got.code, got.out()) == (want.code, want.out()), || {
        format!(
            "login piped: dkr {:?} docker {:?}",
            (got.code, got.out()),
            (want.code, want.out())
        )
    });
    drop(proxy);
    // `cfg` now holds credentials for localhost:5000: a bare login re-checks them.
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/auth", Fault::HostileError).method("POST")],
    );
    let (screen, _) = on_terminal_with(
        dkr_bin(),
        &proxy.host(),
        cfg.path(),
        &["login", "localhost:5000"],
    );
    check_screen(
        &problems,
        "login (stored credentials)",
        &screen,
        &format!("Login did not succeed, error: Error response from daemon: {escaped}"),
    );
    problems.assert_none();
}

// ---------------------------------------------------------------------------------------------
// Closed stdout, non-UTF-8 arguments

#[test]
fn closed_stdout_is_a_quiet_exit() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "stdout");
    let l = label_value("stdout");
    let big = name("stdout", "big");
    docker_ok(
        &host,
        &[
            "run",
            "--label",
            &l,
            "--name",
            &big,
            "busybox",
            "sh",
            "-c",
            "seq 1 300000",
        ],
    );
    let mut report = Vec::new();
    for args in [
        vec!["logs", big.as_str()],
        vec!["ps", "-a"],
        vec!["images"],
        vec!["version"],
    ] {
        for program in [dkr_bin().to_string(), docker_bin()] {
            let cfg = TempDir::new("flt-cfg");
            let mut cmd = cli(&program, &host, cfg.path(), &args);
            // A pipe whose reader is already gone.
            let (r, w) = rustix::pipe::pipe().expect("pipe");
            drop(r);
            cmd.stdout(Stdio::from(w)).stderr(Stdio::piped());
            let out = cmd.output().expect("run");
            let code = crate::support::exit_code(out.status);
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            report.push((program.clone(), args.join(" "), code, err.clone()));
            if program == dkr_bin() {
                assert!(!err.contains("panicked"), "dkr {args:?}: {err}");
                assert!(
                    code == 0 || code == 141 || err.contains("broken pipe"),
                    "dkr {args:?}: exit {code}: {err}"
                );
            }
        }
    }
    // Same exit codes as docker.
    for pair in report.chunks(2) {
        let (d, k) = (&pair[0], &pair[1]);
        assert_eq!(
            d.2, k.2,
            "closed stdout, {}: dkr exit {} ({}) docker exit {} ({})",
            d.1, d.2, d.3, k.2, k.3
        );
    }
}

#[test]
fn non_utf8_arguments_and_environment_reach_the_container_as_docker_sends_them() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "utf8");
    let l = label_value("utf8");
    let dir = TempDir::new("flt-envfile");
    let env_file = dir.path().join("env");
    std::fs::write(&env_file, b"GOOD=1\nBAD=\xff\xfe\n").unwrap();
    let raw: &[&[u8]] = &[b"caf\xe9", b"\xff\xfex", "ok-\u{fc}".as_bytes()];
    let mut cases: Vec<Vec<std::ffi::OsString>> = Vec::new();
    for bytes in raw {
        let arg = std::ffi::OsStr::from_bytes(bytes).to_os_string();
        cases.push(
            ["run", "--rm", "--label", &l, "busybox", "printf", "%s|"]
                .iter()
                .map(Into::into)
                .chain([arg.clone()])
                .collect(),
        );
        let mut env = std::ffi::OsString::from("X=");
        env.push(&arg);
        cases.push(
            ["run", "--rm", "--label", &l, "-e"]
                .iter()
                .map(Into::into)
                .chain([
                    env,
                    "busybox".into(),
                    "sh".into(),
                    "-c".into(),
                    "printf %s \"$X\" | od -An -tx1".into(),
                ])
                .collect(),
        );
    }
    cases.push(
        ["run", "--rm", "--label", &l, "--env-file"]
            .iter()
            .map(Into::into)
            .chain([
                env_file.clone().into_os_string(),
                "busybox".into(),
                "true".into(),
            ])
            .collect(),
    );
    let problems = Problems::default();
    for args in cases {
        let mut outs = Vec::new();
        for program in [dkr_bin().to_string(), docker_bin()] {
            let cfg = TempDir::new("flt-cfg");
            let out = Command::new(&program)
                .args(&args)
                .env("DOCKER_HOST", &host)
                .env("DOCKER_CONFIG", cfg.path())
                .env_remove("DOCKER_CONTEXT")
                .stdin(Stdio::null())
                .output()
                .expect("run");
            outs.push((
                out.stdout,
                crate::support::normalize_text(&String::from_utf8_lossy(&out.stderr)),
                crate::support::exit_code(out.status),
            ));
        }
        let (k, d) = (&outs[0], &outs[1]);
        problems.check(!k.1.contains("panicked"), || format!("{args:?}: {}", k.1));
        problems.check(k == d, || {
            format!(
                "dkr vs docker for {args:?}:\n  dkr    {:?} {:?} {}\n  docker {:?} {:?} {}",
                String::from_utf8_lossy(&k.0),
                k.1,
                k.2,
                String::from_utf8_lossy(&d.0),
                d.1,
                d.2
            )
        });
    }
    problems.assert_none();
}

// ---------------------------------------------------------------------------------------------
// The private engine: daemon killed, load, integrity, signals

/// Runs `f` as a named scenario; a panic is recorded as a problem, not the end of the test.
fn scenario(problems: &Problems, engine: &PrivateEngine, name: &str, f: impl FnOnce()) {
    // A scenario that failed half-way may have left the daemon dead.
    if !engine.ping() {
        engine.restart();
    }
    let t = Instant::now();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    eprintln!(
        "scenario {name}: {} in {:?}",
        if r.is_ok() { "ok" } else { "FAILED" },
        t.elapsed()
    );
    if let Err(e) = r {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        problems.add(format!("{name}: {msg}"));
    }
}

fn dkr_on(engine: &PrivateEngine, args: &[&str]) -> Running {
    let cfg = TempDir::new("flt-cfg");
    let r = Running::spawn(cli(dkr_bin(), &engine.host, cfg.path(), args));
    // The config dir may go: dkr reads it at start-up only.
    std::thread::sleep(Duration::from_millis(1));
    drop(cfg);
    r
}

fn next_command_works(engine: &PrivateEngine) {
    let run = dkr_on(engine, &["ps", "-a"]).finish(Duration::from_secs(20));
    assert_eq!(run.code, 0, "ps after the restart: {}", run.stderr);
    let run =
        dkr_on(engine, &["run", "--rm", "busybox", "echo", "back"]).finish(Duration::from_secs(30));
    assert_eq!(
        (run.code, run.out()),
        (0, "back\n".to_string()),
        "run after the restart: {}",
        run.stderr
    );
}

/// For docker, then dkr: `setup` (returns the arguments), start the CLI, wait until its stdout
/// shows `needle`, SIGKILL the daemon, and see how the CLI ends; then restart the daemon and
/// check that the next commands work. dkr must end within 10 s with a message, a non-zero exit
/// (docker's), and no panic.
fn kill_during(
    engine: &PrivateEngine,
    what: &str,
    needle: &str,
    setup: &dyn Fn(&str) -> Vec<String>,
) {
    let mut codes = Vec::new();
    for program in [docker_bin(), dkr_bin().to_string()] {
        let who = if program == dkr_bin() {
            "dkr"
        } else {
            "docker"
        };
        let args = setup(who);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let cfg = TempDir::new("flt-cfg");
        let mut r = Running::spawn(cli(&program, &engine.host, cfg.path(), &args));
        assert!(
            r.wait_for_stdout(needle, Duration::from_secs(20)),
            "{who} {what}: never printed {needle:?}: {:?}",
            String::from_utf8_lossy(&r.stdout_so_far())
        );
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            r.is_running(),
            "{who} {what}: ended before the daemon was killed"
        );
        engine.kill();
        let run = r.finish(Duration::from_secs(10));
        eprintln!(
            "{who} {what}, daemon SIGKILLed: exit {} after {:?}: {}",
            run.code,
            run.elapsed,
            short(&run.stderr)
        );
        engine.restart();
        next_command_works(engine);
        if who == "dkr" {
            assert!(
                !run.hung,
                "dkr {what}: still running 10 s after the daemon died"
            );
            assert!(
                run.code != 0,
                "dkr {what}: exit 0 after the daemon died; stderr {:?}",
                run.stderr
            );
            assert!(
                !run.stderr.trim().is_empty(),
                "dkr {what}: no error message"
            );
            assert!(!run.panicked(), "dkr {what}: {}", run.stderr);
        }
        codes.push((run.code, run.stderr));
    }
    assert_eq!(
        codes[1].0, codes[0].0,
        "{what}: exit codes after the daemon died: dkr {:?} docker {:?}",
        codes[1], codes[0]
    );
}

fn kill_during_logs_follow(engine: &PrivateEngine) {
    kill_during(engine, "logs -f", "tick 3", &|who| {
        let name = format!("tick-{who}");
        engine.docker_ok(&[
            "run",
            "-d",
            "--name",
            &name,
            "busybox",
            "sh",
            "-c",
            "trap 'exit 0' TERM; i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done",
        ]);
        vec!["logs".into(), "-f".into(), name]
    });
    let run = dkr_on(engine, &["logs", "tick-dkr"]).finish(Duration::from_secs(20));
    assert_eq!(run.code, 0, "logs after the restart: {}", run.stderr);
    assert!(
        run.out().starts_with("tick 0\ntick 1\n"),
        "logs after the restart lost lines"
    );
}

fn kill_during_pull(engine: &PrivateEngine) {
    let relay = SlowRelay::start(&registry().replace("localhost", "127.0.0.1"), 150 * 1024);
    let image = format!("localhost:{}/{}", relay.port, layers_image());
    // Off a terminal docker prints no progress bars, only the layer states.
    kill_during(engine, "pull", "Pulling fs layer", &|_| {
        let _ = engine.docker(&["rmi", "-f", &image]);
        vec!["pull".into(), image.clone()]
    });
    let direct = format!("{}/busybox:latest", registry());
    let run = dkr_on(engine, &["pull", "-q", &direct]).finish(Duration::from_secs(60));
    assert_eq!(run.code, 0, "pull after the restart: {}", run.stderr);
}

fn kill_during_attached_run(engine: &PrivateEngine) {
    kill_during(engine, "attached run", "started", &|_| {
        // The trap lets the restarted daemon stop it at once instead of after 10 s.
        [
            "run",
            "busybox",
            "sh",
            "-c",
            "trap 'exit 0' TERM; echo started; sleep 60 & wait",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    });
}

fn fifty_concurrent_runs(engine: &PrivateEngine) {
    engine.remove_all_containers();
    let t = Instant::now();
    let runs: Vec<(i32, Running)> = (0..50)
        .map(|i| {
            let n = (i * 5) % 256;
            (
                n,
                dkr_on(
                    engine,
                    &["run", "--rm", "busybox", "sh", "-c", &format!("exit {n}")],
                ),
            )
        })
        .collect();
    let mut bad = Vec::new();
    for (n, r) in runs {
        let run = r.finish(Duration::from_secs(120));
        if run.code != n || run.hung || run.panicked() {
            bad.push(format!(
                "exit {n} gave {} (hung {}): {}",
                run.code,
                run.hung,
                short(&run.stderr)
            ));
        }
    }
    let took = t.elapsed();
    let left = engine.docker_ok(&["ps", "-aq"]);
    eprintln!(
        "load: 50 concurrent run --rm in {took:?}; {} left behind",
        left.lines().count()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(left.trim().is_empty(), "containers left behind: {left}");
}

fn twenty_concurrent_logs_follow(engine: &PrivateEngine) {
    for i in 0..20 {
        engine.docker_ok(&[
            "run",
            "-d",
            "--name",
            &format!("f{i}"),
            "busybox",
            "sh",
            "-c",
            "sleep 1; for i in $(seq 1 40); do echo line $i; sleep 0.05; done",
        ]);
    }
    let t = Instant::now();
    let followers: Vec<Running> = (0..20)
        .map(|i| dkr_on(engine, &["logs", "-f", &format!("f{i}")]))
        .collect();
    let want: String = (1..=40).map(|i| format!("line {i}\n")).collect();
    let mut bad = Vec::new();
    for (i, r) in followers.into_iter().enumerate() {
        let run = r.finish(Duration::from_secs(60));
        if run.code != 0 || run.out() != want || run.panicked() {
            bad.push(format!(
                "f{i}: exit {} hung {} {} bytes: {}",
                run.code,
                run.hung,
                run.stdout.len(),
                short(&run.stderr)
            ));
        }
    }
    eprintln!(
        "load: 20 concurrent logs -f, all lines, ended with their containers in {:?}",
        t.elapsed()
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Run `program args` with stdout into `sha256sum`; returns (exit code, stdout digest, stderr).
fn digest_of(program: &str, engine: &PrivateEngine, args: &[&str]) -> (i32, String, String) {
    let cfg = TempDir::new("flt-cfg");
    let mut cmd = cli(program, &engine.host, cfg.path(), args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let stdout = child.stdout.take().unwrap();
    let sum = Command::new("sha256sum")
        .stdin(Stdio::from(stdout))
        .output()
        .expect("sha256sum");
    let err = {
        use std::io::Read;
        let mut s = String::new();
        let _ = child.stderr.take().unwrap().read_to_string(&mut s);
        s
    };
    let status = child.wait().unwrap();
    let digest = String::from_utf8_lossy(&sum.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string();
    (crate::support::exit_code(status), digest, err)
}

fn dkr_digest(engine: &PrivateEngine, args: &[&str]) -> (i32, String, String) {
    digest_of(dkr_bin(), engine, args)
}

/// The digest the container printed (`sha256sum /tmp/x` on stderr).
fn container_digest(stderr: &str) -> String {
    stderr.split_whitespace().next().unwrap_or("").to_string()
}

/// `dkr run` of `write` (a script that writes a file's SHA-256 to stderr and the file to
/// stdout), attached with no log driver in the way: stdout hashes to what the container said.
fn through_attached_run(engine: &PrivateEngine, write: &str, what: &str) {
    let args = [
        "run",
        "--rm",
        "--log-driver",
        "none",
        "busybox",
        "sh",
        "-c",
        write,
    ];
    let (code, got, err) = dkr_digest(engine, &args);
    assert_eq!(code, 0, "run: {err}");
    assert_eq!(
        got,
        container_digest(&err),
        "{what} through an attached run differ"
    );
}

fn hundred_megabytes(engine: &PrivateEngine) {
    const WRITE: &str =
        "head -c 104857600 /dev/urandom > /tmp/x && sha256sum /tmp/x >&2 && cat /tmp/x";
    // Through an attached run (no log driver in the way).
    let t = Instant::now();
    through_attached_run(engine, WRITE, "100 MB");
    eprintln!(
        "integrity: 100 MB through an attached run in {:?}, sha256 equal",
        t.elapsed()
    );
    // Through logs: the `local` driver keeps bytes as they are (json-file would re-encode
    // invalid UTF-8 as U+FFFD, in docker too).
    engine.docker_ok(&[
        "run",
        "--name",
        "bin",
        "--log-driver",
        "local",
        "--log-opt",
        "max-size=300m",
        "busybox",
        "sh",
        "-c",
        WRITE,
    ]);
    let logged = engine.docker(&["logs", "bin"]);
    let want = container_digest(&String::from_utf8_lossy(&logged.stderr));
    let t = Instant::now();
    let (code, got, err) = dkr_digest(engine, &["logs", "bin"]);
    assert_eq!(code, 0, "logs: {err}");
    assert_eq!(got, want, "100 MB through logs differ");
    eprintln!(
        "integrity: 100 MB through logs in {:?}, sha256 equal",
        t.elapsed()
    );
    let _ = engine.docker(&["rm", "-f", "bin"]);
}

fn sixteen_megabyte_line(engine: &PrivateEngine) {
    const WRITE: &str = "head -c 16777216 /dev/zero | tr '\\0' a > /tmp/l && echo >> /tmp/l && sha256sum /tmp/l >&2 && cat /tmp/l";
    through_attached_run(engine, WRITE, "16 MB line");
    for driver in ["json-file", "local"] {
        let n = format!("line-{driver}");
        engine.docker_ok(&[
            "run",
            "--name",
            &n,
            "--log-driver",
            driver,
            "busybox",
            "sh",
            "-c",
            WRITE,
        ]);
        let (dcode, want, derr) = digest_of(&docker_bin(), engine, &["logs", &n]);
        let (code, got, err) = dkr_digest(engine, &["logs", &n]);
        assert_eq!((code, &err), (dcode, &derr), "logs ({driver})");
        // docker is the oracle: the `local` driver of dockerd 20.10 drops the newline after a
        // line this long, for docker too.
        assert_eq!(
            got, want,
            "16 MB line through logs ({driver}) differs from docker's"
        );
        if driver == "json-file" {
            assert_eq!(
                got,
                container_digest(&err),
                "16 MB line through logs ({driver}) differs"
            );
        }
        let _ = engine.docker(&["rm", "-f", &n]);
    }
}

/// Interrupt `args` once its stdout shows `needle`, for docker then dkr; same exit codes,
/// dkr ends within a second and prints no panic.
fn signal_like_docker(
    engine: &PrivateEngine,
    args: &[&str],
    needle: &str,
    sig: i32,
    before: &dyn Fn(),
) {
    let mut codes = Vec::new();
    for program in [docker_bin(), dkr_bin().to_string()] {
        before();
        let cfg = TempDir::new("flt-cfg");
        let mut r = Running::spawn(cli(&program, &engine.host, cfg.path(), args));
        assert!(
            r.wait_for_stdout(needle, Duration::from_secs(30)),
            "{program} {args:?}: never printed {needle:?}: {:?}",
            String::from_utf8_lossy(&r.stdout_so_far())
        );
        let sent = Instant::now();
        r.signal(sig);
        let run = r.finish(Duration::from_secs(10));
        let took = sent.elapsed();
        eprintln!(
            "signal {sig} to {} {args:?}: exit {} after {took:?} {}",
            program.rsplit('/').next().unwrap_or(""),
            run.code,
            short(&run.stderr)
        );
        if program == dkr_bin() {
            assert!(
                took < Duration::from_secs(1),
                "dkr {args:?} took {took:?} to end after signal {sig}"
            );
            assert!(!run.panicked(), "{}", run.stderr);
        }
        codes.push((run.code, run.stderr));
    }
    // docker's own code is racy: 128 + the signal when the cancelled request carries the
    // signal as its cause, 0 when the plain `context canceled` error wins. dkr's is the former.
    assert_eq!(
        codes[1].0,
        128 + sig,
        "exit code after signal {sig} for {args:?}: dkr {:?} docker {:?}",
        codes[1],
        codes[0]
    );
    assert!(
        codes[0].0 == 128 + sig || codes[0].0 == 0,
        "docker's exit code after signal {sig} for {args:?}: {:?}",
        codes[0]
    );
}

fn signals_during_pull_and_logs_follow(engine: &PrivateEngine) {
    let relay = SlowRelay::start(&registry().replace("localhost", "127.0.0.1"), 100 * 1024);
    let image = format!("localhost:{}/{}", relay.port, layers_image());
    let forget = || {
        let _ = engine.docker(&["rmi", "-f", &image]);
    };
    for sig in [libc::SIGINT, libc::SIGTERM] {
        signal_like_docker(engine, &["pull", &image], "Pulling fs layer", sig, &forget);
    }
    engine.docker_ok(&[
        "run",
        "-d",
        "--name",
        "sigtick",
        "busybox",
        "sh",
        "-c",
        "while :; do echo tick; sleep 0.1; done",
    ]);
    for sig in [libc::SIGINT, libc::SIGTERM] {
        signal_like_docker(engine, &["logs", "-f", "sigtick"], "tick", sig, &|| {});
    }
}

/// Create `n` containers through the API directly (fast, in parallel).
fn create_containers(engine: &PrivateEngine, n: usize) {
    use std::io::{Read, Write};
    let sock = engine.host.strip_prefix("unix://").unwrap().to_string();
    std::thread::scope(|s| {
        for t in 0..4 {
            let sock = sock.clone();
            s.spawn(move || {
                for i in (t..n).step_by(4) {
                    let body = format!(
                        "{{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo {i}\"],\"Labels\":{{\"n\":\"{i}\",\"k\":\"v{}\"}}}}",
                        i % 7
                    );
                    let mut c = std::os::unix::net::UnixStream::connect(&sock).expect("connect");
                    write!(c, "POST /v1.41/containers/create?name=c{i:04} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
                    let mut resp = String::new();
                    c.read_to_string(&mut resp).unwrap();
                    assert!(resp.starts_with("HTTP/1.1 201"), "create c{i}: {resp}");
                }
            });
        }
    });
}

fn ps_over_a_thousand_containers(engine: &PrivateEngine) {
    engine.remove_all_containers();
    let t = Instant::now();
    create_containers(engine, 1000);
    eprintln!("load: 1000 containers created in {:?}", t.elapsed());
    let cfg = TempDir::new("flt-cfg");
    for args in [
        &["ps", "-a"][..],
        &["ps", "-a", "--no-trunc"],
        &["ps", "-aq"],
        &[
            "ps",
            "-a",
            "--format",
            "{{.Names}} {{.Label \"k\"}} {{.Status}}",
        ],
        &["ps", "-a", "--format", "json"],
    ] {
        let mut last = None;
        for _ in 0..4 {
            let d = Running::spawn(cli(&docker_bin(), &engine.host, cfg.path(), args))
                .finish(Duration::from_secs(60));
            let k = Running::spawn(cli(dkr_bin(), &engine.host, cfg.path(), args))
                .finish(Duration::from_secs(60));
            let same = d.stdout == k.stdout && d.code == k.code;
            eprintln!(
                "load: {args:?} over 1000 containers: dkr {:?} docker {:?} ({} lines){}",
                k.elapsed,
                d.elapsed,
                k.out().lines().count(),
                if same { "" } else { " (differs, retrying)" }
            );
            if same {
                last = None;
                break;
            }
            last = Some((d, k));
            std::thread::sleep(Duration::from_millis(300));
        }
        if let Some((d, k)) = last {
            let (dout, kout) = (d.out(), k.out());
            let (dl, kl): (Vec<&str>, Vec<&str>) = (dout.lines().collect(), kout.lines().collect());
            let first = dl.iter().zip(&kl).position(|(a, b)| a != b);
            panic!(
                "ps {args:?} over 1000 containers differs from docker: {} vs {} lines, first difference at {first:?}: docker {:?} dkr {:?}",
                dl.len(),
                kl.len(),
                first.map(|i| dl[i]),
                first.map(|i| kl[i])
            );
        }
    }
}

#[test]
fn private_engine_killed_loaded_and_checked() {
    let Some(host) = shared() else { return };
    let t = Instant::now();
    let engine = PrivateEngine::start(&host);
    eprintln!("private engine up at {} in {:?}", engine.host, t.elapsed());
    let problems = Problems::default();
    scenario(&problems, &engine, "daemon killed during logs -f", || {
        kill_during_logs_follow(&engine)
    });
    scenario(&problems, &engine, "daemon killed during pull", || {
        kill_during_pull(&engine)
    });
    scenario(
        &problems,
        &engine,
        "daemon killed during an attached run",
        || kill_during_attached_run(&engine),
    );
    scenario(&problems, &engine, "50 concurrent run --rm", || {
        fifty_concurrent_runs(&engine)
    });
    scenario(&problems, &engine, "20 concurrent logs -f", || {
        twenty_concurrent_logs_follow(&engine)
    });
    scenario(&problems, &engine, "100 MB through run and logs", || {
        hundred_megabytes(&engine)
    });
    scenario(&problems, &engine, "16 MB line", || {
        sixteen_megabyte_line(&engine)
    });
    scenario(
        &problems,
        &engine,
        "signals during pull and logs -f",
        || signals_during_pull_and_logs_follow(&engine),
    );
    scenario(&problems, &engine, "ps over 1000 containers", || {
        ps_over_a_thousand_containers(&engine)
    });
    drop(engine);
    eprintln!("private engine scenarios done in {:?}", t.elapsed());
    problems.assert_none();
}

/// The private engine has a bridge of its own and leaves every other interface alone:
/// `docker0` (a system dockerd's; dockerd started with `--bridge none` deletes it) and any
/// interface the suite did not create keep their index, flags and master while it runs and
/// after it is gone, and its own bridge goes with it.
#[test]
fn private_engine_leaves_other_interfaces_alone() {
    use crate::support::private_engine::interfaces;
    let Some(host) = shared() else { return };
    // Not ours: container ports (`veth*`, other tests' containers come and go) and other
    // private engines' bridges (`dkrf*`, from tests running in parallel).
    let others = || {
        let mut links = interfaces();
        links.retain(|name, _| !name.starts_with("veth") && !name.starts_with("dkrf"));
        links
    };
    let before = others();
    let engine = PrivateEngine::start(&host);
    assert!(
        interfaces().contains_key(&engine.bridge),
        "the private engine's bridge {} is there",
        engine.bridge
    );
    let running = others();
    let bridge = engine.bridge.clone();
    drop(engine);
    let after = others();
    for (when, now) in [("while it runs", &running), ("after it is gone", &after)] {
        for (name, was) in &before {
            assert_eq!(
                now.get(name),
                Some(was),
                "interface {name} changed {when} (docker0 is a system dockerd's)"
            );
        }
    }
    assert!(
        !interfaces().contains_key(&bridge),
        "the private engine's bridge {bridge} is deleted with it"
    );
}

// ---------------------------------------------------------------------------------------------
// run -it, stalled, interrupted: the terminal comes back

/// How the user interrupts.
#[derive(Clone, Copy, Debug)]
enum Interrupt {
    /// This many SIGINTs, 100 ms apart (`kill -INT` from elsewhere).
    Signals(usize),
    /// Ctrl-C typed on the terminal (the byte, which a raw terminal passes on as data).
    Key,
}

/// `program run -it …` on a fresh pseudo-terminal through `proxy`; once the stalled request is
/// reached, interrupted as `how` says. Returns (exit code, ms from the last interrupt to the
/// exit, whether the terminal was raw while stalled, whether it is cooked again afterwards).
fn run_it_interrupted(
    program: &str,
    proxy: &FaultProxy,
    fault: &Fault,
    args: &[&str],
    how: Interrupt,
) -> (i32, u128, bool, bool) {
    use std::os::fd::AsRawFd;
    let (m, s) = crate::support::pty::open_pty();
    let termios = crate::support::pty::termios_of;
    let cooked = |t: &libc::termios| t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0;
    assert!(cooked(&termios(s.as_raw_fd())));
    let cfg = TempDir::new("flt-cfg");
    let mut cmd = cli(program, &proxy.host(), cfg.path(), args);
    cmd.stdin(Stdio::from(s.try_clone().unwrap()))
        .stdout(Stdio::from(s.try_clone().unwrap()))
        .stderr(Stdio::from(s.try_clone().unwrap()));
    crate::support::pty::on_controlling_terminal(&mut cmd);
    let mut child = cmd.spawn().expect("spawn on pty");
    drop(cmd);
    let mut keyboard = m.try_clone().expect("dup pty master");
    std::thread::spawn(move || {
        use std::io::Read;
        let mut m = m;
        let mut buf = [0u8; 4096];
        while let Ok(n) = m.read(&mut buf) {
            if n == 0 {
                break;
            }
        }
    });
    assert!(
        eventually(Duration::from_secs(10), || proxy
            .seen()
            .iter()
            .any(|x| x.fault == *fault)),
        "{program}: never reached the stall"
    );
    std::thread::sleep(Duration::from_millis(300));
    let was_raw = !cooked(&termios(s.as_raw_fd()));
    let mut sent = Instant::now();
    match how {
        Interrupt::Signals(n) => {
            for i in 0..n {
                if i > 0 {
                    std::thread::sleep(Duration::from_millis(100));
                }
                sent = Instant::now();
                // SAFETY: signalling our own child.
                unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
            }
        }
        Interrupt::Key => {
            use std::io::Write;
            keyboard.write_all(b"\x03").expect("type Ctrl-C");
        }
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    let status = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break Some(st);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = sent.elapsed().as_millis();
    let restored = cooked(&termios(s.as_raw_fd()));
    (
        status.map(crate::support::exit_code).unwrap_or(-1),
        took,
        was_raw,
        restored,
    )
}

/// Stalled on wait or start (after attach, the terminal raw), `run -it` ends on the first
/// SIGINT or on Ctrl-C typed at the keyboard, within a second, with 130, the terminal cooked
/// again and its `--rm` container removed. docker needs three SIGINTs (it forwards them to a
/// container that never starts; exit 1, its container left behind) and ignores the key.
#[test]
fn run_it_stalled_then_interrupted_restores_the_terminal() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "tty");
    let _cleanup_dkr = SharedCleanup(host.clone(), "tty-dkr");
    let problems = Problems::default();
    for path in ["/wait", "/start"] {
        let fault = Fault::Stall;
        for (program, how) in [
            (docker_bin(), Interrupt::Signals(3)),
            (dkr_bin().to_string(), Interrupt::Signals(1)),
            (dkr_bin().to_string(), Interrupt::Key),
        ] {
            let who = if program == dkr_bin() {
                "dkr"
            } else {
                "docker"
            };
            let l = label_value(if who == "dkr" { "tty-dkr" } else { "tty" });
            let proxy =
                FaultProxy::start(&host, vec![Rule::new(path, fault.clone()).method("POST")]);
            let args = ["run", "-it", "--rm", "--label", &l, "busybox", "sh"];
            let (code, took, raw, restored) =
                run_it_interrupted(&program, &proxy, &fault, &args, how);
            drop(proxy);
            let left = docker_ok(&host, &["ps", "-aq", "--filter", &format!("label={l}")]);
            eprintln!("{who} run -it stalled on {path}, {how:?}: exit {code} after {took}ms, raw while stalled {raw}, terminal restored {restored}, containers left {:?}", left.lines().count());
            if who == "docker" {
                continue;
            }
            let what = format!("dkr run -it stalled on {path}, {how:?}");
            problems.check(raw, || {
                format!("{what}: the terminal was not raw while stalled")
            });
            problems.check(code != -1 && took < 1000, || {
                format!("{what}: not ended within a second ({took}ms)")
            });
            problems.check(restored, || format!("{what}: the terminal was left raw"));
            problems.check(code == 130, || format!("{what}: exit {code}, not 130"));
            problems.check(left.is_empty(), || {
                format!("{what}: its --rm container was left behind: {left}")
            });
        }
    }
    problems.assert_none();
}

// ---------------------------------------------------------------------------------------------
// An attached run whose container ignores the signal: the third one ends the client

/// docker's fail-safe (`forceExitAfter3TerminationSignals`): an attached `run` does not end on
/// SIGINT/SIGTERM (with `--sig-proxy` they go to the container, whose PID 1 here ignores them;
/// without, they go nowhere); the third ends it with exit 1 and docker's message. Same bytes on
/// stderr, same code, for both signals and both proxy settings; the container is left running,
/// as docker leaves it.
#[test]
fn attached_run_ends_on_the_third_signal_like_docker() {
    let Some(host) = shared() else { return };
    let _cleanup = SharedCleanup(host.clone(), "third");
    let l = label_value("third");
    let problems = Problems::default();
    for proxy in ["--sig-proxy=true", "--sig-proxy=false"] {
        for sig in [libc::SIGINT, libc::SIGTERM] {
            let mut seen = Vec::new();
            for program in [docker_bin(), dkr_bin().to_string()] {
                let cfg = TempDir::new("flt-cfg");
                let args = [
                    "run",
                    "--label",
                    &l,
                    proxy,
                    "busybox",
                    "sh",
                    "-c",
                    "echo ready; sleep 60",
                ];
                let mut r = Running::spawn(cli(&program, &host, cfg.path(), &args));
                let what = format!(
                    "{} run {proxy} + 3x signal {sig}",
                    program.rsplit('/').next().unwrap_or("")
                );
                if !r.wait_for_stdout("ready", Duration::from_secs(30)) {
                    problems.add(format!("{what}: never printed ready"));
                    let _ = r.finish(Duration::from_secs(1));
                    continue;
                }
                r.signal(sig);
                std::thread::sleep(Duration::from_millis(300));
                let after_one = r.is_running();
                let mut sent = Instant::now();
                for _ in 0..2 {
                    std::thread::sleep(Duration::from_millis(100));
                    sent = Instant::now();
                    r.signal(sig);
                }
                let run = r.finish(Duration::from_secs(5));
                let took = sent.elapsed();
                eprintln!(
                    "{what}: running after one {after_one}, exit {} after {took:?}, stderr {:?}",
                    run.code, run.stderr
                );
                problems.check(after_one, || format!("{what}: ended on the first signal"));
                problems.check(!run.hung && took < Duration::from_secs(1), || {
                    format!("{what}: not ended within a second of the third ({took:?})")
                });
                seen.push((run.code, run.out(), run.stderr));
            }
            if let [d, k] = &seen[..] {
                problems.check(d == k, || {
                    format!("run {proxy} + 3x signal {sig}: dkr {k:?}, docker {d:?}")
                });
            }
        }
    }
    problems.assert_none();
}

/// A soft-failure collector: scenarios report problems here and the test fails once, at the
/// end, with all of them.
#[derive(Default)]
pub struct Problems(std::sync::Mutex<std::collections::VecDeque<String>>);

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
