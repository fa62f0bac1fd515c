//! The Python frontend: lowers a Python file into the IR.
//!
//! Lowering runs in three steps: [`items`] collects the module's functions, classes and globals
//! and lowers their bodies ([`stmt`], [`expr`], [`calls`], [`library`], [`strings`]) leaving
//! types that are not evident from the syntax `Unknown`; [`infer`] then solves types over the
//! whole file by unification over the lattice in [`unify`] (literals, operators, intrinsic
//! signatures, call sites, returns, fields, element types), and [`writeback`] writes them into
//! every declaration, reporting what stays unknown. [`narrowing`] settles `isinstance` tests by
//! the types found; [`fixup`] finally applies the rewrites that depend on types (`ToStr` of
//! strings dropped, one-character literals compared with characters become characters,
//! `str * int` becomes `Repeat`, ints mixed with floats are converted, truthiness becomes
//! explicit, ...).

mod binders;
mod calls;
mod callsites;
mod expr;
mod fixup;
mod implicit_return;
mod infer;
mod infer_intrinsics;
mod items;
mod key_reads;
mod keys;
mod library;
mod loops;
mod members;
mod narrowing;
mod nested;
mod rebind;
mod scope;
mod slice_assign;
mod stmt;
mod strings;
mod unify;
mod writeback;

use std::collections::{HashMap, HashSet};

use ferry_ir::{
    Diagnostic, Expr, ExprKind, IntKind, Language, Module, Signature, Span, Stmt, Type,
};
use tree_sitter::Node;

use crate::common;
use crate::Lowered;

/// Lowering state for one file.
pub(super) struct Lowerer<'s> {
    pub(super) src: &'s str,
    pub(super) diags: Vec<Diagnostic>,
    /// User classes of the file.
    pub(super) classes: HashSet<String>,
    /// Module-level functions of the file.
    pub(super) functions: HashSet<String>,
    /// Module-level variables.
    pub(super) globals: HashSet<String>,
    /// Method names defined by user classes.
    pub(super) methods: HashSet<String>,
    /// Names declared in the function being lowered (parameters, hoisted and `Let` variables).
    pub(super) declared: HashSet<String>,
    /// Names a `global` statement made refer to the module variable.
    pub(super) global_decl: HashSet<String>,
    /// Statements an expression needs before the statement that contains it.
    pub(super) pre: Vec<Stmt>,
    /// Whether `pre` statements may be emitted (a simple statement is being lowered).
    pub(super) pre_ok: bool,
    pub(super) fresh: usize,
    /// Names to declare before a statement: (block id, statement start) → names.
    pub(super) hoist: HashMap<(usize, usize), Vec<String>>,
    /// Whether a function body is being lowered (top-level assignments are globals otherwise).
    pub(super) in_function: bool,
    /// Variables holding a `defaultdict`/`Counter`, with the default factory (`int`, `list`, ...).
    pub(super) default_dicts: HashMap<String, String>,
    /// Whether an assignment target is being lowered (no default lookups then).
    pub(super) lvalue: bool,
    /// Nested `def`s lifted to module level (tree-sitter node ids), skipped where they stand.
    pub(super) lifted: HashSet<usize>,
    /// Lambda parameters and comprehension variables, and their IR names.
    pub(super) binders: binders::Binders,
    /// The names the file's imports bind.
    pub(super) imports: library::Imports,
}

/// A Python node's kind (see [`common::kind_of`]).
pub(super) fn node_kind<'t>(node: impl std::borrow::Borrow<Node<'t>>) -> &'static str {
    common::kind_of(Language::Python, *node.borrow())
}

/// Whether a node of this kind may have statements inside it (a module, block, clause,
/// statement or definition), unlike an expression: passes that look for statements (imports,
/// `global`, assignments) skip expressions.
pub(super) fn may_hold_statements(kind: &str) -> bool {
    kind == "module"
        || kind == "block"
        || kind.ends_with("statement")
        || kind.ends_with("definition")
        || kind.ends_with("clause")
}

