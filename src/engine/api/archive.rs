//! Container filesystem endpoints: `HEAD`, `GET` and `PUT /containers/{id}/archive` (docker's
//! `client/container_copy.go`): a path's stat from the `X-Docker-Container-Path-Stat` header,
//! a tar stream out, a tar stream in.

use std::io;

use base64::Engine as _;
use serde::Deserialize;

use super::{checked_id, container_path};
use crate::engine::http::{Head, Query};
use crate::engine::{Client, EngineError, Response};

/// `container.PathStat`: what the engine says about a path in a container.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct PathStat {
    pub name: String,
    pub size: i64,
    /// Go's `os.FileMode` bits (`golang::os::MODE_DIR`, …) and permissions.
    pub mode: u32,
    pub mtime: String,
    #[serde(rename = "linkTarget")]
    pub link_target: String,
}

impl PathStat {
    pub fn is_dir(&self) -> bool {
        self.mode & crate::golang::os::MODE_DIR != 0
    }

    pub fn is_symlink(&self) -> bool {
        self.mode & crate::golang::os::MODE_SYMLINK != 0
    }
}

/// `PUT /containers/{id}/archive` options (docker's `container.CopyToContainerOptions`).
#[derive(Debug, Clone, Default)]
pub struct CopyToContainerOptions {
    /// The directory in the container the archive is extracted into.
    pub path: String,
    /// `noOverwriteDirNonDir=true` unless set: a directory is never replaced by a file or
    /// the reverse.
    pub allow_overwrite_dir_with_file: bool,
    /// `copyUIDGID=true` (`cp -a`).
    pub copy_uid_gid: bool,
}

impl CopyToContainerOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add("path", self.path.clone());
        q.add_if(
            !self.allow_overwrite_dir_with_file,
            "noOverwriteDirNonDir",
            "true",
        );
        q.add_if(self.copy_uid_gid, "copyUIDGID", "true");
        q
    }
}

/// The query of the stat and read requests: just the path.
fn path_query(path: &str) -> Query {
    let mut q = Query::new();
    q.add("path", path);
    q
}

/// `getContainerPathStatFromHeader`: the base64 JSON of `X-Docker-Container-Path-Stat`.
fn stat_of(head: &Head) -> Result<PathStat, String> {
    let raw = head.header("X-Docker-Container-Path-Stat").unwrap_or("");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(raw.trim())
        .map_err(|e| format!("unable to decode container path stat header: {e}"))?;
    serde_json::from_slice(&bytes)
        .map_err(|e| format!("unable to decode container path stat header: {e}"))
}

impl Client {
    /// `HEAD /containers/{id}/archive?path=…`: the stat of a path in the container.
    pub fn container_stat_path(&self, id: &str, path: &str) -> Result<PathStat, EngineError> {
        let id = checked_id(id)?;
        let head = self.head(&path_query(path).append_to(&container_path(id, "/archive")))?;
        stat_of(&head).map_err(EngineError::Decode)
    }

    /// `GET /containers/{id}/archive?path=…`: the tar stream of a path and its stat.
    pub fn copy_from_container(
        &self,
        id: &str,
        path: &str,
    ) -> Result<(Response, PathStat), EngineError> {
        let id = checked_id(id)?;
        let target = path_query(path).append_to(&container_path(id, "/archive"));
        let resp = self.request("GET", &target, None, &[])?;
        let stat = stat_of(&resp.head).map_err(|e| {
            EngineError::Decode(format!("unable to get resource stat from response: {e}"))
        })?;
        Ok((resp, stat))
    }

    /// `PUT /containers/{id}/archive?path=…`: the tar stream `content` writes, extracted in
    /// the container.
    pub fn copy_to_container(
        &self,
        id: &str,
        opts: &CopyToContainerOptions,
        content: &mut dyn FnMut(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        let target = opts.query().append_to(&container_path(id, "/archive"));
        let resp = self.send_streaming("PUT", &target, "application/x-tar", content)?;
        self.finish(resp.body)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_and_stat_header() {
        let o = CopyToContainerOptions {
            path: "/d x".into(),
            allow_overwrite_dir_with_file: false,
            copy_uid_gid: true,
        };
        assert_eq!(
            o.query().encode(),
            "copyUIDGID=true&noOverwriteDirNonDir=true&path=%2Fd+x"
        );
        let json = r#"{"name":"d","size":4096,"mode":2147484141,"mtime":"2026-12-03T10:37:15Z","linkTarget":""}"#;
        let head = Head {
            status: 200,
            reason: "OK".into(),
            headers: vec![(
                "X-Docker-Container-Path-Stat".into(),
                base64::engine::general_purpose::STANDARD.encode(json),
            )],
        };
        let st = stat_of(&head).unwrap();
        assert!(st.is_dir() && !st.is_symlink());
        assert_eq!(st.name, "d");
        assert!(stat_of(&Head {
            status: 200,
            reason: String::new(),
            headers: vec![]
        })
        .is_err());
    }
}
