//! [`PyCell`]: interior mutability for object payloads without `RefCell`.
//!
//! Objects are shared through counted references, so mutable state (a
//! list's items, a dict's table) lives in a `PyCell`. Access is by closure
//! ([`PyCell::with`]); the closure must not run Python code or otherwise
//! reach the same cell again — code that calls back into Python (a
//! comparison during `list.sort`, a `__hash__` during dict insertion) copies
//! out what it needs first, as CPython's C code does. A flag checks that
//! contract on every access and stops with a clear internal error if broken,
//! instead of allowing two live `&mut` to one value.
//!
//! Two things run at moments the surrounding code does not choose — the
//! cycle collector and `__del__` finalizers — and neither can hit that
//! check: the collector only reads and clears cells through
//! [`PyCell::try_with`], which reports a cell in use as `None` (the
//! collection then treats the object conservatively), and both run only at
//! safe points (between bytecode instructions, or in `gc.collect()`), where
//! no cell is borrowed; deallocation never runs Python code (a dying object
//! with `__del__` is queued for the next safe point instead, see `crate::gc`).

use std::cell::{Cell, UnsafeCell};

/// A payload field that is mutated through shared references.
pub struct PyCell<T> {
    value: UnsafeCell<T>,
    in_use: Cell<bool>,
}

impl<T> PyCell<T> {
    /// A cell holding `value`.
    pub const fn new(value: T) -> Self {
        Self {
            value: UnsafeCell::new(value),
            in_use: Cell::new(false),
        }
    }

    /// Runs `f` with exclusive access to the value. `f` must not re-enter
    /// this cell; doing so is a bug in krait, reported by a panic naming it.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        assert!(
            !self.in_use.replace(true),
            "krait internal error: re-entrant access to an object's state"
        );
        // Clears the flag even if `f` unwinds.
        struct Release<'a>(&'a Cell<bool>);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                self.0.set(false);
            }
        }
        let _release = Release(&self.in_use);
        // SAFETY: the flag proves no other access to the value is live.
        f(unsafe { &mut *self.value.get() })
    }

    /// Runs `f` with exclusive access to the value, or returns `None` without
    /// running it when the cell is already in use (for code that may run at
    /// any moment, like the cycle collector, and must never panic).
    #[inline(always)]
    pub fn try_with<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        if self.in_use.replace(true) {
            return None;
        }
        // Clears the flag even if `f` unwinds.
        struct Release<'a>(&'a Cell<bool>);
        impl Drop for Release<'_> {
            fn drop(&mut self) {
                self.0.set(false);
            }
        }
        let _release = Release(&self.in_use);
        // SAFETY: the flag was clear, so no other access to the value is
        // live, and it stays set while `f` runs.
        Some(f(unsafe { &mut *self.value.get() }))
    }

    /// Exclusive access to the value until the returned guard is dropped,
    /// or `None` when the cell is already in use: [`PyCell::try_with`]
    /// without a closure, for hot paths that must stay inline (the same
    /// contract: no Python code runs while the guard lives).
    #[inline(always)]
    pub fn try_lock(&self) -> Option<PyCellGuard<'_, T>> {
        if self.in_use.replace(true) {
            return None;
        }
        Some(PyCellGuard { cell: self })
    }

    /// The value through an exclusive reference (no check needed: `&mut self`
    /// proves no closure is running on it), e.g. in a payload's `Drop`.
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// Consumes the cell and returns the value.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

/// Exclusive access to a [`PyCell`]'s value (from [`PyCell::try_lock`]);
/// dropping it releases the cell.
pub struct PyCellGuard<'a, T> {
    cell: &'a PyCell<T>,
}

impl<T> std::ops::Deref for PyCellGuard<'_, T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the cell's flag, so no other access to
        // the value is live.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> std::ops::DerefMut for PyCellGuard<'_, T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; `&mut self` makes this the only reference
        // handed out through the guard.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for PyCellGuard<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        self.cell.in_use.set(false);
    }
}

impl<T: Clone> PyCell<T> {
    /// A copy of the value.
    pub fn get(&self) -> T {
        self.with(|value| value.clone())
    }
}

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}
