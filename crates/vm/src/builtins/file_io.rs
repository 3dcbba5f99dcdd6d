//! `open()` and its file objects: a minimal `_io` of one payload
//! ([`FileObject`]) behind four classes — `TextIOWrapper` for text mode
//! (UTF-8, universal newlines on reading) and `BufferedReader`,
//! `BufferedWriter`, `BufferedRandom` for binary mode. They read, write,
//! iterate by lines, seek and work as context managers; writes reach the
//! file at once (see [`WRITE_BUFFER`]). OS errors become the `OSError` subclass
//! CPython picks by `errno`, with its `[Errno N] message: 'name'` text.

use std::io::{Read, Seek, SeekFrom, Write};

use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::str::codecs::{self, Codec};
use crate::error::{PyErr, PyResult};
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// Bytes buffered before a write reaches the file. Writes go straight
/// through for now: the interpreter does not finalize objects at exit yet,
/// so a buffer of a file never closed would be lost (CPython flushes it at
/// shutdown).
const WRITE_BUFFER: usize = 1;

/// The open file and what has been read or written through it.
struct FileState {
    /// `None` once closed.
    file: Option<std::fs::File>,
    /// Bytes read ahead and not consumed yet (`pending[pos..]`).
    pending: Vec<u8>,
    pos: usize,
    /// Bytes written and not yet passed to the file.
    written: Vec<u8>,
    /// Whether closing the file object closes the descriptor
    /// (`closefd=False` leaves a descriptor given to `open()` open).
    closefd: bool,
}

impl FileState {
    /// Lets go of the file, closing its descriptor unless `closefd` is false.
    fn release(&mut self) {
        if let Some(file) = self.file.take()
            && !self.closefd
        {
            use std::os::fd::IntoRawFd;
            let _ = file.into_raw_fd();
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let Some(f) = self.file.as_mut()
            && !self.written.is_empty()
        {
            f.write_all(&self.written)?;
            self.written.clear();
        }
        Ok(())
    }

    /// Reads everything left in the file into `pending`.
    fn fill(&mut self) -> std::io::Result<()> {
        self.flush()?;
        if let Some(f) = self.file.as_mut() {
            self.pending.drain(..self.pos);
            self.pos = 0;
            f.read_to_end(&mut self.pending)?;
        }
        Ok(())
    }

    fn unread(&self) -> &[u8] {
        self.pending.get(self.pos..).unwrap_or(&[])
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        // Like CPython's finalizer: buffered writes reach the file.
        let _ = self.flush();
        self.release();
    }
}

/// The payload of a file object.
pub struct FileObject {
    state: PyCell<FileState>,
    /// `name`.
    name: Value,
    /// `mode` as given to `open()`.
    mode: String,
    readable: bool,
    writable: bool,
    binary: bool,
    /// The `encoding` shown (text files; they are read and written as UTF-8).
    encoding: String,
    /// The `newline` argument (text files; `None` for universal newlines).
    newline: Option<String>,
    /// The text codec (UTF-8, ASCII or Latin-1) and error handler.
    codec: Codec,
    errors: String,
    /// Whether this is a raw `FileIO` (its closed-file message has no full
    /// stop).
    raw: bool,
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<FileObject>> {
    match v.as_object().and_then(|o| o.downcast::<FileObject>()) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("expected a file object".into())),
    }
}

/// The exception for an OS error on `filename` (CPython's
/// `PyErr_SetFromErrnoWithFilenameObject`).
pub fn os_error(vm: &mut Vm, err: &std::io::Error, filename: Option<&Value>) -> PyErr {
    let errno = err.raw_os_error().unwrap_or(0);
    let text = err.to_string();
    let strerror = match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    let class_name = match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        _ => "OSError",
    };
    let kind = ExcKind::ALL
        .iter()
        .find(|(_, n, _)| *n == class_name)
        .map_or(ExcKind::OSError, |(k, _, _)| *k);
    let shown = match filename {
        Some(f) => match vm.repr_string(f) {
            Ok(r) => format!("[Errno {errno}] {strerror}: {r}"),
            Err(e) => return e,
        },
        None => format!("[Errno {errno}] {strerror}"),
    };
    let exc = vm.new_error(kind, &shown);
    let value = Value::from_object(exc.as_obj().clone());
    let attrs = [
        ("errno", Value::from_i64(i64::from(errno))),
        ("strerror", vm.new_str(&strerror).unwrap_or(Value::NONE)),
        ("filename", filename.cloned().unwrap_or(Value::NONE)),
    ];
    for (name, v) in attrs {
        if let Ok(n) = vm.intern(name) {
            let _ = vm.set_attr(&value, &n, Some(v));
        }
    }
    exc
}

fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// The `module_state` key under which `_io` leaves its
/// `UnsupportedOperation` class.
pub const UNSUPPORTED_OPERATION_KEY: &str = "_io.UnsupportedOperation";

/// `io.UnsupportedOperation(what)` (an `OSError` and `ValueError`; a plain
/// `OSError` if `_io` cannot be imported).
pub fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    if !vm.module_state.contains_key(UNSUPPORTED_OPERATION_KEY) {
        // CPython has `_io` loaded from start-up; krait loads it on demand.
        let _ = vm.import_module("_io");
    }
    let class = vm
        .module_state
        .get(UNSUPPORTED_OPERATION_KEY)
        .and_then(|v| v.as_object()?.downcast::<TypeObject>().cloned());
    match (class, vm.new_str(what)) {
        (Some(class), Ok(message)) => vm.new_exception_of(&class, vec![message]),
        (_, Err(e)) => e,
        (None, Ok(_)) => vm.new_error(ExcKind::OSError, what),
    }
}

/// Runs `f` on the open file state; `ValueError` if closed.
fn with_open<R>(
    vm: &mut Vm,
    file: &Ref<FileObject>,
    f: impl FnOnce(&mut FileState) -> std::io::Result<R>,
) -> PyResult<R> {
    let result = file.state.with(|s| {
        s.file.as_ref()?;
        Some(f(s))
    });
    match result {
        None => Err(closed_error(vm)),
        Some(Ok(r)) => Ok(r),
        Some(Err(e)) => Err(os_error(vm, &e, None)),
    }
}

