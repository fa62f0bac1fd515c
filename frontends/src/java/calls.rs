//! Library calls: `System.out`, `Math`, `String`, collections and user methods, as a table from
//! Java names to intrinsics.

use ferry_ir::{BinOp, Expr, ExprKind, Intrinsic, Language, Literal, Stmt, StmtKind, Type};
use tree_sitter::Node;

use ferry_ir::intrinsics::StrUnit;

use super::expr::{intrinsic, with_ty};
use super::{span, Lowerer};
use crate::common::{field_children, named_children};

const CU: StrUnit = StrUnit::CodeUnit;

/// `Math.name` with the same arguments.
fn math(name: &str) -> Option<Intrinsic> {
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
fn character(name: &str) -> Option<Intrinsic> {
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
fn string_method(name: &str) -> Option<Intrinsic> {
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
        "toCharArray" => I::Chars,
        _ => return None,
    })
}

impl Lowerer<'_> {
    fn lower_args(&mut self, nodes: &[Node<'_>]) -> Vec<Expr> {
        nodes.iter().map(|a| self.expr(*a)).collect()
    }

    fn unsupported_call(&mut self, node: Node<'_>, what: &str) -> Expr {
        let u = self.unsupported(node, what);
        Expr::new(ExprKind::Unsupported(u), Type::Unknown, span(node))
    }

    /// A method call used as a statement that is better expressed as one (`list.set(i, v)`).
    pub(super) fn call_statement(&mut self, node: Node<'_>) -> Option<Stmt> {
        let name = self.text(node.child_by_field_name("name")?);
        let obj = node.child_by_field_name("object")?;
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
            ("String", "valueOf") | ("Integer" | "Long" | "Double" | "Character", "toString") => {
                let a = self.lower_args(arg_nodes).into_iter().next()?;
                if a.ty == Type::Char {
                    intrinsic(I::CharToStr, vec![a], node)
                } else if matches!(a.ty, Type::Array(_)) {
                    return Some(self.unsupported_call(node, "String.valueOf of an array"));
                } else {
                    self.stringify(a)
                }
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
                    _ => {
                        // Integer.compare(a, b) is -1, 0 or 1.
                        let one =
                            |n: i128| Expr::new(ExprKind::Lit(Literal::Int(n)), Type::I32, sp);
                        let lt = bin(BinOp::Lt, a.clone(), b.clone(), Type::Bool);
                        let gt = bin(BinOp::Gt, a, b, Type::Bool);
                        let inner = Expr::new(
                            ExprKind::Cond {
                                cond: Box::new(gt),
                                then: Box::new(one(1)),
                                else_: Box::new(one(0)),
                            },
                            Type::I32,
                            sp,
                        );
                        Expr::new(
                            ExprKind::Cond {
                                cond: Box::new(lt),
                                then: Box::new(one(-1)),
                                else_: Box::new(inner),
                            },
                            Type::I32,
                            sp,
                        )
                    }
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
            ("Arrays" | "List", "asList" | "of") | ("Set", "of") => {
                let items = self.lower_args(arg_nodes);
                let el = items.first().map_or(Type::Unknown, |i| i.ty.clone());
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

    /// `sort(list, cmp)` with a lambda comparator or `Comparator.comparing(key)`.
    fn sort_with(&mut self, node: Node<'_>, list: Expr, cmp: Node<'_>) -> Expr {
        let elem = list.ty.element().cloned().unwrap_or(Type::Unknown);
        if cmp.kind() == "lambda_expression" {
            let l = self.lambda(cmp, &[elem.clone(), elem]);
            return intrinsic(Intrinsic::SortWithComparator, vec![list, l], node);
        }
        // Comparator.comparing(key) [.reversed()]
        let (inner, reverse) = match (
            cmp.kind(),
            cmp.child_by_field_name("name").map(|n| self.text(n)),
        ) {
            ("method_invocation", Some("reversed")) => match cmp.child_by_field_name("object") {
                Some(o) => (o, true),
                None => (cmp, false),
            },
            _ => (cmp, false),
        };
        let is_comparing = inner.kind() == "method_invocation"
            && inner
                .child_by_field_name("object")
                .is_some_and(|o| self.text(o) == "Comparator")
            && inner.child_by_field_name("name").is_some_and(|n| {
                matches!(
                    self.text(n),
                    "comparing" | "comparingInt" | "comparingDouble" | "comparingLong"
                )
            });
        let key_node = args_of(inner).into_iter().next();
        match key_node {
            Some(k) if is_comparing && k.kind() == "lambda_expression" => {
                let key = self.lambda(k, &[elem]);
                let rev = Expr::new(ExprKind::Lit(Literal::Bool(reverse)), Type::Bool, span(cmp));
                intrinsic(Intrinsic::SortByKey, vec![list, key, rev], node)
            }
            _ => self.unsupported_call(node, "sort with this comparator"),
        }
    }

    /// A method called on a value, by the value's type.
    fn method_on(
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
                if sep == "\\s+" || sep == " +" {
                    return intrinsic(I::SplitWhitespace, vec![recv], node);
                }
                if sep.is_empty()
                    || sep.chars().any(|c| ".$|()[{^?*+\\".contains(c))
                    || args.len() > 1
                {
                    return self.unsupported_call(node, "split on a regular expression");
                }
                // Java drops trailing empty strings; the IR keeps them: only exact for inputs
                // without trailing separators, which is what split is used for in practice.
                return intrinsic(
                    I::Split,
                    vec![
                        recv,
                        args.into_iter().next().unwrap_or_else(|| {
                            Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp)
                        }),
                    ],
                    node,
                );
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
                        if a.ty == Type::Char {
                            let c = std::mem::replace(
                                a,
                                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, sp),
                            );
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
        let op_args: Option<(Intrinsic, Vec<Expr>, Option<Type>)> =
            match (&ty, name, arg_nodes.len()) {
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
                (Type::List(_), "addAll", 1) => {
                    Some((I::Extend, vec![self.expr(arg_nodes[0])], None))
                }
                (Type::List(_), "indexOf", 1) => {
                    Some((I::IndexOf, vec![self.expr(arg_nodes[0])], Some(Type::I32)))
                }
                (Type::List(_), "remove", 1) => {
                    let a = self.expr(arg_nodes[0]);
                    let by_index = a.ty.is_int()
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
                (Type::Set(_), "remove", 1) => {
                    Some((I::Remove, vec![self.expr(arg_nodes[0])], None))
                }
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
                        ("containsKey", 1) => {
                            Some((I::Contains, vec![self.expr(arg_nodes[0])], None))
                        }
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

fn args_of(node: Node<'_>) -> Vec<Node<'_>> {
    field_children(node, "arguments")
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
