//! `collections.deque`: a double-ended queue with an optional maximum
//! length (appending to a full deque drops an item from the other end),
//! and its iterators `_deque_iterator` and `_deque_reverse_iterator`, which
//! fail with `RuntimeError` once the deque changed under them.

use std::cell::Cell;
use std::collections::VecDeque;

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, classmethod, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::slots::{BinOp, CompareOp};
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyErr, PyResult, Value, Vm};

/// Adds `deque` and its iterator classes to `_collections`.
pub fn install(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let ty = vm.new_builtin_type::<Deque>(
        "collections",
        "deque",
        None,
        flags::BASETYPE | flags::NEW_ALLOCATES_CLASS | flags::SEQUENCE,
        METHODS,
    )?;
    ty.slots.new.set(Some(new));
    ty.slots.init.set(Some(init));
    ty.slots.repr.set(Some(repr));
    ty.slots
        .len
        .set(Some(|vm, v| Ok(deque_of(vm, v)?.items.with(|d| d.len()))));
    ty.slots.bool.set(Some(|vm, v| {
        Ok(deque_of(vm, v)?.items.with(|d| !d.is_empty()))
    }));
    ty.slots.iter.set(Some(|vm, v| new_iterator(vm, v, false)));
    ty.slots.getitem.set(Some(getitem));
    ty.slots.setitem.set(Some(setitem));
    ty.slots.contains.set(Some(contains));
    ty.slots.richcompare.set(Some(compare));
    ty.slots.hash.set(None);
    ty.slots.number.set(Some(number));
    ty.slots.inplace.set(Some(inplace));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    let forward = iterator_type(vm, "_deque_iterator")?;
    let backward = iterator_type(vm, "_deque_reverse_iterator")?;
    krait_vm::builtins::slot_wrappers::install(
        vm,
        &[ty.clone(), forward.clone(), backward.clone()],
    )?;
    vm.module_set(module, "deque", Value::from_object(ty.as_obj().clone()))?;
    vm.module_set(
        module,
        "_deque_iterator",
        Value::from_object(forward.as_obj().clone()),
    )?;
    vm.module_set(
        module,
        "_deque_reverse_iterator",
        Value::from_object(backward.as_obj().clone()),
    )
}

fn iterator_type(vm: &mut Vm, name: &str) -> PyResult<TypeRef> {
    let t = vm.new_builtin_type::<DequeIter>("collections", name, None, 0, &[])?;
    t.slots.new.set(Some(|vm, cls, _args, _kw| {
        Err(vm.type_error(format!(
            "cannot create '_collections.{}' instances",
            cls.name
        )))
    }));
    t.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    t.slots.next.set(Some(iterator_next));
    t.bump_version();
    Ok(t)
}

/// The payload of `deque`.
pub struct Deque {
    items: PyCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped by every change of the contents (iterators compare it).
    state: Cell<u64>,
}

impl Payload for Deque {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.items, |items, visit| visit.values(items.iter()));
    }

    fn clear(&self) {
        drop(self.items.try_with(std::mem::take));
    }
}

/// The payload of the deque iterators.
pub struct DequeIter {
    deque: Ref<Deque>,
    /// Items yielded so far.
    index: Cell<usize>,
    /// The deque's `state` when the iterator was made.
    state: u64,
    reverse: bool,
}

impl Payload for DequeIter {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.deque.as_obj());
    }
}

fn deque_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Deque>> {
    match v.as_object().and_then(|o| o.downcast::<Deque>()) {
        Some(d) => Ok(d.clone()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'collections.deque' object but received a '{tn}'"
            )))
        }
    }
}

fn is_deque(v: &Value) -> bool {
    v.as_object().and_then(|o| o.downcast::<Deque>()).is_some()
}

impl Deque {
    fn changed(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.with(|d| d.iter().cloned().collect())
    }

    fn push_back(&self, item: Value) {
        let dropped = self.items.with(|d| {
            if self.maxlen.get() == Some(0) {
                return Some(item);
            }
            d.push_back(item);
            match self.maxlen.get() {
                Some(m) if d.len() > m => d.pop_front(),
                _ => None,
            }
        });
        self.changed();
        drop(dropped);
    }

    fn push_front(&self, item: Value) {
        let dropped = self.items.with(|d| {
            if self.maxlen.get() == Some(0) {
                return Some(item);
            }
            d.push_front(item);
            match self.maxlen.get() {
                Some(m) if d.len() > m => d.pop_back(),
                _ => None,
            }
        });
        self.changed();
        drop(dropped);
    }

