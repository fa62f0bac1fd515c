//! The classes under test: what each side's classes take to construct, which methods a caller
//! outside the class may call, and how the original's classes meet the translation's.
//!
//! A method is part of a class's interface when code outside the class may call it: in Python a
//! name without a leading `_`, in Java a method that is not `private`, in Go every method (Go has
//! no privacy narrower than the package). Static methods and the printing and equality hooks
//! (`toString`, `equals`, `hashCode`, `compareTo`, Go's `String`) are not called. A class's
//! constructor is its own, else its superclass's, else the implicit one: no arguments in Python
//! and Java, the struct literal with every field in order in Go (what ferry's translations pass
//! to a Go struct without a `NewT` function).

use ferry_ir::{Class, ClassKind, Function, Item, Language, Module};

mod plan;

pub(crate) use plan::{class_note, class_units, plan_classes, program_classes, ClassStep};
pub use plan::{plan, ClassPlan, LeftOut, MethodPair};

use crate::pairing::key;
use crate::signature::Signature;

/// How the Go harness builds an object of a class.
#[derive(Debug, Clone, PartialEq)]
pub enum Make {
    /// A constructor (a Go `NewT` function, a Java constructor, a Python `__init__`).
    Constructor,
    /// A Go struct literal with every field, in order.
    Literal,
}

/// A class as the checker sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassSig {
    pub name: String,
    /// Its constructors, as signatures named after the class.
    pub constructors: Vec<Signature>,
    pub make: Make,
    /// The instance methods a caller may call, its own and those it inherits from the module's
    /// other classes.
    pub methods: Vec<Signature>,
    /// Its instance fields and theirs of its superclasses (to read the state by type).
    pub fields: Vec<(String, ferry_ir::Type)>,
    /// Why the class is not checked by constructing it (an interface, an exception class).
    pub not_checked: Option<String>,
}

/// A library base class that makes a class an exception.
fn is_exception_base(name: &str) -> bool {
    name.ends_with("Exception")
        || name.ends_with("Error")
        || matches!(name, "Throwable" | "BaseException")
}

fn method_signature(f: &Function) -> Signature {
    Signature {
        name: f.name.clone(),
        params: f
            .params
            .iter()
            .map(|p| (p.name.clone(), p.ty.clone()))
            .collect(),
        ret: f.ret.clone(),
        variadic: f.params.iter().any(|p| p.variadic),
        defaults: f.params.iter().filter(|p| p.default.is_some()).count(),
        nested: false,
    }
}

/// Whether code outside the class may call `f` (see the module documentation).
fn exposed(language: Language, source: &str, f: &Function) -> bool {
    const HOOKS: [&str; 5] = ["toString", "equals", "hashCode", "compareTo", "String"];
    if f.is_static || f.body.is_none() || HOOKS.contains(&f.name.as_str()) {
        return false;
    }
    match language {
        Language::Python => !f.name.starts_with('_'),
        Language::Go => true,
        // The declaration's modifiers come before its parameter list.
        Language::Java => !source
            .get(f.span.start as usize..f.span.end as usize)
            .and_then(|text| text.split('(').next())
            .is_some_and(|head| head.split_whitespace().any(|w| w == "private")),
    }
}

