//! The allocation-free call of a Python function (CPython's
//! `CALL_PY_EXACT_ARGS` / `CALL_BOUND_METHOD_EXACT_ARGS` idea).
//!
//! When `CALL` targets a plain Python function (or a bound method of one)
//! with positional arguments only, and the function takes exactly those
//! parameters (missing trailing ones covered by defaults), the arguments are
//! moved straight from the caller's value stack into the new frame's local
//! slots: no argument vector, no binding pass. Generator, coroutine and
//! async generator functions qualify too: their frame is pushed the same
//! way and their first instruction, `RETURN_GENERATOR`, moves it into the
//! generator object. Every other call (keywords, `*args`/`**kwargs`
//! parameters, keyword-only parameters, wrong counts, recursion past the
//! limit) declines here and takes the general path in `call.rs`, which
//! also produces the errors.

use krait_compiler::bytecode::code_object::co_flags;

use crate::builtins::function::{Function, Method, PositionalShape};
use crate::builtins::tuple::Tuple;
use crate::object::Ref;
use crate::runtime::{Frame, Vm};
use crate::types::TypeRef;
use crate::value::Value;

/// Whether a call giving `func` exactly `given` positional arguments (and
/// nothing else) can skip the general binder: no `*args`, `**kwargs` or
/// keyword-only parameters, not too many arguments, and defaults for the
/// missing trailing ones. `Some(None)` when nothing is missing;
/// `Some(Some((defaults, first)))` when `defaults.items()[first..]` fill
/// the rest; `None` when the general path must bind (and report errors).
/// The parameters' shape is read from the code object (computed when it
/// was made, see [`PositionalShape`]); only the defaults, which
/// `__defaults__` may replace at any time, are looked at per call.
#[inline(always)]
pub(crate) fn positional_defaults(
    func: &Function,
    given: usize,
) -> Option<Option<(Ref<Tuple>, usize)>> {
    let PositionalShape::Simple { argcount } = func.code.positional_shape else {
        return None;
    };
    let argcount = argcount as usize;
    if given == argcount {
        return Some(None);
    }
    if given > argcount {
        return None;
    }
    let defaults = func.defaults.get()?;
    let missing = argcount - given;
    let available = defaults.items().len();
    if available < missing {
        return None;
    }
    Some(Some((defaults, available - missing)))
}

/// Whether a call giving `func` exactly `given` positional arguments binds
/// them without the general binder: [`positional_defaults`]'s case, or a
/// function with `*args` (no `**kwargs`, no keyword-only parameters) given
/// at least its named parameters (`def __exit__(self, *exc)`; see
/// [`push_varargs_call`]).
#[inline(always)]
fn binds_positionally(func: &Function, given: usize) -> bool {
    match func.code.positional_shape {
        PositionalShape::Varargs { argcount } => given >= argcount as usize,
        _ => positional_defaults(func, given).is_some(),
    }
}

/// For `CALL nargs` in `caller` (stack: callable, self-or-NULL, args...):
/// pushes the callee's frame and returns it, having consumed the callable,
/// self and arguments from the caller's stack; or returns `None`, leaving
/// everything untouched, when the call needs the general path.
///
/// The function case is the straight line (CPython's
/// `CALL_PY_EXACT_ARGS`): the callable moves into the frame's `func`, a
/// `self` and the arguments into its locals. A bound method of a Python
/// function is first split in place into its function and `self`
/// ([`unpack_bound_method`]), as CPython's `CALL` does for every call.
#[inline(always)]
pub(crate) fn push_simple_call(
    vm: &mut Vm,
    caller: &mut Frame,
    nargs: usize,
) -> Option<*mut Frame> {
    let top = caller.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    if top > caller.capacity as usize {
        return None;
    }
    let slots = caller.slots_ptr();
    // SAFETY: `callable_at + 1 < top <= capacity`: both are initialised
    // slots of the caller's value stack, read (not moved) here.
    let (callable, self_slot) = unsafe { (&*slots.add(callable_at), &*slots.add(callable_at + 1)) };
    let object = callable.as_ref()?.as_object()?;
    // The class compared by address with `function` (one load fewer on
    // the chain from the object than `downcast`'s payload test).
    // SAFETY: the interpreter's `function` class carries that payload.
    let Some(func) = object
        .class()
        .same(&vm.types.function)
        .then(|| unsafe { exact_payload::<Function>(object) })
    else {
        // Only a bound method goes out of line: a builtin (the commonest
        // other callable) declines here, at the cost of one type test.
        object.downcast::<Method>()?;
        return unpack_bound_method(vm, caller, nargs);
    };
    let has_self = self_slot.is_some();
    if vm.recursion_depth >= vm.recursion_limit {
        return None;
    }
    let Some(defaults) = positional_defaults(func, nargs + usize::from(has_self)) else {
        return push_varargs_call(vm, caller, nargs);
    };
    // SAFETY: the function lives in the callable, which stays on the
    // caller's stack (below the arguments) until it moves into the frame.
    let func = unsafe { &*(&**func as *const Function) };
    let new = enter(
        vm,
        caller,
        func,
        callable_at + 2 - usize::from(has_self),
        defaults,
    )?;
    // The callable moves from the caller's stack into the frame's `func`
    // (still unset: nothing to drop); the slot above it was `self` (moved
    // into the frame by `enter`) or a NULL (nothing to drop).
    caller.stack_top = callable_at as u32;
    // SAFETY: `callable_at` is below the old top: initialised, moved out
    // once (the top is now below it); `enter` returned the live callee
    // frame.
    unsafe {
        let func_value = slots.add(callable_at).read();
        std::ptr::write(&raw mut (*new).func, func_value);
    }
    Some(new)
}

