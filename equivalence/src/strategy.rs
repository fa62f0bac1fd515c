//! proptest strategies that generate [`Value`]s of an IR [`Type`].
//!
//! Every strategy mixes small values (which shrink well and exercise ordinary paths) with edge
//! values (0, ±1, the type's minimum and maximum, empty collections, non-ASCII text) and the
//! type's full range, so a 32-bit `int` reaches `i32::MAX` and overflow disagreements show up.
//! Shrinking is proptest's own: integers move towards 0, collections lose elements, characters
//! move towards `a`. The programs' own constants ([`Literals`]) are weighted in too: integers
//! with their neighbours as extra edge values, characters in every string's alphabet, and
//! strings made of the programs' string constants.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;

use ferry_ir::{IntKind, Type};

use crate::compare::{values_equal, Tolerance};
use crate::literals::Literals;
use crate::value::Value;

/// Bounds on generated sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// The most elements in one list, set or map.
    pub max_collection: usize,
    /// The most characters in one string.
    pub max_string: usize,
    /// Small values (the first phase of a search): integers in `-1000..=1000`, else each type's
    /// full range.
    pub small_ints: bool,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            max_collection: 8,
            max_string: 12,
            small_ints: false,
        }
    }
}

/// Whether values of `ty` can be generated, or why not.
pub fn supports(ty: &Type) -> Result<(), String> {
    match ty {
        Type::Bool | Type::Int(_) | Type::Float | Type::Char | Type::Str | Type::Any => Ok(()),
        Type::Array(t) | Type::List(t) | Type::Set(t) | Type::Optional(t) => supports(t),
        Type::Map(k, v) => supports(k).and(supports(v)),
        Type::Tuple(ts) => ts.iter().try_for_each(supports),
        other => Err(format!("values of type {other} cannot be generated yet")),
    }
}

/// A strategy for the arguments of one call.
pub fn arguments(types: &[Type], sizes: Sizes, literals: &Literals) -> BoxedStrategy<Vec<Value>> {
    types
        .iter()
        .map(|t| value(t, sizes, literals))
        .collect::<Vec<_>>()
        .boxed()
}

/// A strategy for values of `ty` (which [`supports`] accepts).
pub fn value(ty: &Type, sizes: Sizes, literals: &Literals) -> BoxedStrategy<Value> {
    let value = |t: &Type| value(t, sizes, literals);
    match ty {
        Type::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Type::Int(kind) => int(*kind, sizes.small_ints, &literals.ints),
        Type::Float => float(literals),
        Type::Char => char_value(&literals.chars).prop_map(Value::Char).boxed(),
        Type::Str => string(sizes.max_string, literals),
        Type::Array(elem) | Type::List(elem) => vec(value(elem), 0..=sizes.max_collection)
            .prop_map(Value::List)
            .boxed(),
        Type::Set(elem) => vec(value(elem), 0..=sizes.max_collection)
            .prop_map(|items| Value::Set(dedup(items, |v| v)))
            .boxed(),
        Type::Map(k, v) => vec((value(k), value(v)), 0..=sizes.max_collection)
            .prop_map(|entries| Value::Map(dedup(entries, |(k, _)| k)))
            .boxed(),
        Type::Tuple(types) => types
            .iter()
            .map(value)
            .collect::<Vec<_>>()
            .prop_map(Value::Tuple)
            .boxed(),
        Type::Optional(inner) => prop_oneof![1 => Just(Value::Null), 4 => value(inner)].boxed(),
        // `Object`, `interface{}`, `Any`: a scalar of any kind.
        Type::Any => prop_oneof![
            value(&Type::I32),
            string(sizes.max_string, literals),
            float(literals),
            any::<bool>().prop_map(Value::Bool),
        ]
        .boxed(),
        _ => Just(Value::Null).boxed(),
    }
}

/// Keeps the first of items whose keys are equal (sets have no duplicates, maps no duplicate keys).
fn dedup<T>(items: Vec<T>, key: impl Fn(&T) -> &Value) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !out
            .iter()
            .any(|seen| values_equal(key(seen), key(&item), Tolerance::default()))
        {
            out.push(item);
        }
    }
    out
}

/// `(weight, strategy)` alternatives, leaving out those whose strategy is `None` (a dictionary
/// that is empty).
fn weighted<T: std::fmt::Debug + 'static>(
    arms: Vec<(u32, Option<BoxedStrategy<T>>)>,
) -> BoxedStrategy<T> {
    Union::new_weighted(
        arms.into_iter()
            .filter_map(|(w, s)| s.map(|s| (w, s)))
            .collect(),
    )
    .boxed()
}

