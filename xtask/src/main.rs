//! `cargo xtask`: krait's project tooling, written in Rust so that a fresh machine
//! needs nothing but the Rust toolchain.
//!
//! Commands:
//! - `run [ARGS...]` builds krait (release), makes sure CPython's pure-Python
//!   standard library is installed, and runs `krait ARGS...`.
//! - `test` runs the whole test suite: formatting, clippy, unit tests, the
//!   differential programs and, when the reference CPython is present, the
//!   front-end conformance check over CPython's own `Lib/`.
//! - `record [--python PY] [PATHS...]` records CPython's stdout, stderr and exit
//!   code for differential programs.
//! - `difftest [--prune-known-failures]` runs only the differential programs.
//! - `bench [--python PY] [--rounds N] [--no-pgo | --krait BIN] [PROGRAMS...]`
//!   times krait's profile-guided build (see `pgo`; `--no-pgo`: the plain
//!   release build; `--krait`: a given binary) against CPython.
//! - `pgo` builds the profile-guided krait (trained on the differential
//!   programs) into `target/pgo-use/release/krait`.
//! - `micro [--python PY] [--krait BIN] [--n N] [CASES...]` counts the
//!   instructions of single operations (callgrind), krait against CPython.
//! - `bench-parse [--python PY] [--rounds N]` times the front end against
//!   CPython's `ast.parse` over CPython's `Lib/`.
//! - `ast-conformance [--python PY] [--update]` compares `krait --dump-ast`
//!   with CPython's `ast.dump` over CPython's `Lib/`.
//! - `symtable-conformance [--python PY] [--update]` compares
//!   `krait --dump-symtable` with CPython's `symtable` over CPython's `Lib/`.
//! - `code-conformance [--python PY] [--update]` compares `krait --dump-code`
//!   with CPython's code objects over CPython's `Lib/`.
//! - `stdlib` fetches the standard library and prints where it is.

mod bench;
mod bench_parse;
mod conformance;
mod difftest;
mod krait_binary;
mod micro;
mod parallel;
mod pgo;
mod process;
mod record;
mod reference;
mod stdlib;
mod test_suite;

use std::error::Error;
use std::path::PathBuf;
use std::process::ExitCode;

/// Errors of the tooling are reported as text and end the command.
pub type Result<T> = std::result::Result<T, Box<dyn Error>>;

const USAGE: &str = "usage: cargo xtask <command>
  run [ARGS...]                          build krait and run it with ARGS
  test                                   run the whole test suite
  record [--python PY] [PATHS...]        record CPython's results for differential programs
  difftest [--prune-known-failures]      run only the differential programs
  bench [--python PY] [--rounds N] [--no-pgo | --krait BIN] [PROGRAMS...]
                                         time krait (its profile-guided build unless told) against CPython
  pgo                                    build the profile-guided krait, print its path
  micro [--python PY] [--krait BIN] [--n N] [CASES...]
                                         instructions per operation (callgrind), krait and CPython
  bench-parse [--python PY] [--rounds N] time krait's parser against CPython's ast.parse
  ast-conformance [--python PY] [--update]
                                         compare --dump-ast with CPython over its Lib/
  symtable-conformance [--python PY] [--update]
                                         compare --dump-symtable with CPython over its Lib/
  code-conformance [--python PY] [--update]
                                         compare --dump-code with CPython over its Lib/
  stdlib                                 fetch the standard library, print its location";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(command) = args.next() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<String> = args.collect();
    let outcome = match command.as_str() {
        "run" => krait_binary::run(&rest),
        "test" => test_suite::run(&rest),
        "record" => record::run(&rest),
        "difftest" => difftest::run_command(&rest),
        "bench" => bench::run(&rest),
        "pgo" => pgo::run(&rest),
        "micro" => micro::run(&rest),
        "bench-parse" => bench_parse::run(&rest),
        "ast-conformance" => conformance::run(conformance::Check::Ast, &rest),
        "symtable-conformance" => conformance::run(conformance::Check::Symtable, &rest),
        "code-conformance" => conformance::run(conformance::Check::Code, &rest),
        "stdlib" => stdlib::run(&rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}").into()),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::from(2)
        }
    }
}

/// The repository root (the parent of this crate's directory).
pub fn repo_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(PathBuf::from)
        .unwrap_or(manifest_dir)
}

/// Options shared by several commands: `--python PY`, `--rounds N` and the
/// remaining positional arguments.
#[derive(Debug, Default)]
pub struct Options {
    /// The CPython to compare against, if given.
    pub python: Option<PathBuf>,
    /// Benchmark rounds, if given.
    pub rounds: Option<usize>,
    /// A krait binary to use instead of building one, if given.
    pub krait: Option<PathBuf>,
    /// Positional arguments.
    pub paths: Vec<PathBuf>,
}

impl Options {
    /// Parses `args`, accepting only the flags in `allowed`.
    pub fn parse(args: &[String], allowed: &[&str]) -> Result<Options> {
        let mut options = Options::default();
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            let mut value = |flag: &str| -> Result<String> {
                if !allowed.contains(&flag) {
                    return Err(format!("{flag} is not an option of this command").into());
                }
                iter.next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value").into())
            };
            match arg.as_str() {
                "--python" => options.python = Some(PathBuf::from(value("--python")?)),
                "--krait" => options.krait = Some(PathBuf::from(value("--krait")?)),
                "--rounds" => {
                    let text = value("--rounds")?;
                    let rounds: usize = text
                        .parse()
                        .map_err(|_| format!("--rounds wants a number, not {text:?}"))?;
                    options.rounds = Some(rounds.max(1));
                }
                flag if flag.starts_with("--") => {
                    return Err(format!("unknown option {flag}").into());
                }
                path => options.paths.push(PathBuf::from(path)),
            }
        }
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse_flags_and_paths() {
        let args: Vec<String> = ["--python", "/py", "a.py", "--rounds", "3", "b.py"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let options = Options::parse(&args, &["--python", "--rounds"]).unwrap();
        assert_eq!(options.python, Some(PathBuf::from("/py")));
        assert_eq!(options.rounds, Some(3));
        assert_eq!(
            options.paths,
            vec![PathBuf::from("a.py"), PathBuf::from("b.py")]
        );
    }

    #[test]
    fn options_reject_flags_a_command_does_not_take() {
        let args = vec!["--rounds".to_string(), "3".to_string()];
        assert!(Options::parse(&args, &["--python"]).is_err());
        assert!(Options::parse(&["--bogus".to_string()], &["--python"]).is_err());
    }
}
