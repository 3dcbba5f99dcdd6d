//! `_thread` (CPython's `Modules/_threadmodule.c`) for an interpreter that
//! runs one thread: thread identity (`get_ident`, `get_native_id`) and the
//! two lock types, `lock` (`allocate_lock`) and `RLock`, which
//! `functools`, `reprlib` and friends use to guard their state.
//!
//! `threading` imports too: thread handles (`_ThreadHandle`, which
//! `threading.Thread` objects and the main thread carry), the main thread's
//! identity and the interpreter questions it asks.
//!
//! krait does not start threads yet: `start_new_thread` and
//! `start_joinable_thread` raise `NotImplementedError`, and so does a blocking `acquire` of a lock that is
//! already held without a timeout (with no other thread to release it,
//! CPython would wait forever). A timed `acquire` of a held lock waits its
//! timeout out and fails, as it would in CPython.

use std::cell::Cell;

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::gc::Payload;
use krait_vm::object::Ref;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `_thread`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let lock = vm.new_builtin_type::<Lock>("_thread", "lock", None, 0, LOCK_METHODS)?;
    lock.slots
        .new
        .set(Some(|vm, cls, _args, _kw| new_lock(vm, cls, false)));
    lock.slots.repr.set(Some(lock_repr));
    lock.bump_version();
    let rlock = vm.new_builtin_type::<Lock>(
        "_thread",
        "RLock",
        None,
        flags::BASETYPE | flags::NEW_ALLOCATES_CLASS,
        RLOCK_METHODS,
    )?;
    rlock
        .slots
        .new
        .set(Some(|vm, cls, _args, _kw| new_lock(vm, cls, true)));
    rlock.slots.repr.set(Some(lock_repr));
    rlock.bump_version();
    for t in [&lock, &rlock] {
        t.flags.set(t.flags.get() | flags::WEAKREFABLE);
    }
    let handle =
        vm.new_builtin_type::<ThreadHandle>("_thread", "_ThreadHandle", None, 0, HANDLE_METHODS)?;
    handle
        .slots
        .new
        .set(Some(|vm, cls, _args, _kw| new_handle(vm, cls, 0)));
    handle.slots.repr.set(Some(handle_repr));
    vm.add_getsets(&handle, HANDLE_GETSETS)?;
    handle.bump_version();
    let local = vm.new_builtin_type::<krait_vm::builtins::object::BareObject>(
        "_thread",
        "_local",
        None,
        flags::BASETYPE | flags::HAS_DICT | flags::EXTENDED | flags::WEAKREFABLE,
        &[],
    )?;
    local.slots.new.set(Some(new_local));
    local.slots.init.set(Some(|_vm, _this, _args, _kw| Ok(())));
    local.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, &[lock.clone(), rlock.clone()])?;
    vm.module_set(module, "_local", Value::from_object(local.as_obj().clone()))?;
    let hook_args = crate::struct_sequence::new_type(
        vm,
        "_thread",
        "_ExceptHookArgs",
        &["exc_type", "exc_value", "exc_traceback", "thread"],
    )?;
    vm.module_set(
        module,
        "_ExceptHookArgs",
        Value::from_object(hook_args.as_obj().clone()),
    )?;
    vm.module_set(
        module,
        "_ThreadHandle",
        Value::from_object(handle.as_obj().clone()),
    )?;
    vm.module_set(
        module,
        "LockType",
        Value::from_object(lock.as_obj().clone()),
    )?;
    vm.module_set(module, "lock", Value::from_object(lock.as_obj().clone()))?;
    vm.module_set(module, "RLock", Value::from_object(rlock.as_obj().clone()))?;
    let runtime_error = Value::from_object(vm.exc_type(ExcKind::RuntimeError).as_obj().clone());
    vm.module_set(module, "error", runtime_error)?;
    // CPython's value on Linux (the largest timeout `acquire` accepts).
    vm.module_set(module, "TIMEOUT_MAX", Value::from_f64(TIMEOUT_MAX))?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `_thread.__doc__` (krait's own words).
const DOC: &str = "Thread identity and locks (krait runs one thread).";

thread_local! {
    /// `stack_size()`: the stack size asked for new threads (0: default).
    static STACK_SIZE: Cell<i64> = const { Cell::new(0) };
}

/// The smallest stack `stack_size` accepts (CPython's value on Linux).
const MIN_STACK_SIZE: i64 = 53248;

/// The largest timeout in seconds.
const TIMEOUT_MAX: f64 = 9223372036.0;

/// The payload of `lock` and `RLock`.
pub struct Lock {
    /// How many times the owner holds it (0: free; a `lock` holds once).
    count: Cell<u64>,
    /// The holder's thread identity (`RLock` only).
    owner: Cell<u64>,
    /// Whether the owner may acquire it again (`RLock`).
    reentrant: bool,
}

impl Payload for Lock {}

fn new_lock(vm: &mut Vm, cls: &TypeRef, reentrant: bool) -> PyResult<Value> {
    let lock = vm.alloc(
        cls,
        Lock {
            count: Cell::new(0),
            owner: Cell::new(0),
            reentrant,
        },
    )?;
    Ok(Value::from_object(lock.into_obj()))
}

fn lock_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Lock>> {
    match v.as_object().and_then(|o| o.downcast::<Lock>()) {
        Some(l) => Ok(l.clone()),
        None => Err(vm.type_error("expected a lock".into())),
    }
}

/// The identity of the running thread.
fn current_ident() -> u64 {
    // SAFETY: `pthread_self` has no preconditions.
    #[cfg(unix)]
    {
        (unsafe { libc::pthread_self() }) as u64
    }
    #[cfg(not(unix))]
    {
        1
    }
}

fn lock_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let lock = lock_of(vm, v)?;
    let state = if lock.count.get() > 0 {
        "locked"
    } else {
        "unlocked"
    };
    let tn = vm.type_name(v);
    let module = if lock.reentrant { "_thread." } else { "" };
    let text = if lock.reentrant {
        format!(
            "<{state} {module}{tn} object owner={} count={} at {:#x}>",
            lock.owner.get(),
            lock.count.get(),
            lock.as_obj().address()
        )
    } else {
        format!(
            "<{state} _thread.lock object at {:#x}>",
            lock.as_obj().address()
        )
    };
    vm.new_str(&text)
}

