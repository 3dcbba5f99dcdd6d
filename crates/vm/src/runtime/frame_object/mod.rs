//! Frame objects (`types.FrameType`): what `sys._getframe`, `f_back`,
//! `tb_frame` and `gi_frame` return (DESIGN.md decision 7; CPython's
//! `PyFrameObject`).
//!
//! A frame object is made lazily and at most once per frame: the frame's
//! [`FrameObjectLink`] holds it (a counted reference) and the object points
//! back at the frame. While the frame lives — in a data-stack chunk or in
//! the memory of the generator owning it — every attribute reads the frame
//! itself, so `f_lineno`, `f_locals` and `f_back` follow it as it runs.
//!
//! When the frame ends (popped from the data stack, or its generator
//! finishes or dies), [`frame_ends`] / [`generator_frame_ends`] detach the
//! object; if anyone else still holds it, it *takes the data over*: the
//! header and the locals are copied into memory the object owns, and
//! `f_back` is fixed to the caller's frame object of that moment (CPython's
//! `take_ownership`), so tracebacks and stored frames stay valid.
//!
//! `f_locals` of a function frame is a write-through proxy
//! ([`locals_proxy`], PEP 667); module and class bodies return their
//! namespace.

pub mod locals_proxy;

use std::cell::Cell;
use std::ptr::NonNull;

use krait_compiler::bytecode::code_object::fast_kind;

use crate::builtins::descriptors::{GetSetDef, getset, getter};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::{CellObj, Code};
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::{ObjRef, ObjectHeader, PyCell, Ref};
use crate::runtime::Vm;
use crate::runtime::frame::{Frame, FrameOwner, FrameState, OwnedFrame};
use crate::value::Value;

/// The last field of every [`Frame`]: its frame object, once made, and
/// for a generator's frame the generator owning it.
#[derive(Default)]
#[repr(C)]
pub struct FrameObjectLink {
    /// The frame object (a counted reference), if one was made.
    object: Cell<Option<Ref<FrameObject>>>,
    /// The generator, coroutine or async generator owning the frame (not
    /// counted: the generator owns the frame, so it outlives this link).
    generator: Cell<Option<NonNull<ObjectHeader>>>,
}

impl FrameObjectLink {
    /// The frame object, if one was made.
    pub fn object(&self) -> Option<Ref<FrameObject>> {
        let object = self.object.take();
        let copy = object.clone();
        self.object.set(object);
        copy
    }

    /// Records the generator owning the frame (`f_generator`).
    pub fn set_generator(&self, generator: &ObjRef) {
        self.generator.set(Some(generator.as_non_null()));
    }

    /// The frame object, for the collector (no count taken).
    pub(crate) fn visit_object(&self, f: impl FnOnce(&ObjRef)) {
        let object = self.object.take();
        if let Some(o) = &object {
            f(o.as_obj());
        }
        self.object.set(object);
    }
}

/// A frame dropped without its take-over hook (a path that pops frames
/// without calling [`frame_ends`]) leaves its frame object empty rather
/// than pointing at freed memory.
impl Drop for FrameObjectLink {
    fn drop(&mut self) {
        if let Some(object) = self.object.take() {
            object.forget();
        }
    }
}

/// Where a frame object's data is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Holding {
    /// A live frame (on a data stack, or in a generator).
    Live,
    /// A copy taken over when the frame ended (in `owned`).
    TakenOver,
    /// Nothing: the frame ended while memory for a copy was refused.
    Lost,
}

/// The payload of a frame object (see the file comment).
pub struct FrameObject {
    /// `f_code` (a frame's code never changes).
    pub(crate) code: Ref<Code>,
    /// The frame shown: the live frame, then the copy in `owned`.
    frame: Cell<*mut Frame>,
    /// Where the data is.
    holding: Cell<Holding>,
    /// The frame's header and locals once taken over.
    pub(crate) owned: PyCell<OwnedFrame>,
    /// `f_back` once taken over (`None` while live: read from the frame).
    pub(crate) back: PyCell<Value>,
    /// `f_trace` (stored; krait does not call it).
    pub(crate) trace: PyCell<Value>,
    /// Names written through `f_locals` that are not fast locals (PEP
    /// 667's extra locals).
    pub(crate) extra_locals: PyCell<Option<Ref<Dict>>>,
}

