//! Classes: bases (`ABC` for interfaces and abstract classes), class attributes for static
//! fields, `__init__` with field initialisers after the `super().__init__(...)` call, methods.

use std::collections::HashSet;

use ferry_ir::{Class, ClassKind, ExprKind, Function, Stmt, StmtKind};

use super::{
    contains_unsupported_fn, default_value, is_pure, is_super_ctor, mentions_field, names, Printer,
};

impl Printer<'_> {
    pub(super) fn class(&mut self, c: &Class) {
        let mut bases: Vec<String> = Vec::new();
        if let Some(e) = &c.extends {
            bases.push(self.base_name(e));
        }
        for i in &c.implements {
            bases.push(self.base_name(i));
        }
        let is_abstract = matches!(c.kind, ClassKind::Interface | ClassKind::Abstract)
            || c.methods.iter().any(|m| m.body.is_none());
        if is_abstract && bases.is_empty() {
            self.import_from("abc", "ABC");
            bases.push("ABC".to_string());
        }
        let name = names::class(c.name.as_str(), self.opts);
        if bases.is_empty() {
            self.w.line(format!("class {name}:"));
        } else {
            self.w.line(format!("class {name}({}):", bases.join(", ")));
        }
        self.w.indent();
        let mut empty = true;
        if let Some(doc) = &c.doc {
            self.doc(doc);
            empty = false;
        }
        let statics: Vec<_> = c.fields.iter().filter(|f| f.is_static).collect();
        if !statics.is_empty() {
            if !empty {
                self.w.blank();
            }
            for f in statics {
                let fname = self.field_name(&f.name);
                let value = match &f.init {
                    Some(e) => self.expr(e, 0),
                    None => default_value(&f.ty).to_string(),
                };
                self.w.line(format!("{fname} = {value}"));
            }
            empty = false;
        }
        let instance_fields: Vec<_> = c.fields.iter().filter(|f| !f.is_static).collect();
        if c.constructors.len() > 1 {
            self.unsupported(c.span, "overloaded constructors");
        }
        if let Some(ctor) = c.constructors.first() {
            if !empty {
                self.w.blank();
            }
            self.constructor(c, ctor, &instance_fields);
            empty = false;
        } else if !instance_fields.is_empty() {
            if !empty {
                self.w.blank();
            }
            self.w.line("def __init__(self):");
            self.w.indent();
            if c.extends
                .as_deref()
                .is_some_and(|e| self.classes.contains_key(e))
            {
                self.w.line("super().__init__()");
            }
            for f in &instance_fields {
                let fname = self.field_name(&f.name);
                let value = match &f.init {
                    Some(e) => self.expr(e, 0),
                    None => default_value(&f.ty).to_string(),
                };
                self.w.line(format!("self.{fname} = {value}"));
            }
            self.w.dedent();
            empty = false;
        }
        for m in &c.methods {
            if !empty {
                self.w.blank();
            }
            self.function(m, Some(c));
            empty = false;
        }
        if empty {
            self.w.line("pass");
        }
        self.w.dedent();
    }

    pub(super) fn base_name(&mut self, name: &str) -> String {
        if self.classes.contains_key(name) {
            return names::class(name, self.opts);
        }
        match name {
            "Exception" | "Throwable" | "error" => "Exception".to_string(),
            "RuntimeException" | "IllegalStateException" => "RuntimeError".to_string(),
            "IllegalArgumentException" | "NumberFormatException" => "ValueError".to_string(),
            "ArithmeticException" => "ArithmeticError".to_string(),
            "IndexOutOfBoundsException" | "ArrayIndexOutOfBoundsException" => {
                "IndexError".to_string()
            }
            "UnsupportedOperationException" => "NotImplementedError".to_string(),
            "Object" => "object".to_string(),
            other => names::class(other, self.opts),
        }
    }

    pub(super) fn constructor(&mut self, c: &Class, ctor: &Function, fields: &[&ferry_ir::Field]) {
        self.begin_function(ctor);
        let params = self.params(ctor, true);
        self.w.line(format!("def __init__({params}):"));
        self.w.indent();
        if let Some(doc) = &ctor.doc {
            self.doc(doc);
        }
        let body = ctor.body.clone().unwrap_or_default();
        if contains_unsupported_fn(ctor) {
            self.stub(ctor);
            self.w.dedent();
            return;
        }
        let mut stmts: &[Stmt] = &body.stmts;
        let first_is_super = stmts.first().is_some_and(is_super_ctor);
        if first_is_super {
            if let Some(s) = stmts.first() {
                self.stmt(s);
            }
            stmts = stmts.get(1..).unwrap_or(&[]);
        } else if c
            .extends
            .as_deref()
            .is_some_and(|e| self.classes.contains_key(e))
        {
            self.w.line("super().__init__()");
        }
        let assigned: HashSet<String> = stmts
            .iter()
            .filter_map(|s| match &s.kind {
                StmtKind::Assign {
                    target,
                    op: None,
                    value,
                } => match &target.kind {
                    ExprKind::Field { object, name }
                        if matches!(object.kind, ExprKind::This)
                            && !mentions_field(value, name) =>
                    {
                        Some(name.clone())
                    }
                    _ => None,
                },
                _ => None,
            })
            .collect();
        for f in fields {
            let trivial = f.init.as_ref().is_none_or(is_pure);
            if trivial && assigned.contains(&f.name) {
                continue;
            }
            let fname = self.field_name(&f.name);
            let value = match &f.init {
                Some(e) => self.expr(e, 0),
                None => default_value(&f.ty).to_string(),
            };
            self.w.line(format!("self.{fname} = {value}"));
        }
        self.globals_decl(ctor);
        for s in stmts {
            self.stmt(s);
        }
        if stmts.is_empty() && fields.is_empty() && !first_is_super {
            self.w.line("pass");
        }
        self.w.dedent();
    }
}
