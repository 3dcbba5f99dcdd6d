//! Inline caches of the eval loop (DESIGN.md: quickening with inline caches).
//!
//! CPython keeps an instruction's cache in the `CACHE` code units that follow
//! it. krait's caches need whole values (a reference and versions), which do
//! not fit in 16-bit units, so each cached instruction's first `CACHE` unit
//! holds the index of its entry in a side table owned by the code object;
//! the entries live there. `co_code` is not affected: it is produced from the
//! compiler's code object, not from the adaptive copy.
//!
//! - `LOAD_GLOBAL` ([`GlobalCache`]), keyed by the versions of the globals
//!   and builtins dicts (dict versions are unique across all dicts, see
//!   `DictTable::version`, so a matching version also proves the same dict).
//! - `LOAD_ATTR` and `STORE_ATTR` ([`AttrCache`]), keyed by the version tag
//!   of the owner's type (`TypeObject::version_tag`: it changes whenever the
//!   type's or a base's dict or MRO changes, and tags are never reused), and
//!   for instance attributes by the identity of the shared keys and a slot.
//! - `CALL` (`runtime::call_site::CallCache`), keyed by the address of
//!   the static declaration of the builtin the site calls.
//! - `LOAD_SPECIAL` ([`special_lookup`]), which has no cache units: one
//!   small table for all sites, keyed by version tag and method.

use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;

use krait_compiler::bytecode::encoding::CodeUnit;
use krait_compiler::bytecode::opcode::Opcode;

use crate::builtins::dict::Dict;
use crate::builtins::instance::SharedKeys;
use crate::value::Value;

/// No cache entry: the instruction runs uncached.
const NO_ENTRY: u16 = u16::MAX;

/// The cache of one `LOAD_GLOBAL` site.
#[derive(Default)]
pub struct GlobalCache {
    /// Version of the globals dict when `value` was found; 0 when empty.
    globals_version: Cell<u64>,
    /// Version of the builtins dict at the same time.
    builtins_version: Cell<u64>,
    /// The value found: uncounted, since while both dicts keep their
    /// versions the dict it came from still holds it (every change of a
    /// dict gives it a new version, and versions are never reused). A
    /// counted reference here would keep a deleted global alive (its
    /// `__del__` and weak-reference callbacks would come late).
    value: UnsafeCell<ManuallyDrop<Option<Value>>>,
}

impl GlobalCache {
    /// The cached value, if both dicts are unchanged since it was stored.
    #[inline(always)]
    pub fn get(&self, globals: &Dict, builtins: &Dict) -> Option<Value> {
        let version = self.globals_version.get();
        if version == 0
            || globals.table.with(|t| t.version()) != version
            || builtins.table.with(|t| t.version()) != self.builtins_version.get()
        {
            return None;
        }
        // SAFETY: single-threaded; the versions match, so a dict still
        // holds the value (see the field) and counting one more reference
        // to it is sound; cloning runs no Python code.
        unsafe { (*self.value.get()).as_ref().cloned() }
    }

    /// The versions of the two dicts now: take them before a lookup whose
    /// result is then [`store`](Self::store)d (a lookup can run `__eq__`
    /// of a key, which could change a dict; the cache then never matches).
    pub fn versions(globals: &Dict, builtins: &Dict) -> (u64, u64) {
        (
            globals.table.with(|t| t.version()),
            builtins.table.with(|t| t.version()),
        )
    }

    /// Remembers `value`, found in the dicts when they had `versions`.
    pub fn store(&self, versions: (u64, u64), value: Value) {
        self.globals_version.set(versions.0);
        self.builtins_version.set(versions.1);
        // SAFETY: single-threaded, no reference into the cell is live. The
        // old value is uncounted (never dropped); `value`'s own count is
        // given back by dropping it, the cache keeping an uncounted copy.
        unsafe {
            let copy = std::ptr::read(&value);
            *self.value.get() = ManuallyDrop::new(Some(copy));
        }
        drop(value);
    }
}

