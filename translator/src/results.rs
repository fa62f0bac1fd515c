//! Results whose declared type differs from the translation's: the returns are converted where
//! the function returns (a tuple where a list is declared and back, an array where a list is, a
//! list of tuples or arrays where a list of lists is, a list of any values or of values that may
//! be absent where a list of plain values is, any value where a plain value is, a fixed-size
//! array, an optional object, a list of them or an interface value where a value may be absent).
//!
//! A conversion that changes the function's result type is left out where the module's own code
//! calls the function and the target is statically typed (the callers expect the type the
//! function was written with): the wrapper of `boundary` converts the result instead.

use ferry_backends::Options;
use ferry_ir::{
    Binding, Block, Comprehension, ComprehensionClause, ComprehensionKind, Expr, ExprKind,
    Function, Intrinsic, Language, Literal, Signature, StmtKind, Type,
};

use crate::boundary::fresh_name;
use crate::conform::compatible;

/// Converts the returns of `f` (printed in `target`) to the result that `sig` declares, where
/// the two differ in a way known here; records in `options` what the backend converts itself.
/// `called` says whether the module's own code calls `f` (see the module's documentation).
pub(crate) fn conform_result(
    f: &mut Function,
    sig: &Signature,
    target: Language,
    called: bool,
    options: &mut Options,
) {
    // Variables for the elements of the conversions below.
    let (pair, item) = (fresh_name("pair", f), fresh_name("item", f));
    // A tuple where a list is declared.
    if let (Type::List(declared) | Type::Array(declared), Some(body)) = (&sig.ret, &mut f.body) {
        let mut elem = None;
        tuples_returned_as_lists(body, declared, &mut elem);
        if let Some(elem) = elem {
            f.ret = Type::list(elem);
        }
        // A fixed-size array of any values (Go `[2]interface{}`) is built element by
        // element, each converted to the declared element type.
        if let (Some(_), Type::Any, Type::List(elem) | Type::Array(elem)) =
            (sig.lengths.result, &**declared, &mut f.ret)
        {
            **elem = Type::Any;
        }
    }
    // An array where a list is declared. (A function that the module calls keeps its array for
    // its callers where types are static: a wrapper converts it, see `boundary`.)
    if let (Type::List(_), Type::Array(elem), Some(body), false) = (
        &sig.ret,
        &f.ret,
        &mut f.body,
        called && target != Language::Python,
    ) {
        let list = Type::list((**elem).clone());
        arrays_returned_as_lists(body, &list);
        f.ret = list;
    }
    // A fixed-size array where a list is: the backend converts (Go `[2]int(xs)`).
    if !sig.lengths.is_empty() {
        options
            .array_lengths
            .insert(f.name.clone(), sig.lengths.clone());
    }
    // A list where a tuple is declared.
    if let (Type::Tuple(items), Type::List(elem) | Type::Array(elem), Some(body)) =
        (&sig.ret, &f.ret, &mut f.body)
    {
        let tuple = Type::Tuple(vec![(**elem).clone(); items.len()]);
        if lists_returned_as_tuples(body, &tuple, target) {
            f.ret = tuple;
        }
    }
    // A list of tuples of one element type, or of arrays, where a list of lists is declared:
    // each tuple or array becomes a list (but for a function that the module calls, whose
    // callers expect what it returns, where types are static).
    // (Where the result already is a list of lists, the callers expect one.)
    let keeps = called && target != Language::Python;
    let lists = matches!(&f.ret, Type::List(e) if matches!(**e, Type::List(_)));
    if let (Type::List(declared), Some(body), false) = (&sig.ret, &mut f.body, keeps && !lists) {
        if let Type::List(_) | Type::Array(_) = &**declared {
            let mut returns = Vec::new();
            returned(body, &mut returns);
            let mut converted = None;
            for e in returns {
                let Type::List(ours) = &e.ty else { continue };
                if let Some(elem) = uniform_tuple(ours) {
                    *e = tuples_as_lists(e.clone(), &elem, &pair);
                    converted = Some(elem);
                } else if let Type::Array(elem) = &**ours {
                    let (array, elem) = ((**ours).clone(), (**elem).clone());
                    let copy = ExprKind::Intrinsic {
                        op: Intrinsic::CopyOf,
                        args: vec![Expr::new(
                            ExprKind::Name(pair.clone()),
                            array.clone(),
                            e.span,
                        )],
                    };
                    let copy = Expr::new(copy, Type::list(elem.clone()), e.span);
                    *e = crate::boundary::mapped(e.clone(), (&pair, &array), copy);
                    converted = Some(elem);
                }
            }
            if let Some(elem) = converted {
                f.ret = Type::list(Type::list(elem));
            }
        }
    }
    // A list of values that may be absent where a list of plain values is declared: each
    // element read as present (likewise kept for callers; Python needs nothing).
    if let (Type::List(ours), Type::List(declared), Some(body), false) = (
        &f.ret,
        &sig.ret,
        &mut f.body,
        keeps || target == Language::Python,
    ) {
        if let Type::Optional(inner) = &**ours {
            if is_value(inner) && compatible(inner, declared) {
                let (ours, inner) = ((**ours).clone(), (**inner).clone());
                let mut returns = Vec::new();
                returned(body, &mut returns);
                for e in returns.into_iter().filter(|e| e.ty == f.ret) {
                    let each = (item.as_str(), &ours);
                    *e = crate::boundary::converted_elements(e.clone(), each, &inner);
                }
                f.ret = Type::list(inner);
            }
        }
    }
    // Any value where a plain value is declared (a number or `-1`, say): each return converted
    // to the declared type, a number whatever kind it is (likewise kept for callers; Python,
    // dynamically typed, needs nothing).
    let dynamic = target == Language::Python;
    if let (Type::Any, true, Some(body), false) =
        (&f.ret, is_value(&sig.ret), &mut f.body, keeps || dynamic)
    {
        let mut returns = Vec::new();
        returned(body, &mut returns);
        for e in returns.into_iter().filter(|e| e.ty != sig.ret) {
            let kind = match (&sig.ret, &e.ty) {
                (Type::Int(_) | Type::Float, Type::Any | Type::Int(_) | Type::Float) => {
                    ExprKind::Intrinsic {
                        op: Intrinsic::ToNumber,
                        args: vec![e.clone()],
                    }
                }
                _ => ExprKind::Cast {
                    expr: Box::new(e.clone()),
                    to: sig.ret.clone(),
                },
            };
            *e = Expr::new(kind, sig.ret.clone(), e.span);
        }
        f.ret = sig.ret.clone();
    }
    // A list of any values (filtered by their dynamic type, say) where a list of one kind of
    // value is declared: each element is converted.
    // The element type is ours where we have one, else the declared one (but for a function
    // that the module calls, whose callers expect any values: a wrapper converts, see
    // `boundary`).
    let elem = match (&f.ret, &sig.ret) {
        (Type::List(ours), _) if is_value(ours) => Some((**ours).clone()),
        (Type::List(ours), Type::List(declared))
            if **ours == Type::Any && is_value(declared) && !called =>
        {
            Some((**declared).clone())
        }
        _ => None,
    };
    if let (Some(elem), Some(body), false) = (elem, &mut f.body, target == Language::Python) {
        let list = Type::list(elem.clone());
        let mut returns = Vec::new();
        returned(body, &mut returns);
        for e in returns {
            if e.ty == Type::list(Type::Any) {
                let placeholder = Expr::new(ExprKind::ListLit(Vec::new()), list.clone(), e.span);
                let any = std::mem::replace(e, placeholder);
                let each = (item.as_str(), &Type::Any);
                *e = crate::boundary::converted_elements(any, each, &elem);
            }
        }
        f.ret = list;
    }
    if sig.ret == Type::Any && matches!(f.ret, Type::Optional(_)) {
        // A value that may be absent, declared as any value at all (Go `interface{}`): the
        // absent value is the declared type's own nil, the present one the value itself.
        f.ret = Type::Any;
    }
    // (Python's `Optional[T]` is any value or `None`: nothing to convert.)
    let objects = target != Language::Python;
    if let (Type::Optional(declared), true) = (&sig.ret, objects) {
        // A value that may be absent, declared as an optional object (Java `Optional<T>`):
        // the result becomes optional (a translation that returned `null`/`None`/`nil` for
        // "none" typed it as the plain or any value), and the backend wraps it.
        f.ret = match &f.ret {
            Type::Optional(_) => f.ret.clone(),
            Type::Any | Type::Unknown => sig.ret.clone(),
            ours if compatible(ours, declared) => Type::Optional(Box::new(ours.clone())),
            _ => f.ret.clone(),
        };
        if matches!(f.ret, Type::Optional(_)) {
            options.optional_results.insert(f.name.clone());
        }
    }
    // A list of values that may be absent, declared as a list of optional objects: likewise,
    // element by element.
    if let (Type::List(declared), Type::List(ours), true) = (&sig.ret, &f.ret, objects) {
        if let Type::Optional(inner) = &**declared {
            let elem = match &**ours {
                Type::Optional(_) => Some((**ours).clone()),
                Type::Any | Type::Unknown => Some((**declared).clone()),
                o if compatible(o, inner) => Some(Type::Optional(Box::new(o.clone()))),
                _ => None,
            };
            if let Some(elem) = elem {
                f.ret = Type::list(elem);
                options.optional_results.insert(f.name.clone());
            }
        }
    }
}

