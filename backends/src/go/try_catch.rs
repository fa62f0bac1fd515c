//! try/catch/finally: the body runs in an immediately called closure whose deferred `recover`
//! stores a matching exception in a variable; the handlers run after it, outside the closure,
//! so that their `break`, `continue` and `return` work as written. A `return`, `break` or
//! `continue` in the body is forwarded through the closure's results (`ferryCtl` says which).

use ferry_ir::visit::{walk_stmt, Visitor};
use ferry_ir::{Block, Catch, ExceptionKind, Expr, Stmt, StmtKind, Type};

use super::Printer;

impl Printer<'_> {
    pub(super) fn try_stmt(
        &mut self,
        s: &Stmt,
        body: &Block,
        catches: &[Catch],
        finally: Option<&Block>,
    ) {
        let returns = contains_return(body);
        let (breaks, continues, labelled) = loop_exits(body, 0);
        let unsupported = labelled
            || self.try_return.is_some()
            || finally.is_some_and(|f| contains_return(f) || escapes_loop(f, 0));
        if unsupported {
            self.unsupported(
                s.span,
                "labelled jump or nested try in a try body, or return in finally",
            );
            self.line("panic(\"ferry: unsupported try\")");
            return;
        }
        self.prelude.insert("error");
        // The caught exception lives in a variable declared before the closure, so that the
        // handlers run outside it (their break, continue and return work as written).
        let base = catches
            .iter()
            .find_map(|c| {
                c.name
                    .as_ref()
                    .filter(|n| super::read_names(&c.body).contains(*n))
                    .map(|n| self.name(n))
            })
            .unwrap_or_else(|| "err".to_string());
        let var = if catches.is_empty() {
            String::new()
        } else {
            self.try_var(&base)
        };
        if !catches.is_empty() {
            self.line(format!("var {var} *ferryError"));
        }
        let ret_ty = self.ret.clone();
        let go_ret = self.go_type(&ret_ty);
        // Leaving the body by return, break or continue: the closure says how (ferryCtl 1, 2, 3).
        let ctl = returns || breaks || continues;
        if ctl {
            if ret_ty == Type::Void {
                self.line("if ferryCtl := func() (ferryCtl int) {");
            } else {
                self.line(format!(
                    "if ferryCtl, ferryResult := func() (ferryCtl int, ferryResult {go_ret}) {{"
                ));
            }
        } else {
            self.line("func() {");
        }
        self.level += 1;
        let all_kinds: Option<Vec<String>> = if catches.is_empty() {
            Some(Vec::new())
        } else {
            let mut acc = Some(Vec::new());
            for c in catches {
                match (self.catch_kinds(c), &mut acc) {
                    (Some(ks), Some(all)) => all.extend(ks),
                    _ => acc = None,
                }
            }
            acc
        };
        self.line("defer func() {");
        self.level += 1;
        self.line("if r := recover(); r != nil {");
        self.level += 1;
        let kinds = all_kinds.map(|k| k.join(", ")).unwrap_or_default();
        let sep = if kinds.is_empty() { "" } else { ", " };
        match (catches.is_empty(), finally) {
            (false, None) => self.line(format!("{var} = ferryCatch(r{sep}{kinds})")),
            (false, Some(f)) => {
                self.line(format!(
                    "if {var} = ferryMatch(r{sep}{kinds}); {var} == nil {{"
                ));
                self.body(f);
                self.level += 1;
                self.line("panic(r)");
                self.level -= 1;
                self.line("}");
            }
            (true, Some(f)) => {
                self.block_stmts(&f.stmts);
                self.line("panic(r)");
            }
            (true, None) => self.line("panic(r)"),
        }
        self.level -= 1;
        self.line("}");
        self.level -= 1;
        self.line("}()");
        let saved_depth = std::mem::replace(&mut self.try_loop_depth, 0);
        self.try_return = ctl.then_some(false);
        self.block_stmts(&body.stmts);
        self.try_return = None;
        self.try_loop_depth = saved_depth;
        if ctl && !super::stmt::terminates(&body.stmts) {
            self.line("return");
        }
        self.level -= 1;
        if ctl {
            self.line("}(); ferryCtl != 0 {");
            self.level += 1;
            if let Some(f) = finally {
                self.block_stmts(&f.stmts);
            }
            let ret = if ret_ty == Type::Void {
                "return".to_string()
            } else {
                "return ferryResult".to_string()
            };
            let brk = match self.switch_break_label() {
                Some(l) => format!("break {l}"),
                None => "break".to_string(),
            };
            let exits: Vec<(u8, String)> = [
                (returns, 1, ret),
                (breaks, 2, brk),
                (continues, 3, "continue".to_string()),
            ]
            .into_iter()
            .filter(|(present, ..)| *present)
            .map(|(_, code, text)| (code, text))
            .collect();
            let count = exits.len();
            for (i, (code, text)) in exits.into_iter().enumerate() {
                if i + 1 == count {
                    self.line(text);
                } else {
                    self.line(format!("if ferryCtl == {code} {{"));
                    self.level += 1;
                    self.line(text);
                    self.level -= 1;
                    self.line("}");
                }
            }
            self.level -= 1;
            self.line("}");
        } else {
            self.line("}()");
        }
        if !catches.is_empty() {
            self.line(format!("if {var} != nil {{"));
            self.level += 1;
            let saved = self.pending_finally.take();
            self.pending_finally = finally.cloned();
            self.handlers(catches, &var);
            self.pending_finally = saved;
            self.level -= 1;
            self.line("}");
        }
        if let Some(f) = finally {
            self.block_stmts(&f.stmts);
        }
    }

    /// A variable name for a caught exception, fresh in this function.
    pub(super) fn try_var(&mut self, base: &str) -> String {
        let mut name = base.to_string();
        let mut n = 1;
        let taken = |this: &Self, n: &String| this.try_vars.last().is_some_and(|s| s.contains(n));
        while taken(self, &name) || (name != base && self.reads.contains(&name)) {
            n += 1;
            name = format!("{base}{n}");
        }
        if let Some(scope) = self.try_vars.last_mut() {
            scope.insert(name.clone());
        }
        name
    }

    /// The handlers, run when `var` holds a caught exception.
    pub(super) fn handlers(&mut self, catches: &[Catch], var: &str) {
        let count = catches.len();
        for (i, c) in catches.iter().enumerate() {
            let last = i + 1 == count;
            let kinds = self.catch_kinds(c);
            let guarded = !last && kinds.is_some();
            if guarded {
                let ks = kinds.unwrap_or_default().join(", ");
                if i == 0 {
                    self.line(format!("if {var}.is({ks}) {{"));
                } else {
                    self.line(format!("}} else if {var}.is({ks}) {{"));
                }
            } else if count > 1 {
                self.line("} else {");
            }
            if count > 1 {
                self.level += 1;
            }
            if let Some(n) = c
                .name
                .as_ref()
                .filter(|n| super::read_names(&c.body).contains(*n))
            {
                let n = self.name(n);
                if n != var {
                    self.line(format!("{n} := {var}"));
                }
            }
            self.block_stmts(&c.body.stmts);
            if count > 1 {
                self.level -= 1;
            }
            if !guarded && count > 1 {
                self.line("}");
                return;
            }
        }
        if count > 1 {
            self.line("}");
        }
    }

    pub(super) fn catch_kinds(&self, c: &Catch) -> Option<Vec<String>> {
        if c.kinds.contains(&ExceptionKind::Any) {
            return None;
        }
        let mut out = Vec::new();
        for k in &c.kinds {
            match k {
                ExceptionKind::Custom(n) => {
                    for d in self.descendants(n) {
                        out.push(super::expr::quote(&d));
                    }
                }
                other => out.push(super::expr::quote(&kind_name(other))),
            }
        }
        Some(out)
    }
}

