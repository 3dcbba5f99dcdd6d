//! `range`: bounds of any size (`range(10**20)` works), iterated with the
//! inline `range_iterator` when every item fits in 64 bits and through
//! `__getitem__` otherwise; indexing and slicing (a slice of a range is a
//! range), membership by arithmetic for ints, equality and hash by the
//! sequence it denotes, `index`, `count`, `__reversed__`.

use std::borrow::Cow;

use num_bigint::BigInt as Big;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::descriptors::{GetSetDef, readonly};
use crate::builtins::int::{is_int, to_big};
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::CompareOp;
use crate::value::Value;

/// The payload of a `range`: its bounds as machine integers when they and
/// the length fit in 64 bits (`range(n)` allocates nothing but the object),
/// as big integers otherwise.
pub struct Range {
    bounds: Bounds,
}

/// How a range keeps its bounds.
enum Bounds {
    /// Every bound fits in an `i64` and the length in a `u64`.
    Small(SmallBounds),
    /// Any size.
    Big(Box<BigBounds>),
}

/// A range's bounds as machine integers.
#[derive(Clone, Copy)]
struct SmallBounds {
    start: i64,
    stop: i64,
    step: i64,
    length: u64,
}

/// A range's bounds as big integers (`step` never 0).
#[derive(Clone)]
struct BigBounds {
    start: Big,
    stop: Big,
    step: Big,
    length: Big,
}

impl BigBounds {
    /// Item `i` (`0 <= i < length`).
    fn item(&self, i: &Big) -> Big {
        &self.start + i * &self.step
    }

    /// The position of `x` if it is an item.
    fn position(&self, x: &Big) -> Option<Big> {
        let offset = x - &self.start;
        let (q, r) = offset.div_mod_floor(&self.step);
        (r.is_zero() && !q.is_negative() && q < self.length).then_some(q)
    }
}

impl SmallBounds {
    /// The bounds of `range(start, stop, step)` (`step != 0`): the length
    /// of any range of 64-bit bounds fits in a `u64`.
    fn new(start: i64, stop: i64, step: i64) -> SmallBounds {
        let (lo, hi, by) = if step > 0 {
            (i128::from(start), i128::from(stop), i128::from(step))
        } else {
            (i128::from(stop), i128::from(start), -i128::from(step))
        };
        let length = if lo < hi { (hi - lo - 1) / by + 1 } else { 0 };
        SmallBounds {
            start,
            stop,
            step,
            length: u64::try_from(length).unwrap_or(u64::MAX),
        }
    }

    /// Whether `x` is an item.
    fn contains(&self, x: i64) -> bool {
        let offset = i128::from(x) - i128::from(self.start);
        let step = i128::from(self.step);
        offset.rem_euclid(step) == 0 && {
            let q = offset.div_euclid(step);
            q >= 0 && q < i128::from(self.length)
        }
    }
}

impl Range {
    /// A range and its length (`step` must not be 0).
    fn new(start: Big, stop: Big, step: Big) -> Range {
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
            return Range::small(a, b, c);
        }
        let length = crate::builtins::slice::slice_length(&start, &stop, &step);
        Range {
            bounds: Bounds::Big(Box::new(BigBounds {
                start,
                stop,
                step,
                length,
            })),
        }
    }

    /// A range of 64-bit bounds (`step` must not be 0).
    fn small(start: i64, stop: i64, step: i64) -> Range {
        Range {
            bounds: Bounds::Small(SmallBounds::new(start, stop, step)),
        }
    }

    /// The bounds as big integers (borrowed when kept so).
    fn big(&self) -> Cow<'_, BigBounds> {
        match &self.bounds {
            Bounds::Small(s) => Cow::Owned(BigBounds {
                start: Big::from(s.start),
                stop: Big::from(s.stop),
                step: Big::from(s.step),
                length: Big::from(s.length),
            }),
            Bounds::Big(b) => Cow::Borrowed(b),
        }
    }

    /// Number of items, if it fits in 64 bits.
    pub fn len(&self) -> Option<u64> {
        match &self.bounds {
            Bounds::Small(s) => Some(s.length),
            Bounds::Big(b) => b.length.to_u64(),
        }
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        match &self.bounds {
            Bounds::Small(s) => s.length == 0,
            Bounds::Big(b) => b.length.is_zero(),
        }
    }
}

fn this(v: &Value) -> Option<&Ref<Range>> {
    v.as_object()?.downcast::<Range>()
}

