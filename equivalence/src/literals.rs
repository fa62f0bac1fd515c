//! The constants written in the programs under test: a dictionary the strategies weight in, as
//! fuzzers do. A function that branches on `'<'`, splits on `"|"` or compares with `1000` is then
//! exercised on exactly those values (and their neighbours), which random text and numbers
//! rarely hit.

use std::collections::BTreeSet;

use ferry_ir::visit::{walk_expr, Visitor};
use ferry_ir::{Expr, ExprKind, Item, Literal, Module};

/// The longest string constant kept whole (longer ones are messages, not inputs).
const MAX_WORD: usize = 12;

/// Constants of one check's programs, deduplicated and in a fixed order (generation stays
/// reproducible from the seed). Numbers are ordered by magnitude: proptest shrinks a value picked
/// from a list towards the list's start, so shrinking moves towards 0.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Literals {
    /// Integer constants with their neighbours (`n - 1`, `n + 1`), which boundaries are about.
    pub ints: Vec<i64>,
    pub floats: Vec<f64>,
    /// Every character of a string or character constant.
    pub chars: Vec<char>,
    /// Short non-empty string constants, whole.
    pub words: Vec<String>,
}

#[derive(Default)]
struct Collect {
    ints: BTreeSet<i64>,
    floats: Vec<f64>,
    chars: BTreeSet<char>,
    words: BTreeSet<String>,
}

impl Visitor for Collect {
    fn visit_expr(&mut self, expr: &Expr) {
        if let ExprKind::Lit(lit) = &expr.kind {
            match lit {
                Literal::Int(n) => {
                    if let Ok(n) = i64::try_from(*n) {
                        self.ints
                            .extend([n.saturating_sub(1), n, n.saturating_add(1)]);
                    }
                }
                Literal::Float(x) if x.is_finite() && !self.floats.contains(x) => {
                    self.floats.push(*x)
                }
                Literal::Str(s) => {
                    self.chars.extend(s.chars());
                    if !s.is_empty() && s.chars().count() <= MAX_WORD {
                        self.words.insert(s.clone());
                    }
                }
                Literal::Char(c) => {
                    self.chars.insert(*c);
                }
                _ => {}
            }
        }
        walk_expr(self, expr);
    }
}

impl Literals {
    /// The constants of every function, method, constructor and global of `modules`.
    pub fn of(modules: &[&Module]) -> Literals {
        let mut collect = Collect::default();
        for module in modules {
            for item in &module.items {
                match item {
                    Item::Function(f) => collect.visit_function(f),
                    Item::Class(c) => c
                        .constructors
                        .iter()
                        .chain(&c.methods)
                        .for_each(|f| collect.visit_function(f)),
                    Item::Global(g) => collect.visit_expr(&g.init),
                    Item::Unsupported(_) => {}
                }
            }
        }
        collect
            .floats
            .sort_by(|a, b| a.abs().total_cmp(&b.abs()).then(a.total_cmp(b)));
        let mut ints: Vec<i64> = collect.ints.into_iter().collect();
        ints.sort_by_key(|n| (n.unsigned_abs(), *n));
        Literals {
            ints,
            floats: collect.floats,
            chars: collect.chars.into_iter().collect(),
            words: collect.words.into_iter().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_constants_with_integer_neighbours() {
        let source =
            "LIMIT = 10\n\ndef f(s: str) -> bool:\n    return s == '<>' and len(s) > LIMIT * 2.5\n";
        let module = ferry_frontends::lower(ferry_ir::Language::Python, "m", source).module;
        let literals = Literals::of(&[&module]);
        assert_eq!(literals.ints, vec![9, 10, 11]);
        assert_eq!(literals.floats, vec![2.5]);
        assert_eq!(literals.chars, vec!['<', '>']);
        assert_eq!(literals.words, vec!["<>".to_string()]);
    }
}
