//! Helpers of the container-lifecycle tests (`run`, `stop`, `logs`): the test engine gate, the
//! two CLIs run with bytes in and bytes out (binary safe, with a timeout so a hang fails
//! instead of blocking the suite), docker's output normalised to dkr's name, unique container
//! names with cleanup, a pseudo-terminal runner and a killable proxy in front of the engine.
//! The binaries, the engine gate, `TempDir`, the scrubbed environment, exit codes and
//! docker-name normalisation are `tests/common`'s.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The built `dkr`, the reference CLI, a private temporary directory removed on drop, and an
/// exit code (128+N when killed by signal N): the shared test helper's.
pub use crate::support::{dkr_bin, docker_bin, exit_code, termios_of, TempDir};
use crate::support::{on_controlling_terminal, open_pty};

/// How long one CLI invocation may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(120);

fn seq() -> usize {
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::SeqCst)
}

/// A container name no other test (or test run) uses: `lc-<pid>-<n>-<tag>`.
pub fn unique(tag: &str) -> String {
    format!("lc-{}-{}-{tag}", std::process::id(), seq())
}

/// What a process wrote and how it ended (128+N when killed by signal N, as a shell shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Out {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: i32,
}

impl Out {
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

impl std::fmt::Display for Out {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code,
            String::from_utf8_lossy(&self.stdout[..self.stdout.len().min(4000)]),
            String::from_utf8_lossy(&self.stderr[..self.stderr.len().min(4000)])
        )
    }
}

/// docker's output with its own name replaced by dkr's, where docker prints it.
pub fn normalize(bytes: &[u8]) -> Vec<u8> {
    crate::support::normalize_names(&String::from_utf8_lossy(bytes), &[]).into_bytes()
}

