//! The differential test harness: Python programs under `tests/programs/`
//! run by krait and compared with what CPython 3.14 printed.
//!
//! Layout: every `tests/programs/<topic>/<name>.py` is a program (deeper
//! directories hold modules that programs import, and are not programs).
//! Beside it, `<name>.stdout`, `<name>.stderr` and `<name>.exitcode` hold what
//! CPython produced, recorded by `cargo xtask record`.
//!
//! Each program runs with its own directory as the working directory, stdin
//! closed, `PYTHON*` variables cleared and `PYTHONHASHSEED=0`. One thing is
//! normalised, because it cannot be avoided: CPython prints the absolute path
//! of the script (in tracebacks, `__file__`), which differs between checkouts,
//! so the program directory's absolute path followed by `/` is removed from
//! stdout and stderr, on both sides, leaving paths relative to that directory.
//!
//! `tests/programs/known_failures.txt` lists programs krait does not pass yet
//! (one `topic/name.py` per line, `#` comments). They still run: a listed
//! program that fails is reported but does not fail the suite; a listed
//! program that passes does fail it, so the list can only shrink.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::Result;
use crate::parallel::parallel_map;
use crate::process::{Captured, interpreter_command, run_captured};

/// How long one program may run before it is killed and reported.
pub const PROGRAM_TIME_LIMIT: Duration = Duration::from_secs(60);

/// The directory holding the differential programs.
pub fn programs_dir(root: &Path) -> PathBuf {
    root.join("tests").join("programs")
}

/// What a program is expected to produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// Expected stdout bytes.
    pub stdout: Vec<u8>,
    /// Expected stderr bytes.
    pub stderr: Vec<u8>,
    /// Expected exit code.
    pub exit_code: i32,
}

/// The three expectation files of `program`.
pub fn expectation_paths(program: &Path) -> [PathBuf; 3] {
    [
        program.with_extension("stdout"),
        program.with_extension("stderr"),
        program.with_extension("exitcode"),
    ]
}

/// Reads the recorded expectation of `program`.
pub fn read_expectation(program: &Path) -> Result<Expectation> {
    let [stdout, stderr, exit_code] = expectation_paths(program);
    let missing = |path: &Path, e: std::io::Error| {
        format!(
            "{}: {e} (record it with `cargo xtask record`)",
            path.display()
        )
    };
    let exit_text = fs::read_to_string(&exit_code).map_err(|e| missing(&exit_code, e))?;
    Ok(Expectation {
        stdout: fs::read(&stdout).map_err(|e| missing(&stdout, e))?,
        stderr: fs::read(&stderr).map_err(|e| missing(&stderr, e))?,
        exit_code: exit_text
            .trim()
            .parse()
            .map_err(|_| format!("{}: not an exit code", exit_code.display()))?,
    })
}

/// Writes the expectation of `program`.
pub fn write_expectation(program: &Path, expectation: &Expectation) -> Result<()> {
    let [stdout, stderr, exit_code] = expectation_paths(program);
    fs::write(stdout, &expectation.stdout)?;
    fs::write(stderr, &expectation.stderr)?;
    fs::write(exit_code, format!("{}\n", expectation.exit_code))?;
    Ok(())
}

/// Every program under `dir` (`dir/<topic>/<name>.py`), sorted.
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut programs = Vec::new();
    if !dir.is_dir() {
        return Ok(programs);
    }
    for topic in fs::read_dir(dir)? {
        let topic = topic?.path();
        if topic.is_dir() {
            programs.extend(python_files_in(&topic)?);
        }
    }
    programs.sort();
    Ok(programs)
}

/// Every `*.py` file directly in `dir` (not below it), sorted.
pub fn python_files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "py") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Runs `interpreter` on `program` the way both sides of the comparison are run,
/// and normalises the output as described in the module documentation.
pub fn run_program(interpreter: &Path, program: &Path) -> Result<Captured> {
    let dir = program
        .parent()
        .ok_or_else(|| format!("{} has no directory", program.display()))?;
    let dir = fs::canonicalize(dir)?;
    let file_name = program
        .file_name()
        .ok_or_else(|| format!("{} has no file name", program.display()))?;
    let mut command = interpreter_command(interpreter, &dir);
    command.arg(file_name);
    let mut captured = run_captured(&mut command, PROGRAM_TIME_LIMIT)?;
    let prefix = format!("{}/", dir.display());
    captured.stdout = remove_all(&captured.stdout, prefix.as_bytes());
    captured.stderr = remove_all(&captured.stderr, prefix.as_bytes());
    Ok(captured)
}

