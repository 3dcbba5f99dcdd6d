//! Generators and coroutines: objects that own a suspended frame
//! (DESIGN.md decision 7; CPython's `Objects/genobject.c`).
//!
//! Calling a generator (or coroutine, async generator) function pushes its
//! frame like any call; the first instruction, `RETURN_GENERATOR`, moves
//! the frame off the data stack into a new [`Generator`] object, whose
//! block holds the frame after the payload (one allocation, as CPython's
//! `gi_iframe`), and returns that object to the caller
//! ([`return_generator`]). The frame's `state` field is the generator's
//! state (created, suspended, executing, completed).
//!
//! Resuming links the frame onto the thread's chain and runs it in the
//! eval loop: from Python code (`SEND`, `FOR_ITER`) in the *same* loop
//! ([`enter_inline`]), so a chain of `yield from`s never recurses on the
//! Rust stack; from native code (`next()`, `send()`, `throw()`) by
//! re-entering the loop under the native-depth guard ([`resume`]).
//! `YIELD_VALUE` suspends the frame ([`suspend_frame`]) and hands the value
//! to the resumer; a return or an escaping exception completes it
//! ([`finish_frame`]). `throw()` and `close()` walk a delegation chain
//! iteratively as well.
//!
//! Exception state: each generator's frame keeps its own handled exception
//! while suspended and its resumer's while running (swapped on resume and
//! suspend), so `raise` and context chaining inside a generator see the
//! innermost handled exception of the whole chain
//! ([`Vm::handled_exception`]).
//!
//! Finalization: a generator that dies suspended inside a `try`/`with`
//! must be closed (its `finally` blocks run), which runs Python code.
//! Deallocation never runs Python code, so the generator types have a
//! finalizer slot ([`finalize_generator`], CPython's `_PyGen_Finalize`)
//! and the cycle collector's deferred-finalizer mechanism revives the
//! dying generator and closes it at the next safe point (right after the
//! instruction that dropped it), or before clearing it when it is cyclic
//! garbage. Its payload hook `finalizer_needed` lets a finished generator,
//! or one whose close runs no Python code, be freed at once.

use std::cell::Cell;
use std::ptr::NonNull;

use krait_compiler::bytecode::code_object::co_flags;
use krait_compiler::bytecode::opcode::Opcode;

use crate::builtins::exceptions::{ExcKind, as_exception};
use crate::builtins::function::{Code, Function};
use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::str::Str;
use crate::error::{PyErr, PyResult};
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::runtime::frame::{Frame, FrameOwner, FrameState};
use crate::runtime::frame_object;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// What kind of resumable function made a generator object.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    /// A generator function (`yield`).
    Generator,
    /// A coroutine function (`async def`).
    Coroutine,
    /// An async generator function (`async def` with `yield`).
    AsyncGenerator,
}

impl GenKind {
    /// The kind of a code object's generator, from its flags.
    pub fn from_flags(flags: u32) -> Option<GenKind> {
        if flags & co_flags::COROUTINE != 0 {
            Some(GenKind::Coroutine)
        } else if flags & co_flags::ASYNC_GENERATOR != 0 {
            Some(GenKind::AsyncGenerator)
        } else if flags & co_flags::GENERATOR != 0 {
            Some(GenKind::Generator)
        } else {
            None
        }
    }

    /// How messages name the kind.
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }

    /// The class of objects of this kind.
    pub fn class(self, vm: &Vm) -> TypeRef {
        match self {
            GenKind::Generator => vm.types.generator.clone(),
            GenKind::Coroutine => vm.types.coroutine.clone(),
            GenKind::AsyncGenerator => vm.types.async_generator.clone(),
        }
    }
}

/// The payload of `generator`, `coroutine` and `async_generator` objects.
pub struct Generator {
    /// The frame, owned: in the object's own block, right after the
    /// payload (allocated with it by [`return_generator`]).
    frame: NonNull<Frame>,
    /// Which kind.
    pub kind: GenKind,
    /// `__name__`.
    pub(crate) name: PyCell<Value>,
    /// `__qualname__`.
    pub(crate) qualname: PyCell<Value>,
    /// For async generators: an `asend`/`athrow` is awaiting it
    /// (`ag_running`).
    pub(crate) running_async: Cell<bool>,
}

/// A generator freed with a frame object someone else still holds hands
/// the frame's data over to it; then the frame is dropped in place (its
/// memory is the object's, freed with it).
impl Drop for Generator {
    fn drop(&mut self) {
        let frame = self.frame_ptr();
        // SAFETY: the generator is being freed, so its frame is not
        // running; it is initialised and dropped only here.
        unsafe {
            frame_object::generator_frame_ends(&*frame);
            crate::runtime::frame::drop_frame_in_place(frame);
        }
    }
}

/// How a resumed frame stopped.
pub enum Resumed {
    /// It yielded this value and is suspended.
    Yielded(Value),
    /// It returned this value and is completed.
    Returned(Value),
}

impl Generator {
    #[inline(always)]
    fn frame_ptr(&self) -> *mut Frame {
        self.frame.as_ptr()
    }

    /// The size of the frame in the object's block, for deallocation.
    pub(crate) fn frame_bytes(&self) -> usize {
        // SAFETY: the frame lives as long as the generator; its capacity
        // never changes.
        let capacity = unsafe { (*self.frame_ptr()).capacity };
        crate::runtime::frame::frame_words(capacity as usize) * 8
    }

    /// The generator's state.
    pub fn state(&self) -> FrameState {
        // SAFETY: the frame lives as long as the generator; a plain field
        // read (the eval loop only writes it between instructions).
        unsafe { (*self.frame_ptr()).state }
    }

    fn set_state(&self, state: FrameState) {
        // SAFETY: as in `state`.
        unsafe { (*self.frame_ptr()).state = state };
    }

    /// The code object (`gi_code`).
    pub fn code(&self) -> Option<Ref<Code>> {
        // SAFETY: the header (and its code) lives as long as the generator.
        Some(unsafe { (*self.frame_ptr()).code.clone() })
    }

