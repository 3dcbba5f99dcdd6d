//! `bytes`: an immutable byte string — its constructor (from a length, an
//! iterable of ints, a `str` with an encoding, a buffer or `__bytes__`),
//! slots (indexing gives ints, slicing gives bytes, `+`, `*`, `%`, `in`,
//! comparisons, hash) and the buffer view every bytes-like type shares
//! ([`bytes_like`]). The methods shared with `bytearray` are in
//! `byte_methods.rs`.

use std::borrow::Cow;

use crate::builtins::bytearray::ByteArray;
use crate::builtins::memoryview::MemoryView;
use crate::builtins::native::{Args, MethodDef, classmethod, method, staticmethod};
use crate::builtins::slice::{Slice, slice_positions};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::BinOp;
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

/// The contents of a bytes-like object (`bytes`, `bytearray`, an unreleased
/// `memoryview`): borrowed for `bytes`, a copy otherwise.
pub fn bytes_like(v: &Value) -> Option<Cow<'_, [u8]>> {
    let o = v.as_object()?;
    if let Some(b) = o.downcast::<Bytes>() {
        return Some(Cow::Borrowed(&b.data));
    }
    if let Some(b) = o.downcast::<ByteArray>() {
        return Some(Cow::Owned(b.data.get()));
    }
    if let Some(m) = o.downcast::<MemoryView>() {
        return m.contents().map(Cow::Owned);
    }
    None
}

/// The contents of a bytes-like argument, or `TypeError("a bytes-like
/// object is required, not 'str'")`.
pub fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(data) => Ok(data.into_owned()),
        None => {
            if let Some(m) = v.as_object().and_then(|o| o.downcast::<MemoryView>()) {
                return Err(m.released_error(vm));
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// One byte given as an int: `ValueError("byte must be in range(0, 256)")`.
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = crate::builtins::slice::index_arg(vm, v).map_err(|e| {
        if vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::OverflowError) {
            vm.value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// The bytes of the `bytes()`/`bytearray()` constructors' `source`
/// argument (`encoding`/`errors` already handled by the caller).
pub fn bytes_from_source(vm: &mut Vm, source: &Value, call_dunder: bool) -> PyResult<Vec<u8>> {
    if let Some(data) = bytes_like(source) {
        return Ok(data.into_owned());
    }
    if vm.as_str(source).is_some() {
        return Err(vm.type_error("string argument without an encoding".into()));
    }
    if call_dunder && let Some(f) = vm.lookup_special(source, "__bytes__") {
        let r = vm.call(&f, &[], None)?;
        return match r.as_object().and_then(|o| o.downcast::<Bytes>()) {
            Some(b) => Ok(b.data.to_vec()),
            None => {
                let tn = vm.type_name(&r);
                Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")))
            }
        };
    }
    if let Some(n) = crate::builtins::str::repeat_count(vm, source)? {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut out = Vec::new();
        out.try_reserve_exact(n as usize)
            .map_err(|_| vm.memory_error())?;
        out.resize(n as usize, 0);
        return Ok(out);
    }
    let t = vm.type_of(source);
    if t.slots.iter.get().is_none() && t.slots.getitem.get().is_none() {
        let tn = vm.type_name(source);
        // Only `bytes()` asks `__bytes__`; `bytearray()` names itself.
        let target = if call_dunder { "bytes" } else { "bytearray" };
        return Err(vm.type_error(format!("cannot convert '{tn}' object to {target}")));
    }
    let items = vm.collect_iterable(source)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item).map_err(|e| {
            // `bytes([300])` says "bytes", `bytearray([300])` "byte".
            if call_dunder && vm.exc_matches(&e, crate::builtins::exceptions::ExcKind::ValueError) {
                vm.value_error("bytes must be in range(0, 256)")
            } else {
                e
            }
        })?);
    }
    Ok(out)
}

/// The `(source, encoding, errors)` arguments of `bytes()`/`bytearray()`.
pub fn constructor_bytes(vm: &mut Vm, args: &Args, call_dunder: bool) -> PyResult<Vec<u8>> {
    match (args.get(0), args.get(1), args.get(2)) {
        (None, None, None) => Ok(Vec::new()),
        (Some(source), None, None) => bytes_from_source(vm, source, call_dunder),
        (Some(source), encoding, errors) => {
            let Some(s) = vm.as_str(source).cloned() else {
                let message = if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                };
                return Err(vm.type_error(message.into()));
            };
            let encoding = match encoding {
                Some(e) => match vm.as_str(e) {
                    Some(e) => e.as_lossy().into_owned(),
                    None => {
                        let tn = vm.type_name(e);
                        return Err(vm.type_error(format!(
                            "bytes() argument 'encoding' must be str, not {tn}"
                        )));
                    }
                },
                None => return Err(vm.type_error("string argument without an encoding".into())),
            };
            let errors = match errors {
                Some(e) => Some(vm.str_string(e)?),
                None => None,
            };
            crate::builtins::str::codecs::encode_with(vm, &s, source, &encoding, errors.as_deref())
        }
        (None, Some(_), _) => Err(vm.type_error("encoding without a string argument".into())),
        (None, None, Some(_)) => Err(vm.type_error("errors without a string argument".into())),
    }
}

