//! The Python backend: prints IR as PEP 8 Python (4 spaces, two blank lines around top-level
//! definitions).
//!
//! Classes become classes with `__init__`; interfaces and abstract classes use `abc`. Integer
//! division and remainder with truncating semantics go through prelude helpers (`_ferry_*`),
//! and so does every text conversion whose source-language rendering differs from Python's.
//! Imports and prelude helpers are collected while printing and emitted once at the top.

mod classes;
mod expr;
mod intrinsics;
mod loops;
mod names;
mod prelude;
mod stmt;

use std::collections::{BTreeSet, HashMap, HashSet};

use ferry_ir::visit::{unsupported_in_function as unsupported_in, walk_expr, walk_stmt, Visitor};
use ferry_ir::{
    Class, Diagnostic, Expr, ExprKind, Function, Item, Module, Span, Stmt, StmtKind, Type,
    CONSTRUCTOR,
};

use crate::writer::Writer;
use crate::{Emitted, Options};

/// Prints a module as Python.
pub(crate) fn emit(module: &Module, options: &Options) -> Emitted {
    let mut p = Printer::new(module, options);
    let items = order_items(module);
    for item in items {
        p.item(item);
    }
    let has_main = module
        .items
        .iter()
        .any(|i| matches!(i, Item::Function(f) if f.name == "main" && f.params.is_empty()));
    if has_main {
        p.w.blank();
        p.w.line("");
        p.w.line("if __name__ == \"__main__\":");
        p.w.indent();
        p.w.line("main()");
        p.w.dedent();
    }
    let body = std::mem::replace(&mut p.w, Writer::new("    ")).finish();
    let mut sections: Vec<String> = Vec::new();
    let imports = p.render_imports();
    if !imports.is_empty() {
        sections.push(imports);
    }
    let prelude = prelude::render(&p.prelude);
    if !prelude.is_empty() {
        sections.push(prelude);
    }
    let body = body.trim_matches('\n');
    if !body.is_empty() {
        sections.push(body.to_string());
    }
    let mut code = String::new();
    if let Some(doc) = &module.doc {
        // Two blank lines, as between the top-level sections that follow.
        code.push_str(&docstring(doc, ""));
        code.push_str("\n\n\n");
    }
    code.push_str(&sections.join("\n\n\n"));
    let code = code.trim_end().to_string() + "\n";
    Emitted {
        code,
        diagnostics: p.diags,
    }
}

/// Source order, except that base classes come before the classes that extend them and globals
/// whose initialiser calls functions come after the functions.
fn order_items(module: &Module) -> Vec<&Item> {
    let mut simple_globals = Vec::new();
    let mut late_globals = Vec::new();
    let mut classes: Vec<&Class> = Vec::new();
    let mut rest = Vec::new();
    for item in &module.items {
        match item {
            Item::Global(g) => {
                if calls_anything(&g.init) {
                    late_globals.push(item);
                } else {
                    simple_globals.push(item);
                }
            }
            Item::Class(c) => classes.push(c),
            _ => rest.push(item),
        }
    }
    // Topological order of classes over extends/implements.
    let names: HashSet<&str> = classes.iter().map(|c| c.name.as_str()).collect();
    let mut done: HashSet<&str> = HashSet::new();
    let mut ordered: Vec<&Item> = Vec::new();
    let mut remaining: Vec<&Class> = classes;
    while !remaining.is_empty() {
        let before = remaining.len();
        let mut next = Vec::new();
        for c in remaining {
            let deps: Vec<&str> = c
                .extends
                .iter()
                .chain(c.implements.iter())
                .map(String::as_str)
                .collect();
            if deps
                .iter()
                .all(|d| !names.contains(d) || done.contains(d) || *d == c.name)
            {
                done.insert(c.name.as_str());
                if let Some(item) = module
                    .items
                    .iter()
                    .find(|i| matches!(i, Item::Class(k) if std::ptr::eq(k, c)))
                {
                    ordered.push(item);
                }
            } else {
                next.push(c);
            }
        }
        if next.len() == before {
            for c in &next {
                if let Some(item) = module
                    .items
                    .iter()
                    .find(|i| matches!(i, Item::Class(k) if std::ptr::eq(k, *c)))
                {
                    ordered.push(item);
                }
            }
            break;
        }
        remaining = next;
    }
    let mut out = simple_globals;
    out.extend(ordered);
    out.extend(rest);
    out.extend(late_globals);
    out
}

