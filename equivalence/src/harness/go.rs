//! The Go harness: the unit is copied into a scratch `main` package (its own `main` renamed away)
//! beside a generated driver holding a table of the functions under test (and of the classes:
//! their `NewT` function or struct type, and their methods as method expressions), and built
//! once.

use std::path::Path;
use std::process::Command;

use super::{Limits, PrepareError, Unit};
use crate::runner::{build, find_program, Launch};

const DRIVER: &str = include_str!("driver.go.txt");

/// The unit's source as a file of package `main` whose own entry point no longer collides with
/// the driver's.
fn as_main_package(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut seen_package = false;
    for line in source.lines() {
        if !seen_package && line.starts_with("package ") {
            out.push_str("package main");
            seen_package = true;
        } else if let Some(rest) = line.strip_prefix("func main()") {
            out.push_str("func ferryHarnessUserMain()");
            out.push_str(rest);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// The installed toolchain's language version (`1.26` for go1.26.8), so the unit may use every
/// feature the toolchain has (range over int needs 1.22); `1.21` if it cannot be asked.
fn language_version(go: &Path) -> String {
    Command::new(go)
        .args(["env", "GOVERSION"])
        .env("GOTOOLCHAIN", "local")
        .output()
        .ok()
        .and_then(|out| {
            let text = String::from_utf8_lossy(&out.stdout);
            let version = text.trim().strip_prefix("go")?;
            let mut parts = version.split('.');
            let (major, minor) = (parts.next()?, parts.next()?);
            let minor: String = minor.chars().take_while(char::is_ascii_digit).collect();
            Some(format!("{major}.{minor}"))
        })
        .unwrap_or_else(|| "1.21".to_string())
}

pub(super) fn prepare(
    unit: &Unit<'_>,
    source: &str,
    dir: &Path,
    limits: Limits,
) -> Result<Launch, PrepareError> {
    let io = |e: std::io::Error| PrepareError(format!("cannot set up the Go harness: {e}"));
    let go = find_program("go").unwrap_or_else(|| "go".into());
    let table: String = unit
        .functions
        .iter()
        .map(|name| format!("\"{name}\": {name},\n\t"))
        .collect();
    let classes: String = unit
        .classes
        .iter()
        .map(|class| {
            let name = &class.name;
            let methods: String = class
                .methods
                .iter()
                .map(|m| format!("\"{m}\": (*{name}).{m}, "))
                .collect();
            format!(
                "\"{name}\": {{make: {}, literal: reflect.TypeOf((*{name})(nil)).Elem(), methods: map[string]any{{{methods}}}}},\n\t",
                class.constructor.as_deref().unwrap_or("nil")
            )
        })
        .collect();
    std::fs::write(
        dir.join("go.mod"),
        format!("module ferryharness\n\ngo {}\n", language_version(&go)),
    )
    .map_err(io)?;
    std::fs::write(dir.join("unit.go"), as_main_package(source)).map_err(io)?;
    std::fs::write(
        dir.join("ferry_harness.go"),
        DRIVER
            .replace("/*FERRY_FUNCTIONS*/", &table)
            .replace("/*FERRY_CLASSES*/", &classes),
    )
    .map_err(io)?;
    build(
        Command::new(&go)
            .args(["build", "-o", "harness", "."])
            .current_dir(dir)
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "-mod=mod")
            .env("CGO_ENABLED", "0"),
    )
    .map_err(PrepareError)?;
    Ok(Launch {
        program: dir.join("harness"),
        args: Vec::new(),
        dir: dir.to_path_buf(),
        env: vec![
            ("GOMAXPROCS".into(), "2".into()),
            // A fatal error (out of memory, stack overflow) prints its message, not every stack.
            ("GOTRACEBACK".into(), "none".into()),
        ],
        address_space: Some(limits.memory_bytes),
        cpu_seconds: limits.cpu_seconds,
    })
}