/// What an attribute site found for the owner's type tagged
/// [`AttrCache::version`].
#[derive(Clone, Copy, Default)]
pub enum AttrKind {
    /// Nothing cached.
    #[default]
    Empty,
    /// An instance attribute stored at `index` of the shared keys `keys`;
    /// the type has no attribute of that name (so no descriptor).
    /// The keys are the class's own (kept alive by the class, which an
    /// owner with the entry's version tag is an instance of), so an equal
    /// address proves the same keys.
    InstanceSlot {
        /// The class's keys, by address (compared, never dereferenced).
        keys: *const SharedKeys,
        /// The slot.
        index: u32,
        /// Where the instance's attributes are in its object
        /// (`object::instance_dict_offset` of the class).
        dict_offset: u32,
    },
    /// A method load (`LOAD_ATTR` with the method bit) that found a plain
    /// function or method descriptor on the type ([`AttrEntry::value`]),
    /// not shadowed by the instance: push it and the owner.
    Method(Unshadowed),
    /// A class attribute of an immutable builtin type without `__get__`
    /// ([`AttrEntry::value`]), not shadowed by the instance.
    ClassValue(Unshadowed),
    /// A module's global ([`AttrEntry::value`]): found in the module's dict
    /// when it had version `dict_version`. Dict versions are unique across
    /// all dicts and states, so a match proves the same module's dict,
    /// unchanged, still holds the value.
    ModuleValue {
        /// The module dict's version at the lookup.
        dict_version: u64,
    },
    /// A `__slots__` member (a member descriptor on the type that applies to
    /// it): the value is slot `index` of the instance.
    SlotMember {
        /// The member's index.
        index: usize,
    },
    /// An exact `property` on the type ([`AttrEntry::value`]): a data
    /// descriptor, so it wins over the instance's attributes; the load
    /// calls its getter (CPython's `LOAD_ATTR_PROPERTY`): a Python
    /// function's frame is pushed into the eval loop
    /// (`attr_access::push_property_frame`), anything else is called.
    Property,
    /// A store to an instance attribute the type has no attribute (so no
    /// data descriptor) for; `index` is where the last store went in `keys`.
    /// As for [`AttrKind::InstanceSlot`], the keys are the class's own.
    Store {
        /// The class's keys, by address (compared, never dereferenced).
        keys: *const SharedKeys,
        /// The slot.
        index: u32,
        /// Where the instance's attributes are in its object
        /// (`object::instance_dict_offset` of the class).
        dict_offset: u32,
    },
}

/// How many owner types one attribute site remembers (a polymorphic
/// inline cache: a method of a base class sees instances of its subclasses).
const ATTR_WAYS: usize = 4;

/// A quick proof that an instance does not shadow a class attribute: the
/// name was not among the type's shared keys when they numbered `len`
/// (keys are append-only, so while an instance uses those keys and they
/// still number `len`, it has no such attribute).
#[derive(Clone, Copy)]
pub struct Unshadowed {
    /// The type's keys, by address (compared, never dereferenced).
    pub keys: *const SharedKeys,
    /// How many names they had.
    pub len: usize,
}

/// The cache of one `LOAD_ATTR` or `STORE_ATTR` site: one entry per owner
/// type seen, up to [`ATTR_WAYS`], replaced round-robin. Most sites see one
/// type, so the other entries are allocated when a second type shows up.
#[derive(Default)]
pub struct AttrCache {
    /// The first type's entry.
    first: AttrEntry,
    /// The entries for further types, once a site has seen two.
    more: std::cell::OnceCell<Box<[AttrEntry; ATTR_WAYS - 1]>>,
    /// The entry the next new type replaces once all are taken (0 = `first`).
    next: Cell<u8>,
}

/// What an attribute site found for one owner type.
#[derive(Default)]
pub struct AttrEntry {
    /// The version tag of the owner's type when the entry was made; 0 when
    /// empty.
    version: Cell<u32>,
    /// What was found.
    kind: Cell<AttrKind>,
    /// The value for [`AttrKind::Method`], [`AttrKind::ClassValue`],
    /// [`AttrKind::ModuleValue`] and [`AttrKind::Property`]:
    /// uncounted, since the type's dict holds it as long as the type keeps
    /// the tag (the same argument as `types::attribute_cache`).
    value: UnsafeCell<ManuallyDrop<Option<Value>>>,
}

impl AttrEntry {
    /// What was found.
    #[inline(always)]
    pub fn kind(&self) -> AttrKind {
        self.kind.get()
    }

