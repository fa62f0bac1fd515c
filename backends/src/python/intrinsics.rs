//! Standard-library operations: each intrinsic's Python idiom.

use ferry_ir::intrinsics::ValueKind;
use ferry_ir::{Expr, ExprKind, IntKind, Intrinsic, Language, Literal, Type};

use super::expr::{prec, str_lit};
use super::Printer;

impl Printer<'_> {
    pub(super) fn intrinsic(&mut self, op: Intrinsic, args: &[Expr], e: &Expr) -> (String, u8) {
        use Intrinsic::*;
        let p = prec::PRIMARY;
        let a0 = args.first();
        let arg = |this: &mut Self, i: usize, min: u8| -> String {
            match args.get(i) {
                Some(x) => this.expr(x, min),
                None => "None".to_string(),
            }
        };
        let ty0 = a0.map(|x| x.ty.clone()).unwrap_or(Type::Unknown);
        let all = |this: &mut Self| this.args(args);
        let call = |this: &mut Self, f: &str| -> (String, u8) {
            let s = match args {
                [x] => this.sole_arg(x),
                _ => this.args(args),
            };
            (format!("{f}({s})"), prec::PRIMARY)
        };
        let method = |this: &mut Self, m: &str| -> (String, u8) {
            let r = arg(this, 0, prec::PRIMARY);
            let rest = this.args(args.get(1..).unwrap_or(&[]));
            (format!("{r}.{m}({rest})"), prec::PRIMARY)
        };
        match op {
            IsKind(kind) => {
                let x = arg(self, 0, prec::PRIMARY);
                let test = match kind {
                    ValueKind::Int => {
                        format!("type({x}) is int")
                    }
                    ValueKind::Float => format!("isinstance({x}, float)"),
                    ValueKind::Str => format!("isinstance({x}, str)"),
                    ValueKind::Bool => format!("isinstance({x}, bool)"),
                };
                let p = if kind == ValueKind::Int {
                    prec::CMP
                } else {
                    prec::PRIMARY
                };
                (test, p)
            }
            Println => {
                let s = if args.is_empty() {
                    String::new()
                } else {
                    self.print_arg(a0)
                };
                (format!("print({s})"), p)
            }
            Print => {
                // A printed text that ends in a newline is a `print` of the rest.
                if let Some(x) = a0 {
                    if let Some(stripped) = strip_newline(x) {
                        let s = self.expr(&stripped, prec::LAMBDA);
                        return (format!("print({s})"), p);
                    }
                }
                let s = self.print_arg(a0);
                (format!("print({s}, end=\"\")"), p)
            }
            ToStr(lang) => match a0 {
                Some(x) => self.text_of(x, lang),
                None => ("\"\"".to_string(), prec::ATOM),
            },
            Format => self.format(args),
            ParseInt => call(self, "int"),
            ParseFloat => call(self, "float"),
            CharCode => call(self, "ord"),
            CodeChar => call(self, "chr"),
            CharToStr => match a0 {
                Some(x) => self.expr_prec(x),
                None => ("\"\"".to_string(), prec::ATOM),
            },
            ErrorMessage => call(self, "str"),
            Abs => call(self, "abs"),
            Min => call(self, "min"),
            Max => call(self, "max"),
            Pow => {
                self.import("math");
                call(self, "math.pow")
            }
            Sqrt | Log | Log10 | Exp | Sin | Cos | Tan | Atan | Atan2 | Hypot => {
                self.import("math");
                let name = match op {
                    Sqrt => "math.sqrt",
                    Log => "math.log",
                    Log10 => "math.log10",
                    Exp => "math.exp",
                    Sin => "math.sin",
                    Cos => "math.cos",
                    Tan => "math.tan",
                    Atan => "math.atan",
                    Atan2 => "math.atan2",
                    _ => "math.hypot",
                };
                call(self, name)
            }
            Floor | Ceil => {
                self.import("math");
                let f = if op == Floor {
                    "math.floor"
                } else {
                    "math.ceil"
                };
                let x = all(self);
                (format!("float({f}({x}))"), p)
            }
            RoundHalfEven => {
                let x = all(self);
                (format!("float(round({x}))"), p)
            }
            RoundDigits => call(self, "round"),
            NumberOfAny { float } => call(self, if float { "float" } else { "int" }),
            ToBinary { prefixed: true } => call(self, "bin"),
            ToBinary { prefixed: false } => {
                let x = all(self);
                (format!("format({x}, \"b\")"), p)
            }
            Round => {
                self.helper("_ferry_round");
                call(self, "_ferry_round")
            }
            Pi => {
                self.import("math");
                ("math.pi".to_string(), p)
            }
            E => {
                self.import("math");
                ("math.e".to_string(), p)
            }
            Inf => {
                self.import("math");
                ("math.inf".to_string(), p)
            }
            MaxInt(k) | MinInt(k) => {
                let max = op == MaxInt(k);
                let v: i128 = match k {
                    IntKind::I8 => 127,
                    IntKind::I16 => 32767,
                    IntKind::I32 => 2147483647,
                    IntKind::I64 | IntKind::Big => 9223372036854775807,
                };
                if k == IntKind::Big {
                    self.import("sys");
                    return if max {
                        ("sys.maxsize".to_string(), p)
                    } else {
                        ("-sys.maxsize - 1".to_string(), prec::ADD)
                    };
                }
                if max {
                    (v.to_string(), prec::ATOM)
                } else {
                    (format!("-{}", v + 1), prec::UNARY)
                }
            }
            Len(_) => match ty0 {
                Type::StrBuilder => call(self, "len"),
                _ => call(self, "len"),
            },
            CharAt(_) => {
                let s = arg(self, 0, prec::PRIMARY);
                let i = arg(self, 1, prec::LAMBDA + 1);
                (format!("{s}[{i}]"), p)
            }
            Substring(_) => {
                let s = arg(self, 0, prec::PRIMARY);
                let a = arg(self, 1, prec::LAMBDA + 1);
                let b = if args.len() > 2 {
                    arg(self, 2, prec::LAMBDA + 1)
                } else {
                    String::new()
                };
                let a = if a == "0" { String::new() } else { a };
                (format!("{s}[{a}:{b}]"), p)
            }
            Contains => {
                let c = arg(self, 0, prec::CMP + 1);
                let x = arg(self, 1, prec::CMP + 1);
                (format!("{x} in {c}"), prec::CMP)
            }
            IndexOf | LastIndexOf => {
                if ty0 == Type::Str {
                    method(self, if op == IndexOf { "find" } else { "rfind" })
                } else {
                    let h = if op == IndexOf {
                        "_ferry_index_of"
                    } else {
                        "_ferry_last_index_of"
                    };
                    self.helper(h);
                    call(self, h)
                }
            }
            StartsWith => method(self, "startswith"),
            EndsWith => method(self, "endswith"),
            ToUpper => method(self, "upper"),
            ToLower => method(self, "lower"),
            SwapCase => method(self, "swapcase"),
            Md5Hex { ascii } => {
                self.import("hashlib");
                let x = arg(self, 0, prec::PRIMARY);
                let enc = if ascii { "\"ascii\"" } else { "" };
                (format!("hashlib.md5({x}.encode({enc})).hexdigest()"), p)
            }
            Trim => method(self, "strip"),
            RegexReplace | RegexSplit | RegexFind => {
                self.import("re");
                let s = arg(self, 0, prec::LAMBDA + 1);
                let p = arg(self, 1, prec::LAMBDA + 1);
                match op {
                    RegexReplace => {
                        let r = arg(self, 2, prec::LAMBDA + 1);
                        (format!("re.sub({p}, {r}, {s})"), prec::PRIMARY)
                    }
                    RegexSplit => (format!("re.split({p}, {s})"), prec::PRIMARY),
                    _ => (format!("re.search({p}, {s}) is not None"), prec::CMP),
                }
            }
            Split if args.len() == 3 => {
                let s = arg(self, 0, prec::PRIMARY);
                let sep = arg(self, 1, prec::LAMBDA + 1);
                let max = match args.get(2).map(|n| &n.kind) {
                    Some(ExprKind::Lit(Literal::Int(n))) => (n - 1).to_string(),
                    _ => format!("{} - 1", arg(self, 2, prec::ADD + 1)),
                };
                (format!("{s}.split({sep}, {max})"), prec::PRIMARY)
            }
            Split => method(self, "split"),
            SplitWhitespace => method(self, "split"),
            FromChars => {
                let chars = match args.first() {
                    Some(x) => self.sole_arg(x),
                    None => String::new(),
                };
                (format!("\"\".join({chars})"), p)
            }
            Join => {
                let sep = arg(self, 0, prec::PRIMARY);
                let parts = match args.get(1) {
                    Some(x) => self.sole_arg(x),
                    None => String::new(),
                };
                (format!("{sep}.join({parts})"), p)
            }
            Replace => method(self, "replace"),
            Repeat => {
                let s = arg(self, 0, prec::MUL);
                let n = arg(self, 1, prec::MUL + 1);
                (format!("{s} * {n}"), prec::MUL)
            }
            Reversed => {
                let s = arg(self, 0, prec::PRIMARY);
                (format!("{s}[::-1]"), p)
            }
            Chars | CharStrings => call(self, "list"),
            CompareStr => {
                self.helper("_ferry_compare");
                call(self, "_ferry_compare")
            }
            IsDigit => method(self, "isdigit"),
            IsLetter => method(self, "isalpha"),
            IsLetterOrDigit => method(self, "isalnum"),
            IsUpper => method(self, "isupper"),
            IsLower => method(self, "islower"),
            IsWhitespace => method(self, "isspace"),
            BuilderNew => match a0 {
                Some(x) => self.expr_prec(x),
                None => ("\"\"".to_string(), prec::ATOM),
            },
            BuilderAppend => {
                // In expression position: the appended value (statements assign it back).
                let b = arg(self, 0, prec::ADD);
                let x = arg(self, 1, prec::ADD + 1);
                (format!("{b} + {x}"), prec::ADD)
            }
            BuilderToStr => match a0 {
                Some(x) => self.expr_prec(x),
                None => ("\"\"".to_string(), prec::ATOM),
            },
            BuilderReverse => {
                let s = arg(self, 0, prec::PRIMARY);
                (format!("{s}[::-1]"), p)
            }
            NewCollection => (self.empty_collection(&e.ty), prec::ATOM),
            NewFilled => {
                let n = arg(self, 0, prec::MUL + 1);
                let fill = args.get(1);
                let mutable = fill.is_some_and(|f| {
                    matches!(
                        f.ty,
                        Type::List(_)
                            | Type::Array(_)
                            | Type::Map(..)
                            | Type::Set(_)
                            | Type::Deque(_)
                            | Type::Named(_)
                    )
                });
                if mutable {
                    let f = arg(self, 1, prec::LAMBDA + 1);
                    let n = arg(self, 0, prec::LAMBDA + 1);
                    (format!("[{f} for _ in range({n})]"), prec::ATOM)
                } else {
                    let f = arg(self, 1, prec::LAMBDA + 1);
                    (format!("[{f}] * {n}"), prec::MUL)
                }
            }
            ToNumber => call(self, if e.ty.is_int() { "int" } else { "float" }),
            CopyOf
                if matches!(e.ty, Type::List(_) | Type::Array(_))
                    && matches!(a0.map(|x| &x.kind), Some(ExprKind::ListLit(_))) =>
            {
                match a0 {
                    Some(x) => self.expr_prec(x),
                    None => ("[]".to_string(), prec::ATOM),
                }
            }
            CopyOf => {
                let f = match &e.ty {
                    Type::Set(_) => "set",
                    Type::Map(..) => "dict",
                    Type::Deque(_) => {
                        self.import_from("collections", "deque");
                        "deque"
                    }
                    Type::PriorityQueue(_) => "sorted",
                    Type::Tuple(_) => "tuple",
                    _ => "list",
                };
                call(self, f)
            }
            Append | PushBack => match ty0 {
                Type::PriorityQueue(_) => {
                    self.import("heapq");
                    call(self, "heapq.heappush")
                }
                _ => method(self, "append"),
            },
            Insert => method(self, "insert"),
            Extend => method(self, "extend"),
            Pop | PopBack => method(self, "pop"),
            RemoveAt => method(self, "pop"),
            Remove => match ty0 {
                Type::Set(_) => {
                    self.helper("_ferry_set_remove");
                    call(self, "_ferry_set_remove")
                }
                Type::Map(..) => {
                    let m = arg(self, 0, prec::PRIMARY);
                    let k = arg(self, 1, prec::LAMBDA + 1);
                    (format!("{m}.pop({k}, None)"), p)
                }
                _ => {
                    self.helper("_ferry_list_remove");
                    call(self, "_ferry_list_remove")
                }
            },
            Clear => method(self, "clear"),
            IsEmpty => {
                let x = arg(self, 0, prec::NOT);
                (format!("not {x}"), prec::NOT)
            }
            Sort => method(self, "sort"),
            SortByKey | SortedByKey => {
                let l = arg(
                    self,
                    0,
                    if op == SortByKey {
                        prec::PRIMARY
                    } else {
                        prec::LAMBDA + 1
                    },
                );
                let k = arg(self, 1, prec::LAMBDA);
                let rev = matches!(
                    args.get(2).map(|x| &x.kind),
                    Some(ExprKind::Lit(Literal::Bool(true)))
                );
                let rev_expr = args
                    .get(2)
                    .filter(|x| !matches!(x.kind, ExprKind::Lit(Literal::Bool(_))));
                let identity = matches!(args.get(1).map(|x| &x.kind), Some(ExprKind::Lambda { params, body: ferry_ir::LambdaBody::Expr(b) })
                    if params.len() == 1 && matches!(&b.kind, ExprKind::Name(n) if *n == params[0].name));
                let mut s = match (op, identity) {
                    (SortByKey, true) => format!("{l}.sort("),
                    (SortByKey, false) => format!("{l}.sort(key={k}"),
                    (_, true) => format!("sorted({l}"),
                    (_, false) => format!("sorted({l}, key={k}"),
                };
                let sep = if identity && op == SortByKey {
                    ""
                } else {
                    ", "
                };
                if rev {
                    s.push_str(&format!("{sep}reverse=True"));
                } else if let Some(r) = rev_expr {
                    let r = self.expr(r, prec::LAMBDA + 1);
                    s.push_str(&format!("{sep}reverse={r}"));
                }
                s.push(')');
                (s, p)
            }
            SortWithComparator => {
                self.import("functools");
                let l = arg(self, 0, prec::PRIMARY);
                let c = arg(self, 1, prec::LAMBDA);
                (format!("{l}.sort(key=functools.cmp_to_key({c}))"), p)
            }
            Sorted => match a0.map(|x| &x.kind) {
                Some(ExprKind::Intrinsic {
                    op: Keys,
                    args: inner,
                }) if inner.len() == 1 => {
                    let m = self.expr(&inner[0], prec::LAMBDA);
                    (format!("sorted({m})"), p)
                }
                _ => call(self, "sorted"),
            },
            Reverse => method(self, "reverse"),
            Sum => call(self, "sum"),
            MinOf => call(self, "min"),
            MaxOf => call(self, "max"),
            Any => call(self, "any"),
            All => call(self, "all"),
            Count => method(self, "count"),
            Fill => {
                let a = arg(self, 0, prec::PRIMARY);
                let x = arg(self, 1, prec::LAMBDA + 1);
                (format!("{a}.__setitem__(slice(None), [{x}] * len({a}))"), p)
            }
            Range => {
                let r = self.range_call(args);
                (format!("list({r})"), p)
            }
            Enumerate => call(self, "enumerate"),
            Zip => call(self, "zip"),
            GetOrDefault => method(self, "get"),
            GetKey => {
                let m = arg(self, 0, prec::PRIMARY);
                let k = arg(self, 1, prec::LAMBDA + 1);
                (format!("{m}[{k}]"), prec::PRIMARY)
            }
            Put => {
                let m = arg(self, 0, prec::PRIMARY);
                let k = arg(self, 1, prec::LAMBDA + 1);
                let v = arg(self, 2, prec::LAMBDA + 1);
                (format!("{m}.__setitem__({k}, {v})"), p)
            }
            Keys => {
                let m = arg(self, 0, prec::PRIMARY);
                (format!("list({m})"), p)
            }
            Values => method(self, "values"),
            Items => method(self, "items"),
            Add => {
                self.helper("_ferry_set_add");
                call(self, "_ferry_set_add")
            }
            Union | Intersection | Difference => {
                let sym = match op {
                    Union => "|",
                    Intersection => "&",
                    _ => "-",
                };
                let pr = match op {
                    Union => prec::BITOR,
                    Intersection => prec::BITAND,
                    _ => prec::ADD,
                };
                let a = arg(self, 0, pr);
                let b = arg(self, 1, pr + 1);
                (format!("{a} {sym} {b}"), pr)
            }
            PushFront => method(self, "appendleft"),
            PopFront => match ty0 {
                Type::Deque(_) => method(self, "popleft"),
                _ => {
                    let l = arg(self, 0, prec::PRIMARY);
                    (format!("{l}.pop(0)"), p)
                }
            },
            PeekBack => {
                let l = arg(self, 0, prec::PRIMARY);
                (format!("{l}[-1]"), p)
            }
            PeekFront | HeapPeek => {
                let l = arg(self, 0, prec::PRIMARY);
                (format!("{l}[0]"), p)
            }
            HeapPush => {
                self.import("heapq");
                call(self, "heapq.heappush")
            }
            HeapPop => {
                self.import("heapq");
                call(self, "heapq.heappop")
            }
        }
    }

    /// Builds a list's text inline when its elements print the same in Python.
    fn list_text(&mut self, x: &Expr, lang: Language) -> Option<(String, u8)> {
        let el = match &x.ty {
            Type::List(e) | Type::Array(e) => (**e).clone(),
            _ => return None,
        };
        let simple = matches!(
            (&el, lang),
            (Type::Int(_) | Type::Str, _) | (Type::Char, Language::Java)
        );
        if !simple {
            return None;
        }
        let sep = if lang == Language::Go { " " } else { ", " };
        let s = self.expr(x, prec::LAMBDA + 1);
        let inner = if matches!(el, Type::Int(_)) {
            format!("map(str, {s})")
        } else {
            s
        };
        Some((
            format!("\"[\" + \"{sep}\".join({inner}) + \"]\""),
            prec::ADD,
        ))
    }

    /// The arguments of `print(...)`: `a + " " + b` prints as `print(a, b)`, and a value made
    /// text by `str()` prints as itself.
    fn print_arg(&mut self, a: Option<&Expr>) -> String {
        let Some(x) = a else { return String::new() };
        let mut parts = Vec::new();
        flatten_concat(x, &mut parts);
        // Split on standalone `" "` parts: each group is one argument of `print`.
        let mut groups: Vec<Vec<&Expr>> = vec![Vec::new()];
        for p in &parts {
            if is_space(p) {
                groups.push(Vec::new());
            } else if let Some(g) = groups.last_mut() {
                g.push(p);
            }
        }
        if groups.len() < 2 || groups.iter().any(Vec::is_empty) {
            groups = vec![vec![x]];
        }
        let mut out = Vec::new();
        for g in groups {
            let text = if let [v] = g.as_slice() {
                match &v.kind {
                    // `print` converts with `str()` itself, which renders these alike everywhere.
                    ExprKind::Intrinsic {
                        op: Intrinsic::ToStr(lang),
                        args,
                    } if args.len() == 1
                        && (*lang == Language::Python
                            || matches!(
                                args[0].ty,
                                Type::Int(_) | Type::Str | Type::StrBuilder
                            )
                            || (args[0].ty == Type::Char && *lang != Language::Go)) =>
                    {
                        self.expr(&args[0], prec::LAMBDA)
                    }
                    _ => self.expr(v, prec::LAMBDA),
                }
            } else {
                let ps: Vec<String> = g.iter().map(|v| self.expr(v, prec::ADD + 1)).collect();
                ps.join(" + ")
            };
            out.push(text);
        }
        out.join(", ")
    }

    pub(super) fn empty_collection(&mut self, ty: &Type) -> String {
        match ty {
            Type::Map(..) => "{}".to_string(),
            Type::Set(_) => "set()".to_string(),
            Type::Deque(_) => {
                self.import_from("collections", "deque");
                "deque()".to_string()
            }
            Type::StrBuilder => "\"\"".to_string(),
            _ => "[]".to_string(),
        }
    }

    /// The source language's text of a value.
    pub(super) fn text_of(&mut self, x: &Expr, lang: Language) -> (String, u8) {
        match (&x.ty, lang) {
            (Type::Str | Type::StrBuilder, _) => self.expr_prec(x),
            (Type::Char, Language::Go) => {
                let s = self.expr(x, prec::LAMBDA + 1);
                (format!("str(ord({s}))"), prec::PRIMARY)
            }
            (Type::Char, _) => self.expr_prec(x),
            (Type::Int(_), _) | (_, Language::Python) | (Type::Named(_), _) => {
                let s = self.expr(x, prec::LAMBDA + 1);
                (format!("str({s})"), prec::PRIMARY)
            }
            (Type::Bool, _) => {
                let s = self.expr(x, prec::OR);
                (format!("\"true\" if {s} else \"false\""), prec::COND)
            }
            (Type::Float, Language::Java) => {
                self.helper("_ferry_java_double");
                let s = self.expr(x, prec::LAMBDA + 1);
                (format!("_ferry_java_double({s})"), prec::PRIMARY)
            }
            (Type::Float, Language::Go) => {
                self.helper("_ferry_go_float");
                let s = self.expr(x, prec::LAMBDA + 1);
                (format!("_ferry_go_float({s})"), prec::PRIMARY)
            }
            (Type::List(_) | Type::Array(_), _) if self.list_text(x, lang).is_some() => {
                self.list_text(x, lang).unwrap_or_default()
            }
            (_, Language::Java) => {
                self.helper("_ferry_java_str");
                let s = self.expr(x, prec::LAMBDA + 1);
                (format!("_ferry_java_str({s})"), prec::PRIMARY)
            }
            (_, Language::Go) => {
                self.helper("_ferry_go_str");
                let s = self.expr(x, prec::LAMBDA + 1);
                (format!("_ferry_go_str({s})"), prec::PRIMARY)
            }
        }
    }

    /// `Format(fmt, args...)` as Python's `%` operator.
    fn format(&mut self, args: &[Expr]) -> (String, u8) {
        use Intrinsic::ToStr;
        let Some(first) = args.first() else {
            return ("\"\"".to_string(), prec::ATOM);
        };
        let rest = args.get(1..).unwrap_or(&[]);
        let ExprKind::Lit(Literal::Str(fmt)) = &first.kind else {
            let f = self.expr(first, prec::MUL);
            let a = self.args(rest);
            return (format!("{f} % ({a},)"), prec::MUL);
        };
        // Walk the verbs so that each argument can be adapted to its verb.
        let mut out = String::new();
        let mut parts = Vec::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut argi = 0;
        let lang = self.module.language;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < chars.len() && "-+ 0#123456789.".contains(chars[j]) {
                j += 1;
            }
            let Some(&verb) = chars.get(j) else {
                out.push_str("%%");
                break;
            };
            let spec: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            match verb {
                '%' => {
                    out.push_str("%%");
                    continue;
                }
                'n' => {
                    out.push('\n');
                    continue;
                }
                _ => {}
            }
            let Some(a) = rest.get(argi) else {
                out.push_str(&format!("%{spec}{verb}"));
                continue;
            };
            argi += 1;
            let (verb, text) = match verb {
                's' | 'v' | 't' | 'S' => {
                    if let ExprKind::Intrinsic {
                        op: ToStr(Language::Python),
                        args: inner,
                    } = &a.kind
                    {
                        if let [v] = inner.as_slice() {
                            out.push_str(&format!("%{spec}s"));
                            parts.push(self.expr_prec(v));
                            continue;
                        }
                    }
                    if matches!(a.ty, Type::Str | Type::Int(_)) {
                        ('s', self.expr_prec(a))
                    } else {
                        ('s', self.text_of(a, lang))
                    }
                }
                'd' if a.ty == Type::Char => (
                    'd',
                    (
                        format!("ord({})", self.expr(a, prec::LAMBDA + 1)),
                        prec::PRIMARY,
                    ),
                ),
                'b' => (
                    's',
                    (
                        format!("format({}, \"b\")", self.expr(a, prec::LAMBDA + 1)),
                        prec::PRIMARY,
                    ),
                ),
                other => (other, self.expr_prec(a)),
            };
            out.push_str(&format!("%{spec}{verb}"));
            parts.push(text);
        }
        let f = str_lit(&out);
        if parts.is_empty() {
            return (str_lit(&out.replace("%%", "%")), prec::ATOM);
        }
        if parts.len() == 1 && !matches!(rest.first().map(|a| &a.ty), Some(Type::Tuple(_))) {
            let (only, pr) = parts.remove(0);
            let only = if pr <= prec::MUL {
                format!("({only})")
            } else {
                only
            };
            return (format!("{f} % {only}"), prec::MUL);
        }
        let parts: Vec<String> = parts
            .into_iter()
            .map(|(s, pr)| {
                if pr == prec::LAMBDA {
                    format!("({s})")
                } else {
                    s
                }
            })
            .collect();
        (format!("{f} % ({})", parts.join(", ")), prec::MUL)
    }
}

