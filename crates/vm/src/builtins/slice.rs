//! `slice` objects and the index arithmetic of sequences: `seq[start:stop:step]`,
//! the `start`/`end` arguments of methods such as `str.find`, and integer
//! arguments that must fit an index (`list.insert`, `str.center`).

use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::Ref;
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
                let negative = b.value.sign() == num_bigint::Sign::Minus;
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
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
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

impl Slice {
    /// CPython's `PySlice_GetIndicesEx`: clamped `(start, stop, step)` for a
    /// sequence of `len` items.
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        let step = match clamp_index(vm, &self.step)? {
            None => 1,
            Some(0) => return Err(vm.value_error("slice step cannot be zero")),
            // -i64::MAX keeps `-step` representable, as CPython's -PY_SSIZE_T_MAX.
            Some(s) => s.max(-i64::MAX),
        };
        let start = clamp_index(vm, &self.start)?;
        let stop = clamp_index(vm, &self.stop)?;
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |i: i64| -> i64 {
            if i < 0 {
                i.saturating_add(len).max(lower)
            } else {
                i.min(upper)
            }
        };
        let start = match start {
            None => {
                if step < 0 {
                    upper
                } else {
                    lower
                }
            }
            Some(i) => clamp(i),
        };
        let stop = match stop {
            None => {
                if step < 0 {
                    lower
                } else {
                    upper
                }
            }
            Some(i) => clamp(i),
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

/// Installs `slice`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.getattro.set(Some(slice_getattr));
    t.slots.hash.set(Some(|vm, v| {
        let s = this(vm, v)?;
        let parts = [vm.hash(&s.start)?, vm.hash(&s.stop)?, vm.hash(&s.step)?];
        Ok(crate::hash::hash_slice(parts))
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (
            a.as_object().and_then(|o| o.downcast::<Slice>()).cloned(),
            b.as_object().and_then(|o| o.downcast::<Slice>()).cloned(),
        ) else {
            return Ok(vm.not_implemented());
        };
        let left = [x.start.clone(), x.stop.clone(), x.step.clone()];
        let right = [y.start.clone(), y.stop.clone(), y.step.clone()];
        crate::builtins::tuple::compare_sequences(vm, &left, &right, op)
    }));
    t.slots.repr.set(Some(|vm, v| {
        let Some(s) = v.as_object().and_then(|o| o.downcast::<Slice>()).cloned() else {
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
        let a = crate::builtins::native::Args::parse(
            vm,
            "slice",
            &["start", "stop", "step"],
            1,
            args,
            kw,
        )?;
        let (start, stop, step) = match (a.get(0), a.get(1), a.get(2)) {
            (Some(stop), None, _) => (Value::NONE, stop.clone(), Value::NONE),
            (Some(s), Some(e), st) => (s.clone(), e.clone(), st.cloned().unwrap_or(Value::NONE)),
            _ => (Value::NONE, Value::NONE, Value::NONE),
        };
        vm.new_slice(start, stop, step)
    }));
}

fn this(vm: &mut Vm, v: &Value) -> PyResult<Ref<Slice>> {
    match v.as_object().and_then(|o| o.downcast::<Slice>()) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor requires a 'slice' object".into())),
    }
}

/// `slice`'s methods.
pub const METHODS: &[MethodDef] = &[method("indices", "(self, length, /)", |vm, args| {
    let s = this(vm, args.this())?;
    let length = index_arg(vm, args.required(1))?;
    if length < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = s.indices(vm, length as usize)?;
    vm.new_tuple(vec![
        Value::from_i64(start),
        Value::from_i64(stop),
        Value::from_i64(step),
    ])
})];

/// `slice.start`, `slice.stop`, `slice.step`.
pub fn slice_getattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Ref<crate::builtins::str::Str>,
) -> PyResult<Value> {
    if let Some(s) = obj.as_object().and_then(|o| o.downcast::<Slice>()) {
        match name.as_bytes() {
            b"start" => return Ok(s.start.clone()),
            b"stop" => return Ok(s.stop.clone()),
            b"step" => return Ok(s.step.clone()),
            _ => {}
        }
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}
