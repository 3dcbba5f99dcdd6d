//! `posix`'s file-system functions: `stat`, `lstat`, `fstat` and the
//! `stat_result` struct sequence; `remove`/`unlink`, `rmdir`, `mkdir`,
//! `rename`/`replace`, `listdir` and `access`. Paths are `str` (encoded as
//! UTF-8 with surrogate escapes, the file-system encoding krait uses),
//! `bytes`, or `os.PathLike`; failures raise the `OSError` subclass for
//! the `errno`, carrying the path as `filename` (and `filename2`).

use std::ffi::CString;

use krait_vm::builtins::bytes::Bytes;
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::str::Str;
use krait_vm::types::TypeRef;
use krait_vm::{PyErr, PyResult, Value, Vm};

use crate::struct_sequence::{self, Shape};

/// `module_state` key of `os.stat_result`.
const STAT_RESULT_KEY: &str = "posix.stat_result";

/// The items of `os.stat_result` with names; three unnamed integer times
/// follow them.
const STAT_NAMED: &[&str] = &[
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
];
/// `os.stat_result`'s attributes that are not items (Linux's set).
const STAT_HIDDEN: &[&str] = &[
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// Creates `stat_result`, keeps it for the `stat` functions and returns it.
pub fn init_stat_result(vm: &mut Vm) -> PyResult<TypeRef> {
    let shape = Shape {
        named: STAT_NAMED,
        unnamed: 3,
        hidden: STAT_HIDDEN,
    };
    let ty = struct_sequence::new_type_shaped(vm, "os", "stat_result", &shape)?;
    ty.slots.new.set(Some(new_stat_result));
    ty.bump_version();
    vm.module_state
        .insert(STAT_RESULT_KEY, Value::from_object(ty.as_obj().clone()));
    Ok(ty)
}

/// `os.stat_result(sequence, dict=None)`: a struct sequence whose float
/// times, when not given, are its integer ones (as CPython's does).
fn new_stat_result(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&krait_vm::object::Ref<krait_vm::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let (items, mut hidden) = struct_sequence::construct(vm, cls, args, kwnames)?;
    for k in 0..3 {
        if let Some(slot) = hidden.get_mut(k)
            && slot.as_ref().is_none_or(|v| v.is_none())
        {
            *slot = items.get(STAT_NAMED.len() + k).cloned();
        }
    }
    struct_sequence::new_instance_with_hidden(vm, cls, items, hidden)
}

fn stat_result_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.module_state.get(STAT_RESULT_KEY).and_then(|v| {
        v.as_object()?
            .downcast::<krait_vm::types::TypeObject>()
            .cloned()
    });
    match ty {
        Some(ty) => Ok(ty),
        None => init_stat_result(vm),
    }
}

/// What a path argument may also be, besides `str`, `bytes` and
/// `os.PathLike` (it decides the message for any other type).
#[derive(Clone, Copy, PartialEq)]
enum Also {
    Nothing,
    Fd,
    FdOrNone,
}

/// A path argument, converted.
enum PathArg {
    /// A path: its bytes, whether it was given as bytes (results are then
    /// bytes too), and the `str` or `bytes` to name in errors.
    Path {
        c_path: CString,
        as_bytes: bool,
        shown: Value,
    },
    /// An open file descriptor.
    Fd(i32),
}

