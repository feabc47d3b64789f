//! `--help` in docker's (cobra's) layout, rendered from the clap tree: `Usage:`, the
//! description, `Aliases:`, and `Options:` as pflag's `FlagUsagesWrapped` prints them; what
//! docker's help function shows for a command path (a leaf's flags less those the daemon
//! lacks), the `-h` notice, and cobra's `help` command.

use super::{argv, flag_support};
use crate::exit;
use crate::output::Streams;

/// pflag's notice for the deprecated shorthand of `--help`.
pub const SHORTHAND_DEPRECATED: &str = "Flag shorthand -h has been deprecated, use --help";

/// What `--help` prints for the command at `path` (canonical names; empty for the top
/// level), as docker's help function does: a leaf's help without the flags the daemon lacks
/// (docker asks the daemon first, see [`flag_support::daemon_info`]), a group's list of
/// commands, or the top-level help. `words` is argv without the program name, for the global
/// options that say which daemon.
pub fn text(root: &clap::Command, path: &[String], words: &[String]) -> String {
    let cmd = super::find_cmd(root, path);
    if path.is_empty() {
        render_root(root, width())
    } else if cmd.has_subcommands() {
        render_group(cmd, &path.join(" "))
    } else {
        let verb = argv::verb(path);
        let mut hidden = if flag_support::has_annotations(verb) {
            let globals = super::typed_globals(root, words);
            let opts = crate::commands::Context::new(globals).client_options();
            flag_support::hidden_in_help(verb, &flag_support::daemon_info(opts))
        } else {
            Vec::new()
        };
        // dkr's own flags are for a person reading at a terminal; piped (a script, a diff
        // against docker's help), the text is docker's byte for byte.
        if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            hidden.extend(own_flags(cmd));
        }
        render(cmd, &path.join(" "), width(), &hidden)
    }
}

/// cobra's `help` command as docker sets it up (`dkr help run` is `dkr run --help`): `words`
/// is argv without the program name, the walk through the tree ending at `help`. Topic words
/// that name no command are `unknown help topic: …` (exit 1), from the first such word on.
pub fn help_command(root: &clap::Command, words: &[String]) -> i32 {
    // (clap's `help` has a subcommand per command: the topics start right after `help`.)
    let start = argv::walk(root, words).starts.first().map_or(0, |s| s + 1);
    let mut topics = Vec::new();
    let (mut flags_ended, mut asked, mut shorthands) = (false, false, 0);
    for word in &words[start..] {
        if !flags_ended && word == "--" {
            flags_ended = true;
        } else if !flags_ended && argv::is_flag(word) {
            // The help command's only flag is the hidden `--help` (`-h`, deprecated).
            match word.as_str() {
                "--help" => asked = true,
                "-h" => (asked, shorthands) = (true, shorthands + 1),
                _ => {
                    let message = match word.strip_prefix("--") {
                        Some(long) => {
                            format!("unknown flag: --{}", long.split('=').next().unwrap_or(long))
                        }
                        None => {
                            let c = word[1..].chars().find(|c| *c != 'h').unwrap_or('h');
                            format!("unknown shorthand flag: '{c}' in {word}")
                        }
                    };
                    Streams.err_line(format_args!(
                        "{message}\n\nUsage:  dkr help [command]\n\nRun 'dkr help --help' for more information"
                    ));
                    return exit::USAGE;
                }
            }
        } else {
            topics.push(word.clone());
        }
    }
    let mut path = Vec::new();
    let mut cmd = root;
    if !asked {
        for (i, topic) in topics.iter().enumerate() {
            match cmd.find_subcommand(topic).filter(|s| !s.is_hide_set()) {
                Some(sub) if cmd.has_subcommands() => {
                    path.push(sub.get_name().to_string());
                    cmd = sub;
                }
                _ => {
                    let topic = topics[i..].join(" ");
                    Streams.err_line(format_args!("unknown help topic: {topic}"));
                    return exit::FAILURE;
                }
            }
        }
    }
    if asked || path == ["help"] {
        for _ in 0..shorthands {
            let _ = Streams.line(SHORTHAND_DEPRECATED);
        }
        let _ = Streams.print("Usage:  dkr help [command]\n\nHelp about the command\n");
        return exit::OK;
    }
    let _ = Streams.print(text(root, &path, words));
    exit::OK
}

