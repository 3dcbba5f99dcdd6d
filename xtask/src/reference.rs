//! Finding the reference CPython 3.14 that expectations are recorded from and
//! benchmarks compare against.
//!
//! The default is the workplace's `../shared/bin/cpython3.14` beside the
//! repository; `--python PY` picks any other `python3.14`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, repo_root};

/// The default reference interpreter, if it exists on this machine.
pub fn default_python() -> Option<PathBuf> {
    let candidate = repo_root().join("../shared/bin/cpython3.14");
    candidate.is_file().then_some(candidate)
}

/// The interpreter to use: the one given, else the default, else an error.
pub fn python_or_default(given: Option<&Path>) -> Result<PathBuf> {
    match given {
        Some(path) => Ok(path.to_path_buf()),
        None => default_python().ok_or_else(|| {
            "no reference CPython: ../shared/bin/cpython3.14 is missing; pass --python PY".into()
        }),
    }
}

/// Runs `python -c code` and returns its stdout, trimmed.
pub fn python_eval(python: &Path, code: &str) -> Result<String> {
    let output = Command::new(python)
        .args(["-I", "-c", code])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if !output.status.success() {
        return Err(format!(
            "{} failed: {}",
            python.display(),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The version of `python`, e.g. `3.14.10`.
pub fn python_version(python: &Path) -> Result<String> {
    python_eval(python, "import platform; print(platform.python_version())")
}

/// The standard library directory of `python` and every `.py` file in it
/// (its `Lib/` and `Lib/test/`), sorted.
pub fn stdlib_python_files(python: &Path) -> Result<(PathBuf, Vec<PathBuf>)> {
    let stdlib = PathBuf::from(python_eval(
        python,
        "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
    )?);
    let files = python_files(&stdlib)?;
    Ok((stdlib, files))
}

/// Every `.py` file under `dir`, sorted, skipping `site-packages`. Symbolic
/// links to files count (Debian links `_sysconfigdata_*.py`); dangling ones do not.
fn python_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current)? {
            let entry = entry?;
            let path = entry.path();
            let file_type = entry.file_type()?;
            if file_type.is_dir() {
                if path.file_name().is_some_and(|n| n != "site-packages") {
                    pending.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "py") && path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
