//! `dkr pull` (docker's `cli/command/image/pull.go`, `trust.go` `imagePullPrivileged` and the
//! client's `ImagePull` at v28.2.2): the reference normalised client-side, credentials from
//! the store in effect in `X-Registry-Auth`, `POST /images/create`, the message stream shown
//! by `render::progress`, then the fully qualified reference.
//!
//! Also `pull_for_run`, `run`'s implicit pull (progress to stderr).
//!
//! Beyond docker (issue #14): `--progress` modes, several images in one `pull` and `--retry`
//! (see `jobs` and `render::pull_view`). One image in docker's modes keeps docker's path and
//! bytes exactly.

mod jobs;

use super::Context;
use crate::cli::Arity;
use crate::config::credentials;
use crate::engine::api::ImagePullOptions;
use crate::engine::reference::Reference;
use crate::engine::Client;
use crate::exit::StatusError;
use crate::render::progress::Target;
use crate::render::pull_view::{retry_line, Mode, PullView};

pub use super::registry::mode_of;
use super::registry::{exit_on_signal, request_privilege, resolve, show, target_of};
pub use jobs::{retries_from_env, words};

// Flags of `dkr pull`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] NAME[:TAG|@DIGEST]",
    args_override_self = true
)]
pub struct PullArgs {
    /// Download all tagged images in the repository
    #[arg(short = 'a', long = "all-tags", num_args = 0..=1)]
    pub all_tags: bool,
    /// Skip image verification
    #[arg(long = "disable-content-trust", num_args = 0..=1, default_value = "true")]
    pub disable_content_trust: bool,
    /// Set platform if server is multi-platform capable
    #[arg(long, value_name = "string", allow_hyphen_values = true)]
    pub platform: Option<String>,
    /// Suppress verbose output
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// Progress output: auto, tty, plain, json or quiet (dkr)
    #[arg(long, value_name = "string", env = "DKR_PROGRESS", value_parser = Mode::parse)]
    pub progress: Option<Mode>,
    /// Pull up to this many images at once (dkr)
    #[arg(long, value_name = "int", default_value_t = 3)]
    pub parallel: usize,
    /// Retry an image that failed for a transient reason this many times (dkr)
    #[arg(long, value_name = "int", env = "DKR_PULL_RETRY")]
    pub retry: Option<u32>,
    /// NAME[:TAG|@DIGEST]
    #[arg(hide = true)]
    pub args: Vec<String>,
}

fn fail(msg: impl Into<String>) -> anyhow::Error {
    StatusError::new(crate::exit::FAILURE, msg).into()
}

/// `platform` from the flag, else `DOCKER_DEFAULT_PLATFORM` (`command.AddPlatformFlag`).
fn platform_of(flag: Option<&str>) -> String {
    match flag {
        Some(p) => p.to_string(),
        None => std::env::var("DOCKER_DEFAULT_PLATFORM").unwrap_or_default(),
    }
}

/// The `/images/create` options of a pull (docker's `ImagePull` splits the reference so).
pub fn pull_options(reference: &Reference, all_tags: bool, platform: &str) -> ImagePullOptions {
    ImagePullOptions {
        from_image: reference.full_name(),
        tag: (!all_tags).then(|| reference.api_tag()),
        platform: platform.to_string(),
    }
}

pub fn run(ctx: &Context, a: PullArgs) -> anyhow::Result<i32> {
    if a.args.is_empty() {
        ctx.invocation.check_arity(0, Arity::Exact(1))?;
    }
    let mode = mode_of(a.quiet, a.progress);
    let retries = a.retry.unwrap_or(0);
    if a.args.len() > 1 || matches!(mode, Mode::Plain | Mode::Json) {
        return run_many(ctx, &a, mode, retries);
    }
    let (reference, defaulted) = resolve(&a.args[0], a.all_tags)?;
    if defaulted && mode != Mode::Quiet {
        ctx.out.line(format_args!(
            "Using default tag: {}",
            crate::engine::reference::DEFAULT_TAG
        ))?;
    }
    // Content trust (notary) is not implemented: every pull is the untrusted kind, which is
    // what docker does with --disable-content-trust (its default) or a digest.
    let _ = a.disable_content_trust;
    let auth = credentials::resolve_for_reference(&ctx.config, &reference);
    let client = ctx.client()?;
    let opts = pull_options(&reference, a.all_tags, &platform_of(a.platform.as_deref()));
    let target = target_of(mode, Target::Stdout);
    let mut header = auth.encode();
    jobs::with_retries(
        retries,
        || {
            let resp = match client.image_create(&opts, &header) {
                Ok(r) => r,
                Err(e) if e.status() == Some(401) => {
                    header = request_privilege(ctx, &reference, "pull")
                        .map_err(jobs::Failure::permanent)?;
                    client
                        .image_create(&opts, &header)
                        .map_err(jobs::Failure::engine)?
                }
                Err(e) => return Err(jobs::Failure::engine(e)),
            };
            exit_on_signal(target);
            show(resp, target, mode).map_err(jobs::Failure::stream)
        },
        |n, delay, e| retry_line(n, retries, delay, e),
    )?;
    ctx.out.line(&reference)?;
    Ok(crate::exit::OK)
}

