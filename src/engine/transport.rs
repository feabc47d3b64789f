//! Connections to the engine: Unix sockets, plain TCP, TCP with TLS (rustls) and `ssh://`
//! (an ssh process's stdin/stdout, `ssh.rs`), behind one `Conn` type that reads, writes,
//! half-closes and splits into two halves for attach.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::ssh::{SshConn, SshTarget, SshWriter};
use super::stream::{fd_readable, ReadyRead};
use rustls::pki_types::ServerName;
use rustls::{ClientConfig, ClientConnection, StreamOwned};

/// Where to connect.
#[derive(Debug, Clone)]
pub enum Address {
    Unix(String),
    Tcp {
        host: String,
        port: u16,
    },
    /// `ssh://`: the system ssh running `docker system dial-stdio` on the remote host.
    Ssh(Box<SshTarget>),
}

type Tls = StreamOwned<ClientConnection, TcpStream>;

/// One open connection.
pub enum Conn {
    Unix(UnixStream),
    Tcp(TcpStream),
    Tls(Box<Tls>),
    Ssh(SshConn),
}

/// Why a TLS handshake failed outside rustls' own errors, in Go's words (`Display`).
#[derive(Debug)]
pub enum HandshakeError {
    /// The server answered the ClientHello with `HTTP/`: a plain-HTTP port.
    HttpResponse,
    /// The first record is not TLS at all.
    NotTls,
    /// No complete handshake within the handshake timeout.
    Timeout,
}

impl std::fmt::Display for HandshakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            HandshakeError::HttpResponse => "http: server gave HTTP response to HTTPS client",
            HandshakeError::NotTls => "tls: first record does not look like a TLS handshake",
            HandshakeError::Timeout => "net/http: TLS handshake timeout",
        })
    }
}

impl std::error::Error for HandshakeError {}

/// Go's `http.Transport.TLSHandshakeTimeout` default (10 s): a port that accepts and never
/// answers ends with an error instead of hanging (docker itself hangs there).
/// `DKR_TLS_HANDSHAKE_TIMEOUT` (a Go duration, `1s`) sets another, for tests.
fn handshake_timeout() -> Duration {
    std::env::var("DKR_TLS_HANDSHAKE_TIMEOUT")
        .ok()
        .and_then(|v| crate::golang::time::parse_duration(&v).ok())
        .filter(|&ns| ns > 0)
        .map_or(Duration::from_secs(10), |ns| {
            Duration::from_nanos(u64::try_from(ns).unwrap_or(u64::MAX))
        })
}

/// The socket as the handshake sees it: keeps the first bytes the server sent, so a record
/// rustls rejects can be told apart as an HTTP answer, as Go's `RecordHeaderError` is.
struct Recording<'a> {
    sock: &'a mut TcpStream,
    first: Vec<u8>,
}

impl Read for Recording<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.sock.read(buf)?;
        let room = 5usize.saturating_sub(self.first.len()).min(n);
        self.first.extend_from_slice(&buf[..room]);
        Ok(n)
    }
}

impl Write for Recording<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.sock.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.sock.flush()
    }
}

/// Complete the handshake within `timeout` (the whole of it, like Go's, not per read).
fn handshake(tls: &mut Tls, timeout: Duration) -> io::Result<()> {
    let deadline = std::time::Instant::now() + timeout;
    let mut sock = Recording {
        sock: &mut tls.sock,
        first: Vec::new(),
    };
    while tls.conn.is_handshaking() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                HandshakeError::Timeout,
            ));
        }
        sock.sock.set_read_timeout(Some(left))?;
        sock.sock.set_write_timeout(Some(left))?;
        match tls.conn.complete_io(&mut sock) {
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                continue
            }
            Err(e) => {
                let rejected = e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                    .is_some_and(|r| matches!(r, rustls::Error::InvalidMessage(_)));
                if rejected && sock.first.len() == 5 {
                    // Go judges only the first record: neither a handshake (22) nor an
                    // alert (21) is not TLS; `HTTP/` is the common case of that.
                    let why = if sock.first == b"HTTP/" {
                        Some(HandshakeError::HttpResponse)
                    } else if ![21, 22].contains(&sock.first[0]) {
                        Some(HandshakeError::NotTls)
                    } else {
                        None
                    };
                    if let Some(why) = why {
                        return Err(io::Error::new(io::ErrorKind::InvalidData, why));
                    }
                }
                return Err(e);
            }
        }
    }
    sock.sock.set_read_timeout(None)?;
    sock.sock.set_write_timeout(None)
}