/// For `CALL nargs` whose callable is a bound method of a Python function
/// (its self slot NULL) and whose call takes the fast path: replaces the
/// method on the caller's stack by its function and the NULL by its
/// `self` (what CPython's `CALL` does before any call) and pushes the
/// function's frame. `None`, with nothing changed, otherwise.
#[inline(never)]
fn unpack_bound_method(vm: &mut Vm, caller: &mut Frame, nargs: usize) -> Option<*mut Frame> {
    let top = caller.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let live = caller.live_slots();
    if live.get(callable_at + 1)?.is_some() {
        return None;
    }
    let method = live
        .get(callable_at)?
        .as_ref()?
        .as_object()?
        .downcast::<Method>()?;
    let func = method.func.as_object()?.downcast::<Function>()?;
    // Split only when the function's frame is pushed right after: a call
    // that declines keeps the method as it was.
    if vm.recursion_depth >= vm.recursion_limit || !binds_positionally(func, nargs + 1) {
        return None;
    }
    let (func, this) = (method.func.clone(), method.this.clone());
    let unused_null = caller.set_local(callable_at + 1, Some(this));
    let method = caller.set_local(callable_at, Some(func));
    // The function (kept alive by the stack now) fails none of the checks
    // just made, and nothing ran in between: the frame is pushed.
    // A push refused after all (the data stack's memory) leaves the
    // method split, as CPython's `CALL` does for every call.
    let new = push_simple_call(vm, caller, nargs);
    drop((unused_null, method));
    new
}

/// [`push_simple_call`]'s case of a function with `*args` (and no
/// `**kwargs` or keyword-only parameters) given at least its named
/// parameters, its callable a function on the caller's stack (stack:
/// function, self-or-NULL, args...): the arguments past the named ones are
/// collected into a tuple for the `*args` local, the named ones moved into
/// the frame as [`enter`] does. The caller has checked the recursion
/// limit. `None`, with nothing changed, for any other call (the general
/// binder then also produces the errors).
#[inline(never)]
fn push_varargs_call(vm: &mut Vm, caller: &mut Frame, nargs: usize) -> Option<*mut Frame> {
    let top = caller.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let live = caller.live_slots();
    let func = live
        .get(callable_at)?
        .as_ref()?
        .as_object()?
        .downcast::<Function>()?;
    let PositionalShape::Varargs { argcount } = func.code.positional_shape else {
        return None;
    };
    let first_arg = callable_at + 2 - usize::from(live.get(callable_at + 1)?.is_some());
    let named_end = first_arg.checked_add(argcount as usize)?;
    let extra = live.get(named_end..top)?;
    if extra.iter().any(Option::is_none) {
        return None;
    }
    // SAFETY: the function lives in the callable, which stays on the
    // caller's stack (below the arguments) until it moves into the frame.
    let func = unsafe { &*(&**func as *const Function) };
    // The tuple holds copies; the slots keep theirs until the frame is
    // pushed, so a refusal leaves the stack as it was.
    let rest = vm
        .new_tuple_from_iter(extra.len(), extra.iter().flatten().cloned())
        .ok()?;
    // `enter` moves the slots from `first_arg` to the stack top: the named
    // arguments only.
    caller.stack_top = named_end as u32;
    let Some(new) = enter(vm, caller, func, first_arg, None) else {
        caller.stack_top = top as u32;
        return None;
    };
    let slots = caller.slots_ptr();
    // SAFETY: the slots `named_end..top` are initialised values above the
    // caller's new stack top (copied into `rest`): each is dropped once.
    // `callable_at` is below the old top and moved out once, as in
    // `push_simple_call`. `enter` returned the live callee frame, whose
    // local `argcount` exists (`PositionalShape::Varargs`) and holds the
    // `None` `push_with` wrote: overwritten without a drop.
    unsafe {
        for i in named_end..top {
            drop(slots.add(i).read());
        }
        caller.stack_top = callable_at as u32;
        let func_value = slots.add(callable_at).read();
        std::ptr::write(&raw mut (*new).func, func_value);
        (*new).slots_ptr().add(argcount as usize).write(Some(rest));
    }
    Some(new)
}

