//! Verdicts per function and per class, and the report of a whole check, as text or JSON.

use std::fmt::Write as _;
use std::path::PathBuf;

use ferry_ir::Language;
use serde_json::{json, Value as Json};

use crate::compare::Outcome;
use crate::value::Value;

/// Inputs on which the two sides disagree, with both outcomes.
#[derive(Debug, Clone, PartialEq)]
pub struct Counterexample {
    /// Parameter names (the original's) with the shrunk inputs (a class's: its constructor's).
    pub inputs: Vec<(String, Value)>,
    /// For a class: the method calls on the object built from `inputs`.
    pub sequence: Option<Sequence>,
    /// What the original did.
    pub expected: Outcome,
    /// What the translation did.
    pub actual: Outcome,
}

/// The calls of a class counterexample: the object is built with the counterexample's inputs,
/// the calls run in order, and the sides part at the last one (at the constructor if there are
/// none). `expected` and `actual` are that call's outcomes, or the field's values.
#[derive(Debug, Clone, PartialEq)]
pub struct Sequence {
    /// The original's class name.
    pub class: String,
    pub calls: Vec<Call>,
    /// The field whose value differs after the last call, where the results agreed.
    pub field: Option<String>,
}

/// One method call of a [`Sequence`] (the original's names).
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub method: String,
    pub args: Vec<(String, Value)>,
}

impl Call {
    /// `withdraw(amount = 2)`.
    pub fn render(&self) -> String {
        format!("{}({})", self.method, named(&self.args))
    }
}

/// `a = 1, b = "x"`.
fn named(values: &[(String, Value)]) -> String {
    values
        .iter()
        .map(|(name, v)| format!("{name} = {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the check found out about one function.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Both sides agreed on every generated case.
    Equivalent { cases: u32 },
    /// Both sides agreed except where integer overflow alone explains the difference (natural
    /// semantics); the smallest such input found.
    Overflow { cases: u32, example: Counterexample },
    /// A shrunk input on which the sides disagree (`overflow`: only through integer overflow,
    /// reported as a failure under `--strict`).
    Counterexample {
        example: Counterexample,
        overflow: bool,
    },
    /// The signature cannot be generated or the two signatures do not fit together.
    Unsupported(String),
    /// Timeouts or crashes kept the check from finishing.
    Inconclusive { reason: String, cases: u32 },
    /// A side cannot be run at all (does not compile, fails to load).
    Error { side: Side, message: String },
    /// The translation has no function for this one.
    Missing,
    /// Deliberately not checked (the program's entry point).
    Skipped(String),
}

/// One side of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Original,
    Translation,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Original => "original",
            Side::Translation => "translation",
        }
    }
}

impl Verdict {
    /// The verdict's name in reports (`equivalent`, `counterexample`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Equivalent { .. } => "equivalent",
            Verdict::Overflow { .. } => "overflow",
            Verdict::Counterexample { .. } => "counterexample",
            Verdict::Unsupported(_) => "unsupported signature",
            Verdict::Inconclusive { .. } => "inconclusive",
            Verdict::Error { .. } => "error",
            Verdict::Missing => "missing",
            Verdict::Skipped(_) => "skipped",
        }
    }

    /// Whether this verdict lets the check pass.
    pub fn passes(&self) -> bool {
        matches!(
            self,
            Verdict::Equivalent { .. } | Verdict::Overflow { .. } | Verdict::Skipped(_)
        )
    }
}

/// What a report entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Function,
    /// A class, checked by sequences of method calls on objects.
    Class,
    /// One method of a class, reported on its own when it cannot take part in the class's check
    /// (named `Class.method`).
    Method,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Function => "function",
            Kind::Class => "class",
            Kind::Method => "method",
        }
    }
}

/// The verdict on one function pair (or class pair, or method of a class).
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionReport {
    pub kind: Kind,
    pub original: String,
    pub translation: Option<String>,
    pub verdict: Verdict,
    /// How the check had to be run, where that matters to the reader.
    pub note: Option<String>,
    pub seconds: f64,
}

impl FunctionReport {
    /// `original → translation`, or one name where both are spelled the same; `class Name` for
    /// a class.
    pub fn names(&self) -> String {
        let prefix = if self.kind == Kind::Class {
            "class "
        } else {
            ""
        };
        match &self.translation {
            Some(t) if *t != self.original => format!("{prefix}{} → {t}", self.original),
            _ => format!("{prefix}{}", self.original),
        }
    }
}

