//! `bytearray`: a mutable byte string — item and slice assignment and
//! deletion (extended slices included), `append`/`extend`/`insert`/`pop`/
//! `remove`/`reverse`/`clear`/`copy`, `+=` and `*=`, and the byte-string
//! methods shared with `bytes` (`byte_methods.rs`). While a `memoryview`
//! exports it, its size cannot change (CPython's `BufferError`).

use std::cell::Cell;

use crate::builtins::byte_methods::from_hex;
use crate::builtins::bytes::{
    byte_value, bytes_contains, bytes_getitem, bytes_like, bytes_number, constructor_bytes,
};
use crate::builtins::native::{Args, MethodDef, classmethod, method, staticmethod};
use crate::builtins::slice::{Slice, index_arg, slice_positions};
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::BinOp;
use crate::value::Value;

/// The payload of a `bytearray`.
#[derive(Default)]
pub struct ByteArray {
    /// The bytes.
    pub data: PyCell<Vec<u8>>,
    /// Live `memoryview`s over it.
    pub exports: Cell<usize>,
}

impl Vm {
    /// A new `bytearray` value.
    pub fn new_bytearray(&mut self, data: Vec<u8>) -> PyResult<Value> {
        let b = self.alloc(
            &self.types.bytearray.clone(),
            ByteArray {
                data: PyCell::new(data),
                exports: Cell::new(0),
            },
        )?;
        Ok(Value::from_object(b.into_obj()))
    }
}

fn this(vm: &mut Vm, v: &Value) -> PyResult<Ref<ByteArray>> {
    match v.as_object().and_then(|o| o.downcast::<ByteArray>()) {
        Some(b) => Ok(b.clone()),
        None => Err(vm.type_error("descriptor requires a 'bytearray' object".into())),
    }
}

/// Fails with `BufferError` if a `memoryview` exports `b`.
fn check_resizable(vm: &mut Vm, b: &ByteArray) -> PyResult<()> {
    if b.exports.get() > 0 {
        return Err(vm.new_error(
            crate::builtins::exceptions::ExcKind::BufferError,
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

/// The bytes of an iterable of ints (`extend`, slice assignment).
fn bytes_of_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d.into_owned());
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item)?);
    }
    Ok(out)
}

fn own(v: &Value) -> Option<Vec<u8>> {
    v.as_object()
        .and_then(|o| o.downcast::<ByteArray>())
        .map(|b| b.data.get())
}

fn setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<Value>) -> PyResult<()> {
    let b = this(vm, v)?;
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<Slice>())
        .cloned()
    {
        let len = b.data.with(|d| d.len());
        let (start, stop, step) = s.indices(vm, len)?;
        let new = match &value {
            None => Vec::new(),
            Some(x) => {
                if vm.as_str(x).is_some() || crate::builtins::int::is_int(x) {
                    return Err(vm.type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
                            .into(),
                    ));
                }
                bytes_of_iterable(vm, x)?
            }
        };
        if step == 1 {
            let (start, stop) = (start as usize, stop.max(start) as usize);
            if new.len() != stop - start {
                check_resizable(vm, &b)?;
            }
            b.data.with(|d| {
                d.splice(start..stop, new);
            });
            return Ok(());
        }
        let positions: Vec<usize> = slice_positions(start, stop, step).collect();
        if value.is_none() {
            if !positions.is_empty() {
                check_resizable(vm, &b)?;
            }
            let mut sorted = positions;
            sorted.sort_unstable();
            b.data.with(|d| {
                for &p in sorted.iter().rev() {
                    d.remove(p);
                }
            });
            return Ok(());
        }
        if positions.len() != new.len() {
            return Err(vm.value_error(&format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            )));
        }
        b.data.with(|d| {
            for (&p, x) in positions.iter().zip(new) {
                d[p] = x;
            }
        });
        return Ok(());
    }
    let Some(i) = vm.index_value(index)? else {
        let tn = vm.type_name(index);
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {tn}"
        )));
    };
    let byte = match &value {
        Some(x) => Some(byte_value(vm, x)?),
        None => None,
    };
    let len = b.data.with(|d| d.len());
    let Some(j) = crate::builtins::list::normalize_index(i, len) else {
        return Err(vm.index_error("bytearray index out of range"));
    };
    match byte {
        Some(x) => b.data.with(|d| d[j] = x),
        None => {
            check_resizable(vm, &b)?;
            b.data.with(|d| {
                d.remove(j);
            });
        }
    }
    Ok(())
}

/// `repr(b)`: `bytearray(b'...')`, named after the instance's class.
fn bytearray_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = this(vm, v)?.data.get();
    let name = vm.type_name(v);
    let body = krait_syntax::pyrepr::bytes_repr(&data);
    vm.new_str(&format!("{name}({body})"))
}

