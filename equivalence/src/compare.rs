//! Comparison rules: when two outcomes of the same call count as the same behaviour.
//!
//! Floats agree within a relative or absolute tolerance (NaN equals NaN); maps and sets are
//! unordered; a character equals the one-character string; a tuple equals a list with the same
//! items (Python returns tuples where Java and Go return arrays or several results) and a record
//! whose fields, in order, are those items (a tuple class in Java); an integer equals a float of
//! the same value. Exceptions agree when their [`ErrorCategory`] does; messages
//! are never compared. Integers are compared exactly, or modulo 2^32 / 2^64 to tell an overflow
//! (a divergence that wrapping arithmetic alone explains) from a real difference.

use std::fmt;

use ferry_ir::Type;

use crate::value::Value;

/// What a thrown exception, raised error or panic means, independent of its class name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCategory {
    /// `IndexOutOfBoundsException`, `IndexError`, Go's index out of range.
    Index,
    /// `NoSuchElementException`, `KeyError`.
    Key,
    /// `ArithmeticException: / by zero`, `ZeroDivisionError`, Go's integer divide by zero.
    DivZero,
    /// `NullPointerException`, `AttributeError`/`TypeError` on `None`, nil dereference.
    Null,
    /// `IllegalArgumentException`, `NumberFormatException`, `ValueError`, `strconv` errors.
    Value,
    /// Anything else: runtime errors, user exceptions. (Running out of stack or memory is not an
    /// outcome: the harnesses end there, and the call is inconclusive.)
    Other,
}

impl ErrorCategory {
    /// Every category, in wire order.
    pub const ALL: [ErrorCategory; 6] = [
        ErrorCategory::Index,
        ErrorCategory::Key,
        ErrorCategory::DivZero,
        ErrorCategory::Null,
        ErrorCategory::Value,
        ErrorCategory::Other,
    ];

    /// The name harnesses use on the wire and reports print.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCategory::Index => "index",
            ErrorCategory::Key => "key",
            ErrorCategory::DivZero => "div_zero",
            ErrorCategory::Null => "null",
            ErrorCategory::Value => "value",
            ErrorCategory::Other => "other",
        }
    }

    /// The category a harness named (unknown names are `Other`).
    pub fn from_name(name: &str) -> ErrorCategory {
        Self::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .unwrap_or(ErrorCategory::Other)
    }
}

/// What one call did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It returned `value` (`Null` for void), leaving the arguments as `args_after`.
    Returned {
        value: Value,
        args_after: Vec<Value>,
    },
    /// It threw, raised or panicked.
    Raised {
        category: ErrorCategory,
        message: String,
    },
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Returned { value, .. } => write!(f, "{value}"),
            Outcome::Raised { category, message } if message.is_empty() => {
                write!(f, "error ({})", category.name())
            }
            Outcome::Raised { category, message } => {
                write!(f, "error ({}): {message}", category.name())
            }
        }
    }
}

/// How close two floats must be to count as equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    pub relative: f64,
    pub absolute: f64,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            relative: 1e-9,
            absolute: 1e-9,
        }
    }
}

/// How integers are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IntRule {
    Exact,
    /// Equal modulo 2^bits, as two's-complement arithmetic of that width would leave them.
    Wrapping(u32),
}

/// How two outcomes of the same call relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Same,
    /// Different only through integer overflow (equal modulo 2^32 or 2^64).
    Overflow,
    Different,
}

/// Compares the original's outcome with the translation's.
pub fn agree(expected: &Outcome, actual: &Outcome, tol: Tolerance) -> Agreement {
    let rule_agrees = |rule| outcomes_equal(expected, actual, tol, rule);
    if rule_agrees(IntRule::Exact) {
        Agreement::Same
    } else if rule_agrees(IntRule::Wrapping(32)) || rule_agrees(IntRule::Wrapping(64)) {
        Agreement::Overflow
    } else {
        Agreement::Different
    }
}

