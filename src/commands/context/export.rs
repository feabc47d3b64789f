//! `dkr context export` and `dkr context import` (docker's `export.go`, `import.go`,
//! `store.Export`/`store.Import`): a context as docker's tar stream — `meta.json`, a `tls`
//! directory, `tls/<endpoint>/<file>` — byte for byte as docker writes it (Go's USTAR headers;
//! docker closes its pipe before the tar writer, so the last entry is not padded and there is
//! no end-of-archive block), and read back as Go's tar reader reads it.

use super::Context;
use crate::cli::Arity;
use crate::config::contexts::{self, Metadata, TlsData};
use crate::golang::strconv::go_quote;
use std::io::Read;

// Flags of `dkr context export`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTEXT [FILE|-]",
    args_override_self = true
)]
pub struct ExportArgs {
    /// The context and the destination.
    #[arg(hide = true)]
    pub args: Vec<String>,
}

// Flags of `dkr context import`.
#[derive(clap::Args, Debug)]
#[command(override_usage = "CONTEXT FILE|-", args_override_self = true)]
pub struct ImportArgs {
    /// The context and the source.
    #[arg(hide = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// docker's `maxAllowedFileSizeToImport`.
const MAX_IMPORT: u64 = 10 << 20;

/// A context's metadata and TLS files as an export carries them (`default` included).
pub fn read(ctx: &Context, name: &str) -> Result<(Metadata, TlsData), String> {
    if name == contexts::DEFAULT {
        return super::default_context(ctx);
    }
    let store = super::store(ctx);
    let meta = store.get(name).map_err(|e| e.message)?;
    let tls = store.tls_all(name).map_err(|e| e.message)?;
    Ok((meta, tls))
}

pub fn run_export(ctx: &Context, args: ExportArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::Range(1, 2))?;
    let name = &args.args[0];
    let dest = args
        .args
        .get(1)
        .cloned()
        .unwrap_or_else(|| format!("{name}.dockercontext"));
    if name != contexts::DEFAULT {
        contexts::validate_name(name).map_err(super::failure)?;
    }
    if dest == "-" {
        if ctx.out.stdout_is_terminal() {
            return Err(super::failure(
                "cowardly refusing to export to a terminal, specify a file path",
            ));
        }
        let archive = archive(ctx, name).map_err(super::failure)?;
        ctx.out.write_all(&archive)?;
        return Ok(crate::exit::OK);
    }
    // docker creates the file before it reads the context: a failure leaves it empty.
    let mut file = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&dest)
            .map_err(|e| super::failure(crate::golang::os::path_error("open", &dest, &e)))?
    };
    let archive = archive(ctx, name).map_err(super::failure)?;
    std::io::Write::write_all(&mut file, &archive)
        .map_err(|e| super::failure(crate::golang::os::path_error("write", &dest, &e)))?;
    ctx.out
        .err_line(format_args!("Written file {}", go_quote(&dest)));
    Ok(crate::exit::OK)
}

/// The tar stream of `store.Export`.
fn archive(ctx: &Context, name: &str) -> Result<Vec<u8>, String> {
    let (meta, tls) = read(ctx, name)?;
    let mut tar = TarWriter::default();
    tar.file("meta.json", 0o644, &meta.marshal());
    tar.dir("tls");
    for (endpoint, files) in &tls {
        tar.dir(&format!("tls/{endpoint}"));
        for (file, bytes) in files {
            tar.file(&format!("tls/{endpoint}/{file}"), 0o600, bytes);
        }
    }
    Ok(tar.out)
}

/// Go's `archive/tar` writer as docker's export leaves it: USTAR headers, data padded to 512
/// bytes only when another header follows.
#[derive(Default)]
struct TarWriter {
    out: Vec<u8>,
    pad: usize,
}

impl TarWriter {
    fn header(&mut self, name: &str, mode: u32, size: usize, kind: u8) {
        self.out.extend(std::iter::repeat_n(0, self.pad));
        let mut h = [0u8; 512];
        let n = name.len().min(100);
        h[..n].copy_from_slice(&name.as_bytes()[..n]);
        octal(&mut h[100..108], mode as u64);
        octal(&mut h[108..116], 0);
        octal(&mut h[116..124], 0);
        octal(&mut h[124..136], size as u64);
        octal(&mut h[136..148], 0);
        h[156] = kind;
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        octal(&mut h[329..337], 0);
        octal(&mut h[337..345], 0);
        // The checksum is computed with its own field as spaces, then written as six octal
        // digits, a NUL and a space.
        h[148..156].copy_from_slice(b"        ");
        let sum: u64 = h.iter().map(|b| u64::from(*b)).sum();
        octal(&mut h[148..155], sum);
        h[155] = b' ';
        self.out.extend_from_slice(&h);
        self.pad = (512 - size % 512) % 512;
    }

    fn file(&mut self, name: &str, mode: u32, data: &[u8]) {
        self.header(name, mode, data.len(), b'0');
        self.out.extend_from_slice(data);
    }

    fn dir(&mut self, name: &str) {
        self.header(name, 0o700, 0, b'5');
    }
}

/// Go's `formatOctal`: zero-padded digits filling all but the last byte, which is NUL.
fn octal(field: &mut [u8], v: u64) {
    let digits = format!("{v:0width$o}", width = field.len() - 1);
    let start = digits.len().saturating_sub(field.len() - 1);
    let len = field.len();
    field[..len - 1].copy_from_slice(&digits.as_bytes()[start..]);
    field[len - 1] = 0;
}

