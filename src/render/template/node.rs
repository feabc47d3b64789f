//! The parse tree (Go's text/template/parse/node.go): nodes, their `String()` forms and number constants.

use super::lex::It;
use crate::golang::strconv::{go_quote, parse_float, parse_int, parse_uint, unquote_char};
use crate::golang::utf8::decode_rune;
use crate::golang::{float_to_int64, float_to_uint64};
use std::fmt;
use std::sync::Arc;

#[derive(Debug)]
pub(super) struct Tree {
    pub(super) name: String,
    pub(super) parse_name: String,
    pub(super) text: Arc<str>,
    pub(super) root: Vec<Node>,
}

#[derive(Debug)]
pub(super) enum Node {
    Text(Vec<u8>),
    Action(Action),
    If(Branch),
    Range(Branch),
    With(Branch),
    Template(TemplateCall),
    Break(usize),
    Continue(usize),
}

#[derive(Debug)]
pub(super) struct Action {
    pub(super) pos: usize,
    pub(super) pipe: Pipe,
}

#[derive(Debug)]
pub(super) struct Branch {
    pub(super) pos: usize,
    pub(super) pipe: Pipe,
    pub(super) list: Vec<Node>,
    pub(super) else_list: Option<Vec<Node>>,
}

#[derive(Debug)]
pub(super) struct TemplateCall {
    pub(super) pos: usize,
    pub(super) name: String,
    pub(super) pipe: Option<Pipe>,
}

#[derive(Debug)]
pub(super) struct Pipe {
    pub(super) pos: usize,
    pub(super) is_assign: bool,
    pub(super) decl: Vec<VarNode>,
    pub(super) cmds: Vec<Command>,
}

#[derive(Debug, Clone)]
pub(super) struct VarNode {
    pub(super) pos: usize,
    pub(super) ident: Vec<String>,
}

#[derive(Debug)]
pub(super) struct Command {
    pub(super) pos: usize,
    pub(super) args: Vec<Arg>,
}

#[derive(Debug)]
pub(super) enum Arg {
    Field {
        pos: usize,
        ident: Vec<String>,
    },
    Chain {
        pos: usize,
        node: Box<Arg>,
        field: Vec<String>,
    },
    Identifier {
        pos: usize,
        name: String,
    },
    Variable(VarNode),
    Dot(usize),
    Nil(usize),
    Bool(usize, bool),
    Number(usize, Number),
    Str {
        pos: usize,
        quoted: String,
        text: Vec<u8>,
    },
    Pipe(Box<Pipe>),
}

#[derive(Debug, Clone, Default)]
pub(super) struct Number {
    pub(super) text: String,
    pub(super) is_int: bool,
    pub(super) is_uint: bool,
    pub(super) is_float: bool,
    pub(super) is_complex: bool,
    pub(super) int64: i64,
    pub(super) uint64: u64,
    pub(super) float64: f64,
    pub(super) complex: (f64, f64),
}

impl Arg {
    pub(super) fn pos(&self) -> usize {
        match self {
            Arg::Field { pos, .. }
            | Arg::Chain { pos, .. }
            | Arg::Identifier { pos, .. }
            | Arg::Str { pos, .. } => *pos,
            Arg::Variable(v) => v.pos,
            Arg::Dot(p) | Arg::Nil(p) | Arg::Bool(p, _) | Arg::Number(p, _) => *p,
            Arg::Pipe(p) => p.pos,
        }
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Field { ident, .. } => {
                for id in ident {
                    write!(f, ".{id}")?;
                }
                Ok(())
            }
            Arg::Chain { node, field, .. } => {
                if let Arg::Pipe(p) = &**node {
                    write!(f, "({p})")?;
                } else {
                    write!(f, "{node}")?;
                }
                for id in field {
                    write!(f, ".{id}")?;
                }
                Ok(())
            }
            Arg::Identifier { name, .. } => f.write_str(name),
            Arg::Variable(v) => write!(f, "{v}"),
            Arg::Dot(_) => f.write_str("."),
            Arg::Nil(_) => f.write_str("nil"),
            Arg::Bool(_, b) => write!(f, "{b}"),
            Arg::Number(_, n) => f.write_str(&n.text),
            Arg::Str { quoted, .. } => f.write_str(quoted),
            Arg::Pipe(p) => write!(f, "{p}"),
        }
    }
}

impl fmt::Display for VarNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.ident.join("."))
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            if let Arg::Pipe(p) = a {
                write!(f, "({p})")?;
            } else {
                write!(f, "{a}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Pipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.decl.is_empty() {
            for (i, v) in self.decl.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{v}")?;
            }
            f.write_str(" := ")?;
        }
        for (i, c) in self.cmds.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

