//! Exec endpoints: create, start (detached, or hijacked), resize and inspect (docker's
//! `client/container_exec.go`, `container_resize.go`).

use serde::{Deserialize, Serialize};

use super::checked_id;
use crate::engine::http::{path_escape, Query};
use crate::engine::{decode, version_lt, Client, EngineError, Upgraded};

/// The body of `POST /containers/{id}/exec` (docker's `container.ExecOptions`), fields in Go's
/// order so the request is byte-comparable with docker's.
#[derive(Serialize, Debug, Clone, Default)]
pub struct ExecCreateOptions {
    #[serde(rename = "User")]
    pub user: String,
    #[serde(rename = "Privileged")]
    pub privileged: bool,
    #[serde(rename = "Tty")]
    pub tty: bool,
    /// `[height, width]`; dropped for daemons older than API 1.42, as docker's client does.
    #[serde(rename = "ConsoleSize", skip_serializing_if = "Option::is_none")]
    pub console_size: Option<[u16; 2]>,
    #[serde(rename = "AttachStdin")]
    pub attach_stdin: bool,
    #[serde(rename = "AttachStderr")]
    pub attach_stderr: bool,
    #[serde(rename = "AttachStdout")]
    pub attach_stdout: bool,
    #[serde(rename = "Detach")]
    pub detach: bool,
    #[serde(rename = "DetachKeys")]
    pub detach_keys: String,
    /// `null` when there are none.
    #[serde(rename = "Env")]
    pub env: Option<Vec<String>>,
    #[serde(rename = "WorkingDir")]
    pub working_dir: String,
    #[serde(rename = "Cmd")]
    pub cmd: Vec<String>,
}

/// The body of `POST /exec/{id}/start` (docker's `container.ExecStartOptions`).
#[derive(Serialize, Debug, Clone, Default)]
pub struct ExecStartOptions {
    #[serde(rename = "Detach")]
    pub detach: bool,
    #[serde(rename = "Tty")]
    pub tty: bool,
    #[serde(rename = "ConsoleSize", skip_serializing_if = "Option::is_none")]
    pub console_size: Option<[u16; 2]>,
}

#[derive(Deserialize, Default)]
struct IdResponse {
    #[serde(rename = "Id", default)]
    id: String,
}

/// The part of `GET /exec/{id}/json` dkr reads (docker's `container.ExecInspect`).
#[derive(Deserialize, Debug, Default)]
#[serde(default)]
pub struct ExecInspect {
    #[serde(rename = "Running")]
    pub running: bool,
    /// `null` while it runs (and on engines that never set it).
    #[serde(rename = "ExitCode")]
    pub exit_code: Option<i64>,
}

fn exec_path(id: &str, rest: &str) -> String {
    format!("/exec/{}{rest}", path_escape(id))
}

impl Client {
    /// The console size only where the API has it (1.42).
    fn console_size_for_api(&self, size: Option<[u16; 2]>) -> Option<[u16; 2]> {
        size.filter(|_| !version_lt(&self.api_version(), "1.42"))
    }

    /// `POST /containers/{id}/exec`: the new exec's ID.
    pub fn exec_create(
        &self,
        container: &str,
        opts: &ExecCreateOptions,
    ) -> Result<String, EngineError> {
        let container = checked_id(container)?;
        let opts = ExecCreateOptions {
            console_size: self.console_size_for_api(opts.console_size),
            ..opts.clone()
        };
        let body = crate::golang::json::marshal(&opts);
        let path = format!("/containers/{}/exec", path_escape(container));
        let (_, bytes) = self.call("POST", &path, Some((&body, "application/json")), &[])?;
        Ok(decode::<IdResponse>(&bytes)?.id)
    }

    /// `POST /exec/{id}/start` for a detached exec: the daemon answers once it has started.
    pub fn exec_start(&self, id: &str, opts: &ExecStartOptions) -> Result<(), EngineError> {
        let body = crate::golang::json::marshal(&self.start_options(opts));
        self.call(
            "POST",
            &exec_path(id, "/start"),
            Some((&body, "application/json")),
            &[],
        )
        .map(|_| ())
    }

    /// `POST /exec/{id}/start` with `Connection: Upgrade`: the hijacked connection of an
    /// attached exec (docker's `ContainerExecAttach`).
    pub fn exec_attach(&self, id: &str, opts: &ExecStartOptions) -> Result<Upgraded, EngineError> {
        let body = crate::golang::json::marshal(&self.start_options(opts));
        self.upgrade(&exec_path(id, "/start"), Some((&body, "application/json")))
    }

    fn start_options(&self, opts: &ExecStartOptions) -> ExecStartOptions {
        ExecStartOptions {
            console_size: self.console_size_for_api(opts.console_size),
            ..opts.clone()
        }
    }

    /// `POST /exec/{id}/resize?h=…&w=…`.
    pub fn exec_resize(&self, id: &str, height: u16, width: u16) -> Result<(), EngineError> {
        let mut q = Query::new();
        q.add("h", height.to_string()).add("w", width.to_string());
        self.post(&q.append_to(&exec_path(id, "/resize")))
            .map(|_| ())
    }

    /// `GET /exec/{id}/json`.
    pub fn exec_inspect(&self, id: &str) -> Result<ExecInspect, EngineError> {
        self.get_json(&exec_path(id, "/json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_body_is_go_shaped() {
        let opts = ExecCreateOptions {
            tty: true,
            attach_stdout: true,
            attach_stderr: true,
            cmd: vec!["echo".into(), "<hi>".into()],
            ..ExecCreateOptions::default()
        };
        assert_eq!(
            String::from_utf8(crate::golang::json::marshal(&opts)).unwrap(),
            r#"{"User":"","Privileged":false,"Tty":true,"AttachStdin":false,"AttachStderr":true,"AttachStdout":true,"Detach":false,"DetachKeys":"","Env":null,"WorkingDir":"","Cmd":["echo","\u003chi\u003e"]}"#
        );
        let start = ExecStartOptions {
            detach: false,
            tty: true,
            console_size: Some([24, 80]),
        };
        assert_eq!(
            String::from_utf8(crate::golang::json::marshal(&start)).unwrap(),
            r#"{"Detach":false,"Tty":true,"ConsoleSize":[24,80]}"#
        );
    }
}
