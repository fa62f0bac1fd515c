//! Text: `Format` as `fmt.Sprintf` (arguments converted where Go's verbs print differently),
//! `Println` of a concatenation as `fmt.Println` with several operands, `ToStr` by language.

use ferry_ir::{Expr, ExprKind, Intrinsic, Language, Literal, Type};

use super::precedence::G;
use super::Printer;

impl Printer<'_> {
    /// `x` as text, the way `lang` prints it.
    pub(super) fn text_of(&mut self, x: &Expr, lang: Language) -> G {
        let g = self.expr(x);
        match (&x.ty, lang) {
            (Type::Optional(_), Language::Java) => self.helper("ferryJavaStr", "javastr", vec![g]),
            (Type::Optional(_), Language::Python) => self.helper("ferryPyStr", "pystr", vec![g]),
            (Type::Str, _) => g,
            (Type::Int(_), _) => self.pkg("strconv", "Itoa", vec![g]),
            (Type::Char, Language::Go) => self.pkg("fmt", "Sprint", vec![g]),
            (Type::Char, _) => G::call("string", vec![g]),
            (Type::Bool, Language::Python) => self.helper("ferryPyBool", "pybool", vec![g]),
            (Type::Bool, _) => self.pkg("strconv", "FormatBool", vec![g]),
            (Type::StrBuilder, _) => G::method(g, "String", vec![]),
            (Type::Named(n), _) if self.is_exception_type(n) => G::sel(g, "msg"),
            (_, Language::Go) => self.pkg("fmt", "Sprint", vec![g]),
            (_, Language::Java) => self.helper("ferryJavaStr", "javastr", vec![g]),
            (_, Language::Python) => self.helper("ferryPyStr", "pystr", vec![g]),
        }
    }

    /// `Format` as `fmt.Sprintf`, converting arguments whose verb Go would print differently.
    pub(super) fn format(&mut self, args: &[Expr]) -> G {
        let Some(Expr {
            kind: ExprKind::Lit(Literal::Str(f)),
            ..
        }) = args.first()
        else {
            let gs = self.args(args);
            return self.pkg("fmt", "Sprintf", gs);
        };
        let mut out = String::new();
        let mut gs = vec![];
        let mut chars = f.chars().peekable();
        let mut i = 1;
        while let Some(c) = chars.next() {
            out.push(c);
            if c != '%' {
                continue;
            }
            let mut spec = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_digit() || matches!(d, '-' | '+' | ' ' | '#' | '.' | '0') {
                    spec.push(d);
                    chars.next();
                } else {
                    break;
                }
            }
            let Some(verb) = chars.next() else { break };
            out.push_str(&spec);
            if verb == '%' {
                out.push('%');
                continue;
            }
            let Some(a) = args.get(i) else {
                out.push(verb);
                continue;
            };
            i += 1;
            let (verb, g) = match verb {
                's' if spec.is_empty() => match &a.kind {
                    // `%v` prints these exactly as the conversion would.
                    ExprKind::Intrinsic {
                        op: Intrinsic::ToStr(lang),
                        args: inner,
                    } if inner.len() == 1
                        && (*lang == Language::Go
                            || inner[0].ty.is_int()
                            || (inner[0].ty == Type::Bool && *lang == Language::Java))
                        && inner[0].ty != Type::Char =>
                    {
                        ('v', self.expr(&inner[0]))
                    }
                    _ if a.ty != Type::Str => ('s', self.text_of(a, self.module.language)),
                    _ => ('s', self.expr(a)),
                },
                's' if a.ty != Type::Str => ('s', self.text_of(a, self.module.language)),
                'd' | 'i' if a.ty == Type::Char => ('d', {
                    let g = self.expr(a);
                    G::call("int", vec![g])
                }),
                'd' | 'i' if a.ty == Type::Float => ('d', {
                    let g = self.expr(a);
                    G::call("int", vec![g])
                }),
                'i' => ('d', self.expr(a)),
                'f' | 'e' | 'g' => {
                    let g = self.expr(a);
                    (verb, self.float(a, g))
                }
                'c' if a.ty.is_int() => ('c', self.expr(a)),
                _ => (verb, self.expr(a)),
            };
            out.push(verb);
            gs.push(g);
        }
        let mut all = vec![G::atom(super::expr::quote(&out))];
        all.extend(gs);
        self.pkg("fmt", "Sprintf", all)
    }
}

