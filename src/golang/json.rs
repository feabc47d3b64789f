//! Go's encoding/json encoder: sorted object keys, Go's float format, optional HTML escaping,
//! U+FFFD for invalid UTF-8 and `\u2028`/`\u2029` escaped, byte for byte as docker writes JSON.

use std::convert::Infallible;

use crate::golang::strconv::format_float;
use crate::golang::utf8::decode_rune;
use serde_json::Value;

/// A JSON string as Go's encoder writes `s` (raw bytes: each invalid UTF-8 byte becomes
/// `\ufffd`). `escape_html`: `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` (`json.Marshal`'s
/// default; docker's `json` template function turns it off).
pub fn encode_string(out: &mut Vec<u8>, s: &[u8], escape_html: bool) {
    out.push(b'"');
    encode_string_body(out, s, escape_html);
    out.push(b'"');
}

/// [`encode_string`] as a `String`, for callers that build JSON text by hand.
pub fn quote(s: &str, escape_html: bool) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    encode_string(&mut out, s.as_bytes(), escape_html);
    String::from_utf8(out).expect("the encoder writes UTF-8")
}

/// The inside of [`encode_string`]'s quotes.
fn encode_string_body(out: &mut Vec<u8>, s: &[u8], escape_html: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c < 0x80 {
            match c {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'<' | b'>' | b'&' if escape_html => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c if c < 0x20 => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c => out.push(c),
            }
            i += 1;
            continue;
        }
        let (r, w) = decode_rune(&s[i..]);
        match r {
            None => out.extend_from_slice(b"\\ufffd"),
            Some('\u{2028}') => out.extend_from_slice(b"\\u2028"),
            Some('\u{2029}') => out.extend_from_slice(b"\\u2029"),
            Some(_) => out.extend_from_slice(&s[i..i + w]),
        }
        i += w;
    }
}

/// A float64 as Go's encoder writes it (`1e+21`, `1e-7`, `0.1`); NaN and infinities are
/// Go's `json: unsupported value` error.
pub fn encode_float(out: &mut Vec<u8>, f: f64) -> Result<(), String> {
    if !f.is_finite() {
        return Err(format!(
            "json: unsupported value: {}",
            format_float(f, 'g', -1, 64)
        ));
    }
    let abs = f.abs();
    let fmt = if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        'e'
    } else {
        'f'
    };
    let mut s = format_float(f, fmt, -1, 64).into_bytes();
    if fmt == 'e' {
        let n = s.len();
        if n >= 4 && s[n - 4] == b'e' && s[n - 3] == b'-' && s[n - 2] == b'0' {
            s[n - 2] = s[n - 1];
            s.truncate(n - 1);
        }
    }
    out.extend_from_slice(&s);
    Ok(())
}

/// `v` encoded as Go encodes the same data held in `interface{}` values (objects as maps,
/// so keys sorted).
pub fn encode_value(out: &mut Vec<u8>, v: &Value, escape_html: bool) {
    let html = escape_html;
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.extend_from_slice(i.to_string().as_bytes());
            } else if let Some(u) = n.as_u64() {
                out.extend_from_slice(u.to_string().as_bytes());
            } else {
                let _ = encode_float(out, n.as_f64().unwrap_or(0.0));
            }
        }
        Value::String(s) => encode_string(out, s.as_bytes(), html),
        Value::Array(a) => {
            let Ok(()) = encode_array(out, a, |out, e| {
                encode_value(out, e, html);
                Ok::<(), Infallible>(())
            });
        }
        Value::Object(o) => {
            // Go holds the object as a map[string]interface{}: keys sorted.
            let mut entries: Vec<(&String, &Value)> = o.iter().collect();
            entries.sort_by_key(|(k, _)| *k);
            let entries = entries.into_iter().map(|(k, e)| (k.as_bytes(), e));
            let Ok(()) = encode_object(out, entries, html, |out, e| {
                encode_value(out, e, html);
                Ok::<(), Infallible>(())
            });
        }
    }
}

/// Writes `[e0,e1,…]`, each element by `elem`: one loop for every value type that encodes
/// as a JSON array (serde's values here, the template's values in its `json` function).
pub fn encode_array<T, E>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut elem: impl FnMut(&mut Vec<u8>, T) -> Result<(), E>,
) -> Result<(), E> {
    out.push(b'[');
    for (i, e) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        elem(out, e)?;
    }
    out.push(b']');
    Ok(())
}

