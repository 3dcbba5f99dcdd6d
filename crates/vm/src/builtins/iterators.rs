//! The builtin iterator types (`list_iterator`, `tuple_iterator`,
//! `str_ascii_iterator`, `range_iterator`, dict iterators (the views' slots are in `dict_view.rs`),
//! `enumerate`, `zip`, `map`,
//! `filter`, `reversed`). They share one payload, [`NativeIter`], whose state
//! says what is being iterated; each has its own class for `type()` and repr.

use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// What a dict iterator or view yields.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictIterKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` tuples.
    Items,
}

/// The state of a builtin iterator.
pub enum IterState {
    /// A snapshot of items.
    Seq { items: Vec<Value>, pos: usize },
    /// The characters of a `str`, from byte `offset`.
    Str { text: Ref<Str>, offset: usize },
    /// A tuple (immutable: read in place, no snapshot needed).
    Tuple {
        tuple: Ref<crate::builtins::tuple::Tuple>,
        pos: usize,
    },
    /// A live list.
    List { list: Ref<List>, pos: usize },
    /// A live list, backwards.
    ListReverse { list: Ref<List>, pos: usize },
    /// Integers `next, next+step, ...` up to `count` of them.
    Range { next: i64, step: i64, left: u64 },
    /// A live dict (CPython's `dictiterobject`): `len` is the size it must
    /// keep, `remaining` how many entries are still expected, `pos` the next
    /// entry index (one past it when `reverse`).
    Dict {
        dict: Ref<Dict>,
        kind: DictIterKind,
        pos: usize,
        len: usize,
        remaining: usize,
        reverse: bool,
    },
    /// `enumerate`: `count` is the next index, an `int` of any size.
    Enumerate { inner: Value, count: Value },
    /// `zip`.
    Zip { inners: Vec<Value>, strict: bool },
    /// `map`.
    Map {
        func: Value,
        inners: Vec<Value>,
        strict: bool,
    },
    /// `filter`.
    Filter { func: Value, inner: Value },
    /// The `iterator` over a sequence with only `__getitem__`: items
    /// `seq[0]`, `seq[1]`, ... until `IndexError` or `StopIteration`.
    GetItem { seq: Value, index: i64 },
    /// `iter(func, sentinel)`: calls `func` until it returns `sentinel`.
    Callable { func: Value, sentinel: Value },
    /// Finished.
    Done,
}

/// The payload of builtin iterators.
pub struct NativeIter {
    /// The state.
    pub state: PyCell<IterState>,
}

/// A dict view (`dict_keys`, `dict_values`, `dict_items`).
pub struct DictView {
    /// The dict.
    pub dict: Ref<Dict>,
    /// Which view.
    pub kind: DictIterKind,
}

fn make(vm: &mut Vm, class: TypeRef, state: IterState) -> PyResult<Value> {
    let it = vm.alloc(
        &class,
        NativeIter {
            state: PyCell::new(state),
        },
    )?;
    Ok(Value::from_object(it.into_obj()))
}

/// An iterator over a snapshot of items.
pub fn new_seq_iter(vm: &mut Vm, items: Vec<Value>, class_name: &str) -> PyResult<Value> {
    let class = match class_name {
        "tuple_iterator" => vm.types.tuple_iterator.clone(),
        "str_ascii_iterator" => vm.types.str_iterator.clone(),
        _ => vm.types.seq_iterator.clone(),
    };
    make(vm, class, IterState::Seq { items, pos: 0 })
}

/// As [`make`] for a class of `vm.types`, borrowed (the hot iterators:
/// no reference count taken and dropped on the class per iterator).
fn make_builtin(vm: &Vm, class: &TypeRef, state: IterState) -> PyResult<Value> {
    let it = Ref::new(
        class,
        NativeIter {
            state: PyCell::new(state),
        },
    )
    .map_err(|_| vm.memory_error.clone())?;
    Ok(Value::from_object(it.into_obj()))
}

/// A `tuple_iterator` over `tuple`'s items, read in place.
pub fn new_tuple_iter(vm: &mut Vm, tuple: Ref<crate::builtins::tuple::Tuple>) -> PyResult<Value> {
    make_builtin(
        vm,
        &vm.types.tuple_iterator,
        IterState::Tuple { tuple, pos: 0 },
    )
}

