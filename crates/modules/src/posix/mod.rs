//! `posix`: the start of the operating-system interface behind `Lib/os.py`
//! — the environment (`environ`, `putenv`, `unsetenv`), the working
//! directory (`getcwd`, `getcwdb`), process and user ids, `fspath`,
//! `urandom`, `strerror` and the access-mode constants here; the
//! file-system functions (`stat`, `listdir`, `remove`, ...) in [`files`].
//! `Lib/os.py` also needs the names `open` and `scandir` at import time;
//! they exist but raise `NotImplementedError` naming the function until
//! they are written. Other functions are simply absent, as on a platform
//! without them.

mod files;

use std::ffi::CString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

use krait_vm::builtins::bytes::{Bytes, bytes_like};
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `posix`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    vm.module_add_functions(module, files::FUNCTIONS)?;
    let stat_result = files::init_stat_result(vm)?;
    vm.module_set(
        module,
        "stat_result",
        Value::from_object(stat_result.as_obj().clone()),
    )?;
    let environ = vm.new_dict_ref()?;
    for (key, value) in std::env::vars_os() {
        let key = vm.new_bytes(key.into_vec())?;
        let value = vm.new_bytes(value.into_vec())?;
        krait_vm::builtins::dict::Dict::set_item(vm, &environ, key, value)?;
    }
    vm.module_set(module, "environ", Value::from_object(environ.into_obj()))?;
    let os_error = Value::from_object(vm.exc_type(ExcKind::OSError).as_obj().clone());
    vm.module_set(module, "error", os_error)?;
    for (name, value) in [
        ("F_OK", libc::F_OK),
        ("R_OK", libc::R_OK),
        ("W_OK", libc::W_OK),
        ("X_OK", libc::X_OK),
    ] {
        vm.module_set(module, name, Value::from_i64(i64::from(value)))?;
    }
    // The optional variants krait has (what `os.supports_dir_fd` and
    // friends are computed from).
    let mut have = Vec::new();
    for name in [
        "HAVE_FACCESSAT",
        "HAVE_FDOPENDIR",
        "HAVE_FSTATAT",
        "HAVE_MKDIRAT",
        "HAVE_RENAMEAT",
        "HAVE_UNLINKAT",
    ] {
        have.push(vm.new_str(name)?);
    }
    let have = vm.new_list(have)?;
    vm.module_set(module, "_have_functions", have)?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `posix.__doc__` (krait's own words).
const DOC: &str = "Operating system services of POSIX (the part krait implements so far).";

/// The OSError for the last failed system call.
fn last_os_error(vm: &mut Vm) -> PyErr {
    let error = std::io::Error::last_os_error();
    krait_vm::builtins::file_io::os_error(vm, &error, None)
}

/// A path or environment argument as bytes: `str` (UTF-8 with surrogate
/// escapes as the file system encoding) or a bytes-like object.
fn os_bytes(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = vm.as_str(v) {
        return Ok(s.as_lossy().into_owned().into_bytes());
    }
    if let Some(b) = bytes_like(v) {
        return Ok(b.into_owned());
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("{what} must be str or bytes, not {tn}")))
}

fn c_string(vm: &mut Vm, data: Vec<u8>) -> PyResult<CString> {
    CString::new(data).map_err(|_| vm.value_error("embedded null byte"))
}

fn id_value(id: u32) -> Value {
    Value::from_i64(i64::from(id))
}

fn not_yet(vm: &mut Vm, name: &str) -> PyErr {
    vm.new_error(
        ExcKind::NotImplementedError,
        &format!("krait does not support os.{name} yet"),
    )
}

