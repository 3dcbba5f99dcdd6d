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
//! A loop that creates and frees the only object of its size would empty
//! and rebuild a pool per iteration; two shortcuts keep that cheap: the
//! one pool that empties alone in its class's list, in an arena with
//! other pools in use, stays there, idle (`Heap::idle`), and the pool
//! released last is taken back as it was when its class needs a pool
//! again (`Heap::spare`).
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

use super::arena::{Arena, POOLS_PER_ARENA};
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
    /// The pool released last, or null: it is first in its arena's list
    /// of released pools and its header (class, free list, bump offset)
    /// still describes it, so [`new_pool`] can take it back for the same
    /// class without rebuilding it. Cleared when it is taken for another
    /// class or its arena is returned.
    spare: *mut Pool,
    /// A pool that emptied while alone in its class's list, in an arena
    /// with other pools in use, and was kept there (counted in use) for
    /// the class's next block: a loop that creates and frees the only
    /// object of its size then stays on the fast paths. Null, or a pool
    /// that may have been used again since; released with the last other
    /// pool in use of its arena, or when another pool becomes idle.
    idle: *mut Pool,
    /// Blocks freed by other threads, linked through their first word.
    remote: AtomicPtr<u8>,
}

/// The heap of threads that have not allocated yet: it has no pools, so
/// the fast path of [`alloc`] fails on it without a separate test, and no
/// pool names it as owner. Never written.
static NO_HEAP: NoHeap = NoHeap(Heap {
    usable: [std::ptr::null_mut(); CLASSES],
    arenas: std::ptr::null_mut(),
    empty_arenas: 0,
    spare: std::ptr::null_mut(),
    idle: std::ptr::null_mut(),
    remote: AtomicPtr::new(std::ptr::null_mut()),
});

/// [`NO_HEAP`]'s wrapper, so that it can be a `static`.
struct NoHeap(Heap);

// SAFETY: `NO_HEAP` is only read (its pointers are all null).
unsafe impl Sync for NoHeap {}

/// The placeholder every thread's heap pointer starts as.
fn no_heap() -> *mut Heap {
    (&raw const NO_HEAP.0).cast_mut()
}

thread_local! {
    /// The calling thread's heap, created by its first small allocation
    /// (constant-initialised without a destructor: reading it never
    /// allocates and never fails).
    static THREAD_HEAP: Cell<*mut Heap> = const { Cell::new((&raw const NO_HEAP.0).cast_mut()) };
}

/// Allocates a block of `class` from the calling thread's heap; null if
/// the system has no memory.
///
/// The fast path takes the first block of the class's first pool when it
/// is not the pool's last free block; everything else is
/// [`alloc_slow`]'s.
///
/// # Safety
/// `class` is below [`CLASSES`].
#[inline(always)]
pub unsafe fn alloc(class: usize) -> *mut u8 {
    let heap = THREAD_HEAP.get();
    // SAFETY: the heap is this thread's (or `NO_HEAP`, only read); `class`
    // is in bounds; a usable pool's free list is not empty.
    unsafe {
        let pool = (*heap).usable.as_ptr().add(class).read();
        if !pool.is_null() {
            let block = (*pool).free;
            let next = block.cast::<*mut u8>().read();
            if !next.is_null() {
                (*pool).free = next;
                (*pool).used += 1;
                return block;
            }
        }
        alloc_slow(heap, class)
    }
}

/// Frees `block`, a block handed out by [`alloc`] on any thread.
///
/// The fast path puts it back on its pool's free list when the pool is the
/// calling thread's, was not full and does not become empty; everything
/// else is [`dealloc_slow`]'s.
///
/// # Safety
/// `block` is in use and is not used again.
#[inline(always)]
pub unsafe fn dealloc(block: *mut u8) {
    let pool = Pool::of(block);
    let heap = THREAD_HEAP.get();
    // SAFETY: a block in use keeps its pool's header valid; `heap` is only
    // written at pool creation, before the block was handed out; the other
    // fields are this thread's to change when it owns the pool.
    unsafe {
        if (*pool).heap == heap {
            let head = (*pool).free;
            let used = (*pool).used - 1;
            if !head.is_null() && used != 0 {
                block.cast::<*mut u8>().write(head);
                (*pool).free = block;
                (*pool).used = used;
                return;
            }
        }
        dealloc_slow(heap, pool, block);
    }
}

