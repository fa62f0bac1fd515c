//! Go identifiers: the naming policy and escaping of keywords and predeclared names.

use crate::naming::{camel_case, pascal_case};
use crate::Naming;

/// Go keywords, predeclared identifiers and the packages the backend imports.
#[rustfmt::skip]
const RESERVED: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
    "append",
    "cap",
    "clear",
    "close",
    "complex",
    "copy",
    "delete",
    "imag",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "real",
    "recover",
    "bool",
    "byte",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "iota",
    "nil",
    "any",
    "comparable",
    "fmt",
    "strings",
    "strconv",
    "sort",
    "math",
    "slices",
    "maps",
    "unicode",
    "utf8",
    "utf16",
    "errors",
    "cmp",
    "reflect",
    "runtime",
    "os",
    "main",
    "init",
];

/// Appends `_` to a name that Go reserves.
pub(super) fn escape(name: String) -> String {
    if RESERVED.contains(&name.as_str()) || name.starts_with("ferry") {
        format!("{name}_")
    } else {
        name
    }
}

/// A local, parameter, function, method or field name.
pub(super) fn value_name(naming: Naming, name: &str) -> String {
    if name == "_" {
        return "_".to_string();
    }
    let converted = match naming {
        Naming::Idiomatic => camel_case(name),
        Naming::Preserve => name.to_string(),
    };
    if converted.is_empty() {
        return "x_".to_string();
    }
    escape(converted)
}

/// A method name: `toString`/`__str__` become Go's `String`.
pub(super) fn method_name(naming: Naming, name: &str) -> String {
    match name {
        "toString" | "__str__" | "__repr__" | "String" => "String".to_string(),
        _ => value_name(naming, name),
    }
}

/// A type name.
pub(super) fn type_name(naming: Naming, name: &str) -> String {
    let converted = match naming {
        Naming::Idiomatic => pascal_case(name),
        Naming::Preserve => name.to_string(),
    };
    escape(converted)
}
