//! The conformance checks: krait against CPython over every `.py` file of the
//! reference CPython's standard library and test suite, one code path for
//! each [`Check`]:
//! - [`Check::Ast`]: `krait --dump-ast` against CPython's
//!   `ast.dump(ast.parse(...), include_attributes=True)`;
//! - [`Check::Symtable`]: `krait --dump-symtable` against the same dump made
//!   from CPython's `symtable.symtable(...)`;
//! - [`Check::Code`]: `krait --dump-code` against the attributes of
//!   CPython's code objects that do not depend on instruction choice
//!   (`xtask/scripts/code_reference.py`).
//!
//! CPython's results are computed by the check's script in `xtask/scripts/`
//! and cached under `target/<check>-reference/<python version>/`, keyed by the
//! SHA-256 of each file's bytes. A file CPython rejects must be rejected by
//! krait with the same exception class, message and line.
//!
//! `tests/<check>_known_failures.txt` lists files (relative to the stdlib root)
//! that krait does not match yet. A listed file may fail; a listed file that
//! passes fails the check, so the list only shrinks. `--update` rewrites the
//! list to the current failures (review the diff: it should only lose lines).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::parallel::parallel_map;
use crate::process::run_captured;
use crate::{Result, krait_binary, reference, repo_root};

/// How many mismatches are shown in detail; the rest are only named.
const DETAILED_REPORTS: usize = 10;

/// What a conformance run compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The AST: `--dump-ast` against `ast.dump`.
    Ast,
    /// The symbol tables: `--dump-symtable` against `symtable.symtable`.
    Symtable,
    /// The code objects: `--dump-code` against `compile(...)`'s code objects.
    Code,
}

impl Check {
    /// The krait option that prints krait's side.
    fn krait_flag(self) -> &'static str {
        match self {
            Check::Ast => "--dump-ast",
            Check::Symtable => "--dump-symtable",
            Check::Code => "--dump-code",
        }
    }

    /// The script in `xtask/scripts/` that records CPython's side.
    fn script(self) -> &'static str {
        match self {
            Check::Ast => "ast_reference.py",
            Check::Symtable => "symtable_reference.py",
            Check::Code => "code_reference.py",
        }
    }

    /// The cache directory under `target/`.
    fn cache_dir(self) -> &'static str {
        match self {
            Check::Ast => "ast-reference",
            Check::Symtable => "symtable-reference",
            Check::Code => "code-reference",
        }
    }

    /// The known-failures file under `tests/`.
    fn known_failures_file(self) -> &'static str {
        match self {
            Check::Ast => "ast_known_failures.txt",
            Check::Symtable => "symtable_known_failures.txt",
            Check::Code => "code_known_failures.txt",
        }
    }

    /// The name of the check in reports.
    pub fn title(self) -> &'static str {
        match self {
            Check::Ast => "front-end conformance",
            Check::Symtable => "symbol-table conformance",
            Check::Code => "code-object conformance",
        }
    }

    /// The xtask command that runs the check alone.
    fn command(self) -> &'static str {
        match self {
            Check::Ast => "ast-conformance",
            Check::Symtable => "symtable-conformance",
            Check::Code => "code-conformance",
        }
    }
}