/// Rewrites `return (a, b)` as `return [a, b]` throughout `block` where the tuple's items have one
/// type, which is stored in `elem`, or where the `declared` element type is any value at all; and
/// `return t` of a variable holding such a tuple as `return [t[0], t[1]]`.
fn tuples_returned_as_lists(block: &mut Block, declared: &Type, elem: &mut Option<Type>) {
    for stmt in &mut block.stmts {
        if let StmtKind::Return(Some(e)) = &mut stmt.kind {
            if let (ExprKind::Name(_), Type::Tuple(items)) = (&e.kind, &e.ty) {
                if let Some(item) = uniform_tuple(&e.ty) {
                    let n = items.len();
                    let index = |i: usize| {
                        let at =
                            Expr::new(ExprKind::Lit(Literal::Int(i as i128)), Type::I64, e.span);
                        let index = ExprKind::Index {
                            object: Box::new(e.clone()),
                            index: Box::new(at),
                        };
                        Expr::new(index, item.clone(), e.span)
                    };
                    let list = ExprKind::ListLit((0..n).map(index).collect());
                    *e = Expr::new(list, Type::list(item.clone()), e.span);
                    elem.get_or_insert(item);
                }
            }
            if let ExprKind::TupleLit(items) = &mut e.kind {
                let first = match declared {
                    Type::Any => Type::Any,
                    _ => items.first().map(|i| i.ty.clone()).unwrap_or(Type::Unknown),
                };
                if first == Type::Any || items.iter().all(|i| i.ty == first) {
                    e.kind = ExprKind::ListLit(std::mem::take(items));
                    e.ty = Type::list(first.clone());
                    elem.get_or_insert(first);
                }
            }
        }
        for b in stmt.kind.child_blocks_mut() {
            tuples_returned_as_lists(b, declared, elem);
        }
    }
}

