//! The `ferry` command line: argument parsing, reading input, rendering diagnostics, exit codes.

mod cli;

use std::process::ExitCode;

/// Lowering builds many small trees, strings and sets; mimalloc allocates them markedly faster
/// than the system allocator (measured in bench/speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
