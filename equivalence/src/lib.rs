//! The equivalence checker: runs an original and its translation on generated inputs in their
//! real runtimes and says, per function and per class, `equivalent (N cases)`, `counterexample`
//! (shrunk inputs, both outcomes), `unsupported signature`, `inconclusive` or `error`.
//!
//! The pieces, in the order a check uses them: [`signature`] (what each side's functions take),
//! [`pairing`] (which functions correspond), [`classes`] (classes, their constructors and public
//! methods, and their pairs), [`strategy`] (proptest strategies from IR types),
//! [`literals`] (the programs' constants, weighted into generation), [`harness`] (a persistent
//! JSON-lines driver per language), [`runner`] (processes with limits,
//! no network), [`state`] (functions over module state), [`check`] (the search and shrinking),
//! [`sequence`] (the same for classes: generated method sequences on constructed objects),
//! [`compare`] and [`value`] (the value model and its comparison rules) and [`report`]. Unlike `ir`, `frontends` and `backends`, this crate runs
//! processes and writes scratch files: that is its job. It never prints.

pub mod check;
pub mod classes;
pub mod compare;
pub mod harness;
mod junit;
pub mod literals;
pub mod pairing;
pub mod report;
pub mod runner;
pub mod sequence;
pub mod signature;
pub mod state;
pub mod strategy;
pub mod value;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use ferry_ir::{Language, Module};

pub use check::CheckOptions;
pub use report::{Counterexample, FunctionReport, Kind, Report, Verdict};

use crate::check::{Harnesses, Pair};
use crate::classes::{class_note, class_units, plan_classes, program_classes, ClassStep};
use crate::harness::{ClassUnit, Harness, Limits, PrepareError, Unit};
use crate::report::Side;
use crate::signature::Signature;

/// One side of a check: a source file and its lowered module.
#[derive(Debug, Clone, Copy)]
pub struct Program<'a> {
    pub path: &'a Path,
    pub language: Language,
    pub module: &'a Module,
}

/// Everything `verify` can be told.
#[derive(Debug, Clone)]
pub struct Options {
    pub check: CheckOptions,
    /// `ORIG=TRANS` pairs that override name matching.
    pub functions: Vec<(String, String)>,
    pub limits: Limits,
    /// Start a new harness process for every call instead of one per check (slow; only for
    /// measuring what the persistent harness saves).
    pub process_per_case: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            check: CheckOptions::default(),
            functions: Vec::new(),
            limits: Limits {
                cpu_seconds: 600,
                memory_bytes: 2 << 30,
                startup: Duration::from_secs(30),
            },
            process_per_case: false,
        }
    }
}

/// Why a check could not run at all.
#[derive(Debug, Clone, PartialEq)]
pub enum VerifyError {
    /// Bad input: an override naming a function that does not exist, an unwritable scratch dir.
    Usage(String),
    /// A toolchain program is not installed.
    MissingTool { tool: String, language: Language },
}

/// The functions of each side that depend on mutable module state.
struct State {
    original: HashMap<String, String>,
    translation: HashMap<String, String>,
}

/// What to do with one original function before any process runs.
enum Plan {
    Decided(Verdict),
    Check {
        translation: Signature,
        inputs: Vec<(String, ferry_ir::Type)>,
        /// The module global the pair depends on, if any (checked with fresh processes).
        state: Option<String>,
    },
}

fn plan(original: &Signature, translation: Option<&Signature>, state: &State) -> Plan {
    if signature::is_entry_point(original) {
        return Plan::Decided(Verdict::Skipped(
            "program entry point: checked by running the programs".into(),
        ));
    }
    if original.nested {
        return Plan::Decided(Verdict::Skipped(
            "a nested function: not callable from outside when the original runs".into(),
        ));
    }
    if signature::is_ferry_helper(original) {
        return Plan::Decided(Verdict::Skipped(
            "a helper of ferry's runtime prelude".into(),
        ));
    }
    let Some(translation) = translation else {
        return Plan::Decided(Verdict::Missing);
    };
    match signature::input_types(original, translation) {
        Ok(inputs) => Plan::Check {
            translation: translation.clone(),
            inputs,
            state: state
                .original
                .get(&original.name)
                .or_else(|| state.translation.get(&translation.name))
                .cloned(),
        },
        Err(reason) => Plan::Decided(Verdict::Unsupported(reason)),
    }
}

