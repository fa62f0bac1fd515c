//! Java streams as comprehensions: `xs.stream().filter(p -> p > 0).map(p -> p * 2)` is
//! `[p * 2 for p in xs if p > 0]`, and the terminal operation says what is built or consumed
//! (`collect(toList())` a list, `sum()` a `Sum` over a generator, `count()` a `Len`, `anyMatch`
//! an `Any`). Lambdas and method references are applied inline to the current element
//! (`functional.rs`). `reduce`, `max`, `min` and `findFirst` give an optional result, read by
//! the accessor that follows (`orElse`, `get`, `isPresent`) or kept as an `Optional` value.

use ferry_ir::{
    Binding, Block, Comprehension, ComprehensionClause, ComprehensionKind, Expr, ExprKind,
    Intrinsic, Literal, Stmt, StmtKind, Type, UnaryOp,
};
use tree_sitter::Node;

use ferry_ir::intrinsics::StrUnit;

use super::calls::args_of;
use super::expr::{intrinsic, with_ty};
use super::functional::{is_natural_order, lambda_params, uses};
use super::{span, Lowerer};

/// A pipeline being lowered: `for vars in iter if filters..` yielding `element`.
#[derive(Clone)]
struct Pipeline {
    iter: Expr,
    /// One loop variable, or a key and a value for the entries of a map.
    vars: Vec<Binding>,
    filters: Vec<Expr>,
    element: Expr,
    /// The element before any mapping: the loop variable, or the (key, value) pair.
    origin: Expr,
}

impl Pipeline {
    /// No filter and no mapping: the elements are those of `iter`.
    fn is_plain(&self) -> bool {
        self.filters.is_empty() && self.element == self.origin
    }

    /// The comprehension of the pipeline with `element` as what it yields.
    fn build(&self, kind: ComprehensionKind, element: Expr) -> Expr {
        let sp = element.span;
        let ty = match kind {
            ComprehensionKind::Set => Type::set(element.ty.clone()),
            _ => Type::list(element.ty.clone()),
        };
        let mut clauses = vec![ComprehensionClause::For {
            vars: self.vars.clone(),
            iter: self.iter.clone(),
        }];
        clauses.extend(self.filters.iter().cloned().map(ComprehensionClause::If));
        Expr::new(
            ExprKind::Comprehension(Box::new(Comprehension {
                kind,
                element,
                value: None,
                clauses,
            })),
            ty,
            sp,
        )
    }

    /// The elements as a list (the source itself when it is one and nothing changed).
    fn list(&self) -> Expr {
        if self.is_plain() && matches!(self.iter.ty, Type::List(_) | Type::Array(_)) {
            return self.iter.clone();
        }
        self.build(ComprehensionKind::List, self.element.clone())
    }

    /// The elements for a consumer like `Sum`: a generator, or the source itself.
    fn generator(&self) -> Expr {
        if self.is_plain() {
            return self.iter.clone();
        }
        self.build(ComprehensionKind::Generator, self.element.clone())
    }
}

/// What a terminal operation gives.
enum Terminal {
    /// Its value.
    Value(Expr),
    /// An optional result, read by the accessor that follows.
    Optional(Partial),
    /// An operation the lowering does not know.
    Unknown,
}

/// An optional result of a terminal operation, before its accessor.
struct Partial {
    /// The value when the stream is not empty.
    value: Expr,
    /// The elements, to test for emptiness.
    list: Expr,
}

/// An element that may be repeated without computing anything twice.
fn is_simple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Lit(_) => true,
        ExprKind::Intrinsic {
            op: Intrinsic::CharCode,
            args,
        } => args.iter().all(is_simple),
        _ => false,
    }
}

fn method_name<'s>(l: &Lowerer<'s>, node: Node<'_>) -> &'s str {
    node.child_by_field_name("name").map_or("", |n| l.text(n))
}

/// Whether a method call starts a stream: `xs.stream()`, `Arrays.stream(a)`,
/// `IntStream.range(a, b)`, `Stream.of(..)`, `s.chars()`.
fn is_source(l: &Lowerer<'_>, node: Node<'_>) -> bool {
    if node.kind() != "method_invocation" {
        return false;
    }
    let Some(obj) = node.child_by_field_name("object") else {
        return false;
    };
    let n_args = args_of(node).len();
    match (l.text(obj), method_name(l, node)) {
        ("Arrays", "stream") => n_args == 1,
        ("IntStream" | "LongStream", "range" | "rangeClosed") => n_args == 2,
        ("Stream" | "IntStream", "of") => true,
        (_, "stream" | "chars") => n_args == 0,
        _ => false,
    }
}

