//! The one environment both CLIs run in ([`Env`]): the test engine's host, a private config
//! directory, none of the caller's docker settings; running `dkr` and the reference `docker` in
//! it with bytes in and bytes out (with a timeout, so a hang fails instead of blocking the
//! suite), and comparing what they print and how they exit.

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{
    diff_report, dkr_bin, docker_bin, exit_code, normalize_docker, shell_words, Outcome, TempDir,
};

/// How long one CLI invocation may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(120);

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
    "DKR_PROGRESS",
    "DKR_PULL_RETRY",
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

/// Where stdin comes from.
pub enum Input<'a> {
    Null,
    Bytes(&'a [u8]),
    File(&'a Path),
}

/// A private bin directory (first on PATH, for credential helpers) and home of an
/// [`Env::isolated`] environment, which inherits nothing else.
struct Isolation {
    bin: TempDir,
    home: TempDir,
}

/// The environment both CLIs run in: the engine, a private config dir, no caller settings.
pub struct Env {
    pub host: String,
    pub config: TempDir,
    vars: Vec<(String, String)>,
    isolation: Option<Isolation>,
    /// How often [`Env::compare`] runs a differing case before it fails.
    attempts: usize,
}

/// The test engine, or `None` when engine tests are skipped on purpose
/// (`DKR_SKIP_ENGINE_TESTS=1`). No engine otherwise is a failure.
pub fn engine() -> Option<Env> {
    Some(Env::new(&super::engine_host()?))
}

/// For cases where docker itself is wrong on Podman and dkr is not (see README's "Podman"):
/// `compare` runs both CLIs on the current engine, except on Podman, where dkr is compared
/// with docker on the Docker engine.
pub struct AsOnDocker {
    env: Env,
    docker_engine: Option<Env>,
}

/// The current engine for an [`AsOnDocker`] comparison, or `None` (skipped on purpose).
pub fn as_on_docker() -> Option<AsOnDocker> {
    let env = engine()?;
    let docker_engine = match super::Engine::current() {
        super::Engine::Docker => None,
        super::Engine::Podman => super::Engine::Docker.run(engine),
    };
    Some(AsOnDocker { env, docker_engine })
}

impl AsOnDocker {
    pub fn compare(&self, args: &[&str]) -> Outcome {
        match &self.docker_engine {
            None => self.env.compare(args),
            Some(reference) => self.env.compare_with(reference, args),
        }
    }
}

/// `let e = engine_or_skip!();`: the test engine's [`Env`], or return (skipped on purpose).
macro_rules! engine_or_skip {
    () => {
        match crate::support::env::engine() {
            Some(e) => e,
            None => return,
        }
    };
}

impl Env {
    /// An environment against the engine at `host`: the [`SCRUBBED`] variables removed,
    /// everything else inherited.
    pub fn new(host: &str) -> Env {
        Env {
            host: host.to_string(),
            config: TempDir::new("config"),
            vars: Vec::new(),
            isolation: None,
            attempts: 1,
        }
    }

    /// An environment that inherits nothing but PATH (behind a private bin directory, see
    /// [`Env::script`]), with a private HOME: what credential helpers and logins need.
    pub fn isolated(host: &str) -> Env {
        Env {
            isolation: Some(Isolation {
                bin: TempDir::new("bin"),
                home: TempDir::new("home"),
            }),
            ..Env::new(host)
        }
    }

    /// The same settings against another host string (a proxy, a daemon that is not there).
    pub fn via(&self, host: &str) -> Env {
        Env {
            vars: self.vars.clone(),
            attempts: self.attempts,
            ..Env::new(host)
        }
    }

    /// Retry a differing comparison a few times: outputs with relative times ("2 seconds
    /// ago") can differ when a clock second ticks over between the two runs.
    pub fn retrying(self) -> Env {
        self.retrying_up_to(4)
    }

    /// [`Env::retrying`] with `attempts` runs in all.
    pub fn retrying_up_to(mut self, attempts: usize) -> Env {
        self.attempts = attempts;
        self
    }

    /// Set a variable for both CLIs.
    pub fn var(mut self, k: &str, v: &str) -> Env {
        self.vars.push((k.to_string(), v.to_string()));
        self
    }

    pub fn config_path(&self) -> PathBuf {
        self.config.join("config.json")
    }

    /// Write config.json.
    pub fn write_config(&self, json: &str) {
        std::fs::write(self.config_path(), json).expect("write config.json");
    }

    /// With this config.json.
    pub fn with_config(self, json: &str) -> Env {
        self.write_config(json);
        self
    }

    pub fn read_config(&self) -> String {
        std::fs::read_to_string(self.config_path()).unwrap_or_default()
    }

    /// The private bin directory, first on PATH (isolated only).
    pub fn bin(&self) -> &Path {
        self.isolation.as_ref().expect("Env::isolated").bin.path()
    }

    /// Put an executable script named `name` in the private bin directory (isolated only).
    pub fn script(&self, name: &str, body: &str) -> PathBuf {
        let p = self.bin().join(name);
        std::fs::write(&p, body).expect("write script");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        p
    }

    /// `program args` in this environment.
    pub fn command(&self, program: &str, args: &[&str]) -> Command {
        let mut cmd = match &self.isolation {
            None => cli_command(program, &self.host, self.config.path(), args),
            Some(iso) => {
                let mut cmd = Command::new(program);
                cmd.args(args).env_clear();
                let path = format!(
                    "{}:{}",
                    iso.bin.path().display(),
                    std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into())
                );
                cmd.env("PATH", path)
                    .env("HOME", iso.home.path())
                    .env("DOCKER_HOST", &self.host)
                    .env("DOCKER_CONFIG", self.config.path());
                cmd
            }
        };
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    /// Run `program` with `args` and `input` on stdin, failing the test after [`TIMEOUT`].
    pub fn run_input(&self, program: &str, args: &[&str], input: Input) -> Outcome {
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

    /// Run `program` with `args`, stdin from `/dev/null`.
    pub fn run(&self, program: &str, args: &[&str]) -> Outcome {
        self.run_input(program, args, Input::Null)
    }

    pub fn dkr(&self, args: &[&str]) -> Outcome {
        self.run(dkr_bin(), args)
    }

    pub fn docker(&self, args: &[&str]) -> Outcome {
        self.run(&docker_bin(), args)
    }

    /// Setup through the reference CLI; must succeed. Its stdout.
    /// `docker run -d --name NAME busybox sh -c SCRIPT` (setup: must succeed); the ID.
    pub fn run_sh_detached(&self, name: &str, script: &str) -> String {
        self.docker_ok(&["run", "-d", "--name", name, "busybox", "sh", "-c", script])
    }

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

    /// Run both CLIs with the same arguments and input; stdout, stderr (docker's name for
    /// itself replaced by dkr's) and exit code must be identical. Returns dkr's outcome.
    pub fn compare_input(&self, args: &[&str], input: Input) -> Outcome {
        if super::skip_comparison() {
            return match input {
                Input::Null => self.dkr(args),
                other => self.run_input(dkr_bin(), args, other),
            };
        }
        let mut last = None;
        for attempt in 0..self.attempts {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(300));
            }
            let (want, got) = match &input {
                Input::Null => (self.docker(args), self.dkr(args)),
                Input::Bytes(b) => (
                    self.run_input(&docker_bin(), args, Input::Bytes(b)),
                    self.run_input(dkr_bin(), args, Input::Bytes(b)),
                ),
                Input::File(p) => (
                    self.run_input(&docker_bin(), args, Input::File(p)),
                    self.run_input(dkr_bin(), args, Input::File(p)),
                ),
            };
            let want = normalize_docker(&want);
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

    pub fn compare(&self, args: &[&str]) -> Outcome {
        self.compare_input(args, Input::Null)
    }

    /// dkr here against the reference docker on `reference` (another engine): for the listed
    /// Podman differences, where docker itself fails on Podman and dkr does what docker does
    /// on Docker. Returns dkr's outcome.
    pub fn compare_with(&self, reference: &Env, args: &[&str]) -> Outcome {
        if super::skip_comparison() {
            return self.dkr(args);
        }
        let want = normalize_docker(&reference.docker(args));
        let got = self.dkr(args);
        assert!(
            want == got,
            "dkr {} on {} differs from docker on {}\n{}",
            shell_words(args),
            self.host,
            reference.host,
            diff_report(&want, &got)
        );
        got
    }

    /// `docker inspect` of one object as JSON.
    pub fn inspect(&self, name: &str) -> serde_json::Value {
        let text = self.docker_ok(&["inspect", name]);
        let v: serde_json::Value = serde_json::from_str(&text).expect("inspect JSON");
        v[0].clone()
    }

    /// Does a container with this name exist (in any state)?
    pub fn exists(&self, name: &str) -> bool {
        // Docker matches the name with its leading slash, Podman without.
        let out = self.docker(&["ps", "-aq", "--filter", &format!("name=^/?{name}$")]);
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
            env: self,
            names: names.iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// Removes containers when dropped.
pub struct Cleanup<'a> {
    env: &'a Env,
    names: Vec<String>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
        self.env.rm(&names);
    }
}

/// Wait for `child` (stdout/stderr piped), reading both, killing it after `timeout`.
pub fn collect(mut child: Child, timeout: Duration, what: &str) -> Outcome {
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
    Outcome {
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
