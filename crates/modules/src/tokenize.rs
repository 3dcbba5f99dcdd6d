//! `_tokenize` (CPython's `Python/Python-tokenize.c`): the name
//! `TokenizerIter` that `Lib/tokenize.py` imports. krait does not expose
//! its tokenizer to Python yet: constructing a `TokenizerIter` raises
//! `NotImplementedError`, so `tokenize` (and `traceback`, `linecache`,
//! `unittest`, `logging`, which import it) load, and only tokenizing fails.

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::object::BareObject;
use krait_vm::object::Ref;
use krait_vm::{PyResult, Value, Vm};

/// `_tokenize`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let t = vm.new_builtin_type::<BareObject>("_tokenize", "TokenizerIter", None, 0, &[])?;
    t.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait does not implement _tokenize.TokenizerIter yet",
        ))
    }));
    t.bump_version();
    vm.module_set(module, "TokenizerIter", Value::from_object(t.as_obj().clone()))
}
