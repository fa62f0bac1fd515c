//! `isinstance(x, T)`: on a value of a static type the test is a constant; on a dynamically typed
//! value (`Any`: a parameter an interface declares `Object` or `interface{}`, an element of a list
//! of mixed values) it is `IsKind`, and the reads of a tested variable are narrowed to the tested
//! type where the test holds: in the `then` branch of an `if` whose condition is a conjunction of
//! tests, in the `else` branch of a negated test, after an `if` on a negated test whose branch
//! always leaves, in the other operand of `and`/`or`, the branches of `a if test else b` and the
//! rest of a comprehension after an `if` clause; each time up to an assignment of the variable.
//!
//! Python's `bool` is an `int`: `isinstance(x, int)` is `IsKind(Int) or IsKind(Bool)`, and a
//! variable narrowed to `int` is read as an int only as an operand of arithmetic or comparison,
//! where `True` is 1 (`x instanceof Boolean ? ((Boolean) x ? 1 : 0) : (int) x`).
//!
//! `int(x)` and `float(x)` of a dynamically typed `x` become `NumberOfAny`: Python converts (and
//! parses strings) where a cast of an `Object` or `interface{}` would only unwrap.

use ferry_ir::intrinsics::ValueKind;
use ferry_ir::{
    BinOp, Block, ComprehensionClause, EqKind, Expr, ExprKind, Intrinsic, Item, Literal, Module,
    Stmt, StmtKind, Type, UnaryOp,
};
use tree_sitter::Node;

use super::rebind::stmt_exprs_mut;
use super::writeback::children_mut;
use super::{mk, node_kind, Lowerer};
use crate::common::{named_children, span};

impl Lowerer<'_> {
    /// `isinstance(x, int)`, `isinstance(x, (int, float))`: one `IsKind` test per kind, or'ed.
    pub(super) fn isinstance(&mut self, x: Expr, types: Node<'_>, node: Node<'_>) -> Expr {
        let names = if node_kind(types) == "tuple" {
            named_children(types)
        } else {
            vec![types]
        };
        let mut kinds = Vec::new();
        for t in names {
            let more: &[ValueKind] = match self.text(t) {
                "int" => &[ValueKind::Int, ValueKind::Bool],
                "float" => &[ValueKind::Float],
                "str" => &[ValueKind::Str],
                "bool" => &[ValueKind::Bool],
                _ => return self.unsupported_expr(node, "isinstance of this type"),
            };
            for k in more {
                if !kinds.contains(k) {
                    kinds.push(*k);
                }
            }
        }
        if kinds.len() > 1 && !matches!(x.kind, ExprKind::Name(_) | ExprKind::Lit(_)) {
            return self.unsupported_expr(node, "isinstance of a computed value");
        }
        let sp = span(node);
        let test = |k: ValueKind| {
            mk(
                ExprKind::Intrinsic {
                    op: Intrinsic::IsKind(k),
                    args: vec![x.clone()],
                },
                Type::Bool,
                sp,
            )
        };
        let mut tests = kinds.into_iter().map(test);
        let first = tests
            .next()
            .unwrap_or_else(|| mk(ExprKind::Lit(Literal::Bool(false)), Type::Bool, sp));
        tests.fold(first, |acc, t| binary(BinOp::Or, acc, t))
    }
}

fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    let sp = lhs.span;
    mk(
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        Type::Bool,
        sp,
    )
}

/// Folds the tests of statically typed values and narrows the tested variables of `Any` type;
/// `int(x)` and `float(x)` of a dynamically typed `x` become conversions.
pub(super) fn narrow(module: &mut Module) {
    for item in &mut module.items {
        let functions: Vec<&mut ferry_ir::Function> = match item {
            Item::Function(f) => vec![f],
            Item::Class(c) => c
                .constructors
                .iter_mut()
                .chain(c.methods.iter_mut())
                .collect(),
            _ => Vec::new(),
        };
        for f in functions {
            if let Some(b) = &mut f.body {
                conversions(b);
                block(b);
            }
        }
    }
}

