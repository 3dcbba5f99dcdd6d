//! The builtin exception hierarchy. Every exception instance — of a builtin
//! class or a user subclass — carries [`BaseException`]: `args`,
//! `__traceback__`, `__cause__`, `__context__`, `__suppress_context__`, and
//! an attribute dict for the attributes user code sets.

use crate::builtins::instance::InstanceDict;
use crate::error::{PyErr, PyResult};
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
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
    /// Other attributes.
    pub dict: InstanceDict,
}

macro_rules! exception_kinds {
    ($($name:ident : $base:expr),* $(,)?) => {
        /// The builtin exception classes, in creation order (bases first).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        #[allow(clippy::enum_variant_names)]
        pub enum ExcKind { $($name),* }
        impl ExcKind {
            /// Every kind with its base (`None` for `BaseException`).
            pub const ALL: &'static [(ExcKind, &'static str, Option<ExcKind>)] = &[
                $((ExcKind::$name, stringify!($name), $base)),*
            ];
        }
    };
}

use ExcKind as K;
exception_kinds! {
    BaseException: None,
    BaseExceptionGroup: Some(K::BaseException),
    Exception: Some(K::BaseException),
    GeneratorExit: Some(K::BaseException),
    KeyboardInterrupt: Some(K::BaseException),
    SystemExit: Some(K::BaseException),
    ArithmeticError: Some(K::Exception),
    FloatingPointError: Some(K::ArithmeticError),
    OverflowError: Some(K::ArithmeticError),
    ZeroDivisionError: Some(K::ArithmeticError),
    AssertionError: Some(K::Exception),
    AttributeError: Some(K::Exception),
    BufferError: Some(K::Exception),
    EOFError: Some(K::Exception),
    ImportError: Some(K::Exception),
    ModuleNotFoundError: Some(K::ImportError),
    LookupError: Some(K::Exception),
    IndexError: Some(K::LookupError),
    KeyError: Some(K::LookupError),
    MemoryError: Some(K::Exception),
    NameError: Some(K::Exception),
    UnboundLocalError: Some(K::NameError),
    OSError: Some(K::Exception),
    FileNotFoundError: Some(K::OSError),
    PermissionError: Some(K::OSError),
    ReferenceError: Some(K::Exception),
    RuntimeError: Some(K::Exception),
    NotImplementedError: Some(K::RuntimeError),
    PythonFinalizationError: Some(K::RuntimeError),
    RecursionError: Some(K::RuntimeError),
    StopAsyncIteration: Some(K::Exception),
    StopIteration: Some(K::Exception),
    SyntaxError: Some(K::Exception),
    IndentationError: Some(K::SyntaxError),
    TabError: Some(K::IndentationError),
    SystemError: Some(K::Exception),
    TypeError: Some(K::Exception),
    ValueError: Some(K::Exception),
    UnicodeError: Some(K::ValueError),
    UnicodeDecodeError: Some(K::UnicodeError),
    UnicodeEncodeError: Some(K::UnicodeError),
    Warning: Some(K::Exception),
    DeprecationWarning: Some(K::Warning),
    RuntimeWarning: Some(K::Warning),
    UserWarning: Some(K::Warning),
    ExceptionGroup: Some(K::BaseExceptionGroup),
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

    /// Creates an exception instance of `class` with `args` (no Python code runs).
    pub fn new_exception_of(&mut self, class: &crate::types::TypeRef, args: Vec<Value>) -> PyErr {
        let args = match self.new_tuple(args) {
            Ok(t) => t,
            Err(e) => return e,
        };
        let payload = BaseException {
            args: PyCell::new(args),
            traceback: PyCell::new(Value::NONE),
            cause: PyCell::new(Value::NONE),
            context: PyCell::new(Value::NONE),
            suppress_context: PyCell::new(false),
            dict: InstanceDict::default(),
        };
        match self.alloc(class, payload) {
            Ok(e) => PyErr(e),
            Err(e) => e,
        }
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

    /// `NameError(message)`.
    pub fn name_error(&mut self, name: &str) -> PyErr {
        self.new_error(K::NameError, &format!("name '{name}' is not defined"))
    }

    /// The preallocated-style `MemoryError`.
    pub fn memory_error(&mut self) -> PyErr {
        self.memory_error.clone()
    }

    /// Whether the exception is an instance of `kind`.
    pub fn exc_matches(&self, err: &PyErr, kind: ExcKind) -> bool {
        err.as_obj().class().is_subtype(self.exc_type(kind))
    }
}

fn exc_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<BaseException>> {
    match as_exception(v) {
        Some(e) => Ok(e),
        None => Err(vm.type_error("descriptor requires a 'BaseException' object".into())),
    }
}

/// `str(exception)` as CPython's `BaseException.__str__` (and `KeyError`'s).
pub fn exception_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let e = exc_of(vm, v)?.clone();
    if let Some(text) = crate::builtins::str::codecs::unicode_error_str(vm, v)? {
        return vm.new_str(&text);
    }
    if let Some(text) = crate::runtime::syntax_error::syntax_error_str(vm, v) {
        return vm.new_str(&text);
    }
    // ImportError's str is its `msg` when that is a str.
    if e.as_obj().class().is_subtype(vm.exc_type(K::ImportError))
        && let Some(msg) = e.dict.get(&crate::builtins::str::Str::new("msg"))
        && vm.as_str(&msg).is_some()
    {
        return Ok(msg);
    }
    let args = e.args.get();
    let items = crate::builtins::tuple::seq_items(&args).unwrap_or_default();
    match items.len() {
        0 => vm.new_str(""),
        1 => {
            let is_key_error = v
                .as_object()
                .is_some_and(|o| o.class().is_subtype(vm.exc_type(K::KeyError)));
            if is_key_error {
                let r = vm.repr_string(&items[0])?;
                vm.new_str(&r)
            } else {
                vm.str(&items[0])
            }
        }
        _ => vm.str(&args),
    }
}

