//! Signatures of the functions under test, and how the original's and the translation's meet.
//!
//! Inputs are generated from the *meet* of both sides' parameter types: the narrower integer width
//! (a Python `int` translated to a Java `int` gets the full 32-bit range, no wider), the known type
//! where one side's is unknown (an unannotated Python parameter), `Char` where one side says
//! one-character `str`, a list where one side says array. Types that do not meet make the
//! signature unsupported, with the reason.

use ferry_ir::{IntKind, Item, Module, Span, Type};

/// A module-level function as the harness sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The name as written in the source (what the harness calls).
    pub name: String,
    pub params: Vec<(String, Type)>,
    pub ret: Type,
    /// A trailing variadic parameter (`int... xs`, `*xs`, `xs ...int`).
    pub variadic: bool,
    /// How many trailing parameters have defaults (Python `x=0`).
    pub defaults: usize,
    /// Written inside another function and lifted to module level by the frontend: not callable
    /// from outside when the program runs.
    pub nested: bool,
}

/// The module-level functions of a lowered module, in source order.
pub fn functions(module: &Module) -> Vec<Signature> {
    let spans: Vec<Span> = module
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Function(f) => Some(f.span),
            _ => None,
        })
        .collect();
    let inside_another = |span: Span| {
        spans
            .iter()
            .any(|s| *s != span && s.start <= span.start && span.end <= s.end)
    };
    module
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Function(f) if f.body.is_some() => Some(Signature {
                name: f.name.clone(),
                params: f
                    .params
                    .iter()
                    .map(|p| (p.name.clone(), p.ty.clone()))
                    .collect(),
                ret: f.ret.clone(),
                variadic: f.params.iter().any(|p| p.variadic),
                defaults: f.params.iter().filter(|p| p.default.is_some()).count(),
                nested: inside_another(f.span),
            }),
            _ => None,
        })
        .collect()
}

/// The program's entry point: checked by running programs, not by calling it with inputs.
pub fn is_entry_point(sig: &Signature) -> bool {
    sig.name == "main" && sig.params.is_empty()
}

/// A helper that ferry's backends emit from their preludes (`ferryAbs`, `_ferry_div_trunc`).
pub fn is_ferry_helper(sig: &Signature) -> bool {
    ferry_backends::naming::words(&sig.name)
        .first()
        .map(String::as_str)
        == Some("ferry")
}

fn narrower(a: IntKind, b: IntKind) -> IntKind {
    let rank = |k| match k {
        IntKind::I8 => 0,
        IntKind::I16 => 1,
        IntKind::I32 => 2,
        IntKind::I64 => 3,
        IntKind::Big => 4,
    };
    if rank(a) <= rank(b) {
        a
    } else {
        b
    }
}

/// The type both sides accept, or why there is none.
pub fn meet(a: &Type, b: &Type) -> Result<Type, String> {
    let boxed = |t: Result<Type, String>| t.map(Box::new);
    match (a, b) {
        (Type::Unknown, Type::Unknown) => Err("a parameter's type is unknown on both sides".into()),
        (Type::Any, Type::Unknown) | (Type::Unknown, Type::Any) => Ok(Type::Any),
        (Type::Unknown | Type::Any, other) | (other, Type::Unknown | Type::Any) => {
            Ok(other.clone())
        }
        (Type::Int(x), Type::Int(y)) => Ok(Type::Int(narrower(*x, *y))),
        (Type::Char, Type::Str) | (Type::Str, Type::Char) => Ok(Type::Char),
        (Type::Array(x), Type::Array(y)) => Ok(Type::Array(boxed(meet(x, y))?)),
        (Type::List(x) | Type::Array(x), Type::List(y) | Type::Array(y)) => {
            Ok(Type::List(boxed(meet(x, y))?))
        }
        (Type::Set(x), Type::Set(y)) => Ok(Type::Set(boxed(meet(x, y))?)),
        (Type::Set(x), Type::Map(k, v)) | (Type::Map(k, v), Type::Set(x)) if **v == Type::Bool => {
            Ok(Type::Set(boxed(meet(x, k))?))
        }
        (Type::Map(k1, v1), Type::Map(k2, v2)) => {
            Ok(Type::Map(boxed(meet(k1, k2))?, boxed(meet(v1, v2))?))
        }
        (Type::Tuple(xs), Type::Tuple(ys)) if xs.len() == ys.len() => xs
            .iter()
            .zip(ys)
            .map(|(x, y)| meet(x, y))
            .collect::<Result<_, _>>()
            .map(Type::Tuple),
        (Type::Optional(x), Type::Optional(y)) => Ok(Type::Optional(boxed(meet(x, y))?)),
        (Type::Optional(x), y) | (y, Type::Optional(x)) => meet(x, y),
        (x, y) if x == y => Ok(x.clone()),
        (x, y) => Err(format!("parameter types do not match: {x} vs {y}")),
    }
}

/// The parameter types to generate for a pair, or why the pair cannot be checked.
pub fn input_types(
    original: &Signature,
    translation: &Signature,
) -> Result<Vec<(String, Type)>, String> {
    if original.variadic || translation.variadic {
        return Err("variadic parameters are not supported yet".into());
    }
    if original.params.len() != translation.params.len() {
        return Err(format!(
            "{} takes {} parameters, {} takes {}",
            original.name,
            original.params.len(),
            translation.name,
            translation.params.len()
        ));
    }
    original
        .params
        .iter()
        .zip(&translation.params)
        .map(|((name, a), (_, b))| {
            let ty = meet(a, b).map_err(|e| format!("`{name}`: {e}"))?;
            crate::strategy::supports(&ty).map_err(|e| format!("`{name}`: {e}"))?;
            Ok((name.clone(), ty))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meet_takes_the_narrower_width_and_the_known_side() {
        assert_eq!(meet(&Type::BIG, &Type::I32), Ok(Type::I32));
        assert_eq!(
            meet(&Type::Unknown, &Type::list(Type::I64)),
            Ok(Type::list(Type::I64))
        );
        assert_eq!(
            meet(&Type::array(Type::I32), &Type::list(Type::BIG)),
            Ok(Type::list(Type::I32))
        );
        assert_eq!(meet(&Type::Str, &Type::Char), Ok(Type::Char));
        assert!(meet(&Type::Str, &Type::I32).is_err());
        assert!(meet(&Type::Unknown, &Type::Unknown).is_err());
        assert_eq!(meet(&Type::Unknown, &Type::Any), Ok(Type::Any));
    }
}
