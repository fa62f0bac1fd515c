//! Intrinsics that Go writes as statements: `xs = append(xs, x)`, `delete(m, k)`, sorting
//! with `sort.SliceStable` (and sorted copies, by the same key comparison), builder writes.

use ferry_ir::{Expr, ExprKind, Intrinsic, LambdaBody, Literal, Type};

use super::precedence::G;
use super::Printer;

impl Printer<'_> {
    /// Intrinsics that Go writes as statements (`xs = append(xs, x)`); `None` for the rest.
    pub(super) fn intrinsic_stmt(
        &mut self,
        op: Intrinsic,
        args: &[Expr],
        _e: &Expr,
    ) -> Option<Vec<String>> {
        use Intrinsic::*;
        let t0 = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
        let lv = self.level;
        let line = |g: G| g.print(lv);
        Some(match op {
            Append | PushBack => {
                let l = self.arg(args, 0);
                let x = self.elem_arg(args, 1);
                if let Type::PriorityQueue(_) = t0 {
                    return Some(vec![line(self.helper(
                        "ferryHeapPush",
                        "heap",
                        vec![Self::addr(l), x],
                    ))]);
                }
                let ls = line(l.clone());
                vec![format!("{ls} = {}", line(G::call("append", vec![l, x])))]
            }
            HeapPush => {
                let l = self.arg(args, 0);
                let x = self.arg(args, 1);
                vec![line(self.helper(
                    "ferryHeapPush",
                    "heap",
                    vec![Self::addr(l), x],
                ))]
            }
            PushFront => {
                let l = self.arg(args, 0);
                let x = self.arg(args, 1);
                let ls = line(l.clone());
                let ins = self.pkg("slices", "Insert", vec![l, G::atom("0"), x]);
                vec![format!("{ls} = {}", line(ins))]
            }
            Insert => {
                let l = self.arg(args, 0);
                let i = self.arg(args, 1);
                let x = self.arg(args, 2);
                let ls = line(l.clone());
                let ins = self.pkg("slices", "Insert", vec![l, i, x]);
                vec![format!("{ls} = {}", line(ins))]
            }
            Extend => {
                let l = self.arg(args, 0);
                let o = match args.get(1) {
                    Some(a) if matches!(a.ty, Type::Set(_) | Type::Map(..)) => {
                        let g = self.expr(a);
                        self.helper("ferrySortedKeys", "sortedkeys", vec![g])
                    }
                    Some(a) if a.ty == Type::Str => {
                        let g = self.expr(a);
                        G::Call {
                            func: Box::new(G::atom("[]rune")),
                            args: vec![g],
                            spread: false,
                        }
                    }
                    _ => self.arg(args, 1),
                };
                if let Type::Set(_) = t0 {
                    let s = self.arg(args, 0);
                    return Some(vec![line(self.helper(
                        "ferrySetAddAll",
                        "setaddall",
                        vec![s, o],
                    ))]);
                }
                let ls = line(l.clone());
                vec![format!(
                    "{ls} = {}",
                    line(G::Call {
                        func: Box::new(G::atom("append")),
                        args: vec![l, o],
                        spread: true
                    })
                )]
            }
            Pop | PopBack => {
                if let Type::PriorityQueue(_) = t0 {
                    return None;
                }
                let l = self.arg(args, 0);
                let ls = line(l.clone());
                let len = G::call("len", vec![l.clone()]);
                vec![format!(
                    "{ls} = {}",
                    line(G::Slice(
                        Box::new(l),
                        None,
                        Some(Box::new(G::bin("-", len, G::atom("1"))))
                    ))
                )]
            }
            PopFront => {
                let l = self.arg(args, 0);
                let ls = line(l.clone());
                vec![format!(
                    "{ls} = {}",
                    line(G::Slice(Box::new(l), Some(Box::new(G::atom("1"))), None))
                )]
            }
            RemoveAt
                if matches!(
                    args.get(1).map(|a| &a.kind),
                    Some(ExprKind::Lit(Literal::Int(0)))
                ) =>
            {
                let l = self.arg(args, 0);
                let ls = line(l.clone());
                vec![format!(
                    "{ls} = {}",
                    line(G::Slice(Box::new(l), Some(Box::new(G::atom("1"))), None))
                )]
            }
            RemoveAt if self.is_last_index(args) => {
                // Removing the last element: re-slice.
                let l = self.arg(args, 0);
                let ls = line(l.clone());
                let len = G::call("len", vec![l.clone()]);
                vec![format!(
                    "{ls} = {}",
                    line(G::Slice(
                        Box::new(l),
                        None,
                        Some(Box::new(G::bin("-", len, G::atom("1"))))
                    ))
                )]
            }
            RemoveAt => {
                let l = self.arg(args, 0);
                let i = self.arg(args, 1);
                let ls = line(l.clone());
                let i1 = G::bin("+", i.clone(), G::atom("1"));
                let del = self.pkg("slices", "Delete", vec![l, i, i1]);
                vec![format!("{ls} = {}", line(del))]
            }
            Remove => match t0 {
                Type::Map(..) | Type::Set(_) => {
                    let c = self.arg(args, 0);
                    let x = self.arg(args, 1);
                    vec![line(G::call("delete", vec![c, x]))]
                }
                _ => return None,
            },
            Add => {
                let c = self.arg(args, 0);
                let x = self.elem_arg(args, 1);
                vec![format!("{} = true", line(G::index(c, x)))]
            }
            Put if args.len() == 3 => {
                // As an assignment to `m[k]`, so that `m[k] = m[k] + 1` reads `m[k]++`.
                let vty = match &t0 {
                    Type::Map(_, v) => (**v).clone(),
                    _ => args[2].ty.clone(),
                };
                let target = Expr::new(
                    ExprKind::Index {
                        object: Box::new(args[0].clone()),
                        index: Box::new(args[1].clone()),
                    },
                    vty,
                    args[1].span,
                );
                let saved = std::mem::take(&mut self.out);
                let level = self.level;
                self.level = 0;
                self.assign(&target, None, &args[2]);
                let text = std::mem::replace(&mut self.out, saved);
                self.level = level;
                text.lines().map(|l| l.to_string()).collect()
            }
            Clear => {
                let c = self.arg(args, 0);
                match t0 {
                    Type::Map(..) | Type::Set(_) => vec![line(G::call("clear", vec![c]))],
                    Type::StrBuilder => vec![line(G::method(c, "Reset", vec![]))],
                    _ => {
                        let ls = line(c.clone());
                        vec![format!(
                            "{ls} = {}",
                            line(G::Slice(Box::new(c), None, Some(Box::new(G::atom("0")))))
                        )]
                    }
                }
            }
            Sort => {
                let l = self.arg(args, 0);
                vec![line(self.pkg("slices", "Sort", vec![l]))]
            }
            Reverse => {
                let l = self.arg(args, 0);
                vec![line(self.pkg("slices", "Reverse", vec![l]))]
            }
            Fill => {
                let l = self.arg(args, 0);
                let x = self.arg(args, 1);
                vec![line(self.helper("ferryFill", "fill", vec![l, x]))]
            }
            SortByKey => return self.sort_by_key(args),
            SortWithComparator => return self.sort_with(args),
            BuilderAppend => {
                // Flatten a chain `b.append(x).append(y)` into one write per piece.
                let mut pieces = Vec::new();
                let mut cur = args;
                loop {
                    pieces.push(cur.get(1));
                    match cur.first().map(|a| &a.kind) {
                        Some(ExprKind::Intrinsic {
                            op: BuilderAppend,
                            args: inner,
                        }) => cur = inner,
                        _ => break,
                    }
                }
                let b = self.arg(cur, 0);
                let mut lines = Vec::new();
                for p in pieces.into_iter().rev() {
                    match p {
                        Some(x) if x.ty == Type::Char => {
                            let g = self.expr(x);
                            lines.push(line(G::method(b.clone(), "WriteRune", vec![g])));
                        }
                        Some(Expr {
                            kind:
                                ExprKind::Intrinsic {
                                    op: Intrinsic::CharToStr,
                                    args: inner,
                                },
                            ..
                        }) if inner.len() == 1 && inner[0].ty == Type::Char => {
                            let g = self.expr(&inner[0]);
                            lines.push(line(G::method(b.clone(), "WriteRune", vec![g])));
                        }
                        other => {
                            let g = self.builder_piece(other);
                            lines.push(line(G::method(b.clone(), "WriteString", vec![g])));
                        }
                    }
                }
                lines
            }
            _ => return None,
        })
    }

    /// Whether `(list, i)` has `i == len(list) - 1`.
    fn is_last_index(&mut self, args: &[Expr]) -> bool {
        let [list, index] = args else { return false };
        let ExprKind::Binary {
            op: ferry_ir::BinOp::Sub,
            lhs,
            rhs,
        } = &index.kind
        else {
            return false;
        };
        let ExprKind::Intrinsic {
            op: Intrinsic::Len(_),
            args: len_args,
        } = &lhs.kind
        else {
            return false;
        };
        if !matches!(rhs.kind, ExprKind::Lit(Literal::Int(1))) || len_args.len() != 1 {
            return false;
        }
        let a = self.expr(list).print(0);
        let b = self.expr(&len_args[0]).print(0);
        a == b && !a.contains('(')
    }

    /// `sort.SliceStable(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })`.
    pub(super) fn sort_by_key(&mut self, args: &[Expr]) -> Option<Vec<String>> {
        let (Some(list), Some(key)) = (args.first(), args.get(1)) else {
            return None;
        };
        let reverse = matches!(
            args.get(2).map(|a| &a.kind),
            Some(ExprKind::Lit(Literal::Bool(true)))
        );
        let xs = self.expr(list).print(self.level);
        let ExprKind::Lambda {
            params,
            body: LambdaBody::Expr(body),
        } = &key.kind
        else {
            return None;
        };
        let [p] = params.as_slice() else { return None };
        let ki = substitute(body, &p.name, &format!("{xs}[i]"));
        let kj = substitute(body, &p.name, &format!("{xs}[j]"));
        let tuple = matches!(body.kind, ExprKind::TupleLit(_));
        let less = if reverse && !tuple && body.ty != Type::Bool {
            let a = self.expr(&ki);
            let b = self.expr(&kj);
            G::bin(">", a, b)
        } else {
            let (a, b) = if reverse { (kj, ki) } else { (ki, kj) };
            self.key_less(&a, &b, &body.ty)
        };
        let text = less.print(self.level + 1);
        self.import("sort");
        let lit = G::FuncLit {
            header: "func(i, j int) bool".into(),
            body: vec![format!("return {text}")],
            one_line: false,
        };
        let call = G::call("sort.SliceStable", vec![G::atom(xs), lit]);
        Some(vec![call.print(self.level)])
    }

    /// `ferrySortedBy(xs, func(a, b T) bool { return key(a) < key(b) }, reverse)`: a sorted copy.
    pub(super) fn sorted_by_key(&mut self, args: &[Expr]) -> G {
        let (Some(items), Some(key)) = (args.first(), args.get(1)) else {
            return G::atom("nil");
        };
        let xs = self.expr(items);
        let (xs, el) = match &items.ty {
            Type::Str => {
                let runes = G::Call {
                    func: Box::new(G::atom("[]rune")),
                    args: vec![xs],
                    spread: false,
                };
                (runes, Type::Char)
            }
            Type::Map(k, _) | Type::Set(k) => (
                self.helper("ferrySortedKeys", "sortedkeys", vec![xs]),
                (**k).clone(),
            ),
            t => (xs, t.element().cloned().unwrap_or(Type::Unknown)),
        };
        let (a, b) = (self.fresh_name("a"), self.fresh_name("b"));
        let applied = |with: &str| match &key.kind {
            ExprKind::Lambda {
                params,
                body: LambdaBody::Expr(body),
            } if params.len() == 1 => substitute(body, &params[0].name, with),
            _ => {
                let arg = Expr::new(ExprKind::Name(format!("\u{0}{with}")), el.clone(), key.span);
                let ret = match &key.ty {
                    Type::Func(_, r) => (**r).clone(),
                    _ => Type::Unknown,
                };
                Expr::new(
                    ExprKind::CallValue {
                        callee: Box::new(key.clone()),
                        args: vec![arg],
                    },
                    ret,
                    key.span,
                )
            }
        };
        let (ka, kb) = (applied(&a), applied(&b));
        let less = self.key_less(&ka, &kb, &ka.ty).print(self.level + 1);
        let t = self.go_type(&el);
        let lit = G::FuncLit {
            header: format!("func({a}, {b} {t}) bool"),
            body: vec![format!("return {less}")],
            one_line: true,
        };
        let reverse = match args.get(2) {
            Some(r) => self.expr(r),
            None => G::atom("false"),
        };
        self.helper("ferrySortedBy", "sortedby", vec![xs, lit, reverse])
    }

    /// `a < b` for keys (tuples compare element by element).
    pub(super) fn key_less(&mut self, a: &Expr, b: &Expr, _ty: &Type) -> G {
        if let (ExprKind::TupleLit(xs), ExprKind::TupleLit(ys)) = (&a.kind, &b.kind) {
            // (x0 < y0) || (x0 == y0 && (x1 < y1 || ...))
            let mut acc: Option<G> = None;
            for (x, y) in xs.iter().zip(ys).rev() {
                let lt = self.key_less(x, y, &x.ty);
                acc = Some(match acc {
                    None => lt,
                    Some(rest) => {
                        let gx = self.expr(x);
                        let gy = self.expr(y);
                        G::bin("||", lt, G::bin("&&", G::bin("==", gx, gy), rest))
                    }
                });
            }
            return acc.unwrap_or_else(|| G::atom("false"));
        }
        let ga = self.expr(a);
        let gb = self.expr(b);
        if a.ty == Type::Bool {
            return G::bin("&&", G::unary("!", ga), gb);
        }
        G::bin("<", ga, gb)
    }

    /// `sort.SliceStable(xs, func(i, j int) bool { return cmp(xs[i], xs[j]) < 0 })`.
    pub(super) fn sort_with(&mut self, args: &[Expr]) -> Option<Vec<String>> {
        let (Some(list), Some(cmp)) = (args.first(), args.get(1)) else {
            return None;
        };
        let xs = self.expr(list).print(self.level);
        let mut prelude = Vec::new();
        let inner = match &cmp.kind {
            ExprKind::Lambda {
                params,
                body: LambdaBody::Expr(body),
            } if params.len() == 2 => {
                let b1 = substitute(body, &params[0].name, &format!("{xs}[i]"));
                let b2 = substitute(&b1, &params[1].name, &format!("{xs}[j]"));
                let zero = Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I64, b2.span);
                let less = Expr::new(
                    ExprKind::Binary {
                        op: ferry_ir::BinOp::Lt,
                        lhs: Box::new(b2),
                        rhs: Box::new(zero),
                    },
                    Type::Bool,
                    cmp.span,
                );
                self.expr(&less)
            }
            _ => {
                // A comparator with statements: bound to a name first; it returns an int.
                let mut cmp = cmp.clone();
                if let Type::Func(ps, _) = &cmp.ty {
                    cmp.ty = Type::Func(ps.clone(), Box::new(Type::I64));
                } else if let ExprKind::Lambda { params, .. } = &cmp.kind {
                    cmp.ty = Type::Func(
                        params.iter().map(|p| p.ty.clone()).collect(),
                        Box::new(Type::I64),
                    );
                }
                let f = self.expr(&cmp);
                let name = self.fresh_name("compare");
                self.reads.insert(name.clone());
                prelude.push(format!("{name} := {}", f.print(self.level)));
                let call = G::call(
                    name,
                    vec![G::atom(format!("{xs}[i]")), G::atom(format!("{xs}[j]"))],
                );
                G::bin("<", call, G::atom("0"))
            }
        };
        self.import("sort");
        let text = inner.print(self.level + 1);
        let lit = G::FuncLit {
            header: "func(i, j int) bool".into(),
            body: vec![format!("return {text}")],
            one_line: false,
        };
        prelude.push(G::call("sort.SliceStable", vec![G::atom(xs), lit]).print(self.level));
        Some(prelude)
    }
}

