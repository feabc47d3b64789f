//! Registry credentials: config.json `auths`, `credsStore`, `credHelpers`, the
//! `DOCKER_AUTH_CONFIG` environment document, credential-helper programs, and the
//! `X-Registry-Auth` encoding.
//!
//! Mirrors docker/cli v28.2.2 `cli/config/configfile/file.go`, `cli/config/credentials/*.go`
//! and docker-credential-helpers' `client`; `DOCKER_AUTH_CONFIG` follows docker/cli 28.3+
//! (28.2.2 only reads it for `run --use-api-socket`). Secrets never reach `Debug`, logs or
//! error messages: [`AuthConfig`]'s `Debug` redacts them.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ConfigFile;
use crate::engine::reference::Reference;
use crate::golang::json;
use crate::output::Streams;

/// The environment variable holding a config.json-like document of credentials.
pub const ENV_AUTH_CONFIG: &str = "DOCKER_AUTH_CONFIG";
const HELPER_PREFIX: &str = "docker-credential-";
const TOKEN_USERNAME: &str = "<token>";
const NOT_FOUND_MESSAGE: &str = "credentials not found in native keychain";

/// Registry credentials as the engine takes them (`registry.AuthConfig`): JSON keys in Go's
/// field order, empty ones omitted.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthConfig {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub username: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub password: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub auth: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub serveraddress: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub identitytoken: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub registrytoken: String,
}

impl fmt::Debug for AuthConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redact = |s: &str| if s.is_empty() { "" } else { "<redacted>" };
        f.debug_struct("AuthConfig")
            .field("username", &self.username)
            .field("password", &redact(&self.password))
            .field("auth", &redact(&self.auth))
            .field("email", &self.email)
            .field("serveraddress", &self.serveraddress)
            .field("identitytoken", &redact(&self.identitytoken))
            .field("registrytoken", &redact(&self.registrytoken))
            .finish()
    }
}

impl AuthConfig {
    /// The `X-Registry-Auth` header value: base64url (RFC 4648 §5, padded) of the JSON
    /// (`registry.EncodeAuthConfig`). No credentials → `{}` → `e30=`.
    pub fn encode(&self) -> String {
        // Serialized straight from the struct, so keys keep Go's field order.
        base64::engine::general_purpose::URL_SAFE.encode(json::marshal(self))
    }

    /// True when the config carries no credential at all.
    pub fn is_empty(&self) -> bool {
        self.username.is_empty()
            && self.password.is_empty()
            && self.auth.is_empty()
            && self.identitytoken.is_empty()
            && self.registrytoken.is_empty()
    }
}

/// `credentials.ConvertToHostname`: `https://host:port/path` → `host:port`, `host/path` → `host`.
pub fn convert_to_hostname(maybe_url: &str) -> String {
    if let Some((_, rest)) = maybe_url.split_once("://") {
        // url.Parse + Hostname()/Port(): the authority up to the first `/`, `?` or `#`, without
        // userinfo; IPv6 brackets are dropped by Hostname and put back by JoinHostPort.
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = split_host_port(authority);
        if !host.is_empty() {
            return match port {
                Some(p) if !p.is_empty() => {
                    if host.contains(':') {
                        format!("[{host}]:{p}")
                    } else {
                        format!("{host}:{p}")
                    }
                }
                _ => host.to_string(),
            };
        }
    }
    maybe_url.split('/').next().unwrap_or("").to_string()
}

fn split_host_port(authority: &str) -> (&str, Option<&str>) {
    if let Some(rest) = authority.strip_prefix('[') {
        if let Some(close) = rest.find(']') {
            let host = &rest[..close];
            let after = &rest[close + 1..];
            return (host, after.strip_prefix(':'));
        }
        return ("", None);
    }
    match authority.rfind(':') {
        Some(i) => (&authority[..i], Some(&authority[i + 1..])),
        None => (authority, None),
    }
}

