//! Calls: builtins and methods of `str`, `list`, `dict`, `set` and `deque` become intrinsics (the
//! tables below; library modules are in [`super::library`]); calls of functions and classes of the
//! file become `Call`/`New`, methods of user classes `MethodCall`.

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{
    BinOp, DivKind, Expr, ExprKind, Intrinsic, Literal, RemKind, Stmt, StmtKind, Type, UnaryOp,
    CONSTRUCTOR,
};
use tree_sitter::Node;

use super::keys::{apply_key, identity};
use super::stmt::to_str;
use super::{mk, node_kind, Lowerer};
use crate::common::{named_children, span};

/// Methods of builtin types → intrinsic (receiver first), by name and argument count.
pub(super) const METHODS: &[(&str, usize, Intrinsic)] = &[
    ("upper", 0, Intrinsic::ToUpper),
    ("lower", 0, Intrinsic::ToLower),
    ("swapcase", 0, Intrinsic::SwapCase),
    ("strip", 0, Intrinsic::Trim),
    ("split", 0, Intrinsic::SplitWhitespace),
    ("split", 1, Intrinsic::Split),
    ("replace", 2, Intrinsic::Replace),
    ("startswith", 1, Intrinsic::StartsWith),
    ("endswith", 1, Intrinsic::EndsWith),
    ("find", 1, Intrinsic::IndexOf),
    ("rfind", 1, Intrinsic::LastIndexOf),
    ("index", 1, Intrinsic::IndexOf),
    ("count", 1, Intrinsic::Count),
    ("isdigit", 0, Intrinsic::IsDigit),
    ("isalpha", 0, Intrinsic::IsLetter),
    ("isalnum", 0, Intrinsic::IsLetterOrDigit),
    ("isupper", 0, Intrinsic::IsUpper),
    ("islower", 0, Intrinsic::IsLower),
    ("isspace", 0, Intrinsic::IsWhitespace),
    ("append", 1, Intrinsic::Append),
    ("appendleft", 1, Intrinsic::PushFront),
    ("popleft", 0, Intrinsic::PopFront),
    ("insert", 2, Intrinsic::Insert),
    ("extend", 1, Intrinsic::Extend),
    ("pop", 0, Intrinsic::Pop),
    ("pop", 1, Intrinsic::RemoveAt),
    ("remove", 1, Intrinsic::Remove),
    ("discard", 1, Intrinsic::Remove),
    ("clear", 0, Intrinsic::Clear),
    ("sort", 0, Intrinsic::Sort),
    ("reverse", 0, Intrinsic::Reverse),
    ("copy", 0, Intrinsic::CopyOf),
    ("get", 2, Intrinsic::GetOrDefault),
    ("keys", 0, Intrinsic::Keys),
    ("values", 0, Intrinsic::Values),
    ("items", 0, Intrinsic::Items),
    ("add", 1, Intrinsic::Add),
    ("union", 1, Intrinsic::Union),
    ("intersection", 1, Intrinsic::Intersection),
    ("difference", 1, Intrinsic::Difference),
];

