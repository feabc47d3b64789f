//! Which engine to talk to and how: docker's endpoint order (`--context` > `-H` >
//! `DOCKER_HOST` > `DOCKER_CONTEXT` > config `currentContext` > the default socket), host
//! string parsing (`opts/hosts.go`), a context's endpoint (read by `config::contexts`), the TLS
//! settings (`DOCKER_TLS_VERIFY`, `DOCKER_CERT_PATH`, `--tls*`) and, for `ssh://`, dkr's
//! `DKR_SSH_PERSIST` (or a context's `DkrSSHPersist` metadata).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ClientConfig;

use super::transport::Address;

pub const DEFAULT_UNIX_SOCKET: &str = "/var/run/docker.sock";

/// Everything the client needs to know to reach the engine, as plain values: the command line
/// fills it from the global flags, the config file and the environment, so the engine never
/// looks at either of the first two (docker's `ClientOptions` + `resolveDockerEndpoint` inputs).
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// `-H`, as many as were given (more than one is an error at resolution time).
    pub hosts: Vec<String>,
    /// `--context`.
    pub context: Option<String>,
    /// `--tls`, `--tlsverify` and the three `--tls*` file flags.
    pub tls: bool,
    pub tlsverify: bool,
    pub tlscacert: Option<String>,
    pub tlscert: Option<String>,
    pub tlskey: Option<String>,
    /// The configuration directory (contexts and default certificates live under it).
    pub config_dir: PathBuf,
    /// config.json's `currentContext`.
    pub current_context: Option<String>,
    /// The environment variables that take part in resolution, each only when non-empty.
    pub env: EndpointEnv,
    /// Headers sent with every request: config.json's `HttpHeaders`, then
    /// `DOCKER_CUSTOM_HEADERS`.
    pub headers: Vec<(String, String)>,
    /// `DOCKER_API_VERSION`: skip negotiation and use this version.
    pub api_version: Option<String>,
}

/// `DOCKER_HOST`, `DOCKER_CONTEXT`, `DOCKER_TLS_VERIFY`, `DOCKER_TLS`, `DOCKER_CERT_PATH`
/// (each `None` when unset or empty, as docker treats an empty value as unset).
#[derive(Debug, Clone, Default)]
pub struct EndpointEnv {
    pub docker_host: Option<String>,
    pub docker_context: Option<String>,
    pub tls_verify: Option<String>,
    pub tls: Option<String>,
    pub cert_path: Option<String>,
    /// `DKR_SSH_PERSIST` (dkr's own): keep an `ssh://` connection open for later commands.
    pub ssh_persist: Option<String>,
}

impl EndpointEnv {
    /// The process environment.
    pub fn from_process() -> EndpointEnv {
        EndpointEnv {
            docker_host: env_nonempty("DOCKER_HOST"),
            docker_context: env_nonempty("DOCKER_CONTEXT"),
            tls_verify: env_nonempty("DOCKER_TLS_VERIFY"),
            tls: env_nonempty("DOCKER_TLS"),
            cert_path: env_nonempty("DOCKER_CERT_PATH"),
            ssh_persist: env_nonempty("DKR_SSH_PERSIST"),
        }
    }
}

impl ClientOptions {
    /// Whether TLS is on (`--tls`, `--tlsverify`, `DOCKER_TLS`, `DOCKER_TLS_VERIFY`: any
    /// non-empty value), and if so whether the server is verified.
    pub fn tls_verify(&self) -> Option<bool> {
        let verify = self.tlsverify || self.env.tls_verify.is_some();
        (verify || self.tls || self.env.tls.is_some()).then_some(verify)
    }

    /// The host of the `default` context: `-H`, else `DOCKER_HOST`, normalised as docker's
    /// `ParseHost` (TCP on 2376 when TLS is on and nothing is given).
    pub fn default_host(&self) -> Result<String, String> {
        let raw = self
            .hosts
            .first()
            .cloned()
            .or_else(|| self.env.docker_host.clone())
            .unwrap_or_default();
        parse_host(&raw, self.tls_verify().is_some())
    }

    /// The context this invocation uses, if any: `--context`, else (when neither `-H` nor
    /// `DOCKER_HOST` is set) `DOCKER_CONTEXT`, else config.json's `currentContext`.
    pub fn context_name(&self) -> Option<String> {
        if let Some(c) = &self.context {
            Some(c.clone())
        } else if !self.hosts.is_empty() || self.env.docker_host.is_some() {
            None
        } else if let Some(c) = &self.env.docker_context {
            Some(c.clone())
        } else {
            self.current_context.clone()
        }
    }
}

