//! `dkr context create` and `dkr context update` (docker's `create.go`, `update.go`,
//! `options.go`): the `--docker` endpoint string (pflag's `stringToString`) checked as docker
//! checks it — known keys, TLS files read, `skip-tls-verify` a Go boolean, the host a URL the
//! client could use — then written to the store with its TLS files; `create` without `--docker`
//! copies a context (`--from`, else the current one) as an export and import would.

use super::Context;
use crate::cli::Arity;
use crate::config::contexts::{self, DockerEndpoint, Endpoint, Metadata, TlsData};
use crate::engine::host::EndpointError;
use crate::golang::strconv::go_quote;
use std::collections::BTreeMap;

/// docker's long description of `create` or `update` (its tabwriter table of the `--docker`
/// keys and an example).
macro_rules! endpoint_long {
    ($title:literal, $verb:literal) => {
        concat!(
            $title,
            "\n\nDocker endpoint config:\n\n",
            "NAME                DESCRIPTION\n",
            "from                Copy named context's Docker endpoint configuration\n",
            "host                Docker endpoint on which to connect\n",
            "ca                  Trust certs signed only by this CA\n",
            "cert                Path to TLS certificate file\n",
            "key                 Path to TLS key file\n",
            "skip-tls-verify     Skip TLS certificate validation\n",
            "\nExample:\n\n$ dkr context ",
            $verb,
            " my-context --description \"some description\" --docker \"host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file\"\n"
        )
    };
}

/// docker's long description of `create`.
pub const CREATE_LONG: &str = endpoint_long!("Create a context", "create");

/// docker's long description of `update`.
pub const UPDATE_LONG: &str = endpoint_long!("Update a context", "update");

/// TLS file contents by file name (`ca.pem`, `cert.pem`, `key.pem`).
type TlsFiles = BTreeMap<String, Vec<u8>>;

/// The keys `--docker` takes.
const KEYS: [&str; 6] = ["from", "host", "ca", "cert", "key", "skip-tls-verify"];

/// One `--docker` value: its `key=value` pairs, as pflag's `stringToString` splits them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValues(pub Vec<(String, String)>);

/// pflag's `stringToStringValue.Set`: one `=` → one pair (surrounding quotes trimmed), more
/// → a CSV record of pairs; a part without `=` is `… must be formatted as key=value`.
pub fn parse_key_values(val: &str) -> Result<KeyValues, String> {
    let parts = match val.matches('=').count() {
        0 => return Err(format!("{val} must be formatted as key=value")),
        1 => vec![val.trim_matches('"').to_string()],
        _ => crate::golang::csv::read_record(val)?,
    };
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        match part.split_once('=') {
            Some((k, v)) => out.push((k.to_string(), v.to_string())),
            None => return Err(format!("{part} must be formatted as key=value")),
        }
    }
    Ok(KeyValues(out))
}

/// Every `--docker` given, merged as pflag merges them into one map (`None`: not given).
fn merged(values: &[KeyValues]) -> Option<BTreeMap<String, String>> {
    if values.is_empty() {
        return None;
    }
    let mut map = BTreeMap::new();
    for kv in values {
        for (k, v) in &kv.0 {
            map.insert(k.clone(), v.clone());
        }
    }
    Some(map)
}

// The flags `create` and `update` share.
#[derive(clap::Args, Debug)]
pub struct EndpointFlags {
    /// Description of the context
    #[arg(long, value_name = "string", allow_hyphen_values = true)]
    pub description: Option<String>,
    /// set the docker endpoint
    #[arg(long, value_name = "stringToString", value_parser = parse_key_values, action = clap::ArgAction::Append, allow_hyphen_values = true)]
    pub docker: Vec<KeyValues>,
}

