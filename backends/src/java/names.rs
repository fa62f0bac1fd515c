//! Java naming: case conventions per `Options.naming` and keyword escaping.

use crate::naming::{camel_case, pascal_case, upper_snake_case, Naming};

const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
    "true",
    "false",
    "null",
    "var",
    "record",
    "yield",
    "String",
    "Math",
    "System",
    "List",
    "Map",
    "Set",
    "Object",
    "Integer",
    "Long",
    "Double",
    "Character",
    "Boolean",
];

fn escape(name: String) -> String {
    if name == "_" {
        return "unused".into();
    }
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// A local, parameter, method, function or field name.
pub(super) fn value(name: &str, naming: Naming) -> String {
    match naming {
        Naming::Preserve => escape(name.to_string()),
        Naming::Idiomatic => {
            let n = camel_case(name);
            escape(if n.is_empty() { name.to_string() } else { n })
        }
    }
}

/// A class name.
pub(super) fn class(name: &str, naming: Naming) -> String {
    match naming {
        Naming::Preserve => escape(name.to_string()),
        Naming::Idiomatic => escape(pascal_case(name)),
    }
}

/// A constant (`static final`) name.
pub(super) fn constant(name: &str, naming: Naming) -> String {
    match naming {
        Naming::Preserve => escape(name.to_string()),
        Naming::Idiomatic => escape(upper_snake_case(name)),
    }
}
