//! Go `text/template` for `--format`: lexer, parser and executor over `serde_json::Value` rows,
//! with Go's builtin functions, docker's extra functions (docker/cli `templates/templates.go`) and
//! Go's `fmt` printing, so a template prints the bytes and the error texts docker prints.
//!
//! The code follows Go 1.24's `text/template` (`parse/lex.go`, `parse/parse.go`, `exec.go`,
//! `funcs.go`) closely, including its quirks (which node an error message points at, where a
//! chained field's position is), because docker users see those texts verbatim.
//!
//! Go values are typed; JSON is not. The mapping used here:
//! - the row handed to [`Template::execute`] is the dot. When [`Row::type_name`] names a Go type
//!   the row behaves like a Go struct pointer with methods (a field it lacks is an error that names
//!   the type); otherwise it behaves like `map[string]interface{}` (a missing key prints
//!   `<no value>`).
//! - JSON objects nested in the data are `map[string]interface{}`, arrays `[]interface{}`,
//!   integers `int`, other numbers `float64`; `null` is a nil interface (`<no value>` when printed
//!   by an action, `<nil>` inside `print`), or a nil pointer for a top-level field of a struct row.

mod exec;
mod funcs;
mod lex;
mod node;
mod parse;
#[cfg(test)]
mod testing;
mod value;

use self::exec::{At, Flow, State};
use self::node::Tree;
use self::parse::Parser;
use self::value::Val;
use crate::golang::fmt::Printer;
use crate::golang::json;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

// Public API

/// A parse or execution error, displayed exactly as Go's `err.Error()`
/// (`template: :1: unclosed action`, `template: :1:2: executing "" at <.Foo>: …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    msg: String,
}

impl Error {
    fn new(msg: String) -> Self {
        Error { msg }
    }
    /// The message text (same as `to_string()`).
    pub fn message(&self) -> &str {
        &self.msg
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}

/// One row handed to a template: its dot, plus methods the template may call with arguments.
pub trait Row {
    /// The template's dot: an object whose keys are the template fields (`ID`, `Names`, …);
    /// also exactly what `{{json .}}` prints.
    fn data(&self) -> &Value;

    /// A field called with arguments, like `.Label "com.example.x"`. `None`: no such method.
    ///
    /// Also consulted for a field `data()` lacks (a method called without arguments) and for a
    /// data field given arguments. `args` holds the evaluated arguments, including a value piped
    /// in (`"x" | .Label`) as the last one. `Err(text)` is reported as Go reports it:
    /// `template: :1:2: executing "" at <.Label>: <text>` — so a row should answer
    /// `.Label` without arguments with `Err("wrong number of args for Label: want 1 got 0")`.
    fn call(&self, _name: &str, _args: &[Value]) -> Option<Result<Value, String>> {
        None
    }

    /// The Go type docker's template sees for this row, e.g. `*formatter.ContainerContext`.
    /// `Some`: the row behaves like that struct pointer (an unknown field is the error
    /// `can't evaluate field Foo in type *formatter.ContainerContext`). `None` (the default):
    /// it behaves like a `map[string]interface{}` (an unknown field prints `<no value>`).
    fn type_name(&self) -> Option<&str> {
        None
    }
}

/// Which set of docker's functions a template runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Funcs {
    /// `templates.basicFunctions`: `json split join title lower upper pad truncate`.
    Basic,
    /// `templates.HeaderFunctions`: no-op string versions of the same names (except `pad`),
    /// used to render a table's header row.
    Header,
}

/// A parsed template (with the templates it `define`s).
#[derive(Debug)]
pub struct Template {
    name: String,
    trees: HashMap<String, Arc<Tree>>,
}

impl Template {
    /// Parse `text` as docker does (`templates.Parse`: an anonymous template, name "").
    pub fn parse(text: &str) -> Result<Template, Error> {
        Template::parse_named("", text)
    }

    /// Parse `text` as a template called `name` (the name appears in error messages).
    pub fn parse_named(name: &str, text: &str) -> Result<Template, Error> {
        let mut trees = HashMap::new();
        let mut p = Parser::new(name, text, &mut trees);
        p.parse_top().map_err(Error::new)?;
        Ok(Template {
            name: name.to_string(),
            trees,
        })
    }

