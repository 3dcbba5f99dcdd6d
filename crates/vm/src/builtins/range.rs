//! `range` (64-bit bounds).

use crate::types::TypeObject;
use crate::value::Value;

/// The payload of a `range`.
pub struct Range {
    /// `start`.
    pub start: i64,
    /// `stop`.
    pub stop: i64,
    /// `step`.
    pub step: i64,
}

impl Range {
    /// Number of items.
    pub fn len(&self) -> u64 {
        let (start, stop, step) = (
            i128::from(self.start),
            i128::from(self.stop),
            i128::from(self.step),
        );
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as u64
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn this(v: &Value) -> Option<&crate::object::Ref<Range>> {
    v.as_object()?.downcast::<Range>()
}

/// Installs `range`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        if kw.is_some_and(|k| !k.items().is_empty()) {
            return Err(vm.type_error("range() takes no keyword arguments".into()));
        }
        let mut ints = Vec::with_capacity(args.len());
        for a in args {
            match vm.index_value(a)? {
                Some(i) => ints.push(i),
                None => {
                    let tn = vm.type_name(a);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            }
        }
        let (start, stop, step) = match ints.as_slice() {
            [stop] => (0, *stop, 1),
            [start, stop] => (*start, *stop, 1),
            [start, stop, step] => (*start, *stop, *step),
            [] => return Err(vm.type_error("range expected at least 1 argument, got 0".into())),
            _ => {
                return Err(vm.type_error(format!(
                    "range expected at most 3 arguments, got {}",
                    ints.len()
                )));
            }
        };
        if step == 0 {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        let r = vm.alloc(&vm.types.range.clone(), Range { start, stop, step })?;
        Ok(Value::from_object(r.into_obj()))
    }));
    t.slots.iter.set(Some(|vm, v| {
        let Some(r) = this(v) else {
            return Err(vm.type_error("expected range".into()));
        };
        let (start, step, len) = (r.start, r.step, r.len());
        crate::builtins::iterators::new_range_iter(vm, start, step, len)
    }));
    t.slots
        .len
        .set(Some(|_vm, v| Ok(this(v).map_or(0, |r| r.len() as usize))));
    t.slots
        .bool
        .set(Some(|_vm, v| Ok(this(v).is_some_and(|r| !r.is_empty()))));
    t.slots.repr.set(Some(|vm, v| {
        let Some(r) = this(v) else {
            return vm.new_str("range");
        };
        let s = if r.step == 1 {
            format!("range({}, {})", r.start, r.stop)
        } else {
            format!("range({}, {}, {})", r.start, r.stop, r.step)
        };
        vm.new_str(&s)
    }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let Some(r) = this(v).cloned() else {
            return Err(vm.type_error("expected range".into()));
        };
        match vm.index_value(index)? {
            Some(i) => {
                let len = r.len() as i64;
                let j = if i < 0 { i + len } else { i };
                if j < 0 || j >= len {
                    return Err(vm.index_error("range object index out of range"));
                }
                Ok(Value::from_i64(r.start + j * r.step))
            }
            None => Err(vm.type_error("range indices must be integers or slices".into())),
        }
    }));
    t.slots.contains.set(Some(|vm, v, item| {
        let Some(r) = this(v).cloned() else {
            return Ok(false);
        };
        if let Some(i) = item.as_i64() {
            let ok = if r.step > 0 {
                i >= r.start && i < r.stop
            } else {
                i <= r.start && i > r.stop
            };
            return Ok(ok && (i - r.start) % r.step == 0);
        }
        let it = vm.iter(v)?;
        while let Some(x) = vm.next(&it)? {
            if vm.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }));
}