    fn replace_all(&self, items: VecDeque<Value>) {
        let old = self.items.with(|d| std::mem::replace(d, items));
        self.changed();
        drop(old);
    }
}

fn new(vm: &mut Vm, cls: &TypeRef, _args: &[Value], _kw: Option<&Ref<Tuple>>) -> PyResult<Value> {
    let d = vm.alloc(
        cls,
        Deque {
            items: PyCell::new(VecDeque::new()),
            maxlen: Cell::new(None),
            state: Cell::new(0),
        },
    )?;
    Ok(Value::from_object(d.into_obj()))
}

/// `deque([iterable[, maxlen]])`.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kw: Option<&Ref<Tuple>>) -> PyResult<()> {
    let a =
        krait_vm::static_signature!("(iterable=(), maxlen=None)").bind(vm, "deque", args, kw)?;
    let maxlen = match a.get(1).filter(|v| !v.is_none()) {
        Some(m) => {
            let m = m.clone();
            let Some(n) = vm.index_value(&m)? else {
                let tn = vm.type_name(&m);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            };
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(usize::try_from(n).unwrap_or(usize::MAX))
        }
        None => None,
    };
    let d = deque_of(vm, this)?;
    d.maxlen.set(maxlen);
    if !d.items.with(|i| i.is_empty()) {
        d.replace_all(VecDeque::new());
    }
    if let Some(iterable) = a.get(0) {
        let iterable = iterable.clone();
        extend(vm, &d, &iterable, false)?;
    }
    Ok(())
}

fn extend(vm: &mut Vm, d: &Ref<Deque>, iterable: &Value, left: bool) -> PyResult<()> {
    let items = if is_deque(iterable) {
        deque_of(vm, iterable)?.snapshot()
    } else {
        vm.collect_iterable(iterable)?
    };
    for item in items {
        if left {
            d.push_front(item);
        } else {
            d.push_back(item);
        }
    }
    Ok(())
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = deque_of(vm, v)?;
    let name = vm.type_of(v).name.to_string();
    if !vm.repr_enter(v) {
        return vm.new_str("[...]");
    }
    let items = d.snapshot();
    let list = vm.new_list(items);
    let body = list.and_then(|l| vm.repr_string(&l));
    vm.repr_leave(v);
    let body = body?;
    let text = match d.maxlen.get() {
        Some(m) => format!("{name}({body}, maxlen={m})"),
        None => format!("{name}({body})"),
    };
    vm.new_str(&text)
}

/// A valid position for `index` in a deque of `len` items (negative from
/// the end), or IndexError.
fn position(vm: &mut Vm, len: usize, index: &Value) -> PyResult<usize> {
    let Some(i) = vm.index_value(index)? else {
        let tn = vm.type_name(index);
        return Err(vm.type_error(format!("sequence index must be integer, not '{tn}'")));
    };
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let i = if i < 0 { i.saturating_add(len_i) } else { i };
    if i < 0 || i >= len_i {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(usize::try_from(i).unwrap_or(usize::MAX))
}

fn getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let d = deque_of(vm, v)?;
    let len = d.items.with(|i| i.len());
    let pos = position(vm, len, index)?;
    match d.items.with(|i| i.get(pos).cloned()) {
        Some(item) => Ok(item),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<Value>) -> PyResult<()> {
    let d = deque_of(vm, v)?;
    let len = d.items.with(|i| i.len());
    let pos = position(vm, len, index)?;
    let old = d.items.with(|i| match value {
        Some(value) => i.get_mut(pos).map(|slot| std::mem::replace(slot, value)),
        None => i.remove(pos),
    });
    d.changed();
    drop(old);
    Ok(())
}

fn contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let d = deque_of(vm, v)?;
    let state = d.state.get();
    for candidate in d.snapshot() {
        let equal = vm.eq(&candidate, item)?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        if equal {
            return Ok(true);
        }
    }
    Ok(false)
}

fn mutated(vm: &mut Vm) -> PyErr {
    vm.new_error(
        krait_vm::builtins::exceptions::ExcKind::RuntimeError,
        "deque mutated during iteration",
    )
}

fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !is_deque(a) || !is_deque(b) {
        return Ok(vm.not_implemented());
    }
    let x = deque_of(vm, a)?.snapshot();
    let y = deque_of(vm, b)?.snapshot();
    krait_vm::builtins::tuple::compare_sequences(vm, &x, &y, op)
}

/// A new deque of `v`'s class and maxlen holding `items`.
fn new_like(vm: &mut Vm, v: &Value, items: Vec<Value>) -> PyResult<Value> {
    let d = deque_of(vm, v)?;
    let class = Value::from_object(vm.type_of(v).as_obj().clone());
    let list = vm.new_list(items)?;
    let maxlen = match d.maxlen.get() {
        Some(m) => Value::from_i64(i64::try_from(m).unwrap_or(i64::MAX)),
        None => Value::NONE,
    };
    vm.call(&class, &[list, maxlen], None)
}

fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    match vm.index_value(n) {
        Ok(Some(n)) => Ok(Some(usize::try_from(n).unwrap_or(0))),
        Ok(None) => Ok(None),
        Err(e) => Err(e),
    }
}

fn number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match op {
        BinOp::Add if is_deque(a) => {
            if !is_deque(b) {
                let tn = vm.type_name(b);
                return Err(vm.type_error(format!(
                    "can only concatenate deque (not \"{tn}\") to deque"
                )));
            }
            let mut items = deque_of(vm, a)?.snapshot();
            items.extend(deque_of(vm, b)?.snapshot());
            new_like(vm, a, items)
        }
        BinOp::Mul => {
            let (d, n) = if is_deque(a) { (a, b) } else { (b, a) };
            let Some(count) = repeat_count(vm, n)? else {
                return Ok(vm.not_implemented());
            };
            let items = deque_of(vm, d)?.snapshot();
            let mut out = Vec::new();
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            new_like(vm, d, out)
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let d = deque_of(vm, a)?;
    match op {
        BinOp::Add => {
            extend(vm, &d, b, false)?;
            Ok(a.clone())
        }
        BinOp::Mul => {
            let Some(count) = repeat_count(vm, b)? else {
                return Ok(vm.not_implemented());
            };
            let items = d.snapshot();
            d.replace_all(VecDeque::new());
            for _ in 0..count {
                for item in &items {
                    d.push_back(item.clone());
                }
            }
            Ok(a.clone())
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn new_iterator(vm: &mut Vm, v: &Value, reverse: bool) -> PyResult<Value> {
    let d = deque_of(vm, v)?;
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let module = vm.import_module("_collections")?;
    let class = vm.get_attr_str(&module, name)?;
    let Some(class) = krait_vm::builtins::type_::as_type(&class).cloned() else {
        return Err(vm.type_error(format!("_collections.{name} is not a class")));
    };
    let state = d.state.get();
    let it = vm.alloc(
        &class,
        DequeIter {
            deque: d,
            index: Cell::new(0),
            state,
            reverse,
        },
    )?;
    Ok(Value::from_object(it.into_obj()))
}

fn iterator_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v
        .as_object()
        .and_then(|o| o.downcast::<DequeIter>())
        .cloned()
    else {
        return Ok(None);
    };
    if it.deque.state.get() != it.state {
        return Err(mutated(vm));
    }
    let i = it.index.get();
    let item = it.deque.items.with(|d| {
        let pos = if it.reverse {
            d.len().checked_sub(i + 1)?
        } else {
            i
        };
        d.get(pos).cloned()
    });
    if item.is_some() {
        it.index.set(i + 1);
    }
    Ok(item)
}

fn pop_error(vm: &mut Vm) -> PyErr {
    vm.index_error("pop from an empty deque")
}

fn count_or_index(vm: &mut Vm, args: &Args, find_index: bool) -> PyResult<Value> {
    let d = deque_of(vm, args.this())?;
    let value = args.required(1).clone();
    let state = d.state.get();
    let items = d.snapshot();
    let len = items.len();
    let bound = |vm: &mut Vm, v: Option<&Value>, default: usize| -> PyResult<usize> {
        let Some(v) = v else { return Ok(default) };
        let Some(i) = vm.index_value(v)? else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "slice indices must be integers or have an __index__ method, not '{tn}'"
            )));
        };
        let len_i = i64::try_from(len).unwrap_or(i64::MAX);
        let i = if i < 0 {
            (i.saturating_add(len_i)).max(0)
        } else {
            i.min(len_i)
        };
        Ok(usize::try_from(i).unwrap_or(0))
    };
    let (start, stop) = if find_index {
        (bound(vm, args.get(2), 0)?, bound(vm, args.get(3), len)?)
    } else {
        (0, len)
    };
    let mut found = 0i64;
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        let equal = vm.eq(item, &value)?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        if equal {
            if find_index {
                return Ok(Value::from_i64(i64::try_from(i).unwrap_or(i64::MAX)));
            }
            found += 1;
        }
    }
    if find_index {
        let r = vm.repr_string(&value)?;
        return Err(vm.value_error(&format!("{r} is not in deque")));
    }
    Ok(Value::from_i64(found))
}

fn copy(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let items = deque_of(vm, args.this())?.snapshot();
    new_like(vm, args.this(), items)
}

