//! The interpreter's start-up configuration for a command line: `sys.argv`,
//! `sys.path` (the program's own entry first, as CPython sets it for each
//! way of giving a program, then `PYTHONPATH`, then the standard library),
//! `sys.executable`, and the native modules of `krait_modules`.

use std::path::Path;

use krait_vm::runtime::config::Config;

use crate::stdlib_location;

/// What `sys.path[0]` is for a way of giving the program.
pub enum ProgramEntry<'a> {
    /// A script file: its directory, with symbolic links resolved.
    Script(&'a Path),
    /// `-c` code or standard input: `''`, the current directory at each import.
    CurrentDirectory,
    /// `-m module`: the current directory, as an absolute path.
    WorkingDirectory,
}

/// The configuration for a program with `argv` (the program's `sys.argv`).
pub fn config(argv: Vec<String>, entry: ProgramEntry<'_>) -> Config {
    let first = match entry {
        ProgramEntry::Script(path) => script_directory(path),
        ProgramEntry::CurrentDirectory => String::new(),
        ProgramEntry::WorkingDirectory => std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let mut search_paths = vec![first.clone()];
    if let Some(extra) = std::env::var_os("PYTHONPATH").filter(|v| !v.is_empty()) {
        search_paths
            .extend(std::env::split_paths(&extra).map(|p| p.to_string_lossy().into_owned()));
    }
    let stdlib_dir = stdlib_location::stdlib_dir().map(|d| d.to_string_lossy().into_owned());
    search_paths.extend(stdlib_dir.clone());
    Config {
        argv,
        orig_argv: std::env::args().collect(),
        module_search_paths: search_paths,
        executable: std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
        stdlib_dir,
        sys_path_0: Some(first),
        builtin_modules: krait_modules::BUILTIN_MODULES.to_vec(),
    }
}

/// The absolute directory of the script, symbolic links resolved.
fn script_directory(path: &Path) -> String {
    let resolved = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    match resolved.parent() {
        Some(dir) => dir.to_string_lossy().into_owned(),
        None => String::new(),
    }
}
