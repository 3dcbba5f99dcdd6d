//! The `krait` binary on the ways a program can be given: a script (its
//! directory first on `sys.path`, `sys.argv`), `-c`, standard input and
//! `-m` (a module or a package's `__main__`), compared with what CPython
//! 3.14 prints for the same command lines.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// A fresh directory with `files` (path, text).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("krait-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    std::fs::canonicalize(root).unwrap()
}

/// Runs krait in `dir` with `args` (and `stdin`); returns stdout, stderr, status.
fn krait(dir: &PathBuf, args: &[&str], stdin: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const SHOW: &str = "import sys; print(repr(sys.path[0]), sys.argv, __name__)\n";

#[test]
fn sys_path_and_argv_for_each_way_of_giving_a_program() {
    let dir = tree(
        "modes",
        &[
            ("show.py", SHOW),
            ("tool/__init__.py", ""),
            ("tool/__main__.py", SHOW),
        ],
    );
    let d = dir.to_string_lossy().into_owned();
    assert_eq!(
        krait(&dir, &["show.py", "a"], "").0,
        format!("'{d}' ['show.py', 'a'] __main__\n")
    );
    assert_eq!(
        krait(&dir, &["-c", SHOW, "x"], "").0,
        "'' ['-c', 'x'] __main__\n"
    );
    assert_eq!(krait(&dir, &["-", "y"], SHOW).0, "'' ['-', 'y'] __main__\n");
    assert_eq!(
        krait(&dir, &["-m", "show", "z"], "").0,
        format!("'{d}' ['{d}/show.py', 'z'] __main__\n")
    );
    assert_eq!(
        krait(&dir, &["-m", "tool"], "").0,
        format!("'{d}' ['{d}/tool/__main__.py'] __main__\n")
    );
}

#[test]
fn modules_that_cannot_run_end_the_program() {
    let dir = tree("refusals", &[("pkg/__init__.py", "")]);
    let exe = env!("CARGO_BIN_EXE_krait");
    let (_, err, status) = krait(&dir, &["-m", "nowhere"], "");
    assert_eq!(
        (err, status),
        (format!("{exe}: No module named nowhere\n"), 1)
    );
    let (_, err, _) = krait(&dir, &["-m", "pkg"], "");
    assert_eq!(
        err,
        format!(
            "{exe}: No module named pkg.__main__; 'pkg' is a package and cannot be directly executed\n"
        )
    );
    let (_, err, _) = krait(&dir, &["-m", ".rel"], "");
    assert_eq!(err, format!("{exe}: Relative module names not supported\n"));
}

#[test]
fn tracebacks_of_dash_c_code_show_its_lines() {
    // What CPython 3.14 prints for `-c` (it registers the text with
    // `linecache` under `<string>`).
    let dir = tree("dash-c-traceback", &[("unused.txt", "")]);
    let (_, err, status) = krait(&dir, &["-c", "def f():\n    return 1/0\nf()"], "");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n    f()\n    ~^^\n  File \"<string>\", line 2, in f\n    return 1/0\n           ~^~\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(status, 1);
}
