//! `dkr context inspect` (docker's `inspect.go`): each context (the current one when none is
//! named) as docker's `contextWithTLSListing` — the stored metadata, the TLS files by endpoint
//! and where they are stored — through docker's inspectors (indented JSON, `json`, or a
//! template run on that Go type); the errors of missing ones after the output, exit 1.

use super::Context;
use crate::commands::inspect::Inspector;
use crate::config::contexts::{self, Metadata, TlsListing};
use crate::golang::json::encode_string;
use crate::golang::types::{Field, GoStruct, Ty};

// Flags of `dkr context inspect`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] [CONTEXT] [CONTEXT...]",
    args_override_self = true
)]
pub struct InspectArgs {
    #[arg(short = 'f', long, value_name = "string", help = crate::commands::inspect::FORMAT_HELP)]
    pub format: Option<String>,
    /// The contexts.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

/// docker's `contextWithTLSListing`, as its templates see it: `store.Metadata` embedded (so
/// `.Metadata` is that whole struct and `.Metadata.Metadata` the description and the rest),
/// `TLSMaterial`, `Storage`.
static LISTING: Ty = Ty::Struct(&CONTEXT_WITH_TLS_LISTING);

static CONTEXT_WITH_TLS_LISTING: GoStruct = GoStruct {
    name: "context.contextWithTLSListing",
    fields: &[
        Field::embedded("Metadata", &Ty::Struct(&STORE_METADATA)),
        Field::new(
            "TLSMaterial",
            "TLSMaterial",
            &Ty::Map(&Ty::Slice(&Ty::Str)),
            false,
        ),
        Field::new("Storage", "Storage", &Ty::Struct(&STORAGE_INFO), false),
    ],
};

static STORE_METADATA: GoStruct = GoStruct {
    name: "store.Metadata",
    fields: &[
        Field::new("Name", "Name", &Ty::Str, true),
        Field::new("Metadata", "Metadata", &Ty::Struct(&DOCKER_CONTEXT), true),
        Field::new(
            "Endpoints",
            "Endpoints",
            &Ty::Map(&Ty::Struct(&ENDPOINT_META)),
            true,
        ),
    ],
};

/// docker's `command.DockerContext`: the description, and every other metadata field in
/// `AdditionalFields` (its JSON is the flat object again, see the template's `json`).
static DOCKER_CONTEXT: GoStruct = GoStruct {
    name: "command.DockerContext",
    fields: &[
        Field::new("Description", "Description", &Ty::Str, false),
        Field::new(
            "AdditionalFields",
            "AdditionalFields",
            &Ty::Map(&Ty::Iface),
            false,
        ),
    ],
};

/// docker's `EndpointMeta` (`context.EndpointMetaBase`), the type of the `docker` endpoint.
static ENDPOINT_META: GoStruct = GoStruct {
    name: "context.EndpointMetaBase",
    fields: &[
        Field::new("Host", "Host", &Ty::Str, true),
        Field::new("SkipTLSVerify", "SkipTLSVerify", &Ty::Bool, false),
    ],
};

static STORAGE_INFO: GoStruct = GoStruct {
    name: "store.StorageInfo",
    fields: &[
        Field::new("MetadataPath", "MetadataPath", &Ty::Str, false),
        Field::new("TLSPath", "TLSPath", &Ty::Str, false),
    ],
};

/// Where docker says the default context is stored.
const IN_MEMORY: &str = "<IN MEMORY>";

pub fn run(ctx: &Context, args: InspectArgs) -> anyhow::Result<i32> {
    let names = if args.args.is_empty() {
        vec![super::current_name(ctx)]
    } else {
        args.args.clone()
    };
    let mut inspector = Inspector::new(args.format.as_deref().unwrap_or(""))?;
    let mut errors = Vec::new();
    for name in &names {
        let json = match listing(ctx, name) {
            Ok(j) => j,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let value = template_view(serde_json::from_slice(&json)?);
        if let Err(e) = inspector.add_typed(json, &value, &LISTING) {
            errors.push(e);
        }
    }
    ctx.out.write_all(&inspector.output())?;
    if errors.is_empty() {
        Ok(crate::exit::OK)
    } else {
        Err(super::failure(errors.join("\n")))
    }
}

/// The listing as [`LISTING`] decodes it: `Metadata` split into `DockerContext`'s description
/// and additional fields.
fn template_view(mut value: serde_json::Value) -> serde_json::Value {
    if let Some(serde_json::Value::Object(meta)) = value.get_mut("Metadata") {
        let mut rest = std::mem::take(meta);
        if let Some(d) = rest.remove("Description") {
            meta.insert("Description".into(), d);
        }
        if !rest.is_empty() {
            meta.insert("AdditionalFields".into(), serde_json::Value::Object(rest));
        }
    }
    value
}

/// The compact JSON of one context's `contextWithTLSListing`.
fn listing(ctx: &Context, name: &str) -> Result<Vec<u8>, String> {
    let (meta, tls, meta_path, tls_path): (Metadata, TlsListing, String, String) =
        if name == contexts::DEFAULT {
            let (meta, data) = super::default_context(ctx)?;
            let tls = data
                .into_iter()
                .map(|(ep, files)| (ep, files.into_keys().collect()))
                .collect();
            (meta, tls, IN_MEMORY.into(), IN_MEMORY.into())
        } else {
            let store = super::store(ctx);
            let meta = store.get(name).map_err(|e| e.message)?;
            let tls = store.tls_files(name).map_err(|e| e.message)?;
            (
                meta,
                tls,
                store.meta_dir(name).display().to_string(),
                store.tls_dir(name).display().to_string(),
            )
        };
    let mut out = meta.marshal();
    // Continue the object docker's embedded struct starts.
    out.pop();
    if out.len() > 1 {
        out.push(b',');
    }
    out.extend_from_slice(b"\"TLSMaterial\":{");
    for (i, (ep, files)) in tls.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        encode_string(&mut out, ep.as_bytes(), true);
        out.push(b':');
        if files.is_empty() {
            // A nil `EndpointFiles`.
            out.extend_from_slice(b"null");
            continue;
        }
        out.push(b'[');
        for (j, f) in files.iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            encode_string(&mut out, f.as_bytes(), true);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"},\"Storage\":{\"MetadataPath\":");
    encode_string(&mut out, meta_path.as_bytes(), true);
    out.extend_from_slice(b",\"TLSPath\":");
    encode_string(&mut out, tls_path.as_bytes(), true);
    out.extend_from_slice(b"}}");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::template::Template;

    fn run(template: &str, value: &serde_json::Value) -> Result<String, String> {
        let t = Template::parse(template).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        t.execute_typed(&mut out, &template_view(value.clone()), &LISTING)
            .map_err(|e| e.to_string())?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn templates_see_dockers_embedded_struct() {
        let v = serde_json::json!({
            "Name": "foo",
            "Metadata": {},
            "Endpoints": {"docker": {"Host": "unix:///x", "SkipTLSVerify": false}},
            "TLSMaterial": {},
            "Storage": {"MetadataPath": "/m", "TLSPath": "/t"}
        });
        // `.Metadata` is the embedded `store.Metadata`, `.Name` a field promoted from it.
        assert_eq!(
            run("{{.Name}} {{.Metadata.Name}} {{.Metadata.Endpoints}}", &v).unwrap(),
            "foo foo map[docker:{unix:///x false}]"
        );
        assert_eq!(
            run("{{json .}}", &v).unwrap(),
            r#"{"Name":"foo","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///x","SkipTLSVerify":false}},"TLSMaterial":{},"Storage":{"MetadataPath":"/m","TLSPath":"/t"}}"#
        );
        assert!(run("{{.Metadata.Description}}", &v)
            .unwrap_err()
            .ends_with("can't evaluate field Description in type store.Metadata"));
    }
}