/// `acquire(blocking=True, timeout=-1)`.
fn acquire(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lock = lock_of(vm, args.this())?;
    let blocking = match args.get(1) {
        Some(b) => vm.is_true(b)?,
        None => true,
    };
    let timeout = match args.get(2) {
        Some(t) => match krait_vm::builtins::float::as_float(vm, t)? {
            Some(t) => t,
            None => {
                let tn = vm.type_name(t);
                return Err(vm.type_error(format!(
                    "'{tn}' object cannot be interpreted as an integer or float"
                )));
            }
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    let me = current_ident();
    if lock.count.get() == 0 || (lock.reentrant && lock.owner.get() == me) {
        let Some(count) = lock.count.get().checked_add(1) else {
            return Err(vm.overflow_error("Internal lock count overflowed"));
        };
        lock.count.set(count);
        lock.owner.set(me);
        return Ok(Value::from_bool(true));
    }
    if !blocking {
        return Ok(Value::from_bool(false));
    }
    if timeout < 0.0 {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait has no threads yet: acquiring a held lock without a timeout would wait forever",
        ));
    }
    let time = vm.import_module("time")?;
    let sleep = vm.get_attr_str(&time, "sleep")?;
    vm.call(&sleep, &[Value::from_f64(timeout)], None)?;
    Ok(Value::from_bool(false))
}

fn not_held(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::RuntimeError, "release unlocked lock")
}

/// `release()`.
fn release(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let lock = lock_of(vm, args.this())?;
    if lock.reentrant {
        if lock.count.get() == 0 || lock.owner.get() != current_ident() {
            return Err(vm.new_error(ExcKind::RuntimeError, "cannot release un-acquired lock"));
        }
    } else if lock.count.get() == 0 {
        return Err(not_held(vm));
    }
    lock.count.set(lock.count.get().saturating_sub(1));
    if lock.count.get() == 0 {
        lock.owner.set(0);
    }
    Ok(Value::NONE)
}