    /// The object this generator delegates to (`gi_yieldfrom`,
    /// `cr_await`): the top of its stack while it is suspended at the
    /// `yield` of a `yield from` or `await` (the `RESUME` that follows has
    /// oparg 2 or 3).
    pub fn yield_from(&self) -> Option<Value> {
        if self.state() != FrameState::Suspended {
            return None;
        }
        // SAFETY: suspended: nobody else touches the frame now.
        let f = unsafe { &*self.frame_ptr() };
        let unit = f.code.instructions.get(f.next_instr as usize)?.get();
        let op = Opcode::from_u8(unit.opcode)?.deopt();
        if op != Opcode::RESUME || unit.arg & 3 < 2 {
            return None;
        }
        f.peek(0).cloned()
    }

    /// Whether closing needs no Python code: suspended at a `yield` whose
    /// only enclosing handler is the implicit one that turns
    /// `StopIteration` into `RuntimeError` (CPython marks such `RESUME`s
    /// with `RESUME_OPARG_DEPTH1_MASK`; here the exception table says it).
    fn closes_trivially(&self) -> bool {
        if self.state() != FrameState::Suspended {
            return false;
        }
        // SAFETY: suspended: nobody else touches the frame now.
        let f = unsafe { &*self.frame_ptr() };
        let Some(handler) = f.code.handlers.find(f.lasti) else {
            return true;
        };
        f.code
            .instructions
            .get(handler.target as usize)
            .map(std::cell::Cell::get)
            .is_some_and(|u| {
                Opcode::from_u8(u.opcode).map(Opcode::deopt) == Some(Opcode::CALL_INTRINSIC_1)
                    && u.arg == INTRINSIC_STOPITERATION_ERROR
            })
    }

    /// Whether dying now needs the finalizer: the collector's
    /// `finalizer_needed` hook. A suspended generator does unless closing
    /// it runs no Python code and no frame object shared with someone else
    /// takes its frame over: that take-over (at `close`) gives the frame
    /// object strong references to what the frame holds, so the collector
    /// must see it happen before it clears anything (its resurrection
    /// check keeps a cycle through the frame's globals alive, as CPython,
    /// which finalizes every suspended generator, does).
    ///
    /// Inlined down to the state test: most generators die finished (or
    /// never started), and deallocation asks this of every one.
    #[inline(always)]
    pub(crate) fn needs_finalizing(&self) -> bool {
        self.state() == FrameState::Suspended && self.suspended_needs_finalizing()
    }

    /// [`Generator::needs_finalizing`] for a suspended generator.
    #[inline(never)]
    fn suspended_needs_finalizing(&self) -> bool {
        !self.closes_trivially() || self.frame_object_shared()
    }

    /// Whether the frame has a frame object someone else also holds.
    fn frame_object_shared(&self) -> bool {
        // Counted: the frame's own reference, the copy made here, and
        // any other holder.
        self.resting_frame()
            .and_then(|f| f.frame_object.object())
            .is_some_and(|o| o.as_obj().refcount() > 2)
    }

    /// Marks the generator completed and drops its locals and stack
    /// (its frame object, if shared, takes them over first).
    fn complete(&self) {
        let p = self.frame_ptr();
        // SAFETY: not running (the callers finished or never started it):
        // nobody else touches the frame now.
        let frame = unsafe { &mut *p };
        frame.state = FrameState::Completed;
        frame_object::generator_frame_ends(frame);
        let taken = frame.take_slots();
        let locals = frame.locals.take();
        // Dropped after the frame is consistent (may free other objects).
        drop((taken, locals));
    }

    /// `gi_frame`/`cr_frame`/`ag_frame`: the frame object of the frame
    /// (made on first use), `None` once the generator finished.
    fn frame_object(&self, vm: &mut Vm) -> PyResult<Value> {
        let p = self.frame_ptr();
        if self.state() == FrameState::Completed {
            return Ok(Value::NONE);
        }
        // SAFETY: the generator owns the frame, which lives as long as it.
        let object = unsafe { frame_object::frame_object_of(vm, p) }?;
        Ok(Value::from_object(object.into_obj()))
    }

    /// The frame while it is not running (created, suspended or
    /// completed): what the cycle collector reads. `None` while it runs
    /// (the thread's frame chain, a root, holds it then).
    pub(crate) fn resting_frame(&self) -> Option<&Frame> {
        let p = self.frame_ptr();
        if self.state() == FrameState::Executing {
            return None;
        }
        // SAFETY: not running: nobody writes the frame while this borrow
        // (tied to the generator, which owns the frame) lives.
        Some(unsafe { &*p })
    }

    /// The collector's `clear`: completes a generator that is not running,
    /// dropping everything its frame holds but its code and namespaces
    /// (which `gi_code` and friends still show).
    pub(crate) fn clear_resting_frame(&self) {
        let p = self.frame_ptr();
        if self.state() == FrameState::Executing {
            return;
        }
        // SAFETY: not running: nobody else touches the frame now.
        let f = unsafe { &mut *p };
        frame_object::generator_frame_ends(f);
        f.state = FrameState::Completed;
        let taken = f.take_slots();
        let held = (
            f.locals.take(),
            f.take_func(),
            std::mem::replace(&mut f.exc_state, Value::NONE),
        );
        // Dropped after the frame is consistent (may free other objects).
        drop((taken, held));
    }
}

/// `INTRINSIC_STOPITERATION_ERROR`'s oparg of `CALL_INTRINSIC_1`.
const INTRINSIC_STOPITERATION_ERROR: u8 = 3;

/// The finalizer slot of the generator types (CPython's
/// `_PyGen_Finalize`), run by the collector at a safe point after the
/// generator died suspended (or as part of cyclic garbage): closes it,
/// reporting an error as unraisable ("Exception ignored while closing
/// generator ...").
pub fn finalize_generator(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let Some(generator) = as_generator(v).cloned() else {
        return Ok(());
    };
    if !generator.needs_finalizing() {
        return Ok(());
    }
    if let Err(err) = close(vm, &generator) {
        write_unraisable(vm, "Exception ignored while closing generator", v, &err);
    }
    Ok(())
}

