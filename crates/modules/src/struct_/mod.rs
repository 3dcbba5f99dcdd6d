//! `_struct` (CPython's `Modules/_struct.c`), under the pure-Python
//! `struct`: conversion between Python values and C structs packed in
//! bytes. `format.rs` compiles format strings, `codec.rs` packs and unpacks
//! values, `half.rs` is IEEE half precision, `struct_type.rs` the `Struct`
//! class and its `unpack_iterator`. This file is the module: its functions
//! (each compiles its format through a cache of `Struct` objects, as
//! CPython's do), the `struct.error` class and the buffer arguments.

mod codec;
mod format;
mod half;
mod struct_type;

use krait_vm::builtins::bytearray::ByteArray;
use krait_vm::builtins::bytes::{Bytes, bytes_arg};
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::memoryview::MemoryView;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::types::TypeObject;
use krait_vm::{PyErr, PyResult, Value, Vm};

pub use format::{ByteOrder, Format, FormatError};

/// The `module_state` key of the `struct.error` class.
const ERROR_KEY: &str = "_struct.error";
/// The `module_state` key of the `Struct` class.
const STRUCT_KEY: &str = "_struct.Struct";
/// The `module_state` key of the `unpack_iterator` class.
const ITERATOR_KEY: &str = "_struct.unpack_iterator";
/// The `module_state` key of the cache of compiled formats (a dict from
/// format to `Struct`).
const CACHE_KEY: &str = "_struct.cache";
/// How many formats the cache holds before it is emptied (CPython's
/// `MAXCACHE`).
const MAX_CACHE: usize = 100;

/// `_struct`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let error = error_class(vm)?;
    vm.module_state.insert(ERROR_KEY, error.clone());
    vm.module_set(module, "error", error)?;
    let (struct_class, iterator_class) = struct_type::new_types(vm)?;
    let struct_class = Value::from_object(struct_class.as_obj().clone());
    vm.module_state.insert(STRUCT_KEY, struct_class.clone());
    vm.module_set(module, "Struct", struct_class)?;
    let iterator_class = Value::from_object(iterator_class.as_obj().clone());
    vm.module_state.insert(ITERATOR_KEY, iterator_class);
    vm.module_add_functions(module, FUNCTIONS)?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `_struct.__doc__` (krait's own words).
const DOC: &str = "Functions to convert between Python values and C structs packed into bytes.";

/// `class error(Exception)` with `__module__` `struct`.
fn error_class(vm: &mut Vm) -> PyResult<Value> {
    let name = vm.new_str("error")?;
    let exception = Value::from_object(vm.exc_type(ExcKind::Exception).as_obj().clone());
    let bases = vm.new_tuple(vec![exception])?;
    let namespace = vm.new_dict_ref()?;
    let key = vm.new_str("__module__")?;
    let module = vm.new_str("struct")?;
    Dict::set_item(vm, &namespace, key, module)?;
    let metaclass = Value::from_object(vm.types.type_.as_obj().clone());
    vm.call(
        &metaclass,
        &[name, bases, Value::from_object(namespace.as_obj().clone())],
        None,
    )
}

/// `struct.error(message)`.
pub(crate) fn struct_error(vm: &mut Vm, message: &str) -> PyErr {
    let class = vm
        .module_state
        .get(ERROR_KEY)
        .and_then(|v| v.as_object()?.downcast::<TypeObject>().cloned());
    match (class, vm.new_str(message)) {
        (Some(class), Ok(text)) => vm.new_exception_of(&class, vec![text]),
        (_, Err(e)) => e,
        (None, Ok(_)) => vm.new_error(ExcKind::Exception, message),
    }
}

/// The contents of a buffer argument to unpack from (a `memoryview` must
/// be contiguous, as CPython's `PyBUF_SIMPLE` request).
pub(crate) fn read_buffer(vm: &mut Vm, buffer: &Value) -> PyResult<Vec<u8>> {
    if buffer
        .as_object()
        .and_then(|o| o.downcast::<MemoryView>())
        .is_some()
    {
        let contiguous = vm.get_attr_str(buffer, "c_contiguous");
        if let Ok(flag) = contiguous
            && !vm.is_true(&flag)?
        {
            return Err(vm.new_error(
                ExcKind::BufferError,
                "memoryview: underlying buffer is not C-contiguous",
            ));
        }
    }
    bytes_arg(vm, buffer)
}

/// A writable buffer for `pack_into`.
pub(crate) enum WritableBuffer {
    /// A `bytearray`, written directly.
    Array(Ref<ByteArray>),
    /// A writable contiguous `memoryview` of bytes, written by slice
    /// assignment.
    View(Value),
}

impl WritableBuffer {
    /// `buffer` as a writable buffer and its length, or CPython's
    /// `TypeError` for anything read-only.
    pub(crate) fn of(vm: &mut Vm, buffer: &Value) -> PyResult<(WritableBuffer, usize)> {
        let object = buffer.as_object();
        if let Some(array) = object.and_then(|o| o.downcast::<ByteArray>()) {
            let len = array.data.with(|d| d.len());
            return Ok((WritableBuffer::Array(array.clone()), len));
        }
        if object.and_then(|o| o.downcast::<MemoryView>()).is_some() {
            let readonly = vm.get_attr_str(buffer, "readonly")?;
            let contiguous = vm.get_attr_str(buffer, "c_contiguous")?;
            if !vm.is_true(&readonly)? && vm.is_true(&contiguous)? {
                let item_format = vm.get_attr_str(buffer, "format")?;
                if vm.as_str(&item_format).is_none_or(|s| s.as_bytes() != b"B") {
                    return Err(vm.new_error(
                        ExcKind::NotImplementedError,
                        "krait's struct.pack_into supports only memoryviews of format 'B'",
                    ));
                }
                let nbytes = vm.get_attr_str(buffer, "nbytes")?;
                let len = nbytes
                    .as_i64()
                    .and_then(|n| usize::try_from(n).ok())
                    .unwrap_or(0);
                return Ok((WritableBuffer::View(buffer.clone()), len));
            }
        }
        let tn = vm.type_name(buffer);
        Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {tn}"
        )))
    }

    /// Writes `data` at `offset` (which the caller checked fits).
    pub(crate) fn write(&self, vm: &mut Vm, offset: usize, data: Vec<u8>) -> PyResult<()> {
        match self {
            WritableBuffer::Array(array) => {
                array.data.with(|d| {
                    if let Some(target) = d.get_mut(offset..offset + data.len()) {
                        target.copy_from_slice(&data);
                    }
                });
                Ok(())
            }
            WritableBuffer::View(view) => {
                let end = offset + data.len();
                let (start, stop) = (
                    Value::from_i64(i64::try_from(offset).unwrap_or(i64::MAX)),
                    Value::from_i64(i64::try_from(end).unwrap_or(i64::MAX)),
                );
                let slice = vm.new_slice(start, stop, Value::NONE)?;
                let bytes = vm.new_bytes(data)?;
                vm.set_item(view, &slice, Some(bytes))
            }
        }
    }
}

