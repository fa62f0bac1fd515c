//! Identifier case conversion shared by the backends' naming policies.

/// Whether identifiers are converted to the target's conventions or kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Naming {
    /// `snake_case` in Python, `camelCase` in Java and Go, `PascalCase` for types everywhere.
    #[default]
    Idiomatic,
    /// Every identifier exactly as in the source.
    Preserve,
}

/// Splits an identifier into lowercase words: `parseHTTPRequest2` → `parse http request2`,
/// `max_value` → `max value`. Leading and trailing underscores are dropped.
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let boundary = c.is_uppercase()
            && !current.is_empty()
            && (prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || next.is_some_and(char::is_lowercase));
        if boundary {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `max_value`, `maxValue` → `max_value`.
pub fn snake_case(name: &str) -> String {
    let w = words(name);
    if w.is_empty() {
        return name.to_string();
    }
    w.join("_")
}

/// `max_value`, `MaxValue` → `maxValue`.
pub fn camel_case(name: &str) -> String {
    let w = words(name);
    if w.is_empty() {
        return name.to_string();
    }
    let mut out = w[0].clone();
    for word in &w[1..] {
        out.push_str(&capitalize(word));
    }
    out
}

/// `max_value`, `maxValue` → `MaxValue`.
pub fn pascal_case(name: &str) -> String {
    let w = words(name);
    if w.is_empty() {
        return name.to_string();
    }
    w.iter().map(|s| capitalize(s)).collect()
}

/// `maxValue`, `max_value` → `MAX_VALUE`.
pub fn upper_snake_case(name: &str) -> String {
    snake_case(name).to_uppercase()
}

/// Whether a name is written entirely in capitals (`MAX_VALUE`), the constant convention.
pub fn is_upper_snake(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_between_cases() {
        assert_eq!(snake_case("binarySearch"), "binary_search");
        assert_eq!(snake_case("parseHTTPRequest"), "parse_http_request");
        assert_eq!(camel_case("binary_search"), "binarySearch");
        assert_eq!(pascal_case("stack_machine"), "StackMachine");
        assert_eq!(upper_snake_case("maxValue"), "MAX_VALUE");
        assert_eq!(camel_case("MAX_VALUE"), "maxValue");
        assert_eq!(snake_case("x1"), "x1");
        assert_eq!(camel_case("_"), "_");
    }
}