/// Go's `base64.StdEncoding` decoding with its error text.
fn decode_std_base64(s: &str) -> Result<Vec<u8>, String> {
    use base64::DecodeError;
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .map_err(|e| {
            let at = match e {
                DecodeError::InvalidByte(i, _) => i,
                DecodeError::InvalidLastSymbol(i, _) => i,
                DecodeError::InvalidLength(n) => n,
                DecodeError::InvalidPadding => s.trim_end_matches('=').len(),
            };
            format!("illegal base64 data at input byte {at}")
        })
}

/// `decodeAuth`: config.json's `auth` (standard base64 of `user:password`).
pub fn decode_auth(auth: &str) -> Result<(String, String), String> {
    if auth.is_empty() {
        return Ok((String::new(), String::new()));
    }
    let bytes = decode_std_base64(auth)?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match text.split_once(':') {
        Some((user, pass)) if !user.is_empty() => {
            Ok((user.to_string(), pass.trim_matches('\0').to_string()))
        }
        _ => Err("Invalid auth configuration file".to_string()),
    }
}

/// `encodeAuth`: `user:password` in standard base64, empty when both are empty.
pub fn encode_auth(username: &str, password: &str) -> String {
    if username.is_empty() && password.is_empty() {
        return String::new();
    }
    base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"))
}

/// Check every `auths` entry's `auth` the way docker's loader does; the first failure is the
/// error docker reports as `WARNING: Error parsing config file (…): <err>`.
pub fn validate_auths(doc: &Map<String, Value>) -> Result<(), String> {
    if let Some(Value::Object(auths)) = doc.get("auths") {
        for entry in auths.values() {
            if let Some(auth) = entry.get("auth").and_then(Value::as_str) {
                decode_auth(auth)?;
            }
        }
    }
    Ok(())
}

/// One `auths` entry as docker loads it: `auth` decoded into username/password, the key as
/// server address.
fn load_entry(key: &str, entry: &Value) -> AuthConfig {
    let mut ac: AuthConfig = serde_json::from_value(entry.clone()).unwrap_or_default();
    if !ac.auth.is_empty() {
        if let Ok((u, p)) = decode_auth(&ac.auth) {
            ac.username = u;
            ac.password = p;
        }
    }
    ac.auth.clear();
    ac.serveraddress = key.to_string();
    ac
}

fn auths(cfg: &ConfigFile) -> Option<&Map<String, Value>> {
    cfg.doc.get("auths").and_then(Value::as_object)
}

/// `ConfigFile.ContainsAuth`.
fn contains_auth(cfg: &ConfigFile) -> bool {
    let non_empty_map = |k: &str| {
        cfg.doc
            .get(k)
            .and_then(Value::as_object)
            .is_some_and(|m| !m.is_empty())
    };
    cfg.doc
        .get("credsStore")
        .and_then(Value::as_str)
        .is_some_and(|s| !s.is_empty())
        || non_empty_map("credHelpers")
        || non_empty_map("auths")
}

/// `exec.LookPath` for a bare name.
fn look_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| {
            std::fs::metadata(p)
                .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
                .unwrap_or(false)
        })
}

/// The `credsStore` in effect: the configured one, or (when the file holds no credentials at
/// all) the platform default if its helper is installed (`DetectDefaultStore`).
pub fn creds_store(cfg: &ConfigFile) -> Option<String> {
    if let Some(s) = cfg.doc.get("credsStore").and_then(Value::as_str) {
        if !s.is_empty() {
            return Some(s.to_string());
        }
    }
    if contains_auth(cfg) {
        return None;
    }
    let default = if look_path("pass").is_some() {
        "pass"
    } else {
        "secretservice"
    };
    look_path(&format!("{HELPER_PREFIX}{default}")).map(|_| default.to_string())
}

