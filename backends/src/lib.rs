//! Backends: print a [`ferry_ir::Module`] as conventional source in a target language.
//!
//! Each language has its own module (printer, precedence, names, imports, prelude). A backend never
//! fails: a unit it cannot print becomes a clearly marked stub that throws, raises or panics when
//! called, and a diagnostic.

mod go;
mod java;
mod literal;
pub mod naming;
mod python;
mod shape;
mod untyped;
mod writer;

use std::collections::{BTreeMap, BTreeSet};

use ferry_ir::signature::ArrayLengths;
use ferry_ir::{Diagnostic, Language, Module};

pub use naming::Naming;

/// How integer widths are translated (see DESIGN.md, "Integer width is the one deliberate exception").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Semantics {
    /// Everyday types (`int` ↔ `int` ↔ `int`), no overflow emulation; everything else exact.
    #[default]
    Natural,
    /// Fixed widths preserved bit for bit.
    Exact,
}

/// Options every backend understands.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub naming: Naming,
    pub semantics: Semantics,
    /// Functions and methods printed under a fixed name whatever the naming policy (IR name →
    /// printed name): the names a target interface declares.
    pub fixed_names: BTreeMap<String, String>,
    /// Functions and methods (IR names) whose optional result a target interface declares as an
    /// optional object (Java `Optional<T>`) rather than a nullable value: a backend whose
    /// optional values are nullable wraps their returns and unwraps calls to them.
    pub optional_results: BTreeSet<String>,
    /// Functions and methods (IR names) whose result or parameters a target interface declares
    /// as fixed-size arrays (Go `[2]int`) where the translation has lists: a backend with such
    /// arrays prints the declared types and converts at the boundary.
    pub array_lengths: BTreeMap<String, ArrayLengths>,
}

impl Options {
    /// The printed name of a function or method: its fixed name, or `convert`'s.
    pub fn function_name(&self, name: &str, convert: impl FnOnce() -> String) -> String {
        match self.fixed_names.get(name) {
            Some(fixed) => fixed.clone(),
            None => convert(),
        }
    }
}

/// Printed source and what the backend had to say about it.
#[derive(Debug, Clone)]
pub struct Emitted {
    pub code: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Prints `module` in `target`.
pub fn emit(module: &Module, target: Language, options: &Options) -> Emitted {
    match target {
        Language::Java => java::emit(&untyped::stub_untyped_units(module), options),
        Language::Python => python::emit(module, options),
        Language::Go => go::emit(&untyped::stub_untyped_units(module), options),
    }
}
