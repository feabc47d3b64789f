//! The private sshd of the `ssh://` tests: `tests/sshd.sh` started on first use, on loopback
//! ports of its own, with its own host key, an authorized key made for the test run, and a
//! client wrapper (`ssh` first on PATH, `-F` a config of its own, so `~/.ssh` is never read).
//! Every session reaches the Docker test engine (`DOCKER_HOST` set by sshd). sshd lives as
//! long as the test process: the script stops it (and removes its directory) when the pipe to
//! its stdin closes, which happens however the process ends.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;

use super::env::Env;

/// The running sshd and where its pieces are.
pub struct Sshd {
    pub dir: PathBuf,
    /// Sessions find docker 28.2.2 on PATH.
    pub port: u16,
    /// Sessions find no `docker` at all.
    pub nodocker: u16,
    /// Sessions find dkr under the name `docker` (for `dkr system dial-stdio`).
    pub dkr_remote: u16,
    /// As `port`, for the one test that counts handshakes on it.
    pub count: u16,
    /// As `port`, for the `DKR_SSH_PERSIST` test.
    pub persist: u16,
    /// Held for the life of the process: its end stops sshd.
    _keep: ChildStdin,
    /// The script, which outlives the test process by the moment it takes to stop sshd.
    _script: Child,
}

/// The sshd, started on first use against the Docker test engine; `None` when engine tests
/// are skipped on purpose.
pub fn sshd() -> Option<&'static Sshd> {
    static SSHD: OnceLock<Option<Sshd>> = OnceLock::new();
    SSHD.get_or_init(|| {
        let host = super::Engine::Docker.run(super::engine_host)?;
        let dir = std::env::temp_dir().join(format!("dkr-test-sshd-{}", std::process::id()));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sshd.sh");
        let mut child = Command::new(script)
            .arg(&dir)
            .env("SSHD_DOCKER_HOST", &host)
            .env("SSHD_DKR", super::dkr_bin())
            .env("SSHD_REMOVE_DIR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start tests/sshd.sh");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("sshd.sh stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read sshd.sh ports");
        let ports: Vec<u16> = line
            .split_whitespace()
            .map(|p| p.parse().expect("port"))
            .collect();
        assert_eq!(ports.len(), 5, "tests/sshd.sh did not start: {line:?}");
        Some(Sshd {
            dir,
            port: ports[0],
            nodocker: ports[1],
            dkr_remote: ports[2],
            count: ports[3],
            persist: ports[4],
            _keep: child.stdin.take().expect("sshd.sh stdin"),
            _script: child,
        })
    })
    .as_ref()
}

impl Sshd {
    /// `ssh://127.0.0.1:PORT`.
    pub fn url(&self, port: u16) -> String {
        format!("ssh://127.0.0.1:{port}")
    }

    /// The PATH both CLIs run with: the ssh wrapper first.
    pub fn path_var(&self) -> String {
        format!(
            "{}:{}",
            self.dir.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        )
    }

    /// Both CLIs against `ssh://127.0.0.1:PORT` through the wrapper.
    pub fn env(&self, port: u16) -> Env {
        Env::new(&self.url(port)).var("PATH", &self.path_var())
    }

    /// How many SSH connections sshd accepted on `port` so far (one per handshake; sessions
    /// multiplexed over one connection are not counted).
    pub fn connections(&self, port: u16) -> usize {
        let log = std::fs::read_to_string(self.dir.join("sshd.log")).unwrap_or_default();
        let needle = format!(" on 127.0.0.1 port {port} ");
        log.lines()
            .filter(|l| l.starts_with("Connection from ") && l.contains(&needle))
            .count()
    }
}
