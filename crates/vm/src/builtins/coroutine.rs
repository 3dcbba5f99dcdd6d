//! The await protocol and asynchronous iteration (CPython's
//! `_PyCoro_GetAwaitableIter`, `coroutine_wrapper`, and the
//! `GET_AWAITABLE`/`GET_AITER`/`GET_ANEXT`/`END_ASYNC_FOR` instructions).
//!
//! Coroutine objects themselves are [`Generator`]s of kind
//! [`GenKind::Coroutine`] (`builtins/generator.rs`); `coro.__await__()`
//! returns a [`CoroutineWrapper`], an iterator that drives the coroutine.

use krait_compiler::bytecode::code_object::co_flags;

use crate::builtins::exceptions::{ExcKind, as_exception};
use crate::builtins::generator::{
    Generator, Resumed, as_generator, close, generator_next, send, send_ex, throw_args,
    throw_method,
};
use crate::builtins::native::{Args, MethodDef, method};
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The payload of `coroutine_wrapper` (what `coro.__await__()` returns).
pub struct CoroutineWrapper {
    /// The coroutine it drives.
    pub coroutine: Ref<Generator>,
}

/// `coro.__await__()`.
pub fn new_wrapper(vm: &mut Vm, coroutine: Ref<Generator>) -> PyResult<Value> {
    let class = vm.types.coroutine_wrapper.clone();
    let w = vm.alloc(&class, CoroutineWrapper { coroutine })?;
    Ok(Value::from_object(w.into_obj()))
}

fn wrapped(vm: &mut Vm, args: &Args) -> PyResult<Ref<Generator>> {
    match args
        .this()
        .as_object()
        .and_then(|o| o.downcast::<CoroutineWrapper>())
    {
        Some(w) => Ok(w.coroutine.clone()),
        None => Err(vm.type_error("expected a coroutine_wrapper".into())),
    }
}

/// Methods of `coroutine_wrapper`.
pub static WRAPPER_METHODS: &[MethodDef] = &[
    method("__iter__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__next__", "($self, /)", |vm, args| {
        let c = wrapped(vm, args)?;
        match send_ex(vm, &c, Value::NONE, None, false)? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(vm.stop_iteration(v)),
        }
    }),
    method("send", "($self, value, /)", |vm, args| {
        let c = wrapped(vm, args)?;
        send(vm, &c, args.required(1).clone())
    }),
    method("throw", "($self, *args)", |vm, args| {
        let c = wrapped(vm, args)?;
        let t = throw_args(vm, "throw", args.varargs())?;
        throw_method(vm, &c, &t)
    }),
    method("close", "($self, /)", |vm, args| {
        let c = wrapped(vm, args)?;
        close(vm, &c)
    }),
];

/// Installs the slots of `coroutine_wrapper`.
pub fn init_wrapper_type(vm: &Vm) {
    let t = &vm.types.coroutine_wrapper;
    t.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    t.slots.next.set(Some(|vm, v| {
        let Some(w) = v.as_object().and_then(|o| o.downcast::<CoroutineWrapper>()) else {
            return Err(vm.type_error("expected a coroutine_wrapper".into()));
        };
        let c = Value::from_object(w.coroutine.as_obj().clone());
        generator_next(vm, &c)
    }));
}

/// Whether `v` is a coroutine: an `async def` coroutine object, or a
/// generator marked by `types.coroutine` (`CO_ITERABLE_COROUTINE`).
pub fn is_coroutine(vm: &Vm, v: &Value) -> bool {
    let Some(o) = v.as_object() else { return false };
    if o.class().same(&vm.types.coroutine) {
        return true;
    }
    o.class().same(&vm.types.generator)
        && as_generator(v)
            .and_then(|g| g.code())
            .is_some_and(|c| c.code.flags & co_flags::ITERABLE_COROUTINE != 0)
}

