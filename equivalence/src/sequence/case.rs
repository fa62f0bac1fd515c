//! One case of a class check on both sides: build the objects, make the calls, compare each
//! step's outcome and the observable state, and forget the objects.

use std::collections::BTreeSet;
use std::time::Instant;

use serde_json::{json, Value as Json};

use super::ClassPair;
use crate::check::{coerce_outcome, interrupted, CheckOptions, Harnesses};
use crate::classes::{ClassPlan, ClassSig, MethodPair};
use crate::compare::{agree, coerce, Agreement, Outcome};
use crate::harness::{Answer, Harness, ObjectAnswer};
use crate::pairing::key;
use crate::report::{Call, Side, Verdict};
use crate::value::Value;

/// One generated method call: the index of the method in the plan, and its arguments.
#[derive(Debug, Clone)]
pub(super) struct Step {
    pub(super) method: usize,
    pub(super) args: Vec<Value>,
}

/// Where and how the two sides parted in a case.
pub(super) struct Divergence {
    /// The calls made, the last one diverging (none: the constructor diverged).
    pub(super) calls: usize,
    pub(super) field: Option<String>,
    pub(super) expected: Outcome,
    pub(super) actual: Outcome,
    pub(super) overflow: bool,
}

pub(super) enum CaseResult {
    /// Every step agreed (`overflow`: the last one only modulo integer overflow).
    Agreed {
        overflow: bool,
    },
    Differs(Divergence),
    Interrupted(Verdict),
    Rejected(String),
}

pub(super) fn named(inputs: &[(String, ferry_ir::Type)], args: &[Value]) -> Vec<(String, Value)> {
    inputs
        .iter()
        .map(|(name, _)| name.clone())
        .zip(args.iter().cloned())
        .collect()
}

pub(super) fn calls(plan: &ClassPlan, steps: &[Step]) -> Vec<Call> {
    steps
        .iter()
        .map(|s| {
            let m = &plan.methods[s.method];
            Call {
                method: m.original.name.clone(),
                args: named(&m.inputs, &s.args),
            }
        })
        .collect()
}

