//! `memoryview` over `bytes` and `bytearray` (one-dimensional, format
//! `'B'`): indexing, slicing without copying (a view is its exporter plus
//! start, length and step), item and slice assignment into a writable
//! `bytearray`, `tobytes`/`tolist`/`hex`, `release` and `with`, and the
//! attributes `obj`, `nbytes`, `readonly`, `format`, `itemsize`, `ndim`,
//! `shape`, `strides`. A live view counts as an export of its `bytearray`,
//! which then cannot change size.

use std::cell::Cell;

use crate::builtins::bytearray::ByteArray;
use crate::builtins::bytes::{Bytes, bytes_like};
use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::slice::{Slice, slice_len};
use crate::builtins::str::Str;
use crate::error::{PyErr, PyResult};
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// The payload of a `memoryview`.
pub struct MemoryView {
    /// The exporting `bytes` or `bytearray`; `None` once released.
    source: PyCell<Option<Value>>,
    /// Index of the first byte in the exporter.
    start: usize,
    /// Number of bytes viewed.
    len: usize,
    /// Distance between viewed bytes.
    step: isize,
    readonly: bool,
    released: Cell<bool>,
    /// The `struct` format of an item: `B`, or a native integer format
    /// after `cast` (`b h H i I l L q Q`).
    format: Cell<u8>,
}

/// The size in bytes of an item of a native integer `format`.
fn item_size(format: u8) -> Option<usize> {
    match format {
        b'B' | b'b' => Some(1),
        b'H' | b'h' => Some(2),
        b'I' | b'i' => Some(4),
        b'L' | b'l' | b'Q' | b'q' => Some(8),
        _ => None,
    }
}

/// One item of `format` from its native-order bytes.
fn decode_item(vm: &mut Vm, format: u8, bytes: &[u8]) -> PyResult<Value> {
    let mut raw = [0u8; 8];
    let n = bytes.len().min(8);
    raw[..n].copy_from_slice(&bytes[..n]);
    let unsigned = u64::from_ne_bytes(raw);
    if format.is_ascii_lowercase() {
        let shift = 64 - 8 * n as u32;
        return Ok(Value::from_i64(((unsigned << shift) as i64) >> shift));
    }
    match i64::try_from(unsigned) {
        Ok(v) => Ok(Value::from_i64(v)),
        Err(_) => vm.new_int(num_bigint::BigInt::from(unsigned)),
    }
}

/// The items of a view's bytes.
fn decode_items(vm: &mut Vm, format: u8, data: &[u8]) -> PyResult<Vec<Value>> {
    let size = item_size(format).unwrap_or(1);
    data.chunks_exact(size)
        .map(|c| decode_item(vm, format, c))
        .collect()
}

impl MemoryView {
    fn source(&self) -> Option<Value> {
        self.source.get()
    }

    /// The exporter's bytes (a copy), or `None` if released.
    fn exporter_bytes(&self) -> Option<Vec<u8>> {
        let source = self.source()?;
        let o = source.as_object()?;
        if let Some(b) = o.downcast::<Bytes>() {
            return Some(b.data.to_vec());
        }
        o.downcast::<ByteArray>().map(|b| b.data.get())
    }

