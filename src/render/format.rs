//! docker's `--format` handling (cli/command/formatter/formatter.go): `table`, `table TEMPLATE`,
//! `json`, raw Go templates; rows rendered through the template, tables through the tabwriter,
//! the header row rendered from the same template against the header map.
//!
//! (Interface fixed by the lead; the body is being written.)

use serde_json::Value;
use std::io::Write;

/// One row handed to a template: its dot, plus methods the template may call with arguments.
pub trait Row {
    /// The template's dot: an object whose keys are the template fields (`ID`, `Names`, …);
    /// also exactly what `{{json .}}` prints.
    fn data(&self) -> &Value;

    /// A field called with arguments, like `.Label "com.example.x"`. `None`: no such method.
    fn call(&self, _name: &str, _args: &[Value]) -> Option<Result<Value, String>> {
        None
    }
}

/// Render `rows` with the format `spec` (already defaulted: `table …`, `json` or a template)
/// and the header map `header` (field → column title) to `out`.
pub fn render<W: Write>(
    _out: &mut W,
    _spec: &str,
    _header: &Value,
    _rows: &[&dyn Row],
) -> anyhow::Result<()> {
    anyhow::bail!("format::render: not written yet")
}
