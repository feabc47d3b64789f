//! `dkr push` (docker's `cli/command/image/push.go` and the client's `ImagePush` at v28.2.2):
//! the reference normalised client-side, credentials from the store in effect in
//! `X-Registry-Auth` (as `pull` resolves them), `POST /images/{name}/push`, a login prompt
//! and one retry on a 401, and the message stream shown as `pull` shows it (bars on a
//! terminal, docker's lines piped, dkr's `--progress` modes).

use super::registry::{exit_on_signal, mode_of, resolve, show, target_of, with_login_retry};
use super::Context;
use crate::cli::{flag_support, Arity};
use crate::config::credentials;
use crate::engine::api::ImagePushOptions;
use crate::engine::reference::DEFAULT_TAG;
use crate::exit::StatusError;
use crate::render::progress::Target;
use crate::render::pull_view::{Mode, PullView};

// Flags of `dkr push`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS] NAME[:TAG]", args_override_self = true)]
pub struct PushArgs {
    /// Push all tags of an image to the repository
    #[arg(short = 'a', long = "all-tags", num_args = 0..=1)]
    pub all_tags: bool,
    /// Skip image signing
    #[arg(long = "disable-content-trust", num_args = 0..=1, default_value = "true")]
    pub disable_content_trust: bool,
    /// Push a platform-specific manifest as a single-platform image to the registry.
    /// Image index won't be pushed, meaning that other manifests, including attestations won't be preserved.
    /// 'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)
    #[arg(
        long,
        value_name = "string",
        allow_hyphen_values = true,
        verbatim_doc_comment
    )]
    pub platform: Option<String>,
    /// Suppress verbose output
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// Progress output: auto, tty, plain, json or quiet (dkr)
    #[arg(long, value_name = "string", env = "DKR_PROGRESS", value_parser = Mode::parse)]
    pub progress: Option<Mode>,
    /// NAME[:TAG]
    #[arg(hide = true)]
    pub args: Vec<String>,
}

fn fail(msg: impl Into<String>) -> anyhow::Error {
    StatusError::new(crate::exit::FAILURE, msg).into()
}

/// docker's `tui.PrintNote` for `--platform`, as it reads on a pipe.
const PLATFORM_NOTE: &str =
    "Using --platform pushes only the specified platform manifest of a multi-platform image index.
Other components, like attestations, will not be included.
To push the complete multi-platform image, remove the --platform flag.
";

/// `PrintNote`: a blank line, ` Info -> ` before the first line and its width of blanks
/// before the others (plain: dkr draws no colours here).
fn note_text(text: &str) -> String {
    let header = " Info -> ";
    let mut out = format!("\n{header}");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(&" ".repeat(header.len()));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The OCI platform JSON docker's client sends (`ocispec.Platform`, empty fields left out).
fn platform_json(spec: &str) -> Result<String, String> {
    let (_, formatted) = crate::opts::platform::parse_platform(spec)?;
    let mut parts = formatted.split('/');
    let os = parts.next().unwrap_or_default();
    let arch = parts.next().unwrap_or_default();
    let variant = parts.next().unwrap_or_default();
    let mut v = serde_json::Map::new();
    v.insert("architecture".into(), arch.into());
    v.insert("os".into(), os.into());
    if !variant.is_empty() {
        v.insert("variant".into(), variant.into());
    }
    Ok(serde_json::Value::Object(v).to_string())
}

pub fn run(ctx: &Context, a: PushArgs) -> anyhow::Result<i32> {
    // docker checks the flags the daemon cannot take (`--platform` needs API 1.46) first.
    if flag_support::has_annotated_flags(&ctx.invocation) {
        let client = ctx.client()?;
        let unsupported =
            flag_support::unsupported_flags(&ctx.invocation, &client.api_version(), "");
        if !unsupported.is_empty() {
            return Err(fail(unsupported.join("\n")));
        }
    }
    ctx.invocation.check_arity(a.args.len(), Arity::Exact(1))?;
    let mode = mode_of(a.quiet, a.progress);
    let platform = match a.platform.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => {
            let json = platform_json(p).map_err(|e| {
                ctx.out.err(format_args!("Invalid platform {p}"));
                fail(e)
            })?;
            ctx.out.print(note_text(PLATFORM_NOTE))?;
            Some(json)
        }
        None => None,
    };
    let (reference, defaulted) = resolve(&a.args[0], a.all_tags)?;
    // `plain` and `json` show the push through the view `pull` uses for them.
    let view = matches!(mode, Mode::Plain | Mode::Json)
        .then(|| PullView::new_push(mode, Target::Stdout, reference.to_string()));
    if defaulted && !a.quiet {
        let note = format!("Using default tag: {DEFAULT_TAG}");
        match &view {
            Some(v) => v.note(0, &note),
            None => ctx.out.line(note)?,
        }
    }
    // Content trust (notary) is not implemented: every push is the untrusted kind, which is
    // what docker does with --disable-content-trust (its default).
    let _ = a.disable_content_trust;
    if reference.digest.is_some() {
        return Err(fail("cannot push a digest reference"));
    }
    let opts = ImagePushOptions {
        name: reference.full_name(),
        tag: if a.all_tags {
            None
        } else {
            reference.tag.clone()
        },
        platform,
    };
    let mut header = credentials::resolve_for_reference(&ctx.config, &reference).encode();
    let client = ctx.client()?;
    let target = target_of(mode, Target::Stdout);
    let sent = with_login_retry(ctx, &reference, "push", &mut header, |h| {
        client.image_push(&opts, h)
    });
    if let Some(view) = view {
        let result = sent
            .map_err(|e| crate::commands::pull::words(&e))
            .and_then(|resp| {
                exit_on_signal(target);
                view.stream(0, resp)
            });
        view.done(0, result.as_ref().map(|_| ()).map_err(String::as_str));
        view.finish();
        return result.map(|_| crate::exit::OK).map_err(fail);
    }
    let resp = sent?;
    exit_on_signal(target);
    show(resp, target, mode).map_err(fail)?;
    if mode == Mode::Quiet {
        ctx.out.line(&reference)?;
    }
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_as_oci_json() {
        assert_eq!(
            platform_json("linux/amd64").unwrap(),
            r#"{"architecture":"amd64","os":"linux"}"#
        );
        assert_eq!(
            platform_json("linux/arm/v7").unwrap(),
            r#"{"architecture":"arm","os":"linux","variant":"v7"}"#
        );
        assert!(platform_json("linux/a.b").is_err());
    }

    #[test]
    fn note_layout() {
        assert_eq!(note_text("a\nb\n"), "\n Info -> a\n         b\n         \n");
    }

    #[test]
    fn queries() {
        let o = ImagePushOptions {
            name: "localhost:5000/x".into(),
            tag: Some("1".into()),
            platform: Some(r#"{"os":"linux"}"#.into()),
        };
        assert_eq!(
            o.query().encode(),
            "platform=%7B%22os%22%3A%22linux%22%7D&tag=1"
        );
    }
}
