//! `_tokenize` (CPython's `Python/Python-tokenize.c`): the C tokenizer
//! behind the pure-Python `tokenize` module. Only the module exists yet, so
//! that `tokenize` (and through it `inspect`, `linecache` users) can be
//! imported: `TokenizerIter` raises `NotImplementedError` when called, until
//! krait's tokenizer (`krait-syntax`) is exposed through it.

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::{PyResult, Vm};

/// `_tokenize`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)
}

/// The functions of `_tokenize`.
const FUNCTIONS: &[MethodDef] = &[method(
    "TokenizerIter",
    "(readline, /, *, extra_tokens, encoding=None)",
    |vm, _args| {
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait's _tokenize.TokenizerIter (the tokenize module's tokenizer) is not implemented yet",
        ))
    },
)];
