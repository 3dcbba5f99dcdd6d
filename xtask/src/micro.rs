//! `cargo xtask micro`: the cost of single operations, in instructions.
//!
//! `benches/micro/operations.py` holds one function per case (`case_len`,
//! `case_method_call`, ...), each a loop of `n` iterations around one
//! operation. Every case runs under `valgrind --tool=callgrind` with N
//! iterations and with 0, under krait and under CPython, two processes at a
//! time; the difference divided by N is the instruction count of one
//! iteration. The `loop` case (empty body) is the loop's own cost, subtracted
//! to show the operation alone. Instruction counts repeat to a fraction of a
//! percent where wall times do not, so this is the tool for before/after
//! comparisons of an engine change. A developer tool: no test depends on it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

use crate::{Options, Result, krait_binary, parallel::parallel_map, process, reference, repo_root};

/// Iterations per case unless `--n` says otherwise.
const DEFAULT_ITERATIONS: u64 = 100_000;

/// The case whose cost is the loop alone.
const LOOP_CASE: &str = "loop";

/// Longest one run under callgrind may take.
const RUN_TIME_LIMIT: Duration = Duration::from_secs(600);

/// Which interpreter a run measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Krait,
    Cpython,
}

/// One callgrind run: an interpreter, a case and an iteration count.
#[derive(Debug, Clone)]
struct Job {
    side: Side,
    case: String,
    iterations: u64,
}

/// The per-iteration counts of one case, or why a side has none.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    case: String,
    krait: std::result::Result<f64, String>,
    cpython: std::result::Result<f64, String>,
}

/// `cargo xtask micro [--python PY] [--krait BIN] [--n N] [CASES...]`.
pub fn run(args: &[String]) -> Result<ExitCode> {
    let (krait_given, rest) = take_value(args, "--krait")?;
    let (iterations, rest) = take_value(&rest, "--n")?;
    let iterations = match iterations {
        None => DEFAULT_ITERATIONS,
        Some(text) => text
            .parse()
            .ok()
            .filter(|&n: &u64| n > 0)
            .ok_or_else(|| format!("--n wants a positive number, not {text:?}"))?,
    };
    let options = Options::parse(&rest, &["--python"])?;
    require_valgrind()?;
    let program = repo_root().join("benches/micro/operations.py");
    let available = case_names(&fs::read_to_string(&program)?);
    let cases = chosen_cases(&available, &options.paths)?;
    let python = reference::python_or_default(options.python.as_deref())?;
    // The default reference is a shell script that execs CPython; callgrind
    // must be given the interpreter itself.
    let cpython = PathBuf::from(reference::python_eval(
        &python,
        "import sys; print(sys.executable)",
    )?);
    // `--krait BIN` measures a build as it is (say, before and after a change)
    // instead of building the current tree.
    let krait = match krait_given {
        // Absolute, because the runs start in the program's directory.
        Some(path) => fs::canonicalize(&path).map_err(|e| format!("--krait {path}: {e}"))?,
        None => krait_binary::ready()?,
    };

    let jobs: Vec<Job> = cases
        .iter()
        .flat_map(|case| {
            [Side::Krait, Side::Cpython]
                .into_iter()
                .flat_map(move |side| {
                    [iterations, 0].into_iter().map(move |count| Job {
                        side,
                        case: case.clone(),
                        iterations: count,
                    })
                })
        })
        .collect();
    let counts = parallel_map(&jobs, |job| {
        let interpreter = match job.side {
            Side::Krait => &krait,
            Side::Cpython => &cpython,
        };
        count_instructions(interpreter, &program, &job.case, job.iterations)
    });
    let count_of = |case: &str, side: Side, count: u64| {
        jobs.iter()
            .zip(&counts)
            .find(|(job, _)| job.case == case && job.side == side && job.iterations == count)
            .map_or_else(|| Err("not run".to_string()), |(_, result)| result.clone())
    };
    let rows: Vec<Row> = cases
        .iter()
        .map(|case| {
            let side = |side| {
                let with_n = count_of(case, side, iterations)?;
                let with_zero = count_of(case, side, 0)?;
                Ok(per_iteration(with_n, with_zero, iterations))
            };
            Row {
                case: case.clone(),
                krait: side(Side::Krait),
                cpython: side(Side::Cpython),
            }
        })
        .collect();
    println!(
        "Instructions per iteration (callgrind, N = {iterations}); krait {}, CPython {}\n",
        krait.display(),
        cpython.display()
    );
    print!("{}", format_table(&rows));
    Ok(ExitCode::SUCCESS)
}

