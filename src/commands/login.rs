//! `dkr login [SERVER]` (docker's `cli/command/registry/login.go` at v28.2.2): credentials
//! from `-u`/`-p`/`--password-stdin` or the terminal, checked by the engine (`POST /auth`),
//! stored through the credential helper in effect or in config.json.
//!
//! Also the terminal prompts `pull` shares for its "Login prior to pull" retry
//! (`command.PromptUserForCredentials`).

use std::io::{self, IsTerminal, Read};

use super::Context;
use crate::cli::{go_bool, Arity};
use crate::config::credentials::{self, AuthConfig};
use crate::engine::models::AuthResponse;
use crate::engine::reference::INDEX_SERVER;
use crate::exit::StatusError;
use crate::output::Streams;

/// `registry.DefaultNamespace`: `login docker.io` means Docker Hub.
const DEFAULT_NAMESPACE: &str = "docker.io";

const REGISTER_SUGGEST: &str = "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST: &str = "You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/";

/// The most `--password-stdin` reads.
const MAX_STDIN_PASSWORD: u64 = 1024 * 1024;

// Flags of `dkr login`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS] [SERVER]", args_override_self = true)]
pub struct LoginArgs {
    /// Password or Personal Access Token (PAT)
    #[arg(short = 'p', long, value_name = "string", allow_hyphen_values = true)]
    pub password: Option<String>,
    /// Take the Password or Personal Access Token (PAT) from stdin
    #[arg(long = "password-stdin", num_args = 0..=1)]
    pub password_stdin: Option<bool>,
    /// Username
    #[arg(short = 'u', long, value_name = "string", allow_hyphen_values = true)]
    pub username: Option<String>,
    /// Server
    #[arg(hide = true)]
    pub args: Vec<String>,
}

fn fail(msg: impl Into<String>) -> anyhow::Error {
    StatusError::new(crate::exit::FAILURE, msg).into()
}

/// `verifyLoginFlags`: pflag's "changed" is "given at all", even `--password-stdin=false`.
fn verify_flags(a: &LoginArgs) -> anyhow::Result<()> {
    if a.password_stdin.is_some() {
        if a.password.is_some() {
            return Err(fail(
                "conflicting options: cannot specify both --password and --password-stdin",
            ));
        }
        if a.username.is_none() {
            return Err(fail(
                "the --password-stdin option requires --username to be set",
            ));
        }
    }
    if a.username.as_deref() == Some("") {
        return Err(fail("username is empty"));
    }
    if a.password.as_deref() == Some("") {
        return Err(fail("password is empty"));
    }
    Ok(())
}

