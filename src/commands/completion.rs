//! `dkr completion bash|zsh|fish|powershell`, and everything else generated from the clap tree:
//! completion scripts (clap_complete plus a small per-shell shim that asks `dkr __complete`
//! for live container and image names), man pages (clap_mangen), and the hidden
//! `dkr __generate-docs DIR` that writes both into the source tree (`completions/`, `man/`).
//!
//! The committed files must equal what this module produces; `tests/it/completions.rs` checks it.

use std::path::{Path, PathBuf};

use clap_complete::Shell;

use super::Context;

/// The one command that rewrites every generated file; named by the freshness test.
pub const REFRESH_COMMAND: &str = "cargo run -q -- __generate-docs .";

// Flags of `dkr completion`. The shells are subcommands, as in docker (cobra's `completion`).
#[derive(clap::Args, Debug)]
#[command(
    disable_help_subcommand = true,
    override_usage = "dkr completion COMMAND"
)]
pub struct CompletionArgs {
    #[command(subcommand)]
    pub shell: Option<CompletionShell>,
}

// `dkr completion SHELL`.
#[derive(clap::Subcommand, Debug)]
#[command(defer = true)]
pub enum CompletionShell {
    /// Generate the autocompletion script for bash
    #[command(long_about = BASH_HELP)]
    Bash(ShellArgs),
    /// Generate the autocompletion script for fish
    #[command(long_about = FISH_HELP)]
    Fish(ShellArgs),
    /// Generate the autocompletion script for powershell
    #[command(long_about = POWERSHELL_HELP)]
    Powershell(ShellArgs),
    /// Generate the autocompletion script for zsh
    #[command(long_about = ZSH_HELP)]
    Zsh(ShellArgs),
}

// Flags of `dkr completion SHELL`.
#[derive(clap::Args, Debug)]
pub struct ShellArgs {
    /// disable completion descriptions
    #[arg(long)]
    pub no_descriptions: bool,
}

const BASH_HELP: &str = "Generate the autocompletion script for the bash shell.

To load completions in your current shell session:

\tsource <(dkr completion bash)

To load completions for every new session, execute once:

\tdkr completion bash > /usr/share/bash-completion/completions/dkr

(loaded on demand by the 'bash-completion' package; without it, source the file from ~/.bashrc).

You will need to start a new shell for this setup to take effect.";

const ZSH_HELP: &str = "Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

\techo \"autoload -U compinit; compinit\" >> ~/.zshrc

To load completions in your current shell session:

\tsource <(dkr completion zsh)

To load completions for every new session, execute once:

\tdkr completion zsh > \"${fpath[1]}/_dkr\"

You will need to start a new shell for this setup to take effect.";

const FISH_HELP: &str = "Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

\tdkr completion fish | source

To load completions for every new session, execute once:

\tdkr completion fish > ~/.config/fish/completions/dkr.fish

You will need to start a new shell for this setup to take effect.";

const POWERSHELL_HELP: &str = "Generate the autocompletion script for powershell.

To load completions in your current shell session:

\tdkr completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.";

pub fn run(ctx: &Context, args: CompletionArgs) -> anyhow::Result<i32> {
    let (shell, flags) = match args.shell {
        Some(CompletionShell::Bash(f)) => (Shell::Bash, f),
        Some(CompletionShell::Zsh(f)) => (Shell::Zsh, f),
        Some(CompletionShell::Fish(f)) => (Shell::Fish, f),
        Some(CompletionShell::Powershell(f)) => (Shell::PowerShell, f),
        None => {
            // `docker completion` alone prints its help on stdout and succeeds.
            let mut root = crate::cli::command();
            if let Some(cmd) = root.find_subcommand_mut("completion") {
                ctx.out.print(cmd.render_long_help())?;
            }
            return Ok(crate::exit::OK);
        }
    };
    let script = completion_script(shell, !flags.no_descriptions);
    ctx.out.write_all(&script)?;
    Ok(crate::exit::OK)
}

