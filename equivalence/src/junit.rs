//! The report as JUnit XML, one `<testcase>` per function, for CI systems that read it.
//!
//! Passing verdicts are plain test cases (an overflow-only divergence is noted in `system-out`),
//! `skipped` is `<skipped>`, a side that cannot run is `<error>`, and every other finding
//! (counterexample, inconclusive, unsupported signature, missing) is a `<failure>` whose `type` is
//! the verdict name, as the exit code counts them.

use std::fmt::Write as _;

use crate::report::{Report, Verdict};

/// Escapes text for XML attributes and content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

impl Report {
    /// The report as a JUnit XML test suite.
    pub fn to_junit(&self) -> String {
        let count =
            |pred: fn(&Verdict) -> bool| self.functions.iter().filter(|f| pred(&f.verdict)).count();
        let failures = count(|v| !v.passes() && !matches!(v, Verdict::Error { .. }));
        let errors = count(|v| matches!(v, Verdict::Error { .. }));
        let skipped = count(|v| matches!(v, Verdict::Skipped(_)));
        let seconds: f64 = self.functions.iter().map(|f| f.seconds).sum();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{seconds:.3}\">",
            escape(&format!(
                "ferry verify {} against {} (seed {})",
                self.original.display(),
                self.translation.display(),
                self.seed
            )),
            self.functions.len(),
        );
        for f in &self.functions {
            let _ = write!(
                out,
                "  <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
                escape(&self.translation.display().to_string()),
                escape(&f.names()),
                f.seconds
            );
            let text = escape(&self.verdict_text(&f.verdict));
            let reason = escape(text.lines().next().unwrap_or_default());
            let name = f.verdict.name();
            match &f.verdict {
                Verdict::Equivalent { .. } => out.push_str("/>\n"),
                Verdict::Overflow { .. } => {
                    let _ = writeln!(out, ">\n    <system-out>{text}</system-out>\n  </testcase>");
                }
                Verdict::Skipped(_) => {
                    let _ = writeln!(out, ">\n    <skipped message=\"{reason}\"/>\n  </testcase>");
                }
                Verdict::Error { .. } => {
                    let _ = writeln!(
                        out,
                        ">\n    <error type=\"{name}\" message=\"{reason}\">{text}</error>\n  </testcase>"
                    );
                }
                _ => {
                    let _ = writeln!(
                        out,
                        ">\n    <failure type=\"{name}\" message=\"{reason}\">{text}</failure>\n  </testcase>"
                    );
                }
            }
        }
        out.push_str("</testsuite>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\\u{1}"
        );
    }
}
