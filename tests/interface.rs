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
    let (out, text, _) = translate_warning(source, to, interface, dir);
    (out, text)
}

/// [`translate`], also returning what ferry wrote to stderr (its warnings).
fn translate_warning(
    source: &str,
    to: Language,
    interface: &str,
    dir: &Path,
) -> (PathBuf, String, String) {
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
    (
        out,
        text,
        String::from_utf8_lossy(&result.stderr).into_owned(),
    )
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

#[test]
fn declared_python_tuples_are_built_from_returned_lists() {
    support::require_toolchains();
    let dir = scratch("tuples");
    let (out, text) = translate("Pairs.java", Language::Python, "pairs.py.txt", &dir);
    assert!(text.contains("return sum_, product"), "{text}");
    assert!(text.contains("return tuple(out)"), "{text}");
    same_behaviour("Pairs.java", Language::Java, &out, Language::Python, &dir);
}

#[test]
fn a_declared_name_matching_no_function_pairs_with_the_only_one_of_its_arity() {
    support::require_toolchains();
    let dir = scratch("paired_by_arity");
    let (out, text, stderr) =
        translate_warning("Pairs.java", Language::Python, "pairs.py.txt", &dir);
    assert!(text.contains("def count_vowels(s)"), "{text}");
    assert!(
        text.contains("print(count_vowels(\"interface\"))"),
        "{text}"
    );
    assert!(
        stderr.contains("`countVowles` is printed as the interface's `count_vowels`"),
        "{stderr}"
    );
    same_behaviour("Pairs.java", Language::Java, &out, Language::Python, &dir);
}

#[test]
fn a_declared_java_optional_wraps_returns_and_calls_in_the_module_unwrap_it() {
    support::require_toolchains();
    let dir = scratch("java_optional");
    let (out, text) = translate("lookup.py", Language::Java, "lookup.java.txt", &dir);
    assert!(
        text.contains("static Optional<String> firstLong(List<String> words, int n)"),
        "{text}"
    );
    assert!(text.contains("return Optional.empty();"), "{text}");
    assert!(text.contains(".orElse(null)"), "{text}");
    // A list of values that may be absent, declared `List<Optional<Integer>>`.
    assert!(
        text.contains("static List<Optional<Integer>> signs(List<Integer> xs)")
            && text.contains(".stream().map(Optional::ofNullable)"),
        "{text}"
    );
    same_behaviour("lookup.py", Language::Python, &out, Language::Java, &dir);
}

#[test]
fn a_declared_go_interface_value_holds_an_optional_result_or_nil() {
    support::require_toolchains();
    let dir = scratch("go_any");
    let (out, text) = translate("lookup.py", Language::Go, "lookup.go.txt", &dir);
    assert!(
        text.contains("func SecondSmallest(xs []int) any {")
            && text.contains("return ferryUnref(best)")
            && text.contains("func Signs(xs []int) [2]any {"),
        "{text}"
    );
    same_behaviour("lookup.py", Language::Python, &out, Language::Go, &dir);
}

#[test]
fn declared_go_fixed_size_arrays_are_built_at_returns_and_sliced_from_parameters() {
    support::require_toolchains();
    let dir = scratch("go_arrays");
    let (out, text) = translate("Intervals.java", Language::Go, "intervals.go.txt", &dir);
    assert!(
        text.contains("func Overlap(aArray [2]int, bArray [2]int) [2]int {\n\ta := aArray[:]"),
        "{text}"
    );
    assert!(text.contains("return [2]int{lo, hi}"), "{text}");
    assert!(text.contains("return [2]int(counts)"), "{text}");
    assert!(text.contains("func Describe(n int) [2]any {"), "{text}");
    assert!(text.contains("func Squares(n int) [][2]int {"), "{text}");
    same_behaviour("Intervals.java", Language::Java, &out, Language::Go, &dir);
}

/// Compiles a Java `translation` with a `driver` class `Check` that calls it, runs the driver and
/// returns its output.
fn run_java_driver(translation: &Path, driver: &str, dir: &Path) -> String {
    let check = dir.join("Check.java");
    std::fs::write(&check, driver).unwrap();
    let classes = dir.join("driver");
    let javac = std::process::Command::new("javac")
        .arg("-d")
        .arg(&classes)
        .arg(translation)
        .arg(&check)
        .output()
        .unwrap();
    assert!(
        javac.status.success(),
        "{}",
        String::from_utf8_lossy(&javac.stderr)
    );
    let java = std::process::Command::new("java")
        .arg("-cp")
        .arg(&classes)
        .arg("Check")
        .output()
        .unwrap();
    assert!(
        java.status.success(),
        "{}",
        String::from_utf8_lossy(&java.stderr)
    );
    String::from_utf8_lossy(&java.stdout).into_owned()
}

#[test]
fn declared_java_parameter_types_get_a_converting_wrapper() {
    support::require_toolchains();
    let dir = scratch("java_wrappers");
    let (out, text) = translate("numbers.go", Language::Java, "numbers.java.txt", &dir);
    assert!(
        text.contains("static double poly(List<Double> xs, double x) {\n        return polyImpl("),
        "{text}"
    );
    assert!(
        text.contains("static List<Integer> widen(List<Integer> iv) {"),
        "{text}"
    );
    assert!(
        text.contains("static int sumWhole(List<Object> xs) {"),
        "{text}"
    );
    // The module's own code calls the functions with the types they were written for.
    same_behaviour("numbers.go", Language::Go, &out, Language::Java, &dir);
    // Callers of the interface pass the declared types.
    let driver = "import java.util.*;\n\nclass Check {\n    public static void main(String[] args) {\n        System.out.println(Numbers.poly(Arrays.asList(1.0, 2.0, 3.0), 2.0));\n        System.out.println(Numbers.widen(Arrays.asList(3, 5)));\n        System.out.println(Numbers.sumWhole(Arrays.asList(1, 2.5, 3.0)));\n    }\n}\n";
    assert_eq!(run_java_driver(&out, driver, &dir), "17.0\n[2, 6]\n4\n");
}

#[test]
fn a_returned_list_of_any_values_takes_the_declared_element_type() {
    support::require_toolchains();
    for (to, interface, signature) in [
        (
            Language::Java,
            "mixed.java.txt",
            "static List<Integer> intsOnly(List<Object> values)",
        ),
        (
            Language::Go,
            "mixed.go.txt",
            "func IntsOnly(values []any) []int",
        ),
    ] {
        let dir = scratch(&format!("any_elements_{}", to.name()));
        let (out, text) = translate("mixed.py", to, interface, &dir);
        assert!(text.contains(signature), "{text}");
        same_behaviour("mixed.py", Language::Python, &out, to, &dir);
    }
}

#[test]
fn returned_tuples_become_the_declared_lists() {
    support::require_toolchains();
    let dir = scratch("tuples_as_lists");
    let (out, text) = translate("grid.py", Language::Java, "grid.java.txt", &dir);
    assert!(
        text.contains("static List<List<Integer>> positions(List<List<Integer>> grid, int x)"),
        "{text}"
    );
    same_behaviour("grid.py", Language::Python, &out, Language::Java, &dir);
}

#[test]
fn declared_go_parameter_types_get_a_converting_wrapper() {
    support::require_toolchains();
    let dir = scratch("go_wrappers");
    let (out, text) = translate("Scale.java", Language::Go, "scale.go.txt", &dir);
    assert!(
        text.contains("func Mean(xs []int) float64 {") && text.contains("return MeanImpl(items)"),
        "{text}"
    );
    same_behaviour("Scale.java", Language::Java, &out, Language::Go, &dir);
    // A caller of the interface passes the declared type.
    let called = text.replace(
        "func main() {",
        "func main() {\n\tfmt.Println(Mean([]int{1, 2, 6}))",
    );
    std::fs::write(&out, called).unwrap();
    match run_program(Language::Go, &out, &dir.join("declared")) {
        Outcome::Ran(stdout) => assert_eq!(stdout, "3\ntrue\n"),
        other => panic!("did not run: {other:?}"),
    }
}

#[test]
fn a_called_function_keeps_its_result_and_a_wrapper_converts_it() {
    support::require_toolchains();
    let dir = scratch("result_wrapper");
    let (out, text) = translate("Filter.java", Language::Go, "filter.go.txt", &dir);
    assert!(
        text.contains("func IntsOnlyImpl(values []any) []any {")
            && text.contains("func IntsOnly(values []any) []int {"),
        "{text}"
    );
    same_behaviour("Filter.java", Language::Java, &out, Language::Go, &dir);
    let called = text.replace(
        "func main() {",
        "func main() {\n\tfmt.Println(IntsOnly([]any{4, \"b\", 5}))",
    );
    std::fs::write(&out, called).unwrap();
    match run_program(Language::Go, &out, &dir.join("declared")) {
        Outcome::Ran(stdout) => assert_eq!(stdout, "[4 5]\n2 3\n"),
        other => panic!("did not run: {other:?}"),
    }
}

#[test]
fn results_kept_for_the_module_are_converted_by_a_wrapper() {
    support::require_toolchains();
    // Go: a list of values that may be absent, a tuple variable, a list the function grows.
    let dir = scratch("running_go");
    let (out, text) = translate("running.py", Language::Go, "running.go.txt", &dir);
    assert!(
        text.contains("func RunningMax(numbers []int) []int {")
            && text.contains("func ClosestPair(xs []int) [2]int {")
            && text.contains("func PushTwice(xs []int, x int) []int {"),
        "{text}"
    );
    same_behaviour("running.py", Language::Python, &out, Language::Go, &dir);
    let dir = scratch("running_java");
    let (out, text) = translate("running.py", Language::Java, "running.java.txt", &dir);
    assert!(
        text.contains("static List<Integer> closestPair(List<Integer> xs)"),
        "{text}"
    );
    same_behaviour("running.py", Language::Python, &out, Language::Java, &dir);
    // Java: any value where a number is declared, a list of arrays where a list of lists is.
    let dir = scratch("area_java");
    let (out, text) = translate("area.go", Language::Java, "area.java.txt", &dir);
    assert!(
        text.contains("static double area(double a, double b, double c) {")
            && text.contains("static List<List<Integer>> cells(List<List<Integer>> grid, int x)"),
        "{text}"
    );
    same_behaviour("area.go", Language::Go, &out, Language::Java, &dir);
    let driver = "import java.util.*;\n\nclass Check {\n    public static void main(String[] args) {\n        System.out.println(Area.area(3, 4, 5));\n        System.out.println(Area.cells(List.of(List.of(1, 2), List.of(2, 1)), 2));\n    }\n}\n";
    assert_eq!(
        run_java_driver(&out, driver, &dir),
        "6.0\n[[0, 1], [1, 0]]\n"
    );
}