pub(super) fn contains_return(b: &Block) -> bool {
    struct R(bool);
    impl Visitor for R {
        fn visit_stmt(&mut self, s: &Stmt) {
            if matches!(s.kind, StmtKind::Return(_)) {
                self.0 = true;
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, _e: &Expr) {}
    }
    let mut r = R(false);
    r.visit_block(b);
    r.0
}

/// A `break`/`continue` that would cross the closure of a try.
pub(super) fn escapes_loop(b: &Block, depth: usize) -> bool {
    b.stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(l) | StmtKind::Continue(l) => depth == 0 || l.is_some(),
        StmtKind::If { then, else_, .. } => {
            escapes_loop(then, depth) || else_.as_ref().is_some_and(|e| escapes_loop(e, depth))
        }
        StmtKind::Block(b) => escapes_loop(b, depth),
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::For { body, .. }
        | StmtKind::ForRange { body, .. }
        | StmtKind::ForEach { body, .. } => escapes_loop(body, depth + 1),
        StmtKind::Switch { cases, default, .. } => {
            cases.iter().any(|c| escapes_loop(&c.body, depth))
                || default.as_ref().is_some_and(|d| escapes_loop(d, depth))
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            escapes_loop(body, depth)
                || catches.iter().any(|c| escapes_loop(&c.body, depth))
                || finally.as_ref().is_some_and(|f| escapes_loop(f, depth))
        }
        _ => false,
    })
}

pub(super) fn kind_name(k: &ExceptionKind) -> String {
    match k {
        ExceptionKind::Custom(n) => n.clone(),
        other => format!("{other:?}"),
    }
}

/// `(break, continue, labelled)`: whether `b` leaves the loop around it (`depth` loops in).
pub(super) fn loop_exits(b: &Block, depth: usize) -> (bool, bool, bool) {
    let mut acc = (false, false, false);
    let mut merge = |(x, y, z): (bool, bool, bool)| {
        acc.0 |= x;
        acc.1 |= y;
        acc.2 |= z;
    };
    for s in &b.stmts {
        match &s.kind {
            StmtKind::Break(None) if depth == 0 => merge((true, false, false)),
            StmtKind::Continue(None) if depth == 0 => merge((false, true, false)),
            StmtKind::Break(Some(_)) | StmtKind::Continue(Some(_)) => merge((false, false, true)),
            StmtKind::If { then, else_, .. } => {
                merge(loop_exits(then, depth));
                if let Some(e) = else_ {
                    merge(loop_exits(e, depth));
                }
            }
            StmtKind::Block(b) => merge(loop_exits(b, depth)),
            StmtKind::While { body, .. }
            | StmtKind::DoWhile { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::ForRange { body, .. }
            | StmtKind::ForEach { body, .. } => merge(loop_exits(body, depth + 1)),
            StmtKind::Switch { cases, default, .. } => {
                for c in cases {
                    merge(loop_exits(&c.body, depth));
                }
                if let Some(d) = default {
                    merge(loop_exits(d, depth));
                }
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                merge(loop_exits(body, depth));
                for c in catches {
                    merge(loop_exits(&c.body, depth));
                }
                if let Some(f) = finally {
                    merge(loop_exits(f, depth));
                }
            }
            _ => {}
        }
    }
    acc
}
