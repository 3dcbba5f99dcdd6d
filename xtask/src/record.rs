//! `cargo xtask record`: records what CPython 3.14 prints for differential
//! programs, so the expectations always come from the reference, never by hand.
//!
//! With no paths it records every program under `tests/programs/`; paths may
//! name programs, topic directories or the programs root.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::difftest::{self, Expectation};
use crate::{Options, Result, reference, repo_root};

/// Records the expectations of the programs named in `args` (all by default).
pub fn run(args: &[String]) -> Result<ExitCode> {
    let options = Options::parse(args, &["--python"])?;
    let python = reference::python_or_default(options.python.as_deref())?;
    let programs = select_programs(&options.paths)?;
    for program in &programs {
        record_one(&python, program)?;
    }
    println!(
        "recorded {} programs with {}",
        programs.len(),
        python.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The programs named by `paths`: files as given, directories expanded.
fn select_programs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let all_dir = difftest::programs_dir(&repo_root());
    if paths.is_empty() {
        return difftest::discover(&all_dir);
    }
    let mut programs = Vec::new();
    for path in paths {
        if path.is_dir() {
            // The programs root holds topics; any other directory is a topic,
            // whose subdirectories are importable modules, not programs.
            let is_root = std::fs::canonicalize(path)? == std::fs::canonicalize(&all_dir)?;
            if is_root {
                programs.extend(difftest::discover(path)?);
            } else {
                programs.extend(difftest::python_files_in(path)?);
            }
        } else if path.is_file() {
            programs.push(path.clone());
        } else {
            return Err(format!("{} does not exist", path.display()).into());
        }
    }
    Ok(programs)
}

fn record_one(python: &Path, program: &Path) -> Result<()> {
    let captured = difftest::run_program(python, program)?;
    if captured.timed_out {
        return Err(format!("{} timed out under {}", program.display(), python.display()).into());
    }
    difftest::write_expectation(
        program,
        &Expectation {
            stdout: captured.stdout,
            stderr: captured.stderr,
            exit_code: captured.exit_code,
        },
    )
}
