//! The source and target languages ferry knows.

use std::fmt;
use std::str::FromStr;

/// A programming language ferry reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Java,
    Python,
    Go,
}

impl Language {
    /// Every language, in a stable order.
    pub const ALL: [Language; 3] = [Language::Java, Language::Python, Language::Go];

    /// The lowercase name used on the command line (`java`, `python`, `go`).
    pub fn name(self) -> &'static str {
        match self {
            Language::Java => "java",
            Language::Python => "python",
            Language::Go => "go",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Language::Java => "java",
            Language::Python => "py",
            Language::Go => "go",
        }
    }

    /// The language a file extension belongs to (`py` → Python).
    pub fn from_extension(ext: &str) -> Option<Language> {
        match ext {
            "java" => Some(Language::Java),
            "py" => Some(Language::Python),
            "go" => Some(Language::Go),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "java" => Ok(Language::Java),
            "python" | "py" => Ok(Language::Python),
            "go" | "golang" => Ok(Language::Go),
            other => Err(format!(
                "unknown language `{other}` (expected java, python or go)"
            )),
        }
    }
}
