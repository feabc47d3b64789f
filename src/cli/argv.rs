//! One model of what was typed: argv walked against the clap tree the way pflag and cobra read
//! it (the command path, where the leaf command's own words start, each flag with its value),
//! and the [`Invocation`] that carries the result to the commands.
//!
//! Usage errors, pflag-style `--switch=false` rewriting, shell completion's cursor position
//! and the usage line a command prints all read argv through [`walk`], so they cannot disagree
//! about which word is a subcommand, a flag's value or an operand.

use crate::exit::StatusError;

use super::{check_arity, Arity};

/// What one word of argv is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// A subcommand name (or alias); it selects the next command of the path.
    Command,
    /// `--name`, `--name=value`, `-x`, `-x=value`, `-abc`, `-n5`. `arg` is the flag named by
    /// the long name or by the cluster's last letter read (the one that took a value, if
    /// any); `None` when the command has no such flag. `value` is the text after `=` of a
    /// long flag or a single-letter one.
    Flag {
        arg: Option<&'a clap::Arg>,
        name: String,
        value: Option<String>,
    },
    /// The word after a flag that takes its value from the next word (`-H` `unix:///x`).
    FlagValue,
    /// `--`: every later word is an operand.
    EndOfFlags,
    /// An operand of the leaf command (or an unknown command name).
    Operand,
}

/// One word of argv, by its index in the walked slice.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    pub index: usize,
    pub kind: Kind<'a>,
}

/// argv read against the clap tree.
#[derive(Debug)]
pub struct Walk<'a> {
    /// The commands selected, root first; the last is where the walk ended.
    pub commands: Vec<&'a clap::Command>,
    /// The index of each subcommand name in the walked slice (`path[i]` is at `starts[i]`).
    pub starts: Vec<usize>,
    /// The words read, in order. Shorter than argv when the walk stopped early: at an unknown
    /// flag, an unknown command or `--` before the leaf command (clap reports those).
    pub words: Vec<Word<'a>>,
    /// The last word was a flag waiting for its value in the next word, which is missing.
    pub pending: Option<&'a clap::Arg>,
    /// Flags have ended (`--`, or the first operand of a command that hands the rest of the
    /// line to its operands, as `run IMAGE COMMAND…`): later words are operands.
    pub flags_ended: bool,
}

impl<'a> Walk<'a> {
    /// The command the walk ended at.
    pub fn leaf(&self) -> &'a clap::Command {
        self.commands[self.commands.len() - 1]
    }

    /// The canonical names of the subcommands typed (`["container", "ls"]` for `container ps`).
    pub fn path(&self) -> Vec<String> {
        self.commands[1..]
            .iter()
            .map(|c| c.get_name().to_string())
            .collect()
    }

    /// Where the leaf command's own words start in the walked slice.
    pub fn own_start(&self) -> usize {
        self.starts.last().map_or(0, |s| s + 1)
    }

    /// Whether a flag the command does not know was typed.
    pub fn has_unknown_flag(&self) -> bool {
        self.words
            .iter()
            .any(|w| matches!(w.kind, Kind::Flag { arg: None, .. }))
    }

    /// The operands of the leaf command.
    pub fn operands(&self) -> usize {
        self.words
            .iter()
            .filter(|w| w.index >= self.own_start() && w.kind == Kind::Operand)
            .count()
    }
}

/// Whether `word` is a flag word for pflag (a lone `-` is an operand).
pub fn is_flag(word: &str) -> bool {
    word.len() > 1 && word.starts_with('-')
}

/// Whether `arg` takes its value from the next word when none is attached: pflag-style
/// booleans (value only with `=`) don't. An arg of a command clap has not built yet has no
/// count unless declared: it takes one value.
fn takes_next(arg: &clap::Arg) -> bool {
    arg.get_action().takes_values()
        && !arg.is_require_equals_set()
        && arg.get_num_args().is_none_or(|n| n.min_values() > 0)
}

fn find_long<'a>(cmd: &'a clap::Command, long: &str) -> Option<&'a clap::Arg> {
    cmd.get_arguments().find(|a| {
        a.get_long() == Some(long) || a.get_all_aliases().is_some_and(|al| al.contains(&long))
    })
}

