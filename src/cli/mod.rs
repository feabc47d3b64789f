//! The clap tree and docker-compatible argument errors.
//!
//! Everything about argv lives here: the global options, the subcommand enum (each command's
//! flags are declared in its own file under `commands/`), translation of clap's errors into
//! pflag's wording and exit codes, and docker's positional-argument-count messages.

use crate::golang::strconv::{self, go_quote};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;

use crate::commands;
use crate::exit::{self, StatusError};
use crate::output::Streams;

pub mod argv;
pub mod flag_support;
pub mod help;
pub use argv::{usage_line, Invocation};

// Options that come before the subcommand, as in `docker [OPTIONS] COMMAND`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct GlobalOpts {
    /// Location of client config files
    #[arg(long, value_name = "string")]
    pub config: Option<String>,
    /// Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and
    /// default context set with "docker context use")
    #[arg(short = 'c', long, value_name = "string")]
    pub context: Option<String>,
    /// Enable debug mode
    #[arg(short = 'D', long, num_args = 0..=1)]
    pub debug: bool,
    /// Daemon socket to connect to
    #[arg(short = 'H', long = "host", value_name = "list", action = clap::ArgAction::Append)]
    pub host: Vec<String>,
    /// Set the logging level ("debug", "info", "warn", "error", "fatal")
    #[arg(
        short = 'l',
        long = "log-level",
        value_name = "string",
        default_value = "info"
    )]
    pub log_level: String,
    /// Use TLS; implied by --tlsverify
    #[arg(long, num_args = 0..=1)]
    pub tls: bool,
    /// Trust certs signed only by this CA
    #[arg(long, value_name = "string")]
    pub tlscacert: Option<String>,
    /// Path to TLS certificate file
    #[arg(long, value_name = "string")]
    pub tlscert: Option<String>,
    /// Path to TLS key file
    #[arg(long, value_name = "string")]
    pub tlskey: Option<String>,
    /// Use TLS and verify the remote
    #[arg(long, num_args = 0..=1)]
    pub tlsverify: bool,
}

#[derive(Parser, Debug)]
#[command(
    name = "dkr",
    about = "A fast, docker-compatible command-line client",
    override_usage = "dkr [OPTIONS] COMMAND [ARG...]",
    disable_version_flag = true,
    subcommand_required = false,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub globals: GlobalOpts,
    /// Print version information and quit
    #[arg(short = 'v', long = "version")]
    pub version: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

// The subcommands. Dispatch is one exhaustive `match` in `commands::dispatch`.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum Command {
    /// Create and run a new container from an image
    Run(Box<commands::run::RunArgs>),
    /// List containers
    Ps(commands::ps::PsArgs),
    /// Stop one or more running containers
    Stop(commands::stop::StopArgs),
    /// Fetch the logs of a container
    Logs(commands::logs::LogsArgs),
    /// List images
    Images(commands::images::ImagesArgs),
    /// Download an image from a registry
    Pull(commands::pull::PullArgs),
    /// Create a new image from a container's changes
    Commit(commands::commit::CommitArgs),
    /// Remove one or more containers
    Rm(commands::rm::RmArgs),
    /// Remove one or more images
    Rmi(commands::rmi::RmiArgs),
    /// Return low-level information on Docker objects
    Inspect(commands::inspect::InspectArgs),
    /// Execute a command in a running container
    Exec(commands::exec::ExecArgs),
    /// Kill one or more running containers
    Kill(commands::kill::KillArgs),
    /// Start one or more stopped containers
    Start(commands::start::StartArgs),
    /// Block until one or more containers stop, then print their exit codes
    Wait(commands::wait::WaitArgs),
    /// Restart one or more containers
    Restart(commands::restart::RestartArgs),
    /// Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
    Tag(commands::tag::TagArgs),
    /// Upload an image to a registry
    Push(commands::push::PushArgs),
    /// Create a new container
    Create(Box<commands::create::CreateArgs>),
    /// List port mappings or a specific mapping for the container
    Port(commands::port::PortArgs),
    /// Copy files/folders between a container and the local filesystem
    #[command(long_about = commands::cp::LONG_ABOUT)]
    Cp(commands::cp::CpArgs),
    /// Authenticate to a registry
    #[command(
        long_about = "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified."
    )]
    Login(commands::login::LoginArgs),
    /// Log out from a registry
    #[command(
        long_about = "Log out from a registry.\nIf no server is specified, the default is defined by the daemon."
    )]
    Logout(commands::logout::LogoutArgs),
    /// Show the Docker version information
    Version(commands::version::VersionArgs),
    /// Manage containers
    #[command(subcommand)]
    Container(ContainerCommand),
    /// Manage images
    #[command(subcommand)]
    Image(ImageCommand),
    /// Manage contexts
    #[command(subcommand)]
    Context(commands::context::ContextCommand),
    /// Manage Docker
    #[command(subcommand)]
    System(commands::system::SystemCommand),
    /// Generate the autocompletion script for the specified shell
    Completion(commands::completion::CompletionArgs),
    /// Live values for the completion scripts (see commands::complete)
    #[command(name = "__complete", hide = true)]
    Complete(commands::complete::CompleteArgs),
    /// Write the generated completion scripts and man pages under DIR
    #[command(name = "__generate-docs", hide = true)]
    GenerateDocs(commands::completion::GenerateDocsArgs),
}

