//! docker's context store (docker/cli v28.2.2 `cli/context/store`), on disk exactly as docker
//! keeps it so either CLI reads what the other wrote: `contexts/meta/<sha256 of name>/meta.json`
//! (`{"Name":…,"Metadata":{…},"Endpoints":{"docker":{"Host":…,"SkipTLSVerify":…}}}`, 0644 in
//! 0755 directories) and `contexts/tls/<sha256>/<endpoint>/{ca,cert,key}.pem` (0600 in 0700
//! directories). Metadata fields dkr does not know (`DkrSSHPersist`, other tools' keys) and
//! endpoints other than `docker` are kept as they are. Names are checked with docker's rule.

use crate::golang::json::{encode_object, encode_string, encode_value};
use crate::golang::os::path_error;
use crate::golang::strconv::go_quote;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::io;
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

/// The name of the context that is not stored: the configuration and environment.
pub const DEFAULT: &str = "default";

/// The endpoint every docker context has.
pub const DOCKER_ENDPOINT: &str = "docker";

/// docker's `restrictedNamePattern`, as its error message spells it.
pub const NAME_PATTERN: &str = "^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$";

/// docker's `ValidateContextName`.
pub fn validate_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("context name cannot be empty".into());
    }
    if name == DEFAULT {
        return Err("\"default\" is a reserved context name".into());
    }
    let ok_first = |c: u8| c.is_ascii_alphanumeric();
    let ok_rest = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-');
    let b = name.as_bytes();
    if b.len() < 2 || !ok_first(b[0]) || !b[1..].iter().all(|c| ok_rest(*c)) {
        return Err(format!(
            "context name {} is invalid, names are validated against regexp {}",
            go_quote(name),
            go_quote(NAME_PATTERN)
        ));
    }
    Ok(())
}

/// The directory name of a context: the hex SHA-256 of its name (`digest.FromString`).
pub fn dir_id(name: &str) -> String {
    Sha256::digest(name.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The `docker` endpoint, as docker's typed `EndpointMeta` holds it (other keys dropped, as
/// docker drops them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DockerEndpoint {
    pub host: String,
    pub skip_tls_verify: bool,
}

impl DockerEndpoint {
    fn from_json(v: &Value) -> Result<DockerEndpoint, String> {
        let obj = match v {
            Value::Object(o) => o,
            Value::Null => return Ok(DockerEndpoint::default()),
            other => {
                return Err(format!(
                    "json: cannot unmarshal {} into Go value of type context.EndpointMetaBase",
                    json_kind(other)
                ))
            }
        };
        let field = |go: &str| crate::golang::types::json_member(obj, go);
        let host = match field("Host") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => return Err(unmarshal_field(other, "Host", "string")),
        };
        let skip_tls_verify = match field("SkipTLSVerify") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => return Err(unmarshal_field(other, "SkipTLSVerify", "bool")),
        };
        Ok(DockerEndpoint {
            host,
            skip_tls_verify,
        })
    }

    /// Go's encoding of `EndpointMeta` (`Host` omitted when empty).
    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{");
        if !self.host.is_empty() {
            out.extend_from_slice(b"\"Host\":");
            encode_string(out, self.host.as_bytes(), true);
            out.push(b',');
        }
        out.extend_from_slice(b"\"SkipTLSVerify\":");
        out.extend_from_slice(if self.skip_tls_verify {
            b"true"
        } else {
            b"false"
        });
        out.push(b'}');
    }
}

/// The JSON kind encoding/json's `UnmarshalTypeError` names (`number`, `array`, …).
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn unmarshal_field(v: &Value, field: &str, ty: &str) -> String {
    format!(
        "json: cannot unmarshal {} into Go struct field EndpointMetaBase.{field} of type {ty}",
        json_kind(v)
    )
}

/// An endpoint of a context: the typed `docker` one, or another kept as JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Endpoint {
    Docker(DockerEndpoint),
    Other(Value),
}

/// A context's `meta.json` (docker's `store.Metadata` with its typed `DockerContext`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub name: String,
    /// `Metadata`: `Description` and whatever other fields were stored (`None` when the file
    /// has none, as docker keeps a nil there).
    pub metadata: Option<Map<String, Value>>,
    /// `Endpoints`, by name (sorted, as Go writes a map).
    pub endpoints: BTreeMap<String, Endpoint>,
}

