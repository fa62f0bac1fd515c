//! Shared helpers of the end-to-end tests: sample discovery, running ferry, and building and running
//! programs with the real toolchains.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ferry_backends::naming::{pascal_case, snake_case};
use ferry_ir::Language;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `ferry` binary under test.
pub fn ferry() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ferry"))
}

/// Fails the test, naming every toolchain that is missing.
pub fn require_toolchains() {
    let missing: Vec<&str> = [
        ("go", "version"),
        ("gofmt", "-l"),
        ("javac", "-version"),
        ("java", "-version"),
        ("python3", "--version"),
    ]
    .into_iter()
    .filter(|(tool, arg)| {
        let out = Command::new(tool)
            .arg(arg)
            .stdin(std::process::Stdio::null())
            .output();
        out.map_or(true, |o| !o.status.success())
    })
    .map(|(tool, _)| tool)
    .collect();
    assert!(
        missing.is_empty(),
        "missing toolchains: {} (install them to run these tests)",
        missing.join(", ")
    );
}

/// The sample programs of a language, sorted, filtered by `FERRY_SAMPLE` if set.
pub fn sample_files(lang: Language) -> Vec<PathBuf> {
    program_files(&root().join("samples").join(lang.name()), lang)
}

/// The programs of a language in `dir`, sorted, filtered by `FERRY_SAMPLE` if set.
pub fn program_files(dir: &Path, lang: Language) -> Vec<PathBuf> {
    let filter = std::env::var("FERRY_SAMPLE").ok();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().and_then(|e| e.to_str()) == Some(lang.extension()));
    if let Some(f) = filter {
        files.retain(|p| {
            p.file_stem()
                .is_some_and(|s| s.to_string_lossy().contains(&f))
        });
    }
    files.sort();
    files
}

/// The directions to test: `FERRY_DIRECTIONS=java:python,go:java`, or all six.
pub fn directions_from_env() -> Vec<(Language, Language)> {
    let all: Vec<(Language, Language)> = Language::ALL
        .into_iter()
        .flat_map(|a| {
            Language::ALL
                .into_iter()
                .filter(move |b| *b != a)
                .map(move |b| (a, b))
        })
        .collect();
    match std::env::var("FERRY_DIRECTIONS") {
        Ok(spec) if !spec.trim().is_empty() => spec
            .split(',')
            .filter_map(|pair| {
                let (a, b) = pair.split_once(':')?;
                Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
            })
            .collect(),
        _ => all,
    }
}

/// The conventional file name of a program called `stem` in `lang`.
pub fn file_name(lang: Language, stem: &str) -> String {
    match lang {
        Language::Java => format!("{}.java", pascal_case(stem)),
        Language::Python => format!("{}.py", snake_case(stem)),
        Language::Go => format!("{}.go", snake_case(stem)),
    }
}

/// Translates `sample` into `to`, writing the result into `dir`; returns its path, or the
/// diagnostics and exit code when ferry did not succeed.
pub fn translate_to_dir(sample: &Path, to: Language, dir: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let stem = sample.file_stem().unwrap().to_string_lossy();
    let out = dir.join(file_name(to, &stem));
    let result = ferry()
        .args(["translate"])
        .arg(sample)
        .args(["--to", to.name(), "-o"])
        .arg(&out)
        .output()
        .map_err(|e| e.to_string())?;
    if result.status.success() {
        Ok(out)
    } else {
        Err(format!(
            "exit {:?}\n{}",
            result.status.code(),
            String::from_utf8_lossy(&result.stderr)
        ))
    }
}

/// What running a program gave.
#[derive(Debug)]
pub enum Outcome {
    Ran(String),
    BuildFailed(String),
    Crashed { stdout: String, stderr: String },
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

/// Builds (where needed) and runs a program, with `dir` as scratch space.
pub fn run_program(lang: Language, file: &Path, dir: &Path) -> Outcome {
    std::fs::create_dir_all(dir).unwrap();
    let output = match lang {
        Language::Python => run(Command::new("python3").arg(file)),
        Language::Go => {
            let build = run(Command::new("go")
                .arg("build")
                .arg("-o")
                .arg(dir.join("prog"))
                .arg(file));
            if !build.status.success() {
                return Outcome::BuildFailed(text(&build.stderr));
            }
            run(&mut Command::new(dir.join("prog")))
        }
        Language::Java => {
            let classes = dir.join("classes");
            let build = run(Command::new("javac").arg("-d").arg(&classes).arg(file));
            if !build.status.success() {
                return Outcome::BuildFailed(text(&build.stderr));
            }
            let class = file.file_stem().unwrap().to_string_lossy().to_string();
            run(Command::new("java").arg("-cp").arg(&classes).arg(class))
        }
    };
    if output.status.success() {
        Outcome::Ran(text(&output.stdout))
    } else {
        Outcome::Crashed {
            stdout: text(&output.stdout),
            stderr: text(&output.stderr),
        }
    }
}

/// The first line where two outputs differ, for failure messages.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            return format!("line {}:\n  expected: {x:?}\n  actual:   {y:?}", i + 1);
        }
    }
    "outputs differ only in trailing newlines".to_string()
}

/// For Go output, the diff `gofmt -d` shows (`None` when the file is formatted or not Go).
pub fn gofmt_diff(lang: Language, file: &Path) -> Option<String> {
    if lang != Language::Go {
        return None;
    }
    let out = run(Command::new("gofmt").arg("-d").arg(file));
    let diff = text(&out.stdout);
    (!diff.trim().is_empty() || !out.status.success())
        .then(|| format!("{diff}{}", text(&out.stderr)))
}
