//! `_struct.Struct`, a compiled format (`format`, `size`, `pack`,
//! `pack_into`, `unpack`, `unpack_from`, `iter_unpack`), and
//! `_struct.unpack_iterator`, what `iter_unpack` returns. As in CPython
//! 3.14, `__new__` makes an uninitialised object and `__init__` compiles
//! the format (again, if called again); the module functions share the
//! operations below.

use std::cell::Cell;
use std::rc::Rc;

use krait_vm::builtins::bytes::Bytes;
use krait_vm::builtins::descriptors::{GetSetDef, getter};
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

use super::codec::{pack_values, unpack_values};
use super::format::{Format, parse};
use super::{ITERATOR_KEY, WritableBuffer, read_buffer, struct_error};

/// A compiled format and its text.
#[derive(Clone)]
struct Compiled {
    format: Rc<Format>,
    /// `Struct.format`: the format as a `str`.
    text: Value,
}

/// The payload of `Struct`: `None` until `__init__` compiles a format.
pub struct Struct {
    compiled: PyCell<Option<Compiled>>,
}

impl Payload for Struct {}

/// The payload of `unpack_iterator`: the buffer's bytes (a copy) and the
/// position of the next item.
pub struct UnpackIterator {
    format: Rc<Format>,
    data: Vec<u8>,
    position: Cell<usize>,
}

impl Payload for UnpackIterator {
    fn traverse(&self, _visit: &mut Visitor<'_>) {}
}

/// Creates the `Struct` and `unpack_iterator` classes.
pub fn new_types(vm: &mut Vm) -> PyResult<(TypeRef, TypeRef)> {
    let class = vm.new_builtin_type::<Struct>(
        "_struct",
        "Struct",
        None,
        flags::BASETYPE | flags::NEW_ALLOCATES_CLASS | flags::WEAKREFABLE,
        STRUCT_METHODS,
    )?;
    class.slots.new.set(Some(|vm, cls, _args, _kw| {
        let s = vm.alloc(
            cls,
            Struct {
                compiled: PyCell::new(None),
            },
        )?;
        Ok(Value::from_object(s.into_obj()))
    }));
    class.slots.init.set(Some(init));
    class.slots.repr.set(Some(repr));
    vm.add_getsets(&class, STRUCT_GETSETS)?;
    let doc = vm.new_str("Struct(format)\n--\n\nCreate a compiled struct object.")?;
    let key = vm.intern("__doc__")?;
    class.dict.with(|d| d.insert_str(key, doc));
    class.bump_version();
    let iterator = vm.new_builtin_type::<UnpackIterator>(
        "_struct",
        "unpack_iterator",
        None,
        0,
        ITERATOR_METHODS,
    )?;
    iterator.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.type_error("cannot create '_struct.unpack_iterator' instances".into()))
    }));
    iterator.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    iterator.slots.next.set(Some(next));
    iterator.bump_version();
    let types = [class.clone(), iterator.clone()];
    krait_vm::builtins::slot_wrappers::install(vm, &types)?;
    krait_vm::builtins::type_::install_new_wrappers(vm, &types[..1])?;
    Ok((class, iterator))
}

/// `Struct.__init__(self, format)`.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: Option<&Ref<Tuple>>) -> PyResult<()> {
    let positional = args
        .len()
        .saturating_sub(kwnames.map_or(0, |k| k.items().len()));
    if positional > 1 {
        let given = args.len();
        return Err(vm.type_error(format!("Struct() takes at most 1 argument ({given} given)")));
    }
    let bound: Args = krait_vm::static_signature!("(format)").bind(vm, "Struct", args, kwnames)?;
    let compiled = compile(vm, bound.required(0))?;
    let s = struct_of(vm, this)?;
    s.compiled.with(|c| *c = Some(compiled));
    Ok(())
}

/// Compiles a `str` or `bytes` format.
fn compile(vm: &mut Vm, format: &Value) -> PyResult<Compiled> {
    let bytes: Vec<u8> = if let Some(s) = vm.as_str(format) {
        if !s.is_ascii() {
            // CPython encodes the format as ASCII: the codec's error.
            let encode = vm.get_attr_str(format, "encode")?;
            let ascii = vm.new_str("ascii")?;
            vm.call(&encode, &[ascii], None)?;
        }
        s.as_bytes().to_vec()
    } else if let Some(b) = format.as_object().and_then(|o| o.downcast::<Bytes>()) {
        b.data.to_vec()
    } else {
        let tn = vm.type_name(format);
        return Err(vm.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {tn}"
        )));
    };
    let parsed = parse(&bytes).map_err(|e| struct_error(vm, e.message()))?;
    // A format that compiles is ASCII.
    let text = vm.new_str(&String::from_utf8_lossy(&bytes))?;
    Ok(Compiled {
        format: Rc::new(parsed),
        text,
    })
}

