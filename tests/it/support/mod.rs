//! The helpers of the integration tests: the two binaries, the engine gate (fail loudly
//! unless `DKR_SKIP_ENGINE_TESTS=1`), [`Outcome`], [`TempDir`], docker's name for itself
//! replaced by dkr's, and the [`differential!`] macro. The environment the CLIs run in is
//! `env`; proxies, pseudo-terminals, fake and private engines, registries and the `ps`/`images`
//! fixture have a module each.
//!
//! The engine comes from `tests/engine.sh` (`DKR_TEST_HOST`, see `tests/env.sh`).

/// One differential test per line: `name: ["run", "--rm", "busybox", "true"];` runs the
/// reference docker and dkr with those arguments and requires the same stdout, stderr (docker's
/// name for itself replaced by dkr's) and exit code. The cases run against the test engine, or
/// against what `with SETUP;` yields (`Option<impl compare(&[&str])>`, `None` to skip), such as
/// the `ps`/`images` fixture whose `compare` first fills in `{P}` and `{D}`. Every case runs on
/// both engines, as `name::docker` and `name::podman` (see [`on_both_engines!`]).
macro_rules! differential {
    (with $setup:expr; $($name:ident: [$($arg:expr),* $(,)?];)*) => {
        on_both_engines! {
            $(
                fn $name() {
                    let Some(env) = $setup else { return };
                    env.compare(&[$($arg),*]);
                }
            )*
        }
    };
    ($($name:ident: [$($arg:expr),* $(,)?];)*) => {
        differential! { with $crate::support::env::engine(); $($name: [$($arg),*];)* }
    };
}

