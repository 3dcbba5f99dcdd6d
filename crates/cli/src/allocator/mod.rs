//! The process's memory allocator: pools for small blocks, glibc's
//! `malloc` (tuned) for the rest.
//!
//! Python programs allocate and free small objects all the time, many of
//! them alive at once; glibc's `malloc` and `free` cost ~200 and ~130
//! instructions per call on the interpreter thread. [`PoolAllocator`] serves
//! requests of up to 512 bytes (alignment up to 16) from size-class pools
//! in the spirit of CPython's pymalloc: 1 MiB arenas cut into 16 KiB pools,
//! each serving one 16-byte size class from a free list and a bump offset
//! (`size_class.rs`, `arena.rs`, `pool.rs`); each thread has its own heap
//! of pools, used without locks, and blocks freed by another thread go
//! back through a lock-free list (`heap.rs`). Emptied arenas are returned
//! to the system.
//!
//! The rest of this comment is about the large blocks, which still go to
//! glibc.
//!
//! glibc serves blocks of 128 KiB and more with `mmap` and, by default,
//! raises that threshold whenever such a block is freed (up to 32 MiB), so
//! that the next large blocks come from the main heap instead. An
//! interpreter frees and reallocates large arrays all the time (a list of
//! objects, its slice copies); once the threshold has risen they land in the
//! heap between small objects, and freed ones leave holes that small
//! allocations later fragment, so the peak resident size grows from round to
//! round (`benches/float_objects.py`: 53.7 MiB instead of 49.9). Fixing the
//! threshold at its default keeps every large block in its own mapping,
//! returned to the system when freed and grown in place by `mremap`.

use std::alloc::{GlobalAlloc, Layout, System};

use size_class::class_of;

mod arena;
mod heap;
mod pool;
mod size_class;
#[cfg(test)]
mod tests;

/// The size from which blocks get their own mapping (glibc's default).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// How much free memory at the top of a heap glibc keeps before giving it
/// back. Fixing the mmap threshold also fixes this one at its default (128
/// KiB), and the interpreter thread's heap (a non-main arena) gives memory
/// back with `madvise`, so a loop whose temporaries cross that size paid a
/// system call and fresh page faults per iteration (`benches/pidigits.py`:
/// 16,000 `madvise` calls; with 1 MiB it makes one).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 1024 * 1024;

/// Fixes glibc's mmap and trim thresholds (see the file comment and
/// [`TRIM_THRESHOLD`]); elsewhere nothing.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes allocator parameters; it is called
    // before the interpreter starts any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}

/// The process's global allocator: small blocks from the calling thread's
/// pools ([`heap`]), everything else from the system allocator.
///
/// Whether a block is small is decided by its layout alone
/// ([`size_class::class_of`]), which `dealloc` and `realloc` receive too,
/// so no address lookup is needed to route a free.
pub struct PoolAllocator;

// SAFETY: small blocks come from the pools with their class's full size
// and 16-byte alignment, and go back to them (a layout always maps to the
// same class); everything else is forwarded to `System` with the caller's
// layout. `realloc` keeps a block where its new layout says it lives.
unsafe impl GlobalAlloc for PoolAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            // SAFETY: a valid class.
            Some(class) => unsafe { heap::alloc(class) },
            // SAFETY: forwarded contract.
            None => unsafe { System.alloc(layout) },
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            // SAFETY: a valid class; the block holds `layout.size()` bytes.
            Some(class) => unsafe {
                let block = heap::alloc(class);
                if !block.is_null() {
                    block.write_bytes(0, layout.size());
                }
                block
            },
            // SAFETY: forwarded contract (glibc's `calloc` skips clearing
            // fresh mappings).
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match class_of(layout) {
            // SAFETY: a small layout: the block came from the pools.
            Some(_) => unsafe { heap::dealloc(ptr) },
            // SAFETY: forwarded contract.
            None => unsafe { System.dealloc(ptr, layout) },
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` is non-zero and valid
        // with `layout`'s alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            // SAFETY: forwarded contract.
            (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
            // The block already has room for the new size.
            (Some(old), Some(new)) if old == new => ptr,
            // SAFETY: a move between the pools and the system, or between
            // classes: a new block, the contents copied, the old one freed.
            _ => unsafe {
                let new = self.alloc(new_layout);
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                new
            },
        }
    }
}
