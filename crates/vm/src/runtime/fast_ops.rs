//! In-place fast paths of the eval loop for the commonest operand kinds
//! (what CPython's specialized `BINARY_OP_ADD_INT`, `BINARY_OP_ADD_FLOAT`,
//! `BINARY_OP_SUBSCR_LIST_INT`, `STORE_SUBSCR_LIST_INT`... do).
//!
//! Each function answers `None` when its operands are not the simple case;
//! the caller then takes the general protocol path, which also produces
//! every error. Containers must be of the exact builtin type: a subclass
//! may override the operation.

use crate::builtins::dict::Dict;
use crate::builtins::iterators::{IterState, NativeIter};
use crate::builtins::list::{List, replace_range, slice_copy};
use crate::builtins::slice::{Slice, small_slice_indices};
use crate::builtins::tuple::Tuple;
use crate::runtime::Vm;
use crate::value::Value;

/// `BINARY_OP oparg` (operator `oparg % 13`, in-place when `13..26`) on two
/// ints within 64 bits or floats (or an inline int with a float), when the
/// result is plain: no overflow out of 64 bits, no division by zero, no
/// negative NaN (those results take the general path).
#[inline(always)]
pub fn binary_number(a: &Value, b: &Value, oparg: u32) -> Option<Value> {
    if oparg >= 26 {
        return None;
    }
    let op = oparg % 13;
    if let (Some(x), Some(y)) = (a.as_inline_int(), b.as_inline_int()) {
        return int_op(op, x, y);
    }
    let (x, y) = match (a.as_inline_float(), b.as_inline_float()) {
        (Some(x), Some(y)) => (x, y),
        (Some(x), None) => (x, small_int_as_f64(b)?),
        (None, Some(y)) => (small_int_as_f64(a)?, y),
        // Ints boxed because they do not fit inline (see `crate::value`).
        (None, None) => return boxed_int_op(op, a, b),
    };
    let r = match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 if y != 0.0 => x / y,
        // A positive finite base with a finite result: C's `pow`, as
        // CPython's `float_pow` calls it (errors take the general path).
        8 if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Value::inline_float(r)
}