impl FrameObject {
    /// The frame shown (live or taken over), or `None` once lost.
    ///
    /// The reference must not be held across anything that can run Python
    /// code (the frame may end meanwhile).
    pub(crate) fn frame(&self) -> Option<&Frame> {
        // SAFETY: a live frame holds this object through its link and
        // detaches it before it ends, so the pointer is a live frame or
        // the copy in `owned` (or null).
        unsafe { self.frame.get().as_ref() }
    }

    /// The frame, writable (for `f_locals` writes).
    fn frame_ptr(&self) -> *mut Frame {
        self.frame.get()
    }

    /// The frame's data after it ended, for the collector.
    pub(crate) fn taken_over_frame(&self) -> Option<&Frame> {
        if self.holding.get() == Holding::TakenOver {
            self.frame()
        } else {
            None
        }
    }

    /// Whether this object shows a frame that is still running or resting
    /// in a generator.
    fn is_live(&self) -> bool {
        self.holding.get() == Holding::Live
    }

    /// Copies `frame`'s data into the object, which from now on shows
    /// the copy, with `back` as `f_back`.
    fn take_over(&self, frame: &Frame, back: Value) {
        let (pointer, holding, copy) = match OwnedFrame::copy_locals_of(frame) {
            Ok(copy) => (copy.as_ptr(), Holding::TakenOver, copy),
            Err(_) => (std::ptr::null_mut(), Holding::Lost, OwnedFrame::empty()),
        };
        let old = self.owned.with(|o| std::mem::replace(o, copy));
        self.frame.set(pointer);
        self.holding.set(holding);
        let old_back = self.back.with(|b| std::mem::replace(b, back));
        drop((old, old_back));
    }

    /// Forgets the frame (it ended and nobody else holds this object).
    fn forget(&self) {
        self.frame.set(std::ptr::null_mut());
        self.holding.set(Holding::Lost);
    }

    /// The generator owning the live frame, if any (`f_generator`).
    fn generator(&self) -> Option<Value> {
        if !self.is_live() {
            return None;
        }
        let frame = self.frame()?;
        if frame.owner != FrameOwner::Generator {
            return None;
        }
        let generator = frame.frame_object.generator.get()?;
        // SAFETY: the generator owns the live frame, so it is alive.
        let object = unsafe { ObjRef::new_from_raw(generator) };
        Some(Value::from_object(object))
    }

    /// `f_back`.
    fn back(&self, vm: &mut Vm) -> PyResult<Value> {
        if !self.is_live() {
            return Ok(self.back.get());
        }
        let Some(frame) = self.frame() else {
            return Ok(Value::NONE);
        };
        let resting = frame.owner == FrameOwner::Generator && frame.state != FrameState::Executing;
        if resting || frame.previous.is_null() {
            return Ok(Value::NONE);
        }
        let previous = frame.previous;
        // SAFETY: the caller of a live frame on the chain is live.
        let back = unsafe { frame_object_of(vm, previous) }?;
        Ok(Value::from_object(back.into_obj()))
    }

    /// `f_lasti` in code units: the instruction running (or that ran
    /// last), and for a generator resting in its frame the one it resumes
    /// at (as CPython's `instr_ptr`).
    fn lasti(&self) -> Option<u32> {
        let f = self.frame()?;
        let resting = self.is_live()
            && f.owner == FrameOwner::Generator
            && matches!(f.state, FrameState::Created | FrameState::Suspended);
        Some(if resting { f.next_instr } else { f.lasti })
    }

    /// `f_lineno`.
    fn line(&self) -> Value {
        match self.lasti() {
            Some(lasti) => line_of(&self.code, lasti),
            None => Value::NONE,
        }
    }
}

/// The frame object of the live frame `fp`, made on first use.
///
/// # Safety
/// `fp` must be a live frame (on the thread's chain or owned by a live
/// generator).
pub unsafe fn frame_object_of(vm: &mut Vm, fp: *mut Frame) -> PyResult<Ref<FrameObject>> {
    // SAFETY: contract.
    let frame = unsafe { &*fp };
    if let Some(object) = frame.frame_object.object() {
        return Ok(object);
    }
    let payload = FrameObject {
        code: frame.code.clone(),
        frame: Cell::new(fp),
        holding: Cell::new(Holding::Live),
        owned: PyCell::new(OwnedFrame::empty()),
        back: PyCell::new(Value::NONE),
        trace: PyCell::new(Value::NONE),
        extra_locals: PyCell::new(None),
    };
    let object = vm.alloc(&vm.types.frame.clone(), payload)?;
    frame.frame_object.object.set(Some(object.clone()));
    Ok(object)
}

