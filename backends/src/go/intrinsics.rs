//! Intrinsics in Go: the standard library where it has the operation (`strings`, `slices`,
//! `strconv`, `math`, `unicode`), prelude helpers where Go's own behaviour differs.

use ferry_ir::intrinsics::StrUnit;
use ferry_ir::{Expr, ExprKind, IntKind, Intrinsic, Language, Literal, Type};

use super::format::{printf_form, println_operands, Operand};
use super::precedence::G;
use super::types::is_zero;
use super::Printer;

impl Printer<'_> {
    pub(super) fn arg(&mut self, args: &[Expr], i: usize) -> G {
        match args.get(i) {
            Some(a) => self.expr(a),
            None => G::atom("ferryMissingArgument"),
        }
    }

    /// `&x`, or `p` for `*p`.
    pub(super) fn addr(x: G) -> G {
        match x {
            G::Unary("*", inner) => *inner,
            other => G::unary("&", other),
        }
    }

    /// Argument `i` converted to the element (or key) type of argument 0's collection.
    pub(super) fn elem_arg(&mut self, args: &[Expr], i: usize) -> G {
        let elem = match args.first().map(|a| &a.ty) {
            Some(Type::Map(k, _)) => Some((**k).clone()),
            Some(
                Type::List(t)
                | Type::Set(t)
                | Type::Deque(t)
                | Type::Array(t)
                | Type::PriorityQueue(t),
            ) => Some((**t).clone()),
            _ => None,
        };
        match (args.get(i), elem) {
            (Some(a), Some(t)) => self.expr_as(a, &t),
            _ => self.arg(args, i),
        }
    }

    pub(super) fn helper(&mut self, name: &'static str, key: &'static str, args: Vec<G>) -> G {
        self.prelude.insert(key);
        G::call(name, args)
    }

    pub(super) fn pkg(&mut self, pkg: &'static str, func: &str, args: Vec<G>) -> G {
        self.import(pkg);
        let short = pkg.rsplit('/').next().unwrap_or(pkg);
        G::call(format!("{short}.{func}"), args)
    }

    pub(super) fn is_exception_type(&self, n: &str) -> bool {
        !self.classes.contains_key(n) || self.shape(n) == Some(super::Shape::Exception)
    }

    /// An intrinsic used as a value.
    pub(super) fn intrinsic(&mut self, op: Intrinsic, args: &[Expr], e: &Expr) -> G {
        use Intrinsic::*;
        let t0 = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
        match op {
            Println | Print => {
                if op == Println
                    && matches!(args.first().map(|a| &a.kind), Some(ExprKind::Lit(Literal::Str(s))) if s.is_empty())
                {
                    return self.pkg("fmt", "Println", vec![]);
                }
                if let (
                    Print,
                    Some(Expr {
                        kind:
                            ExprKind::Intrinsic {
                                op: Format,
                                args: fargs,
                            },
                        ..
                    }),
                ) = (op, args.first())
                {
                    // fmt.Print(fmt.Sprintf(..)) is fmt.Printf(..).
                    if let G::Call { args: gs, .. } = self.format(fargs) {
                        return self.pkg("fmt", "Printf", gs);
                    }
                }
                if op == Println {
                    if let Some(operands) = args.first().and_then(println_operands) {
                        let gs: Vec<G> = operands
                            .iter()
                            .map(|o| match o {
                                Operand::Text(t) => G::atom(super::expr::quote(t)),
                                Operand::Value(e) => self.expr(e),
                            })
                            .collect();
                        return self.pkg("fmt", "Println", gs);
                    }
                }
                if let Some((format, values)) = args.first().and_then(printf_form) {
                    // A concatenation of several values reads better as a format.
                    let newline = if op == Println { "\n" } else { "" };
                    let mut gs = vec![G::atom(super::expr::quote(&format!("{format}{newline}")))];
                    for v in values {
                        gs.push(self.expr(v));
                    }
                    return self.pkg("fmt", "Printf", gs);
                }
                let x = self.arg(args, 0);
                let f = if op == Println { "Println" } else { "Print" };
                self.pkg("fmt", f, vec![x])
            }
            IsKind(kind) => {
                let x = self.arg(args, 0);
                self.prelude.insert("is");
                G::call(format!("ferryIs[{}]", dynamic_type(kind)), vec![x])
            }
            ToStr(lang) => match args.first() {
                Some(a) => self.text_of(a, lang),
                None => G::atom("\"\""),
            },
            Format => self.format(args),
            ToBinary { prefixed } => {
                let x = self.arg(args, 0);
                if prefixed {
                    self.helper("ferryBin", "bin", vec![x])
                } else {
                    let wide = G::call("int64", vec![x]);
                    self.pkg("strconv", "FormatInt", vec![wide, G::atom("2")])
                }
            }
            ParseInt => {
                let x = self.arg(args, 0);
                if self.module.language == Language::Python {
                    let trimmed = self_trim(self, x);
                    self.helper("ferryAtoi", "atoi", vec![trimmed])
                } else {
                    self.helper("ferryAtoi", "atoi", vec![x])
                }
            }
            NumberOfAny { float } => {
                let x = self.arg(args, 0);
                if float {
                    self.helper("ferryFloatOfAny", "floatofany", vec![x])
                } else {
                    self.helper("ferryIntOfAny", "intofany", vec![x])
                }
            }
            ParseFloat => {
                let x = self.arg(args, 0);
                self.helper("ferryParseFloat", "parsefloat", vec![x])
            }
            CharCode => {
                let x = self.arg(args, 0);
                G::call("int", vec![x])
            }
            CodeChar => {
                let x = self.arg(args, 0);
                G::call("rune", vec![x])
            }
            CharToStr => {
                let x = self.arg(args, 0);
                if args.first().is_some_and(|a| a.ty == Type::Str) {
                    x
                } else {
                    G::call("string", vec![x])
                }
            }
            ErrorMessage => {
                let x = self.arg(args, 0);
                G::sel(x, "msg")
            }
            Abs if t0 == Type::Float => {
                let x = self.arg(args, 0);
                self.pkg("math", "Abs", vec![x])
            }
            Abs => {
                let x = self.arg(args, 0);
                self.helper("ferryAbs", "abs", vec![x])
            }
            Min | Max => {
                let float = args.iter().any(|a| a.ty == Type::Float);
                let gs: Vec<G> = args
                    .iter()
                    .map(|a| {
                        // An optional argument is read through its pointer.
                        let g = match super::types::optional_value(&a.ty) {
                            Some(inner) => self.expr_as(a, &inner.clone()),
                            None => self.expr(a),
                        };
                        if float {
                            self.float(a, g)
                        } else {
                            g
                        }
                    })
                    .collect();
                G::call(if op == Min { "min" } else { "max" }, gs)
            }
            Pow | Sqrt | Floor | Ceil | Log | Log10 | Exp | Sin | Cos | Tan | Atan | Atan2
            | Hypot | Round | RoundHalfEven => {
                let name = match op {
                    Pow => "Pow",
                    Sqrt => "Sqrt",
                    Floor => "Floor",
                    Ceil => "Ceil",
                    Log => "Log",
                    Log10 => "Log10",
                    Exp => "Exp",
                    Sin => "Sin",
                    Cos => "Cos",
                    Tan => "Tan",
                    Atan => "Atan",
                    Atan2 => "Atan2",
                    Hypot => "Hypot",
                    RoundHalfEven => "RoundToEven",
                    _ => "Round",
                };
                let gs: Vec<G> = args
                    .iter()
                    .map(|a| {
                        let g = self.expr(a);
                        self.float(a, g)
                    })
                    .collect();
                let call = self.pkg("math", name, gs);
                if e.ty.is_int() {
                    G::call("int", vec![call])
                } else {
                    call
                }
            }
            Pi => {
                self.import("math");
                G::atom("math.Pi")
            }
            E => {
                self.import("math");
                G::atom("math.E")
            }
            Inf => self.pkg("math", "Inf", vec![G::atom("1")]),
            MaxInt(k) | MinInt(k) => {
                self.import("math");
                let bound = if matches!(op, MaxInt(_)) {
                    "Max"
                } else {
                    "Min"
                };
                let width = match k {
                    IntKind::I8 => "Int8",
                    IntKind::I16 => "Int16",
                    IntKind::I32 => "Int32",
                    IntKind::I64 | IntKind::Big => "Int64",
                };
                G::atom(format!("math.{bound}{width}"))
            }
            Len(unit) => {
                let x = self.arg(args, 0);
                match (&t0, unit) {
                    (Type::Str, StrUnit::Byte) => G::call("len", vec![x]),
                    // UTF-16 units and code points agree outside the astral planes, and so do
                    // `CharAt`/`Substring`, which index `[]rune(s)`.
                    (Type::Str, StrUnit::CodePoint | StrUnit::CodeUnit) => {
                        self.pkg("unicode/utf8", "RuneCountInString", vec![x])
                    }
                    (Type::StrBuilder, _) => G::method(x, "Len", vec![]),
                    _ => G::call("len", vec![x]),
                }
            }
            CharAt(unit) => {
                let s = self.arg(args, 0);
                let i = self.arg(args, 1);
                match unit {
                    StrUnit::Byte => G::call("rune", vec![G::index(s, i)]),
                    _ => G::index(
                        G::Call {
                            func: Box::new(G::atom("[]rune")),
                            args: vec![s],
                            spread: false,
                        },
                        i,
                    ),
                }
            }
            Substring(unit) => {
                let s = self.arg(args, 0);
                let a = self.arg(args, 1);
                let b = args.get(2).map(|x| self.expr(x));
                match unit {
                    StrUnit::Byte => G::Slice(Box::new(s), Some(Box::new(a)), b.map(Box::new)),
                    _ => {
                        let runes = G::Call {
                            func: Box::new(G::atom("[]rune")),
                            args: vec![s],
                            spread: false,
                        };
                        G::call(
                            "string",
                            vec![G::Slice(
                                Box::new(runes),
                                Some(Box::new(a)),
                                b.map(Box::new),
                            )],
                        )
                    }
                }
            }
            Contains => {
                let c = self.arg(args, 0);
                let x = self.elem_arg(args, 1);
                match &t0 {
                    Type::Str if args.get(1).is_some_and(|a| a.ty == Type::Char) => {
                        self.pkg("strings", "ContainsRune", vec![c, x])
                    }
                    Type::Str => self.pkg("strings", "Contains", vec![c, x]),
                    Type::Set(_) => G::index(c, x),
                    Type::Map(..) => self.helper("ferryHasKey", "haskey", vec![c, x]),
                    _ => self.pkg("slices", "Contains", vec![c, x]),
                }
            }
            IndexOf | LastIndexOf => {
                let c = self.arg(args, 0);
                let x = self.arg(args, 1);
                let last = op == LastIndexOf;
                match &t0 {
                    Type::Str if args.get(1).is_some_and(|a| a.ty == Type::Char) => self.pkg(
                        "strings",
                        if last { "LastIndex" } else { "IndexRune" },
                        vec![c, if last { G::call("string", vec![x]) } else { x }],
                    ),
                    Type::Str => self.pkg(
                        "strings",
                        if last { "LastIndex" } else { "Index" },
                        vec![c, x],
                    ),
                    _ if last => self.helper("ferryLastIndex", "lastindex", vec![c, x]),
                    _ => self.pkg("slices", "Index", vec![c, x]),
                }
            }
            StartsWith | EndsWith => {
                let s = self.arg(args, 0);
                let x = self.arg(args, 1);
                self.pkg(
                    "strings",
                    if op == StartsWith {
                        "HasPrefix"
                    } else {
                        "HasSuffix"
                    },
                    vec![s, x],
                )
            }
            ToUpper | ToLower if t0 == Type::Char && e.ty == Type::Char => {
                // A character mapped to a character (Java `Character.toUpperCase(c)`).
                let c = self.arg(args, 0);
                self.pkg(
                    "unicode",
                    if op == ToUpper { "ToUpper" } else { "ToLower" },
                    vec![c],
                )
            }
            ToUpper | ToLower => {
                let s = self.arg(args, 0);
                let s = if t0 == Type::Char {
                    G::call("string", vec![s])
                } else {
                    s
                };
                self.pkg(
                    "strings",
                    if op == ToUpper { "ToUpper" } else { "ToLower" },
                    vec![s],
                )
            }
            Md5Hex { ascii } => {
                let s = self.arg(args, 0);
                self.helper("ferryMd5Hex", "md5hex", vec![s, G::atom(ascii.to_string())])
            }
            SwapCase => {
                let s = self.arg(args, 0);
                self.helper("ferrySwapCase", "swapcase", vec![s])
            }
            Trim => {
                let s = self.arg(args, 0);
                self.pkg("strings", "TrimSpace", vec![s])
            }
            RegexReplace | RegexSplit | RegexFind => {
                let s = self.arg(args, 0);
                let p = self.arg(args, 1);
                let re = self.pkg("regexp", "MustCompile", vec![p]);
                match op {
                    RegexReplace => {
                        let r = self.arg(args, 2);
                        G::method(re, "ReplaceAllString", vec![s, r])
                    }
                    RegexSplit => G::method(re, "Split", vec![s, G::atom("-1")]),
                    _ => G::method(re, "MatchString", vec![s]),
                }
            }
            Split if args.len() == 3 => {
                let s = self.arg(args, 0);
                let sep = self.arg(args, 1);
                let n = self.arg(args, 2);
                self.pkg("strings", "SplitN", vec![s, sep, n])
            }
            Split => {
                let s = self.arg(args, 0);
                let sep = self.arg(args, 1);
                self.pkg("strings", "Split", vec![s, sep])
            }
            SplitWhitespace => {
                let s = self.arg(args, 0);
                self.pkg("strings", "Fields", vec![s])
            }
            FromChars => {
                let chars = self.arg(args, 0);
                G::call("string", vec![chars])
            }
            Join => {
                let sep = self.arg(args, 0);
                let parts = self.arg(args, 1);
                self.pkg("strings", "Join", vec![parts, sep])
            }
            Replace => {
                let s = self.arg(args, 0);
                let a = self.arg(args, 1);
                let b = self.arg(args, 2);
                self.pkg("strings", "ReplaceAll", vec![s, a, b])
            }
            Repeat => {
                let s = self.arg(args, 0);
                let n = self.arg(args, 1);
                if t0 == Type::Str {
                    self.pkg("strings", "Repeat", vec![s, n])
                } else {
                    self.helper("ferryRepeatList", "repeatlist", vec![s, n])
                }
            }
            Reversed => {
                let x = self.arg(args, 0);
                if t0 == Type::Str {
                    self.helper("ferryReverseStr", "reversestr", vec![x])
                } else {
                    self.helper("ferryReversed", "reversed", vec![x])
                }
            }
            CharStrings => {
                // An empty separator splits after each UTF-8 sequence.
                let s = self.arg(args, 0);
                self.pkg("strings", "Split", vec![s, G::atom("\"\"")])
            }
            Chars => {
                let s = self.arg(args, 0);
                G::Call {
                    func: Box::new(G::atom("[]rune")),
                    args: vec![s],
                    spread: false,
                }
            }
            CompareStr => {
                let a = self.arg(args, 0);
                let b = self.arg(args, 1);
                self.pkg("strings", "Compare", vec![a, b])
            }
            IsDigit | IsLetter | IsUpper | IsLower | IsWhitespace | IsLetterOrDigit => {
                let x = self.arg(args, 0);
                let f = match op {
                    IsDigit => "IsDigit",
                    IsLetter => "IsLetter",
                    IsUpper => "IsUpper",
                    IsLower => "IsLower",
                    IsWhitespace => "IsSpace",
                    _ => "IsLetterOrDigit",
                };
                if t0 == Type::Str {
                    self.import("unicode");
                    let pred = if op == IsLetterOrDigit {
                        self.prelude.insert("letterordigit");
                        "ferryIsLetterOrDigit".to_string()
                    } else {
                        format!("unicode.{f}")
                    };
                    return self.helper("ferryStrAll", "strall", vec![x, G::atom(pred)]);
                }
                if op == IsLetterOrDigit {
                    let l = self.pkg("unicode", "IsLetter", vec![x.clone()]);
                    let d = self.pkg("unicode", "IsDigit", vec![x]);
                    return G::bin("||", l, d);
                }
                self.pkg("unicode", f, vec![x])
            }
            BuilderNew => {
                self.import("strings");
                G::unary("&", G::Composite("strings.Builder".into(), vec![]))
            }
            BuilderAppend => {
                // As a value (a chained append): append, then yield the builder.
                let b = self.arg(args, 0);
                let x = self.builder_piece(args.get(1));
                self.helper("ferryAppendBuilder", "appendbuilder", vec![b, x])
            }
            BuilderToStr => {
                // `new StringBuilder(s).reverse().toString()` is a reversed string.
                if let Some(ExprKind::Intrinsic {
                    op: BuilderReverse,
                    args: inner,
                }) = args.first().map(|a| &a.kind)
                {
                    if let Some(ExprKind::Intrinsic {
                        op: BuilderAppend,
                        args: parts,
                    }) = inner.first().map(|a| &a.kind)
                    {
                        if let [Expr {
                            kind: ExprKind::Intrinsic { op: BuilderNew, .. },
                            ..
                        }, piece] = parts.as_slice()
                        {
                            if piece.ty == Type::Str {
                                let s = self.expr(piece);
                                return self.helper("ferryReverseStr", "reversestr", vec![s]);
                            }
                        }
                    }
                }
                let b = self.arg(args, 0);
                G::method(b, "String", vec![])
            }
            BuilderReverse => {
                let b = self.arg(args, 0);
                self.helper("ferryReverseBuilder", "reversebuilder", vec![b])
            }
            NewCollection => self.empty_collection(&e.ty),
            NewFilled => self.new_filled(args, &e.ty),
            CopyOf => self.copy_of(args, &e.ty),
            ToNumber => {
                let x = self.arg(args, 0);
                let to = if e.ty.is_int() { "int" } else { "float64" };
                match args.first().map(|a| &a.ty) {
                    Some(Type::Int(_) | Type::Float) => G::call(to, vec![x]),
                    _ => {
                        self.prelude.insert("tonumber");
                        G::call(format!("ferryToNumber[{to}]"), vec![x])
                    }
                }
            }
            Pop | PopBack => {
                let l = self.arg(args, 0);
                self.helper("ferryPop", "pop", vec![Self::addr(l)])
            }
            PopFront => {
                let l = self.arg(args, 0);
                self.helper("ferryPopFront", "popfront", vec![Self::addr(l)])
            }
            RemoveAt => {
                let l = self.arg(args, 0);
                let i = self.arg(args, 1);
                self.helper("ferryRemoveAt", "removeat", vec![Self::addr(l), i])
            }
            Remove => {
                let c = self.arg(args, 0);
                let x = self.arg(args, 1);
                match &t0 {
                    Type::Map(..) | Type::Set(_) => {
                        self.helper("ferryDelete", "delete", vec![c, x])
                    }
                    _ => self.helper("ferryRemoveValue", "removevalue", vec![Self::addr(c), x]),
                }
            }
            Add => {
                let c = self.arg(args, 0);
                let x = self.elem_arg(args, 1);
                self.helper("ferrySetAdd", "setadd", vec![c, x])
            }
            IsEmpty => {
                let x = self.arg(args, 0);
                let len = if t0 == Type::StrBuilder {
                    G::method(x, "Len", vec![])
                } else {
                    G::call("len", vec![x])
                };
                G::bin("==", len, G::atom("0"))
            }
            Sorted
                if matches!(
                    args.first().map(|a| &a.kind),
                    Some(ExprKind::Intrinsic { op: Keys, .. })
                ) =>
            {
                // The keys are already sorted.
                self.arg(args, 0)
            }
            Sorted => {
                let x = self.arg(args, 0);
                match &t0 {
                    Type::Map(..) | Type::Set(_) => {
                        self.helper("ferrySortedKeys", "sortedkeys", vec![x])
                    }
                    Type::Str => {
                        let runes = G::Call {
                            func: Box::new(G::atom("[]rune")),
                            args: vec![x],
                            spread: false,
                        };
                        self.helper("ferrySorted", "sorted", vec![runes])
                    }
                    _ => self.helper("ferrySorted", "sorted", vec![x]),
                }
            }
            SortedByKey => self.sorted_by_key(args),
            RoundDigits => {
                let x = self.arg(args, 0);
                let x = match args.first() {
                    Some(a) => self.float(a, x),
                    None => x,
                };
                let n = self.arg(args, 1);
                self.helper("ferryRoundDigits", "rounddigits", vec![x, n])
            }
            Sum => {
                let x = self.arg(args, 0);
                self.helper("ferrySum", "sum", vec![x])
            }
            MinOf | MaxOf => {
                let x = self.arg(args, 0);
                let x = match &t0 {
                    Type::Map(..) | Type::Set(_) => {
                        self.helper("ferrySortedKeys", "sortedkeys", vec![x])
                    }
                    _ => x,
                };
                self.pkg("slices", if op == MinOf { "Min" } else { "Max" }, vec![x])
            }
            Any | All => {
                let x = self.arg(args, 0);
                self.helper(
                    if op == Any { "ferryAny" } else { "ferryAll" },
                    "anyall",
                    vec![x],
                )
            }
            Count => {
                let c = self.arg(args, 0);
                let x = self.arg(args, 1);
                if t0 == Type::Str {
                    self.pkg("strings", "Count", vec![c, x])
                } else {
                    self.helper("ferryCount", "count", vec![c, x])
                }
            }
            Range => {
                let gs = self.args(args);
                self.helper("ferryRange", "range", gs)
            }
            GetKey => {
                let m = self.arg(args, 0);
                let k = self.elem_arg(args, 1);
                self.helper("ferryGetKey", "getkey", vec![m, k])
            }
            GetOrDefault => {
                let m = self.arg(args, 0);
                let k = self.elem_arg(args, 1);
                match args.get(2) {
                    Some(d)
                        if is_zero(d)
                            || matches!(
                                d.kind,
                                ExprKind::Intrinsic {
                                    op: NewCollection,
                                    ..
                                }
                            ) && matches!(d.ty, Type::List(_)) =>
                    {
                        G::index(m, k)
                    }
                    Some(d) => {
                        let d = self.expr(d);
                        self.helper("ferryGetOr", "getor", vec![m, k, d])
                    }
                    None => G::index(m, k),
                }
            }
            Keys => {
                let m = self.arg(args, 0);
                self.helper("ferrySortedKeys", "sortedkeys", vec![m])
            }
            Values => {
                let m = self.arg(args, 0);
                self.prelude.insert("sortedkeys");
                self.helper("ferrySortedValues", "values", vec![m])
            }
            Union | Intersection | Difference => {
                let a = self.arg(args, 0);
                let b = self.arg(args, 1);
                let name = match op {
                    Union => "ferryUnion",
                    Intersection => "ferryIntersection",
                    _ => "ferryDifference",
                };
                self.helper(name, "setops", vec![a, b])
            }
            PeekBack => {
                let d = self.arg(args, 0);
                let len = G::call("len", vec![d.clone()]);
                G::index(d, G::bin("-", len, G::atom("1")))
            }
            PeekFront => {
                let d = self.arg(args, 0);
                G::index(d, G::atom("0"))
            }
            HeapPop => {
                let h = self.arg(args, 0);
                self.helper("ferryHeapPop", "heap", vec![Self::addr(h)])
            }
            HeapPeek => {
                let h = self.arg(args, 0);
                G::index(h, G::atom("0"))
            }
            _ => {
                self.unsupported(e.span, &format!("`{}` used as a value", op.name()));
                G::atom("ferryUnsupported()")
            }
        }
    }

    /// A piece appended to a builder, as a string.
    pub(super) fn builder_piece(&mut self, x: Option<&Expr>) -> G {
        match x {
            Some(x) if x.ty == Type::Str => self.expr(x),
            Some(x) if x.ty == Type::Char => {
                let g = self.expr(x);
                G::call("string", vec![g])
            }
            Some(x) => self.text_of(x, self.module.language),
            None => G::atom("\"\""),
        }
    }

    pub(super) fn empty_collection(&mut self, ty: &Type) -> G {
        match ty {
            Type::StrBuilder => {
                self.import("strings");
                G::unary("&", G::Composite("strings.Builder".into(), vec![]))
            }
            _ => {
                let t = self.go_type(ty);
                G::Composite(t, vec![])
            }
        }
    }

    pub(super) fn new_filled(&mut self, args: &[Expr], ty: &Type) -> G {
        let n = self.arg(args, 0);
        let t = self.go_type(ty);
        let Some(fill) = args.get(1) else {
            return G::call("make", vec![G::atom(t), n]);
        };
        if is_zero(fill) {
            return G::call("make", vec![G::atom(t), n]);
        }
        let fresh = matches!(
            &fill.kind,
            ExprKind::Intrinsic {
                op: Intrinsic::NewFilled | Intrinsic::NewCollection,
                ..
            } | ExprKind::ListLit(_)
                | ExprKind::MapLit(_)
        );
        let f = self.expr(fill);
        if fresh {
            // Each element gets its own collection.
            let et = self.go_type(&fill.ty);
            let text = f.print(self.level + 1);
            let lit = G::FuncLit {
                header: format!("func() {et}"),
                body: vec![format!("return {text}")],
                one_line: true,
            };
            return self.helper("ferryFilledFunc", "filledfunc", vec![n, lit]);
        }
        self.helper("ferryFilled", "filled", vec![n, f])
    }

    pub(super) fn copy_of(&mut self, args: &[Expr], ty: &Type) -> G {
        // A copy of a fresh literal is the literal.
        if let Some(a) = args.first() {
            let fresh = matches!(
                a.kind,
                ExprKind::ListLit(_)
                    | ExprKind::MapLit(_)
                    | ExprKind::SetLit(_)
                    | ExprKind::Intrinsic {
                        op: Intrinsic::Keys
                            | Intrinsic::Values
                            | Intrinsic::Sorted
                            | Intrinsic::Split
                            | Intrinsic::SplitWhitespace
                            | Intrinsic::Range,
                        ..
                    }
            );
            if fresh && self.go_type(&a.ty) == self.go_type(ty) {
                return self.expr(a);
            }
        }
        let x = self.arg(args, 0);
        let from = args.first().map(|a| a.ty.clone()).unwrap_or(Type::Unknown);
        match (ty, &from) {
            (Type::List(_) | Type::Array(_) | Type::Deque(_), Type::Map(..) | Type::Set(_)) => {
                self.helper("ferrySortedKeys", "sortedkeys", vec![x])
            }
            (Type::List(_) | Type::Array(_) | Type::Deque(_), Type::Str) => G::Call {
                func: Box::new(G::atom("[]rune")),
                args: vec![x],
                spread: false,
            },
            (Type::List(_) | Type::Array(_) | Type::Deque(_), _) => {
                let t = self.go_type(ty);
                G::Call {
                    func: Box::new(G::atom("append")),
                    args: vec![G::Composite(t, vec![]), x],
                    spread: true,
                }
            }
            (Type::Set(_), Type::Set(_)) | (Type::Map(..), _) => self.pkg("maps", "Clone", vec![x]),
            (Type::Set(_), Type::Str) => {
                let runes = G::Call {
                    func: Box::new(G::atom("[]rune")),
                    args: vec![x],
                    spread: false,
                };
                self.helper("ferrySetOf", "setof", vec![runes])
            }
            (Type::Set(_), _) => self.helper("ferrySetOf", "setof", vec![x]),
            (Type::PriorityQueue(_), _) => {
                let t = self.go_type(ty);
                let copy = G::Call {
                    func: Box::new(G::atom("append")),
                    args: vec![G::Composite(t, vec![]), x],
                    spread: true,
                };
                self.helper("ferryHeapify", "heap", vec![copy])
            }
            _ => x,
        }
    }
}

fn self_trim(p: &mut Printer<'_>, x: G) -> G {
    p.import("strings");
    G::call("strings.TrimSpace", vec![x])
}

/// The Go type a dynamic type test or assertion names for a kind of value.
pub(super) fn dynamic_type(kind: ferry_ir::intrinsics::ValueKind) -> &'static str {
    use ferry_ir::intrinsics::ValueKind;
    match kind {
        ValueKind::Int => "int",
        ValueKind::Float => "float64",
        ValueKind::Str => "string",
        ValueKind::Bool => "bool",
    }
}
