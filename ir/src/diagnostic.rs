//! Diagnostics: what libraries report and only the CLI renders.

use crate::span::{SourceFile, Span};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    /// The unit could not be translated; a stub stands in for it.
    Unsupported,
    /// The input is malformed (a syntax error).
    Error,
}

/// One finding about the input, located by a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable code, e.g. `syntax`, `unsupported`, `unknown-type`.
    pub code: &'static str,
    /// Lowercase, no trailing period.
    pub message: String,
    pub span: Span,
}

impl Diagnostic {
    /// A syntax error.
    pub fn syntax(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: "syntax",
            message: message.into(),
            span,
        }
    }

    /// A construct the rules engine cannot translate.
    pub fn unsupported(span: Span, construct: &str) -> Diagnostic {
        Diagnostic {
            severity: Severity::Unsupported,
            code: "unsupported",
            message: format!("unsupported construct: {construct}"),
            span,
        }
    }

    /// A warning.
    pub fn warning(span: Span, code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: message.into(),
            span,
        }
    }

    /// Renders as `path:line:col: severity: message`, the source line, and a caret.
    pub fn render(&self, file: &SourceFile) -> String {
        let (line, col) = file.line_col(self.span.start);
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Unsupported => "error",
            Severity::Error => "error",
        };
        let text = file.line_text(line);
        let caret_pad: String = text
            .chars()
            .take(col - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        format!(
            "{}:{line}:{col}: {severity}: {}\n  {text}\n  {caret_pad}^\n",
            file.path, self.message
        )
    }
}
