//! Loops. Python has no labels: a labelled `break`/`continue` out of a nested loop sets a flag
//! that each enclosing loop tests after the nested one. A C-style `for` becomes `for i in
//! range(...)` when it counts with a bound the body cannot change, else a `while` whose
//! `continue`s run the update first; a do-while is `while True:` ending in `if not cond: break`.

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{Block, Expr, ExprKind, Intrinsic, Literal, Stmt, StmtKind, Type};

use crate::shape::{assigns, counting_loop, CountingLoop};

use super::expr::prec;
use super::stmt::is_empty;
use super::{LoopCtx, Printer};

impl Printer<'_> {
    /// Prints a loop with its header, handling labelled jumps out of nested loops with flags.
    pub(super) fn looped(
        &mut self,
        label: &Option<String>,
        header: String,
        body: &Block,
        update: Vec<Stmt>,
        do_cond: Option<&Expr>,
    ) {
        let (brk, cont) = match label {
            Some(l) => nested_jumps(body, l),
            None => (false, false),
        };
        if brk {
            if let Some(l) = label {
                let f = flag(l, "break");
                self.w.line(format!("{f} = False"));
            }
        }
        self.w.line(header);
        self.w.indent();
        if cont {
            if let Some(l) = label {
                let f = flag(l, "continue");
                self.w.line(format!("{f} = False"));
            }
        }
        self.loops.push(LoopCtx {
            label: label.clone(),
            update: update.clone(),
            do_cond: do_cond.cloned(),
        });
        let empty = is_empty(body) && update.is_empty() && do_cond.is_none();
        if empty {
            self.w.line("pass");
        }
        for s in &body.stmts {
            self.stmt(s);
            self.after_nested(s);
        }
        for s in &update {
            self.stmt(s);
        }
        if let Some(c) = do_cond {
            let c = self.expr(c, prec::NOT);
            self.w.line(format!("if not {c}:"));
            self.w.indent();
            self.w.line("break");
            self.w.dedent();
        }
        self.loops.pop();
        self.w.dedent();
    }

    /// After a statement inside a loop body: propagate labelled jumps that left nested loops.
    fn after_nested(&mut self, s: &Stmt) {
        let Some(current) = self.loops.last().cloned() else {
            return;
        };
        let outer: Vec<String> = self.loops.iter().filter_map(|l| l.label.clone()).collect();
        if !contains_loop(s) {
            return;
        }
        for l in outer {
            let (brk, cont) = jumps_in_loops(s, &l);
            let here = current.label.as_deref() == Some(l.as_str());
            if brk {
                let f = flag(&l, "break");
                self.w.line(format!("if {f}:"));
                self.w.indent();
                self.w.line("break");
                self.w.dedent();
            }
            if cont {
                let f = flag(&l, "continue");
                self.w.line(format!("if {f}:"));
                self.w.indent();
                if here {
                    self.continue_prelude(&current);
                    self.w.line("continue");
                } else {
                    self.w.line("break");
                }
                self.w.dedent();
            }
        }
    }

    fn continue_prelude(&mut self, ctx: &LoopCtx) {
        for s in &ctx.update {
            self.stmt(s);
        }
        if let Some(c) = &ctx.do_cond {
            let c = self.expr(c, prec::NOT);
            self.w.line(format!("if not {c}:"));
            self.w.indent();
            self.w.line("break");
            self.w.dedent();
        }
    }

    pub(super) fn jump(&mut self, label: Option<&str>, is_break: bool) {
        let Some(current) = self.loops.last().cloned() else {
            self.w.line(if is_break { "break" } else { "continue" });
            return;
        };
        let innermost = label.is_none() || current.label.as_deref() == label;
        if innermost {
            if is_break {
                self.w.line("break");
            } else {
                self.continue_prelude(&current);
                self.w.line("continue");
            }
            return;
        }
        if let Some(l) = label {
            let f = flag(l, if is_break { "break" } else { "continue" });
            self.w.line(format!("{f} = True"));
        }
        self.w.line("break");
    }

    pub(super) fn c_for(
        &mut self,
        label: &Option<String>,
        init: &[Stmt],
        cond: Option<&Expr>,
        update: &[Stmt],
        body: &Block,
    ) {
        if let Some(header) = self.range_header(init, cond, update, body) {
            self.looped(label, header, body, Vec::new(), None);
            return;
        }
        for s in init {
            self.stmt(s);
        }
        let c = match cond {
            Some(c) => self.expr(c, prec::LAMBDA + 1),
            None => "True".to_string(),
        };
        self.looped(label, format!("while {c}:"), body, update.to_vec(), None);
    }

    /// `for (int i = a; i < b; i++)` with `i` and `b` unchanged by the body → `for i in range(a, b)`.
    fn range_header(
        &mut self,
        init: &[Stmt],
        cond: Option<&Expr>,
        update: &[Stmt],
        body: &Block,
    ) -> Option<String> {
        let CountingLoop {
            var,
            start,
            end,
            inclusive,
            step,
            ..
        } = counting_loop(init, cond, update, body)?;
        if !invariant(end, body) {
            return None;
        }
        let up = step > 0;
        let v = self.local_name(var);
        let s = self.expr(start, prec::LAMBDA + 1);
        let e = match (&end.kind, inclusive) {
            (ExprKind::Lit(Literal::Int(k)), true) => (k + if up { 1 } else { -1 }).to_string(),
            (_, true) => format!(
                "{} {} 1",
                self.expr(end, prec::ADD),
                if up { "+" } else { "-" }
            ),
            (_, false) => self.expr(end, prec::LAMBDA + 1),
        };
        let header = if step == 1 {
            if s == "0" {
                format!("range({e})")
            } else {
                format!("range({s}, {e})")
            }
        } else {
            format!("range({s}, {e}, {step})")
        };
        Some(format!("for {v} in {header}:"))
    }
}