/// Pushes a frame of `func` whose locals are the caller's stack slots from
/// `first_arg` to its top (moved), then the `defaults` (see
/// [`positional_defaults`]), the rest unbound; the caller's stack top
/// drops to `first_arg`. The frame borrows `func`'s code and namespaces
/// and its `func` is left unset: the caller must store the function there
/// at once (see [`Frame::borrowing`]). `None` (nothing changed) when the
/// data stack refuses the frame. Inlined into the `CALL` arm (the
/// out-of-line call's register saves and argument passing were about a
/// sixth of its cost); [`enter_outlined`] serves the `__init__` path.
#[inline(always)]
fn enter(
    vm: &mut Vm,
    caller: &mut Frame,
    func: &Function,
    first_arg: usize,
    defaults: Option<(Ref<Tuple>, usize)>,
) -> Option<*mut Frame> {
    let code = &func.code;
    let nlocalsplus = code.code.nlocalsplus();
    let moved = (caller.stack_top as usize).checked_sub(first_arg)?;
    // `moved <= argcount <= nlocalsplus` (see `positional_defaults`) for
    // every code object the compiler or `code.replace` makes; a code
    // object breaking it declines rather than losing arguments.
    if moved > nlocalsplus {
        return None;
    }
    let filled = match &defaults {
        None => moved,
        Some((values, first)) => {
            (moved + values.items().len().saturating_sub(*first)).min(nlocalsplus)
        }
    };
    let previous = vm.current_frame;
    // SAFETY: the first `filled` locals are written below, before anything
    // can look at the frame. A refused chunk declines: the general path
    // raises the MemoryError.
    let new = unsafe {
        vm.data_stack
            .push_with(code.frame_slots as u32, filled, || {
                // SAFETY: both callers store the function in the frame's
                // `func` right after `enter` returns, before anything can
                // drop the frame or run code; until then they hold it.
                Frame::borrowing(func, previous, nlocalsplus as u32, code.frame_slots as u32)
            })
    }
    .ok()?;
    // SAFETY: `push_with` returned a live frame with `capacity` slots,
    // distinct from the caller's (frames never overlap on the data stack),
    // whose first `filled` locals are uninitialised and are written here,
    // each once: the caller's slots `first_arg..top` (moved, not copied:
    // the caller's stack top drops below them right after, so they count
    // as uninitialised there; `moved <= filled`), then the defaults.
    // Word-wise writes: a byte copy of one or two values was a `memcpy`
    // call.
    unsafe {
        let slots = (*new).slots_ptr();
        let source = caller.slots_ptr().add(first_arg);
        for i in 0..moved {
            std::ptr::write(slots.add(i), source.add(i).read());
        }
        caller.stack_top = first_arg as u32;
        if let Some((values, first)) = defaults {
            let missing = values.items().get(first..).unwrap_or(&[]);
            for (slot, value) in (moved..filled).zip(missing) {
                slots.add(slot).write(Some(value.clone()));
            }
        }
    }
    vm.recursion_depth += 1;
    Some(new)
}

/// [`enter`] as a call of its own, for the `__init__` path.
#[inline(never)]
fn enter_outlined(
    vm: &mut Vm,
    caller: &mut Frame,
    func: &Function,
    first_arg: usize,
    defaults: Option<(Ref<Tuple>, usize)>,
) -> Option<*mut Frame> {
    enter(vm, caller, func, first_arg, defaults)
}

