//! The type attribute cache (CPython's `_PyType_Lookup` method cache): the
//! answers of [`TypeObject::lookup_str`](super::TypeObject::lookup_str),
//! misses included, keyed by (version tag, name).
//!
//! An entry is valid while its type keeps the version tag it was stored
//! under: every change to a type's dict or MRO, or to any base's, clears
//! the tags of the type and all its subclasses
//! ([`TypeObject::bump_version`](super::TypeObject::bump_version)), and tags
//! are never reused. So a matching tag proves that the type's dict (or a
//! base's) still holds the cached value, and the entry need not own it: it
//! keeps an uncounted copy, counted again when handed out.

use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;

use crate::object::GilCell;
use crate::value::Value;

/// log2 of the number of entries.
const BITS: u32 = 12;

/// One remembered lookup.
struct Entry {
    /// The type's version tag; 0 marks an empty entry.
    version: u32,
    /// The name's [`name_hash`].
    hash: u64,
    /// The name's text.
    name: Box<[u8]>,
    /// The answer, uncounted (see the file comment).
    value: ManuallyDrop<Option<Value>>,
}

thread_local! {
    /// Storage behind [`CACHE`].
    static CACHE_SLOT: UnsafeCell<Vec<Entry>> = const { UnsafeCell::new(Vec::new()) };
}
/// The entries, indexed by a mix of version tag and name hash.
static CACHE: GilCell<Vec<Entry>> = GilCell::new(&CACHE_SLOT);

/// A quick hash of a name's text (names are short; `str`'s SipHash would
/// cost more than the lookup it saves when the name is not a cached `str`):
/// the length and the first and last eight bytes (four, or three single
/// bytes, for shorter names), read as whole words without a copy loop.
/// Names that agree there collide in the table; the entry's full name
/// compare keeps hits exact.
#[inline(always)]
fn name_hash(name: &[u8]) -> u64 {
    let len = name.len() as u64;
    let (head, tail) = match (name.first_chunk::<8>(), name.last_chunk::<8>()) {
        (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        _ => match (name.first_chunk::<4>(), name.last_chunk::<4>()) {
            (Some(head), Some(tail)) => (
                u64::from(u32::from_le_bytes(*head)),
                u64::from(u32::from_le_bytes(*tail)),
            ),
            _ => {
                let byte = |i: usize| name.get(i).map_or(0, |&b| u64::from(b));
                (byte(0) | byte(1) << 8 | byte(2) << 16, 0)
            }
        },
    };
    (head ^ tail.rotate_left(29) ^ len.rotate_left(56)).wrapping_mul(0x517C_C1B7_2722_0A95)
}

/// Where (version, hash) lives in the table.
#[inline(always)]
fn slot_of(version: u32, hash: u64) -> usize {
    let mixed = (version as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ hash;
    (mixed >> (64 - BITS)) as usize ^ (mixed as usize & ((1 << BITS) - 1))
}

/// The remembered answer for `name` on the type tagged `version`: `None`
/// when nothing is remembered, `Some(None)` for a remembered miss.
#[inline]
pub fn get(version: u32, name: &[u8]) -> Option<Option<Value>> {
    let hash = name_hash(name);
    CACHE.with(|entries| {
        let entry = entries.get(slot_of(version, hash))?;
        if entry.version != version || entry.hash != hash || *entry.name != *name {
            return None;
        }
        Some((*entry.value).clone())
    })
}

/// Remembers `value` as the answer for `name` on the type tagged `version`
/// (non-zero).
pub fn store(version: u32, name: &[u8], value: Option<&Value>) {
    let hash = name_hash(name);
    CACHE.with(|entries| {
        if entries.is_empty() {
            entries.resize_with(1 << BITS, || Entry {
                version: 0,
                hash: 0,
                name: Box::default(),
                value: ManuallyDrop::new(None),
            });
        }
        let Some(entry) = entries.get_mut(slot_of(version, hash)) else {
            return;
        };
        entry.version = version;
        entry.hash = hash;
        if *entry.name != *name {
            entry.name = name.into();
        }
        // The old value is forgotten, not released: it was never counted.
        // SAFETY: a bitwise copy that holds no count of its own; it is only
        // cloned (counted) while the tag proves the type's dict still holds it.
        entry.value = ManuallyDrop::new(value.map(|v| unsafe { std::ptr::read(v) }));
    })
}
