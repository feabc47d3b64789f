//! `ssh://[user@]host[:port][/path]` engines, reached as docker's connection helper reaches them
//! (docker/cli `cli/connhelper`): the system `ssh` runs `docker system dial-stdio` on the remote
//! host and HTTP goes over its stdin/stdout; the URL checks and the failure texts are docker's.
//!
//! Beyond docker, one SSH handshake per dkr invocation: the first `ssh` of an invocation is a
//! master (`ControlMaster=yes`) on a control socket in a private 0700 runtime directory, and
//! the connections a command needs at the same time (run's attach beside start and wait,
//! `logs -f`, exec) are multiplexed over it (`ControlMaster=no`), each its own remote
//! `dial-stdio`. The master is kept until the command ends, then every ssh is ended (SIGTERM,
//! as docker's `commandConn.Close` does) and reaped, and the control socket removed. With
//! `DKR_SSH_PERSIST=DURATION` (or a context's `DkrSSHPersist`) ssh's own `ControlPersist` keeps
//! the master for later commands instead.
//!
//! The stdin/stdout of each ssh is one end of a socket pair, so a write after ssh died fails
//! with EPIPE (sent with `MSG_NOSIGNAL`) instead of killing dkr by SIGPIPE, and half-closing
//! the write side is a `shutdown`. Every ssh is started by one long-lived thread, so its
//! parent-death signal (SIGTERM: ssh then removes its control socket itself) fires when dkr
//! ends, not when the thread that asked for the connection does; each runs in its own session
//! (docker's `Setsid`), so the terminal's Ctrl-C reaches dkr, which decides.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::golang::strconv::quote;

/// The host part of request URLs over ssh (docker's `ConnectionHelper.Host`): errors name
/// requests as `Get "http://docker.example.com/v1.50/…"` and the Host header is this name.
pub const DUMMY_HOST: &str = "docker.example.com";

/// An `ssh://` URL taken apart as docker's `ssh.Spec`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SshSpec {
    pub user: Option<String>,
    pub host: String,
    pub port: Option<String>,
    /// The remote socket path (`--host unix://PATH`), empty for the remote's default.
    pub path: String,
}

/// Where and how to reach an ssh engine.
#[derive(Debug, Clone)]
pub struct SshTarget {
    /// The URL as given (what a broker is started with).
    pub url: String,
    pub spec: SshSpec,
    /// `DKR_SSH_PERSIST` / `DkrSSHPersist`: ssh's `ControlPersist`, in seconds.
    pub persist: Option<u64>,
}

/// Parse an `ssh://` host as docker's `getConnectionHelper` does (Go's `url.Parse`, then
/// `ssh.NewSpec`). The error is the text docker prints after `Failed to initialize: `.
pub fn parse_url(url: &str) -> Result<SshSpec, String> {
    let u = crate::golang::url::parse(url)?;
    let invalid = |e: &str| format!("ssh host connection is not valid: invalid SSH URL: {e}");
    if u.scheme.is_empty() {
        return Err(invalid("no scheme provided"));
    }
    if u.scheme != "ssh" {
        return Err(invalid(&format!("incorrect scheme: {}", u.scheme)));
    }
    let mut user = None;
    if let Some((name, password)) = &u.user {
        user = Some(name.clone());
        if password.is_some() {
            return Err(invalid("plain-text password is not supported"));
        }
    }
    if u.hostname().is_empty() {
        return Err(invalid("hostname is empty"));
    }
    if !u.raw_query.is_empty() {
        return Err(invalid(&format!(
            "query parameters are not allowed: {}",
            quote(&u.raw_query)
        )));
    }
    if !u.fragment.is_empty() {
        return Err(invalid(&format!(
            "fragments are not allowed: {}",
            quote(&u.fragment)
        )));
    }
    Ok(SshSpec {
        user: user.filter(|u| !u.is_empty()),
        host: u.hostname().to_string(),
        port: Some(u.port().to_string()).filter(|p| !p.is_empty()),
        path: u.path.clone(),
    })
}

/// `DKR_SSH_PERSIST`'s value (a Go duration, `60s`, `10m`) as ssh's `ControlPersist` seconds;
/// `0` or less means off.
pub fn parse_persist(v: &str) -> Result<Option<u64>, String> {
    let ns = crate::golang::time::parse_duration(v.trim()).map_err(|e| e.to_string())?;
    if ns <= 0 {
        return Ok(None);
    }
    Ok(Some(
        u64::try_from(ns)
            .unwrap_or(u64::MAX)
            .div_ceil(1_000_000_000),
    ))
}

