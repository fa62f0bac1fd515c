//! Harnesses: per language, a driver that loads the unit under test from its own file and serves
//! JSON-lines requests in a persistent loop (one process serves thousands of calls).
//!
//! A language module builds its driver once per check in a scratch directory (`prepare`) and says
//! how to start it; [`Harness`] starts it, waits for its `{"ready": true}` handshake, and restarts
//! it after a timeout or crash. Wire format: [`crate::value`].

mod go;
mod java;
mod python;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ferry_ir::Language;
use serde_json::Value as Json;

use crate::compare::{ErrorCategory, Outcome};
use crate::runner::{Launch, Process, Reply};
use crate::value::Value;

/// The unit under test on one side of a check.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    pub language: Language,
    pub path: &'a Path,
    /// The functions the harness must be able to call (names as written in the source).
    pub functions: Vec<String>,
    /// The classes it must be able to construct and drive (the Go harness builds a table of
    /// them; the others find them by name).
    pub classes: Vec<ClassUnit>,
}

/// A class the harness constructs, with the methods it calls.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassUnit {
    pub name: String,
    /// The function that constructs it (Go `NewT`), or `None` for a struct literal.
    pub constructor: Option<String>,
    pub methods: Vec<String>,
}

/// The answer to a request on an object, with the object's handle (after a construction) and
/// its observable state after the request (see the drivers for each language's rule).
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectAnswer {
    pub answer: Answer,
    pub object: Option<u64>,
    pub state: Vec<(String, Value)>,
}

/// Why a harness could not be built: the compiler's message, or what failed in setting it up.
#[derive(Debug, Clone, PartialEq)]
pub struct PrepareError(pub String);

/// The first program the language's harness needs that is not on `PATH`.
pub fn missing_tool(language: Language) -> Option<&'static str> {
    let tools: &[&'static str] = match language {
        Language::Python => &["python3"],
        Language::Go => &["go"],
        Language::Java => &["javac", "java"],
    };
    tools
        .iter()
        .copied()
        .find(|tool| crate::runner::find_program(tool).is_none())
}

/// Limits every harness process runs under.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// CPU seconds over the life of one harness process.
    pub cpu_seconds: u64,
    /// Memory for the process (address space, or the JVM heap).
    pub memory_bytes: u64,
    /// How long a harness may take to start and say it is ready.
    pub startup: Duration,
}

/// Builds the harness for `unit` in `dir` (its tools are known to be installed).
pub fn prepare(unit: &Unit<'_>, dir: &Path, limits: Limits) -> Result<Launch, PrepareError> {
    let source = std::fs::read_to_string(unit.path)
        .map_err(|e| PrepareError(format!("cannot read `{}`: {e}", unit.path.display())))?;
    let setup = |e: std::io::Error| PrepareError(format!("cannot set up the harness: {e}"));
    std::fs::create_dir_all(dir).map_err(setup)?;
    match unit.language {
        Language::Python => python::prepare(unit, &source, dir, limits).map_err(setup),
        Language::Go => go::prepare(unit, &source, dir, limits),
        Language::Java => java::prepare(unit, &source, dir, limits),
    }
}

/// The file stem of the unit (`BinarySearch` for `BinarySearch.java`).
fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("unit")
        .to_string()
}

/// What one call produced, seen from ferry.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Outcome(Outcome),
    /// No answer within the time limit (the harness was killed and will restart).
    TimedOut,
    /// The harness died during the call; the tail of its stderr.
    Crashed(String),
    /// The unit has no such function at run time (a nested function the frontend lifted).
    NoSuchFunction,
    /// The input does not fit the side's parameter types (a list of 4 for a Go `[2]int`, a
    /// character beyond a Go `byte`): the case is skipped.
    Rejected(String),
    /// The harness could not serve the call at all (failed to start, unknown function, bad
    /// argument for the declared type, malformed reply).
    Fatal(String),
}

/// A harness process that is (re)started on demand.
pub struct Harness {
    launch: Launch,
    stderr: PathBuf,
    startup: Duration,
    process: Option<Process>,
    /// Set when the harness cannot start: every later call gets this message.
    broken: Option<String>,
    /// Start a new process for every call (only to measure what persistence saves).
    fresh_per_call: bool,
}

impl Harness {
    /// A harness for a prepared launch; it starts on the first call. With `fresh_per_call`, every
    /// call gets a new process (the slow way, kept for the benchmark that compares the two).
    pub fn new(launch: Launch, startup: Duration, fresh_per_call: bool) -> Harness {
        let stderr = launch.dir.join("harness.stderr");
        Harness {
            launch,
            stderr,
            startup,
            process: None,
            broken: None,
            fresh_per_call,
        }
    }

