//! `Optional<T>` as `Type::Optional(T)`, whose absent value is `null`: `Optional.of(x)` is `x`,
//! `Optional.empty()` is `null`, `o.isPresent()` is `o != null`, `o.get()` is `o` and
//! `o.orElse(d)` is `o == null ? d : o`. Backends spell the absent value (`None`, `nil`) and
//! read a present one (Go dereferences its pointer).

use ferry_ir::{BinOp, EqKind, Expr, ExprKind, Literal, Type};
use tree_sitter::Node;

use super::{span, Lowerer};

fn null(node: Node<'_>) -> Expr {
    Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, span(node))
}

/// `o == null` (or `!=`) on an optional value.
fn absent(o: Expr, is: bool, node: Node<'_>) -> Expr {
    let op = if is {
        BinOp::Eq(EqKind::Reference)
    } else {
        BinOp::Ne(EqKind::Reference)
    };
    Expr::new(
        ExprKind::Binary {
            op,
            lhs: Box::new(o),
            rhs: Box::new(null(node)),
        },
        Type::Bool,
        span(node),
    )
}

/// A value that reading twice does not compute twice.
fn is_plain_value(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::This => true,
        ExprKind::Field { object, .. } => is_plain_value(object),
        _ => false,
    }
}

impl Lowerer<'_> {
    /// `Optional.of(x)`, `Optional.ofNullable(x)`, `Optional.empty()`.
    pub(super) fn optional_static(
        &mut self,
        node: Node<'_>,
        name: &str,
        args: &[Node<'_>],
    ) -> Option<Expr> {
        match (name, args) {
            ("empty", []) => Some(null(node)),
            ("of" | "ofNullable", [x]) => Some(self.expr(*x)),
            _ => None,
        }
    }

    /// A method of an optional value `o`.
    pub(super) fn optional_method(
        &mut self,
        node: Node<'_>,
        o: Expr,
        name: &str,
        args: &[Node<'_>],
    ) -> Expr {
        let inner = match &o.ty {
            Type::Optional(t) => (**t).clone(),
            _ => Type::Unknown,
        };
        match (name, args) {
            ("isPresent", []) => absent(o, false, node),
            ("isEmpty", []) => absent(o, true, node),
            ("get" | "orElseThrow" | "getAsInt" | "getAsDouble" | "getAsLong", []) => o,
            ("orElse", [d]) if is_plain_value(&o) => {
                let d = self.expr_expect(*d, &inner);
                let test = absent(o.clone(), true, node);
                Expr::new(
                    ExprKind::Cond {
                        cond: Box::new(test),
                        then: Box::new(d),
                        else_: Box::new(o),
                    },
                    inner,
                    span(node),
                )
            }
            ("orElse", [_]) => self.unsupported_call(node, "orElse of a computed optional"),
            _ => self.unsupported_call(node, &format!("Optional.{name}")),
        }
    }
}
