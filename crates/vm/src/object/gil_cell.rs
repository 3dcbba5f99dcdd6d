//! [`GilCell`]: interpreter-global state guarded by the global interpreter lock.
//!
//! krait touches objects only with the GIL held (DESIGN.md decision 6), so
//! state such as the heap's counters and the deallocation queue needs no
//! atomics or locks: holding the GIL is the lock. Until threads exist the
//! interpreter is single-threaded and the invariant holds trivially.

use std::cell::UnsafeCell;

/// A value shared by every thread of the interpreter, accessed only with the GIL held.
pub struct GilCell<T> {
    value: UnsafeCell<T>,
}

// SAFETY: every access goes through `with`, which callers may only use while
// holding the GIL, so accesses from different threads never overlap.
unsafe impl<T: Send> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    /// A cell holding `value`.
    pub const fn new(value: T) -> Self {
        Self {
            value: UnsafeCell::new(value),
        }
    }

    /// Runs `f` with exclusive access to the value. `f` must not re-enter
    /// `with` on the same cell (it cannot call arbitrary Python code).
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // SAFETY: the GIL serialises threads; `f` does not re-enter this cell
        // (documented contract), so this is the only live reference.
        f(unsafe { &mut *self.value.get() })
    }
}