fn find_short(cmd: &clap::Command, c: char) -> Option<&clap::Arg> {
    cmd.get_arguments().find(|a| {
        a.get_short() == Some(c) || a.get_all_short_aliases().is_some_and(|al| al.contains(&c))
    })
}

/// Read one flag word: the flag it names and whether the next word is its value.
fn read_flag<'a>(cmd: &'a clap::Command, word: &str) -> (Kind<'a>, bool) {
    if let Some(long) = word.strip_prefix("--") {
        let (name, value) = match long.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (long, None),
        };
        let arg = find_long(cmd, name);
        let next = value.is_none() && arg.is_some_and(takes_next);
        let kind = Kind::Flag {
            arg,
            name: format!("--{name}"),
            value,
        };
        return (kind, next);
    }
    let cluster = &word[1..];
    let letters = cluster.split('=').next().unwrap_or(cluster);
    let value = (letters.chars().count() == 1)
        .then(|| cluster.split_once('=').map(|(_, v)| v.to_string()))
        .flatten();
    let mut arg = None;
    let mut next = false;
    let chars: Vec<char> = cluster.chars().collect();
    for (n, c) in chars.iter().enumerate() {
        arg = find_short(cmd, *c);
        match arg {
            None => break,
            // The rest of the word is the value (`-n5`, `-n=5`), or the next word is.
            Some(a) if takes_next(a) => {
                next = n + 1 == chars.len();
                break;
            }
            Some(_) if chars.get(n + 1) == Some(&'=') => break,
            Some(_) => {}
        }
    }
    let kind = Kind::Flag {
        arg,
        name: format!("-{letters}"),
        value,
    };
    (kind, next)
}

/// Walk `args` (argv without the program name) from `root` (a built command tree).
pub fn walk<'a, S: AsRef<str>>(root: &'a clap::Command, args: &[S]) -> Walk<'a> {
    let mut w = Walk {
        commands: vec![root],
        starts: Vec::new(),
        words: Vec::new(),
        pending: None,
        flags_ended: false,
    };
    let mut i = 0;
    while i < args.len() {
        let word = args[i].as_ref();
        let cmd = w.leaf();
        let before_leaf = cmd.has_subcommands();
        let index = i;
        i += 1;
        if w.flags_ended {
            w.words.push(Word {
                index,
                kind: Kind::Operand,
            });
            continue;
        }
        if word == "--" {
            w.words.push(Word {
                index,
                kind: Kind::EndOfFlags,
            });
            w.flags_ended = true;
            if before_leaf {
                break;
            }
            continue;
        }
        if is_flag(word) {
            let (kind, next) = read_flag(cmd, word);
            let unknown = matches!(kind, Kind::Flag { arg: None, .. });
            let arg = match &kind {
                Kind::Flag { arg, .. } => *arg,
                _ => None,
            };
            w.words.push(Word { index, kind });
            if unknown && before_leaf {
                // Before the subcommand an unknown flag is the error of the command so far.
                break;
            }
            if next {
                if i < args.len() {
                    w.words.push(Word {
                        index: i,
                        kind: Kind::FlagValue,
                    });
                    i += 1;
                } else {
                    w.pending = arg;
                }
            }
            continue;
        }
        if before_leaf {
            match cmd.find_subcommand(word) {
                Some(sub) => {
                    w.words.push(Word {
                        index,
                        kind: Kind::Command,
                    });
                    w.commands.push(sub);
                    w.starts.push(index);
                }
                None => {
                    w.words.push(Word {
                        index,
                        kind: Kind::Operand,
                    });
                    break;
                }
            }
            continue;
        }
        w.words.push(Word {
            index,
            kind: Kind::Operand,
        });
        // pflag's `SetInterspersed(false)` (`run IMAGE COMMAND…`, `commit`): flags stop at the
        // first operand.
        if cmd.get_positionals().any(|a| a.is_trailing_var_arg_set()) {
            w.flags_ended = true;
        }
    }
    w
}

/// The verb of a command path whatever the spelling: `ps` for `container ls`, `images` for
/// `image ls`, `rmi` for `image rm`, `run` for `container run`.
pub fn verb(path: &[String]) -> &str {
    match path.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["container", "ls"] => "ps",
        ["image", "ls"] => "images",
        ["image", "rm"] => "rmi",
        ["container" | "image", sub] => sub,
        [one, ..] => one,
        [] => "",
    }
}

