//! Interface values: the comma-ok type assertion `v, ok := x.(int)` and the type switch
//! `switch v := x.(type) { case int: .. }` as dynamic type tests (`IsKind`) and casts.

use ferry_ir::intrinsics::ValueKind;
use ferry_ir::{BinOp, Block, Expr, ExprKind, Intrinsic, Span, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::types::zero_value;
use super::{stmt, Lowerer};
use crate::common;

impl Lowerer<'_> {
    /// `x.(T)` of `v, ok := x.(T)`: the test (`ok`) and the value (`v`, the zero value of `T`
    /// when the test fails). `x` must be a plain name: it is read twice.
    pub(super) fn comma_ok_assertion(&mut self, node: Node<'_>) -> Option<(Expr, Expr)> {
        if node.kind() != "type_assertion_expression" {
            return None;
        }
        let span = common::span(node);
        let operand = node.child_by_field_name("operand")?;
        let ty = node.child_by_field_name("type")?;
        if operand.kind() != "identifier" {
            return None;
        }
        let x = self.lower_expr(operand);
        let ty = self.lower_type(ty);
        let test = self.kind_test(&x, &ty, span)?;
        let value = Expr::new(
            ExprKind::Cond {
                cond: Box::new(test.clone()),
                then: Box::new(cast(x, &ty, span)),
                else_: Box::new(zero_value(&ty, span)),
            },
            ty,
            span,
        );
        Some((test, value))
    }

    /// `IsKind(x)` for a type the IR can test, on a dynamically typed `x`.
    fn kind_test(&mut self, x: &Expr, ty: &Type, span: Span) -> Option<Expr> {
        let kind = ValueKind::of(ty)?;
        if x.ty != Type::Any {
            return None;
        }
        let op = Intrinsic::IsKind(kind);
        Some(self.intrinsic(op, vec![x.clone()], Type::Bool, span))
    }

    /// `switch v := x.(type) { case int: .. case string, bool: .. default: .. }` as an if/else
    /// chain of type tests; in a case of one type, `v` is `x` cast to it.
    pub(super) fn lower_type_switch(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let span = common::span(node);
        let unsupported = |this: &mut Self| vec![this.unsupported_stmt(node, "type switch")];
        if node.child_by_field_name("initializer").is_some() || self.has_switch_break(node) {
            return unsupported(self);
        }
        let alias = node
            .child_by_field_name("alias")
            .and_then(|a| a.named_child(0))
            .map(|a| self.text(a).to_string());
        let Some(value) = node.child_by_field_name("value") else {
            return unsupported(self);
        };
        if value.kind() != "identifier" {
            return unsupported(self);
        }
        let x = self.lower_expr(value);
        let mut chain: Option<Block> = None;
        let mut arms = Vec::new();
        for case in common::named_children(node) {
            let mut cursor = case.walk();
            let types: Vec<Node<'_>> = case
                .children_by_field_name("type", &mut cursor)
                .filter(|t| t.is_named())
                .collect();
            let body: Vec<Node<'_>> = common::named_children(case)
                .into_iter()
                .filter(|n| n.kind() == "statement_list")
                .flat_map(common::named_children)
                .filter(|n| n.kind() != "comment")
                .collect();
            match case.kind() {
                "default_case" => {
                    let block = self.type_case_body(alias.as_deref(), x.clone(), &body, span);
                    chain = Some(block);
                }
                "type_case" => {
                    let types: Vec<Type> = types.iter().map(|t| self.lower_type(*t)).collect();
                    let mut tests = Vec::new();
                    for ty in &types {
                        let Some(test) = self.kind_test(&x, ty, span) else {
                            return unsupported(self);
                        };
                        tests.push(test);
                    }
                    let bound = match types.as_slice() {
                        [ty] => cast(x.clone(), ty, span),
                        _ => x.clone(),
                    };
                    let block = self.type_case_body(alias.as_deref(), bound, &body, span);
                    arms.push((tests, block));
                }
                _ => {}
            }
        }
        for (tests, then) in arms.into_iter().rev() {
            let Some(cond) = tests.into_iter().reduce(|a, b| {
                Expr::new(
                    ExprKind::Binary {
                        op: BinOp::Or,
                        lhs: Box::new(a),
                        rhs: Box::new(b),
                    },
                    Type::Bool,
                    span,
                )
            }) else {
                continue;
            };
            chain = Some(Block::new(vec![stmt(
                StmtKind::If {
                    cond,
                    then,
                    else_: chain,
                },
                span,
            )]));
        }
        chain.map(|b| b.stmts).unwrap_or_default()
    }

    /// The statements of one case, with the switch's alias bound to `bound`.
    fn type_case_body(
        &mut self,
        alias: Option<&str>,
        bound: Expr,
        body: &[Node<'_>],
        span: Span,
    ) -> Block {
        self.push_scope();
        let mut stmts = Vec::new();
        if let Some(alias) = alias {
            let ty = bound.ty.clone();
            let name = self.declare(alias, ty.clone());
            stmts.push(stmt(
                StmtKind::Let {
                    name,
                    ty,
                    init: Some(bound),
                },
                span,
            ));
        }
        stmts.extend(self.lower_stmts(body));
        self.pop_scope();
        Block::new(stmts)
    }
}

/// `x` (an interface value) as a `ty`.
fn cast(x: Expr, ty: &Type, span: Span) -> Expr {
    Expr::new(
        ExprKind::Cast {
            expr: Box::new(x),
            to: ty.clone(),
        },
        ty.clone(),
        span,
    )
}