/// Whether two values are the same under the comparison rules.
pub fn values_equal(a: &Value, b: &Value, tol: Tolerance) -> bool {
    equal(a, b, tol, IntRule::Exact)
}

fn outcomes_equal(a: &Outcome, b: &Outcome, tol: Tolerance, rule: IntRule) -> bool {
    match (a, b) {
        (
            Outcome::Returned {
                value: va,
                args_after: aa,
            },
            Outcome::Returned {
                value: vb,
                args_after: ab,
            },
        ) => {
            equal(va, vb, tol, rule)
                && aa.len() == ab.len()
                && aa.iter().zip(ab).all(|(x, y)| equal(x, y, tol, rule))
        }
        (
            Outcome::Raised {
                category: ca,
                message: ma,
            },
            Outcome::Raised {
                category: cb,
                message: mb,
            },
        ) => ca == cb && !is_stub(ma) && !is_stub(mb),
        _ => false,
    }
}

/// Whether an error comes from the stub ferry emits for a construct it could not translate
/// (`ferry: not translated: …`, `ferry: unsupported …`, `ferry: f uses an unsupported …`): that
/// is never what the original did, even where the original failed in the same category.
fn is_stub(message: &str) -> bool {
    message
        .split("ferry: ")
        .skip(1)
        .any(|rest| rest.starts_with("not translated") || rest.contains("unsupported"))
}

fn wrap(i: i128, bits: u32) -> i128 {
    let shift = 128 - bits;
    (i << shift) >> shift
}

fn floats_equal(a: f64, b: f64, tol: Tolerance) -> bool {
    if a.is_nan() || b.is_nan() {
        return a.is_nan() && b.is_nan();
    }
    if a == b {
        return true;
    }
    let diff = (a - b).abs();
    diff <= tol.absolute || diff <= tol.relative * a.abs().max(b.abs())
}

fn seq_equal(a: &[Value], b: &[Value], tol: Tolerance, rule: IntRule) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equal(x, y, tol, rule))
}

/// Unordered comparison: every item of `a` matches a distinct item of `b`.
fn bag_equal<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut used = vec![false; b.len()];
    a.iter().all(|x| {
        let found = b
            .iter()
            .enumerate()
            .find(|(i, y)| !used[*i] && same(x, y))
            .map(|(i, _)| i);
        found.map(|i| used[i] = true).is_some()
    })
}

fn int_equal(a: i128, b: i128, rule: IntRule) -> bool {
    match rule {
        IntRule::Exact => a == b,
        IntRule::Wrapping(bits) => wrap(a, bits) == wrap(b, bits),
    }
}

/// An integer modulo 2^128 (exact for `Int`; for `BigInt`, enough to compare modulo 2^64).
fn modular(v: &Value) -> Option<i128> {
    match v {
        Value::Int(i) => Some(*i),
        Value::BigInt(digits) => {
            let (negative, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, digits.as_str()),
            };
            let mut acc: i128 = 0;
            for d in digits.chars() {
                acc = acc
                    .wrapping_mul(10)
                    .wrapping_add(i128::from(d.to_digit(10)?));
            }
            Some(if negative { acc.wrapping_neg() } else { acc })
        }
        _ => None,
    }
}

