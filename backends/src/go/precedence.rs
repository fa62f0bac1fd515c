//! A small Go expression tree and its printer, which reproduces gofmt's spacing rules: blanks
//! around binary operators depend on the mix of precedences and the nesting depth
//! (`a*b + c`, `x[i+1]`, `f(a+b, c)`), exactly as `go/printer` decides them.

/// A Go expression, ready to print.
#[derive(Debug, Clone)]
pub(super) enum G {
    /// A name, literal or anything else that prints as one token.
    Atom(String),
    Binary(&'static str, Box<G>, Box<G>),
    Unary(&'static str, Box<G>),
    Paren(Box<G>),
    /// `f(args)`; `spread` prints `...` after the last argument.
    Call {
        func: Box<G>,
        args: Vec<G>,
        spread: bool,
    },
    Index(Box<G>, Box<G>),
    Slice(Box<G>, Option<Box<G>>, Option<Box<G>>),
    Selector(Box<G>, String),
    /// `T{elts}`; the type may be empty for an elided element type.
    Composite(String, Vec<G>),
    KeyValue(Box<G>, Box<G>),
    /// `func(..) T { .. }`: the header and the body lines (indented relative to the literal).
    FuncLit {
        header: String,
        body: Vec<String>,
        one_line: bool,
    },
}

const UNARY_PREC: u8 = 6;
const HIGHEST_PREC: u8 = 7;

/// Go's binary operator precedence.
pub(super) fn binary_prec(op: &str) -> u8 {
    match op {
        "||" => 1,
        "&&" => 2,
        "==" | "!=" | "<" | "<=" | ">" | ">=" => 3,
        "+" | "-" | "|" | "^" => 4,
        _ => 5,
    }
}

impl G {
    pub(super) fn atom(s: impl Into<String>) -> G {
        G::Atom(s.into())
    }

    pub(super) fn call(func: impl Into<String>, args: Vec<G>) -> G {
        G::Call {
            func: Box::new(G::Atom(func.into())),
            args,
            spread: false,
        }
    }

    pub(super) fn method(recv: G, name: &str, args: Vec<G>) -> G {
        G::Call {
            func: Box::new(G::Selector(Box::new(recv), name.to_string())),
            args,
            spread: false,
        }
    }

    pub(super) fn bin(op: &'static str, l: G, r: G) -> G {
        // Parenthesise where the tree's shape differs from Go's left-associative parse.
        let prec = binary_prec(op);
        let l = match l {
            G::Binary(lop, ..) if binary_prec(lop) < prec => G::Paren(Box::new(l)),
            other => other,
        };
        let r = match r {
            G::Binary(rop, ..) if binary_prec(rop) <= prec => G::Paren(Box::new(r)),
            other => other,
        };
        G::Binary(op, Box::new(l), Box::new(r))
    }

    pub(super) fn unary(op: &'static str, x: G) -> G {
        let x = match x {
            G::Binary(..) => G::Paren(Box::new(x)),
            G::Unary(inner, _)
                if inner == op || (op == "-" && inner == "+") || (op == "+" && inner == "-") =>
            {
                G::Paren(Box::new(x))
            }
            G::Atom(ref s)
                if (op == "-" && s.starts_with('-')) || (op == "^" && s.starts_with('^')) =>
            {
                G::Paren(Box::new(x))
            }
            other => other,
        };
        G::Unary(op, Box::new(x))
    }

    pub(super) fn index(x: G, i: G) -> G {
        G::Index(Box::new(primary(x)), Box::new(i))
    }

    pub(super) fn sel(x: G, name: &str) -> G {
        G::Selector(Box::new(primary(x)), name.to_string())
    }

    /// Whether this is a binary expression at the top.
    pub(super) fn is_binary(&self) -> bool {
        matches!(self, G::Binary(..))
    }

    /// Prints at statement level (depth 1), with multi-line function literals indented from
    /// `indent` tabs.
    pub(super) fn print(&self, indent: usize) -> String {
        self.expr1(0, 1, indent)
    }

    /// Prints as one element of a list that has several (depth 2 in gofmt terms).
    pub(super) fn print_depth(&self, depth: usize, indent: usize) -> String {
        self.expr1(0, depth, indent)
    }

    fn expr1(&self, prec1: u8, depth: usize, indent: usize) -> String {
        match self {
            G::Atom(s) => s.clone(),
            G::Binary(op, x, y) => {
                let prec = binary_prec(op);
                if prec < prec1 {
                    return format!("({})", self.expr1(0, reduce_depth(depth), indent));
                }
                let cut = cutoff(self, depth);
                let blank = prec < cut;
                let l = x.expr1(prec, depth + diff_prec(x, prec), indent);
                let r = y.expr1(prec + 1, depth + 1, indent);
                if blank {
                    format!("{l} {op} {r}")
                } else {
                    format!("{l}{op}{r}")
                }
            }
            G::Unary(op, x) => {
                if UNARY_PREC < prec1 {
                    return format!("({})", self.expr1(0, 1, indent));
                }
                format!("{op}{}", x.expr1(UNARY_PREC, depth, indent))
            }
            G::Paren(x) => format!("({})", x.expr1(0, reduce_depth(depth), indent)),
            G::Call { func, args, spread } => {
                let d = if args.len() > 1 { depth + 1 } else { depth };
                let parts: Vec<String> = args.iter().map(|a| a.expr1(0, d, indent)).collect();
                let dots = if *spread { "..." } else { "" };
                format!(
                    "{}({}{dots})",
                    func.expr1(HIGHEST_PREC, depth, indent),
                    parts.join(", ")
                )
            }
            G::Index(x, i) => {
                format!(
                    "{}[{}]",
                    x.expr1(HIGHEST_PREC, 1, indent),
                    i.expr1(0, depth + 1, indent)
                )
            }
            G::Slice(x, lo, hi) => {
                let mut out = x.expr1(HIGHEST_PREC, 1, indent);
                let count = usize::from(lo.is_some()) + usize::from(hi.is_some());
                let has_bin = lo.as_deref().is_some_and(G::is_binary)
                    || hi.as_deref().is_some_and(G::is_binary);
                let blanks = depth <= 1 && count > 1 && has_bin;
                out.push('[');
                if let Some(lo) = lo {
                    out.push_str(&lo.expr1(0, depth + 1, indent));
                    if blanks {
                        out.push(' ');
                    }
                }
                out.push(':');
                if let Some(hi) = hi {
                    if blanks {
                        out.push(' ');
                    }
                    out.push_str(&hi.expr1(0, depth + 1, indent));
                }
                out.push(']');
                out
            }
            G::Selector(x, name) => format!("{}.{name}", x.expr1(HIGHEST_PREC, depth, indent)),
            G::Composite(ty, elts) => {
                let parts: Vec<String> = elts.iter().map(|e| e.expr1(0, 1, indent)).collect();
                format!("{ty}{{{}}}", parts.join(", "))
            }
            G::KeyValue(k, v) => format!("{}: {}", k.expr1(0, 1, indent), v.expr1(0, 1, indent)),
            G::FuncLit {
                header,
                body,
                one_line,
            } => {
                if *one_line || body.is_empty() {
                    if body.is_empty() {
                        return format!("{header} {{}}");
                    }
                    return format!("{header} {{ {} }}", body.join("; "));
                }
                let mut out = format!("{header} {{\n");
                for line in body {
                    if !line.is_empty() {
                        out.push_str(&"\t".repeat(indent + 1));
                        out.push_str(line);
                    }
                    out.push('\n');
                }
                out.push_str(&"\t".repeat(indent));
                out.push('}');
                out
            }
        }
    }
}

/// Wraps an operand of a selector, index or call in parentheses where Go needs them.
fn primary(x: G) -> G {
    match x {
        G::Binary(..) | G::Unary(..) => G::Paren(Box::new(x)),
        other => other,
    }
}

fn reduce_depth(depth: usize) -> usize {
    depth.saturating_sub(1).max(1)
}

fn diff_prec(x: &G, prec: u8) -> usize {
    match x {
        G::Binary(op, ..) if binary_prec(op) == prec => 0,
        _ => 1,
    }
}

fn cutoff(e: &G, depth: usize) -> u8 {
    let (has4, has5, max_problem) = walk_binary(e);
    if max_problem > 0 {
        return max_problem + 1;
    }
    if has4 && has5 {
        if depth == 1 {
            return 5;
        }
        return 4;
    }
    if depth == 1 {
        return 6;
    }
    4
}

fn walk_binary(e: &G) -> (bool, bool, u8) {
    let G::Binary(op, x, y) = e else {
        return (false, false, 0);
    };
    let prec = binary_prec(op);
    let mut has4 = prec == 4;
    let mut has5 = prec == 5;
    let mut max_problem = 0;
    if let G::Binary(lop, ..) = &**x {
        if binary_prec(lop) >= prec {
            let (h4, h5, mp) = walk_binary(x);
            has4 |= h4;
            has5 |= h5;
            max_problem = max_problem.max(mp);
        }
    }
    match &**y {
        G::Binary(rop, ..) if binary_prec(rop) > prec => {
            let (h4, h5, mp) = walk_binary(y);
            has4 |= h4;
            has5 |= h5;
            max_problem = max_problem.max(mp);
        }
        G::Unary(rop, _) => match format!("{op}{rop}").as_str() {
            "/*" | "&&" | "&^" => max_problem = 5,
            "++" | "--" => max_problem = max_problem.max(4),
            _ => {}
        },
        G::Atom(s) if s.starts_with('-') && *op == "-" => max_problem = max_problem.max(4),
        _ => {}
    }
    (has4, has5, max_problem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> G {
        G::atom(s)
    }

    #[test]
    fn spacing_follows_gofmt() {
        let e = G::bin("+", G::bin("*", a("a"), a("b")), a("c"));
        assert_eq!(e.print(0), "a*b + c");
        let e = G::bin("+", a("a"), a("b"));
        assert_eq!(e.print(0), "a + b");
        let idx = G::index(a("x"), G::bin("+", a("i"), a("1")));
        assert_eq!(idx.print(0), "x[i+1]");
        let call = G::call("f", vec![G::bin("+", a("a"), a("b")), a("c")]);
        assert_eq!(call.print(0), "f(a+b, c)");
        let e = G::bin("*", G::bin("+", a("a"), a("b")), a("c"));
        assert_eq!(e.print(0), "(a + b) * c");
        let e = G::bin(
            "&&",
            G::bin(">=", a("c"), a("'a'")),
            G::bin("<=", a("c"), a("'z'")),
        );
        assert_eq!(e.print(0), "c >= 'a' && c <= 'z'");
        let e = G::bin("-", a("len(xs)"), a("1"));
        assert_eq!(G::index(a("xs"), e).print(0), "xs[len(xs)-1]");
    }
}
