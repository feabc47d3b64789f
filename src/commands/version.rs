//! `dkr version`: client and server versions as `docker version` prints them
//! (`cli/command/system/version.go`), or through `--format`.

use serde_json::{json, Map, Value};
use std::io::Write;

use super::Context;
use crate::cli::Arity;
use crate::engine::CLIENT_API_VERSION;
use crate::exit::StatusError;
use crate::output::Streams;
use crate::render::format::Row;
use crate::render::table::TabWriter;
use crate::render::template::go_json;

// Flags of `dkr version`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "[OPTIONS]")]
pub struct VersionArgs {
    /// Format output using a custom template:
    /// 'json':             Print in JSON format
    /// 'TEMPLATE':         Print output using the given Go template.
    /// Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates
    #[arg(short = 'f', long, value_name = "string", verbatim_doc_comment)]
    pub format: Option<String>,
    #[arg(hide = true)]
    pub args: Vec<String>,
}

/// The client half, with Go's field names as template keys (`.Client.APIVersion`).
fn client_info(api_version: &str, context: &str) -> Value {
    json!({
        "Version": env!("CARGO_PKG_VERSION"),
        "APIVersion": api_version,
        "DefaultAPIVersion": CLIENT_API_VERSION,
        "GitCommit": env!("DKR_GIT_COMMIT"),
        // The compiler's version where docker names Go's (build.rs); the template field keeps
        // docker's name so `--format '{{.Client.GoVersion}}'` still works.
        "GoVersion": env!("DKR_RUSTC_VERSION"),
        "Os": std::env::consts::OS,
        "Arch": go_arch(),
        "BuildTime": reformat_date(env!("DKR_BUILD_TIME")),
        "Context": context,
    })
}

/// Go's GOARCH spelling of this machine's architecture.
fn go_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        "powerpc64" => "ppc64le",
        other => other,
    }
}

/// Reformat an RFC 3339 build time as Go's `time.ANSIC` (`Mon Jan _2 15:04:05 2006`).
fn reformat_date(s: &str) -> String {
    match s.parse::<jiff::Timestamp>() {
        Ok(ts) => ts.strftime("%a %b %e %H:%M:%S %Y").to_string(),
        Err(_) => s.to_string(),
    }
}

/// The server half from `GET /version`, normalised as docker does: an Engine component
/// synthesised when missing, its BuildTime reformatted.
fn server_info(mut v: Value) -> Value {
    // Template keys are Go field names; the API says `ApiVersion`.
    if let Some(obj) = v.as_object_mut() {
        if let Some(api) = obj.remove("ApiVersion") {
            obj.insert("APIVersion".into(), api);
        }
    }
    let components = v["Components"].as_array().cloned().unwrap_or_default();
    let mut found = false;
    let mut out = Vec::new();
    for mut c in components {
        if c["Name"] == "Engine" {
            found = true;
            if let Some(bt) = c["Details"]["BuildTime"].as_str().map(reformat_date) {
                c["Details"]["BuildTime"] = Value::String(bt);
            }
        }
        out.push(c);
    }
    if !found {
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        out.push(json!({
            "Name": "Engine",
            "Version": s("Version"),
            "Details": {
                "ApiVersion": s("APIVersion"),
                "MinAPIVersion": s("MinAPIVersion"),
                "GitCommit": s("GitCommit"),
                "GoVersion": s("GoVersion"),
                "Os": s("Os"),
                "Arch": s("Arch"),
                "BuildTime": reformat_date(&s("BuildTime")),
                "Experimental": v["Experimental"].as_bool().unwrap_or(false).to_string(),
            }
        }));
    }
    v["Components"] = Value::Array(out);
    v
}

/// The default output (docker's `defaultVersionTemplate`), as tab-separated lines for the
/// tabwriter.
fn default_text(client: &Value, server: Option<&Value>) -> String {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut t = String::from("Client:\n");
    let api = s(&client["APIVersion"]);
    let default_api = s(&client["DefaultAPIVersion"]);
    t += &format!(" Version:\t{}\n", s(&client["Version"]));
    if api != default_api {
        t += &format!(" API version:\t{api} (downgraded from {default_api})\n");
    } else {
        t += &format!(" API version:\t{api}\n");
    }
    t += &format!(" Rust version:\t{}\n", s(&client["GoVersion"]));
    t += &format!(" Git commit:\t{}\n", s(&client["GitCommit"]));
    t += &format!(" Built:\t{}\n", s(&client["BuildTime"]));
    t += &format!(" OS/Arch:\t{}/{}\n", s(&client["Os"]), s(&client["Arch"]));
    t += &format!(" Context:\t{}", s(&client["Context"]));
    if let Some(server) = server {
        t += "\n\nServer:";
        let platform = s(&server["Platform"]["Name"]);
        if !platform.is_empty() {
            t += &format!(" {platform}");
        }
        for c in server["Components"].as_array().into_iter().flatten() {
            let name = s(&c["Name"]);
            let d = &c["Details"];
            t += &format!("\n {name}:");
            if name == "Engine" {
                t += &format!("\n  Version:\t{}", s(&c["Version"]));
                t += &format!(
                    "\n  API version:\t{} (minimum version {})",
                    s(&d["ApiVersion"]),
                    s(&d["MinAPIVersion"])
                );
                t += &format!("\n  Go version:\t{}", s(&d["GoVersion"]));
                t += &format!("\n  Git commit:\t{}", s(&d["GitCommit"]));
                t += &format!("\n  Built:\t{}", s(&d["BuildTime"]));
                t += &format!("\n  OS/Arch:\t{}/{}", s(&d["Os"]), s(&d["Arch"]));
                t += &format!("\n  Experimental:\t{}", s(&d["Experimental"]));
            } else {
                t += &format!("\n  Version:\t{}", s(&c["Version"]));
                if let Some(details) = d.as_object() {
                    // BTreeMap-backed: keys come sorted, as getDetailsOrder sorts them.
                    for (k, v) in details {
                        t += &format!("\n  {k}:\t{}", s(v));
                    }
                }
            }
        }
    }
    t.push('\n');
    t
}

