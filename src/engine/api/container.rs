//! Container endpoints: list, inspect, create, attach, wait, start, stop, restart, kill,
//! resize, remove and logs (docker's `client/container_*.go`).

use std::io::Read;

use serde::de::DeserializeOwned;

use super::Filters;
use super::{checked_id, container_path};
use crate::engine::http::Query;
use crate::engine::models::{ContainerCreateResponse, ContainerWaitResponse};
use crate::engine::{decode, Client, EngineError, Keep, Response, Upgraded};

/// `GET /containers/json` (docker's `container.ListOptions`).
#[derive(Debug, Clone, Default)]
pub struct ContainerListOptions {
    pub all: bool,
    /// Sent when positive.
    pub limit: i64,
    pub size: bool,
    /// Sent JSON-encoded when not empty.
    pub filters: Filters,
}

impl ContainerListOptions {
    /// The query docker's client builds.
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add_if(self.all, "all", "1");
        q.add_if(self.limit > 0, "limit", self.limit.to_string());
        q.add_if(self.size, "size", "1");
        self.filters.add_to(&mut q);
        q
    }
}

/// `POST /containers/create` (`name` and `platform` go in the query).
#[derive(Debug, Clone, Default)]
pub struct ContainerCreateOptions {
    /// Sent when not empty.
    pub name: String,
    /// `os/arch[/variant]` as formatted by the platform parser; sent when not empty.
    pub platform: String,
}

/// `POST /containers/{id}/attach?stream=1…` (docker's `container.AttachOptions`).
#[derive(Debug, Clone, Default)]
pub struct AttachOptions {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
    /// Sent when not empty.
    pub detach_keys: String,
}

/// `POST /containers/{id}/wait?condition=…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitCondition {
    NextExit,
    Removed,
    /// No condition sent: the daemon's default (`not-running`), as `docker wait` asks.
    Default,
}

/// `POST /containers/{id}/stop` (docker's `container.StopOptions`).
#[derive(Debug, Clone, Default)]
pub struct StopOptions {
    /// Sent when set (the caller leaves it out for daemons older than API 1.42).
    pub signal: Option<String>,
    pub timeout: Option<i64>,
}

impl StopOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        if let Some(sig) = &self.signal {
            q.add("signal", sig.clone());
        }
        if let Some(t) = self.timeout {
            q.add("t", t.to_string());
        }
        q
    }
}

/// `DELETE /containers/{id}` (docker's `container.RemoveOptions`).
#[derive(Debug, Clone, Default)]
pub struct RemoveOptions {
    pub volumes: bool,
    pub link: bool,
    pub force: bool,
}

impl RemoveOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add_if(self.volumes, "v", "1");
        q.add_if(self.link, "link", "1");
        q.add_if(self.force, "force", "1");
        q
    }
}

/// `GET /containers/{id}/logs` (docker's `container.LogsOptions`). `since` and `until` are
/// already API timestamps (`engine::timestamp::get_timestamp`).
#[derive(Debug, Clone, Default)]
pub struct LogsOptions {
    pub stdout: bool,
    pub stderr: bool,
    pub since: Option<String>,
    pub until: Option<String>,
    pub timestamps: bool,
    pub details: bool,
    pub follow: bool,
    pub tail: String,
}

impl LogsOptions {
    /// The query, keys as docker's client sets them (the encoder sorts them).
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add_if(self.stdout, "stdout", "1");
        q.add_if(self.stderr, "stderr", "1");
        if let Some(ts) = &self.since {
            q.add("since", ts.clone());
        }
        if let Some(ts) = &self.until {
            q.add("until", ts.clone());
        }
        q.add_if(self.timestamps, "timestamps", "1");
        q.add_if(self.details, "details", "1");
        q.add_if(self.follow, "follow", "1");
        q.add("tail", self.tail.clone());
        q
    }
}

impl Client {
    /// `GET /containers/json`, decoded into the caller's model of a summary.
    pub fn container_list<T: DeserializeOwned>(
        &self,
        opts: &ContainerListOptions,
    ) -> Result<Vec<T>, EngineError> {
        self.get_json(&opts.query().append_to("/containers/json"))
    }

    /// [`Client::container_list`] element by element: `each` gets every container as it is
    /// decoded, with only the `keep` keys of it read (`None`: all), so a long listing never
    /// sits in memory whole.
    pub fn container_list_each<T, F>(
        &self,
        opts: &ContainerListOptions,
        keep: Keep<'_>,
        each: F,
    ) -> anyhow::Result<()>
    where
        T: DeserializeOwned,
        F: FnMut(T) -> anyhow::Result<()>,
    {
        self.get_json_each(&opts.query().append_to("/containers/json"), keep, each)
    }