// `dkr container …`, the management-command spellings of the container verbs.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum ContainerCommand {
    /// Create and run a new container from an image
    Run(Box<commands::run::RunArgs>),
    /// List containers
    #[command(name = "ls", visible_aliases = ["ps", "list"])]
    Ls(commands::ps::PsArgs),
    /// Stop one or more running containers
    Stop(commands::stop::StopArgs),
    /// Fetch the logs of a container
    Logs(commands::logs::LogsArgs),
    /// Create a new image from a container's changes
    Commit(commands::commit::CommitArgs),

    /// Remove one or more containers
    #[command(name = "rm", visible_aliases = ["remove"])]
    Rm(commands::rm::RmArgs),
    /// Display detailed information on one or more containers
    Inspect(commands::inspect::ContainerInspectArgs),
    /// Execute a command in a running container
    Exec(commands::exec::ExecArgs),
    /// Kill one or more running containers
    Kill(commands::kill::KillArgs),
    /// Start one or more stopped containers
    Start(commands::start::StartArgs),
    /// Block until one or more containers stop, then print their exit codes
    Wait(commands::wait::WaitArgs),
    /// Restart one or more containers
    Restart(commands::restart::RestartArgs),
    /// Create a new container
    Create(Box<commands::create::CreateArgs>),
    /// List port mappings or a specific mapping for the container
    Port(commands::port::PortArgs),
    /// Copy files/folders between a container and the local filesystem
    #[command(long_about = commands::cp::LONG_ABOUT)]
    Cp(commands::cp::CpArgs),
}

// `dkr image …`, the management-command spellings of the image verbs.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum ImageCommand {
    /// List images
    #[command(name = "ls", visible_aliases = ["list"])]
    Ls(commands::images::ImagesArgs),
    /// Download an image from a registry
    Pull(commands::pull::PullArgs),

    /// Remove one or more images
    #[command(name = "rm", visible_aliases = ["remove"], aliases = ["rmi"])]
    Rm(commands::rmi::RmiArgs),
    /// Display detailed information on one or more images
    Inspect(commands::inspect::ImageInspectArgs),
    /// Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
    Tag(commands::tag::TagArgs),
    /// Upload an image to a registry
    Push(commands::push::PushArgs),
}

/// The parsed command line.
#[derive(Debug)]
pub struct Parsed {
    pub globals: GlobalOpts,
    pub command: Command,
    pub invocation: Invocation,
}

/// The whole clap command tree (for help, usage errors, completions and man pages), built
/// and shaped as docker's: cobra's help layout, usage lines naming the command path, pflag
/// booleans.
///
/// The subcommand enums are `#[command(defer)]`: `Cli::command()` alone makes each command a
/// stub (name, aliases, description) whose flags are added when clap builds it. This builds
/// them all; [`parse`] builds only the command that was typed (see [`command_for`]).
pub fn command() -> clap::Command {
    materialise(Cli::command(), "dkr")
}

/// [`command`] without clap's `help` subcommands, for the man pages.
pub fn command_without_help() -> clap::Command {
    materialise(Cli::command().disable_help_subcommand(true), "dkr")
}

/// `cmd` (spelled `name` on the command line) built, with its subcommands, and shaped.
fn materialise(cmd: clap::Command, name: &str) -> clap::Command {
    // cobra has a `help` command at the top only (`docker container help` is an unknown
    // command); clap would add one to every command group. The setting is clap's global kind:
    // it reaches a group's commands when they are built.
    let mut cmd = if name == "dkr" {
        cmd.mut_subcommands(|sub| sub.disable_help_subcommand(true))
    } else {
        cmd.disable_help_subcommand(true)
    };
    cmd.build();
    docker_shape(cmd, name)
}

/// The tree for parsing `words` (argv without the program name): stubs everywhere but along
/// the command path typed, which is built and shaped as in [`command`]. A command's flags
/// are most of the tree's memory and start-up work (`run`'s alone, four spellings of it, are
/// hundreds of clap `Arg`s), and one command line needs one command's.
fn command_for(words: &[String]) -> clap::Command {
    // The root's own flags are there from the start (shaped: pflag booleans); its
    // subcommands are stubs.
    let mut root = docker_shape(Cli::command(), "dkr");
    // The path grows as the commands on it are built: a stub has no subcommands or flags, so
    // the walk stops there.
    let mut built = 0;
    loop {
        let path = argv::walk(&root, words).path();
        if path.len() <= built {
            return root;
        }
        build_last(&mut root, &path[..=built], "dkr");
        built += 1;
    }
}

/// Build and shape the last command of `path` under `cmd` (spelled `name`).
fn build_last(cmd: &mut clap::Command, path: &[String], name: &str) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let name = format!("{name} {first}");
    if let Some(sub) = cmd.find_subcommand_mut(first) {
        if rest.is_empty() {
            *sub = materialise(std::mem::take(sub), &name);
        } else {
            build_last(sub, rest, &name);
        }
    }
}

/// docker's help layout: `Usage:  dkr ps [OPTIONS]`, the description, then the flags.
pub const HELP_TEMPLATE: &str = "Usage:  {usage}\n\n{about-with-newline}\n{all-args}{after-help}";

/// Apply docker's shape to `cmd` (spelled `name` on the command line) and its subcommands.
///
/// A command's `override_usage` is declared without the command path (`[OPTIONS] CONTAINER`)
/// and prefixed here, so `dkr container stop` and `dkr stop` each name their own spelling.
fn docker_shape(cmd: clap::Command, name: &str) -> clap::Command {
    let cmd = match cmd.get_overridden_usage() {
        Some(tail) if !tail.to_string().starts_with("dkr") => {
            let usage = format!("{name} {tail}");
            cmd.override_usage(usage)
        }
        _ => cmd,
    };
    cmd.help_template(HELP_TEMPLATE)
        .mut_args(go_bool_flag)
        .mut_subcommands(|sub| {
            let name = format!("{name} {}", sub.get_name());
            docker_shape(sub, &name)
        })
}

