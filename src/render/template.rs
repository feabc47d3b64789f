//! Go `text/template` for `--format`: lexer, parser and executor over `serde_json::Value` rows,
//! with Go's builtin functions, docker's extra functions (docker/cli `templates/templates.go`) and
//! Go's `fmt` printing, so a template prints the bytes and the error texts docker prints.
//!
//! The code follows Go 1.24's `text/template` (`parse/lex.go`, `parse/parse.go`, `exec.go`,
//! `funcs.go`) closely, including its quirks (which node an error message points at, where a
//! chained field's position is), because docker users see those texts verbatim.
//!
//! Go values are typed; JSON is not. The mapping used here:
//! - the row handed to [`Template::execute`] is the dot. When [`Row::type_name`] names a Go type
//!   the row behaves like a Go struct pointer with methods (a field it lacks is an error that names
//!   the type); otherwise it behaves like `map[string]interface{}` (a missing key prints
//!   `<no value>`).
//! - JSON objects nested in the data are `map[string]interface{}`, arrays `[]interface{}`,
//!   integers `int`, other numbers `float64`; `null` is a nil interface (`<no value>` when printed
//!   by an action, `<nil>` inside `print`), or a nil pointer for a top-level field of a struct row.

use crate::render::format::Row;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

// ---------------------------------------------------------------------------------------------
// Public API

/// A parse or execution error, displayed exactly as Go's `err.Error()`
/// (`template: :1: unclosed action`, `template: :1:2: executing "" at <.Foo>: …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    msg: String,
}

impl Error {
    fn new(msg: String) -> Self {
        Error { msg }
    }
    /// The message text (same as `to_string()`).
    pub fn message(&self) -> &str {
        &self.msg
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}

/// Which set of docker's functions a template runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Funcs {
    /// `templates.basicFunctions`: `json split join title lower upper pad truncate`.
    Basic,
    /// `templates.HeaderFunctions`: no-op string versions of the same names (except `pad`),
    /// used to render a table's header row.
    Header,
}

/// A parsed template (with the templates it `define`s).
#[derive(Debug)]
pub struct Template {
    name: String,
    trees: HashMap<String, Arc<Tree>>,
}

impl Template {
    /// Parse `text` as docker does (`templates.Parse`: an anonymous template, name "").
    pub fn parse(text: &str) -> Result<Template, Error> {
        Template::parse_named("", text)
    }

    /// Parse `text` as a template called `name` (the name appears in error messages).
    pub fn parse_named(name: &str, text: &str) -> Result<Template, Error> {
        let mut trees = HashMap::new();
        let mut p = Parser::new(name, text, &mut trees);
        p.parse_top().map_err(Error::new)?;
        Ok(Template {
            name: name.to_string(),
            trees,
        })
    }

    /// Run the template with docker's basic functions against `dot`, appending to `out`.
    /// On error, the output produced before the error stays in `out` (as in Go).
    pub fn execute(&self, out: &mut Vec<u8>, dot: &dyn Row) -> Result<(), Error> {
        self.execute_with(out, dot, Funcs::Basic, None)
    }

    /// Like [`Template::execute`], choosing the function set, and optionally recording the
    /// names of the fields looked up on `dot` (and every field of `dot` when it is marshalled
    /// whole, as `{{json .}}` does) — what docker's `FieldsUsed` pre-check observes.
    pub fn execute_with(
        &self,
        out: &mut Vec<u8>,
        dot: &dyn Row,
        funcs: Funcs,
        used: Option<&mut BTreeSet<String>>,
    ) -> Result<(), Error> {
        let tree: &Arc<Tree> = match self.trees.get(&self.name) {
            Some(t) => t,
            None => {
                return Err(Error::new(format!(
                    "template: {}: {} is an incomplete or empty template",
                    self.name,
                    go_quote(&self.name)
                )))
            }
        };
        let dot_val = Val::from_row(dot);
        let mut st = State {
            tmpl: self,
            tree: tree.clone(),
            out,
            node: At::None,
            vars: vec![("$".to_string(), dot_val.clone())],
            depth: 0,
            funcs,
            used,
        };
        match st.walk_list(&dot_val, &tree.root) {
            Ok(()) => Ok(()),
            Err(Flow::Err(e)) => Err(e),
            // break/continue are only parsed inside range, which consumes them.
            Err(_) => Ok(()),
        }
    }

    /// Execute against a plain JSON value (a `map[string]interface{}`-like dot).
    pub fn execute_value(&self, out: &mut Vec<u8>, data: &Value) -> Result<(), Error> {
        self.execute(out, data)
    }
}

/// A plain JSON value is a row whose dot is the value itself and which has no methods.
impl Row for Value {
    fn data(&self) -> &Value {
        self
    }
}

pub use crate::goquote::go_quote;
use crate::goquote::{append_escaped_rune, go_is_print};

/// Go's `encoding/json` encoding of `v` with `SetEscapeHTML(false)`, as docker's `json` template
/// function prints it (object keys sorted, floats formatted as Go does, U+2028/U+2029 escaped).
pub fn go_json(v: &Value) -> String {
    let mut out = Vec::new();
    json_value(&mut out, v);
    String::from_utf8(out).expect("json output is UTF-8")
}

/// Go's `fmt.Sprint` of one JSON value (`%v`): strings raw, integers without `.0`, floats like
/// Go's `%v`, arrays `[a b]`, objects `map[k:v]` with sorted keys, `null` as `<nil>`.
pub fn go_sprint(v: &Value) -> String {
    let val = Val::from_json(v, false);
    let mut p = Printer::default();
    p.print_arg(&val, 'v');
    String::from_utf8_lossy(&p.buf).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Lexer (Go's text/template/parse/lex.go)

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
enum It {
    Error,
    Bool,
    Char,
    CharConstant,
    Comment,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,
    // Keywords appear after all the rest.
    Keyword,
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

fn keyword(word: &str) -> Option<It> {
    Some(match word {
        "." => It::Dot,
        "block" => It::Block,
        "break" => It::Break,
        "continue" => It::Continue,
        "define" => It::Define,
        "else" => It::Else,
        "end" => It::End,
        "if" => It::If,
        "range" => It::Range,
        "nil" => It::Nil,
        "template" => It::Template,
        "with" => It::With,
        _ => return None,
    })
}

#[derive(Clone, Debug)]
struct Item {
    typ: It,
    pos: usize,
    val: String,
    line: usize,
}

impl Default for Item {
    fn default() -> Self {
        Item {
            typ: It::Eof,
            pos: 0,
            val: String::new(),
            line: 0,
        }
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.typ {
            It::Eof => f.write_str("EOF"),
            It::Error => f.write_str(&self.val),
            t if t > It::Keyword => write!(f, "<{}>", self.val),
            _ if self.val.len() > 10 => {
                let head: String = self.val.chars().take(10).collect();
                write!(f, "{}...", go_quote(&head))
            }
            _ => f.write_str(&go_quote(&self.val)),
        }
    }
}

const LEFT_DELIM: &str = "{{";
const RIGHT_DELIM: &str = "}}";
const LEFT_COMMENT: &str = "/*";
const RIGHT_COMMENT: &str = "*/";
const TRIM_MARKER_LEN: usize = 2;

#[derive(Clone, Copy)]
enum LexState {
    Text,
    LeftDelim,
    Comment,
    RightDelim,
    InsideAction,
    Space,
    Identifier,
    Field,
    Variable,
    Char,
    Number,
    Quote,
    RawQuote,
}

const EOF: Option<char> = None;

struct Lexer<'a> {
    input: &'a str,
    pos: usize,
    start: usize,
    at_eof: bool,
    paren_depth: i64,
    line: usize,
    start_line: usize,
    inside_action: bool,
    item: Item,
}

fn is_space(r: Option<char>) -> bool {
    matches!(r, Some(' ' | '\t' | '\r' | '\n'))
}

fn is_alphanumeric(r: Option<char>) -> bool {
    match r {
        Some(c) if c.is_ascii() => c == '_' || c.is_ascii_alphanumeric(),
        Some(c) => c.is_alphabetic() || c.is_numeric(),
        None => false,
    }
}

fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(Some(b[1] as char))
}

fn has_right_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(Some(b[0] as char)) && b[1] == b'-'
}

const SPACE_CHARS: &[char] = &[' ', '\t', '\r', '\n'];

/// Go's `%#U`: `U+0041 'A'` (or just `U+0001` for a non-printable rune).
fn sharp_u(r: Option<char>) -> String {
    match r {
        None => "U+FFFFFFFFFFFFFFFF".to_string(), // eof (-1) as Go would print it
        Some(c) if go_is_print(c) => format!("U+{:04X} '{}'", c as u32, c),
        Some(c) => format!("U+{:04X}", c as u32),
    }
}

impl<'a> Lexer<'a> {
    fn new(input: &'a str) -> Self {
        Lexer {
            input,
            pos: 0,
            start: 0,
            at_eof: false,
            paren_depth: 0,
            line: 1,
            start_line: 1,
            inside_action: false,
            item: Item::default(),
        }
    }

    fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }

    fn next(&mut self) -> Option<char> {
        match self.input[self.pos..].chars().next() {
            None => {
                self.at_eof = true;
                EOF
            }
            Some(c) => {
                self.pos += c.len_utf8();
                if c == '\n' {
                    self.line += 1;
                }
                Some(c)
            }
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.input[self.pos..].chars().next()
    }

    fn backup(&mut self) {
        if !self.at_eof && self.pos > 0 {
            let c = self.input[..self.pos].chars().next_back().expect("pos > 0");
            self.pos -= c.len_utf8();
            if c == '\n' {
                self.line -= 1;
            }
        }
    }

    fn this_item(&mut self, t: It) -> Item {
        let i = Item {
            typ: t,
            pos: self.start,
            val: self.input[self.start..self.pos].to_string(),
            line: self.start_line,
        };
        self.start = self.pos;
        self.start_line = self.line;
        i
    }

    fn emit(&mut self, t: It) -> Option<LexState> {
        let i = self.this_item(t);
        self.item = i;
        None
    }

    fn emit_item(&mut self, i: Item) -> Option<LexState> {
        self.item = i;
        None
    }

    fn ignore(&mut self) {
        self.line += self.input[self.start..self.pos].matches('\n').count();
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn accept(&mut self, valid: &str) -> bool {
        match self.next() {
            Some(c) if valid.contains(c) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    fn accept_run(&mut self, valid: &str) {
        loop {
            match self.next() {
                Some(c) if valid.contains(c) => {}
                _ => break,
            }
        }
        self.backup();
    }

    fn errorf(&mut self, msg: String) -> Option<LexState> {
        self.item = Item {
            typ: It::Error,
            pos: self.start,
            val: msg,
            line: self.start_line,
        };
        self.start = 0;
        self.pos = 0;
        self.input = &self.input[..0];
        None
    }

    fn next_item(&mut self) -> Item {
        self.item = Item {
            typ: It::Eof,
            pos: self.pos,
            val: "EOF".to_string(),
            line: self.start_line,
        };
        let mut state = if self.inside_action {
            LexState::InsideAction
        } else {
            LexState::Text
        };
        loop {
            let next = match state {
                LexState::Text => self.lex_text(),
                LexState::LeftDelim => self.lex_left_delim(),
                LexState::Comment => self.lex_comment(),
                LexState::RightDelim => self.lex_right_delim(),
                LexState::InsideAction => self.lex_inside_action(),
                LexState::Space => self.lex_space(),
                LexState::Identifier => self.lex_identifier(),
                LexState::Field => self.lex_field_or_variable(It::Field),
                LexState::Variable => self.lex_variable(),
                LexState::Char => self.lex_char(),
                LexState::Number => self.lex_number(),
                LexState::Quote => self.lex_quote(),
                LexState::RawQuote => self.lex_raw_quote(),
            };
            match next {
                Some(s) => state = s,
                None => return std::mem::take(&mut self.item),
            }
        }
    }

    fn lex_text(&mut self) -> Option<LexState> {
        if let Some(x) = self.rest().find(LEFT_DELIM) {
            if x > 0 {
                self.pos += x;
                let mut trim_length = 0;
                let delim_end = self.pos + LEFT_DELIM.len();
                if has_left_trim_marker(&self.input[delim_end..]) {
                    let s = &self.input[self.start..self.pos];
                    trim_length = s.len() - s.trim_end_matches(SPACE_CHARS).len();
                }
                self.pos -= trim_length;
                self.line += self.input[self.start..self.pos].matches('\n').count();
                let i = self.this_item(It::Text);
                self.pos += trim_length;
                self.ignore();
                if !i.val.is_empty() {
                    return self.emit_item(i);
                }
            }
            return Some(LexState::LeftDelim);
        }
        self.pos = self.input.len();
        if self.pos > self.start {
            self.line += self.input[self.start..self.pos].matches('\n').count();
            return self.emit(It::Text);
        }
        self.emit(It::Eof)
    }

    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim_marker(rest) && rest[TRIM_MARKER_LEN..].starts_with(RIGHT_DELIM) {
            return (true, true);
        }
        if rest.starts_with(RIGHT_DELIM) {
            return (true, false);
        }
        (false, false)
    }

    fn left_trim_length(s: &str) -> usize {
        s.len() - s.trim_start_matches(SPACE_CHARS).len()
    }

    fn lex_left_delim(&mut self) -> Option<LexState> {
        self.pos += LEFT_DELIM.len();
        let trim_space = has_left_trim_marker(self.rest());
        let after_marker = if trim_space { TRIM_MARKER_LEN } else { 0 };
        if self.input[self.pos + after_marker..].starts_with(LEFT_COMMENT) {
            self.pos += after_marker;
            self.ignore();
            return Some(LexState::Comment);
        }
        let i = self.this_item(It::LeftDelim);
        self.inside_action = true;
        self.pos += after_marker;
        self.ignore();
        self.paren_depth = 0;
        self.emit_item(i)
    }

    fn lex_comment(&mut self) -> Option<LexState> {
        self.pos += LEFT_COMMENT.len();
        let Some(x) = self.rest().find(RIGHT_COMMENT) else {
            return self.errorf("unclosed comment".into());
        };
        self.pos += x + RIGHT_COMMENT.len();
        let (delim, trim_space) = self.at_right_delim();
        if !delim {
            return self.errorf("comment ends before closing delimiter".into());
        }
        self.line += self.input[self.start..self.pos].matches('\n').count();
        let _comment = self.this_item(It::Comment);
        if trim_space {
            self.pos += TRIM_MARKER_LEN;
        }
        self.pos += RIGHT_DELIM.len();
        if trim_space {
            self.pos += Self::left_trim_length(self.rest());
        }
        self.ignore();
        Some(LexState::Text)
    }

    fn lex_right_delim(&mut self) -> Option<LexState> {
        let (_, trim_space) = self.at_right_delim();
        if trim_space {
            self.pos += TRIM_MARKER_LEN;
            self.ignore();
        }
        self.pos += RIGHT_DELIM.len();
        let i = self.this_item(It::RightDelim);
        if trim_space {
            self.pos += Self::left_trim_length(self.rest());
            self.ignore();
        }
        self.inside_action = false;
        self.emit_item(i)
    }

    fn lex_inside_action(&mut self) -> Option<LexState> {
        let (delim, _) = self.at_right_delim();
        if delim {
            if self.paren_depth == 0 {
                return Some(LexState::RightDelim);
            }
            return self.errorf("unclosed left paren".into());
        }
        let r = self.next();
        match r {
            None => self.errorf("unclosed action".into()),
            Some(c) if is_space(Some(c)) => {
                self.backup();
                Some(LexState::Space)
            }
            Some('=') => self.emit(It::Assign),
            Some(':') => {
                if self.next() != Some('=') {
                    return self.errorf("expected :=".into());
                }
                self.emit(It::Declare)
            }
            Some('|') => self.emit(It::Pipe),
            Some('"') => Some(LexState::Quote),
            Some('`') => Some(LexState::RawQuote),
            Some('$') => Some(LexState::Variable),
            Some('\'') => Some(LexState::Char),
            Some('.') => {
                if let Some(&b) = self.input.as_bytes().get(self.pos) {
                    if !b.is_ascii_digit() {
                        return Some(LexState::Field);
                    }
                }
                self.backup();
                Some(LexState::Number)
            }
            Some(c) if c == '+' || c == '-' || c.is_ascii_digit() => {
                self.backup();
                Some(LexState::Number)
            }
            Some(c) if is_alphanumeric(Some(c)) => {
                self.backup();
                Some(LexState::Identifier)
            }
            Some('(') => {
                self.paren_depth += 1;
                self.emit(It::LeftParen)
            }
            Some(')') => {
                self.paren_depth -= 1;
                if self.paren_depth < 0 {
                    return self.errorf("unexpected right paren".into());
                }
                self.emit(It::RightParen)
            }
            Some(c) if (' '..='~').contains(&c) => self.emit(It::Char),
            Some(c) => self.errorf(format!(
                "unrecognized character in action: {}",
                sharp_u(Some(c))
            )),
        }
    }

    fn lex_space(&mut self) -> Option<LexState> {
        let mut num_spaces = 0;
        while is_space(self.peek()) {
            self.next();
            num_spaces += 1;
        }
        let from = &self.input[self.pos - 1..];
        if has_right_trim_marker(from) && from[TRIM_MARKER_LEN..].starts_with(RIGHT_DELIM) {
            self.backup();
            if num_spaces == 1 {
                return Some(LexState::RightDelim);
            }
        }
        self.emit(It::Space)
    }

    fn at_terminator(&mut self) -> bool {
        let r = self.peek();
        if is_space(r) {
            return true;
        }
        match r {
            None | Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            _ => self.rest().starts_with(RIGHT_DELIM),
        }
    }

    fn lex_identifier(&mut self) -> Option<LexState> {
        loop {
            let r = self.next();
            if is_alphanumeric(r) {
                continue;
            }
            self.backup();
            let word = &self.input[self.start..self.pos];
            if !self.at_terminator() {
                return self.errorf(format!("bad character {}", sharp_u(r)));
            }
            if let Some(k) = keyword(word) {
                if k > It::Keyword {
                    return self.emit(k);
                }
            }
            if word.starts_with('.') {
                return self.emit(It::Field);
            }
            if word == "true" || word == "false" {
                return self.emit(It::Bool);
            }
            return self.emit(It::Identifier);
        }
    }

    fn lex_variable(&mut self) -> Option<LexState> {
        if self.at_terminator() {
            return self.emit(It::Variable);
        }
        self.lex_field_or_variable(It::Variable)
    }

    fn lex_field_or_variable(&mut self, typ: It) -> Option<LexState> {
        if self.at_terminator() {
            return if typ == It::Variable {
                self.emit(It::Variable)
            } else {
                self.emit(It::Dot)
            };
        }
        let mut r;
        loop {
            r = self.next();
            if !is_alphanumeric(r) {
                self.backup();
                break;
            }
        }
        if !self.at_terminator() {
            return self.errorf(format!("bad character {}", sharp_u(r)));
        }
        self.emit(typ)
    }

    fn lex_char(&mut self) -> Option<LexState> {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.errorf("unterminated character constant".into()),
                },
                None | Some('\n') => return self.errorf("unterminated character constant".into()),
                Some('\'') => break,
                _ => {}
            }
        }
        self.emit(It::CharConstant)
    }

    fn lex_number(&mut self) -> Option<LexState> {
        if !self.scan_number() {
            let s = self.input[self.start..self.pos].to_string();
            return self.errorf(format!("bad number syntax: {}", go_quote(&s)));
        }
        if let Some('+' | '-') = self.peek() {
            if !self.scan_number() || !self.input[..self.pos].ends_with('i') {
                let s = self.input[self.start..self.pos].to_string();
                return self.errorf(format!("bad number syntax: {}", go_quote(&s)));
            }
            return self.emit(It::Complex);
        }
        self.emit(It::Number)
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = "0123456789_";
        if self.accept("0") {
            if self.accept("xX") {
                digits = "0123456789abcdefABCDEF_";
            } else if self.accept("oO") {
                digits = "01234567_";
            } else if self.accept("bB") {
                digits = "01_";
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits.len() == 10 + 1 && self.accept("eE") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        if digits.len() == 16 + 6 + 1 && self.accept("pP") {
            self.accept("+-");
            self.accept_run("0123456789_");
        }
        self.accept("i");
        if is_alphanumeric(self.peek()) {
            self.next();
            return false;
        }
        true
    }

    fn lex_quote(&mut self) -> Option<LexState> {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.errorf("unterminated quoted string".into()),
                },
                None | Some('\n') => return self.errorf("unterminated quoted string".into()),
                Some('"') => break,
                _ => {}
            }
        }
        self.emit(It::String)
    }

    fn lex_raw_quote(&mut self) -> Option<LexState> {
        loop {
            match self.next() {
                None => return self.errorf("unterminated raw quoted string".into()),
                Some('`') => break,
                _ => {}
            }
        }
        self.emit(It::RawString)
    }
}

