//! Type inference for unannotated Python.
//!
//! Every local, parameter, return, field and global has a slot; walking the module unifies slots
//! with the types of literals, operators, intrinsic signatures ([`Intrinsic::result_type`]),
//! annotations, call sites (arguments flow into parameters, returns flow back), element
//! operations (`append`, `add`, `heappush`, index assignment) and `self.x = ...` assignments.
//! Walks repeat until nothing changes; the last walk writes the solution into every node. A slot
//! that stays unknown is reported (`unknown-type`), never guessed.

use std::collections::{HashMap, HashSet};

pub(super) use super::unify::elem;
use super::unify::{bigify, conflicting, is_builder, is_builtin_collection, lub, numeric};
pub(super) use super::writeback::children_mut;
use super::writeback::locals_of;

use ferry_ir::{
    BinOp, Block, ComprehensionClause, ComprehensionKind, Diagnostic, DivKind, Expr, ExprKind,
    Function, Intrinsic, Item, LambdaBody, Literal, Module, Stmt, StmtKind, Type, UnaryOp,
    CONSTRUCTOR,
};

/// What inference knows about a class.
#[derive(Debug, Clone, Default)]
pub(super) struct ClassInfo {
    pub(super) extends: Option<String>,
    pub(super) methods: HashSet<String>,
    pub(super) fields: HashSet<String>,
}

/// The solver state.
pub(super) struct Solver {
    /// Variables: `(function key, name)`; globals use an empty function key.
    pub(super) vars: HashMap<(String, String), Type>,
    pub(super) rets: HashMap<String, Type>,
    pub(super) fields: HashMap<(String, String), Type>,
    pub(super) params: HashMap<String, Vec<String>>,
    pub(super) classes: HashMap<String, ClassInfo>,
    pub(super) functions: HashSet<String>,
    pub(super) globals: HashSet<String>,
    pub(super) changed: bool,
    /// The function being walked: key, class, locals.
    pub(super) fkey: String,
    pub(super) class: Option<String>,
    pub(super) locals: HashSet<String>,
    pub(super) catch_vars: HashSet<String>,
    /// Locals given values of conflicting types: `(function key, name)`.
    pub(super) conflicts: HashSet<(String, String)>,
}

/// Infers the types of `module` and writes them back; returns the locals given values of
/// conflicting types, as `(function key, name)`.
pub(super) fn infer(module: &mut Module, diags: &mut Vec<Diagnostic>) -> HashSet<(String, String)> {
    let mut s = Solver {
        vars: HashMap::new(),
        rets: HashMap::new(),
        fields: HashMap::new(),
        params: HashMap::new(),
        classes: HashMap::new(),
        functions: HashSet::new(),
        globals: HashSet::new(),
        changed: false,
        fkey: String::new(),
        class: None,
        locals: HashSet::new(),
        catch_vars: HashSet::new(),
        conflicts: HashSet::new(),
    };
    for item in &module.items {
        match item {
            Item::Function(f) => {
                s.functions.insert(f.name.clone());
                s.params.insert(
                    f.name.clone(),
                    f.params.iter().map(|p| p.name.clone()).collect(),
                );
            }
            Item::Class(c) => {
                let mut info = ClassInfo {
                    extends: c.extends.clone(),
                    ..ClassInfo::default()
                };
                for m in &c.methods {
                    info.methods.insert(m.name.clone());
                    s.params.insert(
                        format!("{}.{}", c.name, m.name),
                        m.params.iter().map(|p| p.name.clone()).collect(),
                    );
                }
                for ctor in &c.constructors {
                    s.params.insert(
                        format!("{}.{CONSTRUCTOR}", c.name),
                        ctor.params.iter().map(|p| p.name.clone()).collect(),
                    );
                }
                for f in &c.fields {
                    info.fields.insert(f.name.clone());
                }
                s.classes.insert(c.name.clone(), info);
            }
            Item::Global(g) => {
                s.globals.insert(g.name.clone());
            }
            Item::Unsupported(_) => {}
        }
    }
    for _ in 0..16 {
        s.changed = false;
        s.walk_module(module);
        s.unify_overrides();
        if !s.changed {
            break;
        }
    }
    s.walk_module(module);
    s.write_back(module, diags);
    s.conflicts
}

