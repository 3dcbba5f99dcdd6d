//! `krait -m module`: running a module (or a package's `__main__`) as the
//! program, as CPython's `runpy._run_module_as_main` does. The module's
//! parent packages are imported normally; the module itself is found but
//! not imported — its code runs in `__main__`'s namespace, with `__spec__`
//! its spec, `__file__` its file and `sys.argv[0]` its path. A module that
//! cannot be run ends the program with `krait: No module named x` (the
//! executable's path and CPython's messages) and exit status 1.
//!
//! Unlike CPython's, tracebacks have no `<frozen runpy>` entries: krait
//! runs the module natively.

use super::find::{Found, find_module};
use super::{dict_set, text_of};
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::Module;
use crate::builtins::str::{Str, repr_of};
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// What keeps a module from being run (`runpy`'s `_Error`).
enum Refusal {
    /// The message after `executable: `.
    Message(String),
    /// An exception raised while importing a parent package.
    Raised(PyErr),
}

impl From<PyErr> for Refusal {
    fn from(e: PyErr) -> Self {
        Refusal::Raised(e)
    }
}

/// Runs the module `name` as `__main__` (in `main`, already prepared).
pub fn run_module_as_main(vm: &mut Vm, name: &str, main: &Ref<Module>) -> PyResult<()> {
    let (path, package) = match module_details(vm, name) {
        Ok(found) => found,
        Err(Refusal::Raised(e)) => return Err(e),
        Err(Refusal::Message(message)) => {
            let text = format!("{}: {message}", vm.config.executable);
            let text = vm.new_str(&text)?;
            return Err(vm.new_exception(ExcKind::SystemExit, vec![text]));
        }
    };
    let machinery = super::bootstrap::machinery(vm)?;
    let spec = super::load::spec_for_source(vm, &machinery, &package.1, &path, None)?;
    let dict = main.dict.clone();
    let loader = vm.get_attr_str(&spec, "loader")?;
    let parent = vm.new_str(&package.0)?;
    let file = vm.new_str(&path)?;
    for (key, value) in [
        ("__name__", vm.new_str("__main__")?),
        ("__file__", file.clone()),
        ("__cached__", Value::NONE),
        ("__doc__", Value::NONE),
        ("__loader__", loader),
        ("__package__", parent),
        ("__spec__", spec),
    ] {
        dict_set(vm, &dict, key, value)?;
    }
    if let Some(argv) = vm.sys_attr("argv") {
        let zero = Value::from_i64(0);
        vm.set_item(&argv, &zero, Some(file))?;
    }
    super::load::exec_source_file(vm, &dict, &path)
}

/// `_get_module_details`: the file to run, and (package, full name) of
/// the module that runs.
fn module_details(vm: &mut Vm, name: &str) -> Result<(String, (String, String)), Refusal> {
    if name.starts_with('.') {
        return Err(Refusal::Message(
            "Relative module names not supported".into(),
        ));
    }
    let (package, _) = name.rsplit_once('.').unwrap_or(("", name));
    let finding_error = |what: String| {
        let hint = match name.strip_suffix(".py") {
            Some(stem) => format!(". Try using '{stem}' instead of '{name}' as the module name."),
            None => String::new(),
        };
        Refusal::Message(format!(
            "Error while finding module specification for {} ({what}){hint}",
            repr_of(&Str::new(name))
        ))
    };
    let mut search_path = None;
    if !package.is_empty() {
        match vm.import_module(package) {
            Ok(parent) => {
                let path_name = vm.intern("__path__")?;
                search_path = vm.get_attr_opt(&parent, &path_name)?;
                if search_path.is_none() {
                    return Err(finding_error(format!(
                        "ModuleNotFoundError: __path__ attribute not found on {} while trying to find {}",
                        repr_of(&Str::new(package)),
                        repr_of(&Str::new(name))
                    )));
                }
            }
            Err(e) => {
                // A missing parent is reported as CPython's find_spec does.
                let missing = error_name(vm, &e)
                    .is_some_and(|n| n == package || package.starts_with(&format!("{n}.")));
                if !missing {
                    return Err(Refusal::Raised(e));
                }
                let class = e.class_name().to_owned();
                let exc = Value::from_object(e.as_obj().clone());
                let text = vm.str_string(&exc)?;
                return Err(finding_error(format!("{class}: {text}")));
            }
        }
    }
    let found = find_module(vm, name, search_path.as_ref())?;
    match found {
        None => Err(Refusal::Message(format!("No module named {name}"))),
        Some(Found::Builtin(_)) => Err(Refusal::Message(format!(
            "No code object available for {name}"
        ))),
        Some(Found::Source {
            path,
            package_dir: None,
        }) => Ok((path, (package.to_owned(), name.to_owned()))),
        Some(Found::Source { .. } | Found::Namespace { .. }) => {
            if name == "__main__" || name.ends_with(".__main__") {
                return Err(Refusal::Message(
                    "Cannot use package as __main__ module".into(),
                ));
            }
            // Run the package's __main__ (importing the package first).
            match module_details(vm, &format!("{name}.__main__")) {
                Err(Refusal::Message(m)) => Err(Refusal::Message(format!(
                    "{m}; {} is a package and cannot be directly executed",
                    repr_of(&Str::new(name))
                ))),
                other => other,
            }
        }
    }
}

fn error_name(vm: &mut Vm, err: &PyErr) -> Option<String> {
    if !vm.exc_matches(err, ExcKind::ImportError) {
        return None;
    }
    let exc = Value::from_object(err.as_obj().clone());
    let name = vm.get_attr_str(&exc, "name").ok()?;
    text_of(vm, &name)
}