fn flag(label: &str, what: &str) -> String {
    format!("_{}_{what}", crate::naming::snake_case(label))
}

fn is_loop(s: &Stmt) -> bool {
    matches!(
        s.kind,
        StmtKind::While { .. }
            | StmtKind::DoWhile { .. }
            | StmtKind::For { .. }
            | StmtKind::ForRange { .. }
            | StmtKind::ForEach { .. }
    )
}

fn contains_loop(s: &Stmt) -> bool {
    struct F(bool);
    impl Visitor for F {
        fn visit_stmt(&mut self, s: &Stmt) {
            if is_loop(s) {
                self.0 = true;
            }
            walk_stmt(self, s);
        }
    }
    let mut f = F(false);
    f.visit_stmt(s);
    f.0
}

/// Labelled `break`/`continue` to `label` that sit inside loops nested in `s` (or `s` itself if
/// it is a loop).
fn jumps_in_loops(s: &Stmt, label: &str) -> (bool, bool) {
    struct F<'a> {
        label: &'a str,
        depth: usize,
        brk: bool,
        cont: bool,
    }
    impl Visitor for F<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            let l = is_loop(s);
            if l {
                self.depth += 1;
            }
            match &s.kind {
                StmtKind::Break(Some(x)) if x == self.label && self.depth > 0 => self.brk = true,
                StmtKind::Continue(Some(x)) if x == self.label && self.depth > 0 => {
                    self.cont = true
                }
                _ => {}
            }
            walk_stmt(self, s);
            if l {
                self.depth -= 1;
            }
        }
    }
    let mut f = F {
        label,
        depth: 0,
        brk: false,
        cont: false,
    };
    f.visit_stmt(s);
    (f.brk, f.cont)
}

fn nested_jumps(body: &Block, label: &str) -> (bool, bool) {
    let mut out = (false, false);
    for s in &body.stmts {
        let (b, c) = jumps_in_loops(s, label);
        out.0 |= b;
        out.1 |= c;
    }
    out
}

/// Whether a loop bound keeps its value while the body runs.
fn invariant(end: &Expr, body: &Block) -> bool {
    fn names(e: &Expr, out: &mut Vec<String>, deep: &mut bool) -> bool {
        match &e.kind {
            ExprKind::Lit(_) => true,
            ExprKind::Name(n) => {
                out.push(n.clone());
                true
            }
            ExprKind::Binary { lhs, rhs, .. } => names(lhs, out, deep) && names(rhs, out, deep),
            ExprKind::Unary { operand, .. } => names(operand, out, deep),
            ExprKind::Field { object, .. } => {
                *deep = true;
                matches!(object.kind, ExprKind::This) || names(object, out, deep)
            }
            ExprKind::Intrinsic {
                op: Intrinsic::Len(_),
                args,
            } => {
                // Strings cannot change; a collection could, through any call.
                if args.iter().any(|a| a.ty != Type::Str) {
                    *deep = true;
                }
                args.iter().all(|a| names(a, out, deep))
            }
            _ => false,
        }
    }
    let mut ns = Vec::new();
    let mut deep = false;
    if !names(end, &mut ns, &mut deep) {
        return false;
    }
    if ns.iter().any(|n| assigns(body, n)) {
        return false;
    }
    if deep {
        struct M(bool);
        impl Visitor for M {
            fn visit_expr(&mut self, e: &Expr) {
                match &e.kind {
                    ExprKind::Call { .. }
                    | ExprKind::MethodCall { .. }
                    | ExprKind::CallValue { .. } => self.0 = true,
                    ExprKind::Intrinsic { op, .. } => {
                        use Intrinsic::*;
                        if matches!(
                            op,
                            Append
                                | Insert
                                | Extend
                                | Pop
                                | RemoveAt
                                | Remove
                                | Clear
                                | Put
                                | Add
                                | PushBack
                                | PushFront
                                | PopBack
                                | PopFront
                                | HeapPush
                                | HeapPop
                                | BuilderAppend
                                | BuilderReverse
                                | Sort
                                | SortByKey
                                | SortWithComparator
                                | Reverse
                        ) {
                            self.0 = true;
                        }
                    }
                    _ => {}
                }
                walk_expr(self, e);
            }
            fn visit_stmt(&mut self, s: &Stmt) {
                if let StmtKind::Assign { target, .. } = &s.kind {
                    if matches!(target.kind, ExprKind::Field { .. }) {
                        self.0 = true;
                    }
                }
                walk_stmt(self, s);
            }
        }
        let mut m = M(false);
        m.visit_block(body);
        if m.0 {
            return false;
        }
    }
    true
}
