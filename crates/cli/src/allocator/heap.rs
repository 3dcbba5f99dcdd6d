//! Heaps: one per thread, owning arenas and the pools carved from them.
//!
//! A thread allocates small blocks only from its own heap, without locks:
//! per size class, a list of pools that have a free block (the first one
//! serves the request). A block freed by its heap's thread goes back to its
//! pool directly; a pool that was full rejoins its class's list, a pool
//! that empties goes back to its arena, and an arena whose pools are all
//! unused is returned to the system (one empty arena is kept, so a loop
//! that fills and empties one pool does not map and unmap memory).
//!
//! A block freed by another thread (Rust's standard library, the test
//! harness and other threads share the process-wide allocator) is pushed
//! on its heap's lock-free remote list instead; the owner takes the whole
//! list back when it runs out of pools with free blocks of a class.
//!
//! Heaps are never freed: a pool's header points to its heap, and a block
//! can outlive the thread that allocated it. The heap of a thread that has
//! ended keeps its arenas (see the allocator's file comment).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicPtr, Ordering};

use super::arena::Arena;
use super::pool::Pool;
use super::size_class::CLASSES;

/// A thread's small-block heap.
pub struct Heap {
    /// Per class, the pools with a free block, doubly linked through their
    /// `next`/`prev` fields.
    usable: [*mut Pool; CLASSES],
    /// All arenas of the heap, doubly linked.
    arenas: *mut Arena,
    /// How many of them have every pool unused.
    empty_arenas: usize,
    /// Blocks freed by other threads, linked through their first word.
    remote: AtomicPtr<u8>,
}

thread_local! {
    /// The calling thread's heap, created by its first small allocation
    /// (constant-initialised without a destructor: reading it never
    /// allocates and never fails).
    static THREAD_HEAP: Cell<*mut Heap> = const { Cell::new(std::ptr::null_mut()) };
}

/// Allocates a block of `class` from the calling thread's heap; null if
/// the system has no memory.
///
/// # Safety
/// `class` is below [`CLASSES`].
#[inline(always)]
pub unsafe fn alloc(class: usize) -> *mut u8 {
    let heap = THREAD_HEAP.get();
    if heap.is_null() {
        return alloc_in_new_heap(class);
    }
    // SAFETY: the heap is this thread's; its usable pools have a free block.
    unsafe {
        let pool = (*heap).usable[class];
        if pool.is_null() {
            return alloc_from_new_pool(heap, class);
        }
        let (block, full) = Pool::take(pool);
        if full {
            // A full pool leaves the list; it is first in it.
            let next = (*pool).next;
            (*heap).usable[class] = next;
            if !next.is_null() {
                (*next).prev = std::ptr::null_mut();
            }
        }
        block
    }
}

/// Frees `block`, a block handed out by [`alloc`] on any thread.
///
/// # Safety
/// `block` is in use and is not used again.
#[inline(always)]
pub unsafe fn dealloc(block: *mut u8) {
    let pool = Pool::of(block);
    let heap = THREAD_HEAP.get();
    // SAFETY: a block in use keeps its pool's header valid; `heap` is only
    // written at pool creation, before the block was handed out.
    unsafe {
        if (*pool).heap != heap {
            return free_remote(pool, block);
        }
        free_local(heap, pool, block);
    }
}

/// Frees `block` of `pool`, both the calling thread's heap's.
///
/// # Safety
/// `heap` is the calling thread's heap and owns `pool`; `block` is a block
/// of `pool` in use.
#[inline(always)]
unsafe fn free_local(heap: *mut Heap, pool: *mut Pool, block: *mut u8) {
    // SAFETY: forwarded contract; list neighbours are pools of this heap.
    unsafe {
        let previous_head = Pool::give_back(pool, block);
        if (*pool).used == 0 {
            if !previous_head.is_null() {
                unlink_usable(heap, pool);
            }
            return release_pool(heap, pool);
        }
        if previous_head.is_null() {
            // It was full: it serves its class again, first.
            let class = (*pool).class as usize;
            let head = (*heap).usable[class];
            (*pool).prev = std::ptr::null_mut();
            (*pool).next = head;
            if !head.is_null() {
                (*head).prev = pool;
            }
            (*heap).usable[class] = pool;
        }
    }
}

/// Removes `pool` from its class's list of pools with free blocks.
///
/// # Safety
/// `pool` is in that list of `heap`, the calling thread's heap.
unsafe fn unlink_usable(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: list neighbours are live pools of this heap.
    unsafe {
        let (prev, next) = ((*pool).prev, (*pool).next);
        if prev.is_null() {
            (*heap).usable[(*pool).class as usize] = next;
        } else {
            (*prev).next = next;
        }
        if !next.is_null() {
            (*next).prev = prev;
        }
    }
}

