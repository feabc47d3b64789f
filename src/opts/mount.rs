//! `--mount` values (docker/cli `opts/mount.go` `MountOpt`).

use std::collections::BTreeMap;

use super::path::abs_path;
use crate::commands::run::body::*;
use crate::golang::{csv, strconv};
use crate::render::units::ram_in_bytes;

/// `opts.MountOpt.Set` (`--mount type=bind,src=…,dst=…`).
pub fn parse_mount(value: &str) -> Result<Mount, String> {
    let fields = csv::read_record(value)?;
    let mut m = Mount {
        kind: "volume".to_string(),
        ..Mount::default()
    };
    fn vol(m: &mut Mount) -> &mut VolumeOptions {
        let v = m.volume_options.get_or_insert_with(|| VolumeOptions {
            labels: Some(BTreeMap::new()),
            ..VolumeOptions::default()
        });
        if v.driver_config.is_none() {
            v.driver_config = Some(Driver::default());
        }
        v
    }
    fn set_kv(target: &mut Option<BTreeMap<String, String>>, value: &str) {
        let (k, v) = value.split_once('=').unwrap_or((value, ""));
        if !k.is_empty() {
            target
                .get_or_insert_with(BTreeMap::new)
                .insert(k.to_string(), v.to_string());
        }
    }
    for field in &fields {
        let (key, val, ok) = match field.split_once('=') {
            Some((k, v)) => (k.to_lowercase(), v.to_string(), true),
            None => (field.to_lowercase(), String::new(), false),
        };
        if !ok {
            match key.as_str() {
                "readonly" | "ro" => m.read_only = true,
                "volume-nocopy" => vol(&mut m).no_copy = true,
                "bind-nonrecursive" => {
                    m.bind_options
                        .get_or_insert_with(BindOptions::default)
                        .non_recursive = true
                }
                _ => return Err(format!("invalid field '{field}' must be a key=value pair")),
            }
            continue;
        }
        let invalid = || format!("invalid value for {key}: {val}");
        match key.as_str() {
            "type" => m.kind = val.to_lowercase(),
            "source" | "src" => {
                m.source = val.clone();
                if !val.starts_with('/') && val.starts_with('.') {
                    if let Some(abs) = abs_path(&val) {
                        m.source = abs;
                    }
                }
            }
            "target" | "dst" | "destination" => m.target = val.clone(),
            "readonly" | "ro" => m.read_only = strconv::parse_bool(&val).map_err(|_| invalid())?,
            "consistency" => m.consistency = val.to_lowercase(),
            "bind-propagation" => {
                m.bind_options
                    .get_or_insert_with(BindOptions::default)
                    .propagation = val.to_lowercase()
            }
            "bind-nonrecursive" => {
                let b = strconv::parse_bool(&val).map_err(|_| invalid())?;
                m.bind_options
                    .get_or_insert_with(BindOptions::default)
                    .non_recursive = b;
            }
            "bind-recursive" => {
                let bo = m.bind_options.get_or_insert_with(BindOptions::default);
                match val.as_str() {
                    "enabled" => {}
                    "disabled" => bo.non_recursive = true,
                    "writable" => bo.read_only_non_recursive = true,
                    "readonly" => bo.read_only_force_recursive = true,
                    _ => {
                        return Err(format!("invalid value for {key}: {val} (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")"))
                    }
                }
            }
            "volume-subpath" => vol(&mut m).subpath = val.clone(),
            "volume-nocopy" => {
                let b = strconv::parse_bool(&val)
                    .map_err(|_| format!("invalid value for volume-nocopy: {val}"))?;
                vol(&mut m).no_copy = b;
            }
            "volume-label" => set_kv(&mut vol(&mut m).labels, &val),
            "volume-driver" => {
                if let Some(d) = vol(&mut m).driver_config.as_mut() {
                    d.name = val.clone();
                }
            }
            "volume-opt" => {
                if let Some(d) = vol(&mut m).driver_config.as_mut() {
                    set_kv(&mut d.options, &val);
                }
            }
            "image-subpath" => {
                m.image_options
                    .get_or_insert_with(ImageOptions::default)
                    .subpath = val.clone()
            }
            "tmpfs-size" => {
                let size = ram_in_bytes(&val).map_err(|_| invalid())?;
                m.tmpfs_options
                    .get_or_insert_with(TmpfsOptions::default)
                    .size_bytes = size;
            }
            "tmpfs-mode" => {
                let mode = u32::from_str_radix(&val, 8).map_err(|_| invalid())?;
                m.tmpfs_options
                    .get_or_insert_with(TmpfsOptions::default)
                    .mode = i64::from(mode);
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if m.kind.is_empty() {
        return Err("type is required".to_string());
    }
    if m.target.is_empty() {
        return Err("target is required".to_string());
    }
    let mix = |what: &str| format!("cannot mix '{what}-*' options with mount type '{}'", m.kind);
    if m.volume_options.is_some() && m.kind != "volume" {
        return Err(mix("volume"));
    }
    if m.image_options.is_some() && m.kind != "image" {
        return Err(mix("image"));
    }
    if m.bind_options.is_some() && m.kind != "bind" {
        return Err(mix("bind"));
    }
    if m.tmpfs_options.is_some() && m.kind != "tmpfs" {
        return Err(mix("tmpfs"));
    }
    if let Some(bo) = &m.bind_options {
        if bo.read_only_non_recursive && !m.read_only {
            return Err("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction".into());
        }
        if bo.read_only_force_recursive {
            if !m.read_only {
                return Err("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction".into());
            }
            if bo.propagation != "rprivate" {
                return Err("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction".into());
            }
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mounts() {
        let m = parse_mount("type=bind,src=/a,dst=/b,readonly").unwrap();
        assert_eq!(
            (
                m.kind.as_str(),
                m.source.as_str(),
                m.target.as_str(),
                m.read_only
            ),
            ("bind", "/a", "/b", true)
        );
        assert_eq!(parse_mount("type=bind").unwrap_err(), "target is required");
        assert_eq!(
            parse_mount("type=tmpfs,dst=/x,volume-nocopy").unwrap_err(),
            "cannot mix 'volume-*' options with mount type 'tmpfs'"
        );
        let m = parse_mount("type=tmpfs,dst=/x,tmpfs-size=1m,tmpfs-mode=1770").unwrap();
        assert_eq!(
            m.tmpfs_options.unwrap(),
            TmpfsOptions {
                size_bytes: 1_048_576,
                mode: 0o1770
            }
        );
    }
}