/// Folds and narrows a block; a narrowing after an `if` covers the statements that follow it.
fn block(b: &mut Block) {
    for i in 0..b.stmts.len() {
        let Some((s, rest)) = b.stmts.get_mut(i..).and_then(|t| t.split_first_mut()) else {
            break;
        };
        each_expr(s, &mut |e| {
            fold(e);
            narrow_operands(e);
        });
        if let StmtKind::If { cond, then, else_ } = &mut s.kind {
            for (var, kinds) in tests(cond, true) {
                narrow_stmts(&mut then.stmts, &var, &kinds);
            }
            let negated = tests(cond, false);
            if let Some(e) = else_ {
                for (var, kinds) in &negated {
                    narrow_stmts(&mut e.stmts, var, kinds);
                }
            } else if leaves(then) {
                for (var, kinds) in &negated {
                    narrow_stmts(rest, var, kinds);
                }
            }
        }
        for inner in blocks_of(s) {
            block(inner);
        }
    }
}

/// `int(x)` and `float(x)` of a dynamically typed `x` convert as Python does (`NumberOfAny`),
/// where a cast of an `Object` or `interface{}` would only unwrap. Runs before narrowing adds
/// casts of its own.
fn conversions(b: &mut Block) {
    for s in &mut b.stmts {
        each_expr(s, &mut convert);
        for inner in blocks_of(s) {
            conversions(inner);
        }
    }
}

fn convert(e: &mut Expr) {
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    for k in kids {
        convert(k);
    }
    if let ExprKind::Cast { expr, to } = &mut e.kind {
        if expr.ty == Type::Any && matches!(to, Type::Int(_) | Type::Float) {
            let float = *to == Type::Float;
            let x = std::mem::replace(
                &mut **expr,
                mk(ExprKind::Lit(Literal::Null), Type::Any, e.span),
            );
            e.kind = ExprKind::Intrinsic {
                op: Intrinsic::NumberOfAny { float },
                args: vec![x],
            };
        }
    }
}

/// The blocks nested directly in a statement.
fn blocks_of(s: &mut Stmt) -> Vec<&mut Block> {
    match &mut s.kind {
        StmtKind::If { then, else_, .. } => {
            let mut out = vec![then];
            out.extend(else_.as_mut());
            out
        }
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::For { body, .. }
        | StmtKind::ForRange { body, .. }
        | StmtKind::ForEach { body, .. } => vec![body],
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            let mut out = vec![body];
            out.extend(catches.iter_mut().map(|c| &mut c.body));
            out.extend(finally.as_mut());
            out
        }
        StmtKind::Switch { cases, default, .. } => {
            let mut out: Vec<&mut Block> = cases.iter_mut().map(|c| &mut c.body).collect();
            out.extend(default.as_mut());
            out
        }
        StmtKind::Block(b) => vec![b],
        _ => Vec::new(),
    }
}

/// Calls `f` on the expressions of a statement itself (not of nested blocks).
fn each_expr(s: &mut Stmt, f: &mut impl FnMut(&mut Expr)) {
    stmt_exprs_mut(&mut s.kind).into_iter().for_each(f);
}

/// The kind a value of a static type has, where it is one `IsKind` tells apart.
fn static_kind(ty: &Type) -> Option<ValueKind> {
    match ty {
        Type::Char => Some(ValueKind::Str),
        t => ValueKind::of(t),
    }
}

/// Whether reading `e` again has no effect and gives the same value.
fn is_plain(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Lit(_) | ExprKind::This => true,
        ExprKind::Field { object, .. } => is_plain(object),
        _ => false,
    }
}

