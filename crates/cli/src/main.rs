//! The `krait` command: runs Python programs as `python3.14` does.
//!
//! It parses and compiles a program (reporting syntax errors exactly as
//! CPython does) and runs it in the engine (`krait_vm`), which prints
//! uncaught exceptions in CPython's traceback format.

mod allocator;
mod command_line;
mod interpreter_config;
mod stdlib_location;

/// Small blocks come from per-thread pools (see `allocator/`).
#[global_allocator]
static ALLOCATOR: allocator::PoolAllocator = allocator::PoolAllocator;

use std::io::{Read, Write};
use std::path::Path;

use krait_vm::runtime::config::Config;
use std::process::ExitCode;

use command_line::{Action, UsageError};
use interpreter_config::ProgramEntry;
use krait_vm::runtime::program::MainOrigin;

/// CPython's usage line, printed after a command-line error.
const USAGE: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...";

const HELP: &str = "usage: krait [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (krait accepts these today):
-c cmd : program passed in as string (terminates option list)
-m mod : run library module as a script (terminates option list)
-h     : print this help message and exit (also -? or --help)
-V     : print the Python version number and exit (also --version)
--dump-ast file : print the file's AST as ast.dump(..., include_attributes=True)
--dump-symtable file : print the file's symbol tables (compare with CPython's symtable)
--dis file : print the disassembly of the compiled file (like python -m dis)
--dump-code file : print the compiled code objects' attributes (compare with CPython's)
--print-stdlib-dir : print where krait looks for the standard library
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// The Python version krait implements.
const PYTHON_VERSION: &str = "3.14";

fn main() -> ExitCode {
    allocator::tune();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let action = match command_line::parse(&args) {
        Ok(action) => action,
        Err(UsageError(message)) => {
            eprintln!("{message}\n{USAGE}\nTry `krait -h' for more information.");
            return ExitCode::from(2);
        }
    };
    match action {
        Action::Version => {
            println!(
                "Python {PYTHON_VERSION} (krait {})",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Action::Help => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Action::PrintStdlibDir => match stdlib_location::stdlib_dir() {
            Some(dir) => {
                println!("{}", dir.display());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("krait: no standard library location: set KRAIT_STDLIB or HOME");
                ExitCode::FAILURE
            }
        },
        Action::DumpAst { path } => dump_ast(&path),
        Action::DumpSymtable { path } => dump_symtable(&path),
        Action::Dis { path } => dump_code(&path, krait_compiler::codegen::dis::disassemble),
        Action::DumpCode { path } => dump_code(&path, krait_compiler::codegen::dump::dump),
        Action::RunFile { path, argv } => {
            let absolute = std::path::absolute(&path).unwrap_or_else(|_| path.clone().into());
            match std::fs::read(&path) {
                Ok(source) => {
                    let filename = absolute.to_string_lossy().into_owned();
                    let config =
                        interpreter_config::config(argv, ProgramEntry::Script(Path::new(&path)));
                    run_source(&source, config, MainOrigin::File(filename))
                }
                Err(error) => {
                    eprintln!(
                        "krait: can't open file '{}': [Errno {}] {}",
                        absolute.display(),
                        error.raw_os_error().unwrap_or(0),
                        os_error_text(&error)
                    );
                    ExitCode::from(2)
                }
            }
        }
        Action::RunCommand { code, argv } => {
            let config = interpreter_config::config(argv, ProgramEntry::CurrentDirectory);
            run_source(code.as_bytes(), config, MainOrigin::Command(code.clone()))
        }
        Action::RunStdin { argv } => {
            let mut source = Vec::new();
            if let Err(error) = std::io::stdin().read_to_end(&mut source) {
                eprintln!("krait: cannot read stdin: {error}");
                return ExitCode::FAILURE;
            }
            let config = interpreter_config::config(argv, ProgramEntry::CurrentDirectory);
            run_source(&source, config, MainOrigin::Stdin)
        }
        Action::RunModule { module, argv } => {
            let config = interpreter_config::config(argv, ProgramEntry::WorkingDirectory);
            let status = krait_vm::runtime::program::run_module_main(module, config);
            ExitCode::from(u8::try_from(status & 0xFF).unwrap_or(1))
        }
    }
}

/// `--dump-ast FILE`: prints the AST, or the syntax error as CPython reports it.
fn dump_ast(path: &str) -> ExitCode {
    print_dump(path, |source| {
        krait_syntax::parse_module(source, path)
            .and_then(|parsed| krait_syntax::ast::dump(&parsed.module, &parsed.index))
    })
}

/// `--dump-symtable FILE`: prints the symbol tables, or the error as CPython reports it.
fn dump_symtable(path: &str) -> ExitCode {
    print_dump(path, |source| {
        let parsed = krait_syntax::parse_module(source, path)?;
        let table = krait_compiler::symtable::build(&parsed.module, &parsed.text, &parsed.index)?;
        let dump = krait_compiler::symtable::dump::dump(&table);
        Ok(dump.trim_end_matches('\n').to_owned())
    })
}

/// `--dis FILE` and `--dump-code FILE`: compiles the file and prints
/// `render` of its code object, or the error as CPython reports it.
fn dump_code(path: &str, render: fn(&krait_compiler::bytecode::CodeObject) -> String) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!(
                "krait: can't open file '{path}': [Errno {}] {}",
                error.raw_os_error().unwrap_or(0),
                os_error_text(&error)
            );
            return ExitCode::from(2);
        }
    };
    match compile_source(&source, path, false) {
        Ok(code) => {
            let text = render(&code);
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(exit) => exit,
    }
}

