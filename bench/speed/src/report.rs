//! The side-by-side table and the closing lists, printed from the per-corpus reports.

use serde_json::Value;

/// The bar: translating costs at most this many times tree-sitter parsing alone.
pub(crate) const MAX_RATIO: f64 = 3.0;

/// How many unsupported constructs the closing lists name per language.
const TOP: usize = 10;

fn num(v: &Value, key: &str) -> f64 {
    v.get(key).and_then(Value::as_f64).unwrap_or(0.0)
}

fn cpu(v: &Value, key: &str) -> f64 {
    v.get(key).map_or(0.0, |s| num(s, "cpu_s"))
}

/// Prints one row per source and target language, then the unsupported constructs, slowest files
/// and panics of each corpus.
pub(crate) fn print(corpora: &[Value], missing: &[String]) {
    println!(
        "{:<7} {:<7} {:>6} {:>8} {:>6} {:>8} {:>8} {:>9} {:>9} {:>6} {:>4} {:>11} {:>8} {:>6}",
        "source",
        "target",
        "files",
        "lines",
        "MiB",
        "parse s",
        "lower s",
        "transl. s",
        "lines/s",
        "ratio",
        "≤3x",
        "unsupp. f.",
        "peak MiB",
        "panics"
    );
    for c in corpora {
        let Some(targets) = c.get("targets").and_then(Value::as_object) else {
            continue;
        };
        let panics = c
            .get("panics")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for (target, t) in targets {
            let ratio = num(t, "ratio_to_parse");
            println!(
                "{:<7} {:<7} {:>6} {:>8} {:>6.1} {:>8.2} {:>8.2} {:>9.2} {:>9.0} {:>6.2} {:>4} {:>11} {:>8.0} {:>6}",
                c["language"].as_str().unwrap_or("?"),
                target,
                num(c, "files"),
                num(c, "lines"),
                num(c, "bytes") / 1048576.0,
                cpu(c, "parse"),
                cpu(c, "lower"),
                cpu(t, "translate"),
                num(t, "lines_per_s"),
                ratio,
                if ratio <= MAX_RATIO { "yes" } else { "NO" },
                format!("{}/{}", num(t, "files_with_unsupported"), num(c, "files")),
                num(c, "peak_rss_kib") / 1024.0,
                panics,
            );
        }
    }
    println!("(seconds are single-thread CPU time; ratio = translate / parse; peak MiB per language process)");
    for m in missing {
        println!("missing corpus: {m}");
    }
    for c in corpora {
        print_details(c);
    }
}

/// The refused files, the top unsupported constructs, the slowest files and every panic of a corpus.
fn print_details(c: &Value) {
    let language = c["language"].as_str().unwrap_or("?");
    println!();
    println!(
        "{language}: {} ({} files, {} with syntax errors{})",
        c["root"].as_str().unwrap_or("?"),
        num(c, "files"),
        num(c, "syntax_error_files"),
        refused(c)
    );
    println!(
        "  top {TOP} unsupported constructs ({} distinct unsupported sites, any target):",
        num(c, "unsupported_sites")
    );
    for entry in c["constructs"].as_array().into_iter().flatten().take(TOP) {
        let names: Vec<String> = entry["top_names"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| format!("{} {}", n[0].as_str().unwrap_or("?"), n[1]))
            .collect();
        let names = if names.is_empty() {
            String::new()
        } else {
            format!("  ({}, ...)", names.join(", "))
        };
        println!(
            "    {:>7}  {}{names}",
            num(entry, "count"),
            entry["construct"].as_str().unwrap_or("?")
        );
    }
    println!("  slowest files (CPU s, all targets):");
    for f in c["slowest"].as_array().into_iter().flatten() {
        println!(
            "    {:>7.3} translate {:>7.3} lower {:>7.4} parse {:>7} lines  {}",
            num(f, "translate_all_targets_cpu_s"),
            num(f, "lower_cpu_s"),
            num(f, "parse_cpu_s"),
            num(f, "lines"),
            f["file"].as_str().unwrap_or("?")
        );
    }
    for f in c["syntax_error_file_names"]
        .as_array()
        .into_iter()
        .flatten()
    {
        println!("  syntax errors: {}", f.as_str().unwrap_or("?"));
    }
    for (target, t) in c["targets"].as_object().into_iter().flatten() {
        println!(
            "  to {target}: {} stubs, {} unsupported diagnostics, {} files with a stub but no diagnostic",
            num(t, "stubs"),
            num(t, "unsupported_diagnostics"),
            num(t, "files_with_stubs_without_diagnostic")
        );
        for f in t["stubs_without_diagnostic"]
            .as_array()
            .into_iter()
            .flatten()
        {
            println!("    STUB WITHOUT DIAGNOSTIC: {}", f.as_str().unwrap_or("?"));
        }
    }
    for p in c["panics"].as_array().into_iter().flatten() {
        println!(
            "  PANIC {} ({}): {}",
            p["file"].as_str().unwrap_or("?"),
            p["phase"].as_str().unwrap_or("?"),
            p["message"].as_str().unwrap_or("?")
        );
    }
}

/// `, N refused (reason: count, ...)` or nothing.
fn refused(c: &Value) -> String {
    let Some(map) = c.get("refused").and_then(Value::as_object) else {
        return String::new();
    };
    if map.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!(
        ", refused like `ferry translate` does: {}",
        parts.join(", ")
    )
}
