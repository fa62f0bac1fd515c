//! Statements: declarations, assignments (with `append`, re-slicing and map updates made
//! explicit), control flow, `error` results as exceptions and `defer`/`recover` as try/catch.

use ferry_ir::{
    BinOp, Binding, Block, Catch, DivKind, ExceptionKind, Expr, ExprKind, Intrinsic, Literal,
    RemKind, Stmt, StmtKind, Type, UnaryOp,
};
use tree_sitter::Node;

use super::types::zero_value;
use super::{stmt, Lowerer};
use crate::common;

/// The named statements of a `block` (through its `statement_list`).
pub(super) fn block_items(block: Node<'_>) -> Vec<Node<'_>> {
    let mut out = Vec::new();
    for child in common::named_children(block) {
        if child.kind() == "statement_list" {
            out.extend(common::named_children(child));
        } else {
            out.push(child);
        }
    }
    out.retain(|n| n.kind() != "comment");
    out
}

fn compound_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "/=" => BinOp::Div(DivKind::Trunc),
        "%=" => BinOp::Rem(RemKind::Trunc),
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "<<=" => BinOp::Shl,
        ">>=" => BinOp::Shr,
        _ => return None,
    })
}

impl Lowerer<'_> {
    /// A block in its own scope.
    pub(super) fn lower_block(&mut self, block: Node<'_>) -> Block {
        self.push_scope();
        let items = block_items(block);
        let stmts = self.lower_stmts(&items);
        self.pop_scope();
        Block::new(stmts)
    }

    /// A statement list, recognising `v, err := f()` followed by `if err != nil {..}`.
    pub(super) fn lower_stmts(&mut self, items: &[Node<'_>]) -> Vec<Stmt> {
        let outer_hoisted = std::mem::take(&mut self.hoisted);
        let outer_may_hoist = self.may_hoist;
        let mut out = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let node = items[i];
            self.may_hoist = matches!(
                node.kind(),
                "expression_statement"
                    | "short_var_declaration"
                    | "assignment_statement"
                    | "var_declaration"
                    | "return_statement"
            );
            let stmts = if let Some((name, ty, src)) = self.copy_idiom(node, items.get(i + 1)) {
                i += 1;
                let src = self.lower_expr(src);
                let ty = self.lower_type(ty);
                let copy = self.intrinsic(Intrinsic::CopyOf, vec![src], ty, common::span(node));
                vec![self.let_or_assign(&name, copy, common::span(node))]
            } else if let Some(call) = self.error_call(node) {
                let err = self.error_name(node);
                let handler = items
                    .get(i + 1)
                    .and_then(|n| self.err_check(*n, &err, false));
                i += usize::from(handler.is_some());
                self.lower_error_call(node, call, handler)
            } else {
                self.lower_stmt(node)
            };
            out.append(&mut self.hoisted);
            out.extend(stmts);
            i += 1;
        }
        self.hoisted = outer_hoisted;
        self.may_hoist = outer_may_hoist;
        out
    }

    /// One statement (possibly several IR statements).
    pub(super) fn lower_stmt(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let span = common::span(node);
        match node.kind() {
            "expression_statement" => match node.named_child(0) {
                Some(e) => vec![self.lower_expr_stmt(e)],
                None => Vec::new(),
            },
            "short_var_declaration" => self.lower_short_var(node),
            "assignment_statement" => self.lower_assignment(node),
            "inc_statement" | "dec_statement" => {
                let increment = node.kind() == "inc_statement";
                let Some(t) = node.named_child(0) else {
                    return Vec::new();
                };
                let target = self.lower_target(t);
                if self.is_map_index(t) {
                    let one = Expr::new(ExprKind::Lit(Literal::Int(1)), target.ty.clone(), span);
                    let op = if increment { BinOp::Add } else { BinOp::Sub };
                    let current = self.lower_expr(t);
                    let value = self.binary_expr(op, current, one, span);
                    return vec![stmt(
                        StmtKind::Assign {
                            target,
                            op: None,
                            value,
                        },
                        span,
                    )];
                }
                if matches!(target.kind, ExprKind::Index { .. }) {
                    // `xs[i]++` is `xs[i] += 1`: an element is no variable in every target.
                    let one = Expr::new(ExprKind::Lit(Literal::Int(1)), target.ty.clone(), span);
                    let op = if increment { BinOp::Add } else { BinOp::Sub };
                    return vec![stmt(
                        StmtKind::Assign {
                            target,
                            op: Some(op),
                            value: one,
                        },
                        span,
                    )];
                }
                let ty = target.ty.clone();
                vec![stmt(
                    StmtKind::Expr(Expr::new(
                        ExprKind::IncDec {
                            target: Box::new(target),
                            increment,
                            prefix: false,
                        },
                        ty,
                        span,
                    )),
                    span,
                )]
            }
            "var_declaration" | "const_declaration" => self.lower_local_var(node),
            "if_statement" => self.lower_if(node),
            "for_statement" => self.lower_for(node, None),
            "labeled_statement" => {
                let label = node
                    .child_by_field_name("label")
                    .map(|l| self.text(l).to_string());
                let inner = common::named_children(node)
                    .into_iter()
                    .find(|c| c.kind() != "label_name");
                match inner {
                    Some(f) if f.kind() == "for_statement" => self.lower_for(f, label),
                    _ => {
                        vec![self.unsupported_stmt(node, "label on a statement that is not a loop")]
                    }
                }
            }
            "expression_switch_statement" => self.lower_switch(node),
            "return_statement" => vec![self.lower_return(node)],
            "break_statement" | "continue_statement" => {
                let label = node.named_child(0).map(|l| self.text(l).to_string());
                let kind = if node.kind() == "break_statement" {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                };
                vec![stmt(kind, span)]
            }
            "block" => vec![stmt(StmtKind::Block(self.lower_block(node)), span)],
            "empty_statement" | "comment" | "ERROR" => Vec::new(),
            "defer_statement" => vec![self.unsupported_stmt(node, "defer")],
            "go_statement" => vec![self.unsupported_stmt(node, "goroutine")],
            "fallthrough_statement" => vec![self.unsupported_stmt(node, "fallthrough")],
            "type_switch_statement" => self.lower_type_switch(node),
            _ => vec![self.unsupported_stmt(node, &common::construct_name(node, "statement"))],
        }
    }

    pub(super) fn lower_expr_stmt(&mut self, e: Node<'_>) -> Stmt {
        let span = common::span(e);
        if e.kind() == "call_expression" {
            let func = e
                .child_by_field_name("function")
                .map(|f| self.text(f))
                .unwrap_or("");
            if func == "copy" {
                return self.lower_copy(e);
            }
            if func == "panic" {
                let arg = e
                    .child_by_field_name("arguments")
                    .and_then(|a| a.named_child(0));
                let message = arg.map(|a| {
                    let m = self.lower_error_value(a);
                    self.to_str(m)
                });
                return stmt(
                    StmtKind::Throw {
                        kind: ExceptionKind::Runtime,
                        message,
                    },
                    span,
                );
            }
            if self.call_returns_error(e) {
                // The error is ignored: so is the exception.
                let value = self.lower_expr(e);
                return stmt(
                    StmtKind::Try {
                        body: Block::new(vec![stmt(StmtKind::Expr(value), span)]),
                        catches: vec![Catch {
                            kinds: vec![ExceptionKind::Runtime],
                            name: None,
                            body: Block::default(),
                        }],
                        finally: None,
                    },
                    span,
                );
            }
        }
        stmt(StmtKind::Expr(self.lower_expr(e)), span)
    }

    /// `x := make([]T, len(y))` followed by `copy(x, y)`: `x`, `[]T` and `y`.
    fn copy_idiom<'t>(
        &self,
        decl: Node<'t>,
        next: Option<&Node<'t>>,
    ) -> Option<(String, Node<'t>, Node<'t>)> {
        let squeeze = |n: Node<'_>| -> String { self.text(n).split_whitespace().collect() };
        let call_args = |n: Node<'t>, func: &str| {
            let f = n.child_by_field_name("function")?;
            (n.kind() == "call_expression" && self.text(f) == func)
                .then(|| common::field_children(n, "arguments"))
        };
        if decl.kind() != "short_var_declaration" {
            return None;
        }
        let [name] = common::field_children(decl, "left")[..] else {
            return None;
        };
        let [make] = common::field_children(decl, "right")[..] else {
            return None;
        };
        let [ty, size] = call_args(make, "make")?[..] else {
            return None;
        };
        let next = next?;
        let copy = (next.kind() == "expression_statement").then(|| next.named_child(0))??;
        let [dst, src] = call_args(copy, "copy")?[..] else {
            return None;
        };
        let same = squeeze(dst) == squeeze(name)
            && squeeze(size) == format!("len({})", squeeze(src))
            && ty.kind() == "slice_type";
        same.then(|| (self.text(name).to_string(), ty, src))
    }

    /// `copy(dst, src)` as a statement: `for i in 0..min(len(dst), len(src)) { dst[i] = src[i] }`.
    fn lower_copy(&mut self, call: Node<'_>) -> Stmt {
        let span = common::span(call);
        let args = common::field_children(call, "arguments");
        let [dst, src] = args.as_slice() else {
            return self.unsupported_stmt(call, "copy");
        };
        let dst = self.lower_expr(*dst);
        let src = self.lower_expr(*src);
        // A re-sliced destination (`copy(xs[i:], ys)`) aliases `xs` in Go, a copy in the IR.
        if !matches!(dst.kind, ExprKind::Name(_) | ExprKind::Field { .. })
            || !matches!(dst.ty, Type::List(_) | Type::Array(_))
            || !matches!(src.ty, Type::List(_) | Type::Array(_))
        {
            return self.unsupported_stmt(call, "copy between these values");
        }
        // The source is evaluated once, before the loop.
        let src = if matches!(src.kind, ExprKind::Name(_)) {
            src
        } else {
            let name = self.made_up_name("source");
            let ty = src.ty.clone();
            self.hoisted.push(stmt(
                StmtKind::Let {
                    name: name.clone(),
                    ty: ty.clone(),
                    init: Some(src),
                },
                span,
            ));
            Expr::new(ExprKind::Name(name), ty, span)
        };
        let len = |this: &mut Self, x: &Expr| {
            let unit = ferry_ir::intrinsics::StrUnit::Byte;
            this.intrinsic(Intrinsic::Len(unit), vec![x.clone()], Type::I64, span)
        };
        let (dst_len, src_len) = (len(self, &dst), len(self, &src));
        let end = self.intrinsic(Intrinsic::Min, vec![dst_len, src_len], Type::I64, span);
        let var = self.made_up_name("i");
        let i = Expr::new(ExprKind::Name(var.clone()), Type::I64, span);
        let elem = |list: Expr| {
            let ty = list.ty.element().cloned().unwrap_or(Type::Unknown);
            Expr::new(
                ExprKind::Index {
                    object: Box::new(list),
                    index: Box::new(i.clone()),
                },
                ty,
                span,
            )
        };
        let assign = stmt(
            StmtKind::Assign {
                target: elem(dst),
                op: None,
                value: elem(src),
            },
            span,
        );
        stmt(
            StmtKind::ForRange {
                label: None,
                var: Binding {
                    name: var,
                    ty: Type::I64,
                },
                start: Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, span),
                end,
                step: None,
                body: Block::new(vec![assign]),
            },
            span,
        )
    }

    pub(super) fn lower_return(&mut self, node: Node<'_>) -> Stmt {
        let span = common::span(node);
        let mut values = node
            .named_child(0)
            .map(common::named_children)
            .unwrap_or_default();
        if self.current.returns_error {
            let Some(last) = values.pop() else {
                return self.unsupported_stmt(node, "return without an error value");
            };
            if self.is_error_ctor(last) {
                let message = self.lower_error_value(last);
                let message = self.to_str(message);
                return stmt(
                    StmtKind::Throw {
                        kind: ExceptionKind::Runtime,
                        message: Some(message),
                    },
                    span,
                );
            }
            if self.text(last) != "nil" {
                return self.unsupported_stmt(node, "returning an error value");
            }
        }
        if values.is_empty() {
            return stmt(StmtKind::Return(self.named_return(span)), span);
        }
        let ret = self.current.ret.clone();
        let expr = if values.len() == 1 {
            let e = self.lower_expr(values[0]);
            self.coerce(e, &ret)
        } else {
            let tys = match &ret {
                Type::Tuple(ts) => ts.clone(),
                _ => Vec::new(),
            };
            let parts: Vec<Expr> = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let e = self.lower_expr(*v);
                    match tys.get(i) {
                        Some(t) => self.coerce(e, t),
                        None => e,
                    }
                })
                .collect();
            let ty = Type::Tuple(parts.iter().map(|p| p.ty.clone()).collect());
            Expr::new(ExprKind::TupleLit(parts), ty, span)
        };
        stmt(StmtKind::Return(Some(expr)), span)
    }

    pub(super) fn lower_short_var(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let span = common::span(node);
        let left = common::field_children(node, "left");
        let right = common::field_children(node, "right");
        let names: Vec<String> = left.iter().map(|n| self.text(*n).to_string()).collect();
        if let [value] = right.as_slice() {
            if self.bind_regex(&names, *value) {
                return Vec::new();
            }
        }
        if let ([v, ok], [element]) = (names.as_slice(), right.as_slice()) {
            // v, ok := x.(T)
            if let Some((test, value)) = self.comma_ok_assertion(*element) {
                let mut out = Vec::new();
                if ok != "_" {
                    out.push(self.let_or_assign(ok, test, span));
                }
                if v != "_" {
                    out.push(self.let_or_assign(v, value, span));
                }
                return out;
            }
            // _, ok := set[k]
            if let Some((set, key)) = self.set_element(*element) {
                let present = self.intrinsic(Intrinsic::Contains, vec![set, key], Type::Bool, span);
                if names[0] != "_" {
                    return vec![self.unsupported_stmt(node, "value of a set element")];
                }
                return vec![self.let_or_assign(ok, present, span)];
            }
        }
        if names.len() == 2
            && right.len() == 1
            && right[0].kind() == "index_expression"
            && self.is_map_index(right[0])
        {
            // v, ok := m[k]
            let (Some(obj), Some(key)) = (
                right[0].child_by_field_name("operand"),
                right[0].child_by_field_name("index"),
            ) else {
                return vec![self.unsupported_stmt(node, "map lookup")];
            };
            let m = self.lower_expr(obj);
            let k = self.lower_expr(key);
            let k = match &m.ty {
                Type::Map(kt, _) => self.coerce(k, kt),
                _ => k,
            };
            let mut out = Vec::new();
            let present = self.intrinsic(
                Intrinsic::Contains,
                vec![m.clone(), k.clone()],
                Type::Bool,
                span,
            );
            let value = self.lower_expr(right[0]);
            if names[0] != "_" {
                out.push(self.let_or_assign(&names[0], value, span));
            }
            if names[1] != "_" {
                out.push(self.let_or_assign(&names[1], present, span));
            }
            return out;
        }
        if names.len() == right.len() {
            let fresh: Vec<String> = names
                .iter()
                .filter(|n| !self.declared_here(n))
                .cloned()
                .collect();
            let depth = self.pending.len();
            self.pending.extend(fresh);
            let values: Vec<Expr> = right.iter().map(|r| self.lower_expr(*r)).collect();
            self.pending.truncate(depth);
            return names
                .iter()
                .zip(values)
                .filter(|(n, _)| *n != "_")
                .map(|(n, v)| self.let_or_assign(n, v, span))
                .collect();
        }
        if right.len() == 1 {
            let value = self.lower_expr(right[0]);
            let Type::Tuple(types) = value.ty.clone() else {
                return vec![self.unsupported_stmt(node, "multiple assignment")];
            };
            if types.len() != names.len() {
                return vec![self.unsupported_stmt(node, "multiple assignment")];
            }
            let all_new = names.iter().all(|n| n == "_" || !self.declared_here(n));
            if all_new {
                let bindings = names
                    .iter()
                    .zip(&types)
                    .map(|(n, t)| Binding {
                        name: self.declare(n, t.clone()),
                        ty: t.clone(),
                    })
                    .collect();
                return vec![stmt(
                    StmtKind::LetTuple {
                        names: bindings,
                        init: value,
                    },
                    span,
                )];
            }
            let targets = names
                .iter()
                .zip(&types)
                .map(|(n, t)| Expr::new(ExprKind::Name(self.ir_name(n)), t.clone(), span))
                .collect();
            if names.iter().any(|n| n != "_" && !self.declared_here(n)) {
                return vec![self.unsupported_stmt(node, "mixed declaration and assignment")];
            }
            return vec![stmt(StmtKind::AssignTuple { targets, value }, span)];
        }
        vec![self.unsupported_stmt(node, "short variable declaration")]
    }

    pub(super) fn let_or_assign(&mut self, name: &str, value: Expr, span: ferry_ir::Span) -> Stmt {
        if self.declared_here(name) {
            let ty = self.lookup(name).unwrap_or(Type::Unknown);
            let value = self.coerce(value, &ty);
            let target = Expr::new(ExprKind::Name(self.ir_name(name)), ty, span);
            return stmt(
                StmtKind::Assign {
                    target,
                    op: None,
                    value,
                },
                span,
            );
        }
        let ty = value.ty.clone();
        let name = self.declare(name, ty.clone());
        stmt(
            StmtKind::Let {
                name,
                ty,
                init: Some(value),
            },
            span,
        )
    }

    pub(super) fn lower_local_var(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let mut out = Vec::new();
        for spec in self.var_specs(node) {
            let span = common::span(spec);
            let names = self.spec_names(spec);
            let type_node = spec.child_by_field_name("type");
            let declared = type_node.map(|t| self.lower_type(t));
            let values = common::field_children(spec, "value");
            if !values.is_empty() && values.len() != names.len() {
                out.push(self.unsupported_stmt(spec, "variable declaration"));
                continue;
            }
            for (i, name) in names.iter().enumerate() {
                if let Some(v) = values.get(i) {
                    if self.bind_regex(std::slice::from_ref(name), *v) {
                        continue;
                    }
                }
                let init = match values.get(i) {
                    Some(v) => {
                        self.pending.push(name.clone());
                        let e = self.lower_expr(*v);
                        self.pending.pop();
                        match &declared {
                            Some(t) => self.coerce(e, t),
                            None => e,
                        }
                    }
                    None => {
                        let ty = declared.clone().unwrap_or(Type::Unknown);
                        match (type_node, &ty) {
                            (Some(tn), Type::Array(elem)) if tn.kind() == "array_type" => {
                                let len =
                                    tn.child_by_field_name("length").map(|l| self.lower_expr(l));
                                let Some(len) = len else {
                                    out.push(self.unsupported_stmt(spec, "array declaration"));
                                    continue;
                                };
                                let fill = zero_value(elem, span);
                                self.intrinsic(
                                    Intrinsic::NewFilled,
                                    vec![len, fill],
                                    ty.clone(),
                                    span,
                                )
                            }
                            _ => zero_value(&ty, span),
                        }
                    }
                };
                let ty = declared.clone().unwrap_or_else(|| init.ty.clone());
                let name = self.declare(name, ty.clone());
                out.push(stmt(
                    StmtKind::Let {
                        name,
                        ty,
                        init: Some(init),
                    },
                    span,
                ));
            }
        }
        out
    }

    /// Whether an index expression indexes a map.
    pub(super) fn is_map_index(&mut self, node: Node<'_>) -> bool {
        if node.kind() != "index_expression" {
            return false;
        }
        let Some(obj) = node.child_by_field_name("operand") else {
            return false;
        };
        let saved = self.diags.len();
        let ty = self.lower_expr(obj).ty;
        self.diags.truncate(saved);
        matches!(ty, Type::Map(..))
    }

    /// An assignable place: a name, a field, or an element (a map element is a put).
    pub(super) fn lower_target(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        if node.kind() == "identifier" && self.text(node) == "_" {
            return Expr::new(ExprKind::Name("_".to_string()), Type::Unknown, span);
        }
        if self.is_map_index(node) {
            let (Some(obj), Some(key)) = (
                node.child_by_field_name("operand"),
                node.child_by_field_name("index"),
            ) else {
                return self.unsupported_expr(node, "map element");
            };
            let m = self.lower_expr(obj);
            let vty = match &m.ty {
                Type::Map(_, v) => (**v).clone(),
                _ => Type::Unknown,
            };
            let k = self.lower_expr(key);
            let k = match &m.ty {
                Type::Map(kt, _) => self.coerce(k, kt),
                _ => k,
            };
            return Expr::new(
                ExprKind::Index {
                    object: Box::new(m),
                    index: Box::new(k),
                },
                vty,
                span,
            );
        }
        self.lower_expr(node)
    }

    pub(super) fn lower_assignment(&mut self, node: Node<'_>) -> Vec<Stmt> {
        let span = common::span(node);
        let left = common::field_children(node, "left");
        let right = common::field_children(node, "right");
        let op_text = node
            .child_by_field_name("operator")
            .map(|o| self.text(o))
            .unwrap_or("=");
        if op_text != "=" {
            let (Some(l), Some(r)) = (left.first(), right.first()) else {
                return vec![self.unsupported_stmt(node, "assignment")];
            };
            let Some(op) = compound_op(op_text) else {
                return vec![self.unsupported_stmt(node, &format!("`{op_text}` assignment"))];
            };
            let target = self.lower_target(*l);
            let value = self.lower_expr(*r);
            if target.ty == Type::Char {
                // `c += 2` on a rune is arithmetic on its code: `c = CodeChar(code(c) + 2)`.
                let current = self.lower_expr(*l);
                let value = self.binary_expr(op, current, value, span);
                let value = self.coerce(value, &Type::Char);
                return vec![stmt(
                    StmtKind::Assign {
                        target,
                        op: None,
                        value,
                    },
                    span,
                )];
            }
            let value = self.coerce(value, &target.ty);
            if self.is_map_index(*l) {
                let current = self.lower_expr(*l);
                let value = self.binary_expr(op, current, value, span);
                return vec![stmt(
                    StmtKind::Assign {
                        target,
                        op: None,
                        value,
                    },
                    span,
                )];
            }
            if matches!(op, BinOp::Div(_) | BinOp::Rem(_)) && target.ty == Type::Float {
                let op = if matches!(op, BinOp::Div(_)) {
                    BinOp::Div(DivKind::True)
                } else {
                    op
                };
                return vec![stmt(
                    StmtKind::Assign {
                        target,
                        op: Some(op),
                        value,
                    },
                    span,
                )];
            }
            return vec![stmt(
                StmtKind::Assign {
                    target,
                    op: Some(op),
                    value,
                },
                span,
            )];
        }
        if left.len() == 1 && right.len() == 1 {
            return self.assign_one(left[0], right[0], span);
        }
        if left.len() == right.len() {
            let targets: Vec<Expr> = left.iter().map(|l| self.lower_target(*l)).collect();
            let values: Vec<Expr> = right
                .iter()
                .zip(&targets)
                .map(|(r, t)| {
                    let v = self.lower_expr(*r);
                    self.coerce(v, &t.ty)
                })
                .collect();
            let ty = Type::Tuple(values.iter().map(|v| v.ty.clone()).collect());
            let value = Expr::new(ExprKind::TupleLit(values), ty, span);
            return vec![stmt(StmtKind::AssignTuple { targets, value }, span)];
        }
        if let ([v, ok], [element]) = (left.as_slice(), right.as_slice()) {
            // v, ok = x.(T)
            if let Some((test, value)) = self.comma_ok_assertion(*element) {
                let mut out = Vec::new();
                for (target, value) in [(*ok, test), (*v, value)] {
                    if self.text(target) != "_" {
                        let target = self.lower_target(target);
                        out.push(stmt(
                            StmtKind::Assign {
                                target,
                                op: None,
                                value,
                            },
                            span,
                        ));
                    }
                }
                return out;
            }
        }
        if right.len() == 1 {
            let targets: Vec<Expr> = left.iter().map(|l| self.lower_target(*l)).collect();
            let value = self.lower_expr(right[0]);
            return vec![stmt(StmtKind::AssignTuple { targets, value }, span)];
        }
        vec![self.unsupported_stmt(node, "assignment")]
    }

    /// `set[k]` where `set` is a `map[K]struct{}`: the set and the key.
    pub(super) fn set_element(&mut self, node: Node<'_>) -> Option<(Expr, Expr)> {
        if node.kind() != "index_expression" {
            return None;
        }
        let obj = node.child_by_field_name("operand")?;
        let key = node.child_by_field_name("index")?;
        let saved = self.diags.len();
        let set = self.lower_expr(obj);
        let Type::Set(elem) = set.ty.clone() else {
            self.diags.truncate(saved);
            return None;
        };
        let key = self.lower_expr(key);
        Some((set, self.coerce(key, &elem)))
    }

    /// `x = e`, with `x = append(x, ..)`, `x = x[:len(x)-1]` and `x = x[1:]` made explicit.
    pub(super) fn assign_one(
        &mut self,
        l: Node<'_>,
        r: Node<'_>,
        span: ferry_ir::Span,
    ) -> Vec<Stmt> {
        let ltext = self.text(l);
        // set[k] = struct{}{}
        if self.text(r).split_whitespace().eq(["struct{}{}"]) {
            if let Some((set, key)) = self.set_element(l) {
                let add = self.intrinsic(Intrinsic::Add, vec![set, key], Type::Void, span);
                return vec![stmt(StmtKind::Expr(add), span)];
            }
        }
        // x = append(x, a, b) / x = append(x, ys...)
        if r.kind() == "call_expression"
            && r.child_by_field_name("function")
                .is_some_and(|f| self.text(f) == "append")
        {
            let args = common::field_children(r, "arguments");
            if args.first().is_some_and(|a| self.text(*a) == ltext) {
                let mut out = Vec::new();
                let list = if self.is_map_index(l) {
                    // m[k] = append(m[k], v): create the missing list first.
                    let target = self.lower_target(l);
                    let (m, k) = match &target.kind {
                        ExprKind::Index { object, index } => {
                            ((**object).clone(), (**index).clone())
                        }
                        _ => return vec![self.unsupported_stmt(l, "append to a map element")],
                    };
                    let has = self.intrinsic(Intrinsic::Contains, vec![m, k], Type::Bool, span);
                    let missing = Expr::new(
                        ExprKind::Unary {
                            op: UnaryOp::Not,
                            operand: Box::new(has),
                        },
                        Type::Bool,
                        span,
                    );
                    let empty = zero_value(&target.ty, span);
                    let init = stmt(
                        StmtKind::Assign {
                            target: target.clone(),
                            op: None,
                            value: empty,
                        },
                        span,
                    );
                    out.push(stmt(
                        StmtKind::If {
                            cond: missing,
                            then: Block::new(vec![init]),
                            else_: None,
                        },
                        span,
                    ));
                    target
                } else {
                    self.lower_expr(args[0])
                };
                let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
                for a in &args[1..] {
                    if a.kind() == "variadic_argument" {
                        let other = a.named_child(0).map(|x| self.lower_expr(x));
                        let Some(other) = other else { continue };
                        let e = self.intrinsic(
                            Intrinsic::Extend,
                            vec![list.clone(), other],
                            Type::Void,
                            span,
                        );
                        out.push(stmt(StmtKind::Expr(e), span));
                    } else {
                        let v = self.lower_expr(*a);
                        let v = self.coerce(v, &elem);
                        let e = self.intrinsic(
                            Intrinsic::Append,
                            vec![list.clone(), v],
                            Type::Void,
                            span,
                        );
                        out.push(stmt(StmtKind::Expr(e), span));
                    }
                }
                return out;
            }
        }
        // x = x[:len(x)-k] / x = x[k:]
        if r.kind() == "slice_expression"
            && r.child_by_field_name("operand")
                .is_some_and(|o| self.text(o) == ltext)
        {
            let start = r
                .child_by_field_name("start")
                .map(|s| self.text(s).replace(' ', ""));
            let end = r
                .child_by_field_name("end")
                .map(|s| self.text(s).replace(' ', ""));
            let list = self.lower_expr(l);
            if matches!(list.ty, Type::List(_)) {
                let prefix = format!("len({ltext})-");
                if start.is_none() {
                    if let Some(k) = end
                        .as_deref()
                        .and_then(|e| e.strip_prefix(&prefix))
                        .and_then(|k| k.parse::<usize>().ok())
                    {
                        if k <= 4 {
                            let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
                            return (0..k)
                                .map(|_| {
                                    stmt(
                                        StmtKind::Expr(self.intrinsic(
                                            Intrinsic::Pop,
                                            vec![list.clone()],
                                            elem.clone(),
                                            span,
                                        )),
                                        span,
                                    )
                                })
                                .collect();
                        }
                    }
                }
                if end.is_none() && start.as_deref() == Some("1") {
                    let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
                    let zero = Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, span);
                    let e = self.intrinsic(Intrinsic::RemoveAt, vec![list, zero], elem, span);
                    return vec![stmt(StmtKind::Expr(e), span)];
                }
            }
        }
        let target = self.lower_target(l);
        let value = self.lower_expr(r);
        let value = self.coerce(value, &target.ty);
        vec![stmt(
            StmtKind::Assign {
                target,
                op: None,
                value,
            },
            span,
        )]
    }
}
