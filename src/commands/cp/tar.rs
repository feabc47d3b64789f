//! `cp`'s tar streams, as moby's go-archive makes and unpacks them: a local file or directory
//! archived under its base name (`TarWithOptions` with the source directory included, entries
//! in name order, hard links kept, names renamed as `PrepareArchiveCopy` asked), and an
//! archive from the engine unpacked into a directory (`Untar` with `NoLchown` and
//! `NoOverwriteDirNonDir`: modes and times restored, ownership left alone, no entry outside the
//! destination). The tar format itself is the `tar` crate's.

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};

use tar::{EntryType, Header};

use crate::golang::filepath;
use crate::golang::os::path_error;
use crate::golang::strconv::go_quote;

/// Name changes applied in order to every entry: the first occurrence of `.0` becomes `.1`
/// (go-archive's `RebaseArchiveEntries` uses `strings.Replace(name, old, new, 1)`, not a
/// prefix match; a root `/` is replaced as "").
pub type Rebases = [(String, String)];

fn rebased(name: &str, rebases: &Rebases) -> String {
    let mut name = name.to_string();
    for (old, new) in rebases {
        let old = if old == "/" { "" } else { old.as_str() };
        name = name.replacen(old, new, 1);
    }
    name
}

fn io_error(text: String) -> io::Error {
    io::Error::other(text)
}

/// A header's name or link field, with a GNU long-name entry before it when it does not fit.
fn append_entry<W: Write>(
    out: &mut tar::Builder<W>,
    header: &mut Header,
    name: &str,
    link: Option<&str>,
    data: &mut dyn Read,
) -> io::Result<()> {
    for (value, kind, is_link) in [
        (Some(name), EntryType::GNULongName, false),
        (link, EntryType::GNULongLink, true),
    ] {
        let Some(value) = value else { continue };
        let bytes = value.as_bytes();
        let old = header.as_old_mut();
        let field: &mut [u8; 100] = if is_link {
            &mut old.linkname
        } else {
            &mut old.name
        };
        field.fill(0);
        if bytes.len() <= 100 {
            field[..bytes.len()].copy_from_slice(bytes);
        } else {
            field.copy_from_slice(&bytes[..100]);
            let mut long = Header::new_gnu();
            long.as_old_mut().name[..13].copy_from_slice(b"././@LongLink");
            long.set_mode(0o644);
            long.set_entry_type(kind);
            long.set_size(bytes.len() as u64 + 1);
            long.set_cksum();
            let mut v = bytes.to_vec();
            v.push(0);
            out.append(&long, &v[..])?;
        }
    }
    header.set_cksum();
    out.append(header, data)
}

/// Go's `FileInfoHeader` mode: permissions with the set-id and sticky bits.
fn tar_mode(meta: &std::fs::Metadata) -> u32 {
    meta.mode() & 0o7777
}

