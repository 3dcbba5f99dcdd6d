//! A value found on a type, remembered while the type keeps the version tag
//! it was found under (one entry of CPython's type caches, for lookups a
//! hot path makes on every call, such as the `__init__` of a class being
//! instantiated).
//!
//! The value is held uncounted: while the tag matches, the type's dict (or
//! a base's) still holds it, because every change to a type's dict or MRO
//! clears its tag and tags are never reused (see
//! [`TypeObject::bump_version`](super::TypeObject::bump_version)). So the
//! cache never keeps a value alive past its removal from the class.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;

use crate::value::Value;

/// One remembered lookup on a type (see the file comment).
#[derive(Default)]
pub struct VersionedValue {
    /// The tag the value was found under; 0 when empty.
    version: Cell<u32>,
    /// The value, uncounted.
    value: UnsafeCell<ManuallyDrop<Option<Value>>>,
}

impl VersionedValue {
    /// The remembered value (counted), if it was found under `version`.
    #[inline(always)]
    pub fn get(&self, version: u32) -> Option<Value> {
        if version == 0 || self.version.get() != version {
            return None;
        }
        // SAFETY: single-threaded; the tag matches, so the type still holds
        // the value (file comment) and counting one more reference is sound.
        unsafe { (*self.value.get()).as_ref().cloned() }
    }

    /// Remembers `value`, found on the type when it was tagged `version`.
    pub fn store(&self, version: u32, value: &Value) {
        self.version.set(version);
        // SAFETY: single-threaded and no reference into the cell is live;
        // the old copy is uncounted (never dropped) and so is the new one.
        unsafe {
            *self.value.get() = ManuallyDrop::new(Some(std::ptr::read(value)));
        }
    }
}

/// A few values found on a type under names known at compile time (the
/// dunders that slot functions such as `a + b` on a user class look up on
/// every call), each remembered as a [`VersionedValue`] with its name.
/// Names are told apart by their text's address and length: a name's
/// entry is found in one probe, with no hashing or text compare.
#[derive(Default)]
pub struct StaticNameValues {
    entries: [StaticNameEntry; STATIC_NAME_ENTRIES],
}

/// Entries in a [`StaticNameValues`].
const STATIC_NAME_ENTRIES: usize = 4;

/// One entry of a [`StaticNameValues`].
#[derive(Default)]
struct StaticNameEntry {
    /// The name's text address (0 when empty) and length.
    name: Cell<(usize, usize)>,
    value: VersionedValue,
}

impl StaticNameValues {
    /// The entry `name` would live in.
    #[inline(always)]
    fn entry(&self, name: &'static str) -> &StaticNameEntry {
        let address = name.as_ptr() as usize;
        &self.entries[(address ^ (address >> 4)) % STATIC_NAME_ENTRIES]
    }

    /// The value remembered for `name` (counted), if it was found under
    /// `version`.
    #[inline(always)]
    pub fn get(&self, version: u32, name: &'static str) -> Option<Value> {
        let entry = self.entry(name);
        // A `'static` text is never freed, so its address and length name
        // it for the life of the program.
        if entry.name.get() != (name.as_ptr() as usize, name.len()) {
            return None;
        }
        entry.value.get(version)
    }

    /// Remembers `value` as `name`'s, found on the type when it was tagged
    /// `version` (non-zero).
    pub fn store(&self, version: u32, name: &'static str, value: &Value) {
        let entry = self.entry(name);
        entry.name.set((name.as_ptr() as usize, name.len()));
        entry.value.store(version, value);
    }
}
