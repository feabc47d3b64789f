//! `dkr inspect`, `dkr container inspect`, `dkr image inspect`: the objects' JSON as the daemon
//! sent it, re-indented (docker's `cli/command/inspect/inspector.go`), or a Go template run on
//! each (first on the answer decoded into docker's Go types, `engine::go_types`, then, if that
//! fails, on the raw JSON with `missingkey=error`, as docker's `TemplateInspector` does). A
//! type-less `inspect` tries the kinds in docker's order (`cli/command/system/inspect.go`).

use super::Context;
use crate::cli::{flag_support, Arity};
use crate::engine::api::ObjectKind;
use crate::engine::{go_types, Client, EngineError};
use crate::exit::{self, StatusError};
use crate::golang::types::Ty;
use crate::render::template::Template;

/// docker's `flagsHelper.InspectFormatHelp`.
pub(crate) const FORMAT_HELP: &str = "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

/// docker's `--type` values, in its order (its error messages list them so).
const ALL_TYPES: [&str; 10] = [
    "config",
    "container",
    "image",
    "network",
    "node",
    "plugin",
    "secret",
    "service",
    "task",
    "volume",
];

// Flags of `dkr inspect`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] NAME|ID [NAME|ID...]",
    args_override_self = true
)]
pub struct InspectArgs {
    #[arg(short = 'f', long, value_name = "string", help = FORMAT_HELP)]
    pub format: Option<String>,
    /// Display total file sizes if the type is container
    #[arg(short = 's', long, num_args = 0..=1)]
    pub size: bool,
    /// Only inspect objects of the given type
    #[arg(long = "type", value_name = "string")]
    pub kind: Option<String>,
    /// The objects to inspect
    #[arg(value_name = "NAME")]
    pub args: Vec<String>,
}

// Flags of `dkr container inspect`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER [CONTAINER...]",
    args_override_self = true
)]
pub struct ContainerInspectArgs {
    #[arg(short = 'f', long, value_name = "string", help = FORMAT_HELP)]
    pub format: Option<String>,
    /// Display total file sizes
    #[arg(short = 's', long, num_args = 0..=1)]
    pub size: bool,
    /// The containers to inspect
    #[arg(value_name = "CONTAINER")]
    pub args: Vec<String>,
}

// Flags of `dkr image inspect`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] IMAGE [IMAGE...]",
    args_override_self = true
)]
pub struct ImageInspectArgs {
    #[arg(short = 'f', long, value_name = "string", help = FORMAT_HELP)]
    pub format: Option<String>,
    #[arg(
        long,
        value_name = "string",
        help = "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)"
    )]
    pub platform: Option<String>,
    /// The images to inspect
    #[arg(value_name = "IMAGE")]
    pub args: Vec<String>,
}

/// `dkr inspect`.
pub fn run(ctx: &Context, args: InspectArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::AtLeast(1))?;
    let kind = args.kind.clone().unwrap_or_default();
    let types = format!("\"{}\"", ALL_TYPES.join("\", \""));
    if args.kind.is_some() && kind.is_empty() {
        return Err(StatusError::new(
            exit::FAILURE,
            format!("type is empty: must be one of {types}"),
        )
        .into());
    }
    let constraint = match kind.as_str() {
        "" => None,
        k => match object_kind(k) {
            Some(k) => Some(k),
            None => {
                return Err(StatusError::new(
                    exit::FAILURE,
                    format!(
                        "unknown type: {}: must be one of {types}",
                        crate::golang::strconv::go_quote(k)
                    ),
                )
                .into())
            }
        },
    };
    let inspector = Inspector::new(args.format.as_deref().unwrap_or(""))?;
    let client = ctx.client()?;
    let size = args.size;
    inspect(ctx, inspector, &args.args, |r| {
        lookup_any(ctx, &client, r, constraint, size)
    })
}

