//! The engine client: endpoint resolution, connections, API-version negotiation, typed
//! requests and docker's error wording for everything that can go wrong on the way.

pub mod api;
pub mod go_types;
pub mod host;
pub mod http;
mod list;
pub mod models;
pub mod reference;
pub mod ssh;
pub mod ssh_broker;
pub mod stream;
pub mod timestamp;
mod tls_error;
pub mod transient;
pub mod transport;

#[cfg(test)]
pub(crate) mod testing;

use crate::golang::strconv::go_quote;
use std::cell::RefCell;
use std::io::{self, BufReader, Read};

use serde::de::DeserializeOwned;
use serde::Serialize;

pub use self::host::ClientOptions;
use self::host::Endpoint;
use self::http::{Body, Head};
pub use self::list::Keep;
use self::tls_error::tls_error_text;
use self::transport::{Address, Conn, ReadHalf, WriteHalf};

/// The newest API version this client speaks; the daemon's, if lower, wins.
pub const CLIENT_API_VERSION: &str = "1.50";

/// What a ping's headers say about the daemon (docker's `types.Ping`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PingInfo {
    /// `Api-Version`, if the daemon sent one.
    pub api_version: Option<String>,
    /// `OSType` (`""` when absent, as from Podman 4).
    pub os_type: String,
    /// `Docker-Experimental: true`.
    pub experimental: bool,
}

/// An error talking to the engine, in docker's words.
#[derive(Debug)]
pub enum EngineError {
    /// The daemon could not be reached at all.
    Connect {
        host: String,
        /// `Get "https://host/v1.41/version"`, as Go's client names a request in errors.
        request: String,
        source: io::Error,
    },
    /// The daemon answered with an error status.
    Daemon { status: u16, message: String },
    /// A transport or protocol failure after connecting.
    Io { context: String, source: io::Error },
    /// The daemon's answer could not be decoded.
    Decode(String),
}

impl std::fmt::Display for EngineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EngineError::Connect {
                host,
                request,
                source,
            } => {
                if let Some(ssh) = ssh::ssh_error(source) {
                    // docker's client matches its "connection refused"/"dial unix" test on
                    // the whole text, ssh's stderr included.
                    if ssh.looks_like_daemon_down() {
                        write!(f, "Cannot connect to the Docker daemon at http://{}. Is the docker daemon running?", ssh::DUMMY_HOST)
                    } else {
                        write!(f, "error during connect: {request}: {ssh}")
                    }
                } else if let Some(lookup) = source
                    .get_ref()
                    .and_then(|e| e.downcast_ref::<crate::golang::net::NoSuchHost>())
                {
                    // docker keeps "Cannot connect" for a refused connection or missing socket.
                    write!(f, "error during connect: {request}: dial tcp: {lookup}")
                } else if let Some(tls) = tls_error_text(source) {
                    if tls.starts_with("remote error") {
                        write!(f, "the server probably has client authentication (--tlsverify) enabled; check your TLS client certification settings: {request}: {tls}")
                    } else {
                        write!(f, "error during connect: {request}: {tls}")
                    }
                } else if source.kind() == io::ErrorKind::PermissionDenied {
                    let path = host.strip_prefix("unix://").unwrap_or(host);
                    write!(
                        f,
                        "permission denied while trying to connect to the Docker daemon socket at {host}: dial unix {path}: connect: permission denied"
                    )
                } else {
                    write!(
                        f,
                        "Cannot connect to the Docker daemon at {host}. Is the docker daemon running?"
                    )
                }
            }
            EngineError::Daemon { message, .. } => {
                write!(f, "Error response from daemon: {message}")
            }
            EngineError::Io { context, source } => {
                if context.is_empty() {
                    write!(f, "{source}")
                } else {
                    write!(f, "{context}: {source}")
                }
            }
            EngineError::Decode(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for EngineError {}

/// The errors a reused connection gives when the server had closed it.
fn is_stale_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset | io::ErrorKind::UnexpectedEof
    )
}

