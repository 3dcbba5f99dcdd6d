//! Importing a module by name: the `sys.modules` cache, importing parent
//! packages first, finding and loading the module, binding a submodule as
//! an attribute of its parent (CPython's `PyImport_ImportModuleLevelObject`
//! and `importlib._bootstrap._find_and_load`/`_load_unlocked`).
//!
//! A loaded source module is in `sys.modules` while its code runs (with
//! `__spec__._initializing` true), so circular imports see the partially
//! initialised module; if its code raises, it is removed again.

use super::bootstrap::{self, Machinery};
use super::find::{Found, find_module};
use super::{dict_get, dict_set, text_of};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::Module;
use crate::builtins::str::{Str, repr_of};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// `__import__(name, globals, locals, fromlist, level)` without the
/// override check: the module `import name` binds (the top-level package
/// for a dotted name without a fromlist), or the module itself when there
/// is a fromlist (whose submodules are imported too).
pub fn import_module_level(
    vm: &mut Vm,
    name: &Value,
    globals: Option<&Value>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    let Some(name_text) = text_of(vm, name) else {
        return Err(vm.type_error("module name must be a string".into()));
    };
    if level < 0 {
        return Err(vm.value_error("level must be >= 0"));
    }
    let abs_name = if level > 0 {
        let level = usize::try_from(level).unwrap_or(usize::MAX);
        super::resolve::resolve_name(vm, &name_text, globals, level)?
    } else {
        if name_text.is_empty() {
            return Err(vm.value_error("Empty module name"));
        }
        name_text.clone()
    };
    let module = match vm.imported_module(&abs_name) {
        Some(m) if !m.is_none() => m,
        _ => find_and_load(vm, &abs_name)?,
    };
    let has_from = !fromlist.is_none() && vm.is_true(fromlist)?;
    if has_from {
        let has_path = vm.has_attr_str(&module, "__path__")?;
        if has_path {
            return super::from_list::handle_fromlist(vm, &module, fromlist);
        }
        return Ok(module);
    }
    if level > 0 && name_text.is_empty() {
        return Ok(module);
    }
    let Some(dot) = name_text.find('.') else {
        return Ok(module);
    };
    if level == 0 {
        let front = vm.new_str(&name_text[..dot])?;
        let empty = Value::from_object(vm.empty_tuple.as_obj().clone());
        return import_module_level(vm, &front, None, &empty, 0);
    }
    // `from .a.b import` without a fromlist is only reachable through
    // `__import__`: return the package that `name`'s first part names.
    let cut_off = name_text.len() - dot;
    let to_return = &abs_name[..abs_name.len().saturating_sub(cut_off)];
    match vm.imported_module(to_return) {
        Some(m) => Ok(m),
        None => {
            let shown = repr_of(&Str::new(to_return));
            Err(vm.key_error_msg(&format!("{shown} not in sys.modules as expected")))
        }
    }
}

/// `_find_and_load`: the cached module, or the module found and loaded.
fn find_and_load(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(module) = vm.imported_module(name) {
        if module.is_none() {
            return Err(vm.module_not_found(
                &format!("import of {name} halted; None in sys.modules"),
                name,
            ));
        }
        return Ok(module);
    }
    find_and_load_unlocked(vm, name)
}