/// pflag's booleans take a value only after `=` (`--all`, `--all=false`, `-a=0`). A `bool`
/// flag declared with `num_args = 0..=1` gets the rest of that shape here, once: the value
/// must be attached, a bare flag means true, the value is parsed as Go's `strconv.ParseBool`,
/// and the default is false unless the field says otherwise. `Option<bool>` flags (set or
/// not, as `ps --size`) get the same parsing and no default.
fn go_bool_flag(arg: clap::Arg) -> clap::Arg {
    let optional_value = arg
        .get_num_args()
        .is_some_and(|n| n.min_values() == 0 && n.max_values() == 1);
    let bool_parser = arg.get_value_parser().type_id() == clap::value_parser!(bool).type_id();
    let switch = matches!(arg.get_action(), clap::ArgAction::SetTrue);
    let tri_state = matches!(arg.get_action(), clap::ArgAction::Set) && bool_parser;
    if !optional_value || !(switch || tri_state) {
        return arg;
    }
    let arg = arg
        .require_equals(true)
        .default_missing_value("true")
        .value_parser(go_bool);
    if switch && arg.get_default_values().is_empty() {
        arg.default_value("false")
    } else {
        arg
    }
}

/// Parse `argv` (program name first) into one command's flags, shaped as in the tree (pflag
/// booleans): for tests of a command's flags on their own.
pub fn parse_args<A: clap::Args + FromArgMatches>(argv: &[&str]) -> Result<A, clap::Error> {
    let cmd = A::augment_args(clap::Command::new("dkr")).mut_args(go_bool_flag);
    A::from_arg_matches(&cmd.try_get_matches_from(argv)?)
}

/// The command `args` (without the program name) parses to through the whole tree, as
/// `dkr` would run it: for tests of flags that only the full tree shapes. Panics otherwise.
#[cfg(test)]
pub fn parse_command(args: &[&str]) -> Command {
    let argv = std::iter::once("dkr")
        .chain(args.iter().copied())
        .map(Into::into)
        .collect();
    match parse(argv) {
        Ok(parsed) => parsed.command,
        Err(code) => panic!("{args:?} did not parse (exit {code})"),
    }
}

/// Parse argv. `Err(code)` means the outcome (help, version or a usage error) was already
/// printed and the process should exit with `code`.
pub fn parse(args: Vec<OsString>) -> Result<Parsed, i32> {
    let words = words_of(&args);
    match parse_typed(&args, &words) {
        Some(parsed) => {
            check_log_level(&parsed.globals.log_level)?;
            Ok(parsed)
        }
        None => parse_whole(args, words),
    }
}

/// A command line that runs a command, parsed with only that command built
/// ([`command_for`]). `None` for anything else (help, `-v`, a usage error): the whole tree
/// parses it again and prints what it must, so this path prints nothing.
fn parse_typed(args: &[OsString], words: &[String]) -> Option<Parsed> {
    // `dkr help …` and the help flags (whose values switch_values reads aloud) need the
    // whole tree.
    if words.iter().any(|w| w == "help") {
        return None;
    }
    let cmd = command_for(words);
    let asks_help = argv::walk(&cmd, words).words.iter().any(|w| {
        matches!(&w.kind, argv::Kind::Flag { arg: Some(a), .. }
            if matches!(a.get_action(), clap::ArgAction::Help))
    });
    if asks_help {
        return None;
    }
    parse_quietly(cmd, args, words)
}

/// `args` parsed with `cmd` into a command to run, printing nothing: `None` where the parse
/// fails or names no command (or `-v`). (Help flags with a value are for the caller to keep
/// away: `switch_values` prints their notice.)
fn parse_quietly(mut cmd: clap::Command, args: &[OsString], words: &[String]) -> Option<Parsed> {
    let args = switch_values(&cmd, args.to_vec(), words).ok()?;
    let matches = cmd.try_get_matches_from_mut(args).ok()?;
    let cli = Cli::from_arg_matches(&matches).ok()?;
    if cli.version {
        return None;
    }
    Some(Parsed {
        globals: cli.globals,
        command: cli.command?,
        invocation: argv::invocation(&cmd, words, &matches),
    })
}

/// [`parse`] with the whole tree: help, version and every usage error.
fn parse_whole(args: Vec<OsString>, words: Vec<String>) -> Result<Parsed, i32> {
    parse_with(command(), args, words)
}

/// [`parse_whole`] with the tree given.
fn parse_with(
    mut cmd: clap::Command,
    args: Vec<OsString>,
    words: Vec<String>,
) -> Result<Parsed, i32> {
    // cobra's `help` command, as docker sets it up.
    if words.iter().any(|w| w == "help")
        && argv::walk(&cmd, &words).path().first() == Some(&"help".to_string())
    {
        return Err(help::help_command(&cmd, &words));
    }
    let args = match switch_values(&cmd, args, &words) {
        Ok(args) => args,
        Err((path, message)) => {
            let sub = find_cmd(&cmd, &path);
            print_flag_error(sub, &path, &message);
            return Err(exit::USAGE);
        }
    };
    let matches = match cmd.try_get_matches_from_mut(args.clone()) {
        Ok(m) => m,
        Err(err) => return Err(report_clap_error(&cmd, &args, err)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(err) => return Err(report_clap_error(&cmd, &args, err)),
    };
    if cli.version {
        let _ = Streams.line(format_args!(
            "dkr version {}, build {}",
            env!("CARGO_PKG_VERSION"),
            build_id()
        ));
        return Err(exit::OK);
    }
    if cli.command.is_some() {
        check_log_level(&cli.globals.log_level)?;
    }
    match cli.command {
        Some(command) => Ok(Parsed {
            globals: cli.globals,
            command,
            invocation: argv::invocation(&cmd, &words, &matches),
        }),
        None => {
            // `dkr` with global options only: docker shows its help on stderr.
            Streams.err(help::text(&cmd, &[], &words));
            Err(exit::OK)
        }
    }
}

fn build_id() -> &'static str {
    env!("DKR_GIT_COMMIT")
}