/// The completion script `dkr completion SHELL` prints: clap_complete's output for the public
/// command tree, followed by the live-value shim for that shell.
pub fn completion_script(shell: Shell, descriptions: bool) -> Vec<u8> {
    let mut cmd = public_command();
    if !descriptions {
        cmd = strip_descriptions(cmd);
    }
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut buf);
    let generated = String::from_utf8(buf).expect("clap_complete writes UTF-8");
    let script = match shell {
        Shell::Bash => format!("{generated}{BASH_SHIM}"),
        Shell::Zsh => zsh_with_shim(&generated),
        Shell::Fish => format!("{generated}{FISH_SHIM}"),
        _ => generated,
    };
    script.into_bytes()
}

const BIN: &str = "dkr";

/// `cli::command()` without its hidden subcommands (`__complete`, `__generate-docs`).
/// clap's own `--help` and `help` of the built tree are left out too: clap_complete adds them
/// again when it builds the new root.
/// clap_complete lists hidden subcommands like any other, and clap cannot remove a
/// subcommand, so the root is rebuilt from its parts; the subcommands are cloned whole.
/// `public_tree_matches_cli` checks that nothing the generators read is lost.
pub fn public_command() -> clap::Command {
    // Without clap's `string` feature names are `&'static str`; this runs once per process.
    fn leak(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }
    let full = crate::cli::command();
    let mut root = clap::Command::new(leak(full.get_name()))
        .disable_version_flag(full.is_disable_version_flag_set())
        .disable_help_flag(full.is_disable_help_flag_set())
        .disable_help_subcommand(full.is_disable_help_subcommand_set())
        .subcommand_required(full.is_subcommand_required_set())
        .arg_required_else_help(full.is_arg_required_else_help_set())
        .args_conflicts_with_subcommands(full.is_args_conflicts_with_subcommands_set())
        .help_template(crate::cli::HELP_TEMPLATE)
        .args(
            full.get_arguments()
                .filter(|a| a.get_id() != "help")
                .cloned(),
        )
        .groups(full.get_groups().cloned())
        .subcommands(
            full.get_subcommands()
                .filter(|s| !s.is_hide_set() && s.get_name() != "help")
                .cloned(),
        );
    let text = |s: Option<&clap::builder::StyledStr>| s.cloned();
    if let Some(s) = text(full.get_about()) {
        root = root.about(s);
    }
    if let Some(s) = text(full.get_long_about()) {
        root = root.long_about(s);
    }
    if let Some(s) = text(full.get_before_help()) {
        root = root.before_help(s);
    }
    if let Some(s) = text(full.get_before_long_help()) {
        root = root.before_long_help(s);
    }
    if let Some(s) = text(full.get_after_help()) {
        root = root.after_help(s);
    }
    if let Some(s) = text(full.get_after_long_help()) {
        root = root.after_long_help(s);
    }
    if let Some(s) = full.get_overridden_usage() {
        root = root.override_usage(s.clone());
    }
    if let Some(s) = full.get_version() {
        root = root.version(leak(s));
    }
    if let Some(s) = full.get_long_version() {
        root = root.long_version(leak(s));
    }
    if let Some(s) = full.get_author() {
        root = root.author(leak(s));
    }
    if let Some(s) = full.get_subcommand_value_name() {
        root = root.subcommand_value_name(leak(s));
    }
    if let Some(s) = full.get_subcommand_help_heading() {
        root = root.subcommand_help_heading(leak(s));
    }
    root
}

/// The tree without any help text, for `--no-descriptions`.
fn strip_descriptions(cmd: clap::Command) -> clap::Command {
    cmd.about(None)
        .long_about(None)
        .mut_args(|a| a.help(None).long_help(None))
        .mut_subcommands(strip_descriptions)
}

/// clap's zsh script with its `_dkr` renamed to `_dkr_static`, our wrapper as `_dkr`, and the
/// autoload/compdef trailer moved after the wrapper so that both ways of loading (autoloaded
/// from `$fpath`, or `source`d) end up calling the wrapper.
fn zsh_with_shim(generated: &str) -> String {
    const DEF: &str = "\n_dkr() {\n";
    const TRAILER: &str = "if [ \"$funcstack[1]\" = \"_dkr\" ]; then";
    let def = generated
        .find(DEF)
        .expect("clap_complete's zsh script defines _dkr()");
    let trailer = generated
        .rfind(TRAILER)
        .expect("clap_complete's zsh script ends with the funcstack/compdef block");
    let mut out = String::with_capacity(generated.len() + ZSH_SHIM.len());
    out.push_str(&generated[..def]);
    out.push_str("\n_dkr_static() {\n");
    out.push_str(&generated[def + DEF.len()..trailer]);
    out.push_str(ZSH_SHIM);
    out.push_str(&generated[trailer..]);
    out
}