/// `haystack` with every occurrence of `needle` removed.
fn remove_all(haystack: &[u8], needle: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return haystack.to_vec();
    }
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(needle) {
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// Compares what ran with what was expected; `None` when they agree, else a
/// report with a unified diff of each stream that differs.
pub fn compare(expected: &Expectation, actual: &Captured) -> Option<String> {
    let mut report = String::new();
    if actual.timed_out {
        report.push_str(&format!(
            "  timed out after {} s\n",
            PROGRAM_TIME_LIMIT.as_secs()
        ));
    }
    if expected.exit_code != actual.exit_code {
        report.push_str(&format!(
            "  exit code: expected {}, got {}\n",
            expected.exit_code, actual.exit_code
        ));
    }
    for (name, want, got) in [
        ("stdout", &expected.stdout, &actual.stdout),
        ("stderr", &expected.stderr, &actual.stderr),
    ] {
        if want != got {
            report.push_str(&unified_diff(name, want, got));
        }
    }
    (!report.is_empty()).then_some(report)
}

/// A unified diff between the expected and actual bytes of one stream.
fn unified_diff(stream: &str, expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let diff = similar::TextDiff::from_lines(expected.as_ref(), actual.as_ref());
    let mut text = diff
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("expected {stream} (CPython)"),
            &format!("actual {stream} (krait)"),
        )
        .to_string();
    if text.is_empty() {
        // Same lines, different bytes (e.g. invalid UTF-8 replaced the same way).
        text = format!("  {stream} differs in bytes that are not valid UTF-8\n");
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Programs listed as known failures, as `topic/name.py` paths relative to `dir`.
pub fn read_known_failures(dir: &Path) -> Result<BTreeSet<String>> {
    let path = dir.join("known_failures.txt");
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(format!("{}: {e}", path.display()).into()),
    };
    Ok(text
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(String::from)
        .collect())
}

/// The outcome of a whole run.
#[derive(Debug, Default)]
pub struct Summary {
    /// Programs whose output matched.
    pub passed: usize,
    /// Programs that failed (including listed ones that now pass).
    pub failed: usize,
    /// Listed known failures that still fail.
    pub known_failures: usize,
    /// Listed known failures that pass now (counted in `failed`).
    pub now_passing: Vec<String>,
}

/// Runs every program under `dir` with `interpreter`, prints a report for each
/// unexpected result and returns the counts.
pub fn run_all(interpreter: &Path, dir: &Path) -> Result<Summary> {
    let programs = discover(dir)?;
    let known = read_known_failures(dir)?;
    let results = parallel_map(&programs, |program| {
        read_expectation(program)
            .and_then(|expected| {
                let actual = run_program(interpreter, program)?;
                Ok(compare(&expected, &actual))
            })
            .map_err(|e| e.to_string())
    });
    let mut summary = Summary::default();
    for (program, outcome) in programs.iter().zip(results) {
        let name = relative_name(dir, program);
        let listed = known.contains(&name);
        match outcome {
            Ok(None) if listed => {
                summary.failed += 1;
                summary.now_passing.push(name);
            }
            Ok(None) => summary.passed += 1,
            Ok(Some(_)) | Err(_) if listed => summary.known_failures += 1,
            Ok(Some(report)) => {
                summary.failed += 1;
                println!("FAIL {name}\n{report}");
            }
            Err(error) => {
                summary.failed += 1;
                println!("FAIL {name}\n  {error}\n");
            }
        }
    }
    for name in &summary.now_passing {
        println!("FAIL {name}\n  passes now: remove it from known_failures.txt\n");
    }
    for name in &known {
        if !programs.iter().any(|p| &relative_name(dir, p) == name) {
            println!("note: known_failures.txt lists {name}, which does not exist");
        }
    }
    if summary.known_failures > 0 {
        println!(
            "{} known failures (tests/programs/known_failures.txt) still fail",
            summary.known_failures
        );
    }
    println!("{} passed, {} failed", summary.passed, summary.failed);
    Ok(summary)
}

/// `cargo xtask difftest [--prune-known-failures]`: runs the differential
/// programs; with the flag, first removes from `known_failures.txt` every
/// listed program that passes now (the list can only shrink this way).
pub fn run_command(args: &[String]) -> Result<std::process::ExitCode> {
    let prune = args.iter().any(|a| a == "--prune-known-failures");
    if let Some(other) = args.iter().find(|a| *a != "--prune-known-failures") {
        return Err(format!("unknown argument {other:?}").into());
    }
    let krait = crate::krait_binary::ready()?;
    let dir = programs_dir(&crate::repo_root());
    let mut summary = run_all(&krait, &dir)?;
    if prune && !summary.now_passing.is_empty() {
        prune_known_failures(&dir, &summary.now_passing)?;
        println!(
            "removed {} programs that pass now from known_failures.txt",
            summary.now_passing.len()
        );
        summary.failed -= summary.now_passing.len();
    }
    Ok(if summary.failed == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    })
}

/// Rewrites `known_failures.txt` without the lines naming `passing` programs.
fn prune_known_failures(dir: &Path, passing: &[String]) -> Result<()> {
    let path = dir.join("known_failures.txt");
    let text = fs::read_to_string(&path)?;
    let kept: String = text
        .lines()
        .filter(|line| {
            let name = line.split('#').next().unwrap_or("").trim();
            !passing.iter().any(|p| p == name)
        })
        .map(|line| format!("{line}\n"))
        .collect();
    fs::write(path, kept)?;
    Ok(())
}