/// The case so far, for messages: `Account(owner = "", balance = 0); deposit(amount = 1)`.
fn render(pair: &ClassPair<'_>, constructor: &[Value], steps: &[Step]) -> String {
    let object = Call {
        method: pair.original.name.clone(),
        args: named(&pair.plan.constructor.inputs, constructor),
    };
    std::iter::once(object)
        .chain(calls(pair.plan, steps))
        .map(|c| c.render())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Sends a request to both sides, then waits for both answers.
fn exchange(
    harnesses: &mut Harnesses,
    o: &Json,
    t: &Json,
    options: &CheckOptions,
) -> [ObjectAnswer; 2] {
    let sent_o = harnesses.original.send(&o.to_string());
    let sent_t = harnesses.translation.send(&t.to_string());
    let deadline = Instant::now() + options.case_timeout;
    let receive = |harness: &mut Harness, sent: Result<(), Answer>| match sent {
        Ok(()) => harness.receive_object(deadline),
        Err(answer) => ObjectAnswer {
            answer,
            object: None,
            state: Vec::new(),
        },
    };
    [
        receive(&mut harnesses.original, sent_o),
        receive(&mut harnesses.translation, sent_t),
    ]
}

/// The value of a field read the way its declared type means it.
fn field_value(class: &ClassSig, name: &str, value: Value) -> Value {
    match class.fields.iter().find(|(n, _)| n == name) {
        Some((_, ty)) => coerce(value, ty),
        None => value,
    }
}

/// The first field both sides expose whose values differ, noting every field compared.
fn state_divergence(
    pair: &ClassPair<'_>,
    original: Vec<(String, Value)>,
    translation: Vec<(String, Value)>,
    options: &CheckOptions,
    compared: &mut BTreeSet<String>,
) -> Option<(String, Outcome, Outcome, Agreement)> {
    for (name, value) in original {
        let Some((t_name, t_value)) = translation.iter().find(|(t, _)| key(t) == key(&name)) else {
            continue;
        };
        compared.insert(name.clone());
        let returned = |value| Outcome::Returned {
            value,
            args_after: Vec::new(),
        };
        let expected = returned(field_value(pair.original, &name, value));
        let actual = returned(field_value(
            pair.original,
            &name,
            field_value(pair.translation, t_name, t_value.clone()),
        ));
        match agree(&expected, &actual, options.tolerance) {
            Agreement::Same => {}
            agreement => return Some((name, expected, actual, agreement)),
        }
    }
    None
}

fn drop_objects(harnesses: &mut Harnesses, handles: [Option<u64>; 2], options: &CheckOptions) {
    if let [Some(o), Some(t)] = handles {
        exchange(
            harnesses,
            &json!({ "drop": o }),
            &json!({ "drop": t }),
            options,
        );
    }
}

/// Runs one case on both sides.
pub(super) fn run_case(
    pair: &ClassPair<'_>,
    harnesses: &mut Harnesses,
    steps: &[Step],
    constructor: &[Value],
    options: &CheckOptions,
    compared: &mut BTreeSet<String>,
) -> CaseResult {
    let args = Json::Array(constructor.iter().map(Value::to_json).collect());
    let mut requests = (
        json!({ "new": pair.original.name, "args": args }),
        json!({ "new": pair.translation.name, "args": args }),
    );
    let mut handles = [None, None];
    let mut result = CaseResult::Agreed { overflow: false };
    for made in 0..=steps.len() {
        let method: &MethodPair = match made {
            0 => &pair.plan.constructor,
            n => &pair.plan.methods[steps[n - 1].method],
        };
        let [o, t] = exchange(harnesses, &requests.0, &requests.1, options);
        if made == 0 {
            handles = [o.object, t.object];
        }
        let input = || render(pair, constructor, &steps[..made]);
        let expected = match (o.answer, t.answer) {
            (Answer::Rejected(reason), _) | (_, Answer::Rejected(reason)) => {
                result = CaseResult::Rejected(reason);
                break;
            }
            (Answer::Outcome(e), Answer::Outcome(a)) => (e, a),
            (Answer::TimedOut, Answer::TimedOut) => {
                result = CaseResult::Interrupted(Verdict::Inconclusive {
                    reason: format!(
                        "neither side answered within {} ms on {}",
                        options.case_timeout.as_millis(),
                        input()
                    ),
                    cases: 0,
                });
                break;
            }
            (o, t) => {
                let (side, answer) = match o {
                    Answer::Outcome(_) => (Side::Translation, t),
                    other => (Side::Original, other),
                };
                result = CaseResult::Interrupted(match answer {
                    Answer::NoSuchFunction => Verdict::Error {
                        side,
                        message: format!("no `{}` at run time", method.original.name),
                    },
                    other => interrupted(side, other, &input(), options),
                });
                break;
            }
        };
        // A constructor's arguments afterwards are not compared (Go's literal has none).
        let both_void = made > 0
            && method.original.ret == ferry_ir::Type::Void
            && method.translation.ret == ferry_ir::Type::Void;
        let expected_outcome = coerce_outcome(expected.0, &method.original, both_void);
        // Read as the translation's types say, then as the original's (a Go `map[T]bool` where
        // the original has a set).
        let actual_outcome = coerce_outcome(
            coerce_outcome(expected.1, &method.translation, both_void),
            &method.original,
            both_void,
        );
        let divergence = |field, expected, actual, agreement| {
            CaseResult::Differs(Divergence {
                calls: made,
                field,
                expected,
                actual,
                overflow: agreement == Agreement::Overflow,
            })
        };
        match agree(&expected_outcome, &actual_outcome, options.tolerance) {
            Agreement::Same => {}
            Agreement::Overflow if !options.strict_overflow => {
                result = CaseResult::Agreed { overflow: true };
                break;
            }
            agreement => {
                result = divergence(None, expected_outcome, actual_outcome, agreement);
                break;
            }
        }
        if made == 0 && matches!(expected_outcome, Outcome::Raised { .. }) {
            break;
        }
        if let [None, _] | [_, None] = handles {
            let side = if handles[0].is_none() {
                Side::Original
            } else {
                Side::Translation
            };
            result = CaseResult::Interrupted(Verdict::Error {
                side,
                message: "the harness built an object but gave no handle".into(),
            });
            break;
        }
        if let Some((field, e, a, agreement)) =
            state_divergence(pair, o.state, t.state, options, compared)
        {
            result = if agreement == Agreement::Overflow && !options.strict_overflow {
                CaseResult::Agreed { overflow: true }
            } else {
                divergence(Some(field), e, a, agreement)
            };
            break;
        }
        if let (Some(step), [Some(ho), Some(ht)]) = (steps.get(made), handles) {
            let m = &pair.plan.methods[step.method];
            let args = Json::Array(step.args.iter().map(Value::to_json).collect());
            requests = (
                json!({ "call": m.original.name, "on": ho, "args": args }),
                json!({ "call": m.translation.name, "on": ht, "args": args }),
            );
        }
    }
    drop_objects(harnesses, handles, options);
    result
}
