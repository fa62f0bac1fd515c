//! Prelude helpers (`_ferry_*`), emitted only when used: integer division and remainder that
//! truncate, and the source language's rendering of values as text.

use std::collections::BTreeSet;

const DIV_TRUNC: &str = r#"def _ferry_div_trunc(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q"#;

const REM_TRUNC: &str = r#"def _ferry_rem_trunc(a, b):
    r = abs(a) % abs(b)
    return r if a >= 0 else -r"#;

const WRAP: &str = r#"def _ferry_wrap(x, bits):
    m = 1 << bits
    x &= m - 1
    return x - m if x >= m >> 1 else x"#;

const ROUND: &str = r#"def _ferry_round(x):
    return float(math.copysign(math.floor(abs(x) + 0.5), x))"#;

const COMPARE: &str = r#"def _ferry_compare(a, b):
    return (a > b) - (a < b)"#;

const INDEX_OF: &str = r#"def _ferry_index_of(items, x):
    return items.index(x) if x in items else -1"#;

const LAST_INDEX_OF: &str = r#"def _ferry_last_index_of(items, x):
    for i in range(len(items) - 1, -1, -1):
        if items[i] == x:
            return i
    return -1"#;

const SET_ADD: &str = r#"def _ferry_set_add(s, x):
    if x in s:
        return False
    s.add(x)
    return True"#;

const SET_REMOVE: &str = r#"def _ferry_set_remove(s, x):
    if x in s:
        s.remove(x)
        return True
    return False"#;

const LIST_REMOVE: &str = r#"def _ferry_list_remove(items, x):
    if x in items:
        items.remove(x)
        return True
    return False"#;

const JAVA_DOUBLE: &str = r#"def _ferry_java_double(x):
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    if 1e-3 <= abs(x) < 1e7:
        return repr(float(x))
    sign, digits, exp = decimal.Decimal(repr(float(x))).as_tuple()
    digits = "".join(map(str, digits)).rstrip("0") or "0"
    exp10 = exp + len("".join(map(str, decimal.Decimal(repr(float(x))).as_tuple()[1]))) - 1
    mantissa = digits[0] + "." + (digits[1:] or "0")
    return ("-" if sign else "") + mantissa + "E" + str(exp10)"#;

const JAVA_HASH: &str = r#"def _ferry_java_hash(x):
    if isinstance(x, bool):
        return 1231 if x else 1237
    if isinstance(x, int):
        return x & 0xFFFFFFFF if -(1 << 31) <= x < (1 << 31) else (x ^ (x >> 32)) & 0xFFFFFFFF
    if isinstance(x, str):
        h = 0
        for c in x:
            h = (31 * h + ord(c)) & 0xFFFFFFFF
        return h
    return hash(x) & 0xFFFFFFFF


def _ferry_java_order(keys):
    capacity = 16
    while len(keys) > capacity * 3 // 4:
        capacity *= 2

    def bucket(k):
        h = _ferry_java_hash(k)
        return (h ^ (h >> 16)) & (capacity - 1)

    return sorted(keys, key=bucket)"#;

const JAVA_STR: &str = r#"def _ferry_java_str(x):
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float):
        return _ferry_java_double(x)
    if isinstance(x, (list, tuple, deque)):
        return "[" + ", ".join(_ferry_java_str(v) for v in x) + "]"
    if isinstance(x, (set, frozenset)):
        return "[" + ", ".join(_ferry_java_str(v) for v in _ferry_java_order(list(x))) + "]"
    if isinstance(x, dict):
        keys = _ferry_java_order(list(x))
        return "{" + ", ".join(_ferry_java_str(k) + "=" + _ferry_java_str(x[k]) for k in keys) + "}"
    return str(x)"#;

const GO_FLOAT: &str = r#"def _ferry_go_float(x):
    if x != x:
        return "NaN"
    if x in (math.inf, -math.inf):
        return "+Inf" if x > 0 else "-Inf"
    if x == 0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    sign, digits, exp = decimal.Decimal(repr(float(x))).as_tuple()
    digits = "".join(map(str, digits))
    exp10 = exp + len(digits) - 1
    digits = digits.rstrip("0") or "0"
    prefix = "-" if sign else ""
    if exp10 < -4 or exp10 >= 21:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return prefix + mantissa + "e" + ("-" if exp10 < 0 else "+") + "%02d" % abs(exp10)
    if exp10 < 0:
        return prefix + "0." + "0" * (-exp10 - 1) + digits
    if len(digits) <= exp10 + 1:
        return prefix + digits + "0" * (exp10 + 1 - len(digits))
    return prefix + digits[: exp10 + 1] + "." + digits[exp10 + 1 :]"#;

const GO_STR: &str = r#"def _ferry_go_str(x):
    if x is None:
        return "<nil>"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float):
        return _ferry_go_float(x)
    if isinstance(x, (list, tuple, deque)):
        return "[" + " ".join(_ferry_go_str(v) for v in x) + "]"
    if isinstance(x, (set, frozenset)):
        return "map[" + " ".join(_ferry_go_str(v) + ":true" for v in sorted(x)) + "]"
    if isinstance(x, dict):
        return "map[" + " ".join(_ferry_go_str(k) + ":" + _ferry_go_str(x[k]) for k in sorted(x)) + "]"
    return str(x)"#;

/// The helpers in the order they are printed, with their text.
const HELPERS: &[(&str, &str)] = &[
    ("_ferry_div_trunc", DIV_TRUNC),
    ("_ferry_rem_trunc", REM_TRUNC),
    ("_ferry_wrap", WRAP),
    ("_ferry_round", ROUND),
    ("_ferry_compare", COMPARE),
    ("_ferry_index_of", INDEX_OF),
    ("_ferry_last_index_of", LAST_INDEX_OF),
    ("_ferry_set_add", SET_ADD),
    ("_ferry_set_remove", SET_REMOVE),
    ("_ferry_list_remove", LIST_REMOVE),
    ("_ferry_java_double", JAVA_DOUBLE),
    ("_ferry_java_hash", JAVA_HASH),
    ("_ferry_java_str", JAVA_STR),
    ("_ferry_go_float", GO_FLOAT),
    ("_ferry_go_str", GO_STR),
];

/// Helpers a helper calls.
pub(super) fn deps(name: &str) -> &'static [&'static str] {
    match name {
        "_ferry_java_str" => &["_ferry_java_double", "_ferry_java_hash"],
        "_ferry_go_str" => &["_ferry_go_float"],
        _ => &[],
    }
}

/// Modules a helper needs.
pub(super) fn imports(name: &str) -> &'static [&'static str] {
    match name {
        "_ferry_round" => &["math"],
        "_ferry_java_double" | "_ferry_go_float" => &["decimal", "math"],
        _ => &[],
    }
}

/// Whether a helper refers to `deque` (imported from `collections`).
pub(super) fn needs_deque(name: &str) -> bool {
    matches!(name, "_ferry_java_str" | "_ferry_go_str")
}

pub(super) fn render(used: &BTreeSet<&'static str>) -> String {
    let parts: Vec<&str> = HELPERS
        .iter()
        .filter(|(n, _)| used.contains(n))
        .map(|(_, t)| *t)
        .collect();
    parts.join("\n\n\n")
}
