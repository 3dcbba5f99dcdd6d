//! Tests of the pool allocator through its `GlobalAlloc` interface (each
//! test thread has its own heap, so arena counts are the test's own).

use std::alloc::{GlobalAlloc, Layout};

use super::PoolAllocator;
use super::arena::POOLS_PER_ARENA;
use super::heap::arena_count;
use super::pool::POOL_SIZE;
use super::size_class::{BLOCK_STEP, LARGEST_SMALL, block_size, class_of};

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).unwrap()
}

/// Fills `count` blocks of `layout` with a pattern derived from their
/// index.
fn alloc_filled(count: usize, layout: Layout) -> Vec<*mut u8> {
    (0..count)
        .map(|i| unsafe {
            let block = PoolAllocator.alloc(layout);
            assert!(!block.is_null());
            block.write_bytes(i as u8, layout.size());
            block
        })
        .collect()
}

fn check_filled(blocks: &[*mut u8], size: usize) {
    for (i, &block) in blocks.iter().enumerate() {
        for offset in 0..size {
            assert_eq!(unsafe { block.add(offset).read() }, i as u8);
        }
    }
}

#[test]
fn blocks_are_aligned_distinct_and_keep_their_contents() {
    for size in [1, 8, 16, 24, 40, 100, 256, LARGEST_SMALL] {
        let layout = layout(size, 8);
        let blocks = alloc_filled(1000, layout);
        let mut sorted = blocks.clone();
        sorted.sort();
        for pair in sorted.windows(2) {
            assert!(pair[1] as usize - pair[0] as usize >= size);
        }
        for &block in &blocks {
            assert_eq!(block as usize % BLOCK_STEP, 0);
        }
        check_filled(&blocks, size);
        for block in blocks {
            unsafe { PoolAllocator.dealloc(block, layout) };
        }
    }
}

#[test]
fn a_freed_block_is_handed_out_again_by_its_class() {
    let small = layout(40, 8);
    unsafe {
        let block = PoolAllocator.alloc(small);
        PoolAllocator.dealloc(block, small);
        // 33..=48 bytes share the class.
        let again = PoolAllocator.alloc(layout(33, 8));
        assert_eq!(block, again);
        PoolAllocator.dealloc(again, layout(33, 8));
    }
    assert_eq!(class_of(layout(33, 8)), class_of(small));
    assert_eq!(block_size(class_of(small).unwrap()), 48);
}

#[test]
fn zeroed_blocks_are_zero_even_when_reused() {
    let small = layout(64, 8);
    unsafe {
        let block = PoolAllocator.alloc(small);
        block.write_bytes(0xAB, 64);
        PoolAllocator.dealloc(block, small);
        let zeroed = PoolAllocator.alloc_zeroed(small);
        assert!((0..64).all(|i| zeroed.add(i).read() == 0));
        PoolAllocator.dealloc(zeroed, small);
        let large = layout(100_000, 8);
        let zeroed = PoolAllocator.alloc_zeroed(large);
        assert!((0..100_000).all(|i| zeroed.add(i).read() == 0));
        PoolAllocator.dealloc(zeroed, large);
    }
}

#[test]
fn realloc_keeps_contents_across_classes_and_to_and_from_large() {
    unsafe {
        let mut size = 10;
        let block = PoolAllocator.alloc(layout(size, 8));
        for i in 0..size {
            block.add(i).write(i as u8);
        }
        let mut block = block;
        // Within a class the block stays; across classes, and out of and
        // back into the pools, it moves with its contents.
        for new_size in [12, 100, 512, 4000, 300_000, 200, 16, 3] {
            let moved = PoolAllocator.realloc(block, layout(size, 8), new_size);
            assert!(!moved.is_null());
            if class_of(layout(size, 8)).is_some()
                && class_of(layout(size, 8)) == class_of(layout(new_size, 8))
            {
                assert_eq!(moved, block);
            }
            for i in 0..size.min(new_size).min(10) {
                assert_eq!(moved.add(i).read(), i as u8);
            }
            block = moved;
            size = new_size;
        }
        PoolAllocator.dealloc(block, layout(size, 8));
    }
}

#[test]
fn large_and_overaligned_requests_go_to_the_system() {
    unsafe {
        let aligned = layout(64, 64);
        let block = PoolAllocator.alloc(aligned);
        assert_eq!(block as usize % 64, 0);
        PoolAllocator.dealloc(block, aligned);
        let large = layout(LARGEST_SMALL + 1, 8);
        let block = PoolAllocator.alloc(large);
        assert!(!block.is_null());
        PoolAllocator.dealloc(block, large);
    }
}

#[test]
fn empty_arenas_go_back_to_the_system() {
    let small = layout(256, 16);
    let before = arena_count();
    // Enough blocks for several arenas.
    let per_arena = POOLS_PER_ARENA as usize * (POOL_SIZE / 256);
    let blocks = alloc_filled(per_arena * 4, small);
    assert!(arena_count() >= before + 3);
    check_filled(&blocks, 256);
    for &block in &blocks {
        unsafe { PoolAllocator.dealloc(block, small) };
    }
    // At most one empty arena is kept.
    assert!(arena_count() <= before + 1, "{} arenas", arena_count());
    // Filling again reuses memory instead of growing without bound.
    let blocks = alloc_filled(per_arena * 4, small);
    for &block in &blocks {
        unsafe { PoolAllocator.dealloc(block, small) };
    }
    assert!(arena_count() <= before + 1);
}