/// [`binary_number`] on two ints within 64 bits: `None` on overflow out of
/// 64 bits, division by zero, or an operator done elsewhere. A result
/// outside the inline range is boxed.
#[inline(always)]
fn int_op(op: u32, x: i64, y: i64) -> Option<Value> {
    let r = match op {
        0 => x.checked_add(y)?,
        10 => x.checked_sub(y)?,
        5 => x.checked_mul(y)?,
        // Floor division and modulo round toward negative infinity.
        2 if y != 0 => {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        6 if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        1 => x & y,
        7 => x | y,
        12 => x ^ y,
        _ => return None,
    };
    Some(Value::from_i64(r))
}

/// [`int_op`] when an operand is an int boxed outside the inline range
/// (out of line: rare outside code such as linear congruential generators).
#[inline(never)]
fn boxed_int_op(op: u32, a: &Value, b: &Value) -> Option<Value> {
    int_op(op, a.as_i64()?, b.as_i64()?)
}

/// An inline int as a float, when the conversion is exact (as CPython's
/// correctly rounded `int.__float__` then agrees).
#[inline(always)]
fn small_int_as_f64(v: &Value) -> Option<f64> {
    let i = v.as_inline_int()?;
    (i.unsigned_abs() <= 1 << 53).then_some(i as f64)
}

/// The index `i` of a sequence of `len` items (negative from the end), if
/// in range.
#[inline(always)]
fn position(i: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

/// `container[key]` for an exact `list` or `tuple` and an in-range int or
/// a slice of inline ints.
#[inline(always)]
pub fn subscript(vm: &mut Vm, container: &Value, key: &Value) -> Option<Value> {
    let Some(i) = key.as_inline_int() else {
        let slice = key.as_object()?.downcast::<Slice>()?;
        return slice_items(vm, container, &slice.start, &slice.stop, &slice.step);
    };
    let object = container.as_object()?;
    let class = object.class();
    if class.same(&vm.types.list) {
        let list = object.downcast::<List>()?;
        return list
            .items
            .try_with(|items| position(i, items.len()).map(|p| Value::clone(&items[p])))?;
    }
    if class.same(&vm.types.tuple) {
        let items = object.downcast::<Tuple>()?.items();
        return position(i, items.len()).map(|p| Value::clone(&items[p]));
    }
    None
}

/// `container[start:stop:step]` (`BINARY_SLICE`, or a subscript by a slice
/// object) for an exact `list` or `tuple` and bounds that are `None` or
/// inline ints; `None` for anything else, a zero step, or a refused
/// allocation (the general path then reports the error). The items are
/// copied straight into the new list's storage ([`slice_copy`]); a slice
/// of a whole exact tuple is that tuple, as in CPython.
#[inline]
pub fn slice_items(
    vm: &mut Vm,
    container: &Value,
    start: &Value,
    stop: &Value,
    step: &Value,
) -> Option<Value> {
    let object = container.as_object()?;
    let class = object.class();
    if class.same(&vm.types.list) {
        let items = object.downcast::<List>()?.items.try_with(|items| {
            let (start, stop, step) = small_slice_indices(start, stop, step, items.len())??;
            slice_copy(items, start, stop, step)
        })??;
        return vm.new_list(items).ok();
    }
    if class.same(&vm.types.tuple) {
        let items = object.downcast::<Tuple>()?.items();
        let (start, stop, step) = small_slice_indices(start, stop, step, items.len())??;
        if step == 1 && start == 0 && usize::try_from(stop).ok() == Some(items.len()) {
            return Some(container.clone());
        }
        let items = slice_copy(items, start, stop, step)?;
        return vm.new_tuple(items).ok();
    }
    None
}

/// `container[start:stop] = value` (`STORE_SLICE`) for an exact `list`,
/// bounds that are `None` or inline ints, and an exact `list` or `tuple`
/// value; gives `value` back when it does not apply. The items are
/// replaced in place ([`replace_range`]: no intermediate array unless the
/// value is the list itself). The removed items are dropped here, outside
/// the list's cell (a finalizer they have is deferred to the next safe
/// point, so no Python code runs).
pub fn store_slice(
    vm: &Vm,
    container: &Value,
    start: &Value,
    stop: &Value,
    value: Value,
) -> Result<(), Value> {
    let Some(list) = exact_list(vm, container) else {
        return Err(value);
    };
    let mut removed = Vec::new();
    let mut assign = |new: &[Value]| {
        list.items.try_with(|items| {
            let Some(Some((start, stop, _))) =
                small_slice_indices(start, stop, &Value::NONE, items.len())
            else {
                return false;
            };
            let (start, stop) = (start as usize, stop.max(start) as usize);
            replace_range(items, start, stop, new, &mut removed)
        }) == Some(true)
    };
    let done = match value.as_object() {
        // `L[a:b] = L`: the new items are copied first (the list changes
        // under them); the copy is dropped here, outside the list's cell.
        Some(o) if container.as_object().is_some_and(|c| c.is(o)) => list
            .items
            .try_with(|items| items.clone())
            .is_some_and(|snapshot| assign(&snapshot)),
        Some(o) if o.class().same(&vm.types.list) => o
            .downcast::<List>()
            .and_then(|source| source.items.try_with(|new| assign(new)))
            .unwrap_or(false),
        Some(o) if o.class().same(&vm.types.tuple) => {
            o.downcast::<Tuple>().is_some_and(|t| assign(t.items()))
        }
        _ => false,
    };
    drop(removed);
    if done {
        drop(value);
        Ok(())
    } else {
        Err(value)
    }
}

/// `container[key] = value` for an exact `list` and an in-range int;
/// gives `value` back when it does not apply. The old item is returned to
/// be dropped by the caller, outside the list's cell.
#[inline(always)]
pub fn store_subscript(
    vm: &Vm,
    container: &Value,
    key: &Value,
    value: Value,
) -> Result<Value, Value> {
    let (Some(i), Some(list)) = (key.as_inline_int(), exact_list(vm, container)) else {
        return Err(value);
    };
    let slot = list
        .items
        .try_with(|items| position(i, items.len()).map(|p| items.as_mut_ptr().wrapping_add(p)))
        .flatten();
    let Some(slot) = slot else {
        return Err(value);
    };
    // SAFETY: `slot` points at an initialised item of the list (in range
    // just above). Between the check and here no code ran that could
    // touch the list (the cell was released, but nothing was called), so
    // the array has not moved. The old item is moved out and the new one
    // written in its place.
    unsafe {
        let old = std::ptr::read(slot);
        std::ptr::write(slot.cast::<Option<Value>>(), Some(value));
        Ok(old)
    }
}

/// The items of an exact `tuple`.
#[inline(always)]
pub fn exact_tuple_items<'a>(vm: &Vm, v: &'a Value) -> Option<&'a [Value]> {
    let object = v.as_object()?;
    if !object.class().same(&vm.types.tuple) {
        return None;
    }
    Some(object.downcast::<Tuple>()?.items())
}