fn calls_anything(e: &Expr) -> bool {
    struct Finder(bool);
    impl Visitor for Finder {
        fn visit_expr(&mut self, e: &Expr) {
            if matches!(
                e.kind,
                ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::New { .. }
            ) {
                self.0 = true;
            }
            walk_expr(self, e);
        }
    }
    let mut f = Finder(false);
    f.visit_expr(e);
    f.0
}

/// A `"""docstring"""` at the given indentation.
fn docstring(doc: &str, indent: &str) -> String {
    let doc = doc.trim().replace("\"\"\"", "\\\"\\\"\\\"");
    let lines: Vec<&str> = doc.lines().collect();
    if lines.len() <= 1 {
        return format!("{indent}\"\"\"{doc}\"\"\"");
    }
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(&format!("{indent}\"\"\"{line}\n"));
        } else if line.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(&format!("{indent}{}\n", line.trim_end()));
        }
    }
    out.push_str(&format!("{indent}\"\"\""));
    out
}

/// An enclosing loop while printing statements.
#[derive(Debug, Clone)]
struct LoopCtx {
    label: Option<String>,
    /// Statements a `continue` must run first (the update of a C-style `for`).
    update: Vec<Stmt>,
    /// The condition of a do-while, which a `continue` must test.
    do_cond: Option<Expr>,
}

/// The printer state for one module.
pub(super) struct Printer<'m> {
    module: &'m Module,
    opts: &'m Options,
    w: Writer,
    imports: BTreeSet<&'static str>,
    from_imports: BTreeSet<(&'static str, &'static str)>,
    prelude: BTreeSet<&'static str>,
    diags: Vec<Diagnostic>,
    classes: HashMap<String, &'m Class>,
    globals: HashMap<String, bool>,
    functions: HashSet<String>,
    loops: Vec<LoopCtx>,
    fresh: usize,
    /// Locals declared in the function being printed (to tell globals apart).
    locals: HashSet<String>,
    /// Whether the previous top-level item was a definition (two blank lines follow it).
    prev_def: bool,
    /// Lambdas with statement bodies, printed as local `def`s before their statement: span → name.
    pub(super) local_defs: HashMap<(usize, usize), String>,
}

