//! Statements: loops without labels (flags stand in for labelled break/continue), C-style `for`
//! as `range` or `while`, do-while as `while True`, switch as an `if`/`elif` chain.

use ferry_ir::visit::{walk_expr, Visitor};
use ferry_ir::{
    BinOp, Block, DivKind, ExceptionKind, Expr, ExprKind, Intrinsic, LambdaBody, RemKind, Stmt,
    StmtKind, SwitchCase, Type,
};

use super::expr::prec;
use super::{default_value, Printer};

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
                    if let Some((cond, then, next)) = b.as_else_if() {
                        let c = self.cond(cond);
                        self.w.line(format!("elif {c}:"));
                        self.indented(then);
                        else_ = next;
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
            let (globals, nonlocals): (Vec<String>, Vec<String>) =
                ferry_ir::visit::outer_names(params, b)
                    .assigned
                    .into_iter()
                    .partition(|n| !self.locals.contains(n) && self.globals.contains_key(n));
            self.w.indent();
            for (keyword, names) in [("global", globals), ("nonlocal", nonlocals)] {
                if !names.is_empty() {
                    let names: Vec<String> = names.iter().map(|n| self.local_name(n)).collect();
                    self.w.line(format!("{keyword} {}", names.join(", ")));
                }
            }
            self.w.dedent();
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
                    Intrinsic::Clear if arg(0).is_some_and(|b| b.ty == Type::StrBuilder) => {
                        // A builder is a string: start it again.
                        if let Some(b) = arg(0) {
                            let b = self.expr(b, prec::PRIMARY);
                            self.w.line(format!("{b} = \"\""));
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

pub(super) fn is_empty(b: &Block) -> bool {
    b.stmts
        .iter()
        .all(|s| matches!(&s.kind, StmtKind::Block(inner) if is_empty(inner)))
}