/// Test functions (written without `#[test]`) run once per engine: `fn name() {...}` becomes
/// the tests `name::docker` and `name::podman`, each running the body with [`Engine::current`]
/// set, so [`engine_host`] (and with it `engine()`, `engine_or_skip!()` and the fixture) names
/// that engine. Other attributes (doc comments, `#[ignore]`) go on both tests.
macro_rules! on_both_engines {
    ($($(#[$m:meta])* fn $name:ident() $body:block)*) => {
        $(
            $(#[$m])*
            fn $name() $body
            mod $name {
                $(#[$m])*
                #[test]
                fn docker() {
                    $crate::support::Engine::Docker.run(super::$name)
                }
                $(#[$m])*
                #[test]
                fn podman() {
                    $crate::support::Engine::Podman.run(super::$name)
                }
            }
        )*
    };
}

#[macro_use]
pub mod env;
pub mod fake_engine;
pub mod fixture;
pub mod objects;
pub mod private_engine;
pub mod process;
pub mod proxy;
pub mod pty;
pub mod registry;
pub mod sshd;

use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The built `dkr` binary.
pub fn dkr_bin() -> &'static str {
    env!("CARGO_BIN_EXE_dkr")
}

/// The reference CLI: the first `docker` on PATH (docker 28.2.2), overridable for experiments
/// with `DKR_REFERENCE_DOCKER`.
pub fn docker_bin() -> String {
    std::env::var("DKR_REFERENCE_DOCKER").unwrap_or_else(|_| "docker".to_string())
}

/// The engine a test runs against: the private dockerd, or the private Podman service (its
/// Docker-compatible API). Tests written with [`on_both_engines!`] (and every [`differential!`]
/// case) run on both; the others need no engine (fake engines, completions) or test the
/// client against the Docker engine only (faults through proxies, TLS, private engines).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Docker,
    Podman,
}

thread_local! {
    static CURRENT: std::cell::Cell<Engine> = const { std::cell::Cell::new(Engine::Docker) };
}

impl Engine {
    /// The engine of the running test (each test has its own thread).
    pub fn current() -> Engine {
        CURRENT.with(|c| c.get())
    }

    /// The variable of tests/env.sh that holds this engine's host.
    pub fn host_var(self) -> &'static str {
        match self {
            Engine::Docker => "DKR_TEST_HOST",
            Engine::Podman => "DKR_TEST_PODMAN_HOST",
        }
    }

    /// Run `f` with this engine as [`Engine::current`].
    pub fn run<R>(self, f: impl FnOnce() -> R) -> R {
        struct Restore(Engine);
        impl Drop for Restore {
            fn drop(&mut self) {
                CURRENT.with(|c| c.set(self.0));
            }
        }
        let _restore = Restore(Engine::current());
        CURRENT.with(|c| c.set(self));
        f()
    }
}

/// The current test engine's host (`unix:///tmp/dkr-test/docker.sock`, or Podman's socket
/// under [`Engine::Podman`]), or `None` when engine tests are skipped on purpose
/// (`DKR_SKIP_ENGINE_TESTS=1`). Anything else without an engine is a failure, never a silent
/// pass.
pub fn engine_host() -> Option<String> {
    if std::env::var("DKR_SKIP_ENGINE_TESTS").as_deref() == Ok("1") {
        return None;
    }
    let var = Engine::current().host_var();
    match std::env::var(var) {
        Ok(h) if !h.is_empty() => Some(h),
        _ => panic!(
            "{var} is not set: these tests need the private test engines. Start them with \
             `tests/engine.sh up` and `. tests/env.sh` (or run `tests/engine.sh run -- cargo test`), \
             or set DKR_SKIP_ENGINE_TESTS=1 to skip them."
        ),
    }
}

/// What a process wrote (bytes, so binary output compares exactly) and how it ended.
#[derive(Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: i32,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.code == 0
    }

    /// stdout as text (lossy UTF-8).
    pub fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// stderr as text (lossy UTF-8).
    pub fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

impl std::fmt::Display for Outcome {
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

impl std::fmt::Debug for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outcome")
            .field("stdout", &self.out())
            .field("stderr", &self.err())
            .field("code", &self.code)
            .finish()
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

/// docker's output, stdout and stderr, with the places where it names itself naming dkr
/// instead (see [`normalize_text`]); bytes that are not UTF-8 stay as they are.
pub fn normalize_docker(out: &Outcome) -> Outcome {
    Outcome {
        stdout: normalize(&out.stdout),
        stderr: normalize(&out.stderr),
        code: out.code,
    }
}

/// [`normalize_text`] of every line that is UTF-8; other lines unchanged.
pub fn normalize(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        match std::str::from_utf8(line) {
            Ok(l) => out.extend_from_slice(normalize_text(l).as_bytes()),
            Err(_) => out.extend_from_slice(line),
        }
    }
    out
}

/// `s` with docker's name replaced by dkr's where docker names itself, line by line: a line
/// starting `docker: `, `'docker …` (`Run 'docker ps --help'`), `Usage:  docker …`,
/// `unknown command: docker …`, `"docker image …`, `"docker container …`, help's aliases
/// (`  docker container ls, docker ps`) and a second usage line (`\tdocker cp …`). Its other
/// mentions of docker ("Is the docker daemon running?") stay.
pub fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let mut l = match line.strip_prefix("docker: ") {
            Some(rest) => format!("dkr: {rest}"),
            None => line.to_string(),
        };
        // A second usage line (`cp`'s `\tdocker cp [OPTIONS] SRC_PATH|- …`).
        if let Some(rest) = l.strip_prefix("\tdocker ") {
            l = format!("\tdkr {rest}");
        }
        // help's `Aliases:` line: `  docker container ls, docker container list, docker ps`.
        if l.starts_with("  docker ") && l.contains(", docker ") {
            l = l.replace("docker ", "dkr ");
        }
        for (from, to) in [
            ("'docker ", "'dkr "),
            ("Usage:  docker ", "Usage:  dkr "),
            // A second usage line (`cp`'s): `\tdocker cp [OPTIONS] SRC_PATH|- …`.
            ("\tdocker ", "\tdkr "),
            ("unknown command: docker ", "unknown command: dkr "),
            ("\"docker image ", "\"dkr image "),
            ("\"docker container ", "\"dkr container "),
        ] {
            l = l.replace(from, to);
        }
        out.push_str(&l);
    }
    out
}