    /// Position `i` of the view in the exporter.
    fn position(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// The viewed bytes, or `None` if released.
    pub fn contents(&self) -> Option<Vec<u8>> {
        let all = self.exporter_bytes()?;
        Some(
            (0..self.len)
                .filter_map(|i| all.get(self.position(i)).copied())
                .collect(),
        )
    }

    /// `ValueError("operation forbidden on released memoryview object")`.
    pub fn released_error(&self, vm: &mut Vm) -> PyErr {
        vm.value_error("operation forbidden on released memoryview object")
    }

    fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        let source = self.source.with(Option::take);
        if let Some(b) = source
            .as_ref()
            .and_then(|s| s.as_object())
            .and_then(|o| o.downcast::<ByteArray>())
        {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
        drop(source);
    }
}

impl Drop for MemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

fn new_view(
    vm: &mut Vm,
    source: Value,
    start: usize,
    len: usize,
    step: isize,
    readonly: bool,
) -> PyResult<Value> {
    if let Some(b) = source.as_object().and_then(|o| o.downcast::<ByteArray>()) {
        b.exports.set(b.exports.get() + 1);
    }
    let view = MemoryView {
        source: PyCell::new(Some(source)),
        start,
        len,
        step,
        readonly,
        released: Cell::new(false),
        format: Cell::new(b'B'),
    };
    let m = vm.alloc(&vm.types.memoryview.clone(), view)?;
    Ok(Value::from_object(m.into_obj()))
}

/// `memoryview(object)`.
pub fn new_memoryview(vm: &mut Vm, object: &Value) -> PyResult<Value> {
    let Some(o) = object.as_object() else {
        let tn = vm.type_name(object);
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{tn}'"
        )));
    };
    if let Some(b) = o.downcast::<Bytes>() {
        let len = b.data.len();
        return new_view(vm, object.clone(), 0, len, 1, true);
    }
    if let Some(b) = o.downcast::<ByteArray>() {
        let len = b.data.with(|d| d.len());
        return new_view(vm, object.clone(), 0, len, 1, false);
    }
    if let Some(m) = o.downcast::<MemoryView>().cloned() {
        let Some(source) = m.source() else {
            return Err(m.released_error(vm));
        };
        return new_view(vm, source, m.start, m.len, m.step, m.readonly);
    }
    let tn = vm.type_name(object);
    Err(vm.type_error(format!(
        "memoryview: a bytes-like object is required, not '{tn}'"
    )))
}

/// The live view behind `v`, or the released error.
fn live(vm: &mut Vm, v: &Value) -> PyResult<Ref<MemoryView>> {
    let Some(m) = v
        .as_object()
        .and_then(|o| o.downcast::<MemoryView>())
        .cloned()
    else {
        return Err(vm.type_error("descriptor requires a 'memoryview' object".into()));
    };
    if m.released.get() {
        return Err(m.released_error(vm));
    }
    Ok(m)
}

fn contents(vm: &mut Vm, m: &MemoryView) -> PyResult<Vec<u8>> {
    match m.contents() {
        Some(d) => Ok(d),
        None => Err(m.released_error(vm)),
    }
}