/// A resolved endpoint.
#[derive(Clone)]
pub struct Endpoint {
    /// The host as docker prints it in errors (`unix:///var/run/docker.sock`, `tcp://h:2375`).
    pub display: String,
    pub address: Address,
    /// TLS client settings for `tcp://`.
    pub tls: Option<Arc<ClientConfig>>,
}

/// Why an endpoint could not be resolved; printed as
/// `Failed to initialize: unable to resolve docker endpoint: <reason>` unless noted.
#[derive(Debug)]
pub enum EndpointError {
    /// Printed bare: `conflicting options: …`.
    Conflict(String),
    Resolve(String),
    /// TLS material that was read but is unusable, printed as `Failed to initialize: <reason>`
    /// (docker finds it later, in `Endpoint.tlsConfig`, outside "resolve docker endpoint").
    Init(String),
}

impl std::fmt::Display for EndpointError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EndpointError::Conflict(m) => f.write_str(m),
            EndpointError::Resolve(m) => write!(
                f,
                "Failed to initialize: unable to resolve docker endpoint: {m}"
            ),
            EndpointError::Init(m) => write!(f, "Failed to initialize: {m}"),
        }
    }
}

impl std::error::Error for EndpointError {}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The host a parsed `-H`/`DOCKER_HOST` value stands for, normalised as docker's
/// `ParseHost(defaultToTLS, val)`.
pub fn parse_host(val: &str, default_to_tls: bool) -> Result<String, String> {
    let val = val.trim();
    if val.is_empty() {
        return Ok(if default_to_tls {
            "tcp://localhost:2376".to_string()
        } else {
            format!("unix://{DEFAULT_UNIX_SOCKET}")
        });
    }
    let (proto, rest) = match val.split_once("://") {
        Some((p, r)) => (p.to_ascii_lowercase(), r.to_string()),
        None => ("tcp".to_string(), val.to_string()),
    };
    match proto.as_str() {
        "unix" => {
            let path = if rest.is_empty() {
                DEFAULT_UNIX_SOCKET.to_string()
            } else {
                rest
            };
            Ok(format!("unix://{path}"))
        }
        "tcp" => {
            if let Some(colon_port) = invalid_url_port(&rest) {
                // docker's ParseTCPAddr runs the address through Go's url.Parse first.
                use crate::golang::strconv::quote;
                return Err(format!(
                    "parse {}: invalid port {} after host",
                    quote(&format!("tcp://{rest}")),
                    quote(colon_port)
                ));
            }
            let (host, port) = split_host_port(&rest)
                .ok_or_else(|| format!("invalid bind address format: {val}"))?;
            let host = if host.is_empty() {
                "localhost".to_string()
            } else {
                host
            };
            let port = match port {
                Some(p) if !p.is_empty() => p,
                _ => "2375".to_string(),
            };
            if port.parse::<u16>().is_err() {
                return Err(format!("invalid bind address format: {val}"));
            }
            let host = if host.contains(':') && !host.starts_with('[') {
                format!("[{host}]")
            } else {
                host
            };
            Ok(format!("tcp://{host}:{port}"))
        }
        "fd" | "npipe" | "ssh" => Ok(val.to_string()),
        _ => Err(format!("invalid bind address format: {val}")),
    }
}

/// The `:port` of `host:port[/path]` when Go's url.Parse refuses it (`validOptionalPort`: a
/// colon and digits only), as in `tcp://bad:notaport`.
fn invalid_url_port(rest: &str) -> Option<&str> {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let colon_port = if let Some(bracketed) = host.strip_prefix('[') {
        &bracketed[bracketed.find(']')? + 1..]
    } else {
        &host[host.rfind(':')?..]
    };
    let valid = colon_port.is_empty()
        || colon_port
            .strip_prefix(':')
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()));
    (!valid).then_some(colon_port)
}

/// Split `host[:port][/path]` into host and port.
fn split_host_port(s: &str) -> Option<(String, Option<String>)> {
    let s = s.split('/').next().unwrap_or("");
    if let Some(rest) = s.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        let port = after.strip_prefix(':').map(str::to_string);
        if !after.is_empty() && port.is_none() {
            return None;
        }
        return Some((host.to_string(), port));
    }
    match s.rsplit_once(':') {
        Some((h, p)) if !h.contains(':') => Some((h.to_string(), Some(p.to_string()))),
        Some(_) => None,
        None => Some((s.to_string(), None)),
    }
}