/// The template's dot: docker's `versionInfo` struct (an unknown field is an error, not
/// `<no value>`).
struct VersionInfo(Value);

impl Row for VersionInfo {
    fn data(&self) -> &Value {
        &self.0
    }

    fn type_name(&self) -> Option<&str> {
        Some("system.versionInfo")
    }
}

/// Write `text` through docker's version tabwriter (`minwidth 20, tabwidth 1, padding 1`).
fn write_aligned(out: Streams, text: &str) -> std::io::Result<()> {
    let mut tw = TabWriter::new(Vec::new(), 20, 1, 1, b' ', 0);
    tw.write_all(text.as_bytes())?;
    out.write_all(&tw.into_inner()?)
}

/// Go's struct field order of `versionInfo`, `clientVersion`, `types.Version` and
/// `types.ComponentVersion`; `json` marshals structs in this order (maps, like `Details`, sorted).
const STRUCT_ORDER: &[&str] = &[
    "Client",
    "Server",
    "Platform",
    "Name",
    "Components",
    "Version",
    "ApiVersion",
    "DefaultAPIVersion",
    "MinAPIVersion",
    "GitCommit",
    "GoVersion",
    "Os",
    "Arch",
    "KernelVersion",
    "Experimental",
    "BuildTime",
    "Context",
    "Details",
];

/// `{{json .}}` of the version info: the JSON key spelling (`ApiVersion`), struct field order,
/// and `omitempty` on the client's empty fields, as Go marshals it.
fn version_json(v: &Value, in_details: bool) -> String {
    match v {
        Value::Object(map) => {
            // Only clientVersion's fields are `omitempty` (all but Context).
            let omit_empty = map.contains_key("DefaultAPIVersion");
            let mut entries: Vec<(String, &Value)> = map
                .iter()
                .map(|(k, v)| {
                    let k = if k == "APIVersion" {
                        "ApiVersion".to_string()
                    } else {
                        k.clone()
                    };
                    (k, v)
                })
                .filter(|(k, v)| !omit_empty || k == "Context" || v.as_str() != Some(""))
                .collect();
            if !in_details {
                let pos = |k: &str| {
                    STRUCT_ORDER
                        .iter()
                        .position(|o| *o == k)
                        .unwrap_or(usize::MAX)
                };
                entries.sort_by_key(|(k, _)| pos(k));
            }
            let body: Vec<String> = entries
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}:{}",
                        go_json(&Value::String(k.clone())),
                        version_json(v, k == "Details")
                    )
                })
                .collect();
            format!("{{{}}}", body.join(","))
        }
        Value::Array(a) => format!(
            "[{}]",
            a.iter()
                .map(|v| version_json(v, false))
                .collect::<Vec<_>>()
                .join(",")
        ),
        other => go_json(other),
    }
}

pub fn run(ctx: &Context, args: VersionArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(args.args.len(), Arity::None)?;
    let template = match args.format.as_deref() {
        None | Some("") => None,
        Some("json") => Some("{{json .}}".to_string()),
        Some(f) => Some(f.to_string()),
    };
    let parsed = match &template {
        Some(t) => Some(
            crate::render::template::Template::parse_named("version", t).map_err(|e| {
                StatusError::new(64, format!("template parsing error: {}", e.message()))
            })?,
        ),
        None => None,
    };
    let client = ctx.client()?;
    let server = client.server_version::<Value>();
    let api = client.api_version();
    let context_name = ctx
        .client_options()
        .context_name()
        .unwrap_or_else(|| "default".to_string());
    let (api, server) = match server {
        Ok(v) => (api, Some(server_info(v))),
        Err(e) => (CLIENT_API_VERSION.to_string(), {
            let _ = e;
            None
        }),
    };
    let client_v = client_info(&api, &context_name);
    let text = match &parsed {
        None => default_text(&client_v, server.as_ref()),
        Some(tmpl) => {
            let mut data = Map::new();
            data.insert("Client".into(), client_v.clone());
            data.insert("Server".into(), server.clone().unwrap_or(Value::Null));
            let data = Value::Object(data);
            let mut out = Vec::new();
            let result = if matches!(args.format.as_deref(), Some("json" | "{{json .}}")) {
                // `json` marshals the structs, whose JSON names differ from the Go field names
                // templates use (`APIVersion` vs `ApiVersion`).
                out.extend_from_slice(version_json(&data, false).as_bytes());
                Ok(())
            } else {
                tmpl.execute(&mut out, &VersionInfo(data.clone()))
            };
            let mut s = String::from_utf8_lossy(&out).into_owned();
            s.push('\n');
            if let Err(e) = result {
                write_aligned(ctx.out, &s)?;
                // docker reports the server error first, the template error otherwise.
                if server.is_none() {
                    client.server_version::<Value>()?;
                }
                return Err(anyhow::anyhow!("{}", e.message()));
            }
            s
        }
    };
    write_aligned(ctx.out, &text)?;
    if server.is_none() {
        // Report the connection error the way docker does, after the client section.
        client.server_version::<Value>()?;
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansic_dates() {
        assert_eq!(
            reformat_date("2025-05-30T12:07:14.000000000+00:00"),
            "Fri May 30 12:07:14 2025"
        );
        assert_eq!(
            reformat_date("2023-04-03T05:06:07Z"),
            "Mon Apr  3 05:06:07 2023"
        );
        assert_eq!(reformat_date("garbage"), "garbage");
    }
}
