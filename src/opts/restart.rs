//! `--restart` values (docker/cli `opts/opts.go` `ParseRestartPolicy`).

use crate::commands::run::body::RestartPolicy;
use crate::golang::strconv;

/// `opts.ParseRestartPolicy`.
pub fn parse_restart_policy(policy: &str) -> Result<RestartPolicy, String> {
    if policy.is_empty() {
        return Ok(RestartPolicy::default());
    }
    let (k, v) = policy
        .split_once(':')
        .map_or((policy, None), |(k, v)| (k, Some(v)));
    if v.is_some() && k.is_empty() {
        return Err("invalid restart policy format: no policy provided before colon".into());
    }
    let mut p = RestartPolicy {
        name: k.to_string(),
        maximum_retry_count: 0,
    };
    if let Some(v) = v.filter(|v| !v.is_empty()) {
        p.maximum_retry_count = strconv::atoi(v).map_err(|_| {
            "invalid restart policy format: maximum retry count must be an integer".to_string()
        })?;
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restart_policies() {
        assert_eq!(parse_restart_policy("no").unwrap().name, "no");
        let p = parse_restart_policy("on-failure:3").unwrap();
        assert_eq!((p.name.as_str(), p.maximum_retry_count), ("on-failure", 3));
        assert_eq!(
            parse_restart_policy(":3").unwrap_err(),
            "invalid restart policy format: no policy provided before colon"
        );
        assert_eq!(
            parse_restart_policy("on-failure:x").unwrap_err(),
            "invalid restart policy format: maximum retry count must be an integer"
        );
        assert_eq!(parse_restart_policy("bogus").unwrap().name, "bogus");
    }
}
