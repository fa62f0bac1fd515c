//! Property tests: arbitrary bytes and random mutations of the samples go through every frontend and
//! the whole pipeline without a panic; every failure is a diagnostic.

mod support;

use ferry_backends::Options;
use ferry_ir::{Language, SourceFile};
use ferry_translator::{translate, Request, RulesEngine};
use proptest::prelude::*;

/// Translates `text` from `from` into both other languages; a panic fails the property.
fn translate_everywhere(from: Language, text: &str) {
    let file = SourceFile::new("input", text);
    for to in Language::ALL {
        let request = Request {
            file: &file,
            from,
            to,
            module_name: "Input".into(),
            options: Options::default(),
            interface: Vec::new(),
        };
        let translation = translate(&request, &RulesEngine);
        for d in &translation.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.end as usize <= text.len(),
                "bad span {d:?}"
            );
            let _ = d.render(&file);
        }
    }
}

fn samples() -> Vec<(Language, String)> {
    Language::ALL
        .into_iter()
        .flat_map(|lang| {
            support::sample_files(lang)
                .into_iter()
                .filter_map(move |p| Some((lang, std::fs::read_to_string(p).ok()?)))
        })
        .collect()
}

/// One edit of a source text: delete, duplicate or insert a token-ish piece at a position.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Insert { at: usize, text: &'static str },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pieces = prop::sample::select(vec![
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        ":",
        ";",
        ",",
        ".",
        "\n",
        "    ",
        "\t",
        "\"",
        "'",
        "=",
        "+=",
        "if",
        "else",
        "for",
        "while",
        "return",
        "break",
        "class",
        "def",
        "func",
        "lambda",
        "new",
        "0",
        "-1",
        "x",
        "None",
        "null",
        "nil",
        "/",
        "//",
        "%",
        "**",
        "<<",
        "...",
        "é",
        "\u{1F600}",
    ]);
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (any::<usize>(), pieces).prop_map(|(at, text)| Mutation::Insert { at, text }),
    ]
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, m: &Mutation) -> String {
    if text.is_empty() {
        return String::new();
    }
    let pos = |at: usize| floor_boundary(text, at % (text.len() + 1));
    let mut out = text.to_string();
    match *m {
        Mutation::Delete { at, len } => {
            let a = pos(at);
            let b = floor_boundary(text, a + len);
            out.replace_range(a..b, "");
        }
        Mutation::Duplicate { at, len } => {
            let a = pos(at);
            let b = floor_boundary(text, a + len);
            let piece = text[a..b].to_string();
            out.insert_str(b, &piece);
        }
        Mutation::Insert { at, text: piece } => out.insert_str(pos(at), piece),
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        for from in Language::ALL {
            translate_everywhere(from, &text);
        }
    }

    #[test]
    fn mutated_samples_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let samples = samples();
        prop_assume!(!samples.is_empty());
        let (lang, text) = &samples[pick.index(samples.len())];
        let mutated = edits.iter().fold(text.clone(), |t, m| apply(&t, m));
        translate_everywhere(*lang, &mutated);
    }
}

#[test]
fn unmutated_samples_never_panic() {
    for (lang, text) in samples() {
        translate_everywhere(lang, &text);
    }
}