/// Converts `value`, the path argument of `function`, as CPython's
/// `path_converter` does.
fn path_arg(vm: &mut Vm, function: &str, value: &Value, also: Also) -> PyResult<PathArg> {
    if also != Also::Nothing && krait_vm::builtins::int::is_int(value) {
        let fd = vm.index_value(value)?.unwrap_or(-1);
        let fd = i32::try_from(fd)
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "fd is greater than maximum"))?;
        return Ok(PathArg::Fd(fd));
    }
    let path = if vm.as_str(value).is_some() || is_bytes(value) {
        value.clone()
    } else if let Some(method) = vm.lookup_special(value, "__fspath__") {
        let result = vm.call(&method, &[], None)?;
        if vm.as_str(&result).is_none() && !is_bytes(&result) {
            let (tn, rn) = (vm.type_name(value), vm.type_name(&result));
            return Err(vm.type_error(format!(
                "expected {tn}.__fspath__() to return str or bytes, not {rn}"
            )));
        }
        result
    } else {
        let kinds = match also {
            Also::Nothing => "string, bytes or os.PathLike",
            Also::Fd => "string, bytes, os.PathLike or integer",
            Also::FdOrNone => "string, bytes, os.PathLike, integer or None",
        };
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!("{function}: path should be {kinds}, not {tn}")));
    };
    let (data, as_bytes) = match vm.as_str(&path) {
        Some(s) => (encode_fs(vm, s)?, false),
        None => (
            path.as_object()
                .and_then(|o| o.downcast::<Bytes>())
                .map(|b| b.data.to_vec())
                .unwrap_or_default(),
            true,
        ),
    };
    let c_path = CString::new(data)
        .map_err(|_| vm.value_error(&format!("{function}: embedded null character in path")))?;
    Ok(PathArg::Path {
        c_path,
        as_bytes,
        shown: path,
    })
}

/// A path argument that may not be a descriptor: its C path and the `str`
/// or `bytes` to name in errors.
fn path_only(vm: &mut Vm, function: &str, value: &Value) -> PyResult<(CString, Value)> {
    match path_arg(vm, function, value, Also::Nothing)? {
        PathArg::Path { c_path, shown, .. } => Ok((c_path, shown)),
        // `Also::Nothing` turns an int away as a wrong type.
        PathArg::Fd(_) => Err(vm.new_error(
            ExcKind::SystemError,
            "krait: a path argument converted to a descriptor",
        )),
    }
}

fn is_bytes(value: &Value) -> bool {
    value
        .as_object()
        .and_then(|o| o.downcast::<Bytes>())
        .is_some()
}

/// A `str` as file-system bytes: UTF-8, with the lone surrogates
/// U+DC80..U+DCFF (what decoding with surrogate escapes made of undecodable
/// bytes) turned back into those bytes.
fn encode_fs(vm: &mut Vm, text: &Str) -> PyResult<Vec<u8>> {
    if let Some(s) = text.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    // WTF-8: a surrogate is ED A0..BF xx.
    let wtf8 = text.as_bytes();
    let mut out = Vec::with_capacity(wtf8.len());
    let mut i = 0;
    while let Some(&b) = wtf8.get(i) {
        if b == 0xED
            && let (Some(&b1), Some(&b2)) = (wtf8.get(i + 1), wtf8.get(i + 2))
            && b1 >= 0xA0
        {
            let point = 0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if (0xDC80..=0xDCFF).contains(&point) {
                out.push((point & 0xFF) as u8);
                i += 3;
                continue;
            }
            return Err(vm.new_error(
                ExcKind::UnicodeEncodeError,
                &format!(
                    "'utf-8' codec can't encode character '\\u{point:x}': surrogates not allowed"
                ),
            ));
        }
        out.push(b);
        i += 1;
    }
    Ok(out)
}

/// File-system bytes as a `str`: UTF-8, each undecodable byte as the lone
/// surrogate U+DC00 + byte (surrogate escapes).
fn decode_fs(vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
    if let Ok(s) = std::str::from_utf8(data) {
        return vm.new_str(s);
    }
    let mut wtf8 = Vec::with_capacity(data.len() + 8);
    let mut chars = 0;
    let mut rest = data;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                wtf8.extend_from_slice(s.as_bytes());
                chars += s.chars().count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid UTF-8 up to `valid_up_to`.
                let good_text = std::str::from_utf8(good).unwrap_or_default();
                wtf8.extend_from_slice(good);
                chars += good_text.chars().count();
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                for &b in bad.iter().take(skip) {
                    // U+DC80..U+DCFF in WTF-8: ED B2..B3 80..BF.
                    let point = 0xDC00 | u32::from(b);
                    wtf8.push(0xED);
                    wtf8.push(0x80 | ((point >> 6) & 0x3F) as u8);
                    wtf8.push(0x80 | (point & 0x3F) as u8);
                    chars += 1;
                }
                rest = bad.get(skip..).unwrap_or_default();
            }
        }
    }
    let s = vm.alloc(
        &vm.types.str.clone(),
        Str::from_parts(wtf8, chars, false, true),
    )?;
    Ok(Value::from_object(s.into_obj()))
}

