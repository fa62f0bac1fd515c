//! `ferry translate --interface`: translations that match declared target signatures, built and
//! run with the real toolchains.

mod support;

use std::path::{Path, PathBuf};

use ferry_ir::Language;
use support::{ferry, first_difference, root, run_program, Outcome};

fn case(name: &str) -> PathBuf {
    root().join("tests/interface").join(name)
}

/// Translates `source` into `to` against `interface`; returns the translation's path and text.
fn translate(source: &str, to: Language, interface: &str, dir: &Path) -> (PathBuf, String) {
    std::fs::create_dir_all(dir).unwrap();
    let stem = Path::new(source).file_stem().unwrap().to_string_lossy();
    let out = dir.join(support::file_name(to, &stem));
    let result = ferry()
        .arg("translate")
        .arg(case(source))
        .args(["--to", to.name(), "--interface"])
        .arg(case(interface))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "ferry failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    (out, text)
}

/// Runs the original and the translation and compares their output.
fn same_behaviour(source: &str, from: Language, translation: &Path, to: Language, dir: &Path) {
    let ran = |lang, file: &Path, sub: &str| match run_program(lang, file, &dir.join(sub)) {
        Outcome::Ran(out) => out,
        other => panic!("{} did not run: {other:?}", file.display()),
    };
    let expected = ran(from, &case(source), "original");
    let actual = ran(to, translation, "translation");
    assert!(
        expected == actual,
        "{}",
        first_difference(&expected, &actual)
    );
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("interface")
        .join(name)
}

#[test]
fn untyped_python_takes_declared_java_types_and_a_tuple_becomes_the_declared_list() {
    support::require_toolchains();
    let dir = scratch("python_java");
    let (out, text) = translate("stats.py", Language::Java, "stats.java.txt", &dir);
    assert!(
        text.contains("static int countEvens(List<Integer> xs)"),
        "{text}"
    );
    assert!(
        text.contains("static List<Integer> minMax(List<Integer> xs)"),
        "{text}"
    );
    same_behaviour("stats.py", Language::Python, &out, Language::Java, &dir);
}

#[test]
fn declared_go_names_are_kept_as_written() {
    support::require_toolchains();
    let dir = scratch("python_go");
    let (out, text) = translate("stats.py", Language::Go, "stats.go.txt", &dir);
    assert!(text.contains("func CountEvens(xs []int) int"), "{text}");
    assert!(text.contains("func MinMax(xs []int) []int"), "{text}");
    same_behaviour("stats.py", Language::Python, &out, Language::Go, &dir);
}

#[test]
fn declared_python_names_override_the_naming_policy() {
    support::require_toolchains();
    let dir = scratch("java_python");
    let (out, text) = translate("Stats.java", Language::Python, "stats.py.txt", &dir);
    assert!(text.contains("def CountEvens(xs"), "{text}");
    same_behaviour("Stats.java", Language::Java, &out, Language::Python, &dir);
}

#[test]
fn an_interface_in_another_language_or_with_syntax_errors_is_refused() {
    let other = ferry()
        .arg("translate")
        .arg(case("stats.py"))
        .args(["--to", "java", "--interface"])
        .arg(case("stats.py"))
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("is python, but the target is java"));
    let broken = scratch("broken.txt");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, "class { int f(int x, ) {").unwrap();
    let bad = ferry()
        .arg("translate")
        .arg(case("stats.py"))
        .args(["--to", "java", "--interface"])
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("cannot read the interface") && stderr.contains(":1:"),
        "{stderr}"
    );
}

#[test]
fn a_class_of_stateless_methods_becomes_module_functions() {
    support::require_toolchains();
    let dir = scratch("namespace_class");
    let (out, text) = translate("Counter.java", Language::Python, "stats.py.txt", &dir);
    assert!(
        text.lines().any(|l| l.starts_with("def CountEvens(xs")),
        "{text}"
    );
    let program = format!("{text}\nprint(CountEvens([1, 2, 4, 7]), is_even(3))\n");
    std::fs::write(&out, program).unwrap();
    match run_program(Language::Python, &out, &dir) {
        Outcome::Ran(stdout) => assert_eq!(stdout, "2 False\n"),
        other => panic!("did not run: {other:?}"),
    }
}
