//! Intrinsics as Java library calls, text conversion per source language, comprehensions as streams.

use ferry_ir::intrinsics::ValueKind;
use ferry_ir::{
    Comprehension, ComprehensionClause, ComprehensionKind, Expr, ExprKind, Intrinsic, Language,
    Literal, Type,
};

use super::precedence::Prec;
use super::{names, Printer};

impl Printer<'_> {
    pub(super) fn intrinsic(&mut self, op: Intrinsic, args: &[Expr], e: &Expr) -> (String, Prec) {
        use Intrinsic as I;
        let call = |s: String| (s, Prec::Postfix);
        let a0 = args.first();
        let t0 = a0.map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
        // Receiver text (postfix precedence) and plain argument texts.
        let recv = |p: &mut Self| {
            a0.map(|a| p.expr_prec(a, Prec::Postfix))
                .unwrap_or_default()
        };
        let rest = |p: &mut Self, from: usize| p.args(args.get(from..).unwrap_or(&[]));
        let all = |p: &mut Self| p.args(args);
        match op {
            I::Println | I::Print => {
                let m = if op == I::Println { "println" } else { "print" };
                if let Some(Expr {
                    kind:
                        ExprKind::Intrinsic {
                            op: I::Format,
                            args: fargs,
                        },
                    ..
                }) = a0
                {
                    if let Some(Expr {
                        kind: ExprKind::Lit(Literal::Str(f)),
                        ..
                    }) = fargs.first()
                    {
                        let nl = if op == I::Println { "%n" } else { "" };
                        let f = super::expr::str_lit(&format!("{f}{nl}"));
                        let rest = self.args(&fargs[1..]);
                        let sep = if rest.is_empty() { "" } else { ", " };
                        return call(format!("System.out.printf({f}{sep}{rest})"));
                    }
                }
                if op == I::Println
                    && matches!(a0.map(|a| &a.kind), Some(ExprKind::Lit(Literal::Str(s))) if s.is_empty())
                {
                    return call("System.out.println()".into());
                }
                // `println` converts its argument itself: Java's own rendering, and for numbers,
                // strings and (outside Go, which prints a rune's code) characters every language's.
                if let Some(Expr {
                    kind:
                        ExprKind::Intrinsic {
                            op: I::ToStr(style),
                            args: inner,
                        },
                    ..
                }) = a0
                {
                    if let [x] = inner.as_slice() {
                        if *style == Language::Java
                            || x.ty.is_int()
                            || x.ty == Type::Str
                            || (x.ty == Type::Char && *style == Language::Python)
                        {
                            let x = self.expr(x);
                            return call(format!("System.out.{m}({x})"));
                        }
                    }
                }
                let a = all(self);
                call(format!("System.out.{m}({a})"))
            }
            I::ToStr(lang) => match a0 {
                Some(x) => self.source_text(lang, x),
                None => call("\"\"".into()),
            },
            I::Format => {
                let a = all(self);
                call(format!("String.format({a})"))
            }
            I::ParseInt => {
                let a = recv(self);
                let a = if self.module.language == Language::Python {
                    format!("{a}.strip()")
                } else {
                    a
                };
                if self.is_long(&e.ty) {
                    call(format!("Long.parseLong({a})"))
                } else {
                    call(format!("Integer.parseInt({a})"))
                }
            }
            I::NumberOfAny { float: true } => {
                let h = self.helper("ferryFloatOfAny");
                call(format!("{h}({})", all(self)))
            }
            I::NumberOfAny { float: false } => {
                let h = self.helper("ferryIntOfAny");
                let a = all(self);
                if self.is_long(&e.ty) {
                    call(format!("{h}({a})"))
                } else {
                    (format!("(int) {h}({a})"), Prec::Unary)
                }
            }
            I::ParseFloat => {
                let a = all(self);
                call(format!("Double.parseDouble({a})"))
            }
            I::CharCode => {
                let a = a0
                    .map(|a| self.expr_prec(a, Prec::Unary))
                    .unwrap_or_default();
                (format!("(int) {a}"), Prec::Unary)
            }
            I::CodeChar => {
                let a = a0
                    .map(|a| self.expr_prec(a, Prec::Unary))
                    .unwrap_or_default();
                (format!("(char) {a}"), Prec::Unary)
            }
            I::CharToStr => {
                let a = all(self);
                call(format!("String.valueOf({a})"))
            }
            I::ErrorMessage => call(format!("{}.getMessage()", recv(self))),
            I::IsKind(kind) => {
                let x = a0
                    .map(|a| self.expr_prec(a, Prec::Relational))
                    .unwrap_or_default();
                let test = |class: &str| format!("{x} instanceof {class}");
                match kind {
                    ValueKind::Int => {
                        (format!("{} || {}", test("Integer"), test("Long")), Prec::Or)
                    }
                    ValueKind::Float => (test("Double"), Prec::Relational),
                    ValueKind::Str => (test("String"), Prec::Relational),
                    ValueKind::Bool => (test("Boolean"), Prec::Relational),
                }
            }
            I::Abs
            | I::Min
            | I::Max
            | I::Pow
            | I::Sqrt
            | I::Floor
            | I::Ceil
            | I::Log
            | I::Log10
            | I::Exp
            | I::Sin
            | I::Cos
            | I::Tan
            | I::Atan
            | I::Atan2
            | I::Hypot => {
                let name = match op {
                    I::Abs => "abs",
                    I::Min => "min",
                    I::Max => "max",
                    I::Pow => "pow",
                    I::Sqrt => "sqrt",
                    I::Floor => "floor",
                    I::Ceil => "ceil",
                    I::Log => "log",
                    I::Log10 => "log10",
                    I::Exp => "exp",
                    I::Sin => "sin",
                    I::Cos => "cos",
                    I::Tan => "tan",
                    I::Atan => "atan",
                    I::Atan2 => "atan2",
                    _ => "hypot",
                };
                let a = all(self);
                call(format!("Math.{name}({a})"))
            }
            I::Round => {
                let a = all(self);
                (format!("(double) Math.round({a})"), Prec::Unary)
            }
            I::RoundHalfEven => {
                let a = all(self);
                call(format!("Math.rint({a})"))
            }
            I::RoundDigits => {
                let h = self.helper("ferryRoundDigits");
                call(format!("{h}({})", all(self)))
            }
            I::ToBinary { prefixed } => {
                let a = all(self);
                if prefixed {
                    let f = self.helper("ferryBin");
                    call(format!("{f}({a})"))
                } else {
                    call(format!("Long.toString({a}, 2)"))
                }
            }
            I::Pi => call("Math.PI".into()),
            I::E => call("Math.E".into()),
            I::Inf => call("Double.POSITIVE_INFINITY".into()),
            I::MaxInt(k) | I::MinInt(k) => {
                let long = self.is_long(&Type::Int(k));
                let class = if long { "Long" } else { "Integer" };
                let which = if matches!(op, I::MaxInt(_)) {
                    "MAX_VALUE"
                } else {
                    "MIN_VALUE"
                };
                call(format!("{class}.{which}"))
            }
            I::Len(_) => {
                let r = recv(self);
                call(match t0 {
                    Type::Array(_) => format!("{r}.length"),
                    Type::Str | Type::StrBuilder => format!("{r}.length()"),
                    _ => format!("{r}.size()"),
                })
            }
            I::CharAt(_) => {
                let r = recv(self);
                let i = rest(self, 1);
                call(format!("{r}.charAt({i})"))
            }
            I::Substring(_) => {
                let r = recv(self);
                let i = rest(self, 1);
                call(format!("{r}.substring({i})"))
            }
            I::Contains => {
                let r = recv(self);
                let x = args.get(1);
                match (&t0, x) {
                    (Type::Str, Some(x)) if x.ty == Type::Char => {
                        let x = self.expr(x);
                        (format!("{r}.indexOf({x}) >= 0"), Prec::Relational)
                    }
                    (Type::Map(..), _) => call(format!("{r}.containsKey({})", rest(self, 1))),
                    (Type::Array(_), Some(x)) => {
                        self.import("java.util.Arrays");
                        let x = self.expr(x);
                        let a = self.expr(&args[0]);
                        call(format!("Arrays.stream({a}).anyMatch(v -> v == {x})"))
                    }
                    _ => call(format!("{r}.contains({})", rest(self, 1))),
                }
            }
            I::IndexOf
            | I::LastIndexOf
            | I::StartsWith
            | I::EndsWith
            | I::Replace
            | I::CompareStr => {
                let m = match op {
                    I::IndexOf => "indexOf",
                    I::LastIndexOf => "lastIndexOf",
                    I::StartsWith => "startsWith",
                    I::EndsWith => "endsWith",
                    I::Replace => "replace",
                    _ => "compareTo",
                };
                if let (I::IndexOf | I::LastIndexOf, Type::Array(_)) = (op, &t0) {
                    self.import("java.util.Arrays");
                    return call(format!(
                        "Arrays.asList({}).{m}({})",
                        all_first(self, args),
                        rest(self, 1)
                    ));
                }
                let r = recv(self);
                call(format!("{r}.{m}({})", rest(self, 1)))
            }
            I::ToUpper | I::ToLower => {
                let up = op == I::ToUpper;
                if t0 == Type::Char {
                    let a = all(self);
                    let m = if up { "toUpperCase" } else { "toLowerCase" };
                    return call(format!("Character.{m}({a})"));
                }
                let r = recv(self);
                call(format!(
                    "{r}.{}()",
                    if up { "toUpperCase" } else { "toLowerCase" }
                ))
            }
            I::Md5Hex { ascii } => {
                let h = self.helper("ferryMd5Hex");
                call(format!("{h}({}, {ascii})", all(self)))
            }
            I::SwapCase => {
                let h = self.helper("ferrySwapCase");
                call(format!("{h}({})", all(self)))
            }
            I::Trim if self.module.language == Language::Java => {
                let r = recv(self);
                call(format!("{r}.trim()"))
            }
            I::Trim => {
                let h = self.helper("ferryStrip");
                call(format!("{h}({})", all(self)))
            }
            I::RegexReplace => {
                let s = recv(self);
                call(format!("{s}.replaceAll({})", rest(self, 1)))
            }
            I::RegexSplit => {
                self.import("java.util.ArrayList");
                self.import("java.util.Arrays");
                let s = recv(self);
                let p = rest(self, 1);
                call(format!(
                    "new ArrayList<>(Arrays.asList({s}.split({p}, -1)))"
                ))
            }
            I::RegexFind => {
                self.import("java.util.regex.Pattern");
                let s = args.first().map(|a| self.expr(a)).unwrap_or_default();
                let p = rest(self, 1);
                call(format!("Pattern.compile({p}).matcher({s}).find()"))
            }
            I::Split if args.len() == 3 => {
                let h = self.helper("ferrySplitN");
                call(format!("{h}({})", all(self)))
            }
            I::Split => {
                let h = self.helper("ferrySplit");
                call(format!("{h}({})", all(self)))
            }
            I::SplitWhitespace => {
                let h = self.helper("ferrySplitWhitespace");
                call(format!("{h}({})", all(self)))
            }
            I::Join => call(format!("String.join({})", all(self))),
            I::FromChars => match t0 {
                Type::Array(_) => call(format!("new String({})", all(self))),
                _ => {
                    self.import("java.util.stream.Collectors");
                    let chars = recv(self);
                    call(format!(
                        "{chars}.stream().map(String::valueOf).collect(Collectors.joining())"
                    ))
                }
            },
            I::Repeat => {
                let r = recv(self);
                call(format!("{r}.repeat({})", rest(self, 1)))
            }
            I::Reversed => {
                if t0 == Type::Str {
                    let a = all(self);
                    return call(format!("new StringBuilder({a}).reverse().toString()"));
                }
                let h = self.helper("ferryReversed");
                call(format!("{h}({})", all(self)))
            }
            I::Chars => {
                let h = self.helper("ferryChars");
                call(format!("{h}({})", all(self)))
            }
            I::CharStrings => {
                let h = self.helper("ferryCharStrings");
                call(format!("{h}({})", all(self)))
            }
            I::IsDigit
            | I::IsLetter
            | I::IsLetterOrDigit
            | I::IsUpper
            | I::IsLower
            | I::IsWhitespace => {
                let m = match op {
                    I::IsDigit => "isDigit",
                    I::IsLetter => "isLetter",
                    I::IsLetterOrDigit => "isLetterOrDigit",
                    I::IsUpper => "isUpperCase",
                    I::IsLower => "isLowerCase",
                    _ => "isWhitespace",
                };
                if t0 == Type::Str {
                    let r = recv(self);
                    // A conjunction: `not s.isupper()` must negate all of it.
                    return (
                        format!("!{r}.isEmpty() && {r}.chars().allMatch(Character::{m})"),
                        Prec::And,
                    );
                }
                call(format!("Character.{m}({})", all(self)))
            }
            I::BuilderNew => call("new StringBuilder()".into()),
            I::BuilderAppend => {
                let r = recv(self);
                let x = args.get(1).map(|x| match &x.kind {
                    ExprKind::Intrinsic {
                        op: I::ToStr(_),
                        args: inner,
                    } if inner.len() == 1 && matches!(inner[0].ty, Type::Int(_) | Type::Char) => {
                        self.expr(&inner[0])
                    }
                    ExprKind::Intrinsic {
                        op: I::CharToStr,
                        args: inner,
                    } if inner.len() == 1 => self.expr(&inner[0]),
                    _ => self.expr(x),
                });
                call(format!("{r}.append({})", x.unwrap_or_default()))
            }
            I::BuilderToStr => call(format!("{}.toString()", recv(self))),
            I::BuilderReverse => call(format!("{}.reverse()", recv(self))),
            I::NewCollection => call(self.new_collection(&e.ty)),
            I::NewFilled => self.new_filled(args, &e.ty),
            I::ToNumber => {
                let t = self.ty(&e.ty);
                call(format!("((Number) {}).{t}Value()", recv(self)))
            }
            I::CopyOf => {
                let a = all(self);
                let text = match (&e.ty, &t0) {
                    // An array from a list: primitive elements unboxed.
                    (Type::Array(elem), Type::List(_)) => {
                        let r = recv(self);
                        match &**elem {
                            Type::Int(_) if self.ty(elem) == "int" => {
                                format!("{r}.stream().mapToInt(Integer::intValue).toArray()")
                            }
                            Type::Int(_) if self.ty(elem) == "long" => {
                                format!("{r}.stream().mapToLong(Long::longValue).toArray()")
                            }
                            Type::Float => {
                                format!("{r}.stream().mapToDouble(Double::doubleValue).toArray()")
                            }
                            other => format!("{r}.toArray(new {}[0])", self.boxed(other)),
                        }
                    }
                    (Type::Array(_), _) => format!("{}.clone()", recv(self)),
                    (Type::List(_), Type::Array(_)) => {
                        let h = self.helper("ferryListOf");
                        format!("{h}({a})")
                    }
                    (Type::List(_), _)
                        if matches!(
                            a0.map(|x| &x.kind),
                            Some(ExprKind::Intrinsic {
                                op: I::Keys | I::Values,
                                ..
                            })
                        ) =>
                    {
                        a
                    }
                    (Type::List(_), _) => {
                        self.import("java.util.ArrayList");
                        format!("new ArrayList<>({a})")
                    }
                    (Type::Set(_), _) => {
                        self.import("java.util.HashSet");
                        format!("new HashSet<>({a})")
                    }
                    (Type::Map(..), _) => {
                        let k = if self.module.language == Language::Python {
                            "LinkedHashMap"
                        } else {
                            "HashMap"
                        };
                        self.import(&format!("java.util.{k}"));
                        format!("new {k}<>({a})")
                    }
                    (Type::Deque(_), _) => {
                        self.import("java.util.ArrayDeque");
                        format!("new ArrayDeque<>({a})")
                    }
                    (Type::PriorityQueue(_), _) => {
                        self.import("java.util.PriorityQueue");
                        format!("new PriorityQueue<>({a})")
                    }
                    _ => a,
                };
                call(text)
            }
            I::Append => call(format!("{}.add({})", recv(self), rest(self, 1))),
            I::Insert => call(format!("{}.add({})", recv(self), rest(self, 1))),
            I::Extend => call(format!("{}.addAll({})", recv(self), rest(self, 1))),
            I::Pop => {
                let r = recv(self);
                call(format!("{r}.remove({r}.size() - 1)"))
            }
            I::RemoveAt => {
                let r = recv(self);
                call(format!("{r}.remove({})", rest(self, 1)))
            }
            I::Remove => {
                let r = recv(self);
                match (&t0, args.get(1)) {
                    (Type::List(el), Some(x)) if matches!(**el, Type::Int(_) | Type::Char) => {
                        let b = self.boxed(el);
                        let x = self.expr_prec(x, Prec::Unary);
                        call(format!("{r}.remove(({b}) {x})"))
                    }
                    _ => call(format!("{r}.remove({})", rest(self, 1))),
                }
            }
            I::Clear if t0 == Type::StrBuilder => call(format!("{}.setLength(0)", recv(self))),
            I::Clear => call(format!("{}.clear()", recv(self))),
            I::IsEmpty => match t0 {
                Type::Array(_) => (format!("{}.length == 0", recv(self)), Prec::Equality),
                _ => call(format!("{}.isEmpty()", recv(self))),
            },
            I::Sort => {
                let a = all(self);
                call(self.arrays_or_collections("sort", &t0, &a))
            }
            I::SortByKey => {
                self.import("java.util.Comparator");
                let r = recv(self);
                let key = args.get(1).map(|k| self.expr(k)).unwrap_or_default();
                let reverse = matches!(
                    args.get(2),
                    Some(Expr {
                        kind: ExprKind::Lit(Literal::Bool(true)),
                        ..
                    })
                );
                let el = t0.element().cloned().unwrap_or(Type::Unknown);
                let cmp = match args.get(1).and_then(|k| self.tuple_key_order(k, &el)) {
                    Some(chain) if reverse => format!("{chain}.reversed()"),
                    Some(chain) => chain,
                    None if reverse => {
                        format!("Comparator.comparing({key}, Comparator.reverseOrder())")
                    }
                    None => format!("Comparator.comparing({key})"),
                };
                if matches!(t0, Type::Array(_)) {
                    self.import("java.util.Arrays");
                    return call(format!("Arrays.sort({r}, {cmp})"));
                }
                call(format!("{r}.sort({cmp})"))
            }
            I::SortWithComparator => {
                let r = recv(self);
                if matches!(t0, Type::Array(_)) {
                    self.import("java.util.Arrays");
                    return call(format!("Arrays.sort({r}, {})", rest(self, 1)));
                }
                call(format!("{r}.sort({})", rest(self, 1)))
            }
            I::Sorted => {
                let h = if t0 == Type::Str {
                    self.helper("ferrySortedChars")
                } else {
                    self.helper("ferrySorted")
                };
                let a = self.iterable_value(a0);
                call(format!("{h}({a})"))
            }
            I::SortedByKey => {
                let h = self.helper("ferrySortedBy");
                let xs = match t0 {
                    Type::Str => {
                        let chars = self.helper("ferryChars");
                        format!("{chars}({})", all_first(self, args))
                    }
                    Type::Map(..) => format!("{}.keySet()", recv(self)),
                    _ => self.iterable_value(a0),
                };
                call(format!("{h}({xs}, {})", rest(self, 1)))
            }
            I::Reverse => match t0 {
                Type::Array(_) => {
                    let h = self.helper("ferryReverseArray");
                    call(format!("{h}({})", all(self)))
                }
                _ => {
                    self.import("java.util.Collections");
                    call(format!("Collections.reverse({})", all(self)))
                }
            },
            I::Sum | I::MinOf | I::MaxOf | I::Any | I::All if matches!(a0.map(|a| &a.kind), Some(ExprKind::Comprehension(c)) if c.kind != ferry_ir::ComprehensionKind::Map) =>
            {
                let Some(Expr {
                    kind: ExprKind::Comprehension(c),
                    ty: cty,
                    ..
                }) = a0
                else {
                    return call(String::new());
                };
                let stream = self.with_scoped_renames(|p| p.nested_stream(&c.clauses, &c.element));
                let Some(st) = stream else {
                    return call(
                        self.not_translated(c.element.span, "comprehension with tuple targets"),
                    );
                };
                let elem = cty.element().cloned().unwrap_or(Type::Unknown);
                match op {
                    I::Sum => {
                        let (m, v) = match elem {
                            Type::Float => ("mapToDouble", "Double::doubleValue"),
                            _ if self.is_long(&elem) => ("mapToLong", "Long::longValue"),
                            _ => ("mapToInt", "Integer::intValue"),
                        };
                        call(format!("{st}.{m}({v}).sum()"))
                    }
                    I::MinOf | I::MaxOf => {
                        self.import("java.util.Comparator");
                        let m = if op == I::MinOf { "min" } else { "max" };
                        call(format!("{st}.{m}(Comparator.naturalOrder()).get()"))
                    }
                    _ => {
                        let m = if op == I::Any { "anyMatch" } else { "allMatch" };
                        call(format!("{st}.{m}(b -> b)"))
                    }
                }
            }
            I::Sum | I::MinOf | I::MaxOf => {
                let elem = match &t0 {
                    Type::Str => Type::Char,
                    t => t.element().cloned().unwrap_or(Type::Unknown),
                };
                let a = self.iterable_value(a0);
                if let Type::Array(_) = t0 {
                    self.import("java.util.Arrays");
                    let (m, get) = match op {
                        I::Sum => ("sum", ""),
                        I::MinOf => (
                            "min",
                            if elem == Type::Float {
                                ".getAsDouble()"
                            } else {
                                ".getAsInt()"
                            },
                        ),
                        _ => (
                            "max",
                            if elem == Type::Float {
                                ".getAsDouble()"
                            } else {
                                ".getAsInt()"
                            },
                        ),
                    };
                    return call(format!("Arrays.stream({a}).{m}(){get}"));
                }
                match op {
                    I::Sum => {
                        let (m, v) = match elem {
                            Type::Float => ("mapToDouble", "Double::doubleValue"),
                            _ if self.is_long(&elem) => ("mapToLong", "Long::longValue"),
                            _ => ("mapToInt", "Integer::intValue"),
                        };
                        call(format!("{a}.stream().{m}({v}).sum()"))
                    }
                    _ => {
                        self.import("java.util.Collections");
                        let m = if op == I::MinOf { "min" } else { "max" };
                        call(format!("Collections.{m}({a})"))
                    }
                }
            }
            I::Any | I::All => {
                let a = self.iterable_value(a0);
                let m = if op == I::Any { "anyMatch" } else { "allMatch" };
                call(format!("{a}.stream().{m}(b -> b)"))
            }
            I::Count => {
                if t0 == Type::Str {
                    let h = self.helper("ferryCount");
                    return call(format!("{h}({})", all(self)));
                }
                self.import("java.util.Collections");
                call(format!("Collections.frequency({})", all(self)))
            }
            I::Fill => {
                let a = all(self);
                call(self.arrays_or_collections("fill", &t0, &a))
            }
            I::Range => {
                let h = self.helper("ferryRange");
                let mut a = all(self);
                if args.len() == 2 {
                    a.push_str(", 1");
                }
                call(format!("{h}({a})"))
            }
            I::GetOrDefault => call(format!("{}.getOrDefault({})", recv(self), rest(self, 1))),
            I::GetKey => {
                let h = self.helper("ferryGetKey");
                call(format!("{h}({})", all(self)))
            }
            I::Put => call(format!("{}.put({})", recv(self), rest(self, 1))),
            I::Keys => {
                self.import("java.util.ArrayList");
                call(format!("new ArrayList<>({}.keySet())", recv(self)))
            }
            I::Values => {
                self.import("java.util.ArrayList");
                call(format!("new ArrayList<>({}.values())", recv(self)))
            }
            I::Items => {
                self.tuple_record(2);
                let h = self.helper("ferryItems");
                call(format!("{h}({})", all(self)))
            }
            I::Add => call(format!("{}.add({})", recv(self), rest(self, 1))),
            I::Union | I::Intersection | I::Difference => {
                self.import("java.util.HashSet");
                let h = self.helper("ferrySetOp");
                let which = match op {
                    I::Union => "0",
                    I::Intersection => "1",
                    _ => "2",
                };
                call(format!("{h}({}, {which})", all(self)))
            }
            I::PushBack | I::PushFront | I::PopBack | I::PopFront | I::PeekBack | I::PeekFront => {
                let m = match op {
                    I::PushBack => "addLast",
                    I::PushFront => "addFirst",
                    I::PopBack => "removeLast",
                    I::PopFront => "removeFirst",
                    I::PeekBack => "peekLast",
                    _ => "peekFirst",
                };
                if let Type::List(_) = t0 {
                    let r = recv(self);
                    return call(match op {
                        I::PushBack => format!("{r}.add({})", rest(self, 1)),
                        I::PushFront => format!("{r}.add(0, {})", rest(self, 1)),
                        I::PopBack => format!("{r}.remove({r}.size() - 1)"),
                        I::PopFront => format!("{r}.remove(0)"),
                        I::PeekBack => format!("{r}.get({r}.size() - 1)"),
                        _ => format!("{r}.get(0)"),
                    });
                }
                call(format!("{}.{m}({})", recv(self), rest(self, 1)))
            }
            I::HeapPush => call(format!("{}.add({})", recv(self), rest(self, 1))),
            I::HeapPop => call(format!("{}.poll()", recv(self))),
            I::HeapPeek => call(format!("{}.peek()", recv(self))),
            I::Enumerate | I::Zip => {
                call(self.not_translated(e.span, &format!("{} outside a for loop", op.name())))
            }
        }
    }

    /// An iterable argument given as a value (a comprehension becomes a list).
    fn iterable_value(&mut self, a: Option<&Expr>) -> String {
        match a {
            Some(Expr {
                kind:
                    ExprKind::Intrinsic {
                        op: Intrinsic::Keys,
                        args,
                    },
                ..
            }) if args.len() == 1 => {
                format!("{}.keySet()", self.expr_prec(&args[0], Prec::Postfix))
            }
            Some(Expr {
                kind:
                    ExprKind::Intrinsic {
                        op: Intrinsic::Values,
                        args,
                    },
                ..
            }) if args.len() == 1 => {
                format!("{}.values()", self.expr_prec(&args[0], Prec::Postfix))
            }
            Some(x) if matches!(x.kind, ExprKind::Lit(_)) => self.expr(x),
            Some(x) => self.expr_prec(x, Prec::Postfix),
            None => String::new(),
        }
    }

    fn new_filled(&mut self, args: &[Expr], ty: &Type) -> (String, Prec) {
        let (Some(n), Some(fill)) = (args.first(), args.get(1)) else {
            return ("null".into(), Prec::Primary);
        };
        let n_text = self.expr(n);
        if let (
            Type::Array(el),
            ExprKind::Intrinsic {
                op: Intrinsic::NewFilled,
                args: inner,
            },
        ) = (ty, &fill.kind)
        {
            if matches!(**el, Type::Array(_)) {
                let (inner_text, _) = self.new_filled(inner, el);
                // `new int[m]` / `new int[m][k]` becomes `new int[n][m]...`.
                if let Some(rest) = inner_text.strip_prefix("new ") {
                    if let Some(i) = rest.find('[') {
                        return (
                            format!("new {}[{n_text}]{}", &rest[..i], &rest[i..]),
                            Prec::Postfix,
                        );
                    }
                }
                let h = self.helper("ferryFilledRows");
                let _ = h;
            }
        }
        match ty {
            Type::Array(el) => {
                let zero = self.zero(el);
                let fill_text = self.expr_as(fill, el);
                let is_zero = fill_text == zero
                    || (fill_text == "0" && matches!(**el, Type::Float))
                    || matches!(fill.kind, ExprKind::Lit(Literal::Null));
                if is_zero {
                    let el_t = self.ty(el);
                    // `new int[n][]` for nested arrays.
                    return match el_t.find('[') {
                        Some(i) => (
                            format!("new {}[{n_text}]{}", &el_t[..i], &el_t[i..]),
                            Prec::Postfix,
                        ),
                        None => (format!("new {el_t}[{n_text}]"), Prec::Postfix),
                    };
                }
                let h = self.helper("ferryFilled");
                (format!("{h}({n_text}, {fill_text})"), Prec::Postfix)
            }
            _ => {
                self.import("java.util.ArrayList");
                self.import("java.util.Collections");
                let el = ty.element().cloned().unwrap_or(Type::Unknown);
                let f = self.expr_as(fill, &el);
                (
                    format!("new ArrayList<>(Collections.nCopies({n_text}, {f}))"),
                    Prec::Postfix,
                )
            }
        }
    }

    /// Text conversion as the source language renders the value.
    fn source_text(&mut self, lang: Language, x: &Expr) -> (String, Prec) {
        match (&x.ty, lang) {
            (Type::Str, _) => {
                let t = self.expr_prec(x, Prec::Postfix);
                if matches!(x.kind, ExprKind::Lit(Literal::Null)) {
                    return ("\"null\"".into(), Prec::Primary);
                }
                (t, Prec::Postfix)
            }
            // Go prints a rune (or a byte read from a string) as its number.
            (Type::Char, Language::Go) => {
                let t = self.expr_prec(x, Prec::Unary);
                (format!("String.valueOf((int) {t})"), Prec::Postfix)
            }
            (Type::Int(_) | Type::Char, _) | (_, Language::Java) | (Type::Bool, Language::Go) => {
                let t = self.expr(x);
                (format!("String.valueOf({t})"), Prec::Postfix)
            }
            (Type::Named(_), _) => {
                let t = self.expr(x);
                (format!("String.valueOf({t})"), Prec::Postfix)
            }
            (_, Language::Python) => {
                let h = self.helper("ferryPyStr");
                let t = self.expr(x);
                (format!("{h}({t})"), Prec::Postfix)
            }
            (_, Language::Go) => {
                let h = self.helper("ferryGoStr");
                let t = self.expr(x);
                (format!("{h}({t})"), Prec::Postfix)
            }
        }
    }

    /// Whether `ToStr` of this value can be left to Java's own `+` conversion.
    pub(super) fn implicit_to_str(&self, e: &Expr) -> Option<Expr> {
        if let ExprKind::Intrinsic {
            op: Intrinsic::ToStr(lang),
            args,
        } = &e.kind
        {
            if let [x] = args.as_slice() {
                let same = x.ty.is_int()
                    || (x.ty == Type::Char && *lang != Language::Go)
                    || *lang == Language::Java
                    || (*lang == Language::Go && x.ty == Type::Bool);
                if same && !matches!(x.kind, ExprKind::Lit(Literal::Null)) {
                    return Some(x.clone());
                }
            }
        }
        None
    }

    /// `Arrays.method(args)` on an array, `Collections.method(args)` on a list, with the import.
    fn arrays_or_collections(&mut self, method: &str, collection: &Type, args: &str) -> String {
        let (class, import) = match collection {
            Type::Array(_) => ("Arrays", "java.util.Arrays"),
            _ => ("Collections", "java.util.Collections"),
        };
        self.import(import);
        format!("{class}.{method}({args})")
    }

    /// The order of a key function that builds a tuple (`lambda w: (-len(w), w)`): the tuple's
    /// parts compared one after the other (Java records are not `Comparable`), each part's
    /// lambda typed with the element type so that javac can infer the chain.
    fn tuple_key_order(&mut self, key: &Expr, el: &Type) -> Option<String> {
        let ExprKind::Lambda {
            params,
            body: ferry_ir::LambdaBody::Expr(body),
        } = &key.kind
        else {
            return None;
        };
        let ([p], ExprKind::TupleLit(parts)) = (params.as_slice(), &body.kind) else {
            return None;
        };
        if !el.is_known() || parts.is_empty() {
            return None;
        }
        let t = self.boxed(el);
        let name = names::value(&p.name, self.opts.naming);
        let mut out = String::new();
        for (i, part) in parts.iter().enumerate() {
            let body = self.expr_prec(part, Prec::Lambda);
            let link = if i == 0 {
                "Comparator.comparing"
            } else {
                ".thenComparing"
            };
            out.push_str(&format!("{link}(({t} {name}) -> {body})"));
        }
        Some(out)
    }

    /// A comprehension as a stream. The loop variables it renames (`pair.v0()`) are renamed
    /// inside it only.
    pub(super) fn comprehension(&mut self, c: &Comprehension, ty: &Type) -> (String, Prec) {
        self.with_scoped_renames(|p| p.comprehension_stream(c, ty))
    }

    /// Runs `print`, then forgets the renames it made.
    fn with_scoped_renames<T>(&mut self, print: impl FnOnce(&mut Self) -> T) -> T {
        let outer = self.renames.clone();
        let printed = print(self);
        self.renames = outer;
        printed
    }

    fn comprehension_stream(&mut self, c: &Comprehension, ty: &Type) -> (String, Prec) {
        let several = c
            .clauses
            .iter()
            .filter(|k| matches!(k, ComprehensionClause::For { .. }))
            .count()
            > 1;
        if several && c.kind != ComprehensionKind::Map {
            let Some(mut s) = self.nested_stream(&c.clauses, &c.element) else {
                return (
                    self.not_translated(c.element.span, "comprehension with tuple targets"),
                    Prec::Primary,
                );
            };
            self.import("java.util.stream.Collectors");
            if c.kind == ComprehensionKind::Set {
                self.import("java.util.HashSet");
                let el = self.elem_box(ty);
                s.push_str(&format!(
                    ".collect(Collectors.toCollection(HashSet{el}::new))"
                ));
            } else {
                self.import("java.util.ArrayList");
                let el = self.elem_box(ty);
                s.push_str(&format!(
                    ".collect(Collectors.toCollection(ArrayList{el}::new))"
                ));
            }
            return (s, Prec::Postfix);
        }
        let (var, iter, filters) = match c.clauses.as_slice() {
            [ComprehensionClause::For { vars, iter }, rest @ ..]
                if rest.iter().all(|r| matches!(r, ComprehensionClause::If(_))) =>
            {
                let filters: Vec<&Expr> = rest
                    .iter()
                    .filter_map(|r| match r {
                        ComprehensionClause::If(e) => Some(e),
                        ComprehensionClause::For { .. } => None,
                    })
                    .collect();
                let Some(var) = self.bind_vars(vars, iter) else {
                    return (
                        self.not_translated(c.element.span, "comprehension with tuple targets"),
                        Prec::Primary,
                    );
                };
                (var, iter, filters)
            }
            _ => {
                return (
                    self.not_translated(c.element.span, "comprehension with tuple targets"),
                    Prec::Primary,
                );
            }
        };
        let mut s = self.stream_of(iter);
        for f in filters {
            let f = self.expr(f);
            s.push_str(&format!(".filter({var} -> {f})"));
        }
        let el = self.expr(&c.element);
        if el != var {
            s.push_str(&format!(".map({var} -> {el})"));
        }
        self.import("java.util.stream.Collectors");
        match c.kind {
            ComprehensionKind::Set => {
                self.import("java.util.HashSet");
                let el = self.elem_box(ty);
                s.push_str(&format!(
                    ".collect(Collectors.toCollection(HashSet{el}::new))"
                ));
            }
            ComprehensionKind::Map => {
                let m = self.map_impl_name();
                let v = c.value.as_ref().map(|v| self.expr(v)).unwrap_or_default();
                // `map` above produced the key; rebuild from the original element instead.
                let base = s
                    .rsplit_once(".map(")
                    .map(|(b, _)| b.to_string())
                    .unwrap_or(s.clone());
                let base = if el == var { s.clone() } else { base };
                s = format!("{base}.collect(Collectors.toMap({var} -> {el}, {var} -> {v}, (a, b) -> b, {m}::new))");
            }
            _ => {
                self.import("java.util.ArrayList");
                let el = self.elem_box(ty);
                s.push_str(&format!(
                    ".collect(Collectors.toCollection(ArrayList{el}::new))"
                ));
            }
        }
        (s, Prec::Postfix)
    }

    /// `for a in xs for b in ys if c` as `xs.stream().flatMap(a -> ys.stream().filter(b -> c).map(b -> e))`.
    fn nested_stream(&mut self, clauses: &[ComprehensionClause], element: &Expr) -> Option<String> {
        let (ComprehensionClause::For { vars, iter }, rest) = clauses.split_first()? else {
            return None;
        };
        let var = self.bind_vars(vars, iter)?;
        let mut s = self.stream_of(iter);
        let mut rest = rest;
        while let Some((ComprehensionClause::If(f), more)) = rest.split_first() {
            let f = self.expr(f);
            s.push_str(&format!(".filter({var} -> {f})"));
            rest = more;
        }
        if rest.is_empty() {
            let el = self.expr(element);
            if el != var {
                s.push_str(&format!(".map({var} -> {el})"));
            }
        } else {
            let inner = self.nested_stream(rest, element)?;
            s.push_str(&format!(".flatMap({var} -> {inner})"));
        }
        Some(s)
    }

    /// `<Integer>` for a collection of ints; empty when the element type is unknown.
    fn elem_box(&mut self, ty: &Type) -> String {
        match ty.element() {
            Some(t) if t.is_known() => {
                let t = t.clone();
                format!("<{}>", self.boxed(&t))
            }
            _ => String::new(),
        }
    }

    fn map_impl_name(&mut self) -> &'static str {
        if self.module.language == Language::Python {
            self.import("java.util.LinkedHashMap");
            "LinkedHashMap"
        } else {
            self.import("java.util.HashMap");
            "HashMap"
        }
    }

    /// The lambda parameter for a comprehension's loop variables; two variables over map items or
    /// pairs are read through the element (`entry.getKey()`, `pair.v1()`).
    fn bind_vars(&mut self, vars: &[ferry_ir::Binding], iter: &Expr) -> Option<String> {
        match vars {
            [v] => Some(names::value(&v.name, self.opts.naming)),
            [a, b] if self.indexed_sequences(iter).is_some() => {
                let seqs = self.indexed_sequences(iter)?;
                let var = self.fresh("i");
                let mut at = |(seq, ty): &(String, Type)| match ty {
                    Type::Str => format!("{seq}.charAt({var})"),
                    Type::Array(_) => format!("{seq}[{var}]"),
                    // Unboxed, so that `==` compares values.
                    Type::List(t)
                        if matches!(**t, Type::Int(_) | Type::Float | Type::Bool | Type::Char) =>
                    {
                        format!("(({}) {seq}.get({var}))", self.ty(t))
                    }
                    _ => format!("{seq}.get({var})"),
                };
                let (first, second) = match seqs.as_slice() {
                    [only] => (var.clone(), at(only)),
                    [x, y] => (at(x), at(y)),
                    _ => return None,
                };
                self.renames.insert(a.name.clone(), first);
                self.renames.insert(b.name.clone(), second);
                Some(var)
            }
            [a, b] => {
                let is_items = matches!(
                    &iter.kind,
                    ExprKind::Intrinsic {
                        op: Intrinsic::Items,
                        ..
                    }
                );
                let tuple_elems =
                    matches!(iter.ty.element(), Some(Type::Tuple(ts)) if ts.len() == 2);
                if !is_items && !tuple_elems {
                    return None;
                }
                let var = self.fresh(if is_items { "entry" } else { "pair" });
                let (ka, kb) = if is_items {
                    ("getKey", "getValue")
                } else {
                    ("v0", "v1")
                };
                self.renames.insert(a.name.clone(), format!("{var}.{ka}()"));
                self.renames.insert(b.name.clone(), format!("{var}.{kb}()"));
                Some(var)
            }
            _ => None,
        }
    }

    /// The sequences (printed, with their types) that `enumerate(xs)` or `zip(xs, ys)` walks
    /// by index, when each is a variable (read again for every element).
    fn indexed_sequences(&mut self, iter: &Expr) -> Option<Vec<(String, Type)>> {
        let ExprKind::Intrinsic {
            op: Intrinsic::Enumerate | Intrinsic::Zip,
            args,
        } = &iter.kind
        else {
            return None;
        };
        args.iter()
            .map(|a| match &a.kind {
                ExprKind::Name(_) => Some((self.expr_prec(a, Prec::Postfix), a.ty.clone())),
                _ => None,
            })
            .collect()
    }

    fn stream_of(&mut self, iter: &Expr) -> String {
        if let Some(seqs) = self.indexed_sequences(iter) {
            self.import("java.util.stream.IntStream");
            let len = |(seq, ty): &(String, Type)| match ty {
                Type::Str => format!("{seq}.length()"),
                Type::Array(_) => format!("{seq}.length"),
                _ => format!("{seq}.size()"),
            };
            let n = match seqs.as_slice() {
                [x, y] => format!("Math.min({}, {})", len(x), len(y)),
                _ => seqs.iter().map(len).collect::<Vec<_>>().join(""),
            };
            return format!("IntStream.range(0, {n}).boxed()");
        }
        if let ExprKind::Intrinsic {
            op: Intrinsic::Items,
            args,
        } = &iter.kind
        {
            if let [m] = args.as_slice() {
                return format!("{}.entrySet().stream()", self.expr_prec(m, Prec::Postfix));
            }
        }
        if let ExprKind::Intrinsic {
            op: Intrinsic::Range,
            args,
        } = &iter.kind
        {
            if args.len() == 2 {
                self.import("java.util.stream.IntStream");
                let a = self.args(args);
                return format!("IntStream.range({a}).boxed()");
            }
        }
        match &iter.ty {
            Type::Str => {
                // A fresh name: a lambda parameter may not shadow a local of the function.
                let c = self.fresh("c");
                format!(
                    "{}.chars().mapToObj({c} -> (char) {c})",
                    self.expr_prec(iter, Prec::Postfix)
                )
            }
            Type::Array(el) => {
                self.import("java.util.Arrays");
                let boxed = if matches!(**el, Type::Int(_) | Type::Float) {
                    ".boxed()"
                } else {
                    ""
                };
                format!("Arrays.stream({}){boxed}", self.expr(iter))
            }
            Type::Map(..) => format!("{}.keySet().stream()", self.expr_prec(iter, Prec::Postfix)),
            _ => format!("{}.stream()", self.expr_prec(iter, Prec::Postfix)),
        }
    }
}

fn all_first(p: &mut Printer<'_>, args: &[Expr]) -> String {
    args.first().map(|a| p.expr(a)).unwrap_or_default()
}
