//! Library calls: `System.out`, `Math`, `String`, collections and user methods, as a table from
//! Java names to intrinsics.

use ferry_ir::{BinOp, Expr, ExprKind, Intrinsic, Language, Literal, Stmt, StmtKind, Type};
use tree_sitter::Node;

use ferry_ir::intrinsics::StrUnit;

use super::comparators::compare_numbers;
use super::expr::{intrinsic, with_ty};
use super::{span, Lowerer};
use crate::common::{field_children, named_children};

const CU: StrUnit = StrUnit::CodeUnit;

/// `Math.name` with the same arguments.
pub(super) fn math(name: &str) -> Option<Intrinsic> {
    use Intrinsic as I;
    Some(match name {
        "abs" => I::Abs,
        "min" => I::Min,
        "max" => I::Max,
        "pow" => I::Pow,
        "sqrt" => I::Sqrt,
        "floor" => I::Floor,
        "ceil" => I::Ceil,
        "log" => I::Log,
        "log10" => I::Log10,
        "exp" => I::Exp,
        "sin" => I::Sin,
        "cos" => I::Cos,
        "tan" => I::Tan,
        "atan" => I::Atan,
        "atan2" => I::Atan2,
        "hypot" => I::Hypot,
        _ => return None,
    })
}

/// `Character.name(c)`.
pub(super) fn character(name: &str) -> Option<Intrinsic> {
    use Intrinsic as I;
    Some(match name {
        "isDigit" => I::IsDigit,
        "isLetter" | "isAlphabetic" => I::IsLetter,
        "isLetterOrDigit" => I::IsLetterOrDigit,
        "isUpperCase" => I::IsUpper,
        "isLowerCase" => I::IsLower,
        "isWhitespace" => I::IsWhitespace,
        "toUpperCase" => I::ToUpper,
        "toLowerCase" => I::ToLower,
        _ => return None,
    })
}

/// String methods whose arguments pass through unchanged.
pub(super) fn string_method(name: &str) -> Option<Intrinsic> {
    use Intrinsic as I;
    Some(match name {
        "length" => I::Len(CU),
        "charAt" => I::CharAt(CU),
        "substring" => I::Substring(CU),
        "contains" => I::Contains,
        "indexOf" => I::IndexOf,
        "lastIndexOf" => I::LastIndexOf,
        "startsWith" => I::StartsWith,
        "endsWith" => I::EndsWith,
        "toUpperCase" => I::ToUpper,
        "toLowerCase" => I::ToLower,
        "trim" | "strip" => I::Trim,
        "replace" => I::Replace,
        "repeat" => I::Repeat,
        "isEmpty" => I::IsEmpty,
        "compareTo" => I::CompareStr,
        "subSequence" => I::Substring(CU),
        "toCharArray" => I::Chars,
        _ => return None,
    })
}

