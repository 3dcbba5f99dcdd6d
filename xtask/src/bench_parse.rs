//! `cargo xtask bench-parse`: front-end speed, krait against CPython.
//!
//! Both sides parse every `.py` file of the reference CPython's `Lib/` and
//! `Lib/test/`, read into memory beforehand, and report the time spent
//! parsing: CPython with `ast.parse` (`xtask/scripts/time_ast_parse.py`),
//! krait with the `parse_files` example of `krait-syntax`, which builds the
//! same AST. Rounds alternate between the two; the medians and their ratio
//! are printed. The issue-3 goal is a ratio of at most 0.2.

use std::path::Path;
use std::process::{Command, ExitCode};

use crate::bench::median;
use crate::{Options, Result, reference, repo_root};

/// Runs the comparison.
pub fn run(args: &[String]) -> Result<ExitCode> {
    let options = Options::parse(args, &["--python", "--rounds"])?;
    let python = reference::python_or_default(options.python.as_deref())?;
    let rounds = options.rounds.unwrap_or(5);
    let (_, files) = reference::stdlib_python_files(&python)?;
    let work = repo_root().join("target").join("bench-parse");
    std::fs::create_dir_all(&work)?;
    let list = work.join("files.txt");
    let mut text = String::new();
    for file in &files {
        text.push_str(&file.to_string_lossy());
        text.push('\n');
    }
    std::fs::write(&list, text)?;
    let parser = build_parse_files()?;
    let script = repo_root().join("xtask/scripts/time_ast_parse.py");
    let mut krait_times = Vec::new();
    let mut cpython_times = Vec::new();
    for _ in 0..rounds {
        krait_times.push(seconds_printed(Command::new(&parser).arg(&list))?);
        cpython_times.push(seconds_printed(
            Command::new(&python).arg("-I").arg(&script).arg(&list),
        )?);
    }
    let krait = median(krait_times);
    let cpython = median(cpython_times);
    println!(
        "parsing {} files, {rounds} rounds, median: CPython ast.parse {cpython:.3} s, krait {krait:.3} s, krait/CPython {:.3}",
        files.len(),
        krait / cpython
    );
    Ok(ExitCode::SUCCESS)
}

/// Builds the `parse_files` example in release mode and returns its path.
fn build_parse_files() -> Result<std::path::PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(repo_root())
        .args([
            "build",
            "--release",
            "--quiet",
            "--package",
            "krait-syntax",
            "--example",
            "parse_files",
        ])
        .status()?;
    if !status.success() {
        return Err("building the parse_files example failed".into());
    }
    Ok(repo_root().join("target/release/examples/parse_files"))
}

/// Runs `command` and parses the number of seconds it prints.
fn seconds_printed(command: &mut Command) -> Result<f64> {
    let output = command.output()?;
    let program = Path::new(command.get_program()).display().to_string();
    if !output.status.success() {
        return Err(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim()
        .parse()
        .map_err(|_| format!("{program} printed {text:?}, not seconds").into())
}
