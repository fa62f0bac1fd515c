//! Closures that assign variables of the enclosing function: a nested `def` needs `nonlocal`
//! (or `global`) for them, since Python would otherwise make them locals of the `def`.

use std::collections::BTreeSet;

use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{Block, Expr, ExprKind, Param, Stmt, StmtKind};

/// The names a lambda body assigns without declaring them (nor taking them as parameters).
pub(super) fn outer_assigned(params: &[Param], body: &Block) -> BTreeSet<String> {
    #[derive(Default)]
    struct Names {
        declared: BTreeSet<String>,
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
                    self.declared.extend(catches.iter().filter_map(|c| c.name.clone()));
                }
                StmtKind::Assign { target, .. } => self.target(target),
                StmtKind::AssignTuple { targets, .. } => targets.iter().for_each(|t| self.target(t)),
                _ => {}
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
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
    names
        .declared
        .extend(params.iter().map(|p| p.name.clone()));
    names.visit_block(body);
    names
        .assigned
        .into_iter()
        .filter(|n| !names.declared.contains(n))
        .collect()
}
