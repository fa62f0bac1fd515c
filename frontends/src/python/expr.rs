//! Expressions: operators with Python's semantics (`//` floors, `%` takes the divisor's sign),
//! comparison chains, subscripts and slices, literals, lambdas and comprehensions.

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{
    BinOp, Binding, Comprehension, ComprehensionClause, ComprehensionKind, DivKind, EqKind, Expr,
    ExprKind, Intrinsic, LambdaBody, Literal, Param, RemKind, Type, UnaryOp,
};
use tree_sitter::Node;

use super::{mk, node_kind, Lowerer};
use crate::common::{construct_name, named_children, span};

impl Lowerer<'_> {
    pub(super) fn expr(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        match node_kind(node) {
            "identifier" if self.text(node) == "self" => mk(ExprKind::This, Type::Unknown, sp),
            "identifier" => mk(
                ExprKind::Name(self.resolve(self.text(node))),
                Type::Unknown,
                sp,
            ),
            "integer" => {
                let t = self.text(node).replace('_', "");
                let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
                    i128::from_str_radix(h, 16).ok()
                } else if let Some(b) = t.strip_prefix("0b").or_else(|| t.strip_prefix("0B")) {
                    i128::from_str_radix(b, 2).ok()
                } else if let Some(o) = t.strip_prefix("0o").or_else(|| t.strip_prefix("0O")) {
                    i128::from_str_radix(o, 8).ok()
                } else {
                    t.parse::<i128>().ok()
                };
                match v {
                    Some(v) => mk(ExprKind::Lit(Literal::Int(v)), Type::BIG, sp),
                    None => self.unsupported_expr(node, "integer literal"),
                }
            }
            "float" => match self.text(node).replace('_', "").parse::<f64>() {
                Ok(f) => mk(ExprKind::Lit(Literal::Float(f)), Type::Float, sp),
                Err(_) => self.unsupported_expr(node, "float literal"),
            },
            "true" => mk(ExprKind::Lit(Literal::Bool(true)), Type::Bool, sp),
            "false" => mk(ExprKind::Lit(Literal::Bool(false)), Type::Bool, sp),
            "none" => mk(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            "string" | "concatenated_string" => self.string(node),
            "parenthesized_expression" => match node.named_child(0) {
                Some(e) => self.expr(e),
                None => self.unsupported_expr(node, "empty parentheses"),
            },
            "binary_operator" => self.binary(node),
            "boolean_operator" => {
                let (Some(l), Some(r), Some(op)) = (
                    node.child_by_field_name("left"),
                    node.child_by_field_name("right"),
                    node.child_by_field_name("operator"),
                ) else {
                    return self.unsupported_expr(node, "boolean operator");
                };
                let op = if self.text(op) == "and" {
                    BinOp::And
                } else {
                    BinOp::Or
                };
                let lhs = self.expr(l);
                let rhs = self.conditional_expr(r);
                mk(
                    ExprKind::Binary {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    },
                    Type::Bool,
                    sp,
                )
            }
            "not_operator" => match node.child_by_field_name("argument") {
                Some(a) => {
                    let x = self.expr(a);
                    mk(
                        ExprKind::Unary {
                            op: UnaryOp::Not,
                            operand: Box::new(x),
                        },
                        Type::Bool,
                        sp,
                    )
                }
                None => self.unsupported_expr(node, "not"),
            },
            "unary_operator" => {
                let (Some(a), Some(op)) = (
                    node.child_by_field_name("argument"),
                    node.child_by_field_name("operator"),
                ) else {
                    return self.unsupported_expr(node, "unary operator");
                };
                let x = self.expr(a);
                match self.text(op) {
                    "-" => {
                        if let ExprKind::Lit(Literal::Int(i)) = x.kind {
                            return mk(ExprKind::Lit(Literal::Int(-i)), Type::BIG, sp);
                        }
                        if let ExprKind::Lit(Literal::Float(f)) = x.kind {
                            return mk(ExprKind::Lit(Literal::Float(-f)), Type::Float, sp);
                        }
                        mk(
                            ExprKind::Unary {
                                op: UnaryOp::Neg,
                                operand: Box::new(x),
                            },
                            Type::Unknown,
                            sp,
                        )
                    }
                    "+" => x,
                    "~" => mk(
                        ExprKind::Unary {
                            op: UnaryOp::BitNot,
                            operand: Box::new(x),
                        },
                        Type::BIG,
                        sp,
                    ),
                    _ => self.unsupported_expr(node, "unary operator"),
                }
            }
            "comparison_operator" => self.comparison(node),
            "conditional_expression" => {
                let kids = named_children(node);
                let (Some(t), Some(c), Some(e)) = (kids.first(), kids.get(1), kids.get(2)) else {
                    return self.unsupported_expr(node, "conditional expression");
                };
                let cond = self.expr(*c);
                let then = self.conditional_expr(*t);
                let else_ = self.conditional_expr(*e);
                mk(
                    ExprKind::Cond {
                        cond: Box::new(cond),
                        then: Box::new(then),
                        else_: Box::new(else_),
                    },
                    Type::Unknown,
                    sp,
                )
            }
            "call" => self.call(node),
            "attribute" => self.attribute(node),
            "subscript" => self.subscript(node),
            "list" => {
                let items: Vec<Expr> = named_children(node)
                    .into_iter()
                    .map(|c| self.expr(c))
                    .collect();
                mk(ExprKind::ListLit(items), Type::list(Type::Unknown), sp)
            }
            "set" => {
                let items: Vec<Expr> = named_children(node)
                    .into_iter()
                    .map(|c| self.expr(c))
                    .collect();
                mk(ExprKind::SetLit(items), Type::set(Type::Unknown), sp)
            }
            "tuple" | "expression_list" => {
                let items: Vec<Expr> = named_children(node)
                    .into_iter()
                    .map(|c| self.expr(c))
                    .collect();
                let assigned_to_name = node.parent().is_some_and(|p| {
                    node_kind(p) == "assignment"
                        && p.child_by_field_name("right") == Some(node)
                        && p.child_by_field_name("left")
                            .is_some_and(|l| node_kind(l) == "identifier")
                });
                if assigned_to_name && is_constant_sequence(&items) {
                    return mk(ExprKind::ListLit(items), Type::Unknown, sp);
                }
                mk(ExprKind::TupleLit(items), Type::Unknown, sp)
            }
            "dictionary" => {
                let mut pairs = Vec::new();
                for p in named_children(node) {
                    if node_kind(p) != "pair" {
                        if node_kind(p) != "comment" {
                            return self.unsupported_expr(node, "dictionary unpacking");
                        }
                        continue;
                    }
                    let (Some(k), Some(v)) =
                        (p.child_by_field_name("key"), p.child_by_field_name("value"))
                    else {
                        continue;
                    };
                    let k = self.expr(k);
                    let v = self.expr(v);
                    pairs.push((k, v));
                }
                mk(
                    ExprKind::MapLit(pairs),
                    Type::map(Type::Unknown, Type::Unknown),
                    sp,
                )
            }
            "list_comprehension" => self.comprehension(node, ComprehensionKind::List),
            "set_comprehension" => self.comprehension(node, ComprehensionKind::Set),
            "dictionary_comprehension" => self.comprehension(node, ComprehensionKind::Map),
            "generator_expression" => self.comprehension(node, ComprehensionKind::Generator),
            "lambda" => self.lambda(node),
            _ => self.unsupported_expr(node, &construct_name(node, "expression")),
        }
    }

    fn binary(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let (Some(l), Some(r), Some(op)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("right"),
            node.child_by_field_name("operator"),
        ) else {
            return self.unsupported_expr(node, "binary operator");
        };
        let op_text = self.text(op);
        // `"..." % args` is formatting.
        if op_text == "%" && matches!(node_kind(l), "string") {
            return self.percent_format(l, r, node);
        }
        // `[x] * n` is a filled list; a negative `n` gives an empty one.
        if op_text == "*" && node_kind(l) == "list" && l.named_child_count() == 1 {
            if let Some(fill) = l.named_child(0) {
                let fill = self.expr(fill);
                let n = at_least_zero(self.expr(r));
                let ty = Type::list(fill.ty.clone());
                return mk(
                    ExprKind::Intrinsic {
                        op: Intrinsic::NewFilled,
                        args: vec![n, fill],
                    },
                    ty,
                    sp,
                );
            }
        }
        let op = match op_text {
            "+" => BinOp::Add,
            "-" => BinOp::Sub,
            "*" => BinOp::Mul,
            "/" => BinOp::Div(DivKind::True),
            "//" => BinOp::Div(DivKind::Floor),
            "%" => BinOp::Rem(RemKind::Floor),
            "**" => BinOp::Pow,
            "&" => BinOp::BitAnd,
            "|" => BinOp::BitOr,
            "^" => BinOp::BitXor,
            "<<" => BinOp::Shl,
            ">>" => BinOp::Shr,
            _ => return self.unsupported_expr(node, &format!("operator {op_text}")),
        };
        let lhs = self.expr(l);
        let rhs = self.expr(r);
        mk(
            ExprKind::Binary {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
            Type::Unknown,
            sp,
        )
    }

    fn comparison(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        // Children alternate operand, operator (possibly two tokens: `not in`, `is not`).
        let mut operands = Vec::new();
        let mut ops: Vec<String> = Vec::new();
        let mut cursor = node.walk();
        let mut pending = String::new();
        for c in node.children(&mut cursor) {
            if c.is_named() && node_kind(c) != "comment" {
                if !pending.is_empty() {
                    ops.push(std::mem::take(&mut pending));
                }
                operands.push(c);
            } else if !c.is_named() {
                if !pending.is_empty() {
                    pending.push(' ');
                }
                pending.push_str(self.text(c));
            }
        }
        if operands.len() != ops.len() + 1 || ops.is_empty() {
            return self.unsupported_expr(node, "comparison");
        }
        let lowered: Vec<Expr> = operands.iter().map(|o| self.expr(*o)).collect();
        let mut result: Option<Expr> = None;
        for (i, op) in ops.iter().enumerate() {
            let (Some(a), Some(b)) = (lowered.get(i), lowered.get(i + 1)) else {
                break;
            };
            let (a, b) = (a.clone(), b.clone());
            let one = match op.as_str() {
                "in" => mk(
                    ExprKind::Intrinsic {
                        op: Intrinsic::Contains,
                        args: vec![b, a],
                    },
                    Type::Bool,
                    sp,
                ),
                "not in" => {
                    let c = mk(
                        ExprKind::Intrinsic {
                            op: Intrinsic::Contains,
                            args: vec![b, a],
                        },
                        Type::Bool,
                        sp,
                    );
                    mk(
                        ExprKind::Unary {
                            op: UnaryOp::Not,
                            operand: Box::new(c),
                        },
                        Type::Bool,
                        sp,
                    )
                }
                _ => {
                    let bop = match op.as_str() {
                        "<" => BinOp::Lt,
                        "<=" => BinOp::Le,
                        ">" => BinOp::Gt,
                        ">=" => BinOp::Ge,
                        "==" => BinOp::Eq(EqKind::Value),
                        "!=" => BinOp::Ne(EqKind::Value),
                        "is" => BinOp::Eq(EqKind::Reference),
                        "is not" => BinOp::Ne(EqKind::Reference),
                        _ => return self.unsupported_expr(node, &format!("comparison {op}")),
                    };
                    mk(
                        ExprKind::Binary {
                            op: bop,
                            lhs: Box::new(a),
                            rhs: Box::new(b),
                        },
                        Type::Bool,
                        sp,
                    )
                }
            };
            result = Some(match result {
                None => one,
                Some(prev) => mk(
                    ExprKind::Binary {
                        op: BinOp::And,
                        lhs: Box::new(prev),
                        rhs: Box::new(one),
                    },
                    Type::Bool,
                    sp,
                ),
            });
        }
        result.unwrap_or_else(|| self.unsupported_expr(node, "comparison"))
    }

    fn attribute(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let (Some(o), Some(a)) = (
            node.child_by_field_name("object"),
            node.child_by_field_name("attribute"),
        ) else {
            return self.unsupported_expr(node, "attribute");
        };
        let obj_text = self.text(o);
        let attr = self.text(a).to_string();
        let intrinsic =
            |op: Intrinsic, ty: Type| mk(ExprKind::Intrinsic { op, args: vec![] }, ty, sp);
        match (obj_text, attr.as_str()) {
            ("math", "pi") => return intrinsic(Intrinsic::Pi, Type::Float),
            ("math", "e") => return intrinsic(Intrinsic::E, Type::Float),
            ("math", "inf") => return intrinsic(Intrinsic::Inf, Type::Float),
            ("sys", "maxsize") => {
                return intrinsic(Intrinsic::MaxInt(ferry_ir::IntKind::Big), Type::BIG)
            }
            _ => {}
        }
        let object = if obj_text == "self" {
            mk(ExprKind::This, Type::Unknown, span(o))
        } else {
            self.expr(o)
        };
        mk(
            ExprKind::Field {
                object: Box::new(object),
                name: attr,
            },
            Type::Unknown,
            sp,
        )
    }

    fn subscript(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let lvalue = std::mem::replace(&mut self.lvalue, false);
        if !lvalue {
            if let Some((factory, d, k)) = self.default_dict_index(node) {
                // Reading a missing key of a `defaultdict` gives the factory's value.
                let dm = self.expr(d);
                let key = self.expr(k);
                if let Some(default) = self.factory_default(&factory, sp) {
                    return mk(
                        ExprKind::Intrinsic {
                            op: Intrinsic::GetOrDefault,
                            args: vec![dm, key, default],
                        },
                        Type::Unknown,
                        sp,
                    );
                }
            }
        }
        let Some(v) = node.child_by_field_name("value") else {
            return self.unsupported_expr(node, "subscript");
        };
        let subs: Vec<Node<'_>> = {
            let mut c = node.walk();
            node.children_by_field_name("subscript", &mut c).collect()
        };
        let [sub] = subs.as_slice() else {
            return self.unsupported_expr(node, "multi-dimensional subscript");
        };
        let object = self.expr(v);
        let counted = match &object.kind {
            ExprKind::Name(n) if !lvalue && node_kind(sub) != "slice" => {
                self.default_dicts.get(n).cloned()
            }
            _ => None,
        };
        if let Some(default) = counted.and_then(|f| self.factory_default(&f, sp)) {
            // `Counter(xs)[k]`: the counted map read with its default.
            let key = self.expr(*sub);
            return mk(
                ExprKind::Intrinsic {
                    op: Intrinsic::GetOrDefault,
                    args: vec![object, key, default],
                },
                Type::Unknown,
                sp,
            );
        }
        if node_kind(sub) == "slice" {
            // Children: optional start, `:`, optional end, optional `:` step.
            let mut parts: [Option<Expr>; 3] = [None, None, None];
            let mut idx = 0;
            let mut cursor = sub.walk();
            for c in sub.children(&mut cursor) {
                if !c.is_named() {
                    if self.text(c) == ":" {
                        idx += 1;
                    }
                    continue;
                }
                if idx < 3 {
                    parts[idx] = Some(self.expr(c));
                }
            }
            let [start, end, step] = parts;
            let ty = object.ty.clone();
            return mk(
                ExprKind::Slice {
                    object: Box::new(object),
                    start: start.map(Box::new),
                    end: end.map(Box::new),
                    step: step.map(Box::new),
                },
                ty,
                sp,
            );
        }
        let index = self.expr(*sub);
        // `xs[-k]` counts from the end.
        if let ExprKind::Lit(Literal::Int(k)) = index.kind {
            if k < 0 {
                let len = mk(
                    ExprKind::Intrinsic {
                        op: Intrinsic::Len(StrUnit::CodePoint),
                        args: vec![object.clone()],
                    },
                    Type::BIG,
                    sp,
                );
                let off = mk(ExprKind::Lit(Literal::Int(-k)), Type::BIG, sp);
                let index = mk(
                    ExprKind::Binary {
                        op: BinOp::Sub,
                        lhs: Box::new(len),
                        rhs: Box::new(off),
                    },
                    Type::BIG,
                    sp,
                );
                return mk(
                    ExprKind::Index {
                        object: Box::new(object),
                        index: Box::new(index),
                    },
                    Type::Unknown,
                    sp,
                );
            }
        }
        mk(
            ExprKind::Index {
                object: Box::new(object),
                index: Box::new(index),
            },
            Type::Unknown,
            sp,
        )
    }

    /// Lowers an expression that is evaluated only sometimes (a branch of `a if c else b`, the
    /// right operand of `and`/`or`): nothing it needs may run before the statement.
    fn conditional_expr(&mut self, node: Node<'_>) -> Expr {
        let ok = std::mem::replace(&mut self.pre_ok, false);
        let e = self.expr(node);
        self.pre_ok = ok;
        e
    }

    pub(super) fn lambda(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let mut names = Vec::new();
        if let Some(ps) = node.child_by_field_name("parameters") {
            for p in named_children(ps) {
                if node_kind(p) != "identifier" {
                    return self.unsupported_expr(node, "lambda parameter");
                }
                names.push(p);
            }
        }
        let Some(b) = node.child_by_field_name("body") else {
            return self.unsupported_expr(node, "lambda");
        };
        let mark = self.binders_mark();
        let params = names
            .into_iter()
            .map(|p| Param {
                name: self.bind(self.text(p)),
                ty: Type::Unknown,
                variadic: false,
                default: None,
                span: span(p),
            })
            .collect();
        let body = self.conditional_expr(b);
        self.leave_binders(mark);
        mk(
            ExprKind::Lambda {
                params,
                body: LambdaBody::Expr(Box::new(body)),
            },
            Type::Unknown,
            sp,
        )
    }

    fn comprehension(&mut self, node: Node<'_>, kind: ComprehensionKind) -> Expr {
        let sp = span(node);
        let Some(body) = node.child_by_field_name("body") else {
            return self.unsupported_expr(node, "comprehension");
        };
        // The first iterable is read in the enclosing scope, everything else in the scope of the
        // loop variables.
        let mark = self.binders_mark();
        let mut clauses = Vec::new();
        for c in named_children(node) {
            match node_kind(c) {
                "for_in_clause" => {
                    let (Some(l), Some(r)) = (
                        c.child_by_field_name("left"),
                        c.child_by_field_name("right"),
                    ) else {
                        continue;
                    };
                    let targets = match node_kind(l) {
                        "identifier" => vec![l],
                        "pattern_list" | "tuple_pattern" => named_children(l),
                        _ => {
                            self.leave_binders(mark);
                            return self.unsupported_expr(node, "comprehension target");
                        }
                    };
                    // Only the first iterable is evaluated once, before the loop.
                    let iter = if clauses.is_empty() {
                        self.expr(r)
                    } else {
                        self.conditional_expr(r)
                    };
                    let vars = targets
                        .into_iter()
                        .map(|k| Binding {
                            name: self.bind(self.text(k)),
                            ty: Type::Unknown,
                        })
                        .collect();
                    clauses.push(ComprehensionClause::For { vars, iter });
                }
                "if_clause" => {
                    if let Some(e) = c.named_child(0) {
                        let cond = self.conditional_expr(e);
                        clauses.push(ComprehensionClause::If(cond));
                    }
                }
                _ => {}
            }
        }
        let (element, value) = if kind == ComprehensionKind::Map {
            let (Some(k), Some(v)) = (
                body.child_by_field_name("key"),
                body.child_by_field_name("value"),
            ) else {
                self.leave_binders(mark);
                return self.unsupported_expr(node, "dictionary comprehension");
            };
            (self.conditional_expr(k), Some(self.conditional_expr(v)))
        } else {
            (self.conditional_expr(body), None)
        };
        self.leave_binders(mark);
        let c = Comprehension {
            kind,
            element,
            value,
            clauses,
        };
        mk(ExprKind::Comprehension(Box::new(c)), Type::Unknown, sp)
    }
}