/// `Format("...\n", args)` or `"...\n"` without its final newline.
fn strip_newline(x: &Expr) -> Option<Expr> {
    match &x.kind {
        ExprKind::Lit(Literal::Str(s)) if s.ends_with('\n') => {
            let mut e = x.clone();
            e.kind = ExprKind::Lit(Literal::Str(s[..s.len() - 1].to_string()));
            Some(e)
        }
        ExprKind::Intrinsic {
            op: Intrinsic::Format,
            args,
        } => {
            let first = args.first()?;
            let stripped = strip_newline(first)?;
            let mut e = x.clone();
            if let ExprKind::Intrinsic { args, .. } = &mut e.kind {
                args[0] = stripped;
            }
            Some(e)
        }
        _ => None,
    }
}

fn is_space(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Lit(Literal::Str(s)) if s == " ")
}

/// The operands of a chain of string concatenations, left to right.
pub(super) fn flatten_concat<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    if let ExprKind::Binary {
        op: ferry_ir::BinOp::Add,
        lhs,
        rhs,
    } = &e.kind
    {
        if e.ty == Type::Str && lhs.ty == Type::Str && rhs.ty == Type::Str {
            flatten_concat(lhs, out);
            flatten_concat(rhs, out);
            return;
        }
    }
    out.push(e);
}
