//! Shared helpers of the integration tests: find the test engine (or fail loudly), run the
//! built `dkr` and the reference `docker` CLI with the same arguments in the same isolated
//! environment, and compare what they print and how they exit.
//!
//! The other helper modules (`pull_common`, `lifecycle_common`, `faults_common`) build on the
//! pieces here: the two binaries, the engine gate, [`TempDir`], the scrubbed environment
//! ([`cli_command`]), [`Outcome`] and [`exit_code`], and docker's name replaced by dkr's
//! ([`normalize_names`]). A test binary declares `mod common;` before those modules.
//!
//! The engine comes from `tests/engine.sh` (`DKR_TEST_HOST`, see `tests/env.sh`). Without it
//! the tests fail with a message saying how to start it, unless `DKR_SKIP_ENGINE_TESTS=1`.

/// One differential test per line: `name: ["run", "--rm", "busybox", "true"];` runs the
/// reference docker and dkr with those arguments and requires the same stdout, stderr (docker's
/// name for itself replaced by dkr's) and exit code. The cases run against the test engine, or
/// against what `with SETUP;` yields (`Option<impl compare(&[&str])>`, `None` to skip), such as
/// the `ps`/`images` fixture whose `compare` first fills in `{P}` and `{D}`.
macro_rules! differential {
    (with $setup:expr; $($name:ident: [$($arg:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let Some(env) = $setup else { return };
                env.compare(&[$($arg),*]);
            }
        )*
    };
    ($($name:ident: [$($arg:expr),* $(,)?];)*) => {
        differential! { with $crate::support::env::engine(); $($name: [$($arg),*];)* }
    };
}

#[macro_use]
pub mod env;
pub mod fixture;
pub mod proxy;
pub mod registry;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The built `dkr` binary.
pub fn dkr_bin() -> &'static str {
    env!("CARGO_BIN_EXE_dkr")
}

/// The reference CLI: the first `docker` on PATH (docker 28.2.2), overridable for experiments
/// with `DKR_REFERENCE_DOCKER`.
pub fn docker_bin() -> String {
    std::env::var("DKR_REFERENCE_DOCKER").unwrap_or_else(|_| "docker".to_string())
}

/// The test engine's host (`unix:///tmp/dkr-test/docker.sock`), or `None` when engine tests
/// are skipped on purpose (`DKR_SKIP_ENGINE_TESTS=1`). Anything else without an engine is a
/// failure, never a silent pass.
pub fn engine_host() -> Option<String> {
    if std::env::var("DKR_SKIP_ENGINE_TESTS").as_deref() == Ok("1") {
        return None;
    }
    match std::env::var("DKR_TEST_HOST") {
        Ok(h) if !h.is_empty() => Some(h),
        _ => panic!(
            "DKR_TEST_HOST is not set: these tests need the private test engine. Start it with \
             `tests/engine.sh up` and `. tests/env.sh` (or run `tests/engine.sh run -- cargo test`), \
             or set DKR_SKIP_ENGINE_TESTS=1 to skip them."
        ),
    }
}

/// What a process printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    /// What a finished process printed (lossy UTF-8) and its [`exit_code`].
    pub fn from_output(out: Output) -> Outcome {
        Outcome {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            code: exit_code(out.status),
        }
    }

    pub fn ok(&self) -> bool {
        self.code == 0
    }
}

/// The exit code, or 128+N when killed by signal N, as a shell shows it.
pub fn exit_code(status: ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .unwrap_or_else(|| 128 + status.signal().unwrap_or(0))
}

/// A directory under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dkr-test-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// A path inside the directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The environment both CLIs run in: the engine host, a private config directory, and none of
/// the caller's docker settings.
pub struct Env {
    pub host: String,
    pub config: TempDir,
    /// Extra variables (`KEY`, `Some(value)`) or removals (`KEY`, `None`).
    pub vars: Vec<(String, Option<String>)>,
}

