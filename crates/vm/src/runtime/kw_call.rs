//! `CALL_KW` of a Python function from the fast tier (CPython's
//! `CALL_KW_PY`): `f(a, b=1)` binds its keyword arguments straight into
//! the new frame's locals.
//!
//! The keyword names are the caller's constant tuple of identifiers; each
//! is found among the callee's parameter names by identity first (both are
//! interned) and by text otherwise, with no string or dictionary built.
//! Only the case where binding cannot fail is taken: a function without
//! `*args`/`**kwargs`, every keyword naming a distinct parameter that may be
//! given by keyword and that no positional argument fills, and every other
//! parameter given or defaulted. Anything else (errors included) is left to
//! the general binder (`Vm::push_function_frame`), which reports it.

use crate::builtins::function::Function;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::object::Ref;
use crate::runtime::{Frame, Vm, fast_call};
use crate::value::Value;

/// The most parameters a function bound here has (one bit each).
const MAX_PARAMETERS: usize = 64;

/// Whether a `CALL_KW`'s callable slot holds a Python function, the only
/// callable [`push_keyword_call`] takes: a cheap look the fast tier makes
/// before syncing its position for the call.
#[inline(always)]
pub(crate) fn is_python_function(slot: &Option<Value>) -> bool {
    slot.as_ref()
        .and_then(Value::as_object)
        .is_some_and(|o| o.downcast::<Function>().is_some())
}

/// For `CALL_KW nargs` in `caller` (stack: callable, self-or-NULL, the
/// arguments — positional, then keyword values — and the keyword names):
/// pushes the Python function's frame with every parameter bound and
/// returns it, having popped the call from the caller's stack: the
/// arguments and the callable move into the frame (no copies, no count
/// traffic), the header borrows the function's code and namespaces, and
/// every parameter slot is written once (no unbound fill first). `None`,
/// with nothing changed, for any call the general path must make.
#[inline(never)]
pub(crate) fn push_keyword_call(
    vm: &mut Vm,
    caller: &mut Frame,
    nargs: usize,
) -> Option<*mut Frame> {
    let top = caller.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 3)?;
    if top > caller.capacity as usize {
        return None;
    }
    let live = caller.live_slots();
    let func = live
        .get(callable_at)?
        .as_ref()?
        .as_object()?
        .downcast::<Function>()?;
    // SAFETY: the function lives in the callable, which stays on the
    // caller's stack until it moves into the frame's `func` below.
    let func = unsafe { &*(&**func as *const Function) };
    let kwnames = live
        .get(top - 1)?
        .as_ref()?
        .as_object()?
        .downcast::<Tuple>()?;
    let names = kwnames.items();
    let args = fast_call::native_arguments(live, callable_at, top - 1)?;
    let defaults = func.defaults.get();
    let kwdefaults = func.kwdefaults.get();
    let plan = plan_binding(vm, func, args, names, &defaults, &kwdefaults)?;
    if vm.recursion_depth >= vm.recursion_limit {
        return None;
    }
    let code = &func.code;
    let nlocalsplus = code.code.nlocalsplus();
    let argcount = code.code.argcount as usize;
    let total = argcount + code.code.kwonlyargcount as usize;
    if total > nlocalsplus {
        return None;
    }
    let nkw = names.len();
    let npos = args.len() - nkw;
    let first_arg = top - 1 - args.len();
    let previous = vm.current_frame;
    // SAFETY: the first `total` locals (the parameters) are each written
    // once below, before anything can look at the frame. A refused chunk
    // declines: the general path raises the MemoryError.
    let new = unsafe {
        vm.data_stack.push_with(code.frame_slots as u32, total, || {
            // SAFETY: the function moves into the frame's `func`
            // below, before anything can drop the frame or run code.
            Frame::borrowing(func, previous, nlocalsplus as u32, code.frame_slots as u32)
        })
    }
    .ok()?;
    // SAFETY: `push_with` returned a live frame distinct from the
    // caller's, its first `total` locals uninitialised. Each is written
    // once: the parameters the plan marks not given (`npos..total`) with
    // their default (unbound if a keyword-only default is gone), the
    // positional ones (`0..npos`) and the keyword ones (distinct slots
    // past `npos`, see `plan_binding`) moved from the caller's slots
    // `first_arg..top - 1`. The caller's stack top then drops to the
    // callable, so those slots count as uninitialised there; the keyword
    // names' slot is dropped once, the callable's moved into `func` (still
    // unset) and the self-or-NULL slot is an argument or a NULL.
    unsafe {
        let slots = (*new).slots_ptr();
        for i in npos..total {
            if plan.given & (1u64 << i) != 0 {
                continue;
            }
            let default = if i < argcount {
                defaults.as_ref().and_then(|d| {
                    let items = d.items();
                    items.get((i + items.len()).checked_sub(argcount)?).cloned()
                })
            } else {
                let name = code.localsplusnames.get(i);
                kwdefaults
                    .as_ref()
                    .zip(name)
                    .and_then(|(d, name)| d.table.with(|t| t.get_str(name)))
            };
            slots.add(i).write(default);
        }
        let source = caller.slots_ptr().add(first_arg);
        for i in 0..npos {
            slots.add(i).write(source.add(i).read());
        }
        for (k, &slot) in plan.slots[..nkw].iter().enumerate() {
            slots.add(slot as usize).write(source.add(npos + k).read());
        }
        caller.stack_top = callable_at as u32;
        let caller_slots = caller.slots_ptr();
        std::ptr::write(&raw mut (*new).func, caller_slots.add(callable_at).read());
        drop(caller_slots.add(top - 1).read());
    }
    vm.recursion_depth += 1;
    Some(new)
}

