//! Call sites: parameters left out get their default values written out (Java and Go have no
//! default parameters), and arguments take the types of the parameters they are passed to.

use std::collections::HashMap;

use ferry_ir::{Block, Expr, ExprKind, Item, Module, Param, Stmt, StmtKind, Type};

use super::fixup::coerce;
use super::infer::children_mut;

/// One fact per parameter of every function and constructor (keyed by name, constructors as
/// `new Class`), and of every method (keyed by method name, one list per class defining it).
type ParameterTable<T> = (HashMap<String, Vec<T>>, HashMap<String, Vec<Vec<T>>>);

fn parameter_table<T>(module: &Module, fact: impl Fn(&Param) -> T) -> ParameterTable<T> {
    let mut functions: HashMap<String, Vec<T>> = HashMap::new();
    let mut methods: HashMap<String, Vec<Vec<T>>> = HashMap::new();
    let facts = |params: &[Param]| params.iter().map(&fact).collect::<Vec<T>>();
    for item in &module.items {
        match item {
            Item::Function(f) => {
                functions.insert(f.name.clone(), facts(&f.params));
            }
            Item::Class(c) => {
                if let Some(ctor) = c.constructors.first() {
                    functions.insert(format!("new {}", c.name), facts(&ctor.params));
                }
                for m in &c.methods {
                    methods
                        .entry(m.name.clone())
                        .or_default()
                        .push(facts(&m.params));
                }
            }
            Item::Global(_) | Item::Unsupported(_) => {}
        }
    }
    (functions, methods)
}

/// Calls that leave out parameters with defaults get the default values written out, since Java
/// and Go have no default parameters.
pub(super) fn fill_defaults(module: &mut Module) {
    let (defaults, methods) = parameter_table(module, |p| p.default.clone());
    if defaults
        .values()
        .chain(methods.values().flatten())
        .all(|d| d.iter().all(Option::is_none))
    {
        return;
    }
    fn fill(args: &mut Vec<Expr>, d: &[Option<Expr>]) {
        while args.len() < d.len() {
            match d.get(args.len()).cloned().flatten() {
                Some(e) => args.push(e),
                None => break,
            }
        }
    }
    fn walk(
        e: &mut Expr,
        defaults: &HashMap<String, Vec<Option<Expr>>>,
        methods: &HashMap<String, Vec<Vec<Option<Expr>>>>,
    ) {
        {
            let mut kids = Vec::new();
            children_mut(e, &mut kids);
            for k in kids {
                walk(k, defaults, methods);
            }
        }
        match &mut e.kind {
            ExprKind::Call { func, args } => {
                if let Some(d) = defaults.get(func.as_str()) {
                    fill(args, d);
                }
            }
            ExprKind::New { class, args } => {
                if let Some(d) = defaults.get(&format!("new {class}")) {
                    fill(args, d);
                }
            }
            ExprKind::MethodCall { method, args, .. } => {
                if let Some([d]) = methods.get(method.as_str()).map(Vec::as_slice) {
                    fill(args, d);
                }
            }
            _ => {}
        }
    }
    struct W<'a> {
        defaults: &'a HashMap<String, Vec<Option<Expr>>>,
        methods: &'a HashMap<String, Vec<Vec<Option<Expr>>>>,
    }
    impl W<'_> {
        fn block(&self, b: &mut Block) {
            for s in &mut b.stmts {
                self.stmt(s);
            }
        }
        fn stmt(&self, s: &mut Stmt) {
            match &mut s.kind {
                StmtKind::Let { init: Some(e), .. }
                | StmtKind::Expr(e)
                | StmtKind::Return(Some(e))
                | StmtKind::LetTuple { init: e, .. } => walk(e, self.defaults, self.methods),
                StmtKind::Throw {
                    message: Some(e), ..
                } => walk(e, self.defaults, self.methods),
                StmtKind::Assign { target, value, .. } => {
                    walk(target, self.defaults, self.methods);
                    walk(value, self.defaults, self.methods);
                }
                StmtKind::AssignTuple { targets, value } => {
                    for t in targets {
                        walk(t, self.defaults, self.methods);
                    }
                    walk(value, self.defaults, self.methods);
                }
                StmtKind::If { cond, then, else_ } => {
                    walk(cond, self.defaults, self.methods);
                    self.block(then);
                    if let Some(e) = else_ {
                        self.block(e);
                    }
                }
                StmtKind::While { cond, body, .. } => {
                    walk(cond, self.defaults, self.methods);
                    self.block(body);
                }
                StmtKind::ForRange {
                    start,
                    end,
                    step,
                    body,
                    ..
                } => {
                    walk(start, self.defaults, self.methods);
                    walk(end, self.defaults, self.methods);
                    if let Some(st) = step {
                        walk(st, self.defaults, self.methods);
                    }
                    self.block(body);
                }
                StmtKind::ForEach { iter, body, .. } => {
                    walk(iter, self.defaults, self.methods);
                    self.block(body);
                }
                StmtKind::Try {
                    body,
                    catches,
                    finally,
                } => {
                    self.block(body);
                    for c in catches {
                        self.block(&mut c.body);
                    }
                    if let Some(f) = finally {
                        self.block(f);
                    }
                }
                StmtKind::Block(b) => self.block(b),
                _ => {}
            }
        }
    }
    let w = W {
        defaults: &defaults,
        methods: &methods,
    };
    for item in &mut module.items {
        match item {
            Item::Function(f) => {
                if let Some(b) = &mut f.body {
                    w.block(b);
                }
            }
            Item::Class(c) => {
                for f in c.constructors.iter_mut().chain(c.methods.iter_mut()) {
                    if let Some(b) = &mut f.body {
                        w.block(b);
                    }
                }
            }
            Item::Global(g) => walk(&mut g.init, &defaults, &methods),
            Item::Unsupported(_) => {}
        }
    }
}

