//! The client configuration directory and `config.json`: where it is (`--config` >
//! `DOCKER_CONFIG` > `~/.docker`), what it says (formats, detach keys, contexts, headers,
//! proxies, credentials) and writing it back without losing keys we don't know.

pub mod credentials;

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
}

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
    /// Load `config.json` from the configuration directory. A missing file is an empty config;
    /// an unparsable one prints docker's warning to stderr and is treated as empty.
    pub fn load(flag: Option<&str>) -> ConfigFile {
        let dir = config_dir(flag);
        let path = dir.join("config.json");
        let doc = match std::fs::read(&path) {
            Ok(bytes) => match parse_document(&bytes) {
                Ok(doc) => {
                    // docker decodes every `auths[…].auth` while loading; a bad one is a
                    // load error (reported, then ignored like the others).
                    if let Err(err) = credentials::validate_auths(&doc) {
                        eprintln!(
                            "WARNING: Error parsing config file ({}): {err}",
                            path.display()
                        );
                    }
                    doc
                }
                Err(err) => {
                    eprintln!(
                        "WARNING: Error parsing config file ({}): {err}",
                        path.display()
                    );
                    Map::new()
                }
            },
            Err(_) => Map::new(),
        };
        ConfigFile { dir, doc }
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

    /// Write the document back atomically (temp file + rename) with mode 0600.
    pub fn save(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        // Tab-indented like docker's `json.MarshalIndent(…, "", "\t")`.
        let mut text = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
        let mut ser = serde_json::Serializer::with_formatter(&mut text, fmt);
        serde::Serialize::serialize(&Value::Object(self.doc.clone()), &mut ser)
            .map_err(std::io::Error::other)?;
        write_atomic(&self.path(), &text)
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
/// crash never leaves a half-written file; the result has mode 0600.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
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
}
