//! `dkr run`: create → attach → wait → start → resize → exit with the container's code, in
//! docker 28's order (`cli/command/container/run.go`, `create.go`). The flags are in
//! `run/opts.rs` (their value types in `crate::opts`), the create body built from them in
//! `run/build.rs` with its types in `run/body.rs`; the attached session (streams, terminal,
//! signals, the exit status) is `commands::hijack`, shared with `start -a` and `exec`.

pub(crate) mod body;
mod build;
pub mod opts;

use std::io::Write;

use self::body::CreateBody;
pub use self::opts::{ContainerOptions, RunArgs};
use super::hijack::{tty, Session, SessionError};
use super::Context;
use crate::cli::Arity;
use crate::engine::api::ContainerCreateOptions;
use crate::engine::models::ContainerCreateResponse;
use crate::engine::reference::Reference;
use crate::engine::{version_lt, Client, EngineError};
use crate::exit::{self, StatusError};
use crate::render::pull_view::Mode;

/// docker's `withHelp(err, verb)`: `dkr: <err>` + the help hint, exit 125.
fn with_help_for(verb: &str, msg: impl std::fmt::Display) -> StatusError {
    StatusError::new(
        exit::USAGE,
        format!("dkr: {msg}\n\nRun 'dkr {verb} --help' for more information"),
    )
}

fn with_help(msg: impl std::fmt::Display) -> StatusError {
    with_help_for("run", msg)
}

/// docker's `toStatusError`: 127 when the command was not found, 126 when it cannot be
/// executed, else 125 — decided on the error's text, as docker does.
fn to_status_error(msg: impl std::fmt::Display) -> StatusError {
    let msg = msg.to_string();
    let code = if msg.contains("executable file not found")
        || msg.contains("no such file or directory")
        || msg.contains("system cannot find the file specified")
    {
        exit::NOT_FOUND
    } else if msg.contains("permission denied") || msg.contains("is a directory") {
        exit::CANNOT_EXECUTE
    } else {
        exit::USAGE
    };
    let mut e = with_help(msg);
    e.code = code;
    e
}

/// config.json `proxies` for this daemon (or `default`) as `HTTP_PROXY`-style pairs.
fn proxy_env(ctx: &Context, host: &str) -> Vec<(String, String)> {
    let Some(proxies) = ctx.config.doc.get("proxies").and_then(|p| p.as_object()) else {
        return Vec::new();
    };
    let Some(cfg) = proxies
        .get(host)
        .or_else(|| proxies.get("default"))
        .and_then(|c| c.as_object())
    else {
        return Vec::new();
    };
    [
        ("HTTP_PROXY", "httpProxy"),
        ("HTTPS_PROXY", "httpsProxy"),
        ("NO_PROXY", "noProxy"),
        ("FTP_PROXY", "ftpProxy"),
        ("ALL_PROXY", "allProxy"),
    ]
    .iter()
    .filter_map(|(env, key)| {
        let v = cfg.get(*key)?.as_str()?;
        Some((env.to_string(), v.to_string()))
    })
    .collect()
}

pub fn run(ctx: &Context, args: RunArgs) -> anyhow::Result<i32> {
    let (client, mut body) = prepare(ctx, &args, &args.pull, "run")?;
    let cfg = &mut body.config;
    if !args.detach {
        if cfg.attach_stdin && cfg.tty && !tty::stdin_is_terminal() {
            return Err(StatusError::new(exit::FAILURE, "the input device is not a TTY").into());
        }
    } else {
        if !args.attach.is_empty() {
            return Err(StatusError::new(
                exit::FAILURE,
                "conflicting options: cannot specify both --attach and --detach",
            )
            .into());
        }
        cfg.attach_stdin = false;
        cfg.attach_stdout = false;
        cfg.attach_stderr = false;
        cfg.stdin_once = false;
    }

    let id =
        create_container(ctx, &client, &mut body, &args, &args.pull).map_err(to_status_error)?;
    run_container(ctx, &client, &body, &args, &id)
}

/// What `run` and `create` do before the create request (docker's `runRun`/`runCreate`):
/// the version-annotated flags, the argument count, `--pull`, config.json's proxies, then
/// docker's `parse` of the flags into the create body. `verb` names the command in the help
/// hint of the errors (exit 125).
pub(crate) fn prepare(
    ctx: &Context,
    args: &ContainerOptions,
    pull: &str,
    verb: &str,
) -> anyhow::Result<(Client, CreateBody)> {
    let client = ctx.client()?;
    // docker checks version-annotated flags before anything else, even the argument count
    // (plain error, exit 1); the daemon is only asked when such a flag was given.
    ctx.check_flags_supported(&client)?;
    ctx.invocation
        .check_arity(args.args.len(), Arity::AtLeast(1))?;
    if !matches!(pull, "always" | "missing" | "never" | "") {
        return Err(with_help_for(
            verb,
            format!(
                "invalid pull option: '{pull}': must be one of \"always\", \"missing\" or \"never\""
            ),
        )
        .into());
    }
    let proxies = proxy_env(ctx, client.host());
    let lookup = |k: &str| std::env::var(k).ok();
    // docker asks the daemon's OS (its ping) before parsing, for --device; only then here.
    let server_os = if args.device.is_empty() {
        "linux".to_string()
    } else {
        client.os_type()
    };
    let env = build::ParseEnv {
        proxies: &proxies,
        lookup_env: &lookup,
        server_os: &server_os,
    };
    let body = build::parse(args, &env)
        .map_err(|e| with_help_for(verb, e))?
        .body;
    Ok((client, body))
}