impl SshSpec {
    /// The arguments docker gives `ssh` (`commandconn.New(ctx, "ssh", …)`), without `ssh`.
    pub fn docker_args(&self) -> Vec<String> {
        let mut args = vec!["-o ConnectTimeout=30".to_string(), "-T".to_string()];
        if let Some(u) = &self.user {
            args.extend(["-l".to_string(), u.clone()]);
        }
        if let Some(p) = &self.port {
            args.extend(["-p".to_string(), p.clone()]);
        }
        args.extend(["--".to_string(), self.host.clone(), "docker".to_string()]);
        if !self.path.is_empty() {
            args.extend(["--host".to_string(), format!("unix://{}", self.path)]);
        }
        args.extend(["system".to_string(), "dial-stdio".to_string()]);
        args
    }

    /// The command as docker's errors show it (Go's `%v` of `cmd.Args`).
    pub(super) fn display(&self) -> String {
        format!("[ssh {}]", self.docker_args().join(" "))
    }
}

/// An ssh process that ended before its connection did, in docker's words
/// (`commandConn.handleEOF`).
#[derive(Debug)]
pub struct SshError {
    text: String,
}

impl std::fmt::Display for SshError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for SshError {}

impl SshError {
    /// docker's client turns a connection error that mentions these into
    /// `Cannot connect to the Docker daemon at http://docker.example.com` (its
    /// `errConnectionFailed` test is a plain substring match over the whole text).
    pub fn looks_like_daemon_down(&self) -> bool {
        self.text.contains("connection refused") || self.text.contains("dial unix")
    }
}

/// The [`SshError`] inside an I/O error, if any.
pub fn ssh_error(e: &io::Error) -> Option<&SshError> {
    e.get_ref().and_then(|i| i.downcast_ref::<SshError>())
}

/// The last of ssh's stderr (docker keeps up to about 4 KiB: it starts over past 4096 bytes).
#[derive(Default)]
struct Stderr {
    buf: Vec<u8>,
    done: bool,
}

/// One ssh process of this invocation, kept until the end (see [`shutdown`]).
struct Entry {
    child: Child,
    /// The master's own connection, held open so its session (and with it the multiplexed
    /// ones) lives until the end, whatever the client did with the connection.
    keep: Option<OwnedFd>,
    /// A per-invocation control socket to remove at the end.
    control: Option<PathBuf>,
}

static PROCS: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

fn procs() -> std::sync::MutexGuard<'static, Vec<Entry>> {
    PROCS.lock().unwrap_or_else(|p| p.into_inner())
}

/// How process `pid` stands: `Some(None)` while it runs, `Some(Some(status))` once it ended
/// (reaped here), `None` when it is no longer ours (ended at [`shutdown`]).
fn try_status(pid: u32) -> Option<Option<std::process::ExitStatus>> {
    let mut list = procs();
    let e = list.iter_mut().find(|e| e.child.id() == pid)?;
    Some(e.child.try_wait().ok().flatten())
}

fn running(pid: u32) -> bool {
    matches!(try_status(pid), Some(None))
}

/// One process's part of a connection: which ssh, its stderr, whether it is the master.
struct Proc {
    /// 0 for a connection a broker handed over (its ssh is the broker's child).
    pid: u32,
    display: String,
    stderr: Arc<Mutex<Stderr>>,
    master: bool,
    /// Handed to another dkr by the broker: its ssh must live on.
    handed: std::sync::atomic::AtomicBool,
}

