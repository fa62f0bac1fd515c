//! Writing the solution back: declared types of locals, parameters, results, fields and
//! globals, with an `unknown-type` diagnostic for every slot inference could not decide.

use std::collections::HashSet;

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{
    Block, ComprehensionClause, Diagnostic, Expr, ExprKind, Function, Item, LambdaBody, Module,
    Span, Stmt, StmtKind, Type, CONSTRUCTOR,
};

use super::infer::Solver;

impl Solver {
    /// Writes declared types and reports what stayed unknown.
    pub(super) fn write_back(&mut self, module: &mut Module, diags: &mut Vec<Diagnostic>) {
        for item in &mut module.items {
            match item {
                Item::Function(f) => {
                    let key = f.name.clone();
                    self.write_function(f, &key, None, diags);
                }
                Item::Class(c) => {
                    let cname = c.name.clone();
                    for field in &mut c.fields {
                        let owner = self
                            .field_owner(&cname, &field.name)
                            .unwrap_or(cname.clone());
                        field.ty = self
                            .fields
                            .get(&(owner, field.name.clone()))
                            .cloned()
                            .unwrap_or(Type::Unknown);
                        if !field.ty.is_known() {
                            diags.push(unknown(field.span, &format!("{cname}.{}", field.name)));
                        }
                    }
                    for ctor in &mut c.constructors {
                        self.write_function(
                            ctor,
                            &format!("{cname}.{CONSTRUCTOR}"),
                            Some(cname.clone()),
                            diags,
                        );
                        ctor.ret = Type::Void;
                    }
                    for m in &mut c.methods {
                        let key = format!("{cname}.{}", m.name);
                        self.write_function(m, &key, Some(cname.clone()), diags);
                    }
                }
                Item::Global(g) => {
                    g.ty = self
                        .vars
                        .get(&(String::new(), g.name.clone()))
                        .cloned()
                        .unwrap_or(Type::Unknown);
                    if !g.ty.is_known() {
                        diags.push(unknown(g.span, &g.name));
                    }
                }
                Item::Unsupported(_) => {}
            }
        }
    }

    fn write_function(
        &mut self,
        f: &mut Function,
        key: &str,
        class: Option<String>,
        diags: &mut Vec<Diagnostic>,
    ) {
        self.fkey = key.to_string();
        self.class = class;
        self.locals = locals_of(f);
        for p in &mut f.params {
            p.ty = self
                .vars
                .get(&(key.to_string(), p.name.clone()))
                .cloned()
                .unwrap_or(Type::Unknown);
            if !p.ty.is_known() {
                diags.push(unknown(p.span, &p.name));
            }
        }
        f.ret = match self.rets.get(key) {
            Some(t) => t.clone(),
            None => Type::Void,
        };
        if !f.ret.is_known() {
            diags.push(unknown(f.span, &format!("result of {}", f.name)));
        }
        if let Some(b) = &mut f.body {
            let mut w = Writer {
                solver: self,
                diags,
            };
            w.visit_block_mut(b);
        }
    }
}

fn unknown(span: Span, name: &str) -> Diagnostic {
    Diagnostic::warning(
        span,
        "unknown-type",
        format!("cannot infer the type of `{name}`"),
    )
}

/// Writes variable types into declarations and loop bindings.
struct Writer<'a> {
    solver: &'a Solver,
    diags: &'a mut Vec<Diagnostic>,
}

impl Writer<'_> {
    fn ty(&self, name: &str) -> Type {
        self.solver.var(name)
    }

    fn visit_block_mut(&mut self, b: &mut Block) {
        for s in &mut b.stmts {
            self.visit_stmt_mut(s);
        }
    }

    fn visit_expr_mut(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Lambda { params, body } => {
                for p in params.iter_mut() {
                    p.ty = self.ty(&p.name);
                }
                match body {
                    LambdaBody::Expr(b) => self.visit_expr_mut(b),
                    LambdaBody::Block(b) => self.visit_block_mut(b),
                }
            }
            ExprKind::Comprehension(c) => {
                for clause in &mut c.clauses {
                    if let ComprehensionClause::For { vars, iter } = clause {
                        for v in vars.iter_mut() {
                            v.ty = self.ty(&v.name);
                        }
                        self.visit_expr_mut(iter);
                    }
                }
            }
            _ => {
                // Descend into children.
                let mut kids: Vec<&mut Expr> = Vec::new();
                children_mut(e, &mut kids);
                for k in kids {
                    self.visit_expr_mut(k);
                }
            }
        }
    }

    fn visit_stmt_mut(&mut self, s: &mut Stmt) {
        let span = s.span;
        match &mut s.kind {
            StmtKind::Let { name, ty, init } => {
                *ty = self.ty(name);
                if !ty.is_known() {
                    self.diags.push(unknown(span, name));
                }
                if let Some(e) = init {
                    self.visit_expr_mut(e);
                }
            }
            StmtKind::LetTuple { names, init } => {
                for b in names.iter_mut() {
                    b.ty = self.ty(&b.name);
                    if !b.ty.is_known() {
                        self.diags.push(unknown(span, &b.name));
                    }
                }
                self.visit_expr_mut(init);
            }
            StmtKind::ForRange {
                var,
                body,
                start,
                end,
                ..
            } => {
                var.ty = self.ty(&var.name);
                self.visit_expr_mut(start);
                self.visit_expr_mut(end);
                self.visit_block_mut(body);
            }
            StmtKind::ForEach {
                vars, body, iter, ..
            } => {
                for b in vars.iter_mut() {
                    b.ty = self.ty(&b.name);
                    if !b.ty.is_known() {
                        self.diags.push(unknown(span, &b.name));
                    }
                }
                self.visit_expr_mut(iter);
                self.visit_block_mut(body);
            }
            StmtKind::If { cond, then, else_ } => {
                self.visit_expr_mut(cond);
                self.visit_block_mut(then);
                if let Some(e) = else_ {
                    self.visit_block_mut(e);
                }
            }
            StmtKind::While { cond, body, .. } => {
                self.visit_expr_mut(cond);
                self.visit_block_mut(body);
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => {
                self.visit_block_mut(body);
                for c in catches {
                    self.visit_block_mut(&mut c.body);
                }
                if let Some(f) = finally {
                    self.visit_block_mut(f);
                }
            }
            StmtKind::Assign { target, value, .. } => {
                self.visit_expr_mut(target);
                self.visit_expr_mut(value);
            }
            StmtKind::AssignTuple { targets, value } => {
                for t in targets {
                    self.visit_expr_mut(t);
                }
                self.visit_expr_mut(value);
            }
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.visit_expr_mut(e),
            StmtKind::Throw {
                message: Some(e), ..
            } => self.visit_expr_mut(e),
            StmtKind::Block(b) => self.visit_block_mut(b),
            _ => {}
        }
    }
}

