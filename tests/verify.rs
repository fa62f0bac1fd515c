//! `ferry verify` end to end: ferry's own translations check out, seeded bugs are found and
//! shrunk, a hang is inconclusive without stopping the rest, functions over module state run in
//! fresh processes, and environment problems get their exit codes. Each check builds its
//! harnesses once (one `go build`, one `javac`).

mod support;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value as Json;
use support::{ferry, require_toolchains, root};

fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("verify").join(name)
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("verify")
        .join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn translate(source: &Path, to: &str, out: &Path) {
    let status = ferry()
        .arg("translate")
        .arg(source)
        .args(["--to", to, "-o"])
        .arg(out)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "translating {} to {to} failed",
        source.display()
    );
}

fn verify(original: &Path, translation: &Path, extra: &[&str]) -> (Output, Json) {
    let out = ferry()
        .arg("verify")
        .arg(original)
        .arg(translation)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON report ({e}); stdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out, report)
}

/// The report entry of the original function `name`.
fn function<'a>(report: &'a Json, name: &str) -> &'a Json {
    report["functions"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["original"] == name))
        .unwrap_or_else(|| panic!("no function {name} in {report:#}"))
}

fn verdict<'a>(report: &'a Json, name: &str) -> &'a str {
    function(report, name)["verdict"].as_str().unwrap_or("")
}