/// The helper for `key`: `credHelpers[key]`, else `credsStore` (`getConfiguredCredentialStore`).
/// `None` (or an empty name) means the file store.
pub fn helper_for(cfg: &ConfigFile, key: &str) -> Option<String> {
    if !key.is_empty() {
        if let Some(h) = cfg
            .doc
            .get("credHelpers")
            .and_then(Value::as_object)
            .and_then(|m| m.get(key))
        {
            return h.as_str().filter(|s| !s.is_empty()).map(str::to_string);
        }
    }
    creds_store(cfg)
}

/// The file store's `Get`: the exact key, else an entry whose hostname equals it.
fn file_get(cfg: &ConfigFile, key: &str) -> AuthConfig {
    let Some(map) = auths(cfg) else {
        return AuthConfig::default();
    };
    if let Some(entry) = map.get(key) {
        return load_entry(key, entry);
    }
    for (k, entry) in map {
        if convert_to_hostname(k) == key {
            return load_entry(k, entry);
        }
    }
    AuthConfig::default()
}

/// What a helper returned for `get`.
struct HelperCreds {
    username: String,
    secret: String,
}

/// Go's `exec.Cmd` error texts.
fn exec_error(name: &str, err: &std::io::Error) -> String {
    if err.kind() == std::io::ErrorKind::NotFound {
        format!("exec: \"{name}\": executable file not found in $PATH")
    } else {
        format!("fork/exec {name}: {err}")
    }
}

fn exit_error(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => format!("exit status {c}"),
        (None, Some(s)) => format!("signal: {}", signal_name(s)),
        _ => "exit status -1".to_string(),
    }
}

fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGKILL => "killed".into(),
        libc::SIGTERM => "terminated".into(),
        libc::SIGINT => "interrupt".into(),
        libc::SIGSEGV => "segmentation fault".into(),
        libc::SIGABRT => "aborted".into(),
        libc::SIGPIPE => "broken pipe".into(),
        libc::SIGHUP => "hangup".into(),
        other => format!("signal {other}"),
    }
}

/// Run `docker-credential-<helper> <action>` with `input` on stdin; stderr is the user's.
/// Returns stdout, or (error text, stdout) on failure.
fn run_helper(helper: &str, action: &str, input: &[u8]) -> Result<Vec<u8>, (String, Vec<u8>)> {
    let name = format!("{HELPER_PREFIX}{helper}");
    // The input goes into a pipe before the helper starts, so a helper that exits without
    // reading it cannot kill dkr with SIGPIPE (dkr keeps SIGPIPE's default action).
    let stdin = input_pipe(input).map_err(|e| (e.to_string(), Vec::new()))?;
    let child = Command::new(&name)
        .arg(action)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| (exec_error(&name, &e), Vec::new()))?;
    let out = child
        .wait_with_output()
        .map_err(|e| (e.to_string(), Vec::new()))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err((exit_error(out.status), out.stdout))
    }
}

/// A pipe already holding `input` (at most a few hundred bytes: a key or one credential),
/// write end closed, as a child's stdin.
fn input_pipe(input: &[u8]) -> std::io::Result<Stdio> {
    let (read, write) = rustix::pipe::pipe_with(rustix::pipe::PipeFlags::CLOEXEC)?;
    let mut write = std::fs::File::from(write);
    if input.len() > 16 * 1024 {
        return Err(std::io::Error::other("credential helper input too large"));
    }
    write.write_all(input)?;
    drop(write);
    Ok(Stdio::from(read))
}

/// docker-credential-helpers' `isValidCredsMessage` substitution.
fn helper_err_text(err: String, out: &str) -> String {
    match out.trim() {
        "no credentials server URL" => "no credentials server URL".into(),
        "no credentials username" => "no credentials username".into(),
        _ => err,
    }
}