    /// `GET /containers/{id}/json`, decoded into the caller's model of the part it needs.
    pub fn container_inspect<T: DeserializeOwned>(&self, id: &str) -> Result<T, EngineError> {
        let id = checked_id(id)?;
        self.get_json(&container_path(id, "/json"))
    }

    /// `GET /containers/{id}/json` (`?size=1` with `size`): the answer's bytes as sent, for
    /// `inspect`, which prints them re-indented (docker's `ContainerInspectWithRaw`).
    pub fn container_inspect_raw(&self, id: &str, size: bool) -> Result<Vec<u8>, EngineError> {
        let id = checked_id(id)?;
        let mut q = Query::new();
        q.add_if(size, "size", "1".to_string());
        let (_, bytes) = self.call("GET", &q.append_to(&container_path(id, "/json")), None, &[])?;
        Ok(bytes)
    }

    /// `POST /containers/create` with `body`, the create config already encoded as JSON
    /// (byte for byte as docker's encoder writes it).
    pub fn container_create(
        &self,
        opts: &ContainerCreateOptions,
        body: &[u8],
    ) -> Result<ContainerCreateResponse, EngineError> {
        let mut q = Query::new();
        q.add_if(!opts.platform.is_empty(), "platform", opts.platform.clone());
        q.add_if(!opts.name.is_empty(), "name", opts.name.clone());
        let path = q.append_to("/containers/create");
        let (_, bytes) = self.call("POST", &path, Some((body, "application/json")), &[])?;
        decode(&bytes)
    }

    /// `POST /containers/{id}/attach` with `Connection: Upgrade`: the hijacked connection.
    pub fn container_attach(
        &self,
        id: &str,
        opts: &AttachOptions,
    ) -> Result<Upgraded, EngineError> {
        let mut q = Query::new();
        q.add("stream", "1");
        q.add_if(opts.stdin, "stdin", "1");
        q.add_if(opts.stdout, "stdout", "1");
        q.add_if(opts.stderr, "stderr", "1");
        q.add_if(
            !opts.detach_keys.is_empty(),
            "detachKeys",
            opts.detach_keys.clone(),
        );
        self.upgrade(&q.append_to(&container_path(id, "/attach")), None)
    }

    /// `POST /containers/{id}/wait?condition=…`: the daemon registers the wait before it
    /// answers with headers; the body (`{"StatusCode":…}`) comes when the condition is met.
    pub fn container_wait(&self, id: &str, cond: WaitCondition) -> Result<Response, EngineError> {
        let id = checked_id(id)?;
        let mut q = Query::new();
        match cond {
            WaitCondition::NextExit => q.add("condition", "next-exit"),
            WaitCondition::Removed => q.add("condition", "removed"),
            WaitCondition::Default => &mut q,
        };
        self.request(
            "POST",
            &q.append_to(&container_path(id, "/wait")),
            None,
            &[],
        )
    }

