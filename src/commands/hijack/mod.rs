//! The attached session shared by `run`, `start -a` and `exec` (docker's `hijack.go`,
//! `tty.go`, `signals.go` and `waitExitOrRemoved`): the hijacked streams (`attach`), the local
//! terminal (`tty`), signal proxying and resizing (`signals`), the container's exit status,
//! docker's logrus lines, and the wait for whichever ends the session first.

pub mod attach;
mod session;
pub mod signals;
pub mod tty;

pub use session::{Session, SessionError};

use std::sync::mpsc;

use self::attach::Event;
use super::Context;
use crate::engine::api::{wait_result, WaitCondition};
use crate::engine::Client;
use crate::exit::{self, StatusError};
use crate::output::Streams;

/// Print a log line the way docker's logrus text formatter does: `ERRO[0000] msg` (coloured)
/// on a terminal, `time="…" level=error msg="…"` otherwise.
pub fn log(level: &str, msg: &str) {
    use std::io::IsTerminal;
    if std::io::stderr().is_terminal() {
        let (tag, color) = match level {
            "error" => ("ERRO", 31),
            _ => ("WARN", 33),
        };
        // The colour is ours; the message (often the daemon's words) is not.
        let msg = crate::render::sanitize::escape_controls(msg);
        Streams.err_line(format_args!("\x1b[{color}m{tag}\x1b[0m[0000] {msg}"));
        return;
    }
    let now = jiff::Zoned::now();
    // Go's RFC3339: `Z` for UTC, else `+hh:mm`.
    let zone = if now.offset().seconds() == 0 {
        "Z".to_string()
    } else {
        now.strftime("%:z").to_string()
    };
    Streams.err_line(format_args!(
        "time=\"{}{zone}\" level={level} msg={}",
        now.strftime("%Y-%m-%dT%H:%M:%S"),
        crate::golang::strconv::go_quote(msg)
    ));
}

pub fn log_error(msg: &str) {
    log("error", msg);
}

/// Go's hijack takes only `101 Switching Protocols` and reports any other answer by its status
/// alone (`setupHijackConn`).
pub fn not_upgraded(status: u16) -> anyhow::Error {
    anyhow::anyhow!("unable to upgrade to tcp, received {status}")
}

/// The detach keys to send: the flag's, else config.json's `detachKeys`, else none (the
/// daemon's default).
pub fn detach_keys(ctx: &Context, flag: Option<&str>) -> String {
    flag.filter(|k| !k.is_empty())
        .or_else(|| ctx.config.detach_keys())
        .unwrap_or_default()
        .to_string()
}

/// The bytes the local escape proxy watches for (`-t` with stdin): `keys` parsed, or the
/// default ctrl-p ctrl-q with docker's warning when they do not parse.
pub fn escape_keys(keys: &str) -> Vec<u8> {
    if keys.is_empty() {
        return attach::DEFAULT_DETACH_KEYS.to_vec();
    }
    attach::detach_key_bytes(keys).unwrap_or_else(|e| {
        log(
            "warning",
            &format!("invalid detach escape keys, using default: {e}"),
        );
        attach::DEFAULT_DETACH_KEYS.to_vec()
    })
}

/// docker's `waitExitOrRemoved`: send the wait request now (the daemon registers it before it
/// answers with headers), read the result on a thread.
///
/// Podman's `removed` wait answers status 0 whatever the exit code was; there a `next-exit`
/// wait is sent first as well, and its code is the one reported once the removal is done.
pub fn wait_exit_or_removed(client: &Client, id: &str, removed: bool, events: mpsc::Sender<Event>) {
    let exit_waiter = (removed && client.is_podman()).then(|| {
        let waiter = client.fork();
        let resp = waiter.container_wait(id, WaitCondition::NextExit);
        (waiter, resp)
    });
    let condition = if removed {
        WaitCondition::Removed
    } else {
        WaitCondition::NextExit
    };
    let waiter = client.fork();
    match waiter.container_wait(id, condition) {
        Ok(resp) => {
            std::thread::spawn(move || {
                let _keep = waiter;
                let status = match wait_result(resp) {
                    Ok(r) => match r.error {
                        Some(e) => {
                            log_error(&format!("Error waiting for container: {}", e.message));
                            exit::USAGE
                        }
                        None => match exit_waiter.map(|(_w, exit)| exit.and_then(wait_result)) {
                            // Removed, so it has exited: that answer is there already.
                            Some(Ok(exit)) if exit.error.is_none() => exit.status_code as i32,
                            _ => r.status_code as i32,
                        },
                    },
                    Err(e) => {
                        log_error(&format!("error waiting for container: {e}"));
                        exit::USAGE
                    }
                };
                let _ = events.send(Event::Status(status));
            });
        }
        Err(e) => {
            log_error(&format!("error waiting for container: {e}"));
            let _ = events.send(Event::Status(exit::USAGE));
        }
    }
}

/// The end of an attached container session (`run`, `start -a`): the container's exit code
/// once its output has all been copied, 0 when the user detached, exit 1 with the stream's
/// error. `output` says whether stdout or stderr is attached (without, the exit status ends
/// it).
pub fn container_exit_code(rx: &mpsc::Receiver<Event>, output: bool) -> anyhow::Result<i32> {
    let mut status: Option<i32> = None;
    for ev in rx.iter() {
        match ev {
            Event::Output(result) => {
                // Put the terminal back as soon as the output ends, before anything else prints.
                tty::restore();
                if let Err(e) = result {
                    return Err(StatusError::new(exit::FAILURE, e).into());
                }
                let code = match status {
                    Some(code) => code,
                    None => rx
                        .iter()
                        .find_map(|ev| match ev {
                            Event::Status(code) => Some(code),
                            _ => None,
                        })
                        .unwrap_or(exit::USAGE),
                };
                return Ok(code);
            }
            Event::Detached => {
                tty::restore();
                return Ok(exit::OK);
            }
            Event::InputDone => {}
            Event::Status(code) => {
                if !output {
                    tty::restore();
                    return Ok(code);
                }
                // Keep going until all output has been copied.
                status = Some(code);
            }
        }
    }
    // Every sender is gone without an output result (cannot happen with output attached).
    Ok(status.unwrap_or(exit::USAGE))
}
