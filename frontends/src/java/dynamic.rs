//! Dynamic type tests on `Object` values: `x instanceof Integer` is `IsKind(Int)` of `x`, and a
//! pattern `x instanceof Integer n` binds `n` to `x` cast to the tested type wherever the
//! binding is in scope (Java's flow scoping makes it read only where the test passed).

use ferry_ir::intrinsics::ValueKind;
use ferry_ir::{Expr, ExprKind, Intrinsic, Type};
use tree_sitter::Node;

use super::expr::with_ty;
use super::{span, Lowerer};

/// A value that reading again does not compute again.
fn is_plain(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::This => true,
        ExprKind::Field { object, .. } => is_plain(object),
        _ => false,
    }
}

impl Lowerer<'_> {
    /// `x instanceof T` and `x instanceof T name`.
    pub(super) fn instance_test(&mut self, node: Node<'_>) -> Expr {
        let (Some(left), Some(right)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return self.unsupported_call(node, "instanceof with a record pattern");
        };
        let x = self.expr(left);
        let ty = self.lower_type(right);
        let Some(kind) = ValueKind::of(&ty).filter(|_| x.ty == Type::Any) else {
            return self.unsupported_call(node, "instanceof of this type");
        };
        if let Some(name) = node.child_by_field_name("name") {
            if !is_plain(&x) {
                return self.unsupported_call(node, "instanceof pattern of a computed value");
            }
            let sp = span(name);
            let bound = Expr::new(
                ExprKind::Cast {
                    expr: Box::new(x.clone()),
                    to: ty.clone(),
                },
                ty,
                sp,
            );
            let name = self.text(name).to_string();
            self.aliases.insert(name, bound);
        }
        with_ty(Intrinsic::IsKind(kind), vec![x], Type::Bool, node)
    }
}