impl<'m> Printer<'m> {
    fn new(module: &'m Module, opts: &'m Options) -> Printer<'m> {
        let mut classes = HashMap::new();
        let mut globals = HashMap::new();
        let mut functions = HashSet::new();
        for item in &module.items {
            match item {
                Item::Class(c) => {
                    classes.insert(c.name.clone(), c);
                }
                Item::Global(g) => {
                    globals.insert(g.name.clone(), g.is_const);
                }
                Item::Function(f) => {
                    functions.insert(f.name.clone());
                }
                Item::Unsupported(_) => {}
            }
        }
        Printer {
            module,
            opts,
            w: Writer::new("    "),
            imports: BTreeSet::new(),
            from_imports: BTreeSet::new(),
            prelude: BTreeSet::new(),
            diags: Vec::new(),
            classes,
            globals,
            functions,
            loops: Vec::new(),
            fresh: 0,
            locals: HashSet::new(),
            prev_def: false,
            local_defs: HashMap::new(),
        }
    }

    pub(super) fn import(&mut self, module: &'static str) {
        self.imports.insert(module);
    }

    pub(super) fn import_from(&mut self, module: &'static str, name: &'static str) {
        self.from_imports.insert((module, name));
    }

    pub(super) fn helper(&mut self, name: &'static str) {
        self.prelude.insert(name);
        for dep in prelude::deps(name) {
            self.helper(dep);
        }
        for imp in prelude::imports(name) {
            self.imports.insert(imp);
        }
        if prelude::needs_deque(name) {
            self.import_from("collections", "deque");
        }
    }

    pub(super) fn unsupported(&mut self, span: Span, what: &str) {
        self.diags.push(Diagnostic::unsupported(span, what));
    }

    pub(super) fn fresh(&mut self, base: &str) -> String {
        self.fresh += 1;
        if self.fresh == 1 {
            format!("_{base}")
        } else {
            format!("_{base}{}", self.fresh)
        }
    }

    fn render_imports(&self) -> String {
        let mut lines = Vec::new();
        for m in &self.imports {
            lines.push(format!("import {m}"));
        }
        let mut by_module: Vec<(&str, Vec<&str>)> = Vec::new();
        for (m, n) in &self.from_imports {
            match by_module.iter_mut().find(|(k, _)| k == m) {
                Some((_, v)) => v.push(n),
                None => by_module.push((m, vec![n])),
            }
        }
        for (m, names) in by_module {
            lines.push(format!("from {m} import {}", names.join(", ")));
        }
        lines.join("\n")
    }

    fn item(&mut self, item: &Item) {
        self.item_inner(item);
        self.prev_def = !matches!(item, Item::Global(_));
    }

    fn item_inner(&mut self, item: &Item) {
        match item {
            Item::Function(f) => {
                self.w.blank();
                self.w.line("");
                self.function(f, None);
            }
            Item::Class(c) => {
                self.w.blank();
                self.w.line("");
                self.class(c);
            }
            Item::Global(g) => {
                if self.prev_def {
                    self.w.blank();
                    self.w.line("");
                }
                if let Some(doc) = &g.doc {
                    for line in doc.lines() {
                        self.w.line(format!("# {line}").trim_end());
                    }
                }
                let name = self.global_name(&g.name);
                let value = self.expr(&g.init, 0);
                self.w.line(format!("{name} = {value}"));
            }
            Item::Unsupported(u) => {
                self.w.blank();
                self.diags
                    .push(Diagnostic::unsupported(u.span, &u.construct));
                self.w.line(format!("# unsupported {}:", u.construct));
                for line in u.text.lines() {
                    self.w.line(format!("#     {line}").trim_end());
                }
            }
        }
    }

    fn begin_function(&mut self, f: &Function) {
        self.locals.clear();
        self.fresh = 0;
        for p in &f.params {
            self.locals.insert(p.name.clone());
        }
        if let Some(b) = &f.body {
            struct Decls<'a>(&'a mut HashSet<String>);
            impl Visitor for Decls<'_> {
                fn visit_stmt(&mut self, s: &Stmt) {
                    match &s.kind {
                        StmtKind::Let { name, .. } => {
                            self.0.insert(name.clone());
                        }
                        StmtKind::LetTuple { names, .. } => {
                            self.0.extend(names.iter().map(|b| b.name.clone()));
                        }
                        StmtKind::ForEach { vars, .. } => {
                            self.0.extend(vars.iter().map(|b| b.name.clone()));
                        }
                        StmtKind::ForRange { var, .. } => {
                            self.0.insert(var.name.clone());
                        }
                        StmtKind::Try { catches, .. } => {
                            self.0.extend(catches.iter().filter_map(|c| c.name.clone()));
                        }
                        _ => {}
                    }
                    walk_stmt(self, s);
                }
            }
            Decls(&mut self.locals).visit_block(b);
        }
    }

    /// `global x` for module variables the function assigns.
    fn globals_decl(&mut self, f: &Function) {
        let Some(body) = &f.body else { return };
        struct Assigned<'a> {
            globals: &'a HashMap<String, bool>,
            locals: &'a HashSet<String>,
            out: BTreeSet<String>,
        }
        impl Assigned<'_> {
            fn target(&mut self, e: &Expr) {
                if let ExprKind::Name(n) = &e.kind {
                    if self.globals.contains_key(n) && !self.locals.contains(n) {
                        self.out.insert(n.clone());
                    }
                }
            }
        }
        impl Visitor for Assigned<'_> {
            fn visit_stmt(&mut self, s: &Stmt) {
                match &s.kind {
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
                if let ExprKind::Intrinsic { op, args } = &e.kind {
                    if matches!(
                        op,
                        ferry_ir::Intrinsic::BuilderAppend | ferry_ir::Intrinsic::BuilderReverse
                    ) {
                        if let Some(t) = args.first() {
                            self.target(t);
                        }
                    }
                }
                walk_expr(self, e);
            }
        }
        let mut a = Assigned {
            globals: &self.globals,
            locals: &self.locals,
            out: BTreeSet::new(),
        };
        a.visit_block(body);
        let names: Vec<String> = a.out.into_iter().map(|n| self.global_name(&n)).collect();
        if !names.is_empty() {
            self.w.line(format!("global {}", names.join(", ")));
        }
    }

    fn params(&mut self, f: &Function, method: bool) -> String {
        let mut parts = Vec::new();
        if method {
            parts.push("self".to_string());
        }
        for p in &f.params {
            let name = self.local_name(&p.name);
            let mut s = if p.variadic { format!("*{name}") } else { name };
            if let Some(d) = &p.default {
                s.push('=');
                s.push_str(&self.expr(d, 0));
            }
            parts.push(s);
        }
        parts.join(", ")
    }

    fn function(&mut self, f: &Function, class: Option<&Class>) {
        self.begin_function(f);
        let method = class.is_some() && !f.is_static;
        let mut name = if class.is_some() {
            self.method_name(&f.name)
        } else {
            self.function_name(&f.name)
        };
        if class.is_some()
            && f.params.is_empty()
            && (f.name == "toString" || f.name == "String")
            && f.ret == Type::Str
        {
            name = "__str__".to_string();
        }
        if class.is_some() && f.is_static {
            self.w.line("@staticmethod");
        }
        if f.body.is_none() {
            self.import_from("abc", "abstractmethod");
            self.w.line("@abstractmethod");
        }
        let params = self.params(f, method);
        self.w.line(format!("def {name}({params}):"));
        self.w.indent();
        if let Some(doc) = &f.doc {
            self.doc(doc);
        }
        match &f.body {
            None => {
                if f.doc.is_none() {
                    self.w.line("...");
                }
            }
            Some(body) => {
                if contains_unsupported_fn(f) {
                    self.stub(f);
                } else if let Some((span, what)) = unprintable(f) {
                    self.unsupported(span, what);
                    self.w.line(format!(
                        "raise NotImplementedError(\"ferry: {} uses an unsupported {what}\")",
                        f.name
                    ));
                } else {
                    self.globals_decl(f);
                    self.block_body(body);
                }
            }
        }
        self.w.dedent();
    }

    fn doc(&mut self, doc: &str) {
        for line in docstring(doc, "").lines() {
            self.w.line(line);
        }
    }

    /// The body of a function that holds unsupported code: the source as comments and a raise.
    fn stub(&mut self, f: &Function) {
        let nodes = unsupported_in(f);
        for u in &nodes {
            self.w.line(format!("# unsupported {}:", u.construct));
            for line in u.text.lines() {
                self.w.line(format!("#     {line}").trim_end());
            }
        }
        let what = nodes
            .first()
            .map(|u| u.construct.clone())
            .unwrap_or_default();
        self.w.line(format!(
            "raise NotImplementedError(\"ferry: {} uses an unsupported {}\")",
            f.name,
            what.replace('"', "'")
        ));
    }

    pub(super) fn function_name(&self, name: &str) -> String {
        names::function(name, self.opts)
    }

    pub(super) fn method_name(&self, name: &str) -> String {
        names::function(name, self.opts)
    }

    pub(super) fn field_name(&self, name: &str) -> String {
        names::field(name, self.opts)
    }

    pub(super) fn local_name(&self, name: &str) -> String {
        if !self.locals.contains(name) && self.globals.contains_key(name) {
            return self.global_name(name);
        }
        names::local(name, self.opts)
    }

    pub(super) fn global_name(&self, name: &str) -> String {
        let is_const = self.globals.get(name).copied().unwrap_or(false);
        names::global(name, is_const, self.opts)
    }
}

