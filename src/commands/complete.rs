//! The hidden `dkr __complete`: live values for the completion scripts — container names for
//! `stop`, `logs`, `commit`, `exec`, `start`, `restart`, `rm`, `kill`, `wait` and `port`, image
//! names for `run`, `images`, `pull`, `push`, `rmi` and `tag` (and their `container …`/`image …`
//! spellings), context names for `--context` and the `context` subcommands — looked up within [`BUDGET`] or not at all, so a slow or absent daemon leaves
//! the shell with no candidates instead of a hang.
//!
//! ```text
//! dkr __complete containers|running|stopped|images|repositories [PREFIX]   names, one a line
//! dkr __complete bash -- WORDBREAKS LINE     LINE = the command line up to the cursor
//! dkr __complete zsh|fish -- WORD... CURRENT  words before the cursor, then the partial word
//! ```
//! The shell modes exit 0 (printing the candidates, maybe none) when the cursor is where a
//! live value belongs, and 1 with no output anywhere else, so the script falls back to the
//! completions clap generated. Which commands take which values is docker's choice
//! (cobra's `ValidArgsFunction`s in docker/cli): running containers for `stop`, `commit`,
//! `exec`, `kill`, `wait` and `port`, stopped ones for `start` and `rm` (all of them for `rm
//! -f`), all containers for `logs` and `restart`, image names for `run`, `push`, `rmi` and `tag` (its two operands);
//! `images` and `pull` are our additions. `cp` has none, as in docker: its
//! paths are the shell's file completion.

use std::sync::mpsc;
use std::time::Duration;

use clap::FromArgMatches;
use serde::Deserialize;

use super::Context;
use crate::cli::{argv, Cli, GlobalOpts, Invocation};
use crate::engine::api::{ContainerListOptions, ImageListOptions};
use crate::exit;

/// How long a lookup may take before the completion gives up and offers nothing.
pub const BUDGET: Duration = Duration::from_millis(200);

// Arguments of `dkr __complete` (parsed by hand: they are shell words, flags included).
#[derive(clap::Args, Debug)]
pub struct CompleteArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

/// What a live position is completed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// Names of all containers.
    Containers,
    /// Names of running containers.
    Running,
    /// Names of containers that are not running: exited or created (`start`).
    Stopped,
    /// Image names (`repo:tag`).
    Images,
    /// Repositories and image names (`images [REPOSITORY[:TAG]]`).
    Repositories,
    /// Context names, from the store (`--context`, `context use|inspect|rm|update|export`).
    Contexts,
}

impl Values {
    fn parse(s: &str) -> Option<Values> {
        match s {
            "containers" => Some(Values::Containers),
            "running" => Some(Values::Running),
            "stopped" => Some(Values::Stopped),
            "images" => Some(Values::Images),
            "repositories" => Some(Values::Repositories),
            "contexts" => Some(Values::Contexts),
            _ => None,
        }
    }
}

/// Which positional arguments of a command take live values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slots {
    /// Only the first (`logs CONTAINER`, `run IMAGE [COMMAND]`).
    First,
    /// The first two (`tag SOURCE TARGET`).
    FirstTwo,
    /// Every one (`stop CONTAINER...`).
    All,
}

