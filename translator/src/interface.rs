//! Reading an interface file: target-language declarations (`ferry translate --interface`) whose
//! bodies may be cut off after the header, as in a stub or a prompt.

use ferry_ir::{Diagnostic, Function, Item, Language, Module, Severity, Signature, CONSTRUCTOR};

/// The signatures of the functions and methods that `text`, written in `language`, declares.
/// Declarations may stop after their header (`int f(int x) {`, `def f(x: int) -> int:`): the
/// missing bodies are completed before parsing. Syntax errors that remain are returned.
///
/// A declaration may also be cut off inside its body (in the middle of a docstring: `def f(x):`
/// then `    "`). Where the text does not parse, it is read again without the body of its last
/// header; if that parses, those signatures are the result, else the first errors are returned.
pub fn read_interface(language: Language, text: &str) -> Result<Vec<Signature>, Vec<Diagnostic>> {
    let (module, completed) = match lower(language, text) {
        Ok(read) => read,
        Err(errors) => match without_last_body(language, text).map(|t| lower(language, &t)) {
            Some(Ok(read)) => read,
            _ => return Err(errors),
        },
    };
    let mut signatures = signatures(&module);
    if language == Language::Go {
        for (sig, f) in &mut signatures {
            sig.lengths = crate::go_header::array_lengths(&completed[f.span.start as usize..]);
        }
    }
    Ok(signatures.into_iter().map(|(sig, _)| sig).collect())
}

/// The module `text` declares once its missing bodies are completed, and the completed text; or
/// its syntax errors.
fn lower(language: Language, text: &str) -> Result<(Module, String), Vec<Diagnostic>> {
    let completed = complete(language, text);
    let lowered = ferry_frontends::lower(language, "Interface", &completed);
    let errors: Vec<Diagnostic> = lowered
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error && (d.span.start as usize) < text.len())
        .collect();
    if errors.is_empty() {
        Ok((lowered.module, completed))
    } else {
        Err(errors)
    }
}

/// `text` up to the end of its last function header (a line that opens a body: `def …:` in
/// Python, `…(…) {` in Java and Go), or `None` where it has no such line or nothing follows it.
fn without_last_body(language: Language, text: &str) -> Option<String> {
    let opens_body = |line: &str| {
        let line = line.trim();
        match language {
            Language::Python => line.starts_with("def ") && line.ends_with(':'),
            Language::Java | Language::Go => line.contains('(') && line.ends_with('{'),
        }
    };
    let mut end = 0;
    let mut header_end = None;
    for line in text.split_inclusive('\n') {
        end += line.len();
        if opens_body(line) {
            header_end = Some(end);
        }
    }
    let header_end = header_end?;
    (!text[header_end..].trim().is_empty()).then(|| text[..header_end].to_string())
}

/// The signatures of the functions and methods of `module`, but `main` and constructors, each
/// with its function.
fn signatures(module: &Module) -> Vec<(Signature, &Function)> {
    let mut signatures = Vec::new();
    for item in &module.items {
        match item {
            Item::Function(f) => signatures.push((Signature::of(f), f)),
            Item::Class(c) => signatures.extend(
                c.methods
                    .iter()
                    .filter(|m| m.name != CONSTRUCTOR)
                    .map(|m| (Signature::of(m), m)),
            ),
            _ => {}
        }
    }
    signatures.retain(|(s, _)| s.name != "main");
    signatures
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
        assert_eq!(sigs[0].lengths.result, Some(2));

        let py = "from typing import List, Tuple\n\n\ndef sum_product(numbers: List[int]) -> Tuple[int, int]:\n";
        let sigs = read_interface(Language::Python, py).unwrap();
        assert_eq!(sigs[0].name, "sum_product");
        assert_eq!(sigs[0].ret, Type::Tuple(vec![Type::BIG, Type::BIG]));
    }

    #[test]
    fn reads_a_declaration_cut_off_in_its_docstring() {
        let py = "def sum_squares(lst):\n    \"";
        let sigs = read_interface(Language::Python, py).unwrap();
        assert_eq!(sigs[0].name, "sum_squares");
        let java = "class S {\n    public int f(int x) {\n        String s = \"ab";
        assert_eq!(read_interface(Language::Java, java).unwrap()[0].name, "f");
    }

    #[test]
    fn reports_syntax_errors() {
        assert!(read_interface(Language::Java, "class { int f(int x, ) {").is_err());
    }
}