impl Proc {
    /// What docker says when the connection ended: `None` if ssh exited with 0 (a plain
    /// EOF), else the exit status and stderr, after waiting up to 10 s for ssh to end.
    fn exit_error(&self) -> Option<io::Error> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            match try_status(self.pid) {
                Some(Some(s)) => break s,
                Some(None) => {}
                None => return None,
            }
            if Instant::now() > deadline {
                let stderr = self.stderr_text();
                return Some(io::Error::other(SshError {
                    text: format!(
                        "command {} did not exit after EOF: stderr={}",
                        self.display,
                        quote(&stderr)
                    ),
                }));
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        if status.success() {
            return None;
        }
        // Everything ssh wrote is in the pipe once it exited; give the reader a moment.
        let until = Instant::now() + Duration::from_millis(500);
        while !self.stderr.lock().map(|s| s.done).unwrap_or(true) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(1));
        }
        Some(io::Error::other(SshError {
            text: format!(
                "command {} has exited with {}, make sure the URL is valid, and Docker 18.09 or later is installed on the remote host: stderr={}",
                self.display,
                go_exit_status(status),
                self.stderr_text()
            ),
        }))
    }

    fn stderr_text(&self) -> String {
        self.stderr
            .lock()
            .map(|s| String::from_utf8_lossy(&s.buf).into_owned())
            .unwrap_or_default()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        // docker's Close: SIGTERM. The master stays (its fd is kept) until `shutdown`.
        if !self.master && !self.handed.load(Ordering::SeqCst) && running(self.pid) {
            terminate(self.pid);
        }
    }
}

fn terminate(pid: u32) {
    if let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    {
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
    }
}

/// Go's `ProcessState.String()`: `exit status 255`, `signal: killed`.
fn go_exit_status(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    let name = match status.signal() {
        Some(1) => "hangup".to_string(),
        Some(2) => "interrupt".to_string(),
        Some(3) => "quit".to_string(),
        Some(6) => "aborted".to_string(),
        Some(9) => "killed".to_string(),
        Some(13) => "broken pipe".to_string(),
        Some(15) => "terminated".to_string(),
        Some(n) => format!("signal {n}"),
        None => "unknown".to_string(),
    };
    let core = if status.core_dumped() {
        " (core dumped)"
    } else {
        ""
    };
    format!("signal: {name}{core}")
}

/// A connection through one ssh process: its stdin/stdout as one socket.
pub struct SshConn {
    sock: UnixStream,
    proc: Arc<Proc>,
}

impl SshConn {
    pub fn close_write(&mut self) -> io::Result<()> {
        self.sock.shutdown(std::net::Shutdown::Write)
    }

    pub fn set_read_timeout(&self, t: Option<Duration>) -> io::Result<()> {
        self.sock.set_read_timeout(t)
    }

    pub fn socket(&self) -> &UnixStream {
        &self.sock
    }

    /// A reader and a writer for two threads (attach).
    pub fn split(self) -> io::Result<(SshConn, SshWriter)> {
        let w = SshWriter(SshConn {
            sock: self.sock.try_clone()?,
            proc: self.proc.clone(),
        });
        Ok((self, w))
    }
}

impl Read for SshConn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // An ssh that ended without reading the request resets the socket pair instead of
        // an EOF; both mean "look at how ssh ended".
        let ended = match self.sock.read(buf) {
            Ok(0) if !buf.is_empty() => None,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => Some(e),
            other => return other,
        };
        match self.proc.exit_error() {
            Some(e) => Err(e),
            None => ended.map_or(Ok(0), Err),
        }
    }
}

impl Write for SshConn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        rustix::net::send(&self.sock, buf, rustix::net::SendFlags::NOSIGNAL).map_err(|e| {
            let e = io::Error::from(e);
            if matches!(
                e.kind(),
                io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset
            ) {
                if let Some(exited) = self.proc.exit_error() {
                    return exited;
                }
            }
            e
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl AsFd for SshConn {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.sock.as_fd()
    }
}

/// The writing half of a split [`SshConn`].
pub struct SshWriter(SshConn);

impl SshWriter {
    pub fn close_write(&mut self) -> io::Result<()> {
        self.0.close_write()
    }

    pub fn shutdown(&mut self) {
        let _ = self.0.sock.shutdown(std::net::Shutdown::Both);
    }
}

impl Write for SshWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl SshConn {
    /// A connection whose ssh another process started (a broker's): a plain EOF ends it.
    pub(super) fn handed_over(sock: UnixStream, spec: &SshSpec) -> SshConn {
        SshConn {
            sock,
            proc: Arc::new(Proc {
                pid: 0,
                display: spec.display(),
                stderr: Arc::new(Mutex::new(Stderr::default())),
                master: false,
                handed: std::sync::atomic::AtomicBool::new(true),
            }),
        }
    }

    /// Give this connection's ssh to another process: it is not ended with this one.
    pub(super) fn hand_over(&self) {
        self.proc.handed.store(true, Ordering::SeqCst);
    }

    /// Whether this connection's ssh still runs.
    pub(super) fn alive(&self) -> bool {
        running(self.proc.pid)
    }
}

/// The private directory for control sockets: `$XDG_RUNTIME_DIR/dkr-ssh`, else
/// `/tmp/dkr-ssh-UID`; created 0700, and used only if it is a directory of ours that nobody
/// else can enter (else no multiplexing: docker's behaviour, one handshake per connection).
pub(super) fn runtime_dir() -> Option<PathBuf> {
    let uid = rustix::process::geteuid().as_raw();
    // A socket path has room for 107 bytes; a control socket's name takes up to 41 (`/%C`).
    const ROOM: usize = 64;
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(d) if d.is_absolute() && d.is_dir() && d.as_os_str().len() + 8 <= ROOM => {
            d.join("dkr-ssh")
        }
        _ => std::env::temp_dir().join(format!("dkr-ssh-{uid}")),
    };
    if dir.as_os_str().len() > ROOM {
        return None;
    }
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&dir);
    let meta = std::fs::symlink_metadata(&dir).ok()?;
    let private = meta.is_dir() && meta.uid() == uid && meta.permissions().mode() & 0o077 == 0;
    private.then_some(dir)
}

