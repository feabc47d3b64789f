//! `dkr logout [SERVER]` (docker's `cli/command/registry/logout.go` at v28.2.2): erase the
//! credentials stored for a registry under every spelling docker may have used for it.

use super::Context;
use crate::cli::Arity;
use crate::config::credentials;
use crate::engine::reference::INDEX_SERVER;

// Flags of `dkr logout`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[SERVER]", args_override_self = true)]
pub struct LogoutArgs {
    /// Server
    #[arg(hide = true)]
    pub args: Vec<String>,
}

/// The keys to erase for `server`, and the name docker prints.
pub fn keys_for(server: &str) -> (Vec<String>, String) {
    if server.is_empty() {
        return (vec![INDEX_SERVER.to_string()], INDEX_SERVER.to_string());
    }
    let host = credentials::convert_to_hostname(server);
    (
        vec![
            server.to_string(),
            host.clone(),
            format!("http://{host}"),
            format!("https://{host}"),
        ],
        host,
    )
}

pub fn run(ctx: &Context, a: LogoutArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(a.args.len(), Arity::AtMost(1))?;
    let server = a.args.first().cloned().unwrap_or_default();
    let (keys, shown) = keys_for(&server);
    // docker also revokes a Docker Hub OAuth token here; dkr never stores one.
    ctx.out
        .line(format_args!("Removing login credentials for {shown}"))?;
    let mut config = ctx.config.clone();
    // docker collects the failures in a map keyed by address, and the address list can name
    // `host:port` twice, so a failure for every address still counts as fewer than all of
    // them then, and nothing is printed. Copied on purpose.
    let mut errors: Vec<(String, String)> = Vec::new();
    for key in &keys {
        if let Err(e) = credentials::erase_credentials(&mut config, key) {
            match errors.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = e,
                None => errors.push((key.clone(), e)),
            }
        }
    }
    if errors.len() == keys.len() {
        let mut text = String::from("WARNING: could not erase credentials:\n");
        for (k, e) in &errors {
            text.push_str(&format!("{k}: {e}\n"));
        }
        ctx.out.err(text);
    }
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(
            keys_for("http://localhost:5001/x"),
            (
                vec![
                    "http://localhost:5001/x".to_string(),
                    "localhost:5001".to_string(),
                    "http://localhost:5001".to_string(),
                    "https://localhost:5001".to_string()
                ],
                "localhost:5001".to_string()
            )
        );
        assert_eq!(keys_for("").1, INDEX_SERVER);
    }
}
