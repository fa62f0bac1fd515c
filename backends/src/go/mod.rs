//! The Go backend: prints IR as the source gofmt would print.
//!
//! Classes become structs with pointer-receiver methods and `NewT` constructors; a class that
//! is abstract or extended becomes an interface plus a `TBase` struct that subclasses embed, with
//! a `self` field so that calls from base methods dispatch dynamically; exceptions are panics
//! of a `*ferryError` carrying an `ExceptionKind`, caught with `defer`/`recover`. Imports and
//! prelude helpers are collected while printing and emitted once.

mod arrays;
mod classes;
mod comprehension;
mod expr;
mod format;
mod intrinsic_stmts;
mod intrinsics;
mod loops;
mod names;
mod pointers;
mod precedence;
mod prelude;
mod stmt;
mod try_catch;
mod types;

use std::collections::{BTreeSet, HashMap, HashSet};

use ferry_ir::visit::{first_unsupported, walk_expr, walk_stmt, Visitor};
use ferry_ir::{
    Block, Class, ClassKind, Diagnostic, Expr, ExprKind, Function, Item, Module, Span, Stmt,
    StmtKind, Type,
};

use crate::{Emitted, Options};

/// Prints a module as Go.
pub(crate) fn emit(module: &Module, options: &Options) -> Emitted {
    let mut p = Printer::new(module, options);
    p.analyze();
    let mut first = true;
    for item in &module.items {
        let before = p.out.len();
        if !first {
            p.blank();
        }
        let mark = p.out.len();
        p.item(item);
        if p.out.len() == mark {
            p.out.truncate(before);
        } else {
            first = false;
        }
    }
    let body = std::mem::take(&mut p.out);
    let prelude = p.render_prelude();
    let mut code = String::new();
    if let Some(doc) = &module.doc {
        for line in doc.lines() {
            code.push_str(&comment_line(line));
            code.push('\n');
        }
    }
    code.push_str("package main\n");
    if !p.imports.is_empty() {
        code.push_str("\nimport (\n");
        for imp in &p.imports {
            code.push_str(&format!("\t\"{imp}\"\n"));
        }
        code.push_str(")\n");
    }
    if !body.is_empty() {
        code.push('\n');
        code.push_str(&body);
    }
    if !prelude.is_empty() {
        code.push('\n');
        code.push_str(&prelude);
    }
    let code = code.trim_end().to_string() + "\n";
    Emitted {
        code,
        diagnostics: p.diags,
    }
}

fn comment_line(line: &str) -> String {
    if line.is_empty() {
        "//".to_string()
    } else {
        format!("// {line}")
    }
}

/// How a class is represented in Go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A struct used through `*T`.
    Plain,
    /// An abstract or extended class: interface `T` plus struct `TBase`.
    Open,
    /// A Java/Go interface.
    Interface,
    /// A user exception class: only its name matters (an `ExceptionKind::Custom`).
    Exception,
}

/// The printer state for one module.
struct Printer<'m> {
    module: &'m Module,
    opts: &'m Options,
    out: String,
    level: usize,
    imports: BTreeSet<&'static str>,
    prelude: BTreeSet<&'static str>,
    diags: Vec<Diagnostic>,
    classes: HashMap<String, &'m Class>,
    shapes: HashMap<String, Shape>,
    /// The receiver name of the method being printed, and its class.
    recv: Option<(String, String)>,
    /// Names read in the function being printed.
    reads: HashSet<String>,
    /// The result type of the function being printed.
    ret: Type,
    /// Counter for fresh names.
    fresh: usize,
    /// Inside a try closure that must forward `return`: (in a deferred handler?).
    try_return: Option<bool>,
    /// Loops entered inside the try body being printed.
    try_loop_depth: usize,
    /// A `finally` block to run before leaving a catch handler by `return`.
    pending_finally: Option<Block>,
    /// Names of caught-exception variables declared in the function being printed.
    try_vars: Vec<HashSet<String>>,
    /// Pointer parameters of every function (see `pointers`).
    ptr_params: pointers::PointerParams,
    /// Parameters of the function being printed that are pointers to slices.
    ptr_locals: HashSet<String>,
    /// Arities of overloaded functions (`None`) and methods (`Some(())`) by name.
    overloads: HashMap<(bool, String), Vec<usize>>,
    /// The class whose static method is being printed.
    static_class: Option<String>,
    /// Labels generated for loops left by a `break` inside a `switch`.
    loop_labels: Vec<Option<String>>,
    /// Whether printing is inside a switch case (relative to the innermost loop).
    switch_depth: Vec<usize>,
    /// The length of the current function's result where an interface declares it a
    /// fixed-size array (see `arrays`).
    ret_len: Option<usize>,
    /// Likewise the length of the elements of a result declared as a slice of fixed-size
    /// arrays (`[][2]int`).
    ret_elem_len: Option<usize>,
    /// Parameters of the current function declared as fixed-size arrays: the printed
    /// parameter name and the length.
    array_params: HashMap<String, (String, usize)>,
    /// Lines printed first in the current function's body.
    prologue: Vec<String>,
    /// Whether the call being printed may keep its several results (the right side of a
    /// multiple assignment, a `return` of them); elsewhere they are packed into one tuple value.
    raw_results: bool,
}