/// Prints an exception that cannot be raised (CPython's
/// `PyErr_WriteUnraisable` with the default hook): `"{message} {repr}:"`,
/// then the exception with its traceback (the running frame's line when
/// it has none), without its chain.
pub fn write_unraisable(vm: &mut Vm, message: &str, object: &Value, err: &PyErr) {
    let repr = vm
        .repr_string(object)
        .unwrap_or_else(|_| "<object repr() failed>".into());
    if err.0.traceback.get().is_none()
        // SAFETY: `current_frame` is null or a live frame.
        && let Some(frame) = unsafe { vm.current_frame.as_ref() }
    {
        crate::runtime::traceback::add_entry(vm, err, frame);
    }
    crate::gc::finalize::report_unraisable(vm, &format!("{message} {repr}"), err);
}

/// The generator payload of a value, if it is a generator, coroutine or
/// async generator object.
pub fn as_generator(v: &Value) -> Option<&Ref<Generator>> {
    v.as_object()?.downcast::<Generator>()
}

/// The payload of `v` when it is exactly a generator (not a coroutine or
/// async generator): its own iterator, whose `__next__` is
/// [`generator_next`].
#[inline]
pub(crate) fn as_exact_generator<'a>(vm: &Vm, v: &'a Value) -> Option<&'a Ref<Generator>> {
    let o = v.as_object()?;
    if !o.class().same(&vm.types.generator) {
        return None;
    }
    o.downcast::<Generator>()
}

fn is_exactly(v: &Value, class: &TypeRef) -> bool {
    v.as_object().is_some_and(|o| o.class().same(class))
}

impl Vm {
    /// The exception being handled, as `sys.exception()` and bare `raise`
    /// see it: the innermost non-`None` entry of the chain of exception
    /// states (the thread's, then each running generator's resumer's).
    pub fn handled_exception(&self) -> Value {
        if !self.exc_info.is_none() {
            return self.exc_info.clone();
        }
        let mut cursor = self.current_frame;
        while !cursor.is_null() {
            // SAFETY: frames on the chain are live.
            let frame = unsafe { &*cursor };
            if frame.owner == FrameOwner::Generator
                && frame.state == FrameState::Executing
                && !frame.exc_state.is_none()
            {
                return frame.exc_state.clone();
            }
            cursor = frame.previous;
        }
        Value::NONE
    }

    /// `StopIteration(value)` as a returning generator raises it (no
    /// arguments for `None`).
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        if value.is_none() {
            self.new_exception(ExcKind::StopIteration, Vec::new())
        } else {
            self.new_exception(ExcKind::StopIteration, vec![value])
        }
    }
}

/// `StopIteration.value` of an exception (`None` without arguments).
pub fn stop_iteration_value(err: &PyErr) -> Value {
    crate::builtins::tuple::seq_items(&err.0.args.get())
        .and_then(|a| a.first().cloned())
        .unwrap_or(Value::NONE)
}

// ---------------------------------------------------------------------
// The eval loop's side: creating, entering, suspending, finishing frames.
// ---------------------------------------------------------------------

/// What `RETURN_GENERATOR` produced.
pub(crate) enum Created {
    /// The new generator; the frame left the data stack.
    Made(Value),
    /// No memory for the object: the frame is still on the data stack,
    /// running.
    FrameKept(PyErr),
}

/// `RETURN_GENERATOR`: moves the running frame `fp` (just called, on the
/// data stack) into a new generator object, suspended before its first
/// instruction after this one. One allocation: the object's block holds
/// the frame after the payload.
///
/// # Safety
/// `fp` must be the innermost frame, the last pushed on the data stack.
pub(crate) unsafe fn return_generator(vm: &mut Vm, fp: *mut Frame) -> Created {
    // SAFETY: live innermost frame (contract).
    let f = unsafe { &*fp };
    let kind = GenKind::from_flags(f.code.code.flags).unwrap_or(GenKind::Generator);
    let function = f
        .func
        .as_ref()
        .and_then(|f| f.as_object())
        .and_then(|o| o.downcast::<Function>());
    let (name, qualname) = match function {
        Some(function) => (function.name.get(), function.qualname.get()),
        None => (
            Value::from_object(f.code.name.as_obj().clone()),
            Value::from_object(f.code.qualname.as_obj().clone()),
        ),
    };
    let frame_bytes = crate::runtime::frame::frame_words(f.capacity as usize) * 8;
    let class = match kind {
        GenKind::Generator => &vm.types.generator,
        GenKind::Coroutine => &vm.types.coroutine,
        GenKind::AsyncGenerator => &vm.types.async_generator,
    };
    let data_stack = &mut vm.data_stack;
    // Straight to the allocator with the class borrowed (`Vm::alloc` would
    // need it cloned out of `vm` first).
    let made = Ref::new_with_trailing(class, frame_bytes, |memory| {
        let frame = memory.cast::<Frame>();
        // SAFETY: `fp` is the last frame pushed (contract); `memory` is
        // the object's trailing part, `frame_bytes` long, 8-byte aligned.
        unsafe {
            crate::runtime::frame::move_frame_out(data_stack, fp, frame.as_ptr());
            frame_object::frame_moved(frame.as_ptr());
            let moved = &mut *frame.as_ptr();
            moved.owner = FrameOwner::Generator;
            moved.state = FrameState::Created;
            moved.previous = std::ptr::null_mut();
            moved.is_entry = false;
            moved.exc_state = Value::NONE;
        }
        Generator {
            frame,
            kind,
            name: PyCell::new(name),
            qualname: PyCell::new(qualname),
            running_async: Cell::new(false),
        }
    });
    match made {
        Ok(g) => {
            // SAFETY: the generator owns the frame now.
            unsafe { (*g.frame_ptr()).frame_object.set_generator(g.as_obj()) };
            Created::Made(Value::from_object(g.into_obj()))
        }
        Err(_) => Created::FrameKept(vm.memory_error()),
    }
}

/// Links a generator's frame onto the chain above `previous` and marks it
/// running, with `value` pushed as the result of its `yield`.
///
/// # Safety
/// `fp` must be the (suspended or created) frame of a live generator.
#[inline(always)]
pub(crate) unsafe fn link(
    vm: &mut Vm,
    fp: *mut Frame,
    previous: *mut Frame,
    value: Value,
    is_entry: bool,
) {
    // SAFETY: contract.
    let f = unsafe { &mut *fp };
    // A suspended frame always has room for the value its yield took.
    let _ = f.push(Some(value));
    f.state = FrameState::Executing;
    f.previous = previous;
    f.is_entry = is_entry;
    std::mem::swap(&mut f.exc_state, &mut vm.exc_info);
    // Resuming counts toward the depth (calls made deep inside a long
    // `yield from` chain fail), but never fails itself, as in CPython.
    vm.recursion_depth += 1;
}

