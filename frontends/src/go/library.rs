//! The library → intrinsic table: `fmt`, `strings`, `strconv`, `sort`, `math`, `unicode`.

use ferry_ir::{BinOp, Expr, ExprKind, IntKind, Intrinsic, Language, Literal, RemKind, Span, Type};
use tree_sitter::Node;

use super::Lowerer;
use crate::common;

/// How the result type of a library intrinsic is found.
#[derive(Clone, Copy)]
enum Ret {
    Fixed(fn() -> Type),
    /// The type of the first argument.
    Arg0,
}

/// `package.Function` → intrinsic, for calls whose arguments map one to one.
#[rustfmt::skip]
const LIBRARY: &[(&str, Intrinsic, Ret)] = &[
    ("strings.Contains", Intrinsic::Contains, Ret::Fixed(|| Type::Bool)),
    ("strings.Index", Intrinsic::IndexOf, Ret::Fixed(|| Type::I64)),
    ("strings.LastIndex", Intrinsic::LastIndexOf, Ret::Fixed(|| Type::I64)),
    ("strings.HasPrefix", Intrinsic::StartsWith, Ret::Fixed(|| Type::Bool)),
    ("strings.HasSuffix", Intrinsic::EndsWith, Ret::Fixed(|| Type::Bool)),
    ("strings.ToUpper", Intrinsic::ToUpper, Ret::Fixed(|| Type::Str)),
    ("strings.ToLower", Intrinsic::ToLower, Ret::Fixed(|| Type::Str)),
    ("strings.TrimSpace", Intrinsic::Trim, Ret::Fixed(|| Type::Str)),
    ("strings.Split", Intrinsic::Split, Ret::Fixed(|| Type::list(Type::Str))),
    ("strings.Fields", Intrinsic::SplitWhitespace, Ret::Fixed(|| Type::list(Type::Str))),
    ("strings.ReplaceAll", Intrinsic::Replace, Ret::Fixed(|| Type::Str)),
    ("strings.Repeat", Intrinsic::Repeat, Ret::Fixed(|| Type::Str)),
    ("strings.Compare", Intrinsic::CompareStr, Ret::Fixed(|| Type::I64)),
    ("strings.Count", Intrinsic::Count, Ret::Fixed(|| Type::I64)),
    ("strconv.Itoa", Intrinsic::ToStr(Language::Go), Ret::Fixed(|| Type::Str)),
    ("strconv.Atoi", Intrinsic::ParseInt, Ret::Fixed(|| Type::I64)),
    ("sort.Ints", Intrinsic::Sort, Ret::Fixed(|| Type::Void)),
    ("sort.Strings", Intrinsic::Sort, Ret::Fixed(|| Type::Void)),
    ("sort.Float64s", Intrinsic::Sort, Ret::Fixed(|| Type::Void)),
    ("math.Sqrt", Intrinsic::Sqrt, Ret::Fixed(|| Type::Float)),
    ("math.Pow", Intrinsic::Pow, Ret::Fixed(|| Type::Float)),
    ("math.Abs", Intrinsic::Abs, Ret::Fixed(|| Type::Float)),
    ("math.Floor", Intrinsic::Floor, Ret::Fixed(|| Type::Float)),
    ("math.Ceil", Intrinsic::Ceil, Ret::Fixed(|| Type::Float)),
    ("math.Round", Intrinsic::Round, Ret::Fixed(|| Type::Float)),
    ("math.Log", Intrinsic::Log, Ret::Fixed(|| Type::Float)),
    ("math.Log10", Intrinsic::Log10, Ret::Fixed(|| Type::Float)),
    ("math.Exp", Intrinsic::Exp, Ret::Fixed(|| Type::Float)),
    ("math.Sin", Intrinsic::Sin, Ret::Fixed(|| Type::Float)),
    ("math.Cos", Intrinsic::Cos, Ret::Fixed(|| Type::Float)),
    ("math.Tan", Intrinsic::Tan, Ret::Fixed(|| Type::Float)),
    ("math.Atan", Intrinsic::Atan, Ret::Fixed(|| Type::Float)),
    ("math.Atan2", Intrinsic::Atan2, Ret::Fixed(|| Type::Float)),
    ("math.Hypot", Intrinsic::Hypot, Ret::Fixed(|| Type::Float)),
    ("math.Max", Intrinsic::Max, Ret::Fixed(|| Type::Float)),
    ("math.Min", Intrinsic::Min, Ret::Fixed(|| Type::Float)),
    ("unicode.IsDigit", Intrinsic::IsDigit, Ret::Fixed(|| Type::Bool)),
    ("unicode.IsLetter", Intrinsic::IsLetter, Ret::Fixed(|| Type::Bool)),
    ("unicode.IsUpper", Intrinsic::IsUpper, Ret::Fixed(|| Type::Bool)),
    ("unicode.IsLower", Intrinsic::IsLower, Ret::Fixed(|| Type::Bool)),
    ("unicode.IsSpace", Intrinsic::IsWhitespace, Ret::Fixed(|| Type::Bool)),
    ("min", Intrinsic::Min, Ret::Arg0),
    ("max", Intrinsic::Max, Ret::Arg0),
];