    /// Run the template with docker's basic functions against `dot`, appending to `out`.
    /// On error, the output produced before the error stays in `out` (as in Go).
    pub fn execute(&self, out: &mut Vec<u8>, dot: &dyn Row) -> Result<(), Error> {
        self.execute_with(out, dot, Funcs::Basic, None)
    }

    /// Like [`Template::execute`], choosing the function set, and optionally recording the
    /// names of the fields looked up on `dot` (and every field of `dot` when it is marshalled
    /// whole, as `{{json .}}` does) — what docker's `FieldsUsed` pre-check observes.
    pub fn execute_with(
        &self,
        out: &mut Vec<u8>,
        dot: &dyn Row,
        funcs: Funcs,
        used: Option<&mut BTreeSet<String>>,
    ) -> Result<(), Error> {
        self.run(out, Val::from_row(dot), funcs, used, false)
    }

    /// Run the template on `data` decoded into the Go struct `ty` (docker's typed inspect
    /// answer): fields by their Go names, zero values for what JSON lacks, struct order for
    /// `json`, typed maps and slices.
    pub fn execute_typed(
        &self,
        out: &mut Vec<u8>,
        data: &Value,
        ty: &'static crate::golang::types::Ty,
    ) -> Result<(), Error> {
        self.run(out, Val::typed(Some(data), ty), Funcs::Basic, None, false)
    }

    /// Run the template on a plain JSON value with Go's `missingkey=error` option (docker's
    /// raw inspect fallback).
    pub fn execute_missingkey_error(&self, out: &mut Vec<u8>, data: &Value) -> Result<(), Error> {
        self.run(out, Val::from_json(data, false), Funcs::Basic, None, true)
    }

    fn run<'r>(
        &self,
        out: &mut Vec<u8>,
        dot_val: Val<'r>,
        funcs: Funcs,
        used: Option<&mut BTreeSet<String>>,
        missing_key_error: bool,
    ) -> Result<(), Error> {
        let tree: &Arc<Tree> = match self.trees.get(&self.name) {
            Some(t) => t,
            None => {
                return Err(Error::new(format!(
                    "template: {}: {} is an incomplete or empty template",
                    self.name,
                    go_quote(&self.name)
                )))
            }
        };
        let mut st = State {
            tmpl: self,
            tree: tree.clone(),
            out,
            node: At::None,
            vars: vec![("$".to_string(), dot_val.clone())],
            depth: 0,
            funcs,
            used,
            missing_key_error,
        };
        match st.walk_list(&dot_val, &tree.root) {
            Ok(()) => Ok(()),
            Err(Flow::Err(e)) => Err(e),
            // break/continue are only parsed inside range, which consumes them.
            Err(_) => Ok(()),
        }
    }

    /// The names of the fields the template may read from its dot, found in the parse tree
    /// without running it: every name after a `.` (`.ID`, `$.Names`, `.Labels.x` gives
    /// `Labels` and `x`) in any branch of any template it defines. `None` when it may read the
    /// dot whole (`.`, `$`: `{{json .}}`, `{{range .}}`), so every field must be there. A
    /// superset of what one run reads, so a row built with only these fields renders the same.
    pub fn fields(&self) -> Option<BTreeSet<String>> {
        let mut names = BTreeSet::new();
        for tree in self.trees.values() {
            if !node::fields_of_list(&tree.root, &mut names) {
                return None;
            }
        }
        Some(names)
    }

    /// Execute against a plain JSON value (a `map[string]interface{}`-like dot).
    pub fn execute_value(&self, out: &mut Vec<u8>, data: &Value) -> Result<(), Error> {
        self.execute(out, data)
    }
}

/// A plain JSON value is a row whose dot is the value itself and which has no methods.
impl Row for Value {
    fn data(&self) -> &Value {
        self
    }
}

use crate::golang::strconv::go_quote;

/// Go's `encoding/json` encoding of `v` with `SetEscapeHTML(false)`, as docker's `json` template
/// function prints it (object keys sorted, floats formatted as Go does, U+2028/U+2029 escaped).
pub fn go_json(v: &Value) -> String {
    json::to_string(v, false)
}

