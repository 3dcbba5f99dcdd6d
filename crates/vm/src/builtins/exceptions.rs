//! The builtin exception hierarchy. Every exception instance — of a builtin
//! class or a user subclass — carries [`BaseException`]: `args`,
//! `__traceback__`, `__cause__`, `__context__`, `__suppress_context__`,
//! `__notes__`, an attribute dict, and the fields of its family
//! (`OSError.errno`, `SyntaxError.lineno`, `StopIteration.value`, ...),
//! exposed as getset descriptors on the family's root class. The classes
//! are created from one table ([`ExcKind`]); each family declares its
//! constructor, `str()` and fields once. Exception groups live in
//! `exception_group.rs`.

use crate::builtins::descriptors::{GetSetDef, getset};
use crate::builtins::exception_family::{ExcKinds, exc_kinds};
use crate::builtins::instance::InstanceDict;
use crate::builtins::native::{MethodDef, method, slot_method};
use crate::builtins::tuple::Tuple;
use crate::error::{PyErr, PyResult};
use crate::object::heap::AllocError;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef, flags};
use crate::value::Value;

/// The payload of every exception instance.
#[derive(Default)]
pub struct BaseException {
    /// `args` (a tuple).
    pub args: PyCell<Value>,
    /// `__traceback__`.
    pub traceback: PyCell<Value>,
    /// `__cause__`.
    pub cause: PyCell<Value>,
    /// `__context__`.
    pub context: PyCell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: PyCell<bool>,
    /// `__notes__`, once set.
    pub notes: PyCell<Option<Value>>,
    /// The family's fields, by the family's field index (`None` if unset).
    pub fields: PyCell<Vec<Value>>,
    /// Other attributes.
    pub dict: InstanceDict,
}

impl BaseException {
    /// An exception payload with `args`.
    pub fn with_args(args: Value) -> BaseException {
        BaseException {
            args: PyCell::new(args),
            ..BaseException::default()
        }
    }

    /// Field `index` of the exception's family (`None` if unset).
    pub fn field(&self, index: usize) -> Value {
        self.fields
            .with(|f| f.get(index).cloned())
            .unwrap_or(Value::NONE)
    }

    /// Sets field `index`.
    pub fn set_field(&self, index: usize, value: Value) {
        let old = self.fields.with(|f| {
            if f.len() <= index {
                f.resize(index + 1, Value::NONE);
            }
            std::mem::replace(&mut f[index], value)
        });
        drop(old);
    }
}

macro_rules! exception_kinds {
    ($($name:ident : $base:expr $(, $second:expr)?);* $(;)?) => {
        /// The builtin exception classes, in creation order (bases first).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[allow(clippy::enum_variant_names)]
        pub enum ExcKind { $($name),* }
        impl ExcKind {
            /// Every kind with its base (`None` for `BaseException`).
            pub const ALL: &'static [(ExcKind, &'static str, Option<ExcKind>)] = &[
                $((ExcKind::$name, stringify!($name), $base)),*
            ];
            /// A second base, for the one builtin exception with two
            /// (`ExceptionGroup(BaseExceptionGroup, Exception)`).
            pub fn second_base(self) -> Option<ExcKind> {
                match self {
                    $($(ExcKind::$name => Some($second),)?)*
                    _ => None,
                }
            }
        }
    };
}

use ExcKind as K;
exception_kinds! {
    BaseException: None;
    BaseExceptionGroup: Some(K::BaseException);
    GeneratorExit: Some(K::BaseException);
    KeyboardInterrupt: Some(K::BaseException);
    SystemExit: Some(K::BaseException);
    Exception: Some(K::BaseException);
    ArithmeticError: Some(K::Exception);
    FloatingPointError: Some(K::ArithmeticError);
    OverflowError: Some(K::ArithmeticError);
    ZeroDivisionError: Some(K::ArithmeticError);
    AssertionError: Some(K::Exception);
    AttributeError: Some(K::Exception);
    BufferError: Some(K::Exception);
    EOFError: Some(K::Exception);
    ExceptionGroup: Some(K::BaseExceptionGroup), K::Exception;
    ImportError: Some(K::Exception);
    ModuleNotFoundError: Some(K::ImportError);
    LookupError: Some(K::Exception);
    IndexError: Some(K::LookupError);
    KeyError: Some(K::LookupError);
    MemoryError: Some(K::Exception);
    NameError: Some(K::Exception);
    UnboundLocalError: Some(K::NameError);
    OSError: Some(K::Exception);
    BlockingIOError: Some(K::OSError);
    ChildProcessError: Some(K::OSError);
    ConnectionError: Some(K::OSError);
    BrokenPipeError: Some(K::ConnectionError);
    ConnectionAbortedError: Some(K::ConnectionError);
    ConnectionRefusedError: Some(K::ConnectionError);
    ConnectionResetError: Some(K::ConnectionError);
    FileExistsError: Some(K::OSError);
    FileNotFoundError: Some(K::OSError);
    InterruptedError: Some(K::OSError);
    IsADirectoryError: Some(K::OSError);
    NotADirectoryError: Some(K::OSError);
    PermissionError: Some(K::OSError);
    ProcessLookupError: Some(K::OSError);
    TimeoutError: Some(K::OSError);
    ReferenceError: Some(K::Exception);
    RuntimeError: Some(K::Exception);
    NotImplementedError: Some(K::RuntimeError);
    PythonFinalizationError: Some(K::RuntimeError);
    RecursionError: Some(K::RuntimeError);
    StopAsyncIteration: Some(K::Exception);
    StopIteration: Some(K::Exception);
    SyntaxError: Some(K::Exception);
    IndentationError: Some(K::SyntaxError);
    TabError: Some(K::IndentationError);
    SystemError: Some(K::Exception);
    TypeError: Some(K::Exception);
    ValueError: Some(K::Exception);
    UnicodeError: Some(K::ValueError);
    UnicodeDecodeError: Some(K::UnicodeError);
    UnicodeEncodeError: Some(K::UnicodeError);
    UnicodeTranslateError: Some(K::UnicodeError);
    Warning: Some(K::Exception);
    BytesWarning: Some(K::Warning);
    DeprecationWarning: Some(K::Warning);
    EncodingWarning: Some(K::Warning);
    FutureWarning: Some(K::Warning);
    ImportWarning: Some(K::Warning);
    PendingDeprecationWarning: Some(K::Warning);
    ResourceWarning: Some(K::Warning);
    RuntimeWarning: Some(K::Warning);
    SyntaxWarning: Some(K::Warning);
    UnicodeWarning: Some(K::Warning);
    UserWarning: Some(K::Warning);
}

