//! `dkr commit` (docker's `cli/command/container/commit.go` and the client's
//! `ContainerCommit` at v28.2.2): the reference is parsed client-side (digest and uppercase
//! refused, `latest` by default, none → an untagged image), then `POST /commit`.

use super::Context;
use crate::cli::Arity;
use crate::engine::api::CommitOptions;
use crate::engine::reference::Reference;
use crate::exit::StatusError;

// Flags of `dkr commit`. Flags stop at the first positional (pflag `SetInterspersed(false)`).
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
    args_override_self = true
)]
pub struct CommitArgs {
    /// Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")
    #[arg(short = 'a', long, value_name = "string", allow_hyphen_values = true)]
    pub author: Option<String>,
    /// Apply Dockerfile instruction to the created image
    #[arg(short = 'c', long, value_name = "list", allow_hyphen_values = true, action = clap::ArgAction::Append)]
    pub change: Vec<String>,
    /// Commit message
    #[arg(short = 'm', long, value_name = "string", allow_hyphen_values = true)]
    pub message: Option<String>,
    /// Pause container during commit
    #[arg(short = 'p', long, num_args = 0..=1, default_value = "true")]
    pub pause: bool,
    /// CONTAINER [REPOSITORY[:TAG]]
    #[arg(hide = true, trailing_var_arg = true)]
    pub args: Vec<String>,
}

/// The commit options (`ContainerCommit`), after docker's client-side checks of the container
/// and the reference.
pub fn commit_options(
    container: &str,
    reference: Option<&str>,
    author: &str,
    comment: &str,
    changes: &[String],
    pause: bool,
) -> Result<CommitOptions, String> {
    let container = container.trim();
    if container.is_empty() {
        return Err("invalid container name or ID: value is empty".to_string());
    }
    let (mut repo, mut tag) = (String::new(), String::new());
    if let Some(r) = reference.filter(|r| !r.is_empty()) {
        let parsed = Reference::parse(r)?;
        if parsed.digest.is_some() {
            return Err("refusing to create a tag with a digest reference".to_string());
        }
        let parsed = parsed.with_default_tag();
        tag = parsed.tag.clone().unwrap_or_default();
        repo = parsed.full_name();
    }
    Ok(CommitOptions {
        container: container.to_string(),
        repo,
        tag,
        comment: comment.to_string(),
        author: author.to_string(),
        changes: changes.to_vec(),
        pause,
    })
}

pub fn run(ctx: &Context, a: CommitArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(a.args.len(), Arity::Range(1, 2))?;
    let opts = commit_options(
        &a.args[0],
        a.args.get(1).map(String::as_str),
        a.author.as_deref().unwrap_or(""),
        a.message.as_deref().unwrap_or(""),
        &a.change,
        a.pause,
    )
    .map_err(|e| StatusError::new(crate::exit::FAILURE, e))?;
    let client = ctx.client()?;
    let resp = client.container_commit(&opts)?;
    ctx.out.line(&resp.id)?;
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_matches_docker() {
        let opts = commit_options(
            "beh-logs",
            Some("beh-commit-test:v1"),
            "Me <me@x>",
            "my msg",
            &["ENV X=1".to_string(), "CMD [\"sh\"]".to_string()],
            false,
        )
        .unwrap();
        assert_eq!(
            opts.query().encode(),
            "author=Me+%3Cme%40x%3E&changes=ENV+X%3D1&changes=CMD+%5B%22sh%22%5D&comment=my+msg&container=beh-logs&pause=0&repo=docker.io%2Flibrary%2Fbeh-commit-test&tag=v1"
        );
        let opts = commit_options("c", None, "", "", &[], true).unwrap();
        assert_eq!(
            opts.query().encode(),
            "author=&comment=&container=c&repo=&tag="
        );
        let opts = commit_options("c", Some("localhost:5000/x"), "", "", &[], true).unwrap();
        assert!(opts
            .query()
            .encode()
            .contains("repo=localhost%3A5000%2Fx&tag=latest"));
    }

    #[test]
    fn client_side_errors() {
        assert_eq!(
            commit_options("c", Some("Bad"), "", "", &[], true).unwrap_err(),
            "invalid reference format: repository name (library/Bad) must be lowercase"
        );
        assert_eq!(
            commit_options(
                "c",
                Some("x@sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71"),
                "",
                "",
                &[],
                true
            )
            .unwrap_err(),
            "refusing to create a tag with a digest reference"
        );
        assert_eq!(
            commit_options(" ", None, "", "", &[], true).unwrap_err(),
            "invalid container name or ID: value is empty"
        );
    }
}
