//! The start-up configuration of an interpreter (CPython's `PyConfig`):
//! what the embedding program — the `krait` command — decides before any
//! Python code runs. The `sys` module reads it (`sys.argv`, `sys.path`,
//! `sys.executable`, ...) and the import system uses the builtin modules
//! it names.

use crate::runtime::import::BuiltinModule;

/// The Python version krait implements: `sys.version_info` of the reference
/// interpreter (major, minor, micro, release level, serial).
pub const PYTHON_VERSION: (u32, u32, u32, &str, u32) = (3, 14, 10, "final", 0);

/// What an interpreter is started with.
#[derive(Clone, Default)]
pub struct Config {
    /// `sys.argv`: the script (or `-c`, `-`, the module path) and its arguments.
    pub argv: Vec<String>,
    /// `sys.orig_argv`: the command line of the process, program name first.
    pub orig_argv: Vec<String>,
    /// The initial `sys.path`: the script's directory (or `''`), then the
    /// standard library.
    pub module_search_paths: Vec<String>,
    /// `sys.executable`.
    pub executable: String,
    /// Where CPython's pure-Python standard library lives (`sys._stdlib_dir`).
    pub stdlib_dir: Option<String>,
    /// The entry put first on `sys.path` for the program (the script's
    /// directory, `''` for `-c` and stdin), if any (CPython's
    /// `config->sys_path_0`): where a module shadowing a library would live.
    pub sys_path_0: Option<String>,
    /// Native modules importable by name (`sys.builtin_module_names`), on
    /// top of the ones the engine itself provides.
    pub builtin_modules: Vec<BuiltinModule>,
}
