//! The import system: what `import`, `from ... import` and `__import__` do
//! (CPython's `Python/import.c` plus the algorithm of
//! `importlib._bootstrap`, written natively).
//!
//! - [`registry`] — the builtin modules: native modules importable by name,
//!   each an initialiser registered with the [`Vm`] (the `krait` command
//!   registers `krait_modules`' table; the engine adds `builtins`, `_imp`
//!   and the import machinery's own modules).
//! - [`resolve`] — relative names (`__package__`, `__spec__.parent`, `level`).
//! - [`find`] — where a module comes from: the registry, or a search of
//!   `sys.path` (or the parent package's `__path__`) for a package
//!   directory with `__init__.py`, a `.py` file, or a namespace portion.
//! - [`load`] — making the module object, its attributes (`__spec__`,
//!   `__loader__`, `__file__`, `__path__`, ...), running its code with the
//!   partially initialised module already in `sys.modules`, and removing it
//!   again if that fails.
//! - [`from_list`] — `IMPORT_FROM`, the `fromlist` of `__import__`, and
//!   `from m import *`.
//! - [`errors`] — `ImportError`'s `name`/`path`/`msg` attributes and the
//!   errors the import system raises.
//! - [`run_module`] — `krait -m module`.
//! - [`bootstrap`] — the Python-visible machinery objects (`ModuleSpec`,
//!   loaders) and the `_imp`, `_frozen_importlib` and
//!   `_frozen_importlib_external` modules that `importlib` is built on.
//!
//! `sys.modules` is a real dict owned here; the `sys` module (written in
//! `krait_modules`) exposes it. The import system reads `sys.path` and
//! `sys.meta_path` from the `sys` module's dict at each import, as CPython
//! does, so replacing or mutating them from Python takes effect.

pub mod bootstrap;
pub mod errors;
pub mod find;
pub mod from_list;
pub mod load;
pub mod registry;
pub mod resolve;
pub mod run_module;

use crate::builtins::dict::Dict;
use crate::builtins::function::Module;
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;
pub use registry::{BuiltinModule, ModuleInit};

/// The interpreter's import state.
pub struct ImportState {
    /// `sys.modules`.
    pub modules: Ref<Dict>,
    /// The `builtins` module (its dict is [`Vm::builtins`]).
    pub builtins_module: Ref<Module>,
    /// Native modules importable by name.
    pub(crate) builtin_modules: Vec<BuiltinModule>,
    /// The `sys` module's dict, once `sys` has been created.
    pub(crate) sys_dict: Option<Ref<Dict>>,
    /// The builtin `__import__`, to notice when `builtins.__import__` is replaced.
    pub(crate) default_import: Value,
    /// The machinery classes, once `_frozen_importlib` has run.
    pub(crate) machinery: Option<bootstrap::Machinery>,
}

impl Vm {
    /// `sys.modules`.
    pub fn sys_modules(&self) -> &Ref<Dict> {
        &self.import.modules
    }

    /// The `sys` module's attribute `name`, if `sys` exists and has it
    /// (CPython's `_PySys_GetOptionalAttrString`).
    pub fn sys_attr(&self, name: &str) -> Option<Value> {
        let dict = self.import.sys_dict.as_ref()?;
        dict.table.with(|t| t.get_str(&Str::new(name)))
    }

    /// `sys.modules[name]` if present (CPython's `PyImport_GetModule`).
    pub fn imported_module(&self, name: &str) -> Option<Value> {
        self.import
            .modules
            .table
            .with(|t| t.get_str(&Str::new(name)))
    }

    /// `import name` from native code: the module named `name` (a dotted
    /// name gives the submodule itself, not the top-level package).
    pub fn import_module(&mut self, name: &str) -> PyResult<Value> {
        let key = self.new_str(name)?;
        let empty = self.empty_tuple.clone();
        load::import_module_level(self, &key, None, &Value::from_object(empty.into_obj()), 0)?;
        match self.imported_module(name) {
            Some(m) => Ok(m),
            None => Err(self.key_error_msg(&format!("'{name}' not in sys.modules as expected"))),
        }
    }

    /// Makes `module` the program's `__main__` (in `sys.modules` too), with
    /// the attributes CPython gives a script module. `filename` is `None`
    /// for `-c` code; `from_file` tells a script file from stdin.
    pub fn prepare_main_module(
        &mut self,
        module: &Ref<Module>,
        filename: Option<&str>,
        from_file: bool,
    ) -> PyResult<()> {
        load::init_main_module(self, module, filename, from_file)
    }
}

/// `IMPORT_NAME`: calls `builtins.__import__` of the running frame
/// (directly the native import when it is the original one) with the
/// frame's globals and locals.
pub fn import_name(
    vm: &mut Vm,
    builtins: &Ref<Dict>,
    globals: &Ref<Dict>,
    locals: Option<Value>,
    name: &Ref<Str>,
    fromlist: Value,
    level: Value,
) -> PyResult<Value> {
    let Some(import) = dict_get(builtins, "__import__") else {
        return Err(vm.new_error(
            crate::builtins::exceptions::ExcKind::ImportError,
            "__import__ not found",
        ));
    };
    let name = Value::from_object(name.as_obj().clone());
    let globals = Value::from_object(globals.as_obj().clone());
    let is_default = match (import.as_object(), vm.import.default_import.as_object()) {
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    };
    if is_default {
        let level = vm.index_value(&level)?.unwrap_or(0);
        return load::import_module_level(vm, &name, Some(&globals), &fromlist, level);
    }
    let locals = locals.unwrap_or(Value::NONE);
    vm.call(&import, &[name, globals, locals, fromlist, level], None)
}

pub use from_list::{import_from, import_star};

/// Reads a `str` key of a dict (no Python code runs).
pub(crate) fn dict_get(dict: &Ref<Dict>, key: &str) -> Option<Value> {
    dict.table.with(|t| t.get_str(&Str::new(key)))
}

/// Sets a `str` key of a dict (no Python code runs).
pub(crate) fn dict_set(vm: &mut Vm, dict: &Ref<Dict>, key: &str, value: Value) -> PyResult<()> {
    let key = vm.intern(key)?;
    let old = dict.table.with(|t| t.insert_str(key, value));
    drop(old);
    Ok(())
}

/// A value's text if it is a `str`.
pub(crate) fn text_of(vm: &Vm, value: &Value) -> Option<String> {
    vm.as_str(value).map(|s| s.as_lossy().into_owned())
}