/// The items of an exact `tuple` or `list` of exactly `count` items, for
/// `UNPACK_SEQUENCE` (anything else takes the general path, which also
/// reports wrong lengths).
#[inline(always)]
pub fn unpack_exact(vm: &Vm, v: &Value, count: usize) -> Option<Vec<Value>> {
    let object = v.as_object()?;
    let class = object.class();
    if class.same(&vm.types.tuple) {
        let items = object.downcast::<Tuple>()?.items();
        return (items.len() == count).then(|| items.to_vec());
    }
    if class.same(&vm.types.list) {
        let list = object.downcast::<List>()?;
        return list
            .items
            .try_with(|items| (items.len() == count).then(|| items.clone()))?;
    }
    None
}

/// `iter(v)` for an exact `tuple` or `list` (their own iterators);
/// `None` for anything else, or a refused allocation (the general path
/// then raises).
#[inline(always)]
pub fn sequence_iter(vm: &mut Vm, v: &Value) -> Option<Value> {
    let object = v.as_object()?;
    let class = object.class();
    if class.same(&vm.types.tuple) {
        let tuple = object.downcast::<Tuple>()?.clone();
        return crate::builtins::iterators::new_tuple_iter(vm, tuple).ok();
    }
    if class.same(&vm.types.list) {
        let list = object.downcast::<List>()?.clone();
        return crate::builtins::iterators::new_list_iter(vm, list).ok();
    }
    None
}

/// One step of a `str` iterator whose next character is ASCII and already
/// has its shared one-character string (`for ch in text`); `None` for
/// anything else (another character, the end), which the general path
/// then takes without this having advanced.
#[inline(never)]
fn next_ascii_char(vm: &Vm, iterator: &NativeIter) -> Option<Option<Value>> {
    iterator
        .state
        .try_with(|state| {
            let IterState::Str { text, offset } = state else {
                return None;
            };
            let &byte = text.as_bytes().get(*offset)?;
            if !byte.is_ascii() {
                return None;
            }
            let char = vm.shared_char(u32::from(byte))?;
            *offset += 1;
            Some(Some(char))
        })
        .flatten()
}

/// A new `(a, b)` tuple, or `None` if memory ran out.
#[inline(always)]
fn pair(vm: &Vm, a: Value, b: Value) -> Option<Value> {
    let t = crate::object::Ref::new(&vm.types.tuple, Tuple::from_array([a, b])).ok()?;
    Some(Value::from_object(t.into_obj()))
}

/// Whether [`iterate`] steps `it` itself (a builtin list, tuple or range
/// iterator), so that a step taken through it never falls back.
#[inline(always)]
fn steps_inline(vm: &Vm, it: &Value) -> bool {
    it.as_object().is_some_and(|o| {
        let class = o.class();
        class.same(&vm.types.list_iterator)
            || class.same(&vm.types.range_iterator)
            || class.same(&vm.types.tuple_iterator)
    })
}

/// Takes back one step [`iterate`] just took on a list, tuple or range
/// iterator (one [`steps_inline`] accepts, not exhausted).
#[cold]
fn unstep(it: &Value) {
    let Some(iterator) = it.as_object().and_then(|o| o.downcast::<NativeIter>()) else {
        return;
    };
    iterator.state.try_with(|state| match state {
        IterState::List { pos, .. } | IterState::Tuple { pos, .. } | IterState::Seq { pos, .. } => {
            *pos -= 1;
        }
        IterState::Range { next, step, left } => {
            *next = next.wrapping_sub(*step);
            *left += 1;
        }
        _ => {}
    });
}