/// docker's `setLogLevel`: a level logrus does not know ends the run before the command, with
/// exit code 1 (dkr logs nothing itself, so a valid level changes nothing).
fn check_log_level(level: &str) -> Result<(), i32> {
    const LEVELS: [&str; 8] = [
        "panic", "fatal", "error", "warn", "warning", "info", "debug", "trace",
    ];
    if level.is_empty() || LEVELS.contains(&level.to_lowercase().as_str()) {
        return Ok(());
    }
    crate::output::Streams.err_line(format_args!("Unable to parse logging level: {level}"));
    Err(exit::FAILURE)
}

/// argv without the program name, as text.
fn words_of(args: &[OsString]) -> Vec<String> {
    args.iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The subcommand path the user typed (`["ps"]`, `["image", "ls"]`), to name the command in
/// usage errors.
fn subcommand_path(cmd: &clap::Command, args: &[OsString]) -> Vec<String> {
    argv::walk(cmd, &words_of(args)).path()
}

/// The global options typed before the command (`-H`, `--context`, TLS), for the ping that
/// `--help` makes; what clap cannot read is left at its default.
fn typed_globals(root: &clap::Command, words: &[String]) -> GlobalOpts {
    let end = argv::walk(root, words)
        .starts
        .first()
        .copied()
        .unwrap_or(words.len());
    let cmd = clap::Command::new("dkr")
        .disable_help_flag(true)
        .ignore_errors(true);
    let cmd = <GlobalOpts as clap::Args>::augment_args(cmd).mut_args(go_bool_flag);
    let argv = std::iter::once("dkr").chain(words[..end].iter().map(String::as_str));
    cmd.try_get_matches_from(argv)
        .ok()
        .and_then(|m| GlobalOpts::from_arg_matches(&m).ok())
        .unwrap_or_default()
}

fn find_cmd<'a>(cmd: &'a clap::Command, path: &[String]) -> &'a clap::Command {
    let mut current = cmd;
    for name in path {
        match current.find_subcommand(name) {
            Some(sub) => current = sub,
            None => break,
        }
    }
    current
}

/// Print a clap error in pflag's words and return the exit code.
fn report_clap_error(root: &clap::Command, args: &[OsString], err: clap::Error) -> i32 {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let words = words_of(args);
            let path = argv::walk(root, &words).path();
            // pflag's notice, once per `-h`: on stderr for the top-level flags (docker parses
            // those on their own first), on stdout before the help for a command's.
            let (before, after) = argv::help_shorthands(root, &words);
            for _ in 0..before {
                Streams.err_line(help::SHORTHAND_DEPRECATED);
            }
            let text = help::text(root, &path, &words);
            // `dkr` and `dkr container` alone: docker shows the help on stderr.
            if err.kind() == ErrorKind::DisplayHelp {
                for _ in 0..after {
                    let _ = Streams.line(help::SHORTHAND_DEPRECATED);
                }
                let _ = Streams.print(text);
            } else {
                Streams.err(text);
            }
            return exit::OK;
        }
        ErrorKind::DisplayVersion => {
            let _ = err.print();
            return exit::OK;
        }
        _ => {}
    }
    let path = subcommand_path(root, args);
    let cmd = find_cmd(root, &path);
    let cmd_name = if path.is_empty() {
        "dkr".to_string()
    } else {
        format!("dkr {}", path.join(" "))
    };
    if err.kind() == ErrorKind::InvalidSubcommand {
        if let Some(code) = help_beside_unknown_command(root, &path, &words_of(args)) {
            return code;
        }
        let name = context_str(&err, ContextKind::InvalidSubcommand).unwrap_or_default();
        // A command group (docker's `cli.NoArgs`) names itself with its usage line.
        let usage = if path.is_empty() {
            String::new()
        } else {
            format!("\n\nUsage:  {cmd_name}")
        };
        Streams.err_line(format_args!("dkr: unknown command: {cmd_name} {name}{usage}\n\nRun '{cmd_name} --help' for more information"));
        return exit::FAILURE;
    }
    let message = pflag_message(cmd, args, &err);
    if err.kind() == ErrorKind::UnknownArgument && group_flag_before_command(root, args) {
        // cobra's `Traverse` parsed the group's flags on its way to the subcommand: its error
        // comes back plain (no usage), exit 1.
        Streams.err_line(&message);
        return exit::FAILURE;
    }
    print_flag_error(cmd, &path, &message);
    exit::USAGE
}

