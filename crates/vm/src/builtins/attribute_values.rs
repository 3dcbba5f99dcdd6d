//! [`AttributeValues`]: the values array of an instance's shared-keys
//! attributes, one word wide.
//!
//! An instance's attributes are a values array indexed by its class's
//! shared keys (see `instance.rs`). The array lives in the instance, so its
//! width counts in every instance: a boxed slice is two words (pointer and
//! length), this is one — a pointer to a block holding the length and then
//! the values. Empty arrays point at one shared, immutable empty header and
//! allocate nothing. The array only grows (to the class's key count), so
//! it needs no capacity. Under the system allocator the length word costs
//! nothing extra: blocks are rounded to 16 bytes with an 8-byte header of
//! the allocator's own, so `8 + 16n` bytes take the same chunk as `16n`.

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::value::Value;

/// The start of a block: how many values follow.
#[repr(C)]
struct Header {
    len: usize,
}

/// The header of every empty array (never written, never freed).
static EMPTY: Header = Header { len: 0 };

/// One value slot: `None` where the instance has no value for the key.
type Slot = Option<Value>;

/// The layout of a block of `len` slots and the offset of the first slot.
fn block_layout(len: usize) -> Option<(Layout, usize)> {
    let (layout, offset) = Layout::new::<Header>()
        .extend(Layout::array::<Slot>(len).ok()?)
        .ok()?;
    Some((layout.pad_to_align(), offset))
}

/// The offset of the first slot in any block.
fn slots_offset() -> usize {
    block_layout(0).map_or(std::mem::size_of::<Header>(), |(_, offset)| offset)
}

/// A growable array of attribute values, one pointer wide.
pub struct AttributeValues {
    block: NonNull<Header>,
}

impl Default for AttributeValues {
    fn default() -> Self {
        AttributeValues {
            block: NonNull::from(&EMPTY),
        }
    }
}

impl AttributeValues {
    fn is_shared_empty(&self) -> bool {
        std::ptr::eq(self.block.as_ptr(), &EMPTY)
    }

    fn slots(&self) -> *mut Slot {
        // SAFETY: every block (the empty header included) is followed by
        // its slots at this offset; for the empty header the pointer is
        // only used for a zero-length slice.
        unsafe { self.block.as_ptr().cast::<u8>().add(slots_offset()).cast() }
    }

    /// Grows the array to `len` slots (new ones `None`); never shrinks.
    pub fn grow_to(&mut self, len: usize) {
        let old_len = self.len();
        if len <= old_len {
            return;
        }
        let Some((layout, offset)) = block_layout(len) else {
            std::alloc::handle_alloc_error(Layout::new::<Header>())
        };
        // SAFETY: the layout is non-zero (it holds the header).
        let Some(block) = NonNull::new(unsafe { std::alloc::alloc(layout) }) else {
            std::alloc::handle_alloc_error(layout)
        };
        let block = block.cast::<Header>();
        // SAFETY: the new block holds the header and `len` slots; the old
        // slots are moved (bitwise) and the old block freed without
        // dropping them, so each value keeps exactly one owner.
        unsafe {
            block.as_ptr().write(Header { len });
            let slots = block.as_ptr().cast::<u8>().add(offset).cast::<Slot>();
            std::ptr::copy_nonoverlapping(self.slots(), slots, old_len);
            for i in old_len..len {
                slots.add(i).write(None);
            }
            self.free_block();
        }
        self.block = block;
    }

    /// Frees the block without dropping its slots.
    ///
    /// # Safety
    /// The slots must have been moved out or dropped already, and the block
    /// must not be used afterwards.
    unsafe fn free_block(&mut self) {
        if self.is_shared_empty() {
            return;
        }
        if let Some((layout, _)) = block_layout(self.len()) {
            // SAFETY: the block was allocated with this layout (guaranteed
            // by the caller not to be used again).
            unsafe { std::alloc::dealloc(self.block.as_ptr().cast(), layout) };
        }
    }
}

impl std::ops::Deref for AttributeValues {
    type Target = [Slot];

    fn deref(&self) -> &[Slot] {
        // SAFETY: the block holds `len` initialised slots.
        unsafe { std::slice::from_raw_parts(self.slots(), self.block.as_ref().len) }
    }
}

impl std::ops::DerefMut for AttributeValues {
    fn deref_mut(&mut self) -> &mut [Slot] {
        // SAFETY: the block holds `len` initialised slots, owned by `self`
        // (the shared empty header has none, so nothing shared is written).
        unsafe { std::slice::from_raw_parts_mut(self.slots(), self.block.as_ref().len) }
    }
}

impl<'a> IntoIterator for &'a AttributeValues {
    type Item = &'a Slot;
    type IntoIter = std::slice::Iter<'a, Slot>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut AttributeValues {
    type Item = &'a mut Slot;
    type IntoIter = std::slice::IterMut<'a, Slot>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl Drop for AttributeValues {
    fn drop(&mut self) {
        if self.is_shared_empty() {
            return;
        }
        // SAFETY: the slots are initialised and owned; they are dropped
        // once, then the block is freed.
        unsafe {
            std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(self.slots(), self.len()));
            self.free_block();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_wide_and_grows_keeping_values() {
        assert_eq!(std::mem::size_of::<AttributeValues>(), 8);
        // An instance extension: attribute storage (3 words + cell flag)
        // and the `__slots__` values (1 word).
        assert_eq!(
            std::mem::size_of::<crate::builtins::instance::InstanceExtension>(),
            40
        );
        let mut values = AttributeValues::default();
        assert!(values.is_empty());
        values.grow_to(2);
        values[1] = Some(Value::from_i64(7));
        values.grow_to(5);
        values.grow_to(3);
        assert_eq!(values.len(), 5);
        assert_eq!(values[1].as_ref().and_then(Value::as_i64), Some(7));
        assert!(values[4].is_none());
        assert_eq!(values.iter().flatten().count(), 1);
    }
}