/// The address to dial for a normalised host string.
fn address_of(host: &str) -> Result<Address, String> {
    if let Some(path) = host.strip_prefix("unix://") {
        return Ok(Address::Unix(path.to_string()));
    }
    if let Some(rest) = host.strip_prefix("tcp://") {
        let (h, p) =
            split_host_port(rest).ok_or_else(|| format!("invalid bind address format: {host}"))?;
        let port = p.and_then(|p| p.parse().ok()).unwrap_or(2375);
        return Ok(Address::Tcp { host: h, port });
    }
    Err(format!(
        "protocol not supported by dkr yet: {}",
        host.split("://").next().unwrap_or(host)
    ))
}

/// The address of `host`; an `ssh://` URL checked as docker's connection helper checks it
/// (its errors are `Failed to initialize: …`, outside endpoint resolution), with the
/// `DKR_SSH_PERSIST` setting (`persist`: the variable, else the context's).
fn address_for(host: &str, persist: Option<&str>) -> Result<Address, EndpointError> {
    if !host
        .get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("ssh://"))
    {
        return address_of(host).map_err(EndpointError::Resolve);
    }
    let spec = super::ssh::parse_url(host).map_err(EndpointError::Init)?;
    let persist = match persist {
        Some(v) => super::ssh::parse_persist(v)
            .map_err(|e| EndpointError::Init(format!("DKR_SSH_PERSIST: {e}")))?,
        None => None,
    };
    Ok(Address::Ssh(Box::new(super::ssh::SshTarget {
        url: host.to_string(),
        spec,
        persist,
    })))
}

/// TLS material and mode.
pub(crate) struct TlsSettings {
    pub(crate) verify: bool,
    pub(crate) ca: Option<PathBuf>,
    pub(crate) cert: Option<PathBuf>,
    pub(crate) key: Option<PathBuf>,
    /// Which of the three were named explicitly (missing named files are errors).
    pub(crate) explicit: [bool; 3],
}

/// The TLS material and mode the flags and environment ask for (`None`: no TLS).
pub(crate) fn tls_settings(opts: &ClientOptions) -> Option<TlsSettings> {
    let verify = opts.tls_verify()?;
    let cert_dir = opts
        .env
        .cert_path
        .as_ref()
        .map(PathBuf::from)
        .unwrap_or_else(|| opts.config_dir.clone());
    let pick = |flag: &Option<String>, file: &str| -> (Option<PathBuf>, bool) {
        match flag {
            Some(p) => (Some(PathBuf::from(p)), true),
            None => (Some(cert_dir.join(file)), false),
        }
    };
    let (ca, e0) = pick(&opts.tlscacert, "ca.pem");
    let (cert, e1) = pick(&opts.tlscert, "cert.pem");
    let (key, e2) = pick(&opts.tlskey, "key.pem");
    Some(TlsSettings {
        verify,
        ca,
        cert,
        key,
        explicit: [e0, e1, e2],
    })
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        format!("open {}: {reason}", path.display())
    })
}

/// Build a rustls client config from the settings (docker's `tlsconfig.Client`). Files that
/// cannot be read fail endpoint resolution; files that are read but unusable fail as docker's
/// `Endpoint.tlsConfig` does (`failed to retrieve context tls info: …`).
fn build_tls(s: &TlsSettings) -> Result<Arc<ClientConfig>, EndpointError> {
    let resolve = EndpointError::Resolve;
    let tls_info =
        |m: &str| EndpointError::Init(format!("failed to retrieve context tls info: {m}"));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| resolve(e.to_string()))?;
    // The CA file must exist whenever TLS is on, even without verification (docker:
    // `open ~/.docker/ca.pem: no such file or directory`); only cert and key may be missing.
    let ca_pem = match &s.ca {
        Some(path) => Some(read_file(path).map_err(resolve)?),
        None => None,
    };
    // Go's `AppendCertsFromPEM`: blocks that are not certificates, or do not parse, are
    // skipped; a file without a single usable certificate is invalid, with or without
    // verification, and docker names it `ca.pem` whatever the file is called.
    let mut roots = rustls::RootCertStore::empty();
    if let Some(pem) = &ca_pem {
        for cert in CertificateDer::pem_slice_iter(pem).flatten() {
            let _ = roots.add(cert);
        }
        if roots.is_empty() {
            return Err(tls_info("ca.pem seems invalid"));
        }
    } else if s.verify {
        // No CA file (a context without `ca=`): Go verifies against the system's roots.
        for pem in &crate::golang::x509::system_roots() {
            for cert in CertificateDer::pem_slice_iter(pem).flatten() {
                let _ = roots.add(cert);
            }
        }
    }
    let builder = if s.verify {
        builder.with_root_certificates(roots)
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerify(provider.clone())))
    };
    // Client certificate and key: dropped silently when missing and not named by a flag.
    let cert = match &s.cert {
        Some(p) if s.explicit[1] => Some(read_file(p).map_err(resolve)?),
        Some(p) => std::fs::read(p).ok(),
        None => None,
    };
    let key = match &s.key {
        Some(p) if s.explicit[2] => Some(read_file(p).map_err(resolve)?),
        Some(p) => std::fs::read(p).ok(),
        None => None,
    };
    let config = match (cert, key) {
        (Some(cert), Some(key)) => {
            // docker looks for a PEM block in the key before anything else.
            if !key.windows(11).any(|w| w == b"-----BEGIN ") {
                return Err(EndpointError::Init("no valid private key found".into()));
            }
            let chain: Vec<CertificateDer<'static>> =
                CertificateDer::pem_slice_iter(&cert).flatten().collect();
            if chain.is_empty() {
                return Err(tls_info(
                    "tls: failed to find any PEM data in certificate input",
                ));
            }
            // PKCS#1, PKCS#8 and SEC1 keys all parse here.
            let key = PrivateKeyDer::from_pem_slice(&key)
                .map_err(|_| tls_info("tls: failed to parse private key"))?;
            let mismatch = key_mismatch_text(&provider, &chain[0], &key);
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| match e {
                    rustls::Error::InconsistentKeys(_) => tls_info(mismatch),
                    other => tls_info(&format!("tls: {other}")),
                })?
        }
        _ => builder.with_no_client_auth(),
    };
    Ok(Arc::new(config))
}