impl Metadata {
    /// `Metadata.Description` (docker's `GetDockerContext`; the default context's is fixed).
    pub fn description(&self) -> String {
        if self.name == DEFAULT {
            return "Current DOCKER_HOST based configuration".into();
        }
        self.metadata
            .as_ref()
            .and_then(|m| m.get("Description"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    }

    /// Set `Metadata.Description`, keeping the other fields (an empty one is dropped, as
    /// docker's `DockerContext` marshals it).
    pub fn set_description(&mut self, description: &str) {
        let m = self.metadata.get_or_insert_with(Map::new);
        if description.is_empty() {
            m.remove("Description");
        } else {
            m.insert("Description".into(), Value::String(description.into()));
        }
    }

    /// The `docker` endpoint (docker's `EndpointFromContext`).
    pub fn docker(&self) -> Result<&DockerEndpoint, String> {
        match self.endpoints.get(DOCKER_ENDPOINT) {
            Some(Endpoint::Docker(d)) => Ok(d),
            Some(Endpoint::Other(_)) => {
                Err("endpoint \"docker\" is not of type EndpointMeta".into())
            }
            None => Err("cannot find docker endpoint in context".into()),
        }
    }

    /// Parse a `meta.json` document (docker's `getByID` after the read).
    pub fn parse(bytes: &[u8]) -> Result<Metadata, String> {
        let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
            // `json.Unmarshal`'s words for input that ends too soon.
            if e.is_eof() {
                "unexpected end of JSON input".to_string()
            } else {
                crate::golang::json::syntax_error_text(&e, bytes)
            }
        })?;
        let Value::Object(obj) = doc else {
            return Err(format!(
                "json: cannot unmarshal {} into Go value of type store.untypedContextMetadata",
                json_kind(&doc)
            ));
        };
        let field = |go: &str| crate::golang::types::json_member(&obj, go);
        let name = match field("Name") {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let metadata = match field("Metadata") {
            None | Some(Value::Null) => None,
            Some(Value::Object(m)) => Some(m.clone()),
            Some(other) => {
                return Err(format!(
                    "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                    json_kind(other)
                ))
            }
        };
        let mut endpoints = BTreeMap::new();
        if let Some(Value::Object(eps)) = field("Endpoints") {
            for (k, v) in eps {
                let ep = if k == DOCKER_ENDPOINT {
                    if v.is_null() {
                        continue;
                    }
                    Endpoint::Docker(DockerEndpoint::from_json(v)?)
                } else {
                    Endpoint::Other(v.clone())
                };
                endpoints.insert(k.clone(), ep);
            }
        }
        Ok(Metadata {
            name,
            metadata,
            endpoints,
        })
    }

    /// `json.Marshal(&meta)`: what docker writes to `meta.json` and into an export.
    pub fn marshal(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(160);
        out.push(b'{');
        let mut first = true;
        let mut key = |out: &mut Vec<u8>, k: &str| {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            encode_string(out, k.as_bytes(), true);
            out.push(b':');
        };
        if !self.name.is_empty() {
            key(&mut out, "Name");
            encode_string(&mut out, self.name.as_bytes(), true);
        }
        if let Some(m) = &self.metadata {
            key(&mut out, "Metadata");
            encode_value(&mut out, &Value::Object(m.clone()), true);
        }
        if !self.endpoints.is_empty() {
            key(&mut out, "Endpoints");
            let entries = self.endpoints.iter().map(|(k, v)| (k.as_bytes(), v));
            let Ok(()) = encode_object(&mut out, entries, true, |out, ep| {
                match ep {
                    Endpoint::Docker(d) => d.encode(out),
                    Endpoint::Other(v) => encode_value(out, v, true),
                }
                Ok::<(), Infallible>(())
            });
        }
        out.push(b'}');
        out
    }
}

/// Why a store operation failed; the text is docker's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError {
    pub message: String,
    /// docker's `errdefs.NotFound` (a missing context, a missing TLS file).
    pub not_found: bool,
}