/// The closed check of the raw file layer (CPython's `FileIO`), whose
/// message has no full stop.
fn check_raw_open(vm: &mut Vm, file: &Ref<FileObject>) -> PyResult<()> {
    if file.state.with(|s| s.file.is_none()) {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(())
}

/// The computed attributes the file classes define themselves (`closed`
/// must not fall through to `_io._IOBase`'s flag).
pub const GETSETS: &[crate::builtins::descriptors::GetSetDef] =
    &[crate::builtins::descriptors::readonly("closed", |vm, v| {
        let f = this(vm, v)?.clone();
        Ok(Value::from_bool(f.state.with(|s| s.file.is_none())))
    })];

/// The computed attributes of text files (`_io._TextIOBase` has them as
/// `None`).
pub const TEXT_GETSETS: &[crate::builtins::descriptors::GetSetDef] = &[
    crate::builtins::descriptors::readonly("encoding", |vm, v| text_attribute(vm, v, "encoding")),
    crate::builtins::descriptors::readonly("errors", |vm, v| text_attribute(vm, v, "errors")),
    crate::builtins::descriptors::readonly("newlines", |vm, v| text_attribute(vm, v, "newlines")),
];

fn text_attribute(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Value> {
    Ok(file_attribute(vm, v, name)?.unwrap_or(Value::NONE))
}

/// What `open()`'s mode string asks for.
struct Mode {
    readable: bool,
    writable: bool,
    binary: bool,
    options: std::fs::OpenOptions,
    /// The `os.open` flags an `opener` is given.
    os_flags: i32,
}

impl Mode {
    /// The mode `FileIO` shows (CPython's choice: `w+` shows as `rb+`).
    fn raw_mode(&self) -> String {
        let plus = if self.readable && self.writable {
            "+"
        } else {
            ""
        };
        if self.os_flags & libc::O_EXCL != 0 {
            format!("xb{plus}")
        } else if self.os_flags & libc::O_APPEND != 0 {
            format!("ab{plus}")
        } else if self.readable {
            format!("rb{plus}")
        } else {
            "wb".to_owned()
        }
    }
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let invalid = |vm: &mut Vm| vm.value_error(&format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            return Err(invalid(vm));
        }
        seen.push(c);
    }
    let has = |c: char| seen.contains(c);
    let creating = ["r", "w", "a", "x"]
        .iter()
        .filter(|c| seen.contains(**c))
        .count();
    if has('b') && has('t') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if creating == 0 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if creating > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    let plus = has('+');
    let mut options = std::fs::OpenOptions::new();
    let (readable, writable) = if has('r') {
        options.read(true).write(plus);
        (true, plus)
    } else if has('w') {
        options.write(true).create(true).truncate(true).read(plus);
        (plus, true)
    } else if has('a') {
        options.append(true).create(true).read(plus);
        (plus, true)
    } else {
        options.write(true).create_new(true).read(plus);
        (plus, true)
    };
    let access = match (readable, writable) {
        (true, true) => libc::O_RDWR,
        (false, true) => libc::O_WRONLY,
        _ => libc::O_RDONLY,
    };
    let creation = if has('w') {
        libc::O_CREAT | libc::O_TRUNC
    } else if has('a') {
        libc::O_CREAT | libc::O_APPEND
    } else if has('x') {
        libc::O_CREAT | libc::O_EXCL
    } else {
        0
    };
    Ok(Mode {
        readable,
        writable,
        binary: has('b'),
        options,
        os_flags: access | creation | libc::O_CLOEXEC,
    })
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub fn builtin_open(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let file = args.required(0).clone();
    let descriptor = if crate::builtins::int::is_int(&file) {
        let fd = vm.index_i64(&file)?;
        match i32::try_from(fd) {
            Ok(fd) if fd >= 0 => Some(fd),
            Ok(_) => return Err(vm.value_error("negative file descriptor")),
            // CPython then tries the int as a path.
            Err(_) => {
                return Err(
                    vm.type_error("expected str, bytes or os.PathLike object, not int".into())
                );
            }
        }
    } else {
        None
    };
    let (file, path) = match descriptor {
        Some(_) => (file, std::path::PathBuf::new()),
        None => file_system_path(vm, file)?,
    };
    let mode_text = match args.get(1) {
        Some(m) => match vm.as_str(m) {
            Some(s) => s.as_lossy().into_owned(),
            None => {
                let tn = vm.type_name(m);
                return Err(vm.type_error(format!("open() argument 'mode' must be str, not {tn}")));
            }
        },
        None => "r".to_owned(),
    };
    let mode = parse_mode(vm, &mode_text)?;
    let encoding = args
        .get(3)
        .filter(|e| !e.is_none())
        .map(|e| vm.str_string(e))
        .transpose()?;
    let newline = match args.get(5).filter(|v| !v.is_none()) {
        None => None,
        Some(v) => match vm.as_str(v).map(|s| s.as_lossy().into_owned()) {
            Some(text) if ["", "\n", "\r", "\r\n"].contains(&text.as_str()) => Some(text),
            Some(text) => {
                return Err(vm.value_error(&format!("illegal newline value: {text}")));
            }
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "open() argument 'newline' must be str or None, not {tn}"
                )));
            }
        },
    };
    if mode.binary {
        for (i, what) in [(3, "an encoding"), (4, "an errors"), (5, "a newline")] {
            if args.get(i).is_some_and(|v| !v.is_none()) {
                return Err(vm.value_error(&format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let errors = match args.get(4).filter(|v| !v.is_none()) {
        None => None,
        Some(v) => match vm.as_str(v) {
            Some(text) => Some(text.as_lossy().into_owned()),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "open() argument 'errors' must be str or None, not {tn}"
                )));
            }
        },
    };
    let (encoding, codec) = match encoding.as_deref() {
        None | Some("locale") => (None, Codec::Utf8 { signature: false }),
        Some(enc) => match codecs::lookup(enc) {
            Some(codec @ (Codec::Utf8 { signature: false } | Codec::Ascii | Codec::Latin1)) => {
                (Some(enc.to_owned()), codec)
            }
            _ => {
                crate::builtins::str::codec_registry::lookup(vm, enc)?;
                return Err(vm.new_error(
                    ExcKind::NotImplementedError,
                    &format!(
                        "krait's open() supports only UTF-8, ASCII and Latin-1 text, not '{enc}'"
                    ),
                ));
            }
        },
    };
    let closefd = match args.get(6) {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    if !closefd && descriptor.is_none() {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    let opener = args.get(7).filter(|v| !v.is_none()).cloned();
    let descriptor = match (descriptor, opener) {
        (Some(fd), _) => Some(fd),
        (None, Some(opener)) => {
            let flags = Value::from_i64(i64::from(mode.os_flags));
            let fd = vm.call(&opener, &[file.clone(), flags], None)?;
            let fd = vm.index_i64(&fd)?;
            match i32::try_from(fd) {
                Ok(fd) if fd >= 0 => Some(fd),
                _ => return Err(vm.value_error(&format!("opener returned {fd}"))),
            }
        }
        (None, None) => None,
    };
    let opened = match descriptor {
        Some(fd) => adopt_descriptor(fd),
        None => mode.options.open(&path),
    };
    let handle = match opened {
        Ok(h) => h,
        Err(e) => return Err(os_error(vm, &e, Some(&file))),
    };
    if handle.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error(vm, &e, Some(&file)));
    }
    let unbuffered = match args.get(2) {
        Some(b) => vm.index_i64(b)? == 0,
        None => false,
    };
    if unbuffered && !mode.binary {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let mode_text = if unbuffered {
        mode.raw_mode()
    } else {
        mode_text
    };
    let class = match (mode.binary, mode.readable, mode.writable) {
        _ if unbuffered => vm.types.file_io.clone(),
        (false, _, _) => vm.types.text_io_wrapper.clone(),
        (true, true, true) => vm.types.buffered_random.clone(),
        (true, true, false) => vm.types.buffered_reader.clone(),
        (true, _, _) => vm.types.buffered_writer.clone(),
    };
    let obj = vm.alloc(
        &class,
        FileObject {
            state: PyCell::new(FileState {
                file: Some(handle),
                pending: Vec::new(),
                pos: 0,
                written: Vec::new(),
                closefd: closefd || descriptor.is_none(),
            }),
            name: file,
            mode: mode_text,
            readable: mode.readable,
            writable: mode.writable,
            binary: mode.binary,
            encoding: encoding.unwrap_or_else(|| "UTF-8".to_owned()),
            newline,
            raw: unbuffered,
            codec,
            errors: errors.unwrap_or_else(|| "strict".to_owned()),
        },
    )?;
    Ok(Value::from_object(obj.into_obj()))
}

/// The path `open()` is given (a str, bytes, or an `os.PathLike` whose
/// `__fspath__` gives one of those), as the value `name` shows and the
/// path to open.
fn file_system_path(vm: &mut Vm, file: Value) -> PyResult<(Value, std::path::PathBuf)> {
    use std::os::unix::ffi::OsStrExt;
    let file = if vm.as_str(&file).is_some() || is_bytes(&file) {
        file
    } else if let Some(fspath) = vm.lookup_special(&file, "__fspath__") {
        let path = vm.call(&fspath, &[], None)?;
        if vm.as_str(&path).is_none() && !is_bytes(&path) {
            let class = vm.type_name(&file);
            let tn = vm.type_name(&path);
            return Err(vm.type_error(format!(
                "expected {class}.__fspath__() to return str or bytes, not {tn}"
            )));
        }
        path
    } else {
        let tn = vm.type_name(&file);
        return Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {tn}"
        )));
    };
    let path = match vm.as_str(&file) {
        Some(s) => std::path::PathBuf::from(std::ffi::OsStr::from_bytes(s.as_bytes())),
        None => {
            let bytes = crate::builtins::bytes::bytes_like(&file)
                .map(|b| b.to_vec())
                .unwrap_or_default();
            std::path::PathBuf::from(std::ffi::OsStr::from_bytes(&bytes))
        }
    };
    Ok((file, path))
}