fn new_range(vm: &mut Vm, r: Range) -> PyResult<Value> {
    let r = vm.alloc(&vm.types.range.clone(), r)?;
    Ok(Value::from_object(r.into_obj()))
}

fn range_iter(vm: &mut Vm, r: &Range) -> PyResult<Value> {
    let r = match &r.bounds {
        // Every item of a small range lies between its 64-bit bounds.
        Bounds::Small(s) => {
            return crate::builtins::iterators::new_range_iter(vm, s.start, s.step, s.length);
        }
        Bounds::Big(b) => b,
    };
    let last = if r.length.is_zero() {
        r.start.clone()
    } else {
        r.item(&(&r.length - 1))
    };
    if let (Some(start), Some(step), Some(len), Some(_)) = (
        r.start.to_i64(),
        r.step.to_i64(),
        r.length.to_u64(),
        last.to_i64(),
    ) {
        return crate::builtins::iterators::new_range_iter(vm, start, step, len);
    }
    let r = new_range(
        vm,
        Range::new(r.start.clone(), r.stop.clone(), r.step.clone()),
    )?;
    crate::builtins::iterators::new_getitem_iter(vm, r)
}

fn range_getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let Some(r) = this(v).cloned() else {
        return Err(vm.type_error("expected range".into()));
    };
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::slice::Slice>())
        .cloned()
    {
        let r = r.big();
        let (start, stop, step) = s.indices_big(vm, &r.length)?;
        let sub = Range::new(r.item(&start), r.item(&stop), &r.step * step);
        return new_range(vm, sub);
    }
    if !is_int(index) && vm.lookup_special(index, "__index__").is_none() {
        let tn = vm.type_name(index);
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {tn}"
        )));
    }
    let i = vm.index_big(index)?;
    let r = r.big();
    let i = if i.is_negative() { i + &r.length } else { i };
    if i.is_negative() || i >= r.length {
        return Err(vm.index_error("range object index out of range"));
    }
    vm.new_int(r.item(&i))
}

fn range_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let Some(r) = this(v).cloned() else {
        return Ok(false);
    };
    if let (Bounds::Small(s), Some(x)) = (&r.bounds, item.as_i64()) {
        return Ok(s.contains(x));
    }
    if is_int(item) {
        return Ok(to_big(item).is_some_and(|x| r.big().position(&x).is_some()));
    }
    let it = range_iter(vm, &r)?;
    while let Some(x) = vm.next(&it)? {
        if vm.eq(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether two ranges denote the same sequence.
fn same_sequence(a: &Range, b: &Range) -> bool {
    let (a, b) = (a.big(), b.big());
    if a.length != b.length {
        return false;
    }
    if a.length.is_zero() {
        return true;
    }
    if a.start != b.start {
        return false;
    }
    a.length.is_one() || a.step == b.step
}

/// `range.__new__` on positional `args` and keyword names `kw`.
fn range_new(
    vm: &mut Vm,
    args: &[Value],
    kw: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    if kw.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error("range() takes no keyword arguments".into()));
    }
    match args.len() {
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0".into())),
        1..=3 => {}
        n => {
            return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}")));
        }
    }
    let mut ints = Vec::with_capacity(args.len());
    for a in args {
        ints.push(vm.index_big(a)?);
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (Big::zero(), stop.clone(), Big::one()),
        [start, stop] => (start.clone(), stop.clone(), Big::one()),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(vm.type_error("range expected at least 1 argument, got 0".into())),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    new_range(vm, Range::new(start, stop, step))
}

/// `range(...)` called by position (the fast tier's class call, see
/// `runtime/class_call.rs`): with only inline ints, the range is made
/// without `__index__` calls; otherwise as `range.__new__`.
pub(crate) fn construct(vm: &mut Vm, args: &[Value]) -> Option<PyResult<Value>> {
    let small = |i: usize| args.get(i).and_then(Value::as_i64);
    let (start, stop, step) = match args.len() {
        1 => (0, small(0)?, 1),
        2 => (small(0)?, small(1)?, 1),
        3 => (small(0)?, small(1)?, small(2)?),
        _ => return Some(range_new(vm, args, None)),
    };
    if step == 0 {
        return Some(range_new(vm, args, None));
    }
    Some(new_range(vm, Range::small(start, stop, step)))
}