/// Parses and compiles a module, printing any error as CPython does.
/// `from_file` says the source was read from a file or stdin rather than
/// given as a string (`-c`), which changes some decoding errors.
fn compile_source(
    source: &[u8],
    filename: &str,
    from_file: bool,
) -> Result<krait_compiler::bytecode::CodeObject, ExitCode> {
    use krait_compiler::CompileError;
    let parse = if from_file {
        krait_syntax::parse_file
    } else {
        krait_syntax::parse_module
    };
    let parsed = parse(source, filename).map_err(|error| {
        eprint!(
            "{}",
            krait_vm::runtime::syntax_error::format_uncaught(&error, filename)
        );
        ExitCode::FAILURE
    })?;
    match krait_compiler::compile(&parsed, filename, krait_compiler::CompileMode::Exec) {
        Ok(code) => {
            print_syntax_warnings(&parsed, filename);
            Ok(code)
        }
        Err(CompileError::Syntax(error)) => {
            eprint!(
                "{}",
                krait_vm::runtime::syntax_error::format_uncaught(&error, filename)
            );
            Err(ExitCode::FAILURE)
        }
        Err(CompileError::Unsupported(what)) => {
            Err(not_implemented(&format!("krait cannot compile {what} yet")))
        }
        Err(CompileError::Internal(what)) => {
            eprintln!("SystemError: {what}");
            Err(ExitCode::FAILURE)
        }
    }
}

/// Prints the compile-time `SyntaxWarning`s as the `warnings` module shows
/// them (`file:line: SyntaxWarning: message` and the stripped source line).
fn print_syntax_warnings(parsed: &krait_syntax::Parsed, filename: &str) {
    for w in krait_compiler::warnings::syntax_warnings(parsed) {
        eprintln!("{filename}:{}: SyntaxWarning: {}", w.lineno, w.message);
        let line = parsed
            .index
            .line_start(w.lineno)
            .and_then(|start| parsed.text.get(start as usize..))
            .and_then(|rest| rest.lines().next())
            .map(str::trim)
            .unwrap_or("");
        if !line.is_empty() {
            eprintln!("  {line}");
        }
    }
}

/// Reads `path`, renders it with `render` and prints the text (plus a
/// newline) or the error as CPython reports it.
fn print_dump(
    path: &str,
    render: impl FnOnce(&[u8]) -> Result<String, krait_syntax::SyntaxError>,
) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!(
                "krait: can't open file '{path}': [Errno {}] {}",
                error.raw_os_error().unwrap_or(0),
                os_error_text(&error)
            );
            return ExitCode::from(2);
        }
    };
    match render(&source) {
        Ok(dump) => {
            let mut stdout = std::io::stdout().lock();
            // A closed stdout (e.g. `| head`) is not an error worth reporting.
            let _ = stdout.write_all(dump.as_bytes());
            let _ = stdout.write_all(b"\n");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprint!(
                "{}",
                krait_vm::runtime::syntax_error::format_uncaught(&error, path)
            );
            ExitCode::FAILURE
        }
    }
}

/// Compiles a program and runs it as `__main__` in an interpreter set up
/// by `config`; returns its exit status.
fn run_source(source: &[u8], config: Config, origin: MainOrigin) -> ExitCode {
    let filename = match &origin {
        MainOrigin::File(path) => path.as_str(),
        MainOrigin::Stdin => "<stdin>",
        MainOrigin::Command(_) => "<string>",
    };
    let from_file = !matches!(origin, MainOrigin::Command(_));
    match compile_source(source, filename, from_file) {
        Ok(code) => {
            let status = krait_vm::runtime::program::run_main(code, config, origin);
            ExitCode::from(u8::try_from(status & 0xFF).unwrap_or(1))
        }
        Err(exit) => exit,
    }
}

/// Reports a missing feature as an uncaught `NotImplementedError`.
fn not_implemented(what: &str) -> ExitCode {
    eprintln!("NotImplementedError: {what}");
    ExitCode::FAILURE
}

/// The OS error text without Rust's " (os error N)" suffix, as Python shows it.
fn os_error_text(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}