/// Arguments get the types of the parameters they are passed to (an int passed as a float).
pub(super) fn coerce_args(module: &mut Module) {
    let (sigs, methods) = parameter_table(module, |p| p.ty.clone());
    let apply = |args: &mut Vec<Expr>, ps: &[Type]| {
        for (a, p) in args.iter_mut().zip(ps) {
            coerce(a, p);
        }
    };
    let mut f = |e: &mut Expr| match &mut e.kind {
        ExprKind::Call { func, args } => {
            if let Some(ps) = sigs.get(func.as_str()) {
                apply(args, ps);
            }
        }
        ExprKind::New { class, args } => {
            if let Some(ps) = sigs.get(&format!("new {class}")) {
                apply(args, ps);
            }
        }
        ExprKind::MethodCall { method, args, .. } => {
            if let Some(all) = methods.get(method.as_str()) {
                // Only when every method of that name agrees.
                if let Some(first) = all.first() {
                    if all.iter().all(|x| x == first) {
                        apply(args, first);
                    }
                }
            }
        }
        _ => {}
    };
    for item in &mut module.items {
        match item {
            Item::Function(func) => {
                if let Some(b) = &mut func.body {
                    each_expr_block(b, &mut f);
                }
            }
            Item::Class(c) => {
                for func in c.constructors.iter_mut().chain(c.methods.iter_mut()) {
                    if let Some(b) = &mut func.body {
                        each_expr_block(b, &mut f);
                    }
                }
            }
            Item::Global(g) => each_expr(&mut g.init, &mut f),
            Item::Unsupported(_) => {}
        }
    }
}

fn each_expr(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    {
        let mut kids = Vec::new();
        children_mut(e, &mut kids);
        for k in kids {
            each_expr(k, f);
        }
    }
    f(e);
}

fn each_expr_block(b: &mut Block, f: &mut dyn FnMut(&mut Expr)) {
    for s in &mut b.stmts {
        match &mut s.kind {
            StmtKind::Let { init: Some(e), .. }
            | StmtKind::Expr(e)
            | StmtKind::Return(Some(e))
            | StmtKind::LetTuple { init: e, .. }
            | StmtKind::Throw {
                message: Some(e), ..
            } => each_expr(e, f),
            StmtKind::Assign { target, value, .. } => {
                each_expr(target, f);
                each_expr(value, f);
            }
            StmtKind::AssignTuple { targets, value } => {
                for t in targets {
                    each_expr(t, f);
                }
                each_expr(value, f);
            }
            StmtKind::If { cond, then, else_ } => {
                each_expr(cond, f);
                each_expr_block(then, f);
                if let Some(e) = else_ {
                    each_expr_block(e, f);
                }
            }
            StmtKind::While { cond, body, .. } => {
                each_expr(cond, f);
                each_expr_block(body, f);
            }
            StmtKind::ForRange {
                start,
                end,
                step,
                body,
                ..
            } => {
                each_expr(start, f);
                each_expr(end, f);
                if let Some(st) = step {
                    each_expr(st, f);
                }
                each_expr_block(body, f);
            }
            StmtKind::ForEach { iter, body, .. } => {
                each_expr(iter, f);
                each_expr_block(body, f);
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                each_expr_block(body, f);
                for c in catches {
                    each_expr_block(&mut c.body, f);
                }
                if let Some(fin) = finally {
                    each_expr_block(fin, f);
                }
            }
            StmtKind::Block(inner) => each_expr_block(inner, f),
            _ => {}
        }
    }
}
