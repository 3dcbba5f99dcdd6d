//! Weak references: the [`WeakRef`] payload of `weakref.ref` and of the
//! proxies, the table that lists the weak references to each object, and
//! what happens to them when the object dies.
//!
//! **Where the list lives.** CPython keeps a list head inside every object
//! of a weak-referenceable type (`tp_weaklistoffset`). krait keeps the
//! lists in a side table instead, keyed by the referent's address, so no
//! object grows: a weak reference costs its own object and a table entry,
//! and objects that are never weakly referenced pay nothing. Which types
//! may be weakly referenced is a class flag
//! ([`WEAKREFABLE`](crate::types::flags::WEAKREFABLE), CPython's
//! `tp_weaklistoffset != 0`).
//!
//! **Cheap when there is none.** Deallocation looks at the table only for
//! objects that may have an entry: the class must be `WEAKREFABLE`, and a
//! container (almost every weak-referenceable object) must carry the
//! `WEAKLY_REFERENCED` bit in its GC header, set when its first weak
//! reference is made. Atoms of weak-referenceable types (code objects,
//! instances of `__slots__` classes without a dict) are looked up in the
//! table only while it is non-empty.
//!
//! **Death.** When a referent dies by reference counting (deallocation,
//! after its `__del__` if any), every weak reference to it is cleared
//! first (calling it gives `None`), then their callbacks are queued, in
//! the list's order (newest first, as CPython's list keeps them), and run
//! at the next safe point (`crate::gc::safe_point`): deallocation never runs
//! Python code. A weak reference that dies first simply leaves its
//! referent's list ([`WeakRef`]'s `Drop`). The cycle collector clears the
//! weak references to garbage before anything else and calls the callbacks
//! of those that are not garbage themselves ([`clear_for_garbage`]).
//!
//! Weak references hold their referent by an uncounted pointer, so
//! `sys.getrefcount` and the collector never see them.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use super::{GilCell, ObjRef, ObjectHeader, PyCell, object_address_of_payload};
use crate::gc::{GcHeader, Payload, Visitor};
use crate::types::{TypeObject, flags};
use crate::value::Value;

/// The payload of a weak reference (`weakref.ref` and its subclasses,
/// `weakref.ProxyType`, `weakref.CallableProxyType`).
pub struct WeakRef {
    /// The referent, uncounted; `None` once it died (or was cleared).
    referent: Cell<Option<NonNull<ObjectHeader>>>,
    /// The callback (`__callback__`), dropped when the referent dies.
    callback: PyCell<Option<Value>>,
    /// The referent's hash, computed on the first `hash()`.
    hash: Cell<Option<i64>>,
}

impl WeakRef {
    /// A weak reference to `referent` (not yet in its list: see [`insert`]).
    pub fn new(referent: &ObjRef, callback: Option<Value>) -> WeakRef {
        WeakRef {
            referent: Cell::new(Some(referent.as_non_null())),
            callback: PyCell::new(callback),
            hash: Cell::new(None),
        }
    }

    /// The referent, if it is alive (a new counted reference).
    pub fn referent(&self) -> Option<ObjRef> {
        // SAFETY: the pointer is cleared before the referent is freed, so
        // while it is set the object is alive.
        self.referent
            .get()
            .map(|pointer| unsafe { ObjRef::new_from_raw(pointer) })
    }

    /// Whether the referent is alive.
    pub fn is_alive(&self) -> bool {
        self.referent.get().is_some()
    }

    /// The referent's address (its `id()`), if it is alive.
    pub fn referent_address(&self) -> Option<usize> {
        self.referent.get().map(|p| p.as_ptr() as usize)
    }

    /// `__callback__`.
    pub fn callback(&self) -> Option<Value> {
        self.callback.get()
    }

    /// The cached hash of the referent.
    pub fn cached_hash(&self) -> Option<i64> {
        self.hash.get()
    }