impl Lowerer<'_> {
    /// `fmt`, `strings`, `strconv`, `sort`, `math`, `unicode` calls.
    pub(super) fn library_call(&mut self, node: Node<'_>, name: &str, args: &[Node<'_>]) -> Expr {
        let span = common::span(node);
        match name {
            "fmt.Println" | "fmt.Print" | "fmt.Sprint" => {
                let mut parts: Vec<Expr> = args.iter().map(|a| self.lower_expr(*a)).collect();
                if let [single] = parts.as_slice() {
                    if let (Type::Tuple(_), true) = (&single.ty, self.may_hoist) {
                        // `fmt.Println(f())` prints each of `f`'s results.
                        let results = parts.remove(0);
                        parts = self.spread_results(results, span);
                    }
                }
                let text = self.join_printed(parts, name == "fmt.Println", span);
                return match name {
                    "fmt.Println" => {
                        self.intrinsic(Intrinsic::Println, vec![text], Type::Void, span)
                    }
                    "fmt.Print" => self.intrinsic(Intrinsic::Print, vec![text], Type::Void, span),
                    _ => text,
                };
            }
            "fmt.Printf" => {
                let text = self.lower_format(node, args);
                return self.intrinsic(Intrinsic::Print, vec![text], Type::Void, span);
            }
            "fmt.Sprintf" => return self.lower_format(node, args),
            "strings.Join" => {
                let (Some(parts), Some(sep)) = (args.first(), args.get(1)) else {
                    return self.unsupported_expr(node, "strings.Join");
                };
                let parts = self.lower_expr(*parts);
                let sep = self.lower_expr(*sep);
                return self.intrinsic(Intrinsic::Join, vec![sep, parts], Type::Str, span);
            }
            "strings.Replace" => {
                if args
                    .get(3)
                    .is_some_and(|n| self.text(*n).replace(' ', "") == "-1")
                {
                    let lowered: Vec<Expr> =
                        args[..3].iter().map(|a| self.lower_expr(*a)).collect();
                    return self.intrinsic(Intrinsic::Replace, lowered, Type::Str, span);
                }
                return self.unsupported_expr(node, "strings.Replace with a count");
            }
            "strconv.FormatInt" => {
                if args.get(1).is_some_and(|n| self.text(*n) == "2") {
                    let x = self.lower_expr(args[0]);
                    let op = Intrinsic::ToBinary { prefixed: false };
                    return self.intrinsic(op, vec![x], Type::Str, span);
                }
                if args.get(1).is_some_and(|n| self.text(*n) == "10") {
                    let x = self.lower_expr(args[0]);
                    return self.intrinsic(
                        Intrinsic::ToStr(Language::Go),
                        vec![x],
                        Type::Str,
                        span,
                    );
                }
                return self.unsupported_expr(node, "strconv.FormatInt with a base other than 10");
            }
            "strconv.ParseFloat" | "strconv.ParseInt" => {
                let (op, ty, size) = if name == "strconv.ParseFloat" {
                    (Intrinsic::ParseFloat, Type::Float, 1)
                } else {
                    (Intrinsic::ParseInt, Type::I64, 2)
                };
                let bits = args.get(size).map(|n| self.text(*n));
                let base_ok = op == Intrinsic::ParseFloat
                    || args.get(1).is_some_and(|n| self.text(*n) == "10");
                if !base_ok || !matches!(bits, Some("64" | "0")) {
                    return self.unsupported_expr(node, &format!("{name} of this size or base"));
                }
                let s = self.lower_expr(args[0]);
                return self.intrinsic(op, vec![s], ty, span);
            }
            "math.Inf" => {
                if args.first().is_some_and(|n| self.text(*n) == "1") {
                    return self.intrinsic(Intrinsic::Inf, Vec::new(), Type::Float, span);
                }
                return self.unsupported_expr(node, "math.Inf");
            }
            "sort.Slice" | "sort.SliceStable" => return self.sort_slice(node, args),
            "strings.ContainsRune" | "strings.IndexRune" | "strings.IndexByte" => {
                let (Some(s), Some(r)) = (args.first(), args.get(1)) else {
                    return self.unsupported_expr(node, name);
                };
                let s = self.lower_expr(*s);
                let r = self.lower_expr(*r);
                let r = self.coerce(r, &Type::Char);
                let r = self.intrinsic(Intrinsic::CharToStr, vec![r], Type::Str, span);
                return if name == "strings.ContainsRune" {
                    self.intrinsic(Intrinsic::Contains, vec![s, r], Type::Bool, span)
                } else {
                    self.intrinsic(Intrinsic::IndexOf, vec![s, r], Type::I64, span)
                };
            }
            "bytes.Contains" | "bytes.Equal" => {
                let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
                    return self.unsupported_expr(node, name);
                };
                let mut text = |n: Node<'_>| {
                    let e = self.lower_expr(n);
                    self.intrinsic(Intrinsic::FromChars, vec![e], Type::Str, span)
                };
                let (a, b) = (text(*a), text(*b));
                return if name == "bytes.Contains" {
                    self.intrinsic(Intrinsic::Contains, vec![a, b], Type::Bool, span)
                } else {
                    self.binary_expr(BinOp::Eq(ferry_ir::EqKind::Value), a, b, span)
                };
            }
            "strings.SplitN" => {
                let n = args.get(2).map(|n| self.text(*n).replace(' ', ""));
                let parts = n.as_deref().and_then(|n| n.parse::<i128>().ok());
                let lowered: Vec<Expr> = args.iter().map(|a| self.lower_expr(*a)).collect();
                let ty = Type::list(Type::Str);
                return match (parts, lowered.as_slice()) {
                    (Some(-1), [s, sep, _]) => {
                        let args = vec![s.clone(), sep.clone()];
                        self.intrinsic(Intrinsic::Split, args, ty, span)
                    }
                    (Some(1..), [_, _, _]) => self.intrinsic(Intrinsic::Split, lowered, ty, span),
                    _ => self.unsupported_expr(node, "strings.SplitN with this count"),
                };
            }
            "math.Mod" => {
                let (Some(x), Some(y)) = (args.first(), args.get(1)) else {
                    return self.unsupported_expr(node, name);
                };
                let x = self.lower_expr(*x);
                let x = self.coerce(x, &Type::Float);
                let y = self.lower_expr(*y);
                let y = self.coerce(y, &Type::Float);
                return self.binary_expr(BinOp::Rem(RemKind::Trunc), x, y, span);
            }
            _ => {}
        }
        if let Some((_, op, ret)) = LIBRARY.iter().find(|(n, _, _)| *n == name) {
            let lowered: Vec<Expr> = args
                .iter()
                .map(|a| {
                    let e = self.lower_expr(*a);
                    if name.starts_with("math.") {
                        self.coerce(e, &Type::Float)
                    } else {
                        e
                    }
                })
                .collect();
            let ty = match ret {
                Ret::Fixed(f) => f(),
                Ret::Arg0 => lowered.first().map_or(Type::Unknown, |e| e.ty.clone()),
            };
            return self.intrinsic(*op, lowered, ty, span);
        }
        self.unsupported_expr(node, &format!("library call `{name}`"))
    }

    /// The results of a multiple-result call as separate values: the call goes into a local
    /// hoisted before the statement, and each result is an element of it.
    fn spread_results(&mut self, call: Expr, span: Span) -> Vec<Expr> {
        let Type::Tuple(types) = call.ty.clone() else {
            return vec![call];
        };
        let name = self.made_up_name("results");
        let tuple = Expr::new(ExprKind::Name(name.clone()), call.ty.clone(), span);
        self.hoisted.push(ferry_ir::Stmt {
            kind: ferry_ir::StmtKind::Let {
                name,
                ty: call.ty.clone(),
                init: Some(call),
            },
            span,
        });
        types
            .into_iter()
            .enumerate()
            .map(|(i, ty)| {
                let index = Expr::new(ExprKind::Lit(Literal::Int(i as i128)), Type::I64, span);
                Expr::new(
                    ExprKind::Index {
                        object: Box::new(tuple.clone()),
                        index: Box::new(index),
                    },
                    ty,
                    span,
                )
            })
            .collect()
    }

    /// `math.Pi`, `math.MaxInt64`, ...
    pub(super) fn package_constant(&mut self, node: Node<'_>, package: &str, name: &str) -> Expr {
        let span = common::span(node);
        let (op, ty) = match (package, name) {
            ("math", "Pi") => (Intrinsic::Pi, Type::Float),
            ("math", "E") => (Intrinsic::E, Type::Float),
            ("math", "MaxInt" | "MaxInt64") => (Intrinsic::MaxInt(IntKind::I64), Type::I64),
            ("math", "MinInt" | "MinInt64") => (Intrinsic::MinInt(IntKind::I64), Type::I64),
            ("math", "MaxInt32") => (Intrinsic::MaxInt(IntKind::I32), Type::I32),
            ("math", "MaxFloat64") => {
                let max = Literal::Float(f64::MAX);
                return Expr::new(ExprKind::Lit(max), Type::Float, span);
            }
            ("math", "MinInt32") => (Intrinsic::MinInt(IntKind::I32), Type::I32),
            _ => return self.unsupported_expr(node, &format!("`{package}.{name}`")),
        };
        self.intrinsic(op, Vec::new(), ty, span)
    }

    /// The operands of `fmt.Println`/`fmt.Print` joined the way Go prints them.
    pub(super) fn join_printed(&self, parts: Vec<Expr>, always_space: bool, span: Span) -> Expr {
        let mut acc: Option<Expr> = None;
        let mut prev_is_str = false;
        for part in parts {
            let is_str = part.ty == Type::Str;
            let text = self.to_str(part);
            acc = Some(match acc {
                None => text,
                Some(a) => {
                    let a = if always_space || (!prev_is_str && !is_str) {
                        let space = Expr::new(
                            ExprKind::Lit(Literal::Str(" ".to_string())),
                            Type::Str,
                            span,
                        );
                        concat(a, space, span)
                    } else {
                        a
                    };
                    concat(a, text, span)
                }
            });
            prev_is_str = is_str;
        }
        acc.unwrap_or_else(|| {
            Expr::new(ExprKind::Lit(Literal::Str(String::new())), Type::Str, span)
        })
    }

    /// `fmt.Sprintf(format, args...)` as `Format`, with Go-only verbs made explicit.
    pub(super) fn lower_format(&mut self, node: Node<'_>, args: &[Node<'_>]) -> Expr {
        let span = common::span(node);
        let Some(fmt_node) = args.first() else {
            return self.unsupported_expr(node, "format without a format string");
        };
        let fmt = self.lower_expr(*fmt_node);
        let ExprKind::Lit(Literal::Str(fmt_text)) = &fmt.kind else {
            return self.unsupported_expr(node, "format string that is not a literal");
        };
        let mut values: Vec<Expr> = args[1..].iter().map(|a| self.lower_expr(*a)).collect();
        let mut out = String::new();
        let mut chars = fmt_text.chars().peekable();
        let mut index = 0;
        while let Some(c) = chars.next() {
            out.push(c);
            if c != '%' {
                continue;
            }
            let mut spec = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || matches!(d, '-' | '+' | ' ' | '#' | '.') {
                    spec.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let Some(verb) = chars.next() else {
                return self.unsupported_expr(node, "format string");
            };
            if verb == '%' {
                out.push_str(&spec);
                out.push('%');
                continue;
            }
            let Some(value) = values.get_mut(index) else {
                return self.unsupported_expr(node, "format with too few arguments");
            };
            index += 1;
            let taken = std::mem::replace(
                value,
                Expr::new(ExprKind::Lit(Literal::Null), Type::Unknown, span),
            );
            let (verb, new_value) = match verb {
                'v' | 't' | 's' => ('s', self.to_str(taken)),
                'd' if taken.ty == Type::Char => (
                    'd',
                    self.intrinsic(Intrinsic::CharCode, vec![taken], Type::I64, span),
                ),
                'b' if taken.ty.is_int() && spec.starts_with('0') => {
                    return self.unsupported_expr(node, "zero-padded `%b` format verb");
                }
                'b' if taken.ty.is_int() => (
                    's',
                    self.intrinsic(
                        Intrinsic::ToBinary { prefixed: false },
                        vec![taken],
                        Type::Str,
                        span,
                    ),
                ),
                'd' | 'x' | 'X' | 'o' | 'b' | 'c' => (verb, taken),
                'f' | 'e' | 'g' => (verb, self.coerce(taken, &Type::Float)),
                _ => return self.unsupported_expr(node, &format!("`%{verb}` format verb")),
            };
            *value = new_value;
            out.push_str(&spec);
            out.push(verb);
        }
        if index != values.len() {
            return self.unsupported_expr(node, "format with extra arguments");
        }
        let mut all = vec![Expr::new(
            ExprKind::Lit(Literal::Str(out)),
            Type::Str,
            fmt.span,
        )];
        all.extend(values);
        self.intrinsic(Intrinsic::Format, all, Type::Str, span)
    }
}

