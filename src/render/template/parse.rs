//! The parser (Go's text/template/parse/parse.go): items to trees, with Go's error texts.

use super::lex::{It, Item, Lexer};
use super::node::{
    is_empty_tree, new_number, Action, Arg, Branch, Command, Node, Pipe, TemplateCall, Tree,
    VarNode,
};
use crate::golang::strconv::{go_quote, unquote};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// `{{end}}` and `{{else}}` are returned by item lists but never stored in the tree.
pub(super) enum Parsed {
    Node(Node),
    End,
    Else,
}

impl Parsed {
    pub(super) fn describe(&self) -> String {
        match self {
            Parsed::Node(n) => n.to_string(),
            Parsed::End => "{{end}}".into(),
            Parsed::Else => "{{else}}".into(),
        }
    }
}

// Go allows 10000 nested parentheses and 100000 nested template calls; recursion that deep
// would overflow a Rust thread's stack, so the limits are lower (same messages).
pub(super) const MAX_PAREN_DEPTH: usize = 100;
pub(super) const MAX_EXEC_DEPTH: usize = 200;

pub(super) type PResult<T> = Result<T, String>;

pub(super) struct Parser<'a, 's> {
    pub(super) lex: Lexer<'a>,
    pub(super) token: [Item; 3],
    pub(super) peek_count: usize,
    pub(super) vars: Vec<String>,
    pub(super) parse_name: String,
    pub(super) text: Arc<str>,
    pub(super) action_line: usize,
    pub(super) range_depth: usize,
    pub(super) stack_depth: usize,
    /// nesting of if/range/with (unlimited in Go; limited here for the same stack reason)
    pub(super) block_depth: usize,
    pub(super) trees: &'s mut HashMap<String, Arc<Tree>>,
}

/// The functions a template may name (parse-time check, like Go's `hasFunction`).
pub(super) fn function_exists(name: &str) -> bool {
    matches!(
        name,
        "and"
            | "call"
            | "html"
            | "index"
            | "slice"
            | "js"
            | "len"
            | "not"
            | "or"
            | "print"
            | "printf"
            | "println"
            | "urlquery"
            | "eq"
            | "ge"
            | "gt"
            | "le"
            | "lt"
            | "ne"
            | "json"
            | "split"
            | "join"
            | "title"
            | "lower"
            | "upper"
            | "pad"
            | "truncate"
    )
}

impl<'a, 's> Parser<'a, 's> {
    pub(super) fn new(
        name: &str,
        text: &'a str,
        trees: &'s mut HashMap<String, Arc<Tree>>,
    ) -> Self {
        Parser {
            lex: Lexer::new(text),
            token: Default::default(),
            peek_count: 0,
            vars: vec!["$".to_string()],
            parse_name: name.to_string(),
            text: Arc::from(text),
            action_line: 0,
            range_depth: 0,
            stack_depth: 0,
            block_depth: 0,
            trees,
        }
    }

    pub(super) fn next(&mut self) -> Item {
        if self.peek_count > 0 {
            self.peek_count -= 1;
        } else {
            self.token[0] = self.lex.next_item();
        }
        self.token[self.peek_count].clone()
    }

    pub(super) fn backup(&mut self) {
        self.peek_count += 1;
    }

    pub(super) fn backup2(&mut self, t1: Item) {
        self.token[1] = t1;
        self.peek_count = 2;
    }

    pub(super) fn backup3(&mut self, t2: Item, t1: Item) {
        self.token[1] = t1;
        self.token[2] = t2;
        self.peek_count = 3;
    }

    pub(super) fn peek(&mut self) -> Item {
        if self.peek_count > 0 {
            return self.token[self.peek_count - 1].clone();
        }
        self.peek_count = 1;
        self.token[0] = self.lex.next_item();
        self.token[0].clone()
    }

    pub(super) fn next_non_space(&mut self) -> Item {
        loop {
            let t = self.next();
            if t.typ != It::Space {
                return t;
            }
        }
    }

    pub(super) fn peek_non_space(&mut self) -> Item {
        let t = self.next_non_space();
        self.backup();
        t
    }

    pub(super) fn errorf<T>(&self, msg: impl fmt::Display) -> PResult<T> {
        Err(format!(
            "template: {}:{}: {}",
            self.parse_name, self.token[0].line, msg
        ))
    }

