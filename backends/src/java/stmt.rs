//! Statements: declarations, assignments, control flow, exceptions.

use ferry_ir::{
    BinOp, Block, Catch, ExceptionKind, Expr, ExprKind, Intrinsic, Literal, Stmt, StmtKind,
    SwitchCase, Type, UnaryOp,
};

use super::expr::compound;
use super::precedence::Prec;
use super::{names, Printer};
use crate::writer::Writer;

impl Printer<'_> {
    /// The statements of a block, up to the first jump: javac rejects unreachable statements.
    pub(super) fn block_body(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
            if matches!(
                s.kind,
                StmtKind::Return(_)
                    | StmtKind::Break(_)
                    | StmtKind::Continue(_)
                    | StmtKind::Throw { .. }
            ) {
                break;
            }
        }
    }

    /// A block as text, for lambda bodies: `{`, the statements one level deeper, `}`.
    pub(super) fn block_text(&mut self, stmts: &[Stmt]) -> String {
        let level = self.w.level();
        let mut inner = Writer::new("    ");
        for _ in 0..=level {
            inner.indent();
        }
        let saved = std::mem::replace(&mut self.w, inner);
        self.block_body(stmts);
        let inner = std::mem::replace(&mut self.w, saved);
        let text = inner.finish();
        let close = "    ".repeat(level);
        format!(
            "{{\n{}{close}}}",
            text.trim_end_matches('\n').to_string() + "\n"
        )
    }

    fn braced(&mut self, head: String, body: &Block) {
        self.w.line(format!("{head} {{"));
        self.w.indent();
        self.block_body(&body.stmts);
        self.w.dedent();
        self.w.line("}");
    }

    /// A statement that fits in a `for` header, without its semicolon.
    fn simple(&mut self, s: &Stmt) -> Option<String> {
        match &s.kind {
            StmtKind::Let {
                name,
                ty,
                init: Some(init),
            } => {
                let t = if ty.is_known() {
                    self.ty(ty)
                } else {
                    "var".into()
                };
                let v = self.expr_as(init, ty);
                Some(format!(
                    "{t} {} = {v}",
                    names::value(name, self.opts.naming)
                ))
            }
            StmtKind::Assign { target, op, value } => Some(self.assign_text(target, *op, value)),
            StmtKind::Expr(e) => Some(self.expr(e)),
            StmtKind::AssignTuple {
                targets,
                value:
                    Expr {
                        kind: ExprKind::TupleLit(values),
                        ..
                    },
            } if targets.len() == values.len() => {
                // `i, j = i + 1, j - 1` as `i = i + 1, j = j - 1` when no value reads an earlier target.
                let mut parts = Vec::new();
                for (k, (t, v)) in targets.iter().zip(values).enumerate() {
                    let ok = targets[..k].iter().all(|prev| match &prev.kind {
                        ExprKind::Name(n) => !reads_name(v, n),
                        _ => false,
                    });
                    if !ok || !matches!(t.kind, ExprKind::Name(_)) {
                        return None;
                    }
                    parts.push(self.assign_text(t, None, v));
                }
                Some(parts.join(", "))
            }
            _ => None,
        }
    }

    fn assign_text(&mut self, target: &Expr, op: Option<BinOp>, value: &Expr) -> String {
        let full_value = |op: Option<BinOp>| match op {
            Some(op) => Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(target.clone()),
                    rhs: Box::new(value.clone()),
                },
                target.ty.clone(),
                value.span,
            ),
            None => value.clone(),
        };
        if let ExprKind::Index { object, index } = &target.kind {
            if matches!(object.ty, Type::List(_) | Type::Map(..)) {
                let o = self.expr_prec(object, Prec::Postfix);
                let i = self.expr(index);
                let v = full_value(op);
                let v = self.expr_as(&v, &target.ty);
                let m = if matches!(object.ty, Type::Map(..)) {
                    "put"
                } else {
                    "set"
                };
                return format!("{o}.{m}({i}, {v})");
            }
        }
        let t = self.expr(target);
        if let Some(op) = op {
            if let Some(sym) = compound(op, &target.ty, &value.ty) {
                // `x += 1` is `x++` in Java style.
                if let (BinOp::Add | BinOp::Sub, ExprKind::Lit(Literal::Int(1))) = (op, &value.kind)
                {
                    if target.ty.is_int() || target.ty == Type::Char {
                        let inc = if op == BinOp::Add { "++" } else { "--" };
                        return format!("{t}{inc}");
                    }
                }
                let v = self.expr(value);
                return format!("{t} {sym} {v}");
            }
        }
        let v = full_value(op);
        let v = self.expr_as(&v, &target.ty);
        format!("{t} = {v}")
    }

    pub(super) fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Let { name, ty, init } => {
                let n = names::value(name, self.opts.naming);
                let t = if ty.is_known() {
                    self.ty(ty)
                } else {
                    "var".into()
                };
                match init {
                    Some(init) if self.boxed.contains(name) => {
                        let v = self.expr_as(init, ty);
                        self.w.line(format!("{t}[] {n} = {{{v}}};"));
                    }
                    Some(init) => {
                        let v = self.expr_as(init, ty);
                        self.w.line(format!("{t} {n} = {v};"));
                    }
                    None if self.module.language == ferry_ir::Language::Java => {
                        self.w.line(format!("{t} {n};"));
                    }
                    None => {
                        let z = match ty {
                            Type::List(_)
                            | Type::Map(..)
                            | Type::Set(_)
                            | Type::Deque(_)
                            | Type::PriorityQueue(_)
                            | Type::StrBuilder => self.new_collection(ty),
                            Type::Str if self.module.language == ferry_ir::Language::Go => {
                                "\"\"".into()
                            }
                            _ => self.zero(ty).to_string(),
                        };
                        self.w.line(format!("{t} {n} = {z};"));
                    }
                }
            }
            StmtKind::LetTuple { names: binds, init } => {
                if let ExprKind::TupleLit(items) = &init.kind {
                    if items.len() == binds.len() {
                        for (b, v) in binds.iter().zip(items) {
                            if b.name == "_" {
                                continue;
                            }
                            let t = if b.ty.is_known() {
                                self.ty(&b.ty)
                            } else {
                                "var".into()
                            };
                            let v = self.expr_as(v, &b.ty);
                            let n = names::value(&b.name, self.opts.naming);
                            self.w.line(format!("{t} {n} = {v};"));
                        }
                        return;
                    }
                }
                let tmp = self.fresh("result");
                let v = self.expr(init);
                self.w.line(format!("var {tmp} = {v};"));
                for (i, b) in binds.iter().enumerate() {
                    if b.name == "_" {
                        continue;
                    }
                    let t = if b.ty.is_known() {
                        self.ty(&b.ty)
                    } else {
                        "var".into()
                    };
                    let n = names::value(&b.name, self.opts.naming);
                    self.w.line(format!("{t} {n} = {tmp}.v{i}();"));
                }
            }
            StmtKind::Assign { target, op, value } => {
                let text = self.assign_text(target, *op, value);
                self.w.line(format!("{text};"));
            }
            StmtKind::AssignTuple { targets, value } => {
                let mut temps = Vec::new();
                match &value.kind {
                    ExprKind::TupleLit(items) if items.len() == targets.len() => {
                        for (t, v) in targets.iter().zip(items) {
                            let tmp = self.fresh("tmp");
                            let ty = if v.ty.is_known() {
                                self.ty(&v.ty)
                            } else {
                                "var".into()
                            };
                            let v = self.expr_as(v, &t.ty);
                            self.w.line(format!("{ty} {tmp} = {v};"));
                            temps.push(tmp);
                        }
                    }
                    _ => {
                        let tmp = self.fresh("result");
                        let v = self.expr(value);
                        self.w.line(format!("var {tmp} = {v};"));
                        for i in 0..targets.len() {
                            temps.push(format!("{tmp}.v{i}()"));
                        }
                    }
                }
                for (t, tmp) in targets.iter().zip(temps) {
                    if matches!(&t.kind, ExprKind::Name(n) if n == "_") {
                        continue;
                    }
                    let v = Expr::new(ExprKind::Name(tmp), t.ty.clone(), t.span);
                    let text = self.assign_text_raw(t, &v);
                    self.w.line(format!("{text};"));
                }
            }
            StmtKind::Expr(e) => {
                let text = self.expr(e);
                self.w.line(format!("{text};"));
            }
            StmtKind::If { cond, then, else_ } => {
                let c = self.expr(cond);
                self.w.line(format!("if ({c}) {{"));
                self.w.indent();
                self.block_body(&then.stmts);
                self.w.dedent();
                let mut else_ = else_.as_ref();
                while let Some(b) = else_ {
                    if let Some((cond, then, next)) = b.as_else_if() {
                        let c = self.expr(cond);
                        self.w.line(format!("}} else if ({c}) {{"));
                        self.w.indent();
                        self.block_body(&then.stmts);
                        self.w.dedent();
                        else_ = next;
                    } else {
                        self.w.line("} else {");
                        self.w.indent();
                        self.block_body(&b.stmts);
                        self.w.dedent();
                        else_ = None;
                    }
                }
                self.w.line("}");
            }
            StmtKind::While { label, cond, body } => {
                let c = self.expr(cond);
                let lab = self.label(label);
                self.braced(format!("{lab}while ({c})"), body);
            }
            StmtKind::DoWhile { label, body, cond } => {
                let lab = self.label(label);
                self.w.line(format!("{lab}do {{"));
                self.w.indent();
                self.block_body(&body.stmts);
                self.w.dedent();
                let c = self.expr(cond);
                self.w.line(format!("}} while ({c});"));
            }
            StmtKind::For {
                label,
                init,
                cond,
                update,
                body,
            } => {
                let same_lets = init.len() > 1
                    && init.iter().all(|s| matches!(&s.kind, StmtKind::Let { ty, init: Some(_), .. } if ty.is_known() && Some(ty) == first_let_ty(init)));
                let inits: Option<Vec<String>> = if same_lets {
                    let parts: Vec<String> = init.iter().filter_map(|s| self.simple(s)).collect();
                    let t = first_let_ty(init).cloned().unwrap_or(Type::Unknown);
                    let t = self.ty(&t);
                    let parts: Vec<String> = parts
                        .iter()
                        .map(|p| p.strip_prefix(&format!("{t} ")).unwrap_or(p).to_string())
                        .collect();
                    Some(vec![format!("{t} {}", parts.join(", "))])
                } else if init.len() <= 1 {
                    init.iter().map(|s| self.simple(s)).collect()
                } else if init
                    .iter()
                    .all(|s| matches!(s.kind, StmtKind::Assign { .. } | StmtKind::Expr(_)))
                {
                    init.iter().map(|s| self.simple(s)).collect()
                } else {
                    None
                };
                let wrapped = inits.is_none();
                let init_text = match inits {
                    Some(v) => v.join(", "),
                    None => {
                        self.w.line("{");
                        self.w.indent();
                        self.block_body(init);
                        String::new()
                    }
                };
                let c = cond.as_ref().map(|c| self.expr(c)).unwrap_or_default();
                let ups: Option<Vec<String>> = update.iter().map(|s| self.simple(s)).collect();
                let (ups, body) = match ups {
                    Some(u) => (u, body.clone()),
                    // Updates that do not fit the header run at the end of the body.
                    None => (
                        Vec::new(),
                        Block::new([body.stmts.clone(), update.clone()].concat()),
                    ),
                };
                let body = &body;
                let c = if c.is_empty() {
                    String::new()
                } else {
                    format!(" {c}")
                };
                let u = if ups.is_empty() {
                    String::new()
                } else {
                    format!(" {}", ups.join(", "))
                };
                let lab = self.label(label);
                self.braced(format!("{lab}for ({init_text};{c};{u})"), body);
                if wrapped {
                    self.w.dedent();
                    self.w.line("}");
                }
            }
            StmtKind::ForRange {
                label,
                var,
                start,
                end,
                step,
                body,
            } => {
                self.for_range(label, &var.name, &var.ty, start, end, step.as_ref(), body);
            }
            StmtKind::ForEach {
                label,
                vars,
                iter,
                body,
            } => self.for_each(label, vars, iter, body),
            StmtKind::Break(l) => match l {
                Some(l) => self.w.line(format!("break {l};")),
                None => self.w.line("break;"),
            },
            StmtKind::Continue(l) => match l {
                Some(l) => self.w.line(format!("continue {l};")),
                None => self.w.line("continue;"),
            },
            StmtKind::Return(v) => match v {
                Some(v) if self.wrap_optional => {
                    let v = self.optional_return(v);
                    self.w.line(format!("return {v};"));
                }
                Some(v) => {
                    let ret = self.ret.clone();
                    let v = self.expr_as(v, &ret);
                    self.w.line(format!("return {v};"));
                }
                None => self.w.line("return;"),
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
            } => self.try_stmt(body, catches, finally.as_ref()),
            StmtKind::Throw { kind, message } => {
                let class = self.exception_class(kind);
                let m = message.as_ref().map(|m| self.expr(m)).unwrap_or_default();
                self.w.line(format!("throw new {class}({m});"));
            }
            StmtKind::Block(b) => self.braced(String::new(), b),
            StmtKind::Unsupported(u) => {
                self.w
                    .line(format!("// ferry: not translated ({})", u.construct));
            }
        }
    }

    fn assign_text_raw(&mut self, target: &Expr, value: &Expr) -> String {
        self.assign_text(target, None, value)
    }

    #[allow(clippy::too_many_arguments)]
    fn for_range(
        &mut self,
        label: &Option<String>,
        var: &str,
        ty: &Type,
        start: &Expr,
        end: &Expr,
        step: Option<&Expr>,
        body: &Block,
    ) {
        let n = names::value(var, self.opts.naming);
        let t = if ty.is_int() {
            self.ty(ty)
        } else {
            "int".into()
        };
        let s = self.expr(start);
        let e = self.expr_prec(end, Prec::Shift);
        let step_val = step.and_then(const_int);
        let (cond, upd) = match (step, step_val) {
            (None, _) | (_, Some(1)) => (format!("{n} < {e}"), format!("{n}++")),
            (_, Some(-1)) => (format!("{n} > {e}"), format!("{n}--")),
            (_, Some(k)) if k > 0 => (format!("{n} < {e}"), format!("{n} += {k}")),
            (_, Some(k)) => (format!("{n} > {e}"), format!("{n} -= {}", -k)),
            (Some(st), None) => {
                let st = self.expr(st);
                (
                    format!("{st} > 0 ? {n} < {e} : {n} > {e}"),
                    format!("{n} += {st}"),
                )
            }
        };
        let lab = self.label(label);
        self.braced(format!("{lab}for ({t} {n} = {s}; {cond}; {upd})"), body);
    }

    fn for_each(
        &mut self,
        label: &Option<String>,
        vars: &[ferry_ir::Binding],
        iter: &Expr,
        body: &Block,
    ) {
        if let ExprKind::Intrinsic { op, args } = &iter.kind {
            match (op, vars.len(), args.as_slice()) {
                (Intrinsic::Range, 1, [a, b, rest @ ..]) => {
                    return self.for_range(
                        label,
                        &vars[0].name,
                        &vars[0].ty,
                        a,
                        b,
                        rest.first(),
                        body,
                    );
                }
                (Intrinsic::Enumerate, 2, [xs]) => {
                    let i = names::value(&vars[0].name, self.opts.naming);
                    let x = names::value(&vars[1].name, self.opts.naming);
                    let seq = self.stable(xs);
                    let len = self.len_text(&seq, &xs.ty);
                    let elem = self.element_text(&seq, &xs.ty, &i);
                    let ty = if vars[1].ty.is_known() {
                        self.ty(&vars[1].ty)
                    } else {
                        "var".into()
                    };
                    let lab = self.label(label);
                    self.w
                        .line(format!("{lab}for (int {i} = 0; {i} < {len}; {i}++) {{"));
                    self.w.indent();
                    if vars[1].name != "_" {
                        self.w.line(format!("{ty} {x} = {elem};"));
                    }
                    self.block_body(&body.stmts);
                    self.w.dedent();
                    self.w.line("}");
                    return;
                }
                (Intrinsic::Zip, 2, [xs, ys])
                    if [xs, ys]
                        .iter()
                        .all(|s| matches!(s.ty, Type::List(_) | Type::Array(_) | Type::Str)) =>
                {
                    // for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) { x = ..; y = ..; }
                    let i = self.fresh("i");
                    let seqs = [self.stable(xs), self.stable(ys)];
                    let lens = [
                        self.len_text(&seqs[0], &xs.ty),
                        self.len_text(&seqs[1], &ys.ty),
                    ];
                    let lab = self.label(label);
                    self.w.line(format!(
                        "{lab}for (int {i} = 0; {i} < Math.min({}, {}); {i}++) {{",
                        lens[0], lens[1]
                    ));
                    self.w.indent();
                    for ((var, seq), from) in vars.iter().zip(&seqs).zip([xs, ys]) {
                        if var.name == "_" {
                            continue;
                        }
                        let elem = self.element_text(seq, &from.ty, &i);
                        let ty = if var.ty.is_known() {
                            self.ty(&var.ty)
                        } else {
                            "var".into()
                        };
                        let x = names::value(&var.name, self.opts.naming);
                        self.w.line(format!("{ty} {x} = {elem};"));
                    }
                    self.block_body(&body.stmts);
                    self.w.dedent();
                    self.w.line("}");
                    return;
                }
                (Intrinsic::Items, 2, [m]) => {
                    self.import("java.util.Map");
                    let (kt, vt) = match &m.ty {
                        Type::Map(k, v) => (self.boxed(k), self.boxed(v)),
                        _ => ("Object".into(), "Object".into()),
                    };
                    let entry = self.fresh("entry");
                    let mt = self.expr_prec(m, Prec::Postfix);
                    let iter_text = self.sorted_keys_if_go(&mt, &m.ty, true);
                    let lab = self.label(label);
                    self.w.line(format!(
                        "{lab}for (Map.Entry<{kt}, {vt}> {entry} : {iter_text}) {{"
                    ));
                    self.w.indent();
                    let k = names::value(&vars[0].name, self.opts.naming);
                    let v = names::value(&vars[1].name, self.opts.naming);
                    let kty = self.ty(&vars[0].ty);
                    let vty = self.ty(&vars[1].ty);
                    if vars[0].name != "_" {
                        self.w.line(format!("{kty} {k} = {entry}.getKey();"));
                    }
                    if vars[1].name != "_" {
                        self.w.line(format!("{vty} {v} = {entry}.getValue();"));
                    }
                    self.block_body(&body.stmts);
                    self.w.dedent();
                    self.w.line("}");
                    return;
                }
                _ => {}
            }
        }
        if vars.len() == 1 {
            let n = names::value(&vars[0].name, self.opts.naming);
            let t = if vars[0].ty.is_known() {
                self.ty(&vars[0].ty)
            } else {
                "var".into()
            };
            let it = self.iterable(iter);
            let lab = self.label(label);
            self.braced(format!("{lab}for ({t} {n} : {it})"), body);
            return;
        }
        let tmp = self.fresh("item");
        let it = self.iterable(iter);
        let lab = self.label(label);
        self.w.line(format!("{lab}for (var {tmp} : {it}) {{"));
        self.w.indent();
        for (i, b) in vars.iter().enumerate() {
            if b.name == "_" {
                continue;
            }
            let t = if b.ty.is_known() {
                self.ty(&b.ty)
            } else {
                "var".into()
            };
            let n = names::value(&b.name, self.opts.naming);
            self.w.line(format!("{t} {n} = {tmp}.v{i}();"));
        }
        self.block_body(&body.stmts);
        self.w.dedent();
        self.w.line("}");
    }

    /// An expression usable in a for-each header.
    pub(super) fn iterable(&mut self, iter: &Expr) -> String {
        match (&iter.kind, &iter.ty) {
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Keys,
                    args,
                },
                _,
            ) if args.len() == 1 => {
                let m = self.expr_prec(&args[0], Prec::Postfix);
                self.sorted_keys_if_go(&m, &args[0].ty, false)
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Chars,
                    args,
                },
                _,
            ) if args.len() == 1 && args[0].ty == Type::Str => {
                let s = self.expr_prec(&args[0], Prec::Postfix);
                format!("{s}.toCharArray()")
            }
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Values,
                    args,
                },
                _,
            ) if args.len() == 1 => {
                let m = self.expr_prec(&args[0], Prec::Postfix);
                format!("{m}.values()")
            }
            (_, Type::Str) => {
                let s = self.expr_prec(iter, Prec::Postfix);
                format!("{s}.toCharArray()")
            }
            (ExprKind::ListLit(items), Type::List(_))
                if !items.is_empty()
                    && !items
                        .iter()
                        .any(|i| matches!(i.kind, ExprKind::Lit(ferry_ir::Literal::Null))) =>
            {
                // Iterating a literal needs no mutable copy.
                self.import("java.util.List");
                format!("List.of({})", self.args(items))
            }
            (_, Type::Map(..)) => {
                let m = self.expr_prec(iter, Prec::Postfix);
                self.sorted_keys_if_go(&m, &iter.ty, false)
            }
            _ => self.expr(iter),
        }
    }

    /// `m.keySet()` / `m.entrySet()`.
    fn sorted_keys_if_go(&mut self, m: &str, _ty: &Type, entries: bool) -> String {
        if entries {
            format!("{m}.entrySet()")
        } else {
            format!("{m}.keySet()")
        }
    }

    /// An expression evaluated once: a name as is, anything else into a temporary.
    fn stable(&mut self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::This => self.expr(e),
            ExprKind::Field { object, .. }
                if matches!(object.kind, ExprKind::This | ExprKind::Name(_)) =>
            {
                self.expr(e)
            }
            _ => {
                let tmp = self.fresh("items");
                let v = self.expr(e);
                let t = if e.ty.is_known() {
                    self.ty(&e.ty)
                } else {
                    "var".into()
                };
                self.w.line(format!("{t} {tmp} = {v};"));
                tmp
            }
        }
    }

    fn len_text(&mut self, seq: &str, ty: &Type) -> String {
        match ty {
            Type::Array(_) => format!("{seq}.length"),
            Type::Str | Type::StrBuilder => format!("{seq}.length()"),
            _ => format!("{seq}.size()"),
        }
    }

    fn element_text(&mut self, seq: &str, ty: &Type, i: &str) -> String {
        match ty {
            Type::Array(_) => format!("{seq}[{i}]"),
            Type::Str => format!("{seq}.charAt({i})"),
            _ => format!("{seq}.get({i})"),
        }
    }

    fn switch(&mut self, scrutinee: &Expr, cases: &[SwitchCase], default: Option<&Block>) {
        let breaks = cases.iter().any(|c| breaks_out(&c.body.stmts))
            || default.is_some_and(|d| breaks_out(&d.stmts));
        if breaks {
            // A `break` in a case leaves the enclosing loop in the IR but would only leave an
            // arrow `switch` in Java: print an if/else chain instead.
            return self.switch_as_if(scrutinee, cases, default);
        }
        let s = self.expr(scrutinee);
        self.w.line(format!("switch ({s}) {{"));
        self.w.indent();
        for c in cases {
            let vals: Vec<String> = c.values.iter().map(|v| self.expr(v)).collect();
            self.case_body(format!("case {}", vals.join(", ")), &c.body);
        }
        if let Some(d) = default {
            self.case_body("default".into(), d);
        }
        self.w.dedent();
        self.w.line("}");
    }

    fn case_body(&mut self, head: String, body: &Block) {
        if let [Stmt {
            kind: StmtKind::Expr(e),
            ..
        }] = body.stmts.as_slice()
        {
            let e = self.expr(e);
            self.w.line(format!("{head} -> {e};"));
            return;
        }
        if let [Stmt {
            kind: StmtKind::Assign { target, op, value },
            ..
        }] = body.stmts.as_slice()
        {
            let a = self.assign_text(target, *op, value);
            self.w.line(format!("{head} -> {a};"));
            return;
        }
        self.braced(format!("{head} ->"), body);
    }

    /// Writes a loop label on its own line; the loop header then follows.
    fn label(&mut self, label: &Option<String>) -> String {
        if let Some(l) = label {
            self.w.line(format!("{l}:"));
        }
        String::new()
    }

    fn switch_as_if(&mut self, scrutinee: &Expr, cases: &[SwitchCase], default: Option<&Block>) {
        let subject = match &scrutinee.kind {
            ExprKind::Name(_) => scrutinee.clone(),
            _ => {
                let tmp = self.fresh("subject");
                let t = if scrutinee.ty.is_known() {
                    self.ty(&scrutinee.ty)
                } else {
                    "var".into()
                };
                let v = self.expr(scrutinee);
                self.w.line(format!("{t} {tmp} = {v};"));
                Expr::new(ExprKind::Name(tmp), scrutinee.ty.clone(), scrutinee.span)
            }
        };
        let mut chain: Option<Block> = default.cloned();
        for c in cases.iter().rev() {
            let mut cond: Option<Expr> = None;
            for v in c.values.iter().rev() {
                let eq = Expr::new(
                    ExprKind::Binary {
                        op: ferry_ir::BinOp::Eq(ferry_ir::EqKind::Value),
                        lhs: Box::new(subject.clone()),
                        rhs: Box::new(v.clone()),
                    },
                    Type::Bool,
                    v.span,
                );
                cond = Some(match cond {
                    None => eq,
                    Some(rest) => Expr::new(
                        ExprKind::Binary {
                            op: ferry_ir::BinOp::Or,
                            lhs: Box::new(eq),
                            rhs: Box::new(rest),
                        },
                        Type::Bool,
                        v.span,
                    ),
                });
            }
            let Some(cond) = cond else { continue };
            let stmt = Stmt {
                kind: StmtKind::If {
                    cond,
                    then: c.body.clone(),
                    else_: chain,
                },
                span: scrutinee.span,
            };
            chain = Some(Block::new(vec![stmt]));
        }
        if let Some(b) = chain {
            self.block_body(&b.stmts);
        }
    }

    pub(super) fn exception_class(&mut self, kind: &ExceptionKind) -> String {
        match kind {
            ExceptionKind::IndexOutOfRange => "IndexOutOfBoundsException".into(),
            ExceptionKind::KeyMissing => {
                self.import("java.util.NoSuchElementException");
                "NoSuchElementException".into()
            }
            ExceptionKind::DivisionByZero => "ArithmeticException".into(),
            ExceptionKind::NullAccess => "NullPointerException".into(),
            ExceptionKind::InvalidArgument => "IllegalArgumentException".into(),
            ExceptionKind::NumberFormat => "NumberFormatException".into(),
            ExceptionKind::Runtime => "RuntimeException".into(),
            ExceptionKind::Unsupported => "UnsupportedOperationException".into(),
            ExceptionKind::Custom(n) => self.class_name(n),
            ExceptionKind::Any => "Exception".into(),
        }
    }

    fn try_stmt(&mut self, body: &Block, catches: &[Catch], finally: Option<&Block>) {
        self.w.line("try {");
        self.w.indent();
        self.block_body(&body.stmts);
        self.w.dedent();
        for c in catches {
            let kinds = &c.kinds;
            let list: Vec<String> = if kinds.contains(&ExceptionKind::Any) || kinds.is_empty() {
                vec!["Exception".into()]
            } else if kinds.contains(&ExceptionKind::Runtime) {
                vec!["RuntimeException".into()]
            } else {
                let has_invalid = kinds.contains(&ExceptionKind::InvalidArgument);
                let mut out: Vec<String> = Vec::new();
                for k in kinds {
                    if has_invalid && *k == ExceptionKind::NumberFormat {
                        continue;
                    }
                    let n = self.exception_class(k);
                    if !out.contains(&n) {
                        out.push(n);
                    }
                }
                out
            };
            let name = match &c.name {
                Some(n) => names::value(n, self.opts.naming),
                None => self.fresh("e"),
            };
            self.w
                .line(format!("}} catch ({} {name}) {{", list.join(" | ")));
            self.w.indent();
            self.block_body(&c.body.stmts);
            self.w.dedent();
        }
        if let Some(f) = finally {
            self.w.line("} finally {");
            self.w.indent();
            self.block_body(&f.stmts);
            self.w.dedent();
        }
        self.w.line("}");
    }
}