/// Other names the builtins module gives exception classes.
pub const ALIASES: &[(&str, ExcKind)] = &[
    ("IOError", ExcKind::OSError),
    ("EnvironmentError", ExcKind::OSError),
];

/// The field indices of each exception family.
pub mod field {
    /// `StopIteration.value`, `StopAsyncIteration.value`.
    pub const VALUE: usize = 0;
    /// `SystemExit.code`.
    pub const CODE: usize = 0;
    /// `AttributeError.name`, `NameError.name`.
    pub const NAME: usize = 0;
    /// `AttributeError.obj`.
    pub const OBJ: usize = 1;
    /// `ImportError.msg`.
    pub const IMPORT_MSG: usize = 0;
    /// `ImportError.name`.
    pub const IMPORT_NAME: usize = 1;
    /// `ImportError.path`.
    pub const IMPORT_PATH: usize = 2;
    /// `ImportError.name_from`.
    pub const IMPORT_NAME_FROM: usize = 3;
    /// `OSError.errno`.
    pub const ERRNO: usize = 0;
    /// `OSError.strerror`.
    pub const STRERROR: usize = 1;
    /// `OSError.filename`.
    pub const FILENAME: usize = 2;
    /// `OSError.filename2`.
    pub const FILENAME2: usize = 3;
    /// `BlockingIOError.characters_written`.
    pub const CHARACTERS_WRITTEN: usize = 4;
    /// `SyntaxError.msg`.
    pub const SYNTAX_MSG: usize = 0;
    /// `SyntaxError.filename`.
    pub const SYNTAX_FILENAME: usize = 1;
    /// `SyntaxError.lineno`.
    pub const SYNTAX_LINENO: usize = 2;
    /// `SyntaxError.offset`.
    pub const SYNTAX_OFFSET: usize = 3;
    /// `SyntaxError.text`.
    pub const SYNTAX_TEXT: usize = 4;
    /// `SyntaxError.end_lineno`.
    pub const SYNTAX_END_LINENO: usize = 5;
    /// `SyntaxError.end_offset`.
    pub const SYNTAX_END_OFFSET: usize = 6;
    /// `SyntaxError.print_file_and_line`.
    pub const SYNTAX_PRINT_FILE_AND_LINE: usize = 7;
    /// `SyntaxError._metadata`.
    pub const SYNTAX_METADATA: usize = 8;
    /// `UnicodeError.encoding`.
    pub const UNICODE_ENCODING: usize = 0;
    /// `UnicodeError.object`.
    pub const UNICODE_OBJECT: usize = 1;
    /// `UnicodeError.start`.
    pub const UNICODE_START: usize = 2;
    /// `UnicodeError.end`.
    pub const UNICODE_END: usize = 3;
    /// `UnicodeError.reason`.
    pub const UNICODE_REASON: usize = 4;
    /// `BaseExceptionGroup.message`.
    pub const GROUP_MESSAGE: usize = 0;
    /// `BaseExceptionGroup.exceptions`.
    pub const GROUP_EXCEPTIONS: usize = 1;
}

/// The exception payload of a value, if it is an exception.
pub fn as_exception(v: &Value) -> Option<&Ref<BaseException>> {
    v.as_object()?.downcast::<BaseException>()
}

impl Vm {
    /// Creates an exception of class `kind` with `args`.
    pub fn new_exception(&mut self, kind: ExcKind, args: Vec<Value>) -> PyErr {
        let class = self.exc_type(kind).clone();
        self.new_exception_of(&class, args)
    }

    /// Creates an exception instance of `class` with `args`, its family's
    /// fields filled from them as its constructor would (no Python code
    /// runs; arguments a constructor would reject leave the fields unset).
    pub fn new_exception_of(&mut self, class: &TypeRef, args: Vec<Value>) -> PyErr {
        let args = match self.new_tuple(args) {
            Ok(t) => t,
            Err(e) => return e,
        };
        let e = match self.alloc(class, BaseException::with_args(args)) {
            Ok(e) => e,
            Err(e) => return e,
        };
        let kinds = exc_kinds(self, class);
        let _ = fill_family_fields(self, &e, kinds);
        PyErr(e)
    }

    /// An exception of `kind` whose one argument is `message`.
    pub fn new_error(&mut self, kind: ExcKind, message: &str) -> PyErr {
        match self.new_str(message) {
            Ok(s) => self.new_exception(kind, vec![s]),
            Err(e) => e,
        }
    }

    /// `TypeError(message)`.
    pub fn type_error(&mut self, message: String) -> PyErr {
        self.new_error(K::TypeError, &message)
    }

    /// `ValueError(message)`.
    pub fn value_error(&mut self, message: &str) -> PyErr {
        self.new_error(K::ValueError, message)
    }

    /// `IndexError(message)`.
    pub fn index_error(&mut self, message: &str) -> PyErr {
        self.new_error(K::IndexError, message)
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        self.new_exception(K::KeyError, vec![key])
    }

    /// `KeyError(message)`.
    pub fn key_error_msg(&mut self, message: &str) -> PyErr {
        self.new_error(K::KeyError, message)
    }

    /// `ZeroDivisionError(message)`.
    pub fn zero_division(&mut self, message: &str) -> PyErr {
        self.new_error(K::ZeroDivisionError, message)
    }

