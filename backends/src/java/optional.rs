//! Results that a target interface declares as `Optional` objects ([`Options::optional_results`])
//! where the IR's optional values are nullable: `Optional<T>`, or `List<Optional<T>>` for a list
//! of values that may be absent. Returns wrap the nullable values; calls inside the module unwrap
//! them again, so the rest of the module reads nullable values as before.

use ferry_ir::{Expr, ExprKind, Function, Item, Literal, Type};

use super::Printer;
use crate::Options;

/// Whether the returns of `f` are wrapped: the interface declares it and its result is optional
/// or a list of optional values.
pub(super) fn wraps(options: &Options, f: &Function) -> bool {
    options.optional_results.contains(&f.name) && shape(&f.ret).is_some()
}

/// Where the optional values of a result are: `Some(false)` for the result itself,
/// `Some(true)` for the elements of a list.
fn shape(ret: &Type) -> Option<bool> {
    match ret {
        Type::Optional(_) => Some(false),
        Type::List(e) if matches!(**e, Type::Optional(_)) => Some(true),
        _ => None,
    }
}

impl Printer<'_> {
    /// The printed result type of the current function: `Optional<T>` or `List<Optional<T>>`
    /// where its returns are wrapped.
    pub(super) fn result_type(&mut self, ret: &Type) -> String {
        if !self.wrap_optional {
            return self.ty(ret);
        }
        self.import("java.util.Optional");
        match ret {
            Type::List(e) => {
                self.import("java.util.List");
                format!("List<Optional<{}>>", self.ty(e))
            }
            _ => format!("Optional<{}>", self.ty(ret)),
        }
    }

    /// `return value` of a function whose result is wrapped: absent for `null`, else the value
    /// (cast from `Object` where the declared type is narrower); each element for a list.
    pub(super) fn optional_return(&mut self, value: &Expr) -> String {
        let ret = self.ret.clone();
        if let Type::List(e) = &ret {
            if matches!(value.kind, ExprKind::Lit(Literal::Null)) {
                return "null".to_string();
            }
            let inner = match &**e {
                Type::Optional(t) => (**t).clone(),
                other => other.clone(),
            };
            let v = self.expr_prec(value, super::precedence::Prec::Postfix);
            let cast = match value.ty.element() {
                Some(Type::Any) if inner.is_known() && inner != Type::Any => {
                    format!(".map({}.class::cast)", self.boxed(&inner))
                }
                _ => String::new(),
            };
            let collect = self.collect_list();
            return format!("{v}.stream(){cast}.map(Optional::ofNullable){collect}");
        }
        if matches!(value.kind, ExprKind::Lit(Literal::Null)) {
            return "Optional.empty()".to_string();
        }
        let inner = match &ret {
            Type::Optional(t) => (**t).clone(),
            other => other.clone(),
        };
        let v = self.expr_as(value, &inner);
        if value.ty == Type::Any && inner.is_known() && inner != Type::Any {
            let boxed = self.boxed(&inner);
            return format!("Optional.ofNullable(({boxed}) {v})");
        }
        format!("Optional.ofNullable({v})")
    }

    /// What follows a call of `function` whose result is wrapped, to read it as the nullable
    /// value (or list of them) the module expects: `.orElse(null)`.
    pub(super) fn unwrap_optional(&mut self, function: &str) -> String {
        if !self.opts.optional_results.contains(function) {
            return String::new();
        }
        let mut functions = self.module.items.iter().flat_map(|item| match item {
            Item::Function(f) => std::slice::from_ref(f).iter(),
            Item::Class(c) => c.methods.iter(),
            _ => [].iter(),
        });
        match functions
            .find(|f| f.name == function)
            .and_then(|f| shape(&f.ret))
        {
            Some(false) => ".orElse(null)".to_string(),
            Some(true) => format!(
                ".stream().map(ferryOptional -> ferryOptional.orElse(null)){}",
                self.collect_list()
            ),
            None => String::new(),
        }
    }

    /// The end of a stream collected into a new, mutable list.
    fn collect_list(&mut self) -> &'static str {
        self.import("java.util.ArrayList");
        self.import("java.util.stream.Collectors");
        ".collect(Collectors.toCollection(ArrayList::new))"
    }
}
