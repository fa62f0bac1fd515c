//! Units with unknown types (inference could not decide, or the source type has no IR
//! equivalent, like a Go `*int`), for targets that must write every type down.
//!
//! Java and Go need a type for every parameter, result and local. Printing `Object` or `any` for
//! a type nobody knows would be a silent guess that rarely even compiles, so the body of such a
//! function is replaced by an `Unsupported` node: the backend prints its usual marked stub and
//! reports it. Python needs no types and does not run this pass.

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{
    Block, Expr, ExprKind, Function, Item, Module, Span, Stmt, StmtKind, Type, Unsupported,
};

/// A copy of `module` in which every function or method with an unknown declared type has an
/// `Unsupported` body naming the first such variable.
pub(crate) fn stub_untyped_units(module: &Module) -> Module {
    let mut module = module.clone();
    for item in &mut module.items {
        match item {
            Item::Function(f) => stub_if_untyped(f),
            Item::Class(c) => c
                .constructors
                .iter_mut()
                .chain(&mut c.methods)
                .for_each(stub_if_untyped),
            Item::Global(_) | Item::Unsupported(_) => {}
        }
    }
    module
}

fn stub_if_untyped(f: &mut Function) {
    let Some(body) = &f.body else { return };
    let Some((what, span)) = first_unknown(f, body) else {
        return;
    };
    let construct = format!("{what} of unknown type");
    let stmt = Stmt {
        kind: StmtKind::Unsupported(Unsupported {
            construct,
            text: String::new(),
            span,
        }),
        span,
    };
    f.body = Some(Block::new(vec![stmt]));
}

/// The first declaration of `f` without a known type, described for a diagnostic.
fn first_unknown(f: &Function, body: &Block) -> Option<(String, Span)> {
    if let Some(p) = f.params.iter().find(|p| !p.ty.is_known()) {
        return Some((format!("parameter `{}`", p.name), p.span));
    }
    let mut finder = FindUnknown {
        found: None,
        returns_value: None,
    };
    finder.visit_block(body);
    if let Some(found) = finder.found {
        return Some(found);
    }
    let result_unknown =
        !f.ret.is_known() || (f.ret == Type::Void && finder.returns_value.is_some());
    result_unknown.then(|| {
        (
            format!("the result of `{}`", f.name),
            finder.returns_value.unwrap_or(f.span),
        )
    })
}

struct FindUnknown {
    found: Option<(String, Span)>,
    /// The span of a `return <value>`, if any.
    returns_value: Option<Span>,
}

impl Visitor for FindUnknown {
    fn visit_stmt(&mut self, stmt: &Stmt) {
        if self.found.is_some() {
            return;
        }
        match &stmt.kind {
            StmtKind::Let { name, ty, .. } if !ty.is_known() => {
                self.found = Some((format!("variable `{name}`"), stmt.span));
            }
            StmtKind::LetTuple { names, .. } | StmtKind::ForEach { vars: names, .. } => {
                if let Some(b) = names.iter().find(|b| !b.ty.is_known()) {
                    self.found = Some((format!("variable `{}`", b.name), stmt.span));
                }
            }
            StmtKind::Return(Some(_)) => {
                self.returns_value.get_or_insert(stmt.span);
            }
            _ => {}
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        // A lambda's returns are its own, not the enclosing function's.
        if !matches!(expr.kind, ExprKind::Lambda { .. }) {
            walk_expr(self, expr);
        }
    }
}
