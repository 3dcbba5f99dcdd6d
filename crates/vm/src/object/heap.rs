//! The one place every Python-visible allocation passes through
//! (DESIGN.md, "Accounted memory").
//!
//! It counts live bytes and allocations, enforces an optional limit on live
//! bytes, and can make chosen allocations fail (allocations number N..M, like
//! CPython's `_testcapi.set_nomemory`) so tests can prove that every failure
//! becomes a `MemoryError` instead of a crash. Counters live in a `GilCell`:
//! no atomics on the allocation path.

use std::alloc::Layout;
use std::ops::Range;
use std::ptr::NonNull;

use super::gil_cell::GilCell;

/// An allocation the heap refused: over the limit, injected, or out of memory.
/// The VM turns it into Python's `MemoryError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllocError {
    /// The size that was asked for.
    pub size: usize,
}

/// A snapshot of the heap's counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapStats {
    /// Bytes currently allocated through the heap.
    pub live_bytes: usize,
    /// The most `live_bytes` has been.
    pub peak_bytes: usize,
    /// Allocations made so far (failed ones included), numbering them from 0.
    pub allocations: u64,
}

struct HeapState {
    stats: HeapStats,
    limit: Option<usize>,
    failing: Option<Range<u64>>,
    /// `limit` or `failing` is set: allocations must be checked against
    /// them. One flag so the common, unrestricted allocation tests once.
    restricted: bool,
}

thread_local! {
    static HEAP_STATE: std::cell::UnsafeCell<HeapState> = const {
        std::cell::UnsafeCell::new(HeapState {
            stats: HeapStats {
                live_bytes: 0,
                peak_bytes: 0,
                allocations: 0,
            },
            limit: None,
            failing: None,
            restricted: false,
        })
    };
}

static HEAP: GilCell<HeapState> = GilCell::new(&HEAP_STATE);

/// Allocates `layout` (non-zero size), counting it, or refuses.
#[inline]
pub fn allocate(layout: Layout) -> Result<NonNull<u8>, AllocError> {
    let refused = AllocError {
        size: layout.size(),
    };
    let admitted = HEAP.with(|heap| {
        let number = heap.stats.allocations;
        heap.stats.allocations += 1;
        let live = heap.stats.live_bytes.saturating_add(layout.size());
        // Without a limit or injected failures (the usual case) every
        // allocation is admitted; the checks below are what they would say.
        if heap.restricted && !admitted_under_restrictions(heap, number, live) {
            return false;
        }
        heap.stats.live_bytes = live;
        heap.stats.peak_bytes = heap.stats.peak_bytes.max(live);
        true
    });
    if !admitted || layout.size() == 0 {
        return Err(refused);
    }
    // SAFETY: the layout has a non-zero size (checked above).
    let pointer = unsafe { std::alloc::alloc(layout) };
    match NonNull::new(pointer) {
        Some(pointer) => Ok(pointer),
        None => {
            HEAP.with(|heap| heap.stats.live_bytes -= layout.size());
            Err(refused)
        }
    }
}

/// Whether allocation number `number`, bringing live bytes to `live`, is
/// allowed by the limit and the injected failures.
#[cold]
fn admitted_under_restrictions(heap: &HeapState, number: u64, live: usize) -> bool {
    if heap.failing.as_ref().is_some_and(|r| r.contains(&number)) {
        return false;
    }
    heap.limit.is_none_or(|limit| live <= limit)
}

/// Frees memory obtained from [`allocate`].
///
/// # Safety
/// `pointer` must come from [`allocate`] with the same `layout` and not have
/// been freed.
#[inline]
pub unsafe fn deallocate(pointer: NonNull<u8>, layout: Layout) {
    HEAP.with(|heap| heap.stats.live_bytes -= layout.size());
    // SAFETY: guaranteed by the caller.
    unsafe { std::alloc::dealloc(pointer.as_ptr(), layout) }
}

/// The current counters.
pub fn stats() -> HeapStats {
    HEAP.with(|heap| heap.stats)
}

/// Limits live bytes to `limit` (or removes the limit); allocations that would
/// pass it fail.
pub fn set_limit(limit: Option<usize>) {
    HEAP.with(|heap| {
        heap.limit = limit;
        heap.restricted = heap.limit.is_some() || heap.failing.is_some();
    });
}

/// Makes the allocations numbered in `range` (see [`HeapStats::allocations`])
/// fail, or stops injecting failures.
pub fn fail_allocations(range: Option<Range<u64>>) {
    HEAP.with(|heap| {
        heap.failing = range;
        heap.restricted = heap.limit.is_some() || heap.failing.is_some();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::object::tests::TEST_GIL;

    #[test]
    fn counts_live_and_peak_bytes() {
        let _gil = TEST_GIL.lock().unwrap_or_else(|e| e.into_inner());
        let before = stats();
        let layout = Layout::from_size_align(1000, 8).unwrap();
        let a = allocate(layout).unwrap();
        let b = allocate(layout).unwrap();
        assert_eq!(stats().live_bytes, before.live_bytes + 2000);
        assert!(stats().peak_bytes >= before.live_bytes + 2000);
        unsafe {
            deallocate(a, layout);
            deallocate(b, layout);
        }
        assert_eq!(stats().live_bytes, before.live_bytes);
        assert_eq!(stats().allocations, before.allocations + 2);
    }

    #[test]
    fn a_limit_refuses_allocations_past_it() {
        let _gil = TEST_GIL.lock().unwrap_or_else(|e| e.into_inner());
        let live = stats().live_bytes;
        set_limit(Some(live + 100));
        let small = Layout::from_size_align(64, 8).unwrap();
        let a = allocate(small).unwrap();
        assert_eq!(allocate(small), Err(AllocError { size: 64 }));
        set_limit(None);
        unsafe { deallocate(a, small) };
    }

    #[test]
    fn injected_failures_hit_exactly_the_numbered_allocations() {
        let _gil = TEST_GIL.lock().unwrap_or_else(|e| e.into_inner());
        let layout = Layout::from_size_align(16, 8).unwrap();
        let next = stats().allocations;
        fail_allocations(Some(next + 1..next + 3));
        let results: Vec<_> = (0..4).map(|_| allocate(layout)).collect();
        fail_allocations(None);
        let failed: Vec<bool> = results.iter().map(Result::is_err).collect();
        assert_eq!(failed, [false, true, true, false]);
        for pointer in results.into_iter().flatten() {
            unsafe { deallocate(pointer, layout) };
        }
    }
}
