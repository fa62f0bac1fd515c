//! Checking one class pair, state-machine style: a case builds an object on each side with
//! generated constructor arguments, then calls a generated sequence of its methods (at most
//! [`CheckOptions::max_calls`]) on both, comparing after every step the outcome (a result, or an
//! error by category) and the observable state: the fields both sides expose under names the
//! naming policy pairs (each harness documents what its language exposes).
//!
//! proptest generates the case as `(calls, constructor arguments)`, so shrinking shortens the
//! sequence first (dropping calls), then makes the calls' arguments smaller, then the
//! constructor's. The runner is seeded with the check's seed alone, so a printed seed reproduces
//! the same sequence. Where proptest leaves several calls (it drops one call at a time), searches
//! limited to fewer calls look for a shorter counterexample. A case stops at its first
//! disagreement; an overflow-only one ends the case (what follows depends on the wrapped value)
//! and, under natural semantics, does not fail it.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::time::Instant;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::strategy::Union;
use proptest::test_runner::{TestCaseError, TestError};

use crate::check::{runner, CheckOptions, Harnesses};
use crate::classes::{ClassPlan, ClassSig};
use crate::report::{Counterexample, Sequence, Verdict};
use crate::strategy::{self, Sizes};
use crate::value::Value;

mod case;

use case::{calls, named, run_case, CaseResult, Step};

/// A class pair ready to check.
pub struct ClassPair<'a> {
    pub original: &'a ClassSig,
    pub translation: &'a ClassSig,
    pub plan: &'a ClassPlan,
}

/// What a whole check saw.
#[derive(Default)]
struct Search {
    cases: u32,
    rejected: u32,
    last_rejection: String,
    stop: Option<Verdict>,
    shrinking: bool,
    overflow_seen: bool,
}

/// What the check of a class found: the verdict, and the fields compared in some case (the
/// original's names).
pub struct ClassOutcome {
    pub verdict: Verdict,
    pub fields: BTreeSet<String>,
}

fn types(inputs: &[(String, ferry_ir::Type)]) -> Vec<ferry_ir::Type> {
    inputs.iter().map(|(_, t)| t.clone()).collect()
}

fn cases_strategy(
    plan: &ClassPlan,
    options: &CheckOptions,
) -> BoxedStrategy<(Vec<Step>, Vec<Value>)> {
    let constructor = strategy::arguments(
        &types(&plan.constructor.inputs),
        options.sizes,
        &options.literals,
    );
    let steps = if plan.methods.is_empty() || options.max_calls == 0 {
        Just(Vec::new()).boxed()
    } else {
        let arms: Vec<BoxedStrategy<Step>> = plan
            .methods
            .iter()
            .enumerate()
            .map(|(method, m)| {
                strategy::arguments(&types(&m.inputs), options.sizes, &options.literals)
                    .prop_map(move |args| Step { method, args })
                    .boxed()
            })
            .collect();
        vec(Union::new(arms), 0..=options.max_calls).boxed()
    };
    (steps, constructor).boxed()
}

/// One search over `options.cases` cases; with the verdict, why cases were rejected, if any were.
fn search(
    pair: &ClassPair<'_>,
    harnesses: &mut Harnesses,
    options: &CheckOptions,
    compared: &mut BTreeSet<String>,
) -> (Verdict, Option<String>) {
    let strategy = cases_strategy(pair.plan, options);
    let started = Instant::now();
    let harnesses = RefCell::new(harnesses);
    let compared = RefCell::new(compared);
    let seen = RefCell::new(Search::default());
    let result = runner(options, options.cases).run(&strategy, |(steps, constructor)| {
        let mut s = seen.borrow_mut();
        if s.stop.is_some() {
            return Ok(());
        }
        if !s.shrinking && started.elapsed() > options.function_budget {
            s.stop = Some(Verdict::Inconclusive {
                reason: format!(
                    "the time budget of {} s ran out",
                    options.function_budget.as_secs()
                ),
                cases: s.cases,
            });
            return Ok(());
        }
        let mut h = harnesses.borrow_mut();
        let mut fields = compared.borrow_mut();
        match run_case(pair, &mut h, &steps, &constructor, options, &mut fields) {
            CaseResult::Interrupted(verdict) => {
                if !s.shrinking {
                    s.stop = Some(verdict);
                }
                Ok(())
            }
            CaseResult::Rejected(reason) => {
                if !s.shrinking {
                    s.rejected += 1;
                    s.last_rejection = reason;
                }
                Ok(())
            }
            CaseResult::Agreed { overflow } => {
                if !s.shrinking {
                    s.cases += 1;
                }
                s.overflow_seen |= overflow;
                Ok(())
            }
            CaseResult::Differs(_) => {
                if !s.shrinking {
                    s.cases += 1;
                }
                s.shrinking = true;
                Err(TestCaseError::fail("the sides differ"))
            }
        }
    });
    let seen = seen.into_inner();
    let harnesses = harnesses.into_inner();
    let compared = compared.into_inner();
    let rejection = (seen.rejected > 0).then(|| {
        format!(
            "no generated case fits both classes ({} tried; {})",
            seen.rejected, seen.last_rejection
        )
    });
    let verdict = match result {
        Err(TestError::Fail(_, (steps, constructor))) => {
            counterexample(pair, harnesses, &steps, &constructor, options, compared).unwrap_or_else(
                || Verdict::Inconclusive {
                    reason: "the counterexample did not reproduce".into(),
                    cases: seen.cases,
                },
            )
        }
        Err(TestError::Abort(reason)) => Verdict::Inconclusive {
            reason: reason.to_string(),
            cases: seen.cases,
        },
        Ok(()) => match seen.stop {
            Some(Verdict::Inconclusive { reason, .. }) => Verdict::Inconclusive {
                reason,
                cases: seen.cases,
            },
            Some(other) => other,
            None if seen.overflow_seen && !options.strict_overflow => {
                let strict = CheckOptions {
                    strict_overflow: true,
                    ..options.clone()
                };
                match search(pair, harnesses, &strict, compared).0 {
                    Verdict::Counterexample { example, .. } => Verdict::Overflow {
                        cases: seen.cases,
                        example,
                    },
                    _ => Verdict::Equivalent { cases: seen.cases },
                }
            }
            None => Verdict::Equivalent { cases: seen.cases },
        },
    };
    (verdict, rejection)
}

