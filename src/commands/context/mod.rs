//! `dkr context …` (docker/cli v28.2.2 `cli/command/context`): the subcommands, each in its own
//! file, over docker's own context store (`config::contexts`), plus what they share: the
//! current context's name (the one resolver, `ClientOptions::context_name`) and the `default`
//! context docker computes from the flags and the environment instead of storing it.

pub mod create;
pub mod current;
pub mod export;
pub mod inspect;
pub mod list;
pub mod remove;

use super::Context;
use crate::config::contexts::{self, DockerEndpoint, Endpoint, Metadata, Store, TlsData};
use crate::engine::host::tls_settings;
use crate::exit::{self, StatusError};
use std::collections::BTreeMap;

// `dkr context …`.
#[derive(clap::Subcommand, Debug)]
#[command(defer = true)]
pub enum ContextCommand {
    /// Create a context
    #[command(long_about = create::CREATE_LONG)]
    Create(create::CreateArgs),
    #[command(about = "Export a context to a tar archive FILE or a tar stream on STDOUT.")]
    Export(export::ExportArgs),
    /// Import a context from a tar or zip file
    Import(export::ImportArgs),
    /// Display detailed information on one or more contexts
    Inspect(inspect::InspectArgs),
    /// List contexts
    #[command(name = "ls", visible_aliases = ["list"])]
    Ls(list::ListArgs),
    /// Remove one or more contexts
    #[command(name = "rm", visible_aliases = ["remove"])]
    Rm(remove::RmArgs),
    /// Print the name of the current context
    Show(current::ShowArgs),
    /// Update a context
    #[command(long_about = create::UPDATE_LONG)]
    Update(create::UpdateArgs),
    /// Set the current docker context
    Use(current::UseArgs),
}

/// Run a `dkr context` subcommand.
pub fn run(ctx: &Context, command: ContextCommand) -> anyhow::Result<i32> {
    // docker refuses these together before any command runs (`cli.Initialize`).
    if ctx.globals.context.is_some() && !ctx.globals.host.is_empty() {
        return Err(failure(
            "conflicting options: cannot specify both --host and --context",
        ));
    }
    match command {
        ContextCommand::Create(a) => create::run_create(ctx, a),
        ContextCommand::Export(a) => export::run_export(ctx, a),
        ContextCommand::Import(a) => export::run_import(ctx, a),
        ContextCommand::Inspect(a) => inspect::run(ctx, a),
        ContextCommand::Ls(a) => list::run(ctx, a),
        ContextCommand::Rm(a) => remove::run(ctx, a),
        ContextCommand::Show(a) => current::run_show(ctx, a),
        ContextCommand::Update(a) => create::run_update(ctx, a),
        ContextCommand::Use(a) => current::run_use(ctx, a),
    }
}

/// The store under this invocation's configuration directory.
pub fn store(ctx: &Context) -> Store {
    Store::new(&ctx.config.dir)
}

/// docker's `CurrentContext()`: `--context`, else `default` when `-H` or `DOCKER_HOST` is
/// given, else `DOCKER_CONTEXT`, else config.json's `currentContext`, else `default`.
pub fn current_name(ctx: &Context) -> String {
    ctx.client_options()
        .context_name()
        .unwrap_or_else(|| contexts::DEFAULT.to_string())
}

/// The `default` context as docker resolves it (`ResolveDefaultContext`): the host from `-H`
/// or `DOCKER_HOST`, TLS from the flags and `DOCKER_TLS*`, the TLS files that exist.
pub fn default_context(ctx: &Context) -> Result<(Metadata, TlsData), String> {
    let opts = ctx.client_options();
    if opts.hosts.len() > 1 {
        return Err("Specify only one -H".into());
    }
    let host = opts.default_host()?;
    let tls = tls_settings(&opts);
    let mut tls_files = BTreeMap::new();
    if let Some(s) = &tls {
        // The CA file is always read; a certificate or key only when named or present
        // (docker's `SetDefaultOptions`, then `TLSDataFromFiles`).
        for (path, explicit, file) in [
            (&s.ca, true, "ca.pem"),
            (&s.cert, s.explicit[1], "cert.pem"),
            (&s.key, s.explicit[2], "key.pem"),
        ] {
            let Some(path) = path else { continue };
            if !explicit && !path.exists() {
                continue;
            }
            let bytes = std::fs::read(path).map_err(|e| {
                crate::golang::os::path_error("open", &path.display().to_string(), &e)
            })?;
            tls_files.insert(file.to_string(), bytes);
        }
    }
    let meta = Metadata {
        name: contexts::DEFAULT.into(),
        metadata: Some(Default::default()),
        endpoints: [(
            contexts::DOCKER_ENDPOINT.to_string(),
            Endpoint::Docker(DockerEndpoint {
                host,
                skip_tls_verify: tls.is_some_and(|s| !s.verify),
            }),
        )]
        .into(),
    };
    let mut data = TlsData::new();
    if !tls_files.is_empty() {
        data.insert(contexts::DOCKER_ENDPOINT.to_string(), tls_files);
    }
    Ok((meta, data))
}

/// docker's `ContextStoreWithDefault.GetMetadata`: the default context, or a stored one.
pub fn get(ctx: &Context, name: &str) -> Result<Metadata, String> {
    if name == contexts::DEFAULT {
        return default_context(ctx).map(|(m, _)| m);
    }
    store(ctx).get(name).map_err(|e| e.message)
}

/// A failure printed as is, exit 1.
pub fn failure(message: impl Into<String>) -> anyhow::Error {
    StatusError::new(exit::FAILURE, message).into()
}

/// docker's warning when `DOCKER_HOST` hides the context the store names.
pub fn docker_host_set(ctx: &Context) -> bool {
    ctx.client_options().env.docker_host.is_some()
}

/// docker's `checkContextNameForCreation`: a valid name no context has yet.
pub fn check_new_name(store: &Store, name: &str) -> anyhow::Result<()> {
    contexts::validate_name(name).map_err(failure)?;
    match store.get(name) {
        Err(e) if e.not_found => Ok(()),
        Err(e) => Err(failure(format!(
            "error while getting existing contexts: {}",
            e.message
        ))),
        Ok(_) => Err(failure(format!(
            "context {} already exists",
            crate::golang::strconv::go_quote(name)
        ))),
    }
}