/// docker's `Aliases:` line for a command path (cobra's aliases plus docker's shortcuts).
fn aliases(path: &str) -> Option<&'static str> {
    Some(match path {
        "ps" | "container ls" => "dkr container ls, dkr container list, dkr container ps, dkr ps",
        "run" | "container run" => "dkr container run, dkr run",
        "stop" | "container stop" => "dkr container stop, dkr stop",
        "logs" | "container logs" => "dkr container logs, dkr logs",
        "commit" | "container commit" => "dkr container commit, dkr commit",
        "images" | "image ls" => "dkr image ls, dkr image list, dkr images",
        "pull" | "image pull" => "dkr image pull, dkr pull",
        "rm" | "container rm" => "dkr container rm, dkr container remove, dkr rm",
        "rmi" | "image rm" => "dkr image rm, dkr image remove, dkr rmi",
        "exec" | "container exec" => "dkr container exec, dkr exec",
        "kill" | "container kill" => "dkr container kill, dkr kill",
        "start" | "container start" => "dkr container start, dkr start",
        "wait" | "container wait" => "dkr container wait, dkr wait",
        "restart" | "container restart" => "dkr container restart, dkr restart",
        "tag" | "image tag" => "dkr image tag, dkr tag",
        "push" | "image push" => "dkr image push, dkr push",
        "create" | "container create" => "dkr container create, dkr create",
        "port" | "container port" => "dkr container port, dkr port",
        "cp" | "container cp" => "dkr container cp, dkr cp",
        "context ls" => "dkr context ls, dkr context list",
        "context rm" => "dkr context rm, dkr context remove",
        _ => return None,
    })
}

/// The help of the leaf command `cmd`, spelled `path` after `dkr`, wrapped for `width`
/// columns (docker: the terminal's width on stdin, else 80), without the flags in `hidden`
/// (those the daemon lacks, see `flag_support::hidden_in_help`).
pub fn render(cmd: &clap::Command, path: &str, width: usize, hidden: &[&str]) -> String {
    let mut out = String::new();
    let usage = super::usage_line(cmd);
    out += &format!("Usage:  {usage}\n\n");
    let about = cmd
        .get_long_about()
        .or(cmd.get_about())
        .map(|a| a.to_string())
        .unwrap_or_default();
    out += about.trim();
    out += "\n";
    if let Some(a) = aliases(path) {
        out += &format!("\nAliases:\n  {a}\n");
    }
    let flags = flag_usages(cmd, width as isize - 1, hidden);
    if !flags.is_empty() {
        out += "\nOptions:\n";
        out += flags.trim_end();
        out += "\n";
    }
    out
}

/// The help of a command group (`dkr container`, `dkr image`): its subcommands in cobra's
/// name column (padded to at least 11) and the `Run '… COMMAND --help'` footer.
pub fn render_group(cmd: &clap::Command, path: &str) -> String {
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    // cobra sorts them by name.
    let mut subs: Vec<&clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .collect();
    subs.sort_by_key(|s| s.get_name());
    let pad = subs
        .iter()
        .map(|s| s.get_name().len())
        .max()
        .unwrap_or(0)
        .max(11);
    let mut out = format!("Usage:  dkr {path} COMMAND\n\n{}\n", about.trim());
    // docker's template shows the block only when a command is not hidden (`system`, whose
    // only command here is the hidden `dial-stdio`).
    if !subs.is_empty() {
        out += "\nCommands:\n";
    }
    for s in subs {
        let short = s.get_about().map(|a| a.to_string()).unwrap_or_default();
        out += &format!("  {:<pad$} {}\n", s.get_name(), short.trim());
    }
    out += &format!("\nRun 'dkr {path} COMMAND --help' for more information on a command.\n");
    out
}

/// The top-level help: docker's sections (Common, Management, other Commands, Global Options)
/// listing dkr's commands, and its footer.
pub fn render_root(root: &clap::Command, width: usize) -> String {
    // docker's "Common Commands", in its order, as far as dkr has them.
    const COMMON: [&str; 9] = [
        "run", "exec", "ps", "pull", "push", "images", "login", "logout", "version",
    ];
    let subs: Vec<&clap::Command> = root
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .collect();
    let line = |s: &clap::Command| {
        let short = s.get_about().map(|a| a.to_string()).unwrap_or_default();
        format!("  {:<11} {}\n", s.get_name(), short.trim())
    };
    let about = root.get_about().map(|a| a.to_string()).unwrap_or_default();
    let mut out = format!(
        "Usage:  dkr [OPTIONS] COMMAND\n\n{}\n\nCommon Commands:\n",
        about.trim()
    );
    for name in COMMON {
        if let Some(s) = subs.iter().find(|s| s.get_name() == name) {
            out += &line(s);
        }
    }
    // `completion` has a subcommand per shell but is no management command.
    let management = |s: &clap::Command| s.has_subcommands() && s.get_name() != "completion";
    let mut groups: Vec<&&clap::Command> = subs.iter().filter(|s| management(s)).collect();
    groups.sort_by_key(|s| s.get_name());
    out += "\nManagement Commands:\n";
    for s in groups {
        out += &line(s);
    }
    let mut rest: Vec<&&clap::Command> = subs
        .iter()
        .filter(|s| !management(s) && !COMMON.contains(&s.get_name()))
        .collect();
    rest.sort_by_key(|s| s.get_name());
    out += "\nCommands:\n";
    for s in rest {
        out += &line(s);
    }
    out += "\nGlobal Options:\n";
    out += flag_usages(root, width as isize - 1, &[]).trim_end();
    out += "\n\nRun 'dkr COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n";
    out
}

