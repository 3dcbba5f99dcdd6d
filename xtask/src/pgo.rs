//! A profile-guided release build of krait (`cargo xtask pgo`; `cargo xtask
//! bench` measures this build unless told otherwise).
//!
//! CPython's release builds are optimised with a profile of a training run;
//! LLVM then knows which paths of the eval loop are hot, which decides its
//! register allocation and code layout far better than the static guess.
//! Three steps, each in its own target directory so that the ordinary release
//! build in `target/release` is never invalidated by the changed `RUSTFLAGS`:
//! 1. build krait with `-Cprofile-generate` (`target/pgo-generate`);
//! 2. run that binary over every differential program in `tests/programs/`
//!    (the training set is the test suite, never the benchmarks, so that the
//!    profile is not fitted to what it is measured on);
//! 3. merge the raw profiles with the toolchain's `llvm-profdata` (rustup
//!    component `llvm-tools`, installed on demand) and build again with
//!    `-Cprofile-use` (`target/pgo-use`). The merged profile's file name
//!    carries a hash of its contents: cargo does not look inside the file a
//!    flag names, so a new profile must change the flag to be rebuilt with.
//!
//! It costs two extra full release builds, so the test command does not use
//! it; the tests run the plain release build of the same source.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::{Result, difftest, krait_binary, parallel::parallel_map, repo_root, stdlib};

/// `cargo xtask pgo`: builds the profile-guided binary and prints its path.
pub fn run(args: &[String]) -> Result<ExitCode> {
    if let Some(arg) = args.first() {
        return Err(format!("pgo takes no arguments, not {arg:?}").into());
    }
    let krait = build()?;
    println!("{}", krait.display());
    Ok(ExitCode::SUCCESS)
}

/// Builds the profile-guided krait (see the module documentation), installs
/// the standard library if needed, and returns the binary's path.
pub fn build() -> Result<PathBuf> {
    let profdata_tool = llvm_profdata()?;
    let target = krait_binary::target_dir();
    let raw_dir = target.join("pgo-profiles");
    if raw_dir.exists() {
        std::fs::remove_dir_all(&raw_dir)?;
    }
    std::fs::create_dir_all(&raw_dir)?;
    eprintln!("xtask pgo: building the instrumented krait");
    let generate_flag = format!("-Cprofile-generate={}", raw_dir.display());
    let instrumented = cargo_build(&target.join("pgo-generate"), &generate_flag)?;
    stdlib::ensure_installed(&instrumented)?;

    let programs = difftest::discover(&difftest::programs_dir(&repo_root()))?;
    eprintln!(
        "xtask pgo: training on {} differential programs",
        programs.len()
    );
    // Outcomes do not matter here (some programs fail on purpose); only the
    // profile each run leaves behind does.
    parallel_map(&programs, |program| {
        let _ = difftest::run_program(&instrumented, program);
    });

    let merging = target.join("pgo-merging.profdata");
    let status = Command::new(&profdata_tool)
        .arg("merge")
        .arg("-o")
        .arg(&merging)
        .arg(&raw_dir)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", profdata_tool.display()))?;
    if !status.success() {
        return Err("llvm-profdata merge failed".into());
    }
    let merged = name_by_contents(&target, &merging)?;
    eprintln!("xtask pgo: building the profile-guided krait");
    let use_flag = format!("-Cprofile-use={}", merged.display());
    let krait = cargo_build(&target.join("pgo-use"), &use_flag)?;
    stdlib::ensure_installed(&krait)?;
    Ok(krait)
}

/// Renames the merged profile at `merging` to `pgo-<hash>.profdata` in
/// `target` (the hash of its contents), removing older profiles; returns
/// the new path.
fn name_by_contents(target: &Path, merging: &Path) -> Result<PathBuf> {
    use std::hash::{Hash, Hasher};
    let contents = std::fs::read(merging)?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    contents.hash(&mut hasher);
    let merged = target.join(profile_file_name(hasher.finish()));
    for entry in std::fs::read_dir(target)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("pgo-") && name.ends_with(".profdata") && path != merging {
            std::fs::remove_file(&path)?;
        }
    }
    std::fs::rename(merging, &merged)?;
    Ok(merged)
}

/// The file name of a merged profile whose contents hash to `hash`.
fn profile_file_name(hash: u64) -> String {
    format!("pgo-{hash:016x}.profdata")
}

/// Builds krait in release mode into `target_dir` with `rustflag` added to
/// the flags it is built with; returns the binary. The flag goes after the
/// configured `build.rustflags` (`.cargo/config.toml`): cargo joins an array
/// given with `--config` to the file's. A `RUSTFLAGS` set in the
/// environment replaces the configured flags (as in any cargo build), so
/// then the flag is appended to it instead.
fn cargo_build(target_dir: &Path, rustflag: &str) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    match std::env::var("RUSTFLAGS") {
        Ok(rustflags) if !rustflags.is_empty() => {
            command.env("RUSTFLAGS", format!("{rustflags} {rustflag}"));
        }
        _ => {
            command.env_remove("RUSTFLAGS");
            command
                .arg("--config")
                .arg(format!("build.rustflags=[{rustflag:?}]"));
        }
    }
    let status = command
        .current_dir(repo_root())
        .args(["build", "--quiet", "--release", "--package", "krait-cli"])
        .arg("--target-dir")
        .arg(target_dir)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building krait failed".into());
    }
    Ok(target_dir.join("release").join("krait"))
}

/// The `llvm-profdata` that matches the toolchain's LLVM (rustup's
/// `llvm-tools` component), installing the component when it is missing.
fn llvm_profdata() -> Result<PathBuf> {
    let tool = toolchain_bin()?.join("llvm-profdata");
    if tool.is_file() {
        return Ok(tool);
    }
    eprintln!("xtask pgo: installing the llvm-tools component (rustup component add llvm-tools)");
    let installed = Command::new("rustup")
        .args(["component", "add", "llvm-tools"])
        .status()
        .is_ok_and(|s| s.success());
    if installed && tool.is_file() {
        return Ok(tool);
    }
    Err(format!(
        "a profile-guided build needs {} (rustup component add llvm-tools)",
        tool.display()
    )
    .into())
}

/// `<sysroot>/lib/rustlib/<host>/bin` of the active toolchain.
fn toolchain_bin() -> Result<PathBuf> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = command_output(Command::new(&rustc).args(["--print", "sysroot"]))?;
    let version = command_output(Command::new(&rustc).arg("-vV"))?;
    let host = host_triple(&version).ok_or("rustc -vV printed no host triple")?;
    Ok(PathBuf::from(sysroot.trim())
        .join("lib")
        .join("rustlib")
        .join(host)
        .join("bin"))
}

/// The `host:` line of `rustc -vV`.
fn host_triple(version: &str) -> Option<&str> {
    version
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::trim)
}

/// The standard output of a command that must succeed.
fn command_output(command: &mut Command) -> Result<String> {
    let output = command
        .output()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!("{command:?} failed").into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_triple_is_read_from_rustc_version() {
        let version = "rustc 1.95.0 (x 2026-01-01)\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\n";
        assert_eq!(host_triple(version), Some("x86_64-unknown-linux-gnu"));
        assert_eq!(host_triple("rustc 1.95.0\n"), None);
    }

    #[test]
    fn profile_names_differ_by_contents_hash() {
        assert_eq!(profile_file_name(0xab), "pgo-00000000000000ab.profdata");
        assert_ne!(profile_file_name(1), profile_file_name(2));
    }
}
