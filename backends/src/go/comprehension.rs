//! Expressions that Go cannot nest, moved into statements: comprehensions become a loop that
//! fills a collection (`squares := []int{}` plus a `for` that appends, or an immediately called
//! function literal where no statement can come first), and `i++` used as a value becomes an
//! increment before or after its statement.

use ferry_ir::{
    Block, Comprehension, ComprehensionClause, ComprehensionKind, Expr, ExprKind, Intrinsic, Span,
    Stmt, StmtKind, Type,
};

use super::precedence::G;
use super::Printer;

/// The collection type a comprehension builds.
pub(super) fn built_type(c: &Comprehension, ty: &Type) -> Type {
    match (c.kind, ty) {
        (ComprehensionKind::List, Type::List(_))
        | (ComprehensionKind::Set, Type::Set(_))
        | (ComprehensionKind::Map, Type::Map(..)) => ty.clone(),
        (ComprehensionKind::Set, _) => Type::set(c.element.ty.clone()),
        (ComprehensionKind::Map, _) => Type::map(
            c.element.ty.clone(),
            c.value.as_ref().map_or(Type::Unknown, |v| v.ty.clone()),
        ),
        _ => Type::list(c.element.ty.clone()),
    }
}

/// `out := <empty>; for .. { if .. { out = append(out, elem) } }` as IR.
pub(super) fn lower(c: &Comprehension, ty: &Type, out: &str, span: Span) -> Vec<Stmt> {
    let st = |kind| Stmt { kind, span };
    let target = Expr::new(ExprKind::Name(out.to_string()), ty.clone(), span);
    let add = match c.kind {
        ComprehensionKind::Set => Expr::new(
            ExprKind::Intrinsic {
                op: Intrinsic::Add,
                args: vec![target, c.element.clone()],
            },
            Type::Void,
            span,
        ),
        ComprehensionKind::Map => {
            let value = c.value.clone().unwrap_or_else(|| c.element.clone());
            Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::Put,
                    args: vec![target, c.element.clone(), value],
                },
                Type::Void,
                span,
            )
        }
        _ => Expr::new(
            ExprKind::Intrinsic {
                op: Intrinsic::Append,
                args: vec![target, c.element.clone()],
            },
            Type::Void,
            span,
        ),
    };
    let mut inner = vec![st(StmtKind::Expr(add))];
    for clause in c.clauses.iter().rev() {
        inner = vec![match clause {
            ComprehensionClause::If(cond) => st(StmtKind::If {
                cond: cond.clone(),
                then: Block::new(inner),
                else_: None,
            }),
            ComprehensionClause::For { vars, iter } => st(StmtKind::ForEach {
                label: None,
                vars: vars.clone(),
                iter: iter.clone(),
                body: Block::new(inner),
            }),
        }];
    }
    let empty = Expr::new(
        ExprKind::Intrinsic {
            op: Intrinsic::NewCollection,
            args: vec![],
        },
        ty.clone(),
        span,
    );
    let mut out_stmts = vec![st(StmtKind::Let {
        name: out.to_string(),
        ty: ty.clone(),
        init: Some(empty),
    })];
    out_stmts.extend(inner);
    out_stmts
}

impl Printer<'_> {
    /// A comprehension used as a value: `func() []T { ...; return out }()`.
    pub(super) fn comprehension_value(&mut self, c: &Comprehension, ty: &Type, span: Span) -> G {
        let ty = built_type(c, ty);
        let out = self.fresh_name("out");
        self.reads.insert(out.clone());
        let mut stmts = lower(c, &ty, &out, span);
        stmts.push(Stmt {
            kind: StmtKind::Return(Some(Expr::new(ExprKind::Name(out), ty.clone(), span))),
            span,
        });
        let go_ty = self.go_type(&ty);
        let lines = self.capture_block(&Block::new(stmts), &ty);
        let lit = G::FuncLit {
            header: format!("func() {go_ty}"),
            body: lines,
            one_line: false,
        };
        G::Call {
            func: Box::new(lit),
            args: vec![],
            spread: false,
        }
    }
}

