//! Statements: declarations, control flow, switch, exceptions.

use ferry_ir::{
    Binding, Block, Catch, ExceptionKind, Expr, ExprKind, Intrinsic, Stmt, StmtKind, SwitchCase,
    Type,
};
use tree_sitter::Node;

use super::items::{declarators, with_dims};
use super::{span, Lowerer};
use crate::common::{field_children, named_children};

fn stmt(kind: StmtKind, node: Node<'_>) -> Stmt {
    Stmt {
        kind,
        span: span(node),
    }
}

/// The exception category of a Java exception class name.
pub(super) fn exception_kind(name: &str) -> ExceptionKind {
    match name {
        "ArrayIndexOutOfBoundsException"
        | "IndexOutOfBoundsException"
        | "StringIndexOutOfBoundsException" => ExceptionKind::IndexOutOfRange,
        "NoSuchElementException" | "EmptyStackException" => ExceptionKind::KeyMissing,
        "ArithmeticException" => ExceptionKind::DivisionByZero,
        "NullPointerException" => ExceptionKind::NullAccess,
        "IllegalArgumentException" => ExceptionKind::InvalidArgument,
        "NumberFormatException" => ExceptionKind::NumberFormat,
        "IllegalStateException" | "RuntimeException" => ExceptionKind::Runtime,
        "UnsupportedOperationException" => ExceptionKind::Unsupported,
        "Exception" | "Throwable" => ExceptionKind::Any,
        other => ExceptionKind::Custom(other.to_string()),
    }
}