// Flags of `dkr context create`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS] CONTEXT", args_override_self = true)]
pub struct CreateArgs {
    #[command(flatten)]
    pub endpoint: EndpointFlags,
    /// create context from a named context
    #[arg(long, value_name = "string", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// The context's name.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

// Flags of `dkr context update`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS] CONTEXT", args_override_self = true)]
pub struct UpdateArgs {
    #[command(flatten)]
    pub endpoint: EndpointFlags,
    /// The context's name.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

pub fn run_create(ctx: &Context, args: CreateArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::Exact(1))?;
    let name = &args.args[0];
    let store = super::store(ctx);
    super::check_new_name(&store, name)?;
    let description = args.endpoint.description.unwrap_or_default();
    let docker = merged(&args.endpoint.docker);
    let from = args.from.unwrap_or_default();
    let (meta, tls) = match (from.is_empty(), &docker) {
        (true, None) => copied(ctx, &super::current_name(ctx), name, &description)?,
        (false, _) => {
            if docker.as_ref().is_some_and(|d| !d.is_empty()) {
                return Err(super::failure(
                    "cannot use --docker flag when --from is set",
                ));
            }
            copied(ctx, &from, name, &description)?
        }
        (true, Some(config)) => {
            let (ep, files) = endpoint(ctx, config).map_err(|e| {
                super::failure(format!("unable to create docker endpoint config: {e}"))
            })?;
            let mut meta = Metadata {
                name: name.clone(),
                metadata: Some(Default::default()),
                endpoints: [(contexts::DOCKER_ENDPOINT.to_string(), Endpoint::Docker(ep))].into(),
            };
            meta.set_description(&description);
            let mut tls = TlsData::new();
            if let Some(files) = files {
                tls.insert(contexts::DOCKER_ENDPOINT.to_string(), files);
            }
            (meta, tls)
        }
    };
    store
        .create_or_update(&meta)
        .and_then(|()| store.reset_tls(name, &tls))
        .map_err(|e| super::failure(e.message))?;
    ctx.out.line(name)?;
    ctx.out.err_line(format_args!(
        "Successfully created context {}",
        go_quote(name)
    ));
    Ok(crate::exit::OK)
}

/// The context `from` as `create` copies it under `name`: its metadata (the description
/// replaced when one is given) and TLS files.
fn copied(
    ctx: &Context,
    from: &str,
    name: &str,
    description: &str,
) -> anyhow::Result<(Metadata, TlsData)> {
    let (mut meta, tls) = super::export::read(ctx, from).map_err(super::failure)?;
    let shown = if description.is_empty() {
        meta.description()
    } else {
        description.to_string()
    };
    meta.set_description(&shown);
    meta.name = name.to_string();
    Ok((meta, tls))
}

pub fn run_update(ctx: &Context, args: UpdateArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::Exact(1))?;
    let name = &args.args[0];
    contexts::validate_name(name).map_err(super::failure)?;
    let store = super::store(ctx);
    let mut meta = store.get(name).map_err(|e| super::failure(e.message))?;
    let description = args.endpoint.description.unwrap_or_default();
    if !description.is_empty() {
        meta.set_description(&description);
    }
    meta.metadata.get_or_insert_with(Default::default);
    let mut reset = None;
    if let Some(config) = merged(&args.endpoint.docker) {
        let (ep, files) = endpoint(ctx, &config)
            .map_err(|e| super::failure(format!("unable to create docker endpoint config: {e}")))?;
        meta.endpoints
            .insert(contexts::DOCKER_ENDPOINT.to_string(), Endpoint::Docker(ep));
        reset = Some(files);
    }
    store
        .create_or_update(&meta)
        .map_err(|e| super::failure(e.message))?;
    if let Some(files) = reset {
        store
            .reset_endpoint_tls(name, contexts::DOCKER_ENDPOINT, files.as_ref())
            .map_err(|e| super::failure(e.message))?;
    }
    ctx.out.line(name)?;
    ctx.out.err_line(format_args!(
        "Successfully updated context {}",
        go_quote(name)
    ));
    Ok(crate::exit::OK)
}

