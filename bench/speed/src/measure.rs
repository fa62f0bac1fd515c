//! Measuring one corpus in this process: per file, tree-sitter parsing alone, lowering, and the
//! whole translation to each other language, all on the one calling thread.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use ferry_backends::Options;
use ferry_ir::{Language, Severity, SourceFile};
use ferry_translator::{translate, Request, RulesEngine};
use serde_json::{json, Value};

use crate::clock::{peak_rss_kib, timed, Seconds};
use crate::watchdog::Watchdog;
use crate::{constructs, corpus, panics};

/// How many of the slowest files the report names.
const SLOWEST: usize = 5;

/// How many files the report names per list (syntax errors, stubs without a diagnostic).
const NAMED: usize = 20;

/// What every backend's stub (a `panic`, `raise` or `throw` standing in for a unit it could not
/// translate) passes as its message: `panic("ferry: unsupported …")`.
const STUB_MARKER: &str = "(\"ferry: ";

/// What to measure.
pub(crate) struct Corpus<'a> {
    pub(crate) language: Language,
    pub(crate) root: &'a Path,
    pub(crate) keep_testdata: bool,
    /// Only the first `limit` files (sorted by path), for quick checks.
    pub(crate) limit: Option<usize>,
    /// Print each file's path to stderr before measuring it (to find a file that crashes).
    pub(crate) trace: bool,
}

/// Totals for one target language.
#[derive(Default)]
struct TargetTotals {
    time: Seconds,
    files_with_unsupported: u64,
    unsupported: u64,
    constructs: HashMap<String, u64>,
    /// Stubs printed in the translations.
    stubs: u64,
    /// Files whose translation has a stub but no `unsupported` diagnostic (there must be none).
    silent_stubs: Vec<PathBuf>,
}

/// A panic caught while measuring a file.
struct Panic {
    file: PathBuf,
    phase: String,
    message: String,
}

/// One file's times, kept for the slowest-files list.
struct FileTime {
    file: PathBuf,
    lines: u64,
    parse: f64,
    lower: f64,
    translate: f64,
}

/// Everything gathered over a corpus.
#[derive(Default)]
struct Totals {
    files: u64,
    lines: u64,
    bytes: u64,
    refused: BTreeMap<&'static str, u64>,
    syntax_error_files: Vec<PathBuf>,
    parse: Seconds,
    lower: Seconds,
    targets: BTreeMap<&'static str, TargetTotals>,
    /// Distinct unsupported source sites (span and kind), whichever target reported them: per
    /// kind, the count and the counts of the names it was reported with.
    constructs: HashMap<String, (u64, HashMap<String, u64>)>,
    panics: Vec<Panic>,
    slowest: Vec<FileTime>,
}

/// Measures a corpus and returns its report.
pub(crate) fn measure(corpus: &Corpus<'_>) -> Value {
    let language = corpus.language;
    let targets: Vec<Language> = Language::ALL
        .into_iter()
        .filter(|&t| t != language)
        .collect();
    let mut files = corpus::discover(corpus.root, language, corpus.keep_testdata);
    if let Some(limit) = corpus.limit {
        files.truncate(limit);
    }
    let mut totals = Totals::default();
    let watchdog = Watchdog::start();
    for (i, path) in files.iter().enumerate() {
        watchdog.file(path);
        if corpus.trace {
            eprintln!("{}", path.display());
        } else if i > 0 && i % 1000 == 0 {
            eprintln!("  {language}: {i}/{} files", files.len());
        }
        match corpus::read(path) {
            Ok(text) => measure_file(&mut totals, language, &targets, path, text),
            Err(refused) => *totals.refused.entry(refused.name()).or_default() += 1,
        }
    }
    report(corpus, &targets, totals)
}

/// Measures one readable file and adds it to the totals.
fn measure_file(
    totals: &mut Totals,
    language: Language,
    targets: &[Language],
    path: &Path,
    text: String,
) {
    let lines = corpus::line_count(&text);
    totals.files += 1;
    totals.lines += lines;
    totals.bytes += text.len() as u64;
    let module_name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Main")
        .to_string();
    let file = SourceFile::new(path.display().to_string(), text);
    let mut caught: Vec<(String, String)> = Vec::new();

    let (parsed, parse) =
        timed(|| panics::catch(|| ferry_frontends::parse_only(language, &file.text)));
    if let Err(message) = parsed {
        caught.push(("parse".to_string(), message));
    }
    let (lowered, lower) =
        timed(|| panics::catch(|| ferry_frontends::lower(language, &module_name, &file.text)));
    match lowered {
        Ok(lowered) => {
            if lowered
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error)
            {
                totals.syntax_error_files.push(path.to_path_buf());
            }
        }
        Err(message) => caught.push(("lower".to_string(), message)),
    }

    let mut sites = HashSet::new();
    let mut translate_time = 0.0;
    for &target in targets {
        let request = Request {
            file: &file,
            from: language,
            to: target,
            module_name: module_name.clone(),
            options: Options::default(),
            interface: Vec::new(),
        };
        let (translation, time) = timed(|| panics::catch(|| translate(&request, &RulesEngine)));
        translate_time += time.cpu;
        let entry = totals.targets.entry(target.name()).or_default();
        entry.time += time;
        let translation = match translation {
            Ok(t) => t,
            Err(message) => {
                caught.push((format!("translate to {target}"), message));
                continue;
            }
        };
        let unsupported: Vec<_> = translation
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Unsupported)
            .collect();
        if !unsupported.is_empty() {
            entry.files_with_unsupported += 1;
        }
        let stubs = translation.code.matches(STUB_MARKER).count() as u64;
        entry.stubs += stubs;
        if stubs > 0 && unsupported.is_empty() {
            entry.silent_stubs.push(path.to_path_buf());
        }
        for d in unsupported {
            let kind = constructs::kind(&d.message);
            entry.unsupported += 1;
            *entry.constructs.entry(kind.key.clone()).or_default() += 1;
            sites.insert((d.span.start, d.span.end, kind.key, kind.names));
        }
    }
    for (_, _, key, names) in sites {
        let (count, by_name) = totals.constructs.entry(key).or_default();
        *count += 1;
        if !names.is_empty() {
            *by_name.entry(names).or_default() += 1;
        }
    }
    totals.parse += parse;
    totals.lower += lower;
    totals
        .panics
        .extend(caught.into_iter().map(|(phase, message)| Panic {
            file: path.to_path_buf(),
            phase,
            message,
        }));
    keep_slowest(
        &mut totals.slowest,
        FileTime {
            file: path.to_path_buf(),
            lines,
            parse: parse.cpu,
            lower: lower.cpu,
            translate: translate_time,
        },
    );
}

