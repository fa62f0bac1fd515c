//! The go frontend: lowers go source into the IR.

use ferry_ir::{Language, Module};

use crate::common;
use crate::Lowered;

/// Lowers one go file.
pub(crate) fn lower(name: &str, source: &str) -> Lowered {
    let mut diagnostics = Vec::new();
    if let Some(tree) = common::parse(Language::Go, source) {
        diagnostics.extend(common::syntax_errors(tree.root_node(), source));
    }
    let module = Module {
        language: Language::Go,
        name: name.to_string(),
        doc: None,
        items: Vec::new(),
    };
    Lowered { module, diagnostics }
}