#[test]
fn blocks_freed_by_another_thread_are_reused_by_their_owner() {
    let small = layout(48, 8);
    let per_arena = POOLS_PER_ARENA as usize * (POOL_SIZE / 48);
    let blocks = alloc_filled(per_arena * 2, small);
    let arenas = arena_count();
    let addresses: Vec<usize> = blocks.iter().map(|&b| b as usize).collect();
    std::thread::spawn(move || {
        for address in addresses {
            unsafe { PoolAllocator.dealloc(address as *mut u8, small) };
        }
    })
    .join()
    .unwrap();
    // The owner takes the remote frees back instead of mapping more.
    let again = alloc_filled(per_arena * 2, small);
    assert!(arena_count() <= arenas + 1, "{} > {arenas}", arena_count());
    check_filled(&again, 48);
    for block in again {
        unsafe { PoolAllocator.dealloc(block, small) };
    }
}

#[test]
fn blocks_outlive_the_thread_that_allocated_them() {
    let small = layout(100, 8);
    let addresses: Vec<usize> = std::thread::spawn(move || {
        alloc_filled(5000, small)
            .into_iter()
            .map(|b| b as usize)
            .collect()
    })
    .join()
    .unwrap();
    let blocks: Vec<*mut u8> = addresses.into_iter().map(|a| a as *mut u8).collect();
    check_filled(&blocks, 100);
    for block in blocks {
        unsafe { PoolAllocator.dealloc(block, small) };
    }
}

#[test]
fn threads_allocating_and_freeing_each_others_blocks_stay_consistent() {
    let handles: Vec<_> = (0..4)
        .map(|seed| {
            std::thread::spawn(move || {
                let mut kept = Vec::new();
                for round in 0..2000usize {
                    let size = 1 + (round * 37 + seed * 11) % LARGEST_SMALL;
                    let block = unsafe { PoolAllocator.alloc(layout(size, 8)) };
                    unsafe { block.write_bytes(seed as u8, size) };
                    kept.push((block as usize, size));
                }
                kept
            })
        })
        .collect();
    let all: Vec<Vec<(usize, usize)>> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    // Each thread frees the blocks another one allocated, concurrently.
    let frees: Vec<_> = all
        .into_iter()
        .enumerate()
        .map(|(seed, blocks)| {
            std::thread::spawn(move || {
                for (address, size) in blocks {
                    let block = address as *mut u8;
                    assert!((0..size).all(|i| unsafe { block.add(i).read() } == seed as u8));
                    unsafe { PoolAllocator.dealloc(block, layout(size, 8)) };
                }
            })
        })
        .collect();
    for handle in frees {
        handle.join().unwrap();
    }
}

#[test]
fn an_emptied_pool_is_reused_by_its_class_and_rebuilt_for_another() {
    // On a thread of its own with no pool yet: the only block in use of
    // the arena empties its pool on each free, which is then released
    // (an idle pool never keeps an otherwise empty arena).
    std::thread::spawn(emptied_pool_reuse).join().unwrap();
}

fn emptied_pool_reuse() {
    assert_eq!(arena_count(), 0);
    let a = layout(432, 16);
    let b = layout(448, 16);
    unsafe {
        let first = PoolAllocator.alloc(a);
        first.write_bytes(1, 432);
        PoolAllocator.dealloc(first, a);
        // Taken back as it was: the same block.
        let again = PoolAllocator.alloc(a);
        assert_eq!(first, again);
        PoolAllocator.dealloc(again, a);
        // Another class gets the released pool rebuilt for its size; the
        // first class then needs a pool of its own.
        let other = alloc_filled(50, b);
        let mine = alloc_filled(50, a);
        check_filled(&other, 448);
        check_filled(&mine, 432);
        for &block in &mine {
            assert!(other.iter().all(|&o| o != block));
            PoolAllocator.dealloc(block, a);
        }
        for &block in &other {
            PoolAllocator.dealloc(block, b);
        }
    }
}

#[test]
fn the_only_block_of_a_class_freed_and_taken_again_stays_in_its_pool() {
    // Another block keeps the arena in use, so the emptied pool stays idle
    // and hands out the same block again.
    let keeper_layout = layout(16, 8);
    let single = layout(416, 16);
    let before = arena_count();
    unsafe {
        let keeper = PoolAllocator.alloc(keeper_layout);
        let first = PoolAllocator.alloc(single);
        PoolAllocator.dealloc(first, single);
        for _ in 0..1000 {
            let again = PoolAllocator.alloc(single);
            assert_eq!(again, first);
            again.write_bytes(7, 416);
            PoolAllocator.dealloc(again, single);
        }
        // Another class's pool going idle releases the first idle one.
        let other = layout(400, 16);
        let block = PoolAllocator.alloc(other);
        PoolAllocator.dealloc(block, other);
        // With the keeper gone nothing holds the arena: at most the one
        // kept empty arena remains.
        PoolAllocator.dealloc(keeper, keeper_layout);
    }
    assert!(arena_count() <= before + 1, "{} arenas", arena_count());
}
