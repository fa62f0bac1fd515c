//! Expressions: operators with their exact semantics, literals, calls and collections.

use ferry_ir::{
    BinOp, DivKind, EqKind, Expr, ExprKind, LambdaBody, Literal, RemKind, Type, UnaryOp,
    CONSTRUCTOR,
};

use super::precedence::{binary, tighter, Prec};
use super::types::is_primitive;
use super::{names, Printer};
use crate::literal::{double_quoted, ControlEscape};

impl Printer<'_> {
    /// An expression in a context that binds no tighter than an assignment.
    pub(super) fn expr(&mut self, e: &Expr) -> String {
        self.expr_prec(e, Prec::Lowest)
    }

    /// An expression whose value lands in a slot of type `ty`.
    pub(super) fn expr_as(&mut self, e: &Expr, ty: &Type) -> String {
        if let (ExprKind::Lit(Literal::Int(n)), Type::Float) = (&e.kind, ty) {
            return format!("{n}.0");
        }
        if let (ExprKind::Lit(Literal::Int(n)), true) = (&e.kind, self.is_long(ty)) {
            if i32::try_from(*n).is_err() {
                return format!("{n}L");
            }
        }
        self.expr(e)
    }

    /// An expression, parenthesised if it binds looser than `min`.
    pub(super) fn expr_prec(&mut self, e: &Expr, min: Prec) -> String {
        let (text, prec) = self.expr_inner(e);
        if prec < min {
            format!("({text})")
        } else {
            text
        }
    }

    pub(super) fn name(&self, name: &str) -> String {
        if let Some(r) = self.renames.get(name) {
            return r.clone();
        }
        match self.globals.get(name) {
            Some(true) => names::constant(name, self.opts.naming),
            _ => names::value(name, self.opts.naming),
        }
    }

    pub(super) fn args(&mut self, args: &[Expr]) -> String {
        let parts: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
        parts.join(", ")
    }

    fn expr_inner(&mut self, e: &Expr) -> (String, Prec) {
        match &e.kind {
            ExprKind::Lit(l) => (self.literal(l, &e.ty), Prec::Primary),
            ExprKind::Name(n) => (self.name(n), Prec::Primary),
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, &e.ty),
            ExprKind::Unary { op, operand } => {
                let o = self.expr_prec(operand, Prec::Unary);
                let sym = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Not => "!",
                    UnaryOp::BitNot => "~",
                };
                let sep = if o.starts_with(sym) { " " } else { "" };
                (format!("{sym}{sep}{o}"), Prec::Unary)
            }
            ExprKind::IncDec {
                target,
                increment,
                prefix,
            } => {
                let t = self.expr_prec(target, Prec::Postfix);
                let op = if *increment { "++" } else { "--" };
                if *prefix {
                    (format!("{op}{t}"), Prec::Unary)
                } else {
                    (format!("{t}{op}"), Prec::Postfix)
                }
            }
            ExprKind::Cond { cond, then, else_ } => {
                let c = self.expr_prec(cond, Prec::Or);
                let t = self.expr_prec(then, Prec::Or);
                let f = self.expr_prec(else_, Prec::Cond);
                (format!("{c} ? {t} : {f}"), Prec::Cond)
            }
            ExprKind::Call { func, args } => {
                let a = self.args(args);
                let name = self
                    .opts
                    .function_name(func, || names::value(func, self.opts.naming));
                let unwrap = self.unwrap_optional(func);
                (format!("{name}({a}){unwrap}"), Prec::Postfix)
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                let a = self.args(args);
                if method == CONSTRUCTOR {
                    let r = if matches!(receiver.kind, ExprKind::Super) {
                        "super"
                    } else {
                        "this"
                    };
                    return (format!("{r}({a})"), Prec::Postfix);
                }
                let m = self
                    .opts
                    .function_name(method, || super::method_name(method, self.opts.naming));
                let r = match &receiver.kind {
                    ExprKind::Name(n) if self.classes.contains_key(n) => self.class_name(n),
                    _ => self.expr_prec(receiver, Prec::Postfix),
                };
                let unwrap = self.unwrap_optional(method);
                (format!("{r}.{m}({a}){unwrap}"), Prec::Postfix)
            }
            ExprKind::CallValue { callee, args } => {
                let c = self.expr_prec(callee, Prec::Postfix);
                let a = self.args(args);
                let method = match &callee.ty {
                    Type::Func(ps, r) => match (ps.len(), &**r) {
                        (0, Type::Void) => "run",
                        (0, _) => "get",
                        (_, Type::Void) => "accept",
                        _ => "apply",
                    },
                    _ => "apply",
                };
                (format!("{c}.{method}({a})"), Prec::Postfix)
            }
            ExprKind::Field { object, name } => {
                let o = match &object.kind {
                    ExprKind::Name(n) if self.classes.contains_key(n) => self.class_name(n),
                    _ => self.expr_prec(object, Prec::Postfix),
                };
                (
                    format!("{o}.{}", names::value(name, self.opts.naming)),
                    Prec::Postfix,
                )
            }
            ExprKind::Index { object, index } => self.index(object, index),
            ExprKind::Slice {
                object,
                start,
                end,
                step,
            } => self.slice(e, object, start.as_deref(), end.as_deref(), step.as_deref()),
            ExprKind::Intrinsic { op, args } => self.intrinsic(*op, args, e),
            ExprKind::New { class, args } => {
                let a = self.args(args);
                (
                    format!("new {}({a})", self.class_name(class)),
                    Prec::Postfix,
                )
            }
            ExprKind::ListLit(items) => self.list_lit(items, &e.ty),
            ExprKind::MapLit(pairs) => {
                let kind = self.map_impl();
                if pairs.is_empty() {
                    return (format!("new {kind}<>()"), Prec::Postfix);
                }
                let h = self.helper("ferryMapOf");
                let parts: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}, {}", self.expr(k), self.expr(v)))
                    .collect();
                let (k, v) = match &e.ty {
                    Type::Map(k, v) => (self.boxed(k), self.boxed(v)),
                    _ => ("Object".to_string(), "Object".to_string()),
                };
                (
                    format!("{h}(new {kind}<{k}, {v}>(), {})", parts.join(", ")),
                    Prec::Postfix,
                )
            }
            ExprKind::SetLit(items) => {
                self.import("java.util.HashSet");
                if items.is_empty() {
                    return ("new HashSet<>()".into(), Prec::Postfix);
                }
                self.import("java.util.Arrays");
                let a = self.args(items);
                (format!("new HashSet<>(Arrays.asList({a}))"), Prec::Postfix)
            }
            ExprKind::TupleLit(items) => {
                let name = self.tuple_record(items.len());
                let a = self.args(items);
                (format!("new {name}<>({a})"), Prec::Postfix)
            }
            ExprKind::Lambda { params, body } => {
                let ps: Vec<String> = params
                    .iter()
                    .map(|p| names::value(&p.name, self.opts.naming))
                    .collect();
                let head = if ps.len() == 1 {
                    ps[0].clone()
                } else {
                    format!("({})", ps.join(", "))
                };
                match body {
                    LambdaBody::Expr(b) => {
                        let b = self.expr_prec(b, Prec::Lambda);
                        (format!("{head} -> {b}"), Prec::Lambda)
                    }
                    LambdaBody::Block(block) => {
                        // A lambda's returns are its own, never the enclosing function's.
                        let wrap = std::mem::replace(&mut self.wrap_optional, false);
                        let text = self.block_text(&block.stmts);
                        self.wrap_optional = wrap;
                        (format!("{head} -> {text}"), Prec::Lambda)
                    }
                }
            }
            ExprKind::Comprehension(c) => self.comprehension(c, &e.ty),
            ExprKind::Cast { expr, to } => self.cast(expr, to),
            ExprKind::This => ("this".into(), Prec::Primary),
            ExprKind::Super => ("super".into(), Prec::Primary),
            ExprKind::Unsupported(u) => (
                format!("/* ferry: not translated: {} */ null", u.construct),
                Prec::Primary,
            ), // (frontend-unsupported nodes make the whole function a stub before printing)
        }
    }

    /// Records something this backend cannot print: a diagnostic, and the enclosing function
    /// becomes a stub.
    pub(super) fn not_translated(&mut self, span: ferry_ir::Span, what: &str) -> String {
        self.diags
            .push(ferry_ir::Diagnostic::unsupported(span, what));
        self.failed.get_or_insert_with(|| what.to_string());
        format!("/* ferry: not translated: {what} */ null")
    }

    fn map_impl(&mut self) -> &'static str {
        if self.module.language == ferry_ir::Language::Python {
            self.import("java.util.LinkedHashMap");
            "LinkedHashMap"
        } else {
            self.import("java.util.HashMap");
            "HashMap"
        }
    }

    /// The implementation class for an empty collection of type `ty`.
    pub(super) fn new_collection(&mut self, ty: &Type) -> String {
        match ty {
            Type::List(_) => {
                self.import("java.util.ArrayList");
                "new ArrayList<>()".into()
            }
            Type::Map(..) => format!("new {}<>()", self.map_impl()),
            Type::Set(_) => {
                self.import("java.util.HashSet");
                "new HashSet<>()".into()
            }
            Type::Deque(_) => {
                self.import("java.util.ArrayDeque");
                "new ArrayDeque<>()".into()
            }
            Type::PriorityQueue(_) => {
                self.import("java.util.PriorityQueue");
                "new PriorityQueue<>()".into()
            }
            Type::StrBuilder => "new StringBuilder()".into(),
            Type::Array(t) => {
                let t = self.ty(t);
                format!("new {t}[0]")
            }
            _ => "null".into(),
        }
    }

    fn literal(&mut self, l: &Literal, ty: &Type) -> String {
        match l {
            Literal::Int(n) => {
                if self.is_long(ty) && i32::try_from(*n).is_err() {
                    format!("{n}L")
                } else {
                    n.to_string()
                }
            }
            Literal::Float(f) => float_lit(*f),
            Literal::Str(s) => str_lit(s),
            Literal::Char(c) => char_lit(*c),
            Literal::Bool(b) => b.to_string(),
            Literal::Null => "null".into(),
        }
    }

    fn binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, ty: &Type) -> (String, Prec) {
        let both_int = lhs.ty.is_int() && rhs.ty.is_int();
        if op == BinOp::Add && matches!(lhs.ty, Type::List(_)) {
            let (a, b) = (self.expr(lhs), self.expr(rhs));
            let h = self.helper("ferryConcat");
            return (format!("{h}({a}, {b})"), Prec::Postfix);
        }
        match op {
            BinOp::Div(DivKind::Floor) if both_int => {
                let (a, b) = (self.expr(lhs), self.expr(rhs));
                return (format!("Math.floorDiv({a}, {b})"), Prec::Postfix);
            }
            BinOp::Div(DivKind::Floor) => {
                let (a, b) = (self.expr(lhs), self.expr(rhs));
                return (format!("Math.floor({a} / {b})"), Prec::Postfix);
            }
            BinOp::Rem(RemKind::Floor) if both_int => {
                let (a, b) = (self.expr(lhs), self.expr(rhs));
                return (format!("Math.floorMod({a}, {b})"), Prec::Postfix);
            }
            BinOp::Rem(RemKind::Floor) => {
                let h = self.helper("ferryFloorModDouble");
                let (a, b) = (self.expr(lhs), self.expr(rhs));
                return (format!("{h}({a}, {b})"), Prec::Postfix);
            }
            BinOp::Div(DivKind::True) if both_int => {
                let a = self.expr_prec(lhs, Prec::Unary);
                let b = self.expr_prec(rhs, Prec::Unary);
                return (format!("(double) {a} / {b}"), Prec::Multiplicative);
            }
            BinOp::Pow => {
                let (a, b) = (self.expr(lhs), self.expr(rhs));
                if ty.is_int() {
                    let t = self.ty(ty);
                    return (format!("({t}) Math.pow({a}, {b})"), Prec::Unary);
                }
                return (format!("Math.pow({a}, {b})"), Prec::Postfix);
            }
            BinOp::Eq(kind) | BinOp::Ne(kind) => {
                let by_value = kind == EqKind::Value
                    && !(is_primitive(&lhs.ty) || is_primitive(&rhs.ty))
                    && !matches!(lhs.kind, ExprKind::Lit(Literal::Null))
                    && !matches!(rhs.kind, ExprKind::Lit(Literal::Null));
                if by_value {
                    let (a, b) = (self.expr(lhs), self.expr(rhs));
                    let not = if matches!(op, BinOp::Ne(_)) { "!" } else { "" };
                    if lhs.ty == Type::Str && !matches!(lhs.kind, ExprKind::Lit(_)) {
                        let a = self.expr_prec(lhs, Prec::Postfix);
                        return (
                            format!("{not}{a}.equals({b})"),
                            if not.is_empty() {
                                Prec::Postfix
                            } else {
                                Prec::Unary
                            },
                        );
                    }
                    if let ExprKind::Lit(_) = lhs.kind {
                        let a = self.expr_prec(lhs, Prec::Postfix);
                        return (format!("{not}{a}.equals({b})"), Prec::Unary);
                    }
                    self.import("java.util.Objects");
                    return (format!("{not}Objects.equals({a}, {b})"), Prec::Unary);
                }
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge if lhs.ty == Type::Str => {
                let a = self.expr_prec(lhs, Prec::Postfix);
                let b = self.expr(rhs);
                let sym = sym(op);
                return (format!("{a}.compareTo({b}) {sym} 0"), Prec::Relational);
            }
            _ => {}
        }
        let p = binary(op);
        if op == BinOp::Add && *ty == Type::Str {
            // Adjacent literals read better joined: `"a:" + " " + x` is `"a: " + x`.
            if let ExprKind::Lit(Literal::Str(b)) = &rhs.kind {
                if let ExprKind::Lit(Literal::Str(a)) = &lhs.kind {
                    return (str_lit(&format!("{a}{b}")), Prec::Primary);
                }
                if let ExprKind::Binary {
                    op: BinOp::Add,
                    lhs: l2,
                    rhs: r2,
                } = &lhs.kind
                {
                    if let (ExprKind::Lit(Literal::Str(a)), Type::Str) = (&r2.kind, &lhs.ty) {
                        let joined = Expr::new(
                            ExprKind::Lit(Literal::Str(format!("{a}{b}"))),
                            Type::Str,
                            rhs.span,
                        );
                        return self.binary(BinOp::Add, l2, &joined, ty);
                    }
                }
            }
            if let (
                ExprKind::Lit(Literal::Str(a)),
                ExprKind::Binary {
                    op: BinOp::Add,
                    lhs: l2,
                    rhs: r2,
                },
            ) = (&lhs.kind, &rhs.kind)
            {
                if let (ExprKind::Lit(Literal::Str(b)), Type::Str) = (&l2.kind, &rhs.ty) {
                    if l2.ty == Type::Str {
                        let joined = Expr::new(
                            ExprKind::Lit(Literal::Str(format!("{a}{b}"))),
                            Type::Str,
                            lhs.span,
                        );
                        let inner = Expr::new(
                            ExprKind::Binary {
                                op: BinOp::Add,
                                lhs: Box::new(joined),
                                rhs: r2.clone(),
                            },
                            Type::Str,
                            rhs.span,
                        );
                        return self.expr_inner(&inner);
                    }
                }
            }
            let r = self.implicit_to_str(rhs);
            let l = if r.is_none() {
                self.implicit_to_str(lhs)
            } else {
                None
            };
            let a = self.expr_prec(l.as_ref().unwrap_or(lhs), p);
            let b = self.expr_prec(r.as_ref().unwrap_or(rhs), tighter(p));
            return (format!("{a} + {b}"), p);
        }
        let (lhs, rhs) = (strip_char_code(lhs), strip_char_code(rhs));
        let a = self.expr_prec(lhs, p);
        let b = self.expr_prec(rhs, tighter(p));
        (format!("{a} {} {b}", sym(op)), p)
    }

    fn index(&mut self, object: &Expr, index: &Expr) -> (String, Prec) {
        let o = self.expr_prec(object, Prec::Postfix);
        match &object.ty {
            Type::Array(_) => {
                let i = self.expr(index);
                (format!("{o}[{i}]"), Prec::Postfix)
            }
            Type::Str => {
                let i = self.expr(index);
                (format!("{o}.charAt({i})"), Prec::Postfix)
            }
            Type::Tuple(_) => {
                let i = match index.kind {
                    ExprKind::Lit(Literal::Int(n)) => n,
                    _ => 0,
                };
                (format!("{o}.v{i}()"), Prec::Postfix)
            }
            _ => {
                let i = self.expr(index);
                (format!("{o}.get({i})"), Prec::Postfix)
            }
        }
    }

    fn slice(
        &mut self,
        e: &Expr,
        object: &Expr,
        start: Option<&Expr>,
        end: Option<&Expr>,
        step: Option<&Expr>,
    ) -> (String, Prec) {
        let python = self.module.language == ferry_ir::Language::Python;
        let o = self.expr(object);
        let s = start.map_or("null".to_string(), |x| self.expr(x));
        let en = end.map_or("null".to_string(), |x| self.expr(x));
        if !python && step.is_none() {
            let op = self.expr_prec(object, Prec::Postfix);
            let s = start.map_or("0".to_string(), |x| self.expr(x));
            return match &object.ty {
                Type::Str => match end {
                    Some(x) => {
                        let en = self.expr(x);
                        (format!("{op}.substring({s}, {en})"), Prec::Postfix)
                    }
                    None => (format!("{op}.substring({s})"), Prec::Postfix),
                },
                _ => {
                    self.import("java.util.ArrayList");
                    let en = end.map_or(format!("{op}.size()"), |x| self.expr(x));
                    (
                        format!("new ArrayList<>({op}.subList({s}, {en}))"),
                        Prec::Postfix,
                    )
                }
            };
        }
        let st = step.map_or("null".to_string(), |x| self.expr(x));
        self.helper("ferrySliceIndices");
        let h = if object.ty == Type::Str {
            self.helper("ferrySliceStr")
        } else {
            self.helper("ferrySliceList")
        };
        let _ = e;
        (format!("{h}({o}, {s}, {en}, {st})"), Prec::Postfix)
    }

    fn list_lit(&mut self, items: &[Expr], ty: &Type) -> (String, Prec) {
        match ty {
            Type::Array(t) => {
                let t = (**t).clone();
                let tn = self.ty(&t);
                let parts: Vec<String> = items.iter().map(|i| self.expr_as(i, &t)).collect();
                (
                    format!("new {tn}[] {{{}}}", parts.join(", ")),
                    Prec::Postfix,
                )
            }
            _ => {
                self.import("java.util.ArrayList");
                if items.is_empty() {
                    return ("new ArrayList<>()".into(), Prec::Postfix);
                }
                self.import("java.util.Arrays");
                let elem = ty.element().cloned().unwrap_or(Type::Unknown);
                let parts: Vec<String> = items.iter().map(|i| self.expr_as(i, &elem)).collect();
                let b = self.boxed(&elem);
                (
                    format!("new ArrayList<{b}>(Arrays.asList({}))", parts.join(", ")),
                    Prec::Postfix,
                )
            }
        }
    }

    fn cast(&mut self, expr: &Expr, to: &Type) -> (String, Prec) {
        if &expr.ty == to {
            return self.expr_inner(expr);
        }
        if expr.ty.is_int() && to.is_int() && self.ty(&expr.ty) == self.ty(to) {
            return self.expr_inner(expr);
        }
        match to {
            Type::Int(_) | Type::Float if expr.ty == Type::Bool => {
                let inner = self.expr_prec(expr, Prec::Or);
                let (one, zero) = if to.is_int() {
                    ("1", "0")
                } else {
                    ("1.0", "0.0")
                };
                (format!("({inner} ? {one} : {zero})"), Prec::Primary)
            }
            // A dynamically typed number (an `Integer` or a `Double` alike) through `Number`.
            Type::Int(_) | Type::Float if expr.ty == Type::Any => {
                let t = self.ty(to);
                let inner = self.expr(expr);
                (format!("((Number) {inner}).{t}Value()"), Prec::Postfix)
            }
            Type::Int(_) | Type::Float | Type::Char => {
                let t = self.ty(to);
                let inner = self.expr_prec(expr, Prec::Unary);
                (format!("({t}) {inner}"), Prec::Unary)
            }
            Type::Str => {
                let inner = self.expr(expr);
                (format!("String.valueOf({inner})"), Prec::Postfix)
            }
            _ => {
                let t = self.boxed(to);
                let inner = self.expr_prec(expr, Prec::Unary);
                (format!("({t}) {inner}"), Prec::Unary)
            }
        }
    }
}