/// How a new ssh joins the invocation's shared connection.
pub(super) enum Mux {
    /// None: docker's own command line.
    Off,
    /// The first: the master, listening on this socket.
    Master(PathBuf),
    /// A later one, over the master's socket.
    Client(PathBuf),
    /// ssh's own ControlPersist (`DKR_SSH_PERSIST`) with this socket pattern.
    Persist(u64, PathBuf),
}

/// The master of this invocation per endpoint: its pid and control socket.
static MASTERS: Mutex<Option<HashMap<String, (u32, PathBuf)>>> = Mutex::new(None);

/// Connections between requests, per endpoint, for the next dial (any thread's client).
static IDLE: Mutex<Vec<(String, SshConn)>> = Mutex::new(Vec::new());

/// Keep `conn`, which is between requests, for the next [`dial`] to the same endpoint.
pub fn release(conn: SshConn) {
    if conn.proc.pid == 0 || running(conn.proc.pid) {
        let key = conn.proc.display.clone();
        IDLE.lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((key, conn));
    }
}

/// Open a connection to the engine at `target`: an idle one of this invocation if there is
/// one, else a new ssh (multiplexed over the invocation's master once there is one). A
/// connection to be hijacked (`hijack`) is never the master's own: the master outlives its
/// session, so the end of a hijacked stream would never be seen on it.
pub fn dial(target: &SshTarget, hijack: bool) -> io::Result<SshConn> {
    let key = target.spec.display();
    {
        let mut idle = IDLE.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = idle
            .iter()
            .rposition(|(k, c)| *k == key && !(hijack && c.proc.master))
        {
            let (_, conn) = idle.swap_remove(i);
            return Ok(conn);
        }
    }
    let Some(dir) = runtime_dir() else {
        return spawn(&target.spec, Mux::Off);
    };
    if let Some(secs) = target.persist {
        if let Some(conn) = super::ssh_broker::take(&dir, target) {
            return Ok(conn);
        }
        super::ssh_broker::wanted(target);
        return spawn(&target.spec, Mux::Persist(secs, dir.join("%C")));
    }
    let mut masters = MASTERS.lock().unwrap_or_else(|p| p.into_inner());
    let masters = masters.get_or_insert_with(HashMap::new);
    if let Some((pid, path)) = masters.get(&key).cloned() {
        // The master's socket appears once it has authenticated; a connection asked for
        // before that waits for it rather than making a handshake of its own.
        let deadline = Instant::now() + Duration::from_secs(35);
        while running(pid) && !path.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        if running(pid) && path.exists() {
            return spawn(&target.spec, Mux::Client(path));
        }
    }
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = dir.join(format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let conn = spawn(&target.spec, Mux::Master(path.clone()))?;
    masters.insert(key, (conn.proc.pid, path));
    Ok(conn)
}

pub(super) fn spawn(spec: &SshSpec, mux: Mux) -> io::Result<SshConn> {
    let mut args: Vec<String> = Vec::new();
    let mut opt = |k: &str, v: &str| {
        args.push("-o".into());
        args.push(format!("{k}={v}"));
    };
    let control = match &mux {
        Mux::Off => None,
        Mux::Master(p) => {
            opt("ControlMaster", "yes");
            opt("ControlPersist", "no");
            opt("ControlPath", &p.to_string_lossy());
            Some(p.clone())
        }
        Mux::Client(p) => {
            opt("ControlMaster", "no");
            opt("ControlPath", &p.to_string_lossy());
            None
        }
        Mux::Persist(secs, p) => {
            opt("ControlMaster", "auto");
            opt("ControlPersist", &format!("{secs}s"));
            opt("ControlPath", &p.to_string_lossy());
            None
        }
    };
    args.extend(spec.docker_args());
    let (ours, theirs) = UnixStream::pair()?;
    let theirs_out: OwnedFd = theirs.try_clone()?.into();
    let theirs_in: OwnedFd = theirs.into();
    let mut cmd = Command::new("ssh");
    cmd.args(&args)
        .stdin(Stdio::from(theirs_in))
        .stdout(Stdio::from(theirs_out))
        .stderr(Stdio::piped());
    let detached = DETACHED.load(Ordering::SeqCst);
    // SAFETY: the closure runs in the child between fork and exec and only makes two system
    // calls (prctl unless detached, setsid) through rustix, which allocate nothing and take no
    // locks; `detached` is a copied bool.
    unsafe {
        cmd.pre_exec(move || {
            if !detached {
                rustix::process::set_parent_process_death_signal(Some(
                    rustix::process::Signal::TERM,
                ))?;
            }
            rustix::process::setsid()?;
            Ok(())
        });
    }
    let mut child = spawn_from_keeper(cmd).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            // Go's exec.LookPath error, which docker prints as the connection's.
            io::Error::other(SshError {
                text: "exec: \"ssh\": executable file not found in $PATH".into(),
            })
        } else {
            e
        }
    })?;
    let pid = child.id();
    let stderr = Arc::new(Mutex::new(Stderr::default()));
    if let Some(mut pipe) = child.stderr.take() {
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            loop {
                let n = pipe.read(&mut chunk).unwrap_or(0);
                let mut s = sink.lock().unwrap_or_else(|p| p.into_inner());
                if n == 0 {
                    s.done = true;
                    return;
                }
                if s.buf.len() > 4096 {
                    s.buf.clear();
                }
                s.buf.extend_from_slice(&chunk[..n]);
            }
        });
    }
    let master = matches!(mux, Mux::Master(_));
    let keep = if master {
        Some(ours.as_fd().try_clone_to_owned()?)
    } else {
        None
    };
    procs().push(Entry {
        child,
        keep,
        control,
    });
    Ok(SshConn {
        sock: ours,
        proc: Arc::new(Proc {
            pid,
            display: spec.display(),
            stderr,
            master,
            handed: std::sync::atomic::AtomicBool::new(false),
        }),
    })
}

