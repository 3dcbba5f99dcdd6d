//! `sys.stdin`, `sys.stdout` and `sys.stderr`: simple text streams over the
//! process's standard file descriptors, shown as CPython's
//! `_io.TextIOWrapper`. Standard output goes through the interpreter's
//! buffer (the one `print` uses, so their output stays in order);
//! standard error is written at once; standard input is read a line at a
//! time (UTF-8, `\r\n` read as `\n`). Binary access (`.buffer`) is not
//! provided yet.

use std::io::{BufRead, IsTerminal, Read, Write};

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::builtins::str::Str;
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::TypeRef;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// Which standard stream.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StreamKind {
    /// File descriptor 0.
    Stdin,
    /// File descriptor 1.
    Stdout,
    /// File descriptor 2.
    Stderr,
}

/// The payload of a standard stream object.
pub struct StandardStream {
    /// Which stream.
    pub kind: StreamKind,
    /// Whether `close()` was called.
    pub closed: PyCell<bool>,
}

impl StreamKind {
    fn name(self) -> &'static str {
        match self {
            StreamKind::Stdin => "<stdin>",
            StreamKind::Stdout => "<stdout>",
            StreamKind::Stderr => "<stderr>",
        }
    }

    fn mode(self) -> &'static str {
        match self {
            StreamKind::Stdin => "r",
            _ => "w",
        }
    }

    fn errors(self) -> &'static str {
        match self {
            StreamKind::Stderr => "backslashreplace",
            _ => "strict",
        }
    }

    fn fileno(self) -> i64 {
        match self {
            StreamKind::Stdin => 0,
            StreamKind::Stdout => 1,
            StreamKind::Stderr => 2,
        }
    }

    fn is_terminal(self) -> bool {
        match self {
            StreamKind::Stdin => std::io::stdin().is_terminal(),
            StreamKind::Stdout => std::io::stdout().is_terminal(),
            StreamKind::Stderr => std::io::stderr().is_terminal(),
        }
    }
}

/// Creates the stream type (`_io.TextIOWrapper`).
pub fn new_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<StandardStream>("_io", "TextIOWrapper", None, 0, METHODS)?;
    ty.slots.repr.set(Some(repr));
    ty.slots.getattro.set(Some(getattr));
    ty.slots.iter.set(Some(|vm, v| {
        check_open(vm, v)?;
        Ok(v.clone())
    }));
    ty.slots.next.set(Some(|vm, v| {
        let line = read_line(vm, v)?;
        Ok(if line.is_empty() {
            None
        } else {
            Some(vm.new_str(&line)?)
        })
    }));
    ty.bump_version();
    Ok(ty)
}

/// A standard stream object of type `ty`.
pub fn new_stream(vm: &mut Vm, ty: &TypeRef, kind: StreamKind) -> PyResult<Value> {
    let stream = vm.alloc(
        ty,
        StandardStream {
            kind,
            closed: PyCell::new(false),
        },
    )?;
    Ok(Value::from_object(stream.into_obj()))
}

fn stream(vm: &mut Vm, v: &Value) -> PyResult<Ref<StandardStream>> {
    match v.as_object().and_then(|o| o.downcast::<StandardStream>()) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor requires a '_io.TextIOWrapper' object".into())),
    }
}

fn check_open(vm: &mut Vm, v: &Value) -> PyResult<Ref<StandardStream>> {
    let s = stream(vm, v)?;
    if s.closed.get() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(s)
}

/// `io.UnsupportedOperation` is not there yet: an `OSError` with its message.
fn unsupported(vm: &mut Vm, what: &str) -> PyErr {
    vm.new_error(ExcKind::OSError, what)
}

fn io_error(vm: &mut Vm, error: &std::io::Error) -> PyErr {
    let errno = error.raw_os_error().unwrap_or(0);
    vm.new_error(ExcKind::OSError, &format!("[Errno {errno}] {error}"))
}

/// Reads one line of standard input (`""` at end of file).
fn read_line(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = check_open(vm, v)?;
    if s.kind != StreamKind::Stdin {
        return Err(unsupported(vm, "not readable"));
    }
    vm.flush_stdout();
    let mut bytes = Vec::new();
    if let Err(error) = std::io::stdin().lock().read_until(b'\n', &mut bytes) {
        return Err(io_error(vm, &error));
    }
    Ok(decode(&bytes))
}

fn decode(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

fn optional_size(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v.filter(|v| !v.is_none()) {
        None => Ok(None),
        Some(v) => match vm.index_value(v)? {
            Some(n) if n >= 0 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
            Some(_) => Ok(None),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("argument should be integer or None, not '{tn}'")))
            }
        },
    }
}

