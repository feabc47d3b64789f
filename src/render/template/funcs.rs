//! The template functions (Go's text/template/funcs.go and docker's templates.go).

use super::value::Val;
use crate::golang::fmt::{sprint_v, sprint_verb, Printer};
use crate::golang::json::{encode_array, encode_float, encode_object, encode_string, encode_value};
use crate::golang::strconv::go_is_print;
use crate::golang::utf8::decode_rune;
use std::rc::Rc;

pub(super) fn go_len(v: &Val) -> Result<i64, String> {
    match v {
        Val::Nil | Val::NilPtr => Err("len of nil pointer".into()),
        Val::Invalid => Err("reflect: call of reflect.Value.Type on zero Value".into()),
        Val::Str(s) => Ok(s.len() as i64),
        Val::Strings(l) => Ok(l.len() as i64),
        Val::List(l) => Ok(l.len() as i64),
        Val::Map(m) => Ok(m.len() as i64),
        Val::GoMap(m) => Ok(m.entries.len() as i64),
        Val::NilSlice => Ok(0),
        Val::Row(r) => match r.type_name() {
            None => Ok(r.data().as_object().map_or(0, |o| o.len()) as i64),
            Some(t) => Err(format!("len of type {}", t.trim_start_matches('*'))),
        },
        other => Err(format!("len of type {}", other.type_name())),
    }
}

