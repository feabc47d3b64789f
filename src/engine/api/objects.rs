//! Inspect endpoints, each answering the object's JSON as the daemon sent it (docker's
//! `client/*_inspect.go` with their `…WithRaw` variants): images, networks, volumes, plugins,
//! the swarm objects, and `GET /info` for the swarm check of a type-less `inspect`.

use super::{api_path, image_path};
use crate::engine::http::Query;
use crate::engine::{Client, EngineError};

/// The kinds of objects `inspect` can look up, in the spelling of docker's `--type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    Container,
    Image,
    Network,
    Volume,
    Service,
    Task,
    Node,
    Plugin,
    Secret,
    Config,
}

/// docker's `trimID`: the reference without surrounding blanks, or the client's error for an
/// empty one (`invalid network name or ID: value is empty`; docker spells config "contig").
pub fn trim_id(kind: &str, id: &str) -> Result<String, EngineError> {
    let id = id.trim();
    if id.is_empty() {
        return Err(EngineError::Decode(format!(
            "invalid {kind} name or ID: value is empty"
        )));
    }
    Ok(id.to_string())
}

impl Client {
    fn get_raw(&self, path_and_query: &str) -> Result<Vec<u8>, EngineError> {
        Ok(self.call("GET", path_and_query, None, &[])?.1)
    }

    /// `GET /images/{ref}/json`, with `platform` (the OCI platform as JSON, API 1.49).
    pub fn image_inspect_raw(
        &self,
        image: &str,
        platform: Option<&str>,
    ) -> Result<Vec<u8>, EngineError> {
        let mut q = Query::new();
        if let Some(p) = platform {
            q.add("platform", p);
        }
        self.get_raw(&q.append_to(&image_path(image, "/json")))
    }

    /// `GET /networks/{id}`.
    pub fn network_inspect_raw(&self, id: &str) -> Result<Vec<u8>, EngineError> {
        let id = trim_id("network", id)?;
        self.get_raw(&api_path(&format!("/networks/{id}")))
    }

    /// `GET /volumes/{name}`.
    pub fn volume_inspect_raw(&self, id: &str) -> Result<Vec<u8>, EngineError> {
        let id = trim_id("volume", id)?;
        self.get_raw(&api_path(&format!("/volumes/{id}")))
    }

    /// `GET /plugins/{name}/json`.
    pub fn plugin_inspect_raw(&self, id: &str) -> Result<Vec<u8>, EngineError> {
        let id = trim_id("plugin", id)?;
        self.get_raw(&api_path(&format!("/plugins/{id}/json")))
    }

    /// `GET /services/{id}?insertDefaults=true` (docker's inspect shows the defaults).
    pub fn service_inspect_raw(&self, id: &str) -> Result<Vec<u8>, EngineError> {
        let id = trim_id("service", id)?;
        let mut q = Query::new();
        q.add("insertDefaults", "true");
        self.get_raw(&q.append_to(&api_path(&format!("/services/{id}"))))
    }

    /// `GET /tasks/{id}`, `/nodes/{id}`, `/secrets/{id}`, `/configs/{id}`.
    pub fn swarm_object_inspect_raw(
        &self,
        kind: ObjectKind,
        id: &str,
    ) -> Result<Vec<u8>, EngineError> {
        let (name, dir) = match kind {
            ObjectKind::Task => ("task", "tasks"),
            ObjectKind::Node => ("node", "nodes"),
            ObjectKind::Secret => ("secret", "secrets"),
            _ => ("contig", "configs"),
        };
        let id = trim_id(name, id)?;
        self.get_raw(&api_path(&format!("/{dir}/{id}")))
    }

    /// `GET /info`, as a JSON value (only `Swarm.ControlAvailable` is read).
    pub fn info_value(&self) -> Result<serde_json::Value, EngineError> {
        self.get_json("/info")
    }
}
