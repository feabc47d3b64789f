//! What `pull` and `push` share around a registry transfer (docker's `cli/command/registry.go`
//! and the stream display both commands call): the login prompt and retry after a 401
//! (`RegistryAuthenticationPrivilegedFunc`), dkr's `--progress` mode in effect, and one
//! message stream shown in that mode.

use std::sync::Once;

use super::Context;
use crate::config::credentials;
use crate::engine::reference::{Reference, INDEX_SERVER};
use crate::engine::{EngineError, Response};
use crate::exit::StatusError;
use crate::render::progress::{self, Target};
use crate::render::pull_view::Mode;

/// `RegistryAuthenticationPrivilegedFunc` for `cmd` (`pull`, `push`): after a 401, ask for
/// credentials on the terminal and return the header for the one retry. docker names Docker
/// Hub's address here whatever the registry is; so does dkr.
pub fn request_privilege(
    ctx: &Context,
    reference: &Reference,
    cmd: &str,
) -> anyhow::Result<String> {
    ctx.out.print(format_args!("\nLogin prior to {cmd}:\n"))?;
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

/// The reference for argument `arg` of a pull or push, and whether docker's `Using default
/// tag: latest` applies (a name alone gets `latest`; `-a` takes a name alone only).
pub fn resolve(arg: &str, all_tags: bool) -> anyhow::Result<(Reference, bool)> {
    let fail = |m: String| -> anyhow::Error { StatusError::new(crate::exit::FAILURE, m).into() };
    let reference = Reference::parse(arg).map_err(fail)?;
    if all_tags && !reference.is_name_only() {
        return Err(fail("tag can't be used with --all-tags/-a".into()));
    }
    if !all_tags && reference.is_name_only() {
        return Ok((reference.with_default_tag(), true));
    }
    Ok((reference, false))
}

/// Send a request with `header` as `X-Registry-Auth`; on a 401 from the engine, prompt as
/// docker's client does (`PrivilegeFunc`) and send it once more with what was typed.
pub fn with_login_retry(
    ctx: &Context,
    reference: &Reference,
    cmd: &str,
    header: &mut String,
    mut send: impl FnMut(&str) -> Result<Response, EngineError>,
) -> anyhow::Result<Response> {
    match send(header) {
        Err(e) if e.status() == Some(401) => {
            *header = request_privilege(ctx, reference, cmd)?;
            Ok(send(header)?)
        }
        other => Ok(other?),
    }
}

/// The mode in effect: `-q` wins over `--progress`.
pub fn mode_of(quiet: bool, progress: Option<Mode>) -> Mode {
    if quiet {
        Mode::Quiet
    } else {
        progress.unwrap_or_default()
    }
}

/// Where a stream in `mode` goes when it is not discarded.
pub fn target_of(mode: Mode, shown: Target) -> Target {
    if mode == Mode::Quiet {
        Target::Discard
    } else {
        shown
    }
}

/// docker's rendering of one stream, or the bars whatever the stream is (`--progress=tty`).
/// `Err` carries an in-stream error's words or a broken stream's.
pub fn show(resp: Response, target: Target, mode: Mode) -> Result<(), String> {
    if mode == Mode::Tty && target != Target::Discard {
        progress::display_terminal(resp, target)
    } else {
        progress::display(resp, target)
    }
}

/// SIGINT/SIGTERM end a pull or push at once, silently, leaving the cursor below any live lines, and
/// die by the signal (the shell reports 128+signal, as docker's exit code is). Installed once,
/// when the first stream starts.
pub fn exit_on_signal(target: Target) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = crate::exit::catch(&[SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                if progress::live_lines_on_screen() {
                    let out = crate::output::Streams;
                    match target {
                        Target::Stderr => out.err("\n"),
                        _ => {
                            let _ = out.print("\n");
                        }
                    }
                }
                crate::exit::die_by_signal(sig);
            }
        });
    });
}
