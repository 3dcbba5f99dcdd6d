//! Arenas: 1 MiB regions obtained from the system allocator and cut into
//! pools.
//!
//! An arena hands out pools never used yet in address order (so its pages
//! are touched only when needed) and takes back pools that emptied; when
//! all its pools are unused the heap can give the whole region back. The
//! region is requested with the pools' alignment, so each of its
//! [`POOLS_PER_ARENA`] pools is aligned to its size. Its bookkeeping
//! record is a separate small system allocation, so no pool is spent on it.

use std::alloc::{GlobalAlloc, Layout, System};

use super::pool::{POOL_SIZE, Pool};

/// The size of an arena.
pub const ARENA_SIZE: usize = 1024 * 1024;
/// How many pools an arena holds.
pub const POOLS_PER_ARENA: u32 = (ARENA_SIZE / POOL_SIZE) as u32;

/// The layout arenas are requested with: glibc serves it with its own
/// mapping (it is above the mmap threshold), unmapped again when freed.
const REGION: Layout = match Layout::from_size_align(ARENA_SIZE, POOL_SIZE) {
    Ok(layout) => layout,
    Err(_) => panic!("the arena layout is valid"),
};

/// One arena's bookkeeping.
pub struct Arena {
    /// The start of the region.
    base: *mut u8,
    /// Pools given back, linked through their `next` field.
    released: *mut Pool,
    /// The index of the first pool never handed out.
    fresh: u32,
    /// How many pools are unused (released or fresh).
    pub unused: u32,
    /// The neighbours in the heap's list of arenas.
    pub next: *mut Arena,
    /// See `next`.
    pub prev: *mut Arena,
}

impl Arena {
    /// A new arena with all its pools unused, or null if the system has no
    /// memory.
    pub fn create() -> *mut Arena {
        // SAFETY: valid, non-zero layouts; the record is written before
        // anything reads it, and freed if the region cannot be had.
        unsafe {
            let record = System.alloc(Layout::new::<Arena>()).cast::<Arena>();
            if record.is_null() {
                return record;
            }
            let base = System.alloc(REGION);
            if base.is_null() {
                System.dealloc(record.cast(), Layout::new::<Arena>());
                return std::ptr::null_mut();
            }
            record.write(Arena {
                base,
                released: std::ptr::null_mut(),
                fresh: 0,
                unused: POOLS_PER_ARENA,
                next: std::ptr::null_mut(),
                prev: std::ptr::null_mut(),
            });
            record
        }
    }

    /// Gives the region and the record back to the system.
    ///
    /// # Safety
    /// `arena` came from [`Arena::create`], none of its pools is in use,
    /// and it is in no list any more.
    pub unsafe fn destroy(arena: *mut Arena) {
        // SAFETY: both were allocated with these layouts in `create`.
        unsafe {
            System.dealloc((*arena).base, REGION);
            System.dealloc(arena.cast(), Layout::new::<Arena>());
        }
    }

    /// Whether every pool of `arena` is unused.
    ///
    /// # Safety
    /// `arena` is a live arena.
    #[inline]
    pub unsafe fn is_empty(arena: *const Arena) -> bool {
        // SAFETY: forwarded contract.
        unsafe { (*arena).unused == POOLS_PER_ARENA }
    }

    /// Hands out an unused pool of `arena`, which must have one (its header
    /// is not initialised).
    ///
    /// # Safety
    /// `arena` is a live arena of the calling thread's heap with
    /// `unused > 0`.
    pub unsafe fn take_pool(arena: *mut Arena) -> *mut Pool {
        // SAFETY: a released pool is linked through its header; a fresh
        // index below the pool count names a pool inside the region.
        unsafe {
            (*arena).unused -= 1;
            let released = (*arena).released;
            if !released.is_null() {
                (*arena).released = (*released).next;
                return released;
            }
            let index = (*arena).fresh as usize;
            (*arena).fresh += 1;
            (*arena).base.add(index * POOL_SIZE).cast()
        }
    }

    /// Hands out `pool` again, the first of `arena`'s released pools,
    /// keeping its header as it was released.
    ///
    /// # Safety
    /// `pool` is the first pool of `arena`'s released list.
    pub unsafe fn take_released(arena: *mut Arena, pool: *mut Pool) {
        // SAFETY: a released pool is linked through its header.
        unsafe {
            debug_assert!((*arena).released == pool);
            (*arena).released = (*pool).next;
            (*arena).unused -= 1;
        }
    }

    /// Takes back `pool`, whose blocks are all free.
    ///
    /// # Safety
    /// `pool` was handed out by [`Arena::take_pool`] of `arena` and is in no
    /// list any more.
    pub unsafe fn release_pool(arena: *mut Arena, pool: *mut Pool) {
        // SAFETY: the pool's header is ours again.
        unsafe {
            (*pool).next = (*arena).released;
            (*arena).released = pool;
            (*arena).unused += 1;
        }
    }
}
