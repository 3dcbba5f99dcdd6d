//! `list`: a mutable array of values, plus the sequence helpers shared with
//! `tuple` (indexing, slicing, repetition) and a stable merge sort whose
//! comparisons may raise.

use crate::builtins::native::{Args, Intrinsic, MethodDef, method, method_1, method_2};
use crate::builtins::slice::{Slice, slice_positions};
use crate::builtins::tuple::compare_sequences;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// The payload of a `list`.
#[derive(Default)]
pub struct List {
    /// The items.
    pub items: PyCell<Vec<Value>>,
}

impl List {
    /// Appends `item`, growing the array as CPython's `list_resize` does
    /// (about an eighth over what is needed) instead of doubling it, so a
    /// list built by appends holds at most ~12% unused room, not up to 50%.
    pub fn push(items: &mut Vec<Value>, item: Value) {
        grow_for(items, 1);
        items.push(item);
    }

    /// Appends every item of `extra`, growing as [`List::push`] does.
    pub fn extend(items: &mut Vec<Value>, extra: Vec<Value>) {
        grow_for(items, extra.len());
        items.extend(extra);
    }
}

/// Makes room for `additional` more items with CPython's over-allocation
/// (`new + new/8 + 6`, rounded down to a multiple of 4).
fn grow_for(items: &mut Vec<Value>, additional: usize) {
    let needed = items.len().saturating_add(additional);
    if needed <= items.capacity() {
        return;
    }
    let mut target = (needed.saturating_add(needed >> 3).saturating_add(6) & !3).max(needed);
    if additional > target - needed {
        // A big extension gets no spare room, as in CPython.
        target = needed.saturating_add(3) & !3;
    }
    let target = target.max(needed);
    // A failed reservation leaves the capacity unchanged; the push that
    // follows then grows the array by itself.
    let _ = items.try_reserve_exact(target - items.len());
}

/// How many positions `start`, `start + step`, ... lie before `stop`
/// (bounds clamped as `slice.indices` does, `step` not zero and above
/// `i64::MIN`).
fn slice_length(start: i64, stop: i64, step: i64) -> usize {
    let (span, stride) = if step > 0 {
        (stop.saturating_sub(start), step)
    } else {
        (start.saturating_sub(stop), step.saturating_neg())
    };
    if span <= 0 {
        return 0;
    }
    // `span - 1` cannot overflow (span > 0), nor can `+ 1` (the quotient
    // is below `i64::MAX`).
    usize::try_from((span - 1) / stride + 1).unwrap_or(0)
}

/// Appends counted copies of the items of `source`, as many as `out` has
/// room for (its capacity, reserved by the caller): straight into its
/// storage (no temporaries, nothing reallocated).
fn push_clones<'a>(out: &mut Vec<Value>, source: impl Iterator<Item = &'a Value>) {
    let base = out.as_mut_ptr();
    let mut len = out.len();
    for item in source.take(out.capacity() - len) {
        // SAFETY: `len < capacity` (the iterator stops at the room left),
        // so the slot is inside the allocation and uninitialised;
        // `Option<Value>` has the layout of `Value` (niche), and `Some(v)`
        // is `v`'s bits.
        unsafe {
            std::ptr::write(
                base.add(len).cast::<Option<Value>>(),
                Some(Value::clone(item)),
            );
        }
        len += 1;
    }
    // SAFETY: the slots below `len` are initialised, just above or before.
    unsafe { out.set_len(len) };
}