/// Go's `fmt.Sprint` of one JSON value (`%v`): strings raw, integers without `.0`, floats like
/// Go's `%v`, arrays `[a b]`, objects `map[k:v]` with sorted keys, `null` as `<nil>`.
pub fn go_sprint(v: &Value) -> String {
    let val = Val::from_json(v, false);
    let mut p = Printer::default();
    p.print_arg(&val, 'v');
    String::from_utf8_lossy(&p.buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::template::testing::*;

    #[test]
    fn fields_and_printing() {
        assert_eq!(
            run("{{.Name}} {{.Count}} {{.Ratio}} {{.Big}} {{.On}}"),
            "web 3 0.25 1e+21 true"
        );
        assert_eq!(
            run("{{.Missing}}|{{.Null}}|{{.Map.m}}|{{.Map.nope}}"),
            "<no value>|<no value>|<no value>|<no value>"
        );
        assert_eq!(
            run("{{.List}} {{.Map}}"),
            "[a b <nil> 1] map[a:x m:<nil> z:1]"
        );
        assert_eq!(
            run("{{.Nested.Inner.Deep}} {{.Nested.Inner}}"),
            "yes map[Deep:yes]"
        );
        assert_eq!(run("{{.}}"), run("{{$}}"));
        assert_eq!(run("plain text"), "plain text");
    }

    /// Random token soup must never panic the lexer, parser or executor.
    #[test]
    fn random_templates_never_panic() {
        const TOKENS: &[&str] = &[
            "{{",
            "}}",
            "{{- ",
            " -}}",
            "/*",
            "*/",
            " ",
            "\n",
            ".",
            ".Name",
            ".List",
            ".Map",
            ".Null",
            ".Nested.Inner",
            "$",
            "$x",
            ":=",
            "=",
            "|",
            "(",
            ")",
            "\"s\"",
            "`r`",
            "'c'",
            "1",
            "-2",
            "1.5",
            "0x1f",
            "1e3",
            "2i",
            "true",
            "nil",
            "if",
            "else",
            "end",
            "range",
            "with",
            "define",
            "template",
            "block",
            "break",
            "continue",
            "and",
            "or",
            "not",
            "len",
            "index",
            "slice",
            "eq",
            "lt",
            "print",
            "printf",
            "\"%d %s %v %q %5.2f %!\"",
            "json",
            "split",
            "join",
            "title",
            "pad",
            "truncate",
            "html",
            "js",
            "urlquery",
            "call",
            "x",
            ",",
            "@",
            "日本",
            "\\",
            "\"",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let d = data();
        for _ in 0..20_000 {
            let n = (next() % 12) as usize + 1;
            let text: String = (0..n)
                .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
                .collect();
            if let Ok(t) = Template::parse(&text) {
                let _ = t.execute(&mut Vec::new(), &d);
                let _ = t.execute_with(&mut Vec::new(), &d, Funcs::Header, None);
            }
        }
    }

    #[test]
    fn fields_read_anywhere_in_the_tree() {
        let f = |t: &str| Template::parse(t).unwrap().fields();
        let set = |v: &[&str]| Some(v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
        assert_eq!(f("{{.ID}}\t{{.Names}}"), set(&["ID", "Names"]));
        assert_eq!(
            f("{{if false}}{{.Size}}{{else}}{{$.Image | printf \"%s\"}}{{end}}"),
            set(&["Image", "Size"])
        );
        assert_eq!(
            f("{{define \"x\"}}{{.Ports}}{{end}}{{template \"x\" (.Label \"a\")}}"),
            set(&["Label", "Ports"])
        );
        assert_eq!(
            f("{{(.Labels).x}} {{$v := .Mounts}}{{$v.y}}"),
            set(&["Labels", "Mounts", "x", "y"])
        );
        assert_eq!(f("plain"), set(&[]));
        for whole in [
            "{{json .}}",
            "{{.}}",
            "{{$}}",
            "{{range .}}{{end}}",
            "{{len $}}",
            "{{with $x := .}}{{end}}",
        ] {
            assert_eq!(f(whole), None, "{whole}");
        }
    }

    #[test]
    fn sprint_of_json_values() {
        assert_eq!(
            go_sprint(&json!({"b": [1, "x"], "a": 2.5})),
            "map[a:2.5 b:[1 x]]"
        );
        assert_eq!(go_sprint(&json!(null)), "<nil>");
        assert_eq!(go_sprint(&json!(1000000.0)), "1e+06");
    }
}
