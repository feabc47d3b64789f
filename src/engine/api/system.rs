//! System endpoints: ping, version, registry login and the event stream (docker's
//! `client/ping.go`, `version.go`, `login.go`, `events.go`).

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::Filters;
use crate::engine::http::Query;
use crate::engine::models::AuthResponse;
use crate::engine::{Client, EngineError, Response};

/// `GET /events` (docker's `events.ListOptions`): without `until` the stream never ends.
#[derive(Debug, Clone, Default)]
pub struct EventsOptions {
    /// API timestamps (`engine::timestamp::get_timestamp`), sent when set.
    pub since: Option<String>,
    pub until: Option<String>,
    /// Sent JSON-encoded when not empty.
    pub filters: Filters,
}

impl EventsOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        if let Some(ts) = &self.since {
            q.add("since", ts.clone());
        }
        if let Some(ts) = &self.until {
            q.add("until", ts.clone());
        }
        self.filters.add_to(&mut q);
        q
    }
}

impl Client {
    /// `GET /v…/_ping` under the negotiated version; only its error matters to callers.
    pub fn ping(&self) -> Result<(), EngineError> {
        self.call("GET", "/_ping", None, &[]).map(|_| ())
    }

    /// `GET /version`, decoded into the caller's model.
    pub fn server_version<T: DeserializeOwned>(&self) -> Result<T, EngineError> {
        self.get_json("/version")
    }

    /// `POST /auth` with the auth config: the daemon checks the credentials with the registry.
    pub fn registry_login<B: Serialize>(&self, auth: &B) -> Result<AuthResponse, EngineError> {
        self.post_json("/auth", auth)
    }

    /// `GET /events`: the streaming answer, one JSON message per event
    /// (`engine::stream::JsonStream` reads them).
    pub fn events(&self, opts: &EventsOptions) -> Result<Response, EngineError> {
        self.request("GET", &opts.query().append_to("/events"), None, &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_query_matches_docker() {
        let mut f = Filters::default();
        f.add("type", "container");
        let q = EventsOptions {
            since: Some("1".into()),
            until: None,
            filters: f,
        }
        .query();
        assert_eq!(
            q.append_to("/events"),
            "/events?filters=%7B%22type%22%3A%7B%22container%22%3Atrue%7D%7D&since=1"
        );
    }
}
