//! `--help` in docker's (cobra's) layout, rendered from the clap tree: `Usage:`, the
//! description, `Aliases:`, and `Options:` as pflag's `FlagUsagesWrapped` prints them.

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
        _ => return None,
    })
}

/// The help of the leaf command `cmd`, spelled `path` after `dkr`, wrapped for `width`
/// columns (docker: the terminal's width on stdin, else 80).
pub fn render(cmd: &clap::Command, path: &str, width: usize) -> String {
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
    let flags = flag_usages(cmd, width.saturating_sub(1));
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
    let mut out = format!(
        "Usage:  dkr {path} COMMAND\n\n{}\n\nCommands:\n",
        about.trim()
    );
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
    out += flag_usages(root, width.saturating_sub(1)).trim_end();
    out += "\n\nRun 'dkr COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n";
    out
}

/// Defaults docker computes at run time (from the config directory), shown in its help.
fn computed_default(long: &str) -> Option<String> {
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

/// pflag's `FlagUsagesWrapped(cols)`: flags sorted by name, hidden ones left out.
fn flag_usages(cmd: &clap::Command, cols: usize) -> String {
    let mut args: Vec<&clap::Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set() && a.get_id() != "help")
        .filter(|a| a.get_long().is_some())
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
        let boolean = is_bool(arg);
        if !boolean {
            let name = arg
                .get_value_names()
                .and_then(|n| n.first())
                .map(|n| n.to_string())
                .unwrap_or_else(|| "string".into());
            line += &format!(" {name}");
        }
        // pflag counts the "\x00" it puts where the padding goes.
        maxlen = maxlen.max(line.len() + 1);
        let mut usage = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        // pflag shows a default unless it is the type's zero value.
        let default = computed_default(long).or_else(|| {
            arg.get_default_values()
                .first()
                .map(|d| d.to_string_lossy().into_owned())
        });
        if let Some(def) = default {
            let zero = matches!(def.as_ref(), "" | "false" | "0" | "[]" | "0s" | "<nil>");
            if !zero {
                let quoted = arg
                    .get_value_names()
                    .and_then(|n| n.first())
                    .is_some_and(|n| n.as_str() == "string");
                if quoted {
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
        let spacing = " ".repeat(maxlen - line.len());
        buf += &format!("{line} {spacing} {}\n", wrap(maxlen + 2, cols, &usage));
    }
    buf
}

/// pflag's `wrap`: `s` wrapped to `w` columns after an indent of `i`.
fn wrap(i: usize, w: usize, s: &str) -> String {
    let (mut i, mut r) = (i, String::new());
    if w == 0 {
        return s.replace('\n', &format!("\n{}", " ".repeat(i)));
    }
    let mut wrap = w as isize - i as isize;
    if wrap < 24 {
        i = 16;
        wrap = w as isize - i as isize;
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

/// docker's width: the terminal on stdin, else 80.
pub fn width() -> usize {
    rustix::termios::tcgetwinsize(std::io::stdin())
        .map(|ws| ws.ws_col as usize)
        .ok()
        .filter(|w| *w > 0)
        .unwrap_or(80)
}
