//! Expressions, with Python's precedence table: parentheses only where the grammar needs them.

use ferry_ir::{
    BinOp, ComprehensionClause, ComprehensionKind, DivKind, EqKind, Expr, ExprKind, Intrinsic,
    LambdaBody, Literal, RemKind, StmtKind, Type, UnaryOp, CONSTRUCTOR,
};

use super::Printer;
use crate::literal::{double_quoted, ControlEscape};

/// Python precedence levels, loosest first (the Python reference, "Operator precedence").
pub(super) mod prec {
    pub(crate) const LAMBDA: u8 = 0;
    pub(crate) const COND: u8 = 1;
    pub(crate) const OR: u8 = 2;
    pub(crate) const AND: u8 = 3;
    pub(crate) const NOT: u8 = 4;
    pub(crate) const CMP: u8 = 5;
    pub(crate) const BITOR: u8 = 6;
    pub(crate) const BITXOR: u8 = 7;
    pub(crate) const BITAND: u8 = 8;
    pub(crate) const SHIFT: u8 = 9;
    pub(crate) const ADD: u8 = 10;
    pub(crate) const MUL: u8 = 11;
    pub(crate) const UNARY: u8 = 12;
    pub(crate) const POW: u8 = 13;
    pub(crate) const PRIMARY: u8 = 14;
    pub(crate) const ATOM: u8 = 15;
}

fn binop_prec(op: BinOp) -> u8 {
    match op {
        BinOp::Or => prec::OR,
        BinOp::And => prec::AND,
        BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => prec::CMP,
        BinOp::BitOr => prec::BITOR,
        BinOp::BitXor => prec::BITXOR,
        BinOp::BitAnd => prec::BITAND,
        BinOp::Shl | BinOp::Shr => prec::SHIFT,
        BinOp::Add | BinOp::Sub => prec::ADD,
        BinOp::Mul | BinOp::Div(_) | BinOp::Rem(_) => prec::MUL,
        BinOp::Pow => prec::POW,
        BinOp::UShr => prec::PRIMARY,
    }
}

/// A Python string literal in double quotes.
pub(super) fn str_lit(s: &str) -> String {
    double_quoted(s, ControlEscape::Hex)
}

pub(super) fn float_lit(f: f64) -> String {
    if f.is_nan() {
        "math.nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 {
            "math.inf".to_string()
        } else {
            "-math.inf".to_string()
        }
    } else {
        format!("{f:?}")
    }
}

fn is_nonneg(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Literal::Int(i)) => *i >= 0,
        ExprKind::Intrinsic {
            op: Intrinsic::Len(_) | Intrinsic::CharCode,
            ..
        } => true,
        _ => false,
    }
}

fn is_pos_lit(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(Literal::Int(i)) if *i > 0)
}

fn is_zero(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(Literal::Int(0)))
}

fn is_floaty(t: &Type) -> bool {
    matches!(t, Type::Float)
}

