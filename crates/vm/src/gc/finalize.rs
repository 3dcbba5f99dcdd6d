//! Running Python code on the collector's behalf: finalizers (`__del__`),
//! `gc.callbacks`, and the safe points where both happen.
//!
//! **Safe points.** Python code may only run where no object's state is
//! borrowed: between two bytecode instructions (the eval loop calls
//! [`safe_point`] before each one, like CPython's eval breaker) and inside
//! `gc.collect()`. Allocation never collects; it only raises the `due` flag
//! that the next safe point reads.
//!
//! **Deallocation never runs Python code.** When an object whose class has
//! `__del__` dies by reference counting, deallocation revives it (one
//! count, owned by the pending list) and queues it ([`defer_finalizer`]);
//! the next safe point — normally right after the instruction that dropped
//! it, so output order matches CPython's — runs `__del__` and drops that
//! count, and the object is freed then unless `__del__` resurrected it.
//! Every finalizer runs at most once per object (PEP 442: the header's
//! `FINALIZED` flag), whether it is run from here or by a collection.
//!
//! Errors raised by finalizers and callbacks are reported as CPython's
//! default `sys.unraisablehook` does (`Exception ignored while ...` and the
//! traceback, on stderr) and otherwise ignored.

use std::ptr::NonNull;

use super::collect::collect_generations;
use super::header::GcHeader;
use super::state::{is_due, state};
use crate::builtins::list::List;
use crate::error::PyErr;
use crate::object::{ObjRef, ObjectHeader};
use crate::runtime::Vm;
use crate::value::Value;

/// Runs what waits for a safe point: pending finalizers, then an automatic
/// collection if one is due. Called by the eval loop between instructions.
#[inline]
pub fn safe_point(vm: &mut Vm) {
    if is_due() {
        run_safe_point(vm);
    }
}

#[cold]
fn run_safe_point(vm: &mut Vm) {
    let state = state();
    state.due.set(false);
    run_pending(vm);
    if state.collection_due() {
        collect_generations(vm);
        run_pending(vm);
    }
}

/// Whether the object of `node` has a finalizer (its class defines `__del__`).
pub(crate) fn has_finalizer(node: &GcHeader) -> bool {
    // SAFETY: list members are live objects.
    let object = unsafe { ObjRef::borrowed(node.object()) };
    let class = object.class();
    class.slots.finalize.get().is_some()
        && class
            .slots
            .gc
            .is_none_or(|hooks| (hooks.finalizer_needed)(&object))
}

/// Called by deallocation for an object whose class has a finalizer:
/// revives and queues it if its finalizer has not run. Returns whether it
/// did (the object must then not be freed).
///
/// # Safety
/// `object` must be dead (its last reference just went away), not freed.
#[inline]
pub(crate) unsafe fn defer_finalizer(object: NonNull<ObjectHeader>) -> bool {
    // SAFETY: the class field of a dead object still holds its class, and
    // its payload is not dropped yet.
    let borrowed = unsafe { ObjRef::borrowed(object) };
    let Some(hooks) = borrowed.class().slots.gc else {
        // Without a GC header there is no FINALIZED flag to keep the
        // finalizer to one run; such objects are not finalized.
        return false;
    };
    if !(hooks.finalizer_needed)(&borrowed) {
        return false;
    }
    // SAFETY: a container has its header before the object.
    let header = unsafe { GcHeader::of_object(object) };
    if header.is_finalized() {
        return false;
    }
    // SAFETY: dead and not freed.
    unsafe { crate::object::revive(object) };
    let state = state();
    header.unlink();
    state.pending.append(header);
    state.due.set(true);
    true
}

/// Runs the finalizers of the objects queued by deallocation, in the order
/// they died, and the weak reference callbacks queued by deallocation
/// (including any queued meanwhile).
pub fn run_pending(vm: &mut Vm) {
    loop {
        run_pending_finalizers(vm);
        if !crate::object::weakref::has_pending_callbacks() {
            break;
        }
        for (weakref, callback) in crate::object::weakref::take_pending_callbacks() {
            call_weakref_callback(vm, weakref, &callback);
        }
    }
}

/// Calls a weak reference's callback with the weak reference, reporting an
/// exception as unraisable.
pub(crate) fn call_weakref_callback(vm: &mut Vm, weakref: ObjRef, callback: &Value) {
    let handled = vm.exc_info.clone();
    let result = vm.call(callback, &[Value::from_object(weakref)], None);
    vm.exc_info = handled;
    if let Err(err) = result {
        let what = vm
            .repr_string(callback)
            .unwrap_or_else(|_| "callback".to_owned());
        report_unraisable(
            vm,
            &format!("Exception ignored while calling weakref callback {what}"),
            &err,
        );
    }
}

