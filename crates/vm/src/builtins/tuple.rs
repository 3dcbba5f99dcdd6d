//! `tuple`: an immutable array of values.

use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::CompareOp;
use crate::value::Value;

/// The payload of a `tuple`.
pub struct Tuple {
    items: Box<[Value]>,
}

impl Tuple {
    /// A tuple payload.
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple {
            items: items.into_boxed_slice(),
        }
    }

    /// The items.
    pub fn items(&self) -> &[Value] {
        &self.items
    }
}

impl Vm {
    /// A new tuple value.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::from_object(self.empty_tuple.as_obj().clone()));
        }
        Ok(Value::from_object(self.new_tuple_ref(items)?.into_obj()))
    }

    /// A new tuple reference.
    pub fn new_tuple_ref(&mut self, items: Vec<Value>) -> PyResult<Ref<Tuple>> {
        // Straight to the allocator: `Vm::alloc` needs the class cloned
        // out of `self` first, a reference count up and down per tuple.
        crate::object::Ref::new(&self.types.tuple, Tuple::new(items))
            .map_err(|_| self.memory_error.clone())
    }
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
        let items = seq_items(v).unwrap_or_default();
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
    t.slots
        .len
        .set(Some(|_vm, v| Ok(seq_items(v).map_or(0, |i| i.len()))));
    t.slots.bool.set(Some(|_vm, v| {
        Ok(seq_items(v).is_some_and(|i| !i.is_empty()))
    }));
    t.slots.hash.set(Some(|vm, v| {
        let mut hasher = crate::hash::TupleHasher::default();
        for item in seq_items(v).unwrap_or_default() {
            hasher.add(vm.hash(&item)?);
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
        let (x, y) = (
            seq_items(a).unwrap_or_default(),
            seq_items(b).unwrap_or_default(),
        );
        compare_sequences(vm, &x, &y, op)
    }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let items = seq_items(v).unwrap_or_default();
        crate::builtins::list::sequence_getitem(vm, &items, index, "tuple", |vm, items| {
            vm.new_tuple(items)
        })
    }));
    t.slots.contains.set(Some(|vm, v, item| {
        for x in seq_items(v).unwrap_or_default() {
            if vm.eq(&x, item)? {
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
                let mut items = seq_items(a).unwrap_or_default();
                items.extend(seq_items(b).unwrap_or_default());
                vm.new_tuple(items)
            }
            BinOp::Add if is_tuple(a) => {
                let tn = vm.type_name(b);
                Err(vm.type_error(format!(
                    "can only concatenate tuple (not \"{tn}\") to tuple"
                )))
            }
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
                let items = seq_items(seq).unwrap_or_default();
                let out = crate::builtins::list::repeat(vm, &items, count)?;
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
            let items = seq_items(args.this()).unwrap_or_default();
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
        let items = seq_items(args.this()).unwrap_or_default();
        let mut n = 0;
        for x in &items {
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
        let mut items = std::mem::take(&mut self.items).into_vec();
        while let Some(item) = items.pop() {
            drop(item);
        }
    }
}