/// The commands with live values, by their verb (`images` for `image ls`).
fn live_spec(inv: &Invocation) -> Option<(Values, Slots)> {
    // docker's `completeContextNames` (the group's subcommands are no verbs of their own).
    if inv.path.first().map(String::as_str) == Some("context") {
        return match inv.path.get(1).map(String::as_str) {
            Some("use" | "update" | "export") => Some((Values::Contexts, Slots::First)),
            Some("inspect" | "rm") => Some((Values::Contexts, Slots::All)),
            _ => None,
        };
    }
    Some(match inv.verb() {
        // docker completes `container inspect` and `image inspect`, not the type-less one.
        "inspect" => match inv.path.first().map(String::as_str) {
            Some("container") => (Values::Containers, Slots::All),
            Some("image") => (Values::Images, Slots::All),
            _ => return None,
        },
        // docker's create completes images in every position (`ImageNames(-1)`).
        "create" => (Values::Images, Slots::All),
        "stop" => (Values::Running, Slots::All),
        // Several containers merge their logs (dkr, issue #15).
        "logs" => (Values::Containers, Slots::All),
        "commit" => (Values::Running, Slots::First),
        "exec" => (Values::Running, Slots::First),
        "start" => (Values::Stopped, Slots::All),
        "restart" => (Values::Containers, Slots::All),
        "run" => (Values::Images, Slots::First),
        "images" => (Values::Repositories, Slots::First),
        "pull" => (Values::Images, Slots::First),
        "push" => (Values::Images, Slots::First),
        // docker's `rm`: every container once `-f` is typed, else the stopped ones.
        "rm" if inv.is_set("force") => (Values::Containers, Slots::All),
        "rm" => (Values::Stopped, Slots::All),
        "kill" => (Values::Running, Slots::All),
        "wait" => (Values::Running, Slots::All),
        "port" => (Values::Running, Slots::First),
        "rmi" => (Values::Images, Slots::All),
        "tag" => (Values::Images, Slots::FirstTwo),
        _ => return None,
    })
}

pub fn run(ctx: &Context, args: CompleteArgs) -> anyhow::Result<i32> {
    let mut args = args.args;
    if args.is_empty() {
        return Ok(exit::FAILURE);
    }
    let mode = args.remove(0);
    if args.first().map(String::as_str) == Some("--") {
        args.remove(0);
    }
    let out = match mode.as_str() {
        "bash" => {
            let (Some(breaks), Some(line)) = (args.first(), args.get(1)) else {
                return Ok(exit::FAILURE);
            };
            let words = split_line(line);
            let Some(pos) = locate(&words) else {
                return Ok(exit::FAILURE);
            };
            let current = words.last().map(String::as_str).unwrap_or("");
            // Bash replaces only the text after the last word-break character (`:` in
            // `busybox:la`), so the candidates must start there too.
            let cut = current
                .char_indices()
                .rfind(|(_, c)| breaks.contains(*c) && !matches!(c, '"' | '\''))
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0);
            candidates(ctx, &pos, current)
                .into_iter()
                .map(|c| c[cut..].to_string())
                .collect()
        }
        "zsh" | "fish" => {
            let Some(pos) = locate(&args) else {
                return Ok(exit::FAILURE);
            };
            let current = args.last().map(String::as_str).unwrap_or("");
            candidates(ctx, &pos, current)
        }
        other => {
            let Some(values) = Values::parse(other) else {
                return Ok(exit::FAILURE);
            };
            let prefix = args.first().map(String::as_str).unwrap_or("");
            let pos = Position {
                values,
                globals: None,
            };
            candidates(ctx, &pos, prefix)
        }
    };
    let mut text = String::new();
    for c in out {
        text.push_str(&c);
        text.push('\n');
    }
    let _ = ctx.out.write_all(text.as_bytes());
    Ok(exit::OK)
}

/// A cursor position that takes live values.
#[derive(Debug, PartialEq)]
struct Position {
    values: Values,
    /// Global options typed before the subcommand (`-H`, `--context`, …), which say which
    /// daemon to ask; `None` when there were none.
    globals: Option<Vec<String>>,
}

/// The live values for `pos` that start with `prefix`, or nothing if the daemon does not
/// answer within [`BUDGET`].
fn candidates(ctx: &Context, pos: &Position, prefix: &str) -> Vec<String> {
    let globals = match &pos.globals {
        Some(words) => {
            let argv = std::iter::once("dkr".to_string()).chain(words.iter().cloned());
            // The tree with its pflag booleans (`--tls=false`).
            let matches = crate::cli::command().try_get_matches_from(argv);
            match matches.and_then(|m| Cli::from_arg_matches(&m)) {
                Ok(cli) => cli.globals,
                Err(_) => return Vec::new(),
            }
        }
        None => ctx.globals.clone(),
    };
    let values = pos.values;
    let Some(names) = within(BUDGET, move || lookup(globals, values)) else {
        return Vec::new();
    };
    names
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .collect()
}

