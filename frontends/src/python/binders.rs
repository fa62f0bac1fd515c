//! Lambda parameters and comprehension variables. Python gives each lambda and comprehension a
//! scope of its own; the IR has one namespace per function (inference keeps one type per name,
//! Java forbids a lambda parameter shadowing a local). A binder named like a variable of the
//! function, like a binder around it, or like an earlier binder of the function therefore gets a
//! fresh IR name (`x` → `x2`), and the names inside its scope follow it.

use std::collections::HashSet;

use tree_sitter::Node;

use super::Lowerer;

/// The binder names of the function being lowered.
#[derive(Default)]
pub(crate) struct Binders {
    /// Names the function binds itself: parameters, assignment, loop and `as` targets.
    bound: HashSet<String>,
    /// Names binders of the function took so far.
    seen: HashSet<String>,
    /// Binders in scope, innermost last: (source name, IR name).
    scope: Vec<(String, String)>,
    /// Every word of the file (once a binder first needs a fresh name) and every name binders
    /// took, so that a fresh name clashes with nothing.
    idents: HashSet<String>,
    /// Whether `idents` holds the file's words yet.
    words_read: bool,
}

impl Lowerer<'_> {
    /// Starts a function: `bound` are the names it binds itself.
    pub(super) fn start_binders(&mut self, bound: HashSet<String>) {
        self.binders.bound = bound;
        self.binders.seen.clear();
        self.binders.scope.clear();
    }

    /// Enters the scope of a binder named `name` in the source; returns its IR name. The scope
    /// lasts until [`Lowerer::leave_binders`] with a mark taken before.
    pub(super) fn bind(&mut self, name: &str) -> String {
        let b = &mut self.binders;
        let clashes = b.bound.contains(name) || b.seen.contains(name);
        if clashes && !b.words_read {
            // Only a clash needs a fresh name: most files never collect every word.
            b.idents.extend(words(self.src));
            b.words_read = true;
        }
        let ir = if clashes {
            let mut k = 2;
            while b.idents.contains(&format!("{name}{k}")) {
                k += 1;
            }
            format!("{name}{k}")
        } else {
            name.to_string()
        };
        b.idents.insert(ir.clone());
        b.seen.insert(name.to_string());
        b.seen.insert(ir.clone());
        b.scope.push((name.to_string(), ir.clone()));
        ir
    }

    /// The mark to leave the binder scopes entered from now on.
    pub(super) fn binders_mark(&self) -> usize {
        self.binders.scope.len()
    }

    /// Leaves the binder scopes entered since `mark`.
    pub(super) fn leave_binders(&mut self, mark: usize) {
        self.binders.scope.truncate(mark);
    }

    /// The IR name of a name read in the source: a binder in scope may have been renamed.
    pub(super) fn resolve(&self, name: &str) -> String {
        self.binders
            .scope
            .iter()
            .rev()
            .find(|(source, _)| source == name)
            .map_or_else(|| name.to_string(), |(_, ir)| ir.clone())
    }

    /// The names statements bind, for [`Lowerer::start_binders`].
    pub(super) fn statements_bound(&self, nodes: &[Node<'_>]) -> HashSet<String> {
        self.bound_in(nodes.to_vec(), false)
    }
}

/// Every word of the source that could be an identifier.
fn words(src: &str) -> HashSet<String> {
    src.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}