/// The hook for a thread frame that is about to be popped: if a frame
/// object was made for it and someone else holds it, the object takes the
/// data over, with the caller's frame object as `f_back`.
///
/// # Safety
/// `fp` must be a live frame on the thread's chain, not yet popped.
#[inline(always)]
pub unsafe fn frame_ends(vm: &mut Vm, fp: *mut Frame) {
    // SAFETY: contract.
    let Some(object) = (unsafe { (*fp).frame_object.object.take() }) else {
        return;
    };
    // SAFETY: contract.
    unsafe { detach(vm, fp, object) }
}

/// The slow part of [`frame_ends`].
///
/// # Safety
/// As [`frame_ends`].
#[cold]
unsafe fn detach(vm: &mut Vm, fp: *mut Frame, object: Ref<FrameObject>) {
    if object.as_obj().refcount() > 1 {
        // SAFETY: contract.
        let previous = unsafe { (*fp).previous };
        // A refused allocation leaves `f_back` None (as CPython).
        let back = match previous.is_null() {
            true => Value::NONE,
            // SAFETY: the caller of a live frame on the chain is live.
            false => unsafe { frame_object_of(vm, previous) }
                .map(|b| Value::from_object(b.into_obj()))
                .unwrap_or(Value::NONE),
        };
        // SAFETY: contract.
        object.take_over(unsafe { &*fp }, back);
    } else {
        object.forget();
    }
    drop(object);
}

/// The hook for a generator's frame that ends (the generator finished,
/// or is cleared or freed): as [`frame_ends`], with `f_back` None.
#[inline]
pub fn generator_frame_ends(frame: &Frame) {
    // Almost every generator's frame never had a frame object: a test.
    if let Some(object) = frame.frame_object.object.take() {
        hand_over_generator_frame(frame, object);
    }
}

/// The frame object of a generator's ending frame takes the frame's data
/// over if someone else holds it, or forgets the frame.
#[inline(never)]
fn hand_over_generator_frame(frame: &Frame, object: Ref<FrameObject>) {
    if object.as_obj().refcount() > 1 {
        object.take_over(frame, Value::NONE);
    } else {
        object.forget();
    }
    drop(object);
}

/// The frame object of a frame moved to new memory (a generator's frame
/// leaving the data stack) follows it.
///
/// # Safety
/// `frame` must be the frame's new, initialised place.
pub unsafe fn frame_moved(frame: *mut Frame) {
    // SAFETY: the caller just moved the frame there.
    if let Some(object) = unsafe { (*frame).frame_object.object() } {
        object.frame.set(frame);
    }
}

impl Vm {
    /// `sys._getframe(depth)`: the frame object of the frame `depth` calls
    /// below the current one (the current one for a negative depth);
    /// `None` if the stack is not that deep.
    pub fn frame_object_at(&mut self, depth: i64) -> PyResult<Option<Value>> {
        let mut fp = self.current_frame;
        let mut depth = depth;
        while depth > 0 && !fp.is_null() {
            // SAFETY: frames on the chain are live.
            fp = unsafe { (*fp).previous };
            depth -= 1;
        }
        if fp.is_null() {
            return Ok(None);
        }
        // SAFETY: frames on the chain are live.
        let object = unsafe { frame_object_of(self, fp) }?;
        Ok(Some(Value::from_object(object.into_obj())))
    }
}

/// The value of locals-plus slot `i` of `frame` as a name's value: the
/// contents for a cell, `None` when unbound.
fn slot_value(frame: &Frame, i: usize) -> Option<Value> {
    let value = frame.local(i)?;
    let kind = frame.code.code.localspluskinds.get(i).copied().unwrap_or(0);
    if kind & (fast_kind::CELL | fast_kind::FREE) != 0
        && let Some(cell) = value.as_object().and_then(|o| o.downcast::<CellObj>())
    {
        return cell.value.get();
    }
    Some(value.clone())
}

/// The bound fast locals (cell contents for cells and free variables) of
/// `frame` by name, in `co_localsplusnames` order.
pub fn bound_locals(frame: &Frame) -> Vec<(Ref<crate::builtins::str::Str>, Value)> {
    let code = &frame.code;
    let mut out = Vec::new();
    for (i, name) in code.localsplusnames.iter().enumerate() {
        if let Some(v) = slot_value(frame, i) {
            out.push((name.clone(), v));
        }
    }
    out
}