/// Set in a broker: its ssh processes get no parent-death signal (handed-out sessions belong
/// to the dkr using them).
static DETACHED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub(super) fn detach_children() {
    DETACHED.store(true, Ordering::SeqCst);
}

/// Forget the ssh processes that have ended (a broker runs for long).
pub(super) fn reap() {
    procs().retain_mut(|e| !matches!(e.child.try_wait(), Ok(Some(_))));
}

type Job = (Command, mpsc::Sender<io::Result<Child>>);

/// Start `cmd` from the one thread that lives as long as dkr (the parent-death signal is
/// tied to the thread that forked).
fn spawn_from_keeper(cmd: Command) -> io::Result<Child> {
    static KEEPER: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    let keeper = KEEPER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        let _ = std::thread::Builder::new()
            .name("ssh-keeper".into())
            .spawn(move || {
                for (mut cmd, back) in rx {
                    let _ = back.send(cmd.spawn());
                }
            });
        Mutex::new(tx)
    });
    let (back, answer) = mpsc::channel();
    keeper
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .send((cmd, back))
        .map_err(|_| io::Error::other("the ssh starter thread is gone"))?;
    answer
        .recv()
        .map_err(|_| io::Error::other("the ssh starter thread is gone"))?
}

/// End every ssh of this invocation and reap it, and remove the control sockets: called
/// when dkr exits (normally or by a signal it caught). Nothing is left behind unless
/// `DKR_SSH_PERSIST` asked for it (that master is ssh's own, not a child of dkr).
pub fn shutdown() {
    super::ssh_broker::start_if_wanted();
    drop(std::mem::take(
        &mut *IDLE.lock().unwrap_or_else(|p| p.into_inner()),
    ));
    let entries: Vec<Entry> = std::mem::take(&mut *procs());
    if entries.is_empty() {
        return;
    }
    let mut entries = entries;
    for e in &mut entries {
        if e.child.try_wait().ok().flatten().is_none() {
            terminate(e.child.id());
        }
    }
    let deadline = Instant::now() + Duration::from_secs(2);
    for e in &mut entries {
        loop {
            match e.child.try_wait() {
                Ok(None) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(1))
                }
                Ok(None) => {
                    let _ = e.child.kill();
                    let _ = e.child.wait();
                    break;
                }
                _ => break,
            }
        }
        e.keep = None;
        if let Some(p) = &e.control {
            remove_socket(p);
        }
    }
}

