//! Rewrites that need the inferred types: `ToStr` of a string is dropped, one-character string
//! literals used as characters become `Char` literals, characters flowing into strings get
//! `CharToStr`, `str * int` becomes `Repeat`, `int(s)` of a string becomes `ParseInt`, list
//! operations on deques and heaps become their deque and heap intrinsics, string indexing becomes
//! `CharAt(CodePoint)`, and a caught exception converted to text becomes its message.

use std::collections::HashSet;

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{
    BinOp, Block, Expr, ExprKind, Function, Intrinsic, Item, Language, Literal, Module, Stmt,
    StmtKind, Type,
};

use super::infer::children_mut;

pub(super) fn fixup(module: &mut Module) {
    for item in &mut module.items {
        match item {
            Item::Function(f) => function(f),
            Item::Class(c) => {
                for f in c.constructors.iter_mut().chain(c.methods.iter_mut()) {
                    function(f);
                }
                for field in &mut c.fields {
                    if let Some(e) = &mut field.init {
                        expr(e, &HashSet::new());
                    }
                }
            }
            Item::Global(g) => expr(&mut g.init, &HashSet::new()),
            Item::Unsupported(_) => {}
        }
    }
}

fn function(f: &mut Function) {
    let ret = f.ret.clone();
    if let Some(b) = &mut f.body {
        let mut catches = HashSet::new();
        collect_catches(b, &mut catches);
        block(b, &catches, &ret);
    }
}

fn collect_catches(b: &Block, out: &mut HashSet<String>) {
    struct C<'a>(&'a mut HashSet<String>);
    impl ferry_ir::visit::Visitor for C<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Try { catches, .. } = &s.kind {
                self.0.extend(catches.iter().filter_map(|c| c.name.clone()));
            }
            ferry_ir::visit::walk_stmt(self, s);
        }
    }
    ferry_ir::visit::Visitor::visit_block(&mut C(out), b);
}

fn block(b: &mut Block, catches: &HashSet<String>, ret: &Type) {
    for s in &mut b.stmts {
        stmt(s, catches, ret);
    }
    if b.stmts.iter().any(unpacks_list) {
        b.stmts = std::mem::take(&mut b.stmts)
            .into_iter()
            .flat_map(list_unpacked)
            .collect();
    }
}

fn unpacks_list(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::LetTuple { init, .. } if matches!(init.ty, Type::List(_)))
}

/// `a, b = xs` where `xs` is a list: the list in a variable, then one `Let` per element.
fn list_unpacked(s: Stmt) -> Vec<Stmt> {
    if !unpacks_list(&s) {
        return vec![s];
    }
    let StmtKind::LetTuple { names, init } = s.kind else {
        unreachable!("checked by unpacks_list")
    };
    let sp = s.span;
    let list_ty = init.ty.clone();
    let tmp = format!(
        "{}_values",
        names
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>()
            .join("_")
    );
    let mut out = vec![Stmt {
        kind: StmtKind::Let {
            name: tmp.clone(),
            ty: list_ty.clone(),
            init: Some(init),
        },
        span: sp,
    }];
    for (i, b) in names.into_iter().enumerate() {
        if b.name == "_" {
            continue;
        }
        let list = Expr::new(ExprKind::Name(tmp.clone()), list_ty.clone(), sp);
        let index = Expr::new(ExprKind::Lit(Literal::Int(i as i128)), Type::BIG, sp);
        let element = Expr::new(
            ExprKind::Index {
                object: Box::new(list),
                index: Box::new(index),
            },
            b.ty.clone(),
            sp,
        );
        out.push(Stmt {
            kind: StmtKind::Let {
                name: b.name,
                ty: b.ty,
                init: Some(element),
            },
            span: sp,
        });
    }
    out
}

