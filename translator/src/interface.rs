//! Reading an interface file: target-language declarations (`ferry translate --interface`) whose
//! bodies may be cut off after the header, as in a stub or a prompt.

use ferry_ir::{Diagnostic, Item, Language, Severity, Signature, CONSTRUCTOR};

/// The signatures of the functions and methods that `text`, written in `language`, declares.
/// Declarations may stop after their header (`int f(int x) {`, `def f(x: int) -> int:`): the
/// missing bodies are completed before parsing. Syntax errors that remain are returned.
pub fn read_interface(language: Language, text: &str) -> Result<Vec<Signature>, Vec<Diagnostic>> {
    let completed = complete(language, text);
    let lowered = ferry_frontends::lower(language, "Interface", &completed);
    let errors: Vec<Diagnostic> = lowered
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error && (d.span.start as usize) < text.len())
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut signatures = Vec::new();
    for item in &lowered.module.items {
        match item {
            Item::Function(f) => signatures.push(Signature::of(f)),
            Item::Class(c) => signatures.extend(
                c.methods
                    .iter()
                    .filter(|m| m.name != CONSTRUCTOR)
                    .map(Signature::of),
            ),
            _ => {}
        }
    }
    signatures.retain(|s| s.name != "main");
    Ok(signatures)
}

/// `text` with the bodies its last declaration lacks: closing braces for Java and Go, an
/// ellipsis body for a Python `def` header at the end.
fn complete(language: Language, text: &str) -> String {
    let mut out = text.trim_end().to_string();
    match language {
        Language::Java | Language::Go => {
            let open = out.matches('{').count();
            let close = out.matches('}').count();
            for _ in close..open {
                out.push_str("\n}");
            }
        }
        Language::Python => {
            let last = out.lines().last().unwrap_or_default();
            if last.trim_start().starts_with("def ") && last.ends_with(':') {
                let indent = &last[..last.len() - last.trim_start().len()];
                out.push_str(&format!("\n{indent}    ..."));
            }
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ferry_ir::Type;

    #[test]
    fn reads_cut_off_declarations() {
        let java = "import java.util.*;\n\nclass Solution {\n    public List<Integer> sumProduct(List<Integer> numbers) {\n";
        let sigs = read_interface(Language::Java, java).unwrap();
        assert_eq!(sigs.len(), 1);
        assert_eq!(sigs[0].name, "sumProduct");
        assert_eq!(sigs[0].ret, Type::list(Type::I32));

        let go = "\nfunc SumProduct(numbers []int) [2]int {\n";
        let sigs = read_interface(Language::Go, go).unwrap();
        assert_eq!(sigs[0].name, "SumProduct");
        assert_eq!(sigs[0].params[0].1, Type::list(Type::I64));

        let py = "from typing import List, Tuple\n\n\ndef sum_product(numbers: List[int]) -> Tuple[int, int]:\n";
        let sigs = read_interface(Language::Python, py).unwrap();
        assert_eq!(sigs[0].name, "sum_product");
        assert_eq!(sigs[0].ret, Type::Tuple(vec![Type::BIG, Type::BIG]));
    }

    #[test]
    fn reports_syntax_errors() {
        assert!(read_interface(Language::Java, "class { int f(int x, ) {").is_err());
    }
}
