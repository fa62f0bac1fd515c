//! String literals, f-strings, `%` formatting and `str.format`: concatenations of `ToStr(Python)`
//! parts, or `Format` with a C-style format where a format spec is given.

use ferry_ir::{BinOp, Expr, ExprKind, Intrinsic, Literal, Span, Type};
use tree_sitter::Node;

use super::stmt::to_str;
use super::{mk, node_kind, Lowerer};
use crate::common::{named_children, span};

/// One piece of an interpolated string.
pub(super) enum Piece {
    Text(String),
    Value(Expr, Option<String>),
}

impl Lowerer<'_> {
    pub(super) fn string(&mut self, node: Node<'_>) -> Expr {
        let sp = span(node);
        let parts = if node_kind(node) == "concatenated_string" {
            named_children(node)
        } else {
            vec![node]
        };
        let mut pieces = Vec::new();
        for p in parts {
            if let Err(e) = self.string_pieces(p, &mut pieces) {
                return e;
            }
        }
        self.join_pieces(pieces, sp, node)
    }

    fn string_pieces(&mut self, node: Node<'_>, pieces: &mut Vec<Piece>) -> Result<(), Expr> {
        let kids = named_children(node);
        let prefix = kids
            .iter()
            .find(|k| node_kind(*k) == "string_start")
            .map(|k| self.text(*k).to_lowercase())
            .unwrap_or_default();
        let raw = prefix.contains('r');
        let is_f = prefix.contains('f');
        let start = kids
            .iter()
            .find(|k| node_kind(*k) == "string_start")
            .map(|k| k.end_byte())
            .unwrap_or(node.start_byte());
        let end = kids
            .iter()
            .rev()
            .find(|k| node_kind(*k) == "string_end")
            .map(|k| k.start_byte())
            .unwrap_or(node.end_byte());
        let mut pos = start;
        for k in kids.iter().filter(|k| node_kind(*k) == "interpolation") {
            let text = self.src.get(pos..k.start_byte()).unwrap_or("");
            pieces.push(Piece::Text(decode(text, raw, is_f)));
            pos = k.end_byte();
            if k.child_by_field_name("type_conversion").is_some() {
                return Err(self.unsupported_expr(*k, "f-string conversion"));
            }
            let Some(e) = k.child_by_field_name("expression") else {
                return Err(self.unsupported_expr(*k, "f-string part"));
            };
            let value = self.expr(e);
            let spec = k
                .child_by_field_name("format_specifier")
                .map(|f| self.text(f).trim_start_matches(':').to_string());
            pieces.push(Piece::Value(value, spec.filter(|s| !s.is_empty())));
        }
        let text = self.src.get(pos..end.max(pos)).unwrap_or("");
        pieces.push(Piece::Text(decode(text, raw, is_f)));
        Ok(())
    }

    /// Concatenates pieces: text and `ToStr` values, or one `Format` call if any spec is given.
    pub(super) fn join_pieces(&mut self, pieces: Vec<Piece>, sp: Span, node: Node<'_>) -> Expr {
        let lit = |s: String| mk(ExprKind::Lit(Literal::Str(s)), Type::Str, sp);
        if pieces.iter().any(|p| matches!(p, Piece::Value(_, Some(_)))) {
            let mut fmt = String::new();
            let mut args = Vec::new();
            for p in pieces {
                match p {
                    Piece::Text(t) => fmt.push_str(&t.replace('%', "%%")),
                    Piece::Value(v, spec) => {
                        let Some(c) = c_spec(spec.as_deref().unwrap_or("")) else {
                            return self.unsupported_expr(node, "format spec");
                        };
                        fmt.push_str(&c);
                        args.push(if c.ends_with('s') { to_str(v) } else { v });
                    }
                }
            }
            let mut all = vec![lit(fmt)];
            all.extend(args);
            return mk(
                ExprKind::Intrinsic {
                    op: Intrinsic::Format,
                    args: all,
                },
                Type::Str,
                sp,
            );
        }
        let mut acc: Option<Expr> = None;
        for p in pieces {
            let e = match p {
                Piece::Text(t) if t.is_empty() => continue,
                Piece::Text(t) => lit(t),
                Piece::Value(v, _) => to_str(v),
            };
            acc = Some(match acc {
                None => e,
                Some(prev) => mk(
                    ExprKind::Binary {
                        op: BinOp::Add,
                        lhs: Box::new(prev),
                        rhs: Box::new(e),
                    },
                    Type::Str,
                    sp,
                ),
            });
        }
        acc.unwrap_or_else(|| lit(String::new()))
    }

    /// `"fmt" % args`.
    pub(super) fn percent_format(&mut self, l: Node<'_>, r: Node<'_>, node: Node<'_>) -> Expr {
        let sp = span(node);
        let f = self.string(l);
        let args: Vec<Expr> = if node_kind(r) == "tuple" {
            named_children(r)
                .into_iter()
                .map(|a| self.expr(a))
                .collect()
        } else if node_kind(r) == "parenthesized_expression" {
            r.named_child(0)
                .map(|a| vec![self.expr(a)])
                .unwrap_or_default()
        } else {
            vec![self.expr(r)]
        };
        let ExprKind::Lit(Literal::Str(fmt)) = &f.kind else {
            return self.unsupported_expr(node, "% formatting");
        };
        // `%s` args become text in Python's rendering; `%r` is not supported.
        let verbs = verbs(fmt);
        if verbs.len() != args.len() || verbs.iter().any(|v| !"sdifxXoeEgGc".contains(*v)) {
            return self.unsupported_expr(node, "% formatting");
        }
        let fmt = fmt.replace("%i", "%d");
        let mut all = vec![mk(ExprKind::Lit(Literal::Str(fmt)), Type::Str, sp)];
        for (v, a) in verbs.iter().zip(args) {
            all.push(if *v == 's' { to_str(a) } else { a });
        }
        mk(
            ExprKind::Intrinsic {
                op: Intrinsic::Format,
                args: all,
            },
            Type::Str,
            sp,
        )
    }

    /// `"{} {:.2f}".format(a, b)`.
    pub(super) fn str_format(
        &mut self,
        fmt: &str,
        args: Vec<Expr>,
        sp: Span,
        node: Node<'_>,
    ) -> Expr {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut next = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{') {
                text.push('{');
                i += 2;
                continue;
            }
            if c == '}' && chars.get(i + 1) == Some(&'}') {
                text.push('}');
                i += 2;
                continue;
            }
            if c == '{' {
                let Some(close) = chars[i..].iter().position(|&x| x == '}') else {
                    return self.unsupported_expr(node, "str.format");
                };
                let field: String = chars[i + 1..i + close].iter().collect();
                let (name, spec) = match field.split_once(':') {
                    Some((n, s)) => (n.to_string(), Some(s.to_string())),
                    None => (field.clone(), None),
                };
                let idx = if name.is_empty() {
                    next += 1;
                    next - 1
                } else if let Ok(k) = name.parse::<usize>() {
                    k
                } else {
                    return self.unsupported_expr(node, "str.format field");
                };
                let Some(v) = args.get(idx) else {
                    return self.unsupported_expr(node, "str.format");
                };
                pieces.push(Piece::Text(std::mem::take(&mut text)));
                pieces.push(Piece::Value(v.clone(), spec.filter(|s| !s.is_empty())));
                i += close + 1;
                continue;
            }
            text.push(c);
            i += 1;
        }
        pieces.push(Piece::Text(text));
        self.join_pieces(pieces, sp, node)
    }
}

