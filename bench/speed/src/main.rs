//! `ferry-bench-speed`: translation throughput against tree-sitter parsing alone, on large real
//! corpora (see README.md). Each corpus is measured in its own child process, single-threaded, so
//! that its peak memory is its own.

/// The allocator of the `ferry` binary, so that the timings are those of the shipped command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod clock;
mod constructs;
mod corpus;
mod measure;
mod panics;
mod report;
mod watchdog;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use clap::Parser;
use ferry_ir::Language;
use serde_json::{json, Value};

#[derive(Parser)]
#[command(about = "Translation throughput against tree-sitter parsing alone")]
struct Args {
    /// Python corpus: a directory searched for `.py` files.
    #[arg(long)]
    python: Option<PathBuf>,
    /// Go corpus: a directory searched for `.go` files.
    #[arg(long)]
    go: Option<PathBuf>,
    /// Java corpus: a directory searched for `.java` files.
    #[arg(long)]
    java: Option<PathBuf>,
    /// A corpus that could not be found, with the reason; recorded in the report (repeatable).
    #[arg(long)]
    missing: Vec<String>,
    /// Write the JSON report here.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also measure files under `testdata` directories.
    #[arg(long)]
    keep_testdata: bool,
    /// Only the first N files of each corpus (sorted by path), for quick checks.
    #[arg(long)]
    limit: Option<usize>,
    /// Print each file's path to stderr before measuring it.
    #[arg(long)]
    trace: bool,
    /// Internal: measure only this language's corpus and print its JSON report.
    #[arg(long, hide = true)]
    child: Option<String>,
}

impl Args {
    /// The corpora given, in a stable order.
    fn corpora(&self) -> Vec<(Language, &Path)> {
        [
            (Language::Python, &self.python),
            (Language::Go, &self.go),
            (Language::Java, &self.java),
        ]
        .into_iter()
        .filter_map(|(l, p)| p.as_deref().map(|p| (l, p)))
        .collect()
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(language) = &args.child {
        return run_child(&args, language);
    }
    let mut missing = args.missing.clone();
    let mut corpora = Vec::new();
    for (language, root) in args.corpora() {
        if !root.is_dir() {
            missing.push(format!("{language}: {} is not a directory", root.display()));
            continue;
        }
        eprintln!("measuring {language}: {}", root.display());
        match spawn_child(&args, language, root) {
            Ok(report) => corpora.push(report),
            Err(e) => missing.push(format!("{language}: measurement failed: {e}")),
        }
    }
    report::print(&corpora, &missing);
    if let Some(out) = &args.out {
        let json = json!({
            "single_threaded": true,
            "time": "thread CPU seconds; wall seconds beside them",
            "max_ratio": report::MAX_RATIO,
            "corpora": corpora,
            "missing": missing,
        });
        let text = serde_json::to_string_pretty(&json).unwrap_or_default() + "\n";
        if let Err(e) = std::fs::write(out, text) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    let panics: usize = corpora
        .iter()
        .map(|c| c["panics"].as_array().map_or(0, Vec::len))
        .sum();
    let silent_stubs: u64 = corpora
        .iter()
        .filter_map(|c| c["targets"].as_object())
        .flat_map(|targets| targets.values())
        .filter_map(|t| t["files_with_stubs_without_diagnostic"].as_u64())
        .sum();
    if panics > 0 || silent_stubs > 0 || corpora.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Measures one corpus in a child process (this executable with `--child`) and reads its report.
fn spawn_child(args: &Args, language: Language, root: &Path) -> Result<Value, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut command = Command::new(exe);
    command
        .arg("--child")
        .arg(language.name())
        .arg(format!("--{}", language.name()))
        .arg(root);
    if args.keep_testdata {
        command.arg("--keep-testdata");
    }
    if args.trace {
        command.arg("--trace");
    }
    if let Some(limit) = args.limit {
        command.arg("--limit").arg(limit.to_string());
    }
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!(
            "the measuring process crashed ({}); rerun with --trace to see the last file",
            output.status
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("unreadable report: {e}"))
}

/// Child mode: measures one corpus and prints its report as JSON.
fn run_child(args: &Args, language: &str) -> ExitCode {
    let Ok(language) = language.parse::<Language>() else {
        eprintln!("unknown language `{language}`");
        return ExitCode::from(2);
    };
    let Some((_, root)) = args.corpora().into_iter().find(|(l, _)| *l == language) else {
        eprintln!("no corpus given for {language}");
        return ExitCode::from(2);
    };
    panics::install_hook();
    let report = measure::measure(&measure::Corpus {
        language,
        root,
        keep_testdata: args.keep_testdata,
        limit: args.limit,
        trace: args.trace,
    });
    println!("{report}");
    ExitCode::SUCCESS
}