/// The `OSError` subclass for the last failed call, naming the path(s).
fn errno_error(vm: &mut Vm, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let error = std::io::Error::last_os_error();
    let errno = error.raw_os_error().unwrap_or(0);
    let text = error.to_string();
    // Rust appends " (os error N)"; CPython shows the C library's text.
    let text = match text.rfind(" (os error") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    };
    let strerror = match vm.new_str(&text) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let mut args = vec![Value::from_i64(i64::from(errno)), strerror];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::NONE);
            args.push(f2.clone());
        }
    }
    let class = Value::from_object(vm.exc_type(ExcKind::OSError).as_obj().clone());
    match vm.call(&class, &args, None) {
        Ok(exc) => match exc
            .as_object()
            .and_then(|o| o.downcast::<krait_vm::builtins::exceptions::BaseException>())
        {
            Some(e) => PyErr(e.clone()),
            None => vm.new_error(ExcKind::OSError, &text),
        },
        Err(e) => e,
    }
}

/// `dir_fd` as a descriptor (`AT_FDCWD` for `None`).
fn dir_fd(vm: &mut Vm, value: Option<&Value>) -> PyResult<i32> {
    match value {
        None => Ok(libc::AT_FDCWD),
        Some(v) if v.is_none() => Ok(libc::AT_FDCWD),
        Some(v) => {
            let Some(fd) = vm.index_value(v)? else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("argument should be integer or None, not {tn}")));
            };
            i32::try_from(fd)
                .map_err(|_| vm.new_error(ExcKind::OverflowError, "fd is greater than maximum"))
        }
    }
}

/// An `int` from an unsigned system value.
fn unsigned(vm: &mut Vm, n: u64) -> PyResult<Value> {
    match i64::try_from(n) {
        Ok(i) => Ok(Value::from_i64(i)),
        Err(_) => vm.new_int(num_bigint::BigInt::from(n)),
    }
}

/// A `stat_result` of `st`.
fn stat_result(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let ty = stat_result_type(vm)?;
    let times = [
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
        (st.st_ctime, st.st_ctime_nsec),
    ];
    let mut items = vec![
        Value::from_i64(i64::from(st.st_mode)),
        unsigned(vm, st.st_ino)?,
        unsigned(vm, st.st_dev)?,
        unsigned(vm, st.st_nlink)?,
        Value::from_i64(i64::from(st.st_uid)),
        Value::from_i64(i64::from(st.st_gid)),
        Value::from_i64(st.st_size),
    ];
    let mut hidden = Vec::with_capacity(STAT_HIDDEN.len());
    for (seconds, _) in times {
        items.push(Value::from_i64(seconds));
    }
    for (seconds, nanos) in times {
        hidden.push(Some(Value::from_f64(seconds as f64 + nanos as f64 * 1e-9)));
    }
    for (seconds, nanos) in times {
        let ns = i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
        hidden.push(Some(vm.new_int(num_bigint::BigInt::from(ns))?));
    }
    hidden.push(Some(Value::from_i64(st.st_blksize)));
    hidden.push(Some(Value::from_i64(st.st_blocks)));
    hidden.push(Some(unsigned(vm, st.st_rdev)?));
    struct_sequence::new_instance_with_hidden(vm, &ty, items, hidden)
}

