//! The Java backend: prints IR as Java 17 source in the usual Google/Oracle layout.
//!
//! Module functions and globals become static members of `public class <PascalCase(module)>`; user
//! classes become static nested classes; tuples become small generic records; user exception
//! classes extend `RuntimeException` so that no `throws` clauses are needed. Imports and prelude
//! helpers are collected while printing and emitted once.

mod captures;
mod expr;
mod intrinsics;
mod names;
mod optional;
mod precedence;
mod prelude;
mod stmt;
mod types;

use std::collections::{BTreeSet, HashMap};

use ferry_ir::{Class, ClassKind, Diagnostic, Function, Global, Item, Module, Type};

use crate::writer::Writer;
use crate::{Emitted, Options};

/// Prints a module as Java.
pub(crate) fn emit(module: &Module, options: &Options) -> Emitted {
    let mut p = Printer::new(module, options);
    let class_name = names::class(&module.name, options.naming);
    p.w.indent();
    let mut first = true;
    for item in &module.items {
        if let Item::Global(g) = item {
            p.global(g);
            first = false;
        }
    }
    for item in &module.items {
        match item {
            Item::Function(f) => {
                if !first {
                    p.w.blank();
                }
                first = false;
                p.function(f, None);
            }
            Item::Class(c) => {
                if !first {
                    p.w.blank();
                }
                first = false;
                p.class(c);
            }
            Item::Unsupported(u) => {
                p.diags.push(Diagnostic::unsupported(u.span, &u.construct));
                if !first {
                    p.w.blank();
                }
                first = false;
                p.w.line(format!("// ferry: not translated ({}):", u.construct));
                for line in u.text.lines() {
                    p.w.line(format!("//   {line}"));
                }
            }
            Item::Global(_) => {}
        }
    }
    let tuples: Vec<usize> = p.tuples.iter().copied().collect();
    for n in tuples {
        p.w.blank();
        let params: Vec<String> = (0..n).map(|i| format!("T{i}")).collect();
        let fields: Vec<String> = (0..n).map(|i| format!("T{i} v{i}")).collect();
        p.w.line(format!(
            "record FerryTuple{n}<{}>({}) {{}}",
            params.join(", "),
            fields.join(", ")
        ));
    }
    let helpers: Vec<&'static str> = p.prelude.iter().copied().collect();
    for h in helpers {
        p.w.blank();
        for line in prelude::source(h).lines() {
            p.w.line(line);
        }
        for imp in prelude::imports(h) {
            p.imports.insert((*imp).to_string());
        }
    }
    p.w.dedent();
    let body = std::mem::replace(&mut p.w, Writer::new("    ")).finish();
    let mut code = String::new();
    for imp in &p.imports {
        code.push_str(&format!("import {imp};\n"));
    }
    if !p.imports.is_empty() {
        code.push('\n');
    }
    if let Some(doc) = &module.doc {
        code.push_str(&javadoc(doc, ""));
    }
    code.push_str(&format!("public class {class_name} {{\n"));
    if body.trim().is_empty() {
        code.push_str("}\n");
    } else {
        code.push_str(&body);
        code.push_str("}\n");
    }
    Emitted {
        code,
        diagnostics: p.diags,
    }
}

/// A `/** .. */` comment at the given indentation.
fn javadoc(doc: &str, indent: &str) -> String {
    let lines: Vec<&str> = doc.lines().collect();
    if lines.len() == 1 {
        return format!("{indent}/** {} */\n", lines[0].trim());
    }
    let mut out = format!("{indent}/**\n");
    for line in lines {
        if line.trim().is_empty() {
            out.push_str(&format!("{indent} *\n"));
        } else {
            out.push_str(&format!("{indent} * {}\n", line.trim_end()));
        }
    }
    out.push_str(&format!("{indent} */\n"));
    out
}

/// The printer state for one module.
pub(super) struct Printer<'m> {
    pub(super) module: &'m Module,
    pub(super) opts: &'m Options,
    pub(super) w: Writer,
    pub(super) imports: BTreeSet<String>,
    pub(super) prelude: BTreeSet<&'static str>,
    pub(super) tuples: BTreeSet<usize>,
    pub(super) diags: Vec<Diagnostic>,
    /// Module globals by IR name: whether each is a constant.
    pub(super) globals: HashMap<String, bool>,
    /// User classes by IR name.
    pub(super) classes: HashMap<String, &'m Class>,
    /// The result type of the function being printed.
    pub(super) ret: Type,
    /// Counter for fresh temporaries.
    pub(super) fresh: usize,
    /// Names read through another expression (comprehension variables over pairs).
    pub(super) renames: HashMap<String, String>,
    /// What this backend failed to print in the current function, if anything.
    pub(super) failed: Option<String>,
    /// Locals of the current function held in a one-element array because a lambda assigns them.
    pub(super) boxed: BTreeSet<String>,
    /// Whether the current function's returns are wrapped in an `Optional` (its name is in
    /// [`Options::optional_results`]).
    pub(super) wrap_optional: bool,
}

