//! `DKR_SSH_PERSIST`'s warm connections: with persistence on, ssh's own `ControlPersist`
//! saves the handshake, but every command still waits for a new remote session (the login
//! shell and `docker system dial-stdio` starting, often most of the time). So the first such
//! command leaves a small broker behind (`dkr __ssh-broker URL SECONDS`, in its own session):
//! it keeps one remote `dial-stdio` session open in advance, multiplexed over the persistent
//! master, and hands it to the next dkr over a Unix socket in the private runtime directory
//! (the descriptor itself, `SCM_RIGHTS`), then opens the next. It ends after SECONDS without a
//! client, when its socket is removed, or when a session it opened dies unused (the master is
//! gone: it never makes a handshake of its own). Whatever fails here, dkr dials as usual.

use std::io::{self, IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rustix::net::{
    RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags,
};
use sha2::{Digest, Sha256};

use super::ssh::{runtime_dir, spawn, Mux, SshConn, SshTarget};

/// The argument that makes `dkr` a broker (handled before the command line is parsed).
pub const BROKER_ARG: &str = "__ssh-broker";

/// The broker's socket for this URL and duration.
fn socket_path(dir: &Path, url: &str, secs: u64) -> PathBuf {
    let digest = Sha256::digest(format!("{url}\n{secs}").as_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("broker-{hex}"))
}

/// A warm connection from a running broker for `target`, if there is one.
pub fn take(dir: &Path, target: &SshTarget) -> Option<SshConn> {
    let secs = target.persist?;
    let sock = UnixStream::connect(socket_path(dir, &target.url, secs)).ok()?;
    sock.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut byte = [0u8; 1];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    let got = rustix::net::recvmsg(
        &sock,
        &mut [IoSliceMut::new(&mut byte)],
        &mut control,
        RecvFlags::CMSG_CLOEXEC,
    )
    .ok()?;
    if got.bytes != 1 {
        return None;
    }
    let fd: OwnedFd = control.drain().find_map(|m| match m {
        RecvAncillaryMessage::ScmRights(mut fds) => fds.next(),
        _ => None,
    })?;
    Some(SshConn::handed_over(UnixStream::from(fd), &target.spec))
}

/// The broker this invocation should leave behind when it ends (URL and seconds).
static WANTED: Mutex<Option<(String, u64)>> = Mutex::new(None);

/// Start a broker for `target` when this command ends (its persistent master exists by then,
/// so the broker's first session is multiplexed, never a handshake of its own).
pub fn wanted(target: &SshTarget) {
    if let Some(secs) = target.persist {
        *WANTED.lock().unwrap_or_else(|p| p.into_inner()) = Some((target.url.clone(), secs));
    }
}

/// Start the broker asked for by [`wanted`], detached (its own session, no stdio).
pub fn start_if_wanted() {
    let Some((url, secs)) = WANTED.lock().unwrap_or_else(|p| p.into_inner()).take() else {
        return;
    };
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut cmd = std::process::Command::new(exe);
    cmd.args([BROKER_ARG, &url, &secs.to_string()])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    // SAFETY: the closure runs in the child between fork and exec and makes one system call
    // (setsid) through rustix, which allocates nothing and takes no lock.
    unsafe {
        cmd.pre_exec(|| {
            rustix::process::setsid()?;
            Ok(())
        });
    }
    // Not waited for: dkr ends now and the broker is reparented.
    drop(cmd.spawn());
}

/// `dkr __ssh-broker URL SECONDS`: serve warm connections until idle for SECONDS.
pub fn main(args: &[String]) -> i32 {
    let [url, secs] = args else { return 2 };
    let (Ok(spec), Ok(secs)) = (super::ssh::parse_url(url), secs.parse::<u64>()) else {
        return 2;
    };
    let Some(dir) = runtime_dir() else { return 1 };
    // The sessions handed out must outlive the broker.
    super::ssh::detach_children();
    let path = socket_path(&dir, url, secs);
    let Ok(listener) = bind(&path) else { return 0 };
    let ino = std::fs::metadata(&path).map(|m| m.ino()).unwrap_or(0);
    let idle = Duration::from_secs(secs);
    let mut last_use = Instant::now();
    let mut warm: Option<SshConn> = None;
    loop {
        let ours = std::fs::metadata(&path).is_ok_and(|m| m.ino() == ino);
        if !ours || last_use.elapsed() > idle {
            break;
        }
        match &warm {
            // Died unused: the master is gone (or the host); stop rather than reconnect.
            Some(w) if !w.alive() => break,
            Some(_) => {}
            None => match spawn(&spec, Mux::Persist(secs, dir.join("%C"))) {
                Ok(c) => warm = Some(c),
                Err(_) => break,
            },
        }
        super::ssh::reap();
        if !readable(&listener, Duration::from_millis(250)) {
            continue;
        }
        let Ok((client, _)) = listener.accept() else {
            continue;
        };
        if let Some(w) = warm.take() {
            if send_fd(&client, w.socket().as_fd()).is_ok() {
                w.hand_over();
                last_use = Instant::now();
            } else {
                warm = Some(w);
            }
        }
    }
    if std::fs::metadata(&path).is_ok_and(|m| m.ino() == ino) {
        let _ = std::fs::remove_file(&path);
    }
    // The unused session ends with its connection; the handed ones are their users'.
    drop(warm);
    0
}

/// Listen on `path`, unless a live broker already does (then `Err`).
fn bind(path: &Path) -> io::Result<UnixListener> {
    match UnixListener::bind(path) {
        Ok(l) => Ok(l),
        Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
            if UnixStream::connect(path).is_ok() {
                return Err(e);
            }
            std::fs::remove_file(path)?;
            UnixListener::bind(path)
        }
        Err(e) => Err(e),
    }
}

fn readable(listener: &UnixListener, timeout: Duration) -> bool {
    let mut fds = [rustix::event::PollFd::new(
        listener,
        rustix::event::PollFlags::IN,
    )];
    let ts = rustix::event::Timespec {
        tv_sec: 0,
        tv_nsec: i64::try_from(timeout.as_nanos()).unwrap_or(0),
    };
    matches!(rustix::event::poll(&mut fds, Some(&ts)), Ok(n) if n > 0)
}

fn send_fd(to: &UnixStream, fd: std::os::fd::BorrowedFd<'_>) -> io::Result<()> {
    let fds = [fd];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    if !control.push(SendAncillaryMessage::ScmRights(&fds)) {
        return Err(io::Error::other("no room for the descriptor"));
    }
    rustix::net::sendmsg(to, &[IoSlice::new(b"c")], &mut control, SendFlags::NOSIGNAL)?;
    Ok(())
}