impl Conn {
    /// Connect to `addr`, with TLS when `tls` is given.
    pub fn connect(addr: &Address, tls: Option<&Arc<ClientConfig>>) -> io::Result<Conn> {
        Conn::connect_for(addr, tls, false)
    }

    /// [`Conn::connect`] for a connection that will be hijacked when `hijack` (an ssh
    /// master's own connection never is: its end is not seen while the master lives).
    pub fn connect_for(
        addr: &Address,
        tls: Option<&Arc<ClientConfig>>,
        hijack: bool,
    ) -> io::Result<Conn> {
        match addr {
            Address::Unix(path) => Ok(Conn::Unix(UnixStream::connect(path)?)),
            Address::Ssh(target) => Ok(Conn::Ssh(super::ssh::dial(target, hijack)?)),
            Address::Tcp { host, port } => {
                // Resolved first so that a name that does not exist is told apart (Go's
                // `lookup NAME on SERVER: no such host`) from a refused connection.
                let addrs: Vec<std::net::SocketAddr> = (host.as_str(), *port)
                    .to_socket_addrs()
                    .map_err(|e| crate::golang::net::classify_lookup_error(host, e))?
                    .collect();
                let stream = TcpStream::connect(&addrs[..])?;
                let _ = stream.set_nodelay(true);
                match tls {
                    None => Ok(Conn::Tcp(stream)),
                    Some(config) => {
                        let name = ServerName::try_from(host.clone())
                            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
                        let conn = ClientConnection::new(config.clone(), name)
                            .map_err(io::Error::other)?;
                        let mut tls = StreamOwned::new(conn, stream);
                        // Drive the handshake now so a refused client certificate is reported
                        // as a connection error, not as a garbled response.
                        handshake(&mut tls, handshake_timeout())?;
                        Ok(Conn::Tls(Box::new(tls)))
                    }
                }
            }
        }
    }

    /// Done with a connection that is between requests (no answer pending): an ssh one is
    /// kept for the next dial of this invocation, others are closed.
    pub fn release(self) {
        if let Conn::Ssh(s) = self {
            super::ssh::release(s);
        }
    }

    /// Half-close the write side (stdin reached EOF on an attached container).
    pub fn close_write(&mut self) -> io::Result<()> {
        match self {
            Conn::Unix(s) => s.shutdown(Shutdown::Write),
            Conn::Tcp(s) => s.shutdown(Shutdown::Write),
            Conn::Tls(s) => {
                s.conn.send_close_notify();
                let _ = s.flush();
                s.sock.shutdown(Shutdown::Write)
            }
            Conn::Ssh(s) => s.close_write(),
        }
    }

    /// Set a read timeout on the underlying socket.
    pub fn set_read_timeout(&self, t: Option<Duration>) -> io::Result<()> {
        match self {
            Conn::Unix(s) => s.set_read_timeout(t),
            Conn::Tcp(s) => s.set_read_timeout(t),
            Conn::Tls(s) => s.sock.set_read_timeout(t),
            Conn::Ssh(s) => s.set_read_timeout(t),
        }
    }

    /// Split into a reader and a writer usable from two threads. Plain sockets are cloned;
    /// a TLS session is shared behind a lock, with short read timeouts so the writer gets turns.
    pub fn split(self) -> io::Result<(ReadHalf, WriteHalf)> {
        match self {
            Conn::Unix(s) => {
                let w = s.try_clone()?;
                let fd = s.as_fd().try_clone_to_owned()?;
                Ok((ReadHalf::Plain(Box::new(s), fd), WriteHalf::Unix(w)))
            }
            Conn::Tcp(s) => {
                let w = s.try_clone()?;
                let fd = s.as_fd().try_clone_to_owned()?;
                Ok((ReadHalf::Plain(Box::new(s), fd), WriteHalf::Tcp(w)))
            }
            Conn::Ssh(s) => {
                let fd = s.as_fd().try_clone_to_owned()?;
                let (r, w) = s.split()?;
                Ok((ReadHalf::Plain(Box::new(r), fd), WriteHalf::Ssh(w)))
            }
            Conn::Tls(s) => {
                s.sock.set_read_timeout(Some(Duration::from_millis(20)))?;
                let shared = Arc::new(Mutex::new(*s));
                Ok((ReadHalf::Tls(shared.clone()), WriteHalf::Tls(shared)))
            }
        }
    }
}

impl Read for Conn {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Unix(s) => s.read(buf),
            Conn::Tcp(s) => s.read(buf),
            Conn::Tls(s) => tls_read(s, buf),
            Conn::Ssh(s) => s.read(buf),
        }
    }
}