/// `repr(stream)`: `<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>`.
fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = stream(vm, v)?;
    vm.new_str(&format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        s.kind.name(),
        s.kind.mode()
    ))
}

/// The data attributes: `name`, `mode`, `encoding`, `errors`, `closed`,
/// `line_buffering`, `newlines`.
fn getattr(vm: &mut Vm, v: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let s = stream(vm, v)?;
    let kind = s.kind;
    match &*name.as_lossy() {
        "name" => vm.new_str(kind.name()),
        "mode" => vm.new_str(kind.mode()),
        "encoding" => vm.new_str("utf-8"),
        "errors" => vm.new_str(kind.errors()),
        "closed" => Ok(Value::from_bool(s.closed.get())),
        "line_buffering" => Ok(Value::from_bool(
            kind == StreamKind::Stdout && kind.is_terminal(),
        )),
        "newlines" => Ok(Value::NONE),
        "buffer" => Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait's standard streams have no binary buffer (.buffer) yet",
        )),
        _ => krait_vm::builtins::object::generic_getattr(vm, v, name),
    }
}

const METHODS: &[MethodDef] = &[
    method("write", "(self, text, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        let Some(text) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
        };
        match s.kind {
            StreamKind::Stdin => return Err(unsupported(vm, "not writable")),
            StreamKind::Stdout => vm.write_stdout(&text.as_lossy()),
            StreamKind::Stderr => {
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(text.as_lossy().as_bytes());
                let _ = err.flush();
            }
        }
        Ok(Value::from_i64(
            i64::try_from(text.char_len()).unwrap_or(i64::MAX),
        ))
    }),
    method("flush", "(self, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        match s.kind {
            StreamKind::Stdout => vm.flush_stdout(),
            StreamKind::Stderr => {
                let _ = std::io::stderr().flush();
            }
            StreamKind::Stdin => {}
        }
        Ok(Value::NONE)
    }),
    method("readline", "(self, size=-1, /)", |vm, args| {
        let limit = optional_size(vm, args.get(1))?;
        let line = read_line(vm, args.this())?;
        let line = match limit {
            Some(n) => line.chars().take(n).collect(),
            None => line,
        };
        vm.new_str(&line)
    }),
    method("read", "(self, size=-1, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        if s.kind != StreamKind::Stdin {
            return Err(unsupported(vm, "not readable"));
        }
        if optional_size(vm, args.get(1))?.is_some() {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait's sys.stdin.read() reads everything (no size) yet",
            ));
        }
        vm.flush_stdout();
        let mut bytes = Vec::new();
        if let Err(error) = std::io::stdin().lock().read_to_end(&mut bytes) {
            return Err(io_error(vm, &error));
        }
        vm.new_str(&decode(&bytes))
    }),
    method("readlines", "(self, hint=-1, /)", |vm, args| {
        let mut lines = Vec::new();
        loop {
            let line = read_line(vm, args.this())?;
            if line.is_empty() {
                break;
            }
            lines.push(vm.new_str(&line)?);
        }
        vm.new_list(lines)
    }),
    method("fileno", "(self, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        Ok(Value::from_i64(s.kind.fileno()))
    }),
    method("isatty", "(self, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        Ok(Value::from_bool(s.kind.is_terminal()))
    }),
    method("readable", "(self, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        Ok(Value::from_bool(s.kind == StreamKind::Stdin))
    }),
    method("writable", "(self, /)", |vm, args| {
        let s = check_open(vm, args.this())?;
        Ok(Value::from_bool(s.kind != StreamKind::Stdin))
    }),
    method("seekable", "(self, /)", |vm, args| {
        check_open(vm, args.this())?;
        Ok(Value::from_bool(false))
    }),
    method("close", "(self, /)", |vm, args| {
        let s = stream(vm, args.this())?;
        if s.kind == StreamKind::Stdout {
            vm.flush_stdout();
        }
        s.closed.with(|c| *c = true);
        Ok(Value::NONE)
    }),
    method("__enter__", "(self, /)", |vm, args| {
        check_open(vm, args.this())?;
        Ok(args.this().clone())
    }),
    method("__exit__", "(self, *args)", |vm, args| {
        let s = stream(vm, args.this())?;
        if s.kind == StreamKind::Stdout {
            vm.flush_stdout();
        }
        s.closed.with(|c| *c = true);
        Ok(Value::NONE)
    }),
];

/// Streams hold no references to other objects.
impl krait_vm::gc::Payload for StandardStream {}
