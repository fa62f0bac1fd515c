//! Library modules: `math`, `heapq`, `re` and `collections` functions called through the module
//! (`math.ceil(x)`, also under an alias from `import math as m`) or imported by name
//! (`from math import ceil`), wherever the import stands in the file; and the `hashlib` idiom
//! `hashlib.md5(s.encode()).hexdigest()`.

use std::collections::HashMap;

use ferry_ir::{BinOp, Binding, Block, Expr, ExprKind, Intrinsic, Literal, Stmt, StmtKind, Type};
use tree_sitter::Node;

use super::{mk, node_kind, Lowerer};
use crate::common::span;

/// `module.function` → intrinsic.
const MODULE_FUNCTIONS: &[(&str, &str, Intrinsic)] = &[
    ("math", "sqrt", Intrinsic::Sqrt),
    ("math", "floor", Intrinsic::Floor),
    ("math", "ceil", Intrinsic::Ceil),
    ("math", "log", Intrinsic::Log),
    ("math", "log10", Intrinsic::Log10),
    ("math", "exp", Intrinsic::Exp),
    ("math", "sin", Intrinsic::Sin),
    ("math", "cos", Intrinsic::Cos),
    ("math", "tan", Intrinsic::Tan),
    ("math", "atan", Intrinsic::Atan),
    ("math", "atan2", Intrinsic::Atan2),
    ("math", "hypot", Intrinsic::Hypot),
    ("math", "pow", Intrinsic::Pow),
    ("math", "fabs", Intrinsic::Abs),
    ("heapq", "heappush", Intrinsic::HeapPush),
    ("heapq", "heappop", Intrinsic::HeapPop),
];

/// The library modules this frontend knows.
const MODULES: &[&str] = &["math", "heapq", "re", "collections", "sys", "hashlib"];

/// The names imports bind in a file: `import m as a` (alias → module) and `from m import f as g`
/// (name → module and function).
#[derive(Default)]
pub(crate) struct Imports {
    modules: HashMap<String, String>,
    names: HashMap<String, (String, String)>,
}

impl Imports {
    /// Every import statement of the file, at module level or inside a function.
    pub(super) fn collect(root: Node<'_>, src: &str) -> Imports {
        let mut out = Imports::default();
        crate::common::preorder(root, |n| {
            match node_kind(n) {
                "import_statement" => {
                    let mut cur = n.walk();
                    for item in n.children_by_field_name("name", &mut cur) {
                        let (name, alias) = aliased(item, src);
                        out.modules
                            .insert(alias.unwrap_or_else(|| name.clone()), name);
                    }
                }
                "import_from_statement" => {
                    let Some(module) = n.child_by_field_name("module_name") else {
                        return false;
                    };
                    let module = crate::common::text(module, src).to_string();
                    let mut cur = n.walk();
                    for item in n.children_by_field_name("name", &mut cur) {
                        let (name, alias) = aliased(item, src);
                        out.names.insert(
                            alias.unwrap_or_else(|| name.clone()),
                            (module.clone(), name),
                        );
                    }
                }
                kind => return super::may_hold_statements(kind),
            }
            false
        });
        out
    }
}

/// The name and alias of an import item (`x` or `x as y`).
fn aliased(item: Node<'_>, src: &str) -> (String, Option<String>) {
    let text = |n: Node<'_>| crate::common::text(n, src).to_string();
    if node_kind(item) == "aliased_import" {
        let name = item
            .child_by_field_name("name")
            .map(text)
            .unwrap_or_default();
        (name, item.child_by_field_name("alias").map(text))
    } else {
        (text(item), None)
    }
}