/// Takes `FLAG VALUE` out of `args`, returning the value (if given) and the rest.
fn take_value(args: &[String], flag: &str) -> Result<(Option<String>, Vec<String>)> {
    let mut value = None;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == flag {
            value = Some(iter.next().ok_or(format!("{flag} needs a value"))?.clone());
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((value, rest))
}

/// Fails with installation advice unless `valgrind` can be run.
fn require_valgrind() -> Result<()> {
    let works = Command::new("valgrind")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if works {
        Ok(())
    } else {
        Err(
            "valgrind is not installed; `cargo xtask micro` counts instructions with \
             callgrind: install it with `apt-get install valgrind`"
                .into(),
        )
    }
}

/// The case names defined in `source`: every top-level `def case_NAME(`, in order.
fn case_names(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| line.strip_prefix("def case_"))
        .filter_map(|rest| rest.split_once('(').map(|(name, _)| name.to_string()))
        .collect()
}

/// The cases to run: those asked for (all when none), always with `loop`
/// first because every other case is shown with its cost subtracted.
fn chosen_cases(available: &[String], asked: &[PathBuf]) -> Result<Vec<String>> {
    let mut cases = vec![LOOP_CASE.to_string()];
    if asked.is_empty() {
        cases.extend(available.iter().filter(|c| *c != LOOP_CASE).cloned());
        return Ok(cases);
    }
    for name in asked {
        let name = name.to_string_lossy().into_owned();
        if !available.contains(&name) {
            return Err(format!(
                "no case {name:?} in benches/micro/operations.py; cases: {}",
                available.join(", ")
            )
            .into());
        }
        if !cases.contains(&name) {
            cases.push(name);
        }
    }
    Ok(cases)
}

/// Runs `interpreter program case iterations` under callgrind and returns the
/// instructions it executed, or a short description of what went wrong.
fn count_instructions(
    interpreter: &Path,
    program: &Path,
    case: &str,
    iterations: u64,
) -> std::result::Result<u64, String> {
    let dir = program.parent().unwrap_or(Path::new("."));
    let mut command = process::interpreter_command(Path::new("valgrind"), dir);
    command
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(interpreter)
        .arg(program)
        .arg(case)
        .arg(iterations.to_string());
    let captured =
        process::run_captured(&mut command, RUN_TIME_LIMIT).map_err(|e| e.to_string())?;
    if captured.timed_out {
        return Err("timed out".to_string());
    }
    if captured.exit_code != 0 {
        return Err(format!("exited {}", captured.exit_code));
    }
    parse_collected(&String::from_utf8_lossy(&captured.stderr))
        .ok_or_else(|| "no callgrind count".to_string())
}

/// The instruction count in callgrind's summary line `==PID== Collected : N`.
fn parse_collected(stderr: &str) -> Option<u64> {
    stderr.lines().find_map(|line| {
        let (_, after) = line.split_once("Collected :")?;
        after.trim().parse().ok()
    })
}

/// Instructions per iteration: the run with `iterations` iterations minus the
/// run with none, divided by `iterations`.
fn per_iteration(with_n: u64, with_zero: u64, iterations: u64) -> f64 {
    (with_n as f64 - with_zero as f64) / iterations.max(1) as f64
}

