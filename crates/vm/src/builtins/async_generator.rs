//! Async generators (PEP 525; CPython's `async_generator`,
//! `async_generator_asend`, `async_generator_athrow` and
//! `async_generator_wrapped_value`).
//!
//! An async generator is a [`Generator`] of kind
//! [`GenKind::AsyncGenerator`]. Its body yields two kinds of values
//! through the same `YIELD_VALUE`: what an `await` inside it passes up to
//! the event loop, and its own `yield`s, which `INTRINSIC_ASYNC_GEN_WRAP`
//! wraps first ([`wrap_value`]). The awaitables that `__anext__()`,
//! `asend()`, `athrow()` and `aclose()` return drive the generator and
//! tell the two apart: a wrapped value ends the awaitable's step with
//! `StopIteration(value)`, anything else is passed up to whoever awaits;
//! the generator finishing raises `StopAsyncIteration`.

use std::cell::Cell;

use crate::builtins::exceptions::ExcKind;
use crate::builtins::generator::{
    GenKind, Generator, ThrowArgs, as_generator, send_ex, throw, throw_args,
};
use crate::builtins::native::{Args, MethodDef, method};
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::frame::FrameState;
use crate::value::Value;

/// The payload of `async_generator_wrapped_value`: a value the async
/// generator itself yielded (not one an `await` passed up).
pub struct WrappedValue {
    /// The yielded value.
    pub value: Value,
}

/// Where an `asend`/`athrow` awaitable is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AwaitableState {
    /// Not started.
    Init,
    /// Started, not finished.
    Iter,
    /// Finished (may not be awaited again).
    Closed,
}

/// The payload of `async_generator_asend` (`__anext__()`, `asend(v)`).
pub struct ASend {
    /// The async generator it drives.
    pub(crate) generator: Ref<Generator>,
    /// The value to send.
    pub(crate) value: Value,
    state: Cell<AwaitableState>,
}

/// The payload of `async_generator_athrow` (`athrow(...)`, `aclose()`).
pub struct AThrow {
    /// The async generator it drives.
    pub(crate) generator: Ref<Generator>,
    /// The exception to throw; `None` for `aclose()` (`GeneratorExit`).
    pub(crate) args: Option<ThrowArgs>,
    state: Cell<AwaitableState>,
}

/// `INTRINSIC_ASYNC_GEN_WRAP`: marks a value the async generator yields.
pub fn wrap_value(vm: &mut Vm, value: Value) -> PyResult<Value> {
    let class = vm.types.async_generator_wrapped_value.clone();
    let w = vm.alloc(&class, WrappedValue { value })?;
    Ok(Value::from_object(w.into_obj()))
}

fn unwrap(v: &Value) -> Option<Value> {
    v.as_object()
        .and_then(|o| o.downcast::<WrappedValue>())
        .map(|w| w.value.clone())
}

/// CPython's `async_gen_unwrap_value`: the result of one step of the
/// generator, as the awaitable's step reports it.
fn unwrap_step(vm: &mut Vm, generator: &Generator, result: PyResult<Value>) -> PyResult<Value> {
    match result {
        Ok(v) => match unwrap(&v) {
            Some(inner) => {
                generator.running_async.set(false);
                Err(vm.stop_iteration(inner))
            }
            None => Ok(v),
        },
        Err(e) => {
            generator.running_async.set(false);
            Err(e)
        }
    }
}

/// Sends `value` into an async generator: its finishing is
/// `StopAsyncIteration`.
fn agen_send(vm: &mut Vm, generator: &Ref<Generator>, value: Value) -> PyResult<Value> {
    match send_ex(vm, generator, value, None, false)? {
        crate::builtins::generator::Resumed::Yielded(v) => Ok(v),
        crate::builtins::generator::Resumed::Returned(_) => {
            Err(vm.new_exception(ExcKind::StopAsyncIteration, Vec::new()))
        }
    }
}

/// Throws into an async generator (`GeneratorExit` does not close a
/// delegate right away: awaits in `finally` may need to run).
fn agen_throw(vm: &mut Vm, generator: &Ref<Generator>, args: &ThrowArgs) -> PyResult<Value> {
    match throw(vm, generator, args, false)? {
        crate::builtins::generator::Resumed::Yielded(v) => Ok(v),
        crate::builtins::generator::Resumed::Returned(_) => {
            Err(vm.new_exception(ExcKind::StopAsyncIteration, Vec::new()))
        }
    }
}

fn new_asend(vm: &mut Vm, generator: Ref<Generator>, value: Value) -> PyResult<Value> {
    let class = vm.types.async_generator_asend.clone();
    let a = vm.alloc(
        &class,
        ASend {
            generator,
            value,
            state: Cell::new(AwaitableState::Init),
        },
    )?;
    Ok(Value::from_object(a.into_obj()))
}