    pub(super) fn expect(&mut self, expected: It, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != expected {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    pub(super) fn expect_one_of(&mut self, e1: It, e2: It, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != e1 && t.typ != e2 {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    pub(super) fn unexpected<T>(&self, token: &Item, context: &str) -> PResult<T> {
        if token.typ == It::Error {
            let mut extra = String::new();
            if self.action_line != 0 && self.action_line != token.line {
                extra = format!(
                    " in action started at {}:{}",
                    self.parse_name, self.action_line
                );
                if token.val.ends_with(" action") {
                    extra = extra[" in action".len()..].to_string();
                }
            }
            return self.errorf(format!("{token}{extra}"));
        }
        self.errorf(format!("unexpected {token} in {context}"))
    }

    pub(super) fn add(&mut self, name: &str, root: Vec<Node>) -> PResult<()> {
        if let Some(existing) = self.trees.get(name) {
            if !is_empty_tree(&existing.root) {
                if !is_empty_tree(&root) {
                    return self.errorf(format!(
                        "template: multiple definition of template {}",
                        go_quote(name)
                    ));
                }
                return Ok(());
            }
        }
        self.trees.insert(
            name.to_string(),
            Arc::new(Tree {
                name: name.to_string(),
                parse_name: self.parse_name.clone(),
                text: self.text.clone(),
                root,
            }),
        );
        Ok(())
    }

    pub(super) fn parse_top(&mut self) -> PResult<()> {
        let mut root = Vec::new();
        while self.peek().typ != It::Eof {
            if self.peek().typ == It::LeftDelim {
                let delim = self.next();
                if self.next_non_space().typ == It::Define {
                    self.parse_definition()?;
                    continue;
                }
                self.backup2(delim);
            }
            match self.text_or_action()? {
                p @ (Parsed::End | Parsed::Else) => {
                    return self.errorf(format!("unexpected {}", p.describe()))
                }
                Parsed::Node(n) => root.push(n),
            }
        }
        let name = self.parse_name.clone();
        self.add(&name, root)
    }

    /// Run `f` as a fresh tree sharing the lexer (Go's `startParse` on a new Tree).
    pub(super) fn sub_tree<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let vars = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let range_depth = std::mem::replace(&mut self.range_depth, 0);
        let action_line = std::mem::replace(&mut self.action_line, 0);
        let r = f(self);
        self.vars = vars;
        self.range_depth = range_depth;
        self.action_line = action_line;
        r
    }

    pub(super) fn parse_definition(&mut self) -> PResult<()> {
        self.sub_tree(|p| {
            const CONTEXT: &str = "define clause";
            let name = p.expect_one_of(It::String, It::RawString, CONTEXT)?;
            let name = match unquote(&name.val) {
                Ok(n) => String::from_utf8_lossy(&n).into_owned(),
                Err(e) => return p.errorf(e),
            };
            p.expect(It::RightDelim, CONTEXT)?;
            let (root, end) = p.item_list()?;
            if !matches!(end, Parsed::End) {
                return p.errorf(format!("unexpected {} in {CONTEXT}", end.describe()));
            }
            p.add(&name, root)
        })
    }

    pub(super) fn item_list(&mut self) -> PResult<(Vec<Node>, Parsed)> {
        let mut list = Vec::new();
        while self.peek_non_space().typ != It::Eof {
            match self.text_or_action()? {
                Parsed::Node(n) => list.push(n),
                other => return Ok((list, other)),
            }
        }
        self.errorf("unexpected EOF")
    }

    pub(super) fn text_or_action(&mut self) -> PResult<Parsed> {
        let token = self.next_non_space();
        match token.typ {
            It::Text => Ok(Parsed::Node(Node::Text(token.val.into_bytes()))),
            It::LeftDelim => {
                self.action_line = token.line;
                let r = self.action();
                self.action_line = 0;
                r
            }
            _ => self.unexpected(&token, "input"),
        }
    }

    pub(super) fn action(&mut self) -> PResult<Parsed> {
        let token = self.next_non_space();
        match token.typ {
            It::Block => return self.block_control().map(Parsed::Node),
            It::Break | It::Continue => {
                let what = if token.typ == It::Break {
                    "{{break}}"
                } else {
                    "{{continue}}"
                };
                let t = self.next_non_space();
                if t.typ != It::RightDelim {
                    return self.unexpected(&t, what);
                }
                if self.range_depth == 0 {
                    return self.errorf(format!("{what} outside {{{{range}}}}"));
                }
                return Ok(Parsed::Node(if token.typ == It::Break {
                    Node::Break(token.pos)
                } else {
                    Node::Continue(token.pos)
                }));
            }
            It::Else => return self.else_control(),
            It::End => {
                self.expect(It::RightDelim, "end")?;
                return Ok(Parsed::End);
            }
            It::If => return self.if_control().map(Parsed::Node),
            It::Range => {
                let (pos, pipe, list, else_list) = self.parse_control("range")?;
                return Ok(Parsed::Node(Node::Range(Branch {
                    pos,
                    pipe,
                    list,
                    else_list,
                })));
            }
            It::Template => return self.template_control().map(Parsed::Node),
            It::With => return self.with_control().map(Parsed::Node),
            _ => {}
        }
        self.backup();
        let token = self.peek();
        let pipe = self.pipeline("command", It::RightDelim)?;
        Ok(Parsed::Node(Node::Action(Action {
            pos: token.pos,
            pipe,
        })))
    }

    pub(super) fn if_control(&mut self) -> PResult<Node> {
        let (pos, pipe, list, else_list) = self.parse_control("if")?;
        Ok(Node::If(Branch {
            pos,
            pipe,
            list,
            else_list,
        }))
    }

    pub(super) fn with_control(&mut self) -> PResult<Node> {
        let (pos, pipe, list, else_list) = self.parse_control("with")?;
        Ok(Node::With(Branch {
            pos,
            pipe,
            list,
            else_list,
        }))
    }

    pub(super) fn else_control(&mut self) -> PResult<Parsed> {
        let peek = self.peek_non_space();
        if peek.typ == It::If || peek.typ == It::With {
            return Ok(Parsed::Else);
        }
        self.expect(It::RightDelim, "else")?;
        Ok(Parsed::Else)
    }

    #[allow(clippy::type_complexity)]
    pub(super) fn parse_control(
        &mut self,
        context: &str,
    ) -> PResult<(usize, Pipe, Vec<Node>, Option<Vec<Node>>)> {
        if self.block_depth >= MAX_PAREN_DEPTH {
            return self.errorf("max expression depth exceeded");
        }
        let vars_len = self.vars.len();
        self.block_depth += 1;
        let r = self.parse_control_inner(context);
        self.block_depth -= 1;
        self.vars.truncate(vars_len);
        r
    }

    #[allow(clippy::type_complexity)]
    pub(super) fn parse_control_inner(
        &mut self,
        context: &str,
    ) -> PResult<(usize, Pipe, Vec<Node>, Option<Vec<Node>>)> {
        let pipe = self.pipeline(context, It::RightDelim)?;
        if context == "range" {
            self.range_depth += 1;
        }
        let r = self.item_list();
        if context == "range" {
            self.range_depth -= 1;
        }
        let (list, next) = r?;
        let mut else_list = None;
        match next {
            Parsed::End => {}
            Parsed::Else => {
                if context == "if" && self.peek().typ == It::If {
                    self.next();
                    else_list = Some(vec![self.if_control()?]);
                } else if context == "with" && self.peek().typ == It::With {
                    self.next();
                    else_list = Some(vec![self.with_control()?]);
                } else {
                    let (l, next) = self.item_list()?;
                    if !matches!(next, Parsed::End) {
                        return self.errorf(format!("expected end; found {}", next.describe()));
                    }
                    else_list = Some(l);
                }
            }
            Parsed::Node(_) => unreachable!("item_list returns only end/else"),
        }
        Ok((pipe.pos, pipe, list, else_list))
    }

    pub(super) fn block_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "block clause";
        let token = self.next_non_space();
        let name = self.parse_template_name(&token, CONTEXT)?;
        let pipe = self.pipeline(CONTEXT, It::RightDelim)?;
        self.sub_tree(|p| {
            let (root, end) = p.item_list()?;
            if !matches!(end, Parsed::End) {
                return p.errorf(format!("unexpected {} in {CONTEXT}", end.describe()));
            }
            p.add(&name, root)
        })?;
        Ok(Node::Template(TemplateCall {
            pos: token.pos,
            name,
            pipe: Some(pipe),
        }))
    }

    pub(super) fn template_control(&mut self) -> PResult<Node> {
        const CONTEXT: &str = "template clause";
        let token = self.next_non_space();
        let name = self.parse_template_name(&token, CONTEXT)?;
        let mut pipe = None;
        if self.next_non_space().typ != It::RightDelim {
            self.backup();
            pipe = Some(self.pipeline(CONTEXT, It::RightDelim)?);
        }
        Ok(Node::Template(TemplateCall {
            pos: token.pos,
            name,
            pipe,
        }))
    }

    pub(super) fn parse_template_name(&mut self, token: &Item, context: &str) -> PResult<String> {
        match token.typ {
            It::String | It::RawString => match unquote(&token.val) {
                Ok(s) => Ok(String::from_utf8_lossy(&s).into_owned()),
                Err(e) => self.errorf(e),
            },
            _ => self.unexpected(token, context),
        }
    }

    pub(super) fn pipeline(&mut self, context: &str, end: It) -> PResult<Pipe> {
        let token = self.peek_non_space();
        let mut pipe = Pipe {
            pos: token.pos,
            is_assign: false,
            decl: Vec::new(),
            cmds: Vec::new(),
        };
        'decls: loop {
            let v = self.peek_non_space();
            if v.typ == It::Variable {
                self.next();
                let token_after_variable = self.peek();
                let next = self.peek_non_space();
                if next.typ == It::Assign || next.typ == It::Declare {
                    pipe.is_assign = next.typ == It::Assign;
                    self.next_non_space();
                    pipe.decl.push(new_variable(v.pos, &v.val));
                    self.vars.push(v.val.clone());
                } else if next.typ == It::Char && next.val == "," {
                    self.next_non_space();
                    pipe.decl.push(new_variable(v.pos, &v.val));
                    self.vars.push(v.val.clone());
                    if context == "range" && pipe.decl.len() < 2 {
                        match self.peek_non_space().typ {
                            It::Variable | It::RightDelim | It::RightParen => continue 'decls,
                            _ => return self.errorf("range can only initialize variables"),
                        }
                    }
                    return self.errorf(format!("too many declarations in {context}"));
                } else if token_after_variable.typ == It::Space {
                    self.backup3(v, token_after_variable);
                } else {
                    self.backup2(v);
                }
            }
            break;
        }
        loop {
            let token = self.next_non_space();
            if token.typ == end {
                self.check_pipeline(&pipe, context)?;
                return Ok(pipe);
            }
            match token.typ {
                It::Bool
                | It::CharConstant
                | It::Complex
                | It::Dot
                | It::Field
                | It::Identifier
                | It::Number
                | It::Nil
                | It::RawString
                | It::String
                | It::Variable
                | It::LeftParen => {
                    self.backup();
                    let cmd = self.command()?;
                    pipe.cmds.push(cmd);
                }
                _ => return self.unexpected(&token, context),
            }
        }
    }

    pub(super) fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
        if pipe.cmds.is_empty() {
            return self.errorf(format!("missing value for {context}"));
        }
        for (i, c) in pipe.cmds.iter().enumerate().skip(1) {
            if matches!(
                c.args[0],
                Arg::Bool(..) | Arg::Dot(_) | Arg::Nil(_) | Arg::Number(..) | Arg::Str { .. }
            ) {
                return self.errorf(format!(
                    "non executable command in pipeline stage {}",
                    i + 1
                ));
            }
        }
        Ok(())
    }

