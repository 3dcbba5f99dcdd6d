//! `_collections` (CPython's `Modules/_collectionsmodule.c`): the native
//! halves of `collections` — [`deque`] (a double-ended queue with an
//! optional maximum length, and its iterators), [`defaultdict`] (a dict
//! that calls a factory for missing keys) and [`ordered_dict`]
//! (`OrderedDict`). `_tuplegetter` and `_count_elements` are not written
//! yet: `collections` then uses its pure-Python versions.

pub mod defaultdict;
pub mod deque;
pub mod ordered_dict;

use krait_vm::builtins::function::Module;
use krait_vm::object::Ref;
use krait_vm::{PyResult, Vm};

/// `_collections`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    deque::install(vm, module)?;
    defaultdict::install(vm, module)?;
    ordered_dict::install(vm, module)?;
    let doc = vm.new_str("High performance data structures.")?;
    vm.module_set(module, "__doc__", doc)
}

/// Whether `v` is an instance of `_collections.<name>` (or a subclass).
fn instance_of(vm: &mut Vm, v: &krait_vm::Value, name: &str) -> bool {
    let Ok(module) = vm.import_module("_collections") else {
        return false;
    };
    let Ok(class) = vm.get_attr_str(&module, name) else {
        return false;
    };
    match krait_vm::builtins::type_::as_type(&class) {
        Some(t) => vm.isinstance_type(v, &t.clone()),
        None => false,
    }
}

/// `a | b` where one side is an instance of `_collections.<name>` (a dict
/// subclass): a new instance made by `make(vm, ours, other)` from the
/// left operand's items, updated with the right operand's; `NotImplemented`
/// unless the other side is a dict.
fn dict_subclass_or(
    vm: &mut Vm,
    a: &krait_vm::Value,
    b: &krait_vm::Value,
    name: &str,
    make: fn(&mut Vm, &krait_vm::Value, &krait_vm::Value) -> PyResult<krait_vm::Value>,
) -> PyResult<krait_vm::Value> {
    let is_dict = |v: &krait_vm::Value| {
        v.as_object()
            .is_some_and(|o| o.downcast::<krait_vm::builtins::dict::Dict>().is_some())
    };
    if !is_dict(a) || !is_dict(b) {
        return Ok(vm.not_implemented());
    }
    let (ours, other, forward) = if instance_of(vm, a, name) {
        (a, b, true)
    } else {
        (b, a, false)
    };
    let new = make(vm, ours, if forward { ours } else { other })?;
    let update = vm.get_attr_str(&new, "update")?;
    let rest = if forward { other } else { ours };
    vm.call(&update, std::slice::from_ref(rest), None)?;
    Ok(new)
}