fn stmt(s: &mut Stmt, c: &HashSet<String>, ret: &Type) {
    match &mut s.kind {
        StmtKind::Let { ty, init, .. } => match init {
            Some(e) => {
                expr(e, c);
                coerce(e, ty);
            }
            None => *init = default_of(ty, s.span),
        },
        StmtKind::LetTuple { init, .. } => expr(init, c),
        StmtKind::Assign {
            target,
            value,
            op: Some(BinOp::Add),
        } if matches!(target.ty, Type::List(_)) => {
            // `xs += ys` extends the list in place.
            expr(target, c);
            expr(value, c);
            let t = std::mem::replace(
                target,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, s.span),
            );
            let v = std::mem::replace(
                value,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, s.span),
            );
            let sp = s.span;
            s.kind = StmtKind::Expr(Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::Extend,
                    args: vec![t, v],
                },
                Type::Void,
                sp,
            ));
        }
        StmtKind::Assign { target, value, op } => {
            expr(target, c);
            expr(value, c);
            if op.is_none()
                || matches!(
                    op,
                    Some(BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div(_))
                )
            {
                let t = target.ty.clone();
                coerce(value, &t);
            }
        }
        StmtKind::AssignTuple { targets, value } => {
            for t in targets {
                expr(t, c);
            }
            expr(value, c);
        }
        StmtKind::Expr(e)
        | StmtKind::Throw {
            message: Some(e), ..
        } => expr(e, c),
        StmtKind::Return(Some(e)) => {
            expr(e, c);
            coerce(e, ret);
        }
        StmtKind::If { cond, then, else_ } => {
            expr(cond, c);
            truthy(cond);
            block(then, c, ret);
            if let Some(e) = else_ {
                block(e, c, ret);
            }
        }
        StmtKind::While { cond, body, .. } => {
            expr(cond, c);
            truthy(cond);
            block(body, c, ret);
        }
        StmtKind::ForRange {
            start,
            end,
            step,
            body,
            ..
        } => {
            expr(start, c);
            expr(end, c);
            if let Some(st) = step {
                expr(st, c);
            }
            block(body, c, ret);
        }
        StmtKind::ForEach {
            iter, body, vars, ..
        } => {
            expr(iter, c);
            if vars.len() == 1 {
                keys_of(iter);
            }
            if matches!(vars.as_slice(), [v] if v.ty == Type::Str) && iter.ty == Type::Str {
                // A loop variable that also holds strings walks the characters as strings.
                wrap(iter, Intrinsic::CharStrings, Type::list(Type::Str));
            }
            block(body, c, ret);
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            block(body, c, ret);
            for k in catches {
                block(&mut k.body, c, ret);
            }
            if let Some(f) = finally {
                block(f, c, ret);
            }
        }
        StmtKind::Block(b) => block(b, c, ret),
        _ => {}
    }
}

/// The zero value given to a variable declared ahead of its first assignment.
fn default_of(ty: &Type, span: ferry_ir::Span) -> Option<Expr> {
    let lit = match ty {
        Type::Int(_) => Literal::Int(0),
        Type::Float => Literal::Float(0.0),
        Type::Bool => Literal::Bool(false),
        Type::Str => Literal::Str(String::new()),
        _ => return None,
    };
    Some(Expr::new(ExprKind::Lit(lit), ty.clone(), span))
}

fn wrap(e: &mut Expr, op: Intrinsic, ty: Type) {
    let inner = std::mem::replace(
        e,
        Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, e.span),
    );
    let sp = inner.span;
    *e = Expr::new(
        ExprKind::Intrinsic {
            op,
            args: vec![inner],
        },
        ty,
        sp,
    );
}

/// A character used where a string is expected becomes a string.
pub(super) fn coerce(e: &mut Expr, expected: &Type) {
    if e.ty.is_int() && *expected == Type::Float {
        to_float(e);
        return;
    }
    if e.ty == Type::Bool && expected.is_int() {
        cast_to(e, expected.clone());
        return;
    }
    if e.ty == Type::Char && *expected == Type::Str {
        wrap(e, Intrinsic::CharToStr, Type::Str);
    }
    if let (ExprKind::Lit(Literal::Str(s)), Type::Char) = (&e.kind, expected) {
        let mut it = s.chars();
        if let (Some(ch), None) = (it.next(), it.next()) {
            e.kind = ExprKind::Lit(Literal::Char(ch));
            e.ty = Type::Char;
        }
    }
}

