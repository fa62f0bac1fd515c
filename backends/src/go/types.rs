//! IR types as Go types.

use ferry_ir::{Expr, ExprKind, Intrinsic, Literal, Type};

use super::{names, Printer, Shape};

impl Printer<'_> {
    /// The Go spelling of a type (every integer kind is `int` under natural semantics).
    pub(super) fn go_type(&mut self, ty: &Type) -> String {
        match ty {
            Type::Void => String::new(),
            Type::Bool => "bool".to_string(),
            Type::Int(_) => "int".to_string(),
            Type::Float => "float64".to_string(),
            Type::Char => "rune".to_string(),
            Type::Str => "string".to_string(),
            Type::Array(t) | Type::List(t) | Type::Deque(t) => format!("[]{}", self.go_type(t)),
            Type::Map(k, v) => format!("map[{}]{}", self.go_type(k), self.go_type(v)),
            Type::Set(t) => format!("map[{}]bool", self.go_type(t)),
            Type::PriorityQueue(t) => format!("[]{}", self.go_type(t)),
            Type::StrBuilder => {
                self.import("strings");
                "*strings.Builder".to_string()
            }
            Type::Tuple(ts) => {
                self.prelude.insert("tuple");
                let parts: Vec<String> = ts.iter().map(|t| self.go_type(t)).collect();
                match parts.len() {
                    2 => format!("ferryPair[{}]", parts.join(", ")),
                    3 => format!("ferryTriple[{}]", parts.join(", ")),
                    _ => "[]any".to_string(),
                }
            }
            // A value type that may be absent is a pointer.
            Type::Optional(t) if is_value_type(t) => format!("*{}", self.go_type(t)),
            Type::Optional(t) => self.go_type(t),
            Type::Named(n) => self.named_type(n),
            Type::Func(ps, r) => {
                let params: Vec<String> = ps.iter().map(|p| self.go_type(p)).collect();
                let ret = self.result_type(r);
                format!("func({}){ret}", params.join(", "))
            }
            Type::Any | Type::Unknown => "any".to_string(),
        }
    }

    fn named_type(&mut self, n: &str) -> String {
        let name = names::type_name(self.opts.naming, n);
        match self.shape(n) {
            Some(Shape::Plain) => format!("*{name}"),
            Some(Shape::Open | Shape::Interface) => name,
            Some(Shape::Exception) => {
                self.prelude.insert("error");
                "*ferryError".to_string()
            }
            None if n == "Object" => "any".to_string(),
            None => {
                self.prelude.insert("error");
                "*ferryError".to_string()
            }
        }
    }

    /// The type Go infers for `x := e`, where it is certain.
    pub(super) fn natural_type(&mut self, e: &Expr) -> Option<String> {
        match &e.kind {
            ExprKind::Lit(Literal::Int(_)) => Some("int".to_string()),
            ExprKind::Lit(Literal::Float(_)) => Some("float64".to_string()),
            ExprKind::Lit(Literal::Char(_)) => Some("rune".to_string()),
            ExprKind::Lit(Literal::Null) => None,
            ExprKind::Intrinsic {
                op: Intrinsic::NewCollection | Intrinsic::NewFilled,
                ..
            } if e.ty.is_known() => Some(self.go_type(&e.ty)),
            _ if e.ty.is_known() && e.ty != Type::Any && !matches!(e.ty, Type::Tuple(_)) => {
                Some(self.go_type(&e.ty))
            }
            _ => None,
        }
    }
}

/// The fields of the prelude's tuple structs, by position.
pub(super) const TUPLE_FIELDS: [&str; 3] = ["first", "second", "third"];

/// Whether `e` is the Go zero value of its type (so that `make`/`var` give it for free).
pub(super) fn is_zero(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(Literal::Int(0) | Literal::Bool(false)) => true,
        ExprKind::Lit(Literal::Float(f)) => *f == 0.0,
        ExprKind::Lit(Literal::Str(s)) => s.is_empty(),
        ExprKind::Lit(Literal::Char(c)) => *c == '\0',
        ExprKind::Lit(Literal::Null) => true,
        _ => false,
    }
}

/// Types whose Go values cannot be `nil`.
pub(super) fn is_value_type(t: &Type) -> bool {
    matches!(
        t,
        Type::Int(_) | Type::Float | Type::Bool | Type::Str | Type::Char
    )
}

/// `Optional(T)` of a value type: the `T`.
pub(super) fn optional_value(t: &Type) -> Option<&Type> {
    match t {
        Type::Optional(inner) if is_value_type(inner) => Some(inner),
        _ => None,
    }
}
