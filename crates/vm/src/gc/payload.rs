//! [`Payload`]: what every object payload declares to the cycle collector,
//! and the [`Visitor`] its `traverse` reports references to.
//!
//! Every Rust type used as an object payload implements [`Payload`] (it is
//! a bound of `Ref::new` and `TypeObject::for_payload`, so a new payload
//! cannot be forgotten). Atoms — payloads that hold no references to other
//! objects (`str`, `int`, `range`...) — write `impl Payload for X {}` and
//! are never tracked and carry no GC header. Containers set
//! [`Payload::CONTAINER`] and implement [`Payload::traverse`] (visit every
//! strong reference the payload holds, CPython's `tp_traverse`) and, where
//! the payload can be mutated, [`Payload::clear`] (drop the references that
//! can form cycles, CPython's `tp_clear`). A class built for payload `T`
//! gets the type-erased hooks in its slots ([`GcHooks`] in
//! `Slots::gc`), which is what the collector calls.

use crate::gc::containers::traverse_instance_dict;
use crate::object::{ObjRef, PyCell};
use crate::value::Value;

/// The collector's view of an object payload. See the file comment.
pub trait Payload: 'static {
    /// Whether instances can hold references to other objects: they are
    /// allocated with a GC header and tracked by the collector.
    const CONTAINER: bool = false;

    /// Visits every object this payload holds a strong reference to (a heap
    /// class is visited by the collector itself). Must not run Python code,
    /// allocate objects or drop references; reads mutable state through
    /// [`Visitor::cell`].
    fn traverse(&self, _visit: &mut Visitor<'_>) {}

    /// Drops the references this payload holds that can be part of a cycle,
    /// leaving a valid (empty) object: called on unreachable objects after
    /// their finalizers ran. Payloads whose references cannot change
    /// (tuples, bound methods) leave it empty: every cycle runs through some
    /// mutable container that clears. Must access cells with
    /// [`PyCell::try_with`] and drop what it takes outside the closure.
    fn clear(&self) {}

    /// Whether a newly allocated container starts tracked (CPython 3.14
    /// does not track a new tuple none of whose items is a container).
    fn track_at_creation(&self) -> bool {
        true
    }

    /// Whether the collector may stop tracking this object after finding it
    /// reachable, because it cannot be part of a cycle now or later (a tuple
    /// whose items are all untracked, as CPython's `_PyTuple_MaybeUntrack`).
    fn may_untrack(&self) -> bool {
        false
    }

    /// Whether the class's finalizer still has work to do on this object
    /// (consulted when it dies and before a collection finalizes it); a
    /// `false` lets deallocation free it at once instead of reviving and
    /// queueing it. A generator that finished, or whose close runs no
    /// Python code, has nothing to finalize (CPython's `_PyGen_Finalize`
    /// returns early for it).
    fn finalizer_needed(&self) -> bool {
        true
    }

    /// The size of the variable-size data allocated after the object in
    /// the same block (by `Ref::new_with_trailing`): a generator's frame.
    /// Deallocation frees the block with it, so it must not change.
    fn trailing_bytes(&self) -> usize {
        0
    }
}

/// Receives the references an object holds (CPython's `visitproc`).
pub struct Visitor<'a> {
    visit: &'a mut dyn FnMut(&ObjRef),
    busy: bool,
}

impl<'a> Visitor<'a> {
    /// A visitor calling `visit` for each reference.
    pub fn new(visit: &'a mut dyn FnMut(&ObjRef)) -> Visitor<'a> {
        Visitor { visit, busy: false }
    }

    /// Reports a reference to an object.
    pub fn object(&mut self, object: &ObjRef) {
        (self.visit)(object);
    }

    /// Reports the object a value refers to, if it is a heap object.
    pub fn value(&mut self, value: &Value) {
        if let Some(object) = value.as_object() {
            (self.visit)(object);
        }
    }

    /// Reports the object an optional value refers to.
    pub fn optional(&mut self, value: &Option<Value>) {
        if let Some(value) = value {
            self.value(value);
        }
    }

    /// Reports every object among `values`.
    pub fn values<'v>(&mut self, values: impl IntoIterator<Item = &'v Value>) {
        for value in values {
            self.value(value);
        }
    }