impl StoreError {
    fn new(message: String) -> StoreError {
        StoreError {
            message,
            not_found: false,
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StoreError {}

/// TLS files by endpoint (`ListTLSFiles`), file names sorted.
pub type TlsListing = BTreeMap<String, Vec<String>>;

/// TLS file contents by endpoint and file name.
pub type TlsData = BTreeMap<String, BTreeMap<String, Vec<u8>>>;

/// The store under a configuration directory (`<config>/contexts`).
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    pub fn new(config_dir: &Path) -> Store {
        Store {
            root: config_dir.join("contexts"),
        }
    }

    fn meta_root(&self) -> PathBuf {
        self.root.join("meta")
    }

    fn tls_root(&self) -> PathBuf {
        self.root.join("tls")
    }

    /// Where a context's `meta.json` directory is (`StorageInfo.MetadataPath`).
    pub fn meta_dir(&self, name: &str) -> PathBuf {
        self.meta_root().join(dir_id(name))
    }

    /// Where a context's TLS files are (`StorageInfo.TLSPath`).
    pub fn tls_dir(&self, name: &str) -> PathBuf {
        self.tls_root().join(dir_id(name))
    }

    /// A stored context (`GetMetadata`): `context "x": context not found: open …` when there
    /// is none.
    pub fn get(&self, name: &str) -> Result<Metadata, StoreError> {
        self.get_in(&self.meta_dir(name)).map_err(|mut e| {
            e.message = format!("context {}: {}", go_quote(name), e.message);
            e
        })
    }

    fn get_in(&self, dir: &Path) -> Result<Metadata, StoreError> {
        let file = dir.join("meta.json");
        let shown = file.display().to_string();
        let bytes = std::fs::read(&file).map_err(|e| StoreError {
            not_found: e.kind() == io::ErrorKind::NotFound,
            message: if e.kind() == io::ErrorKind::NotFound {
                format!("context not found: {}", path_error("open", &shown, &e))
            } else {
                path_error("open", &shown, &e)
            },
        })?;
        Metadata::parse(&bytes).map_err(|e| StoreError::new(format!("parsing {shown}: {e}")))
    }

    /// Every stored context, in natural order of their names (`List`). A context that
    /// cannot be read fails the whole list, as in docker.
    pub fn list(&self) -> Result<Vec<Metadata>, StoreError> {
        let mut dirs = Vec::new();
        match meta_dirs(&self.meta_root(), &mut dirs) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(StoreError::new(path_error(
                    "open",
                    &self.meta_root().display().to_string(),
                    &e,
                )))
            }
        }
        let mut out = Vec::with_capacity(dirs.len());
        for dir in dirs {
            match self.get_in(&dir) {
                Ok(m) => out.push(m),
                Err(e) if e.not_found => continue,
                Err(e) => {
                    return Err(StoreError::new(format!(
                        "failed to read metadata: {}",
                        e.message
                    )))
                }
            }
        }
        out.sort_by(|a, b| crate::golang::sortorder::natural_cmp(&a.name, &b.name));
        Ok(out)
    }

    /// The names of the stored contexts, in natural order (`store.Names`), for completion.
    pub fn names(&self) -> Vec<String> {
        self.list()
            .map(|l| l.into_iter().map(|m| m.name).collect())
            .unwrap_or_default()
    }

    /// Write a context's `meta.json` (`CreateOrUpdate`).
    pub fn create_or_update(&self, meta: &Metadata) -> Result<(), StoreError> {
        let dir = self.meta_dir(&meta.name);
        mkdir_all(&dir, 0o755)?;
        write_file(&dir.join("meta.json"), &meta.marshal(), 0o644)
    }

    /// Remove a context's metadata and TLS files (`Remove`).
    pub fn remove(&self, name: &str) -> Result<(), StoreError> {
        let fail = |what: &str, e: io::Error, dir: &Path| {
            StoreError::new(format!(
                "failed to remove context {name}: failed to remove {what}: {}",
                path_error("unlinkat", &dir.display().to_string(), &e)
            ))
        };
        let meta = self.meta_dir(name);
        remove_all(&meta).map_err(|e| fail("metadata", e, &meta))?;
        let tls = self.tls_dir(name);
        remove_all(&tls).map_err(|e| fail("TLS data", e, &tls))
    }