/// Defaults docker computes at run time (from the config directory, the environment), shown
/// in its help.
fn computed_default(long: &str) -> Option<String> {
    if long == "disable-content-trust" {
        // `!trust.IsEnabled()`: false (so not shown) when DOCKER_CONTENT_TRUST is true.
        let trust = std::env::var("DOCKER_CONTENT_TRUST").unwrap_or_default();
        let enabled = crate::golang::strconv::parse_bool(&trust).unwrap_or(false);
        return Some((!enabled).to_string());
    }
    let dir = crate::config::config_dir(None);
    let file = match long {
        "config" => return Some(dir.display().to_string()),
        "tlscacert" => "ca.pem",
        "tlscert" => "cert.pem",
        "tlskey" => "key.pem",
        _ => return None,
    };
    Some(dir.join(file).display().to_string())
}

/// Whether a flag is a pflag boolean (no value placeholder).
fn is_bool(arg: &clap::Arg) -> bool {
    // go_bool_flag gives every pflag boolean `require_equals` (`--all=false`).
    arg.is_require_equals_set() || !arg.get_action().takes_values()
}

/// What pflag shows as the default of a flag of docker's own value types: the value's
/// `String()` when empty, unless that is `""`, `0`, `false` or `<nil>`. `MapOpts` prints
/// `map[]` and `UlimitOpt` `[]`; of the `list` flags, `WeightdeviceOpt` and
/// `ThrottledeviceOpt` print `[]` where `ListOpts` prints nothing.
fn empty_value(long: &str, type_name: &str) -> Option<&'static str> {
    const BRACKETS: [&str; 5] = [
        "blkio-weight-device",
        "device-read-bps",
        "device-read-iops",
        "device-write-bps",
        "device-write-iops",
    ];
    match type_name {
        "map" => Some("map[]"),
        "stringToString" => Some("[]"),
        "ulimit" => Some("[]"),
        "list" if BRACKETS.contains(&long) => Some("[]"),
        _ => None,
    }
}

/// The long names of dkr's own flags on `cmd`: those whose help says `(dkr)`.
pub fn own_flags(cmd: &clap::Command) -> Vec<&str> {
    cmd.get_arguments()
        .filter(|a| {
            let said = |h: Option<&clap::builder::StyledStr>| {
                h.is_some_and(|h| h.to_string().contains("(dkr)"))
            };
            said(a.get_help()) || said(a.get_long_help())
        })
        .filter_map(|a| a.get_long())
        .collect()
}

/// pflag's `FlagUsagesWrapped(cols)`: flags sorted by name, hidden ones (and those in
/// `hidden`) left out. cobra's `--help` is hidden (docker's root marks it so), but a command
/// that declares its own (`run`, `create`: `-h` is `--hostname`) shows it.
fn flag_usages(cmd: &clap::Command, cols: isize, hidden: &[&str]) -> String {
    let own_help = cmd.is_disable_help_flag_set();
    let mut args: Vec<&clap::Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .filter(|a| own_help || a.get_id() != "help")
        .filter(|a| a.get_long().is_some_and(|l| !hidden.contains(&l)))
        .collect();
    args.sort_by_key(|a| a.get_long());
    let mut lines = Vec::new();
    let mut maxlen = 0;
    for arg in args {
        let long = arg.get_long().unwrap_or_default();
        let mut line = match arg.get_short() {
            Some(s) => format!("  -{s}, --{long}"),
            None => format!("      --{long}"),
        };
        let type_name = if is_bool(arg) {
            String::new()
        } else {
            arg.get_value_names()
                .and_then(|n| n.first())
                .map(|n| n.to_string())
                .unwrap_or_else(|| "string".into())
        };
        if !type_name.is_empty() {
            line += &format!(" {type_name}");
        }
        // A usage on several lines is the long help (completions show the first line).
        let usage = arg.get_long_help().or(arg.get_help());
        let mut usage = usage.map(|h| h.to_string()).unwrap_or_default();
        // pflag counts the "\x00" it puts where the padding goes. dkr's own flags (marked
        // `(dkr)`) do not widen the column, so docker's flags read as in docker's help.
        if !usage.ends_with("(dkr)") {
            maxlen = maxlen.max(line.len() + 1);
        }
        // pflag shows a default unless it is the type's zero value.
        let default = computed_default(long).or_else(|| {
            arg.get_default_values()
                .first()
                .map(|d| d.to_string_lossy().into_owned())
        });
        let zero = |d: &str| matches!(d, "" | "false" | "0" | "[]" | "0s" | "<nil>");
        if let Some(empty) = empty_value(long, &type_name).filter(|_| default.is_none()) {
            usage += &format!(" (default {empty})");
        } else if let Some(def) = default {
            if !zero(&def) {
                if type_name == "string" {
                    usage += &format!(" (default {})", crate::golang::strconv::quote(&def));
                } else {
                    usage += &format!(" (default {def})");
                }
            }
        }
        lines.push((line, usage));
    }
    let mut buf = String::new();
    for (line, usage) in lines {
        let spacing = " ".repeat(maxlen.saturating_sub(line.len()));
        buf += &format!("{line} {spacing} {}\n", wrap(maxlen + 2, cols, &usage));
    }
    buf
}