/// For `CALL nargs` in `caller` whose callable is a class instantiated the
/// simple way (see [`python_init_of`]; exception classes too, whose
/// `BaseException.__new__` only stores the arguments as `args`) with
/// positional arguments its `__init__` takes: makes the instance, leaves
/// it on the caller's stack in place of the class, and pushes
/// `__init__`'s frame (flagged `init_check`) with the arguments moved into
/// it (CPython's `CALL_ALLOC_AND_ENTER_INIT`). `None`, with nothing
/// changed, when the call needs the general path.
pub(crate) fn push_init_call(vm: &mut Vm, caller: &mut Frame, nargs: usize) -> Option<*mut Frame> {
    let top = caller.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let live = caller.live_slots();
    if live.get(callable_at + 1)?.is_some() {
        return None;
    }
    let cls = class_with_python_init(vm, live.get(callable_at)?.as_ref()?)?;
    // The instance is made by `object.__new__` or, for exception classes,
    // by `BaseException.__new__` storing the arguments as `args` (see
    // `exceptions::is_plain_exception_new`); any other `__new__` declines.
    let exception = if crate::builtins::object::is_object_new(cls.slots.new.get()) {
        false
    } else if crate::builtins::exceptions::is_plain_exception_new(vm, &cls) {
        true
    } else {
        return None;
    };
    let init = python_init_function(&cls)?;
    if vm.recursion_depth >= vm.recursion_limit || cls.has_flag(crate::types::flags::ABSTRACT) {
        return None;
    }
    let defaults = positional_defaults(&init, nargs + 1)?;
    let instance = if exception {
        // `BaseException.__new__` stores the arguments as `args` before
        // `__init__` runs.
        let positional = live
            .get(callable_at + 2..top)?
            .iter()
            .cloned()
            .collect::<Option<Vec<Value>>>()?;
        crate::builtins::exceptions::new_with_args(vm, &cls, positional).ok()?
    } else {
        Value::from_object(
            vm.alloc(&cls, crate::builtins::object::BareObject)
                .ok()?
                .into_obj(),
        )
    };
    // The instance goes into the NULL slot above the class, to be moved
    // into `__init__`'s frame as `self` with the arguments, and in the
    // class's place, where it waits while `__init__` runs.
    let null = caller.set_local(callable_at + 1, Some(instance.clone()));
    let Some(new) = enter_outlined(vm, caller, &init, callable_at + 1, defaults) else {
        // Declined: the stack as it was.
        let instance = caller.set_local(callable_at + 1, null);
        drop(instance);
        return None;
    };
    // SAFETY: `enter` returned the live callee frame.
    let callee = unsafe { &mut *new };
    callee.func = Some(Value::from_object(init.into_obj()));
    callee.init_check = true;
    caller.stack_top = callable_at as u32 + 1;
    let class = caller.set_local(callable_at, Some(instance));
    drop(class);
    Some(new)
}

/// Code flags of functions whose call returns a new generator, coroutine
/// or async generator instead of running.
const MAKES_GENERATOR: u32 = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR;

/// For a call of `callable`: when it is a class whose metaclass is `type`,
/// whose `__new__` is `object.__new__` and whose `__init__` is a plain
/// Python function, that function. Such a call makes the instance with
/// `object.__new__` and runs `__init__` as a frame of the eval loop (what
/// CPython's `CALL_ALLOC_AND_ENTER_INIT` does) instead of re-entering the
/// loop from `type.__call__`.
pub(crate) fn python_init_of(vm: &Vm, callable: &Value) -> Option<(TypeRef, Ref<Function>)> {
    let cls = class_with_python_init(vm, callable)?;
    if !crate::builtins::object::is_object_new(cls.slots.new.get()) {
        return None;
    }
    let init = python_init_function(&cls)?;
    Some((cls, init))
}

/// `callable` as a class whose metaclass is `type` and whose `__init__`
/// slot calls a Python `__init__`.
fn class_with_python_init(vm: &Vm, callable: &Value) -> Option<TypeRef> {
    let object = callable.as_object()?;
    if !object.class().same(&vm.types.type_) {
        return None;
    }
    let cls = crate::builtins::type_::as_type(callable)?;
    if !crate::builtins::user_slots::is_slot_init(cls.slots.init.get()) {
        return None;
    }
    Some(cls.clone())
}

/// `cls.__init__` (cached by the class's version tag) when it is a plain
/// Python function, not a generator or coroutine function.
fn python_init_function(cls: &TypeRef) -> Option<Ref<Function>> {
    let version = cls.version_tag();
    let init = match cls.init_cache.get(version) {
        Some(init) => init,
        None => {
            let init = cls.lookup("__init__")?;
            if version != 0 {
                cls.init_cache.store(version, &init);
            }
            init
        }
    };
    let function = init.as_object()?.downcast::<Function>()?.clone();
    if function.code.code.flags & MAKES_GENERATOR != 0 {
        return None;
    }
    Some(function)
}

// A stack slot is an `Option<Value>` whose `None` is the niche of `Value`'s
// tag, so a slot holding `Some(v)` has exactly `v`'s bytes; the native call
// below relies on it to lend stack slots as a `&[Value]`.
const _: () = assert!(std::mem::size_of::<Option<Value>>() == std::mem::size_of::<Value>());