    pub(super) fn command(&mut self) -> PResult<Command> {
        let pos = self.peek_non_space().pos;
        let mut cmd = Command {
            pos,
            args: Vec::new(),
        };
        loop {
            self.peek_non_space();
            if let Some(operand) = self.operand()? {
                cmd.args.push(operand);
            }
            let token = self.next();
            match token.typ {
                It::Space => continue,
                It::RightDelim | It::RightParen => self.backup(),
                It::Pipe => {}
                _ => return self.unexpected(&token, "operand"),
            }
            break;
        }
        if cmd.args.is_empty() {
            return self.errorf("empty command");
        }
        Ok(cmd)
    }

    pub(super) fn operand(&mut self) -> PResult<Option<Arg>> {
        let Some(node) = self.term()? else {
            return Ok(None);
        };
        if self.peek().typ != It::Field {
            return Ok(Some(node));
        }
        let chain_pos = self.peek().pos;
        let mut fields = Vec::new();
        while self.peek().typ == It::Field {
            let f = self.next().val;
            fields.push(f[1..].to_string());
        }
        Ok(Some(match node {
            Arg::Field { mut ident, .. } => {
                ident.extend(fields);
                Arg::Field {
                    pos: chain_pos,
                    ident,
                }
            }
            Arg::Variable(mut v) => {
                v.ident.extend(fields);
                v.pos = chain_pos;
                Arg::Variable(v)
            }
            Arg::Bool(..) | Arg::Str { .. } | Arg::Number(..) | Arg::Nil(_) | Arg::Dot(_) => {
                return self.errorf(format!(
                    "unexpected . after term {}",
                    go_quote(&node.to_string())
                ))
            }
            other => Arg::Chain {
                pos: chain_pos,
                node: Box::new(other),
                field: fields,
            },
        }))
    }