/// `dkr container inspect`.
pub fn run_container(ctx: &Context, args: ContainerInspectArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::AtLeast(1))?;
    let inspector = Inspector::new(args.format.as_deref().unwrap_or(""))?;
    let client = ctx.client()?;
    inspect(ctx, inspector, &args.args, |r| {
        lookup(&client, ObjectKind::Container, r, args.size, None)
    })
}

/// `dkr image inspect`.
pub fn run_image(ctx: &Context, args: ImageInspectArgs) -> anyhow::Result<i32> {
    let client = ctx.client()?;
    // docker checks version-annotated flags (`--platform`: API 1.49) before the arguments.
    if flag_support::has_annotated_flags(&ctx.invocation) {
        let unsupported =
            flag_support::unsupported_flags(&ctx.invocation, &client.api_version(), "");
        if !unsupported.is_empty() {
            return Err(StatusError::new(exit::FAILURE, unsupported.join("\n")).into());
        }
    }
    ctx.invocation
        .check_arity(args.args.len(), Arity::AtLeast(1))?;
    let platform = match args.platform.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => Some(platform_query(p).map_err(|e| StatusError::new(exit::FAILURE, e))?),
        None => None,
    };
    let inspector = Inspector::new(args.format.as_deref().unwrap_or(""))?;
    inspect(ctx, inspector, &args.args, |r| {
        lookup(&client, ObjectKind::Image, r, false, platform.as_deref())
    })
}

/// `--platform os[/arch[/variant]]` as the JSON docker's client sends in the query.
fn platform_query(spec: &str) -> Result<String, String> {
    let (_, formatted) = crate::opts::platform::parse_platform(spec)?;
    let mut parts = formatted.split('/');
    let os = parts.next().unwrap_or_default();
    let arch = parts.next().unwrap_or_default();
    let mut obj = serde_json::Map::new();
    obj.insert("architecture".into(), arch.into());
    obj.insert("os".into(), os.into());
    if let Some(variant) = parts.next() {
        obj.insert("variant".into(), variant.into());
    }
    Ok(crate::golang::json::to_string(
        &serde_json::Value::Object(obj),
        false,
    ))
}

fn object_kind(name: &str) -> Option<ObjectKind> {
    Some(match name {
        "container" => ObjectKind::Container,
        "image" => ObjectKind::Image,
        "network" => ObjectKind::Network,
        "volume" => ObjectKind::Volume,
        "service" => ObjectKind::Service,
        "task" => ObjectKind::Task,
        "node" => ObjectKind::Node,
        "plugin" => ObjectKind::Plugin,
        "secret" => ObjectKind::Secret,
        "config" => ObjectKind::Config,
        _ => return None,
    })
}

/// One object found: its kind (for the typed template run) and its JSON as sent.
struct Found {
    kind: ObjectKind,
    raw: Vec<u8>,
}

/// Why a lookup failed: the message docker prints, and whether a type-less `inspect` may go
/// on to the next kind (docker's `isErrSkippable`: not found, "not supported", or "invalid
/// reference format").
struct LookupError {
    message: String,
    skippable: bool,
}

impl From<EngineError> for LookupError {
    fn from(e: EngineError) -> Self {
        let message = e.to_string();
        let skippable = e.status() == Some(404)
            || message.contains("not supported")
            || message.contains("invalid reference format");
        LookupError { message, skippable }
    }
}