/// The value an uninitialised variable or field of a type starts with (Java's defaults).
pub(super) fn default_value(ty: &Type) -> &'static str {
    match ty {
        Type::Int(_) => "0",
        Type::Float => "0.0",
        Type::Bool => "False",
        Type::Char => "\"\\0\"",
        Type::StrBuilder => "\"\"",
        _ => "None",
    }
}

/// An initialiser without effects, which an assignment in the constructor makes redundant.
pub(super) fn is_pure(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::ListLit(xs) | ExprKind::SetLit(xs) | ExprKind::TupleLit(xs) => {
            xs.iter().all(is_pure)
        }
        ExprKind::MapLit(ps) => ps.iter().all(|(k, v)| is_pure(k) && is_pure(v)),
        ExprKind::Intrinsic {
            op: ferry_ir::Intrinsic::NewCollection | ferry_ir::Intrinsic::BuilderNew,
            args,
        } => args.iter().all(is_pure),
        _ => false,
    }
}

pub(super) fn is_super_ctor(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr(e) if matches!(&e.kind, ExprKind::MethodCall { receiver, method, .. } if matches!(receiver.kind, ExprKind::Super) && method == CONSTRUCTOR))
}

pub(super) fn mentions_field(e: &Expr, name: &str) -> bool {
    struct F<'a>(&'a str, bool);
    impl Visitor for F<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Field { object, name } = &e.kind {
                if matches!(object.kind, ExprKind::This) && name == self.0 {
                    self.1 = true;
                }
            }
            walk_expr(self, e);
        }
    }
    let mut f = F(name, false);
    f.visit_expr(e);
    f.1
}