fn struct_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Struct>> {
    match v.as_object().and_then(|o| o.downcast::<Struct>()) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor requires a '_struct.Struct' object".into())),
    }
}

/// The compiled form of a `Struct`, or `RuntimeError` if `__init__` has
/// not run.
fn compiled_of(vm: &mut Vm, v: &Value) -> PyResult<Compiled> {
    let s = struct_of(vm, v)?;
    match s.compiled.with(|c| c.clone()) {
        Some(compiled) => Ok(compiled),
        None => Err(vm.runtime_error("Struct object is not initialized")),
    }
}

/// The compiled format of a `Struct`.
pub fn compiled_format(vm: &mut Vm, v: &Value) -> PyResult<Rc<Format>> {
    Ok(compiled_of(vm, v)?.format)
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let compiled = compiled_of(vm, v)?;
    let name = vm.type_of(v).name.to_string();
    let text = vm.repr_string(&compiled.text)?;
    vm.new_str(&format!("{name}({text})"))
}

/// `pack(*values)`: a new `bytes`.
pub fn pack(vm: &mut Vm, this: &Value, values: &[Value]) -> PyResult<Value> {
    let format = compiled_format(vm, this)?;
    if values.len() != format.len {
        let message = format!(
            "pack expected {} items for packing (got {})",
            format.len,
            values.len()
        );
        return Err(struct_error(vm, &message));
    }
    let mut out = zeroed(vm, format.size)?;
    pack_values(vm, &format, values, &mut out)?;
    vm.new_bytes(out)
}

/// `size` zero bytes, or `MemoryError`.
fn zeroed(vm: &mut Vm, size: usize) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    if out.try_reserve_exact(size).is_err() {
        return Err(vm.memory_error());
    }
    out.resize(size, 0);
    Ok(out)
}

/// `pack_into(buffer, offset, *values)`.
pub fn pack_into(vm: &mut Vm, this: &Value, args: &[Value]) -> PyResult<Value> {
    let format = compiled_format(vm, this)?;
    let (buffer, offset, values) = match args {
        [buffer, offset, values @ ..] if values.len() == format.len => (buffer, offset, values),
        [] => return Err(struct_error(vm, "pack_into expected buffer argument")),
        [_] => return Err(struct_error(vm, "pack_into expected offset argument")),
        [_, _, values @ ..] => {
            let message = format!(
                "pack_into expected {} items for packing (got {})",
                format.len,
                values.len()
            );
            return Err(struct_error(vm, &message));
        }
    };
    let (target, len) = WritableBuffer::of(vm, buffer)?;
    let Some(offset) = vm.index_value(offset)? else {
        let tn = vm.type_name(offset);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let size = format.size;
    let start = resolve_offset(vm, offset, size, len, "no space to pack")?;
    if len < start || len - start < size {
        let message = format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {start} (actual buffer size is {len})",
            size as u128 + start as u128
        );
        return Err(struct_error(vm, &message));
    }
    let mut out = zeroed(vm, size)?;
    let packed = pack_values(vm, &format, values, &mut out);
    // CPython packs in place: the items before a failure are written.
    target.write(vm, start, out)?;
    packed.map(|()| Value::NONE)
}

/// A negative `offset` counts from the end of a `len`-byte buffer; the
/// errors name `what` cannot be done (`no space to pack`, `not enough data
/// to unpack`). A non-negative offset is returned as is.
fn resolve_offset(
    vm: &mut Vm,
    offset: i64,
    size: usize,
    len: usize,
    what: &str,
) -> PyResult<usize> {
    if let Ok(start) = usize::try_from(offset) {
        return Ok(start);
    }
    let back = offset.unsigned_abs();
    if back < size as u64 {
        let message = format!("{what} {size} bytes at offset {offset}");
        return Err(struct_error(vm, &message));
    }
    if back > len as u64 {
        let message = format!("offset {offset} out of range for {len}-byte buffer");
        return Err(struct_error(vm, &message));
    }
    Ok(len - back as usize)
}

/// `unpack(buffer)`: a tuple.
pub fn unpack(vm: &mut Vm, this: &Value, buffer: &Value) -> PyResult<Value> {
    let format = compiled_format(vm, this)?;
    let data = read_buffer(vm, buffer)?;
    if data.len() != format.size {
        let message = format!("unpack requires a buffer of {} bytes", format.size);
        return Err(struct_error(vm, &message));
    }
    let values = unpack_values(vm, &format, &data)?;
    vm.new_tuple(values)
}