/// One kind's inspect request (docker's `…InspectWithRaw`).
fn lookup(
    client: &Client,
    kind: ObjectKind,
    reference: &str,
    size: bool,
    platform: Option<&str>,
) -> Result<Found, LookupError> {
    let raw = match kind {
        ObjectKind::Container => {
            let id = crate::engine::api::trim_id("container", reference)?;
            client.container_inspect_raw(&id, size)?
        }
        ObjectKind::Image => {
            if reference.is_empty() {
                // docker's client refuses it itself, as a not-found error.
                return Err(LookupError {
                    message: "Error: No such image: ".into(),
                    skippable: true,
                });
            }
            client.image_inspect_raw(reference, platform)?
        }
        ObjectKind::Network => client.network_inspect_raw(reference)?,
        ObjectKind::Volume => client.volume_inspect_raw(reference)?,
        ObjectKind::Plugin => client.plugin_inspect_raw(reference)?,
        ObjectKind::Service => client.service_inspect_raw(reference)?,
        ObjectKind::Task | ObjectKind::Node | ObjectKind::Secret | ObjectKind::Config => {
            client.swarm_object_inspect_raw(kind, reference)?
        }
    };
    Ok(Found { kind, raw })
}

/// docker's `inspectAll`: with a `--type`, that kind alone; without, each kind in docker's
/// order, skipping the swarm kinds unless the daemon is a swarm manager (asked once per
/// reference, only when a swarm kind is reached).
fn lookup_any(
    ctx: &Context,
    client: &Client,
    reference: &str,
    constraint: Option<ObjectKind>,
    size: bool,
) -> Result<Found, LookupError> {
    use ObjectKind::*;
    const ORDER: [(ObjectKind, bool); 10] = [
        (Container, false),
        (Image, false),
        (Network, false),
        (Volume, false),
        (Service, true),
        (Task, true),
        (Node, true),
        (Plugin, false),
        (Secret, true),
        (Config, true),
    ];
    let mut swarm: Option<bool> = None;
    for (kind, is_swarm) in ORDER {
        if constraint.is_some_and(|c| c != kind) {
            continue;
        }
        if constraint.is_none() && is_swarm {
            let manager = *swarm.get_or_insert_with(|| match client.info_value() {
                Ok(info) => info["Swarm"]["ControlAvailable"].as_bool() == Some(true),
                Err(e) => {
                    ctx.out
                        .err_line(crate::render::sanitize::for_stderr(&e.to_string()));
                    false
                }
            });
            if !manager {
                continue;
            }
        }
        match lookup(client, kind, reference, size, None) {
            Ok(found) => {
                if size && kind != Container {
                    ctx.out.err_line(format_args!(
                        "WARNING: --size ignored for {}",
                        kind_name(kind)
                    ));
                }
                return Ok(found);
            }
            Err(e) if constraint.is_none() && e.skippable => continue,
            Err(e) => return Err(e),
        }
    }
    Err(LookupError {
        message: format!("Error: No such object: {reference}"),
        skippable: false,
    })
}

fn kind_name(kind: ObjectKind) -> &'static str {
    match kind {
        ObjectKind::Container => "container",
        ObjectKind::Image => "image",
        ObjectKind::Network => "network",
        ObjectKind::Volume => "volume",
        ObjectKind::Service => "service",
        ObjectKind::Task => "task",
        ObjectKind::Node => "node",
        ObjectKind::Plugin => "plugin",
        ObjectKind::Secret => "secret",
        ObjectKind::Config => "config",
    }
}

/// docker's inspectors: indented JSON (no format), compact JSON (`json`), or a template.
pub(crate) enum Inspector {
    Indented(Vec<Vec<u8>>),
    Compact(Vec<Vec<u8>>),
    Template(Template, Vec<u8>),
}

impl Inspector {
    /// A template that does not parse is docker's `template parsing error: …`, exit 64.
    pub(crate) fn new(format: &str) -> Result<Inspector, StatusError> {
        Ok(match format {
            "" => Inspector::Indented(Vec::new()),
            "json" => Inspector::Compact(Vec::new()),
            text => Inspector::Template(
                Template::parse(text)
                    .map_err(|e| StatusError::new(64, format!("template parsing error: {e}")))?,
                Vec::new(),
            ),
        })
    }

