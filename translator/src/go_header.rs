//! The lengths of the fixed-size arrays in a Go function header (`func F(p [2]int) [2]int {`):
//! the IR's `Type::Array` has no length, and a declared `[2]int` is not a `[]int`.

use ferry_ir::signature::ArrayLengths;

/// The array lengths of the function whose declaration starts `text` (`func`, an optional
/// receiver, the name, the parameters and the result; anything after is ignored).
pub(crate) fn array_lengths(text: &str) -> ArrayLengths {
    let Some(rest) = text.trim_start().strip_prefix("func") else {
        return ArrayLengths::default();
    };
    let mut rest = rest.trim_start();
    if rest.starts_with('(') {
        rest = &rest[group_end(rest)..];
    }
    let Some(open) = rest.find('(') else {
        return ArrayLengths::default();
    };
    let rest = &rest[open..];
    let close = group_end(rest);
    let result = rest[close..].trim_start();
    ArrayLengths {
        result: length(result),
        result_elements: result.strip_prefix("[]").and_then(length),
        params: params(&rest[1..close.saturating_sub(1)]),
    }
}

/// The byte just past the group that `text` opens with `(`, or its end where unbalanced.
fn group_end(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// One length per parameter name of a parameter list (`a, b [2]int, c []int`): names without a
/// type take the type that follows them, as in Go.
fn params(list: &str) -> Vec<Option<usize>> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in list.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(list[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(list[start..].trim());
    parts.retain(|p| !p.is_empty());
    let named = parts.iter().any(|p| p.contains(char::is_whitespace));
    if !named {
        return parts.iter().map(|t| length(t)).collect();
    }
    let mut out = vec![None; parts.len()];
    let mut pending = 0;
    for (i, part) in parts.iter().enumerate() {
        if let Some((_, ty)) = part.split_once(char::is_whitespace) {
            out[pending..=i].fill(length(ty.trim_start()));
            pending = i + 1;
        }
    }
    out
}

/// `N` of a type written `[N]T`; `None` for any other type (a slice `[]T` among them).
fn length(ty: &str) -> Option<usize> {
    let inner = ty.strip_prefix('[')?;
    let (n, _) = inner.split_once(']')?;
    n.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fixed_arrays_among_results_and_parameters() {
        let l = array_lengths("func F(a, b [2]int, c []int, d int) [3]interface{} {\n}");
        assert_eq!(l.result, Some(3));
        assert_eq!(l.params, vec![Some(2), Some(2), None, None]);
        let l = array_lengths("func (s *S) G(f func(int, int) int, xs [4]string) int {");
        assert_eq!(l.result, None);
        assert_eq!(l.params, vec![None, Some(4)]);
        assert!(array_lengths("func H(xs []int) []int {").is_empty());
        assert_eq!(
            array_lengths("func G(xs [][]int) [][2]int {").result_elements,
            Some(2)
        );
    }
}
