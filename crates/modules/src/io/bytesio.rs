//! `_io.BytesIO` (CPython's `Modules/_io/bytesio.c`): an in-memory binary
//! stream over a byte buffer, with a position that may lie past the end
//! (a write there pads with zero bytes). `getbuffer()` is not provided
//! yet (`NotImplementedError`).

use krait_vm::builtins::bytes::bytes_like;
use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::Payload;
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

use super::iobase::{closed_error, size_limit};

/// The state of a `BytesIO`.
#[derive(Default)]
struct Buffer {
    data: Vec<u8>,
    pos: usize,
    closed: bool,
}

/// The payload of `BytesIO`.
#[derive(Default)]
pub struct BytesIO {
    state: PyCell<Buffer>,
}

impl Payload for BytesIO {}

/// Creates `BytesIO` as a subclass of `buffered_base` (`_BufferedIOBase`).
pub fn new_type(vm: &mut Vm, buffered_base: &TypeRef) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<BytesIO>(
        "_io",
        "BytesIO",
        None,
        flags::BASETYPE | flags::HAS_DICT | flags::EXTENDED | flags::NEW_ALLOCATES_CLASS,
        METHODS,
    )?;
    super::rebase(&ty, buffered_base);
    ty.slots.new.set(Some(|vm, cls, _args, _kw| {
        Ok(Value::from_object(
            vm.alloc(cls, BytesIO::default())?.into_obj(),
        ))
    }));
    ty.slots.init.set(Some(init));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    Ok(ty)
}

fn payload(vm: &mut Vm, v: &Value) -> PyResult<Ref<BytesIO>> {
    match v.as_object().and_then(|o| o.downcast::<BytesIO>()) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor requires a '_io.BytesIO' object".into())),
    }
}

fn open_payload(vm: &mut Vm, v: &Value) -> PyResult<Ref<BytesIO>> {
    let s = payload(vm, v)?;
    if s.state.with(|b| b.closed) {
        return Err(closed_error(vm));
    }
    Ok(s)
}

fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// `BytesIO(initial_bytes=b'')`.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kw: Option<&Ref<Tuple>>) -> PyResult<()> {
    let a = krait_vm::static_signature!("(initial_bytes=b'')").bind(vm, "BytesIO", args, kw)?;
    let data = match a.get(0).filter(|v| !v.is_none()) {
        Some(v) => bytes_arg(vm, v)?,
        None => Vec::new(),
    };
    let s = payload(vm, this)?;
    s.state.with(|b| {
        *b = Buffer {
            data,
            ..Buffer::default()
        };
    });
    Ok(())
}

fn read(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let limit = size_limit(vm, args.get(1))?;
    let taken = s.state.with(|b| {
        let start = b.pos.min(b.data.len());
        let end = limit.map_or(b.data.len(), |n| start.saturating_add(n).min(b.data.len()));
        b.pos = b.pos.max(end);
        b.data.get(start..end).unwrap_or(&[]).to_vec()
    });
    vm.new_bytes(taken)
}

fn readline(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let limit = size_limit(vm, args.get(1))?;
    let taken = s.state.with(|b| {
        let start = b.pos.min(b.data.len());
        let rest = b.data.get(start..).unwrap_or(&[]);
        let mut n = rest
            .iter()
            .position(|&c| c == b'\n')
            .map_or(rest.len(), |i| i + 1);
        if let Some(limit) = limit {
            n = n.min(limit);
        }
        b.pos = start + n;
        rest.get(..n).unwrap_or(&[]).to_vec()
    });
    vm.new_bytes(taken)
}

fn write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let data = bytes_arg(vm, args.required(1))?;
    let count = data.len();
    let written = s.state.with(|b| {
        let end = b.pos.saturating_add(data.len());
        if end > b.data.len()
            && (end > isize::MAX as usize || b.data.try_reserve(end - b.data.len()).is_err())
        {
            return false;
        }
        if b.pos > b.data.len() {
            b.data.resize(b.pos, 0);
        }
        let overlap = end.min(b.data.len());
        b.data.splice(b.pos..overlap, data);
        b.pos = end;
        true
    });
    if !written {
        return Err(vm.memory_error());
    }
    Ok(Value::from_i64(count as i64))
}

