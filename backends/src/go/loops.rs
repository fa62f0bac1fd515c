//! Loops: `for` in its forms, with labels (generated where a `break` inside a `switch` must
//! leave the loop), ranges, and iteration over slices, strings and maps (in key order).

use ferry_ir::{
    BinOp, Binding, Block, Expr, ExprKind, Intrinsic, Language, Literal, Stmt, StmtKind, Type,
};

use super::precedence::G;
use super::Printer;

impl Printer<'_> {
    /// The statements of a for clause's init or post as one simple statement.
    pub(super) fn simple_stmts(&mut self, stmts: &[Stmt], init: bool) -> Option<String> {
        if stmts.is_empty() {
            return Some(String::new());
        }
        if stmts.len() == 1 {
            let s = &stmts[0];
            return match &s.kind {
                StmtKind::Let {
                    name,
                    ty,
                    init: Some(e),
                } if !matches!(e.kind, ExprKind::Cond { .. }) => {
                    let g = self.expr_as(e, ty);
                    Some(format!("{} := {}", self.name(name), self.p(&g)))
                }
                StmtKind::Assign { .. }
                | StmtKind::Expr(_)
                | StmtKind::AssignTuple { .. }
                | StmtKind::LetTuple { .. } => {
                    let saved = std::mem::take(&mut self.out);
                    let level = self.level;
                    self.level = 0;
                    self.stmt(s);
                    let text = std::mem::replace(&mut self.out, saved);
                    self.level = level;
                    let lines: Vec<&str> = text.lines().collect();
                    (lines.len() == 1).then(|| lines[0].to_string())
                }
                _ => None,
            };
        }
        // Several: `i, j := 0, n` or `i, j = i+1, j-1`.
        let mut targets = Vec::new();
        let mut values = Vec::new();
        for s in stmts {
            match &s.kind {
                StmtKind::Let {
                    name,
                    ty,
                    init: Some(e),
                } if init => {
                    targets.push(self.name(name));
                    let g = self.expr_as(e, ty);
                    values.push(g.print_depth(2, self.level));
                }
                StmtKind::Expr(Expr {
                    kind:
                        ExprKind::IncDec {
                            target, increment, ..
                        },
                    ..
                }) if !init => {
                    let t = self.expr(target);
                    let one = G::atom("1");
                    let g = G::bin(if *increment { "+" } else { "-" }, t.clone(), one);
                    targets.push(self.p(&t));
                    values.push(g.print_depth(2, self.level));
                }
                StmtKind::Assign { target, op, value } if !init => {
                    let t = self.expr(target);
                    let v = match op {
                        None => self.expr(value),
                        Some(op) => {
                            let e = Expr::new(
                                ExprKind::Binary {
                                    op: *op,
                                    lhs: Box::new(target.clone()),
                                    rhs: Box::new(value.clone()),
                                },
                                target.ty.clone(),
                                value.span,
                            );
                            self.expr(&e)
                        }
                    };
                    targets.push(self.p(&t));
                    values.push(v.print_depth(2, self.level));
                }
                _ => return None,
            }
        }
        let op = if init { ":=" } else { "=" };
        Some(format!("{} {op} {}", targets.join(", "), values.join(", ")))
    }

    pub(super) fn for_range_header(
        &mut self,
        var: &Binding,
        start: &Expr,
        end: &Expr,
        step: Option<&Expr>,
        _s: &Stmt,
    ) -> String {
        let mut v = self.name(&var.name);
        if v == "_" {
            // A counted loop needs a variable to count with (`for _ in range(4, n)`).
            v = self.fresh_name("i");
        }
        let step_val = match step {
            None => Some(1),
            Some(Expr {
                kind: ExprKind::Lit(Literal::Int(k)),
                ..
            }) => Some(*k),
            Some(Expr {
                kind:
                    ExprKind::Unary {
                        op: ferry_ir::UnaryOp::Neg,
                        operand,
                    },
                ..
            }) => match operand.kind {
                ExprKind::Lit(Literal::Int(k)) => Some(-k),
                _ => None,
            },
            _ => None,
        };
        let st = self.expr(start);
        let en = self.expr(end);
        let zero = matches!(start.kind, ExprKind::Lit(Literal::Int(0)));
        match step_val {
            Some(1) if zero => {
                if self.used(&var.name) {
                    format!("for {v} := range {} {{", self.p(&en))
                } else {
                    format!("for range {} {{", self.p(&en))
                }
            }
            Some(k) if k > 0 => {
                let post = if k == 1 {
                    format!("{v}++")
                } else {
                    format!("{v} += {k}")
                };
                // `i < n + 1` reads better as `i <= n`.
                let cond = match &end.kind {
                    ExprKind::Binary {
                        op: BinOp::Add,
                        lhs,
                        rhs,
                    } if matches!(rhs.kind, ExprKind::Lit(Literal::Int(1))) && k == 1 => {
                        let n = self.expr(lhs);
                        G::bin("<=", G::atom(v.clone()), n)
                    }
                    _ => G::bin("<", G::atom(v.clone()), en),
                };
                format!("for {v} := {}; {}; {post} {{", self.p(&st), self.p(&cond))
            }
            Some(k) if k < 0 => {
                let post = if k == -1 {
                    format!("{v}--")
                } else {
                    format!("{v} -= {}", -k)
                };
                let cond = G::bin(">", G::atom(v.clone()), en);
                format!("for {v} := {}; {}; {post} {{", self.p(&st), self.p(&cond))
            }
            _ => {
                // The step's sign is known only at run time.
                let step_g = step.map(|x| self.expr(x)).unwrap_or_else(|| G::atom("1"));
                let call = self.helper("ferryRange", "range", vec![st, en, step_g]);
                let var = if self.used(&var.name) {
                    v
                } else {
                    "_".to_string()
                };
                format!("for _, {var} := range {} {{", self.p(&call))
            }
        }
    }

    /// Prints a loop, with its label and a generated one for `break` inside a `switch`.
    pub(super) fn loop_stmt(
        &mut self,
        label: Option<&str>,
        header: &str,
        body: &Block,
        prologue: &[String],
    ) {
        // Go rejects a label that nothing uses.
        let mut label = label.filter(|l| label_used(body, l)).map(|l| self.name(l));
        let mut switch_label = None;
        if break_in_switch(body, false) {
            let l = label.clone().unwrap_or_else(|| self.fresh_name("loop"));
            label = Some(l.clone());
            switch_label = Some(l);
        }
        if let Some(l) = &label {
            self.level = self.level.saturating_sub(1);
            self.line(format!("{l}:"));
            self.level += 1;
        }
        self.line(header);
        self.level += 1;
        for p in prologue {
            self.line(p);
        }
        self.loop_labels.push(switch_label);
        self.switch_depth.push(0);
        self.try_loop_depth += 1;
        self.block_stmts(&body.stmts);
        self.try_loop_depth -= 1;
        self.switch_depth.pop();
        self.loop_labels.pop();
        self.level -= 1;
        self.line("}");
    }

    pub(super) fn switch_break_label(&self) -> Option<String> {
        let depth = *self.switch_depth.last()?;
        if depth == 0 {
            return None;
        }
        self.loop_labels.last().cloned().flatten()
    }

    pub(super) fn for_each(
        &mut self,
        label: Option<&str>,
        vars: &[Binding],
        iter: &Expr,
        body: &Block,
    ) {
        let sorted_maps = self.module.language != Language::Go;
        let one = |this: &mut Self| this.binding(&vars[0]);
        if vars.is_empty() {
            return;
        }
        let (header, prologue) = match (&iter.kind, vars.len()) {
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Enumerate,
                    args,
                },
                2,
            ) if args.len() == 1 => {
                let i = self.binding(&vars[0]);
                let x = self.binding(&vars[1]);
                let g = self.expr(&args[0]);
                let xs = self.p(&g);
                match (i.as_str(), x.as_str()) {
                    ("_", "_") => (format!("for range {xs} {{"), vec![]),
                    (_, "_") => (format!("for {i} := range {xs} {{"), vec![]),
                    _ => (format!("for {i}, {x} := range {xs} {{"), vec![]),
                }
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Zip,
                    args,
                },
                2,
            ) if args.len() == 2 => {
                // for i := range min(len(a), len(b)) { x, y := a[i], b[i] ... }; a string is
                // walked by runes, copied once before the loop.
                let side = |p: &mut Self, e: &Expr| {
                    let g = p.expr(e);
                    if e.ty != Type::Str {
                        return g;
                    }
                    let runes = p.fresh_name("runes");
                    p.reads.insert(runes.clone());
                    let text = p.p(&G::call("[]rune", vec![g]));
                    p.line(format!("{runes} := {text}"));
                    G::atom(runes)
                };
                let a = side(self, &args[0]);
                let b = side(self, &args[1]);
                let x = self.binding(&vars[0]);
                let y = self.binding(&vars[1]);
                let i = self.fresh_name("i");
                let la = G::call("len", vec![a.clone()]);
                let lb = G::call("len", vec![b.clone()]);
                let header = format!(
                    "for {i} := range {} {{",
                    self.p(&G::call("min", vec![la, lb]))
                );
                let ai = self.p(&G::index(a, G::atom(i.clone())));
                let bi = self.p(&G::index(b, G::atom(i.clone())));
                let pro = match (x.as_str(), y.as_str()) {
                    ("_", "_") => vec![],
                    (_, "_") => vec![format!("{x} := {ai}")],
                    ("_", _) => vec![format!("{y} := {bi}")],
                    _ => vec![format!("{x}, {y} := {ai}, {bi}")],
                };
                (header, pro)
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Items,
                    args,
                },
                2,
            ) if args.len() == 1 => {
                let k = self.binding(&vars[0]);
                let v = self.binding(&vars[1]);
                let g = self.expr(&args[0]);
                let m = self.p(&g);
                if sorted_maps {
                    self.prelude.insert("sortedkeys");
                    let key = if k == "_" {
                        self.fresh_name("key")
                    } else {
                        k.clone()
                    };
                    let pro = if v == "_" {
                        vec![]
                    } else {
                        vec![format!("{v} := {m}[{key}]")]
                    };
                    let key = if v == "_" && k == "_" {
                        "_".to_string()
                    } else {
                        key
                    };
                    (
                        format!("for _, {key} := range ferrySortedKeys({m}) {{"),
                        pro,
                    )
                } else {
                    (format!("for {k}, {v} := range {m} {{"), vec![])
                }
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Keys,
                    args,
                },
                1,
            ) if args.len() == 1 => {
                let k = one(self);
                let g = self.expr(&args[0]);
                let m = self.p(&g);
                self.map_keys_header(&k, &m, sorted_maps)
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Values,
                    args,
                },
                1,
            ) if args.len() == 1 => {
                let v = one(self);
                let g = self.expr(&args[0]);
                let m = self.p(&g);
                if sorted_maps {
                    self.prelude.insert("sortedkeys");
                    self.prelude.insert("values");
                    (
                        format!("for _, {v} := range ferrySortedValues({m}) {{"),
                        vec![],
                    )
                } else {
                    (format!("for _, {v} := range {m} {{"), vec![])
                }
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Range,
                    args,
                },
                1,
            ) => {
                let var = vars[0].clone();
                let start = args.first().cloned().unwrap_or_else(|| {
                    Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, iter.span)
                });
                let end = args.get(1).cloned().unwrap_or_else(|| start.clone());
                let (start, end) = if args.len() == 1 {
                    (
                        Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, iter.span),
                        start,
                    )
                } else {
                    (start, end)
                };
                let stmt = Stmt {
                    kind: StmtKind::Unsupported(ferry_ir::Unsupported {
                        construct: String::new(),
                        text: String::new(),
                        span: iter.span,
                    }),
                    span: iter.span,
                };
                let h = self.for_range_header(&var, &start, &end, args.get(2), &stmt);
                (h, vec![])
            }
            _ => match (&iter.ty, vars.len()) {
                (Type::Map(..) | Type::Set(_), 1) => {
                    let k = one(self);
                    let g = self.expr(iter);
                    let m = self.p(&g);
                    self.map_keys_header(&k, &m, sorted_maps)
                }
                (Type::List(t) | Type::Array(t) | Type::Deque(t), n @ (2 | 3)) if matches!(&**t, Type::Tuple(ts) if ts.len() == n) =>
                {
                    let g = self.expr(iter);
                    let xs = self.p(&g);
                    let names: Vec<String> = vars.iter().map(|v| self.binding(v)).collect();
                    let p = self.fresh_name(if n == 2 { "pair" } else { "triple" });
                    let fields: Vec<String> = super::types::TUPLE_FIELDS[..n]
                        .iter()
                        .map(|f| format!("{p}.{f}"))
                        .collect();
                    let pro = if names.iter().all(|x| x == "_") {
                        vec![]
                    } else {
                        vec![format!("{} := {}", names.join(", "), fields.join(", "))]
                    };
                    (format!("for _, {p} := range {xs} {{"), pro)
                }
                (_, 1) => {
                    let x = one(self);
                    let g = self.expr(iter);
                    let xs = self.p(&g);
                    if x == "_" {
                        (format!("for range {xs} {{"), vec![])
                    } else {
                        (format!("for _, {x} := range {xs} {{"), vec![])
                    }
                }
                _ => {
                    self.unsupported(iter.span, "for-each over this iterable");
                    (
                        "for {".to_string(),
                        vec!["panic(\"ferry: unsupported loop\")".to_string()],
                    )
                }
            },
        };
        self.loop_stmt(label, &header, body, &prologue);
    }

    pub(super) fn map_keys_header(
        &mut self,
        k: &str,
        m: &str,
        sorted: bool,
    ) -> (String, Vec<String>) {
        if sorted {
            self.prelude.insert("sortedkeys");
            (
                format!("for _, {k} := range ferrySortedKeys({m}) {{"),
                vec![],
            )
        } else if k == "_" {
            (format!("for range {m} {{"), vec![])
        } else {
            (format!("for {k} := range {m} {{"), vec![])
        }
    }
}

