//! Finding the reference CPython 3.14 that expectations are recorded from and
//! benchmarks compare against.
//!
//! The default is the workplace's `../shared/bin/cpython3.14` beside the
//! repository; `--python PY` picks any other `python3.14`.

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
