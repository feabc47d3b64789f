//! `--gpus` values (docker/cli `opts/gpus.go` `GpuOpts`).

use std::collections::BTreeMap;

use super::validate::kv_map;
use crate::commands::run::body::DeviceRequest;
use crate::golang::{csv, strconv};

/// `opts.GpuOpts.Set`.
pub fn parse_gpus(value: &str) -> Result<DeviceRequest, String> {
    let parse_count = |s: &str| -> Result<i64, String> {
        if s == "all" {
            return Ok(-1);
        }
        strconv::parse_int(s, 10, 64).map_err(|e| {
            let why = e.reason();
            format!("invalid count ({s}): value must be either \"all\" or an integer: {why}")
        })
    };
    let mut req = DeviceRequest::default();
    let mut seen = std::collections::HashSet::new();
    for field in csv::read_record(value)? {
        let (key, val, with_value) = match field.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string(), true),
            None => (field.clone(), String::new(), false),
        };
        if !seen.insert(key.clone()) {
            return Err(format!(
                "gpu request key '{key}' can be specified only once"
            ));
        }
        if !with_value {
            seen.insert("count".to_string());
            req.count = parse_count(&key)?;
            continue;
        }
        match key.as_str() {
            "driver" => req.driver = val,
            "count" => req.count = parse_count(&val)?,
            "device" => req.device_ids = Some(val.split(',').map(str::to_string).collect()),
            "capabilities" => {
                let mut caps: Vec<String> = val.split(',').map(str::to_string).collect();
                caps.push("gpu".to_string());
                req.capabilities = Some(vec![caps]);
            }
            "options" => {
                let fields = csv::read_record(&val)
                    .map_err(|e| format!("failed to read gpu options: {e}"))?;
                req.options = Some(kv_map(&fields));
            }
            _ => return Err(format!("unexpected key '{key}' in '{field}'")),
        }
    }
    if !seen.contains("count") && req.device_ids.is_none() {
        req.count = 1;
    }
    req.options.get_or_insert_with(BTreeMap::new);
    req.capabilities
        .get_or_insert_with(|| vec![vec!["gpu".to_string()]]);
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gpus() {
        let g = parse_gpus("all").unwrap();
        assert_eq!(
            (g.count, g.capabilities.unwrap()),
            (-1, vec![vec!["gpu".to_string()]])
        );
        assert_eq!(
            parse_gpus("count=x").unwrap_err(),
            "invalid count (x): value must be either \"all\" or an integer: invalid syntax"
        );
    }
}
