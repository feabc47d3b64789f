//! Values as the executor sees them: Go's dynamic types over JSON rows.

use super::Row;
use crate::golang::fmt::{Arg, Printer};
use crate::golang::types::{json_member, Field, Ty};
use serde_json::Value;
use std::collections::BTreeMap;
use std::rc::Rc;

/// A Go value as the executor sees it.
#[derive(Clone)]
pub(super) enum Val<'r> {
    /// Go's zero `reflect.Value`: a missing map key, or a nil interface after a pipeline.
    Invalid,
    /// A nil `interface{}` that is still a value (JSON null inside a map or array).
    Nil,
    /// A nil pointer field of a struct row (JSON null at the top of a row with a type name).
    NilPtr,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Byte(u8),
    Float(f64),
    Complex(f64, f64),
    Str(Rc<[u8]>),
    /// `[]string` (what `split` returns).
    Strings(Rc<[Rc<[u8]>]>),
    /// `[]interface{}`.
    List(Rc<[Val<'r>]>),
    /// `map[string]interface{}`; keys in byte order, as Go sorts them for printing and range.
    Map(Rc<BTreeMap<Vec<u8>, Val<'r>>>),
    /// The row given to Execute (or a row-like header map).
    Row(&'r dyn Row),
    /// A Go struct (a typed inspect answer, `golang::types`), or a pointer to one.
    Struct(Rc<StructVal<'r>>),
    /// A typed Go map (`map[string]string`, …): a missing key is its element's zero value
    /// for `index`, and a nil map prints `map[]` and encodes as `null`.
    GoMap(Rc<GoMapVal<'r>>),
    /// A nil slice of a typed struct field: prints `[]`, encodes as `null`.
    NilSlice,
    /// A `time.Duration` (nanoseconds): prints as Go's `Duration.String` under `%v`/`%s`, as
    /// the number otherwise and in JSON.
    Duration(i64),
    /// A `time.Time`, held as its RFC 3339 text: prints as Go's `Time.String`, encodes as the
    /// text.
    Time(Rc<[u8]>),
}

/// The fields of a Go struct value in declaration order (embedded structs' fields promoted).
pub(super) struct StructVal<'r> {
    pub(super) name: &'static str,
    /// A pointer to the struct: `&{…}` when printed as an argument.
    pub(super) ptr: bool,
    pub(super) fields: Vec<(&'static Field, Val<'r>)>,
    /// How `fields` print: embedded structs print as a value of their own (`{{a b} c}`).
    pub(super) layout: Rc<[Part]>,
}

/// One printed member of a struct: a field (index into `fields`) or an embedded struct (its
/// field name, its type's name, and where its promoted fields are in `fields`).
pub(super) enum Part {
    Field(usize),
    Embedded {
        ptr: bool,
        parts: Vec<Part>,
        go: &'static str,
        type_name: &'static str,
        range: std::ops::Range<usize>,
    },
}

impl Part {
    /// The same layout with every field index lowered by `by`.
    fn rebased(&self, by: usize) -> Part {
        match self {
            Part::Field(n) => Part::Field(n - by),
            Part::Embedded {
                ptr,
                parts,
                go,
                type_name,
                range,
            } => Part::Embedded {
                ptr: *ptr,
                parts: parts.iter().map(|p| p.rebased(by)).collect(),
                go,
                type_name,
                range: range.start - by..range.end - by,
            },
        }
    }
}

impl<'r> StructVal<'r> {
    /// The same struct, or a pointer to it.
    pub(super) fn as_ptr(&self, ptr: bool) -> StructVal<'r> {
        StructVal {
            name: self.name,
            ptr,
            fields: self.fields.clone(),
            layout: self.layout.clone(),
        }
    }

    fn print_parts(&self, parts: &[Part], p: &mut Printer, verb: char, depth: usize) {
        p.buf.push(b'{');
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                p.buf.push(b' ');
            }
            match part {
                Part::Field(n) => self.fields[*n].1.format(p, verb, depth + 1),
                // Go prints a pointer inside a value as its address.
                Part::Embedded { ptr: true, .. } => p.buf.extend_from_slice(b"0xc000010000"),
                Part::Embedded { parts, .. } => self.print_parts(parts, p, verb, depth + 1),
            }
        }
        p.buf.push(b'}');
    }

    /// The embedded struct named `go_name` as a value of its own: Go resolves `.X` to the
    /// embedded field `X` (depth 0) before any field `X` promoted from inside it.
    pub(super) fn embedded(&self, go_name: &str) -> Option<Val<'r>> {
        self.layout.iter().find_map(|part| match part {
            Part::Embedded {
                ptr,
                parts,
                go,
                type_name,
                range,
            } if *go == go_name => Some(Val::Struct(Rc::new(StructVal {
                name: type_name,
                ptr: *ptr,
                fields: self.fields[range.clone()].to_vec(),
                layout: parts.iter().map(|p| p.rebased(range.start)).collect(),
            }))),
            _ => None,
        })
    }

    pub(super) fn get(&self, go_name: &str) -> Option<&Val<'r>> {
        self.fields
            .iter()
            .find(|(f, _)| f.go == go_name)
            .map(|(_, v)| v)
    }
}