impl Lowerer<'_> {
    /// The library module a name stands for (`math`, or `m` after `import math as m`), unless a
    /// variable of the function hides it.
    pub(super) fn library_module(&self, name: &str) -> Option<String> {
        if self.declared.contains(name) || self.globals.contains(name) {
            return None;
        }
        let module = self.imports.modules.get(name).map_or(name, String::as_str);
        MODULES.contains(&module).then(|| module.to_string())
    }

    /// Whether a name is a variable, function or class of the file rather than a builtin.
    fn is_user_name(&self, name: &str) -> bool {
        self.declared.contains(name) || self.functions.contains(name) || self.classes.contains(name)
    }

    /// The module function a bare name was imported as (`ceil` after `from math import ceil`).
    pub(super) fn imported_function(&self, name: &str) -> Option<(String, String)> {
        let (module, func) = self.imports.names.get(name)?;
        MODULES
            .contains(&module.as_str())
            .then(|| (module.clone(), func.clone()))
    }

    /// A call of a function of a library module.
    pub(super) fn module_call(
        &mut self,
        module: &str,
        func: &str,
        pos: &[Node<'_>],
        kw: &[(String, Node<'_>)],
        node: Node<'_>,
    ) -> Expr {
        let sp = span(node);
        if module == "collections" && matches!(func, "deque" | "defaultdict" | "Counter") {
            if let Some(e) = self.builtin(func, pos, kw, node) {
                return e;
            }
        }
        if !kw.is_empty() {
            return self.unsupported_expr(node, &format!("keyword arguments of `{module}.{func}`"));
        }
        if module == "re" {
            return self.regex_call(func, pos, node);
        }
        let Some((_, _, op)) = MODULE_FUNCTIONS
            .iter()
            .find(|(m, f, _)| *m == module && *f == func)
        else {
            return self.unsupported_expr(node, &format!("{module}.{func}"));
        };
        let args: Vec<Expr> = pos.iter().map(|x| self.expr(*x)).collect();
        let call = self.intr(*op, args, Type::Unknown, sp);
        // Python's `math.floor` and `math.ceil` return ints.
        if matches!(op, Intrinsic::Floor | Intrinsic::Ceil) {
            return mk(
                ExprKind::Cast {
                    expr: Box::new(call),
                    to: Type::BIG,
                },
                Type::BIG,
                sp,
            );
        }
        call
    }

    /// `tuple(xs)` where the length of `xs` is evident: a list literal, or a sorted copy of one
    /// (held in a temporary before the statement).
    pub(super) fn tuple_of(&mut self, items: Node<'_>, node: Node<'_>) -> Expr {
        let sp = span(node);
        let literal = match node_kind(items) {
            "list" => Some(items),
            "call"
                if items
                    .child_by_field_name("function")
                    .is_some_and(|f| self.text(f) == "sorted" && !self.is_user_name("sorted")) =>
            {
                match crate::common::field_children(items, "arguments").as_slice() {
                    [l] if node_kind(l) == "list" => Some(*l),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(literal) = literal else {
            return self.unsupported_expr(node, "tuple of a sequence of unknown length");
        };
        let elements = crate::common::named_children(literal);
        if elements.iter().any(|c| node_kind(c) == "list_splat") {
            return self.unsupported_expr(node, "tuple of a sequence of unknown length");
        }
        let len = elements.len();
        let list = self.expr(items);
        if let ExprKind::ListLit(parts) = list.kind {
            return mk(ExprKind::TupleLit(parts), Type::Unknown, sp);
        }
        if !self.pre_ok
            || crate::common::named_children(items)
                .iter()
                .any(|c| node_kind(c) == "list_splat")
        {
            return self.unsupported_expr(node, "tuple of a sorted list here");
        }
        let tmp = self.fresh_name("items");
        self.declared.insert(tmp.clone());
        self.pre.push(Stmt {
            kind: StmtKind::Let {
                name: tmp.clone(),
                ty: Type::Unknown,
                init: Some(list),
            },
            span: sp,
        });
        let parts = (0..len)
            .map(|i| {
                let index = mk(ExprKind::Lit(Literal::Int(i as i128)), Type::BIG, sp);
                mk(
                    ExprKind::Index {
                        object: Box::new(mk(ExprKind::Name(tmp.clone()), Type::Unknown, sp)),
                        index: Box::new(index),
                    },
                    Type::Unknown,
                    sp,
                )
            })
            .collect();
        mk(ExprKind::TupleLit(parts), Type::Unknown, sp)
    }

    /// `hashlib.md5(s.encode(enc)).hexdigest()` with `enc` UTF-8 (the default) or ASCII;
    /// `None` when `digest` is not a `hashlib` call.
    pub(super) fn hex_digest(&mut self, digest: Node<'_>, node: Node<'_>) -> Option<Expr> {
        let func = digest.child_by_field_name("function")?;
        let module = func.child_by_field_name("object")?;
        if node_kind(digest) != "call"
            || node_kind(func) != "attribute"
            || node_kind(module) != "identifier"
            || self.library_module(self.text(module)).as_deref() != Some("hashlib")
        {
            return None;
        }
        let algorithm = func.child_by_field_name("attribute").map(|a| self.text(a));
        let args = crate::common::field_children(digest, "arguments");
        let (Some("md5"), [encoded]) = (algorithm, args.as_slice()) else {
            return Some(self.unsupported_expr(node, "hashlib digest other than md5"));
        };
        let Some((text, ascii)) = self.encoded_text(*encoded) else {
            return Some(self.unsupported_expr(node, "digest of bytes not from str.encode"));
        };
        let s = self.expr(text);
        Some(self.intr(Intrinsic::Md5Hex { ascii }, vec![s], Type::Str, span(node)))
    }

    /// `s.encode()`, `s.encode("utf-8")`, `s.encode("ascii")`: the string and whether ASCII.
    fn encoded_text<'t>(&self, call: Node<'t>) -> Option<(Node<'t>, bool)> {
        let func = call.child_by_field_name("function")?;
        let attr = func.child_by_field_name("attribute")?;
        if node_kind(call) != "call"
            || node_kind(func) != "attribute"
            || self.text(attr) != "encode"
        {
            return None;
        }
        let text = func.child_by_field_name("object")?;
        let ascii = match crate::common::field_children(call, "arguments").as_slice() {
            [] => false,
            [enc] if node_kind(enc) == "string" => {
                let name = self
                    .text(*enc)
                    .trim_matches(['"', '\''])
                    .to_ascii_lowercase();
                match name.as_str() {
                    "utf-8" | "utf8" => false,
                    "ascii" => true,
                    _ => return None,
                }
            }
            _ => return None,
        };
        Some((text, ascii))
    }

    /// `re.split(p, s)` and `re.sub(p, r, s)` with a literal pattern in the syntax the three
    /// languages share (see [`crate::regex`]) and, for `sub`, a replacement of plain text.
    fn regex_call(&mut self, func: &str, pos: &[Node<'_>], node: Node<'_>) -> Expr {
        let sp = span(node);
        let mut args: Vec<Expr> = pos.iter().map(|x| self.expr(*x)).collect();
        let portable = matches!(
            args.first().map(|p| &p.kind),
            Some(ExprKind::Lit(Literal::Str(p))) if crate::regex::is_portable_split(p)
        );
        if !portable {
            return self.unsupported_expr(node, &format!("re.{func} with this pattern"));
        }
        match (func, args.len()) {
            ("split", 2) => {
                args.swap(0, 1);
                self.intr(Intrinsic::RegexSplit, args, Type::list(Type::Str), sp)
            }
            ("sub", 3) => {
                // `\` refers to groups in a Python replacement, `$` in Java and Go.
                let plain = matches!(
                    &args[1].kind,
                    ExprKind::Lit(Literal::Str(r)) if !r.contains(['$', '\\'])
                );
                if !plain {
                    return self.unsupported_expr(node, "re.sub replacement with `$` or `\\`");
                }
                let s = args.remove(2);
                args.insert(0, s);
                self.intr(Intrinsic::RegexReplace, args, Type::Str, sp)
            }
            _ => self.unsupported_expr(node, &format!("re.{func}")),
        }
    }

    /// `Counter(items)`: a map filled by a loop before the statement, counting each item.
    pub(super) fn counter(&mut self, items: Expr, node: Node<'_>) -> Expr {
        let sp = span(node);
        if !self.pre_ok || matches!(items.ty, Type::Map(..)) {
            return self.unsupported_expr(node, "Counter of this value here");
        }
        let counts = self.fresh_name("counts");
        self.declared.insert(counts.clone());
        // Reading a missing key of it gives 0, as of any `Counter`.
        self.default_dicts.insert(counts.clone(), "int".to_string());
        let fill = self.counting(&counts, items, sp);
        self.pre.extend(fill);
        mk(ExprKind::Name(counts), Type::Unknown, sp)
    }

    /// `name = Counter(items)` for a new variable: the variable is the map the loop fills.
    pub(super) fn counter_assignment(
        &mut self,
        name: &str,
        value: Node<'_>,
        out: &mut Vec<Stmt>,
    ) -> bool {
        let is_counter = node_kind(value) == "call"
            && value.child_by_field_name("function").is_some_and(|f| {
                let f = self.text(f);
                f == "Counter" && !self.is_user_name(f)
                    || f.strip_suffix(".Counter")
                        .and_then(|m| self.library_module(m))
                        .is_some_and(|m| m == "collections")
            });
        let args = crate::common::field_children(value, "arguments");
        let [arg] = args.as_slice() else {
            return false;
        };
        if !is_counter || node_kind(arg) == "keyword_argument" || self.declared.contains(name) {
            return false;
        }
        let items = self.expr(*arg);
        if matches!(items.ty, Type::Map(..)) {
            return false;
        }
        self.declared.insert(name.to_string());
        out.extend(self.counting(name, items, span(value)));
        true
    }

    /// `counts = {}; for item in items: counts[item] = counts.get(item, 0) + 1`.
    fn counting(&mut self, counts: &str, items: Expr, sp: ferry_ir::Span) -> Vec<Stmt> {
        let item = self.fresh_name("item");
        let name = |n: &str| mk(ExprKind::Name(n.to_string()), Type::Unknown, sp);
        let int = |i: i128| mk(ExprKind::Lit(Literal::Int(i)), Type::BIG, sp);
        let new = Stmt {
            kind: StmtKind::Let {
                name: counts.to_string(),
                ty: Type::Unknown,
                init: Some(self.intr(
                    Intrinsic::NewCollection,
                    vec![],
                    Type::map(Type::Unknown, Type::BIG),
                    sp,
                )),
            },
            span: sp,
        };
        let count = self.intr(
            Intrinsic::GetOrDefault,
            vec![name(counts), name(&item), int(0)],
            Type::BIG,
            sp,
        );
        let increment = mk(
            ExprKind::Binary {
                op: BinOp::Add,
                lhs: Box::new(count),
                rhs: Box::new(int(1)),
            },
            Type::BIG,
            sp,
        );
        let target = mk(
            ExprKind::Index {
                object: Box::new(name(counts)),
                index: Box::new(name(&item)),
            },
            Type::BIG,
            sp,
        );
        let put = Stmt {
            kind: StmtKind::Assign {
                target,
                op: None,
                value: increment,
            },
            span: sp,
        };
        let fill = Stmt {
            kind: StmtKind::ForEach {
                label: None,
                vars: vec![Binding {
                    name: item,
                    ty: Type::Unknown,
                }],
                iter: items,
                body: Block::new(vec![put]),
            },
            span: sp,
        };
        vec![new, fill]
    }
}
