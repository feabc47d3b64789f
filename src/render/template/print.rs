//! Go's fmt (Sprint, Sprintln, Sprintf) over template values.

use super::value::Val;
use crate::golang::strconv::{
    append_escaped_rune, can_backquote, format_float, go_is_print, quote_bytes, LDIGITS, UDIGITS,
};
use crate::golang::utf8::{decode_rune, rune_count};

#[derive(Default, Clone, Copy)]
pub(super) struct FmtFlags {
    pub(super) minus: bool,
    pub(super) plus: bool,
    pub(super) sharp: bool,
    pub(super) space: bool,
    pub(super) zero: bool,
    pub(super) plus_v: bool,
    pub(super) sharp_v: bool,
    pub(super) wid: Option<usize>,
    pub(super) prec: Option<usize>,
}

#[derive(Default)]
pub(super) struct Printer {
    pub(super) buf: Vec<u8>,
    pub(super) f: FmtFlags,
}

pub(super) fn sprint_v(v: &Val) -> String {
    sprint_verb(v, 'v')
}

pub(super) fn sprint_verb(v: &Val, verb: char) -> String {
    let mut p = Printer::default();
    p.print_arg(v, verb);
    String::from_utf8_lossy(&p.buf).into_owned()
}

impl Printer {
    pub(super) fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero { b'0' } else { b' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    pub(super) fn pad(&mut self, b: &[u8]) {
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

    pub(super) fn truncate<'b>(&self, s: &'b [u8]) -> &'b [u8] {
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

    pub(super) fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s).to_vec();
        self.pad(&s);
    }

    pub(super) fn fmt_q(&mut self, s: &[u8]) {
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

    pub(super) fn fmt_sx(&mut self, s: &[u8], digits: &[u8; 16], upper: bool) {
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

    pub(super) fn fmt_string(&mut self, s: &[u8], verb: char) {
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

    pub(super) fn fmt_bool(&mut self, b: bool, verb: char) {
        match verb {
            't' | 'v' => self.pad(if b { b"true" } else { b"false" }),
            _ => self.bad_verb(verb, &Val::Bool(b)),
        }
    }

    pub(super) fn fmt_integer(&mut self, u: u64, signed: bool, verb: char, orig: &Val) {
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

    pub(super) fn fmt_int_base(
        &mut self,
        mut u: u64,
        base: u64,
        signed: bool,
        verb: char,
        digits: &[u8; 16],
    ) {
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

    pub(super) fn fmt_float(&mut self, v: f64, verb: char) {
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

    pub(super) fn bad_verb(&mut self, verb: char, v: &Val) {
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
    pub(super) fn print_arg(&mut self, v: &Val, verb: char) {
        if verb == 'w' {
            // %w is only meaningful in fmt.Errorf
            self.bad_verb(verb, v);
            return;
        }
        self.print_value(v, verb, 0);
    }

    pub(super) fn print_value(&mut self, v: &Val, verb: char, depth: usize) {
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

    pub(super) fn do_print(&mut self, args: &[Val]) {
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

    pub(super) fn do_println(&mut self, args: &[Val]) {
        for (n, a) in args.iter().enumerate() {
            if n > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(a, 'v');
        }
        self.buf.push(b'\n');
    }

    /// Parse a decimal number at `fmt[i..]` (Go's `parsenum`).
    pub(super) fn parse_num(fmt: &[u8], mut i: usize) -> (Option<usize>, usize) {
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
    pub(super) fn arg_number(
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

    pub(super) fn int_from_arg(args: &[Val], arg_num: usize) -> (Option<i64>, usize) {
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

    pub(super) fn do_printf(&mut self, fmt: &[u8], args: &[Val]) {
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

    pub(super) fn bad_arg(&mut self, verb: char, what: &str) {
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

    use crate::render::template::testing::*;
    use serde_json::json;

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
    fn sprint_of_json_values() {
        assert_eq!(
            go_sprint(&json!({"b": [1, "x"], "a": 2.5})),
            "map[a:2.5 b:[1 x]]"
        );
        assert_eq!(go_sprint(&json!(null)), "<nil>");
        assert_eq!(go_sprint(&json!(1000000.0)), "1e+06");
    }
}