/// Go's `tls.X509KeyPair` text for a key that does not belong to the certificate: a key of
/// another type (RSA for an ECDSA certificate) is said so. The key's type is the algorithm
/// identifier of its public key; the certificate is of that type when its DER holds the same
/// identifier (signature algorithms have other OIDs: `sha256WithRSAEncryption` is not
/// `rsaEncryption`, `ecdsa-with-SHA256` is not `ecPublicKey`).
fn key_mismatch_text(
    provider: &rustls::crypto::CryptoProvider,
    cert: &CertificateDer<'_>,
    key: &PrivateKeyDer<'_>,
) -> &'static str {
    const SAME_TYPE: &str = "tls: private key does not match public key";
    const OTHER_TYPE: &str = "tls: private key type does not match public key type";
    let spki = provider
        .key_provider
        .load_private_key(key.clone_key())
        .ok()
        .and_then(|k| k.public_key().map(|p| p.into_owned()));
    // SubjectPublicKeyInfo ::= SEQUENCE { SEQUENCE { OID, params }, BIT STRING }: the OID's
    // TLV follows the two SEQUENCE headers.
    let oid = spki.as_ref().and_then(|spki| {
        let der: &[u8] = spki.as_ref();
        let inner = der_content_start(der)?;
        let oid_at = inner + der_content_start(der.get(inner..)?)?;
        let len = usize::from(*der.get(oid_at + 1)?);
        der.get(oid_at..oid_at + 2 + len)
    });
    match oid {
        Some(oid) if !cert.as_ref().windows(oid.len()).any(|w| w == oid) => OTHER_TYPE,
        _ => SAME_TYPE,
    }
}

/// Where the content of the DER element at the start of `der` begins (its header's length).
fn der_content_start(der: &[u8]) -> Option<usize> {
    let first = *der.get(1)?;
    if first < 0x80 {
        Some(2)
    } else {
        Some(2 + usize::from(first & 0x7f))
    }
}

/// `--tls` without `--tlsverify`: encrypt, but accept any server certificate (docker's
/// `InsecureSkipVerify`).
#[derive(Debug)]
struct NoVerify(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &rustls::pki_types::ServerName<'_>,
        _: &[u8],
        _: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A context endpoint's TLS (docker's `Endpoint.tlsConfig`): none without TLS files and without
/// `SkipTLSVerify`; otherwise the CA when there is one, the client pair when both are there.
/// The errors are docker's (`failed to retrieve context tls info: ca.pem seems invalid`, …).
pub fn context_tls(
    ca: Option<PathBuf>,
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
    skip_tls_verify: bool,
) -> Result<Option<Arc<ClientConfig>>, EndpointError> {
    if ca.is_none() && cert.is_none() && key.is_none() && !skip_tls_verify {
        return Ok(None);
    }
    let (cert, key) = match (cert, key) {
        (Some(c), Some(k)) => (Some(c), Some(k)),
        _ => (None, None),
    };
    let s = TlsSettings {
        verify: !skip_tls_verify,
        ca,
        cert,
        key,
        explicit: [true; 3],
    };
    build_tls(&s).map(Some)
}