    /// The cached value (a counted reference), for the kinds that have one.
    #[inline(always)]
    pub fn value(&self) -> Option<Value> {
        // SAFETY: single-threaded; the clone only counts a reference and
        // runs no Python code, so nothing else touches the cell meanwhile.
        unsafe { (*self.value.get()).as_ref().cloned() }
    }
}

impl AttrEntry {
    /// Runs `f` on the cached value, borrowed (no count taken), for the
    /// kinds that have one. `f` must run no Python code (which could
    /// replace the entry or free the value): it only reads.
    #[inline(always)]
    pub fn with_value<R>(&self, f: impl FnOnce(&Value) -> R) -> Option<R> {
        // SAFETY: single-threaded; the value is alive while the entry keeps
        // its version (see the field), and `f` runs no Python code, so
        // nothing writes the cell or frees the value meanwhile.
        unsafe { (*self.value.get()).as_ref().map(f) }
    }
}

impl AttrCache {
    /// The entry made for a type now tagged `version`, if any.
    #[inline(always)]
    pub fn lookup(&self, version: u32) -> Option<&AttrEntry> {
        if version == 0 {
            return None;
        }
        if self.first.version.get() == version {
            return Some(&self.first);
        }
        self.more.get()?.iter().find(|e| e.version.get() == version)
    }

    /// The entry a new type takes: an empty one, else round-robin over all.
    fn victim(&self) -> Option<&AttrEntry> {
        if self.first.version.get() == 0 {
            return Some(&self.first);
        }
        let more = self.more.get_or_init(Box::default);
        if let Some(empty) = more.iter().find(|e| e.version.get() == 0) {
            return Some(empty);
        }
        let at = usize::from(self.next.get()) % ATTR_WAYS;
        self.next.set(((at + 1) % ATTR_WAYS) as u8);
        match at.checked_sub(1) {
            None => Some(&self.first),
            Some(i) => more.get(i),
        }
    }

    /// Remembers `kind` (with `value` for the kinds that have one) for the
    /// type tagged `version`; 0 leaves the site uncached.
    pub fn store(&self, version: u32, kind: AttrKind, value: Option<&Value>) {
        if version == 0 {
            return;
        }
        let Some(entry) = self.lookup(version).or_else(|| self.victim()) else {
            return;
        };
        // SAFETY: as in `value`; the old copy was never counted, so it is
        // overwritten, not dropped. The new copy is a bitwise duplicate that
        // holds no count (see the field's comment).
        unsafe {
            *entry.value.get() = ManuallyDrop::new(value.map(|v| std::ptr::read(v)));
        }
        entry.version.set(version);
        entry.kind.set(kind);
    }
}

/// One remembered `LOAD_SPECIAL` lookup.
struct SpecialEntry {
    /// The type's version tag; 0 when empty.
    version: Cell<u32>,
    /// Which method (`LOAD_SPECIAL`'s oparg).
    which: Cell<u32>,
    /// The answer, uncounted: the type's dict (or a base's) holds it as
    /// long as the type keeps the tag (as in `types::attribute_cache`).
    value: UnsafeCell<ManuallyDrop<Option<Value>>>,
}

/// How many `LOAD_SPECIAL` answers are remembered.
const SPECIAL_ENTRIES: usize = 64;

thread_local! {
    /// The `LOAD_SPECIAL` answers, indexed by version tag and method.
    static SPECIAL: [SpecialEntry; SPECIAL_ENTRIES] =
        const {
            [const {
                SpecialEntry {
                    version: Cell::new(0),
                    which: Cell::new(0),
                    value: UnsafeCell::new(ManuallyDrop::new(None)),
                }
            }; SPECIAL_ENTRIES]
        };
}

