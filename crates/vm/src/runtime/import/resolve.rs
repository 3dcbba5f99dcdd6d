//! Relative imports: turning `from ..a import b` (a name and a `level`)
//! into an absolute module name, from the importing module's globals
//! (`__package__`, else `__spec__.parent`, else `__name__` and `__path__`),
//! with CPython's errors.

use super::{dict_get, text_of};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The absolute name of `name` imported at `level` (> 0) from a module
/// whose globals are `globals` (CPython's `resolve_name`).
pub fn resolve_name(
    vm: &mut Vm,
    name: &str,
    globals: Option<&Value>,
    level: usize,
) -> PyResult<String> {
    let Some(globals) = globals else {
        return Err(vm.key_error_msg("'__name__' not in globals"));
    };
    let Some(globals) = globals
        .as_object()
        .and_then(|o| o.downcast::<Dict>())
        .cloned()
    else {
        return Err(vm.type_error("globals must be a dict".into()));
    };
    let package = package_of(vm, &globals)?;
    let Some(package) = package else {
        return Err(no_parent(vm));
    };
    // Go up `level - 1` packages.
    let mut base: &str = &package;
    if base.is_empty() {
        return Err(no_parent(vm));
    }
    for _ in 1..level {
        match base.rfind('.') {
            Some(dot) => base = &base[..dot],
            None => {
                return Err(vm.new_error(
                    ExcKind::ImportError,
                    "attempted relative import beyond top-level package",
                ));
            }
        }
    }
    if name.is_empty() {
        Ok(base.to_owned())
    } else {
        Ok(format!("{base}.{name}"))
    }
}

/// The package a module's globals say it belongs to; `None` when it has
/// no parent package (a top-level module found through `__name__`).
fn package_of(vm: &mut Vm, globals: &Ref<Dict>) -> PyResult<Option<String>> {
    let package = dict_get(globals, "__package__").filter(|p| !p.is_none());
    let spec = dict_get(globals, "__spec__").filter(|s| !s.is_none());
    if let Some(package) = package {
        return match text_of(vm, &package) {
            Some(text) => Ok(Some(text)),
            None => Err(vm.type_error("package must be a string".into())),
        };
    }
    if let Some(spec) = spec {
        let parent = vm.get_attr_str(&spec, "parent")?;
        return match text_of(vm, &parent) {
            Some(text) => Ok(Some(text)),
            None => Err(vm.type_error("__spec__.parent must be a string".into())),
        };
    }
    let Some(name) = dict_get(globals, "__name__") else {
        return Err(vm.key_error_msg("'__name__' not in globals"));
    };
    let Some(name) = text_of(vm, &name) else {
        return Err(vm.type_error("__name__ must be a string".into()));
    };
    if dict_get(globals, "__path__").is_some() {
        return Ok(Some(name));
    }
    Ok(name.rfind('.').map(|dot| name[..dot].to_owned()))
}

fn no_parent(vm: &mut Vm) -> crate::error::PyErr {
    vm.new_error(
        ExcKind::ImportError,
        "attempted relative import with no known parent package",
    )
}
