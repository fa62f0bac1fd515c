//! The Python harness: `driver.py` imports the unit by path and calls its functions by name.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{stem, Limits, Unit};
use crate::runner::{find_program, Launch};

const DRIVER: &str = include_str!("driver.py");

/// The interpreter `python3` on `PATH` really is: version-manager shims (pyenv) cost a shell
/// script per start, which a harness restarted after a timeout should not pay.
fn interpreter() -> PathBuf {
    let named = find_program("python3").unwrap_or_else(|| "python3".into());
    Command::new(&named)
        .args(["-c", "import sys; print(sys.executable)"])
        .stdin(Stdio::null())
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
        .filter(|path| path.is_file())
        .unwrap_or(named)
}

pub(super) fn prepare(
    unit: &Unit<'_>,
    source: &str,
    dir: &Path,
    limits: Limits,
) -> io::Result<Launch> {
    let module = dir.join(format!("{}.py", stem(unit.path)));
    std::fs::write(&module, source)?;
    let driver = dir.join("ferry_harness.py");
    std::fs::write(&driver, DRIVER)?;
    Ok(Launch {
        program: interpreter(),
        args: vec![
            driver.to_string_lossy().into_owned(),
            module.to_string_lossy().into_owned(),
        ],
        dir: dir.to_path_buf(),
        env: vec![
            ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
            ("PYTHONUTF8".into(), "1".into()),
            ("PYTHONHASHSEED".into(), "0".into()),
            // The unit's own imports of its sibling modules.
            (
                "PYTHONPATH".into(),
                std::fs::canonicalize(unit.path)
                    .ok()
                    .and_then(|p| p.parent().map(|p| p.to_string_lossy().into_owned()))
                    .unwrap_or_default(),
            ),
        ],
        address_space: Some(limits.memory_bytes),
        cpu_seconds: limits.cpu_seconds,
    })
}