/// A `str_ascii_iterator`: yields the characters one at a time.
pub fn new_str_iter(vm: &mut Vm, text: Ref<Str>) -> PyResult<Value> {
    let class = vm.types.str_iterator.clone();
    make(vm, class, IterState::Str { text, offset: 0 })
}

/// A `list_iterator`.
pub fn new_list_iter(vm: &mut Vm, list: Ref<List>) -> PyResult<Value> {
    make_builtin(
        vm,
        &vm.types.list_iterator,
        IterState::List { list, pos: 0 },
    )
}

/// A `list_reverseiterator`.
pub fn new_list_reverse_iter(vm: &mut Vm, list: Ref<List>) -> PyResult<Value> {
    let class = vm.types.list_reverseiterator.clone();
    let pos = list.items.with(|i| i.len());
    make(vm, class, IterState::ListReverse { list, pos })
}

/// A `range_iterator`.
pub fn new_range_iter(vm: &mut Vm, start: i64, step: i64, count: u64) -> PyResult<Value> {
    make_builtin(
        vm,
        &vm.types.range_iterator,
        IterState::Range {
            next: start,
            step,
            left: count,
        },
    )
}

/// A dict iterator.
pub fn new_dict_iter(vm: &mut Vm, dict: Ref<Dict>, kind: DictIterKind) -> PyResult<Value> {
    let class = match kind {
        DictIterKind::Keys => vm.types.dict_keyiterator.clone(),
        DictIterKind::Values => vm.types.dict_valueiterator.clone(),
        DictIterKind::Items => vm.types.dict_itemiterator.clone(),
    };
    let len = dict.len();
    make(
        vm,
        class,
        IterState::Dict {
            dict,
            kind,
            pos: 0,
            len,
            remaining: len,
            reverse: false,
        },
    )
}

/// A dict iterator from the last entry backwards (`reversed(d)`).
pub fn new_dict_reverse_iter(vm: &mut Vm, dict: Ref<Dict>, kind: DictIterKind) -> PyResult<Value> {
    let class = match kind {
        DictIterKind::Keys => vm.types.dict_reversekeyiterator.clone(),
        DictIterKind::Values => vm.types.dict_reversevalueiterator.clone(),
        DictIterKind::Items => vm.types.dict_reverseitemiterator.clone(),
    };
    let len = dict.len();
    let pos = dict.table.with(|t| t.entry_count());
    make(
        vm,
        class,
        IterState::Dict {
            dict,
            kind,
            pos,
            len,
            remaining: len,
            reverse: true,
        },
    )
}

/// A dict view.
pub fn new_dict_view(vm: &mut Vm, dict: Ref<Dict>, kind: DictIterKind) -> PyResult<Value> {
    let class = match kind {
        DictIterKind::Keys => vm.types.dict_keys.clone(),
        DictIterKind::Values => vm.types.dict_values.clone(),
        DictIterKind::Items => vm.types.dict_items.clone(),
    };
    let v = vm.alloc(&class, DictView { dict, kind })?;
    Ok(Value::from_object(v.into_obj()))
}

/// The `iterator` of a sequence that only has `__getitem__`.
pub fn new_getitem_iter(vm: &mut Vm, seq: Value) -> PyResult<Value> {
    let class = vm.types.seq_iterator.clone();
    make(vm, class, IterState::GetItem { seq, index: 0 })
}

/// A `callable_iterator` (`iter(func, sentinel)`).
pub fn new_callable_iter(vm: &mut Vm, func: Value, sentinel: Value) -> PyResult<Value> {
    let class = vm.types.callable_iterator.clone();
    make(vm, class, IterState::Callable { func, sentinel })
}

/// An `enumerate`/`zip`/`map`/`filter` object.
pub fn new_functional(vm: &mut Vm, class: TypeRef, state: IterState) -> PyResult<Value> {
    make(vm, class, state)
}

/// For a `str` iterator's state: the next code point (`Some(None)` at the
/// end, when the state becomes `Done`); `None` for any other state.
fn next_code_point(state: &mut IterState) -> Option<Option<u32>> {
    let IterState::Str { text, offset } = state else {
        return None;
    };
    let bytes = text.as_bytes();
    Some(match bytes.get(*offset) {
        // An ASCII byte is its code point: no decoding.
        Some(&byte) if byte.is_ascii() => {
            *offset += 1;
            Some(u32::from(byte))
        }
        Some(_) => {
            let mut points =
                crate::builtins::str::text::code_points(bytes.get(*offset..).unwrap_or(&[]));
            let cp = points.next();
            *offset = bytes.len() - points.rest().len();
            cp
        }
        None => {
            *state = IterState::Done;
            None
        }
    })
}

