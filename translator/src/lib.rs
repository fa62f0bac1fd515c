//! Translation: lowering a file, planning its units over the program graph, and running an engine.
//!
//! Only the rules engine exists so far; it prints the IR through the deterministic backends.

mod boundary;
pub mod conform;
pub mod engine;
mod go_header;
pub mod interface;
pub mod plan;
mod results;

use ferry_backends::Options;
use ferry_ir::{Diagnostic, Language, Severity, Signature, SourceFile};

pub use engine::{Engine, RulesEngine};
pub use interface::read_interface;
pub use plan::Plan;

/// One file to translate.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub file: &'a SourceFile,
    pub from: Language,
    pub to: Language,
    /// The module name the output is written under (a Java public class name is derived from it).
    pub module_name: String,
    pub options: Options,
    /// Declarations of the target code base the translation must match (`--interface`).
    pub interface: Vec<Signature>,
}

/// A translated file and every diagnostic, frontend's and backend's, in source order.
#[derive(Debug, Clone)]
pub struct Translation {
    pub code: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Translation {
    /// Whether any diagnostic is a syntax error.
    pub fn has_syntax_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Whether any unit could not be translated.
    pub fn has_unsupported(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Unsupported)
    }
}

/// Translates one file with the given engine.
pub fn translate(request: &Request<'_>, engine: &dyn Engine) -> Translation {
    let mut lowered = ferry_frontends::lower_conforming(
        request.from,
        &request.module_name,
        &request.file.text,
        &request.interface,
    );
    let mut options = request.options.clone();
    let conformed = conform::conform(
        &mut lowered.module,
        &request.interface,
        request.to,
        &mut options,
    );
    let emitted = engine.translate(&mut lowered.module, request.to, &options);
    let mut diagnostics = lowered.diagnostics;
    diagnostics.extend(conformed);
    diagnostics.extend(emitted.diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, d.severity));
    diagnostics.dedup();
    Translation {
        code: emitted.code,
        diagnostics,
    }
}