/// The frame of `receiver` when `SEND`/`FOR_ITER` can resume it in the
/// eval loop now, with a value that is `None` when `value_is_none`: an
/// exact generator (or, with `allow_coroutine`, an exact coroutine) that
/// is suspended, or created and sent `None` (a non-`None` value into a
/// fresh generator is the generic path's TypeError; a running or finished
/// one is its ValueError or StopIteration). Looks only, links nothing.
#[inline(always)]
pub(crate) fn inline_resumable(
    vm: &Vm,
    receiver: &Value,
    value_is_none: bool,
    allow_coroutine: bool,
) -> Option<*mut Frame> {
    let o = receiver.as_object()?;
    let class = o.class();
    let inlinable =
        class.same(&vm.types.generator) || (allow_coroutine && class.same(&vm.types.coroutine));
    if !inlinable {
        return None;
    }
    debug_assert!(o.downcast::<Generator>().is_some());
    // SAFETY: the class is exactly `generator` or `coroutine` (checked
    // above; neither can be subclassed), whose instances all carry the
    // `Generator` payload; `Ref<T>` and `ObjRef` are the same transparent
    // pointer (what `ObjRef::downcast` does after its payload-type test,
    // which the class test makes redundant on this hot path).
    let generator = unsafe { &*(std::ptr::from_ref(o).cast::<Ref<Generator>>()) };
    let fp = generator.frame_ptr();
    // SAFETY: the generator is alive (the caller holds `receiver`) and
    // owns the frame; a plain field read.
    match unsafe { (*fp).state } {
        FrameState::Suspended => Some(fp),
        FrameState::Created if value_is_none => Some(fp),
        _ => None,
    }
}

/// `SEND`/`FOR_ITER` on a generator (or, for `SEND`, a coroutine) that can
/// run now ([`inline_resumable`]): links its frame above `caller` and
/// returns it, for the eval loop to continue with. Otherwise gives
/// `value` back.
///
/// # Safety
/// `caller` must be the live innermost frame.
#[inline]
pub(crate) unsafe fn enter_inline(
    vm: &mut Vm,
    caller: *mut Frame,
    receiver: &Value,
    value: Value,
    allow_coroutine: bool,
) -> Result<*mut Frame, Value> {
    let Some(fp) = inline_resumable(vm, receiver, value.is_none(), allow_coroutine) else {
        return Err(value);
    };
    // SAFETY: the generator is alive and not running.
    unsafe { link(vm, fp, caller, value, false) };
    Ok(fp)
}

/// Whether `v` is exactly a generator object (its own iterator: `GET_ITER`
/// leaves it in place).
#[inline]
pub(crate) fn is_exact_generator(vm: &Vm, v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.class().same(&vm.types.generator))
}

/// `YIELD_VALUE`: suspends the running generator frame `fp`, unlinking it.
///
/// # Safety
/// `fp` must be the innermost frame, owned by a generator.
pub(crate) unsafe fn suspend_frame(vm: &mut Vm, fp: *mut Frame) {
    // SAFETY: contract.
    let f = unsafe { &mut *fp };
    f.state = FrameState::Suspended;
    std::mem::swap(&mut f.exc_state, &mut vm.exc_info);
    f.previous = std::ptr::null_mut();
    f.is_entry = false;
    vm.recursion_depth = vm.recursion_depth.saturating_sub(1);
}

/// A generator frame returned or raised: completes it (clears its locals
/// and stack), restores its resumer's exception state and unlinks it.
///
/// # Safety
/// `fp` must be the innermost frame, owned by a generator.
pub(crate) unsafe fn finish_frame(vm: &mut Vm, fp: *mut Frame) {
    // SAFETY: contract.
    let f = unsafe { &mut *fp };
    frame_object::generator_frame_ends(f);
    f.state = FrameState::Completed;
    vm.exc_info = std::mem::replace(&mut f.exc_state, Value::NONE);
    f.previous = std::ptr::null_mut();
    f.is_entry = false;
    vm.recursion_depth = vm.recursion_depth.saturating_sub(1);
    // The stack and the locals are released from the top slot down, as
    // CPython clears a frame (the order their finalizers run in), in
    // place: no vector of them is made. Releasing may free other objects
    // but never runs Python code (finalizers are deferred), so nothing
    // sees the frame meanwhile.
    let capacity = f.capacity as usize;
    let used = (f.stack_top as usize).min(capacity);
    let nlocals = f.code.code.nlocalsplus().min(used);
    let locals = f.locals.take();
    f.stack_top = nlocals as u32;
    let slots = f.slots_ptr();
    for i in (nlocals..used).rev() {
        // SAFETY: a stack slot below the old top, initialised; it is above
        // the new top, so moving it out leaves it uninitialised as it
        // should be.
        drop(unsafe { slots.add(i).read() });
    }
    for i in (0..nlocals).rev() {
        // SAFETY: a local slot, initialised; it stays initialised
        // (unbound) afterwards.
        drop(unsafe { (*slots.add(i)).take() });
    }
    drop(locals);
}

// ---------------------------------------------------------------------
// Resuming from native code: next(), send(), throw(), close().
// ---------------------------------------------------------------------

/// Resumes a generator from native code, re-entering the eval loop
/// (counted by the native-depth guard); `throw` raises at the `yield`.
/// The caller checked the state ([`check_resumable`]).
fn resume(
    vm: &mut Vm,
    generator: &Ref<Generator>,
    value: Value,
    throw: Option<PyErr>,
) -> PyResult<Resumed> {
    vm.enter_native()?;
    let fp = generator.frame_ptr();
    let previous = vm.current_frame;
    // SAFETY: the generator is alive (`generator` holds it) and not running.
    unsafe { link(vm, fp, previous, value, true) };
    if let Some(e) = &throw {
        // The thrown exception's context is the generator's own handled
        // exception, if any (CPython's `_PyErr_ChainStackItem`).
        let own = vm.exc_info.clone();
        if let Some(h) = as_exception(&own)
            && !h.as_obj().is(e.as_obj())
        {
            e.0.context.with(|c| *c = own.clone());
        }
    }
    let result = crate::runtime::eval::resume_frame(vm, fp, throw);
    vm.leave_native();
    let v = result?;
    Ok(if generator.state() == FrameState::Completed {
        Resumed::Returned(v)
    } else {
        Resumed::Yielded(v)
    })
}