impl Printer<'_> {
    /// Prints `e`, parenthesised if it binds looser than `min`.
    pub(super) fn expr(&mut self, e: &Expr, min: u8) -> String {
        let (s, p) = self.expr_prec(e);
        if p < min {
            format!("({s})")
        } else {
            s
        }
    }

    pub(super) fn args(&mut self, args: &[Expr]) -> String {
        let parts: Vec<String> = args.iter().map(|a| self.expr(a, prec::LAMBDA)).collect();
        parts.join(", ")
    }

    /// Prints a sole argument: a generator expression needs no parentheses of its own.
    pub(super) fn sole_arg(&mut self, e: &Expr) -> String {
        if let ExprKind::Comprehension(c) = &e.kind {
            if c.kind == ComprehensionKind::Generator {
                return self.comprehension_inner(c);
            }
        }
        self.expr(e, prec::LAMBDA + 1)
    }

    pub(super) fn expr_prec(&mut self, e: &Expr) -> (String, u8) {
        match &e.kind {
            ExprKind::Lit(l) => self.literal(l),
            ExprKind::Name(n) => {
                if self.classes.contains_key(n) {
                    (super::names::class(n, self.opts), prec::ATOM)
                } else if !self.locals.contains(n)
                    && self.functions.contains(n)
                    && !self.globals.contains_key(n)
                {
                    (self.function_name(n), prec::ATOM)
                } else {
                    (self.local_name(n), prec::ATOM)
                }
            }
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, e),
            ExprKind::Unary { op, operand } => match op {
                UnaryOp::Neg => {
                    let x = format!("-{}", self.expr(operand, prec::UNARY));
                    match self.wrap_bits(&e.ty) {
                        Some(bits) => {
                            self.helper("_ferry_wrap");
                            (format!("_ferry_wrap({x}, {bits})"), prec::PRIMARY)
                        }
                        None => (x, prec::UNARY),
                    }
                }
                UnaryOp::BitNot => (format!("~{}", self.expr(operand, prec::UNARY)), prec::UNARY),
                UnaryOp::Not => {
                    if let ExprKind::Intrinsic {
                        op: Intrinsic::Contains,
                        args,
                    } = &operand.kind
                    {
                        if let [c, x] = args.as_slice() {
                            let x = self.expr(x, prec::CMP + 1);
                            let c = self.expr(c, prec::CMP + 1);
                            return (format!("{x} not in {c}"), prec::CMP);
                        }
                    }
                    // `not xs.isEmpty()` → `len(xs) > 0` (a bool, unlike `xs`).
                    if let ExprKind::Intrinsic {
                        op: Intrinsic::IsEmpty,
                        args,
                    } = &operand.kind
                    {
                        if let [x] = args.as_slice() {
                            let x = self.expr(x, prec::LAMBDA);
                            return (format!("len({x}) > 0"), prec::CMP);
                        }
                    }
                    (format!("not {}", self.expr(operand, prec::NOT)), prec::NOT)
                }
            },
            ExprKind::IncDec {
                target,
                increment,
                prefix,
            } => {
                let t = self.expr(target, prec::ATOM);
                if !matches!(target.kind, ExprKind::Name(_)) {
                    self.unsupported(e.span, "increment of a non-variable inside an expression");
                }
                let sign = if *increment { "+" } else { "-" };
                let back = if *increment { "-" } else { "+" };
                if *prefix {
                    (format!("({t} := {t} {sign} 1)"), prec::ATOM)
                } else {
                    (format!("({t} := {t} {sign} 1) {back} 1"), prec::ADD)
                }
            }
            ExprKind::Cond { cond, then, else_ } => {
                let t = self.expr(then, prec::OR);
                let c = self.expr(cond, prec::OR);
                let f = self.expr(else_, prec::COND);
                (format!("{t} if {c} else {f}"), prec::COND)
            }
            ExprKind::Call { func, args } => {
                let name = if self.classes.contains_key(func) {
                    super::names::class(func, self.opts)
                } else if self.locals.contains(func) {
                    self.local_name(func)
                } else {
                    self.function_name(func)
                };
                let a = self.args(args);
                (format!("{name}({a})"), prec::PRIMARY)
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                if matches!(receiver.kind, ExprKind::Super) {
                    let a = self.args(args);
                    if method == CONSTRUCTOR {
                        return (format!("super().__init__({a})"), prec::PRIMARY);
                    }
                    let m = self.method_name(method);
                    return (format!("super().{m}({a})"), prec::PRIMARY);
                }
                if args.is_empty() && (method == "toString") {
                    let r = self.expr(receiver, prec::LAMBDA + 1);
                    return (format!("str({r})"), prec::PRIMARY);
                }
                let r = self.expr(receiver, prec::PRIMARY);
                let m = self.method_name(method);
                let a = self.args(args);
                (format!("{r}.{m}({a})"), prec::PRIMARY)
            }
            ExprKind::CallValue { callee, args } => {
                let c = self.expr(callee, prec::PRIMARY);
                let a = self.args(args);
                (format!("{c}({a})"), prec::PRIMARY)
            }
            ExprKind::Field { object, name } => {
                let f = self.field_name(name);
                match &object.kind {
                    ExprKind::This | ExprKind::Super => (format!("self.{f}"), prec::PRIMARY),
                    _ => {
                        let o = self.expr(object, prec::PRIMARY);
                        (format!("{o}.{f}"), prec::PRIMARY)
                    }
                }
            }
            ExprKind::Index { object, index } => {
                // `xs[len(xs) - 1]` → `xs[-1]`.
                if let ExprKind::Binary {
                    op: BinOp::Sub,
                    lhs,
                    rhs,
                } = &index.kind
                {
                    if let (
                        ExprKind::Intrinsic {
                            op: Intrinsic::Len(_),
                            args,
                        },
                        ExprKind::Lit(Literal::Int(1)),
                    ) = (&lhs.kind, &rhs.kind)
                    {
                        if args.len() == 1
                            && args[0] == **object
                            && matches!(object.kind, ExprKind::Name(_) | ExprKind::Field { .. })
                        {
                            let o = self.expr(object, prec::PRIMARY);
                            return (format!("{o}[-1]"), prec::PRIMARY);
                        }
                    }
                }
                let o = self.expr(object, prec::PRIMARY);
                let i = self.expr(index, prec::LAMBDA + 1);
                (format!("{o}[{i}]"), prec::PRIMARY)
            }
            ExprKind::Slice {
                object,
                start,
                end,
                step,
            } => {
                let o = self.expr(object, prec::PRIMARY);
                let s = start
                    .as_ref()
                    .map(|x| self.expr(x, prec::LAMBDA + 1))
                    .unwrap_or_default();
                let en = end
                    .as_ref()
                    .map(|x| self.expr(x, prec::LAMBDA + 1))
                    .unwrap_or_default();
                match step {
                    Some(st) => {
                        let st = self.expr(st, prec::LAMBDA + 1);
                        (format!("{o}[{s}:{en}:{st}]"), prec::PRIMARY)
                    }
                    None => (format!("{o}[{s}:{en}]"), prec::PRIMARY),
                }
            }
            ExprKind::Intrinsic { op, args } => self.intrinsic(*op, args, e),
            ExprKind::New { class, args } => {
                let c = self.base_name(class);
                let a = self.args(args);
                (format!("{c}({a})"), prec::PRIMARY)
            }
            ExprKind::ListLit(items) => {
                let a = self.args(items);
                (format!("[{a}]"), prec::ATOM)
            }
            ExprKind::SetLit(items) => {
                if items.is_empty() {
                    ("set()".to_string(), prec::PRIMARY)
                } else {
                    let a = self.args(items);
                    (format!("{{{a}}}"), prec::ATOM)
                }
            }
            ExprKind::MapLit(pairs) => {
                let parts: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| {
                        let k = self.expr(k, prec::LAMBDA + 1);
                        let v = self.expr(v, prec::LAMBDA + 1);
                        format!("{k}: {v}")
                    })
                    .collect();
                (format!("{{{}}}", parts.join(", ")), prec::ATOM)
            }
            ExprKind::TupleLit(items) => {
                let a = self.args(items);
                if items.len() == 1 {
                    (format!("({a},)"), prec::ATOM)
                } else {
                    (format!("({a})"), prec::ATOM)
                }
            }
            ExprKind::Lambda {
                body: LambdaBody::Block(_),
                ..
            } if self
                .local_defs
                .contains_key(&(e.span.start as usize, e.span.end as usize)) =>
            {
                let name = self
                    .local_defs
                    .get(&(e.span.start as usize, e.span.end as usize))
                    .cloned()
                    .unwrap_or_default();
                (name, prec::ATOM)
            }
            ExprKind::Lambda { params, body } => {
                let ps: Vec<String> = params.iter().map(|p| self.local_name(&p.name)).collect();
                let body = match body {
                    LambdaBody::Expr(b) => self.expr(b, prec::LAMBDA),
                    LambdaBody::Block(b) => match b.stmts.as_slice() {
                        [s] => match &s.kind {
                            StmtKind::Return(Some(v)) => self.expr(v, prec::LAMBDA),
                            StmtKind::Expr(v) => self.expr(v, prec::LAMBDA),
                            _ => {
                                self.unsupported(e.span, "lambda with a statement body");
                                "None".to_string()
                            }
                        },
                        _ => {
                            self.unsupported(e.span, "lambda with a statement body");
                            "None".to_string()
                        }
                    },
                };
                if ps.is_empty() {
                    (format!("lambda: {body}"), prec::LAMBDA)
                } else {
                    (format!("lambda {}: {body}", ps.join(", ")), prec::LAMBDA)
                }
            }
            ExprKind::Comprehension(c) => {
                let inner = self.comprehension_inner(c);
                let s = match c.kind {
                    ComprehensionKind::List => format!("[{inner}]"),
                    ComprehensionKind::Set | ComprehensionKind::Map => format!("{{{inner}}}"),
                    ComprehensionKind::Generator => format!("({inner})"),
                };
                (s, prec::ATOM)
            }
            ExprKind::Cast { expr, to } => self.cast(expr, to),
            ExprKind::This => ("self".to_string(), prec::ATOM),
            ExprKind::Super => ("super()".to_string(), prec::PRIMARY),
            ExprKind::Unsupported(u) => {
                self.unsupported(u.span, &u.construct);
                ("None".to_string(), prec::ATOM)
            }
        }
    }

    fn comprehension_inner(&mut self, c: &ferry_ir::Comprehension) -> String {
        let mut s = self.expr(&c.element, prec::COND);
        if let Some(v) = &c.value {
            let v = self.expr(v, prec::COND);
            s = format!("{s}: {v}");
        }
        for clause in &c.clauses {
            match clause {
                ComprehensionClause::For { vars, iter } => {
                    let vs: Vec<String> = vars.iter().map(|b| self.local_name(&b.name)).collect();
                    let it = self.iterable(iter);
                    s.push_str(&format!(" for {} in {it}", vs.join(", ")));
                }
                ComprehensionClause::If(cond) => {
                    let c = self.expr(cond, prec::OR);
                    s.push_str(&format!(" if {c}"));
                }
            }
        }
        s
    }

    /// An expression in a `for ... in` position: `range(...)` and `m.keys()` stay lazy.
    pub(super) fn iterable(&mut self, e: &Expr) -> String {
        if let ExprKind::Intrinsic {
            op: Intrinsic::Range,
            args,
        } = &e.kind
        {
            return self.range_call(args);
        }
        if let ExprKind::Intrinsic {
            op: Intrinsic::Keys,
            args,
        } = &e.kind
        {
            if let Some(m) = args.first() {
                return self.expr(m, prec::OR);
            }
        }
        if let ExprKind::Intrinsic {
            op: Intrinsic::Chars,
            args,
        } = &e.kind
        {
            if let Some(s) = args.first() {
                return self.expr(s, prec::OR);
            }
        }
        self.expr(e, prec::OR)
    }

    pub(super) fn range_call(&mut self, args: &[Expr]) -> String {
        let mut parts: Vec<&Expr> = args.iter().collect();
        if parts.len() == 3 && matches!(parts[2].kind, ExprKind::Lit(Literal::Int(1))) {
            parts.pop();
        }
        if parts.len() == 2 && is_zero(parts[0]) {
            parts.remove(0);
        }
        let a: Vec<String> = parts
            .iter()
            .map(|x| self.expr(x, prec::LAMBDA + 1))
            .collect();
        format!("range({})", a.join(", "))
    }

    fn literal(&mut self, l: &Literal) -> (String, u8) {
        match l {
            Literal::Int(i) => {
                if *i < 0 {
                    (i.to_string(), prec::UNARY)
                } else {
                    (i.to_string(), prec::ATOM)
                }
            }
            Literal::Float(f) => {
                if !f.is_finite() {
                    self.import("math");
                }
                let s = float_lit(*f);
                let p = if s.starts_with('-') {
                    prec::UNARY
                } else {
                    prec::ATOM
                };
                (s, p)
            }
            Literal::Str(s) => (str_lit(s), prec::ATOM),
            Literal::Char(c) => (str_lit(&c.to_string()), prec::ATOM),
            Literal::Bool(b) => ((if *b { "True" } else { "False" }).to_string(), prec::ATOM),
            Literal::Null => ("None".to_string(), prec::ATOM),
        }
    }

    /// `"total: " + str(n) + "!"` as `f"total: {n}!"`; `None` when an f-string cannot say it
    /// (a value that renders differently, or quotes and backslashes inside a replacement field).
    fn fstring(&mut self, whole: &Expr) -> Option<String> {
        let mut parts = Vec::new();
        super::intrinsics::flatten_concat(whole, &mut parts);
        let has_lit = parts
            .iter()
            .any(|p| matches!(p.kind, ExprKind::Lit(Literal::Str(_))));
        let has_value = parts
            .iter()
            .any(|p| !matches!(p.kind, ExprKind::Lit(Literal::Str(_))));
        if !has_lit || !has_value || parts.len() < 2 {
            return None;
        }
        let mut out = String::from("f\"");
        for p in parts {
            match &p.kind {
                ExprKind::Lit(Literal::Str(s)) => {
                    let lit = str_lit(s);
                    let inner = lit.get(1..lit.len() - 1).unwrap_or("");
                    out.push_str(&inner.replace('{', "{{").replace('}', "}}"));
                }
                _ => {
                    let value = match &p.kind {
                        ExprKind::Intrinsic {
                            op: Intrinsic::ToStr(lang),
                            args,
                        } if args.len() == 1
                            && (*lang == ferry_ir::Language::Python
                                || matches!(
                                    args[0].ty,
                                    Type::Int(_) | Type::Str | Type::StrBuilder
                                )
                                || (args[0].ty == Type::Char
                                    && *lang != ferry_ir::Language::Go)) =>
                        {
                            &args[0]
                        }
                        ExprKind::Intrinsic {
                            op: Intrinsic::ErrorMessage,
                            args,
                        } if args.len() == 1 => &args[0],
                        ExprKind::Intrinsic {
                            op: Intrinsic::ToStr(_),
                            ..
                        } => return None,
                        _ if matches!(p.ty, Type::Str | Type::Char | Type::StrBuilder) => p,
                        _ => return None,
                    };
                    let text = self.expr(value, prec::COND);
                    if text.contains(['"', '\\', '{', '}', '\'']) || text.starts_with('=') {
                        return None;
                    }
                    out.push('{');
                    out.push_str(&text);
                    out.push('}');
                }
            }
        }
        out.push('"');
        Some(out)
    }

    /// The width a fixed-size integer result wraps at under `--semantics exact`.
    pub(super) fn wrap_bits(&self, ty: &Type) -> Option<u32> {
        if self.opts.semantics != crate::Semantics::Exact {
            return None;
        }
        match ty {
            Type::Int(ferry_ir::IntKind::I8) => Some(8),
            Type::Int(ferry_ir::IntKind::I16) => Some(16),
            Type::Int(ferry_ir::IntKind::I32) => Some(32),
            Type::Int(ferry_ir::IntKind::I64) => Some(64),
            _ => None,
        }
    }

    fn binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, whole: &Expr) -> (String, u8) {
        if let Some(bits) = self.wrap_bits(&whole.ty) {
            if matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::Shl
                    | BinOp::Pow
                    | BinOp::Div(DivKind::Trunc)
            ) {
                let inner = self.binary_plain(op, lhs, rhs, whole);
                self.helper("_ferry_wrap");
                return (format!("_ferry_wrap({}, {bits})", inner.0), prec::PRIMARY);
            }
        }
        self.binary_plain(op, lhs, rhs, whole)
    }

    fn binary_plain(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, whole: &Expr) -> (String, u8) {
        if op == BinOp::Add && whole.ty == Type::Str {
            let mark = (
                self.prelude.clone(),
                self.imports.clone(),
                self.from_imports.clone(),
                self.diags.len(),
            );
            match self.fstring(whole) {
                Some(s) => return (s, prec::ATOM),
                None => {
                    // Undo what the abandoned attempt registered.
                    self.prelude = mark.0;
                    self.imports = mark.1;
                    self.from_imports = mark.2;
                    self.diags.truncate(mark.3);
                }
            }
        }
        // Python promotes ints in mixed arithmetic by itself: drop `float(...)` around an operand.
        let strip = |e: &'_ Expr| -> Option<Expr> {
            match &e.kind {
                ExprKind::Cast {
                    expr,
                    to: Type::Float,
                } if expr.ty.is_int() => Some((**expr).clone()),
                _ => None,
            }
        };
        let arith = matches!(
            op,
            BinOp::Add
                | BinOp::Sub
                | BinOp::Mul
                | BinOp::Div(DivKind::True)
                | BinOp::Lt
                | BinOp::Le
                | BinOp::Gt
                | BinOp::Ge
        );
        if arith && (lhs.ty == Type::Float || rhs.ty == Type::Float) {
            let l2 = if rhs.ty == Type::Float || matches!(op, BinOp::Div(DivKind::True)) {
                strip(lhs)
            } else {
                None
            };
            let r2 = if lhs.ty == Type::Float || matches!(op, BinOp::Div(DivKind::True)) {
                strip(rhs)
            } else {
                None
            };
            if l2.is_some() || r2.is_some() {
                let mut lhs2 = l2.unwrap_or_else(|| lhs.clone());
                let rhs2 = r2.unwrap_or_else(|| rhs.clone());
                // Keep one float side so that the result stays a float for `+ - *`.
                if !matches!(op, BinOp::Div(DivKind::True))
                    && lhs2.ty != Type::Float
                    && rhs2.ty != Type::Float
                {
                    lhs2 = lhs.clone();
                }
                return self.binary(op, &lhs2, &rhs2, whole);
            }
        }
        let p = binop_prec(op);
        let both_int = lhs.ty.is_int() && rhs.ty.is_int();
        let any_float = is_floaty(&lhs.ty) || is_floaty(&rhs.ty) || is_floaty(&whole.ty);
        let sym = match op {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div(DivKind::True) => "/",
            BinOp::Div(DivKind::Floor) => "//",
            BinOp::Div(DivKind::Trunc) => {
                if any_float && !both_int {
                    "/"
                } else if is_nonneg(lhs) && is_pos_lit(rhs) {
                    "//"
                } else {
                    self.helper("_ferry_div_trunc");
                    let a = self.expr(lhs, prec::LAMBDA + 1);
                    let b = self.expr(rhs, prec::LAMBDA + 1);
                    return (format!("_ferry_div_trunc({a}, {b})"), prec::PRIMARY);
                }
            }
            BinOp::Rem(RemKind::Floor) => "%",
            BinOp::Rem(RemKind::Trunc) => {
                if any_float && !both_int {
                    self.import("math");
                    let a = self.expr(lhs, prec::LAMBDA + 1);
                    let b = self.expr(rhs, prec::LAMBDA + 1);
                    return (format!("math.fmod({a}, {b})"), prec::PRIMARY);
                } else if is_nonneg(lhs) && is_pos_lit(rhs) {
                    "%"
                } else {
                    self.helper("_ferry_rem_trunc");
                    let a = self.expr(lhs, prec::LAMBDA + 1);
                    let b = self.expr(rhs, prec::LAMBDA + 1);
                    return (format!("_ferry_rem_trunc({a}, {b})"), prec::PRIMARY);
                }
            }
            BinOp::Pow => {
                let a = self.expr(lhs, prec::PRIMARY);
                let b = self.expr(rhs, prec::UNARY);
                return (format!("{a} ** {b}"), prec::POW);
            }
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::UShr => {
                let bits = match &lhs.ty {
                    Type::Int(ferry_ir::IntKind::I64) => 64,
                    Type::Int(ferry_ir::IntKind::I8) => 8,
                    Type::Int(ferry_ir::IntKind::I16) => 16,
                    _ => 32,
                };
                let a = self.expr(lhs, prec::MUL + 1);
                let b = self.expr(rhs, prec::ADD + 1);
                return (format!("(({a}) % (1 << {bits})) >> {b}"), prec::SHIFT);
            }
            BinOp::And => "and",
            BinOp::Or => "or",
            BinOp::Eq(kind) | BinOp::Ne(kind) => {
                let eq = matches!(op, BinOp::Eq(_));
                let null = matches!(lhs.kind, ExprKind::Lit(Literal::Null))
                    || matches!(rhs.kind, ExprKind::Lit(Literal::Null));
                let named = matches!(lhs.ty, Type::Named(_)) && matches!(rhs.ty, Type::Named(_));
                let is = null || (kind == EqKind::Reference && named);
                // `x % n == 0` does not depend on how the remainder rounds.
                if let ExprKind::Binary {
                    op: BinOp::Rem(RemKind::Trunc),
                    lhs: a,
                    rhs: b,
                } = &lhs.kind
                {
                    if is_zero(rhs) && !(is_floaty(&a.ty) || is_floaty(&b.ty)) {
                        let a = self.expr(a, prec::MUL);
                        let b = self.expr(b, prec::MUL + 1);
                        let sym = if eq { "==" } else { "!=" };
                        return (format!("{a} % {b} {sym} 0"), prec::CMP);
                    }
                }
                match (is, eq) {
                    (true, true) => "is",
                    (true, false) => "is not",
                    (false, true) => "==",
                    (false, false) => "!=",
                }
            }
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        };
        let (lmin, rmin) = if p == prec::CMP {
            (p + 1, p + 1)
        } else {
            (p, p + 1)
        };
        let a = self.expr(lhs, lmin);
        let b = self.expr(rhs, rmin);
        (format!("{a} {sym} {b}"), p)
    }

    fn cast(&mut self, e: &Expr, to: &Type) -> (String, u8) {
        let inner = || prec::LAMBDA + 1;
        // `(int) Math.floor(x)` is Python's `math.floor(x)`, already an int.
        if let (
            Type::Int(_),
            ExprKind::Intrinsic {
                op: op @ (Intrinsic::Floor | Intrinsic::Ceil),
                args,
            },
        ) = (to, &e.kind)
        {
            if let [x] = args.as_slice() {
                self.import("math");
                let f = if *op == Intrinsic::Floor {
                    "math.floor"
                } else {
                    "math.ceil"
                };
                let x = self.expr(x, prec::LAMBDA + 1);
                return (format!("{f}({x})"), prec::PRIMARY);
            }
        }
        match (to, &e.ty) {
            (Type::Int(_), Type::Int(_))
            | (Type::Float, Type::Float)
            | (Type::Char, Type::Char) => self.expr_prec(e),
            (Type::Int(_), Type::Char) => {
                (format!("ord({})", self.expr(e, inner())), prec::PRIMARY)
            }
            (Type::Int(_), _) => (format!("int({})", self.expr(e, inner())), prec::PRIMARY),
            (Type::Float, _) => (format!("float({})", self.expr(e, inner())), prec::PRIMARY),
            (Type::Char, Type::Int(_)) => {
                (format!("chr({})", self.expr(e, inner())), prec::PRIMARY)
            }
            (Type::Str, _) => (format!("str({})", self.expr(e, inner())), prec::PRIMARY),
            _ => self.expr_prec(e),
        }
    }
}