impl<'m> Printer<'m> {
    fn new(module: &'m Module, opts: &'m Options) -> Printer<'m> {
        let mut globals = HashMap::new();
        let mut classes = HashMap::new();
        for item in &module.items {
            match item {
                Item::Global(g) => {
                    globals.insert(g.name.clone(), g.is_const);
                }
                Item::Class(c) => {
                    classes.insert(c.name.clone(), c);
                }
                _ => {}
            }
        }
        Printer {
            module,
            opts,
            w: Writer::new("    "),
            imports: BTreeSet::new(),
            prelude: BTreeSet::new(),
            tuples: BTreeSet::new(),
            diags: Vec::new(),
            globals,
            classes,
            ret: Type::Void,
            fresh: 0,
            renames: HashMap::new(),
            failed: None,
            boxed: BTreeSet::new(),
            wrap_optional: false,
        }
    }

    /// Holds the locals a lambda of `body` uses and that are assigned after their declaration
    /// in one-element arrays (not those of a generic type: Java has no generic arrays, and javac
    /// then reports the capture).
    fn box_captured(&mut self, body: &ferry_ir::Block) {
        for (name, ty) in captures::captured_and_assigned(body) {
            if ty.is_known() && !self.ty(&ty).contains('<') {
                let java = names::value(&name, self.opts.naming);
                self.renames.insert(name.clone(), format!("{java}[0]"));
                self.boxed.insert(name);
            }
        }
    }

    /// A user class's Java name; one that clashes with the module class gets a `Type` suffix.
    pub(super) fn class_name(&self, name: &str) -> String {
        let n = names::class(name, self.opts.naming);
        if n == names::class(&self.module.name, self.opts.naming) {
            format!("{n}Type")
        } else {
            n
        }
    }

    pub(super) fn import(&mut self, path: &str) {
        self.imports.insert(path.to_string());
    }

    pub(super) fn helper(&mut self, name: &'static str) -> &'static str {
        self.prelude.insert(name);
        name
    }

    pub(super) fn fresh(&mut self, base: &str) -> String {
        self.fresh += 1;
        format!("{base}{}", self.fresh)
    }

    fn doc(&mut self, doc: &Option<String>) {
        if let Some(d) = doc {
            for line in javadoc(d, "").lines() {
                self.w.line(line);
            }
        }
    }

    fn global(&mut self, g: &Global) {
        self.doc(&g.doc);
        let ty = self.ty(&g.ty);
        let init = self.expr_as(&g.init, &g.ty);
        if g.is_const {
            let name = names::constant(&g.name, self.opts.naming);
            self.w.line(format!("static final {ty} {name} = {init};"));
        } else {
            let name = names::value(&g.name, self.opts.naming);
            self.w.line(format!("static {ty} {name} = {init};"));
        }
    }

    /// Whether a class is a user exception (extends `Exception` or another user exception).
    pub(super) fn is_exception_class(&self, name: &str) -> bool {
        let mut cur = name;
        for _ in 0..16 {
            match self.classes.get(cur).and_then(|c| c.extends.as_deref()) {
                Some("Exception" | "RuntimeException" | "Error" | "ValueError") => return true,
                Some(next) => cur = next,
                None => return false,
            }
        }
        false
    }

    fn class(&mut self, c: &'m Class) {
        self.doc(&c.doc);
        let name = self.class_name(&c.name);
        let exception = self.is_exception_class(&c.name);
        let mut head = match c.kind {
            ClassKind::Interface => format!("interface {name}"),
            ClassKind::Abstract => format!("abstract static class {name}"),
            ClassKind::Class => format!("static class {name}"),
        };
        match c.extends.as_deref() {
            Some("Exception" | "RuntimeException" | "Error" | "ValueError") => {
                head.push_str(" extends RuntimeException");
            }
            Some(sup) => {
                head.push_str(&format!(" extends {}", self.class_name(sup)));
            }
            None => {}
        }
        if !c.implements.is_empty() {
            let kw = if c.kind == ClassKind::Interface {
                "extends"
            } else {
                "implements"
            };
            let list: Vec<String> = c.implements.iter().map(|i| self.class_name(i)).collect();
            head.push_str(&format!(" {kw} {}", list.join(", ")));
        }
        self.w.line(format!("{head} {{"));
        self.w.indent();
        for f in &c.fields {
            let ty = self.ty(&f.ty);
            let fname = names::value(&f.name, self.opts.naming);
            let mut mods = String::new();
            if f.is_static {
                mods.push_str("static ");
            }
            if f.is_final && f.is_static {
                mods.push_str("final ");
            }
            match &f.init {
                Some(init) => {
                    let init = self.expr_as(init, &f.ty);
                    self.w.line(format!("{mods}{ty} {fname} = {init};"));
                }
                None => self.w.line(format!("{mods}{ty} {fname};")),
            }
        }
        let mut first = c.fields.is_empty();
        if exception && !c.constructors.iter().any(|k| k.params.len() == 1) {
            if !first {
                self.w.blank();
            }
            first = false;
            self.w.line(format!("{name}(String message) {{"));
            self.w.indent();
            self.w.line("super(message);");
            self.w.dedent();
            self.w.line("}");
        }
        for k in &c.constructors {
            if !first {
                self.w.blank();
            }
            first = false;
            self.function(k, Some((c, true)));
        }
        for m in &c.methods {
            if !first {
                self.w.blank();
            }
            first = false;
            self.function(m, Some((c, false)));
        }
        self.w.dedent();
        self.w.line("}");
    }

    /// Prints a function; `owner` is the class of a method and whether it is a constructor.
    fn function(&mut self, f: &Function, owner: Option<(&Class, bool)>) {
        self.doc(&f.doc);
        self.ret = f.ret.clone();
        self.wrap_optional = optional::wraps(self.opts, f) && !matches!(owner, Some((_, true)));
        let params: Vec<String> = f
            .params
            .iter()
            .map(|p| {
                let ty = self.ty(&p.ty);
                let name = names::value(&p.name, self.opts.naming);
                if p.variadic {
                    format!("{ty}... {name}")
                } else {
                    format!("{ty} {name}")
                }
            })
            .collect();
        let params = params.join(", ");
        let head = match owner {
            None if f.name == "main" && f.params.is_empty() => {
                "public static void main(String[] args)".to_string()
            }
            None => {
                let ret = self.result_type(&f.ret);
                let name = self
                    .opts
                    .function_name(&f.name, || names::value(&f.name, self.opts.naming));
                format!("static {ret} {name}({params})")
            }
            Some((c, true)) => format!("{}({params})", self.class_name(&c.name)),
            Some((c, false)) => {
                let ret = self.result_type(&f.ret);
                let name = self
                    .opts
                    .function_name(&f.name, || method_name(&f.name, self.opts.naming));
                let mut mods = String::new();
                if c.kind == ClassKind::Interface && f.body.is_some() {
                    mods.push_str("default ");
                }
                if f.is_static {
                    mods.push_str("static ");
                }
                if c.kind == ClassKind::Abstract && f.body.is_none() {
                    mods.push_str("abstract ");
                }
                if c.kind != ClassKind::Interface && !f.is_static {
                    mods = format!("public {mods}");
                }
                format!("{mods}{ret} {name}({params})")
            }
        };
        let Some(body) = &f.body else {
            self.w.line(format!("{head};"));
            return;
        };
        self.w.line(format!("{head} {{"));
        self.w.indent();
        if let Some(u) = find_unsupported(body) {
            self.diags.push(Diagnostic::unsupported(u.1, &u.0));
            self.w.line(format!(
                "// ferry: not translated ({}); original source:",
                u.0
            ));
            for line in u.2.lines() {
                self.w.line(format!("//   {line}"));
            }
            let msg = format!("ferry: not translated: {}", u.0).replace('"', "'");
            self.w.line(format!(
                "throw new UnsupportedOperationException(\"{msg}\");"
            ));
        } else {
            // Print into a scratch writer: a construct this backend cannot print turns the
            // function into a stub instead of code that merely compiles.
            let mut scratch = Writer::new("    ");
            for _ in 0..self.w.level() {
                scratch.indent();
            }
            let saved = std::mem::replace(&mut self.w, scratch);
            self.failed = None;
            self.box_captured(body);
            self.block_body(&body.stmts);
            for name in std::mem::take(&mut self.boxed) {
                self.renames.remove(&name);
            }
            let scratch = std::mem::replace(&mut self.w, saved);
            match self.failed.take() {
                None => {
                    let text = scratch.finish();
                    if !text.trim().is_empty() {
                        let level = self.w.level();
                        for _ in 0..level {
                            self.w.dedent();
                        }
                        for line in text.trim_end_matches('\n').lines() {
                            self.w.line(line);
                        }
                        for _ in 0..level {
                            self.w.indent();
                        }
                    }
                }
                Some(what) => {
                    self.w.line(format!("// ferry: not translated ({what})"));
                    let msg = format!("ferry: not translated: {what}").replace('"', "'");
                    self.w.line(format!(
                        "throw new UnsupportedOperationException(\"{msg}\");"
                    ));
                }
            }
        }
        self.w.dedent();
        self.w.line("}");
    }
}

/// A method name; `toString`-like special names keep their Java spelling.
fn method_name(name: &str, naming: crate::Naming) -> String {
    match name {
        "__str__" | "String" => "toString".into(),
        _ => names::value(name, naming),
    }
}

/// The first `Unsupported` node in a block: (construct, span, text).
fn find_unsupported(block: &ferry_ir::Block) -> Option<(String, ferry_ir::Span, String)> {
    ferry_ir::visit::first_unsupported(block).map(|u| (u.construct, u.span, u.text))
}

#[cfg(test)]
mod tests;