/// The parts of a string concatenation, with adjacent literals merged.
pub(super) fn concat_parts<'e>(e: &'e Expr, out: &mut Vec<Operand<'e>>) {
    match &e.kind {
        ExprKind::Binary {
            op: ferry_ir::BinOp::Add,
            lhs,
            rhs,
        } if e.ty == Type::Str => {
            concat_parts(lhs, out);
            concat_parts(rhs, out);
        }
        ExprKind::Lit(Literal::Str(s)) => match out.last_mut() {
            Some(Operand::Text(t)) => t.push_str(s),
            _ => out.push(Operand::Text(s.clone())),
        },
        _ => out.push(Operand::Value(e)),
    }
}

/// `a + " " + b` printed as `fmt.Println(a, b)` where Println's own spacing and `%v` give the
/// same text: values are strings, ints, or Go-rendered (`ToStr(Go)`).
pub(super) fn println_operands(e: &Expr) -> Option<Vec<Operand<'_>>> {
    let mut parts = Vec::new();
    concat_parts(e, &mut parts);
    if parts.len() < 2
        && !matches!(
            e.kind,
            ExprKind::Intrinsic {
                op: Intrinsic::ToStr(_),
                ..
            }
        )
    {
        return None;
    }
    let adjacent = parts
        .windows(2)
        .any(|w| matches!(w, [Operand::Value(_), Operand::Value(_)]));
    if adjacent {
        return None;
    }
    let count = parts.len();
    let mut out = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        match p {
            Operand::Value(v) => {
                let inner = match &v.kind {
                    ExprKind::Intrinsic {
                        op: Intrinsic::ToStr(lang),
                        args,
                    } if args.len() == 1 => {
                        let a = &args[0];
                        if *lang == Language::Go
                            || a.ty.is_int()
                            || a.ty == Type::Str
                            || (a.ty == Type::Bool && *lang == Language::Java)
                        {
                            a
                        } else {
                            v
                        }
                    }
                    _ => v,
                };
                if matches!(inner.ty, Type::Char) {
                    return None;
                }
                out.push(Operand::Value(inner));
            }
            Operand::Text(t) => {
                let first = i == 0;
                let last = i + 1 == count;
                let mut t = t.as_str();
                if !first && !last && t == " " {
                    continue;
                }
                if !first {
                    t = t.strip_prefix(' ')?;
                }
                if !last {
                    t = t.strip_suffix(' ')?;
                }
                if first || last || !t.is_empty() {
                    if (first || last) && t.is_empty() && !(first && last) {
                        return None;
                    }
                    out.push(Operand::Text(t.to_string()));
                }
            }
        }
    }
    Some(out)
}

/// One operand of `fmt.Println`.
pub(super) enum Operand<'e> {
    Text(String),
    Value(&'e Expr),
}

/// A concatenation with at least two values as a `Printf` format and its arguments: ints
/// print with `%d`, strings with `%s`, Go-rendered values with `%v`.
pub(super) fn printf_form(e: &Expr) -> Option<(String, Vec<&Expr>)> {
    let mut parts = Vec::new();
    concat_parts(e, &mut parts);
    let values = parts
        .iter()
        .filter(|p| matches!(p, Operand::Value(_)))
        .count();
    if values < 2 {
        return None;
    }
    let mut format = String::new();
    let mut args = Vec::new();
    for p in parts {
        match p {
            Operand::Text(t) => format.push_str(&t.replace('%', "%%")),
            Operand::Value(v) => {
                let (verb, arg) = match &v.kind {
                    ExprKind::Intrinsic {
                        op: Intrinsic::ToStr(lang),
                        args: inner,
                    } if inner.len() == 1 => {
                        let a = &inner[0];
                        if a.ty.is_int() {
                            ("%d", a)
                        } else if *lang == Language::Go && a.ty != Type::Char {
                            ("%v", a)
                        } else {
                            ("%s", v)
                        }
                    }
                    _ => ("%s", v),
                };
                format.push_str(verb);
                args.push(arg);
            }
        }
    }
    Some((format, args))
}
