//! Finding a corpus's source files and reading them the way `ferry translate` does.

use std::path::{Path, PathBuf};

use ferry_ir::Language;

/// Directories never entered: `site-packages` holds third-party Python code, not the standard
/// library; Go's `testdata` directories hold fixtures (often deliberately broken) that belong to no
/// package. Hidden directories are tooling.
fn skipped_dir(name: &str, keep_testdata: bool) -> bool {
    name.starts_with('.') || name == "site-packages" || (name == "testdata" && !keep_testdata)
}

/// Every file under `root` with `language`'s extension, sorted by path.
pub(crate) fn discover(root: &Path, language: Language, keep_testdata: bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                if !skipped_dir(&name, keep_testdata) {
                    dirs.push(path);
                }
            } else if kind.is_file()
                && path.extension().and_then(|e| e.to_str()) == Some(language.extension())
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Why a file was not translated: the command line refuses it before any translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    Unreadable,
    Binary,
    NotUtf8,
}

impl Refused {
    /// A short name for reports.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Refused::Unreadable => "unreadable",
            Refused::Binary => "binary",
            Refused::NotUtf8 => "not UTF-8",
        }
    }
}

/// Reads a source file, refusing what `ferry translate` refuses (NUL bytes, invalid UTF-8).
pub(crate) fn read(path: &Path) -> Result<String, Refused> {
    let bytes = std::fs::read(path).map_err(|_| Refused::Unreadable)?;
    if bytes.contains(&0) {
        return Err(Refused::Binary);
    }
    String::from_utf8(bytes).map_err(|_| Refused::NotUtf8)
}

/// The number of lines of a text, counting a last line without a newline.
pub(crate) fn line_count(text: &str) -> u64 {
    let newlines = text.bytes().filter(|&b| b == b'\n').count() as u64;
    newlines + u64::from(!text.is_empty() && !text.ends_with('\n'))
}