    pub(super) fn term(&mut self) -> PResult<Option<Arg>> {
        let token = self.next_non_space();
        Ok(Some(match token.typ {
            It::Identifier => {
                if !function_exists(&token.val) {
                    return self.errorf(format!("function {} not defined", go_quote(&token.val)));
                }
                Arg::Identifier {
                    pos: token.pos,
                    name: token.val,
                }
            }
            It::Dot => Arg::Dot(token.pos),
            It::Nil => Arg::Nil(token.pos),
            It::Variable => {
                let v = new_variable(token.pos, &token.val);
                if !self.vars.iter().any(|n| *n == v.ident[0]) {
                    return self.errorf(format!("undefined variable {}", go_quote(&v.ident[0])));
                }
                Arg::Variable(v)
            }
            It::Field => Arg::Field {
                pos: token.pos,
                ident: token.val[1..].split('.').map(str::to_string).collect(),
            },
            It::Bool => Arg::Bool(token.pos, token.val == "true"),
            It::CharConstant | It::Complex | It::Number => {
                match new_number(&token.val, token.typ) {
                    Ok(n) => Arg::Number(token.pos, n),
                    Err(e) => return self.errorf(e),
                }
            }
            It::LeftParen => {
                if self.stack_depth >= MAX_PAREN_DEPTH {
                    return self.errorf("max expression depth exceeded");
                }
                self.stack_depth += 1;
                let r = self.pipeline("parenthesized pipeline", It::RightParen);
                self.stack_depth -= 1;
                Arg::Pipe(Box::new(r?))
            }
            It::String | It::RawString => match unquote(&token.val) {
                Ok(s) => Arg::Str {
                    pos: token.pos,
                    quoted: token.val,
                    text: s,
                },
                Err(e) => return self.errorf(e),
            },
            _ => {
                self.backup();
                return Ok(None);
            }
        }))
    }
}