/// How many deprecation notices the `-h`s typed (pflag's deprecated shorthand of `--help`,
/// alone or in a cluster such as `-ah`) make docker print before the first command, and after
/// it: one each, but three for a `-h` given to a group before its subcommand (`container -h
/// ls`), as docker 28.2.2 does. Commands where `-h` is another flag (`run -h`, the hostname)
/// do not count. `root` must be built.
pub fn help_shorthands<S: AsRef<str>>(root: &clap::Command, args: &[S]) -> (usize, usize) {
    let walked = walk(root, args);
    let (mut before, mut after) = (0, 0);
    for word in &walked.words {
        let Kind::Flag { name, .. } = &word.kind else {
            continue;
        };
        let Some(cluster) = name.strip_prefix('-').filter(|c| !c.starts_with('-')) else {
            continue;
        };
        let depth = walked.starts.iter().filter(|s| **s < word.index).count();
        let cmd = walked.commands[depth];
        let word_text = args[word.index].as_ref();
        for (n, c) in cluster.chars().enumerate() {
            let Some(arg) = find_short(cmd, c) else { break };
            if matches!(arg.get_action(), clap::ArgAction::Help) {
                if depth == 0 {
                    before += 1;
                } else if depth + 1 < walked.commands.len() {
                    after += 3;
                } else {
                    after += 1;
                }
            }
            if takes_next(arg) || word_text[1..].chars().nth(n + 1) == Some('=') {
                break;
            }
        }
    }
    (before, after)
}

/// The command as it was invoked, carried to the commands in the context: its path, the
/// usage line naming the spelling that was typed, and the flags set on the command line.
#[derive(Debug, Clone, Default)]
pub struct Invocation {
    /// Canonical subcommand names: `["container", "ls"]` for `dkr container ps`.
    pub path: Vec<String>,
    /// `dkr container ls [OPTIONS]`, from the clap command.
    pub usage: String,
    /// Long names of the leaf command's flags set on the command line (pflag's `Changed`).
    pub flags: Vec<String>,
}