fn getitem(vm: &mut Vm, v: &Value, index: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if m.format.get() != b'B'
        && index
            .as_object()
            .is_some_and(|o| o.downcast::<Slice>().is_some())
    {
        return Err(not_byte_format(vm));
    }
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<Slice>())
        .cloned()
    {
        let (start, stop, step) = s.indices(vm, m.len)?;
        let len = slice_len(start, stop, step);
        let first = if len == 0 {
            m.start
        } else {
            m.position(start as usize)
        };
        let source = m.source().unwrap_or(Value::NONE);
        return new_view(vm, source, first, len, m.step * step as isize, m.readonly);
    }
    let Some(i) = vm.index_value(index)? else {
        return Err(vm.type_error("memoryview: invalid slice key".into()));
    };
    let format = m.format.get();
    if format != b'B' {
        let size = item_size(format).unwrap_or(1);
        let Some(j) = crate::builtins::list::normalize_index(i, m.len / size) else {
            return Err(vm.index_error("index out of bounds on dimension 1"));
        };
        let data = contents(vm, &m)?;
        return match data.get(j * size..(j + 1) * size) {
            Some(item) => decode_item(vm, format, item),
            None => Err(vm.index_error("index out of bounds on dimension 1")),
        };
    }
    let Some(j) = crate::builtins::list::normalize_index(i, m.len) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let all = m.exporter_bytes().unwrap_or_default();
    match all.get(m.position(j)) {
        Some(&b) => Ok(Value::from_i64(i64::from(b))),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

/// What krait's views of a cast format do not support yet.
fn not_byte_format(vm: &mut Vm) -> PyErr {
    vm.new_error(
        crate::builtins::exceptions::ExcKind::NotImplementedError,
        "krait's memoryview supports slicing and assignment only for format 'B'",
    )
}

fn setitem(vm: &mut Vm, v: &Value, index: &Value, value: Option<Value>) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.format.get() != b'B' {
        return Err(not_byte_format(vm));
    }
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory".into()));
    }
    let Some(value) = value else {
        return Err(vm.type_error("cannot delete memory".into()));
    };
    let source = m.source().unwrap_or(Value::NONE);
    let Some(target) = source
        .as_object()
        .and_then(|o| o.downcast::<ByteArray>())
        .cloned()
    else {
        return Err(vm.type_error("cannot modify read-only memory".into()));
    };
    if let Some(s) = index
        .as_object()
        .and_then(|o| o.downcast::<Slice>())
        .cloned()
    {
        let (start, stop, step) = s.indices(vm, m.len)?;
        let positions: Vec<usize> = crate::builtins::slice::slice_positions(start, stop, step)
            .map(|i| m.position(i))
            .collect();
        let Some(new) = bytes_like(&value) else {
            let tn = vm.type_name(&value);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        if new.len() != positions.len() {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let new = new.into_owned();
        target.data.with(|d| {
            for (&p, b) in positions.iter().zip(new) {
                if let Some(slot) = d.get_mut(p) {
                    *slot = b;
                }
            }
        });
        return Ok(());
    }
    let Some(i) = vm.index_value(index)? else {
        return Err(vm.type_error("memoryview: invalid slice key".into()));
    };
    let Some(j) = crate::builtins::list::normalize_index(i, m.len) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    if !crate::builtins::int::is_int(&value) {
        return Err(vm.type_error("memoryview: invalid type for format 'B'".into()));
    }
    let byte = match value.as_i64() {
        Some(b @ 0..=255) => b as u8,
        _ => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
    };
    let p = m.position(j);
    target.data.with(|d| {
        if let Some(slot) = d.get_mut(p) {
            *slot = byte;
        }
    });
    Ok(())
}

fn getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let attribute = match name.as_bytes() {
        b"obj" | b"nbytes" | b"readonly" | b"itemsize" | b"format" | b"ndim" | b"shape"
        | b"strides" | b"suboffsets" | b"contiguous" | b"c_contiguous" | b"f_contiguous" => {
            Some(name.as_lossy().into_owned())
        }
        _ => None,
    };
    let Some(attribute) = attribute else {
        return crate::builtins::object::generic_getattr(vm, obj, name);
    };
    let m = live(vm, obj)?;
    let contiguous = m.step == 1 || m.len <= 1;
    Ok(match attribute.as_str() {
        "obj" => m.source().unwrap_or(Value::NONE),
        "nbytes" => Value::from_i64(m.len as i64),
        "readonly" => Value::from_bool(m.readonly),
        "itemsize" => Value::from_i64(item_size(m.format.get()).unwrap_or(1) as i64),
        "format" => vm.new_str(&char::from(m.format.get()).to_string())?,
        "ndim" => Value::from_i64(1),
        "shape" => {
            let size = item_size(m.format.get()).unwrap_or(1);
            vm.new_tuple(vec![Value::from_i64((m.len / size) as i64)])?
        }
        "strides" => {
            let size = item_size(m.format.get()).unwrap_or(1) as isize;
            vm.new_tuple(vec![Value::from_i64((m.step * size) as i64)])?
        }
        "suboffsets" => vm.new_tuple(Vec::new())?,
        _ => Value::from_bool(contiguous),
    })
}

/// Installs `memoryview`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.getattro.set(Some(getattr));
    t.slots.repr.set(Some(|vm, v| {
        let (released, address) = match v.as_object() {
            Some(o) => (
                o.downcast::<MemoryView>().is_some_and(|m| m.released.get()),
                o.address(),
            ),
            None => (false, 0),
        };
        let prefix = if released {
            "released memory"
        } else {
            "memory"
        };
        vm.new_str(&format!("<{prefix} at {address:#x}>"))
    }));
    t.slots.len.set(Some(|vm, v| {
        let m = live(vm, v)?;
        Ok(m.len / item_size(m.format.get()).unwrap_or(1))
    }));
    t.slots.getitem.set(Some(getitem));
    t.slots.setitem.set(Some(setitem));
    t.slots.iter.set(Some(|vm, v| {
        let m = live(vm, v)?;
        let data = contents(vm, &m)?;
        let items = decode_items(vm, m.format.get(), &data)?;
        crate::builtins::iterators::new_seq_iter(vm, items, "memory_iterator")
    }));
    t.slots.hash.set(Some(|vm, v| {
        let m = live(vm, v)?;
        if !m.readonly {
            return Err(vm.value_error("cannot hash writable memoryview object"));
        }
        let data = contents(vm, &m)?;
        Ok(crate::hash::hash_bytes(
            crate::runtime::hash_secret(),
            &data,
        ))
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        use crate::types::slots::CompareOp;
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(vm.not_implemented());
        }
        if let (Some(x), Some(y)) = (a.as_object(), b.as_object())
            && x.is(y)
        {
            return Ok(Value::from_bool(op == CompareOp::Eq));
        }
        let released = |v: &Value| {
            v.as_object()
                .and_then(|o| o.downcast::<MemoryView>())
                .is_some_and(|m| m.released.get())
        };
        if released(a) || released(b) {
            return Ok(Value::from_bool(op == CompareOp::Ne));
        }
        let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
            return Ok(vm.not_implemented());
        };
        // Views compare item by item: a cast view's items are its format's
        // integers, anything else's are bytes.
        let format_of = |v: &Value| {
            v.as_object()
                .and_then(|o| o.downcast::<MemoryView>())
                .map_or(b'B', |m| m.format.get())
        };
        let (fa, fb) = (format_of(a), format_of(b));
        let equal = if fa == b'B' && fb == b'B' {
            x == y
        } else {
            let xs = decode_items(vm, fa, &x)?;
            let ys = decode_items(vm, fb, &y)?;
            let mut same = xs.len() == ys.len();
            for (p, q) in xs.iter().zip(&ys) {
                if !same {
                    break;
                }
                same = vm.eq(p, q)?;
            }
            same
        };
        Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
    }));
    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let args = Args::parse(vm, "memoryview", &["object"], 1, args, kwnames)?;
        new_memoryview(vm, args.required(0))
    }));
}

