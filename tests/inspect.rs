//! `ferry inspect`: the IR, the program graph and the plan of a sample.

mod support;

use support::{ferry, root};

fn inspect(args: &[&str]) -> (Option<i32>, String) {
    let out = ferry().arg("inspect").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn graph_has_units_and_inheritance_and_call_edges() {
    let file = root().join("tests/fixtures/java_to_go/Animals.java");
    let (code, dot) = inspect(&[file.to_str().unwrap(), "--graph", "dot"]);
    assert_eq!(code, Some(0));
    assert!(dot.starts_with("digraph program {"), "{dot}");
    for unit in [
        "Animal\\nClass",
        "Cat.sound\\nMethod",
        "Cat.name\\nField",
        "main\\nFunction",
    ] {
        assert!(dot.contains(unit), "missing {unit} in:\n{dot}");
    }
    assert!(dot.contains("[label=\"Inherits\"]"), "{dot}");
    // `a.sound()` on an `Animal` is a call edge from `main` to the interface method.
    let node = |label: &str| {
        dot.lines()
            .find(|l| l.contains(&format!("[label=\"{label}")))
            .and_then(|l| l.split_whitespace().next())
            .map(str::to_string)
            .unwrap_or_default()
    };
    let edge = format!(
        "{} -> {} [label=\"Calls\"]",
        node("main\\n"),
        node("Animal.sound\\n")
    );
    assert!(dot.contains(&edge), "missing `{edge}` in:\n{dot}");
}

#[test]
fn plan_orders_callees_before_callers() {
    let file = root().join("tests/fixtures/go_to_java/structs.go");
    let (code, plan) = inspect(&[file.to_str().unwrap(), "--plan"]);
    assert_eq!(code, Some(0));
    let position = |unit: &str| {
        plan.lines()
            .position(|l| l.contains(unit))
            .unwrap_or(usize::MAX)
    };
    assert!(position("divmod") < position("main"), "{plan}");
}

#[test]
fn ir_shows_explicit_semantics() {
    let file = root().join("tests/fixtures/python_to_java/min_max.py");
    let (code, ir) = inspect(&[file.to_str().unwrap(), "--ir"]);
    assert_eq!(code, Some(0));
    assert!(
        ir.contains("Div(\n") && ir.contains("Floor"),
        "no floor division in the IR:\n{ir}"
    );
    assert!(ir.contains("Rem(\n"), "{ir}");
}
