//! The GC header and the intrusive lists it links objects into.
//!
//! Every instance of a container type (one whose payload declares
//! [`Payload::CONTAINER`](super::Payload::CONTAINER)) is allocated with a
//! [`GcHeader`] of two words placed immediately *before* its
//! [`ObjectHeader`]: the object's address (its `id()`, what every
//! `ObjRef` points at) is unchanged, and objects of other types pay
//! nothing. The two words are:
//!
//! - `next`: the address of the next header in the object's list, or 0 when
//!   the object is not tracked. During a collection, bit 0 marks an object
//!   moved to the tentatively-unreachable list.
//! - `prev`: the address of the previous header, with three flag bits
//!   below it (addresses are 8-aligned): bit 0 `FINALIZED` (its `__del__`
//!   has run, PEP 442), bit 1 `COLLECTING` (it is in the generation being
//!   collected) and bit 2 `WEAKLY_REFERENCED` (weak references to it may
//!   exist: see `object::weakref`). While a collection computes reachability, the address part
//!   holds the object's `gc_refs` count instead (the list is walked forwards
//!   only, and `prev` is rebuilt as each object is scanned).
//!
//! Lists are circular and doubly linked through a sentinel header (a
//! generation's head, or a temporary list on the collector's stack), so
//! linking and unlinking are O(1) and need no allocation.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::{ObjRef, ObjectHeader};

/// The two words before every container object.
#[repr(C)]
pub struct GcHeader {
    next: Cell<usize>,
    prev: Cell<usize>,
}

/// `next` bit: the object is in the tentatively-unreachable list.
const NEXT_UNREACHABLE: usize = 1;
/// `prev` bit: the object's finalizer has run (or was started).
const PREV_FINALIZED: usize = 1;
/// `prev` bit: the object is part of the collection under way.
const PREV_COLLECTING: usize = 2;
/// `prev` bit: weak references to the object may exist (it has an entry in
/// the weak reference table).
const PREV_WEAKLY_REFERENCED: usize = 4;
/// The flags of `prev` that belong to the object, whatever list holds it.
const PREV_KEPT: usize = PREV_FINALIZED | PREV_WEAKLY_REFERENCED;
/// The flag bits of `prev`.
const PREV_FLAGS: usize = PREV_FINALIZED | PREV_COLLECTING | PREV_WEAKLY_REFERENCED;
/// `gc_refs` is stored above the flag bits.
const REFS_SHIFT: u32 = 3;
/// The largest `gc_refs` that fits (counts are clamped to it).
const MAX_REFS: usize = usize::MAX >> REFS_SHIFT;

/// Bytes between a container's `GcHeader` and its `ObjectHeader`.
pub const GC_HEADER_SIZE: usize = std::mem::size_of::<GcHeader>();

impl GcHeader {
    /// A header of an object that is not tracked (and of an empty sentinel
    /// before [`GcHeader::init_list`]).
    pub const fn untracked() -> GcHeader {
        GcHeader {
            next: Cell::new(0),
            prev: Cell::new(0),
        }
    }

    fn address(&self) -> usize {
        self as *const GcHeader as usize
    }

    /// The header at `address`.
    ///
    /// # Safety
    /// `address` must be the address of a live header (a tracked object's,
    /// or a sentinel that outlives the returned reference).
    unsafe fn at<'a>(address: usize) -> &'a GcHeader {
        // SAFETY: guaranteed by the caller.
        unsafe { &*(address as *const GcHeader) }
    }

    /// The header of a container object.
    ///
    /// # Safety
    /// `object` must be a container (allocated with a GC header).
    pub(crate) unsafe fn of_object<'a>(object: NonNull<ObjectHeader>) -> &'a GcHeader {
        // SAFETY: containers are allocated with the header right before the
        // object header (see `object::allocate_object`).
        unsafe { &*(object.as_ptr().cast::<u8>().sub(GC_HEADER_SIZE) as *const GcHeader) }
    }

    /// The object this header belongs to.
    pub(crate) fn object(&self) -> NonNull<ObjectHeader> {
        // SAFETY: a non-sentinel header is followed by its object header;
        // the pointer is derived from a reference, so it is not null.
        unsafe {
            NonNull::new_unchecked(
                (self as *const GcHeader as *mut u8).add(GC_HEADER_SIZE) as *mut ObjectHeader
            )
        }
    }

    /// Whether the object is linked into a list.
    pub fn is_tracked(&self) -> bool {
        self.next.get() != 0
    }

    /// Whether the object's finalizer has run.
    pub fn is_finalized(&self) -> bool {
        self.prev.get() & PREV_FINALIZED != 0
    }

    /// Marks the finalizer as run.
    pub fn set_finalized(&self) {
        self.prev.set(self.prev.get() | PREV_FINALIZED);
    }

    /// Whether weak references to the object may exist.
    pub fn is_weakly_referenced(&self) -> bool {
        self.prev.get() & PREV_WEAKLY_REFERENCED != 0
    }