/// Where stdin comes from.
pub enum Input<'a> {
    Null,
    Bytes(&'a [u8]),
    File(&'a Path),
}

/// The environment both CLIs run in: the engine, a private config dir, no caller settings.
pub struct Engine {
    pub host: String,
    pub config: TempDir,
    pub vars: Vec<(String, String)>,
}

/// The test engine, or `None` when engine tests are skipped on purpose
/// (`DKR_SKIP_ENGINE_TESTS=1`). No engine otherwise is a failure.
pub fn engine() -> Option<Engine> {
    let host = crate::support::engine_host()?;
    Some(Engine {
        host,
        config: TempDir::new("config"),
        vars: Vec::new(),
    })
}

/// `let Some(e) = engine!() else { return };`
macro_rules! engine_or_skip {
    () => {
        match crate::support::env::engine() {
            Some(e) => e,
            None => return,
        }
    };
}

impl Engine {
    /// The same engine reached through another host string (a proxy).
    pub fn via(&self, host: &str) -> Engine {
        Engine {
            host: host.to_string(),
            config: TempDir::new("config"),
            vars: self.vars.clone(),
        }
    }

    /// Set a variable for both CLIs.
    pub fn var(mut self, k: &str, v: &str) -> Engine {
        self.vars.push((k.to_string(), v.to_string()));
        self
    }

    /// Write config.json.
    pub fn config_json(&self, json: &str) {
        std::fs::write(self.config.join("config.json"), json).expect("write config.json");
    }

    /// `program args` in this environment (the [`crate::support::SCRUBBED`] variables removed).
    pub fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = crate::support::cli_command(program, &self.host, self.config.path(), args);
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// Run `program` with `args` and `input` on stdin, failing the test after `TIMEOUT`.
    pub fn run_input(&self, program: &str, args: &[&str], input: Input) -> Out {
        let mut cmd = self.command(program, args);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        match input {
            Input::Null => {
                cmd.stdin(Stdio::null());
            }
            Input::Bytes(_) => {
                cmd.stdin(Stdio::piped());
            }
            Input::File(p) => {
                cmd.stdin(std::fs::File::open(p).expect("open input"));
            }
        }
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        let writer = match (input, child.stdin.take()) {
            (Input::Bytes(b), Some(mut stdin)) => {
                let data = b.to_vec();
                Some(std::thread::spawn(move || {
                    let _ = stdin.write_all(&data);
                }))
            }
            _ => None,
        };
        let out = collect(child, TIMEOUT, &format!("{program} {}", args.join(" ")));
        if let Some(w) = writer {
            let _ = w.join();
        }
        out
    }

    pub fn dkr(&self, args: &[&str]) -> Out {
        self.run_input(dkr_bin(), args, Input::Null)
    }

    pub fn docker(&self, args: &[&str]) -> Out {
        self.run_input(&docker_bin(), args, Input::Null)
    }

    /// Setup through the reference CLI; must succeed.
    pub fn docker_ok(&self, args: &[&str]) -> String {
        let out = self.docker(args);
        assert_eq!(
            out.code,
            0,
            "setup failed: docker {}\n{out}",
            args.join(" ")
        );
        out.out()
    }

    /// Run both CLIs with the same arguments and input; stdout, stderr (docker's name
    /// replaced) and exit code must be identical. Returns dkr's outcome.
    pub fn compare_input(&self, args: &[&str], input: Input) -> Out {
        let (want, got) = match input {
            Input::Bytes(b) => (
                self.run_input(&docker_bin(), args, Input::Bytes(b)),
                self.run_input(dkr_bin(), args, Input::Bytes(b)),
            ),
            Input::File(p) => (
                self.run_input(&docker_bin(), args, Input::File(p)),
                self.run_input(dkr_bin(), args, Input::File(p)),
            ),
            Input::Null => (self.docker(args), self.dkr(args)),
        };
        let want = Out {
            stdout: want.stdout,
            stderr: normalize(&want.stderr),
            code: want.code,
        };
        assert!(
            want == got,
            "dkr differs from docker for `{}`\n=== docker ===\n{want}\n=== dkr ===\n{got}",
            args.join(" ")
        );
        got
    }

    pub fn compare(&self, args: &[&str]) -> Out {
        self.compare_input(args, Input::Null)
    }

    /// `docker inspect` of one object as JSON.
    pub fn inspect(&self, name: &str) -> serde_json::Value {
        let text = self.docker_ok(&["inspect", name]);
        let v: serde_json::Value = serde_json::from_str(&text).expect("inspect JSON");
        v[0].clone()
    }

    /// Does a container with this name exist (in any state)?
    pub fn exists(&self, name: &str) -> bool {
        let out = self.docker(&["ps", "-aq", "--filter", &format!("name=^/{name}$")]);
        !out.out().trim().is_empty()
    }

    /// Remove containers and their anonymous volumes, ignoring errors.
    pub fn rm(&self, names: &[&str]) {
        let mut args = vec!["rm", "-fv"];
        args.extend_from_slice(names);
        let _ = self.docker(&args);
    }

    /// Names removed (`rm -f`) when the guard drops, also when a test fails.
    pub fn cleanup(&self, names: &[&str]) -> Cleanup<'_> {
        Cleanup {
            engine: self,
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// Removes containers when dropped.
pub struct Cleanup<'a> {
    engine: &'a Engine,
    names: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        self.engine.rm(&names);
    }
}

/// Wait for `child` (stdout/stderr piped), reading both, killing it after `timeout`.
pub fn collect(mut child: Child, timeout: Duration, what: &str) -> Out {
    let mut so = child.stdout.take();
    let mut se = child.stderr.take();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = so.as_mut() {
            let _ = s.read_to_end(&mut v);
        }
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(s) = se.as_mut() {
            let _ = s.read_to_end(&mut v);
        }
        v
    });
    let status = wait_timeout(&mut child, timeout)
        .unwrap_or_else(|| panic!("`{what}` did not finish within {timeout:?}"));
    Out {
        stdout: t_out.join().unwrap_or_default(),
        stderr: t_err.join().unwrap_or_default(),
        code: exit_code(status),
    }
}