/// The direct sub-expressions of an expression, mutably.
pub(super) fn children_mut<'a>(e: &'a mut Expr, out: &mut Vec<&'a mut Expr>) {
    match &mut e.kind {
        ExprKind::Binary { lhs, rhs, .. } => {
            out.push(lhs);
            out.push(rhs);
        }
        ExprKind::Unary { operand, .. } => out.push(operand),
        ExprKind::IncDec { target, .. } => out.push(target),
        ExprKind::Cond { cond, then, else_ } => {
            out.push(cond);
            out.push(then);
            out.push(else_);
        }
        ExprKind::Call { args, .. }
        | ExprKind::Intrinsic { args, .. }
        | ExprKind::New { args, .. } => out.extend(args.iter_mut()),
        ExprKind::MethodCall { receiver, args, .. } => {
            out.push(receiver);
            out.extend(args.iter_mut());
        }
        ExprKind::CallValue { callee, args } => {
            out.push(callee);
            out.extend(args.iter_mut());
        }
        ExprKind::Field { object, .. } => out.push(object),
        ExprKind::Index { object, index } => {
            out.push(object);
            out.push(index);
        }
        ExprKind::Slice {
            object,
            start,
            end,
            step,
        } => {
            out.push(object);
            for x in [start, end, step].into_iter().flatten() {
                out.push(x);
            }
        }
        ExprKind::ListLit(items) | ExprKind::SetLit(items) | ExprKind::TupleLit(items) => {
            out.extend(items.iter_mut())
        }
        ExprKind::MapLit(pairs) => {
            for (a, b) in pairs.iter_mut() {
                out.push(a);
                out.push(b);
            }
        }
        ExprKind::Lambda {
            body: LambdaBody::Expr(b),
            ..
        } => out.push(b),
        ExprKind::Comprehension(c) => {
            for clause in c.clauses.iter_mut() {
                match clause {
                    ComprehensionClause::For { iter, .. } => out.push(iter),
                    ComprehensionClause::If(x) => out.push(x),
                }
            }
            out.push(&mut c.element);
            if let Some(v) = &mut c.value {
                out.push(v);
            }
        }
        ExprKind::Cast { expr, .. } => out.push(expr),
        _ => {}
    }
}

/// Every name a function binds: parameters, lets, loop and comprehension variables, lambda
/// parameters and caught exceptions.
pub(super) fn locals_of(f: &Function) -> HashSet<String> {
    struct L(HashSet<String>);
    impl Visitor for L {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Let { name, .. } => {
                    self.0.insert(name.clone());
                }
                StmtKind::LetTuple { names, .. } | StmtKind::ForEach { vars: names, .. } => {
                    self.0.extend(names.iter().map(|b| b.name.clone()));
                }
                StmtKind::ForRange { var, .. } => {
                    self.0.insert(var.name.clone());
                }
                StmtKind::Try { catches, .. } => {
                    self.0.extend(catches.iter().filter_map(|c| c.name.clone()))
                }
                _ => {}
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Lambda { params, .. } => {
                    self.0.extend(params.iter().map(|p| p.name.clone()))
                }
                ExprKind::Comprehension(c) => {
                    for clause in &c.clauses {
                        if let ComprehensionClause::For { vars, .. } = clause {
                            self.0.extend(vars.iter().map(|b| b.name.clone()));
                        }
                    }
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut l = L(f.params.iter().map(|p| p.name.clone()).collect());
    l.visit_function(f);
    l.0
}