/// The shrunk inputs of a counterexample, as displayed.
fn inputs(report: &Json, name: &str) -> Vec<String> {
    let f = function(report, name);
    assert_eq!(f["verdict"], "counterexample", "{name}: {f:#}");
    f["counterexample"]["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["display"].as_str().unwrap().to_string())
        .collect()
}

fn int_input(report: &Json, name: &str, index: usize) -> i64 {
    function(report, name)["counterexample"]["inputs"][index]["value"]
        .as_i64()
        .unwrap_or_else(|| panic!("{name}: input {index} is not an int"))
}

#[test]
fn ferrys_translations_agree_except_for_overflow_and_string_units() {
    require_toolchains();
    let original = fixture("ops.py");
    let dir = scratch("translations");
    for (to, file) in [("go", "ops.go"), ("java", "Ops.java")] {
        let translation = dir.join(file);
        translate(&original, to, &translation);
        let (out, report) = verify(&original, &translation, &[]);
        for name in ["largest", "count_positive"] {
            assert_eq!(
                verdict(&report, name),
                "equivalent",
                "{to} {name}: {report:#}"
            );
        }
        // Negating the most negative integer (or dividing it by -1) overflows, if the generator
        // happens to pick it.
        for name in ["absolute", "floor_half"] {
            assert!(
                matches!(verdict(&report, name), "equivalent" | "overflow"),
                "{to} {name}: {report:#}"
            );
        }
        // Natural semantics: 64-bit (Go `int`) and 32-bit (Java `int`) overflow is its own class.
        for name in ["diff", "successor", "prefix_sum"] {
            assert_eq!(
                verdict(&report, name),
                "overflow",
                "{to} {name}: {report:#}"
            );
        }
        assert_eq!(verdict(&report, "main"), "skipped");
        // FIXME(issue 2, string units): Java output indexes strings by UTF-16 unit, so characters
        // outside the BMP disagree; any counterexample must involve one.
        for name in ["last_char", "word_lengths"] {
            let f = function(&report, name);
            match f["verdict"].as_str() {
                Some("equivalent") => {}
                Some("counterexample") => {
                    let shown = inputs(&report, name).join(" ");
                    assert!(
                        to == "java" && shown.chars().any(|c| u32::from(c) > 0xFFFF),
                        "{to} {name}: {f:#}"
                    );
                }
                other => panic!("{to} {name}: {other:?} in {f:#}"),
            }
        }
        let passed = report["passed"].as_bool() == Some(true);
        assert_eq!(out.status.code(), Some(if passed { 0 } else { 1 }));
    }
}

#[test]
fn strict_overflow_is_a_counterexample() {
    require_toolchains();
    let original = fixture("ops.py");
    let translation = scratch("strict").join("ops.go");
    translate(&original, "go", &translation);
    let (out, report) = verify(
        &original,
        &translation,
        &["--strict", "--function", "successor=successor"],
    );
    assert_eq!(out.status.code(), Some(1));
    let f = function(&report, "successor");
    assert_eq!(f["verdict"], "counterexample", "{f:#}");
    assert_eq!(f["overflow"], true);
    assert_eq!(int_input(&report, "successor", 0), i64::MAX);
}

#[test]
fn seeded_bugs_are_found_and_shrunk_and_a_hang_is_inconclusive() {
    require_toolchains();
    let (out, report) = verify(
        &fixture("ops.py"),
        &fixture("ops_bugs.go"),
        &["--timeout-ms", "300", "--seed", "7"],
    );
    assert_eq!(out.status.code(), Some(1), "{report:#}");
    // Off by one: the element at index k is summed too. Shrinking leaves exactly k + 1 elements
    // (proptest shrinks the list and k one after the other), all of them 0 but a last ±1.
    let xs = function(&report, "prefix_sum")["counterexample"]["inputs"][0]["value"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let k = int_input(&report, "prefix_sum", 1);
    assert_eq!(i64::try_from(xs.len()).ok(), Some(k + 1), "{report:#}");
    assert!(
        xs.iter().all(|x| x.as_i64().is_some_and(|x| x.abs() <= 1)),
        "{report:#}"
    );
    // Truncating instead of flooring division: signs differ, both small.
    let (a, b) = (
        int_input(&report, "floor_half", 0),
        int_input(&report, "floor_half", 1),
    );
    assert!(
        (a < 0) != (b < 0) && a.abs() <= 3 && b.abs() <= 3,
        "a={a} b={b}"
    );
    // Wrong operator: a + b for a - b, shrunk to b = ±1.
    assert_eq!(int_input(&report, "diff", 1).abs(), 1);
    // Swapped comparison: two elements are enough.
    let xs = &function(&report, "largest")["counterexample"]["inputs"][0]["value"];
    assert_eq!(xs.as_array().map(Vec::len), Some(2), "{report:#}");
    // Byte instead of code point indexing: one non-ASCII character.
    let s = inputs(&report, "last_char").join("");
    assert!(
        s.trim_matches('"').chars().count() == 1 && !s.is_ascii(),
        "{s}"
    );
    // Dropped statement: any negative number, shrunk to -1.
    assert_eq!(int_input(&report, "absolute", 0), -1);
    // The hang is inconclusive, and the functions after it still verify.
    let hang = function(&report, "successor");
    assert_eq!(hang["verdict"], "inconclusive", "{hang:#}");
    assert!(
        hang["reason"].as_str().unwrap().contains("300 ms"),
        "{hang:#}"
    );
    assert_eq!(verdict(&report, "count_positive"), "equivalent");
    assert_eq!(verdict(&report, "word_lengths"), "equivalent");
}

#[test]
fn a_side_that_does_not_compile_is_an_error_verdict() {
    require_toolchains();
    let broken = scratch("broken").join("broken.go");
    std::fs::write(
        &broken,
        "package main\n\nfunc diff(a int, b int) int {\n\treturn a - undefinedName\n}\n",
    )
    .unwrap();
    let (out, report) = verify(&fixture("ops.py"), &broken, &["--function", "diff=diff"]);
    assert_eq!(out.status.code(), Some(1));
    let f = function(&report, "diff");
    assert_eq!(f["verdict"], "error", "{f:#}");
    assert_eq!(f["side"], "translation");
    assert!(
        f["message"].as_str().unwrap().contains("undefinedName"),
        "{f:#}"
    );
    assert_eq!(verdict(&report, "largest"), "missing");

    let junit = ferry()
        .arg("verify")
        .arg(fixture("ops.py"))
        .arg(&broken)
        .args(["--function", "diff=diff", "--format", "junit"])
        .output()
        .unwrap();
    let xml = String::from_utf8_lossy(&junit.stdout);
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("<error type=\"error\""), "{xml}");
    assert!(xml.contains("<failure type=\"missing\""), "{xml}");
    assert!(xml.contains("<skipped message="), "{xml}");
}

#[test]
fn missing_toolchain_exits_3_naming_it_and_bad_overrides_exit_2() {
    let out = ferry()
        .arg("verify")
        .arg(fixture("ops.py"))
        .arg(fixture("ops_bugs.go"))
        .env("PATH", scratch("empty-path"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`python3` is not installed"), "{err}");

    let out = ferry()
        .arg("verify")
        .arg(fixture("ops.py"))
        .arg(fixture("ops_bugs.go"))
        .args(["--function", "nope=diff"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no function `nope`"));
}

#[test]
fn functions_over_module_state_run_in_fresh_processes() {
    require_toolchains();
    let (out, report) = verify(&fixture("counter.py"), &fixture("counter.go"), &[]);
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    for (name, cases) in [("bump", 20), ("total", 1)] {
        let f = function(&report, name);
        assert_eq!(f["verdict"], "equivalent", "{f:#}");
        assert_eq!(f["cases"], cases, "{f:#}");
        assert!(
            f["note"]
                .as_str()
                .unwrap_or("")
                .contains("module state `counter`"),
            "{f:#}"
        );
    }
}

/// Runs `ferry translate SOURCE --to TO -o OUT --verify`.
fn translate_and_verify(source: &Path, to: &str, out: &Path) -> (Option<i32>, String) {
    let run = ferry()
        .arg("translate")
        .arg(source)
        .args(["--to", to, "-o"])
        .arg(out)
        .arg("--verify")
        .output()
        .unwrap();
    assert!(out.exists(), "no translation written");
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stdout).into_owned(),
    )
}

#[test]
fn translate_verify_checks_its_own_output() {
    require_toolchains();
    let dir = scratch("translate-verify");
    // Everything translates and agrees (overflow is allowed under natural semantics).
    let (code, text) = translate_and_verify(&fixture("ops.py"), "go", &dir.join("ops.go"));
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("  largest: equivalent (256 cases)"), "{text}");
    assert!(text.contains("  main: skipped"), "{text}");
    assert!(text.contains("\npassed: "), "{text}");

    // `eval` has no translation: its stub panics, which the check shows as a counterexample,
    // while the rest still verifies.
    let (code, text) =
        translate_and_verify(&fixture("evaluate.py"), "java", &dir.join("Evaluate.java"));
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("  count_even → countEven: equivalent (256 cases)"),
        "{text}"
    );
    assert!(text.contains("  evaluate: counterexample"), "{text}");
    assert!(text.contains("call of `eval`"), "{text}");
    assert!(text.contains("\nfailed: "), "{text}");

    let run = ferry()
        .arg("translate")
        .arg(fixture("ops.py"))
        .args(["--to", "go", "--verify"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--verify needs -o OUT"));
}

/// Sample functions whose translation may still disagree with the original, keyed by the
/// sample's file name, the original function's name and the target language, with the reason.
/// Anything else that `ferry verify` finds in a sample's translation fails the test below.
const KNOWN_DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    // FIXME(issue 2, string units): the Python and Java backends index, slice and iterate
    // strings by their own unit (code point, UTF-16 unit), not the original's (Java's UTF-16
    // unit, Go's byte or rune), so a character outside the BMP (from Go, any non-ASCII one) is
    // split differently.
    ("fib_memo.py", "permutations", "java", STRING_UNITS),
    ("FibMemo.java", "permutations", "python", STRING_UNITS),
    ("FibMemo.java", "permutations", "go", STRING_UNITS),
    ("string_tools.go", "capitalizeWords", "python", STRING_UNITS),
    ("string_tools.go", "capitalizeWords", "java", STRING_UNITS),
    ("stack_queue.go", "evalRPN", "java", STRING_UNITS),
    // Permuting the bytes of a 4-byte character takes the Go original 4! times as long.
    ("fib_memo.go", "permutations", "python", STRING_UNITS),
    ("fib_memo.go", "permutations", "java", STRING_UNITS),
    // Overflow the checker cannot see: it wraps an intermediate value (`c - 'a' + shift`,
    // `hi - lo`) that a remainder or a comparison hides, so the results do not differ modulo 2^n.
    // Natural semantics allows it; the shrunk input is always at an integer's edge.
    ("string_tools.py", "caesar", "java", HIDDEN_OVERFLOW),
    ("string_tools.py", "caesar", "go", HIDDEN_OVERFLOW),
    ("StringTools.java", "caesar", "python", HIDDEN_OVERFLOW),
    ("StringTools.java", "caesar", "go", HIDDEN_OVERFLOW),
    ("string_tools.go", "caesar", "python", HIDDEN_OVERFLOW),
    ("string_tools.go", "caesar", "java", HIDDEN_OVERFLOW),
    ("SortAlgorithms.java", "mergeSort", "go", HIDDEN_OVERFLOW),
    // FIXME(negative indexes and sizes into Python): a negative index or array size fails in Java
    // and Go; the Python translation reads from the end or makes an empty list.
    ("bank_account.go", "safeGet", "python", NEGATIVE),
    ("binary_search.go", "sieve", "python", NEGATIVE),
    ("matrix.go", "identity", "python", NEGATIVE),
    ("BinarySearch.java", "countPrimes", "python", NEGATIVE),
    ("SortAlgorithms.java", "mergeSort", "python", NEGATIVE),
    // The Java module class is `Inventory`, so the sample's class `Inventory` becomes
    // `InventoryType` and the checker does not pair the parameter types yet.
    ("inventory.py", "restock_plan", "java", RENAMED),
];

/// Generated cases per sample function: the suite runs on two cores.
const CASES: &str = "64";

const STRING_UNITS: &str = "strings indexed by another unit than the original's";
const HIDDEN_OVERFLOW: &str = "overflow of an intermediate value";
const NEGATIVE: &str = "a negative index or size fails in the original only";
const RENAMED: &str = "a record class renamed in Java";

/// Whether a function's verdict is acceptable for a sample: equivalent; an overflow (natural
/// semantics); a signature the generators cannot fill (objects); a timeout or a crash on a huge
/// generated input (a loop to `n`, recursion on `n`); a listed known difference.
fn acceptable(f: &Json, known: Option<&str>) -> bool {
    let reason = f["reason"].as_str().unwrap_or("");
    match f["verdict"].as_str().unwrap_or("") {
        "equivalent" | "overflow" | "skipped" => true,
        "unsupported signature" if reason.contains("cannot be generated") => true,
        // The original itself runs out of time, stack or memory on a huge input (a loop to `n`,
        // recursion on `n`), or both sides do (`to_base(n, 1)`); the translation alone may do
        // so only after the small inputs (|n| <= 1000) agreed: at least half of 20 cases, the
        // fewest a function gets (module state needs fresh processes per case).
        "inconclusive"
            if (reason.contains(" ms on input ") || reason.contains("harness crashed"))
                && (reason.starts_with("neither side")
                    || reason.starts_with("the original")
                    || f["cases"].as_u64().is_some_and(|n| n >= 10)) =>
        {
            true
        }
        _ => known.is_some(),
    }
}

#[test]
fn every_sample_translation_is_equivalent() {
    use ferry_ir::Language;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    require_toolchains();
    let directions = support::directions_from_env();
    let pairs: Vec<(PathBuf, Language)> = directions
        .iter()
        .flat_map(|&(from, to)| {
            support::sample_files(from)
                .into_iter()
                .map(move |sample| (sample, to))
        })
        .collect();
    let work = scratch("samples");
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    // Two pairs at a time: each verify runs one harness per side, mostly waiting on compilers.
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some((sample, to)) = pairs.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let file = sample.file_name().unwrap().to_string_lossy().into_owned();
                    let dir = work.join(format!("{file}-{}", to.name()));
                    let problems = match support::translate_to_dir(sample, *to, &dir) {
                        Err(e) => vec![format!("{file} → {}: translation failed: {e}", to.name())],
                        Ok(translation) => {
                            let extra = ["--cases", CASES, "--timeout-ms", "1000"];
                            let (_, report) = verify(sample, &translation, &extra);
                            sample_problems(&report, &file, to.name())
                        }
                    };
                    failures.lock().unwrap().extend(problems);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} translations disagree:\n{}",
        failures.len(),
        pairs.len(),
        failures.join("\n")
    );
}