pub fn run_import(ctx: &Context, args: ImportArgs) -> anyhow::Result<i32> {
    ctx.invocation
        .check_arity(args.args.len(), Arity::Exact(2))?;
    let (name, source) = (&args.args[0], &args.args[1]);
    let store = super::store(ctx);
    super::check_new_name(&store, name)?;
    let mut data = Vec::new();
    let read = if source == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_IMPORT + 1)
            .read_to_end(&mut data)
    } else {
        let file = std::fs::File::open(source)
            .map_err(|e| super::failure(crate::golang::os::path_error("open", source, &e)))?;
        file.take(MAX_IMPORT + 1).read_to_end(&mut data)
    };
    read.map_err(|e| super::failure(e.to_string()))?;
    if data.len() as u64 > MAX_IMPORT {
        return Err(super::failure("read exceeds the defined limit"));
    }
    import(&store, name, &data).map_err(super::failure)?;
    ctx.out.line(name)?;
    ctx.out.err_line(format_args!(
        "Successfully imported context {}",
        go_quote(name)
    ));
    Ok(crate::exit::OK)
}

/// docker's `importTar`: the metadata is written as soon as it is read, the TLS files once the
/// archive is done.
fn import(store: &contexts::Store, name: &str, data: &[u8]) -> Result<(), String> {
    let mut tls = TlsData::new();
    let mut have_meta = false;
    let mut pos = 0;
    while let Some(entry) = next_entry(data, &mut pos)? {
        if entry.kind != b'0' && entry.kind != 0 {
            continue;
        }
        let path = entry.name.as_str();
        let invalid = if path != "meta.json" && !path.starts_with("tls/") {
            Some("unexpected context file")
        } else if crate::golang::path::clean(path) != path {
            Some("unexpected path format")
        } else if path.contains('\\') {
            Some("unexpected '\\' in path")
        } else {
            None
        };
        if let Some(why) = invalid {
            return Err(format!("{path}: {why}"));
        }
        if path == "meta.json" {
            let mut meta = Metadata::parse(entry.data).map_err(|e| e.to_string())?;
            meta.name = name.to_string();
            store.create_or_update(&meta).map_err(|e| e.message)?;
            have_meta = true;
        } else {
            let rest = &path["tls/".len()..];
            let Some((endpoint, file)) = rest.split_once('/') else {
                return Err("archive format is invalid".into());
            };
            tls.entry(endpoint.to_string())
                .or_default()
                .insert(file.to_string(), entry.data.to_vec());
        }
    }
    if !have_meta {
        return Err("invalid context: no metadata found".into());
    }
    store.reset_tls(name, &tls).map_err(|e| e.message)
}

struct Entry<'a> {
    name: String,
    kind: u8,
    data: &'a [u8],
}

/// The next entry as Go's `tar.Reader.Next` finds it: the end (`None`) at a clean end of
/// input, a zero block, or input that stops in the padding; `unexpected EOF` for a header
/// or data cut short; `archive/tar: invalid tar header` for a bad checksum.
fn next_entry<'a>(data: &'a [u8], pos: &mut usize) -> Result<Option<Entry<'a>>, String> {
    if *pos >= data.len() {
        return Ok(None);
    }
    let Some(h) = data.get(*pos..*pos + 512) else {
        return Err("unexpected EOF".into());
    };
    if h.iter().all(|b| *b == 0) {
        return Ok(None);
    }
    let field = |r: std::ops::Range<usize>| {
        let f = &h[r];
        let end = f.iter().position(|b| *b == 0).unwrap_or(f.len());
        String::from_utf8_lossy(&f[..end]).into_owned()
    };
    let num =
        |r: std::ops::Range<usize>| u64::from_str_radix(field(r).trim_matches(' '), 8).unwrap_or(0);
    let unsigned: u64 = h
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if (148..156).contains(&i) {
                32
            } else {
                u64::from(*b)
            }
        })
        .sum();
    if num(148..156) != unsigned {
        return Err("archive/tar: invalid tar header".into());
    }
    let mut name = field(0..100);
    if &h[257..263] == b"ustar\0" {
        let prefix = field(345..500);
        if !prefix.is_empty() {
            name = format!("{prefix}/{name}");
        }
    }
    let size = usize::try_from(num(124..136)).unwrap_or(usize::MAX);
    let start = *pos + 512;
    let end = start.saturating_add(size);
    let Some(body) = data.get(start..end) else {
        return Err("unexpected EOF".into());
    };
    *pos = end.saturating_add((512 - size % 512) % 512);
    Ok(Some(Entry {
        name,
        kind: h[156],
        data: body,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_gos() {
        let mut t = TarWriter::default();
        t.file("meta.json", 0o644, b"{}");
        t.dir("tls");
        let h = &t.out[..512];
        assert_eq!(&h[100..108], b"0000644\0");
        assert_eq!(&h[124..136], b"00000000002\0");
        assert!(h[148..154].iter().all(|b| (b'0'..=b'7').contains(b)));
        assert_eq!(h[154..156], [0, b' ']);
        assert_eq!(&h[257..265], b"ustar\x0000");
        // The data is padded because a header follows; the last header is not.
        assert_eq!(t.out.len(), 512 + 512 + 512);
        let mut pos = 0;
        let e = next_entry(&t.out, &mut pos).unwrap().unwrap();
        assert_eq!(
            (e.name.as_str(), e.kind, e.data),
            ("meta.json", b'0', &b"{}"[..])
        );
        let e = next_entry(&t.out, &mut pos).unwrap().unwrap();
        assert_eq!((e.name.as_str(), e.kind), ("tls", b'5'));
        assert!(next_entry(&t.out, &mut pos).unwrap().is_none());
        assert_eq!(
            next_entry(b"garbage", &mut 0).err().as_deref(),
            Some("unexpected EOF")
        );
    }
}