const LOCK_METHODS: &[MethodDef] = &[
    method("acquire", "(self, blocking=True, timeout=-1)", acquire),
    method("acquire_lock", "(self, blocking=True, timeout=-1)", acquire),
    method("__enter__", "(self, /)", acquire),
    method("release", "(self, /)", release),
    method("release_lock", "(self, /)", release),
    method("__exit__", "(self, *args)", release),
    method("locked", "(self, /)", |vm, args| {
        let lock = lock_of(vm, args.this())?;
        Ok(Value::from_bool(lock.count.get() > 0))
    }),
    method("locked_lock", "(self, /)", |vm, args| {
        let lock = lock_of(vm, args.this())?;
        Ok(Value::from_bool(lock.count.get() > 0))
    }),
];

const RLOCK_METHODS: &[MethodDef] = &[
    method("acquire", "(self, blocking=True, timeout=-1)", acquire),
    method("__enter__", "(self, /)", acquire),
    method("release", "(self, /)", release),
    method("__exit__", "(self, *args)", release),
    method("locked", "(self, /)", |vm, args| {
        let lock = lock_of(vm, args.this())?;
        Ok(Value::from_bool(lock.count.get() > 0))
    }),
    method("_is_owned", "(self, /)", |vm, args| {
        let lock = lock_of(vm, args.this())?;
        Ok(Value::from_bool(
            lock.count.get() > 0 && lock.owner.get() == current_ident(),
        ))
    }),
    method("_recursion_count", "(self, /)", |vm, args| {
        let lock = lock_of(vm, args.this())?;
        let mine = lock.owner.get() == current_ident();
        let count = if mine { lock.count.get() } else { 0 };
        Ok(Value::from_i64(i64::try_from(count).unwrap_or(i64::MAX)))
    }),
];

/// `_thread._local()`: with one thread, thread-local data is an object's
/// own attributes. Arguments are refused unless a subclass's `__init__`
/// takes them, as in CPython.
fn new_local(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    _kwnames: Option<&Ref<krait_vm::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    if !args.is_empty() {
        let object_init = vm.types.object.lookup("__init__");
        let own_init = cls.lookup("__init__");
        let overridden = match (&object_init, &own_init) {
            (Some(a), Some(b)) => !krait_vm::protocol::number::is_same(a, b),
            _ => true,
        };
        if !overridden {
            return Err(vm.type_error("Initialization arguments are not supported".into()));
        }
    }
    let local = vm.alloc(cls, krait_vm::builtins::object::BareObject)?;
    Ok(Value::from_object(local.into_obj()))
}

/// `_thread._excepthook(args)` (`threading.excepthook`): reports an
/// exception a thread let escape, `Exception in thread NAME:` and the
/// traceback on stderr; `SystemExit` is silent.
fn excepthook(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let hook_args = args.required(0).clone();
    let items = match hook_args
        .as_object()
        .and_then(|o| o.downcast::<krait_vm::builtins::tuple::Tuple>())
    {
        Some(t) if t.items().len() == 4 => t.items().to_vec(),
        _ => {
            return Err(
                vm.type_error("_thread._excepthook argument type must be ExceptHookArgs".into())
            );
        }
    };
    let system_exit = Value::from_object(vm.exc_type(ExcKind::SystemExit).as_obj().clone());
    if krait_vm::protocol::number::is_same(&items[0], &system_exit) {
        return Ok(Value::NONE);
    }
    let name = if items[3].is_none() {
        current_ident().to_string()
    } else {
        let name = vm.get_attr_str(&items[3], "name")?;
        vm.str_string(&name)?
    };
    let text = match items[1]
        .as_object()
        .and_then(|o| o.downcast::<krait_vm::builtins::exceptions::BaseException>())
        .cloned()
    {
        Some(exc) => krait_vm::runtime::traceback::format_exception(vm, &exc),
        None => format!("{}\n", vm.str_string(&items[1])?),
    };
    vm.flush_stdout();
    eprint!("Exception in thread {name}:\n{text}");
    Ok(Value::NONE)
}

/// The payload of `_thread._ThreadHandle`: a thread's identity and whether
/// it finished (only the main thread's handle and unstarted ones exist).
pub struct ThreadHandle {
    ident: Cell<u64>,
    done: Cell<bool>,
}

impl Payload for ThreadHandle {}

fn new_handle(vm: &mut Vm, cls: &TypeRef, ident: u64) -> PyResult<Value> {
    let handle = vm.alloc(
        cls,
        ThreadHandle {
            ident: Cell::new(ident),
            done: Cell::new(false),
        },
    )?;
    Ok(Value::from_object(handle.into_obj()))
}