/// Installs `range`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots
        .new
        .set(Some(|vm, _cls, args, kw| range_new(vm, args, kw)));
    t.slots.iter.set(Some(|vm, v| {
        let Some(r) = this(v).cloned() else {
            return Err(vm.type_error("expected range".into()));
        };
        range_iter(vm, &r)
    }));
    t.slots.len.set(Some(|vm, v| {
        let Some(r) = this(v) else { return Ok(0) };
        match r
            .len()
            .and_then(|n| usize::try_from(n).ok())
            .filter(|&n| n <= isize::MAX as usize)
        {
            Some(n) => Ok(n),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }));
    t.slots
        .bool
        .set(Some(|_vm, v| Ok(this(v).is_some_and(|r| !r.is_empty()))));
    t.slots.repr.set(Some(|vm, v| {
        let Some(r) = this(v) else {
            return vm.new_str("range");
        };
        let r = r.big();
        let s = if r.step.is_one() {
            format!("range({}, {})", r.start, r.stop)
        } else {
            format!("range({}, {}, {})", r.start, r.stop, r.step)
        };
        vm.new_str(&s)
    }));
    t.slots.getitem.set(Some(range_getitem));
    t.slots.contains.set(Some(range_contains));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (this(a), this(b)) else {
            return Ok(vm.not_implemented());
        };
        match op {
            CompareOp::Eq => Ok(Value::from_bool(same_sequence(x, y))),
            CompareOp::Ne => Ok(Value::from_bool(!same_sequence(x, y))),
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.hash.set(Some(|vm, v| {
        let Some(r) = this(v).cloned() else {
            return Ok(0);
        };
        let r = r.big();
        let length = vm.new_int(r.length.clone())?;
        let (start, step) = if r.length.is_zero() {
            (Value::NONE, Value::NONE)
        } else if r.length.is_one() {
            (vm.new_int(r.start.clone())?, Value::NONE)
        } else {
            (vm.new_int(r.start.clone())?, vm.new_int(r.step.clone())?)
        };
        let t = vm.new_tuple(vec![length, start, step])?;
        vm.hash(&t)
    }));
}

/// The bounds of a range (`start`, `stop`, `step`): read-only members
/// in the type dict, as in CPython.
pub const GETSETS: &[GetSetDef] = &[
    readonly("start", |vm, v| {
        let bound = this(v).map(|r| r.big().start.clone()).unwrap_or_default();
        vm.new_int(bound)
    }),
    readonly("stop", |vm, v| {
        let bound = this(v).map(|r| r.big().stop.clone()).unwrap_or_default();
        vm.new_int(bound)
    }),
    readonly("step", |vm, v| {
        let bound = this(v).map(|r| r.big().step.clone()).unwrap_or_default();
        vm.new_int(bound)
    }),
];

fn count(vm: &mut Vm, r: &Range, x: &Value) -> PyResult<Big> {
    if is_int(x) {
        let found = to_big(x).is_some_and(|b| r.big().position(&b).is_some());
        return Ok(Big::from(u8::from(found)));
    }
    let mut n = Big::zero();
    let it = range_iter(vm, r)?;
    while let Some(item) = vm.next(&it)? {
        if vm.eq(&item, x)? {
            n += 1;
        }
    }
    Ok(n)
}

/// `range`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("index", "(self, value, /)", |vm, args| {
        let Some(r) = this(args.this()).cloned() else {
            return Err(vm.type_error("expected range".into()));
        };
        let x = args.required(1);
        if is_int(x) {
            return match to_big(x).and_then(|b| r.big().position(&b)) {
                Some(p) => vm.new_int(p),
                None => Err(vm.value_error("range.index(x): x not in range")),
            };
        }
        let it = range_iter(vm, &r)?;
        let mut i: i64 = 0;
        while let Some(item) = vm.next(&it)? {
            if vm.eq(&item, x)? {
                return Ok(Value::from_i64(i));
            }
            i += 1;
        }
        Err(vm.value_error("sequence.index(x): x not in sequence"))
    }),
    method("count", "(self, value, /)", |vm, args| {
        let Some(r) = this(args.this()).cloned() else {
            return Err(vm.type_error("expected range".into()));
        };
        let n = count(vm, &r, args.required(1))?;
        vm.new_int(n)
    }),
    method("__reversed__", "(self, /)", |vm, args| {
        let Some(r) = this(args.this()).cloned() else {
            return Err(vm.type_error("expected range".into()));
        };
        let reversed = if r.is_empty() {
            Range::small(0, 0, 1)
        } else {
            let r = r.big();
            let last = r.item(&(&r.length - 1));
            let stop = &r.start - &r.step;
            Range::new(last, stop, -r.step.clone())
        };
        range_iter(vm, &reversed)
    }),
];
