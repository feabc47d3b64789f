//! `--security-opt` values (docker/cli `container/opts.go` `parseSecurityOpts`), seccomp
//! profile files inlined.

use super::kvfile::go_open_error;
use crate::golang::strconv::go_quote;

/// `parseSecurityOpts`: checks the format and inlines a seccomp profile file.
pub fn parse_security_opts(opts: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::with_capacity(opts.len());
    for opt in opts {
        let (mut k, mut v, mut ok) = match opt.split_once('=') {
            Some((k, v)) => (k, v, true),
            None => (opt.as_str(), "", false),
        };
        if !ok && k != "no-new-privileges" {
            (k, v, ok) = match opt.split_once(':') {
                Some((k, v)) => (k, v, true),
                None => (opt.as_str(), "", false),
            };
        }
        if (!ok || v.is_empty()) && k != "no-new-privileges" {
            return Err(format!("Invalid --security-opt: {}", go_quote(opt)));
        }
        if k == "seccomp" && v != "builtin" && v != "unconfined" {
            let bytes = std::fs::read(v).map_err(|e| {
                format!(
                    "opening seccomp profile ({v}) failed: {}",
                    go_open_error(v, &e)
                )
            })?;
            let compact = json_compact(&bytes)
                .map_err(|e| format!("compacting json for seccomp profile ({v}) failed: {e}"))?;
            out.push(format!("seccomp={compact}"));
            continue;
        }
        out.push(opt.clone());
    }
    Ok(out)
}

/// Go's `json.Compact`: the same document without insignificant whitespace, keys in order.
fn json_compact(bytes: &[u8]) -> Result<String, String> {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(bytes.len());
    let (mut in_str, mut escaped) = (false, false);
    for &b in bytes {
        if in_str {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
        } else if b == b'"' {
            in_str = true;
            out.push(b);
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            out.push(b);
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(v: &[&str]) -> Result<Vec<String>, String> {
        parse_security_opts(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn security_opts() {
        assert_eq!(
            opts(&["no-new-privileges", "label=disable", "label:user:u"]).unwrap(),
            ["no-new-privileges", "label=disable", "label:user:u"]
        );
        assert_eq!(
            opts(&["seccomp=unconfined"]).unwrap(),
            ["seccomp=unconfined"]
        );
        assert_eq!(
            opts(&["foo"]).unwrap_err(),
            "Invalid --security-opt: \"foo\""
        );
        assert_eq!(
            opts(&["label="]).unwrap_err(),
            "Invalid --security-opt: \"label=\""
        );
        assert_eq!(
            opts(&["seccomp=/nonexistent/profile.json"]).unwrap_err(),
            "opening seccomp profile (/nonexistent/profile.json) failed: open /nonexistent/profile.json: no such file or directory"
        );
        let dir = std::env::temp_dir().join(format!("dkr-seccomp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let profile = dir.join("profile.json");
        std::fs::write(
            &profile,
            "{ \"defaultAction\" : \"SCMP_ACT_ALLOW\",\n \"a b\": [1, 2] }\n",
        )
        .unwrap();
        let arg = format!("seccomp={}", profile.display());
        assert_eq!(
            opts(&[&arg]).unwrap(),
            ["seccomp={\"defaultAction\":\"SCMP_ACT_ALLOW\",\"a b\":[1,2]}"]
        );
        std::fs::write(&profile, "{").unwrap();
        assert!(opts(&[&arg])
            .unwrap_err()
            .starts_with("compacting json for seccomp profile ("));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
