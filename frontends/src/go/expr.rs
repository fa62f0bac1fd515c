//! Expressions: literals, operators with explicit semantics, selectors, indexing, slicing,
//! composite literals and function literals.

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{
    BinOp, DivKind, EqKind, Expr, ExprKind, Intrinsic, LambdaBody, Language, Literal, Param,
    RemKind, Span, Type, UnaryOp,
};
use tree_sitter::Node;

use super::types::{parse_int, unescape, zero_value};
use super::{error_type, Lowerer};
use crate::common;

impl Lowerer<'_> {
    pub(super) fn intrinsic(&self, op: Intrinsic, args: Vec<Expr>, ty: Type, span: Span) -> Expr {
        Expr::new(ExprKind::Intrinsic { op, args }, ty, span)
    }

    /// `x` as text: unchanged for strings, the message of an error, `ToStr(Go)` otherwise.
    pub(super) fn to_str(&self, e: Expr) -> Expr {
        let span = e.span;
        if e.ty == Type::Str {
            e
        } else if e.ty == error_type() {
            self.intrinsic(Intrinsic::ErrorMessage, vec![e], Type::Str, span)
        } else {
            self.intrinsic(Intrinsic::ToStr(Language::Go), vec![e], Type::Str, span)
        }
    }

    /// Gives an untyped constant the type its context expects (`3` where a `float64` is wanted).
    pub(super) fn coerce(&self, mut e: Expr, ty: &Type) -> Expr {
        match (&e.kind, ty) {
            (ExprKind::Lit(Literal::Int(v)), Type::Float) => {
                e.kind = ExprKind::Lit(Literal::Float(*v as f64));
                e.ty = Type::Float;
            }
            (ExprKind::Lit(Literal::Int(_)), Type::Int(_)) => e.ty = ty.clone(),
            (ExprKind::Lit(Literal::Null), _) => e.ty = ty.clone(),
            // A rune stored as an `int32` (its alias) or an untyped rune constant stored in an int.
            (_, Type::Int(_)) if e.ty == Type::Char => {
                let span = e.span;
                return Expr::new(
                    ExprKind::Intrinsic {
                        op: Intrinsic::CharCode,
                        args: vec![e],
                    },
                    ty.clone(),
                    span,
                );
            }
            // Rune arithmetic is integer arithmetic on codes; stored in a rune, it is a character.
            (_, Type::Char) if e.ty.is_int() => {
                let span = e.span;
                let args = vec![e];
                return Expr::new(
                    ExprKind::Intrinsic {
                        op: Intrinsic::CodeChar,
                        args,
                    },
                    Type::Char,
                    span,
                );
            }
            (
                ExprKind::Unary {
                    op: UnaryOp::Neg,
                    operand,
                },
                Type::Float,
            ) if matches!(operand.kind, ExprKind::Lit(Literal::Int(_))) => {
                if let ExprKind::Unary { operand, .. } = &mut e.kind {
                    **operand = self.coerce((**operand).clone(), ty);
                }
                e.ty = Type::Float;
            }
            (ExprKind::Binary { .. }, Type::Float) if e.ty.is_int() && is_constant(&e) => {
                if let ExprKind::Binary { lhs, rhs, op } = &mut e.kind {
                    **lhs = self.coerce((**lhs).clone(), ty);
                    **rhs = self.coerce((**rhs).clone(), ty);
                    if let BinOp::Div(_) = op {
                        *op = BinOp::Div(DivKind::True);
                    }
                }
                e.ty = Type::Float;
            }
            _ => {}
        }
        e
    }

    pub(super) fn lower_expr(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let lit = |l: Literal, ty: Type| Expr::new(ExprKind::Lit(l), ty, span);
        match node.kind() {
            "identifier" => self.lower_name(node),
            "int_literal" => match parse_int(self.text(node)) {
                Some(v) => lit(Literal::Int(v), Type::I64),
                None => self.unsupported_expr(node, "integer literal"),
            },
            "float_literal" => match self.text(node).replace('_', "").parse::<f64>() {
                Ok(v) => lit(Literal::Float(v), Type::Float),
                Err(_) => self.unsupported_expr(node, "float literal"),
            },
            "interpreted_string_literal" => {
                let t = self.text(node);
                let body = t.get(1..t.len().saturating_sub(1)).unwrap_or("");
                match unescape(body) {
                    Some(s) => lit(Literal::Str(s), Type::Str),
                    None => self.unsupported_expr(node, "string escape"),
                }
            }
            "raw_string_literal" => {
                let t = self.text(node);
                let body = t
                    .get(1..t.len().saturating_sub(1))
                    .unwrap_or("")
                    .replace('\r', "");
                lit(Literal::Str(body), Type::Str)
            }
            "rune_literal" => {
                let t = self.text(node);
                let body = t.get(1..t.len().saturating_sub(1)).unwrap_or("");
                let s = unescape(body).unwrap_or_default();
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => lit(Literal::Char(c), Type::Char),
                    _ => self.unsupported_expr(node, "rune literal"),
                }
            }
            "true" => lit(Literal::Bool(true), Type::Bool),
            "false" => lit(Literal::Bool(false), Type::Bool),
            "nil" => lit(Literal::Null, Type::Unknown),
            "parenthesized_expression" => match node.named_child(0) {
                Some(inner) => self.lower_expr(inner),
                None => self.unsupported_expr(node, "empty parentheses"),
            },
            "binary_expression" => self.lower_binary(node),
            "unary_expression" => self.lower_unary(node),
            "call_expression" => self.lower_call(node),
            "selector_expression" => self.lower_selector(node),
            "index_expression" => self.lower_index(node),
            "slice_expression" => self.lower_slice(node),
            "composite_literal" => self.lower_composite(node),
            "func_literal" => self.lower_func_literal(node),
            "type_conversion_expression" => {
                let ty = node
                    .child_by_field_name("type")
                    .map(|t| self.text(t))
                    .unwrap_or("");
                let operand = node.child_by_field_name("operand");
                match (ty, operand) {
                    ("[]rune" | "[]byte", Some(o)) => {
                        let s = self.lower_expr(o);
                        self.intrinsic(Intrinsic::Chars, vec![s], Type::list(Type::Char), span)
                    }
                    _ => self.unsupported_expr(node, "type conversion"),
                }
            }
            _ => self.unsupported_expr(node, &common::construct_name(node, "expression")),
        }
    }

    fn lower_name(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let name = self.text(node);
        if self.receiver.as_deref() == Some(name) {
            let ty = self.lookup(name).unwrap_or(Type::Unknown);
            return Expr::new(ExprKind::This, ty, span);
        }
        match self.lookup(name) {
            Some(ty) if ty == error_type() => {
                let e = Expr::new(ExprKind::Name(self.ir_name(name)), ty, span);
                self.intrinsic(Intrinsic::ErrorMessage, vec![e], Type::Str, span)
            }
            Some(ty) => Expr::new(ExprKind::Name(self.ir_name(name)), ty, span),
            None => self.unsupported_expr(node, "unknown name"),
        }
    }

    /// A binary operation with Go's semantics made explicit.
    pub(super) fn binary_expr(&self, op: BinOp, lhs: Expr, rhs: Expr, span: Span) -> Expr {
        let is_cmp = matches!(
            op,
            BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
        );
        let is_logic = matches!(op, BinOp::And | BinOp::Or);
        let code = |e: Expr| {
            if e.ty == Type::Char {
                let sp = e.span;
                self.intrinsic(Intrinsic::CharCode, vec![e], Type::I64, sp)
            } else {
                e
            }
        };
        if is_logic {
            return Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                Type::Bool,
                span,
            );
        }
        if is_cmp {
            let (lhs, rhs) = if (lhs.ty == Type::Char) != (rhs.ty == Type::Char) {
                (code(lhs), code(rhs))
            } else if lhs.ty == Type::Float || rhs.ty == Type::Float {
                (
                    self.coerce(lhs, &Type::Float),
                    self.coerce(rhs, &Type::Float),
                )
            } else {
                let (l, r) = (lhs.ty.clone(), rhs.ty.clone());
                (self.coerce(lhs, &r), self.coerce(rhs, &l))
            };
            return Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                Type::Bool,
                span,
            );
        }
        if lhs.ty == Type::Str && rhs.ty == Type::Str && op == BinOp::Add {
            return Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                Type::Str,
                span,
            );
        }
        let (lhs, rhs) = (code(lhs), code(rhs));
        if lhs.ty == Type::Float || rhs.ty == Type::Float {
            let lhs = self.coerce(lhs, &Type::Float);
            let rhs = self.coerce(rhs, &Type::Float);
            let op = match op {
                BinOp::Div(_) => BinOp::Div(DivKind::True),
                o => o,
            };
            return Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                Type::Float,
                span,
            );
        }
        let ty = match (&lhs.kind, &lhs.ty, &rhs.ty) {
            (ExprKind::Lit(_), _, r @ Type::Int(_)) => r.clone(),
            (_, l @ Type::Int(_), _) => l.clone(),
            (_, _, r @ Type::Int(_)) => r.clone(),
            _ => Type::Unknown,
        };
        Expr::new(
            ExprKind::Binary {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
            ty,
            span,
        )
    }

    fn lower_binary(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let op_text = node
            .child_by_field_name("operator")
            .map(|o| self.text(o))
            .unwrap_or("");
        let (Some(l), Some(r)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return self.unsupported_expr(node, "binary expression");
        };
        let op = match op_text {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mul,
            "/" => BinOp::Div(DivKind::Trunc),
            "%" => BinOp::Rem(RemKind::Trunc),
            "&" => BinOp::BitAnd,
            "|" => BinOp::BitOr,
            "^" => BinOp::BitXor,
            "<<" => BinOp::Shl,
            ">>" => BinOp::Shr,
            "&&" => BinOp::And,
            "||" => BinOp::Or,
            "==" => BinOp::Eq(EqKind::Value),
            "!=" => BinOp::Ne(EqKind::Value),
            "<" => BinOp::Lt,
            "<=" => BinOp::Le,
            ">" => BinOp::Gt,
            ">=" => BinOp::Ge,
            other => return self.unsupported_expr(node, &format!("`{other}` operator")),
        };
        let lhs = self.lower_expr(l);
        // The right operand of `&&`/`||` may not run: nothing in it can be hoisted.
        let may_hoist = self.may_hoist;
        self.may_hoist &= !matches!(op, BinOp::And | BinOp::Or);
        let rhs = self.lower_expr(r);
        self.may_hoist = may_hoist;
        if lhs.ty == error_type()
            || rhs.ty == error_type()
            || matches!(
                lhs.kind,
                ExprKind::Intrinsic {
                    op: Intrinsic::ErrorMessage,
                    ..
                }
            )
        {
            return self.unsupported_expr(node, "comparison of error values");
        }
        self.binary_expr(op, lhs, rhs, span)
    }

    fn lower_unary(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let op = node
            .child_by_field_name("operator")
            .map(|o| self.text(o))
            .unwrap_or("");
        let Some(operand) = node.child_by_field_name("operand") else {
            return self.unsupported_expr(node, "unary expression");
        };
        let op = match op {
            "-" => UnaryOp::Neg,
            "!" => UnaryOp::Not,
            "^" => UnaryOp::BitNot,
            "+" | "&" => return self.lower_expr(operand),
            other => return self.unsupported_expr(node, &format!("unary `{other}`")),
        };
        let e = self.lower_expr(operand);
        let e = if e.ty == Type::Char {
            self.intrinsic(Intrinsic::CharCode, vec![e], Type::I64, span)
        } else {
            e
        };
        let ty = if op == UnaryOp::Not {
            Type::Bool
        } else {
            e.ty.clone()
        };
        Expr::new(
            ExprKind::Unary {
                op,
                operand: Box::new(e),
            },
            ty,
            span,
        )
    }

    fn lower_selector(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let (Some(op), Some(field)) = (
            node.child_by_field_name("operand"),
            node.child_by_field_name("field"),
        ) else {
            return self.unsupported_expr(node, "selector");
        };
        let field = self.text(field);
        if op.kind() == "identifier"
            && self.lookup(self.text(op)).is_none()
            && self.receiver.as_deref() != Some(self.text(op))
        {
            return self.package_constant(node, self.text(op), field);
        }
        let object = self.lower_expr(op);
        let ty = match &object.ty {
            Type::Named(c) => self.field_type(c, field),
            _ => None,
        };
        match ty {
            Some(ty) => Expr::new(
                ExprKind::Field {
                    object: Box::new(object),
                    name: field.to_string(),
                },
                ty,
                span,
            ),
            None => self.unsupported_expr(node, "selector on this value"),
        }
    }

    fn lower_index(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let (Some(op), Some(idx)) = (
            node.child_by_field_name("operand"),
            node.child_by_field_name("index"),
        ) else {
            return self.unsupported_expr(node, "index expression");
        };
        let (op_text, idx_text) = (self.text(op), self.text(idx));
        if let Some((_, _, param, ty)) = self
            .key_subst
            .iter()
            .find(|(l, i, _, _)| l == op_text && i == idx_text)
        {
            return Expr::new(ExprKind::Name(param.clone()), ty.clone(), span);
        }
        let object = self.lower_expr(op);
        let index = self.lower_expr(idx);
        match object.ty.clone() {
            Type::Str => self.intrinsic(
                Intrinsic::CharAt(StrUnit::Byte),
                vec![object, index],
                Type::Char,
                span,
            ),
            Type::Map(k, v) => {
                let index = self.coerce(index, &k);
                let default = zero_value(&v, span);
                self.intrinsic(
                    Intrinsic::GetOrDefault,
                    vec![object, index, default],
                    *v,
                    span,
                )
            }
            Type::List(e) | Type::Array(e) => Expr::new(
                ExprKind::Index {
                    object: Box::new(object),
                    index: Box::new(index),
                },
                *e,
                span,
            ),
            _ => self.unsupported_expr(node, "index on this value"),
        }
    }

    fn lower_slice(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let Some(op) = node.child_by_field_name("operand") else {
            return self.unsupported_expr(node, "slice expression");
        };
        if node.child_by_field_name("capacity").is_some() {
            return self.unsupported_expr(node, "three-index slice");
        }
        let object = self.lower_expr(op);
        let start = node
            .child_by_field_name("start")
            .map(|s| self.lower_expr(s));
        let end = node.child_by_field_name("end").map(|s| self.lower_expr(s));
        match object.ty.clone() {
            Type::Str => {
                let start = start
                    .unwrap_or_else(|| Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, span));
                let mut args = vec![object, start];
                args.extend(end);
                self.intrinsic(Intrinsic::Substring(StrUnit::Byte), args, Type::Str, span)
            }
            Type::List(e) | Type::Array(e) => Expr::new(
                ExprKind::Slice {
                    object: Box::new(object),
                    start: start.map(Box::new),
                    end: end.map(Box::new),
                    step: None,
                },
                Type::List(e),
                span,
            ),
            _ => self.unsupported_expr(node, "slice of this value"),
        }
    }

    fn lower_composite(&mut self, node: Node<'_>) -> Expr {
        let (Some(tn), Some(body)) = (
            node.child_by_field_name("type"),
            node.child_by_field_name("body"),
        ) else {
            return self.unsupported_expr(node, "composite literal");
        };
        let ty = self.lower_type(tn);
        self.lower_literal_value(body, &ty)
    }

    /// The `{...}` of a composite literal whose type is `ty`.
    fn lower_literal_value(&mut self, body: Node<'_>, ty: &Type) -> Expr {
        let span = common::span(body);
        let elements = common::named_children(body);
        match ty {
            Type::List(elem) | Type::Array(elem) => {
                let mut items = Vec::new();
                for el in elements {
                    if el.kind() != "literal_element" {
                        return self.unsupported_expr(el, "indexed slice literal");
                    }
                    items.push(self.lower_element(el, elem));
                }
                Expr::new(ExprKind::ListLit(items), ty.clone(), span)
            }
            Type::Map(k, v) => {
                let mut pairs = Vec::new();
                for el in elements {
                    let (Some(key), Some(value)) = (
                        el.child_by_field_name("key"),
                        el.child_by_field_name("value"),
                    ) else {
                        return self.unsupported_expr(el, "map literal element");
                    };
                    let key = self.lower_element(key, k);
                    let value = self.lower_element(value, v);
                    pairs.push((key, value));
                }
                Expr::new(ExprKind::MapLit(pairs), ty.clone(), span)
            }
            // `map[K]struct{}{k: {}, ..}`
            Type::Set(k) => {
                let mut items = Vec::new();
                for el in elements {
                    let key = el.child_by_field_name("key");
                    let value = el.child_by_field_name("value").map(|v| self.text(v));
                    let (Some(key), Some("{}")) = (key, value) else {
                        return self.unsupported_expr(el, "set literal element");
                    };
                    items.push(self.lower_element(key, k));
                }
                Expr::new(ExprKind::SetLit(items), ty.clone(), span)
            }
            Type::Named(class) => {
                let Some(info) = self.classes.get(class).cloned() else {
                    return self.unsupported_expr(body, "struct literal");
                };
                if info.ctor.is_some() || info.is_interface || info.embeds.is_some() {
                    return self.unsupported_expr(
                        body,
                        "struct literal of a type with a constructor function",
                    );
                }
                let mut args: Vec<Expr> = info
                    .fields
                    .iter()
                    .map(|(_, t)| zero_value(t, span))
                    .collect();
                for (i, el) in elements.into_iter().enumerate() {
                    let (pos, value) = if el.kind() == "keyed_element" {
                        let key = el
                            .child_by_field_name("key")
                            .map(|k| self.text(k))
                            .unwrap_or("");
                        (
                            info.fields.iter().position(|(n, _)| n == key),
                            el.child_by_field_name("value"),
                        )
                    } else {
                        (Some(i), Some(el))
                    };
                    let (Some(pos), Some(value)) = (pos, value) else {
                        return self.unsupported_expr(el, "struct literal element");
                    };
                    let fty = info
                        .fields
                        .get(pos)
                        .map(|f| f.1.clone())
                        .unwrap_or(Type::Unknown);
                    if let Some(slot) = args.get_mut(pos) {
                        *slot = self.lower_element(value, &fty);
                    }
                }
                Expr::new(
                    ExprKind::New {
                        class: class.clone(),
                        args,
                    },
                    ty.clone(),
                    span,
                )
            }
            _ => self.unsupported_expr(body, "composite literal of this type"),
        }
    }

    /// An element of a composite literal, whose type may be elided (`{1, 2}` in `[][]int{..}`).
    pub(super) fn lower_element(&mut self, node: Node<'_>, expected: &Type) -> Expr {
        let inner = if node.kind() == "literal_element" {
            node.named_child(0)
        } else {
            Some(node)
        };
        let Some(inner) = inner else {
            return self.unsupported_expr(node, "literal element");
        };
        if inner.kind() == "literal_value" {
            return self.lower_literal_value(inner, expected);
        }
        let e = self.lower_expr(inner);
        self.coerce(e, expected)
    }

    fn lower_func_literal(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let mut params: Vec<Param> = node
            .child_by_field_name("parameters")
            .map(|p| self.params_of(p))
            .unwrap_or_default()
            .into_iter()
            .map(|(name, ty, variadic)| Param {
                name,
                ty,
                variadic,
                default: None,
                span,
            })
            .collect();
        let ret = node
            .child_by_field_name("result")
            .map_or(Type::Void, |r| self.result_type(r).0);
        let saved = std::mem::take(&mut self.current);
        self.current.ret = ret.clone();
        self.push_scope();
        for p in &mut params {
            p.name = self.declare(&p.name, p.ty.clone());
        }
        let body = node
            .child_by_field_name("body")
            .map(|b| self.lower_block(b))
            .unwrap_or_default();
        self.pop_scope();
        self.current = saved;
        let ty = Type::Func(params.iter().map(|p| p.ty.clone()).collect(), Box::new(ret));
        Expr::new(
            ExprKind::Lambda {
                params,
                body: LambdaBody::Block(body),
            },
            ty,
            span,
        )
    }
}

/// Whether an expression is built from literals only (an untyped Go constant).
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::Binary { lhs, rhs, .. } => is_constant(lhs) && is_constant(rhs),
        ExprKind::Unary { operand, .. } => is_constant(operand),
        _ => false,
    }
}
