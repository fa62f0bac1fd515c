//! Declarations: the module class, user classes, fields, methods and constructors.

use ferry_ir::{Class, ClassKind, Field, Function, Global, Item, Module, Param, Type};
use tree_sitter::Node;

use super::{span, ClassInfo, Lowerer};
use crate::common::{field_children, named_children};

const EXCEPTION_BASES: &[&str] = &[
    "Exception",
    "RuntimeException",
    "IllegalArgumentException",
    "IllegalStateException",
    "Error",
];

fn has_modifier(l: &Lowerer<'_>, node: Node<'_>, m: &str) -> bool {
    named_children(node)
        .into_iter()
        .find(|c| c.kind() == "modifiers")
        .is_some_and(|mods| l.text(mods).split_whitespace().any(|w| w == m))
}

fn body_members(node: Node<'_>) -> Vec<Node<'_>> {
    field_children(node, "body")
}

impl Lowerer<'_> {
    /// The javadoc just before a declaration, without its comment markers.
    fn doc_of(&self, node: Node<'_>) -> Option<String> {
        let prev = node.prev_named_sibling()?;
        if prev.kind() != "block_comment" {
            return None;
        }
        let t = self.text(prev);
        let t = t.strip_prefix("/**")?.strip_suffix("*/")?;
        let lines: Vec<String> = t
            .lines()
            .map(|l| l.trim().trim_start_matches('*').trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            None
        } else {
            Some(lines.join("\n"))
        }
    }

    /// A class that only groups methods: no state (fields, constructors), no supertypes, and never
    /// named elsewhere in the file, so nothing can tell its instances apart. Its methods are
    /// module functions.
    fn is_namespace_class(&self, class: Node<'_>) -> bool {
        let Some(name) = class.child_by_field_name("name").map(|n| self.text(n)) else {
            return false;
        };
        let mentions = self
            .src
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .filter(|w| *w == name)
            .count();
        class.kind() == "class_declaration"
            && class.child_by_field_name("superclass").is_none()
            && class.child_by_field_name("interfaces").is_none()
            && mentions == 1
            && body_members(class)
                .iter()
                .all(|m| m.kind() == "method_declaration" && !has_modifier(self, *m, "abstract"))
    }

    pub(super) fn program(&mut self, root: Node<'_>, module: &mut Module) {
        let tops: Vec<Node<'_>> = named_children(root)
            .into_iter()
            .filter(|n| {
                matches!(
                    n.kind(),
                    "class_declaration"
                        | "interface_declaration"
                        | "enum_declaration"
                        | "record_declaration"
                )
            })
            .collect();
        let module_class = tops
            .iter()
            .find(|c| {
                c.kind() == "class_declaration"
                    && body_members(**c).iter().any(|m| {
                        m.kind() == "method_declaration"
                            && m.child_by_field_name("name")
                                .is_some_and(|n| self.text(n) == "main")
                    })
            })
            .or_else(|| {
                tops.iter().find(|c| {
                    c.kind() == "class_declaration"
                        && body_members(**c).iter().all(|m| {
                            !matches!(m.kind(), "method_declaration" | "field_declaration")
                                || has_modifier(self, *m, "static")
                        })
                })
            })
            .or_else(|| tops.iter().find(|c| self.is_namespace_class(**c)))
            .copied();
        if let Some(mc) = module_class {
            self.module_class = mc
                .child_by_field_name("name")
                .map(|n| self.text(n).to_string())
                .unwrap_or_default();
            module.doc = self.doc_of(mc);
        }
        // Pass 1: signatures.
        let mut all_classes: Vec<Node<'_>> = Vec::new();
        for top in &tops {
            if Some(*top) == module_class {
                for m in body_members(*top) {
                    match m.kind() {
                        "method_declaration" => {
                            let (name, ret) = self.method_signature(m);
                            self.functions.insert(name, ret);
                        }
                        "field_declaration" => {
                            let base = m
                                .child_by_field_name("type")
                                .map_or(Type::Unknown, |t| self.lower_type(t));
                            for d in declarators(m) {
                                let name = d
                                    .child_by_field_name("name")
                                    .map(|n| self.text(n).to_string())
                                    .unwrap_or_default();
                                self.globals.insert(name, with_dims(self, d, base.clone()));
                            }
                        }
                        "class_declaration"
                        | "interface_declaration"
                        | "enum_declaration"
                        | "record_declaration" => all_classes.push(m),
                        _ => {}
                    }
                }
            } else {
                all_classes.push(*top);
                for m in body_members(*top) {
                    if matches!(m.kind(), "class_declaration" | "interface_declaration") {
                        all_classes.push(m);
                    }
                }
            }
        }
        for c in &all_classes {
            self.collect_class(*c);
        }
        // Pass 2: bodies.
        if let Some(mc) = module_class {
            for m in body_members(mc) {
                match m.kind() {
                    "method_declaration" => {
                        let f = self.method(m, None);
                        module.items.push(Item::Function(f));
                    }
                    "field_declaration" => {
                        for g in self.globals_of(m) {
                            module.items.push(Item::Global(g));
                        }
                    }
                    "class_declaration"
                    | "interface_declaration"
                    | "enum_declaration"
                    | "record_declaration" => {
                        module
                            .items
                            .push(self.class(m).map_or_else(Item::Unsupported, Item::Class));
                    }
                    "block_comment" | "line_comment" => {}
                    _ => {
                        let u = self.unsupported(
                            m,
                            &format!("{} in the main class", m.kind().replace('_', " ")),
                        );
                        module.items.push(Item::Unsupported(u));
                    }
                }
            }
        }
        for c in all_classes {
            if module_class.is_some_and(|mc| c.parent().and_then(|p| p.parent()) == Some(mc)) {
                continue;
            }
            module
                .items
                .push(self.class(c).map_or_else(Item::Unsupported, Item::Class));
        }
        module.items.append(&mut self.hoisted);
    }

    /// A class declared inside a method body. One that reads no local of the enclosing method
    /// is the same as a class declared outside it, so it becomes a class of the module.
    pub(super) fn local_class(&mut self, node: Node<'_>) -> Option<ferry_ir::Unsupported> {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        if self.classes.contains_key(&name) || self.local(&name).is_some() {
            return Some(self.unsupported(node, "local class hiding another name"));
        }
        if captures_local(self, node) {
            return Some(self.unsupported(node, "local class reading local variables"));
        }
        self.collect_class(node);
        let scopes = std::mem::take(&mut self.scopes);
        let current = self.current.take();
        let class = self.class(node);
        self.scopes = scopes;
        self.current = current;
        match class {
            Ok(c) => {
                self.hoisted.push(Item::Class(c));
                None
            }
            Err(u) => Some(u),
        }
    }

    /// A method's name and declared result type.
    fn method_signature(&mut self, method: Node<'_>) -> (String, Type) {
        let name = method
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let ret = method
            .child_by_field_name("type")
            .map_or(Type::Void, |t| self.lower_type(t));
        (name, ret)
    }

    fn collect_class(&mut self, node: Node<'_>) {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let mut info = ClassInfo {
            extends: node
                .child_by_field_name("superclass")
                .and_then(|s| named_children(s).into_iter().next())
                .map(|t| self.text(t).to_string()),
            ..ClassInfo::default()
        };
        let iface_node = if node.kind() == "interface_declaration" {
            named_children(node)
                .into_iter()
                .find(|c| c.kind() == "extends_interfaces")
        } else {
            node.child_by_field_name("interfaces")
        };
        if let Some(i) = iface_node {
            for c in named_children(i) {
                if c.kind() == "type_list" {
                    info.implements.extend(
                        named_children(c)
                            .into_iter()
                            .map(|t| self.text(t).to_string()),
                    );
                } else {
                    info.implements.push(self.text(c).to_string());
                }
            }
        }
        for m in body_members(node) {
            match m.kind() {
                "method_declaration" => {
                    let (name, ret) = self.method_signature(m);
                    info.methods.insert(name, ret);
                }
                "field_declaration" | "constant_declaration" => {
                    let base = m
                        .child_by_field_name("type")
                        .map_or(Type::Unknown, |t| self.lower_type(t));
                    let is_static =
                        has_modifier(self, m, "static") || m.kind() == "constant_declaration";
                    for d in declarators(m) {
                        let fname = d
                            .child_by_field_name("name")
                            .map(|n| self.text(n).to_string())
                            .unwrap_or_default();
                        if is_static {
                            info.static_fields.insert(fname.clone());
                        }
                        info.fields.insert(fname, with_dims(self, d, base.clone()));
                    }
                }
                _ => {}
            }
        }
        self.classes.insert(name, info);
    }

    fn globals_of(&mut self, node: Node<'_>) -> Vec<Global> {
        let is_final = has_modifier(self, node, "final");
        let doc = self.doc_of(node);
        let base = node
            .child_by_field_name("type")
            .map_or(Type::Unknown, |t| self.lower_type(t));
        let mut out = Vec::new();
        for d in declarators(node) {
            let name = d
                .child_by_field_name("name")
                .map(|n| self.text(n).to_string())
                .unwrap_or_default();
            let ty = with_dims(self, d, base.clone());
            let init = match d.child_by_field_name("value") {
                Some(v) => self.expr_expect(v, &ty),
                None => self.default_value(&ty, d),
            };
            out.push(Global {
                name,
                ty,
                init,
                is_const: is_final,
                doc: doc.clone(),
                span: span(d),
            });
        }
        out
    }

    fn class(&mut self, node: Node<'_>) -> Result<Class, ferry_ir::Unsupported> {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        if matches!(node.kind(), "enum_declaration" | "record_declaration") {
            return Err(self.unsupported(node, node.kind().replace('_', " ").as_str()));
        }
        if node.child_by_field_name("type_parameters").is_some() {
            return Err(self.unsupported(node, "generic class"));
        }
        let is_interface = node.kind() == "interface_declaration";
        let kind = if is_interface {
            ClassKind::Interface
        } else if has_modifier(self, node, "abstract") {
            ClassKind::Abstract
        } else {
            ClassKind::Class
        };
        let mut extends = self.classes.get(&name).and_then(|c| c.extends.clone());
        if extends
            .as_deref()
            .is_some_and(|e| EXCEPTION_BASES.contains(&e))
        {
            extends = Some("Exception".to_string());
        }
        let iface_node = if is_interface {
            named_children(node)
                .into_iter()
                .find(|c| c.kind() == "extends_interfaces")
        } else {
            node.child_by_field_name("interfaces")
        };
        let implements: Vec<String> = iface_node
            .map(|i| {
                let mut names = Vec::new();
                for c in named_children(i) {
                    if c.kind() == "type_list" {
                        names.extend(
                            named_children(c)
                                .into_iter()
                                .map(|t| self.text(t).to_string()),
                        );
                    } else {
                        names.push(self.text(c).to_string());
                    }
                }
                names
            })
            .unwrap_or_default();
        let saved = self.current.replace(name.clone());
        let mut class = Class {
            name: name.clone(),
            kind,
            extends,
            implements,
            fields: Vec::new(),
            constructors: Vec::new(),
            methods: Vec::new(),
            doc: self.doc_of(node),
            span: span(node),
        };
        for m in body_members(node) {
            match m.kind() {
                "field_declaration" | "constant_declaration" => {
                    let is_static = has_modifier(self, m, "static") || is_interface;
                    let is_final = has_modifier(self, m, "final") || is_interface;
                    for g in self.globals_of(m) {
                        class.fields.push(Field {
                            name: g.name,
                            ty: g.ty,
                            init: Some(g.init),
                            is_static,
                            is_final,
                            span: g.span,
                        });
                    }
                    for f in &mut class.fields {
                        if let Some(init) = &f.init {
                            if matches!(init.kind, ferry_ir::ExprKind::Lit(_))
                                && !f.is_final
                                && !f.is_static
                            {
                                // keep explicit initialisers
                            }
                        }
                    }
                }
                "method_declaration" => {
                    let f = self.method(m, Some(kind));
                    class.methods.push(f);
                }
                "constructor_declaration" => {
                    let mut f = self.method(m, Some(kind));
                    f.name = name.clone();
                    f.ret = Type::Void;
                    class.constructors.push(f);
                }
                "class_declaration"
                | "interface_declaration"
                | "block_comment"
                | "line_comment" => {}
                _ => {
                    let _ = self.unsupported(m, &m.kind().replace('_', " "));
                }
            }
        }
        // Fields declared without an initialiser keep `None` so constructors own them.
        for (f, m) in class
            .fields
            .iter_mut()
            .zip(field_decl_has_value(self, node))
        {
            if !m {
                f.init = None;
            }
        }
        self.current = saved;
        Ok(class)
    }

    /// A method, constructor or module function.
    pub(super) fn method(&mut self, node: Node<'_>, owner: Option<ClassKind>) -> Function {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let ret = node
            .child_by_field_name("type")
            .map_or(Type::Void, |t| self.lower_type(t));
        let is_static = has_modifier(self, node, "static");
        // Pattern bindings and inlined parameters of an enclosing body are not visible here.
        let outer_aliases = std::mem::take(&mut self.aliases);
        self.push_scope();
        let mut params = Vec::new();
        if let Some(ps) = node.child_by_field_name("parameters") {
            for p in named_children(ps) {
                let variadic = p.kind() == "spread_parameter";
                if !matches!(p.kind(), "formal_parameter" | "spread_parameter") {
                    continue;
                }
                let ty = named_children(p)
                    .into_iter()
                    .find(|c| {
                        !matches!(
                            c.kind(),
                            "modifiers" | "identifier" | "variable_declarator" | "dimensions"
                        )
                    })
                    .map_or(Type::Unknown, |t| self.lower_type(t));
                let pname_node = p.child_by_field_name("name").or_else(|| {
                    named_children(p)
                        .into_iter()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name"))
                });
                let pname = pname_node
                    .map(|n| self.text(n).to_string())
                    .unwrap_or_default();
                let decl_ty = if variadic {
                    Type::array(ty.clone())
                } else {
                    ty.clone()
                };
                self.declare(&pname, decl_ty);
                params.push(Param {
                    name: pname,
                    ty,
                    variadic,
                    default: None,
                    span: span(p),
                });
            }
        }
        let is_main = owner.is_none() && name == "main";
        if is_main {
            params.clear();
        }
        let body = node.child_by_field_name("body").map(|b| self.block(b));
        self.pop_scope();
        self.aliases = outer_aliases;
        let _ = owner;
        let mut f = Function {
            name,
            params,
            ret,
            body,
            is_static,
            doc: self.doc_of(node),
            span: span(node),
        };
        if is_main {
            f.ret = Type::Void;
        }
        f
    }
}