/// The namespace `f_locals` and `locals()` give for `frame`: a module or
/// class body's, unless an inlined comprehension's hidden locals are bound
/// now (CPython then shows the fast locals, as for a function).
fn namespace_shown(frame: &Frame) -> Option<Value> {
    let namespace = frame.locals.as_ref()?;
    let kinds = &frame.code.code.localspluskinds;
    let hidden_bound = (0..frame.code.localsplusnames.len()).any(|i| {
        kinds.get(i).is_some_and(|k| k & fast_kind::HIDDEN != 0) && slot_value(frame, i).is_some()
    });
    (!hidden_bound).then(|| namespace.clone())
}

/// A new dict of `frame`'s bound fast locals followed by `extra` (what a
/// `FrameLocalsProxy` shows).
pub fn fast_locals_dict(
    vm: &mut Vm,
    frame: Option<&Frame>,
    extra: Option<Ref<Dict>>,
) -> PyResult<Ref<Dict>> {
    let items = frame.map(bound_locals).unwrap_or_default();
    let d = vm.new_dict_ref()?;
    for (name, v) in items {
        Dict::set_item(vm, &d, Value::from_object(name.into_obj()), v)?;
    }
    if let Some(extra) = extra {
        for (k, v) in extra.items() {
            Dict::set_item(vm, &d, k, v)?;
        }
    }
    Ok(d)
}

/// `locals()` of `frame`: the namespace of a module or class body, or a
/// new dict of the bound fast locals and the extra locals written through
/// `f_locals` (PEP 667's snapshot).
pub fn locals_of(vm: &mut Vm, frame: &Frame) -> PyResult<Value> {
    if let Some(namespace) = namespace_shown(frame) {
        return Ok(namespace);
    }
    let extra = frame
        .frame_object
        .object()
        .and_then(|o| o.extra_locals.get());
    let d = fast_locals_dict(vm, Some(frame), extra)?;
    Ok(Value::from_object(d.into_obj()))
}

/// [`locals_of`] the frame a frame object shows (what tracebacks'
/// suggestions read).
pub fn locals_snapshot(vm: &mut Vm, object: &FrameObject) -> PyResult<Value> {
    if let Some(namespace) = object.frame().and_then(namespace_shown) {
        return Ok(namespace);
    }
    let d = fast_locals_dict(vm, object.frame(), object.extra_locals.get())?;
    Ok(Value::from_object(d.into_obj()))
}

/// The line of code unit `lasti` (`None` when it has none).
pub fn line_of(code: &Code, lasti: u32) -> Value {
    match code.code.location_at(lasti as usize) {
        Some(l) if l.line >= 0 => Value::from_i64(i64::from(l.line)),
        _ => Value::NONE,
    }
}

/// The frame object payload of `v`.
pub fn as_frame_object(v: &Value) -> Option<&Ref<FrameObject>> {
    v.as_object().and_then(|o| o.downcast::<FrameObject>())
}

fn frame_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<FrameObject>> {
    match as_frame_object(v) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a 'frame' object".into())),
    }
}

/// `f_locals`: the namespace of a module or class body, or a
/// `FrameLocalsProxy` for a function's frame.
fn f_locals(vm: &mut Vm, object: &Ref<FrameObject>) -> PyResult<Value> {
    if let Some(namespace) = object.frame().and_then(namespace_shown) {
        return Ok(namespace);
    }
    locals_proxy::new_proxy(vm, object.clone())
}

/// `frame.clear()`: drops the locals of a frame that ended (refuses a
/// running or suspended one; closes a generator that never started).
fn clear(vm: &mut Vm, object: &Ref<FrameObject>) -> PyResult<Value> {
    if object.is_live() {
        let (owner, state, generator) = match object.frame() {
            Some(f) => (f.owner, f.state, object.generator()),
            None => return Ok(Value::NONE),
        };
        if owner == FrameOwner::Thread || state == FrameState::Executing {
            return Err(vm.new_error(ExcKind::RuntimeError, "cannot clear an executing frame"));
        }
        if state == FrameState::Suspended {
            return Err(vm.new_error(ExcKind::RuntimeError, "cannot clear a suspended frame"));
        }
        if let Some(g) = generator
            && let Some(g) = crate::builtins::generator::as_generator(&g).cloned()
        {
            crate::builtins::generator::close(vm, &g)?;
        }
        return Ok(Value::NONE);
    }
    clear_taken_over(object);
    Ok(Value::NONE)
}