/// Whether `t` is a plain value: a number, a string or a boolean.
pub(crate) fn is_value(t: &Type) -> bool {
    matches!(t, Type::Int(_) | Type::Float | Type::Str | Type::Bool)
}

/// The item type of a tuple type whose items all have one type.
fn uniform_tuple(ty: &Type) -> Option<Type> {
    match ty {
        Type::Tuple(items) if items.windows(2).all(|w| w[0] == w[1]) => items.first().cloned(),
        _ => None,
    }
}

/// `[[t[0], t[1], …] for t in list]`: a list of tuples (of `elem` items) as a list of lists,
/// `t` named `pair`.
fn tuples_as_lists(list: Expr, elem: &Type, pair: &str) -> Expr {
    let span = list.span;
    let Type::List(tuple) = &list.ty else {
        return list;
    };
    let Type::Tuple(items) = &**tuple else {
        return list;
    };
    let t = Expr::new(ExprKind::Name(pair.to_string()), (**tuple).clone(), span);
    let item = |i: usize| {
        let index = Expr::new(ExprKind::Lit(Literal::Int(i as i128)), Type::I64, span);
        Expr::new(
            ExprKind::Index {
                object: Box::new(t.clone()),
                index: Box::new(index),
            },
            elem.clone(),
            span,
        )
    };
    let element = Expr::new(
        ExprKind::ListLit((0..items.len()).map(item).collect()),
        Type::list(elem.clone()),
        span,
    );
    let comprehension = Comprehension {
        kind: ComprehensionKind::List,
        element,
        value: None,
        clauses: vec![ComprehensionClause::For {
            vars: vec![Binding {
                name: pair.to_string(),
                ty: (**tuple).clone(),
            }],
            iter: list,
        }],
    };
    Expr::new(
        ExprKind::Comprehension(Box::new(comprehension)),
        Type::list(Type::list(elem.clone())),
        span,
    )
}