pub(super) fn write_list(f: &mut fmt::Formatter<'_>, list: &[Node]) -> fmt::Result {
    for n in list {
        write!(f, "{n}")?;
    }
    Ok(())
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let branch = |f: &mut fmt::Formatter<'_>, name: &str, b: &Branch| {
            write!(f, "{{{{{name} {}}}}}", b.pipe)?;
            write_list(f, &b.list)?;
            if let Some(e) = &b.else_list {
                f.write_str("{{else}}")?;
                write_list(f, e)?;
            }
            f.write_str("{{end}}")
        };
        match self {
            Node::Text(t) => f.write_str(&String::from_utf8_lossy(t)),
            Node::Action(a) => write!(f, "{{{{{}}}}}", a.pipe),
            Node::If(b) => branch(f, "if", b),
            Node::Range(b) => branch(f, "range", b),
            Node::With(b) => branch(f, "with", b),
            Node::Template(t) => {
                write!(f, "{{{{template {}", go_quote(&t.name))?;
                if let Some(p) = &t.pipe {
                    write!(f, " {p}")?;
                }
                f.write_str("}}")
            }
            Node::Break(_) => f.write_str("{{break}}"),
            Node::Continue(_) => f.write_str("{{continue}}"),
        }
    }
}

impl Node {
    pub(super) fn pos(&self) -> usize {
        match self {
            Node::Text(_) => 0,
            Node::Action(a) => a.pos,
            Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
            Node::Template(t) => t.pos,
            Node::Break(p) | Node::Continue(p) => *p,
        }
    }
}

pub(super) fn is_empty_tree(list: &[Node]) -> bool {
    list.iter().all(|n| match n {
        Node::Text(t) => t.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0b),
        _ => false,
    })
}

/// Go's `parse.newNumber`.
pub(super) fn new_number(text: &str, typ: It) -> Result<Number, String> {
    let mut n = Number {
        text: text.to_string(),
        ..Default::default()
    };
    match typ {
        It::CharConstant => {
            let b = text.as_bytes();
            let (piece, tail) = unquote_char(&b[1..], b'\'').ok_or("invalid syntax")?;
            if tail != b"'" {
                return Err(format!("malformed character constant: {text}"));
            }
            let r = match decode_rune(&piece) {
                (Some(c), _) => c as u32,
                (None, _) => piece[0] as u32,
            };
            n.int64 = r as i64;
            n.is_int = true;
            n.uint64 = r as u64;
            n.is_uint = true;
            n.float64 = r as f64;
            n.is_float = true;
            return Ok(n);
        }
        It::Complex => {
            // "re±imi": split at the sign that starts the imaginary part.
            let body = &text[..text.len() - 1];
            let split = body
                .char_indices()
                .skip(1)
                .filter(|&(i, c)| {
                    (c == '+' || c == '-')
                        && !matches!(body.as_bytes()[i - 1], b'e' | b'E' | b'p' | b'P')
                })
                .map(|(i, _)| i)
                .last()
                .ok_or_else(|| "expected integer".to_string())?;
            let re = parse_float(&body[..split], 64).map_err(|_| "expected integer".to_string())?;
            let im = parse_float(&body[split..], 64).map_err(|_| "expected integer".to_string())?;
            n.is_complex = true;
            n.complex = (re, im);
            simplify_complex(&mut n);
            return Ok(n);
        }
        _ => {}
    }
    if let Some(body) = text.strip_suffix('i') {
        if let Ok(f) = parse_float(body, 64) {
            n.is_complex = true;
            n.complex = (0.0, f);
            simplify_complex(&mut n);
            return Ok(n);
        }
    }
    // Integers first, so 0x123 and friends are integers; ParseUint fails for -0, fixed below.
    if let Ok(v) = parse_uint(text, 0, 64) {
        n.is_uint = true;
        n.uint64 = v;
    }
    if let Ok(i) = parse_int(text, 0, 64) {
        n.is_int = true;
        n.int64 = i;
        if i == 0 {
            n.is_uint = true;
            n.uint64 = 0;
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float64 = n.int64 as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float64 = n.uint64 as f64;
    } else if let Ok(f) = parse_float(text, 64) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", go_quote(text)));
        }
        n.is_float = true;
        n.float64 = f;
        // Go's int64(f)/uint64(f), not Rust's saturating `as`: 2^63 is a uint64 only.
        if !n.is_int && float_to_int64(f) as f64 == f {
            n.is_int = true;
            n.int64 = float_to_int64(f);
        }
        if !n.is_uint && float_to_uint64(f) as f64 == f {
            n.is_uint = true;
            n.uint64 = float_to_uint64(f);
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!("illegal number syntax: {}", go_quote(text)));
    }
    Ok(n)
}

