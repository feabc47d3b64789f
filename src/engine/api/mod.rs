//! The typed engine API: one method per endpoint the commands use, each spelling docker's path,
//! query and body (docker's `client/container_list.go`, `image_pull.go`, …), so commands never
//! build a URL.

mod container;
mod exec;
mod filters;
mod image;
mod system;

pub use container::{
    AttachOptions, ContainerCreateOptions, ContainerListOptions, LogsOptions, StopOptions,
    WaitCondition,
};
pub use exec::{ExecCreateOptions, ExecInspect, ExecStartOptions};
pub use filters::Filters;
pub use image::{CommitOptions, ImageListOptions, ImagePullOptions, ImagePushOptions};

use super::http::path_escape;
use super::EngineError;

/// docker's `trimID`: an ID or name that is only blanks is refused before any request.
fn checked_id(id: &str) -> Result<&str, EngineError> {
    if id.trim().is_empty() {
        return Err(EngineError::Decode(
            "invalid container name or ID: value is empty".to_string(),
        ));
    }
    Ok(id)
}

/// `/containers/{id}{rest}` with the ID escaped as one path segment.
fn container_path(id: &str, rest: &str) -> String {
    format!("/containers/{}{rest}", path_escape(id))
}
