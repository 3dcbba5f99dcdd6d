//! `slice` objects and the index arithmetic of sequences: the `start`/`end`
//! arguments of methods such as `str.find`, integer arguments that must fit
//! an index (`list.insert`, `str.center`), and `seq[start:stop:step]`:
//! clamping to a length (CPython's `PySlice_GetIndicesEx`, in 64 bits and
//! for big lengths), `slice.indices()`, comparison and hashing as the
//! `(start, stop, step)` tuple.

use num_bigint::BigInt as Big;
use num_traits::{Signed, Zero};

use crate::builtins::descriptors::{GetSetDef, readonly};
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::{Unpacked, Value};

const SLICE_INDEX_ERROR: &str =
    "slice indices must be integers or None or have an __index__ method";

/// CPython's `_PyEval_SliceIndex`: an integer (or `__index__`) clamped to
/// the 64-bit range, `None` for `None`; anything else is a `TypeError`.
pub fn clamp_index(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match clamped(vm, v)? {
        Some(i) => Ok(Some(i)),
        None => Err(vm.type_error(SLICE_INDEX_ERROR.into())),
    }
}

/// An integer (or `__index__`) clamped to 64 bits, `None` if not an integer.
fn clamped(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v.unpack() {
        Unpacked::Int(i) => return Ok(Some(i)),
        Unpacked::Bool(b) => return Ok(Some(i64::from(b))),
        Unpacked::Object(o) => {
            if let Some(b) = o.downcast::<crate::builtins::int::BigInt>() {
                let negative = b.is_negative();
                return Ok(Some(if negative { i64::MIN } else { i64::MAX }));
            }
        }
        _ => return Ok(None),
    }
    match vm.lookup_special(v, "__index__") {
        Some(f) => {
            let r = vm.call(&f, &[], None)?;
            if !crate::builtins::int::is_int(&r) {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
            }
            clamped(vm, &r)
        }
        None => Ok(None),
    }
}

/// `start`/`end` arguments of search methods (`str.find(sub, start, end)`):
/// absent or `None` gives the default.
pub fn start_end(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(Option<i64>, Option<i64>)> {
    let s = match start {
        Some(v) => clamp_index(vm, v)?,
        None => None,
    };
    let e = match end {
        Some(v) => clamp_index(vm, v)?,
        None => None,
    };
    Ok((s, e))
}

/// The clamped `(start, stop, step)` of the slice `start:stop:step` for a
/// sequence of `len` items, without arbitrary precision, for the common
/// slice whose bounds are `None` or inline ints: `None` when a bound is
/// anything else, `Some(None)` for a zero step.
pub fn small_slice_indices(
    start: &Value,
    stop: &Value,
    step: &Value,
    len: usize,
) -> Option<Option<(i64, i64, i64)>> {
    let small = |v: &Value| -> Option<Option<i64>> {
        if v.is_none() {
            Some(None)
        } else {
            v.as_i64().map(Some)
        }
    };
    let (start, stop, step) = (small(start)?, small(stop)?, small(step)?);
    let len = i64::try_from(len).ok()?;
    // A step below -maxsize is -maxsize, as CPython's `PySlice_Unpack`
    // (so that negating it cannot overflow).
    let step = step.unwrap_or(1).max(-i64::MAX);
    if step == 0 {
        return Some(None);
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    // Negative bounds count from the end; then clamp into range. The
    // additions cannot overflow: `i` is negative and `len` is not.
    let clamp = |i: i64| -> i64 {
        if i < 0 {
            (i + len).max(lower)
        } else {
            i.min(upper)
        }
    };
    let start = start.map_or(if step < 0 { upper } else { lower }, clamp);
    let stop = stop.map_or(if step < 0 { lower } else { upper }, clamp);
    Some(Some((start, stop, step)))
}

/// CPython's `ADJUST_INDICES`: `start`/`end` of a search in `len` items,
/// negative values counted from the end, clamped to `0..=len` (`start` may
/// stay above `len`, meaning an empty range).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end.saturating_add(len_i)).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start.saturating_add(len_i)).max(0);
    }
    (start as usize, end as usize)
}