/// `--use-api-socket`: bind-mount the daemon's Unix socket at `/var/run/docker.sock`.
/// (docker also copies the resolved registry credentials into the container; dkr does not.)
fn add_api_socket(body: &mut CreateBody, host: &str) -> Result<(), String> {
    let Some(socket) = host.strip_prefix("unix://") else {
        return Err(format!(
            "flag --use-api-socket can only be used with unix sockets: docker endpoint {host} incompatible"
        ));
    };
    body.host_config
        .mounts
        .get_or_insert_with(Vec::new)
        .push(body::Mount {
            kind: "bind".into(),
            source: socket.to_string(),
            target: "/var/run/docker.sock".into(),
            bind_options: Some(body::BindOptions::default()),
            ..body::Mount::default()
        });
    Ok(())
}

/// docker's `cidFile`: created before the container, removed again unless the ID was written
/// (by a panic too, through `cleanup`'s hook).
struct CidFile {
    path: String,
    file: Option<std::fs::File>,
    written: bool,
    on_panic: Option<crate::cleanup::OnPanic>,
}

impl CidFile {
    fn new(path: &str) -> Result<CidFile, String> {
        if path.is_empty() {
            return Ok(CidFile {
                path: String::new(),
                file: None,
                written: false,
                on_panic: None,
            });
        }
        if std::fs::metadata(path).is_ok() {
            return Err(format!(
                "container ID file found, make sure the other container isn't running or delete {path}"
            ));
        }
        let file = std::fs::File::create(path).map_err(|e| {
            format!(
                "failed to create the container ID file: open {path}: {}",
                crate::engine::stream::go_errno_text(&e)
            )
        })?;
        let remove = path.to_string();
        let on_panic = crate::cleanup::on_panic(move || {
            let _ = std::fs::remove_file(&remove);
        });
        crate::cleanup::test_panic("cidfile");
        Ok(CidFile {
            path: path.to_string(),
            file: Some(file),
            written: false,
            on_panic: Some(on_panic),
        })
    }

    fn write(&mut self, id: &str) -> Result<(), String> {
        if let Some(f) = self.file.as_mut() {
            f.write_all(id.as_bytes()).map_err(|e| {
                format!(
                    "failed to write the container ID to the file: write {}: {}",
                    self.path,
                    crate::engine::stream::go_errno_text(&e)
                )
            })?;
            self.written = true;
            self.on_panic = None;
        }
        Ok(())
    }
}