/// Run `f` on its own thread and wait at most `budget` for it. On time-out the thread is left
/// behind (blocked on a socket, typically) and ends with the process.
fn within<T: Send + 'static>(
    budget: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("dkr-complete".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .ok()?;
    rx.recv_timeout(budget).ok()
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct ContainerNames {
    names: Vec<String>,
    state: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
struct ImageTags {
    repo_tags: Option<Vec<String>>,
}

/// Ask the daemon. Any error means no values.
fn lookup(globals: GlobalOpts, values: Values) -> Vec<String> {
    let ctx = Context::new(globals);
    if values == Values::Contexts {
        return super::context::list::names(&ctx);
    }
    let Ok(client) = ctx.client() else {
        return Vec::new();
    };
    match values {
        Values::Containers | Values::Running | Values::Stopped => {
            let opts = ContainerListOptions {
                all: values != Values::Running,
                ..ContainerListOptions::default()
            };
            let Ok(list) = client.container_list::<ContainerNames>(&opts) else {
                return Vec::new();
            };
            // As docker: a container's first name without the slash; link names
            // (`/other/alias`) are not containers of their own.
            list.into_iter()
                .filter(|c| {
                    values != Values::Stopped || matches!(c.state.as_str(), "exited" | "created")
                })
                .filter_map(|c| c.names.into_iter().next())
                .map(|n| n.trim_start_matches('/').to_string())
                .filter(|n| !n.is_empty() && !n.contains('/'))
                .collect()
        }
        Values::Images | Values::Repositories => {
            let Ok(list) = client.image_list::<ImageTags>(&ImageListOptions::default()) else {
                return Vec::new();
            };
            let tags: Vec<String> = list
                .into_iter()
                .flat_map(|i| i.repo_tags.unwrap_or_default())
                .filter(|t| t != "<none>:<none>")
                .collect();
            let mut out: Vec<String> = Vec::new();
            if values == Values::Repositories {
                for tag in &tags {
                    let repo = repository_of(tag);
                    if !out.iter().any(|r| r == repo) {
                        out.push(repo.to_string());
                    }
                }
            }
            for tag in tags {
                if !out.contains(&tag) {
                    out.push(tag);
                }
            }
            out
        }
        Values::Contexts => Vec::new(),
    }
}

/// `localhost:5000/a/b` from `localhost:5000/a/b:1` (the tag is after the last `/`).
fn repository_of(tag: &str) -> &str {
    let slash = tag.rfind('/').map(|i| i + 1).unwrap_or(0);
    match tag[slash..].rfind(':') {
        Some(i) => &tag[..slash + i],
        None => tag,
    }
}

/// Where `words` (program name first, the partial current word last) leaves the cursor:
/// `Some` when a live value belongs there.
fn locate(words: &[String]) -> Option<Position> {
    let (current, before) = words.split_last()?;
    let before = before.get(1..)?;
    let root = crate::cli::command();
    let walked = argv::walk(&root, before);
    // The value of the global `--context`: the store's names.
    if walked
        .pending
        .is_some_and(|a| a.get_long() == Some("context") && walked.commands.len() == 1)
    {
        let globals = &before[..before.len() - 1];
        return Some(Position {
            values: Values::Contexts,
            globals: (!globals.is_empty()).then(|| globals.to_vec()),
        });
    }
    // A line we do not understand (an unknown flag, a command that is not a leaf) offers
    // nothing live; neither does the value of a flag.
    if walked.leaf().has_subcommands() || walked.has_unknown_flag() || walked.pending.is_some() {
        return None;
    }
    // The flags typed so far that are on (`-f`, `-vf`, `--force=true`; not `--force=false`):
    // only the leaf's, which follow its name.
    let leaf = walked.leaf();
    let mut flags: Vec<String> = Vec::new();
    for w in walked
        .words
        .iter()
        .filter(|w| w.index >= walked.own_start())
    {
        let argv::Kind::Flag {
            arg: Some(last),
            name,
            value,
        } = &w.kind
        else {
            continue;
        };
        // A cluster (`-fv`) sets each of its letters.
        let cluster = name.strip_prefix('-').filter(|n| !n.starts_with('-'));
        let args: Vec<&clap::Arg> = match cluster {
            Some(letters) if letters.chars().count() > 1 => letters
                .chars()
                .filter_map(|c| leaf.get_arguments().find(|a| a.get_short() == Some(c)))
                .collect(),
            _ => vec![*last],
        };
        let on = value
            .as_deref()
            .is_none_or(|v| crate::cli::go_bool(v) == Ok(true));
        for long in args.iter().filter_map(|a| a.get_long()) {
            flags.retain(|f| f != long);
            if on {
                flags.push(long.to_string());
            }
        }
    }
    let invocation = Invocation {
        path: walked.path(),
        flags,
        ..Invocation::default()
    };
    let (values, slots) = live_spec(&invocation)?;
    // Even a lone `-`: the user is starting a flag, which clap's script completes.
    if !walked.flags_ended && current.starts_with('-') {
        return None;
    }
    // `logs CONTAINER`, `run IMAGE COMMAND…`: only the first operand is live.
    if slots == Slots::First && walked.operands() > 0
        || slots == Slots::FirstTwo && walked.operands() > 1
    {
        return None;
    }
    let globals = &before[..walked.starts[0]];
    Some(Position {
        values,
        globals: (!globals.is_empty()).then(|| globals.to_vec()),
    })
}

/// Split a bash command line into words roughly as the shell would: quotes and backslashes
/// are removed, and a line ending in blank space ends with an empty current word.
fn split_line(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(n @ ('"' | '\\' | '$' | '`')) => word.push(n),
                            Some(n) => {
                                word.push('\\');
                                word.push(n);
                            }
                            None => {}
                        },
                        _ => word.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(n) = chars.next() {
                    word.push(n);
                }
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    words.push(word);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: &str) -> Option<Position> {
        locate(&split_line(line))
    }

    fn values_at(line: &str) -> Option<Values> {
        at(line).map(|p| p.values)
    }

    #[test]
    fn split_line_like_bash() {
        assert_eq!(split_line("dkr stop "), ["dkr", "stop", ""]);
        assert_eq!(
            split_line("dkr  run busybox:la"),
            ["dkr", "run", "busybox:la"]
        );
        assert_eq!(
            split_line(r#"dkr run -e "A B" 'c d' e\ f"#),
            ["dkr", "run", "-e", "A B", "c d", "e f"]
        );
        assert_eq!(split_line(""), [""]);
    }

    #[test]
    fn live_positions() {
        assert_eq!(values_at("dkr stop "), Some(Values::Running));
        assert_eq!(values_at("dkr stop a b c"), Some(Values::Running));
        assert_eq!(values_at("dkr container stop x"), Some(Values::Running));
        assert_eq!(values_at("dkr logs "), Some(Values::Containers));
        assert_eq!(values_at("dkr container logs w"), Some(Values::Containers));
        assert_eq!(values_at("dkr commit "), Some(Values::Running));
        assert_eq!(values_at("dkr container commit "), Some(Values::Running));
        assert_eq!(values_at("dkr exec "), Some(Values::Running));
        assert_eq!(values_at("dkr exec c "), None);
        assert_eq!(values_at("dkr start a "), Some(Values::Stopped));
        assert_eq!(
            values_at("dkr container restart a "),
            Some(Values::Containers)
        );
        assert_eq!(values_at("dkr run "), Some(Values::Images));
        assert_eq!(values_at("dkr container run bu"), Some(Values::Images));
        assert_eq!(values_at("dkr images "), Some(Values::Repositories));
        assert_eq!(values_at("dkr image ls "), Some(Values::Repositories));
        assert_eq!(values_at("dkr image list "), Some(Values::Repositories));
        assert_eq!(values_at("dkr pull "), Some(Values::Images));
        assert_eq!(values_at("dkr image pull "), Some(Values::Images));
        assert_eq!(values_at("dkr push "), Some(Values::Images));
        assert_eq!(values_at("dkr image push "), Some(Values::Images));
        assert_eq!(values_at("dkr rm -f a "), Some(Values::Containers));
        assert_eq!(values_at("dkr rm a --force "), Some(Values::Containers));
        assert_eq!(values_at("dkr rm -vf "), Some(Values::Containers));
        assert_eq!(values_at("dkr rm -fv "), Some(Values::Containers));
        assert_eq!(values_at("dkr rm -f=false "), Some(Values::Stopped));
        assert_eq!(values_at("dkr rm -v "), Some(Values::Stopped));
        assert_eq!(values_at("dkr container remove "), Some(Values::Stopped));
        assert_eq!(values_at("dkr kill -s KILL a "), Some(Values::Running));
        assert_eq!(values_at("dkr wait a "), Some(Values::Running));
        assert_eq!(values_at("dkr container port "), Some(Values::Running));
        assert_eq!(values_at("dkr rmi a "), Some(Values::Images));
        assert_eq!(values_at("dkr image rm "), Some(Values::Images));
        assert_eq!(values_at("dkr tag "), Some(Values::Images));
        assert_eq!(values_at("dkr image tag busybox "), Some(Values::Images));
    }

    #[test]
    fn not_live_positions() {
        for line in [
            "dkr ",
            "dkr st",
            "dkr ps ",
            "dkr container ",
            "dkr container ls ",
            "dkr stop -",
            "dkr stop --",
            "dkr run busybox ",
            "dkr run busybox sh ",
            "dkr commit c ",
            "dkr pull a ",
            "dkr port c ",
            "dkr tag a b ",
            "dkr kill -s ",
            "dkr version ",
            "dkr completion ",
            "dkr nosuch ",
            "dkr -H ",
            "dkr --nosuchflag stop ",
        ] {
            assert_eq!(at(line), None, "{line:?}");
        }
    }

    #[test]
    fn global_options_are_kept_and_skipped() {
        let pos = at("dkr -H unix:///x.sock --tls stop ").unwrap();
        assert_eq!(pos.values, Values::Running);
        assert_eq!(
            pos.globals,
            Some(vec!["-H".into(), "unix:///x.sock".into(), "--tls".into()])
        );
        let pos = at("dkr --context=prod -D logs ").unwrap();
        assert_eq!(
            pos.globals,
            Some(vec!["--context=prod".into(), "-D".into()])
        );
        assert_eq!(at("dkr stop ").unwrap().globals, None);
        // `-H stop`: "stop" is the host, not the command.
        assert_eq!(at("dkr -H stop "), None);
    }

    /// Whatever flags `stop` has: the word after one that takes a value is that value.
    #[test]
    fn flag_values_are_not_live() {
        let root = crate::cli::command();
        let stop = root.find_subcommand("stop").unwrap();
        for arg in stop.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            let flag = format!("--{long}");
            let takes_next = argv::walk(&root, &["stop".to_string(), flag.clone()])
                .pending
                .is_some();
            if takes_next {
                assert_eq!(at(&format!("dkr stop {flag} ")), None, "{flag}");
                assert_eq!(
                    at(&format!("dkr stop {flag} 5 x y ")).unwrap().values,
                    Values::Running
                );
                assert_eq!(
                    at(&format!("dkr stop {flag}=5 ")).unwrap().values,
                    Values::Running
                );
            } else {
                assert_eq!(
                    at(&format!("dkr stop {flag} ")).unwrap().values,
                    Values::Running
                );
            }
        }
        let pos = at("dkr -l debug stop ").unwrap();
        assert_eq!(pos.globals, Some(vec!["-l".into(), "debug".into()]));
        assert_eq!(at("dkr -ldebug stop ").unwrap().values, Values::Running);
    }

    #[test]
    fn after_double_dash_every_word_is_positional() {
        assert_eq!(values_at("dkr stop -- "), Some(Values::Running));
        assert_eq!(values_at("dkr stop -- -"), Some(Values::Running));
        assert_eq!(values_at("dkr commit -- a "), None);
        assert_eq!(values_at("dkr logs -- a "), Some(Values::Containers));
    }

    #[test]
    fn repositories() {
        assert_eq!(repository_of("busybox:latest"), "busybox");
        assert_eq!(
            repository_of("localhost:5000/dkrtest/layers:1"),
            "localhost:5000/dkrtest/layers"
        );
        assert_eq!(repository_of("localhost:5000/x"), "localhost:5000/x");
    }

    #[test]
    fn budget_is_enforced() {
        let start = std::time::Instant::now();
        let r = within(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(5));
            1
        });
        assert_eq!(r, None);
        assert!(start.elapsed() < Duration::from_secs(1));
        assert_eq!(within(Duration::from_secs(5), || 7), Some(7));
    }
}