fn equal(a: &Value, b: &Value, tol: Tolerance, rule: IntRule) -> bool {
    use Value as V;
    match (a, b) {
        (V::Null, V::Null) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Int(x), V::Int(y)) => int_equal(*x, *y, rule),
        (V::BigInt(x), V::BigInt(y)) if rule == IntRule::Exact => x == y,
        (V::Int(_) | V::BigInt(_), V::Int(_) | V::BigInt(_)) => {
            rule != IntRule::Exact
                && modular(a)
                    .zip(modular(b))
                    .is_some_and(|(x, y)| int_equal(x, y, rule))
        }
        (V::Float(x), V::Float(y)) => floats_equal(*x, *y, tol),
        #[allow(clippy::cast_precision_loss)]
        (V::Int(i), V::Float(x)) | (V::Float(x), V::Int(i)) => x.fract() == 0.0 && *x == *i as f64,
        (V::Char(x), V::Char(y)) => x == y,
        (V::Char(c), V::Str(s)) | (V::Str(s), V::Char(c)) => {
            let mut chars = s.chars();
            chars.next() == Some(*c) && chars.next().is_none()
        }
        (V::Str(x), V::Str(y)) => x == y,
        (V::List(x) | V::Tuple(x), V::List(y) | V::Tuple(y)) => seq_equal(x, y, tol, rule),
        // A tuple translated into a small record class (Java has no tuples): fields in order.
        (V::Record { fields, .. }, V::Tuple(items))
        | (V::Tuple(items), V::Record { fields, .. }) => {
            fields.len() == items.len()
                && fields
                    .iter()
                    .zip(items)
                    .all(|((_, f), i)| equal(f, i, tol, rule))
        }
        (V::Set(x), V::Set(y)) => bag_equal(x, y, |p, q| equal(p, q, tol, rule)),
        (V::Map(x), V::Map(y)) => bag_equal(x, y, |(k1, v1), (k2, v2)| {
            equal(k1, k2, tol, IntRule::Exact) && equal(v1, v2, tol, rule)
        }),
        (
            V::Record {
                class: c1,
                fields: f1,
            },
            V::Record {
                class: c2,
                fields: f2,
            },
        ) => {
            ferry_backends::naming::words(c1) == ferry_backends::naming::words(c2)
                && bag_equal(f1, f2, |(n1, v1), (n2, v2)| {
                    ferry_backends::naming::words(n1) == ferry_backends::naming::words(n2)
                        && equal(v1, v2, tol, rule)
                })
        }
        _ => false,
    }
}

