//! Structural self-check of the code generator over CPython's standard
//! library: every `.py` file of the reference CPython's `Lib/` (and
//! `Lib/test/`) that krait parses is compiled, and every code object must
//! decode, jump only to instruction boundaries, have exception-table
//! entries on boundaries with valid handlers, and keep the value stack
//! within `0..=co_stacksize` along every path (`codegen::verify`).
//!
//! The library is found through `KRAIT_CPYTHON_LIB`, else by asking the
//! workplace's `../shared/bin/cpython3.14`; without either the test says
//! so and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

use krait_compiler::codegen::verify::verify;
use krait_compiler::{CompileError, CompileMode, compile};

fn stdlib_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("KRAIT_CPYTHON_LIB") {
        return Some(PathBuf::from(dir));
    }
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bin/cpython3.14");
    let output = Command::new(python)
        .args(["-I", "-c", "import os; print(os.path.dirname(os.__file__))"])
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
}

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn check(path: &Path) -> Option<String> {
    let source = std::fs::read(path).ok()?;
    let name = path.to_string_lossy();
    let parsed = krait_syntax::parse_module(&source, &name).ok()?;
    match compile(&parsed, &name, CompileMode::Exec) {
        Ok(code) => verify(&code).err().map(|e| format!("{name}: {e}")),
        Err(CompileError::Syntax(_)) => None,
        Err(other) => Some(format!("{name}: {other}")),
    }
}

#[test]
fn stdlib_code_is_structurally_sound() {
    let Some(dir) = stdlib_dir() else {
        eprintln!("no reference CPython Lib/ found: skipped");
        return;
    };
    let mut files = Vec::new();
    python_files(&dir, &mut files);
    files.sort();
    let threads = std::thread::available_parallelism().map_or(4, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().filter_map(|f| check(f)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} files fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
