//! Statements. The first assignment of a name in a function is a `Let`; a name first assigned
//! inside a nested block is declared (hoisted) at the start of the function so that the Java and
//! Go translations see it in scope everywhere it is used.

use ferry_ir::{
    BinOp, Binding, Block, Catch, DivKind, ExceptionKind, Expr, ExprKind, Intrinsic, Literal,
    RemKind, Stmt, StmtKind, Type,
};
use tree_sitter::Node;

use super::loops::mark_breaks;
use super::{mk, node_kind, Lowerer};
use crate::common::{construct_name, field_children, named_children, preorder, span};

impl Lowerer<'_> {
    pub(super) fn block(&mut self, node: Node<'_>) -> Block {
        let mut out = Vec::new();
        for s in named_children(node) {
            if let Some(names) = self.hoist.remove(&(node.id(), s.start_byte())) {
                for name in names {
                    if self.declared.insert(name.clone()) {
                        out.push(Stmt {
                            kind: StmtKind::Let {
                                name,
                                ty: Type::Unknown,
                                init: None,
                            },
                            span: span(s),
                        });
                    }
                }
            }
            self.stmt(s, &mut out);
        }
        Block::new(out)
    }

    pub(super) fn stmt(&mut self, s: Node<'_>, out: &mut Vec<Stmt>) {
        let sp = span(s);
        let at = |kind: StmtKind| Stmt { kind, span: sp };
        match node_kind(s) {
            "expression_statement" => {
                let Some(e) = s.named_child(0) else { return };
                match node_kind(e) {
                    "string" => {}
                    "ellipsis" => {}
                    "assignment" => self.simple(out, |l, out| l.assignment(e, out)),
                    "augmented_assignment" => self.simple(out, |l, out| l.augmented(e, out)),
                    _ => self.simple(out, |l, out| {
                        let x = l.expr(e);
                        out.push(Stmt {
                            kind: StmtKind::Expr(x),
                            span: sp,
                        });
                    }),
                }
            }
            "return_statement" => self.simple(out, |l, out| {
                let v = s.named_child(0).map(|v| l.expr(v));
                out.push(Stmt {
                    kind: StmtKind::Return(v),
                    span: sp,
                });
            }),
            "pass_statement"
            | "comment"
            | "import_statement"
            | "import_from_statement"
            | "ERROR" => {}
            "global_statement" => {
                for c in named_children(s) {
                    self.global_decl.insert(self.text(c).to_string());
                }
            }
            "break_statement" => out.push(at(StmtKind::Break(None))),
            "continue_statement" => out.push(at(StmtKind::Continue(None))),
            "if_statement" => {
                let st = self.if_stmt(s);
                out.push(st);
            }
            "while_statement" => {
                if let Some(alt) = s.child_by_field_name("alternative") {
                    let cond = match s.child_by_field_name("condition") {
                        Some(c) => self.expr(c),
                        None => return,
                    };
                    let body = s
                        .child_by_field_name("body")
                        .map(|b| self.block(b))
                        .unwrap_or_default();
                    let else_ = named_children(alt)
                        .into_iter()
                        .find(|b| node_kind(b) == "block")
                        .map(|b| self.block(b))
                        .unwrap_or_default();
                    let flag = self.fresh_name("broke");
                    let body = mark_breaks(body, &flag, sp);
                    let lp = at(StmtKind::While {
                        label: None,
                        cond,
                        body,
                    });
                    out.extend(self.loop_else(flag, lp, else_, sp));
                    return;
                }
                let cond = match s.child_by_field_name("condition") {
                    Some(c) => self.expr(c),
                    None => return,
                };
                let body = s
                    .child_by_field_name("body")
                    .map(|b| self.block(b))
                    .unwrap_or_default();
                out.push(at(StmtKind::While {
                    label: None,
                    cond,
                    body,
                }));
            }
            "for_statement" => self.for_stmts(s, out),
            // Lifted to module level.
            "function_definition" if self.lifted.contains(&s.id()) => {}
            "try_statement" => {
                let st = self.try_stmt(s);
                out.push(st);
            }
            "raise_statement" => {
                let st = self.raise(s);
                out.push(st);
            }
            "delete_statement" => {
                let targets = match s.named_child(0) {
                    Some(t) if node_kind(t) == "expression_list" => named_children(t),
                    Some(t) => vec![t],
                    None => Vec::new(),
                };
                for t in targets {
                    if node_kind(t) != "subscript" {
                        out.push(self.unsupported_stmt(s, "del of a name"));
                        continue;
                    }
                    let x = self.expr(t);
                    match x.kind {
                        ExprKind::Index { object, index } => {
                            let e = mk(
                                ExprKind::Intrinsic {
                                    op: Intrinsic::RemoveAt,
                                    args: vec![*object, *index],
                                },
                                Type::Void,
                                sp,
                            );
                            out.push(at(StmtKind::Expr(e)));
                        }
                        _ => out.push(self.unsupported_stmt(s, "del of a slice")),
                    }
                }
            }
            "assert_statement" => {
                let cond = match s.named_child(0) {
                    Some(c) => self.expr(c),
                    None => return,
                };
                let msg = s.named_child(1).map(|m| self.expr(m));
                let not = mk(
                    ExprKind::Unary {
                        op: ferry_ir::UnaryOp::Not,
                        operand: Box::new(cond),
                    },
                    Type::Bool,
                    sp,
                );
                let throw = at(StmtKind::Throw {
                    kind: ExceptionKind::Runtime,
                    message: msg,
                });
                out.push(at(StmtKind::If {
                    cond: not,
                    then: Block::new(vec![throw]),
                    else_: None,
                }));
            }
            _ => out.push(self.unsupported_stmt(s, &construct_name(s, "statement"))),
        }
    }

    /// Lowers a simple statement, letting its expressions put statements before it.
    fn simple(&mut self, out: &mut Vec<Stmt>, f: impl FnOnce(&mut Self, &mut Vec<Stmt>)) {
        let saved = std::mem::take(&mut self.pre);
        let ok = std::mem::replace(&mut self.pre_ok, true);
        let mut here = Vec::new();
        f(self, &mut here);
        out.append(&mut self.pre);
        out.append(&mut here);
        self.pre = saved;
        self.pre_ok = ok;
    }

    /// Whether `name` refers to a local (declared) rather than a module variable.
    fn is_declared(&self, name: &str) -> bool {
        self.declared.contains(name)
    }

    fn assignment(&mut self, a: Node<'_>, out: &mut Vec<Stmt>) {
        let sp = span(a);
        let (Some(left), Some(right)) = (
            a.child_by_field_name("left"),
            a.child_by_field_name("right"),
        ) else {
            out.push(self.unsupported_stmt(a, "annotated declaration without a value"));
            return;
        };
        if node_kind(right) == "assignment" {
            // `a = b = value` with a simple value: one assignment per target, right to left.
            let mut targets = vec![left];
            let mut value = right;
            while node_kind(value) == "assignment" {
                let (Some(l), Some(r)) = (
                    value.child_by_field_name("left"),
                    value.child_by_field_name("right"),
                ) else {
                    break;
                };
                targets.push(l);
                value = r;
            }
            let simple = matches!(
                node_kind(value),
                "integer" | "float" | "string" | "true" | "false" | "none" | "identifier"
            );
            // Targets other than names must be free of calls, so that the order in which they are
            // evaluated cannot matter.
            let plain_target = |t: &Node<'_>| {
                node_kind(t) == "identifier"
                    || (matches!(node_kind(t), "subscript" | "attribute") && !contains_call(*t))
            };
            if !simple || !targets.iter().all(plain_target) {
                out.push(self.unsupported_stmt(a, "chained assignment"));
                return;
            }
            for t in targets.into_iter().rev() {
                let v = self.expr(value);
                if node_kind(t) != "identifier" {
                    let target = self.target(t);
                    out.push(Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value: v,
                        },
                        span: sp,
                    });
                    continue;
                }
                let name = self.text(t).to_string();
                if self.global_decl.contains(&name) || self.is_declared(&name) || !self.in_function
                {
                    let target = mk(ExprKind::Name(name), Type::Unknown, span(t));
                    out.push(Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value: v,
                        },
                        span: sp,
                    });
                } else {
                    self.declared.insert(name.clone());
                    out.push(Stmt {
                        kind: StmtKind::Let {
                            name,
                            ty: Type::Unknown,
                            init: Some(v),
                        },
                        span: sp,
                    });
                }
            }
            return;
        }
        let annotated = a.child_by_field_name("type").map(|t| self.annotation(t));
        if node_kind(left) == "identifier" && node_kind(right) == "call" {
            let f = right
                .child_by_field_name("function")
                .map(|f| self.text(f))
                .unwrap_or("");
            let args: Vec<Node<'_>> = field_children(right, "arguments");
            let factory = match (f, args.as_slice()) {
                ("defaultdict" | "collections.defaultdict", [factory]) => {
                    Some(self.text(*factory).to_string())
                }
                ("Counter" | "collections.Counter", [] | [_]) => Some("int".to_string()),
                _ => None,
            };
            if let Some(factory) = factory {
                self.default_dicts
                    .insert(self.text(left).to_string(), factory);
            }
        }
        match node_kind(left) {
            "identifier" if self.counter_assignment(self.text(left), right, out) => {}
            "identifier" => {
                let name = self.text(left).to_string();
                let value = self.expr(right);
                if self.global_decl.contains(&name) || self.is_declared(&name) || !self.in_function
                {
                    let target = mk(ExprKind::Name(name), Type::Unknown, span(left));
                    out.push(Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value,
                        },
                        span: sp,
                    });
                } else {
                    self.declared.insert(name.clone());
                    out.push(Stmt {
                        kind: StmtKind::Let {
                            name,
                            ty: annotated.unwrap_or(Type::Unknown),
                            init: Some(value),
                        },
                        span: sp,
                    });
                }
            }
            "pattern_list" | "tuple_pattern" | "tuple" => {
                let targets = named_children(left);
                let value = self.expr(right);
                let all_new = targets.iter().all(|t| {
                    node_kind(t) == "identifier" && {
                        let n = self.text(*t);
                        !self.is_declared(n) && !self.global_decl.contains(n)
                    }
                });
                if all_new {
                    let names: Vec<Binding> = targets
                        .iter()
                        .map(|t| Binding {
                            name: self.text(*t).to_string(),
                            ty: Type::Unknown,
                        })
                        .collect();
                    for b in &names {
                        self.declared.insert(b.name.clone());
                    }
                    out.push(Stmt {
                        kind: StmtKind::LetTuple { names, init: value },
                        span: sp,
                    });
                } else {
                    let mut ts = Vec::new();
                    for t in targets {
                        if node_kind(t) == "identifier"
                            && !self.is_declared(self.text(t))
                            && !self.global_decl.contains(self.text(t))
                        {
                            let n = self.text(t).to_string();
                            self.declared.insert(n.clone());
                            out.push(Stmt {
                                kind: StmtKind::Let {
                                    name: n,
                                    ty: Type::Unknown,
                                    init: None,
                                },
                                span: sp,
                            });
                        }
                        ts.push(self.target(t));
                    }
                    out.push(Stmt {
                        kind: StmtKind::AssignTuple { targets: ts, value },
                        span: sp,
                    });
                }
            }
            "subscript" if is_slice(left) => self.slice_assignment(a, left, right, out),
            _ => {
                let target = self.target(left);
                let value = self.expr(right);
                out.push(Stmt {
                    kind: StmtKind::Assign {
                        target,
                        op: None,
                        value,
                    },
                    span: sp,
                });
            }
        }
    }

    /// An assignment target: a name, `obj.attr` or `a[i]`.
    fn target(&mut self, t: Node<'_>) -> Expr {
        match node_kind(t) {
            "identifier" => mk(
                ExprKind::Name(self.text(t).to_string()),
                Type::Unknown,
                span(t),
            ),
            "subscript" if is_slice(t) => self.unsupported_expr(t, "slice assignment"),
            "attribute" | "subscript" => {
                self.lvalue = true;
                let e = self.expr(t);
                self.lvalue = false;
                e
            }
            _ => self.unsupported_expr(t, "assignment target"),
        }
    }

    fn augmented(&mut self, a: Node<'_>, out: &mut Vec<Stmt>) {
        let sp = span(a);
        let (Some(left), Some(right), Some(op)) = (
            a.child_by_field_name("left"),
            a.child_by_field_name("right"),
            a.child_by_field_name("operator"),
        ) else {
            return;
        };
        let op = match self.text(op) {
            "+=" => BinOp::Add,
            "-=" => BinOp::Sub,
            "*=" => BinOp::Mul,
            "/=" => BinOp::Div(DivKind::True),
            "//=" => BinOp::Div(DivKind::Floor),
            "%=" => BinOp::Rem(RemKind::Floor),
            "**=" => BinOp::Pow,
            "&=" => BinOp::BitAnd,
            "|=" => BinOp::BitOr,
            "^=" => BinOp::BitXor,
            "<<=" => BinOp::Shl,
            ">>=" => BinOp::Shr,
            _ => {
                out.push(self.unsupported_stmt(a, "augmented assignment operator"));
                return;
            }
        };
        // `d[k] += v` on a `defaultdict(int)`: `d[k] = d.get(k, 0) + v`.
        if let Some((factory, _, _)) = self.default_dict_index(left) {
            if let Some(default) = self.factory_default(&factory, sp) {
                if !matches!(
                    default.kind,
                    ExprKind::ListLit(_) | ExprKind::Intrinsic { .. }
                ) {
                    let target = self.target(left);
                    let (ExprKind::Index { object, index }, tsp) = (&target.kind, target.span)
                    else {
                        return;
                    };
                    let read = mk(
                        ExprKind::Intrinsic {
                            op: Intrinsic::GetOrDefault,
                            args: vec![(**object).clone(), (**index).clone(), default],
                        },
                        Type::Unknown,
                        tsp,
                    );
                    let rhs = self.expr(right);
                    let value = mk(
                        ExprKind::Binary {
                            op,
                            lhs: Box::new(read),
                            rhs: Box::new(rhs),
                        },
                        Type::Unknown,
                        sp,
                    );
                    out.push(Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value,
                        },
                        span: sp,
                    });
                    return;
                }
            }
        }
        let target = self.target(left);
        let value = self.expr(right);
        out.push(Stmt {
            kind: StmtKind::Assign {
                target,
                op: Some(op),
                value,
            },
            span: sp,
        });
    }

    fn if_stmt(&mut self, s: Node<'_>) -> Stmt {
        let sp = span(s);
        let cond = match s.child_by_field_name("condition") {
            Some(c) => self.expr(c),
            None => return self.unsupported_stmt(s, "if statement"),
        };
        let then = s
            .child_by_field_name("consequence")
            .map(|b| self.block(b))
            .unwrap_or_default();
        // Build the else chain from the clauses, last first.
        let clauses: Vec<Node<'_>> = named_children(s)
            .into_iter()
            .filter(|c| matches!(node_kind(c), "elif_clause" | "else_clause"))
            .collect();
        let mut else_: Option<Block> = None;
        let mut lowered: Vec<(Option<Expr>, Block, ferry_ir::Span)> = Vec::new();
        for c in &clauses {
            if node_kind(c) == "elif_clause" {
                let cond = c.child_by_field_name("condition").map(|x| self.expr(x));
                let body = c
                    .child_by_field_name("consequence")
                    .map(|b| self.block(b))
                    .unwrap_or_default();
                lowered.push((cond, body, span(*c)));
            } else {
                let body = c
                    .child_by_field_name("body")
                    .map(|b| self.block(b))
                    .unwrap_or_default();
                lowered.push((None, body, span(*c)));
            }
        }
        for (cond, body, csp) in lowered.into_iter().rev() {
            match cond {
                Some(c) => {
                    let st = Stmt {
                        kind: StmtKind::If {
                            cond: c,
                            then: body,
                            else_: else_.take(),
                        },
                        span: csp,
                    };
                    else_ = Some(Block::new(vec![st]));
                }
                None => else_ = Some(body),
            }
        }
        Stmt {
            kind: StmtKind::If { cond, then, else_ },
            span: sp,
        }
    }

    fn try_stmt(&mut self, s: Node<'_>) -> Stmt {
        let sp = span(s);
        let body = s
            .child_by_field_name("body")
            .map(|b| self.block(b))
            .unwrap_or_default();
        let mut catches = Vec::new();
        let mut finally = None;
        let mut else_block: Option<Block> = None;
        for c in named_children(s) {
            match node_kind(c) {
                "except_clause" => {
                    let mut kinds = Vec::new();
                    let mut name = None;
                    let mut block = Block::default();
                    for k in named_children(c) {
                        match node_kind(k) {
                            "block" => block = self.block(k),
                            "as_pattern" => {
                                if let Some(e) = k.named_child(0) {
                                    self.exception_kinds(e, &mut kinds);
                                }
                                if let Some(alias) = k.child_by_field_name("alias") {
                                    let n = self.text(alias).trim().to_string();
                                    name = Some(n);
                                }
                            }
                            "comment" => {}
                            _ => self.exception_kinds(k, &mut kinds),
                        }
                    }
                    if kinds.is_empty() {
                        kinds.push(ExceptionKind::Any);
                    }
                    catches.push(Catch {
                        kinds,
                        name,
                        body: block,
                    });
                }
                "finally_clause" => {
                    finally = named_children(c)
                        .into_iter()
                        .find(|b| node_kind(b) == "block")
                        .map(|b| self.block(b));
                }
                "else_clause" => {
                    if s.child_by_field_name("finally").is_some()
                        || named_children(s)
                            .iter()
                            .any(|c| node_kind(c) == "finally_clause")
                    {
                        return self.unsupported_stmt(s, "try-else with finally");
                    }
                    else_block = named_children(c)
                        .into_iter()
                        .find(|b| node_kind(b) == "block")
                        .map(|b| self.block(b));
                }
                _ => {}
            }
        }
        if let Some(e) = else_block {
            // `try: B except: H else: E` → `ok = False; try: B; ok = True except: H; if ok: E`.
            let flag = self.fresh_name("succeeded");
            let f = |v: bool| mk(ExprKind::Lit(Literal::Bool(v)), Type::Bool, sp);
            let name = mk(ExprKind::Name(flag.clone()), Type::Bool, sp);
            let mut body = body;
            body.stmts.push(Stmt {
                kind: StmtKind::Assign {
                    target: name.clone(),
                    op: None,
                    value: f(true),
                },
                span: sp,
            });
            let decl = Stmt {
                kind: StmtKind::Let {
                    name: flag,
                    ty: Type::Bool,
                    init: Some(f(false)),
                },
                span: sp,
            };
            let t = Stmt {
                kind: StmtKind::Try {
                    body,
                    catches,
                    finally,
                },
                span: sp,
            };
            let check = Stmt {
                kind: StmtKind::If {
                    cond: name,
                    then: e,
                    else_: None,
                },
                span: sp,
            };
            return Stmt {
                kind: StmtKind::Block(Block::new(vec![decl, t, check])),
                span: sp,
            };
        }
        Stmt {
            kind: StmtKind::Try {
                body,
                catches,
                finally,
            },
            span: sp,
        }
    }

    fn exception_kinds(&mut self, e: Node<'_>, out: &mut Vec<ExceptionKind>) {
        match node_kind(e) {
            "tuple" | "parenthesized_expression" => {
                for k in named_children(e) {
                    self.exception_kinds(k, out);
                }
            }
            _ => {
                let name = self.text(e);
                out.push(self.exception_kind(name));
                // `ValueError` is also what `int("x")` raises.
                if name == "ValueError" {
                    out.push(ExceptionKind::NumberFormat);
                }
            }
        }
    }

    pub(super) fn exception_kind(&self, name: &str) -> ExceptionKind {
        match name {
            "IndexError" => ExceptionKind::IndexOutOfRange,
            "KeyError" => ExceptionKind::KeyMissing,
            "ZeroDivisionError" | "ArithmeticError" => ExceptionKind::DivisionByZero,
            "AttributeError" => ExceptionKind::NullAccess,
            "ValueError" | "TypeError" => ExceptionKind::InvalidArgument,
            "RuntimeError" | "AssertionError" => ExceptionKind::Runtime,
            "NotImplementedError" => ExceptionKind::Unsupported,
            "Exception" | "BaseException" => ExceptionKind::Any,
            other if self.classes.contains(other) => ExceptionKind::Custom(other.to_string()),
            _ => ExceptionKind::Any,
        }
    }

    fn raise(&mut self, s: Node<'_>) -> Stmt {
        let sp = span(s);
        let Some(e) = s.named_child(0) else {
            return self.unsupported_stmt(s, "re-raise");
        };
        let (name, args) = match node_kind(e) {
            "call" => {
                let f = e
                    .child_by_field_name("function")
                    .map(|f| self.text(f).to_string())
                    .unwrap_or_default();
                let args = field_children(e, "arguments");
                (f, args)
            }
            "identifier" => (self.text(e).to_string(), Vec::new()),
            _ => return self.unsupported_stmt(s, "raise of an expression"),
        };
        if args.len() > 1 {
            return self.unsupported_stmt(s, "exception with several arguments");
        }
        let mut kind = self.exception_kind(&name);
        if kind == ExceptionKind::Any {
            if name != "Exception" {
                return self.unsupported_stmt(s, "raise of a library exception");
            }
            kind = ExceptionKind::Runtime;
        }
        let message = args.first().map(|a| {
            let x = self.expr(*a);
            to_str(x)
        });
        Stmt {
            kind: StmtKind::Throw { kind, message },
            span: sp,
        }
    }
}

/// Wraps a value in `ToStr(Python)` (dropped later if it is a string).
pub(super) fn to_str(x: Expr) -> Expr {
    let sp = x.span;
    mk(
        ExprKind::Intrinsic {
            op: Intrinsic::ToStr(ferry_ir::Language::Python),
            args: vec![x],
        },
        Type::Str,
        sp,
    )
}

/// Whether a node is a subscript with a slice (`xs[a:b]`).
fn is_slice(node: Node<'_>) -> bool {
    node.child_by_field_name("subscript")
        .is_some_and(|s| node_kind(s) == "slice")
}

/// Whether a node contains a call anywhere inside it.
pub(super) fn contains_call(node: Node<'_>) -> bool {
    let mut found = false;
    preorder(node, |n| {
        found |= node_kind(n) == "call";
        !found
    });
    found
}