    /// Take one object (its JSON already known to be valid).
    fn add(&mut self, found: Found, value: &serde_json::Value) -> Result<(), String> {
        match self {
            Inspector::Indented(raws) | Inspector::Compact(raws) => raws.push(found.raw),
            Inspector::Template(tmpl, buf) => {
                let mut out = Vec::new();
                let typed = go_type(found.kind)
                    .map(|ty| tmpl.execute_typed(&mut out, value, ty).is_ok())
                    .unwrap_or(false);
                if !typed {
                    out.clear();
                    tmpl.execute_missingkey_error(&mut out, value)
                        .map_err(|e| format!("template parsing error: {e}"))?;
                }
                buf.extend_from_slice(&out);
                buf.push(b'\n');
            }
        }
        Ok(())
    }

    /// Take one object docker builds itself (no raw answer to fall back on, as `context
    /// inspect`): its compact JSON, and its value seen as the Go type `ty` by a template.
    pub(crate) fn add_typed(
        &mut self,
        json: Vec<u8>,
        value: &serde_json::Value,
        ty: &'static Ty,
    ) -> Result<(), String> {
        match self {
            Inspector::Indented(raws) | Inspector::Compact(raws) => raws.push(json),
            Inspector::Template(tmpl, buf) => {
                let mut out = Vec::new();
                tmpl.execute_typed(&mut out, value, ty)
                    .map_err(|e| format!("template parsing error: {e}"))?;
                buf.extend_from_slice(&out);
                buf.push(b'\n');
            }
        }
        Ok(())
    }

    /// What docker's `Flush` writes.
    pub(crate) fn output(self) -> Vec<u8> {
        let joined = |raws: &[Vec<u8>]| {
            let mut all = Vec::with_capacity(raws.iter().map(Vec::len).sum::<usize>() + 2);
            all.push(b'[');
            for (i, r) in raws.iter().enumerate() {
                if i > 0 {
                    all.push(b',');
                }
                all.extend_from_slice(r);
            }
            all.push(b']');
            all
        };
        let mut out = match self {
            Inspector::Indented(raws) if raws.is_empty() => b"[]".to_vec(),
            Inspector::Compact(raws) if raws.is_empty() => b"[]".to_vec(),
            Inspector::Indented(raws) => crate::golang::json::indent(&joined(&raws), "", "    "),
            Inspector::Compact(raws) => crate::golang::json::compact(&joined(&raws)),
            Inspector::Template(_, buf) if buf.is_empty() => Vec::new(),
            Inspector::Template(_, buf) => return buf,
        };
        out.push(b'\n');
        out
    }
}

/// The Go type docker decodes an answer of this kind into before running a template (the
/// kinds without a table here are run on the raw JSON only).
fn go_type(kind: ObjectKind) -> Option<&'static Ty> {
    static CONTAINER: Ty = Ty::Struct(&go_types::CONTAINER_INSPECTRESPONSE);
    static IMAGE: Ty = Ty::Struct(&go_types::IMAGE_INSPECTRESPONSE);
    match kind {
        ObjectKind::Container => Some(&CONTAINER),
        ObjectKind::Image => Some(&IMAGE),
        _ => None,
    }
}

/// docker's `inspect.Inspect`: each reference looked up in order, the output written once all
/// are done, then every error (joined by newlines), exit 1.
fn inspect(
    ctx: &Context,
    mut inspector: Inspector,
    references: &[String],
    mut get: impl FnMut(&str) -> Result<Found, LookupError>,
) -> anyhow::Result<i32> {
    let mut errors = Vec::new();
    for reference in references {
        let found = match get(reference) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e.message);
                continue;
            }
        };
        // docker decodes the answer (into its Go type) before using it; one that does not
        // decode is that reference's error.
        let value = match decode_first(&found.raw) {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if let Err(e) = inspector.add(found, &value) {
            errors.push(e);
        }
    }
    ctx.out.write_all(&inspector.output())?;
    if errors.is_empty() {
        Ok(exit::OK)
    } else {
        Err(StatusError::new(exit::FAILURE, errors.join("\n")).into())
    }
}

