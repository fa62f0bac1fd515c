//! Parameters that an interface declares with another type than the translation's, where a
//! statically typed target cannot pass one for the other: a list where the body was written for
//! an array (Java `List<Integer>` for `int[]`), or a list of other elements (`List<Double>` for
//! a body over integers, `List<Object>` for one over numbers).
//!
//! The function keeps its body and its types and is printed under a derived name; a wrapper
//! under the declared name and with the declared parameter types converts the arguments and
//! calls it. Calls inside the module go on calling the function itself, with the types it was
//! written for. A wrapper also converts a result that the function's own callers need as it is
//! (an array where a list is declared, a list of any values or of values that may be absent
//! where a list of plain values is).

use std::collections::{BTreeMap, HashSet};

use ferry_backends::Options;
use ferry_ir::signature::PairedBy;
use ferry_ir::visit::{walk_expr, walk_stmt, Visitor};
use ferry_ir::{
    Binding, Block, Comprehension, ComprehensionClause, ComprehensionKind, Expr, ExprKind,
    Function, Intrinsic, Item, Language, Module, Param, Signature, Stmt, StmtKind, Type,
};

/// How an argument of a declared parameter type becomes the type the body was written for.
#[derive(Debug, Clone, PartialEq)]
enum Conversion {
    /// A list to an array of the same elements.
    ArrayFromList,
    /// A list to a list of these elements, each converted (a number to an integer or a float).
    Elements(Type),
}

/// The conversion from a `declared` parameter type to `ours`, where one is needed and known.
fn conversion(ours: &Type, declared: &Type) -> Option<Conversion> {
    let numeric = |t: &Type| matches!(t, Type::Int(_) | Type::Float);
    match (ours, declared) {
        (Type::Array(_), Type::List(_)) => Some(Conversion::ArrayFromList),
        (Type::List(o), Type::List(d) | Type::Array(d))
            if numeric(o) && (numeric(d) && o.is_int() != d.is_int() || **d == Type::Any) =>
        {
            Some(Conversion::Elements((**o).clone()))
        }
        _ => None,
    }
}

/// Whether `ours` and `declared` differ in a way that [`wrap`] converts (for `target`).
pub(crate) fn converted(ours: &Type, declared: &Type, target: Language) -> bool {
    target != Language::Python && conversion(ours, declared).is_some()
}

/// Adds a wrapper with the declared parameter types for every function of `module` that
/// `paired` gives a signature whose parameters need a [`Conversion`] (or whose result needs one
/// that the function itself keeps for its callers), printing the function itself under the
/// declared name with an `Impl` suffix. Python, without static types, needs none.
pub(crate) fn wrap(
    module: &mut Module,
    paired: &BTreeMap<String, (Signature, PairedBy)>,
    target: Language,
    options: &mut Options,
) {
    if target == Language::Python {
        return;
    }
    let mut wrapped = |f: &Function, class: Option<&str>| {
        let (sig, _) = paired.get(&f.name)?;
        let w = wrapper(f, sig, class)?;
        register(options, &f.name, &w.name);
        Some(w)
    };
    for item in std::mem::take(&mut module.items) {
        match item {
            Item::Function(f) => {
                let w = wrapped(&f, None);
                module.items.push(Item::Function(f));
                module.items.extend(w.map(Item::Function));
            }
            Item::Class(mut c) => {
                let mut methods = Vec::new();
                for m in std::mem::take(&mut c.methods) {
                    let w = wrapped(&m, Some(&c.name));
                    methods.push(m);
                    methods.extend(w);
                }
                c.methods = methods;
                module.items.push(Item::Class(c));
            }
            other => module.items.push(other),
        }
    }
}

/// Moves to the wrapper `wrapper` of `function` its declared name (the function gets the name
/// with an `Impl` suffix) and what the declaration says about its types for the backend, which
/// now holds at the wrapper.
fn register(options: &mut Options, function: &str, wrapper: &str) {
    if let Some(printed) = options.fixed_names.remove(function) {
        options
            .fixed_names
            .insert(function.to_string(), format!("{printed}Impl"));
        options.fixed_names.insert(wrapper.to_string(), printed);
    }
    if options.optional_results.remove(function) {
        options.optional_results.insert(wrapper.to_string());
    }
    if let Some(lengths) = options.array_lengths.remove(function) {
        options.array_lengths.insert(wrapper.to_string(), lengths);
    }
}

