//! The runtime prelude: small Go helpers emitted only when the translation uses them.
//!
//! The helpers live in `prelude.go.txt`, one section per `//@key` marker, already gofmt-clean.
//! A section's imports are found from the packages it mentions.

use super::Printer;

const SOURCE: &str = include_str!("prelude.go.txt");

/// Sections that other sections need.
const DEPENDS: &[(&str, &[&str])] = &[
    ("atoi", &["error"]),
    ("getkey", &["error"]),
    ("packresults", &["tuple"]),
    ("parsefloat", &["error"]),
    ("floatofany", &["parsefloat", "error"]),
    ("intofany", &["atoi", "error"]),
    ("md5hex", &["error"]),
    ("values", &["sortedkeys"]),
    ("pystr", &["render"]),
    ("javastr", &["render"]),
    ("render", &["floatstr", "pybool"]),
    ("slice", &["sliceindices", "opt"]),
    ("slicestr", &["sliceindices", "opt"]),
];

const PACKAGES: &[(&str, &str)] = &[
    ("cmp.", "cmp"),
    ("md5.", "crypto/md5"),
    ("fmt.", "fmt"),
    ("math.", "math"),
    ("reflect.", "reflect"),
    ("runtime.", "runtime"),
    ("slices.", "slices"),
    ("sort.", "sort"),
    ("strconv.", "strconv"),
    ("strings.", "strings"),
    ("unicode.", "unicode"),
    ("utf16.", "unicode/utf16"),
];

/// The sections of the prelude as `(key, text)`.
fn sections() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut rest = SOURCE;
    while let Some(start) = rest.find("//@") {
        let after = &rest[start + 3..];
        let key_end = after.find('\n').unwrap_or(after.len());
        let key = after[..key_end].trim();
        let body_start = (key_end + 1).min(after.len());
        let body = &after[body_start..];
        let end = body.find("//@").unwrap_or(body.len());
        out.push((key, body[..end].trim_end()));
        rest = &body[end..];
    }
    out
}

impl Printer<'_> {
    /// The helpers used, with their imports registered.
    pub(super) fn render_prelude(&mut self) -> String {
        let mut wanted: Vec<&'static str> = Vec::new();
        let mut queue: Vec<&'static str> = self.prelude.iter().copied().collect();
        while let Some(k) = queue.pop() {
            if wanted.contains(&k) {
                continue;
            }
            wanted.push(k);
            if let Some((_, deps)) = DEPENDS.iter().find(|(key, _)| *key == k) {
                queue.extend(deps.iter().copied());
            }
        }
        let mut out = String::new();
        for (key, text) in sections() {
            if !wanted.contains(&key) {
                continue;
            }
            for (needle, pkg) in PACKAGES {
                if text.contains(needle) {
                    self.import(pkg);
                }
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dependency_exists() {
        let keys: Vec<&str> = sections().into_iter().map(|(k, _)| k).collect();
        for (k, deps) in DEPENDS {
            assert!(keys.contains(k), "{k}");
            for d in *deps {
                assert!(keys.contains(d), "{d}");
            }
        }
    }
}
