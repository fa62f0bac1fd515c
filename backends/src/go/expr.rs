//! IR expressions as Go expressions.

use ferry_ir::{
    BinOp, DivKind, EqKind, Expr, ExprKind, IntKind, LambdaBody, Language, Literal, RemKind, Type,
    UnaryOp, CONSTRUCTOR,
};

use super::precedence::G;
use super::{names, Printer, Shape};
use crate::literal::{double_quoted, ControlEscape};

/// A Go interpreted string literal.
pub(super) fn quote(s: &str) -> String {
    double_quoted(s, ControlEscape::Hex)
}

/// A Go rune literal.
pub(super) fn rune_lit(c: char) -> String {
    match c {
        '\'' => "'\\''".to_string(),
        '\\' => "'\\\\'".to_string(),
        '\n' => "'\\n'".to_string(),
        '\t' => "'\\t'".to_string(),
        '\r' => "'\\r'".to_string(),
        '\0' => "0".to_string(),
        c if (c as u32) < 0x20 || c as u32 == 0x7f => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

/// A Go float literal that reads back as the same value.
pub(super) fn float_lit(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "math.Inf(1)".to_string()
        } else {
            "math.Inf(-1)".to_string()
        };
    }
    let s = format!("{f:?}");
    if s.contains('e') && !s.contains('.') {
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        return format!("{m}.0e{e}");
    }
    s
}

