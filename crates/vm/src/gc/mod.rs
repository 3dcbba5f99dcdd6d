//! The cycle collector (DESIGN.md decision 5): reference counting frees
//! almost everything; this finds the garbage reference counting cannot —
//! objects that only keep each other alive — in CPython's style.
//!
//! - **Which objects.** Only containers: payloads that declare
//!   [`Payload::CONTAINER`] and implement `traverse`/`clear` (see
//!   [`payload`] and, for the builtin types, [`containers`]). Their
//!   instances carry a two-word [`GcHeader`] before the object header
//!   ([`header`]) that links them into a generation list; everything else
//!   pays nothing.
//! - **Generations.** Three lists with CPython 3.14's thresholds
//!   (2000, 10, 10) and counts ([`state`]): allocating a container counts
//!   towards generation 0; past its threshold a collection is due.
//! - **When.** Only at safe points ([`finalize::safe_point`], called by the
//!   eval loop between instructions) and in `gc.collect()` — never inside
//!   an allocation, so no object's state is ever borrowed while the
//!   collector traverses or clears it.
//! - **How.** Trial deletion, PEP 442 finalization, then `clear` — see
//!   [`collect`].
//! - **Finalizers** (`__del__`) run exactly once per object, also when
//!   reference counting frees it (deferred to the next safe point, so that
//!   deallocation never runs Python code) — see [`finalize`].
//! - **The `gc` module**'s functions are declared in [`module`].
//!
//! Weak references do not exist yet; when they do, the collector must clear
//! weak references to garbage (and queue their callbacks) before running
//! finalizers, as CPython's `handle_weakrefs` does.

pub mod collect;
pub mod containers;
pub mod finalize;
pub mod header;
pub mod module;
pub mod payload;
pub mod state;

pub use collect::collect;
pub use finalize::{run_pending, safe_point};
pub use header::{GC_HEADER_SIZE, GcHeader, header_of};
pub use payload::{GcHooks, Payload, Visitor};
pub use state::{GENERATIONS, is_due, state};

pub(crate) use finalize::defer_finalizer;
pub(crate) use state::{on_allocated, on_deallocated};

use crate::object::ObjRef;

/// `gc.is_tracked(obj)`.
pub fn is_tracked(object: &ObjRef) -> bool {
    header_of(object).is_some_and(GcHeader::is_tracked)
}

/// `gc.is_finalized(obj)`.
pub fn is_finalized(object: &ObjRef) -> bool {
    header_of(object).is_some_and(GcHeader::is_finalized)
}

/// Stops tracking a container (an object that can no longer be part of a
/// cycle, or whose references another object reports).
pub fn untrack(object: &ObjRef) {
    if let Some(header) = header_of(object) {
        header.unlink();
    }
}

/// The objects a container refers to, as its `traverse` reports them
/// (`gc.get_referents`); nothing for other objects.
pub fn referents(object: &ObjRef) -> Vec<ObjRef> {
    let mut found = Vec::new();
    if let Some(hooks) = object.class().slots.gc {
        (hooks.traverse)(object, &mut |referent: &ObjRef| {
            found.push(referent.clone());
        });
    }
    found
}

/// Every tracked object of `generation` (all generations when `None`),
/// excluding the permanent one (`gc.get_objects`).
pub fn tracked_objects(generation: Option<usize>) -> Vec<ObjRef> {
    let state = state();
    let mut found = Vec::new();
    for (i, g) in state.generations.iter().enumerate() {
        if generation.is_none_or(|wanted| wanted == i) {
            g.head.for_each(|node| {
                // SAFETY: list members are live objects.
                found.push(unsafe { ObjRef::new_from_raw(node.object()) });
            });
        }
    }
    found
}

/// `gc.freeze()`: moves every tracked object to the permanent generation,
/// which collections ignore.
pub fn freeze() {
    let state = state();
    for g in &state.generations {
        g.head.merge_into(&state.permanent);
        g.count.set(0);
    }
}

/// `gc.unfreeze()`: returns the permanent generation to the oldest one.
pub fn unfreeze() {
    let state = state();
    if let Some(oldest) = state.generations.last() {
        state.permanent.merge_into(&oldest.head);
    }
}

/// `gc.get_freeze_count()`.
pub fn freeze_count() -> usize {
    state().permanent.list_len()
}
