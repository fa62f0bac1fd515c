//! Function signatures as a target code base declares them: what `ferry translate --interface`
//! makes a translation conform to.

use std::collections::BTreeMap;

use crate::tree::{Function, Item, Module, CONSTRUCTOR};
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
    /// The declared lengths of fixed-size array types, which [`Type::Array`] does not record.
    pub lengths: ArrayLengths,
}

/// Which of a declaration's types are fixed-size arrays (Go `[2]int`), and their lengths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArrayLengths {
    /// The result's length, where the result is a fixed-size array.
    pub result: Option<usize>,
    /// The length of the result's elements, where the result is a slice of fixed-size arrays
    /// (`[][2]int`).
    pub result_elements: Option<usize>,
    /// Each parameter's, by position (shorter where the rest are not arrays).
    pub params: Vec<Option<usize>>,
}

impl ArrayLengths {
    /// Whether no type is a fixed-size array.
    pub fn is_empty(&self) -> bool {
        self.result.is_none()
            && self.result_elements.is_none()
            && self.params.iter().all(Option::is_none)
    }

    /// The declared length of parameter `index`, if it is a fixed-size array.
    pub fn param(&self, index: usize) -> Option<usize> {
        self.params.get(index).copied().flatten()
    }
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
            lengths: ArrayLengths::default(),
        }
    }

    /// Whether `name` is this signature's name under any naming convention: `sum_product`,
    /// `sumProduct` and `SumProduct` are one name.
    pub fn names(&self, name: &str) -> bool {
        same_name(&self.name, name)
    }
}

/// How a function came to be paired with a declared signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairedBy {
    /// The names are one name under some naming convention.
    Name,
    /// No name matched on either side, and the two were the only unpaired function and the only
    /// unpaired signature that take this many parameters.
    Arity,
}

/// Pairs the functions and methods of `module` with the signatures of `interface`, keyed by the
/// function's name.
///
/// A function pairs with the first signature that [`Signature::names`] it. A code base may spell a
/// name differently from the source (a typo, another word: `filterIntergers` for
/// `filter_integers`), so a signature that names no function is then paired by parameter count:
/// with the one function that no signature names and that takes as many parameters, provided no
/// other unnamed signature takes that many either. Where the count leaves a choice nothing is
/// paired: a guess between two functions would silently rename the wrong one.
pub fn pair(interface: &[Signature], module: &Module) -> BTreeMap<String, (Signature, PairedBy)> {
    let mut functions: Vec<&Function> = Vec::new();
    for item in &module.items {
        match item {
            Item::Function(f) => functions.push(f),
            Item::Class(c) => functions.extend(c.methods.iter().filter(|m| m.name != CONSTRUCTOR)),
            _ => {}
        }
    }
    let mut paired = BTreeMap::new();
    for f in &functions {
        if let Some(sig) = interface.iter().find(|s| s.names(&f.name)) {
            paired.insert(f.name.clone(), (sig.clone(), PairedBy::Name));
        }
    }
    let unnamed: Vec<&Signature> = interface
        .iter()
        .filter(|s| !functions.iter().any(|f| s.names(&f.name)))
        .collect();
    let mut unpaired: Vec<&Function> = functions
        .into_iter()
        .filter(|f| f.name != "main" && !paired.contains_key(&f.name))
        .collect();
    unpaired.dedup_by(|a, b| a.name == b.name);
    for sig in &unnamed {
        let arity = sig.params.len();
        let takes = |n: usize| n == arity;
        let mut candidates = unpaired.iter().filter(|f| takes(f.params.len()));
        let rivals = unnamed.iter().filter(|s| takes(s.params.len())).count();
        if let (Some(f), None, 1) = (candidates.next(), candidates.next(), rivals) {
            paired.insert(f.name.clone(), ((*sig).clone(), PairedBy::Arity));
        }
    }
    paired
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

    fn function(name: &str, arity: usize) -> Item {
        let param = |i: usize| crate::tree::Param {
            name: format!("p{i}"),
            ty: Type::I32,
            variadic: false,
            default: None,
            span: Default::default(),
        };
        Item::Function(Function {
            name: name.to_string(),
            params: (0..arity).map(param).collect(),
            ret: Type::I32,
            body: None,
            is_static: true,
            doc: None,
            span: Default::default(),
        })
    }

    fn declared(name: &str, arity: usize) -> Signature {
        Signature {
            name: name.to_string(),
            params: vec![("x".to_string(), Type::I32); arity],
            ret: Type::I32,
            lengths: ArrayLengths::default(),
        }
    }

    fn module(items: Vec<Item>) -> Module {
        Module {
            language: crate::Language::Java,
            name: "M".to_string(),
            doc: None,
            items,
        }
    }

    #[test]
    fn an_unnamed_signature_pairs_with_the_only_unpaired_function_of_its_arity() {
        let m = module(vec![function("countVowles", 1), function("sumOf", 2)]);
        let interface = [declared("count_vowels", 1), declared("sum_of", 2)];
        let paired = pair(&interface, &m);
        assert_eq!(paired["countVowles"].0.name, "count_vowels");
        assert_eq!(paired["countVowles"].1, PairedBy::Arity);
        assert_eq!(paired["sumOf"].1, PairedBy::Name);
    }

    #[test]
    fn a_choice_between_functions_pairs_nothing() {
        let m = module(vec![function("helper", 1), function("countVowles", 1)]);
        assert!(pair(&[declared("count_vowels", 1)], &m).is_empty());
        let m = module(vec![function("countVowles", 1)]);
        let two = [declared("count_vowels", 1), declared("count_consonants", 1)];
        assert!(pair(&two, &m).is_empty());
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