/// The items at `start`, `start + step`, ... before `stop` (bounds
/// clamped as `slice.indices` does for `items.len()`, `step` not zero), as
/// a new array of exactly the right size: one allocation, one count per
/// item. Positions past the end (the sequence shrank while the bounds
/// were computed) are skipped. `None` if the allocation is refused.
pub fn slice_copy(items: &[Value], start: i64, stop: i64, step: i64) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    out.try_reserve_exact(slice_length(start, stop, step))
        .ok()?;
    let in_range = |i: i64| usize::try_from(i).ok().filter(|&i| i <= items.len());
    match step {
        // `L[a:b]`, `L[:]`: one contiguous run.
        1 => match (in_range(start), in_range(stop)) {
            (Some(a), Some(b)) if a <= b => push_clones(&mut out, items[a..b].iter()),
            _ => push_clones(
                &mut out,
                slice_positions(start, stop, step).filter_map(|i| items.get(i)),
            ),
        },
        // `L[a::-1]`, `L[::-1]`: a contiguous run backwards (`stop` may
        // be -1: the run then starts at the first item).
        -1 => match (
            in_range(stop.saturating_add(1)),
            in_range(start.saturating_add(1)),
        ) {
            (Some(a), Some(b)) if a <= b => push_clones(&mut out, items[a..b].iter().rev()),
            _ => push_clones(
                &mut out,
                slice_positions(start, stop, step).filter_map(|i| items.get(i)),
            ),
        },
        _ => push_clones(
            &mut out,
            slice_positions(start, stop, step).filter_map(|i| items.get(i)),
        ),
    }
    Some(out)
}

/// Replaces `items[start..stop]` by counted copies of `new`, in place:
/// same length, the items are overwritten; otherwise the tail moves once
/// (growing as [`List::push`] does). The removed items that need dropping
/// (none when they are all inline values: nothing is allocated then) are
/// moved into `removed` (empty on entry), for the caller to drop outside
/// the list's cell: an out-parameter, so that no vector is returned
/// through memory and copied at once (a load that waits on the stores).
/// `false`, with `items` unchanged, if the range is not inside `items` or
/// an allocation is refused. `new` must not be `items` itself.
pub fn replace_range(
    items: &mut Vec<Value>,
    start: usize,
    stop: usize,
    new: &[Value],
    removed: &mut Vec<Value>,
) -> bool {
    let Some(old) = items.get(start..stop) else {
        return false;
    };
    let old_len = old.len();
    if old.iter().any(|v| v.as_object().is_some()) && removed.try_reserve_exact(old_len).is_err() {
        return false;
    }
    if new.len() > old_len {
        let extra = new.len() - old_len;
        grow_for(items, extra);
        if items.try_reserve_exact(extra).is_err() {
            return false;
        }
    }
    // Nothing can fail from here on.
    let len = items.len();
    let tail = len - stop;
    let base = items.as_mut_ptr();
    // SAFETY: `start <= stop <= len` (checked by `get` above) and the
    // capacity holds `len - old_len + new.len()` items (reserved above).
    // The length is cut to `start` first, so the slots being rewritten are
    // never visible as items. Each removed item is either moved into
    // `removed` (reserved for all of them) or, when all are inline values
    // (nothing to drop), simply overwritten. The tail moves with one
    // overlapping copy; the new items are written into slots that are
    // now uninitialised. Nothing here can panic (`push` has the room).
    unsafe {
        items.set_len(start);
        if removed.capacity() > 0 {
            for k in start..stop {
                removed.push(std::ptr::read(base.add(k)));
            }
        }
        if new.len() != old_len {
            std::ptr::copy(base.add(stop), base.add(start + new.len()), tail);
        }
        for (k, item) in new.iter().enumerate() {
            std::ptr::write(
                base.add(start + k).cast::<Option<Value>>(),
                Some(Value::clone(item)),
            );
        }
        items.set_len(start + new.len() + tail);
    }
    true
}

impl Vm {
    /// A new list value.
    pub fn new_list(&mut self, items: Vec<Value>) -> PyResult<Value> {
        // Straight to the allocator (as `new_tuple_ref`): `Vm::alloc`
        // needs the class cloned out of `self` first.
        let l = crate::object::Ref::new(
            &self.types.list,
            List {
                items: PyCell::new(items),
            },
        )
        .map_err(|_| self.memory_error.clone())?;
        Ok(Value::from_object(l.into_obj()))
    }
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<List>> {
    match v.as_object().and_then(|o| o.downcast::<List>()) {
        Some(l) => Ok(l),
        None => Err(vm.type_error("descriptor requires a 'list' object".into())),
    }
}

/// Normalises an index for a sequence of `len` items, or `None` if out of range.
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    (0..len).contains(&j).then_some(j as usize)
}

