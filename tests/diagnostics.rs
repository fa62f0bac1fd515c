//! Every diagnostic path of `ferry translate` and its exit code (see README, "Usage").

mod support;

use std::path::PathBuf;
use std::process::Output;

use support::ferry;

fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diagnostics");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn translate(args: &[&str]) -> Output {
    ferry().arg("translate").args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn syntax_error_is_located_with_caret_and_the_rest_is_translated() {
    let path = scratch(
        "broken.py",
        b"def ok(a: int, b: int) -> int:\n    return a + b\n\n\ndef broken(x:\n    return x\n\n\ndef also_ok(n: int) -> int:\n    return n * 2\n",
    );
    let out = translate(&[path.to_str().unwrap(), "--to", "java"]);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    let first = err.lines().next().unwrap_or("");
    assert!(
        first.starts_with(&format!("{}:5:", path.display())),
        "first line: {first}"
    );
    assert!(first.contains(": error: "), "first line: {first}");
    assert!(
        err.lines().any(|l| l.trim_end().ends_with('^')),
        "no caret in: {err}"
    );
    let code = stdout(&out);
    assert!(
        code.contains("alsoOk"),
        "the rest of the file is not translated:\n{code}"
    );
}

#[test]
fn unsupported_construct_is_reported_and_stubbed() {
    let path = scratch(
        "gen.py",
        b"def squares(n):\n    for i in range(n):\n        yield i * i\n\n\ndef twice(n):\n    return n * 2\n",
    );
    let out = translate(&[path.to_str().unwrap(), "--to", "java"]);
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "{}:3:9: error: unsupported construct",
            path.display()
        )),
        "{err}"
    );
    let code = stdout(&out);
    assert!(
        code.contains("UnsupportedOperationException"),
        "no stub in:\n{code}"
    );
    assert!(
        code.contains("twice"),
        "the supported function is missing:\n{code}"
    );
}

#[test]
fn untyped_python_is_stubbed_for_typed_targets_not_guessed() {
    let path = scratch("untyped.py", b"def ident(x):\n    return x\n");
    for to in ["java", "go"] {
        let out = translate(&[path.to_str().unwrap(), "--to", to]);
        assert_eq!(out.status.code(), Some(1), "{to}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("cannot infer the type of `x`"), "{err}");
        assert!(err.contains("parameter `x` of unknown type"), "{err}");
    }
    let out = translate(&[path.to_str().unwrap(), "--to", "python"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_base_named_like_its_class_is_unsupported_and_class_cycles_end() {
    // `class A(A)` extends an earlier binding of `A` (here an import), never itself.
    let path = scratch(
        "self_base.py",
        b"from m import A\n\n\nclass A(A):\n    def __init__(self):\n        self.x = 1\n",
    );
    // The base of `C` is the imported `B`; the IR sees `C -> B -> C`, which must not loop.
    let cycle = scratch(
        "class_cycle.py",
        b"from m import B\n\n\nclass C(B):\n    def get(self):\n        return 1\n\n\nclass B(C):\n    def put(self):\n        return 2\n",
    );
    for to in ["java", "go"] {
        let out = translate(&[path.to_str().unwrap(), "--to", to]);
        assert_eq!(out.status.code(), Some(1), "{to}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("unsupported construct: base class"),
            "{}",
            stderr(&out)
        );
        let out = translate(&[cycle.to_str().unwrap(), "--to", to]);
        assert!(out.status.code().is_some(), "{to}: {}", stderr(&out));
    }
}

#[test]
fn unknown_languages_are_one_line_errors() {
    let path = scratch("ok.py", b"x = 1\n");
    for args in [
        vec![path.to_str().unwrap(), "--to", "cobol"],
        vec![path.to_str().unwrap(), "--to", "go", "--from", "cobol"],
    ] {
        let out = translate(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
        assert!(stderr(&out).contains("unknown language `cobol`"));
    }
    let unknown_ext = scratch("notes.txt", b"hello\n");
    let out = translate(&[unknown_ext.to_str().unwrap(), "--to", "go"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--from"), "{}", stderr(&out));
}

#[test]
fn unreadable_binary_and_non_utf8_inputs_are_one_line_errors() {
    let missing = "/nonexistent/dir/Missing.java";
    let binary = scratch("blob.java", b"class A {}\0\x01\x02");
    let latin1 = scratch("latin.py", b"s = '\xe9'\n");
    for (path, needle) in [
        (missing, "cannot read"),
        (binary.to_str().unwrap(), "binary file"),
        (latin1.to_str().unwrap(), "not valid UTF-8"),
    ] {
        let out = translate(&[path, "--to", "python"]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn standard_input_needs_from_and_translates() {
    let mut child = ferry()
        .args(["translate", "-", "--from", "python", "--to", "go"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"def add(a: int, b: int) -> int:\n    return a + b\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("func add(a int, b int) int"),
        "{}",
        stdout(&out)
    );

    let out = translate(&["-", "--to", "go"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn output_file_is_written_and_usage_errors_exit_2() {
    let path = scratch(
        "Twice.java",
        b"public class Twice {\n    static int twice(int n) {\n        return n * 2;\n    }\n}\n",
    );
    let out_path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diagnostics")
        .join("twice.py");
    let out = translate(&[
        path.to_str().unwrap(),
        "--to",
        "python",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&out_path)
        .unwrap()
        .contains("def twice(n):"));

    let out = ferry().args(["translate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = ferry().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_stubbed_function_leaves_code_that_still_builds() {
    support::require_toolchains();
    // The Go backend cannot print an increment inside a call argument; the stub must not leave
    // behind the imports the abandoned body registered (Go rejects unused imports).
    let path = scratch(
        "Stubbed.java",
        b"public class Stubbed {\n    static boolean same(String s) {\n        int i = 0, j = s.length() - 1;\n        return s.charAt(i++) == s.charAt(j--);\n    }\n\n    public static void main(String[] args) {\n        System.out.println(1);\n    }\n}\n",
    );
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diagnostics")
        .join("stubbed");
    std::fs::create_dir_all(&dir).unwrap();
    let go_file = dir.join("stubbed.go");
    let out = translate(&[
        path.to_str().unwrap(),
        "--to",
        "go",
        "-o",
        go_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unsupported construct"),
        "{}",
        stderr(&out)
    );
    let build = std::process::Command::new("go")
        .arg("build")
        .arg("-o")
        .arg(dir.join("prog"))
        .arg(&go_file)
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
}