/// The first JSON value of an answer, as Go's `json.Decoder.Decode` reads it, with its error
/// texts for an empty or cut answer.
fn decode_first(raw: &[u8]) -> Result<serde_json::Value, String> {
    let text;
    let raw = match std::str::from_utf8(raw) {
        Ok(_) => raw,
        Err(_) => {
            text = crate::golang::utf8::to_valid_lossy(raw);
            text.as_bytes()
        }
    };
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err("EOF".into());
    }
    let mut values = serde_json::Deserializer::from_slice(raw).into_iter::<serde_json::Value>();
    match values.next() {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) if e.is_eof() => Err("unexpected EOF".into()),
        Some(Err(e)) => Err(crate::golang::json::syntax_error_text(&e, raw)),
        None => Err("EOF".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(format: &str, objects: &[(ObjectKind, &str)]) -> (String, Vec<String>) {
        let mut ins = Inspector::new(format).unwrap();
        let mut errs = Vec::new();
        for (kind, raw) in objects {
            let v = decode_first(raw.as_bytes()).unwrap();
            if let Err(e) = ins.add(
                Found {
                    kind: *kind,
                    raw: raw.as_bytes().to_vec(),
                },
                &v,
            ) {
                errs.push(e);
            }
        }
        (String::from_utf8(ins.output()).unwrap(), errs)
    }

    const C: &str = "{\"Id\":\"abc\",\"Name\":\"/x\",\"State\":{\"Status\":\"running\",\"Running\":true,\"Pid\":7},\"Config\":{\"Hostname\":\"h\",\"Cmd\":[\"sh\"],\"Labels\":{\"a\":\"\\u003cb\\u003e\"}},\"Mounts\":[]}\n";

    #[test]
    fn json_is_the_daemons_bytes_indented() {
        let (out, _) = render("", &[(ObjectKind::Container, C)]);
        assert!(
            out.starts_with("[\n    {\n        \"Id\": \"abc\",\n"),
            "{out}"
        );
        assert!(out.contains("\"a\": \"\\u003cb\\u003e\""), "{out}");
        assert!(out.contains("\"Mounts\": []\n    }\n]\n"), "{out}");
        let (out, _) = render(
            "json",
            &[(ObjectKind::Container, C), (ObjectKind::Container, C)],
        );
        assert_eq!(out.matches("{\"Id\":\"abc\"").count(), 2);
        assert!(out.ends_with("]\n"));
        assert_eq!(render("", &[]).0, "[]\n");
    }

    #[test]
    fn templates_see_the_go_types_first() {
        let t = |f: &str| render(f, &[(ObjectKind::Container, C)]);
        assert_eq!(t("{{.Id}} {{.State.Status}}").0, "abc running\n");
        assert_eq!(t("{{.ID}}").0, "abc\n");
        // neither view has both names
        assert_eq!(t("{{.Id}} {{.ID}}").1.len(), 1);
        // typed: zero values for what JSON lacks, typed maps, nil pointers
        assert_eq!(t("{{.State.Health}}|{{.RestartCount}}|{{.Config.Labels.x}}|{{index .Config.Labels \"x\"}}|").0, "<nil>|0|<no value>||\n");
        assert_eq!(
            t("{{json .State}}").0,
            "{\"Status\":\"running\",\"Running\":true,\"Paused\":false,\"Restarting\":false,\"OOMKilled\":false,\"Dead\":false,\"Pid\":7,\"ExitCode\":0,\"Error\":\"\",\"StartedAt\":\"\",\"FinishedAt\":\"\"}\n"
        );
        assert_eq!(
            t("{{.State}}").0,
            "{running true false false false false 7 0    <nil>}\n"
        );
        // a field only the raw JSON has a name for, then one nobody knows
        let (out, errs) = t("{{.Nope}}");
        assert_eq!(out, "\n");
        assert_eq!(
            errs,
            ["template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\""]
        );
        let _ = json!(null);
    }
}