/// Lowers one Python file.
pub(crate) fn lower(name: &str, source: &str, interface: &[Signature]) -> Lowered {
    let mut diagnostics = Vec::new();
    let mut module = Module {
        language: Language::Python,
        name: name.to_string(),
        doc: None,
        items: Vec::new(),
    };
    if let Some(tree) = common::parse(Language::Python, source) {
        let root = tree.root_node();
        diagnostics.extend(common::syntax_errors(root, source));
        let mut l = Lowerer {
            src: source,
            diags: Vec::new(),
            classes: HashSet::new(),
            functions: HashSet::new(),
            globals: HashSet::new(),
            methods: HashSet::new(),
            declared: HashSet::new(),
            global_decl: HashSet::new(),
            pre: Vec::new(),
            pre_ok: false,
            fresh: 0,
            hoist: HashMap::new(),
            in_function: false,
            default_dicts: HashMap::new(),
            lvalue: false,
            lifted: HashSet::new(),
            binders: binders::Binders::default(),
            imports: library::Imports::collect(root, source),
        };
        l.module(root, &mut module);
        diagnostics.append(&mut l.diags);
        crate::seed::seed_signatures(&mut module, interface, IntKind::Big);
        callsites::fill_defaults(&mut module);
        let mut inferred = Vec::new();
        let mut split = module.clone();
        let mut conflicts = infer::infer(&mut module, &mut inferred);
        if rebind::split(&mut split, &conflicts) {
            module = split;
            inferred.clear();
            conflicts = infer::infer(&mut module, &mut inferred);
        }
        rebind::report_left(&mut module, &conflicts, source, &mut diagnostics);
        // With syntax errors the call sites that would decide types may be lost: report the
        // syntax errors alone rather than a cascade of unknown types they caused.
        if !diagnostics
            .iter()
            .any(|d| d.severity == ferry_ir::Severity::Error)
        {
            diagnostics.extend(inferred);
        }
        narrowing::narrow(&mut module);
        fixup::fixup(&mut module);
        key_reads::key_reads(&mut module);
        callsites::coerce_args(&mut module);
        implicit_return::make_explicit(&mut module);
    }
    Lowered {
        module,
        diagnostics,
    }
}

impl<'s> Lowerer<'s> {
    pub(super) fn text(&self, node: Node<'_>) -> &'s str {
        common::text(node, self.src)
    }

    pub(super) fn unsupported_expr(&mut self, node: Node<'_>, what: &str) -> Expr {
        let u = common::unsupported(node, self.src, what, &mut self.diags);
        Expr::new(ExprKind::Unsupported(u), Type::Unknown, common::span(node))
    }

    pub(super) fn unsupported_stmt(&mut self, node: Node<'_>, what: &str) -> Stmt {
        let u = common::unsupported(node, self.src, what, &mut self.diags);
        Stmt {
            kind: ferry_ir::StmtKind::Unsupported(u),
            span: common::span(node),
        }
    }

    /// The default value a `defaultdict` factory produces.
    pub(super) fn factory_default(&self, factory: &str, sp: Span) -> Option<Expr> {
        Some(match factory {
            "int" => mk(ExprKind::Lit(ferry_ir::Literal::Int(0)), Type::BIG, sp),
            "float" => mk(
                ExprKind::Lit(ferry_ir::Literal::Float(0.0)),
                Type::Float,
                sp,
            ),
            "str" => mk(
                ExprKind::Lit(ferry_ir::Literal::Str(String::new())),
                Type::Str,
                sp,
            ),
            "list" => mk(ExprKind::ListLit(Vec::new()), Type::list(Type::Unknown), sp),
            "set" => mk(
                ExprKind::Intrinsic {
                    op: ferry_ir::Intrinsic::NewCollection,
                    args: Vec::new(),
                },
                Type::set(Type::Unknown),
                sp,
            ),
            _ => return None,
        })
    }

    /// `d[k]` where `d` is a `defaultdict`: the factory, map and key nodes.
    pub(super) fn default_dict_index<'t>(
        &self,
        node: Node<'t>,
    ) -> Option<(String, Node<'t>, Node<'t>)> {
        if node_kind(node) != "subscript" {
            return None;
        }
        let v = node.child_by_field_name("value")?;
        let k = node.child_by_field_name("subscript")?;
        if node_kind(v) != "identifier" || node_kind(k) == "slice" {
            return None;
        }
        let f = self.default_dicts.get(self.text(v))?;
        Some((f.clone(), v, k))
    }