/// One step of an `enumerate` over a list, tuple or range iterator
/// (`for i, x in enumerate(items)`); `None` (nothing advanced) for any
/// other inner iterator or an index outside 64 bits.
#[inline(never)]
fn next_enumerate(vm: &Vm, iterator: &NativeIter) -> Option<Option<Value>> {
    iterator
        .state
        .try_with(|state| {
            let IterState::Enumerate { inner, count } = state else {
                return None;
            };
            let next = count.as_i64()?.checked_add(1)?;
            if !steps_inline(vm, inner) {
                return None;
            }
            let Some(item) = iterate(vm, inner)? else {
                return Some(None);
            };
            match pair(vm, count.clone(), item) {
                Some(step) => {
                    *count = Value::from_i64(next);
                    Some(Some(step))
                }
                // Out of memory: the inner step is taken back, so the
                // general path repeats it and reports the `MemoryError`.
                None => {
                    unstep(inner);
                    None
                }
            }
        })
        .flatten()
}

/// One step of a non-strict two-way `zip` over list, tuple or range
/// iterators (`for a, b in zip(xs, ys)`); `None` (nothing advanced) for
/// anything else.
#[inline(never)]
fn next_zip(vm: &Vm, iterator: &NativeIter) -> Option<Option<Value>> {
    let step = iterator
        .state
        .try_with(|state| {
            let IterState::Zip {
                inners,
                strict: false,
            } = state
            else {
                return None;
            };
            let [first, second] = inners.as_slice() else {
                return None;
            };
            if !(steps_inline(vm, first) && steps_inline(vm, second)) {
                return None;
            }
            let Some(a) = iterate(vm, first)? else {
                return Some(None);
            };
            let Some(b) = iterate(vm, second)? else {
                return Some(None);
            };
            match pair(vm, a, b) {
                Some(step) => Some(Some(step)),
                // Out of memory: both steps are taken back (see
                // `next_enumerate`).
                None => {
                    unstep(first);
                    unstep(second);
                    None
                }
            }
        })
        .flatten()?;
    if step.is_none() {
        // Exhausted: as `zip` itself, finished for good.
        retire(iterator);
    }
    Some(step)
}

/// One step of a builtin list, tuple or range iterator, for `FOR_ITER`:
/// `Some(Some(item))`, `Some(None)` when exhausted, `None` for any other
/// iterator (the general path).
#[inline(always)]
pub fn iterate(vm: &Vm, it: &Value) -> Option<Option<Value>> {
    let object = it.as_object()?;
    let class = object.class();
    if class.same(&vm.types.str_iterator) {
        return next_ascii_char(vm, object.downcast::<NativeIter>()?);
    }
    if !(class.same(&vm.types.list_iterator)
        || class.same(&vm.types.range_iterator)
        || class.same(&vm.types.tuple_iterator))
    {
        if class.same(&vm.types.enumerate) {
            return next_enumerate(vm, object.downcast::<NativeIter>()?);
        }
        if class.same(&vm.types.zip) {
            return next_zip(vm, object.downcast::<NativeIter>()?);
        }
        return None;
    }
    let iterator = object.downcast::<NativeIter>()?;
    let step = iterator
        .state
        .try_with(|state| match state {
            IterState::List { list, pos } => {
                let item = list.items.try_with(|items| items.get(*pos).cloned())?;
                *pos += 1;
                Some(item)
            }
            IterState::Tuple { tuple, pos } => {
                let item = tuple.items().get(*pos).cloned();
                *pos += 1;
                Some(item)
            }
            IterState::Seq { items, pos } => {
                let item = items.get(*pos).cloned();
                *pos += 1;
                Some(item)
            }
            IterState::Range { next, step, left } => {
                if *left == 0 {
                    return Some(None);
                }
                let r = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Some(Some(Value::from_i64(r)))
            }
            IterState::Done => Some(None),
            _ => None,
        })
        .flatten();
    let item = step?;
    if item.is_none() {
        // Exhausted: release the iterated container now, as CPython does.
        retire(iterator);
    }
    Some(item)
}

