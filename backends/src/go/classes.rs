//! Classes as Go types: structs with `NewT` constructors and pointer-receiver methods;
//! interfaces; open (abstract or extended) classes as an interface plus an embeddable base
//! struct whose `self` field makes calls from base methods dispatch dynamically.

use std::collections::HashSet;

use ferry_ir::{Block, Class, ClassKind, ExprKind, Function, Stmt, StmtKind, Type, CONSTRUCTOR};

use super::precedence::G;
use super::types::is_zero;
use super::{comment_line, names, read_names, Printer, Shape};

impl<'m> Printer<'m> {
    pub(super) fn type_name(&self, class: &str) -> String {
        names::type_name(self.opts.naming, class)
    }

    /// `New{T}`, `New{T}2`, ... by the constructor's arity.
    pub(super) fn ctor_name(&self, class: &str, argc: usize) -> String {
        let base = format!("New{}", self.type_name(class));
        let idx = self
            .classes
            .get(class)
            .and_then(|c| c.constructors.iter().position(|f| f.params.len() == argc))
            .unwrap_or(0);
        if idx == 0 {
            base
        } else {
            format!("{base}{}", idx + 1)
        }
    }

    /// `init{T}`, `init{T}2`, ... for an open class's constructors.
    pub(super) fn init_name(&self, class: &str, argc: usize) -> String {
        let base = format!("init{}", self.type_name(class));
        let idx = self
            .classes
            .get(class)
            .and_then(|c| c.constructors.iter().position(|f| f.params.len() == argc))
            .unwrap_or(0);
        if idx == 0 {
            base
        } else {
            format!("{base}{}", idx + 1)
        }
    }

    /// A static member as a package-level name: `counterTotal`.
    pub(super) fn static_name(&self, class: &str, member: &str) -> String {
        let c = names::value_name(self.opts.naming, class);
        let m = names::type_name(self.opts.naming, member);
        names::escape(format!("{c}{m}"))
    }

    pub(super) fn parent_class(&self) -> Option<String> {
        let (_, class) = self.recv.as_ref()?;
        self.classes.get(class)?.extends.clone()
    }

    /// The embedded field that holds the parent: `ShapeBase`.
    pub(super) fn parent_field(&self) -> String {
        let parent = self.parent_class().unwrap_or_default();
        format!("{}Base", self.type_name(&parent))
    }

    /// The root of an open class's hierarchy.
    fn root_of(&self, class: &str) -> String {
        let mut cur = class.to_string();
        for _ in 0..16 {
            match self.classes.get(&cur).and_then(|c| c.extends.clone()) {
                Some(p) if self.classes.contains_key(&p) => cur = p,
                _ => break,
            }
        }
        cur
    }

    /// `s.self` (or `s.self.(B)` when the method is not in the root's interface).
    pub(super) fn dispatch_target(&mut self, class: &str, method: &str) -> G {
        let this = G::atom(
            self.recv
                .as_ref()
                .map(|(n, _)| n.clone())
                .unwrap_or_default(),
        );
        let root = self.root_of(class);
        let target = G::sel(this, "self");
        let in_root = self
            .interface_methods(&root)
            .iter()
            .any(|f| f.name == method)
            || self.implemented_interfaces(&root).iter().any(|i| {
                self.classes
                    .get(i)
                    .is_some_and(|c| c.methods.iter().any(|m| m.name == method))
            });
        if in_root || root == class {
            target
        } else {
            G::atom(format!("{}.({})", target.print(0), self.type_name(class)))
        }
    }