fn int(kind: IntKind, small: bool, literals: &[i64]) -> BoxedStrategy<Value> {
    let (min, max): (i64, i64) = match kind {
        IntKind::I8 => (i8::MIN.into(), i8::MAX.into()),
        IntKind::I16 if small => (-1000, 1000),
        IntKind::I16 => (i16::MIN.into(), i16::MAX.into()),
        _ if small => (-1000, 1000),
        IntKind::I32 => (i32::MIN.into(), i32::MAX.into()),
        // Python ints on both sides: the 64-bit range is wide enough for any disagreement.
        IntKind::I64 | IntKind::Big => (i64::MIN, i64::MAX),
    };
    let edges: Vec<i64> = [0, 1, -1, 2, -2, 10, 100, 127, 128, 255, 256, 1000]
        .into_iter()
        .chain([
            min,
            max,
            min + 1,
            max - 1,
            i64::from(i32::MAX),
            i64::from(i32::MIN),
        ])
        .filter(|v| (min..=max).contains(v))
        .collect();
    let own: Vec<i64> = literals
        .iter()
        .copied()
        .filter(|v| (min..=max).contains(v))
        .collect();
    weighted(vec![
        (4, Some((-16i64..=16).boxed())),
        (2, Some(select(edges).boxed())),
        (1, (!own.is_empty()).then(|| select(own).boxed())),
        (
            2,
            Some(
                (-1000i64..=1000)
                    .prop_map(move |v| v.clamp(min, max))
                    .boxed(),
            ),
        ),
        (2, Some((min..=max).boxed())),
    ])
    .prop_map(|v| Value::Int(v.into()))
    .boxed()
}

fn float(literals: &Literals) -> BoxedStrategy<Value> {
    let edges = vec![
        0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        0.1,
        1e-9,
        -1e9,
        1e9,
        f64::EPSILON,
        1e300,
    ];
    // Exactly representable integer constants count too (`x > 0.5 * n` meets `n`).
    let own: Vec<f64> = literals
        .floats
        .iter()
        .copied()
        .chain(
            literals
                .ints
                .iter()
                .filter(|n| n.unsigned_abs() < 1 << 53)
                .map(|&n| n as f64),
        )
        .collect();
    weighted(vec![
        (
            4,
            Some((-400i32..=400).prop_map(|q| f64::from(q) / 4.0).boxed()),
        ),
        (2, Some(select(edges).boxed())),
        (1, (!own.is_empty()).then(|| select(own).boxed())),
        (2, Some((-1e6..1e6f64).boxed())),
    ])
    .prop_map(Value::Float)
    .boxed()
}

/// A character every language holds in one unit (Basic Multilingual Plane, no surrogates), with
/// the programs' own characters (`dictionary`) weighted in.
fn char_value(dictionary: &[char]) -> BoxedStrategy<char> {
    let own: Vec<char> = dictionary
        .iter()
        .copied()
        .filter(|c| u32::from(*c) <= 0xFFFF)
        .collect();
    weighted(vec![
        (6, Some(proptest::char::range('a', 'z').boxed())),
        (
            2,
            Some(select(vec!['A', 'Z', '0', '9', ' ', '_', '-', '.', ',', '!']).boxed()),
        ),
        (
            1,
            Some(select(vec!['é', 'ß', 'Ω', 'я', '中', '\u{a0}', '€']).boxed()),
        ),
        (3, (!own.is_empty()).then(|| select(own).boxed())),
    ])
}

/// Strings over [`char_value`], with a few characters outside the BMP (two UTF-16 units, four
/// UTF-8 bytes) so a translation that indexes by the wrong unit is caught.
/// Half of them, when the programs have string or character constants, are made of those
/// constants instead (`"o| .|"` for a parser of `o|` and `.|`).
fn string(max: usize, literals: &Literals) -> BoxedStrategy<Value> {
    let ch = prop_oneof![20 => char_value(&literals.chars), 1 => select(vec!['😀', '𝄞'])];
    let random = vec(ch, 0..=max).prop_map(|chars| chars.into_iter().collect::<String>());
    let pieces: Vec<String> = literals
        .words
        .iter()
        .cloned()
        .chain(literals.chars.iter().map(char::to_string))
        .collect();
    let built = (!pieces.is_empty()).then(|| {
        vec(select(pieces), 0..=max.div_ceil(2))
            .prop_map(|p| p.concat())
            .boxed()
    });
    weighted(vec![(1, Some(random.boxed())), (1, built)])
        .prop_map(Value::Str)
        .boxed()
}

#[cfg(test)]
mod tests {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    use super::*;

    fn sample(ty: &Type, n: usize) -> Vec<Value> {
        let mut runner = TestRunner::deterministic();
        let s = value(ty, Sizes::default(), &Literals::default());
        (0..n)
            .map(|_| s.new_tree(&mut runner).unwrap().current())
            .collect()
    }

    #[test]
    fn java_ints_reach_the_edges_of_their_range() {
        let values = sample(&Type::I32, 2000);
        assert!(values.contains(&Value::Int(i32::MAX.into())));
        assert!(values.contains(&Value::Int(i32::MIN.into())));
        assert!(values.contains(&Value::Int(0)));
        assert!(values
            .iter()
            .all(|v| matches!(v, Value::Int(i) if i32::try_from(*i).is_ok())));
    }

    #[test]
    fn strings_include_non_ascii_and_sets_have_no_duplicates() {
        let strings = sample(&Type::Str, 500);
        assert!(strings
            .iter()
            .any(|v| matches!(v, Value::Str(s) if !s.is_ascii())));
        for set in sample(&Type::set(Type::Int(IntKind::I8)), 200) {
            let Value::Set(items) = set else { panic!() };
            for (i, a) in items.iter().enumerate() {
                assert!(!items[i + 1..].contains(a));
            }
        }
    }

    #[test]
    fn unsupported_types_are_named() {
        assert!(supports(&Type::map(Type::Str, Type::list(Type::Float))).is_ok());
        assert!(supports(&Type::list(Type::Any)).is_ok());
        assert!(supports(&Type::Named("Shape".into()))
            .unwrap_err()
            .contains("Shape"));
    }
}
