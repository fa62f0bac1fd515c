//! Functions passed as arguments (`p -> p > 0`, `Integer::sum`, `Character::isDigit`), applied
//! inline to argument expressions: a lambda's parameters stand for the arguments while its body is
//! lowered, and a method reference becomes the call it names. Streams and comparators use this to
//! build comprehensions and keys instead of function values.

use ferry_ir::{Block, Expr, ExprKind, Intrinsic, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::calls::{character, math, string_method};
use super::expr::intrinsic;
use super::{span, Lowerer};
use crate::common::named_children;

/// The parameter names of a lambda: `x -> ..`, `(a, b) -> ..`, `(int a, int b) -> ..`.
pub(super) fn lambda_params<'s>(l: &Lowerer<'s>, node: Node<'_>) -> Vec<&'s str> {
    let Some(ps) = node.child_by_field_name("parameters") else {
        return Vec::new();
    };
    if ps.kind() == "identifier" {
        return vec![l.text(ps)];
    }
    named_children(ps)
        .into_iter()
        .filter_map(|p| match p.kind() {
            "identifier" => Some(l.text(p)),
            "formal_parameter" => p.child_by_field_name("name").map(|n| l.text(n)),
            _ => None,
        })
        .collect()
}

/// The expression a lambda returns: its body, or the value of a block that is one `return`.
fn lambda_result(node: Node<'_>) -> Option<Node<'_>> {
    let body = node.child_by_field_name("body")?;
    if body.kind() != "block" {
        return Some(body);
    }
    match named_children(body).as_slice() {
        [r] if r.kind() == "return_statement" => named_children(*r).first().copied(),
        _ => None,
    }
}

/// Whether a comparator is the natural order: `Integer::compare`, `Comparator.naturalOrder()`.
pub(super) fn is_natural_order(l: &Lowerer<'_>, c: Node<'_>) -> bool {
    let text: String = l.text(c).split_whitespace().collect();
    matches!(
        text.as_str(),
        "Integer::compare"
            | "Integer::compareTo"
            | "Long::compare"
            | "Double::compare"
            | "String::compareTo"
            | "Comparator.naturalOrder()"
    )
}

/// How many times `name` occurs as an identifier under `node`.
pub(super) fn uses(l: &Lowerer<'_>, node: Node<'_>, name: &str) -> usize {
    let own = usize::from(node.kind() == "identifier" && l.text(node) == name);
    let mut cursor = node.walk();
    let kids: Vec<Node<'_>> = node.children(&mut cursor).collect();
    own + kids.into_iter().map(|k| uses(l, k, name)).sum::<usize>()
}

/// A character argument given as a Java `int` (the elements of `String.chars()`).
pub(super) fn as_char(e: Expr) -> Expr {
    if let ExprKind::Intrinsic {
        op: Intrinsic::CharCode,
        args,
    } = &e.kind
    {
        if let [c] = args.as_slice() {
            return c.clone();
        }
    }
    if !e.ty.is_int() {
        return e;
    }
    let sp = e.span;
    Expr::new(
        ExprKind::Intrinsic {
            op: Intrinsic::CodeChar,
            args: vec![e],
        },
        Type::Char,
        sp,
    )
}

impl Lowerer<'_> {
    /// `f` applied to `args`, where `f` is a lambda, a method reference or a function-typed value;
    /// `None` when it is none of these that the lowering understands.
    pub(super) fn apply(&mut self, f: Node<'_>, args: Vec<Expr>) -> Option<Expr> {
        match f.kind() {
            "lambda_expression" => self.apply_lambda(f, args),
            "method_reference" => self.apply_reference(f, args),
            "identifier" => {
                let callee = self.expr(f);
                let Type::Func(_, ret) = &callee.ty else {
                    return None;
                };
                let ret = (**ret).clone();
                Some(Expr::new(
                    ExprKind::CallValue {
                        callee: Box::new(callee),
                        args,
                    },
                    ret,
                    span(f),
                ))
            }
            _ => None,
        }
    }

    /// A lambda's result with its parameters standing for `args`.
    fn apply_lambda(&mut self, f: Node<'_>, args: Vec<Expr>) -> Option<Expr> {
        let result = lambda_result(f)?;
        self.with_params(f, args, |l| l.expr(result))
    }

    /// A lambda's body as statements, with its parameters standing for `args`.
    pub(super) fn lambda_body_with(&mut self, f: Node<'_>, args: Vec<Expr>) -> Option<Block> {
        let body = f.child_by_field_name("body")?;
        self.with_params(f, args, |l| {
            if body.kind() == "block" {
                l.block(body)
            } else {
                let e = l.expr(body);
                let span = e.span;
                Block::new(vec![Stmt {
                    kind: StmtKind::Expr(e),
                    span,
                }])
            }
        })
    }

    /// `lower` run with the lambda's parameters standing for `args`.
    fn with_params<T>(
        &mut self,
        f: Node<'_>,
        args: Vec<Expr>,
        lower: impl FnOnce(&mut Self) -> T,
    ) -> Option<T> {
        let params = lambda_params(self, f);
        if params.len() != args.len() {
            return None;
        }
        let saved: Vec<(String, Option<Expr>)> = params
            .iter()
            .zip(args)
            .map(|(p, a)| (p.to_string(), self.aliases.insert(p.to_string(), a)))
            .collect();
        let out = lower(self);
        for (p, old) in saved {
            match old {
                Some(o) => self.aliases.insert(p, o),
                None => self.aliases.remove(&p),
            };
        }
        Some(out)
    }

    /// `Owner::method` applied to `args`: library methods through the intrinsic tables, and the
    /// module's own functions.
    fn apply_reference(&mut self, f: Node<'_>, mut args: Vec<Expr>) -> Option<Expr> {
        use Intrinsic as I;
        let text: String = self.text(f).split_whitespace().collect();
        let (owner, name) = text.split_once("::")?;
        let first_ty = args.first().map(|a| a.ty.clone());
        let e = match (owner, name, args.len()) {
            ("System.out", "println" | "print", 1) => {
                let a = args.pop()?;
                let a = if a.ty == Type::Char {
                    intrinsic(I::CharToStr, vec![a], f)
                } else {
                    self.stringify(a)
                };
                let op = if name == "println" {
                    I::Println
                } else {
                    I::Print
                };
                intrinsic(op, vec![a], f)
            }
            ("Integer" | "Long" | "Double", "sum", 2) => {
                let b = args.pop()?;
                let a = args.pop()?;
                return Some(self.binary_op("+", a, b, f));
            }
            ("Integer" | "Long" | "Double" | "Math", "max" | "min", 2) => {
                let op = if name == "max" { I::Max } else { I::Min };
                let mut e = intrinsic(op, args, f);
                e.ty = first_ty.unwrap_or(Type::Unknown);
                e
            }
            ("Integer" | "Long" | "Double", "intValue" | "longValue" | "valueOf", 1)
                if first_ty.as_ref().is_some_and(Type::is_numeric) =>
            {
                args.pop()?
            }
            ("Integer", "parseInt" | "valueOf", 1) if first_ty == Some(Type::Str) => {
                intrinsic(I::ParseInt, args, f)
            }
            ("String", "valueOf", 1) | ("Object" | "String" | "Integer", "toString", 1) => {
                let a = args.pop()?;
                if a.ty == Type::Char {
                    intrinsic(I::CharToStr, vec![a], f)
                } else {
                    self.stringify(a)
                }
            }
            ("Character", _, 1) => {
                let op = character(name)?;
                let c = as_char(args.pop()?);
                let mut e = intrinsic(op, vec![c], f);
                if matches!(op, I::ToUpper | I::ToLower) {
                    e.ty = Type::Char;
                }
                e
            }
            ("String", _, 1) if first_ty == Some(Type::Str) => {
                let op = string_method(name).filter(|op| {
                    matches!(
                        op,
                        I::Len(_) | I::ToUpper | I::ToLower | I::Trim | I::IsEmpty
                    )
                })?;
                let mut e = intrinsic(op, args, f);
                if let I::Len(_) = op {
                    e.ty = Type::I32;
                }
                e
            }
            ("Math", _, 1) => {
                let op = math(name)?;
                let a = self.as_number(args.pop()?);
                let ty = if matches!(op, I::Abs) {
                    a.ty.clone()
                } else {
                    Type::Float
                };
                let mut e = intrinsic(op, vec![a], f);
                e.ty = ty;
                e
            }
            ("this", _, _) => {
                let class = self.current.clone()?;
                let t = self.method_type(&class, name)?;
                let this = Expr::new(ExprKind::This, Type::Named(class), span(f));
                Expr::new(
                    ExprKind::MethodCall {
                        receiver: Box::new(this),
                        method: name.to_string(),
                        args,
                    },
                    t,
                    span(f),
                )
            }
            (o, _, _) if o == self.module_class => {
                let t = self.functions.get(name).cloned()?;
                Expr::new(
                    ExprKind::Call {
                        func: name.to_string(),
                        args,
                    },
                    t,
                    span(f),
                )
            }
            _ => return None,
        };
        Some(e)
    }
}