fn first_let_ty(stmts: &[Stmt]) -> Option<&Type> {
    match stmts.first().map(|s| &s.kind) {
        Some(StmtKind::Let { ty, .. }) => Some(ty),
        _ => None,
    }
}

/// Whether an expression reads a bare name.
fn reads_name(e: &Expr, name: &str) -> bool {
    struct Reads<'a>(&'a str, bool);
    impl ferry_ir::visit::Visitor for Reads<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if matches!(&e.kind, ExprKind::Name(n) if n == self.0) {
                self.1 = true;
            }
            ferry_ir::visit::walk_expr(self, e);
        }
    }
    let mut r = Reads(name, false);
    ferry_ir::visit::Visitor::visit_expr(&mut r, e);
    r.1
}

/// Whether a plain `break` occurs in these statements outside nested loops.
fn breaks_out(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => true,
        StmtKind::If { then, else_, .. } => {
            breaks_out(&then.stmts) || else_.as_ref().is_some_and(|b| breaks_out(&b.stmts))
        }
        StmtKind::Block(b) => breaks_out(&b.stmts),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            breaks_out(&body.stmts)
                || catches.iter().any(|c| breaks_out(&c.body.stmts))
                || finally.as_ref().is_some_and(|b| breaks_out(&b.stmts))
        }
        StmtKind::Switch { cases, default, .. } => {
            cases.iter().any(|c| breaks_out(&c.body.stmts))
                || default.as_ref().is_some_and(|b| breaks_out(&b.stmts))
        }
        _ => false,
    })
}

/// The value of an integer literal, possibly negated.
fn const_int(e: &Expr) -> Option<i128> {
    match &e.kind {
        ExprKind::Lit(Literal::Int(n)) => Some(*n),
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => const_int(operand).map(|n| -n),
        _ => None,
    }
}