/// Whether a loop body has an unlabelled `break` inside a `switch` (which Go would apply to the
/// switch).
pub(super) fn break_in_switch(b: &Block, in_switch: bool) -> bool {
    b.stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => in_switch,
        StmtKind::If { then, else_, .. } => {
            break_in_switch(then, in_switch)
                || else_
                    .as_ref()
                    .is_some_and(|e| break_in_switch(e, in_switch))
        }
        StmtKind::Block(b) => break_in_switch(b, in_switch),
        StmtKind::Switch { cases, default, .. } => {
            cases.iter().any(|c| break_in_switch(&c.body, true))
                || default.as_ref().is_some_and(|d| break_in_switch(d, true))
        }
        StmtKind::Try { body, catches, .. } => {
            break_in_switch(body, in_switch)
                || catches.iter().any(|c| break_in_switch(&c.body, in_switch))
        }
        _ => false,
    })
}

/// Whether a `break` or `continue` in `b` names `label`.
fn label_used(b: &Block, label: &str) -> bool {
    use ferry_ir::visit::{walk_stmt, Visitor};
    struct Find<'l>(&'l str, bool);
    impl Visitor for Find<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Break(Some(l)) | StmtKind::Continue(Some(l)) = &s.kind {
                if l == self.0 {
                    self.1 = true;
                }
            }
            walk_stmt(self, s);
        }
    }
    let mut f = Find(label, false);
    f.visit_block(b);
    f.1
}