/// Remove a control socket ssh left (it removes its own when it ends by SIGTERM).
fn remove_socket(p: &Path) {
    use std::os::unix::fs::FileTypeExt;
    if std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_socket()) {
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(user: Option<&str>, host: &str, port: Option<&str>, path: &str) -> SshSpec {
        SshSpec {
            user: user.map(str::to_string),
            host: host.to_string(),
            port: port.map(str::to_string),
            path: path.to_string(),
        }
    }

    #[test]
    fn urls_parse_as_docker_does() {
        assert_eq!(
            parse_url("ssh://me@h:2222/run/d.sock").unwrap(),
            spec(Some("me"), "h", Some("2222"), "/run/d.sock")
        );
        assert_eq!(parse_url("ssh://h").unwrap(), spec(None, "h", None, ""));
        assert_eq!(
            parse_url("ssh://[::1]:22").unwrap(),
            spec(None, "::1", Some("22"), "")
        );
        assert_eq!(parse_url("ssh://h:").unwrap(), spec(None, "h", None, ""));
        let err = |u: &str| parse_url(u).unwrap_err();
        assert_eq!(
            err("ssh://127.0.0.1:xx"),
            r#"parse "ssh://127.0.0.1:xx": invalid port ":xx" after host"#
        );
        assert_eq!(
            err("ssh://h?a=b"),
            r#"ssh host connection is not valid: invalid SSH URL: query parameters are not allowed: "a=b""#
        );
        assert_eq!(
            err("ssh://h#frag"),
            r#"ssh host connection is not valid: invalid SSH URL: fragments are not allowed: "frag""#
        );
        assert_eq!(
            err("ssh://u:pw@h"),
            "ssh host connection is not valid: invalid SSH URL: plain-text password is not supported"
        );
        assert_eq!(
            err("ssh://"),
            "ssh host connection is not valid: invalid SSH URL: hostname is empty"
        );
    }

    #[test]
    fn command_line_is_dockers() {
        assert_eq!(
            spec(Some("me"), "h", Some("2222"), "/d.sock").display(),
            "[ssh -o ConnectTimeout=30 -T -l me -p 2222 -- h docker --host unix:///d.sock system dial-stdio]"
        );
        assert_eq!(
            spec(None, "h", None, "").display(),
            "[ssh -o ConnectTimeout=30 -T -- h docker system dial-stdio]"
        );
    }

    #[test]
    fn exit_statuses_and_daemon_down_read_as_go_and_docker() {
        use std::os::unix::process::ExitStatusExt;
        let st = std::process::ExitStatus::from_raw;
        assert_eq!(go_exit_status(st(255 << 8)), "exit status 255");
        assert_eq!(go_exit_status(st(15)), "signal: terminated");
        assert_eq!(go_exit_status(st(9)), "signal: killed");
        let e = |t: &str| SshError { text: t.into() };
        assert!(
            e("failed to open the raw stream connection: dial unix /x: connect")
                .looks_like_daemon_down()
        );
        assert!(!e("ssh: connect to host h port 1: Connection refused").looks_like_daemon_down());
    }

    #[test]
    fn persist_is_a_go_duration_in_seconds() {
        assert_eq!(parse_persist("60s"), Ok(Some(60)));
        assert_eq!(parse_persist("1m30s"), Ok(Some(90)));
        assert_eq!(parse_persist("1ms"), Ok(Some(1)));
        assert_eq!(parse_persist("0"), Ok(None));
        assert!(parse_persist("x").is_err());
    }
}
