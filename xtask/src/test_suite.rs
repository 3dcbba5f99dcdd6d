//! `cargo xtask test`: the whole test suite, the one command CI runs.
//!
//! Stages, in order (all run; the command fails if any failed):
//! 1. `cargo fmt --check` and `cargo clippy` with warnings denied;
//! 2. unit tests of every crate (`cargo test --workspace`);
//! 3. one release build of krait, then the differential programs under
//!    `tests/programs/`;
//! 4. the AST, symbol-table and code-object conformance checks over CPython's
//!    `Lib/`, when the reference CPython is available on this machine.

use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::conformance::{self, Check};
use crate::{Result, difftest, krait_binary, reference, repo_root};

/// Runs every stage and reports each one's result.
pub fn run(args: &[String]) -> Result<ExitCode> {
    if let Some(arg) = args.first() {
        return Err(format!("`test` takes no arguments (got {arg:?})").into());
    }
    let mut failures: Vec<&str> = Vec::new();
    let mut stage = |name: &'static str, ok: Result<bool>| match ok {
        Ok(true) => println!("== {name}: ok"),
        Ok(false) => {
            println!("== {name}: FAILED");
            failures.push(name);
        }
        Err(error) => {
            println!("== {name}: FAILED ({error})");
            failures.push(name);
        }
    };
    let started = Instant::now();
    stage("cargo fmt --check", cargo(&["fmt", "--all", "--check"]));
    stage(
        "cargo clippy",
        cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]),
    );
    stage("unit tests", cargo(&["test", "--workspace", "--quiet"]));
    match krait_binary::ready() {
        Ok(krait) => {
            println!("== differential programs (tests/programs)");
            let summary = difftest::run_all(&krait, &difftest::programs_dir(&repo_root()));
            stage("differential programs", summary.map(|s| s.failed == 0));
            match reference::default_python() {
                Some(python) => {
                    println!("== front-end conformance (krait --dump-ast vs CPython ast.dump)");
                    let outcome = conformance::check(Check::Ast, &krait, &python, false);
                    stage(Check::Ast.title(), outcome.map(|o| o.failed == 0));
                    println!(
                        "== symbol-table conformance (krait --dump-symtable vs CPython symtable)"
                    );
                    let outcome = conformance::check(Check::Symtable, &krait, &python, false);
                    stage(Check::Symtable.title(), outcome.map(|o| o.failed == 0));
                    println!("== code-object conformance (krait --dump-code vs CPython compile)");
                    let outcome = conformance::check(Check::Code, &krait, &python, false);
                    stage(Check::Code.title(), outcome.map(|o| o.failed == 0));
                }
                None => println!(
                    "== conformance checks: skipped (no ../shared/bin/cpython3.14 on this machine)"
                ),
            }
        }
        Err(error) => stage("release build and standard library", Err(error)),
    }
    println!(
        "== finished in {:.0} s: {}",
        started.elapsed().as_secs_f64(),
        if failures.is_empty() {
            "all stages passed".to_string()
        } else {
            format!("FAILED: {}", failures.join(", "))
        }
    );
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Runs `cargo ARGS` in the repository; `Ok(true)` when it succeeds.
fn cargo(args: &[&str]) -> Result<bool> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(repo_root())
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    Ok(status.success())
}