/// `class.lookup(name)` for `LOAD_SPECIAL` with oparg `which` (`name` is
/// its method's name), answered from a small table while the type keeps
/// its version tag (the general attribute cache hashes the name each
/// time, which cost more than the rest of the instruction).
#[inline]
pub fn special_lookup(class: &crate::types::TypeObject, which: u32, name: &str) -> Option<Value> {
    let version = class.version_tag();
    if version == 0 {
        return class.lookup(name);
    }
    let slot = (version as usize)
        .wrapping_mul(4)
        .wrapping_add(which as usize)
        % SPECIAL_ENTRIES;
    let hit = SPECIAL.with(|entries| {
        let entry = entries.get(slot)?;
        if entry.version.get() != version || entry.which.get() != which {
            return None;
        }
        // SAFETY: single-threaded; the tag matches, so a dict still holds
        // the value and counting one more reference is sound.
        Some(unsafe { (*entry.value.get()).as_ref().cloned() })
    });
    if let Some(answer) = hit {
        return answer;
    }
    let found = class.lookup(name);
    // The lookup runs no Python code, so the tag still describes `found`.
    SPECIAL.with(|entries| {
        if let Some(entry) = entries.get(slot) {
            // SAFETY: as above; the old copy was never counted, so it is
            // overwritten, not dropped, and the new one holds no count.
            unsafe {
                *entry.value.get() = ManuallyDrop::new(found.as_ref().map(|v| std::ptr::read(v)));
            }
            entry.version.set(version);
            entry.which.set(which);
        }
    });
    found
}

/// Numbers the `LOAD_GLOBAL` sites of `units`, writing each one's entry
/// index into its first `CACHE` unit; returns the number of entries needed.
/// Sites past the 65,535th stay uncached.
pub fn assign_global_caches(units: &mut [CodeUnit]) -> usize {
    assign_caches(units, &[Opcode::LOAD_GLOBAL])
}

/// Numbers the `LOAD_ATTR` and `STORE_ATTR` sites of `units` (one table for
/// both), as [`assign_global_caches`] does.
pub fn assign_attr_caches(units: &mut [CodeUnit]) -> usize {
    assign_caches(units, &[Opcode::LOAD_ATTR, Opcode::STORE_ATTR])
}

/// Numbers the `CALL` sites of `units` (their caches are
/// `runtime::call_site::CallCache`s), as [`assign_global_caches`] does.
pub fn assign_call_caches(units: &mut [CodeUnit]) -> usize {
    assign_caches(units, &[Opcode::CALL])
}

/// Numbers the sites of `opcodes` in `units`, writing each one's entry
/// index into its first `CACHE` unit; returns the number of entries needed.
fn assign_caches(units: &mut [CodeUnit], opcodes: &[Opcode]) -> usize {
    let mut count: u16 = 0;
    let mut at = 0;
    while at < units.len() {
        let Some((opcode, caches)) = Opcode::decode(units[at].opcode) else {
            at += 1;
            continue;
        };
        if opcodes.contains(&opcode)
            && caches > 0
            && let Some(unit) = units.get_mut(at + 1)
        {
            // `count` saturates at NO_ENTRY: later sites stay uncached.
            let [low, high] = count.to_le_bytes();
            *unit = CodeUnit {
                opcode: low,
                arg: high,
            };
            count = count.saturating_add(1);
        }
        at += 1 + caches as usize;
    }
    usize::from(count)
}

/// The cache entry index stored in the `CACHE` unit after an instruction.
/// (The eval loop's fast tier reads the copy the decoded stream keeps:
/// `instruction_stream::cache_index`.)
#[inline(always)]
pub fn entry_index(units: &[Cell<CodeUnit>], instruction: usize) -> Option<usize> {
    let unit = units.get(instruction + 1)?.get();
    index_in(unit)
}

/// [`entry_index`] on the plain units the code object is built from.
pub fn entry_index_of_units(units: &[CodeUnit], instruction: usize) -> Option<usize> {
    index_in(*units.get(instruction + 1)?)
}

/// The entry index a `CACHE` unit holds, if any.
#[inline(always)]
fn index_in(unit: CodeUnit) -> Option<usize> {
    let index = u16::from_le_bytes([unit.opcode, unit.arg]);
    (index != NO_ENTRY).then_some(usize::from(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_global_sites_are_numbered_in_their_first_cache_unit() {
        let load_global = Opcode::LOAD_GLOBAL.number();
        let caches = Opcode::LOAD_GLOBAL.cache_entries();
        let mut units = Vec::new();
        for _ in 0..2 {
            units.push(CodeUnit {
                opcode: load_global,
                arg: 0,
            });
            units.extend((0..caches).map(|_| CodeUnit { opcode: 0, arg: 0 }));
        }
        assert_eq!(assign_global_caches(&mut units), 2);
        let cells: Vec<_> = units.into_iter().map(Cell::new).collect();
        assert_eq!(entry_index(&cells, 0), Some(0));
        assert_eq!(entry_index(&cells, 1 + caches), Some(1));
    }
}
