//! Parsing krait's command line the way CPython parses `python3.14`'s.
//!
//! Options come first; the first non-option argument (a script path, or `-`
//! for stdin) ends them and everything after it belongs to the program's
//! `sys.argv`. `-c CMD` ends option parsing the same way. krait adds options
//! of its own: `--dump-ast FILE`, `--dump-symtable FILE`, `--dis FILE`, `--dump-code FILE`
//! and `--print-stdlib-dir`.

/// What the user asked krait to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Run the script at `path`; `argv` is the program's `sys.argv`.
    RunFile { path: String, argv: Vec<String> },
    /// Run `code` given with `-c`.
    RunCommand { code: String, argv: Vec<String> },
    /// Run the module given with `-m`.
    RunModule { module: String, argv: Vec<String> },
    /// Run what stdin holds (`-`, or no argument with stdin not a terminal).
    RunStdin { argv: Vec<String> },
    /// Print the AST of `path` as CPython's `ast.dump(..., include_attributes=True)`.
    DumpAst { path: String },
    /// Print the symbol tables of `path` in krait's canonical format.
    DumpSymtable { path: String },
    /// Print the disassembly of the compiled `path` (like `python -m dis`).
    Dis { path: String },
    /// Print the code objects' attributes in krait's canonical format.
    DumpCode { path: String },
    /// Print where the standard library is expected.
    PrintStdlibDir,
    /// Print the version (`-V`, `--version`).
    Version,
    /// Print the help text (`-h`, `--help`).
    Help,
}

/// A command line krait cannot accept, with CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

/// Parses the arguments after the program name. CPython's other options
/// (`-u`, `-X`, `-W`, ...) are refused until the runtime they configure exists.
pub fn parse(args: &[String]) -> Result<Action, UsageError> {
    let Some(arg) = args.first() else {
        return Ok(Action::RunStdin {
            argv: vec![String::new()],
        });
    };
    let argv_from = |first: &str, from: usize| -> Vec<String> {
        let mut argv = vec![first.to_string()];
        argv.extend(args.iter().skip(from).cloned());
        argv
    };
    match arg.as_str() {
        "-" => Ok(Action::RunStdin {
            argv: argv_from("-", 1),
        }),
        "--dump-ast" => match args.get(1) {
            Some(path) => Ok(Action::DumpAst { path: path.clone() }),
            None => Err(UsageError(
                "Argument expected for the --dump-ast option".into(),
            )),
        },
        "--dump-symtable" => match args.get(1) {
            Some(path) => Ok(Action::DumpSymtable { path: path.clone() }),
            None => Err(UsageError(
                "Argument expected for the --dump-symtable option".into(),
            )),
        },
        "--dis" => match args.get(1) {
            Some(path) => Ok(Action::Dis { path: path.clone() }),
            None => Err(UsageError("Argument expected for the --dis option".into())),
        },
        "--dump-code" => match args.get(1) {
            Some(path) => Ok(Action::DumpCode { path: path.clone() }),
            None => Err(UsageError(
                "Argument expected for the --dump-code option".into(),
            )),
        },
        "--print-stdlib-dir" => Ok(Action::PrintStdlibDir),
        "-V" | "--version" => Ok(Action::Version),
        "-h" | "-?" | "--help" => Ok(Action::Help),
        _ if arg.starts_with("-c") || arg.starts_with("-m") => {
            let flag = &arg[..2];
            let (value, consumed) = if arg.len() > 2 {
                (arg[2..].to_string(), 1)
            } else {
                let value = args.get(1).ok_or_else(|| {
                    UsageError(format!("Argument expected for the {flag} option"))
                })?;
                (value.clone(), 2)
            };
            Ok(if flag == "-c" {
                Action::RunCommand {
                    code: value,
                    argv: argv_from("-c", consumed),
                }
            } else {
                // `sys.argv[0]` is "-m" until the module's file is found.
                Action::RunModule {
                    argv: argv_from("-m", consumed),
                    module: value,
                }
            })
        }
        _ if arg.starts_with('-') && arg.len() > 1 => {
            Err(UsageError(format!("Unknown option: {arg}")))
        }
        _ => Ok(Action::RunFile {
            path: arg.clone(),
            argv: argv_from(arg, 1),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_script_takes_the_rest_as_argv() {
        assert_eq!(
            parse(&args(&["prog.py", "-c", "x"])),
            Ok(Action::RunFile {
                path: "prog.py".into(),
                argv: args(&["prog.py", "-c", "x"])
            })
        );
    }

    #[test]
    fn dash_c_takes_code_and_argv() {
        assert_eq!(
            parse(&args(&["-c", "print(1)", "a"])),
            Ok(Action::RunCommand {
                code: "print(1)".into(),
                argv: args(&["-c", "a"])
            })
        );
        assert_eq!(
            parse(&args(&["-cpass"])),
            Ok(Action::RunCommand {
                code: "pass".into(),
                argv: args(&["-c"])
            })
        );
        assert_eq!(
            parse(&args(&["-c"])),
            Err(UsageError("Argument expected for the -c option".into()))
        );
    }

    #[test]
    fn dash_m_takes_a_module_and_argv() {
        assert_eq!(
            parse(&args(&["-m", "pkg.mod", "a"])),
            Ok(Action::RunModule {
                module: "pkg.mod".into(),
                argv: args(&["-m", "a"])
            })
        );
    }

    #[test]
    fn unknown_options_are_refused() {
        assert_eq!(
            parse(&args(&["-Z"])),
            Err(UsageError("Unknown option: -Z".into()))
        );
    }

    #[test]
    fn krait_options() {
        assert_eq!(
            parse(&args(&["--dump-ast", "f.py"])),
            Ok(Action::DumpAst {
                path: "f.py".into()
            })
        );
        assert_eq!(
            parse(&args(&["--dump-symtable", "f.py"])),
            Ok(Action::DumpSymtable {
                path: "f.py".into()
            })
        );
        assert_eq!(
            parse(&args(&["--dis", "f.py"])),
            Ok(Action::Dis {
                path: "f.py".into()
            })
        );
        assert_eq!(
            parse(&args(&["--dump-code", "f.py"])),
            Ok(Action::DumpCode {
                path: "f.py".into()
            })
        );
        assert_eq!(
            parse(&args(&["--print-stdlib-dir"])),
            Ok(Action::PrintStdlibDir)
        );
        assert_eq!(
            parse(&args(&[])),
            Ok(Action::RunStdin { argv: args(&[""]) })
        );
    }
}