/// A TLS read where an unclean close after the response is EOF (Go's client accepts it too).
fn tls_read(s: &mut Tls, buf: &mut [u8]) -> io::Result<usize> {
    match s.read(buf) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(0),
        other => other,
    }
}

impl Write for Conn {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Conn::Unix(s) => s.write(buf),
            Conn::Tcp(s) => s.write(buf),
            Conn::Tls(s) => s.write(buf),
            Conn::Ssh(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Conn::Unix(s) => s.flush(),
            Conn::Tcp(s) => s.flush(),
            Conn::Tls(s) => s.flush(),
            Conn::Ssh(s) => s.flush(),
        }
    }
}

impl ReadyRead for Conn {
    fn ready(&self) -> bool {
        match self {
            Conn::Unix(s) => fd_readable(s),
            Conn::Tcp(s) => fd_readable(s),
            // Plaintext rustls already decrypted is not seen here: the caller then flushes
            // once more than needed, never less.
            Conn::Tls(s) => fd_readable(&s.sock),
            Conn::Ssh(s) => fd_readable(s.socket()),
        }
    }
}

/// The reading half of a split connection (a plain one keeps its descriptor for `poll`).
pub enum ReadHalf {
    /// The stream and a duplicate of its descriptor (the box hides the type that owns it).
    Plain(Box<dyn Read + Send>, OwnedFd),
    Tls(Arc<Mutex<Tls>>),
}

impl Read for ReadHalf {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            ReadHalf::Plain(r, _) => r.read(buf),
            ReadHalf::Tls(shared) => loop {
                let mut guard = shared.lock().unwrap_or_else(|p| p.into_inner());
                match tls_read(&mut guard, buf) {
                    Err(e)
                        if e.kind() == io::ErrorKind::WouldBlock
                            || e.kind() == io::ErrorKind::TimedOut =>
                    {
                        drop(guard);
                        std::thread::yield_now();
                        continue;
                    }
                    other => return other,
                }
            },
        }
    }
}

impl ReadyRead for ReadHalf {
    fn ready(&self) -> bool {
        match self {
            ReadHalf::Plain(_, fd) => fd_readable(fd),
            // The TLS half reads with short timeouts under a lock; it is never called ready so
            // output is flushed before each of those reads.
            ReadHalf::Tls(_) => false,
        }
    }
}

/// The writing half of a split connection.
pub enum WriteHalf {
    Unix(UnixStream),
    Tcp(TcpStream),
    Tls(Arc<Mutex<Tls>>),
    Ssh(SshWriter),
}

impl WriteHalf {
    /// Half-close: the container sees EOF on its stdin.
    pub fn close_write(&mut self) -> io::Result<()> {
        match self {
            WriteHalf::Unix(s) => s.shutdown(Shutdown::Write),
            WriteHalf::Tcp(s) => s.shutdown(Shutdown::Write),
            WriteHalf::Tls(shared) => {
                let mut g = shared.lock().unwrap_or_else(|p| p.into_inner());
                g.conn.send_close_notify();
                let _ = g.flush();
                g.sock.shutdown(Shutdown::Write)
            }
            WriteHalf::Ssh(s) => s.close_write(),
        }
    }

    /// Close both directions, waking a reader blocked on the other half.
    pub fn shutdown(&mut self) {
        let _ = match self {
            WriteHalf::Unix(s) => s.shutdown(Shutdown::Both),
            WriteHalf::Tcp(s) => s.shutdown(Shutdown::Both),
            WriteHalf::Tls(shared) => {
                let g = shared.lock().unwrap_or_else(|p| p.into_inner());
                g.sock.shutdown(Shutdown::Both)
            }
            WriteHalf::Ssh(s) => {
                s.shutdown();
                Ok(())
            }
        };
    }
}

impl Write for WriteHalf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            WriteHalf::Unix(s) => s.write(buf),
            WriteHalf::Tcp(s) => s.write(buf),
            WriteHalf::Tls(shared) => {
                let mut g = shared.lock().unwrap_or_else(|p| p.into_inner());
                let n = g.write(buf)?;
                g.flush()?;
                Ok(n)
            }
            WriteHalf::Ssh(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            WriteHalf::Unix(s) => s.flush(),
            WriteHalf::Tcp(s) => s.flush(),
            WriteHalf::Tls(shared) => shared.lock().unwrap_or_else(|p| p.into_inner()).flush(),
            WriteHalf::Ssh(s) => s.flush(),
        }
    }
}
