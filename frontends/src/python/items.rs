//! Module-level declarations: functions, classes (fields from `self.x = ...`), globals, and the
//! `if __name__ == "__main__":` entry guard.

use std::collections::HashSet;

use ferry_ir::{Block, Class, ClassKind, Field, Function, Global, Item, Module, Param, Type};
use tree_sitter::Node;

use super::node_kind;
use super::Lowerer;
use crate::common::{self, named_children, preorder, span};

impl Lowerer<'_> {
    pub(super) fn module(&mut self, root: Node<'_>, module: &mut Module) {
        let children = named_children(root);
        let mut nested_defs = Vec::new();
        // First pass: names.
        for c in &children {
            let def = unwrap_decorated(*c);
            match node_kind(def) {
                "function_definition" => {
                    if let Some(n) = def.child_by_field_name("name") {
                        self.functions.insert(self.text(n).to_string());
                    }
                    nested_defs.push(def);
                }
                "class_definition" => {
                    if let Some(n) = def.child_by_field_name("name") {
                        self.classes.insert(self.text(n).to_string());
                    }
                    if let Some(body) = def.child_by_field_name("body") {
                        for m in named_children(body) {
                            let m = unwrap_decorated(m);
                            if node_kind(m) == "function_definition" {
                                if let Some(n) = m.child_by_field_name("name") {
                                    self.methods.insert(self.text(n).to_string());
                                }
                            }
                        }
                    }
                }
                "expression_statement" => {
                    if let Some(a) = c.named_child(0) {
                        if node_kind(a) == "assignment" {
                            if let Some(left) = a.child_by_field_name("left") {
                                if node_kind(left) == "identifier" {
                                    self.globals.insert(self.text(left).to_string());
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let mut lifted = std::collections::HashMap::new();
        for outer in nested_defs {
            let inner = self.liftable_nested(outer, &self.functions);
            for n in &inner {
                self.lifted.insert(n.id());
                if let Some(name) = n.child_by_field_name("name") {
                    self.functions.insert(self.text(name).to_string());
                }
            }
            lifted.insert(outer.id(), inner);
        }
        // A script without `main`: its statements become the body of a synthesized `main`.
        let script = !self.functions.contains("main");
        let used_in_defs = if script {
            self.names_used_in_defs(&children)
        } else {
            HashSet::new()
        };
        let mut script_nodes: Vec<Node<'_>> = Vec::new();
        for (i, c) in children.iter().enumerate() {
            let def = unwrap_decorated(*c);
            match node_kind(def) {
                "function_definition" => {
                    for inner in lifted.remove(&def.id()).unwrap_or_default() {
                        let f = self.function(inner, None);
                        module.items.push(Item::Function(f));
                    }
                    let f = self.function(def, None);
                    module.items.push(Item::Function(f));
                }
                "class_definition" => {
                    let class = self.class(def);
                    module.items.push(Item::Class(class));
                }
                "expression_statement" => {
                    let Some(e) = c.named_child(0) else { continue };
                    if node_kind(e) == "string" && i == 0 {
                        module.doc = Some(self.docstring(e));
                        continue;
                    }
                    if node_kind(e) == "assignment" {
                        if let (Some(left), Some(right)) = (
                            e.child_by_field_name("left"),
                            e.child_by_field_name("right"),
                        ) {
                            let n = self.text(left);
                            let constant = n.chars().any(char::is_alphabetic)
                                && !n.chars().any(char::is_lowercase);
                            let keep_global = !script
                                || used_in_defs.contains(n)
                                || (constant && !has_call(right));
                            if node_kind(left) == "identifier" && keep_global {
                                let name = self.text(left).to_string();
                                let init = self.expr(right);
                                let is_const = name.chars().any(char::is_alphabetic)
                                    && !name.chars().any(char::is_lowercase);
                                module.items.push(Item::Global(Global {
                                    name,
                                    ty: Type::Unknown,
                                    init,
                                    is_const,
                                    doc: None,
                                    span: span(*c),
                                }));
                                continue;
                            }
                        }
                    }
                    if script {
                        script_nodes.push(*c);
                        continue;
                    }
                    let u = common::unsupported(
                        *c,
                        self.src,
                        "module-level statement",
                        &mut self.diags,
                    );
                    module.items.push(Item::Unsupported(u));
                }
                "import_statement"
                | "import_from_statement"
                | "comment"
                | "future_import_statement"
                | "ERROR" => {}
                "if_statement" if self.is_main_guard(def) => {
                    if script {
                        if let Some(b) = def.child_by_field_name("consequence") {
                            script_nodes.extend(named_children(b));
                        }
                    }
                }
                _ if script
                    && !matches!(node_kind(def), "decorated_definition" | "global_statement") =>
                {
                    script_nodes.push(*c)
                }
                _ => {
                    let u = common::unsupported(
                        *c,
                        self.src,
                        "module-level statement",
                        &mut self.diags,
                    );
                    module.items.push(Item::Unsupported(u));
                }
            }
        }
        if !script_nodes.is_empty() {
            self.globals = module
                .items
                .iter()
                .filter_map(|i| {
                    if let Item::Global(g) = i {
                        Some(g.name.clone())
                    } else {
                        None
                    }
                })
                .collect();
            let main = self.script_main(root, &script_nodes);
            module.items.push(Item::Function(main));
        }
    }

    /// Identifiers used inside the module's functions and classes.
    fn names_used_in_defs(&self, children: &[Node<'_>]) -> HashSet<String> {
        let mut out = HashSet::new();
        let defs = children
            .iter()
            .map(|c| unwrap_decorated(*c))
            .filter(|c| matches!(node_kind(c), "function_definition" | "class_definition"));
        for def in defs {
            out.extend(self.identifiers(def));
        }
        out
    }

    /// The statements of a script as the body of `main`.
    fn script_main(&mut self, root: Node<'_>, nodes: &[Node<'_>]) -> Function {
        self.declared.clear();
        self.global_decl = self.globals.clone();
        self.in_function = true;
        self.fresh = 0;
        self.start_binders(self.statements_bound(nodes));
        let body = self.statements_as_body(root, nodes);
        self.in_function = false;
        self.global_decl.clear();
        let sp = match (nodes.first(), nodes.last()) {
            (Some(a), Some(b)) => span(*a).to(span(*b)),
            _ => span(root),
        };
        Function {
            name: "main".to_string(),
            params: Vec::new(),
            ret: Type::Void,
            body: Some(body),
            is_static: false,
            doc: None,
            span: sp,
        }
    }

    /// A `@dataclass`: fields from the annotated class attributes, the generated `__init__`, and
    /// the generated `__repr__` (as `toString`) unless the class writes its own.
    fn make_dataclass(
        &mut self,
        class: &mut Class,
        fields: Vec<(String, Type, Option<ferry_ir::Expr>, ferry_ir::Span)>,
    ) {
        use ferry_ir::{Expr, ExprKind, Literal, Stmt, StmtKind};
        let sp = class.span;
        let mut params = Vec::new();
        let mut body = Vec::new();
        for (name, ty, default, fsp) in &fields {
            class.fields.push(Field {
                name: name.clone(),
                ty: ty.clone(),
                init: None,
                is_static: false,
                is_final: false,
                span: *fsp,
            });
            params.push(Param {
                name: name.clone(),
                ty: ty.clone(),
                variadic: false,
                default: default.clone(),
                span: *fsp,
            });
            let target = Expr::new(
                ExprKind::Field {
                    object: Box::new(Expr::new(ExprKind::This, Type::Unknown, *fsp)),
                    name: name.clone(),
                },
                ty.clone(),
                *fsp,
            );
            let value = Expr::new(ExprKind::Name(name.clone()), ty.clone(), *fsp);
            body.push(Stmt {
                kind: StmtKind::Assign {
                    target,
                    op: None,
                    value,
                },
                span: *fsp,
            });
        }
        if class.constructors.is_empty() {
            class.constructors.push(Function {
                name: class.name.clone(),
                params,
                ret: Type::Void,
                body: Some(Block::new(body)),
                is_static: false,
                doc: None,
                span: sp,
            });
        }
        if class.methods.iter().any(|m| m.name == "toString") {
            return;
        }
        // `P(name='a', age=3)`: strings in quotes, as `repr` shows them.
        let lit = |s: String| Expr::new(ExprKind::Lit(Literal::Str(s)), Type::Str, sp);
        let mut text = lit(format!("{}(", class.name));
        for (i, (name, ty, _, fsp)) in fields.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            let field = Expr::new(
                ExprKind::Field {
                    object: Box::new(Expr::new(ExprKind::This, Type::Unknown, *fsp)),
                    name: name.clone(),
                },
                ty.clone(),
                *fsp,
            );
            let quoted = *ty == Type::Str;
            let q = if quoted { "'" } else { "" };
            let value = super::stmt::to_str(field);
            for part in [lit(format!("{sep}{name}={q}")), value, lit(q.to_string())] {
                text = Expr::new(
                    ExprKind::Binary {
                        op: ferry_ir::BinOp::Add,
                        lhs: Box::new(text),
                        rhs: Box::new(part),
                    },
                    Type::Str,
                    sp,
                );
            }
        }
        text = Expr::new(
            ExprKind::Binary {
                op: ferry_ir::BinOp::Add,
                lhs: Box::new(text),
                rhs: Box::new(lit(")".into())),
            },
            Type::Str,
            sp,
        );
        class.methods.push(Function {
            name: "toString".into(),
            params: Vec::new(),
            ret: Type::Str,
            body: Some(Block::new(vec![Stmt {
                kind: StmtKind::Return(Some(text)),
                span: sp,
            }])),
            is_static: false,
            doc: None,
            span: sp,
        });
    }

    fn is_main_guard(&self, node: Node<'_>) -> bool {
        node.child_by_field_name("condition").is_some_and(|c| {
            let t: String = self
                .text(c)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            t == "__name__==\"__main__\"" || t == "__name__=='__main__'"
        })
    }

    pub(super) fn docstring(&self, node: Node<'_>) -> String {
        let t = self.text(node);
        let t = t.trim_start_matches(['r', 'R', 'u', 'U']);
        let t = t.trim_matches('"').trim_matches('\'');
        t.trim().to_string()
    }

    fn body_docstring(&self, body: Node<'_>) -> Option<String> {
        let first = body.named_child(0)?;
        if node_kind(first) != "expression_statement" {
            return None;
        }
        let s = first.named_child(0)?;
        (node_kind(s) == "string").then(|| self.docstring(s))
    }

    /// Lowers a function or method; `class` is the enclosing class for methods.
    pub(super) fn function(&mut self, node: Node<'_>, class: Option<&str>) -> Function {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let is_static = class.is_some() && self.has_decorator(node, "staticmethod");
        let mut params = Vec::new();
        if let Some(ps) = node.child_by_field_name("parameters") {
            let mut skip_self = class.is_some() && !is_static;
            for p in named_children(ps) {
                if skip_self {
                    skip_self = false;
                    continue;
                }
                if let Some(param) = self.param(p) {
                    params.push(param);
                }
            }
        }
        let ret = node
            .child_by_field_name("return_type")
            .map(|t| self.annotation(t))
            .unwrap_or(Type::Unknown);
        self.declared = params.iter().map(|p| p.name.clone()).collect();
        self.start_binders(self.bound_names(node, false));
        self.global_decl.clear();
        self.fresh = 0;
        self.in_function = true;
        let body_node = node.child_by_field_name("body");
        let doc = body_node.and_then(|b| self.body_docstring(b));
        let abstract_ = class.is_some()
            && (self.has_decorator(node, "abstractmethod")
                || body_node.is_some_and(|b| self.is_abstract_body(b)));
        let body = if abstract_ {
            None
        } else {
            Some(match body_node {
                Some(b) => self.function_body(b),
                None => Block::default(),
            })
        };
        self.in_function = false;
        let ret = if name == "__init__" { Type::Void } else { ret };
        Function {
            name,
            params,
            ret,
            body,
            is_static,
            doc,
            span: span(node),
        }
    }

    fn has_decorator(&self, node: Node<'_>, name: &str) -> bool {
        let Some(parent) = node.parent() else {
            return false;
        };
        if node_kind(parent) != "decorated_definition" {
            return false;
        }
        named_children(parent).iter().any(|d| {
            node_kind(d) == "decorator"
                && self.text(*d).trim_start_matches('@').trim().ends_with(name)
        })
    }

    /// `pass`, `...` or `raise NotImplementedError` (after an optional docstring).
    fn is_abstract_body(&self, body: Node<'_>) -> bool {
        let stmts: Vec<Node<'_>> = named_children(body)
            .into_iter()
            .filter(|s| node_kind(s) != "comment")
            .collect();
        let stmts: Vec<Node<'_>> = stmts
            .into_iter()
            .filter(|s| {
                !(node_kind(s) == "expression_statement"
                    && s.named_child(0).is_some_and(|e| node_kind(e) == "string"))
            })
            .collect();
        match stmts.as_slice() {
            [] => true,
            [s] => {
                node_kind(s) == "pass_statement"
                    || (node_kind(s) == "expression_statement" && self.text(*s).trim() == "...")
                    || (node_kind(s) == "raise_statement"
                        && self.text(*s).contains("NotImplementedError"))
            }
            _ => false,
        }
    }

    fn param(&mut self, p: Node<'_>) -> Option<Param> {
        let sp = span(p);
        match node_kind(p) {
            "identifier" => Some(Param {
                name: self.text(p).to_string(),
                ty: Type::Unknown,
                variadic: false,
                default: None,
                span: sp,
            }),
            "typed_parameter" => {
                let name = named_children(p)
                    .into_iter()
                    .find(|c| node_kind(c) == "identifier")
                    .map(|n| self.text(n).to_string())?;
                let ty = p
                    .child_by_field_name("type")
                    .map(|t| self.annotation(t))
                    .unwrap_or(Type::Unknown);
                Some(Param {
                    name,
                    ty,
                    variadic: false,
                    default: None,
                    span: sp,
                })
            }
            "default_parameter" | "typed_default_parameter" => {
                let name = self.text(p.child_by_field_name("name")?).to_string();
                let ty = p
                    .child_by_field_name("type")
                    .map(|t| self.annotation(t))
                    .unwrap_or(Type::Unknown);
                let default = p.child_by_field_name("value").map(|v| self.expr(v));
                Some(Param {
                    name,
                    ty,
                    variadic: false,
                    default,
                    span: sp,
                })
            }
            "list_splat_pattern" => {
                let name = p.named_child(0).map(|n| self.text(n).to_string())?;
                Some(Param {
                    name,
                    ty: Type::Unknown,
                    variadic: true,
                    default: None,
                    span: sp,
                })
            }
            _ => {
                common::unsupported(p, self.src, "parameter", &mut self.diags);
                None
            }
        }
    }

    /// A type annotation: `int`, `str`, `list[int]`, `dict[str, int]`, `Optional[T]`, a class.
    pub(super) fn annotation(&self, node: Node<'_>) -> Type {
        let text: String = self
            .text(node)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        parse_annotation(&text, &self.classes)
    }

    fn class(&mut self, node: Node<'_>) -> Class {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let mut extends = None;
        let mut is_abc = false;
        if let Some(sup) = node.child_by_field_name("superclasses") {
            for s in named_children(sup) {
                let t = self.text(s);
                match t {
                    "ABC" | "abc.ABC" | "object" => is_abc |= t != "object",
                    // A base named like the class itself (`class A(A)`) is an earlier binding
                    // of that name, an imported class, not this one.
                    _ if node_kind(s) == "identifier" && extends.is_none() && t != name => {
                        extends = Some(t.to_string())
                    }
                    _ => {
                        common::unsupported(s, self.src, "base class", &mut self.diags);
                    }
                }
            }
        }
        let mut class = Class {
            name: name.clone(),
            kind: ClassKind::Class,
            extends,
            implements: Vec::new(),
            fields: Vec::new(),
            constructors: Vec::new(),
            methods: Vec::new(),
            doc: None,
            span: span(node),
        };
        let mut field_names: HashSet<String> = HashSet::new();
        let is_dataclass =
            self.has_decorator(node, "dataclass") || self.has_decorator(node, "dataclass()");
        let mut data_fields: Vec<(String, Type, Option<ferry_ir::Expr>, ferry_ir::Span)> =
            Vec::new();
        let has_str = node.child_by_field_name("body").is_some_and(|b| {
            named_children(b).into_iter().any(|m| {
                let d = unwrap_decorated(m);
                node_kind(d) == "function_definition"
                    && d.child_by_field_name("name")
                        .is_some_and(|n| self.text(n) == "__str__")
            })
        });
        if let Some(body) = node.child_by_field_name("body") {
            class.doc = self.body_docstring(body);
            for m in named_children(body) {
                let def = unwrap_decorated(m);
                match node_kind(def) {
                    "function_definition" => {
                        if self.has_decorator(def, "property")
                            || self.has_decorator(def, "classmethod")
                        {
                            common::unsupported(
                                m,
                                self.src,
                                "property or classmethod",
                                &mut self.diags,
                            );
                            continue;
                        }
                        self.collect_fields(def, &mut class.fields, &mut field_names);
                        let mut f = self.function(def, Some(&name));
                        if f.name == "__init__" {
                            f.name = name.clone();
                            class.constructors.push(f);
                        } else {
                            if f.name == "__str__" || (f.name == "__repr__" && !has_str) {
                                f.name = "toString".to_string();
                            } else if f.name.starts_with("__") && f.name.ends_with("__") {
                                // Operators and protocols (`__lt__`, `__len__`, ...) have no
                                // counterpart that the other languages call implicitly.
                                let st = self
                                    .unsupported_stmt(def, &format!("special method {}", f.name));
                                f.body = Some(Block::new(vec![st]));
                            }
                            class.methods.push(f);
                        }
                    }
                    "expression_statement" => {
                        let Some(a) = def.named_child(0) else {
                            continue;
                        };
                        if node_kind(a) == "string" || node_kind(a) == "ellipsis" {
                            continue;
                        }
                        if node_kind(a) == "assignment" && is_dataclass {
                            // `name: type = default` of a dataclass: an instance field.
                            if let (Some(l), Some(t)) =
                                (a.child_by_field_name("left"), a.child_by_field_name("type"))
                            {
                                if node_kind(l) == "identifier" {
                                    let ty = self.annotation(t);
                                    let default =
                                        a.child_by_field_name("right").map(|r| self.expr(r));
                                    data_fields.push((
                                        self.text(l).to_string(),
                                        ty,
                                        default,
                                        span(a),
                                    ));
                                    continue;
                                }
                            }
                        }
                        if node_kind(a) == "assignment" {
                            if let (Some(l), Some(r)) = (
                                a.child_by_field_name("left"),
                                a.child_by_field_name("right"),
                            ) {
                                if node_kind(l) == "identifier" {
                                    let init = self.expr(r);
                                    let fname = self.text(l).to_string();
                                    class.fields.push(Field {
                                        name: fname,
                                        ty: Type::Unknown,
                                        init: Some(init),
                                        is_static: true,
                                        is_final: false,
                                        span: span(a),
                                    });
                                    continue;
                                }
                            }
                        }
                        common::unsupported(m, self.src, "class body statement", &mut self.diags);
                    }
                    "pass_statement" | "comment" => {}
                    _ => {
                        common::unsupported(m, self.src, "class body statement", &mut self.diags);
                    }
                }
            }
        }
        if is_dataclass {
            self.make_dataclass(&mut class, data_fields);
        }
        let any_abstract = class.methods.iter().any(|m| m.body.is_none());
        if any_abstract || is_abc {
            let all_abstract = class.methods.iter().all(|m| m.body.is_none());
            class.kind = if all_abstract && class.fields.is_empty() && class.constructors.is_empty()
            {
                ClassKind::Interface
            } else {
                ClassKind::Abstract
            };
        }
        class
    }

    /// Records `self.x = ...` assignments of a method as fields.
    fn collect_fields(
        &mut self,
        def: Node<'_>,
        fields: &mut Vec<Field>,
        seen: &mut HashSet<String>,
    ) {
        preorder(def, |n| {
            let kind = node_kind(n);
            if kind == "assignment" || kind == "augmented_assignment" {
                if let Some(l) = n.child_by_field_name("left") {
                    let targets = if node_kind(l) == "attribute" {
                        vec![l]
                    } else {
                        named_children(l)
                    };
                    for t in targets {
                        if node_kind(t) != "attribute" {
                            continue;
                        }
                        let (Some(o), Some(a)) = (
                            t.child_by_field_name("object"),
                            t.child_by_field_name("attribute"),
                        ) else {
                            continue;
                        };
                        if self.text(o) == "self" {
                            let name = self.text(a).to_string();
                            if seen.insert(name.clone()) {
                                fields.push(Field {
                                    name,
                                    ty: Type::Unknown,
                                    init: None,
                                    is_static: false,
                                    is_final: false,
                                    span: span(t),
                                });
                            }
                        }
                    }
                }
                // `a.x = b.y = v` holds one assignment in the other.
                return true;
            }
            super::may_hold_statements(kind)
        });
    }
}

/// Whether an expression calls anything (its value is not known before the program runs).
fn has_call(node: Node<'_>) -> bool {
    if matches!(
        node_kind(node),
        "call"
            | "list_comprehension"
            | "dictionary_comprehension"
            | "set_comprehension"
            | "generator_expression"
    ) {
        return true;
    }
    named_children(node).into_iter().any(has_call)
}

fn unwrap_decorated(node: Node<'_>) -> Node<'_> {
    if node_kind(node) == "decorated_definition" {
        if let Some(d) = node.child_by_field_name("definition") {
            return d;
        }
    }
    node
}

/// Parses a type annotation written without spaces.
pub(super) fn parse_annotation(t: &str, classes: &HashSet<String>) -> Type {
    let (head, args) = match t.find('[') {
        Some(i) if t.ends_with(']') => (&t[..i], split_args(&t[i + 1..t.len() - 1])),
        _ => (t, Vec::new()),
    };
    let arg = |i: usize| {
        args.get(i)
            .map(|a| parse_annotation(a, classes))
            .unwrap_or(Type::Unknown)
    };
    match head {
        "int" => Type::BIG,
        "float" => Type::Float,
        "str" => Type::Str,
        "bool" => Type::Bool,
        "None" => Type::Void,
        "list" | "List" => Type::list(arg(0)),
        "set" | "Set" => Type::set(arg(0)),
        "dict" | "Dict" => Type::map(arg(0), arg(1)),
        "deque" => Type::Deque(Box::new(arg(0))),
        "tuple" | "Tuple" => {
            Type::Tuple(args.iter().map(|a| parse_annotation(a, classes)).collect())
        }
        "Optional" => arg(0),
        _ if classes.contains(head) => Type::Named(head.to_string()),
        _ => Type::Unknown,
    }
}

fn split_args(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '[' => {
                depth += 1;
                cur.push(c);
            }
            ']' => {
                depth -= 1;
                cur.push(c);
            }
            ',' if depth == 0 => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}