/// `CharCode(c)` as an operand of arithmetic is `c` itself: Java promotes `char` to `int`.
fn strip_char_code(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Intrinsic {
            op: ferry_ir::Intrinsic::CharCode,
            args,
        } if args.len() == 1 && args[0].ty == Type::Char => &args[0],
        _ => e,
    }
}

fn sym(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div(_) => "/",
        BinOp::Rem(_) => "%",
        BinOp::Pow => "**",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
        BinOp::UShr => ">>>",
        BinOp::And => "&&",
        BinOp::Or => "||",
        BinOp::Eq(_) => "==",
        BinOp::Ne(_) => "!=",
        BinOp::Lt => "<",
        BinOp::Le => "<=",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
    }
}

/// The compound-assignment spelling of an operator, where Java's has the same meaning.
pub(super) fn compound(op: BinOp, target: &Type, value: &Type) -> Option<&'static str> {
    let ints = target.is_int() && value.is_int();
    Some(match op {
        BinOp::Add => "+=",
        BinOp::Sub => "-=",
        BinOp::Mul => "*=",
        BinOp::Div(DivKind::Trunc) if ints => "/=",
        BinOp::Div(DivKind::True) if !ints => "/=",
        BinOp::Rem(RemKind::Trunc) => "%=",
        BinOp::BitAnd => "&=",
        BinOp::BitOr => "|=",
        BinOp::BitXor => "^=",
        BinOp::Shl => "<<=",
        BinOp::Shr => ">>=",
        BinOp::UShr => ">>>=",
        _ => return None,
    })
}

fn float_lit(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "Double.POSITIVE_INFINITY".into()
        } else {
            "Double.NEGATIVE_INFINITY".into()
        };
    }
    let s = format!("{f:?}");
    if s.contains('.') || s.contains('e') || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

/// A Java string literal.
pub(super) fn str_lit(s: &str) -> String {
    double_quoted(s, ControlEscape::Unicode)
}

fn char_lit(c: char) -> String {
    match c {
        '\'' => "'\\''".into(),
        '\\' => "'\\\\'".into(),
        '\n' => "'\\n'".into(),
        '\t' => "'\\t'".into(),
        '\r' => "'\\r'".into(),
        '\0' => "'\\0'".into(),
        c if (c as u32) < 0x20 || (c as u32) > 0xFFFF => format!("(char) {}", c as u32),
        c => format!("'{c}'"),
    }
}
