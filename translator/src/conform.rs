//! Conforming a lowered module to a target interface: the functions the interface declares are
//! printed under their declared names (paired with the source's functions by
//! [`ferry_ir::signature::pair`]), and where the natural mapping of a type differs from the
//! declared one the boundary is converted: results in `results`, parameters in `boundary`.

use ferry_backends::Options;
use ferry_ir::signature::{pair, PairedBy};
use ferry_ir::{Diagnostic, Function, Item, Language, Module, Signature, Type};

/// Makes `module`, to be printed in `target`, match `interface`, recording the declared names in
/// `options`. Returns a warning for every function paired by its parameter count rather than its
/// name, and for every declared type the translation cannot match.
pub fn conform(
    module: &mut Module,
    interface: &[Signature],
    target: Language,
    options: &mut Options,
) -> Vec<Diagnostic> {
    let paired = pair(interface, module);
    let called = crate::boundary::called(module);
    let mut diagnostics = Vec::new();
    let mut conform_one = |f: &mut Function| {
        let Some((sig, by)) = paired.get(&f.name) else {
            return;
        };
        options.fixed_names.insert(f.name.clone(), sig.name.clone());
        if *by == PairedBy::Arity {
            diagnostics.push(Diagnostic::warning(
                f.span,
                "interface-paired",
                format!(
                    "`{}` is printed as the interface's `{}`: no function has that name, and the \
                     two are the only ones left that take {} parameter{}",
                    f.name,
                    sig.name,
                    f.params.len(),
                    if f.params.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        let is_called = called.contains(&f.name);
        crate::results::conform_result(f, sig, target, is_called, options);
        for ((_, declared), p) in sig.params.iter().zip(&f.params) {
            if !compatible(&p.ty, declared) && !crate::boundary::converted(&p.ty, declared, target)
            {
                diagnostics.push(mismatch(
                    f,
                    &format!("parameter `{}` is", p.name),
                    &p.ty,
                    declared,
                ));
            }
        }
        if sig.params.len() != f.params.len() {
            diagnostics.push(Diagnostic::warning(
                f.span,
                "interface-mismatch",
                format!(
                    "`{}` takes {} parameters here; the interface declares {}",
                    f.name,
                    f.params.len(),
                    sig.params.len()
                ),
            ));
        }
        if !compatible(&f.ret, &sig.ret)
            && !crate::boundary::result_converted(&f.ret, &sig.ret, target)
        {
            diagnostics.push(mismatch(f, "it returns", &f.ret, &sig.ret));
        }
    };
    for item in &mut module.items {
        match item {
            Item::Function(f) => conform_one(f),
            Item::Class(c) => c.methods.iter_mut().for_each(&mut conform_one),
            _ => {}
        }
    }
    crate::boundary::wrap(module, &paired, target, options);
    diagnostics
}

fn mismatch(f: &Function, what: &str, ours: &Type, declared: &Type) -> Diagnostic {
    Diagnostic::warning(
        f.span,
        "interface-mismatch",
        format!(
            "in `{}`, {what} `{ours}`; the interface declares `{declared}`",
            f.name
        ),
    )
}

/// Whether values of the two types print the same at a boundary: integers of any width, lists
/// and arrays, and anything against an unknown or `Any` type.
pub(crate) fn compatible(ours: &Type, declared: &Type) -> bool {
    match (ours, declared) {
        (Type::Unknown | Type::Any, _) | (_, Type::Unknown | Type::Any) => true,
        (Type::Int(_), Type::Int(_)) => true,
        (Type::List(a) | Type::Array(a), Type::List(b) | Type::Array(b))
        | (Type::Set(a), Type::Set(b))
        | (Type::Deque(a), Type::Deque(b))
        | (Type::Optional(a), Type::Optional(b)) => compatible(a, b),
        (Type::Map(ak, av), Type::Map(bk, bv)) => compatible(ak, bk) && compatible(av, bv),
        (Type::Tuple(a), Type::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| compatible(x, y))
        }
        _ => ours == declared,
    }
}