/// Where the keyword arguments of one call go.
struct Plan {
    /// The local slot of each keyword argument, in order.
    slots: [u8; MAX_PARAMETERS],
    /// The parameters given (bit per slot), by position or keyword.
    given: u64,
}

/// The binding of positional-then-keyword `args` with keyword names
/// `names` to `func`'s parameters, `defaults` and `kwdefaults` its
/// `__defaults__` and `__kwdefaults__`, when it cannot fail (see the
/// module comment); `None` otherwise.
fn plan_binding(
    vm: &Vm,
    func: &Function,
    args: &[Value],
    names: &[Value],
    defaults: &Option<Ref<Tuple>>,
    kwdefaults: &Option<Ref<crate::builtins::dict::Dict>>,
) -> Option<Plan> {
    use krait_compiler::bytecode::code_object::co_flags;
    let code = &func.code;
    let co = &code.code;
    if co.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) != 0 {
        return None;
    }
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let total = argcount + co.kwonlyargcount as usize;
    let npos = args.len().checked_sub(names.len())?;
    if total > MAX_PARAMETERS || npos > argcount || names.is_empty() {
        return None;
    }
    let params = code.localsplusnames.get(..total)?;
    let mut plan = Plan {
        slots: [0; MAX_PARAMETERS],
        given: if npos == 0 {
            0
        } else {
            u64::MAX >> (64 - npos)
        },
    };
    for (k, name) in names.iter().enumerate() {
        let name = vm.as_str(name)?;
        let slot = parameter_slot(params, posonly, name)?;
        if plan.given & (1u64 << slot) != 0 {
            return None;
        }
        plan.given |= 1u64 << slot;
        plan.slots[k] = slot as u8;
    }
    // Every parameter left out has a default.
    let ndefaults = defaults.as_ref().map_or(0, |d| d.items().len());
    let first_default = argcount.saturating_sub(ndefaults);
    for (i, param) in params.iter().enumerate().skip(npos) {
        if plan.given & (1u64 << i) != 0 {
            continue;
        }
        let has_default = if i < argcount {
            i >= first_default
        } else {
            kwdefaults
                .as_ref()
                .is_some_and(|d| d.table.with(|t| t.get_str(param).is_some()))
        };
        if !has_default {
            return None;
        }
    }
    Some(plan)
}

/// The slot of the parameter called `name` among `params` that can be
/// given by keyword (past the `posonly` positional-only ones).
#[inline]
fn parameter_slot(params: &[Ref<Str>], posonly: usize, name: &Ref<Str>) -> Option<usize> {
    let keywordable = params.get(posonly..)?;
    let found = keywordable
        .iter()
        .position(|p| std::ptr::eq::<Str>(&**p, &**name))
        .or_else(|| {
            keywordable
                .iter()
                .position(|p| p.as_lossy() == name.as_lossy())
        })?;
    Some(posonly + found)
}