/// CPython's `PyNumber_AsSsize_t(v, OverflowError)`: an integer argument
/// that must fit 64 bits (`list.insert`, `str.center`, repetition counts).
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v.unpack() {
        Unpacked::Int(i) => return Ok(i),
        Unpacked::Bool(b) => return Ok(i64::from(b)),
        _ => {}
    }
    if crate::builtins::int::is_int(v) {
        // An int subclass instance holds its value in a `BigInt` payload
        // even when it is small.
        let small = v
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::int::BigInt>())
            .and_then(|b| b.to_i64());
        return small
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    match vm.lookup_special(v, "__index__") {
        Some(f) => {
            let r = vm.call(&f, &[], None)?;
            if !crate::builtins::int::is_int(&r) {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
            }
            index_arg(vm, &r)
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// The payload of a `slice`.
pub struct Slice {
    /// `start`.
    pub start: Value,
    /// `stop`.
    pub stop: Value,
    /// `step`.
    pub step: Value,
}

const BAD_INDEX: &str = "slice indices must be integers or None or have an __index__ method";

/// A slice bound as an integer (`None` when it is `None`).
fn bound(vm: &mut Vm, v: &Value) -> PyResult<Option<Big>> {
    if v.is_none() {
        return Ok(None);
    }
    if !crate::builtins::int::is_int(v) && vm.lookup_special(v, "__index__").is_none() {
        return Err(vm.type_error(BAD_INDEX.into()));
    }
    Ok(Some(vm.index_big(v)?))
}

impl Slice {
    /// CPython's `PySlice_GetIndicesEx`: clamped `(start, stop, step)` for a
    /// sequence of `len` items.
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<(i64, i64, i64)> {
        if let Some(small) = self.small_indices(len) {
            return match small {
                Some(indices) => Ok(indices),
                None => Err(vm.value_error("slice step cannot be zero")),
            };
        }
        let (start, stop, step) = self.indices_big(vm, &Big::from(len))?;
        let clamp = |b: Big| -> i64 {
            num_traits::ToPrimitive::to_i64(&b).unwrap_or(if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            })
        };
        Ok((clamp(start), clamp(stop), clamp(step).max(-i64::MAX)))
    }

    /// [`indices`](Self::indices) without arbitrary precision (see
    /// [`small_slice_indices`]).
    fn small_indices(&self, len: usize) -> Option<Option<(i64, i64, i64)>> {
        small_slice_indices(&self.start, &self.stop, &self.step, len)
    }

    /// The clamped `(start, stop, step)` for a sequence of `len` items, in
    /// arbitrary precision (`range` slicing, `slice.indices`).
    pub fn indices_big(&self, vm: &mut Vm, len: &Big) -> PyResult<(Big, Big, Big)> {
        let step = bound(vm, &self.step)?.unwrap_or_else(|| Big::from(1));
        if step.is_zero() {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let negative_step = step.is_negative();
        let (lower, upper) = if negative_step {
            (Big::from(-1), len - 1)
        } else {
            (Big::zero(), len.clone())
        };
        let clamp = |i: Big| -> Big {
            if i.is_negative() {
                let j = i + len;
                if j < lower { lower.clone() } else { j }
            } else if i > upper {
                upper.clone()
            } else {
                i
            }
        };
        let start = match bound(vm, &self.start)? {
            Some(i) => clamp(i),
            None if negative_step => upper.clone(),
            None => lower.clone(),
        };
        let stop = match bound(vm, &self.stop)? {
            Some(i) => clamp(i),
            None if negative_step => lower.clone(),
            None => upper.clone(),
        };
        Ok((start, stop, step))
    }
}

/// How many positions a clamped slice selects.
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && stop < start {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

/// The number of items a clamped slice selects.
pub fn slice_length(start: &Big, stop: &Big, step: &Big) -> Big {
    if step.is_negative() {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            Big::zero()
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        Big::zero()
    }
}

/// The positions a clamped slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i = i.saturating_add(step);
            Some(r)
        } else {
            None
        }
    })
}

impl Vm {
    /// A new slice value.
    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        let s = self.alloc(&self.types.slice.clone(), Slice { start, stop, step })?;
        Ok(Value::from_object(s.into_obj()))
    }
}

fn this(v: &Value) -> Option<&crate::object::Ref<Slice>> {
    v.as_object()?.downcast::<Slice>()
}

/// The `(start, stop, step)` tuple of a slice value.
fn as_tuple(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(s) = this(v).cloned() else {
        return Ok(None);
    };
    Ok(Some(vm.new_tuple(vec![
        s.start.clone(),
        s.stop.clone(),
        s.step.clone(),
    ])?))
}

/// The bounds of a slice (`start`, `stop`, `step`): read-only members
/// in the type dict, as in CPython.
pub const GETSETS: &[GetSetDef] = &[
    readonly("start", |_vm, v| {
        Ok(this(v).map_or(Value::NONE, |s| s.start.clone()))
    }),
    readonly("stop", |_vm, v| {
        Ok(this(v).map_or(Value::NONE, |s| s.stop.clone()))
    }),
    readonly("step", |_vm, v| {
        Ok(this(v).map_or(Value::NONE, |s| s.step.clone()))
    }),
];

/// Installs `slice`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let Some(s) = this(v).cloned() else {
            return vm.new_str("slice");
        };
        let out = format!(
            "slice({}, {}, {})",
            vm.repr_string(&s.start)?,
            vm.repr_string(&s.stop)?,
            vm.repr_string(&s.step)?
        );
        vm.new_str(&out)
    }));
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        if kw.is_some_and(|k| !k.items().is_empty()) {
            return Err(vm.type_error("slice() takes no keyword arguments".into()));
        }
        let (start, stop, step) = match args {
            [stop] => (Value::NONE, stop.clone(), Value::NONE),
            [start, stop] => (start.clone(), stop.clone(), Value::NONE),
            [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
            [] => return Err(vm.type_error("slice expected at least 1 argument, got 0".into())),
            _ => {
                return Err(vm.type_error(format!(
                    "slice expected at most 3 arguments, got {}",
                    args.len()
                )));
            }
        };
        vm.new_slice(start, stop, step)
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_tuple(vm, a)?, as_tuple(vm, b)?) else {
            return Ok(vm.not_implemented());
        };
        vm.rich_compare(&x, &y, op)
    }));
    t.slots.hash.set(Some(|vm, v| match as_tuple(vm, v)? {
        Some(t) => vm.hash(&t),
        None => Ok(0),
    }));
}

/// `slice`'s methods.
pub const METHODS: &[MethodDef] = &[method("indices", "(self, length, /)", |vm, args| {
    let Some(s) = this(args.this()).cloned() else {
        return Err(vm.type_error("expected a slice".into()));
    };
    let length = vm.index_big(args.required(1))?;
    if length.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = s.indices_big(vm, &length)?;
    let items = vec![vm.new_int(start)?, vm.new_int(stop)?, vm.new_int(step)?];
    vm.new_tuple(items)
})];