fn seek(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let offset = vm.index_i64(args.required(1))?;
    let whence = match args.get(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let base = match whence {
        0 => {
            if offset < 0 {
                return Err(vm.value_error(&format!("negative seek value {offset}")));
            }
            0
        }
        1 => s.state.with(|b| b.pos),
        2 => s.state.with(|b| b.data.len()),
        _ => {
            return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
    };
    let target = (base as i64).saturating_add(offset).max(0);
    s.state
        .with(|b| b.pos = usize::try_from(target).unwrap_or(usize::MAX));
    Ok(Value::from_i64(target))
}

fn truncate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let size = match args.get(1).filter(|v| !v.is_none()) {
        None => s.state.with(|b| b.pos),
        Some(v) => {
            let n = vm.index_i64(v)?;
            match usize::try_from(n) {
                Ok(n) => n,
                Err(_) => return Err(vm.value_error(&format!("negative size value {n}"))),
            }
        }
    };
    s.state.with(|b| b.data.truncate(size));
    Ok(Value::from_i64(size as i64))
}

fn readinto(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = open_payload(vm, args.this())?;
    let target = args.required(1).clone();
    let Some(array) = target
        .as_object()
        .and_then(|o| o.downcast::<krait_vm::builtins::bytearray::ByteArray>())
        .cloned()
    else {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait's BytesIO.readinto() supports only a bytearray target",
        ));
    };
    let n = array.data.with(|d| {
        s.state.with(|b| {
            let start = b.pos.min(b.data.len());
            let available = b.data.get(start..).unwrap_or(&[]);
            let mut n = 0;
            for (slot, byte) in d.iter_mut().zip(available) {
                *slot = *byte;
                n += 1;
            }
            b.pos = start + n;
            n
        })
    });
    Ok(Value::from_i64(n as i64))
}

fn capability(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    open_payload(vm, args.this())?;
    Ok(Value::from_bool(true))
}

const METHODS: &[MethodDef] = &[
    method("getvalue", "(self, /)", |vm, args| {
        let s = open_payload(vm, args.this())?;
        let data = s.state.with(|b| b.data.clone());
        vm.new_bytes(data)
    }),
    method("getbuffer", "(self, /)", |vm, _| {
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait's BytesIO has no getbuffer() yet",
        ))
    }),
    method("read", "(self, size=-1, /)", read),
    method("read1", "(self, size=-1, /)", read),
    method("readline", "(self, size=-1, /)", readline),
    method("readinto", "(self, buffer, /)", readinto),
    method("write", "(self, b, /)", write),
    method("seek", "(self, pos, whence=0, /)", seek),
    method("tell", "(self, /)", |vm, args| {
        let s = open_payload(vm, args.this())?;
        Ok(Value::from_i64(s.state.with(|b| b.pos) as i64))
    }),
    method("truncate", "(self, size=None, /)", truncate),
    method("readable", "(self, /)", capability),
    method("writable", "(self, /)", capability),
    method("seekable", "(self, /)", capability),
    method("flush", "(self, /)", |vm, args| {
        open_payload(vm, args.this())?;
        Ok(Value::NONE)
    }),
    method("close", "(self, /)", |vm, args| {
        let s = payload(vm, args.this())?;
        s.state.with(|b| {
            b.closed = true;
            b.data = Vec::new();
        });
        Ok(Value::NONE)
    }),
];

const GETSETS: &[GetSetDef] = &[readonly("closed", |vm, v| {
    let s = payload(vm, v)?;
    Ok(Value::from_bool(s.state.with(|b| b.closed)))
})];