impl<'m> Printer<'m> {
    fn new(module: &'m Module, opts: &'m Options) -> Printer<'m> {
        Printer {
            module,
            opts,
            out: String::new(),
            level: 0,
            imports: BTreeSet::new(),
            prelude: BTreeSet::new(),
            diags: Vec::new(),
            classes: HashMap::new(),
            shapes: HashMap::new(),
            recv: None,
            reads: HashSet::new(),
            ret: Type::Void,
            fresh: 0,
            try_return: None,
            try_loop_depth: 0,
            pending_finally: None,
            try_vars: vec![HashSet::new()],
            ptr_params: pointers::PointerParams::new(),
            ptr_locals: HashSet::new(),
            overloads: HashMap::new(),
            static_class: None,
            loop_labels: Vec::new(),
            switch_depth: Vec::new(),
            ret_len: None,
            ret_elem_len: None,
            array_params: HashMap::new(),
            prologue: Vec::new(),
            raw_results: false,
        }
    }

    fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        if !text.is_empty() {
            for _ in 0..self.level {
                self.out.push('\t');
            }
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn import(&mut self, path: &'static str) {
        self.imports.insert(path);
    }

    fn unsupported(&mut self, span: Span, what: &str) {
        self.diags.push(Diagnostic::unsupported(span, what));
    }

    /// Classifies every class of the module.
    fn analyze(&mut self) {
        for item in &self.module.items {
            if let Item::Class(c) = item {
                self.classes.insert(c.name.clone(), c);
            }
        }
        if self.module.language != ferry_ir::Language::Go {
            self.ptr_params = pointers::analyze(&self.module.items);
            // A function whose signature an interface declares takes the declared slices.
            self.ptr_params
                .retain(|(_, name), _| !self.opts.fixed_names.contains_key(name));
        }
        for item in &self.module.items {
            match item {
                Item::Function(f) => self
                    .overloads
                    .entry((false, f.name.clone()))
                    .or_default()
                    .push(f.params.len()),
                Item::Class(c) => {
                    for m in &c.methods {
                        self.overloads
                            .entry((true, m.name.clone()))
                            .or_default()
                            .push(m.params.len());
                    }
                }
                _ => {}
            }
        }
        for arities in self.overloads.values_mut() {
            arities.sort_unstable();
            arities.dedup();
        }
        let names: Vec<String> = self.classes.keys().cloned().collect();
        for name in &names {
            let shape = self.classify(name);
            self.shapes.insert(name.clone(), shape);
        }
    }

    fn classify(&self, name: &str) -> Shape {
        let Some(class) = self.classes.get(name) else {
            return Shape::Plain;
        };
        if self.is_exception(name, 0) {
            return Shape::Exception;
        }
        if class.kind == ClassKind::Interface {
            return Shape::Interface;
        }
        let extended = self
            .classes
            .values()
            .any(|c| c.extends.as_deref() == Some(name));
        if class.kind == ClassKind::Abstract || extended {
            Shape::Open
        } else {
            Shape::Plain
        }
    }

    fn is_exception(&self, name: &str, depth: usize) -> bool {
        if depth > 16 {
            return false;
        }
        match self.classes.get(name) {
            Some(c) => match &c.extends {
                Some(parent) => self.is_exception(parent, depth + 1),
                None => false,
            },
            None => name.ends_with("Exception") || name.ends_with("Error") || name == "Throwable",
        }
    }

    fn shape(&self, class: &str) -> Option<Shape> {
        self.shapes.get(class).copied()
    }

    /// The direct and indirect subclasses of a class, itself included.
    fn descendants(&self, name: &str) -> Vec<String> {
        let mut out = vec![name.to_string()];
        let mut i = 0;
        while i < out.len() && out.len() < 64 {
            let cur = out[i].clone();
            for c in self.classes.values() {
                if c.extends.as_deref() == Some(cur.as_str()) && !out.contains(&c.name) {
                    out.push(c.name.clone());
                }
            }
            i += 1;
        }
        out
    }

    fn item(&mut self, item: &'m Item) {
        match item {
            Item::Function(f) => self.function(f, None),
            Item::Class(c) => self.class(c),
            Item::Global(g) => {
                if let Some(doc) = &g.doc {
                    for l in doc.lines() {
                        self.line(comment_line(l));
                    }
                }
                let name = self.global_name(&g.name);
                self.reads.clear();
                let keyword = if g.is_const && is_const_expr(&g.init) {
                    "const"
                } else {
                    "var"
                };
                let value = self.expr(&g.init);
                let value = value.print(self.level);
                let declared = self.go_type(&g.ty);
                let natural = self.natural_type(&g.init);
                if keyword == "var" && natural.as_deref() != Some(declared.as_str()) {
                    self.line(format!("var {name} {declared} = {value}"));
                } else {
                    self.line(format!("{keyword} {name} = {value}"));
                }
            }
            Item::Unsupported(u) => {
                self.unsupported(u.span, &u.construct);
                self.line(format!("// ferry: unsupported {}:", u.construct));
                for l in u.text.lines() {
                    self.line(format!("// {l}"));
                }
            }
        }
    }

    /// `""`, or `2`, `3`, ... for the overloads of a name with more parameters.
    fn overload_suffix(&self, method: bool, name: &str, arity: usize) -> String {
        match self.overloads.get(&(method, name.to_string())) {
            Some(arities) if arities.len() > 1 => match arities.iter().position(|a| *a == arity) {
                Some(0) | None => String::new(),
                Some(i) => (i + 1).to_string(),
            },
            _ => String::new(),
        }
    }

    fn global_name(&self, name: &str) -> String {
        names::value_name(self.opts.naming, name)
    }

    /// A function; `recv` is `(receiver name, receiver type, class)` for methods.
    fn function(&mut self, f: &'m Function, recv: Option<(String, String, String)>) {
        if let Some(doc) = &f.doc {
            for l in doc.lines() {
                self.line(comment_line(l));
            }
        }
        let name = if f.name == "main" && f.params.is_empty() && recv.is_none() {
            "main".to_string()
        } else if recv.is_some() {
            self.opts
                .function_name(&f.name, || names::method_name(self.opts.naming, &f.name))
                + &self.overload_suffix(true, &f.name, f.params.len())
        } else {
            self.opts
                .function_name(&f.name, || names::value_name(self.opts.naming, &f.name))
                + &self.overload_suffix(false, &f.name, f.params.len())
        };
        self.enter_function(recv.as_ref().map(|(_, _, c)| c.as_str()), f);
        self.enter_arrays(f);
        let header = self.signature(
            &name,
            f,
            recv.as_ref().map(|(n, t, _)| (n.as_str(), t.as_str())),
        );
        self.recv = recv.map(|(n, _, c)| (n, c));
        self.function_body(&header, f.body.as_ref(), &f.ret, f.span);
        self.recv = None;
        self.ret_len = None;
        self.ret_elem_len = None;
        self.prologue.clear();
    }

    /// `func (r *T) name(a int, b string) int`.
    fn signature(&mut self, name: &str, f: &Function, recv: Option<(&str, &str)>) -> String {
        let params: Vec<String> = f
            .params
            .iter()
            .map(|p| {
                let ty = self.go_type(&p.ty);
                let ty = if self.ptr_locals.contains(&p.name) {
                    format!("*{ty}")
                } else {
                    ty
                };
                let n = names::value_name(self.opts.naming, &p.name);
                if let Some((array, len)) = self.array_params.get(&p.name).cloned() {
                    return format!("{array} {}", self.array_type(len, &p.ty));
                }
                if p.variadic {
                    format!("{n} ...{ty}")
                } else {
                    format!("{n} {ty}")
                }
            })
            .collect();
        let ret = match (self.ret_len, self.ret_elem_len) {
            (Some(n), _) => format!(" {}", self.array_type(n, &f.ret)),
            (None, Some(n)) => format!(" {}", self.arrays_type(n, &f.ret)),
            (None, None) => self.result_type(&f.ret),
        };
        let recv = recv.map(|(n, t)| format!("({n} {t}) ")).unwrap_or_default();
        format!("func {recv}{name}({}){ret}", params.join(", "))
    }

    /// ` int`, ` (int, string)` or nothing.
    fn result_type(&mut self, ret: &Type) -> String {
        match ret {
            Type::Void => String::new(),
            Type::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(|t| self.go_type(t)).collect();
                format!(" ({})", parts.join(", "))
            }
            t => format!(" {}", self.go_type(t)),
        }
    }

    /// Prints `header {`, the body (or a stub when it holds unsupported code) and `}`.
    fn function_body(&mut self, header: &str, body: Option<&Block>, ret: &Type, _span: Span) {
        let Some(body) = body else {
            self.line(format!("{header} {{"));
            self.level += 1;
            self.line("panic(\"abstract method called\")");
            self.level -= 1;
            self.line("}");
            return;
        };
        if let Some(u) = first_unsupported(body) {
            self.unsupported(u.span, &u.construct);
            self.line(format!("{header} {{"));
            self.level += 1;
            self.line(format!("// ferry: unsupported {}:", u.construct));
            for l in u.text.lines() {
                self.line(format!("// {}", l.trim_end()));
            }
            self.line(format!(
                "panic({})",
                expr::quote(&format!("ferry: unsupported {}", u.construct))
            ));
            self.level -= 1;
            self.line("}");
            return;
        }
        self.reads = read_names(body);
        self.try_vars = vec![HashSet::new()];
        self.ret = ret.clone();
        let (out_mark, diag_mark, level_mark) = (self.out.len(), self.diags.len(), self.level);
        // What the body registers is rolled back with it if the function becomes a stub: Go
        // rejects unused imports.
        let (imports_mark, prelude_mark) = (self.imports.clone(), self.prelude.clone());
        self.line(format!("{header} {{"));
        self.level += 1;
        for line in self.prologue.clone() {
            self.line(line);
        }
        let stmts = match body.stmts.split_last() {
            Some((
                Stmt {
                    kind: StmtKind::Return(None),
                    ..
                },
                rest,
            )) if *ret == Type::Void => rest,
            _ => &body.stmts[..],
        };
        self.block_stmts(stmts);
        if *ret != Type::Void && !stmt::terminates(&body.stmts) {
            self.line("panic(\"unreachable\")");
        }
        self.level -= 1;
        self.line("}");
        // Something this backend cannot print: the whole function becomes a stub.
        let failed = self.diags[diag_mark..]
            .iter()
            .find(|d| d.severity == ferry_ir::Severity::Unsupported)
            .cloned();
        if let Some(d) = failed {
            self.out.truncate(out_mark);
            self.level = level_mark;
            self.imports = imports_mark;
            self.prelude = prelude_mark;
            self.line(format!("{header} {{"));
            self.level += 1;
            self.line(format!("// ferry: {}", d.message));
            self.line(format!(
                "panic({})",
                expr::quote(&format!("ferry: {}", d.message))
            ));
            self.level -= 1;
            self.line("}");
        }
    }

    fn fresh_name(&mut self, base: &str) -> String {
        self.fresh += 1;
        let mut name = base.to_string();
        let mut n = 1;
        while self.reads.contains(&name) {
            n += 1;
            name = format!("{base}{n}");
        }
        name
    }
}