/// [`dealloc`]'s rare cases: a block of another thread's pool, the last
/// block in use of a pool, a block of a full pool.
///
/// # Safety
/// As [`dealloc`]; `heap` is the calling thread's heap, `pool` the block's.
#[cold]
#[inline(never)]
unsafe fn dealloc_slow(heap: *mut Heap, pool: *mut Pool, block: *mut u8) {
    // SAFETY: forwarded contract.
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
unsafe fn free_local(heap: *mut Heap, pool: *mut Pool, block: *mut u8) {
    // SAFETY: forwarded contract; list neighbours are pools of this heap;
    // a pool's class is below `CLASSES`.
    unsafe {
        let previous_head = (*pool).free;
        block.cast::<*mut u8>().write(previous_head);
        (*pool).free = block;
        (*pool).used -= 1;
        if (*pool).used == 0 {
            if !previous_head.is_null() {
                if keep_idle(heap, pool) {
                    return;
                }
                unlink_usable(heap, pool);
            }
            return release_pool(heap, pool);
        }
        if previous_head.is_null() {
            // It was full: it serves its class again, first.
            link_usable(heap, pool);
        }
    }
}

/// Keeps `pool`, just emptied and in its class's list, as the heap's idle
/// pool if it is alone in that list and other pools of its arena are in
/// use (so keeping it never keeps an otherwise empty arena); the previous
/// idle pool, if still empty, is released. Returns whether it was kept.
///
/// # Safety
/// `heap` is the calling thread's heap and owns `pool`, which has no
/// block in use and is in its class's list.
unsafe fn keep_idle(heap: *mut Heap, pool: *mut Pool) -> bool {
    // SAFETY: the pool, its arena and the idle pool (if any) are live and
    // this heap's (see `Heap::idle`).
    unsafe {
        if !(*pool).prev.is_null() || !(*pool).next.is_null() {
            return false;
        }
        if (*(*pool).arena).unused + 1 >= POOLS_PER_ARENA {
            return false;
        }
        let previous = (*heap).idle;
        (*heap).idle = pool;
        if !previous.is_null() && previous != pool && (*previous).used == 0 {
            unlink_usable(heap, previous);
            release_pool(heap, previous);
        }
        true
    }
}

/// Puts `pool` first in its class's list of pools with free blocks.
///
/// # Safety
/// `pool` is a pool of `heap`, the calling thread's heap, in no list.
unsafe fn link_usable(heap: *mut Heap, pool: *mut Pool) {
    // SAFETY: list neighbours are live pools of this heap; the class is in
    // bounds.
    unsafe {
        let slot = (*heap).usable.as_mut_ptr().add((*pool).class as usize);
        let head = slot.read();
        (*pool).prev = std::ptr::null_mut();
        (*pool).next = head;
        if !head.is_null() {
            (*head).prev = pool;
        }
        slot.write(pool);
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
            let class = (*pool).class as usize;
            (*heap).usable.as_mut_ptr().add(class).write(next);
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
        if (*heap).idle == pool {
            (*heap).idle = std::ptr::null_mut();
        }
        let arena = (*pool).arena;
        Arena::release_pool(arena, pool);
        (*heap).spare = pool;
        let idle = (*heap).idle;
        if !idle.is_null()
            && (*idle).arena == arena
            && (*idle).used == 0
            && (*arena).unused + 1 == POOLS_PER_ARENA
        {
            // The idle pool alone keeps its arena: it goes too.
            (*heap).idle = std::ptr::null_mut();
            unlink_usable(heap, idle);
            Arena::release_pool(arena, idle);
            (*heap).spare = idle;
        }
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
        // The spare is the pool just released, in this arena.
        (*heap).spare = std::ptr::null_mut();
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

/// [`alloc`]'s rare cases: the thread's first small allocation (creates
/// its heap), the last free block of a pool (extends its free list from
/// the pool's never-used blocks, or retires the full pool from the list),
/// no pool with a free block (see [`new_pool`]).
///
/// # Safety
/// As [`alloc`]; `heap` is the calling thread's heap or `NO_HEAP`.
#[cold]
#[inline(never)]
unsafe fn alloc_slow(mut heap: *mut Heap, class: usize) -> *mut u8 {
    // SAFETY: the heap and its pools are this thread's; a usable pool has
    // a free block.
    unsafe {
        if heap == no_heap() {
            heap = create_heap();
            if heap.is_null() {
                return std::ptr::null_mut();
            }
        }
        let mut pool = (*heap).usable[class];
        if pool.is_null() {
            pool = new_pool(heap, class);
            if pool.is_null() {
                return std::ptr::null_mut();
            }
        }
        let block = (*pool).free;
        let next = block.cast::<*mut u8>().read();
        (*pool).used += 1;
        (*pool).free = next;
        if next.is_null() && !Pool::extend(pool) {
            // Full: it leaves the list until a block comes back.
            unlink_usable(heap, pool);
        }
        block
    }
}

/// Creates the calling thread's heap; null if the system has no memory.
fn create_heap() -> *mut Heap {
    // SAFETY: a valid layout; the record is initialised before use.
    unsafe {
        let heap = System.alloc(Layout::new::<Heap>()).cast::<Heap>();
        if heap.is_null() {
            return heap;
        }
        heap.write(Heap {
            usable: [std::ptr::null_mut(); CLASSES],
            arenas: std::ptr::null_mut(),
            empty_arenas: 0,
            spare: std::ptr::null_mut(),
            idle: std::ptr::null_mut(),
            remote: AtomicPtr::new(std::ptr::null_mut()),
        });
        THREAD_HEAP.set(heap);
        heap
    }
}

/// A pool of `class` with a free block, first in the class's list, when
/// the list is empty (null if the system has no memory): the blocks other
/// threads freed are taken back first; if that leaves the class without a
/// pool, a pool is started in the fullest arena that has an unused one (so
/// emptier arenas may drain and be returned), or in a new arena.
///
/// # Safety
/// `heap` is the calling thread's heap and `class` is below [`CLASSES`].
unsafe fn new_pool(heap: *mut Heap, class: usize) -> *mut Pool {
    // SAFETY: the heap's arenas and pools are live and this thread's.
    unsafe {
        collect_remote_frees(heap);
        let usable = (*heap).usable[class];
        if !usable.is_null() {
            return usable;
        }
        let spare = (*heap).spare;
        if !spare.is_null() && (*spare).class as usize == class {
            return reuse_spare(heap, spare);
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
        if pool == (*heap).spare {
            (*heap).spare = std::ptr::null_mut();
        }
        Pool::init(pool, class, heap, arena);
        (*heap).usable[class] = pool;
        pool
    }
}

/// Takes `spare`, the heap's spare pool, back from its arena as it was
/// released (its blocks all free, its bump offset kept) and makes it its
/// class's pool with free blocks: a loop that creates and frees the only
/// object of its size pays this instead of a pool's initialisation.
///
/// # Safety
/// `heap` is the calling thread's heap, `spare` its spare pool, and the
/// pool's class has no pool with free blocks.
unsafe fn reuse_spare(heap: *mut Heap, spare: *mut Pool) -> *mut Pool {
    // SAFETY: the spare is a released pool of a live arena of this heap,
    // first in that arena's released list (see `Heap::spare`).
    unsafe {
        (*heap).spare = std::ptr::null_mut();
        let arena = (*spare).arena;
        if Arena::is_empty(arena) {
            (*heap).empty_arenas -= 1;
        }
        Arena::take_released(arena, spare);
        (*spare).next = std::ptr::null_mut();
        (*spare).prev = std::ptr::null_mut();
        (*heap).usable[(*spare).class as usize] = spare;
        spare
    }
}

/// How many arenas the calling thread's heap holds (for tests).
#[cfg(test)]
pub fn arena_count() -> usize {
    let heap = THREAD_HEAP.get();
    let mut count = 0;
    if heap == no_heap() {
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