/// Variables that would make a run depend on the caller's shell: docker's settings, the
/// terminal width, dkr's `NORAW` (no raw terminal mode) and Rust's backtrace switch.
pub const SCRUBBED: &[&str] = &[
    "DOCKER_HOST",
    "DOCKER_CONTEXT",
    "DOCKER_CONFIG",
    "DOCKER_TLS",
    "DOCKER_TLS_VERIFY",
    "DOCKER_CERT_PATH",
    "DOCKER_API_VERSION",
    "DOCKER_CUSTOM_HEADERS",
    "DOCKER_CLI_HINTS",
    "DOCKER_DEFAULT_PLATFORM",
    "DOCKER_CONTENT_TRUST",
    "DOCKER_AUTH_CONFIG",
    "COLUMNS",
    "NORAW",
    "RUST_BACKTRACE",
];

/// `program args` against `host` with the private config directory `config`, none of the
/// [`SCRUBBED`] variables of the caller, and everything else inherited.
pub fn cli_command(program: &str, host: &str, config: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args);
    for k in SCRUBBED {
        cmd.env_remove(k);
    }
    cmd.env("DOCKER_HOST", host);
    cmd.env("DOCKER_CONFIG", config);
    cmd
}

impl Env {
    /// An environment against the test engine `host`.
    pub fn new(host: &str) -> Env {
        Env {
            host: host.to_string(),
            config: TempDir::new("config"),
            vars: Vec::new(),
        }
    }

    /// Set (or with `None` remove) a variable for both CLIs.
    pub fn var(mut self, key: &str, value: Option<&str>) -> Env {
        self.vars.push((key.to_string(), value.map(str::to_string)));
        self
    }

    /// Write `config.json` in the private config directory.
    pub fn config_json(self, json: &str) -> Env {
        std::fs::write(self.config.path().join("config.json"), json).expect("write config.json");
        self
    }

    fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = cli_command(program, &self.host, self.config.path(), args);
        for (k, v) in &self.vars {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        cmd.stdin(Stdio::null());
        cmd
    }

    /// Run `program` with `args`.
    pub fn run(&self, program: &str, args: &[&str]) -> Outcome {
        let out = self
            .command(program, args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
        Outcome::from_output(out)
    }

    pub fn dkr(&self, args: &[&str]) -> Outcome {
        self.run(dkr_bin(), args)
    }

    pub fn docker(&self, args: &[&str]) -> Outcome {
        self.run(&docker_bin(), args)
    }

    /// Run the reference docker and require success (test setup).
    pub fn docker_ok(&self, args: &[&str]) -> String {
        let out = self.docker(args);
        assert!(
            out.ok(),
            "setup failed: docker {}\nstdout: {}\nstderr: {}",
            args.join(" "),
            out.stdout,
            out.stderr
        );
        out.stdout
    }

    /// Run both CLIs with `args` and require identical stdout, stderr (docker's own name
    /// replaced by dkr's) and exit code. Outputs with relative times can differ when a clock
    /// second ticks over between the two runs, so a mismatch is retried a few times.
    pub fn compare(&self, args: &[&str]) -> Outcome {
        let mut last = None;
        for attempt in 0..4 {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(300));
            }
            let want = normalize_docker(&self.docker(args));
            let got = self.dkr(args);
            if want == got {
                return got;
            }
            last = Some((want, got));
        }
        let (want, got) = last.expect("at least one attempt");
        panic!(
            "dkr {} differs from docker\n{}",
            shell_words(args),
            diff_report(&want, &got)
        );
    }
}

