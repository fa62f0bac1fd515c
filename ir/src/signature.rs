//! Function signatures as a target code base declares them: what `ferry translate --interface`
//! makes a translation conform to.

use crate::tree::Function;
use crate::types::{IntKind, Type};

/// A function's declared name, parameters and result.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The name exactly as declared (printed as written, whatever the naming policy).
    pub name: String,
    /// Parameter names and types, in order.
    pub params: Vec<(String, Type)>,
    /// `Type::Void` for none.
    pub ret: Type,
}

impl Signature {
    /// The signature of a lowered function.
    pub fn of(function: &Function) -> Signature {
        Signature {
            name: function.name.clone(),
            params: function
                .params
                .iter()
                .map(|p| (p.name.clone(), p.ty.clone()))
                .collect(),
            ret: function.ret.clone(),
        }
    }

    /// Whether `name` is this signature's name under any naming convention: `sum_product`,
    /// `sumProduct` and `SumProduct` are one name.
    pub fn names(&self, name: &str) -> bool {
        same_name(&self.name, name)
    }
}

/// Whether two identifiers differ only in case and underscores.
pub fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|&c| c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    };
    fold(a) == fold(b)
}

/// `ours` with every unknown part filled in from `declared`, where the two have the same shape.
/// Where they disagree, `ours` wins: the body was written for it, and the boundary is coerced
/// later. Integers keep `ours`'s kind, and an unknown integer takes `unknown_int`, the source
/// language's everyday integer.
pub fn refine(ours: &Type, declared: &Type, unknown_int: IntKind) -> Type {
    let r = |a: &Type, b: &Type| Box::new(refine(a, b, unknown_int));
    match (ours, declared) {
        (Type::Unknown, Type::Int(_)) => Type::Int(unknown_int),
        (Type::Unknown, d) => refine(&shell(d), d, unknown_int),
        (Type::List(a), Type::List(b) | Type::Array(b)) => Type::List(r(a, b)),
        (Type::Array(a), Type::Array(b) | Type::List(b)) => Type::Array(r(a, b)),
        (Type::Set(a), Type::Set(b)) => Type::Set(r(a, b)),
        (Type::Deque(a), Type::Deque(b)) => Type::Deque(r(a, b)),
        (Type::Optional(a), Type::Optional(b)) => Type::Optional(r(a, b)),
        (Type::Map(ak, av), Type::Map(bk, bv)) => Type::Map(r(ak, bk), r(av, bv)),
        (Type::Tuple(a), Type::Tuple(b)) if a.len() == b.len() => Type::Tuple(
            a.iter()
                .zip(b)
                .map(|(x, y)| refine(x, y, unknown_int))
                .collect(),
        ),
        _ => ours.clone(),
    }
}

/// The outermost constructor of `declared` with unknown contents (`List<?>` for `List<int>`), or
/// `declared` itself when it has no contents.
fn shell(declared: &Type) -> Type {
    let unknown = || Box::new(Type::Unknown);
    match declared {
        Type::List(_) => Type::List(unknown()),
        Type::Array(_) => Type::Array(unknown()),
        Type::Set(_) => Type::Set(unknown()),
        Type::Deque(_) => Type::Deque(unknown()),
        Type::Optional(_) => Type::Optional(unknown()),
        Type::Map(_, _) => Type::Map(unknown(), unknown()),
        Type::Tuple(items) => Type::Tuple(vec![Type::Unknown; items.len()]),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_across_conventions() {
        assert!(same_name("sum_product", "SumProduct"));
        assert!(same_name("sumProduct", "sum_product"));
        assert!(!same_name("sum_product", "sum_products"));
    }

    #[test]
    fn refine_fills_unknown_parts_only() {
        let declared = Type::list(Type::I32);
        assert_eq!(
            refine(&Type::Unknown, &declared, IntKind::Big),
            Type::list(Type::BIG)
        );
        assert_eq!(
            refine(&Type::list(Type::Unknown), &declared, IntKind::Big),
            Type::list(Type::BIG)
        );
        assert_eq!(
            refine(&Type::list(Type::Str), &declared, IntKind::Big),
            Type::list(Type::Str)
        );
        let pair = Type::Tuple(vec![Type::BIG, Type::BIG]);
        assert_eq!(refine(&pair, &declared, IntKind::Big), pair);
    }
}
