//! Expressions: operators with Java's semantics made explicit, literals, names, objects, lambdas.

use ferry_ir::{
    BinOp, DivKind, EqKind, Expr, ExprKind, Intrinsic, LambdaBody, Language, Literal, Param,
    RemKind, Stmt, StmtKind, Type, UnaryOp, CONSTRUCTOR,
};
use tree_sitter::Node;

use super::types::is_reference;
use super::{span, Lowerer};
use crate::common::{field_children, named_children};

pub(super) fn intrinsic(op: Intrinsic, args: Vec<Expr>, node: Node<'_>) -> Expr {
    let tys: Vec<Type> = args.iter().map(|a| a.ty.clone()).collect();
    let ty = op.result_type(&tys);
    let ty = match (op, ty) {
        // Java lengths, indexes and parsed numbers are `int`.
        (
            Intrinsic::Len(_)
            | Intrinsic::IndexOf
            | Intrinsic::LastIndexOf
            | Intrinsic::CompareStr
            | Intrinsic::ParseInt
            | Intrinsic::CharCode
            | Intrinsic::Count,
            _,
        ) => Type::I32,
        (_, t) => t,
    };
    Expr::new(ExprKind::Intrinsic { op, args }, ty, span(node))
}

pub(super) fn with_ty(op: Intrinsic, args: Vec<Expr>, ty: Type, node: Node<'_>) -> Expr {
    Expr::new(ExprKind::Intrinsic { op, args }, ty, span(node))
}

fn lit(l: Literal, ty: Type, node: Node<'_>) -> Expr {
    Expr::new(ExprKind::Lit(l), ty, span(node))
}

/// Binary arithmetic result type with Java's numeric promotion.
fn promote(a: &Type, b: &Type) -> Type {
    match (a, b) {
        (Type::Float, _) | (_, Type::Float) => Type::Float,
        (Type::Int(ferry_ir::IntKind::I64), _) | (_, Type::Int(ferry_ir::IntKind::I64)) => {
            Type::I64
        }
        _ => Type::I32,
    }
}