fn is_bytes(v: &Value) -> bool {
    v.as_object()
        .and_then(|o| o.downcast::<crate::builtins::bytes::Bytes>())
        .is_some()
}

/// A `File` over descriptor `fd`, which must be open (else `EBADF`).
fn adopt_descriptor(fd: i32) -> std::io::Result<std::fs::File> {
    use std::os::fd::{FromRawFd, IntoRawFd};
    // SAFETY: the descriptor is only used through this `File`; when it is
    // not valid, `metadata` fails and the descriptor is given back without
    // being closed. With `closefd=False` the file object gives it back
    // (`FileState::release`) instead of closing it.
    let file = unsafe { std::fs::File::from_raw_fd(fd) };
    if let Err(e) = file.metadata() {
        let _ = file.into_raw_fd();
        return Err(e);
    }
    Ok(file)
}

/// Text of up to `limit` characters (all if `None`), or one line if
/// `line`. With universal newlines (`newline` `None`) `\r\n` and `\r`
/// become `\n`; otherwise the text is kept and a line ends at `newline`
/// (at any of the three endings for `""`). Returns the text and the
/// number of raw bytes it used.
fn take_text(
    raw: &[u8],
    limit: Option<usize>,
    line: bool,
    newline: Option<&str>,
    single_byte: bool,
) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut chars = 0usize;
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        if limit.is_some_and(|n| chars >= n) {
            break;
        }
        let crlf = b == b'\r' && raw.get(i + 1) == Some(&b'\n');
        if b == b'\r' && newline.is_none() {
            out.push(b'\n');
            i += if crlf { 2 } else { 1 };
            chars += 1;
            if line {
                break;
            }
            continue;
        }
        out.push(b);
        i += 1;
        if single_byte || b & 0xc0 != 0x80 {
            chars += 1;
        }
        if !line {
            continue;
        }
        let ends = match newline {
            None | Some("\n") => b == b'\n',
            Some("") => b == b'\n' || (b == b'\r' && !crlf),
            Some("\r") => b == b'\r',
            Some(_) => b == b'\n' && out.ends_with(b"\r\n"),
        };
        if ends {
            break;
        }
    }
    // Finish a character whose first byte was taken.
    while let Some(&b) = raw.get(i) {
        if single_byte || b & 0xc0 != 0x80 {
            break;
        }
        out.push(b);
        i += 1;
    }
    (out, i)
}

