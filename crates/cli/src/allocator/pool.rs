//! Pools: 16 KiB pieces of an arena, each serving the blocks of one size
//! class.
//!
//! A pool starts with its header ([`Pool`]); blocks follow it. Pools are
//! aligned to their size, so the pool of any block is found by masking the
//! block's address ([`Pool::of`]). Free blocks form a list linked through
//! their first word; blocks never handed out yet are not on it: the list is
//! extended from a bump offset a page at a time, so a fresh pool touches
//! its pages only as they are used. `free` is null exactly when the pool is
//! full. Taking and returning blocks is done by the heap (`heap.rs`), whose
//! fast paths work on these fields directly.

use super::arena::Arena;
use super::heap::Heap;
use super::size_class::block_size;

/// The size (and alignment) of a pool.
pub const POOL_SIZE: usize = 16 * 1024;

/// A pool's header, at its start.
#[repr(C, align(16))]
pub struct Pool {
    /// The first free block (each free block starts with the address of
    /// the next), or null when every block is in use.
    pub free: *mut u8,
    /// How many blocks are handed out.
    pub used: u32,
    /// The size class served.
    pub class: u32,
    /// The offset of the first block never put on the free list.
    fresh: u32,
    /// The size of a block of `class`.
    block_size: u32,
    /// The heap that owns the pool: only its thread changes the pool; other
    /// threads give blocks back through the heap's remote list.
    pub heap: *mut Heap,
    /// The arena the pool was carved from.
    pub arena: *mut Arena,
    /// The neighbours in the heap's list of pools of `class` that have free
    /// blocks, or in the arena's list of unused pools (`next` only).
    pub next: *mut Pool,
    /// See `next`.
    pub prev: *mut Pool,
}

/// Where the first block of a pool starts.
const FIRST_BLOCK: usize = std::mem::size_of::<Pool>();

const _: () = assert!(FIRST_BLOCK.is_multiple_of(super::size_class::BLOCK_STEP));
const _: () = assert!(POOL_SIZE.is_power_of_two());

impl Pool {
    /// The pool holding `block`.
    #[inline(always)]
    pub fn of(block: *mut u8) -> *mut Pool {
        block.map_addr(|address| address & !(POOL_SIZE - 1)).cast()
    }

    /// Makes `pool` (unused memory of [`POOL_SIZE`] bytes, so aligned)
    /// serve `class` for `heap`, with its first block on the free list.
    ///
    /// # Safety
    /// `pool` is an unused, writable, [`POOL_SIZE`]-aligned pool.
    pub unsafe fn init(pool: *mut Pool, class: usize, heap: *mut Heap, arena: *mut Arena) {
        let size = block_size(class);
        // SAFETY: the pool is writable; `extend` links its first blocks.
        unsafe {
            pool.write(Pool {
                free: std::ptr::null_mut(),
                used: 0,
                class: class as u32,
                fresh: FIRST_BLOCK as u32,
                block_size: size as u32,
                heap,
                arena,
                next: std::ptr::null_mut(),
                prev: std::ptr::null_mut(),
            });
            Pool::extend(pool);
        }
    }

    /// Links more never-used blocks onto the free list of `pool`, whose
    /// list is empty: those up to the end of the page the first one starts
    /// in (at least one, so each page is touched when first needed and
    /// not before). Returns whether there was room for any.
    ///
    /// # Safety
    /// `pool` is an initialised pool of the calling thread's heap with an
    /// empty free list.
    pub unsafe fn extend(pool: *mut Pool) -> bool {
        const PAGE: usize = 4096;
        // SAFETY: blocks below `POOL_SIZE` are inside the pool; none of
        // them was handed out.
        unsafe {
            let size = (*pool).block_size as usize;
            let first = (*pool).fresh as usize;
            if first + size > POOL_SIZE {
                return false;
            }
            let page_end = (first / PAGE + 1) * PAGE;
            let mut end = first + size;
            while end + size <= POOL_SIZE && end < page_end {
                end += size;
            }
            let base = pool.cast::<u8>();
            let mut offset = end - size;
            let mut next = std::ptr::null_mut::<u8>();
            loop {
                let block = base.add(offset);
                block.cast::<*mut u8>().write(next);
                next = block;
                if offset == first {
                    break;
                }
                offset -= size;
            }
            (*pool).free = next;
            (*pool).fresh = end as u32;
            true
        }
    }
}
