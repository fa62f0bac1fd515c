//! Translation engines behind one trait. `rules` prints the IR through the deterministic backends.

use ferry_backends::{Emitted, Options};
use ferry_ir::{Language, Module};

/// Something that turns a lowered module into target source.
pub trait Engine {
    /// The engine's name as given on the command line.
    fn name(&self) -> &'static str;

    /// Translates a module into `target`.
    fn translate(&self, module: &mut Module, target: Language, options: &Options) -> Emitted;
}

/// The deterministic engine: IR straight to the backend printers, units in plan order.
#[derive(Debug, Default)]
pub struct RulesEngine;

impl Engine for RulesEngine {
    fn name(&self) -> &'static str {
        "rules"
    }

    fn translate(&self, module: &mut Module, target: Language, options: &Options) -> Emitted {
        ferry_backends::emit(module, target, options)
    }
}