    pub(super) fn fresh_name(&mut self, base: &str) -> String {
        self.fresh += 1;
        format!("{base}{}", self.fresh)
    }
}

/// An expression node with a type.
pub(super) fn mk(kind: ExprKind, ty: Type, span: Span) -> Expr {
    Expr::new(kind, ty, span)
}

#[cfg(test)]
mod tests {
    use ferry_ir::{Item, StmtKind, Type};

    fn lets(source: &str) -> Vec<(String, Type)> {
        let lowered = super::lower("t", source, &[]);
        let mut out = Vec::new();
        for item in lowered.module.items {
            if let Item::Function(f) = item {
                for s in f.body.map(|b| b.stmts).unwrap_or_default() {
                    if let StmtKind::Let { name, ty, .. } = s.kind {
                        out.push((name, ty));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn infers_from_literals_appends_and_call_sites() {
        let src = "def f(xs):\n    total = 0\n    out = []\n    for x in xs:\n        out.append(x * 1.5)\n        total += x\n    return out\n\n\ndef main():\n    ys = f([1, 2])\n";
        let got = lets(src);
        assert!(got.contains(&("total".to_string(), Type::BIG)));
        assert!(got.contains(&("out".to_string(), Type::list(Type::Float))));
        assert!(got.contains(&("ys".to_string(), Type::list(Type::Float))));
    }

    #[test]
    fn reports_unknown_types_and_never_panics() {
        let lowered = super::lower("t", "def f():\n    d = {}\n    return 1\n", &[]);
        assert!(lowered
            .diagnostics
            .iter()
            .any(|d| d.code == "unknown-type" && d.message.contains("`d`")));
        for junk in ["def (:", "class", "x = = 1", "\u{0}\u{1}", "for in", "f'{'"] {
            let _ = super::lower("t", junk, &[]);
        }
    }

    #[test]
    fn a_script_becomes_main() {
        let lowered = super::lower(
            "t",
            "LIMIT = 3\nfor i in range(LIMIT):\n    print(i)\n",
            &[],
        );
        let names: Vec<String> = lowered
            .module
            .items
            .iter()
            .map(|i| match i {
                Item::Function(f) => format!("fn {}", f.name),
                Item::Global(g) => format!("global {}", g.name),
                _ => "other".to_string(),
            })
            .collect();
        assert_eq!(names, vec!["global LIMIT", "fn main"]);
        assert!(lowered.diagnostics.is_empty(), "{:?}", lowered.diagnostics);
    }

    #[test]
    fn a_variable_rebound_to_another_type_gets_a_fresh_name() {
        let src = "def f(n):\n    n = str(n)\n    return n\n\n\ndef main():\n    f(3)\n";
        assert_eq!(lets(src), vec![("n2".to_string(), Type::Str)]);
    }

    #[test]
    fn a_variable_of_two_types_that_cannot_be_split_is_reported() {
        let src = "def f(xs):\n    t = 0\n    for x in xs:\n        print(t)\n        t = 'a'\n\n\ndef main():\n    f([1])\n";
        let lowered = super::lower("t", src, &[]);
        assert!(lowered.diagnostics.iter().any(|d| d
            .message
            .contains("variable `t` holding values of different types")));
    }

    #[test]
    fn a_slice_assignment_that_may_resize_is_reported() {
        let src = "def f(xs):\n    xs[1:3] = [0]\n    a, xs[::2] = 1, [2]\n    return xs\n";
        let lowered = super::lower("t", src, &[]);
        let found: Vec<&str> = lowered
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("slice assignment"))
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_lambda_parameter_named_like_a_local_is_renamed() {
        let src = "def f(x, xs):\n    return sorted(xs, key=lambda x: -x)[x]\n";
        let lowered = super::lower("t", src, &[]);
        let Some(Item::Function(f)) = lowered.module.items.first() else {
            panic!("no function");
        };
        assert!(format!("{:?}", f.body).contains("\"x2\""));
    }

    #[test]
    fn hoists_names_first_assigned_in_a_branch() {
        let src = "def f(n):\n    if n > 0:\n        s = 'pos'\n    else:\n        s = 'neg'\n    return s\n";
        assert_eq!(lets(src), vec![("s".to_string(), Type::Str)]);
    }
}