/// CPython's `gen_send_ex2` checks: `Some(result)` when the generator
/// cannot run and that is the answer; errors for the forbidden cases.
fn check_resumable(
    vm: &mut Vm,
    generator: &Generator,
    value: &Value,
    throw: &Option<PyErr>,
    closing: bool,
) -> PyResult<Option<PyResult<Resumed>>> {
    let noun = generator.kind.noun();
    match generator.state() {
        FrameState::Created if throw.is_none() && !value.is_none() => Err(vm.type_error(format!(
            "can't send non-None value to a just-started {noun}"
        ))),
        FrameState::Executing => Err(vm.value_error(&format!("{noun} already executing"))),
        FrameState::Completed => {
            if generator.kind == GenKind::Coroutine && !closing {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            Ok(Some(match throw {
                None => Ok(Resumed::Returned(Value::NONE)),
                Some(e) => Err(e.clone()),
            }))
        }
        _ => Ok(None),
    }
}

/// `gen_send_ex`: checks, then resumes with `value` (or raises `throw`
/// inside).
pub fn send_ex(
    vm: &mut Vm,
    generator: &Ref<Generator>,
    value: Value,
    throw: Option<PyErr>,
    closing: bool,
) -> PyResult<Resumed> {
    if let Some(answer) = check_resumable(vm, generator, &value, &throw, closing)? {
        return answer;
    }
    resume(vm, generator, value, throw)
}

/// `tp_iternext` of generators: `Ok(None)` when finished with `None`,
/// `StopIteration(value)` when finished with a value (as CPython's
/// `gen_iternext`; consumers treat both as exhaustion).
pub fn generator_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(g) = as_generator(v).cloned() else {
        return Err(vm.type_error("expected a generator".into()));
    };
    match send_ex(vm, &g, Value::NONE, None, false)? {
        Resumed::Yielded(x) => Ok(Some(x)),
        Resumed::Returned(x) if x.is_none() => Ok(None),
        Resumed::Returned(x) => Err(vm.stop_iteration(x)),
    }
}

/// The next item of a generator the caller holds, `None` once it has
/// finished, whatever it returned: what `Vm::next` answers (it takes this
/// for an exact generator, without the slot lookup: `list(gen)`,
/// `sum(gen)` and every other native consumer), without making the
/// `StopIteration` that [`generator_next`] raises for a returned value
/// only for the consumer to swallow. A generator never lets a
/// `StopIteration` of its own escape (it becomes a `RuntimeError`), so no
/// error is an exhaustion. A generator that is suspended, or created (sent
/// `None`), resumes at once: the checks of [`send_ex`] are for the other
/// states, which take it.
#[inline]
pub(crate) fn next_or_end(vm: &mut Vm, g: &Ref<Generator>) -> PyResult<Option<Value>> {
    let resumed = match g.state() {
        FrameState::Suspended | FrameState::Created => resume(vm, g, Value::NONE, None)?,
        _ => send_ex(vm, g, Value::NONE, None, false)?,
    };
    Ok(match resumed {
        Resumed::Yielded(x) => Some(x),
        Resumed::Returned(_) => None,
    })
}

/// `send(value)`: the next yielded value, or `StopIteration(result)`.
pub fn send(vm: &mut Vm, generator: &Ref<Generator>, value: Value) -> PyResult<Value> {
    match send_ex(vm, generator, value, None, false)? {
        Resumed::Yielded(x) => Ok(x),
        Resumed::Returned(x) => Err(vm.stop_iteration(x)),
    }
}

/// The arguments of `throw()` as given (the deprecated `(type, value,
/// traceback)` form included); normalized only where the exception is
/// raised, as CPython does.
#[derive(Clone)]
pub struct ThrowArgs {
    /// An exception class or instance.
    pub typ: Value,
    /// The deprecated value argument.
    pub value: Option<Value>,
    /// The deprecated traceback argument.
    pub traceback: Option<Value>,
}

impl ThrowArgs {
    /// Arguments for throwing an existing exception.
    pub fn from_err(err: &PyErr) -> ThrowArgs {
        ThrowArgs {
            typ: Value::from_object(err.as_obj().clone()),
            value: None,
            traceback: None,
        }
    }

    fn as_vec(&self) -> Vec<Value> {
        let mut v = vec![self.typ.clone()];
        v.extend(self.value.clone());
        v.extend(self.traceback.clone());
        v
    }

    /// Whether the exception (class or instance) is a `GeneratorExit`.
    fn is_generator_exit(&self, vm: &Vm) -> bool {
        let exit = vm.exc_type(ExcKind::GeneratorExit);
        match self.typ.as_object() {
            Some(o) => match o.downcast::<TypeObject>() {
                Some(t) => t.is_subtype(exit),
                None => o.class().is_subtype(exit),
            },
            None => false,
        }
    }

