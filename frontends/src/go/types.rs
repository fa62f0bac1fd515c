//! Go types to IR types, zero values, and literal parsing.

use ferry_ir::{Expr, ExprKind, IntKind, Intrinsic, Literal, Span, Type};
use tree_sitter::Node;

use super::{error_type, Lowerer};
use crate::common;

impl Lowerer<'_> {
    /// The IR type of a Go type node.
    pub(super) fn lower_type(&mut self, node: Node<'_>) -> Type {
        match node.kind() {
            "type_identifier" | "identifier" => self.named_type(self.text(node)),
            "parenthesized_type" => match node.named_child(0) {
                Some(inner) => self.lower_type(inner),
                None => Type::Unknown,
            },
            // A pointer to a struct is how Go refers to objects; a pointer to anything else
            // (`*int`) aliases a variable, which the IR does not model.
            "pointer_type" => match node.named_child(0).map(|inner| self.lower_type(inner)) {
                Some(named @ Type::Named(_)) => named,
                _ => Type::Unknown,
            },
            "slice_type" => match node.child_by_field_name("element") {
                Some(e) => Type::list(self.lower_type(e)),
                None => Type::Unknown,
            },
            "array_type" | "implicit_length_array_type" => {
                match node.child_by_field_name("element") {
                    Some(e) => Type::array(self.lower_type(e)),
                    None => Type::Unknown,
                }
            }
            "map_type" => {
                let k = node
                    .child_by_field_name("key")
                    .map_or(Type::Unknown, |k| self.lower_type(k));
                let value = node.child_by_field_name("value");
                // `map[K]struct{}` is Go's set.
                if value.is_some_and(|v| {
                    v.kind() == "struct_type" && self.text(v).split_whitespace().eq(["struct{}"])
                }) {
                    return Type::set(k);
                }
                let v = value.map_or(Type::Unknown, |v| self.lower_type(v));
                Type::map(k, v)
            }
            "qualified_type" => match self.text(node) {
                "strings.Builder" => Type::StrBuilder,
                _ => Type::Unknown,
            },
            "interface_type" => {
                if common::named_children(node).is_empty() {
                    Type::Any
                } else {
                    Type::Unknown
                }
            }
            "function_type" => {
                let params = node
                    .child_by_field_name("parameters")
                    .map(|p| self.param_types(p))
                    .unwrap_or_default();
                let ret = node
                    .child_by_field_name("result")
                    .map_or(Type::Void, |r| self.result_type(r).0);
                Type::Func(params, Box::new(ret))
            }
            _ => Type::Unknown,
        }
    }

    fn named_type(&self, name: &str) -> Type {
        match name {
            "int" | "int64" | "uint" | "uint64" | "uint32" | "uint16" | "int16" | "uintptr" => {
                Type::I64
            }
            "int32" => Type::I32,
            "int8" => Type::Int(IntKind::I8),
            // A byte is a character like a rune: string indexing gives one, `byte(65)` makes one.
            "rune" | "byte" | "uint8" => Type::Char,
            "float64" | "float32" => Type::Float,
            "string" => Type::Str,
            "bool" => Type::Bool,
            "any" => Type::Any,
            "error" => error_type(),
            other => match self.aliases.get(other) {
                Some(t) => t.clone(),
                None => Type::Named(other.to_string()),
            },
        }
    }

    /// Parameter types of a parameter list, one per name.
    pub(super) fn param_types(&mut self, list: Node<'_>) -> Vec<Type> {
        self.params_of(list)
            .into_iter()
            .map(|(_, t, _)| t)
            .collect()
    }

    /// `(name, type, variadic)` per parameter name.
    pub(super) fn params_of(&mut self, list: Node<'_>) -> Vec<(String, Type, bool)> {
        let mut out = Vec::new();
        for decl in common::named_children(list) {
            let variadic = decl.kind() == "variadic_parameter_declaration";
            if decl.kind() != "parameter_declaration" && !variadic {
                continue;
            }
            let ty = decl
                .child_by_field_name("type")
                .map_or(Type::Unknown, |t| self.lower_type(t));
            let mut cursor = decl.walk();
            let names: Vec<String> = decl
                .children_by_field_name("name", &mut cursor)
                .map(|n| self.text(n).to_string())
                .collect();
            if names.is_empty() {
                out.push(("_".to_string(), ty, variadic));
            } else {
                for n in names {
                    out.push((n, ty.clone(), variadic));
                }
            }
        }
        out
    }

    /// The IR result type of a result node, whether the last result is `error`, and the named
    /// results.
    pub(super) fn result_type(&mut self, node: Node<'_>) -> (Type, bool, Vec<(String, Type)>) {
        if node.kind() != "parameter_list" {
            let t = self.lower_type(node);
            if t == error_type() {
                return (Type::Void, true, Vec::new());
            }
            return (t, false, Vec::new());
        }
        let params = self.params_of(node);
        let named: Vec<(String, Type)> = params
            .iter()
            .filter(|(n, _, _)| n != "_")
            .map(|(n, t, _)| (n.clone(), t.clone()))
            .collect();
        let mut types: Vec<Type> = params.into_iter().map(|(_, t, _)| t).collect();
        let mut returns_error = false;
        if types.last() == Some(&error_type()) {
            types.pop();
            returns_error = true;
        }
        let ret = match types.len() {
            0 => Type::Void,
            1 => types.pop().unwrap_or(Type::Void),
            _ => Type::Tuple(types),
        };
        (ret, returns_error, named)
    }
}