    /// `POST /containers/{id}/start`. The engine answers 204 with no body; docker ignores any
    /// body, but a success that comes with one that is not even JSON did not come from an
    /// engine (a proxy, a wrong socket): the container may never have started, and waiting
    /// for it would wait forever, so it is an error here.
    pub fn container_start(&self, id: &str) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        let (_, body) = self.call("POST", &container_path(id, "/start"), None, &[])?;
        if !body.trim_ascii().is_empty() {
            decode::<serde_json::Value>(&body)?;
        }
        Ok(())
    }

    /// `POST /containers/{id}/start?checkpoint=…[&checkpoint-dir=…]` (experimental daemons).
    pub fn container_start_checkpoint(
        &self,
        id: &str,
        checkpoint: &str,
        dir: &str,
    ) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        let mut q = Query::new();
        q.add_if(!checkpoint.is_empty(), "checkpoint", checkpoint);
        q.add_if(!dir.is_empty(), "checkpoint-dir", dir);
        self.post(&q.append_to(&container_path(id, "/start")))
            .map(|_| ())
    }

    /// `POST /containers/{id}/stop`; 304 (already stopped) is success.
    pub fn container_stop(&self, id: &str, opts: &StopOptions) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        self.post(&opts.query().append_to(&container_path(id, "/stop")))
            .map(|_| ())
    }

    /// `POST /containers/{id}/restart[?signal=…][&t=…]` (the caller leaves the signal out for
    /// daemons older than API 1.42, as docker's client does).
    pub fn container_restart(&self, id: &str, opts: &StopOptions) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        self.post(&opts.query().append_to(&container_path(id, "/restart")))
            .map(|_| ())
    }

    /// `POST /containers/{id}/kill?signal=…`; an empty signal is not sent (the daemon's
    /// default, SIGKILL, or the container's stop signal).
    pub fn container_kill(&self, id: &str, signal: &str) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        let mut q = Query::new();
        q.add_if(!signal.is_empty(), "signal", signal);
        self.post(&q.append_to(&container_path(id, "/kill")))
            .map(|_| ())
    }

    /// `POST /containers/{id}/resize?h=…&w=…`.
    pub fn container_resize(&self, id: &str, height: u16, width: u16) -> Result<(), EngineError> {
        let mut q = Query::new();
        q.add("h", height.to_string()).add("w", width.to_string());
        self.post(&q.append_to(&container_path(id, "/resize")))
            .map(|_| ())
    }

    /// `DELETE /containers/{id}?force=1&link=1&v=1` (docker's `ContainerRemove`).
    pub fn container_remove(&self, id: &str, opts: &RemoveOptions) -> Result<(), EngineError> {
        let id = checked_id(id)?;
        let path = opts.query().append_to(&container_path(id, ""));
        self.call("DELETE", &path, None, &[]).map(|_| ())
    }

    /// `GET /containers/{id}/logs`: the streaming answer (multiplexed unless the container
    /// has a TTY).
    pub fn container_logs(&self, id: &str, opts: &LogsOptions) -> Result<Response, EngineError> {
        let id = checked_id(id)?;
        let path = opts.query().append_to(&container_path(id, "/logs"));
        self.request("GET", &path, None, &[])
    }
}

/// The result of a wait request ([`Client::container_wait`]): the one JSON value docker's
/// client decodes, read as it arrives (nothing after it is awaited). An answer that is not
/// JSON (a proxy's text after the status was sent) is the error, as docker reports it; no
/// answer is `EOF`, a cut one `unexpected EOF`.
pub fn wait_result(resp: Response) -> Result<ContainerWaitResponse, EngineError> {
    /// What was read, for the text of a non-JSON answer.
    struct Tee<R> {
        inner: R,
        seen: Vec<u8>,
    }
    impl<R: Read> Read for Tee<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            if self.seen.len() < WAIT_ERROR_LIMIT {
                self.seen.extend_from_slice(&buf[..n]);
            }
            Ok(n)
        }
    }
    /// docker's `containerWaitErrorMsgLimit`.
    const WAIT_ERROR_LIMIT: usize = 2 * 1024;
    let mut tee = Tee {
        inner: resp,
        seen: Vec::new(),
    };
    let first = serde_json::Deserializer::from_reader(&mut tee)
        .into_iter::<ContainerWaitResponse>()
        .next();
    match first {
        Some(Ok(r)) => Ok(r),
        None => Err(EngineError::Decode("EOF".into())),
        Some(Err(e)) if e.is_eof() => Err(EngineError::Decode("unexpected EOF".into())),
        Some(Err(e)) if e.is_syntax() => {
            let mut rest = Vec::new();
            let _ = (&mut tee.inner)
                .take(WAIT_ERROR_LIMIT as u64)
                .read_to_end(&mut rest);
            let mut text = tee.seen;
            text.extend_from_slice(&rest);
            Err(EngineError::Decode(
                String::from_utf8_lossy(&text).into_owned(),
            ))
        }
        Some(Err(e)) if e.is_io() => Err(EngineError::Io {
            context: String::new(),
            source: e.into(),
        }),
        Some(Err(e)) => Err(EngineError::Decode(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_query_matches_docker() {
        let q = |all, limit, size, filters: &Filters| {
            ContainerListOptions {
                all,
                limit,
                size,
                filters: filters.clone(),
            }
            .query()
        };
        let f = Filters::default();
        assert_eq!(
            q(false, -1, false, &f).append_to("/containers/json"),
            "/containers/json"
        );
        assert_eq!(
            q(true, 3, true, &f).append_to("/containers/json"),
            "/containers/json?all=1&limit=3&size=1"
        );
        assert_eq!(q(false, 0, false, &f).encode(), "");
        let mut f = Filters::default();
        f.add("status", "exited");
        assert_eq!(
            q(true, -1, false, &f).encode(),
            "all=1&filters=%7B%22status%22%3A%7B%22exited%22%3Atrue%7D%7D"
        );
    }
}
