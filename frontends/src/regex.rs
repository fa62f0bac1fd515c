//! Regular expressions in the syntax Java, Python and Go share: character classes, the escapes
//! `\s \d \w` (and their negations), escaped metacharacters and the quantifiers `* + ?`.
//! Groups, alternation, anchors and counted repetition are left out (Python's `re.split` returns
//! the groups, and the engines differ on the rest).

/// Whether `pattern` stays within the shared syntax and cannot match the empty string (where
/// the engines split differently).
pub(crate) fn is_portable_split(pattern: &str) -> bool {
    let mut chars = pattern.chars().peekable();
    let mut required = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if "sSdDwW.$|()[]{}^?*+\\-/".contains(e) => {}
                _ => return false,
            },
            '[' => {
                if chars.peek() == Some(&']') {
                    return false;
                }
                loop {
                    match chars.next() {
                        Some(']') => break,
                        Some('\\') => match chars.next() {
                            Some(e) if "sSdDwW.$|()[]{}^?*+\\-/".contains(e) => {}
                            _ => return false,
                        },
                        Some('[') | None => return false,
                        Some(_) => {}
                    }
                }
            }
            '(' | ')' | '|' | '{' | '}' | '^' | '$' | ']' | '*' | '+' | '?' => return false,
            _ => {}
        }
        match chars.peek() {
            Some('*' | '?') => {
                chars.next();
            }
            Some('+') => {
                chars.next();
                required = true;
            }
            _ => required = true,
        }
        if matches!(chars.peek(), Some('*' | '+' | '?')) {
            return false;
        }
    }
    required
}

#[cfg(test)]
mod tests {
    use super::is_portable_split;

    #[test]
    fn shared_patterns_are_portable() {
        for p in ["[,\\s]", "[.?!]\\s*", "\\s+", "[a-z]+", "\\."] {
            assert!(is_portable_split(p), "{p}");
        }
    }

    #[test]
    fn other_patterns_are_not() {
        for p in ["(a)", "a|b", "\\s*", "a{2}", "^a", "", "a*?", "[]", "\\b"] {
            assert!(!is_portable_split(p), "{p}");
        }
    }
}