/// Writes `{"k":v,…}` in the order given (Go sorts a map's keys; the caller passes them so),
/// each value by `member`.
pub fn encode_object<'k, T, E>(
    out: &mut Vec<u8>,
    entries: impl IntoIterator<Item = (&'k [u8], T)>,
    escape_html: bool,
    mut member: impl FnMut(&mut Vec<u8>, T) -> Result<(), E>,
) -> Result<(), E> {
    out.push(b'{');
    for (i, (k, e)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        encode_string(out, k, escape_html);
        out.push(b':');
        member(out, e)?;
    }
    out.push(b'}');
    Ok(())
}

/// [`encode_value`] as a string.
pub fn to_string(v: &Value, escape_html: bool) -> String {
    let mut out = Vec::new();
    encode_value(&mut out, v, escape_html);
    String::from_utf8(out).expect("the encoder writes UTF-8")
}

/// `json.Marshal(value)` for a typed value (struct fields in declaration order, as Go writes a
/// struct), with Go's string escaping (HTML characters included) and float format.
pub fn marshal<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, GoFormatter);
    // Plain structs, maps and strings cannot fail to serialize; NaN/Inf floats, which Go
    // refuses to encode, are written as `null` (the callers never hold them).
    let _ = value.serialize(&mut ser);
    out
}

/// serde_json's writer with Go's rules where they differ: the string fragments serde leaves
/// unescaped go through [`encode_string_body`] (HTML characters, U+2028/U+2029) and floats
/// through [`encode_float`] (no caller marshals an `f32`). serde already escapes quotes, backslashes and control characters
/// exactly as Go does.
struct GoFormatter;

impl serde_json::ser::Formatter for GoFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut out = Vec::with_capacity(fragment.len());
        encode_string_body(&mut out, fragment.as_bytes(), true);
        w.write_all(&out)
    }

    fn write_f64<W: ?Sized + std::io::Write>(&mut self, w: &mut W, f: f64) -> std::io::Result<()> {
        let mut out = Vec::new();
        if encode_float(&mut out, f).is_err() {
            out = b"null".to_vec();
        }
        w.write_all(&out)
    }
}

/// Go's `json.Indent(dst, src, prefix, indent)` for valid JSON `src`: one element or member per
/// line, `": "` after keys, empty objects and arrays kept as `{}` and `[]`, the bytes inside
/// strings (escapes included) untouched — so the daemon's own encoding (its HTML escapes, its
/// number spellings) survives. Whitespace between tokens is dropped; trailing whitespace kept.
pub fn indent(src: &[u8], prefix: &str, indent: &str) -> Vec<u8> {
    reformat(src, Some((prefix, indent)))
}

/// Go's `json.Compact` for valid JSON: the insignificant whitespace removed.
pub fn compact(src: &[u8]) -> Vec<u8> {
    reformat(src, None)
}

fn reformat(src: &[u8], layout: Option<(&str, &str)>) -> Vec<u8> {
    let mut dst = Vec::with_capacity(src.len() * 2);
    let newline = |dst: &mut Vec<u8>, depth: usize| {
        if let Some((prefix, indent)) = layout {
            dst.push(b'\n');
            dst.extend_from_slice(prefix.as_bytes());
            for _ in 0..depth {
                dst.extend_from_slice(indent.as_bytes());
            }
        }
    };
    let (mut in_string, mut escaped, mut need_indent) = (false, false, false);
    let mut depth = 0usize;
    let start = src
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(src.len());
    let mut ended_at = src.len();
    for (i, &c) in src.iter().enumerate().skip(start) {
        if in_string {
            dst.push(c);
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
            continue;
        }
        if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
            if depth == 0 {
                // Trailing space after the top-level value is copied as Go does.
                ended_at = ended_at.min(i);
            }
            continue;
        }
        ended_at = src.len();
        if need_indent && c != b'}' && c != b']' {
            need_indent = false;
            depth += 1;
            newline(&mut dst, depth);
        }
        match c {
            b'"' => {
                in_string = true;
                dst.push(c);
            }
            b'{' | b'[' => {
                // The indent waits so an empty object or array stays `{}` / `[]`.
                need_indent = true;
                dst.push(c);
            }
            b',' => {
                dst.push(c);
                newline(&mut dst, depth);
            }
            b':' => {
                dst.push(c);
                if layout.is_some() {
                    dst.push(b' ');
                }
            }
            b'}' | b']' => {
                if need_indent {
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    newline(&mut dst, depth);
                }
                dst.push(c);
            }
            _ => dst.push(c),
        }
    }
    if layout.is_some() && ended_at < src.len() {
        dst.extend_from_slice(&src[ended_at..]);
    }
    dst
}

/// encoding/json's error for input it cannot decode: `unexpected end of JSON input` for
/// truncated input, else an approximation of its `invalid character …` texts (serde's
/// positions differ from Go's offsets, so only the first case is exact).
pub fn decode_error_text(e: &serde_json::Error) -> String {
    if e.is_eof() {
        "unexpected end of JSON input".into()
    } else {
        format!("invalid character in helper output: {e}")
    }
}

