//! Block-IO device values: `--blkio-weight-device` and the `--device-{read,write}-{bps,iops}`
//! throttles (docker/cli `opts/weightdevice.go`, `opts/throttledevice.go`).

use crate::commands::run::body::{ThrottleDevice, WeightDevice};
use crate::render::units::ram_in_bytes;

/// `opts.ValidateWeightDevice`.
pub fn parse_weight_device(val: &str) -> Result<WeightDevice, String> {
    let (k, v) = match val.split_once(':') {
        Some((k, v)) if !k.is_empty() => (k, v),
        _ => return Err(format!("bad format: {val}")),
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    let weight = v
        .parse::<u16>()
        .ok()
        .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("invalid weight for device: {val}"))?;
    if weight > 0 && !(10..=1000).contains(&weight) {
        return Err(format!("invalid weight for device: {val}"));
    }
    Ok(WeightDevice {
        path: k.to_string(),
        weight,
    })
}

/// `opts.ValidateThrottleBpsDevice`.
pub fn parse_throttle_bps(val: &str) -> Result<ThrottleDevice, String> {
    let (k, v) = match val.split_once(':') {
        Some((k, v)) if !k.is_empty() => (k, v),
        _ => return Err(format!("bad format: {val}")),
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    match ram_in_bytes(v) {
        Ok(rate) if rate >= 0 => Ok(ThrottleDevice {
            path: k.to_string(),
            rate: rate as u64,
        }),
        _ => Err(format!("invalid rate for device: {val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb")),
    }
}

/// `opts.ValidateThrottleIOpsDevice`.
pub fn parse_throttle_iops(val: &str) -> Result<ThrottleDevice, String> {
    let (k, v) = match val.split_once(':') {
        Some((k, v)) if !k.is_empty() => (k, v),
        _ => return Err(format!("bad format: {val}")),
    };
    if !k.starts_with("/dev/") {
        return Err(format!("bad format for device path: {val}"));
    }
    let rate = v
        .parse::<u64>()
        .ok()
        .filter(|_| v.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| {
            format!("invalid rate for device: {val}. The correct format is <device-path>:<number>. Number must be a positive integer")
        })?;
    Ok(ThrottleDevice {
        path: k.to_string(),
        rate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blkio_devices() {
        assert_eq!(parse_throttle_bps("/dev/sda:1mb").unwrap().rate, 1_048_576);
        assert_eq!(
            parse_weight_device("/dev/sda:5").unwrap_err(),
            "invalid weight for device: /dev/sda:5"
        );
    }
}
