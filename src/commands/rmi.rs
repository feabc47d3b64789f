//! `dkr rmi` (docker's `cli/command/image/remove.go`): remove images one after another, print
//! the daemon's `Untagged:`/`Deleted:` lines, and report the failures together at the end.
//! With `--force`, images that are not there (the daemon's 404) are only reported: the exit
//! code stays 0 unless another failure happened. `--platform` needs API 1.50.

use super::Context;
use crate::cli::{flag_support, Arity};
use crate::engine::api::ImageRemoveOptions;
use crate::exit::{StatusError, FAILURE};
use crate::golang::csv;
use crate::opts::platform::parse_platform;

// Flags of `dkr rmi`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] IMAGE [IMAGE...]",
    args_override_self = true
)]
pub struct RmiArgs {
    /// Force removal of the image
    #[arg(short = 'f', long, num_args = 0..=1)]
    pub force: bool,
    /// Do not delete untagged parents
    #[arg(long, num_args = 0..=1)]
    pub no_prune: bool,
    /// Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g.,
    /// "linux/amd64")
    #[arg(long, value_name = "strings", value_parser = string_slice, action = clap::ArgAction::Append, allow_hyphen_values = true)]
    pub platform: Vec<Vec<String>>,
    /// The images to remove
    #[arg(value_name = "IMAGE")]
    pub images: Vec<String>,
}

/// pflag's `StringSlice`: each value is a CSV record (`a,b`); an empty one adds nothing.
fn string_slice(value: &str) -> Result<Vec<String>, String> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    csv::read_record(value)
}

/// An OCI platform as docker's client puts it in the query (`json.Marshal` of
/// `ocispec.Platform`: `architecture`, `os`, then `variant` when there is one).
fn encode_platform(spec: &str) -> Result<String, String> {
    let (_, formatted) = parse_platform(spec)?;
    let mut parts = formatted.splitn(3, '/');
    let os = parts.next().unwrap_or_default();
    let arch = parts.next().unwrap_or_default();
    let mut json = format!(
        "{{\"architecture\":{},\"os\":{}",
        serde_json::Value::from(arch),
        serde_json::Value::from(os)
    );
    if let Some(variant) = parts.next().filter(|v| !v.is_empty()) {
        json += &format!(",\"variant\":{}", serde_json::Value::from(variant));
    }
    json.push('}');
    Ok(json)
}

pub fn run(ctx: &Context, args: RmiArgs) -> anyhow::Result<i32> {
    let client = ctx.client()?;
    // docker checks the flag's API-version annotation before the argument count.
    if flag_support::has_annotated_flags(&ctx.invocation) {
        client.negotiate()?;
        let unsupported =
            flag_support::unsupported_flags(&ctx.invocation, &client.api_version(), "");
        if !unsupported.is_empty() {
            return Err(StatusError::new(FAILURE, unsupported.join("\n")).into());
        }
    }
    ctx.invocation
        .check_arity(args.images.len(), Arity::AtLeast(1))?;
    let platforms = args
        .platform
        .iter()
        .flatten()
        .map(|p| encode_platform(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| StatusError::new(FAILURE, e))?;
    let opts = ImageRemoveOptions {
        force: args.force,
        prune_children: !args.no_prune,
        platforms,
    };

    let mut errors = Vec::new();
    let mut fatal = false;
    for image in &args.images {
        match client.image_remove(image, &opts) {
            Ok(deleted) => {
                let mut text = String::new();
                for d in deleted {
                    if d.deleted.is_empty() {
                        text += &format!("Untagged: {}\n", d.untagged);
                    } else {
                        text += &format!("Deleted: {}\n", d.deleted);
                    }
                }
                ctx.out.print(text)?;
            }
            Err(e) => {
                fatal |= e.status() != Some(404);
                errors.push(e.to_string());
            }
        }
    }
    if errors.is_empty() {
        return Ok(crate::exit::OK);
    }
    let message = errors.join("\n");
    if !args.force || fatal {
        return Err(StatusError::new(FAILURE, message).into());
    }
    ctx.out.err_line(message);
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_encode_as_oci_json() {
        assert_eq!(
            encode_platform("linux/amd64").unwrap(),
            r#"{"architecture":"amd64","os":"linux"}"#
        );
        assert_eq!(
            encode_platform("linux/arm/7").unwrap(),
            r#"{"architecture":"arm","os":"linux","variant":"v7"}"#
        );
        assert!(encode_platform("bogus").is_err());
    }

    #[test]
    fn platform_is_a_string_slice() {
        let a: RmiArgs = crate::cli::parse_args(&[
            "rmi",
            "--platform",
            "linux/amd64,linux/arm64",
            "--platform=",
            "--platform",
            "linux/386",
            "x",
        ])
        .unwrap();
        let all: Vec<&String> = a.platform.iter().flatten().collect();
        assert_eq!(all, ["linux/amd64", "linux/arm64", "linux/386"]);
        assert!(crate::cli::parse_args::<RmiArgs>(&["rmi", "--platform", "\"a", "x"]).is_err());
    }
}