/// For `CALL nargs` (no keywords) in `caller` whose callable is a builtin
/// function or a method descriptor: calls it with the arguments (and
/// `self`) borrowed straight from the caller's value stack, then pops the
/// callable, `self` and the arguments (CPython's vectorcall: no argument
/// vector, no copies). `None`, with nothing done, for any other callable.
///
/// # Safety
/// `caller` must be the live innermost frame, its stack top stored.
pub(crate) unsafe fn call_native_on_stack(
    vm: &mut Vm,
    caller: *mut Frame,
    nargs: usize,
) -> Option<crate::error::PyResult<Value>> {
    use crate::builtins::native::{BuiltinFunction, MethodDescriptor};
    // SAFETY: contract; only shared access until the call returns.
    let frame = unsafe { &*caller };
    let top = frame.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let live = frame.live_slots();
    let object = live.get(callable_at)?.as_ref()?.as_object()?;
    // The payload is looked at once, here: the callee runs on it directly.
    let callee = match object.downcast::<BuiltinFunction>() {
        Some(function) => Ok(function),
        None => Err(object.downcast::<MethodDescriptor>()?),
    };
    let args = native_arguments(live, callable_at, top)?;
    // An intrinsic's answer when its guards hold.
    let intrinsic = match callee {
        Ok(function) => function.intrinsic(),
        Err(descriptor) => descriptor.def.intrinsic,
    };
    let answered = match intrinsic {
        crate::builtins::native::Intrinsic::None => None,
        which => crate::builtins::native::call_intrinsic(vm, which, args),
    };
    let result = match (answered, callee) {
        (Some(v), _) => Ok(v),
        (None, Ok(function)) => {
            crate::builtins::native::call_builtin_function(vm, function, args, None)
        }
        (None, Err(descriptor)) => {
            crate::builtins::native::call_descriptor(vm, descriptor, args, None)
        }
    };
    // SAFETY: contract; the call has returned and nothing borrows the
    // slots any more.
    unsafe { pop_call(caller, callable_at, top) };
    Some(result)
}

/// The arguments of a native call (`CALL` with the callable at
/// `callable_at` of `live`, the caller's slots up to the stack top `top`):
/// `self` and the arguments, or the arguments alone when the `self` slot is
/// NULL, as values borrowed from the stack. `None` when a slot is NULL
/// where a value must be (bad bytecode: the general tier reports it).
#[inline(always)]
pub(crate) fn native_arguments(
    live: &[Option<Value>],
    callable_at: usize,
    top: usize,
) -> Option<&[Value]> {
    let first = callable_at + 2 - usize::from(live.get(callable_at + 1)?.is_some());
    let arguments = live.get(first..top)?;
    if arguments.iter().any(Option::is_none) {
        return None;
    }
    // SAFETY: every slot in `arguments` is `Some`, laid out as a `Value`
    // (see the assertion above). The caller keeps the slots untouched
    // while the callee runs: frames it pushes go above them, and the
    // calling frame runs nothing until the call returns.
    Some(unsafe { std::slice::from_raw_parts(arguments.as_ptr().cast::<Value>(), arguments.len()) })
}

/// `object` as a reference to its payload `T`, without `downcast`'s test
/// of the class's payload (the caller compared the class itself).
///
/// # Safety
/// `object`'s class must be one whose instances carry payload `T`.
#[inline(always)]
pub(crate) unsafe fn exact_payload<T: 'static>(object: &crate::object::ObjRef) -> &Ref<T> {
    debug_assert!(object.downcast::<T>().is_some());
    // SAFETY: contract; `ObjRef` and `Ref<T>` are both one transparent
    // pointer to the object (as `downcast` relies on too).
    unsafe { &*std::ptr::from_ref(object).cast::<Ref<T>>() }
}

/// Pops a finished native call's callable, `self` and arguments
/// (`callable_at..top`).
///
/// # Safety
/// `caller` must be the live innermost frame with `top` its stack top and
/// nothing borrowing its slots.
#[inline(always)]
pub(crate) unsafe fn pop_call(caller: *mut Frame, callable_at: usize, top: usize) {
    // SAFETY: contract. The top drops first, then each initialised slot
    // below the old top is read once (moved out) and dropped.
    let frame = unsafe { &mut *caller };
    let slots = frame.slots_ptr();
    frame.stack_top = callable_at as u32;
    for i in callable_at..top {
        // SAFETY: see above.
        drop(unsafe { slots.add(i).read() });
    }
}