    /// `OverflowError(message)`.
    pub fn overflow_error(&mut self, message: &str) -> PyErr {
        self.new_error(K::OverflowError, message)
    }

    /// `RuntimeError(message)`.
    pub fn runtime_error(&mut self, message: &str) -> PyErr {
        self.new_error(K::RuntimeError, message)
    }

    /// `AttributeError(message)`.
    pub fn attribute_error(&mut self, message: &str) -> PyErr {
        self.new_error(K::AttributeError, message)
    }

    /// `NameError(message)` for an undefined name, with its `name`.
    pub fn name_error(&mut self, name: &str) -> PyErr {
        let err = self.new_error(K::NameError, &format!("name '{name}' is not defined"));
        if let Ok(n) = self.new_str(name) {
            err.0.set_field(field::NAME, n);
        }
        err
    }

    /// The preallocated-style `MemoryError`.
    pub fn memory_error(&mut self) -> PyErr {
        self.memory_error.clone()
    }

    /// Whether the exception is an instance of `kind`.
    pub fn exc_matches(&self, err: &PyErr, kind: ExcKind) -> bool {
        err.as_obj().class().is_subtype(self.exc_type(kind))
    }

    /// Whether a value is an instance of the builtin exception class `kind`.
    pub fn is_instance_of_kind(&self, v: &Value, kind: ExcKind) -> bool {
        self.type_of(v).is_subtype(self.exc_type(kind))
    }
}

/// Records the object and attribute name of an `AttributeError` (for "Did
/// you mean" suggestions), unless already set.
pub fn set_attribute_error_context(err: &PyErr, obj: &Value, name: &Value) {
    if err.0.field(field::NAME).is_none() {
        err.0.set_field(field::NAME, name.clone());
        err.0.set_field(field::OBJ, obj.clone());
    }
}

/// `exc.add_note(note)` from Rust.
pub fn add_note_text(vm: &mut Vm, err: &PyErr, note: &str) -> PyResult<()> {
    let exc = Value::from_object(err.0.as_obj().clone());
    let note = vm.new_str(note)?;
    add_note(vm, &exc, note)
}

fn add_note(vm: &mut Vm, exc: &Value, note: Value) -> PyResult<()> {
    if vm.as_str(&note).is_none() {
        let tn = vm.type_name(&note);
        return Err(vm.type_error(format!("add_note() argument must be str, not {tn}")));
    }
    let name = vm.intern("__notes__")?;
    let notes = match vm.get_attr_opt(exc, &name)? {
        Some(n) => n,
        None => {
            let list = vm.new_list(Vec::new())?;
            vm.set_attr(exc, &name, Some(list.clone()))?;
            list
        }
    };
    match notes
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::list::List>())
    {
        Some(l) => {
            l.items.with(|i| i.push(note));
            Ok(())
        }
        None => Err(vm.type_error("Cannot add note: __notes__ is not a list".into())),
    }
}

fn exc_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<BaseException>> {
    match as_exception(v) {
        Some(e) => Ok(e),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'BaseException' object but received a '{tn}'"
            )))
        }
    }
}

fn args_items(e: &BaseException) -> Vec<Value> {
    crate::builtins::tuple::seq_items(&e.args.get()).unwrap_or_default()
}

/// Fills the family fields from `args` (what the family's `__init__` does),
/// for an exception whose class's kinds are known.
fn fill_family_fields(vm: &mut Vm, e: &Ref<BaseException>, kinds: ExcKinds) -> PyResult<()> {
    let Some(family) = kinds.family() else {
        return Ok(());
    };
    let args = args_items(e);
    match family {
        K::StopIteration | K::StopAsyncIteration => {
            e.set_field(field::VALUE, args.first().cloned().unwrap_or(Value::NONE));
        }
        K::SystemExit => {
            let code = match args.len() {
                0 => Value::NONE,
                1 => args[0].clone(),
                _ => e.args.get(),
            };
            e.set_field(field::CODE, code);
        }
        K::ImportError => {
            let msg = if args.len() == 1 {
                args[0].clone()
            } else {
                Value::NONE
            };
            e.set_field(field::IMPORT_MSG, msg);
        }
        K::SyntaxError => init_syntax_error(vm, e, &args)?,
        K::UnicodeError => init_unicode_error(vm, e, kinds, &args)?,
        _ => {}
    }
    Ok(())
}

fn init_syntax_error(vm: &mut Vm, e: &Ref<BaseException>, args: &[Value]) -> PyResult<()> {
    if let Some(msg) = args.first() {
        e.set_field(field::SYNTAX_MSG, msg.clone());
    }
    if args.len() == 2 {
        let info = vm.collect_iterable(&args[1])?;
        if !(4..=6).contains(&info.len()) {
            return Err(vm.index_error("tuple index out of range"));
        }
        let targets = [
            field::SYNTAX_FILENAME,
            field::SYNTAX_LINENO,
            field::SYNTAX_OFFSET,
            field::SYNTAX_TEXT,
            field::SYNTAX_END_LINENO,
            field::SYNTAX_END_OFFSET,
        ];
        for (value, target) in info.into_iter().zip(targets) {
            e.set_field(target, value);
        }
    }
    Ok(())
}

fn init_unicode_error(
    vm: &mut Vm,
    e: &Ref<BaseException>,
    kinds: ExcKinds,
    args: &[Value],
) -> PyResult<()> {
    let encode = kinds.contains(K::UnicodeEncodeError);
    let decode = kinds.contains(K::UnicodeDecodeError);
    let translate = kinds.contains(K::UnicodeTranslateError);
    if !(encode || decode || translate) {
        return Ok(());
    }
    let expected = if translate { 4 } else { 5 };
    if args.len() != expected {
        return Err(vm.type_error(format!(
            "function takes exactly {expected} arguments ({} given)",
            args.len()
        )));
    }
    let (encoding, rest) = if translate {
        (Value::NONE, args)
    } else {
        (args[0].clone(), &args[1..])
    };
    e.set_field(field::UNICODE_ENCODING, encoding);
    e.set_field(field::UNICODE_OBJECT, rest[0].clone());
    e.set_field(field::UNICODE_START, rest[1].clone());
    e.set_field(field::UNICODE_END, rest[2].clone());
    e.set_field(field::UNICODE_REASON, rest[3].clone());
    Ok(())
}

