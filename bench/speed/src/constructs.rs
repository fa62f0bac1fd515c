//! Grouping unsupported-construct diagnostics into counted kinds.

/// An `unsupported` diagnostic split into its kind and the names it mentions.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Kind {
    /// The message without the common prefix, each name in backticks replaced by `…`, so that
    /// `call of \`foo\`` and `call of \`bar\`` count together; operators in backticks (`+=`) stay.
    /// A type named after `new ` or ` on ` becomes `<type>` (`new Rectangle` → `new <type>`).
    pub(crate) key: String,
    /// The names replaced, joined by `, ` (empty when there were none).
    pub(crate) names: String,
}

/// Whether a backticked text is a name or dotted path (`foo`, `io.EOF`) rather than an operator
/// or a piece of code.
fn is_name(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

/// The kind of construct an `unsupported` diagnostic's message names.
pub(crate) fn kind(message: &str) -> Kind {
    let construct = message
        .strip_prefix("unsupported construct: ")
        .unwrap_or(message);
    let mut key = String::with_capacity(construct.len());
    let mut names: Vec<String> = Vec::new();
    for (i, part) in construct.split('`').enumerate() {
        let quoted = i % 2 == 1;
        if !quoted {
            key.push_str(part);
        } else if is_name(part) {
            key.push_str("`…`");
            names.push(part.to_string());
        } else {
            key.push('`');
            key.push_str(part);
            key.push('`');
        }
    }
    if let Some((head, ty)) = split_type(&key) {
        names.push(ty.to_string());
        key = format!("{head}<type>");
    }
    Kind {
        key,
        names: names.join(", "),
    }
}

/// Splits `new T` or `… on T` into the text before the type and the type, when `T` is a type
/// (`Graphics2D`, `list<str>`, `?`) rather than a phrase (`this value`, `a pointer`).
fn split_type(key: &str) -> Option<(&str, &str)> {
    let at = if key.starts_with("new ") {
        4
    } else {
        key.rfind(" on ")? + 4
    };
    let ty = &key[at..];
    let phrase = ty.starts_with("this ") || ty.starts_with("a ") || ty.starts_with("an ");
    let spaced = ty.replace(", ", ",").contains(' ');
    (!ty.is_empty() && !phrase && !spaced).then(|| (&key[..at], ty))
}

#[cfg(test)]
mod tests {
    use super::kind;

    #[test]
    fn names_in_backticks_are_grouped() {
        let k = kind("unsupported construct: library call `errors.New`");
        assert_eq!(k.key, "library call `…`");
        assert_eq!(k.names, "errors.New");
        assert_eq!(
            kind("unsupported construct: `x` used as a value").key,
            "`…` used as a value"
        );
        assert_eq!(kind("unsupported construct: lambda").key, "lambda");
    }

    #[test]
    fn types_after_new_and_on_are_grouped() {
        let k = kind("unsupported construct: method `finest` on Logger");
        assert_eq!(k.key, "method `…` on <type>");
        assert_eq!(k.names, "finest, Logger");
        assert_eq!(
            kind("unsupported construct: new Rectangle").key,
            "new <type>"
        );
        assert_eq!(
            kind("unsupported construct: forEach on map<str, list<int>>").key,
            "forEach on <type>"
        );
        assert_eq!(
            kind("unsupported construct: selector on this value").key,
            "selector on this value"
        );
    }

    #[test]
    fn operators_in_backticks_stay() {
        let k = kind("unsupported construct: unary `*`");
        assert_eq!(k.key, "unary `*`");
        assert_eq!(k.names, "");
    }
}