/// `stat`/`lstat` of a path (relative to `dir_fd`), or `fstat` of a
/// descriptor.
fn do_stat(vm: &mut Vm, path: PathArg, dir_fd: i32, follow: bool) -> PyResult<Value> {
    // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    match path {
        PathArg::Fd(fd) => {
            // SAFETY: `st` is a valid out-pointer.
            if unsafe { libc::fstat(fd, &mut st) } != 0 {
                return Err(errno_error(vm, Some(&Value::from_i64(i64::from(fd))), None));
            }
        }
        PathArg::Path { c_path, shown, .. } => {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c_path` is NUL-terminated and `st` a valid out-pointer.
            if unsafe { libc::fstatat(dir_fd, c_path.as_ptr(), &mut st, flags) } != 0 {
                return Err(errno_error(vm, Some(&shown), None));
            }
        }
    }
    stat_result(vm, &st)
}

/// Whether a keyword-only `follow_symlinks` argument is true.
fn follow_symlinks(vm: &mut Vm, value: Option<&Value>) -> PyResult<bool> {
    match value {
        None => Ok(true),
        Some(v) => vm.is_true(v),
    }
}

/// Runs a one-path call (`unlink`, `rmdir`, ...) and maps failure.
fn path_call(
    vm: &mut Vm,
    function: &str,
    args: &Args,
    call: impl FnOnce(&CString, i32) -> libc::c_int,
) -> PyResult<Value> {
    let (c_path, shown) = path_only(vm, function, args.required(0))?;
    let dir = dir_fd(vm, args.get(1))?;
    if call(&c_path, dir) != 0 {
        return Err(errno_error(vm, Some(&shown), None));
    }
    Ok(Value::NONE)
}

/// `remove`/`unlink(path, *, dir_fd=None)`.
fn unlink(vm: &mut Vm, function: &str, args: &Args) -> PyResult<Value> {
    // SAFETY: a NUL-terminated path.
    path_call(vm, function, args, |p, dir| unsafe {
        libc::unlinkat(dir, p.as_ptr(), 0)
    })
}

/// `rename`/`replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
fn rename(vm: &mut Vm, function: &str, args: &Args) -> PyResult<Value> {
    let (src, src_shown) = path_only(vm, function, args.required(0))?;
    let (dst, dst_shown) = path_only(vm, function, args.required(1))?;
    let src_dir = dir_fd(vm, args.get(2))?;
    let dst_dir = dir_fd(vm, args.get(3))?;
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::renameat(src_dir, src.as_ptr(), dst_dir, dst.as_ptr()) } != 0 {
        return Err(errno_error(vm, Some(&src_shown), Some(&dst_shown)));
    }
    Ok(Value::NONE)
}

/// `listdir(path=None)`: the names in a directory (or an open directory
/// descriptor), without `.` and `..`, as `bytes` when the path was.
fn listdir(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let path = match args.get(0) {
        Some(v) if !v.is_none() => path_arg(vm, "listdir", v, Also::FdOrNone)?,
        _ => PathArg::Path {
            c_path: CString::from(c"."),
            as_bytes: false,
            shown: vm.new_str(".")?,
        },
    };
    let (dir, as_bytes, shown) = match &path {
        PathArg::Fd(fd) => {
            // Reading through a duplicate leaves the caller's descriptor open.
            // SAFETY: `dup` has no memory preconditions.
            let copy = unsafe { libc::dup(*fd) };
            let dir = if copy < 0 {
                std::ptr::null_mut()
            } else {
                // SAFETY: `copy` is a descriptor we own.
                unsafe { libc::fdopendir(copy) }
            };
            if dir.is_null() {
                // The error first: `close` below may change errno. CPython
                // names no file for a descriptor here.
                let error = errno_error(vm, None, None);
                if copy >= 0 {
                    // SAFETY: closing the descriptor we duplicated.
                    unsafe { libc::close(copy) };
                }
                return Err(error);
            }
            // SAFETY: the stream is fresh; start from its first entry.
            unsafe { libc::rewinddir(dir) };
            (dir, false, Value::from_i64(i64::from(*fd)))
        }
        PathArg::Path {
            c_path,
            as_bytes,
            shown,
        } => {
            // SAFETY: a NUL-terminated path.
            let dir = unsafe { libc::opendir(c_path.as_ptr()) };
            if dir.is_null() {
                return Err(errno_error(vm, Some(shown), None));
            }
            (dir, *as_bytes, shown.clone())
        }
    };
    let mut names = Vec::new();
    let mut failure = None;
    loop {
        // `readdir` reports an error only through errno.
        // SAFETY: `__errno_location` is the thread's errno.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open stream until `closedir` below.
        let entry = unsafe { libc::readdir(dir) };
        if entry.is_null() {
            // SAFETY: as above.
            if unsafe { *libc::__errno_location() } != 0 {
                failure = Some(errno_error(vm, Some(&shown), None));
            }
            break;
        }
        // SAFETY: `d_name` is a NUL-terminated name inside the entry.
        let name = unsafe { std::ffi::CStr::from_ptr((*entry).d_name.as_ptr()) }.to_bytes();
        if name == b"." || name == b".." {
            continue;
        }
        let value = if as_bytes {
            vm.new_bytes(name.to_vec())
        } else {
            decode_fs(vm, name)
        };
        match value {
            Ok(v) => names.push(v),
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    // SAFETY: `dir` is open and closed exactly once.
    unsafe { libc::closedir(dir) };
    if let Some(e) = failure {
        return Err(e);
    }
    vm.new_list(names)
}

/// The file-system functions of `posix`.
pub const FUNCTIONS: &[MethodDef] = &[
    method(
        "stat",
        "(path, *, dir_fd=None, follow_symlinks=True)",
        |vm, args| {
            let path = path_arg(vm, "stat", args.required(0), Also::Fd)?;
            let dir = dir_fd(vm, args.get(1))?;
            let follow = follow_symlinks(vm, args.get(2))?;
            do_stat(vm, path, dir, follow)
        },
    ),
    method("lstat", "(path, *, dir_fd=None)", |vm, args| {
        let path = path_arg(vm, "lstat", args.required(0), Also::Nothing)?;
        let dir = dir_fd(vm, args.get(1))?;
        do_stat(vm, path, dir, false)
    }),
    method("fstat", "(fd)", |vm, args| {
        let Some(fd) = vm.index_value(args.required(0))? else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        let fd = i32::try_from(fd)
            .map_err(|_| vm.new_error(ExcKind::OverflowError, "fd is greater than maximum"))?;
        // SAFETY: an all-zero `stat` is a valid value of the plain C struct.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is a valid out-pointer.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(errno_error(vm, None, None));
        }
        stat_result(vm, &st)
    }),
    method("remove", "(path, *, dir_fd=None)", |vm, args| {
        unlink(vm, "remove", args)
    }),
    method("unlink", "(path, *, dir_fd=None)", |vm, args| {
        unlink(vm, "unlink", args)
    }),
    method("rmdir", "(path, *, dir_fd=None)", |vm, args| {
        // SAFETY: a NUL-terminated path.
        path_call(vm, "rmdir", args, |p, dir| unsafe {
            libc::unlinkat(dir, p.as_ptr(), libc::AT_REMOVEDIR)
        })
    }),
    method("mkdir", "(path, mode=511, *, dir_fd=None)", |vm, args| {
        let mode = match args.get(1) {
            Some(m) => vm.index_value(m)?.unwrap_or(0o777),
            None => 0o777,
        };
        let mode = libc::mode_t::try_from(mode).unwrap_or(0o777);
        let (c_path, shown) = path_only(vm, "mkdir", args.required(0))?;
        let dir = dir_fd(vm, args.get(2))?;
        // SAFETY: a NUL-terminated path.
        if unsafe { libc::mkdirat(dir, c_path.as_ptr(), mode) } != 0 {
            return Err(errno_error(vm, Some(&shown), None));
        }
        Ok(Value::NONE)
    }),
    method(
        "rename",
        "(src, dst, *, src_dir_fd=None, dst_dir_fd=None)",
        |vm, args| rename(vm, "rename", args),
    ),
    method(
        "replace",
        "(src, dst, *, src_dir_fd=None, dst_dir_fd=None)",
        |vm, args| rename(vm, "replace", args),
    ),
    method("listdir", "(path=None)", listdir),
    method(
        "access",
        "(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)",
        |vm, args| {
            let (c_path, _) = path_only(vm, "access", args.required(0))?;
            let Some(mode) = vm.index_value(args.required(1))? else {
                let tn = vm.type_name(args.required(1));
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            };
            let mode = i32::try_from(mode).unwrap_or(-1);
            let dir = dir_fd(vm, args.get(2))?;
            let mut flags = 0;
            if let Some(e) = args.get(3)
                && vm.is_true(e)?
            {
                flags |= libc::AT_EACCESS;
            }
            if !follow_symlinks(vm, args.get(4))? {
                flags |= libc::AT_SYMLINK_NOFOLLOW;
            }
            // SAFETY: a NUL-terminated path.
            let ok = unsafe { libc::faccessat(dir, c_path.as_ptr(), mode, flags) } == 0;
            Ok(Value::from_bool(ok))
        },
    ),
];