/// encoding/json's `SyntaxError` text for JSON serde could not parse: Go names the offending
/// byte (`invalid character 'x' looking for beginning of value`); the state it names is
/// approximated from serde's error.
pub fn syntax_error_text(e: &serde_json::Error, input: &[u8]) -> String {
    // serde counts lines and columns from 1; find the byte it stopped at.
    let mut offset = 0usize;
    for _ in 1..e.line() {
        match input[offset..].iter().position(|b| *b == b'\n') {
            Some(p) => offset += p + 1,
            None => break,
        }
    }
    offset += e.column().saturating_sub(1);
    let Some(&c) = input.get(offset) else {
        return "unexpected EOF".to_string();
    };
    let what = match c {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        c if c.is_ascii_graphic() || c == b' ' => format!("'{}'", c as char),
        c => crate::golang::strconv::go_quote(&(c as char).to_string()),
    };
    let context = if offset == 0 || input[..offset].iter().all(u8::is_ascii_whitespace) {
        "looking for beginning of value"
    } else if e.to_string().contains("trailing") {
        "after top-level value"
    } else {
        "looking for beginning of value"
    };
    format!("invalid character {what} {context}")
}

/// A `json.Decoder`'s error for a message stream: a value cut short is `unexpected EOF`
/// (`io.ErrUnexpectedEOF`), I/O errors keep their own text.
pub fn stream_error_text(e: &serde_json::Error) -> String {
    if !e.is_io() && e.is_eof() {
        "unexpected EOF".to_string()
    } else {
        e.to_string()
    }
}

/// The Go type a JSON value has once decoded into the template's data (integers as `int`,
/// other numbers `float64`, `map[string]interface {}`, `[]interface {}`), as Go's error
/// messages name it.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "interface {}",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float64",
        Value::Number(_) => "int",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_values_like_go() {
        let enc = |s: &[u8], html| {
            let mut out = Vec::new();
            encode_string(&mut out, s, html);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(enc(b"<x>&", true), r#""\u003cx\u003e\u0026""#);
        assert_eq!(enc(b"<x>&", false), r#""<x>&""#);
        assert_eq!(enc(b"a\xffb\xc3", false), r#""a\ufffdb\ufffd""#);
        assert_eq!(
            enc(
                "\"\\\n\r\t\u{8}\u{c}\u{1}\u{7f}\u{2028}\u{2029}é".as_bytes(),
                false
            ),
            "\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\u{7f}\\u2028\\u2029é\""
        );
        let v = serde_json::json!({"b": [1, 2.5, "<"], "a": null, "c": {"z": true, "y": 1e21}});
        assert_eq!(
            to_string(&v, false),
            r#"{"a":null,"b":[1,2.5,"<"],"c":{"y":1e+21,"z":true}}"#
        );
        assert_eq!(
            to_string(&v, true),
            r#"{"a":null,"b":[1,2.5,"\u003c"],"c":{"y":1e+21,"z":true}}"#
        );
        let types: Vec<&str> = [
            serde_json::json!(null),
            serde_json::json!(true),
            serde_json::json!(1),
            serde_json::json!(1.5),
            serde_json::json!("s"),
            serde_json::json!([]),
            serde_json::json!({}),
        ]
        .iter()
        .map(type_name)
        .collect();
        assert_eq!(
            types,
            [
                "interface {}",
                "bool",
                "int",
                "float64",
                "string",
                "[]interface {}",
                "map[string]interface {}"
            ]
        );
    }

    #[test]
    fn marshal_escapes_like_go() {
        let v = vec![
            "echo err >&2 <x>".to_string(),
            "\u{2028}\u{1}\"".to_string(),
        ];
        assert_eq!(
            String::from_utf8(marshal(&v)).unwrap(),
            r#"["echo err \u003e\u00262 \u003cx\u003e","\u2028\u0001\""]"#
        );
        assert_eq!(
            String::from_utf8(marshal(&[1e21, 0.5])).unwrap(),
            "[1e+21,0.5]"
        );
        assert_eq!(quote("a=b", true), r#""a=b""#);
        assert_eq!(quote("<x>&", true), r#""\u003cx\u003e\u0026""#);
        assert_eq!(quote("<x>&", false), r#""<x>&""#);
    }

    #[test]
    fn floats_like_go() {
        let mut out = Vec::new();
        for v in [1e-7, 1e21, 123456789.0, 0.1, 1e20, 5e-324] {
            encode_float(&mut out, v).unwrap();
            out.push(b' ');
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1e-7 1e+21 123456789 0.1 100000000000000000000 5e-324 "
        );
    }
}
