//! IR statements as Go statements: loops become `for` in its forms, try/catch/finally an
//! immediately invoked closure with `defer`/`recover`, a conditional expression in a
//! declaration, assignment or return an `if`/`else`.

use ferry_ir::{
    BinOp, Binding, Block, DivKind, Expr, ExprKind, Intrinsic, Literal, RemKind, Stmt, StmtKind,
    Type,
};

use super::precedence::G;
use super::Printer;

/// Whether Go considers a statement list terminating (no "missing return").
pub(super) fn terminates(stmts: &[Stmt]) -> bool {
    let Some(last) = stmts.last() else {
        return false;
    };
    match &last.kind {
        StmtKind::Return(_) | StmtKind::Throw { .. } => true,
        StmtKind::Block(b) => terminates(&b.stmts),
        StmtKind::If {
            then,
            else_: Some(e),
            ..
        } => terminates(&then.stmts) && terminates(&e.stmts),
        StmtKind::While { cond, body, label } => {
            matches!(cond.kind, ExprKind::Lit(Literal::Bool(true)))
                && !has_break(body, label.as_deref(), 0)
        }
        StmtKind::Switch {
            cases,
            default: Some(d),
            ..
        } => {
            cases
                .iter()
                .all(|c| terminates(&c.body.stmts) && !has_break(&c.body, None, 1))
                && terminates(&d.stmts)
        }
        _ => false,
    }
}

/// Whether a `break` in `b` leaves the loop (`label`) whose body `b` is (`depth` nested loops in).
fn has_break(b: &Block, label: Option<&str>, depth: usize) -> bool {
    b.stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => depth == 0,
        StmtKind::Break(Some(l)) => Some(l.as_str()) == label,
        StmtKind::If { then, else_, .. } => {
            has_break(then, label, depth)
                || else_.as_ref().is_some_and(|e| has_break(e, label, depth))
        }
        StmtKind::Block(b) => has_break(b, label, depth),
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::For { body, .. }
        | StmtKind::ForRange { body, .. }
        | StmtKind::ForEach { body, .. } => has_break(body, label, depth + 1),
        StmtKind::Switch { cases, default, .. } => {
            cases.iter().any(|c| has_break(&c.body, label, depth))
                || default.as_ref().is_some_and(|d| has_break(d, label, depth))
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            has_break(body, label, depth)
                || catches.iter().any(|c| has_break(&c.body, label, depth))
                || finally.as_ref().is_some_and(|f| has_break(f, label, depth))
        }
        _ => false,
    })
}