pub(super) fn index_arg(index: &Val, cap: usize) -> Result<usize, String> {
    let x: i64 = match index {
        Val::Int(i) => *i,
        Val::Uint(u) => *u as i64,
        Val::Byte(b) => *b as i64,
        Val::Invalid | Val::Nil => return Err("cannot index slice/array with nil".into()),
        other => {
            return Err(format!(
                "cannot index slice/array with type {}",
                other.type_name()
            ))
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

pub(super) fn go_index<'r>(item: &Val<'r>, indexes: &[Val<'r>]) -> Result<Val<'r>, String> {
    let mut item = match item {
        Val::Invalid | Val::Nil => return Err("index of untyped nil".into()),
        v => v.clone(),
    };
    for index in indexes {
        let index = match index {
            Val::Nil => Val::Invalid,
            v => v.clone(),
        };
        item = match &item {
            Val::NilPtr | Val::Nil => return Err("index of nil pointer".into()),
            Val::List(l) => {
                let x = index_arg(&index, l.len())?;
                l.get(x)
                    .cloned()
                    .ok_or("reflect: slice index out of range")?
            }
            Val::Strings(l) => {
                let x = index_arg(&index, l.len())?;
                Val::Str(
                    l.get(x)
                        .cloned()
                        .ok_or("reflect: slice index out of range")?,
                )
            }
            Val::Str(s) => {
                let x = index_arg(&index, s.len())?;
                Val::Byte(*s.get(x).ok_or("reflect: string index out of range")?)
            }
            Val::NilSlice => {
                index_arg(&index, 0)?;
                return Err("reflect: slice index out of range".into());
            }
            Val::GoMap(m) => {
                let key: Vec<u8> = match &index {
                    Val::Str(k) => k.to_vec(),
                    other => {
                        return Err(format!(
                            "value has type {}; should be string",
                            other.type_name()
                        ))
                    }
                };
                m.entries
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| m.zero.clone())
            }
            Val::Map(_) | Val::Row(_) if !item.is_struct_row() => {
                let key: Vec<u8> = match &index {
                    Val::Str(k) => k.to_vec(),
                    Val::Invalid => Vec::new(),
                    other => {
                        return Err(format!(
                            "value has type {}; should be string",
                            other.type_name()
                        ))
                    }
                };
                match &item {
                    Val::Map(m) => m.get(&key).cloned().unwrap_or(Val::Nil),
                    Val::Row(r) => r
                        .data()
                        .as_object()
                        .and_then(|o| o.get(String::from_utf8_lossy(&key).as_ref()))
                        .map(|v| Val::from_json(v, false))
                        .unwrap_or(Val::Nil),
                    _ => unreachable!(),
                }
            }
            // a struct row: Go indirects the pointer first, so the type has no `*`
            other => {
                return Err(format!(
                    "can't index item of type {}",
                    other.type_name().trim_start_matches('*')
                ))
            }
        };
    }
    Ok(item)
}

pub(super) fn go_slice<'r>(item: &Val<'r>, indexes: &[Val<'r>]) -> Result<Val<'r>, String> {
    if matches!(item, Val::Invalid | Val::Nil) {
        return Err("slice of untyped nil".into());
    }
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match item {
        Val::Str(s) => {
            if indexes.len() == 3 {
                return Err("cannot 3-index slice a string".into());
            }
            s.len()
        }
        Val::List(l) => l.len(),
        Val::Strings(l) => l.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    let mut idx = [0usize, len, len];
    for (i, index) in indexes.iter().enumerate() {
        let index = match index {
            Val::Nil => Val::Invalid,
            v => v.clone(),
        };
        idx[i] = index_arg(&index, len)?;
    }
    if idx[0] > idx[1] {
        return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
    }
    Ok(match item {
        Val::Str(s) => Val::str(&s[idx[0]..idx[1]]),
        Val::List(l) => Val::List(Rc::from(&l[idx[0]..idx[1]])),
        Val::Strings(l) => Val::Strings(Rc::from(&l[idx[0]..idx[1]])),
        _ => unreachable!(),
    })
}

#[derive(PartialEq, Eq, Clone, Copy)]
pub(super) enum Kind {
    Invalid,
    Bool,
    Complex,
    Int,
    Float,
    String,
    Uint,
}

pub(super) fn basic_kind(v: &Val) -> Kind {
    match v {
        Val::Bool(_) => Kind::Bool,
        Val::Int(_) => Kind::Int,
        Val::Uint(_) | Val::Byte(_) => Kind::Uint,
        Val::Float(_) => Kind::Float,
        Val::Complex(..) => Kind::Complex,
        Val::Str(_) => Kind::String,
        _ => Kind::Invalid,
    }
}

pub(super) fn as_u64(v: &Val) -> u64 {
    match v {
        Val::Uint(u) => *u,
        Val::Byte(b) => *b as u64,
        _ => 0,
    }
}

pub(super) fn is_nilish(v: &Val) -> bool {
    matches!(v, Val::Invalid | Val::Nil | Val::NilPtr)
}

pub(super) const ERR_BAD_COMPARISON_TYPE: &str = "invalid type for comparison";
pub(super) const ERR_BAD_COMPARISON: &str = "incompatible types for comparison";

pub(super) fn go_eq(arg1: &Val, rest: &[Val]) -> Result<bool, String> {
    let arg1 = match arg1 {
        Val::Nil => &Val::Invalid,
        v => v,
    };
    if rest.is_empty() {
        return Err("missing argument for comparison".into());
    }
    let k1 = basic_kind(arg1);
    for arg in rest {
        let arg = match arg {
            Val::Nil => &Val::Invalid,
            v => v,
        };
        let k2 = basic_kind(arg);
        let truth = if k1 != k2 {
            match (k1, k2) {
                (Kind::Int, Kind::Uint) => {
                    let i = if let Val::Int(i) = arg1 { *i } else { 0 };
                    i >= 0 && i as u64 == as_u64(arg)
                }
                (Kind::Uint, Kind::Int) => {
                    let i = if let Val::Int(i) = arg { *i } else { 0 };
                    i >= 0 && as_u64(arg1) == i as u64
                }
                _ => {
                    if !matches!(arg1, Val::Invalid) && !matches!(arg, Val::Invalid) {
                        return Err(ERR_BAD_COMPARISON.into());
                    }
                    false
                }
            }
        } else {
            match (arg1, arg) {
                (Val::Bool(a), Val::Bool(b)) => a == b,
                (Val::Complex(a, b), Val::Complex(c, d)) => a == c && b == d,
                (Val::Float(a), Val::Float(b)) => a == b,
                (Val::Int(a), Val::Int(b)) => a == b,
                (Val::Str(a), Val::Str(b)) => a == b,
                (a, b) if k1 == Kind::Uint => as_u64(a) == as_u64(b),
                (a, b) => {
                    let same_kind = std::mem::discriminant(a) == std::mem::discriminant(b)
                        || matches!(a, Val::Invalid)
                        || matches!(b, Val::Invalid);
                    if !same_kind {
                        return Err(format!(
                            "non-comparable types {}: {}, {}: {}",
                            sprint_verb(a, 's'),
                            a.type_name(),
                            b.type_name(),
                            sprint_v(b)
                        ));
                    }
                    if is_nilish(a) || is_nilish(b) {
                        is_nilish(a) == is_nilish(b)
                    } else {
                        match (a, b) {
                            (Val::Row(x), Val::Row(y)) => std::ptr::addr_eq(*x, *y),
                            _ => {
                                return Err(format!(
                                    "non-comparable type {}: {}",
                                    sprint_verb(b, 's'),
                                    b.type_name()
                                ))
                            }
                        }
                    }
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(super) fn go_lt(arg1: &Val, arg2: &Val) -> Result<bool, String> {
    let k1 = basic_kind(arg1);
    if k1 == Kind::Invalid {
        return Err(ERR_BAD_COMPARISON_TYPE.into());
    }
    let k2 = basic_kind(arg2);
    if k2 == Kind::Invalid {
        return Err(ERR_BAD_COMPARISON_TYPE.into());
    }
    if k1 != k2 {
        return match (k1, k2, arg1, arg2) {
            (Kind::Int, Kind::Uint, Val::Int(i), b) => Ok(*i < 0 || (*i as u64) < as_u64(b)),
            (Kind::Uint, Kind::Int, a, Val::Int(j)) => Ok(*j >= 0 && as_u64(a) < *j as u64),
            _ => Err(ERR_BAD_COMPARISON.into()),
        };
    }
    Ok(match (arg1, arg2) {
        (Val::Float(a), Val::Float(b)) => a < b,
        (Val::Int(a), Val::Int(b)) => a < b,
        (Val::Str(a), Val::Str(b)) => a < b,
        (a, b) if k1 == Kind::Uint => as_u64(a) < as_u64(b),
        _ => return Err(ERR_BAD_COMPARISON_TYPE.into()),
    })
}

pub(super) fn go_le(arg1: &Val, arg2: &Val) -> Result<bool, String> {
    if go_lt(arg1, arg2)? {
        return Ok(true);
    }
    go_eq(arg1, std::slice::from_ref(arg2))
}

/// Go's `evalArgs` for html/js/urlquery: a lone string as is, else `fmt.Sprint` with missing
/// values shown as `<no value>`.
pub(super) fn eval_args(args: &[Val]) -> Vec<u8> {
    if let [Val::Str(s)] = args {
        return s.to_vec();
    }
    let mapped: Vec<Val> = args
        .iter()
        .map(|a| match a {
            Val::Invalid | Val::Nil => Val::str(b"<no value>"),
            v => v.clone(),
        })
        .collect();
    let mut p = Printer::default();
    p.do_print(&mapped);
    p.buf
}

pub(super) fn html_escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        match c {
            0 => out.extend_from_slice("\u{FFFD}".as_bytes()),
            b'"' => out.extend_from_slice(b"&#34;"),
            b'\'' => out.extend_from_slice(b"&#39;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn js_escape(s: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c < 0x80 {
            match c {
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\'' => out.extend_from_slice(b"\\'"),
                b'"' => out.extend_from_slice(b"\\\""),
                b'<' => out.extend_from_slice(b"\\u003C"),
                b'>' => out.extend_from_slice(b"\\u003E"),
                b'&' => out.extend_from_slice(b"\\u0026"),
                b'=' => out.extend_from_slice(b"\\u003D"),
                c if c < b' ' => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c => out.push(c),
            }
            i += 1;
        } else {
            let (r, w) = decode_rune(&s[i..]);
            match r {
                Some(ch) if !go_is_print(ch) => {
                    out.extend_from_slice(format!("\\u{:04X}", ch as u32).as_bytes())
                }
                _ => out.extend_from_slice(&s[i..i + w]),
            }
            i += w;
        }
    }
    out
}

pub(super) fn query_escape(s: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            out.push(c);
        } else if c == b' ' {
            out.push(b'+');
        } else {
            out.push(b'%');
            out.push(HEX[(c >> 4) as usize]);
            out.push(HEX[(c & 15) as usize]);
        }
    }
    out
}

/// Go's `strings.Split`.
pub(super) fn go_split(s: &[u8], sep: &[u8]) -> Vec<Vec<u8>> {
    if sep.is_empty() {
        // explode into UTF-8 sequences (invalid bytes one by one)
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let (_, w) = decode_rune(&s[i..]);
            out.push(s[i..i + w].to_vec());
            i += w;
        }
        return out;
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + sep.len() <= s.len() {
        if &s[i..i + sep.len()] == sep {
            out.push(s[start..i].to_vec());
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(s[start..].to_vec());
    out
}

pub(super) fn map_runes(s: &[u8], f: fn(char) -> char) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        match r {
            Some(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(f(c).encode_utf8(&mut buf).as_bytes());
            }
            // strings.Map turns an invalid byte into U+FFFD
            None => out.extend_from_slice("\u{FFFD}".as_bytes()),
        }
        i += w;
    }
    out
}

/// Go's `unicode.ToLower` (simple case mapping: one rune in, one rune out).
pub(super) fn go_to_lower(c: char) -> char {
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Go's `unicode.ToUpper` (simple case mapping).
pub(super) fn go_to_upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToTitle`, close enough: the title case of the digraphs, else upper case.
pub(super) fn go_to_title(c: char) -> char {
    match c {
        '\u{1C4}'..='\u{1C6}' => '\u{1C5}',
        '\u{1C7}'..='\u{1C9}' => '\u{1C8}',
        '\u{1CA}'..='\u{1CC}' => '\u{1CB}',
        '\u{1F1}'..='\u{1F3}' => '\u{1F2}',
        _ => go_to_upper(c),
    }
}

/// Go's deprecated `strings.Title`.
pub(super) fn go_title(s: &[u8]) -> Vec<u8> {
    fn is_separator(r: char) -> bool {
        if r.is_ascii() {
            return !(r.is_ascii_alphanumeric() || r == '_');
        }
        if r.is_alphabetic() || r.is_numeric() {
            return false;
        }
        r.is_whitespace()
    }
    let mut prev = ' ';
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        let c = r.unwrap_or('\u{FFFD}');
        let mapped = if is_separator(prev) {
            go_to_title(c)
        } else {
            c
        };
        prev = c;
        let mut buf = [0u8; 4];
        out.extend_from_slice(mapped.encode_utf8(&mut buf).as_bytes());
        i += w;
    }
    out
}

pub(super) fn json_val(out: &mut Vec<u8>, v: &Val) -> Result<(), String> {
    match v {
        Val::Invalid | Val::Nil | Val::NilPtr => out.extend_from_slice(b"null"),
        Val::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Val::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Val::Uint(u) => out.extend_from_slice(u.to_string().as_bytes()),
        Val::Byte(b) => out.extend_from_slice(b.to_string().as_bytes()),
        Val::Float(f) => encode_float(out, *f)?,
        Val::Complex(..) => return Err("json: unsupported type: complex128".into()),
        Val::Str(s) => encode_string(out, s, false),
        Val::Strings(l) => encode_array(out, l.iter(), |out, e| {
            encode_string(out, e, false);
            Ok::<(), String>(())
        })?,
        Val::List(l) => encode_array(out, l.iter(), json_val)?,
        Val::Map(m) => {
            let entries = m.iter().map(|(k, e)| (k.as_slice(), e));
            encode_object(out, entries, false, json_val)?
        }
        // docker's formatter contexts marshal themselves with json.Marshal (formatter.MarshalJSON),
        // which escapes HTML characters even though the `json` function turns that off.
        Val::Row(r) => encode_value(out, r.data(), r.type_name().is_some()),
        // docker's `command.DockerContext` marshals itself (`MarshalJSON`): its description
        // and additional fields as one object, through json.Marshal (so HTML is escaped).
        Val::Struct(st) if st.name == "command.DockerContext" => {
            let mut map = serde_json::Map::new();
            if let Some(Val::GoMap(extra)) = st.get("AdditionalFields") {
                for (k, v) in &extra.entries {
                    map.insert(String::from_utf8_lossy(k).into_owned(), v.to_json());
                }
            }
            if let Some(Val::Str(d)) = st.get("Description").filter(|d| d.truth()) {
                map.insert(
                    "Description".into(),
                    serde_json::Value::String(String::from_utf8_lossy(d).into_owned()),
                );
            }
            crate::golang::json::encode_value(out, &serde_json::Value::Object(map), true);
        }
        Val::Struct(st) => {
            // encoding/json: declaration order, `omitempty` fields left out when empty (a
            // pointer only when nil).
            let entries = st
                .fields
                .iter()
                .filter(|(f, v)| {
                    !f.omitempty
                        || match f.ty {
                            crate::golang::types::Ty::Ptr(_) => !matches!(v, Val::NilPtr),
                            // An interface is empty only when nil (an empty map in it is not).
                            crate::golang::types::Ty::Iface => {
                                !matches!(v, Val::Nil | Val::NilPtr | Val::Invalid)
                            }
                            _ => !is_empty_value(v),
                        }
                })
                .map(|(f, v)| (f.json.as_bytes(), v));
            encode_object(out, entries, false, json_val)?
        }
        Val::GoMap(m) if m.nil => out.extend_from_slice(b"null"),
        Val::GoMap(m) => {
            let entries = m.entries.iter().map(|(k, e)| (k.as_slice(), e));
            encode_object(out, entries, false, json_val)?
        }
        Val::NilSlice => out.extend_from_slice(b"null"),
        Val::Time(t) => encode_string(out, t, false),
        Val::Duration(d) => out.extend_from_slice(d.to_string().as_bytes()),
    }
    Ok(())
}

/// encoding/json's `isEmptyValue`, for `omitempty`.
fn is_empty_value(v: &Val) -> bool {
    match v {
        Val::Invalid | Val::Nil | Val::NilPtr | Val::NilSlice => true,
        Val::Bool(b) => !b,
        Val::Int(i) | Val::Duration(i) => *i == 0,
        Val::Uint(u) => *u == 0,
        Val::Byte(b) => *b == 0,
        Val::Float(f) => *f == 0.0,
        Val::Str(s) => s.is_empty(),
        Val::Strings(l) => l.is_empty(),
        Val::List(l) => l.is_empty(),
        Val::Map(m) => m.is_empty(),
        Val::GoMap(m) => m.entries.is_empty(),
        Val::Complex(..) | Val::Row(_) | Val::Struct(_) | Val::Time(_) => false,
    }
}

#[cfg(test)]
mod tests {

    use crate::render::template::testing::*;
    use serde_json::json;

    #[test]
    fn builtin_functions() {
        assert_eq!(
            run("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" .Name}} {{or 0 \"\"}} {{not .On}}"),
            "0 2 web  false"
        );
        assert_eq!(
            run("{{len .List}} {{len .Map}} {{len .Name}} {{len \"日本\"}}"),
            "4 3 3 6"
        );
        assert_eq!(
            run("{{index .List 0}} {{index .Map \"z\"}} {{index .Map \"q\"}} {{index .Name 0}}"),
            "a 1 <no value> 119"
        );
        assert_eq!(
            run("{{slice .Name 1}} {{slice .Nums 1 2}} {{slice .List}}"),
            "eb [1] [a b <nil> 1]"
        );
        assert_eq!(
            run("{{eq .Count 3}} {{eq .Name \"x\" \"web\"}} {{ne .Count 2}} {{eq .Missing .Null}}"),
            "true true true true"
        );
        assert_eq!(
            run("{{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}} {{lt .Count 4}}"),
            "true true true false true"
        );
        assert_eq!(
            run("{{print 1 2 \"a\" \"b\" 3 nil}}|{{println \"x\" 1}}|"),
            "1 2ab3 <nil>|x 1\n|"
        );
        assert_eq!(
            run("{{html .Html}} {{js .Html}} {{urlquery .Html}} {{html .Missing}}"),
            "&lt;a &amp; b&gt; \\u003Ca \\u0026 b\\u003E %3Ca+%26+b%3E &lt;no value&gt;"
        );
    }

    #[test]
    fn docker_functions() {
        check(&[
            (
                "{{json .Map}} {{json .List}} {{json .Html}} {{json .Ratio}} {{json .Missing}}",
                r#"{"a":"x","m":null,"z":1} ["a","b",null,1] "<a & b>" 0.25 null"#,
            ),
            (
                "{{split \"a,b,,c\" \",\"}} {{len (split \"\" \",\")}} {{split \"ab\" \"\"}}",
                "[a b  c] 1 [a b]",
            ),
            ("{{join (split \"a b c\" \" \") \"+\"}}", "a+b+c"),
            (
                "{{title \"hello wORLD-x_y\"}} {{upper \"straße\"}} {{lower \"ÀB\"}}",
                "Hello WORLD-X_y STRAßE àb",
            ),
            ("[{{pad .Name 1 2}}][{{pad .Empty 1 2}}]", "[ web  ][]"),
            (
                "{{truncate .Name 2}} {{truncate .Name 3}} {{truncate .Name 9}}",
                "we web web",
            ),
        ]);
    }

    #[test]
    fn header_functions_are_no_ops() {
        let t = Template::parse("{{json .A}}|{{split .A \",\"}}|{{join .A \",\"}}|{{upper .A}}|{{truncate .A 1}}|{{pad .A 1 1}}").unwrap();
        let mut out = Vec::new();
        t.execute_with(&mut out, &json!({"A": "a,b"}), Funcs::Header, None)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a,b|a,b|a,b|a,b|a,b| a,b ");
    }

    #[test]
    fn json_encoding_like_go() {
        assert_eq!(
            go_json(&json!({"b": [1, 2.5, "x\u{2028}"], "a": null, "c": "<&>\u{1}"})),
            r#"{"a":null,"b":[1,2.5,"x\u2028"],"c":"<&>\u0001"}"#
        );
        // a struct row is marshalled by docker with json.Marshal, which escapes HTML
        let row = Ctx(json!({"Labels": "a<b&c>"}));
        assert_eq!(
            run_on("{{json .}}|{{json .Labels}}", &row),
            r#"{"Labels":"a\u003cb\u0026c\u003e"}|"a<b&c>""#
        );
    }

    #[test]
    fn printf_verbs() {
        assert_eq!(
            run(
                r#"{{printf "%s|%5s|%-5s|%.2s|%q|%x|%X|% x" "ab" "ab" "ab" "abc" "a\"b" "hi" "hi" "hi"}}"#
            ),
            r#"ab|   ab|ab   |ab|"a\"b"|6869|6869|68 69"#
        );
        assert_eq!(
            run(
                r#"{{printf "%d|%5d|%-5d|%05d|%+d|%x|%#x|%o|%b|%c|%U|%q" 42 42 42 -42 42 255 255 8 5 65 65 65}}"#
            ),
            "42|   42|42   |-0042|+42|ff|0xff|10|101|A|U+0041|'A'"
        );
        assert_eq!(
            run(
                r#"{{printf "%v|%f|%.2f|%e|%g|%8.3f|%-8.1f|" 1.5 1.5 3.14159 1234.5678 0.000012345 2.5 2.5}}"#
            ),
            "1.5|1.500000|3.14|1.234568e+03|1.2345e-05|   2.500|2.5     |"
        );
        assert_eq!(
            run(r#"{{printf "%t|%v|%T|%T|%T" true .List .Name .Count .Map}}"#),
            "true|[a b <nil> 1]|string|int|map[string]interface {}"
        );
        assert_eq!(
            run(
                r#"{{printf "%d %s" "x" 3}}|{{printf "%d"}}|{{printf "x" 1}}|{{printf "%[2]d%[1]d" 1 2}}|{{printf "%*d" 3 1}}|{{printf "%%"}}"#
            ),
            "%!d(string=x) %!s(int=3)|%!d(MISSING)|x%!(EXTRA int=1)|21|  1|%"
        );
    }
}
