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
    /// Live bytes above which an allocation takes the checked path
    /// ([`admit_checked`]): the peak (so that a new peak is recorded), or
    /// the limit if lower, or 0 while failures are injected (every
    /// allocation is then checked). Below it, an allocation is admitted
    /// by one comparison, and the peak, the limit and the failure range
    /// have nothing to say about it.
    watermark: usize,
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
            watermark: 0,
        })
    };
}

static HEAP: GilCell<HeapState> = GilCell::new(&HEAP_STATE);

/// Allocates `layout` (non-zero size), counting it, or refuses.
#[inline]
pub fn allocate(layout: Layout) -> Result<NonNull<u8>, AllocError> {
    let size = layout.size();
    let admitted = HEAP.with(|heap| {
        heap.stats.allocations += 1;
        // No overflow: live bytes are memory in use (at most
        // `isize::MAX`) and so is a layout's size.
        let live = heap.stats.live_bytes + size;
        if live > heap.watermark {
            return admit_checked(heap, live);
        }
        heap.stats.live_bytes = live;
        true
    });
    if !admitted || size == 0 {
        return Err(AllocError { size });
    }
    // SAFETY: the layout has a non-zero size (checked above).
    let pointer = unsafe { std::alloc::alloc(layout) };
    match NonNull::new(pointer) {
        Some(pointer) => Ok(pointer),
        None => {
            HEAP.with(|heap| heap.stats.live_bytes -= size);
            Err(AllocError { size })
        }
    }
}

/// Allocates `layout` (non-zero size), counting it as [`allocate`] does
/// but never refusing it: for the boxed ints and floats behind `Value`'s
/// infallible constructors (a few words each). Past a limit or an injected
/// failure the allocation is made anyway; if the system itself is out of
/// memory this ends the process, as Rust's own collections do.
pub fn allocate_unrefused(layout: Layout) -> NonNull<u8> {
    HEAP.with(|heap| {
        heap.stats.allocations += 1;
        heap.stats.live_bytes += layout.size();
        if heap.stats.live_bytes > heap.stats.peak_bytes {
            heap.stats.peak_bytes = heap.stats.live_bytes;
            refresh_watermark(heap);
        }
    });
    // SAFETY: callers pass a layout of non-zero size (an object's).
    let pointer = unsafe { std::alloc::alloc(layout) };
    NonNull::new(pointer).unwrap_or_else(|| std::alloc::handle_alloc_error(layout))
}

/// [`allocate`]'s accounting past the watermark: whether the allocation
/// just counted (number `allocations - 1`), bringing live bytes to `live`,
/// is allowed by the injected failures and the limit; if so it is
/// recorded (a new peak included).
#[cold]
#[inline(never)]
fn admit_checked(heap: &mut HeapState, live: usize) -> bool {
    let number = heap.stats.allocations - 1;
    if heap.failing.as_ref().is_some_and(|r| r.contains(&number)) {
        return false;
    }
    if heap.limit.is_some_and(|limit| live > limit) {
        return false;
    }
    heap.stats.live_bytes = live;
    heap.stats.peak_bytes = heap.stats.peak_bytes.max(live);
    refresh_watermark(heap);
    true
}

/// Recomputes the watermark (see [`HeapState::watermark`]).
fn refresh_watermark(heap: &mut HeapState) {
    heap.watermark = if heap.failing.is_some() {
        0
    } else {
        heap.stats.peak_bytes.min(heap.limit.unwrap_or(usize::MAX))
    };
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
        refresh_watermark(heap);
    });
}

/// Makes the allocations numbered in `range` (see [`HeapStats::allocations`])
/// fail, or stops injecting failures.
pub fn fail_allocations(range: Option<Range<u64>>) {
    HEAP.with(|heap| {
        heap.failing = range;
        refresh_watermark(heap);
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

    #[test]
    fn the_peak_is_exact_although_most_allocations_skip_its_check() {
        let _gil = TEST_GIL.lock().unwrap_or_else(|e| e.into_inner());
        let layout = Layout::from_size_align(256, 8).unwrap();
        let start = stats();
        // Below the peak: admitted by the watermark alone, peak unchanged.
        let a = allocate(layout).unwrap();
        unsafe { deallocate(a, layout) };
        let settled = stats().peak_bytes;
        let b = allocate(layout).unwrap();
        assert_eq!(stats().peak_bytes, settled);
        // Past it: every new high is recorded.
        let c = allocate(layout).unwrap();
        let d = allocate(layout).unwrap();
        assert_eq!(stats().peak_bytes, settled.max(start.live_bytes + 768));
        unsafe {
            deallocate(b, layout);
            deallocate(c, layout);
            deallocate(d, layout);
        }
        assert_eq!(stats().live_bytes, start.live_bytes);
        assert_eq!(stats().allocations, start.allocations + 4);
    }

    #[test]
    fn a_limit_below_the_peak_and_failures_below_it_still_refuse() {
        let _gil = TEST_GIL.lock().unwrap_or_else(|e| e.into_inner());
        let layout = Layout::from_size_align(64, 8).unwrap();
        // Raise the peak well above what is live now.
        let big = Layout::from_size_align(4096, 8).unwrap();
        let raised = allocate(big).unwrap();
        unsafe { deallocate(raised, big) };
        assert!(stats().peak_bytes >= stats().live_bytes + 4096);
        // A limit under the peak: an allocation between the two is refused.
        set_limit(Some(stats().live_bytes + 100));
        let a = allocate(layout).unwrap();
        assert_eq!(allocate(layout), Err(AllocError { size: 64 }));
        set_limit(None);
        // An injected failure under the peak hits exactly its number.
        let next = stats().allocations;
        fail_allocations(Some(next..next + 1));
        assert!(allocate(layout).is_err());
        fail_allocations(None);
        let b = allocate(layout).unwrap();
        unsafe {
            deallocate(a, layout);
            deallocate(b, layout);
        }
    }
}