/// `BaseException.__str__`.
pub fn exception_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    let args = e.args.get();
    let items = args_items(&e);
    match items.len() {
        0 => vm.new_str(""),
        1 => vm.str(&items[0]),
        _ => vm.str(&args),
    }
}

/// `KeyError.__str__`: the repr of a single argument.
fn key_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    let items = args_items(&e);
    if items.len() == 1 {
        return vm.repr(&items[0]);
    }
    exception_str(vm, v)
}

fn import_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    // `msg` when it is an exact str, else `BaseException.__str__`.
    let msg = e.field(field::IMPORT_MSG);
    if vm.type_of(&msg).same(&vm.types.str) {
        return Ok(msg);
    }
    exception_str(vm, v)
}

fn os_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    let errno = e.field(field::ERRNO);
    let strerror = e.field(field::STRERROR);
    let filename = e.field(field::FILENAME);
    let filename2 = e.field(field::FILENAME2);
    if !filename.is_none() {
        let (n, s, f) = (
            vm.str_string(&errno)?,
            vm.str_string(&strerror)?,
            vm.repr_string(&filename)?,
        );
        let text = if filename2.is_none() {
            format!("[Errno {n}] {s}: {f}")
        } else {
            let f2 = vm.repr_string(&filename2)?;
            format!("[Errno {n}] {s}: {f} -> {f2}")
        };
        return vm.new_str(&text);
    }
    if !errno.is_none() && !strerror.is_none() {
        let (n, s) = (vm.str_string(&errno)?, vm.str_string(&strerror)?);
        return vm.new_str(&format!("[Errno {n}] {s}"));
    }
    exception_str(vm, v)
}

fn syntax_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    let msg = vm.str_string(&e.field(field::SYNTAX_MSG))?;
    let filename = vm.as_str(&e.field(field::SYNTAX_FILENAME)).map(|s| {
        let text = s.as_lossy();
        text.rsplit('/').next().unwrap_or(&text).to_string()
    });
    let lineno = e.field(field::SYNTAX_LINENO).as_i64();
    let text = match (filename, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    };
    vm.new_str(&text)
}

fn unicode_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    let class = vm.type_of(v).clone();
    let object = e.field(field::UNICODE_OBJECT);
    if object.is_none() {
        return vm.new_str("");
    }
    let reason = vm.str_string(&e.field(field::UNICODE_REASON))?;
    let encoding = vm.str_string(&e.field(field::UNICODE_ENCODING))?;
    let start = e.field(field::UNICODE_START).as_i64().unwrap_or(0);
    let end = e.field(field::UNICODE_END).as_i64().unwrap_or(0);
    let decode = class.is_subtype(vm.exc_type(K::UnicodeDecodeError));
    let translate = class.is_subtype(vm.exc_type(K::UnicodeTranslateError));
    let single = end == start.saturating_add(1);
    let text = if decode {
        let bytes = crate::builtins::bytes::bytes_like(&object)
            .map(|b| b.to_vec())
            .unwrap_or_default();
        match usize::try_from(start).ok().and_then(|s| bytes.get(s)) {
            Some(byte) if single => format!(
                "'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"
            ),
            _ => format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            ),
        }
    } else {
        let points: Vec<u32> = vm
            .as_str(&object)
            .map(|s| s.code_points())
            .unwrap_or_default();
        let verb = if translate {
            "can't translate".to_string()
        } else {
            format!("'{encoding}' codec can't encode")
        };
        match usize::try_from(start).ok().and_then(|s| points.get(s)) {
            Some(&ch) if single => {
                let escaped = crate::builtins::str::codecs::backslash_escape(ch);
                format!("{verb} character '{escaped}' in position {start}: {reason}")
            }
            _ => format!(
                "{verb} characters in position {start}-{}: {reason}",
                end - 1
            ),
        }
    };
    vm.new_str(&text)
}

/// `BaseException.__repr__`: `Name(args)`.
fn exception_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    let args = e.args.get();
    let items = args_items(&e);
    let name = vm.type_name(v);
    let inner = if items.len() == 1 {
        format!("({})", vm.repr_string(&items[0])?)
    } else {
        vm.repr_string(&args)?
    };
    vm.new_str(&format!("{name}{inner}"))
}

/// Splits a vectorcall argument array into the positional arguments and
/// the keyword arguments' values (named by `kwnames`).
fn split_args<'a>(args: &'a [Value], kwnames: Option<&Ref<Tuple>>) -> (&'a [Value], &'a [Value]) {
    let nkw = kwnames.map_or(0, |k| k.items().len()).min(args.len());
    args.split_at(args.len() - nkw)
}

/// Whether the tuple `args` holds exactly `items` (the same objects).
fn holds_same(args: &Value, items: &[Value]) -> bool {
    let Some(t) = args.as_object().and_then(|o| o.downcast::<Tuple>()) else {
        return false;
    };
    let held = t.items();
    held.len() == items.len()
        && held
            .iter()
            .zip(items)
            .all(|(a, b)| crate::protocol::number::is_same(a, b))
}

/// `BaseException.__new__`: the arguments become `args`.
fn exception_new(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let (positional, _) = split_args(args, kwnames);
    if exc_kinds(vm, cls).contains(K::OSError) {
        return crate::builtins::os_error::os_error_new(vm, cls, positional.to_vec());
    }
    new_with_args(vm, cls, positional.to_vec())
}

/// What `BaseException.__new__` makes of a class outside the `OSError`
/// family: an instance whose `args` are `positional` (the family's fields
/// are set by `__init__`, as in CPython).
pub(crate) fn new_with_args(vm: &mut Vm, cls: &TypeRef, positional: Vec<Value>) -> PyResult<Value> {
    let args = vm.new_tuple(positional)?;
    let e = vm.alloc(cls, BaseException::with_args(args))?;
    Ok(Value::from_object(e.into_obj()))
}