    /// The instance methods of an open class and its ancestors (most derived wins).
    fn interface_methods(&self, class: &str) -> Vec<&'m Function> {
        let mut chain = Vec::new();
        let mut cur = Some(class.to_string());
        while let Some(c) = cur {
            let Some(info) = self.classes.get(&c).copied() else {
                break;
            };
            chain.push(info);
            cur = info.extends.clone();
            if chain.len() > 16 {
                break;
            }
        }
        let mut out: Vec<&Function> = Vec::new();
        for info in chain.iter().rev() {
            for m in &info.methods {
                if m.is_static {
                    continue;
                }
                if let Some(slot) = out.iter_mut().find(|f| f.name == m.name) {
                    *slot = m;
                } else {
                    out.push(m);
                }
            }
        }
        out
    }

    /// The interfaces a class and its ancestors implement (which its Go interface embeds).
    fn implemented_interfaces(&self, class: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut cur = Some(class.to_string());
        for _ in 0..16 {
            let Some(info) = cur.as_ref().and_then(|c| self.classes.get(c)) else {
                break;
            };
            for i in &info.implements {
                if self.shape(i) == Some(Shape::Interface) && !out.contains(i) {
                    out.push(i.clone());
                }
            }
            cur = info.extends.clone();
        }
        out
    }

    /// Whether a class or one of its ancestors has instance fields.
    fn has_fields(&self, class: &str) -> bool {
        let mut cur = Some(class.to_string());
        for _ in 0..16 {
            let Some(c) = cur else { return false };
            let Some(info) = self.classes.get(&c) else {
                return false;
            };
            if info.fields.iter().any(|f| !f.is_static) {
                return true;
            }
            cur = info.extends.clone();
        }
        false
    }

    /// A short receiver name that no method of the class uses for anything else.
    fn receiver_name(&self, class: &Class) -> String {
        let mut used = HashSet::new();
        for f in class.methods.iter().chain(&class.constructors) {
            for p in &f.params {
                used.insert(names::value_name(self.opts.naming, &p.name));
            }
            if let Some(b) = &f.body {
                for n in read_names(b) {
                    used.insert(names::value_name(self.opts.naming, &n));
                }
                collect_declared(b, &mut used, self.opts.naming);
            }
        }
        let ty = self.type_name(&class.name);
        let first: String = ty
            .chars()
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_else(|| "x".into());
        let two: String = ty.chars().take(2).collect::<String>().to_lowercase();
        for cand in [first, two, "this".to_string(), "self_".to_string()] {
            let cand = names::escape(cand);
            if !used.contains(&cand) {
                return cand;
            }
        }
        "recv".to_string()
    }

    pub(super) fn class(&mut self, c: &'m Class) {
        match self.shape(&c.name) {
            Some(Shape::Exception) => {}
            Some(Shape::Interface) => self.interface(c),
            Some(Shape::Open) => self.open_class(c),
            _ => self.plain_class(c),
        }
        self.statics(c);
    }

    fn doc(&mut self, doc: Option<&String>) {
        if let Some(doc) = doc {
            for l in doc.lines() {
                self.line(comment_line(l));
            }
        }
    }

    fn method_spec(&mut self, f: &Function) -> String {
        let name = names::method_name(self.opts.naming, &f.name)
            + &self.overload_suffix(true, &f.name, f.params.len());
        let sig = self.signature(&name, f, None);
        sig.strip_prefix("func ").unwrap_or(&sig).to_string()
    }

    fn interface(&mut self, c: &'m Class) {
        self.doc(c.doc.as_ref());
        let name = self.type_name(&c.name);
        self.line(format!("type {name} interface {{"));
        self.level += 1;
        let parents: Vec<String> = c.extends.iter().chain(&c.implements).cloned().collect();
        for p in parents {
            if self.shape(&p) == Some(Shape::Interface) {
                let pn = self.type_name(&p);
                self.line(pn);
            }
        }
        for m in c.methods.iter().filter(|m| !m.is_static) {
            self.doc(m.doc.as_ref());
            let spec = self.method_spec(m);
            self.line(spec);
        }
        self.level -= 1;
        self.line("}");
    }

    /// Struct fields, aligned as gofmt aligns them.
    fn struct_fields(&mut self, embedded: Option<String>, fields: Vec<(String, String)>) {
        if let Some(e) = embedded {
            self.line(e);
        }
        let width = fields
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        for (n, t) in fields {
            let pad = " ".repeat(width - n.chars().count() + 1);
            self.line(format!("{n}{pad}{t}"));
        }
    }

    fn instance_fields(&mut self, c: &Class) -> Vec<(String, String)> {
        c.fields
            .iter()
            .filter(|f| !f.is_static)
            .map(|f| {
                (
                    names::value_name(self.opts.naming, &f.name),
                    self.go_type(&f.ty),
                )
            })
            .collect()
    }

    fn plain_class(&mut self, c: &'m Class) {
        self.doc(c.doc.as_ref());
        let name = self.type_name(&c.name);
        let recv = self.receiver_name(c);
        let fields = self.instance_fields(c);
        let embedded = c
            .extends
            .as_ref()
            .filter(|p| self.classes.contains_key(*p))
            .map(|p| format!("{}Base", self.type_name(p)));
        if fields.is_empty() && embedded.is_none() {
            self.line(format!("type {name} struct{{}}"));
        } else {
            self.line(format!("type {name} struct {{"));
            self.level += 1;
            self.struct_fields(embedded, fields);
            self.level -= 1;
            self.line("}");
        }
        self.constructors(c, &recv, &name, false);
        for m in c.methods.iter().filter(|m| !m.is_static) {
            self.blank();
            let ptr = format!("*{name}");
            self.function(m, Some((recv.clone(), ptr, c.name.clone())));
        }
    }

    fn open_class(&mut self, c: &'m Class) {
        self.doc(c.doc.as_ref());
        let name = self.type_name(&c.name);
        let base = format!("{name}Base");
        let recv = self.receiver_name(c);
        // The interface.
        self.line(format!("type {name} interface {{"));
        self.level += 1;
        for i in self.implemented_interfaces(&c.name) {
            let t = self.type_name(&i);
            self.line(t);
        }
        for m in self.interface_methods(&c.name) {
            let spec = self.method_spec(m);
            self.line(spec);
        }
        let mut cur = Some(c.name.clone());
        let mut accessors = Vec::new();
        let mut visited = Vec::new();
        while let Some(k) = cur {
            // A cycle of `extends` (classes extending each other) ends the walk.
            if visited.contains(&k) {
                break;
            }
            visited.push(k.clone());
            if self.has_fields(&k)
                && self
                    .classes
                    .get(&k)
                    .is_some_and(|i| i.fields.iter().any(|f| !f.is_static))
            {
                accessors.push(k.clone());
            }
            cur = self.classes.get(&k).and_then(|i| i.extends.clone());
        }
        for a in accessors.iter().rev() {
            let t = self.type_name(a);
            self.line(format!("base{t}() *{t}Base"));
        }
        self.level -= 1;
        self.line("}");
        // The base struct.
        self.blank();
        self.line(format!("type {base} struct {{"));
        self.level += 1;
        let mut fields = Vec::new();
        let embedded = match c.extends.as_ref().filter(|p| self.classes.contains_key(*p)) {
            Some(p) => Some(format!("{}Base", self.type_name(p))),
            None => {
                fields.push(("self".to_string(), name.clone()));
                None
            }
        };
        fields.extend(self.instance_fields(c));
        self.struct_fields(embedded, fields);
        self.level -= 1;
        self.line("}");
        if c.fields.iter().any(|f| !f.is_static) {
            self.blank();
            self.line(format!("func ({recv} *{base}) base{name}() *{base} {{"));
            self.level += 1;
            self.line(format!("return {recv}"));
            self.level -= 1;
            self.line("}");
        }
        self.constructors(c, &recv, &base, true);
        for m in c
            .methods
            .iter()
            .filter(|m| !m.is_static && m.body.is_some())
        {
            self.blank();
            let ptr = format!("*{base}");
            self.function(m, Some((recv.clone(), ptr, c.name.clone())));
        }
    }

    /// `NewT` functions (and `initT` methods for open classes).
    fn constructors(&mut self, c: &'m Class, recv: &str, struct_name: &str, open: bool) {
        let defaults: Vec<Function>;
        let ctors: &[Function] = if c.constructors.is_empty() {
            defaults = vec![Function {
                name: c.name.clone(),
                params: Vec::new(),
                ret: Type::Void,
                body: Some(Block::default()),
                is_static: false,
                doc: None,
                span: c.span,
            }];
            &defaults
        } else {
            &c.constructors
        };
        for (i, ctor) in ctors.iter().enumerate() {
            let suffix = if i == 0 {
                String::new()
            } else {
                (i + 1).to_string()
            };
            self.blank();
            self.recv = Some((recv.to_string(), c.name.clone()));
            if open {
                let init = format!("init{}{suffix}", self.type_name(&c.name));
                let header = self.signature(&init, ctor, Some((recv, &format!("*{struct_name}"))));
                self.ctor_body(&header, c, ctor, None);
                if c.kind != ClassKind::Abstract {
                    self.blank();
                    let new_name = format!("New{}{suffix}", self.type_name(&c.name));
                    let mut f = ctor.clone();
                    f.ret = Type::Named(c.name.clone());
                    let header = self.signature(&new_name, &f, None);
                    self.line(format!("{header} {{"));
                    self.level += 1;
                    self.line(format!("{recv} := &{struct_name}{{}}"));
                    self.line(format!("{recv}.self = {recv}"));
                    let args: Vec<String> = ctor
                        .params
                        .iter()
                        .map(|p| names::value_name(self.opts.naming, &p.name))
                        .collect();
                    self.line(format!("{recv}.{init}({})", args.join(", ")));
                    self.line(format!("return {recv}"));
                    self.level -= 1;
                    self.line("}");
                }
            } else {
                let new_name = format!("New{}{suffix}", self.type_name(&c.name));
                let mut f = ctor.clone();
                f.ret = Type::Named(c.name.clone());
                let header = self.signature(&new_name, &f, None);
                self.ctor_body(&header, c, ctor, Some(struct_name));
            }
            self.recv = None;
        }
    }

    /// A constructor body: the parent's init, field initialisers, then the body. `alloc` is the
    /// struct to allocate (a `NewT` function) or `None` (an `initT` method).
    fn ctor_body(&mut self, header: &str, c: &Class, ctor: &Function, alloc: Option<&str>) {
        let body = ctor.body.as_ref();
        if let Some(u) = body.and_then(super::first_unsupported) {
            self.unsupported(u.span, &u.construct);
            self.line(format!("{header} {{"));
            self.level += 1;
            self.line(format!(
                "panic({})",
                super::expr::quote(&format!("ferry: unsupported {}", u.construct))
            ));
            self.level -= 1;
            self.line("}");
            return;
        }
        let recv = self
            .recv
            .as_ref()
            .map(|(n, _)| n.clone())
            .unwrap_or_default();
        let stmts: Vec<Stmt> = body.map(|b| b.stmts.clone()).unwrap_or_default();
        self.reads = body.map(read_names).unwrap_or_default();
        self.ret = Type::Void;
        let (super_call, rest): (Option<&Stmt>, &[Stmt]) = match stmts.first() {
            Some(s) if is_super_ctor(s) => (Some(s), &stmts[1..]),
            _ => (None, &stmts[..]),
        };
        let mut inits: Vec<(String, G)> = Vec::new();
        for f in c.fields.iter().filter(|f| !f.is_static) {
            if let Some(init) = &f.init {
                if !is_zero(init) {
                    let g = self.expr(init);
                    inits.push((names::value_name(self.opts.naming, &f.name), g));
                }
            }
        }
        let parent = c
            .extends
            .as_ref()
            .filter(|p| self.classes.contains_key(*p))
            .cloned();
        self.line(format!("{header} {{"));
        self.level += 1;
        if let Some(struct_name) = alloc {
            // A plain struct whose constructor only assigns fields is one composite literal.
            if parent.is_none() && super_call.is_none() {
                if let Some(assigns) = simple_field_assigns(rest) {
                    let mut elts: Vec<G> = Vec::new();
                    let assigned: HashSet<&str> = assigns.iter().map(|(n, _)| n.as_str()).collect();
                    for (n, g) in &inits {
                        if !assigned.contains(n.as_str()) {
                            elts.push(G::KeyValue(
                                Box::new(G::atom(n.clone())),
                                Box::new(g.clone()),
                            ));
                        }
                    }
                    for (n, e) in assigns {
                        if matches!(e.kind, ExprKind::Lit(ferry_ir::Literal::Null)) {
                            continue;
                        }
                        let field_ty = c.fields.iter().find(|f| f.name == n).map(|f| f.ty.clone());
                        let g = match &field_ty {
                            Some(t) => self.expr_as(e, t),
                            None => self.expr(e),
                        };
                        elts.push(G::KeyValue(
                            Box::new(G::atom(names::value_name(self.opts.naming, &n))),
                            Box::new(g),
                        ));
                    }
                    let lit = G::unary("&", G::Composite(struct_name.to_string(), elts));
                    self.line(format!("return {}", lit.print(self.level)));
                    self.level -= 1;
                    self.line("}");
                    return;
                }
            }
            let elts: Vec<G> = inits
                .drain(..)
                .map(|(n, g)| G::KeyValue(Box::new(G::atom(n)), Box::new(g)))
                .collect();
            let lit = G::unary("&", G::Composite(struct_name.to_string(), elts));
            self.line(format!("{recv} := {}", lit.print(self.level)));
            if parent.is_some() {
                self.line(format!("{recv}.self = {recv}"));
            }
        }
        match (super_call, &parent) {
            (Some(s), _) => self.stmt(s),
            (None, Some(p)) => {
                let parent_ctors = self
                    .classes
                    .get(p)
                    .map(|c| {
                        c.constructors
                            .iter()
                            .map(|f| f.params.len())
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                if parent_ctors.is_empty() || parent_ctors.contains(&0) {
                    let init = self.init_name(p, 0);
                    self.line(format!("{recv}.{init}()"));
                }
            }
            _ => {}
        }
        for (n, g) in inits {
            self.line(format!("{recv}.{n} = {}", g.print(self.level)));
        }
        self.block_stmts(rest);
        if alloc.is_some() {
            self.line(format!("return {recv}"));
        }
        self.level -= 1;
        self.line("}");
    }

    /// Static fields and methods as package-level variables and functions.
    fn statics(&mut self, c: &'m Class) {
        for f in c.fields.iter().filter(|f| f.is_static) {
            self.blank();
            let name = self.static_name(&c.name, &f.name);
            let ty = self.go_type(&f.ty);
            match &f.init {
                Some(init) if !is_zero(init) => {
                    let natural = self.natural_type(init);
                    let g = self.expr(init);
                    if natural.as_deref() == Some(ty.as_str()) {
                        self.line(format!("var {name} = {}", g.print(self.level)));
                    } else {
                        self.line(format!("var {name} {ty} = {}", g.print(self.level)));
                    }
                }
                _ => self.line(format!("var {name} {ty}")),
            }
        }
        for m in c.methods.iter().filter(|m| m.is_static) {
            self.blank();
            let name = self.static_name(&c.name, &m.name)
                + &self.overload_suffix(true, &m.name, m.params.len());
            self.enter_function(Some(&c.name), m);
            self.static_class = Some(c.name.clone());
            let header = self.signature(&name, m, None);
            self.function_body(&header, m.body.as_ref(), &m.ret, m.span);
            self.ptr_locals.clear();
            self.static_class = None;
        }
    }
}

fn is_super_ctor(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr(e) if matches!(&e.kind, ExprKind::MethodCall { receiver, method, .. } if matches!(receiver.kind, ExprKind::Super) && method == CONSTRUCTOR))
}

