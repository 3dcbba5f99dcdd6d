//! The abstract bases of `_io` (CPython's `Modules/_io/iobase.c` and the
//! base parts of `bufferedio.c`/`textio.c`): `_IOBase`, `_RawIOBase`,
//! `_BufferedIOBase` and `_TextIOBase`. Their methods work on any
//! subclass by calling the subclass's own methods (`readline` through
//! `read`, iteration through `readline`, `close` through `flush`); the
//! closed state lives in the instance dict as `__IOBase_closed`, as in
//! CPython, so Python subclasses (`io.py`'s ABCs) see the same attributes.

use krait_vm::builtins::bytearray::ByteArray;
use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::object::BareObject;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyErr, PyResult, Value, Vm};

use super::{call_method, unsupported};

/// The four base classes, made by [`new_types`].
pub struct BaseTypes {
    /// `_IOBase`.
    pub iobase: TypeRef,
    /// `_RawIOBase`.
    pub raw: TypeRef,
    /// `_BufferedIOBase`.
    pub buffered: TypeRef,
    /// `_TextIOBase`.
    pub text: TypeRef,
}

const BASE_FLAGS: u32 = flags::BASETYPE | flags::HAS_DICT | flags::EXTENDED | flags::WEAKREFABLE;

/// Creates `_IOBase` and its three abstract subclasses.
pub fn new_types(vm: &mut Vm) -> PyResult<BaseTypes> {
    let iobase =
        vm.new_builtin_type::<BareObject>("_io", "_IOBase", None, BASE_FLAGS, IOBASE_METHODS)?;
    iobase.slots.new.set(Some(|vm, cls, _args, _kw| {
        Ok(Value::from_object(vm.alloc(cls, BareObject)?.into_obj()))
    }));
    iobase.slots.iter.set(Some(|vm, v| {
        check_closed(vm, v)?;
        Ok(v.clone())
    }));
    iobase.slots.next.set(Some(|vm, v| {
        let line = call_method(vm, v, "readline", &[])?;
        Ok((vm.len(&line)? != 0).then_some(line))
    }));
    vm.add_getsets(&iobase, IOBASE_GETSETS)?;
    iobase.bump_version();
    let raw = vm.new_builtin_type::<BareObject>(
        "_io",
        "_RawIOBase",
        Some(&iobase),
        BASE_FLAGS,
        RAW_METHODS,
    )?;
    let buffered = vm.new_builtin_type::<BareObject>(
        "_io",
        "_BufferedIOBase",
        Some(&iobase),
        BASE_FLAGS,
        BUFFERED_METHODS,
    )?;
    let text = vm.new_builtin_type::<BareObject>(
        "_io",
        "_TextIOBase",
        Some(&iobase),
        BASE_FLAGS,
        TEXT_METHODS,
    )?;
    vm.add_getsets(&text, TEXT_GETSETS)?;
    text.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, std::slice::from_ref(&iobase))?;
    Ok(BaseTypes {
        iobase,
        raw,
        buffered,
        text,
    })
}

/// The instance-dict key of the closed flag.
const CLOSED_KEY: &str = "__IOBase_closed";

/// Whether `v.closed` is true (the attribute, so subclasses may override it).
pub fn is_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let closed = vm.get_attr_str(v, "closed")?;
    vm.is_true(&closed)
}

/// `ValueError("I/O operation on closed file.")`.
pub fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// Raises [`closed_error`] if `v` is closed.
pub fn check_closed(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if is_closed(vm, v)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

/// Whether the `__IOBase_closed` flag is set.
fn flag_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let key = vm.intern(CLOSED_KEY)?;
    match vm.get_attr_opt(v, &key)? {
        Some(flag) => vm.is_true(&flag),
        None => Ok(false),
    }
}

/// Calls `v.<query>()` and raises `UnsupportedOperation(message)` unless true.
fn check_capability(vm: &mut Vm, v: &Value, query: &str, message: &str) -> PyResult<Value> {
    let answer = call_method(vm, v, query, &[])?;
    if !vm.is_true(&answer)? {
        return Err(unsupported(vm, message));
    }
    Ok(answer)
}

