//! Loops: counting `for` clauses as ranges, `range` over numbers, slices, strings and maps.

use std::collections::HashSet;

use ferry_ir::{BinOp, Binding, Expr, ExprKind, Intrinsic, Literal, Span, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::{stmt, Lowerer};
use crate::common;

impl Lowerer<'_> {
    pub(super) fn lower_for(&mut self, node: Node<'_>, label: Option<String>) -> Vec<Stmt> {
        let span = common::span(node);
        let Some(body_node) = node.child_by_field_name("body") else {
            return vec![self.unsupported_stmt(node, "for without body")];
        };
        let header = common::named_children(node)
            .into_iter()
            .find(|c| c.id() != body_node.id());
        self.push_scope();
        let result = match header {
            None => {
                let cond = Expr::new(ExprKind::Lit(Literal::Bool(true)), Type::Bool, span);
                let body = self.lower_block(body_node);
                stmt(StmtKind::While { label, cond, body }, span)
            }
            Some(h) if h.kind() == "for_clause" => self.lower_for_clause(h, body_node, label, span),
            Some(h) if h.kind() == "range_clause" => self.lower_range(h, body_node, label, span),
            Some(h) => {
                let cond = self.lower_expr(h);
                let body = self.lower_block(body_node);
                stmt(StmtKind::While { label, cond, body }, span)
            }
        };
        self.pop_scope();
        vec![result]
    }

    pub(super) fn lower_for_clause(
        &mut self,
        h: Node<'_>,
        body_node: Node<'_>,
        label: Option<String>,
        span: ferry_ir::Span,
    ) -> Stmt {
        if let Some((var, start, end, inclusive)) = self.counting_loop(h, body_node) {
            let start = self.lower_expr(start);
            let start = self.coerce(start, &Type::I64);
            let mut end = self.lower_expr(end);
            if inclusive {
                let one = Expr::new(ExprKind::Lit(Literal::Int(1)), Type::I64, span);
                end = self.binary_expr(BinOp::Add, end, one, span);
            }
            let var = self.declare(&var, start.ty.clone());
            let body = self.lower_block(body_node);
            return stmt(
                StmtKind::ForRange {
                    label,
                    var: Binding {
                        name: var,
                        ty: start.ty.clone(),
                    },
                    start,
                    end,
                    step: None,
                    body,
                },
                span,
            );
        }
        let init = h
            .child_by_field_name("initializer")
            .map(|i| self.lower_stmt(i))
            .unwrap_or_default();
        let cond = h
            .child_by_field_name("condition")
            .map(|c| self.lower_expr(c));
        let update = h
            .child_by_field_name("update")
            .map(|u| self.lower_stmt(u))
            .unwrap_or_default();
        let body = self.lower_block(body_node);
        stmt(
            StmtKind::For {
                label,
                init,
                cond,
                update,
                body,
            },
            span,
        )
    }

    /// `for i := a; i < b; i++` where neither `i` nor anything in `b` changes in the body.
    pub(super) fn counting_loop<'t>(
        &self,
        h: Node<'t>,
        body: Node<'t>,
    ) -> Option<(String, Node<'t>, Node<'t>, bool)> {
        let init = h.child_by_field_name("initializer")?;
        let cond = h.child_by_field_name("condition")?;
        let update = h.child_by_field_name("update")?;
        if init.kind() != "short_var_declaration"
            || cond.kind() != "binary_expression"
            || update.kind() != "inc_statement"
        {
            return None;
        }
        let left = init.child_by_field_name("left")?;
        let right = init.child_by_field_name("right")?;
        if left.named_child_count() != 1 || right.named_child_count() != 1 {
            return None;
        }
        let var = self.text(left.named_child(0)?).to_string();
        let start = right.named_child(0)?;
        if self.text(update.named_child(0)?) != var
            || self.text(cond.child_by_field_name("left")?) != var
        {
            return None;
        }
        let op = self.text(cond.child_by_field_name("operator")?);
        let inclusive = match op {
            "<" => false,
            "<=" => true,
            _ => return None,
        };
        let end = cond.child_by_field_name("right")?;
        let mut assigned = HashSet::new();
        collect_assigned(body, self.src, &mut assigned);
        if assigned.contains(&var) || !self.stable_expr(end, &assigned) {
            return None;
        }
        Some((var, start, end, inclusive))
    }

    /// An expression whose value cannot change while the loop body runs.
    pub(super) fn stable_expr(&self, node: Node<'_>, assigned: &HashSet<String>) -> bool {
        match node.kind() {
            "int_literal" => true,
            "identifier" => !assigned.contains(self.text(node)),
            "binary_expression" | "parenthesized_expression" => common::named_children(node)
                .into_iter()
                .all(|c| self.stable_expr(c, assigned)),
            "call_expression" => {
                let f = node.child_by_field_name("function").map(|f| self.text(f));
                let args = common::field_children(node, "arguments");
                f == Some("len")
                    && args.len() == 1
                    && args[0].kind() == "identifier"
                    && self.stable_expr(args[0], assigned)
            }
            _ => false,
        }
    }

    /// A `ForEach` over `iter` binding `vars` in the body's scope.
    fn for_each(
        &mut self,
        label: Option<String>,
        vars: Vec<Binding>,
        iter: Expr,
        body_node: Node<'_>,
        span: Span,
    ) -> Stmt {
        let mut vars = vars;
        for v in &mut vars {
            v.name = self.declare(&v.name, v.ty.clone());
        }
        let body = self.lower_block(body_node);
        stmt(
            StmtKind::ForEach {
                label,
                vars,
                iter,
                body,
            },
            span,
        )
    }

    pub(super) fn lower_range(
        &mut self,
        h: Node<'_>,
        body_node: Node<'_>,
        label: Option<String>,
        span: ferry_ir::Span,
    ) -> Stmt {
        let names: Vec<String> = common::field_children(h, "left")
            .into_iter()
            .map(|n| self.text(n).to_string())
            .collect();
        let Some(right) = h.child_by_field_name("right") else {
            return self.unsupported_stmt(h, "range");
        };
        let iter = self.lower_expr(right);
        let bind = |name: &str, ty: Type| Binding {
            name: name.to_string(),
            ty,
        };
        let count_loop = |this: &mut Self, var: &str, end: Expr| -> Stmt {
            let var = this.declare(var, Type::I64);
            let body = this.lower_block(body_node);
            let start = Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, span);
            stmt(
                StmtKind::ForRange {
                    label: label.clone(),
                    var: bind(&var, Type::I64),
                    start,
                    end,
                    step: None,
                    body,
                },
                span,
            )
        };
        let first = names.first().cloned().unwrap_or_else(|| "_".to_string());
        let second = names.get(1).cloned();
        match iter.ty.clone() {
            Type::Int(_) => count_loop(self, &first, iter),
            Type::List(_) | Type::Array(_) | Type::Str if second.is_none() => {
                let len = self.intrinsic(
                    Intrinsic::Len(ferry_ir::intrinsics::StrUnit::Byte),
                    vec![iter],
                    Type::I64,
                    span,
                );
                count_loop(self, &first, len)
            }
            ty @ (Type::List(_) | Type::Array(_) | Type::Str) => {
                let elem = if ty == Type::Str {
                    Type::Char
                } else {
                    ty.element().cloned().unwrap_or(Type::Unknown)
                };
                let second = second.unwrap_or_else(|| "_".to_string());
                let (vars, iter) = if first == "_" {
                    (vec![bind(&second, elem.clone())], iter)
                } else {
                    let t = Type::list(Type::Tuple(vec![Type::I64, elem.clone()]));
                    (
                        vec![bind(&first, Type::I64), bind(&second, elem.clone())],
                        self.intrinsic(Intrinsic::Enumerate, vec![iter], t, span),
                    )
                };
                self.for_each(label, vars, iter, body_node, span)
            }
            Type::Set(k) if second.is_none() => {
                self.for_each(label, vec![bind(&first, *k)], iter, body_node, span)
            }
            Type::Map(k, v) => {
                let (vars, iter) = match &second {
                    None => (
                        vec![bind(&first, (*k).clone())],
                        self.intrinsic(Intrinsic::Keys, vec![iter], Type::List(k.clone()), span),
                    ),
                    Some(s) if first == "_" => (
                        vec![bind(s, (*v).clone())],
                        self.intrinsic(Intrinsic::Values, vec![iter], Type::List(v.clone()), span),
                    ),
                    Some(s) => {
                        let t = Type::list(Type::Tuple(vec![(*k).clone(), (*v).clone()]));
                        (
                            vec![bind(&first, (*k).clone()), bind(s, (*v).clone())],
                            self.intrinsic(Intrinsic::Items, vec![iter], t, span),
                        )
                    }
                };
                self.for_each(label, vars, iter, body_node, span)
            }
            _ => self.unsupported_stmt(h, "range over this value"),
        }
    }
}

/// The names assigned anywhere under `node` (the root identifier of each assigned place).
fn collect_assigned(node: Node<'_>, src: &str, out: &mut HashSet<String>) {
    match node.kind() {
        "assignment_statement" | "short_var_declaration" | "range_clause" => {
            if let Some(left) = node.child_by_field_name("left") {
                for t in common::named_children(left) {
                    out.insert(root_name(t, src));
                }
            }
        }
        "inc_statement" | "dec_statement" => {
            if let Some(t) = node.named_child(0) {
                out.insert(root_name(t, src));
            }
        }
        _ => {}
    }
    for child in common::named_children(node) {
        collect_assigned(child, src, out);
    }
}

fn root_name(mut node: Node<'_>, src: &str) -> String {
    loop {
        let next = match node.kind() {
            "index_expression" | "slice_expression" | "selector_expression" => {
                node.child_by_field_name("operand")
            }
            "parenthesized_expression" | "unary_expression" => node.named_child(0),
            _ => None,
        };
        match next {
            Some(n) => node = n,
            None => return common::text(node, src).to_string(),
        }
    }
}
