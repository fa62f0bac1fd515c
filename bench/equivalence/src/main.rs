//! bench/equivalence: cases per second of the equivalence checker on one simple numeric function
//! (`clamp`, in `fixtures/`) for every language pair, with persistent harnesses and with a fresh
//! harness process per case, measured side by side in one run. Only the check is timed (the
//! harnesses' compilation is not); the persistent time includes starting each harness once.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser;
use ferry_equivalence::{verify, Options, Program, Verdict};
use ferry_ir::Language;
use serde_json::{json, Value as Json};

#[derive(Parser)]
#[command(about = "Throughput of ferry verify: persistent harnesses against a process per case")]
struct Args {
    /// Cases per pair with persistent harnesses.
    #[arg(long, default_value_t = 5000)]
    cases: u32,
    /// Cases per pair with a fresh process per case.
    #[arg(long, default_value_t = 20)]
    fresh_cases: u32,
    /// Pairs to measure, e.g. `python:go,java:java` (default: all nine).
    #[arg(long, value_delimiter = ',')]
    pairs: Vec<String>,
    /// Where the JSON results go.
    #[arg(long, default_value = "bench/results/equivalence.json")]
    out: PathBuf,
}

/// A measured run: cases and seconds of the check.
struct Run {
    cases: u32,
    seconds: f64,
    verdict: String,
}

impl Run {
    fn rate(&self) -> f64 {
        f64::from(self.cases) / self.seconds.max(1e-9)
    }

    fn to_json(&self) -> Json {
        json!({
            "cases": self.cases,
            "seconds": (self.seconds * 1000.0).round() / 1000.0,
            "cases_per_second": self.rate().round(),
            "verdict": self.verdict,
        })
    }
}

fn fixture(language: Language) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    dir.join(match language {
        Language::Python => "clamp.py",
        Language::Go => "clamp.go",
        Language::Java => "Clamp.java",
    })
}

fn lower(language: Language) -> Result<ferry_ir::Module, String> {
    let path = fixture(language);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("clamp");
    Ok(ferry_frontends::lower(language, stem, &text).module)
}

fn measure(from: Language, to: Language, cases: u32, fresh: bool) -> Result<Run, String> {
    let (original, translation) = (lower(from)?, lower(to)?);
    let (original_path, translation_path) = (fixture(from), fixture(to));
    let mut options = Options {
        process_per_case: fresh,
        ..Options::default()
    };
    options.check.cases = cases;
    options.check.function_budget = std::time::Duration::from_secs(600);
    let started = Instant::now();
    let report = verify(
        &Program {
            path: &original_path,
            language: from,
            module: &original,
        },
        &Program {
            path: &translation_path,
            language: to,
            module: &translation,
        },
        &options,
    )
    .map_err(|e| format!("{e:?}"))?;
    let total = started.elapsed().as_secs_f64();
    let f = report
        .functions
        .first()
        .ok_or_else(|| "no function checked".to_string())?;
    let cases = match f.verdict {
        Verdict::Equivalent { cases } => cases,
        _ => 0,
    };
    eprintln!(
        "  {from}:{to} {}: {} ({:.2} s check, {:.2} s with compiling)",
        if fresh {
            "process per case"
        } else {
            "persistent"
        },
        f.verdict.name(),
        f.seconds,
        total
    );
    Ok(Run {
        cases,
        seconds: f.seconds,
        verdict: f.verdict.name().to_string(),
    })
}

fn pairs(spec: &[String]) -> Result<Vec<(Language, Language)>, String> {
    if spec.is_empty() {
        return Ok(Language::ALL
            .into_iter()
            .flat_map(|a| Language::ALL.into_iter().map(move |b| (a, b)))
            .collect());
    }
    spec.iter()
        .map(|p| {
            let (a, b) = p
                .split_once(':')
                .ok_or_else(|| format!("a pair is FROM:TO, got `{p}`"))?;
            Ok((a.parse()?, b.parse()?))
        })
        .collect()
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let pairs = match pairs(&args.pairs) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("bench/equivalence: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut results = Vec::new();
    println!(
        "{:<14} {:>12} {:>16} {:>9}",
        "pair", "persistent/s", "process-per-case/s", "speedup"
    );
    for (from, to) in pairs {
        let measured = measure(from, to, args.cases, false)
            .and_then(|p| Ok((p, measure(from, to, args.fresh_cases, true)?)));
        let (persistent, fresh) = match measured {
            Ok(runs) => runs,
            Err(e) => {
                eprintln!("bench/equivalence: {from}:{to}: {e}");
                return std::process::ExitCode::from(3);
            }
        };
        let speedup = persistent.rate() / fresh.rate().max(1e-9);
        println!(
            "{:<14} {:>12.0} {:>16.1} {:>8.0}x",
            format!("{from}:{to}"),
            persistent.rate(),
            fresh.rate(),
            speedup
        );
        results.push(json!({
            "pair": format!("{from}:{to}"),
            "persistent": persistent.to_json(),
            "process_per_case": fresh.to_json(),
            "speedup": (speedup * 10.0).round() / 10.0,
        }));
    }
    let report = json!({
        "benchmark": "equivalence throughput: clamp(x, lo, hi) checked on generated inputs",
        "command": "bench/equivalence/run",
        "cpus": std::thread::available_parallelism().map_or(0, std::num::NonZero::get),
        "pairs": results,
    });
    if let Err(e) = std::fs::write(&args.out, format!("{report:#}\n")) {
        eprintln!(
            "bench/equivalence: cannot write {}: {e}",
            args.out.display()
        );
        return std::process::ExitCode::from(2);
    }
    std::process::ExitCode::SUCCESS
}
