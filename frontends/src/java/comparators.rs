//! Comparators: sorting with a lambda, an anonymous `Comparator` class, the natural or reverse
//! order or `Comparator.comparing(key)`, and the three-way comparison of numbers.

use ferry_ir::{BinOp, Expr, ExprKind, Intrinsic, Literal, Type};
use tree_sitter::Node;

use super::calls::args_of;
use super::expr::intrinsic;
use super::{span, Lowerer};
use crate::common::named_children;

impl Lowerer<'_> {
    /// `sort(list, cmp)` with a lambda comparator, an anonymous `Comparator` class, the natural
    /// or reverse order, or `Comparator.comparing(key)` with a lambda or method reference key.
    pub(super) fn sort_with(&mut self, node: Node<'_>, list: Expr, cmp: Node<'_>) -> Expr {
        let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
        if super::functional::is_natural_order(self, cmp) {
            return intrinsic(Intrinsic::Sort, vec![list], node);
        }
        let cmp_text: String = self.text(cmp).split_whitespace().collect();
        if matches!(
            cmp_text.as_str(),
            "Collections.reverseOrder()" | "Comparator.reverseOrder()"
        ) {
            if let Some(key) = self.key_lambda(cmp, &elem, |_, x| Some(x)) {
                let rev = Expr::new(ExprKind::Lit(Literal::Bool(true)), Type::Bool, span(cmp));
                return intrinsic(Intrinsic::SortByKey, vec![list, key, rev], node);
            }
        }
        if cmp.kind() == "lambda_expression" {
            let l = self.lambda(cmp, &[elem.clone(), elem]);
            return intrinsic(Intrinsic::SortWithComparator, vec![list, l], node);
        }
        if let Some(l) = self.comparator_class(cmp) {
            return intrinsic(Intrinsic::SortWithComparator, vec![list, l], node);
        }
        // Comparator.comparing(key) [.reversed()]
        let (inner, reverse) = match (
            cmp.kind(),
            cmp.child_by_field_name("name").map(|n| self.text(n)),
        ) {
            ("method_invocation", Some("reversed")) => match cmp.child_by_field_name("object") {
                Some(o) => (o, true),
                None => (cmp, false),
            },
            _ => (cmp, false),
        };
        let is_comparing = inner.kind() == "method_invocation"
            && inner
                .child_by_field_name("object")
                .is_some_and(|o| self.text(o) == "Comparator")
            && inner.child_by_field_name("name").is_some_and(|n| {
                matches!(
                    self.text(n),
                    "comparing" | "comparingInt" | "comparingDouble" | "comparingLong"
                )
            });
        let key = match args_of(inner).as_slice() {
            [k] if is_comparing && k.kind() == "lambda_expression" => {
                Some(self.lambda(*k, &[elem]))
            }
            [k] if is_comparing && k.kind() == "method_reference" => {
                self.key_lambda(*k, &elem, |l, x| l.apply(*k, vec![x]))
            }
            _ => None,
        };
        match key {
            Some(key) => {
                let rev = Expr::new(ExprKind::Lit(Literal::Bool(reverse)), Type::Bool, span(cmp));
                intrinsic(Intrinsic::SortByKey, vec![list, key, rev], node)
            }
            None => self.unsupported_call(node, "sort with this comparator"),
        }
    }

    /// `x -> body(x)` over elements of type `elem`, with `body` building the key from `x`.
    fn key_lambda(
        &mut self,
        node: Node<'_>,
        elem: &Type,
        body: impl FnOnce(&mut Self, Expr) -> Option<Expr>,
    ) -> Option<Expr> {
        let sp = span(node);
        let name = "x".to_string();
        let x = Expr::new(ExprKind::Name(name.clone()), elem.clone(), sp);
        let key = body(self, x)?;
        let ty = Type::Func(vec![elem.clone()], Box::new(key.ty.clone()));
        let param = ferry_ir::Param {
            name,
            ty: elem.clone(),
            variadic: false,
            default: None,
            span: sp,
        };
        Some(Expr::new(
            ExprKind::Lambda {
                params: vec![param],
                body: ferry_ir::LambdaBody::Expr(Box::new(key)),
            },
            ty,
            sp,
        ))
    }

    /// `new Comparator<T>() { public int compare(T a, T b) {..} }` as a lambda `(a, b) -> {..}`.
    fn comparator_class(&mut self, node: Node<'_>) -> Option<Expr> {
        if node.kind() != "object_creation_expression" {
            return None;
        }
        let tnode = node.child_by_field_name("type")?;
        if !self.text(tnode).starts_with("Comparator") {
            return None;
        }
        let body = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "class_body")?;
        let methods: Vec<Node<'_>> = named_children(body)
            .into_iter()
            .filter(|m| m.kind() == "method_declaration")
            .collect();
        let [m] = methods.as_slice() else {
            return None;
        };
        let f = self.method(*m, None);
        if f.name != "compare" || f.params.len() != 2 {
            return None;
        }
        let ty = Type::Func(
            f.params.iter().map(|p| p.ty.clone()).collect(),
            Box::new(Type::I32),
        );
        Some(Expr::new(
            ExprKind::Lambda {
                params: f.params,
                body: ferry_ir::LambdaBody::Block(f.body.unwrap_or_default()),
            },
            ty,
            span(node),
        ))
    }
}

/// `Integer.compare(a, b)`, `a.compareTo(b)` on numbers: -1, 0 or 1.
pub(super) fn compare_numbers(a: Expr, b: Expr) -> Expr {
    let sp = a.span;
    let bin = |op: BinOp, a: Expr, b: Expr| {
        Expr::new(
            ExprKind::Binary {
                op,
                lhs: Box::new(a),
                rhs: Box::new(b),
            },
            Type::Bool,
            sp,
        )
    };
    let one = |n: i128| Expr::new(ExprKind::Lit(Literal::Int(n)), Type::I32, sp);
    let cond = |c: Expr, a: Expr, b: Expr| {
        Expr::new(
            ExprKind::Cond {
                cond: Box::new(c),
                then: Box::new(a),
                else_: Box::new(b),
            },
            Type::I32,
            sp,
        )
    };
    let lt = bin(BinOp::Lt, a.clone(), b.clone());
    let gt = bin(BinOp::Gt, a, b);
    cond(lt, one(-1), cond(gt, one(1), one(0)))
}
