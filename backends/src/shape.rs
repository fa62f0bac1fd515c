//! Loop shapes that backends print in a target's own range form: the C-style `for` that counts a
//! local from a start to a bound by a constant step. Language-neutral; each backend adds the
//! conditions its range form needs (the bound's invariance, a zero start) and does the printing.

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{BinOp, Block, Expr, ExprKind, Literal, Stmt, StmtKind};

/// `for (int i = start; i < end; i++)`, also with `<=`, `>`, `>=`, `i--`, `i += k` or `i -= k`
/// (constant `k > 0`), where the step goes the way the comparison does and the body never assigns
/// `i`. Whether `end` can change in the body is left to the caller.
pub(crate) struct CountingLoop<'a> {
    /// The counter, as written in the source.
    pub(crate) var: &'a str,
    pub(crate) start: &'a Expr,
    pub(crate) end: &'a Expr,
    /// The comparison is `<=` or `>=`: `end` itself is counted.
    pub(crate) inclusive: bool,
    /// Never zero; positive when counting up.
    pub(crate) step: i128,
    /// The update is `i++`/`i--` rather than `i += k`/`i -= k`.
    pub(crate) inc_dec: bool,
}

/// Recognises a [`CountingLoop`] in a C-style `for`'s parts.
pub(crate) fn counting_loop<'a>(
    init: &'a [Stmt],
    cond: Option<&'a Expr>,
    update: &'a [Stmt],
    body: &Block,
) -> Option<CountingLoop<'a>> {
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
    if !is_name(lhs, name) {
        return None;
    }
    let [upd] = update else { return None };
    let (step, inc_dec): (i128, bool) = match &upd.kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::IncDec {
                target, increment, ..
            },
            ..
        }) if is_name(target, name) => (if *increment { 1 } else { -1 }, true),
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
            (if *o == BinOp::Add { k } else { -k }, false)
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
    if up != (step > 0) || assigns(body, name) {
        return None;
    }
    Some(CountingLoop {
        var: name,
        start,
        end,
        inclusive,
        step,
        inc_dec,
    })
}

/// Whether `body` gives the local `name` a new value: an assignment (also compound or in a
/// tuple), a `++`/`--`, or a declaration that shadows it.
pub(crate) fn assigns(body: &Block, name: &str) -> bool {
    struct F<'a>(&'a str, bool);
    impl Visitor for F<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Assign { target, .. } if is_name(target, self.0) => self.1 = true,
                StmtKind::AssignTuple { targets, .. }
                    if targets.iter().any(|t| is_name(t, self.0)) =>
                {
                    self.1 = true;
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

fn is_name(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Name(n) if n == name)
}
