//! Calls of builtin classes from the fast tier's `CALL` (CPython's
//! `CALL_BUILTIN_CLASS`, `CALL_STR_1`, `CALL_TUPLE_1`, `CALL_TYPE_1`).
//!
//! `str(i)`, `range(n)`, `tuple(xs)`, `set()` called by position: the class
//! is a builtin type (not a heap type, so its `__new__`/`__init__` cannot be
//! replaced) whose metaclass is exactly `type` (so the call is
//! `type.__call__`, which cannot be replaced either). Such a call runs here
//! on the arguments borrowed from the caller's value stack: no argument
//! vector, no trip through the general tier's probes and `Vm::call`.
//!
//! The hottest classes, called with one argument (or none), go straight to
//! the work their `__new__` does for that form (the same functions, so the
//! same results and errors); `__init__` is `object.__init__` for them and
//! does nothing when `__new__` is overridden, so it is skipped. Every other
//! builtin class, and every other form, runs `type_call` as `type.__call__`
//! would. Keyword calls (`CALL_KW`) and heap types (whose `__init__` may be
//! Python and is run as a frame of the eval loop) are not taken here.

use crate::error::PyResult;
use crate::runtime::{Frame, Vm, fast_call};
use crate::types::{TypeObject, flags};
use crate::value::Value;

/// For `CALL nargs` (no keywords) in `caller` whose callable is a builtin
/// class with metaclass `type`: makes the instance from the arguments
/// borrowed from the stack, then pops the callable, the NULL/`self` slot
/// and the arguments. `None`, with nothing done, for any other callable.
///
/// # Safety
/// `caller` must be the live innermost frame, its stack top stored.
#[inline(never)]
pub(crate) unsafe fn call_class_on_stack(
    vm: &mut Vm,
    caller: *mut Frame,
    nargs: usize,
) -> Option<PyResult<Value>> {
    // SAFETY: contract; only shared access until the call returns.
    let frame = unsafe { &*caller };
    let top = frame.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let live = frame.live_slots();
    let callable = live.get(callable_at)?.as_ref()?;
    let object = callable.as_object()?;
    if !object.class().same(&vm.types.type_) {
        return None;
    }
    let cls = object.downcast::<TypeObject>()?;
    if cls.has_flag(flags::HEAPTYPE) {
        return None;
    }
    let args = fast_call::native_arguments(live, callable_at, top)?;
    let result = match construct_directly(vm, cls, args) {
        Some(result) => result,
        None => crate::builtins::type_::type_call(vm, callable, args, None),
    };
    // SAFETY: contract; the call has returned and nothing borrows the
    // slots any more.
    unsafe { fast_call::pop_call(caller, callable_at, top) };
    Some(result)
}

/// The instance of builtin class `cls` for the positional `args`, for the
/// forms that need neither `__new__`'s binder nor `__init__`: what
/// `type.__call__` would return, by the same functions. `None` for other
/// classes and forms.
#[inline(always)]
fn construct_directly(vm: &mut Vm, cls: &TypeObject, args: &[Value]) -> Option<PyResult<Value>> {
    let is = |t: &crate::types::TypeRef| std::ptr::eq(cls, &**t);
    if is(&vm.types.str) {
        return match args {
            [] => Some(vm.new_str("")),
            [x] => Some(vm.str(x)),
            _ => None,
        };
    }
    if is(&vm.types.int) {
        return match args {
            [] => Some(Ok(Value::from_i64(0))),
            [x] => Some(match small_decimal(vm, x) {
                Some(n) => Ok(Value::from_i64(n)),
                None => vm.to_int(x),
            }),
            _ => None,
        };
    }
    if is(&vm.types.range) {
        return crate::builtins::range::construct(vm, args);
    }
    if is(&vm.types.tuple) {
        return match args {
            [] => Some(vm.new_tuple(Vec::new())),
            [x] => Some(crate::builtins::tuple::tuple_of(vm, x)),
            _ => None,
        };
    }
    if is(&vm.types.set) {
        return match args {
            [] => {
                let set = vm.types.set.clone();
                Some(
                    vm.alloc(&set, crate::builtins::set::Set::default())
                        .map(|s| Value::from_object(s.into_obj())),
                )
            }
            _ => None,
        };
    }
    if is(&vm.types.type_) {
        return match args {
            [x] => Some(Ok(Value::from_object(vm.type_of(x).as_obj().clone()))),
            _ => None,
        };
    }
    None
}

/// The value of `int(x)` for an exact `str` `x` of at most 18 ASCII
/// digits after an optional sign (`"12"`, `"-7"`): what the general
/// parser returns for them, without it. `None` for any other text
/// (spaces, underscores, other digits...) or value, left to `int()`.
#[inline]
fn small_decimal(vm: &Vm, x: &Value) -> Option<i64> {
    let object = x.as_object()?;
    if !object.class().same(&vm.types.str) {
        return None;
    }
    let text = object.downcast::<crate::builtins::str::Str>()?.as_bytes();
    let (negative, digits) = match text.split_first()? {
        (b'-', rest) => (true, rest),
        (b'+', rest) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    Some(if negative { -n } else { n })
}
