//! An indentation-aware text writer: the only place where backends handle indentation.

/// Accumulates lines at the current indentation level.
#[derive(Debug)]
pub(crate) struct Writer {
    out: String,
    level: usize,
    unit: &'static str,
}

impl Writer {
    /// A writer that indents by `unit` per level (`"    "` or `"\t"`).
    pub(crate) fn new(unit: &'static str) -> Writer {
        Writer {
            out: String::new(),
            level: 0,
            unit,
        }
    }

    /// Writes one line at the current indentation.
    pub(crate) fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        if !text.is_empty() {
            for _ in 0..self.level {
                self.out.push_str(self.unit);
            }
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    /// Writes an empty line, never two in a row.
    pub(crate) fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// The current indentation level.
    pub(crate) fn level(&self) -> usize {
        self.level
    }

    pub(crate) fn indent(&mut self) {
        self.level += 1;
    }

    pub(crate) fn dedent(&mut self) {
        self.level = self.level.saturating_sub(1);
    }

    /// The text written so far, ending with exactly one newline.
    pub(crate) fn finish(self) -> String {
        let mut out = self.out.trim_end().to_string();
        out.push('\n');
        out
    }
}
