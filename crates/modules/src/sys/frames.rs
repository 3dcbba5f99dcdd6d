//! `sys._getframe` and `sys._getframemodulename`. `_getframe` returns the
//! frame's one frame object (`krait_vm::runtime::frame_object`), the same
//! object as `tb_frame` and `f_back`.

use krait_vm::builtins::function::Function;
use krait_vm::builtins::str::Str;
use krait_vm::{PyResult, Value, Vm};

/// `sys._getframe(depth=0)`.
pub fn getframe(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    match vm.frame_object_at(depth)? {
        Some(frame) => Ok(frame),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

/// `sys._getframemodulename(depth=0)`: the `__module__` of the function
/// running `depth` frames up (for module and class bodies, the module's
/// `__name__`, as CPython's frames of those run a function of that
/// module); `None` past the bottom of the stack.
pub fn getframemodulename(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    let depth = usize::try_from(depth).unwrap_or(usize::MAX);
    let Some((func, globals)) = vm
        .frames()
        .nth(depth)
        .map(|f| (f.func.clone(), f.globals.clone()))
    else {
        return Ok(Value::NONE);
    };
    if let Some(f) = func
        .as_ref()
        .and_then(|f| f.as_object())
        .and_then(|o| o.downcast::<Function>())
    {
        return Ok(f.module.get());
    }
    Ok(globals
        .table
        .with(|t| t.get_str(&Str::new("__name__")))
        .unwrap_or(Value::NONE))
}
