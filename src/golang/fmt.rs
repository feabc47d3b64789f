//! Go's fmt: Sprint, Sprintln and Sprintf with Go's verbs, flags, width and precision, and its
//! error forms (`%!d(string=x)`, `%!(EXTRA …)`, `%!v(MISSING)`), over any value that says how
//! Go would print it ([`Arg`]): numbers, strings and booleans here, template values in
//! `render::template`.
use crate::golang::strconv::{
    append_escaped_rune, can_backquote, format_float, go_is_print, quote_bytes, LDIGITS, UDIGITS,
};
use crate::golang::utf8::{decode_rune, rune_count};

/// The flags, width and precision of the verb being printed (Go's `fmtFlags` and `fmt`).
#[derive(Default, Clone, Copy)]
pub struct FmtFlags {
    pub minus: bool,
    pub plus: bool,
    pub sharp: bool,
    pub space: bool,
    pub zero: bool,
    pub plus_v: bool,
    pub sharp_v: bool,
    pub wid: Option<usize>,
    pub prec: Option<usize>,
}

/// Go's `pp`: the output buffer and the state of the verb being printed.
#[derive(Default)]
pub struct Printer {
    pub buf: Vec<u8>,
    pub f: FmtFlags,
}

/// A value Go's fmt can print: how it prints under a verb, and what `%T` and the error forms
/// call its type.
pub trait Arg {
    /// Go's `printValue`: print `self` under `verb` (never `T` or `w`, which [`Printer`]
    /// handles); `depth` is 0 for an argument, more inside a list or map.
    fn format(&self, p: &mut Printer, verb: char, depth: usize);

    /// The Go type (`%T`); `None` for a nil interface, which Go prints as `<nil>`.
    fn type_name(&self) -> Option<String>;

    /// Whether this is a Go string: `Sprint` puts no space next to one.
    fn is_string(&self) -> bool {
        false
    }