/// `a + b` on strings, merging adjacent literals (`"x:" + " "` is `"x: "`).
fn concat(a: Expr, b: Expr, span: Span) -> Expr {
    if let ExprKind::Lit(Literal::Str(bs)) = &b.kind {
        match a.kind {
            ExprKind::Lit(Literal::Str(ref s)) => {
                return Expr::new(
                    ExprKind::Lit(Literal::Str(format!("{s}{bs}"))),
                    Type::Str,
                    span,
                );
            }
            ExprKind::Binary {
                op: BinOp::Add,
                ref lhs,
                ref rhs,
            } => {
                if let ExprKind::Lit(Literal::Str(s)) = &rhs.kind {
                    let merged = Expr::new(
                        ExprKind::Lit(Literal::Str(format!("{s}{bs}"))),
                        Type::Str,
                        rhs.span,
                    );
                    return Expr::new(
                        ExprKind::Binary {
                            op: BinOp::Add,
                            lhs: lhs.clone(),
                            rhs: Box::new(merged),
                        },
                        Type::Str,
                        span,
                    );
                }
            }
            _ => {}
        }
    }
    Expr::new(
        ExprKind::Binary {
            op: BinOp::Add,
            lhs: Box::new(a),
            rhs: Box::new(b),
        },
        Type::Str,
        span,
    )
}
