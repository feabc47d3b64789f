//! The filters the engine takes (moby's `api/types/filters.Args`): key → set of values, sent
//! JSON-encoded as `filters=`.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::http::Query;
use crate::golang::json;

/// moby's `filters.Args`: key → set of values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters(BTreeMap<String, BTreeSet<String>>);

impl Filters {
    pub fn add(&mut self, key: &str, value: &str) {
        self.0
            .entry(key.to_string())
            .or_default()
            .insert(value.to_string());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `filters.ToJSON`: `{"label":{"a=b":true},"status":{"exited":true}}`, keys sorted and
    /// strings escaped as Go's `json.Marshal` does (HTML characters included).
    pub fn to_json(&self) -> String {
        let mut out = String::from("{");
        for (i, (k, values)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&json::quote(k, true));
            out.push_str(":{");
            for (j, v) in values.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                out.push_str(&json::quote(v, true));
                out.push_str(":true");
            }
            out.push('}');
        }
        out.push('}');
        out
    }

    /// Add `filters=<json>` to `query` when there are filters.
    pub(super) fn add_to(&self, query: &mut Query) {
        if !self.is_empty() {
            query.add("filters", self.to_json());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_sorted_and_escaped_as_go() {
        let mut f = Filters::default();
        f.add("status", "exited");
        f.add("label", "c");
        f.add("label", "a=b");
        f.add("label", "c");
        assert_eq!(
            f.to_json(),
            r#"{"label":{"a=b":true,"c":true},"status":{"exited":true}}"#
        );
        let mut f = Filters::default();
        f.add("reference", "<x>");
        assert_eq!(f.to_json(), r#"{"reference":{"\u003cx\u003e":true}}"#);
    }
}