fn data(v: &Value) -> &[u8] {
    v.as_object()
        .and_then(|o| o.downcast::<Bytes>())
        .map_or(&[], |b| &b.data)
}

/// `seq[index]` for byte strings: an int, or a slice made by `make`.
pub fn bytes_getitem(
    vm: &mut Vm,
    d: &[u8],
    index: &Value,
    make: fn(&mut Vm, Vec<u8>) -> PyResult<Value>,
) -> PyResult<Value> {
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<Slice>())
        .cloned()
    {
        let (start, stop, step) = s.indices(vm, d.len())?;
        let picked = if step == 1 {
            d[start as usize..stop.max(start) as usize].to_vec()
        } else {
            slice_positions(start, stop, step).map(|i| d[i]).collect()
        };
        return make(vm, picked);
    }
    if let Some(i) = vm.index_value(index)? {
        return match crate::builtins::list::normalize_index(i, d.len()) {
            Some(j) => Ok(Value::from_i64(i64::from(d[j]))),
            None => Err(vm.index_error("index out of range")),
        };
    }
    let tn = vm.type_name(index);
    Err(vm.type_error(format!("byte indices must be integers or slices, not {tn}")))
}

/// `needle in haystack` for byte strings.
pub fn bytes_contains(vm: &mut Vm, haystack: &[u8], needle: &Value) -> PyResult<bool> {
    if crate::builtins::int::is_int(needle) {
        let b = byte_value(vm, needle)?;
        return Ok(haystack.contains(&b));
    }
    let sub = bytes_arg(vm, needle)?;
    Ok(crate::builtins::str::search::find_bytes(haystack, &sub).is_some())
}

/// `+`, `*` and `%` of `bytes` (`make` builds the result type).
pub fn bytes_number(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: BinOp,
    own: fn(&Value) -> Option<Vec<u8>>,
    make: fn(&mut Vm, Vec<u8>) -> PyResult<Value>,
) -> PyResult<Value> {
    match op {
        BinOp::Add => {
            let Some(mut x) = own(a) else {
                return Ok(vm.not_implemented());
            };
            let Some(y) = bytes_like(b) else {
                if vm.type_of(b).has_flag(crate::types::flags::HEAPTYPE) {
                    return Ok(vm.not_implemented());
                }
                let (ta, tb) = (vm.type_name(a), vm.type_name(b));
                return Err(vm.type_error(format!("can't concat {tb} to {ta}")));
            };
            x.try_reserve(y.len()).map_err(|_| vm.memory_error())?;
            x.extend_from_slice(&y);
            make(vm, x)
        }
        BinOp::Mul => {
            let (unit, n) = match (own(a), own(b)) {
                (Some(x), _) => (x, b),
                (None, Some(x)) => (x, a),
                _ => return Ok(vm.not_implemented()),
            };
            let Some(count) = crate::builtins::str::repeat_count(vm, n)? else {
                return crate::builtins::str::cannot_multiply(vm, n);
            };
            let out = crate::builtins::str::repeat_bytes(vm, &unit, count)?;
            make(vm, out)
        }
        BinOp::Mod => match own(a) {
            Some(template) => {
                let out = crate::builtins::str::percent::format_bytes(vm, &template, b)?;
                make(vm, out)
            }
            None => Ok(vm.not_implemented()),
        },
        _ => Ok(vm.not_implemented()),
    }
}

