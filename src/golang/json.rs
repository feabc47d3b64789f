//! Go's encoding/json encoding: field order, float format, HTML escaping.

use crate::golang::strconv::format_float;
use crate::golang::utf8::decode_rune;
use serde_json::Value;

pub fn json_string(out: &mut Vec<u8>, s: &[u8]) {
    json_string_opts(out, s, false)
}

/// `escape_html`: `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` (Go's `json.Marshal` default).
pub fn json_string_opts(out: &mut Vec<u8>, s: &[u8], escape_html: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
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
    out.push(b'"');
}

pub fn json_float(out: &mut Vec<u8>, f: f64) -> Result<(), String> {
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

pub fn json_value(out: &mut Vec<u8>, v: &Value) {
    json_value_opts(out, v, false)
}

pub fn json_value_opts(out: &mut Vec<u8>, v: &Value, html: bool) {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.extend_from_slice(i.to_string().as_bytes());
            } else if let Some(u) = n.as_u64() {
                out.extend_from_slice(u.to_string().as_bytes());
            } else {
                let _ = json_float(out, n.as_f64().unwrap_or(0.0));
            }
        }
        Value::String(s) => json_string_opts(out, s.as_bytes(), html),
        Value::Array(a) => {
            out.push(b'[');
            for (i, e) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_value_opts(out, e, html);
            }
            out.push(b']');
        }
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_string_opts(out, k.as_bytes(), html);
                out.push(b':');
                json_value_opts(out, &o[k.as_str()], html);
            }
            out.push(b'}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_go() {
        let mut out = Vec::new();
        for v in [1e-7, 1e21, 123456789.0, 0.1, 1e20, 5e-324] {
            json_float(&mut out, v).unwrap();
            out.push(b' ');
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1e-7 1e+21 123456789 0.1 100000000000000000000 5e-324 "
        );
    }
}