/// `seq[index]` for tuples and lists (and slices of them).
pub fn sequence_getitem(
    vm: &mut Vm,
    items: &[Value],
    index: &Value,
    type_name: &str,
    make: fn(&mut Vm, Vec<Value>) -> PyResult<Value>,
) -> PyResult<Value> {
    if let Some(i) = vm.index_value(index)? {
        return match normalize_index(i, items.len()) {
            Some(j) => Ok(items[j].clone()),
            None => Err(vm.index_error(&format!("{type_name} index out of range"))),
        };
    }
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<Slice>())
        .cloned()
    {
        let (start, stop, step) = s.indices(vm, items.len())?;
        let picked = slice_positions(start, stop, step)
            .map(|i| items[i].clone())
            .collect();
        return make(vm, picked);
    }
    let tn = vm.type_name(index);
    Err(vm.type_error(format!(
        "{type_name} indices must be integers or slices, not {tn}"
    )))
}

/// `items * count`.
pub fn repeat(vm: &mut Vm, items: &[Value], count: i64) -> PyResult<Vec<Value>> {
    let count = count.max(0) as usize;
    if items.is_empty() {
        return Ok(Vec::new());
    }
    match items.len().checked_mul(count) {
        Some(n) if n <= isize::MAX as usize / std::mem::size_of::<Value>() => {
            let mut out = Vec::new();
            out.try_reserve(n).map_err(|_| vm.memory_error())?;
            for _ in 0..count {
                out.extend_from_slice(items);
            }
            Ok(out)
        }
        _ => Err(vm.memory_error()),
    }
}

