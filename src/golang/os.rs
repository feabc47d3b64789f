//! Go's `os` package rules docker's messages and decisions depend on: `*PathError` texts
//! (`open /x: permission denied`), `Getwd` (which prefers `$PWD` when it names the working
//! directory), and the `FileMode` bits the engine sends in a path stat.

use std::io;
use std::os::unix::fs::MetadataExt;

/// `fs.ModeDir`.
pub const MODE_DIR: u32 = 1 << 31;
/// `fs.ModeSymlink`.
pub const MODE_SYMLINK: u32 = 1 << 27;
/// `fs.ModeDevice`.
pub const MODE_DEVICE: u32 = 1 << 26;
/// `fs.ModeIrregular`.
pub const MODE_IRREGULAR: u32 = 1 << 19;

/// Go's `*PathError` text: `{op} {path}: {errno text}`.
pub fn path_error(op: &str, path: &str, err: &io::Error) -> String {
    format!("{op} {path}: {}", crate::engine::stream::go_errno_text(err))
}

/// `os.Getwd`: `$PWD` when it is absolute and names the working directory (so a path through
/// a symbolic link stays as the shell shows it), else the kernel's answer.
pub fn getwd() -> io::Result<String> {
    let dot = std::fs::metadata(".")?;
    if let Ok(pwd) = std::env::var("PWD") {
        if pwd.starts_with('/') {
            if let Ok(m) = std::fs::metadata(&pwd) {
                if m.dev() == dot.dev() && m.ino() == dot.ino() {
                    return Ok(pwd);
                }
            }
        }
    }
    Ok(std::env::current_dir()?.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_errors() {
        let e = io::Error::from_raw_os_error(libc::ENOENT);
        assert_eq!(
            path_error("lstat", "/x", &e),
            "lstat /x: no such file or directory"
        );
    }
}
