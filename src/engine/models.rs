//! Serde models of engine answers. Lenient on read: unknown fields are ignored, missing ones
//! default, so a newer or different engine never breaks a listing.

use serde::Deserialize;
use std::collections::BTreeMap;

/// `null` read as the type's default: some engines send `"Labels": null` or `"Ports": null`
/// where moby sends `{}` / `[]`, and serde's `default` only covers missing fields.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// One entry of `GET /containers/json`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ContainerSummary {
    #[serde(rename = "Id", deserialize_with = "null_default")]
    pub id: String,
    #[serde(deserialize_with = "null_default")]
    pub names: Vec<String>,
    #[serde(deserialize_with = "null_default")]
    pub image: String,
    #[serde(rename = "ImageID", deserialize_with = "null_default")]
    pub image_id: String,
    /// API ≥ 1.48: the manifest the container's image was created from (with its platform).
    pub image_manifest_descriptor: Option<ManifestDescriptor>,
    #[serde(deserialize_with = "null_default")]
    pub command: String,
    #[serde(deserialize_with = "null_default")]
    pub created: i64,
    #[serde(deserialize_with = "null_default")]
    pub ports: Vec<Port>,
    #[serde(deserialize_with = "null_default")]
    pub size_rw: i64,
    #[serde(deserialize_with = "null_default")]
    pub size_root_fs: i64,
    /// `None` when the daemon sent none (docker prints an empty Labels field either way).
    pub labels: Option<BTreeMap<String, String>>,
    #[serde(deserialize_with = "null_default")]
    pub state: String,
    #[serde(deserialize_with = "null_default")]
    pub status: String,
    pub network_settings: Option<SummaryNetworkSettings>,
    #[serde(deserialize_with = "null_default")]
    pub mounts: Vec<MountPoint>,
}

/// Only the ID of an entry of `GET /containers/json` or `/images/json` (`ps -q`, `images -q`):
/// the other fields are skipped unread.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IdOnly {
    #[serde(rename = "Id", deserialize_with = "null_default")]
    pub id: String,
}

/// An OCI content descriptor (`ImageManifestDescriptor`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ManifestDescriptor {
    pub media_type: String,
    pub digest: String,
    pub size: i64,
    pub platform: Option<OciPlatform>,
}

/// An OCI platform (`ocispec.Platform`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OciPlatform {
    pub architecture: String,
    pub os: String,
    #[serde(rename = "os.version")]
    pub os_version: String,
    #[serde(rename = "os.features", deserialize_with = "null_default")]
    pub os_features: Vec<String>,
    pub variant: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Port {
    #[serde(rename = "IP")]
    pub ip: String,
    pub private_port: u16,
    pub public_port: u16,
    #[serde(rename = "Type")]
    pub kind: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SummaryNetworkSettings {
    #[serde(deserialize_with = "null_default")]
    pub networks: BTreeMap<String, serde_json::Value>,
}

/// Also `ps --json`'s `Mounts` entry as it is (`render::json_rows`).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MountPoint {
    #[serde(rename = "Type")]
    pub kind: String,
    pub name: String,
    pub source: String,
    pub destination: String,
    pub driver: String,
    pub mode: String,
    #[serde(rename = "RW")]
    pub rw: bool,
    pub propagation: String,
}

/// One entry of `GET /images/json`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ImageSummary {
    #[serde(rename = "Id")]
    pub id: String,
    pub parent_id: String,
    pub repo_tags: Option<Vec<String>>,
    pub repo_digests: Option<Vec<String>>,
    #[serde(deserialize_with = "null_default")]
    pub created: i64,
    #[serde(deserialize_with = "null_default")]
    pub size: i64,
    /// -1 when the daemon did not compute it (docker prints `N/A`).
    #[serde(deserialize_with = "null_default")]
    pub shared_size: i64,
    pub virtual_size: Option<i64>,
    pub labels: Option<BTreeMap<String, String>>,
    /// -1 when the daemon did not compute it (docker prints `N/A`).
    #[serde(deserialize_with = "null_default")]
    pub containers: i64,
}

/// The answer of `POST /containers/create`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ContainerCreateResponse {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Warnings", default)]
    pub warnings: Option<Vec<String>>,
}

/// An answer that is only the new object's ID (`POST /commit`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IdResponse {
    #[serde(rename = "Id")]
    pub id: String,
}

/// `AuthenticateOKBody`, the answer of `POST /auth`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AuthResponse {
    pub status: String,
    pub identity_token: String,
}

/// One entry of `DELETE /images/{name}` (`image.DeleteResponse`): either field is set.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ImageDeleteResponse {
    #[serde(deserialize_with = "null_default")]
    pub untagged: String,
    #[serde(deserialize_with = "null_default")]
    pub deleted: String,
}

/// The answer of `POST /containers/{id}/wait` (`container.WaitResponse`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ContainerWaitResponse {
    #[serde(deserialize_with = "null_default")]
    pub status_code: i64,
    pub error: Option<WaitExitError>,
}

/// `container.WaitExitError`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct WaitExitError {
    #[serde(deserialize_with = "null_default")]
    pub message: String,
}
