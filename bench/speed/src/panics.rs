//! Catching panics per call and keeping their messages, so one crashing file is reported by name
//! instead of ending the run.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

/// The message and location of the last panic, set by the hook installed in [`install_hook`].
static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Replaces the default panic hook (which prints to stderr) with one that records the message.
pub(crate) fn install_hook() {
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic with a non-text payload".to_string());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST.lock() {
            *last = Some(format!("{message}{location}"));
        }
    }));
}

/// Runs `f`; a panic becomes `Err` with its message.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        LAST.lock()
            .ok()
            .and_then(|mut last| last.take())
            .unwrap_or_else(|| "panic".to_string())
    })
}