/// Whether argv stops at an unknown flag of a command group (`dkr container -ah ls`) that
/// cobra's `Traverse` reads as a flag of its own, followed by a subcommand of that group. A
/// bare `--bogus` or `-x` takes the next word as its value (cobra cannot know better), so
/// `dkr container --bogus ls` is the group's usage error instead.
fn group_flag_before_command(root: &clap::Command, args: &[OsString]) -> bool {
    let words = words_of(args);
    let walked = argv::walk(root, &words);
    let group = walked.leaf();
    let Some(last) = walked.words.last() else {
        return false;
    };
    if walked.commands.len() < 2
        || !group.has_subcommands()
        || !matches!(last.kind, argv::Kind::Flag { arg: None, .. })
    {
        return false;
    }
    let word = &words[last.index];
    let takes_next = !word.contains('=') && (word.starts_with("--") || word.len() == 2);
    !takes_next
        && words[last.index + 1..]
            .iter()
            .find(|w| !argv::is_flag(w))
            .is_some_and(|w| group.find_subcommand(w).is_some())
}

/// `dkr bogus --help`, `dkr container bogus -h`: cobra's help flag wins over the unknown
/// command, which is then the group's (or the top level's) operand. `None` when no help was
/// asked after it.
fn help_beside_unknown_command(
    root: &clap::Command,
    path: &[String],
    words: &[String],
) -> Option<i32> {
    let walked = argv::walk(root, words);
    let unknown = walked
        .words
        .last()
        .filter(|w| w.kind == argv::Kind::Operand)?;
    let rest = words[unknown.index + 1..].iter().take_while(|w| *w != "--");
    let shorthands = rest.clone().filter(|w| *w == "-h").count();
    if shorthands == 0 && !rest.clone().any(|w| w == "--help") {
        return None;
    }
    // The top-level flags' `-h` before the command: their notice on stderr.
    for _ in 0..argv::help_shorthands(root, words).0 {
        Streams.err_line(help::SHORTHAND_DEPRECATED);
    }
    for _ in 0..shorthands {
        let _ = Streams.line(help::SHORTHAND_DEPRECATED);
    }
    let _ = Streams.print(help::text(root, path, words));
    Some(exit::OK)
}

/// Print a flag error with the command's usage, as cobra's `FlagErrorFunc` does.
fn print_flag_error(cmd: &clap::Command, path: &[String], message: &str) {
    let cmd_name = if path.is_empty() {
        "dkr".to_string()
    } else {
        format!("dkr {}", path.join(" "))
    };
    Streams.err_line(format_args!(
        "{message}\n\nUsage:  {}\n\nRun '{cmd_name} --help' for more information",
        usage_line(cmd)
    ));
}

/// pflag lets every boolean flag take a value (`--version=false`); the pflag booleans declared
/// with [`go_bool_flag`] parse theirs, and this rewrites the words of the plain switches left
/// (`-v`, `--no-descriptions`, and `--help` when `root` is built) before clap sees them: a true
/// value becomes the bare switch, a false one disappears, anything else is pflag's `invalid
/// argument` error; `-h=…` prints the shorthand's notice (on stderr before the command, else
/// on stdout). `words` is argv without the program name. Returns the rewritten argv, or the
/// subcommand path and the error.
fn switch_values(
    root: &clap::Command,
    args: Vec<OsString>,
    words: &[String],
) -> Result<Vec<OsString>, (Vec<String>, String)> {
    let walked = argv::walk(root, words);
    let mut out = args;
    // Rewrite from the end so earlier indices stay valid.
    let mut edits = Vec::new();
    for word in &walked.words {
        let argv::Kind::Flag {
            arg: Some(a),
            name,
            value: Some(v),
        } = &word.kind
        else {
            continue;
        };
        let help = matches!(a.get_action(), clap::ArgAction::Help);
        let plain = matches!(a.get_action(), clap::ArgAction::SetTrue)
            && a.get_num_args().is_none_or(|n| n.max_values() == 0);
        if !plain && !help {
            continue;
        }
        let depth = walked.starts.iter().filter(|s| **s < word.index).count();
        match go_bool(v) {
            Ok(value) if help => {
                if name == "-h" && depth == 0 {
                    Streams.err_line(help::SHORTHAND_DEPRECATED);
                } else if name == "-h" {
                    let _ = Streams.line(help::SHORTHAND_DEPRECATED);
                }
                edits.push((word.index + 1, value.then(|| "--help".to_string())));
            }
            Ok(value) => edits.push((word.index + 1, value.then(|| name.clone()))),
            Err(e) => {
                let path = walked.path()[..depth].to_vec();
                // The deprecated shorthand is not named (pflag's `-h, --help` minus `-h`).
                let names = if help {
                    "--help".to_string()
                } else {
                    flag_names(a)
                };
                let message =
                    format!("invalid argument {} for \"{names}\" flag: {e}", go_quote(v),);
                return Err((path, message));
            }
        }
    }
    for (index, replacement) in edits.into_iter().rev() {
        match replacement {
            Some(name) => out[index] = OsString::from(name),
            None => {
                out.remove(index);
            }
        }
    }
    Ok(out)
}

fn context_str(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        other => Some(other.to_string()),
    }
}

/// The flag an error is about, from clap's `--long <VALUE>` / `-s` rendering.
fn error_arg<'a>(cmd: &'a clap::Command, err: &clap::Error) -> Option<&'a clap::Arg> {
    let raw = context_str(err, ContextKind::InvalidArg)?;
    let first = raw.split([' ', '=', '[']).next().unwrap_or("");
    let first = first.split(',').next().unwrap_or(first);
    cmd.get_arguments().find(|a| {
        if let Some(long) = first.strip_prefix("--") {
            a.get_long() == Some(long)
        } else if let Some(short) = first.strip_prefix('-') {
            short.chars().next() == a.get_short() && short.len() == 1
        } else {
            false
        }
    })
}

