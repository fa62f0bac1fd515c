//! The Go frontend: lowers a `package main` Go file into the IR.
//!
//! Lowering runs in two passes. The first ([`items::collect`]) records every signature (functions,
//! structs, methods, interfaces, constructors `NewT`, globals) so that the second pass can give
//! every expression a type; the second lowers bodies with a scope stack of local types.
//! Imports are consumed: library calls become intrinsics ([`calls`]).

mod branches;
mod calls;
mod dynamic;
mod errors;
mod expr;
mod items;
mod library;
mod loops;
mod regex;
mod stmt;
mod types;

use std::collections::{HashMap, HashSet};

use ferry_ir::{Diagnostic, Expr, ExprKind, Language, Module, Span, Stmt, StmtKind, Type};
use tree_sitter::Node;

use crate::common;
use crate::Lowered;

/// The signature of a function or method.
#[derive(Debug, Clone)]
struct FuncSig {
    params: Vec<Type>,
    /// The IR result (an `error` last result is dropped: it becomes an exception).
    ret: Type,
    /// The Go function's last result is `error`.
    returns_error: bool,
}

impl Default for FuncSig {
    fn default() -> FuncSig {
        FuncSig {
            params: Vec::new(),
            ret: Type::Void,
            returns_error: false,
        }
    }
}

/// What the first pass learns about a struct or interface.
#[derive(Debug, Clone, Default)]
struct ClassInfo {
    fields: Vec<(String, Type)>,
    methods: HashMap<String, FuncSig>,
    embeds: Option<String>,
    is_interface: bool,
    /// The `NewT` function that constructs it.
    ctor: Option<String>,
}

/// A local variable in scope: its type and its name in the IR, which differs from the Go name
/// where the variable shadows an enclosing local (Java forbids that, Python would merge the two).
#[derive(Debug, Clone)]
struct Local {
    ty: Type,
    name: String,
}

/// The type given to Go `error` values; never printed, used as a marker.
fn error_type() -> Type {
    Type::Named("error".to_string())
}

/// Lowering state for one file.
struct Lowerer<'s> {
    src: &'s str,
    diags: Vec<Diagnostic>,
    funcs: HashMap<String, FuncSig>,
    classes: HashMap<String, ClassInfo>,
    /// `NewT` → `T`.
    ctors: HashMap<String, String>,
    globals: HashMap<String, Type>,
    /// `type Celsius float64`: named non-struct types and what they stand for.
    aliases: HashMap<String, Type>,
    scopes: Vec<HashMap<String, Local>>,
    /// Every identifier of the file and every name made up since: what a fresh name must avoid.
    taken: HashSet<String>,
    /// Names being declared whose initializer is being lowered (`f := func() {..}`): a local of
    /// the same name inside the initializer shadows them.
    pending: Vec<String>,
    /// Statements a lowered expression needs before the statement that holds it (the local
    /// function a `sort.Slice` less function becomes); emitted by the statement list.
    hoisted: Vec<Stmt>,
    /// Whether what is being lowered runs unconditionally at the start of its statement, so
    /// that hoisting statements before it keeps the order of evaluation.
    may_hoist: bool,
    /// Variables holding a regular expression compiled from a literal, with the pattern.
    regexes: HashMap<String, Expr>,
    /// The receiver name of the method being lowered (or the constructed value in a constructor).
    receiver: Option<String>,
    /// The signature of the function being lowered.
    current: FuncSig,
    /// Named results of the function being lowered.
    named_results: Vec<(String, Type)>,
    /// While lowering a `sort.Slice` less function: `list[index]` → a lambda parameter, as
    /// `(list text, index name, parameter, element type)`.
    key_subst: Vec<(String, String, String, Type)>,
}

/// Lowers one Go file.
pub(crate) fn lower(name: &str, source: &str) -> Lowered {
    let mut diagnostics = Vec::new();
    let mut items = Vec::new();
    let mut doc = None;
    if let Some(tree) = common::parse(Language::Go, source) {
        let root = tree.root_node();
        diagnostics.extend(common::syntax_errors(root, source));
        let mut lowerer = Lowerer {
            src: source,
            diags: Vec::new(),
            funcs: HashMap::new(),
            classes: HashMap::new(),
            ctors: HashMap::new(),
            globals: HashMap::new(),
            aliases: HashMap::new(),
            scopes: Vec::new(),
            taken: identifiers(root, source),
            pending: Vec::new(),
            hoisted: Vec::new(),
            may_hoist: false,
            regexes: HashMap::new(),
            receiver: None,
            current: FuncSig::default(),
            named_results: Vec::new(),
            key_subst: Vec::new(),
        };
        doc = lowerer.module_doc(root);
        lowerer.collect(root);
        items = lowerer.lower_items(root);
        diagnostics.extend(lowerer.diags);
    }
    let module = Module {
        language: Language::Go,
        name: name.to_string(),
        doc,
        items,
    };
    Lowered {
        module,
        diagnostics,
    }
}

