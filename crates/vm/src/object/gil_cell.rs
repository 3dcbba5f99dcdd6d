//! [`GilCell`]: interpreter-global state guarded by the global interpreter lock.
//!
//! krait touches objects only with the GIL held (DESIGN.md decision 6), so
//! state such as the heap's counters and the deallocation queue needs no
//! atomics or locks. Until Python threads exist there is no GIL to hold, and
//! several interpreters may run on different OS threads of one process (the
//! test harness does exactly that). Objects are `!Send`, so each interpreter's
//! objects stay on its thread; the state therefore lives in a thread-local
//! slot, and each thread sees its own copy. When the GIL arrives, the slot
//! becomes one process-wide value and `with` keeps its signature.

use std::cell::UnsafeCell;
use std::thread::LocalKey;

/// Interpreter-global state reached through a thread-local slot; see the
/// file comment for why it is per thread today.
pub struct GilCell<T: 'static> {
    slot: &'static LocalKey<UnsafeCell<T>>,
}

impl<T: 'static> GilCell<T> {
    /// A cell over `slot`, a `thread_local!` holding the state.
    pub const fn new(slot: &'static LocalKey<UnsafeCell<T>>) -> Self {
        Self { slot }
    }

    /// Runs `f` with exclusive access to the value. `f` must not re-enter
    /// `with` on the same cell (it cannot call arbitrary Python code).
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.slot.with(|cell| {
            // SAFETY: the slot belongs to this thread, and `f` does not
            // re-enter this cell (documented contract), so this is the only
            // live reference.
            f(unsafe { &mut *cell.get() })
        })
    }
}