/// The zero value of a type, where it has a simple one.
pub(super) fn zero_value(ty: &Type, span: Span) -> Expr {
    let lit = |l: Literal| Expr::new(ExprKind::Lit(l), ty.clone(), span);
    match ty {
        Type::Int(_) => lit(Literal::Int(0)),
        Type::Float => lit(Literal::Float(0.0)),
        Type::Str => lit(Literal::Str(String::new())),
        Type::Bool => lit(Literal::Bool(false)),
        Type::Char => lit(Literal::Char('\0')),
        Type::List(_) | Type::Map(..) | Type::Set(_) | Type::Deque(_) => Expr::new(
            ExprKind::Intrinsic {
                op: Intrinsic::NewCollection,
                args: Vec::new(),
            },
            ty.clone(),
            span,
        ),
        Type::StrBuilder => Expr::new(
            ExprKind::Intrinsic {
                op: Intrinsic::BuilderNew,
                args: Vec::new(),
            },
            Type::StrBuilder,
            span,
        ),
        _ => lit(Literal::Null),
    }
}

/// Parses a Go integer literal (`42`, `0x2A`, `0b101`, `0o17`, `017`, `1_000`).
pub(super) fn parse_int(text: &str) -> Option<i128> {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        i128::from_str_radix(h, 16).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        i128::from_str_radix(b, 2).ok()
    } else if let Some(o) = lower.strip_prefix("0o") {
        i128::from_str_radix(o, 8).ok()
    } else if lower.len() > 1 && lower.starts_with('0') {
        i128::from_str_radix(&lower[1..], 8).ok()
    } else {
        lower.parse().ok()
    }
}

/// Unescapes the body of an interpreted string or rune literal.
pub(super) fn unescape(body: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let e = chars.next()?;
        match e {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = (0..n).filter_map(|_| chars.next()).collect();
                let code = u32::from_str_radix(&hex, 16).ok()?;
                if e == 'x' && code > 0x7f {
                    return None;
                }
                out.push(char::from_u32(code)?);
            }
            '0'..='7' => {
                let mut oct = String::from(e);
                for _ in 0..2 {
                    oct.push(chars.next()?);
                }
                let code = u32::from_str_radix(&oct, 8).ok()?;
                if code > 0x7f {
                    return None;
                }
                out.push(char::from_u32(code)?);
            }
            _ => return None,
        }
    }
    Some(out)
}
