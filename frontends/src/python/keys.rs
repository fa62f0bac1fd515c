//! Key functions: `sorted(xs, key=...)`, `xs.sort(key=..., reverse=...)`, `min`/`max` with a key
//! (a loop before the statement), and `map(f, xs)`; a key given by name (`len`, `str.lower`, a
//! function of the file) becomes a lambda.

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{BinOp, Expr, ExprKind, Intrinsic, Literal, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::{mk, Lowerer};
use crate::common::span;

impl Lowerer<'_> {
    /// `xs.sort(key=..., reverse=...)` as an intrinsic call.
    pub(super) fn sort_call(
        &mut self,
        list: Expr,
        key: Option<Expr>,
        reverse: Option<Expr>,
        sp: ferry_ir::Span,
    ) -> Expr {
        let key = key.map(|k| self.key_function(k));
        let ascending = matches!(
            reverse.as_ref().map(|r| &r.kind),
            None | Some(ExprKind::Lit(Literal::Bool(false)))
        );
        match key {
            Some(k) => {
                let rev = reverse
                    .unwrap_or_else(|| mk(ExprKind::Lit(Literal::Bool(false)), Type::Bool, sp));
                self.intr(Intrinsic::SortByKey, vec![list, k, rev], Type::Void, sp)
            }
            None if !ascending => {
                // Sort by identity, in the order `reverse` says.
                let lam = identity(sp);
                let rev = reverse
                    .unwrap_or_else(|| mk(ExprKind::Lit(Literal::Bool(true)), Type::Bool, sp));
                self.intr(Intrinsic::SortByKey, vec![list, lam, rev], Type::Void, sp)
            }
            None => self.intr(Intrinsic::Sort, vec![list], Type::Void, sp),
        }
    }

    /// `max(xs, key=f)`: a loop before the statement keeps the first best element.
    pub(super) fn min_max_by_key(
        &mut self,
        max: bool,
        items: Node<'_>,
        key: Node<'_>,
        node: Node<'_>,
    ) -> Expr {
        let sp = span(node);
        if !self.pre_ok {
            return self.unsupported_expr(node, "min/max with a key here");
        }
        let items = self.expr(items);
        let key = self.expr(key);
        let key = self.key_function(key);
        let list = match &items.kind {
            ExprKind::Name(_) => items,
            _ => {
                let tmp = self.fresh_name("items");
                self.declared.insert(tmp.clone());
                self.pre.push(Stmt {
                    kind: StmtKind::Let {
                        name: tmp.clone(),
                        ty: Type::Unknown,
                        init: Some(items),
                    },
                    span: sp,
                });
                mk(ExprKind::Name(tmp), Type::Unknown, sp)
            }
        };
        let best = self.fresh_name(if max { "best" } else { "least" });
        let item = self.fresh_name("item");
        self.declared.insert(best.clone());
        let name = |n: &str| mk(ExprKind::Name(n.to_string()), Type::Unknown, sp);
        let zero = mk(ExprKind::Lit(Literal::Int(0)), Type::BIG, sp);
        let first = mk(
            ExprKind::Index {
                object: Box::new(list.clone()),
                index: Box::new(zero),
            },
            Type::Unknown,
            sp,
        );
        self.pre.push(Stmt {
            kind: StmtKind::Let {
                name: best.clone(),
                ty: Type::Unknown,
                init: Some(first),
            },
            span: sp,
        });
        let a = apply_key(&key, name(&item));
        let b = apply_key(&key, name(&best));
        let op = if max { BinOp::Gt } else { BinOp::Lt };
        let cond = mk(
            ExprKind::Binary {
                op,
                lhs: Box::new(a),
                rhs: Box::new(b),
            },
            Type::Bool,
            sp,
        );
        let assign = Stmt {
            kind: StmtKind::Assign {
                target: name(&best),
                op: None,
                value: name(&item),
            },
            span: sp,
        };
        let body = ferry_ir::Block::new(vec![Stmt {
            kind: StmtKind::If {
                cond,
                then: ferry_ir::Block::new(vec![assign]),
                else_: None,
            },
            span: sp,
        }]);
        let vars = vec![ferry_ir::Binding {
            name: item,
            ty: Type::Unknown,
        }];
        self.pre.push(Stmt {
            kind: StmtKind::ForEach {
                label: None,
                vars,
                iter: list,
                body,
            },
            span: sp,
        });
        name(&best)
    }

    /// A key function given by name (`len`, `str.lower`, a function of the file) as a lambda.
    pub(super) fn key_function(&mut self, k: Expr) -> Expr {
        let sp = k.span;
        let mark = self.binders_mark();
        let item = self.bind("item");
        self.leave_binders(mark);
        let x = || mk(ExprKind::Name(item.clone()), Type::Unknown, sp);
        let body = match &k.kind {
            ExprKind::Name(n) if n == "len" => {
                self.intr(Intrinsic::Len(StrUnit::CodePoint), vec![x()], Type::BIG, sp)
            }
            ExprKind::Name(n) if n == "abs" => {
                self.intr(Intrinsic::Abs, vec![x()], Type::Unknown, sp)
            }
            ExprKind::Name(n) if n == "str" => self.intr(
                Intrinsic::ToStr(ferry_ir::Language::Python),
                vec![x()],
                Type::Str,
                sp,
            ),
            ExprKind::Name(n) if n == "int" => mk(
                ExprKind::Cast {
                    expr: Box::new(x()),
                    to: Type::BIG,
                },
                Type::BIG,
                sp,
            ),
            ExprKind::Name(n) if n == "float" => mk(
                ExprKind::Cast {
                    expr: Box::new(x()),
                    to: Type::Float,
                },
                Type::Float,
                sp,
            ),
            ExprKind::Name(n) if self.functions.contains(n) => mk(
                ExprKind::Call {
                    func: n.clone(),
                    args: vec![x()],
                },
                Type::Unknown,
                sp,
            ),
            ExprKind::Field { object, name } if matches!(&object.kind, ExprKind::Name(s) if s == "str") => {
                match name.as_str() {
                    "lower" => self.intr(Intrinsic::ToLower, vec![x()], Type::Str, sp),
                    "upper" => self.intr(Intrinsic::ToUpper, vec![x()], Type::Str, sp),
                    _ => return k,
                }
            }
            _ => return k,
        };
        let p = ferry_ir::Param {
            name: item,
            ty: Type::Unknown,
            variadic: false,
            default: None,
            span: sp,
        };
        mk(
            ExprKind::Lambda {
                params: vec![p],
                body: ferry_ir::LambdaBody::Expr(Box::new(body)),
            },
            Type::Unknown,
            sp,
        )
    }
}

