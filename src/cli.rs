//! Subcommands and their exit codes (see DESIGN.md, "Command line").

mod verify;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ferry_backends::{Naming, Options, Semantics};
use ferry_ir::{Language, ProgramGraph, Signature, SourceFile};
use ferry_translator::{read_interface, translate, Plan, Request, RulesEngine};

/// Exit code: finished with findings (unsupported units).
const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage or input error.
const EXIT_INPUT: u8 = 2;

#[derive(Parser)]
#[command(
    name = "ferry",
    version,
    about = "Translate code between Java, Python and Go"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Translate one file (or stdin) into another language.
    Translate {
        /// The file to translate, or `-` for standard input.
        input: String,
        /// The target language: java, python or go.
        #[arg(long)]
        to: String,
        /// The source language; by default taken from the file extension.
        #[arg(long)]
        from: Option<String>,
        /// Write the translation here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = NamingArg::Idiomatic)]
        naming: NamingArg,
        #[arg(long, value_enum, default_value_t = SemanticsArg::Natural)]
        semantics: SemanticsArg,
        /// The translation engine; only `rules` is available so far.
        #[arg(long, default_value = "rules")]
        engine: String,
        /// Target-language declarations (names, parameter and result types) the translation
        /// must match; bodies may be left out.
        #[arg(long, value_name = "FILE")]
        interface: Option<PathBuf>,
        /// After writing the translation (needs `-o`), check it against the input as
        /// `ferry verify` does and print the verdicts.
        #[arg(long)]
        verify: bool,
    },
    /// Show the IR, the program graph or the translation plan of a file.
    Inspect {
        /// The file to inspect.
        input: String,
        #[arg(long)]
        from: Option<String>,
        /// Print the IR.
        #[arg(long)]
        ir: bool,
        /// Print the program graph (`dot`).
        #[arg(long, value_name = "FORMAT")]
        graph: Option<String>,
        /// Print the translation plan.
        #[arg(long)]
        plan: bool,
    },
    /// Check that a translation behaves like its original on generated inputs.
    Verify(verify::VerifyArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum NamingArg {
    Idiomatic,
    Preserve,
}

#[derive(Clone, Copy, ValueEnum)]
enum SemanticsArg {
    Natural,
    Exact,
}

/// A one-line error that ends the run with the given exit code.
struct Fatal {
    message: String,
    code: u8,
}

impl Fatal {
    fn input(message: impl Into<String>) -> Fatal {
        Fatal {
            message: message.into(),
            code: EXIT_INPUT,
        }
    }
}

/// Parses the command line and runs the subcommand.
pub(crate) fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_INPUT } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Translate {
            input,
            to,
            from,
            output,
            naming,
            semantics,
            engine,
            interface,
            verify,
        } => run_translate(
            &input,
            &to,
            from.as_deref(),
            (output.as_deref(), verify),
            (naming, semantics),
            &engine,
            interface.as_deref(),
        ),
        Command::Inspect {
            input,
            from,
            ir,
            graph,
            plan,
        } => run_inspect(&input, from.as_deref(), ir, graph.as_deref(), plan),
        Command::Verify(args) => verify::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(fatal) => {
            eprintln!("ferry: error: {}", fatal.message);
            ExitCode::from(fatal.code)
        }
    }
}

