//! `tuple`: an immutable array of values.

use std::mem::{ManuallyDrop, MaybeUninit};
use std::ptr::NonNull;

use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::CompareOp;
use crate::value::Value;

/// Tuples of up to this many items keep them inside the payload (one
/// allocation per tuple: the object); longer ones keep a boxed slice.
pub const INLINE_ITEMS: usize = 3;

/// The payload of a `tuple`: `len` items, inline when there are at most
/// [`INLINE_ITEMS`], else in a separately allocated slice.
pub struct Tuple {
    len: usize,
    storage: Storage,
}

/// Where a tuple's items live; which field is live is decided by the
/// tuple's length alone (`len <= INLINE_ITEMS`: `inline`, of which the first
/// `len` are initialised; otherwise `heap`, a leaked `Box<[Value]>` of
/// exactly `len` items).
union Storage {
    inline: ManuallyDrop<[MaybeUninit<Value>; INLINE_ITEMS]>,
    heap: NonNull<Value>,
}

impl Tuple {
    /// A tuple payload.
    pub fn new(items: Vec<Value>) -> Tuple {
        if items.len() <= INLINE_ITEMS {
            let len = items.len();
            Tuple::inline_from(len, items.into_iter())
        } else {
            Tuple::boxed(items.into_boxed_slice())
        }
    }

    /// A tuple payload of exactly the `K` items of an array, with no
    /// intermediate vector.
    #[inline]
    pub fn from_array<const K: usize>(items: [Value; K]) -> Tuple {
        if K <= INLINE_ITEMS {
            Tuple::inline_from(K, items.into_iter())
        } else {
            Tuple::boxed(Box::new(items))
        }
    }

    /// A tuple payload of the first `len` items of `items` (an iterator
    /// that yields at least `len`; were it to yield fewer, the rest would
    /// be `None`), with no intermediate vector for a small tuple.
    #[inline]
    pub fn from_iter_with_len(len: usize, items: impl Iterator<Item = Value>) -> Tuple {
        if len <= INLINE_ITEMS {
            Tuple::inline_from(len, items)
        } else {
            Tuple::boxed(items.take(len).collect())
        }
    }

    /// A tuple payload of clones of `items`.
    #[inline]
    pub fn from_slice(items: &[Value]) -> Tuple {
        Tuple::from_iter_with_len(items.len(), items.iter().cloned())
    }

    /// Moves `len <= INLINE_ITEMS` items into the payload (padding with
    /// `None` should the iterator run short, so every counted slot is set).
    #[inline(always)]
    fn inline_from(len: usize, mut items: impl Iterator<Item = Value>) -> Tuple {
        debug_assert!(len <= INLINE_ITEMS);
        let len = len.min(INLINE_ITEMS);
        let mut inline = [const { MaybeUninit::uninit() }; INLINE_ITEMS];
        for slot in inline.iter_mut().take(len) {
            slot.write(items.next().unwrap_or(Value::NONE));
        }
        Tuple {
            len,
            storage: Storage {
                inline: ManuallyDrop::new(inline),
            },
        }
    }

    /// Keeps `items` in a slice of their own (or inline, if they fit).
    fn boxed(items: Box<[Value]>) -> Tuple {
        let len = items.len();
        if len <= INLINE_ITEMS {
            return Tuple::inline_from(len, items.into_vec().into_iter());
        }
        let heap = NonNull::from(Box::leak(items)).cast::<Value>();
        Tuple {
            len,
            storage: Storage { heap },
        }
    }

    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        let start = if self.len <= INLINE_ITEMS {
            // SAFETY: a tuple this short keeps its items inline.
            unsafe { self.storage.inline.as_ptr().cast::<Value>() }
        } else {
            // SAFETY: a longer tuple keeps them in its boxed slice.
            unsafe { self.storage.heap.as_ptr().cast_const() }
        };
        // SAFETY: either way the first `len` values from `start` are
        // initialised and live as long as the payload, which is immutable.
        unsafe { std::slice::from_raw_parts(start, self.len) }
    }
}

