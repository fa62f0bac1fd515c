//! The type lattice used by inference: least upper bounds, element types, numeric promotion.

use std::collections::HashMap;

use ferry_ir::{Expr, ExprKind, Intrinsic, Literal, Type};

use super::infer::ClassInfo;

/// The least type covering both: `int` and `float` give `float`, a character and a string give a
/// string, a list and a heap give a heap, two classes their nearest common base.
pub(super) fn lub(a: &Type, b: &Type, classes: &HashMap<String, ClassInfo>) -> Type {
    use Type::*;
    match (a, b) {
        (Unknown, x) | (x, Unknown) => x.clone(),
        (x, y) if x == y => x.clone(),
        (Int(_), Float) | (Float, Int(_)) => Float,
        (Int(_), Int(_)) => Type::BIG,
        (Char, Str) | (Str, Char) => Str,
        (Bool, Int(_)) | (Int(_), Bool) => Type::BIG,
        (List(x), List(y)) => Type::list(lub(x, y, classes)),
        (Set(x), Set(y)) => Type::set(lub(x, y, classes)),
        (Deque(x), Deque(y)) | (List(x), Deque(y)) | (Deque(x), List(y)) => {
            Deque(Box::new(lub(x, y, classes)))
        }
        (PriorityQueue(x), PriorityQueue(y))
        | (List(x), PriorityQueue(y))
        | (PriorityQueue(x), List(y)) => PriorityQueue(Box::new(lub(x, y, classes))),
        (Map(k1, v1), Map(k2, v2)) => Type::map(lub(k1, k2, classes), lub(v1, v2, classes)),
        (Tuple(xs), Tuple(ys)) if xs.len() == ys.len() => {
            Tuple(xs.iter().zip(ys).map(|(x, y)| lub(x, y, classes)).collect())
        }
        (Func(ps, r), Func(qs, s)) if ps.len() == qs.len() => Func(
            ps.iter().zip(qs).map(|(x, y)| lub(x, y, classes)).collect(),
            Box::new(lub(r, s, classes)),
        ),
        (Named(x), Named(y)) => {
            let chain = |n: &str| {
                let mut out = vec![n.to_string()];
                let mut cur = n.to_string();
                while let Some(e) = classes.get(&cur).and_then(|c| c.extends.clone()) {
                    if out.contains(&e) || !classes.contains_key(&e) {
                        break;
                    }
                    out.push(e.clone());
                    cur = e;
                }
                out
            };
            let cx = chain(x);
            let cy = chain(y);
            match cx.iter().find(|c| cy.contains(c)) {
                Some(c) => Named(c.clone()),
                None => a.clone(),
            }
        }
        (Optional(x), Optional(y)) => Optional(Box::new(lub(x, y, classes))),
        (Optional(x), y) | (y, Optional(x)) => {
            // `None` and a value: optional only where the value type has no null of its own.
            let t = lub(x, y, classes);
            if matches!(t, Str | Int(_) | Float | Bool | Char) {
                Optional(Box::new(t))
            } else {
                t
            }
        }
        _ => a.clone(),
    }
}

/// Whether one variable cannot hold both types: [`lub`] has no common type for them (a number
/// and a list, a string and a number, classes without a common base).
pub(super) fn conflicting(a: &Type, b: &Type, classes: &HashMap<String, ClassInfo>) -> bool {
    use Type::*;
    let bare = |t: &Type| match t {
        Optional(x) => (**x).clone(),
        t => t.clone(),
    };
    let (a, b) = (bare(a), bare(b));
    match (&a, &b) {
        (Unknown | Any, _) | (_, Unknown | Any) => false,
        (Int(_) | Float | Bool, Int(_) | Float | Bool) | (Char | Str, Char | Str) => false,
        (List(_) | Deque(_) | PriorityQueue(_), List(_) | Deque(_) | PriorityQueue(_))
        | (Set(_), Set(_))
        | (Map(..), Map(..)) => false,
        (Tuple(xs), Tuple(ys)) => xs.len() != ys.len(),
        (Func(ps, _), Func(qs, _)) => ps.len() != qs.len(),
        (Named(_), Named(_)) => lub(&a, &b, classes) != lub(&b, &a, classes),
        (x, y) => x != y,
    }
}

/// `Int` of any width becomes Python's `Big`.
pub(super) fn bigify(t: Type) -> Type {
    match t {
        Type::Int(_) => Type::BIG,
        Type::List(x) => Type::list(bigify(*x)),
        Type::Array(x) => Type::list(bigify(*x)),
        Type::Set(x) => Type::set(bigify(*x)),
        Type::Deque(x) => Type::Deque(Box::new(bigify(*x))),
        Type::PriorityQueue(x) => Type::PriorityQueue(Box::new(bigify(*x))),
        Type::Map(k, v) => Type::map(bigify(*k), bigify(*v)),
        Type::Tuple(xs) => Type::Tuple(xs.into_iter().map(bigify).collect()),
        other => other,
    }
}

/// The element type of an iterable: a string yields characters, a map its keys.
pub(super) fn elem(t: &Type) -> Type {
    match t {
        Type::Str => Type::Char,
        other => other.element().cloned().unwrap_or(Type::Unknown),
    }
}

pub(super) fn numeric(a: &Type, b: &Type) -> Type {
    match (a, b) {
        (Type::Float, _) | (_, Type::Float) => Type::Float,
        (Type::Int(_) | Type::Bool, Type::Int(_) | Type::Bool) => Type::BIG,
        (Type::Int(_), Type::Unknown) | (Type::Unknown, Type::Int(_)) => Type::Unknown,
        _ => Type::Unknown,
    }
}

/// A receiver whose methods are the builtin ones (never a user class).
pub(super) fn is_builtin_collection(t: &Type) -> bool {
    matches!(
        t,
        Type::List(_)
            | Type::Set(_)
            | Type::Map(..)
            | Type::Deque(_)
            | Type::PriorityQueue(_)
            | Type::Str
            | Type::Char
    )
}

/// Whether an expression builds a fresh collection whose type comes from its context.
pub(super) fn is_builder(e: &Expr) -> bool {
    matches!(
        &e.kind,
        ExprKind::ListLit(_)
            | ExprKind::SetLit(_)
            | ExprKind::MapLit(_)
            | ExprKind::Comprehension(_)
            | ExprKind::Intrinsic {
                op: Intrinsic::NewCollection | Intrinsic::CopyOf | Intrinsic::NewFilled,
                ..
            }
            | ExprKind::Lit(Literal::Null)
            | ExprKind::Cond { .. }
    )
}
