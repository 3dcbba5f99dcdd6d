//! The interpreter state: [`Vm`], the thread state passed as `&mut Vm` to
//! everything that runs Python code. It holds the builtin type objects, the
//! interned strings, the builtins dict, the data stack of frames, the
//! current frame, the recursion depths and the exception being handled.

pub mod call;
pub mod eval;
pub mod frame;
pub mod program;
pub mod setup;
pub mod traceback;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::str::Str;
use crate::error::{PyErr, PyResult};
use crate::hash::HashSecret;
use crate::object::Ref;
use crate::object::heap::AllocError;
use crate::types::TypeRef;
use crate::value::Value;
pub use frame::{DataStack, Frame};

static HASH_SECRET: OnceLock<HashSecret> = OnceLock::new();

/// The key of the string hash, fixed at start-up from `PYTHONHASHSEED`.
pub fn hash_secret() -> &'static HashSecret {
    HASH_SECRET.get_or_init(|| {
        let seed = crate::hash::hash_seed_from_env().unwrap_or(None);
        HashSecret::from_seed(seed)
    })
}

macro_rules! builtin_types {
    ($($field:ident),* $(,)?) => {
        /// The builtin type objects.
        pub struct BuiltinTypes {
            $(
                #[doc = concat!("`", stringify!($field), "`")]
                pub $field: TypeRef,
            )*
        }
    };
}

builtin_types! {
    object, type_, int, bool, float, none, not_implemented, ellipsis, str, bytes, tuple, list,
    dict, set, frozenset, range, slice, function, builtin_function, method, method_descriptor,
    classmethod, staticmethod, property, code, cell, module, traceback, frame, super_,
    seq_iterator, tuple_iterator, str_iterator, list_iterator, list_reverseiterator,
    range_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator, dict_keys,
    dict_values, dict_items, enumerate, zip, map, filter, reversed, getset,
    member_descriptor, mappingproxy, union, typevar, paramspec, typevartuple, typealias,
    nodefault, generic_alias,
}

/// Python frames allowed before `RecursionError` (`sys.getrecursionlimit()`).
pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;
/// Native re-entries of the eval loop (and other native recursion) allowed.
pub const NATIVE_DEPTH_LIMIT: u32 = 200;

/// The interpreter and thread state.
pub struct Vm {
    /// The builtin types.
    pub types: BuiltinTypes,
    /// The builtin exception classes, indexed by [`ExcKind`].
    pub exceptions: Vec<TypeRef>,
    /// The `builtins` module's dict.
    pub builtins: Ref<Dict>,
    /// Interned strings.
    interned: HashMap<Box<str>, Ref<Str>>,
    /// `""`.
    pub empty_str: Ref<Str>,
    /// `()`.
    pub empty_tuple: Ref<crate::builtins::tuple::Tuple>,
    /// `NotImplemented`.
    pub not_implemented_value: Value,
    /// `Ellipsis`.
    pub ellipsis: Value,
    /// `typing.NoDefault`.
    pub nodefault: Value,
    /// The `MemoryError` raised when an allocation fails.
    pub memory_error: PyErr,
    /// Frames live here.
    pub data_stack: DataStack,
    /// The innermost running frame (null when none).
    pub current_frame: *mut Frame,
    /// Python frames on the stack.
    pub recursion_depth: u32,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// Native calls that may recurse (re-entries of the eval loop, repr...).
    pub native_depth: u32,
    /// The exception being handled (`sys.exception()`), `None` if none.
    pub exc_info: Value,
    /// Objects whose repr is in progress (`Py_ReprEnter`).
    repr_stack: Vec<usize>,
    /// Buffered standard output.
    pub stdout: std::io::BufWriter<std::io::Stdout>,
}

impl Vm {
    /// Creates an interpreter with the builtin types and the builtins module.
    pub fn new() -> Result<Vm, AllocError> {
        setup::create()
    }

    /// Allocates an object of `class`, turning a refused allocation into `MemoryError`.
    pub fn alloc<T: 'static>(&mut self, class: &TypeRef, payload: T) -> PyResult<Ref<T>> {
        Ref::new(class, payload).map_err(|_| self.memory_error.clone())
    }

    /// The interned string for `text`.
    pub fn intern(&mut self, text: &str) -> PyResult<Ref<Str>> {
        if let Some(s) = self.interned.get(text) {
            return Ok(s.clone());
        }
        let s = self.alloc(&self.types.str.clone(), Str::new(text))?;
        s.as_obj().make_immortal();
        self.interned.insert(text.into(), s.clone());
        Ok(s)
    }

    /// The interned string for `text` as a value.
    pub fn intern_value(&mut self, text: &str) -> PyResult<Value> {
        Ok(Value::from_object(self.intern(text)?.into_obj()))
    }

    /// The class of an exception kind.
    pub fn exc_type(&self, kind: ExcKind) -> &TypeRef {
        &self.exceptions[kind as usize]
    }

    /// `NotImplemented`.
    pub fn not_implemented(&self) -> Value {
        self.not_implemented_value.clone()
    }

    /// Whether a value is `NotImplemented`.
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        match (v.as_object(), self.not_implemented_value.as_object()) {
            (Some(a), Some(b)) => a.is(b),
            _ => false,
        }
    }

    /// What a float power with a complex result returns until complex exists.
    pub fn not_implemented_complex(&self) -> Value {
        self.not_implemented()
    }

    /// The class of any value.
    pub fn type_of<'a>(&'a self, v: &'a Value) -> &'a TypeRef {
        use crate::value::Unpacked as U;
        match v.unpack() {
            U::None => &self.types.none,
            U::Bool(_) => &self.types.bool,
            U::Int(_) => &self.types.int,
            U::Float(_) => &self.types.float,
            U::Object(o) => o.class(),
        }
    }

    /// The class name of a value (for messages).
    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name.to_string()
    }

    /// Enters a native recursion level (`RecursionError` past the limit).
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth >= NATIVE_DEPTH_LIMIT + self.recursion_limit {
            return Err(self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        self.native_depth += 1;
        Ok(())
    }

    /// Leaves a native recursion level.
    pub fn leave_native(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    /// `Py_ReprEnter`: false if `v`'s repr is already in progress.
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        let Some(o) = v.as_object() else { return true };
        if self.repr_stack.contains(&o.address()) {
            return false;
        }
        self.repr_stack.push(o.address());
        true
    }

    /// `Py_ReprLeave`.
    pub fn repr_leave(&mut self, v: &Value) {
        if let Some(o) = v.as_object()
            && let Some(i) = self.repr_stack.iter().rposition(|&a| a == o.address())
        {
            self.repr_stack.remove(i);
        }
    }
}
