//! `github.com/fvbommel/sortorder`'s natural order, which docker sorts `port`'s lines with:
//! runs of ASCII digits compare as numbers (`2` < `12`), everything else bytewise.

use std::cmp::Ordering;

/// `sortorder.NaturalLess` as an ordering: digits sort before other bytes; equal numbers with
/// more leading zeros sort after (`2` < `02`); a string that is a prefix of the other first.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (da, db) = (a[i].is_ascii_digit(), b[j].is_ascii_digit());
        if da != db {
            return if da {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        if !da {
            if a[i] != b[j] {
                return a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
            continue;
        }
        let digits = |s: &[u8], mut k: usize| {
            while k < s.len() && s[k] == b'0' {
                k += 1;
            }
            let start = k;
            while k < s.len() && s[k].is_ascii_digit() {
                k += 1;
            }
            (start, k)
        };
        let ((sa, ea), (sb, eb)) = (digits(a, i), digits(b, j));
        let by_value = (ea - sa)
            .cmp(&(eb - sb))
            .then_with(|| a[sa..ea].cmp(&b[sb..eb]))
            // Fewer leading zeros first.
            .then_with(|| sa.cmp(&sb));
        if by_value != Ordering::Equal {
            return by_value;
        }
        (i, j) = (ea, eb);
    }
    (a.len() - i).cmp(&(b.len() - j))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(v: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| natural_cmp(a, b));
        v
    }

    #[test]
    fn natural_order() {
        assert_eq!(
            sorted(&["abc12", "abc2", "abc1"]),
            ["abc1", "abc2", "abc12"]
        );
        assert_eq!(sorted(&["02", "2", "1"]), ["1", "2", "02"]);
        assert_eq!(sorted(&["a", "1", "ab", ""]), ["", "1", "a", "ab"]);
        assert_eq!(
            sorted(&[
                "80/tcp -> [::]:18301",
                "443/tcp -> 0.0.0.0:8443",
                "80/tcp -> 0.0.0.0:18301",
                "80/tcp -> [::1]:18303",
            ]),
            [
                "80/tcp -> 0.0.0.0:18301",
                "80/tcp -> [::1]:18303",
                "80/tcp -> [::]:18301",
                "443/tcp -> 0.0.0.0:8443",
            ]
        );
    }
}