impl Invocation {
    /// `dkr container ls`.
    pub fn command_name(&self) -> String {
        std::iter::once("dkr")
            .chain(self.path.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The verb whatever the spelling: `ps` for `container ls`, `images` for `image ls`,
    /// `rmi` for `image rm`, `run` for `container run`.
    pub fn verb(&self) -> &str {
        verb(&self.path)
    }

    /// Whether the flag `--long` was set on the command line.
    pub fn is_set(&self, long: &str) -> bool {
        self.flags.iter().any(|f| f == long)
    }

    /// docker's argument-count check with this command's usage line.
    pub fn check_arity(&self, count: usize, arity: Arity) -> Result<(), StatusError> {
        check_arity(&self.usage, count, arity)
    }
}

/// The usage line clap renders for `cmd` (a built subcommand): `dkr image ls [OPTIONS] …`;
/// a group's is its path alone (`dkr container`, cobra's `UseLine`), where clap adds
/// `<COMMAND>`.
pub fn usage_line(cmd: &clap::Command) -> String {
    let rendered = cmd.clone().render_usage().to_string();
    rendered
        .trim()
        .trim_start_matches("Usage:")
        .trim()
        .trim_end_matches(" <COMMAND>")
        .to_string()
}

/// The invocation of a successfully parsed command line.
pub fn invocation(root: &clap::Command, args: &[String], matches: &clap::ArgMatches) -> Invocation {
    let walked = walk(root, args);
    let mut leaf = matches;
    while let Some((_, sub)) = leaf.subcommand() {
        leaf = sub;
    }
    let flags = walked
        .leaf()
        .get_arguments()
        .filter(|a| !a.is_positional())
        .filter(|a| {
            matches!(
                leaf.value_source(a.get_id().as_str()),
                Some(clap::parser::ValueSource::CommandLine)
            )
        })
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect();
    Invocation {
        path: walked.path(),
        usage: usage_line(walked.leaf()),
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> clap::Command {
        crate::cli::command()
    }

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn help_shorthands_count_where_h_is_help() {
        let root = tree();
        let count = |line: &str| help_shorthands(&root, &words(line));
        assert_eq!(count("ps -h"), (0, 1));
        assert_eq!(count("ps -ah -h"), (0, 2));
        assert_eq!(count("-h ps"), (1, 0));
        assert_eq!(count("-D -h container ls -qh"), (1, 1));
        assert_eq!(count("container -h ls -h"), (0, 4));
        assert_eq!(count("container -h"), (0, 1));
        // `run -h` is the hostname; `--help` is no shorthand; `-fh`: `h` is -f's value.
        assert_eq!(count("run -h x busybox"), (0, 0));
        assert_eq!(count("ps --help"), (0, 0));
        assert_eq!(count("ps -fh"), (0, 0));
        assert_eq!(verb(&words("image rm")), "rmi");
        assert_eq!(verb(&words("container create")), "create");
    }

    #[test]
    fn paths_name_the_command_not_the_alias() {
        let root = tree();
        let path = |line: &str| walk(&root, &words(line)).path();
        assert_eq!(path("ps -a"), ["ps"]);
        assert_eq!(path("container ps -a"), ["container", "ls"]);
        assert_eq!(path("-H unix:///x image list"), ["image", "ls"]);
        assert_eq!(
            path("--tls=true -D container stop x"),
            ["container", "stop"]
        );
        // `-H stop`: "stop" is the host.
        assert_eq!(path("-H stop"), Vec::<String>::new());
        // An unknown flag before the subcommand is the root's error.
        assert_eq!(path("--nosuch ps"), Vec::<String>::new());
        assert_eq!(path("nosuch ps"), Vec::<String>::new());
        assert_eq!(path("-- ps"), Vec::<String>::new());
    }

    #[test]
    fn own_words_and_operands() {
        let root = tree();
        let args = words("-l debug container stop -t 5 a b");
        let w = walk(&root, &args);
        assert_eq!(w.own_start(), 4);
        assert_eq!(w.operands(), 2);
        assert!(!w.has_unknown_flag());
        // `-ldebug`: the value is in the word.
        assert_eq!(walk(&root, &words("-ldebug stop a")).path(), ["stop"]);
        // `run IMAGE COMMAND…`: flags end at the image.
        let w = walk(&root, &words("run -e A=1 busybox ls -la"));
        assert!(w.flags_ended);
        assert_eq!(w.operands(), 3);
        // `stop` takes flags between operands.
        let w = walk(&root, &words("stop a -t 5 b"));
        assert!(!w.flags_ended);
        assert_eq!(w.operands(), 2);
    }

    #[test]
    fn flags_as_typed() {
        let root = tree();
        let args = words("ps -q=false --format x -n5 --nosuch");
        let w = walk(&root, &args);
        let flags: Vec<(String, Option<String>, bool)> = w
            .words
            .iter()
            .filter_map(|w| match &w.kind {
                Kind::Flag { arg, name, value } => {
                    Some((name.clone(), value.clone(), arg.is_some()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(
            flags,
            [
                ("-q".to_string(), Some("false".to_string()), true),
                ("--format".to_string(), None, true),
                ("-n5".to_string(), None, true),
                ("--nosuch".to_string(), None, false),
            ]
        );
        assert!(w.has_unknown_flag());
        let w = walk(&root, &words("logs --tail"));
        assert_eq!(w.pending.and_then(|a| a.get_long()), Some("tail"));
    }

    #[test]
    fn verbs() {
        let inv = |p: &[&str]| Invocation {
            path: p.iter().map(|s| s.to_string()).collect(),
            ..Invocation::default()
        };
        assert_eq!(inv(&["container", "ls"]).verb(), "ps");
        assert_eq!(inv(&["image", "ls"]).verb(), "images");
        assert_eq!(inv(&["image", "pull"]).verb(), "pull");
        assert_eq!(inv(&["image", "rm"]).verb(), "rmi");
        assert_eq!(inv(&["container", "rm"]).verb(), "rm");
        assert_eq!(inv(&["logs"]).verb(), "logs");
        assert_eq!(inv(&["container", "ls"]).command_name(), "dkr container ls");
    }
}