/// Runs the shrunk case once more and reports it, cut after the step where the sides part.
fn counterexample(
    pair: &ClassPair<'_>,
    harnesses: &mut Harnesses,
    steps: &[Step],
    constructor: &[Value],
    options: &CheckOptions,
    compared: &mut BTreeSet<String>,
) -> Option<Verdict> {
    match run_case(pair, harnesses, steps, constructor, options, compared) {
        CaseResult::Differs(d) => Some(Verdict::Counterexample {
            example: Counterexample {
                inputs: named(&pair.plan.constructor.inputs, constructor),
                sequence: Some(Sequence {
                    class: pair.original.name.clone(),
                    calls: calls(pair.plan, &steps[..d.calls]),
                    field: d.field,
                }),
                expected: d.expected,
                actual: d.actual,
            },
            overflow: d.overflow,
        }),
        _ => None,
    }
}

/// The number of calls of a class counterexample.
fn calls_in(example: &Counterexample) -> usize {
    example.sequence.as_ref().map_or(0, |s| s.calls.len())
}

/// A counterexample with fewer calls, if a search limited to fewer calls finds one. proptest
/// shrinks a sequence one call at a time and stops where no single call can go (a withdrawal
/// that only fails after two deposits); a new search among shorter sequences often finds a
/// shorter one, and is repeated until it does not.
fn shorter(
    pair: &ClassPair<'_>,
    harnesses: &mut Harnesses,
    small: &CheckOptions,
    fields: &mut BTreeSet<String>,
    mut example: Counterexample,
    mut overflow: bool,
) -> Verdict {
    while calls_in(&example) > 0 {
        let fewer = CheckOptions {
            max_calls: calls_in(&example) - 1,
            ..small.clone()
        };
        match search(pair, harnesses, &fewer, fields).0 {
            Verdict::Counterexample {
                example: found,
                overflow: o,
            } if calls_in(&found) < calls_in(&example) => {
                example = found;
                overflow = o;
            }
            _ => break,
        }
    }
    Verdict::Counterexample { example, overflow }
}

/// Checks one class pair; never panics on anything the harnesses do.
///
/// As for functions, half the cases use small values first, then the rest full-size ones.
pub fn check(
    pair: &ClassPair<'_>,
    harnesses: &mut Harnesses,
    options: &CheckOptions,
) -> ClassOutcome {
    let mut fields = BTreeSet::new();
    let small = CheckOptions {
        cases: options.cases.div_ceil(2),
        sizes: Sizes {
            small_ints: true,
            max_collection: options.sizes.max_collection.min(4),
            max_string: options.sizes.max_string.min(6),
        },
        ..options.clone()
    };
    let full = CheckOptions {
        cases: options.cases - small.cases,
        ..options.clone()
    };
    let mut passed = 0;
    let mut overflow = None;
    let mut rejection = None;
    for phase in [small.clone(), full] {
        if phase.cases == 0 {
            continue;
        }
        let (verdict, rejected) = search(pair, harnesses, &phase, &mut fields);
        rejection = rejection.or(rejected);
        match verdict {
            Verdict::Equivalent { cases } => passed += cases,
            Verdict::Overflow { cases, example } => {
                passed += cases;
                overflow = overflow.or(Some(example));
            }
            Verdict::Inconclusive { reason, cases } => {
                return ClassOutcome {
                    verdict: Verdict::Inconclusive {
                        reason,
                        cases: passed + cases,
                    },
                    fields,
                }
            }
            Verdict::Counterexample { example, overflow } => {
                let verdict = shorter(pair, harnesses, &small, &mut fields, example, overflow);
                return ClassOutcome { verdict, fields };
            }
            other => {
                return ClassOutcome {
                    verdict: other,
                    fields,
                }
            }
        }
    }
    let verdict = match (passed, rejection, overflow) {
        (0, Some(reason), _) => Verdict::Inconclusive { reason, cases: 0 },
        (cases, _, Some(example)) => Verdict::Overflow { cases, example },
        (cases, _, None) => Verdict::Equivalent { cases },
    };
    ClassOutcome { verdict, fields }
}