impl Lowerer<'_> {
    fn lower_args(&mut self, nodes: &[Node<'_>]) -> Vec<Expr> {
        nodes.iter().map(|a| self.expr(*a)).collect()
    }

    pub(super) fn unsupported_call(&mut self, node: Node<'_>, what: &str) -> Expr {
        let u = self.unsupported(node, what);
        Expr::new(ExprKind::Unsupported(u), Type::Unknown, span(node))
    }

    /// A method call used as a statement that is better expressed as one (`list.set(i, v)`).
    pub(super) fn call_statement(&mut self, node: Node<'_>) -> Option<Stmt> {
        let name = self.text(node.child_by_field_name("name")?);
        let obj = node.child_by_field_name("object")?;
        if matches!(name, "retainAll" | "removeAll") {
            return self.set_update(node, obj, name);
        }
        if name != "set" {
            return None;
        }
        let args = args_of(node);
        let o = self.expr(obj);
        if !matches!(o.ty, Type::List(_)) || args.len() != 2 {
            return None;
        }
        let elem = o.ty.element().cloned().unwrap_or(Type::Unknown);
        let i = self.expr(args[0]);
        let v = self.expr_expect(args[1], &elem);
        let target = Expr::new(
            ExprKind::Index {
                object: Box::new(o),
                index: Box::new(i),
            },
            elem,
            span(node),
        );
        Some(Stmt {
            kind: StmtKind::Assign {
                target,
                op: None,
                value: v,
            },
            span: span(node),
        })
    }

    /// `s.retainAll(t)` / `s.removeAll(t)` on a local set and another set: `s` becomes the
    /// intersection / difference.
    fn set_update(&mut self, node: Node<'_>, obj: Node<'_>, name: &str) -> Option<Stmt> {
        let args = args_of(node);
        if obj.kind() != "identifier"
            || args.len() != 1
            || !matches!(self.local(self.text(obj)), Some(Type::Set(_)))
        {
            return None;
        }
        let s = self.expr(obj);
        let t = self.expr(args[0]);
        if !matches!(t.ty, Type::Set(_)) {
            return Some(Stmt {
                kind: StmtKind::Unsupported(
                    self.unsupported(node, &format!("{name} with a collection that is not a set")),
                ),
                span: span(node),
            });
        }
        let op = if name == "retainAll" {
            Intrinsic::Intersection
        } else {
            Intrinsic::Difference
        };
        let value = intrinsic(op, vec![s.clone(), t], node);
        Some(Stmt {
            kind: StmtKind::Assign {
                target: s,
                op: None,
                value,
            },
            span: span(node),
        })
    }

    pub(super) fn call(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let name = node
            .child_by_field_name("name")
            .map(|n| self.text(n).to_string())
            .unwrap_or_default();
        let arg_nodes = args_of(node);
        let Some(obj) = node.child_by_field_name("object") else {
            let args = self.lower_args(&arg_nodes);
            if let Some(c) = self.current.clone() {
                if let Some(t) = self.method_type(&c, &name) {
                    let this = Expr::new(ExprKind::This, Type::Named(c), sp);
                    return Expr::new(
                        ExprKind::MethodCall {
                            receiver: Box::new(this),
                            method: name,
                            args,
                        },
                        t,
                        sp,
                    );
                }
            }
            if let Some(t) = self.functions.get(&name).cloned() {
                return Expr::new(ExprKind::Call { func: name, args }, t, sp);
            }
            return self.unsupported_call(node, "call of an unknown function");
        };
        if let Some(e) = self.stream(node) {
            return e;
        }
        let otext = self.text(obj).to_string();
        if obj.kind() == "super" {
            let args = self.lower_args(&arg_nodes);
            let t = self
                .current
                .clone()
                .and_then(|c| self.classes.get(&c).and_then(|i| i.extends.clone()))
                .and_then(|s| self.method_type(&s, &name))
                .unwrap_or(Type::Unknown);
            let sup = Expr::new(ExprKind::Super, Type::Unknown, span(obj));
            return Expr::new(
                ExprKind::MethodCall {
                    receiver: Box::new(sup),
                    method: name,
                    args,
                },
                t,
                sp,
            );
        }
        if let Some(e) = self.static_call(node, &otext, &name, &arg_nodes) {
            return e;
        }
        if self.classes.contains_key(&otext) && self.local(&otext).is_none() {
            let args = self.lower_args(&arg_nodes);
            let t = self.method_type(&otext, &name).unwrap_or(Type::Unknown);
            let recv = Expr::new(ExprKind::Name(otext.clone()), Type::Named(otext), span(obj));
            return Expr::new(
                ExprKind::MethodCall {
                    receiver: Box::new(recv),
                    method: name,
                    args,
                },
                t,
                sp,
            );
        }
        if let Some((k, v)) = self.entries.get(&otext).cloned() {
            let which = match name.as_str() {
                "getKey" => k,
                "getValue" => v,
                _ => return self.unsupported_call(node, "map entry method"),
            };
            let t = self.local(&which).unwrap_or(Type::Unknown);
            return Expr::new(ExprKind::Name(which), t, sp);
        }
        let recv = self.expr(obj);
        self.method_on(node, recv, &otext, &name, &arg_nodes)
    }

    fn static_call(
        &mut self,
        node: Node<'_>,
        class: &str,
        name: &str,
        arg_nodes: &[Node<'_>],
    ) -> Option<Expr> {
        use Intrinsic as I;
        let sp = span(node);
        let e = match (class, name) {
            ("System.out", "println" | "print") => {
                let op = if name == "println" {
                    I::Println
                } else {
                    I::Print
                };
                let arg = match arg_nodes.first() {
                    Some(a) => {
                        let e = self.expr(*a);
                        self.stringify(e)
                    }
                    None => Expr::new(ExprKind::Lit(Literal::Str(String::new())), Type::Str, sp),
                };
                intrinsic(op, vec![arg], node)
            }
            ("System.out", "printf") | ("String", "format") => {
                let mut args = self.lower_args(arg_nodes);
                match args.first_mut().map(|a| &mut a.kind) {
                    Some(ExprKind::Lit(Literal::Str(f))) => *f = f.replace("%n", "\n"),
                    _ => {
                        return Some(
                            self.unsupported_call(node, "format with a non-literal format string"),
                        )
                    }
                }
                for a in args.iter_mut().skip(1) {
                    if a.ty == Type::Bool {
                        let b = std::mem::replace(
                            a,
                            Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                        );
                        *a = self.stringify(b);
                    }
                }
                let f = intrinsic(I::Format, args, node);
                if class == "String" {
                    f
                } else {
                    intrinsic(I::Print, vec![f], node)
                }
            }
            ("Integer" | "Long", "toString")
                if arg_nodes.len() == 2 && self.text(arg_nodes[1]) == "2" =>
            {
                let x = self.expr(arg_nodes[0]);
                let x = self.as_number(x);
                intrinsic(I::ToBinary { prefixed: false }, vec![x], node)
            }
            ("String", "valueOf") | ("Integer" | "Long" | "Double" | "Character", "toString")
                if arg_nodes.len() == 1 =>
            {
                let a = self.lower_args(arg_nodes).into_iter().next()?;
                if a.ty == Type::Char {
                    intrinsic(I::CharToStr, vec![a], node)
                } else if is_chars(&a.ty) {
                    intrinsic(I::FromChars, vec![a], node)
                } else if matches!(a.ty, Type::Array(_)) {
                    return Some(self.unsupported_call(node, "String.valueOf of an array"));
                } else {
                    self.stringify(a)
                }
            }
            ("Integer", "toBinaryString") if arg_nodes.len() == 1 => {
                let x = self.expr_expect(arg_nodes[0], &Type::I32);
                let x = self.as_number(x);
                intrinsic(I::ToBinary { prefixed: false }, vec![unsigned_int(x)], node)
            }
            ("String", "copyValueOf") if arg_nodes.len() == 1 => {
                let a = self.expr(arg_nodes[0]);
                intrinsic(I::FromChars, vec![a], node)
            }
            ("Objects", "equals") if arg_nodes.len() == 2 => {
                let a = self.expr(arg_nodes[0]);
                let b = self.expr(arg_nodes[1]);
                Expr::new(
                    ExprKind::Binary {
                        op: BinOp::Eq(ferry_ir::EqKind::Value),
                        lhs: Box::new(a),
                        rhs: Box::new(b),
                    },
                    Type::Bool,
                    sp,
                )
            }
            ("Collections", "frequency") if arg_nodes.len() == 2 => {
                let c = self.expr(arg_nodes[0]);
                let x = self.expr(arg_nodes[1]);
                intrinsic(I::Count, vec![c, x], node)
            }
            ("String", "join") => {
                let args = self.lower_args(arg_nodes);
                if args.len() != 2 || !matches!(args[1].ty, Type::List(_)) {
                    return Some(self.unsupported_call(node, "String.join with varargs"));
                }
                intrinsic(I::Join, args, node)
            }
            ("Integer", "parseInt" | "valueOf") | ("Long", "parseLong") => {
                let args = self.lower_args(arg_nodes);
                if args.len() != 1 {
                    return Some(self.unsupported_call(node, "parseInt with a radix"));
                }
                if args[0].ty != Type::Str {
                    return args.into_iter().next();
                }
                let t = if class == "Long" {
                    Type::I64
                } else {
                    Type::I32
                };
                with_ty(I::ParseInt, args, t, node)
            }
            ("Double", "parseDouble") => {
                let args = self.lower_args(arg_nodes);
                intrinsic(I::ParseFloat, args, node)
            }
            ("Math", "floorDiv" | "floorMod") | ("Integer" | "Long", "compare")
                if arg_nodes.len() == 2 =>
            {
                let args: Vec<Expr> = self
                    .lower_args(arg_nodes)
                    .into_iter()
                    .map(|a| self.as_number(a))
                    .collect();
                let ty = if args.iter().any(|a| a.ty == Type::I64) && name != "compare" {
                    Type::I64
                } else {
                    Type::I32
                };
                let mut it = args.into_iter();
                let (Some(a), Some(b)) = (it.next(), it.next()) else {
                    return None;
                };
                let bin = |op: BinOp, a: Expr, b: Expr, ty: Type| {
                    Expr::new(
                        ExprKind::Binary {
                            op,
                            lhs: Box::new(a),
                            rhs: Box::new(b),
                        },
                        ty,
                        sp,
                    )
                };
                match name {
                    "floorDiv" => bin(BinOp::Div(ferry_ir::DivKind::Floor), a, b, ty),
                    "floorMod" => bin(BinOp::Rem(ferry_ir::RemKind::Floor), a, b, ty),
                    _ => compare_numbers(a, b),
                }
            }
            ("Math", "round") => {
                // Math.round(double) is a long; the IR's Round is a float.
                let args: Vec<Expr> = self.lower_args(arg_nodes);
                let r = intrinsic(I::Round, args, node);
                Expr::new(
                    ExprKind::Cast {
                        expr: Box::new(r),
                        to: Type::I64,
                    },
                    Type::I64,
                    sp,
                )
            }
            ("Integer" | "Math", "max" | "min") | ("Math", _) => {
                let op = math(name)?;
                let args: Vec<Expr> = self
                    .lower_args(arg_nodes)
                    .into_iter()
                    .map(|a| self.as_number(a))
                    .collect();
                if name == "round" {
                    return None;
                }
                let mut e = intrinsic(op, args.clone(), node);
                if matches!(op, I::Abs | I::Min | I::Max)
                    && args.iter().any(|a| a.ty == Type::Float)
                {
                    e.ty = Type::Float;
                } else if matches!(op, I::Min | I::Max) && args.iter().any(|a| a.ty == Type::I64) {
                    e.ty = Type::I64;
                }
                e
            }
            ("Character", _) => {
                let args = self.lower_args(arg_nodes);
                if name == "getNumericValue" {
                    let c = args.into_iter().next()?;
                    let code = self.as_number(c);
                    let zero = Expr::new(ExprKind::Lit(Literal::Char('0')), Type::Char, sp);
                    let zero = self.as_number(zero);
                    return Some(Expr::new(
                        ExprKind::Binary {
                            op: BinOp::Sub,
                            lhs: Box::new(code),
                            rhs: Box::new(zero),
                        },
                        Type::I32,
                        sp,
                    ));
                }
                let op = character(name)?;
                let mut e = intrinsic(op, args, node);
                if matches!(op, I::ToUpper | I::ToLower) {
                    e.ty = Type::Char;
                }
                e
            }
            ("Arrays", "sort") | ("Collections", "sort") => {
                let mut args = self.lower_args(&arg_nodes[..1.min(arg_nodes.len())]);
                let Some(list) = args.pop() else {
                    return Some(self.unsupported_call(node, "sort without arguments"));
                };
                match arg_nodes.get(1..) {
                    Some([]) | None => intrinsic(I::Sort, vec![list], node),
                    Some([cmp]) => self.sort_with(node, list, *cmp),
                    Some(_) => return Some(self.unsupported_call(node, "sort of a range")),
                }
            }
            ("Arrays", "fill") if arg_nodes.len() == 2 => {
                let a = self.expr(arg_nodes[0]);
                let el = a.ty.element().cloned().unwrap_or(Type::Unknown);
                let v = self.expr_expect(arg_nodes[1], &el);
                intrinsic(I::Fill, vec![a, v], node)
            }
            ("Arrays", "toString") => {
                let a = self.lower_args(arg_nodes).into_iter().next()?;
                // `Arrays.toString` renders `[1, 2]`, as Python renders a list of numbers.
                if !matches!(&a.ty, Type::Array(t) if matches!(**t, Type::Int(_) | Type::Bool)) {
                    return Some(
                        self.unsupported_call(node, "Arrays.toString of non-integer elements"),
                    );
                }
                if matches!(&a.ty, Type::Array(t) if **t == Type::Bool) {
                    return Some(self.unsupported_call(node, "Arrays.toString of booleans"));
                }
                with_ty(I::ToStr(Language::Python), vec![a], Type::Str, node)
            }
            ("Optional", _) => return self.optional_static(node, name, arg_nodes),
            ("Arrays" | "List", "asList" | "of") | ("Set", "of") => {
                let items = self.lower_args(arg_nodes);
                if let [a] = items.as_slice() {
                    // One array of objects is the variable arguments themselves (`split`'s
                    // strings); an `int[]` is one element.
                    let spread = match (&a.ty, &a.kind) {
                        (Type::Array(t), _) => super::types::is_reference(t),
                        (
                            _,
                            ExprKind::Intrinsic {
                                op: I::Split | I::SplitWhitespace | I::RegexSplit,
                                ..
                            },
                        ) => true,
                        _ => false,
                    };
                    if spread {
                        let el = a.ty.element().cloned().unwrap_or(Type::Unknown);
                        let ty = if class == "Set" {
                            Type::set(el)
                        } else {
                            Type::list(el)
                        };
                        return Some(with_ty(I::CopyOf, items, ty, node));
                    }
                }
                // Values of different types make a list of objects.
                let el = match items.first() {
                    Some(first) if items.iter().all(|i| i.ty == first.ty) => first.ty.clone(),
                    Some(_) => Type::Any,
                    None => Type::Unknown,
                };
                if class == "Set" {
                    Expr::new(ExprKind::SetLit(items), Type::set(el), sp)
                } else {
                    Expr::new(ExprKind::ListLit(items), Type::list(el), sp)
                }
            }
            ("Map", "of") => {
                let items = self.lower_args(arg_nodes);
                let (k, v) = (
                    items.first().map_or(Type::Unknown, |i| i.ty.clone()),
                    items.get(1).map_or(Type::Unknown, |i| i.ty.clone()),
                );
                let mut pairs = Vec::new();
                let mut it = items.into_iter();
                while let (Some(a), Some(b)) = (it.next(), it.next()) {
                    pairs.push((a, b));
                }
                Expr::new(ExprKind::MapLit(pairs), Type::map(k, v), sp)
            }
            ("Collections", "reverse" | "max" | "min") => {
                let args = self.lower_args(arg_nodes);
                if args.len() != 1 {
                    return Some(self.unsupported_call(node, "Collections call with a comparator"));
                }
                let op = match name {
                    "reverse" => I::Reverse,
                    "max" => I::MaxOf,
                    _ => I::MinOf,
                };
                intrinsic(op, args, node)
            }
            _ => return None,
        };
        Some(e)
    }

    /// A method called on a value, by the value's type.
    pub(super) fn method_on(
        &mut self,
        node: Node<'_>,
        recv: Expr,
        _otext: &str,
        name: &str,
        arg_nodes: &[Node<'_>],
    ) -> Expr {
        use Intrinsic as I;
        let sp = span(node);
        let elem = recv.ty.element().cloned().unwrap_or(Type::Unknown);
        let ty = recv.ty.clone();
        let is_stack = matches!(&recv.kind, ExprKind::Name(n) if self.stacks.contains(n));
        let user_class = matches!(&ty, Type::Named(c) if self.classes.contains_key(c));
        if name == "toString"
            && arg_nodes.is_empty()
            && !(user_class
                && matches!(&ty, Type::Named(c) if self.method_type(c, "toString").is_some()))
        {
            if !user_class
                && matches!(
                    ty,
                    Type::Array(_) | Type::Named(_) | Type::Unknown | Type::Any
                )
            {
                return self.unsupported_call(node, "toString of this value");
            }
            if ty != Type::StrBuilder {
                return self.stringify(recv);
            }
        }
        if name == "equals" && arg_nodes.len() == 1 && ty != Type::Str && !user_class {
            let b = self.expr(arg_nodes[0]);
            return Expr::new(
                ExprKind::Binary {
                    op: BinOp::Eq(ferry_ir::EqKind::Value),
                    lhs: Box::new(recv),
                    rhs: Box::new(b),
                },
                Type::Bool,
                sp,
            );
        }
        match (&ty, name) {
            (Type::Optional(_), _) => return self.optional_method(node, recv, name, arg_nodes),
            (Type::Tuple(ts), "getKey" | "getValue") if ts.len() == 2 && arg_nodes.is_empty() => {
                // A map entry is a (key, value) pair.
                let i = usize::from(name == "getValue");
                if let ExprKind::TupleLit(items) = &recv.kind {
                    // The pair a stream over a map's entries is made of.
                    if let Some(x) = items.get(i) {
                        return x.clone();
                    }
                }
                let t = ts.get(i).cloned().unwrap_or(Type::Unknown);
                let index = Expr::new(ExprKind::Lit(Literal::Int(i as i128)), Type::I32, sp);
                return Expr::new(
                    ExprKind::Index {
                        object: Box::new(recv),
                        index: Box::new(index),
                    },
                    t,
                    sp,
                );
            }
            (Type::Named(c), _) if c == "Exception" && name == "getMessage" => {
                return intrinsic(I::ErrorMessage, vec![recv], node);
            }
            (Type::Named(c), _) => {
                let args = self.lower_args(arg_nodes);
                let t = self.method_type(c, name).unwrap_or(Type::Unknown);
                return Expr::new(
                    ExprKind::MethodCall {
                        receiver: Box::new(recv),
                        method: name.to_string(),
                        args,
                    },
                    t,
                    sp,
                );
            }
            (Type::Str, "equals") => {
                let b = self.lower_args(arg_nodes).into_iter().next();
                let Some(b) = b else {
                    return self.unsupported_call(node, "equals without argument");
                };
                return Expr::new(
                    ExprKind::Binary {
                        op: BinOp::Eq(ferry_ir::EqKind::Value),
                        lhs: Box::new(recv),
                        rhs: Box::new(b),
                    },
                    Type::Bool,
                    sp,
                );
            }
            (Type::Int(_) | Type::Float | Type::Char, "compareTo") if arg_nodes.len() == 1 => {
                let b = self.expr_expect(arg_nodes[0], &ty);
                return compare_numbers(recv, b);
            }
            (Type::Str, "equalsIgnoreCase") => {
                let b = self.lower_args(arg_nodes).into_iter().next();
                let Some(b) = b else {
                    return self.unsupported_call(node, "equals without argument");
                };
                let a = intrinsic(I::ToLower, vec![recv], node);
                let b = intrinsic(I::ToLower, vec![b], node);
                return Expr::new(
                    ExprKind::Binary {
                        op: BinOp::Eq(ferry_ir::EqKind::Value),
                        lhs: Box::new(a),
                        rhs: Box::new(b),
                    },
                    Type::Bool,
                    sp,
                );
            }
            (Type::Str, "split") => {
                let args = self.lower_args(arg_nodes);
                let sep = match args.first().map(|a| &a.kind) {
                    Some(ExprKind::Lit(Literal::Str(s))) => s.clone(),
                    _ => return self.unsupported_call(node, "split on a non-literal pattern"),
                };
                // A negative limit keeps trailing empty strings, as the IR's `Split` does.
                let keep_trailing = match args.get(1).map(|a| &a.kind) {
                    None => false,
                    Some(ExprKind::Lit(Literal::Int(n))) if *n < 0 => true,
                    Some(_) => return self.unsupported_call(node, "split with a limit"),
                };
                if !keep_trailing && (sep == "\\s+" || sep == " +") {
                    return intrinsic(I::SplitWhitespace, vec![recv], node);
                }
                let Some(literal) = regex_literal(&sep) else {
                    if !crate::regex::is_portable_split(&sep) {
                        return self.unsupported_call(node, "split on this regular expression");
                    }
                    // Without a limit Java drops trailing empty strings: as for `Split` below.
                    let pattern = Expr::new(ExprKind::Lit(Literal::Str(sep)), Type::Str, sp);
                    return intrinsic(I::RegexSplit, vec![recv, pattern], node);
                };
                // Without a limit Java drops trailing empty strings; the IR keeps them: only
                // exact for inputs without trailing separators, which is what split is used for
                // in practice.
                let sep = Expr::new(ExprKind::Lit(Literal::Str(literal)), Type::Str, sp);
                return intrinsic(I::Split, vec![recv, sep], node);
            }
            (Type::Str, _) => {
                let Some(op) = string_method(name) else {
                    return self.unsupported_call(node, &format!("String.{name}"));
                };
                let mut args = self.lower_args(arg_nodes);
                if matches!(
                    op,
                    I::IndexOf | I::LastIndexOf | I::Contains | I::StartsWith | I::EndsWith
                ) {
                    if args.len() > 1 {
                        return self.unsupported_call(node, "indexOf with a start index");
                    }
                    for a in &mut args {
                        // `indexOf(int ch)` looks for the character with that code.
                        let code = a.ty.is_int() && matches!(op, I::IndexOf | I::LastIndexOf);
                        if a.ty == Type::Char || code {
                            let c = std::mem::replace(
                                a,
                                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                            );
                            let c = super::functional::as_char(c);
                            *a = intrinsic(I::CharToStr, vec![c], node);
                        }
                    }
                }
                if op == I::Replace && args.iter().any(|a| a.ty == Type::Char) {
                    let conv: Vec<Expr> = args
                        .into_iter()
                        .map(|a| {
                            if a.ty == Type::Char {
                                intrinsic(I::CharToStr, vec![a], node)
                            } else {
                                a
                            }
                        })
                        .collect();
                    args = conv;
                }
                let mut all = vec![recv];
                all.extend(args);
                return intrinsic(op, all, node);
            }
            (Type::StrBuilder, _) => {
                let args = self.lower_args(arg_nodes);
                return match name {
                    "append" => {
                        let Some(a) = args.into_iter().next() else {
                            return self.unsupported_call(node, "append()");
                        };
                        let a = if a.ty == Type::Char {
                            intrinsic(I::CharToStr, vec![a], node)
                        } else {
                            self.stringify(a)
                        };
                        intrinsic(I::BuilderAppend, vec![recv, a], node)
                    }
                    "toString" => intrinsic(I::BuilderToStr, vec![recv], node),
                    "reverse" => intrinsic(I::BuilderReverse, vec![recv], node),
                    "setLength" if arg_nodes.first().is_some_and(|a| self.text(*a) == "0") => {
                        intrinsic(I::Clear, vec![recv], node)
                    }
                    "length" => intrinsic(I::Len(CU), vec![recv], node),
                    _ => self.unsupported_call(node, &format!("StringBuilder.{name}")),
                };
            }
            (Type::Func(..), "apply" | "test" | "accept" | "get" | "compare" | "run") => {
                let args = self.lower_args(arg_nodes);
                let t = match &ty {
                    Type::Func(_, r) => (**r).clone(),
                    _ => Type::Unknown,
                };
                return Expr::new(
                    ExprKind::CallValue {
                        callee: Box::new(recv),
                        args,
                    },
                    t,
                    sp,
                );
            }
            _ => {}
        }
        // Collections.
        let one = |l: &mut Self, i: usize, t: &Type| arg_nodes.get(i).map(|a| l.expr_expect(*a, t));
        let op_args: Option<(Intrinsic, Vec<Expr>, Option<Type>)> = match (
            &ty,
            name,
            arg_nodes.len(),
        ) {
            (
                Type::List(_)
                | Type::Set(_)
                | Type::Map(..)
                | Type::Deque(_)
                | Type::PriorityQueue(_),
                "size",
                0,
            ) => Some((I::Len(CU), vec![], None)),
            (_, "isEmpty", 0) => Some((I::IsEmpty, vec![], None)),
            (_, "clear", 0) => Some((I::Clear, vec![], None)),
            (Type::List(_) | Type::Set(_) | Type::Deque(_), "contains", 1) => Some((
                I::Contains,
                vec![one(self, 0, &elem).unwrap_or_else(|| self.missing(node))],
                None,
            )),
            (Type::List(_), "add", 1) => Some((
                I::Append,
                vec![one(self, 0, &elem).unwrap_or_else(|| self.missing(node))],
                None,
            )),
            (Type::List(_), "add", 2) => {
                let i = self.expr(arg_nodes[0]);
                let v = self.expr_expect(arg_nodes[1], &elem);
                Some((I::Insert, vec![i, v], None))
            }
            (Type::List(_), "get", 1) => {
                let i = self.expr(arg_nodes[0]);
                return Expr::new(
                    ExprKind::Index {
                        object: Box::new(recv),
                        index: Box::new(i),
                    },
                    elem,
                    sp,
                );
            }
            (Type::List(_), "addAll", 1) => Some((I::Extend, vec![self.expr(arg_nodes[0])], None)),
            (Type::List(_), "subList", 2) => {
                let a = self.expr(arg_nodes[0]);
                let b = self.expr(arg_nodes[1]);
                return Expr::new(
                    ExprKind::Slice {
                        object: Box::new(recv),
                        start: Some(Box::new(a)),
                        end: Some(Box::new(b)),
                        step: None,
                    },
                    ty.clone(),
                    sp,
                );
            }
            (Type::List(_), "indexOf", 1) => {
                Some((I::IndexOf, vec![self.expr(arg_nodes[0])], Some(Type::I32)))
            }
            (Type::List(_), "remove", 1) => {
                let a = self.expr(arg_nodes[0]);
                // `remove(int)` removes at an index, `remove(Integer)` the element: an
                // element read from a collection is an `Integer`.
                let boxed = matches!(
                    &a.kind,
                    ExprKind::Index { object, .. } if matches!(object.ty, Type::List(_) | Type::Map(..))
                ) || matches!(
                    &a.kind,
                    ExprKind::Intrinsic {
                        op: I::GetOrDefault
                            | I::MinOf
                            | I::MaxOf
                            | I::PeekBack
                            | I::PeekFront
                            | I::HeapPeek,
                        ..
                    }
                );
                let by_index = a.ty.is_int()
                    && !boxed
                    && arg_nodes[0].kind() != "cast_expression"
                    && !self.text(arg_nodes[0]).starts_with("Integer.valueOf");
                if by_index {
                    Some((I::RemoveAt, vec![a], None))
                } else {
                    Some((I::Remove, vec![a], Some(Type::Bool)))
                }
            }
            (Type::List(_), "sort", 1) => {
                return if self.text(arg_nodes[0]) == "null" {
                    intrinsic(I::Sort, vec![recv], node)
                } else {
                    self.sort_with(node, recv, arg_nodes[0])
                };
            }
            (Type::Set(_), "add", 1) => Some((
                I::Add,
                vec![one(self, 0, &elem).unwrap_or_else(|| self.missing(node))],
                None,
            )),
            (Type::Set(_), "remove", 1) => Some((I::Remove, vec![self.expr(arg_nodes[0])], None)),
            (Type::Map(k, v), _, _) => {
                let (k, v) = ((**k).clone(), (**v).clone());
                match (name, arg_nodes.len()) {
                    ("put", 2) => {
                        let a = self.expr_expect(arg_nodes[0], &k);
                        let b = self.expr_expect(arg_nodes[1], &v);
                        Some((I::Put, vec![a, b], None))
                    }
                    ("get", 1) => {
                        let a = self.expr(arg_nodes[0]);
                        if super::types::is_reference(&v) {
                            // `map.get(k)` is null for a missing key.
                            let null = Expr::new(ExprKind::Lit(Literal::Null), v.clone(), sp);
                            return with_ty(I::GetOrDefault, vec![recv, a, null], v, node);
                        }
                        return Expr::new(
                            ExprKind::Index {
                                object: Box::new(recv),
                                index: Box::new(a),
                            },
                            v,
                            sp,
                        );
                    }
                    ("getOrDefault", 2) => {
                        let a = self.expr_expect(arg_nodes[0], &k);
                        let b = self.expr_expect(arg_nodes[1], &v);
                        Some((I::GetOrDefault, vec![a, b], Some(v)))
                    }
                    ("containsKey", 1) => Some((I::Contains, vec![self.expr(arg_nodes[0])], None)),
                    ("remove", 1) => Some((I::Remove, vec![self.expr(arg_nodes[0])], None)),
                    ("keySet", 0) => Some((I::Keys, vec![], Some(Type::list(k)))),
                    ("values", 0) => Some((I::Values, vec![], Some(Type::list(v)))),
                    ("entrySet", 0) => {
                        Some((I::Items, vec![], Some(Type::list(Type::Tuple(vec![k, v])))))
                    }
                    ("merge", 3) if matches!(self.text(arg_nodes[2]), "Integer::sum") => {
                        // m.merge(k, x, Integer::sum) is m[k] = m.getOrDefault(k, 0) + x.
                        let key = self.expr_expect(arg_nodes[0], &k);
                        let x = self.expr_expect(arg_nodes[1], &v);
                        let zero = Expr::new(ExprKind::Lit(Literal::Int(0)), v.clone(), sp);
                        let get = with_ty(
                            I::GetOrDefault,
                            vec![recv.clone(), key.clone(), zero],
                            v.clone(),
                            node,
                        );
                        let sum = Expr::new(
                            ExprKind::Binary {
                                op: BinOp::Add,
                                lhs: Box::new(get),
                                rhs: Box::new(x),
                            },
                            v,
                            sp,
                        );
                        Some((I::Put, vec![key, sum], None))
                    }
                    _ => None,
                }
            }
            (Type::Deque(_), _, _) => {
                let a = arg_nodes.first().map(|a| self.expr_expect(*a, &elem));
                let op = match (name, is_stack) {
                    ("push", true) | ("add" | "addLast" | "offer" | "offerLast", _) => {
                        Some(I::PushBack)
                    }
                    ("push", false) | ("addFirst" | "offerFirst", _) => Some(I::PushFront),
                    ("pop", true) | ("pollLast" | "removeLast", _) => Some(I::PopBack),
                    ("pop" | "poll" | "pollFirst" | "removeFirst" | "remove", _) => {
                        Some(I::PopFront)
                    }
                    ("peek", true) | ("peekLast" | "getLast", _) => Some(I::PeekBack),
                    ("peek" | "peekFirst" | "getFirst" | "element", _) => Some(I::PeekFront),
                    _ => None,
                };
                if name == "remove" && a.is_some() {
                    None
                } else {
                    op.map(|op| (op, a.into_iter().collect(), None))
                }
            }
            (Type::PriorityQueue(_), _, _) => {
                let a = arg_nodes.first().map(|a| self.expr_expect(*a, &elem));
                let op = match name {
                    "add" | "offer" => Some(I::HeapPush),
                    "poll" | "remove" if a.is_none() => Some(I::HeapPop),
                    "peek" | "element" => Some(I::HeapPeek),
                    _ => None,
                };
                op.map(|op| (op, a.into_iter().collect(), None))
            }
            (Type::Array(_), "clone", 0) => Some((I::CopyOf, vec![], Some(ty.clone()))),
            _ => None,
        };
        match op_args {
            Some((op, args, ty_override)) => {
                let mut all = vec![recv];
                all.extend(args);
                let mut e = intrinsic(op, all, node);
                if let Some(t) = ty_override {
                    e.ty = t;
                }
                if let I::Len(_) = op {
                    e.ty = Type::I32;
                }
                e
            }
            None => self.unsupported_call(node, &format!("method `{name}` on {ty}")),
        }
    }

    pub(super) fn new_object(&mut self, node: Node<'_>) -> Expr {
        use Intrinsic as I;
        let sp = span(node);
        let Some(tnode) = node.child_by_field_name("type") else {
            return self.missing(node);
        };
        if named_children(node)
            .iter()
            .any(|c| c.kind() == "class_body")
        {
            return self.unsupported_call(node, "anonymous class");
        }
        let ty = self.lower_type(tnode);
        let tname = named_children(tnode)
            .first()
            .map_or(self.text(tnode), |c| {
                if tnode.kind() == "generic_type" {
                    self.text(*c)
                } else {
                    self.text(tnode)
                }
            })
            .to_string();
        let arg_nodes = args_of(node);
        let diamond = self.text(tnode).ends_with("<>");
        let ty = if diamond { strip_unknown_args(ty) } else { ty };
        match (&ty, tname.as_str()) {
            (Type::Named(n), _) if self.classes.contains_key(n) => {
                let args = self.lower_args(&arg_nodes);
                Expr::new(
                    ExprKind::New {
                        class: n.clone(),
                        args,
                    },
                    ty.clone(),
                    sp,
                )
            }
            (_, "TreeMap" | "TreeSet" | "LinkedHashSet") => {
                self.unsupported_call(node, &format!("{tname} (ordered collection)"))
            }
            (Type::Str, _) if arg_nodes.len() == 1 => {
                // `new String(chars)`.
                let a = self.expr(arg_nodes[0]);
                if !is_chars(&a.ty) {
                    return self.unsupported_call(node, "new String of this value");
                }
                intrinsic(I::FromChars, vec![a], node)
            }
            (Type::StrBuilder, _) => {
                let b = with_ty(I::BuilderNew, vec![], Type::StrBuilder, node);
                match arg_nodes.first() {
                    None => b,
                    Some(a) => {
                        let a = self.expr(*a);
                        if a.ty != Type::Str {
                            return self.unsupported_call(node, "StringBuilder with a capacity");
                        }
                        intrinsic(I::BuilderAppend, vec![b, a], node)
                    }
                }
            }
            (Type::PriorityQueue(_), _) if !arg_nodes.is_empty() => {
                self.unsupported_call(node, "PriorityQueue with a comparator or capacity")
            }
            (
                Type::List(_)
                | Type::Map(..)
                | Type::Set(_)
                | Type::Deque(_)
                | Type::PriorityQueue(_),
                _,
            ) => match arg_nodes.first() {
                None => with_ty(I::NewCollection, vec![], ty.clone(), node),
                Some(a) => {
                    let a = self.expr(*a);
                    if a.ty.is_int() {
                        return with_ty(I::NewCollection, vec![], ty.clone(), node);
                    }
                    let ty = if ty.is_known() {
                        ty.clone()
                    } else {
                        copy_type(&ty, &a.ty)
                    };
                    if let (ExprKind::ListLit(_), Type::List(_))
                    | (ExprKind::SetLit(_), Type::Set(_)) = (&a.kind, &ty)
                    {
                        // `new ArrayList<>(List.of(1, 2))` is the literal itself, now mutable.
                        let mut a = a;
                        a.ty = ty;
                        return a;
                    }
                    with_ty(I::CopyOf, vec![a], ty, node)
                }
            },
            _ => self.unsupported_call(node, &format!("new {tname}")),
        }
    }
}

pub(super) fn args_of(node: Node<'_>) -> Vec<Node<'_>> {
    field_children(node, "arguments")
}

/// The value of a Java `int` read as unsigned 32 bits (`Integer.toBinaryString` writes a
/// negative number in two's complement): `x < 0 ? x + 2^32 : x`, or `x` itself when it cannot be
/// negative.
fn unsigned_int(x: Expr) -> Expr {
    let non_negative = match &x.kind {
        ExprKind::Lit(Literal::Int(n)) => *n >= 0,
        ExprKind::Intrinsic {
            op: Intrinsic::Len(_) | Intrinsic::Count,
            ..
        } => true,
        _ => false,
    };
    if non_negative {
        return x;
    }
    let sp = x.span;
    let zero = Expr::new(ExprKind::Lit(Literal::Int(0)), Type::I32, sp);
    let two32 = Expr::new(ExprKind::Lit(Literal::Int(1 << 32)), Type::I64, sp);
    let negative = Expr::new(
        ExprKind::Binary {
            op: BinOp::Lt,
            lhs: Box::new(x.clone()),
            rhs: Box::new(zero),
        },
        Type::Bool,
        sp,
    );
    let wrapped = Expr::new(
        ExprKind::Binary {
            op: BinOp::Add,
            lhs: Box::new(x.clone()),
            rhs: Box::new(two32),
        },
        Type::I64,
        sp,
    );
    Expr::new(
        ExprKind::Cond {
            cond: Box::new(negative),
            then: Box::new(wrapped),
            else_: Box::new(x),
        },
        Type::I64,
        sp,
    )
}

/// The text a regular expression matches when it is a literal with escaped metacharacters
/// (`"\\."` matches `.`); `None` for any other pattern.
fn regex_literal(pattern: &str) -> Option<String> {
    const META: &str = ".$|()[]{}^?*+\\";
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if META.contains(e) => out.push(e),
                _ => return None,
            },
            c if META.contains(c) => return None,
            c => out.push(c),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A `char[]` (a list of characters once `toCharArray` made it).
fn is_chars(ty: &Type) -> bool {
    matches!(ty, Type::Array(t) | Type::List(t) if **t == Type::Char)
}

/// `new ArrayList<>()`: element types come from the declaration.
fn strip_unknown_args(ty: Type) -> Type {
    match ty {
        Type::List(_) => Type::list(Type::Unknown),
        Type::Set(_) => Type::set(Type::Unknown),
        Type::Map(..) => Type::map(Type::Unknown, Type::Unknown),
        Type::Deque(_) => Type::Deque(Box::new(Type::Unknown)),
        Type::PriorityQueue(_) => Type::PriorityQueue(Box::new(Type::Unknown)),
        t => t,
    }
}

/// The type of a copy: the collection kind of `target` with the element type of `source`.
fn copy_type(target: &Type, source: &Type) -> Type {
    let el = source.element().cloned().unwrap_or(Type::Unknown);
    match (target, source) {
        (Type::Map(..), Type::Map(k, v)) => Type::Map(k.clone(), v.clone()),
        (Type::List(_), _) => Type::list(el),
        (Type::Set(_), _) => Type::set(el),
        (Type::Deque(_), _) => Type::Deque(Box::new(el)),
        (Type::PriorityQueue(_), _) => Type::PriorityQueue(Box::new(el)),
        (t, _) => t.clone(),
    }
}