/// Installs `list`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let items = this(vm, v)?.items.get();
        if !vm.repr_enter(v) {
            return vm.new_str("[...]");
        }
        let r = (|| {
            let mut out = String::from("[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&vm.repr_string(item)?);
            }
            out.push(']');
            Ok(out)
        })();
        vm.repr_leave(v);
        let out = r?;
        vm.new_str(&out)
    }));
    t.slots
        .len
        .set(Some(|vm, v| Ok(this(vm, v)?.items.with(|i| i.len()))));
    t.slots
        .bool
        .set(Some(|vm, v| Ok(this(vm, v)?.items.with(|i| !i.is_empty()))));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (
            a.as_object().and_then(|o| o.downcast::<List>()),
            b.as_object().and_then(|o| o.downcast::<List>()),
        ) else {
            return Ok(vm.not_implemented());
        };
        let (x, y) = (x.items.get(), y.items.get());
        compare_sequences(vm, &x, &y, op)
    }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let l = this(vm, v)?.clone();
        if let Some(i) = index.as_i64() {
            let item = l
                .items
                .with(|items| normalize_index(i, items.len()).map(|j| items[j].clone()));
            return item.ok_or_else(|| vm.index_error("list index out of range"));
        }
        // A slice copies only what it selects (its bounds may run Python
        // code, so they are computed before the items are read).
        if let Some(s) = index
            .as_object()
            .and_then(|o| o.downcast::<Slice>())
            .cloned()
        {
            let len = l.items.with(|items| items.len());
            let (start, stop, step) = s.indices(vm, len)?;
            let picked = l
                .items
                .with(|items| slice_copy(items, start, stop, step))
                .ok_or_else(|| vm.memory_error())?;
            return vm.new_list(picked);
        }
        let items = l.items.get();
        sequence_getitem(vm, &items, index, "list", |vm, items| vm.new_list(items))
    }));
    t.slots.setitem.set(Some(list_setitem));
    t.slots.contains.set(Some(|vm, v, item| {
        // By index, re-reading the list each step (an `__eq__` may change
        // it), as CPython does; no copy of the items.
        let l = this(vm, v)?.clone();
        let mut i = 0;
        while let Some(x) = l.items.with(|items| items.get(i).cloned()) {
            if vm.eq(&x, item)? {
                return Ok(true);
            }
            i += 1;
        }
        Ok(false)
    }));
    t.slots.iter.set(Some(|vm, v| {
        let l = this(vm, v)?.clone();
        crate::builtins::iterators::new_list_iter(vm, l)
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        let la = a.as_object().and_then(|o| o.downcast::<List>()).cloned();
        let lb = b.as_object().and_then(|o| o.downcast::<List>()).cloned();
        match (op, la, lb) {
            (BinOp::Add, Some(x), Some(y)) => {
                let mut items = x.items.get();
                items.extend(y.items.get());
                vm.new_list(items)
            }
            // Not a list on the right: its `__radd__` may answer; if not,
            // the number protocol raises "can only concatenate list".
            (BinOp::Add, Some(_), None) => Ok(vm.not_implemented()),
            (BinOp::Mul, Some(l), _) | (BinOp::Mul, None, Some(l)) => {
                let n = if la_is(a) { b } else { a };
                let Some(count) = crate::builtins::str::repeat_count(vm, n)? else {
                    return crate::builtins::str::cannot_multiply(vm, n);
                };
                let items = l.items.get();
                let out = repeat(vm, &items, count)?;
                vm.new_list(out)
            }
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.inplace.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        let Some(l) = a.as_object().and_then(|o| o.downcast::<List>()).cloned() else {
            return Ok(vm.not_implemented());
        };
        match op {
            BinOp::Add => {
                let extra = vm.collect_iterable(b)?;
                l.items.with(|items| List::extend(items, extra));
                Ok(a.clone())
            }
            BinOp::Mul => {
                let Some(count) = crate::builtins::str::repeat_count(vm, b)? else {
                    return crate::builtins::str::cannot_multiply(vm, b);
                };
                let items = l.items.get();
                let out = repeat(vm, &items, count)?;
                let old = l.items.with(|items| std::mem::replace(items, out));
                drop(old);
                Ok(a.clone())
            }
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots
        .new
        .set(Some(|vm, _cls, _args, _kw| vm.new_list(Vec::new())));
    t.slots.init.set(Some(|vm, v, args, kwnames| {
        let a = Args::parse_positional(vm, "list", &["iterable"], 0, args, kwnames)?;
        let l = this(vm, v)?.clone();
        let items = match a.get(0) {
            Some(it) => vm.collect_iterable(it)?,
            None => Vec::new(),
        };
        let old = l.items.with(|i| std::mem::replace(i, items));
        drop(old);
        Ok(())
    }));
}

/// `lst[index] = value`, `del lst[index]`, and the same for slices
/// (extended slices included, with CPython's size check).
fn list_setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<Value>) -> PyResult<()> {
    let l = this(vm, v)?.clone();
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<Slice>())
        .cloned()
    {
        let new_items = match &value {
            Some(x) => {
                let t = vm.type_of(x);
                if crate::builtins::tuple::seq_items(x).is_none()
                    && t.slots.iter.get().is_none()
                    && t.slots.getitem.get().is_none()
                {
                    return Err(vm.type_error("must assign iterable to extended slice".into()));
                }
                vm.collect_iterable(x)?
            }
            None => Vec::new(),
        };
        let len = l.items.with(|i| i.len());
        let (start, stop, step) = s.indices(vm, len)?;
        if step == 1 {
            let (start, stop) = (start as usize, stop.max(start) as usize);
            let removed: Vec<Value> = l
                .items
                .with(|items| items.splice(start..stop, new_items).collect());
            drop(removed);
            return Ok(());
        }
        let positions: Vec<usize> = slice_positions(start, stop, step).collect();
        if value.is_none() {
            let mut doomed = vec![false; len];
            for &p in &positions {
                doomed[p] = true;
            }
            let removed: Vec<Value> = l.items.with(|items| {
                let mut removed = Vec::with_capacity(positions.len());
                let mut kept = Vec::with_capacity(items.len() - positions.len().min(items.len()));
                for (i, item) in std::mem::take(items).into_iter().enumerate() {
                    if doomed.get(i).copied().unwrap_or(false) {
                        removed.push(item);
                    } else {
                        kept.push(item);
                    }
                }
                *items = kept;
                removed
            });
            drop(removed);
            return Ok(());
        }
        if positions.len() != new_items.len() {
            return Err(vm.value_error(&format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                positions.len()
            )));
        }
        let old: Vec<Value> = l.items.with(|items| {
            positions
                .iter()
                .zip(new_items)
                .filter_map(|(&p, x)| items.get_mut(p).map(|slot| std::mem::replace(slot, x)))
                .collect()
        });
        drop(old);
        return Ok(());
    }
    let Some(i) = vm.index_value(index)? else {
        let tn = vm.type_name(index);
        return Err(vm.type_error(format!("list indices must be integers or slices, not {tn}")));
    };
    let old = l.items.with(|items| {
        let j = normalize_index(i, items.len())?;
        Some(match &value {
            Some(x) => std::mem::replace(&mut items[j], x.clone()),
            None => items.remove(j),
        })
    });
    match old {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

fn la_is(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.downcast::<List>().is_some())
}

/// A stable merge sort whose comparison may raise (Rust's sorts may panic
/// on inconsistent orders, which user `__lt__` can produce).
pub fn merge_sort(
    vm: &mut Vm,
    items: &mut Vec<(Value, Value)>,
    less: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let mut width = 1;
    let mut src: Vec<Option<(Value, Value)>> =
        std::mem::take(items).into_iter().map(Some).collect();
    while width < n {
        let mut dst: Vec<Option<(Value, Value)>> = Vec::with_capacity(n);
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                let take_right = match (&src[j], &src[i]) {
                    (Some(r), Some(l)) => match less(vm, &r.0, &l.0) {
                        Ok(t) => t,
                        Err(e) => {
                            // Hand every item back (merged ones first).
                            dst.extend(src.iter_mut().map(Option::take));
                            *items = dst.into_iter().flatten().collect();
                            return Err(e);
                        }
                    },
                    _ => false,
                };
                if take_right {
                    dst.push(src[j].take());
                    j += 1;
                } else {
                    dst.push(src[i].take());
                    i += 1;
                }
            }
            while i < mid {
                dst.push(src[i].take());
                i += 1;
            }
            while j < end {
                dst.push(src[j].take());
                j += 1;
            }
            start = end;
        }
        src = dst;
        width *= 2;
    }
    *items = src.into_iter().flatten().collect();
    Ok(())
}