/// Bash: a wrapper that asks `dkr __complete bash` first. It answers (status 0) only where a
/// live value belongs — then its lines are the candidates, possibly none, and file names are
/// switched off — and fails everywhere else, where clap's `_dkr` takes over. The line is sent
/// whole, so `busybox:la` is not cut at bash's `:` word break; the answer is already trimmed
/// to what bash replaces.
const BASH_SHIM: &str = r#"
# Live values (container and image names) from the engine: `dkr __complete` answers within
# 200 ms, or with nothing, and only where such a value belongs; elsewhere _dkr (above) does.
_dkr_live() {
    local line=${COMP_LINE-} point=${COMP_POINT-}
    if [[ -z $line ]]; then
        line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
        point=${#line}
    fi
    local prog=${COMP_WORDS[0]} out
    [[ $prog == "~/"* ]] && prog=$HOME/${prog:2}
    if out=$("$prog" __complete bash -- "${COMP_WORDBREAKS-}" "${line:0:point}" 2>/dev/null); then
        COMPREPLY=()
        [[ -n $out ]] && mapfile -t COMPREPLY <<<"$out"
        compopt +o default +o bashdefault 2>/dev/null
        return 0
    fi
    _dkr "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _dkr_live -o nosort -o bashdefault -o default dkr
else
    complete -F _dkr_live -o bashdefault -o default dkr
fi
"#;

/// Zsh: `_dkr` asks `dkr __complete zsh` with the words up to the cursor; where it answers,
/// its lines are the matches; elsewhere clap's function (renamed `_dkr_static`) runs.
const ZSH_SHIM: &str = r#"# Live values (container and image names) from the engine: `dkr __complete` answers within
# 200 ms, or with nothing, and only where such a value belongs; elsewhere _dkr_static does.
_dkr() {
    local out
    local -a live
    if out=$(command ${(Q)words[1]} __complete zsh -- "${(@Q)words[1,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null); then
        live=("${(@f)out}")
        live=("${(@)live:#}")
        (( ${#live} )) && compadd -a live
        return
    fi
    _dkr_static "$@"
}

"#;

/// Fish: one more `complete` rule whose condition asks `dkr __complete fish`; where it
/// answers, its lines are the candidates and file names are off.
const FISH_SHIM: &str = r#"
# Live values (container and image names) from the engine: `dkr __complete` answers within
# 200 ms, or with nothing, and only where such a value belongs.
function __dkr_live_check
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -g __dkr_live_values
    set -l out (command $words[1] __complete fish -- $words "$current" 2>/dev/null)
    or return 1
    set -g __dkr_live_values $out
end
complete -c dkr -f -n __dkr_live_check -a '$__dkr_live_values'
"#;

/// Man pages: `dkr.1` and one page per visible subcommand, nested ones named like
/// `dkr-container-ls.1` (what `clap_mangen::generate_to` writes, kept in memory here).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out);
        }
        // No version or date in the pages: they would go stale with every release.
        let man = clap_mangen::Man::new(cmd).source("dkr");
        let mut buf = Vec::new();
        man.render(&mut buf)
            .expect("rendering to memory cannot fail");
        out.push((man.get_filename(), buf));
    }
    let root = crate::cli::command_without_help();
    let mut out = Vec::new();
    walk(root, &mut out);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The completion scripts as committed under `completions/`.
pub fn completion_files() -> Vec<(String, Vec<u8>)> {
    vec![
        ("dkr.bash".to_string(), completion_script(Shell::Bash, true)),
        ("_dkr".to_string(), completion_script(Shell::Zsh, true)),
        ("dkr.fish".to_string(), completion_script(Shell::Fish, true)),
        (
            "dkr.ps1".to_string(),
            completion_script(Shell::PowerShell, true),
        ),
    ]
}

/// Every generated file, as a path relative to the repository root and its contents.
pub fn generated_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = completion_files()
        .into_iter()
        .map(|(name, bytes)| (Path::new("completions").join(name), bytes))
        .collect();
    files.extend(
        man_pages()
            .into_iter()
            .map(|(name, bytes)| (Path::new("man").join(name), bytes)),
    );
    files
}

/// The directories that hold only generated files (stale files in them are errors).
pub const GENERATED_DIRS: [&str; 2] = ["completions", "man"];

// Arguments of the hidden `dkr __generate-docs DIR`.
#[derive(clap::Args, Debug)]
pub struct GenerateDocsArgs {
    /// The repository root to write `completions/` and `man/` under
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// Write every generated file under `args.dir`, and remove files in the generated
/// directories that are no longer generated (a removed command's man page).
pub fn generate_docs(ctx: &Context, args: GenerateDocsArgs) -> anyhow::Result<i32> {
    use anyhow::Context as _;
    let files = generated_files();
    for dir in GENERATED_DIRS {
        let dir = args.dir.join(dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            let rel = path.strip_prefix(&args.dir).unwrap_or(&path);
            if path.is_file() && !files.iter().any(|(p, _)| p == rel) {
                std::fs::remove_file(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
                ctx.out.err_line(format_args!("removed {}", path.display()));
            }
        }
    }
    for (rel, bytes) in &files {
        let path = args.dir.join(rel);
        if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            ctx.out.err_line(format_args!("wrote {}", path.display()));
        }
    }
    Ok(crate::exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rebuilt root must keep everything the generators read from `cli::command()`.
    #[test]
    fn public_tree_matches_cli() {
        let mut full = crate::cli::command();
        let mut public = public_command();
        public.build();
        assert_eq!(public.get_about(), full.get_about());
        assert_eq!(public.get_long_about(), full.get_long_about());
        assert_eq!(
            public.render_usage().to_string(),
            full.render_usage().to_string()
        );
        assert_eq!(
            public.render_long_help().to_string(),
            full.render_long_help().to_string()
        );
        let ids = |c: &clap::Command| {
            c.get_arguments()
                .map(|a| a.get_id().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&public), ids(&full));
        let visible = |c: &clap::Command| {
            c.get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(|s| s.get_name().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(visible(&public), visible(&full));
        assert!(public.get_subcommands().all(|s| !s.is_hide_set()));
        assert!(full.get_subcommands().any(|s| s.get_name() == "__complete"));
    }

    #[test]
    fn scripts_have_no_hidden_commands() {
        for (name, bytes) in completion_files() {
            let text = String::from_utf8(bytes).unwrap();
            assert!(!text.contains("__generate-docs"), "{name}");
        }
    }

    #[test]
    fn zsh_wrapper_replaces_the_entry_point() {
        let text = String::from_utf8(completion_script(Shell::Zsh, true)).unwrap();
        assert!(text.starts_with("#compdef dkr\n"));
        assert_eq!(text.matches("\n_dkr() {\n").count(), 1);
        assert_eq!(text.matches("\n_dkr_static() {\n").count(), 1);
        let wrapper = text.find("\n_dkr() {\n").unwrap();
        let trailer = text.find("if [ \"$funcstack[1]\" = \"_dkr\" ]").unwrap();
        assert!(wrapper < trailer);
    }

    #[test]
    fn no_descriptions_drops_help_text() {
        let with = String::from_utf8(completion_script(Shell::Fish, true)).unwrap();
        let without = String::from_utf8(completion_script(Shell::Fish, false)).unwrap();
        assert!(with.contains("List containers"));
        assert!(!without.contains("List containers"));
    }

    #[test]
    fn man_pages_cover_every_visible_command() {
        let names: Vec<String> = man_pages().into_iter().map(|(n, _)| n).collect();
        for expected in [
            "dkr.1",
            "dkr-run.1",
            "dkr-ps.1",
            "dkr-stop.1",
            "dkr-logs.1",
            "dkr-images.1",
            "dkr-pull.1",
            "dkr-commit.1",
            "dkr-container-ls.1",
            "dkr-image-pull.1",
            "dkr-completion-bash.1",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} in {names:?}"
            );
        }
        assert!(!names.iter().any(|n| n.contains("__")), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("help")), "{names:?}");
    }
}
