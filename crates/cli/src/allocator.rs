//! Tuning of the process allocator (glibc's `malloc`) for the interpreter.
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

/// The process's global allocator: the system allocator behind a small
/// per-thread cache of freed blocks for the sizes objects and their
/// buffers mostly have (up to [`LARGEST_CACHED`] bytes).
///
/// glibc's `free` costs about 100 instructions per call on the
/// interpreter thread (its `_int_free` path with the arena bookkeeping;
/// `benches/fannkuch.py` spent 20% of its instructions in `malloc` and
/// `free`). A freed small block is pushed on a per-size-class list here and
/// handed out again by the next allocation of that class, in a few
/// instructions. Each class keeps at most [`CACHED_BYTES_PER_CLASS`] bytes
/// (so at most 1 MiB is held back in all), the rest goes back to glibc.
/// Blocks of a class are allocated with the class's full size, so any of
/// them can serve any request of the class.
pub struct CachingAllocator;

/// glibc's chunk granularity (and alignment) on 64-bit.
const CLASS_STEP: usize = 16;
/// The largest size served from the cache.
const LARGEST_CACHED: usize = 512;
/// Number of size classes: class `c` holds blocks of `c * 16 - 8` bytes,
/// exactly what fits a glibc chunk of `c * 16` bytes (its size word takes
/// the other 8), so rounding a request up to its class costs no memory
/// over glibc's own rounding.
const CLASSES: usize = (LARGEST_CACHED + 8).div_ceil(CLASS_STEP) + 1;
/// How many bytes of freed blocks one class may hold.
const CACHED_BYTES_PER_CLASS: usize = 32 * 1024;

/// One thread's cached blocks: per class, a list linked through the first
/// word of each free block, and its length.
struct BlockCache {
    heads: [*mut u8; CLASSES],
    counts: [u32; CLASSES],
}

thread_local! {
    /// This thread's cache (constant-initialised, no destructor: using it
    /// never allocates; a thread's cached blocks are not returned when it
    /// ends, which bounds the loss to one cache).
    static BLOCKS: std::cell::UnsafeCell<BlockCache> = const {
        std::cell::UnsafeCell::new(BlockCache {
            heads: [std::ptr::null_mut(); CLASSES],
            counts: [0; CLASSES],
        })
    };
}

/// The size class of `layout`, if it is served from the cache.
#[inline(always)]
fn class_of(layout: std::alloc::Layout) -> Option<usize> {
    let size = layout.size();
    (size != 0 && size <= LARGEST_CACHED && layout.align() <= CLASS_STEP)
        .then(|| (size + 8).div_ceil(CLASS_STEP).max(2))
}

/// The layout blocks of `class` are allocated with.
#[inline(always)]
fn class_layout(class: usize) -> std::alloc::Layout {
    // SAFETY: at least 24 bytes with alignment 16: a valid layout, which
    // the system allocator serves with `malloc`.
    unsafe { std::alloc::Layout::from_size_align_unchecked(class * CLASS_STEP - 8, CLASS_STEP) }
}