/// Go's `Get`, `Post`, `Head` spelling of a method in request errors.
fn go_method(method: &str) -> String {
    let mut s = method.to_ascii_lowercase();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

impl EngineError {
    /// The HTTP status of a daemon error.
    pub fn status(&self) -> Option<u16> {
        match self {
            EngineError::Daemon { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// The HTTP status of an engine error inside `err`, if it is one.
pub fn status_of(err: &anyhow::Error) -> Option<u16> {
    err.downcast_ref::<EngineError>()
        .and_then(EngineError::status)
}

/// Go's `http.StatusText` for the statuses an engine returns.
fn status_text(code: u16) -> &'static str {
    match code {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        409 => "Conflict",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "",
    }
}

type ConnReader = BufReader<Conn>;

/// A streaming response: status, headers, and the body as `Read`.
pub struct Response {
    pub head: Head,
    pub body: Body<ConnReader>,
}

impl Read for Response {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.body.read(buf)
    }
}

impl stream::ReadyRead for Response {
    fn ready(&self) -> bool {
        self.body.ready()
    }
}

/// The two halves of a hijacked (101 Upgraded) attach connection.
pub struct Upgraded {
    pub head: Head,
    pub reader: io::Chain<io::Cursor<Vec<u8>>, ReadHalf>,
    pub writer: WriteHalf,
}

/// A blocking engine client. One per command; not shared between threads. Commands call its
/// typed endpoints (`api`); the raw request methods are the engine's own.
pub struct Client {
    endpoint: Endpoint,
    version: RefCell<Option<String>>,
    /// The `OSType` header of the ping that negotiated the version (`""` when the daemon sent
    /// none, as Podman 4 does); `None` before any ping.
    os_type: RefCell<Option<String>>,
    /// That ping came from Podman (it names its own API version, `Libpod-Api-Version`).
    libpod: std::cell::Cell<bool>,
    /// That ping said `Docker-Experimental: true`.
    experimental: std::cell::Cell<bool>,
    headers: Vec<(String, String)>,
    idle: RefCell<Option<ConnReader>>,
    /// The last response said `Connection: close`: don't keep its connection.
    closing: std::cell::Cell<bool>,
    host_header: String,
}

impl Client {
    /// A client for the endpoint the options resolve to (host, context, TLS).
    pub fn from_options(opts: &ClientOptions) -> Result<Client, host::EndpointError> {
        let endpoint = host::resolve(opts)?;
        let mut headers = vec![(
            "User-Agent".to_string(),
            format!("dkr/{} (linux)", env!("CARGO_PKG_VERSION")),
        )];
        headers.extend(opts.headers.iter().cloned());
        Ok(Client::new(endpoint, headers, opts.api_version.clone()))
    }

    pub fn new(
        endpoint: Endpoint,
        headers: Vec<(String, String)>,
        fixed: Option<String>,
    ) -> Client {
        let host_header = match &endpoint.address {
            Address::Unix(_) => "api.moby.localhost".to_string(),
            Address::Tcp { host, port } => format!("{host}:{port}"),
            Address::Ssh(_) => ssh::DUMMY_HOST.to_string(),
        };
        Client {
            endpoint,
            version: RefCell::new(fixed),
            os_type: RefCell::new(None),
            libpod: std::cell::Cell::new(false),
            experimental: std::cell::Cell::new(false),
            headers,
            idle: RefCell::new(None),
            closing: std::cell::Cell::new(false),
            host_header,
        }
    }

    /// Another client for the same endpoint, headers and negotiated API version, to be moved
    /// to another thread (`Client` is not `Sync`): run's wait/resize/signal threads, stop's
    /// parallel requests.
    pub fn fork(&self) -> Client {
        Client {
            endpoint: self.endpoint.clone(),
            version: RefCell::new(Some(self.api_version())),
            os_type: RefCell::new(self.os_type.borrow().clone()),
            libpod: std::cell::Cell::new(self.libpod.get()),
            experimental: std::cell::Cell::new(self.experimental.get()),
            headers: self.headers.clone(),
            idle: RefCell::new(None),
            closing: std::cell::Cell::new(false),
            host_header: self.host_header.clone(),
        }
    }

    /// Give up the idle connection: closed, or for ssh left to the next client that dials
    /// (an ssh connection costs a process and a remote session).
    fn release_idle(&self) {
        if let Some(conn) = self.idle.borrow_mut().take() {
            conn.into_inner().release();
        }
    }

    /// A raw connection to the engine, no HTTP (`system dial-stdio`); the error is Go's
    /// dial error (`dial unix /x.sock: connect: no such file or directory`).
    pub fn dial_raw(&self) -> Result<Conn, String> {
        Conn::connect(&self.endpoint.address, self.endpoint.tls.as_ref()).map_err(|e| {
            let why = stream::go_errno_text(&e);
            match &self.endpoint.address {
                Address::Unix(path) => format!("dial unix {path}: connect: {why}"),
                Address::Tcp { host, port } => format!("dial tcp {host}:{port}: connect: {why}"),
                Address::Ssh(_) => e.to_string(),
            }
        })
    }

    /// The host as docker prints it (`unix:///var/run/docker.sock`).
    pub fn host(&self) -> &str {
        &self.endpoint.display
    }

    /// A new connection. `method` and `target` only name the request in errors.
    fn dial(&self, method: &str, target: &str) -> Result<ConnReader, EngineError> {
        self.dial_for(method, target, false)
    }

    /// [`Client::dial`], for a connection that will be hijacked when `hijack`.
    fn dial_for(
        &self,
        method: &str,
        target: &str,
        hijack: bool,
    ) -> Result<ConnReader, EngineError> {
        Conn::connect_for(&self.endpoint.address, self.endpoint.tls.as_ref(), hijack)
            .map(|c| BufReader::with_capacity(64 * 1024, c))
            .map_err(|source| EngineError::Connect {
                host: self.endpoint.display.clone(),
                request: format!("{} {}", go_method(method), go_quote(&self.url(target))),
                source,
            })
    }

    fn url(&self, path: &str) -> String {
        let scheme = if self.endpoint.tls.is_some() {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://{}{path}", self.host_header)
    }

    /// The API version to use, negotiated with `HEAD /_ping` on first use (unless fixed by
    /// `DOCKER_API_VERSION`). A failed ping is silent; the next request reports the error.
    pub fn api_version(&self) -> String {
        self.negotiate()
            .unwrap_or_else(|_| CLIENT_API_VERSION.to_string())
    }

    /// [`Client::api_version`] for the commands whose docker pings first and reports a daemon
    /// it cannot reach as that ping's failure (`images`, `run`: `Head "…/_ping"`).
    pub fn negotiate(&self) -> Result<String, EngineError> {
        if let Some(v) = self.version.borrow().as_ref() {
            return Ok(v.clone());
        }
        let v = match self.ping_api_version() {
            Ok(server) => negotiated(server),
            Err(e @ EngineError::Connect { .. }) => return Err(e),
            // Keep the client's own version (as docker does) and ask again later.
            Err(_) => return Ok(CLIENT_API_VERSION.to_string()),
        };
        *self.version.borrow_mut() = Some(v.clone());
        Ok(v)
    }

    /// The daemon's OS as its ping said (docker's `ServerInfo().OSType`): `"linux"`, or `""`
    /// when the daemon names none (Podman 4). Asks the daemon only if no ping was made yet
    /// (and then only when the version is not fixed); without an answer, `"linux"`.
    pub fn os_type(&self) -> String {
        let _ = self.api_version();
        self.os_type
            .borrow()
            .clone()
            .unwrap_or_else(|| "linux".to_string())
    }

    /// Whether the daemon is Podman, as its ping said (after version negotiation; `false`
    /// when the version was fixed and no ping was made). Only for Podman's known gaps in the
    /// Docker API, never to change what docker would print.
    pub fn is_podman(&self) -> bool {
        let _ = self.api_version();
        self.libpod.get()
    }

    /// Whether the daemon has experimental features on, as its ping said (docker's
    /// `ServerInfo().HasExperimental`). Without an answer to the ping, `true`, as docker
    /// assumes ("default to true if we fail to connect to daemon"): the request that follows
    /// then reports the daemon.
    pub fn experimental(&self) -> bool {
        let _ = self.api_version();
        self.os_type.borrow().is_none() || self.experimental.get()
    }

    /// `HEAD /_ping`'s `Api-Version`, remembering `OSType`.
    fn ping_api_version(&self) -> Result<Option<String>, EngineError> {
        self.ping_info().map(|p| p.api_version)
    }

    /// `HEAD /_ping` (then `GET` if the daemon refuses HEAD): what its headers say (docker's
    /// `client.Ping`), whatever the API version; remembers `OSType`.
    pub fn ping_info(&self) -> Result<PingInfo, EngineError> {
        for method in ["HEAD", "GET"] {
            let (head, body) = self.exchange(method, "/_ping", None, &[])?;
            let complete = self.finish(body)?;
            let _ = complete;
            if head.status == 200 || head.status == 500 || method == "GET" {
                let os_type = head.header("OSType").unwrap_or_default().to_string();
                *self.os_type.borrow_mut() = Some(os_type.clone());
                self.libpod.set(head.header("Libpod-Api-Version").is_some());
                let experimental = head.header("Docker-Experimental") == Some("true");
                self.experimental.set(experimental);
                return Ok(PingInfo {
                    api_version: head.header("Api-Version").map(str::to_string),
                    os_type,
                    experimental,
                });
            }
        }
        Ok(PingInfo::default())
    }

    /// Send one request and read the response head.
    fn exchange(
        &self,
        method: &str,
        target: &str,
        body: Option<(&[u8], &str)>,
        extra: &[(String, String)],
    ) -> Result<(Head, Body<ConnReader>), EngineError> {
        let idle = self.idle.borrow_mut().take();
        let reused = idle.is_some();
        let mut conn = match idle {
            Some(c) => c,
            None => {
                let hijack = extra.iter().any(|(k, _)| k == "Upgrade");
                self.dial_for(method, target, hijack)?
            }
        };
        let mut headers = self.headers.clone();
        if let Some((_, ctype)) = body {
            headers.push(("Content-Type".into(), ctype.into()));
        }
        headers.extend_from_slice(extra);
        let request = format!("{} {}", go_method(method), go_quote(&self.url(target)));
        let io_err = |source: io::Error| {
            // With TLS 1.3 a refused client certificate surfaces on the first read; an ssh
            // that could not connect, on the first read or write.
            if tls_error_text(&source).is_some() || ssh::ssh_error(&source).is_some() {
                EngineError::Connect {
                    host: self.endpoint.display.clone(),
                    request: request.clone(),
                    source,
                }
            } else {
                EngineError::Io {
                    context: format!("error during connect: {request}"),
                    source,
                }
            }
        };
        let send = |conn: &mut ConnReader| -> io::Result<Head> {
            http::write_request(
                conn.get_mut(),
                method,
                target,
                &self.host_header,
                &headers,
                body.map(|(b, _)| b),
            )?;
            http::read_head(conn)
        };
        let head = match send(&mut conn) {
            Ok(head) => head,
            // A kept-alive connection the server closed meanwhile: nothing was processed, so
            // send again on a fresh one (as Go's transport does).
            Err(e) if reused && is_stale_connection(&e) => {
                conn = self.dial(method, target)?;
                send(&mut conn).map_err(io_err)?
            }
            Err(e) => return Err(io_err(e)),
        };
        let framing = http::Framing::of(method, &head).map_err(io_err)?;
        self.closing.set(
            head.header("Connection")
                .is_some_and(|c| c.eq_ignore_ascii_case("close")),
        );
        Ok((head, Body::new(conn, framing)))
    }

    /// Drain a small body and keep the connection for the next request when possible.
    fn finish(&self, mut body: Body<ConnReader>) -> Result<Vec<u8>, EngineError> {
        let mut buf = Vec::new();
        (&mut body)
            .take(MAX_ANSWER_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|source| EngineError::Io {
                context: String::new(),
                source,
            })?;
        if buf.len() as u64 > MAX_ANSWER_BYTES {
            return Err(EngineError::Decode(
                "the daemon's answer is larger than 128 MiB".into(),
            ));
        }
        if body.is_complete() && !self.closing.get() {
            let conn = body.into_inner();
            // Bytes past the body mean the stream is out of step: never reuse it.
            if conn.buffer().is_empty() {
                *self.idle.borrow_mut() = Some(conn);
            }
        }
        Ok(buf)
    }

    /// `/v1.41/path?query` for a path under the API.
    fn versioned(&self, path_and_query: &str) -> String {
        format!("/v{}{}", self.api_version(), path_and_query)
    }

    /// Send a request to the versioned API and return the streaming response, turning error
    /// statuses (≥ 400) into [`EngineError::Daemon`].
    fn request(
        &self,
        method: &str,
        path_and_query: &str,
        body: Option<(&[u8], &str)>,
        extra: &[(String, String)],
    ) -> Result<Response, EngineError> {
        let target = self.versioned(path_and_query);
        let (head, body) = self.exchange(method, &target, body, extra)?;
        if head.status >= 400 {
            let bytes = self.finish(body).unwrap_or_default();
            return Err(self.daemon_error(&head, &bytes, &target));
        }
        Ok(Response { head, body })
    }

    fn daemon_error(&self, head: &Head, body: &[u8], target: &str) -> EngineError {
        let message = if body.is_empty() {
            return EngineError::Decode(format!(
                "request returned {} for API route and version {}, check if the server supports the requested API version",
                status_text(head.status),
                self.url(target)
            ));
        } else if head
            .header("Content-Type")
            .is_some_and(|c| c.starts_with("application/json"))
        {
            match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(v) => v["message"].as_str().unwrap_or("").trim().to_string(),
                Err(e) => format!("Error reading JSON: {e}"),
            }
        } else {
            String::from_utf8_lossy(body).trim().to_string()
        };
        EngineError::Daemon {
            status: head.status,
            message,
        }
    }

    /// A request whose whole (small) response body is read; the connection is reused.
    fn call(
        &self,
        method: &str,
        path_and_query: &str,
        body: Option<(&[u8], &str)>,
        extra: &[(String, String)],
    ) -> Result<(Head, Vec<u8>), EngineError> {
        let resp = self.request(method, path_and_query, body, extra)?;
        let bytes = self.finish(resp.body)?;
        Ok((resp.head, bytes))
    }

    /// `GET` a JSON document.
    fn get_json<T: DeserializeOwned>(&self, path_and_query: &str) -> Result<T, EngineError> {
        let (_, bytes) = self.call("GET", path_and_query, None, &[])?;
        decode(&bytes)
    }

    /// `POST` a JSON body and decode a JSON answer.
    fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path_and_query: &str,
        body: &B,
    ) -> Result<T, EngineError> {
        let json = serde_json::to_vec(body).map_err(|e| EngineError::Decode(e.to_string()))?;
        let (_, bytes) = self.call(
            "POST",
            path_and_query,
            Some((&json, "application/json")),
            &[],
        )?;
        decode(&bytes)
    }

    /// `POST` with no body, ignoring the answer's body.
    fn post(&self, path_and_query: &str) -> Result<Head, EngineError> {
        let (head, _) = self.call("POST", path_and_query, None, &[])?;
        Ok(head)
    }

    /// `HEAD` a path under the API: the response head, error statuses as daemon errors.
    fn head(&self, path_and_query: &str) -> Result<Head, EngineError> {
        let resp = self.request("HEAD", path_and_query, None, &[])?;
        let head = resp.head.clone();
        self.finish(resp.body)?;
        Ok(head)
    }

    /// A request whose body `body` writes as it goes (chunked, on a connection of its own),
    /// then the streaming response, error statuses as daemon errors. When the connection
    /// breaks under the body, the daemon's answer is still read if it sent one (it refuses
    /// some requests before reading their body); an error of `body`'s own source is returned
    /// as it is.
    fn send_streaming(
        &self,
        method: &str,
        path_and_query: &str,
        content_type: &str,
        body: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<Response, EngineError> {
        let target = self.versioned(path_and_query);
        // A kept-alive connection may have been closed by the server meanwhile, and a body
        // already sent cannot be sent again: start clean.
        self.release_idle();
        let mut conn = self.dial(method, &target)?;
        let mut headers = self.headers.clone();
        headers.push(("Content-Type".into(), content_type.into()));
        let request = format!("{} {}", go_method(method), go_quote(&self.url(&target)));
        let io_err = |source: io::Error| EngineError::Io {
            context: format!("error during connect: {request}"),
            source,
        };
        let mut broken = false;
        let sent = (|| -> io::Result<()> {
            http::write_chunked_head(conn.get_mut(), method, &target, &self.host_header, &headers)
                .inspect_err(|_| broken = true)?;
            let tracked = Tracked {
                inner: conn.get_mut(),
                broken: &mut broken,
            };
            let mut w = io::BufWriter::with_capacity(256 * 1024, http::ChunkedWriter::new(tracked));
            body(&mut w)?;
            w.into_inner()
                .map_err(io::IntoInnerError::into_error)?
                .finish()
                .map(|_| ())
        })();
        if let Err(e) = sent {
            if !broken {
                return Err(EngineError::Io {
                    context: String::new(),
                    source: e,
                });
            }
            // The daemon may have answered and closed: its answer says why.
            let Ok(head) = http::read_head(&mut conn) else {
                return Err(io_err(e));
            };
            let framing = http::Framing::of(method, &head).map_err(io_err)?;
            let bytes = self.finish(Body::new(conn, framing)).unwrap_or_default();
            if head.status >= 400 {
                return Err(self.daemon_error(&head, &bytes, &target));
            }
            return Err(io_err(e));
        }
        let head = http::read_head(&mut conn).map_err(io_err)?;
        let framing = http::Framing::of(method, &head).map_err(io_err)?;
        self.closing.set(true);
        let body = Body::new(conn, framing);
        if head.status >= 400 {
            let bytes = self.finish(body).unwrap_or_default();
            return Err(self.daemon_error(&head, &bytes, &target));
        }
        Ok(Response { head, body })
    }

    /// `POST` with `Connection: Upgrade` (attach, exec start) and an optional body; returns
    /// the hijacked connection.
    fn upgrade(
        &self,
        path_and_query: &str,
        body: Option<(&[u8], &str)>,
    ) -> Result<Upgraded, EngineError> {
        let target = self.versioned(path_and_query);
        // Never reuse this client's idle connection for a hijack: start clean.
        self.release_idle();
        let extra = [
            ("Connection".to_string(), "Upgrade".to_string()),
            ("Upgrade".to_string(), "tcp".to_string()),
        ];
        let (head, body) = self.exchange("POST", &target, body, &extra)?;
        if head.status >= 400 {
            let bytes = self.finish(body).unwrap_or_default();
            return Err(self.daemon_error(&head, &bytes, &target));
        }
        let reader = body.into_inner();
        let buffered = reader.buffer().to_vec();
        let conn = reader.into_inner();
        let (r, w) = conn.split().map_err(|source| EngineError::Io {
            context: String::new(),
            source,
        })?;
        Ok(Upgraded {
            head,
            reader: io::Cursor::new(buffered).chain(r),
            writer: w,
        })
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.release_idle();
    }
}

/// A connection writer that remembers a failed write, so a failure of the connection can be
/// told from one of the body's own source.
struct Tracked<'a, W: io::Write> {
    inner: &'a mut W,
    broken: &'a mut bool,
}

impl<W: io::Write> io::Write for Tracked<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|_| *self.broken = true)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|_| *self.broken = true)
    }
}

