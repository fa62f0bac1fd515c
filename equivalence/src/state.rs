//! Which functions depend on mutable module state (a non-constant global), directly or through
//! the functions they call.
//!
//! A persistent harness keeps module state from one call to the next, so such a function's result
//! depends on every earlier call, and on which side a timeout restarted. The checker runs these
//! functions with a fresh harness per case instead (fewer cases, but each one from the initial
//! state).

use std::collections::{HashMap, HashSet};

use ferry_ir::visit::{walk_expr, Visitor};
use ferry_ir::{Expr, ExprKind, Item, Module};

/// Names read and functions called by one function body.
#[derive(Default)]
struct Uses {
    names: HashSet<String>,
    calls: HashSet<String>,
}

impl Visitor for Uses {
    fn visit_expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Name(name) => {
                self.names.insert(name.clone());
            }
            ExprKind::Call { func, .. } => {
                self.calls.insert(func.clone());
            }
            _ => {}
        }
        walk_expr(self, expr);
    }
}

/// For each module-level function that touches mutable module state, the global it touches.
pub fn stateful_functions(module: &Module) -> HashMap<String, String> {
    let mutable: HashSet<&str> = module
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Global(g) if !g.is_const => Some(g.name.as_str()),
            _ => None,
        })
        .collect();
    let mut calls: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut touched: HashMap<String, String> = HashMap::new();
    for item in &module.items {
        let Item::Function(f) = item else { continue };
        let mut uses = Uses::default();
        uses.visit_function(f);
        let params: HashSet<&str> = f.params.iter().map(|p| p.name.as_str()).collect();
        let mut direct: Vec<&String> = uses
            .names
            .iter()
            .filter(|n| mutable.contains(n.as_str()) && !params.contains(n.as_str()))
            .collect();
        direct.sort();
        if let Some(global) = direct.first() {
            touched.insert(f.name.clone(), (*global).clone());
        }
        calls.insert(f.name.as_str(), uses.calls);
    }
    // Callers of stateful functions are stateful: propagate to a fixpoint.
    loop {
        let mut changed = false;
        for (caller, callees) in &calls {
            if touched.contains_key(*caller) {
                continue;
            }
            if let Some(global) = callees.iter().find_map(|c| touched.get(c)).cloned() {
                touched.insert((*caller).to_string(), global);
                changed = true;
            }
        }
        if !changed {
            return touched;
        }
    }
}