/// Whether `cls`'s `__new__` is `BaseException.__new__` and `cls` is not
/// of the `OSError` family (whose `__new__` does more): then
/// [`new_with_args`] is all its `__new__` does (the instantiation fast
/// path in `runtime::fast_call` relies on it).
pub(crate) fn is_plain_exception_new(vm: &Vm, cls: &TypeRef) -> bool {
    cls.slots
        .new
        .get()
        .is_some_and(|f| f as usize == exception_new as *const () as usize)
        && !exc_kinds(vm, cls).contains(K::OSError)
}

/// `BaseException.__init__` and the families' `__init__`s.
fn exception_init(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<()> {
    let (positional, keyword_values) = split_args(args, kwnames);
    let names: &[Value] = kwnames.map_or(&[], |k| k.items());
    let kinds = exc_kinds(vm, vm.type_of(this));
    let family = kinds.family();
    let e = exc_of(vm, this)?;
    if names.is_empty() && family.is_none() {
        // The common case: no keywords, no family fields.
        return store_args(vm, e, positional);
    }
    let class = vm.type_of(this).clone();
    // Keyword arguments some families accept.
    let accepted: &[&str] = match family {
        Some(K::ImportError) => &["name", "path", "name_from"],
        Some(K::AttributeError) => &["name", "obj"],
        Some(K::NameError) => &["name"],
        _ => &[],
    };
    for k in names {
        let key = vm
            .as_str(k)
            .map(|s| s.as_lossy().into_owned())
            .unwrap_or_default();
        if !accepted.contains(&key.as_str()) {
            return Err(match family {
                // The family's argument parser names the family.
                Some(root) if !accepted.is_empty() => {
                    let name = vm.exc_type(root).name.to_string();
                    vm.type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    ))
                }
                _ => {
                    let name = class.name.to_string();
                    vm.type_error(format!("{name}() takes no keyword arguments"))
                }
            });
        }
    }
    if kinds.contains(K::OSError) {
        // `OSError.__new__` did the work (CPython: unless `__init__` is
        // overridden, which this reproduces by re-parsing here).
        return crate::builtins::os_error::os_error_init(vm, e, positional.to_vec());
    }
    store_args(vm, e, positional)?;
    fill_family_fields(vm, e, kinds)?;
    for (k, v) in names.iter().zip(keyword_values) {
        let key = vm
            .as_str(k)
            .map(|s| s.as_lossy().into_owned())
            .unwrap_or_default();
        let index = match (family, key.as_str()) {
            (Some(K::ImportError), "name") => field::IMPORT_NAME,
            (Some(K::ImportError), "path") => field::IMPORT_PATH,
            (Some(K::ImportError), _) => field::IMPORT_NAME_FROM,
            (_, "obj") => field::OBJ,
            _ => field::NAME,
        };
        e.set_field(index, v.clone());
    }
    Ok(())
}

/// Makes `positional` the exception's `args`. They usually are already
/// (`__new__` stored them, as CPython's `__new__` and `__init__` share one
/// tuple): then nothing is allocated.
fn store_args(vm: &mut Vm, e: &Ref<BaseException>, positional: &[Value]) -> PyResult<()> {
    if !e.args.with(|a| holds_same(a, positional)) {
        let t = vm.new_tuple(positional.to_vec())?;
        let old = e.args.with(|a| std::mem::replace(a, t));
        drop(old);
    }
    Ok(())
}

/// Creates the builtin exception classes (bases first) with their slots,
/// families' slots included.
pub fn create_exception_types(
    meta: &TypeRef,
    object: &TypeRef,
) -> Result<Vec<TypeRef>, AllocError> {
    let mut exceptions: Vec<TypeRef> = Vec::with_capacity(ExcKind::ALL.len());
    for (kind, name, base) in ExcKind::ALL {
        let t = TypeObject::new_type::<BaseException>(meta, name)?;
        t.as_obj().make_immortal();
        t.flags.set(flags::BASETYPE | flags::EXCEPTION);
        let base = match base {
            Some(k) => exceptions[*k as usize].clone(),
            None => object.clone(),
        };
        let mut bases = vec![base.clone()];
        if let Some(second) = kind.second_base() {
            bases.push(exceptions[second as usize].clone());
        }
        t.base.with(|x| *x = Some(base.clone()));
        let mut mro = vec![t.clone()];
        mro.extend(crate::types::mro::c3_merge(&bases).unwrap_or_else(|_| base.mro.get()));
        t.set_bases(bases);
        t.mro.with(|x| *x = mro);
        exceptions.push(t);
    }
    Ok(exceptions)
}

/// Installs the exception classes' slots: `BaseException`'s, inherited down
/// the table, with each family's `__str__` on its root.
pub fn init_exception_types(vm: &Vm) {
    let root = vm.exc_type(K::BaseException);
    root.slots.new.set(Some(exception_new));
    root.slots.init.set(Some(exception_init));
    root.slots.str.set(Some(exception_str));
    root.slots.repr.set(Some(exception_repr));
    root.slots
        .getattro
        .set(Some(crate::builtins::object::generic_getattr));
    root.slots
        .setattro
        .set(Some(crate::builtins::object::generic_setattr));
    for (kind, _, base) in ExcKind::ALL.iter().skip(1) {
        let t = vm.exc_type(*kind);
        if let Some(b) = base {
            t.slots.inherit_from(&vm.exc_type(*b).slots);
        }
        let own_str: Option<crate::types::slots::ReprFn> = match kind {
            K::KeyError => Some(key_error_str),
            K::ImportError => Some(import_error_str),
            K::OSError => Some(os_error_str),
            K::SyntaxError => Some(syntax_error_str),
            K::UnicodeEncodeError | K::UnicodeDecodeError | K::UnicodeTranslateError => {
                Some(unicode_error_str)
            }
            K::BaseExceptionGroup => Some(crate::builtins::exception_group::group_str),
            _ => None,
        };
        if let Some(f) = own_str {
            t.slots.str.set(Some(f));
        }
        if *kind == K::BaseExceptionGroup {
            t.slots
                .new
                .set(Some(crate::builtins::exception_group::group_new));
        }
    }
}

