//! Python naming: `snake_case` for functions, methods, locals and fields, `PascalCase` for
//! classes, `UPPER_SNAKE` for constants; keywords and shadowed builtins get a trailing `_`.

use crate::naming::{pascal_case, snake_case, upper_snake_case, Naming};
use crate::Options;

const RESERVED: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "self",
    "print",
    "len",
    "list",
    "dict",
    "set",
    "str",
    "int",
    "float",
    "bool",
    "min",
    "max",
    "sum",
    "abs",
    "range",
    "sorted",
    "reversed",
    "any",
    "all",
    "map",
    "filter",
    "zip",
    "enumerate",
    "ord",
    "chr",
    "type",
    "id",
    "input",
    "iter",
    "next",
    "object",
    "tuple",
    "format",
    "hash",
    "super",
    "math",
    "sys",
    "heapq",
    "deque",
    "functools",
    "match",
    "case",
];

fn escape(name: String) -> String {
    if RESERVED.contains(&name.as_str()) || name.starts_with("_ferry") {
        format!("{name}_")
    } else {
        name
    }
}

fn convert(name: &str, opts: &Options, f: fn(&str) -> String) -> String {
    match opts.naming {
        Naming::Idiomatic => f(name),
        Naming::Preserve => name.to_string(),
    }
}

pub(super) fn function(name: &str, opts: &Options) -> String {
    opts.function_name(name, || escape(convert(name, opts, snake_case)))
}

pub(super) fn field(name: &str, opts: &Options) -> String {
    escape(convert(name, opts, snake_case))
}

pub(super) fn local(name: &str, opts: &Options) -> String {
    if name == "_" {
        return "_".to_string();
    }
    escape(convert(name, opts, snake_case))
}

pub(super) fn class(name: &str, opts: &Options) -> String {
    escape(convert(name, opts, pascal_case))
}

pub(super) fn global(name: &str, is_const: bool, opts: &Options) -> String {
    if is_const {
        escape(convert(name, opts, upper_snake_case))
    } else {
        escape(convert(name, opts, snake_case))
    }
}