// ---------------------------------------------------------------------------------------------
// Parse tree (Go's text/template/parse/node.go)

#[derive(Debug)]
struct Tree {
    name: String,
    parse_name: String,
    text: Arc<str>,
    root: Vec<Node>,
}

#[derive(Debug)]
enum Node {
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
struct Action {
    pos: usize,
    pipe: Pipe,
}

#[derive(Debug)]
struct Branch {
    pos: usize,
    pipe: Pipe,
    list: Vec<Node>,
    else_list: Option<Vec<Node>>,
}

#[derive(Debug)]
struct TemplateCall {
    pos: usize,
    name: String,
    pipe: Option<Pipe>,
}

#[derive(Debug)]
struct Pipe {
    pos: usize,
    is_assign: bool,
    decl: Vec<VarNode>,
    cmds: Vec<Command>,
}

#[derive(Debug, Clone)]
struct VarNode {
    pos: usize,
    ident: Vec<String>,
}

#[derive(Debug)]
struct Command {
    pos: usize,
    args: Vec<Arg>,
}

#[derive(Debug)]
enum Arg {
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
struct Number {
    text: String,
    is_int: bool,
    is_uint: bool,
    is_float: bool,
    is_complex: bool,
    int64: i64,
    uint64: u64,
    float64: f64,
    complex: (f64, f64),
}

impl Arg {
    fn pos(&self) -> usize {
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

fn write_list(f: &mut fmt::Formatter<'_>, list: &[Node]) -> fmt::Result {
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
    fn pos(&self) -> usize {
        match self {
            Node::Text(_) => 0,
            Node::Action(a) => a.pos,
            Node::If(b) | Node::Range(b) | Node::With(b) => b.pos,
            Node::Template(t) => t.pos,
            Node::Break(p) | Node::Continue(p) => *p,
        }
    }
}

fn is_empty_tree(list: &[Node]) -> bool {
    list.iter().all(|n| match n {
        Node::Text(t) => t.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0b),
        _ => false,
    })
}

// ---------------------------------------------------------------------------------------------
// Parser (Go's text/template/parse/parse.go)

/// `{{end}}` and `{{else}}` are returned by item lists but never stored in the tree.
enum Parsed {
    Node(Node),
    End,
    Else,
}

impl Parsed {
    fn describe(&self) -> String {
        match self {
            Parsed::Node(n) => n.to_string(),
            Parsed::End => "{{end}}".into(),
            Parsed::Else => "{{else}}".into(),
        }
    }
}

// Go allows 10000 nested parentheses and 100000 nested template calls; recursion that deep
// would overflow a Rust thread's stack, so the limits are lower (same messages).
const MAX_PAREN_DEPTH: usize = 100;
const MAX_EXEC_DEPTH: usize = 200;

type PResult<T> = Result<T, String>;

struct Parser<'a, 's> {
    lex: Lexer<'a>,
    token: [Item; 3],
    peek_count: usize,
    vars: Vec<String>,
    parse_name: String,
    text: Arc<str>,
    action_line: usize,
    range_depth: usize,
    stack_depth: usize,
    /// nesting of if/range/with (unlimited in Go; limited here for the same stack reason)
    block_depth: usize,
    trees: &'s mut HashMap<String, Arc<Tree>>,
}

/// The functions a template may name (parse-time check, like Go's `hasFunction`).
fn function_exists(name: &str) -> bool {
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
    fn new(name: &str, text: &'a str, trees: &'s mut HashMap<String, Arc<Tree>>) -> Self {
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

    fn next(&mut self) -> Item {
        if self.peek_count > 0 {
            self.peek_count -= 1;
        } else {
            self.token[0] = self.lex.next_item();
        }
        self.token[self.peek_count].clone()
    }

    fn backup(&mut self) {
        self.peek_count += 1;
    }

    fn backup2(&mut self, t1: Item) {
        self.token[1] = t1;
        self.peek_count = 2;
    }

    fn backup3(&mut self, t2: Item, t1: Item) {
        self.token[1] = t1;
        self.token[2] = t2;
        self.peek_count = 3;
    }

    fn peek(&mut self) -> Item {
        if self.peek_count > 0 {
            return self.token[self.peek_count - 1].clone();
        }
        self.peek_count = 1;
        self.token[0] = self.lex.next_item();
        self.token[0].clone()
    }

    fn next_non_space(&mut self) -> Item {
        loop {
            let t = self.next();
            if t.typ != It::Space {
                return t;
            }
        }
    }

    fn peek_non_space(&mut self) -> Item {
        let t = self.next_non_space();
        self.backup();
        t
    }

    fn errorf<T>(&self, msg: impl fmt::Display) -> PResult<T> {
        Err(format!(
            "template: {}:{}: {}",
            self.parse_name, self.token[0].line, msg
        ))
    }

    fn expect(&mut self, expected: It, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != expected {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    fn expect_one_of(&mut self, e1: It, e2: It, context: &str) -> PResult<Item> {
        let t = self.next_non_space();
        if t.typ != e1 && t.typ != e2 {
            return self.unexpected(&t, context);
        }
        Ok(t)
    }

    fn unexpected<T>(&self, token: &Item, context: &str) -> PResult<T> {
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

    fn add(&mut self, name: &str, root: Vec<Node>) -> PResult<()> {
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

    fn parse_top(&mut self) -> PResult<()> {
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
    fn sub_tree<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let vars = std::mem::replace(&mut self.vars, vec!["$".to_string()]);
        let range_depth = std::mem::replace(&mut self.range_depth, 0);
        let action_line = std::mem::replace(&mut self.action_line, 0);
        let r = f(self);
        self.vars = vars;
        self.range_depth = range_depth;
        self.action_line = action_line;
        r
    }

    fn parse_definition(&mut self) -> PResult<()> {
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

    fn item_list(&mut self) -> PResult<(Vec<Node>, Parsed)> {
        let mut list = Vec::new();
        while self.peek_non_space().typ != It::Eof {
            match self.text_or_action()? {
                Parsed::Node(n) => list.push(n),
                other => return Ok((list, other)),
            }
        }
        self.errorf("unexpected EOF")
    }

    fn text_or_action(&mut self) -> PResult<Parsed> {
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

    fn action(&mut self) -> PResult<Parsed> {
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

    fn if_control(&mut self) -> PResult<Node> {
        let (pos, pipe, list, else_list) = self.parse_control("if")?;
        Ok(Node::If(Branch {
            pos,
            pipe,
            list,
            else_list,
        }))
    }

    fn with_control(&mut self) -> PResult<Node> {
        let (pos, pipe, list, else_list) = self.parse_control("with")?;
        Ok(Node::With(Branch {
            pos,
            pipe,
            list,
            else_list,
        }))
    }

    fn else_control(&mut self) -> PResult<Parsed> {
        let peek = self.peek_non_space();
        if peek.typ == It::If || peek.typ == It::With {
            return Ok(Parsed::Else);
        }
        self.expect(It::RightDelim, "else")?;
        Ok(Parsed::Else)
    }

    #[allow(clippy::type_complexity)]
    fn parse_control(
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
    fn parse_control_inner(
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

    fn block_control(&mut self) -> PResult<Node> {
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

    fn template_control(&mut self) -> PResult<Node> {
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

    fn parse_template_name(&mut self, token: &Item, context: &str) -> PResult<String> {
        match token.typ {
            It::String | It::RawString => match unquote(&token.val) {
                Ok(s) => Ok(String::from_utf8_lossy(&s).into_owned()),
                Err(e) => self.errorf(e),
            },
            _ => self.unexpected(token, context),
        }
    }

    fn pipeline(&mut self, context: &str, end: It) -> PResult<Pipe> {
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

    fn check_pipeline(&self, pipe: &Pipe, context: &str) -> PResult<()> {
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

    fn command(&mut self) -> PResult<Command> {
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

    fn operand(&mut self) -> PResult<Option<Arg>> {
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

    fn term(&mut self) -> PResult<Option<Arg>> {
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

fn new_variable(pos: usize, name: &str) -> VarNode {
    VarNode {
        pos,
        ident: name.split('.').map(str::to_string).collect(),
    }
}

/// Go's `strconv.Unquote` for the three literal forms; errors are `invalid syntax`.
fn unquote(s: &str) -> Result<Vec<u8>, &'static str> {
    const SYNTAX: &str = "invalid syntax";
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b[b.len() - 1] {
        return Err(SYNTAX);
    }
    let quote = b[0];
    let inner = &s[1..s.len() - 1];
    match quote {
        b'`' => {
            if inner.contains('`') {
                return Err(SYNTAX);
            }
            Ok(inner.bytes().filter(|&c| c != b'\r').collect())
        }
        b'"' | b'\'' => {
            if inner.contains('\n') {
                return Err(SYNTAX);
            }
            let mut out = Vec::new();
            let mut rest = inner.as_bytes();
            let mut n = 0;
            while !rest.is_empty() {
                let (piece, tail) = unquote_char(rest, quote).ok_or(SYNTAX)?;
                out.extend_from_slice(&piece);
                rest = tail;
                n += 1;
                if quote == b'\'' && n > 1 {
                    return Err(SYNTAX);
                }
            }
            if quote == b'\'' && n != 1 {
                return Err(SYNTAX);
            }
            Ok(out)
        }
        _ => Err(SYNTAX),
    }
}

/// Go's `strconv.UnquoteChar`: one (possibly escaped) character from `s`, as UTF-8 bytes (or a
/// raw byte for `\x`/octal escapes), and the rest of `s`.
fn unquote_char(s: &[u8], quote: u8) -> Option<(Vec<u8>, &[u8])> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c != b'\\' {
        let (r, w) = decode_rune(s);
        if r.is_none() && w == 1 {
            // An invalid byte stands for itself (Go appends U+FFFD only when unquoting text
            // that was valid Go source; template text is a Go string, keep the byte).
            return Some((vec![c], &s[1..]));
        }
        return Some((s[..w].to_vec(), &s[w..]));
    }
    if s.len() <= 1 {
        return None;
    }
    let c = s[1];
    let mut rest = &s[2..];
    let ch: char = match c {
        b'a' => '\x07',
        b'b' => '\x08',
        b'f' => '\x0c',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'v' => '\x0b',
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            if rest.len() < n {
                return None;
            }
            let mut v: u32 = 0;
            for &d in &rest[..n] {
                v = v.checked_mul(16)? + (d as char).to_digit(16)?;
            }
            rest = &rest[n..];
            if c == b'x' {
                return Some((vec![v as u8], rest));
            }
            char::from_u32(v)?
        }
        b'0'..=b'7' => {
            if rest.len() < 2 {
                return None;
            }
            let mut v: u32 = (c - b'0') as u32;
            for &d in &rest[..2] {
                let d = (d as char).to_digit(8)?;
                v = v * 8 + d;
            }
            if v > 255 {
                return None;
            }
            rest = &rest[2..];
            return Some((vec![v as u8], rest));
        }
        b'\\' => '\\',
        b'\'' | b'"' => {
            if c != quote {
                return None;
            }
            c as char
        }
        _ => return None,
    };
    let mut buf = [0u8; 4];
    Some((ch.encode_utf8(&mut buf).as_bytes().to_vec(), rest))
}

/// Go's `underscoreOK`: underscores only between digits (a base prefix counts as a digit).
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    let b = match b.first() {
        Some(b'+' | b'-') => &b[1..],
        _ => b,
    };
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].eq_ignore_ascii_case(&b'x');
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// Go's `strconv.ParseUint(s, 0, 64)` / `ParseInt(s, 0, 64)` syntax: optional sign (int only),
/// `0x`/`0o`/`0b`/leading-`0` prefixes, underscores between digits.
fn parse_go_int(s: &str, signed: bool) -> Option<(bool, u64)> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') if signed => (false, &s[1..]),
        Some(b'-') if signed => (true, &s[1..]),
        _ => (false, s),
    };
    if body.is_empty() {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let (base, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if digits.contains('_') && !underscore_ok(body) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if clean.is_empty() {
        return None;
    }
    let v = u64::from_str_radix(&clean, base).ok()?;
    Some((neg, v))
}

fn parse_go_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if body.starts_with("0x") {
        return parse_hex_float(&lower);
    }
    if body.is_empty()
        || !body
            .bytes()
            .all(|c| c.is_ascii_digit() || b"._e+-".contains(&c))
    {
        return None;
    }
    if lower.contains('_') && !underscore_ok(&lower) {
        return None;
    }
    let clean: String = lower.chars().filter(|&c| c != '_').collect();
    let f: f64 = clean.parse().ok()?;
    if f.is_infinite() {
        return None; // Go reports ErrRange
    }
    Some(f)
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let body = body.strip_prefix("0x")?.replace('_', "");
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().ok()?),
        None => (body.clone(), 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((&mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    let v = v * 2f64.powi(exp);
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Go's `parse.newNumber`.
fn new_number(text: &str, typ: It) -> Result<Number, String> {
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
            let re =
                parse_go_float(&body[..split]).ok_or_else(|| "expected integer".to_string())?;
            let im =
                parse_go_float(&body[split..]).ok_or_else(|| "expected integer".to_string())?;
            n.is_complex = true;
            n.complex = (re, im);
            simplify_complex(&mut n);
            return Ok(n);
        }
        _ => {}
    }
    if let Some(body) = text.strip_suffix('i') {
        if let Some(f) = parse_go_float(body) {
            n.is_complex = true;
            n.complex = (0.0, f);
            simplify_complex(&mut n);
            return Ok(n);
        }
    }
    let u = parse_go_int(text, false);
    if let Some((_, v)) = u {
        n.is_uint = true;
        n.uint64 = v;
    }
    if let Some((neg, v)) = parse_go_int(text, true) {
        let i = if neg {
            if v <= i64::MAX as u64 + 1 {
                Some((v as i64).wrapping_neg())
            } else {
                None
            }
        } else if v <= i64::MAX as u64 {
            Some(v as i64)
        } else {
            None
        };
        if let Some(i) = i {
            n.is_int = true;
            n.int64 = i;
            if i == 0 {
                n.is_uint = true;
                n.uint64 = 0;
            }
        }
    }
    if n.is_int {
        n.is_float = true;
        n.float64 = n.int64 as f64;
    } else if n.is_uint {
        n.is_float = true;
        n.float64 = n.uint64 as f64;
    } else if let Some(f) = parse_go_float(text) {
        if !text.contains(['.', 'e', 'E', 'p', 'P']) {
            return Err(format!("integer overflow: {}", go_quote(text)));
        }
        n.is_float = true;
        n.float64 = f;
        if !n.is_int && (f as i64) as f64 == f {
            n.is_int = true;
            n.int64 = f as i64;
        }
        if !n.is_uint && f >= 0.0 && (f as u64) as f64 == f {
            n.is_uint = true;
            n.uint64 = f as u64;
        }
    }
    if !n.is_int && !n.is_uint && !n.is_float {
        return Err(format!("illegal number syntax: {}", go_quote(text)));
    }
    Ok(n)
}

fn simplify_complex(n: &mut Number) {
    n.is_float = n.complex.1 == 0.0;
    if n.is_float {
        n.float64 = n.complex.0;
        n.is_int = (n.float64 as i64) as f64 == n.float64;
        if n.is_int {
            n.int64 = n.float64 as i64;
        }
        n.is_uint = n.float64 >= 0.0 && (n.float64 as u64) as f64 == n.float64;
        if n.is_uint {
            n.uint64 = n.float64 as u64;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values

/// A Go value as the executor sees it.
#[derive(Clone)]
enum Val<'r> {
    /// Go's zero `reflect.Value`: a missing map key, or a nil interface after a pipeline.
    Invalid,
    /// A nil `interface{}` that is still a value (JSON null inside a map or array).
    Nil,
    /// A nil pointer field of a struct row (JSON null at the top of a row with a type name).
    NilPtr,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Byte(u8),
    Float(f64),
    Complex(f64, f64),
    Str(Rc<[u8]>),
    /// `[]string` (what `split` returns).
    Strings(Rc<[Rc<[u8]>]>),
    /// `[]interface{}`.
    List(Rc<[Val<'r>]>),
    /// `map[string]interface{}`; keys in byte order, as Go sorts them for printing and range.
    Map(Rc<BTreeMap<Vec<u8>, Val<'r>>>),
    /// The row given to Execute (or a row-like header map).
    Row(&'r dyn Row),
}

impl<'r> Val<'r> {
    fn str(s: &[u8]) -> Self {
        Val::Str(Rc::from(s))
    }

    fn from_json(v: &Value, struct_field: bool) -> Val<'r> {
        match v {
            Value::Null => {
                if struct_field {
                    Val::NilPtr
                } else {
                    Val::Nil
                }
            }
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Val::Int(i)
                } else if let Some(u) = n.as_u64() {
                    Val::Uint(u)
                } else {
                    Val::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => Val::str(s.as_bytes()),
            Value::Array(a) => Val::List(a.iter().map(|e| Val::from_json(e, false)).collect()),
            Value::Object(o) => Val::Map(Rc::new(
                o.iter()
                    .map(|(k, v)| (k.as_bytes().to_vec(), Val::from_json(v, false)))
                    .collect(),
            )),
        }
    }

    fn from_row(row: &'r dyn Row) -> Val<'r> {
        match row.data() {
            Value::Object(_) => Val::Row(row),
            other => Val::from_json(other, false),
        }
    }

    /// Go's `reflect.Type.String()` of the value.
    fn type_name(&self) -> String {
        match self {
            Val::Invalid => "<invalid reflect.Value>".into(),
            Val::Nil => "interface {}".into(),
            Val::NilPtr => "*interface {}".into(),
            Val::Bool(_) => "bool".into(),
            Val::Int(_) => "int".into(),
            Val::Uint(_) => "uint64".into(),
            Val::Byte(_) => "uint8".into(),
            Val::Float(_) => "float64".into(),
            Val::Complex(..) => "complex128".into(),
            Val::Str(_) => "string".into(),
            Val::Strings(_) => "[]string".into(),
            Val::List(_) => "[]interface {}".into(),
            Val::Map(_) => "map[string]interface {}".into(),
            Val::Row(r) => r
                .type_name()
                .map(str::to_string)
                .unwrap_or_else(|| "map[string]interface {}".into()),
        }
    }

    fn is_struct_row(&self) -> bool {
        matches!(self, Val::Row(r) if r.type_name().is_some())
    }

    /// Go's `isTrue(indirectInterface(v))`.
    fn truth(&self) -> bool {
        match self {
            Val::Invalid | Val::Nil | Val::NilPtr => false,
            Val::Bool(b) => *b,
            Val::Int(i) => *i != 0,
            Val::Uint(u) => *u != 0,
            Val::Byte(b) => *b != 0,
            Val::Float(f) => *f != 0.0,
            Val::Complex(a, b) => *a != 0.0 || *b != 0.0,
            Val::Str(s) => !s.is_empty(),
            Val::Strings(s) => !s.is_empty(),
            Val::List(l) => !l.is_empty(),
            Val::Map(m) => !m.is_empty(),
            Val::Row(r) => {
                r.type_name().is_some() || r.data().as_object().is_some_and(|o| !o.is_empty())
            }
        }
    }

    fn to_json(&self) -> Value {
        match self {
            Val::Invalid | Val::Nil | Val::NilPtr => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Int(i) => Value::from(*i),
            Val::Uint(u) => Value::from(*u),
            Val::Byte(b) => Value::from(*b),
            Val::Float(f) => serde_json::Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Val::Complex(..) => Value::Null,
            Val::Str(s) => Value::String(String::from_utf8_lossy(s).into_owned()),
            Val::Strings(s) => Value::Array(
                s.iter()
                    .map(|e| Value::String(String::from_utf8_lossy(e).into_owned()))
                    .collect(),
            ),
            Val::List(l) => Value::Array(l.iter().map(Val::to_json).collect()),
            Val::Map(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (String::from_utf8_lossy(k).into_owned(), v.to_json()))
                    .collect(),
            ),
            Val::Row(r) => r.data().clone(),
        }
    }

    /// The fields of a row or map, for printing as `map[k:v]`.
    fn map_entries(&self) -> Option<Vec<(Vec<u8>, Val<'r>)>> {
        match self {
            Val::Map(m) => Some(m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
            Val::Row(r) => {
                let st = r.type_name().is_some();
                let mut v: Vec<_> = r
                    .data()
                    .as_object()?
                    .iter()
                    .map(|(k, v)| (k.as_bytes().to_vec(), Val::from_json(v, st)))
                    .collect();
                v.sort_by(|a, b| a.0.cmp(&b.0));
                Some(v)
            }
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Executor (Go's text/template/exec.go)

/// The node an error message points at (Go's `state.node`).
#[derive(Clone, Copy)]
enum At<'t> {
    None,
    Node(&'t Node),
    Pipe(&'t Pipe),
    Cmd(&'t Command),
    Arg(&'t Arg),
    Var(&'t VarNode),
}

impl At<'_> {
    fn pos(&self) -> usize {
        match self {
            At::None => 0,
            At::Node(n) => n.pos(),
            At::Pipe(p) => p.pos,
            At::Cmd(c) => c.pos,
            At::Arg(a) => a.pos(),
            At::Var(v) => v.pos,
        }
    }
    fn context(&self) -> String {
        match self {
            At::None => String::new(),
            At::Node(n) => n.to_string(),
            At::Pipe(p) => p.to_string(),
            At::Cmd(c) => c.to_string(),
            At::Arg(a) => a.to_string(),
            At::Var(v) => v.to_string(),
        }
    }
}

enum Flow {
    Err(Error),
    Break,
    Continue,
}

type XResult<T> = Result<T, Flow>;

struct State<'t, 'r, 'o, 'u> {
    tmpl: &'t Template,
    tree: Arc<Tree>,
    out: &'o mut Vec<u8>,
    node: At<'t>,
    vars: Vec<(String, Val<'r>)>,
    depth: usize,
    funcs: Funcs,
    used: Option<&'u mut BTreeSet<String>>,
}

/// Parameter types of the template functions (what Go's `evalArg` converts arguments to).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pt {
    /// `reflect.Value`
    Value,
    /// `interface{}`
    Any,
    Str,
    Int,
    StrSlice,
}

impl Pt {
    fn name(self) -> &'static str {
        match self {
            Pt::Value => "reflect.Value",
            Pt::Any => "interface {}",
            Pt::Str => "string",
            Pt::Int => "int",
            Pt::StrSlice => "[]string",
        }
    }
}

struct Sig {
    fixed: &'static [Pt],
    variadic: Option<Pt>,
    builtin: bool,
}

fn func_sig(name: &str, funcs: Funcs) -> Option<Sig> {
    use Pt::*;
    let b = |fixed, variadic| {
        Some(Sig {
            fixed,
            variadic,
            builtin: true,
        })
    };
    let d = |fixed, variadic| {
        Some(Sig {
            fixed,
            variadic,
            builtin: false,
        })
    };
    match name {
        "and" | "or" | "index" | "slice" | "eq" | "call" => b(&[Value], Some(Value)),
        "not" | "len" => b(&[Value], None),
        "ne" | "lt" | "le" | "gt" | "ge" => b(&[Value, Value], None),
        "print" | "println" | "html" | "js" | "urlquery" => b(&[], Some(Any)),
        "printf" => b(&[Str], Some(Any)),
        "pad" => d(&[Str, Int, Int], None),
        "title" | "lower" | "upper" => d(&[Str], None),
        "json" => match funcs {
            Funcs::Basic => d(&[Any], None),
            Funcs::Header => d(&[Str], None),
        },
        "split" => d(&[Str, Str], None),
        "join" => match funcs {
            Funcs::Basic => d(&[StrSlice, Str], None),
            Funcs::Header => d(&[Str, Str], None),
        },
        "truncate" => d(&[Str, Int], None),
        _ => None,
    }
}

impl<'t, 'r, 'o, 'u> State<'t, 'r, 'o, 'u> {
    fn at(&mut self, n: At<'t>) {
        self.node = n;
    }

    fn errorf<T>(&self, msg: impl fmt::Display) -> XResult<T> {
        let name = &self.tree.name;
        let text = match self.node {
            At::None => format!("template: {name}: {msg}"),
            n => {
                let pos = n.pos();
                let before = &self.tree.text.as_bytes()[..pos.min(self.tree.text.len())];
                let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
                let col = match before.iter().rposition(|&b| b == b'\n') {
                    Some(i) => pos - (i + 1),
                    None => pos,
                };
                format!(
                    "template: {}:{}:{}: executing {} at <{}>: {}",
                    self.tree.parse_name,
                    line,
                    col,
                    go_quote(name),
                    n.context(),
                    msg
                )
            }
        };
        Err(Flow::Err(Error::new(text)))
    }

    fn mark(&self) -> usize {
        self.vars.len()
    }

    fn pop(&mut self, mark: usize) {
        self.vars.truncate(mark);
    }

    fn set_var(&mut self, name: &str, value: Val<'r>) -> XResult<()> {
        for v in self.vars.iter_mut().rev() {
            if v.0 == name {
                v.1 = value;
                return Ok(());
            }
        }
        self.errorf(format!("undefined variable: {name}"))
    }

    fn set_top_var(&mut self, n: usize, value: Val<'r>) {
        let len = self.vars.len();
        self.vars[len - n].1 = value;
    }

    fn var_value(&self, name: &str) -> XResult<Val<'r>> {
        for v in self.vars.iter().rev() {
            if v.0 == name {
                return Ok(v.1.clone());
            }
        }
        self.errorf(format!("undefined variable: {name}"))
    }

    fn record_all(&mut self, v: &Val<'r>) {
        if let (Some(used), Val::Row(r)) = (self.used.as_deref_mut(), v) {
            if let Some(o) = r.data().as_object() {
                used.extend(o.keys().cloned());
            }
        }
    }

    // --- walk

    fn walk_list(&mut self, dot: &Val<'r>, list: &'t [Node]) -> XResult<()> {
        for n in list {
            self.walk(dot, n)?;
        }
        Ok(())
    }

    fn walk(&mut self, dot: &Val<'r>, node: &'t Node) -> XResult<()> {
        self.at(At::Node(node));
        match node {
            Node::Action(a) => {
                let val = self.eval_pipeline(dot, &a.pipe)?;
                if a.pipe.decl.is_empty() {
                    self.print_value(At::Node(node), &val)?;
                }
                Ok(())
            }
            Node::Break(_) => Err(Flow::Break),
            Node::Continue(_) => Err(Flow::Continue),
            Node::If(b) => self.walk_if_or_with(false, dot, b),
            Node::With(b) => self.walk_if_or_with(true, dot, b),
            Node::Range(b) => self.walk_range(dot, node, b),
            Node::Template(t) => self.walk_template(dot, node, t),
            Node::Text(t) => {
                self.out.extend_from_slice(t);
                Ok(())
            }
        }
    }

    fn walk_if_or_with(&mut self, with: bool, dot: &Val<'r>, b: &'t Branch) -> XResult<()> {
        let mark = self.mark();
        let r = (|| {
            let val = self.eval_pipeline(dot, &b.pipe)?;
            if val.truth() {
                if with {
                    self.walk_list(&val, &b.list)
                } else {
                    self.walk_list(dot, &b.list)
                }
            } else if let Some(e) = &b.else_list {
                self.walk_list(dot, e)
            } else {
                Ok(())
            }
        })();
        self.pop(mark);
        r
    }

    fn walk_range(&mut self, dot: &Val<'r>, node: &'t Node, r: &'t Branch) -> XResult<()> {
        self.at(At::Node(node));
        let mark0 = self.mark();
        let res = self.walk_range_inner(dot, r);
        self.pop(mark0);
        match res {
            Err(Flow::Break) => Ok(()),
            other => other,
        }
    }

    fn one_iteration(
        &mut self,
        r: &'t Branch,
        mark: usize,
        index: Val<'r>,
        elem: Val<'r>,
    ) -> XResult<()> {
        let decl = &r.pipe.decl;
        if !decl.is_empty() {
            if r.pipe.is_assign {
                if decl.len() > 1 {
                    self.set_var(&decl[0].ident[0], index.clone())?;
                } else {
                    self.set_var(&decl[0].ident[0], elem.clone())?;
                }
            } else {
                self.set_top_var(1, elem.clone());
            }
        }
        if decl.len() > 1 {
            if r.pipe.is_assign {
                self.set_var(&decl[1].ident[0], elem.clone())?;
            } else {
                self.set_top_var(2, index);
            }
        }
        let res = self.walk_list(&elem, &r.list);
        self.pop(mark);
        match res {
            Err(Flow::Continue) => Ok(()),
            other => other,
        }
    }

    fn walk_range_inner(&mut self, dot: &Val<'r>, r: &'t Branch) -> XResult<()> {
        let val = self.eval_pipeline(dot, &r.pipe)?;
        let mark = self.mark();
        match &val {
            Val::List(l) => {
                if !l.is_empty() {
                    for (i, e) in l.iter().enumerate() {
                        self.one_iteration(r, mark, Val::Int(i as i64), e.clone())?;
                    }
                    return Ok(());
                }
            }
            Val::Strings(l) => {
                if !l.is_empty() {
                    for (i, e) in l.iter().enumerate() {
                        self.one_iteration(r, mark, Val::Int(i as i64), Val::Str(e.clone()))?;
                    }
                    return Ok(());
                }
            }
            Val::Map(_) | Val::Row(_) if !val.is_struct_row() => {
                let entries = val.map_entries().unwrap_or_default();
                if !entries.is_empty() {
                    for (k, v) in entries {
                        self.one_iteration(r, mark, Val::str(&k), v)?;
                    }
                    return Ok(());
                }
            }
            Val::Invalid | Val::Nil => {}
            Val::Int(_) | Val::Uint(_) | Val::Byte(_) => {
                if r.pipe.decl.len() > 1 {
                    return self.errorf(format!(
                        "can't use {} to iterate over more than one variable",
                        sprint_v(&val)
                    ));
                }
                let n: u64 = match val {
                    Val::Int(i) => i.max(0) as u64,
                    Val::Uint(u) => u,
                    Val::Byte(b) => b as u64,
                    _ => 0,
                };
                if n > 0 {
                    for i in 0..n {
                        let v = match val {
                            Val::Int(_) => Val::Int(i as i64),
                            Val::Byte(_) => Val::Byte(i as u8),
                            _ => Val::Uint(i),
                        };
                        self.one_iteration(r, mark, v.clone(), v)?;
                    }
                    return Ok(());
                }
            }
            _ => {
                return self.errorf(format!("range can't iterate over {}", sprint_v(&val)));
            }
        }
        if let Some(e) = &r.else_list {
            self.walk_list(dot, e)?;
        }
        Ok(())
    }

    fn walk_template(&mut self, dot: &Val<'r>, node: &'t Node, t: &'t TemplateCall) -> XResult<()> {
        self.at(At::Node(node));
        let Some(tree) = self.tmpl.trees.get(&t.name).cloned() else {
            return self.errorf(format!("template {} not defined", go_quote(&t.name)));
        };
        if self.depth >= MAX_EXEC_DEPTH {
            return self.errorf(format!(
                "exceeded maximum template depth ({MAX_EXEC_DEPTH})"
            ));
        }
        let new_dot = match &t.pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Val::Invalid,
        };
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$".into(), new_dot.clone())]);
        let saved_tree = std::mem::replace(&mut self.tree, tree);
        self.depth += 1;
        let tmpl: &'t Template = self.tmpl;
        let root: &'t [Node] = match tmpl.trees.get(&t.name) {
            Some(tr) => &tr.root,
            None => &[],
        };
        let r = self.walk_list(&new_dot, root);
        self.depth -= 1;
        self.tree = saved_tree;
        self.vars = saved_vars;
        r
    }

    // --- eval

    fn eval_pipeline(&mut self, dot: &Val<'r>, pipe: &'t Pipe) -> XResult<Val<'r>> {
        self.at(At::Pipe(pipe));
        let mut value: Option<Val<'r>> = None;
        for cmd in &pipe.cmds {
            let mut v = self.eval_command(dot, cmd, value.take())?;
            // A nil interface{} result is dug out to the invalid value.
            if matches!(v, Val::Nil) {
                v = Val::Invalid;
            }
            value = Some(v);
        }
        let value = value.unwrap_or(Val::Invalid);
        for var in &pipe.decl {
            if pipe.is_assign {
                self.set_var(&var.ident[0], value.clone())?;
            } else {
                self.vars.push((var.ident[0].clone(), value.clone()));
            }
        }
        Ok(value)
    }

    fn not_a_function(&self, args: &'t [Arg], final_: &Option<Val<'r>>) -> XResult<()> {
        if args.len() > 1 || final_.is_some() {
            return self.errorf(format!("can't give argument to non-function {}", args[0]));
        }
        Ok(())
    }

    fn eval_command(
        &mut self,
        dot: &Val<'r>,
        cmd: &'t Command,
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        let first = &cmd.args[0];
        match first {
            Arg::Field { ident, .. } => {
                return self.eval_field_node(dot, first, ident, &cmd.args, final_)
            }
            Arg::Chain { node, field, .. } => {
                return self.eval_chain_node(dot, first, node, field, &cmd.args, final_)
            }
            Arg::Identifier { name, .. } => {
                return self.eval_function(dot, first, name, At::Cmd(cmd), &cmd.args, final_)
            }
            Arg::Pipe(p) => {
                self.not_a_function(&cmd.args, &final_)?;
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable(v) => return self.eval_variable_node(dot, v, &cmd.args, final_),
            _ => {}
        }
        self.at(At::Arg(first));
        self.not_a_function(&cmd.args, &final_)?;
        match first {
            Arg::Bool(_, b) => Ok(Val::Bool(*b)),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => self.errorf("nil is not a command"),
            Arg::Number(_, n) => self.ideal_constant(first, n),
            Arg::Str { text, .. } => Ok(Val::str(text)),
            other => self.errorf(format!(
                "can't evaluate command {}",
                go_quote(&other.to_string())
            )),
        }
    }

    fn ideal_constant(&mut self, node: &'t Arg, n: &Number) -> XResult<Val<'r>> {
        self.at(At::Arg(node));
        let t = &n.text;
        let is_hex_int = t.len() > 2
            && t.starts_with('0')
            && (t.as_bytes()[1] == b'x' || t.as_bytes()[1] == b'X')
            && !t.contains(['p', 'P']);
        let is_rune = t.starts_with('\'');
        if n.is_complex {
            return Ok(Val::Complex(n.complex.0, n.complex.1));
        }
        if n.is_float && !is_hex_int && !is_rune && t.contains(['.', 'e', 'E', 'p', 'P']) {
            return Ok(Val::Float(n.float64));
        }
        if n.is_int {
            return Ok(Val::Int(n.int64));
        }
        if n.is_uint {
            return self.errorf(format!("{t} overflows int"));
        }
        Ok(Val::Invalid)
    }

    fn eval_field_node(
        &mut self,
        dot: &Val<'r>,
        node: &'t Arg,
        ident: &'t [String],
        args: &'t [Arg],
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        self.at(At::Arg(node));
        self.eval_field_chain(
            dot,
            (dot.clone(), false),
            At::Arg(node),
            ident,
            args,
            final_,
        )
    }

    fn eval_chain_node(
        &mut self,
        dot: &Val<'r>,
        node: &'t Arg,
        inner: &'t Arg,
        field: &'t [String],
        args: &'t [Arg],
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        self.at(At::Arg(node));
        if field.is_empty() {
            return self.errorf("internal error: no fields in evalChainNode");
        }
        if let Arg::Nil(_) = inner {
            return self.errorf(format!("indirection through explicit nil in {node}"));
        }
        let pipe = self.eval_arg(dot, None, inner)?;
        self.eval_field_chain(dot, (pipe, false), At::Arg(node), field, args, final_)
    }

    fn eval_variable_node(
        &mut self,
        dot: &Val<'r>,
        v: &'t VarNode,
        args: &'t [Arg],
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        self.at(At::Var(v));
        let value = self.var_value(&v.ident[0])?;
        if v.ident.len() == 1 {
            if !args.is_empty() {
                self.not_a_function(args, &final_)?;
            } else if final_.is_some() {
                return self.errorf(format!("can't give argument to non-function {v}"));
            }
            return Ok(value);
        }
        self.eval_field_chain(dot, (value, false), At::Var(v), &v.ident[1..], args, final_)
    }

    fn eval_field_chain(
        &mut self,
        dot: &Val<'r>,
        mut receiver: (Val<'r>, bool),
        node: At<'t>,
        ident: &'t [String],
        args: &'t [Arg],
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        let n = ident.len();
        for name in &ident[..n - 1] {
            receiver = self.eval_field(dot, name, node, &[], None, receiver)?;
        }
        Ok(self
            .eval_field(dot, &ident[n - 1], node, args, final_, receiver)?
            .0)
    }

    /// Go's `evalField`. `receiver.1` says the receiver came out of an `interface{}` (an element
    /// of a JSON map or array), which only shows in error messages.
    fn eval_field(
        &mut self,
        dot: &Val<'r>,
        field_name: &str,
        node: At<'t>,
        args: &'t [Arg],
        final_: Option<Val<'r>>,
        receiver: (Val<'r>, bool),
    ) -> XResult<(Val<'r>, bool)> {
        let (recv, boxed) = receiver;
        let typ = if boxed {
            "interface {}".to_string()
        } else {
            recv.type_name()
        };
        let has_args = args.len() > 1 || final_.is_some();
        match &recv {
            Val::Invalid => Ok((Val::Invalid, false)),
            Val::Nil | Val::NilPtr => {
                self.errorf(format!("nil pointer evaluating {typ}.{field_name}"))
            }
            Val::Row(row) => {
                let row: &'r dyn Row = *row;
                let is_struct = row.type_name().is_some();
                if let Some(used) = self.used.as_deref_mut() {
                    used.insert(field_name.to_string());
                }
                let data_val = row.data().as_object().and_then(|o| o.get(field_name));
                if let (Some(v), false) = (data_val, has_args) {
                    return Ok((Val::from_json(v, is_struct), false));
                }
                // A method: evaluate the arguments (as interface{} values) and ask the row.
                let mut argv = Vec::new();
                if args.len() > 1 {
                    for a in &args[1..] {
                        argv.push(self.eval_arg(dot, Some(Pt::Any), a)?.to_json());
                    }
                }
                if let Some(f) = &final_ {
                    argv.push(f.to_json());
                }
                if let Some(res) = row.call(field_name, &argv) {
                    self.at(node);
                    return match res {
                        Ok(v) => Ok((Val::from_json(&v, is_struct), false)),
                        Err(e) => self.errorf(e),
                    };
                }
                self.at(node);
                match data_val {
                    Some(_) if is_struct => self.errorf(format!(
                        "wrong number of args for {field_name}: want 0 got {}",
                        argv.len()
                    )),
                    Some(_) => {
                        self.errorf(format!("{field_name} is not a method but has arguments"))
                    }
                    None if is_struct => {
                        self.errorf(format!("can't evaluate field {field_name} in type {typ}"))
                    }
                    None => {
                        if has_args {
                            self.errorf(format!("{field_name} is not a method but has arguments"))
                        } else {
                            Ok((Val::Invalid, false))
                        }
                    }
                }
            }
            Val::Map(m) => {
                if has_args {
                    return self.errorf(format!("{field_name} is not a method but has arguments"));
                }
                match m.get(field_name.as_bytes()) {
                    Some(v) => Ok((v.clone(), true)),
                    None => Ok((Val::Invalid, false)),
                }
            }
            _ => self.errorf(format!("can't evaluate field {field_name} in type {typ}")),
        }
    }

    fn eval_function(
        &mut self,
        dot: &Val<'r>,
        ident: &'t Arg,
        name: &str,
        cmd: At<'t>,
        args: &'t [Arg],
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        self.at(At::Arg(ident));
        let Some(sig) = func_sig(name, self.funcs) else {
            return self.errorf(format!("{} is not a defined function", go_quote(name)));
        };
        self.eval_call(dot, &sig, cmd, name, args, final_)
    }

    fn eval_call(
        &mut self,
        dot: &Val<'r>,
        sig: &Sig,
        node: At<'t>,
        name: &str,
        args: &'t [Arg],
        final_: Option<Val<'r>>,
    ) -> XResult<Val<'r>> {
        let args: &'t [Arg] = if args.is_empty() { args } else { &args[1..] };
        let num_in = args.len() + usize::from(final_.is_some());
        let nparams = sig.fixed.len() + usize::from(sig.variadic.is_some());
        let num_fixed = if sig.variadic.is_some() {
            if num_in < sig.fixed.len() {
                return self.errorf(format!(
                    "wrong number of args for {name}: want at least {} got {}",
                    sig.fixed.len(),
                    args.len()
                ));
            }
            sig.fixed.len()
        } else {
            if num_in != nparams {
                return self.errorf(format!(
                    "wrong number of args for {name}: want {nparams} got {num_in}"
                ));
            }
            args.len()
        };

        if sig.builtin && (name == "and" || name == "or") {
            let mut v = Val::Invalid;
            for a in args {
                v = self.eval_arg(dot, Some(Pt::Value), a)?;
                if v.truth() == (name == "or") {
                    return Ok(v);
                }
            }
            if let Some(f) = final_ {
                v = self.validate_type(f, Some(Pt::Value))?;
            }
            return Ok(v);
        }

        let mut argv: Vec<Val<'r>> = Vec::with_capacity(num_in);
        let mut i = 0;
        while i < num_fixed && i < args.len() {
            argv.push(self.eval_arg(dot, Some(sig.fixed[i]), &args[i])?);
            i += 1;
        }
        if let Some(vt) = sig.variadic {
            while i < args.len() {
                argv.push(self.eval_arg(dot, Some(vt), &args[i])?);
                i += 1;
            }
        }
        if let Some(f) = final_ {
            let t = if num_in - 1 < sig.fixed.len() {
                sig.fixed[num_in - 1]
            } else {
                sig.variadic.unwrap_or(Pt::Any)
            };
            argv.push(self.validate_type(f, Some(t))?);
        }
        let callee = if name == "call" {
            Some(match args.first() {
                Some(a) => a.to_string(),
                None => "<final>".to_string(),
            })
        } else {
            None
        };
        match self.call_builtin(name, argv, callee) {
            Ok(v) => Ok(v),
            Err(e) => {
                self.at(node);
                self.errorf(format!("error calling {name}: {e}"))
            }
        }
    }

    fn validate_type(&mut self, value: Val<'r>, typ: Option<Pt>) -> XResult<Val<'r>> {
        let Some(typ) = typ else {
            return Ok(value);
        };
        if let Val::Invalid = value {
            return match typ {
                Pt::Value => Ok(Val::Invalid),
                Pt::Any => Ok(Val::Nil),
                Pt::StrSlice => Ok(Val::Strings(Rc::from(Vec::new()))),
                _ => self.errorf(format!("invalid value; expected {}", typ.name())),
            };
        }
        let ok = match typ {
            Pt::Value | Pt::Any => true,
            Pt::Str => matches!(value, Val::Str(_)),
            Pt::Int => matches!(value, Val::Int(_)),
            Pt::StrSlice => matches!(value, Val::Strings(_)),
        };
        if ok {
            return Ok(value);
        }
        self.errorf(format!(
            "wrong type for value; expected {}; got {}",
            typ.name(),
            value.type_name()
        ))
    }

    fn eval_arg(&mut self, dot: &Val<'r>, typ: Option<Pt>, n: &'t Arg) -> XResult<Val<'r>> {
        self.at(At::Arg(n));
        match n {
            Arg::Dot(_) => return self.validate_type(dot.clone(), typ),
            Arg::Nil(_) => {
                return match typ {
                    None | Some(Pt::Value) => Ok(Val::Invalid),
                    Some(Pt::Any) => Ok(Val::Nil),
                    Some(Pt::StrSlice) => Ok(Val::Strings(Rc::from(Vec::new()))),
                    Some(t) => self.errorf(format!("cannot assign nil to {}", t.name())),
                }
            }
            Arg::Field { ident, .. } => {
                let v = self.eval_field_node(dot, n, ident, std::slice::from_ref(n), None)?;
                return self.validate_type(v, typ);
            }
            Arg::Variable(v) => {
                let val = self.eval_variable_node(dot, v, &[], None)?;
                return self.validate_type(val, typ);
            }
            Arg::Pipe(p) => {
                let v = self.eval_pipeline(dot, p)?;
                return self.validate_type(v, typ);
            }
            Arg::Identifier { name, .. } => {
                let v = self.eval_function(dot, n, name, At::Arg(n), &[], None)?;
                return self.validate_type(v, typ);
            }
            Arg::Chain { node, field, .. } => {
                let v = self.eval_chain_node(dot, n, node, field, &[], None)?;
                return self.validate_type(v, typ);
            }
            _ => {}
        }
        let Some(typ) = typ else {
            return self.errorf(format!("can't handle {n} for arg of type <nil>"));
        };
        match typ {
            Pt::Str => match n {
                Arg::Str { text, .. } => Ok(Val::str(text)),
                _ => self.errorf(format!("expected string; found {n}")),
            },
            Pt::Int => match n {
                Arg::Number(_, num) if num.is_int => Ok(Val::Int(num.int64)),
                _ => self.errorf(format!("expected integer; found {n}")),
            },
            Pt::Any | Pt::Value => match n {
                Arg::Bool(_, b) => Ok(Val::Bool(*b)),
                Arg::Number(_, num) => self.ideal_constant(n, num),
                Arg::Str { text, .. } => Ok(Val::str(text)),
                _ => self.errorf(format!(
                    "can't handle assignment of {n} to empty interface argument"
                )),
            },
            Pt::StrSlice => self.errorf(format!("can't handle {n} for arg of type []string")),
        }
    }

    fn print_value(&mut self, node: At<'t>, v: &Val<'r>) -> XResult<()> {
        self.at(node);
        if let Val::Invalid = v {
            self.out.extend_from_slice(b"<no value>");
            return Ok(());
        }
        self.record_all(v);
        let mut p = Printer::default();
        p.print_arg(v, 'v');
        self.out.extend_from_slice(&p.buf);
        Ok(())
    }

    // --- functions

    fn call_builtin(
        &mut self,
        name: &str,
        argv: Vec<Val<'r>>,
        callee: Option<String>,
    ) -> Result<Val<'r>, String> {
        let header = self.funcs == Funcs::Header;
        let s = |v: &Val<'r>| match v {
            Val::Str(s) => s.clone(),
            _ => Rc::from(&b""[..]),
        };
        let int = |v: &Val<'r>| match v {
            Val::Int(i) => *i,
            _ => 0,
        };
        match name {
            "not" => Ok(Val::Bool(!argv[0].truth())),
            "len" => go_len(&argv[0]).map(Val::Int),
            "index" => go_index(&argv[0], &argv[1..]),
            "slice" => go_slice(&argv[0], &argv[1..]),
            "eq" => go_eq(&argv[0], &argv[1..]).map(Val::Bool),
            "ne" => go_eq(&argv[0], &argv[1..]).map(|b| Val::Bool(!b)),
            "lt" => go_lt(&argv[0], &argv[1]).map(Val::Bool),
            "le" => go_le(&argv[0], &argv[1]).map(Val::Bool),
            "gt" => go_le(&argv[0], &argv[1]).map(|b| Val::Bool(!b)),
            "ge" => go_lt(&argv[0], &argv[1]).map(|b| Val::Bool(!b)),
            "call" => {
                let callee = callee.unwrap_or_default();
                match &argv[0] {
                    Val::Invalid | Val::Nil => Err("call of nil".into()),
                    f => Err(format!("non-function {callee} of type {}", f.type_name())),
                }
            }
            "print" | "println" | "printf" => {
                for a in &argv {
                    self.record_all(a);
                }
                let mut p = Printer::default();
                match name {
                    "print" => p.do_print(&argv),
                    "println" => p.do_println(&argv),
                    _ => {
                        let fmt_bytes = s(&argv[0]);
                        p.do_printf(&fmt_bytes, &argv[1..]);
                    }
                }
                Ok(Val::str(&p.buf))
            }
            "html" | "js" | "urlquery" => {
                let text = eval_args(&argv);
                Ok(Val::str(&match name {
                    "html" => html_escape(&text),
                    "js" => js_escape(&text),
                    _ => query_escape(&text),
                }))
            }
            "json" => {
                if header {
                    return Ok(argv[0].clone());
                }
                self.record_all(&argv[0]);
                let mut out = Vec::new();
                json_val(&mut out, &argv[0])?;
                // strings.TrimSpace of the encoder's output only drops its newline.
                Ok(Val::str(&out))
            }
            "split" => {
                if header {
                    return Ok(argv[0].clone());
                }
                let parts = go_split(&s(&argv[0]), &s(&argv[1]));
                Ok(Val::Strings(parts.into_iter().map(Rc::from).collect()))
            }
            "join" => {
                if header {
                    return Ok(argv[0].clone());
                }
                let sep = s(&argv[1]);
                let mut out = Vec::new();
                if let Val::Strings(l) = &argv[0] {
                    for (i, e) in l.iter().enumerate() {
                        if i > 0 {
                            out.extend_from_slice(&sep);
                        }
                        out.extend_from_slice(e);
                    }
                }
                Ok(Val::str(&out))
            }
            "title" | "lower" | "upper" => {
                if header {
                    return Ok(argv[0].clone());
                }
                let src = s(&argv[0]);
                Ok(Val::str(&match name {
                    "title" => go_title(&src),
                    "lower" => map_runes(&src, go_to_lower),
                    _ => map_runes(&src, go_to_upper),
                }))
            }
            "pad" => {
                let src = s(&argv[0]);
                let (pre, suf) = (int(&argv[1]), int(&argv[2]));
                if src.is_empty() {
                    return Ok(Val::Str(src));
                }
                if pre < 0 || suf < 0 {
                    return Err("strings: negative Repeat count".into());
                }
                let mut out = vec![b' '; pre as usize];
                out.extend_from_slice(&src);
                out.extend(std::iter::repeat_n(b' ', suf as usize));
                Ok(Val::str(&out))
            }
            "truncate" => {
                if header {
                    return Ok(argv[0].clone());
                }
                let src = s(&argv[0]);
                let n = int(&argv[1]);
                if (src.len() as i64) < n {
                    return Ok(Val::Str(src));
                }
                if n < 0 {
                    return Err(format!("runtime error: slice bounds out of range [:{n}]"));
                }
                Ok(Val::str(&src[..n as usize]))
            }
            _ => Err(format!("{} is not a defined function", go_quote(name))),
        }
    }
}

fn go_len(v: &Val) -> Result<i64, String> {
    match v {
        Val::Nil | Val::NilPtr => Err("len of nil pointer".into()),
        Val::Invalid => Err("reflect: call of reflect.Value.Type on zero Value".into()),
        Val::Str(s) => Ok(s.len() as i64),
        Val::Strings(l) => Ok(l.len() as i64),
        Val::List(l) => Ok(l.len() as i64),
        Val::Map(m) => Ok(m.len() as i64),
        Val::Row(r) => match r.type_name() {
            None => Ok(r.data().as_object().map_or(0, |o| o.len()) as i64),
            Some(t) => Err(format!("len of type {}", t.trim_start_matches('*'))),
        },
        other => Err(format!("len of type {}", other.type_name())),
    }
}

fn index_arg(index: &Val, cap: usize) -> Result<usize, String> {
    let x: i64 = match index {
        Val::Int(i) => *i,
        Val::Uint(u) => *u as i64,
        Val::Byte(b) => *b as i64,
        Val::Invalid | Val::Nil => return Err("cannot index slice/array with nil".into()),
        other => {
            return Err(format!(
                "cannot index slice/array with type {}",
                other.type_name()
            ))
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

fn go_index<'r>(item: &Val<'r>, indexes: &[Val<'r>]) -> Result<Val<'r>, String> {
    let mut item = match item {
        Val::Invalid | Val::Nil => return Err("index of untyped nil".into()),
        v => v.clone(),
    };
    for index in indexes {
        let index = match index {
            Val::Nil => Val::Invalid,
            v => v.clone(),
        };
        item = match &item {
            Val::NilPtr | Val::Nil => return Err("index of nil pointer".into()),
            Val::List(l) => {
                let x = index_arg(&index, l.len())?;
                l.get(x)
                    .cloned()
                    .ok_or("reflect: slice index out of range")?
            }
            Val::Strings(l) => {
                let x = index_arg(&index, l.len())?;
                Val::Str(
                    l.get(x)
                        .cloned()
                        .ok_or("reflect: slice index out of range")?,
                )
            }
            Val::Str(s) => {
                let x = index_arg(&index, s.len())?;
                Val::Byte(*s.get(x).ok_or("reflect: string index out of range")?)
            }
            Val::Map(_) | Val::Row(_) if !item.is_struct_row() => {
                let key: Vec<u8> = match &index {
                    Val::Str(k) => k.to_vec(),
                    Val::Invalid => Vec::new(),
                    other => {
                        return Err(format!(
                            "value has type {}; should be string",
                            other.type_name()
                        ))
                    }
                };
                match &item {
                    Val::Map(m) => m.get(&key).cloned().unwrap_or(Val::Nil),
                    Val::Row(r) => r
                        .data()
                        .as_object()
                        .and_then(|o| o.get(String::from_utf8_lossy(&key).as_ref()))
                        .map(|v| Val::from_json(v, false))
                        .unwrap_or(Val::Nil),
                    _ => unreachable!(),
                }
            }
            // a struct row: Go indirects the pointer first, so the type has no `*`
            other => {
                return Err(format!(
                    "can't index item of type {}",
                    other.type_name().trim_start_matches('*')
                ))
            }
        };
    }
    Ok(item)
}

fn go_slice<'r>(item: &Val<'r>, indexes: &[Val<'r>]) -> Result<Val<'r>, String> {
    if matches!(item, Val::Invalid | Val::Nil) {
        return Err("slice of untyped nil".into());
    }
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match item {
        Val::Str(s) => {
            if indexes.len() == 3 {
                return Err("cannot 3-index slice a string".into());
            }
            s.len()
        }
        Val::List(l) => l.len(),
        Val::Strings(l) => l.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    let mut idx = [0usize, len, len];
    for (i, index) in indexes.iter().enumerate() {
        let index = match index {
            Val::Nil => Val::Invalid,
            v => v.clone(),
        };
        idx[i] = index_arg(&index, len)?;
    }
    if idx[0] > idx[1] {
        return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
    }
    Ok(match item {
        Val::Str(s) => Val::str(&s[idx[0]..idx[1]]),
        Val::List(l) => Val::List(Rc::from(&l[idx[0]..idx[1]])),
        Val::Strings(l) => Val::Strings(Rc::from(&l[idx[0]..idx[1]])),
        _ => unreachable!(),
    })
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Invalid,
    Bool,
    Complex,
    Int,
    Float,
    String,
    Uint,
}

fn basic_kind(v: &Val) -> Kind {
    match v {
        Val::Bool(_) => Kind::Bool,
        Val::Int(_) => Kind::Int,
        Val::Uint(_) | Val::Byte(_) => Kind::Uint,
        Val::Float(_) => Kind::Float,
        Val::Complex(..) => Kind::Complex,
        Val::Str(_) => Kind::String,
        _ => Kind::Invalid,
    }
}

fn as_u64(v: &Val) -> u64 {
    match v {
        Val::Uint(u) => *u,
        Val::Byte(b) => *b as u64,
        _ => 0,
    }
}

fn is_nilish(v: &Val) -> bool {
    matches!(v, Val::Invalid | Val::Nil | Val::NilPtr)
}

const ERR_BAD_COMPARISON_TYPE: &str = "invalid type for comparison";
const ERR_BAD_COMPARISON: &str = "incompatible types for comparison";

fn go_eq(arg1: &Val, rest: &[Val]) -> Result<bool, String> {
    let arg1 = match arg1 {
        Val::Nil => &Val::Invalid,
        v => v,
    };
    if rest.is_empty() {
        return Err("missing argument for comparison".into());
    }
    let k1 = basic_kind(arg1);
    for arg in rest {
        let arg = match arg {
            Val::Nil => &Val::Invalid,
            v => v,
        };
        let k2 = basic_kind(arg);
        let truth = if k1 != k2 {
            match (k1, k2) {
                (Kind::Int, Kind::Uint) => {
                    let i = if let Val::Int(i) = arg1 { *i } else { 0 };
                    i >= 0 && i as u64 == as_u64(arg)
                }
                (Kind::Uint, Kind::Int) => {
                    let i = if let Val::Int(i) = arg { *i } else { 0 };
                    i >= 0 && as_u64(arg1) == i as u64
                }
                _ => {
                    if !matches!(arg1, Val::Invalid) && !matches!(arg, Val::Invalid) {
                        return Err(ERR_BAD_COMPARISON.into());
                    }
                    false
                }
            }
        } else {
            match (arg1, arg) {
                (Val::Bool(a), Val::Bool(b)) => a == b,
                (Val::Complex(a, b), Val::Complex(c, d)) => a == c && b == d,
                (Val::Float(a), Val::Float(b)) => a == b,
                (Val::Int(a), Val::Int(b)) => a == b,
                (Val::Str(a), Val::Str(b)) => a == b,
                (a, b) if k1 == Kind::Uint => as_u64(a) == as_u64(b),
                (a, b) => {
                    let same_kind = std::mem::discriminant(a) == std::mem::discriminant(b)
                        || matches!(a, Val::Invalid)
                        || matches!(b, Val::Invalid);
                    if !same_kind {
                        return Err(format!(
                            "non-comparable types {}: {}, {}: {}",
                            sprint_verb(a, 's'),
                            a.type_name(),
                            b.type_name(),
                            sprint_v(b)
                        ));
                    }
                    if is_nilish(a) || is_nilish(b) {
                        is_nilish(a) == is_nilish(b)
                    } else {
                        match (a, b) {
                            (Val::Row(x), Val::Row(y)) => std::ptr::addr_eq(*x, *y),
                            _ => {
                                return Err(format!(
                                    "non-comparable type {}: {}",
                                    sprint_verb(b, 's'),
                                    b.type_name()
                                ))
                            }
                        }
                    }
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

fn go_lt(arg1: &Val, arg2: &Val) -> Result<bool, String> {
    let k1 = basic_kind(arg1);
    if k1 == Kind::Invalid {
        return Err(ERR_BAD_COMPARISON_TYPE.into());
    }
    let k2 = basic_kind(arg2);
    if k2 == Kind::Invalid {
        return Err(ERR_BAD_COMPARISON_TYPE.into());
    }
    if k1 != k2 {
        return match (k1, k2, arg1, arg2) {
            (Kind::Int, Kind::Uint, Val::Int(i), b) => Ok(*i < 0 || (*i as u64) < as_u64(b)),
            (Kind::Uint, Kind::Int, a, Val::Int(j)) => Ok(*j >= 0 && as_u64(a) < *j as u64),
            _ => Err(ERR_BAD_COMPARISON.into()),
        };
    }
    Ok(match (arg1, arg2) {
        (Val::Float(a), Val::Float(b)) => a < b,
        (Val::Int(a), Val::Int(b)) => a < b,
        (Val::Str(a), Val::Str(b)) => a < b,
        (a, b) if k1 == Kind::Uint => as_u64(a) < as_u64(b),
        _ => return Err(ERR_BAD_COMPARISON_TYPE.into()),
    })
}

fn go_le(arg1: &Val, arg2: &Val) -> Result<bool, String> {
    if go_lt(arg1, arg2)? {
        return Ok(true);
    }
    go_eq(arg1, std::slice::from_ref(arg2))
}

/// Go's `evalArgs` for html/js/urlquery: a lone string as is, else `fmt.Sprint` with missing
/// values shown as `<no value>`.
fn eval_args(args: &[Val]) -> Vec<u8> {
    if let [Val::Str(s)] = args {
        return s.to_vec();
    }
    let mapped: Vec<Val> = args
        .iter()
        .map(|a| match a {
            Val::Invalid | Val::Nil => Val::str(b"<no value>"),
            v => v.clone(),
        })
        .collect();
    let mut p = Printer::default();
    p.do_print(&mapped);
    p.buf
}

fn html_escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        match c {
            0 => out.extend_from_slice("\u{FFFD}".as_bytes()),
            b'"' => out.extend_from_slice(b"&#34;"),
            b'\'' => out.extend_from_slice(b"&#39;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            _ => out.push(c),
        }
    }
    out
}

fn js_escape(s: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c < 0x80 {
            match c {
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\'' => out.extend_from_slice(b"\\'"),
                b'"' => out.extend_from_slice(b"\\\""),
                b'<' => out.extend_from_slice(b"\\u003C"),
                b'>' => out.extend_from_slice(b"\\u003E"),
                b'&' => out.extend_from_slice(b"\\u0026"),
                b'=' => out.extend_from_slice(b"\\u003D"),
                c if c < b' ' => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c => out.push(c),
            }
            i += 1;
        } else {
            let (r, w) = decode_rune(&s[i..]);
            match r {
                Some(ch) if !go_is_print(ch) => {
                    out.extend_from_slice(format!("\\u{:04X}", ch as u32).as_bytes())
                }
                _ => out.extend_from_slice(&s[i..i + w]),
            }
            i += w;
        }
    }
    out
}

fn query_escape(s: &[u8]) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            out.push(c);
        } else if c == b' ' {
            out.push(b'+');
        } else {
            out.push(b'%');
            out.push(HEX[(c >> 4) as usize]);
            out.push(HEX[(c & 15) as usize]);
        }
    }
    out
}

/// Go's `strings.Split`.
fn go_split(s: &[u8], sep: &[u8]) -> Vec<Vec<u8>> {
    if sep.is_empty() {
        // explode into UTF-8 sequences (invalid bytes one by one)
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let (_, w) = decode_rune(&s[i..]);
            out.push(s[i..i + w].to_vec());
            i += w;
        }
        return out;
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + sep.len() <= s.len() {
        if &s[i..i + sep.len()] == sep {
            out.push(s[start..i].to_vec());
            i += sep.len();
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(s[start..].to_vec());
    out
}

fn map_runes(s: &[u8], f: fn(char) -> char) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        match r {
            Some(c) => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(f(c).encode_utf8(&mut buf).as_bytes());
            }
            // strings.Map turns an invalid byte into U+FFFD
            None => out.extend_from_slice("\u{FFFD}".as_bytes()),
        }
        i += w;
    }
    out
}

/// Go's `unicode.ToLower` (simple case mapping: one rune in, one rune out).
fn go_to_lower(c: char) -> char {
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Go's `unicode.ToUpper` (simple case mapping).
fn go_to_upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToTitle`, close enough: the title case of the digraphs, else upper case.
fn go_to_title(c: char) -> char {
    match c {
        '\u{1C4}'..='\u{1C6}' => '\u{1C5}',
        '\u{1C7}'..='\u{1C9}' => '\u{1C8}',
        '\u{1CA}'..='\u{1CC}' => '\u{1CB}',
        '\u{1F1}'..='\u{1F3}' => '\u{1F2}',
        _ => go_to_upper(c),
    }
}

/// Go's deprecated `strings.Title`.
fn go_title(s: &[u8]) -> Vec<u8> {
    fn is_separator(r: char) -> bool {
        if r.is_ascii() {
            return !(r.is_ascii_alphanumeric() || r == '_');
        }
        if r.is_alphabetic() || r.is_numeric() {
            return false;
        }
        r.is_whitespace()
    }
    let mut prev = ' ';
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        let c = r.unwrap_or('\u{FFFD}');
        let mapped = if is_separator(prev) {
            go_to_title(c)
        } else {
            c
        };
        prev = c;
        let mut buf = [0u8; 4];
        out.extend_from_slice(mapped.encode_utf8(&mut buf).as_bytes());
        i += w;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// UTF-8 helpers

/// Go's `utf8.DecodeRune`: the rune and its width; `(None, 1)` for an invalid byte.
fn decode_rune(s: &[u8]) -> (Option<char>, usize) {
    let Some(&b0) = s.first() else {
        return (None, 0);
    };
    let need = match b0 {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return (None, 1),
    };
    if s.len() < need {
        return (None, 1);
    }
    match std::str::from_utf8(&s[..need]) {
        Ok(t) => (t.chars().next(), need),
        Err(_) => (None, 1),
    }
}

fn rune_count(s: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        i += decode_rune(&s[i..]).1;
        n += 1;
    }
    n
}

/// Go's `strconv.Quote` (or `QuoteToASCII` with `ascii`) on raw bytes.
fn quote_bytes(s: &[u8], ascii: bool) -> Vec<u8> {
    let mut out = vec![b'"'];
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        match r {
            None => {
                out.extend_from_slice(format!("\\x{:02x}", s[i]).as_bytes());
            }
            Some(c) => append_escaped_rune(&mut out, c, b'"', ascii),
        }
        i += w.max(1);
    }
    out.push(b'"');
    out
}

fn can_backquote(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let (r, w) = decode_rune(&s[i..]);
        match r {
            None => return false,
            Some(c) => {
                if w > 1 {
                    if c == '\u{FEFF}' {
                        return false;
                    }
                } else if c == '`' || c == '\u{7f}' || ((c as u32) < 0x20 && c != '\t') {
                    return false;
                }
            }
        }
        i += w;
    }
    true
}

// ---------------------------------------------------------------------------------------------
// JSON (Go's encoding/json with SetEscapeHTML(false))

fn json_string(out: &mut Vec<u8>, s: &[u8]) {
    json_string_opts(out, s, false)
}

/// `escape_html`: `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026` (Go's `json.Marshal` default).
fn json_string_opts(out: &mut Vec<u8>, s: &[u8], escape_html: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c < 0x80 {
            match c {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                b'<' | b'>' | b'&' if escape_html => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c if c < 0x20 => {
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[(c >> 4) as usize]);
                    out.push(HEX[(c & 15) as usize]);
                }
                c => out.push(c),
            }
            i += 1;
            continue;
        }
        let (r, w) = decode_rune(&s[i..]);
        match r {
            None => out.extend_from_slice(b"\\ufffd"),
            Some('\u{2028}') => out.extend_from_slice(b"\\u2028"),
            Some('\u{2029}') => out.extend_from_slice(b"\\u2029"),
            Some(_) => out.extend_from_slice(&s[i..i + w]),
        }
        i += w;
    }
    out.push(b'"');
}

fn json_float(out: &mut Vec<u8>, f: f64) -> Result<(), String> {
    if !f.is_finite() {
        return Err(format!(
            "json: unsupported value: {}",
            format_float(f, 'g', -1)
        ));
    }
    let abs = f.abs();
    let fmt = if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        'e'
    } else {
        'f'
    };
    let mut s = format_float(f, fmt, -1).into_bytes();
    if fmt == 'e' {
        let n = s.len();
        if n >= 4 && s[n - 4] == b'e' && s[n - 3] == b'-' && s[n - 2] == b'0' {
            s[n - 2] = s[n - 1];
            s.truncate(n - 1);
        }
    }
    out.extend_from_slice(&s);
    Ok(())
}

fn json_value(out: &mut Vec<u8>, v: &Value) {
    json_value_opts(out, v, false)
}

fn json_value_opts(out: &mut Vec<u8>, v: &Value, html: bool) {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                out.extend_from_slice(i.to_string().as_bytes());
            } else if let Some(u) = n.as_u64() {
                out.extend_from_slice(u.to_string().as_bytes());
            } else {
                let _ = json_float(out, n.as_f64().unwrap_or(0.0));
            }
        }
        Value::String(s) => json_string_opts(out, s.as_bytes(), html),
        Value::Array(a) => {
            out.push(b'[');
            for (i, e) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_value_opts(out, e, html);
            }
            out.push(b']');
        }
        Value::Object(o) => {
            let mut keys: Vec<&String> = o.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_string_opts(out, k.as_bytes(), html);
                out.push(b':');
                json_value_opts(out, &o[k.as_str()], html);
            }
            out.push(b'}');
        }
    }
}

fn json_val(out: &mut Vec<u8>, v: &Val) -> Result<(), String> {
    match v {
        Val::Invalid | Val::Nil | Val::NilPtr => out.extend_from_slice(b"null"),
        Val::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Val::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Val::Uint(u) => out.extend_from_slice(u.to_string().as_bytes()),
        Val::Byte(b) => out.extend_from_slice(b.to_string().as_bytes()),
        Val::Float(f) => json_float(out, *f)?,
        Val::Complex(..) => return Err("json: unsupported type: complex128".into()),
        Val::Str(s) => json_string(out, s),
        Val::Strings(l) => {
            out.push(b'[');
            for (i, e) in l.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_string(out, e);
            }
            out.push(b']');
        }
        Val::List(l) => {
            out.push(b'[');
            for (i, e) in l.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_val(out, e)?;
            }
            out.push(b']');
        }
        Val::Map(m) => {
            out.push(b'{');
            for (i, (k, e)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                json_string(out, k);
                out.push(b':');
                json_val(out, e)?;
            }
            out.push(b'}');
        }
        // docker's formatter contexts marshal themselves with json.Marshal (formatter.MarshalJSON),
        // which escapes HTML characters even though the `json` function turns that off.
        Val::Row(r) => json_value_opts(out, r.data(), r.type_name().is_some()),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Float formatting (Go's strconv.FormatFloat for 'e', 'f', 'g')

/// Decimal digits of |v| (no leading zeros; "0" for zero) and the decimal point position:
/// value = 0.d1d2d3… × 10^dp.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

fn digits_from_exp_string(s: &str) -> Digits {
    // s like "1.2345e6" or "0e0"
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let exp: i32 = exp.parse().expect("exponent");
    let d: Vec<u8> = mant.bytes().filter(|c| c.is_ascii_digit()).collect();
    if d.iter().all(|&c| c == b'0') {
        return Digits {
            d: Vec::new(),
            dp: 0,
        };
    }
    Digits { d, dp: exp + 1 }
}

fn shortest_digits(v: f64) -> Digits {
    digits_from_exp_string(&format!("{:e}", v.abs()))
}

/// The most digits Rust's formatter is asked for: std panics on a precision above `u16::MAX`
/// ("Formatting argument out of range"; Go allows up to 1e6), and no f64 has more than 1074
/// exact fractional or 767 significant decimal digits, so past this there are only zeros.
/// (`{{printf "%.70000f" 1.5}}` panicked; found by fuzz/template.)
const MAX_EXACT_DIGITS: usize = 1100;

fn fixed_digits(v: f64, nsig: usize) -> Digits {
    let p = nsig.saturating_sub(1).min(MAX_EXACT_DIGITS);
    let mut d = digits_from_exp_string(&format!("{:.*e}", p, v.abs()));
    while d.d.last() == Some(&b'0') {
        d.d.pop();
    }
    d
}

fn fmt_e(out: &mut String, d: &Digits, prec: i32, ch: char) {
    out.push(if d.d.is_empty() { '0' } else { d.d[0] as char });
    if prec > 0 {
        out.push('.');
        let mut i = 1usize;
        let m = d.d.len().min(prec as usize + 1);
        if i < m {
            out.extend(d.d[i..m].iter().map(|&c| c as char));
            i = m;
        }
        while i <= prec as usize {
            out.push('0');
            i += 1;
        }
    }
    out.push(ch);
    let mut exp = d.dp - 1;
    if d.d.is_empty() {
        exp = 0;
    }
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

fn fmt_f(out: &mut String, d: &Digits, prec: i32) {
    if d.dp > 0 {
        let m = d.d.len().min(d.dp as usize);
        out.extend(d.d[..m].iter().map(|&c| c as char));
        for _ in m..d.dp as usize {
            out.push('0');
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = d.dp + i - 1;
            let ch = if j >= 0 && (j as usize) < d.d.len() {
                d.d[j as usize] as char
            } else {
                '0'
            };
            out.push(ch);
        }
    }
}

/// The binary mantissa (with the implicit bit) and unbiased exponent of `v`, as Go's
/// `strconv.FormatFloat` computes them for `%b` and `%x`.
fn float_bits(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let mut exp = ((bits >> 52) & 0x7ff) as i32;
    let mut mant = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        exp += 1; // denormal
    } else {
        mant |= 1u64 << 52;
    }
    (mant, exp - 1023)
}

/// Go's `%b`: `-ddddp±ddd`.
fn fmt_b(out: &mut String, v: f64) {
    let (mant, exp) = float_bits(v);
    let exp = exp - 52;
    out.push_str(&mant.to_string());
    out.push('p');
    if exp >= 0 {
        out.push('+');
    }
    out.push_str(&exp.to_string());
}

/// Go's `%x`/`%X` for floats: `-0x1.yyyyp±dd`.
fn fmt_x(out: &mut String, v: f64, prec: i32, upper: bool) {
    let (mut mant, mut exp) = float_bits(v);
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - 52;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1u64 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex = if upper { UDIGITS } else { LDIGITS };
    out.push('0');
    out.push(if upper { 'X' } else { 'x' });
    out.push(if (mant >> 60) & 1 == 1 { '1' } else { '0' });
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize] as char);
            mant <<= 4;
        }
    }
    out.push(if upper { 'P' } else { 'p' });
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Go's `strconv.FormatFloat(v, fmt, prec, 64)` for fmt in b e E f F g G x X
/// (prec -1 = shortest).
fn format_float(v: f64, fmt: char, prec: i32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    match fmt {
        'b' => {
            fmt_b(&mut out, v.abs());
            return out;
        }
        'x' | 'X' => {
            fmt_x(&mut out, v.abs(), prec, fmt == 'X');
            return out;
        }
        _ => {}
    }
    let shortest = prec < 0;
    match fmt {
        'f' | 'F' => {
            if shortest {
                let d = shortest_digits(v);
                let p = (d.d.len() as i32 - d.dp).max(0);
                fmt_f(&mut out, &d, p);
            } else {
                let shown = (prec as usize).min(MAX_EXACT_DIGITS);
                out.push_str(&format!("{:.*}", shown, v.abs()));
                out.extend(std::iter::repeat_n('0', prec as usize - shown));
            }
        }
        'e' | 'E' => {
            let (d, p) = if shortest {
                let d = shortest_digits(v);
                let p = (d.d.len() as i32 - 1).max(0);
                (d, p)
            } else {
                let p = (prec as usize).min(MAX_EXACT_DIGITS);
                let d = digits_from_exp_string(&format!("{:.*e}", p, v.abs()));
                (d, prec)
            };
            fmt_e(&mut out, &d, p, fmt);
        }
        'g' | 'G' => {
            let (d, mut prec) = if shortest {
                let d = shortest_digits(v);
                let n = d.d.len() as i32;
                (d, n)
            } else {
                let p = prec.max(1);
                (fixed_digits(v, p as usize), p)
            };
            let nd = d.d.len() as i32;
            let mut eprec = prec;
            if eprec > nd && nd >= d.dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = d.dp - 1;
            let ech = if fmt == 'g' { 'e' } else { 'E' };
            if d.d.is_empty() {
                // zero: Go prints "0" for %g
                if exp < -4 || exp >= eprec {
                    fmt_e(&mut out, &d, 0, ech);
                } else {
                    out.push('0');
                }
                return out;
            }
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                fmt_e(&mut out, &d, prec - 1, ech);
            } else {
                if prec > d.dp {
                    prec = nd;
                }
                fmt_f(&mut out, &d, (prec - d.dp).max(0));
            }
        }
        _ => {
            out.push('%');
            out.push(fmt);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// fmt (Go's fmt.Sprint / Sprintln / Sprintf)

#[derive(Default, Clone, Copy)]
struct FmtFlags {
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

#[derive(Default)]
struct Printer {
    buf: Vec<u8>,
    f: FmtFlags,
}

fn sprint_v(v: &Val) -> String {
    sprint_verb(v, 'v')
}

fn sprint_verb(v: &Val, verb: char) -> String {
    let mut p = Printer::default();
    p.print_arg(v, verb);
    String::from_utf8_lossy(&p.buf).into_owned()
}

const LDIGITS: &[u8; 16] = b"0123456789abcdef";
const UDIGITS: &[u8; 16] = b"0123456789ABCDEF";

impl Printer {
    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { b'0' } else { b' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    fn pad(&mut self, b: &[u8]) {
        let Some(wid) = self.f.wid else {
            self.buf.extend_from_slice(b);
            return;
        };
        let width = wid.saturating_sub(rune_count(b));
        if !self.f.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    fn truncate<'b>(&self, s: &'b [u8]) -> &'b [u8] {
        if let Some(prec) = self.f.prec {
            let mut i = 0;
            let mut n = 0;
            while i < s.len() {
                if n == prec {
                    return &s[..i];
                }
                i += decode_rune(&s[i..]).1;
                n += 1;
            }
        }
        s
    }

    fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        self.pad(&s);
    }

    fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        if self.f.sharp && can_backquote(&s) {
            let mut q = vec![b'`'];
            q.extend_from_slice(&s);
            q.push(b'`');
            self.pad(&q);
            return;
        }
        let q = quote_bytes(&s, self.f.plus);
        self.pad(&q);
    }

    fn fmt_sx(&mut self, s: &[u8], digits: &[u8; 16], upper: bool) {
        let mut length = s.len();
        if let Some(p) = self.f.prec {
            length = length.min(p);
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if let Some(w) = self.f.wid {
                self.write_padding(w);
            }
            return;
        }
        let wid = self.f.wid.unwrap_or(0);
        if wid > width && !self.f.minus {
            self.write_padding(wid - width);
        }
        let x = if upper { b'X' } else { b'x' };
        if self.f.sharp {
            self.buf.push(b'0');
            self.buf.push(x);
        }
        for (i, &c) in s[..length].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.push(b'0');
                    self.buf.push(x);
                }
            }
            self.buf.push(digits[(c >> 4) as usize]);
            self.buf.push(digits[(c & 15) as usize]);
        }
        if wid > width && self.f.minus {
            self.write_padding(wid - width);
        }
    }

    fn fmt_string(&mut self, s: &[u8], verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s)
                } else {
                    self.fmt_s(s)
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sx(s, LDIGITS, false),
            'X' => self.fmt_sx(s, UDIGITS, true),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, &Val::str(s)),
        }
    }

    fn fmt_bool(&mut self, b: bool, verb: char) {
        match verb {
            't' | 'v' => self.pad(if b { b"true" } else { b"false" }),
            _ => self.bad_verb(verb, &Val::Bool(b)),
        }
    }

    fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, orig: &Val) {
        match verb {
            'v' | 'd' => self.fmt_int_base(u, 10, signed, verb, LDIGITS),
            'b' => self.fmt_int_base(u, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_int_base(u, 8, signed, verb, LDIGITS),
            'x' => self.fmt_int_base(u, 16, signed, verb, LDIGITS),
            'X' => self.fmt_int_base(u, 16, signed, verb, UDIGITS),
            'c' => {
                let c = char::from_u32(u as u32)
                    .filter(|_| u <= 0x10FFFF)
                    .unwrap_or('\u{FFFD}');
                let mut buf = [0u8; 4];
                let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
                self.pad(&s);
            }
            'q' => {
                let c = char::from_u32(u as u32)
                    .filter(|_| u <= 0x10FFFF)
                    .unwrap_or('\u{FFFD}');
                let mut q = Vec::new();
                if self.f.sharp && c != '`' && (c == '\t' || go_is_print(c)) {
                    q.push(b'`');
                    let mut buf = [0u8; 4];
                    q.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    q.push(b'`');
                } else {
                    q.push(b'\'');
                    append_escaped_rune(&mut q, c, b'\'', self.f.plus);
                    q.push(b'\'');
                }
                self.pad(&q);
            }
            'U' => {
                let mut s = format!("U+{u:04X}");
                if self.f.sharp && u <= 0x10FFFF {
                    if let Some(c) = char::from_u32(u as u32).filter(|&c| go_is_print(c)) {
                        s.push_str(&format!(" '{c}'"));
                    }
                }
                let old = self.f.zero;
                self.f.zero = false;
                self.pad(s.as_bytes());
                self.f.zero = old;
            }
            _ => self.bad_verb(verb, orig),
        }
    }

    fn fmt_int_base(&mut self, mut u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 16]) {
        let negative = signed && (u as i64) < 0;
        if negative {
            u = (u as i64).unsigned_abs();
        }
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if prec == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                let w = self.f.wid.unwrap_or(0);
                self.write_padding(w);
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && !self.f.minus && self.f.wid.is_some() {
            prec = self.f.wid.unwrap_or(0);
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        let mut rev: Vec<u8> = Vec::new();
        loop {
            rev.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while rev.len() < prec {
            rev.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => {
                    rev.push(b'b');
                    rev.push(b'0');
                }
                8 if rev.last() != Some(&b'0') => rev.push(b'0'),
                16 => {
                    rev.push(if std::ptr::eq(digits, UDIGITS) {
                        b'X'
                    } else {
                        b'x'
                    });
                    rev.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            rev.push(b'o');
            rev.push(b'0');
        }
        if negative {
            rev.push(b'-');
        } else if self.f.plus {
            rev.push(b'+');
        } else if self.f.space {
            rev.push(b' ');
        }
        rev.reverse();
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&rev);
        self.f.zero = old;
    }

    fn fmt_float(&mut self, v: f64, verb: char) {
        let (fc, prec): (char, i32) = match verb {
            'v' => ('g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => (verb, -1),
            'f' | 'e' | 'E' => (verb, 6),
            'F' => ('f', 6),
            _ => {
                self.bad_verb(verb, &Val::Float(v));
                return;
            }
        };
        let prec = match self.f.prec {
            Some(p) => p as i32,
            None => prec,
        };
        let s = format_float(v, fc, prec);
        let mut num: Vec<u8> = if s.starts_with('-') || s.starts_with('+') {
            s.into_bytes()
        } else {
            let mut n = vec![b'+'];
            n.extend_from_slice(s.as_bytes());
            n
        };
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            let old = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old;
            return;
        }
        if self.f.sharp && verb != 'b' {
            // Go's fmtFloat: keep a decimal point and pad %#g/%#v/%#x to the precision
            // (6 when unset) with zeros; it counts the 'x' of "0x" as a digit, like Go.
            let go_verb = if verb == 'v' { 'g' } else { fc };
            let mut digits: i32 = match go_verb {
                'g' | 'G' | 'x' => {
                    if prec == -1 {
                        6
                    } else {
                        prec
                    }
                }
                _ => 0,
            };
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                let c = num[i];
                match c {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    b'e' | b'E' if go_verb != 'x' && go_verb != 'X' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    _ => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus {
                if let Some(w) = self.f.wid {
                    if w > num.len() {
                        self.buf.push(num[0]);
                        self.write_padding(w - num.len());
                        self.buf.extend_from_slice(&num[1..]);
                        return;
                    }
                }
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    fn bad_verb(&mut self, verb: char, v: &Val) {
        self.buf.extend_from_slice(b"%!");
        let mut b = [0u8; 4];
        self.buf
            .extend_from_slice(verb.encode_utf8(&mut b).as_bytes());
        self.buf.push(b'(');
        match v {
            Val::Invalid | Val::Nil => self.buf.extend_from_slice(b"<nil>"),
            v => {
                self.buf.extend_from_slice(v.type_name().as_bytes());
                self.buf.push(b'=');
                self.print_arg(v, 'v');
            }
        }
        self.buf.push(b')');
    }

    /// Go's `printArg` (depth 0) / `printValue` (nested).
    fn print_arg(&mut self, v: &Val, verb: char) {
        if verb == 'w' {
            // %w is only meaningful in fmt.Errorf
            self.bad_verb(verb, v);
            return;
        }
        self.print_value(v, verb, 0);
    }

    fn print_value(&mut self, v: &Val, verb: char, depth: usize) {
        if verb == 'T' {
            let t = match v {
                Val::Invalid | Val::Nil => "<nil>".to_string(),
                v => v.type_name(),
            };
            self.fmt_s(t.as_bytes());
            return;
        }
        match v {
            Val::Invalid | Val::Nil => {
                if depth > 0 || verb == 'v' {
                    self.pad(b"<nil>");
                } else {
                    self.bad_verb(verb, v);
                }
            }
            // A nil pointer field is docker's *Platform, a fmt.Stringer: fmt prints "<nil>"
            // for a nil receiver with the Stringer verbs.
            Val::NilPtr => match verb {
                'v' | 's' | 'q' | 'x' | 'X' => self.pad(b"<nil>"),
                'b' | 'o' | 'd' => self.fmt_integer(0, false, verb, v),
                _ => self.bad_verb(verb, v),
            },
            Val::Bool(b) => self.fmt_bool(*b, verb),
            Val::Int(i) => self.fmt_integer(*i as u64, true, verb, v),
            Val::Uint(u) => self.fmt_integer(*u, false, verb, v),
            Val::Byte(b) => self.fmt_integer(*b as u64, false, verb, v),
            Val::Float(f) => self.fmt_float(*f, verb),
            Val::Complex(re, im) => {
                if !matches!(
                    verb,
                    'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
                ) {
                    self.bad_verb(verb, v);
                    return;
                }
                let old_plus = self.f.plus;
                self.buf.push(b'(');
                self.fmt_float(*re, verb);
                self.f.plus = true;
                self.fmt_float(*im, verb);
                self.buf.extend_from_slice(b"i)");
                self.f.plus = old_plus;
            }
            Val::Str(s) => self.fmt_string(s, verb),
            Val::Strings(l) => {
                self.buf.push(b'[');
                for (i, e) in l.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(b' ');
                    }
                    self.fmt_string(e, verb);
                }
                self.buf.push(b']');
            }
            Val::List(l) => {
                self.buf.push(b'[');
                for (i, e) in l.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(b' ');
                    }
                    self.print_value(e, verb, depth + 1);
                }
                self.buf.push(b']');
            }
            Val::Map(_) | Val::Row(_) => {
                let entries = v.map_entries().unwrap_or_default();
                self.buf.extend_from_slice(b"map[");
                for (i, (k, e)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(b' ');
                    }
                    self.fmt_string(k, verb);
                    self.buf.push(b':');
                    self.print_value(e, verb, depth + 1);
                }
                self.buf.push(b']');
            }
        }
    }

    fn do_print(&mut self, args: &[Val]) {
        let mut prev_string = false;
        for (n, a) in args.iter().enumerate() {
            let is_string = matches!(a, Val::Str(_));
            if n > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(a, 'v');
            prev_string = is_string;
        }
    }

    fn do_println(&mut self, args: &[Val]) {
        for (n, a) in args.iter().enumerate() {
            if n > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(a, 'v');
        }
        self.buf.push(b'\n');
    }

    /// Parse a decimal number at `fmt[i..]` (Go's `parsenum`).
    fn parse_num(fmt: &[u8], mut i: usize) -> (Option<usize>, usize) {
        let start = i;
        let mut n: usize = 0;
        while i < fmt.len() && fmt[i].is_ascii_digit() {
            if n > 1_000_000 {
                return (None, fmt.len());
            }
            n = n * 10 + (fmt[i] - b'0') as usize;
            i += 1;
        }
        if i == start {
            (None, i)
        } else {
            (Some(n), i)
        }
    }

    /// Go's `argNumber`: an explicit `[n]` argument index.
    fn arg_number(
        fmt: &[u8],
        i: usize,
        arg_num: usize,
        num_args: usize,
        reordered: &mut bool,
        good: &mut bool,
    ) -> (usize, usize, bool) {
        if fmt.len() <= i || fmt[i] != b'[' {
            return (arg_num, i, false);
        }
        *reordered = true;
        // Go's parseArgNumber on fmt[i..]
        let sub = &fmt[i..];
        let (index, wid, ok) = 'parse: {
            if sub.len() < 3 {
                break 'parse (0i64, 1usize, false);
            }
            for j in 1..sub.len() {
                if sub[j] == b']' {
                    let (n, newi) = Self::parse_num(&sub[..j], 1);
                    match n {
                        Some(n) if newi == j => break 'parse (n as i64 - 1, j + 1, true),
                        _ => break 'parse (0, j + 1, false),
                    }
                }
            }
            (0, 1, false)
        };
        if ok && index >= 0 && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        *good = false;
        (arg_num, i + wid, ok)
    }

    fn int_from_arg(args: &[Val], arg_num: usize) -> (Option<i64>, usize) {
        if arg_num < args.len() {
            let v = match &args[arg_num] {
                Val::Int(i) => Some(*i),
                Val::Uint(u) => i64::try_from(*u).ok(),
                Val::Byte(b) => Some(*b as i64),
                _ => None,
            };
            let v = v.filter(|n| (-1_000_000..=1_000_000).contains(n));
            (v, arg_num + 1)
        } else {
            (None, arg_num)
        }
    }

    fn do_printf(&mut self, fmt: &[u8], args: &[Val]) {
        let end = fmt.len();
        let mut arg_num = 0usize;
        let mut after_index;
        let mut reordered = false;
        let mut i = 0usize;
        'outer: while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while i < end && fmt[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&fmt[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // skip %
            self.f = FmtFlags::default();
            while i < end {
                let c = fmt[i];
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < args.len() {
                            if c == b'v' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            self.print_arg(&args[arg_num], c as char);
                            arg_num += 1;
                            i += 1;
                            continue 'outer;
                        }
                        break;
                    }
                }
                i += 1;
            }
            // argument index
            let r = Self::arg_number(
                fmt,
                i,
                arg_num,
                args.len(),
                &mut reordered,
                &mut good_arg_num,
            );
            arg_num = r.0;
            i = r.1;
            after_index = r.2;
            // width
            if i < end && fmt[i] == b'*' {
                i += 1;
                let (w, n) = Self::int_from_arg(args, arg_num);
                arg_num = n;
                match w {
                    Some(w) => {
                        if w < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        self.f.wid = Some(w.unsigned_abs() as usize);
                    }
                    None => {
                        self.f.wid = None;
                        self.buf.extend_from_slice(b"%!(BADWIDTH)");
                    }
                }
                after_index = false;
            } else {
                let (w, ni) = Self::parse_num(fmt, i);
                self.f.wid = w;
                i = ni;
                if after_index && w.is_some() {
                    good_arg_num = false;
                }
            }
            // precision
            if i + 1 < end && fmt[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                let r = Self::arg_number(
                    fmt,
                    i,
                    arg_num,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                arg_num = r.0;
                i = r.1;
                after_index = r.2;
                if i < end && fmt[i] == b'*' {
                    i += 1;
                    let (p, n) = Self::int_from_arg(args, arg_num);
                    arg_num = n;
                    match p {
                        Some(p) if p >= 0 => self.f.prec = Some(p as usize),
                        _ => {
                            self.f.prec = None;
                            self.buf.extend_from_slice(b"%!(BADPREC)");
                        }
                    }
                    after_index = false;
                } else {
                    let (p, ni) = Self::parse_num(fmt, i);
                    i = ni;
                    self.f.prec = Some(p.unwrap_or(0));
                }
            }
            if !after_index {
                let r = Self::arg_number(
                    fmt,
                    i,
                    arg_num,
                    args.len(),
                    &mut reordered,
                    &mut good_arg_num,
                );
                arg_num = r.0;
                i = r.1;
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (r, w) = decode_rune(&fmt[i..]);
            let verb = r.unwrap_or('\u{FFFD}');
            i += w.max(1);
            if verb == '%' {
                self.buf.push(b'%');
                continue;
            }
            if !good_arg_num {
                self.bad_arg(verb, "BADINDEX");
                continue;
            }
            if arg_num >= args.len() {
                self.bad_arg(verb, "MISSING");
                continue;
            }
            if verb == 'v' {
                self.f.sharp_v = self.f.sharp;
                self.f.sharp = false;
                self.f.plus_v = self.f.plus;
                self.f.plus = false;
            }
            self.print_arg(&args[arg_num], verb);
            arg_num += 1;
        }
        if !reordered && arg_num < args.len() {
            self.f = FmtFlags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (n, a) in args[arg_num..].iter().enumerate() {
                if n > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                match a {
                    Val::Invalid | Val::Nil => self.buf.extend_from_slice(b"<nil>"),
                    a => {
                        self.buf.extend_from_slice(a.type_name().as_bytes());
                        self.buf.push(b'=');
                        self.print_arg(a, 'v');
                    }
                }
            }
            self.buf.push(b')');
        }
    }

    fn bad_arg(&mut self, verb: char, what: &str) {
        self.buf.extend_from_slice(b"%!");
        let mut b = [0u8; 4];
        self.buf
            .extend_from_slice(verb.encode_utf8(&mut b).as_bytes());
        self.buf.push(b'(');
        self.buf.extend_from_slice(what.as_bytes());
        self.buf.push(b')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A struct-like row (docker's ContainerContext) with a `Label` method.
    struct Ctx(Value);

    impl Row for Ctx {
        fn data(&self) -> &Value {
            &self.0
        }
        fn call(&self, name: &str, args: &[Value]) -> Option<Result<Value, String>> {
            (name == "Label").then(|| match args {
                [Value::String(k)] => Ok(json!(format!("label:{k}"))),
                _ => Err(format!(
                    "wrong number of args for Label: want 1 got {}",
                    args.len()
                )),
            })
        }
        fn type_name(&self) -> Option<&str> {
            Some("*formatter.ContainerContext")
        }
    }

    fn data() -> Value {
        json!({
            "Name": "web", "Count": 3, "Ratio": 0.25, "Big": 1e21, "On": true, "Off": false,
            "Null": null, "Empty": "", "List": ["a", "b", null, 1], "Nums": [3, 1, 2],
            "Map": {"z": 1, "a": "x", "m": null}, "Nested": {"Inner": {"Deep": "yes"}},
            "Html": "<a & b>"
        })
    }

    fn run(text: &str) -> String {
        run_on(text, &data())
    }

    fn run_on(text: &str, dot: &dyn Row) -> String {
        let t = Template::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let mut out = Vec::new();
        t.execute(&mut out, dot)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        String::from_utf8(out).unwrap()
    }

    fn exec_err(text: &str, dot: &dyn Row) -> String {
        let t = Template::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let mut out = Vec::new();
        t.execute(&mut out, dot).expect_err(text).to_string()
    }

    fn parse_err(text: &str) -> String {
        Template::parse(text).expect_err(text).to_string()
    }

    #[test]
    fn fields_and_printing() {
        assert_eq!(
            run("{{.Name}} {{.Count}} {{.Ratio}} {{.Big}} {{.On}}"),
            "web 3 0.25 1e+21 true"
        );
        assert_eq!(
            run("{{.Missing}}|{{.Null}}|{{.Map.m}}|{{.Map.nope}}"),
            "<no value>|<no value>|<no value>|<no value>"
        );
        assert_eq!(
            run("{{.List}} {{.Map}}"),
            "[a b <nil> 1] map[a:x m:<nil> z:1]"
        );
        assert_eq!(
            run("{{.Nested.Inner.Deep}} {{.Nested.Inner}}"),
            "yes map[Deep:yes]"
        );
        assert_eq!(run("{{.}}"), run("{{$}}"));
        assert_eq!(run("plain text"), "plain text");
    }

    #[test]
    fn trim_markers_and_comments() {
        assert_eq!(run("a  {{- .Name -}}  b"), "awebb");
        assert_eq!(run("a {{/* c */}} b"), "a  b");
        assert_eq!(run("a \n{{- /* c */ -}}\n b"), "ab");
        assert_eq!(run("{{-3}}|{{- 3}}"), "-3|3");
    }

    #[test]
    fn control_structures() {
        assert_eq!(
            run("{{if .On}}y{{else}}n{{end}}{{if .Off}}y{{else if .Count}}c{{else}}n{{end}}"),
            "yc"
        );
        assert_eq!(run("{{if .Empty}}y{{else}}n{{end}}{{if .Null}}y{{else}}n{{end}}{{if .Missing}}y{{else}}n{{end}}"), "nnn");
        assert_eq!(
            run("{{with .Nested.Inner}}{{.Deep}}{{end}}{{with .Empty}}x{{else}}e{{end}}"),
            "yese"
        );
        assert_eq!(run("{{with .Off}}x{{else with .Name}}{{.}}{{end}}"), "web");
        assert_eq!(run("{{range .Nums}}{{.}},{{end}}"), "3,1,2,");
        assert_eq!(
            run("{{range $i, $v := .List}}{{$i}}={{$v}};{{end}}"),
            "0=a;1=b;2=<no value>;3=1;"
        );
        assert_eq!(
            run("{{range $k, $v := .Map}}{{$k}}:{{$v}} {{end}}"),
            "a:x m:<no value> z:1 "
        );
        assert_eq!(run("{{range .Missing}}x{{else}}none{{end}}"), "none");
        assert_eq!(
            run("{{range 3}}{{.}}{{end}}{{range $i := 0}}x{{else}}-{{end}}"),
            "012-"
        );
        assert_eq!(
            run("{{range .Nums}}{{if eq . 1}}{{continue}}{{end}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}}"),
            "3"
        );
        assert_eq!(
            run("{{define \"t\"}}[{{.}}]{{end}}{{template \"t\" .Name}}{{template \"t\"}}"),
            "[web][<no value>]"
        );
        assert_eq!(run("{{block \"b\" .Count}}<{{.}}>{{end}}"), "<3>");
    }

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
    fn builtin_functions() {
        assert_eq!(
            run("{{and 1 0 2}} {{and 1 2}} {{or 0 \"\" .Name}} {{or 0 \"\"}} {{not .On}}"),
            "0 2 web  false"
        );
        assert_eq!(
            run("{{len .List}} {{len .Map}} {{len .Name}} {{len \"日本\"}}"),
            "4 3 3 6"
        );
        assert_eq!(
            run("{{index .List 0}} {{index .Map \"z\"}} {{index .Map \"q\"}} {{index .Name 0}}"),
            "a 1 <no value> 119"
        );
        assert_eq!(
            run("{{slice .Name 1}} {{slice .Nums 1 2}} {{slice .List}}"),
            "eb [1] [a b <nil> 1]"
        );
        assert_eq!(
            run("{{eq .Count 3}} {{eq .Name \"x\" \"web\"}} {{ne .Count 2}} {{eq .Missing .Null}}"),
            "true true true true"
        );
        assert_eq!(
            run("{{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}} {{lt .Count 4}}"),
            "true true true false true"
        );
        assert_eq!(
            run("{{print 1 2 \"a\" \"b\" 3 nil}}|{{println \"x\" 1}}|"),
            "1 2ab3 <nil>|x 1\n|"
        );
        assert_eq!(
            run("{{html .Html}} {{js .Html}} {{urlquery .Html}} {{html .Missing}}"),
            "&lt;a &amp; b&gt; \\u003Ca \\u0026 b\\u003E %3Ca+%26+b%3E &lt;no value&gt;"
        );
    }

    #[test]
    fn docker_functions() {
        assert_eq!(
            run("{{json .Map}} {{json .List}} {{json .Html}} {{json .Ratio}} {{json .Missing}}"),
            r#"{"a":"x","m":null,"z":1} ["a","b",null,1] "<a & b>" 0.25 null"#
        );
        assert_eq!(
            run("{{split \"a,b,,c\" \",\"}} {{len (split \"\" \",\")}} {{split \"ab\" \"\"}}"),
            "[a b  c] 1 [a b]"
        );
        assert_eq!(run("{{join (split \"a b c\" \" \") \"+\"}}"), "a+b+c");
        assert_eq!(
            run("{{title \"hello wORLD-x_y\"}} {{upper \"straße\"}} {{lower \"ÀB\"}}"),
            "Hello WORLD-X_y STRAßE àb"
        );
        assert_eq!(run("[{{pad .Name 1 2}}][{{pad .Empty 1 2}}]"), "[ web  ][]");
        assert_eq!(
            run("{{truncate .Name 2}} {{truncate .Name 3}} {{truncate .Name 9}}"),
            "we web web"
        );
    }

    #[test]
    fn header_functions_are_no_ops() {
        let t = Template::parse("{{json .A}}|{{split .A \",\"}}|{{join .A \",\"}}|{{upper .A}}|{{truncate .A 1}}|{{pad .A 1 1}}").unwrap();
        let mut out = Vec::new();
        t.execute_with(&mut out, &json!({"A": "a,b"}), Funcs::Header, None)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a,b|a,b|a,b|a,b|a,b| a,b ");
    }

    #[test]
    fn printf_verbs() {
        assert_eq!(
            run(
                r#"{{printf "%s|%5s|%-5s|%.2s|%q|%x|%X|% x" "ab" "ab" "ab" "abc" "a\"b" "hi" "hi" "hi"}}"#
            ),
            r#"ab|   ab|ab   |ab|"a\"b"|6869|6869|68 69"#
        );
        assert_eq!(
            run(
                r#"{{printf "%d|%5d|%-5d|%05d|%+d|%x|%#x|%o|%b|%c|%U|%q" 42 42 42 -42 42 255 255 8 5 65 65 65}}"#
            ),
            "42|   42|42   |-0042|+42|ff|0xff|10|101|A|U+0041|'A'"
        );
        assert_eq!(
            run(
                r#"{{printf "%v|%f|%.2f|%e|%g|%8.3f|%-8.1f|" 1.5 1.5 3.14159 1234.5678 0.000012345 2.5 2.5}}"#
            ),
            "1.5|1.500000|3.14|1.234568e+03|1.2345e-05|   2.500|2.5     |"
        );
        assert_eq!(
            run(r#"{{printf "%t|%v|%T|%T|%T" true .List .Name .Count .Map}}"#),
            "true|[a b <nil> 1]|string|int|map[string]interface {}"
        );
        assert_eq!(
            run(
                r#"{{printf "%d %s" "x" 3}}|{{printf "%d"}}|{{printf "x" 1}}|{{printf "%[2]d%[1]d" 1 2}}|{{printf "%*d" 3 1}}|{{printf "%%"}}"#
            ),
            "%!d(string=x) %!s(int=3)|%!d(MISSING)|x%!(EXTRA int=1)|21|  1|%"
        );
    }

    #[test]
    fn float_formatting_like_go() {
        let cases: &[(f64, char, i32, &str)] = &[
            (1e6, 'g', -1, "1e+06"),
            (123456.0, 'g', -1, "123456"),
            (1234567.0, 'g', -1, "1.234567e+06"),
            (0.0001, 'g', -1, "0.0001"),
            (0.00001, 'g', -1, "1e-05"),
            (100.0, 'g', -1, "100"),
            (1.0, 'g', -1, "1"),
            (0.0, 'g', -1, "0"),
            (-2.5, 'g', -1, "-2.5"),
            (1.0, 'g', 3, "1"),
            (1234.5678, 'g', 3, "1.23e+03"),
            (0.1, 'f', -1, "0.1"),
            (1e21, 'f', -1, "1000000000000000000000"),
            (1.23456, 'f', 2, "1.23"),
            (2.5, 'f', 0, "2"),
            (1234.5678, 'e', 6, "1.234568e+03"),
            (0.0, 'e', 2, "0.00e+00"),
            (1e-7, 'e', -1, "1e-07"),
            (1e100, 'g', -1, "1e+100"),
            (1.5, 'x', -1, "0x1.8p+00"),
            (1.5, 'X', -1, "0X1.8P+00"),
            (1.5, 'b', -1, "6755399441055744p-52"),
            (0.0, 'x', -1, "0x0p+00"),
            (-1e300, 'x', 3, "-0x1.7e4p+996"),
        ];
        for &(v, f, p, want) in cases {
            assert_eq!(format_float(v, f, p), want, "{v} {f} {p}");
        }
        let mut out = Vec::new();
        for v in [1e-7, 1e21, 123456789.0, 0.1, 1e20, 5e-324] {
            json_float(&mut out, v).unwrap();
            out.push(b' ');
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1e-7 1e+21 123456789 0.1 100000000000000000000 5e-324 "
        );
    }

    #[test]
    fn quoting_like_strconv() {
        assert_eq!(go_quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            go_quote("tab\tnl\n\x07\x01\x7f"),
            r#""tab\tnl\n\a\x01\x7f""#
        );
        assert_eq!(go_quote("日本 é …"), "\"日本 é …\"");
        assert_eq!(
            go_quote("\u{200b}\u{2028}\u{a0}"),
            r#""\u200b\u2028\u00a0""#
        );
        assert_eq!(
            String::from_utf8(quote_bytes(b"\xff", false)).unwrap(),
            r#""\xff""#
        );
        assert_eq!(
            String::from_utf8(quote_bytes("é".as_bytes(), true)).unwrap(),
            r#""\u00e9""#
        );
    }

    #[test]
    fn json_encoding_like_go() {
        assert_eq!(
            go_json(&json!({"b": [1, 2.5, "x\u{2028}"], "a": null, "c": "<&>\u{1}"})),
            r#"{"a":null,"b":[1,2.5,"x\u2028"],"c":"<&>\u0001"}"#
        );
        // a struct row is marshalled by docker with json.Marshal, which escapes HTML
        let row = Ctx(json!({"Labels": "a<b&c>"}));
        assert_eq!(
            run_on("{{json .}}|{{json .Labels}}", &row),
            r#"{"Labels":"a\u003cb\u0026c\u003e"}|"a<b&c>""#
        );
    }

    #[test]
    fn sprint_of_json_values() {
        assert_eq!(
            go_sprint(&json!({"b": [1, "x"], "a": 2.5})),
            "map[a:2.5 b:[1 x]]"
        );
        assert_eq!(go_sprint(&json!(null)), "<nil>");
        assert_eq!(go_sprint(&json!(1000000.0)), "1e+06");
    }

    #[test]
    fn struct_rows_and_methods() {
        let row = Ctx(json!({"ID": "abc", "Names": "web", "Platform": null}));
        assert_eq!(
            run_on(
                "{{.ID}} {{.Label \"x\"}} {{\"y\" | .Label}} {{.Platform}}",
                &row
            ),
            "abc label:x label:y <nil>"
        );
        assert_eq!(exec_err("{{.Foo}}", &row),
            "template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *formatter.ContainerContext");
        assert_eq!(exec_err("x\n {{.Label}}", &row),
            "template: :2:3: executing \"\" at <.Label>: wrong number of args for Label: want 1 got 0");
        assert_eq!(
            exec_err("{{.ID 2}}", &row),
            "template: :1:2: executing \"\" at <.ID>: wrong number of args for ID: want 0 got 1"
        );
        assert_eq!(exec_err("{{.Names.Foo}}", &row),
            "template: :1:8: executing \"\" at <.Names.Foo>: can't evaluate field Foo in type string");
        assert_eq!(exec_err("{{len .}}", &row),
            "template: :1:2: executing \"\" at <len .>: error calling len: len of type formatter.ContainerContext");
    }

    #[test]
    fn map_rows_tolerate_missing_fields() {
        assert_eq!(run("{{.Nope}}"), "<no value>");
        assert_eq!(
            exec_err("{{.Nope \"x\"}}", &data()),
            "template: :1:2: executing \"\" at <.Nope>: Nope is not a method but has arguments"
        );
        assert_eq!(
            exec_err("{{.Null.x}}", &data()),
            "template: :1:7: executing \"\" at <.Null.x>: nil pointer evaluating interface {}.x"
        );
        assert_eq!(
            exec_err("{{.Name.x}}", &data()),
            "template: :1:7: executing \"\" at <.Name.x>: can't evaluate field x in type string"
        );
        assert_eq!(exec_err("{{.Map.a.x}}", &data()),
            "template: :1:6: executing \"\" at <.Map.a.x>: can't evaluate field x in type interface {}");
        assert_eq!(
            exec_err("{{$v := .Map.a}}{{$v.x}}", &data()),
            "template: :1:20: executing \"\" at <$v.x>: can't evaluate field x in type string"
        );
    }

    #[test]
    fn exec_errors_like_go() {
        let d = data();
        let cases: &[(&str, &str)] = &[
            ("{{index .List 9}}", "template: :1:2: executing \"\" at <index .List 9>: error calling index: index out of range: 9"),
            ("{{index .List 4}}", "template: :1:2: executing \"\" at <index .List 4>: error calling index: reflect: slice index out of range"),
            ("{{index .Name \"a\"}}", "template: :1:2: executing \"\" at <index .Name \"a\">: error calling index: cannot index slice/array with type string"),
            ("{{slice .Name 2 1}}", "template: :1:2: executing \"\" at <slice .Name 2 1>: error calling slice: invalid slice index: 2 > 1"),
            ("{{len 3}}", "template: :1:2: executing \"\" at <len 3>: error calling len: len of type int"),
            ("{{len nil}}", "template: :1:2: executing \"\" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value"),
            ("{{eq .Name 1}}", "template: :1:2: executing \"\" at <eq .Name 1>: error calling eq: incompatible types for comparison"),
            ("{{lt true false}}", "template: :1:2: executing \"\" at <lt true false>: error calling lt: invalid type for comparison"),
            ("{{eq 1}}", "template: :1:2: executing \"\" at <eq 1>: error calling eq: missing argument for comparison"),
            ("{{and}}", "template: :1:2: executing \"\" at <and>: wrong number of args for and: want at least 1 got 0"),
            ("{{ne 1}}", "template: :1:2: executing \"\" at <ne>: wrong number of args for ne: want 2 got 1"),
            ("{{upper 3}}", "template: :1:8: executing \"\" at <3>: expected string; found 3"),
            ("{{join .Name \",\"}}", "template: :1:7: executing \"\" at <.Name>: wrong type for value; expected []string; got string"),
            ("{{join \"a\" \",\"}}", "template: :1:7: executing \"\" at <\"a\">: can't handle \"a\" for arg of type []string"),
            ("{{pad .Name -1 0}}", "template: :1:2: executing \"\" at <pad .Name -1 0>: error calling pad: strings: negative Repeat count"),
            ("{{truncate .Name -1}}", "template: :1:2: executing \"\" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]"),
            ("{{call .Name}}", "template: :1:2: executing \"\" at <call .Name>: error calling call: non-function .Name of type string"),
            ("{{nil}}", "template: :1:2: executing \"\" at <nil>: nil is not a command"),
            ("{{1 2}}", "template: :1:2: executing \"\" at <1>: can't give argument to non-function 1"),
            ("{{template \"x\"}}", "template: :1:11: executing \"\" at <{{template \"x\"}}>: template \"x\" not defined"),
            ("{{range .Name}}{{end}}", "template: :1:8: executing \"\" at <.Name>: range can't iterate over web"),
            ("{{range 1.5}}{{end}}", "template: :1:8: executing \"\" at <1.5>: range can't iterate over 1.5"),
            ("{{range $i, $v := 3}}{{end}}", "template: :1:18: executing \"\" at <3>: can't use 3 to iterate over more than one variable"),
            ("{{define \"x\"}}{{.a.b.c}}{{end}}{{template \"x\" .Map}}", "template: :1:18: executing \"x\" at <.a.b.c>: can't evaluate field b in type interface {}"),
            ("{{18446744073709551615}}", "template: :1:2: executing \"\" at <18446744073709551615>: 18446744073709551615 overflows int"),
            ("{{(index .Name 0).Foo}}", "template: :1:15: executing \"\" at <0>: can't evaluate field Foo in type uint8"),
        ];
        for (text, want) in cases {
            assert_eq!(exec_err(text, &d), *want, "{text}");
        }
    }

    #[test]
    fn partial_output_stays_on_error() {
        let t = Template::parse("a{{.Name}}b{{index .List 9}}c").unwrap();
        let mut out = Vec::new();
        assert!(t.execute(&mut out, &data()).is_err());
        assert_eq!(out, b"awebb");
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

    #[test]
    fn numbers_print_like_go() {
        assert_eq!(run("{{1.5}} {{1e6}} {{0x1F}} {{'a'}} {{-3}} {{1_000}} {{0o17}} {{0b101}} {{2.0}} {{1e-7}} {{017}} {{.5}} {{1+2i}} {{2i}} {{0x1p-2}}"),
            "1.5 1e+06 31 97 -3 1000 15 5 2 1e-07 15 0.5 (1+2i) (0+2i) 0.25");
    }

    /// Random token soup must never panic the lexer, parser or executor.
    #[test]
    fn random_templates_never_panic() {
        const TOKENS: &[&str] = &[
            "{{",
            "}}",
            "{{- ",
            " -}}",
            "/*",
            "*/",
            " ",
            "\n",
            ".",
            ".Name",
            ".List",
            ".Map",
            ".Null",
            ".Nested.Inner",
            "$",
            "$x",
            ":=",
            "=",
            "|",
            "(",
            ")",
            "\"s\"",
            "`r`",
            "'c'",
            "1",
            "-2",
            "1.5",
            "0x1f",
            "1e3",
            "2i",
            "true",
            "nil",
            "if",
            "else",
            "end",
            "range",
            "with",
            "define",
            "template",
            "block",
            "break",
            "continue",
            "and",
            "or",
            "not",
            "len",
            "index",
            "slice",
            "eq",
            "lt",
            "print",
            "printf",
            "\"%d %s %v %q %5.2f %!\"",
            "json",
            "split",
            "join",
            "title",
            "pad",
            "truncate",
            "html",
            "js",
            "urlquery",
            "call",
            "x",
            ",",
            "@",
            "日本",
            "\\",
            "\"",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let d = data();
        for _ in 0..20_000 {
            let n = (next() % 12) as usize + 1;
            let text: String = (0..n)
                .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
                .collect();
            if let Ok(t) = Template::parse(&text) {
                let _ = t.execute(&mut Vec::new(), &d);
                let _ = t.execute_with(&mut Vec::new(), &d, Funcs::Header, None);
            }
        }
    }

    #[test]
    fn runaway_recursion_is_an_error() {
        let e = exec_err(
            "{{define \"x\"}}{{template \"x\" .}}{{end}}{{template \"x\" .}}",
            &data(),
        );
        assert!(e.ends_with("exceeded maximum template depth (200)"), "{e}");
        let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        assert_eq!(run(&format!("{{{{{deep}}}}}")), "1");
        let deeper = format!("{{{{{}1{}}}}}", "(".repeat(101), ")".repeat(101));
        assert_eq!(
            parse_err(&deeper),
            "template: :1: max expression depth exceeded"
        );
        let nested = format!("{}x{}", "{{if 1}}".repeat(100), "{{end}}".repeat(100));
        assert_eq!(run(&nested), "x");
        let nested = format!("{}x{}", "{{if 1}}".repeat(101), "{{end}}".repeat(101));
        assert_eq!(
            parse_err(&nested),
            "template: :1: max expression depth exceeded"
        );
    }

    #[test]
    fn fields_used_are_recorded() {
        let row = Ctx(json!({"ID": "a", "Size": "0B", "Names": "n"}));
        let t = Template::parse("{{.ID}}{{if false}}{{.Names}}{{end}}").unwrap();
        let mut used = BTreeSet::new();
        t.execute_with(&mut Vec::new(), &row, Funcs::Basic, Some(&mut used))
            .unwrap();
        assert_eq!(used.into_iter().collect::<Vec<_>>(), vec!["ID"]);
        let t = Template::parse("{{json .}}").unwrap();
        let mut used = BTreeSet::new();
        t.execute_with(&mut Vec::new(), &row, Funcs::Basic, Some(&mut used))
            .unwrap();
        assert!(used.contains("Size"));
    }
}
