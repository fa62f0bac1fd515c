//! `ferry verify ORIGINAL TRANSLATION`: runs both on generated inputs and reports, per function
//! and per class (sequences of method calls on constructed objects), whether they agree (see
//! DESIGN.md, "Equivalence").
//!
//! Exit codes: `0` every function passed; `1` findings (a counterexample, an inconclusive check,
//! an unsupported signature, a missing function, a side that does not compile); `2` usage or input
//! error; `3` a toolchain the check needs is not installed (named in the message).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};
use ferry_equivalence::{verify, Options, Program, Report, VerifyError};
use ferry_ir::Severity;

use super::{read_source, source_language, Fatal, EXIT_FINDINGS};

/// Exit code: a needed toolchain is missing.
const EXIT_ENVIRONMENT: u8 = 3;

/// Generated cases per function unless `--cases` says otherwise.
const DEFAULT_CASES: u32 = 256;
/// Wall time of one call on each side unless `--timeout-ms` says otherwise.
const DEFAULT_TIMEOUT_MS: u64 = 2000;
/// Method calls after the constructor in one case of a class unless `--max-calls` says otherwise.
const DEFAULT_MAX_CALLS: usize = 8;

/// Arguments of `ferry verify`.
#[derive(Args)]
pub(super) struct VerifyArgs {
    /// The original source file.
    original: String,
    /// Its translation.
    translation: String,
    /// Generated cases per function.
    #[arg(long, default_value_t = DEFAULT_CASES)]
    cases: u32,
    /// Seed of the input generator: the same seed gives the same inputs and counterexamples.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Wall time one call may take on each side, in milliseconds.
    #[arg(long, default_value_t = DEFAULT_TIMEOUT_MS)]
    timeout_ms: u64,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Pair the original's ORIG with the translation's TRANS instead of by name (repeatable).
    #[arg(long = "function", value_name = "ORIG=TRANS")]
    functions: Vec<String>,
    /// Count divergences that only integer overflow explains as counterexamples.
    #[arg(long)]
    strict: bool,
    /// The most method calls in one case of a class, after its constructor.
    #[arg(long, default_value_t = DEFAULT_MAX_CALLS)]
    max_calls: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Junit,
}

/// Reads and lowers one side; syntax errors are shown (the harness will report the rest).
fn lower(path: &str) -> Result<(ferry_ir::Language, ferry_ir::Module), Fatal> {
    let language = source_language(path, None).map_err(|_| {
        Fatal::input(format!(
            "cannot tell the language of `{path}` from its extension (.java, .py or .go)"
        ))
    })?;
    let file = read_source(path)?;
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("unit");
    let lowered = ferry_frontends::lower(language, stem, &file.text);
    for d in lowered
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        eprint!("{}", d.render(&file));
    }
    Ok((language, lowered.module))
}

fn parse_pair(spec: &str) -> Result<(String, String), Fatal> {
    match spec.split_once('=') {
        Some((o, t)) if !o.is_empty() && !t.is_empty() => Ok((o.to_string(), t.to_string())),
        _ => Err(Fatal::input(format!(
            "--function expects ORIG=TRANS, got `{spec}`"
        ))),
    }
}

/// The checker's options for the given settings (`ferry translate --verify` uses the defaults).
fn options(
    cases: u32,
    seed: u64,
    timeout_ms: u64,
    strict: bool,
    max_calls: usize,
    functions: Vec<(String, String)>,
) -> Options {
    let mut options = Options {
        functions,
        ..Options::default()
    };
    options.check.cases = cases.max(1);
    options.check.seed = seed;
    options.check.case_timeout = Duration::from_millis(timeout_ms.max(1));
    options.check.strict_overflow = strict;
    options.check.max_calls = max_calls;
    options
}

/// Lowers both files and checks every function of `original` against `translation`.
fn check(original: &str, translation: &str, options: &Options) -> Result<Report, Fatal> {
    let (original_language, original_module) = lower(original)?;
    let (translation_language, translation_module) = lower(translation)?;
    verify(
        &Program {
            path: Path::new(original),
            language: original_language,
            module: &original_module,
        },
        &Program {
            path: Path::new(translation),
            language: translation_language,
            module: &translation_module,
        },
        options,
    )
    .map_err(|e| match e {
        VerifyError::Usage(message) => Fatal::input(message),
        VerifyError::MissingTool { tool, language } => Fatal {
            message: format!("`{tool}` is not installed (needed to run the {language} side)"),
            code: EXIT_ENVIRONMENT,
        },
    })
}

/// `ferry translate --verify`: checks the file just written against its source with the default
/// settings of `ferry verify` and prints the text report. Returns `0` if every function passed,
/// else `1`.
pub(super) fn after_translation(source: &str, translation: &Path) -> Result<u8, Fatal> {
    let options = options(
        DEFAULT_CASES,
        0,
        DEFAULT_TIMEOUT_MS,
        false,
        DEFAULT_MAX_CALLS,
        Vec::new(),
    );
    let report = check(source, &translation.display().to_string(), &options)?;
    let _ = std::io::stdout()
        .lock()
        .write_all(report.to_text().as_bytes());
    Ok(if report.passed() { 0 } else { EXIT_FINDINGS })
}

/// Runs the check and writes the report.
pub(super) fn run(args: &VerifyArgs) -> Result<u8, Fatal> {
    let functions = args
        .functions
        .iter()
        .map(|s| parse_pair(s))
        .collect::<Result<_, _>>()?;
    let options = options(
        args.cases,
        args.seed,
        args.timeout_ms,
        args.strict,
        args.max_calls,
        functions,
    );
    let report = check(&args.original, &args.translation, &options)?;
    let text = match args.format {
        Format::Text => report.to_text(),
        Format::Json => format!("{:#}\n", report.to_json()),
        Format::Junit => report.to_junit(),
    };
    match &args.output {
        Some(path) => std::fs::write(path, &text)
            .map_err(|e| Fatal::input(format!("cannot write `{}`: {e}", path.display())))?,
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    Ok(if report.passed() { 0 } else { EXIT_FINDINGS })
}