/// Wait up to `timeout`; on timeout kill the child and return `None`.
pub fn wait_timeout(child: &mut Child, timeout: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Poll `cond` every 50 ms for up to `timeout`.
pub fn eventually(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    cond()
}

/// Hex SHA-256 of `data` (via the `sha256sum` tool, to keep the tests dependency-free).
pub fn sha256(data: &[u8]) -> String {
    let mut child = Command::new("sha256sum")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sha256sum");
    let mut stdin = child.stdin.take().expect("stdin");
    let data = data.to_vec();
    let w = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().expect("sha256sum output");
    let _ = w.join();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Pseudo-terminals.

/// A child process on a pseudo-terminal (stdin, stdout and stderr, and its controlling tty).
pub struct Pty {
    /// The terminal's modes before the child started (see [`mode_flags`]).
    pub initial: (u32, u32, u32, u32),
    pub master: std::fs::File,
    /// A handle on the terminal side, to inspect its settings after the child is gone.
    pub slave: OwnedFd,
    pub child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// Terminal window size.
pub fn set_winsize(fd: i32, rows: u16, cols: u16) {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ with a valid winsize on an open terminal fd.
    unsafe {
        libc::ioctl(fd, libc::TIOCSWINSZ, &ws);
    }
}

/// The parts of the settings raw mode changes.
pub fn mode_flags(t: &libc::termios) -> (u32, u32, u32, u32) {
    (t.c_iflag, t.c_oflag, t.c_lflag, t.c_cflag)
}

impl Pty {
    /// Start `cmd` on a new pty of `rows`×`cols`, as the session leader with the pty as its
    /// controlling terminal (so window changes send it SIGWINCH).
    pub fn spawn(mut cmd: Command, rows: u16, cols: u16) -> Pty {
        let (master_f, slave_fd) = open_pty();
        set_winsize(slave_fd.as_raw_fd(), rows, cols);
        let initial = mode_flags(&termios_of(slave_fd.as_raw_fd()));
        let dup = |fd: &OwnedFd| fd.try_clone().expect("dup pty");
        cmd.stdin(Stdio::from(dup(&slave_fd)))
            .stdout(Stdio::from(dup(&slave_fd)))
            .stderr(Stdio::from(dup(&slave_fd)));
        on_controlling_terminal(&mut cmd);
        let child = cmd.spawn().expect("spawn on pty");
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut rd = master_f.try_clone().expect("clone master");
        let out2 = output.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match rd.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => out2.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        });
        Pty {
            initial,
            master: master_f,
            slave: slave_fd,
            child,
            output,
            reader: Some(reader),
        }
    }

    /// Type bytes into the terminal.
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to pty");
    }

    /// Everything the terminal showed so far.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Wait until the output contains `text` (or panic after `timeout`).
    pub fn expect(&self, text: &str, timeout: Duration) {
        assert!(
            eventually(timeout, || self.output().contains(text)),
            "terminal never showed {text:?}; it showed:\n{}",
            self.output()
        );
    }

    /// Resize the terminal (the kernel sends SIGWINCH to the foreground process group).
    pub fn resize(&self, rows: u16, cols: u16) {
        set_winsize(self.master.as_raw_fd(), rows, cols);
    }

    /// Wait for the child; its exit code (128+signal when killed). Panics on timeout.
    pub fn wait(&mut self, timeout: Duration) -> i32 {
        let status = wait_timeout(&mut self.child, timeout).unwrap_or_else(|| {
            panic!(
                "process on the pty did not exit; terminal showed:\n{}",
                self.output()
            )
        });
        exit_code(status)
    }

    /// The terminal's current settings.
    pub fn termios(&self) -> libc::termios {
        termios_of(self.slave.as_raw_fd())
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The reader ends when every slave fd is closed; don't wait for it.
        drop(self.reader.take());
    }
}

// ---------------------------------------------------------------------------------------------
// A proxy in front of the engine that can be cut, to play "the daemon went away".

/// Forwards connections from a private Unix socket to the engine's; `cut()` closes them all.
pub struct Proxy {
    pub host: String,
    _dir: TempDir,
    cut: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<UnixStream>>>,
}

impl Proxy {
    pub fn start(engine_host: &str) -> Proxy {
        let upstream = engine_host
            .strip_prefix("unix://")
            .expect("the proxy needs a unix:// engine")
            .to_string();
        let dir = TempDir::new("proxy");
        let path = dir.join("proxy.sock");
        let listener = UnixListener::bind(&path).expect("bind proxy socket");
        let cut = Arc::new(AtomicBool::new(false));
        let conns: Arc<Mutex<Vec<UnixStream>>> = Arc::new(Mutex::new(Vec::new()));
        let (cut2, conns2) = (cut.clone(), conns.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { break };
                if cut2.load(Ordering::SeqCst) {
                    continue;
                }
                let Ok(server) = UnixStream::connect(&upstream) else {
                    continue;
                };
                {
                    let mut list = conns2.lock().unwrap();
                    list.push(client.try_clone().unwrap());
                    list.push(server.try_clone().unwrap());
                }
                pump(client.try_clone().unwrap(), server.try_clone().unwrap());
                pump(server, client);
            }
        });
        Proxy {
            host: format!("unix://{}", path.display()),
            _dir: dir,
            cut,
            conns,
        }
    }

    /// Close every connection and refuse new ones.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for c in self.conns.lock().unwrap().iter() {
            let _ = c.shutdown(std::net::Shutdown::Both);
        }
    }
}

fn pump(mut from: UnixStream, mut to: UnixStream) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 32 * 1024];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => {
                    let _ = to.shutdown(std::net::Shutdown::Write);
                    break;
                }
                Ok(n) => {
                    if to.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
    });
}
