//! Snapshot tests of the emitted code: `tests/fixtures/<src>_to_<dst>/<case>.<ext>`, with the
//! expected translation in the insta snapshot beside it. Each case also checks two invariants:
//! translating twice gives identical output, and the output parses without syntax errors.

use std::path::{Path, PathBuf};

use ferry_backends::Options;
use ferry_ir::{Language, Severity, SourceFile};
use ferry_translator::{translate, Request, RulesEngine};

fn fixture_dirs() -> Vec<(Language, Language, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures");
    let mut dirs = Vec::new();
    for from in Language::ALL {
        for to in Language::ALL.into_iter().filter(|to| *to != from) {
            dirs.push((
                from,
                to,
                root.join(format!("{}_to_{}", from.name(), to.name())),
            ));
        }
    }
    dirs
}

fn translate_text(from: Language, to: Language, name: &str, text: &str) -> (String, Vec<String>) {
    let file = SourceFile::new(name, text);
    let request = Request {
        file: &file,
        from,
        to,
        module_name: name.to_string(),
        options: Options::default(),
        interface: Vec::new(),
    };
    let t = translate(&request, &RulesEngine);
    (
        t.code,
        t.diagnostics.iter().map(|d| d.render(&file)).collect(),
    )
}

#[test]
fn fixtures_match_their_snapshots() {
    let mut cases = 0;
    for (from, to, dir) in fixture_dirs() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(from.extension()))
            .collect();
        files.sort();
        for path in files {
            cases += 1;
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let (code, diagnostics) = translate_text(from, to, &name, &text);
            assert!(
                diagnostics.is_empty(),
                "{}: {}",
                path.display(),
                diagnostics.join("")
            );
            let (again, _) = translate_text(from, to, &name, &text);
            assert_eq!(code, again, "{}: translating twice differs", path.display());
            let reparsed = ferry_frontends::lower(to, &name, &code);
            let syntax: Vec<_> = reparsed
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(
                syntax.is_empty(),
                "{}: output does not parse: {syntax:?}\n{code}",
                path.display()
            );
            insta::with_settings!({
                snapshot_path => dir.clone(),
                prepend_module_to_snapshot => false,
                input_file => path.clone(),
            }, {
                insta::assert_snapshot!(name, code);
            });
        }
    }
    assert!(cases > 0, "no fixture found under tests/fixtures");
}