/// The names of the functions and methods that the module's own code calls.
pub(crate) fn called(module: &Module) -> HashSet<String> {
    struct Calls(HashSet<String>);
    impl Visitor for Calls {
        fn visit_expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Call { func, .. } => {
                    self.0.insert(func.clone());
                }
                ExprKind::MethodCall { method, .. } => {
                    self.0.insert(method.clone());
                }
                _ => {}
            }
            walk_expr(self, e);
        }
    }
    let mut calls = Calls(HashSet::new());
    for item in &module.items {
        match item {
            Item::Function(f) => calls.visit_function(f),
            Item::Class(c) => c
                .methods
                .iter()
                .chain(&c.constructors)
                .for_each(|m| calls.visit_function(m)),
            _ => {}
        }
    }
    calls.0
}

/// The result type a wrapper returns where a function's result `ours` is kept for its callers
/// but differs from the `declared` one: a plain value for any value, a list for an array (and a
/// list of lists for a list of arrays), a list of plain values for a list of any values or of
/// values that may be absent.
fn result_conversion(ours: &Type, declared: &Type) -> Option<Type> {
    let is_value = crate::results::is_value;
    match (ours, declared) {
        (Type::Any, d) if is_value(d) => Some(declared.clone()),
        (Type::Array(elem), Type::List(_)) => Some(Type::List(elem.clone())),
        (Type::List(o), Type::List(d)) if **o == Type::Any && is_value(d) => Some(declared.clone()),
        (Type::List(o), Type::List(d)) => match (&**o, &**d) {
            (Type::Optional(inner), d)
                if is_value(inner) && crate::conform::compatible(inner, d) =>
            {
                Some(Type::List(inner.clone()))
            }
            (Type::Array(inner), Type::List(_)) => Some(Type::list(Type::List(inner.clone()))),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a wrapper converts the result `ours` to the `declared` one (for `target`).
pub(crate) fn result_converted(ours: &Type, declared: &Type, target: Language) -> bool {
    target != Language::Python && result_conversion(ours, declared).is_some()
}

/// The IR name of the wrapper of `function`.
fn wrapper_name(function: &str) -> String {
    format!("{function} declared")
}

/// The wrapper of `f` (a method of `class`, or a module function) with the parameter types of
/// `sig`, where some parameter needs a conversion.
fn wrapper(f: &Function, sig: &Signature, class: Option<&str>) -> Option<Function> {
    if f.body.is_none() || sig.params.len() != f.params.len() {
        return None;
    }
    let pairs: Vec<(&Param, &Type)> = f
        .params
        .iter()
        .zip(sig.params.iter().map(|(_, t)| t))
        .collect();
    let conversions: Vec<Option<Conversion>> = pairs
        .iter()
        .map(|(p, declared)| (!p.variadic).then(|| conversion(&p.ty, declared)).flatten())
        .collect();
    let ret = result_conversion(&f.ret, &sig.ret);
    if conversions.iter().all(Option::is_none) && ret.is_none() {
        return None;
    }
    let span = f.span;
    let mut params = Vec::new();
    let mut args = Vec::new();
    for ((p, declared), c) in pairs.into_iter().zip(conversions) {
        let (ty, arg) = match (c, &p.ty) {
            (None, _) => (p.ty.clone(), name(&p.name, &p.ty, span)),
            (Some(Conversion::ArrayFromList), Type::Array(elem)) => {
                let list = Type::List(elem.clone());
                let arg = Expr::new(
                    ExprKind::Intrinsic {
                        op: Intrinsic::CopyOf,
                        args: vec![name(&p.name, &list, span)],
                    },
                    p.ty.clone(),
                    span,
                );
                (list, arg)
            }
            (Some(Conversion::Elements(to)), _) => {
                let from = declared.element().cloned().unwrap_or(Type::Any);
                let list = Type::list(from.clone());
                let fresh = fresh_name("item", f);
                let arg = numbers_converted(name(&p.name, &list, span), (&fresh, &from), &to);
                (list, arg)
            }
            (Some(Conversion::ArrayFromList), _) => return None,
        };
        params.push(Param {
            name: p.name.clone(),
            ty,
            variadic: p.variadic,
            default: None,
            span: p.span,
        });
        args.push(arg);
    }
    let call = match class {
        None => ExprKind::Call {
            func: f.name.clone(),
            args,
        },
        Some(c) => ExprKind::MethodCall {
            receiver: Box::new(Expr::new(ExprKind::This, Type::Named(c.to_string()), span)),
            method: f.name.clone(),
            args,
        },
    };
    let mut call = Expr::new(call, f.ret.clone(), span);
    let each = fresh_name("item", f);
    match (&ret, &f.ret) {
        (Some(Type::List(elem)), Type::List(ours)) => match (&**elem, &**ours) {
            (Type::List(_), Type::Array(_)) => {
                let copy = ExprKind::Intrinsic {
                    op: Intrinsic::CopyOf,
                    args: vec![name(&each, ours, span)],
                };
                call = mapped(call, (&each, ours), Expr::new(copy, (**elem).clone(), span));
            }
            _ => call = converted_elements(call, (&each, ours), elem),
        },
        (Some(value), Type::Any) => {
            let kind = match value {
                Type::Int(_) | Type::Float => ExprKind::Intrinsic {
                    op: Intrinsic::ToNumber,
                    args: vec![call],
                },
                _ => ExprKind::Cast {
                    expr: Box::new(call),
                    to: value.clone(),
                },
            };
            call = Expr::new(kind, value.clone(), span);
        }
        (Some(list), _) => {
            call = Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::CopyOf,
                    args: vec![call],
                },
                list.clone(),
                span,
            );
        }
        (None, _) => {}
    }
    let stmt = if f.ret == Type::Void {
        StmtKind::Expr(call)
    } else {
        StmtKind::Return(Some(call))
    };
    Some(Function {
        name: wrapper_name(&f.name),
        params,
        ret: ret.unwrap_or_else(|| f.ret.clone()),
        body: Some(Block::new(vec![Stmt { kind: stmt, span }])),
        is_static: f.is_static,
        doc: None,
        span,
    })
}

fn name(n: &str, ty: &Type, span: ferry_ir::Span) -> Expr {
    Expr::new(ExprKind::Name(n.to_string()), ty.clone(), span)
}

/// `base`, or `base` with underscores appended, such that `f` declares or reads no variable of
/// that name: a variable for the elements of a conversion.
pub(crate) fn fresh_name(base: &str, f: &Function) -> String {
    struct Names(HashSet<String>);
    impl Visitor for Names {
        fn visit_stmt(&mut self, s: &Stmt) {
            if let StmtKind::Let { name, .. } = &s.kind {
                self.0.insert(name.clone());
            }
            walk_stmt(self, s);
        }
        fn visit_expr(&mut self, e: &Expr) {
            if let ExprKind::Name(n) = &e.kind {
                self.0.insert(n.clone());
            }
            walk_expr(self, e);
        }
    }
    let mut names = Names(f.params.iter().map(|p| p.name.clone()).collect());
    names.visit_function(f);
    let mut name = base.to_string();
    while names.0.contains(&name) {
        name.push('_');
    }
    name
}

/// `[to(x) for x in list]`: each element of `list` converted (a type assertion where `each` is
/// any value), read as a variable `x` of type `each`.
pub(crate) fn converted_elements(list: Expr, (x, each): (&str, &Type), to: &Type) -> Expr {
    let cast = ExprKind::Cast {
        expr: Box::new(name(x, each, list.span)),
        to: to.clone(),
    };
    let span = list.span;
    mapped(list, (x, each), Expr::new(cast, to.clone(), span))
}

/// `[number(x) for x in list]`: each number of `list`, an integer or a float alike (boxed in
/// Java, which a cast would not unbox), converted to the number type `to`.
fn numbers_converted(list: Expr, (x, each): (&str, &Type), to: &Type) -> Expr {
    let number = ExprKind::Intrinsic {
        op: Intrinsic::ToNumber,
        args: vec![name(x, each, list.span)],
    };
    let span = list.span;
    mapped(list, (x, each), Expr::new(number, to.clone(), span))
}

/// `[element for x in list]`, `x` of type `each`.
pub(crate) fn mapped(list: Expr, (x, each): (&str, &Type), element: Expr) -> Expr {
    let span = list.span;
    let to = element.ty.clone();
    let comprehension = Comprehension {
        kind: ComprehensionKind::List,
        element,
        value: None,
        clauses: vec![ComprehensionClause::For {
            vars: vec![Binding {
                name: x.to_string(),
                ty: each.clone(),
            }],
            iter: list,
        }],
    };
    Expr::new(
        ExprKind::Comprehension(Box::new(comprehension)),
        Type::list(to),
        span,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_convert_from_lists_to_arrays_and_between_numbers() {
        let list = Type::list;
        assert_eq!(
            conversion(&Type::array(Type::I32), &list(Type::I32)),
            Some(Conversion::ArrayFromList)
        );
        assert_eq!(
            conversion(&list(Type::I64), &list(Type::Float)),
            Some(Conversion::Elements(Type::I64))
        );
        assert_eq!(
            conversion(&list(Type::Float), &list(Type::Any)),
            Some(Conversion::Elements(Type::Float))
        );
        assert_eq!(conversion(&list(Type::I64), &list(Type::I32)), None);
        assert_eq!(conversion(&list(Type::Any), &list(Type::Float)), None);
    }
}
