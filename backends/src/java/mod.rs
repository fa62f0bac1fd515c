//! The java backend: prints IR as java source.

use ferry_ir::Module;

use crate::{Emitted, Options};

/// Prints a module as java.
pub(crate) fn emit(module: &Module, options: &Options) -> Emitted {
    let _ = (module, options);
    Emitted { code: String::new(), diagnostics: Vec::new() }
}
