//! Go's error handling as exceptions: a function whose last result is `error` throws, and
//! `v, err := f(); if err != nil { .. }` catches; a leading `defer func() { if r := recover();
//! r != nil { .. } }()` is a try/catch around the rest of the body.

use ferry_ir::{
    Block, Catch, ExceptionKind, Expr, ExprKind, Literal, Stmt, StmtKind, Type, UnaryOp,
};
use tree_sitter::Node;

use super::stmt::block_items;
use super::types::zero_value;
use super::{error_type, stmt, Lowerer};
use crate::common;

/// `if err != nil { handler } else { otherwise }` after a call that can fail.
#[derive(Clone, Copy)]
pub(super) struct ErrCheck<'t> {
    handler: Node<'t>,
    otherwise: Option<Node<'t>>,
}

impl Lowerer<'_> {
    /// A function body, with a leading `defer func() { if r := recover(); r != nil {..} }()`
    /// turned into a try/catch around the rest.
    pub(super) fn lower_body(&mut self, block: Node<'_>) -> Vec<Stmt> {
        let items = block_items(block);
        if let Some((first, rest)) = items.split_first() {
            if let Some((var, handler)) = self.recover_handler(*first) {
                let span = common::span(block);
                let body = self.lower_stmts(rest);
                self.push_scope();
                let var = self.declare(&var, error_type());
                let catch_body = self.lower_block(handler);
                self.pop_scope();
                let mut out = vec![stmt(
                    StmtKind::Try {
                        body: Block::new(body),
                        catches: vec![Catch {
                            kinds: vec![ExceptionKind::Any],
                            name: Some(var),
                            body: catch_body,
                        }],
                        finally: None,
                    },
                    span,
                )];
                if !self.named_results.is_empty() {
                    let ret = self.named_return(span);
                    out.push(stmt(StmtKind::Return(ret), span));
                }
                return out;
            }
        }
        self.lower_stmts(&items)
    }

    /// `(r, body)` of `defer func() { if r := recover(); r != nil { body } }()`.
    pub(super) fn recover_handler<'t>(&self, node: Node<'t>) -> Option<(String, Node<'t>)> {
        if node.kind() != "defer_statement" {
            return None;
        }
        let call = node.named_child(0)?;
        let func = call.child_by_field_name("function")?;
        if call.kind() != "call_expression" || func.kind() != "func_literal" {
            return None;
        }
        let inner = block_items(func.child_by_field_name("body")?);
        let [if_stmt] = inner.as_slice() else {
            return None;
        };
        let init = if_stmt.child_by_field_name("initializer")?;
        let cond = if_stmt.child_by_field_name("condition")?;
        let init_text: String = self.text(init).split_whitespace().collect();
        let var = init_text.strip_suffix(":=recover()")?.to_string();
        let cond_text: String = self.text(cond).split_whitespace().collect();
        if cond_text != format!("{var}!=nil")
            || if_stmt.child_by_field_name("alternative").is_some()
        {
            return None;
        }
        Some((var, if_stmt.child_by_field_name("consequence")?))
    }

    pub(super) fn named_return(&self, span: ferry_ir::Span) -> Option<Expr> {
        let parts: Vec<Expr> = self
            .named_results
            .iter()
            .map(|(n, t)| Expr::new(ExprKind::Name(n.clone()), t.clone(), span))
            .collect();
        match parts.len() {
            0 => None,
            1 => parts.into_iter().next(),
            _ => {
                let ty = Type::Tuple(parts.iter().map(|p| p.ty.clone()).collect());
                Some(Expr::new(ExprKind::TupleLit(parts), ty, span))
            }
        }
    }

    /// The call of `a, err := f()` / `err = f()` where `f` returns an `error`.
    pub(super) fn error_call<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        if !matches!(
            node.kind(),
            "short_var_declaration" | "assignment_statement"
        ) {
            return None;
        }
        let right = node.child_by_field_name("right")?;
        if right.named_child_count() != 1 {
            return None;
        }
        let call = right.named_child(0)?;
        self.call_returns_error(call).then_some(call)
    }

    pub(super) fn call_returns_error(&self, call: Node<'_>) -> bool {
        if call.kind() != "call_expression" {
            return false;
        }
        let Some(func) = call.child_by_field_name("function") else {
            return false;
        };
        match func.kind() {
            "identifier" => self
                .funcs
                .get(self.text(func))
                .is_some_and(|s| s.returns_error),
            "selector_expression" => {
                let (Some(op), Some(field)) = (
                    func.child_by_field_name("operand"),
                    func.child_by_field_name("field"),
                ) else {
                    return false;
                };
                match self.lookup(self.text(op)) {
                    Some(Type::Named(c)) => self
                        .method_sig(&c, self.text(field))
                        .is_some_and(|s| s.returns_error),
                    _ => matches!(
                        self.text(func),
                        "strconv.Atoi" | "strconv.ParseFloat" | "strconv.ParseInt"
                    ),
                }
            }
            _ => false,
        }
    }

    /// `v, err := f()` and the `if err != nil { handler }` after it.
    pub(super) fn error_name(&self, node: Node<'_>) -> String {
        node.child_by_field_name("left")
            .and_then(|l| common::named_children(l).into_iter().last())
            .map(|n| self.text(n).to_string())
            .unwrap_or_default()
    }

    pub(super) fn lower_error_call(
        &mut self,
        node: Node<'_>,
        call: Node<'_>,
        check: Option<ErrCheck<'_>>,
    ) -> Vec<Stmt> {
        let span = common::span(node);
        let names: Vec<String> = common::field_children(node, "left")
            .into_iter()
            .map(|n| self.text(n).to_string())
            .collect();
        let Some((err, values)) = names.split_last() else {
            return vec![self.unsupported_stmt(node, "error result")];
        };
        let (handler, otherwise) = match check {
            Some(ErrCheck { handler, otherwise }) => (Some(handler), otherwise),
            // `v, _ := f()`: a failure leaves `v` its zero value.
            None if err == "_" => (None, None),
            None => {
                return vec![
                    self.unsupported_stmt(node, "error result without an `if err != nil` check")
                ]
            }
        };
        let kind = if self.text(call).starts_with("strconv.") {
            ExceptionKind::NumberFormat
        } else {
            ExceptionKind::Runtime
        };
        let value = self.lower_expr(call);
        let is_decl = node.kind() == "short_var_declaration";
        let types: Vec<Type> = match &value.ty {
            Type::Tuple(ts) => ts.clone(),
            Type::Void => Vec::new(),
            t => vec![t.clone()],
        };
        if types.len() != values.len() {
            return vec![self.unsupported_stmt(node, "error result")];
        }
        let handler_items = handler.map(block_items).unwrap_or_default();
        let propagates = self.current.returns_error
            && handler_items.len() == 1
            && handler_items.first().is_some_and(|r| {
                r.kind() == "return_statement"
                    && self.text(*r).trim_end().ends_with(&format!(" {err}"))
            });
        let mut out = Vec::new();
        // Declare the values first so that they outlive the try.
        let mut targets = Vec::new();
        for (n, t) in values.iter().zip(&types) {
            if n != "_" && is_decl && !self.declared_here(n) {
                if propagates && values.len() == 1 {
                    let name = self.declare(n, t.clone());
                    out.push(stmt(
                        StmtKind::Let {
                            name,
                            ty: t.clone(),
                            init: Some(value),
                        },
                        span,
                    ));
                    return out;
                }
                let name = self.declare(n, t.clone());
                out.push(stmt(
                    StmtKind::Let {
                        name,
                        ty: t.clone(),
                        init: Some(zero_value(t, span)),
                    },
                    span,
                ));
            }
            targets.push(Expr::new(ExprKind::Name(self.ir_name(n)), t.clone(), span));
        }
        let assign = match targets.len() {
            0 => stmt(StmtKind::Expr(value), span),
            1 if values.first().is_some_and(|n| n == "_") => stmt(StmtKind::Expr(value), span),
            1 => {
                let target = targets.pop().unwrap_or_else(|| value.clone());
                stmt(
                    StmtKind::Assign {
                        target,
                        op: None,
                        value,
                    },
                    span,
                )
            }
            _ => stmt(StmtKind::AssignTuple { targets, value }, span),
        };
        if propagates {
            // An error has left the function, so the `else` block is simply what follows.
            out.push(assign);
            if let Some(otherwise) = otherwise {
                out.push(stmt(StmtKind::Block(self.lower_block(otherwise)), span));
            }
            return out;
        }
        self.push_scope();
        let err = handler.map(|_| self.declare(err, error_type()));
        let mut catch_body = handler.map(|h| self.lower_block(h)).unwrap_or_default();
        self.pop_scope();
        // `else` runs only when the call succeeded: a flag set by the handler says it did not.
        let failed = otherwise.and_then(|_| Some(format!("{}Failed", err.as_ref()?)));
        let flag = |value: bool| Expr::new(ExprKind::Lit(Literal::Bool(value)), Type::Bool, span);
        let flag_name = |name: &str| Expr::new(ExprKind::Name(name.to_string()), Type::Bool, span);
        if let Some(name) = &failed {
            out.push(stmt(
                StmtKind::Let {
                    name: name.clone(),
                    ty: Type::Bool,
                    init: Some(flag(false)),
                },
                span,
            ));
            catch_body.stmts.insert(
                0,
                stmt(
                    StmtKind::Assign {
                        target: flag_name(name),
                        op: None,
                        value: flag(true),
                    },
                    span,
                ),
            );
        }
        out.push(stmt(
            StmtKind::Try {
                body: Block::new(vec![assign]),
                catches: vec![Catch {
                    kinds: vec![kind],
                    name: err,
                    body: catch_body,
                }],
                finally: None,
            },
            span,
        ));
        if let (Some(name), Some(otherwise)) = (&failed, otherwise) {
            let cond = Expr::new(
                ExprKind::Unary {
                    op: UnaryOp::Not,
                    operand: Box::new(flag_name(name)),
                },
                Type::Bool,
                span,
            );
            let then = self.lower_block(otherwise);
            out.push(stmt(
                StmtKind::If {
                    cond,
                    then,
                    else_: None,
                },
                span,
            ));
        }
        out
    }

    /// The handler of `if err != nil { .. }` and, where there is one, its plain `else { .. }`
    /// block (an `else if` is not recognised).
    pub(super) fn err_check<'t>(
        &self,
        node: Node<'t>,
        err: &str,
        with_init: bool,
    ) -> Option<ErrCheck<'t>> {
        if node.kind() != "if_statement"
            || node.child_by_field_name("initializer").is_some() != with_init
        {
            return None;
        }
        let otherwise = node.child_by_field_name("alternative");
        if otherwise.is_some_and(|alt| alt.kind() != "block") {
            return None;
        }
        let cond: String = self
            .text(node.child_by_field_name("condition")?)
            .split_whitespace()
            .collect();
        if cond != format!("{err}!=nil") {
            return None;
        }
        let handler = node.child_by_field_name("consequence")?;
        Some(ErrCheck { handler, otherwise })
    }

    /// The message of `errors.New(m)` / `fmt.Errorf(..)`, or the lowered value.
    pub(super) fn lower_error_value(&mut self, node: Node<'_>) -> Expr {
        if node.kind() == "call_expression" {
            let func = node
                .child_by_field_name("function")
                .map(|f| self.text(f))
                .unwrap_or("");
            let args = common::field_children(node, "arguments");
            if func == "errors.New" {
                if let Some(a) = args.first() {
                    return self.lower_expr(*a);
                }
            }
            if func == "fmt.Errorf" {
                return self.lower_format(node, &args);
            }
        }
        self.lower_expr(node)
    }

    pub(super) fn is_error_ctor(&self, node: Node<'_>) -> bool {
        node.kind() == "call_expression"
            && node
                .child_by_field_name("function")
                .is_some_and(|f| matches!(self.text(f), "errors.New" | "fmt.Errorf"))
    }
}