/// How many of the most frequent names the report lists per construct kind.
const NAMES: usize = 5;

/// How many construct kinds the report lists per language and per target (the rest are rare).
const KINDS: usize = 100;

/// Construct kinds with their names, sorted by frequency.
fn constructs_json(constructs: &HashMap<String, (u64, HashMap<String, u64>)>) -> Value {
    let counts: HashMap<String, u64> = constructs.iter().map(|(k, v)| (k.clone(), v.0)).collect();
    ranked(&counts)
        .into_iter()
        .take(KINDS)
        .map(|(kind, count)| {
            let names: Vec<Value> = constructs
                .get(&kind)
                .map(|(_, names)| ranked(names))
                .unwrap_or_default()
                .into_iter()
                .take(NAMES)
                .map(|(name, n)| json!([name, n]))
                .collect();
            json!({ "construct": kind, "count": count, "top_names": names })
        })
        .collect()
}

/// Keeps the [`SLOWEST`] files with the longest total translation time.
fn keep_slowest(slowest: &mut Vec<FileTime>, file: FileTime) {
    slowest.push(file);
    slowest.sort_by(|a, b| b.translate.total_cmp(&a.translate));
    slowest.truncate(SLOWEST);
}

/// Counts sorted by frequency, then by name.
fn ranked(counts: &HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut ranked: Vec<_> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked
}

/// Lines per second, or 0 for an empty measurement.
fn rate(lines: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        lines as f64 / seconds
    } else {
        0.0
    }
}

/// The first [`NAMED`] paths.
fn paths_json(paths: &[PathBuf]) -> Value {
    paths
        .iter()
        .take(NAMED)
        .map(|p| Value::from(p.display().to_string()))
        .collect()
}

fn seconds_json(s: Seconds) -> Value {
    json!({ "cpu_s": s.cpu, "wall_s": s.wall })
}

fn ranked_json(counts: &HashMap<String, u64>) -> Value {
    ranked(counts)
        .into_iter()
        .take(KINDS)
        .map(|(kind, count)| json!({ "construct": kind, "count": count }))
        .collect()
}

/// The corpus report (the shape is described in README.md).
fn report(corpus: &Corpus<'_>, targets: &[Language], totals: Totals) -> Value {
    let parse_cpu = totals.parse.cpu;
    let per_target: serde_json::Map<String, Value> = targets
        .iter()
        .filter_map(|t| totals.targets.get(t.name()).map(|tt| (t.name(), tt)))
        .map(|(name, t)| {
            let ratio = if parse_cpu > 0.0 {
                t.time.cpu / parse_cpu
            } else {
                0.0
            };
            let value = json!({
                "translate": seconds_json(t.time),
                "emit_cpu_s": (t.time.cpu - totals.lower.cpu).max(0.0),
                "lines_per_s": rate(totals.lines, t.time.cpu),
                "ratio_to_parse": ratio,
                "files_with_unsupported": t.files_with_unsupported,
                "unsupported_diagnostics": t.unsupported,
                "stubs": t.stubs,
                "files_with_stubs_without_diagnostic": t.silent_stubs.len(),
                "stubs_without_diagnostic": paths_json(&t.silent_stubs),
                "constructs": ranked_json(&t.constructs),
            });
            (name.to_string(), value)
        })
        .collect();
    json!({
        "language": corpus.language.name(),
        "root": corpus.root.display().to_string(),
        "testdata_included": corpus.keep_testdata,
        "files": totals.files,
        "refused": totals.refused,
        "lines": totals.lines,
        "bytes": totals.bytes,
        "syntax_error_files": totals.syntax_error_files.len(),
        "syntax_error_file_names": paths_json(&totals.syntax_error_files),
        "parse": seconds_json(totals.parse),
        "parse_lines_per_s": rate(totals.lines, parse_cpu),
        "lower": seconds_json(totals.lower),
        "targets": per_target,
        "unsupported_sites": totals.constructs.values().map(|v| v.0).sum::<u64>(),
        "construct_kinds": totals.constructs.len(),
        "constructs": constructs_json(&totals.constructs),
        "panics": totals.panics.iter().map(|p| json!({
            "file": p.file.display().to_string(),
            "phase": p.phase,
            "message": p.message,
        })).collect::<Vec<_>>(),
        "peak_rss_kib": peak_rss_kib(),
        "slowest": totals.slowest.iter().map(|f| json!({
            "file": f.file.display().to_string(),
            "lines": f.lines,
            "parse_cpu_s": f.parse,
            "lower_cpu_s": f.lower,
            "translate_all_targets_cpu_s": f.translate,
        })).collect::<Vec<_>>(),
    })
}