/// Installs `bytearray`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(bytearray_repr));
    // `str()` is the builtin repr even where a subclass overrides
    // `__repr__` (CPython's `bytearray_str`).
    t.slots.str.set(Some(bytearray_repr));
    t.slots
        .len
        .set(Some(|vm, v| Ok(this(vm, v)?.data.with(|d| d.len()))));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
            return Ok(vm.not_implemented());
        };
        Ok(Value::from_bool(op.test(x.cmp(&y))))
    }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let data = this(vm, v)?.data.get();
        if let Some(i) = index.as_i64() {
            return match crate::builtins::list::normalize_index(i, data.len()) {
                Some(j) => Ok(Value::from_i64(i64::from(data[j]))),
                None => Err(vm.index_error("bytearray index out of range")),
            };
        }
        if index
            .as_object()
            .and_then(|o| o.downcast::<Slice>())
            .is_none()
            && vm.index_value(index)?.is_none()
        {
            let tn = vm.type_name(index);
            return Err(vm.type_error(format!(
                "bytearray indices must be integers or slices, not {tn}"
            )));
        }
        bytes_getitem(vm, &data, index, |vm, d| vm.new_bytearray(d)).map_err(|e| {
            if vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::IndexError) {
                vm.index_error("bytearray index out of range")
            } else {
                e
            }
        })
    }));
    t.slots.setitem.set(Some(setitem));
    t.slots.contains.set(Some(|vm, v, item| {
        let data = this(vm, v)?.data.get();
        bytes_contains(vm, &data, item)
    }));
    t.slots.iter.set(Some(|vm, v| {
        let data = this(vm, v)?.data.get();
        let items = data
            .iter()
            .map(|&b| Value::from_i64(i64::from(b)))
            .collect();
        crate::builtins::iterators::new_seq_iter(vm, items, "bytearray_iterator")
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        bytes_number(vm, a, b, op, own, |vm, d| vm.new_bytearray(d))
    }));
    t.slots.inplace.set(Some(|vm, a, b, op| {
        let ba = this(vm, a)?;
        match op {
            BinOp::Add => {
                let Some(extra) = bytes_like(b) else {
                    let tn = vm.type_name(b);
                    return Err(vm.type_error(format!("can't concat {tn} to bytearray")));
                };
                let extra = extra.into_owned();
                if !extra.is_empty() {
                    check_resizable(vm, &ba)?;
                }
                ba.data.with(|d| d.extend_from_slice(&extra));
                Ok(a.clone())
            }
            BinOp::Mul => {
                let Some(count) = crate::builtins::str::repeat_count(vm, b)? else {
                    return crate::builtins::str::cannot_multiply(vm, b);
                };
                let data = ba.data.get();
                let out = crate::builtins::str::repeat_bytes(vm, &data, count)?;
                if out.len() != data.len() {
                    check_resizable(vm, &ba)?;
                }
                ba.data.with(|d| *d = out);
                Ok(a.clone())
            }
            _ => Ok(vm.not_implemented()),
        }
    }));
    // `tp_new` makes an empty instance of the class asked for (a subclass
    // too); `tp_init` fills it, so a subclass's `__init__` may take other
    // arguments.
    t.flags
        .set(t.flags.get() | crate::types::flags::NEW_ALLOCATES_CLASS);
    t.slots.new.set(Some(|vm, cls, _args, _kw| {
        let b = vm.alloc(cls, ByteArray::default())?;
        Ok(Value::from_object(b.into_obj()))
    }));
    t.slots.init.set(Some(|vm, v, args, kwnames| {
        let args = crate::static_signature!("(source=None, encoding=None, errors=None)").bind(
            vm,
            "bytearray",
            args,
            kwnames,
        )?;
        let b = this(vm, v)?;
        let data = constructor_bytes(vm, &args, false)?;
        check_resizable(vm, &b)?;
        b.data.with(|d| *d = data);
        Ok(())
    }));
}

/// `bytearray.__reduce_ex__(proto)`: `(type(self), (data,), state)`, the
/// data as bytes from protocol 3 on and as a latin-1 string with its
/// encoding before; the state is what `__getstate__` gives (the instance
/// dict and `__slots__` values of a subclass instance, else `None`).
fn reduce(vm: &mut Vm, v: &Value, proto: i64) -> PyResult<Value> {
    let data = this(vm, v)?.data.get();
    let class = Value::from_object(vm.type_of(v).as_obj().clone());
    let args = if proto < 3 {
        let text: String = data.iter().map(|&b| char::from(b)).collect();
        let text = vm.new_str(&text)?;
        let encoding = vm.new_str("latin-1")?;
        vm.new_tuple(vec![text, encoding])?
    } else {
        let bytes = vm.new_bytes(data.to_vec())?;
        vm.new_tuple(vec![bytes])?
    };
    let getstate = vm.get_attr_str(v, "__getstate__")?;
    let state = vm.call(&getstate, &[], None)?;
    vm.new_tuple(vec![class, args, state])
}

