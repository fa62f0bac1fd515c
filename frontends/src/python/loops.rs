//! `for` loops: `range` loops become `ForRange`, `enumerate(xs, start)` an offset index, and an
//! `else` clause a flag set by `break`.

use ferry_ir::{BinOp, Binding, Block, Expr, ExprKind, Intrinsic, Literal, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::{mk, node_kind, Lowerer};
use crate::common::{field_children, named_children, span};

impl Lowerer<'_> {
    /// A `for` statement, with an `else` clause lowered through a flag (several statements).
    pub(super) fn for_stmts(&mut self, s: Node<'_>, out: &mut Vec<Stmt>) {
        let Some(alt) = s.child_by_field_name("alternative") else {
            let st = self.for_stmt_inner(s);
            out.push(st);
            return;
        };
        let sp = span(s);
        let lp = self.for_stmt_inner(s);
        let else_ = named_children(alt)
            .into_iter()
            .find(|b| node_kind(b) == "block")
            .map(|b| self.block(b))
            .unwrap_or_default();
        let flag = self.fresh_name("broke");
        let lp = match lp.kind {
            StmtKind::ForEach {
                label,
                vars,
                iter,
                body,
            } => Stmt {
                kind: StmtKind::ForEach {
                    label,
                    vars,
                    iter,
                    body: mark_breaks(body, &flag, sp),
                },
                span: lp.span,
            },
            StmtKind::ForRange {
                label,
                var,
                start,
                end,
                step,
                body,
            } => Stmt {
                kind: StmtKind::ForRange {
                    label,
                    var,
                    start,
                    end,
                    step,
                    body: mark_breaks(body, &flag, sp),
                },
                span: lp.span,
            },
            _ => {
                out.push(lp);
                return;
            }
        };
        out.extend(self.loop_else(flag, lp, else_, sp));
    }

    fn for_stmt_inner(&mut self, s: Node<'_>) -> Stmt {
        let sp = span(s);
        let (Some(left), Some(right)) = (
            s.child_by_field_name("left"),
            s.child_by_field_name("right"),
        ) else {
            return self.unsupported_stmt(s, "for statement");
        };
        let vars: Vec<Binding> = match node_kind(left) {
            "identifier" => vec![Binding {
                name: self.text(left).to_string(),
                ty: Type::Unknown,
            }],
            "pattern_list" | "tuple_pattern" => {
                let kids = named_children(left);
                if kids.iter().any(|k| node_kind(k) != "identifier") {
                    return self.unsupported_stmt(s, "nested loop pattern");
                }
                kids.iter()
                    .map(|k| Binding {
                        name: self.text(*k).to_string(),
                        ty: Type::Unknown,
                    })
                    .collect()
            }
            _ => return self.unsupported_stmt(s, "loop target"),
        };
        // `for i in range(...)`.
        if vars.len() == 1 && node_kind(right) == "call" {
            let f = right.child_by_field_name("function").map(|f| self.text(f));
            if f == Some("range") {
                let args: Vec<Node<'_>> = field_children(right, "arguments");
                if (1..=3).contains(&args.len())
                    && args.iter().all(|a| node_kind(a) != "keyword_argument")
                {
                    let lowered: Vec<Expr> = args.iter().map(|a| self.expr(*a)).collect();
                    let (start, end, step) = match lowered.len() {
                        1 => (
                            mk(ExprKind::Lit(Literal::Int(0)), Type::BIG, sp),
                            lowered[0].clone(),
                            None,
                        ),
                        2 => (lowered[0].clone(), lowered[1].clone(), None),
                        _ => (
                            lowered[0].clone(),
                            lowered[1].clone(),
                            Some(lowered[2].clone()),
                        ),
                    };
                    let body = self.loop_body(s, &vars);
                    let var = Binding {
                        name: vars[0].name.clone(),
                        ty: Type::BIG,
                    };
                    return Stmt {
                        kind: StmtKind::ForRange {
                            label: None,
                            var,
                            start,
                            end,
                            step,
                            body,
                        },
                        span: sp,
                    };
                }
            }
        }
        // `for i, x in enumerate(xs, start)`: count from zero and offset.
        if vars.len() == 2
            && node_kind(right) == "call"
            && right
                .child_by_field_name("function")
                .is_some_and(|f| self.text(f) == "enumerate")
        {
            let args: Vec<Node<'_>> = field_children(right, "arguments");
            if let [xs, start] = args.as_slice() {
                let start = match node_kind(start) {
                    "keyword_argument"
                        if start
                            .child_by_field_name("name")
                            .is_some_and(|n| self.text(n) == "start") =>
                    {
                        start.child_by_field_name("value")
                    }
                    "keyword_argument" => None,
                    _ => Some(*start),
                };
                if let Some(start) = start {
                    let xs = self.expr(*xs);
                    let start = self.expr(start);
                    let iter = mk(
                        ExprKind::Intrinsic {
                            op: Intrinsic::Enumerate,
                            args: vec![xs],
                        },
                        Type::Unknown,
                        sp,
                    );
                    let index = vars[0].name.clone();
                    let tmp = self.fresh_name(&format!("{index}_"));
                    let offset = mk(
                        ExprKind::Binary {
                            op: BinOp::Add,
                            lhs: Box::new(mk(ExprKind::Name(tmp.clone()), Type::Unknown, sp)),
                            rhs: Box::new(start),
                        },
                        Type::Unknown,
                        sp,
                    );
                    let mut stmts = vec![Stmt {
                        kind: StmtKind::Let {
                            name: index,
                            ty: Type::Unknown,
                            init: Some(offset),
                        },
                        span: sp,
                    }];
                    stmts.extend(self.loop_body(s, &vars).stmts);
                    let vars = vec![
                        Binding {
                            name: tmp,
                            ty: Type::Unknown,
                        },
                        vars[1].clone(),
                    ];
                    return Stmt {
                        kind: StmtKind::ForEach {
                            label: None,
                            vars,
                            iter,
                            body: Block::new(stmts),
                        },
                        span: sp,
                    };
                }
            }
        }
        let iter = self.expr(right);
        let body = self.loop_body(s, &vars);
        Stmt {
            kind: StmtKind::ForEach {
                label: None,
                vars,
                iter,
                body,
            },
            span: sp,
        }
    }

    /// A loop body, in which the loop variables are bindings that assignments update.
    fn loop_body(&mut self, s: Node<'_>, vars: &[Binding]) -> Block {
        let fresh: Vec<String> = vars
            .iter()
            .map(|b| b.name.clone())
            .filter(|n| !self.declared.contains(n))
            .collect();
        self.declared.extend(fresh.iter().cloned());
        let body = s
            .child_by_field_name("body")
            .map(|b| self.block(b))
            .unwrap_or_default();
        for n in &fresh {
            self.declared.remove(n);
        }
        body
    }

    /// `loop ... else: E` as `broke = False; loop (break sets broke); if not broke: E`.
    pub(super) fn loop_else(
        &mut self,
        flag: String,
        lp: Stmt,
        else_: Block,
        sp: ferry_ir::Span,
    ) -> Vec<Stmt> {
        let f = |v: bool| mk(ExprKind::Lit(Literal::Bool(v)), Type::Bool, sp);
        let decl = Stmt {
            kind: StmtKind::Let {
                name: flag.clone(),
                ty: Type::Bool,
                init: Some(f(false)),
            },
            span: sp,
        };
        let name = mk(ExprKind::Name(flag), Type::Bool, sp);
        let not = mk(
            ExprKind::Unary {
                op: ferry_ir::UnaryOp::Not,
                operand: Box::new(name),
            },
            Type::Bool,
            sp,
        );
        let check = Stmt {
            kind: StmtKind::If {
                cond: not,
                then: else_,
                else_: None,
            },
            span: sp,
        };
        vec![decl, lp, check]
    }
}

