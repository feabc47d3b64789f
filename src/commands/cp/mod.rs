//! `dkr cp` (docker's `cli/command/container/cp.go` at v28.2.2, with moby's go-archive for the
//! path rules and tar streams): files and directories between a container and the local
//! filesystem over `HEAD`/`GET`/`PUT /containers/{id}/archive`, tar streamed both ways, `-`
//! for a raw tar on stdin or stdout, `-a` (ownership kept), `-L` (links followed), and
//! docker's `Successfully copied 2.05kB to …` on stderr when stdout is a terminal.
//!
//! docker 28.2.2 never draws its live `Copying from container - …` line (it asks whether its
//! error stream wrapper is a terminal, which it never is), so neither does dkr.

mod paths;
mod tar;

use std::io::{self, Read, Write};

use super::Context;
use crate::cli::Arity;
use crate::engine::api::CopyToContainerOptions;
use crate::exit::StatusError;
use crate::golang::filepath;
use crate::output::{OnBrokenPipe, StdioWriter};
use crate::render::units::human_size_with_precision;
use paths::{
    copy_info_destination_path, copy_info_source_path, get_rebase_name, prepare_archive_copy,
    resolve_local_path, split_cp_arg, split_path_dir_entry, validate_file_mode,
    validate_output_path, CopyInfo,
};

/// docker's long description of `cp` (its help).
pub const LONG_ABOUT: &str = "Copy files/folders between a container and the local filesystem

Use '-' as the source to read a tar archive from stdin
and extract it to a directory destination in a container.
Use '-' as the destination to stream a tar archive of a
container source to stdout.";

// Flags of `dkr cp`.
#[derive(clap::Args, Debug)]
#[command(
    override_usage = "[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-
	dkr cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
    args_override_self = true
)]
pub struct CpArgs {
    /// Archive mode (copy all uid/gid information)
    #[arg(short = 'a', long = "archive", num_args = 0..=1)]
    pub archive: bool,
    /// Always follow symbol link in SRC_PATH
    #[arg(short = 'L', long = "follow-link", num_args = 0..=1)]
    pub follow_link: bool,
    /// Suppress progress output during copy. Progress output is automatically suppressed if
    /// no terminal is attached
    #[arg(short = 'q', long, num_args = 0..=1)]
    pub quiet: bool,
    /// The arguments
    #[arg(value_name = "ARGS", hide = true)]
    pub args: Vec<String>,
}

fn fail(msg: impl Into<String>) -> anyhow::Error {
    StatusError::new(crate::exit::FAILURE, msg).into()
}

/// What one copy needs to know.
struct Copy<'a> {
    container: &'a str,
    src: &'a str,
    dst: &'a str,
    follow_link: bool,
    archive: bool,
    quiet: bool,
}

/// docker's size in the final line (`HumanSizeWithPrecision(n, 3)`).
fn size_text(n: u64) -> String {
    human_size_with_precision(n as f64, 3)
}

pub fn run(ctx: &Context, a: CpArgs) -> anyhow::Result<i32> {
    ctx.invocation.check_arity(a.args.len(), Arity::Exact(2))?;
    let (source, destination) = (a.args[0].as_str(), a.args[1].as_str());
    if source.is_empty() {
        return Err(fail("source can not be empty"));
    }
    if destination.is_empty() {
        return Err(fail("destination can not be empty"));
    }
    // Without -q, progress is shown only when stdout is a terminal.
    let quiet = if ctx.invocation.is_set("quiet") {
        a.quiet
    } else {
        !ctx.out.stdout_is_terminal()
    };
    let (src_ctr, src) = split_cp_arg(source);
    let (dst_ctr, dst) = split_cp_arg(destination);
    let copy = |container, src, dst| Copy {
        container,
        src,
        dst,
        follow_link: a.follow_link,
        archive: a.archive,
        quiet,
    };
    match (src_ctr.is_empty(), dst_ctr.is_empty()) {
        (false, true) => from_container(ctx, &copy(src_ctr, src, dst)),
        (true, false) => to_container(ctx, &copy(dst_ctr, src, dst)),
        (false, false) => Err(fail("copying between containers is not supported")),
        (true, true) => Err(fail("must specify at least one container source")),
    }?;
    Ok(crate::exit::OK)
}

