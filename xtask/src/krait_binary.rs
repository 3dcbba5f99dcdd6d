//! Building the release `krait` binary and running it (`cargo xtask run`).
//!
//! All test stages and benchmarks use this one release build, so a test run
//! compiles the interpreter once. While iterating on the engine, setting
//! `KRAIT_PROFILE=dev` builds and uses the unoptimised binary instead (much
//! quicker to build on two cores; never used by `.ci/run`).

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use crate::{Result, repo_root, stdlib};

/// Builds `krait` in release mode (quietly; cargo only rebuilds what changed)
/// and returns the path of the binary. `KRAIT_PROFILE=dev` builds the
/// unoptimised binary instead.
pub fn build_release() -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let dev = std::env::var("KRAIT_PROFILE").is_ok_and(|p| p == "dev");
    let mut args = vec!["build", "--quiet", "--package", "krait-cli"];
    if !dev {
        args.push("--release");
    }
    let status = Command::new(cargo)
        .current_dir(repo_root())
        .args(&args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building krait failed".into());
    }
    Ok(target_dir()
        .join(if dev { "debug" } else { "release" })
        .join("krait"))
}

/// The workspace's target directory (honouring `CARGO_TARGET_DIR`), absolute.
pub fn target_dir() -> PathBuf {
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target"));
    if dir.is_absolute() {
        dir
    } else {
        repo_root().join(dir)
    }
}

/// Builds krait, makes sure the standard library is installed, and returns the binary.
pub fn ready() -> Result<PathBuf> {
    let krait = build_release()?;
    stdlib::ensure_installed(&krait)?;
    Ok(krait)
}

/// `cargo xtask run ARGS...`: runs krait with `ARGS` and exits with its status.
pub fn run(args: &[String]) -> Result<ExitCode> {
    let krait = ready()?;
    let status = Command::new(&krait)
        .args(args)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", krait.display()))?;
    let code = crate::process::exit_code_of(status);
    // A signal death is reported as 128 + signal, like a shell does.
    let code = if code < 0 { 128 - code } else { code };
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}
