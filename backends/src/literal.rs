//! String literal spelling shared by the backends: all three languages quote with `"` and use the
//! same escapes for quotes, backslashes and common control characters.

/// How a language spells the remaining control characters inside a string literal.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ControlEscape {
    /// `\x1f`: Go and Python.
    Hex,
    /// `\u001f`: Java.
    Unicode,
}

/// `s` as a double-quoted string literal.
pub(crate) fn double_quoted(s: &str, control: ControlEscape) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => match control {
                ControlEscape::Hex => out.push_str(&format!("\\x{:02x}", c as u32)),
                ControlEscape::Unicode => out.push_str(&format!("\\u{:04x}", c as u32)),
            },
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