/// The functions of `posix`.
const FUNCTIONS: &[MethodDef] = &[
    method(
        "open",
        "(path, flags, mode=511, *, dir_fd=None)",
        |vm, _args| Err(not_yet(vm, "open")),
    ),
    method("scandir", "(path=None)", |vm, _args| {
        Err(not_yet(vm, "scandir"))
    }),
    method("getcwd", "()", |vm, _args| match std::env::current_dir() {
        Ok(p) => vm.new_str(&p.to_string_lossy()),
        Err(e) => Err(krait_vm::builtins::file_io::os_error(vm, &e, None)),
    }),
    method("getcwdb", "()", |vm, _args| match std::env::current_dir() {
        Ok(p) => vm.new_bytes(p.as_os_str().as_bytes().to_vec()),
        Err(e) => Err(krait_vm::builtins::file_io::os_error(vm, &e, None)),
    }),
    method("getpid", "()", |_vm, _args| {
        Ok(Value::from_i64(i64::from(std::process::id())))
    }),
    method("getppid", "()", |_vm, _args| {
        // SAFETY: `getppid` has no preconditions.
        Ok(Value::from_i64(i64::from(unsafe { libc::getppid() })))
    }),
    method("getuid", "()", |_vm, _args| {
        // SAFETY: no preconditions.
        Ok(id_value(unsafe { libc::getuid() }))
    }),
    method("geteuid", "()", |_vm, _args| {
        // SAFETY: no preconditions.
        Ok(id_value(unsafe { libc::geteuid() }))
    }),
    method("getgid", "()", |_vm, _args| {
        // SAFETY: no preconditions.
        Ok(id_value(unsafe { libc::getgid() }))
    }),
    method("getegid", "()", |_vm, _args| {
        // SAFETY: no preconditions.
        Ok(id_value(unsafe { libc::getegid() }))
    }),
    method("fspath", "(path)", |vm, args| fspath(vm, args.required(0))),
    method("urandom", "(size, /)", |vm, args| {
        let Some(n) = vm.index_value(args.required(0))? else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        if n < 0 {
            return Err(vm.value_error("negative argument not allowed"));
        }
        let mut data = vec![0u8; usize::try_from(n).unwrap_or(0)];
        let mut filled = 0;
        while filled < data.len() {
            let rest = data.get_mut(filled..).unwrap_or_default();
            // SAFETY: the buffer is valid for `rest.len()` bytes.
            let got = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
            if got < 0 {
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(last_os_error(vm));
            }
            filled += usize::try_from(got).unwrap_or(0);
        }
        vm.new_bytes(data)
    }),
    method("strerror", "(code, /)", |vm, args| {
        let Some(code) = vm.index_value(args.required(0))? else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        let code = i32::try_from(code).unwrap_or(i32::MAX);
        let text = std::io::Error::from_raw_os_error(code).to_string();
        // Rust appends " (os error N)"; CPython shows the C library's text.
        let text = match text.rfind(" (os error") {
            Some(i) => text.get(..i).unwrap_or(&text).to_string(),
            None => text,
        };
        vm.new_str(&text)
    }),
    method("putenv", "(name, value, /)", |vm, args| {
        let name = os_bytes(vm, args.required(0), "name")?;
        if name.is_empty() || name.contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        let value = os_bytes(vm, args.required(1), "value")?;
        let name = c_string(vm, name)?;
        let value = c_string(vm, value)?;
        // SAFETY: both are valid NUL-terminated strings; krait runs one
        // thread, so nothing reads the environment concurrently.
        if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
            return Err(last_os_error(vm));
        }
        Ok(Value::NONE)
    }),
    method("unsetenv", "(name, /)", |vm, args| {
        let name = os_bytes(vm, args.required(0), "name")?;
        if name.is_empty() || name.contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        let name = c_string(vm, name)?;
        // SAFETY: a valid NUL-terminated string; one thread (see putenv).
        if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
            return Err(last_os_error(vm));
        }
        Ok(Value::NONE)
    }),
    method("cpu_count", "()", |_vm, _args| {
        // SAFETY: `sysconf` has no preconditions.
        let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
        Ok(if n < 1 {
            Value::NONE
        } else {
            Value::from_i64(n)
        })
    }),
    method("device_encoding", "(fd)", |_vm, _args| Ok(Value::NONE)),
    method("_exit", "(status)", |vm, args| {
        let Some(code) = vm.index_value(args.required(0))? else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        std::process::exit(i32::try_from(code).unwrap_or(-1))
    }),
];

/// `os.fspath(path)`: `str` and `bytes` as they are, else `__fspath__()`.
fn fspath(vm: &mut Vm, path: &Value) -> PyResult<Value> {
    let is_text = vm.as_str(path).is_some();
    let is_bytes = path
        .as_object()
        .and_then(|o| o.downcast::<Bytes>())
        .is_some();
    if is_text || is_bytes {
        return Ok(path.clone());
    }
    let tn = vm.type_name(path);
    let Some(method) = vm.lookup_special(path, "__fspath__") else {
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {tn}"
        )));
    };
    let result = vm.call(&method, &[], None)?;
    let ok = vm.as_str(&result).is_some()
        || result
            .as_object()
            .and_then(|o| o.downcast::<Bytes>())
            .is_some();
    if !ok {
        let rn = vm.type_name(&result);
        return Err(vm.type_error(format!(
            "expected {tn}.__fspath__() to return str or bytes, not {rn}"
        )));
    }
    Ok(result)
}