impl Lowerer<'_> {
    pub(super) fn missing(&mut self, node: Node<'_>) -> Expr {
        let u = self.unsupported(node, "missing expression");
        Expr::new(ExprKind::Unsupported(u), Type::Unknown, span(node))
    }

    fn unsupported_expr(&mut self, node: Node<'_>, what: &str) -> Expr {
        let u = self.unsupported(node, what);
        Expr::new(ExprKind::Unsupported(u), Type::Unknown, span(node))
    }

    /// Wraps a non-string value in `ToStr(Java)`; characters become `CharToStr`.
    pub(super) fn stringify(&mut self, e: Expr) -> Expr {
        let sp = e.span;
        match e.ty {
            Type::Str => e,
            _ => Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::ToStr(Language::Java),
                    args: vec![e],
                },
                Type::Str,
                sp,
            ),
        }
    }

    /// A character used as a number.
    pub(super) fn as_number(&mut self, e: Expr) -> Expr {
        if e.ty == Type::Char {
            let sp = e.span;
            return Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::CharCode,
                    args: vec![e],
                },
                Type::I32,
                sp,
            );
        }
        e
    }

    /// The zero value a Java field of this type starts with.
    pub(super) fn default_value(&mut self, ty: &Type, node: Node<'_>) -> Expr {
        let l = match ty {
            Type::Bool => Literal::Bool(false),
            Type::Int(_) => Literal::Int(0),
            Type::Float => Literal::Float(0.0),
            Type::Char => Literal::Char('\0'),
            _ => Literal::Null,
        };
        lit(l, ty.clone(), node)
    }

    /// An expression whose type is known from its context (a declaration or a parameter).
    pub(super) fn expr_expect(&mut self, node: Node<'_>, ty: &Type) -> Expr {
        match node.kind() {
            "array_initializer" => {
                let elem = ty.element().cloned().unwrap_or(Type::Unknown);
                let items: Vec<Expr> = named_children(node)
                    .into_iter()
                    .map(|c| self.expr_expect(c, &elem))
                    .collect();
                Expr::new(ExprKind::ListLit(items), ty.clone(), span(node))
            }
            _ => {
                let mut e = self.expr(node);
                if !e.ty.is_known() && ty.is_known() {
                    if let ExprKind::Intrinsic {
                        op: Intrinsic::NewCollection | Intrinsic::CopyOf,
                        ..
                    }
                    | ExprKind::ListLit(_)
                    | ExprKind::MapLit(_)
                    | ExprKind::Lambda { .. } = e.kind
                    {
                        e.ty = ty.clone();
                    }
                }
                if let (Type::Float, true) = (ty, e.ty.is_int()) {
                    if let ExprKind::Lit(Literal::Int(n)) = e.kind {
                        #[allow(clippy::cast_precision_loss)]
                        return lit(Literal::Float(n as f64), Type::Float, node);
                    }
                    let sp = e.span;
                    return Expr::new(
                        ExprKind::Cast {
                            expr: Box::new(e),
                            to: Type::Float,
                        },
                        Type::Float,
                        sp,
                    );
                }
                if ty.is_int() && e.ty == Type::Char {
                    return self.as_number(e);
                }
                if let (Type::Int(_), Type::Int(_), ExprKind::Lit(_)) = (ty, &e.ty, &e.kind) {
                    e.ty = ty.clone();
                }
                e
            }
        }
    }

    pub(super) fn expr(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        match node.kind() {
            "parenthesized_expression" => match named_children(node).first() {
                Some(c) => self.expr(*c),
                None => self.missing(node),
            },
            "decimal_integer_literal"
            | "hex_integer_literal"
            | "octal_integer_literal"
            | "binary_integer_literal" => {
                let t = self.text(node).replace('_', "");
                let (t, long) = match t.strip_suffix(['l', 'L']) {
                    Some(s) => (s.to_string(), true),
                    None => (t, false),
                };
                let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
                    i128::from_str_radix(h, 16).ok()
                } else if let Some(b) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
                    i128::from_str_radix(b, 2).ok()
                } else if t.len() > 1 && t.starts_with('0') {
                    i128::from_str_radix(&t[1..], 8).ok()
                } else {
                    t.parse().ok()
                };
                match v {
                    Some(v) => lit(
                        Literal::Int(v),
                        if long { Type::I64 } else { Type::I32 },
                        node,
                    ),
                    None => self.unsupported_expr(node, "integer literal"),
                }
            }
            "decimal_floating_point_literal" => {
                let t = self.text(node).replace('_', "");
                match t.trim_end_matches(['d', 'D', 'f', 'F']).parse::<f64>() {
                    Ok(v) => lit(Literal::Float(v), Type::Float, node),
                    Err(_) => self.unsupported_expr(node, "floating-point literal"),
                }
            }
            "true" => lit(Literal::Bool(true), Type::Bool, node),
            "false" => lit(Literal::Bool(false), Type::Bool, node),
            "null_literal" => lit(Literal::Null, Type::Unknown, node),
            "string_literal" => match unescape(self.text(node).trim_matches('"')) {
                Some(s) => lit(Literal::Str(s), Type::Str, node),
                None => self.unsupported_expr(node, "string literal escape"),
            },
            "character_literal" => {
                let inner = self.text(node);
                let inner = inner.get(1..inner.len().saturating_sub(1)).unwrap_or("");
                match unescape(inner).and_then(|s| {
                    let mut cs = s.chars();
                    let c = cs.next()?;
                    cs.next().is_none().then_some(c)
                }) {
                    Some(c) => lit(Literal::Char(c), Type::Char, node),
                    None => self.unsupported_expr(node, "character literal"),
                }
            }
            "this" => Expr::new(
                ExprKind::This,
                self.current.clone().map_or(Type::Unknown, Type::Named),
                sp,
            ),
            "identifier" => self.identifier(node),
            "field_access" => self.field_access(node),
            "array_access" => {
                let (Some(a), Some(i)) = (
                    node.child_by_field_name("array"),
                    node.child_by_field_name("index"),
                ) else {
                    return self.missing(node);
                };
                let a = self.expr(a);
                let i = self.expr(i);
                let i = self.as_number(i);
                let ty = a.ty.element().cloned().unwrap_or(Type::Unknown);
                Expr::new(
                    ExprKind::Index {
                        object: Box::new(a),
                        index: Box::new(i),
                    },
                    ty,
                    sp,
                )
            }
            "binary_expression" => self.binary(node),
            "unary_expression" => {
                let op_text = node
                    .child_by_field_name("operator")
                    .map_or("", |o| self.text(o));
                let Some(operand) = node.child_by_field_name("operand") else {
                    return self.missing(node);
                };
                let e = self.expr(operand);
                let op = match op_text {
                    "-" => UnaryOp::Neg,
                    "!" => UnaryOp::Not,
                    "~" => UnaryOp::BitNot,
                    "+" => return self.as_number(e),
                    _ => return self.unsupported_expr(node, "unary operator"),
                };
                if let (UnaryOp::Neg, ExprKind::Lit(Literal::Int(n))) = (op, &e.kind) {
                    return lit(Literal::Int(-n), e.ty.clone(), node);
                }
                if let (UnaryOp::Neg, ExprKind::Lit(Literal::Float(f))) = (op, &e.kind) {
                    return lit(Literal::Float(-f), Type::Float, node);
                }
                let e = if op == UnaryOp::Not {
                    e
                } else {
                    self.as_number(e)
                };
                let ty = e.ty.clone();
                Expr::new(
                    ExprKind::Unary {
                        op,
                        operand: Box::new(e),
                    },
                    ty,
                    sp,
                )
            }
            "update_expression" => {
                let Some(target) = named_children(node).into_iter().next() else {
                    return self.missing(node);
                };
                let prefix = node.child(0).is_some_and(|c| !c.is_named());
                let increment = self.text(node).contains("++");
                let t = self.expr(target);
                let ty = t.ty.clone();
                Expr::new(
                    ExprKind::IncDec {
                        target: Box::new(t),
                        increment,
                        prefix,
                    },
                    ty,
                    sp,
                )
            }
            "ternary_expression" => {
                let (Some(c), Some(a), Some(b)) = (
                    node.child_by_field_name("condition"),
                    node.child_by_field_name("consequence"),
                    node.child_by_field_name("alternative"),
                ) else {
                    return self.missing(node);
                };
                let c = self.expr(c);
                let a = self.expr(a);
                let b = self.expr(b);
                let ty = if a.ty.is_known() {
                    a.ty.clone()
                } else {
                    b.ty.clone()
                };
                let ty = if a.ty.is_numeric() && b.ty.is_numeric() {
                    promote(&a.ty, &b.ty)
                } else {
                    ty
                };
                Expr::new(
                    ExprKind::Cond {
                        cond: Box::new(c),
                        then: Box::new(a),
                        else_: Box::new(b),
                    },
                    ty,
                    sp,
                )
            }
            "cast_expression" => {
                let (Some(t), Some(v)) = (
                    node.child_by_field_name("type"),
                    node.child_by_field_name("value"),
                ) else {
                    return self.missing(node);
                };
                let to = self.lower_type(t);
                let e = self.expr(v);
                match (&to, &e.ty) {
                    (Type::Char, t) if t.is_int() => match e.kind {
                        // `(char) c` of a character used as an `int` is the character.
                        ExprKind::Intrinsic {
                            op: Intrinsic::CharCode,
                            mut args,
                        } if args.len() == 1 => args.remove(0),
                        kind => intrinsic(
                            Intrinsic::CodeChar,
                            vec![Expr::new(kind, e.ty, e.span)],
                            node,
                        ),
                    },
                    (Type::Int(_), Type::Char) => {
                        let mut n = self.as_number(e);
                        n.ty = to;
                        n
                    }
                    (a, b) if a == b => e,
                    (Type::Int(_) | Type::Float, _) | (Type::Str | Type::Bool, Type::Any) => {
                        Expr::new(
                            ExprKind::Cast {
                                expr: Box::new(e),
                                to: to.clone(),
                            },
                            to,
                            sp,
                        )
                    }
                    _ => {
                        let mut e = e;
                        e.ty = to;
                        e
                    }
                }
            }
            "method_invocation" => self.call(node),
            "object_creation_expression" => self.new_object(node),
            "array_creation_expression" => self.new_array(node),
            "lambda_expression" => self.lambda(node, &[]),
            "instanceof_expression" => self.instance_test(node),
            "assignment_expression" => self.unsupported_expr(node, "assignment used as a value"),
            _ => self.unsupported_expr(node, &node.kind().replace('_', " ")),
        }
    }

    fn identifier(&mut self, node: Node<'_>) -> Expr {
        let name = self.text(node).to_string();
        let sp = span(node);
        if let Some(e) = self.aliases.get(&name) {
            return e.clone();
        }
        if let Some(t) = self.local(&name) {
            return Expr::new(ExprKind::Name(name), t, sp);
        }
        if let Some(c) = self.current.clone() {
            if let Some(t) = self.field_type(&c, &name) {
                if let Some(owner) = self.static_field_owner(&c, &name) {
                    let class = Expr::new(ExprKind::Name(owner.clone()), Type::Named(owner), sp);
                    return Expr::new(
                        ExprKind::Field {
                            object: Box::new(class),
                            name,
                        },
                        t,
                        sp,
                    );
                }
                let this = Expr::new(ExprKind::This, Type::Named(c), sp);
                return Expr::new(
                    ExprKind::Field {
                        object: Box::new(this),
                        name,
                    },
                    t,
                    sp,
                );
            }
        }
        if let Some(t) = self.globals.get(&name) {
            return Expr::new(ExprKind::Name(name), t.clone(), sp);
        }
        if self.classes.contains_key(&name) {
            return Expr::new(ExprKind::Name(name.clone()), Type::Named(name), sp);
        }
        Expr::new(ExprKind::Name(name), Type::Unknown, sp)
    }

    fn field_access(&mut self, node: Node<'_>) -> Expr {
        let (Some(obj), Some(field)) = (
            node.child_by_field_name("object"),
            node.child_by_field_name("field"),
        ) else {
            return self.missing(node);
        };
        let fname = self.text(field).to_string();
        let otext = self.text(obj);
        match (otext, fname.as_str()) {
            ("Integer", "MAX_VALUE") => {
                return with_ty(
                    Intrinsic::MaxInt(ferry_ir::IntKind::I32),
                    vec![],
                    Type::I32,
                    node,
                )
            }
            ("Integer", "MIN_VALUE") => {
                return with_ty(
                    Intrinsic::MinInt(ferry_ir::IntKind::I32),
                    vec![],
                    Type::I32,
                    node,
                )
            }
            ("Long", "MAX_VALUE") => {
                return with_ty(
                    Intrinsic::MaxInt(ferry_ir::IntKind::I64),
                    vec![],
                    Type::I64,
                    node,
                )
            }
            ("Long", "MIN_VALUE") => {
                return with_ty(
                    Intrinsic::MinInt(ferry_ir::IntKind::I64),
                    vec![],
                    Type::I64,
                    node,
                )
            }
            ("Math", "PI") => return intrinsic(Intrinsic::Pi, vec![], node),
            ("Math", "E") => return intrinsic(Intrinsic::E, vec![], node),
            ("Double", "POSITIVE_INFINITY" | "MAX_VALUE") => {
                return intrinsic(Intrinsic::Inf, vec![], node)
            }
            _ => {}
        }
        let o = self.expr(obj);
        if fname == "length" && matches!(o.ty, Type::Array(_) | Type::List(_)) {
            return intrinsic(
                Intrinsic::Len(ferry_ir::intrinsics::StrUnit::CodeUnit),
                vec![o],
                node,
            );
        }
        let ty = match &o.ty {
            Type::Named(c) => self.field_type(c, &fname).unwrap_or(Type::Unknown),
            _ => Type::Unknown,
        };
        if o.ty == Type::Unknown {
            return self.unsupported_expr(node, "field of an unknown value");
        }
        Expr::new(
            ExprKind::Field {
                object: Box::new(o),
                name: fname,
            },
            ty,
            span(node),
        )
    }

    fn binary(&mut self, node: Node<'_>) -> Expr {
        let (Some(l), Some(r)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return self.missing(node);
        };
        let op_text = node
            .child_by_field_name("operator")
            .map_or("", |o| self.text(o))
            .to_string();
        let a = self.expr(l);
        let b = self.expr(r);
        self.binary_op(&op_text, a, b, node)
    }

    pub(super) fn binary_op(&mut self, op_text: &str, a: Expr, b: Expr, node: Node<'_>) -> Expr {
        let sp = span(node);
        let mk = |op: BinOp, a: Expr, b: Expr, ty: Type| {
            Expr::new(
                ExprKind::Binary {
                    op,
                    lhs: Box::new(a),
                    rhs: Box::new(b),
                },
                ty,
                sp,
            )
        };
        if op_text == "+" && (a.ty == Type::Str || b.ty == Type::Str) {
            let a = self.stringify(a);
            let b = self.stringify(b);
            return mk(BinOp::Add, a, b, Type::Str);
        }
        match op_text {
            "&&" => mk(BinOp::And, a, b, Type::Bool),
            "||" => mk(BinOp::Or, a, b, Type::Bool),
            "==" | "!=" => {
                let (a, b) = char_comparison(a, b);
                let both_char = a.ty == Type::Char && b.ty == Type::Char;
                let (a, b) = if both_char {
                    (a, b)
                } else {
                    (self.as_number(a), self.as_number(b))
                };
                let kind = if is_reference(&a.ty) && is_reference(&b.ty)
                    || matches!(a.kind, ExprKind::Lit(Literal::Null))
                    || matches!(b.kind, ExprKind::Lit(Literal::Null))
                {
                    EqKind::Reference
                } else {
                    EqKind::Value
                };
                let op = if op_text == "==" {
                    BinOp::Eq(kind)
                } else {
                    BinOp::Ne(kind)
                };
                mk(op, a, b, Type::Bool)
            }
            "<" | "<=" | ">" | ">=" => {
                let (a, b) = char_comparison(a, b);
                let both_char = a.ty == Type::Char && b.ty == Type::Char;
                let (a, b) = if both_char {
                    (a, b)
                } else {
                    (self.as_number(a), self.as_number(b))
                };
                let (a, b) = if a.ty == Type::Float || b.ty == Type::Float {
                    (to_float(a), to_float(b))
                } else {
                    (a, b)
                };
                let op = match op_text {
                    "<" => BinOp::Lt,
                    "<=" => BinOp::Le,
                    ">" => BinOp::Gt,
                    _ => BinOp::Ge,
                };
                mk(op, a, b, Type::Bool)
            }
            "&" | "|" | "^" if a.ty == Type::Bool => {
                let op = match op_text {
                    "&" => BinOp::BitAnd,
                    "|" => BinOp::BitOr,
                    _ => BinOp::BitXor,
                };
                mk(op, a, b, Type::Bool)
            }
            _ => {
                let a = self.as_number(a);
                let b = self.as_number(b);
                let ty = promote(&a.ty, &b.ty);
                let float = ty == Type::Float;
                let (a, b) = if float && !matches!(op_text, "<<" | ">>" | ">>>") {
                    (to_float(a), to_float(b))
                } else {
                    (a, b)
                };
                let op = match op_text {
                    "+" => BinOp::Add,
                    "-" => BinOp::Sub,
                    "*" => BinOp::Mul,
                    "/" => BinOp::Div(if float { DivKind::True } else { DivKind::Trunc }),
                    "%" => BinOp::Rem(RemKind::Trunc),
                    "&" => BinOp::BitAnd,
                    "|" => BinOp::BitOr,
                    "^" => BinOp::BitXor,
                    "<<" => BinOp::Shl,
                    ">>" => BinOp::Shr,
                    ">>>" => BinOp::UShr,
                    _ => return self.unsupported_expr(node, "binary operator"),
                };
                let ty = if matches!(op, BinOp::Shl | BinOp::Shr | BinOp::UShr) {
                    a.ty.clone()
                } else {
                    ty
                };
                mk(op, a, b, ty)
            }
        }
    }

    /// `x = e`, `x += e`, and `list.set`-style stores.
    pub(super) fn assignment(&mut self, node: Node<'_>) -> Stmt {
        let sp = span(node);
        let (Some(l), Some(r)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
        ) else {
            return Stmt {
                kind: StmtKind::Expr(self.missing(node)),
                span: sp,
            };
        };
        let op_text = node
            .child_by_field_name("operator")
            .map_or("=", |o| self.text(o))
            .to_string();
        let target = self.expr(l);
        if op_text == "=" {
            let value = self.expr_expect(r, &target.ty.clone());
            return Stmt {
                kind: StmtKind::Assign {
                    target,
                    op: None,
                    value,
                },
                span: sp,
            };
        }
        let bin = op_text.trim_end_matches('=');
        let value = self.expr(r);
        // Compute the operator through the binary rules, then split it back.
        let combined = self.binary_op(bin, target.clone(), value, node);
        match combined.kind {
            ExprKind::Binary { op, rhs, .. } => {
                let mut rhs = *rhs;
                if target.ty == Type::Char {
                    // `c += 1` on a char: keep char arithmetic explicit.
                    let code = self.as_number(target.clone());
                    let sum = Expr::new(
                        ExprKind::Binary {
                            op,
                            lhs: Box::new(code),
                            rhs: Box::new(rhs),
                        },
                        Type::I32,
                        sp,
                    );
                    rhs = Expr::new(
                        ExprKind::Intrinsic {
                            op: Intrinsic::CodeChar,
                            args: vec![sum],
                        },
                        Type::Char,
                        sp,
                    );
                    return Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value: rhs,
                        },
                        span: sp,
                    };
                }
                if target.ty.is_int() && rhs.ty == Type::Float {
                    // `i += d` is `i = (int) (i + d)`.
                    let sum = Expr::new(
                        ExprKind::Binary {
                            op,
                            lhs: Box::new(to_float(target.clone())),
                            rhs: Box::new(rhs),
                        },
                        Type::Float,
                        sp,
                    );
                    let to = target.ty.clone();
                    let value = Expr::new(
                        ExprKind::Cast {
                            expr: Box::new(sum),
                            to: to.clone(),
                        },
                        to,
                        sp,
                    );
                    return Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value,
                        },
                        span: sp,
                    };
                }
                Stmt {
                    kind: StmtKind::Assign {
                        target,
                        op: Some(op),
                        value: rhs,
                    },
                    span: sp,
                }
            }
            _ => Stmt {
                kind: StmtKind::Expr(combined),
                span: sp,
            },
        }
    }

    /// `super(..)` / `this(..)` in a constructor.
    pub(super) fn constructor_call(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let args: Vec<Expr> = field_children(node, "arguments")
            .into_iter()
            .map(|a| self.expr(a))
            .collect();
        let is_super = self.text(node).trim_start().starts_with("super");
        let recv = Expr::new(
            if is_super {
                ExprKind::Super
            } else {
                ExprKind::This
            },
            Type::Unknown,
            sp,
        );
        Expr::new(
            ExprKind::MethodCall {
                receiver: Box::new(recv),
                method: CONSTRUCTOR.to_string(),
                args,
            },
            Type::Void,
            sp,
        )
    }

    pub(super) fn lambda(&mut self, node: Node<'_>, param_types: &[Type]) -> Expr {
        let sp = span(node);
        let mut params = Vec::new();
        if let Some(ps) = node.child_by_field_name("parameters") {
            let ids: Vec<Node<'_>> = if ps.kind() == "identifier" {
                vec![ps]
            } else {
                named_children(ps)
            };
            for (i, p) in ids.into_iter().enumerate() {
                let (name, ty) = if p.kind() == "formal_parameter" {
                    let t = p
                        .child_by_field_name("type")
                        .map_or(Type::Unknown, |t| self.lower_type(t));
                    (
                        p.child_by_field_name("name")
                            .map(|n| self.text(n).to_string())
                            .unwrap_or_default(),
                        t,
                    )
                } else {
                    (
                        self.text(p).to_string(),
                        param_types.get(i).cloned().unwrap_or(Type::Unknown),
                    )
                };
                params.push(Param {
                    name,
                    ty,
                    variadic: false,
                    default: None,
                    span: span(p),
                });
            }
        }
        self.push_scope();
        for p in &params {
            self.declare(&p.name, p.ty.clone());
        }
        let (body, ret) = match node.child_by_field_name("body") {
            Some(b) if b.kind() == "block" => (LambdaBody::Block(self.block(b)), Type::Unknown),
            Some(b) => {
                let e = self.expr(b);
                let t = e.ty.clone();
                (LambdaBody::Expr(Box::new(e)), t)
            }
            None => (LambdaBody::Block(ferry_ir::Block::default()), Type::Void),
        };
        self.pop_scope();
        let ty = Type::Func(params.iter().map(|p| p.ty.clone()).collect(), Box::new(ret));
        Expr::new(ExprKind::Lambda { params, body }, ty, sp)
    }

    fn new_array(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let base = node
            .child_by_field_name("type")
            .map_or(Type::Unknown, |t| self.lower_type(t));
        let mut cursor = node.walk();
        let dims: Vec<Node<'_>> = node
            .children_by_field_name("dimensions", &mut cursor)
            .collect();
        let sizes: Vec<Node<'_>> = dims
            .iter()
            .filter(|d| d.kind() == "dimensions_expr")
            .copied()
            .collect();
        let empty_dims: usize = dims
            .iter()
            .filter(|d| d.kind() == "dimensions")
            .map(|d| self.text(*d).matches('[').count())
            .sum();
        let total = sizes.len() + empty_dims;
        let mut ty = base.clone();
        for _ in 0..total {
            ty = Type::array(ty);
        }
        if let Some(v) = node.child_by_field_name("value") {
            return self.expr_expect(v, &ty);
        }
        // new T[a][b]: nested NewFilled from the inside out.
        let mut elem_ty = base;
        for _ in 0..empty_dims {
            elem_ty = Type::array(elem_ty);
        }
        let mut fill = self.default_value(&elem_ty, node);
        let mut cur_ty = elem_ty;
        for s in sizes.iter().rev() {
            let Some(n) = named_children(*s).into_iter().next() else {
                return self.missing(node);
            };
            let n = self.expr(n);
            cur_ty = Type::array(cur_ty);
            fill = Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::NewFilled,
                    args: vec![n, fill],
                },
                cur_ty.clone(),
                sp,
            );
        }
        fill
    }
}