fn ba_of(vm: &mut Vm, args: &Args) -> PyResult<Ref<ByteArray>> {
    this(vm, args.this())
}

/// `bytearray`'s own methods (the shared ones are added separately).
pub const METHODS: &[MethodDef] = &[
    method("append", "(self, item, /)", |vm, args| {
        let b = ba_of(vm, args)?;
        let x = byte_value(vm, args.required(1))?;
        check_resizable(vm, &b)?;
        b.data.with(|d| d.push(x));
        Ok(Value::NONE)
    }),
    method("extend", "(self, iterable_of_ints, /)", |vm, args| {
        let b = ba_of(vm, args)?;
        let source = args.required(1);
        if vm.as_str(source).is_some() {
            let tn = vm.type_name(source);
            return Err(vm.type_error(format!("expected iterable of integers; got: '{tn}'")));
        }
        let t = vm.type_of(source);
        if bytes_like(source).is_none()
            && t.slots.iter.get().is_none()
            && t.slots.getitem.get().is_none()
        {
            let tn = vm.type_name(source);
            return Err(vm.type_error(format!("can't extend bytearray with {tn}")));
        }
        let extra = bytes_of_iterable(vm, source)?;
        if !extra.is_empty() {
            check_resizable(vm, &b)?;
        }
        b.data.with(|d| d.extend_from_slice(&extra));
        Ok(Value::NONE)
    }),
    method("insert", "(self, index, item, /)", |vm, args| {
        let b = ba_of(vm, args)?;
        let index = index_arg(vm, args.required(1))?;
        let x = byte_value(vm, args.required(2))?;
        check_resizable(vm, &b)?;
        b.data.with(|d| {
            let len = d.len() as i64;
            let j = if index < 0 {
                (index.saturating_add(len)).max(0)
            } else {
                index.min(len)
            };
            d.insert(j as usize, x);
        });
        Ok(Value::NONE)
    }),
    method("pop", "(self, index=-1, /)", |vm, args| {
        let b = ba_of(vm, args)?;
        let index = match args.get(1) {
            Some(v) => index_arg(vm, v)?,
            None => -1,
        };
        if b.data.with(|d| d.is_empty()) {
            return Err(vm.index_error("pop from empty bytearray"));
        }
        let len = b.data.with(|d| d.len());
        let Some(j) = crate::builtins::list::normalize_index(index, len) else {
            return Err(vm.index_error("pop index out of range"));
        };
        check_resizable(vm, &b)?;
        let x = b.data.with(|d| d.remove(j));
        Ok(Value::from_i64(i64::from(x)))
    }),
    method("remove", "(self, value, /)", |vm, args| {
        let b = ba_of(vm, args)?;
        let x = byte_value(vm, args.required(1))?;
        let Some(j) = b.data.with(|d| d.iter().position(|&y| y == x)) else {
            return Err(vm.value_error("value not found in bytearray"));
        };
        check_resizable(vm, &b)?;
        b.data.with(|d| d.remove(j));
        Ok(Value::NONE)
    }),
    method("reverse", "(self, /)", |vm, args| {
        ba_of(vm, args)?.data.with(|d| d.reverse());
        Ok(Value::NONE)
    }),
    method("clear", "(self, /)", |vm, args| {
        let b = ba_of(vm, args)?;
        check_resizable(vm, &b)?;
        b.data.with(Vec::clear);
        Ok(Value::NONE)
    }),
    method("copy", "(self, /)", |vm, args| {
        let data = ba_of(vm, args)?.data.get();
        vm.new_bytearray(data)
    }),
    method("__alloc__", "(self, /)", |vm, args| {
        let n = ba_of(vm, args)?.data.with(|d| d.capacity() + 1);
        Ok(Value::from_i64(n as i64))
    }),
    classmethod("fromhex", "(cls, string, /)", |vm, args| {
        let data = from_hex(vm, args.required(1))?;
        let b = vm.new_bytearray(data)?;
        // A subclass gets `cls(value)`, as in CPython.
        let cls = args.required(0);
        if cls
            .as_object()
            .is_some_and(|c| c.is(vm.types.bytearray.as_obj()))
        {
            Ok(b)
        } else {
            vm.call(cls, &[b], None)
        }
    }),
    method("__reduce__", "(self, /)", |vm, args| {
        reduce(vm, args.this(), 2)
    }),
    method("__reduce_ex__", "(self, proto=0, /)", |vm, args| {
        let proto = match args.get(1) {
            Some(p) => vm.index_i64_saturating(p)?,
            None => 0,
        };
        reduce(vm, args.this(), proto)
    }),
    staticmethod(
        "maketrans",
        "(frm, to, /)",
        crate::builtins::byte_methods::maketrans,
    ),
];
