//! A CLI running in the background with a deadline ([`Running`] → [`Run`]): its output
//! collected as it comes (so a test can watch it grow), signals, and a hang reported as one
//! instead of blocking the suite.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::exit_code;

/// What a process wrote and how it ended (128+N when killed by signal N, as a shell shows).
#[derive(Debug, Clone)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub code: i32,
    pub elapsed: Duration,
    /// Still running at the deadline (then killed).
    pub hung: bool,
}

impl Run {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Panic text, a Rust backtrace hint or an ASan report: never acceptable.
    pub fn panicked(&self) -> bool {
        self.stderr.contains("panicked")
            || self.stderr.contains("RUST_BACKTRACE")
            || self.stderr.contains("stack backtrace")
    }
}

/// Read a child's pipe in the background into a shared buffer (so a test can watch it grow).
fn drain(mut r: impl Read + Send + 'static) -> (Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let b = buf.clone();
    let h = std::thread::spawn(move || {
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            match r.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => b.lock().unwrap().extend_from_slice(&chunk[..n]),
            }
        }
    });
    (buf, h)
}

type Pipe = (Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>);

/// A running CLI whose output is collected in the background.
pub struct Running {
    pub child: Child,
    started: Instant,
    out: Option<Pipe>,
    err: Option<Pipe>,
}

impl Running {
    pub fn spawn(mut cmd: Command) -> Running {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn");
        let out = child.stdout.take().map(drain);
        let err = child.stderr.take().map(drain);
        Running {
            child,
            started: Instant::now(),
            out,
            err,
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }

    pub fn signal(&self, sig: i32) {
        // SAFETY: signalling our own child process.
        unsafe { libc::kill(self.pid(), sig) };
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// Everything written to stdout so far.
    pub fn stdout_so_far(&self) -> Vec<u8> {
        self.out
            .as_ref()
            .map(|(b, _)| b.lock().unwrap().clone())
            .unwrap_or_default()
    }

    /// Everything written to stderr so far.
    pub fn stderr_so_far(&self) -> String {
        let bytes = self
            .err
            .as_ref()
            .map(|(b, _)| b.lock().unwrap().clone())
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Wait until stdout contains `needle` (true) or `timeout` passes or the process ends.
    pub fn wait_for_stdout(&mut self, needle: &str, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if String::from_utf8_lossy(&self.stdout_so_far()).contains(needle) {
                return true;
            }
            if Instant::now() >= deadline || !self.is_running() {
                return String::from_utf8_lossy(&self.stdout_so_far()).contains(needle);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Wait up to `timeout`; a process still running then is killed and reported as hung.
    pub fn finish(mut self, timeout: Duration) -> Run {
        let deadline = Instant::now() + timeout;
        let mut hung = false;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("try_wait") {
                break s;
            }
            if Instant::now() >= deadline {
                hung = true;
                let _ = self.child.kill();
                break self.child.wait().expect("wait");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let elapsed = self.started.elapsed();
        // A grandchild holding the pipes must not block us: give the readers a moment.
        let join = |p: Option<Pipe>| -> Vec<u8> {
            let Some((buf, h)) = p else {
                return Vec::new();
            };
            let until = Instant::now() + Duration::from_secs(5);
            while !h.is_finished() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(5));
            }
            let v = buf.lock().unwrap().clone();
            v
        };
        let stdout = join(self.out.take());
        let stderr = String::from_utf8_lossy(&join(self.err.take())).into_owned();
        Run {
            stdout,
            stderr,
            code: exit_code(status),
            elapsed,
            hung,
        }
    }
}

/// A command for `program` against `host`, with a private config directory, none of the
/// caller's [`super::env::SCRUBBED`] variables and stdin from `/dev/null`.
pub fn cli(program: &str, host: &str, config: &Path, args: &[&str]) -> Command {
    let mut cmd = super::env::cli_command(program, host, config, args);
    cmd.stdin(Stdio::null());
    cmd
}
