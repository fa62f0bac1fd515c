//! Where variables are declared. Python has no declarations: the first assignment of a name in a
//! function is a `Let`, unless the name is also used outside the block of that assignment; then
//! it is declared (hoisted) before the statement, of the innermost block holding every use, that
//! contains the first use — so that Java and Go see it in scope everywhere.

use std::collections::{HashMap, HashSet};

use ferry_ir::{Block, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::node_kind;
use super::Lowerer;
use crate::common::{named_children, preorder, span};

impl Lowerer<'_> {
    pub(super) fn function_body(&mut self, body: Node<'_>) -> Block {
        // Where each assigned name must be declared: in the innermost block holding every use.
        let mut occs: Vec<Occurrence> = Vec::new();
        let mut path = Vec::new();
        self.scan_block(body, &mut path, &mut occs);
        let globals_decl = self.scan_global_decls(body);
        self.plan_hoisting(&occs, &globals_decl);
        self.block(body)
    }

    /// Lowers loose statements (a script's) as a function body, with the same declaration rules.
    pub(super) fn statements_as_body(&mut self, parent: Node<'_>, nodes: &[Node<'_>]) -> Block {
        let mut occs: Vec<Occurrence> = Vec::new();
        let mut path = Vec::new();
        for s in nodes {
            path.push((parent.id(), s.start_byte()));
            self.scan_node(*s, &mut path, &mut occs);
            path.pop();
        }
        self.plan_hoisting(&occs, &HashSet::new());
        let mut out = Vec::new();
        for s in nodes {
            if let Some(names) = self.hoist.remove(&(parent.id(), s.start_byte())) {
                for name in names {
                    if self.declared.insert(name.clone()) {
                        out.push(Stmt {
                            kind: StmtKind::Let {
                                name,
                                ty: Type::Unknown,
                                init: None,
                            },
                            span: span(*s),
                        });
                    }
                }
            }
            self.stmt(*s, &mut out);
        }
        Block::new(out)
    }

    /// Decides where each assigned name is declared: at its first assignment when that sits in
    /// the innermost block holding every use, else hoisted before the statement of that block
    /// that contains the first use.
    fn plan_hoisting(&mut self, occs: &[Occurrence], globals_decl: &HashSet<String>) {
        // Each name's uses, in source order; the names assigned somewhere, in a fixed order.
        let mut uses: HashMap<&str, Vec<&Occurrence>> = HashMap::new();
        for o in occs {
            uses.entry(o.name.as_str()).or_default().push(o);
        }
        let mut names: Vec<&str> = uses
            .iter()
            .filter(|(_, mine)| mine.iter().any(|o| o.assign))
            .map(|(name, _)| *name)
            .collect();
        names.sort_unstable();
        self.hoist.clear();
        for name in names {
            if self.declared.contains(name)
                || globals_decl.contains(name)
                || self.global_decl.contains(name)
            {
                continue;
            }
            let mine = &uses[name];
            let Some(first) = mine.first() else { continue };
            let mut k = first.path.len();
            for o in mine {
                let common = first
                    .path
                    .iter()
                    .zip(o.path.iter())
                    .take_while(|(a, b)| a.0 == b.0)
                    .count();
                k = k.min(common);
            }
            if k == 0 || (first.assign && first.path.len() == k) {
                continue;
            }
            if let Some(&(block, stmt)) = first.path.get(k - 1) {
                self.hoist
                    .entry((block, stmt))
                    .or_default()
                    .push(name.to_string());
            }
        }
    }

    fn scan_block(
        &self,
        block: Node<'_>,
        path: &mut Vec<(usize, usize)>,
        out: &mut Vec<Occurrence>,
    ) {
        for s in named_children(block) {
            path.push((block.id(), s.start_byte()));
            self.scan_node(s, path, out);
            path.pop();
        }
    }

    fn scan_node(&self, n: Node<'_>, path: &mut Vec<(usize, usize)>, out: &mut Vec<Occurrence>) {
        match node_kind(n) {
            "block" => return self.scan_block(n, path, out),
            "function_definition" | "class_definition" => return,
            "for_statement" => {
                // The loop variables are bindings of the loop: uses inside it are not the
                // function's variables of the same name.
                let mut names = Vec::new();
                if let Some(l) = n.child_by_field_name("left") {
                    if node_kind(l) == "identifier" {
                        names.push(self.text(l).to_string());
                    } else {
                        names.extend(
                            named_children(l)
                                .into_iter()
                                .map(|c| self.text(c).to_string()),
                        );
                    }
                }
                if let Some(r) = n.child_by_field_name("right") {
                    self.scan_node(r, path, out);
                }
                let mut inner = Vec::new();
                for c in named_children(n) {
                    if node_kind(c) == "block" || node_kind(c) == "else_clause" {
                        self.scan_node(c, path, &mut inner);
                    }
                }
                out.extend(inner.into_iter().filter(|o| !names.contains(&o.name)));
                return;
            }
            "identifier" => {
                out.push(Occurrence {
                    name: self.text(n).to_string(),
                    path: path.clone(),
                    assign: false,
                });
                return;
            }
            "attribute" => {
                if let Some(o) = n.child_by_field_name("object") {
                    self.scan_node(o, path, out);
                }
                return;
            }
            "keyword_argument" => {
                if let Some(v) = n.child_by_field_name("value") {
                    self.scan_node(v, path, out);
                }
                return;
            }
            "assignment" | "augmented_assignment" => {
                if let Some(r) = n.child_by_field_name("right") {
                    self.scan_node(r, path, out);
                }
                if let Some(l) = n.child_by_field_name("left") {
                    let direct = node_kind(n) == "assignment"
                        && n.parent().is_some_and(|p| {
                            node_kind(p) == "expression_statement"
                                && path.last().is_some_and(|x| x.1 == p.start_byte())
                        });
                    let targets = match node_kind(l) {
                        "identifier" => vec![l],
                        "pattern_list" | "tuple_pattern" => named_children(l),
                        _ => {
                            self.scan_node(l, path, out);
                            return;
                        }
                    };
                    for t in targets {
                        if node_kind(t) == "identifier" {
                            out.push(Occurrence {
                                name: self.text(t).to_string(),
                                path: path.clone(),
                                assign: direct,
                            });
                        } else {
                            self.scan_node(t, path, out);
                        }
                    }
                }
                return;
            }
            _ => {}
        }
        for c in named_children(n) {
            self.scan_node(c, path, out);
        }
    }

    fn scan_global_decls(&self, node: Node<'_>) -> HashSet<String> {
        let mut out = HashSet::new();
        preorder(node, |n| {
            if node_kind(n) == "global_statement" {
                for c in named_children(n) {
                    out.insert(self.text(c).to_string());
                }
            }
            node_kind(n) != "function_definition" && super::may_hold_statements(node_kind(n))
        });
        out
    }
}

/// One use of a name: the blocks around it (block id, start of the statement in that block), and
/// whether it is the target of a plain assignment statement.
pub(super) struct Occurrence {
    name: String,
    path: Vec<(usize, usize)>,
    assign: bool,
}