pub(super) fn new_variable(pos: usize, name: &str) -> VarNode {
    VarNode {
        pos,
        ident: name.split('.').map(str::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {

    use crate::render::template::testing::*;

    #[test]
    fn variables() {
        assert_eq!(run("{{$x := .Name}}{{$x}}{{$x = \"v\"}}{{$x}}"), "webv");
        assert_eq!(run("{{range .Nums}}{{$.Name}}{{end}}"), "webwebweb");
        assert_eq!(run("{{$m := .Map}}{{$m.a}}"), "x");
        assert_eq!(run("{{if $v := .Count}}{{$v}}{{end}}"), "3");
    }

    #[test]
    fn pipelines_and_parens() {
        assert_eq!(run("{{.Name | printf \"%s!\" | upper}}"), "WEB!");
        assert_eq!(
            run("{{(index .List 1) | len}} {{(index .Nested \"Inner\").Deep}}"),
            "1 yes"
        );
        assert_eq!(run("{{\"x\" | printf \"%s-%s\" \"y\"}}"), "y-x");
    }

    #[test]
    fn parse_errors_like_go() {
        let cases: &[(&str, &str)] = &[
            ("{{", "template: :1: unclosed action"),
            ("{{}}", "template: :1: missing value for command"),
            ("{{.}", "template: :1: bad character U+007D '}'"),
            ("{{end}}", "template: :1: unexpected {{end}}"),
            ("{{else}}", "template: :1: unexpected {{else}}"),
            ("{{if}}", "template: :1: missing value for if"),
            ("{{if .ID}}", "template: :1: unexpected EOF"),
            (
                "{{if .ID}}{{else}}{{else}}{{end}}",
                "template: :1: expected end; found {{else}}",
            ),
            (
                "{{range .ID}}{{break 1}}{{end}}",
                "template: :1: unexpected \"1\" in {{break}}",
            ),
            ("{{break}}", "template: :1: {{break}} outside {{range}}"),
            ("{{foo}}", "template: :1: function \"foo\" not defined"),
            ("{{$x}}", "template: :1: undefined variable \"$x\""),
            (
                "{{.ID | 3}}",
                "template: :1: non executable command in pipeline stage 2",
            ),
            ("{{\"abc}}", "template: :1: unterminated quoted string"),
            ("{{`abc}}", "template: :1: unterminated raw quoted string"),
            ("{{'a}}", "template: :1: unterminated character constant"),
            ("{{3x}}", "template: :1: bad number syntax: \"3x\""),
            // Go's ParseFloat: digits around every underscore, a p exponent on a hex mantissa.
            (
                "{{printf \"%d\" 0x1__2}}",
                "template: :1: illegal number syntax: \"0x1__2\"",
            ),
            (
                "{{0x1.8}}",
                "template: :1: illegal number syntax: \"0x1.8\"",
            ),
            (
                "{{99999999999999999999}}",
                "template: :1: integer overflow: \"99999999999999999999\"",
            ),
            (
                "{{1e500}}",
                "template: :1: illegal number syntax: \"1e500\"",
            ),
            ("{{089}}", "template: :1: integer overflow: \"089\""),
            ("{{.ID ) }}", "template: :1: unexpected right paren"),
            ("{{(.ID}}", "template: :1: unclosed left paren"),
            ("{{.ID.}}", "template: :1: unexpected <.> in operand"),
            (
                "{{\"a\".b}}",
                "template: :1: unexpected . after term \"\\\"a\\\"\"",
            ),
            ("{{.ID=1}}", "template: :1: bad character U+003D '='"),
            ("{{/* x }}", "template: :1: unclosed comment"),
            (
                "{{/* x */ }}",
                "template: :1: comment ends before closing delimiter",
            ),
            ("{{define \"a\"}}", "template: :1: unexpected EOF"),
            (
                "{{define a}}{{end}}",
                "template: :1: unexpected \"a\" in define clause",
            ),
            (
                "{{template}}",
                "template: :1: unexpected \"}}\" in template clause",
            ),
            (
                "{{with $x := .ID}}{{end}}{{$x}}",
                "template: :1: undefined variable \"$x\"",
            ),
            (
                "{{range $a, $b, $c := .}}{{end}}",
                "template: :1: too many declarations in range",
            ),
            (
                "{{$x, $y := 1}}",
                "template: :1: too many declarations in command",
            ),
            ("{{| .ID}}", "template: :1: unexpected \"|\" in command"),
            ("{{\"\\q\"}}", "template: :1: invalid syntax"),
            (
                "{{'ab'}}",
                "template: :1: malformed character constant: 'ab'",
            ),
            ("{{.ID @}}", "template: :1: unexpected \"@\" in operand"),
            (
                "{{.ID \"a long string here\"}",
                "template: :1: unexpected \"}\" in operand",
            ),
            ("x{{.ID\n", "template: :2: unclosed action started at :1"),
            (
                "{{99999999999999999999}}",
                "template: :1: integer overflow: \"99999999999999999999\"",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_err(text), *want, "{text:?}");
        }
        assert_eq!(
            Template::parse_named("version", "{{.A")
                .unwrap_err()
                .to_string(),
            "template: version:1: unclosed action"
        );
        // accepted oddities
        assert!(Template::parse("{{.ID |}}").is_ok());
        assert!(Template::parse("{{1+2i}} {{0x1p-2}} {{1_000}} {{'\\n'}}").is_ok());
    }
}