// SAFETY: every block handed out is either fresh from `System` or a block
// of the same class returned by `dealloc` and not handed out since; blocks
// are allocated with their class's full size and alignment, and cached
// blocks never leave their thread's list except through `alloc`.
unsafe impl std::alloc::GlobalAlloc for CachingAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else {
            // SAFETY: forwarded contract.
            return unsafe { std::alloc::System.alloc(layout) };
        };
        let cached = BLOCKS
            .try_with(|cache| {
                // SAFETY: the cache is this thread's and no reference to it
                // outlives this closure (the allocator is not re-entered
                // from here).
                let cache = unsafe { &mut *cache.get() };
                let head = cache.heads[class];
                if head.is_null() {
                    return head;
                }
                // SAFETY: a cached block starts with the next block's address.
                cache.heads[class] = unsafe { head.cast::<*mut u8>().read() };
                cache.counts[class] -= 1;
                head
            })
            .unwrap_or(std::ptr::null_mut());
        if !cached.is_null() {
            return cached;
        }
        // SAFETY: a valid, non-zero layout.
        unsafe { std::alloc::System.alloc(class_layout(class)) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        let Some(class) = class_of(layout) else {
            // SAFETY: forwarded contract.
            return unsafe { std::alloc::System.dealloc(ptr, layout) };
        };
        let kept = BLOCKS
            .try_with(|cache| {
                // SAFETY: as in `alloc`.
                let cache = unsafe { &mut *cache.get() };
                if cache.counts[class] as usize * class * CLASS_STEP >= CACHED_BYTES_PER_CLASS {
                    return false;
                }
                // SAFETY: the block is at least 24 bytes, 16-aligned, and
                // no longer in use: its first word links the list.
                unsafe { ptr.cast::<*mut u8>().write(cache.heads[class]) };
                cache.heads[class] = ptr;
                cache.counts[class] += 1;
                true
            })
            .unwrap_or(false);
        if !kept {
            // SAFETY: the block came from `System` with its class layout.
            unsafe { std::alloc::System.dealloc(ptr, class_layout(class)) };
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        // SAFETY (whole body): forwarded contract; `new_size` is non-zero
        // and valid with `layout`'s alignment.
        let new_layout =
            unsafe { std::alloc::Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            (None, None) => unsafe { std::alloc::System.realloc(ptr, layout, new_size) },
            (Some(old), Some(new)) if old == new => ptr,
            (Some(old), None) => unsafe {
                // A cached-size block grows past the cache: glibc grows it
                // (it was allocated with its class layout).
                std::alloc::System.realloc(ptr, class_layout(old), new_size)
            },
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout};

    #[test]
    fn classes_fit_glibc_chunks_and_cover_every_cached_size() {
        for size in 1..=LARGEST_CACHED {
            let layout = Layout::from_size_align(size, 8).unwrap();
            let class = class_of(layout).unwrap();
            assert!(class < CLASSES);
            let block = class_layout(class).size();
            assert!(block >= size, "size {size} in a {block}-byte block");
            assert_eq!((block + 8) % CLASS_STEP, 0);
        }
        assert_eq!(
            class_of(Layout::from_size_align(LARGEST_CACHED + 1, 8).unwrap()),
            None
        );
        assert_eq!(class_of(Layout::from_size_align(64, 32).unwrap()), None);
    }

    #[test]
    fn blocks_are_reused_and_realloc_keeps_contents_across_classes() {
        let a = CachingAllocator;
        let small = Layout::from_size_align(40, 8).unwrap();
        unsafe {
            let p = a.alloc(small);
            assert!(!p.is_null());
            a.dealloc(p, small);
            // The same class hands the cached block out again.
            let q = a.alloc(Layout::from_size_align(33, 8).unwrap());
            assert_eq!(p, q);
            for i in 0..33 {
                q.add(i).write(i as u8);
            }
            // Grow past the cache, then shrink back into it.
            let big = a.realloc(q, Layout::from_size_align(33, 8).unwrap(), 4000);
            assert!(!big.is_null());
            for i in 0..33 {
                assert_eq!(big.add(i).read(), i as u8);
            }
            let back = a.realloc(big, Layout::from_size_align(4000, 8).unwrap(), 20);
            for i in 0..20 {
                assert_eq!(back.add(i).read(), i as u8);
            }
            a.dealloc(back, Layout::from_size_align(20, 8).unwrap());
        }
    }

    #[test]
    fn a_full_class_returns_blocks_to_the_system() {
        let a = CachingAllocator;
        let layout = Layout::from_size_align(500, 8).unwrap();
        let blocks: Vec<*mut u8> = (0..200).map(|_| unsafe { a.alloc(layout) }).collect();
        for &b in &blocks {
            assert!(!b.is_null());
            unsafe { a.dealloc(b, layout) };
        }
        let class = class_of(layout).unwrap();
        let count = BLOCKS.with(|c| unsafe { (*c.get()).counts[class] }) as usize;
        assert!(count * class * CLASS_STEP <= CACHED_BYTES_PER_CLASS + class * CLASS_STEP);
    }
}