/// `-n, --last` or `--format`, as pflag names a flag in errors.
fn flag_names(arg: &clap::Arg) -> String {
    match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!("-{s}, --{l}"),
        (None, Some(l)) => format!("--{l}"),
        (Some(s), None) => format!("-{s}"),
        (None, None) => arg.get_id().to_string(),
    }
}

fn pflag_message(cmd: &clap::Command, args: &[OsString], err: &clap::Error) -> String {
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let raw = context_str(err, ContextKind::InvalidArg).unwrap_or_default();
            if let Some(long) = raw.strip_prefix("--") {
                let name = long.split('=').next().unwrap_or(long);
                format!("unknown flag: --{name}")
            } else if let Some(short) = raw.strip_prefix('-') {
                let c = short.chars().next().unwrap_or('?');
                // pflag names the whole word the letter was in (`'f' in -foo`).
                let word = args
                    .iter()
                    .skip(1)
                    .filter_map(|a| a.to_str())
                    .find(|a| {
                        !a.starts_with("--")
                            && a.starts_with('-')
                            && a[1..].contains(c)
                            && a[1..].split('=').next().is_some_and(|w| w.contains(c))
                    })
                    .map(|a| {
                        // pflag prints the cluster from the unknown letter on (`-axy` → `xy`).
                        let cluster = a[1..].split('=').next().unwrap_or("");
                        cluster[cluster.find(c).unwrap_or(0)..].to_string()
                    })
                    .unwrap_or_else(|| short.to_string());
                format!("unknown shorthand flag: '{c}' in -{word}")
            } else {
                format!("unknown command: {raw}")
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = error_arg(cmd, err);
            let value = context_str(err, ContextKind::InvalidValue);
            let missing = err.kind() == ErrorKind::InvalidValue
                && value.as_deref().map(str::is_empty).unwrap_or(true);
            match arg {
                Some(arg) if missing => {
                    // pflag names the spelling that was typed: `--format` or `'n' in -n`.
                    let typed_short = arg.get_short().is_some_and(|s| {
                        args.iter()
                            .rev()
                            .any(|a| a.to_string_lossy() == format!("-{s}"))
                    });
                    match (typed_short, arg.get_short(), arg.get_long()) {
                        (true, Some(s), _) | (false, Some(s), None) => {
                            format!("flag needs an argument: '{s}' in -{s}")
                        }
                        (_, _, Some(l)) => format!("flag needs an argument: --{l}"),
                        _ => "flag needs an argument".to_string(),
                    }
                }
                Some(arg) => {
                    let reason = err
                        .source()
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| "invalid value".to_string());
                    format!(
                        "invalid argument {} for \"{}\" flag: {reason}",
                        go_quote(&value.unwrap_or_default()),
                        flag_names(arg)
                    )
                }
                None => strip_clap_prefix(err),
            }
        }
        _ => strip_clap_prefix(err),
    }
}

use std::error::Error as _;

fn strip_clap_prefix(err: &clap::Error) -> String {
    let text = err.render().to_string();
    let first = text.lines().next().unwrap_or("").to_string();
    first.trim_start_matches("error: ").to_string()
}

/// How many positional arguments a command takes, with docker's message for each shape
/// (`cli/required.go`; the `SRun` typo of `RequiresMaxArgs` is docker 28.2.2's own).
#[derive(Clone, Copy, Debug)]
pub enum Arity {
    None,
    Exact(usize),
    AtLeast(usize),
    AtMost(usize),
    Range(usize, usize),
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

/// Check `count` against `arity` for the command whose usage is `usage` (e.g. `dkr ps [OPTIONS]`).
pub fn check_arity(usage: &str, count: usize, arity: Arity) -> Result<(), StatusError> {
    let name = usage_command_name(usage);
    let (ok, what, run_word) = match arity {
        Arity::None => (count == 0, "accepts no arguments".to_string(), "Run"),
        Arity::Exact(n) => (count == n, format!("requires {n} {}", plural(n)), "Run"),
        Arity::AtLeast(n) => (
            count >= n,
            format!("requires at least {n} {}", plural(n)),
            "See",
        ),
        Arity::AtMost(n) => (
            count <= n,
            format!("requires at most {n} {}", plural(n)),
            "SRun",
        ),
        Arity::Range(lo, hi) => (
            count >= lo && count <= hi,
            format!("requires at least {lo} and at most {hi} {}", plural(hi)),
            "Run",
        ),
    };
    if ok {
        return Ok(());
    }
    Err(StatusError::new(
        exit::FAILURE,
        format!(
            "dkr: '{name}' {what}\n\nUsage:  {usage}\n\n{run_word} '{name} --help' for more information"
        ),
    ))
}

/// `dkr ps` from `dkr ps [OPTIONS]`.
fn usage_command_name(usage: &str) -> String {
    usage
        .split_whitespace()
        .take_while(|w| !w.starts_with('[') && !w.chars().next().is_some_and(char::is_uppercase))
        .collect::<Vec<_>>()
        .join(" ")
}

/// pflag's bool flags: Go's `strconv.ParseBool`, with its error as clap's value error.
pub fn go_bool(s: &str) -> Result<bool, String> {
    strconv::parse_bool(s).map_err(|e| e.to_string())
}

/// pflag's int flags: Go's `strconv.ParseInt(s, 0, 64)`, with its error as clap's value error.
pub fn go_int(s: &str) -> Result<i64, String> {
    strconv::parse_int(s, 0, 64).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_tree_is_valid() {
        command().debug_assert();
    }

    /// A command's description comes from its variant of the subcommand enum. Building a
    /// deferred command adds its flags after that, and a doc comment on the flags' struct
    /// would replace the description: those structs carry plain comments.
    #[test]
    fn commands_keep_their_descriptions_when_built() {
        use clap::Subcommand as _;
        let built = command();
        let groups = [
            ("", Cli::command()),
            (
                "container",
                ContainerCommand::augment_subcommands(clap::Command::new("g")),
            ),
            (
                "image",
                ImageCommand::augment_subcommands(clap::Command::new("g")),
            ),
            (
                "context",
                commands::context::ContextCommand::augment_subcommands(clap::Command::new("g")),
            ),
            (
                "system",
                commands::system::SystemCommand::augment_subcommands(clap::Command::new("g")),
            ),
            (
                "completion",
                commands::completion::CompletionShell::augment_subcommands(clap::Command::new("g")),
            ),
        ];
        let text = |s: Option<&clap::builder::StyledStr>| s.map(ToString::to_string);
        for (group, stubs) in groups {
            let parent = find_cmd(
                &built,
                &[group.to_string()][..usize::from(!group.is_empty())],
            );
            for stub in stubs.get_subcommands() {
                let sub = parent.find_subcommand(stub.get_name()).expect("built");
                let what = format!("{group} {}", stub.get_name());
                assert_eq!(text(stub.get_about()), text(sub.get_about()), "{what}");
                assert_eq!(
                    text(stub.get_long_about()),
                    text(sub.get_long_about()),
                    "{what}"
                );
            }
        }
    }

    /// Every spelling of every command (aliases too), as argv words.
    fn every_command(cmd: &clap::Command, path: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            for name in std::iter::once(sub.get_name()).chain(sub.get_all_aliases()) {
                let mut path = path.to_vec();
                path.push(name.to_string());
                if sub.has_subcommands() {
                    every_command(sub, &path, out);
                } else {
                    out.push(path);
                }
            }
        }
    }

