//! Helpers shared by the three frontends: parsing, node text and spans, syntax-error collection.

use std::sync::OnceLock;

use ferry_ir::{Diagnostic, Language, Span, Unsupported};
use tree_sitter::{Node, Parser, Tree};

/// Parses `source` with the grammar of `language`; `None` only if tree-sitter gives up
/// (cancellation or a grammar version mismatch).
pub(crate) fn parse(language: Language, source: &str) -> Option<Tree> {
    let grammar: tree_sitter::Language = match language {
        Language::Java => tree_sitter_java::LANGUAGE.into(),
        Language::Python => tree_sitter_python::LANGUAGE.into(),
        Language::Go => tree_sitter_go::LANGUAGE.into(),
    };
    let mut parser = Parser::new();
    parser.set_language(&grammar).ok()?;
    parser.parse(source, None)
}

/// Every node kind name of a grammar, by kind id.
fn kind_names(language: Language) -> &'static [&'static str] {
    static TABLES: [OnceLock<Vec<&'static str>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (slot, grammar): (usize, fn() -> tree_sitter::Language) = match language {
        Language::Java => (0, || tree_sitter_java::LANGUAGE.into()),
        Language::Python => (1, || tree_sitter_python::LANGUAGE.into()),
        Language::Go => (2, || tree_sitter_go::LANGUAGE.into()),
    };
    TABLES[slot].get_or_init(|| {
        let grammar = grammar();
        (0..grammar.node_kind_count())
            .map(|id| grammar.node_kind_for_id(id as u16).unwrap_or(""))
            .collect()
    })
}

/// A node's kind, as [`Node::kind`] names it, from a table made once per grammar: `Node::kind`
/// measures and checks a C string on every call, and lowering asks for kinds constantly.
pub(crate) fn kind_of(language: Language, node: Node<'_>) -> &'static str {
    kind_names(language)
        .get(usize::from(node.kind_id()))
        .copied()
        .unwrap_or_else(|| node.kind())
}

/// The span of a node.
pub(crate) fn span(node: Node<'_>) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

/// The source text of a node.
pub(crate) fn text<'s>(node: Node<'_>, source: &'s str) -> &'s str {
    source.get(node.byte_range()).unwrap_or("")
}

/// One diagnostic per `ERROR` or `MISSING` node, outermost first; nested errors are not repeated.
pub(crate) fn syntax_errors(root: Node<'_>, source: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_error() {
            let snippet: String = text(node, source).chars().take(40).collect();
            let snippet = snippet.lines().next().unwrap_or("").trim().to_string();
            let message = if snippet.is_empty() {
                "syntax error".to_string()
            } else {
                format!("syntax error near `{snippet}`")
            };
            out.push(Diagnostic::syntax(span(node), message));
            continue;
        }
        if node.is_missing() {
            out.push(Diagnostic::syntax(
                span(node),
                format!("missing `{}`", node.kind()),
            ));
            continue;
        }
        if node.has_error() {
            let mut cursor = node.walk();
            let children: Vec<_> = node.children(&mut cursor).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// How a diagnostic names a grammar node that has no lowering: its kind in words, with `kind`
/// appended unless the node kind already says it (`with_statement` → `with statement`,
/// `yield` → `yield expression`).
pub(crate) fn construct_name(node: Node<'_>, kind: &str) -> String {
    let words = node.kind().replace('_', " ");
    if words.ends_with(kind) || words.ends_with("definition") || words.ends_with("declaration") {
        words
    } else {
        format!("{words} {kind}")
    }
}

/// Records an unsupported construct: a diagnostic plus the node that keeps the source text.
pub(crate) fn unsupported(
    node: Node<'_>,
    source: &str,
    construct: impl Into<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Unsupported {
    let construct = construct.into();
    diagnostics.push(Diagnostic::unsupported(span(node), &construct));
    Unsupported {
        construct,
        text: text(node, source).to_string(),
        span: span(node),
    }
}

/// Visits `root` and its named descendants in source order, comments left out; `visit` says
/// whether to go on into the children of the node it was given. One cursor walks the subtree:
/// no allocation per node, which matters for the passes that scan whole function bodies.
pub(crate) fn preorder<'t>(root: Node<'t>, mut visit: impl FnMut(Node<'t>) -> bool) {
    let mut cursor = root.walk();
    let mut descend = visit(root);
    loop {
        if !(descend && cursor.goto_first_child()) {
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() || cursor.node() == root {
                    return;
                }
            }
        }
        let node = cursor.node();
        descend = node.is_named() && !is_comment(node) && visit(node);
    }
}

/// The named children of a node, without comments: a comment may stand anywhere (between two
/// arguments, say) and never changes what the code means.
pub(crate) fn named_children(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|n| !is_comment(*n))
        .collect()
}

/// The named children (comments left out) of a node's field, or none if it has no such field.
pub(crate) fn field_children<'t>(node: Node<'t>, field: &str) -> Vec<Node<'t>> {
    node.child_by_field_name(field)
        .map(named_children)
        .unwrap_or_default()
}

/// Whether a node is a comment in any of the three grammars.
pub(crate) fn is_comment(node: Node<'_>) -> bool {
    matches!(node.kind(), "comment" | "line_comment" | "block_comment")
}
