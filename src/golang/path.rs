//! Go's `path.Clean`, which docker's client applies to every request path (`path.Join` in
//! `getAPIPath`) before escaping it: `/images/` becomes `/images` (the daemon's `page not
//! found` for `rmi ""`) and `/containers/./x` becomes `/containers/x`.

/// `path.Clean`: the shortest equivalent slash-separated path (`.` and `..` resolved, repeated
/// and trailing slashes dropped; `.` for an empty result of a relative path).
pub fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".to_string();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn like_go() {
        for (input, want) in [
            ("", "."),
            ("/", "/"),
            ("/images/", "/images"),
            ("/images//x", "/images/x"),
            ("/containers/./x/json", "/containers/x/json"),
            ("/containers/../kill", "/kill"),
            ("/../a", "/a"),
            ("a/../..", ".."),
            ("a/..", "."),
            ("../../a/b/..", "../../a"),
            ("/a/b/c/../../d", "/a/d"),
        ] {
            assert_eq!(clean(input), want, "{input:?}");
        }
    }
}
