//! Starting untrusted code: harness processes with limits, timeouts and no network.
//!
//! Each process runs in its own process group (killed as a whole on timeout or drop, and by the
//! kernel if ferry dies), in a scratch directory, with CPU-time, address-space, file-size and
//! core-dump limits set through `setrlimit` before `exec`, and in a fresh network namespace
//! through `unshare -n` where the kernel allows it (detected once per run; when it does not,
//! [`Sandbox::network`] says so and the report prints it). Replies are read on a thread, so a hung
//! process never blocks ferry.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::OnceLock;
use std::thread;
use std::time::Instant;

/// How harness processes are isolated on this machine.
#[derive(Debug, Clone)]
pub struct Sandbox {
    /// The command that runs a program in a fresh network namespace, if any works here.
    prefix: Vec<String>,
    /// What the report says about network isolation.
    pub network: String,
}

impl Sandbox {
    /// Detects once whether `unshare` can give processes their own network namespace.
    pub fn detect() -> &'static Sandbox {
        static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
        SANDBOX.get_or_init(|| {
            for flags in ["-n", "-rn"] {
                let works = Command::new("unshare")
                    .args([flags, "true"])
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if works {
                    return Sandbox {
                        prefix: vec!["unshare".into(), flags.into(), "--".into()],
                        network: format!("isolated (unshare {flags})"),
                    };
                }
            }
            Sandbox {
                prefix: Vec::new(),
                network: "not isolated: this kernel does not let ferry create a network namespace (unshare -n)".into(),
            }
        })
    }
}

/// How to start a harness.
#[derive(Debug, Clone)]
pub struct Launch {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub dir: PathBuf,
    pub env: Vec<(String, String)>,
    /// Address-space limit in bytes (`None` where the runtime reserves large virtual ranges itself
    /// and limits its heap by its own flags, like the JVM).
    pub address_space: Option<u64>,
    /// CPU-time limit in seconds for the life of the process.
    pub cpu_seconds: u64,
}

/// What came back for one request.
#[derive(Debug)]
pub enum Reply {
    Line(String),
    /// No reply before the deadline; the process has been killed.
    TimedOut,
    /// The process ended; the tail of what it wrote to stderr.
    Exited(String),
}

/// A running harness process.
pub struct Process {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    stderr_path: PathBuf,
    /// Length of the stderr log when the last request went out.
    stderr_mark: u64,
}

/// Largest file a harness may write (its stderr log): 16 MiB.
const FILE_SIZE_LIMIT: u64 = 16 << 20;

fn set_limit(resource: libc::__rlimit_resource_t, value: u64) {
    let limit = libc::rlimit {
        rlim_cur: value,
        rlim_max: value,
    };
    // SAFETY: setrlimit only reads the struct; it is async-signal-safe, as pre_exec requires.
    unsafe {
        libc::setrlimit(resource, &limit);
    }
}

impl Process {
    /// Starts the harness; its stderr goes to `stderr_path`.
    pub fn start(launch: &Launch, stderr_path: &Path) -> io::Result<Process> {
        let sandbox = Sandbox::detect();
        let (program, args) = match sandbox.prefix.split_first() {
            Some((unshare, flags)) => {
                let mut args: Vec<String> = flags.to_vec();
                args.push(launch.program.to_string_lossy().into_owned());
                args.extend(launch.args.iter().cloned());
                (PathBuf::from(unshare), args)
            }
            None => (launch.program.clone(), launch.args.clone()),
        };
        let stderr = File::create(stderr_path)?;
        let mut command = Command::new(program);
        command
            .args(args)
            .current_dir(&launch.dir)
            .envs(launch.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .process_group(0);
        let cpu = launch.cpu_seconds;
        let address_space = launch.address_space;
        // SAFETY: the closure only calls setrlimit and prctl, which are async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                // Die with ferry, even if ferry itself is killed: a harness is in its own process
                // group, out of reach of the terminal's Ctrl-C.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                set_limit(libc::RLIMIT_CPU, cpu);
                set_limit(libc::RLIMIT_FSIZE, FILE_SIZE_LIMIT);
                set_limit(libc::RLIMIT_CORE, 0);
                if let Some(bytes) = address_space {
                    set_limit(libc::RLIMIT_AS, bytes);
                }
                Ok(())
            });
        }
        let mut child = command.spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(io::Error::other("the harness has no pipes"));
        };
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Process {
            child,
            stdin,
            lines,
            stderr_path: stderr_path.to_path_buf(),
            stderr_mark: 0,
        })
    }

    /// Sends one request line. An error means the process is gone.
    pub fn send(&mut self, line: &str) -> io::Result<()> {
        self.stderr_mark = std::fs::metadata(&self.stderr_path).map_or(0, |m| m.len());
        self.stdin.write_all(line.as_bytes())?;
        self.stdin.write_all(b"\n")?;
        self.stdin.flush()
    }

    /// Waits for the next reply line until `deadline`; kills the process if none comes.
    pub fn receive(&mut self, deadline: Instant) -> Reply {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.lines.recv_timeout(wait) {
            Ok(line) => Reply::Line(line),
            Err(RecvTimeoutError::Timeout) => {
                self.kill();
                Reply::TimedOut
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = self.child.wait();
                self.kill();
                let written = self.stderr_since_send();
                Reply::Exited(match status {
                    Ok(status) if written.is_empty() => status.to_string(),
                    Ok(status) => format!("{status}: {written}"),
                    Err(_) => written,
                })
            }
        }
    }

    /// The last lines the process wrote to stderr.
    pub fn stderr_tail(&self) -> String {
        tail(&self.stderr_path, 2000)
    }

    /// The first lines written to stderr since the last request (what a crash said first, without
    /// the goroutine dumps or the unit's earlier printing).
    fn stderr_since_send(&self) -> String {
        let Ok(mut file) = File::open(&self.stderr_path) else {
            return String::new();
        };
        let _ = file.seek(SeekFrom::Start(self.stderr_mark));
        let mut bytes = Vec::new();
        let _ = file.take(4096).read_to_end(&mut bytes);
        let text = String::from_utf8_lossy(&bytes);
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| !l.starts_with("goroutine "))
            .filter(|l| !l.trim().is_empty())
            .take(6)
            .collect();
        lines.join(" | ")
    }

    /// Kills the whole process group and reaps the child.
    pub fn kill(&mut self) {
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: signalling our own child's process group (its pgid is its pid).
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The last `max` bytes of a file, trimmed to whole characters.
pub fn tail(path: &Path, max: u64) -> String {
    let Ok(mut file) = File::open(path) else {
        return String::new();
    };
    let len = file.metadata().map_or(0, |m| m.len());
    let _ = file.seek(SeekFrom::Start(len.saturating_sub(max)));
    let mut bytes = Vec::new();
    let _ = file.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).trim().to_string()
}

/// Runs a build command (a compiler) to completion; returns its combined output on failure.
pub fn build(command: &mut Command) -> Result<(), String> {
    match command.stdin(Stdio::null()).output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => {
            let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&out.stderr));
            Err(text.trim().to_string())
        }
        Err(e) => Err(format!("cannot run {:?}: {e}", command.get_program())),
    }
}

/// The path of an executable on `PATH`.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| {
            std::fs::metadata(candidate).is_ok_and(|m| {
                use std::os::unix::fs::PermissionsExt;
                m.is_file() && m.permissions().mode() & 0o111 != 0
            })
        })
}