fn handle_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<ThreadHandle>> {
    match v.as_object().and_then(|o| o.downcast::<ThreadHandle>()) {
        Some(h) => Ok(h.clone()),
        None => Err(vm.type_error("expected a _ThreadHandle".into())),
    }
}

fn handle_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let handle = handle_of(vm, v)?;
    let text = format!(
        "<_thread._ThreadHandle object: ident={}>",
        handle.ident.get()
    );
    vm.new_str(&text)
}

const HANDLE_GETSETS: &[GetSetDef] = &[readonly("ident", |vm, v| {
    let handle = handle_of(vm, v)?;
    Ok(Value::from_i64(handle.ident.get() as i64))
})];

const HANDLE_METHODS: &[MethodDef] = &[
    method("is_done", "(self, /)", |vm, args| {
        let handle = handle_of(vm, args.this())?;
        Ok(Value::from_bool(handle.done.get()))
    }),
    method("_set_done", "(self, /)", |vm, args| {
        let handle = handle_of(vm, args.this())?;
        handle.done.set(true);
        Ok(Value::NONE)
    }),
    method("join", "(self, /, timeout=None)", |vm, args| {
        let handle = handle_of(vm, args.this())?;
        if handle.done.get() {
            return Ok(Value::NONE);
        }
        if handle.ident.get() == current_ident() {
            return Err(vm.new_error(ExcKind::RuntimeError, "Cannot join current thread"));
        }
        Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait has no threads yet: joining a thread that was never started",
        ))
    }),
];

/// The functions of `_thread`.
const FUNCTIONS: &[MethodDef] = &[
    method(
        "start_joinable_thread",
        "(function, handle=None, daemon=True)",
        |vm, _args| {
            Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait does not support starting threads yet",
            ))
        },
    ),
    method("_excepthook", "(args, /)", excepthook),
    method("stack_size", "(size=0, /)", |vm, args| {
        let size = match args.get(0) {
            Some(v) => vm.index_i64(v)?,
            None => return Ok(Value::from_i64(STACK_SIZE.with(Cell::get))),
        };
        if size != 0 && size < MIN_STACK_SIZE {
            return Err(vm.value_error(&format!("size must be at least {MIN_STACK_SIZE} bytes")));
        }
        Ok(Value::from_i64(STACK_SIZE.with(|s| s.replace(size))))
    }),
    method("daemon_threads_allowed", "()", |_vm, _args| {
        Ok(Value::from_bool(true))
    }),
    method("_shutdown", "()", |_vm, _args| Ok(Value::NONE)),
    method("_is_main_interpreter", "()", |_vm, _args| {
        Ok(Value::from_bool(true))
    }),
    method("_get_main_thread_ident", "()", |_vm, _args| {
        Ok(Value::from_i64(current_ident() as i64))
    }),
    method("_make_thread_handle", "(ident, /)", |vm, args| {
        let ident = vm.index_i64(args.required(0))?;
        let module = vm.import_module("_thread")?;
        let class = vm.get_attr_str(&module, "_ThreadHandle")?;
        let Some(class) = class
            .as_object()
            .and_then(|o| o.downcast::<krait_vm::TypeObject>())
            .cloned()
        else {
            return Err(vm.type_error("_thread._ThreadHandle is not a class".into()));
        };
        new_handle(vm, &class, ident as u64)
    }),
    method("get_ident", "()", |_vm, _args| {
        Ok(Value::from_i64(current_ident() as i64))
    }),
    method("get_native_id", "()", |_vm, _args| {
        #[cfg(target_os = "linux")]
        // SAFETY: `gettid` has no preconditions.
        let id = i64::from(unsafe { libc::gettid() });
        #[cfg(not(target_os = "linux"))]
        let id = current_ident() as i64;
        Ok(Value::from_i64(id))
    }),
    method("allocate_lock", "()", |vm, _args| {
        let module = vm.import_module("_thread")?;
        let class = vm.get_attr_str(&module, "lock")?;
        vm.call(&class, &[], None)
    }),
    method("_count", "()", |_vm, _args| Ok(Value::from_i64(0))),
    method(
        "start_new_thread",
        "(function, args, kwargs=None, /)",
        |vm, _args| {
            Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait does not support starting threads yet",
            ))
        },
    ),
];
