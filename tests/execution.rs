//! Execution tests: every sample is translated into both other languages, built and run with the
//! real toolchain, and its standard output compared with the original's.
//!
//! The snapshot fixtures (`tests/fixtures/<src>_to_<dst>/`) are run the same way for their pair.
//!
//! `FERRY_DIRECTIONS=java:python,go:java` limits the directions and `FERRY_SAMPLE=name` the samples
//! (substring of the file stem) while iterating on one construct.

mod support;

use std::path::PathBuf;

use ferry_ir::Language;
use support::{require_toolchains, run_program, sample_files, translate_to_dir, Outcome};

#[test]
fn samples_run_the_same_after_translation() {
    let directions = support::directions_from_env();
    let jobs: Vec<(Language, Vec<Language>, Vec<PathBuf>)> = Language::ALL
        .into_iter()
        .map(|from| {
            let targets = Language::ALL
                .into_iter()
                .filter(|to| directions.contains(&(from, *to)))
                .collect();
            (from, targets, sample_files(from))
        })
        .collect();
    check_translations("samples", &jobs);
}

#[test]
fn fixtures_run_the_same_after_translation() {
    let directions = support::directions_from_env();
    let fixtures = support::root().join("tests").join("fixtures");
    let jobs: Vec<(Language, Vec<Language>, Vec<PathBuf>)> = directions
        .into_iter()
        .map(|(from, to)| {
            let dir = fixtures.join(format!("{}_to_{}", from.name(), to.name()));
            (from, vec![to], support::program_files(&dir, from))
        })
        .collect();
    check_translations("fixtures", &jobs);
}

/// Runs each program of each job in its source language and after translation into each target,
/// and fails listing every translation whose output differs.
fn check_translations(name: &str, jobs: &[(Language, Vec<Language>, Vec<PathBuf>)]) {
    require_toolchains();
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("execution")
        .join(name);
    let _ = std::fs::remove_dir_all(&work);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (from, targets, programs) in jobs {
        let (from, targets) = (*from, targets.clone());
        if targets.is_empty() {
            continue;
        }
        for sample in programs {
            let stem = sample.file_stem().unwrap().to_string_lossy().to_string();
            let original_dir = work.join(format!("{}-orig-{stem}", from.name()));
            let expected = match run_program(from, sample, &original_dir) {
                Outcome::Ran(out) => out,
                other => {
                    failures.push(format!(
                        "{}: original does not run: {other:?}",
                        sample.display()
                    ));
                    continue;
                }
            };
            for &to in &targets {
                checked += 1;
                let dir = work.join(format!("{}-{}-{stem}", from.name(), to.name()));
                let label = format!("{} -> {}", sample.display(), to.name());
                let translated = match translate_to_dir(sample, to, &dir) {
                    Ok(path) => path,
                    Err(e) => {
                        failures.push(format!("{label}: translation failed:\n{e}"));
                        continue;
                    }
                };
                if let Some(diff) = support::gofmt_diff(to, &translated) {
                    failures.push(format!("{label}: not gofmt-formatted:\n{diff}"));
                }
                match run_program(to, &translated, &dir) {
                    Outcome::Ran(actual) if actual == expected => {}
                    Outcome::Ran(actual) => failures.push(format!(
                        "{label}: output differs\n{}",
                        support::first_difference(&expected, &actual)
                    )),
                    other => failures.push(format!("{label}: {other:?}")),
                }
            }
        }
    }
    let filtered = std::env::var_os("FERRY_SAMPLE").is_some()
        || std::env::var_os("FERRY_DIRECTIONS").is_some();
    assert!(checked > 0 || filtered, "no {name} program was checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} translations failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