/// `client.Get`: `Ok(None)` when the helper says it has nothing for `key`.
fn helper_get(helper: &str, key: &str) -> Result<Option<HelperCreds>, String> {
    match run_helper(helper, "get", key.as_bytes()) {
        Ok(out) => {
            let v: Value = serde_json::from_slice(&out).map_err(|e| json::decode_error_text(&e))?;
            // Go's decoder matches field names case-insensitively.
            let field = |name: &str| -> String {
                v.as_object()
                    .and_then(|m| {
                        m.iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(name))
                            .and_then(|(_, v)| v.as_str())
                    })
                    .unwrap_or("")
                    .to_string()
            };
            Ok(Some(HelperCreds {
                username: field("Username"),
                secret: field("Secret"),
            }))
        }
        Err((err, out)) => {
            let out = String::from_utf8_lossy(&out).into_owned();
            if out.trim() == NOT_FOUND_MESSAGE {
                return Ok(None);
            }
            let err = helper_err_text(err, &out);
            Err(format!(
                "error getting credentials - err: {err}, out: `{}`",
                out.trim()
            ))
        }
    }
}

/// Parse `DOCKER_AUTH_CONFIG` (`parseEnvConfig`): only `auths` with `auth` entries.
pub fn parse_env_config(v: &str) -> Result<BTreeMap<String, AuthConfig>, String> {
    let mut stream = serde_json::Deserializer::from_str(v).into_iter::<Value>();
    let doc = match stream.next() {
        None => Value::Object(Map::new()),
        Some(Ok(doc)) => doc,
        Some(Err(e)) => return Err(json::decode_error_text(&e)),
    };
    if stream.next().is_some() {
        return Err("DOCKER_AUTH_CONFIG does not support more than one JSON object".into());
    }
    let Value::Object(top) = doc else {
        return Err("json: cannot unmarshal into Go value of type configfile.configEnv".into());
    };
    let mut out = BTreeMap::new();
    for (k, val) in &top {
        if !k.eq_ignore_ascii_case("auths") {
            return Err(format!("json: unknown field \"{k}\""));
        }
        let Some(map) = val.as_object() else {
            if val.is_null() {
                continue;
            }
            return Err("json: cannot unmarshal into Go struct field configEnv.auths".into());
        };
        for (addr, entry) in map {
            let mut auth = "";
            if let Some(obj) = entry.as_object() {
                for (ek, ev) in obj {
                    if !ek.eq_ignore_ascii_case("auth") {
                        return Err(format!("json: unknown field \"{ek}\""));
                    }
                    auth = ev.as_str().unwrap_or("");
                }
            }
            if auth.is_empty() {
                return Err(format!(
                    "DOCKER_AUTH_CONFIG environment variable is missing key `auth` for {addr}"
                ));
            }
            let (username, password) =
                decode_auth(auth).map_err(|e| e.replace("Invalid auth", "invalid auth"))?;
            out.insert(
                addr.clone(),
                AuthConfig {
                    username,
                    password,
                    serveraddress: addr.clone(),
                    ..AuthConfig::default()
                },
            );
        }
    }
    Ok(out)
}

/// Credentials from `DOCKER_AUTH_CONFIG` for exactly `key`; a malformed document is reported
/// on stderr (as docker 28.3 does) and ignored.
fn env_get(key: &str) -> Option<AuthConfig> {
    let v = std::env::var(ENV_AUTH_CONFIG)
        .ok()
        .filter(|v| !v.is_empty())?;
    match parse_env_config(&v) {
        Ok(map) => map.get(key).cloned(),
        Err(e) => {
            Streams.err_line(format_args!(
                "Failed to create credential store from {ENV_AUTH_CONFIG}:  {e}"
            ));
            None
        }
    }
}