impl Printer<'_> {
    pub(super) fn block_stmts(&mut self, stmts: &[Stmt]) {
        self.try_vars.push(std::collections::HashSet::new());
        for s in stmts {
            self.stmt(s);
        }
        self.try_vars.pop();
    }

    pub(super) fn body(&mut self, b: &Block) {
        self.level += 1;
        self.block_stmts(&b.stmts);
        self.level -= 1;
    }

    pub(super) fn p(&self, g: &G) -> String {
        g.print(self.level)
    }

    /// Whether a declared name is read (otherwise Go rejects it).
    pub(super) fn used(&self, name: &str) -> bool {
        self.reads.contains(name)
    }

    pub(super) fn binding(&self, b: &Binding) -> String {
        if self.used(&b.name) {
            self.name(&b.name)
        } else {
            "_".to_string()
        }
    }

    /// `value` where a value of type `ty` is expected (an int where a float is wanted).
    pub(super) fn expr_as(&mut self, value: &Expr, ty: &Type) -> G {
        // An empty collection whose element type only the context knows.
        if !value.ty.is_known() && ty.is_known() && is_empty_collection(value) {
            let mut typed = value.clone();
            typed.ty = ty.clone();
            return self.expr(&typed);
        }
        if *ty == Type::Char {
            if let ExprKind::Lit(Literal::Str(s)) = &value.kind {
                let mut chars = s.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    return G::atom(super::expr::rune_lit(c));
                }
            }
        }
        if let Some(inner) = super::types::optional_value(ty) {
            // A present optional value: a pointer to a copy.
            if super::types::optional_value(&value.ty).is_none()
                && !matches!(value.kind, ExprKind::Lit(Literal::Null))
            {
                let g = self.expr_as(value, inner);
                self.prelude.insert("ref");
                return G::call("ferryRef", vec![g]);
            }
        }
        let g = self.expr(value);
        if *ty == Type::Any
            && super::types::optional_value(&value.ty).is_some()
            && !matches!(value.kind, ExprKind::Lit(Literal::Null))
        {
            // An optional value as `any`: the absent value is the interface's own nil, not a
            // typed nil pointer inside it.
            self.prelude.insert("unref");
            return G::call("ferryUnref", vec![g]);
        }
        if super::types::optional_value(&value.ty).is_some() && super::types::is_value_type(ty) {
            if matches!(value.kind, ExprKind::Lit(Literal::Null)) {
                // Reading an absent value: a typed nil, dereferenced, panics as Java throws.
                let ptr = format!("(*{})", self.go_type(ty));
                return G::unary("*", G::call(ptr, vec![g]));
            }
            return G::unary("*", g);
        }
        match (ty, &value.ty) {
            (Type::Float, t) if t.is_int() => self.float(value, g),
            (Type::Str, Type::Char) => G::call("string", vec![g]),
            _ => g,
        }
    }

    pub(super) fn stmt(&mut self, s: &Stmt) {
        if let Some((before, rewritten, after)) = self.hoist_incdec(s) {
            for b in before.iter().chain([&rewritten]).chain(&after) {
                self.stmt(b);
            }
            return;
        }
        if let Some((before, rewritten)) = self.hoist_comprehensions(s) {
            for b in &before {
                self.stmt(b);
            }
            self.stmt(&rewritten);
            return;
        }
        match &s.kind {
            StmtKind::Let { name, ty, init } => self.let_stmt(name, ty, init.as_ref()),
            StmtKind::LetTuple { names, init } => {
                let ns: Vec<String> = names.iter().map(|b| self.binding(b)).collect();
                let all_blank = ns.iter().all(|n| n == "_");
                let op = if all_blank { "=" } else { ":=" };
                let rhs = self.tuple_rhs(init, names.len());
                self.line(format!("{} {op} {rhs}", ns.join(", ")));
            }
            StmtKind::Assign { target, op, value } => self.assign(target, *op, value),
            StmtKind::AssignTuple { targets, value } => {
                let depth = if targets.len() > 1 && matches!(value.kind, ExprKind::TupleLit(_)) {
                    2
                } else {
                    1
                };
                let ts: Vec<String> = targets
                    .iter()
                    .map(|t| self.expr(t).print_depth(depth, self.level))
                    .collect();
                let rhs = self.tuple_rhs(value, targets.len());
                self.line(format!("{} = {rhs}", ts.join(", ")));
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::If { cond, then, else_ } => {
                let c = self.expr(cond);
                let c = self.p(&c);
                self.line(format!("if {c} {{"));
                self.if_rest(then, else_.as_ref());
            }
            StmtKind::While { label, cond, body } => {
                let header = if matches!(cond.kind, ExprKind::Lit(Literal::Bool(true))) {
                    "for {".to_string()
                } else {
                    let c = self.expr(cond);
                    format!("for {} {{", self.p(&c))
                };
                self.loop_stmt(label.as_deref(), &header, body, &[]);
            }
            StmtKind::DoWhile { label, body, cond } => {
                let flag = self.fresh_name("more");
                let c = self.expr(cond);
                let header = format!("for {flag} := true; {flag}; {flag} = {} {{", self.p(&c));
                self.loop_stmt(label.as_deref(), &header, body, &[]);
            }
            StmtKind::For {
                label,
                init,
                cond,
                update,
                body,
            } => {
                if let Some((var, end)) =
                    super::loops::counting_for(init, cond.as_ref(), update, body)
                {
                    let en = self.expr(end);
                    // The condition read the counter; `range` reads it only for the body.
                    let header = if super::read_names(body).contains(&var) {
                        format!("for {} := range {} {{", self.name(&var), self.p(&en))
                    } else {
                        format!("for range {} {{", self.p(&en))
                    };
                    self.loop_stmt(label.as_deref(), &header, body, &[]);
                    return;
                }
                let init_s = self.simple_stmts(init, true);
                let post_s = self.simple_stmts(update, false);
                let (Some(init_s), Some(post_s)) = (init_s, post_s) else {
                    self.unsupported(s.span, "for loop with these init or update statements");
                    self.line("panic(\"ferry: unsupported for loop\")");
                    return;
                };
                let c = cond.as_ref().map(|c| {
                    let g = self.expr(c);
                    self.p(&g)
                });
                let header = if init_s.is_empty() && post_s.is_empty() {
                    match c {
                        Some(c) => format!("for {c} {{"),
                        None => "for {".to_string(),
                    }
                } else {
                    format!("for {init_s}; {}; {post_s} {{", c.unwrap_or_default())
                };
                self.loop_stmt(label.as_deref(), &header, body, &[]);
            }
            StmtKind::ForRange {
                label,
                var,
                start,
                end,
                step,
                body,
            } => {
                let header = self.for_range_header(var, start, end, step.as_ref(), s);
                self.loop_stmt(label.as_deref(), &header, body, &[]);
            }
            StmtKind::ForEach {
                label,
                vars,
                iter,
                body,
            } => self.for_each(label.as_deref(), vars, iter, body),
            StmtKind::Break(None) | StmtKind::Continue(None)
                if self.try_return.is_some() && self.try_loop_depth == 0 =>
            {
                // Leaving the loop around a try: the try's closure reports it.
                let code = if matches!(s.kind, StmtKind::Break(_)) {
                    2
                } else {
                    3
                };
                if self.ret == Type::Void {
                    self.line(format!("return {code}"));
                } else {
                    self.line(format!("return {code}, ferryResult"));
                }
            }
            StmtKind::Break(label) => {
                let target = match label {
                    Some(l) => Some(self.name(l)),
                    None => self.switch_break_label(),
                };
                match target {
                    Some(l) => self.line(format!("break {l}")),
                    None => self.line("break"),
                }
            }
            StmtKind::Continue(label) => match label {
                Some(l) => {
                    let l = self.name(l);
                    self.line(format!("continue {l}"));
                }
                None => self.line("continue"),
            },
            StmtKind::Return(value) => {
                if let Some(f) = self.pending_finally.clone() {
                    self.block_stmts(&f.stmts);
                }
                self.return_stmt(value.as_ref());
            }
            StmtKind::Switch {
                scrutinee,
                cases,
                default,
            } => {
                let g = self.expr(scrutinee);
                self.line(format!("switch {} {{", self.p(&g)));
                if let Some(d) = self.switch_depth.last_mut() {
                    *d += 1;
                }
                for case in cases {
                    let vals: Vec<String> = case
                        .values
                        .iter()
                        .map(|v| {
                            let g = self.expr(v);
                            self.p(&g)
                        })
                        .collect();
                    self.line(format!("case {}:", vals.join(", ")));
                    self.body(&case.body);
                }
                if let Some(d) = default {
                    self.line("default:");
                    self.body(d);
                }
                if let Some(d) = self.switch_depth.last_mut() {
                    *d -= 1;
                }
                self.line("}");
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => self.try_stmt(s, body, catches, finally.as_ref()),
            StmtKind::Throw { kind, message } => {
                self.prelude.insert("error");
                let msg = match message {
                    Some(m) => {
                        let g = self.expr(m);
                        if m.ty == Type::Str {
                            g
                        } else {
                            self.text_of(m, self.module.language)
                        }
                    }
                    None => G::atom("\"\""),
                };
                let g = G::call(
                    "panic",
                    vec![G::call(
                        "ferryNewError",
                        vec![
                            G::atom(super::expr::quote(&super::try_catch::kind_name(kind))),
                            msg,
                        ],
                    )],
                );
                self.line(self.p(&g));
            }
            StmtKind::Block(b) => {
                self.line("{");
                self.body(b);
                self.line("}");
            }
            StmtKind::Unsupported(u) => {
                self.unsupported(u.span, &u.construct);
                self.line(format!(
                    "panic({})",
                    super::expr::quote(&format!("ferry: unsupported {}", u.construct))
                ));
            }
        }
    }

    pub(super) fn if_rest(&mut self, then: &Block, else_: Option<&Block>) {
        self.body(then);
        match else_ {
            None => self.line("}"),
            Some(e) => {
                if let Some((cond, then, else_)) = e.as_else_if() {
                    let c = self.expr(cond);
                    let c = self.p(&c);
                    self.line(format!("}} else if {c} {{"));
                    self.if_rest(then, else_);
                } else {
                    self.line("} else {");
                    self.body(e);
                    self.line("}");
                }
            }
        }
    }

    pub(super) fn let_stmt(&mut self, name: &str, ty: &Type, init: Option<&Expr>) {
        let n = self.name(name);
        let declared = self.go_type(ty);
        match init {
            Some(Expr {
                kind: ExprKind::Cond { cond, then, else_ },
                ..
            }) => {
                self.line(format!("var {n} {declared}"));
                let target = Expr::new(ExprKind::Name(name.to_string()), ty.clone(), cond.span);
                self.cond_assign(&target, cond, then, else_);
            }
            Some(
                e @ Expr {
                    kind:
                        ExprKind::Intrinsic {
                            op: Intrinsic::BuilderAppend,
                            ..
                        },
                    ..
                },
            ) if builder_root_is_new(e) => {
                // `new StringBuilder("x")`: an empty builder, then the writes.
                self.import("strings");
                self.line(format!("{n} := &strings.Builder{{}}"));
                let target = Expr::new(ExprKind::Name(name.to_string()), Type::StrBuilder, e.span);
                let rebased = rebase_builder(e, target);
                self.expr_stmt(&rebased);
                return;
            }
            Some(Expr {
                kind: ExprKind::Comprehension(c),
                span,
                ..
            }) => {
                let built = super::comprehension::built_type(c, ty);
                for st in super::comprehension::lower(c, &built, name, *span) {
                    self.stmt(&st);
                }
                return;
            }
            None
            | Some(Expr {
                kind: ExprKind::Lit(Literal::Null),
                ..
            }) => {
                self.line(format!("var {n} {declared}"));
            }
            Some(e) => {
                let natural = self.natural_type(e);
                let g = self.expr_as(e, ty);
                let text = self.p(&g);
                let same = natural.as_deref() == Some(declared.as_str())
                    || (*ty == Type::Float && e.ty.is_int())
                    || !ty.is_known();
                if same {
                    self.line(format!("{n} := {text}"));
                } else {
                    self.line(format!("var {n} {declared} = {text}"));
                }
            }
        }
        if !self.used(name) && n != "_" {
            self.line(format!("_ = {n}"));
        }
    }

    pub(super) fn cond_assign(&mut self, target: &Expr, cond: &Expr, then: &Expr, else_: &Expr) {
        let c = self.expr(cond);
        self.line(format!("if {} {{", self.p(&c)));
        self.level += 1;
        self.assign(target, None, then);
        self.level -= 1;
        self.line("} else {");
        self.level += 1;
        self.assign(target, None, else_);
        self.level -= 1;
        self.line("}");
    }

    /// The right side of a multiple assignment.
    pub(super) fn tuple_rhs(&mut self, value: &Expr, n: usize) -> String {
        match &value.kind {
            ExprKind::TupleLit(items) => {
                let depth = if n > 1 { 2 } else { 1 };
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| self.expr(i).print_depth(depth, self.level))
                    .collect();
                parts.join(", ")
            }
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::CallValue { .. } => {
                self.raw_results = !matches!(value.kind, ExprKind::CallValue { .. });
                let g = self.expr(value);
                self.raw_results = false;
                self.p(&g)
            }
            _ => {
                let g = self.expr(value);
                let v = self.p(&g);
                if matches!(&value.ty, Type::Tuple(ts) if ts.len() == n && (n == 2 || n == 3)) {
                    let fields: Vec<String> = super::types::TUPLE_FIELDS[..n]
                        .iter()
                        .map(|f| format!("{v}.{f}"))
                        .collect();
                    fields.join(", ")
                } else {
                    v
                }
            }
        }
    }

    /// Whether two side-effect-free expressions denote the same value (spans aside).
    fn same_place(&mut self, a: &Expr, b: &Expr) -> bool {
        fn simple(e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Name(_) | ExprKind::This | ExprKind::Lit(_) => true,
                ExprKind::Field { object, .. } => simple(object),
                ExprKind::Index { object, index } => simple(object) && simple(index),
                _ => false,
            }
        }
        if !simple(a) || !simple(b) {
            return false;
        }
        let ga = self.expr(a);
        let gb = self.expr(b);
        ga.print(0) == gb.print(0)
    }

    pub(super) fn assign(&mut self, target: &Expr, op: Option<BinOp>, value: &Expr) {
        if let (None, ExprKind::Cond { cond, then, else_ }) = (op, &value.kind) {
            self.cond_assign(target, cond, then, else_);
            return;
        }
        // `m[k] = m.get(k, 0) + v` is `m[k] += v` in Go, where a missing key reads as zero.
        if let (None, ExprKind::Index { object, index }, ExprKind::Binary { op: bop, lhs, rhs }) =
            (op, &target.kind, &value.kind)
        {
            if let ExprKind::Intrinsic {
                op: Intrinsic::GetOrDefault,
                args,
            } = &lhs.kind
            {
                let same = args.len() == 3
                    && super::types::is_zero(&args[2])
                    && self.same_place(&args[0], object)
                    && self.same_place(&args[1], index)
                    && matches!(
                        bop,
                        BinOp::Add
                            | BinOp::Sub
                            | BinOp::Mul
                            | BinOp::BitOr
                            | BinOp::BitAnd
                            | BinOp::BitXor
                    );
                if same {
                    let target = (*target).clone();
                    let rhs = (**rhs).clone();
                    self.assign(&target, Some(*bop), &rhs);
                    return;
                }
            }
        }
        let t = self.expr(target);
        let t = self.p(&t);
        let Some(op) = op else {
            let g = self.expr_as(value, &target.ty);
            let v = self.p(&g);
            self.line(format!("{t} = {v}"));
            return;
        };
        let ints = target.ty.is_int() && value.ty.is_int();
        let sym = match op {
            BinOp::Add => Some("+="),
            BinOp::Sub => Some("-="),
            BinOp::Mul => Some("*="),
            BinOp::Div(DivKind::Trunc) if ints => Some("/="),
            BinOp::Div(DivKind::True) if target.ty == Type::Float => Some("/="),
            BinOp::Rem(RemKind::Trunc) if ints => Some("%="),
            BinOp::BitAnd => Some("&="),
            BinOp::BitOr => Some("|="),
            BinOp::BitXor => Some("^="),
            BinOp::Shl => Some("<<="),
            BinOp::Shr => Some(">>="),
            _ => None,
        };
        match sym {
            Some(sym) => {
                if matches!(value.kind, ExprKind::Lit(Literal::Int(1)))
                    && target.ty.is_int()
                    && matches!(op, BinOp::Add | BinOp::Sub)
                {
                    let incdec = if op == BinOp::Add { "++" } else { "--" };
                    self.line(format!("{t}{incdec}"));
                    return;
                }
                let g = self.expr_as(value, &target.ty);
                let v = self.p(&g);
                self.line(format!("{t} {sym} {v}"));
            }
            None => {
                let ty = if matches!(op, BinOp::Div(DivKind::True)) {
                    Type::Float
                } else {
                    target.ty.clone()
                };
                let e = Expr::new(
                    ExprKind::Binary {
                        op,
                        lhs: Box::new(target.clone()),
                        rhs: Box::new(value.clone()),
                    },
                    ty,
                    value.span,
                );
                let g = self.expr(&e);
                let g = if target.ty.is_int() && e.ty == Type::Float {
                    G::call("int", vec![g])
                } else {
                    g
                };
                let v = self.p(&g);
                self.line(format!("{t} = {v}"));
            }
        }
    }

    pub(super) fn expr_stmt(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::IncDec {
                target, increment, ..
            } => {
                let t = self.expr(target);
                let op = if *increment { "++" } else { "--" };
                let text = self.p(&t);
                self.line(format!("{text}{op}"));
            }
            ExprKind::Intrinsic { op, args } => {
                if let Some(lines) = self.intrinsic_stmt(*op, args, e) {
                    for l in lines {
                        self.line(l);
                    }
                    return;
                }
                let g = self.expr(e);
                let text = self.p(&g);
                if matches!(g, G::Call { .. }) {
                    self.line(text);
                } else {
                    self.line(format!("_ = {text}"));
                }
            }
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::CallValue { .. } => {
                let g = self.expr(e);
                let text = self.p(&g);
                self.line(text);
            }
            _ => {
                let g = self.expr(e);
                let text = self.p(&g);
                self.line(format!("_ = {text}"));
            }
        }
    }

    pub(super) fn return_stmt(&mut self, value: Option<&Expr>) {
        if let Some(Expr {
            kind: ExprKind::Cond { cond, then, else_ },
            ..
        }) = value
        {
            let c = self.expr(cond);
            self.line(format!("if {} {{", self.p(&c)));
            self.level += 1;
            self.return_stmt(Some(then));
            self.level -= 1;
            self.line("}");
            self.return_stmt(Some(else_));
            return;
        }
        let ret = self.ret.clone();
        let text = value.map(|v| match (&v.kind, &ret) {
            (ExprKind::TupleLit(items), Type::Tuple(ts)) => {
                let parts: Vec<String> = items
                    .iter()
                    .zip(ts.iter().chain(std::iter::repeat(&Type::Unknown)))
                    .map(|(i, t)| {
                        let g = self.expr_as(i, t);
                        self.p(&g)
                    })
                    .collect();
                parts.join(", ")
            }
            // Several results from a call or a tuple value.
            (_, Type::Tuple(ts)) if ts.len() > 1 && matches!(v.ty, Type::Tuple(_)) => {
                self.tuple_rhs(v, ts.len())
            }
            _ => {
                let g = match (self.ret_len, self.ret_elem_len) {
                    (Some(n), _) => self.array_return(n, v),
                    (None, Some(n)) => self.arrays_return(n, v),
                    (None, None) => self.expr_as(v, &ret),
                };
                self.p(&g)
            }
        });
        match (self.try_return, text) {
            (None, Some(t)) => self.line(format!("return {t}")),
            (None, None) => self.line("return"),
            (Some(_), Some(t)) => self.line(format!("return 1, {t}")),
            (Some(_), None) => self.line("return 1"),
        }
    }
}

/// Whether a builder append chain starts from a new builder.
fn builder_root_is_new(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Intrinsic {
            op: Intrinsic::BuilderAppend,
            args,
        } => args.first().is_some_and(builder_root_is_new),
        ExprKind::Intrinsic {
            op: Intrinsic::BuilderNew,
            ..
        } => true,
        _ => false,
    }
}

/// The append chain with its new builder replaced by `target`.
fn rebase_builder(e: &Expr, target: Expr) -> Expr {
    match &e.kind {
        ExprKind::Intrinsic {
            op: Intrinsic::BuilderAppend,
            args,
        } => {
            let mut args = args.clone();
            if let Some(first) = args.first_mut() {
                *first = rebase_builder(first, target);
            }
            Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::BuilderAppend,
                    args,
                },
                e.ty.clone(),
                e.span,
            )
        }
        _ => target,
    }
}

/// `new ArrayList<>()`, `[]`, `{}`: a collection literal with no elements.
pub(super) fn is_empty_collection(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Intrinsic {
            op: Intrinsic::NewCollection,
            ..
        } => true,
        ExprKind::ListLit(items) | ExprKind::SetLit(items) => items.is_empty(),
        ExprKind::MapLit(pairs) => pairs.is_empty(),
        _ => false,
    }
}