/// Reads from a file object: `size` items (characters or bytes; `None`
/// for all), or one line.
fn read_some(vm: &mut Vm, v: &Value, size: Option<usize>, line: bool) -> PyResult<Value> {
    let f = this(vm, v)?.clone();
    if f.raw {
        check_raw_open(vm, &f)?;
    }
    if !f.readable {
        let closed = f.state.with(|s| s.file.is_none());
        if closed {
            return Err(closed_error(vm));
        }
        return Err(unsupported(
            vm,
            if f.binary { "read" } else { "not readable" },
        ));
    }
    let binary = f.binary;
    let data = with_open(vm, &f, |s| {
        if s.unread().is_empty() || (!line && size.is_none()) {
            s.fill()?;
        }
        let raw = s.unread();
        let (data, used) = if binary {
            let n = match (size, line) {
                (_, true) => {
                    let end = raw
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(raw.len(), |i| i + 1);
                    size.map_or(end, |n| end.min(n))
                }
                (Some(n), false) => n.min(raw.len()),
                (None, false) => raw.len(),
            };
            (raw.get(..n).unwrap_or(&[]).to_vec(), n)
        } else {
            let single_byte = !matches!(f.codec, Codec::Utf8 { .. });
            take_text(raw, size, line, f.newline.as_deref(), single_byte)
        };
        s.pos += used;
        Ok(data)
    })?;
    if binary {
        vm.new_bytes(data)
    } else {
        Ok(codecs::decode_native(vm, &data, f.codec, &f.errors, true)?.0)
    }
}

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v.filter(|v| !v.is_none()) {
        None => Ok(None),
        Some(v) => {
            let n = vm.index_i64(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn write(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let f = this(vm, args.this())?.clone();
    let data = args.required(1);
    let (bytes, count) = if f.binary {
        match crate::builtins::bytes::bytes_like(data) {
            Some(b) => (b.to_vec(), b.len()),
            None => {
                let tn = vm.type_name(data);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            }
        }
    } else {
        match vm.as_str(data) {
            Some(s) => {
                let s = s.clone();
                let count = s.char_len();
                let translated = match f.newline.as_deref() {
                    Some(ending @ ("\r" | "\r\n")) if s.as_bytes().contains(&b'\n') => {
                        let mut wtf8 = Vec::with_capacity(s.as_bytes().len());
                        for &b in s.as_bytes() {
                            if b == b'\n' {
                                wtf8.extend_from_slice(ending.as_bytes());
                            } else {
                                wtf8.push(b);
                            }
                        }
                        Some(crate::builtins::str::Str::from_wtf8_vec(wtf8))
                    }
                    _ => None,
                };
                let text = translated.as_ref().unwrap_or(&s);
                let bytes = codecs::encode_native(vm, text, data, f.codec, &f.errors)?;
                (bytes, count)
            }
            None => {
                let tn = vm.type_name(data);
                return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
            }
        }
    };
    if f.state.with(|s| s.file.is_none()) {
        return Err(closed_error(vm));
    }
    if !f.writable {
        return Err(unsupported(
            vm,
            if f.binary { "write" } else { "not writable" },
        ));
    }
    with_open(vm, &f, |s| {
        if !s.unread().is_empty() {
            // Writing after reading ahead: put the file back where the reader is.
            let back = s.unread().len() as i64;
            if let Some(file) = s.file.as_mut() {
                file.seek(SeekFrom::Current(-back))?;
            }
            s.pending.clear();
            s.pos = 0;
        }
        s.written.extend_from_slice(&bytes);
        if s.written.len() >= WRITE_BUFFER {
            s.flush()?;
        }
        Ok(())
    })?;
    Ok(Value::from_i64(count as i64))
}

fn close(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let f = this(vm, v)?.clone();
    let result = f.state.with(|s| {
        let r = s.flush();
        s.release();
        s.pending.clear();
        s.pos = 0;
        r
    });
    result.map_err(|e| os_error(vm, &e, None))
}

/// The attributes of a file object (`name`, `mode`, `closed`, ...).
pub fn file_attribute(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(f) = v
        .as_object()
        .and_then(|o| o.downcast::<FileObject>())
        .cloned()
    else {
        return Ok(None);
    };
    Ok(match name {
        "name" => Some(f.name.clone()),
        "mode" => Some(vm.new_str(&f.mode)?),
        "closed" => Some(Value::from_bool(f.state.with(|s| s.file.is_none()))),
        "closefd" if f.raw => Some(Value::from_bool(f.state.with(|s| s.closefd))),
        "encoding" if !f.binary => Some(vm.new_str(&f.encoding)?),
        "errors" if !f.binary => Some(vm.new_str(&f.errors)?),
        "newlines" if !f.binary => Some(Value::NONE),
        "line_buffering" if !f.binary => Some(Value::from_bool(false)),
        _ => None,
    })
}

/// Installs the slots of the file classes.
pub fn init_types(vm: &Vm) {
    vm.types.file_io.slots.new.set(Some(file_io_new));
    for t in [
        &vm.types.text_io_wrapper,
        &vm.types.buffered_reader,
        &vm.types.buffered_writer,
        &vm.types.buffered_random,
    ] {
        t.slots.new.set(Some(|vm, cls, _args, _kw| {
            Err(vm.new_error(
                ExcKind::NotImplementedError,
                &format!(
                    "krait cannot construct _io.{} over a stream yet (only open() makes one)",
                    cls.name
                ),
            ))
        }));
    }
    for t in [
        &vm.types.file_io,
        &vm.types.text_io_wrapper,
        &vm.types.buffered_reader,
        &vm.types.buffered_writer,
        &vm.types.buffered_random,
    ] {
        init_type(t);
    }
}

fn init_type(t: &TypeObject) {
    t.slots.iter.set(Some(|vm, v| {
        let f = this(vm, v)?;
        if f.state.with(|s| s.file.is_none()) {
            return Err(closed_error(vm));
        }
        Ok(v.clone())
    }));
    t.slots.next.set(Some(|vm, v| {
        let line = read_some(vm, v, None, true)?;
        let empty = match vm.as_str(&line) {
            Some(s) => s.char_len() == 0,
            None => vm.len(&line)? == 0,
        };
        Ok((!empty).then_some(line))
    }));
    t.slots.repr.set(Some(|vm, v| {
        let f = this(vm, v)?.clone();
        let class = vm.type_of(v).name.to_string();
        let (closed, closefd) = f.state.with(|s| (s.file.is_none(), s.closefd));
        if class == "FileIO" && closed {
            return vm.new_str("<_io.FileIO [closed]>");
        }
        let name = vm.repr_string(&f.name)?;
        let text = if class == "FileIO" {
            let closefd = if closefd { "True" } else { "False" };
            format!(
                "<_io.FileIO name={name} mode='{}' closefd={closefd}>",
                f.mode
            )
        } else if f.binary {
            format!("<_io.{class} name={name}>")
        } else {
            format!(
                "<_io.{class} name={name} mode='{}' encoding='{}'>",
                f.mode, f.encoding
            )
        };
        vm.new_str(&text)
    }));
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`: `open()` with
/// `buffering=0` and binary mode.
fn file_io_new(
    vm: &mut Vm,
    _cls: &crate::types::TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let bound = crate::static_signature!("(file, mode='r', closefd=True, opener=None)")
        .bind(vm, "FileIO", args, kwnames)?;
    let mode = match bound.get(1) {
        Some(m) => match vm.as_str(m).map(|s| s.as_lossy().into_owned()) {
            Some(text) if text.contains('t') => {
                return Err(vm.value_error(&format!("invalid mode: {text}")));
            }
            Some(text) if text.contains('b') => text,
            Some(text) => format!("{text}b"),
            None => {
                let tn = vm.type_name(m);
                return Err(
                    vm.type_error(format!("FileIO() argument 'mode' must be str, not {tn}"))
                );
            }
        },
        None => "rb".to_owned(),
    };
    let mode = vm.new_str(&mode)?;
    let closefd = bound.get(2).cloned().unwrap_or(Value::from_bool(true));
    let opener = bound.get(3).cloned().unwrap_or(Value::NONE);
    let open_args = [
        bound.required(0).clone(),
        mode,
        Value::from_i64(0),
        Value::NONE,
        Value::NONE,
        Value::NONE,
        closefd,
        opener,
    ];
    let open_args = crate::static_signature!(
        "(file, mode, buffering, encoding, errors, newline, closefd, opener)"
    )
    .bind(vm, "open", &open_args, None)?;
    builtin_open(vm, &open_args)
}

/// The methods only `FileIO` has.
pub const FILE_IO_METHODS: &[MethodDef] = &[
    method("readall", "(self, /)", |vm, args| {
        read_some(vm, args.this(), None, false)
    }),
    method("readinto", "(self, buffer, /)", |vm, args| {
        let target = args.required(1).clone();
        let length = vm.len(&target)?;
        let data = read_some(vm, args.this(), Some(length), false)?;
        let bytes = crate::builtins::bytes::bytes_like(&data)
            .map(|b| b.to_vec())
            .unwrap_or_default();
        let Some(array) = target
            .as_object()
            .and_then(|o| o.downcast::<crate::builtins::bytearray::ByteArray>())
            .cloned()
        else {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait's readinto() supports only a bytearray target",
            ));
        };
        array.data.with(|d| {
            for (slot, byte) in d.iter_mut().zip(bytes.iter()) {
                *slot = *byte;
            }
        });
        Ok(Value::from_i64(bytes.len() as i64))
    }),
];

/// The methods of file objects.
pub const METHODS: &[MethodDef] = &[
    method("read", "(self, size=-1, /)", |vm, args| {
        let size = size_arg(vm, args.get(1))?;
        read_some(vm, args.this(), size, false)
    }),
    method("readline", "(self, size=-1, /)", |vm, args| {
        let size = size_arg(vm, args.get(1))?;
        read_some(vm, args.this(), size, true)
    }),
    method("readlines", "(self, hint=-1, /)", |vm, args| {
        let v = args.this().clone();
        let hint = size_arg(vm, args.get(1))?.filter(|&n| n > 0);
        let mut lines = Vec::new();
        let mut total = 0usize;
        while let Some(line) = vm.next(&v)? {
            total = total.saturating_add(vm.len(&line)?);
            lines.push(line);
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        vm.new_list(lines)
    }),
    method("truncate", "(self, pos=None, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        if f.state.with(|s| s.file.is_none()) {
            return Err(closed_error(vm));
        }
        if !f.writable {
            let what = if f.raw {
                "File not open for writing"
            } else {
                "truncate"
            };
            return Err(unsupported(vm, what));
        }
        let size = match args.get(1).filter(|v| !v.is_none()) {
            Some(v) => Some(vm.index_i64(v)?),
            None => None,
        };
        if let Some(n) = size.filter(|n| *n < 0) {
            let e = std::io::Error::from_raw_os_error(22);
            let _ = n;
            return Err(os_error(vm, &e, None));
        }
        let size = with_open(vm, &f, |s| {
            s.flush()?;
            let back = s.unread().len() as u64;
            let file = s.file.as_mut().ok_or(std::io::ErrorKind::Other)?;
            let here = file.stream_position()?.saturating_sub(back);
            let size = size.map_or(here, |n| n.unsigned_abs());
            file.set_len(size)?;
            Ok(size)
        })?;
        Ok(Value::from_i64(size as i64))
    }),
    method("write", "(self, data, /)", write),
    method("writelines", "(self, lines, /)", |vm, args| {
        let v = args.this().clone();
        let write = vm.get_attr_str(&v, "write")?;
        let it = vm.iter(args.required(1))?;
        while let Some(line) = vm.next(&it)? {
            vm.call(&write, &[line], None)?;
        }
        Ok(Value::NONE)
    }),
    method("flush", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        with_open(vm, &f, FileState::flush)?;
        Ok(Value::NONE)
    }),
    method("close", "(self, /)", |vm, args| {
        close(vm, args.this())?;
        Ok(Value::NONE)
    }),
    method("seek", "(self, cookie, whence=0, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        let offset = vm.index_i64(args.required(1))?;
        let whence = match args.get(2) {
            Some(w) => vm.index_i64(w)?,
            None => 0,
        };
        let target = match whence {
            0 => match u64::try_from(offset) {
                Ok(o) => SeekFrom::Start(o),
                Err(_) => {
                    return Err(vm.value_error(&format!("negative seek position {offset}")));
                }
            },
            1 => SeekFrom::Current(offset),
            2 => SeekFrom::End(offset),
            _ => {
                return Err(
                    vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))
                );
            }
        };
        let pos = with_open(vm, &f, |s| {
            s.flush()?;
            let back = s.unread().len() as i64;
            s.pending.clear();
            s.pos = 0;
            let file = s.file.as_mut().ok_or(std::io::ErrorKind::Other)?;
            if let SeekFrom::Current(_) = target {
                file.seek(SeekFrom::Current(-back))?;
            }
            file.seek(target)
        })?;
        Ok(Value::from_i64(pos as i64))
    }),
    method("tell", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        let pos = with_open(vm, &f, |s| {
            s.flush()?;
            let back = s.unread().len() as u64;
            let file = s.file.as_mut().ok_or(std::io::ErrorKind::Other)?;
            Ok(file.stream_position()?.saturating_sub(back))
        })?;
        Ok(Value::from_i64(pos as i64))
    }),
    method("fileno", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        check_raw_open(vm, &f)?;
        let fd = with_open(vm, &f, |s| {
            use std::os::fd::AsRawFd;
            Ok(s.file.as_ref().map_or(-1, |f| f.as_raw_fd()))
        })?;
        Ok(Value::from_i64(i64::from(fd)))
    }),
    method("readable", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        check_raw_open(vm, &f)?;
        Ok(Value::from_bool(f.readable))
    }),
    method("writable", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        check_raw_open(vm, &f)?;
        Ok(Value::from_bool(f.writable))
    }),
    method("seekable", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        check_raw_open(vm, &f)?;
        Ok(Value::from_bool(true))
    }),
    method("isatty", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        check_raw_open(vm, &f)?;
        Ok(Value::from_bool(false))
    }),
    method("__enter__", "(self, /)", |vm, args| {
        let f = this(vm, args.this())?.clone();
        with_open(vm, &f, |_| Ok(()))?;
        Ok(args.this().clone())
    }),
    method("__exit__", "(self, *args)", |vm, args| {
        close(vm, args.this())?;
        Ok(Value::NONE)
    }),
];

#[cfg(test)]
mod tests {
    use super::take_text;

    #[test]
    fn universal_newlines_translate_on_reading() {
        let (text, used) = take_text(b"a\r\nb\rc", None, false, None, false);
        assert_eq!(text, b"a\nb\nc");
        assert_eq!(used, 6);
        let (line, used) = take_text(b"a\r\nb", None, true, None, false);
        assert_eq!((line.as_slice(), used), (&b"a\n"[..], 3));
    }

    #[test]
    fn other_newline_modes_keep_the_text() {
        let (line, _) = take_text(b"a\rb\r\nc", None, true, Some(""), false);
        assert_eq!(line, b"a\r");
        let (line, _) = take_text(b"a\rb\r\nc", None, true, Some("\r\n"), false);
        assert_eq!(line, b"a\rb\r\n");
        let (line, _) = take_text(b"a\rb", None, true, Some("\r"), false);
        assert_eq!(line, b"a\r");
    }

    #[test]
    fn sizes_count_characters() {
        let (text, used) = take_text("éa".as_bytes(), Some(1), false, None, false);
        assert_eq!((text.as_slice(), used), ("é".as_bytes(), 2));
        let (text, used) = take_text(b"\xe9a", Some(1), false, None, true);
        assert_eq!((text.as_slice(), used), (&b"\xe9"[..], 1));
    }
}