    /// Reads a cell's value to report what it holds. If the cell is in use
    /// (which cannot happen at a safe point), the traversal is marked
    /// incomplete and the collector treats the object as reachable.
    pub fn cell<T>(&mut self, cell: &PyCell<T>, f: impl FnOnce(&T, &mut Visitor<'a>)) {
        if cell.try_with(|value| f(value, self)).is_none() {
            self.busy = true;
        }
    }

    /// Whether some cell could not be read.
    pub fn incomplete(&self) -> bool {
        self.busy
    }
}

/// Reports each reference an object holds (the type-erased visitor).
pub type Visit<'a> = dyn FnMut(&ObjRef) + 'a;

/// [`GcHooks::traverse`]: visits an object's references; false if the
/// traversal was incomplete.
pub type TraverseFn = fn(&ObjRef, &mut Visit<'_>) -> bool;

/// The type-erased collector hooks of a container class, stored in its
/// slots ([`Slots::gc`](crate::types::Slots)). A class has them exactly
/// when its instances carry a GC header.
#[derive(Clone, Copy)]
pub struct GcHooks {
    /// Visits every reference of the object's payload, then its class if
    /// that is a heap type; returns false if the traversal was incomplete.
    pub traverse: TraverseFn,
    /// [`Payload::clear`].
    pub clear: fn(&ObjRef),
    /// [`Payload::may_untrack`].
    pub may_untrack: fn(&ObjRef) -> bool,
    /// [`Payload::finalizer_needed`].
    pub finalizer_needed: fn(&ObjRef) -> bool,
}

impl GcHooks {
    /// The hooks of payload `T`, if it is a container.
    pub const fn of<T: Payload>() -> Option<GcHooks> {
        if T::CONTAINER {
            Some(GcHooks {
                traverse: traverse_erased::<T>,
                clear: clear_erased::<T>,
                may_untrack: may_untrack_erased::<T>,
                finalizer_needed: finalizer_needed_erased::<T>,
            })
        } else {
            None
        }
    }
}

impl GcHooks {
    /// The hooks of instances of user subclasses carrying payload `T` in
    /// the `Extended<T>` layout (classes with the `EXTENDED` flag): `T`'s
    /// references, then the attribute dict and `__slots__` values.
    pub const fn of_extended<T: Payload>() -> GcHooks {
        GcHooks {
            traverse: traverse_extended::<T>,
            clear: clear_extended::<T>,
            may_untrack: |_| false,
            finalizer_needed: |_| true,
        }
    }
}

/// In CPython's order for instances of heap types: the `__slots__`
/// values, the attribute dict, the class, then the base's payload.
fn traverse_extended<T: Payload>(object: &ObjRef, visit: &mut Visit<'_>) -> bool {
    let Some(extended) = object.downcast_extended::<T>() else {
        return true;
    };
    // The `__slots__` values need no visitor state: most hold no object
    // (floats, small ints) and cost a tag test each.
    extended.extension.for_each_slot_value(|value| {
        if let Some(object) = value.as_object() {
            visit(object);
        }
    });
    let mut visitor = Visitor::new(visit);
    traverse_instance_dict(&extended.extension.dict, &mut visitor);
    let class = object.class();
    if class.has_flag(crate::types::flags::HEAPTYPE) {
        visitor.object(class.as_obj());
    }
    extended.payload.traverse(&mut visitor);
    !visitor.incomplete()
}

fn clear_extended<T: Payload>(object: &ObjRef) {
    if let Some(extended) = object.downcast_extended::<T>() {
        extended.clear();
    }
}

fn traverse_erased<T: Payload>(object: &ObjRef, visit: &mut Visit<'_>) -> bool {
    let mut visitor = Visitor::new(visit);
    if let Some(payload) = object.downcast::<T>() {
        payload.traverse(&mut visitor);
    }
    // The header's reference to a class made by a `class` statement: such
    // a class and its instances can form a cycle (`A.instance = A()`).
    let class = object.class();
    if class.has_flag(crate::types::flags::HEAPTYPE) {
        visitor.object(class.as_obj());
    }
    !visitor.incomplete()
}

fn clear_erased<T: Payload>(object: &ObjRef) {
    if let Some(payload) = object.downcast::<T>() {
        payload.clear();
    }
}

fn may_untrack_erased<T: Payload>(object: &ObjRef) -> bool {
    object.downcast::<T>().is_some_and(|p| p.may_untrack())
}

fn finalizer_needed_erased<T: Payload>(object: &ObjRef) -> bool {
    object.downcast::<T>().is_none_or(|p| p.finalizer_needed())
}
