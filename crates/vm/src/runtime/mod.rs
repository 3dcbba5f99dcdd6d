//! The interpreter state: [`Vm`], the thread state passed as `&mut Vm` to
//! everything that runs Python code. It holds the builtin type objects, the
//! interned strings, the builtins dict, the import system's state, the
//! start-up configuration, the data stack of frames, the current frame, the
//! recursion depths and the exception being handled.

pub mod attr_access;
pub mod call;
pub mod call_site;
pub(crate) mod class_call;
pub mod config;
pub mod eval;
pub(crate) mod fast_call;
pub(crate) mod fast_ops;
pub mod frame;
pub mod frame_object;
pub mod import;
pub mod inline_cache;
pub mod instruction_stream;
pub(crate) mod kw_call;
pub mod pattern_match;
pub mod program;
pub mod setup;
pub mod signals;
pub mod super_attr;
pub mod syntax_error;
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
    object, type_, int, bool, float, complex, none, not_implemented, ellipsis, str, bytes,
    bytearray, memoryview, tuple, list, dict, set, frozenset, set_iterator, range, slice,
    function, builtin_function, method, method_descriptor, wrapper_descriptor, method_wrapper,
    classmethod, staticmethod, property,
    code, cell, module, traceback, frame, frame_locals_proxy, super_, seq_iterator, tuple_iterator, str_iterator,
    list_iterator, list_reverseiterator, range_iterator, callable_iterator, dict_keyiterator,
    dict_valueiterator, dict_itemiterator, dict_reversekeyiterator, dict_reversevalueiterator,
    dict_reverseitemiterator, dict_keys, dict_values, dict_items, mappingproxy, enumerate, zip,
    map, filter, reversed, getset, member_descriptor, union, typevar, paramspec, typevartuple,
    typealias, nodefault, generic_alias, file_io, text_io_wrapper, buffered_reader, buffered_writer,
    buffered_random, generator, coroutine, coroutine_wrapper, async_generator,
    async_generator_asend, async_generator_athrow, async_generator_wrapped_value, template,
    interpolation, template_iterator,
}

/// The current native stack address (approximately: a local's address).
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
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
    /// The one-character strings of code points below 256, made on first
    /// use and shared afterwards, as CPython shares them.
    pub latin1_chars: Vec<Option<Ref<Str>>>,
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
    /// Native stack address at the outermost native call (to report the
    /// stack used when a native recursion limit is hit).
    pub native_stack_base: usize,
    /// The exception being handled by the running code, `None` if none.
    /// A running generator that handles none sees its resumer's:
    /// `sys.exception()` is [`Vm::handled_exception`], which walks them.
    pub exc_info: Value,
    /// Objects whose repr is in progress (`Py_ReprEnter`).
    repr_stack: Vec<usize>,
    /// Buffered standard output.
    pub stdout: std::io::BufWriter<std::io::Stdout>,
    /// The `sys.stdout` object the interpreter created, if any: `print`
    /// writes to [`Vm::stdout`] directly while `sys.stdout` is this object.
    pub standard_output: Value,
    /// Private objects of native modules (CPython's module state), under
    /// keys the modules choose (`"sys.frame"`).
    pub module_state: HashMap<&'static str, Value>,
    /// The `_ast` module's tree converters, once it is imported (`compile()`
    /// to and from `ast` objects).
    pub ast_hooks: Option<crate::builtins::code_eval::AstHooks>,
    /// The import system: `sys.modules`, the builtin modules.
    pub import: import::ImportState,
    /// What the interpreter was started with (`sys.argv`, `sys.path`, ...).
    pub config: config::Config,
}

impl Vm {
    /// Creates an interpreter with the builtin types and the builtins module.
    pub fn new() -> Result<Vm, AllocError> {
        setup::create()
    }

    /// Configures a new interpreter before a program runs: registers the
    /// builtin modules `config` names and imports `sys` if one of them is
    /// `sys` (the start-up CPython does before running `__main__`).
    pub fn configure(&mut self, config: config::Config) -> PyResult<()> {
        for module in config.builtin_modules.iter().copied() {
            self.add_builtin_module(module);
        }
        self.config = config;
        if self.builtin_module("sys").is_some() {
            self.import_module("sys")?;
        }
        Ok(())
    }

