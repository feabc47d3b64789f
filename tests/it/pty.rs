//! `run -it`, `exec -it` and `start -ai` under a real pseudo-terminal: typed input, the window
//! size and its changes, detach keys (default, flag, config), Ctrl-C, and the terminal put
//! back as it was on every way out. Each scenario also runs the reference docker and expects the same exit code.

use std::time::Duration;

use crate::support::env::Env;
use crate::support::pty::{mode_flags, Pty};
use crate::support::{dkr_bin, docker_bin, unique, Engine};

const WAIT: Duration = Duration::from_secs(30);

fn spawn(e: &Env, program: &str, args: &[&str], rows: u16, cols: u16) -> Pty {
    Pty::spawn(e.command(program, args), rows, cols)
}

/// Run `scenario` with docker and with dkr; both must end with the same exit code, and dkr
/// must leave the terminal's modes as they were.
fn both(e: &Env, args: &[&str], scenario: impl Fn(&mut Pty) -> i32) {
    // docker's `run --rm` exits 0 on Podman whatever the container's code (README's "Podman"):
    // there the expected code is docker's on the Docker engine.
    let reference = match Engine::current() {
        Engine::Podman if args.contains(&"--rm") => Engine::Docker.run(crate::support::env::engine),
        _ => None,
    };
    both_with(e, reference.as_ref().unwrap_or(e), args, scenario)
}

/// [`both`] with docker run against `docker_env`.
fn both_with(e: &Env, docker_env: &Env, args: &[&str], scenario: impl Fn(&mut Pty) -> i32) {
    let mut codes = Vec::new();
    for program in [docker_bin(), dkr_bin().to_string()] {
        let env = if program == docker_bin() {
            docker_env
        } else {
            e
        };
        let mut pty = spawn(env, &program, args, 24, 80);
        let before = pty.initial;
        let code = scenario(&mut pty);
        let after = mode_flags(&pty.termios());
        if program == dkr_bin() {
            assert_eq!(
                before,
                after,
                "dkr left the terminal changed; it showed:\n{}",
                pty.output()
            );
        }
        codes.push((code, pty.output()));
    }
    assert_eq!(
        codes[0].0, codes[1].0,
        "exit codes differ for {args:?}\n--- docker ---\n{}\n--- dkr ---\n{}",
        codes[0].1, codes[1].1
    );
}

on_both_engines! {
    fn input_goes_in_and_the_exit_code_comes_back() {
        let e = engine_or_skip!();
        both(
            &e,
            &[
                "run",
                "--rm",
                "-it",
                "busybox",
                "sh",
                "-c",
                "echo ready; read x; echo got:$x; exit 4",
            ],
            |pty| {
                pty.expect("ready", WAIT);
                // While attached the local terminal is raw: no line editing, no echo, no signals.
                let (_, _, lflag, _) = mode_flags(&pty.termios());
                assert_eq!(
                    lflag & (libc::ICANON | libc::ECHO | libc::ISIG),
                    0,
                    "not raw"
                );
                pty.send(b"hello\r");
                pty.expect("got:hello", WAIT);
                pty.wait(WAIT)
            },
        );
    }
}

/// dkr with `args` (a shell printing `stty size` in a loop) in a 33×97 terminal: the size is
/// seen, then a resize to 40×100; Ctrl-C is a byte for the container's terminal, so its shell
/// dies of SIGINT (130), and the terminal is as it was.
fn size_follows_the_terminal(e: &Env, args: &[&str]) {
    let mut pty = spawn(e, dkr_bin(), args, 33, 97);
    let before = pty.initial;
    pty.expect("33 97", WAIT);
    pty.resize(40, 100);
    pty.expect("40 100", WAIT);
    pty.send(b"\x03");
    assert_eq!(pty.wait(WAIT), 130, "{}", pty.output());
    assert_eq!(mode_flags(&pty.termios()), before);
}

on_both_engines! {
    fn window_size_and_its_changes_reach_the_container() {
        let e = engine_or_skip!();
        let args = [
            "run",
            "--rm",
            "-it",
            "busybox",
            "sh",
            "-c",
            "while :; do stty size; sleep 0.2; done",
        ];
        size_follows_the_terminal(&e, &args);
    }
}