pub fn run(ctx: &Context, a: LoginArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(a.args.len(), Arity::AtMost(1))?;
    verify_flags(&a)?;
    let mut user = a.username.clone().unwrap_or_default();
    let mut password = a.password.clone().unwrap_or_default();
    // verifyLoginOptions
    if !password.is_empty() {
        ctx.out
            .err_line("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
    }
    if a.password_stdin == Some(true) {
        if user.is_empty() {
            return Err(fail("username is empty"));
        }
        // Bounded: a password is short, and stdin may be an endless stream by mistake.
        let mut contents = Vec::new();
        io::stdin()
            .lock()
            .take(MAX_STDIN_PASSWORD + 1)
            .read_to_end(&mut contents)?;
        if contents.len() as u64 > MAX_STDIN_PASSWORD {
            return Err(fail("the password on stdin is longer than 1 MiB"));
        }
        let text = String::from_utf8_lossy(&contents).into_owned();
        let text = text.strip_suffix('\n').unwrap_or(&text);
        password = text.strip_suffix('\r').unwrap_or(text).to_string();
    }
    let server_arg = a.args.first().cloned().unwrap_or_default();
    let server = if !server_arg.is_empty() && server_arg != DEFAULT_NAMESPACE {
        server_arg
    } else {
        INDEX_SERVER.to_string()
    };
    let is_default = server == INDEX_SERVER;
    let mut config = ctx.config.clone();
    let (stored, err) = credentials::default_auth_config(
        &config,
        user.is_empty() && password.is_empty(),
        &server,
        is_default,
    );
    let mut outcome: Option<anyhow::Result<String>> = None;
    if err.is_none() && !stored.username.is_empty() && !stored.password.is_empty() {
        outcome = Some(login_with_stored(ctx, &mut config, stored.clone()));
    }
    let msg = match outcome {
        Some(Ok(msg)) => msg,
        _ => {
            if (user.is_empty() || password.is_empty()) && !io::stdin().is_terminal() {
                return Err(fail(
                    "Error: Cannot perform an interactive login from a non TTY device",
                ));
            }
            if stored.serveraddress == INDEX_SERVER
                && user.is_empty()
                && password.is_empty()
                && !oauth_login_disabled()
            {
                // docker starts a web (device-code) login here; dkr has none, which is what
                // docker does when it cannot start one.
                ctx.out.err(
                    "Failed to start web-based login - falling back to command line login...\n\n",
                );
            }
            let ac = prompt_user_for_credentials(
                &user,
                &password,
                &stored.username,
                &stored.serveraddress,
            )?;
            user.clear();
            password.clear();
            let client = ctx.client()?;
            let resp = client.registry_login(&ac)?;
            let mut ac = ac;
            if !resp.identity_token.is_empty() {
                ac.password.clear();
                ac.identitytoken = resp.identity_token.clone();
            }
            credentials::store_credentials(&mut config, &ac).map_err(fail)?;
            resp.status
        }
    };
    if !msg.is_empty() {
        // The registry's words (`Login Succeeded` from the daemon's /auth).
        ctx.out.line(crate::render::sanitize::for_stdout(&msg))?;
    }
    Ok(crate::exit::OK)
}

/// `DOCKER_CLI_DISABLE_OAUTH_LOGIN` as Go's ParseBool reads it.
fn oauth_login_disabled() -> bool {
    std::env::var("DOCKER_CLI_DISABLE_OAUTH_LOGIN")
        .ok()
        .and_then(|v| go_bool(&v).ok())
        .unwrap_or(false)
}

/// `loginWithStoredCredentials`: re-check what the store has; the answer's error (if any) is
/// reported and then leads to an interactive login, as in docker.
fn login_with_stored(
    ctx: &Context,
    config: &mut crate::config::ConfigFile,
    mut ac: AuthConfig,
) -> anyhow::Result<String> {
    let mut text = String::from("Authenticating with existing credentials...");
    if !ac.username.is_empty() {
        let user = crate::render::sanitize::for_stderr(&ac.username);
        text.push_str(&format!(" [Username: {user}]"));
    }
    text.push('\n');
    text.push_str(&note(
        "To login with a different account, run 'dkr logout' followed by 'dkr login'",
    ));
    text.push_str("\n\n");
    ctx.out.err(text);
    let client = ctx.client()?;
    let result = client.registry_login(&ac);
    let (resp, failure) = match result {
        Ok(r) => (r, None),
        Err(e) => {
            if e.status() == Some(401) {
                ctx.out.err_line("Stored credentials invalid or expired");
            } else {
                let e = e.to_string();
                ctx.out.err_line(format_args!(
                    "Login did not succeed, error: {}",
                    crate::render::sanitize::for_stderr(&e)
                ));
            }
            (AuthResponse::default(), Some(e))
        }
    };
    if !resp.identity_token.is_empty() {
        ac.password.clear();
        ac.identitytoken = resp.identity_token.clone();
    }
    credentials::store_credentials(config, &ac).map_err(fail)?;
    match failure {
        Some(e) => Err(e.into()),
        None => Ok(resp.status),
    }
}

/// `tui.Output.PrintNote` to stderr: ` Info -> ` and the text, plain off a terminal.
pub(crate) fn note(text: &str) -> String {
    let fancy = io::stderr().is_terminal();
    let header = if fancy {
        "\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m"
    } else {
        " Info -> "
    };
    let mut out = format!("\n{header}");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(&" ".repeat(9));
        }
        if fancy {
            out.push_str(&format!("\x1b[3m{line}\x1b[0m\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Read one line from stdin without reading past it (Go's `bufio.Scanner` line, trimmed).
/// `None` at end of input.
fn read_line() -> io::Result<Option<String>> {
    let mut stdin = io::stdin().lock();
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match stdin.read(&mut byte) {
            Ok(0) => {
                if line.is_empty() {
                    return Ok(None);
                }
                break;
            }
            Ok(_) => {
                if byte[0] == b'\n' {
                    break;
                }
                line.push(byte[0]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Some(String::from_utf8_lossy(&line).trim().to_string()))
}

/// `prompt.ReadInput`: the message to stdout, then a line from stdin.
fn read_input(message: &str) -> anyhow::Result<String> {
    Streams.print(message)?;
    match read_line()? {
        Some(s) => Ok(s),
        // docker waits forever for a line that never comes; end instead.
        None => Ok(String::new()),
    }
}

/// Terminal echo switched off for a password, restored on drop and on Ctrl-C.
struct EchoOff {
    saved: rustix::termios::Termios,
    signals: signal_hook::iterator::Handle,
    /// Echo back on at a panic (the release build aborts: no drop).
    _on_panic: crate::cleanup::OnPanic,
}

impl EchoOff {
    /// `prompt.DisableInputEcho`; fails like moby/term when stdin is not a terminal.
    fn new() -> anyhow::Result<EchoOff> {
        use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
        let saved = tcgetattr(io::stdin()).map_err(|e| fail(errno_text(e)))?;
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        tcsetattr(io::stdin(), OptionalActions::Now, &quiet).map_err(|e| fail(errno_text(e)))?;
        let mut signals = crate::exit::catch(&[libc::SIGINT, libc::SIGTERM, libc::SIGHUP])?;
        let handle = signals.handle();
        let restore = saved.clone();
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = tcsetattr(io::stdin(), OptionalActions::Now, &restore);
                let _ = Streams.print("\n");
                crate::exit::die_by_signal(sig);
            }
        });
        let on_panic = saved.clone();
        Ok(EchoOff {
            saved,
            signals: handle,
            _on_panic: crate::cleanup::on_panic(move || {
                let _ = tcsetattr(io::stdin(), OptionalActions::Now, &on_panic);
            }),
        })
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        use rustix::termios::{tcsetattr, OptionalActions};
        self.signals.close();
        if let Err(e) = tcsetattr(io::stdin(), OptionalActions::Now, &self.saved) {
            Streams.err_line(format_args!(
                "Error: failed to restore terminal state to echo input: {}",
                errno_text(e)
            ));
        }
    }
}

/// Go's text for an errno (`inappropriate ioctl for device`).
fn errno_text(e: rustix::io::Errno) -> String {
    let s = io::Error::from(e).to_string();
    // "Inappropriate ioctl for device (os error 25)" → Go's lower-case form.
    let s = s.split(" (os error").next().unwrap_or(&s).to_string();
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

fn hints_enabled() -> bool {
    match std::env::var("DOCKER_CLI_HINTS") {
        Ok(v) if !v.is_empty() => go_bool(&v).unwrap_or(true),
        _ => true,
    }
}

/// `command.PromptUserForCredentials`: ask for what `-u`/`-p` did not give.
pub(crate) fn prompt_user_for_credentials(
    arg_user: &str,
    arg_password: &str,
    default_username: &str,
    server_address: &str,
) -> anyhow::Result<AuthConfig> {
    let mut user = arg_user.trim().to_string();
    if user.is_empty() {
        if server_address == INDEX_SERVER {
            Streams.line(REGISTER_SUGGEST)?;
            if hints_enabled() {
                Streams.line(PAT_SUGGEST)?;
                Streams.line("")?;
            }
        }
        let default_username = default_username.trim();
        let msg = if default_username.is_empty() {
            "Username: ".to_string()
        } else {
            format!("Username ({default_username}): ")
        };
        user = read_input(&msg)?;
        if user.is_empty() {
            user = default_username.to_string();
        }
        if user.is_empty() {
            return Err(fail("Error: Non-null Username Required"));
        }
    }
    let mut password = arg_password.trim().to_string();
    if password.is_empty() {
        let echo = EchoOff::new()?;
        if server_address == INDEX_SERVER {
            let text = note("A Personal Access Token (PAT) can be used instead.\nTo create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\n\n");
            Streams.err(text);
        }
        password = read_input("Password: ")?;
        drop(echo);
        Streams.line("")?;
        if password.is_empty() {
            return Err(fail("Error: Password Required"));
        }
    }
    Ok(AuthConfig {
        username: user,
        password,
        serveraddress: server_address.to_string(),
        ..AuthConfig::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(u: Option<&str>, p: Option<&str>, stdin: Option<bool>) -> LoginArgs {
        LoginArgs {
            password: p.map(str::to_string),
            password_stdin: stdin,
            username: u.map(str::to_string),
            args: vec![],
        }
    }

    #[test]
    fn flag_checks_match_docker() {
        let e = |a: LoginArgs| verify_flags(&a).unwrap_err().to_string();
        assert_eq!(
            e(args(Some("a"), Some("x"), Some(true))),
            "conflicting options: cannot specify both --password and --password-stdin"
        );
        assert_eq!(
            e(args(None, None, Some(false))),
            "the --password-stdin option requires --username to be set"
        );
        assert_eq!(e(args(Some(""), None, None)), "username is empty");
        assert_eq!(e(args(Some("a"), Some(""), None)), "password is empty");
        assert!(verify_flags(&args(Some("a"), Some("b"), None)).is_ok());
    }

    #[test]
    fn plain_note() {
        if !io::stderr().is_terminal() {
            assert_eq!(note("a\nb"), "\n Info -> a\n         b\n");
        }
    }

    #[test]
    fn errno_texts_are_gos() {
        assert_eq!(
            errno_text(rustix::io::Errno::NOTTY),
            "inappropriate ioctl for device"
        );
    }
}