/// Adds the exception classes' methods and attributes to their dicts.
pub fn install_exception_attributes(vm: &mut Vm) -> PyResult<()> {
    let root = vm.exc_type(K::BaseException).clone();
    vm.add_methods(&root, METHODS)?;
    vm.add_getsets(&root, GETSETS)?;
    let families: [(ExcKind, &'static [GetSetDef]); 10] = [
        (K::StopIteration, VALUE_GETSETS),
        (K::StopAsyncIteration, VALUE_GETSETS),
        (K::SystemExit, SYSTEM_EXIT_GETSETS),
        (K::ImportError, IMPORT_ERROR_GETSETS),
        (K::AttributeError, ATTRIBUTE_ERROR_GETSETS),
        (K::NameError, NAME_ERROR_GETSETS),
        (K::OSError, crate::builtins::os_error::GETSETS),
        (K::SyntaxError, SYNTAX_ERROR_GETSETS),
        (K::UnicodeError, UNICODE_ERROR_GETSETS),
        (
            K::BaseExceptionGroup,
            crate::builtins::exception_group::GETSETS,
        ),
    ];
    for (kind, getsets) in families {
        let t = vm.exc_type(kind).clone();
        vm.add_getsets(&t, getsets)?;
    }
    let blocking = vm.exc_type(K::BlockingIOError).clone();
    vm.add_getsets(&blocking, crate::builtins::os_error::BLOCKING_GETSETS)?;
    let group = vm.exc_type(K::BaseExceptionGroup).clone();
    vm.add_methods(&group, crate::builtins::exception_group::METHODS)?;
    // The families with a `str()` of their own show it as their own
    // `__str__` slot wrapper (what `super().__str__()` finds).
    let own_str: [(ExcKind, &'static [MethodDef]); 7] = [
        (K::KeyError, KEY_ERROR_STR),
        (K::ImportError, IMPORT_ERROR_STR),
        (K::OSError, OS_ERROR_STR),
        (K::SyntaxError, SYNTAX_ERROR_STR),
        (K::UnicodeEncodeError, UNICODE_ERROR_STR),
        (K::UnicodeDecodeError, UNICODE_ERROR_STR),
        (K::UnicodeTranslateError, UNICODE_ERROR_STR),
    ];
    for (kind, methods) in own_str
        .into_iter()
        .chain([(K::BaseExceptionGroup, GROUP_STR)])
    {
        let t = vm.exc_type(kind).clone();
        vm.add_methods(&t, methods)?;
    }
    Ok(())
}

/// `__str__` of the families that have their own.
const KEY_ERROR_STR: &[MethodDef] = &[slot_method("__str__", "(self, /)", |vm, args| {
    key_error_str(vm, args.this())
})];
const IMPORT_ERROR_STR: &[MethodDef] = &[slot_method("__str__", "(self, /)", |vm, args| {
    import_error_str(vm, args.this())
})];
const OS_ERROR_STR: &[MethodDef] = &[slot_method("__str__", "(self, /)", |vm, args| {
    os_error_str(vm, args.this())
})];
const SYNTAX_ERROR_STR: &[MethodDef] = &[slot_method("__str__", "(self, /)", |vm, args| {
    syntax_error_str(vm, args.this())
})];
const UNICODE_ERROR_STR: &[MethodDef] = &[slot_method("__str__", "(self, /)", |vm, args| {
    unicode_error_str(vm, args.this())
})];
const GROUP_STR: &[MethodDef] = &[slot_method("__str__", "(self, /)", |vm, args| {
    crate::builtins::exception_group::group_str(vm, args.this())
})];

/// `BaseException`'s methods.
pub const METHODS: &[MethodDef] = &[
    slot_method("__init__", "(self, /, *args, **kwargs)", |vm, args| {
        let no_keywords = args.kwargs().is_none_or(|k| {
            k.as_object()
                .and_then(|o| o.downcast::<crate::builtins::dict::Dict>())
                .is_some_and(|d| d.is_empty())
        });
        if no_keywords {
            // `super().__init__(*args)`, the common form: no copies.
            exception_init(vm, args.this(), args.varargs(), None)?;
        } else {
            let (positional, kwnames) = crate::builtins::type_::flatten_call(vm, args)?;
            exception_init(vm, args.this(), &positional, kwnames.as_ref())?;
        }
        Ok(Value::NONE)
    }),
    slot_method("__str__", "(self, /)", |vm, args| {
        exception_str(vm, args.this())
    }),
    slot_method("__repr__", "(self, /)", |vm, args| {
        exception_repr(vm, args.this())
    }),
    method("with_traceback", "(self, tb, /)", |vm, args| {
        set_traceback(vm, args.this(), Some(args.required(1).clone()))?;
        Ok(args.this().clone())
    }),
    method("add_note", "(self, note, /)", |vm, args| {
        add_note(vm, args.this(), args.required(1).clone())?;
        Ok(Value::NONE)
    }),
    method("__reduce__", "(self, /)", |vm, args| {
        let e = exc_of(vm, args.this())?.clone();
        let class = Value::from_object(vm.type_of(args.this()).as_obj().clone());
        vm.new_tuple(vec![class, e.args.get()])
    }),
];

fn set_traceback(vm: &mut Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let e = exc_of(vm, v)?.clone();
    let Some(value) = value else {
        return Err(vm.type_error("__traceback__ may not be deleted".into()));
    };
    let is_tb = value.as_object().is_some_and(|o| {
        o.downcast::<crate::runtime::traceback::Traceback>()
            .is_some()
    });
    if !value.is_none() && !is_tb {
        return Err(vm.type_error("__traceback__ must be a traceback or None".into()));
    }
    let old = e.traceback.with(|t| std::mem::replace(t, value));
    drop(old);
    Ok(())
}

fn chained_exception(vm: &mut Vm, value: Option<Value>, what: &str) -> PyResult<Value> {
    let Some(value) = value else {
        return Err(vm.type_error(format!("{what} may not be deleted")));
    };
    if value.is_none() || as_exception(&value).is_some() {
        Ok(value)
    } else {
        Err(vm.type_error(format!(
            "exception {what} must be None or derive from BaseException"
        )))
    }
}

/// `BaseException`'s attributes.
pub const GETSETS: &[GetSetDef] = &[
    getset(
        "args",
        |vm, v| Ok(exc_of(vm, v)?.args.get()),
        |vm, v, value| {
            let e = exc_of(vm, v)?.clone();
            let Some(value) = value else {
                return Err(vm.type_error("args may not be deleted".into()));
            };
            let items = vm.collect_iterable(&value)?;
            let t = vm.new_tuple(items)?;
            let old = e.args.with(|a| std::mem::replace(a, t));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__traceback__",
        |vm, v| Ok(exc_of(vm, v)?.traceback.get()),
        set_traceback,
    ),
    getset(
        "__cause__",
        |vm, v| Ok(exc_of(vm, v)?.cause.get()),
        |vm, v, value| {
            let e = exc_of(vm, v)?.clone();
            let value = chained_exception(vm, value, "cause")?;
            let old = e.cause.with(|c| std::mem::replace(c, value));
            drop(old);
            e.suppress_context.with(|s| *s = true);
            Ok(())
        },
    ),
    getset(
        "__context__",
        |vm, v| Ok(exc_of(vm, v)?.context.get()),
        |vm, v, value| {
            let e = exc_of(vm, v)?.clone();
            let value = chained_exception(vm, value, "context")?;
            let old = e.context.with(|c| std::mem::replace(c, value));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__suppress_context__",
        |vm, v| Ok(Value::from_bool(exc_of(vm, v)?.suppress_context.get())),
        |vm, v, value| {
            let e = exc_of(vm, v)?.clone();
            match value.and_then(|x| x.as_bool()) {
                Some(b) => {
                    e.suppress_context.with(|s| *s = b);
                    Ok(())
                }
                None => Err(vm.type_error("attribute value type must be bool".into())),
            }
        },
    ),
    getset(
        "__notes__",
        |vm, v| match exc_of(vm, v)?.notes.get() {
            Some(n) => Ok(n),
            None => Err(crate::builtins::object::no_attribute_text(
                vm,
                v,
                "__notes__",
            )),
        },
        |vm, v, value| {
            let e = exc_of(vm, v)?.clone();
            let old = e.notes.with(|n| std::mem::replace(n, value));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__dict__",
        |vm, v| match crate::builtins::object::materialized_dict(vm, v)? {
            Some(d) => Ok(d),
            None => Err(vm.attribute_error("__dict__")),
        },
        crate::builtins::object::set_instance_dict,
    ),
];

/// Reads a family field.
pub fn get_field(vm: &mut Vm, v: &Value, index: usize) -> PyResult<Value> {
    Ok(exc_of(vm, v)?.field(index))
}

/// Writes a family field (deleting resets it to `None`).
pub fn set_field(vm: &mut Vm, v: &Value, index: usize, value: Option<Value>) -> PyResult<()> {
    exc_of(vm, v)?.set_field(index, value.unwrap_or(Value::NONE));
    Ok(())
}

/// Declares a family field as a getset (a `PyMemberDef` in CPython).
#[macro_export]
macro_rules! exception_field {
    ($name:expr, $index:expr) => {
        $crate::builtins::descriptors::getset(
            $name,
            |vm, v| $crate::builtins::exceptions::get_field(vm, v, $index),
            |vm, v, x| $crate::builtins::exceptions::set_field(vm, v, $index, x),
        )
    };
}

const VALUE_GETSETS: &[GetSetDef] = &[exception_field!("value", field::VALUE)];
const SYSTEM_EXIT_GETSETS: &[GetSetDef] = &[exception_field!("code", field::CODE)];
const ATTRIBUTE_ERROR_GETSETS: &[GetSetDef] = &[
    exception_field!("name", field::NAME),
    exception_field!("obj", field::OBJ),
];
const NAME_ERROR_GETSETS: &[GetSetDef] = &[exception_field!("name", field::NAME)];
const IMPORT_ERROR_GETSETS: &[GetSetDef] = &[
    exception_field!("msg", field::IMPORT_MSG),
    exception_field!("name", field::IMPORT_NAME),
    exception_field!("path", field::IMPORT_PATH),
    exception_field!("name_from", field::IMPORT_NAME_FROM),
];
const SYNTAX_ERROR_GETSETS: &[GetSetDef] = &[
    exception_field!("msg", field::SYNTAX_MSG),
    exception_field!("filename", field::SYNTAX_FILENAME),
    exception_field!("lineno", field::SYNTAX_LINENO),
    exception_field!("offset", field::SYNTAX_OFFSET),
    exception_field!("text", field::SYNTAX_TEXT),
    exception_field!("end_lineno", field::SYNTAX_END_LINENO),
    exception_field!("end_offset", field::SYNTAX_END_OFFSET),
    exception_field!("print_file_and_line", field::SYNTAX_PRINT_FILE_AND_LINE),
    exception_field!("_metadata", field::SYNTAX_METADATA),
];
const UNICODE_ERROR_GETSETS: &[GetSetDef] = &[
    exception_field!("encoding", field::UNICODE_ENCODING),
    exception_field!("object", field::UNICODE_OBJECT),
    exception_field!("start", field::UNICODE_START),
    exception_field!("end", field::UNICODE_END),
    exception_field!("reason", field::UNICODE_REASON),
];

/// The exception class `v` is, if it is one (CPython's
/// `PyExceptionClass_Check`): subclasses of `BaseException` carry the
/// `EXCEPTION` flag, so this is one test, with the MRO walk as fallback.
pub fn as_exception_class<'a>(vm: &Vm, v: &'a Value) -> Option<&'a TypeRef> {
    let class = v.as_object()?.downcast::<TypeObject>()?;
    let is_exception = class.flags.get() & flags::EXCEPTION != 0
        || class.is_subtype(vm.exc_type(K::BaseException));
    is_exception.then_some(class)
}

/// `except spec:` — whether the exception `exc` matches `spec`, a class or
/// a tuple of classes, each of which must derive from `BaseException`
/// (CPython's `CHECK_EXC_MATCH`).
pub fn exception_matches(vm: &mut Vm, exc: &Value, spec: &Value) -> PyResult<bool> {
    let exc_class = vm.type_of(exc);
    if let Some(class) = as_exception_class(vm, spec) {
        return Ok(exc_class.same(class) || exc_class.is_subtype(class));
    }
    let Some(classes) = spec.as_object().and_then(|o| o.downcast::<Tuple>()) else {
        return Err(catching_non_exception(vm));
    };
    // Every class is checked before any is matched, as in CPython.
    if classes
        .items()
        .iter()
        .any(|c| as_exception_class(vm, c).is_none())
    {
        return Err(catching_non_exception(vm));
    }
    let exc_class = vm.type_of(exc);
    Ok(classes.items().iter().any(|c| {
        as_exception_class(vm, c).is_some_and(|t| exc_class.same(t) || exc_class.is_subtype(t))
    }))
}

/// [`exception_matches`] when it cannot fail: `spec` is an exception
/// class or a tuple of them (the eval loop's fast tier). `None` for any
/// other `spec`, whose error the general path raises.
#[inline]
pub fn exception_matches_classes(vm: &Vm, exc: &Value, spec: &Value) -> Option<bool> {
    let exc_class = vm.type_of(exc);
    let matches = |class: &TypeRef| exc_class.same(class) || exc_class.is_subtype(class);
    if let Some(class) = as_exception_class(vm, spec) {
        return Some(matches(class));
    }
    let classes = spec.as_object()?.downcast::<Tuple>()?.items();
    // Every item must be an exception class before any is matched, as in
    // `exception_matches`.
    if !classes.iter().all(|c| as_exception_class(vm, c).is_some()) {
        return None;
    }
    Some(
        classes
            .iter()
            .any(|c| as_exception_class(vm, c).is_some_and(matches)),
    )
}

fn catching_non_exception(vm: &mut Vm) -> PyErr {
    vm.type_error("catching classes that do not inherit from BaseException is not allowed".into())
}

/// `raise exc from cause`: the exception `exc` is or makes (a class is
/// called with no arguments), with `__cause__` set when `cause` is given
/// (`from None` included, which only suppresses the context).
pub fn exception_to_raise(vm: &mut Vm, exc: &Value, cause: Option<Value>) -> PyResult<PyErr> {
    let err = if let Some(e) = as_exception(exc) {
        PyErr(e.clone())
    } else if as_exception_class(vm, exc).is_some() {
        PyErr(instantiate_exception_class(vm, exc)?)
    } else {
        return Err(vm.type_error("exceptions must derive from BaseException".into()));
    };
    if let Some(cause) = cause {
        let cause = if cause.is_none() || as_exception(&cause).is_some() {
            cause
        } else if as_exception_class(vm, &cause).is_some() {
            Value::from_object(instantiate_exception_class(vm, &cause)?.into_obj())
        } else {
            return Err(vm.type_error("exception causes must derive from BaseException".into()));
        };
        let old = err.0.cause.with(|c| std::mem::replace(c, cause));
        drop(old);
        err.0.suppress_context.with(|s| *s = true);
    }
    Ok(err)
}

/// Calls the exception class `class` with no arguments, which must give an
/// exception.
fn instantiate_exception_class(vm: &mut Vm, class: &Value) -> PyResult<Ref<BaseException>> {
    if let Some(e) = instantiate_plain_class(vm, class) {
        return e;
    }
    let v = vm.call(class, &[], None)?;
    if let Some(e) = as_exception(&v) {
        return Ok(e.clone());
    }
    let made = Value::from_object(vm.type_of(&v).as_obj().clone());
    let made = vm.repr_string(&made)?;
    let r = vm.repr_string(class)?;
    Err(vm.type_error(format!(
        "calling {r} should have returned an instance of BaseException, not {made}"
    )))
}

/// `class()` for a class whose metaclass is `type` and which
/// [`is_plain_exception_class`] (`raise ValueError`). `None` when the class
/// needs the general call.
fn instantiate_plain_class(vm: &mut Vm, class: &Value) -> Option<PyResult<Ref<BaseException>>> {
    let object = class.as_object()?;
    if !object.class().same(&vm.types.type_) {
        return None;
    }
    let cls = object.downcast::<TypeObject>()?;
    if !is_plain_exception_class(vm, cls) {
        return None;
    }
    let args = Value::from_object(vm.empty_tuple.as_obj().clone());
    Some(vm.alloc(cls, BaseException::with_args(args)))
}

/// Whether calling `cls` with positional arguments only comes down to an
/// instance whose `args` are those arguments: its `__new__` and `__init__`
/// are `BaseException`'s and it is outside the families with fields (and
/// so outside `OSError`, whose `__new__` does more). `type.__call__` would
/// run `exception_new` (an instance whose `args` are the arguments) then
/// `exception_init` (which finds the same arguments already stored and
/// does nothing), so [`new_with_args`] is the whole call. CPython's
/// exceptions skip the same work through their vectorcall.
pub(crate) fn is_plain_exception_class(vm: &Vm, cls: &TypeRef) -> bool {
    let new_is_plain = cls
        .slots
        .new
        .get()
        .is_some_and(|f| f as usize == exception_new as *const () as usize);
    let init_is_plain = cls
        .slots
        .init
        .get()
        .is_some_and(|f| f as usize == exception_init as *const () as usize);
    new_is_plain && init_is_plain && exc_kinds(vm, cls).family().is_none()
}
