//! One file per verb. Each has an args struct (its clap flags) and a `run` function that goes
//! validate → fetch → build rows → render. `dispatch` is the one exhaustive match.

pub mod commit;
pub mod complete;
pub mod completion;
pub mod context;
pub mod cp;
pub mod create;
pub mod exec;
pub mod hijack;
pub mod images;
pub mod inspect;
pub mod json_list;
pub mod kill;
pub mod login;
pub mod logout;
pub mod logs;
pub mod logs_many;
pub mod parallel;
pub mod port;
pub mod ps;
pub mod ps_watch;
pub mod pull;
pub mod push;
pub mod registry;
pub mod restart;
pub mod rm;
pub mod rmi;
pub mod run;
pub mod start;
pub mod stop;
pub mod system;
pub mod tag;
pub mod version;
pub mod wait;

use crate::cli::{
    flag_support, Command, ContainerCommand, GlobalOpts, ImageCommand, Invocation, Parsed,
};
use crate::config::ConfigFile;
use crate::engine::host::EndpointEnv;
use crate::engine::{Client, ClientOptions};
use crate::exit::StatusError;
use crate::output::Streams;

/// What every command gets: the global options, the loaded config file, how the command was
/// invoked (its path and usage line, the flags set) and the output streams. The engine client
/// is made on demand, so client-side errors (bad flags, bad references) never touch the daemon.
pub struct Context {
    pub globals: GlobalOpts,
    pub config: ConfigFile,
    pub invocation: Invocation,
    pub out: Streams,
}

impl Context {
    pub fn new(globals: GlobalOpts) -> Context {
        let config = ConfigFile::load(globals.config.as_deref());
        Context {
            globals,
            config,
            invocation: Invocation::default(),
            out: Streams,
        }
    }

    /// What the engine client is told: the global flags, config.json's `currentContext` and
    /// `HttpHeaders`, and the environment (`DOCKER_HOST`, `DOCKER_CONTEXT`, the TLS variables,
    /// `DOCKER_CUSTOM_HEADERS`, `DOCKER_API_VERSION`).
    pub fn client_options(&self) -> ClientOptions {
        let g = &self.globals;
        let mut headers = self.config.http_headers();
        if let Ok(custom) = std::env::var("DOCKER_CUSTOM_HEADERS") {
            for pair in custom.split(',') {
                if let Some((k, v)) = pair.split_once('=') {
                    if !k.trim().is_empty() {
                        headers.push((k.trim().to_string(), v.trim().to_string()));
                    }
                }
            }
        }
        ClientOptions {
            hosts: g.host.clone(),
            context: g.context.clone(),
            tls: g.tls,
            tlsverify: g.tlsverify,
            tlscacert: g.tlscacert.clone(),
            tlscert: g.tlscert.clone(),
            tlskey: g.tlskey.clone(),
            config_dir: self.config.dir.clone(),
            current_context: self.config.current_context().map(str::to_string),
            env: EndpointEnv::from_process(),
            headers,
            api_version: std::env::var("DOCKER_API_VERSION")
                .ok()
                .filter(|v| !v.is_empty()),
        }
    }

    /// docker's `areFlagsSupported`: the flags given that the daemon cannot take (too old an
    /// API, another OS, no experimental features), one line each, exit 1. The daemon is only
    /// asked when such a flag was given.
    pub fn check_flags_supported(&self, client: &Client) -> Result<(), StatusError> {
        let inv = &self.invocation;
        if !flag_support::has_annotated_flags(inv) {
            return Ok(());
        }
        let mut errs =
            flag_support::unsupported_flags(inv, &client.api_version(), &client.os_type());
        errs.extend(flag_support::unsupported_experimental_flags(
            inv,
            client.experimental(),
        ));
        if errs.is_empty() {
            Ok(())
        } else {
            Err(StatusError::new(crate::exit::FAILURE, errs.join("\n")))
        }
    }

    /// Resolve the endpoint (host, context, TLS) and make a client for it.
    pub fn client(&self) -> anyhow::Result<Client> {
        Ok(Client::from_options(&self.client_options())?)
    }
}

/// Run the parsed command; `Ok(code)` is the process exit code.
pub fn dispatch(parsed: Parsed) -> anyhow::Result<i32> {
    let ctx = Context {
        invocation: parsed.invocation,
        ..Context::new(parsed.globals)
    };
    match parsed.command {
        Command::Run(a) | Command::Container(ContainerCommand::Run(a)) => run::run(&ctx, *a),
        Command::Ps(a) | Command::Container(ContainerCommand::Ls(a)) => ps::run(&ctx, a),
        Command::Stop(a) | Command::Container(ContainerCommand::Stop(a)) => stop::run(&ctx, a),
        Command::Logs(a) | Command::Container(ContainerCommand::Logs(a)) => logs::run(&ctx, a),
        Command::Images(a) | Command::Image(ImageCommand::Ls(a)) => images::run(&ctx, a),
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => pull::run(&ctx, a),
        Command::Commit(a) | Command::Container(ContainerCommand::Commit(a)) => {
            commit::run(&ctx, a)
        }
        Command::Rm(a) | Command::Container(ContainerCommand::Rm(a)) => rm::run(&ctx, a),
        Command::Rmi(a) | Command::Image(ImageCommand::Rm(a)) => rmi::run(&ctx, a),
        Command::Inspect(a) => inspect::run(&ctx, a),
        Command::Container(ContainerCommand::Inspect(a)) => inspect::run_container(&ctx, a),
        Command::Image(ImageCommand::Inspect(a)) => inspect::run_image(&ctx, a),
        Command::Exec(a) | Command::Container(ContainerCommand::Exec(a)) => exec::run(&ctx, a),
        Command::Kill(a) | Command::Container(ContainerCommand::Kill(a)) => kill::run(&ctx, a),
        Command::Start(a) | Command::Container(ContainerCommand::Start(a)) => start::run(&ctx, a),
        Command::Wait(a) | Command::Container(ContainerCommand::Wait(a)) => wait::run(&ctx, a),
        Command::Restart(a) | Command::Container(ContainerCommand::Restart(a)) => {
            restart::run(&ctx, a)
        }
        Command::Tag(a) | Command::Image(ImageCommand::Tag(a)) => tag::run(&ctx, a),
        Command::Push(a) | Command::Image(ImageCommand::Push(a)) => push::run(&ctx, a),
        Command::Create(a) | Command::Container(ContainerCommand::Create(a)) => {
            create::run(&ctx, *a)
        }
        Command::Port(a) | Command::Container(ContainerCommand::Port(a)) => port::run(&ctx, a),
        Command::Cp(a) | Command::Container(ContainerCommand::Cp(a)) => cp::run(&ctx, a),
        Command::Context(c) => context::run(&ctx, c),
        Command::Login(a) => login::run(&ctx, a),
        Command::Logout(a) => logout::run(&ctx, a),
        Command::Version(a) => version::run(&ctx, a),
        Command::System(a) => system::run(&ctx, a),
        Command::Completion(a) => completion::run(&ctx, a),
        Command::Complete(a) => complete::run(&ctx, a),
        Command::GenerateDocs(a) => completion::generate_docs(&ctx, a),
    }
}