impl Lowerer<'_> {
    pub(super) fn block(&mut self, node: Node<'_>) -> Block {
        self.push_scope();
        let mut out = Vec::new();
        if node.kind() == "block" || node.kind() == "constructor_body" {
            for c in named_children(node) {
                out.extend(self.statement(c));
            }
        } else {
            out.extend(self.statement(node));
        }
        self.pop_scope();
        Block::new(out)
    }

    pub(super) fn statement(&mut self, node: Node<'_>) -> Vec<Stmt> {
        match node.kind() {
            "line_comment" | "block_comment" | "empty_statement" | "ERROR" => vec![],
            "block" => vec![stmt(StmtKind::Block(self.block(node)), node)],
            "local_variable_declaration" => self.local_decl(node),
            "expression_statement" => match named_children(node).first() {
                Some(e) => self.expr_statement(*e),
                None => vec![],
            },
            "explicit_constructor_invocation" => {
                let e = self.constructor_call(node);
                vec![stmt(StmtKind::Expr(e), node)]
            }
            "if_statement" => {
                let cond = self.cond(node);
                let then = node
                    .child_by_field_name("consequence")
                    .map(|c| self.block(c))
                    .unwrap_or_default();
                let else_ = node
                    .child_by_field_name("alternative")
                    .map(|c| self.block(c));
                vec![stmt(StmtKind::If { cond, then, else_ }, node)]
            }
            "while_statement" => {
                let cond = self.cond(node);
                let body = node
                    .child_by_field_name("body")
                    .map(|c| self.block(c))
                    .unwrap_or_default();
                vec![stmt(
                    StmtKind::While {
                        label: None,
                        cond,
                        body,
                    },
                    node,
                )]
            }
            "do_statement" => {
                let body = node
                    .child_by_field_name("body")
                    .map(|c| self.block(c))
                    .unwrap_or_default();
                let cond = self.cond(node);
                vec![stmt(
                    StmtKind::DoWhile {
                        label: None,
                        body,
                        cond,
                    },
                    node,
                )]
            }
            "for_statement" => self.for_stmt(node),
            "enhanced_for_statement" => self.foreach_stmt(node),
            "labeled_statement" => {
                let children = named_children(node);
                let label = children.first().map(|l| self.text(*l).to_string());
                let Some(inner) = children.get(1) else {
                    return vec![];
                };
                let mut stmts = self.statement(*inner);
                match stmts.last_mut().map(|s| &mut s.kind) {
                    Some(
                        StmtKind::While { label: l, .. }
                        | StmtKind::DoWhile { label: l, .. }
                        | StmtKind::For { label: l, .. }
                        | StmtKind::ForEach { label: l, .. }
                        | StmtKind::ForRange { label: l, .. },
                    ) => {
                        *l = label;
                        stmts
                    }
                    _ => vec![stmt(
                        StmtKind::Unsupported(self.unsupported(node, "labelled block")),
                        node,
                    )],
                }
            }
            "break_statement" | "continue_statement" => {
                let label = named_children(node)
                    .first()
                    .map(|l| self.text(*l).to_string());
                if node.kind() == "break_statement" {
                    vec![stmt(StmtKind::Break(label), node)]
                } else {
                    vec![stmt(StmtKind::Continue(label), node)]
                }
            }
            "return_statement" => {
                let v = named_children(node).first().map(|e| self.expr(*e));
                vec![stmt(StmtKind::Return(v), node)]
            }
            "class_declaration" => match self.local_class(node) {
                None => vec![],
                Some(u) => vec![stmt(StmtKind::Unsupported(u), node)],
            },
            "throw_statement" => self.throw_stmt(node),
            "try_statement" => self.try_stmt(node),
            "switch_expression" => self.switch_stmt(node),
            _ => vec![stmt(
                StmtKind::Unsupported(self.unsupported(node, &node.kind().replace('_', " "))),
                node,
            )],
        }
    }

    fn cond(&mut self, node: Node<'_>) -> Expr {
        match node.child_by_field_name("condition") {
            Some(c) => self.expr(c),
            None => self.missing(node),
        }
    }

    fn local_decl(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let type_node = node.child_by_field_name("type");
        let is_var = type_node.is_some_and(|t| self.text(t) == "var");
        let is_stack = type_node.is_some_and(|t| self.text(t).starts_with("Stack"));
        let base = if is_var {
            Type::Unknown
        } else {
            type_node.map_or(Type::Unknown, |t| self.lower_type(t))
        };
        let mut out = Vec::new();
        for d in declarators(node) {
            let name = d
                .child_by_field_name("name")
                .map(|n| self.text(n).to_string())
                .unwrap_or_default();
            let mut ty = with_dims(self, d, base.clone());
            let init = d
                .child_by_field_name("value")
                .map(|v| self.expr_expect(v, &ty));
            if let Some(i) = &init {
                let is_stack_init = self.text(d).contains("new Stack");
                if is_stack || is_stack_init {
                    self.stacks.insert(name.clone());
                }
                // `var`, and `String[] parts = s.split(..)` whose value is a list.
                if !ty.is_known() || (matches!(ty, Type::Array(_)) && matches!(i.ty, Type::List(_)))
                {
                    ty = i.ty.clone();
                }
            }
            self.declare(&name, ty.clone());
            out.push(stmt(StmtKind::Let { name, ty, init }, d));
        }
        out
    }

    fn expr_statement(&mut self, e: Node<'_>) -> Vec<Stmt> {
        if e.kind() == "assignment_expression" {
            return vec![self.assignment(e)];
        }
        // `list.set(i, v)` as a statement is an indexed assignment.
        if e.kind() == "method_invocation" {
            if let Some(s) = self.call_statement(e).or_else(|| self.for_each(e)) {
                return vec![s];
            }
        }
        if e.kind() == "switch_expression" {
            return self.switch_stmt(e);
        }
        let x = self.expr(e);
        vec![stmt(StmtKind::Expr(x), e)]
    }

    fn for_stmt(&mut self, node: Node<'_>) -> Vec<Stmt> {
        self.push_scope();
        let mut init = Vec::new();
        let mut cursor = node.walk();
        let inits: Vec<Node<'_>> = node.children_by_field_name("init", &mut cursor).collect();
        for i in inits {
            if i.kind() == "local_variable_declaration" {
                init.extend(self.local_decl(i));
            } else {
                init.extend(self.expr_statement(i));
            }
        }
        let cond = node.child_by_field_name("condition").map(|c| self.expr(c));
        let mut cursor = node.walk();
        let ups: Vec<Node<'_>> = node.children_by_field_name("update", &mut cursor).collect();
        let mut update = Vec::new();
        for u in ups {
            update.extend(self.expr_statement(u));
        }
        let body = node
            .child_by_field_name("body")
            .map(|c| self.block(c))
            .unwrap_or_default();
        self.pop_scope();
        vec![stmt(
            StmtKind::For {
                label: None,
                init,
                cond,
                update,
                body,
            },
            node,
        )]
    }

    fn foreach_stmt(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let Some(value) = node.child_by_field_name("value") else {
            return vec![];
        };
        let iter = self.expr(value);
        let declared = node
            .child_by_field_name("type")
            .filter(|t| self.text(*t) != "var")
            .map_or(Type::Unknown, |t| self.lower_type(t));
        self.push_scope();
        let (vars, iter) = match (&iter.kind, &iter.ty) {
            (
                ExprKind::Intrinsic {
                    op: Intrinsic::Items,
                    ..
                },
                Type::List(t),
            ) => {
                let (k, v) = match &**t {
                    Type::Tuple(ts) => (
                        ts.first().cloned().unwrap_or(Type::Unknown),
                        ts.get(1).cloned().unwrap_or(Type::Unknown),
                    ),
                    _ => (Type::Unknown, Type::Unknown),
                };
                let (kn, vn) = (format!("{name}Key"), format!("{name}Value"));
                self.entries.insert(name.clone(), (kn.clone(), vn.clone()));
                self.declare(&kn, k.clone());
                self.declare(&vn, v.clone());
                (
                    vec![Binding { name: kn, ty: k }, Binding { name: vn, ty: v }],
                    iter,
                )
            }
            _ => {
                let ty = match (&declared, iter.ty.element()) {
                    (Type::Unknown, Some(e)) => e.clone(),
                    (Type::Unknown, None) if iter.ty == Type::Str => Type::Char,
                    _ => declared.clone(),
                };
                self.declare(&name, ty.clone());
                (vec![Binding { name, ty }], iter)
            }
        };
        let body = node
            .child_by_field_name("body")
            .map(|c| self.block(c))
            .unwrap_or_default();
        self.pop_scope();
        vec![stmt(
            StmtKind::ForEach {
                label: None,
                vars,
                iter,
                body,
            },
            node,
        )]
    }

    fn throw_stmt(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let Some(e) = named_children(node).into_iter().next() else {
            return vec![];
        };
        if e.kind() == "object_creation_expression" {
            let class = e
                .child_by_field_name("type")
                .map(|t| self.text(t).to_string())
                .unwrap_or_default();
            let args: Vec<Node<'_>> = field_children(e, "arguments");
            let kind = exception_kind(&class);
            if args.len() <= 1 {
                let message = args.first().map(|a| self.expr(*a));
                let message = message.map(|m| self.stringify(m));
                return vec![stmt(StmtKind::Throw { kind, message }, node)];
            }
        }
        vec![stmt(
            StmtKind::Unsupported(self.unsupported(node, "throw of a non-constructed exception")),
            node,
        )]
    }

    fn try_stmt(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let body = node
            .child_by_field_name("body")
            .map(|b| self.block(b))
            .unwrap_or_default();
        let mut catches = Vec::new();
        let mut finally = None;
        for c in named_children(node) {
            match c.kind() {
                "catch_clause" => {
                    let param = named_children(c)
                        .into_iter()
                        .find(|p| p.kind() == "catch_formal_parameter");
                    let mut kinds = Vec::new();
                    let mut name = None;
                    if let Some(p) = param {
                        if let Some(ct) = named_children(p)
                            .into_iter()
                            .find(|x| x.kind() == "catch_type")
                        {
                            for t in named_children(ct) {
                                kinds.push(exception_kind(self.text(t)));
                            }
                        }
                        name = p
                            .child_by_field_name("name")
                            .map(|n| self.text(n).to_string());
                    }
                    self.push_scope();
                    if let Some(n) = &name {
                        self.declare(n, Type::Named("Exception".into()));
                    }
                    let body = c
                        .child_by_field_name("body")
                        .map(|b| self.block(b))
                        .unwrap_or_default();
                    self.pop_scope();
                    catches.push(Catch { kinds, name, body });
                }
                "finally_clause" => {
                    finally = named_children(c)
                        .into_iter()
                        .find(|b| b.kind() == "block")
                        .map(|b| self.block(b));
                }
                "resource_specification" => {
                    return vec![stmt(
                        StmtKind::Unsupported(self.unsupported(node, "try-with-resources")),
                        node,
                    )];
                }
                _ => {}
            }
        }
        vec![stmt(
            StmtKind::Try {
                body,
                catches,
                finally,
            },
            node,
        )]
    }

    fn switch_stmt(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let scrutinee = self.cond(node);
        let Some(body) = node.child_by_field_name("body") else {
            return vec![];
        };
        let mut cases: Vec<SwitchCase> = Vec::new();
        let mut default = None;
        let mut pending: Vec<Expr> = Vec::new();
        let mut pending_default = false;
        let groups = named_children(body);
        let count = groups.len();
        for (gi, g) in groups.into_iter().enumerate() {
            let mut values = std::mem::take(&mut pending);
            let mut is_default = std::mem::take(&mut pending_default);
            let mut stmts_nodes = Vec::new();
            for c in named_children(g) {
                if c.kind() == "switch_label" {
                    let exprs = named_children(c);
                    if exprs.is_empty() {
                        is_default = true;
                    }
                    for e in exprs {
                        let v = self.expr(e);
                        values.push(v);
                    }
                } else {
                    stmts_nodes.push(c);
                }
            }
            let is_rule = g.kind() == "switch_rule";
            if !is_rule && stmts_nodes.is_empty() && gi + 1 < count {
                pending = values;
                pending_default = is_default;
                continue;
            }
            self.push_scope();
            let mut stmts = Vec::new();
            for s in &stmts_nodes {
                if is_rule && s.kind() == "block" {
                    stmts.extend(self.block(*s).stmts);
                } else {
                    stmts.extend(self.statement(*s));
                }
            }
            self.pop_scope();
            if !is_rule {
                let ends = matches!(stmts.last().map(|s| &s.kind), Some(StmtKind::Break(None)));
                if ends {
                    stmts.pop();
                } else if !matches!(
                    stmts.last().map(|s| &s.kind),
                    Some(
                        StmtKind::Return(_)
                            | StmtKind::Throw { .. }
                            | StmtKind::Continue(_)
                            | StmtKind::Break(Some(_))
                    )
                ) && gi + 1 < count
                {
                    return vec![stmt(
                        StmtKind::Unsupported(self.unsupported(g, "switch case falling through")),
                        node,
                    )];
                }
                if contains_plain_break(&stmts) {
                    return vec![stmt(
                        StmtKind::Unsupported(self.unsupported(g, "break inside a switch case")),
                        node,
                    )];
                }
            }
            let block = Block::new(stmts);
            if is_default {
                if !values.is_empty() {
                    cases.push(SwitchCase {
                        values,
                        body: block.clone(),
                    });
                }
                default = Some(block);
            } else {
                cases.push(SwitchCase {
                    values,
                    body: block,
                });
            }
        }
        vec![stmt(
            StmtKind::Switch {
                scrutinee,
                cases,
                default,
            },
            node,
        )]
    }
}

/// Whether a plain `break` (one that would leave the switch) occurs outside nested loops.
fn contains_plain_break(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match &s.kind {
        StmtKind::Break(None) => true,
        StmtKind::If { then, else_, .. } => {
            contains_plain_break(&then.stmts)
                || else_
                    .as_ref()
                    .is_some_and(|b| contains_plain_break(&b.stmts))
        }
        StmtKind::Block(b) => contains_plain_break(&b.stmts),
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            contains_plain_break(&body.stmts)
                || catches.iter().any(|c| contains_plain_break(&c.body.stmts))
                || finally
                    .as_ref()
                    .is_some_and(|b| contains_plain_break(&b.stmts))
        }
        _ => false,
    })
}
