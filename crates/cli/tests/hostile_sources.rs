//! Hostile sources never crash krait: each ends in a Python exception printed
//! to stderr and exit status 1, never a signal. These run the real binary.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use std::process::Command;

/// Writes `source` to a scratch file and runs `krait ARGS FILE` on it.
fn krait(name: &str, args: &[&str], source: &str) -> (i32, String) {
    let path = std::env::temp_dir().join(format!("krait-hostile-{}-{name}.py", std::process::id()));
    std::fs::write(&path, source).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("krait was killed by a signal on {name}"));
    (code, String::from_utf8_lossy(&output.stderr).into_owned())
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

#[test]
fn a_200000_term_sum_is_parsed_and_freed_without_recursion() {
    let source = format!("x = {}1\n", "1+".repeat(200_000));
    // It runs now (CPython 3.14 stops with "RecursionError: Stack overflow
    // ... during compilation"; krait's compiler folds the chain
    // iteratively). Either way: no crash.
    let (code, stderr) = krait("sum", &[], &source);
    assert!(
        code == 0 || last_line(&stderr).starts_with("RecursionError"),
        "{code}: {stderr}"
    );
    // ast.dump is recursive in CPython too: a RecursionError, not a crash.
    let (code, stderr) = krait("sum-dump", &["--dump-ast"], &source);
    assert_eq!(code, 1);
    assert_eq!(
        last_line(&stderr),
        "RecursionError: maximum recursion depth exceeded"
    );
}

#[test]
fn long_postfix_chains_are_freed_without_recursion() {
    for (name, link) in [("attr", ".b"), ("call", "()"), ("index", "[0]")] {
        let source = format!("x = a{}\n", link.repeat(300_000));
        let (code, stderr) = krait(name, &[], &source);
        assert_eq!(code, 1, "{name}: {stderr}");
    }
}

#[test]
fn deep_unary_nesting_is_cpythons_memory_error() {
    let source = format!("{}1\n", "-".repeat(100_000));
    let (code, stderr) = krait("unary", &[], &source);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "MemoryError: Parser stack overflowed - Python source too complex to parse\n"
    );
}

#[test]
fn deep_brackets_are_a_syntax_error() {
    let source = format!("x = {}{}\n", "(".repeat(300), ")".repeat(300));
    let (code, stderr) = krait("parens", &[], &source);
    assert_eq!(code, 1);
    assert_eq!(
        last_line(&stderr),
        "SyntaxError: too many nested parentheses"
    );
}
