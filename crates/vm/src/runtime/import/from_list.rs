//! `from m import x`: the names after `import` (the `fromlist`, which may
//! name submodules to import), `IMPORT_FROM` (an attribute, or a submodule
//! already in `sys.modules`, with CPython's "cannot import name" errors),
//! and `from m import *` (`__all__`, or every public name).

use super::load::import_module_level;
use super::text_of;
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::Module;
use crate::builtins::str::{Str, repr_of};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// `_handle_fromlist`: imports the submodules that `fromlist` names and
/// the package does not have yet (`*` means the names in `__all__`).
/// A submodule that does not exist is not an error here.
pub fn handle_fromlist(vm: &mut Vm, module: &Value, fromlist: &Value) -> PyResult<Value> {
    handle(vm, module, fromlist, false)?;
    Ok(module.clone())
}

fn handle(vm: &mut Vm, module: &Value, fromlist: &Value, recursive: bool) -> PyResult<()> {
    let items = vm.collect_iterable(fromlist)?;
    for item in items {
        let Some(name) = text_of(vm, &item) else {
            let where_ = if recursive {
                let module_name = vm.get_attr_str(module, "__name__")?;
                format!("{}.__all__", vm.str_string(&module_name)?)
            } else {
                "``from list''".to_owned()
            };
            let tn = vm.type_name(&item);
            return Err(vm.type_error(format!("Item in {where_} must be str, not {tn}")));
        };
        if name == "*" {
            if !recursive && let Some(all) = get_optional(vm, module, "__all__")? {
                handle(vm, module, &all, true)?;
            }
            continue;
        }
        if vm.has_attr_str(module, &name)? {
            continue;
        }
        let module_name = vm.get_attr_str(module, "__name__")?;
        let from_name = format!("{}.{name}", vm.str_string(&module_name)?);
        let from_value = vm.new_str(&from_name)?;
        let empty = Value::from_object(vm.empty_tuple.as_obj().clone());
        if let Err(e) = import_module_level(vm, &from_value, None, &empty, 0) {
            // A fromlist entry that is not a submodule is left for
            // IMPORT_FROM to report.
            let missing = vm.exc_matches(&e, ExcKind::ModuleNotFoundError)
                && error_name(vm, &e).as_deref() == Some(from_name.as_str())
                && vm.imported_module(&from_name).is_none_or(|m| !m.is_none());
            if !missing {
                return Err(e);
            }
        }
    }
    Ok(())
}

fn error_name(vm: &mut Vm, err: &crate::error::PyErr) -> Option<String> {
    let exc = Value::from_object(err.as_obj().clone());
    let name = vm.get_attr_str(&exc, "name").ok()?;
    text_of(vm, &name)
}

fn get_optional(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let key = vm.intern(name)?;
    vm.get_attr_opt(obj, &key)
}

/// `IMPORT_FROM`: `module.name`, else the submodule `sys.modules[f"{module.__name__}.{name}"]`
/// (for circular imports of packages), else CPython's `ImportError`.
pub fn import_from(vm: &mut Vm, module: &Value, name: &Ref<Str>) -> PyResult<Value> {
    if let Some(v) = vm.get_attr_opt(module, name)? {
        return Ok(v);
    }
    let name_text = name.as_lossy().into_owned();
    let module_name = get_optional(vm, module, "__name__")?.and_then(|n| text_of(vm, &n));
    if let Some(module_name) = &module_name
        && let Some(sub) = vm.imported_module(&format!("{module_name}.{name_text}"))
    {
        return Ok(sub);
    }
    let shown_module = match &module_name {
        Some(m) => repr_of(&Str::new(m)),
        None => "'<unknown module name>'".to_owned(),
    };
    let shown_name = repr_of(name);
    let spec = get_optional(vm, module, "__spec__")?;
    let Some(spec) = spec else {
        let msg = format!("cannot import name {shown_name} from {shown_module} (unknown location)");
        return Err(vm.new_import_error(
            ExcKind::ImportError,
            &msg,
            module_name.as_deref(),
            None,
            Some(&name_text),
        ));
    };
    let mut origin = file_origin(vm, &spec)?;
    let shadowing = origin
        .as_deref()
        .is_some_and(|o| is_possibly_shadowing(vm, o));
    let shadows_stdlib = shadowing
        && module_name
            .as_deref()
            .is_some_and(|m| is_stdlib_module_name(vm, m));
    if origin.is_none()
        && module
            .as_object()
            .is_some_and(|o| o.downcast::<Module>().is_some())
    {
        origin = get_optional(vm, module, "__file__")?.and_then(|f| text_of(vm, &f));
    }
    let msg = if shadows_stdlib {
        let o = repr_of(&Str::new(origin.as_deref().unwrap_or("")));
        format!(
            "cannot import name {shown_name} from {shown_module} (consider renaming {o} since it has the same name as the standard library module named {shown_module} and prevents importing that standard library module)"
        )
    } else if is_initializing(vm, &spec)? {
        match &origin {
            Some(o) if shadowing => format!(
                "cannot import name {shown_name} from {shown_module} (consider renaming {} if it has the same name as a library you intended to import)",
                repr_of(&Str::new(o))
            ),
            Some(o) => format!(
                "cannot import name {shown_name} from partially initialized module {shown_module} (most likely due to a circular import) ({o})"
            ),
            None => format!(
                "cannot import name {shown_name} from partially initialized module {shown_module} (most likely due to a circular import)"
            ),
        }
    } else {
        match &origin {
            Some(o) => format!("cannot import name {shown_name} from {shown_module} ({o})"),
            None => {
                format!("cannot import name {shown_name} from {shown_module} (unknown location)")
            }
        }
    };
    Err(vm.new_import_error(
        ExcKind::ImportError,
        &msg,
        module_name.as_deref(),
        origin.as_deref(),
        Some(&name_text),
    ))
}