/// The iterator that awaiting `v` drives (CPython's
/// `_PyCoro_GetAwaitableIter`): a coroutine itself, or what `__await__`
/// returns, which must be an iterator and not a coroutine.
pub fn awaitable_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_coroutine(vm, v) {
        return Ok(v.clone());
    }
    let class = vm.type_of(v).clone();
    let Some(getter) = class.lookup("__await__") else {
        return Err(vm.type_error(format!("'{}' object can't be awaited", class.name)));
    };
    let bound = vm.bind(&getter, v, &class)?;
    let res = vm.call(&bound, &[], None)?;
    if is_coroutine(vm, &res) {
        return Err(vm.type_error("__await__() returned a coroutine".into()));
    }
    if vm.type_of(&res).slots.next.get().is_none() {
        let tn = vm.type_name(&res);
        return Err(vm.type_error(format!("__await__() returned non-iterator of type '{tn}'")));
    }
    Ok(res)
}

/// `GET_AWAITABLE`: the iterator for `await v`; `oparg` 1 and 2 name the
/// `__aenter__`/`__aexit__` of `async with` in the error.
pub(crate) fn get_awaitable(vm: &mut Vm, v: &Value, oparg: u32) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    let iter = match awaitable_iter(vm, v) {
        Ok(it) => it,
        Err(e) => {
            if class.lookup("__await__").is_none() && (oparg == 1 || oparg == 2) {
                let which = if oparg == 1 {
                    "__aenter__"
                } else {
                    "__aexit__"
                };
                return Err(vm.type_error(format!(
                    "'async with' received an object from {which} that does not implement __await__: {}",
                    class.name
                )));
            }
            return Err(e);
        }
    };
    if iter
        .as_object()
        .is_some_and(|o| o.class().same(&vm.types.coroutine))
        && as_generator(&iter).is_some_and(|g| g.yield_from().is_some())
    {
        return Err(vm.runtime_error("coroutine is being awaited already"));
    }
    Ok(iter)
}

/// `GET_AITER`: `type(v).__aiter__(v)`, which must have `__anext__`.
pub(crate) fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let class = vm.type_of(v).clone();
    let Some(getter) = class.lookup("__aiter__") else {
        return Err(vm.type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            class.name
        )));
    };
    let bound = vm.bind(&getter, v, &class)?;
    let it = vm.call(&bound, &[], None)?;
    if vm.type_of(&it).lookup("__anext__").is_none() {
        let tn = vm.type_name(&it);
        return Err(vm.type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
        )));
    }
    Ok(it)
}

/// `GET_ANEXT`: the awaitable of the next step of an async iterator.
pub(crate) fn get_anext(vm: &mut Vm, aiter: &Value) -> PyResult<Value> {
    if crate::builtins::async_generator::is_async_generator(vm, aiter)
        && let Some(g) = as_generator(aiter).cloned()
    {
        return crate::builtins::async_generator::anext(vm, g);
    }
    let class = vm.type_of(aiter).clone();
    let Some(getter) = class.lookup("__anext__") else {
        return Err(vm.type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            class.name
        )));
    };
    let bound = vm.bind(&getter, aiter, &class)?;
    let next = vm.call(&bound, &[], None)?;
    match awaitable_iter(vm, &next) {
        Ok(it) => Ok(it),
        Err(cause) => {
            let tn = vm.type_name(&next);
            let e = vm.type_error(format!(
                "'async for' received an invalid object from __anext__: {tn}"
            ));
            let c = Value::from_object(cause.0.into_obj());
            e.0.cause.with(|x| *x = c.clone());
            e.0.context.with(|x| *x = c);
            e.0.suppress_context.with(|s| *s = true);
            Err(e)
        }
    }
}

/// `END_ASYNC_FOR`: the exception that ended an `async for` step;
/// `StopAsyncIteration` ends the loop (`Ok`), anything else is re-raised.
pub(crate) fn end_async_for(vm: &Vm, exc: &Value) -> Result<(), PyErr> {
    let Some(e) = as_exception(exc) else {
        return Ok(());
    };
    let err = PyErr(e.clone());
    if vm.exc_matches(&err, ExcKind::StopAsyncIteration) {
        Ok(())
    } else {
        Err(err)
    }
}