/// Several images, or the `plain`/`json` modes: every image through `jobs::pull_all`, then
/// each failure in docker's words, in argument order; exit 1 if any failed.
fn run_many(ctx: &Context, a: &PullArgs, mode: Mode, retries: u32) -> anyhow::Result<i32> {
    let platform = platform_of(a.platform.as_deref());
    let mut names = Vec::new();
    let mut work = Vec::new();
    for arg in &a.args {
        match resolve(arg, a.all_tags) {
            Ok((reference, defaulted)) => {
                let auth = credentials::resolve_for_reference(&ctx.config, &reference);
                names.push(reference.to_string());
                work.push(jobs::Job {
                    opts: Ok(pull_options(&reference, a.all_tags, &platform)),
                    auth: auth.encode(),
                    note: defaulted.then(|| {
                        format!(
                            "Using default tag: {}",
                            crate::engine::reference::DEFAULT_TAG
                        )
                    }),
                });
            }
            Err(e) => {
                names.push(arg.clone());
                work.push(jobs::Job {
                    opts: Err(jobs::words(&e)),
                    auth: String::new(),
                    note: None,
                });
            }
        }
    }
    // The endpoint is checked once, before any worker starts.
    ctx.client()?;
    let view = PullView::new(mode, Target::Stdout, names, true);
    let errors = jobs::pull_all(
        &ctx.client_options(),
        &view,
        &work,
        a.parallel,
        retries,
        Target::Stdout,
    );
    let mut code = crate::exit::OK;
    for e in errors.into_iter().flatten() {
        code = crate::exit::FAILURE;
        ctx.out.err_line(crate::render::sanitize::for_stderr(&e));
    }
    Ok(code)
}

/// Pull `image` for `run`'s implicit pull: progress to stderr in `mode` (`Quiet` for `-q`),
/// credentials resolved as for `dkr pull` (a credential-helper failure is an error here, as
/// in docker's `RetrieveAuthTokenFromImage`), `DKR_PULL_RETRY` retries. No login retry. The
/// caller prints docker's `Unable to find image '…' locally` first.
pub fn pull_for_run(
    ctx: &Context,
    client: &Client,
    image: &str,
    platform: Option<&str>,
    mode: Mode,
) -> anyhow::Result<()> {
    let reference = Reference::parse(image).map_err(fail)?;
    let (auth, err) = credentials::get_auth_config(&ctx.config, &reference.auth_key());
    if let Some(e) = err {
        return Err(fail(e));
    }
    let opts = pull_options(&reference, false, platform.unwrap_or(""));
    let retries = retries_from_env();
    let header = auth.encode();
    if matches!(mode, Mode::Plain | Mode::Json) {
        let view = PullView::new(mode, Target::Stderr, vec![reference.to_string()], false);
        let work = [jobs::Job {
            opts: Ok(opts),
            auth: header,
            note: None,
        }];
        let errors = jobs::pull_all(
            &ctx.client_options(),
            &view,
            &work,
            1,
            retries,
            Target::Stderr,
        );
        return match errors.into_iter().flatten().next() {
            Some(e) => Err(fail(e)),
            None => Ok(()),
        };
    }
    let target = target_of(mode, Target::Stderr);
    jobs::with_retries(
        retries,
        || {
            let resp = client
                .image_create(&opts, &header)
                .map_err(jobs::Failure::engine)?;
            show(resp, target, mode).map_err(jobs::Failure::stream)
        },
        |n, delay, e| retry_line(n, retries, delay, e),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::credentials::AuthConfig;

    #[test]
    fn queries() {
        let r = Reference::parse("alpine").unwrap().with_default_tag();
        assert_eq!(
            pull_options(&r, false, "").query().encode(),
            "fromImage=docker.io%2Flibrary%2Falpine&tag=latest"
        );
        let r = Reference::parse("localhost:5000/x").unwrap();
        assert_eq!(
            pull_options(&r, true, "Linux/AMD64").query().encode(),
            "fromImage=localhost%3A5000%2Fx&platform=linux%2Famd64"
        );
        let d = "sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71";
        let r = Reference::parse(&format!("x:1@{d}")).unwrap();
        assert_eq!(
            pull_options(&r, false, "").query().encode(),
            format!("fromImage=docker.io%2Flibrary%2Fx&tag=sha256%3A{}", &d[7..])
        );
        assert_eq!(AuthConfig::default().encode(), "e30=");
    }
}
