//! Go's `path/filepath` on Unix: `Clean`, `Dir`, `Base`, `Split`, `Join`, `IsAbs`, `Abs` and
//! `EvalSymlinks`, with Go's results for the edge cases (`Base("")` is `.`, `Dir("x")` is `.`,
//! a trailing slash cleaned away) and Go's error texts (`lstat /a/b: no such file or
//! directory`), so `cp`'s path rules read as docker's do.

use std::io;

use super::os::{getwd, path_error};

/// `filepath.Clean`: on Unix, `path.Clean`.
pub fn clean(path: &str) -> String {
    super::path::clean(path)
}

/// `filepath.Split`: everything up to and including the last slash, and the rest.
pub fn split(path: &str) -> (&str, &str) {
    match path.rfind('/') {
        Some(i) => (&path[..=i], &path[i + 1..]),
        None => ("", path),
    }
}

/// `filepath.Dir`: the cleaned directory part.
pub fn dir(path: &str) -> String {
    clean(split(path).0)
}

/// `filepath.Base`: the last element, trailing slashes removed (`/` for the root, `.` for "").
pub fn base(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_string();
    }
    split(trimmed).1.to_string()
}

/// `filepath.Join`: the non-empty elements joined with slashes and cleaned ("" if none).
pub fn join(elems: &[&str]) -> String {
    let parts: Vec<&str> = elems.iter().copied().filter(|e| !e.is_empty()).collect();
    if parts.is_empty() {
        return String::new();
    }
    clean(&parts.join("/"))
}

/// `filepath.IsAbs`.
pub fn is_abs(path: &str) -> bool {
    path.starts_with('/')
}

/// `filepath.Abs`: cleaned, joined with the working directory as Go finds it.
pub fn abs(path: &str) -> Result<String, String> {
    if is_abs(path) {
        return Ok(clean(path));
    }
    let wd = getwd().map_err(|e| format!("getwd: {}", crate::engine::stream::go_errno_text(&e)))?;
    Ok(join(&[&wd, path]))
}

/// `filepath.EvalSymlinks` (Go's `walkSymlinks`, step for step): `path` with every symbolic
/// link resolved (at most 255 of them), cleaned; Go's errors (`lstat /a: no such file or
/// directory`, a bare `not a directory` when a file is used as a directory).
pub fn eval_symlinks(path: &str) -> Result<String, String> {
    let mut path = path.to_string();
    let mut vol_len = usize::from(path.starts_with('/'));
    let mut vol = path[..vol_len].to_string();
    let mut dest = vol.clone();
    let mut links = 0;
    let mut end = vol_len;
    while end < path.len() {
        let bytes = path.as_bytes();
        let mut start = end;
        while start < path.len() && bytes[start] == b'/' {
            start += 1;
        }
        end = start;
        while end < path.len() && bytes[end] != b'/' {
            end += 1;
        }
        let comp = &path[start..end];
        if comp.is_empty() {
            break;
        } else if comp == "." {
            continue;
        } else if comp == ".." {
            // Back up to the previous component if possible, else keep the `..`.
            let r = dest[vol_len.min(dest.len())..]
                .rfind('/')
                .map(|i| i + vol_len);
            match r {
                Some(r) if &dest[r + 1..] != ".." => dest.truncate(r),
                _ => {
                    if dest.len() > vol_len {
                        dest.push('/');
                    }
                    dest.push_str("..");
                }
            }
            continue;
        }
        if !dest.is_empty() && !dest.ends_with('/') {
            dest.push('/');
        }
        dest.push_str(comp);
        let meta = std::fs::symlink_metadata(&dest).map_err(|e| path_error("lstat", &dest, &e))?;
        if !meta.file_type().is_symlink() {
            if !meta.is_dir() && end < path.len() {
                return Err(crate::engine::stream::go_errno_text(
                    &io::Error::from_raw_os_error(libc::ENOTDIR),
                ));
            }
            continue;
        }
        links += 1;
        if links > 255 {
            return Err("EvalSymlinks: too many links".to_string());
        }
        let link = std::fs::read_link(&dest)
            .map_err(|e| path_error("readlink", &dest, &e))?
            .to_string_lossy()
            .into_owned();
        path = format!("{link}{}", &path[end..]);
        if link.starts_with('/') {
            dest = "/".to_string();
            end = 1;
            vol = "/".to_string();
            vol_len = 1;
        } else {
            // A relative link replaces the last component of dest.
            match dest[vol_len.min(dest.len())..].rfind('/') {
                Some(i) => dest.truncate(i + vol_len),
                None => dest = vol.clone(),
            }
            end = 0;
        }
    }
    Ok(clean(&dest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_like_go() {
        for (p, want) in [
            ("", "."),
            ("/", "/"),
            ("a/b/", "a/b"),
            ("/a/./b/../c", "/a/c"),
            ("../../x", "../../x"),
            ("/../x", "/x"),
            ("a/..", "."),
            ("//a//b", "/a/b"),
            ("./", "."),
        ] {
            assert_eq!(clean(p), want, "{p:?}");
        }
    }

    #[test]
    fn dir_base_split_join() {
        assert_eq!(dir("/a/b"), "/a");
        assert_eq!(dir("a"), ".");
        assert_eq!(dir("/a/b/"), "/a/b");
        assert_eq!(dir("/"), "/");
        assert_eq!(base("/a/b/"), "b");
        assert_eq!(base("/"), "/");
        assert_eq!(base(""), ".");
        assert_eq!(base("a/."), ".");
        assert_eq!(split("/a/b"), ("/a/", "b"));
        assert_eq!(split("b"), ("", "b"));
        assert_eq!(join(&["/a", "../b", ""]), "/b");
        assert_eq!(join(&["", ""]), "");
    }

    #[test]
    fn eval_symlinks_follows_links_and_names_the_failing_prefix() {
        let d = std::env::temp_dir().join(format!("dkr-evalsym-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("real/sub")).unwrap();
        std::os::unix::fs::symlink("real", d.join("rel")).unwrap();
        std::os::unix::fs::symlink(d.join("real/sub"), d.join("absl")).unwrap();
        let root = std::fs::canonicalize(&d).unwrap();
        let r = root.to_str().unwrap();
        assert_eq!(
            eval_symlinks(&format!("{r}/rel/sub")).unwrap(),
            format!("{r}/real/sub")
        );
        assert_eq!(
            eval_symlinks(&format!("{r}/absl/")).unwrap(),
            format!("{r}/real/sub")
        );
        assert_eq!(
            eval_symlinks(&format!("{r}/real/sub/..")).unwrap(),
            format!("{r}/real")
        );
        assert_eq!(
            eval_symlinks(&format!("{r}/nope/x")).unwrap_err(),
            format!("lstat {r}/nope: no such file or directory")
        );
        let _ = std::fs::remove_dir_all(&d);
    }
}