/// `ConfigFile.GetAuthConfig(key)`: the credentials for `key` from the store in effect. Like
/// docker, a helper failure still returns what the file had, together with the error.
pub fn get_auth_config(cfg: &ConfigFile, key: &str) -> (AuthConfig, Option<String>) {
    if let Some(ac) = env_get(key) {
        return (ac, None);
    }
    match helper_for(cfg, key) {
        Some(helper) => {
            let mut auth = file_get(cfg, key);
            match helper_get(&helper, key) {
                Ok(found) => {
                    let creds = found.unwrap_or(HelperCreds {
                        username: String::new(),
                        secret: String::new(),
                    });
                    auth.identitytoken.clear();
                    auth.password.clear();
                    auth.username.clear();
                    auth.serveraddress.clear();
                    if !creds.username.is_empty() || !creds.secret.is_empty() {
                        if creds.username == TOKEN_USERNAME {
                            auth.identitytoken = creds.secret;
                        } else {
                            auth.username = creds.username;
                            auth.password = creds.secret;
                        }
                        auth.serveraddress = key.to_string();
                    }
                    (auth, None)
                }
                Err(e) => (auth, Some(e)),
            }
        }
        None => (file_get(cfg, key), None),
    }
}

/// The credentials `pull` (and `run`'s implicit pull) sends for `reference`
/// (`command.ResolveAuthConfig`, which ignores store errors).
pub fn resolve_for_reference(cfg: &ConfigFile, reference: &Reference) -> AuthConfig {
    get_auth_config(cfg, &reference.auth_key()).0
}

/// `X-Registry-Auth` for `reference`.
pub fn registry_auth_header(cfg: &ConfigFile, reference: &Reference) -> String {
    resolve_for_reference(cfg, reference).encode()
}

/// `command.GetDefaultAuthConfig`: credentials for a login server, by hostname unless it is
/// Docker Hub; the identity token is never reused.
pub fn default_auth_config(
    cfg: &ConfigFile,
    check_store: bool,
    server: &str,
    is_default_registry: bool,
) -> (AuthConfig, Option<String>) {
    let server = if is_default_registry {
        server.to_string()
    } else {
        convert_to_hostname(server)
    };
    let (mut ac, err) = if check_store {
        get_auth_config(cfg, &server)
    } else {
        (AuthConfig::default(), None)
    };
    if err.is_some() {
        return (
            AuthConfig {
                serveraddress: server,
                ..AuthConfig::default()
            },
            err,
        );
    }
    ac.serveraddress = server;
    ac.identitytoken.clear();
    (ac, None)
}

/// The `auths` entry docker writes for `ac` (`SaveToWriter`): `auth` re-encoded, username,
/// password and server address dropped.
fn entry_for(ac: &AuthConfig) -> Value {
    let stored = AuthConfig {
        auth: encode_auth(&ac.username, &ac.password),
        email: ac.email.clone(),
        identitytoken: ac.identitytoken.clone(),
        registrytoken: ac.registrytoken.clone(),
        ..AuthConfig::default()
    };
    serde_json::to_value(stored).unwrap_or(Value::Object(Map::new()))
}

fn auths_mut(doc: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let slot = doc
        .entry("auths")
        .or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    slot.as_object_mut().expect("auths is an object")
}

/// The file store's `Store`, with docker's once-per-process warning about plain-text storage.
fn file_store(cfg: &mut ConfigFile, ac: &AuthConfig) -> Result<(), String> {
    let entry = entry_for(ac);
    let key = ac.serveraddress.clone();
    if auths(cfg).and_then(|m| m.get(&key)) == Some(&entry) {
        return Ok(());
    }
    cfg.update(|doc| {
        auths_mut(doc).insert(key, entry);
    })?;
    if !ac.password.is_empty() {
        Streams.err_line(format_args!(
            "\nWARNING! Your credentials are stored unencrypted in '{}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n",
            cfg.path().display()
        ));
    }
    Ok(())
}