impl Vm {
    /// A new tuple value.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(self.empty_tuple_value());
        }
        Ok(Value::from_object(self.new_tuple_ref(items)?.into_obj()))
    }

    /// The shared empty tuple `()` (immortal, as CPython's).
    pub fn empty_tuple_value(&self) -> Value {
        Value::from_object(self.empty_tuple.as_obj().clone())
    }

    /// A new tuple reference.
    pub fn new_tuple_ref(&mut self, items: Vec<Value>) -> PyResult<Ref<Tuple>> {
        self.alloc_tuple(Tuple::new(items))
    }

    /// A new tuple of exactly the items of an array (`(a, b)` without an
    /// intermediate vector: one allocation for a small tuple).
    #[inline]
    pub fn new_tuple_from_array<const K: usize>(&mut self, items: [Value; K]) -> PyResult<Value> {
        if K == 0 {
            return Ok(self.empty_tuple_value());
        }
        Ok(Value::from_object(
            self.alloc_tuple(Tuple::from_array(items))?.into_obj(),
        ))
    }

    /// A new pair `(a, b)`.
    #[inline]
    pub fn new_tuple2(&mut self, a: Value, b: Value) -> PyResult<Value> {
        self.new_tuple_from_array([a, b])
    }

    /// A new tuple of the first `len` items of `items` (see
    /// [`Tuple::from_iter_with_len`]).
    #[inline]
    pub fn new_tuple_from_iter(
        &mut self,
        len: usize,
        items: impl Iterator<Item = Value>,
    ) -> PyResult<Value> {
        if len == 0 {
            return Ok(self.empty_tuple_value());
        }
        Ok(Value::from_object(
            self.alloc_tuple(Tuple::from_iter_with_len(len, items))?
                .into_obj(),
        ))
    }

    /// A new tuple of clones of `items`.
    #[inline]
    pub fn new_tuple_from_slice(&mut self, items: &[Value]) -> PyResult<Value> {
        self.new_tuple_from_iter(items.len(), items.iter().cloned())
    }

    /// Puts a tuple payload in a new object of class `tuple`.
    #[inline(always)]
    fn alloc_tuple(&mut self, tuple: Tuple) -> PyResult<Ref<Tuple>> {
        // Straight to the allocator: `Vm::alloc` needs the class cloned
        // out of `self` first, a reference count up and down per tuple.
        crate::object::Ref::new(&self.types.tuple, tuple).map_err(|_| self.memory_error.clone())
    }
}

/// `tuple(x)` for the exact class: an exact tuple is returned as is and an
/// exact list's items are copied straight into the new tuple (no temporary
/// vector); anything else is iterated.
pub fn tuple_of(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    let (is_tuple, is_list) = {
        let class = vm.type_of(x);
        (class.same(&vm.types.tuple), class.same(&vm.types.list))
    };
    if is_tuple {
        return Ok(x.clone());
    }
    if is_list
        && let Some(list) = x
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::list::List>())
    {
        // Cloning items runs no Python code, so the list cannot change
        // while it is borrowed.
        return list.items.with(|items| vm.new_tuple_from_slice(items));
    }
    let items = vm.collect_iterable(x)?;
    vm.new_tuple(items)
}

/// The payload of a tuple value (or of an instance of a subclass).
pub fn tuple_payload(v: &Value) -> Option<&Tuple> {
    v.as_object()?.downcast::<Tuple>().map(|t| &**t)
}

/// The items of a tuple value, borrowed (a tuple is immutable, and the
/// caller's reference keeps it alive); empty for anything else, which the
/// slots and methods below never receive.
fn items_of(v: &Value) -> &[Value] {
    tuple_payload(v).map_or(&[], Tuple::items)
}

/// Compares two sequences lexicographically with Python semantics.
pub fn compare_sequences(vm: &mut Vm, a: &[Value], b: &[Value], op: CompareOp) -> PyResult<Value> {
    let n = a.len().min(b.len());
    for i in 0..n {
        if !vm.eq(&a[i], &b[i])? {
            return match op {
                CompareOp::Eq => Ok(Value::from_bool(false)),
                CompareOp::Ne => Ok(Value::from_bool(true)),
                _ => vm.rich_compare(&a[i], &b[i], op),
            };
        }
    }
    Ok(Value::from_bool(op.test(a.len().cmp(&b.len()))))
}