impl Printer<'_> {
    pub(super) fn name(&self, n: &str) -> String {
        // A fragment of Go substituted by the backend itself.
        if let Some(raw) = n.strip_prefix('\u{0}') {
            return raw.to_string();
        }
        names::value_name(self.opts.naming, n)
    }

    /// The receiver name used for `this`.
    fn this(&self) -> G {
        match &self.recv {
            Some((n, _)) => G::atom(n.clone()),
            None => G::atom("this"),
        }
    }

    pub(super) fn expr(&mut self, e: &Expr) -> G {
        match &e.kind {
            ExprKind::Lit(l) => self.literal(l, &e.ty),
            ExprKind::Name(n) if self.ptr_locals.contains(n) => {
                G::unary("*", G::atom(self.name(n)))
            }
            ExprKind::Name(n) => G::atom(self.name(n)),
            ExprKind::Binary { op, lhs, rhs } => self.binary(*op, lhs, rhs, &e.ty),
            ExprKind::Unary {
                op: UnaryOp::Not,
                operand,
            } if negatable(operand) => {
                let mut flipped = (**operand).clone();
                if let ExprKind::Binary { op, .. } = &mut flipped.kind {
                    *op = match op {
                        BinOp::Eq(k) => BinOp::Ne(*k),
                        BinOp::Ne(k) => BinOp::Eq(*k),
                        BinOp::Lt => BinOp::Ge,
                        BinOp::Le => BinOp::Gt,
                        BinOp::Gt => BinOp::Le,
                        _ => BinOp::Lt,
                    };
                    return self.expr(&flipped);
                }
                if let ExprKind::Intrinsic { args, .. } = &operand.kind {
                    let x = self.arg(args, 0);
                    return G::bin(">", G::call("len", vec![x]), G::atom("0"));
                }
                self.expr(operand)
            }
            ExprKind::Unary { op, operand } => {
                let x = self.expr(operand);
                let op = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Not => "!",
                    UnaryOp::BitNot => "^",
                };
                G::unary(op, x)
            }
            ExprKind::IncDec { .. } => {
                self.unsupported(e.span, "increment used as a value");
                G::atom("ferryUnsupported()")
            }
            ExprKind::Cond { cond, then, else_ } => {
                if is_safe(then) && is_safe(else_) {
                    let c = self.expr(cond);
                    let a = self.expr_as(then, &e.ty);
                    let b = self.expr_as(else_, &e.ty);
                    self.prelude.insert("if");
                    return G::call("ferryIf", vec![c, a, b]);
                }
                // Only one branch may be evaluated: an immediately called function.
                let ret = ferry_ir::Stmt {
                    kind: ferry_ir::StmtKind::Return(Some(e.clone())),
                    span: e.span,
                };
                let ty = self.go_type(&e.ty);
                let lines = self.capture_block(&ferry_ir::Block::new(vec![ret]), &e.ty);
                let lit = G::FuncLit {
                    header: format!("func() {ty}"),
                    body: lines,
                    one_line: false,
                };
                G::Call {
                    func: Box::new(lit),
                    args: vec![],
                    spread: false,
                }
            }
            ExprKind::Call { func, args } => {
                let raw = std::mem::replace(&mut self.raw_results, false);
                let callee = self.callee(None, func, args.len(), false);
                let args = &self.with_defaults(callee.as_ref(), args);
                let args = self.call_args(None, func, args);
                let suffix = self.overload_suffix(false, func, args.len());
                let name = self.opts.function_name(func, || self.name(func));
                let call = G::call(name + &suffix, args);
                self.packed_results(call, &e.ty, raw)
            }
            ExprKind::MethodCall {
                receiver,
                method,
                args,
            } => {
                let raw = std::mem::replace(&mut self.raw_results, false);
                let call = self.method_call(receiver, method, args);
                self.packed_results(call, &e.ty, raw)
            }
            ExprKind::CallValue { callee, args } => {
                let f = self.expr(callee);
                let args = self.args(args);
                G::Call {
                    func: Box::new(f),
                    args,
                    spread: false,
                }
            }
            ExprKind::Field { object, name } => self.field(object, name),
            ExprKind::Index { object, index } => {
                let o = self.expr(object);
                let i = match &object.ty {
                    Type::Map(k, _) => self.expr_as(index, k),
                    _ => self.expr(index),
                };
                if let Type::Tuple(_) = object.ty {
                    let field = match index.kind {
                        ExprKind::Lit(Literal::Int(0)) => "first",
                        ExprKind::Lit(Literal::Int(2)) => "third",
                        _ => "second",
                    };
                    return G::sel(o, field);
                }
                G::index(o, i)
            }
            ExprKind::Slice {
                object,
                start,
                end,
                step,
            } => self.slice(e, object, start.as_deref(), end.as_deref(), step.as_deref()),
            ExprKind::Intrinsic { op, args } => self.intrinsic(*op, args, e),
            ExprKind::New { class, args } => self.new_object(class, args),
            ExprKind::ListLit(items) => {
                let ty = self.go_type(&e.ty);
                let elts: Vec<G> = items.iter().map(|x| self.element(x)).collect();
                G::Composite(ty, elts)
            }
            ExprKind::MapLit(pairs) => {
                let ty = self.go_type(&e.ty);
                let elts: Vec<G> = pairs
                    .iter()
                    .map(|(k, v)| {
                        let k = self.element(k);
                        let v = self.element(v);
                        G::KeyValue(Box::new(k), Box::new(v))
                    })
                    .collect();
                G::Composite(ty, elts)
            }
            ExprKind::SetLit(items) => {
                let ty = self.go_type(&e.ty);
                let elts: Vec<G> = items
                    .iter()
                    .map(|x| {
                        let k = self.element(x);
                        G::KeyValue(Box::new(k), Box::new(G::atom("true")))
                    })
                    .collect();
                G::Composite(ty, elts)
            }
            ExprKind::TupleLit(items) => {
                let ty = self.go_type(&e.ty);
                let elts: Vec<G> = items.iter().map(|x| self.expr(x)).collect();
                G::Composite(ty, elts)
            }
            ExprKind::Lambda { params, body } => self.lambda(params, body, &e.ty),
            ExprKind::Cast { expr, to } => {
                // A present optional value is read through its pointer first.
                let (x, from) = match super::types::optional_value(&expr.ty) {
                    Some(inner) => (self.expr_as(expr, inner), inner.clone()),
                    None => (self.expr(expr), expr.ty.clone()),
                };
                let kind = match to {
                    Type::Int(_) => Some(ferry_ir::intrinsics::ValueKind::Int),
                    Type::Float => Some(ferry_ir::intrinsics::ValueKind::Float),
                    Type::Str => Some(ferry_ir::intrinsics::ValueKind::Str),
                    Type::Bool => Some(ferry_ir::intrinsics::ValueKind::Bool),
                    _ => None,
                };
                if let (Some(kind), Type::Any) = (kind, &from) {
                    // A dynamically typed value: a type assertion.
                    let t = super::intrinsics::dynamic_type(kind);
                    return G::Selector(Box::new(x), format!("({t})"));
                }
                match (to, &from) {
                    (Type::Int(_), Type::Int(_)) => x,
                    (Type::Int(_), Type::Bool) => {
                        self.helper("ferryBoolToInt", "booltoint", vec![x])
                    }
                    (Type::Int(_), _) => G::call("int", vec![x]),
                    (Type::Float, Type::Float) => x,
                    (Type::Float, _) => G::call("float64", vec![x]),
                    (Type::Char, Type::Char) => x,
                    (Type::Char, _) => G::call("rune", vec![x]),
                    (Type::Str, _) => self.text_of(expr, self.module.language),
                    _ => x,
                }
            }
            ExprKind::This => self.this(),
            ExprKind::Super => {
                let parent = self.parent_field();
                G::sel(self.this(), &parent)
            }
            ExprKind::Comprehension(c) => self.comprehension_value(c, &e.ty, e.span),
            ExprKind::Unsupported(u) => {
                self.unsupported(u.span, &u.construct);
                G::atom("ferryUnsupported()")
            }
        }
    }

    /// An element of a composite literal: a nested literal drops its type, as `gofmt -s` does.
    fn element(&mut self, e: &Expr) -> G {
        match self.expr(e) {
            G::Composite(ty, elts)
                if matches!(
                    e.kind,
                    ExprKind::ListLit(_) | ExprKind::MapLit(_) | ExprKind::SetLit(_)
                ) && !ty.is_empty() =>
            {
                G::Composite(String::new(), elts)
            }
            g => g,
        }
    }

    pub(super) fn args(&mut self, args: &[Expr]) -> Vec<G> {
        args.iter().map(|a| self.expr(a)).collect()
    }

    fn literal(&mut self, l: &Literal, ty: &Type) -> G {
        match l {
            Literal::Int(v) => {
                if *ty == Type::Float {
                    G::atom(format!("{v}.0"))
                } else if *v < 0 {
                    G::unary("-", G::atom(format!("{}", v.unsigned_abs())))
                } else {
                    G::atom(v.to_string())
                }
            }
            Literal::Float(f) => {
                let s = float_lit(*f);
                if s.starts_with("math.") {
                    self.import("math");
                }
                if let Some(pos) = s.strip_prefix('-') {
                    G::unary("-", G::atom(pos))
                } else {
                    G::atom(s)
                }
            }
            Literal::Str(s) => G::atom(quote(s)),
            Literal::Char(c) => G::atom(rune_lit(*c)),
            Literal::Bool(b) => G::atom(b.to_string()),
            Literal::Null => G::atom("nil"),
        }
    }

    fn binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, ty: &Type) -> G {
        if op == BinOp::Add && matches!(lhs.ty, Type::List(_)) {
            let (a, b) = (self.expr(lhs), self.expr_as(rhs, &lhs.ty));
            return self.helper("ferryConcat", "concat", vec![a, b]);
        }
        // `a.compareTo(b) < 0` is `a < b`.
        if let (
            ExprKind::Intrinsic {
                op: ferry_ir::Intrinsic::CompareStr,
                args,
            },
            ExprKind::Lit(Literal::Int(0)),
        ) = (&lhs.kind, &rhs.kind)
        {
            let sym = match op {
                BinOp::Lt => Some("<"),
                BinOp::Le => Some("<="),
                BinOp::Gt => Some(">"),
                BinOp::Ge => Some(">="),
                BinOp::Eq(_) => Some("=="),
                BinOp::Ne(_) => Some("!="),
                _ => None,
            };
            if let (Some(sym), [a, b]) = (sym, args.as_slice()) {
                let ga = self.expr(a);
                let gb = self.expr(b);
                return G::bin(sym, ga, gb);
            }
        }
        let l = self.operand(lhs, rhs);
        let r = self.operand(rhs, lhs);
        let ints = lhs.ty.is_int() && rhs.ty.is_int();
        let sym: &'static str = match op {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div(DivKind::Trunc) => "/",
            BinOp::Div(DivKind::Floor) if ints => {
                self.prelude.insert("floordiv");
                return G::call("ferryFloorDiv", vec![l, r]);
            }
            BinOp::Div(DivKind::Floor) => {
                self.import("math");
                return G::call(
                    "math.Floor",
                    vec![G::bin("/", self.float(lhs, l), self.float(rhs, r))],
                );
            }
            BinOp::Div(DivKind::True) => {
                return G::bin("/", self.float(lhs, l), self.float(rhs, r));
            }
            BinOp::Rem(RemKind::Trunc) if ints => "%",
            BinOp::Rem(RemKind::Trunc) => {
                self.import("math");
                return G::call("math.Mod", vec![self.float(lhs, l), self.float(rhs, r)]);
            }
            BinOp::Rem(RemKind::Floor) if ints => {
                self.prelude.insert("floormod");
                return G::call("ferryFloorMod", vec![l, r]);
            }
            BinOp::Rem(RemKind::Floor) => {
                self.prelude.insert("floatmod");
                return G::call(
                    "ferryFloatMod",
                    vec![self.float(lhs, l), self.float(rhs, r)],
                );
            }
            BinOp::Pow if ints && ty.is_int() => {
                self.prelude.insert("powint");
                return G::call("ferryPowInt", vec![l, r]);
            }
            BinOp::Pow => {
                self.import("math");
                return G::call("math.Pow", vec![self.float(lhs, l), self.float(rhs, r)]);
            }
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            // A helper rather than `uint32(x) >> n` inline: Go rejects converting a negative
            // constant to an unsigned type.
            BinOp::UShr => {
                let (name, key) = match lhs.ty {
                    Type::Int(IntKind::I32) => ("ferryUShr32", "ushr32"),
                    _ => ("ferryUShr64", "ushr64"),
                };
                return self.helper(name, key, vec![l, r]);
            }
            BinOp::And => "&&",
            BinOp::Or => "||",
            BinOp::Eq(kind) | BinOp::Ne(kind) => {
                let eq = matches!(op, BinOp::Eq(_));
                return self.equality(eq, kind, lhs, rhs, l, r);
            }
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        };
        G::bin(sym, l, r)
    }

    fn equality(&mut self, eq: bool, kind: EqKind, lhs: &Expr, rhs: &Expr, l: G, r: G) -> G {
        let sym = if eq { "==" } else { "!=" };
        // `a % b == 0` is the same whichever way the remainder rounds.
        if let (
            ExprKind::Binary {
                op: BinOp::Rem(RemKind::Floor),
                lhs: a,
                rhs: b,
            },
            ExprKind::Lit(Literal::Int(0)),
        ) = (&lhs.kind, &rhs.kind)
        {
            if a.ty.is_int() && b.ty.is_int() {
                let ga = self.expr(a);
                let gb = self.expr(b);
                return G::bin(sym, G::bin("%", ga, gb), r);
            }
        }
        let collection = |t: &Type| {
            matches!(
                t,
                Type::List(_) | Type::Array(_) | Type::Map(..) | Type::Set(_) | Type::Deque(_)
            )
        };
        if kind == EqKind::Value && (collection(&lhs.ty) || collection(&rhs.ty)) {
            let is_null = |e: &Expr| matches!(e.kind, ExprKind::Lit(Literal::Null));
            if !is_null(lhs) && !is_null(rhs) {
                self.import("reflect");
                let call = G::call("reflect.DeepEqual", vec![l, r]);
                return if eq { call } else { G::unary("!", call) };
            }
        }
        if lhs.ty == Type::Str && rhs.ty == Type::Char {
            let r = self.expr_as(rhs, &Type::Str);
            return G::bin(sym, l, r);
        }
        if lhs.ty == Type::Char && rhs.ty == Type::Str {
            let l = self.expr_as(lhs, &Type::Str);
            return G::bin(sym, l, r);
        }
        if lhs.ty == Type::Float && rhs.ty.is_int() {
            return G::bin(sym, l, self.float(rhs, r));
        }
        if rhs.ty == Type::Float && lhs.ty.is_int() {
            return G::bin(sym, self.float(lhs, l), r);
        }
        G::bin(sym, l, r)
    }

    /// An operand of a binary operation: Go's untyped rune constants need no conversion next to
    /// an int (`n - '0'`), nor does a byte of a string next to a rune constant (`s[i] < '0'`).
    fn operand(&mut self, e: &Expr, other: &Expr) -> G {
        // An optional value next to anything but `nil` is read through its pointer.
        if super::types::optional_value(&e.ty).is_some()
            && !matches!(other.kind, ExprKind::Lit(Literal::Null))
        {
            let g = self.expr(e);
            return G::unary("*", g);
        }
        use ferry_ir::intrinsics::StrUnit;
        use ferry_ir::Intrinsic;
        match &e.kind {
            ExprKind::Intrinsic {
                op: Intrinsic::CharCode,
                args,
            } if other.ty.is_int() => {
                if let [Expr {
                    kind: ExprKind::Lit(Literal::Char(c)),
                    ..
                }] = args.as_slice()
                {
                    if *c != '\0' {
                        return G::atom(rune_lit(*c));
                    }
                }
                if let [Expr {
                    kind:
                        ExprKind::Intrinsic {
                            op: Intrinsic::CharAt(StrUnit::Byte),
                            args: inner,
                        },
                    ..
                }] = args.as_slice()
                {
                    if let [s, i] = inner.as_slice() {
                        let s = self.expr(s);
                        let i = self.expr(i);
                        return G::call("int", vec![G::index(s, i)]);
                    }
                }
                self.expr(e)
            }
            ExprKind::Intrinsic {
                op: Intrinsic::CharAt(StrUnit::Byte),
                args,
            } if matches!(other.kind, ExprKind::Lit(Literal::Char(c)) if (c as u32) < 128) => {
                match args.as_slice() {
                    [s, i] => {
                        let s = self.expr(s);
                        let i = self.expr(i);
                        G::index(s, i)
                    }
                    _ => self.expr(e),
                }
            }
            _ => self.expr(e),
        }
    }

    /// `x` as a float64.
    pub(super) fn float(&mut self, e: &Expr, g: G) -> G {
        match (&e.ty, &e.kind) {
            (Type::Float, _) => g,
            (_, ExprKind::Lit(Literal::Int(v))) => G::atom(format!("{v}.0")),
            _ => G::call("float64", vec![g]),
        }
    }

    fn method_call(&mut self, receiver: &Expr, method: &str, args: &[Expr]) -> G {
        let class = match &receiver.kind {
            ExprKind::This | ExprKind::Super => self.recv.as_ref().map(|(_, c)| c.clone()),
            ExprKind::Name(c) if self.classes.contains_key(c) => Some(c.clone()),
            _ => match &receiver.ty {
                Type::Named(c) => Some(c.clone()),
                _ => None,
            },
        };
        let callee = class
            .as_deref()
            .and_then(|c| self.callee(Some(c), method, args.len(), false));
        let args = &self.with_defaults(callee.as_ref(), args);
        let args_g = self.call_args(class.as_deref(), method, args);
        let m = self
            .opts
            .function_name(method, || names::method_name(self.opts.naming, method))
            + &self.overload_suffix(true, method, args.len());
        match &receiver.kind {
            ExprKind::Super if method == CONSTRUCTOR => {
                let parent = self.parent_class().unwrap_or_default();
                let init = self.init_name(&parent, args.len());
                G::method(self.this(), &init, args_g)
            }
            ExprKind::Super => {
                let parent = self.parent_field();
                G::method(G::sel(self.this(), &parent), &m, args_g)
            }
            ExprKind::Name(class)
                if self.classes.contains_key(class) && !self.is_local_value(class) =>
            {
                let suffix = self.overload_suffix(true, method, args.len());
                G::call(self.static_name(class, method) + &suffix, args_g)
            }
            ExprKind::This => {
                // Calls from a base struct dispatch through `self`.
                let in_open =
                    self.recv.as_ref().and_then(|(_, c)| self.shape(c)) == Some(Shape::Open);
                if in_open {
                    let class = self
                        .recv
                        .as_ref()
                        .map(|(_, c)| c.clone())
                        .unwrap_or_default();
                    let target = self.dispatch_target(&class, method);
                    return G::method(target, &m, args_g);
                }
                G::method(self.this(), &m, args_g)
            }
            _ => {
                let known = match &receiver.ty {
                    Type::Named(c) => self.classes.contains_key(c),
                    Type::Any | Type::Unknown => true,
                    _ => false,
                };
                if !known {
                    // A method of a library type that the frontend did not make an intrinsic.
                    self.unsupported(
                        receiver.span,
                        &format!("method `{method}` on {}", receiver.ty),
                    );
                }
                let r = self.expr(receiver);
                G::method(r, &m, args_g)
            }
        }
    }

    fn is_local_value(&self, name: &str) -> bool {
        self.reads.contains(name) && !self.classes.contains_key(name)
    }

    /// `c.f`; a field read through an open class's interface goes through its base accessor.
    /// The class (this one or an ancestor) that declares a static field.
    fn static_owner(&self, class: &str, field: &str) -> Option<String> {
        let mut cur = Some(class.to_string());
        for _ in 0..16 {
            let c = self.classes.get(cur.as_ref()?)?;
            if c.fields.iter().any(|f| f.is_static && f.name == field) {
                return Some(c.name.clone());
            }
            cur = c.extends.clone();
        }
        None
    }

    /// A call of a function with several results used as one value: packed into a
    /// `ferryPair`/`ferryTriple`, as a tuple value is held.
    fn packed_results(&mut self, call: G, ty: &Type, raw: bool) -> G {
        let pack = match ty {
            Type::Tuple(ts) if !raw && ts.len() == 2 => "ferryPairOf",
            Type::Tuple(ts) if !raw && ts.len() == 3 => "ferryTripleOf",
            _ => return call,
        };
        self.helper(pack, "packresults", vec![call])
    }
    fn field(&mut self, object: &Expr, name: &str) -> G {
        // An array's only field.
        if name == "length" && matches!(object.ty, Type::Array(_) | Type::List(_)) {
            let o = self.expr(object);
            return G::call("len", vec![o]);
        }
        let f = names::value_name(self.opts.naming, name);
        if let ExprKind::Name(class) = &object.kind {
            if self.classes.contains_key(class) {
                return G::atom(self.static_name(class, name));
            }
        }
        if matches!(object.kind, ExprKind::This) {
            let class = self
                .recv
                .as_ref()
                .map(|(_, c)| c.clone())
                .or_else(|| self.static_class.clone());
            if let Some(owner) = class.and_then(|c| self.static_owner(&c, name)) {
                return G::atom(self.static_name(&owner, name));
            }
        }
        let o = self.expr(object);
        if !matches!(object.kind, ExprKind::This) {
            if let Type::Named(c) = &object.ty {
                if self.shape(c) == Some(Shape::Open) {
                    let accessor = format!("base{}", names::type_name(self.opts.naming, c));
                    return G::sel(G::method(o, &accessor, Vec::new()), &f);
                }
            }
        }
        G::sel(o, &f)
    }

    fn slice(
        &mut self,
        _e: &Expr,
        object: &Expr,
        start: Option<&Expr>,
        end: Option<&Expr>,
        step: Option<&Expr>,
    ) -> G {
        let o = self.expr(object);
        let python = self.module.language == Language::Python;
        let is_str = object.ty == Type::Str;
        if step.is_some() || python {
            let s = start.map(|s| self.expr(s));
            let en = end.map(|x| self.expr(x));
            let st = step.map(|x| self.expr(x));
            let opt =
                |g: Option<G>| g.map_or_else(|| G::atom("nil"), |g| G::call("ferryOpt", vec![g]));
            let args = vec![o, opt(s), opt(en), opt(st)];
            let helper = if is_str {
                "ferrySliceStr"
            } else {
                "ferrySlice"
            };
            self.prelude
                .insert(if is_str { "slicestr" } else { "slice" });
            return G::call(helper, args);
        }
        let s = start.map(|s| Box::new(self.expr(s)));
        let en = end.map(|x| Box::new(self.expr(x)));
        G::Slice(Box::new(o), s, en)
    }

    fn new_object(&mut self, class: &str, args: &[Expr]) -> G {
        let callee = self.callee(Some(class), class, args.len(), true);
        let args = &self.with_defaults(callee.as_ref(), args);
        let params: Vec<Type> = callee
            .map(|f| f.params.iter().map(|p| p.ty.clone()).collect())
            .unwrap_or_default();
        let args_g = self.coerced_args(args, &params, &[]);
        match self.shape(class) {
            Some(Shape::Exception) | None => {
                self.prelude.insert("error");
                let msg = args_g.into_iter().next().unwrap_or_else(|| G::atom("\"\""));
                G::call("ferryNewError", vec![G::atom(quote(class)), msg])
            }
            _ => {
                let ctor = self.ctor_name(class, args.len());
                G::call(ctor, args_g)
            }
        }
    }

    fn lambda(&mut self, params: &[ferry_ir::Param], body: &LambdaBody, ty: &Type) -> G {
        let ps: Vec<String> = params
            .iter()
            .map(|p| format!("{} {}", self.name(&p.name), self.go_type(&p.ty)))
            .collect();
        let ret_ty = match ty {
            Type::Func(_, r) => (**r).clone(),
            _ => match body {
                LambdaBody::Expr(e) => e.ty.clone(),
                LambdaBody::Block(_) => Type::Void,
            },
        };
        let ret = self.result_type(&ret_ty);
        let header = format!("func({}){ret}", ps.join(", "));
        match body {
            LambdaBody::Expr(e) => {
                let g = self.expr(e);
                let text = g.print(self.level + 1);
                let stmt = if ret_ty == Type::Void {
                    text
                } else {
                    format!("return {text}")
                };
                G::FuncLit {
                    header,
                    body: vec![stmt],
                    one_line: true,
                }
            }
            LambdaBody::Block(b) => {
                let lines = self.capture_block(b, &ret_ty);
                G::FuncLit {
                    header,
                    body: lines,
                    one_line: false,
                }
            }
        }
    }

    /// Prints a block into separate lines (indented relative to the current level + 1).
    pub(super) fn capture_block(&mut self, b: &ferry_ir::Block, ret: &Type) -> Vec<String> {
        let saved_out = std::mem::take(&mut self.out);
        let saved_level = self.level;
        let saved_ret = std::mem::replace(&mut self.ret, ret.clone());
        let saved_len = self.ret_len.take();
        let saved_elem_len = self.ret_elem_len.take();
        let saved_try = self.try_return.take();
        let saved_depth = std::mem::replace(&mut self.try_loop_depth, 0);
        let saved_finally = self.pending_finally.take();
        self.level += 1;
        self.block_stmts(&b.stmts);
        let text = std::mem::replace(&mut self.out, saved_out);
        self.level = saved_level;
        self.ret = saved_ret;
        self.ret_len = saved_len;
        self.ret_elem_len = saved_elem_len;
        self.try_return = saved_try;
        self.try_loop_depth = saved_depth;
        self.pending_finally = saved_finally;
        let strip = "\t".repeat(saved_level + 1);
        text.lines()
            .map(|l| l.strip_prefix(strip.as_str()).unwrap_or(l).to_string())
            .collect()
    }
}

