//! ferry's shared intermediate representation.
//!
//! Frontends lower source files into a [`Module`]; backends print a [`Module`] as source in another
//! language. The IR records what an operation means (division kind, integer width, string indexing
//! unit, equality kind, formatting convention), never how it was spelled.

pub mod diagnostic;
pub mod graph;
pub mod intrinsics;
pub mod language;
pub mod signature;
pub mod span;
pub mod tree;
pub mod types;
pub mod visit;

pub use diagnostic::{Diagnostic, Severity};
pub use graph::{ProgramGraph, UnitEdge, UnitKind, UnitNode};
pub use intrinsics::Intrinsic;
pub use language::Language;
pub use signature::Signature;
pub use span::{SourceFile, Span};
pub use tree::*;
pub use types::{IntKind, Type};
