//! The translation plan of one file: its units in dependency order over the program graph.

use std::fmt;

use ferry_ir::{Module, ProgramGraph};

/// Units grouped into strongly connected components, dependencies first.
#[derive(Debug)]
pub struct Plan {
    pub steps: Vec<Vec<String>>,
}

impl Plan {
    /// Plans the units of a module.
    pub fn of(module: &Module) -> Plan {
        Plan {
            steps: ProgramGraph::build(module).translation_order(),
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            writeln!(f, "{:>3}. {}", i + 1, step.join(", "))?;
        }
        Ok(())
    }
}
