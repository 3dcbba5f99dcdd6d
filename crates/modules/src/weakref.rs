//! `_weakref`: krait's object model has no weak references yet, so this
//! module only gives `Lib/weakref.py` and its users the names they import.
//! The classes `ref` (`ReferenceType`), `ProxyType` and `CallableProxyType`
//! exist (so `weakref.py` can subclass `ref`), but creating a weak reference
//! or proxy raises `NotImplementedError` naming weak references.
//! `getweakrefcount` and `getweakrefs` answer truthfully: no object has weak
//! references.

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::builtins::object::BareObject;
use krait_vm::object::Ref;
use krait_vm::types::flags;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `_weakref`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let reference =
        vm.new_builtin_type::<BareObject>("weakref", "ReferenceType", None, flags::BASETYPE, &[])?;
    reference
        .slots
        .new
        .set(Some(|vm, _cls, _args, _kw| Err(unsupported(vm))));
    reference.bump_version();
    vm.module_set(
        module,
        "ref",
        Value::from_object(reference.as_obj().clone()),
    )?;
    vm.module_set(
        module,
        "ReferenceType",
        Value::from_object(reference.as_obj().clone()),
    )?;
    for name in ["ProxyType", "CallableProxyType"] {
        let proxy = vm.new_builtin_type::<BareObject>("weakref", name, None, 0, &[])?;
        proxy
            .slots
            .new
            .set(Some(|vm, _cls, _args, _kw| Err(unsupported(vm))));
        proxy.bump_version();
        vm.module_set(module, name, Value::from_object(proxy.as_obj().clone()))?;
    }
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `_weakref.__doc__` (krait's own words).
const DOC: &str = "Weak references (not supported by krait yet).";

/// The error every attempt to make a weak reference gets.
fn unsupported(vm: &mut Vm) -> PyErr {
    vm.new_error(
        ExcKind::NotImplementedError,
        "krait does not support weak references yet",
    )
}

/// The functions of `_weakref`.
const FUNCTIONS: &[MethodDef] = &[
    method("getweakrefcount", "(object, /)", |_vm, _args| {
        Ok(Value::from_i64(0))
    }),
    method("getweakrefs", "(object, /)", |vm, _args| {
        vm.new_list(Vec::new())
    }),
    method("proxy", "(object, callback=None, /)", |vm, _args| {
        Err(unsupported(vm))
    }),
    method("_remove_dead_weakref", "(dct, key, /)", |vm, _args| {
        Err(unsupported(vm))
    }),
];
