//! Go's `path/filepath` `Abs` and `Clean`, as the mount, volume and device parsers use them.

use std::path::{Component, Path, PathBuf};

/// `filepath.Abs` for a relative path: join with the working directory and clean.
pub(crate) fn abs_path(p: &str) -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    Some(clean_path(&cwd.join(p)))
}

/// Go's `filepath.Clean` for an absolute path.
pub(crate) fn clean_path(p: &Path) -> String {
    let mut out = PathBuf::from("/");
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
            _ => {}
        }
    }
    out.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_and_abs() {
        assert_eq!(clean_path(Path::new("/a/./b/../c/")), "/a/c");
        assert_eq!(clean_path(Path::new("/../..")), "/");
        assert_eq!(clean_path(Path::new("/")), "/");
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(abs_path("./x/../y").unwrap(), clean_path(&cwd.join("y")));
    }
}
