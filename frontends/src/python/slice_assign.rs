//! Assignment to an extended slice, `xs[a:b:k] = values` with a constant step `k` other than 1:
//! Python writes the values one by one into the positions the slice selects and raises
//! `ValueError` when their numbers differ. It lowers to that loop over the selected positions:
//!
//! ```text
//! values = <value>; positions = range(len(xs))[a:b:k]
//! if len(positions) != len(values): raise ValueError(...)
//! for i in range(len(positions)): xs[positions[i]] = values[i]
//! ```
//!
//! A slice without a step (or with step 1) may grow or shrink the list: that, and a list given by
//! an expression with calls (it would be evaluated more than once), stay unsupported.

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{
    BinOp, Binding, Block, EqKind, ExceptionKind, Expr, ExprKind, Intrinsic, Literal, Stmt,
    StmtKind, Type, UnaryOp,
};
use tree_sitter::Node;

use super::stmt::contains_call;
use super::{mk, Lowerer};
use crate::common::span;

impl Lowerer<'_> {
    /// Lowers `target = right` where `target` is a subscript with a slice.
    pub(super) fn slice_assignment(
        &mut self,
        a: Node<'_>,
        target: Node<'_>,
        right: Node<'_>,
        out: &mut Vec<Stmt>,
    ) {
        let sp = span(a);
        let list_node = target.child_by_field_name("value");
        if list_node.is_none_or(contains_call) {
            out.push(self.unsupported_stmt(a, "slice assignment to a computed list"));
            return;
        }
        let value = self.expr(right);
        self.lvalue = true;
        let lowered = self.expr(target);
        self.lvalue = false;
        let ExprKind::Slice {
            object,
            start,
            end,
            step,
        } = lowered.kind
        else {
            out.push(self.unsupported_stmt(a, "slice assignment"));
            return;
        };
        if !step.as_deref().is_some_and(is_constant_step) {
            out.push(self.unsupported_stmt(a, "slice assignment without a step"));
            return;
        }
        let int = |v: i128| mk(ExprKind::Lit(Literal::Int(v)), Type::BIG, sp);
        let name = |n: &str| mk(ExprKind::Name(n.to_string()), Type::Unknown, sp);
        let len = |this: &Self, e: Expr| {
            this.intr(Intrinsic::Len(StrUnit::CodePoint), vec![e], Type::BIG, sp)
        };
        let at = |kind| Stmt { kind, span: sp };
        let values = self.fresh_name("slice_values");
        let positions = self.fresh_name("slice_positions");
        let i = self.fresh_name("slot");
        let all = self.intr(
            Intrinsic::Range,
            vec![int(0), len(self, (*object).clone()), int(1)],
            Type::list(Type::BIG),
            sp,
        );
        let selected = mk(
            ExprKind::Slice {
                object: Box::new(all),
                start,
                end,
                step,
            },
            Type::list(Type::BIG),
            sp,
        );
        out.push(at(StmtKind::Let {
            name: values.clone(),
            ty: Type::Unknown,
            init: Some(value),
        }));
        out.push(at(StmtKind::Let {
            name: positions.clone(),
            ty: Type::list(Type::BIG),
            init: Some(selected),
        }));
        let differ = mk(
            ExprKind::Binary {
                op: BinOp::Ne(EqKind::Value),
                lhs: Box::new(len(self, name(&positions))),
                rhs: Box::new(len(self, name(&values))),
            },
            Type::Bool,
            sp,
        );
        let message = mk(
            ExprKind::Lit(Literal::Str(
                "attempt to assign a sequence to an extended slice of another size".into(),
            )),
            Type::Str,
            sp,
        );
        out.push(at(StmtKind::If {
            cond: differ,
            then: Block::new(vec![at(StmtKind::Throw {
                kind: ExceptionKind::InvalidArgument,
                message: Some(message),
            })]),
            else_: None,
        }));
        let index = |of: &str| {
            mk(
                ExprKind::Index {
                    object: Box::new(name(of)),
                    index: Box::new(name(&i)),
                },
                Type::Unknown,
                sp,
            )
        };
        let slot = mk(
            ExprKind::Index {
                object: object.clone(),
                index: Box::new(index(&positions)),
            },
            Type::Unknown,
            sp,
        );
        let body = Block::new(vec![at(StmtKind::Assign {
            target: slot,
            op: None,
            value: index(&values),
        })]);
        let end = len(self, name(&positions));
        out.push(at(StmtKind::ForRange {
            label: None,
            var: Binding {
                name: i,
                ty: Type::BIG,
            },
            start: int(0),
            end,
            step: None,
            body,
        }));
    }
}

/// A literal step other than 0 and 1 (`2`, `-1`).
fn is_constant_step(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Literal::Int(k)) => *k != 0 && *k != 1,
        ExprKind::Unary {
            op: UnaryOp::Neg,
            operand,
        } => matches!(operand.kind, ExprKind::Lit(Literal::Int(k)) if k != 0),
        _ => false,
    }
}