/// `lambda x: x`: the key of a sort by natural order.
pub(super) fn identity(sp: ferry_ir::Span) -> Expr {
    let p = ferry_ir::Param {
        name: "x".into(),
        ty: Type::Unknown,
        variadic: false,
        default: None,
        span: sp,
    };
    let body = mk(ExprKind::Name("x".into()), Type::Unknown, sp);
    mk(
        ExprKind::Lambda {
            params: vec![p],
            body: ferry_ir::LambdaBody::Expr(Box::new(body)),
        },
        Type::Unknown,
        sp,
    )
}

/// `key(x)`: a one-parameter lambda is applied by substitution, anything else is called.
pub(super) fn apply_key(key: &Expr, arg: Expr) -> Expr {
    if let ExprKind::Lambda {
        params,
        body: ferry_ir::LambdaBody::Expr(body),
    } = &key.kind
    {
        if let [p] = params.as_slice() {
            let mut b = (**body).clone();
            substitute(&mut b, &p.name, &arg);
            return b;
        }
    }
    let sp = arg.span;
    mk(
        ExprKind::CallValue {
            callee: Box::new(key.clone()),
            args: vec![arg],
        },
        Type::Unknown,
        sp,
    )
}

fn substitute(e: &mut Expr, name: &str, with: &Expr) {
    if matches!(&e.kind, ExprKind::Name(n) if n == name) {
        *e = with.clone();
        return;
    }
    let mut kids = Vec::new();
    super::infer::children_mut(e, &mut kids);
    for k in kids {
        substitute(k, name, with);
    }
}