    /// The value as an integer, for a `*` width or precision.
    fn as_int(&self) -> Option<i64> {
        None
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn format(&self, p: &mut Printer, verb: char, depth: usize) {
        (**self).format(p, verb, depth)
    }
    fn type_name(&self) -> Option<String> {
        (**self).type_name()
    }
    fn is_string(&self) -> bool {
        (**self).is_string()
    }
    fn as_int(&self) -> Option<i64> {
        (**self).as_int()
    }
}

impl Arg for f64 {
    fn format(&self, p: &mut Printer, verb: char, _depth: usize) {
        p.fmt_float(*self, verb)
    }
    fn type_name(&self) -> Option<String> {
        Some("float64".into())
    }
}

impl Arg for i64 {
    fn format(&self, p: &mut Printer, verb: char, _depth: usize) {
        p.fmt_integer(*self as u64, true, verb, self)
    }
    fn type_name(&self) -> Option<String> {
        Some("int64".into())
    }
    fn as_int(&self) -> Option<i64> {
        Some(*self)
    }
}

impl Arg for u64 {
    fn format(&self, p: &mut Printer, verb: char, _depth: usize) {
        p.fmt_integer(*self, false, verb, self)
    }
    fn type_name(&self) -> Option<String> {
        Some("uint64".into())
    }
    fn as_int(&self) -> Option<i64> {
        i64::try_from(*self).ok()
    }
}

impl Arg for bool {
    fn format(&self, p: &mut Printer, verb: char, _depth: usize) {
        p.fmt_bool(*self, verb)
    }
    fn type_name(&self) -> Option<String> {
        Some("bool".into())
    }
}

/// A Go string held as bytes (it may hold invalid UTF-8, as Go strings can).
impl Arg for [u8] {
    fn format(&self, p: &mut Printer, verb: char, _depth: usize) {
        p.fmt_string(self, verb)
    }
    fn type_name(&self) -> Option<String> {
        Some("string".into())
    }
    fn is_string(&self) -> bool {
        true
    }
}

impl Arg for str {
    fn format(&self, p: &mut Printer, verb: char, depth: usize) {
        self.as_bytes().format(p, verb, depth)
    }
    fn type_name(&self) -> Option<String> {
        Some("string".into())
    }
    fn is_string(&self) -> bool {
        true
    }
}

/// Go's `fmt.Sprintf`, e.g. `sprintf("%.3g", &[&1234.5678])` is `1.23e+03`.
pub fn sprintf(format: &str, args: &[&dyn Arg]) -> String {
    let mut p = Printer::default();
    p.do_printf(format.as_bytes(), args);
    String::from_utf8_lossy(&p.buf).into_owned()
}

/// Go's `fmt.Sprint`.
pub fn sprint(args: &[&dyn Arg]) -> String {
    let mut p = Printer::default();
    p.do_print(args);
    String::from_utf8_lossy(&p.buf).into_owned()
}

/// Go's `fmt.Sprintln`.
pub fn sprintln(args: &[&dyn Arg]) -> String {
    let mut p = Printer::default();
    p.do_println(args);
    String::from_utf8_lossy(&p.buf).into_owned()
}

/// Go's `fmt.Sprint` of one value (`%v`).
pub fn sprint_v(v: &dyn Arg) -> String {
    sprint_verb(v, 'v')
}

/// One value printed under one verb, without flags (`%s`, `%q`, …).
pub fn sprint_verb(v: &dyn Arg, verb: char) -> String {
    let mut p = Printer::default();
    p.print_arg(v, verb);
    String::from_utf8_lossy(&p.buf).into_owned()
}

impl Printer {
    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { b'0' } else { b' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    /// Write `b`, padded to the width with spaces (or zeros with the `0` flag).
    pub fn pad(&mut self, b: &[u8]) {
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

    /// A Go string under `verb` (`%v %s %q %x %X`).
    pub fn fmt_string(&mut self, s: &[u8], verb: char) {
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
            _ => self.bad_verb(verb, &s),
        }
    }

    /// A Go bool under `verb` (`%v %t`).
    pub fn fmt_bool(&mut self, b: bool, verb: char) {
        match verb {
            't' | 'v' => self.pad(if b { b"true" } else { b"false" }),
            _ => self.bad_verb(verb, &b),
        }
    }

    /// A Go integer (the bits of `u`, negative when `signed` says so) under `verb`; `orig`
    /// is the value named in a bad-verb error.
    pub fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, orig: &dyn Arg) {
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

    /// A float64 under `verb` (`%v %g %G %e %E %f %F %b %x %X`), with Go's flag handling.
    pub fn fmt_float(&mut self, v: f64, verb: char) {
        let (fc, prec): (char, i32) = match verb {
            'v' => ('g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => (verb, -1),
            'f' | 'e' | 'E' => (verb, 6),
            'F' => ('f', 6),
            _ => {
                self.bad_verb(verb, &v);
                return;
            }
        };
        let prec = match self.f.prec {
            Some(p) => p as i32,
            None => prec,
        };
        let s = format_float(v, fc, prec, 64);
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

    /// Go's `badVerb`: `%!d(string=x)`, or `%!d(<nil>)` for a nil interface.
    pub fn bad_verb(&mut self, verb: char, v: &dyn Arg) {
        self.buf.extend_from_slice(b"%!");
        let mut b = [0u8; 4];
        self.buf
            .extend_from_slice(verb.encode_utf8(&mut b).as_bytes());
        self.buf.push(b'(');
        self.type_and_value(v);
        self.buf.push(b')');
    }

    /// `type=value` (Go's bad-verb and EXTRA forms), or `<nil>` for a nil interface.
    fn type_and_value(&mut self, v: &dyn Arg) {
        match v.type_name() {
            None => self.buf.extend_from_slice(b"<nil>"),
            Some(t) => {
                self.buf.extend_from_slice(t.as_bytes());
                self.buf.push(b'=');
                self.print_arg(v, 'v');
            }
        }
    }

    /// Go's `printArg`: `%T` and `%w` here, every other verb by the value itself.
    pub fn print_arg(&mut self, v: &dyn Arg, verb: char) {
        match verb {
            'T' => {
                let t = v.type_name().unwrap_or_else(|| "<nil>".into());
                self.fmt_s(t.as_bytes());
            }
            // %w is only meaningful in fmt.Errorf
            'w' => self.bad_verb(verb, v),
            _ => v.format(self, verb, 0),
        }
    }

    /// Go's `Sprint`: spaces between operands when neither is a string.
    pub fn do_print<A: Arg>(&mut self, args: &[A]) {
        let mut prev_string = false;
        for (n, a) in args.iter().enumerate() {
            let is_string = a.is_string();
            if n > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(a, 'v');
            prev_string = is_string;
        }
    }

    /// Go's `Sprintln`: spaces between operands, and a newline.
    pub fn do_println<A: Arg>(&mut self, args: &[A]) {
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

    /// Go's `argNumber`: an explicit `[n]` argument index; returns the argument number, the
    /// index after it and whether one was taken.
    fn arg_number(
        fmt: &[u8],
        i: usize,
        arg_num: usize,
        num_args: usize,
        idx: &mut ArgIndex,
    ) -> (usize, usize, bool) {
        if fmt.len() <= i || fmt[i] != b'[' {
            return (arg_num, i, false);
        }
        idx.reordered = true;
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
        idx.good = false;
        (arg_num, i + wid, ok)
    }

    fn int_from_arg<A: Arg>(args: &[A], arg_num: usize) -> (Option<i64>, usize) {
        if arg_num < args.len() {
            let v = args[arg_num].as_int();
            let v = v.filter(|n| (-1_000_000..=1_000_000).contains(n));
            (v, arg_num + 1)
        } else {
            (None, arg_num)
        }
    }

    /// Go's `Sprintf`.
    pub fn do_printf<A: Arg>(&mut self, fmt: &[u8], args: &[A]) {
        let end = fmt.len();
        let mut arg_num = 0usize;
        let mut after_index;
        let mut idx = ArgIndex::default();
        let mut i = 0usize;
        'outer: while i < end {
            idx.good = true;
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
            (arg_num, i, after_index) = Self::arg_number(fmt, i, arg_num, args.len(), &mut idx);
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
                    idx.good = false;
                }
            }
            // precision
            if i + 1 < end && fmt[i] == b'.' {
                i += 1;
                if after_index {
                    idx.good = false;
                }
                (arg_num, i, after_index) = Self::arg_number(fmt, i, arg_num, args.len(), &mut idx);
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
                (arg_num, i, _) = Self::arg_number(fmt, i, arg_num, args.len(), &mut idx);
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
            if !idx.good {
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
        if !idx.reordered && arg_num < args.len() {
            self.f = FmtFlags::default();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (n, a) in args[arg_num..].iter().enumerate() {
                if n > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                self.type_and_value(a);
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

/// What Sprintf's explicit argument indexes (`%[2]d`) did: Go's `pp.reordered` (one was
/// used anywhere: no `%!(EXTRA …)`) and `pp.goodArgNum` (the current verb's index is valid).
#[derive(Default)]
struct ArgIndex {
    reordered: bool,
    good: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A nil interface: what `%v` of a Go nil prints.
    struct Nil;

    impl Arg for Nil {
        fn format(&self, p: &mut Printer, verb: char, _depth: usize) {
            if verb == 'v' {
                p.pad(b"<nil>");
            } else {
                p.bad_verb(verb, self);
            }
        }
        fn type_name(&self) -> Option<String> {
            None
        }
    }

    /// Go's Sprintf for the kinds this module prints itself (in the manner of fmt_test.go).
    #[test]
    fn sprintf_like_go() {
        let cases: &[(&str, &dyn Arg, &str)] = &[
            ("%g", &1234.5678, "1234.5678"),
            ("%.3g", &1234.5678, "1.23e+03"),
            ("%.4g", &1234.5678, "1235"),
            ("%.4g", &0.000012345, "1.234e-05"),
            ("%v", &1e6, "1e+06"),
            ("%v", &1e21, "1e+21"),
            ("%v", &100000.0, "100000"),
            ("%e", &1.0, "1.000000e+00"),
            ("%8.3f", &-1.0, "  -1.000"),
            ("%+.3e", &1.0, "+1.000e+00"),
            ("%#g", &1.0, "1.00000"),
            ("%#.3x", &1.0, "0x1.000p+00"),
            ("%x", &1.0, "0x1p+00"),
            ("%b", &1.0, "4503599627370496p-52"),
            ("%06.2f", &-1.5, "-01.50"),
            ("% .2f", &1.5, " 1.50"),
            ("%v", &f64::NAN, "NaN"),
            ("%+v", &f64::INFINITY, "+Inf"),
            ("%05v", &f64::NEG_INFINITY, " -Inf"),
            ("%d", &12345i64, "12345"),
            ("%v", &-12345i64, "-12345"),
            ("%+d", &12345i64, "+12345"),
            ("%x", &255u64, "ff"),
            ("%#X", &255u64, "0XFF"),
            ("%#o", &8u64, "010"),
            ("%O", &8u64, "0o10"),
            ("%b", &5u64, "101"),
            ("%08d", &-12i64, "-0000012"),
            ("%-6d|", &12i64, "12    |"),
            ("%.0d", &0i64, ""),
            ("%c", &0x263Ai64, "☺"),
            ("%q", &0x263Ai64, "'☺'"),
            ("%+q", &0x263Ai64, "'\\u263a'"),
            ("%U", &0x263Ai64, "U+263A"),
            ("%#U", &0x263Ai64, "U+263A '☺'"),
            ("%s", &"abc", "abc"),
            ("%q", &"abc", "\"abc\""),
            ("%#q", &"abc", "`abc`"),
            ("%+q", &"日本", "\"\\u65e5\\u672c\""),
            ("%x", &"xyz", "78797a"),
            ("% X", &"xyz", "78 79 7A"),
            ("%5s|", &"ab", "   ab|"),
            ("%-5s|", &"ab", "ab   |"),
            ("%.2s", &"日本語", "日本"),
            ("%t", &true, "true"),
            ("%v", &false, "false"),
            ("%d", &"x", "%!d(string=x)"),
            ("%s", &1.5, "%!s(float64=1.5)"),
            ("%t", &1i64, "%!t(int64=1)"),
            ("%z", &true, "%!z(bool=true)"),
            ("%T", &1.5, "float64"),
            ("%T", &Nil, "<nil>"),
            ("%v", &Nil, "<nil>"),
            ("%d", &Nil, "%!d(<nil>)"),
            ("%w", &"e", "%!w(string=e)"),
        ];
        for &(f, a, want) in cases {
            assert_eq!(sprintf(f, &[a]), want, "{f}");
        }
        // Argument errors and indexes.
        assert_eq!(sprintf("%d %d", &[&1i64]), "1 %!d(MISSING)");
        assert_eq!(sprintf("%d", &[&1i64, &2i64]), "1%!(EXTRA int64=2)");
        assert_eq!(sprintf("%[2]d %[1]d", &[&1i64, &2i64]), "2 1");
        assert_eq!(sprintf("%[3]d", &[&1i64]), "%!d(BADINDEX)");
        assert_eq!(sprintf("%*d|", &[&4i64, &7i64]), "   7|");
        assert_eq!(sprintf("%.*f", &[&2i64, &1.0]), "1.00");
        assert_eq!(sprintf("%*d", &[&"x", &7i64]), "%!(BADWIDTH)7");
        assert_eq!(sprintf("%!", &[]), "%!!(MISSING)");
        assert_eq!(sprintf("%", &[]), "%!(NOVERB)");
        assert_eq!(sprintf("100%%", &[]), "100%");
        assert_eq!(sprintf("%v %v", &[&Nil, &1.5]), "<nil> 1.5");
        assert_eq!(sprintf("%d", &[&"x", &Nil]), "%!d(string=x)%!(EXTRA <nil>)");
    }

    #[test]
    fn sprint_and_sprintln_like_go() {
        // Sprint: a space between operands when neither is a string.
        assert_eq!(sprint(&[&1i64, &2i64, &"a", &3i64, &"b", &"c"]), "1 2a3bc");
        assert_eq!(sprint(&[&1.5, &true]), "1.5 true");
        assert_eq!(sprintln(&[&"a", &1i64, &"b"]), "a 1 b\n");
        assert_eq!(sprint_v(&1e-7), "1e-07");
        assert_eq!(sprint_verb(&"x\n", 'q'), "\"x\\n\"");
    }
}
