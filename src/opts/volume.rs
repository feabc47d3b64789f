//! `-v`/`--volume` values (compose's `loader.ParseVolume`, as docker/cli uses it for `run`).

use std::collections::BTreeMap;

use super::path::abs_path;
use crate::commands::run::body::Empty;

/// What `-v` means: a bind/named volume (`source` set) or an anonymous volume.
#[derive(Debug, PartialEq)]
pub struct VolumeSpec {
    pub source: String,
    pub target: String,
    pub is_bind: bool,
}

/// compose's `ParseVolume` (only what `run` uses of it).
pub fn parse_volume(spec: &str) -> Result<VolumeSpec, String> {
    match spec.len() {
        0 => return Err("invalid empty volume spec".to_string()),
        1 | 2 => {
            return Ok(VolumeSpec {
                source: String::new(),
                target: spec.to_string(),
                is_bind: false,
            })
        }
        _ => {}
    }
    let (mut source, mut target) = (String::new(), String::new());
    let mut buffer: Vec<char> = Vec::new();
    let chars: Vec<char> = spec.chars().chain(std::iter::once('\0')).collect();
    for &c in &chars {
        let windows_drive = c == ':' && buffer.len() == 1 && buffer[0].is_alphabetic();
        if windows_drive {
            buffer.push(c);
        } else if c == ':' || c == '\0' {
            let text: String = buffer.iter().collect();
            let err = if buffer.is_empty() {
                Some("empty section between colons")
            } else if source.is_empty() && c == '\0' {
                target = text;
                None
            } else if source.is_empty() {
                source = text;
                None
            } else if target.is_empty() {
                target = text;
                None
            } else if c == ':' {
                Some("too many colons")
            } else {
                None // options (ro, rw, nocopy, propagation): the daemon reads them from Binds
            };
            if let Some(err) = err {
                return Err(format!("invalid spec: {spec}: {err}"));
            }
            buffer.clear();
        } else {
            buffer.push(c);
        }
    }
    let is_bind = !source.is_empty() && is_file_path(&source);
    Ok(VolumeSpec {
        source,
        target,
        is_bind,
    })
}

fn is_file_path(source: &str) -> bool {
    let b = source.as_bytes();
    if matches!(b[0], b'.' | b'/' | b'~') {
        return true;
    }
    let mut chars = source.chars();
    let first = chars.next().unwrap_or(' ');
    if source.chars().count() == 1 {
        return false;
    }
    if source.starts_with("\\\\") {
        return true;
    }
    chars.next() == Some(':') && first.is_alphabetic()
}

/// `-v` values → (`HostConfig.Binds`, `Config.Volumes`). Duplicates collapse as in docker's
/// set; the order is the command line's (docker's is random).
pub fn parse_volumes(specs: &[String]) -> Result<(Vec<String>, BTreeMap<String, Empty>), String> {
    let mut binds = Vec::new();
    let mut volumes = BTreeMap::new();
    let mut seen = std::collections::HashSet::new();
    for spec in specs {
        if !seen.insert(spec.as_str()) {
            continue;
        }
        let parsed = parse_volume(spec)?;
        if parsed.source.is_empty() {
            volumes.insert(spec.clone(), Empty {});
            continue;
        }
        let mut to_bind = spec.clone();
        if parsed.is_bind {
            if let Some((host, target)) = spec.split_once(':') {
                let mut host = host.to_string();
                if !host.starts_with('/') && host.starts_with('.') {
                    if let Some(abs) = abs_path(&host) {
                        host = abs;
                    }
                }
                to_bind = format!("{host}:{target}");
            }
        }
        binds.push(to_bind);
    }
    Ok((binds, volumes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes_like_docker() {
        let cwd = std::env::current_dir().unwrap();
        let (binds, vols) = parse_volumes(&[
            "/src:/dst:ro".into(),
            "named:/data".into(),
            "/anon".into(),
            "./rel:/rel".into(),
            "/src:/dst:ro".into(),
        ])
        .unwrap();
        assert_eq!(
            binds,
            [
                "/src:/dst:ro".to_string(),
                "named:/data".to_string(),
                format!("{}/rel:/rel", cwd.display())
            ]
        );
        assert_eq!(vols.keys().collect::<Vec<_>>(), ["/anon"]);
        assert_eq!(
            parse_volumes(&["/a::/b".into()]).unwrap_err(),
            "invalid spec: /a::/b: empty section between colons"
        );
        assert_eq!(
            parse_volumes(&["/a:/b:ro:x".into()]).unwrap_err(),
            "invalid spec: /a:/b:ro:x: too many colons"
        );
    }
}
