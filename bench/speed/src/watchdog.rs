//! Ending a measurement that hangs on one file, naming the file, instead of running forever.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Longer than any file takes by orders of magnitude (the slowest take well under a second).
const LIMIT: Duration = Duration::from_secs(120);

/// The file being measured and since when.
#[derive(Clone, Default)]
pub(crate) struct Watchdog {
    current: Arc<Mutex<Option<(PathBuf, Instant)>>>,
}

impl Watchdog {
    /// Starts a thread that exits the process (status 3) when one file takes longer than
    /// [`LIMIT`]; the measuring thread itself stays single.
    pub(crate) fn start() -> Watchdog {
        let watchdog = Watchdog::default();
        let watched = watchdog.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let Ok(current) = watched.current.lock() else {
                return;
            };
            if let Some((path, since)) = current.as_ref() {
                if since.elapsed() > LIMIT {
                    eprintln!(
                        "HANG: {} has been translating for over {} s; stopping",
                        path.display(),
                        LIMIT.as_secs()
                    );
                    std::process::exit(3);
                }
            }
        });
        watchdog
    }

    /// Records that measuring `path` starts now.
    pub(crate) fn file(&self, path: &Path) {
        if let Ok(mut current) = self.current.lock() {
            *current = Some((path.to_path_buf(), Instant::now()));
        }
    }
}
