//! `slice` objects and the index arithmetic of `seq[start:stop:step]`.

use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

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
        let step = if self.step.is_none() {
            1
        } else {
            match vm.index_value(&self.step)? {
                Some(s) => s,
                None => {
                    return Err(vm.type_error(
                        "slice indices must be integers or None or have an __index__ method".into(),
                    ));
                }
            }
        };
        if step == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        let get = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            match vm.index_value(v)? {
                Some(i) => Ok(i),
                None => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method".into(),
                )),
            }
        };
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |i: i64| -> i64 {
            if i < 0 {
                (i + len).max(lower)
            } else {
                i.min(upper)
            }
        };
        let start = if self.start.is_none() {
            if step < 0 { upper } else { lower }
        } else {
            clamp(get(vm, &self.start, 0)?)
        };
        let stop = if self.stop.is_none() {
            if step < 0 { lower } else { upper }
        } else {
            clamp(get(vm, &self.stop, 0)?)
        };
        Ok((start, stop, step))
    }
}

/// The positions a clamped slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> impl Iterator<Item = usize> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let r = i as usize;
            i += step;
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