/// Gives an empty pool back to its arena, and the arena back to the system
/// if it is now empty and the heap already keeps an empty one.
///
/// # Safety
/// `pool` is a pool of `heap`, the calling thread's heap, with no block in
/// use and in no list.
#[cold]
unsafe fn release_pool(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: the arena is live while one of its pools is in use (this
    // one was, until now).
    unsafe {
        let arena = (*pool).arena;
        Arena::release_pool(arena, pool);
        if !Arena::is_empty(arena) {
            return;
        }
        if (*heap).empty_arenas == 0 {
            (*heap).empty_arenas = 1;
            return;
        }
        let (prev, next) = ((*arena).prev, (*arena).next);
        if prev.is_null() {
            (*heap).arenas = next;
        } else {
            (*prev).next = next;
        }
        if !next.is_null() {
            (*next).prev = prev;
        }
        Arena::destroy(arena);
    }
}

/// Pushes `block`, freed by a thread that does not own `pool`, on the
/// owning heap's remote list.
///
/// # Safety
/// `block` is a block of `pool` in use.
#[cold]
unsafe fn free_remote(pool: *mut Pool, block: *mut u8) {
    // SAFETY: heaps are never freed; the remote list is only touched
    // atomically; the block is ours to write until it is published.
    unsafe {
        let remote = &(*(*pool).heap).remote;
        let mut head = remote.load(Ordering::Relaxed);
        loop {
            block.cast::<*mut u8>().write(head);
            match remote.compare_exchange_weak(head, block, Ordering::Release, Ordering::Relaxed) {
                Ok(_) => return,
                Err(current) => head = current,
            }
        }
    }
}

/// Frees, as the owner, every block other threads have pushed on `heap`'s
/// remote list.
///
/// # Safety
/// `heap` is the calling thread's heap.
unsafe fn collect_remote_frees(heap: *mut Heap) {
    // SAFETY: the list holds blocks of this heap's pools, handed over with
    // release ordering; each links the next.
    unsafe {
        let remote = &(*heap).remote;
        if remote.load(Ordering::Relaxed).is_null() {
            return;
        }
        let mut block = remote.swap(std::ptr::null_mut(), Ordering::Acquire);
        while !block.is_null() {
            let next = block.cast::<*mut u8>().read();
            free_local(heap, Pool::of(block), block);
            block = next;
        }
    }
}

/// Creates the calling thread's heap, then allocates from it.
#[cold]
fn alloc_in_new_heap(class: usize) -> *mut u8 {
    // SAFETY: a valid layout; the record is initialised before use.
    unsafe {
        let heap = System.alloc(Layout::new::<Heap>()).cast::<Heap>();
        if heap.is_null() {
            return heap.cast();
        }
        heap.write(Heap {
            usable: [std::ptr::null_mut(); CLASSES],
            arenas: std::ptr::null_mut(),
            empty_arenas: 0,
            remote: AtomicPtr::new(std::ptr::null_mut()),
        });
        THREAD_HEAP.set(heap);
        alloc_from_new_pool(heap, class)
    }
}

/// Allocates a block of `class` when no pool of the class has a free
/// block: first takes back the blocks other threads freed, then starts a
/// pool in the fullest arena that has an unused one (so emptier arenas may
/// drain and be returned), or in a new arena.
///
/// # Safety
/// `heap` is the calling thread's heap and `class` is below [`CLASSES`].
#[cold]
unsafe fn alloc_from_new_pool(heap: *mut Heap, class: usize) -> *mut u8 {
    // SAFETY: the heap's arenas and pools are live and this thread's.
    unsafe {
        collect_remote_frees(heap);
        if !(*heap).usable[class].is_null() {
            return alloc(class);
        }
        let mut arena = std::ptr::null_mut::<Arena>();
        let mut candidate = (*heap).arenas;
        while !candidate.is_null() {
            let unused = (*candidate).unused;
            if unused > 0 && (arena.is_null() || unused < (*arena).unused) {
                arena = candidate;
            }
            candidate = (*candidate).next;
        }
        if arena.is_null() {
            arena = Arena::create();
            if arena.is_null() {
                return std::ptr::null_mut();
            }
            let head = (*heap).arenas;
            (*arena).next = head;
            if !head.is_null() {
                (*head).prev = arena;
            }
            (*heap).arenas = arena;
        } else if Arena::is_empty(arena) {
            (*heap).empty_arenas -= 1;
        }
        let pool = Arena::take_pool(arena);
        Pool::init(pool, class, heap, arena);
        (*heap).usable[class] = pool;
        alloc(class)
    }
}

/// How many arenas the calling thread's heap holds (for tests).
#[cfg(test)]
pub fn arena_count() -> usize {
    let heap = THREAD_HEAP.get();
    let mut count = 0;
    if heap.is_null() {
        return count;
    }
    // SAFETY: the heap and its arenas are this thread's and live.
    unsafe {
        let mut arena = (*heap).arenas;
        while !arena.is_null() {
            count += 1;
            arena = (*arena).next;
        }
    }
    count
}