/// Installs `BaseException`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.new.set(Some(|vm, cls, args, kwnames| {
        let nkw = kwnames.map_or(0, |k| k.items().len());
        let pos = args[..args.len() - nkw].to_vec();
        Ok(Value::from_object(
            vm.new_exception_of(cls, pos).0.into_obj(),
        ))
    }));
    t.slots.init.set(Some(|vm, this, args, kwnames| {
        let nkw = kwnames.map_or(0, |k| k.items().len());
        if nkw > 0 {
            let tn = vm.type_name(this);
            return Err(vm.type_error(format!("{tn}() takes no keyword arguments")));
        }
        let e = exc_of(vm, this)?.clone();
        let t = vm.new_tuple(args.to_vec())?;
        let old = e.args.with(|a| std::mem::replace(a, t));
        drop(old);
        Ok(())
    }));
    t.slots.str.set(Some(exception_str));
    t.slots.repr.set(Some(|vm, v| {
        let e = exc_of(vm, v)?.clone();
        let args = e.args.get();
        let items = crate::builtins::tuple::seq_items(&args).unwrap_or_default();
        let name = vm.type_name(v);
        let inner = if items.len() == 1 {
            format!("({})", vm.repr_string(&items[0])?)
        } else {
            vm.repr_string(&args)?
        };
        vm.new_str(&format!("{name}{inner}"))
    }));
    t.slots
        .getattro
        .set(Some(crate::builtins::object::generic_getattr));
    t.slots
        .setattro
        .set(Some(crate::builtins::object::generic_setattr));
}

/// The getset attributes of exceptions: (name, getter, setter).
pub fn exception_attribute(
    vm: &mut Vm,
    e: &Ref<BaseException>,
    name: &str,
) -> Option<PyResult<Value>> {
    let this = Value::from_object(e.as_obj().clone());
    if let Some(v) = crate::builtins::str::codecs::unicode_error_attribute(vm, &this, name) {
        return Some(Ok(v));
    }
    Some(Ok(match name {
        "args" => e.args.get(),
        "__traceback__" => e.traceback.get(),
        "__cause__" => e.cause.get(),
        "__context__" => e.context.get(),
        "__suppress_context__" => Value::from_bool(e.suppress_context.get()),
        "value" if e.as_obj().class().is_subtype(vm.exc_type(K::StopIteration)) => {
            let args = crate::builtins::tuple::seq_items(&e.args.get()).unwrap_or_default();
            args.first().cloned().unwrap_or(Value::NONE)
        }
        // ImportError's attributes not set by its constructor.
        "name" | "path" | "msg" | "name_from"
            if e.as_obj().class().is_subtype(vm.exc_type(K::ImportError)) =>
        {
            Value::NONE
        }
        "code" if e.as_obj().class().is_subtype(vm.exc_type(K::SystemExit)) => {
            let args = crate::builtins::tuple::seq_items(&e.args.get()).unwrap_or_default();
            match args.len() {
                0 => Value::NONE,
                1 => args[0].clone(),
                _ => e.args.get(),
            }
        }
        _ => return None,
    }))
}

/// Sets an exception's getset attribute; `None` if `name` is not one.
pub fn set_exception_attribute(
    vm: &mut Vm,
    e: &Ref<BaseException>,
    name: &str,
    value: Value,
) -> Option<PyResult<()>> {
    match name {
        "args" => {
            let items = match vm.collect_iterable(&value) {
                Ok(i) => i,
                Err(err) => return Some(Err(err)),
            };
            match vm.new_tuple(items) {
                Ok(t) => e.args.with(|a| *a = t),
                Err(err) => return Some(Err(err)),
            }
        }
        "__traceback__" => e.traceback.with(|t| *t = value),
        "__cause__" => {
            e.cause.with(|c| *c = value);
            e.suppress_context.with(|s| *s = true);
        }
        "__context__" => e.context.with(|c| *c = value),
        "__suppress_context__" => {
            let b = value.as_bool().unwrap_or(false);
            e.suppress_context.with(|s| *s = b);
        }
        _ => return None,
    }
    Some(Ok(()))
}