/// Tests of statically typed values become constants; `and`, `or`, `not` and `== False` of
/// constants fold. Bottom-up.
fn fold(e: &mut Expr) {
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    for k in kids {
        fold(k);
    }
    let lit = |e: &Expr| match e.kind {
        ExprKind::Lit(Literal::Bool(b)) => Some(b),
        _ => None,
    };
    if let ExprKind::Intrinsic {
        op: Intrinsic::IsKind(kind),
        args,
    } = &mut e.kind
    {
        if let [x] = args.as_mut_slice() {
            if let (Type::Optional(inner), true) = (&x.ty, is_plain(x)) {
                // A value of its type unless it is `None`.
                if static_kind(inner) == Some(*kind) {
                    let x = std::mem::replace(
                        x,
                        mk(ExprKind::Lit(Literal::Null), Type::Unknown, e.span),
                    );
                    let none = mk(ExprKind::Lit(Literal::Null), Type::Unknown, e.span);
                    *e = binary(BinOp::Ne(EqKind::Reference), x, none);
                    return;
                }
            }
        }
    }
    // `x or False`, `x and True` of a bool `x`: `x`.
    if let ExprKind::Binary { op, lhs, rhs } = &mut e.kind {
        let unit = match op {
            BinOp::Or => Some(false),
            BinOp::And => Some(true),
            _ => None,
        };
        if unit.is_some() && lit(rhs) == unit && lhs.ty == Type::Bool {
            *e = std::mem::replace(lhs, mk(ExprKind::Lit(Literal::Null), Type::Unknown, e.span));
            return;
        }
        if unit.is_some() && lit(lhs) == unit && rhs.ty == Type::Bool {
            *e = std::mem::replace(rhs, mk(ExprKind::Lit(Literal::Null), Type::Unknown, e.span));
            return;
        }
    }
    let value = match &e.kind {
        ExprKind::Intrinsic {
            op: Intrinsic::IsKind(kind),
            args,
        } => match args.as_slice() {
            [x] if x.ty.is_known() && x.ty != Type::Any && is_plain(x) => {
                Some(static_kind(&x.ty) == Some(*kind))
            }
            _ => None,
        },
        ExprKind::Binary { op, lhs, rhs } => match (op, lit(lhs), lit(rhs)) {
            (BinOp::And, Some(a), Some(b)) => Some(a && b),
            (BinOp::Or, Some(a), Some(b)) => Some(a || b),
            (BinOp::Eq(_), Some(a), Some(b)) => Some(a == b),
            (BinOp::Ne(_), Some(a), Some(b)) => Some(a != b),
            _ => None,
        },
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => lit(operand).map(|b| !b),
        _ => None,
    };
    if let Some(b) = value {
        e.kind = ExprKind::Lit(Literal::Bool(b));
        e.ty = Type::Bool;
    }
}

/// Narrows within an expression: the right operand of `and` where the left one holds, of `or`
/// where it does not, and the branches of a conditional expression.
fn narrow_operands(e: &mut Expr) {
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    for k in kids {
        narrow_operands(k);
    }
    let apply = |facts: Vec<(String, Vec<ValueKind>)>, target: &mut Expr| {
        for (var, kinds) in facts {
            if let Some(to) = narrowing(&kinds) {
                narrow_expr(target, &var, to);
            }
        }
    };
    match &mut e.kind {
        ExprKind::Binary {
            op: BinOp::And,
            lhs,
            rhs,
        } => apply(tests(lhs, true), rhs),
        ExprKind::Binary {
            op: BinOp::Or,
            lhs,
            rhs,
        } => apply(tests(lhs, false), rhs),
        ExprKind::Cond { cond, then, else_ } => {
            apply(tests(cond, true), then);
            apply(tests(cond, false), else_);
        }
        ExprKind::Comprehension(c) => {
            // `[x for x in xs if isinstance(x, str)]`: the element and the clauses after the test.
            for i in 0..c.clauses.len() {
                let Some((ComprehensionClause::If(cond), later)) =
                    c.clauses.get_mut(i..).and_then(|t| t.split_first_mut())
                else {
                    continue;
                };
                for (var, kinds) in tests(cond, true) {
                    let Some(to) = narrowing(&kinds) else {
                        continue;
                    };
                    let mut targets: Vec<&mut Expr> = later
                        .iter_mut()
                        .map(|clause| match clause {
                            ComprehensionClause::For { iter, .. } => iter,
                            ComprehensionClause::If(x) => x,
                        })
                        .collect();
                    targets.push(&mut c.element);
                    targets.extend(c.value.as_mut());
                    for t in targets {
                        narrow_expr(t, &var, to);
                    }
                }
            }
        }
        _ => {}
    }
    retype(e);
}

