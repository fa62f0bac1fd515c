//! The `ferry` command line: argument parsing, reading input, rendering diagnostics, exit codes.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