/// Sorts `values` as `list.sort` does; on an error (from a key function or
/// a comparison) the values come back in their partly sorted order with
/// the error.
fn sort_keeping(
    vm: &mut Vm,
    values: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> (Vec<Value>, Option<crate::error::PyErr>) {
    let mut keys = Vec::with_capacity(values.len());
    for v in &values {
        match key {
            Some(f) if !f.is_none() => match vm.call(f, std::slice::from_ref(v), None) {
                Ok(k) => keys.push(k),
                Err(e) => return (values, Some(e)),
            },
            _ => keys.push(v.clone()),
        }
    }
    let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(values).collect();
    if reverse {
        pairs.reverse();
    }
    let result = merge_sort(vm, &mut pairs, &mut |vm, a, b| vm.lt(a, b));
    if reverse {
        pairs.reverse();
    }
    let values = pairs.into_iter().map(|(_, v)| v).collect();
    (values, result.err())
}

/// Sorts values (with an optional key function) as `list.sort` does.
pub fn sort_values(
    vm: &mut Vm,
    values: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut pairs = Vec::with_capacity(values.len());
    for v in values {
        let k = match key {
            Some(f) if !f.is_none() => vm.call(f, std::slice::from_ref(&v), None)?,
            _ => v.clone(),
        };
        pairs.push((k, v));
    }
    if reverse {
        pairs.reverse();
    }
    merge_sort(vm, &mut pairs, &mut |vm, a, b| vm.lt(a, b))?;
    if reverse {
        pairs.reverse();
    }
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

/// The `start`/`stop` of `index(value, start, stop)`: integers (or
/// `__index__`), clamped.
pub fn index_range(
    vm: &mut Vm,
    start: Option<&Value>,
    stop: Option<&Value>,
) -> PyResult<(Option<i64>, Option<i64>)> {
    let mut get = |v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v) if v.is_none() => Err(
                vm.type_error("slice indices must be integers or have an __index__ method".into())
            ),
            Some(v) => crate::builtins::slice::clamp_index(vm, v).map_err(|e| {
                if vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::TypeError) {
                    vm.type_error(
                        "slice indices must be integers or have an __index__ method".into(),
                    )
                } else {
                    e
                }
            }),
        }
    };
    let a = get(start)?;
    let b = get(stop)?;
    Ok((a, b))
}

