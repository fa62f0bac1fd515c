//! Checking one function pair: proptest generates inputs from the meet of both signatures, both
//! harnesses run each input, and the first disagreement is shrunk by proptest to a small input.
//!
//! The runner is seeded with the check's seed alone, so a printed seed reproduces the same inputs
//! and the same shrunk counterexample. A timeout or crash while searching ends the search with
//! `inconclusive`; while shrinking, it only rules that candidate out. Under natural semantics an
//! overflow-only divergence does not stop the search; if no real one is found, a second run with
//! the same seed shrinks the overflow input so the report shows a small one.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};

use ferry_ir::Type;
use serde_json::Value as Json;

use crate::compare::{agree, coerce, Agreement, Outcome, Tolerance};
use crate::harness::{Answer, Harness};
use crate::literals::Literals;
use crate::report::{Counterexample, Side, Verdict};
use crate::signature::Signature;
use crate::strategy::{self, Sizes};
use crate::value::Value;

/// Settings of a check.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Generated cases per function.
    pub cases: u32,
    pub seed: u64,
    /// Wall time one call may take on each side.
    pub case_timeout: Duration,
    /// Wall time for searching one function (shrinking has its own limit).
    pub function_budget: Duration,
    pub sizes: Sizes,
    /// The programs' constants, weighted into generation (`verify` fills them in).
    pub literals: Literals,
    pub tolerance: Tolerance,
    /// Whether an overflow-only divergence is a counterexample (`--strict`).
    pub strict_overflow: bool,
    /// The most method calls in one case of a class (after its constructor).
    pub max_calls: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            cases: 256,
            seed: 0,
            case_timeout: Duration::from_millis(2000),
            function_budget: Duration::from_secs(60),
            sizes: Sizes::default(),
            literals: Literals::default(),
            tolerance: Tolerance::default(),
            strict_overflow: false,
            max_calls: 8,
        }
    }
}

/// The two harnesses of a check.
pub struct Harnesses {
    pub original: Harness,
    pub translation: Harness,
}

/// A function pair ready to check.
pub struct Pair<'a> {
    pub original: &'a Signature,
    pub translation: &'a Signature,
    /// Parameter names and the types to generate.
    pub inputs: Vec<(String, Type)>,
    /// Run every case in fresh harness processes (the function uses module state).
    pub fresh_per_case: bool,
}

/// Cases for a function that needs fresh processes per case (each costs two process starts).
pub const FRESH_CASES: u32 = 20;

/// What one case did on both sides.
enum CaseResult {
    Compared {
        expected: Outcome,
        actual: Outcome,
        agreement: Agreement,
    },
    /// A timeout, crash or fatal harness error: the verdict if this ends the search.
    Interrupted(Verdict),
    /// A side could not take the input; the case does not count.
    Rejected(String),
}

/// What the search saw, shared with proptest's test closure.
#[derive(Default)]
struct Search {
    cases: u32,
    /// Inputs one side could not take, and why the last one could not.
    rejected: u32,
    last_rejection: String,
    stop: Option<Verdict>,
    shrinking: bool,
    overflow_seen: bool,
}

fn request(name: &str, args_json: &str) -> String {
    format!(
        "{{\"fn\":{},\"args\":{args_json}}}",
        Json::String(name.to_string())
    )
}

/// The verdict when `side` gave `answer` (a timeout, crash or fatal error) on `input`.
pub(crate) fn interrupted(
    side: Side,
    answer: Answer,
    input: &str,
    options: &CheckOptions,
) -> Verdict {
    match answer {
        Answer::TimedOut => Verdict::Inconclusive {
            reason: format!(
                "the {} did not answer within {} ms on input {input}",
                side.name(),
                options.case_timeout.as_millis()
            ),
            cases: 0,
        },
        Answer::Crashed(tail) => Verdict::Inconclusive {
            reason: format!(
                "the {} harness crashed on input {input}: {tail}",
                side.name()
            ),
            cases: 0,
        },
        Answer::Fatal(message) => Verdict::Error { side, message },
        Answer::NoSuchFunction if side == Side::Translation => Verdict::Missing,
        Answer::NoSuchFunction => Verdict::Skipped(
            "not a module-level function when the original runs (a nested function)".into(),
        ),
        Answer::Outcome(_) | Answer::Rejected(_) => Verdict::Inconclusive {
            reason: "internal: an outcome is not an interruption".into(),
            cases: 0,
        },
    }
}

pub(crate) fn coerce_outcome(outcome: Outcome, sig: &Signature, keep_args: bool) -> Outcome {
    match outcome {
        Outcome::Returned { value, args_after } => Outcome::Returned {
            value: coerce(value, &sig.ret),
            args_after: if keep_args {
                args_after
                    .into_iter()
                    .zip(&sig.params)
                    .map(|(v, (_, ty))| coerce(v, ty))
                    .collect()
            } else {
                Vec::new()
            },
        },
        raised => raised,
    }
}

