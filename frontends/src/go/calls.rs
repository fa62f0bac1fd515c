//! Calls: builtins, conversions, user functions and methods, and the library → intrinsic table
//! (`fmt`, `strings`, `strconv`, `sort`, `math`, `unicode`).

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{Expr, ExprKind, Intrinsic, LambdaBody, Literal, Param, StmtKind, Type};
use tree_sitter::Node;

use super::stmt::block_items;
use super::types::zero_value;
use super::{error_type, Lowerer};
use crate::common;

impl Lowerer<'_> {
    pub(super) fn lower_call(&mut self, node: Node<'_>) -> Expr {
        let span = common::span(node);
        let Some(func) = node.child_by_field_name("function") else {
            return self.unsupported_expr(node, "call");
        };
        let args: Vec<Node<'_>> = common::field_children(node, "arguments");
        let fname = self.text(func);
        match func.kind() {
            "identifier" if self.lookup(fname).is_none() => {
                if let Some(e) = self.builtin_call(node, fname, &args) {
                    return e;
                }
                if let (Some(to), [arg]) = (self.aliases.get(fname).cloned(), args.as_slice()) {
                    // A conversion to a named type is one to its underlying type.
                    let x = self.lower_expr(*arg);
                    if x.ty == to || matches!(x.kind, ExprKind::Lit(_)) {
                        return self.coerce(x, &to);
                    }
                    return Expr::new(
                        ExprKind::Cast {
                            expr: Box::new(x),
                            to: to.clone(),
                        },
                        to,
                        span,
                    );
                }
                if let Some(class) = self.ctors.get(fname).cloned() {
                    let params = self
                        .funcs
                        .get(fname)
                        .map(|s| s.params.clone())
                        .unwrap_or_default();
                    let args = self.lower_args(&args, &params);
                    return Expr::new(
                        ExprKind::New {
                            class: class.clone(),
                            args,
                        },
                        Type::Named(class),
                        span,
                    );
                }
                if let Some(sig) = self.funcs.get(fname).cloned() {
                    let args = self.lower_args(&args, &sig.params);
                    return Expr::new(
                        ExprKind::Call {
                            func: fname.to_string(),
                            args,
                        },
                        sig.ret,
                        span,
                    );
                }
                self.unsupported_expr(node, "call of an unknown function")
            }
            "identifier" => {
                let callee = self.lower_expr(func);
                let Type::Func(params, ret) = callee.ty.clone() else {
                    return self.unsupported_expr(node, "call of a non-function value");
                };
                let args = self.lower_args(&args, &params);
                Expr::new(
                    ExprKind::CallValue {
                        callee: Box::new(callee),
                        args,
                    },
                    *ret,
                    span,
                )
            }
            "selector_expression" => self.selector_call(node, func, &args),
            "parenthesized_type" | "slice_type" | "array_type" => {
                if matches!(
                    self.text(func).trim_matches(|c| c == '(' || c == ')'),
                    "[]rune" | "[]byte"
                ) && args.len() == 1
                {
                    let s = self.lower_expr(args[0]);
                    return self.intrinsic(Intrinsic::Chars, vec![s], Type::list(Type::Char), span);
                }
                self.unsupported_expr(node, "conversion")
            }
            _ => self.unsupported_expr(node, "call of a computed function"),
        }
    }

    pub(super) fn lower_args(&mut self, args: &[Node<'_>], params: &[Type]) -> Vec<Expr> {
        args.iter()
            .enumerate()
            .map(|(i, a)| {
                let e = self.lower_expr(*a);
                match params.get(i) {
                    Some(t) => self.coerce(e, t),
                    None => e,
                }
            })
            .collect()
    }

    /// `len`, `make`, `delete`, `min`, `max` and conversions.
    pub(super) fn builtin_call(
        &mut self,
        node: Node<'_>,
        name: &str,
        args: &[Node<'_>],
    ) -> Option<Expr> {
        let span = common::span(node);
        let arg = |this: &mut Self, i: usize| args.get(i).map(|a| this.lower_expr(*a));
        Some(match name {
            "len" => {
                let x = arg(self, 0)?;
                self.intrinsic(Intrinsic::Len(StrUnit::Byte), vec![x], Type::I64, span)
            }
            "delete" => {
                let m = arg(self, 0)?;
                let k = arg(self, 1)?;
                let k = match &m.ty {
                    Type::Map(kt, _) | Type::Set(kt) => self.coerce(k, kt),
                    _ => k,
                };
                self.intrinsic(Intrinsic::Remove, vec![m, k], Type::Void, span)
            }
            "make" => {
                let tn = args.first()?;
                let ty = self.lower_type(*tn);
                match &ty {
                    Type::List(elem) => {
                        let n = arg(self, 1);
                        match n {
                            Some(n) if !matches!(n.kind, ExprKind::Lit(Literal::Int(0))) => {
                                let fill = match **elem {
                                    Type::List(_)
                                    | Type::Map(..)
                                    | Type::Array(_)
                                    | Type::Set(_) => Expr::new(
                                        ExprKind::Lit(Literal::Null),
                                        (**elem).clone(),
                                        span,
                                    ),
                                    _ => zero_value(elem, span),
                                };
                                self.intrinsic(
                                    Intrinsic::NewFilled,
                                    vec![n, fill],
                                    ty.clone(),
                                    span,
                                )
                            }
                            _ => self.intrinsic(
                                Intrinsic::NewCollection,
                                Vec::new(),
                                ty.clone(),
                                span,
                            ),
                        }
                    }
                    Type::Map(..) | Type::Set(_) => {
                        self.intrinsic(Intrinsic::NewCollection, Vec::new(), ty.clone(), span)
                    }
                    _ => self.unsupported_expr(node, "make of this type"),
                }
            }
            "append" => {
                if args.len() == 2
                    && args[1].kind() == "variadic_argument"
                    && self.text(args[0]).ends_with("{}")
                {
                    let other = args[1].named_child(0).map(|o| self.lower_expr(o))?;
                    let ty = self.lower_expr(args[0]).ty;
                    return Some(self.intrinsic(Intrinsic::CopyOf, vec![other], ty, span));
                }
                if !self.may_hoist || args.is_empty() {
                    return Some(
                        self.unsupported_expr(node, "append whose result is not assigned back"),
                    );
                }
                self.append_to_copy(args, span)
            }
            "int" | "int64" | "int32" | "uint" | "int16" | "uint64" | "uint32" => {
                let x = arg(self, 0)?;
                let to = if name == "int32" {
                    Type::I32
                } else {
                    Type::I64
                };
                match &x.ty {
                    Type::Char => self.intrinsic(Intrinsic::CharCode, vec![x], to, span),
                    Type::Int(_) if x.ty == to || matches!(x.kind, ExprKind::Lit(_)) => {
                        let mut x = x;
                        x.ty = to;
                        x
                    }
                    Type::Int(_) | Type::Float => Expr::new(
                        ExprKind::Cast {
                            expr: Box::new(x),
                            to: to.clone(),
                        },
                        to,
                        span,
                    ),
                    _ => self.unsupported_expr(node, "conversion to int"),
                }
            }
            "float64" | "float32" => {
                let x = arg(self, 0)?;
                match &x.ty {
                    Type::Float => x,
                    Type::Int(_) => {
                        if let ExprKind::Lit(Literal::Int(_)) = x.kind {
                            self.coerce(x, &Type::Float)
                        } else {
                            Expr::new(
                                ExprKind::Cast {
                                    expr: Box::new(x),
                                    to: Type::Float,
                                },
                                Type::Float,
                                span,
                            )
                        }
                    }
                    _ => self.unsupported_expr(node, "conversion to float64"),
                }
            }
            "byte" | "rune" | "uint8" => {
                let x = arg(self, 0)?;
                match &x.ty {
                    Type::Char => x,
                    Type::Int(_) => self.intrinsic(Intrinsic::CodeChar, vec![x], Type::Char, span),
                    _ => self.unsupported_expr(node, "conversion to a character"),
                }
            }
            "string" => {
                let x = arg(self, 0)?;
                match &x.ty {
                    Type::Char => self.intrinsic(Intrinsic::CharToStr, vec![x], Type::Str, span),
                    Type::Str => x,
                    Type::List(el) | Type::Array(el) if **el == Type::Char => {
                        self.intrinsic(Intrinsic::FromChars, vec![x], Type::Str, span)
                    }
                    _ => self.unsupported_expr(node, "conversion to string"),
                }
            }
            "min" | "max" => {
                let op = if name == "min" {
                    Intrinsic::Min
                } else {
                    Intrinsic::Max
                };
                let mut lowered: Vec<Expr> = args.iter().map(|a| self.lower_expr(*a)).collect();
                if lowered.is_empty() {
                    return None;
                }
                let first = lowered.remove(0);
                lowered.into_iter().fold(first, |acc, x| {
                    let ty = acc.ty.clone();
                    let x = self.coerce(x, &ty);
                    self.intrinsic(op, vec![acc, x], ty, span)
                })
            }
            "panic" => self.unsupported_expr(node, "panic in an expression"),
            _ => return None,
        })
    }

    /// `append(xs, ..)` whose result is a new value (`ys = append(xs[:i], xs[i+1:]...)`): a
    /// copy of `xs` hoisted before the statement, extended there.
    fn append_to_copy(&mut self, args: &[Node<'_>], span: ferry_ir::Span) -> Expr {
        let first = args.first().map(|a| self.lower_expr(*a));
        let Some(first) = first else {
            return Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, span);
        };
        let ty = first.ty.clone();
        let elem = ty.element().cloned().unwrap_or(Type::Unknown);
        // A slice or a literal is a new list already.
        let init = match first.kind {
            ExprKind::Slice { .. } | ExprKind::ListLit(_) => first,
            _ => self.intrinsic(Intrinsic::CopyOf, vec![first], ty.clone(), span),
        };
        let name = self.made_up_name("appended");
        let list = Expr::new(ExprKind::Name(name.clone()), ty.clone(), span);
        let mut stmts = vec![super::stmt(
            StmtKind::Let {
                name,
                ty: ty.clone(),
                init: Some(init),
            },
            span,
        )];
        for a in &args[1..] {
            let e = if a.kind() == "variadic_argument" {
                let Some(other) = a.named_child(0).map(|x| self.lower_expr(x)) else {
                    continue;
                };
                self.intrinsic(
                    Intrinsic::Extend,
                    vec![list.clone(), other],
                    Type::Void,
                    span,
                )
            } else {
                let v = self.lower_expr(*a);
                let v = self.coerce(v, &elem);
                self.intrinsic(Intrinsic::Append, vec![list.clone(), v], Type::Void, span)
            };
            stmts.push(super::stmt(StmtKind::Expr(e), span));
        }
        self.hoisted.extend(stmts);
        list
    }

    pub(super) fn selector_call(
        &mut self,
        node: Node<'_>,
        func: Node<'_>,
        args: &[Node<'_>],
    ) -> Expr {
        let span = common::span(node);
        let (Some(op), Some(field)) = (
            func.child_by_field_name("operand"),
            func.child_by_field_name("field"),
        ) else {
            return self.unsupported_expr(node, "call");
        };
        let method = self.text(field);
        if let Some(pattern) = self.regex_receiver(op) {
            return self.regex_method(node, pattern, method, args);
        }
        let is_package = op.kind() == "identifier"
            && self.lookup(self.text(op)).is_none()
            && self.receiver.as_deref() != Some(self.text(op));
        if is_package {
            return self.library_call(node, &format!("{}.{method}", self.text(op)), args);
        }
        let receiver = if op.kind() == "identifier" {
            // An error variable keeps its type here: `err.Error()`.
            let name = self.text(op);
            match self.lookup(name) {
                Some(t) if t == error_type() => {
                    Expr::new(ExprKind::Name(self.ir_name(name)), t, common::span(op))
                }
                _ => self.lower_expr(op),
            }
        } else {
            self.lower_expr(op)
        };
        match receiver.ty.clone() {
            t if t == error_type() && method == "Error" => {
                self.intrinsic(Intrinsic::ErrorMessage, vec![receiver], Type::Str, span)
            }
            Type::StrBuilder => {
                let lowered: Vec<Expr> = args.iter().map(|a| self.lower_expr(*a)).collect();
                match (method, lowered.as_slice()) {
                    ("WriteString", [s]) => self.intrinsic(
                        Intrinsic::BuilderAppend,
                        vec![receiver, s.clone()],
                        Type::StrBuilder,
                        span,
                    ),
                    ("WriteByte" | "WriteRune", [c]) => {
                        let c = match c.ty {
                            Type::Char => c.clone(),
                            _ => self.intrinsic(
                                Intrinsic::CodeChar,
                                vec![c.clone()],
                                Type::Char,
                                span,
                            ),
                        };
                        let s = self.intrinsic(Intrinsic::CharToStr, vec![c], Type::Str, span);
                        self.intrinsic(
                            Intrinsic::BuilderAppend,
                            vec![receiver, s],
                            Type::StrBuilder,
                            span,
                        )
                    }
                    ("String", []) => {
                        self.intrinsic(Intrinsic::BuilderToStr, vec![receiver], Type::Str, span)
                    }
                    ("Len", []) => self.intrinsic(
                        Intrinsic::Len(StrUnit::Byte),
                        vec![receiver],
                        Type::I64,
                        span,
                    ),
                    _ => self.unsupported_expr(node, "strings.Builder method"),
                }
            }
            Type::Named(class) => match self.method_sig(&class, method) {
                Some(sig) => {
                    let args = self.lower_args(args, &sig.params);
                    Expr::new(
                        ExprKind::MethodCall {
                            receiver: Box::new(receiver),
                            method: method.to_string(),
                            args,
                        },
                        sig.ret,
                        span,
                    )
                }
                None => self.unsupported_expr(node, "call of an unknown method"),
            },
            _ => self.unsupported_expr(node, "method call on this value"),
        }
    }

    /// `sort.Slice(xs, func(i, j int) bool { return less })`: a key sort where `less` compares
    /// the same key of `xs[i]` and `xs[j]`, otherwise a comparator.
    pub(super) fn sort_slice(&mut self, node: Node<'_>, args: &[Node<'_>]) -> Expr {
        let span = common::span(node);
        let (Some(list_node), Some(less)) = (args.first(), args.get(1)) else {
            return self.unsupported_expr(node, "sort.Slice");
        };
        let list = self.lower_expr(*list_node);
        let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
        let list_text = self.text(*list_node).to_string();
        let shape = (|| {
            if less.kind() != "func_literal" {
                return None;
            }
            let params = self.params_of(less.child_by_field_name("parameters")?);
            let [(i, _, _), (j, _, _)] = params.as_slice() else {
                return None;
            };
            let body = less.child_by_field_name("body")?;
            let items = block_items(body);
            let cond = match items.as_slice() {
                [ret] if ret.kind() == "return_statement" => {
                    Some(ret.named_child(0)?.named_child(0)?)
                }
                _ => None,
            };
            Some((i.clone(), j.clone(), body, cond))
        })();
        let Some((i, j, body, cond)) = shape else {
            return self.unsupported_expr(node, "sort.Slice with this less function");
        };
        let Some(cond) = cond else {
            if !self.may_hoist {
                return self.unsupported_expr(node, "sort.Slice with this less function here");
            }
            return self.sort_with_less_body(list, &list_text, (&i, &j), *less, body, span);
        };
        let (item, a, b) = (
            self.unshadowed("item"),
            self.unshadowed("a"),
            self.unshadowed("b"),
        );
        // Key shape: `key(xs[i]) < key(xs[j])` or `>`.
        if cond.kind() == "binary_expression" {
            let op = cond
                .child_by_field_name("operator")
                .map(|o| self.text(o))
                .unwrap_or("");
            let l = cond.child_by_field_name("left");
            let r = cond.child_by_field_name("right");
            if let (Some(l), Some(r), "<" | ">") = (l, r, op) {
                let swapped = self
                    .text(l)
                    .replace(&format!("{list_text}[{i}]"), &format!("{list_text}[{j}]"));
                if swapped == self.text(r) && self.text(l).contains(&format!("{list_text}[{i}]")) {
                    self.key_subst
                        .push((list_text.clone(), i.clone(), item.clone(), elem.clone()));
                    let key = self.lower_expr(l);
                    self.key_subst.pop();
                    let key_ty = key.ty.clone();
                    let lambda = Expr::new(
                        ExprKind::Lambda {
                            params: vec![Param {
                                name: item,
                                ty: elem.clone(),
                                variadic: false,
                                default: None,
                                span,
                            }],
                            body: LambdaBody::Expr(Box::new(key)),
                        },
                        Type::Func(vec![elem.clone()], Box::new(key_ty)),
                        span,
                    );
                    let reverse =
                        Expr::new(ExprKind::Lit(Literal::Bool(op == ">")), Type::Bool, span);
                    return self.intrinsic(
                        Intrinsic::SortByKey,
                        vec![list, lambda, reverse],
                        Type::Void,
                        span,
                    );
                }
            }
        }
        // Comparator: less(a, b) ? -1 : less(b, a) ? 1 : 0.
        self.key_subst
            .push((list_text.clone(), i.clone(), a.clone(), elem.clone()));
        self.key_subst
            .push((list_text.clone(), j.clone(), b.clone(), elem.clone()));
        let ab = self.lower_expr(cond);
        self.key_subst.clear();
        self.key_subst
            .push((list_text.clone(), i.clone(), b.clone(), elem.clone()));
        self.key_subst
            .push((list_text.clone(), j.clone(), a.clone(), elem.clone()));
        let ba = self.lower_expr(cond);
        self.key_subst.clear();
        let int = |v: i128| Expr::new(ExprKind::Lit(Literal::Int(v)), Type::I64, span);
        let inner = Expr::new(
            ExprKind::Cond {
                cond: Box::new(ba),
                then: Box::new(int(1)),
                else_: Box::new(int(0)),
            },
            Type::I64,
            span,
        );
        let body = Expr::new(
            ExprKind::Cond {
                cond: Box::new(ab),
                then: Box::new(int(-1)),
                else_: Box::new(inner),
            },
            Type::I64,
            span,
        );
        let param = |n: &str| Param {
            name: n.to_string(),
            ty: elem.clone(),
            variadic: false,
            default: None,
            span,
        };
        let lambda = Expr::new(
            ExprKind::Lambda {
                params: vec![param(&a), param(&b)],
                body: LambdaBody::Expr(Box::new(body)),
            },
            Type::Func(vec![elem.clone(), elem.clone()], Box::new(Type::I64)),
            span,
        );
        self.intrinsic(
            Intrinsic::SortWithComparator,
            vec![list, lambda],
            Type::Void,
            span,
        )
    }

    /// `sort.Slice(xs, func(i, j int) bool { ..statements.. })`: the less function becomes a
    /// local function of two elements, hoisted before the statement, and the sort a comparator
    /// calling it both ways.
    fn sort_with_less_body(
        &mut self,
        list: Expr,
        list_text: &str,
        (i, j): (&str, &str),
        less: Node<'_>,
        body: Node<'_>,
        span: ferry_ir::Span,
    ) -> Expr {
        let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
        let param = |name: &str, ty: &Type| Param {
            name: name.to_string(),
            ty: ty.clone(),
            variadic: false,
            default: None,
            span,
        };
        let less_ty = Type::Func(vec![elem.clone(), elem.clone()], Box::new(Type::Bool));
        // The less function: `list[i]` and `list[j]` are its parameters.
        self.push_scope();
        let a = self.declare("a", elem.clone());
        let b = self.declare("b", elem.clone());
        let saved_subst = std::mem::take(&mut self.key_subst);
        self.key_subst.push((
            list_text.to_string(),
            i.to_string(),
            a.clone(),
            elem.clone(),
        ));
        self.key_subst.push((
            list_text.to_string(),
            j.to_string(),
            b.clone(),
            elem.clone(),
        ));
        let saved = std::mem::take(&mut self.current);
        self.current.ret = Type::Bool;
        let block = self.lower_block(body);
        self.current = saved;
        self.key_subst = saved_subst;
        self.pop_scope();
        let less_fn = Expr::new(
            ExprKind::Lambda {
                params: vec![param(&a, &elem), param(&b, &elem)],
                body: LambdaBody::Block(block),
            },
            less_ty.clone(),
            common::span(less),
        );
        let less_name = self.made_up_name("less");
        self.hoisted.push(super::stmt(
            StmtKind::Let {
                name: less_name.clone(),
                ty: less_ty.clone(),
                init: Some(less_fn),
            },
            span,
        ));
        // The comparator: less(x, y) ? -1 : less(y, x) ? 1 : 0.
        let (x, y) = (self.unshadowed("a"), self.unshadowed("b"));
        let name = |n: &str| Expr::new(ExprKind::Name(n.to_string()), elem.clone(), span);
        let call = |p: &str, q: &str| {
            Expr::new(
                ExprKind::CallValue {
                    callee: Box::new(Expr::new(
                        ExprKind::Name(less_name.clone()),
                        less_ty.clone(),
                        span,
                    )),
                    args: vec![name(p), name(q)],
                },
                Type::Bool,
                span,
            )
        };
        let int = |v: i128| Expr::new(ExprKind::Lit(Literal::Int(v)), Type::I64, span);
        let cond = |c: Expr, then: Expr, else_: Expr| {
            Expr::new(
                ExprKind::Cond {
                    cond: Box::new(c),
                    then: Box::new(then),
                    else_: Box::new(else_),
                },
                Type::I64,
                span,
            )
        };
        let compare = cond(call(&x, &y), int(-1), cond(call(&y, &x), int(1), int(0)));
        let comparator = Expr::new(
            ExprKind::Lambda {
                params: vec![param(&x, &elem), param(&y, &elem)],
                body: LambdaBody::Expr(Box::new(compare)),
            },
            Type::Func(vec![elem.clone(), elem.clone()], Box::new(Type::I64)),
            span,
        );
        self.intrinsic(
            Intrinsic::SortWithComparator,
            vec![list, comparator],
            Type::Void,
            span,
        )
    }
}
