//! The client configuration directory and `config.json`: where it is (`--config` >
//! `DOCKER_CONFIG` > `~/.docker`), what it says (formats, detach keys, contexts, headers,
//! proxies, credentials) and writing it back without losing keys we don't know.

pub mod contexts;
pub mod credentials;

use crate::output::Streams;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The loaded `config.json`. The whole document is kept so that writing it back (login/logout)
/// keeps every key, including ones dkr does not know.
#[derive(Debug, Clone, Default)]
pub struct ConfigFile {
    /// The configuration directory.
    pub dir: PathBuf,
    /// The parsed document (an empty object when the file is missing or unparsable).
    pub doc: Map<String, Value>,
    /// Why the file could not be read or parsed (docker's text after `Error `), if so.
    pub load_error: Option<String>,
}

/// The largest `config.json` read: far above any real one (a few KiB), and small enough that
/// a runaway file costs neither memory nor time.
pub const MAX_CONFIG_BYTES: u64 = 16 * 1024 * 1024;

/// The configuration directory: `--config` > `DOCKER_CONFIG` > `~/.docker`.
pub fn config_dir(flag: Option<&str>) -> PathBuf {
    if let Some(dir) = flag.filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::home_dir()
        .unwrap_or_else(|| PathBuf::from("/"))
        .join(".docker")
}

impl ConfigFile {
    /// Load `config.json` from the configuration directory. A missing or empty file is an
    /// empty config; one that cannot be read or parsed prints docker's warning to stderr and
    /// is treated as empty (and is then never written back, see [`ConfigFile::update`]).
    pub fn load(flag: Option<&str>) -> ConfigFile {
        let dir = config_dir(flag);
        let path = dir.join("config.json");
        let (doc, load_error) = match read_document(&path) {
            Ok(doc) => {
                // docker decodes every `auths[…].auth` while loading; a bad one is a
                // load error (reported, then ignored like the others).
                if let Err(err) = credentials::validate_auths(&doc) {
                    Streams.warn(format_args!(
                        "Error parsing config file ({}): {err}",
                        path.display()
                    ));
                }
                (doc, None)
            }
            Err(err) => {
                // cli/config's `LoadDefaultConfigFile`: `fmt.Fprintln(stderr, "WARNING: Error", err)`.
                Streams.warn(format_args!("Error {err}"));
                (Map::new(), Some(err))
            }
        };
        ConfigFile {
            dir,
            doc,
            load_error,
        }
    }

    /// The path of `config.json`.
    pub fn path(&self) -> PathBuf {
        self.dir.join("config.json")
    }