fn prepare(
    program: &Program<'_>,
    functions: Vec<String>,
    classes: Vec<ClassUnit>,
    dir: &Path,
    options: &Options,
) -> Result<Harness, String> {
    let unit = Unit {
        language: program.language,
        path: program.path,
        functions,
        classes,
    };
    harness::prepare(&unit, dir, options.limits)
        .map(|launch| Harness::new(launch, options.limits.startup, options.process_per_case))
        .map_err(|PrepareError(message)| message)
}

/// Builds one side's harness; if it does not build with the classes, builds it without them so
/// the functions are still checked, and returns why the classes could not be.
fn prepare_side(
    program: &Program<'_>,
    functions: Vec<String>,
    classes: Vec<ClassUnit>,
    dir: &Path,
    options: &Options,
) -> (Result<Harness, String>, Option<String>) {
    let with_classes = !classes.is_empty();
    match prepare(program, functions.clone(), classes, dir, options) {
        Err(message) if with_classes => {
            let without = prepare(
                program,
                functions,
                Vec::new(),
                &dir.with_extension("functions"),
                options,
            );
            (without, Some(message))
        }
        result => (result, None),
    }
}

/// Checks every function and class of `original` against its counterpart in `translation`.
pub fn verify(
    original: &Program<'_>,
    translation: &Program<'_>,
    options: &Options,
) -> Result<Report, VerifyError> {
    let original_fns = signature::functions(original.module);
    let translation_fns = signature::functions(translation.module);
    let pairing = pairing::pair(&original_fns, &translation_fns, &options.functions)
        .map_err(VerifyError::Usage)?;
    let state = State {
        original: state::stateful_functions(original.module),
        translation: state::stateful_functions(translation.module),
    };
    let plans: Vec<Plan> = pairing
        .pairs
        .iter()
        .map(|(o, t)| plan(o, t.as_ref(), &state))
        .collect();
    let class_pairs = classes::pair(&program_classes(original), &program_classes(translation));
    let (class_steps, method_reports) = plan_classes(&class_pairs, options);
    let any_class = class_steps.iter().any(|s| matches!(s, ClassStep::Check(_)));
    let checked: Vec<(&Signature, &Signature)> = pairing
        .pairs
        .iter()
        .zip(&plans)
        .filter_map(|((o, _), p)| match p {
            Plan::Check { translation, .. } => Some((o, translation)),
            Plan::Decided(_) => None,
        })
        .collect();
    let mut harnesses = None;
    let mut setup_error = None;
    let mut class_error: Option<(Side, String)> = None;
    if !checked.is_empty() || any_class {
        for program in [original, translation] {
            if let Some(tool) = harness::missing_tool(program.language) {
                return Err(VerifyError::MissingTool {
                    tool: tool.to_string(),
                    language: program.language,
                });
            }
        }
        let scratch = tempfile::Builder::new()
            .prefix("ferry-verify-")
            .tempdir()
            .map_err(|e| VerifyError::Usage(format!("cannot create a scratch directory: {e}")))?;
        let names = |translation_side: bool| {
            let mut names: Vec<String> = checked
                .iter()
                .map(|(o, t)| if translation_side { t } else { o }.name.clone())
                .collect();
            names.sort();
            names.dedup();
            names
        };
        let (o, class_error_o) = prepare_side(
            original,
            names(false),
            class_units(&class_pairs, &class_steps, false),
            &scratch.path().join("original"),
            options,
        );
        let (t, class_error_t) = prepare_side(
            translation,
            names(true),
            class_units(&class_pairs, &class_steps, true),
            &scratch.path().join("translation"),
            options,
        );
        class_error = class_error_o
            .map(|m| (Side::Original, m))
            .or(class_error_t.map(|m| (Side::Translation, m)));
        match (o, t) {
            (Ok(o), Ok(t)) => {
                harnesses = Some((
                    Harnesses {
                        original: o,
                        translation: t,
                    },
                    scratch,
                ));
            }
            (Err(message), _) => setup_error = Some((Side::Original, message)),
            (_, Err(message)) => setup_error = Some((Side::Translation, message)),
        }
    }
    let check_options = CheckOptions {
        literals: literals::Literals::of(&[original.module, translation.module]),
        ..options.check.clone()
    };
    let mut functions = Vec::new();
    for ((o, t), plan) in pairing.pairs.iter().zip(plans) {
        let started = Instant::now();
        let mut note = None;
        let verdict = match plan {
            Plan::Decided(verdict) => verdict,
            Plan::Check {
                translation: translation_sig,
                inputs,
                state,
            } => match (&mut harnesses, &setup_error) {
                (Some((h, _)), _) => {
                    note = state.as_ref().map(|global| {
                        format!(
                            "uses module state `{global}`: every case ran in fresh processes (at most {} cases)",
                            check::FRESH_CASES
                        )
                    });
                    check::check(
                        &Pair {
                            original: o,
                            translation: &translation_sig,
                            inputs,
                            fresh_per_case: state.is_some(),
                        },
                        h,
                        &check_options,
                    )
                }
                (None, Some((side, message))) => Verdict::Error {
                    side: *side,
                    message: message.clone(),
                },
                (None, None) => Verdict::Inconclusive {
                    reason: "no harness".into(),
                    cases: 0,
                },
            },
        };
        functions.push(FunctionReport {
            kind: Kind::Function,
            original: o.name.clone(),
            translation: t.as_ref().map(|t| t.name.clone()),
            verdict,
            note,
            seconds: started.elapsed().as_secs_f64(),
        });
    }
    for ((o, t), step) in class_pairs.iter().zip(class_steps) {
        let started = Instant::now();
        let mut note = None;
        let verdict = match step {
            ClassStep::Decided(verdict) => verdict,
            ClassStep::Check(_) if class_error.is_some() => {
                let (side, message) = class_error
                    .clone()
                    .unwrap_or((Side::Original, String::new()));
                Verdict::Error { side, message }
            }
            ClassStep::Check(plan) => match (&mut harnesses, &setup_error) {
                (Some((h, _)), _) => {
                    let translation_class = t.as_ref().unwrap_or(o);
                    let outcome = sequence::check(
                        &sequence::ClassPair {
                            original: o,
                            translation: translation_class,
                            plan: &plan,
                        },
                        h,
                        &check_options,
                    );
                    note = Some(class_note(&plan, &outcome.fields, options));
                    outcome.verdict
                }
                (None, Some((side, message))) => Verdict::Error {
                    side: *side,
                    message: message.clone(),
                },
                (None, None) => Verdict::Inconclusive {
                    reason: "no harness".into(),
                    cases: 0,
                },
            },
        };
        functions.push(FunctionReport {
            kind: Kind::Class,
            original: o.name.clone(),
            translation: t.as_ref().map(|t| t.name.clone()),
            verdict,
            note,
            seconds: started.elapsed().as_secs_f64(),
        });
    }
    functions.extend(method_reports);
    Ok(Report {
        original: original.path.to_path_buf(),
        translation: translation.path.to_path_buf(),
        original_language: original.language,
        translation_language: translation.language,
        seed: options.check.seed,
        cases: options.check.cases,
        network: runner::Sandbox::detect().network.clone(),
        functions,
        unmatched: pairing.unmatched,
    })
}
