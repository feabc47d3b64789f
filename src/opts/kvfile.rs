//! `--env-file` and `--label-file` contents (docker's `pkg/kvfile`).

/// Go's `open <path>: <errno text>`.
pub(crate) fn go_open_error(path: &str, err: &std::io::Error) -> String {
    format!("open {path}: {}", crate::engine::stream::go_errno_text(err))
}

/// Looks up a host environment variable.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Parse a key-value file. `lookup` gives bare `KEY` lines the host's value (env files); with
/// `None` such lines are dropped (label files).
pub fn parse_kv_file(path: &str, lookup: Option<Lookup>) -> Result<Vec<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| go_open_error(path, &e))?;
    parse_kv_bytes(&bytes, lookup).map_err(|e| format!("invalid env file ({path}): {e}"))
}

/// The body of [`parse_kv_file`], on the file's bytes.
pub fn parse_kv_bytes(bytes: &[u8], lookup: Option<Lookup>) -> Result<Vec<String>, String> {
    const MAX_LINE: usize = 64 * 1024;
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut line_no = 0;
    while !rest.is_empty() {
        line_no += 1;
        // bufio.ScanLines: split at \n, drop one trailing \r.
        let (mut line, next) = match rest.iter().position(|b| *b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        if line.len() >= MAX_LINE {
            return Err("bufio.Scanner: token too long".to_string());
        }
        rest = next;
        if let Some(l) = line.strip_suffix(b"\r") {
            line = l;
        }
        let Ok(text) = std::str::from_utf8(line) else {
            let list: Vec<String> = line.iter().map(u8::to_string).collect();
            return Err(format!(
                "invalid utf8 bytes at line {line_no}: [{}]",
                list.join(" ")
            ));
        };
        let text = if line_no == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        let text = text.trim_start();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let (key, has_value) = match text.split_once('=') {
            Some((k, _)) => (k, true),
            None => (text, false),
        };
        if key.is_empty() {
            return Err(format!("no variable name on line '{text}'"));
        }
        if key.contains([' ', '\t']) {
            return Err(format!("variable '{key}' contains whitespaces"));
        }
        if has_value {
            out.push(text.to_string());
        } else if let Some(lookup) = lookup {
            if let Some(v) = lookup(text) {
                out.push(format!("{key}={v}"));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_file_rules() {
        let lookup = |k: &str| (k == "HOSTVAR").then(|| "fromhost".to_string());
        let file =
            b"\xef\xbb\xbf# comment\n\n  FOO=bar baz  \r\nHOSTVAR\nMISSING\nQ=\"quoted\"\n\tT=1";
        assert_eq!(
            parse_kv_bytes(file, Some(&lookup)).unwrap(),
            ["FOO=bar baz  ", "HOSTVAR=fromhost", "Q=\"quoted\"", "T=1"]
        );
        assert_eq!(parse_kv_bytes(b"HOSTVAR\nX=1", None).unwrap(), ["X=1"]);
        assert_eq!(
            parse_kv_bytes(b"=x", None).unwrap_err(),
            "no variable name on line '=x'"
        );
        assert_eq!(
            parse_kv_bytes(b"A B=x", None).unwrap_err(),
            "variable 'A B' contains whitespaces"
        );
        assert_eq!(
            parse_kv_bytes(b"ok=1\nA=\xff", None).unwrap_err(),
            "invalid utf8 bytes at line 2: [65 61 255]"
        );
        // The BOM is only stripped on line 1.
        assert_eq!(
            parse_kv_bytes(b"A=1\n\xef\xbb\xbfB=2", None).unwrap(),
            ["A=1", "\u{feff}B=2"]
        );
        let missing = parse_kv_file("/nonexistent/env", None).unwrap_err();
        assert_eq!(missing, "open /nonexistent/env: no such file or directory");
    }
}
