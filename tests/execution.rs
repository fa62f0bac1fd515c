//! Execution tests: every sample is translated into both other languages, built and run with the
//! real toolchain, and its standard output compared with the original's.
//!
//! `FERRY_DIRECTIONS=java:python,go:java` limits the directions and `FERRY_SAMPLE=name` the samples
//! (substring of the file stem) while iterating on one construct.

mod support;

use std::path::PathBuf;

use ferry_ir::Language;
use support::{require_toolchains, run_program, sample_files, translate_to_dir, Outcome};

#[test]
fn samples_run_the_same_after_translation() {
    require_toolchains();
    let directions = support::directions_from_env();
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("execution");
    let _ = std::fs::remove_dir_all(&work);
    let mut failures = Vec::new();
    let mut checked = 0;
    for from in Language::ALL {
        let targets: Vec<Language> =
            Language::ALL.into_iter().filter(|to| directions.contains(&(from, *to))).collect();
        if targets.is_empty() {
            continue;
        }
        for sample in sample_files(from) {
            let stem = sample.file_stem().unwrap().to_string_lossy().to_string();
            let original_dir = work.join(format!("{}-orig-{stem}", from.name()));
            let expected = match run_program(from, &sample, &original_dir) {
                Outcome::Ran(out) => out,
                other => {
                    failures.push(format!("{}: original does not run: {other:?}", sample.display()));
                    continue;
                }
            };
            for &to in &targets {
                checked += 1;
                let dir = work.join(format!("{}-{}-{stem}", from.name(), to.name()));
                let label = format!("{} -> {}", sample.display(), to.name());
                let translated = match translate_to_dir(&sample, to, &dir) {
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
    assert!(checked > 0, "no sample was checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} translations failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