/// The verbs of a C-style format, in order (`%%` skipped).
fn verbs(fmt: &str) -> Vec<char> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '%' {
            let mut j = i + 1;
            while j < chars.len() && "-+ 0#123456789.".contains(chars[j]) {
                j += 1;
            }
            if let Some(&v) = chars.get(j) {
                if v != '%' {
                    out.push(v);
                }
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// A Python format spec (`>6`, `.2f`, `05d`, `<10`) as a C-style directive.
fn c_spec(spec: &str) -> Option<String> {
    let mut chars: Vec<char> = spec.chars().collect();
    let mut flags = String::new();
    // Alignment (no fill character supported other than the default).
    if chars.len() >= 2 && "<>^".contains(chars[1]) {
        return None;
    }
    if let Some(&a) = chars.first() {
        if a == '<' {
            flags.push('-');
            chars.remove(0);
        } else if a == '>' {
            chars.remove(0);
        } else if a == '^' {
            return None;
        }
    }
    if chars.first() == Some(&'+') {
        flags.push('+');
        chars.remove(0);
    }
    if chars.first() == Some(&',') {
        return None;
    }
    let rest: String = chars.iter().collect();
    let (body, ty) = match rest.chars().last() {
        Some(c) if c.is_ascii_alphabetic() => (&rest[..rest.len() - 1], c),
        _ => (rest.as_str(), 's'),
    };
    if !"dfsxXoeEgGc".contains(ty) || body.contains(',') || body.contains('_') {
        return None;
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    Some(format!("%{flags}{body}{ty}"))
}

/// Decodes the escapes of a literal string segment; `{{`/`}}` in f-strings.
fn decode(text: &str, raw: bool, is_f: bool) -> String {
    let text = if is_f {
        text.replace("{{", "{").replace("}}", "}")
    } else {
        text.to_string()
    };
    if raw {
        return text;
    }
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some('\n') => {}
            Some('x') => {
                let h: String = chars.by_ref().take(2).collect();
                if let Some(ch) = u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some('u') => {
                let h: String = chars.by_ref().take(4).collect();
                if let Some(ch) = u32::from_str_radix(&h, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}
