//! `--platform` values (containerd `platforms.Parse` and `Format`).

use crate::golang::strconv::go_quote;

/// A parsed `--platform` (containerd `platforms.Parse`), formatted as the query wants it.
pub fn parse_platform(spec: &str) -> Result<(String, String), String> {
    let invalid = "invalid argument";
    if spec.contains('*') {
        return Err(format!(
            "{}: wildcards not yet supported: {invalid}",
            go_quote(spec)
        ));
    }
    let parts: Vec<&str> = spec.splitn(4, '/').collect();
    let word = |s: &str, extra: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || extra.contains(c))
    };
    // <os>[(<osversion>)]
    let first = parts[0];
    let os = match first.split_once('(') {
        Some((os, ver)) if ver.ends_with(')') && word(os, "") && (ver.len() == 1 || word(&ver[..ver.len() - 1], ".")) => os,
        None if word(first, "") => first,
        _ => {
            return Err(format!(
                "{} is an invalid OS component of {}: OSAndVersion specifier component must match \"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$\": {invalid}",
                go_quote(first),
                go_quote(spec)
            ))
        }
    };
    for part in &parts[1..] {
        if !word(part, "") {
            return Err(format!(
                "{} is an invalid component of {}: platform specifier component must match \"^[A-Za-z0-9_-]+$\": {invalid}",
                go_quote(part),
                go_quote(spec)
            ));
        }
    }
    let os = match os.to_lowercase().as_str() {
        "macos" => "darwin".to_string(),
        o => o.to_string(),
    };
    let normalize_arch = |arch: &str, variant: &str| -> (String, String) {
        let (arch, variant) = (arch.to_lowercase(), variant.to_lowercase());
        match arch.as_str() {
            "i386" => ("386".into(), String::new()),
            "x86_64" | "x86-64" | "amd64" => (
                "amd64".into(),
                if variant == "v1" {
                    String::new()
                } else {
                    variant
                },
            ),
            "aarch64" | "arm64" => {
                let v = match variant.as_str() {
                    "8" | "v8" | "v8.0" => String::new(),
                    "9" | "9.0" | "v9.0" => "v9".into(),
                    _ => variant,
                };
                ("arm64".into(), v)
            }
            "armhf" => ("arm".into(), "v7".into()),
            "armel" => ("arm".into(), "v6".into()),
            "arm" => {
                let v = match variant.as_str() {
                    "" | "7" => "v7".into(),
                    "5" | "6" | "8" => format!("v{variant}"),
                    _ => variant,
                };
                ("arm".into(), v)
            }
            _ => (arch, variant),
        }
    };
    const KNOWN_OS: [&str; 17] = [
        "aix",
        "android",
        "darwin",
        "dragonfly",
        "freebsd",
        "hurd",
        "illumos",
        "ios",
        "js",
        "linux",
        "nacl",
        "netbsd",
        "openbsd",
        "plan9",
        "solaris",
        "windows",
        "zos",
    ];
    const KNOWN_ARCH: [&str; 24] = [
        "386",
        "amd64",
        "amd64p32",
        "arm",
        "armbe",
        "arm64",
        "arm64be",
        "ppc64",
        "ppc64le",
        "loong64",
        "mips",
        "mipsle",
        "mips64",
        "mips64le",
        "mips64p32",
        "mips64p32le",
        "ppc",
        "riscv",
        "riscv64",
        "s390",
        "s390x",
        "sparc",
        "sparc64",
        "wasm",
    ];
    let host_arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    };
    let (os, arch, variant) = match parts.len() {
        1 => {
            if KNOWN_OS.contains(&os.as_str()) {
                (os, host_arch.to_string(), String::new())
            } else {
                let (a, mut v) = normalize_arch(parts[0], "");
                if a == "arm" && v == "v7" {
                    v.clear();
                }
                if !KNOWN_ARCH.contains(&a.as_str()) {
                    return Err(format!(
                        "{}: unknown operating system or architecture: {invalid}",
                        go_quote(spec)
                    ));
                }
                ("linux".to_string(), a, v)
            }
        }
        2 => {
            let (a, mut v) = normalize_arch(parts[1], "");
            if a == "arm" && v == "v7" {
                v.clear();
            }
            (os, a, v)
        }
        3 => {
            let (a, mut v) = normalize_arch(parts[1], parts[2]);
            if a == "arm64" && v.is_empty() {
                v = "v8".into();
            }
            (os, a, v)
        }
        _ => {
            return Err(format!(
                "{}: cannot parse platform specifier: {invalid}",
                go_quote(spec)
            ))
        }
    };
    let formatted = [os.as_str(), arch.as_str(), variant.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/");
    Ok((os, formatted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms() {
        assert_eq!(parse_platform("linux/amd64").unwrap().1, "linux/amd64");
        assert_eq!(parse_platform("linux/aarch64").unwrap().1, "linux/arm64");
        assert_eq!(parse_platform("linux/arm/7").unwrap().1, "linux/arm/v7");
        assert_eq!(
            parse_platform("linux/arm64/v8").unwrap().1,
            "linux/arm64/v8"
        );
        assert_eq!(parse_platform("arm64").unwrap().1, "linux/arm64");
        assert!(parse_platform("bogus").is_err());
        assert!(parse_platform("linux/a.b").is_err());
    }
}