    /// The TLS files of a context by endpoint (`ListTLSFiles`).
    pub fn tls_files(&self, name: &str) -> Result<TlsListing, StoreError> {
        let dir = self.tls_dir(name);
        let entries = match read_dir_sorted(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(TlsListing::new()),
            Err(e) => {
                return Err(StoreError::new(format!(
                    "failed to list TLS files for context {name}: {}",
                    path_error("open", &dir.display().to_string(), &e)
                )))
            }
        };
        let mut out = TlsListing::new();
        for (ep, is_dir) in entries {
            if !is_dir {
                continue;
            }
            let ep_dir = dir.join(&ep);
            let files = match read_dir_sorted(&ep_dir) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => {
                    return Err(StoreError::new(format!(
                        "failed to list TLS files for endpoint {ep}: {}",
                        path_error("open", &ep_dir.display().to_string(), &e)
                    )))
                }
            };
            out.insert(
                ep,
                files
                    .into_iter()
                    .filter(|(_, d)| !d)
                    .map(|(n, _)| n)
                    .collect(),
            );
        }
        Ok(out)
    }

    /// One TLS file's content (`GetTLSData`).
    pub fn tls_data(&self, name: &str, endpoint: &str, file: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.tls_dir(name).join(endpoint).join(file);
        std::fs::read(&path).map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                StoreError {
                    message: format!("TLS data for {name}/{endpoint}/{file} does not exist"),
                    not_found: true,
                }
            } else {
                StoreError::new(format!(
                    "failed to read TLS data for endpoint {endpoint}: {}",
                    path_error("open", &path.display().to_string(), &e)
                ))
            }
        })
    }

    /// Every TLS file of a context, read.
    pub fn tls_all(&self, name: &str) -> Result<TlsData, StoreError> {
        let mut out = TlsData::new();
        for (ep, files) in self.tls_files(name)? {
            let mut data = BTreeMap::new();
            for f in files {
                let bytes = self.tls_data(name, &ep, &f)?;
                data.insert(f, bytes);
            }
            out.insert(ep, data);
        }
        Ok(out)
    }

    /// Replace all TLS files of a context (`ResetTLSMaterial`).
    pub fn reset_tls(&self, name: &str, data: &TlsData) -> Result<(), StoreError> {
        let dir = self.tls_dir(name);
        remove_all(&dir).map_err(|e| {
            StoreError::new(format!(
                "failed to remove TLS data: {}",
                path_error("unlinkat", &dir.display().to_string(), &e)
            ))
        })?;
        for (ep, files) in data {
            self.write_tls_files(name, ep, files)?;
        }
        Ok(())
    }

    /// Replace the TLS files of one endpoint (`ResetEndpointTLSMaterial`; `None` removes them).
    pub fn reset_endpoint_tls(
        &self,
        name: &str,
        endpoint: &str,
        files: Option<&BTreeMap<String, Vec<u8>>>,
    ) -> Result<(), StoreError> {
        let dir = self.tls_dir(name).join(endpoint);
        remove_all(&dir).map_err(|e| {
            StoreError::new(format!(
                "failed to remove TLS data for endpoint {endpoint}: {}",
                path_error("unlinkat", &dir.display().to_string(), &e)
            ))
        })?;
        match files {
            Some(files) => self.write_tls_files(name, endpoint, files),
            None => Ok(()),
        }
    }

    fn write_tls_files(
        &self,
        name: &str,
        endpoint: &str,
        files: &BTreeMap<String, Vec<u8>>,
    ) -> Result<(), StoreError> {
        for (file, bytes) in files {
            mkdir_all(&self.root, 0o755)?;
            let dir = self.tls_dir(name).join(endpoint);
            mkdir_all(&dir, 0o700)?;
            write_file(&dir.join(file), bytes, 0o600)?;
        }
        Ok(())
    }
}

/// The directories under `root` (at any depth) that hold a `meta.json` file, as docker's
/// `listRecursivelyMetadataDirs` finds them.
fn meta_dirs(root: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for (name, is_dir) in read_dir_sorted(root)? {
        if !is_dir {
            continue;
        }
        let dir = root.join(name);
        if std::fs::metadata(dir.join("meta.json")).is_ok_and(|m| !m.is_dir()) {
            out.push(dir.clone());
        }
        meta_dirs(&dir, out)?;
    }
    Ok(())
}

/// A directory's entries sorted by name (`os.ReadDir`), each with whether it is a directory
/// (not following symbolic links, as `DirEntry.IsDir`).
fn read_dir_sorted(dir: &Path) -> io::Result<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        out.push((entry.file_name().to_string_lossy().into_owned(), is_dir));
    }
    out.sort();
    Ok(out)
}

fn remove_all(path: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// `os.MkdirAll(dir, mode)` (the umask applies, as in Go).
fn mkdir_all(dir: &Path, mode: u32) -> Result<(), StoreError> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(mode)
        .create(dir)
        .map_err(|e| StoreError::new(path_error("mkdir", &dir.display().to_string(), &e)))
}

/// moby's `atomicwriter.WriteFile`: a temporary file beside `path`, renamed over it, with
/// exactly `mode`.
fn write_file(path: &Path, bytes: &[u8], mode: u32) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    super::write_atomic(path, bytes)
        .and_then(|()| {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
                .map_err(|e| path_error("chmod", &path.display().to_string(), &e))
        })
        .map_err(StoreError::new)
}