    /// Sets or clears the mark that weak references to the object may exist.
    pub fn set_weakly_referenced(&self, on: bool) {
        let prev = self.prev.get() & !PREV_WEAKLY_REFERENCED;
        self.prev
            .set(prev | if on { PREV_WEAKLY_REFERENCED } else { 0 });
    }

    // ----- sentinel lists -------------------------------------------------

    /// Makes this (sentinel) header an empty list, unless it already is a
    /// list.
    pub fn init_list(&self) {
        if self.next.get() == 0 {
            self.next.set(self.address());
            self.prev.set(self.address());
        }
    }

    /// Whether this (sentinel) header was made a list.
    pub fn is_list(&self) -> bool {
        self.next.get() != 0
    }

    /// Whether the (sentinel) list is empty.
    pub fn list_is_empty(&self) -> bool {
        self.next.get() == self.address() || self.next.get() == 0
    }

    /// The first object of the (sentinel) list.
    pub fn list_first(&self) -> Option<&GcHeader> {
        if self.list_is_empty() {
            return None;
        }
        // SAFETY: a non-empty list links live headers.
        Some(unsafe { GcHeader::at(self.next.get() & !NEXT_UNREACHABLE) })
    }

    /// The number of objects in the (sentinel) list.
    pub fn list_len(&self) -> usize {
        let mut n = 0;
        self.for_each(|_| n += 1);
        n
    }

    /// Calls `f` on every header of the (sentinel) list, in order. `f` may
    /// unlink the header it is given, and nothing else.
    pub fn for_each(&self, mut f: impl FnMut(&GcHeader)) {
        if self.next.get() == 0 {
            return;
        }
        let end = self.address();
        let mut at = self.next.get() & !NEXT_UNREACHABLE;
        while at != end {
            // SAFETY: list members are live headers.
            let node = unsafe { GcHeader::at(at) };
            at = node.next.get() & !NEXT_UNREACHABLE;
            f(node);
        }
    }

    fn prev_address(&self) -> usize {
        self.prev.get() & !PREV_FLAGS
    }

    fn set_prev_address(&self, address: usize) {
        self.prev
            .set((self.prev.get() & PREV_FLAGS) | (address & !PREV_FLAGS));
    }

    /// Links `node` (untracked) at the end of this (sentinel) list.
    pub fn append(&self, node: &GcHeader) {
        self.init_list();
        // SAFETY: the sentinel's `prev` is the list's last header (or itself).
        let last = unsafe { GcHeader::at(self.prev_address()) };
        last.next.set(node.address());
        node.set_prev_address(last.address());
        node.next.set(self.address());
        self.set_prev_address(node.address());
    }

    /// Unlinks a tracked object from whatever list holds it, keeping only its
    /// `FINALIZED` and `WEAKLY_REFERENCED` flags. The list must have valid `prev` addresses (true
    /// outside the reachability computation of a collection).
    pub fn unlink(&self) {
        if !self.is_tracked() {
            return;
        }
        // SAFETY: a tracked header's neighbours are live headers.
        let (prev, next) = unsafe {
            (
                GcHeader::at(self.prev_address()),
                GcHeader::at(self.next.get() & !NEXT_UNREACHABLE),
            )
        };
        prev.next
            .set((self.next.get() & !NEXT_UNREACHABLE) | (prev.next.get() & NEXT_UNREACHABLE));
        next.set_prev_address(prev.address());
        self.next.set(0);
        self.prev.set(self.prev.get() & PREV_KEPT);
    }

    /// Moves a tracked object to the end of the (sentinel) list `to`.
    pub fn move_to(&self, to: &GcHeader) {
        self.unlink();
        to.append(self);
    }

    /// Appends every object of this (sentinel) list to `to`, leaving this
    /// list empty.
    pub fn merge_into(&self, to: &GcHeader) {
        if self.list_is_empty() {
            return;
        }
        to.init_list();
        // SAFETY: both lists link live headers.
        unsafe {
            let first = GcHeader::at(self.next.get());
            let last = GcHeader::at(self.prev_address());
            let to_last = GcHeader::at(to.prev_address());
            to_last.next.set(first.address());
            first.set_prev_address(to_last.address());
            last.next.set(to.address());
            to.set_prev_address(last.address());
        }
        self.next.set(self.address());
        self.prev.set(self.address());
    }

    // ----- reachability computation ---------------------------------------

    /// Sets the `prev` address (after an abandoned collection), keeping the flags.
    pub fn restore_prev(&self, prev: *const GcHeader) {
        self.set_prev_address(prev as usize);
    }

    /// Whether the object is part of the collection under way.
    pub fn is_collecting(&self) -> bool {
        self.prev.get() & PREV_COLLECTING != 0
    }

    /// `gc_refs` (valid while collecting and not yet scanned).
    pub fn refs(&self) -> usize {
        self.prev.get() >> REFS_SHIFT
    }

    /// Starts the collection for this object: `gc_refs` = its count.
    pub fn start_collecting(&self, refcount: usize) {
        let refs = refcount.min(MAX_REFS);
        self.prev
            .set((refs << REFS_SHIFT) | (self.prev.get() & PREV_KEPT) | PREV_COLLECTING);
    }