/// Reads a source file (or stdin for `-`), rejecting binary and non-UTF-8 input.
fn read_source(input: &str) -> Result<SourceFile, Fatal> {
    let mut bytes = Vec::new();
    if input == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Fatal::input(format!("cannot read standard input: {e}")))?;
    } else {
        bytes = std::fs::read(input)
            .map_err(|e| Fatal::input(format!("cannot read `{input}`: {e}")))?;
    }
    let name = if input == "-" { "<stdin>" } else { input };
    if bytes.contains(&0) {
        return Err(Fatal::input(format!(
            "`{name}` is a binary file, not source code"
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Fatal::input(format!("`{name}` is not valid UTF-8 text")))?;
    Ok(SourceFile::new(name, text))
}

/// The source language: `--from` if given, else the input's extension.
fn source_language(input: &str, from: Option<&str>) -> Result<Language, Fatal> {
    if let Some(from) = from {
        return from.parse().map_err(Fatal::input);
    }
    let ext = Path::new(input)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    Language::from_extension(ext).ok_or_else(|| {
        Fatal::input(format!(
            "cannot tell the language of `{input}`; pass --from java|python|go"
        ))
    })
}

/// The module name: the stem of the output file if there is one (Java needs the public class to
/// match its file), else the input's stem.
fn module_name(input: &str, output: Option<&Path>) -> String {
    let from_path = |p: &Path| p.file_stem().and_then(|s| s.to_str()).map(str::to_string);
    output
        .and_then(from_path)
        .or_else(|| {
            if input == "-" {
                None
            } else {
                from_path(Path::new(input))
            }
        })
        .unwrap_or_else(|| "Main".to_string())
}

/// Translates `input`; `(output, verify)`: where the translation goes (stdout if `None`) and
/// whether to check it there afterwards (`--verify`).
fn run_translate(
    input: &str,
    to: &str,
    from: Option<&str>,
    (output, verify): (Option<&Path>, bool),
    (naming, semantics): (NamingArg, SemanticsArg),
    engine: &str,
    interface: Option<&Path>,
) -> Result<u8, Fatal> {
    let to: Language = to.parse().map_err(Fatal::input)?;
    let verified_output = match output {
        _ if !verify => None,
        Some(_) if input == "-" => {
            return Err(Fatal::input(
                "--verify needs the source in a file, not standard input",
            ))
        }
        Some(path) => Some(path),
        None => {
            return Err(Fatal::input(
                "--verify needs -o OUT: the check runs the written file",
            ))
        }
    };
    let from = source_language(input, from)?;
    if engine != "rules" {
        return Err(Fatal::input(format!(
            "unknown engine `{engine}` (available: rules)"
        )));
    }
    let file = read_source(input)?;
    let interface = match interface {
        Some(path) => read_declarations(path, to)?,
        None => Vec::new(),
    };
    let options = Options {
        naming: match naming {
            NamingArg::Idiomatic => Naming::Idiomatic,
            NamingArg::Preserve => Naming::Preserve,
        },
        semantics: match semantics {
            SemanticsArg::Natural => Semantics::Natural,
            SemanticsArg::Exact => Semantics::Exact,
        },
        ..Options::default()
    };
    let request = Request {
        file: &file,
        from,
        to,
        module_name: module_name(input, output),
        options,
        interface,
    };
    let translation = translate(&request, &RulesEngine);
    let mut stderr = std::io::stderr().lock();
    for d in &translation.diagnostics {
        let _ = stderr.write_all(d.render(&file).as_bytes());
    }
    match output {
        Some(path) => std::fs::write(path, &translation.code)
            .map_err(|e| Fatal::input(format!("cannot write `{}`: {e}", path.display())))?,
        None => {
            let _ = std::io::stdout()
                .lock()
                .write_all(translation.code.as_bytes());
        }
    }
    if translation.has_syntax_errors() {
        return Ok(EXIT_INPUT);
    }
    let verified = match verified_output {
        Some(path) => verify::after_translation(input, path)?,
        None => 0,
    };
    Ok(if translation.has_unsupported() {
        EXIT_FINDINGS
    } else {
        verified
    })
}

/// Reads an `--interface` file, which must be written in the target language.
fn read_declarations(path: &Path, to: Language) -> Result<Vec<Signature>, Fatal> {
    let shown = path.display().to_string();
    if let Some(lang) = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Language::from_extension)
    {
        if lang != to {
            return Err(Fatal::input(format!(
                "the interface `{shown}` is {lang}, but the target is {to}"
            )));
        }
    }
    let file = read_source(&shown)?;
    read_interface(to, &file.text).map_err(|errors| {
        for d in &errors {
            eprint!("{}", d.render(&file));
        }
        Fatal::input(format!("cannot read the interface `{shown}`"))
    })
}

fn run_inspect(
    input: &str,
    from: Option<&str>,
    ir: bool,
    graph: Option<&str>,
    plan: bool,
) -> Result<u8, Fatal> {
    let from = source_language(input, from)?;
    let file = read_source(input)?;
    let lowered = ferry_frontends::lower(from, &module_name(input, None), &file.text);
    for d in &lowered.diagnostics {
        eprint!("{}", d.render(&file));
    }
    let mut out = std::io::stdout().lock();
    match graph {
        Some("dot") => {
            let _ = out.write_all(ProgramGraph::build(&lowered.module).to_dot().as_bytes());
        }
        Some(other) => {
            return Err(Fatal::input(format!(
                "unknown graph format `{other}` (expected dot)"
            )))
        }
        None => {}
    }
    if plan {
        let _ = write!(out, "{}", Plan::of(&lowered.module));
    }
    if ir || (graph.is_none() && !plan) {
        let _ = writeln!(out, "{:#?}", lowered.module);
    }
    Ok(if lowered.diagnostics.is_empty() {
        0
    } else {
        EXIT_FINDINGS
    })
}
