//! Rows and helpers shared by the template's unit tests.

pub(super) use super::Row;
pub(super) use super::{go_json, Funcs, Template};
pub(super) use serde_json::{json, Value};

/// A struct-like row (docker's ContainerContext) with a `Label` method.
pub(super) struct Ctx(pub(super) Value);

impl Row for Ctx {
    fn data(&self) -> &Value {
        &self.0
    }
    fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
        (name == "Label").then(|| match args {
            [Value::String(k)] => Ok(json!(format!("label:{k}"))),
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

pub(super) fn data() -> Value {
    json!({
        "Name": "web", "Count": 3, "Ratio": 0.25, "Big": 1e21, "On": true, "Off": false,
        "Null": null, "Empty": "", "List": ["a", "b", null, 1], "Nums": [3, 1, 2],
        "Map": {"z": 1, "a": "x", "m": null}, "Nested": {"Inner": {"Deep": "yes"}},
        "Html": "<a & b>"
    })
}

pub(super) fn run(text: &str) -> String {
    run_on(text, &data())
}

pub(super) fn run_on(text: &str, dot: &dyn Row) -> String {
    let t = Template::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let mut out = Vec::new();
    t.execute(&mut out, dot)
        .unwrap_or_else(|e| panic!("{text:?}: {e}"));
    String::from_utf8(out).unwrap()
}

pub(super) fn exec_err(text: &str, dot: &dyn Row) -> String {
    let t = Template::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    let mut out = Vec::new();
    t.execute(&mut out, dot).expect_err(text).to_string()
}

pub(super) fn parse_err(text: &str) -> String {
    Template::parse(text).expect_err(text).to_string()
}

/// Table tests: each template run on [`data`] gives its expected output.
pub(super) fn check(cases: &[(&str, &str)]) {
    for (text, want) in cases {
        assert_eq!(run(text), *want, "{text:?}");
    }
}
