//! System endpoints: ping, version and registry login (docker's `client/ping.go`,
//! `version.go`, `login.go`).

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::engine::models::AuthResponse;
use crate::engine::{Client, EngineError};

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
}
