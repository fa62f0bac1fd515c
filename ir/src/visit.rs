//! A read-only visitor over the IR tree. Default methods call the free `walk_*` functions, so an
//! implementation overrides only the nodes it cares about and calls `walk_*` to descend.

use std::collections::BTreeSet;

use crate::tree::*;
use crate::types::Type;

/// Visits statements and expressions; override a method and call its `walk_*` to keep descending.
pub trait Visitor {
    fn visit_block(&mut self, block: &Block) {
        walk_block(self, block);
    }

    fn visit_stmt(&mut self, stmt: &Stmt) {
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        walk_expr(self, expr);
    }

    /// A function's parameter defaults and body.
    fn visit_function(&mut self, f: &Function) {
        for p in &f.params {
            self.visit_stmt_type(&p.ty);
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
        if let Some(b) = &f.body {
            self.visit_block(b);
        }
    }

    /// A type written in a declaration (`Let`, loop bindings, lambda parameters).
    fn visit_stmt_type(&mut self, _ty: &Type) {}
}

/// Visits every statement of a block.
pub fn walk_block<V: Visitor + ?Sized>(v: &mut V, block: &Block) {
    for stmt in &block.stmts {
        v.visit_stmt(stmt);
    }
}

/// Visits the children of a statement.
pub fn walk_stmt<V: Visitor + ?Sized>(v: &mut V, stmt: &Stmt) {
    match &stmt.kind {
        StmtKind::Let { ty, init, .. } => {
            v.visit_stmt_type(ty);
            if let Some(e) = init {
                v.visit_expr(e);
            }
        }
        StmtKind::LetTuple { names, init } => {
            names.iter().for_each(|b| v.visit_stmt_type(&b.ty));
            v.visit_expr(init);
        }
        StmtKind::Assign { target, value, .. } => {
            v.visit_expr(target);
            v.visit_expr(value);
        }
        StmtKind::AssignTuple { targets, value } => {
            targets.iter().for_each(|t| v.visit_expr(t));
            v.visit_expr(value);
        }
        StmtKind::Expr(e) => v.visit_expr(e),
        StmtKind::If { cond, then, else_ } => {
            v.visit_expr(cond);
            v.visit_block(then);
            if let Some(b) = else_ {
                v.visit_block(b);
            }
        }
        StmtKind::While { cond, body, .. } | StmtKind::DoWhile { body, cond, .. } => {
            v.visit_expr(cond);
            v.visit_block(body);
        }
        StmtKind::For {
            init,
            cond,
            update,
            body,
            ..
        } => {
            init.iter().for_each(|s| v.visit_stmt(s));
            if let Some(c) = cond {
                v.visit_expr(c);
            }
            update.iter().for_each(|s| v.visit_stmt(s));
            v.visit_block(body);
        }
        StmtKind::ForRange {
            var,
            start,
            end,
            step,
            body,
            ..
        } => {
            v.visit_stmt_type(&var.ty);
            v.visit_expr(start);
            v.visit_expr(end);
            if let Some(s) = step {
                v.visit_expr(s);
            }
            v.visit_block(body);
        }
        StmtKind::ForEach {
            vars, iter, body, ..
        } => {
            vars.iter().for_each(|b| v.visit_stmt_type(&b.ty));
            v.visit_expr(iter);
            v.visit_block(body);
        }
        StmtKind::Return(Some(e)) => v.visit_expr(e),
        StmtKind::Switch {
            scrutinee,
            cases,
            default,
        } => {
            v.visit_expr(scrutinee);
            for case in cases {
                case.values.iter().for_each(|e| v.visit_expr(e));
                v.visit_block(&case.body);
            }
            if let Some(b) = default {
                v.visit_block(b);
            }
        }
        StmtKind::Try {
            body,
            catches,
            finally,
        } => {
            v.visit_block(body);
            catches.iter().for_each(|c| v.visit_block(&c.body));
            if let Some(b) = finally {
                v.visit_block(b);
            }
        }
        StmtKind::Throw {
            message: Some(e), ..
        } => v.visit_expr(e),
        StmtKind::Block(b) => v.visit_block(b),
        StmtKind::Return(None)
        | StmtKind::Throw { message: None, .. }
        | StmtKind::Break(_)
        | StmtKind::Continue(_)
        | StmtKind::Unsupported(_) => {}
    }
}

/// Visits the children of an expression.
pub fn walk_expr<V: Visitor + ?Sized>(v: &mut V, expr: &Expr) {
    match &expr.kind {
        ExprKind::Binary { lhs, rhs, .. } => {
            v.visit_expr(lhs);
            v.visit_expr(rhs);
        }
        ExprKind::Unary { operand, .. } => v.visit_expr(operand),
        ExprKind::IncDec { target, .. } => v.visit_expr(target),
        ExprKind::Cond { cond, then, else_ } => {
            v.visit_expr(cond);
            v.visit_expr(then);
            v.visit_expr(else_);
        }
        ExprKind::Call { args, .. }
        | ExprKind::Intrinsic { args, .. }
        | ExprKind::New { args, .. }
        | ExprKind::ListLit(args)
        | ExprKind::SetLit(args)
        | ExprKind::TupleLit(args) => args.iter().for_each(|a| v.visit_expr(a)),
        ExprKind::MethodCall { receiver, args, .. } => {
            v.visit_expr(receiver);
            args.iter().for_each(|a| v.visit_expr(a));
        }
        ExprKind::CallValue { callee, args } => {
            v.visit_expr(callee);
            args.iter().for_each(|a| v.visit_expr(a));
        }
        ExprKind::Field { object, .. } => v.visit_expr(object),
        ExprKind::Index { object, index } => {
            v.visit_expr(object);
            v.visit_expr(index);
        }
        ExprKind::Slice {
            object,
            start,
            end,
            step,
        } => {
            v.visit_expr(object);
            for e in [start, end, step].into_iter().flatten() {
                v.visit_expr(e);
            }
        }
        ExprKind::MapLit(entries) => {
            for (k, val) in entries {
                v.visit_expr(k);
                v.visit_expr(val);
            }
        }
        ExprKind::Lambda { params, body } => {
            params.iter().for_each(|p| v.visit_stmt_type(&p.ty));
            match body {
                LambdaBody::Expr(e) => v.visit_expr(e),
                LambdaBody::Block(b) => v.visit_block(b),
            }
        }
        ExprKind::Comprehension(c) => {
            for clause in &c.clauses {
                match clause {
                    ComprehensionClause::For { vars, iter } => {
                        vars.iter().for_each(|b| v.visit_stmt_type(&b.ty));
                        v.visit_expr(iter);
                    }
                    ComprehensionClause::If(e) => v.visit_expr(e),
                }
            }
            v.visit_expr(&c.element);
            if let Some(val) = &c.value {
                v.visit_expr(val);
            }
        }
        ExprKind::Cast { expr, .. } => v.visit_expr(expr),
        ExprKind::Lit(_)
        | ExprKind::Name(_)
        | ExprKind::This
        | ExprKind::Super
        | ExprKind::Unsupported(_) => {}
    }
}

/// Collects `Unsupported` nodes in source order.
#[derive(Default)]
struct CollectUnsupported {
    found: Vec<Unsupported>,
}

impl Visitor for CollectUnsupported {
    fn visit_stmt(&mut self, stmt: &Stmt) {
        if let StmtKind::Unsupported(u) = &stmt.kind {
            self.found.push(u.clone());
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        if let ExprKind::Unsupported(u) = &expr.kind {
            self.found.push(u.clone());
        }
        walk_expr(self, expr);
    }
}

/// Every `Unsupported` node of a function (parameter defaults and body), in source order.
pub fn unsupported_in_function(f: &Function) -> Vec<Unsupported> {
    let mut c = CollectUnsupported::default();
    c.visit_function(f);
    c.found
}

/// The first `Unsupported` node of a block, in source order.
pub fn first_unsupported(block: &Block) -> Option<Unsupported> {
    let mut c = CollectUnsupported::default();
    c.visit_block(block);
    c.found.into_iter().next()
}

/// Every `Unsupported` node of a module, in source order.
pub fn unsupported_nodes(module: &Module) -> Vec<Unsupported> {
    let mut c = CollectUnsupported::default();
    for item in &module.items {
        match item {
            Item::Unsupported(u) => c.found.push(u.clone()),
            Item::Function(f) => c.visit_function(f),
            Item::Global(g) => c.visit_expr(&g.init),
            Item::Class(class) => {
                for f in &class.fields {
                    if let Some(e) = &f.init {
                        c.visit_expr(e);
                    }
                }
                for f in class.constructors.iter().chain(&class.methods) {
                    c.visit_function(f);
                }
            }
        }
    }
    c.found
}

/// The variables of enclosing scopes a lambda uses: those it reads or writes without declaring
/// them (nor taking them as parameters).
#[derive(Debug, Default)]
pub struct OuterNames {
    /// Read or written.
    pub used: BTreeSet<String>,
    /// Written: Python needs `nonlocal` for them, Java a box.
    pub assigned: BTreeSet<String>,
}

/// The enclosing function's variables a lambda with these parameters and body uses.
pub fn outer_names(params: &[Param], body: &Block) -> OuterNames {
    #[derive(Default)]
    struct Names {
        declared: BTreeSet<String>,
        used: BTreeSet<String>,
        assigned: BTreeSet<String>,
    }
    impl Names {
        fn target(&mut self, e: &Expr) {
            if let ExprKind::Name(n) = &e.kind {
                self.assigned.insert(n.clone());
            }
        }
    }
    impl Visitor for Names {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Let { name, .. } => {
                    self.declared.insert(name.clone());
                }
                StmtKind::LetTuple { names, .. } => {
                    self.declared.extend(names.iter().map(|b| b.name.clone()));
                }
                StmtKind::ForEach { vars, .. } => {
                    self.declared.extend(vars.iter().map(|b| b.name.clone()));
                }
                StmtKind::ForRange { var, .. } => {
                    self.declared.insert(var.name.clone());
                }
                StmtKind::Try { catches, .. } => {
                    self.declared
                        .extend(catches.iter().filter_map(|c| c.name.clone()));
                }
                StmtKind::Assign { target, .. } => self.target(target),
                StmtKind::AssignTuple { targets, .. } => {
                    targets.iter().for_each(|t| self.target(t))
                }
                _ => {}
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Name(n) => {
                    self.used.insert(n.clone());
                }
                ExprKind::IncDec { target, .. } => self.target(target),
                ExprKind::Lambda { params, .. } => {
                    self.declared.extend(params.iter().map(|p| p.name.clone()));
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut names = Names::default();
    names.declared.extend(params.iter().map(|p| p.name.clone()));
    names.visit_block(body);
    let outer = |set: BTreeSet<String>| -> BTreeSet<String> {
        set.into_iter()
            .filter(|n| !names.declared.contains(n))
            .collect()
    };
    OuterNames {
        used: outer(names.used),
        assigned: outer(names.assigned),
    }
}
