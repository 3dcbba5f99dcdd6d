//! Running a child process with captured output and a time limit.
//!
//! Every program the harnesses run goes through [`run_captured`], so a hung
//! interpreter ends in a reported timeout instead of a hung test suite.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::Result;

/// What a finished (or killed) child produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
    /// The exit code, or `-signal` when a signal ended the process.
    pub exit_code: i32,
    /// Whether the time limit ran out and the child was killed.
    pub timed_out: bool,
}

/// Runs `command` with stdin closed, capturing stdout and stderr, killing it
/// after `limit`.
pub fn run_captured(command: &mut Command, limit: Duration) -> Result<Captured> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", command.get_program()))?;
    let stdout_reader = spawn_reader(child.stdout.take());
    let stderr_reader = spawn_reader(child.stderr.take());
    let started = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > limit {
            timed_out = true;
            // The child may have exited in between; either way wait reaps it.
            let _ = child.kill();
            break child.wait()?;
        }
        thread::sleep(Duration::from_millis(2));
    };
    let stdout = stdout_reader.join().unwrap_or_default();
    let stderr = stderr_reader.join().unwrap_or_default();
    Ok(Captured {
        stdout,
        stderr,
        exit_code: exit_code_of(status),
        timed_out,
    })
}

fn spawn_reader<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buffer = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buffer);
        }
        buffer
    })
}

/// The exit code of `status`, or `-signal` when a signal ended the process.
pub fn exit_code_of(status: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .unwrap_or_else(|| -status.signal().unwrap_or(0))
}

/// A command for running a Python-like interpreter on a program: the
/// environment is cleared of `PYTHON*` variables and given fixed ones so that
/// CPython and krait see the same world.
pub fn interpreter_command(interpreter: &Path, working_dir: &Path) -> Command {
    let mut command = Command::new(interpreter);
    command.current_dir(working_dir);
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            command.env_remove(key);
        }
    }
    command
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1");
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_exit_code() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo out; echo err >&2; exit 3"]);
        let captured = run_captured(&mut command, Duration::from_secs(10)).unwrap();
        assert_eq!(captured.stdout, b"out\n");
        assert_eq!(captured.stderr, b"err\n");
        assert_eq!(captured.exit_code, 3);
        assert!(!captured.timed_out);
    }

    #[test]
    fn kills_a_child_that_runs_too_long() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let captured = run_captured(&mut command, Duration::from_millis(100)).unwrap();
        assert!(captured.timed_out);
        assert_eq!(captured.exit_code, -9);
    }
}