/// Whether an identifier under `node` names a local variable in scope.
fn captures_local(l: &Lowerer<'_>, node: Node<'_>) -> bool {
    if node.kind() == "identifier" && l.local(l.text(node)).is_some() {
        return true;
    }
    let mut cursor = node.walk();
    let kids: Vec<Node<'_>> = node.children(&mut cursor).collect();
    kids.into_iter().any(|k| captures_local(l, k))
}

/// The variable declarators of a field or local declaration.
pub(super) fn declarators(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    node.children_by_field_name("declarator", &mut cursor)
        .collect()
}

/// `int a[]`: extra dimensions written after the name.
pub(super) fn with_dims(l: &Lowerer<'_>, declarator: Node<'_>, mut ty: Type) -> Type {
    if let Some(d) = declarator.child_by_field_name("dimensions") {
        for _ in 0..l.text(d).matches('[').count() {
            ty = Type::array(ty);
        }
    }
    ty
}

/// For each field declarator of a class, in order, whether it has an initialiser.
fn field_decl_has_value(l: &Lowerer<'_>, class: Node<'_>) -> Vec<bool> {
    let _ = l;
    let mut out = Vec::new();
    for m in body_members(class) {
        if matches!(m.kind(), "field_declaration" | "constant_declaration") {
            for d in declarators(m) {
                out.push(d.child_by_field_name("value").is_some());
            }
        }
    }
    out
}
