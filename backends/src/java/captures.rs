//! Locals a lambda uses that are assigned after their declaration: Java lambdas capture only
//! effectively final variables, so such a local is held in a one-element array
//! (`int[] count = {0}; .. count[0] += k`).

use std::collections::{BTreeMap, BTreeSet};

use ferry_ir::visit::{outer_names, walk_expr, walk_stmt, Visitor};
use ferry_ir::{Block, Expr, ExprKind, LambdaBody, Stmt, StmtKind, Type};

/// The locals declared in `body` that a lambda inside it uses and that are assigned after their
/// declaration (inside a lambda or not), with their types.
pub(super) fn captured_and_assigned(body: &Block) -> BTreeMap<String, Type> {
    #[derive(Default)]
    struct Scan {
        lets: BTreeMap<String, Type>,
        captured: BTreeSet<String>,
        assigned: BTreeSet<String>,
    }
    impl Scan {
        fn target(&mut self, e: &Expr) {
            if let ExprKind::Name(n) = &e.kind {
                self.assigned.insert(n.clone());
            }
        }
    }
    impl Visitor for Scan {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Let {
                    name,
                    ty,
                    init: Some(_),
                } => {
                    self.lets.insert(name.clone(), ty.clone());
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
            if let ExprKind::IncDec { target, .. } = &e.kind {
                self.target(target);
            }
            if let ExprKind::Lambda { params, body } = &e.kind {
                let block = match body {
                    LambdaBody::Block(b) => b.clone(),
                    LambdaBody::Expr(x) => Block::new(vec![Stmt {
                        kind: StmtKind::Expr((**x).clone()),
                        span: x.span,
                    }]),
                };
                self.captured.extend(outer_names(params, &block).used);
            }
            walk_expr(self, e);
        }
    }
    let mut scan = Scan::default();
    scan.visit_block(body);
    scan.lets
        .into_iter()
        .filter(|(name, _)| scan.captured.contains(name) && scan.assigned.contains(name))
        .collect()
}
