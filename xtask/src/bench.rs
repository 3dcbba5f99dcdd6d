//! `cargo xtask bench`: whole-program benchmarks, krait against CPython 3.14.
//!
//! Every program under `benches/` (or those named) runs `--rounds` times
//! (default 5) under each interpreter, alternating krait and CPython so that
//! both see the same machine state. For each program it prints the median wall
//! time of each, the ratio krait/CPython and each side's peak memory (maximum
//! resident set size); at the end, the geometric mean of the ratios. A run
//! whose exit status is non-zero, or whose stdout differs from CPython's, is
//! reported as such and left out of the mean. Timings never decide a test.

use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use crate::{Options, Result, krait_binary, process, reference, repo_root};

/// One measured run.
#[derive(Debug, Clone)]
pub struct Run {
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Peak resident set size in KiB.
    pub max_rss_kib: u64,
    /// Exit code (`-signal` for a signal).
    pub exit_code: i32,
    /// What the program printed.
    pub stdout: Vec<u8>,
}

/// `cargo xtask bench [--python PY] [--rounds N] [--no-pgo | --krait BIN]
/// [PROGRAMS...]`. krait is the profile-guided build (`pgo.rs`) unless
/// `--no-pgo` asks for the plain release build or `--krait` names a binary
/// to measure as it is.
pub fn run(args: &[String]) -> Result<ExitCode> {
    let no_pgo = args.iter().any(|a| a == "--no-pgo");
    let args: Vec<String> = args.iter().filter(|a| *a != "--no-pgo").cloned().collect();
    let options = Options::parse(&args, &["--python", "--rounds", "--krait"])?;
    let python = reference::python_or_default(options.python.as_deref())?;
    let rounds = options.rounds.unwrap_or(5);
    let programs = if options.paths.is_empty() {
        crate::difftest::python_files_in(&repo_root().join("benches"))?
    } else {
        options.paths.clone()
    };
    let (krait, build) = match (&options.krait, no_pgo) {
        (Some(_), true) => return Err("--krait and --no-pgo exclude each other".into()),
        // Absolute: each program runs in its own directory.
        (Some(given), false) => {
            let path = std::fs::canonicalize(given)
                .map_err(|e| format!("--krait {}: {e}", given.display()))?;
            let build = format!("krait {}", path.display());
            (path, build)
        }
        (None, true) => (
            krait_binary::ready()?,
            "krait's plain release build".to_string(),
        ),
        (None, false) => (
            crate::pgo::build()?,
            "krait's profile-guided build".to_string(),
        ),
    };
    println!("{rounds} rounds each, alternating; median wall time; peak RSS; {build}\n");
    println!(
        "| program | CPython 3.14 (s) | krait (s) | krait/CPython | CPython peak MiB | krait peak MiB |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for program in &programs {
        let mut cpython_runs = Vec::new();
        let mut krait_runs = Vec::new();
        for _ in 0..rounds {
            krait_runs.push(measure(&krait, program)?);
            cpython_runs.push(measure(&python, program)?);
        }
        let name = program.file_name().map_or_else(
            || program.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let cpython_time = median(cpython_runs.iter().map(|r| r.seconds).collect());
        let cpython_rss = max_rss_mib(&cpython_runs);
        let verdict = judge(&cpython_runs, &krait_runs);
        match verdict {
            Ok(()) => {
                let krait_time = median(krait_runs.iter().map(|r| r.seconds).collect());
                let ratio = krait_time / cpython_time;
                ratios.push(ratio);
                println!(
                    "| {name} | {cpython_time:.3} | {krait_time:.3} | {ratio:.2} | {cpython_rss:.1} | {:.1} |",
                    max_rss_mib(&krait_runs)
                );
            }
            Err(problem) => {
                println!("| {name} | {cpython_time:.3} | {problem} | – | {cpython_rss:.1} | – |");
            }
        }
    }
    match geometric_mean(&ratios) {
        Some(mean) => println!(
            "\ngeometric mean krait/CPython: {mean:.2} over {} of {} programs",
            ratios.len(),
            programs.len()
        ),
        None => println!("\ngeometric mean krait/CPython: none (krait ran no program correctly)"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether krait's runs count: every run exited 0 with CPython's stdout.
fn judge(cpython: &[Run], krait: &[Run]) -> std::result::Result<(), String> {
    if let Some(bad) = cpython.iter().find(|r| r.exit_code != 0) {
        return Err(format!("CPython exited {}", bad.exit_code));
    }
    if let Some(bad) = krait.iter().find(|r| r.exit_code != 0) {
        return Err(format!("krait exited {}", bad.exit_code));
    }
    let expected = cpython.first().map(|r| &r.stdout);
    if krait.iter().any(|r| Some(&r.stdout) != expected) {
        return Err("krait printed other output".to_string());
    }
    Ok(())
}

/// Runs `interpreter program` once, timing it and reading its peak memory.
pub fn measure(interpreter: &Path, program: &Path) -> Result<Run> {
    let dir = program.parent().unwrap_or(Path::new("."));
    let mut command: Command = process::interpreter_command(interpreter, dir);
    let file = program.file_name().unwrap_or(program.as_os_str());
    command
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let started = Instant::now();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", interpreter.display()))?;
    let mut stdout_pipe = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        if let Some(pipe) = stdout_pipe.as_mut() {
            let _ = pipe.read_to_end(&mut buffer);
        }
        buffer
    });
    let pid = libc::pid_t::try_from(child.id()).map_err(|_| "child pid out of range")?;
    let (status, usage) = wait_with_usage(pid)?;
    let seconds = started.elapsed().as_secs_f64();
    let stdout = reader.join().unwrap_or_default();
    Ok(Run {
        seconds,
        max_rss_kib: u64::try_from(usage.ru_maxrss).unwrap_or(0),
        exit_code: decode_wait_status(status),
        stdout,
    })
}

/// Waits for `pid` and returns its wait status and resource usage.
fn wait_with_usage(pid: libc::pid_t) -> Result<(libc::c_int, libc::rusage)> {
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet reaped (std's `Child` was
        // never waited on), and both out-pointers are valid for writes.
        let result = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if result == pid {
            return Ok((status, usage));
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {error}").into());
        }
    }
}

fn decode_wait_status(status: libc::c_int) -> i32 {
    if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else if libc::WIFSIGNALED(status) {
        -libc::WTERMSIG(status)
    } else {
        -1
    }
}

fn max_rss_mib(runs: &[Run]) -> f64 {
    let kib = runs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0);
    kib as f64 / 1024.0
}

/// The median of `values` (the mean of the middle two for an even count).
pub fn median(mut values: Vec<f64>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// The geometric mean of positive `values`, or `None` for none.
pub fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(vec![]).is_nan());
    }

    #[test]
    fn geometric_mean_of_ratios() {
        let mean = geometric_mean(&[0.5, 2.0]).unwrap();
        assert!((mean - 1.0).abs() < 1e-12);
        assert_eq!(geometric_mean(&[]), None);
    }

    #[test]
    fn measure_reads_exit_code_output_and_memory() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let program = dir.join("p.py");
        std::fs::write(&program, "echo hi; exit 3\n").unwrap();
        let run = measure(Path::new("sh"), &program).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(run.exit_code, 3);
        assert_eq!(run.stdout, b"hi\n");
        assert!(run.max_rss_kib > 0);
        assert!(run.seconds > 0.0);
    }

    #[test]
    fn wrong_output_or_failure_is_not_timed() {
        let ok = Run {
            seconds: 1.0,
            max_rss_kib: 1,
            exit_code: 0,
            stdout: b"1\n".to_vec(),
        };
        let wrong = Run {
            stdout: b"2\n".to_vec(),
            ..ok.clone()
        };
        let failed = Run {
            exit_code: 1,
            ..ok.clone()
        };
        assert!(judge(std::slice::from_ref(&ok), std::slice::from_ref(&ok)).is_ok());
        assert!(judge(std::slice::from_ref(&ok), &[wrong]).is_err());
        assert!(judge(std::slice::from_ref(&ok), &[failed]).is_err());
    }
}
