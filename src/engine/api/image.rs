//! Image endpoints: list, create (pull), push, commit, remove and tag (docker's
//! `client/image_list.go`, `image_pull.go`, `image_push.go`, `container_commit.go`,
//! `image_remove.go`, `image_tag.go`).

use serde::de::DeserializeOwned;

use super::image_path;
use super::Filters;
use crate::engine::http::Query;
use crate::engine::models::{IdResponse, ImageDeleteResponse};
use crate::engine::{decode, Client, EngineError, Keep, Response};

/// `GET /images/json` (docker's `image.ListOptions`).
#[derive(Debug, Clone, Default)]
pub struct ImageListOptions {
    pub all: bool,
    /// Sent JSON-encoded when not empty.
    pub filters: Filters,
    /// `manifests=1` (API 1.47): per-platform manifests, for `--tree`.
    pub manifests: bool,
}

impl ImageListOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add_if(self.all, "all", "1");
        self.filters.add_to(&mut q);
        q.add_if(self.manifests, "manifests", "1");
        q
    }
}

/// `POST /images/create?fromImage=…` (docker's `image.PullOptions` after `ImagePull` split
/// the reference).
#[derive(Debug, Clone, Default)]
pub struct ImagePullOptions {
    /// The full repository name (`docker.io/library/alpine`).
    pub from_image: String,
    /// The tag or digest; `None` pulls all tags.
    pub tag: Option<String>,
    /// Sent lower-cased when not empty, as docker's client does.
    pub platform: String,
}

impl ImagePullOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add("fromImage", self.from_image.clone());
        if let Some(tag) = &self.tag {
            q.add("tag", tag.clone());
        }
        if !self.platform.is_empty() {
            q.add("platform", self.platform.to_lowercase());
        }
        q
    }
}

/// `POST /images/{name}/push` (docker's `image.PushOptions` after `ImagePush` split the
/// reference).
#[derive(Debug, Clone, Default)]
pub struct ImagePushOptions {
    /// The full repository name (`localhost:5000/x`).
    pub name: String,
    /// The tag; `None` pushes all tags.
    pub tag: Option<String>,
    /// The platform as OCI JSON (`{"architecture":"amd64","os":"linux"}`), when given.
    pub platform: Option<String>,
}

impl ImagePushOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        if let Some(p) = &self.platform {
            q.add("platform", p.clone());
        }
        if let Some(tag) = &self.tag {
            q.add("tag", tag.clone());
        }
        q
    }

    fn path(&self) -> String {
        self.query()
            .append_to(&super::image_path(&self.name, "/push"))
    }
}

/// `POST /commit` (docker's `container.CommitOptions`): every key but `pause` is always sent.
#[derive(Debug, Clone, Default)]
pub struct CommitOptions {
    pub container: String,
    /// The full repository name, or empty for an untagged image.
    pub repo: String,
    pub tag: String,
    pub comment: String,
    pub author: String,
    pub changes: Vec<String>,
    pub pause: bool,
}

impl CommitOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add("container", self.container.clone())
            .add("repo", self.repo.clone())
            .add("tag", self.tag.clone())
            .add("comment", self.comment.clone())
            .add("author", self.author.clone());
        for c in &self.changes {
            q.add("changes", c.clone());
        }
        q.add_if(!self.pause, "pause", "0");
        q
    }
}

/// `DELETE /images/{name}` (docker's `image.RemoveOptions`).
#[derive(Debug, Clone, Default)]
pub struct ImageRemoveOptions {
    pub force: bool,
    /// `noprune=1` when false.
    pub prune_children: bool,
    /// Each platform already JSON-encoded as the OCI `Platform` (API 1.50); one `platforms=`
    /// per entry, duplicates dropped.
    pub platforms: Vec<String>,
}

impl ImageRemoveOptions {
    pub fn query(&self) -> Query {
        let mut q = Query::new();
        q.add_if(self.force, "force", "1");
        q.add_if(!self.prune_children, "noprune", "1");
        let mut seen: Vec<&String> = Vec::new();
        for p in &self.platforms {
            if !seen.contains(&p) {
                seen.push(p);
                q.add("platforms", p.clone());
            }
        }
        q
    }
}