pub(super) fn contains_unsupported_fn(f: &Function) -> bool {
    !unsupported_in(f).is_empty()
}

/// Constructs this backend cannot print inside a function: an increment of a field or element
/// used as a value, a lambda whose body is several statements.
fn unprintable(f: &Function) -> Option<(Span, &'static str)> {
    struct U(Option<(Span, &'static str)>);
    impl Visitor for U {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Expr(e) = &s.kind {
                if let ExprKind::IncDec { target, .. } = &e.kind {
                    self.visit_expr(target);
                    return;
                }
            }
            if let StmtKind::For {
                update,
                init,
                cond,
                body,
                ..
            } = &s.kind
            {
                for u in update.iter().chain(init.iter()) {
                    self.visit_stmt(u);
                }
                if let Some(c) = cond {
                    self.visit_expr(c);
                }
                self.visit_block(body);
                return;
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::IncDec { target, .. } if !matches!(target.kind, ExprKind::Name(_)) => {
                    self.0.get_or_insert((
                        e.span,
                        "increment of a field or element inside an expression",
                    ));
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut u = U(None);
    u.visit_function(f);
    u.0
}

#[cfg(test)]
mod tests {
    use super::expr::{float_lit, str_lit};
    use super::prelude;
    use std::collections::BTreeSet;

    #[test]
    fn literals() {
        assert_eq!(str_lit("a\"b\n"), "\"a\\\"b\\n\"");
        assert_eq!(float_lit(1.0), "1.0");
        assert_eq!(float_lit(0.5), "0.5");
    }

    #[test]
    fn prelude_only_what_is_used() {
        let mut used = BTreeSet::new();
        assert_eq!(prelude::render(&used), "");
        used.insert("_ferry_div_trunc");
        let text = prelude::render(&used);
        assert!(text.starts_with("def _ferry_div_trunc(a, b):"));
        assert!(!text.contains("_ferry_rem_trunc"));
    }
}
