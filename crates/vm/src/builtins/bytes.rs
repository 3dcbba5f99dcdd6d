//! `bytes`: an immutable byte string.

use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// The payload of a `bytes`.
pub struct Bytes {
    /// The bytes.
    pub data: Box<[u8]>,
}

impl Vm {
    /// A new `bytes` value.
    pub fn new_bytes(&mut self, data: Vec<u8>) -> PyResult<Value> {
        let b = self.alloc(
            &self.types.bytes.clone(),
            Bytes {
                data: data.into_boxed_slice(),
            },
        )?;
        Ok(Value::from_object(b.into_obj()))
    }
}

fn data(v: &Value) -> Option<&[u8]> {
    v.as_object()
        .and_then(|o| o.downcast::<Bytes>())
        .map(|b| &*b.data)
}

/// Installs `bytes`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let s = krait_syntax::pyrepr::bytes_repr(data(v).unwrap_or_default());
        vm.new_str(&s)
    }));
    t.slots
        .len
        .set(Some(|_vm, v| Ok(data(v).map_or(0, <[u8]>::len))));
    t.slots.hash.set(Some(|_vm, v| {
        Ok(crate::hash::hash_bytes(
            crate::runtime::hash_secret(),
            data(v).unwrap_or_default(),
        ))
    }));
    t.slots
        .richcompare
        .set(Some(|vm, a, b, op| match (data(a), data(b)) {
            (Some(x), Some(y)) => Ok(Value::from_bool(op.test(x.cmp(y)))),
            _ => Ok(vm.not_implemented()),
        }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let d = data(v).unwrap_or_default().to_vec();
        if let Some(i) = vm.index_value(index)? {
            return match crate::builtins::list::normalize_index(i, d.len()) {
                Some(j) => Ok(Value::from_i64(i64::from(d[j]))),
                None => Err(vm.index_error("index out of range")),
            };
        }
        Err(vm.type_error("byte indices must be integers or slices".into()))
    }));
}