impl Solver {
    pub(super) fn lub(&self, a: &Type, b: &Type) -> Type {
        lub(a, b, &self.classes)
    }

    /// The element type of a list or set literal: `Any` for values of conflicting types
    /// (`[1, "two", 3.5]`), which only dynamic type tests (`isinstance`) can read.
    fn elements(&mut self, items: &mut [Expr]) -> Type {
        let mut t = Type::Unknown;
        for i in items.iter_mut() {
            let it = self.expr(i);
            if conflicting(&t, &it, &self.classes) {
                return Type::Any;
            }
            t = self.lub(&t, &it);
        }
        t
    }

    fn unify_slot(
        slot: Option<&Type>,
        ty: &Type,
        classes: &HashMap<String, ClassInfo>,
    ) -> Option<Type> {
        let old = slot.cloned().unwrap_or(Type::Unknown);
        // A variable given a dynamically typed value may hold anything.
        let new = if old == Type::Any || *ty == Type::Any {
            Type::Any
        } else {
            lub(&old, ty, classes)
        };
        (new != old).then_some(new)
    }

    pub(super) fn unify_var(&mut self, key: (String, String), ty: &Type) {
        if !key.0.is_empty()
            && self
                .vars
                .get(&key)
                .is_some_and(|old| conflicting(old, ty, &self.classes))
        {
            self.conflicts.insert(key.clone());
        }
        if let Some(new) = Self::unify_slot(self.vars.get(&key), ty, &self.classes) {
            self.vars.insert(key, new);
            self.changed = true;
        }
    }

    pub(super) fn unify_ret(&mut self, key: &str, ty: &Type) {
        if let Some(new) = Self::unify_slot(self.rets.get(key), ty, &self.classes) {
            self.rets.insert(key.to_string(), new);
            self.changed = true;
        }
    }

    fn unify_field(&mut self, class: &str, name: &str, ty: &Type) {
        let owner = self
            .field_owner(class, name)
            .unwrap_or_else(|| class.to_string());
        let key = (owner, name.to_string());
        if let Some(new) = Self::unify_slot(self.fields.get(&key), ty, &self.classes) {
            self.fields.insert(key, new);
            self.changed = true;
        }
    }

    pub(super) fn var_key(&self, name: &str) -> (String, String) {
        if self.locals.contains(name) || !self.globals.contains(name) {
            (self.fkey.clone(), name.to_string())
        } else {
            (String::new(), name.to_string())
        }
    }

    pub(super) fn var(&self, name: &str) -> Type {
        self.vars
            .get(&self.var_key(name))
            .cloned()
            .unwrap_or(Type::Unknown)
    }

    fn walk_module(&mut self, module: &mut Module) {
        for item in &mut module.items {
            match item {
                Item::Function(f) => {
                    let key = f.name.clone();
                    self.walk_function(f, key, None);
                }
                Item::Class(c) => {
                    let cname = c.name.clone();
                    for field in &mut c.fields {
                        if let Some(init) = &mut field.init {
                            self.fkey = String::new();
                            self.locals.clear();
                            let t = self.expr(init);
                            self.unify_field(&cname, &field.name, &t);
                        }
                    }
                    for ctor in &mut c.constructors {
                        self.walk_function(
                            ctor,
                            format!("{cname}.{CONSTRUCTOR}"),
                            Some(cname.clone()),
                        );
                    }
                    for m in &mut c.methods {
                        let key = format!("{cname}.{}", m.name);
                        self.walk_function(m, key, Some(cname.clone()));
                    }
                }
                Item::Global(g) => {
                    self.fkey = String::new();
                    self.locals.clear();
                    let t = self.expr(&mut g.init);
                    self.unify_var((String::new(), g.name.clone()), &t);
                    let vt = self
                        .vars
                        .get(&(String::new(), g.name.clone()))
                        .cloned()
                        .unwrap_or(Type::Unknown);
                    self.push_type(&mut g.init, &vt);
                }
                Item::Unsupported(_) => {}
            }
        }
    }

