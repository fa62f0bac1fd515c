//! Timing one call: the calling thread's CPU time (robust when other processes share the cores)
//! and wall-clock time, plus the process's peak resident memory.

use std::ops::AddAssign;
use std::time::Instant;

/// Seconds spent in one or more calls.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Seconds {
    /// CPU time of the measuring thread.
    pub(crate) cpu: f64,
    /// Elapsed wall-clock time.
    pub(crate) wall: f64,
}

impl AddAssign for Seconds {
    fn add_assign(&mut self, other: Seconds) {
        self.cpu += other.cpu;
        self.wall += other.wall;
    }
}

/// Runs `f` and returns its result with the time it took.
pub(crate) fn timed<T>(f: impl FnOnce() -> T) -> (T, Seconds) {
    let cpu_start = thread_cpu();
    let wall_start = Instant::now();
    let value = f();
    let wall = wall_start.elapsed().as_secs_f64();
    let cpu = thread_cpu() - cpu_start;
    (value, Seconds { cpu, wall })
}

/// CPU seconds consumed by the calling thread so far.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant the kernel knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0.0;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// The peak resident set size of this process so far, in KiB (`getrusage`'s `ru_maxrss`).
pub(crate) fn peak_rss_kib() -> u64 {
    // SAFETY: an all-zero `rusage` is a valid value for the kernel to overwrite.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    if rc != 0 {
        return 0;
    }
    u64::try_from(usage.ru_maxrss).unwrap_or(0)
}