/// Decode JSON from the daemon (lenient models: unknown fields ignored). Invalid UTF-8 inside
/// it (a container name) becomes U+FFFD, one per bad byte, as Go's decoder does, instead of
/// failing the whole listing.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, EngineError> {
    let text;
    let bytes = match std::str::from_utf8(bytes) {
        Ok(_) => bytes,
        Err(_) => {
            text = crate::golang::utf8::to_valid_lossy(bytes);
            text.as_bytes()
        }
    };
    serde_json::from_slice(bytes)
        .map_err(|e| EngineError::Decode(format!("Error reading JSON: {e}")))
}

/// The largest answer read into memory (a listing, an inspect): far above what 10,000
/// containers take (about 30 MB), so an endless or runaway body ends with an error instead
/// of taking all memory.
pub const MAX_ANSWER_BYTES: u64 = 128 * 1024 * 1024;

/// The API version to use given the `Api-Version` a ping answered (docker's
/// `NegotiateAPIVersionPing`): the daemon's if older than the client's, `1.24` if it named none.
pub fn negotiated(server: Option<String>) -> String {
    match server {
        Some(server) if version_lt(&server, CLIENT_API_VERSION) => server,
        Some(_) => CLIENT_API_VERSION.to_string(),
        None => "1.24".to_string(),
    }
}

/// `a < b` for dotted API versions (`1.41` < `1.50`).
pub fn version_lt(a: &str, b: &str) -> bool {
    let parse = |s: &str| -> Vec<u64> { s.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    let (a, b) = (parse(a), parse(b));
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (
            a.get(i).copied().unwrap_or(0),
            b.get(i).copied().unwrap_or(0),
        );
        if x != y {
            return x < y;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        assert!(version_lt("1.41", "1.50"));
        assert!(version_lt("1.9", "1.41"));
        assert!(!version_lt("1.50", "1.50"));
    }
}