/// Rewrites every `return xs` of a list in `block` as a return of `tuple`: a list literal of the
/// tuple's length becomes a tuple literal, any other list a tuple copied from it (Python
/// `tuple(xs)`, only where `target` is Python: elsewhere a tuple cannot be built from a list of
/// unknown length). Returns false, changing nothing, where some return cannot be converted.
fn lists_returned_as_tuples(block: &mut Block, tuple: &Type, target: Language) -> bool {
    let Type::Tuple(items) = tuple else {
        return false;
    };
    let mut returns = Vec::new();
    returned(block, &mut returns);
    let convertible = |e: &&mut Expr| match &e.kind {
        ExprKind::ListLit(xs) => xs.len() == items.len() || target == Language::Python,
        _ => target == Language::Python,
    };
    if !returns.iter().all(convertible) {
        return false;
    }
    for e in returns {
        let placeholder = Expr::new(ExprKind::TupleLit(Vec::new()), tuple.clone(), e.span);
        let list = std::mem::replace(e, placeholder);
        e.kind = match list.kind {
            ExprKind::ListLit(xs) if xs.len() == items.len() => ExprKind::TupleLit(xs),
            _ => ExprKind::Intrinsic {
                op: Intrinsic::CopyOf,
                args: vec![list],
            },
        };
    }
    true
}

/// Rewrites every `return xs` of an array in `block` as a return of a `list`: an array literal
/// becomes a list literal, any other array a list copied from it.
fn arrays_returned_as_lists(block: &mut Block, list: &Type) {
    let mut returns = Vec::new();
    returned(block, &mut returns);
    for e in returns {
        match (&e.kind, &e.ty) {
            (ExprKind::ListLit(_), _) => e.ty = list.clone(),
            (_, Type::Array(_)) => {
                let placeholder = Expr::new(ExprKind::ListLit(Vec::new()), list.clone(), e.span);
                let array = std::mem::replace(e, placeholder);
                e.kind = ExprKind::Intrinsic {
                    op: Intrinsic::CopyOf,
                    args: vec![array],
                };
            }
            _ => {}
        }
    }
}

/// The expressions `block` returns, at any depth.
fn returned<'b>(block: &'b mut Block, out: &mut Vec<&'b mut Expr>) {
    for stmt in &mut block.stmts {
        match &mut stmt.kind {
            StmtKind::Return(Some(e)) => out.push(e),
            kind => {
                for b in kind.child_blocks_mut() {
                    returned(b, out);
                }
            }
        }
    }
}
