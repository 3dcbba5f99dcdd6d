//! Which builtin exception classes of interest a class derives from — the
//! family whose fields and constructor its instances get (`OSError`,
//! `StopIteration`, `SyntaxError`, ...) and the few subclasses the
//! constructors tell apart — as a bit mask, computed from the MRO once per
//! class and cached by the class's version tag.
//!
//! Creating an exception asks this several times (`__new__`, `__init__`,
//! the family fields); a walk of the MRO per question per family was a
//! measurable part of raising. Version tags are never reused and are
//! cleared whenever a class's MRO changes (`__bases__` assignment), so a
//! cached answer can never describe another class or an old MRO.

use std::cell::UnsafeCell;

use crate::builtins::exceptions::ExcKind;
use crate::object::GilCell;
use crate::runtime::Vm;
use crate::types::TypeRef;

/// The classes a mask records, by bit. The first [`FAMILY_COUNT`] are the
/// families' roots, in the order that decides a class's family when it
/// derives from several.
const TRACKED: [ExcKind; 13] = [
    ExcKind::BaseExceptionGroup,
    ExcKind::StopIteration,
    ExcKind::StopAsyncIteration,
    ExcKind::SystemExit,
    ExcKind::ImportError,
    ExcKind::AttributeError,
    ExcKind::NameError,
    ExcKind::OSError,
    ExcKind::SyntaxError,
    ExcKind::UnicodeError,
    ExcKind::UnicodeEncodeError,
    ExcKind::UnicodeDecodeError,
    ExcKind::UnicodeTranslateError,
];

/// How many of [`TRACKED`] are family roots.
const FAMILY_COUNT: usize = 10;

/// The tracked classes a class derives from (bit `i`: [`TRACKED`]`[i]`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ExcKinds(u16);

impl ExcKinds {
    /// The family whose fields the class's instances have, if any.
    pub fn family(self) -> Option<ExcKind> {
        let families = self.0 & ((1 << FAMILY_COUNT) - 1);
        if families == 0 {
            return None;
        }
        TRACKED.get(families.trailing_zeros() as usize).copied()
    }

    /// Whether the class derives from `kind`, which must be one of the
    /// tracked classes (any other answers `false`).
    pub fn contains(self, kind: ExcKind) -> bool {
        TRACKED
            .iter()
            .position(|k| *k == kind)
            .is_some_and(|i| self.0 & (1 << i) != 0)
    }
}

/// Cache entries (a power of two): direct-mapped by version tag.
const CACHE_SIZE: usize = 64;

/// The cache: `(version tag, mask)` per entry; tag 0 is never stored.
type Cache = [(u32, u16); CACHE_SIZE];

thread_local! {
    /// Storage behind [`CACHE`].
    static CACHE_SLOT: UnsafeCell<Cache> = const { UnsafeCell::new([(0, 0); CACHE_SIZE]) };
}

/// Masks of recently asked classes, by version tag.
static CACHE: GilCell<Cache> = GilCell::new(&CACHE_SLOT);

/// The tracked exception classes `class` derives from.
pub fn exc_kinds(vm: &Vm, class: &TypeRef) -> ExcKinds {
    let tag = class.version_tag();
    let index = tag as usize % CACHE_SIZE;
    if tag != 0
        && let Some(mask) = CACHE.with(|c| c.get(index).and_then(|e| (e.0 == tag).then_some(e.1)))
    {
        return ExcKinds(mask);
    }
    let mask = compute(vm, class);
    if tag != 0 {
        CACHE.with(|c| {
            if let Some(entry) = c.get_mut(index) {
                *entry = (tag, mask);
            }
        });
    }
    ExcKinds(mask)
}

/// The family whose fields `class`'s instances have, if any.
pub fn family_of(vm: &Vm, class: &TypeRef) -> Option<ExcKind> {
    exc_kinds(vm, class).family()
}

/// One walk over `class`'s MRO.
fn compute(vm: &Vm, class: &TypeRef) -> u16 {
    let tracked = TRACKED.map(|k| vm.exc_type(k).as_obj().address());
    class.mro.with(|mro| {
        let mut mask = 0u16;
        for c in mro.iter() {
            let address = c.as_obj().address();
            if let Some(i) = tracked.iter().position(|a| *a == address) {
                mask |= 1 << i;
            }
        }
        mask
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_family_bit_wins() {
        let both = ExcKinds((1 << 7) | (1 << 4));
        assert_eq!(both.family(), Some(ExcKind::ImportError));
        assert!(both.contains(ExcKind::OSError));
        assert!(!both.contains(ExcKind::SyntaxError));
        assert!(!both.contains(ExcKind::ValueError));
    }

    #[test]
    fn unicode_subclasses_are_not_families() {
        let encode = ExcKinds((1 << 9) | (1 << 10));
        assert_eq!(encode.family(), Some(ExcKind::UnicodeError));
        assert!(encode.contains(ExcKind::UnicodeEncodeError));
        assert_eq!(ExcKinds(1 << 10).family(), None);
    }
}
