//! tree-sitter frontends: each lowers one language's source into a [`ferry_ir::Module`].
//!
//! Frontends never fail: they return the module and its diagnostics ([`Lowered`]). Syntax errors
//! become diagnostics and the rest of the file is still lowered; constructs the frontend cannot
//! lower become `Unsupported` nodes with a diagnostic each.

mod common;
mod go;
mod java;
mod python;
mod regex;
mod seed;

use ferry_ir::{Diagnostic, Language, Module, Signature};

/// The result of lowering one file: the module, and everything worth telling about it.
#[derive(Debug)]
pub struct Lowered {
    pub module: Module,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers `source` written in `language`; `name` is the module name (usually the file stem).
pub fn lower(language: Language, name: &str, source: &str) -> Lowered {
    lower_conforming(language, name, source, &[])
}

/// Lowers `source` for a target that declares `interface`: a frontend that infers types takes the
/// declared parameter and result types where the source does not say.
pub fn lower_conforming(
    language: Language,
    name: &str,
    source: &str,
    interface: &[Signature],
) -> Lowered {
    match language {
        Language::Java => java::lower(name, source),
        Language::Python => python::lower(name, source, interface),
        Language::Go => go::lower(name, source),
    }
}

/// Parses `source` with tree-sitter only, without lowering: the baseline for speed measurements.
/// Returns whether the tree has syntax errors.
pub fn parse_only(language: Language, source: &str) -> bool {
    common::parse(language, source).is_none_or(|tree| tree.root_node().has_error())
}
