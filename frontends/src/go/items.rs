//! Top-level declarations: structs and their methods become classes, `NewT` functions their
//! constructors, interfaces become interface classes, `var`/`const` globals.

use std::collections::HashMap;

use ferry_ir::{
    Block, Class, ClassKind, Expr, ExprKind, Field, Function, Global, Item, Param, StmtKind, Type,
};
use tree_sitter::Node;

use super::types::zero_value;
use super::{stmt, ClassInfo, FuncSig, Lowerer};
use crate::common;

impl Lowerer<'_> {
    /// First pass: signatures of everything declared at the top level.
    pub(super) fn collect(&mut self, root: Node<'_>) {
        let top = common::named_children(root);
        for node in &top {
            if node.kind() == "type_declaration" {
                for spec in common::named_children(*node) {
                    if spec.kind() == "type_spec" {
                        self.collect_type(spec);
                    }
                }
            }
        }
        for node in &top {
            match node.kind() {
                "function_declaration" if node.child_by_field_name("type_parameters").is_none() => {
                    let name = node
                        .child_by_field_name("name")
                        .map(|n| self.text(n))
                        .unwrap_or("");
                    let sig = self.signature(*node);
                    if let Type::Named(class) = &sig.ret {
                        let is_struct = self.classes.get(class).is_some_and(|c| !c.is_interface);
                        if is_struct && name == format!("New{class}") && !sig.returns_error {
                            self.ctors.insert(name.to_string(), class.clone());
                            if let Some(c) = self.classes.get_mut(class) {
                                c.ctor = Some(name.to_string());
                            }
                        }
                    }
                    self.funcs.insert(name.to_string(), sig);
                }
                "method_declaration" => {
                    let name = node
                        .child_by_field_name("name")
                        .map(|n| self.text(n))
                        .unwrap_or("");
                    let sig = self.signature(*node);
                    if let Some((_, class)) = self.receiver_of(*node) {
                        if let Some(c) = self.classes.get_mut(&class) {
                            c.methods.insert(name.to_string(), sig);
                        }
                    }
                }
                _ => {}
            }
        }
        for node in &top {
            if matches!(node.kind(), "var_declaration" | "const_declaration") {
                self.collect_global_types(*node);
            }
        }
    }

    fn collect_type(&mut self, spec: Node<'_>) {
        let Some(name) = spec
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
        else {
            return;
        };
        let Some(ty) = spec.child_by_field_name("type") else {
            return;
        };
        let mut info = ClassInfo::default();
        match ty.kind() {
            "struct_type" => {
                for list in common::named_children(ty) {
                    for fd in common::named_children(list) {
                        if fd.kind() != "field_declaration" {
                            continue;
                        }
                        let Some(tn) = fd.child_by_field_name("type") else {
                            continue;
                        };
                        let fty = self.lower_type(tn);
                        let mut cursor = fd.walk();
                        let names: Vec<String> = fd
                            .children_by_field_name("name", &mut cursor)
                            .map(|n| self.text(n).to_string())
                            .collect();
                        if names.is_empty() {
                            if let Type::Named(base) = &fty {
                                info.embeds = Some(base.clone());
                            }
                        }
                        for n in names {
                            info.fields.push((n, fty.clone()));
                        }
                    }
                }
            }
            "interface_type" => {
                info.is_interface = true;
                for elem in common::named_children(ty) {
                    if elem.kind() == "method_elem" {
                        let mname = elem
                            .child_by_field_name("name")
                            .map(|n| self.text(n))
                            .unwrap_or("");
                        let sig = self.signature(elem);
                        info.methods.insert(mname.to_string(), sig);
                    }
                }
            }
            // `type Celsius float64`: the underlying type.
            _ => {
                let underlying = self.lower_type(ty);
                self.aliases.insert(name, underlying);
                return;
            }
        }
        self.classes.insert(name, info);
    }

    fn signature(&mut self, node: Node<'_>) -> FuncSig {
        let params = node
            .child_by_field_name("parameters")
            .map(|p| self.param_types(p))
            .unwrap_or_default();
        let (ret, returns_error) = match node.child_by_field_name("result") {
            Some(r) => {
                let (t, e, _) = self.result_type(r);
                (t, e)
            }
            None => (Type::Void, false),
        };
        FuncSig {
            params,
            ret,
            returns_error,
        }
    }

    /// The receiver `(name, class)` of a method declaration.
    fn receiver_of(&mut self, node: Node<'_>) -> Option<(String, String)> {
        let list = node.child_by_field_name("receiver")?;
        let params = self.params_of(list);
        let (name, ty, _) = params.into_iter().next()?;
        match ty {
            Type::Named(class) => Some((name, class)),
            _ => None,
        }
    }

    fn collect_global_types(&mut self, node: Node<'_>) {
        for spec in self.var_specs(node) {
            let ty = spec.child_by_field_name("type").map(|t| self.lower_type(t));
            let names = self.spec_names(spec);
            let values = common::field_children(spec, "value");
            for (i, n) in names.iter().enumerate() {
                if let Some(v) = values.get(i) {
                    if self.bind_regex(std::slice::from_ref(n), *v) {
                        continue;
                    }
                }
                let t = match (&ty, values.get(i)) {
                    (Some(t), _) => t.clone(),
                    (None, Some(v)) => self.peek_type(*v),
                    _ => Type::Unknown,
                };
                self.globals.insert(n.clone(), t);
            }
        }
    }

    /// The type of an expression, lowered without keeping diagnostics.
    fn peek_type(&mut self, node: Node<'_>) -> Type {
        let saved = self.diags.len();
        let t = self.lower_expr(node).ty;
        self.diags.truncate(saved);
        t
    }

    pub(super) fn var_specs<'t>(&self, node: Node<'t>) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        for child in common::named_children(node) {
            match child.kind() {
                "var_spec" | "const_spec" => out.push(child),
                "var_spec_list" => out.extend(
                    common::named_children(child)
                        .into_iter()
                        .filter(|c| c.kind() == "var_spec"),
                ),
                _ => {}
            }
        }
        out
    }

    pub(super) fn spec_names(&self, spec: Node<'_>) -> Vec<String> {
        let mut cursor = spec.walk();
        spec.children_by_field_name("name", &mut cursor)
            .filter(|n| n.kind() == "identifier")
            .map(|n| self.text(n).to_string())
            .collect()
    }

    /// Second pass: the items, in source order.
    pub(super) fn lower_items(&mut self, root: Node<'_>) -> Vec<Item> {
        let top = common::named_children(root);
        let mut methods: HashMap<String, Vec<Node<'_>>> = HashMap::new();
        let mut ctor_nodes: HashMap<String, Node<'_>> = HashMap::new();
        for node in &top {
            if node.kind() == "method_declaration" {
                if let Some((_, class)) = self.receiver_of(*node) {
                    methods.entry(class).or_default().push(*node);
                }
            }
            if node.kind() == "function_declaration" {
                let name = node
                    .child_by_field_name("name")
                    .map(|n| self.text(n))
                    .unwrap_or("");
                if let Some(class) = self.ctors.get(name) {
                    ctor_nodes.insert(class.clone(), *node);
                }
            }
        }
        let mut items = Vec::new();
        for node in top {
            match node.kind() {
                "package_clause" | "import_declaration" | "comment" | "ERROR" => {}
                "type_declaration" => {
                    for spec in common::named_children(node) {
                        if spec.kind() != "type_spec" {
                            continue;
                        }
                        let name = spec
                            .child_by_field_name("name")
                            .map(|n| self.text(n).to_string())
                            .unwrap_or_default();
                        if self.aliases.contains_key(&name) {
                            continue;
                        }
                        if !self.classes.contains_key(&name) {
                            let u = common::unsupported(
                                spec,
                                self.src,
                                "type declaration",
                                &mut self.diags,
                            );
                            items.push(Item::Unsupported(u));
                            continue;
                        }
                        let ms = methods.remove(&name).unwrap_or_default();
                        let ctor = ctor_nodes.get(&name).copied();
                        let doc = self.doc_of(node);
                        items.push(Item::Class(self.lower_class(spec, &name, &ms, ctor, doc)));
                    }
                }
                "function_declaration" => {
                    let name = node
                        .child_by_field_name("name")
                        .map(|n| self.text(n))
                        .unwrap_or("");
                    if self.ctors.contains_key(name) {
                        continue;
                    }
                    if node.child_by_field_name("type_parameters").is_some() {
                        let u = common::unsupported(
                            node,
                            self.src,
                            "generic function",
                            &mut self.diags,
                        );
                        items.push(Item::Unsupported(u));
                        continue;
                    }
                    items.push(Item::Function(self.lower_function(node, None)));
                }
                "method_declaration" => {
                    if self.receiver_of(node).is_none() {
                        let u = common::unsupported(
                            node,
                            self.src,
                            "method on a non-struct type",
                            &mut self.diags,
                        );
                        items.push(Item::Unsupported(u));
                    }
                }
                "var_declaration" | "const_declaration" => {
                    let is_const = node.kind() == "const_declaration";
                    items.extend(self.lower_globals(node, is_const));
                }
                _ => {
                    let u =
                        common::unsupported(node, self.src, "top-level statement", &mut self.diags);
                    items.push(Item::Unsupported(u));
                }
            }
        }
        items
    }

    fn lower_globals(&mut self, node: Node<'_>, is_const: bool) -> Vec<Item> {
        let mut out = Vec::new();
        let doc = self.doc_of(node);
        for spec in self.var_specs(node) {
            let names = self.spec_names(spec);
            let values = common::field_children(spec, "value");
            let declared = spec.child_by_field_name("type").map(|t| self.lower_type(t));
            if names.len() != values.len() && !(values.is_empty() && declared.is_some()) {
                let u = common::unsupported(spec, self.src, "global declaration", &mut self.diags);
                out.push(Item::Unsupported(u));
                continue;
            }
            for (i, name) in names.iter().enumerate() {
                if self.regexes.contains_key(name)
                    && values
                        .get(i)
                        .is_some_and(|v| self.regex_pattern(*v).is_some())
                {
                    continue;
                }
                let init = match values.get(i) {
                    Some(v) => {
                        let e = self.lower_expr(*v);
                        match &declared {
                            Some(t) => self.coerce(e, t),
                            None => e,
                        }
                    }
                    None => zero_value(
                        declared.as_ref().unwrap_or(&Type::Unknown),
                        common::span(spec),
                    ),
                };
                let ty = declared.clone().unwrap_or_else(|| init.ty.clone());
                out.push(Item::Global(Global {
                    name: name.clone(),
                    ty,
                    init,
                    is_const,
                    doc: doc.clone(),
                    span: common::span(spec),
                }));
            }
        }
        out
    }

    fn lower_class(
        &mut self,
        spec: Node<'_>,
        name: &str,
        methods: &[Node<'_>],
        ctor: Option<Node<'_>>,
        doc: Option<String>,
    ) -> Class {
        let info = self.classes.get(name).cloned().unwrap_or_default();
        let span = common::span(spec);
        if info.is_interface {
            let mut ms = Vec::new();
            if let Some(ty) = spec.child_by_field_name("type") {
                for elem in common::named_children(ty) {
                    if elem.kind() != "method_elem" {
                        continue;
                    }
                    let mname = elem
                        .child_by_field_name("name")
                        .map(|n| self.text(n))
                        .unwrap_or("");
                    let sig = self.signature(elem);
                    let params = elem
                        .child_by_field_name("parameters")
                        .map(|p| self.params_of(p))
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(n, ty, variadic)| Param {
                            name: n,
                            ty,
                            variadic,
                            default: None,
                            span: common::span(elem),
                        })
                        .collect();
                    ms.push(Function {
                        name: mname.to_string(),
                        params,
                        ret: sig.ret,
                        body: None,
                        is_static: false,
                        doc: self.doc_of(elem),
                        span: common::span(elem),
                    });
                }
            }
            return Class {
                name: name.to_string(),
                kind: ClassKind::Interface,
                extends: None,
                implements: Vec::new(),
                fields: Vec::new(),
                constructors: Vec::new(),
                methods: ms,
                doc,
                span,
            };
        }
        let fields: Vec<Field> = info
            .fields
            .iter()
            .map(|(n, t)| Field {
                name: n.clone(),
                ty: t.clone(),
                init: Some(zero_value(t, span)),
                is_static: false,
                is_final: false,
                span,
            })
            .collect();
        let mut implements = Vec::new();
        let mut ifaces: Vec<(&String, &ClassInfo)> = self
            .classes
            .iter()
            .filter(|(_, c)| c.is_interface)
            .collect();
        ifaces.sort_by(|a, b| a.0.cmp(b.0));
        for (iname, iinfo) in ifaces {
            if !iinfo.methods.is_empty()
                && iinfo
                    .methods
                    .keys()
                    .all(|m| self.method_sig(name, m).is_some())
            {
                implements.push(iname.clone());
            }
        }
        let constructors = match ctor {
            Some(node) => vec![self.lower_constructor(node, name)],
            // `T{a, b}` literals construct with every field, in order.
            None if !info.fields.is_empty() && info.embeds.is_none() => {
                vec![all_fields_constructor(name, &info.fields, span)]
            }
            None => Vec::new(),
        };
        let ms = methods.iter().map(|m| {
            let recv = self.receiver_of(*m);
            self.lower_function(*m, recv)
        });
        let ms: Vec<Function> = ms.collect();
        Class {
            name: name.to_string(),
            kind: ClassKind::Class,
            extends: info.embeds.clone(),
            implements,
            fields,
            constructors,
            methods: ms,
            doc,
            span,
        }
    }

    fn lower_params(&mut self, node: Node<'_>) -> Vec<Param> {
        let span = common::span(node);
        node.child_by_field_name("parameters")
            .map(|p| self.params_of(p))
            .unwrap_or_default()
            .into_iter()
            .map(|(name, ty, variadic)| Param {
                name,
                ty,
                variadic,
                default: None,
                span,
            })
            .collect()
    }

    /// A function or method (`receiver` is `(name, class)` for methods).
    pub(super) fn lower_function(
        &mut self,
        node: Node<'_>,
        receiver: Option<(String, String)>,
    ) -> Function {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n))
            .unwrap_or("")
            .to_string();
        let params = self.lower_params(node);
        let (ret, returns_error, named) = match node.child_by_field_name("result") {
            Some(r) => self.result_type(r),
            None => (Type::Void, false, Vec::new()),
        };
        self.current = FuncSig {
            params: params.iter().map(|p| p.ty.clone()).collect(),
            ret: ret.clone(),
            returns_error,
        };
        self.named_results = named.clone();
        self.receiver = receiver.as_ref().map(|(n, _)| n.clone());
        self.scopes.clear();
        self.push_scope();
        for p in &params {
            let t = if p.variadic {
                Type::list(p.ty.clone())
            } else {
                p.ty.clone()
            };
            self.declare(&p.name, t);
        }
        if let Some((_, class)) = &receiver {
            if let Some(r) = &self.receiver.clone() {
                self.declare(r, Type::Named(class.clone()));
            }
        }
        let span = common::span(node);
        let body = node.child_by_field_name("body").map(|b| {
            let mut stmts = Vec::new();
            for (n, t) in &named {
                self.declare(n, t.clone());
                stmts.push(stmt(
                    StmtKind::Let {
                        name: n.clone(),
                        ty: t.clone(),
                        init: Some(zero_value(t, span)),
                    },
                    span,
                ));
            }
            stmts.extend(self.lower_body(b));
            Block::new(stmts)
        });
        self.pop_scope();
        self.receiver = None;
        Function {
            name,
            params,
            ret,
            body,
            is_static: false,
            doc: self.doc_of(node),
            span,
        }
    }

    /// `func NewT(...) *T { ...; return &T{...} }` as T's constructor.
    fn lower_constructor(&mut self, node: Node<'_>, class: &str) -> Function {
        let params = self.lower_params(node);
        let span = common::span(node);
        self.current = FuncSig::default();
        self.named_results.clear();
        self.receiver = None;
        self.scopes.clear();
        self.push_scope();
        for p in &params {
            self.declare(&p.name, p.ty.clone());
        }
        let mut stmts = Vec::new();
        let body = node.child_by_field_name("body");
        let list: Vec<Node<'_>> = body
            .and_then(|b| b.named_child(0))
            .map(common::named_children)
            .unwrap_or_default();
        let count = list.len();
        for (i, s) in list.into_iter().enumerate() {
            if s.kind() == "comment" {
                continue;
            }
            let last = i + 1 == count;
            if let Some(lit) = self.ctor_literal(s, class, last) {
                if s.kind() == "short_var_declaration" {
                    let alias = s
                        .child_by_field_name("left")
                        .and_then(|l| l.named_child(0))
                        .map(|n| self.text(n).to_string());
                    if let Some(a) = &alias {
                        self.declare(a, Type::Named(class.to_string()));
                    }
                    self.receiver = alias;
                }
                stmts.extend(self.field_assigns(lit, class));
                continue;
            }
            if last && s.kind() == "return_statement" {
                let ret_name = s
                    .named_child(0)
                    .and_then(|l| l.named_child(0))
                    .map(|n| self.text(n));
                if ret_name.is_some() && ret_name.map(str::to_string) == self.receiver {
                    continue;
                }
            }
            if s.kind() == "return_statement" {
                stmts.push(self.unsupported_stmt(s, "constructor return"));
                continue;
            }
            stmts.extend(self.lower_stmt(s));
        }
        self.pop_scope();
        self.receiver = None;
        Function {
            name: class.to_string(),
            params,
            ret: Type::Void,
            body: Some(Block::new(stmts)),
            is_static: false,
            doc: self.doc_of(node),
            span,
        }
    }

    /// The composite literal `T{..}` of `return &T{..}` (last) or `x := &T{..}`.
    fn ctor_literal<'t>(&self, s: Node<'t>, class: &str, last: bool) -> Option<Node<'t>> {
        let value = match s.kind() {
            "return_statement" if last => s.named_child(0)?.named_child(0)?,
            "short_var_declaration" => {
                let left = s.child_by_field_name("left")?;
                if left.named_child_count() != 1 || self.receiver.is_some() {
                    return None;
                }
                s.child_by_field_name("right")?.named_child(0)?
            }
            _ => return None,
        };
        let lit = if value.kind() == "unary_expression" {
            value.child_by_field_name("operand")?
        } else {
            value
        };
        if lit.kind() != "composite_literal" {
            return None;
        }
        let ty = lit.child_by_field_name("type")?;
        (self.text(ty) == class).then_some(lit)
    }

    /// `this.f = v` for each element of a struct literal.
    fn field_assigns(&mut self, lit: Node<'_>, class: &str) -> Vec<ferry_ir::Stmt> {
        let mut out = Vec::new();
        let fields = self
            .classes
            .get(class)
            .map(|c| c.fields.clone())
            .unwrap_or_default();
        let Some(body) = lit.child_by_field_name("body") else {
            return out;
        };
        for (i, el) in common::named_children(body).into_iter().enumerate() {
            let span = common::span(el);
            let (fname, vnode) = if el.kind() == "keyed_element" {
                let key = el
                    .child_by_field_name("key")
                    .map(|k| self.text(k).to_string());
                (key, el.child_by_field_name("value"))
            } else if el.kind() == "literal_element" {
                (fields.get(i).map(|f| f.0.clone()), Some(el))
            } else {
                continue;
            };
            let (Some(fname), Some(vnode)) = (fname, vnode) else {
                out.push(self.unsupported_stmt(el, "struct literal element"));
                continue;
            };
            let fty = fields
                .iter()
                .find(|f| f.0 == fname)
                .map(|f| f.1.clone())
                .unwrap_or(Type::Unknown);
            let value = self.lower_element(vnode, &fty);
            let target = Expr::new(
                ExprKind::Field {
                    object: Box::new(Expr::new(
                        ExprKind::This,
                        Type::Named(class.to_string()),
                        span,
                    )),
                    name: fname,
                },
                fty,
                span,
            );
            out.push(stmt(
                StmtKind::Assign {
                    target,
                    op: None,
                    value,
                },
                span,
            ));
        }
        out
    }
}

/// The constructor that a struct literal `T{..}` calls: one parameter per field.
fn all_fields_constructor(
    class: &str,
    fields: &[(String, Type)],
    span: ferry_ir::Span,
) -> Function {
    let params = fields
        .iter()
        .map(|(n, t)| Param {
            name: n.clone(),
            ty: t.clone(),
            variadic: false,
            default: None,
            span,
        })
        .collect();
    let this = Expr::new(ExprKind::This, Type::Named(class.to_string()), span);
    let stmts = fields
        .iter()
        .map(|(n, t)| {
            let target = Expr::new(
                ExprKind::Field {
                    object: Box::new(this.clone()),
                    name: n.clone(),
                },
                t.clone(),
                span,
            );
            let value = Expr::new(ExprKind::Name(n.clone()), t.clone(), span);
            stmt(
                StmtKind::Assign {
                    target,
                    op: None,
                    value,
                },
                span,
            )
        })
        .collect();
    Function {
        name: class.to_string(),
        params,
        ret: Type::Void,
        body: Some(Block::new(stmts)),
        is_static: false,
        doc: None,
        span,
    }
}