fn new_athrow(vm: &mut Vm, generator: Ref<Generator>, args: Option<ThrowArgs>) -> PyResult<Value> {
    let class = vm.types.async_generator_athrow.clone();
    let a = vm.alloc(
        &class,
        AThrow {
            generator,
            args,
            state: Cell::new(AwaitableState::Init),
        },
    )?;
    Ok(Value::from_object(a.into_obj()))
}

/// `agen.__anext__()` (and `GET_ANEXT` on an async generator).
pub fn anext(vm: &mut Vm, generator: Ref<Generator>) -> PyResult<Value> {
    new_asend(vm, generator, Value::NONE)
}

/// Whether `v` is exactly an async generator.
pub fn is_async_generator(vm: &Vm, v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.class().same(&vm.types.async_generator))
}

// ----- asend -----

fn asend_send(vm: &mut Vm, a: &ASend, value: Value) -> PyResult<Value> {
    let g = a.generator.clone();
    let mut value = value;
    match a.state.get() {
        AwaitableState::Closed => {
            return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        AwaitableState::Init => {
            if g.running_async.get() {
                a.state.set(AwaitableState::Closed);
                return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
            }
            if value.is_none() {
                value = a.value.clone();
            }
            a.state.set(AwaitableState::Iter);
        }
        AwaitableState::Iter => {}
    }
    g.running_async.set(true);
    let r = agen_send(vm, &g, value);
    let r = unwrap_step(vm, &g, r);
    if r.is_err() {
        a.state.set(AwaitableState::Closed);
    }
    r
}

fn asend_throw(vm: &mut Vm, a: &ASend, args: &ThrowArgs) -> PyResult<Value> {
    let g = a.generator.clone();
    match a.state.get() {
        AwaitableState::Closed => {
            return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        AwaitableState::Init => {
            if g.running_async.get() {
                a.state.set(AwaitableState::Closed);
                return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
            }
            a.state.set(AwaitableState::Iter);
            g.running_async.set(true);
        }
        AwaitableState::Iter => {}
    }
    let r = agen_throw(vm, &g, args);
    let r = unwrap_step(vm, &g, r);
    if r.is_err() {
        g.running_async.set(false);
        a.state.set(AwaitableState::Closed);
    }
    r
}

// ----- athrow / aclose -----

fn athrow_send(vm: &mut Vm, a: &AThrow, value: Value) -> PyResult<Value> {
    let g = a.generator.clone();
    if a.state.get() == AwaitableState::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if g.state() == FrameState::Completed {
        a.state.set(AwaitableState::Closed);
        return Err(vm.new_exception(ExcKind::StopIteration, Vec::new()));
    }
    let result = if a.state.get() == AwaitableState::Init {
        if g.running_async.get() {
            a.state.set(AwaitableState::Closed);
            let which = if a.args.is_none() { "aclose" } else { "athrow" };
            return Err(vm.runtime_error(&format!(
                "{which}(): asynchronous generator is already running"
            )));
        }
        if !value.is_none() {
            return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        a.state.set(AwaitableState::Iter);
        g.running_async.set(true);
        match &a.args {
            None => {
                let exit = Value::from_object(vm.exc_type(ExcKind::GeneratorExit).as_obj().clone());
                let args = ThrowArgs {
                    typ: exit,
                    value: None,
                    traceback: None,
                };
                match agen_throw(vm, &g, &args) {
                    Ok(v) if unwrap(&v).is_some() => return ignored_exit(vm, a, &g),
                    r => r,
                }
            }
            Some(args) => {
                let r = agen_throw(vm, &g, args);
                unwrap_step(vm, &g, r)
            }
        }
    } else {
        let r = agen_send(vm, &g, value);
        match &a.args {
            Some(_) => unwrap_step(vm, &g, r),
            None => match r {
                Ok(v) if unwrap(&v).is_some() => return ignored_exit(vm, a, &g),
                r => r,
            },
        }
    };
    match result {
        Ok(v) => Ok(v),
        Err(e) => Err(athrow_error(vm, a, &g, e)),
    }
}

fn athrow_throw(vm: &mut Vm, a: &AThrow, args: &ThrowArgs) -> PyResult<Value> {
    let g = a.generator.clone();
    if a.state.get() == AwaitableState::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let r = agen_throw(vm, &g, args);
    match &a.args {
        Some(_) => unwrap_step(vm, &g, r),
        None => match r {
            Ok(v) if unwrap(&v).is_some() => ignored_exit(vm, a, &g),
            Ok(v) => Ok(v),
            Err(e) => Err(athrow_error(vm, a, &g, e)),
        },
    }
}

/// `aclose()` found the generator yielding instead of closing.
fn ignored_exit(vm: &mut Vm, a: &AThrow, g: &Generator) -> PyResult<Value> {
    g.running_async.set(false);
    a.state.set(AwaitableState::Closed);
    Err(vm.runtime_error("async generator ignored GeneratorExit"))
}

/// The end of an `athrow`/`aclose` step with an error: `aclose()` reports
/// the generator's closing as plain completion (`StopIteration`).
fn athrow_error(vm: &mut Vm, a: &AThrow, g: &Generator, e: PyErr) -> PyErr {
    g.running_async.set(false);
    a.state.set(AwaitableState::Closed);
    if a.args.is_none()
        && (vm.exc_matches(&e, ExcKind::StopAsyncIteration)
            || vm.exc_matches(&e, ExcKind::GeneratorExit))
    {
        return vm.new_exception(ExcKind::StopIteration, Vec::new());
    }
    e
}

// ----- methods -----

fn this_agen(vm: &mut Vm, args: &Args) -> PyResult<Ref<Generator>> {
    match as_generator(args.this()) {
        Some(g) if g.kind == GenKind::AsyncGenerator => Ok(g.clone()),
        _ => Err(vm.type_error("expected an async generator".into())),
    }
}

/// Methods of `async_generator`.
pub static ASYNC_GENERATOR_METHODS: &[MethodDef] = &[
    method("__aiter__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__anext__", "($self, /)", |vm, args| {
        let g = this_agen(vm, args)?;
        anext(vm, g)
    }),
    method("asend", "($self, value, /)", |vm, args| {
        let g = this_agen(vm, args)?;
        new_asend(vm, g, args.required(1).clone())
    }),
    method("athrow", "($self, *args)", |vm, args| {
        let g = this_agen(vm, args)?;
        let t = throw_args(vm, "athrow", args.varargs())?;
        new_athrow(vm, g, Some(t))
    }),
    method("aclose", "($self, /)", |vm, args| {
        let g = this_agen(vm, args)?;
        new_athrow(vm, g, None)
    }),
];

fn this_asend(vm: &mut Vm, args: &Args) -> PyResult<Ref<ASend>> {
    match args.this().as_object().and_then(|o| o.downcast::<ASend>()) {
        Some(a) => Ok(a.clone()),
        None => Err(vm.type_error("expected an async_generator_asend".into())),
    }
}

fn this_athrow(vm: &mut Vm, args: &Args) -> PyResult<Ref<AThrow>> {
    match args.this().as_object().and_then(|o| o.downcast::<AThrow>()) {
        Some(a) => Ok(a.clone()),
        None => Err(vm.type_error("expected an async_generator_athrow".into())),
    }
}

/// Methods of `async_generator_asend`.
pub static ASEND_METHODS: &[MethodDef] = &[
    method("__await__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__iter__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__next__", "($self, /)", |vm, args| {
        let a = this_asend(vm, args)?;
        asend_send(vm, &a, Value::NONE)
    }),
    method("send", "($self, value, /)", |vm, args| {
        let a = this_asend(vm, args)?;
        asend_send(vm, &a, args.required(1).clone())
    }),
    method("throw", "($self, *args)", |vm, args| {
        let a = this_asend(vm, args)?;
        let t = throw_args(vm, "throw", args.varargs())?;
        asend_throw(vm, &a, &t)
    }),
    method("close", "($self, /)", |vm, args| {
        let a = this_asend(vm, args)?;
        a.state.set(AwaitableState::Closed);
        Ok(Value::NONE)
    }),
];

/// Methods of `async_generator_athrow`.
pub static ATHROW_METHODS: &[MethodDef] = &[
    method("__await__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__iter__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__next__", "($self, /)", |vm, args| {
        let a = this_athrow(vm, args)?;
        athrow_send(vm, &a, Value::NONE)
    }),
    method("send", "($self, value, /)", |vm, args| {
        let a = this_athrow(vm, args)?;
        athrow_send(vm, &a, args.required(1).clone())
    }),
    method("throw", "($self, *args)", |vm, args| {
        let a = this_athrow(vm, args)?;
        let t = throw_args(vm, "throw", args.varargs())?;
        athrow_throw(vm, &a, &t)
    }),
    method("close", "($self, /)", |vm, args| {
        let a = this_athrow(vm, args)?;
        a.state.set(AwaitableState::Closed);
        Ok(Value::NONE)
    }),
];

/// Installs the slots of the async generator awaitables.
pub fn init_types(vm: &Vm) {
    let asend = &vm.types.async_generator_asend;
    asend.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    asend.slots.next.set(Some(|vm, v| {
        let Some(a) = v.as_object().and_then(|o| o.downcast::<ASend>()).cloned() else {
            return Err(vm.type_error("expected an async_generator_asend".into()));
        };
        asend_send(vm, &a, Value::NONE).map(Some)
    }));
    let athrow = &vm.types.async_generator_athrow;
    athrow.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    athrow.slots.next.set(Some(|vm, v| {
        let Some(a) = v.as_object().and_then(|o| o.downcast::<AThrow>()).cloned() else {
            return Err(vm.type_error("expected an async_generator_athrow".into()));
        };
        athrow_send(vm, &a, Value::NONE).map(Some)
    }));
}