/// Store `ac` under `ac.serveraddress` through the store in effect (`storeCredentials`);
/// the error is docker's `Error saving credentials: …`.
pub fn store_credentials(cfg: &mut ConfigFile, ac: &AuthConfig) -> Result<(), String> {
    let result = match helper_for(cfg, &ac.serveraddress) {
        Some(helper) => {
            let (user, secret) = if ac.identitytoken.is_empty() {
                (ac.username.as_str(), ac.password.as_str())
            } else {
                (TOKEN_USERNAME, ac.identitytoken.as_str())
            };
            // credentials.Credentials in Go's field order.
            let body = format!(
                "{{\"ServerURL\":{},\"Username\":{},\"Secret\":{}}}",
                json::quote(&ac.serveraddress, true),
                json::quote(user, true),
                json::quote(secret, true)
            );
            let mut input = body.into_bytes();
            input.push(b'\n');
            match run_helper(&helper, "store", &input) {
                Ok(_) => {
                    let blank = AuthConfig {
                        email: ac.email.clone(),
                        serveraddress: ac.serveraddress.clone(),
                        registrytoken: ac.registrytoken.clone(),
                        ..AuthConfig::default()
                    };
                    file_store(cfg, &blank)
                }
                Err((err, out)) => {
                    let out = String::from_utf8_lossy(&out).into_owned();
                    let err = helper_err_text(err, &out);
                    Err(format!(
                        "error storing credentials - err: {err}, out: `{}`",
                        out.trim()
                    ))
                }
            }
        }
        None => file_store(cfg, ac),
    };
    result.map_err(|e| format!("Error saving credentials: {e}"))
}

