//! `--filter` values (docker/cli `opts/opts.go` `FilterOpt`), shared by `ps` and `images`;
//! the filters JSON they become is the engine's (`engine::api::Filters`).

use crate::engine::api::Filters;

/// One `--filter` value: `None` for an empty value (pflag's `FilterOpt.Set` ignores it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterArg(pub Option<(String, String)>);

/// `FilterOpt.Set` (`opts/opts.go`): split on the first `=`, key lower-cased and trimmed,
/// value trimmed. The error text is pflag's reason; the cli layer wraps it as
/// `invalid argument "foo" for "-f, --filter" flag: …`.
pub fn parse_filter(value: &str) -> Result<FilterArg, String> {
    if value.is_empty() {
        return Ok(FilterArg(None));
    }
    let Some((name, val)) = value.split_once('=') else {
        return Err("bad format of filter (expected name=value)".to_string());
    };
    let name = name.trim().to_lowercase();
    Ok(FilterArg(Some((name, val.trim().to_string()))))
}

/// The filters the `--filter` values stand for (empty values dropped, repeats merged).
pub fn filters_of(args: &[FilterArg]) -> Filters {
    let mut f = Filters::default();
    for (k, v) in args.iter().filter_map(|a| a.0.as_ref()) {
        f.add(k, v);
    }
    f
}

// The `--filter` and `--format` flags of the listing commands (`ps`, `images`), declared
// once (flattened where they stand in each command's help); the `--format` text is docker's
// `flagsHelper.FormatHelp`.
#[derive(clap::Args, Debug)]
pub struct ListFlags {
    /// Filter output based on conditions provided
    #[arg(short = 'f', long, value_name = "filter", value_parser = parse_filter, allow_hyphen_values = true, action = clap::ArgAction::Append)]
    pub filter: Vec<FilterArg>,
    #[arg(long, value_name = "string", allow_hyphen_values = true, help = FORMAT_HELP)]
    pub format: Option<String>,
}

/// docker's `flagsHelper.FormatHelp`: the `--format` of its listings.
pub const FORMAT_HELP: &str = "Format output using a custom template:
'table':            Print output in table format with column headers (default)
'table TEMPLATE':   Print output in table format using the given Go template
'json':             Print in JSON format
'TEMPLATE':         Print output using the given Go template.
Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        assert_eq!(parse_filter(""), Ok(FilterArg(None)));
        assert_eq!(
            parse_filter(" Name = beh "),
            Ok(FilterArg(Some(("name".into(), "beh".into()))))
        );
        assert_eq!(
            parse_filter("label=a=b"),
            Ok(FilterArg(Some(("label".into(), "a=b".into()))))
        );
        assert_eq!(
            parse_filter("foo").unwrap_err(),
            "bad format of filter (expected name=value)"
        );
        let args: Vec<FilterArg> = [
            "label=a=b",
            "status=exited",
            "label=c",
            "name=beh",
            "label=c",
        ]
        .iter()
        .map(|s| parse_filter(s).unwrap())
        .collect();
        let f = filters_of(&args);
        assert_eq!(
            f.to_json(),
            r#"{"label":{"a=b":true,"c":true},"name":{"beh":true},"status":{"exited":true}}"#
        );
    }
}
