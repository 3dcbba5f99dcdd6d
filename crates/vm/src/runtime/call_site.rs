//! Specialized `CALL` sites for builtins (CPython's `CALL_BUILTIN_O`,
//! `CALL_BUILTIN_FAST`, `CALL_METHOD_DESCRIPTOR_*`, `CALL_LEN`, ...).
//!
//! Each `CALL` site has a [`CallCache`] (a side-table entry numbered in its
//! first `CACHE` unit, see `inline_cache.rs`; the eval loop reads the
//! number from the decoded stream's copy, `instruction_stream::cache_index`,
//! with one load). The first time a site calls
//! a builtin function (not bound to a `self`) or a method descriptor of an
//! instance method, it remembers which builtin: the declaration's
//! `&'static MethodDef` and the callable's kind. From then on the `CALL`
//! arm first asks [`call_specialized`], before the Python function path:
//! when the callable on the stack is of that kind (its class that builtin
//! type itself) with that very declaration, the body runs at once on the
//! arguments borrowed from the value stack — no probe of the Python
//! function path first, no signature binding for a call that binds by
//! position alone (`native::call_positional`).
//!
//! The guard is exact: a `MethodDef` is static, so comparing its address
//! cannot be fooled by a freed and reused object, and the body that runs is
//! the one the general path would run for that callable; the same
//! intrinsics and the same binder's errors apply (a call that does not bind
//! by position alone goes through `call_builtin_function` /
//! `call_descriptor`, as before). A different callable (a rebound name, a
//! subclass's override) is a miss: the site forgets and the `CALL` arm takes
//! its usual path; after [`MISS_LIMIT`] misses the site stops specializing
//! (as CPython's backoff counters do), and costs one load and a compare.

use std::cell::Cell;

use crate::builtins::native::{self, BuiltinFunction, MethodDef, MethodDescriptor, MethodKind};
use crate::error::PyResult;
use crate::runtime::{Frame, Vm, fast_call};
use crate::value::Value;

/// Misses after which a site stops specializing.
const MISS_LIMIT: u8 = 8;

/// What callables a `CALL` site has seen.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
enum Shape {
    /// Nothing yet (or forgotten after a miss): the next builtin is learned.
    #[default]
    Empty,
    /// A `builtin_function_or_method` not bound to a `self` (`len`, `abs`)
    /// declared by [`CallCache::def`].
    Function,
    /// A method descriptor of an instance method (`list.append` loaded
    /// as a method, or called unbound) declared by [`CallCache::def`].
    Descriptor,
    /// Missed too often: never specialized again.
    Generic,
}

/// The cache of one `CALL` site.
#[derive(Default)]
pub struct CallCache {
    /// What the site saw.
    shape: Cell<Shape>,
    /// The builtin's declaration, by address (compared, never
    /// dereferenced): null unless the shape is `Function` or `Descriptor`.
    def: Cell<*const MethodDef>,
    /// Misses so far.
    misses: Cell<u8>,
}

impl CallCache {
    /// Whether the site is specialized for a builtin.
    #[inline(always)]
    fn specialized(&self) -> bool {
        matches!(self.shape.get(), Shape::Function | Shape::Descriptor)
    }

    /// Remembers the callable `object` if it is a builtin this module
    /// specializes for (only an empty site learns).
    fn learn(&self, object: &crate::object::ObjRef) {
        if self.shape.get() != Shape::Empty {
            return;
        }
        if let Some(function) = object.downcast::<BuiltinFunction>() {
            if !function.signature.binds_self() {
                self.def.set(function.def);
                self.shape.set(Shape::Function);
            }
        } else if let Some(descriptor) = object.downcast::<MethodDescriptor>()
            && descriptor.def.kind == MethodKind::Method
        {
            self.def.set(descriptor.def);
            self.shape.set(Shape::Descriptor);
        }
    }

    /// A specialized site saw another callable: it forgets (and learns the
    /// next builtin), or after [`MISS_LIMIT`] misses stays generic.
    #[cold]
    #[inline(never)]
    fn miss(&self) {
        let misses = self.misses.get().saturating_add(1);
        self.misses.set(misses);
        self.def.set(std::ptr::null());
        self.shape.set(if misses >= MISS_LIMIT {
            Shape::Generic
        } else {
            Shape::Empty
        });
    }
}

