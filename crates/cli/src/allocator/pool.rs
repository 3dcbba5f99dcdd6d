//! Pools: 16 KiB pieces of an arena, each serving the blocks of one size
//! class.
//!
//! A pool starts with its header ([`Pool`]); blocks follow it. Pools are
//! aligned to their size, so the pool of any block is found by masking the
//! block's address ([`Pool::of`]). Free blocks form a list linked through
//! their first word; blocks never handed out yet are not on it: the list is
//! extended from a bump offset one block at a time, so a fresh pool touches
//! its pages only as they are used. `free` is null exactly when the pool is
//! full.

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
    /// The offset of the first block never handed out.
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

const _: () = assert!(FIRST_BLOCK % super::size_class::BLOCK_STEP == 0);
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
        // SAFETY: the pool is writable; its first block is inside it (the
        // largest block plus the header fit in a pool many times over).
        unsafe {
            let first = pool.cast::<u8>().add(FIRST_BLOCK);
            first.cast::<*mut u8>().write(std::ptr::null_mut());
            pool.write(Pool {
                free: first,
                used: 0,
                class: class as u32,
                fresh: (FIRST_BLOCK + size) as u32,
                block_size: size as u32,
                heap,
                arena,
                next: std::ptr::null_mut(),
                prev: std::ptr::null_mut(),
            });
        }
    }

    /// Takes the first free block of `pool`, which must have one. Returns
    /// it, and whether the pool is now full.
    ///
    /// # Safety
    /// `pool` is an initialised pool of the calling thread's heap with a
    /// free block.
    #[inline(always)]
    pub unsafe fn take(pool: *mut Pool) -> (*mut u8, bool) {
        // SAFETY: the pool's header and free blocks are valid; the fresh
        // offset names a block inside the pool when it passes the check.
        unsafe {
            let block = (*pool).free;
            (*pool).used += 1;
            let mut next = block.cast::<*mut u8>().read();
            if next.is_null() {
                let fresh = (*pool).fresh as usize;
                let size = (*pool).block_size as usize;
                if fresh + size <= POOL_SIZE {
                    next = pool.cast::<u8>().add(fresh);
                    next.cast::<*mut u8>().write(std::ptr::null_mut());
                    (*pool).fresh = (fresh + size) as u32;
                }
            }
            (*pool).free = next;
            (block, next.is_null())
        }
    }

    /// Puts `block` back on `pool`'s free list. Returns the pool's free
    /// list head before (null: the pool was full).
    ///
    /// # Safety
    /// `block` is a block of `pool` handed out by [`Pool::take`], and the
    /// pool belongs to the calling thread's heap.
    #[inline(always)]
    pub unsafe fn give_back(pool: *mut Pool, block: *mut u8) -> *mut u8 {
        // SAFETY: the block is no longer used: its first word links the
        // list; the header is valid.
        unsafe {
            let head = (*pool).free;
            block.cast::<*mut u8>().write(head);
            (*pool).free = block;
            (*pool).used -= 1;
            head
        }
    }
}
