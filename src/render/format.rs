//! docker's `--format` handling (cli/command/formatter/formatter.go): `table`, `table TEMPLATE`,
//! `json`, raw Go templates; rows rendered through the template, tables through the tabwriter,
//! the header row rendered from the same template against the header map.

use crate::render::table::TabWriter;
pub use crate::render::template::Row;
use crate::render::template::{Funcs, Template};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;
use std::io::Write;

/// A bad `--format`: the text is exactly what docker prints (`template parsing error: …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError(pub String);

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FormatError {}

/// docker's `Format.IsTable`: the spec starts with `table`.
pub fn is_table(spec: &str) -> bool {
    spec.starts_with("table")
}

/// docker's `Context.preFormat`: the template text docker parses for `spec` — `table` prefix
/// removed, `json` → `{{json .}}`, spaces trimmed, literal `\t` and `\n` turned into a tab and a
/// newline.
pub fn template_text(spec: &str) -> String {
    let body = if is_table(spec) {
        &spec["table".len()..]
    } else if spec == "json" {
        "{{json .}}"
    } else {
        spec
    };
    let body = body.trim_matches(' ');
    // strings.NewReplacer(`\t`, "\t", `\n`, "\n"): one left-to-right pass.
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix('t') {
            out.push('\t');
            rest = r;
        } else if let Some(r) = after.strip_prefix('n') {
            out.push('\n');
            rest = r;
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// docker's `SubHeaderContext.Label`: the header of a `.Label "a.b.c-d"` column is `c d`.
pub fn header_label(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or("");
    last.replace(['-', '_'], " ")
}

/// The header map as the template sees it: a `map[string]string` with a `Label` method.
struct HeaderRow<'a>(&'a Value);

impl Row for HeaderRow<'_> {
    fn data(&self) -> &Value {
        self.0
    }

    fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        if name != "Label" {
            return None;
        }
        Some(match args {
            [Value::String(s)] => Ok(Value::String(header_label(s))),
            [other] => Err(format!(
                "wrong type for value; expected string; got {}",
                crate::golang::json::type_name(other)
            )),
            _ => Err(format!(
                "wrong number of args for Label: want 1 got {}",
                args.len()
            )),
        })
    }
}

/// Parse `spec` as docker's formatter does; the error is docker's text.
pub fn parse(spec: &str) -> Result<Template, FormatError> {
    Template::parse(&template_text(spec))
        .map_err(|e| FormatError(format!("template parsing error: {e}")))
}

/// Render `rows` with the format `spec` (already defaulted: `table …`, `json` or a template)
/// and the header map `header` (field → column title) to `out`.
///
/// Like docker's `Context.Write`: each row's output is followed by a newline; nothing is written
/// when the template fails to parse or any row fails (the error is returned as a
/// [`FormatError`] wrapped in anyhow, text `template parsing error: template: …`); for a table
/// the header line is the template run against `header` with docker's header functions (its
/// errors ignored, partial output kept), and everything goes through the tabwriter.
pub fn render<W: Write>(
    out: &mut W,
    spec: &str,
    header: &Value,
    rows: &[&dyn Row],
) -> anyhow::Result<()> {
    let bytes = render_to_vec(spec, header, rows)?;
    out.write_all(&bytes)?;
    Ok(())
}

/// [`render`] into a new buffer.
pub fn render_to_vec(
    spec: &str,
    header: &Value,
    rows: &[&dyn Row],
) -> Result<Vec<u8>, FormatError> {
    let mut r = Renderer::new(spec)?;
    for row in rows {
        r.row(*row)?;
    }
    Ok(r.finish(header))
}

/// [`render_to_vec`] a row at a time, for listings decoded as they arrive: each row is
/// executed when it comes and only its output is kept, so memory follows the printed columns,
/// not the rows' data. Nothing is written anywhere until [`Renderer::finish`], which keeps
/// docker's all-or-nothing output when a row fails.
pub struct Renderer {
    tmpl: Template,
    table: bool,
    body: Vec<u8>,
}

impl Renderer {
    pub fn new(spec: &str) -> Result<Renderer, FormatError> {
        Ok(Renderer {
            tmpl: parse(spec)?,
            table: is_table(spec),
            body: Vec::new(),
        })
    }

    /// The row fields the format may read (`None`: all of them), so rows can be built with
    /// only those (`Template::fields`).
    pub fn fields(&self) -> Option<BTreeSet<String>> {
        self.tmpl.fields()
    }

    pub fn row(&mut self, row: &dyn Row) -> Result<(), FormatError> {
        self.tmpl
            .execute(&mut self.body, row)
            .map_err(|e| FormatError(format!("template parsing error: {e}")))?;
        self.body.push(b'\n');
        Ok(())
    }

