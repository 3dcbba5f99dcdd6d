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
