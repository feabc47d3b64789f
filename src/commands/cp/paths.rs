//! `cp`'s path rules, as moby's go-archive `copy.go` and docker's `cp.go` state them: which
//! side is a container (`CONTAINER:PATH`), what a trailing `/` or `/.` asserts, where an
//! archive is extracted and under which name its top entry lands.

use crate::golang::filepath;
use crate::golang::os::path_error;

/// `archive.CopyInfo`: a source or destination of a copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CopyInfo {
    pub path: String,
    pub exists: bool,
    pub is_dir: bool,
    /// The name the top entry takes in the archive (set when a symbolic link was followed).
    pub rebase_name: String,
}

/// `ErrCannotCopyDir`.
pub const CANNOT_COPY_DIR: &str = "cannot copy directory";
/// `ErrDirNotExists`.
pub const DIR_NOT_EXISTS: &str = "no such directory";

/// `splitCpArg`: `CONTAINER:PATH`, unless the argument is an absolute local path or a relative
/// one starting with `.` (`./file:name`).
pub fn split_cp_arg(arg: &str) -> (&str, &str) {
    if filepath::is_abs(arg) {
        return ("", arg);
    }
    match arg.split_once(':') {
        Some((ctr, path)) if !ctr.starts_with('.') => (ctr, path),
        _ => ("", arg),
    }
}

fn has_trailing_separator(path: &str) -> bool {
    path.ends_with('/')
}

fn specifies_current_dir(path: &str) -> bool {
    filepath::base(path) == "."
}

/// `assertsDirectory`: the path ends in `/` or `/.`.
pub fn asserts_directory(path: &str) -> bool {
    has_trailing_separator(path) || specifies_current_dir(path)
}

/// `PreserveTrailingDotOrSeparator`: `cleaned` with the `/.` or `/` that `original` ended in.
pub fn preserve_trailing_dot_or_separator(cleaned: &str, original: &str) -> String {
    let mut out = cleaned.to_string();
    if !specifies_current_dir(&out) && specifies_current_dir(original) {
        if !has_trailing_separator(&out) {
            out.push('/');
        }
        out.push('.');
    }
    if !has_trailing_separator(&out) && has_trailing_separator(original) {
        out.push('/');
    }
    out
}

/// `SplitPathDirEntry`: the cleaned directory and base, keeping a final `.`.
pub fn split_path_dir_entry(path: &str) -> (String, String) {
    let mut cleaned = filepath::clean(path);
    if specifies_current_dir(path) {
        cleaned.push_str("/.");
    }
    (filepath::dir(&cleaned), filepath::base(&cleaned))
}

/// `resolveLocalPath`: absolute, keeping a trailing `/` or `/.`.
pub fn resolve_local_path(path: &str) -> Result<String, String> {
    let abs = filepath::abs(path)?;
    Ok(preserve_trailing_dot_or_separator(&abs, path))
}

/// `GetRebaseName`: the resolved path with the original's trailing `/` or `/.`, and the name
/// the top entry must take when resolving changed the last element.
pub fn get_rebase_name(path: &str, resolved: &str) -> (String, String) {
    let mut resolved = resolved.to_string();
    if specifies_current_dir(path) && !specifies_current_dir(&resolved) {
        resolved.push_str("/.");
    }
    if has_trailing_separator(path) && !has_trailing_separator(&resolved) {
        resolved.push('/');
    }
    let rebase = if filepath::base(path) != filepath::base(&resolved) {
        filepath::base(path)
    } else {
        String::new()
    };
    (resolved, rebase)
}

/// `ResolveHostSourcePath`: with `-L` every link is followed; without, only the links before
/// the last element.
fn resolve_host_source_path(path: &str, follow_link: bool) -> Result<(String, String), String> {
    if follow_link {
        let resolved = filepath::eval_symlinks(path)?;
        return Ok(get_rebase_name(path, &resolved));
    }
    let (dir, base) = filepath::split(path);
    let resolved_dir = filepath::eval_symlinks(dir)?;
    let resolved = format!("{resolved_dir}/{base}");
    let rebase =
        if has_trailing_separator(path) && filepath::base(path) != filepath::base(&resolved) {
            filepath::base(path)
        } else {
            String::new()
        };
    Ok((resolved, rebase))
}

/// `CopyInfoSourcePath`: a local source, which must exist.
pub fn copy_info_source_path(path: &str, follow_link: bool) -> Result<CopyInfo, String> {
    let (resolved, rebase_name) = resolve_host_source_path(path, follow_link)?;
    let meta =
        std::fs::symlink_metadata(&resolved).map_err(|e| path_error("lstat", &resolved, &e))?;
    Ok(CopyInfo {
        path: resolved,
        exists: true,
        is_dir: meta.is_dir(),
        rebase_name,
    })
}

/// `CopyInfoDestinationPath`: a local destination, links followed (up to 10), which need not
/// exist if its parent directory does.
pub fn copy_info_destination_path(path: &str) -> Result<CopyInfo, String> {
    let original = path.to_string();
    let mut path = path.to_string();
    let mut n = 0;
    loop {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if !meta.file_type().is_symlink() => {
                return Ok(CopyInfo {
                    path,
                    exists: true,
                    is_dir: meta.is_dir(),
                    rebase_name: String::new(),
                })
            }
            Ok(_) => {
                if n > 10 {
                    return Err(format!("too many symlinks in {original}"));
                }
                n += 1;
                let mut target = std::fs::read_link(&path)
                    .map_err(|e| path_error("readlink", &path, &e))?
                    .to_string_lossy()
                    .into_owned();
                if !filepath::is_abs(&target) {
                    let (parent, _) = split_path_dir_entry(&path);
                    target = filepath::join(&[&parent, &target]);
                }
                path = target;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let (parent, _) = split_path_dir_entry(&path);
                let meta =
                    std::fs::metadata(&parent).map_err(|e| path_error("stat", &parent, &e))?;
                if !meta.is_dir() {
                    return Err("not a directory".to_string());
                }
                return Ok(CopyInfo {
                    path,
                    ..CopyInfo::default()
                });
            }
            Err(e) => return Err(path_error("lstat", &path, &e)),
        }
    }
}

