//! The lexer (Go's text/template/parse/lex.go): template text to items.

use crate::golang::strconv::{go_is_print, go_quote};
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
pub(super) enum It {
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

pub(super) fn keyword(word: &str) -> Option<It> {
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
pub(super) struct Item {
    pub(super) typ: It,
    pub(super) pos: usize,
    pub(super) val: String,
    pub(super) line: usize,
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

pub(super) const LEFT_DELIM: &str = "{{";
pub(super) const RIGHT_DELIM: &str = "}}";
pub(super) const LEFT_COMMENT: &str = "/*";
pub(super) const RIGHT_COMMENT: &str = "*/";
pub(super) const TRIM_MARKER_LEN: usize = 2;

#[derive(Clone, Copy)]
pub(super) enum LexState {
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

pub(super) const EOF: Option<char> = None;

pub(super) struct Lexer<'a> {
    pub(super) input: &'a str,
    pub(super) pos: usize,
    pub(super) start: usize,
    pub(super) at_eof: bool,
    pub(super) paren_depth: i64,
    pub(super) line: usize,
    pub(super) start_line: usize,
    pub(super) inside_action: bool,
    pub(super) item: Item,
}

pub(super) fn is_space(r: Option<char>) -> bool {
    matches!(r, Some(' ' | '\t' | '\r' | '\n'))
}

pub(super) fn is_alphanumeric(r: Option<char>) -> bool {
    match r {
        Some(c) if c.is_ascii() => c == '_' || c.is_ascii_alphanumeric(),
        Some(c) => c.is_alphabetic() || c.is_numeric(),
        None => false,
    }
}

pub(super) fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(Some(b[1] as char))
}

pub(super) fn has_right_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(Some(b[0] as char)) && b[1] == b'-'
}

pub(super) const SPACE_CHARS: &[char] = &[' ', '\t', '\r', '\n'];

/// Go's `%#U`: `U+0041 'A'` (or just `U+0001` for a non-printable rune).
pub(super) fn sharp_u(r: Option<char>) -> String {
    match r {
        None => "U+FFFFFFFFFFFFFFFF".to_string(), // eof (-1) as Go would print it
        Some(c) if go_is_print(c) => format!("U+{:04X} '{}'", c as u32, c),
        Some(c) => format!("U+{:04X}", c as u32),
    }
}

impl<'a> Lexer<'a> {
    pub(super) fn new(input: &'a str) -> Self {
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

    pub(super) fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }

    pub(super) fn next(&mut self) -> Option<char> {
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

    pub(super) fn peek(&mut self) -> Option<char> {
        self.input[self.pos..].chars().next()
    }

    pub(super) fn backup(&mut self) {
        if !self.at_eof && self.pos > 0 {
            let c = self.input[..self.pos].chars().next_back().expect("pos > 0");
            self.pos -= c.len_utf8();
            if c == '\n' {
                self.line -= 1;
            }
        }
    }

    pub(super) fn this_item(&mut self, t: It) -> Item {
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

    pub(super) fn emit(&mut self, t: It) -> Option<LexState> {
        let i = self.this_item(t);
        self.item = i;
        None
    }

    pub(super) fn emit_item(&mut self, i: Item) -> Option<LexState> {
        self.item = i;
        None
    }

    pub(super) fn ignore(&mut self) {
        self.line += self.input[self.start..self.pos].matches('\n').count();
        self.start = self.pos;
        self.start_line = self.line;
    }

    pub(super) fn accept(&mut self, valid: &str) -> bool {
        match self.next() {
            Some(c) if valid.contains(c) => true,
            _ => {
                self.backup();
                false
            }
        }
    }

    pub(super) fn accept_run(&mut self, valid: &str) {
        loop {
            match self.next() {
                Some(c) if valid.contains(c) => {}
                _ => break,
            }
        }
        self.backup();
    }

    pub(super) fn errorf(&mut self, msg: String) -> Option<LexState> {
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

    pub(super) fn next_item(&mut self) -> Item {
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

    pub(super) fn lex_text(&mut self) -> Option<LexState> {
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

    pub(super) fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim_marker(rest) && rest[TRIM_MARKER_LEN..].starts_with(RIGHT_DELIM) {
            return (true, true);
        }
        if rest.starts_with(RIGHT_DELIM) {
            return (true, false);
        }
        (false, false)
    }

    pub(super) fn left_trim_length(s: &str) -> usize {
        s.len() - s.trim_start_matches(SPACE_CHARS).len()
    }

    pub(super) fn lex_left_delim(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_comment(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_right_delim(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_inside_action(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_space(&mut self) -> Option<LexState> {
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

    pub(super) fn at_terminator(&mut self) -> bool {
        let r = self.peek();
        if is_space(r) {
            return true;
        }
        match r {
            None | Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            _ => self.rest().starts_with(RIGHT_DELIM),
        }
    }

    pub(super) fn lex_identifier(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_variable(&mut self) -> Option<LexState> {
        if self.at_terminator() {
            return self.emit(It::Variable);
        }
        self.lex_field_or_variable(It::Variable)
    }

    pub(super) fn lex_field_or_variable(&mut self, typ: It) -> Option<LexState> {
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

    pub(super) fn lex_char(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_number(&mut self) -> Option<LexState> {
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

    pub(super) fn scan_number(&mut self) -> bool {
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

    pub(super) fn lex_quote(&mut self) -> Option<LexState> {
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

    pub(super) fn lex_raw_quote(&mut self) -> Option<LexState> {
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

#[cfg(test)]
mod tests {

    use crate::render::template::testing::*;

    #[test]
    fn trim_markers_and_comments() {
        assert_eq!(run("a  {{- .Name -}}  b"), "awebb");
        assert_eq!(run("a {{/* c */}} b"), "a  b");
        assert_eq!(run("a \n{{- /* c */ -}}\n b"), "ab");
        assert_eq!(run("{{-3}}|{{- 3}}"), "-3|3");
    }
}