impl<'s> Lowerer<'s> {
    fn text(&self, node: Node<'_>) -> &'s str {
        common::text(node, self.src)
    }

    fn unsupported_expr(&mut self, node: Node<'_>, what: &str) -> Expr {
        let u = common::unsupported(node, self.src, what, &mut self.diags);
        Expr::new(ExprKind::Unsupported(u), Type::Unknown, common::span(node))
    }

    fn unsupported_stmt(&mut self, node: Node<'_>, what: &str) -> Stmt {
        let u = common::unsupported(node, self.src, what, &mut self.diags);
        Stmt {
            kind: StmtKind::Unsupported(u),
            span: common::span(node),
        }
    }

    fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// Declares a local in the innermost scope and returns its IR name: the Go name, or a fresh
    /// one where it shadows a local of an enclosing scope or differs from one in scope only in case.
    fn declare(&mut self, name: &str, ty: Type) -> String {
        if name == "_" {
            return name.to_string();
        }
        let ir_name = match self.scopes.last().and_then(|s| s.get(name)) {
            Some(local) => local.name.clone(),
            None if self.scopes.iter().any(|s| s.contains_key(name))
                || self.pending.iter().any(|p| p == name)
                || self.differs_only_in_case(name) =>
            {
                self.fresh_name(name)
            }
            None => name.to_string(),
        };
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(
                name.to_string(),
                Local {
                    ty,
                    name: ir_name.clone(),
                },
            );
        }
        ir_name
    }

    /// Whether a local in scope has a name that differs from `name` only in case or underscores
    /// (`S` and `s`): the target's naming conventions would print both the same.
    fn differs_only_in_case(&self, name: &str) -> bool {
        let fold = |n: &str| n.replace('_', "").to_lowercase();
        let key = fold(name);
        self.scopes
            .iter()
            .flat_map(|s| s.keys())
            .any(|k| k != name && fold(k) == key)
    }

    /// `base`, or a fresh name where a local called `base` is in scope: for the parameters of
    /// a lambda the frontend makes up.
    fn unshadowed(&mut self, base: &str) -> String {
        if self.scopes.iter().any(|s| s.contains_key(base)) {
            self.fresh_name(base)
        } else {
            base.to_string()
        }
    }

    /// `base`, or a fresh name where the file has that identifier: for a local the frontend
    /// makes up.
    fn made_up_name(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_string()) {
            base.to_string()
        } else {
            self.fresh_name(base)
        }
    }

    /// A name based on `base` that no identifier of the file has.
    fn fresh_name(&mut self, base: &str) -> String {
        let mut k = 2;
        loop {
            let candidate = format!("{base}{k}");
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
            k += 1;
        }
    }

    /// Whether `name` is declared in the innermost scope (Go `:=` then assigns instead).
    fn declared_here(&self, name: &str) -> bool {
        self.scopes.last().is_some_and(|s| s.contains_key(name))
    }

    fn lookup(&self, name: &str) -> Option<Type> {
        for scope in self.scopes.iter().rev() {
            if let Some(local) = scope.get(name) {
                return Some(local.ty.clone());
            }
        }
        self.globals.get(name).cloned()
    }

    /// The IR name of a variable: a local's (possibly renamed) name, or `name` itself.
    fn ir_name(&self, name: &str) -> String {
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.get(name))
            .map_or_else(|| name.to_string(), |local| local.name.clone())
    }

    /// The type of a field of a class, searching embedded structs.
    fn field_type(&self, class: &str, field: &str) -> Option<Type> {
        let mut cur = Some(class.to_string());
        let mut depth = 0;
        while let Some(c) = cur {
            let info = self.classes.get(&c)?;
            if let Some((_, t)) = info.fields.iter().find(|(n, _)| n == field) {
                return Some(t.clone());
            }
            cur = info.embeds.clone();
            depth += 1;
            if depth > 16 {
                return None;
            }
        }
        None
    }

    /// The signature of a method of a class, searching embedded structs.
    fn method_sig(&self, class: &str, method: &str) -> Option<FuncSig> {
        let mut cur = Some(class.to_string());
        let mut depth = 0;
        while let Some(c) = cur {
            let info = self.classes.get(&c)?;
            if let Some(sig) = info.methods.get(method) {
                return Some(sig.clone());
            }
            cur = info.embeds.clone();
            depth += 1;
            if depth > 16 {
                return None;
            }
        }
        None
    }

    /// A leading comment before the package clause.
    fn module_doc(&self, root: Node<'_>) -> Option<String> {
        let mut lines = Vec::new();
        for child in common::named_children(root) {
            if child.kind() == "comment" {
                lines.push(comment_text(self.text(child)));
            } else {
                break;
            }
        }
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// The `//` comments directly above a declaration.
    fn doc_of(&self, node: Node<'_>) -> Option<String> {
        let mut lines = Vec::new();
        let mut prev = node.prev_named_sibling();
        let mut line = node.start_position().row;
        while let Some(p) = prev {
            if p.kind() != "comment" || p.end_position().row + 1 != line {
                break;
            }
            lines.push(comment_text(self.text(p)));
            line = p.start_position().row;
            prev = p.prev_named_sibling();
        }
        lines.reverse();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }
}