/// The functions of one report whose verdict is not acceptable (classes are checked elsewhere).
fn sample_problems(report: &Json, file: &str, to: &str) -> Vec<String> {
    let functions = report["functions"].as_array().cloned().unwrap_or_default();
    functions
        .iter()
        .filter(|f| f["kind"] != "class")
        .filter(|f| {
            let name = f["original"].as_str().unwrap_or("");
            let known = KNOWN_DIFFERENCES
                .iter()
                .find(|(s, n, t, _)| *s == file && *n == name && *t == to)
                .map(|k| k.3);
            !acceptable(f, known)
        })
        .map(|f| format!("{file} → {to}: {f}"))
        .collect()
}

/// The shrunk method calls of a class counterexample, as displayed.
fn calls(report: &Json, name: &str) -> Vec<String> {
    let f = function(report, name);
    assert_eq!(f["verdict"], "counterexample", "{name}: {f:#}");
    f["counterexample"]["calls"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no calls in {f:#}"))
        .iter()
        .map(|c| c["display"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn classes_are_driven_by_method_sequences_and_ferrys_translations_agree() {
    require_toolchains();
    let dir = scratch("classes");
    let original = fixture("stack.py");
    for (to, file) in [("go", "stack.go"), ("java", "Stack.java")] {
        let translation = dir.join(file);
        translate(&original, to, &translation);
        let (out, report) = verify(&original, &translation, &[]);
        assert_eq!(out.status.code(), Some(0), "{to}: {report:#}");
        let class = function(&report, "BoundedStack");
        assert_eq!(class["kind"], "class", "{class:#}");
        assert_eq!(class["verdict"], "equivalent", "{to}: {class:#}");
        assert_eq!(class["cases"], 256, "{class:#}");
        let note = class["note"].as_str().unwrap_or("");
        assert!(
            note.contains("up to 8 calls of push, pop, peek, size")
                && note.contains("state compared: capacity, items"),
            "{to}: {note}"
        );
    }
    // The bank account sample through ferry's Go translation: Python's integers do not overflow,
    // Go's 64-bit ones may, which natural semantics allows. The exception class is not
    // constructed.
    let sample = root()
        .join("samples")
        .join("python")
        .join("bank_account.py");
    let translation = dir.join("bank_account.go");
    translate(&sample, "go", &translation);
    let (out, report) = verify(&sample, &translation, &["--max-calls", "4"]);
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    let account = function(&report, "Account");
    assert!(
        matches!(account["verdict"].as_str(), Some("equivalent" | "overflow")),
        "{account:#}"
    );
    assert!(
        account["note"].as_str().unwrap_or("").contains(
            "up to 4 calls of deposit, withdraw; state compared: balance, history, owner"
        ),
        "{account:#}"
    );
    assert_eq!(verdict(&report, "InsufficientFundsError"), "skipped");
}

#[test]
fn seeded_bugs_in_methods_are_found_and_shrunk_to_short_sequences() {
    require_toolchains();
    let (out, report) = verify(
        &fixture("account.py"),
        &fixture("account_bugs.go"),
        &["--seed", "3"],
    );
    assert_eq!(out.status.code(), Some(1), "{report:#}");
    // Off by one in the balance check: withdrawing the whole balance fails. One call suffices.
    let shown = calls(&report, "Account");
    assert_eq!(shown.len(), 1, "{report:#}");
    let example = &function(&report, "Account")["counterexample"];
    let balance = example["inputs"][1]["value"].as_i64();
    assert_eq!(
        example["calls"][0]["args"][0]["value"].as_i64(),
        balance,
        "{report:#}"
    );
    assert_eq!(example["calls"][0]["method"], "withdraw");
    assert_eq!(example["field"], Json::Null);
    assert_eq!(example["actual"]["raised"], "other", "{example:#}");
    // A dropped state update: the results agree, the field `count` does not.
    assert_eq!(calls(&report, "Tally"), ["add(n = 0)"]);
    let example = &function(&report, "Tally")["counterexample"];
    assert_eq!(example["field"], "count", "{example:#}");
    assert_eq!(example["expected"]["returned"], 1);
    assert_eq!(example["actual"]["returned"], 0);
    assert_eq!(verdict(&report, "Overdrawn"), "skipped");

    // The text and JUnit reports show the same sequence; the seed reproduces it.
    for (format, wanted) in [
        (
            "text",
            "      calls:    1. add(n = 0)\n      differs:  field `count` after call 1\n",
        ),
        ("junit", "<testcase classname="),
    ] {
        let run = ferry()
            .arg("verify")
            .arg(fixture("account.py"))
            .arg(fixture("account_bugs.go"))
            .args(["--seed", "3", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&run.stdout);
        assert!(text.contains(wanted), "{text}");
        assert!(text.contains("reproduce: --seed 3"), "{text}");
        if format == "junit" {
            assert!(text.contains("name=\"class Tally\""), "{text}");
        }
    }
    let (_, again) = verify(
        &fixture("account.py"),
        &fixture("account_bugs.go"),
        &["--seed", "3"],
    );
    assert_eq!(
        function(&again, "Account")["counterexample"],
        function(&report, "Account")["counterexample"]
    );

    // Without method calls only the constructors run, and they agree.
    let (out, report) = verify(
        &fixture("account.py"),
        &fixture("account_bugs.go"),
        &["--max-calls", "0", "--cases", "32"],
    );
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert_eq!(verdict(&report, "Tally"), "equivalent");
}