/// Marks an exhausted native iterator finished for good, releasing what it
/// iterated (dropped outside the iterator's cell: a finalizer it triggers
/// is deferred, and nothing reaches the cell while it is borrowed).
fn retire(iterator: &NativeIter) {
    let old = iterator
        .state
        .try_with(|state| std::mem::replace(state, IterState::Done));
    drop(old);
}

/// The truth of `v` when no Python code can decide it: inline values,
/// the builtin containers, strings and ints by their native slots, and
/// objects of any class defining neither `__bool__` nor `__len__` (always
/// true). `None` otherwise (a user class's slot, or a builtin type whose
/// slot may call Python, such as `mappingproxy` or a weak proxy), or when
/// the native slot fails: the general path then decides, or raises.
#[inline(always)]
pub fn truthiness(vm: &mut Vm, v: &Value) -> Option<bool> {
    if let Some(b) = v.as_bool() {
        return Some(b);
    }
    if v.is_none() {
        return Some(false);
    }
    if let Some(i) = v.as_inline_int() {
        return Some(i != 0);
    }
    if let Some(f) = v.as_inline_float() {
        return Some(f != 0.0);
    }
    let class = vm.type_of(v).clone();
    let (bool_slot, len_slot) = (class.slots.bool.get(), class.slots.len.get());
    if bool_slot.is_none() && len_slot.is_none() {
        return Some(true);
    }
    let t = &vm.types;
    let native = [
        &t.list,
        &t.tuple,
        &t.dict,
        &t.str,
        &t.set,
        &t.frozenset,
        &t.bytes,
        &t.int,
    ];
    if !native.iter().any(|n| class.same(n)) {
        return None;
    }
    match (bool_slot, len_slot) {
        (Some(f), _) => f(vm, v).ok(),
        (None, Some(f)) => f(vm, v).ok().map(|n| n > 0),
        (None, None) => Some(true),
    }
}

/// The hash of `key` when no Python code can make it: an inline int (or
/// bool) or an exact `str`.
#[inline(always)]
fn simple_hash(vm: &Vm, key: &Value) -> Option<i64> {
    if let Some(i) = key.as_inline_int() {
        return Some(crate::hash::hash_i64(i));
    }
    let o = key.as_object()?;
    if !o.class().same(&vm.types.str) {
        return None;
    }
    Some(o.downcast::<crate::builtins::str::Str>()?.hash())
}

/// The exact `dict` `container` is, if it is one.
#[inline(always)]
fn exact_dict<'a>(vm: &Vm, container: &'a Value) -> Option<&'a Dict> {
    let o = container.as_object()?;
    if !o.class().same(&vm.types.dict) {
        return None;
    }
    o.downcast::<Dict>().map(|d| &**d)
}

/// `container[key]` for an exact `dict` holding `key`, when hashing and
/// comparing need no Python code; `None` otherwise (a missing key too: the
/// general path raises the `KeyError`).
#[inline]
pub fn dict_subscript(vm: &Vm, container: &Value, key: &Value) -> Option<Value> {
    let dict = exact_dict(vm, container)?;
    dict.get_simple(key, simple_hash(vm, key)?)?
}

/// `container[key] = value` for an exact `dict`, when hashing and
/// comparing need no Python code; gives `key` and `value` back otherwise.
/// Returns the replaced value, to be dropped by the caller.
#[inline]
pub fn dict_store(
    vm: &Vm,
    container: &Value,
    key: Value,
    value: Value,
) -> Result<Option<Value>, (Value, Value)> {
    let (Some(dict), Some(hash)) = (exact_dict(vm, container), simple_hash(vm, &key)) else {
        return Err((key, value));
    };
    dict.set_simple(key, hash, value)
}

/// The exact `list` `v` is, if it is one.
#[inline(always)]
pub fn exact_list<'a>(vm: &Vm, v: &'a Value) -> Option<&'a List> {
    let o = v.as_object()?;
    if !o.class().same(&vm.types.list) {
        return None;
    }
    o.downcast::<List>().map(|l| &**l)
}