/// Counts what passes through, for the final line.
struct Counted<T> {
    inner: T,
    n: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.n += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `copyFromContainer`.
fn from_container(ctx: &Context, c: &Copy) -> anyhow::Result<()> {
    let dst = if c.dst == "-" {
        c.dst.to_string()
    } else {
        resolve_local_path(c.dst).map_err(fail)?
    };
    validate_output_path(&dst).map_err(fail)?;
    let client = ctx.client()?;
    let mut src = c.src.to_string();
    let mut rebase_name = String::new();
    if c.follow_link {
        if let Ok(st) = client.container_stat_path(c.container, &src) {
            if st.is_symlink() {
                let mut target = st.link_target.clone();
                if !filepath::is_abs(&target) {
                    let (parent, _) = split_path_dir_entry(&src);
                    target = filepath::join(&[&parent, &target]);
                }
                (src, rebase_name) = get_rebase_name(&src, &target);
            }
        }
    }
    let (resp, stat) = client.copy_from_container(c.container, &src)?;
    if dst == "-" {
        // A closed stdout kills dkr by SIGPIPE, as it does docker.
        let mut out =
            io::BufWriter::with_capacity(256 * 1024, StdioWriter::stdout(OnBrokenPipe::Error));
        let mut resp = resp;
        io::copy(&mut resp, &mut out).map_err(|e| fail(stream_error_text(&e)))?;
        out.flush().map_err(|e| fail(e.to_string()))?;
        return Ok(());
    }
    let src_info = CopyInfo {
        path: src,
        exists: true,
        is_dir: stat.is_dir(),
        rebase_name,
    };
    let mut body = Counted { inner: resp, n: 0 };
    let result = extract(&mut body, &src_info, &dst);
    // The rest of the stream (the archive's padding) counts too, as docker reads it all.
    let _ = io::copy(&mut body, &mut io::sink());
    if !c.quiet {
        ctx.out.err_line(format_args!(
            "Successfully copied {} to {dst}",
            size_text(body.n)
        ));
    }
    result.map_err(fail)
}

/// `archive.CopyTo` after the optional `RebaseArchiveEntries` of a followed link.
fn extract(content: &mut dyn Read, src_info: &CopyInfo, dst: &str) -> Result<(), String> {
    let mut rebases = Vec::new();
    if !src_info.rebase_name.is_empty() {
        let (_, src_base) = split_path_dir_entry(&src_info.path);
        rebases.push((src_base, src_info.rebase_name.clone()));
    }
    let dst_info = copy_info_destination_path(dst)?;
    let prepared = prepare_archive_copy(src_info, &dst_info)?;
    rebases.extend(prepared.rebase);
    tar::unpack(content, &prepared.dst_dir, &rebases)
}

/// Go's words for a stream that broke while it was copied.
fn stream_error_text(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        "unexpected EOF".to_string()
    } else {
        crate::engine::stream::go_errno_text(e)
    }
}

/// `copyToContainer`.
fn to_container(ctx: &Context, c: &Copy) -> anyhow::Result<()> {
    let src = if c.src == "-" {
        c.src.to_string()
    } else {
        resolve_local_path(c.src).map_err(fail)?
    };
    let client = ctx.client()?;
    // What the destination is decides how the archive is shaped; any error asking is
    // ignored (the destination may not exist yet), as docker ignores it.
    let mut dst_info = CopyInfo {
        path: c.dst.to_string(),
        ..CopyInfo::default()
    };
    let mut dst_stat = client.container_stat_path(c.container, c.dst);
    if let Ok(st) = &dst_stat {
        if st.is_symlink() {
            let mut target = st.link_target.clone();
            if !filepath::is_abs(&target) {
                let (parent, _) = split_path_dir_entry(c.dst);
                target = filepath::join(&[&parent, &target]);
            }
            dst_stat = client.container_stat_path(c.container, &target);
            dst_info.path = target;
        }
    }
    let mode = dst_stat.as_ref().map_or(0, |s| s.mode);
    if let Err(e) = validate_file_mode(mode) {
        return Err(fail(format!(
            "destination \"{}:{}\" must be a directory or a regular file: {e}",
            c.container, c.dst
        )));
    }
    if let Ok(st) = &dst_stat {
        dst_info.exists = true;
        dst_info.is_dir = st.is_dir();
    }
    let mut opts = CopyToContainerOptions {
        copy_uid_gid: c.archive,
        ..CopyToContainerOptions::default()
    };
    let mut copied = 0u64;
    let result = if src == "-" {
        if !dst_info.is_dir {
            return Err(fail(format!(
                "destination \"{}:{}\" must be a directory",
                c.container, c.dst
            )));
        }
        opts.path = dst_info.path.clone();
        // The raw tar on stdin, as it comes (docker does not count it: its line says 0B).
        client.copy_to_container(c.container, &opts, &mut |w| {
            io::copy(&mut io::stdin().lock(), w).map(|_| ())
        })
    } else {
        let src_info = copy_info_source_path(&src, c.follow_link).map_err(fail)?;
        std::fs::symlink_metadata(&src_info.path)
            .map_err(|e| fail(crate::golang::os::path_error("lstat", &src_info.path, &e)))?;
        let (src_dir, src_base) = split_path_dir_entry(&src_info.path);
        let prepared = prepare_archive_copy(&src_info, &dst_info).map_err(fail)?;
        opts.path = prepared.dst_dir.clone();
        let rebases: Vec<(String, String)> = prepared.rebase.into_iter().collect();
        client.copy_to_container(c.container, &opts, &mut |w| {
            let mut counted = Counted { inner: w, n: 0 };
            let r = tar::write_resource(
                &mut counted,
                &src_dir,
                &src_base,
                &src_info.rebase_name,
                &rebases,
            );
            copied = counted.n;
            r
        })
    };
    if !c.quiet {
        ctx.out.err_line(format_args!(
            "Successfully copied {} to {}:{}",
            size_text(copied),
            c.container,
            dst_info.path
        ));
    }
    Ok(result?)
}