/// `memoryview`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("tobytes", "(self, /, order='C')", |vm, args| {
        let m = live(vm, args.this())?;
        let data = contents(vm, &m)?;
        vm.new_bytes(data)
    }),
    method("tolist", "(self, /)", |vm, args| {
        let m = live(vm, args.this())?;
        let data = contents(vm, &m)?;
        let items = decode_items(vm, m.format.get(), &data)?;
        vm.new_list(items)
    }),
    method("hex", "(self, /, sep=None, bytes_per_sep=1)", |vm, args| {
        let m = live(vm, args.this())?;
        let data = contents(vm, &m)?;
        crate::builtins::byte_methods::hex(vm, &data, args.get(1), args.get(2))
    }),
    method("toreadonly", "(self, /)", |vm, args| {
        let m = live(vm, args.this())?;
        let source = m.source().unwrap_or(Value::NONE);
        new_view(vm, source, m.start, m.len, m.step, true)
    }),
    method("cast", "(self, format, /, shape=None)", |vm, args| {
        let m = live(vm, args.this())?;
        let format = vm.str_string(args.required(1))?;
        let code = match format.as_bytes() {
            [c] => item_size(*c).map(|_| *c),
            _ => None,
        };
        let contiguous = m.step == 1 || m.len <= 1;
        let (Some(code), None, true, b'B') = (code, args.get(2), contiguous, m.format.get()) else {
            return Err(vm.new_error(
                crate::builtins::exceptions::ExcKind::NotImplementedError,
                "krait's memoryview.cast supports only a contiguous byte view cast to one of \
                 the formats B b H h I i L l Q q, without a shape",
            ));
        };
        if m.len % item_size(code).unwrap_or(1) != 0 {
            return Err(vm.type_error("memoryview: length is not a multiple of itemsize".into()));
        }
        let source = m.source().unwrap_or(Value::NONE);
        let view = new_view(vm, source, m.start, m.len, m.step, m.readonly)?;
        if let Some(v) = view.as_object().and_then(|o| o.downcast::<MemoryView>()) {
            v.format.set(code);
        }
        Ok(view)
    }),
    method("release", "(self, /)", |vm, args| {
        if let Some(m) = args
            .this()
            .as_object()
            .and_then(|o| o.downcast::<MemoryView>())
        {
            m.release();
            return Ok(Value::NONE);
        }
        Err(vm.type_error("descriptor requires a 'memoryview' object".into()))
    }),
    method("__enter__", "(self, /)", |vm, args| {
        live(vm, args.this())?;
        Ok(args.this().clone())
    }),
    method("__exit__", "(self, /, *args)", |vm, args| {
        if let Some(m) = args
            .this()
            .as_object()
            .and_then(|o| o.downcast::<MemoryView>())
        {
            m.release();
            return Ok(Value::NONE);
        }
        Err(vm.type_error("descriptor requires a 'memoryview' object".into()))
    }),
];
