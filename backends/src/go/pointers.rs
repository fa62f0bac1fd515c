//! List parameters whose length a function changes are passed as `*[]T`: Java and Python
//! lists are references, and `xs = append(xs, x)` on a plain slice parameter would be lost.

use std::collections::{HashMap, HashSet};

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{Expr, ExprKind, Function, Intrinsic, Item, Stmt, StmtKind, Type};

use super::precedence::G;
use super::Printer;

/// Which parameters of each function (`(class, name)`) are passed by pointer.
pub(super) type PointerParams = HashMap<(Option<String>, String), Vec<bool>>;

const RESIZING: &[Intrinsic] = &[
    Intrinsic::Append,
    Intrinsic::Extend,
    Intrinsic::Insert,
    Intrinsic::Pop,
    Intrinsic::PopBack,
    Intrinsic::PopFront,
    Intrinsic::PushBack,
    Intrinsic::PushFront,
    Intrinsic::RemoveAt,
    Intrinsic::Remove,
    Intrinsic::Clear,
    Intrinsic::HeapPush,
    Intrinsic::HeapPop,
];

fn pointer_flags(f: &Function) -> Vec<bool> {
    struct Scan {
        resized: HashSet<String>,
        assigned: HashSet<String>,
    }
    impl Visitor for Scan {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Assign { target, .. } = &s.kind {
                if let ExprKind::Name(n) = &target.kind {
                    self.assigned.insert(n.clone());
                }
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Intrinsic { op, args } = &e.kind {
                if RESIZING.contains(op) {
                    if let Some(Expr {
                        kind: ExprKind::Name(n),
                        ty: Type::List(_) | Type::Deque(_) | Type::PriorityQueue(_),
                        ..
                    }) = args.first()
                    {
                        self.resized.insert(n.clone());
                    }
                }
            }
            walk_expr(self, e);
        }
    }
    let Some(body) = &f.body else {
        return vec![false; f.params.len()];
    };
    let mut scan = Scan {
        resized: HashSet::new(),
        assigned: HashSet::new(),
    };
    scan.visit_block(body);
    f.params
        .iter()
        .map(|p| {
            matches!(
                p.ty,
                Type::List(_) | Type::Deque(_) | Type::PriorityQueue(_)
            ) && scan.resized.contains(&p.name)
                && !scan.assigned.contains(&p.name)
        })
        .collect()
}

/// The pointer parameters of every function and method of a module.
pub(super) fn analyze(items: &[Item]) -> PointerParams {
    let mut out = PointerParams::new();
    for item in items {
        match item {
            Item::Function(f) => {
                let flags = pointer_flags(f);
                if flags.contains(&true) {
                    out.insert((None, f.name.clone()), flags);
                }
            }
            Item::Class(c) => {
                for m in &c.methods {
                    let flags = pointer_flags(m);
                    if flags.contains(&true) {
                        out.insert((Some(c.name.clone()), m.name.clone()), flags);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

impl Printer<'_> {
    /// `&x` for a pointer argument (`p` itself when it already is one).
    pub(super) fn pointer_arg(&mut self, arg: &Expr) -> G {
        match &arg.kind {
            ExprKind::Name(n) if self.ptr_locals.contains(n) => G::atom(self.name(n)),
            ExprKind::Name(_) | ExprKind::Field { .. } | ExprKind::Index { .. } => {
                let g = self.expr(arg);
                G::unary("&", g)
            }
            _ => {
                let g = self.expr(arg);
                self.prelude.insert("ref");
                G::call("ferryRef", vec![g])
            }
        }
    }

    /// The function a call resolves to: `class` `None` for a module function, `Some(c)` for a
    /// method of `c` or its ancestors; with `ctor`, a constructor. The overload whose parameters
    /// fit the arguments (missing trailing ones having defaults) wins.
    pub(super) fn callee(
        &self,
        class: Option<&str>,
        name: &str,
        argc: usize,
        ctor: bool,
    ) -> Option<Function> {
        let fits = |f: &Function| {
            f.params.len() >= argc && f.params[argc..].iter().all(|p| p.default.is_some())
        };
        let mut candidates: Vec<&Function> = Vec::new();
        match class {
            None => {
                for item in &self.module.items {
                    if let Item::Function(f) = item {
                        if f.name == name {
                            candidates.push(f);
                        }
                    }
                }
            }
            Some(c) => {
                let mut cur = Some(c.to_string());
                for _ in 0..16 {
                    let Some(info) = cur.as_ref().and_then(|c| self.classes.get(c)) else {
                        break;
                    };
                    if ctor {
                        candidates.extend(info.constructors.iter());
                        break;
                    }
                    candidates.extend(info.methods.iter().filter(|m| m.name == name));
                    cur = info.extends.clone();
                }
            }
        }
        candidates
            .iter()
            .find(|f| f.params.len() == argc)
            .or_else(|| candidates.iter().find(|f| fits(f)))
            .map(|f| (*f).clone())
    }

    /// The arguments with the defaults of missing trailing parameters appended.
    pub(super) fn with_defaults(&self, f: Option<&Function>, args: &[Expr]) -> Vec<Expr> {
        let mut out = args.to_vec();
        if let Some(f) = f {
            for p in f.params.iter().skip(args.len()) {
                if let Some(d) = &p.default {
                    out.push(d.clone());
                }
            }
        }
        out
    }

    /// Arguments of a call to `(class, func)`.
    pub(super) fn call_args(&mut self, class: Option<&str>, func: &str, args: &[Expr]) -> Vec<G> {
        let flags = self
            .ptr_params
            .get(&(class.map(str::to_string), func.to_string()))
            .cloned()
            .unwrap_or_default();
        let callee = self.callee(class, func, args.len(), false);
        let params: Vec<Type> = callee
            .as_ref()
            .map(|f| f.params.iter().map(|p| p.ty.clone()).collect())
            .unwrap_or_default();
        let mut printed = self.coerced_args(args, &params, &flags);
        if let Some(f) = callee {
            self.array_args(&f, args, &flags, &mut printed);
        }
        printed
    }

    /// Arguments converted to their parameters' types (`&x` for pointer parameters).
    pub(super) fn coerced_args(
        &mut self,
        args: &[Expr],
        params: &[Type],
        flags: &[bool],
    ) -> Vec<G> {
        args.iter()
            .enumerate()
            .map(|(i, a)| {
                if flags.get(i).copied().unwrap_or(false) {
                    match params.get(i) {
                        Some(t) if !a.ty.is_known() && super::stmt::is_empty_collection(a) => {
                            let mut typed = a.clone();
                            typed.ty = t.clone();
                            self.pointer_arg(&typed)
                        }
                        _ => self.pointer_arg(a),
                    }
                } else if let Some(t) = params.get(i) {
                    self.expr_as(a, t)
                } else {
                    self.expr(a)
                }
            })
            .collect()
    }

    /// Marks the pointer parameters of the function about to be printed.
    pub(super) fn enter_function(&mut self, class: Option<&str>, f: &Function) {
        self.ptr_locals.clear();
        if let Some(flags) = self
            .ptr_params
            .get(&(class.map(str::to_string), f.name.clone()))
        {
            for (p, flag) in f.params.iter().zip(flags) {
                if *flag {
                    self.ptr_locals.insert(p.name.clone());
                }
            }
        }
    }
}