/// The builtin a specialized site's guard passed for.
enum Callee<'a> {
    Function(&'a BuiltinFunction),
    Descriptor(&'a MethodDescriptor),
}

/// For `CALL nargs` at a site specialized for a builtin (`site`): when the
/// callable on `caller`'s stack is that builtin, calls it on the arguments
/// (and `self`) borrowed from the stack, pops the callable, `self` and the
/// arguments, and returns the result. `None`, with nothing done, when the
/// site is not specialized or the guard fails (a miss, counted).
///
/// # Safety
/// `caller` must be the live innermost frame, its stack top stored.
#[inline(always)]
pub(crate) unsafe fn call_specialized(
    vm: &mut Vm,
    caller: *mut Frame,
    nargs: usize,
    site: Option<&CallCache>,
) -> Option<PyResult<Value>> {
    let site = site?;
    if !site.specialized() {
        return None;
    }
    // SAFETY: contract; only shared access until the call returns.
    let frame = unsafe { &*caller };
    let top = frame.stack_top as usize;
    let callable_at = top.checked_sub(nargs + 2)?;
    let live = frame.live_slots();
    let object = live.get(callable_at)?.as_ref()?.as_object()?;
    let def = site.def.get();
    // The guard: the same kind of callable made from the same static
    // declaration (a builtin function only when not bound to a `self`).
    // The kind is told by the object's class being that builtin type
    // itself, compared by address with the interpreter's: one load fewer
    // on the chain from the object than the payload test of `downcast`
    // (class, then its payload's id), which then answers for sure.
    let class = object.class();
    let callee = match site.shape.get() {
        Shape::Function => match class
            .same(&vm.types.builtin_function)
            // SAFETY: the class is the interpreter's
            // `builtin_function_or_method`, made with that payload.
            .then(|| unsafe { fast_call::exact_payload::<BuiltinFunction>(object) })
        {
            Some(f) if std::ptr::eq(f.def, def) && !f.signature.binds_self() => Callee::Function(f),
            _ => {
                site.miss();
                return None;
            }
        },
        _ => match class
            .same(&vm.types.method_descriptor)
            // SAFETY: the class is the interpreter's `method_descriptor`,
            // made with that payload.
            .then(|| unsafe { fast_call::exact_payload::<MethodDescriptor>(object) })
        {
            Some(d) if std::ptr::eq(d.def, def) => Callee::Descriptor(d),
            _ => {
                site.miss();
                return None;
            }
        },
    };
    let args = fast_call::native_arguments(live, callable_at, top)?;
    let result = match callee {
        Callee::Function(f) => call_function(vm, f, args),
        Callee::Descriptor(d) => call_descriptor(vm, d, args),
    };
    // SAFETY: contract; the call has returned and nothing borrows the
    // slots any more.
    unsafe { fast_call::pop_call(caller, callable_at, top) };
    Some(result)
}

/// A specialized call of builtin function `f` (not bound to a `self`):
/// its intrinsic when that answers, else its body by position, else the
/// general call (binder, errors) — what `call_native_on_stack` does.
#[inline(always)]
fn call_function(vm: &mut Vm, f: &BuiltinFunction, args: &[Value]) -> PyResult<Value> {
    if f.def.intrinsic != native::Intrinsic::None
        && let Some(v) = native::intrinsic_answer(vm, f.def.intrinsic, args)
    {
        return Ok(v);
    }
    if let Some(result) = native::call_positional(vm, f.def.body, &f.signature, args) {
        return result;
    }
    native::call_builtin_function(vm, f, args, None)
}

/// A specialized call of instance-method descriptor `d` on `args` (`self`
/// first): its intrinsic when that answers, else, when `self` is exactly
/// of the descriptor's type, its body by position; everything else
/// (subclasses, a wrong `self`, binding errors) as `call_descriptor`.
#[inline(always)]
fn call_descriptor(vm: &mut Vm, d: &MethodDescriptor, args: &[Value]) -> PyResult<Value> {
    if d.def.intrinsic != native::Intrinsic::None
        && let Some(v) = native::intrinsic_answer(vm, d.def.intrinsic, args)
    {
        return Ok(v);
    }
    if let Some(this) = args.first()
        && vm.type_of(this).as_obj().is(d.owner.as_obj())
        && let Some(result) = native::call_positional(vm, d.def.body, &d.signature, args)
    {
        return result;
    }
    native::call_descriptor(vm, d, args, None)
}

/// For `CALL nargs` at `site` when [`call_specialized`] did not answer and
/// the callable is no simple Python call: `call_native_on_stack`, after an
/// empty site has learned the builtin it calls.
///
/// # Safety
/// As `call_native_on_stack`.
#[inline(always)]
pub(crate) unsafe fn call_native_learning(
    vm: &mut Vm,
    caller: *mut Frame,
    nargs: usize,
    site: Option<&CallCache>,
) -> Option<PyResult<Value>> {
    if let Some(site) = site
        && site.shape.get() == Shape::Empty
    {
        // SAFETY: contract; a shared look at the callable's slot.
        let frame = unsafe { &*caller };
        let callable_at = (frame.stack_top as usize).checked_sub(nargs + 2);
        if let Some(object) = callable_at
            .and_then(|at| frame.live_slots().get(at))
            .and_then(Option::as_ref)
            .and_then(Value::as_object)
        {
            site.learn(object);
        }
    }
    // SAFETY: contract.
    unsafe { crate::runtime::fast_call::call_native_on_stack(vm, caller, nargs) }
}