/// Advances a builtin iterator.
pub fn native_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_object().and_then(|o| o.downcast::<NativeIter>()) else {
        return Ok(None);
    };
    // A `str` iterator (`for ch in text`) steps without the general
    // machinery below: no reference taken, no intermediate step.
    if let Some(next) = it.state.with(next_code_point) {
        return match next {
            Some(cp) => Ok(Some(vm.new_char(cp)?)),
            None => Ok(None),
        };
    }
    let it = it.clone();
    enum Step {
        Ready(Option<Value>),
        Enumerate(Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>, bool),
        Filter(Value, Value),
        GetItem(Value, i64),
        Callable(Value, Value),
        DictChanged,
        DictKeysChanged,
        MakeItem(Value, Value),
        MakeInt(i64),
        MakeChar(u32),
    }
    let step = it.state.with(|state| match state {
        IterState::Seq { items, pos } => {
            let r = items.get(*pos).cloned();
            *pos += 1;
            if r.is_none() {
                *state = IterState::Done;
            }
            Step::Ready(r)
        }
        IterState::Str { .. } => match next_code_point(state) {
            Some(Some(cp)) => Step::MakeChar(cp),
            _ => Step::Ready(None),
        },
        IterState::Tuple { tuple, pos } => {
            let r = tuple.items().get(*pos).cloned();
            *pos += 1;
            if r.is_none() {
                *state = IterState::Done;
            }
            Step::Ready(r)
        }
        IterState::List { list, pos } => {
            let r = list.items.with(|i| i.get(*pos).cloned());
            *pos += 1;
            if r.is_none() {
                *state = IterState::Done;
            }
            Step::Ready(r)
        }
        IterState::ListReverse { list, pos } => {
            let r = if *pos == 0 {
                None
            } else {
                *pos -= 1;
                list.items.with(|i| i.get(*pos).cloned())
            };
            if r.is_none() {
                *state = IterState::Done;
            }
            Step::Ready(r)
        }
        IterState::Range { next, step, left } => {
            if *left == 0 {
                Step::Ready(None)
            } else {
                let r = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Step::MakeInt(r)
            }
        }
        IterState::Dict {
            dict,
            kind,
            pos,
            len,
            remaining,
            reverse,
        } => {
            let (size_ok, entry) = dict.table.with(|t| {
                let found = if *reverse {
                    t.prev_before(*pos)
                } else {
                    t.next_from(*pos)
                };
                (
                    t.len() == *len,
                    found.map(|(p, e)| (p, e.key.clone(), e.value.clone())),
                )
            });
            if !size_ok {
                *len = usize::MAX;
                return Step::DictChanged;
            }
            match entry {
                None => {
                    *state = IterState::Done;
                    Step::Ready(None)
                }
                Some(_) if *remaining == 0 && !*reverse => {
                    *state = IterState::Done;
                    Step::DictKeysChanged
                }
                Some((p, k, val)) => {
                    *pos = if *reverse { p } else { p + 1 };
                    *remaining = remaining.saturating_sub(1);
                    match kind {
                        DictIterKind::Keys => Step::Ready(Some(k)),
                        DictIterKind::Values => Step::Ready(Some(val)),
                        DictIterKind::Items => Step::MakeItem(k, val),
                    }
                }
            }
        }
        IterState::Enumerate { inner, .. } => Step::Enumerate(inner.clone()),
        IterState::Zip { inners, strict } => Step::Zip(inners.clone(), *strict),
        IterState::Map {
            func,
            inners,
            strict,
        } => Step::Map(func.clone(), inners.clone(), *strict),
        IterState::Filter { func, inner } => Step::Filter(func.clone(), inner.clone()),
        IterState::GetItem { seq, index } => {
            let i = *index;
            *index = index.saturating_add(1);
            Step::GetItem(seq.clone(), i)
        }
        IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        IterState::Done => Step::Ready(None),
    });
    match step {
        Step::Ready(r) => Ok(r),
        Step::MakeInt(i) => Ok(Some(Value::from_i64(i))),
        Step::MakeChar(cp) => Ok(Some(vm.new_char(cp)?)),
        Step::MakeItem(k, v) => Ok(Some(vm.new_tuple2(k, v)?)),
        Step::DictChanged => Err(vm.runtime_error("dictionary changed size during iteration")),
        Step::DictKeysChanged => Err(vm.runtime_error("dictionary keys changed during iteration")),
        Step::Enumerate(inner) => {
            // As CPython: the index is taken and advanced only once the
            // inner iterator has produced an item.
            let Some(x) = vm.next(&inner)? else {
                return Ok(None);
            };
            let index = it.state.with(|state| match state {
                IterState::Enumerate { count, .. } => count.clone(),
                _ => Value::from_i64(0),
            });
            let next = match index.as_i64().and_then(|i| i.checked_add(1)) {
                Some(n) => Value::from_i64(n),
                None => {
                    let big = crate::builtins::int::to_big(&index).unwrap_or_default();
                    vm.new_int(big + 1)?
                }
            };
            it.state.with(|state| {
                if let IterState::Enumerate { count, .. } = state {
                    *count = next;
                }
            });
            Ok(Some(vm.new_tuple2(index, x)?))
        }
        Step::Zip(inners, strict) => {
            if inners.is_empty() {
                return Ok(None);
            }
            match next_of_each(vm, &it, &inners, strict.then_some("zip"))? {
                Some(out) => Ok(Some(vm.new_tuple_from_iter(out.len(), out.into_iter())?)),
                None => Ok(None),
            }
        }
        Step::Map(func, inners, strict) => {
            match next_of_each(vm, &it, &inners, strict.then_some("map"))? {
                Some(args) => Ok(Some(vm.call(&func, &args, None)?)),
                None => Ok(None),
            }
        }
        Step::GetItem(seq, i) => match vm.get_item(&seq, &Value::from_i64(i)) {
            Ok(x) => Ok(Some(x)),
            Err(e)
                if vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::IndexError)
                    || vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::StopIteration) =>
            {
                it.state.with(|s| *s = IterState::Done);
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Step::Callable(func, sentinel) => {
            let r = match vm.call(&func, &[], None) {
                Ok(r) => r,
                Err(e)
                    if vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::StopIteration) =>
                {
                    it.state.with(|s| *s = IterState::Done);
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            if vm.eq(&r, &sentinel)? {
                it.state.with(|s| *s = IterState::Done);
                return Ok(None);
            }
            Ok(Some(r))
        }
        Step::Filter(func, inner) => loop {
            let Some(x) = vm.next(&inner)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                vm.is_true(&x)?
            } else {
                let r = vm.call(&func, std::slice::from_ref(&x), None)?;
                vm.is_true(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        },
    }
}

/// One item from each of `zip`'s or `map`'s iterators: inline for the
/// usual few, so a small `zip` item is built with no vector.
type NextOfEach = smallvec::SmallVec<[Value; crate::builtins::tuple::INLINE_ITEMS]>;

/// The next item of every iterator (for `zip` and `map`); `None` when one
/// is exhausted. With `strict` naming the function, iterators of unequal
/// length are a `ValueError` with CPython's message.
fn next_of_each(
    vm: &mut Vm,
    it: &Ref<NativeIter>,
    inners: &[Value],
    strict: Option<&str>,
) -> PyResult<Option<NextOfEach>> {
    let mut out = NextOfEach::with_capacity(inners.len());
    for (i, inner) in inners.iter().enumerate() {
        if let Some(x) = vm.next(inner)? {
            out.push(x);
            continue;
        }
        it.state.with(|s| *s = IterState::Done);
        let Some(name) = strict else {
            return Ok(None);
        };
        let plural = |n: usize| if n == 1 { " " } else { "s 1-" };
        if i > 0 {
            return Err(vm.value_error(&format!(
                "{name}() argument {} is shorter than argument{}{i}",
                i + 1,
                plural(i)
            )));
        }
        for (j, other) in inners.iter().enumerate().skip(1) {
            if vm.next(other)?.is_some() {
                return Err(vm.value_error(&format!(
                    "{name}() argument {} is longer than argument{}{j}",
                    j + 1,
                    plural(j)
                )));
            }
        }
        return Ok(None);
    }
    Ok(Some(out))
}

/// Installs the iterator slots on an iterator class.
pub fn init_iterator_type(t: &TypeObject) {
    t.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    t.slots.next.set(Some(native_next));
}
