//! `ps --json` and `images --json` (dkr's own, issue #15): the flag checks and the listings;
//! the objects and their schema are `render::json_rows`.

use super::images::ImagesArgs;
use super::ps::PsArgs;
use super::Context;
use crate::engine::api::{ContainerListOptions, ImageListOptions};
use crate::engine::models::{ContainerSummary, ImageSummary};
use crate::engine::Client;
use crate::exit::{StatusError, FAILURE};
use crate::opts::filter::filters_of;
use crate::render::json_rows::{conflict, container_json, image_json, lines};

/// `--json` with `-q` or `--format`: an error before any request (exit 1, as docker's
/// `conflicting options` errors).
pub fn check(quiet: bool, format: Option<&str>) -> anyhow::Result<()> {
    match conflict(quiet, format) {
        Some(msg) => Err(StatusError::new(FAILURE, msg).into()),
        None => Ok(()),
    }
}

/// `ps --json`: `-a`, `-n`, `-l`, `--filter` and `-s` apply as in the table; `--no-trunc`
/// changes nothing (IDs are always whole).
pub fn ps(ctx: &Context, args: &PsArgs) -> anyhow::Result<i32> {
    check(args.quiet, args.list.format.as_deref())?;
    let size = args.size.unwrap_or(false);
    let limit = if args.latest && args.last == -1 {
        1
    } else {
        args.last
    };
    let opts = ContainerListOptions {
        all: args.all,
        limit,
        size,
        filters: filters_of(&args.list.filter),
    };
    let containers: Vec<ContainerSummary> = ctx.client()?.container_list(&opts)?;
    let out = lines(containers.iter().map(|c| container_json(c, size)))?;
    ctx.out.write_all(&out)?;
    Ok(crate::exit::OK)
}

/// `images --json`: one object per image that `images` (with the same `-a`, `--filter` and
/// `REPOSITORY[:TAG]`) lists; `--digests` and `--no-trunc` change nothing.
pub fn images(ctx: &Context, client: &Client, opts: &ImageListOptions) -> anyhow::Result<bool> {
    let images: Vec<ImageSummary> = client.image_list(opts)?;
    ctx.out.write_all(&lines(images.iter().map(image_json))?)?;
    Ok(!images.is_empty())
}

/// `images --json` with `--tree`: both want the whole output.
pub fn check_images(args: &ImagesArgs) -> anyhow::Result<()> {
    if args.tree == Some(true) {
        return Err(StatusError::new(
            FAILURE,
            "conflicting options: cannot specify both --json and --tree",
        )
        .into());
    }
    check(args.quiet, args.list.format.as_deref())
}
