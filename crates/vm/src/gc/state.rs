//! The collector's interpreter-global state: the generation lists, their
//! thresholds and counts, the switches of the `gc` module, statistics, and
//! the list of objects waiting for their finalizer.
//!
//! Everything here is a `Cell` or a [`GcHeader`] (whose fields are cells),
//! reached through a shared reference: deallocation updates this state
//! (untracking, counting, queueing finalizers) at any moment, including
//! while the collector itself is running, so no `&mut` to it may ever be
//! live. Like the other interpreter-global state (see `object::GilCell`),
//! it lives in a thread-local slot until the GIL exists. The state has no
//! destructor, so the slot stays valid for the whole life of its thread.

use std::cell::Cell;
use std::ptr::NonNull;

use super::header::GcHeader;
use crate::object::ObjectHeader;

/// How many generations there are (`gc.collect(generation)` takes 0..=2).
pub const GENERATIONS: usize = 3;

/// CPython 3.14's default thresholds (`gc.get_threshold()`).
pub const DEFAULT_THRESHOLDS: [i64; GENERATIONS] = [2000, 10, 10];

/// One generation: a list of tracked objects.
pub struct Generation {
    /// The sentinel of the list.
    pub head: GcHeader,
    /// `gc.get_threshold()[i]` (a C `int` in CPython; 0 turns automatic
    /// collection of the generation off). Set through
    /// [`GcState::set_threshold`], which keeps the allocation trigger in step.
    threshold: Cell<i64>,
    /// `gc.get_count()[i]`: for generation 0, container allocations minus
    /// deallocations since its last collection; for the others, collections
    /// of the next younger generation since their own last one.
    pub count: Cell<usize>,
}

/// `gc.get_stats()[i]`.
#[derive(Default)]
pub struct GenerationStats {
    /// Collections of this generation.
    pub collections: Cell<usize>,
    /// Unreachable objects found by them.
    pub collected: Cell<usize>,
    /// Objects they could not free (always 0: there are no legacy finalizers).
    pub uncollectable: Cell<usize>,
}

/// The collector's state; see the file comment.
pub struct GcState {
    /// Generations 0 (young) to 2 (old).
    pub generations: [Generation; GENERATIONS],
    /// `gc.freeze()`'s permanent generation: tracked, never collected.
    pub permanent: GcHeader,
    /// Objects whose finalizer must run at the next safe point (revived by
    /// deallocation, one count owned by this list).
    pub pending: GcHeader,
    /// `gc.isenabled()`: automatic collection is on (see
    /// [`GcState::set_enabled`]).
    enabled: Cell<bool>,
    /// Generation 0's count above which a container allocation asks
    /// whether a collection is due: its threshold while automatic
    /// collection is enabled and the threshold is non-zero (0 for a
    /// negative threshold), `usize::MAX` (never) otherwise. Derived from `enabled` and the threshold by
    /// [`GcState::refresh_trigger`], so that the allocation path compares
    /// once instead of testing three fields.
    young_trigger: Cell<usize>,
    /// A collection is under way (no nested collection starts).
    pub collecting: Cell<bool>,
    /// Something waits for the next safe point (a collection or finalizers).
    pub due: Cell<bool>,
    /// `gc.get_debug()` flags.
    pub debug: Cell<u32>,
    /// Objects in the oldest generation after its last full collection.
    pub long_lived_total: Cell<usize>,
    /// Objects that reached the oldest generation since then.
    pub long_lived_pending: Cell<usize>,
    /// Per-generation statistics.
    pub stats: [GenerationStats; GENERATIONS],
    /// `gc.garbage` and `gc.callbacks`: immortal lists, made on first use.
    pub garbage: Cell<Option<NonNull<ObjectHeader>>>,
    /// See `garbage`.
    pub callbacks: Cell<Option<NonNull<ObjectHeader>>>,
}

const fn generation(threshold: i64) -> Generation {
    Generation {
        head: GcHeader::untracked(),
        threshold: Cell::new(threshold),
        count: Cell::new(0),
    }
}

const fn stats() -> GenerationStats {
    GenerationStats {
        collections: Cell::new(0),
        collected: Cell::new(0),
        uncollectable: Cell::new(0),
    }
}