    #[test]
    fn the_typed_command_alone_parses_as_the_whole_tree() {
        let root = command();
        let mut commands = Vec::new();
        every_command(&root, &[], &mut commands);
        assert!(commands.len() > 60, "{}", commands.len());
        let mut lines: Vec<Vec<String>> = Vec::new();
        let words = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let globals = [
            words(&[]),
            words(&["-D", "-H", "unix:///x", "--tls=false", "-l", "debug"]),
            words(&["--context=c", "--config", "/tmp"]),
        ];
        for path in &commands {
            let leaf = find_cmd(&root, path);
            let mut tails = vec![words(&[]), words(&["x", "y"]), words(&["x", "--", "-a"])];
            for globals in &globals {
                for tail in &tails {
                    lines.push([globals.clone(), path.clone(), tail.clone()].concat());
                }
            }
            // Each flag once, in one of three spellings.
            tails.clear();
            for (i, arg) in leaf
                .get_arguments()
                .filter(|a| !a.is_positional())
                .enumerate()
            {
                let name = match (arg.get_long(), arg.get_short()) {
                    (Some(l), _) => format!("--{l}"),
                    (None, Some(s)) => format!("-{s}"),
                    _ => continue,
                };
                let tail = match i % 3 {
                    0 => vec![name, "x".into()],
                    1 => vec![format!("{name}=1"), "x".into()],
                    _ => vec!["x".into(), format!("{name}=false")],
                };
                lines.push([path.clone(), tail].concat());
            }
        }
        // Lines that are not one command's: help, version, errors.
        for line in [
            "",
            "-v",
            "--help",
            "ps --help",
            "ps -h",
            "ps --bogus",
            "bogus",
            "container",
            "container bogus",
            "help ps",
            "ps --help=false",
            "run -h x busybox",
            "-l x ps",
        ] {
            lines.push(line.split_whitespace().map(str::to_string).collect());
        }
        let mut typed = 0;
        for line in &lines {
            let args: Vec<OsString> = std::iter::once("dkr".to_string())
                .chain(line.iter().cloned())
                .map(OsString::from)
                .collect();
            let lean = parse_typed(&args, line);
            // The whole tree's parse where it succeeds; elsewhere only whether it fails, found
            // without printing its error (as `parse_with` would, 200 times over).
            let parses = parse_quietly(root.clone(), &args, line).is_some();
            let whole = if parses {
                parse_with(root.clone(), args.clone(), line.clone())
            } else {
                Err(exit::USAGE)
            };
            let asks_help = line
                .iter()
                .any(|w| w.starts_with("--help") || w.starts_with("-h"));
            match (&lean, &whole) {
                (Some(lean), Ok(whole)) => {
                    assert_eq!(format!("{lean:?}"), format!("{whole:?}"), "{line:?}");
                    typed += 1;
                }
                (None, Err(_)) => {}
                // Help is the whole tree's to print.
                (None, Ok(_)) if asks_help => {}
                // The log level is checked after the parse (`parse` does it for both).
                (Some(_), Err(_)) if line.starts_with(&["-l".to_string(), "x".to_string()]) => {}
                _ => panic!("{line:?}: lean {} whole {}", lean.is_some(), whole.is_ok()),
            }
        }
        assert!(typed > 1000, "{typed} of {} lines parsed", lines.len());
    }