/// Comprehensions inside an expression that can be computed before the statement: not in a
/// branch that might not run (`&&`, `||`, `?:`), a lambda, or another comprehension.
fn hoist_in(e: &mut Expr, out: &mut Vec<(Expr, String)>, fresh: &mut dyn FnMut() -> String) {
    match &mut e.kind {
        ExprKind::Comprehension(_) => {
            let name = fresh();
            let replaced = std::mem::replace(&mut e.kind, ExprKind::Name(name.clone()));
            out.push((Expr::new(replaced, e.ty.clone(), e.span), name));
        }
        ExprKind::Binary { op, lhs, rhs } => {
            hoist_in(lhs, out, fresh);
            if !matches!(op, ferry_ir::BinOp::And | ferry_ir::BinOp::Or) {
                hoist_in(rhs, out, fresh);
            }
        }
        ExprKind::Cond { cond, .. } => hoist_in(cond, out, fresh),
        ExprKind::Unary { operand, .. } => hoist_in(operand, out, fresh),
        ExprKind::Cast { expr, .. } => hoist_in(expr, out, fresh),
        ExprKind::Field { object, .. } => hoist_in(object, out, fresh),
        ExprKind::Index { object, index } => {
            hoist_in(object, out, fresh);
            hoist_in(index, out, fresh);
        }
        ExprKind::MethodCall { receiver, args, .. } => {
            hoist_in(receiver, out, fresh);
            args.iter_mut().for_each(|a| hoist_in(a, out, fresh));
        }
        ExprKind::Call { args, .. }
        | ExprKind::Intrinsic { args, .. }
        | ExprKind::New { args, .. }
        | ExprKind::ListLit(args)
        | ExprKind::SetLit(args)
        | ExprKind::TupleLit(args) => args.iter_mut().for_each(|a| hoist_in(a, out, fresh)),
        _ => {}
    }
}

impl Printer<'_> {
    /// Moves comprehensions out of a statement's expressions into statements before it:
    /// `total := ferrySum(func() []int {...}())` becomes a loop filling `items`, then
    /// `total := ferrySum(items)`.
    pub(super) fn hoist_comprehensions(&mut self, s: &Stmt) -> Option<(Vec<Stmt>, Stmt)> {
        let mut s = s.clone();
        let mut found: Vec<(Expr, String)> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        {
            let reads = self.reads.clone();
            let mut fresh = || {
                let mut n = 1;
                let mut name = "items".to_string();
                while reads.contains(&name) || names.contains(&name) {
                    n += 1;
                    name = format!("items{n}");
                }
                names.push(name.clone());
                name
            };
            match &mut s.kind {
                StmtKind::Expr(e) | StmtKind::Return(Some(e)) => {
                    hoist_in(e, &mut found, &mut fresh)
                }
                StmtKind::Let { init: Some(e), .. }
                    if !matches!(e.kind, ExprKind::Comprehension(_)) =>
                {
                    hoist_in(e, &mut found, &mut fresh)
                }
                StmtKind::Assign { value, .. } => hoist_in(value, &mut found, &mut fresh),
                _ => {}
            }
        }
        if found.is_empty() {
            return None;
        }
        let mut before = Vec::new();
        for (e, name) in found {
            self.reads.insert(name.clone());
            if let ExprKind::Comprehension(c) = &e.kind {
                let ty = built_type(c, &e.ty);
                before.extend(lower(c, &ty, &name, e.span));
            }
        }
        Some((before, s))
    }
}

/// `i++` used as a value: `(name, increment, prefix)` in evaluation order.
type IncDecs = Vec<(String, bool, bool)>;

