//! `dkr pull` (docker's `cli/command/image/pull.go`, `trust.go` `imagePullPrivileged` and the
//! client's `ImagePull` at v28.2.2): the reference normalised client-side, credentials from
//! the store in effect in `X-Registry-Auth`, `POST /images/create`, the message stream shown
//! by `render::progress`, then the fully qualified reference.
//!
//! Also `pull_for_run`, `run`'s implicit pull (progress to stderr).

use super::Context;
use crate::cli::Arity;
use crate::config::credentials;
use crate::engine::api::ImagePullOptions;
use crate::engine::reference::{Reference, INDEX_SERVER};
use crate::engine::Client;
use crate::exit::StatusError;
use crate::output::Streams;
use crate::render::progress::{self, Target};

/// Flags of `dkr pull`.
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

/// SIGINT/SIGTERM during a pull: stop at once, silently, leaving the cursor below any live
/// lines, and die by the signal (the shell reports 128+signal, as docker's exit code is).
fn exit_on_signal(target: Target) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = crate::exit::catch(&[SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            if progress::live_lines_on_screen() {
                match target {
                    Target::Stderr => Streams.err("\n"),
                    _ => {
                        let _ = Streams.print("\n");
                    }
                }
            }
            crate::exit::die_by_signal(sig);
        }
    });
}

/// `RegistryAuthenticationPrivilegedFunc`: after a 401, ask for credentials on the terminal
/// and return the header for the one retry. docker names Docker Hub's address here whatever
/// the registry is; so does dkr.
fn request_privilege(ctx: &Context, reference: &Reference) -> anyhow::Result<String> {
    ctx.out.print("\nLogin prior to pull:\n")?;
    let key = reference.auth_key();
    let is_default = key == INDEX_SERVER || reference.is_official_index();
    let (stored, err) = credentials::default_auth_config(&ctx.config, true, &key, is_default);
    if let Some(e) = err {
        let e = e.to_string();
        let e = crate::render::sanitize::for_stderr(&e);
        ctx.out.err_line(format_args!(
            "Unable to retrieve stored credentials for {INDEX_SERVER}, error: {e}."
        ));
    }
    let ac = super::login::prompt_user_for_credentials("", "", &stored.username, INDEX_SERVER)?;
    Ok(ac.encode())
}

pub fn run(ctx: &Context, a: PullArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(a.args.len(), Arity::Exact(1))?;
    let mut reference = Reference::parse(&a.args[0]).map_err(fail)?;
    if a.all_tags && !reference.is_name_only() {
        return Err(fail("tag can't be used with --all-tags/-a"));
    }
    if !a.all_tags && reference.is_name_only() {
        reference = reference.with_default_tag();
        if !a.quiet {
            ctx.out.line(format_args!(
                "Using default tag: {}",
                crate::engine::reference::DEFAULT_TAG
            ))?;
        }
    }
    // Content trust (notary) is not implemented: every pull is the untrusted kind, which is
    // what docker does with --disable-content-trust (its default) or a digest.
    let _ = a.disable_content_trust;
    let auth = credentials::resolve_for_reference(&ctx.config, &reference);
    let client = ctx.client()?;
    let opts = pull_options(&reference, a.all_tags, &platform_of(a.platform.as_deref()));
    let target = if a.quiet {
        Target::Discard
    } else {
        Target::Stdout
    };
    let resp = match client.image_create(&opts, &auth.encode()) {
        Ok(r) => r,
        Err(e) if e.status() == Some(401) => {
            let header = request_privilege(ctx, &reference)?;
            client.image_create(&opts, &header)?
        }
        Err(e) => return Err(e.into()),
    };
    exit_on_signal(target);
    progress::display(resp, target).map_err(fail)?;
    ctx.out.line(&reference)?;
    Ok(crate::exit::OK)
}

/// Pull `image` for `run`'s implicit pull: progress to stderr (unless `quiet`), credentials
/// resolved as for `dkr pull` (a credential-helper failure is an error here, as in docker's
/// `RetrieveAuthTokenFromImage`). No login retry. The caller prints docker's
/// `Unable to find image '…' locally` first.
pub fn pull_for_run(
    ctx: &Context,
    client: &Client,
    image: &str,
    platform: Option<&str>,
    quiet: bool,
) -> anyhow::Result<()> {
    let reference = Reference::parse(image).map_err(fail)?;
    let (auth, err) = credentials::get_auth_config(&ctx.config, &reference.auth_key());
    if let Some(e) = err {
        return Err(fail(e));
    }
    let opts = pull_options(&reference, false, platform.unwrap_or(""));
    let resp = client.image_create(&opts, &auth.encode())?;
    let target = if quiet {
        Target::Discard
    } else {
        Target::Stderr
    };
    progress::display(resp, target).map_err(fail)
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
