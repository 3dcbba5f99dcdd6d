//! The allocation-free call of a Python function (CPython's
//! `CALL_PY_EXACT_ARGS` / `CALL_BOUND_METHOD_EXACT_ARGS` idea).
//!
//! When `CALL` targets a plain Python function (or a bound method of one)
//! with positional arguments only, and the function takes exactly those
//! parameters (missing trailing ones covered by defaults), the arguments are
//! moved straight from the caller's value stack into the new frame's local
//! slots: no argument vector, no binding pass. Every other call (keywords,
//! `*args`/`**kwargs` parameters, keyword-only parameters, generators, wrong
//! counts, recursion past the limit) declines here and takes the general
//! path in `call.rs`, which also produces the errors.

use krait_compiler::bytecode::code_object::co_flags;

use crate::builtins::function::{Function, Method};
use crate::object::Ref;
use crate::runtime::{Frame, Vm};
use crate::value::Value;

/// Code flags that rule the fast path out.
const NOT_SIMPLE: u32 = co_flags::VARARGS
    | co_flags::VARKEYWORDS
    | co_flags::GENERATOR
    | co_flags::COROUTINE
    | co_flags::ASYNC_GENERATOR
    | co_flags::ITERABLE_COROUTINE;

/// For `CALL nargs` in `caller` (stack: callable, self-or-NULL, args...):
/// pushes the callee's frame and returns it, having consumed the callable,
/// self and arguments from the caller's stack; or returns `None`, leaving
/// everything untouched, when the call needs the general path.
pub(crate) fn push_simple_call(
    vm: &mut Vm,
    caller: &mut Frame,
    nargs: usize,
) -> Option<*mut Frame> {
    let top = caller.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let callable = caller.local(callable_at)?;
    let has_self = caller.local(callable_at + 1).is_some();
    let (func, bound_self): (Ref<Function>, Option<Value>) =
        match callable.as_object()?.downcast::<Function>() {
            Some(f) => (f.clone(), None),
            None if !has_self => {
                let m = callable.as_object()?.downcast::<Method>()?;
                let f = m.func.as_object()?.downcast::<Function>()?.clone();
                (f, Some(m.this.clone()))
            }
            None => return None,
        };
    let code = &func.code;
    let co = &code.code;
    if co.flags & NOT_SIMPLE != 0 || co.kwonlyargcount != 0 {
        return None;
    }
    let argcount = co.argcount as usize;
    let given = nargs + usize::from(has_self || bound_self.is_some());
    if given > argcount || vm.recursion_depth >= vm.recursion_limit {
        return None;
    }
    let defaults = if given < argcount {
        let defaults = func.defaults.get()?;
        let missing = argcount - given;
        let available = defaults.items().len();
        if available < missing {
            return None;
        }
        Some((defaults, available - missing))
    } else {
        None
    };
    let nlocalsplus = co.nlocalsplus();
    // A refused chunk declines: the general path raises the MemoryError.
    let new = vm.data_stack.push(Frame {
        code: code.clone(),
        globals: func.globals.clone(),
        builtins: func.builtins.clone(),
        locals: None,
        func: Some(Value::from_object(func.as_obj().clone())),
        previous: vm.current_frame,
        next_instr: 0,
        lasti: 0,
        stack_top: nlocalsplus as u32,
        capacity: code.frame_slots as u32,
        is_entry: false,
    });
    let new = new.ok()?;
    // SAFETY: `push` returned a live frame with `capacity` slots, distinct
    // from the caller's (frames never overlap on the data stack).
    let callee = unsafe { &mut *new };
    let mut slot = 0;
    if let Some(this) = bound_self {
        callee.set_local(0, Some(this));
        slot = 1;
    }
    let first_arg = callable_at + 2 - usize::from(has_self);
    for from in first_arg..top {
        callee.set_local(slot, caller.set_local(from, None));
        slot += 1;
    }
    if let Some((defaults, first)) = defaults {
        for value in &defaults.items()[first..] {
            callee.set_local(slot, Some(value.clone()));
            slot += 1;
        }
    }
    // The callable (and a NULL self slot) leave the caller's stack; the
    // callee's frame holds the function.
    caller.set_local(callable_at, None);
    caller.set_local(callable_at + 1, None);
    caller.stack_top = callable_at as u32;
    vm.recursion_depth += 1;
    Some(new)
}