/// `this.f = e` statements (distinct fields, `e` not using `this`), as `(field, e)`.
fn simple_field_assigns(stmts: &[Stmt]) -> Option<Vec<(String, &ferry_ir::Expr)>> {
    let mut out: Vec<(String, &ferry_ir::Expr)> = Vec::new();
    for s in stmts {
        let StmtKind::Assign {
            target,
            op: None,
            value,
        } = &s.kind
        else {
            return None;
        };
        let ExprKind::Field { object, name } = &target.kind else {
            return None;
        };
        if !matches!(object.kind, ExprKind::This)
            || out.iter().any(|(n, _)| n == name)
            || uses_this(value)
        {
            return None;
        }
        out.push((name.clone(), value));
    }
    Some(out)
}

fn uses_this(e: &ferry_ir::Expr) -> bool {
    use ferry_ir::visit::{walk_expr, Visitor};
    struct Find(bool);
    impl Visitor for Find {
        fn visit_expr(&mut self, e: &ferry_ir::Expr) {
            if matches!(e.kind, ExprKind::This | ExprKind::Super) {
                self.0 = true;
            }
            walk_expr(self, e);
        }
    }
    let mut f = Find(false);
    f.visit_expr(e);
    f.0
}

/// Names declared by `Let`s and loops in a block.
fn collect_declared(b: &Block, out: &mut HashSet<String>, naming: crate::Naming) {
    use ferry_ir::visit::{walk_stmt, Visitor};
    struct Decl<'a>(&'a mut HashSet<String>, crate::Naming);
    impl Visitor for Decl<'_> {
        fn visit_stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Let { name, .. } => {
                    self.0.insert(names::value_name(self.1, name));
                }
                StmtKind::LetTuple { names: bs, .. } | StmtKind::ForEach { vars: bs, .. } => {
                    for b in bs {
                        self.0.insert(names::value_name(self.1, &b.name));
                    }
                }
                StmtKind::ForRange { var, .. } => {
                    self.0.insert(names::value_name(self.1, &var.name));
                }
                _ => {}
            }
            walk_stmt(self, s);
        }
    }
    Decl(out, naming).visit_block(b);
}