/// Replaces the `break`s of a loop body (not of nested loops) by `flag = True; break`.
pub(super) fn mark_breaks(body: Block, flag: &str, sp: ferry_ir::Span) -> Block {
    fn go(b: Block, flag: &str, sp: ferry_ir::Span) -> Block {
        let mut out = Vec::new();
        for s in b.stmts {
            match s.kind {
                StmtKind::Break(None) => {
                    let target = mk(ExprKind::Name(flag.to_string()), Type::Bool, sp);
                    let value = mk(ExprKind::Lit(Literal::Bool(true)), Type::Bool, sp);
                    out.push(Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value,
                        },
                        span: s.span,
                    });
                    out.push(Stmt {
                        kind: StmtKind::Break(None),
                        span: s.span,
                    });
                }
                StmtKind::If { cond, then, else_ } => out.push(Stmt {
                    kind: StmtKind::If {
                        cond,
                        then: go(then, flag, sp),
                        else_: else_.map(|e| go(e, flag, sp)),
                    },
                    span: s.span,
                }),
                StmtKind::Try {
                    body,
                    catches,
                    finally,
                } => out.push(Stmt {
                    kind: StmtKind::Try {
                        body: go(body, flag, sp),
                        catches: catches
                            .into_iter()
                            .map(|mut c| {
                                c.body = go(c.body, flag, sp);
                                c
                            })
                            .collect(),
                        finally: finally.map(|f| go(f, flag, sp)),
                    },
                    span: s.span,
                }),
                StmtKind::Block(inner) => out.push(Stmt {
                    kind: StmtKind::Block(go(inner, flag, sp)),
                    span: s.span,
                }),
                kind => out.push(Stmt { kind, span: s.span }),
            }
        }
        Block::new(out)
    }
    go(body, flag, sp)
}
