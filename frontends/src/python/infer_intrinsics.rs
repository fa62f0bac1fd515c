//! The typing rules of intrinsics: element operations constrain their collection (`append`,
//! `add`, `heappush`, `join`, `get`), everything else follows [`Intrinsic::result_type`].

use ferry_ir::{Expr, ExprKind, Intrinsic, Span, Type};

use super::infer::Solver;
use super::unify::{bigify, elem};

impl Solver {
    pub(super) fn intrinsic(&mut self, op: Intrinsic, args: &mut [Expr], _sp: Span) -> Type {
        use Intrinsic::*;
        // Lambdas passed as sort keys take the list's elements.
        if let (SortByKey | SortedByKey, Some(list)) = (op, args.first_mut()) {
            let lt = self.expr(list);
            if let Some(ExprKind::Lambda { params, .. }) = args.get(1).map(|a| &a.kind) {
                if let Some(p) = params.first() {
                    let k = self.var_key(&p.name);
                    self.unify_var(k, &elem(&lt));
                }
            }
        }
        let tys: Vec<Type> = args.iter_mut().map(|a| self.expr(a)).collect();
        let t = |i: usize| tys.get(i).cloned().unwrap_or(Type::Unknown);
        match op {
            Append | Insert | PushBack | PushFront | Add | HeapPush => {
                let x = if op == Insert { t(2) } else { t(1) };
                let container = match (op, t(0)) {
                    (Add, _) => Type::set(x),
                    (HeapPush, _) => Type::PriorityQueue(Box::new(x)),
                    (PushFront, _) => Type::Deque(Box::new(x)),
                    (_, Type::Deque(_)) => Type::Deque(Box::new(x)),
                    (_, Type::PriorityQueue(_)) => Type::PriorityQueue(Box::new(x)),
                    _ => Type::list(x),
                };
                if let Some(target) = args.first() {
                    let target = target.clone();
                    self.constrain(&target, &container);
                }
                if op == Add {
                    Type::Bool
                } else {
                    Type::Void
                }
            }
            Extend => {
                if let Some(target) = args.first() {
                    let target = target.clone();
                    self.constrain(&target, &Type::list(elem(&t(1))));
                }
                Type::Void
            }
            Md5Hex { .. } => {
                // Only a string has the `encode` the digest reads.
                if let Some(text) = args.first() {
                    let text = text.clone();
                    self.constrain(&text, &Type::Str);
                }
                Type::Str
            }
            Join => {
                if let Some(target) = args.get(1) {
                    let target = target.clone();
                    self.constrain(&target, &Type::list(Type::Str));
                }
                Type::Str
            }
            GetOrDefault => {
                if let Some(target) = args.first() {
                    let target = target.clone();
                    self.constrain(&target, &Type::map(t(1), t(2)));
                }
                if let (Type::Map(_, v), Some(d)) = (t(0), args.get_mut(2)) {
                    self.push_type(d, &v);
                }
                match t(0) {
                    Type::Map(_, v) if v.is_known() => *v,
                    _ => t(2),
                }
            }
            // `max(best, x)` is never `None`: a `None` argument raises.
            Min | Max => match self.lub(&t(0), &t(1)) {
                Type::Optional(inner) => *inner,
                other => other,
            },
            Sum => match elem(&t(0)) {
                Type::Unknown => Type::Unknown,
                Type::Bool => Type::BIG,
                x => x,
            },
            CopyOf => match t(0) {
                Type::Str => Type::list(Type::Char),
                Type::Map(k, _) => Type::list(*k),
                other => Type::list(elem(&other)),
            },
            NewCollection => Type::Unknown,
            Reversed => match t(0) {
                Type::Str => Type::Str,
                other => Type::list(elem(&other)),
            },
            Sorted | SortedByKey => Type::list(elem(&t(0))),
            Abs => t(0),
            // `round(n, digits)` of an int is the int.
            RoundDigits if t(0).is_int() => t(0),
            ToStr(_) => Type::Str,
            _ => bigify(op.result_type(&tys)),
        }
    }
}