/// Drops what a taken-over frame object holds but its code and
/// namespaces (`frame.clear()` and the collector's `clear`).
pub(crate) fn clear_taken_over(object: &FrameObject) {
    let trace = object.trace.try_with(|t| std::mem::replace(t, Value::NONE));
    let extra = object.extra_locals.try_with(Option::take);
    let back = object.back.try_with(|b| std::mem::replace(b, Value::NONE));
    let mut held = (Vec::new(), None, None);
    if object.holding.get() == Holding::TakenOver {
        let frame = object.frame_ptr();
        // SAFETY: the copy is owned by the object and nothing else
        // borrows it now.
        if let Some(f) = unsafe { frame.as_mut() } {
            held = (f.take_slots(), f.locals.take(), f.take_func());
        }
    }
    drop((trace, extra, back, held));
}

/// The attributes of frame objects.
pub const FRAME_GETSETS: &[GetSetDef] = &[
    getter("f_code", |vm, v| {
        Ok(Value::from_object(frame_of(vm, v)?.code.as_obj().clone()))
    }),
    getter("f_globals", |vm, v| {
        Ok(frame_of(vm, v)?.frame().map_or(Value::NONE, |f| {
            Value::from_object(f.globals.as_obj().clone())
        }))
    }),
    getter("f_builtins", |vm, v| {
        Ok(frame_of(vm, v)?.frame().map_or(Value::NONE, |f| {
            Value::from_object(f.builtins.as_obj().clone())
        }))
    }),
    getter("f_locals", |vm, v| {
        let f = frame_of(vm, v)?.clone();
        f_locals(vm, &f)
    }),
    getset(
        "f_lineno",
        |vm, v| Ok(frame_of(vm, v)?.line()),
        |vm, v, value| {
            frame_of(vm, v)?;
            if value.is_none() {
                return Err(vm.attribute_error("cannot delete attribute"));
            }
            Err(vm.value_error("f_lineno can only be set in a trace function"))
        },
    ),
    getter("f_lasti", |vm, v| {
        let lasti = frame_of(vm, v)?.lasti();
        Ok(Value::from_i64(lasti.map_or(-1, |l| i64::from(l) * 2)))
    }),
    getter("f_back", |vm, v| {
        let f = frame_of(vm, v)?.clone();
        f.back(vm)
    }),
    getset(
        "f_trace",
        |vm, v| Ok(frame_of(vm, v)?.trace.get()),
        |vm, v, value| {
            let f = frame_of(vm, v)?;
            let old = f
                .trace
                .with(|t| std::mem::replace(t, value.unwrap_or(Value::NONE)));
            drop(old);
            Ok(())
        },
    ),
    getter("f_trace_lines", |vm, v| {
        frame_of(vm, v)?;
        Ok(Value::from_bool(true))
    }),
    getter("f_trace_opcodes", |vm, v| {
        frame_of(vm, v)?;
        Ok(Value::from_bool(false))
    }),
    getter("f_generator", |vm, v| {
        Ok(frame_of(vm, v)?.generator().unwrap_or(Value::NONE))
    }),
];

/// The methods of frame objects.
pub const FRAME_METHODS: &[MethodDef] = &[method("clear", "(self, /)", |vm, args| {
    let f = frame_of(vm, args.this())?.clone();
    clear(vm, &f)
})];

/// Installs the slots of `frame` and `FrameLocalsProxy`.
pub fn init_type(vm: &Vm) {
    vm.types.frame.slots.repr.set(Some(|vm, v| {
        let f = frame_of(vm, v)?.clone();
        let filename = String::from_utf8_lossy(f.code.code.filename.as_bytes()).into_owned();
        let filename = vm.new_str(&filename)?;
        let filename = vm.repr_string(&filename)?;
        let line = vm.repr_string(&f.line())?;
        let text = format!(
            "<frame at {:#x}, file {filename}, line {line}, code {}>",
            v.as_object().map_or(0, |o| o.address()),
            f.code.name.as_lossy()
        );
        vm.new_str(&text)
    }));
    locals_proxy::init_type(vm);
}