fn own_bytes(v: &Value) -> Option<Vec<u8>> {
    v.as_object()
        .and_then(|o| o.downcast::<Bytes>())
        .map(|b| b.data.to_vec())
}

/// Installs `bytes`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(|vm, v| {
        let s = krait_syntax::pyrepr::bytes_repr(data(v));
        vm.new_str(&s)
    }));
    t.slots.len.set(Some(|_vm, v| Ok(data(v).len())));
    t.slots.hash.set(Some(|_vm, v| {
        Ok(crate::hash::hash_bytes(
            crate::runtime::hash_secret(),
            data(v),
        ))
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        match (
            a.as_object().and_then(|o| o.downcast::<Bytes>()),
            b.as_object().and_then(|o| o.downcast::<Bytes>()),
        ) {
            (Some(x), Some(y)) => Ok(Value::from_bool(op.test(x.data.cmp(&y.data)))),
            _ => Ok(vm.not_implemented()),
        }
    }));
    t.slots.getitem.set(Some(|vm, v, index| {
        let d = v.as_object().and_then(|o| o.downcast::<Bytes>()).cloned();
        let d = match &d {
            Some(b) => &b.data[..],
            None => &[],
        };
        bytes_getitem(vm, d, index, |vm, data| vm.new_bytes(data))
    }));
    t.slots.contains.set(Some(|vm, v, item| {
        let d = data(v).to_vec();
        bytes_contains(vm, &d, item)
    }));
    t.slots.iter.set(Some(|vm, v| {
        let items = data(v)
            .iter()
            .map(|&b| Value::from_i64(i64::from(b)))
            .collect();
        crate::builtins::iterators::new_seq_iter(vm, items, "bytes_iterator")
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        bytes_number(vm, a, b, op, own_bytes, |vm, d| vm.new_bytes(d))
    }));
    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let args = crate::static_signature!("(source=None, encoding=None, errors=None)")
            .bind(vm, "bytes", args, kwnames)?;
        if let Some(src) = args.get(0)
            && args.get(1).is_none()
            && args.get(2).is_none()
            && src
                .as_object()
                .is_some_and(|o| o.class().same(&vm.types.bytes))
        {
            return Ok(src.clone());
        }
        let data = constructor_bytes(vm, &args, true)?;
        vm.new_bytes(data)
    }));
}

/// `bytes`'s methods: the shared byte-string methods plus its own.
pub const METHODS: &[MethodDef] = &[
    method("__bytes__", "(self, /)", |vm, args| {
        let this = args.this().clone();
        if this
            .as_object()
            .is_some_and(|o| o.class().same(&vm.types.bytes))
        {
            return Ok(this);
        }
        vm.new_bytes(data(&this).to_vec())
    }),
    method("__getnewargs__", "(self, /)", |vm, args| {
        let copy = vm.new_bytes(data(args.this()).to_vec())?;
        vm.new_tuple(vec![copy])
    }),
    classmethod("fromhex", "(cls, string, /)", |vm, args| {
        let data = crate::builtins::byte_methods::from_hex(vm, args.required(1))?;
        vm.new_bytes(data)
    }),
    staticmethod(
        "maketrans",
        "(frm, to, /)",
        crate::builtins::byte_methods::maketrans,
    ),
];