/// The Markdown table: per-iteration counts, their ratio, and the same with
/// the `loop` case's cost subtracted (the operation alone).
fn format_table(rows: &[Row]) -> String {
    let loop_row = rows.iter().find(|row| row.case == LOOP_CASE);
    let loop_cost = |pick: fn(&Row) -> &std::result::Result<f64, String>| {
        loop_row.and_then(|row| pick(row).as_ref().ok().copied())
    };
    let krait_loop = loop_cost(|row| &row.krait);
    let cpython_loop = loop_cost(|row| &row.cpython);
    let mut table = String::from(
        "| case | krait | CPython | krait/CPython | krait − loop | CPython − loop | krait/CPython − loop |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
    );
    for row in rows {
        let cell = |value: &std::result::Result<f64, String>| match value {
            Ok(count) => format!("{count:.1}"),
            Err(problem) => problem.clone(),
        };
        let (krait_body, cpython_body) = match (&row.krait, &row.cpython) {
            (Ok(k), Ok(c)) => (krait_loop.map(|l| k - l), cpython_loop.map(|l| c - l)),
            _ => (None, None),
        };
        let optional = |value: Option<f64>| value.map_or("–".to_string(), |v| format!("{v:.1}"));
        table.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            row.case,
            cell(&row.krait),
            cell(&row.cpython),
            ratio(
                row.krait.as_ref().ok().copied(),
                row.cpython.as_ref().ok().copied()
            ),
            optional(krait_body),
            optional(cpython_body),
            ratio(krait_body, cpython_body),
        ));
    }
    table
}

/// `krait / cpython` with two decimals, or `–` when either is missing or the
/// divisor is too small to mean anything.
fn ratio(krait: Option<f64>, cpython: Option<f64>) -> String {
    match (krait, cpython) {
        (Some(k), Some(c)) if c.abs() >= 0.5 => format!("{:.2}", k / c),
        _ => "–".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_callgrind_summary_line() {
        let stderr = "==123== Callgrind, a call-graph generating cache profiler\n\
                      ==123== Events    : Ir\n\
                      ==123== Collected : 1234567\n\
                      ==123== I   refs:      1,234,567\n";
        assert_eq!(parse_collected(stderr), Some(1_234_567));
        assert_eq!(parse_collected("==1== I refs: 5\n"), None);
    }

    #[test]
    fn per_iteration_subtracts_the_empty_run() {
        assert_eq!(per_iteration(1_500_000, 500_000, 100_000), 10.0);
        assert_eq!(per_iteration(500_050, 500_000, 100), 0.5);
    }

    #[test]
    fn case_names_are_the_case_functions_in_order() {
        let source = "def helper(x):\n    pass\ndef case_loop(n):\n    pass\n\
                      def case_len(n):\n    pass\n    def case_nested(n): pass\n";
        assert_eq!(case_names(source), vec!["loop", "len"]);
    }

    #[test]
    fn chosen_cases_put_loop_first_and_reject_unknown_names() {
        let available: Vec<String> = ["loop", "len", "func_call"].map(String::from).to_vec();
        assert_eq!(
            chosen_cases(&available, &[]).unwrap(),
            vec!["loop", "len", "func_call"]
        );
        assert_eq!(
            chosen_cases(&available, &[PathBuf::from("func_call")]).unwrap(),
            vec!["loop", "func_call"]
        );
        assert!(chosen_cases(&available, &[PathBuf::from("nope")]).is_err());
    }

    #[test]
    fn takes_a_flag_and_its_value_out_of_the_arguments() {
        let args: Vec<String> = ["len", "--n", "500", "--python", "/py"]
            .map(String::from)
            .to_vec();
        let (n, rest) = take_value(&args, "--n").unwrap();
        assert_eq!(n.as_deref(), Some("500"));
        assert_eq!(rest, vec!["len", "--python", "/py"]);
        assert_eq!(take_value(&rest, "--krait").unwrap().0, None);
        assert!(take_value(&["--n".to_string()], "--n").is_err());
    }

    #[test]
    fn table_shows_counts_ratios_and_loop_subtracted_counts() {
        let rows = vec![
            Row {
                case: "loop".to_string(),
                krait: Ok(20.0),
                cpython: Ok(10.0),
            },
            Row {
                case: "len".to_string(),
                krait: Ok(120.0),
                cpython: Ok(60.0),
            },
            Row {
                case: "broken".to_string(),
                krait: Err("exited 1".to_string()),
                cpython: Ok(30.0),
            },
        ];
        let table = format_table(&rows);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[2], "| loop | 20.0 | 10.0 | 2.00 | 0.0 | 0.0 | – |");
        assert_eq!(
            lines[3],
            "| len | 120.0 | 60.0 | 2.00 | 100.0 | 50.0 | 2.00 |"
        );
        assert_eq!(lines[4], "| broken | exited 1 | 30.0 | – | – | – | – |");
    }
}