const GETSETS: &[GetSetDef] = &[readonly("maxlen", |vm, v| {
    Ok(match deque_of(vm, v)?.maxlen.get() {
        Some(m) => Value::from_i64(i64::try_from(m).unwrap_or(i64::MAX)),
        None => Value::NONE,
    })
})];

const METHODS: &[MethodDef] = &[
    method("append", "(self, x, /)", |vm, args| {
        deque_of(vm, args.this())?.push_back(args.required(1).clone());
        Ok(Value::NONE)
    }),
    method("appendleft", "(self, x, /)", |vm, args| {
        deque_of(vm, args.this())?.push_front(args.required(1).clone());
        Ok(Value::NONE)
    }),
    method("pop", "(self, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        let item = d.items.with(VecDeque::pop_back);
        d.changed();
        item.ok_or_else(|| pop_error(vm))
    }),
    method("popleft", "(self, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        let item = d.items.with(VecDeque::pop_front);
        d.changed();
        item.ok_or_else(|| pop_error(vm))
    }),
    method("extend", "(self, iterable, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        extend(vm, &d, args.required(1), false)?;
        Ok(Value::NONE)
    }),
    method("extendleft", "(self, iterable, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        extend(vm, &d, args.required(1), true)?;
        Ok(Value::NONE)
    }),
    method("clear", "(self, /)", |vm, args| {
        deque_of(vm, args.this())?.replace_all(VecDeque::new());
        Ok(Value::NONE)
    }),
    method("copy", "(self, /)", copy),
    method("__copy__", "(self, /)", copy),
    method("count", "(self, value, /)", |vm, args| {
        count_or_index(vm, args, false)
    }),
    method(
        "index",
        "(self, value, start=0, stop=None, /)",
        |vm, args| count_or_index(vm, args, true),
    ),
    method("insert", "(self, index, value, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        let len = d.items.with(|i| i.len());
        if d.maxlen.get() == Some(len) {
            return Err(vm.index_error("deque already at its maximum size"));
        }
        let Some(i) = vm.index_value(args.required(1))? else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        let len_i = i64::try_from(len).unwrap_or(i64::MAX);
        let i = if i < 0 {
            (i.saturating_add(len_i)).max(0)
        } else {
            i.min(len_i)
        };
        let pos = usize::try_from(i).unwrap_or(0);
        let value = args.required(2).clone();
        d.items.with(|items| items.insert(pos, value));
        d.changed();
        Ok(Value::NONE)
    }),
    method("remove", "(self, value, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        let value = args.required(1).clone();
        let items = d.snapshot();
        let state = d.state.get();
        for (i, item) in items.iter().enumerate() {
            let equal = vm.eq(item, &value)?;
            if d.state.get() != state {
                return Err(mutated(vm));
            }
            if equal {
                let removed = d.items.with(|items| items.remove(i));
                d.changed();
                drop(removed);
                return Ok(Value::NONE);
            }
        }
        Err(vm.value_error("deque.remove(x): x not in deque"))
    }),
    method("reverse", "(self, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        d.items.with(|items| items.make_contiguous().reverse());
        d.changed();
        Ok(Value::NONE)
    }),
    method("rotate", "(self, n=1, /)", |vm, args| {
        let d = deque_of(vm, args.this())?;
        let n = match args.get(1) {
            Some(v) => match vm.index_value(v)? {
                Some(n) => n,
                None => {
                    let tn = vm.type_name(v);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            },
            None => 1,
        };
        d.items.with(|items| {
            let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
            if len > 0 {
                let k = usize::try_from(n.rem_euclid(len)).unwrap_or(0);
                items.rotate_right(k);
            }
        });
        d.changed();
        Ok(Value::NONE)
    }),
    method("__reversed__", "(self, /)", |vm, args| {
        new_iterator(vm, args.this(), true)
    }),
    method("__reduce__", "(self, /)", |vm, args| {
        let this = args.this();
        let d = deque_of(vm, this)?;
        let class = Value::from_object(vm.type_of(this).as_obj().clone());
        let list = vm.new_list(d.snapshot())?;
        let maxlen = match d.maxlen.get() {
            Some(m) => Value::from_i64(i64::try_from(m).unwrap_or(i64::MAX)),
            None => Value::NONE,
        };
        let ctor_args = vm.new_tuple(vec![list, maxlen])?;
        vm.new_tuple(vec![class, ctor_args])
    }),
    classmethod("__class_getitem__", "(cls, item, /)", |vm, args| {
        krait_vm::builtins::generic_alias::new_alias(
            vm,
            args.this().clone(),
            args.required(1).clone(),
        )
    }),
];