fn render_inputs(pair: &Pair<'_>, args: &[Value]) -> String {
    pair.inputs
        .iter()
        .zip(args)
        .map(|((name, _), v)| format!("{name} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs one input on both sides (both requests go out before either answer is awaited).
fn run_case(
    pair: &Pair<'_>,
    harnesses: &mut Harnesses,
    args: &[Value],
    options: &CheckOptions,
) -> CaseResult {
    if pair.fresh_per_case {
        harnesses.original.restart();
        harnesses.translation.restart();
    }
    let args_json = Json::Array(args.iter().map(Value::to_json).collect()).to_string();
    let sent_o = harnesses
        .original
        .send(&request(&pair.original.name, &args_json));
    let sent_t = harnesses
        .translation
        .send(&request(&pair.translation.name, &args_json));
    let deadline = Instant::now() + options.case_timeout;
    let answer_o = match sent_o {
        Ok(()) => harnesses.original.receive(deadline),
        Err(a) => a,
    };
    let answer_t = match sent_t {
        Ok(()) => harnesses.translation.receive(deadline),
        Err(a) => a,
    };
    let input = render_inputs(pair, args);
    let interrupted = |side: Side, answer: Answer| interrupted(side, answer, &input, options);
    match (answer_o, answer_t) {
        (Answer::Rejected(reason), _) | (_, Answer::Rejected(reason)) => {
            CaseResult::Rejected(reason)
        }
        (Answer::Outcome(e), Answer::Outcome(a)) => {
            // Changes to the arguments are the result of a function that returns nothing (an
            // in-place sort); where a result is returned, it is what callers use (a Go append is
            // not visible through the caller's slice, a Python one is).
            let compare_args =
                pair.original.ret == Type::Void && pair.translation.ret == Type::Void;
            let expected = coerce_outcome(e, pair.original, compare_args);
            let actual = coerce_outcome(a, pair.translation, compare_args);
            let agreement = agree(&expected, &actual, options.tolerance);
            CaseResult::Compared {
                expected,
                actual,
                agreement,
            }
        }
        (Answer::TimedOut, Answer::TimedOut) => CaseResult::Interrupted(Verdict::Inconclusive {
            reason: format!(
                "neither side answered within {} ms on input {input}",
                options.case_timeout.as_millis()
            ),
            cases: 0,
        }),
        (Answer::Outcome(_), other) => {
            CaseResult::Interrupted(interrupted(Side::Translation, other))
        }
        (other, _) => CaseResult::Interrupted(interrupted(Side::Original, other)),
    }
}

/// The test runner of a search: seeded with the check's seed alone.
pub(crate) fn runner(options: &CheckOptions, cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        rng_seed: RngSeed::Fixed(options.seed),
        failure_persistence: None,
        max_shrink_iters: 2048,
        max_shrink_time: 20_000,
        max_global_rejects: 1,
        verbose: 0,
        ..Config::default()
    })
}

/// Checks one pair; never panics on anything the harnesses do.
///
/// The search runs in two phases with the same seed: first half the cases with small values
/// (|n| ≤ 1000, at most 4 elements and 6 characters), then the rest at full size. A function
/// whose running time grows with its arguments (a loop to `n`, recursion on `n`) is thus checked
/// on small inputs before a huge one can time it out, and the report says how many cases passed
/// before that.
pub fn check(pair: &Pair<'_>, harnesses: &mut Harnesses, options: &CheckOptions) -> Verdict {
    // A function without parameters has one input: the empty argument list.
    let total = if pair.inputs.is_empty() {
        1
    } else if pair.fresh_per_case {
        options.cases.min(FRESH_CASES)
    } else {
        options.cases
    };
    let small = CheckOptions {
        cases: total.div_ceil(2),
        sizes: Sizes {
            small_ints: true,
            max_collection: options.sizes.max_collection.min(4),
            max_string: options.sizes.max_string.min(6),
        },
        ..options.clone()
    };
    let (first, rejected_first) = search(pair, harnesses, &small);
    let rest = total - small.cases;
    let (passed, overflow) = match first {
        Verdict::Equivalent { cases } if rest > 0 => (cases, None),
        Verdict::Overflow { cases, example } if rest > 0 => (cases, Some(example)),
        Verdict::Equivalent { cases: 0 } => return no_input_fits(rejected_first),
        other => return other,
    };
    let full = CheckOptions {
        cases: rest,
        ..options.clone()
    };
    let (second, rejected_second) = search(pair, harnesses, &full);
    if passed == 0 && matches!(second, Verdict::Equivalent { cases: 0 }) {
        return no_input_fits(rejected_second.or(rejected_first));
    }
    match second {
        Verdict::Equivalent { cases } => match overflow {
            Some(example) => Verdict::Overflow {
                cases: passed + cases,
                example,
            },
            None => Verdict::Equivalent {
                cases: passed + cases,
            },
        },
        Verdict::Overflow { cases, example } => Verdict::Overflow {
            cases: passed + cases,
            example: overflow.unwrap_or(example),
        },
        Verdict::Inconclusive { reason, cases } => Verdict::Inconclusive {
            reason,
            cases: passed + cases,
        },
        other => other,
    }
}

/// The verdict when every input was rejected by a side's parameter types.
fn no_input_fits(rejection: Option<String>) -> Verdict {
    match rejection {
        Some(reason) => Verdict::Inconclusive { reason, cases: 0 },
        None => Verdict::Equivalent { cases: 0 },
    }
}

/// One search over `options.cases` inputs; with the verdict, why inputs were rejected, if any were.
fn search(
    pair: &Pair<'_>,
    harnesses: &mut Harnesses,
    options: &CheckOptions,
) -> (Verdict, Option<String>) {
    let types: Vec<Type> = pair.inputs.iter().map(|(_, t)| t.clone()).collect();
    let strategy = strategy::arguments(&types, options.sizes, &options.literals);
    let cases = options.cases;
    let started = Instant::now();
    let harnesses = RefCell::new(harnesses);
    let search = RefCell::new(Search::default());
    let fails_on = |agreement: Agreement| match agreement {
        Agreement::Same => false,
        Agreement::Overflow => options.strict_overflow,
        Agreement::Different => true,
    };
    let result = runner(options, cases).run(&strategy, |args| {
        let mut s = search.borrow_mut();
        if s.stop.is_some() {
            return Ok(());
        }
        if !s.shrinking && started.elapsed() > options.function_budget {
            s.stop = Some(Verdict::Equivalent { cases: s.cases });
            return Ok(());
        }
        match run_case(pair, &mut harnesses.borrow_mut(), &args, options) {
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
            CaseResult::Compared { agreement, .. } => {
                if !s.shrinking {
                    s.cases += 1;
                }
                s.overflow_seen |= agreement == Agreement::Overflow;
                if fails_on(agreement) {
                    s.shrinking = true;
                    Err(TestCaseError::fail("the outcomes differ"))
                } else {
                    Ok(())
                }
            }
        }
    });
    let search = search.into_inner();
    let harnesses = harnesses.into_inner();
    let rejection = (search.rejected > 0).then(|| {
        format!(
            "no generated input fits both signatures ({} tried; {})",
            search.rejected, search.last_rejection
        )
    });
    let verdict = match result {
        Err(TestError::Fail(_, minimal)) => counterexample(pair, harnesses, &minimal, options)
            .unwrap_or_else(|| Verdict::Inconclusive {
                reason: "the counterexample did not reproduce".into(),
                cases: search.cases,
            }),
        Err(TestError::Abort(reason)) => Verdict::Inconclusive {
            reason: reason.to_string(),
            cases: search.cases,
        },
        Ok(()) => match search.stop {
            Some(Verdict::Inconclusive { reason, .. }) => Verdict::Inconclusive {
                reason,
                cases: search.cases,
            },
            Some(Verdict::Equivalent { cases }) => {
                finish_equivalent(pair, harnesses, options, cases, search.overflow_seen)
            }
            Some(other) => other,
            None => finish_equivalent(pair, harnesses, options, search.cases, search.overflow_seen),
        },
    };
    (verdict, rejection)
}

/// `equivalent`, or `overflow` with a shrunk example when overflow-only divergences were seen.
fn finish_equivalent(
    pair: &Pair<'_>,
    harnesses: &mut Harnesses,
    options: &CheckOptions,
    cases: u32,
    overflow_seen: bool,
) -> Verdict {
    if !overflow_seen {
        return Verdict::Equivalent { cases };
    }
    let strict = CheckOptions {
        strict_overflow: true,
        function_budget: options.function_budget,
        ..options.clone()
    };
    match search(pair, harnesses, &strict).0 {
        Verdict::Counterexample { example, .. } => Verdict::Overflow { cases, example },
        _ => Verdict::Equivalent { cases },
    }
}

/// Runs the shrunk input once more to report both outcomes.
fn counterexample(
    pair: &Pair<'_>,
    harnesses: &mut Harnesses,
    args: &[Value],
    options: &CheckOptions,
) -> Option<Verdict> {
    match run_case(pair, harnesses, args, options) {
        CaseResult::Compared {
            expected,
            actual,
            agreement,
        } if agreement != Agreement::Same => Some(Verdict::Counterexample {
            example: Counterexample {
                inputs: pair
                    .inputs
                    .iter()
                    .map(|(name, _)| name.clone())
                    .zip(args.iter().cloned())
                    .collect(),
                sequence: None,
                expected,
                actual,
            },
            overflow: agreement == Agreement::Overflow,
        }),
        _ => None,
    }
}
