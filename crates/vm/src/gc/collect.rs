//! One collection: CPython's trial deletion over the tracked containers of
//! the collected generations, PEP 442 finalization, then `clear`.
//!
//! 1. The younger generations are merged into the collected one.
//! 2. Reachability ([`deduce_unreachable`]): each object's `gc_refs` starts
//!    as its reference count; every reference from one collected object to
//!    another is subtracted (through the objects' `traverse`). An object
//!    left with `gc_refs > 0` is referenced from outside the set (a frame,
//!    native code, an older generation) and is reachable, and so is
//!    everything it refers to; the rest is garbage.
//! 3. Survivors move to the next generation; tuples that can no longer be
//!    part of a cycle stop being tracked.
//! 4. Weak references to garbage are cleared, and the callbacks of those
//!    that are not garbage themselves are called (CPython's
//!    `handle_weakrefs`). Then finalizers (`__del__`) of garbage objects
//!    run, each at most once in the object's life (it is marked finalized
//!    first). They may resurrect
//!    objects, so reachability is computed again over the garbage, and what
//!    became reachable survives (into the old generation).
//! 5. What is still garbage is cleared (`clear` drops its references), which
//!    breaks the cycles; reference counting then frees the objects.
//!
//! Steps 2–3 run no Python code, allocate nothing and drop no reference:
//! while they run, the `prev` word of collected headers holds `gc_refs`
//! instead of an address. If a traversal meets a cell in use (impossible at
//! a safe point, where collections run) the collection is abandoned and the
//! lists restored.

use super::finalize;
use super::header::{GcHeader, header_of, move_unreachable};
use super::state::{GENERATIONS, state};
use crate::object::ObjRef;
use crate::runtime::Vm;

/// `gc.get_debug()` flag: keep garbage in `gc.garbage` instead of freeing it.
pub const DEBUG_SAVEALL: u32 = 1 << 5;

/// Collects generation `generation` (and the younger ones); returns the
/// number of unreachable objects found, not counting those their
/// finalizers resurrected (CPython's `gc.collect()` value).
/// Returns 0 without collecting if a collection is already under way.
pub fn collect(vm: &mut Vm, generation: usize) -> usize {
    let state = state();
    let generation = generation.min(GENERATIONS - 1);
    if state.collecting.replace(true) {
        return 0;
    }
    finalize::invoke_callbacks(vm, "start", generation, 0);
    let found = collect_main(vm, generation);
    let stats = &state.stats[generation];
    stats.collections.set(stats.collections.get() + 1);
    stats.collected.set(stats.collected.get() + found);
    finalize::invoke_callbacks(vm, "stop", generation, found);
    state.collecting.set(false);
    found
}

/// Automatic collection: the oldest generation whose count passed its
/// threshold (the oldest only when enough objects await their first full
/// collection, as CPython: a quarter of the long-lived ones).
pub fn collect_generations(vm: &mut Vm) {
    let state = state();
    for generation in (0..GENERATIONS).rev() {
        let g = &state.generations[generation];
        if g.is_over_threshold() {
            if generation == GENERATIONS - 1
                && state.long_lived_pending.get() < state.long_lived_total.get() / 4
            {
                continue;
            }
            collect(vm, generation);
            break;
        }
    }
}

