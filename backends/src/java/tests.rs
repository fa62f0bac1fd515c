//! Unit tests of Java printing on small IR modules.

use ferry_ir::{
    BinOp, Block, DivKind, Expr, ExprKind, Function, Item, Language, Literal, Module, RemKind,
    Span, Stmt, StmtKind, Type,
};

use crate::Options;

fn int(n: i128) -> Expr {
    Expr::new(ExprKind::Lit(Literal::Int(n)), Type::BIG, Span::new(0, 0))
}

fn module_returning(e: Expr) -> String {
    let f = Function {
        name: "f".into(),
        params: vec![],
        ret: Type::BIG,
        body: Some(Block::new(vec![Stmt {
            kind: StmtKind::Return(Some(e)),
            span: Span::new(0, 0),
        }])),
        is_static: true,
        doc: None,
        span: Span::new(0, 0),
    };
    let m = Module {
        language: Language::Python,
        name: "calc".into(),
        doc: None,
        items: vec![Item::Function(f)],
    };
    super::emit(&m, &Options::default()).code
}

fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
    Expr::new(
        ExprKind::Binary {
            op,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        Type::BIG,
        Span::new(0, 0),
    )
}

#[test]
fn floor_division_and_remainder_use_math_helpers() {
    let code = module_returning(bin(BinOp::Div(DivKind::Floor), int(-7), int(2)));
    assert!(code.contains("return Math.floorDiv(-7, 2);"), "{code}");
    let code = module_returning(bin(BinOp::Rem(RemKind::Floor), int(-7), int(2)));
    assert!(code.contains("return Math.floorMod(-7, 2);"), "{code}");
    assert!(code.starts_with("public class Calc {"), "{code}");
}

#[test]
fn parentheses_only_where_needed() {
    let code = module_returning(bin(BinOp::Mul, bin(BinOp::Add, int(1), int(2)), int(3)));
    assert!(code.contains("return (1 + 2) * 3;"), "{code}");
    let code = module_returning(bin(BinOp::Sub, int(1), bin(BinOp::Sub, int(2), int(3))));
    assert!(code.contains("return 1 - (2 - 3);"), "{code}");
    let code = module_returning(bin(BinOp::Add, bin(BinOp::Mul, int(1), int(2)), int(3)));
    assert!(code.contains("return 1 * 2 + 3;"), "{code}");
}

#[test]
fn unsupported_body_becomes_a_stub() {
    let u = ferry_ir::Unsupported {
        construct: "generator function".into(),
        text: "yield x".into(),
        span: Span::new(0, 7),
    };
    let code = module_returning(Expr::new(
        ExprKind::Unsupported(u),
        Type::Unknown,
        Span::new(0, 7),
    ));
    assert!(
        code.contains("throw new UnsupportedOperationException("),
        "{code}"
    );
    assert!(code.contains("//   yield x"), "{code}");
}

#[test]
fn break_inside_a_case_leaves_the_loop() {
    let sp = Span::new(0, 0);
    let x = Expr::new(ExprKind::Name("x".into()), Type::I32, sp);
    let case = ferry_ir::SwitchCase {
        values: vec![int(4)],
        body: Block::new(vec![Stmt {
            kind: StmtKind::Break(None),
            span: sp,
        }]),
    };
    let switch = Stmt {
        kind: StmtKind::Switch {
            scrutinee: x,
            cases: vec![case],
            default: None,
        },
        span: sp,
    };
    let cond = Expr::new(ExprKind::Lit(Literal::Bool(true)), Type::Bool, sp);
    let body = Block::new(vec![Stmt {
        kind: StmtKind::While {
            label: None,
            cond,
            body: Block::new(vec![switch]),
        },
        span: sp,
    }]);
    let f = Function {
        name: "main".into(),
        params: vec![],
        ret: Type::Void,
        body: Some(body),
        is_static: true,
        doc: None,
        span: sp,
    };
    let m = Module {
        language: Language::Go,
        name: "loop".into(),
        doc: None,
        items: vec![Item::Function(f)],
    };
    let code = super::emit(&m, &Options::default()).code;
    assert!(
        code.contains("if (x == 4) {\n                break;"),
        "{code}"
    );
    assert!(!code.contains("switch"), "{code}");
}