/// `cargo xtask ast-conformance|symtable-conformance|code-conformance [--python PY] [--update]`.
pub fn run(check: Check, args: &[String]) -> Result<ExitCode> {
    let update = args.iter().any(|a| a == "--update");
    let rest: Vec<String> = args.iter().filter(|a| *a != "--update").cloned().collect();
    let options = crate::Options::parse(&rest, &["--python"])?;
    let python = reference::python_or_default(options.python.as_deref())?;
    let krait = krait_binary::build_release()?;
    let outcome = self::check(check, &krait, &python, update)?;
    Ok(if outcome.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Counts of one conformance run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Files whose result matched CPython's.
    pub passed: usize,
    /// Unlisted files that did not match, plus listed files that now match.
    pub failed: usize,
    /// Listed files that still do not match.
    pub known_failures: usize,
}

fn known_failures_path(check: Check) -> PathBuf {
    repo_root().join("tests").join(check.known_failures_file())
}

/// Runs `check` with `krait` against `python`; with `update`, rewrites the
/// known-failures list instead of failing on it.
pub fn check(check: Check, krait: &Path, python: &Path, update: bool) -> Result<Outcome> {
    let (stdlib, files) = reference::stdlib_python_files(python)?;
    let version = reference::python_version(python)?;
    let cache = repo_root()
        .join("target")
        .join(check.cache_dir())
        .join(&version);
    fill_reference_cache(check, python, &files, &cache)?;

    let results = parallel_map(&files, |file| {
        match compare_file(check, krait, file, &cache) {
            Ok(problem) => problem,
            Err(error) => Some(error.to_string()),
        }
    });
    let mismatches: Vec<(usize, String)> = results
        .into_iter()
        .enumerate()
        .filter_map(|(index, problem)| problem.map(|p| (index, p)))
        .collect();

    let relative = |index: usize| -> String {
        files[index]
            .strip_prefix(&stdlib)
            .unwrap_or(&files[index])
            .to_string_lossy()
            .into_owned()
    };
    let failing: BTreeSet<String> = mismatches.iter().map(|(i, _)| relative(*i)).collect();
    if update {
        let mut text = format!(
            "# Files of CPython's Lib/ whose {} does not match CPython yet.\n\
             # Written by `cargo xtask {} --update`; it should only shrink.\n",
            check.krait_flag(),
            check.command()
        );
        for name in &failing {
            text.push_str(name);
            text.push('\n');
        }
        fs::write(known_failures_path(check), text)?;
    }
    let known = read_list(&known_failures_path(check))?;
    let mut outcome = Outcome::default();
    let mut detailed = 0;
    for (index, problem) in &mismatches {
        let name = relative(*index);
        if known.contains(&name) {
            outcome.known_failures += 1;
            continue;
        }
        outcome.failed += 1;
        if detailed < DETAILED_REPORTS {
            detailed += 1;
            println!("FAIL {name}\n{problem}\n");
        } else {
            println!("FAIL {name}");
        }
    }
    for name in &known {
        if !failing.contains(name) && files.iter().any(|f| f.ends_with(name)) {
            outcome.failed += 1;
            println!(
                "FAIL {name}: matches now; remove it from tests/{}",
                check.known_failures_file()
            );
        }
    }
    outcome.passed = files.len() - mismatches.len();
    if outcome.known_failures > 0 {
        println!(
            "{} known failures (tests/{}) still differ",
            outcome.known_failures,
            check.known_failures_file()
        );
    }
    println!(
        "{} over {} files of CPython {version}'s Lib/: {} passed, {} failed",
        check.title(),
        files.len(),
        outcome.passed,
        outcome.failed
    );
    Ok(outcome)
}

fn fill_reference_cache(
    check: Check,
    python: &Path,
    files: &[PathBuf],
    cache: &Path,
) -> Result<()> {
    fs::create_dir_all(cache)?;
    let list = cache.join("files.txt");
    let mut text = String::new();
    for file in files {
        text.push_str(&file.to_string_lossy());
        text.push('\n');
    }
    fs::write(&list, text)?;
    let script = repo_root()
        .join("xtask")
        .join("scripts")
        .join(check.script());
    let status = Command::new(python)
        .arg("-I")
        .arg(script)
        .arg(&list)
        .arg(cache)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if !status.success() {
        return Err(format!("recording CPython's results with {} failed", check.script()).into());
    }
    Ok(())
}

/// Compares krait's result for `file` with the cached reference; `None` if equal.
fn compare_file(check: Check, krait: &Path, file: &Path, cache: &Path) -> Result<Option<String>> {
    let bytes = fs::read(file)?;
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let expected = fs::read_to_string(cache.join(format!("{digest}.txt")))?;
    let mut command = Command::new(krait);
    command.arg(check.krait_flag()).arg(file);
    let actual = run_captured(&mut command, Duration::from_secs(60))?;
    if actual.timed_out {
        return Ok(Some("  krait timed out".into()));
    }
    if let Some(dump) = expected.strip_prefix("OK\n") {
        if actual.exit_code != 0 {
            return Ok(Some(format!(
                "  CPython parsed it; krait exited {}:\n{}",
                actual.exit_code,
                indent(&String::from_utf8_lossy(&actual.stderr))
            )));
        }
        let got = String::from_utf8_lossy(&actual.stdout);
        return Ok((got != dump).then(|| first_difference(dump, &got)));
    }
    let mut lines = expected.lines().skip(1);
    let class = lines.next().unwrap_or("");
    let lineno = lines.next().unwrap_or("");
    let message = lines.collect::<Vec<_>>().join("\n");
    let stderr = String::from_utf8_lossy(&actual.stderr);
    let last_line = stderr.lines().last().unwrap_or("");
    let want_last = format!("{class}: {message}");
    let want_location = format!(", line {lineno}");
    let location_ok = lineno == "None" || stderr.contains(&want_location);
    if actual.exit_code == 1 && last_line == want_last && location_ok {
        return Ok(None);
    }
    Ok(Some(format!(
        "  CPython: {want_last} (line {lineno})\n  krait (exit {}):\n{}",
        actual.exit_code,
        indent(&stderr)
    )))
}

/// Describes where two long dumps first differ, with context.
fn first_difference(expected: &str, actual: &str) -> String {
    let at = expected
        .bytes()
        .zip(actual.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    let window = |text: &str| -> String {
        let start = floor_char_boundary(text, at.saturating_sub(120));
        let end = floor_char_boundary(text, (at + 120).min(text.len()));
        text[start..end].to_string()
    };
    format!(
        "  first difference at byte {at}\n  CPython: …{}…\n  krait:   …{}…",
        window(expected),
        window(actual)
    )
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}\n"))
        .collect::<String>()
}

fn read_list(path: &Path) -> Result<BTreeSet<String>> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(e) => Err(format!("{}: {e}", path.display()).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_points_at_the_byte() {
        let report = first_difference("Module(body=[A])", "Module(body=[B])");
        assert!(report.contains("byte 13"), "{report}");
    }

    #[test]
    fn first_difference_of_a_prefix_is_its_end() {
        let report = first_difference("abc", "abcd");
        assert!(report.contains("byte 3"), "{report}");
    }
}
