//! Statements: loops without labels (flags stand in for labelled break/continue), C-style `for`
//! as `range` or `while`, do-while as `while True`, switch as an `if`/`elif` chain.

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{
    BinOp, Block, DivKind, ExceptionKind, Expr, ExprKind, Intrinsic, LambdaBody, Literal, RemKind,
    Stmt, StmtKind, SwitchCase, Type,
};

use super::expr::prec;
use super::{default_value, LoopCtx, Printer};

impl Printer<'_> {
    pub(super) fn block_body(&mut self, b: &Block) {
        if is_empty(b) {
            self.w.line("pass");
            return;
        }
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    pub(super) fn stmt(&mut self, s: &Stmt) {
        self.local_defs_for(s);
        match &s.kind {
            StmtKind::Let { name, ty, init } => {
                let n = self.local_name(name);
                let v = match init {
                    Some(e) => self.expr(e, prec::LAMBDA),
                    None => default_value(ty).to_string(),
                };
                self.w.line(format!("{n} = {v}"));
            }
            StmtKind::LetTuple { names, init } => {
                let ns: Vec<String> = names.iter().map(|b| self.local_name(&b.name)).collect();
                let v = self.tuple_value(init);
                self.w.line(format!("{} = {v}", ns.join(", ")));
            }
            StmtKind::Assign { target, op, value } => self.assign(target, *op, value),
            StmtKind::AssignTuple { targets, value } => {
                let ts: Vec<String> = targets
                    .iter()
                    .map(|t| self.expr(t, prec::PRIMARY))
                    .collect();
                let v = self.tuple_value(value);
                self.w.line(format!("{} = {v}", ts.join(", ")));
            }
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::If { cond, then, else_ } => {
                let c = self.cond(cond);
                self.w.line(format!("if {c}:"));
                self.indented(then);
                let mut else_ = else_.as_ref();
                while let Some(b) = else_ {
                    if let [Stmt {
                        kind:
                            StmtKind::If {
                                cond,
                                then,
                                else_: e2,
                            },
                        ..
                    }] = b.stmts.as_slice()
                    {
                        let c = self.cond(cond);
                        self.w.line(format!("elif {c}:"));
                        self.indented(then);
                        else_ = e2.as_ref();
                    } else {
                        if !is_empty(b) {
                            self.w.line("else:");
                            self.indented(b);
                        }
                        break;
                    }
                }
            }
            StmtKind::While { label, cond, body } => {
                let c = self.cond(cond);
                self.looped(label, format!("while {c}:"), body, Vec::new(), None);
            }
            StmtKind::DoWhile { label, body, cond } => {
                self.looped(
                    label,
                    "while True:".to_string(),
                    body,
                    Vec::new(),
                    Some(cond),
                );
            }
            StmtKind::For {
                label,
                init,
                cond,
                update,
                body,
            } => self.c_for(label, init, cond.as_ref(), update, body),
            StmtKind::ForRange {
                label,
                var,
                start,
                end,
                step,
                body,
            } => {
                let v = self.local_name(&var.name);
                let mut args = vec![start.clone(), end.clone()];
                if let Some(st) = step {
                    args.push(st.clone());
                }
                let r = self.range_call(&args);
                self.looped(label, format!("for {v} in {r}:"), body, Vec::new(), None);
            }
            StmtKind::ForEach {
                label,
                vars,
                iter,
                body,
            } => {
                let vs: Vec<String> = vars.iter().map(|b| self.local_name(&b.name)).collect();
                let yields_pairs = matches!(iter.ty.element(), Some(Type::Tuple(_)));
                let it = if vars.len() == 2
                    && !yields_pairs
                    && !matches!(iter.kind, ExprKind::Intrinsic { .. })
                {
                    match &iter.ty {
                        Type::Map(..) => format!("{}.items()", self.expr(iter, prec::PRIMARY)),
                        _ => format!("enumerate({})", self.expr(iter, prec::LAMBDA + 1)),
                    }
                } else {
                    self.iterable(iter)
                };
                self.looped(
                    label,
                    format!("for {} in {it}:", vs.join(", ")),
                    body,
                    Vec::new(),
                    None,
                );
            }
            StmtKind::Break(label) => self.jump(label.as_deref(), true),
            StmtKind::Continue(label) => self.jump(label.as_deref(), false),
            StmtKind::Return(v) => match v {
                None => self.w.line("return"),
                Some(e) => {
                    let v = self.tuple_value(e);
                    self.w.line(format!("return {v}"));
                }
            },
            StmtKind::Switch {
                scrutinee,
                cases,
                default,
            } => self.switch(scrutinee, cases, default.as_ref()),
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                if catches.is_empty() && finally.is_none() {
                    self.block_body(body);
                    return;
                }
                self.w.line("try:");
                self.indented(body);
                for c in catches {
                    let mut names: Vec<String> = Vec::new();
                    for k in &c.kinds {
                        for n in self.exception_names(k, true) {
                            if !names.contains(&n) {
                                names.push(n);
                            }
                        }
                    }
                    let what = if names.len() == 1 {
                        names.remove(0)
                    } else {
                        format!("({})", names.join(", "))
                    };
                    match &c.name {
                        Some(n) => {
                            let n = self.local_name(n);
                            self.w.line(format!("except {what} as {n}:"));
                        }
                        None => self.w.line(format!("except {what}:")),
                    }
                    self.indented(&c.body);
                }
                if let Some(f) = finally {
                    self.w.line("finally:");
                    self.indented(f);
                }
            }
            StmtKind::Throw { kind, message } => {
                let name = self
                    .exception_names(kind, false)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                match message {
                    Some(m) => {
                        let m = self.expr(m, prec::LAMBDA + 1);
                        self.w.line(format!("raise {name}({m})"));
                    }
                    None => self.w.line(format!("raise {name}()")),
                }
            }
            StmtKind::Block(b) => {
                for s in &b.stmts {
                    self.stmt(s);
                }
            }
            StmtKind::Unsupported(u) => {
                self.unsupported(u.span, &u.construct);
                self.w.line(format!(
                    "raise NotImplementedError(\"ferry: unsupported {}\")",
                    u.construct.replace('"', "'")
                ));
            }
        }
    }

    /// A condition, using truthiness for emptiness tests: `while stack:`, `if not name:`.
    pub(super) fn cond(&mut self, e: &Expr) -> String {
        if let ExprKind::Unary {
            op: ferry_ir::UnaryOp::Not,
            operand,
        } = &e.kind
        {
            if let ExprKind::Intrinsic {
                op: Intrinsic::IsEmpty,
                args,
            } = &operand.kind
            {
                if let [x] = args.as_slice() {
                    if !matches!(x.ty, Type::Named(_) | Type::Unknown) {
                        return self.expr(x, prec::LAMBDA + 1);
                    }
                }
            }
            if let ExprKind::Unary {
                op: ferry_ir::UnaryOp::Not,
                operand: inner,
            } = &operand.kind
            {
                if let ExprKind::Intrinsic {
                    op: Intrinsic::IsEmpty,
                    args,
                } = &inner.kind
                {
                    if let [x] = args.as_slice() {
                        return format!("not {}", self.expr(x, prec::NOT));
                    }
                }
            }
        }
        self.expr(e, prec::LAMBDA + 1)
    }

    /// Prints a local `def` for each lambda with a statement body among the statement's own
    /// expressions (nested statements do this for themselves).
    fn local_defs_for(&mut self, s: &Stmt) {
        let mut found: Vec<Expr> = Vec::new();
        for e in own_exprs(s) {
            collect_block_lambdas(e, &mut found);
        }
        for lam in found {
            let ExprKind::Lambda {
                params,
                body: LambdaBody::Block(b),
            } = &lam.kind
            else {
                continue;
            };
            if let [st] = b.stmts.as_slice() {
                if matches!(st.kind, StmtKind::Return(Some(_)) | StmtKind::Expr(_)) {
                    continue;
                }
            }
            let name = self.fresh("compare");
            let name = name.trim_start_matches('_').to_string();
            let ps: Vec<String> = params.iter().map(|p| self.local_name(&p.name)).collect();
            self.w.line(format!("def {name}({}):", ps.join(", ")));
            let saved = std::mem::take(&mut self.loops);
            self.indented(b);
            self.loops = saved;
            self.local_defs
                .insert((lam.span.start as usize, lam.span.end as usize), name);
        }
    }

    fn indented(&mut self, b: &Block) {
        self.w.indent();
        self.block_body(b);
        self.w.dedent();
    }

    /// A value on the right of `a, b = ...` or `return`: a tuple literal without parentheses.
    fn tuple_value(&mut self, e: &Expr) -> String {
        if let ExprKind::TupleLit(items) = &e.kind {
            if items.len() > 1 {
                return self.args(items);
            }
        }
        self.expr(e, prec::LAMBDA)
    }

    pub(super) fn exception_names(&mut self, k: &ExceptionKind, catching: bool) -> Vec<String> {
        let s = |x: &str| vec![x.to_string()];
        match k {
            ExceptionKind::IndexOutOfRange => s("IndexError"),
            ExceptionKind::KeyMissing => s("KeyError"),
            ExceptionKind::DivisionByZero => s("ZeroDivisionError"),
            ExceptionKind::NullAccess => {
                if catching {
                    vec!["AttributeError".into(), "TypeError".into()]
                } else {
                    s("AttributeError")
                }
            }
            ExceptionKind::InvalidArgument | ExceptionKind::NumberFormat => s("ValueError"),
            ExceptionKind::Runtime => {
                if catching {
                    s("Exception")
                } else {
                    s("RuntimeError")
                }
            }
            ExceptionKind::Unsupported => s("NotImplementedError"),
            ExceptionKind::Custom(n) => vec![self.base_name(n)],
            ExceptionKind::Any => s("Exception"),
        }
    }

    fn assign(&mut self, target: &Expr, op: Option<BinOp>, value: &Expr) {
        let t = self.expr(target, prec::PRIMARY);
        let Some(op) = op else {
            let v = self.expr(value, prec::LAMBDA);
            self.w.line(format!("{t} = {v}"));
            return;
        };
        if target.ty == Type::Char && value.ty.is_int() && matches!(op, BinOp::Add | BinOp::Sub) {
            let v = self.expr(value, prec::ADD + 1);
            let sym = if op == BinOp::Add { "+" } else { "-" };
            self.w.line(format!("{t} = chr(ord({t}) {sym} {v})"));
            return;
        }
        let both_int = target.ty.is_int() && value.ty.is_int();
        let wraps = self.wrap_bits(&target.ty).is_some()
            && matches!(
                op,
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Shl | BinOp::Pow
            );
        let simple = if wraps {
            None
        } else {
            match op {
                BinOp::Add => Some("+="),
                BinOp::Sub => Some("-="),
                BinOp::Mul => Some("*="),
                BinOp::Div(DivKind::True) => Some("/="),
                BinOp::Div(DivKind::Floor) => Some("//="),
                BinOp::Div(DivKind::Trunc)
                    if !both_int && (target.ty == Type::Float || value.ty == Type::Float) =>
                {
                    Some("/=")
                }
                BinOp::Rem(RemKind::Floor) => Some("%="),
                BinOp::Pow => Some("**="),
                BinOp::BitAnd => Some("&="),
                BinOp::BitOr => Some("|="),
                BinOp::BitXor => Some("^="),
                BinOp::Shl => Some("<<="),
                BinOp::Shr => Some(">>="),
                _ => None,
            }
        };
        if let Some(sym) = simple {
            let v = self.expr(value, prec::LAMBDA);
            self.w.line(format!("{t} {sym} {v}"));
            return;
        }
        let whole = Expr::new(
            ExprKind::Binary {
                op,
                lhs: Box::new(target.clone()),
                rhs: Box::new(value.clone()),
            },
            target.ty.clone(),
            value.span,
        );
        let v = self.expr(&whole, prec::LAMBDA);
        self.w.line(format!("{t} = {v}"));
    }

    fn expr_stmt(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::IncDec {
                target, increment, ..
            } if target.ty == Type::Char => {
                let t = self.expr(target, prec::PRIMARY);
                let sym = if *increment { "+" } else { "-" };
                self.w.line(format!("{t} = chr(ord({t}) {sym} 1)"));
            }
            ExprKind::IncDec {
                target, increment, ..
            } if self.wrap_bits(&target.ty).is_some() => {
                let t = self.expr(target, prec::PRIMARY);
                let bits = self.wrap_bits(&target.ty).unwrap_or(32);
                self.helper("_ferry_wrap");
                let sym = if *increment { "+" } else { "-" };
                self.w
                    .line(format!("{t} = _ferry_wrap({t} {sym} 1, {bits})"));
            }
            ExprKind::IncDec {
                target, increment, ..
            } => {
                let t = self.expr(target, prec::PRIMARY);
                let sym = if *increment { "+=" } else { "-=" };
                self.w.line(format!("{t} {sym} 1"));
            }
            ExprKind::Intrinsic { op, args } => {
                let arg = |i: usize| args.get(i);
                match op {
                    Intrinsic::BuilderAppend => {
                        // Flatten `b.append(x).append(y)`.
                        let mut parts = Vec::new();
                        let mut cur = e;
                        while let ExprKind::Intrinsic {
                            op: Intrinsic::BuilderAppend,
                            args,
                        } = &cur.kind
                        {
                            let (Some(b), Some(x)) = (args.first(), args.get(1)) else {
                                break;
                            };
                            parts.push(x);
                            cur = b;
                        }
                        let b = self.expr(cur, prec::PRIMARY);
                        for x in parts.into_iter().rev() {
                            let v = self.expr(x, prec::LAMBDA);
                            self.w.line(format!("{b} += {v}"));
                        }
                    }
                    Intrinsic::BuilderReverse => {
                        if let Some(b) = arg(0) {
                            let b = self.expr(b, prec::PRIMARY);
                            self.w.line(format!("{b} = {b}[::-1]"));
                        }
                    }
                    Intrinsic::Put => {
                        if let (Some(m), Some(k), Some(v)) = (arg(0), arg(1), arg(2)) {
                            let m = self.expr(m, prec::PRIMARY);
                            let k = self.expr(k, prec::LAMBDA + 1);
                            let v = self.expr(v, prec::LAMBDA);
                            self.w.line(format!("{m}[{k}] = {v}"));
                        }
                    }
                    Intrinsic::Fill => {
                        if let (Some(a), Some(x)) = (arg(0), arg(1)) {
                            let a = self.expr(a, prec::PRIMARY);
                            let x = self.expr(x, prec::LAMBDA + 1);
                            self.w.line(format!("{a}[:] = [{x}] * len({a})"));
                        }
                    }
                    Intrinsic::Add
                        if matches!(
                            arg(0).map(|a| &a.ty),
                            Some(Type::Set(_)) | None | Some(Type::Unknown)
                        ) =>
                    {
                        if let (Some(s), Some(x)) = (arg(0), arg(1)) {
                            let s = self.expr(s, prec::PRIMARY);
                            let x = self.expr(x, prec::LAMBDA + 1);
                            self.w.line(format!("{s}.add({x})"));
                        }
                    }
                    Intrinsic::Remove => {
                        if let (Some(c), Some(x)) = (arg(0), arg(1)) {
                            let m = match c.ty {
                                Type::Set(_) => "discard",
                                Type::Map(..) => "pop",
                                _ => "remove",
                            };
                            let c = self.expr(c, prec::PRIMARY);
                            let x = self.expr(x, prec::LAMBDA + 1);
                            if m == "pop" {
                                self.w.line(format!("{c}.pop({x}, None)"));
                            } else {
                                self.w.line(format!("{c}.{m}({x})"));
                            }
                        }
                    }
                    _ => {
                        let s = self.expr(e, prec::LAMBDA);
                        self.w.line(s);
                    }
                }
            }
            _ => {
                let s = self.expr(e, prec::LAMBDA);
                self.w.line(s);
            }
        }
    }

    /// Prints a loop with its header, handling labelled jumps out of nested loops with flags.
    fn looped(
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

    fn jump(&mut self, label: Option<&str>, is_break: bool) {
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

    fn c_for(
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
        let [Stmt {
            kind:
                StmtKind::Let {
                    name,
                    ty,
                    init: Some(start),
                },
            ..
        }] = init
        else {
            return None;
        };
        if !ty.is_int() {
            return None;
        }
        let ExprKind::Binary { op, lhs, rhs: end } = &cond?.kind else {
            return None;
        };
        if !matches!(&lhs.kind, ExprKind::Name(n) if n == name) {
            return None;
        }
        let [upd] = update else { return None };
        let step: i128 = match &upd.kind {
            StmtKind::Expr(Expr {
                kind: ExprKind::IncDec {
                    target, increment, ..
                },
                ..
            }) if is_name(target, name) => {
                if *increment {
                    1
                } else {
                    -1
                }
            }
            StmtKind::Assign {
                target,
                op: Some(o @ (BinOp::Add | BinOp::Sub)),
                value,
            } if is_name(target, name) => {
                let ExprKind::Lit(Literal::Int(k)) = value.kind else {
                    return None;
                };
                if k <= 0 {
                    return None;
                }
                if *o == BinOp::Add {
                    k
                } else {
                    -k
                }
            }
            _ => return None,
        };
        let (up, inclusive) = match op {
            BinOp::Lt => (true, false),
            BinOp::Le => (true, true),
            BinOp::Gt => (false, false),
            BinOp::Ge => (false, true),
            _ => return None,
        };
        if up != (step > 0) {
            return None;
        }
        if assigns_name(body, name) || !invariant(end, body) {
            return None;
        }
        let v = self.local_name(name);
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

    fn switch(&mut self, scrutinee: &Expr, cases: &[SwitchCase], default: Option<&Block>) {
        let simple = matches!(
            scrutinee.kind,
            ExprKind::Name(_) | ExprKind::Lit(_) | ExprKind::Field { .. }
        );
        let x = if simple {
            self.expr(scrutinee, prec::CMP + 1)
        } else {
            let t = self.fresh("key");
            let v = self.expr(scrutinee, prec::LAMBDA);
            self.w.line(format!("{t} = {v}"));
            t
        };
        let mut first = true;
        for c in cases {
            if c.values.is_empty() {
                continue;
            }
            let cond = if c.values.len() == 1 {
                let v = self.expr(&c.values[0], prec::CMP + 1);
                format!("{x} == {v}")
            } else {
                let vs = self.args(&c.values);
                format!("{x} in ({vs})")
            };
            self.w
                .line(format!("{} {cond}:", if first { "if" } else { "elif" }));
            first = false;
            self.indented(&c.body);
        }
        if let Some(d) = default {
            if first {
                self.block_body(d);
            } else if !is_empty(d) {
                self.w.line("else:");
                self.indented(d);
            }
        }
    }
}

/// The expressions a statement evaluates itself (not those of nested statements).
fn own_exprs(s: &Stmt) -> Vec<&Expr> {
    match &s.kind {
        StmtKind::Let { init: Some(e), .. }
        | StmtKind::LetTuple { init: e, .. }
        | StmtKind::Expr(e)
        | StmtKind::Return(Some(e)) => vec![e],
        StmtKind::Throw {
            message: Some(e), ..
        } => vec![e],
        StmtKind::Assign { target, value, .. } => vec![target, value],
        StmtKind::AssignTuple { targets, value } => {
            targets.iter().chain(std::iter::once(value)).collect()
        }
        StmtKind::If { cond, .. } | StmtKind::While { cond, .. } => vec![cond],
        StmtKind::ForEach { iter, .. } => vec![iter],
        StmtKind::ForRange { start, end, .. } => vec![start, end],
        StmtKind::Switch { scrutinee, .. } => vec![scrutinee],
        _ => Vec::new(),
    }
}

fn collect_block_lambdas(e: &Expr, out: &mut Vec<Expr>) {
    struct F<'a>(&'a mut Vec<Expr>);
    impl Visitor for F<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Lambda {
                body: LambdaBody::Block(_),
                ..
            } = &e.kind
            {
                self.0.push(e.clone());
                return;
            }
            walk_expr(self, e);
        }
        fn visit_stmt(&mut self, _s: &Stmt) {}
    }
    F(out).visit_expr(e);
}

fn flag(label: &str, what: &str) -> String {
    format!("_{}_{what}", crate::naming::snake_case(label))
}

fn is_name(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == name)
}

fn is_empty(b: &Block) -> bool {
    b.stmts
        .iter()
        .all(|s| matches!(&s.kind, StmtKind::Block(inner) if is_empty(inner)))
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

fn assigns_name(body: &Block, name: &str) -> bool {
    struct F<'a>(&'a str, bool);
    impl Visitor for F<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Assign { target, .. } if is_name(target, self.0) => self.1 = true,
                StmtKind::AssignTuple { targets, .. }
                    if targets.iter().any(|t| is_name(t, self.0)) =>
                {
                    self.1 = true
                }
                StmtKind::Let { name, .. } if name == self.0 => self.1 = true,
                _ => {}
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::IncDec { target, .. } = &e.kind {
                if is_name(target, self.0) {
                    self.1 = true;
                }
            }
            walk_expr(self, e);
        }
    }
    let mut f = F(name, false);
    f.visit_block(body);
    f.1
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
    if ns.iter().any(|n| assigns_name(body, n)) {
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