/// `_PyModuleSpec_GetFileOrigin`: `spec.origin` when `spec.has_location`.
fn file_origin(vm: &mut Vm, spec: &Value) -> PyResult<Option<String>> {
    if spec.is_none() {
        return Ok(None);
    }
    let Some(has_location) = get_optional(vm, spec, "has_location")? else {
        return Ok(None);
    };
    if !vm.is_true(&has_location)? {
        return Ok(None);
    }
    Ok(get_optional(vm, spec, "origin")?.and_then(|o| text_of(vm, &o)))
}

/// `_PyModuleSpec_IsInitializing`: `spec._initializing` is true.
fn is_initializing(vm: &mut Vm, spec: &Value) -> PyResult<bool> {
    if spec.is_none() {
        return Ok(false);
    }
    match get_optional(vm, spec, "_initializing")? {
        Some(v) => vm.is_true(&v),
        None => Ok(false),
    }
}

/// `_PyModule_IsPossiblyShadowing`: the module lives in the directory the
/// program put first on `sys.path` (its own directory), where it can hide
/// a library module of the same name.
fn is_possibly_shadowing(vm: &Vm, origin: &str) -> bool {
    let Some(first) = vm.config.sys_path_0.as_deref() else {
        return false;
    };
    let origin = origin.strip_suffix("/__init__.py").unwrap_or(origin);
    let root = match origin.rfind('/') {
        Some(0) => "/",
        Some(i) => &origin[..i],
        None => "",
    };
    if first.is_empty() {
        return std::env::current_dir().is_ok_and(|d| d.to_string_lossy() == root);
    }
    first == root
}

/// Whether `sys.stdlib_module_names` contains `name`.
fn is_stdlib_module_name(vm: &mut Vm, name: &str) -> bool {
    let Some(names) = vm.sys_attr("stdlib_module_names") else {
        return false;
    };
    let Ok(key) = vm.new_str(name) else {
        return false;
    };
    vm.contains(&names, &key).unwrap_or(false)
}

/// `from module import *` into the namespace `locals`: the names in
/// `module.__all__`, or else every name in its `__dict__` not starting
/// with `_`.
pub fn import_star(vm: &mut Vm, module: &Value, locals: &Value) -> PyResult<()> {
    let (names, skip_private) = match get_optional(vm, module, "__all__")? {
        Some(all) => (vm.collect_iterable(&all)?, false),
        None => {
            let Some(dict) = get_optional(vm, module, "__dict__")? else {
                return Err(vm.new_error(
                    ExcKind::ImportError,
                    "from-import-* object has no __dict__ and no __all__",
                ));
            };
            let keys = vm.get_attr_str(&dict, "keys")?;
            let keys = vm.call(&keys, &[], None)?;
            (vm.collect_iterable(&keys)?, true)
        }
    };
    for name in names {
        let Some(name_str) = vm.as_str(&name).cloned() else {
            let (what, tn) = if skip_private {
                ("__dict__", vm.type_name(&name))
            } else {
                ("__all__", vm.type_name(&name))
            };
            let module_name = get_optional(vm, module, "__name__")?
                .and_then(|n| text_of(vm, &n))
                .unwrap_or_else(|| "?".into());
            return Err(vm.type_error(format!(
                "{} in {module_name}.{what} must be str, not {tn}",
                if skip_private { "Key" } else { "Item" }
            )));
        };
        if skip_private && name_str.as_lossy().starts_with('_') {
            continue;
        }
        let value = vm.get_attr(module, &name_str)?;
        store_name(vm, locals, name, value)?;
    }
    Ok(())
}

/// Stores `name = value` in a namespace (a dict, or any mapping).
fn store_name(vm: &mut Vm, locals: &Value, name: Value, value: Value) -> PyResult<()> {
    if let Some(dict) = locals.as_object().and_then(|o| o.downcast::<Dict>()) {
        let dict = dict.clone();
        return Dict::set_item(vm, &dict, name, value);
    }
    vm.set_item(locals, &name, Some(value))
}