/// A conditional expression whose branches now agree has their type, and a list comprehension
/// the type of its element.
fn retype(e: &mut Expr) {
    if e.ty != Type::Any && e.ty != Type::list(Type::Any) {
        return;
    }
    match &e.kind {
        ExprKind::Cond { then, else_, .. } if then.ty == else_.ty && then.ty.is_known() => {
            e.ty = then.ty.clone();
        }
        ExprKind::Comprehension(c)
            if c.kind == ferry_ir::ComprehensionKind::List
                && c.element.ty.is_known()
                && c.element.ty != Type::Any =>
        {
            e.ty = Type::list(c.element.ty.clone());
        }
        _ => {}
    }
}

/// The variables a condition tests, with the kinds: where it holds (`positive`) or where it
/// does not.
fn tests(cond: &Expr, positive: bool) -> Vec<(String, Vec<ValueKind>)> {
    match &cond.kind {
        ExprKind::Binary {
            op: BinOp::And,
            lhs,
            rhs,
        } if positive => {
            let mut out = tests(lhs, true);
            out.extend(tests(rhs, true));
            out
        }
        ExprKind::Binary {
            op: BinOp::Or,
            lhs,
            rhs,
        } if !positive => {
            let mut out = tests(lhs, false);
            out.extend(tests(rhs, false));
            out
        }
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand,
        } => tests(operand, !positive),
        ExprKind::Binary {
            op: op @ (BinOp::Eq(_) | BinOp::Ne(_)),
            lhs,
            rhs,
        } => match rhs.kind {
            ExprKind::Lit(Literal::Bool(b)) => {
                let holds = b == matches!(op, BinOp::Eq(_));
                tests(lhs, positive == holds)
            }
            _ => Vec::new(),
        },
        _ if positive => kind_test(cond).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `IsKind(k)(v)`, or an `or` of such tests on the same variable (`isinstance(v, int)`).
fn kind_test(e: &Expr) -> Option<(String, Vec<ValueKind>)> {
    match &e.kind {
        ExprKind::Intrinsic {
            op: Intrinsic::IsKind(k),
            args,
        } => match args.as_slice() {
            [Expr {
                kind: ExprKind::Name(v),
                ty: Type::Any,
                ..
            }] => Some((v.clone(), vec![*k])),
            _ => None,
        },
        ExprKind::Binary {
            op: BinOp::Or,
            lhs,
            rhs,
        } => {
            let (a, mut ka) = kind_test(lhs)?;
            let (b, kb) = kind_test(rhs)?;
            (a == b).then(|| {
                ka.extend(kb);
                (a, ka)
            })
        }
        _ => None,
    }
}

/// Whether a block always leaves (its last statement returns, throws, breaks or continues).
fn leaves(b: &Block) -> bool {
    matches!(
        b.stmts.last().map(|s| &s.kind),
        Some(
            StmtKind::Return(_)
                | StmtKind::Throw { .. }
                | StmtKind::Break(_)
                | StmtKind::Continue(_)
        )
    )
}

/// Narrows the reads of `var` in `stmts` to the type the kinds stand for, up to the statement
/// that assigns it (`s = s.strip()` still reads the narrowed value).
fn narrow_stmts(stmts: &mut [Stmt], var: &str, kinds: &[ValueKind]) {
    let Some(to) = narrowing(kinds) else {
        return;
    };
    for s in stmts {
        if let StmtKind::Assign {
            target,
            op: None,
            value,
        } = &mut s.kind
        {
            if matches!(&target.kind, ExprKind::Name(n) if n == var) {
                narrow_expr(value, var, to);
                return;
            }
        }
        if assigns(std::slice::from_ref(s), var) {
            return;
        }
        narrow_stmt(s, var, to);
    }
}

/// How reads of a variable that passed a test of these kinds are narrowed.
fn narrowing(kinds: &[ValueKind]) -> Option<Narrow> {
    match kinds {
        [ValueKind::Int, ValueKind::Bool] | [ValueKind::Bool, ValueKind::Int] => {
            Some(Narrow::PyInt)
        }
        [k] => Some(Narrow::Exact(*k)),
        _ => None,
    }
}

/// What a narrowed read becomes.
#[derive(Clone, Copy)]
enum Narrow {
    /// A value of exactly this kind: every read is cast.
    Exact(ValueKind),
    /// An int or a bool: reads in arithmetic and comparisons are ints.
    PyInt,
}

fn narrow_stmt(s: &mut Stmt, var: &str, to: Narrow) {
    if let (
        Narrow::PyInt,
        StmtKind::Assign {
            op: Some(op),
            value,
            ..
        },
    ) = (to, &mut s.kind)
    {
        // `total += x`: an operand of arithmetic.
        if is_arithmetic(*op) && is_var(value, var) {
            *value = int_of(value.clone());
        }
    }
    each_expr(s, &mut |e| narrow_expr(e, var, to));
    for b in blocks_of(s) {
        for s in &mut b.stmts {
            narrow_stmt(s, var, to);
        }
    }
}

fn is_var(e: &Expr, var: &str) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == var) && e.ty == Type::Any
}

