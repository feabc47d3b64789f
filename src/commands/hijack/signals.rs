//! Signal proxying for `run --sig-proxy` and `start -a` (docker's `ForwardAllSignals`):
//! every signal dkr can catch, except SIGCHLD, SIGPIPE and SIGURG, becomes
//! `POST /containers/{id}/kill?signal=NAME`. Plus SIGWINCH → resize of a container's or an
//! exec's TTY on a terminal (docker's `MonitorTtySize`), and what SIGINT/SIGTERM do to an
//! attached session: end it at once before the container has started, and after that
//! docker's fail-safe, the third one force-exits.

use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::iterator::Signals;

use crate::engine::Client;
use crate::output::Streams;

/// The signals forwarded (Go's `signal.Notify` with no list catches them all; signal-hook
/// refuses the fault signals and KILL/STOP cannot be caught anyway).
fn forwarded() -> Vec<i32> {
    let mut v = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTRAP,
        libc::SIGABRT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGTERM,
        libc::SIGSTKFLT,
        libc::SIGCONT,
        libc::SIGTSTP,
        libc::SIGTTIN,
        libc::SIGTTOU,
        libc::SIGXCPU,
        libc::SIGXFSZ,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGWINCH,
        libc::SIGIO,
        libc::SIGPWR,
        libc::SIGSYS,
    ];
    v.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    v
}

/// moby's `signal.SignalMap` name for a signal number (`USR1`, `RTMIN+3`).
pub fn signal_name(sig: i32) -> Option<String> {
    let name = match sig {
        libc::SIGHUP => "HUP",
        libc::SIGINT => "INT",
        libc::SIGQUIT => "QUIT",
        libc::SIGTRAP => "TRAP",
        libc::SIGABRT => "ABRT",
        libc::SIGBUS => "BUS",
        libc::SIGUSR1 => "USR1",
        libc::SIGUSR2 => "USR2",
        libc::SIGALRM => "ALRM",
        libc::SIGTERM => "TERM",
        libc::SIGSTKFLT => "STKFLT",
        libc::SIGCONT => "CONT",
        libc::SIGTSTP => "TSTP",
        libc::SIGTTIN => "TTIN",
        libc::SIGTTOU => "TTOU",
        libc::SIGXCPU => "XCPU",
        libc::SIGXFSZ => "XFSZ",
        libc::SIGVTALRM => "VTALRM",
        libc::SIGPROF => "PROF",
        libc::SIGWINCH => "WINCH",
        libc::SIGIO => "IO",
        libc::SIGPWR => "PWR",
        libc::SIGSYS => "SYS",
        _ => {
            // moby names the real-time signals RTMIN, RTMIN+1…+15, RTMAX-14…-1, RTMAX, with
            // RTMIN = 34 as Go sees it.
            let (min, max) = (34, 64);
            return match sig {
                s if s == min => Some("RTMIN".into()),
                s if s > min && s <= min + 15 => Some(format!("RTMIN+{}", s - min)),
                s if s == max => Some("RTMAX".into()),
                s if s >= max - 14 && s < max => Some(format!("RTMAX-{}", max - s)),
                _ => None,
            };
        }
    };
    Some(name.to_string())
}

/// Forward caught signals to container `id` from a background thread.
pub fn start_proxy(client: Client, id: String) -> std::io::Result<()> {
    let mut signals = crate::exit::catch(&forwarded())?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if let Some(name) = signal_name(sig) {
                // docker only logs a failed kill at debug level.
                let _ = client.container_kill(&id, &name);
            }
        }
    });
    Ok(())
}

/// Set once `start` has answered or the container's first output has come: the container
/// runs, and signals are its business.
static STARTED: AtomicBool = AtomicBool::new(false);

/// Record that the container has been started.
pub fn mark_started() {
    STARTED.store(true, Ordering::SeqCst);
}

/// Has `start` answered yet?
pub fn started() -> bool {
    STARTED.load(Ordering::SeqCst)
}

/// How long a signal waits for a `start` that is on its way: the container may already run
/// (its output can come before the answer), and then the signal is the container's.
const START_GRACE: std::time::Duration = std::time::Duration::from_millis(250);