/// Items of a tuple or list value (a snapshot), for sequence operations.
pub fn seq_items(v: &Value) -> Option<Vec<Value>> {
    let o = v.as_object()?;
    if let Some(t) = o.downcast::<Tuple>() {
        return Some(t.items().to_vec());
    }
    o.downcast::<crate::builtins::list::List>()
        .map(|l| l.items.get())
}

/// Installs `tuple`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let items = items_of(v);
        if !vm.repr_enter(v) {
            return vm.new_str("(...)");
        }
        let r = (|| {
            let mut out = String::from("(");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&vm.repr_string(item)?);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
            Ok(out)
        })();
        vm.repr_leave(v);
        let out = r?;
        vm.new_str(&out)
    }));
    t.slots.len.set(Some(|_vm, v| Ok(items_of(v).len())));
    t.slots.bool.set(Some(|_vm, v| Ok(!items_of(v).is_empty())));
    t.slots.hash.set(Some(|vm, v| {
        let mut hasher = crate::hash::TupleHasher::default();
        for item in items_of(v) {
            hasher.add(vm.hash(item)?);
        }
        Ok(hasher.finish())
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let is_tuple = |v: &Value| {
            v.as_object()
                .is_some_and(|o| o.downcast::<Tuple>().is_some())
        };
        if !is_tuple(a) || !is_tuple(b) {
            return Ok(vm.not_implemented());
        }
        let (x, y) = (items_of(a), items_of(b));
        compare_sequences(vm, x, y, op)
    }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let items = items_of(v);
        // A slice of a whole exact tuple is the tuple itself, as in CPython
        // (its bounds may run `__index__`, hence computed first).
        if let Some(s) = index
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::slice::Slice>())
            .cloned()
        {
            let (start, stop, step) = s.indices(vm, items.len())?;
            if (start, stop, step) == (0, items.len() as i64, 1)
                && v.as_object()
                    .is_some_and(|o| o.class().same(&vm.types.tuple))
            {
                return Ok(v.clone());
            }
            let picked = crate::builtins::list::slice_copy(items, start, stop, step)
                .ok_or_else(|| vm.memory_error())?;
            return vm.new_tuple(picked);
        }
        crate::builtins::list::sequence_getitem(vm, items, index, "tuple", |vm, items| {
            vm.new_tuple(items)
        })
    }));
    t.slots.contains.set(Some(|vm, v, item| {
        for x in items_of(v) {
            if vm.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }));
    t.slots.iter.set(Some(|vm, v| {
        match v.as_object().and_then(|o| o.downcast::<Tuple>()) {
            Some(tuple) => {
                let tuple = tuple.clone();
                crate::builtins::iterators::new_tuple_iter(vm, tuple)
            }
            None => crate::builtins::iterators::new_seq_iter(vm, Vec::new(), "tuple_iterator"),
        }
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        let is_tuple = |v: &Value| {
            v.as_object()
                .is_some_and(|o| o.downcast::<Tuple>().is_some())
        };
        match op {
            BinOp::Add if is_tuple(a) && is_tuple(b) => {
                let (a, b) = (items_of(a), items_of(b));
                let mut items = Vec::with_capacity(a.len().saturating_add(b.len()));
                items.extend_from_slice(a);
                items.extend_from_slice(b);
                vm.new_tuple(items)
            }
            // As for lists: the right operand's `__radd__` goes next, then
            // the number protocol's "can only concatenate tuple".
            BinOp::Add if is_tuple(a) => Ok(vm.not_implemented()),
            BinOp::Mul => {
                let (seq, n) = if is_tuple(a) { (a, b) } else { (b, a) };
                let Some(count) = crate::builtins::str::repeat_count(vm, n)? else {
                    return crate::builtins::str::cannot_multiply(vm, n);
                };
                if count == 1
                    && seq
                        .as_object()
                        .is_some_and(|o| o.class().same(&vm.types.tuple))
                {
                    return Ok(seq.clone());
                }
                let items = items_of(seq);
                let out = crate::builtins::list::repeat(vm, items, count)?;
                vm.new_tuple(out)
            }
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let args = crate::builtins::native::Args::parse_positional(
            vm,
            "tuple",
            &["iterable"],
            0,
            args,
            kwnames,
        )?;
        match args.get(0) {
            None => vm.new_tuple(Vec::new()),
            Some(v) => {
                let items = vm.collect_iterable(v)?;
                vm.new_tuple(items)
            }
        }
    }));
}

/// `tuple`'s methods.
pub const METHODS: &[crate::builtins::native::MethodDef] = &[
    crate::builtins::native::method(
        "index",
        "(self, value, start=0, stop=sys.maxsize, /)",
        |vm, args| {
            let items = items_of(args.this());
            let (start, stop) = crate::builtins::list::index_range(vm, args.get(2), args.get(3))?;
            let (start, stop) = crate::builtins::slice::adjust_indices(start, stop, items.len());
            for (i, x) in items.iter().enumerate().take(stop).skip(start) {
                if vm.eq(x, args.required(1))? {
                    return Ok(Value::from_i64(i as i64));
                }
            }
            Err(vm.value_error("tuple.index(x): x not in tuple"))
        },
    ),
    crate::builtins::native::method("count", "(self, value, /)", |vm, args| {
        let items = items_of(args.this());
        let mut n = 0;
        for x in items {
            if vm.eq(x, args.required(1))? {
                n += 1;
            }
        }
        Ok(Value::from_i64(n))
    }),
];

/// Items are released last first, as CPython's tuple deallocation does (the
/// order in which their `__del__` methods run).
impl Drop for Tuple {
    fn drop(&mut self) {
        let len = self.len;
        if len <= INLINE_ITEMS {
            // SAFETY: a tuple this short keeps its items inline; each
            // initialised one is dropped once, and the payload is dying.
            unsafe {
                let start = (*self.storage.inline).as_mut_ptr().cast::<Value>();
                for i in (0..len).rev() {
                    std::ptr::drop_in_place(start.add(i));
                }
            }
        } else {
            // SAFETY: a longer tuple owns the leaked `Box<[Value]>` of
            // exactly `len` items; it is rebuilt once, here.
            let mut items = unsafe {
                Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                    self.storage.heap.as_ptr(),
                    len,
                ))
            }
            .into_vec();
            while let Some(item) = items.pop() {
                drop(item);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(n: usize) -> Vec<Value> {
        (0..n as i64).map(Value::from_i64).collect()
    }

    fn as_ints(t: &Tuple) -> Vec<i64> {
        t.items().iter().filter_map(Value::as_i64).collect()
    }

    #[test]
    fn every_constructor_keeps_the_items_in_order_around_the_inline_limit() {
        for n in 0..=INLINE_ITEMS + 3 {
            let expected: Vec<i64> = (0..n as i64).collect();
            assert_eq!(as_ints(&Tuple::new(ints(n))), expected);
            assert_eq!(as_ints(&Tuple::from_slice(&ints(n))), expected);
            assert_eq!(
                as_ints(&Tuple::from_iter_with_len(n, ints(n).into_iter())),
                expected
            );
        }
        assert_eq!(as_ints(&Tuple::from_array([])), Vec::<i64>::new());
        assert_eq!(
            as_ints(&Tuple::from_array([Value::from_i64(7), Value::from_i64(8)])),
            [7, 8]
        );
        let five = [1, 2, 3, 4, 5].map(Value::from_i64);
        assert_eq!(as_ints(&Tuple::from_array(five)), [1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_short_iterator_pads_with_none_and_a_long_one_is_cut() {
        let short = Tuple::from_iter_with_len(3, ints(1).into_iter());
        assert_eq!(short.items().len(), 3);
        assert!(short.items()[1].is_none() && short.items()[2].is_none());
        let cut = Tuple::from_iter_with_len(2, ints(9).into_iter());
        assert_eq!(as_ints(&cut), [0, 1]);
        let long_cut = Tuple::from_iter_with_len(5, ints(9).into_iter());
        assert_eq!(as_ints(&long_cut), [0, 1, 2, 3, 4]);
    }
}