/// What the engine client needs from a stored context: its `docker` endpoint and where its
/// TLS files are. The error is docker's `context "x": context not found: open …`.
pub fn docker_endpoint(config_dir: &Path, name: &str) -> Result<(DockerEndpoint, PathBuf), String> {
    let store = Store::new(config_dir);
    let meta = store.get(name).map_err(|e| e.message)?;
    let ep = match meta.docker() {
        Ok(ep) => ep.clone(),
        Err(_) => DockerEndpoint::default(),
    };
    Ok((ep, store.tls_dir(name).join(DOCKER_ENDPOINT)))
}

/// A context's `Metadata.DkrSSHPersist` (dkr's own field: keep its `ssh://` connection open
/// that long; docker keeps the field and ignores it).
pub fn dkr_ssh_persist(config_dir: &Path, name: &str) -> Option<String> {
    let meta = Store::new(config_dir).get(name).ok()?;
    meta.metadata?
        .get("DkrSSHPersist")
        .and_then(Value::as_str)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_dockers_rule() {
        assert!(validate_name("ab").is_ok());
        assert!(validate_name("a-b.c+d_e").is_ok());
        assert_eq!(
            validate_name("default").unwrap_err(),
            "\"default\" is a reserved context name"
        );
        assert_eq!(
            validate_name("").unwrap_err(),
            "context name cannot be empty"
        );
        for bad in ["a", "-ab", "a b", "a/b", "é1"] {
            assert!(
                validate_name(bad).unwrap_err().contains("is invalid"),
                "{bad}"
            );
        }
    }

    #[test]
    fn meta_json_round_trips_as_docker_writes_it() {
        let text = br#"{"Name":"foo","Metadata":{"Description":"a<b","DkrSSHPersist":"60s"},"Endpoints":{"docker":{"Host":"unix:///x","SkipTLSVerify":false,"Extra":1},"other":{"b":1,"a":[true]}}}"#;
        let m = Metadata::parse(text).unwrap();
        assert_eq!(m.description(), "a<b");
        assert_eq!(m.docker().unwrap().host, "unix:///x");
        assert_eq!(
            String::from_utf8(m.marshal()).unwrap(),
            r#"{"Name":"foo","Metadata":{"Description":"a\u003cb","DkrSSHPersist":"60s"},"Endpoints":{"docker":{"Host":"unix:///x","SkipTLSVerify":false},"other":{"a":[true],"b":1}}}"#
        );
        let empty = Metadata {
            name: "q".into(),
            metadata: Some(Map::new()),
            endpoints: [(
                DOCKER_ENDPOINT.to_string(),
                Endpoint::Docker(DockerEndpoint::default()),
            )]
            .into(),
        };
        assert_eq!(
            String::from_utf8(empty.marshal()).unwrap(),
            r#"{"Name":"q","Metadata":{},"Endpoints":{"docker":{"SkipTLSVerify":false}}}"#
        );
    }

    #[test]
    fn store_writes_lists_and_removes_as_docker() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("dkr-ctx-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::new(&dir);
        assert_eq!(store.list().unwrap(), Vec::new());
        for name in ["b-10", "b-2", "a1"] {
            let meta = Metadata {
                name: name.into(),
                metadata: Some(Map::new()),
                endpoints: BTreeMap::new(),
            };
            store.create_or_update(&meta).unwrap();
        }
        let names: Vec<String> = store.list().unwrap().into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["a1", "b-2", "b-10"]);
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&store.meta_dir("a1").join("meta.json")), 0o644);
        let tls: TlsData = [(
            DOCKER_ENDPOINT.to_string(),
            [("ca.pem".to_string(), b"x".to_vec())].into(),
        )]
        .into();
        store.reset_tls("a1", &tls).unwrap();
        assert_eq!(mode(&store.tls_dir("a1").join("docker/ca.pem")), 0o600);
        assert_eq!(mode(&store.tls_dir("a1").join("docker")), 0o700);
        assert_eq!(store.tls_all("a1").unwrap(), tls);
        let missing = store.get("nope").unwrap_err();
        assert!(missing.not_found);
        assert!(missing
            .message
            .starts_with("context \"nope\": context not found: open "));
        store.remove("a1").unwrap();
        assert!(!store.tls_dir("a1").exists() && !store.meta_dir("a1").exists());
        // An unreadable meta.json fails the whole listing, as in docker.
        std::fs::write(store.meta_dir("b-2").join("meta.json"), "{").unwrap();
        assert!(store
            .list()
            .unwrap_err()
            .message
            .starts_with("failed to read metadata: parsing "));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn dir_ids_are_sha256_of_the_name() {
        assert_eq!(
            dir_id("foo"),
            "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
        );
    }
}