    /// The exception to raise (CPython's normalization in `_gen_throw`).
    fn normalize(&self, vm: &mut Vm) -> PyResult<PyErr> {
        let traceback = self.traceback.clone().filter(|t| !t.is_none());
        if let Some(tb) = &traceback
            && !vm.isinstance_type(tb, &vm.types.traceback.clone())
        {
            return Err(vm.type_error("throw() third argument must be a traceback object".into()));
        }
        let base = vm.exc_type(ExcKind::BaseException).clone();
        let class = self
            .typ
            .as_object()
            .and_then(|o| o.downcast::<TypeObject>())
            .filter(|t| t.is_subtype(&base))
            .cloned();
        let err = if let Some(class) = class {
            let value = self.value.clone().unwrap_or(Value::NONE);
            if vm.isinstance_type(&value, &class) {
                match as_exception(&value) {
                    Some(e) => PyErr(e.clone()),
                    None => return Err(vm.type_error("bad exception value".into())),
                }
            } else {
                let args = if value.is_none() {
                    Vec::new()
                } else if let Some(t) = value
                    .as_object()
                    .and_then(|o| o.downcast::<crate::builtins::tuple::Tuple>())
                {
                    t.items().to_vec()
                } else {
                    vec![value]
                };
                let made = vm.call(&self.typ, &args, None)?;
                match as_exception(&made) {
                    Some(e) => PyErr(e.clone()),
                    None => {
                        let tn = vm.type_name(&made);
                        let r = vm.repr_string(&self.typ)?;
                        return Err(vm.type_error(format!(
                            "calling {r} should have returned an instance of BaseException, not {tn}"
                        )));
                    }
                }
            }
        } else if let Some(e) = as_exception(&self.typ) {
            if self.value.as_ref().is_some_and(|v| !v.is_none()) {
                return Err(
                    vm.type_error("instance exception may not have a separate value".into())
                );
            }
            PyErr(e.clone())
        } else {
            let tn = vm.type_name(&self.typ);
            return Err(vm.type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {tn}"
            )));
        };
        if let Some(tb) = traceback {
            err.0.traceback.with(|t| *t = tb);
        }
        Ok(err)
    }
}

/// What the innermost level of a delegation chain does with a throw.
enum ThrowTail {
    /// Raise the exception at its own `yield`.
    Here,
    /// `GeneratorExit` while delegating: close the delegate, then raise.
    CloseDelegate(Value),
    /// Delegating to a non-generator: call its `throw` (if it has one).
    CallThrow(Value),
}

/// `throw()` into `generator`, forwarded down its `yield from`/`await`
/// chain as CPython's `_gen_throw` does, but walking the chain in a loop:
/// the innermost level gets the exception, and each outer level then
/// either passes a yielded value up or is resumed with the error (a
/// finished delegate's `StopIteration` included).
pub fn throw(
    vm: &mut Vm,
    generator: &Ref<Generator>,
    args: &ThrowArgs,
    close_on_generator_exit: bool,
) -> PyResult<Resumed> {
    let mut chain = vec![generator.clone()];
    let tail = loop {
        let Some(last) = chain.last() else {
            return Err(vm.runtime_error("krait: empty delegation chain"));
        };
        let Some(delegate) = last.yield_from() else {
            break ThrowTail::Here;
        };
        if close_on_generator_exit && args.is_generator_exit(vm) {
            break ThrowTail::CloseDelegate(delegate);
        }
        let inner = (is_exactly(&delegate, &vm.types.generator)
            || is_exactly(&delegate, &vm.types.coroutine))
        .then(|| as_generator(&delegate).cloned())
        .flatten();
        match inner {
            Some(g) => chain.push(g),
            None => break ThrowTail::CallThrow(delegate),
        }
    };
    let innermost = chain.len() - 1;
    // Delegating levels count as running while their delegates work.
    let saved: Vec<FrameState> = chain[..innermost].iter().map(|g| g.state()).collect();
    for g in &chain[..innermost] {
        g.set_state(FrameState::Executing);
    }
    let g = chain[innermost].clone();
    let mut result = match tail {
        ThrowTail::Here => throw_here(vm, &g, args),
        ThrowTail::CloseDelegate(delegate) => {
            let state = g.state();
            g.set_state(FrameState::Executing);
            let closed = close_delegate(vm, &delegate);
            g.set_state(state);
            match closed {
                Err(e) => send_ex(vm, &g, Value::NONE, Some(e), false),
                Ok(()) => throw_here(vm, &g, args),
            }
        }
        ThrowTail::CallThrow(delegate) => match vm
            .intern("throw")
            .and_then(|name| vm.get_attr_opt(&delegate, &name))
        {
            Err(e) => Err(e),
            Ok(None) => throw_here(vm, &g, args),
            Ok(Some(method)) => {
                let state = g.state();
                g.set_state(FrameState::Executing);
                let r = vm.call(&method, &args.as_vec(), None);
                g.set_state(state);
                match r {
                    Ok(v) => Ok(Resumed::Yielded(v)),
                    Err(e) => send_ex(vm, &g, Value::NONE, Some(e), false),
                }
            }
        },
    };
    for (level, state) in chain[..innermost].iter().zip(saved).rev() {
        level.set_state(state);
        result = match result {
            Ok(Resumed::Yielded(v)) => Ok(Resumed::Yielded(v)),
            Ok(Resumed::Returned(v)) => {
                let e = vm.stop_iteration(v);
                send_ex(vm, level, Value::NONE, Some(e), false)
            }
            Err(e) => send_ex(vm, level, Value::NONE, Some(e), false),
        };
    }
    result
}

/// Raises the `throw()` arguments at the generator's own `yield`.
fn throw_here(vm: &mut Vm, generator: &Ref<Generator>, args: &ThrowArgs) -> PyResult<Resumed> {
    let err = args.normalize(vm)?;
    send_ex(vm, generator, Value::NONE, Some(err), false)
}

/// CPython's `gen_close_iter`: closes a delegate (`Err` if that failed).
fn close_delegate(vm: &mut Vm, delegate: &Value) -> PyResult<()> {
    if (is_exactly(delegate, &vm.types.generator) || is_exactly(delegate, &vm.types.coroutine))
        && let Some(g) = as_generator(delegate).cloned()
    {
        return close(vm, &g).map(drop);
    }
    let name = vm.intern("close")?;
    match vm.get_attr_opt(delegate, &name) {
        Err(e) => {
            write_unraisable(vm, "Exception ignored while closing", delegate, &e);
            Ok(())
        }
        Ok(None) => Ok(()),
        Ok(Some(method)) => vm.call(&method, &[], None).map(drop),
    }
}