/// Whether evaluating `e` can neither fail nor have an effect (so both branches of a
/// conditional may be evaluated).
fn is_safe(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) | ExprKind::This => true,
        // Reading an absent optional value through its pointer panics.
        ExprKind::Name(_) => super::types::optional_value(&e.ty).is_none(),
        ExprKind::Field { object, .. } => matches!(object.kind, ExprKind::This),
        ExprKind::Unary { operand, .. } => is_safe(operand),
        ExprKind::Binary { op, lhs, rhs } => {
            !matches!(op, BinOp::Div(_) | BinOp::Rem(_) | BinOp::Pow)
                && is_safe(lhs)
                && is_safe(rhs)
        }
        ExprKind::Intrinsic {
            op: ferry_ir::Intrinsic::ToStr(_) | ferry_ir::Intrinsic::Len(_),
            args,
        } => args.iter().all(is_safe),
        _ => false,
    }
}

/// Whether `!e` can be written without the `!`: a comparison of ints, strings or characters
/// (not floats, where NaN breaks the equivalence), or an emptiness test.
fn negatable(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge,
            lhs,
            rhs,
        } => {
            let plain = |t: &Type| t.is_int() || matches!(t, Type::Str | Type::Char | Type::Bool);
            plain(&lhs.ty)
                && plain(&rhs.ty)
                && !matches!(
                    lhs.kind,
                    ExprKind::Binary {
                        op: BinOp::Rem(RemKind::Floor),
                        ..
                    }
                )
        }
        ExprKind::Intrinsic {
            op: ferry_ir::Intrinsic::IsEmpty,
            args,
        } => args.len() == 1 && !matches!(args[0].ty, Type::StrBuilder),
        _ => false,
    }
}