/// An optional size argument: `None` and negative numbers mean "all".
pub fn size_limit(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v.filter(|v| !v.is_none()) {
        None => Ok(None),
        Some(v) => {
            if vm.index_value(v)?.is_none() {
                let tn = vm.type_name(v);
                return Err(
                    vm.type_error(format!("argument should be integer or None, not '{tn}'"))
                );
            }
            let n = vm.index_i64(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn io_close(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    if flag_closed(vm, &this)? {
        return Ok(Value::NONE);
    }
    let flushed = call_method(vm, &this, "flush", &[]);
    let key = vm.intern(CLOSED_KEY)?;
    vm.set_attr(&this, &key, Some(Value::from_bool(true)))?;
    flushed.map(|_| Value::NONE)
}

/// `readline(size=-1)` over `read(1)` (or `peek` when the object has it).
fn io_readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    let limit = size_limit(vm, args.get(1))?;
    let mut line: Vec<u8> = Vec::new();
    while limit.is_none_or(|n| line.len() < n) {
        let chunk = call_method(vm, &this, "read", &[Value::from_i64(1)])?;
        if chunk.is_none() {
            break;
        }
        let Some(bytes) = krait_vm::builtins::bytes::bytes_like(&chunk).map(|b| b.to_vec()) else {
            let tn = vm.type_name(&chunk);
            return Err(vm.new_error(
                krait_vm::builtins::exceptions::ExcKind::OSError,
                &format!("read() should have returned a bytes object, not '{tn}'"),
            ));
        };
        if bytes.is_empty() {
            break;
        }
        line.extend_from_slice(&bytes);
        if line.last() == Some(&b'\n') {
            break;
        }
    }
    vm.new_bytes(line)
}

fn io_readlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    let hint = size_limit(vm, args.get(1))?.filter(|&n| n > 0);
    let it = vm.iter(&this)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        total = total.saturating_add(vm.len(&line)?);
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    vm.new_list(lines)
}

fn io_writelines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    check_closed(vm, &this)?;
    let it = vm.iter(args.required(1))?;
    while let Some(line) = vm.next(&it)? {
        call_method(vm, &this, "write", &[line])?;
    }
    Ok(Value::NONE)
}

const IOBASE_METHODS: &[MethodDef] = &[
    method("seek", "(self, offset, whence=0, /)", |vm, _| {
        Err(unsupported(vm, "seek"))
    }),
    method("tell", "(self, /)", |vm, args| {
        call_method(
            vm,
            args.this(),
            "seek",
            &[Value::from_i64(0), Value::from_i64(1)],
        )
    }),
    method("truncate", "(self, size=None, /)", |vm, _| {
        Err(unsupported(vm, "truncate"))
    }),
    method("fileno", "(self, /)", |vm, _| {
        Err(unsupported(vm, "fileno"))
    }),
    method("flush", "(self, /)", |vm, args| {
        check_closed(vm, args.this())?;
        Ok(Value::NONE)
    }),
    method("close", "(self, /)", io_close),
    method("seekable", "(self, /)", |_, _| Ok(Value::from_bool(false))),
    method("readable", "(self, /)", |_, _| Ok(Value::from_bool(false))),
    method("writable", "(self, /)", |_, _| Ok(Value::from_bool(false))),
    method("_checkClosed", "(self, /)", |vm, args| {
        check_closed(vm, args.this())?;
        Ok(Value::NONE)
    }),
    method("_checkSeekable", "(self, /)", |vm, args| {
        check_capability(
            vm,
            args.this(),
            "seekable",
            "File or stream is not seekable.",
        )
    }),
    method("_checkReadable", "(self, /)", |vm, args| {
        check_capability(
            vm,
            args.this(),
            "readable",
            "File or stream is not readable.",
        )
    }),
    method("_checkWritable", "(self, /)", |vm, args| {
        check_capability(
            vm,
            args.this(),
            "writable",
            "File or stream is not writable.",
        )
    }),
    method("isatty", "(self, /)", |vm, args| {
        check_closed(vm, args.this())?;
        Ok(Value::from_bool(false))
    }),
    method("__enter__", "(self, /)", |vm, args| {
        check_closed(vm, args.this())?;
        Ok(args.this().clone())
    }),
    method("__exit__", "(self, *args)", |vm, args| {
        call_method(vm, args.this(), "close", &[])
    }),
    method("readline", "(self, size=-1, /)", io_readline),
    method("readlines", "(self, hint=-1, /)", io_readlines),
    method("writelines", "(self, lines, /)", io_writelines),
];

const IOBASE_GETSETS: &[GetSetDef] = &[readonly("closed", |vm, v| {
    Ok(Value::from_bool(flag_closed(vm, v)?))
})];

fn not_implemented(vm: &mut Vm) -> PyErr {
    vm.new_exception(
        krait_vm::builtins::exceptions::ExcKind::NotImplementedError,
        Vec::new(),
    )
}

/// `_RawIOBase.read(size=-1)`: `readall()`, or `readinto` a fresh buffer.
fn raw_read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    let Some(size) = size_limit(vm, args.get(1))? else {
        return call_method(vm, &this, "readall", &[]);
    };
    let buffer = vm.call(
        &Value::from_object(vm.types.bytearray.as_obj().clone()),
        &[Value::from_i64(size as i64)],
        None,
    )?;
    let n = call_method(vm, &this, "readinto", std::slice::from_ref(&buffer))?;
    if n.is_none() {
        return Ok(Value::NONE);
    }
    let n = usize::try_from(vm.index_i64(&n)?).unwrap_or(0);
    let data = buffer
        .as_object()
        .and_then(|o| o.downcast::<ByteArray>())
        .map(|b| {
            b.data
                .with(|d| d.get(..n.min(d.len())).unwrap_or(&[]).to_vec())
        })
        .unwrap_or_default();
    vm.new_bytes(data)
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until end of file.
fn raw_readall(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    let mut all = Vec::new();
    loop {
        let chunk = call_method(
            vm,
            &this,
            "read",
            &[Value::from_i64(super::DEFAULT_BUFFER_SIZE)],
        )?;
        if chunk.is_none() {
            if all.is_empty() {
                return Ok(Value::NONE);
            }
            break;
        }
        let Some(bytes) = krait_vm::builtins::bytes::bytes_like(&chunk).map(|b| b.to_vec()) else {
            return Err(vm.type_error("read() should return bytes".into()));
        };
        if bytes.is_empty() {
            break;
        }
        all.extend_from_slice(&bytes);
    }
    vm.new_bytes(all)
}

const RAW_METHODS: &[MethodDef] = &[
    method("read", "(self, size=-1, /)", raw_read),
    method("readall", "(self, /)", raw_readall),
    method("readinto", "(self, buffer, /)", |vm, _| {
        Err(not_implemented(vm))
    }),
    method("write", "(self, b, /)", |vm, _| Err(not_implemented(vm))),
];

/// `readinto(b)` through `read(len(b))` (or `read1` for `readinto1`).
fn buffered_readinto(vm: &mut Vm, args: &Args, reader: &str) -> PyResult<Value> {
    let this = args.this().clone();
    let target = args.required(1).clone();
    let length = vm.len(&target)?;
    let data = call_method(vm, &this, reader, &[Value::from_i64(length as i64)])?;
    let n = vm.len(&data)?;
    let slice = vm.call(
        &Value::from_object(vm.types.slice.as_obj().clone()),
        &[Value::from_i64(0), Value::from_i64(n as i64)],
        None,
    )?;
    call_method(vm, &target, "__setitem__", &[slice, data])?;
    Ok(Value::from_i64(n as i64))
}

const BUFFERED_METHODS: &[MethodDef] = &[
    method("detach", "(self, /)", |vm, _| {
        Err(unsupported(vm, "detach"))
    }),
    method("read", "(self, size=-1, /)", |vm, _| {
        Err(unsupported(vm, "read"))
    }),
    method("read1", "(self, size=-1, /)", |vm, _| {
        Err(unsupported(vm, "read1"))
    }),
    method("readinto", "(self, buffer, /)", |vm, args| {
        buffered_readinto(vm, args, "read")
    }),
    method("readinto1", "(self, buffer, /)", |vm, args| {
        buffered_readinto(vm, args, "read1")
    }),
    method("write", "(self, b, /)", |vm, _| {
        Err(unsupported(vm, "write"))
    }),
];

const TEXT_METHODS: &[MethodDef] = &[
    method("detach", "(self, /)", |vm, _| {
        Err(unsupported(vm, "detach"))
    }),
    method("read", "(self, size=-1, /)", |vm, _| {
        Err(unsupported(vm, "read"))
    }),
    method("readline", "(self, size=-1, /)", |vm, _| {
        Err(unsupported(vm, "readline"))
    }),
    method("write", "(self, s, /)", |vm, args| {
        if vm.as_str(args.required(1)).is_none() {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("write() argument 1 must be str, not {tn}")));
        }
        Err(unsupported(vm, "write"))
    }),
];

const TEXT_GETSETS: &[GetSetDef] = &[
    readonly("encoding", |_, _| Ok(Value::NONE)),
    readonly("newlines", |_, _| Ok(Value::NONE)),
    readonly("errors", |_, _| Ok(Value::NONE)),
];