/// A typed map: its entries (keys in byte order, as Go prints and ranges them) and the zero
/// value of its element type.
pub(super) struct GoMapVal<'r> {
    pub(super) entries: BTreeMap<Vec<u8>, Val<'r>>,
    pub(super) zero: Val<'r>,
    pub(super) nil: bool,
}

impl<'r> Val<'r> {
    pub(super) fn str(s: &[u8]) -> Self {
        Val::Str(Rc::from(s))
    }

    pub(super) fn from_json(v: &Value, struct_field: bool) -> Val<'r> {
        match v {
            Value::Null => {
                if struct_field {
                    Val::NilPtr
                } else {
                    Val::Nil
                }
            }
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Val::Int(i)
                } else if let Some(u) = n.as_u64() {
                    Val::Uint(u)
                } else {
                    Val::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => Val::str(s.as_bytes()),
            Value::Array(a) => Val::List(a.iter().map(|e| Val::from_json(e, false)).collect()),
            Value::Object(o) => Val::Map(Rc::new(
                o.iter()
                    .map(|(k, v)| (k.as_bytes().to_vec(), Val::from_json(v, false)))
                    .collect(),
            )),
        }
    }

    /// `v` (or nothing, or `null`) decoded into the Go type `ty`, as docker's typed inspect
    /// answers hold it. A JSON value of the wrong kind is taken as the zero value.
    pub(super) fn typed(v: Option<&Value>, ty: &'static Ty) -> Val<'r> {
        let v = v.filter(|v| !v.is_null());
        match ty {
            Ty::Time => Val::Time(Rc::from(
                v.and_then(Value::as_str)
                    .unwrap_or("0001-01-01T00:00:00Z")
                    .as_bytes(),
            )),
            Ty::Str | Ty::Bytes => Val::str(v.and_then(Value::as_str).unwrap_or("").as_bytes()),
            Ty::Bool => Val::Bool(v.and_then(Value::as_bool).unwrap_or(false)),
            Ty::Int => Val::Int(v.and_then(Value::as_i64).unwrap_or(0)),
            Ty::Duration => Val::Duration(v.and_then(Value::as_i64).unwrap_or(0)),
            Ty::Uint => Val::Uint(v.and_then(Value::as_u64).unwrap_or(0)),
            Ty::Float => Val::Float(v.and_then(Value::as_f64).unwrap_or(0.0)),
            Ty::Iface => v.map_or(Val::Nil, |v| Val::from_json(v, false)),
            Ty::Empty => Val::Struct(Rc::new(StructVal {
                name: "struct {}",
                ptr: false,
                fields: Vec::new(),
                layout: Rc::from(Vec::new()),
            })),
            Ty::Ptr(inner) => match v {
                None => Val::NilPtr,
                Some(v) => match Val::typed(Some(v), inner) {
                    Val::Struct(s) => Val::Struct(Rc::new(s.as_ptr(true))),
                    other => other,
                },
            },
            Ty::Slice(elem) => match v.and_then(Value::as_array) {
                // `[]string` is the one slice type docker's functions take (`join`).
                Some(a) if matches!(elem, Ty::Str) => Val::Strings(
                    a.iter()
                        .map(|e| Rc::from(e.as_str().unwrap_or("").as_bytes()))
                        .collect(),
                ),
                Some(a) => Val::List(a.iter().map(|e| Val::typed(Some(e), elem)).collect()),
                None => Val::NilSlice,
            },
            Ty::Map(elem) => {
                let obj = v.and_then(Value::as_object);
                Val::GoMap(Rc::new(GoMapVal {
                    entries: obj
                        .into_iter()
                        .flatten()
                        .map(|(k, e)| (k.as_bytes().to_vec(), Val::typed(Some(e), elem)))
                        .collect(),
                    zero: Val::typed(None, elem),
                    nil: obj.is_none(),
                }))
            }
            Ty::Struct(def) => {
                let empty = serde_json::Map::new();
                let obj = v.and_then(Value::as_object).unwrap_or(&empty);
                let mut fields = Vec::with_capacity(def.fields.len());
                let layout = Val::struct_fields(obj, def.fields, &mut fields);
                Val::Struct(Rc::new(StructVal {
                    name: def.name,
                    ptr: false,
                    fields,
                    layout: Rc::from(layout),
                }))
            }
        }
    }

    /// Decode the fields of a struct from `obj` into `out` (embedded structs' fields too:
    /// they live in the same JSON object); returns how they print.
    fn struct_fields(
        obj: &serde_json::Map<String, Value>,
        defs: &'static [Field],
        out: &mut Vec<(&'static Field, Val<'r>)>,
    ) -> Vec<Part> {
        let mut parts = Vec::with_capacity(defs.len());
        for f in defs {
            if f.embedded {
                if let Ty::Struct(d) | Ty::Ptr(Ty::Struct(d)) = f.ty {
                    let start = out.len();
                    let inner = Val::struct_fields(obj, d.fields, out);
                    parts.push(Part::Embedded {
                        ptr: matches!(f.ty, Ty::Ptr(_)),
                        parts: inner,
                        go: f.go,
                        type_name: d.name,
                        range: start..out.len(),
                    });
                }
                continue;
            }
            parts.push(Part::Field(out.len()));
            out.push((f, Val::typed(json_member(obj, f.json), f.ty)));
        }
        parts
    }

    pub(super) fn from_row(row: &'r dyn Row) -> Val<'r> {
        match row.data() {
            Value::Object(_) => Val::Row(row),
            other => Val::from_json(other, false),
        }
    }

    /// Go's `reflect.Type.String()` of the value.
    pub(super) fn type_name(&self) -> String {
        match self {
            Val::Invalid => "<invalid reflect.Value>".into(),
            Val::Nil => "interface {}".into(),
            Val::NilPtr => "*interface {}".into(),
            Val::Bool(_) => "bool".into(),
            Val::Int(_) => "int".into(),
            Val::Uint(_) => "uint64".into(),
            Val::Byte(_) => "uint8".into(),
            Val::Float(_) => "float64".into(),
            Val::Complex(..) => "complex128".into(),
            Val::Str(_) => "string".into(),
            Val::Strings(_) => "[]string".into(),
            Val::List(_) => "[]interface {}".into(),
            Val::Map(_) => "map[string]interface {}".into(),
            Val::Row(r) => r
                .type_name()
                .map(str::to_string)
                .unwrap_or_else(|| "map[string]interface {}".into()),
            Val::Struct(s) if s.ptr => format!("*{}", s.name),
            Val::Struct(s) => s.name.to_string(),
            Val::GoMap(_) => "map[string]string".into(),
            Val::NilSlice => "[]string".into(),
            Val::Time(_) => "time.Time".into(),
            Val::Duration(_) => "time.Duration".into(),
        }
    }

    pub(super) fn is_struct_row(&self) -> bool {
        matches!(self, Val::Row(r) if r.type_name().is_some())
    }

    /// Go's `isTrue(indirectInterface(v))`.
    pub(super) fn truth(&self) -> bool {
        match self {
            Val::Invalid | Val::Nil | Val::NilPtr => false,
            Val::Bool(b) => *b,
            Val::Int(i) => *i != 0,
            Val::Uint(u) => *u != 0,
            Val::Byte(b) => *b != 0,
            Val::Float(f) => *f != 0.0,
            Val::Complex(a, b) => *a != 0.0 || *b != 0.0,
            Val::Str(s) => !s.is_empty(),
            Val::Strings(s) => !s.is_empty(),
            Val::List(l) => !l.is_empty(),
            Val::Map(m) => !m.is_empty(),
            Val::Row(r) => {
                r.type_name().is_some() || r.data().as_object().is_some_and(|o| !o.is_empty())
            }
            Val::Struct(_) | Val::Time(_) => true,
            Val::Duration(d) => *d != 0,
            Val::GoMap(m) => !m.entries.is_empty(),
            Val::NilSlice => false,
        }
    }

    pub(super) fn to_json(&self) -> Value {
        match self {
            Val::Invalid | Val::Nil | Val::NilPtr => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Int(i) => Value::from(*i),
            Val::Uint(u) => Value::from(*u),
            Val::Byte(b) => Value::from(*b),
            Val::Float(f) => serde_json::Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Val::Complex(..) => Value::Null,
            Val::Str(s) => Value::String(String::from_utf8_lossy(s).into_owned()),
            Val::Strings(s) => Value::Array(
                s.iter()
                    .map(|e| Value::String(String::from_utf8_lossy(e).into_owned()))
                    .collect(),
            ),
            Val::List(l) => Value::Array(l.iter().map(Val::to_json).collect()),
            Val::Map(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (String::from_utf8_lossy(k).into_owned(), v.to_json()))
                    .collect(),
            ),
            Val::Row(r) => r.data().clone(),
            Val::Struct(s) => Value::Object(
                s.fields
                    .iter()
                    .map(|(f, v)| (f.json.to_string(), v.to_json()))
                    .collect(),
            ),
            Val::GoMap(m) if m.nil => Value::Null,
            Val::GoMap(m) => Value::Object(
                m.entries
                    .iter()
                    .map(|(k, v)| (String::from_utf8_lossy(k).into_owned(), v.to_json()))
                    .collect(),
            ),
            Val::NilSlice => Value::Null,
            Val::Time(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
            Val::Duration(d) => Value::from(*d),
        }
    }

    /// The fields of a row or map, for printing as `map[k:v]`.
    pub(super) fn map_entries(&self) -> Option<Vec<(Vec<u8>, Val<'r>)>> {
        match self {
            Val::GoMap(m) => Some(
                m.entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            Val::Map(m) => Some(m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
            Val::Row(r) => {
                let st = r.type_name().is_some();
                let mut v: Vec<_> = r
                    .data()
                    .as_object()?
                    .iter()
                    .map(|(k, v)| (k.as_bytes().to_vec(), Val::from_json(v, st)))
                    .collect();
                v.sort_by(|a, b| a.0.cmp(&b.0));
                Some(v)
            }
            _ => None,
        }
    }
}

/// Go's `Time.String()` (`2006-01-02 15:04:05.999999999 -0700 MST`) of an RFC 3339 time as
/// Go parses it: `Z` is UTC, another offset a zone without a name (printed as the offset).
fn go_time_string(rfc3339: &[u8]) -> String {
    let text = String::from_utf8_lossy(rfc3339);
    let Some((date, rest)) = text.split_once('T') else {
        return text.into_owned();
    };
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let clock = match clock.split_once('.') {
        Some((whole, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{frac}")
            }
        }
        None => clock.to_string(),
    };
    let zone = match zone {
        "" | "Z" | "z" => "+0000 UTC".to_string(),
        offset => {
            let compact = offset.replace(':', "");
            format!("{compact} {compact}")
        }
    };
    format!("{date} {clock} {zone}")
}

/// Go's fmt prints a template value as it prints the Go value behind it.
impl Arg for Val<'_> {
    fn format(&self, p: &mut Printer, verb: char, depth: usize) {
        let v = self;
        match v {
            Val::Invalid | Val::Nil => {
                if depth > 0 || verb == 'v' {
                    p.pad(b"<nil>");
                } else {
                    p.bad_verb(verb, v);
                }
            }
            // A nil pointer field is docker's *Platform, a fmt.Stringer: fmt prints "<nil>"
            // for a nil receiver with the Stringer verbs.
            Val::NilPtr => match verb {
                'v' | 's' | 'q' | 'x' | 'X' => p.pad(b"<nil>"),
                'b' | 'o' | 'd' => p.fmt_integer(0, false, verb, v),
                _ => p.bad_verb(verb, v),
            },
            Val::Bool(b) => p.fmt_bool(*b, verb),
            Val::Int(i) => p.fmt_integer(*i as u64, true, verb, v),
            Val::Uint(u) => p.fmt_integer(*u, false, verb, v),
            Val::Byte(b) => p.fmt_integer(*b as u64, false, verb, v),
            Val::Float(f) => p.fmt_float(*f, verb),
            Val::Complex(re, im) => {
                if !matches!(
                    verb,
                    'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
                ) {
                    p.bad_verb(verb, v);
                    return;
                }
                let old_plus = p.f.plus;
                p.buf.push(b'(');
                p.fmt_float(*re, verb);
                p.f.plus = true;
                p.fmt_float(*im, verb);
                p.buf.extend_from_slice(b"i)");
                p.f.plus = old_plus;
            }
            Val::Str(s) => p.fmt_string(s, verb),
            Val::Strings(l) => {
                p.buf.push(b'[');
                for (i, e) in l.iter().enumerate() {
                    if i > 0 {
                        p.buf.push(b' ');
                    }
                    p.fmt_string(e, verb);
                }
                p.buf.push(b']');
            }
            Val::List(l) => {
                p.buf.push(b'[');
                for (i, e) in l.iter().enumerate() {
                    if i > 0 {
                        p.buf.push(b' ');
                    }
                    e.format(p, verb, depth + 1);
                }
                p.buf.push(b']');
            }
            // go-units' `*Ulimit` is a fmt.Stringer: `nofile=512:1024`.
            Val::Struct(s) if s.ptr && s.name == "units.Ulimit" && matches!(verb, 'v' | 's') => {
                let text = format!(
                    "{}={}:{}",
                    crate::golang::fmt::sprint_v(s.get("Name").unwrap_or(&Val::Invalid)),
                    crate::golang::fmt::sprint_v(s.get("Soft").unwrap_or(&Val::Invalid)),
                    crate::golang::fmt::sprint_v(s.get("Hard").unwrap_or(&Val::Invalid)),
                );
                p.fmt_string(text.as_bytes(), verb)
            }
            Val::Struct(s) => {
                if s.ptr && depth > 0 {
                    // Go prints a pointer inside a value as its address.
                    p.buf.extend_from_slice(b"0xc000010000");
                    return;
                }
                if s.ptr {
                    p.buf.push(b'&');
                }
                s.print_parts(&s.layout, p, verb, depth);
            }
            Val::Time(t) => p.fmt_string(go_time_string(t).as_bytes(), verb),
            // A fmt.Stringer: String() under the verbs that call it.
            Val::Duration(d) => match verb {
                'v' | 's' | 'q' => {
                    p.fmt_string(crate::golang::time::duration_string(*d).as_bytes(), verb)
                }
                _ => p.fmt_integer(*d as u64, true, verb, v),
            },
            Val::NilSlice => p.buf.extend_from_slice(b"[]"),
            Val::Map(_) | Val::Row(_) | Val::GoMap(_) => {
                let entries = v.map_entries().unwrap_or_default();
                p.buf.extend_from_slice(b"map[");
                for (i, (k, e)) in entries.iter().enumerate() {
                    if i > 0 {
                        p.buf.push(b' ');
                    }
                    p.fmt_string(k, verb);
                    p.buf.push(b':');
                    e.format(p, verb, depth + 1);
                }
                p.buf.push(b']');
            }
        }
    }

    fn type_name(&self) -> Option<String> {
        match self {
            Val::Invalid | Val::Nil => None,
            v => Some(Val::type_name(v)),
        }
    }

    fn is_string(&self) -> bool {
        matches!(self, Val::Str(_))
    }

    fn as_int(&self) -> Option<i64> {
        match self {
            Val::Int(i) | Val::Duration(i) => Some(*i),
            Val::Uint(u) => i64::try_from(*u).ok(),
            Val::Byte(b) => Some(*b as i64),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golang::fmt::{sprint_v, sprint_verb};
    use serde_json::json;

    /// JSON data takes the Go types a `map[string]interface{}` would hold, and prints like them.
    #[test]
    fn json_values_are_go_values() {
        let cases = [
            (json!(1), "int", "1"),
            (
                json!(18446744073709551615u64),
                "uint64",
                "18446744073709551615",
            ),
            (json!(1.5), "float64", "1.5"),
            (json!(1e21), "float64", "1e+21"),
            (json!("s"), "string", "s"),
            (json!(true), "bool", "true"),
            (json!([1, "a", null]), "[]interface {}", "[1 a <nil>]"),
            (
                json!({"b": 1, "a": null}),
                "map[string]interface {}",
                "map[a:<nil> b:1]",
            ),
            (json!(null), "interface {}", "<nil>"),
        ];
        for (v, ty, printed) in cases {
            let val = Val::from_json(&v, false);
            assert_eq!(val.type_name(), ty, "{v}");
            assert_eq!(sprint_v(&val), printed, "{v}");
        }
        // A null field of a struct row is a nil pointer: a Stringer that prints <nil>.
        let ptr = Val::from_json(&json!(null), true);
        assert_eq!(ptr.type_name(), "*interface {}");
        assert_eq!(sprint_verb(&ptr, 's'), "<nil>");
        assert_eq!(sprint_verb(&ptr, 'd'), "0");
        assert_eq!(sprint_verb(&Val::Nil, 'd'), "%!d(<nil>)");
        assert_eq!(sprint_verb(&Val::Complex(1.0, -2.0), 'v'), "(1-2i)");
    }
}