    /// The rows rendered since the last call, for output that may go out as it comes (not a
    /// table: its columns need every row).
    pub fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.body)
    }

    /// The output: the rows, or for a table the header and rows through the tabwriter.
    pub fn finish(self, header: &Value) -> Vec<u8> {
        if !self.table {
            return self.body;
        }
        let mut head = Vec::new();
        let hrow = HeaderRow(header);
        // docker ignores header errors and keeps what was written before the error
        let _ = self
            .tmpl
            .execute_with(&mut head, &hrow, Funcs::Header, None);
        let mut tw = TabWriter::docker(Vec::new());
        let io = (|| {
            tw.write_all(&head)?;
            tw.write_all(b"\n")?;
            tw.write_all(&self.body)?;
            tw.into_inner()
        })();
        io.expect("writing to a Vec cannot fail")
    }
}

/// Which keys of an engine answer's entry each template field is computed from.
pub type FieldKeys = &'static [(&'static str, &'static [&'static str])];

/// The keys of an answer's entries that rows with only `fields` need (`None`: all fields):
/// `always`, and the keys `table` names for each of those fields, sorted, once each.
pub fn answer_keys(
    fields: Option<&BTreeSet<String>>,
    table: FieldKeys,
    always: &[&'static str],
) -> Vec<&'static str> {
    let mut keys = always.to_vec();
    keys.extend(
        table
            .iter()
            .filter(|(f, _)| fields.is_none_or(|fields| fields.contains(*f)))
            .flat_map(|(_, k)| k.iter().copied()),
    );
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// docker `ps`'s template pre-check (cli/command/container/list.go `buildContainerListOptions`):
/// the raw `--format` (with its `table ` prefix and literal `\t`, not pre-processed) is parsed
/// and run once against an empty row. Errors are docker's text: `failed to parse template: …`,
/// `failed to execute template: …` — so a template docker rejects there (even `{{slice .ID 0 4}}`,
/// which fails on the empty ID) is rejected here too. Returns the names of the fields the
/// template read (docker's `FieldsUsed`: `.Size` in there means "ask the daemon for sizes";
/// `{{json .}}` reads every field).
pub fn precheck(spec: &str, empty_row: &dyn Row) -> Result<BTreeSet<String>, FormatError> {
    let tmpl =
        Template::parse(spec).map_err(|e| FormatError(format!("failed to parse template: {e}")))?;
    let mut used = BTreeSet::new();
    let mut sink = Vec::new();
    tmpl.execute_with(&mut sink, empty_row, Funcs::Basic, Some(&mut used))
        .map_err(|e| FormatError(format!("failed to execute template: {e}")))?;
    Ok(used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    struct Ctr(Value);

    impl Row for Ctr {
        fn data(&self) -> &Value {
            &self.0
        }
        fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
            if name != "Label" {
                return None;
            }
            Some(match args {
                [Value::String(k)] => Ok(self.0["LabelMap"]
                    .get(k)
                    .cloned()
                    .unwrap_or(Value::String(String::new()))),
                _ => Err(format!(
                    "wrong number of args for Label: want 1 got {}",
                    args.len()
                )),
            })
        }
        fn type_name(&self) -> Option<&str> {
            Some("*formatter.ContainerContext")
        }
    }

    fn header() -> Value {
        json!({
            "ID": "CONTAINER ID", "Names": "NAMES", "Image": "IMAGE", "Command": "COMMAND",
            "CreatedAt": "CREATED AT", "RunningFor": "CREATED", "Ports": "PORTS",
            "State": "STATE", "Status": "STATUS", "Size": "SIZE", "Labels": "LABELS",
            "Mounts": "MOUNTS", "LocalVolumes": "LOCAL VOLUMES", "Networks": "NETWORKS",
            "Platform": "PLATFORM"
        })
    }

    fn rows() -> Vec<Ctr> {
        vec![
            Ctr(
                json!({"ID": "7d463d0cc8cf", "Names": "beh-show", "Image": "busybox",
                "Command": "\"sleep 300\"", "State": "running", "Status": "Up 1 second",
                "Labels": "a=b,c=d", "LabelMap": {"a": "b", "com.x": "y"}, "Size": "0B"}),
            ),
            Ctr(
                json!({"ID": "3e2463177fbc", "Names": "beh-logs", "Image": "busybox",
                "Command": "\"sh\"", "State": "exited", "Status": "Exited (0) 4 minutes ago",
                "Labels": "", "LabelMap": {}, "Size": "0B"}),
            ),
        ]
    }

    fn run(spec: &str) -> Result<String, String> {
        let rows = rows();
        let refs: Vec<&dyn Row> = rows.iter().map(|r| r as &dyn Row).collect();
        render_to_vec(spec, &header(), &refs)
            .map(|b| String::from_utf8(b).unwrap())
            .map_err(|e| e.0)
    }

    #[test]
    fn template_text_like_docker() {
        assert_eq!(
            template_text("table {{.ID}}\\t{{.Names}}"),
            "{{.ID}}\t{{.Names}}"
        );
        assert_eq!(template_text("json"), "{{json .}}");
        assert_eq!(template_text("  {{.ID}}\\n "), "{{.ID}}\n");
        assert_eq!(template_text("table"), "");
        assert_eq!(template_text("tablex"), "x");
        // \\t: the first backslash stays, the second starts `\t`
        assert_eq!(template_text("a\\\\tb"), "a\\\tb");
        assert_eq!(template_text("\t{{.ID}}\t"), "\t{{.ID}}\t");
    }

    #[test]
    fn table_with_header() {
        assert_eq!(
            run("table {{.State}}\\t{{.Names}}").unwrap(),
            "STATE     NAMES\nrunning   beh-show\nexited    beh-logs\n"
        );
    }

    #[test]
    fn plain_template_rows_end_with_newline() {
        assert_eq!(run("{{.ID}}").unwrap(), "7d463d0cc8cf\n3e2463177fbc\n");
        assert_eq!(
            run("{{.Names}}\\t{{.ID}}").unwrap(),
            "beh-show\t7d463d0cc8cf\nbeh-logs\t3e2463177fbc\n"
        );
    }

    #[test]
    fn json_spec_prints_row_data() {
        let out = run("json").unwrap();
        let first = out.lines().next().unwrap();
        assert!(first.starts_with("{\"Command\":\"\\\"sleep 300\\\"\",\"ID\":\"7d463d0cc8cf\""));
    }

    #[test]
    fn header_uses_header_functions_and_label() {
        assert_eq!(
            run("table {{upper .Names}}\\t{{.Label \"com.docker.compose-project\"}}").unwrap(),
            "NAMES      compose project\nBEH-SHOW   \nBEH-LOGS   \n"
        );
        // json of a string header is the header itself
        assert_eq!(
            run("table {{json .Labels}}").unwrap(),
            "LABELS\n\"a=b,c=d\"\n\"\"\n"
        );
    }

    #[test]
    fn header_errors_keep_partial_output() {
        // In the header, `json .` gets the map where a string is wanted: the header stops
        // after "x" and docker prints what it has.
        assert_eq!(
            run("table x{{json .}}y").unwrap().lines().next().unwrap(),
            "x"
        );
    }

    #[test]
    fn no_rows_prints_only_the_header() {
        let out = render_to_vec("table {{.ID}}\\t{{.Names}}", &header(), &[]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "CONTAINER ID   NAMES\n");
        let out = render_to_vec("{{.ID}}", &header(), &[]).unwrap();
        assert!(out.is_empty());
    }

    #[test]
    fn bare_table_is_an_empty_template() {
        assert_eq!(run("table").unwrap(), "\n\n\n");
    }

    #[test]
    fn errors_are_docker_text() {
        assert_eq!(
            run("{{.Foo}}").unwrap_err(),
            "template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext"
        );
        assert_eq!(
            run("{{.ID").unwrap_err(),
            "template parsing error: template: :1: unclosed action"
        );
        assert_eq!(
            run("table {{.ID}}\\t{{.Foo}}").unwrap_err(),
            "template parsing error: template: :1:10: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext"
        );
        assert_eq!(
            run("{{.Label}}").unwrap_err(),
            "template parsing error: template: :1:2: executing \"\" at <.Label>: wrong number of args for Label: want 1 got 0"
        );
    }

    #[test]
    fn label_method() {
        assert_eq!(
            run("{{.Label \"a\"}}|{{\"com.x\" | .Label}}").unwrap(),
            "b|y\n|\n"
        );
    }

    #[test]
    fn precheck_sees_size_and_reports_docker_errors() {
        let r = &rows()[0];
        assert!(precheck("{{.ID}} {{.Size}}", r).unwrap().contains("Size"));
        assert!(!precheck("{{.ID}}", r).unwrap().contains("Size"));
        assert!(!precheck("{{if false}}{{.Size}}{{end}}", r)
            .unwrap()
            .contains("Size"));
        assert!(precheck("{{json .}}", r).unwrap().contains("Size"));
        // raw spec, as docker's ps pre-check parses it
        assert!(precheck("table {{.Size}}\\t{{.ID}}", r)
            .unwrap()
            .contains("Size"));
        let empty = Ctr(json!({"ID": "", "Names": "", "Size": "0B", "LabelMap": {}}));
        assert_eq!(
            precheck("{{slice .ID 0 4}}", &empty).unwrap_err().0,
            "failed to execute template: template: :1:2: executing \"\" at <slice .ID 0 4>: error calling slice: index out of range: 4"
        );
        assert_eq!(
            precheck("table {{.ID}}\\t{{.Foo}}", &empty).unwrap_err().0,
            "failed to execute template: template: :1:17: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext"
        );
        assert_eq!(
            precheck("{{.Foo", &empty).unwrap_err().0,
            "failed to parse template: template: :1: unclosed action"
        );
    }

    #[test]
    fn header_label_like_docker() {
        assert_eq!(header_label("com.docker.compose.project"), "project");
        assert_eq!(header_label("my-label_x"), "my label x");
        assert_eq!(header_label("plain"), "plain");
    }
}
