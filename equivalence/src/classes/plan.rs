//! What the check of each class pair calls: the constructor pair and the method pairs, the
//! methods left out (each reported as its own `Class.method` entry), what each side's harness
//! must build, and the note a checked class's report carries.

use super::{key, ClassSig, Make};
use crate::harness::ClassUnit;
use crate::report::{FunctionReport, Kind, Verdict};
use crate::signature::{self, Signature};
use crate::Options;
use crate::Program;

/// A method of the original with its counterpart and the types to generate.
#[derive(Debug, Clone)]
pub struct MethodPair {
    pub original: Signature,
    pub translation: Signature,
    pub inputs: Vec<(String, ferry_ir::Type)>,
}

/// What the check of one class pair can call.
#[derive(Debug, Clone)]
pub struct ClassPlan {
    pub constructor: MethodPair,
    /// Methods whose parameters can be generated.
    pub methods: Vec<MethodPair>,
    /// Original methods left out: the name and why (no counterpart, a parameter type that cannot
    /// be generated).
    pub left_out: Vec<(String, LeftOut)>,
}

/// Why a method of the original is not called.
#[derive(Debug, Clone, PartialEq)]
pub enum LeftOut {
    /// The translation's class has no method of that name.
    Missing,
    /// Its parameters cannot be generated, or do not meet the translation's.
    Unsupported(String),
}

/// The constructor pair: the original's with the most parameters that the translation has a
/// constructor of the same arity for.
fn constructor(original: &ClassSig, translation: &ClassSig) -> Result<MethodPair, String> {
    let mut candidates: Vec<&Signature> = original.constructors.iter().collect();
    candidates.sort_by_key(|s| std::cmp::Reverse(s.params.len()));
    let mut last_error = None;
    for o in candidates {
        let Some(t) = translation
            .constructors
            .iter()
            .find(|t| t.params.len() == o.params.len())
        else {
            continue;
        };
        match signature::input_types(o, t) {
            Ok(inputs) => {
                return Ok(MethodPair {
                    original: o.clone(),
                    translation: t.clone(),
                    inputs,
                })
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(match last_error {
        Some(e) => format!("constructor: {e}"),
        None => "no constructors with the same number of parameters".into(),
    })
}

/// Pairs the constructors and methods of two classes matched by name.
pub fn plan(original: &ClassSig, translation: &ClassSig) -> Result<ClassPlan, String> {
    if let Some(reason) = &translation.not_checked {
        return Err(format!(
            "the translation's {} is {}",
            translation.name,
            reason.split(':').next().unwrap_or(reason)
        ));
    }
    let constructor = constructor(original, translation)?;
    let mut methods = Vec::new();
    let mut left_out = Vec::new();
    for o in &original.methods {
        let Some(t) = translation
            .methods
            .iter()
            .find(|t| key(&t.name) == key(&o.name))
        else {
            left_out.push((o.name.clone(), LeftOut::Missing));
            continue;
        };
        match signature::input_types(o, t) {
            Ok(inputs) => methods.push(MethodPair {
                original: o.clone(),
                translation: t.clone(),
                inputs,
            }),
            Err(reason) => left_out.push((o.name.clone(), LeftOut::Unsupported(reason))),
        }
    }
    Ok(ClassPlan {
        constructor,
        methods,
        left_out,
    })
}

/// What to do with one original class before any process runs.
pub(crate) enum ClassStep {
    Decided(Verdict),
    Check(ClassPlan),
}

/// The classes of a program (its source says what the IR does not, such as Java's `private`).
pub(crate) fn program_classes(program: &Program<'_>) -> Vec<ClassSig> {
    let source = std::fs::read_to_string(program.path).unwrap_or_default();
    super::classes(program.module, program.language, &source)
}

/// The plan for each class of the original, and report entries for methods left out.
pub(crate) fn plan_classes(
    pairs: &[(ClassSig, Option<ClassSig>)],
    options: &Options,
) -> (Vec<ClassStep>, Vec<FunctionReport>) {
    let mut methods = Vec::new();
    let steps = pairs
        .iter()
        .map(|(o, t)| {
            let decided = |v| ClassStep::Decided(v);
            if let Some(reason) = &o.not_checked {
                return decided(Verdict::Skipped(reason.clone()));
            }
            let Some(t) = t else {
                return decided(Verdict::Missing);
            };
            if options.process_per_case {
                return decided(Verdict::Skipped(
                    "objects need a persistent harness (not with a process per case)".into(),
                ));
            }
            match plan(o, t) {
                Ok(plan) => {
                    for (method, why) in &plan.left_out {
                        methods.push(FunctionReport {
                            kind: Kind::Method,
                            original: format!("{}.{method}", o.name),
                            translation: None,
                            verdict: match why {
                                LeftOut::Missing => Verdict::Missing,
                                LeftOut::Unsupported(reason) => {
                                    Verdict::Unsupported(reason.clone())
                                }
                            },
                            note: Some(format!("not called in the check of class {}", o.name)),
                            seconds: 0.0,
                        });
                    }
                    ClassStep::Check(plan)
                }
                Err(reason) => decided(Verdict::Unsupported(reason)),
            }
        })
        .collect();
    (steps, methods)
}

/// What the harness of one side must construct and call.
pub(crate) fn class_units(
    pairs: &[(ClassSig, Option<ClassSig>)],
    steps: &[ClassStep],
    translation_side: bool,
) -> Vec<ClassUnit> {
    pairs
        .iter()
        .zip(steps)
        .filter_map(|((o, t), step)| {
            let ClassStep::Check(plan) = step else {
                return None;
            };
            let class = if translation_side { t.as_ref()? } else { o };
            Some(ClassUnit {
                name: class.name.clone(),
                constructor: (class.make == Make::Constructor)
                    .then(|| format!("New{}", class.name)),
                methods: plan
                    .methods
                    .iter()
                    .map(|m| {
                        if translation_side {
                            &m.translation
                        } else {
                            &m.original
                        }
                        .name
                        .clone()
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The note on a checked class: what its cases call and compare.
pub(crate) fn class_note(
    plan: &ClassPlan,
    fields: &std::collections::BTreeSet<String>,
    options: &Options,
) -> String {
    let methods: Vec<&str> = plan
        .methods
        .iter()
        .map(|m| m.original.name.as_str())
        .collect();
    let listed = |names: Vec<&str>| {
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    };
    let calls = if methods.is_empty() {
        "no methods to call".to_string()
    } else {
        format!(
            "then up to {} calls of {}",
            options.check.max_calls,
            methods.join(", ")
        )
    };
    format!(
        "each case: a constructor call, {calls}; state compared: {}",
        listed(fields.iter().map(String::as_str).collect())
    )
}