/// `for (int i = 0; i < n; i++)` where neither `i` nor `n` changes in the body: Go's
/// `for i := range n`. Returns the variable and `n`.
pub(super) fn counting_for<'a>(
    init: &'a [Stmt],
    cond: Option<&'a Expr>,
    update: &'a [Stmt],
    body: &'a Block,
) -> Option<(String, &'a Expr)> {
    use ferry_ir::visit::{walk_expr, Visitor};
    let lp = crate::shape::counting_loop(init, cond, update, body)?;
    let zero = matches!(lp.start.kind, ExprKind::Lit(Literal::Int(0)));
    if !zero || lp.inclusive || lp.step != 1 || !lp.inc_dec {
        return None;
    }
    let end = lp.end;
    // The bound: a constant, a name, or the length of a name.
    let bound_name = match &end.kind {
        ExprKind::Lit(Literal::Int(_)) => None,
        ExprKind::Name(n) => Some(n.as_str()),
        ExprKind::Intrinsic {
            op: Intrinsic::Len(_),
            args,
        } => match args.as_slice() {
            [Expr {
                kind: ExprKind::Name(n),
                ..
            }] => Some(n.as_str()),
            _ => return None,
        },
        _ => return None,
    };
    /// Any operation on the bound's collection may resize it.
    struct Resized<'n>(&'n str, bool);
    impl Visitor for Resized<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            let is_bound = |a: &Expr| matches!(&a.kind, ExprKind::Name(n) if n == self.0);
            match &e.kind {
                ExprKind::Intrinsic { op, args }
                    if !matches!(op, Intrinsic::Len(_)) && args.first().is_some_and(is_bound) =>
                {
                    self.1 = true;
                }
                ExprKind::Call { args, .. } | ExprKind::MethodCall { args, .. }
                    if args.iter().any(is_bound) =>
                {
                    self.1 = true;
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    // A constant bound has no name; the empty one matches none.
    let bound = bound_name.unwrap_or("");
    let mut r = Resized(bound, false);
    r.visit_block(body);
    (!r.1 && !crate::shape::assigns(body, bound)).then(|| (lp.var.to_string(), end))
}
