//! The Java harness: the unit is compiled once beside `FerryHarness`, which finds its static
//! methods by reflection and decodes arguments by their declared (generic) parameter types.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{stem, Limits, PrepareError, Unit};
use crate::runner::{build, find_program, Launch};

const DRIVER: &str = include_str!("FerryHarness.java.txt");

/// Top-level classes compiled into `classes` (package directories become package names).
fn top_level_classes(classes: &Path, package: &str, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(classes) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let qualified = |n: &str| {
            if package.is_empty() {
                n.to_string()
            } else {
                format!("{package}.{n}")
            }
        };
        if path.is_dir() {
            top_level_classes(&path, &qualified(&name), out);
        } else if let Some(class) = name.strip_suffix(".class") {
            if !class.contains('$') && class != "FerryHarness" {
                out.push(qualified(class));
            }
        }
    }
}

pub(super) fn prepare(
    unit: &Unit<'_>,
    source: &str,
    dir: &Path,
    limits: Limits,
) -> Result<Launch, PrepareError> {
    let io = |e: std::io::Error| PrepareError(format!("cannot set up the Java harness: {e}"));
    let src = dir.join("src");
    let classes = dir.join("classes");
    std::fs::create_dir_all(&src).map_err(io)?;
    std::fs::create_dir_all(&classes).map_err(io)?;
    let unit_file = src.join(format!("{}.java", stem(unit.path)));
    std::fs::write(&unit_file, source).map_err(io)?;
    let driver_file = src.join("FerryHarness.java");
    std::fs::write(&driver_file, DRIVER).map_err(io)?;
    let javac = find_program("javac").unwrap_or_else(|| "javac".into());
    build(
        Command::new(javac)
            .args(["-nowarn", "-encoding", "UTF-8", "-d"])
            .arg(&classes)
            .arg(&unit_file)
            .arg(&driver_file)
            .current_dir(dir),
    )
    .map_err(PrepareError)?;
    let mut names = Vec::new();
    top_level_classes(&classes, "", &mut names);
    // The class named after the file first: its methods win a name clash with other classes'.
    let main_class = stem(unit.path);
    names.sort_by_key(|n| (n.rsplit('.').next() != Some(main_class.as_str()), n.clone()));
    let heap_mib = (limits.memory_bytes >> 20).max(64);
    let mut args = vec![
        format!("-Xmx{heap_mib}m"),
        "-Xss16m".into(),
        "-XX:+UseSerialGC".into(),
        "-XX:-UsePerfData".into(),
        "-cp".into(),
        classes.to_string_lossy().into_owned(),
        "FerryHarness".into(),
    ];
    args.extend(names);
    Ok(Launch {
        program: find_program("java").unwrap_or_else(|| PathBuf::from("java")),
        args,
        dir: dir.to_path_buf(),
        env: Vec::new(),
        // The JVM reserves far more address space than it uses; -Xmx bounds its heap instead.
        address_space: None,
        cpu_seconds: limits.cpu_seconds,
    })
}