/// `e` with every `Name(name)` replaced by the Go text `with`.
fn substitute(e: &Expr, name: &str, with: &str) -> Expr {
    let mut out = e.clone();
    subst_in(&mut out, name, with);
    out
}

fn subst_in(e: &mut Expr, name: &str, with: &str) {
    if let ExprKind::Name(n) = &e.kind {
        if n == name {
            // A raw Go fragment: a name that the backend prints as is.
            e.kind = ExprKind::Name(format!("\u{0}{with}"));
        }
        return;
    }
    match &mut e.kind {
        ExprKind::Binary { lhs, rhs, .. } => {
            subst_in(lhs, name, with);
            subst_in(rhs, name, with);
        }
        ExprKind::Unary { operand, .. } => subst_in(operand, name, with),
        ExprKind::Cond { cond, then, else_ } => {
            subst_in(cond, name, with);
            subst_in(then, name, with);
            subst_in(else_, name, with);
        }
        ExprKind::Call { args, .. }
        | ExprKind::Intrinsic { args, .. }
        | ExprKind::New { args, .. } => {
            for a in args {
                subst_in(a, name, with);
            }
        }
        ExprKind::MethodCall { receiver, args, .. } => {
            subst_in(receiver, name, with);
            for a in args {
                subst_in(a, name, with);
            }
        }
        ExprKind::CallValue { callee, args } => {
            subst_in(callee, name, with);
            for a in args {
                subst_in(a, name, with);
            }
        }
        ExprKind::Field { object, .. } => subst_in(object, name, with),
        ExprKind::Index { object, index } => {
            subst_in(object, name, with);
            subst_in(index, name, with);
        }
        ExprKind::Cast { expr, .. } => subst_in(expr, name, with),
        ExprKind::Slice {
            object,
            start,
            end,
            step,
        } => {
            subst_in(object, name, with);
            for x in [start, end, step].into_iter().flatten() {
                subst_in(x, name, with);
            }
        }
        ExprKind::TupleLit(items) | ExprKind::ListLit(items) | ExprKind::SetLit(items) => {
            for i in items {
                subst_in(i, name, with);
            }
        }
        ExprKind::MapLit(pairs) => {
            for (k, v) in pairs {
                subst_in(k, name, with);
                subst_in(v, name, with);
            }
        }
        _ => {}
    }
}