    /// Caches the hash of the referent.
    pub fn set_cached_hash(&self, hash: i64) {
        self.hash.set(Some(hash));
    }

    /// Forgets the referent, leaving its list (the collector's treatment of
    /// a weak reference that is garbage itself).
    fn detach(&self) {
        if let Some(referent) = self.referent.take() {
            let me = object_address_of_payload(self);
            remove_from_list(referent.as_ptr() as usize, me);
        }
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        self.detach();
    }
}

impl Payload for WeakRef {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.callback, |callback, visit| visit.optional(callback));
    }

    fn clear(&self) {
        let callback = self.callback.try_with(Option::take).flatten();
        drop(callback);
    }
}

/// A hasher for addresses (they are distinct and 8-aligned: one multiply
/// spreads them well enough).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, value: usize) {
        self.0 = (value as u64 >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Referent address → the addresses of its weak reference objects, in
/// CPython's list order (the basic reference, the basic proxy, then the
/// others newest first).
type Table = HashMap<usize, Vec<usize>, BuildHasherDefault<AddressHasher>>;

/// The callbacks waiting for the next safe point: the weak reference and
/// its callback.
type PendingCallbacks = Vec<(ObjRef, Value)>;

struct WeakState {
    table: ManuallyDrop<Table>,
    pending: ManuallyDrop<PendingCallbacks>,
    /// Callbacks are dropped instead of queued (interpreter shutdown).
    callbacks_off: bool,
}

thread_local! {
    // Never dropped (`ManuallyDrop`): references left at thread exit are
    // leaked rather than released into a torn-down thread.
    static WEAK_STATE_SLOT: std::cell::UnsafeCell<WeakState> = const {
        std::cell::UnsafeCell::new(WeakState {
            table: ManuallyDrop::new(HashMap::with_hasher(BuildHasherDefault::new())),
            pending: ManuallyDrop::new(Vec::new()),
            callbacks_off: false,
        })
    };
}

static WEAK_STATE: GilCell<WeakState> = GilCell::new(&WEAK_STATE_SLOT);

/// Whether instances of `class` may be weakly referenced.
pub fn is_weakrefable_class(class: &TypeObject) -> bool {
    class.has_flag(flags::WEAKREFABLE)
}

/// The weak reference objects referring to `referent`, in list order (new
/// counted references): `_weakref.getweakrefs`.
pub fn weakrefs_of(referent: &ObjRef) -> Vec<ObjRef> {
    let addresses = WEAK_STATE.with(|state| {
        state
            .table
            .get(&referent.address())
            .cloned()
            .unwrap_or_default()
    });
    addresses
        .into_iter()
        .filter_map(|address| NonNull::new(address as *mut ObjectHeader))
        // SAFETY: listed weak references are alive (they leave the list
        // when they die).
        .map(|pointer| unsafe { ObjRef::new_from_raw(pointer) })
        .collect()
}

/// How many weak references refer to `referent` (`getweakrefcount`).
pub fn weakref_count(referent: &ObjRef) -> usize {
    WEAK_STATE.with(|state| state.table.get(&referent.address()).map_or(0, Vec::len))
}

/// Puts the weak reference `weakref` (whose payload refers to `referent`)
/// at position `index` of `referent`'s list (clamped to its length).
pub fn insert(referent: &ObjRef, weakref: &ObjRef, index: usize) {
    WEAK_STATE.with(|state| {
        let list = state.table.entry(referent.address()).or_default();
        list.insert(index.min(list.len()), weakref.address());
    });
    if let Some(header) = crate::gc::header_of(referent) {
        header.set_weakly_referenced(true);
    }
}

/// Removes `weakref` from the list of the referent at `referent`.
fn remove_from_list(referent: usize, weakref: usize) {
    WEAK_STATE.with(|state| {
        if let Some(list) = state.table.get_mut(&referent) {
            list.retain(|&w| w != weakref);
            if list.is_empty() {
                state.table.remove(&referent);
            }
        }
    });
}

/// The weak reference payload of `object`, if it is a weak reference or
/// proxy (also of a subclass instance).
pub fn as_weakref(object: &ObjRef) -> Option<&WeakRef> {
    object
        .downcast::<WeakRef>()
        .map(|r| &**r)
        .or_else(|| object.downcast_extended::<WeakRef>().map(|e| &e.payload))
}

/// Takes the list of the referent at `address` out of the table.
fn take_list(address: usize) -> Vec<usize> {
    WEAK_STATE.with(|state| state.table.remove(&address).unwrap_or_default())
}

/// Clears the weak references of a referent whose list was taken: each
/// one forgets its referent; returns those with callbacks, with their
/// callbacks (taken), in list order.
fn clear_list(list: Vec<usize>) -> Vec<(ObjRef, Value)> {
    let mut callbacks = Vec::new();
    for address in list {
        let Some(pointer) = NonNull::new(address as *mut ObjectHeader) else {
            continue;
        };
        // SAFETY: listed weak references are alive.
        let weakref = unsafe { ObjRef::new_from_raw(pointer) };
        let Some(payload) = as_weakref(&weakref) else {
            continue;
        };
        payload.referent.set(None);
        let callback = payload.callback.try_with(Option::take).flatten();
        if let Some(callback) = callback {
            callbacks.push((weakref, callback));
        }
    }
    callbacks
}

/// Called by deallocation for a dead object of a `WEAKREFABLE` class (its
/// finalizer, if any, has run): clears its weak references and queues
/// their callbacks for the next safe point.
///
/// # Safety
/// `object` must be dead and not yet freed, and `class` its class.
#[inline]
pub(crate) unsafe fn on_referent_death(object: NonNull<ObjectHeader>, class: &TypeObject) {
    if class.slots.gc.is_some() {
        // SAFETY: instances of a class with GC hooks have a GC header.
        let header = unsafe { GcHeader::of_object(object) };
        if !header.is_weakly_referenced() {
            // The common case, checked inline: never weakly referenced.
            return;
        }
        header.set_weakly_referenced(false);
    } else if WEAK_STATE.with(|state| state.table.is_empty()) {
        return;
    }
    clear_weak_references_of(object);
}

/// The part of [`on_referent_death`] for an object that may have weak
/// references: takes its list out of the table, clears them and queues
/// their callbacks.
#[inline(never)]
fn clear_weak_references_of(object: NonNull<ObjectHeader>) {
    let list = take_list(object.as_ptr() as usize);
    if list.is_empty() {
        return;
    }
    let callbacks = clear_list(list);
    if callbacks.is_empty() {
        return;
    }
    let dropped = WEAK_STATE.with(|state| {
        if state.callbacks_off {
            return callbacks;
        }
        state.pending.extend(callbacks);
        Vec::new()
    });
    if dropped.is_empty() {
        crate::gc::state().due.set(true);
    }
}

/// Stops calling weak reference callbacks when referents die by reference
/// counting: interpreter shutdown releases `__main__`'s namespace, which
/// CPython frees as cyclic garbage together with the weak references it
/// holds, whose callbacks therefore never run.
pub fn stop_callbacks() {
    WEAK_STATE.with(|state| state.callbacks_off = true);
}

/// Called by deallocation for a dying weak reference that must wait in the
/// deallocation queue: it leaves its referent's list now, so that nothing
/// can find it while its count field is in use as the queue's link.
///
/// # Safety
/// `object` must be dead and not yet freed.
pub(crate) unsafe fn on_queued_for_deallocation(object: NonNull<ObjectHeader>) {
    // SAFETY: the class and payload of a dead object are intact until its
    // `dealloc` runs; nothing here touches the count.
    let borrowed = unsafe { ObjRef::borrowed(object) };
    if let Some(payload) = as_weakref(&borrowed) {
        payload.detach();
    }
}

/// Whether callbacks wait for the next safe point.
pub fn has_pending_callbacks() -> bool {
    WEAK_STATE.with(|state| !state.pending.is_empty())
}

/// Takes the callbacks waiting for the next safe point, in order.
pub(crate) fn take_pending_callbacks() -> Vec<(ObjRef, Value)> {
    WEAK_STATE.with(|state| std::mem::take(&mut *state.pending))
}

/// The collector's `handle_weakrefs`: clears every weak reference to an
/// object of `garbage` (an ordinary list) and returns the callbacks to call
/// (those of weak references that are not garbage themselves), in order.
/// Weak references that are garbage are detached from their referents
/// first, so no callback of theirs can ever run.
pub(crate) fn clear_for_garbage(garbage: &GcHeader) -> Vec<(ObjRef, Value)> {
    if WEAK_STATE.with(|state| state.table.is_empty()) {
        return Vec::new();
    }
    garbage.for_each(|node| {
        // SAFETY: list members are live objects.
        let object = unsafe { ObjRef::borrowed(node.object()) };
        if let Some(payload) = as_weakref(&object) {
            payload.detach();
        }
    });
    let mut callbacks = Vec::new();
    garbage.for_each(|node| {
        if node.is_weakly_referenced() {
            node.set_weakly_referenced(false);
            callbacks.extend(clear_list(take_list(node.object().as_ptr() as usize)));
        }
    });
    callbacks
}

/// The `__weakref__` attribute: the first weak reference to `object`, or
/// `None`.
pub fn first_weakref(object: &ObjRef) -> Option<ObjRef> {
    weakrefs_of(object).into_iter().next()
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::Vm;
    use crate::builtins::set::Set;

    /// A VM, the class of weak references, and a fresh set (weakly
    /// referenceable).
    fn setup() -> (Vm, crate::TypeRef, ObjRef) {
        let mut vm = Vm::new().expect("vm");
        let class = vm
            .new_builtin_type::<WeakRef>("weakref", "ReferenceType", None, 0, &[])
            .expect("class");
        let set = vm
            .alloc(&vm.types.set.clone(), Set::default())
            .expect("set")
            .into_obj();
        (vm, class, set)
    }

    fn make(vm: &mut Vm, class: &crate::TypeRef, referent: &ObjRef, at: usize) -> ObjRef {
        let weakref = vm
            .alloc(class, WeakRef::new(referent, None))
            .expect("weakref")
            .into_obj();
        insert(referent, &weakref, at);
        weakref
    }

    #[test]
    fn death_clears_every_reference_and_the_table() {
        let (mut vm, class, set) = setup();
        let first = make(&mut vm, &class, &set, 0);
        let second = make(&mut vm, &class, &set, 0);
        assert_eq!(weakref_count(&set), 2);
        assert!(weakrefs_of(&set)[0].is(&second));
        assert!(crate::gc::header_of(&set).is_some_and(GcHeader::is_weakly_referenced));
        let before = set.refcount();
        let alive = as_weakref(&first)
            .and_then(WeakRef::referent)
            .expect("alive");
        assert_eq!(set.refcount(), before + 1, "upgrading counts");
        drop(alive);
        let address = set.address();
        drop(set);
        for weakref in [&first, &second] {
            assert!(as_weakref(weakref).is_some_and(|w| !w.is_alive()));
        }
        assert!(WEAK_STATE.with(|state| !state.table.contains_key(&address)));
    }

    #[test]
    fn a_reference_that_dies_first_leaves_the_list() {
        let (mut vm, class, set) = setup();
        let kept = make(&mut vm, &class, &set, 0);
        let dropped = make(&mut vm, &class, &set, 1);
        drop(dropped);
        assert_eq!(weakref_count(&set), 1);
        assert!(weakrefs_of(&set)[0].is(&kept));
        drop(kept);
        assert_eq!(weakref_count(&set), 0);
    }
}