/// pflag's `wrap`: `s` wrapped to `w` columns after an indent of `i` (`w` is 0 for no
/// wrapping; -1 from a terminal 0 columns wide, which pflag does not wrap either).
fn wrap(i: usize, w: isize, s: &str) -> String {
    let (mut i, mut r) = (i, String::new());
    if w == 0 {
        return s.replace('\n', &format!("\n{}", " ".repeat(i)));
    }
    let mut wrap = w - i as isize;
    if wrap < 24 {
        i = 16;
        wrap = w - i as isize;
        r += &format!("\n{}", " ".repeat(i));
    }
    if wrap < 24 {
        return s.replace('\n', &r);
    }
    let slop = 5;
    let wrap = (wrap - slop as isize) as usize;
    let indent = format!("\n{}", " ".repeat(i));
    let (l, mut rest) = wrap_n(wrap, slop, s);
    r += &l.replace('\n', &indent);
    while !rest.is_empty() {
        let (t, s2) = wrap_n(wrap, slop, rest);
        r += &indent;
        r += &t.replace('\n', &indent);
        rest = s2;
    }
    r
}

/// pflag's `wrapN`: the first line of `s` within `i` bytes (plus `slop`), and the rest.
fn wrap_n(i: usize, slop: usize, s: &str) -> (&str, &str) {
    if i + slop > s.len() {
        return (s, "");
    }
    let head = &s.as_bytes()[..i];
    let Some(w) = head.iter().rposition(|b| matches!(b, b' ' | b'\t' | b'\n')) else {
        return (s, "");
    };
    if w == 0 {
        return (s, "");
    }
    if let Some(nl) = head.iter().rposition(|b| *b == b'\n') {
        if nl > 0 && nl < w {
            return (&s[..nl], &s[nl + 1..]);
        }
    }
    (&s[..w], &s[w + 1..])
}

/// docker's width: the terminal on stdin (even one that says 0 columns), else 80.
pub fn width() -> usize {
    rustix::termios::tcgetwinsize(std::io::stdin())
        .map(|ws| ws.ws_col as usize)
        .unwrap_or(80)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_help(width: usize, hidden: &[&str]) -> String {
        let root = crate::cli::command();
        let run = root.find_subcommand("run").expect("run");
        render(run, "run", width, hidden)
    }

    #[test]
    fn run_flags_as_pflag_prints_them() {
        let help = run_help(80, &[]);
        // docker's value types that print something when empty; `ListOpts` prints nothing.
        assert!(help.contains("Sysctl options (default map[])\n"), "{help}");
        assert!(help.contains("Ulimit options (default [])\n"));
        assert!(help.contains("weight) (default [])\n"));
        assert!(help.contains("--add-host list                    Add a custom host-to-IP mapping\n                                         (host:ip)\n"));
        // run's own `--help` (its `-h` is the hostname), a usage on several lines.
        assert!(help.contains("      --help                             Print usage\n"));
        assert!(help.contains(
            "                                         'host':    Run the container in\n"
        ));
        assert!(help.contains("(default\n                                         true)\n"));
        assert!(help.contains("--annotation map"));
        let narrow = run_help(60, &["annotation", "health-start-interval"]);
        assert!(!narrow.contains("--annotation"));
        // 59 columns leave under 24 beside the flag column: pflag puts the usage below it.
        assert!(
            narrow.contains("  -a, --attach list                    \n                Attach to STDIN, STDOUT or STDERR\n"),
            "{narrow}"
        );
    }

    #[test]
    fn pflag_wrapping() {
        // Too narrow beside the flag column: the usage goes under it, 16 columns in.
        assert_eq!(wrap(40, 50, "a b"), "\n                a b");
        assert_eq!(wrap(10, 0, "a\nb"), "a\n          b");
        // A terminal 0 columns wide: no wrapping, later lines 16 columns in.
        assert_eq!(wrap(10, -1, "a b\nc"), "a b\n                c");
        assert_eq!(
            wrap(4, 40, "one two three four five six seven eight nine ten"),
            "one two three four five six\n    seven eight nine ten"
        );
    }
}