/// Has `start` answered, or does it within `limit`?
fn started_within(limit: std::time::Duration) -> bool {
    let deadline = std::time::Instant::now() + limit;
    while !started() {
        if std::time::Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    true
}

/// SIGINT/SIGTERM for `run` once the container exists (before that the default action ends
/// dkr, as every other command ends on them, with 130/143).
///
/// - Until `start` has answered (given [`START_GRACE`] to do so), the container cannot act on a
///   signal, so forwarding it would do nothing and a stalled daemon would hold the terminal:
///   the first one ends `run` at once,
///   silently by the signal itself (the shell reports 128 + its number), the terminal put back
///   and `abandon` run first (it removes a `--rm` container that will now never start). docker
///   forwards it and waits on.
/// - Afterwards, as docker's `forceExitAfter3TerminationSignals` (`cmd/docker/docker.go`): they
///   go to the container (or nowhere with `--sig-proxy=false`), and the third puts the terminal
///   back and exits 1 with docker's message — for a stalled stream or a container that
///   ignores them.
pub fn handle_termination(abandon: impl Fn() + Send + 'static) -> std::io::Result<()> {
    let mut signals = crate::exit::catch(&[libc::SIGINT, libc::SIGTERM])?;
    std::thread::spawn(move || {
        let mut after_start = 0;
        for sig in signals.forever() {
            if !started_within(START_GRACE) {
                super::tty::restore();
                abandon();
                crate::exit::die_by_signal(sig);
            }
            after_start += 1;
            if after_start == 3 {
                // The terminal first, so the message does not land on a raw one; the bytes on
                // stderr are docker's.
                super::tty::restore();
                Streams.err("\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n");
                std::process::exit(crate::exit::FAILURE);
            }
        }
    });
    Ok(())
}

/// The interrupt key typed on a raw terminal before the container has started: a byte docker
/// would queue for a container that may never start, with no other way out for the user. It
/// becomes the SIGINT it would have been on a cooked terminal. True if `input` had it.
pub fn interrupt_key_before_start(input: &[u8]) -> bool {
    if started() || !super::tty::is_raw() {
        return false;
    }
    let Some(key) = super::tty::interrupt_char() else {
        return false;
    };
    if !input.contains(&key) {
        return false;
    }
    // Signalling this process; the handler above takes it from there.
    let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::INT);
    true
}

/// What a terminal resize goes to: a container's TTY (`run`, `start`) or an exec's (`exec`).
#[derive(Debug, Clone)]
pub enum ResizeTarget {
    Container(String),
    Exec(String),
}

/// `POST /containers/{id}/resize` or `/exec/{id}/resize` `?h=…&w=…` with the current stdout
/// size; nothing for 0×0.
pub fn resize(client: &Client, target: &ResizeTarget) -> Result<(), String> {
    let (h, w) = super::tty::stdout_size();
    if h == 0 && w == 0 {
        return Ok(());
    }
    match target {
        ResizeTarget::Container(id) => client.container_resize(id, h, w),
        ResizeTarget::Exec(id) => client.exec_resize(id, h, w),
    }
    .map_err(|e| e.to_string())
}

/// docker's `MonitorTtySize`: resize now (retrying up to 10 times, 10 ms × n apart, then
/// `failed to resize tty, using default size`), and again on every SIGWINCH.
pub fn monitor_tty_size(client: &Client, target: ResizeTarget) {
    if resize(client, &target).is_err() {
        let (c, t) = (client.fork(), target.clone());
        std::thread::spawn(move || {
            let mut ok = false;
            for retry in 0..10u64 {
                std::thread::sleep(std::time::Duration::from_millis((retry + 1) * 10));
                if resize(&c, &t).is_ok() {
                    ok = true;
                    break;
                }
            }
            if !ok {
                Streams.err_line("failed to resize tty, using default size");
            }
        });
    }
    if let Ok(mut winch) = Signals::new([libc::SIGWINCH]) {
        let c = client.fork();
        std::thread::spawn(move || {
            for _ in winch.forever() {
                let _ = resize(&c, &target);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_moby() {
        assert_eq!(signal_name(libc::SIGUSR1).as_deref(), Some("USR1"));
        assert_eq!(signal_name(libc::SIGTERM).as_deref(), Some("TERM"));
        assert_eq!(signal_name(34).as_deref(), Some("RTMIN"));
        assert_eq!(signal_name(37).as_deref(), Some("RTMIN+3"));
        assert_eq!(signal_name(63).as_deref(), Some("RTMAX-1"));
        assert_eq!(signal_name(64).as_deref(), Some("RTMAX"));
        assert!(forwarded().iter().all(|s| signal_name(*s).is_some()));
        assert!(!forwarded().contains(&libc::SIGPIPE) && !forwarded().contains(&libc::SIGCHLD));
    }
}