/// `close()`: raises `GeneratorExit` at the `yield` (after closing the
/// delegate of a `yield from`); returns the generator's return value, if
/// it returned. A chain of delegations is closed innermost first, in a
/// loop.
pub fn close(vm: &mut Vm, generator: &Ref<Generator>) -> PyResult<Value> {
    let mut chain = vec![generator.clone()];
    let mut last_delegate = None;
    while let Some(last) = chain.last() {
        if last.state() != FrameState::Suspended {
            break;
        }
        let Some(delegate) = last.yield_from() else {
            break;
        };
        let inner = (is_exactly(&delegate, &vm.types.generator)
            || is_exactly(&delegate, &vm.types.coroutine))
        .then(|| as_generator(&delegate).cloned())
        .flatten();
        match inner {
            Some(g) => chain.push(g),
            None => {
                last_delegate = Some(delegate);
                break;
            }
        }
    }
    let innermost = chain.len() - 1;
    let saved: Vec<FrameState> = chain[..innermost].iter().map(|g| g.state()).collect();
    for g in &chain[..innermost] {
        g.set_state(FrameState::Executing);
    }
    let g = chain[innermost].clone();
    let delegate_error = match last_delegate {
        Some(d) => {
            let state = g.state();
            g.set_state(FrameState::Executing);
            let r = close_delegate(vm, &d);
            g.set_state(state);
            r.err()
        }
        None => None,
    };
    let mut result = close_one(vm, &g, delegate_error);
    for (level, state) in chain[..innermost].iter().zip(saved).rev() {
        level.set_state(state);
        result = close_one(vm, level, result.err());
    }
    result
}

/// One level of `gen_close`, after its delegate (if any) was closed:
/// `delegate_error` is raised instead of `GeneratorExit` if that failed.
fn close_one(
    vm: &mut Vm,
    generator: &Ref<Generator>,
    delegate_error: Option<PyErr>,
) -> PyResult<Value> {
    match generator.state() {
        FrameState::Created => {
            generator.complete();
            return Ok(Value::NONE);
        }
        FrameState::Completed => return Ok(Value::NONE),
        _ => {}
    }
    if delegate_error.is_none() && generator.closes_trivially() {
        generator.complete();
        return Ok(Value::NONE);
    }
    let err = match delegate_error {
        Some(e) => e,
        None => vm.new_exception(ExcKind::GeneratorExit, Vec::new()),
    };
    match send_ex(vm, generator, Value::NONE, Some(err), true) {
        Ok(Resumed::Yielded(_)) => {
            Err(vm.runtime_error(&format!("{} ignored GeneratorExit", generator.kind.noun())))
        }
        Ok(Resumed::Returned(v)) => Ok(v),
        Err(e) if vm.exc_matches(&e, ExcKind::GeneratorExit) => Ok(Value::NONE),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------
// Instructions.
// ---------------------------------------------------------------------

/// `SEND` when the receiver cannot be resumed in the loop: `next()` for
/// `None` on an iterator, else its `send` method; a `StopIteration`
/// becomes the delegation's result.
pub(crate) fn send_generic(vm: &mut Vm, receiver: &Value, value: Value) -> PyResult<Resumed> {
    let next = vm.type_of(receiver).slots.next.get();
    let result = match next {
        Some(next) if value.is_none() => match next(vm, receiver) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => return Ok(Resumed::Returned(Value::NONE)),
            Err(e) => Err(e),
        },
        _ => {
            let name = vm.intern("send")?;
            let method = vm.get_attr(receiver, &name)?;
            vm.call(&method, &[value], None)
        }
    };
    match result {
        Ok(v) => Ok(Resumed::Yielded(v)),
        Err(e) if vm.exc_matches(&e, ExcKind::StopIteration) => {
            Ok(Resumed::Returned(stop_iteration_value(&e)))
        }
        Err(e) => Err(e),
    }
}

/// `GET_YIELD_FROM_ITER`: generators (and coroutines, in coroutine code)
/// are their own iterators; anything else goes through `iter()`.
pub(crate) fn get_yield_from_iter(vm: &mut Vm, code_flags: u32, v: Value) -> PyResult<Value> {
    if is_exactly(&v, &vm.types.coroutine) {
        if code_flags & (co_flags::COROUTINE | co_flags::ITERABLE_COROUTINE) == 0 {
            return Err(vm.type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator".into(),
            ));
        }
        return Ok(v);
    }
    if is_exactly(&v, &vm.types.generator) {
        return Ok(v);
    }
    vm.iter(&v)
}

/// `CLEANUP_THROW`: an exception thrown into a `yield from`/`await` came
/// back out of the delegate; a `StopIteration` is the delegate's result
/// (`Ok`), anything else is re-raised (`Err`).
pub(crate) fn cleanup_throw(vm: &Vm, exc: &Value) -> Result<Value, PyErr> {
    let Some(e) = as_exception(exc) else {
        return Ok(Value::NONE);
    };
    let err = PyErr(e.clone());
    if vm.exc_matches(&err, ExcKind::StopIteration) {
        Ok(stop_iteration_value(&err))
    } else {
        Err(err)
    }
}

/// `INTRINSIC_STOPITERATION_ERROR` (PEP 479): a `StopIteration` escaping a
/// generator or coroutine body (or `StopAsyncIteration` an async
/// generator's) becomes `RuntimeError`, caused by it.
pub(crate) fn stopiteration_error(vm: &mut Vm, code_flags: u32, exc: Value) -> Value {
    let Some(e) = as_exception(&exc).cloned() else {
        return exc;
    };
    let err = PyErr(e);
    let kind = GenKind::from_flags(code_flags).unwrap_or(GenKind::Generator);
    let message = if vm.exc_matches(&err, ExcKind::StopIteration) {
        format!("{} raised StopIteration", kind.noun())
    } else if kind == GenKind::AsyncGenerator && vm.exc_matches(&err, ExcKind::StopAsyncIteration) {
        "async generator raised StopAsyncIteration".to_owned()
    } else {
        return exc;
    };
    let error = vm.runtime_error(&message);
    error.0.cause.with(|c| *c = exc.clone());
    error.0.context.with(|c| *c = exc);
    error.0.suppress_context.with(|s| *s = true);
    Value::from_object(error.0.into_obj())
}

// ---------------------------------------------------------------------
// The types: slots, methods, attributes.
// ---------------------------------------------------------------------

fn this_generator(vm: &mut Vm, args: &Args) -> PyResult<Ref<Generator>> {
    match as_generator(args.this()) {
        Some(g) => Ok(g.clone()),
        None => Err(vm.type_error("expected a generator".into())),
    }
}

