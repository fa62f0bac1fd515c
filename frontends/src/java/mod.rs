//! The Java frontend: lowers Java source into the IR.
//!
//! The top-level class holding `main` (or only static members) is the module: its static methods
//! become functions and its static fields globals. Other classes, including static nested ones,
//! become `Item::Class`. Every expression gets a type from a scope stack of declared locals, the
//! fields and methods of user classes, and the library table in `calls.rs`.

mod calls;
mod comparators;
mod dynamic;
mod expr;
mod functional;
mod items;
mod optional;
mod stmt;
mod streams;
mod types;

use std::collections::{HashMap, HashSet};

use ferry_ir::{Diagnostic, Expr, Language, Module, Span, Type};
use tree_sitter::Node;

use crate::common;
use crate::Lowered;

/// Lowers one Java file.
pub(crate) fn lower(name: &str, source: &str) -> Lowered {
    let mut diagnostics = Vec::new();
    let mut module = Module {
        language: Language::Java,
        name: name.to_string(),
        doc: None,
        items: Vec::new(),
    };
    if let Some(tree) = common::parse(Language::Java, source) {
        diagnostics.extend(common::syntax_errors(tree.root_node(), source));
        let mut l = Lowerer::new(source);
        l.program(tree.root_node(), &mut module);
        diagnostics.extend(l.diags);
    }
    Lowered {
        module,
        diagnostics,
    }
}

/// What the lowering knows about a user class.
#[derive(Debug, Default, Clone)]
pub(super) struct ClassInfo {
    pub(super) fields: HashMap<String, Type>,
    pub(super) methods: HashMap<String, Type>,
    pub(super) extends: Option<String>,
    pub(super) implements: Vec<String>,
    pub(super) static_fields: HashSet<String>,
}

/// The lowering state for one file.
pub(super) struct Lowerer<'s> {
    pub(super) src: &'s str,
    pub(super) diags: Vec<Diagnostic>,
    /// Local variables, innermost scope last.
    pub(super) scopes: Vec<HashMap<String, Type>>,
    /// Locals declared as `Stack` (push/pop at the back).
    pub(super) stacks: HashSet<String>,
    /// Map-entry loop variables: entry name → (key local, value local).
    pub(super) entries: HashMap<String, (String, String)>,
    pub(super) classes: HashMap<String, ClassInfo>,
    /// Module functions and their result types.
    pub(super) functions: HashMap<String, Type>,
    /// Module globals and their types.
    pub(super) globals: HashMap<String, Type>,
    /// The module class name.
    pub(super) module_class: String,
    /// The user class whose members are being lowered, if any.
    pub(super) current: Option<String>,
    /// Lambda parameters applied inline, standing for the argument's expression
    /// (see `functional.rs`).
    pub(super) aliases: HashMap<String, Expr>,
    /// Classes declared inside method bodies, lowered as classes of the module.
    pub(super) hoisted: Vec<ferry_ir::Item>,
}

impl<'s> Lowerer<'s> {
    fn new(src: &'s str) -> Lowerer<'s> {
        Lowerer {
            src,
            diags: Vec::new(),
            scopes: Vec::new(),
            stacks: HashSet::new(),
            entries: HashMap::new(),
            classes: HashMap::new(),
            functions: HashMap::new(),
            globals: HashMap::new(),
            module_class: String::new(),
            current: None,
            aliases: HashMap::new(),
            hoisted: Vec::new(),
        }
    }

    pub(super) fn text(&self, node: Node<'_>) -> &'s str {
        common::text(node, self.src)
    }

    pub(super) fn unsupported(&mut self, node: Node<'_>, what: &str) -> ferry_ir::Unsupported {
        common::unsupported(node, self.src, what, &mut self.diags)
    }

    pub(super) fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    pub(super) fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    pub(super) fn declare(&mut self, name: &str, ty: Type) {
        // A local declared later hides an earlier pattern binding of the same name.
        self.aliases.remove(name);
        if let Some(s) = self.scopes.last_mut() {
            s.insert(name.to_string(), ty);
        }
    }

    pub(super) fn local(&self, name: &str) -> Option<Type> {
        self.scopes.iter().rev().find_map(|s| s.get(name).cloned())
    }

    /// The type of a field of a class, searching superclasses.
    pub(super) fn field_type(&self, class: &str, name: &str) -> Option<Type> {
        let mut cur = class.to_string();
        for _ in 0..16 {
            let info = self.classes.get(&cur)?;
            if let Some(t) = info.fields.get(name) {
                return Some(t.clone());
            }
            cur = info.extends.clone()?;
        }
        None
    }

    /// The class declaring `name` as a static field, searching superclasses.
    pub(super) fn static_field_owner(&self, class: &str, name: &str) -> Option<String> {
        let mut cur = class.to_string();
        for _ in 0..16 {
            let info = self.classes.get(&cur)?;
            if info.fields.contains_key(name) {
                return info.static_fields.contains(name).then_some(cur);
            }
            cur = info.extends.clone()?;
        }
        None
    }

    /// The result type of a method of a class, searching superclasses.
    pub(super) fn method_type(&self, class: &str, name: &str) -> Option<Type> {
        let mut todo = vec![class.to_string()];
        let mut steps = 0;
        while let Some(cur) = todo.pop() {
            steps += 1;
            if steps > 64 {
                break;
            }
            let Some(info) = self.classes.get(&cur) else {
                continue;
            };
            if let Some(t) = info.methods.get(name) {
                return Some(t.clone());
            }
            todo.extend(info.extends.iter().cloned());
            todo.extend(info.implements.iter().cloned());
        }
        None
    }
}

pub(super) fn span(node: Node<'_>) -> Span {
    common::span(node)
}

#[cfg(test)]
mod tests;
