//! The executor (Go's text/template/exec.go): walks a tree against a row.

use super::funcs::{
    eval_args, go_eq, go_index, go_le, go_len, go_lt, go_slice, go_split, go_title, go_to_lower,
    go_to_upper, html_escape, js_escape, json_val, map_runes, query_escape,
};
use super::node::{Arg, Branch, Command, Node, Number, Pipe, TemplateCall, Tree, VarNode};
use super::parse::MAX_EXEC_DEPTH;
use super::value::Val;
use super::Row;
use super::{Error, Funcs, Template};
use crate::golang::fmt::{sprint_v, Printer};
use crate::golang::strconv::go_quote;
use std::collections::BTreeSet;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

/// The node an error message points at (Go's `state.node`).
#[derive(Clone, Copy)]
pub(super) enum At<'t> {
    None,
    Node(&'t Node),
    Pipe(&'t Pipe),
    Cmd(&'t Command),
    Arg(&'t Arg),
    Var(&'t VarNode),
}

impl At<'_> {
    pub(super) fn pos(&self) -> usize {
        match self {
            At::None => 0,
            At::Node(n) => n.pos(),
            At::Pipe(p) => p.pos,
            At::Cmd(c) => c.pos,
            At::Arg(a) => a.pos(),
            At::Var(v) => v.pos,
        }
    }
    pub(super) fn context(&self) -> String {
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

pub(super) enum Flow {
    Err(Error),
    Break,
    Continue,
}

pub(super) type XResult<T> = Result<T, Flow>;

pub(super) struct State<'t, 'r, 'o, 'u> {
    pub(super) tmpl: &'t Template,
    pub(super) tree: Arc<Tree>,
    pub(super) out: &'o mut Vec<u8>,
    pub(super) node: At<'t>,
    pub(super) vars: Vec<(String, Val<'r>)>,
    pub(super) depth: usize,
    pub(super) funcs: Funcs,
    pub(super) used: Option<&'u mut BTreeSet<String>>,
    /// Go's `missingkey=error` option: a missing map key is an error, not `<no value>`.
    pub(super) missing_key_error: bool,
}

/// Parameter types of the template functions (what Go's `evalArg` converts arguments to).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Pt {
    /// `reflect.Value`
    Value,
    /// `interface{}`
    Any,
    Str,
    Int,
    StrSlice,
}

impl Pt {
    pub(super) fn name(self) -> &'static str {
        match self {
            Pt::Value => "reflect.Value",
            Pt::Any => "interface {}",
            Pt::Str => "string",
            Pt::Int => "int",
            Pt::StrSlice => "[]string",
        }
    }
}

pub(super) struct Sig {
    pub(super) fixed: &'static [Pt],
    pub(super) variadic: Option<Pt>,
    pub(super) builtin: bool,
}

pub(super) fn func_sig(name: &str, funcs: Funcs) -> Option<Sig> {
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
    pub(super) fn at(&mut self, n: At<'t>) {
        self.node = n;
    }

    pub(super) fn errorf<T>(&self, msg: impl fmt::Display) -> XResult<T> {
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

    pub(super) fn mark(&self) -> usize {
        self.vars.len()
    }

    pub(super) fn pop(&mut self, mark: usize) {
        self.vars.truncate(mark);
    }

    pub(super) fn set_var(&mut self, name: &str, value: Val<'r>) -> XResult<()> {
        for v in self.vars.iter_mut().rev() {
            if v.0 == name {
                v.1 = value;
                return Ok(());
            }
        }
        self.errorf(format!("undefined variable: {name}"))
    }

    pub(super) fn set_top_var(&mut self, n: usize, value: Val<'r>) {
        let len = self.vars.len();
        self.vars[len - n].1 = value;
    }

    pub(super) fn var_value(&self, name: &str) -> XResult<Val<'r>> {
        for v in self.vars.iter().rev() {
            if v.0 == name {
                return Ok(v.1.clone());
            }
        }
        self.errorf(format!("undefined variable: {name}"))
    }

    pub(super) fn record_all(&mut self, v: &Val<'r>) {
        if let (Some(used), Val::Row(r)) = (self.used.as_deref_mut(), v) {
            if let Some(o) = r.data().as_object() {
                used.extend(o.keys().cloned());
            }
        }
    }

    // --- walk

    pub(super) fn walk_list(&mut self, dot: &Val<'r>, list: &'t [Node]) -> XResult<()> {
        for n in list {
            self.walk(dot, n)?;
        }
        Ok(())
    }

    pub(super) fn walk(&mut self, dot: &Val<'r>, node: &'t Node) -> XResult<()> {
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

    pub(super) fn walk_if_or_with(
        &mut self,
        with: bool,
        dot: &Val<'r>,
        b: &'t Branch,
    ) -> XResult<()> {
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

    pub(super) fn walk_range(
        &mut self,
        dot: &Val<'r>,
        node: &'t Node,
        r: &'t Branch,
    ) -> XResult<()> {
        self.at(At::Node(node));
        let mark0 = self.mark();
        let res = self.walk_range_inner(dot, r);
        self.pop(mark0);
        match res {
            Err(Flow::Break) => Ok(()),
            other => other,
        }
    }

    pub(super) fn one_iteration(
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

    pub(super) fn walk_range_inner(&mut self, dot: &Val<'r>, r: &'t Branch) -> XResult<()> {
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
            Val::NilSlice => {}
            Val::Map(_) | Val::Row(_) | Val::GoMap(_) if !val.is_struct_row() => {
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

    pub(super) fn walk_template(
        &mut self,
        dot: &Val<'r>,
        node: &'t Node,
        t: &'t TemplateCall,
    ) -> XResult<()> {
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

    pub(super) fn eval_pipeline(&mut self, dot: &Val<'r>, pipe: &'t Pipe) -> XResult<Val<'r>> {
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

    pub(super) fn not_a_function(&self, args: &'t [Arg], final_: &Option<Val<'r>>) -> XResult<()> {
        if args.len() > 1 || final_.is_some() {
            return self.errorf(format!("can't give argument to non-function {}", args[0]));
        }
        Ok(())
    }

    pub(super) fn eval_command(
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

    pub(super) fn ideal_constant(&mut self, node: &'t Arg, n: &Number) -> XResult<Val<'r>> {
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

    pub(super) fn eval_field_node(
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

    pub(super) fn eval_chain_node(
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

    pub(super) fn eval_variable_node(
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

    pub(super) fn eval_field_chain(
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
    pub(super) fn eval_field(
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
            Val::Invalid if self.missing_key_error => self.errorf(format!(
                "nil data; no entry for key {}",
                go_quote(field_name)
            )),
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
                            self.missing_key(field_name)
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
                    None => self.missing_key(field_name),
                }
            }
            Val::Struct(st) => match st
                .embedded(field_name)
                .or_else(|| st.get(field_name).cloned())
            {
                Some(_) if has_args => self.errorf(format!(
                    "{field_name} has arguments but cannot be invoked as function"
                )),
                Some(v) => Ok((v, false)),
                None => self.errorf(format!("can't evaluate field {field_name} in type {typ}")),
            },
            Val::GoMap(m) => {
                if has_args {
                    return self.errorf(format!("{field_name} is not a method but has arguments"));
                }
                match m.entries.get(field_name.as_bytes()) {
                    Some(v) => Ok((v.clone(), false)),
                    None => self.missing_key(field_name),
                }
            }
            _ => self.errorf(format!("can't evaluate field {field_name} in type {typ}")),
        }
    }

    /// A map lookup that found nothing: Go's zero `reflect.Value` (`<no value>`), or with
    /// `missingkey=error` the error docker's raw inspect fallback reports.
    fn missing_key(&mut self, field_name: &str) -> XResult<(Val<'r>, bool)> {
        if self.missing_key_error {
            return self.errorf(format!("map has no entry for key {}", go_quote(field_name)));
        }
        Ok((Val::Invalid, false))
    }

    pub(super) fn eval_function(
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

    pub(super) fn eval_call(
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

    pub(super) fn validate_type(&mut self, value: Val<'r>, typ: Option<Pt>) -> XResult<Val<'r>> {
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
        // A typed nil `[]string` (a struct field) is a `[]string` too.
        if let (Pt::StrSlice, Val::NilSlice) = (typ, &value) {
            return Ok(Val::Strings(Rc::from(Vec::new())));
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

    pub(super) fn eval_arg(
        &mut self,
        dot: &Val<'r>,
        typ: Option<Pt>,
        n: &'t Arg,
    ) -> XResult<Val<'r>> {
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

    pub(super) fn print_value(&mut self, node: At<'t>, v: &Val<'r>) -> XResult<()> {
        self.at(node);
        if let Val::Invalid = v {
            self.out.extend_from_slice(b"<no value>");
            return Ok(());
        }
        self.record_all(v);
        let mut p = Printer::default();
        // Go's printableValue prints what a pointer points to (unless its pointer type is a
        // fmt.Stringer, go-units' `*Ulimit`).
        if let Val::Struct(st) = v {
            if st.ptr && st.name != "units.Ulimit" {
                let target = Val::Struct(Rc::new(st.as_ptr(false)));
                p.print_arg(&target, 'v');
                self.out.extend_from_slice(&p.buf);
                return Ok(());
            }
        }
        p.print_arg(v, 'v');
        self.out.extend_from_slice(&p.buf);
        Ok(())
    }

    // --- functions

    pub(super) fn call_builtin(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::template::testing::*;
    use serde_json::json;

    #[test]
    fn control_structures() {
        check(&[
        ("{{if .On}}y{{else}}n{{end}}{{if .Off}}y{{else if .Count}}c{{else}}n{{end}}", "yc"),
        ("{{if .Empty}}y{{else}}n{{end}}{{if .Null}}y{{else}}n{{end}}{{if .Missing}}y{{else}}n{{end}}", "nnn"),
        ("{{with .Nested.Inner}}{{.Deep}}{{end}}{{with .Empty}}x{{else}}e{{end}}", "yese"),
        ("{{with .Off}}x{{else with .Name}}{{.}}{{end}}", "web"),
        ("{{range .Nums}}{{.}},{{end}}", "3,1,2,"),
        ("{{range $i, $v := .List}}{{$i}}={{$v}};{{end}}", "0=a;1=b;2=<no value>;3=1;"),
        ("{{range $k, $v := .Map}}{{$k}}:{{$v}} {{end}}", "a:x m:<no value> z:1 "),
        ("{{range .Missing}}x{{else}}none{{end}}", "none"),
        ("{{range 3}}{{.}}{{end}}{{range $i := 0}}x{{else}}-{{end}}", "012-"),
        ("{{range .Nums}}{{if eq . 1}}{{continue}}{{end}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}}", "3"),
        ("{{define \"t\"}}[{{.}}]{{end}}{{template \"t\" .Name}}{{template \"t\"}}", "[web][<no value>]"),
        ("{{block \"b\" .Count}}<{{.}}>{{end}}", "<3>"),
        ]);
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
