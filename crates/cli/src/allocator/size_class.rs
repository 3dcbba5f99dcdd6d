//! The size classes of small blocks: which requests the pools serve and
//! how big a block of each class is.
//!
//! Classes are 16 bytes apart (16, 32, ..., 512), so every block is
//! 16-aligned when pools start on a 16-byte boundary, and no class is
//! larger than the glibc chunk the same request used to get (glibc adds an
//! 8-byte size word and rounds to 16).

use std::alloc::Layout;

/// The distance between classes, and the alignment of every block.
pub const BLOCK_STEP: usize = 16;
/// The largest request served from the pools.
pub const LARGEST_SMALL: usize = 512;
/// How many classes there are: class `c` holds blocks of `(c + 1) * 16`
/// bytes.
pub const CLASSES: usize = LARGEST_SMALL / BLOCK_STEP;

/// The class serving `layout`, or `None` when it goes to the system
/// allocator (empty, larger than [`LARGEST_SMALL`], or aligned beyond
/// [`BLOCK_STEP`]). A pure function of the layout: `dealloc` and `realloc`
/// find where a block came from by asking it again.
#[inline(always)]
pub fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    // `size - 1` wraps for 0, which therefore fails the bound.
    let index = size.wrapping_sub(1);
    (index < LARGEST_SMALL && layout.align() <= BLOCK_STEP).then_some(index / BLOCK_STEP)
}

/// The size of the blocks of `class`.
#[inline(always)]
pub const fn block_size(class: usize) -> usize {
    (class + 1) * BLOCK_STEP
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_small_size_has_the_smallest_class_that_holds_it() {
        for size in 1..=LARGEST_SMALL {
            for align in [1, 2, 4, 8, 16] {
                let layout = Layout::from_size_align(size, align).unwrap();
                let class = class_of(layout).unwrap();
                assert!(class < CLASSES);
                assert!(block_size(class) >= size);
                assert!(block_size(class) < size + BLOCK_STEP);
            }
        }
    }

    #[test]
    fn empty_large_and_overaligned_requests_have_no_class() {
        let layout = |size, align| Layout::from_size_align(size, align).unwrap();
        assert_eq!(class_of(layout(0, 1)), None);
        assert_eq!(class_of(layout(LARGEST_SMALL + 1, 8)), None);
        assert_eq!(class_of(layout(64, 32)), None);
        assert_eq!(class_of(layout(LARGEST_SMALL, 16)), Some(CLASSES - 1));
    }
}
