//! Conforming a lowered module to a target interface: the functions the interface declares are
//! printed under their declared names, and where the natural mapping of a result differs from the
//! declared one the boundary is converted (a tuple returned where a list is declared).

use ferry_backends::Options;
use ferry_ir::{Block, Diagnostic, ExprKind, Function, Item, Module, Signature, StmtKind, Type};

/// Makes `module` match `interface`, recording the declared names in `options`. Returns a
/// warning for every declared type the translation cannot match.
pub fn conform(
    module: &mut Module,
    interface: &[Signature],
    options: &mut Options,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut conform_one = |f: &mut Function| {
        let Some(sig) = interface.iter().find(|s| s.names(&f.name)) else {
            return;
        };
        options.fixed_names.insert(f.name.clone(), sig.name.clone());
        if let (Type::List(_) | Type::Array(_), Some(body)) = (&sig.ret, &mut f.body) {
            let mut elem = None;
            tuples_returned_as_lists(body, &mut elem);
            if let Some(elem) = elem {
                f.ret = Type::list(elem);
            }
        }
        for ((_, declared), p) in sig.params.iter().zip(&f.params) {
            if !compatible(&p.ty, declared) {
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
        if !compatible(&f.ret, &sig.ret) {
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

/// Rewrites `return (a, b)` as `return [a, b]` throughout `block` where the tuple's items have one
/// type, which is stored in `elem`.
fn tuples_returned_as_lists(block: &mut Block, elem: &mut Option<Type>) {
    for stmt in &mut block.stmts {
        if let StmtKind::Return(Some(e)) = &mut stmt.kind {
            if let ExprKind::TupleLit(items) = &mut e.kind {
                let first = items.first().map(|i| i.ty.clone()).unwrap_or(Type::Unknown);
                if items.iter().all(|i| i.ty == first) {
                    e.kind = ExprKind::ListLit(std::mem::take(items));
                    e.ty = Type::list(first.clone());
                    elem.get_or_insert(first);
                }
            }
        }
        for b in stmt.kind.child_blocks_mut() {
            tuples_returned_as_lists(b, elem);
        }
    }
}

/// Whether values of the two types print the same at a boundary: integers of any width, lists
/// and arrays, and anything against an unknown or `Any` type.
fn compatible(ours: &Type, declared: &Type) -> bool {
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
