//! The program graph: units (functions, classes, methods, fields, globals) with call, type-use and
//! inheritance edges. It drives translation order and, later, chunking.

use std::collections::HashMap;

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::tree::*;
use crate::types::Type;
use crate::visit::{walk_block, walk_expr, Visitor};

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Function,
    Class,
    Method,
    Field,
    Global,
}

/// A node of the program graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitNode {
    pub kind: UnitKind,
    /// `f`, `Shape`, `Shape.area`.
    pub name: String,
}

/// An edge of the program graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitEdge {
    Calls,
    UsesType,
    Inherits,
    /// A class to its methods and fields.
    Contains,
}

/// The program graph of a module.
#[derive(Debug, Default)]
pub struct ProgramGraph {
    pub graph: DiGraph<UnitNode, UnitEdge>,
    by_name: HashMap<String, NodeIndex>,
}

impl ProgramGraph {
    /// Builds the graph of one module.
    pub fn build(module: &Module) -> ProgramGraph {
        let mut g = ProgramGraph::default();
        for item in &module.items {
            match item {
                Item::Function(f) => {
                    g.add(UnitKind::Function, f.name.clone());
                }
                Item::Global(v) => {
                    g.add(UnitKind::Global, v.name.clone());
                }
                Item::Class(c) => {
                    let class = g.add(UnitKind::Class, c.name.clone());
                    for f in &c.fields {
                        let n = g.add(UnitKind::Field, format!("{}.{}", c.name, f.name));
                        g.graph.add_edge(class, n, UnitEdge::Contains);
                    }
                    for m in &c.methods {
                        let n = g.add(UnitKind::Method, format!("{}.{}", c.name, m.name));
                        g.graph.add_edge(class, n, UnitEdge::Contains);
                    }
                }
                Item::Unsupported(_) => {}
            }
        }
        for item in &module.items {
            match item {
                Item::Function(f) => g.add_function_edges(&f.name, f),
                Item::Global(v) => {
                    let mut refs = References::default();
                    refs.visit_expr(&v.init);
                    g.add_reference_edges(&v.name, &refs);
                }
                Item::Class(c) => {
                    for parent in c.extends.iter().chain(&c.implements) {
                        g.edge(&c.name, parent, UnitEdge::Inherits);
                    }
                    for f in &c.fields {
                        let mut refs = References::default();
                        refs.visit_type(&f.ty);
                        g.add_reference_edges(&format!("{}.{}", c.name, f.name), &refs);
                    }
                    for m in c.methods.iter() {
                        g.add_function_edges(&format!("{}.{}", c.name, m.name), m);
                    }
                    for ctor in &c.constructors {
                        g.add_function_edges(&c.name, ctor);
                    }
                }
                Item::Unsupported(_) => {}
            }
        }
        g
    }

    fn add(&mut self, kind: UnitKind, name: String) -> NodeIndex {
        let idx = self.graph.add_node(UnitNode {
            kind,
            name: name.clone(),
        });
        self.by_name.insert(name, idx);
        idx
    }

    fn edge(&mut self, from: &str, to: &str, edge: UnitEdge) {
        if let (Some(&a), Some(&b)) = (self.by_name.get(from), self.by_name.get(to)) {
            if !self.graph.contains_edge(a, b) {
                self.graph.add_edge(a, b, edge);
            }
        }
    }

    fn add_function_edges(&mut self, unit: &str, f: &Function) {
        let mut refs = References::default();
        for p in &f.params {
            refs.visit_type(&p.ty);
        }
        refs.visit_type(&f.ret);
        if let Some(body) = &f.body {
            refs.visit_block(body);
        }
        self.add_reference_edges(unit, &refs);
    }

    fn add_reference_edges(&mut self, unit: &str, refs: &References) {
        for callee in &refs.calls {
            self.edge(unit, callee, UnitEdge::Calls);
        }
        for ty in &refs.types {
            self.edge(unit, ty, UnitEdge::UsesType);
        }
    }

    /// Unit names in dependency order: strongly connected components, dependencies first.
    pub fn translation_order(&self) -> Vec<Vec<String>> {
        // kosaraju_scc returns components in reverse topological order of the edges, i.e. callees
        // before callers for `Calls` edges.
        kosaraju_scc(&self.graph)
            .into_iter()
            .map(|scc| {
                scc.into_iter()
                    .map(|n| self.graph[n].name.clone())
                    .collect()
            })
            .collect()
    }

    /// Graphviz DOT text of the graph.
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph program {\n");
        for idx in self.graph.node_indices() {
            let n = &self.graph[idx];
            out.push_str(&format!(
                "  n{} [label=\"{}\\n{:?}\"];\n",
                idx.index(),
                n.name.replace('"', "\\\""),
                n.kind
            ));
        }
        for e in self.graph.edge_indices() {
            if let Some((a, b)) = self.graph.edge_endpoints(e) {
                out.push_str(&format!(
                    "  n{} -> n{} [label=\"{:?}\"];\n",
                    a.index(),
                    b.index(),
                    self.graph[e]
                ));
            }
        }
        out.push_str("}\n");
        out
    }
}

/// Collects the functions and methods (`Class.method`, resolved through the receiver's static
/// type) called and the named types used by a unit.
#[derive(Default)]
struct References {
    calls: Vec<String>,
    types: Vec<String>,
}

impl References {
    fn visit_type(&mut self, ty: &Type) {
        match ty {
            Type::Named(n) => self.types.push(n.clone()),
            Type::Array(t)
            | Type::List(t)
            | Type::Set(t)
            | Type::Deque(t)
            | Type::PriorityQueue(t)
            | Type::Optional(t) => self.visit_type(t),
            Type::Map(k, v) => {
                self.visit_type(k);
                self.visit_type(v);
            }
            Type::Tuple(ts) => ts.iter().for_each(|t| self.visit_type(t)),
            Type::Func(ps, r) => {
                ps.iter().for_each(|t| self.visit_type(t));
                self.visit_type(r);
            }
            _ => {}
        }
    }
}

impl Visitor for References {
    fn visit_block(&mut self, block: &Block) {
        walk_block(self, block);
    }

    fn visit_expr(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Call { func, .. } => self.calls.push(func.clone()),
            ExprKind::New { class, .. } => self.types.push(class.clone()),
            ExprKind::MethodCall {
                receiver, method, ..
            } => {
                if let Type::Named(class) = &receiver.ty {
                    self.calls.push(format!("{class}.{method}"));
                }
            }
            _ => {}
        }
        self.visit_type(&expr.ty);
        walk_expr(self, expr);
    }

    fn visit_stmt_type(&mut self, ty: &Type) {
        self.visit_type(ty);
    }
}