/// The archive of the local `include` under `src_dir` (`TarResourceRebase`), its top entry
/// named `rebase_name` if set, then every name changed by `rebase`; written to `w`.
pub fn write_resource(
    w: &mut dyn Write,
    src_dir: &str,
    include: &str,
    rebase_name: &str,
    rebase: &Rebases,
) -> io::Result<()> {
    let mut out = tar::Builder::new(w);
    let mut seen: HashMap<(u64, u64), String> = HashMap::new();
    let root = format!("{}/{include}", src_dir.trim_end_matches('/'));
    let mut stack = vec![(root.clone(), true)];
    while let Some((path, is_root)) = stack.pop() {
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            // go-archive logs a file it cannot stat and goes on.
            Err(_) if !is_root => continue,
            Err(e) => return Err(io_error(path_error("lstat", &path, &e))),
        };
        // The name relative to `src_dir`, as `filepath.Rel` cleans it.
        let mut rel = if is_root {
            filepath::clean(include)
        } else {
            let sub = &path[root.len()..];
            filepath::clean(&format!("{include}{sub}"))
        };
        if include == "." && rel != "." {
            rel = format!("./{rel}");
        }
        if !rebase_name.is_empty() {
            let replacement = if rebase_name == "/" { "" } else { rebase_name };
            rel = rel.replacen(include, replacement, 1);
        }
        let ft = meta.file_type();
        let mut name = rel.clone();
        if ft.is_dir() && !name.ends_with('/') {
            name.push('/');
        }
        let name = rebased(&name, rebase);
        let mut header = Header::new_gnu();
        header.set_mode(tar_mode(&meta));
        header.set_uid(u64::from(meta.uid()));
        header.set_gid(u64::from(meta.gid()));
        header.set_mtime(meta.mtime().max(0) as u64);
        header.set_size(0);
        let mut link = None;
        let mut file = None;
        if ft.is_dir() {
            header.set_entry_type(EntryType::Directory);
        } else if ft.is_symlink() {
            header.set_entry_type(EntryType::Symlink);
            let target = std::fs::read_link(&path)
                .map_err(|e| io_error(path_error("readlink", &path, &e)))?;
            link = Some(target.to_string_lossy().into_owned());
        } else if ft.is_fifo() {
            header.set_entry_type(EntryType::Fifo);
        } else if ft.is_char_device() || ft.is_block_device() {
            header.set_entry_type(if ft.is_char_device() {
                EntryType::Char
            } else {
                EntryType::Block
            });
            let dev = meta.rdev();
            header.set_device_major(libc::major(dev))?;
            header.set_device_minor(libc::minor(dev))?;
        } else if ft.is_socket() {
            // archive/tar cannot archive sockets; go-archive logs and skips them.
            continue;
        } else {
            header.set_entry_type(EntryType::Regular);
            header.set_size(meta.len());
        }
        if !ft.is_dir() && meta.nlink() > 1 {
            match seen.get(&(meta.dev(), meta.ino())) {
                Some(first) => {
                    header.set_entry_type(EntryType::Link);
                    header.set_size(0);
                    link = Some(rebased(first, rebase));
                }
                None => {
                    seen.insert((meta.dev(), meta.ino()), rel.clone());
                }
            }
        }
        if header.entry_type() == EntryType::Regular && meta.len() > 0 {
            file = Some(
                std::fs::File::open(&path).map_err(|e| io_error(path_error("open", &path, &e)))?,
            );
        }
        match file {
            // Exactly the size in the header, even if the file changes meanwhile.
            Some(f) => append_entry(
                &mut out,
                &mut header,
                &name,
                link.as_deref(),
                &mut ExactLen {
                    inner: f,
                    left: meta.len(),
                },
            )?,
            None => append_entry(
                &mut out,
                &mut header,
                &name,
                link.as_deref(),
                &mut io::empty(),
            )?,
        }
        if ft.is_dir() {
            let mut children: Vec<String> = std::fs::read_dir(&path)
                .map_err(|e| io_error(path_error("open", &path, &e)))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            // Walked in name order: the stack takes them in reverse.
            children.sort();
            for c in children.into_iter().rev() {
                let child = if path.ends_with('/') {
                    format!("{path}{c}")
                } else {
                    format!("{path}/{c}")
                };
                stack.push((child, false));
            }
        }
    }
    out.into_inner()?.flush()
}

/// A file's first `left` bytes, zero-padded if it shrank while being read.
struct ExactLen {
    inner: std::fs::File,
    left: u64,
}

impl Read for ExactLen {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Ok(0);
        }
        let max = buf.len().min(self.left.min(usize::MAX as u64) as usize);
        let n = match self.inner.read(&mut buf[..max])? {
            0 => {
                buf[..max].fill(0);
                max
            }
            n => n,
        };
        self.left -= n as u64;
        Ok(n)
    }
}

/// `Untar(content, dest, {NoLchown, NoOverwriteDirNonDir})` with every name changed by
/// `rebase` first (`RebaseArchiveEntries`).
pub fn unpack(content: &mut dyn Read, dest: &str, rebase: &Rebases) -> Result<(), String> {
    let dest = filepath::clean(dest);
    let mut archive = tar::Archive::new(content);
    let mut dirs: Vec<(String, i64)> = Vec::new();
    let entries = archive.entries().map_err(|e| e.to_string())?;
    for entry in entries {
        let mut entry = entry.map_err(|e| tar_error(&e))?;
        let kind = entry.header().entry_type();
        if kind == EntryType::XGlobalHeader {
            continue;
        }
        let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let name = filepath::clean(&rebased(&raw, rebase));
        let link = entry
            .link_name_bytes()
            .map(|l| String::from_utf8_lossy(&l).into_owned())
            .unwrap_or_default();
        let link = if kind == EntryType::Link {
            rebased(&link, rebase)
        } else {
            link
        };
        // Implied parent directories.
        if !name.ends_with('/') {
            let parent = filepath::join(&[&dest, &filepath::dir(&name)]);
            if matches!(std::fs::symlink_metadata(&parent), Err(e) if e.kind() == io::ErrorKind::NotFound)
            {
                std::fs::DirBuilder::new()
                    .recursive(true)
                    .mode(0o755)
                    .create(&parent)
                    .map_err(|e| path_error("mkdir", &parent, &e))?;
            }
        }
        let path = filepath::join(&[&dest, &name]);
        if name == ".." || name.starts_with("../") {
            return Err(format!(
                "{} is outside of {}",
                go_quote(&name),
                go_quote(&dest)
            ));
        }
        if let Ok(fi) = std::fs::symlink_metadata(&path) {
            if fi.is_dir() && kind != EntryType::Directory {
                return Err(format!(
                    "cannot overwrite directory {} with non-directory {}",
                    go_quote(&path),
                    go_quote(&dest)
                ));
            }
            if !fi.is_dir() && kind == EntryType::Directory {
                return Err(format!(
                    "cannot overwrite non-directory {} with directory {}",
                    go_quote(&path),
                    go_quote(&dest)
                ));
            }
            if fi.is_dir() && name == "." {
                continue;
            }
            if !fi.is_dir() || kind != EntryType::Directory {
                remove_all(&path)?;
            }
        }
        let header = entry.header().clone();
        create_entry(&path, &dest, &header, kind, &link, &mut entry)?;
        if kind == EntryType::Directory {
            dirs.push((path, header.mtime().unwrap_or(0) as i64));
        }
    }
    for (path, mtime) in dirs {
        set_times(&path, mtime, false).map_err(|e| path_error("chtimes", &path, &e))?;
    }
    Ok(())
}