/// A context's stored endpoint (`contexts/meta/<sha256>/meta.json`).
struct ContextEndpoint {
    host: String,
    skip_tls_verify: bool,
    tls_dir: PathBuf,
    /// `Metadata.DkrSSHPersist` (dkr's own field; docker keeps unknown metadata).
    ssh_persist: Option<String>,
}

fn load_context(config_dir: &Path, name: &str) -> Result<ContextEndpoint, String> {
    let (ep, tls_dir) = crate::config::contexts::docker_endpoint(config_dir, name)?;
    Ok(ContextEndpoint {
        host: ep.host,
        skip_tls_verify: ep.skip_tls_verify,
        tls_dir,
        ssh_persist: crate::config::contexts::dkr_ssh_persist(config_dir, name),
    })
}

/// Resolve the endpoint for this invocation.
pub fn resolve(opts: &ClientOptions) -> Result<Endpoint, EndpointError> {
    if opts.context.is_some() && !opts.hosts.is_empty() {
        return Err(EndpointError::Conflict(
            "conflicting options: cannot specify both --host and --context".into(),
        ));
    }
    if opts.hosts.len() > 1 {
        return Err(EndpointError::Resolve("Specify only one -H".into()));
    }
    let tls = tls_settings(opts);
    if let Some(name) = opts.context_name().filter(|n| n != "default") {
        let ctx = load_context(&opts.config_dir, &name).map_err(EndpointError::Resolve)?;
        let host = parse_host(&ctx.host, false).map_err(EndpointError::Resolve)?;
        let persist = opts
            .env
            .ssh_persist
            .as_deref()
            .or(ctx.ssh_persist.as_deref());
        let address = address_for(&host, persist)?;
        // TLS never applies to local sockets or ssh (cli/context/docker/load.go `isSocket`).
        let tls_config = if host.starts_with("tcp://") {
            let file = |n: &str| Some(ctx.tls_dir.join(n)).filter(|p| p.exists());
            context_tls(
                file("ca.pem"),
                file("cert.pem"),
                file("key.pem"),
                ctx.skip_tls_verify,
            )?
        } else {
            None
        };
        return Ok(Endpoint {
            display: host,
            address,
            tls: tls_config,
        });
    }
    let host = opts.default_host().map_err(EndpointError::Resolve)?;
    let tls_config = match &tls {
        Some(s) => Some(build_tls(s)?),
        None => None,
    };
    let address = address_for(&host, opts.env.ssh_persist.as_deref())?;
    // TLS never applies to local sockets (cli/context/docker/load.go), nor to ssh.
    let tls_config = match address {
        Address::Tcp { .. } => tls_config,
        Address::Unix(_) | Address::Ssh(_) => None,
    };
    Ok(Endpoint {
        display: host,
        address,
        tls: tls_config,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_order_is_flag_then_env_then_config() {
        let mut o = ClientOptions {
            current_context: Some("cfg".into()),
            ..ClientOptions::default()
        };
        assert_eq!(o.context_name().as_deref(), Some("cfg"));
        o.env.docker_context = Some("env".into());
        assert_eq!(o.context_name().as_deref(), Some("env"));
        o.env.docker_host = Some("tcp://h:1".into());
        assert_eq!(o.context_name(), None);
        o.context = Some("flag".into());
        assert_eq!(o.context_name().as_deref(), Some("flag"));
        o.hosts = vec!["tcp://h:2".into()];
        assert_eq!(
            resolve(&o).err().map(|e| e.to_string()).as_deref(),
            Some("conflicting options: cannot specify both --host and --context")
        );
    }

    #[test]
    fn host_parsing_matches_docker() {
        assert_eq!(
            parse_host("", false).unwrap(),
            "unix:///var/run/docker.sock"
        );
        assert_eq!(parse_host("", true).unwrap(), "tcp://localhost:2376");
        assert_eq!(
            parse_host("tcp://127.0.0.1", true).unwrap(),
            "tcp://127.0.0.1:2375"
        );
        assert_eq!(
            parse_host("127.0.0.1:1", false).unwrap(),
            "tcp://127.0.0.1:1"
        );
        assert_eq!(
            parse_host("unix:///x.sock", false).unwrap(),
            "unix:///x.sock"
        );
        assert_eq!(parse_host("tcp://[::1]:5", false).unwrap(), "tcp://[::1]:5");
        assert_eq!(
            parse_host("foo://x", false).unwrap_err(),
            "invalid bind address format: foo://x"
        );
    }
}