/// Where docker's outcome `want` and dkr's `got` differ, for a failure message.
pub fn diff_report(want: &Outcome, got: &Outcome) -> String {
    let mut r = String::new();
    if want.code != got.code {
        r.push_str(&format!(
            "exit code: docker {} dkr {}\n",
            want.code, got.code
        ));
    }
    for (name, w, g) in [
        ("stdout", &want.out(), &got.out()),
        ("stderr", &want.err(), &got.err()),
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

/// Whether the reference docker is 28.x, the version whose bytes dkr copies. When it is not
/// (or there is none), the first caller says so on stderr, once, and every live comparison is
/// skipped and counted ([`skip_comparison`]); the golden outputs (`golden.rs`, recorded from
/// docker 28.2.2) still check the most important cases.
pub fn reference_is_28() -> bool {
    static IS_28: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *IS_28.get_or_init(|| {
        let version = std::process::Command::new(docker_bin())
            .arg("--version")
            .env_remove("DOCKER_CONTEXT")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        let ok = version.starts_with("Docker version 28.");
        if !ok {
            let shown = if version.is_empty() {
                format!("no `{}` runs here", docker_bin())
            } else {
                format!("`{}` is {version:?}", docker_bin())
            };
            // Written past libtest's capture so it shows once, whatever the test filter.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: the reference docker must be 28.x ({shown}): live comparisons with it \
                 are skipped and counted at the end; golden outputs still run"
            );
            extern "C" fn summary() {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "note: {} live comparisons with docker skipped (the reference is not docker 28.x)",
                    SKIPPED.load(Ordering::SeqCst)
                );
            }
            // SAFETY: registering a plain function to run at exit, after libtest's summary.
            unsafe { libc::atexit(summary) };
        }
        ok
    })
}

static SKIPPED: AtomicUsize = AtomicUsize::new(0);

/// `true` (and counted) when live comparisons are skipped: see [`reference_is_28`].
pub fn skip_comparison() -> bool {
    if reference_is_28() {
        return false;
    }
    SKIPPED.fetch_add(1, Ordering::SeqCst);
    true
}

/// Require docker's outcome (after [`normalize_docker`]) and dkr's to be the same.
pub fn assert_same(what: &str, docker: &Outcome, dkr: &Outcome) {
    if skip_comparison() {
        return;
    }
    let want = normalize_docker(docker);
    assert!(
        want == *dkr,
        "{what}: dkr differs from docker\n{}",
        diff_report(&want, dkr)
    );
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

/// Lowercase hex SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(data);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// A container name no other test (or test run) uses: `lc-<pid>-<n>-<tag>`.
pub fn unique(tag: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "lc-{}-{}-{tag}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// Spawn `cmd` (stdout piped, stdin and stderr closed), read its first output, then kill it:
/// what it printed within `timeout`, or `None`. Proves a line arrives while the command still
/// runs (`logs -f`, an attached `run`), not only when it ends.
pub fn first_output(mut cmd: std::process::Command, timeout: Duration) -> Option<Vec<u8>> {
    use std::io::Read;
    use std::process::Stdio;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 64];
        let n = stdout.read(&mut buf).unwrap_or(0);
        let _ = tx.send(buf[..n].to_vec());
    });
    let got = rx.recv_timeout(timeout).ok();
    let _ = child.kill();
    let _ = child.wait();
    got
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

    #[test]
    fn normalize_leaves_lines_that_are_not_utf8_alone() {
        let bytes = b"docker: x\n\xff'docker \n'docker ps'\n";
        assert_eq!(
            normalize(bytes),
            b"dkr: x\n\xff'docker \n'dkr ps'\n".to_vec()
        );
    }

    #[test]
    fn shell_words_quotes_only_what_needs_it() {
        assert_eq!(
            shell_words(&["ps", "--format", "{{.Names}}", "", "it's"]),
            "ps --format '{{.Names}}' '' 'it'\\''s'"
        );
    }

    #[test]
    fn unique_names_differ() {
        assert_ne!(unique("x"), unique("x"));
    }

    #[test]
    fn assert_same_compares_after_normalizing_docker() {
        let docker = Outcome {
            stdout: b"out\n".to_vec(),
            stderr: b"docker: boom\n".to_vec(),
            code: 125,
        };
        let dkr = Outcome {
            stderr: b"dkr: boom\n".to_vec(),
            ..docker.clone()
        };
        assert_same("case", &docker, &dkr);
    }
}