    fn str_key(&self, key: &str) -> Option<&str> {
        self.doc
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    /// `psFormat`: the default `--format` of `ps`.
    pub fn ps_format(&self) -> Option<&str> {
        self.str_key("psFormat")
    }

    /// `imagesFormat`: the default `--format` of `images`.
    pub fn images_format(&self) -> Option<&str> {
        self.str_key("imagesFormat")
    }

    /// `detachKeys`: the default detach sequence of `run`.
    pub fn detach_keys(&self) -> Option<&str> {
        self.str_key("detachKeys")
    }

    /// `currentContext`.
    pub fn current_context(&self) -> Option<&str> {
        self.str_key("currentContext")
    }

    /// `HttpHeaders`: extra headers sent with every engine request.
    pub fn http_headers(&self) -> Vec<(String, String)> {
        match self.doc.get("HttpHeaders") {
            Some(Value::Object(map)) => map
                .iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Read-modify-write: under an advisory lock on the configuration directory, read
    /// `config.json` afresh, apply `change` to it and write it back atomically, so concurrent
    /// logins each keep the others' entries. A file that exists but cannot be read or parsed
    /// is never replaced (docker overwrites it and loses the user's other keys): the error
    /// names it. `self.doc` becomes what was written.
    pub fn update(&mut self, change: impl FnOnce(&mut Map<String, Value>)) -> Result<(), String> {
        let path = self.path();
        if let Some(err) = &self.load_error {
            return Err(refusal(&path, err));
        }
        // 0700 like docker's os.MkdirAll(dir, 0o700), missing parents included.
        std::os::unix::fs::DirBuilderExt::mode(std::fs::DirBuilder::new().recursive(true), 0o700)
            .create(&self.dir)
            .map_err(|e| op_error("mkdir", &self.dir, &e))?;
        let _lock = DirLock::take(&self.dir)?;
        let mut doc = read_document(&path).map_err(|err| refusal(&path, &err))?;
        change(&mut doc);
        // Tab-indented like docker's `json.MarshalIndent(…, "", "\t")`.
        let mut text = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
        let mut ser = serde_json::Serializer::with_formatter(&mut text, fmt);
        serde::Serialize::serialize(&Value::Object(doc.clone()), &mut ser)
            .map_err(|e| e.to_string())?;
        // A symlinked config.json (dotfiles) stays a link: its target is what gets replaced.
        let target = match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(&path).map_err(|e| op_error("stat", &path, &e))?
            }
            _ => path,
        };
        write_atomic(&target, &text)?;
        self.doc = doc;
        Ok(())
    }
}

/// The refusal to replace a config file that could not be read or parsed.
fn refusal(path: &Path, err: &str) -> String {
    format!(
        "not replacing {}, which could not be loaded: {err}",
        path.display()
    )
}

/// Go's `*PathError` text: `open /path: permission denied`.
fn op_error(op: &str, path: &Path, err: &std::io::Error) -> String {
    format!(
        "{op} {}: {}",
        path.display(),
        crate::engine::stream::go_errno_text(err)
    )
}

/// Read `config.json`: a missing, empty or all-blank file is an empty document (as docker,
/// whose decoder accepts EOF); otherwise docker's load error text (`loading config file: open
/// …`, `parsing config file (…): …`). At most [`MAX_CONFIG_BYTES`] are read.
pub fn read_document(path: &Path) -> Result<Map<String, Value>, String> {
    use std::io::Read;
    let parsing = |e: String| format!("parsing config file ({}): {e}", path.display());
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Map::new()),
        Err(e) => {
            return Err(format!(
                "loading config file: {}",
                op_error("open", path, &e)
            ))
        }
    };
    let too_big = || parsing(format!("{} is larger than 16 MiB", path.display()));
    if file.metadata().is_ok_and(|m| m.len() > MAX_CONFIG_BYTES) {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| parsing(op_error("read", path, &e)))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_big());
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    parse_document(&bytes).map_err(parsing)
}

/// An exclusive `flock` on the configuration directory itself, held while alive: it needs no
/// lock file (nothing is left behind) and works in a folder we can read but not write.
struct DirLock {
    _dir: std::fs::File,
}

impl DirLock {
    fn take(dir: &Path) -> Result<DirLock, String> {
        let f = std::fs::File::open(dir).map_err(|e| op_error("open", dir, &e))?;
        loop {
            match rustix::fs::flock(&f, rustix::fs::FlockOperation::LockExclusive) {
                Ok(()) => return Ok(DirLock { _dir: f }),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(op_error("flock", dir, &e.into())),
            }
        }
    }
}

/// Parse a config document; it must be a JSON object.
pub fn parse_document(bytes: &[u8]) -> Result<Map<String, Value>, String> {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("json: cannot unmarshal into Go value of type configfile.ConfigFile".into()),
        Err(err) => Err(err.to_string()),
    }
}

/// Write `bytes` to `path` through a temporary file in the same directory and a rename, so a
/// crash never leaves a half-written file; the result has mode 0600. Errors name the file
/// (Go's `open …: permission denied`), and a failed attempt removes its temporary file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(|e| op_error("open", &tmp, &e))?;
    let _on_panic = {
        let tmp = tmp.clone();
        crate::cleanup::on_panic(move || {
            let _ = std::fs::remove_file(&tmp);
        })
    };
    let written = f
        .write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| op_error("write", &tmp, &e))
        .and_then(|()| {
            std::fs::rename(&tmp, path).map_err(|e| {
                format!(
                    "rename {} {}: {}",
                    tmp.display(),
                    path.display(),
                    crate::engine::stream::go_errno_text(&e)
                )
            })
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_rejects_non_objects() {
        assert!(parse_document(b"[]").is_err());
        assert!(parse_document(b"{").is_err());
        assert!(parse_document(br#"{"psFormat":"x"}"#).is_ok());
    }

    #[test]
    fn missing_and_blank_files_are_empty_documents() {
        let dir = std::env::temp_dir().join(format!("dkr-cfg-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.json");
        assert_eq!(read_document(&path), Ok(Map::new()));
        std::fs::write(&path, " \n\t").unwrap();
        assert_eq!(read_document(&path), Ok(Map::new()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
