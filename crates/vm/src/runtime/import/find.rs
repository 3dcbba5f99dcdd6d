//! Finding a module: the builtin-module registry first, then a search of
//! the path entries (`sys.path`, or the parent package's `__path__`), as
//! CPython's `BuiltinImporter` and `PathFinder`/`FileFinder` do.
//!
//! In each directory entry, for the last part `tail` of the name: a
//! directory `tail/` holding `__init__.py` is a regular package; otherwise
//! `tail.py` is a module; otherwise a directory `tail/` is a portion of a
//! namespace package, collected across all entries and used only if no
//! entry has a regular module or package. `''` means the current directory.
//! Non-`str` entries are skipped. Extension modules (`.so`) and bytecode
//! files (`.pyc`) are not loaded.

use super::registry::ModuleInit;
use super::text_of;
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// Where a module comes from.
pub enum Found {
    /// A builtin (native) module.
    Builtin(ModuleInit),
    /// A source file; `package_dir` is the package directory when the file
    /// is a package's `__init__.py`.
    Source {
        /// The `.py` file.
        path: String,
        /// The package directory (`__path__`'s only entry), for packages.
        package_dir: Option<String>,
    },
    /// A namespace package made of these directories.
    Namespace {
        /// The portions (`__path__`).
        portions: Vec<String>,
    },
}

/// Finds the module `name` (a full dotted name); `search_path` is the
/// parent package's `__path__` for submodules, `None` for top-level
/// modules (then `sys.path` is searched, or the configured search path of
/// an interpreter that has no `sys` module).
pub fn find_module(
    vm: &mut Vm,
    name: &str,
    search_path: Option<&Value>,
) -> PyResult<Option<Found>> {
    if let Some(init) = vm.builtin_module(name) {
        return Ok(Some(Found::Builtin(init)));
    }
    let entries = match search_path {
        Some(path) => path_entries(vm, path)?,
        None => match vm.sys_attr("path") {
            Some(path) => path_entries(vm, &path)?,
            // An interpreter without `sys` searches its configured path.
            None => vm.config.module_search_paths.clone(),
        },
    };
    let tail = name.rsplit('.').next().unwrap_or(name);
    let mut portions = Vec::new();
    for entry in entries {
        let Some(dir) = directory_of(&entry) else {
            continue;
        };
        let package_dir = join(&dir, tail);
        let init = join(&package_dir, "__init__.py");
        if is_file(&init) {
            return Ok(Some(Found::Source {
                path: init,
                package_dir: Some(package_dir),
            }));
        }
        let is_namespace = std::path::Path::new(&package_dir).is_dir();
        let module = format!("{}.py", join(&dir, tail));
        if is_file(&module) {
            return Ok(Some(Found::Source {
                path: module,
                package_dir: None,
            }));
        }
        if is_namespace {
            portions.push(package_dir);
        }
    }
    if portions.is_empty() {
        Ok(None)
    } else {
        Ok(Some(Found::Namespace { portions }))
    }
}

/// The `str` entries of a search path (any iterable).
fn path_entries(vm: &mut Vm, path: &Value) -> PyResult<Vec<String>> {
    let items = vm.collect_iterable(path)?;
    Ok(items.iter().filter_map(|item| text_of(vm, item)).collect())
}

/// The absolute directory a path entry names (`''` is the current
/// directory), as `FileFinder` makes it.
fn directory_of(entry: &str) -> Option<String> {
    if entry.is_empty() {
        return std::env::current_dir()
            .ok()
            .map(|d| d.to_string_lossy().into_owned());
    }
    if entry.starts_with('/') {
        return Some(entry.to_owned());
    }
    let cwd = std::env::current_dir().ok()?;
    Some(join(&cwd.to_string_lossy(), entry))
}

/// Joins two path parts with `/` (CPython's `_path_join`).
fn join(dir: &str, part: &str) -> String {
    if dir.is_empty() {
        part.to_owned()
    } else if dir.ends_with('/') {
        format!("{dir}{part}")
    } else {
        format!("{dir}/{part}")
    }
}

fn is_file(path: &str) -> bool {
    std::path::Path::new(path).is_file()
}