thread_local! {
    static GC_STATE: GcState = const {
        GcState {
            generations: [
                generation(DEFAULT_THRESHOLDS[0]),
                generation(DEFAULT_THRESHOLDS[1]),
                generation(DEFAULT_THRESHOLDS[2]),
            ],
            permanent: GcHeader::untracked(),
            pending: GcHeader::untracked(),
            enabled: Cell::new(true),
            young_trigger: Cell::new(DEFAULT_THRESHOLDS[0] as usize),
            collecting: Cell::new(false),
            due: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: [stats(), stats(), stats()],
            garbage: Cell::new(None),
            callbacks: Cell::new(None),
        }
    };
}

/// This thread's collector state. The sentinels inside it are linked to by
/// objects, so it must stay at one address: a thread-local without a
/// destructor does, for the life of the thread, and the reference cannot
/// leave the thread (`GcState` is not `Sync`).
pub fn state() -> &'static GcState {
    GC_STATE.with(|state| {
        let pointer: *const GcState = state;
        // SAFETY: see the function comment.
        let state: &'static GcState = unsafe { &*pointer };
        if !state.pending.is_list() {
            for generation in &state.generations {
                generation.head.init_list();
            }
            state.permanent.init_list();
            state.pending.init_list();
        }
        state
    })
}

/// Whether a safe point has work to do (checked between instructions).
#[inline]
pub fn is_due() -> bool {
    GC_STATE.with(|state| state.due.get())
}

impl GcState {
    /// `gc.isenabled()`.
    pub fn is_enabled(&self) -> bool {
        self.enabled.get()
    }

    /// `gc.enable()` / `gc.disable()`.
    pub fn set_enabled(&self, on: bool) {
        self.enabled.set(on);
        self.refresh_trigger();
    }

    /// Sets generation `generation`'s threshold (`gc.set_threshold`).
    pub fn set_threshold(&self, generation: usize, threshold: i64) {
        if let Some(g) = self.generations.get(generation) {
            g.threshold.set(threshold);
            self.refresh_trigger();
        }
    }

    /// Recomputes `young_trigger` from `enabled` and generation 0's
    /// threshold (see the field).
    fn refresh_trigger(&self) {
        let threshold = self.generations[0].threshold.get();
        // As `is_over_threshold`: 0 never triggers, a negative threshold
        // is always passed.
        let trigger = if !self.enabled.get() || threshold == 0 {
            usize::MAX
        } else {
            usize::try_from(threshold).unwrap_or(0)
        };
        self.young_trigger.set(trigger);
    }

    /// Whether generation 0 is over its threshold and automatic collection
    /// may run now.
    #[inline]
    pub fn collection_due(&self) -> bool {
        // The threshold test first: it is the one that is almost always
        // false on the allocation path (all three are plain reads).
        let young = &self.generations[0];
        young.is_over_threshold() && self.enabled.get() && !self.collecting.get()
    }
}

impl Generation {
    /// `gc.get_threshold()[i]`.
    pub fn threshold(&self) -> i64 {
        self.threshold.get()
    }

    /// Whether the count passed a (non-zero) threshold.
    #[inline]
    pub fn is_over_threshold(&self) -> bool {
        let threshold = self.threshold.get();
        threshold != 0 && i64::try_from(self.count.get()).unwrap_or(i64::MAX) > threshold
    }
}

/// Called by `Ref::new` for every new container: counts the allocation
/// and links the object into generation 0 if `track`.
///
/// The count is compared with `young_trigger` alone; only past it (the
/// threshold is crossed and automatic collection is on) is the exact test,
/// [`GcState::collection_due`], made. The count cannot overflow: it grows
/// by one per allocation.
#[inline]
pub fn on_allocated(header: &GcHeader, track: bool) {
    if track {
        state().generations[0].head.append(header);
    }
    // The count and the trigger need no initialised lists: reached
    // without `state()`'s check.
    GC_STATE.with(|state| {
        let young = &state.generations[0];
        let count = young.count.get().wrapping_add(1);
        young.count.set(count);
        if count > state.young_trigger.get() {
            note_collection_due(state);
        }
    });
}

/// The rare end of [`on_allocated`]: generation 0 passed its threshold.
#[cold]
#[inline(never)]
fn note_collection_due(state: &GcState) {
    if state.collection_due() {
        state.due.set(true);
    }
}

/// Called when a container is freed: unlinks it and counts the deallocation.
#[inline]
pub fn on_deallocated(header: &GcHeader) {
    header.unlink();
    GC_STATE.with(|state| {
        let young = &state.generations[0];
        young.count.set(young.count.get().saturating_sub(1));
    });
}