/// Runs the finalizers of the objects queued by deallocation.
fn run_pending_finalizers(vm: &mut Vm) {
    let state = state();
    while let Some(node) = state.pending.list_first() {
        node.move_to(&state.generations[0].head);
        // SAFETY: the pending list owns one count on each of its objects.
        let object = unsafe { ObjRef::from_raw(node.object()) };
        if !node.is_finalized() {
            node.set_finalized();
            call_finalizer(vm, &object);
        }
        drop(object);
    }
}

/// Runs `object`'s finalizer, reporting an exception as unraisable. The
/// caller marks the object finalized first.
pub(crate) fn call_finalizer(vm: &mut Vm, object: &ObjRef) {
    let Some(finalize) = object.class().slots.finalize.get() else {
        return;
    };
    let handled = vm.exc_info.clone();
    let result = finalize(vm, &Value::from_object(object.clone()));
    vm.exc_info = handled;
    if let Err(err) = result {
        let what = match object.class().lookup("__del__") {
            Some(del) => vm
                .repr_string(&del)
                .unwrap_or_else(|_| "__del__".to_owned()),
            None => "__del__".to_owned(),
        };
        report_unraisable(
            vm,
            &format!("Exception ignored while calling deallocator {what}"),
            &err,
        );
    }
}

/// Prints an exception nobody can catch as CPython's default
/// `sys.unraisablehook` does: `{message}:` then the exception with its
/// traceback, without its chain or position markers (CPython's C
/// traceback printer).
pub fn report_unraisable(vm: &mut Vm, message: &str, err: &PyErr) {
    vm.flush_stdout();
    let text = crate::runtime::traceback::format_exception_alone(vm, &err.0);
    eprint!("{message}:\n{text}");
}

/// A list kept by the collector (`gc.garbage`, `gc.callbacks`), made
/// immortal on first use.
pub(crate) fn kept_list(
    vm: &mut Vm,
    slot: &std::cell::Cell<Option<NonNull<ObjectHeader>>>,
) -> Option<ObjRef> {
    if let Some(pointer) = slot.get() {
        // SAFETY: the list is immortal.
        return Some(unsafe { ObjRef::new_from_raw(pointer) });
    }
    let list = vm.new_list(Vec::new()).ok()?.as_object()?.clone();
    list.make_immortal();
    slot.set(Some(list.as_non_null()));
    Some(list)
}

/// Appends an unreachable object to `gc.garbage` (`DEBUG_SAVEALL`).
pub(crate) fn save_garbage(vm: &mut Vm, object: &ObjRef) {
    if let Some(list) = kept_list(vm, &state().garbage)
        && let Some(list) = list.downcast::<List>()
    {
        let value = Value::from_object(object.clone());
        list.items.with(|items| items.push(value));
    }
}

/// Calls every function in `gc.callbacks` with `phase` (`"start"` or
/// `"stop"`) and CPython's info dict.
pub(crate) fn invoke_callbacks(vm: &mut Vm, phase: &str, generation: usize, collected: usize) {
    let Some(pointer) = state().callbacks.get() else {
        return;
    };
    // SAFETY: the list is immortal.
    let list = unsafe { ObjRef::borrowed(pointer) };
    let Some(callbacks) = list.downcast::<List>().map(|l| l.items.get()) else {
        return;
    };
    if callbacks.is_empty() {
        return;
    }
    let Ok(info) = callback_info(vm, generation, collected) else {
        return;
    };
    let Ok(phase) = vm.new_str(phase) else {
        return;
    };
    for callback in callbacks {
        let handled = vm.exc_info.clone();
        let result = vm.call(&callback, &[phase.clone(), info.clone()], None);
        vm.exc_info = handled;
        if let Err(err) = result {
            let what = vm
                .repr_string(&callback)
                .unwrap_or_else(|_| "callback".to_owned());
            report_unraisable(
                vm,
                &format!("Exception ignored while calling GC callback {what}"),
                &err,
            );
        }
    }
}

fn callback_info(vm: &mut Vm, generation: usize, collected: usize) -> crate::PyResult<Value> {
    let info = vm.new_dict_ref()?;
    for (key, value) in [
        ("generation", generation),
        ("collected", collected),
        ("uncollectable", 0),
    ] {
        let key = vm.intern(key)?;
        let value = Value::from_i64(i64::try_from(value).unwrap_or(i64::MAX));
        info.table.with(|t| t.insert_str(key, value));
    }
    Ok(Value::from_object(info.into_obj()))
}