fn narrow_expr(e: &mut Expr, var: &str, to: Narrow) {
    match to {
        Narrow::Exact(kind) if is_var(e, var) => {
            *e = cast(e.clone(), kind_type(kind));
            return;
        }
        Narrow::PyInt => {
            if let ExprKind::Binary { op, lhs, rhs } = &mut e.kind {
                if is_numeric_op(*op) {
                    for side in [&mut **lhs, &mut **rhs] {
                        if is_var(side, var) {
                            *side = int_of(side.clone());
                        }
                    }
                }
            }
        }
        Narrow::Exact(_) => {}
    }
    let mut kids = Vec::new();
    children_mut(e, &mut kids);
    for k in kids {
        narrow_expr(k, var, to);
    }
    // Arithmetic on narrowed operands has their type now.
    if let ExprKind::Binary { op, lhs, rhs } = &e.kind {
        if is_arithmetic(*op) && !e.ty.is_known() {
            e.ty = super::unify::numeric(&lhs.ty, &rhs.ty);
        }
    }
}

fn is_arithmetic(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div(_) | BinOp::Rem(_) | BinOp::Pow
    )
}

fn is_numeric_op(op: BinOp) -> bool {
    is_arithmetic(op)
        || matches!(
            op,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq(_) | BinOp::Ne(_)
        )
}

fn kind_type(kind: ValueKind) -> Type {
    match kind {
        ValueKind::Int => Type::BIG,
        ValueKind::Float => Type::Float,
        ValueKind::Str => Type::Str,
        ValueKind::Bool => Type::Bool,
    }
}

fn cast(e: Expr, to: Type) -> Expr {
    let sp = e.span;
    mk(
        ExprKind::Cast {
            expr: Box::new(e),
            to: to.clone(),
        },
        to,
        sp,
    )
}

/// An int-or-bool as an int: `x instanceof Boolean ? ((Boolean) x ? 1 : 0) : (int) x`.
fn int_of(x: Expr) -> Expr {
    let sp = x.span;
    let is_bool = mk(
        ExprKind::Intrinsic {
            op: Intrinsic::IsKind(ValueKind::Bool),
            args: vec![x.clone()],
        },
        Type::Bool,
        sp,
    );
    mk(
        ExprKind::Cond {
            cond: Box::new(is_bool),
            then: Box::new(cast(cast(x.clone(), Type::Bool), Type::BIG)),
            else_: Box::new(cast(x, Type::BIG)),
        },
        Type::BIG,
        sp,
    )
}

/// Whether statements assign `var` anywhere.
fn assigns(stmts: &[Stmt], var: &str) -> bool {
    struct A<'a>(&'a str, bool);
    impl ferry_ir::visit::Visitor for A<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            let target = |t: &Expr| matches!(&t.kind, ExprKind::Name(n) if n == self.0);
            match &s.kind {
                StmtKind::Assign { target: t, .. } if target(t) => self.1 = true,
                StmtKind::AssignTuple { targets, .. } if targets.iter().any(target) => {
                    self.1 = true
                }
                StmtKind::Let { name, .. } if name == self.0 => self.1 = true,
                StmtKind::ForEach { vars, .. } if vars.iter().any(|v| v.name == self.0) => {
                    self.1 = true
                }
                _ => {}
            }
            ferry_ir::visit::walk_stmt(self, s);
        }
    }
    let mut a = A(var, false);
    for s in stmts {
        ferry_ir::visit::Visitor::visit_stmt(&mut a, s);
    }
    a.1
}