on_both_engines! {
    fn ctrl_c_goes_to_the_container() {
        let e = engine_or_skip!();
        let name = unique("ctrl-c");
        let _c = e.cleanup(&[&name]);
        let script = "trap 'echo INT; exit 7' INT; echo ready; while :; do sleep 0.1; done";
        both(
            &e,
            &[
                "run", "--rm", "--name", &name, "-it", "busybox", "sh", "-c", script,
            ],
            |pty| {
                pty.expect("ready", WAIT);
                pty.send(b"\x03");
                pty.expect("INT", WAIT);
                let code = pty.wait(WAIT);
                // --rm: nothing left behind after Ctrl-C either.
                assert!(
                    crate::support::eventually(WAIT, || !e.exists(&name)),
                    "{name} left behind"
                );
                code
            },
        );
    }
}

on_both_engines! {
    fn terminal_restored_when_the_daemon_goes_away() {
        let e = engine_or_skip!();
        let proxy = crate::support::proxy::Proxy::start(&e.host);
        let via = e.via(&proxy.host);
        let name = unique("pty-gone");
        let _c = e.cleanup(&[&name]);
        let args = [
            "run",
            "--name",
            &name,
            "-it",
            "busybox",
            "sh",
            "-c",
            "echo ready; sleep 60",
        ];
        let mut pty = spawn(&via, dkr_bin(), &args, 24, 80);
        let before = pty.initial;
        pty.expect("ready", WAIT);
        proxy.cut();
        let code = pty.wait(WAIT);
        assert_ne!(code, 0, "{}", pty.output());
        let after = mode_flags(&pty.termios());
        assert_eq!(
            after,
            before,
            "terminal restored; it showed:\n{}",
            pty.output()
        );
    }
}

/// Detach with `keys`, then check the container still runs.
fn detach_case(e: &Env, extra: &[&str], keys: &[u8], not_keys: Option<&[u8]>) {
    for program in [docker_bin(), dkr_bin().to_string()] {
        let name = unique("detach");
        let _c = e.cleanup(&[&name]);
        let mut args = vec!["run", "--name", &name, "-it"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["busybox", "sh"]);
        let mut pty = spawn(e, &program, &args, 24, 80);
        let before = pty.initial;
        pty.send(b"echo sta''rted\r");
        pty.expect("started", WAIT);
        if let Some(other) = not_keys {
            // Not the detach keys here: they reach the shell, which carries on.
            pty.send(other);
            pty.send(b"echo sti''ll\r");
            pty.expect("still", WAIT);
        }
        pty.send(keys);
        assert_eq!(pty.wait(WAIT), 0, "{program}: {}", pty.output());
        assert_eq!(
            e.inspect(&name)["State"]["Running"],
            true,
            "{program} detached, the container runs on"
        );
        if program == dkr_bin() {
            assert_eq!(
                mode_flags(&pty.termios()),
                before,
                "terminal restored after detaching"
            );
        }
    }
}

on_both_engines! {
    fn default_detach_keys() {
        let e = engine_or_skip!();
        detach_case(&e, &[], b"\x10\x11", None);
    }
}

on_both_engines! {
    fn detach_keys_flag() {
        let e = engine_or_skip!();
        detach_case(
            &e,
            &["--detach-keys", "ctrl-x,x"],
            b"\x18x",
            Some(b"\x10\x11"),
        );
    }
}

