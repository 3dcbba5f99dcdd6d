//! `OSError`: its constructor's argument forms (`errno`, `strerror`,
//! `filename`, `winerror`, `filename2`), the subclass chosen by `errno`
//! (`OSError(2, ...)` is a `FileNotFoundError`), and its attributes.

use crate::builtins::descriptors::GetSetDef;
use crate::builtins::exceptions::{BaseException, ExcKind, as_exception, field};
use crate::error::PyResult;
use crate::exception_field;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::value::Value;

/// The subclass `OSError(errno, ...)` creates for an `errno` (Linux values).
fn subclass_for_errno(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// `OSError.__new__`.
pub fn os_error_new(vm: &mut Vm, cls: &TypeRef, args: Vec<Value>) -> PyResult<Value> {
    let mut class = cls.clone();
    if cls.same(vm.exc_type(ExcKind::OSError))
        && (2..=5).contains(&args.len())
        && let Some(kind) = args[0].as_i64().and_then(subclass_for_errno)
    {
        class = vm.exc_type(kind).clone();
    }
    let tuple = vm.new_tuple(Vec::new())?;
    let e = vm.alloc(&class, BaseException::with_args(tuple))?;
    os_error_init(vm, &e, args)?;
    Ok(Value::from_object(e.into_obj()))
}

/// `OSError.__init__`: sets `args` and the fields from the argument form.
pub fn os_error_init(vm: &mut Vm, e: &Ref<BaseException>, args: Vec<Value>) -> PyResult<()> {
    let blocking = e
        .as_obj()
        .class()
        .is_subtype(vm.exc_type(ExcKind::BlockingIOError));
    let mut stored = args.clone();
    if (2..=5).contains(&args.len()) {
        e.set_field(field::ERRNO, args[0].clone());
        e.set_field(field::STRERROR, args[1].clone());
        let mut filename = args.get(2).cloned().unwrap_or(Value::NONE);
        if blocking && args.len() >= 3 && vm.index_value(&filename)?.is_some() {
            e.set_field(field::CHARACTERS_WRITTEN, filename);
            filename = Value::NONE;
        }
        if !filename.is_none() {
            e.set_field(field::FILENAME, filename);
            if let Some(f2) = args.get(4) {
                e.set_field(field::FILENAME2, f2.clone());
            }
            stored.truncate(2);
        }
    }
    let tuple = vm.new_tuple(stored)?;
    let old = e.args.with(|a| std::mem::replace(a, tuple));
    drop(old);
    Ok(())
}

/// `OSError`'s attributes.
pub const GETSETS: &[GetSetDef] = &[
    exception_field!("errno", field::ERRNO),
    exception_field!("strerror", field::STRERROR),
    exception_field!("filename", field::FILENAME),
    exception_field!("filename2", field::FILENAME2),
];

/// `BlockingIOError.characters_written` (unset is an `AttributeError`).
pub const BLOCKING_GETSETS: &[GetSetDef] = &[crate::builtins::descriptors::getset(
    "characters_written",
    |vm, v| {
        let value = as_exception(v).map_or(Value::NONE, |e| e.field(field::CHARACTERS_WRITTEN));
        if value.is_none() {
            return Err(vm.attribute_error("characters_written"));
        }
        Ok(value)
    },
    |vm, v, value| {
        if let Some(e) = as_exception(v) {
            if value.is_none() && e.field(field::CHARACTERS_WRITTEN).is_none() {
                return Err(vm.attribute_error("characters_written"));
            }
            e.set_field(field::CHARACTERS_WRITTEN, value.unwrap_or(Value::NONE));
        }
        Ok(())
    },
)];
