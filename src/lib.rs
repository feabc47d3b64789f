//! dkr: a fast, docker-compatible command-line client.
//!
//! `main.rs` only calls [`run_main`]; everything else lives here so the integration tests and the
//! completion/man generators can reach the same clap definitions.

pub mod cleanup;
pub mod cli;
pub mod commands;
pub mod config;
pub mod engine;
pub mod exit;
pub mod golang;
mod libm_shim;
pub mod opts;
pub mod output;
pub mod render;
pub mod sys;

use std::ffi::OsString;

/// Parse `args`, run the command and return the process exit code.
pub fn run_main(args: Vec<OsString>) -> i32 {
    // A `DKR_SSH_PERSIST` broker (see engine::ssh_broker), never a user command.
    if args
        .get(1)
        .is_some_and(|a| a == engine::ssh_broker::BROKER_ARG)
    {
        let rest: Vec<String> = args[2..]
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        return engine::ssh_broker::main(&rest);
    }
    cleanup::install_panic_hook();
    exit::record_start_dispositions();
    exit::restore_sigpipe();
    // Go keeps arguments as bytes and its JSON encoder turns invalid UTF-8 into U+FFFD, one
    // per bad byte; a lossy conversion gives the same text (clap would refuse the word).
    let args = args
        .into_iter()
        .map(|a| match a.into_string() {
            Ok(s) => OsString::from(s),
            Err(raw) => OsString::from(raw.to_string_lossy().into_owned()),
        })
        .collect();
    let code = match cli::parse(args) {
        Ok(parsed) => match commands::dispatch(parsed) {
            Ok(code) => code,
            Err(err) => exit::report(&err),
        },
        Err(code) => code,
    };
    // The ssh processes of an `ssh://` engine end with the command (see engine::ssh).
    engine::ssh::shutdown();
    code
}