    /// Allocates an object of `class`, turning a refused allocation into `MemoryError`.
    #[inline]
    pub fn alloc<T: crate::gc::Payload>(
        &mut self,
        class: &TypeRef,
        payload: T,
    ) -> PyResult<Ref<T>> {
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

    /// The class of any value.
    pub fn type_of<'a>(&'a self, v: &'a Value) -> &'a TypeRef {
        use crate::value::Unpacked as U;
        // An object's own class first: boxed ints and floats are objects
        // of class `int`/`float`, so `unpack`'s look through them is not
        // needed here.
        if let Some(object) = v.as_object() {
            return object.class();
        }
        match v.unpack() {
            U::None => &self.types.none,
            U::Bool(_) => &self.types.bool,
            U::Int(_) => &self.types.int,
            U::Float(_) => &self.types.float,
            U::Object(o) => o.class(),
        }
    }

    /// The class name of a value for messages (CPython's `tp_name`): the
    /// class's name, qualified by its module for the types of native
    /// modules (`'itertools.count' object is not callable`).
    pub fn type_name(&self, v: &Value) -> String {
        self.class_name(self.type_of(v))
    }

    /// The name of `class` for messages (CPython's `tp_name`; see
    /// [`type_name`](Self::type_name)).
    pub fn class_name(&self, class: &crate::types::TypeObject) -> String {
        if !class.has_flag(crate::types::flags::HEAPTYPE) && class.builtin_module.get().is_none() {
            let module = class
                .dict
                .with(|d| d.get_str(&crate::builtins::str::Str::new("__module__")));
            if let Some(module) = module.as_ref().and_then(|m| self.as_str(m))
                && module.as_lossy() != "builtins"
            {
                return format!("{}.{}", module.as_lossy(), class.name);
            }
        }
        class.name.to_string()
    }

    /// The running Python frames, innermost first (`sys._getframe`).
    pub fn frames(&self) -> impl Iterator<Item = &Frame> {
        let mut cursor = self.current_frame;
        std::iter::from_fn(move || {
            // SAFETY: `current_frame` and every `previous` link are null or
            // live frames on the data stack, which outlive this borrow of
            // the Vm (frames are only popped by the running eval loop).
            let frame = unsafe { cursor.as_ref() }?;
            cursor = frame.previous;
            Some(frame)
        })
    }

    /// Whether `v` is [`Vm::standard_output`].
    pub fn is_standard_output(&self, v: &Value) -> bool {
        match (v.as_object(), self.standard_output.as_object()) {
            (Some(a), Some(b)) => a.is(b),
            _ => false,
        }
    }

    /// Enters a native recursion level (`RecursionError` past the limit).
    #[inline]
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth >= NATIVE_DEPTH_LIMIT + self.recursion_limit {
            return Err(self.native_depth_exceeded());
        }
        if self.native_depth == 0 {
            self.native_stack_base = stack_address();
        }
        self.native_depth += 1;
        Ok(())
    }

    /// Enters a native recursion level for an operation CPython guards by
    /// stack size (`repr`): past the limit, CPython's `RecursionError`
    /// "Stack overflow (used N kB) while ..." with the native stack used.
    pub fn enter_native_while(&mut self, context: &str) -> PyResult<()> {
        if self.native_depth >= NATIVE_DEPTH_LIMIT + self.recursion_limit {
            let used_kb = self.native_stack_base.abs_diff(stack_address()) / 1024;
            return Err(self.new_error(
                ExcKind::RecursionError,
                &format!("Stack overflow (used {used_kb} kB){context}"),
            ));
        }
        self.enter_native()
    }

    /// The `RecursionError` of [`enter_native`](Self::enter_native).
    #[cold]
    fn native_depth_exceeded(&mut self) -> PyErr {
        self.new_error(ExcKind::RecursionError, "maximum recursion depth exceeded")
    }

    /// Leaves a native recursion level.
    #[inline]
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