impl Drop for CidFile {
    fn drop(&mut self) {
        if self.file.take().is_some() && !self.written {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// `POST /containers/create` with the Go-encoded body.
fn post_create(
    client: &Client,
    opts: &ContainerCreateOptions,
    body: &CreateBody,
) -> Result<ContainerCreateResponse, EngineError> {
    client.container_create(opts, &crate::golang::json::marshal(body))
}

/// A 64-hex image ID or a `sha256:` digest: docker's `ParseAnyReference` gives no name, so no
/// implicit pull.
fn is_image_id(image: &str) -> bool {
    let hex64 =
        |s: &str| s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex64(image) || image.strip_prefix("sha256:").is_some_and(hex64)
}

/// docker's `createContainer`: returns the new container's ID, or the message (`run` passes it
/// through `toStatusError`, `create` prints it as is).
pub(crate) fn create_container(
    ctx: &Context,
    client: &Client,
    body: &mut CreateBody,
    args: &ContainerOptions,
    pull_policy: &str,
) -> Result<String, String> {
    let mut cid = CidFile::new(&body.host_config.container_id_file)?;
    let image = body.config.image.clone();
    let named = if is_image_id(&image) {
        None
    } else {
        Some(Reference::parse(&image)?.with_default_tag())
    };
    if args.use_api_socket {
        add_api_socket(body, client.host())?;
    }
    // docker's `run` pings first: an unreachable daemon is reported as that ping's failure.
    let api = client.negotiate().map_err(|e| e.to_string())?;
    let platform_arg = args.platform.clone().unwrap_or_default();
    let platform = if !platform_arg.is_empty() && !version_lt(&api, "1.41") {
        Some(
            crate::opts::platform::parse_platform(&platform_arg)
                .map_err(|e| format!("error parsing specified platform: {e}"))?,
        )
    } else {
        None
    };
    let pull_mode = super::pull::mode_of(args.quiet, args.progress);
    let pull = |ctx: &Context| -> Result<(), String> {
        let p = (!platform_arg.is_empty()).then_some(platform_arg.as_str());
        super::pull::pull_for_run(ctx, client, &image, p, pull_mode).map_err(|e| format!("{e:#}"))
    };
    if pull_policy == "always" {
        pull(ctx)?;
    }
    let (h, w) = tty::stdout_size();
    body.host_config.console_size = [h, w];
    build::adjust_for_api(body, &api, platform.as_ref().map(|(os, _)| os.as_str()))?;

    let opts = ContainerCreateOptions {
        name: args.name.clone().unwrap_or_default(),
        platform: platform.map(|(_, formatted)| formatted).unwrap_or_default(),
    };
    let created = post_create(client, &opts, body);
    let resp = match created {
        Ok(r) => r,
        Err(e) if e.status() == Some(404) && named.is_some() && pull_policy == "missing" => {
            if pull_mode != Mode::Quiet {
                // stderr: stdout is for the container ID alone.
                ctx.out.err_line(format_args!(
                    "Unable to find image '{}' locally",
                    named
                        .as_ref()
                        .map(Reference::familiar_string)
                        .unwrap_or_default()
                ));
            }
            pull(ctx)?;
            post_create(client, &opts, body).map_err(|e| e.to_string())?
        }
        Err(e) => return Err(e.to_string()),
    };
    let mut warnings = resp.warnings.unwrap_or_default();
    if let Some(w) = localhost_dns_warning(body.host_config.dns.as_deref().unwrap_or(&[])) {
        warnings.push(w);
    }
    for w in warnings {
        ctx.out.warn(crate::render::sanitize::for_stderr(&w));
    }
    cid.write(&resp.id)?;
    Ok(resp.id)
}

/// docker's `localhostDNSWarning`.
fn localhost_dns_warning(dns: &[String]) -> Option<String> {
    dns.iter().find_map(|d| {
        let ip: std::net::IpAddr = d.parse().ok()?;
        ip.is_loopback()
            .then(|| format!("Localhost DNS ({ip}) may fail in containers."))
    })
}

/// docker's `runContainer` from the signal proxy on: the attached session of `hijack`.
fn run_container(
    ctx: &Context,
    client: &Client,
    body: &CreateBody,
    args: &RunArgs,
    id: &str,
) -> anyhow::Result<i32> {
    let cfg = &body.config;
    let session = Session {
        id,
        tty: cfg.tty,
        stdin: cfg.attach_stdin,
        stdout: cfg.attach_stdout,
        stderr: cfg.attach_stderr,
        auto_remove: body.host_config.auto_remove,
        sig_proxy: args.sig_proxy,
        detach_keys: super::hijack::detach_keys(ctx, args.detach_keys.as_deref()),
        remove_if_abandoned: body.host_config.auto_remove,
    };
    match session.run(client) {
        Ok(code) => Ok(code),
        Err(SessionError::Start(e)) => Err(to_status_error(e).into()),
        Err(SessionError::Other(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_errors_are_classified_like_docker() {
        let e = to_status_error("Error response from daemon: failed to create shim task: OCI runtime create failed: exec: \"nope\": executable file not found in $PATH: unknown");
        assert_eq!(e.code, 127);
        assert!(e
            .message
            .starts_with("dkr: Error response from daemon: failed to create shim task"));
        assert!(e
            .message
            .ends_with("\n\nRun 'dkr run --help' for more information"));
        assert_eq!(
            to_status_error("exec: \"/etc\": permission denied: unknown").code,
            126
        );
        assert_eq!(
            to_status_error("Error response from daemon: Conflict.").code,
            125
        );
    }

    #[test]
    fn image_ids_are_not_names() {
        let id = "d592c1a8346a0f8a24c3a3d5cbe7a8a6d2f1a4c8e3b2a1f0e9d8c7b6a5f4e3d2";
        assert!(is_image_id(id));
        assert!(is_image_id(&format!("sha256:{id}")));
        assert!(!is_image_id("busybox"));
        assert!(!is_image_id("d592c1a8346a"));
    }

    #[test]
    fn localhost_dns() {
        assert_eq!(
            localhost_dns_warning(&["8.8.8.8".into(), "127.0.0.1".into()]).as_deref(),
            Some("Localhost DNS (127.0.0.1) may fail in containers.")
        );
        assert_eq!(localhost_dns_warning(&["8.8.8.8".into()]), None);
    }
}