/// The source of the stream that `node` ends, and the operations after it in order.
fn chain<'t>(l: &Lowerer<'_>, node: Node<'t>) -> Option<(Node<'t>, Vec<Node<'t>>)> {
    let mut ops = Vec::new();
    let mut cur = node;
    for _ in 0..64 {
        if is_source(l, cur) {
            if ops.is_empty() {
                return None;
            }
            ops.reverse();
            return Some((cur, ops));
        }
        ops.push(cur);
        cur = cur
            .child_by_field_name("object")
            .filter(|o| o.kind() == "method_invocation")?;
    }
    None
}

fn expr_stmt(e: Expr) -> Stmt {
    let span = e.span;
    Stmt {
        kind: StmtKind::Expr(e),
        span,
    }
}

fn lit(l: Literal, ty: Type, e: &Expr) -> Expr {
    Expr::new(ExprKind::Lit(l), ty, e.span)
}

fn not(e: Expr) -> Expr {
    let sp = e.span;
    Expr::new(
        ExprKind::Unary {
            op: UnaryOp::Not,
            operand: Box::new(e),
        },
        Type::Bool,
        sp,
    )
}

impl Lowerer<'_> {
    /// The stream pipeline that ends with the call `node`, or `None` when `node` ends none.
    pub(super) fn stream(&mut self, node: Node<'_>) -> Option<Expr> {
        let (source, ops) = chain(self, node)?;
        Some(self.pipeline(node, source, &ops))
    }

    fn pipeline(&mut self, node: Node<'_>, source: Node<'_>, ops: &[Node<'_>]) -> Expr {
        let (p, done) = match self.stages(source, ops, None) {
            Ok(x) => x,
            Err(e) => return e,
        };
        let Some((op, mut rest)) = ops.get(done..).and_then(|r| r.split_first()) else {
            return self.unsupported_call(node, "stream kept as a value");
        };
        let name = method_name(self, *op);
        let mut value = match self.terminal(&p, *op) {
            Terminal::Value(v) => v,
            Terminal::Optional(part) => {
                let accessor = rest.first().copied();
                if accessor.is_some() {
                    rest = rest.get(1..).unwrap_or(&[]);
                }
                self.optional_result(part, *op, accessor)
            }
            Terminal::Unknown => {
                return self.unsupported_call(*op, &format!("stream operation `{name}`"))
            }
        };
        for r in rest {
            let name = method_name(self, *r);
            value = self.method_on(*r, value, "", name, &args_of(*r));
        }
        value
    }

    /// The source and the intermediate operations (`filter`, `map`, `sorted`, ..) from the
    /// start of `ops`: the pipeline and how many operations it took.
    /// The loop variable is named after the first lambda parameter, else `hint`.
    fn stages(
        &mut self,
        source: Node<'_>,
        ops: &[Node<'_>],
        hint: Option<String>,
    ) -> Result<(Pipeline, usize), Expr> {
        let var = ops
            .iter()
            .filter_map(|op| args_of(*op).first().copied())
            .find(|f| f.kind() == "lambda_expression")
            .and_then(|f| lambda_params(self, f).first().map(|p| p.to_string()))
            .or(hint);
        let mut p = self.stream_source(source, var)?;
        for (i, op) in ops.iter().enumerate() {
            let name = method_name(self, *op);
            let args = args_of(*op);
            match (name, args.as_slice()) {
                ("filter", [f]) => match self.stage(&mut p, *f) {
                    Some(c) => p.filters.push(c),
                    None => {
                        return Err(self.unsupported_call(*op, "stream filter with this function"))
                    }
                },
                ("map" | "mapToInt" | "mapToLong" | "mapToObj" | "mapToDouble", [f]) => {
                    let Some(mut e) = self.stage(&mut p, *f) else {
                        return Err(self.unsupported_call(*op, "stream map with this function"));
                    };
                    if name == "mapToDouble" && e.ty.is_int() {
                        let sp = e.span;
                        e = Expr::new(
                            ExprKind::Cast {
                                expr: Box::new(e),
                                to: Type::Float,
                            },
                            Type::Float,
                            sp,
                        );
                    } else if name != "mapToObj" {
                        e = self.as_number(e);
                    }
                    p.element = e;
                }
                ("boxed" | "parallel" | "sequential", []) => {}
                ("sorted", []) => {
                    let sorted = intrinsic(Intrinsic::Sorted, vec![p.list()], *op);
                    let name = self.fresh("x");
                    p = self.restart(sorted, name);
                }
                _ => return Ok((p, i)),
            }
        }
        Ok((p, ops.len()))
    }

    /// `xs.forEach(f)` and `xs.stream()...forEach(f)` as a statement: a loop over the elements
    /// whose body is `f` applied to each; `None` when `node` is no `forEach`.
    pub(super) fn for_each(&mut self, node: Node<'_>) -> Option<Stmt> {
        let [f] = args_of(node)[..] else {
            return None;
        };
        let obj = node.child_by_field_name("object")?;
        if method_name(self, node) != "forEach"
            || obj.kind() != "method_invocation"
                && obj.kind() != "identifier"
                && obj.kind() != "field_access"
        {
            return None;
        }
        let param = match f.kind() {
            "lambda_expression" => lambda_params(self, f).first().map(|p| p.to_string()),
            _ => None,
        };
        let mut p = if is_source(self, obj) {
            match self.stages(obj, &[], param.clone()) {
                Ok((p, _)) => p,
                Err(e) => return Some(expr_stmt(e)),
            }
        } else if let Some((source, ops)) = chain(self, obj) {
            match self.stages(source, &ops, param.clone()) {
                Ok((p, done)) if done == ops.len() => p,
                Ok(_) => {
                    return Some(expr_stmt(
                        self.unsupported_call(node, "forEach after this stream operation"),
                    ))
                }
                Err(e) => return Some(expr_stmt(e)),
            }
        } else {
            let xs = self.expr(obj);
            if !matches!(xs.ty, Type::List(_) | Type::Set(_) | Type::Deque(_)) {
                return Some(expr_stmt(
                    self.unsupported_call(node, &format!("forEach on {}", xs.ty)),
                ));
            }
            let var = param.clone().unwrap_or_else(|| self.fresh("x"));
            self.restart(xs, var)
        };
        // A body that reads the element more than once reads it from a pipeline of its own.
        let reads_once = match (f.kind(), &param, f.child_by_field_name("body")) {
            ("lambda_expression", Some(name), Some(body)) => uses(self, body, name) <= 1,
            ("lambda_expression", ..) => false,
            _ => true,
        };
        if !is_simple(&p.element) && !reads_once {
            let inner = p.build(ComprehensionKind::Generator, p.element.clone());
            let var = param.unwrap_or_else(|| self.fresh("x"));
            p = self.restart(inner, var);
        }
        let body = match f.kind() {
            "lambda_expression" => self.lambda_body_with(f, vec![p.element.clone()]),
            _ => self
                .apply(f, vec![p.element.clone()])
                .map(|e| Block::new(vec![expr_stmt(e)])),
        };
        let Some(mut body) = body else {
            return Some(expr_stmt(
                self.unsupported_call(node, "forEach with this function"),
            ));
        };
        for c in p.filters.into_iter().rev() {
            let sp = c.span;
            body = Block::new(vec![Stmt {
                kind: StmtKind::If {
                    cond: c,
                    then: body,
                    else_: None,
                },
                span: sp,
            }]);
        }
        Some(Stmt {
            kind: StmtKind::ForEach {
                label: None,
                vars: p.vars,
                iter: p.iter,
                body,
            },
            span: span(node),
        })
    }

    /// A pipeline over `iter` whose loop variable is `var` (a fresh name when no lambda names
    /// it); over a map's entries, `varKey` and `varValue` with the pair as the element.
    fn restart(&mut self, iter: Expr, var: String) -> Pipeline {
        let sp = iter.span;
        let ty = match &iter.ty {
            Type::Str => Type::Char,
            t => t.element().cloned().unwrap_or(Type::Unknown),
        };
        let name = |n: &str, ty: &Type| Expr::new(ExprKind::Name(n.to_string()), ty.clone(), sp);
        let entries = matches!(
            iter.kind,
            ExprKind::Intrinsic {
                op: Intrinsic::Items,
                ..
            }
        );
        let (vars, element) = match &ty {
            Type::Tuple(kv) if entries && kv.len() == 2 => {
                let vars: Vec<Binding> = ["Key", "Value"]
                    .iter()
                    .zip(kv)
                    .map(|(suffix, t)| Binding {
                        name: format!("{var}{suffix}"),
                        ty: t.clone(),
                    })
                    .collect();
                let pair = vars.iter().map(|b| name(&b.name, &b.ty)).collect();
                (vars, Expr::new(ExprKind::TupleLit(pair), ty.clone(), sp))
            }
            _ => {
                let element = name(&var, &ty);
                (vec![Binding { name: var, ty }], element)
            }
        };
        Pipeline {
            iter,
            vars,
            filters: Vec::new(),
            origin: element.clone(),
            element,
        }
    }

    /// A name for a loop variable that no local, field or function of the module uses.
    fn fresh(&self, base: &str) -> String {
        let taken = |n: &str| {
            self.local(n).is_some()
                || self.aliases.contains_key(n)
                || self.globals.contains_key(n)
                || self.functions.contains_key(n)
                || self
                    .current
                    .as_ref()
                    .is_some_and(|c| self.field_type(c, n).is_some())
        };
        let mut name = base.to_string();
        let mut i = 1;
        while taken(&name) {
            i += 1;
            name = format!("{base}{i}");
        }
        name
    }

    fn stream_source(&mut self, node: Node<'_>, var: Option<String>) -> Result<Pipeline, Expr> {
        let sp = span(node);
        let obj = node.child_by_field_name("object");
        let otext = obj.map_or("", |o| self.text(o));
        let name = method_name(self, node);
        let args = args_of(node);
        match (otext, name) {
            ("Arrays", "stream") => {
                let a = self.expr(args[0]);
                let var = var.unwrap_or_else(|| self.fresh("x"));
                Ok(self.restart(a, var))
            }
            ("IntStream" | "LongStream", "range" | "rangeClosed") => {
                let int = if otext == "IntStream" {
                    Type::I32
                } else {
                    Type::I64
                };
                let start = self.expr_expect(args[0], &int);
                let mut end = self.expr_expect(args[1], &int);
                if name == "rangeClosed" {
                    let one = lit(Literal::Int(1), int.clone(), &end);
                    end = self.binary_op("+", end, one, node);
                }
                let step = lit(Literal::Int(1), int.clone(), &start);
                let range = with_ty(
                    Intrinsic::Range,
                    vec![start, end, step],
                    Type::list(int),
                    node,
                );
                let var = var.unwrap_or_else(|| self.fresh("i"));
                Ok(self.restart(range, var))
            }
            ("Stream" | "IntStream", "of") => {
                let items: Vec<Expr> = args.iter().map(|a| self.expr(*a)).collect();
                let el = items.first().map_or(Type::Unknown, |i| i.ty.clone());
                let list = Expr::new(ExprKind::ListLit(items), Type::list(el), sp);
                let var = var.unwrap_or_else(|| self.fresh("x"));
                Ok(self.restart(list, var))
            }
            (_, "chars") => {
                let Some(o) = obj else {
                    return Err(self.missing(node));
                };
                let s = self.expr(o);
                if s.ty != Type::Str {
                    return Err(self.unsupported_call(node, "chars() of a non-string"));
                }
                let chars = intrinsic(Intrinsic::Chars, vec![s], node);
                let var = var.unwrap_or_else(|| self.fresh("c"));
                let mut p = self.restart(chars, var);
                // `chars()` streams the characters as `int`s.
                p.element = self.as_number(p.element);
                Ok(p)
            }
            _ => {
                let Some(o) = obj else {
                    return Err(self.missing(node));
                };
                let xs = self.expr(o);
                if !matches!(
                    xs.ty,
                    Type::List(_) | Type::Set(_) | Type::Array(_) | Type::Deque(_)
                ) {
                    return Err(self.unsupported_call(node, &format!("stream of {}", xs.ty)));
                }
                let var = var.unwrap_or_else(|| self.fresh("x"));
                Ok(self.restart(xs, var))
            }
        }
    }

    /// `f` applied to the current element. A lambda that reads its parameter more than once
    /// over an element that is a computation gets a pipeline of its own over those values.
    fn stage(&mut self, p: &mut Pipeline, f: Node<'_>) -> Option<Expr> {
        if f.kind() == "lambda_expression" && !is_simple(&p.element) {
            if let [param] = lambda_params(self, f).as_slice() {
                let body = f.child_by_field_name("body")?;
                if uses(self, body, param) > 1 {
                    let inner = p.build(ComprehensionKind::Generator, p.element.clone());
                    *p = self.restart(inner, (*param).to_string());
                }
            }
        }
        self.apply(f, vec![p.element.clone()])
    }

    /// A terminal operation and what it gives.
    fn terminal(&mut self, p: &Pipeline, op: Node<'_>) -> Terminal {
        use Intrinsic as I;
        let name = method_name(self, op);
        let args = args_of(op);
        let el = p.element.ty.clone();
        match (name, args.as_slice()) {
            ("toList", []) => Terminal::Value(self.collect_list(p)),
            ("collect", [c]) => self
                .collector(p, *c)
                .map_or(Terminal::Unknown, Terminal::Value),
            ("sum", []) => Terminal::Value(with_ty(I::Sum, vec![p.generator()], el, op)),
            ("count", []) => {
                // What is counted does not matter: count the elements of the source.
                let var = p.origin.clone();
                let items = if p.filters.is_empty() {
                    p.iter.clone()
                } else {
                    p.build(ComprehensionKind::List, var)
                };
                Terminal::Value(with_ty(
                    I::Len(StrUnit::CodeUnit),
                    vec![items],
                    Type::I64,
                    op,
                ))
            }
            ("anyMatch" | "allMatch" | "noneMatch", [f]) => {
                let mut q = p.clone();
                let Some(test) = self.stage(&mut q, *f) else {
                    return Terminal::Unknown;
                };
                let items = q.build(ComprehensionKind::Generator, test);
                let op_ = if name == "allMatch" { I::All } else { I::Any };
                let e = with_ty(op_, vec![items], Type::Bool, op);
                Terminal::Value(if name == "noneMatch" { not(e) } else { e })
            }
            ("reduce", [identity, f]) if self.is_sum(*f, &el) => {
                let init = self.expr_expect(*identity, &el);
                let sum = with_ty(I::Sum, vec![p.generator()], el, op);
                if matches!(init.kind, ExprKind::Lit(Literal::Int(0))) {
                    Terminal::Value(sum)
                } else {
                    Terminal::Value(self.binary_op("+", init, sum, op))
                }
            }
            ("reduce", [f]) if self.is_sum(*f, &el) => Terminal::Optional(Partial {
                value: with_ty(I::Sum, vec![p.generator()], el, op),
                list: p.list(),
            }),
            ("max" | "min", cmp) if cmp.iter().all(|c| is_natural_order(self, *c)) => {
                let list = p.list();
                let op_ = if name == "max" { I::MaxOf } else { I::MinOf };
                Terminal::Optional(Partial {
                    value: with_ty(op_, vec![list.clone()], el, op),
                    list,
                })
            }
            ("average", []) if el.is_numeric() => {
                let list = p.list();
                let sp = span(op);
                let float = |e: Expr| {
                    Expr::new(
                        ExprKind::Cast {
                            expr: Box::new(e),
                            to: Type::Float,
                        },
                        Type::Float,
                        sp,
                    )
                };
                let sum = float(with_ty(I::Sum, vec![p.generator()], el, op));
                let len = float(with_ty(
                    I::Len(StrUnit::CodeUnit),
                    vec![list.clone()],
                    Type::I32,
                    op,
                ));
                Terminal::Optional(Partial {
                    value: Expr::new(
                        ExprKind::Binary {
                            op: ferry_ir::BinOp::Div(ferry_ir::DivKind::True),
                            lhs: Box::new(sum),
                            rhs: Box::new(len),
                        },
                        Type::Float,
                        sp,
                    ),
                    list,
                })
            }
            ("findFirst" | "findAny", []) => {
                let list = p.list();
                let zero = lit(Literal::Int(0), Type::I32, &list);
                Terminal::Optional(Partial {
                    value: Expr::new(
                        ExprKind::Index {
                            object: Box::new(list.clone()),
                            index: Box::new(zero),
                        },
                        el,
                        span(op),
                    ),
                    list,
                })
            }
            _ => Terminal::Unknown,
        }
    }

    fn collect_list(&mut self, p: &Pipeline) -> Expr {
        if p.is_plain() {
            let ty = Type::list(p.element.ty.clone());
            let sp = p.iter.span;
            return Expr::new(
                ExprKind::Intrinsic {
                    op: Intrinsic::CopyOf,
                    args: vec![p.iter.clone()],
                },
                ty,
                sp,
            );
        }
        p.build(ComprehensionKind::List, p.element.clone())
    }

    /// `collect(Collectors.toList())`, `toSet()`, `joining(sep)`, `toCollection(ArrayList::new)`.
    fn collector(&mut self, p: &Pipeline, c: Node<'_>) -> Option<Expr> {
        if c.kind() != "method_invocation" {
            return None;
        }
        let owner = c.child_by_field_name("object").map(|o| self.text(o))?;
        if owner != "Collectors" {
            return None;
        }
        let args = args_of(c);
        let arg_text = args.first().map(|a| self.text(*a));
        match (method_name(self, c), arg_text) {
            ("toList" | "toUnmodifiableList", None)
            | ("toCollection", Some("ArrayList::new" | "LinkedList::new")) => {
                Some(self.collect_list(p))
            }
            ("toSet" | "toUnmodifiableSet", None) | ("toCollection", Some("HashSet::new")) => {
                Some(p.build(ComprehensionKind::Set, p.element.clone()))
            }
            ("joining", _) if args.len() <= 1 => {
                let sep = match args.first() {
                    Some(a) => self.expr(*a),
                    None => Expr::new(
                        ExprKind::Lit(Literal::Str(String::new())),
                        Type::Str,
                        span(c),
                    ),
                };
                let part = match p.element.ty {
                    Type::Char => intrinsic(Intrinsic::CharToStr, vec![p.element.clone()], c),
                    _ => self.stringify(p.element.clone()),
                };
                let parts = if p.is_plain() && p.element.ty == Type::Str {
                    p.list()
                } else {
                    p.build(ComprehensionKind::List, part)
                };
                Some(intrinsic(Intrinsic::Join, vec![sep, parts], c))
            }
            _ => None,
        }
    }

    /// Whether `f` adds its two arguments: `Integer::sum`, `(a, b) -> a + b`.
    fn is_sum(&mut self, f: Node<'_>, el: &Type) -> bool {
        if !el.is_numeric() {
            return false;
        }
        let text: String = self.text(f).split_whitespace().collect();
        if matches!(text.as_str(), "Integer::sum" | "Long::sum" | "Double::sum") {
            return true;
        }
        let params = lambda_params(self, f);
        let [a, b] = params.as_slice() else {
            return false;
        };
        let body: String = f
            .child_by_field_name("body")
            .map(|b| self.text(b).split_whitespace().collect())
            .unwrap_or_default();
        body == format!("{a}+{b}") || body == format!("{b}+{a}")
    }

    /// An optional stream result read by `accessor` (`get`, `orElse(d)`, `isPresent`), or kept
    /// as an `Optional` value when there is none.
    fn optional_result(&mut self, part: Partial, op: Node<'_>, accessor: Option<Node<'_>>) -> Expr {
        let sp = span(op);
        let empty = intrinsic(Intrinsic::IsEmpty, vec![part.list], op);
        let ty = part.value.ty.clone();
        let is_sum = matches!(
            part.value.kind,
            ExprKind::Intrinsic {
                op: Intrinsic::Sum,
                ..
            }
        );
        let optional = |empty: Expr, value: Expr| {
            let null = Expr::new(
                ExprKind::Lit(Literal::Null),
                Type::Optional(Box::new(ty.clone())),
                sp,
            );
            cond(empty, null, value, Type::Optional(Box::new(ty.clone())))
        };
        let Some(acc) = accessor else {
            return optional(empty, part.value);
        };
        let args = args_of(acc);
        match (method_name(self, acc), args.as_slice()) {
            // A sum is there for an empty stream too: the optional keeps it absent.
            ("get" | "getAsInt" | "getAsLong" | "getAsDouble" | "orElseThrow", []) if is_sum => {
                optional(empty, part.value)
            }
            ("get" | "getAsInt" | "getAsLong" | "getAsDouble" | "orElseThrow", []) => part.value,
            ("orElse", [d]) => {
                let d = self.expr_expect(*d, &ty);
                if is_sum && matches!(d.kind, ExprKind::Lit(Literal::Int(0))) {
                    return part.value;
                }
                cond(empty, d, part.value, ty)
            }
            ("isPresent", []) => not(empty),
            ("isEmpty", []) => empty,
            _ => self.unsupported_call(acc, "this use of an optional stream result"),
        }
    }
}

fn cond(c: Expr, then: Expr, else_: Expr, ty: Type) -> Expr {
    let sp = c.span;
    Expr::new(
        ExprKind::Cond {
            cond: Box::new(c),
            then: Box::new(then),
            else_: Box::new(else_),
        },
        ty,
        sp,
    )
}