impl Client {
    /// `GET /images/json`, decoded into the caller's model of a summary.
    pub fn image_list<T: DeserializeOwned>(
        &self,
        opts: &ImageListOptions,
    ) -> Result<Vec<T>, EngineError> {
        self.get_json(&opts.query().append_to("/images/json"))
    }

    /// [`Client::image_list`] element by element: `each` gets every image as it is decoded,
    /// with only the `keep` keys of it read (`None`: all), so a long listing never sits in
    /// memory whole.
    pub fn image_list_each<T, F>(
        &self,
        opts: &ImageListOptions,
        keep: Keep<'_>,
        each: F,
    ) -> anyhow::Result<()>
    where
        T: DeserializeOwned,
        F: FnMut(T) -> anyhow::Result<()>,
    {
        self.get_json_each(&opts.query().append_to("/images/json"), keep, each)
    }

    /// `POST /images/create` with `X-Registry-Auth: registry_auth`: the progress stream.
    pub fn image_create(
        &self,
        opts: &ImagePullOptions,
        registry_auth: &str,
    ) -> Result<Response, EngineError> {
        let extra = [("X-Registry-Auth".to_string(), registry_auth.to_string())];
        self.request(
            "POST",
            &opts.query().append_to("/images/create"),
            None,
            &extra,
        )
    }

    /// `POST /images/{name}/push` with `X-Registry-Auth: registry_auth`: the progress stream.
    pub fn image_push(
        &self,
        opts: &ImagePushOptions,
        registry_auth: &str,
    ) -> Result<Response, EngineError> {
        let extra = [("X-Registry-Auth".to_string(), registry_auth.to_string())];
        self.request("POST", &opts.path(), None, &extra)
    }

    /// `POST /commit`: the new image's ID.
    pub fn container_commit(&self, opts: &CommitOptions) -> Result<IdResponse, EngineError> {
        // docker sends no body (a nil config); Podman 4 refuses that (`Decode(): EOF`), while
        // `{}` (no config, as both engines read it) works on both.
        let (_, body) = self.call(
            "POST",
            &opts.query().append_to("/commit"),
            Some((b"{}", "application/json")),
            &[],
        )?;
        decode(&body)
    }

    /// `DELETE /images/{name}`: what was untagged and deleted, in the daemon's order.
    pub fn image_remove(
        &self,
        name: &str,
        opts: &ImageRemoveOptions,
    ) -> Result<Vec<ImageDeleteResponse>, EngineError> {
        let path = opts.query().append_to(&image_path(name, ""));
        let (_, body) = self.call("DELETE", &path, None, &[])?;
        // Go decodes `null` as no entries.
        Ok(decode::<Option<Vec<ImageDeleteResponse>>>(&body)?.unwrap_or_default())
    }

    /// `POST /images/{source}/tag?repo=…&tag=…`: `repo` is the target's full name, `tag` its
    /// tag (docker's `ImageTag` after its checks of both references).
    pub fn image_tag(&self, source: &str, repo: &str, tag: &str) -> Result<(), EngineError> {
        let mut q = Query::new();
        q.add("repo", repo).add_if(!tag.is_empty(), "tag", tag);
        self.post(&q.append_to(&image_path(source, "/tag")))
            .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_query_matches_docker() {
        let q = |force, prune_children, platforms: &[&str]| {
            ImageRemoveOptions {
                force,
                prune_children,
                platforms: platforms.iter().map(|s| s.to_string()).collect(),
            }
            .query()
            .append_to(&image_path("localhost:5000/a b:1", ""))
        };
        assert_eq!(q(false, true, &[]), "/images/localhost:5000/a%20b:1");
        assert_eq!(image_path("", ""), "/images");
        assert_eq!(image_path("../x", "/tag"), "/x/tag");
        assert_eq!(
            q(true, false, &["{\"os\":\"linux\"}", "{\"os\":\"linux\"}"]),
            "/images/localhost:5000/a%20b:1?force=1&noprune=1&platforms=%7B%22os%22%3A%22linux%22%7D"
        );
    }
}