/// Reads a value the way its side's declared type means it: an integer returned where the
/// signature says `char` (a Go `rune`, a Java `char` widened to `int`) is a character, a map of
/// `true` where it says set (Go `map[T]bool`) is a set.
pub fn coerce(value: Value, ty: &Type) -> Value {
    match (value, ty) {
        (Value::Int(code), Type::Char) => u32::try_from(code)
            .ok()
            .and_then(char::from_u32)
            .map_or(Value::Int(code), Value::Char),
        (Value::Map(entries), Type::Set(elem))
            if entries.iter().all(|(_, v)| *v == Value::Bool(true)) =>
        {
            Value::Set(entries.into_iter().map(|(k, _)| coerce(k, elem)).collect())
        }
        (Value::List(items), Type::List(elem) | Type::Array(elem) | Type::Set(elem)) => {
            let items = items.into_iter().map(|v| coerce(v, elem)).collect();
            if matches!(ty, Type::Set(_)) {
                Value::Set(items)
            } else {
                Value::List(items)
            }
        }
        (Value::Set(items), Type::Set(elem)) => {
            Value::Set(items.into_iter().map(|v| coerce(v, elem)).collect())
        }
        (Value::Tuple(items) | Value::List(items), Type::Tuple(types))
            if items.len() == types.len() =>
        {
            Value::Tuple(
                items
                    .into_iter()
                    .zip(types)
                    .map(|(v, t)| coerce(v, t))
                    .collect(),
            )
        }
        (Value::Map(entries), Type::Map(kt, vt)) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (coerce(k, kt), coerce(v, vt)))
                .collect(),
        ),
        (value, Type::Optional(inner)) => coerce(value, inner),
        (value, _) => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ret(value: Value) -> Outcome {
        Outcome::Returned {
            value,
            args_after: Vec::new(),
        }
    }

    fn raised(category: ErrorCategory) -> Outcome {
        Outcome::Raised {
            category,
            message: String::new(),
        }
    }

    const TOL: Tolerance = Tolerance {
        relative: 1e-9,
        absolute: 1e-9,
    };

    #[test]
    fn floats_within_tolerance_and_nan_agree() {
        assert!(values_equal(
            &Value::Float(0.1 + 0.2),
            &Value::Float(0.3),
            TOL
        ));
        assert!(values_equal(
            &Value::Float(f64::NAN),
            &Value::Float(f64::NAN),
            TOL
        ));
        assert!(!values_equal(&Value::Float(1.0), &Value::Float(1.001), TOL));
        assert!(values_equal(&Value::Float(2.0), &Value::Int(2), TOL));
    }

    #[test]
    fn sets_and_maps_are_unordered() {
        let a = Value::Set(vec![Value::Int(1), Value::Int(2)]);
        let b = Value::Set(vec![Value::Int(2), Value::Int(1)]);
        assert!(values_equal(&a, &b, TOL));
        let m1 = Value::Map(vec![
            (Value::Str("a".into()), Value::Int(1)),
            (Value::Str("b".into()), Value::Int(2)),
        ]);
        let m2 = Value::Map(vec![
            (Value::Str("b".into()), Value::Int(2)),
            (Value::Str("a".into()), Value::Int(1)),
        ]);
        assert!(values_equal(&m1, &m2, TOL));
        assert!(!values_equal(
            &Value::List(vec![Value::Int(1), Value::Int(2)]),
            &Value::List(vec![Value::Int(2), Value::Int(1)]),
            TOL
        ));
    }

    #[test]
    fn chars_strings_tuples_and_lists_meet_across_languages() {
        assert!(values_equal(
            &Value::Char('x'),
            &Value::Str("x".into()),
            TOL
        ));
        assert!(values_equal(
            &Value::Tuple(vec![Value::Int(1), Value::Bool(true)]),
            &Value::List(vec![Value::Int(1), Value::Bool(true)]),
            TOL
        ));
        assert_eq!(coerce(Value::Int(97), &Type::Char), Value::Char('a'));
        let record = Value::Record {
            class: "FerryTuple2".into(),
            fields: vec![("v0".into(), Value::Int(-1)), ("v1".into(), Value::Int(2))],
        };
        assert!(values_equal(
            &Value::Tuple(vec![Value::Int(-1), Value::Int(2)]),
            &record,
            TOL
        ));
    }

    #[test]
    fn exceptions_agree_by_category_only() {
        let a = Outcome::Raised {
            category: ErrorCategory::Index,
            message: "list index out of range".into(),
        };
        assert_eq!(
            agree(&a, &raised(ErrorCategory::Index), TOL),
            Agreement::Same
        );
        assert_eq!(
            agree(&a, &raised(ErrorCategory::Key), TOL),
            Agreement::Different
        );
        assert_eq!(agree(&a, &ret(Value::Null), TOL), Agreement::Different);
        let other = |message: &str| Outcome::Raised {
            category: ErrorCategory::Other,
            message: message.into(),
        };
        let stub = other("java.lang.UnsupportedOperationException: ferry: not translated: eval");
        assert_eq!(
            agree(&other("SyntaxError: invalid syntax"), &stub, TOL),
            Agreement::Different
        );
        assert_eq!(
            agree(&other("a"), &other("RuntimeError: b"), TOL),
            Agreement::Same
        );
    }

    #[test]
    fn wrapped_integers_are_an_overflow_not_a_difference() {
        let two_to_128 = Value::BigInt("340282366920938463463374607431768211456".into());
        assert_eq!(
            agree(&ret(two_to_128), &ret(Value::Int(0)), TOL),
            Agreement::Overflow
        );
        let big = 3_000_000_000_i128;
        assert_eq!(
            agree(
                &ret(Value::Int(big)),
                &ret(Value::Int(big - (1 << 32))),
                TOL
            ),
            Agreement::Overflow
        );
        assert_eq!(
            agree(&ret(Value::Int(5)), &ret(Value::Int(6)), TOL),
            Agreement::Different
        );
    }
}
