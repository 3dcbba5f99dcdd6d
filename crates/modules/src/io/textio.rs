//! `_io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
//! line_buffering=False, write_through=False)` over a binary stream — what
//! `tokenize.open`, `linecache` and `io.open` callers build.
//!
//! For now the wrapper over a stream is the standard library's pure-Python
//! `_pyio.TextIOWrapper` (incremental decoding through `codecs`, the newline
//! modes, `readline`/`read`/iteration/`write`/`seek`/`detach`, and a `mode`
//! attribute that may be set); `open()`'s text files keep the engine's own
//! file object (`krait_vm::builtins::file_io`). Calling the class builds the
//! `_pyio` object, so `isinstance(w, _io.TextIOWrapper)` is false for it.

use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

/// Makes calling `_io.TextIOWrapper` wrap a stream.
pub fn install(vm: &Vm) {
    vm.types.text_io_wrapper.slots.new.set(Some(new_wrapper));
}

/// `TextIOWrapper.__new__`: `_pyio.TextIOWrapper(*args, **kwargs)`.
fn new_wrapper(
    vm: &mut Vm,
    _cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let pyio = vm.import_module("_pyio")?;
    let class = vm.get_attr_str(&pyio, "TextIOWrapper")?;
    vm.call(&class, args, kwnames)
}