fn list_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Ref<List>> {
    this(vm, args.this())
}

/// `list.pop(this)` (no index) answered inline by the eval loop's native
/// call (see [`Intrinsic::ListPop`]): an exact list (a subclass may
/// override `pop`, but then this descriptor is not what was called; the
/// exact class keeps the guard as simple as `list.append`'s) that is not
/// empty and not being changed elsewhere. `None` (nothing done) for every
/// other call, which runs the body (and raises for an empty list).
#[inline]
pub(crate) fn pop_intrinsic(vm: &Vm, this: &Value) -> Option<Value> {
    let list = this.as_object()?;
    if !list.class().same(&vm.types.list) {
        return None;
    }
    list.downcast::<List>()?.items.try_with(Vec::pop)?
}

/// `list`'s methods.
pub const METHODS: &[MethodDef] = &[
    method_2("append", "(self, object, /)", |vm, this_list, object| {
        let l = this(vm, this_list)?;
        l.items.with(|i| List::push(i, object.clone()));
        Ok(Value::NONE)
    })
    .with_intrinsic(Intrinsic::ListAppend),
    method_2(
        "extend",
        "(self, iterable, /)",
        |vm, this_list, iterable| {
            let l = this(vm, this_list)?.clone();
            let extra = vm.collect_iterable(iterable)?;
            l.items.with(|i| List::extend(i, extra));
            Ok(Value::NONE)
        },
    ),
    method("pop", "(self, index=-1, /)", |vm, args| {
        let l = list_of(vm, args)?.clone();
        let index = match args.get(1) {
            Some(v) => crate::builtins::slice::index_arg(vm, v)?,
            None => -1,
        };
        // `Ok(None)`: empty; `Err(())`: out of range. The item leaves the
        // list before it is returned (or dropped by the caller).
        let item = l.items.with(|items| {
            if items.is_empty() {
                return Ok(None);
            }
            let j = normalize_index(index, items.len()).ok_or(())?;
            // The last item (the usual pop) moves nothing.
            Ok(if j + 1 == items.len() {
                items.pop()
            } else {
                Some(items.remove(j))
            })
        });
        match item {
            Ok(Some(item)) => Ok(item),
            Ok(None) => Err(vm.index_error("pop from empty list")),
            Err(()) => Err(vm.index_error("pop index out of range")),
        }
    })
    .with_intrinsic(Intrinsic::ListPop),
    method("insert", "(self, index, object, /)", |vm, args| {
        let l = list_of(vm, args)?.clone();
        let index = crate::builtins::slice::index_arg(vm, args.required(1))?;
        let item = args.required(2).clone();
        l.items.with(|items| {
            let len = items.len() as i64;
            let j = if index < 0 {
                index.saturating_add(len).max(0)
            } else {
                index.min(len)
            };
            items.insert(j as usize, item);
        });
        Ok(Value::NONE)
    }),
    method_2("remove", "(self, value, /)", |vm, this_list, value| {
        let l = this(vm, this_list)?.clone();
        let items = l.items.get();
        for (i, x) in items.iter().enumerate() {
            if vm.eq(x, value)? {
                let removed = l
                    .items
                    .with(|items| (i < items.len()).then(|| items.remove(i)));
                drop(removed);
                return Ok(Value::NONE);
            }
        }
        Err(vm.value_error("list.remove(x): x not in list"))
    }),
    method(
        "index",
        "(self, value, start=0, stop=sys.maxsize, /)",
        |vm, args| {
            let l = list_of(vm, args)?.clone();
            let (start, stop) = index_range(vm, args.get(2), args.get(3))?;
            let len = l.items.with(|i| i.len());
            let (mut i, stop) = crate::builtins::slice::adjust_indices(start, stop, len);
            // The list may change while `__eq__` runs: re-read it every step.
            while i < stop {
                let Some(x) = l.items.with(|items| items.get(i).cloned()) else {
                    break;
                };
                if vm.eq(&x, args.required(1))? {
                    return Ok(Value::from_i64(i as i64));
                }
                i += 1;
            }
            Err(vm.value_error("list.index(x): x not in list"))
        },
    ),
    method("count", "(self, value, /)", |vm, args| {
        let l = list_of(vm, args)?.clone();
        let (mut n, mut i) = (0, 0);
        while let Some(x) = l.items.with(|items| items.get(i).cloned()) {
            if vm.eq(&x, args.required(1))? {
                n += 1;
            }
            i += 1;
        }
        Ok(Value::from_i64(n))
    }),
    method_1("reverse", "(self, /)", |vm, this_list| {
        this(vm, this_list)?.items.with(|i| i.reverse());
        Ok(Value::NONE)
    }),
    method_1("copy", "(self, /)", |vm, this_list| {
        let items = this(vm, this_list)?.items.get();
        vm.new_list(items)
    }),
    method("__sizeof__", "(self, /)", |vm, args| {
        // The object as allocated (without its GC header, as CPython
        // counts) plus the item array's capacity.
        let capacity = list_of(vm, args)?.items.with(|i| i.capacity());
        let size = std::mem::size_of::<crate::object::PyObj<List>>()
            + capacity.saturating_mul(std::mem::size_of::<Value>());
        Ok(Value::from_i64(i64::try_from(size).unwrap_or(i64::MAX)))
    }),
    method_1("clear", "(self, /)", |vm, this_list| {
        let old = this(vm, this_list)?.items.with(std::mem::take);
        drop(old);
        Ok(Value::NONE)
    }),
    method("sort", "(self, *, key=None, reverse=False)", |vm, args| {
        let l = list_of(vm, args)?.clone();
        let reverse = match args.get(2) {
            Some(r) => vm.is_true(r)?,
            None => false,
        };
        // As CPython: the list is empty while it sorts, so changes made by
        // key functions or comparisons are detected and then discarded.
        let items = l.items.with(std::mem::take);
        let version = l.items.with(|i| (i.len(), i.capacity()));
        let (sorted, error) = sort_keeping(vm, items, args.get(1), reverse);
        let modified = l.items.with(|i| (i.len(), i.capacity()) != version);
        let discarded = l.items.with(|i| std::mem::replace(i, sorted));
        drop(discarded);
        if let Some(e) = error {
            return Err(e);
        }
        if modified {
            return Err(vm.value_error("list modified during sort"));
        }
        Ok(Value::NONE)
    }),
];

/// Items are released last first, as CPython's list deallocation does (the
/// order in which their `__del__` methods run).
impl Drop for List {
    fn drop(&mut self) {
        let items = self.items.get_mut();
        while let Some(item) = items.pop() {
            drop(item);
        }
    }
}
