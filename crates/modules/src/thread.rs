//! `_thread` (CPython's `Modules/_threadmodule.c`) for an interpreter that
//! runs one thread: thread identity (`get_ident`, `get_native_id`) and the
//! two lock types, `lock` (`allocate_lock`) and `RLock`, which
//! `functools`, `reprlib` and friends use to guard their state.
//!
//! krait does not start threads yet: `start_new_thread` raises
//! `NotImplementedError`, and so does a blocking `acquire` of a lock that is
//! already held without a timeout (with no other thread to release it,
//! CPython would wait forever). A timed `acquire` of a held lock waits its
//! timeout out and fails, as it would in CPython.

use std::cell::Cell;

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
    krait_vm::builtins::slot_wrappers::install(vm, &[lock.clone(), rlock.clone()])?;
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

/// The functions of `_thread`.
const FUNCTIONS: &[MethodDef] = &[
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