/// Remove the credentials stored under exactly `server` (`Store.Erase`).
pub fn erase_credentials(cfg: &mut ConfigFile, server: &str) -> Result<(), String> {
    if let Some(helper) = helper_for(cfg, server) {
        if let Err((err, out)) = run_helper(&helper, "erase", server.as_bytes()) {
            let out = String::from_utf8_lossy(&out).trim().to_string();
            let err = helper_err_text(err, &out);
            return Err(format!(
                "error erasing credentials - err: {err}, out: `{out}`"
            ));
        }
    }
    // An unreadable config.json may hold the entry: say so rather than pretend it is gone.
    if let Some(err) = &cfg.load_error {
        return Err(format!(
            "not replacing {}, which could not be loaded: {err}",
            cfg.path().display()
        ));
    }
    let exists = auths(cfg).is_some_and(|m| m.contains_key(server));
    if !exists {
        return Ok(());
    }
    cfg.update(|doc| {
        auths_mut(doc).remove(server);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(doc: Value) -> ConfigFile {
        ConfigFile {
            dir: PathBuf::from("/nonexistent-dkr-test"),
            doc: doc.as_object().cloned().unwrap_or_default(),
            load_error: None,
        }
    }

    #[test]
    fn empty_auth_encodes_as_docker_does() {
        assert_eq!(AuthConfig::default().encode(), "e30=");
        let ac = AuthConfig {
            username: "alice".into(),
            password: "s3cret".into(),
            serveraddress: "localhost:5000".into(),
            ..Default::default()
        };
        let raw = base64::engine::general_purpose::URL_SAFE
            .decode(ac.encode())
            .unwrap();
        assert_eq!(
            String::from_utf8(raw).unwrap(),
            r#"{"username":"alice","password":"s3cret","serveraddress":"localhost:5000"}"#
        );
        // base64url alphabet: `?>` encodes to `Pz4` in standard, `Pz4` too; use bytes that
        // differ between the alphabets.
        let ac = AuthConfig {
            password: "\u{fb}\u{ff}".into(),
            ..Default::default()
        };
        assert!(!ac.encode().contains('+') && !ac.encode().contains('/'));
    }

    #[test]
    fn debug_never_shows_secrets() {
        let ac = AuthConfig {
            username: "u".into(),
            password: "hunter2".into(),
            identitytoken: "tok".into(),
            ..Default::default()
        };
        let s = format!("{ac:?}");
        assert!(!s.contains("hunter2") && !s.contains("tok\""));
    }

    #[test]
    fn hostnames() {
        for (url, host) in [
            ("https://index.docker.io/v1/", "index.docker.io"),
            ("http://localhost:5001/", "localhost:5001"),
            ("localhost:5001", "localhost:5001"),
            ("example.com/foo", "example.com"),
            ("https://[::1]:5000/v2", "[::1]:5000"),
        ] {
            assert_eq!(convert_to_hostname(url), host, "{url}");
        }
    }

    #[test]
    fn auth_decoding() {
        assert_eq!(
            decode_auth("dGVzdHVzZXI6dGVzdHBhc3N3b3Jk").unwrap(),
            ("testuser".to_string(), "testpassword".to_string())
        );
        assert_eq!(
            decode_auth("OnB3").unwrap_err(),
            "Invalid auth configuration file"
        );
        assert_eq!(
            decode_auth("!!!!").unwrap_err(),
            "illegal base64 data at input byte 0"
        );
        assert_eq!(
            encode_auth("testuser", "testpassword"),
            "dGVzdHVzZXI6dGVzdHBhc3N3b3Jk"
        );
        assert_eq!(encode_auth("", ""), "");
    }

    #[test]
    fn file_store_lookup() {
        let c = cfg(serde_json::json!({
            "auths": {
                "localhost:5001": {"auth": "dGVzdHVzZXI6dGVzdHBhc3N3b3Jk"},
                "https://reg.example/v1/": {"identitytoken": "tok"},
            }
        }));
        let (ac, err) = get_auth_config(&c, "localhost:5001");
        assert!(err.is_none());
        assert_eq!(ac.username, "testuser");
        assert_eq!(ac.password, "testpassword");
        assert_eq!(ac.serveraddress, "localhost:5001");
        assert!(ac.auth.is_empty());
        let (ac, _) = get_auth_config(&c, "reg.example");
        assert_eq!(ac.identitytoken, "tok");
        assert_eq!(ac.serveraddress, "https://reg.example/v1/");
        assert_eq!(get_auth_config(&c, "other:1").0, AuthConfig::default());
    }

    #[test]
    fn helper_selection() {
        let c = cfg(serde_json::json!({
            "credsStore": "store",
            "credHelpers": {"a.example": "ahelper", "b.example": ""}
        }));
        assert_eq!(helper_for(&c, "a.example").as_deref(), Some("ahelper"));
        assert_eq!(helper_for(&c, "b.example"), None);
        assert_eq!(helper_for(&c, "c.example").as_deref(), Some("store"));
    }

    #[test]
    fn env_config_parsing() {
        let m = parse_env_config(
            r#"{"auths":{"localhost:5001":{"auth":"dGVzdHVzZXI6dGVzdHBhc3N3b3Jk"}}}"#,
        )
        .unwrap();
        assert_eq!(m["localhost:5001"].username, "testuser");
        assert_eq!(m["localhost:5001"].serveraddress, "localhost:5001");
        assert_eq!(
            parse_env_config(r#"{"auths":{"x":{}}}"#).unwrap_err(),
            "DOCKER_AUTH_CONFIG environment variable is missing key `auth` for x"
        );
        assert_eq!(
            parse_env_config(r#"{"credsStore":"x"}"#).unwrap_err(),
            "json: unknown field \"credsStore\""
        );
        assert_eq!(
            parse_env_config("{}{}").unwrap_err(),
            "DOCKER_AUTH_CONFIG does not support more than one JSON object"
        );
    }

    #[test]
    fn stored_entries_look_like_dockers() {
        let ac = AuthConfig {
            username: "testuser".into(),
            password: "testpassword".into(),
            serveraddress: "localhost:5001".into(),
            ..Default::default()
        };
        assert_eq!(
            entry_for(&ac),
            serde_json::json!({"auth": "dGVzdHVzZXI6dGVzdHBhc3N3b3Jk"})
        );
        assert_eq!(entry_for(&AuthConfig::default()), serde_json::json!({}));
    }
}