/// What `PrepareArchiveCopy` decided: the directory to extract into, and the renaming of the
/// archive's top entry (`old` → `new`, first occurrence in each name) if one is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub dst_dir: String,
    pub rebase: Option<(String, String)>,
}

/// `PrepareArchiveCopy`.
pub fn prepare_archive_copy(src: &CopyInfo, dst: &CopyInfo) -> Result<Prepared, String> {
    let (dst_dir, dst_base) = split_path_dir_entry(&dst.path);
    let (_, mut src_base) = split_path_dir_entry(&src.path);
    if dst.exists && dst.is_dir {
        return Ok(Prepared {
            dst_dir: dst.path.clone(),
            rebase: None,
        });
    }
    if dst.exists && src.is_dir {
        return Err(CANNOT_COPY_DIR.to_string());
    }
    if !dst.exists && !src.is_dir && asserts_directory(&dst.path) {
        return Err(DIR_NOT_EXISTS.to_string());
    }
    if !src.rebase_name.is_empty() {
        src_base = src.rebase_name.clone();
    }
    Ok(Prepared {
        dst_dir,
        rebase: Some((src_base, dst_base)),
    })
}

/// `command.ValidateOutputPath`: the parent directory exists, and an existing path is a
/// directory or a regular file.
pub fn validate_output_path(path: &str) -> Result<(), String> {
    let dir = filepath::dir(&filepath::clean(path));
    if !dir.is_empty() && dir != "." {
        if let Err(e) = std::fs::metadata(&dir) {
            if e.kind() == std::io::ErrorKind::NotFound {
                return Err(format!(
                    "invalid output path: directory {} does not exist",
                    crate::golang::strconv::go_quote(&dir)
                ));
            }
        }
    }
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(path_error("stat", path, &e)),
        Ok(m) if m.is_dir() || m.is_file() => Ok(()),
        Ok(m) => {
            use std::os::unix::fs::FileTypeExt;
            let ft = m.file_type();
            if ft.is_block_device() || ft.is_char_device() {
                Err(format!(
                    "invalid output path: {} must be a directory or a regular file: got a device",
                    crate::golang::strconv::go_quote(path)
                ))
            } else {
                Ok(())
            }
        }
    }
}

/// `command.ValidateOutputPathFileMode` of a container path's Go `FileMode`.
pub fn validate_file_mode(mode: u32) -> Result<(), &'static str> {
    use crate::golang::os::{MODE_DEVICE, MODE_IRREGULAR};
    if mode & MODE_DEVICE != 0 {
        Err("got a device")
    } else if mode & MODE_IRREGULAR != 0 {
        Err("got an irregular file")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_cp_args() {
        assert_eq!(split_cp_arg("c:/x"), ("c", "/x"));
        assert_eq!(split_cp_arg("/a:b"), ("", "/a:b"));
        assert_eq!(split_cp_arg("./a:b"), ("", "./a:b"));
        assert_eq!(split_cp_arg("file"), ("", "file"));
        assert_eq!(split_cp_arg("c:"), ("c", ""));
        assert_eq!(split_cp_arg(":x"), ("", "x"));
    }

    #[test]
    fn trailing_dot_and_separator() {
        assert_eq!(preserve_trailing_dot_or_separator("/a/b", "b/."), "/a/b/.");
        assert_eq!(preserve_trailing_dot_or_separator("/a/b", "b/"), "/a/b/");
        assert_eq!(preserve_trailing_dot_or_separator("/", "/"), "/");
        assert_eq!(preserve_trailing_dot_or_separator("/a", "."), "/a/.");
        assert!(asserts_directory("/a/"));
        assert!(asserts_directory("/a/."));
        assert!(!asserts_directory("/a"));
        assert_eq!(split_path_dir_entry("/a/b/."), ("/a/b".into(), ".".into()));
        assert_eq!(split_path_dir_entry("/a/b/"), ("/a".into(), "b".into()));
        assert_eq!(split_path_dir_entry("/"), ("/".into(), "/".into()));
        assert_eq!(
            get_rebase_name("/d/link/", "/d/f"),
            ("/d/f/".into(), "link".into())
        );
        assert_eq!(
            get_rebase_name("/d/f", "/d/f"),
            ("/d/f".into(), String::new())
        );
    }

    #[test]
    fn prepare() {
        let file = |p: &str, exists: bool, is_dir: bool| CopyInfo {
            path: p.into(),
            exists,
            is_dir,
            rebase_name: String::new(),
        };
        let src = file("/h/f", true, false);
        assert_eq!(
            prepare_archive_copy(&src, &file("/c/d", true, true)).unwrap(),
            Prepared {
                dst_dir: "/c/d".into(),
                rebase: None
            }
        );
        assert_eq!(
            prepare_archive_copy(&src, &file("/c/g", false, false)).unwrap(),
            Prepared {
                dst_dir: "/c".into(),
                rebase: Some(("f".into(), "g".into()))
            }
        );
        assert_eq!(
            prepare_archive_copy(&src, &file("/c/g/", false, false)).unwrap_err(),
            DIR_NOT_EXISTS
        );
        assert_eq!(
            prepare_archive_copy(&file("/h/d", true, true), &file("/c/f", true, false))
                .unwrap_err(),
            CANNOT_COPY_DIR
        );
    }
}
