//! Go's `crypto/x509` system roots on Linux (`root_unix.go`, `root_linux.go`): the trust store a
//! Go client such as docker verifies a server against when no CA file is given.

use std::path::{Path, PathBuf};

/// Go's `certFiles` for Linux, tried in order; the first one that reads is used.
const CERT_FILES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/pki/tls/cacert.pem",
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
    "/etc/ssl/cert.pem",
];

/// Go's `certDirectories` for Linux: every file in each is read as well.
const CERT_DIRS: &[&str] = &["/etc/ssl/certs", "/etc/pki/tls/certs"];

/// The PEM files of Go's system pool, with the environment Go reads (`SSL_CERT_FILE`,
/// `SSL_CERT_DIR`) when it builds the pool.
pub fn system_roots() -> Vec<Vec<u8>> {
    let env = |k: &str| std::env::var(k).ok();
    system_root_pems(
        env("SSL_CERT_FILE").as_deref(),
        env("SSL_CERT_DIR").as_deref(),
    )
}

/// The PEM files Go reads for its system pool: `SSL_CERT_FILE` (else the first of the
/// distribution bundles that can be read), then every regular file in `SSL_CERT_DIR`'s
/// colon-separated folders (else the default folders). `None` values mean "unset".
pub fn system_root_pems(cert_file: Option<&str>, cert_dir: Option<&str>) -> Vec<Vec<u8>> {
    let mut pems = Vec::new();
    let files: Vec<&str> = match cert_file.filter(|f| !f.is_empty()) {
        Some(f) => vec![f],
        None => CERT_FILES.to_vec(),
    };
    if let Some(data) = files.iter().find_map(|f| std::fs::read(f).ok()) {
        pems.push(data);
    }
    let dirs: Vec<&str> = match cert_dir.filter(|d| !d.is_empty()) {
        Some(d) => d.split(':').collect(),
        None => CERT_DIRS.to_vec(),
    };
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        pems.extend(paths.iter().filter_map(|p| read_regular(p)));
    }
    pems
}

/// A file's bytes when it is (or links to) a regular file; folders and the unreadable are
/// skipped, as Go's loop does.
fn read_regular(path: &Path) -> Option<Vec<u8>> {
    std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .and_then(|_| std::fs::read(path).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_file_and_folders_are_read() {
        let dir = std::env::temp_dir().join(format!("dkr-x509-{}", std::process::id()));
        let sub = dir.join("d");
        std::fs::create_dir_all(sub.join("nested")).unwrap();
        std::fs::write(dir.join("bundle.pem"), b"BUNDLE").unwrap();
        std::fs::write(sub.join("b.pem"), b"B").unwrap();
        std::fs::write(sub.join("a.pem"), b"A").unwrap();
        let file = dir.join("bundle.pem");
        let got = system_root_pems(file.to_str(), sub.to_str());
        assert_eq!(got, [b"BUNDLE".to_vec(), b"A".to_vec(), b"B".to_vec()]);
        // A named file that does not exist: only the folders.
        let missing = dir.join("missing.pem");
        let got = system_root_pems(missing.to_str(), sub.to_str());
        assert_eq!(got, [b"A".to_vec(), b"B".to_vec()]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