/// The text of every identifier in the tree.
fn identifiers(root: Node<'_>, src: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut cursor = root.walk();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.kind() == "identifier" {
            out.insert(common::text(node, src).to_string());
        }
        stack.extend(node.children(&mut cursor));
    }
    out
}

/// The text of a `//` or `/* */` comment without its markers.
fn comment_text(raw: &str) -> String {
    if let Some(rest) = raw.strip_prefix("//") {
        rest.strip_prefix(' ').unwrap_or(rest).to_string()
    } else {
        raw.trim_start_matches("/*")
            .trim_end_matches("*/")
            .trim()
            .to_string()
    }
}

fn stmt(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

#[cfg(test)]
mod tests {
    use ferry_ir::{BinOp, DivKind, ExprKind, Intrinsic, Item, StmtKind};

    use super::lower;

    fn main_body(src: &str) -> Vec<ferry_ir::Stmt> {
        let lowered = lower("t", src);
        assert!(lowered.diagnostics.is_empty(), "{:?}", lowered.diagnostics);
        let main = lowered.module.items.into_iter().find_map(|i| match i {
            Item::Function(f) if f.name == "main" => f.body,
            _ => None,
        });
        main.map(|b| b.stmts).unwrap_or_default()
    }

    #[test]
    fn integer_division_truncates_and_printing_converts_to_text() {
        let body = main_body("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := -7 / 2\n\tfmt.Println(\"x:\", x)\n}\n");
        let StmtKind::Let {
            init: Some(init), ..
        } = &body[0].kind
        else {
            panic!("{body:?}")
        };
        assert!(matches!(
            init.kind,
            ExprKind::Binary {
                op: BinOp::Div(DivKind::Trunc),
                ..
            }
        ));
        let StmtKind::Expr(call) = &body[1].kind else {
            panic!("{body:?}")
        };
        let ExprKind::Intrinsic {
            op: Intrinsic::Println,
            args,
        } = &call.kind
        else {
            panic!("{call:?}")
        };
        let ExprKind::Binary { rhs, .. } = &args[0].kind else {
            panic!("{args:?}")
        };
        assert!(matches!(
            rhs.kind,
            ExprKind::Intrinsic {
                op: Intrinsic::ToStr(ferry_ir::Language::Go),
                ..
            }
        ));
    }

    #[test]
    fn error_results_become_exceptions() {
        let src = "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\nfunc f(n int) (int, error) {\n\tif n < 0 {\n\t\treturn 0, errors.New(\"negative\")\n\t}\n\treturn n, nil\n}\n\nfunc main() {\n\tv, err := f(-1)\n\tif err != nil {\n\t\tfmt.Println(err)\n\t\treturn\n\t}\n\tfmt.Println(v)\n}\n";
        let body = main_body(src);
        assert!(matches!(body[0].kind, StmtKind::Let { .. }));
        assert!(matches!(body[1].kind, StmtKind::Try { .. }), "{body:?}");
    }

    #[test]
    fn broken_input_does_not_panic() {
        for src in [
            "package main\nfunc main( {",
            "}}}",
            "func (x *) m() {}",
            "\u{0}\u{1}",
        ] {
            let _ = lower("t", src);
        }
    }
}
