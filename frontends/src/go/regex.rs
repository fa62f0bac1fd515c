//! `regexp`: a regular expression compiled from a literal (`re := regexp.MustCompile("[aeiou]")`)
//! is a constant of the program, so the variable is dropped and each method call on it becomes
//! a regex intrinsic with the pattern as an argument.

use ferry_ir::{Expr, ExprKind, Intrinsic, Literal, Type};
use tree_sitter::Node;

use super::Lowerer;
use crate::common;

impl Lowerer<'_> {
    /// The pattern of `regexp.MustCompile(lit)` / `regexp.Compile(lit)`.
    pub(super) fn regex_pattern(&mut self, node: Node<'_>) -> Option<Expr> {
        let func = node.child_by_field_name("function")?;
        if node.kind() != "call_expression"
            || !matches!(self.text(func), "regexp.MustCompile" | "regexp.Compile")
        {
            return None;
        }
        let [arg] = common::field_children(node, "arguments")[..] else {
            return None;
        };
        let pattern = self.lower_expr(arg);
        matches!(pattern.kind, ExprKind::Lit(Literal::Str(_))).then_some(pattern)
    }

    /// `re := regexp.MustCompile(lit)`, `r, _ := regexp.Compile(lit)`, `var re = ..`: records
    /// the pattern under the variable's name.
    pub(super) fn bind_regex(&mut self, names: &[String], value: Node<'_>) -> bool {
        let name = match names {
            [name] => name,
            [name, ignored] if ignored == "_" => name,
            _ => return false,
        };
        let Some(pattern) = self.regex_pattern(value) else {
            return false;
        };
        self.regexes.insert(name.clone(), pattern);
        true
    }

    /// The pattern a method call's receiver stands for: a bound name or a direct compile.
    pub(super) fn regex_receiver(&mut self, receiver: Node<'_>) -> Option<Expr> {
        if receiver.kind() == "identifier" && self.lookup(self.text(receiver)).is_none() {
            return self.regexes.get(self.text(receiver)).cloned();
        }
        self.regex_pattern(receiver)
    }

    /// `re.ReplaceAllString(s, r)`, `re.Split(s, -1)`, `re.MatchString(s)`.
    pub(super) fn regex_method(
        &mut self,
        node: Node<'_>,
        pattern: Expr,
        method: &str,
        args: &[Node<'_>],
    ) -> Expr {
        let span = common::span(node);
        let mut lowered: Vec<Expr> = args.iter().map(|a| self.lower_expr(*a)).collect();
        let (op, ty) = match (method, lowered.as_slice()) {
            ("ReplaceAllString" | "ReplaceAllLiteralString", [_, replacement]) => {
                // `$` expands groups in Go, `\` and `$` in Java and Python: only plain text
                // replaces the same way everywhere.
                let plain = matches!(
                    &replacement.kind,
                    ExprKind::Lit(Literal::Str(r)) if !r.contains(['$', '\\'])
                );
                if !plain {
                    return self.unsupported_expr(node, "regexp replacement with `$` or `\\`");
                }
                (Intrinsic::RegexReplace, Type::Str)
            }
            ("Split", [_, _]) if self.text(args[1]).replace(' ', "") == "-1" => {
                lowered.truncate(1);
                (Intrinsic::RegexSplit, Type::list(Type::Str))
            }
            ("MatchString", [_]) => (Intrinsic::RegexFind, Type::Bool),
            _ => return self.unsupported_expr(node, &format!("regexp method `{method}`")),
        };
        lowered.insert(1, pattern);
        self.intrinsic(op, lowered, ty, span)
    }
}
