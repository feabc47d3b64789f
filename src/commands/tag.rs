//! `dkr tag` (docker's `cli/command/image/tag.go` and the client's `ImageTag`): both references
//! are checked client-side in docker's words (the source may be an ID or digest, the target
//! must be a name without a digest, `latest` by default), then `POST /images/{source}/tag`.

use super::Context;
use crate::cli::Arity;
use crate::engine::reference::{check_any, Reference};
use crate::exit::{StatusError, FAILURE};
use crate::golang::strconv::go_quote;

// Flags of `dkr tag`. Flags stop at the first positional (pflag `SetInterspersed(false)`).
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
    args_override_self = true
)]
pub struct TagArgs {
    /// SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
    #[arg(value_name = "IMAGE", hide = true, trailing_var_arg = true)]
    pub args: Vec<String>,
}

/// The target's repository (full name) and tag, after docker's checks of both references.
pub fn tag_target(source: &str, target: &str) -> Result<(String, String), String> {
    let invalid = |r: &str, e: String| {
        format!(
            "Error parsing reference: {} is not a valid repository/tag: {e}",
            go_quote(r)
        )
    };
    check_any(source).map_err(|e| invalid(source, e))?;
    let parsed = Reference::parse(target).map_err(|e| invalid(target, e))?;
    if parsed.digest.is_some() {
        return Err("refusing to create a tag with a digest reference".to_string());
    }
    let parsed = parsed.with_default_tag();
    Ok((parsed.full_name(), parsed.tag.unwrap_or_default()))
}

pub fn run(ctx: &Context, args: TagArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::Exact(2))?;
    let (source, target) = (&args.args[0], &args.args[1]);
    let (repo, tag) = tag_target(source, target).map_err(|e| StatusError::new(FAILURE, e))?;
    ctx.client()?.image_tag(source, &repo, &tag)?;
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_errors() {
        assert_eq!(
            tag_target("busybox", "x").unwrap(),
            ("docker.io/library/x".to_string(), "latest".to_string())
        );
        assert_eq!(
            tag_target("sha256:abc", "localhost:5000/a/b:1").unwrap(),
            ("localhost:5000/a/b".to_string(), "1".to_string())
        );
        assert_eq!(
            tag_target("busybox", "Bad/Name").unwrap_err(),
            "Error parsing reference: \"Bad/Name\" is not a valid repository/tag: invalid reference format: repository name (Name) must be lowercase"
        );
        assert_eq!(
            tag_target("a b", "x").unwrap_err(),
            "Error parsing reference: \"a b\" is not a valid repository/tag: invalid reference format"
        );
        let digest = format!("x@sha256:{}", "0".repeat(64));
        assert_eq!(
            tag_target("busybox", &digest).unwrap_err(),
            "refusing to create a tag with a digest reference"
        );
    }

    #[test]
    fn flags_stop_at_the_first_argument() {
        let a: TagArgs = crate::cli::parse_args(&["tag", "busybox", "-x"]).unwrap();
        assert_eq!(a.args, ["busybox", "-x"]);
        assert!(crate::cli::parse_args::<TagArgs>(&["tag", "-f", "busybox", "x"]).is_err());
    }
}