/// The compiled format of `format` (a `str` or `bytes`), through the
/// module's cache of `Struct` objects. As CPython 3.14, a `bytes` format
/// is first decoded as ASCII with `surrogateescape` (so a non-ASCII byte
/// fails as a `str` format does, with `UnicodeEncodeError`).
fn cached_struct(vm: &mut Vm, format: &Value) -> PyResult<Value> {
    let decoded;
    let format = if format
        .as_object()
        .and_then(|o| o.downcast::<Bytes>())
        .is_some()
    {
        let decode = vm.get_attr_str(format, "decode")?;
        let (ascii, handler) = (vm.new_str("ascii")?, vm.new_str("surrogateescape")?);
        decoded = vm.call(&decode, &[ascii, handler], None)?;
        &decoded
    } else {
        format
    };
    let cache = match vm
        .module_state
        .get(CACHE_KEY)
        .and_then(|v| v.as_object()?.downcast::<Dict>().cloned())
    {
        Some(cache) => cache,
        None => new_cache(vm)?,
    };
    if let Some(found) = Dict::get_item(vm, &cache, format)? {
        return Ok(found);
    }
    let class = vm
        .module_state
        .get(STRUCT_KEY)
        .cloned()
        .unwrap_or(Value::NONE);
    let compiled = vm.call(&class, std::slice::from_ref(format), None)?;
    let cache = if cache.len() >= MAX_CACHE {
        new_cache(vm)?
    } else {
        cache
    };
    Dict::set_item(vm, &cache, format.clone(), compiled.clone())?;
    Ok(compiled)
}

/// Starts an empty cache.
fn new_cache(vm: &mut Vm) -> PyResult<Ref<Dict>> {
    let cache = vm.new_dict_ref()?;
    vm.module_state
        .insert(CACHE_KEY, Value::from_object(cache.as_obj().clone()));
    Ok(cache)
}

/// The format argument and the rest of a `*args` call, or CPython's
/// "missing format argument".
fn split_format<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<(Value, &'a [Value])> {
    match args.varargs().split_first() {
        Some((format, rest)) => Ok((cached_struct(vm, format)?, rest)),
        None => Err(vm.type_error("missing format argument".into())),
    }
}

const FUNCTIONS: &[MethodDef] = &[
    method("pack", "(*args)", |vm, args| {
        let (compiled, values) = split_format(vm, args)?;
        struct_type::pack(vm, &compiled, values)
    }),
    method("pack_into", "(*args)", |vm, args| {
        let (compiled, rest) = split_format(vm, args)?;
        struct_type::pack_into(vm, &compiled, rest)
    }),
    method("unpack", "(format, buffer, /)", |vm, args| {
        let compiled = cached_struct(vm, args.required(0))?;
        struct_type::unpack(vm, &compiled, args.required(1))
    }),
    method(
        "unpack_from",
        "(format, /, buffer, offset=0)",
        |vm, args| {
            let compiled = cached_struct(vm, args.required(0))?;
            struct_type::unpack_from(vm, &compiled, args.required(1), args.get(2))
        },
    ),
    method("iter_unpack", "(format, buffer, /)", |vm, args| {
        let compiled = cached_struct(vm, args.required(0))?;
        struct_type::iter_unpack(vm, &compiled, args.required(1))
    }),
    method("calcsize", "(format, /)", |vm, args| {
        let compiled = cached_struct(vm, args.required(0))?;
        let size = struct_type::compiled_format(vm, &compiled)?.size;
        Ok(Value::from_i64(i64::try_from(size).unwrap_or(i64::MAX)))
    }),
    method("_clearcache", "()", |vm, _args| {
        new_cache(vm)?;
        Ok(Value::NONE)
    }),
];