/// `unpack_from(buffer, offset=0)`: a tuple.
pub fn unpack_from(
    vm: &mut Vm,
    this: &Value,
    buffer: &Value,
    offset: Option<&Value>,
) -> PyResult<Value> {
    let format = compiled_format(vm, this)?;
    let offset = match offset {
        Some(v) => vm.index_i64(v)?,
        None => 0,
    };
    let data = read_buffer(vm, buffer)?;
    let (size, len) = (format.size, data.len());
    let start = resolve_offset(vm, offset, size, len, "not enough data to unpack")?;
    if len < start || len - start < size {
        let message = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {start} (actual buffer size is {len})",
            size as u128 + start as u128
        );
        return Err(struct_error(vm, &message));
    }
    let values = unpack_values(vm, &format, data.get(start..).unwrap_or_default())?;
    vm.new_tuple(values)
}

/// `iter_unpack(buffer)`: an iterator of tuples.
pub fn iter_unpack(vm: &mut Vm, this: &Value, buffer: &Value) -> PyResult<Value> {
    let format = compiled_format(vm, this)?;
    if format.size == 0 {
        return Err(struct_error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = read_buffer(vm, buffer)?;
    if data.len() % format.size != 0 {
        let message = format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            format.size
        );
        return Err(struct_error(vm, &message));
    }
    let iterator_class = iterator_type(vm)?;
    let it = vm.alloc(
        &iterator_class,
        UnpackIterator {
            format,
            data,
            position: Cell::new(0),
        },
    )?;
    Ok(Value::from_object(it.into_obj()))
}

/// The `unpack_iterator` class (kept in the module state).
fn iterator_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let class = vm.module_state.get(ITERATOR_KEY).cloned();
    match class
        .as_ref()
        .and_then(|c| c.as_object()?.downcast::<krait_vm::types::TypeObject>())
    {
        Some(t) => Ok(t.clone()),
        None => Err(vm.runtime_error("_struct.unpack_iterator is missing")),
    }
}

fn iterator_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<UnpackIterator>> {
    match v.as_object().and_then(|o| o.downcast::<UnpackIterator>()) {
        Some(it) => Ok(it.clone()),
        None => Err(vm.type_error("expected a _struct.unpack_iterator".into())),
    }
}

fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = iterator_of(vm, v)?;
    let start = it.position.get();
    let size = it.format.size;
    let Some(item) = it.data.get(start..start + size) else {
        return Ok(None);
    };
    let values = unpack_values(vm, &it.format, item)?;
    it.position.set(start + size);
    vm.new_tuple(values).map(Some)
}

const STRUCT_METHODS: &[MethodDef] = &[
    method("pack", "(self, /, *args)", |vm, args| {
        pack(vm, args.this(), args.varargs())
    }),
    method("pack_into", "(self, /, *args)", |vm, args| {
        pack_into(vm, args.this(), args.varargs())
    }),
    method("unpack", "(self, buffer, /)", |vm, args| {
        unpack(vm, args.this(), args.required(1))
    }),
    method("unpack_from", "(self, /, buffer, offset=0)", |vm, args| {
        unpack_from(vm, args.this(), args.required(1), args.get(2))
    }),
    method("iter_unpack", "(self, buffer, /)", |vm, args| {
        iter_unpack(vm, args.this(), args.required(1))
    }),
    method("__sizeof__", "(self, /)", |vm, args| {
        let format = compiled_format(vm, args.this())?;
        // An object header and the code table, as CPython counts them.
        let size = 72 + 24 * (format.runs.len() + 1);
        Ok(Value::from_i64(i64::try_from(size).unwrap_or(i64::MAX)))
    }),
];

const STRUCT_GETSETS: &[GetSetDef] = &[
    getter("format", |vm, v| Ok(compiled_of(vm, v)?.text)),
    getter("size", |vm, v| {
        // An uninitialised struct's size is -1 (CPython's `s_size`).
        let s = struct_of(vm, v)?;
        let size = s.compiled.with(|c| c.as_ref().map(|c| c.format.size));
        Ok(Value::from_i64(
            size.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX)),
        ))
    }),
];

const ITERATOR_METHODS: &[MethodDef] = &[method("__length_hint__", "(self, /)", |vm, args| {
    let it = iterator_of(vm, args.this())?;
    let left = it.data.len().saturating_sub(it.position.get()) / it.format.size.max(1);
    Ok(Value::from_i64(i64::try_from(left).unwrap_or(i64::MAX)))
})];