/// The tar reader's error in Go's words where they are known.
fn tar_error(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "unexpected EOF".to_string()
    } else {
        e.to_string()
    }
}

/// `os.RemoveAll`.
fn remove_all(path: &str) -> Result<(), String> {
    let r = match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(_) => Ok(()),
    };
    r.map_err(|e| path_error("unlinkat", path, &e))
}

/// `createTarFile` without ownership (`NoLchown`) or extended attributes.
fn create_entry(
    path: &str,
    dest: &str,
    header: &Header,
    kind: EntryType,
    link: &str,
    data: &mut dyn Read,
) -> Result<(), String> {
    let mode = header.mode().unwrap_or(0o644) & 0o7777;
    match kind {
        EntryType::Directory => {
            let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
            if !is_dir {
                std::fs::DirBuilder::new()
                    .mode(mode)
                    .create(path)
                    .map_err(|e| path_error("mkdir", path, &e))?;
            }
        }
        EntryType::Regular | EntryType::Continuous => {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .mode(mode)
                .open(path)
                .map_err(|e| path_error("open", path, &e))?;
            io::copy(data, &mut f).map_err(|e| tar_error(&e))?;
        }
        EntryType::Block | EntryType::Char | EntryType::Fifo => {
            use rustix::fs::FileType;
            let ft = match kind {
                EntryType::Block => FileType::BlockDevice,
                EntryType::Char => FileType::CharacterDevice,
                _ => FileType::Fifo,
            };
            let dev = rustix::fs::makedev(
                header.device_major().ok().flatten().unwrap_or(0),
                header.device_minor().ok().flatten().unwrap_or(0),
            );
            rustix::fs::mknodat(
                rustix::fs::CWD,
                path,
                ft,
                rustix::fs::Mode::from_raw_mode(mode),
                dev,
            )
            .map_err(|e| crate::engine::stream::go_errno_text(&e.into()))?;
        }
        EntryType::Link => {
            let target = filepath::join(&[dest, link]);
            if !target.starts_with(dest) {
                return Err(format!(
                    "invalid hardlink {} -> {}",
                    go_quote(&target),
                    go_quote(link)
                ));
            }
            std::fs::hard_link(&target, path).map_err(|e| {
                format!(
                    "link {target} {path}: {}",
                    crate::engine::stream::go_errno_text(&e)
                )
            })?;
        }
        EntryType::Symlink => {
            let target = filepath::join(&[&filepath::dir(path), link]);
            if !target.starts_with(dest) {
                return Err(format!(
                    "invalid symlink {} -> {}",
                    go_quote(path),
                    go_quote(link)
                ));
            }
            std::os::unix::fs::symlink(link, path).map_err(|e| {
                format!(
                    "symlink {link} {path}: {}",
                    crate::engine::stream::go_errno_text(&e)
                )
            })?;
        }
        other => return Err(format!("unhandled tar header type {}", other.as_byte())),
    }
    let mtime = header.mtime().unwrap_or(0) as i64;
    // Hard links take the mode and times of what they link to, if that is no symbolic link
    // (go-archive looks the link name up relative to the working directory).
    let plain_link = kind == EntryType::Link
        && std::fs::symlink_metadata(link).is_ok_and(|m| !m.file_type().is_symlink());
    if kind != EntryType::Symlink && (kind != EntryType::Link || plain_link) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(|e| path_error("chmod", path, &e))?;
    }
    if kind == EntryType::Symlink {
        set_times(path, mtime, true).map_err(|e| crate::engine::stream::go_errno_text(&e))?;
    } else if kind != EntryType::Link || plain_link {
        set_times(path, mtime, false).map_err(|e| path_error("chtimes", path, &e))?;
    }
    Ok(())
}