/// Whether an expression is a Go constant expression.
fn is_const_expr(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(l) => !matches!(l, ferry_ir::Literal::Null),
        ExprKind::Binary { lhs, rhs, .. } => is_const_expr(lhs) && is_const_expr(rhs),
        ExprKind::Unary { operand, .. } => is_const_expr(operand),
        _ => false,
    }
}

/// The names a block reads (assigning to a name, `x += 1` and `x++` are not reads in Go).
fn read_names(block: &Block) -> HashSet<String> {
    struct Reads(HashSet<String>);
    impl Visitor for Reads {
        fn visit_stmt(&mut self, stmt: &Stmt) {
            match &stmt.kind {
                StmtKind::Assign { target, value, .. }
                    if matches!(target.kind, ExprKind::Name(_)) =>
                {
                    self.visit_expr(value);
                }
                StmtKind::AssignTuple { targets, value } => {
                    targets
                        .iter()
                        .filter(|t| !matches!(t.kind, ExprKind::Name(_)))
                        .for_each(|t| self.visit_expr(t));
                    self.visit_expr(value);
                }
                StmtKind::Expr(Expr {
                    kind: ExprKind::IncDec { target, .. },
                    ..
                }) if matches!(target.kind, ExprKind::Name(_)) => {}
                _ => walk_stmt(self, stmt),
            }
        }
        fn visit_expr(&mut self, expr: &Expr) {
            if let ExprKind::Name(n) = &expr.kind {
                self.0.insert(n.clone());
            }
            walk_expr(self, expr);
        }
    }
    let mut r = Reads(HashSet::new());
    r.visit_block(block);
    r.0
}