/// A comparison of a character's code with a character (`(int) c == 'x'`, the `int`s of
/// `String.chars()`) compares the characters.
fn char_comparison(a: Expr, b: Expr) -> (Expr, Expr) {
    let code_of = |e: &Expr| match &e.kind {
        ExprKind::Intrinsic {
            op: Intrinsic::CharCode,
            args,
        } => args.first().filter(|c| c.ty == Type::Char).cloned(),
        _ => None,
    };
    match (code_of(&a), code_of(&b)) {
        (Some(x), None) if b.ty == Type::Char => (x, b),
        (None, Some(y)) if a.ty == Type::Char => (a, y),
        _ => (a, b),
    }
}

/// An integer operand of floating-point arithmetic, converted explicitly (Java's promotion).
fn to_float(e: Expr) -> Expr {
    if !e.ty.is_int() {
        return e;
    }
    let sp = e.span;
    if let ExprKind::Lit(Literal::Int(n)) = e.kind {
        #[allow(clippy::cast_precision_loss)]
        return Expr::new(ExprKind::Lit(Literal::Float(n as f64)), Type::Float, sp);
    }
    Expr::new(
        ExprKind::Cast {
            expr: Box::new(e),
            to: Type::Float,
        },
        Type::Float,
        sp,
    )
}

/// Resolves Java escapes in a literal body.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            '0' => out.push('\0'),
            's' => out.push(' '),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out)
}