    fn start(&mut self) -> Result<&mut Process, String> {
        if let Some(message) = &self.broken {
            return Err(message.clone());
        }
        if self.process.is_none() {
            let mut process = Process::start(&self.launch, &self.stderr)
                .map_err(|e| format!("cannot start the harness: {e}"))?;
            let deadline = Instant::now() + self.startup;
            // Lines before the handshake are the unit's own start-up printing (Go `init`).
            let problem = loop {
                match process.receive(deadline) {
                    Reply::Line(line) if line.starts_with("{\"ready\"") => break None,
                    Reply::Line(line) => {
                        if let Some(message) = fatal_message(&line) {
                            break Some(message);
                        }
                    }
                    Reply::TimedOut => {
                        break Some(format!(
                            "the harness did not start within {} s",
                            self.startup.as_secs()
                        ))
                    }
                    Reply::Exited(tail) => {
                        break Some(format!("the harness exited at start: {tail}"))
                    }
                }
            };
            if let Some(message) = problem {
                self.broken = Some(message.clone());
                return Err(message);
            }
            self.process = Some(process);
        }
        self.process
            .as_mut()
            .ok_or_else(|| "the harness is not running".to_string())
    }

    /// Stops the process, so the next call starts from the unit's initial state.
    pub fn restart(&mut self) {
        self.process = None;
    }

    /// Sends a request; on failure the answer to report instead of waiting.
    pub fn send(&mut self, request: &str) -> Result<(), Answer> {
        let process = self.start().map_err(Answer::Fatal)?;
        if process.send(request).is_err() {
            let tail = process.stderr_tail();
            self.process = None;
            return Err(Answer::Crashed(tail));
        }
        Ok(())
    }

    /// Waits for the answer to the request sent last.
    pub fn receive(&mut self, deadline: Instant) -> Answer {
        match self.receive_line(deadline) {
            Ok(line) => parse_answer(&line),
            Err(answer) => answer,
        }
    }

    /// Waits for the answer to a request on an object, with the object's state.
    pub fn receive_object(&mut self, deadline: Instant) -> ObjectAnswer {
        match self.receive_line(deadline) {
            Ok(line) => {
                let json: Json = serde_json::from_str(&line).unwrap_or(Json::Null);
                let state = match json.get("state") {
                    Some(Json::Object(fields)) => fields
                        .iter()
                        .map(|(name, v)| Value::from_json(v).map(|v| (name.clone(), v)))
                        .collect::<Result<Vec<_>, _>>(),
                    _ => Ok(Vec::new()),
                };
                let answer = parse_answer(&line);
                match state {
                    Ok(state) => ObjectAnswer {
                        answer,
                        object: json.get("object").and_then(Json::as_u64),
                        state,
                    },
                    Err(e) => ObjectAnswer {
                        answer: Answer::Fatal(e.0),
                        object: None,
                        state: Vec::new(),
                    },
                }
            }
            Err(answer) => ObjectAnswer {
                answer,
                object: None,
                state: Vec::new(),
            },
        }
    }

    /// Whether every call gets a new process (objects cannot be held then).
    pub fn fresh_per_call(&self) -> bool {
        self.fresh_per_call
    }

    fn receive_line(&mut self, deadline: Instant) -> Result<String, Answer> {
        let Some(process) = self.process.as_mut() else {
            return Err(Answer::Fatal("the harness is not running".into()));
        };
        match process.receive(deadline) {
            Reply::Line(line) => {
                if self.fresh_per_call {
                    self.process = None;
                }
                Ok(line)
            }
            Reply::TimedOut => {
                self.process = None;
                Err(Answer::TimedOut)
            }
            Reply::Exited(tail) => {
                self.process = None;
                Err(Answer::Crashed(tail))
            }
        }
    }

    /// One call: sends and waits.
    pub fn call(&mut self, request: &str, timeout: Duration) -> Answer {
        match self.send(request) {
            Ok(()) => self.receive(Instant::now() + timeout),
            Err(answer) => answer,
        }
    }
}

fn fatal_message(line: &str) -> Option<String> {
    let json: Json = serde_json::from_str(line).ok()?;
    json.get("fatal")?.as_str().map(str::to_string)
}

/// Reads a harness reply line.
fn parse_answer(line: &str) -> Answer {
    let Ok(json) = serde_json::from_str::<Json>(line) else {
        return Answer::Fatal(format!("malformed reply from the harness: {line}"));
    };
    if let Some(value) = json.get("ok") {
        let args = json
            .get("args")
            .and_then(Json::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let decoded = Value::from_json(value).and_then(|value| {
            let args_after = args
                .iter()
                .map(Value::from_json)
                .collect::<Result<_, _>>()?;
            Ok(Outcome::Returned { value, args_after })
        });
        return match decoded {
            Ok(outcome) => Answer::Outcome(outcome),
            Err(e) => Answer::Fatal(e.0),
        };
    }
    if json.get("missing").is_some() {
        return Answer::NoSuchFunction;
    }
    if let Some(reason) = json.get("reject").and_then(Json::as_str) {
        return Answer::Rejected(reason.to_string());
    }
    if let Some(category) = json.get("error").and_then(Json::as_str) {
        return Answer::Outcome(Outcome::Raised {
            category: ErrorCategory::from_name(category),
            message: json
                .get("message")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_string(),
        });
    }
    Answer::Fatal(fatal_message(line).unwrap_or_else(|| format!("unexpected reply: {line}")))
}