/// Everything one `ferry verify` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub original: PathBuf,
    pub translation: PathBuf,
    pub original_language: Language,
    pub translation_language: Language,
    pub seed: u64,
    pub cases: u32,
    /// Network isolation of the harnesses, in words.
    pub network: String,
    pub functions: Vec<FunctionReport>,
    /// Translation functions that no original function matched (helpers).
    pub unmatched: Vec<String>,
}

impl Report {
    /// Whether every function passed.
    pub fn passed(&self) -> bool {
        self.functions.iter().all(|f| f.verdict.passes())
    }

    /// Counts per verdict name, in first-seen order.
    fn summary(&self) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for f in &self.functions {
            let name = f.verdict.name();
            match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, c)) => *c += 1,
                None => counts.push((name, 1)),
            }
        }
        counts
    }

    /// The report for people.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "verify {} ({}) against {} ({}): seed {}, {} cases per function, network {}",
            self.original.display(),
            self.original_language,
            self.translation.display(),
            self.translation_language,
            self.seed,
            self.cases,
            self.network
        );
        for f in &self.functions {
            let _ = write!(out, "  {}: ", f.names());
            out.push_str(&self.verdict_text(&f.verdict));
            if let Some(note) = &f.note {
                let _ = writeln!(out, "      note: {note}");
            }
        }
        let summary: Vec<String> = self
            .summary()
            .iter()
            .map(|(name, n)| format!("{n} {name}"))
            .collect();
        let _ = writeln!(
            out,
            "{}: {}",
            if self.passed() { "passed" } else { "failed" },
            summary.join(", ")
        );
        out
    }

    /// A verdict as the text report prints it: one line, then indented details.
    pub(crate) fn verdict_text(&self, verdict: &Verdict) -> String {
        let mut out = String::new();
        match verdict {
            Verdict::Equivalent { cases } => {
                let _ = writeln!(
                    out,
                    "equivalent ({cases} case{})",
                    if *cases == 1 { "" } else { "s" }
                );
            }
            Verdict::Overflow { cases, example } => {
                let _ = writeln!(
                    out,
                    "equivalent except for integer overflow ({cases} cases; overflow is allowed under natural semantics, --strict fails it)"
                );
                write_example(&mut out, example);
            }
            Verdict::Counterexample { example, overflow } => {
                let what = if *overflow { " (integer overflow)" } else { "" };
                let _ = writeln!(out, "counterexample{what}");
                write_example(&mut out, example);
                let _ = writeln!(out, "      reproduce: --seed {}", self.seed);
            }
            Verdict::Unsupported(reason) => {
                let _ = writeln!(out, "unsupported signature: {reason}");
            }
            Verdict::Inconclusive { reason, cases } => {
                let _ = writeln!(out, "inconclusive after {cases} cases: {reason}");
            }
            Verdict::Error { side, message } => {
                let _ = writeln!(out, "error in the {}:", side.name());
                for line in message.lines() {
                    let _ = writeln!(out, "      {line}");
                }
            }
            Verdict::Missing => {
                let _ = writeln!(out, "missing: the translation has no counterpart");
            }
            Verdict::Skipped(reason) => {
                let _ = writeln!(out, "skipped ({reason})");
            }
        }
        out
    }

    /// The report for tools.
    pub fn to_json(&self) -> Json {
        json!({
            "original": { "path": self.original.display().to_string(), "language": self.original_language.name() },
            "translation": { "path": self.translation.display().to_string(), "language": self.translation_language.name() },
            "seed": self.seed,
            "cases": self.cases,
            "network": self.network,
            "passed": self.passed(),
            "functions": self.functions.iter().map(function_json).collect::<Vec<_>>(),
            "unmatched_translation_functions": self.unmatched,
        })
    }
}

fn write_example(out: &mut String, example: &Counterexample) {
    match &example.sequence {
        None => {
            let _ = writeln!(out, "      input:    {}", named(&example.inputs));
        }
        Some(sequence) => {
            let _ = writeln!(
                out,
                "      object:   {}({})",
                sequence.class,
                named(&example.inputs)
            );
            for (i, call) in sequence.calls.iter().enumerate() {
                let label = if i == 0 { "calls:" } else { "" };
                let _ = writeln!(out, "      {label:<10}{}. {}", i + 1, call.render());
            }
            let at = match sequence.calls.len() {
                0 => "the constructor".to_string(),
                n => format!("call {n}"),
            };
            let _ = match &sequence.field {
                Some(field) => writeln!(out, "      differs:  field `{field}` after {at}"),
                None => writeln!(out, "      differs:  the outcome of {at}"),
            };
        }
    }
    let _ = writeln!(out, "      expected: {}", example.expected);
    let _ = writeln!(out, "      actual:   {}", example.actual);
    if let (Outcome::Returned { args_after: a, .. }, Outcome::Returned { args_after: b, .. }) =
        (&example.expected, &example.actual)
    {
        if a != b {
            let list = |vs: &[Value]| {
                vs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                out,
                "      arguments afterwards: expected {}; actual {}",
                list(a),
                list(b)
            );
        }
    }
}