    fn argv(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    fn rewrite(cmd: &clap::Command, v: &[&str]) -> Result<Vec<OsString>, (Vec<String>, String)> {
        let words: Vec<String> = v[1..].iter().map(|s| s.to_string()).collect();
        switch_values(cmd, argv(v), &words)
    }

    #[test]
    fn switch_values_are_rewritten_but_value_flags_kept() {
        let cmd = command();
        // --sig-proxy parses its own value (default true): kept as typed; words after the
        // image belong to the container.
        let run = ["dkr", "run", "--sig-proxy=false", "busybox", "--rm=false"];
        assert_eq!(rewrite(&cmd, &run).unwrap(), argv(&run));
        assert_eq!(
            rewrite(&cmd, &["dkr", "--version=false", "-v=1"]).unwrap(),
            argv(&["dkr", "-v"])
        );
        // Plain switches: true → the bare switch, false → dropped, else pflag's error.
        let mut plain = clap::Command::new("t").subcommand(
            clap::Command::new("ls")
                .arg(
                    clap::Arg::new("quiet")
                        .short('q')
                        .long("quiet")
                        .action(clap::ArgAction::SetTrue),
                )
                .arg(
                    clap::Arg::new("all")
                        .short('a')
                        .long("all")
                        .action(clap::ArgAction::SetTrue),
                ),
        );
        plain.build();
        let out = rewrite(&plain, &["t", "ls", "--quiet=true", "-a=false"]).unwrap();
        assert_eq!(out, argv(&["t", "ls", "--quiet"]));
        let err = rewrite(&plain, &["t", "ls", "-q=maybe"]).unwrap_err();
        assert_eq!(err.0, vec!["ls".to_string()]);
        assert!(err
            .1
            .starts_with("invalid argument \"maybe\" for \"-q, --quiet\" flag"));
    }

    #[test]
    fn go_booleans_take_attached_values_only() {
        let parse_ps = |v: &[&str]| {
            let m = command().try_get_matches_from(argv(v)).unwrap();
            let (_, ps) = m.subcommand().unwrap();
            (
                ps.get_one::<bool>("all").copied(),
                ps.get_one::<bool>("size").copied(),
            )
        };
        assert_eq!(parse_ps(&["dkr", "ps"]), (Some(false), None));
        assert_eq!(
            parse_ps(&["dkr", "ps", "-a", "-s"]),
            (Some(true), Some(true))
        );
        assert_eq!(
            parse_ps(&["dkr", "ps", "--all=F", "--size=false"]),
            (Some(false), Some(false))
        );
        // `commit --pause` defaults to true.
        let m = command()
            .try_get_matches_from(argv(&["dkr", "commit", "c"]))
            .unwrap();
        assert_eq!(
            m.subcommand().unwrap().1.get_one::<bool>("pause"),
            Some(&true)
        );
        assert!(command()
            .try_get_matches_from(argv(&["dkr", "ps", "-a=maybe"]))
            .is_err());
    }

    #[test]
    fn usage_lines_name_the_spelling_typed() {
        let root = command();
        let usage = |path: &[&str]| {
            let path: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            usage_line(find_cmd(&root, &path))
        };
        assert_eq!(usage(&["ps"]), "dkr ps [OPTIONS]");
        assert_eq!(usage(&["container", "ls"]), "dkr container ls [OPTIONS]");
        assert_eq!(
            usage(&["image", "pull"]),
            "dkr image pull [OPTIONS] NAME[:TAG|@DIGEST]"
        );
        assert_eq!(
            usage(&["container", "run"]),
            "dkr container run [OPTIONS] IMAGE [COMMAND] [ARG...]"
        );
        assert_eq!(
            usage(&["images"]),
            "dkr images [OPTIONS] [REPOSITORY[:TAG]]"
        );
        assert_eq!(usage(&[]), "dkr [OPTIONS] COMMAND [ARG...]");
    }

    #[test]
    fn go_bool_parses_like_strconv() {
        assert_eq!(go_bool("t"), Ok(true));
        assert_eq!(go_bool("False"), Ok(false));
        assert!(go_bool("yes").is_err());
    }

    #[test]
    fn go_int_values() {
        assert_eq!(go_int("10"), Ok(10));
        assert_eq!(go_int("-1"), Ok(-1));
        assert_eq!(go_int("0x10"), Ok(16));
        assert_eq!(
            go_int("x"),
            Err("strconv.ParseInt: parsing \"x\": invalid syntax".to_string())
        );
        assert!(go_int("99999999999999999999")
            .unwrap_err()
            .contains("out of range"));
        // Underscores only between digits or after a base prefix (Go's underscoreOK); base 0
        // allows them in decimal too.
        assert_eq!(go_int("0x1_2"), Ok(18));
        assert_eq!(go_int("1_0"), Ok(10));
        for bad in ["0x1__2", "0x1_", "_1", "1__0"] {
            assert_eq!(
                go_int(bad),
                Err(format!(
                    "strconv.ParseInt: parsing \"{bad}\": invalid syntax"
                ))
            );
        }
    }

    #[test]
    fn arity_messages() {
        let e = check_arity("dkr ps [OPTIONS]", 1, Arity::None).unwrap_err();
        assert_eq!(e.message, "dkr: 'dkr ps' accepts no arguments\n\nUsage:  dkr ps [OPTIONS]\n\nRun 'dkr ps --help' for more information");
        let e = check_arity(
            "dkr images [OPTIONS] [REPOSITORY[:TAG]]",
            2,
            Arity::AtMost(1),
        )
        .unwrap_err();
        assert!(e
            .message
            .ends_with("SRun 'dkr images --help' for more information"));
        let e = check_arity(
            "dkr stop [OPTIONS] CONTAINER [CONTAINER...]",
            0,
            Arity::AtLeast(1),
        )
        .unwrap_err();
        assert!(e
            .message
            .starts_with("dkr: 'dkr stop' requires at least 1 argument\n"));
        assert!(check_arity("dkr logs [OPTIONS] CONTAINER", 1, Arity::Exact(1)).is_ok());
    }
}