    /// Sets `gc_refs`, keeping the flags.
    pub fn set_refs(&self, refs: usize) {
        self.prev
            .set((refs.min(MAX_REFS) << REFS_SHIFT) | (self.prev.get() & PREV_FLAGS));
    }

    /// One reference to this object comes from inside the collected set.
    pub fn decrement_refs(&self) {
        let refs = self.refs();
        if refs > 0 {
            self.set_refs(refs - 1);
        }
    }

    /// Whether the object is in the tentatively-unreachable list.
    pub fn is_tentatively_unreachable(&self) -> bool {
        self.next.get() & NEXT_UNREACHABLE != 0
    }

    /// Ends the collection for this object.
    pub fn stop_collecting(&self) {
        self.prev.set(self.prev.get() & !PREV_COLLECTING);
    }
}

/// The header of `object` if it is a container (its class declares GC hooks).
pub fn header_of(object: &ObjRef) -> Option<&GcHeader> {
    object.class().slots.gc?;
    // SAFETY: instances of a class with GC hooks are allocated with a header.
    Some(unsafe { GcHeader::of_object(object.as_non_null()) })
}

/// Calls the visitor with the header of every collected object the given
/// object refers to.
pub(crate) type HeaderTraverse<'a> = dyn FnMut(&GcHeader, &mut dyn FnMut(&GcHeader)) + 'a;

/// Splits a list whose objects have `gc_refs` computed into the objects
/// reachable from outside it (left in `young`) and the rest (moved to
/// `unreachable`, in order); both end as ordinary lists whose members are no
/// longer `COLLECTING`. `traverse` visits an object's collected referents.
///
/// The walk goes forwards only: an object with `gc_refs > 0` is reachable;
/// scanning it makes every collected referent reachable too (`gc_refs` at
/// least 1, or moved back to the end of `young` from `unreachable`, so the
/// walk reaches it again). An object with `gc_refs == 0` when the walk
/// reaches it moves to `unreachable` — tentatively, until something scanned
/// later refers to it.
pub(crate) fn move_unreachable(
    young: &GcHeader,
    unreachable: &GcHeader,
    traverse: &mut HeaderTraverse<'_>,
) {
    unreachable.init_list();
    let young_address = young.address();
    let mut prev: &GcHeader = young;
    let mut at = young.next.get();
    while at != young_address {
        // SAFETY: members of `young` are live headers.
        let node = unsafe { GcHeader::at(at) };
        if node.refs() > 0 {
            traverse(node, &mut |referent: &GcHeader| {
                if !referent.is_collecting() {
                    return;
                }
                if referent.is_tentatively_unreachable() {
                    take_from_unreachable(referent, unreachable);
                    // Back to the end of `young`, to be scanned.
                    // SAFETY: the sentinel's `prev` is the list's last header.
                    let last = unsafe { GcHeader::at(young.prev_address()) };
                    last.next.set(referent.address());
                    referent.next.set(young_address);
                    young.set_prev_address(referent.address());
                    referent.set_refs(1);
                } else if referent.refs() == 0 {
                    referent.set_refs(1);
                }
            });
            // Scanned: rebuild the back link, leave the collection.
            node.prev
                .set(prev.address() | (node.prev.get() & PREV_KEPT));
            prev = node;
            at = node.next.get();
        } else {
            let next = node.next.get();
            prev.next.set(next);
            if next == young_address {
                young.set_prev_address(prev.address());
            }
            // Append to `unreachable`, every member's `next` marked.
            // SAFETY: the sentinel's `prev` is the list's last header.
            let last = unsafe { GcHeader::at(unreachable.prev_address()) };
            let mark = if std::ptr::eq(last, unreachable) {
                0
            } else {
                NEXT_UNREACHABLE
            };
            last.next.set(node.address() | mark);
            node.prev
                .set(last.address() | (node.prev.get() & PREV_FLAGS));
            node.next.set(unreachable.address() | NEXT_UNREACHABLE);
            unreachable.set_prev_address(node.address());
            at = next;
        }
    }
    young.set_prev_address(prev.address());
    // `unreachable` becomes an ordinary list (marks removed).
    let end = unreachable.address();
    let mut at = unreachable.next.get();
    while at != end {
        // SAFETY: members of `unreachable` are live headers.
        let node = unsafe { GcHeader::at(at) };
        let next = node.next.get() & !NEXT_UNREACHABLE;
        node.next.set(next);
        node.stop_collecting();
        at = next;
    }
}

/// Unlinks `node` from the tentatively-unreachable list (whose members'
/// `prev` are addresses and whose `next` carry the mark).
fn take_from_unreachable(node: &GcHeader, unreachable: &GcHeader) {
    // SAFETY: members of the list and its sentinel are live headers.
    let (prev, next) = unsafe {
        (
            GcHeader::at(node.prev_address()),
            GcHeader::at(node.next.get() & !NEXT_UNREACHABLE),
        )
    };
    let mark = if std::ptr::eq(prev, unreachable) {
        0
    } else {
        NEXT_UNREACHABLE
    };
    prev.next.set(next.address() | mark);
    next.set_prev_address(prev.address());
}