/// An int used where a float is expected: a float literal, or a conversion.
fn to_float(e: &mut Expr) {
    if let ExprKind::Lit(Literal::Int(i)) = e.kind {
        e.kind = ExprKind::Lit(Literal::Float(i as f64));
        e.ty = Type::Float;
        return;
    }
    let inner = std::mem::replace(
        e,
        Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, e.span),
    );
    let sp = inner.span;
    *e = Expr::new(
        ExprKind::Cast {
            expr: Box::new(inner),
            to: Type::Float,
        },
        Type::Float,
        sp,
    );
}

/// `e` converted to `to`.
fn cast_to(e: &mut Expr, to: Type) {
    let inner = std::mem::replace(
        e,
        Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, e.span),
    );
    let sp = inner.span;
    *e = Expr::new(
        ExprKind::Cast {
            expr: Box::new(inner),
            to: to.clone(),
        },
        to,
        sp,
    );
}

/// A truth value used as a number (`count += x > 0`, `sum(c in vowels for c in s)`) is 1 or 0.
fn bool_as_int(e: &mut Expr) {
    if e.ty == Type::Bool {
        cast_to(e, Type::BIG);
    }
}

/// `xs == []`, `xs != []`, `[] == xs`: whether the list is empty.
fn emptiness_test(e: &mut Expr) -> Option<Expr> {
    let ExprKind::Binary { op, lhs, rhs } = &mut e.kind else {
        return None;
    };
    let negate = match op {
        BinOp::Eq(_) => false,
        BinOp::Ne(_) => true,
        _ => return None,
    };
    let is_empty_list = |x: &Expr| matches!(&x.kind, ExprKind::ListLit(items) if items.is_empty());
    let list = if is_empty_list(rhs) {
        lhs
    } else if is_empty_list(lhs) {
        rhs
    } else {
        return None;
    };
    if !matches!(list.ty, Type::List(_)) {
        return None;
    }
    let list = std::mem::replace(
        &mut **list,
        Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, e.span),
    );
    let test = Expr::new(
        ExprKind::Intrinsic {
            op: Intrinsic::IsEmpty,
            args: vec![list],
        },
        Type::Bool,
        e.span,
    );
    Some(if negate {
        Expr::new(
            ExprKind::Unary {
                op: ferry_ir::UnaryOp::Not,
                operand: Box::new(test),
            },
            Type::Bool,
            e.span,
        )
    } else {
        test
    })
}

/// A generator or comprehension of characters joined into text yields strings instead.
fn chars_as_strings(parts: &mut Expr) -> bool {
    let ExprKind::Comprehension(comp) = &mut parts.kind else {
        return false;
    };
    if comp.element.ty != Type::Char {
        return false;
    }
    wrap(&mut comp.element, Intrinsic::CharToStr, Type::Str);
    parts.ty = Type::list(Type::Str);
    true
}

fn as_char(e: &mut Expr) {
    coerce(e, &Type::Char);
}

/// The argument of `ord`, a one-character string: its only character.
fn ord_argument(e: &mut Expr) {
    as_char(e);
    if e.ty == Type::Str {
        let s = std::mem::replace(
            e,
            Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, e.span),
        );
        let zero = Expr::new(ExprKind::Lit(Literal::Int(0)), Type::BIG, s.span);
        *e = Expr::new(
            ExprKind::Intrinsic {
                op: Intrinsic::CharAt(StrUnit::CodePoint),
                args: vec![s, zero],
            },
            Type::Char,
            e.span,
        );
    }
}

