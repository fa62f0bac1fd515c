//! Matching the original's functions with the translation's.
//!
//! Names are compared through the naming policy's word split (`binary_search`, `binarySearch`
//! and `BinarySearch` are one name; a keyword escape like `print_` matches `print`). Explicit
//! `ORIG=TRANS` pairs override the match for the originals they name. When exactly one function
//! is left unmatched on each side, they are paired (a misspelt or renamed function). Translation
//! functions left unmatched are helpers (preludes, extracted lambdas) and are only listed.

use ferry_backends::naming::words;

use crate::signature::Signature;

/// The pairs to check, and what stayed unmatched.
#[derive(Debug, Clone)]
pub struct Pairing {
    /// Every original function with its counterpart, if the translation has one.
    pub pairs: Vec<(Signature, Option<Signature>)>,
    /// Translation functions no original function matched.
    pub unmatched: Vec<String>,
}

/// Whether a function takes part in pairing at all (not the entry point, not a ferry helper).
fn is_checkable(sig: &Signature) -> bool {
    !sig.nested && !crate::signature::is_entry_point(sig) && !crate::signature::is_ferry_helper(sig)
}

/// The comparison key of a name.
pub(crate) fn key(name: &str) -> String {
    words(name).concat()
}

/// Pairs `original` with `translation`; an override that names a missing function is an error.
pub fn pair(
    original: &[Signature],
    translation: &[Signature],
    overrides: &[(String, String)],
) -> Result<Pairing, String> {
    for (o, t) in overrides {
        if !original.iter().any(|s| s.name == *o) {
            return Err(format!(
                "--function {o}={t}: the original has no function `{o}`"
            ));
        }
        if !translation.iter().any(|s| s.name == *t) {
            return Err(format!(
                "--function {o}={t}: the translation has no function `{t}`"
            ));
        }
    }
    let mut used = vec![false; translation.len()];
    let mut pairs = Vec::new();
    for sig in original {
        let wanted = overrides.iter().find(|(o, _)| *o == sig.name);
        let found = translation.iter().enumerate().find(|(i, t)| {
            !used[*i]
                && match wanted {
                    Some((_, name)) => t.name == *name,
                    None => key(&t.name) == key(&sig.name),
                }
        });
        if let Some((i, _)) = found {
            used[i] = true;
        }
        pairs.push((sig.clone(), found.map(|(_, t)| t.clone())));
    }
    // One function left on each side (a renamed or misspelt function): they are the pair.
    let open_original: Vec<usize> = pairs
        .iter()
        .enumerate()
        .filter(|(_, (o, t))| t.is_none() && is_checkable(o))
        .map(|(i, _)| i)
        .collect();
    let open_translation: Vec<usize> = (0..translation.len())
        .filter(|&i| !used[i] && is_checkable(&translation[i]))
        .collect();
    if let ([o], [t]) = (open_original.as_slice(), open_translation.as_slice()) {
        used[*t] = true;
        pairs[*o].1 = Some(translation[*t].clone());
    }
    let unmatched = translation
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(t, _)| t.name.clone())
        .collect();
    Ok(Pairing { pairs, unmatched })
}

#[cfg(test)]
mod tests {
    use ferry_ir::Type;

    use super::*;

    fn sig(name: &str) -> Signature {
        Signature {
            name: name.into(),
            params: Vec::new(),
            ret: Type::Void,
            variadic: false,
            defaults: 0,
            nested: false,
        }
    }

    #[test]
    fn names_match_across_naming_conventions_and_overrides_win() {
        let orig = [sig("binary_search"), sig("print"), sig("count")];
        let trans = [
            sig("binarySearch"),
            sig("print_"),
            sig("tally"),
            sig("ferryAbs"),
        ];
        let p = pair(&orig, &trans, &[("count".into(), "tally".into())]).unwrap();
        let names: Vec<_> = p
            .pairs
            .iter()
            .map(|(o, t)| (o.name.as_str(), t.as_ref().map(|t| t.name.as_str())))
            .collect();
        assert_eq!(
            names,
            [
                ("binary_search", Some("binarySearch")),
                ("print", Some("print_")),
                ("count", Some("tally"))
            ]
        );
        assert_eq!(p.unmatched, ["ferryAbs"]);
        let p = pair(
            &[sig("filter_integers")],
            &[sig("filterIntergers"), sig("ferryAbs")],
            &[],
        )
        .unwrap();
        assert_eq!(
            p.pairs[0].1.as_ref().map(|t| t.name.as_str()),
            Some("filterIntergers")
        );
        assert!(pair(&orig, &trans, &[("nope".into(), "tally".into())]).is_err());
    }
}
