//! Nested functions that close over nothing: `def helper(x): ...` inside a function, using only
//! its own parameters and locals and module-level names, is lifted to a module-level function.
//! A nested function that reads a local of its enclosing function stays unsupported (closures).

use std::collections::HashSet;

use tree_sitter::Node;

use super::node_kind;
use super::Lowerer;
use crate::common::{named_children, preorder};

impl Lowerer<'_> {
    /// The nested `def`s directly in `outer`'s body that can be lifted: closed over nothing, and
    /// named unlike every module-level name and every other lifted function.
    pub(super) fn liftable_nested<'t>(
        &self,
        outer: Node<'t>,
        taken: &HashSet<String>,
    ) -> Vec<Node<'t>> {
        let Some(body) = outer.child_by_field_name("body") else {
            return Vec::new();
        };
        let nested: Vec<Node<'t>> = named_children(body)
            .into_iter()
            .filter(|n| node_kind(n) == "function_definition")
            .collect();
        if nested.is_empty() {
            return nested;
        }
        let outer_bound = self.bound_names(outer, true);
        let mut names = HashSet::new();
        nested
            .into_iter()
            .filter(|n| {
                let Some(name) = n.child_by_field_name("name").map(|x| self.text(x)) else {
                    return false;
                };
                let own = self.bound_names(*n, true);
                let captures = self
                    .identifiers(*n)
                    .iter()
                    .any(|used| !own.contains(used) && outer_bound.contains(used) && used != name);
                !captures
                    && !taken.contains(name)
                    && !self.classes.contains(name)
                    && !self.globals.contains(name)
                    && names.insert(name.to_string())
            })
            .collect()
    }

    /// A function's parameters and the names it assigns or loops over (not inside nested
    /// functions or lambdas), with comprehension variables where `comprehensions` is set.
    pub(super) fn bound_names(&self, def: Node<'_>, comprehensions: bool) -> HashSet<String> {
        let mut out = HashSet::new();
        if let Some(ps) = def.child_by_field_name("parameters") {
            for p in named_children(ps) {
                let name = match node_kind(p) {
                    "identifier" => Some(p),
                    "typed_parameter" => named_children(p)
                        .into_iter()
                        .find(|c| node_kind(c) == "identifier"),
                    _ => p.child_by_field_name("name"),
                };
                out.extend(name.map(|n| self.text(n).to_string()));
            }
        }
        out.extend(self.bound_in(
            def.child_by_field_name("body").into_iter().collect(),
            comprehensions,
        ));
        out
    }

    /// The names statements assign or loop over (not inside nested functions or lambdas).
    pub(super) fn bound_in(&self, nodes: Vec<Node<'_>>, comprehensions: bool) -> HashSet<String> {
        let mut out = HashSet::new();
        for node in nodes {
            preorder(node, |n| {
                match node_kind(n) {
                    "function_definition" | "lambda" | "class_definition" => {
                        // Its name is bound here; its insides are its own.
                        out.extend(
                            n.child_by_field_name("name")
                                .map(|x| self.text(x).to_string()),
                        );
                        return false;
                    }
                    "for_in_clause" if !comprehensions => {}
                    "assignment" | "augmented_assignment" | "for_statement" | "for_in_clause" => {
                        if let Some(left) = n.child_by_field_name("left") {
                            self.add_identifiers(left, &mut out);
                        }
                    }
                    "named_expression" => {
                        out.extend(
                            n.child_by_field_name("name")
                                .map(|x| self.text(x).to_string()),
                        );
                    }
                    // Imports are not bound here: a module imported inside the enclosing
                    // function is imported at module level in the translation.
                    "as_pattern" => self.add_identifiers(n, &mut out),
                    _ => {}
                }
                true
            });
        }
        out
    }

    /// Every identifier under `node`.
    pub(super) fn identifiers(&self, node: Node<'_>) -> HashSet<String> {
        let mut out = HashSet::new();
        self.add_identifiers(node, &mut out);
        out
    }

    /// Adds every identifier under `node` to `out`.
    fn add_identifiers(&self, node: Node<'_>, out: &mut HashSet<String>) {
        if node_kind(node) == "identifier" {
            out.insert(self.text(node).to_string());
            return;
        }
        preorder(node, |n| {
            if node_kind(n) == "identifier" {
                out.insert(self.text(n).to_string());
            }
            true
        });
    }
}