/// Three or more literals of one kind in parentheses, given a name (`primes = ('2', '3', '5')`): a
/// constant sequence, used as a collection rather than as a record, so a list.
fn is_constant_sequence(items: &[Expr]) -> bool {
    let kind = |e: &Expr| match &e.kind {
        ExprKind::Lit(Literal::Int(_)) => Some(0),
        ExprKind::Lit(Literal::Float(_)) => Some(1),
        ExprKind::Lit(Literal::Str(_)) => Some(2),
        ExprKind::Lit(Literal::Bool(_)) => Some(3),
        _ => None,
    };
    items.len() >= 3
        && kind(&items[0]).is_some()
        && items.iter().all(|e| kind(e) == kind(&items[0]))
}

/// A repetition count as Python reads it: `max(n, 0)`, or `n` itself when it cannot be negative
/// (the IR's `NewFilled` and `Repeat` fail on a negative count, as Java and Go do).
pub(super) fn at_least_zero(n: Expr) -> Expr {
    if cannot_be_negative(&n) {
        return n;
    }
    let sp = n.span;
    let zero = mk(ExprKind::Lit(Literal::Int(0)), Type::BIG, sp);
    mk(
        ExprKind::Intrinsic {
            op: Intrinsic::Max,
            args: vec![n, zero],
        },
        Type::BIG,
        sp,
    )
}

/// Whether an integer expression is non-negative by its form: a literal, a length, or a sum or
/// product of such.
fn cannot_be_negative(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Literal::Int(n)) => *n >= 0,
        ExprKind::Intrinsic {
            op: Intrinsic::Len(_) | Intrinsic::Count,
            ..
        } => true,
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Mul,
            lhs,
            rhs,
        } => cannot_be_negative(lhs) && cannot_be_negative(rhs),
        _ => false,
    }
}