/// Quote `args` for a readable failure message.
pub fn shell_words(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_=./:,@%+".contains(c))
            {
                a.to_string()
            } else {
                format!("'{}'", a.replace('\'', "'\\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// docker's output with the places where it names itself (`docker: '…`, `Usage:  docker …`,
/// `Run 'docker ps --help'`, `"docker image pull"`) naming dkr instead. Its other mentions of
/// docker ("Is the docker daemon running?") stay.
pub fn normalize_docker(out: &Outcome) -> Outcome {
    Outcome {
        stdout: out.stdout.clone(),
        stderr: normalize_text(&out.stderr),
        code: out.code,
    }
}

/// [`normalize_names`] with the self-references of the `ps`/`images`/engine-client
/// comparisons too: `unknown command: docker …`, `"docker image …` and `"docker container …`.
pub fn normalize_text(s: &str) -> String {
    normalize_names(
        s,
        &[
            ("unknown command: docker ", "unknown command: dkr "),
            ("\"docker image ", "\"dkr image "),
            ("\"docker container ", "\"dkr container "),
        ],
    )
}

/// `s` with docker's name replaced by dkr's where docker names itself: a line starting
/// `docker: `, `'docker …` and `Usage:  docker …`, then each of `more` (`from`, `to`), in order,
/// line by line.
pub fn normalize_names(s: &str, more: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let mut l = match line.strip_prefix("docker: ") {
            Some(rest) => format!("dkr: {rest}"),
            None => line.to_string(),
        };
        for (from, to) in [("'docker ", "'dkr "), ("Usage:  docker ", "Usage:  dkr ")]
            .iter()
            .chain(more)
        {
            l = l.replace(from, to);
        }
        out.push_str(&l);
    }
    out
}

fn diff_report(want: &Outcome, got: &Outcome) -> String {
    let mut r = String::new();
    if want.code != got.code {
        r.push_str(&format!(
            "exit code: docker {} dkr {}\n",
            want.code, got.code
        ));
    }
    for (name, w, g) in [
        ("stdout", &want.stdout, &got.stdout),
        ("stderr", &want.stderr, &got.stderr),
    ] {
        if w != g {
            r.push_str(&format!("--- {name} (docker)\n{w}--- {name} (dkr)\n{g}"));
            let wl: Vec<&str> = w.lines().collect();
            let gl: Vec<&str> = g.lines().collect();
            for i in 0..wl.len().max(gl.len()) {
                let (a, b) = (wl.get(i), gl.get(i));
                if a != b {
                    r.push_str(&format!(
                        "first difference in {name} line {}:\n  docker: {:?}\n  dkr:    {:?}\n",
                        i + 1,
                        a.unwrap_or(&"<none>"),
                        b.unwrap_or(&"<none>")
                    ));
                    break;
                }
            }
        }
    }
    r
}

// ---------------------------------------------------------------------------------------------
// Pseudo-terminals

/// A fresh pseudo-terminal: (master, slave).
pub fn open_pty() -> (std::fs::File, std::os::fd::OwnedFd) {
    use std::os::fd::FromRawFd;
    let (mut master, mut slave) = (0i32, 0i32);
    // SAFETY: openpty fills two fds; the name/termios/winsize pointers may be null.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: the fds were just created and are owned once each here.
    unsafe {
        (
            std::fs::File::from_raw_fd(master),
            std::os::fd::OwnedFd::from_raw_fd(slave),
        )
    }
}

/// Make `cmd` a session leader whose controlling terminal is its stdin (a pty slave), as a
/// process started from a real terminal is; window changes then send it SIGWINCH.
pub fn on_controlling_terminal(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// The terminal settings of `fd`.
pub fn termios_of(fd: i32) -> libc::termios {
    // SAFETY: tcgetattr into a zeroed termios on an open terminal fd.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(fd, &mut t), 0, "tcgetattr");
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_only_self_references() {
        let s = "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\nIs the docker daemon running?\n";
        assert_eq!(
            normalize_text(s),
            "dkr: 'dkr ps' accepts no arguments\n\nUsage:  dkr ps [OPTIONS]\n\nRun 'dkr ps --help' for more information\nIs the docker daemon running?\n"
        );
    }
}