fn collect_main(vm: &mut Vm, generation: usize) -> usize {
    let state = state();
    if let Some(next) = state.generations.get(generation + 1) {
        next.count.set(next.count.get().saturating_add(1));
    }
    for g in &state.generations[..=generation] {
        g.count.set(0);
    }
    let young = &state.generations[generation].head;
    for g in &state.generations[..generation] {
        g.head.merge_into(young);
    }
    let old = match state.generations.get(generation + 1) {
        Some(next) => &next.head,
        None => young,
    };

    let unreachable = GcHeader::untracked();
    unreachable.init_list();
    if !deduce_unreachable(young, &unreachable) {
        return 0;
    }
    untrack_tuples(young);
    if std::ptr::eq(young, old) {
        state.long_lived_pending.set(0);
        state.long_lived_total.set(young.list_len());
    } else {
        if generation == GENERATIONS - 2 {
            state
                .long_lived_pending
                .set(state.long_lived_pending.get() + young.list_len());
        }
        young.merge_into(old);
    }
    if unreachable.list_is_empty() {
        return 0;
    }

    // Weak references to garbage are cleared before anything runs, and the
    // callbacks of those that are not garbage themselves are called.
    for (weakref, callback) in crate::object::weakref::clear_for_garbage(&unreachable) {
        finalize::call_weakref_callback(vm, weakref, &callback);
    }

    // Finalizers, each object moving to `seen` before its own runs.
    let seen = GcHeader::untracked();
    seen.init_list();
    let mut ran_finalizers = false;
    while let Some(node) = unreachable.list_first() {
        node.move_to(&seen);
        if !node.is_finalized() && finalize::has_finalizer(node) {
            node.set_finalized();
            // SAFETY: the object is alive (it is in a list); the count taken
            // keeps it so while its finalizer runs.
            let object = unsafe { ObjRef::new_from_raw(node.object()) };
            finalize::call_finalizer(vm, &object);
            drop(object);
            ran_finalizers = true;
        }
    }

    // Objects the finalizers resurrected survive, into the old generation.
    let garbage = GcHeader::untracked();
    garbage.init_list();
    if ran_finalizers {
        if !deduce_unreachable(&seen, &garbage) {
            seen.merge_into(old);
            return 0;
        }
        seen.merge_into(old);
    } else {
        seen.merge_into(&garbage);
    }
    // What the finalizers resurrected is not counted, as in CPython.
    let found = garbage.list_len();
    delete_garbage(vm, &garbage, old);
    found
}

/// Computes reachability over `list` (step 2): leaves the objects reachable
/// from outside it in `list` and moves the rest to `unreachable`. Returns
/// false, with `list` restored, if some object could not be traversed.
fn deduce_unreachable(list: &GcHeader, unreachable: &GcHeader) -> bool {
    // gc_refs = reference count.
    list.for_each(|node| {
        // SAFETY: members of a list are live objects.
        let object = unsafe { ObjRef::borrowed(node.object()) };
        node.start_collecting(object.refcount());
    });
    // Subtract the references from inside the set.
    let mut complete = true;
    list.for_each(|node| {
        if complete {
            complete = traverse(node, &mut |referent| referent.decrement_refs());
        }
    });
    if !complete {
        restore_after_abort(list);
        return false;
    }
    move_unreachable(list, unreachable, &mut |node, visit| {
        traverse(node, visit);
    });
    true
}

/// Calls `visit` with the header of every collected container `node`'s
/// object refers to. Returns false if the traversal was incomplete.
fn traverse(node: &GcHeader, visit: &mut dyn FnMut(&GcHeader)) -> bool {
    // SAFETY: members of a list are live objects.
    let object = unsafe { ObjRef::borrowed(node.object()) };
    let Some(hooks) = object.class().slots.gc else {
        return true;
    };
    (hooks.traverse)(&object, &mut |referent: &ObjRef| {
        if let Some(header) = header_of(referent)
            && header.is_collecting()
        {
            visit(header);
        }
    })
}

/// Rebuilds the `prev` addresses of a list whose `gc_refs` were being
/// computed, ending the collection for its members.
fn restore_after_abort(list: &GcHeader) {
    let mut prev: *const GcHeader = list;
    list.for_each(|node| {
        node.stop_collecting();
        node.restore_prev(prev);
        prev = node;
    });
    list.restore_prev(prev);
}

/// Stops tracking reachable tuples none of whose items is tracked.
fn untrack_tuples(list: &GcHeader) {
    list.for_each(|node| {
        // SAFETY: members of a list are live objects.
        let object = unsafe { ObjRef::borrowed(node.object()) };
        if object
            .class()
            .slots
            .gc
            .is_some_and(|hooks| (hooks.may_untrack)(&object))
        {
            node.unlink();
        }
    });
}

/// Clears every object of `garbage` (step 5). An object still alive after
/// its own `clear` (referred to by garbage not cleared yet) moves to `old`
/// and dies when that garbage is cleared.
fn delete_garbage(vm: &mut Vm, garbage: &GcHeader, old: &GcHeader) {
    let save_all = state().debug.get() & DEBUG_SAVEALL != 0;
    while let Some(node) = garbage.list_first() {
        // SAFETY: the object is alive (it is in a list); the count taken
        // keeps it so while it is cleared.
        let object = unsafe { ObjRef::new_from_raw(node.object()) };
        if save_all {
            finalize::save_garbage(vm, &object);
        } else if let Some(hooks) = object.class().slots.gc {
            (hooks.clear)(&object);
        }
        if garbage
            .list_first()
            .is_some_and(|first| std::ptr::eq(first, node))
        {
            node.move_to(old);
        }
        drop(object);
    }
}