    fn walk_function(&mut self, f: &mut Function, key: String, class: Option<String>) {
        self.fkey = key;
        self.class = class;
        self.locals = locals_of(f);
        self.catch_vars.clear();
        for p in &mut f.params {
            let k = (self.fkey.clone(), p.name.clone());
            if p.ty.is_known() {
                let t = p.ty.clone();
                self.unify_var(k.clone(), &t);
            }
            if let Some(d) = &mut p.default {
                let t = self.expr(d);
                self.unify_var(k, &t);
            }
        }
        if f.ret.is_known() && f.ret != Type::Void {
            let (k, t) = (self.fkey.clone(), f.ret.clone());
            self.unify_ret(&k, &t);
        }
        if let Some(b) = &mut f.body {
            self.block(b);
        }
    }

    fn block(&mut self, b: &mut Block) {
        for s in &mut b.stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Let { name, ty, init } => {
                let key = self.var_key(name);
                if ty.is_known() {
                    let t = ty.clone();
                    self.unify_var(key.clone(), &t);
                }
                if let Some(e) = init {
                    let t = self.expr(e);
                    self.unify_var(key.clone(), &t);
                    let vt = self.vars.get(&key).cloned().unwrap_or(Type::Unknown);
                    self.push_type(e, &vt);
                }
            }
            StmtKind::LetTuple { names, init } => {
                let t = self.expr(init);
                let element_types = match t {
                    Type::Tuple(ts) => ts,
                    // `a, b = xs`: every name takes the list's element type.
                    Type::List(elem) => vec![*elem; names.len()],
                    _ => Vec::new(),
                };
                for (b, t) in names.iter().zip(element_types.iter()) {
                    let k = self.var_key(&b.name);
                    self.unify_var(k, t);
                }
                // `res, done = [], False`: each part takes its variable's type.
                if let ExprKind::TupleLit(parts) = &mut init.kind {
                    for (b, part) in names.iter().zip(parts.iter_mut()) {
                        let vt = self.var(&b.name);
                        self.push_type(part, &vt);
                    }
                }
            }
            StmtKind::Assign { target, op, value } => {
                let tt = self.expr(target);
                let vt = self.expr(value);
                let result = match op {
                    None => vt,
                    Some(op) => self.binary_type(*op, &tt, &vt),
                };
                self.constrain(target, &result);
                let tt = self.expr(target);
                if op.is_none() {
                    self.push_type(value, &tt);
                }
            }
            StmtKind::AssignTuple { targets, value } => {
                let t = self.expr(value);
                for t in targets.iter_mut() {
                    self.expr(t);
                }
                if let Type::Tuple(ts) = t {
                    for (target, t) in targets.iter().zip(ts.iter()) {
                        self.constrain(target, t);
                    }
                }
            }
            StmtKind::Expr(e) => {
                self.expr(e);
            }
            StmtKind::If { cond, then, else_ } => {
                self.expr(cond);
                self.block(then);
                if let Some(e) = else_ {
                    self.block(e);
                }
            }
            StmtKind::While { cond, body, .. } | StmtKind::DoWhile { cond, body, .. } => {
                self.expr(cond);
                self.block(body);
            }
            StmtKind::For {
                init,
                cond,
                update,
                body,
                ..
            } => {
                for s in init {
                    self.stmt(s);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                for s in update {
                    self.stmt(s);
                }
                self.block(body);
            }
            StmtKind::ForRange {
                var,
                start,
                end,
                step,
                body,
                ..
            } => {
                let a = self.expr(start);
                let b = self.expr(end);
                if let Some(st) = step {
                    self.expr(st);
                }
                let t = self.lub(&a, &b);
                let t = if t.is_known() { t } else { Type::BIG };
                let k = self.var_key(&var.name);
                self.unify_var(k, &t);
                self.block(body);
            }
            StmtKind::ForEach {
                vars, iter, body, ..
            } => {
                let it = self.expr(iter);
                self.bind(vars.iter().map(|b| b.name.clone()).collect(), &it);
                self.block(body);
            }
            StmtKind::Return(Some(e)) => {
                let t = self.expr(e);
                let k = self.fkey.clone();
                self.unify_ret(&k, &t);
                let rt = self.rets.get(&k).cloned().unwrap_or(Type::Unknown);
                self.push_type(e, &rt);
            }
            StmtKind::Throw {
                message: Some(e), ..
            } => {
                self.expr(e);
            }
            StmtKind::Switch {
                scrutinee,
                cases,
                default,
            } => {
                self.expr(scrutinee);
                for c in cases {
                    for v in &mut c.values {
                        self.expr(v);
                    }
                    self.block(&mut c.body);
                }
                if let Some(d) = default {
                    self.block(d);
                }
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.block(body);
                for c in catches {
                    if let Some(n) = &c.name {
                        self.catch_vars.insert(n.clone());
                        let k = self.var_key(n);
                        self.unify_var(k, &Type::Any);
                    }
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

    /// Binds loop variables to the elements of an iterable of type `it`.
    fn bind(&mut self, names: Vec<String>, it: &Type) {
        let e = elem(it);
        match names.as_slice() {
            [one] => {
                let k = self.var_key(one);
                self.unify_var(k, &e);
            }
            many => {
                let parts: Vec<Type> = match (&e, it) {
                    (_, Type::Map(k, v)) if many.len() == 2 => vec![(**k).clone(), (**v).clone()],
                    (Type::Tuple(ts), _) => ts.clone(),
                    _ => vec![Type::Unknown; many.len()],
                };
                for (n, t) in many.iter().zip(parts.iter()) {
                    let k = self.var_key(n);
                    self.unify_var(k, t);
                }
            }
        }
    }

    /// Records that the place `target` holds values of type `ty`.
    pub(super) fn constrain(&mut self, target: &Expr, ty: &Type) {
        match &target.kind {
            ExprKind::Name(n) => {
                let k = self.var_key(n);
                self.unify_var(k, ty);
            }
            ExprKind::Field { object, name } => {
                let class = match &object.kind {
                    ExprKind::This => self.class.clone(),
                    _ => match &object.ty {
                        Type::Named(c) => Some(c.clone()),
                        _ => self.unique_class(name, false),
                    },
                };
                if let Some(c) = class {
                    self.unify_field(&c, name, ty);
                }
            }
            ExprKind::Index { object, index } => {
                let container = match &object.ty {
                    Type::Map(k, _) => Type::map((**k).clone(), ty.clone()),
                    Type::List(_) | Type::Array(_) => Type::list(ty.clone()),
                    Type::Unknown if !index.ty.is_int() && index.ty.is_known() => {
                        Type::map(index.ty.clone(), ty.clone())
                    }
                    Type::Unknown if index.ty.is_int() => Type::list(ty.clone()),
                    _ => return,
                };
                let container = match (&container, &index.ty) {
                    (Type::Map(k, v), it) if !k.is_known() && it.is_known() => {
                        Type::map(it.clone(), (**v).clone())
                    }
                    _ => container,
                };
                self.constrain(object, &container);
            }
            _ => {}
        }
    }

    /// Gives a collection-building expression the type its context expects.
    pub(super) fn push_type(&mut self, e: &mut Expr, ty: &Type) {
        if !is_builder(e) || !ty.is_known() && matches!(ty, Type::Unknown) {
            return;
        }
        if matches!(e.kind, ExprKind::Lit(Literal::Null)) {
            return;
        }
        e.ty = self.lub(&e.ty, ty);
        let et = e.ty.clone();
        match &mut e.kind {
            ExprKind::ListLit(items) | ExprKind::SetLit(items) => {
                let el = elem(&et);
                for i in items {
                    self.push_type(i, &el);
                }
            }
            ExprKind::MapLit(pairs) => {
                if let Type::Map(k, v) = &et {
                    for (a, b) in pairs {
                        self.push_type(a, k);
                        self.push_type(b, v);
                    }
                }
            }
            ExprKind::Cond { then, else_, .. } => {
                self.push_type(then, &et);
                self.push_type(else_, &et);
            }
            _ => {}
        }
    }

    fn binary_type(&self, op: BinOp, a: &Type, b: &Type) -> Type {
        match op {
            BinOp::Add => match (a, b) {
                (Type::Str, _) | (_, Type::Str) => Type::Str,
                (Type::Char, Type::Char) => Type::Str,
                (Type::List(_), _) | (_, Type::List(_)) => self.lub(a, b),
                _ => numeric(a, b),
            },
            BinOp::Mul => match (a, b) {
                (Type::Str, _) | (_, Type::Str) => Type::Str,
                (Type::List(_), _) => a.clone(),
                _ => numeric(a, b),
            },
            BinOp::Sub
            | BinOp::Div(DivKind::Floor)
            | BinOp::Rem(_)
            | BinOp::Pow
            | BinOp::Div(DivKind::Trunc) => {
                if matches!(op, BinOp::Sub) && matches!(a, Type::Set(_)) {
                    return a.clone();
                }
                numeric(a, b)
            }
            BinOp::Div(DivKind::True) => Type::Float,
            BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => match (a, b) {
                (Type::Bool, Type::Bool) => Type::Bool,
                (Type::Set(_), _) => a.clone(),
                _ => Type::BIG,
            },
            BinOp::Shl | BinOp::Shr | BinOp::UShr => Type::BIG,
            BinOp::And | BinOp::Or => {
                if *a == Type::Bool && *b == Type::Bool {
                    Type::Bool
                } else {
                    self.lub(a, b)
                }
            }
            BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                Type::Bool
            }
        }
    }

    /// Types an expression (and everything in it), storing the type in the node.
    pub(super) fn expr(&mut self, e: &mut Expr) -> Type {
        let t = self.expr_inner(e);
        let t = bigify(t);
        let t = self.lub(&t, &e.ty);
        e.ty = t.clone();
        t
    }

    fn call_args(&mut self, key: &str, args: &mut [Expr]) {
        let params = self.params.get(key).cloned().unwrap_or_default();
        for (i, a) in args.iter_mut().enumerate() {
            let t = self.expr(a);
            if let Some(p) = params.get(i) {
                let k = (key.to_string(), p.clone());
                self.unify_var(k.clone(), &t);
                let pt = self.vars.get(&k).cloned().unwrap_or(Type::Unknown);
                self.push_type(a, &pt);
            }
        }
    }

    fn expr_inner(&mut self, e: &mut Expr) -> Type {
        let skeleton = e.ty.clone();
        match &mut e.kind {
            ExprKind::Lit(l) => match l {
                Literal::Int(_) => Type::BIG,
                Literal::Float(_) => Type::Float,
                Literal::Str(_) => Type::Str,
                Literal::Char(_) => Type::Char,
                Literal::Bool(_) => Type::Bool,
                Literal::Null => Type::Optional(Box::new(Type::Unknown)),
            },
            ExprKind::Name(n) => {
                let n = n.clone();
                if self.locals.contains(&n) || self.globals.contains(&n) {
                    self.var(&n)
                } else if self.classes.contains_key(&n) {
                    Type::Named(n)
                } else if self.functions.contains(&n) {
                    let ps = self.params.get(&n).cloned().unwrap_or_default();
                    let pts = ps
                        .iter()
                        .map(|p| {
                            self.vars
                                .get(&(n.clone(), p.clone()))
                                .cloned()
                                .unwrap_or(Type::Unknown)
                        })
                        .collect();
                    Type::Func(
                        pts,
                        Box::new(self.rets.get(&n).cloned().unwrap_or(Type::Unknown)),
                    )
                } else {
                    self.var(&n)
                }
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let a = self.expr(lhs);
                let b = self.expr(rhs);
                self.binary_type(*op, &a, &b)
            }
            ExprKind::Unary { op, operand } => {
                let t = self.expr(operand);
                match op {
                    UnaryOp::Not => Type::Bool,
                    UnaryOp::Neg => t,
                    UnaryOp::BitNot => Type::BIG,
                }
            }
            ExprKind::IncDec { target, .. } => self.expr(target),
            ExprKind::Cond { cond, then, else_ } => {
                self.expr(cond);
                let a = self.expr(then);
                let b = self.expr(else_);
                self.lub(&a, &b)
            }
            ExprKind::Call { func, args } => {
                let key = func.clone();
                self.call_args(&key, args);
                self.rets.get(&key).cloned().unwrap_or(Type::Unknown)
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                let rt = self.expr(receiver);
                if is_builtin_collection(&rt) {
                    // A builtin method that shares its name with a method of a user class.
                    let n = if method == "get" { 2 } else { args.len() };
                    if let Some((_, _, op)) = super::calls::METHODS
                        .iter()
                        .find(|(m, k, _)| *m == method.as_str() && *k == n)
                    {
                        let mut all = vec![(**receiver).clone()];
                        for a in args.iter_mut() {
                            self.expr(a);
                            all.push(a.clone());
                        }
                        if method == "get" && args.len() == 1 {
                            all.push(Expr::new(
                                ExprKind::Lit(Literal::Null),
                                Type::Unknown,
                                e.span,
                            ));
                        }
                        return self.intrinsic(*op, &mut all, e.span);
                    }
                }
                let class = match (&receiver.kind, &rt) {
                    (ExprKind::Super, _) => self
                        .class
                        .as_ref()
                        .and_then(|c| self.classes.get(c))
                        .and_then(|c| c.extends.clone()),
                    (_, Type::Named(c)) => Some(c.clone()),
                    (_, Type::Unknown) => self.unique_class(method, true),
                    _ => None,
                };
                let Some(class) = class else {
                    for a in args.iter_mut() {
                        self.expr(a);
                    }
                    return Type::Unknown;
                };
                if method == CONSTRUCTOR && !self.classes.contains_key(&class) {
                    // `super().__init__(message)` of a library exception.
                    for a in args.iter_mut() {
                        self.expr(a);
                        let a = a.clone();
                        self.constrain(&a, &Type::Str);
                    }
                    return Type::Void;
                }
                if method == CONSTRUCTOR {
                    let key = format!("{class}.{CONSTRUCTOR}");
                    self.call_args(&key, args);
                    return Type::Void;
                }
                let owner = self.method_owner(&class, method).unwrap_or(class);
                let key = format!("{owner}.{method}");
                self.call_args(&key, args);
                self.rets.get(&key).cloned().unwrap_or(Type::Unknown)
            }
            ExprKind::CallValue { callee, args } => {
                let t = self.expr(callee);
                for a in args.iter_mut() {
                    self.expr(a);
                }
                match t {
                    Type::Func(_, r) => *r,
                    _ => Type::Unknown,
                }
            }
            ExprKind::Field { object, name } => {
                let ot = self.expr(object);
                let class = match (&object.kind, &ot) {
                    (ExprKind::This, _) => self.class.clone(),
                    (_, Type::Named(c)) => Some(c.clone()),
                    _ => self.unique_class(name, false),
                };
                match class {
                    Some(c) => {
                        let owner = self.field_owner(&c, name).unwrap_or(c);
                        self.fields
                            .get(&(owner, name.clone()))
                            .cloned()
                            .unwrap_or(Type::Unknown)
                    }
                    None => Type::Unknown,
                }
            }
            ExprKind::Index { object, index } => {
                let ot = self.expr(object);
                let it = self.expr(index);
                match &ot {
                    Type::Str => Type::Char,
                    Type::Map(_, v) => (**v).clone(),
                    Type::Tuple(ts) => match index.kind {
                        ExprKind::Lit(Literal::Int(i)) => usize::try_from(i)
                            .ok()
                            .and_then(|i| ts.get(i))
                            .cloned()
                            .unwrap_or(Type::Unknown),
                        _ => Type::Unknown,
                    },
                    other => {
                        let _ = it;
                        other.element().cloned().unwrap_or(Type::Unknown)
                    }
                }
            }
            ExprKind::Slice {
                object,
                start,
                end,
                step,
            } => {
                let t = self.expr(object);
                for x in [start, end, step].into_iter().flatten() {
                    self.expr(x);
                }
                t
            }
            ExprKind::Intrinsic { op, args } => {
                let t = self.intrinsic(*op, args, e.span);
                // `set(xs)`, `deque(xs)`: the kind of collection comes from the call.
                match (op, &skeleton, &t) {
                    (Intrinsic::CopyOf, Type::Set(_), _) => Type::set(elem(&t)),
                    (Intrinsic::CopyOf, Type::Deque(_), _) => Type::Deque(Box::new(elem(&t))),
                    (Intrinsic::CopyOf, Type::Map(..), _) => skeleton.clone(),
                    _ => t,
                }
            }
            ExprKind::New { class, args } => {
                let key = format!("{class}.{CONSTRUCTOR}");
                self.call_args(&key, args);
                Type::Named(class.clone())
            }
            ExprKind::ListLit(items) => Type::list(self.elements(items)),
            ExprKind::SetLit(items) => Type::set(self.elements(items)),
            ExprKind::MapLit(pairs) => {
                let (mut k, mut v) = (Type::Unknown, Type::Unknown);
                for (a, b) in pairs.iter_mut() {
                    let ta = self.expr(a);
                    let tb = self.expr(b);
                    k = self.lub(&k, &ta);
                    v = self.lub(&v, &tb);
                }
                Type::map(k, v)
            }
            ExprKind::TupleLit(items) => {
                Type::Tuple(items.iter_mut().map(|i| self.expr(i)).collect())
            }
            ExprKind::Lambda { params, body } => {
                let pts: Vec<Type> = params.iter().map(|p| self.var(&p.name)).collect();
                let r = match body {
                    LambdaBody::Expr(b) => self.expr(b),
                    LambdaBody::Block(b) => {
                        self.block(b);
                        Type::Unknown
                    }
                };
                Type::Func(pts, Box::new(r))
            }
            ExprKind::Comprehension(c) => {
                for clause in c.clauses.iter_mut() {
                    match clause {
                        ComprehensionClause::For { vars, iter } => {
                            let it = self.expr(iter);
                            self.bind(vars.iter().map(|b| b.name.clone()).collect(), &it);
                        }
                        ComprehensionClause::If(cond) => {
                            self.expr(cond);
                        }
                    }
                }
                let el = self.expr(&mut c.element);
                match c.kind {
                    ComprehensionKind::List | ComprehensionKind::Generator => Type::list(el),
                    ComprehensionKind::Set => Type::set(el),
                    ComprehensionKind::Map => {
                        let v = match &mut c.value {
                            Some(v) => self.expr(v),
                            None => Type::Unknown,
                        };
                        Type::map(el, v)
                    }
                }
            }
            ExprKind::Cast { expr, to } => {
                self.expr(expr);
                to.clone()
            }
            ExprKind::This => self.class.clone().map(Type::Named).unwrap_or(Type::Unknown),
            ExprKind::Super => self
                .class
                .as_ref()
                .and_then(|c| self.classes.get(c))
                .and_then(|c| c.extends.clone())
                .map(Type::Named)
                .unwrap_or(Type::Unknown),
            ExprKind::Unsupported(_) => Type::Unknown,
        }
    }
}
