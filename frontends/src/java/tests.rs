//! Unit tests of Java lowering: the conventions of ARCHITECTURE.md on small inputs.

use ferry_ir::{BinOp, DivKind, EqKind, ExprKind, Intrinsic, Item, StmtKind};

use super::lower;

fn main_stmts(src: &str) -> Vec<StmtKind> {
    let l = lower("T", src);
    let f = l.module.items.iter().find_map(|i| match i {
        Item::Function(f) if f.name == "main" => Some(f.clone()),
        _ => None,
    });
    let f = f.expect("main");
    assert!(f.params.is_empty(), "main has no parameters");
    f.body
        .expect("body")
        .stmts
        .into_iter()
        .map(|s| s.kind)
        .collect()
}

#[test]
fn integer_division_truncates_and_concat_converts() {
    let stmts = main_stmts(
        "public class T { public static void main(String[] args) { int q = -7 / 2; String s = \"q=\" + q; } }",
    );
    let StmtKind::Let { init: Some(q), .. } = &stmts[0] else {
        panic!("let")
    };
    assert!(matches!(
        q.kind,
        ExprKind::Binary {
            op: BinOp::Div(DivKind::Trunc),
            ..
        }
    ));
    let StmtKind::Let { init: Some(s), .. } = &stmts[1] else {
        panic!("let")
    };
    let ExprKind::Binary {
        op: BinOp::Add,
        rhs,
        ..
    } = &s.kind
    else {
        panic!("concat")
    };
    assert!(matches!(
        rhs.kind,
        ExprKind::Intrinsic {
            op: Intrinsic::ToStr(_),
            ..
        }
    ));
}

#[test]
fn string_equals_is_value_equality_and_double_equals_is_identity() {
    let stmts = main_stmts(
        "public class T { public static void main(String[] args) { String a = \"x\"; boolean b = a.equals(\"x\"); boolean c = a == \"x\"; } }",
    );
    let StmtKind::Let { init: Some(b), .. } = &stmts[1] else {
        panic!("let")
    };
    assert!(matches!(
        b.kind,
        ExprKind::Binary {
            op: BinOp::Eq(EqKind::Value),
            ..
        }
    ));
    let StmtKind::Let { init: Some(c), .. } = &stmts[2] else {
        panic!("let")
    };
    assert!(matches!(
        c.kind,
        ExprKind::Binary {
            op: BinOp::Eq(EqKind::Reference),
            ..
        }
    ));
}

#[test]
fn bare_field_names_are_explicit() {
    let l = lower("T", "class C { int n; int get() { return n; } } public class T { public static void main(String[] a) {} }");
    let class = l.module.items.iter().find_map(|i| match i {
        Item::Class(c) => Some(c.clone()),
        _ => None,
    });
    let m = &class.expect("class").methods[0];
    let StmtKind::Return(Some(e)) = &m.body.as_ref().expect("body").stmts[0].kind else {
        panic!("return")
    };
    assert!(
        matches!(&e.kind, ExprKind::Field { object, name } if name == "n" && matches!(object.kind, ExprKind::This))
    );
}

#[test]
fn broken_input_never_panics() {
    for src in [
        "",
        "class {",
        "public class T { void f( { int x = ; } }",
        "\u{0}\u{1}garbage",
        "class A { int x = a.b.c(); }",
    ] {
        let _ = lower("T", src);
    }
}
