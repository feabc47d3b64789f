//! `dkr images` (docker's `cli/command/image/list.go` at v28.2.2): flags and the optional
//! `REPOSITORY[:TAG]` → `GET /images/json` (all, filters with a `reference` entry), rows per
//! repository/tag/digest rendered as a table, JSON or a Go template, and docker's hint when a
//! subcommand name was taken for an image name (`dkr images pull`).

use std::io::Write;

use super::Context;
use crate::cli::{flag_support, Arity};
use crate::engine::api::ImageListOptions;
use crate::engine::models::ImageSummary;
use crate::exit::{StatusError, FAILURE};
use crate::opts::filter::{filters_of, ListFlags};
use crate::render::container::{local_zone, now_nanos};
use crate::render::format;
use crate::render::image::{self, image_format, image_rows, ImageOptions};

// Flags of `dkr images` (docker 28: `-a -q --digests --no-trunc -f --format --tree`).
#[derive(clap::Args, Debug)]
#[command(args_override_self = true)]
pub struct ImagesArgs {
    /// Show all images (default hides intermediate images)
    #[arg(short = 'a', long, num_args = 0..=1)]
    pub all: bool,
    /// Show digests
    #[arg(long, num_args = 0..=1)]
    pub digests: bool,
    #[command(flatten)]
    pub list: ListFlags,
    /// One typed JSON object per line (dkr):
    /// one per image: ID, ParentID, RepoTags [..], RepoDigests [..], CreatedAt (RFC 3339),
    /// Size, SharedSize, UniqueSize (bytes), Containers, Labels {..}; null when unknown
    #[arg(long, num_args = 0..=1, verbatim_doc_comment)]
    pub json: bool,
    /// Don't truncate output
    #[arg(long, num_args = 0..=1)]
    pub no_trunc: bool,
    /// Only show image IDs
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// List multi-platform images as a tree (EXPERIMENTAL)
    #[arg(long, num_args = 0..=1)]
    pub tree: Option<bool>,
    /// The repository (and tag) to list; a glob, passed as a `reference` filter
    #[arg(value_name = "REPOSITORY[:TAG]")]
    pub repository: Option<String>,
    /// docker takes at most one argument; extras are collected to report that in its words.
    #[arg(hide = true)]
    pub extra: Vec<String>,
}

/// The `docker image` subcommands (and aliases) that `printAmbiguousHint` knows.
const IMAGE_SUBCOMMANDS: &[&str] = &[
    "build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm",
    "save", "tag",
];

/// docker's `printAmbiguousHint`, or `None` when `name` is not an image subcommand.
pub fn ambiguous_hint(name: &str) -> Option<String> {
    IMAGE_SUBCOMMANDS.contains(&name).then(|| {
        format!(
            "\nNo images found matching {}: did you mean \"dkr image {name}\"?",
            crate::golang::strconv::go_quote(name)
        )
    })
}

