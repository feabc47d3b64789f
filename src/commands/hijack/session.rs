//! An attached container session from the signal proxy on (docker's `runContainer` after
//! create, and `RunStart`'s attach branch): attach, wait, start, resize, then the exit code.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use serde::Deserialize;

use super::attach::{self, Event, StreamSetup};
use super::{signals, tty, wait_exit_or_removed};
use crate::engine::api::{AttachOptions, RemoveOptions};
use crate::engine::{Client, EngineError};
use crate::exit;
use crate::output::OnBrokenPipe;

/// What to attach to and how.
pub struct Session<'a> {
    /// The container (its full ID).
    pub id: &'a str,
    pub tty: bool,
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// The container is removed by the daemon when it exits (`--rm`): wait for that.
    pub auto_remove: bool,
    /// Forward the signals dkr gets to the container.
    pub sig_proxy: bool,
    /// Sent to the daemon when not empty (the flag's or config.json's).
    pub detach_keys: String,
    /// Remove the container when a SIGINT/SIGTERM ends dkr before it has started (`run --rm`:
    /// nothing else ever would).
    pub remove_if_abandoned: bool,
}

/// Why a session failed: the start request (each command words that its own way), or anything
/// else (already in docker's words).
pub enum SessionError {
    Start(EngineError),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for SessionError {
    fn from(e: anyhow::Error) -> Self {
        SessionError::Other(e)
    }
}

impl Session<'_> {
    fn attached(&self) -> bool {
        self.stdin || self.stdout || self.stderr
    }

    /// Attach (if anything is), register the wait, start the container and follow it to its
    /// end: the container's exit code, 0 on detach (and right after start when nothing is
    /// attached, with the ID printed first).
    pub fn run(&self, client: &Client) -> Result<i32, SessionError> {
        let id = self.id;
        // Writes to a closed stdout: with signal proxying docker catches SIGPIPE and fails the
        // write (`write /dev/stdout: broken pipe`, exit 1); without, it dies of SIGPIPE (141).
        // SIGPIPE is ignored here either way so a write to a closed *socket* is only an error.
        crate::sys::ignore(libc::SIGPIPE);
        let on_epipe = if self.sig_proxy {
            OnBrokenPipe::Error
        } else {
            OnBrokenPipe::Die(tty::restore)
        };
        {
            // Interrupted before it started: a `--rm` container would never be removed, so
            // remove it (briefly: the daemon may be the thing that is stuck).
            let (c, id, rm) = (client.fork(), id.to_string(), self.remove_if_abandoned);
            let _ = signals::handle_termination(move || {
                if rm {
                    remove_within(&c, &id, Duration::from_millis(500));
                }
            });
        }
        if self.sig_proxy {
            let _ = signals::start_proxy(client.fork(), id.to_string());
        }
        let (tx, rx) = mpsc::channel::<Event>();
        let mut _raw = None;
        if self.attached() {
            let opts = AttachOptions {
                stdin: self.stdin,
                stdout: self.stdout,
                stderr: self.stderr,
                detach_keys: self.detach_keys.clone(),
            };
            // Go's hijack reports any answer but 101 by its status alone.
            let up = client
                .container_attach(id, &opts)
                .map_err(|e| match e.status() {
                    Some(status) => super::not_upgraded(status),
                    None => e.into(),
                })?;
            let keys = super::escape_keys(&self.detach_keys);
            if self.stdin && self.tty {
                _raw = tty::make_raw().map_err(|e| {
                    anyhow::anyhow!(
                        "unable to setup input stream: unable to set IO streams as raw terminal: {e}"
                    )
                })?;
            }
            attach::start(
                up,
                StreamSetup {
                    tty: self.tty,
                    stdin: self.stdin,
                    stdout: self.stdout,
                    stderr: self.stderr,
                    detach_keys: keys,
                    on_epipe,
                },
                tx.clone(),
            );
        }

        wait_exit_or_removed(client, id, self.auto_remove, tx.clone());
        drop(tx);

        if !self.attached() {
            // Detached: the ID goes out while the container starts.
            let mut out = crate::output::StdioWriter::stdout(on_epipe);
            let _ = out.write_all(format!("{id}\n").as_bytes());
        }
        if let Err(e) = client.container_start(id) {
            tty::restore();
            if self.auto_remove {
                self.await_removal(client, &rx, &e);
            }
            return Err(SessionError::Start(e));
        }
        signals::mark_started();
        if !self.attached() {
            return Ok(exit::OK);
        }
        if self.tty && tty::stdout_is_terminal() {
            signals::monitor_tty_size(client, signals::ResizeTarget::Container(id.to_string()));
        }
        Ok(super::container_exit_code(&rx, self.stdout || self.stderr)?)
    }

    /// After a failed start of a `--rm` container: wait (boundedly) for the daemon to remove
    /// it, as docker does, and remove it here when that never comes.
    fn await_removal(&self, client: &Client, rx: &mpsc::Receiver<Event>, e: &EngineError) {
        let id = self.id;
        if e.status().is_none() && never_started(client, id) {
            // The start request never reached the daemon (the connection broke before an
            // answer): no removal will ever come, where docker waits for it forever.
            remove_within(client, id, Duration::from_secs(5));
            return;
        }
        // If that removal never comes, remove the container ourselves after a bounded wait
        // instead of hanging.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(Event::Status(_)) | Err(mpsc::RecvTimeoutError::Disconnected) => return,
                Ok(_) => continue,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
            }
        }
        remove_within(client, id, Duration::from_secs(5));
    }
}

/// Is the container still as created, never started? False when that cannot be told.
fn never_started(client: &Client, id: &str) -> bool {
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Inspect {
        #[serde(rename = "State")]
        state: State,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct State {
        #[serde(rename = "Status")]
        status: String,
    }
    client
        .container_inspect::<Inspect>(id)
        .is_ok_and(|i| i.state.status == "created")
}

/// `DELETE /containers/{id}?force=1`, waiting at most `limit` for the answer.
fn remove_within(client: &Client, id: &str, limit: std::time::Duration) {
    let (c, id) = (client.fork(), id.to_string());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let force = RemoveOptions {
            force: true,
            ..RemoveOptions::default()
        };
        let _ = c.container_remove(&id, &force);
        let _ = tx.send(());
    });
    let _ = rx.recv_timeout(limit);
}