/// The classes of `module`, in source order (`source` is the module's text, which says what the
/// IR does not: Java's `private`, Go's type parameters).
pub fn classes<'a>(module: &'a Module, language: Language, source: &str) -> Vec<ClassSig> {
    let all: Vec<&Class> = module
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Class(c) => Some(c),
            _ => None,
        })
        .collect();
    let find = |name: &str| all.iter().copied().find(|c| c.name == name);
    // The class and its superclasses in the module, nearest first (bounded against cycles).
    let chain = |class: &'a Class| -> Vec<&'a Class> {
        let mut chain = vec![class];
        while let Some(next) = chain
            .last()
            .and_then(|c| c.extends.as_deref())
            .and_then(find)
        {
            if chain.len() > 16 || chain.iter().any(|c| c.name == next.name) {
                break;
            }
            chain.push(next);
        }
        chain
    };
    all.iter()
        .map(|&class| {
            let chain = chain(class);
            let root_base = chain.last().and_then(|c| c.extends.as_deref());
            let ferry_helper = ferry_backends::naming::words(&class.name)
                .first()
                .is_some_and(|w| w == "ferry");
            let not_checked = if ferry_helper {
                Some("a class of ferry's runtime prelude".to_string())
            } else if class.kind != ClassKind::Class {
                Some("an interface or abstract class: its implementations are checked".to_string())
            } else if root_base.is_some_and(|b| find(b).is_none() && is_exception_base(b)) {
                Some("an exception class: checked through the errors its methods raise".into())
            } else if language == Language::Go && source.contains(&format!("type {}[", class.name))
            {
                Some("a generic type: not constructed yet".into())
            } else {
                None
            };
            let mut methods: Vec<Signature> = Vec::new();
            for c in &chain {
                for m in &c.methods {
                    if exposed(language, source, m) && !methods.iter().any(|s| s.name == m.name) {
                        methods.push(method_signature(m));
                    }
                }
            }
            // The Go frontend gives a struct without `NewT` a constructor of its fields: the
            // harness builds that one as a literal.
            let go_literal =
                language == Language::Go && !source.contains(&format!("func New{}(", class.name));
            let declared = chain
                .iter()
                .find(|c| !c.constructors.is_empty())
                .filter(|_| !go_literal);
            let (constructors, make) = match declared {
                Some(c) => (
                    c.constructors
                        .iter()
                        .map(|f| Signature {
                            name: class.name.clone(),
                            ..method_signature(f)
                        })
                        .collect(),
                    Make::Constructor,
                ),
                None if go_literal => (
                    vec![Signature {
                        name: class.name.clone(),
                        params: class
                            .fields
                            .iter()
                            .filter(|f| !f.is_static)
                            .map(|f| (f.name.clone(), f.ty.clone()))
                            .collect(),
                        ret: ferry_ir::Type::Void,
                        variadic: false,
                        defaults: 0,
                        nested: false,
                    }],
                    Make::Literal,
                ),
                None => (
                    vec![Signature {
                        name: class.name.clone(),
                        params: Vec::new(),
                        ret: ferry_ir::Type::Void,
                        variadic: false,
                        defaults: 0,
                        nested: false,
                    }],
                    Make::Constructor,
                ),
            };
            let fields = chain
                .iter()
                .flat_map(|c| &c.fields)
                .filter(|f| !f.is_static)
                .map(|f| (f.name.clone(), f.ty.clone()))
                .collect();
            ClassSig {
                name: class.name.clone(),
                constructors,
                make,
                methods,
                fields,
                not_checked,
            }
        })
        .collect()
}

/// Pairs the original's classes with the translation's by name (the naming policy's words). As
/// for functions, when exactly one class that can be checked is left on each side, they are the
/// pair (a class renamed to avoid a clash, like Java's `MinHeapType` beside the file's `MinHeap`).
pub fn pair(original: &[ClassSig], translation: &[ClassSig]) -> Vec<(ClassSig, Option<ClassSig>)> {
    let mut used = vec![false; translation.len()];
    let mut pairs: Vec<(ClassSig, Option<ClassSig>)> = original
        .iter()
        .map(|o| {
            let found = (0..translation.len())
                .find(|&i| !used[i] && key(&translation[i].name) == key(&o.name));
            if let Some(i) = found {
                used[i] = true;
            }
            (o.clone(), found.map(|i| translation[i].clone()))
        })
        .collect();
    let open_original: Vec<usize> = (0..pairs.len())
        .filter(|&i| pairs[i].1.is_none() && pairs[i].0.not_checked.is_none())
        .collect();
    let open_translation: Vec<usize> = (0..translation.len())
        .filter(|&i| !used[i] && translation[i].not_checked.is_none())
        .collect();
    if let ([o], [t]) = (open_original.as_slice(), open_translation.as_slice()) {
        pairs[*o].1 = Some(translation[*t].clone());
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(language: Language, source: &str) -> Vec<ClassSig> {
        let module = ferry_frontends::lower(language, "Unit", source).module;
        classes(&module, language, source)
    }

    #[test]
    fn public_methods_constructors_and_go_literals() {
        let java = "class Unit {\n  static class Acc {\n    private int n;\n    Acc(int n) { this.n = n; }\n    void add(int k) { n += k; }\n    private void helper() {}\n    public String toString() { return \"\" + n; }\n  }\n}\n";
        let classes = lower(Language::Java, java);
        let acc = classes.iter().find(|c| c.name == "Acc").unwrap();
        let names: Vec<_> = acc.methods.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["add"]);
        assert_eq!(acc.constructors[0].params.len(), 1);

        let go = "package main\n\ntype Counter struct {\n\tCount int\n\tstep  int\n}\n\nfunc (c *Counter) Inc() int {\n\tc.Count += c.step\n\treturn c.Count\n}\n";
        let counter = &lower(Language::Go, go)[0];
        assert_eq!(counter.make, Make::Literal);
        assert_eq!(counter.constructors[0].params.len(), 2);
        assert_eq!(counter.methods[0].name, "Inc");

        let python = "class E(Exception):\n    pass\n\nclass S:\n    def __init__(self):\n        self.items = []\n\n    def push(self, x: int):\n        self.items.append(x)\n\n    def _grow(self):\n        pass\n";
        let classes = lower(Language::Python, python);
        assert!(classes[0].not_checked.is_some());
        let names: Vec<_> = classes[1].methods.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["push"]);
    }
}
