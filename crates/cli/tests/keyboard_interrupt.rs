//! Ctrl-C: SIGINT raises `KeyboardInterrupt` in running Python code (caught
//! by `except`, or printed as CPython prints it), and an uncaught one ends
//! the process by SIGINT, as CPython 3.14 does (behaviour observed with the
//! reference interpreter on the same programs).

#![cfg(unix)]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `source` as a script, sends SIGINT once it printed "ready", and
/// returns stdout, stderr, the terminating signal and the exit code.
fn interrupt(name: &str, source: &str) -> (String, String, Option<i32>, Option<i32>) {
    let path = std::env::temp_dir().join(format!("krait-sigint-{name}-{}.py", std::process::id()));
    std::fs::write(&path, source).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_krait"));
    command
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe libc calls between fork and exec. The
    // test may itself run with SIGINT ignored (a background CI job): the
    // child starts with the default disposition, as from a terminal.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = command.spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 6];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    assert_eq!(&first, b"ready\n");
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let started = Instant::now();
    let output = child.wait_with_output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "interrupt was not prompt"
    );
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let _ = std::fs::remove_file(&path);
    (
        rest + &String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.signal(),
        output.status.code(),
    )
}

#[test]
fn sigint_is_caught_as_keyboard_interrupt() {
    let (out, err, signal, code) = interrupt(
        "caught",
        "import sys\nprint('ready', flush=True)\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt as e:\n    print('caught', repr(e))\n",
    );
    assert_eq!(
        (out.as_str(), err.as_str()),
        ("caught KeyboardInterrupt()\n", "")
    );
    assert_eq!((signal, code), (None, Some(0)));
}

#[test]
fn uncaught_keyboard_interrupt_ends_the_process_by_sigint() {
    let (out, err, signal, _) = interrupt(
        "uncaught",
        "def spin():\n    while True:\n        pass\nprint('ready', flush=True)\nspin()\n",
    );
    assert_eq!(out, "");
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "{err}");
    assert_eq!(signal, Some(libc::SIGINT));
}

#[test]
fn sigint_ends_time_sleep() {
    let (out, err, signal, _) = interrupt(
        "sleep",
        "import time\nprint('ready', flush=True)\ntime.sleep(60)\nprint('not reached')\n",
    );
    assert_eq!(out, "");
    assert!(err.contains("time.sleep(60)"), "{err}");
    assert!(err.ends_with("\nKeyboardInterrupt\n"), "{err}");
    assert_eq!(signal, Some(libc::SIGINT));
}