/// docker's `getDockerEndpoint`: the endpoint and TLS files a `--docker` map describes.
fn endpoint(
    ctx: &Context,
    config: &BTreeMap<String, String>,
) -> Result<(DockerEndpoint, Option<TlsFiles>), String> {
    let unknown: Vec<String> = config
        .keys()
        .filter(|k| !KEYS.contains(&k.as_str()))
        .map(|k| format!("unrecognized config key: {k}"))
        .collect();
    if !unknown.is_empty() {
        return Err(unknown.join("\n"));
    }
    if let Some(from) = config.get("from") {
        let meta = super::get(ctx, from)?;
        return match meta.endpoints.get(contexts::DOCKER_ENDPOINT) {
            Some(Endpoint::Docker(ep)) => Ok((ep.clone(), None)),
            _ => Err(format!(
                "unable to get endpoint from context {}",
                go_quote(from)
            )),
        };
    }
    let mut files = BTreeMap::new();
    for (key, file) in [("ca", "ca.pem"), ("cert", "cert.pem"), ("key", "key.pem")] {
        if let Some(path) = config.get(key).filter(|p| !p.is_empty()) {
            let bytes =
                std::fs::read(path).map_err(|e| crate::golang::os::path_error("open", path, &e))?;
            files.insert(file.to_string(), bytes);
        }
    }
    let skip_tls_verify = match config.get("skip-tls-verify") {
        None => false,
        Some(v) => crate::golang::strconv::parse_bool(v)
            .map_err(|_| format!("skip-tls-verify: parsing {}: invalid syntax", go_quote(v)))?,
    };
    let host = config.get("host").cloned().unwrap_or_default();
    if !host.is_empty() {
        let path = |k: &str| {
            config
                .get(k)
                .filter(|p| !p.is_empty())
                .map(std::path::PathBuf::from)
        };
        check_host(&host, || {
            crate::engine::host::context_tls(path("ca"), path("cert"), path("key"), skip_tls_verify)
                .map(|_| ())
                .map_err(|e| match e {
                    EndpointError::Conflict(m)
                    | EndpointError::Resolve(m)
                    | EndpointError::Init(m) => m,
                })
        })?;
    }
    let files = (!files.is_empty()).then_some(files);
    Ok((
        DockerEndpoint {
            host,
            skip_tls_verify,
        },
        files,
    ))
}

/// What making a client for `host` would refuse (docker's `Endpoint.ClientOpts`, then the
/// client's `WithHost`): a URL Go cannot parse, an `ssh://` URL the connection helper refuses,
/// a host without `proto://addr`, a protocol this platform lacks, a socket path too long.
fn check_host(host: &str, tls: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    let invalid = |e: String| format!("invalid docker endpoint options: {e}");
    let apply = |e: String| format!("unable to apply docker endpoint options: {e}");
    let url = crate::golang::url::parse(host).map_err(invalid)?;
    if url.scheme == "ssh" {
        return crate::engine::ssh::parse_url(host)
            .map(|_| ())
            .map_err(invalid);
    }
    // TLS is set up (and its files checked) for anything but a local socket.
    let scheme = host.split_once("://").map_or(host, |(p, _)| p);
    if !matches!(scheme, "unix" | "npipe" | "fd") {
        tls().map_err(invalid)?;
    }
    let (proto, addr) = match host.split_once("://") {
        Some((p, a)) if !a.is_empty() => (p, a),
        _ => return Err(apply(format!("unable to parse docker host `{host}`"))),
    };
    if proto == "tcp" {
        crate::golang::url::parse(&format!("tcp://{addr}")).map_err(apply)?;
    }
    match proto {
        "npipe" => Err(apply("protocol not available".into())),
        // `len(syscall.RawSockaddrUnix{}.Path)`.
        "unix" if addr.len() > 108 => Err(apply(format!(
            "unix socket path {} is too long",
            go_quote(addr)
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_values_split_as_pflag_does() {
        let kv = |s: &str| parse_key_values(s).map(|k| k.0);
        assert_eq!(
            kv("host=tcp://a,b").unwrap(),
            vec![("host".into(), "tcp://a,b".into())]
        );
        assert_eq!(
            kv("host=x,ca=y").unwrap(),
            vec![("host".into(), "x".into()), ("ca".into(), "y".into())]
        );
        assert_eq!(
            kv("host").unwrap_err(),
            "host must be formatted as key=value"
        );
        assert_eq!(kv("").unwrap_err(), " must be formatted as key=value");
        assert_eq!(
            kv("a=1,b=2,c").unwrap_err(),
            "c must be formatted as key=value"
        );
    }

    fn no_tls() -> Result<(), String> {
        Ok(())
    }

    #[test]
    fn hosts_checked_as_the_client_does() {
        assert!(check_host("unix:///x", no_tls).is_ok());
        assert!(check_host("foo://x", no_tls).is_ok());
        assert!(check_host("ssh://me@host:22/path", no_tls).is_ok());
        assert_eq!(
            check_host("tcp://a:b", no_tls).unwrap_err(),
            "invalid docker endpoint options: parse \"tcp://a:b\": invalid port \":b\" after host"
        );
        assert_eq!(
            check_host("unix://", no_tls).unwrap_err(),
            "unable to apply docker endpoint options: unable to parse docker host `unix://`"
        );
        assert_eq!(
            check_host("x", no_tls).unwrap_err(),
            "unable to apply docker endpoint options: unable to parse docker host `x`"
        );
        assert!(check_host("ssh://a:pw@h", no_tls)
            .unwrap_err()
            .contains("plain-text password"));
    }
}