on_both_engines! {
    fn detach_keys_from_config() {
        let e = engine_or_skip!();
        e.write_config(r#"{"detachKeys": "ctrl-a,a"}"#);
        detach_case(&e, &[], b"\x01a", None);
    }
}

on_both_engines! {
    fn terminal_restored_when_start_fails() {
        let e = engine_or_skip!();
        let args = ["run", "--rm", "-it", "busybox", "nope-no-such-cmd"];
        match Engine::current() {
            Engine::Docker => both_with(&e, &e, &args, |pty| {
                let code = pty.wait(WAIT);
                pty.expect("executable file not found", WAIT);
                code
            }),
            // Podman 4.3 mostly answers the attach of a container that failed to start with
            // 409 (exit 1, for both CLIs alike), but on a loaded machine the start can fail
            // first and then both CLIs report the start's error (exit 127). Either way each
            // CLI's exit code must fit what it printed, and dkr must restore the terminal.
            Engine::Podman => {
                for program in [docker_bin(), dkr_bin().to_string()] {
                    let mut pty = spawn(&e, &program, &args, 24, 80);
                    let before = pty.initial;
                    let code = pty.wait(WAIT);
                    let out = pty.output();
                    let expected = if out.contains("unable to upgrade to tcp, received 409") {
                        1
                    } else if out.contains("executable file not found") {
                        127
                    } else {
                        panic!("{program}: neither outcome:\n{out}")
                    };
                    assert_eq!(code, expected, "{program}:\n{out}");
                    if program == dkr_bin() {
                        assert_eq!(before, mode_flags(&pty.termios()), "terminal changed:\n{out}");
                    }
                }
            }
        }
    }
}

on_both_engines! {
    fn tty_without_stdin() {
        let e = engine_or_skip!();
        both(
            &e,
            &[
                "run",
                "--rm",
                "-t",
                "busybox",
                "sh",
                "-c",
                "echo tty-only; exit 5",
            ],
            |pty| {
                let code = pty.wait(WAIT);
                pty.expect("tty-only", WAIT);
                code
            },
        );
    }
}

/// `run --rm --sig-proxy=false -it busybox …` on a terminal, once the container is running.
fn attached_without_signal_proxy(e: &Env, name: &str) -> Pty {
    let args = [
        "run",
        "--rm",
        "--name",
        name,
        "--sig-proxy=false",
        "-it",
        "busybox",
        "sh",
        "-c",
        "echo ready; sleep 60",
    ];
    let pty = spawn(e, dkr_bin(), &args, 24, 80);
    pty.expect("ready", WAIT);
    pty
}

on_both_engines! {
    fn terminal_restored_when_killed_without_signal_proxy() {
        let e = engine_or_skip!();
        let name = unique("kill");
        let _c = e.cleanup(&[&name]);
        let mut pty = attached_without_signal_proxy(&e, &name);
        // The terminal hangs up: nothing catches SIGHUP without signal proxying (docker dies of
        // it too).
        // SAFETY: signalling our own child.
        unsafe { libc::kill(pty.child.id() as i32, libc::SIGHUP) };
        assert_eq!(pty.wait(WAIT), 128 + libc::SIGHUP);
        assert_eq!(
            mode_flags(&pty.termios()),
            pty.initial,
            "terminal restored before dying of SIGHUP"
        );
    }
}

on_both_engines! {
    /// SIGTERM does not end an attached `run` (docker's too): the third does, with docker's message
    /// on a terminal that is cooked again.
    fn terminal_restored_on_the_third_sigterm() {
        let e = engine_or_skip!();
        let name = unique("third");
        let _c = e.cleanup(&[&name]);
        let mut pty = attached_without_signal_proxy(&e, &name);
        for _ in 0..3 {
            // SAFETY: signalling our own child.
            unsafe { libc::kill(pty.child.id() as i32, libc::SIGTERM) };
            std::thread::sleep(Duration::from_millis(100));
        }
        assert_eq!(pty.wait(WAIT), 1);
        assert_eq!(mode_flags(&pty.termios()), pty.initial, "terminal restored");
        pty.expect("got 3 SIGTERM/SIGINTs, forcefully exiting", WAIT);
    }
}

/// A panic in a raw-terminal session (forced by `DKR_TEST_PANIC`, which only builds with debug
/// assertions read): the release build aborts on a panic, so no destructor restores the
/// terminal; the panic hook does, then prints Rust's message and aborts.
#[test]
fn terminal_restored_when_dkr_panics() {
    if !cfg!(debug_assertions) {
        return;
    }
    let e = engine_or_skip!().var("DKR_TEST_PANIC", "raw");
    let name = unique("panic");
    let _c = e.cleanup(&[&name]);
    let args = ["run", "--rm", "--name", &name, "-it", "busybox", "true"];
    let mut pty = spawn(&e, dkr_bin(), &args, 24, 80);
    assert_eq!(pty.wait(WAIT), 128 + libc::SIGABRT, "{}", pty.output());
    assert_eq!(
        mode_flags(&pty.termios()),
        pty.initial,
        "terminal restored before the panic's abort"
    );
    pty.expect("DKR_TEST_PANIC=raw", WAIT);
}

// ---------------------------------------------------------------------------------------------
// exec -it and start -ai

on_both_engines! {
    fn exec_it_input_and_exit_code() {
        let Some(f) = crate::exec::exec_fixture() else { return };
        let e = engine_or_skip!();
        let c = f.running_name();
        both(
            &e,
            &["exec", "-it", c, "sh", "-c", "until stty size 2>/dev/null | grep -q 80; do sleep 0.1; done; stty size; echo ready; read x; echo got:$x; exit 4"],
            |pty| {
                pty.expect("24 80", WAIT);
                pty.expect("ready", WAIT);
                let (_, _, lflag, _) = mode_flags(&pty.termios());
                assert_eq!(lflag & (libc::ICANON | libc::ECHO | libc::ISIG), 0, "not raw");
                pty.send(b"hello\r");
                pty.expect("got:hello", WAIT);
                pty.wait(WAIT)
            },
        );
    }
}

on_both_engines! {
    fn exec_it_window_size_follows_the_terminal() {
        let Some(f) = crate::exec::exec_fixture() else { return };
        let e = engine_or_skip!();
        let args = [
            "exec",
            "-it",
            f.running_name(),
            "sh",
            "-c",
            "while :; do stty size; sleep 0.2; done",
        ];
        size_follows_the_terminal(&e, &args);
    }
}

on_both_engines! {
    fn exec_it_detach_keys() {
        let Some(f) = crate::exec::exec_fixture() else { return };
        let e = engine_or_skip!();
        let c = f.running_name();
        both(&e, &["exec", "-it", c, "sh", "-c", "echo ready; sleep 60"], |pty| {
            pty.expect("ready", WAIT);
            pty.send(b"\x10\x11");
            let code = pty.wait(WAIT);
            // docker's exec reports the detach as an error (moby/term's EscapeError).
            pty.expect("read escape sequence", WAIT);
            code
        });
    }
}

on_both_engines! {
    fn start_ai_input_and_exit_code() {
        let e = engine_or_skip!();
        let name = unique("start-ai");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&[
            "create", "-it", "--name", &name, "busybox", "sh", "-c",
            "until stty size 2>/dev/null | grep -q 80; do sleep 0.1; done; \
             stty size; echo ready; read x; echo got:$x; exit 6",
        ]);
        both(&e, &["start", "-ai", &name], |pty| {
            pty.expect("ready", WAIT);
            pty.expect("24 80", WAIT);
            pty.send(b"hi there\r");
            pty.expect("got:hi there", WAIT);
            pty.wait(WAIT)
        });
    }
}