fn expr(e: &mut Expr, c: &HashSet<String>) {
    {
        let mut kids = Vec::new();
        children_mut(e, &mut kids);
        for k in kids {
            expr(k, c);
        }
    }
    if let ExprKind::Lambda {
        body: ferry_ir::LambdaBody::Block(b),
        ..
    } = &mut e.kind
    {
        block(b, c, &Type::Unknown);
    }
    let sp = e.span;
    if matches!(e.kind, ExprKind::Lit(Literal::Null)) {
        e.ty = Type::Unknown;
    }
    // A builtin method whose name a user class also defines was lowered as a method call.
    if let ExprKind::MethodCall {
        receiver,
        method,
        args,
    } = &mut e.kind
    {
        if matches!(
            receiver.ty,
            Type::List(_)
                | Type::Set(_)
                | Type::Map(..)
                | Type::Deque(_)
                | Type::PriorityQueue(_)
                | Type::Str
                | Type::Char
        ) {
            let n = if method == "get" { 2 } else { args.len() };
            if let Some((_, _, op)) = super::calls::METHODS
                .iter()
                .find(|(m, k, _)| *m == method.as_str() && *k == n)
            {
                let mut all = vec![std::mem::replace(
                    &mut **receiver,
                    Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                )];
                all.append(args);
                if method == "get" && all.len() == 2 {
                    all.push(Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp));
                }
                e.kind = ExprKind::Intrinsic { op: *op, args: all };
                expr(e, c);
                return;
            }
        }
    }
    match &mut e.kind {
        ExprKind::Unary {
            op: ferry_ir::UnaryOp::Not,
            operand,
        } => truthy(operand),
        ExprKind::Binary {
            op: BinOp::And | BinOp::Or,
            lhs,
            rhs,
        } if e.ty == Type::Bool => {
            truthy(lhs);
            truthy(rhs);
        }
        ExprKind::Cond { cond, .. } => truthy(cond),
        ExprKind::Comprehension(comp) => {
            for clause in &mut comp.clauses {
                match clause {
                    ferry_ir::ComprehensionClause::If(cond) => truthy(cond),
                    ferry_ir::ComprehensionClause::For { vars, iter } if vars.len() == 1 => {
                        keys_of(iter)
                    }
                    _ => {}
                }
            }
        }
        ExprKind::Intrinsic {
            op:
                Intrinsic::Sorted
                | Intrinsic::CopyOf
                | Intrinsic::MinOf
                | Intrinsic::MaxOf
                | Intrinsic::Sum
                | Intrinsic::Any
                | Intrinsic::All,
            args,
        } => {
            if let Some(a) = args.first_mut() {
                keys_of(a);
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::Join,
            args,
        } => {
            if let Some(a) = args.get_mut(1) {
                keys_of(a);
            }
        }
        _ => {}
    }
    if let Some(test) = emptiness_test(e) {
        *e = test;
        return;
    }
    match &mut e.kind {
        ExprKind::Binary {
            op: BinOp::Add | BinOp::Sub | BinOp::Mul,
            lhs,
            rhs,
        } if lhs.ty == Type::Bool || rhs.ty == Type::Bool => {
            bool_as_int(lhs);
            bool_as_int(rhs);
            if !e.ty.is_int() && e.ty != Type::Float {
                e.ty = if lhs.ty == Type::Float || rhs.ty == Type::Float {
                    Type::Float
                } else {
                    Type::BIG
                };
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::CopyOf,
            args,
        } if args.len() == 1 && args[0].ty == Type::Str => {
            // `set(s)`, `list(s)`: the characters of `s`, as strings where the list holds strings.
            if e.ty == Type::list(Type::Str) {
                let s = args.remove(0);
                *e = Expr::new(
                    ExprKind::Intrinsic {
                        op: Intrinsic::CharStrings,
                        args: vec![s],
                    },
                    Type::list(Type::Str),
                    sp,
                );
            } else if e.ty == Type::set(Type::Str) {
                wrap(&mut args[0], Intrinsic::CharStrings, Type::list(Type::Str));
            } else {
                wrap(&mut args[0], Intrinsic::Chars, Type::list(Type::Char));
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::Sum,
            args,
        } => {
            if let Some(ExprKind::Comprehension(comp)) = args.first_mut().map(|a| &mut a.kind) {
                if comp.element.ty == Type::Bool {
                    bool_as_int(&mut comp.element);
                    args[0].ty = Type::list(Type::BIG);
                    e.ty = Type::BIG;
                }
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::Join,
            args,
        } if args.len() == 2 && super::infer::elem(&args[1].ty) == Type::Char => {
            let empty_sep = matches!(&args[0].kind, ExprKind::Lit(Literal::Str(s)) if s.is_empty());
            if !chars_as_strings(&mut args[1]) && empty_sep {
                let chars = args.remove(1);
                *e = Expr::new(
                    ExprKind::Intrinsic {
                        op: Intrinsic::FromChars,
                        args: vec![chars],
                    },
                    Type::Str,
                    sp,
                );
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::ToStr(Language::Python),
            args,
        } => {
            if let Some(a) = args.first() {
                if a.ty == Type::Str {
                    let inner = args.remove(0);
                    *e = inner;
                    return;
                }
                if a.ty == Type::Char {
                    let inner = args.remove(0);
                    *e = Expr::new(
                        ExprKind::Intrinsic {
                            op: Intrinsic::CharToStr,
                            args: vec![inner],
                        },
                        Type::Str,
                        sp,
                    );
                    return;
                }
                if matches!(&a.kind, ExprKind::Name(n) if c.contains(n)) {
                    let inner = args.remove(0);
                    *e = Expr::new(
                        ExprKind::Intrinsic {
                            op: Intrinsic::ErrorMessage,
                            args: vec![inner],
                        },
                        Type::Str,
                        sp,
                    );
                }
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::ToUpper | Intrinsic::ToLower | Intrinsic::SwapCase,
            args,
        } => {
            // `c.upper()` is a string in Python (`'ß'.upper()` is `'SS'`).
            if let Some(a) = args.first_mut() {
                if a.ty == Type::Char {
                    wrap(a, Intrinsic::CharToStr, Type::Str);
                }
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::RoundDigits,
            args,
        } if args.first().is_some_and(|x| x.ty.is_int()) => {
            // An int rounded to digits `>= 0` is the int itself.
            let x = args.swap_remove(0);
            *e = x;
        }
        ExprKind::Intrinsic {
            op: Intrinsic::CharCode,
            args,
        } => {
            if let Some(a) = args.first_mut() {
                ord_argument(a);
            }
        }
        ExprKind::Intrinsic {
            op: op @ (Intrinsic::Append | Intrinsic::Pop | Intrinsic::RemoveAt),
            args,
        } => {
            let t0 = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
            match (&*op, &t0) {
                (Intrinsic::RemoveAt, Type::Map(..)) => *op = Intrinsic::Remove,
                (Intrinsic::Append, Type::Deque(_)) => *op = Intrinsic::PushBack,
                (Intrinsic::Append, Type::PriorityQueue(_)) => *op = Intrinsic::HeapPush,
                (Intrinsic::Pop, Type::Deque(_)) => *op = Intrinsic::PopBack,
                (Intrinsic::RemoveAt, Type::Deque(_))
                    if matches!(
                        args.get(1).map(|a| &a.kind),
                        Some(ExprKind::Lit(Literal::Int(0)))
                    ) =>
                {
                    *op = Intrinsic::PopFront;
                    args.truncate(1);
                }
                _ => {}
            }
            if *op == Intrinsic::Append || *op == Intrinsic::PushBack {
                let el = super::infer::elem(&t0);
                if let Some(x) = args.get_mut(1) {
                    coerce(x, &el);
                }
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::Contains,
            args,
        } => {
            // `x in (a, b)`: a tuple of one type is a list here.
            if let Some(first) = args.first_mut() {
                if let (ExprKind::TupleLit(items), Type::Tuple(ts)) = (&mut first.kind, &first.ty) {
                    if let Some(t0) = ts.first().cloned() {
                        if ts.iter().all(|t| *t == t0) {
                            let items = std::mem::take(items);
                            first.kind = ExprKind::ListLit(items);
                            first.ty = Type::list(t0);
                        }
                    }
                }
            }
            let t0 = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
            let el = super::infer::elem(&t0);
            if let Some(x) = args.get_mut(1) {
                if el == Type::Char || t0 == Type::Str && x.ty == Type::Char {
                    coerce(x, &Type::Char);
                } else {
                    coerce(x, &el);
                }
            }
        }
        ExprKind::Intrinsic {
            op: Intrinsic::GetOrDefault,
            args,
        } => {
            let t0 = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
            if let (Type::Map(k, _), Some(x)) = (&t0, args.get_mut(1)) {
                coerce(x, k);
            }
        }
        ExprKind::Index { object, index } if matches!(object.ty, Type::Map(..)) => {
            if let Type::Map(k, _) = &object.ty {
                let k = (**k).clone();
                coerce(index, &k);
            }
        }
        ExprKind::Binary {
            op: op @ (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub),
            lhs,
            rhs,
        } if matches!(lhs.ty, Type::Set(_)) => {
            let op = match op {
                BinOp::BitOr => Intrinsic::Union,
                BinOp::BitAnd => Intrinsic::Intersection,
                _ => Intrinsic::Difference,
            };
            let a = std::mem::replace(
                &mut **lhs,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            let b = std::mem::replace(
                &mut **rhs,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            let ty = a.ty.clone();
            *e = Expr::new(
                ExprKind::Intrinsic {
                    op,
                    args: vec![a, b],
                },
                ty,
                sp,
            );
        }
        ExprKind::Binary {
            op: op @ (BinOp::Eq(_) | BinOp::Ne(_)),
            lhs,
            rhs,
        } if (matches!(rhs.kind, ExprKind::Lit(Literal::Null))
            && matches!(lhs.ty, Type::Int(_) | Type::Float | Type::Bool | Type::Char))
            || (matches!(lhs.kind, ExprKind::Lit(Literal::Null))
                && matches!(rhs.ty, Type::Int(_) | Type::Float | Type::Bool | Type::Char)) =>
        {
            // A number is never `None`.
            let value = matches!(op, BinOp::Ne(_));
            *e = Expr::new(ExprKind::Lit(Literal::Bool(value)), Type::Bool, sp);
        }
        ExprKind::Binary {
            op:
                op @ (BinOp::Add
                | BinOp::Sub
                | BinOp::Mul
                | BinOp::Div(_)
                | BinOp::Rem(_)
                | BinOp::Pow
                | BinOp::Lt
                | BinOp::Le
                | BinOp::Gt
                | BinOp::Ge
                | BinOp::Eq(_)
                | BinOp::Ne(_)),
            lhs,
            rhs,
        } if (lhs.ty == Type::Float && rhs.ty.is_int())
            || (rhs.ty == Type::Float && lhs.ty.is_int())
            || (matches!(op, BinOp::Div(ferry_ir::DivKind::True))
                && lhs.ty.is_int()
                && rhs.ty.is_int()) =>
        {
            // Mixed arithmetic: Python promotes the int (`/` always divides floats).
            if lhs.ty.is_int() {
                to_float(lhs);
            }
            if rhs.ty.is_int() {
                to_float(rhs);
            }
        }
        ExprKind::Binary { op, lhs, rhs } => match op {
            BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                if lhs.ty == Type::Char {
                    as_char(rhs);
                }
                if rhs.ty == Type::Char {
                    as_char(lhs);
                }
                if lhs.ty == Type::Char && rhs.ty == Type::Str {
                    wrap(lhs, Intrinsic::CharToStr, Type::Str);
                } else if rhs.ty == Type::Char && lhs.ty == Type::Str {
                    wrap(rhs, Intrinsic::CharToStr, Type::Str);
                }
            }
            BinOp::Add if e.ty == Type::Str => {
                for side in [lhs, rhs] {
                    if side.ty == Type::Char {
                        wrap(side, Intrinsic::CharToStr, Type::Str);
                    }
                }
            }
            BinOp::Mul if e.ty == Type::Str => {
                let (s, n) = if lhs.ty == Type::Str {
                    (lhs, rhs)
                } else {
                    (rhs, lhs)
                };
                let s = std::mem::replace(
                    &mut **s,
                    Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                );
                let n = std::mem::replace(
                    &mut **n,
                    Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                );
                *e = Expr::new(
                    ExprKind::Intrinsic {
                        op: Intrinsic::Repeat,
                        args: vec![s, super::expr::at_least_zero(n)],
                    },
                    Type::Str,
                    sp,
                );
            }
            _ => {}
        },
        ExprKind::Cast { expr: inner, to } => {
            let op = match (&inner.ty, &*to) {
                (Type::Str, Type::Int(_)) => Some(Intrinsic::ParseInt),
                (Type::Str, Type::Float) => Some(Intrinsic::ParseFloat),
                (Type::Char, Type::Int(_)) => {
                    wrap(inner, Intrinsic::CharToStr, Type::Str);
                    Some(Intrinsic::ParseInt)
                }
                _ => None,
            };
            if let Some(op) = op {
                let to = to.clone();
                let x = std::mem::replace(
                    &mut **inner,
                    Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                );
                *e = Expr::new(ExprKind::Intrinsic { op, args: vec![x] }, to, sp);
            }
        }
        ExprKind::Index { object, index } if object.ty == Type::Str => {
            let o = std::mem::replace(
                &mut **object,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            let i = std::mem::replace(
                &mut **index,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            *e = Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::CharAt(StrUnit::CodePoint),
                    args: vec![o, i],
                },
                Type::Char,
                sp,
            );
        }
        ExprKind::ListLit(items)
            if items.is_empty()
                && matches!(e.ty, Type::Deque(_) | Type::PriorityQueue(_) | Type::Set(_)) =>
        {
            e.kind = ExprKind::Intrinsic {
                op: Intrinsic::NewCollection,
                args: vec![],
            };
        }
        _ => {}
    }
}

/// Python truthiness made explicit: a collection or string is true when not empty, a number when
/// not zero, an object when not `None`.
fn truthy(e: &mut Expr) {
    let sp = e.span;
    let zero = |ty: &Type| match ty {
        Type::Float => Literal::Float(0.0),
        _ => Literal::Int(0),
    };
    match e.ty.clone() {
        Type::Bool | Type::Unknown | Type::Any => {}
        Type::Str
        | Type::List(_)
        | Type::Array(_)
        | Type::Map(..)
        | Type::Set(_)
        | Type::Deque(_)
        | Type::PriorityQueue(_) => {
            wrap(e, Intrinsic::IsEmpty, Type::Bool);
            let inner = std::mem::replace(
                e,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            *e = Expr::new(
                ExprKind::Unary {
                    op: ferry_ir::UnaryOp::Not,
                    operand: Box::new(inner),
                },
                Type::Bool,
                sp,
            );
        }
        t @ (Type::Int(_) | Type::Float) => {
            let inner = std::mem::replace(
                e,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            let z = Expr::new(ExprKind::Lit(zero(&t)), t, sp);
            *e = Expr::new(
                ExprKind::Binary {
                    op: BinOp::Ne(ferry_ir::EqKind::Value),
                    lhs: Box::new(inner),
                    rhs: Box::new(z),
                },
                Type::Bool,
                sp,
            );
        }
        Type::Named(_) | Type::Optional(_) => {
            let inner = std::mem::replace(
                e,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
            );
            let z = Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp);
            *e = Expr::new(
                ExprKind::Binary {
                    op: BinOp::Ne(ferry_ir::EqKind::Reference),
                    lhs: Box::new(inner),
                    rhs: Box::new(z),
                },
                Type::Bool,
                sp,
            );
        }
        _ => {}
    }
}

/// Iterating a dict iterates its keys: made explicit with `Keys`.
fn keys_of(e: &mut Expr) {
    if let Type::Map(k, _) = &e.ty {
        let ty = Type::List(k.clone());
        wrap(e, Intrinsic::Keys, ty);
    }
}