/// `topic/name.py` for a program under `dir`.
fn relative_name(dir: &Path, program: &Path) -> String {
    program
        .strip_prefix(dir)
        .unwrap_or(program)
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch tree of programs run by `sh`, which stands in for an
    /// interpreter so the harness is tested on its own.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("topic")).unwrap();
            Scratch(dir)
        }

        fn program(&self, name: &str, text: &str) -> PathBuf {
            let path = self.0.join("topic").join(name);
            fs::write(&path, text).unwrap();
            path
        }

        fn record(&self, program: &Path) {
            let captured = run_program(Path::new("sh"), program).unwrap();
            write_expectation(
                program,
                &Expectation {
                    stdout: captured.stdout,
                    stderr: captured.stderr,
                    exit_code: captured.exit_code,
                },
            )
            .unwrap();
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_recorded_program_passes() {
        let scratch = Scratch::new("pass");
        let program = scratch.program("a.py", "echo out; echo err >&2; exit 4\n");
        scratch.record(&program);
        let summary = run_all(Path::new("sh"), &scratch.0).unwrap();
        assert_eq!((summary.passed, summary.failed), (1, 0));
    }

    #[test]
    fn a_wrong_expectation_fails_with_a_diff() {
        let scratch = Scratch::new("wrong");
        let program = scratch.program("a.py", "echo one; echo two; exit 1\n");
        scratch.record(&program);
        fs::write(program.with_extension("stdout"), "one\nTWO\n").unwrap();
        let expected = read_expectation(&program).unwrap();
        let actual = run_program(Path::new("sh"), &program).unwrap();
        let report = compare(&expected, &actual).expect("a mismatch must be reported");
        assert!(report.contains("-TWO"), "{report}");
        assert!(report.contains("+two"), "{report}");
        let summary = run_all(Path::new("sh"), &scratch.0).unwrap();
        assert_eq!((summary.passed, summary.failed), (0, 1));
    }

    #[test]
    fn exit_code_and_stderr_are_compared() {
        let scratch = Scratch::new("exit");
        let program = scratch.program("a.py", "echo err >&2; exit 2\n");
        scratch.record(&program);
        fs::write(program.with_extension("exitcode"), "0\n").unwrap();
        assert_eq!(run_all(Path::new("sh"), &scratch.0).unwrap().failed, 1);
        scratch.record(&program);
        fs::write(program.with_extension("stderr"), "").unwrap();
        assert_eq!(run_all(Path::new("sh"), &scratch.0).unwrap().failed, 1);
    }

    #[test]
    fn a_missing_expectation_fails() {
        let scratch = Scratch::new("missing");
        scratch.program("a.py", "echo hi\n");
        let summary = run_all(Path::new("sh"), &scratch.0).unwrap();
        assert_eq!((summary.passed, summary.failed), (0, 1));
    }

    #[test]
    fn known_failures_may_fail_but_not_pass() {
        let scratch = Scratch::new("known");
        let failing = scratch.program("bad.py", "echo new\n");
        scratch.record(&failing);
        fs::write(failing.with_extension("stdout"), "old\n").unwrap();
        let passing = scratch.program("good.py", "echo fine\n");
        scratch.record(&passing);
        fs::write(
            scratch.0.join("known_failures.txt"),
            "topic/bad.py # not yet\n",
        )
        .unwrap();
        let summary = run_all(Path::new("sh"), &scratch.0).unwrap();
        assert_eq!(
            (summary.passed, summary.failed, summary.known_failures),
            (1, 0, 1)
        );
        fs::write(
            scratch.0.join("known_failures.txt"),
            "# header\ntopic/good.py\ntopic/bad.py\n",
        )
        .unwrap();
        let summary = run_all(Path::new("sh"), &scratch.0).unwrap();
        assert_eq!(summary.failed, 1, "a listed program that passes must fail");
        assert_eq!(summary.now_passing, ["topic/good.py"]);
        prune_known_failures(&scratch.0, &summary.now_passing).unwrap();
        assert_eq!(
            fs::read_to_string(scratch.0.join("known_failures.txt")).unwrap(),
            "# header\ntopic/bad.py\n"
        );
    }

    #[test]
    fn the_program_directory_is_removed_from_output() {
        let scratch = Scratch::new("paths");
        let program = scratch.program("a.py", "echo \"$PWD/a.py\"\n");
        let captured = run_program(Path::new("sh"), &program).unwrap();
        assert_eq!(captured.stdout, b"a.py\n");
    }

    #[test]
    fn only_programs_directly_in_topics_are_discovered() {
        let scratch = Scratch::new("discover");
        scratch.program("b.py", "");
        scratch.program("a.py", "");
        fs::create_dir_all(scratch.0.join("topic/pkg")).unwrap();
        fs::write(scratch.0.join("topic/pkg/mod.py"), "").unwrap();
        fs::write(scratch.0.join("top.py"), "").unwrap();
        let found = discover(&scratch.0).unwrap();
        let names: Vec<_> = found.iter().map(|p| relative_name(&scratch.0, p)).collect();
        assert_eq!(names, ["topic/a.py", "topic/b.py"]);
    }
}