on_both_engines! {
    fn start_ai_detach_keys() {
        let e = engine_or_skip!();
        let name = unique("start-ai-detach");
        let _c = e.cleanup(&[&name]);
        // "ready" once the client's resize has come (so it is attached).
        let create = || {
            e.docker_ok(&[
                "create", "-it", "--name", &name, "busybox", "sh", "-c",
                "until stty size 2>/dev/null | grep -q 80; do sleep 0.1; done; echo ready; sleep 60",
            ])
        };
        create();
        both(&e, &["start", "-ai", "--detach-keys", "ctrl-x,x", &name], |pty| {
            pty.expect("ready", WAIT);
            pty.send(b"\x18x");
            let code = pty.wait(WAIT);
            // Detached: the container runs on. The next CLI gets a new one of the same name:
            // Podman 4.3 under load could show nothing to a `start -a` of a container that
            // `stop -t 0` had just stopped (CI saw an empty terminal twice, for the second CLI).
            assert_eq!(e.inspect(&name)["State"]["Running"], true);
            e.docker_ok(&["rm", "-f", &name]);
            create();
            code
        });
    }
}

/// The exec's resize request broken by the proxy: docker's retries, then its message; the
/// session goes on and the command's exit code comes back, for docker and dkr alike.
#[test]
fn exec_it_survives_a_broken_resize() {
    use crate::support::proxy::{Fault, FaultProxy, Rule};
    let Some(f) = Engine::Docker.run(crate::exec::exec_fixture) else {
        return;
    };
    let Some(e) = Engine::Docker.run(crate::support::env::engine) else {
        return;
    };
    for fault in [Fault::Reset, Fault::Garbage, Fault::HostileError] {
        let proxy = FaultProxy::start(&e.host, vec![Rule::new("/resize", fault.clone())]);
        let via = e.via(&proxy.host());
        let args = [
            "exec",
            "-it",
            f.running_name(),
            "sh",
            "-c",
            "echo ready; read x; exit 3",
        ];
        both(&via, &args, |pty| {
            pty.expect("ready", WAIT);
            pty.expect("failed to resize tty, using default size", WAIT);
            pty.send(b"x\r");
            let code = pty.wait(WAIT);
            assert_eq!(code, 3, "{fault:?}: {}", pty.output());
            code
        });
    }
}