/// Parses `throw(typ[, val[, tb]])`-style arguments of the method `name`.
pub(crate) fn throw_args(vm: &mut Vm, name: &str, rest: &[Value]) -> PyResult<ThrowArgs> {
    match rest.len() {
        0 => Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1..=3 => Ok(ThrowArgs {
            typ: rest[0].clone(),
            value: rest.get(1).cloned(),
            traceback: rest.get(2).cloned(),
        }),
        n => Err(vm.type_error(format!("{name} expected at most 3 arguments, got {n}"))),
    }
}

/// `throw()` and the value it returns to its caller.
pub fn throw_method(vm: &mut Vm, generator: &Ref<Generator>, args: &ThrowArgs) -> PyResult<Value> {
    match throw(vm, generator, args, true)? {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

/// Methods of `generator`.
pub static GENERATOR_METHODS: &[MethodDef] = &[
    method("__iter__", "($self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__next__", "($self, /)", |vm, args| {
        let g = this_generator(vm, args)?;
        match send_ex(vm, &g, Value::NONE, None, false)? {
            Resumed::Yielded(v) => Ok(v),
            Resumed::Returned(v) => Err(vm.stop_iteration(v)),
        }
    }),
    method("send", "($self, value, /)", |vm, args| {
        let g = this_generator(vm, args)?;
        send(vm, &g, args.required(1).clone())
    }),
    method("throw", "($self, *args)", |vm, args| {
        let g = this_generator(vm, args)?;
        let t = throw_args(vm, "throw", args.varargs())?;
        throw_method(vm, &g, &t)
    }),
    method("close", "($self, /)", |vm, args| {
        let g = this_generator(vm, args)?;
        close(vm, &g)
    }),
];

/// Methods of `coroutine` (no `__next__`/`__iter__`: awaited, not iterated).
pub static COROUTINE_METHODS: &[MethodDef] = &[
    method("send", "($self, value, /)", |vm, args| {
        let g = this_generator(vm, args)?;
        send(vm, &g, args.required(1).clone())
    }),
    method("throw", "($self, *args)", |vm, args| {
        let g = this_generator(vm, args)?;
        let t = throw_args(vm, "throw", args.varargs())?;
        throw_method(vm, &g, &t)
    }),
    method("close", "($self, /)", |vm, args| {
        let g = this_generator(vm, args)?;
        close(vm, &g)
    }),
    method("__await__", "($self, /)", |vm, args| {
        let g = this_generator(vm, args)?;
        crate::builtins::coroutine::new_wrapper(vm, g)
    }),
];

/// The attributes of generator objects that are not methods
/// (`gi_*`/`cr_*`/`ag_*`, `__name__`, `__qualname__`).
fn generator_attribute(vm: &mut Vm, g: &Ref<Generator>, name: &str) -> PyResult<Option<Value>> {
    let prefix = match g.kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    Ok(Some(match name {
        "__name__" => g.name.get(),
        "__qualname__" => g.qualname.get(),
        _ => {
            let Some(field) = name.strip_prefix(prefix) else {
                return Ok(None);
            };
            match field {
                "running" if g.kind == GenKind::AsyncGenerator => {
                    Value::from_bool(g.running_async.get())
                }
                "running" => Value::from_bool(g.state() == FrameState::Executing),
                "suspended" => Value::from_bool(g.state() == FrameState::Suspended),
                "code" => g
                    .code()
                    .map_or(Value::NONE, |c| Value::from_object(c.into_obj())),
                "yieldfrom" if g.kind == GenKind::Generator => {
                    g.yield_from().unwrap_or(Value::NONE)
                }
                "await" if g.kind != GenKind::Generator => g.yield_from().unwrap_or(Value::NONE),
                "origin" if g.kind == GenKind::Coroutine => Value::NONE,
                "frame" => g.frame_object(vm)?,
                _ => return Ok(None),
            }
        }
    }))
}

fn generator_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    if let Some(v) = crate::builtins::object::generic_getattr_opt(vm, obj, name)? {
        return Ok(v);
    }
    if let Some(g) = as_generator(obj).cloned()
        && let Some(v) = generator_attribute(vm, &g, &name.as_lossy())?
    {
        return Ok(v);
    }
    Err(crate::builtins::object::no_attribute(vm, obj, name))
}

fn generator_setattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Ref<Str>,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(g) = as_generator(obj).cloned() else {
        return crate::builtins::object::generic_setattr(vm, obj, name, value);
    };
    let text = name.as_lossy();
    match &*text {
        "__name__" | "__qualname__" => {
            let Some(v) = value.filter(|v| vm.as_str(v).is_some()) else {
                return Err(vm.type_error(format!("{text} must be set to a string object")));
            };
            let cell = if &*text == "__name__" {
                &g.name
            } else {
                &g.qualname
            };
            let old = cell.with(|c| std::mem::replace(c, v));
            drop(old);
            Ok(())
        }
        _ => {
            let known = !matches!(generator_attribute(vm, &g, &text), Ok(None));
            let tn = vm.type_name(obj);
            let message = if known {
                format!("attribute '{text}' of '{tn}' objects is not writable")
            } else {
                format!(
                    "'{tn}' object has no attribute '{text}' and no __dict__ for setting new attributes"
                )
            };
            Err(vm.attribute_error(&message))
        }
    }
}

fn generator_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(g) = as_generator(v).cloned() else {
        return crate::builtins::object::object_repr(vm, v);
    };
    let qualname = g.qualname.get();
    let qualname = vm.str_string(&qualname)?;
    let address = g.as_obj().address();
    let noun = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    vm.new_str(&format!("<{noun} object {qualname} at {address:#x}>"))
}

/// Installs the slots of `generator`, `coroutine` and `async_generator`.
pub fn init_types(vm: &Vm) {
    for t in [
        &vm.types.generator,
        &vm.types.coroutine,
        &vm.types.async_generator,
    ] {
        t.slots.getattro.set(Some(generator_getattr));
        t.slots.setattro.set(Some(generator_setattr));
        t.slots.repr.set(Some(generator_repr));
        t.slots.finalize.set(Some(finalize_generator));
    }
    vm.types
        .generator
        .slots
        .iter
        .set(Some(|_vm, v| Ok(v.clone())));
    vm.types.generator.slots.next.set(Some(generator_next));
}
