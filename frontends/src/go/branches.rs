//! Branches: `if` with an initializer, expression `switch` (a tagless one as an if/else chain).

use ferry_ir::{BinOp, Block, Expr, ExprKind, Stmt, StmtKind, SwitchCase, Type};
use tree_sitter::Node;

use super::{stmt, Lowerer};
use crate::common;

impl Lowerer<'_> {
    pub(super) fn lower_if(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let span = common::span(node);
        self.push_scope();
        let mut pre = Vec::new();
        if let Some(init) = node.child_by_field_name("initializer") {
            if let Some(call) = self.error_call(init) {
                let err = self.error_name(init);
                let handler = self.err_check(node, &err, true);
                let out = self.lower_error_call(init, call, handler);
                self.pop_scope();
                let declares = out
                    .iter()
                    .any(|s| matches!(s.kind, StmtKind::Let { .. } | StmtKind::LetTuple { .. }));
                if !declares {
                    return out;
                }
                return vec![stmt(StmtKind::Block(Block::new(out)), span)];
            }
            pre = self.lower_stmt(init);
        }
        let cond = match node.child_by_field_name("condition") {
            Some(c) => self.lower_expr(c),
            None => self.unsupported_expr(node, "if without condition"),
        };
        let then = match node.child_by_field_name("consequence") {
            Some(b) => self.lower_block(b),
            None => Block::default(),
        };
        let else_ = node.child_by_field_name("alternative").map(|alt| {
            if alt.kind() == "if_statement" {
                Block::new(self.lower_if(alt))
            } else {
                self.lower_block(alt)
            }
        });
        self.pop_scope();
        let if_stmt = stmt(StmtKind::If { cond, then, else_ }, span);
        if pre.is_empty() {
            vec![if_stmt]
        } else {
            pre.push(if_stmt);
            vec![stmt(StmtKind::Block(Block::new(pre)), span)]
        }
    }

    pub(super) fn lower_switch(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let span = common::span(node);
        self.push_scope();
        let mut pre = Vec::new();
        if let Some(init) = node.child_by_field_name("initializer") {
            pre = self.lower_stmt(init);
        }
        let cases: Vec<Node<'_>> = common::named_children(node)
            .into_iter()
            .filter(|c| matches!(c.kind(), "expression_case" | "default_case"))
            .collect();
        for c in &cases {
            if self.has_switch_break(*c) {
                self.pop_scope();
                return vec![self.unsupported_stmt(node, "break or fallthrough inside switch")];
            }
        }
        let scrutinee = node
            .child_by_field_name("value")
            .map(|v| self.lower_expr(v));
        let mut lowered: Vec<(Vec<Expr>, Block)> = Vec::new();
        let mut default = None;
        for c in cases {
            let body_items: Vec<Node<'_>> = common::named_children(c)
                .into_iter()
                .filter(|n| n.kind() == "statement_list")
                .flat_map(common::named_children)
                .filter(|n| n.kind() != "comment")
                .collect();
            self.push_scope();
            let body = Block::new(self.lower_stmts(&body_items));
            self.pop_scope();
            if c.kind() == "default_case" {
                default = Some(body);
                continue;
            }
            let values: Vec<Expr> = common::field_children(c, "value")
                .into_iter()
                .map(|v| {
                    let e = self.lower_expr(v);
                    match &scrutinee {
                        Some(s) => self.coerce(e, &s.ty),
                        None => e,
                    }
                })
                .collect();
            lowered.push((values, body));
        }
        self.pop_scope();
        let result = match scrutinee {
            Some(scrutinee) => stmt(
                StmtKind::Switch {
                    scrutinee,
                    cases: lowered
                        .into_iter()
                        .map(|(values, body)| SwitchCase { values, body })
                        .collect(),
                    default,
                },
                span,
            ),
            None => {
                // switch { case c1: .. case c2: .. default: .. } is an if/else-if chain.
                let mut chain = default;
                for (values, body) in lowered.into_iter().rev() {
                    let cond = values.into_iter().reduce(|a, b| {
                        Expr::new(
                            ExprKind::Binary {
                                op: BinOp::Or,
                                lhs: Box::new(a),
                                rhs: Box::new(b),
                            },
                            Type::Bool,
                            span,
                        )
                    });
                    let Some(cond) = cond else { continue };
                    chain = Some(Block::new(vec![stmt(
                        StmtKind::If {
                            cond,
                            then: body,
                            else_: chain,
                        },
                        span,
                    )]));
                }
                match chain {
                    Some(b) if b.stmts.len() == 1 => b
                        .stmts
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| stmt(StmtKind::Block(Block::default()), span)),
                    Some(b) => stmt(StmtKind::Block(b), span),
                    None => stmt(StmtKind::Block(Block::default()), span),
                }
            }
        };
        if pre.is_empty() {
            vec![result]
        } else {
            pre.push(result);
            vec![stmt(StmtKind::Block(Block::new(pre)), span)]
        }
    }

    /// An unlabelled `break` or a `fallthrough` that belongs to this switch case.
    pub(super) fn has_switch_break(&self, node: Node<'_>) -> bool {
        for child in common::named_children(node) {
            match child.kind() {
                "fallthrough_statement" => return true,
                "break_statement" if child.named_child_count() == 0 => return true,
                "for_statement"
                | "expression_switch_statement"
                | "type_switch_statement"
                | "func_literal" => {}
                _ => {
                    if self.has_switch_break(child) {
                        return true;
                    }
                }
            }
        }
        false
    }
}