fn outcome_json(outcome: &Outcome) -> Json {
    match outcome {
        Outcome::Returned { value, args_after } => json!({
            "returned": value.to_json(),
            "display": value.to_string(),
            "args_after": args_after.iter().map(Value::to_json).collect::<Vec<_>>(),
        }),
        Outcome::Raised { category, message } => json!({
            "raised": category.name(),
            "message": message,
        }),
    }
}

fn values_json(values: &[(String, Value)]) -> Json {
    values
        .iter()
        .map(|(name, v)| {
            json!({
                "name": name,
                "value": v.to_json(),
                "display": v.to_string(),
            })
        })
        .collect()
}

fn example_json(example: &Counterexample) -> Json {
    let mut out = json!({
        "inputs": values_json(&example.inputs),
        "expected": outcome_json(&example.expected),
        "actual": outcome_json(&example.actual),
    });
    if let (Some(sequence), Some(object)) = (&example.sequence, out.as_object_mut()) {
        object.insert(
            "calls".into(),
            sequence
                .calls
                .iter()
                .map(|c| json!({ "method": c.method, "args": values_json(&c.args), "display": c.render() }))
                .collect(),
        );
        object.insert("field".into(), json!(sequence.field));
    }
    out
}

fn function_json(f: &FunctionReport) -> Json {
    let mut out = json!({
        "kind": f.kind.name(),
        "original": f.original,
        "translation": f.translation,
        "verdict": f.verdict.name(),
        "passed": f.verdict.passes(),
        "note": f.note,
        "seconds": (f.seconds * 1000.0).round() / 1000.0,
    });
    let extra = match &f.verdict {
        Verdict::Equivalent { cases } => json!({ "cases": cases }),
        Verdict::Overflow { cases, example } => {
            json!({ "cases": cases, "counterexample": example_json(example) })
        }
        Verdict::Counterexample { example, overflow } => {
            json!({ "counterexample": example_json(example), "overflow": overflow })
        }
        Verdict::Unsupported(reason) => json!({ "reason": reason }),
        Verdict::Inconclusive { reason, cases } => json!({ "reason": reason, "cases": cases }),
        Verdict::Error { side, message } => json!({ "side": side.name(), "message": message }),
        Verdict::Missing => json!({}),
        Verdict::Skipped(reason) => json!({ "reason": reason }),
    };
    if let (Some(out), Json::Object(extra)) = (out.as_object_mut(), extra) {
        out.extend(extra);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_counterexample_shows_the_object_the_calls_and_what_differs() {
        let returned = |n| Outcome::Returned {
            value: Value::Int(n),
            args_after: Vec::new(),
        };
        let report = Report {
            original: "a.py".into(),
            translation: "a.go".into(),
            original_language: Language::Python,
            translation_language: Language::Go,
            seed: 3,
            cases: 256,
            network: "isolated".into(),
            functions: vec![FunctionReport {
                kind: Kind::Class,
                original: "Tally".into(),
                translation: Some("Tally".into()),
                verdict: Verdict::Counterexample {
                    example: Counterexample {
                        inputs: vec![("total".into(), Value::Int(0))],
                        sequence: Some(Sequence {
                            class: "Tally".into(),
                            calls: vec![Call {
                                method: "add".into(),
                                args: vec![("n".into(), Value::Int(0))],
                            }],
                            field: Some("count".into()),
                        }),
                        expected: returned(1),
                        actual: returned(0),
                    },
                    overflow: false,
                },
                note: None,
                seconds: 0.0,
            }],
            unmatched: Vec::new(),
        };
        let text = report.to_text();
        assert!(
            text.contains(
                "  class Tally: counterexample\n      object:   Tally(total = 0)\n      calls:    1. add(n = 0)\n      differs:  field `count` after call 1\n      expected: 1\n      actual:   0\n      reproduce: --seed 3\n"
            ),
            "{text}"
        );
        let json = report.to_json();
        let entry = &json["functions"][0];
        assert_eq!(entry["kind"], "class");
        assert_eq!(entry["counterexample"]["field"], "count");
        assert_eq!(entry["counterexample"]["calls"][0]["display"], "add(n = 0)");
    }
}