impl Lowerer<'_> {
    pub(super) fn intr(
        &self,
        op: Intrinsic,
        args: Vec<Expr>,
        ty: Type,
        sp: ferry_ir::Span,
    ) -> Expr {
        mk(ExprKind::Intrinsic { op, args }, ty, sp)
    }

    pub(super) fn call(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let Some(func) = node.child_by_field_name("function") else {
            return self.unsupported_expr(node, "call");
        };
        let mut positional = Vec::new();
        let mut keywords: Vec<(String, Node<'_>)> = Vec::new();
        if let Some(args) = node.child_by_field_name("arguments") {
            if node_kind(args) == "generator_expression" {
                positional.push(args);
            } else {
                for a in named_children(args) {
                    match node_kind(a) {
                        "keyword_argument" => {
                            if let (Some(n), Some(v)) = (
                                a.child_by_field_name("name"),
                                a.child_by_field_name("value"),
                            ) {
                                keywords.push((self.text(n).to_string(), v));
                            }
                        }
                        "comment" => {}
                        "list_splat" | "dictionary_splat" => {
                            return self.unsupported_expr(node, "argument unpacking")
                        }
                        _ => positional.push(a),
                    }
                }
            }
        }
        match node_kind(func) {
            "identifier" => {
                let name = self.text(func).to_string();
                self.call_name(&name, &positional, &keywords, node)
            }
            "attribute" => self.call_attribute(func, &positional, &keywords, node),
            _ => {
                let callee = self.expr(func);
                let args = positional.iter().map(|a| self.expr(*a)).collect();
                let _ = sp;
                mk(
                    ExprKind::CallValue {
                        callee: Box::new(callee),
                        args,
                    },
                    Type::Unknown,
                    span(node),
                )
            }
        }
    }

    fn call_name(
        &mut self,
        name: &str,
        pos: &[Node<'_>],
        kw: &[(String, Node<'_>)],
        node: Node<'_>,
    ) -> Expr {
        let sp = span(node);
        let is_local = self.declared.contains(name);
        if !is_local && !self.functions.contains(name) && !self.classes.contains(name) {
            if let Some((module, func)) = self.imported_function(name) {
                return self.module_call(&module, &func, pos, kw, node);
            }
            if let Some(e) = self.builtin(name, pos, kw, node) {
                return e;
            }
        }
        if !kw.is_empty() {
            return self.unsupported_expr(node, "keyword arguments");
        }
        let args: Vec<Expr> = pos.iter().map(|a| self.expr(*a)).collect();
        if self.classes.contains(name) {
            return mk(
                ExprKind::New {
                    class: name.to_string(),
                    args,
                },
                Type::Named(name.to_string()),
                sp,
            );
        }
        if self.functions.contains(name) && !is_local {
            return mk(
                ExprKind::Call {
                    func: name.to_string(),
                    args,
                },
                Type::Unknown,
                sp,
            );
        }
        if is_local {
            let callee = mk(ExprKind::Name(name.to_string()), Type::Unknown, sp);
            return mk(
                ExprKind::CallValue {
                    callee: Box::new(callee),
                    args,
                },
                Type::Unknown,
                sp,
            );
        }
        self.unsupported_expr(node, &format!("call of `{name}`"))
    }

    /// Python builtins; `None` when `name` is not one this frontend knows.
    pub(super) fn builtin(
        &mut self,
        name: &str,
        pos: &[Node<'_>],
        kw: &[(String, Node<'_>)],
        node: Node<'_>,
    ) -> Option<Expr> {
        let sp = span(node);
        let n = pos.len();
        let kwarg = |k: &str| kw.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
        if (name == "max" || name == "min") && n == 1 && kw.len() == 1 && kw[0].0 == "key" {
            return Some(self.min_max_by_key(name == "max", pos[0], kw[0].1, node));
        }
        if name == "tuple" && n == 1 && kw.is_empty() {
            return Some(self.tuple_of(pos[0], node));
        }
        if name != "print" && name != "sorted" && !kw.is_empty() {
            return Some(self.unsupported_expr(node, &format!("keyword arguments of `{name}`")));
        }
        let args: Vec<Expr> = pos.iter().map(|a| self.expr(*a)).collect();
        let cast = |expr: Expr, to: Type| {
            mk(
                ExprKind::Cast {
                    expr: Box::new(expr),
                    to: to.clone(),
                },
                to,
                sp,
            )
        };
        let one = |op: Intrinsic, ty: Type, this: &mut Self| -> Expr {
            if n == 1 {
                this.intr(op, args.clone(), ty, sp)
            } else {
                this.unsupported_expr(node, &format!("`{name}` with {n} arguments"))
            }
        };
        let e = match name {
            "print" => {
                let sep = match kwarg("sep") {
                    Some(s) => self.expr(s),
                    None => mk(ExprKind::Lit(Literal::Str(" ".into())), Type::Str, sp),
                };
                let end = kwarg("end").map(|e| self.expr(e));
                let mut acc: Option<Expr> = None;
                for a in args {
                    let part = to_str(a);
                    acc = Some(match acc {
                        None => part,
                        Some(prev) => {
                            let with_sep = add(prev, sep.clone());
                            add(with_sep, part)
                        }
                    });
                }
                let text = acc.unwrap_or_else(|| {
                    mk(ExprKind::Lit(Literal::Str(String::new())), Type::Str, sp)
                });
                match end {
                    None => self.intr(Intrinsic::Println, vec![text], Type::Void, sp),
                    Some(e) if matches!(&e.kind, ExprKind::Lit(Literal::Str(s)) if s == "\n") => {
                        self.intr(Intrinsic::Println, vec![text], Type::Void, sp)
                    }
                    Some(e) => {
                        let text = if matches!(&e.kind, ExprKind::Lit(Literal::Str(s)) if s.is_empty())
                        {
                            text
                        } else {
                            add(text, e)
                        };
                        self.intr(Intrinsic::Print, vec![text], Type::Void, sp)
                    }
                }
            }
            "len" => one(Intrinsic::Len(StrUnit::CodePoint), Type::BIG, self),
            "abs" => one(Intrinsic::Abs, Type::Unknown, self),
            "isinstance" if n == 2 => {
                let x = args.into_iter().next()?;
                self.isinstance(x, pos[1], node)
            }
            "bin" if n == 1 => one(Intrinsic::ToBinary { prefixed: true }, Type::Str, self),
            "round" if n == 2 => {
                // Digits given as a literal `>= 0`: negative ones round to tens, hundreds, ...
                if !matches!(args[1].kind, ExprKind::Lit(Literal::Int(d)) if d >= 0) {
                    return Some(
                        self.unsupported_expr(node, "round to digits not given as a literal"),
                    );
                }
                self.intr(Intrinsic::RoundDigits, args, Type::Unknown, sp)
            }
            "round" if n == 1 => {
                let rounded = one(Intrinsic::RoundHalfEven, Type::Float, self);
                cast(rounded, Type::BIG)
            }
            "str" => {
                if n == 0 {
                    mk(ExprKind::Lit(Literal::Str(String::new())), Type::Str, sp)
                } else {
                    one(
                        Intrinsic::ToStr(ferry_ir::Language::Python),
                        Type::Str,
                        self,
                    )
                }
            }
            "int" if n == 1 => cast(args[0].clone(), Type::BIG),
            "float" if n == 1 => cast(args[0].clone(), Type::Float),
            "ord" => one(Intrinsic::CharCode, Type::BIG, self),
            "chr" => one(Intrinsic::CodeChar, Type::Char, self),
            "sum" => one(Intrinsic::Sum, Type::Unknown, self),
            "any" => one(Intrinsic::Any, Type::Bool, self),
            "all" => one(Intrinsic::All, Type::Bool, self),
            "min" | "max" => {
                if n == 1 {
                    let op = if name == "min" {
                        Intrinsic::MinOf
                    } else {
                        Intrinsic::MaxOf
                    };
                    self.intr(op, args, Type::Unknown, sp)
                } else if n >= 2 {
                    let op = if name == "min" {
                        Intrinsic::Min
                    } else {
                        Intrinsic::Max
                    };
                    let mut it = args.into_iter();
                    let first = it.next()?;
                    it.fold(first, |acc, x| {
                        mk(
                            ExprKind::Intrinsic {
                                op,
                                args: vec![acc, x],
                            },
                            Type::Unknown,
                            sp,
                        )
                    })
                } else {
                    return Some(self.unsupported_expr(node, name));
                }
            }
            "pow" if n == 2 => mk(
                ExprKind::Binary {
                    op: BinOp::Pow,
                    lhs: Box::new(args[0].clone()),
                    rhs: Box::new(args[1].clone()),
                },
                Type::Unknown,
                sp,
            ),
            "divmod" if n == 2 => {
                let (a, b) = (args[0].clone(), args[1].clone());
                let q = mk(
                    ExprKind::Binary {
                        op: BinOp::Div(DivKind::Floor),
                        lhs: Box::new(a.clone()),
                        rhs: Box::new(b.clone()),
                    },
                    Type::BIG,
                    sp,
                );
                let r = mk(
                    ExprKind::Binary {
                        op: BinOp::Rem(RemKind::Floor),
                        lhs: Box::new(a),
                        rhs: Box::new(b),
                    },
                    Type::BIG,
                    sp,
                );
                mk(
                    ExprKind::TupleLit(vec![q, r]),
                    Type::Tuple(vec![Type::BIG, Type::BIG]),
                    sp,
                )
            }
            "range" if (1..=3).contains(&n) => {
                let zero = mk(ExprKind::Lit(Literal::Int(0)), Type::BIG, sp);
                let one_ = mk(ExprKind::Lit(Literal::Int(1)), Type::BIG, sp);
                let a = match n {
                    1 => vec![zero, args[0].clone(), one_],
                    2 => vec![args[0].clone(), args[1].clone(), one_],
                    _ => args,
                };
                self.intr(Intrinsic::Range, a, Type::list(Type::BIG), sp)
            }
            "enumerate" => one(Intrinsic::Enumerate, Type::Unknown, self),
            "Counter" if n == 1 => {
                let items = args.into_iter().next()?;
                self.counter(items, node)
            }
            "defaultdict" | "Counter" => {
                let factory = if name == "Counter" && n == 0 {
                    "int".to_string()
                } else if n == 1 {
                    pos.first()
                        .map(|f| self.text(*f).to_string())
                        .unwrap_or_default()
                } else {
                    String::new()
                };
                let Some(default) = self.factory_default(&factory, sp) else {
                    return Some(self.unsupported_expr(node, name));
                };
                self.intr(
                    Intrinsic::NewCollection,
                    vec![],
                    Type::map(Type::Unknown, default.ty),
                    sp,
                )
            }
            "map" | "filter" if n == 2 => {
                // `map(f, xs)` as `[f(x) for x in xs]`, `filter(f, xs)` as `[x for x in xs if f(x)]`.
                let f = self.key_function(args[0].clone());
                let var = self.fresh_name("item");
                let item = mk(ExprKind::Name(var.clone()), Type::Unknown, sp);
                let mut clauses = vec![ferry_ir::ComprehensionClause::For {
                    vars: vec![ferry_ir::Binding {
                        name: var,
                        ty: Type::Unknown,
                    }],
                    iter: args[1].clone(),
                }];
                let element = if name == "map" {
                    apply_key(&f, item)
                } else {
                    clauses.push(ferry_ir::ComprehensionClause::If(apply_key(
                        &f,
                        item.clone(),
                    )));
                    item
                };
                let c = ferry_ir::Comprehension {
                    kind: ferry_ir::ComprehensionKind::List,
                    element,
                    value: None,
                    clauses,
                };
                mk(ExprKind::Comprehension(Box::new(c)), Type::Unknown, sp)
            }
            "zip" if n == 2 => self.intr(Intrinsic::Zip, args, Type::Unknown, sp),
            "reversed" => one(Intrinsic::Reversed, Type::Unknown, self),
            "list" | "set" | "deque" | "dict" => {
                let ty = match name {
                    "list" => Type::list(Type::Unknown),
                    "set" => Type::set(Type::Unknown),
                    "deque" => Type::Deque(Box::new(Type::Unknown)),
                    _ => Type::map(Type::Unknown, Type::Unknown),
                };
                match n {
                    0 => self.intr(Intrinsic::NewCollection, vec![], ty, sp),
                    1 if name == "dict" => pairs_as_map(args[0].clone())
                        .unwrap_or_else(|| self.intr(Intrinsic::CopyOf, args, ty, sp)),
                    1 => self.intr(Intrinsic::CopyOf, args, ty, sp),
                    _ => return Some(self.unsupported_expr(node, name)),
                }
            }
            "sorted" => {
                if n != 1 {
                    return Some(self.unsupported_expr(node, "sorted"));
                }
                let key = kwarg("key").map(|k| self.expr(k));
                let reverse = kwarg("reverse").map(|r| self.expr(r));
                if key.is_none() && reverse.is_none() {
                    return Some(self.intr(Intrinsic::Sorted, args, Type::Unknown, sp));
                }
                if !self.pre_ok || !constant_order(reverse.as_ref()) {
                    // A sorted copy as an expression where no statement can come first.
                    let key = match key {
                        Some(k) => self.key_function(k),
                        None => identity(sp),
                    };
                    let reverse = reverse
                        .unwrap_or_else(|| mk(ExprKind::Lit(Literal::Bool(false)), Type::Bool, sp));
                    let mut args = args;
                    args.extend([key, reverse]);
                    return Some(self.intr(Intrinsic::SortedByKey, args, Type::Unknown, sp));
                }
                // A sorted copy in a temporary, then an in-place sort.
                let tmp = self.fresh_name("sorted");
                self.declared.insert(tmp.clone());
                let copy = self.intr(Intrinsic::CopyOf, args, Type::list(Type::Unknown), sp);
                self.pre.push(Stmt {
                    kind: StmtKind::Let {
                        name: tmp.clone(),
                        ty: Type::Unknown,
                        init: Some(copy),
                    },
                    span: sp,
                });
                let name = mk(ExprKind::Name(tmp.clone()), Type::Unknown, sp);
                let sort = self.sort_call(name.clone(), key, reverse, sp);
                self.pre.push(Stmt {
                    kind: StmtKind::Expr(sort),
                    span: sp,
                });
                name
            }
            _ => return None,
        };
        Some(e)
    }

    fn call_attribute(
        &mut self,
        func: Node<'_>,
        pos: &[Node<'_>],
        kw: &[(String, Node<'_>)],
        node: Node<'_>,
    ) -> Expr {
        let sp = span(node);
        let (Some(o), Some(a)) = (
            func.child_by_field_name("object"),
            func.child_by_field_name("attribute"),
        ) else {
            return self.unsupported_expr(node, "call");
        };
        let obj_text = self.text(o).to_string();
        let method = self.text(a).to_string();
        if method == "hexdigest" && pos.is_empty() && kw.is_empty() {
            if let Some(e) = self.hex_digest(o, node) {
                return e;
            }
        }
        // Functions of library modules.
        if node_kind(o) == "identifier" {
            if let Some(module) = self.library_module(&obj_text) {
                return self.module_call(&module, &method, pos, kw, node);
            }
        }
        // `d[k].append(x)` on a `defaultdict(list)`: create the missing list first.
        if let Some((factory, d, k)) = self.default_dict_index(o) {
            // The key is evaluated twice: keys are names, literals or pure expressions in practice.
            if (factory == "list" || factory == "set") && self.pre_ok {
                let dm = self.expr(d);
                let key = self.expr(k);
                let has = self.intr(
                    Intrinsic::Contains,
                    vec![dm.clone(), key.clone()],
                    Type::Bool,
                    sp,
                );
                let not = mk(
                    ExprKind::Unary {
                        op: UnaryOp::Not,
                        operand: Box::new(has),
                    },
                    Type::Bool,
                    sp,
                );
                let target = mk(
                    ExprKind::Index {
                        object: Box::new(dm),
                        index: Box::new(key),
                    },
                    Type::Unknown,
                    sp,
                );
                if let Some(empty) = self.factory_default(&factory, sp) {
                    let put = Stmt {
                        kind: StmtKind::Assign {
                            target,
                            op: None,
                            value: empty,
                        },
                        span: sp,
                    };
                    self.pre.push(Stmt {
                        kind: StmtKind::If {
                            cond: not,
                            then: ferry_ir::Block::new(vec![put]),
                            else_: None,
                        },
                        span: sp,
                    });
                }
                self.lvalue = true;
            }
        }
        // super().m(...)
        if node_kind(o) == "call"
            && o.child_by_field_name("function")
                .is_some_and(|f| self.text(f) == "super")
        {
            let args: Vec<Expr> = pos.iter().map(|x| self.expr(*x)).collect();
            let m = if method == "__init__" {
                CONSTRUCTOR.to_string()
            } else {
                method
            };
            let sup = mk(ExprKind::Super, Type::Unknown, span(o));
            return mk(
                ExprKind::MethodCall {
                    receiver: Box::new(sup),
                    method: m,
                    args,
                },
                Type::Unknown,
                sp,
            );
        }
        // Methods of user classes win over builtin methods of the same name.
        if self.methods.contains(&method) || (obj_text == "self") {
            if !kw.is_empty() {
                return self.unsupported_expr(node, "keyword arguments");
            }
            let receiver = self.expr(o);
            let args: Vec<Expr> = pos.iter().map(|x| self.expr(*x)).collect();
            return mk(
                ExprKind::MethodCall {
                    receiver: Box::new(receiver),
                    method,
                    args,
                },
                Type::Unknown,
                sp,
            );
        }
        // A static method or constructor through the class name.
        if self.classes.contains(&obj_text) {
            let receiver = self.expr(o);
            let args: Vec<Expr> = pos.iter().map(|x| self.expr(*x)).collect();
            return mk(
                ExprKind::MethodCall {
                    receiver: Box::new(receiver),
                    method,
                    args,
                },
                Type::Unknown,
                sp,
            );
        }
        // "sep".join(xs), "fmt".format(...)
        if method == "join" && pos.len() == 1 {
            let sep = self.expr(o);
            let parts = self.expr(pos[0]);
            return self.intr(Intrinsic::Join, vec![sep, parts], Type::Str, sp);
        }
        if method == "format" && node_kind(o) == "string" {
            let f = self.string(o);
            let ExprKind::Lit(Literal::Str(fmt)) = &f.kind else {
                return self.unsupported_expr(node, "str.format");
            };
            let fmt = fmt.clone();
            let args: Vec<Expr> = pos.iter().map(|x| self.expr(*x)).collect();
            return self.str_format(&fmt, args, sp, node);
        }
        let receiver = self.expr(o);
        if method == "sort" {
            let key = kw
                .iter()
                .find(|(k, _)| k == "key")
                .map(|(_, v)| *v)
                .map(|k| self.expr(k));
            let reverse = kw
                .iter()
                .find(|(k, _)| k == "reverse")
                .map(|(_, v)| *v)
                .map(|r| self.expr(r));
            if !constant_order(reverse.as_ref()) {
                return self.unsupported_expr(node, "sort order decided at run time");
            }
            return self.sort_call(receiver, key, reverse, sp);
        }
        let Some(pos) = by_position(&method, pos, kw) else {
            return self.unsupported_expr(node, "keyword arguments");
        };
        let mut args: Vec<Expr> = vec![receiver];
        args.extend(pos.iter().map(|x| self.expr(*x)));
        if method == "split"
            && matches!(
                args.get(1).map(|a| &a.kind),
                Some(ExprKind::Lit(Literal::Null))
            )
        {
            // `s.split(None)` splits on whitespace.
            args.truncate(1);
        }
        let n = args.len() - 1;
        if method == "get" && n == 1 {
            args.push(mk(ExprKind::Lit(Literal::Null), Type::Unknown, sp));
        }
        let n = if method == "get" { 2 } else { n };
        if let Some((_, _, op)) = METHODS.iter().find(|(m, k, _)| *m == method && *k == n) {
            let ty = match op {
                Intrinsic::Count | Intrinsic::IndexOf | Intrinsic::LastIndexOf => Type::BIG,
                _ => Type::Unknown,
            };
            // `xs.pop(0)` on a deque-like list stays RemoveAt.
            return self.intr(*op, args, ty, sp);
        }
        let _ = UnaryOp::Not;
        self.unsupported_expr(node, &format!("method `{method}`"))
    }
}

/// The parameters of builtin methods that calls may name (`s.split(sep=",")`).
const KEYWORD_PARAMETERS: &[(&str, &[&str])] = &[("split", &["sep"])];

/// The arguments of a builtin method call in parameter order, keywords placed where their
/// parameters stand; `None` when a keyword is not one of the method's or leaves a gap.
fn by_position<'t>(
    method: &str,
    pos: &[Node<'t>],
    kw: &[(String, Node<'t>)],
) -> Option<Vec<Node<'t>>> {
    let mut out = pos.to_vec();
    if kw.is_empty() {
        return Some(out);
    }
    let (_, params) = KEYWORD_PARAMETERS.iter().find(|(m, _)| *m == method)?;
    for p in params.iter().skip(pos.len()) {
        match kw.iter().find(|(k, _)| k == p) {
            Some((_, v)) => out.push(*v),
            None => break,
        }
    }
    (out.len() == pos.len() + kw.len()).then_some(out)
}

fn add(a: Expr, b: Expr) -> Expr {
    let sp = a.span;
    mk(
        ExprKind::Binary {
            op: BinOp::Add,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        Type::Str,
        sp,
    )
}

/// Whether a `reverse=` argument is absent or a literal: the backends print a fixed order.
fn constant_order(reverse: Option<&Expr>) -> bool {
    reverse.is_none_or(|r| matches!(r.kind, ExprKind::Lit(Literal::Bool(_))))
}

/// `dict([(k, v) for ...])`: the comprehension of pairs as a map comprehension.
fn pairs_as_map(arg: Expr) -> Option<Expr> {
    let ExprKind::Comprehension(mut c) = arg.kind else {
        return None;
    };
    let ExprKind::TupleLit(items) = &mut c.element.kind else {
        return None;
    };
    let [key, value] = std::mem::take(items).try_into().ok()?;
    c.element = key;
    c.value = Some(value);
    c.kind = ferry_ir::ComprehensionKind::Map;
    Some(mk(ExprKind::Comprehension(c), Type::Unknown, arg.span))
}
