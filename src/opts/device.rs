//! `--device` and `--device-cgroup-rule` values (docker/cli `container/opts.go`
//! `parseDevice`, `validateDeviceCgroupRule`) and CDI device names.

use std::path::Path;

use super::path::clean_path;
use crate::commands::run::body::DeviceMapping;

/// `validateDeviceCgroupRule`: `^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$`.
pub fn validate_device_cgroup_rule(val: &str) -> Result<String, String> {
    let bad = || format!("invalid device cgroup format '{val}'");
    let num = |s: &str| s == "*" || (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    let mut parts = val.split(' ');
    let (Some(kind), Some(nums), Some(mode), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let ok_kind = matches!(kind, "a" | "b" | "c");
    let ok_nums = nums.split_once(':').is_some_and(|(a, b)| num(a) && num(b));
    let ok_mode =
        (1..=3).contains(&mode.len()) && mode.bytes().all(|b| matches!(b, b'r' | b'w' | b'm'));
    if ok_kind && ok_nums && ok_mode {
        Ok(val.to_string())
    } else {
        Err(bad())
    }
}

/// `validateLinuxPath` + `parseLinuxDevice` for `--device host[:container][:perms]`.
pub fn parse_device(device: &str) -> Result<DeviceMapping, String> {
    let valid_mode = |m: &str| {
        !m.is_empty() && {
            let mut seen = [false; 3];
            m.chars().all(|c| {
                let i = match c {
                    'r' => 0,
                    'w' => 1,
                    'm' => 2,
                    _ => return false,
                };
                !std::mem::replace(&mut seen[i], true)
            })
        }
    };
    let clean = |p: &str| {
        if p.starts_with('/') {
            clean_path(Path::new(p))
        } else {
            p.to_string()
        }
    };
    if device.matches(':').count() > 2 {
        return Err(format!("bad format for path: {device}"));
    }
    let split: Vec<&str> = device.splitn(3, ':').collect();
    if split[0].is_empty() {
        return Err(format!("bad format for path: {device}"));
    }
    let (container_path, validated) = match split.as_slice() {
        [p] => (p.to_string(), clean(p)),
        [a, b] if valid_mode(b) => (a.to_string(), format!("{}:{b}", clean(a))),
        [a, b] => (b.to_string(), format!("{a}:{}", clean(b))),
        [a, b, m] => {
            if !valid_mode(m) {
                return Err(format!("bad mode specified: {m}"));
            }
            (b.to_string(), format!("{a}:{b}:{m}"))
        }
        _ => unreachable!("splitn(3) yields one to three parts"),
    };
    if !container_path.starts_with('/') {
        return Err(format!("{container_path} is not an absolute path"));
    }
    let arr: Vec<&str> = validated.splitn(4, ':').collect();
    let mut perms = "rwm".to_string();
    let mut dst = String::new();
    let src = arr[0].to_string();
    if arr.len() == 3 {
        perms = arr[2].to_string();
    }
    if arr.len() >= 2 {
        if valid_mode(arr[1]) {
            perms = arr[1].to_string();
        } else {
            dst = arr[1].to_string();
        }
    }
    if dst.is_empty() {
        dst = src.clone();
    }
    Ok(DeviceMapping {
        path_on_host: src,
        path_in_container: dst,
        cgroup_permissions: perms,
    })
}

/// CDI's `IsQualifiedName`: `vendor.com/class=name`.
pub(crate) fn is_cdi_name(device: &str) -> bool {
    let Some((kind, name)) = device.split_once('=') else {
        return false;
    };
    let Some((vendor, class)) = kind.split_once('/') else {
        return false;
    };
    let alnum_start = |s: &str| s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    let alnum_end = |s: &str| s.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    alnum_start(vendor)
        && alnum_end(vendor)
        && vendor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && alnum_start(class)
        && alnum_end(class)
        && class
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        && alnum_start(name)
        && alnum_end(name)
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices() {
        assert!(validate_device_cgroup_rule("c 1:3 mr").is_ok());
        assert!(validate_device_cgroup_rule("a *:* rwm").is_ok());
        assert!(validate_device_cgroup_rule("x 1:3 r").is_err());
        let d = parse_device("/dev/null:/dev/mynull:r").unwrap();
        assert_eq!(
            (
                d.path_on_host.as_str(),
                d.path_in_container.as_str(),
                d.cgroup_permissions.as_str()
            ),
            ("/dev/null", "/dev/mynull", "r")
        );
        let d = parse_device("/dev/null").unwrap();
        assert_eq!(d.path_in_container, "/dev/null");
        assert_eq!(
            parse_device("/dev/null:rel").unwrap_err(),
            "rel is not an absolute path"
        );
        assert!(is_cdi_name("nvidia.com/gpu=all"));
        assert!(!is_cdi_name("/dev/sda"));
    }
}