/// Access and modification time set to `mtime` (seconds; before 1970 becomes 1970, as
/// go-archive's `boundTime` does), on a link itself when `nofollow`.
fn set_times(path: &str, mtime: i64, nofollow: bool) -> io::Result<()> {
    use rustix::fs::{AtFlags, Timespec, Timestamps};
    let t = Timespec {
        tv_sec: mtime.max(0),
        tv_nsec: 0,
    };
    let flags = if nofollow {
        AtFlags::SYMLINK_NOFOLLOW
    } else {
        AtFlags::empty()
    };
    rustix::fs::utimensat(
        rustix::fs::CWD,
        path,
        &Timestamps {
            last_access: t,
            last_modification: t,
        },
        flags,
    )
    .map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tar: &[u8]) -> Vec<(String, String)> {
        let mut a = tar::Archive::new(tar);
        a.entries()
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let link = e
                    .link_name_bytes()
                    .map(|l| String::from_utf8_lossy(&l).into_owned())
                    .unwrap_or_default();
                (String::from_utf8_lossy(&e.path_bytes()).into_owned(), link)
            })
            .collect()
    }

    #[test]
    fn archive_names_rebases_and_round_trip() {
        let d = std::env::temp_dir().join(format!("dkr-cptar-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        let src = d.join("src");
        std::fs::create_dir_all(src.join("ld/sub")).unwrap();
        std::fs::write(src.join("ld/q"), b"q\n").unwrap();
        std::fs::write(src.join("ld/sub/z"), b"zz").unwrap();
        std::fs::hard_link(src.join("ld/q"), src.join("ld/hard")).unwrap();
        std::os::unix::fs::symlink("q", src.join("ld/s")).unwrap();
        let long = "n".repeat(150);
        std::fs::write(src.join("ld").join(&long), b"long").unwrap();
        let s = src.to_str().unwrap();
        let mut buf = Vec::new();
        write_resource(&mut buf, s, "ld", "", &[]).unwrap();
        let n = names(&buf);
        let want: Vec<(String, String)> = [
            ("ld/", ""),
            ("ld/hard", ""),
            (&format!("ld/{long}")[..], ""),
            ("ld/q", "ld/hard"),
            ("ld/s", "q"),
            ("ld/sub/", ""),
            ("ld/sub/z", ""),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        assert_eq!(n, want);
        // `dir/.`: the entries of the directory, named `./…`.
        let mut buf = Vec::new();
        write_resource(
            &mut buf,
            &format!("{s}/ld"),
            ".",
            "",
            &[(".".into(), "new".into())],
        )
        .unwrap();
        assert_eq!(names(&buf)[0].0, "new/");
        assert_eq!(names(&buf)[1].0, "new/hard");
        // Unpacked elsewhere under a new name: contents, link, mode kept.
        let mut buf = Vec::new();
        write_resource(&mut buf, s, "ld", "", &[]).unwrap();
        let out = d.join("out");
        std::fs::create_dir_all(&out).unwrap();
        let o = out.to_str().unwrap();
        unpack(&mut &buf[..], o, &[("ld".into(), "copy".into())]).unwrap();
        assert_eq!(std::fs::read(out.join("copy/sub/z")).unwrap(), b"zz");
        assert_eq!(
            std::fs::read(out.join("copy").join(&long)).unwrap(),
            b"long"
        );
        assert_eq!(
            std::fs::read_link(out.join("copy/s")).unwrap().to_str(),
            Some("q")
        );
        let m = std::fs::metadata(out.join("copy/q")).unwrap();
        assert_eq!(m.nlink(), 2);
        // A file may not replace a directory.
        let mut buf = Vec::new();
        write_resource(
            &mut buf,
            &format!("{s}/ld"),
            "q",
            "",
            &[("q".into(), "sub".into())],
        )
        .unwrap();
        let err = unpack(&mut &buf[..], &format!("{o}/copy"), &[]).unwrap_err();
        assert!(err.starts_with("cannot overwrite directory "), "{err}");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn unpack_refuses_breakouts() {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = Header::new_gnu();
        h.set_size(1);
        h.set_entry_type(EntryType::Regular);
        h.as_old_mut().name[..4].copy_from_slice(b"../x");
        h.set_cksum();
        b.append(&h, &b"x"[..]).unwrap();
        let tar = b.into_inner().unwrap();
        let d = std::env::temp_dir().join(format!("dkr-cpbreak-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let err = unpack(&mut &tar[..], d.to_str().unwrap(), &[]).unwrap_err();
        assert!(err.starts_with("\"../x\" is outside of"), "{err}");
        let _ = std::fs::remove_dir_all(&d);
    }
}