pub fn run(ctx: &Context, args: ImagesArgs) -> anyhow::Result<i32> {
    // docker's `calledAs == "images"`: the top-level spelling, not `image ls`.
    let called_as_images = ctx.invocation.path == ["images"];
    let count = usize::from(args.repository.is_some()) + args.extra.len();
    ctx.invocation.check_arity(count, Arity::AtMost(1))?;
    let match_name = args.repository.clone().unwrap_or_default();
    if args.json {
        super::json_list::check_images(&args)?;
    }

    let client = ctx.client()?;
    // docker's `images` pings first: an unreachable daemon is reported as that ping's failure.
    client.negotiate()?;
    // docker checks the flag's API-version annotation whenever the flag is set (even to
    // false), before running the command.
    if flag_support::has_annotated_flags(&ctx.invocation) {
        let unsupported =
            flag_support::unsupported_flags(&ctx.invocation, &client.api_version(), "");
        if !unsupported.is_empty() {
            // A failed ping leaves no version to compare; the daemon error comes first then.
            client.ping().map_err(anyhow::Error::from)?;
            return Err(StatusError::new(FAILURE, unsupported.join("\n")).into());
        }
    }

    let mut filters = filters_of(&args.list.filter);
    if !match_name.is_empty() {
        filters.add("reference", &match_name);
    }

    if args.tree == Some(true) {
        let fail = |m: &str| -> anyhow::Result<i32> { Err(StatusError::new(FAILURE, m).into()) };
        if args.quiet {
            return fail("--quiet is not yet supported with --tree");
        }
        if args.no_trunc {
            return fail("--no-trunc is not yet supported with --tree");
        }
        if args.digests {
            return fail("--show-digest is not yet supported with --tree");
        }
        if args.list.format.as_deref().is_some_and(|f| !f.is_empty()) {
            return fail("--format is not yet supported with --tree");
        }
        // docker's runTree lists with `manifests=1` first, so daemon errors come before ours.
        let _: Vec<ImageSummary> = client.image_list(&ImageListOptions {
            all: args.all,
            filters,
            manifests: true,
        })?;
        return fail("dkr: --tree is not implemented yet");
    }

    let list_opts = ImageListOptions {
        all: args.all,
        filters,
        manifests: false,
    };
    if args.json {
        let any = super::json_list::images(ctx, &client, &list_opts)?;
        if !any && called_as_images {
            if let Some(hint) = ambiguous_hint(&match_name) {
                ctx.out.err_line(hint);
            }
        }
        return Ok(crate::exit::OK);
    }
    let mut source = args.list.format.clone().unwrap_or_default();
    if source.is_empty() {
        source = match ctx.config.images_format() {
            Some(f) if !args.quiet => f.to_string(),
            _ => "table".to_string(),
        };
    }
    let spec = image_format(&source, args.quiet, args.digests);
    // Each image is decoded with only the keys its rows need and rendered as it comes; only
    // the rendered text is kept. `-q` output goes out as it comes (nothing can fail after an
    // entry decodes); other formats wait for the end of the listing, as docker prints nothing
    // but the error when the template fails on any row, and a daemon or decode error still wins
    // over a template error (docker decodes the list first).
    let mut renderer = match format::Renderer::new(&spec) {
        Ok(r) => r,
        Err(e) => {
            client.image_list_each(&list_opts, Some(&[]), |_: serde::de::IgnoredAny| Ok(()))?;
            return Err(e.into());
        }
    };
    let fields = renderer.fields();
    let keys = image::list_keys(fields.as_ref());
    let opts = ImageOptions {
        trunc: !args.no_trunc,
        digests: args.digests,
        format: &spec,
        fields: fields.as_ref(),
    };
    let quiet = spec == "{{.ID}}";
    let (now, tz) = (now_nanos(), local_zone());
    let escape = ctx.out.stdout_is_terminal();
    let mut out = ctx.out.buffered();
    let mut any = false;
    let mut failed = None;
    client.image_list_each(&list_opts, Some(&keys), |img: ImageSummary| {
        any = true;
        if failed.is_some() {
            return Ok(());
        }
        for row in image_rows(std::slice::from_ref(&img), opts, now, &tz) {
            if let Err(e) = renderer.row(&row) {
                failed = Some(e);
                renderer.take();
                return Ok(());
            }
        }
        if quiet {
            let lines = renderer.take();
            crate::render::sanitize::write_listing_part(&mut out, &source, escape, lines)?;
        }
        Ok(())
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    out.flush()?;
    drop(out);
    if !quiet {
        let buf = renderer.finish(&image::header());
        let buf = crate::render::sanitize::listing_for_stdout(&source, buf);
        ctx.out.write_all(&buf)?;
    }
    if !match_name.is_empty() && !any && called_as_images {
        if let Some(hint) = ambiguous_hint(&match_name) {
            ctx.out.err_line(hint);
        }
    }
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opts::filter::parse_filter;

    #[test]
    fn hint() {
        assert_eq!(
            ambiguous_hint("pull").unwrap(),
            "\nNo images found matching \"pull\": did you mean \"dkr image pull\"?"
        );
        assert_eq!(ambiguous_hint("busybox"), None);
    }

    #[test]
    fn query() {
        let mut f = filters_of(&[
            parse_filter("dangling=true").unwrap(),
            parse_filter("reference=busy*").unwrap(),
        ]);
        f.add("reference", "busybox");
        assert_eq!(
            f.to_json(),
            r#"{"dangling":{"true":true},"reference":{"busy*":true,"busybox":true}}"#
        );
        let all = ImageListOptions {
            all: true,
            ..ImageListOptions::default()
        };
        assert_eq!(all.query().encode(), "all=1");
    }
}