/// Collects (with `replace` `None`) or replaces (each occurrence by the next name of its
/// queue) the increments used as values, left to right as Java evaluates them.
fn incdec_in(e: &mut Expr, out: &mut IncDecs, replace: &mut Option<&mut Vec<String>>) {
    if let ExprKind::IncDec {
        target,
        prefix,
        increment,
    } = &e.kind
    {
        if let ExprKind::Name(n) = &target.kind {
            out.push((n.clone(), *increment, *prefix));
            if let Some(queue) = replace.as_mut() {
                if !queue.is_empty() {
                    let name = queue.remove(0);
                    *e = Expr::new(ExprKind::Name(name), target.ty.clone(), e.span);
                }
            }
        }
        return;
    }
    match &mut e.kind {
        ExprKind::Binary { op, lhs, rhs } => {
            incdec_in(lhs, out, replace);
            if !matches!(op, ferry_ir::BinOp::And | ferry_ir::BinOp::Or) {
                incdec_in(rhs, out, replace);
            }
        }
        ExprKind::Cond { cond, .. } => incdec_in(cond, out, replace),
        ExprKind::Unary { operand, .. } => incdec_in(operand, out, replace),
        ExprKind::Cast { expr, .. } => incdec_in(expr, out, replace),
        ExprKind::Field { object, .. } => incdec_in(object, out, replace),
        ExprKind::Index { object, index } => {
            incdec_in(object, out, replace);
            incdec_in(index, out, replace);
        }
        ExprKind::MethodCall { receiver, args, .. } => {
            incdec_in(receiver, out, replace);
            args.iter_mut().for_each(|a| incdec_in(a, out, replace));
        }
        ExprKind::Call { args, .. }
        | ExprKind::Intrinsic { args, .. }
        | ExprKind::New { args, .. }
        | ExprKind::ListLit(args)
        | ExprKind::TupleLit(args) => args.iter_mut().for_each(|a| incdec_in(a, out, replace)),
        _ => {}
    }
}

/// How many times a statement mentions a name.
fn mentions(s: &Stmt, name: &str) -> usize {
    use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
    struct Count<'n>(&'n str, usize);
    impl Visitor for Count<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Let { name, .. } = &s.kind {
                if name == self.0 {
                    self.1 += 1;
                }
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            if matches!(&e.kind, ExprKind::Name(n) if n == self.0) {
                self.1 += 1;
            }
            walk_expr(self, e);
        }
    }
    let mut c = Count(name, 0);
    c.visit_stmt(s);
    c.1
}

/// The expressions of a statement that may hold increments used as values.
fn each_expr(s: &mut Stmt, f: &mut dyn FnMut(&mut Expr)) {
    match &mut s.kind {
        StmtKind::Expr(e) if !matches!(e.kind, ExprKind::IncDec { .. }) => f(e),
        StmtKind::Let { init: Some(e), .. } => f(e),
        StmtKind::Assign { target, value, .. } => {
            f(target);
            f(value);
        }
        _ => {}
    }
}

impl Printer<'_> {
    /// A statement whose expressions use `i++`/`++i` as values (Java `a[k++] = b[i++]`,
    /// `j = i++ + ++i`), rewritten with the increments as statements before or after it.
    pub(super) fn hoist_incdec(&mut self, s: &Stmt) -> Option<(Vec<Stmt>, Stmt, Vec<Stmt>)> {
        let mut probe = s.clone();
        let mut found = IncDecs::new();
        each_expr(&mut probe, &mut |e| incdec_in(e, &mut found, &mut None));
        if found.is_empty() {
            return None;
        }
        let span = s.span;
        let (mut before, mut after) = (Vec::new(), Vec::new());
        let mut queue = Vec::new();
        for (i, (name, increment, prefix)) in found.iter().enumerate() {
            let count = found.iter().filter(|(n, ..)| n == name).count();
            if mentions(s, name) != count {
                return None;
            }
            let var = Expr::new(ExprKind::Name(name.clone()), ferry_ir::Type::I64, span);
            let step = Stmt {
                kind: StmtKind::Expr(Expr::new(
                    ExprKind::IncDec {
                        target: Box::new(var.clone()),
                        increment: *increment,
                        prefix: false,
                    },
                    ferry_ir::Type::I64,
                    span,
                )),
                span,
            };
            if count == 1 {
                // The only mention: the name itself, incremented before or after.
                queue.push(name.clone());
                if *prefix {
                    before.push(step);
                } else {
                    after.push(step);
                }
                continue;
            }
            // Several: each occurrence reads its own snapshot, in order.
            let tmp = self.fresh_name(&format!("{name}{}", i + 1));
            self.reads.insert(tmp.clone());
            let snapshot = Stmt {
                kind: StmtKind::Let {
                    name: tmp.clone(),
                    ty: ferry_ir::Type::I64,
                    init: Some(var),
                },
                span,
            };
            if *prefix {
                before.push(step);
                before.push(snapshot);
            } else {
                before.push(snapshot);
                before.push(step);
            }
            queue.push(tmp);
        }
        let mut rewritten = s.clone();
        let mut sink = IncDecs::new();
        each_expr(&mut rewritten, &mut |e| {
            incdec_in(e, &mut sink, &mut Some(&mut queue))
        });
        Some((before, rewritten, after))
    }
}