pub(super) fn simplify_complex(n: &mut Number) {
    n.is_float = n.complex.1 == 0.0;
    if n.is_float {
        n.float64 = n.complex.0;
        n.is_int = float_to_int64(n.float64) as f64 == n.float64;
        if n.is_int {
            n.int64 = float_to_int64(n.float64);
        }
        n.is_uint = float_to_uint64(n.float64) as f64 == n.float64;
        if n.is_uint {
            n.uint64 = float_to_uint64(n.float64);
        }
    }
}

/// Adds to `names` the field names `nodes` read (see `Template::fields`); `false` when they
/// may read the dot whole.
pub(super) fn fields_of_list(
    nodes: &[Node],
    names: &mut std::collections::BTreeSet<String>,
) -> bool {
    nodes.iter().all(|n| match n {
        Node::Text(_) | Node::Break(_) | Node::Continue(_) => true,
        Node::Action(a) => fields_of_pipe(&a.pipe, names),
        Node::If(b) | Node::Range(b) | Node::With(b) => {
            fields_of_pipe(&b.pipe, names)
                && fields_of_list(&b.list, names)
                && b.else_list
                    .as_ref()
                    .is_none_or(|l| fields_of_list(l, names))
        }
        Node::Template(t) => t.pipe.as_ref().is_none_or(|p| fields_of_pipe(p, names)),
    })
}

fn fields_of_pipe(pipe: &Pipe, names: &mut std::collections::BTreeSet<String>) -> bool {
    pipe.cmds
        .iter()
        .all(|c| c.args.iter().all(|a| fields_of_arg(a, names)))
}

fn fields_of_arg(arg: &Arg, names: &mut std::collections::BTreeSet<String>) -> bool {
    match arg {
        Arg::Field { ident, .. } => {
            names.extend(ident.iter().cloned());
            true
        }
        Arg::Chain { node, field, .. } => {
            names.extend(field.iter().cloned());
            fields_of_arg(node, names)
        }
        // `$` alone is the dot; `$x` alone is whatever was assigned to it, and a dot assigned
        // anywhere is already the whole dot here.
        Arg::Variable(v) => match v.ident.split_first() {
            Some((first, [])) => first != "$",
            Some((_, rest)) => {
                names.extend(rest.iter().cloned());
                true
            }
            None => true,
        },
        Arg::Dot(_) => false,
        Arg::Pipe(p) => fields_of_pipe(p, names),
        Arg::Identifier { .. }
        | Arg::Nil(_)
        | Arg::Bool(..)
        | Arg::Number(..)
        | Arg::Str { .. } => true,
    }
}

#[cfg(test)]
mod tests {

    use crate::render::template::testing::*;

    #[test]
    fn numbers_print_like_go() {
        assert_eq!(run("{{1.5}} {{1e6}} {{0x1F}} {{'a'}} {{-3}} {{1_000}} {{0o17}} {{0b101}} {{2.0}} {{1e-7}} {{017}} {{.5}} {{1+2i}} {{2i}} {{0x1p-2}}"),
            "1.5 1e+06 31 97 -3 1000 15 5 2 1e-07 15 0.5 (1+2i) (0+2i) 0.25");
    }

    /// Go converts with int64(f)/uint64(f): 2^63 does not fit an int64 (it becomes MinInt64)
    /// but is a uint64; 2^64 is neither (Rust's saturating `as` said both).
    #[test]
    fn float_constants_convert_like_go() {
        let n = super::new_number("9223372036854775808.0", super::It::Number).unwrap();
        assert!(n.is_float && !n.is_int && n.is_uint);
        assert_eq!(n.uint64, 1 << 63);
        let n = super::new_number("18446744073709551616.0", super::It::Number).unwrap();
        assert!(n.is_float && !n.is_int && !n.is_uint);
        let n = super::new_number("-9223372036854775808.0", super::It::Number).unwrap();
        assert!(n.is_int && !n.is_uint);
        assert_eq!(n.int64, i64::MIN);
        let n = super::new_number("9223372036854775808+0i", super::It::Complex).unwrap();
        assert!(n.is_float && !n.is_int && n.is_uint);
    }
}
