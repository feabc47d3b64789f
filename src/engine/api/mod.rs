//! The typed engine API: one method per endpoint the commands use, each spelling docker's path,
//! query and body (docker's `client/container_list.go`, `image_pull.go`, …), so commands never
//! build a URL.

mod archive;
mod container;
mod exec;
mod filters;
mod image;
mod objects;
mod system;

pub use archive::{CopyToContainerOptions, PathStat};
pub use container::{
    wait_result, AttachOptions, ContainerCreateOptions, ContainerListOptions, LogsOptions,
    RemoveOptions, StopOptions, WaitCondition,
};
pub use exec::{ExecCreateOptions, ExecInspect, ExecStartOptions};
pub use filters::Filters;
pub use image::{
    CommitOptions, ImageListOptions, ImagePullOptions, ImagePushOptions, ImageRemoveOptions,
};
pub use objects::{trim_id, ObjectKind};
pub use system::EventsOptions;

use super::http::url_path_escape;
use super::EngineError;

/// docker's `trimID`: an ID or name is sent without surrounding blanks, and one that is only
/// blanks is refused before any request.
fn checked_id(id: &str) -> Result<&str, EngineError> {
    if id.trim().is_empty() {
        return Err(EngineError::Decode(
            "invalid container name or ID: value is empty".to_string(),
        ));
    }
    Ok(id.trim())
}

/// A request path as docker's client makes it (`getAPIPath`): the name put in as typed, the
/// path cleaned (`path.Join`), then escaped as Go escapes a URL path. So `rm ./x` asks for
/// `x` and `rmi ""` for `/images` (the daemon's `page not found`), as docker's requests do.
fn api_path(raw: &str) -> String {
    url_path_escape(&crate::golang::path::clean(raw))
}

/// `/containers/{id}{rest}` ([`api_path`]).
fn container_path(id: &str, rest: &str) -> String {
    api_path(&format!("/containers/{id}{rest}"))
}

/// `/images/{name}{rest}` ([`api_path`]); image names have slashes of their own.
fn image_path(name: &str, rest: &str) -> String {
    api_path(&format!("/images/{name}{rest}"))
}