fn find_and_load_unlocked(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let (parent, child) = match name.rfind('.') {
        Some(dot) => (Some(&name[..dot]), &name[dot + 1..]),
        None => (None, name),
    };
    let mut search_path = None;
    if let Some(parent) = parent {
        if vm.imported_module(parent).is_none() {
            let parent_name = vm.new_str(parent)?;
            let empty = Value::from_object(vm.empty_tuple.as_obj().clone());
            import_module_level(vm, &parent_name, None, &empty, 0)?;
        }
        // Importing the parent may have imported this module too.
        if let Some(module) = vm.imported_module(name) {
            return Ok(module);
        }
        let parent_module = parent_from_sys_modules(vm, parent)?;
        let path_name = vm.intern("__path__")?;
        match vm.get_attr_opt(&parent_module, &path_name)? {
            Some(path) => search_path = Some(path),
            None => {
                let message = format!(
                    "No module named {}; {} is not a package",
                    repr_of(&Str::new(name)),
                    repr_of(&Str::new(parent))
                );
                return Err(vm.module_not_found(&message, name));
            }
        }
    }
    let Some(found) = find_module(vm, name, search_path.as_ref())? else {
        let message = format!("No module named {}", repr_of(&Str::new(name)));
        return Err(vm.module_not_found(&message, name));
    };
    let module = load(vm, name, found)?;
    if let Some(parent) = parent {
        let parent_module = parent_from_sys_modules(vm, parent)?;
        let child_name = vm.intern(child)?;
        match vm.set_attr(&parent_module, &child_name, Some(module.clone())) {
            Ok(()) => {}
            // CPython warns (ImportWarning, ignored by default) and goes on.
            Err(e) if vm.exc_matches(&e, ExcKind::AttributeError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(module)
}

fn parent_from_sys_modules(vm: &mut Vm, parent: &str) -> PyResult<Value> {
    match vm.imported_module(parent) {
        Some(m) => Ok(m),
        None => {
            let key = vm.new_str(parent)?;
            Err(vm.key_error(key))
        }
    }
}

/// A new module object with CPython's initial attributes (`__name__`,
/// then `__doc__`, `__package__`, `__loader__`, `__spec__` all `None`).
pub fn new_module_object(vm: &mut Vm, name: &str) -> PyResult<Ref<Module>> {
    let module = vm.new_module(name)?;
    for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
        dict_set(vm, &module.dict, key, Value::NONE)?;
    }
    Ok(module)
}

/// Creates, registers and runs a found module; returns what `sys.modules`
/// holds for `name` afterwards (a module may replace itself there).
fn load(vm: &mut Vm, name: &str, found: Found) -> PyResult<Value> {
    let machinery = bootstrap::machinery(vm)?;
    match found {
        Found::Builtin(init) => {
            let module = create_builtin(vm, name, init)?;
            set_builtin_attributes(vm, &machinery, &module)?;
            let value = Value::from_object(module.into_obj());
            register(vm, name, value.clone())?;
            Ok(value)
        }
        Found::Source { path, package_dir } => {
            let module = new_module_object(vm, name)?;
            let spec = spec_for_source(vm, &machinery, name, &path, package_dir.as_deref())?;
            init_module_attributes(vm, &module, &spec)?;
            run_with_spec(vm, name, &module, &spec, |vm, module| {
                exec_source_file(vm, &module.dict, &path)
            })
        }
        Found::Namespace { portions } => {
            let module = new_module_object(vm, name)?;
            let spec = spec_for_namespace(vm, &machinery, name, &portions)?;
            init_module_attributes(vm, &module, &spec)?;
            run_with_spec(vm, name, &module, &spec, |_, _| Ok(()))
        }
    }
}

/// Runs a builtin module's initialiser on a fresh module object.
pub(crate) fn create_builtin(
    vm: &mut Vm,
    name: &str,
    init: super::ModuleInit,
) -> PyResult<Ref<Module>> {
    let module = new_module_object(vm, name)?;
    init(vm, &module)?;
    if name == "sys" {
        vm.import.sys_dict = Some(module.dict.clone());
    }
    Ok(module)
}

/// `__spec__`, `__loader__` and `__package__` of a builtin module.
pub(crate) fn set_builtin_attributes(
    vm: &mut Vm,
    machinery: &Machinery,
    module: &Ref<Module>,
) -> PyResult<()> {
    let name = dict_get(&module.dict, "__name__").unwrap_or(Value::NONE);
    let origin = vm.new_str("built-in")?;
    let spec = machinery.new_spec(vm, name, machinery.builtin_importer.clone(), origin, false)?;
    init_module_attributes(vm, module, &spec)
}

fn register(vm: &mut Vm, name: &str, module: Value) -> PyResult<()> {
    let modules = vm.import.modules.clone();
    dict_set(vm, &modules, name, module)
}

/// `_load_unlocked` around running a module: registers it in `sys.modules`
/// with `spec._initializing` set, runs `exec`, removes it if that fails,
/// and moves it to the end of `sys.modules`.
fn run_with_spec(
    vm: &mut Vm,
    name: &str,
    module: &Ref<Module>,
    spec: &Value,
    exec: impl FnOnce(&mut Vm, &Ref<Module>) -> PyResult<()>,
) -> PyResult<Value> {
    let initializing = vm.intern("_initializing")?;
    vm.set_attr(spec, &initializing, Some(Value::from_bool(true)))?;
    let result = (|| {
        register(vm, name, Value::from_object(module.as_obj().clone()))?;
        if let Err(e) = exec(vm, module) {
            let modules = vm.import.modules.clone();
            let old = modules.table.with(|t| t.remove_str(&Str::new(name)));
            drop(old);
            return Err(e);
        }
        let modules = vm.import.modules.clone();
        let Some(module) = modules.table.with(|t| t.remove_str(&Str::new(name))) else {
            let key = vm.new_str(name)?;
            return Err(vm.key_error(key));
        };
        register(vm, name, module.clone())?;
        Ok(module)
    })();
    vm.set_attr(spec, &initializing, Some(Value::from_bool(false)))?;
    result
}

/// The spec of a source module or package.
pub(crate) fn spec_for_source(
    vm: &mut Vm,
    machinery: &Machinery,
    name: &str,
    path: &str,
    package_dir: Option<&str>,
) -> PyResult<Value> {
    let name_value = vm.new_str(name)?;
    let path_value = vm.new_str(path)?;
    let loader = vm.call(
        &machinery.source_file_loader,
        &[name_value.clone(), path_value.clone()],
        None,
    )?;
    let spec = machinery.new_spec(vm, name_value, loader, path_value, package_dir.is_some())?;
    let has_location = vm.intern("has_location")?;
    vm.set_attr(&spec, &has_location, Some(Value::from_bool(true)))?;
    if let Some(dir) = package_dir {
        let dir = vm.new_str(dir)?;
        let locations = vm.new_list(vec![dir])?;
        let key = vm.intern("submodule_search_locations")?;
        vm.set_attr(&spec, &key, Some(locations))?;
    }
    Ok(spec)
}

/// The spec of a namespace package.
pub(crate) fn spec_for_namespace(
    vm: &mut Vm,
    machinery: &Machinery,
    name: &str,
    portions: &[String],
) -> PyResult<Value> {
    let name_value = vm.new_str(name)?;
    let mut items = Vec::with_capacity(portions.len());
    for p in portions {
        items.push(vm.new_str(p)?);
    }
    let locations = vm.new_list(items)?;
    let loader = vm.call(
        &machinery.namespace_loader,
        &[name_value.clone(), locations.clone(), Value::NONE],
        None,
    )?;
    let spec = machinery.new_spec(vm, name_value, loader, Value::NONE, true)?;
    let key = vm.intern("submodule_search_locations")?;
    vm.set_attr(&spec, &key, Some(locations))?;
    Ok(spec)
}

/// `_init_module_attrs`: `__package__`, `__loader__`, `__spec__`, then
/// `__path__` for packages and `__file__`/`__cached__` for modules with a
/// location (a namespace package gets `__file__ = None`).
pub(crate) fn init_module_attributes(
    vm: &mut Vm,
    module: &Ref<Module>,
    spec: &Value,
) -> PyResult<()> {
    let dict = module.dict.clone();
    let loader = vm.get_attr_str(spec, "loader")?;
    let parent = vm.get_attr_str(spec, "parent")?;
    dict_set(vm, &dict, "__package__", parent)?;
    dict_set(vm, &dict, "__loader__", loader)?;
    dict_set(vm, &dict, "__spec__", spec.clone())?;
    let locations = vm.get_attr_str(spec, "submodule_search_locations")?;
    let has_location = vm.get_attr_str(spec, "has_location")?;
    let has_location = vm.is_true(&has_location)?;
    if !locations.is_none() && !has_location {
        dict_set(vm, &dict, "__file__", Value::NONE)?;
    }
    if !locations.is_none() {
        dict_set(vm, &dict, "__path__", locations)?;
    }
    if has_location {
        let origin = vm.get_attr_str(spec, "origin")?;
        dict_set(vm, &dict, "__file__", origin)?;
        dict_set(vm, &dict, "__cached__", Value::NONE)?;
    }
    Ok(())
}

/// Reads, compiles and runs a source file in `globals` (adding
/// `__builtins__` first, as `exec` does).
pub fn exec_source_file(vm: &mut Vm, globals: &Ref<Dict>, path: &str) -> PyResult<()> {
    let source = match std::fs::read(path) {
        Ok(source) => source,
        Err(error) => return Err(os_error(vm, &error, path)),
    };
    exec_source(vm, globals, &source, path)
}

/// Compiles `source` (named `filename`) and runs it in `globals`.
pub fn exec_source(
    vm: &mut Vm,
    globals: &Ref<Dict>,
    source: &[u8],
    filename: &str,
) -> PyResult<()> {
    let code = compile_source(vm, source, filename)?;
    if dict_get(globals, "__builtins__").is_none() {
        let builtins = Value::from_object(vm.builtins.as_obj().clone());
        dict_set(vm, globals, "__builtins__", builtins)?;
    }
    vm.run_module_code(code, globals.clone())?;
    Ok(())
}

/// Parses and compiles a module's source, front-end errors raised as
/// Python exceptions (`SyntaxError`, ...).
pub fn compile_source(
    vm: &mut Vm,
    source: &[u8],
    filename: &str,
) -> PyResult<Ref<crate::builtins::function::Code>> {
    let parsed = match krait_syntax::parse_module(source, filename) {
        Ok(parsed) => parsed,
        Err(error) => return Err(super::errors::syntax_error(vm, &error, filename)),
    };
    let code = match krait_compiler::compile(&parsed, filename, krait_compiler::CompileMode::Exec) {
        Ok(code) => code,
        Err(error) => return Err(super::errors::compile_error(vm, &error, filename)),
    };
    vm.new_code(code)
}

/// An `OSError` (or subclass) for a failed file operation on `path`, with
/// CPython's `[Errno N] text: 'path'` message.
pub fn os_error(vm: &mut Vm, error: &std::io::Error, path: &str) -> crate::error::PyErr {
    let kind = match error.kind() {
        std::io::ErrorKind::NotFound => ExcKind::FileNotFoundError,
        std::io::ErrorKind::PermissionDenied => ExcKind::PermissionError,
        _ => ExcKind::OSError,
    };
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(cut) => &text[..cut],
        None => &text,
    };
    let errno = error.raw_os_error().unwrap_or(0);
    let shown = repr_of(&Str::new(path));
    vm.new_error(kind, &format!("[Errno {errno}] {text}: {shown}"))
}

/// Gives the program's `__main__` module CPython's attributes and puts it
/// in `sys.modules`: `__loader__` is a `SourceFileLoader` for a script
/// file and `BuiltinImporter` otherwise, `__spec__` and `__package__` are
/// `None`, `__builtins__` is the `builtins` module, and `__file__` names
/// the script (`<stdin>` for standard input; absent for `-c`).
pub fn init_main_module(
    vm: &mut Vm,
    module: &Ref<Module>,
    filename: Option<&str>,
    from_file: bool,
) -> PyResult<()> {
    let machinery = bootstrap::machinery(vm)?;
    let dict = module.dict.clone();
    for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
        if dict_get(&dict, key).is_none() {
            dict_set(vm, &dict, key, Value::NONE)?;
        }
    }
    let loader = match filename {
        Some(path) if from_file => {
            let name = vm.new_str("__main__")?;
            let path = vm.new_str(path)?;
            vm.call(&machinery.source_file_loader, &[name, path], None)?
        }
        _ => machinery.builtin_importer.clone(),
    };
    dict_set(vm, &dict, "__loader__", loader)?;
    let builtins = Value::from_object(vm.import.builtins_module.as_obj().clone());
    dict_set(vm, &dict, "__builtins__", builtins)?;
    if let Some(path) = filename {
        let file = vm.new_str(path)?;
        dict_set(vm, &dict, "__file__", file)?;
        dict_set(vm, &dict, "__cached__", Value::NONE)?;
    }
    register(vm, "__main__", Value::from_object(module.as_obj().clone()))
}
