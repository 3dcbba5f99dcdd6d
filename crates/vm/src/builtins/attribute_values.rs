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
//!
//! After the values the block holds the insertion order (as CPython 3.11+
//! keeps in its inline values): the slot indices of the values present, in
//! the order they were stored, so `__dict__`, `vars()` and `dir()` list an
//! instance's attributes in its own order, not the class's key order.
//! [`AttributeValues::store`] and [`AttributeValues::remove`] keep it; the
//! order costs four bytes per slot.
//!
//! A block may also live inside the instance itself (CPython's inline
//! values): an instance of a class whose instances already set attributes
//! is allocated with room for a block sized for the class's keys
//! ([`AttributeValues::init_inline`]), so making an instance and setting
//! its usual attributes allocates nothing more. Such a block is marked
//! ([`INLINE`] in its header) and never freed: the object's memory holds
//! it; growing past it moves the values to a heap block.

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::value::Value;

/// The start of a block: how many values follow, and how many entries of
/// the order array (after the values) are in use, with [`INLINE`] set in
/// `present` for a block inside its instance. Aligned like the values, so
/// the (empty) slice after the shared empty header is aligned too.
#[repr(C, align(8))]
struct Header {
    len: u32,
    present: u32,
}

/// The mark, in [`Header::present`], of a block that lives inside its
/// instance (not to be freed). Counts stay below it: a block's length is
/// at most `i32::MAX`.
const INLINE: u32 = 1 << 31;

/// The longest block there is (so a count never reaches [`INLINE`]).
const MAX_LEN: usize = i32::MAX as usize;

/// The header of every empty array (never written, never freed).
static EMPTY: Header = Header { len: 0, present: 0 };

/// One value slot: `None` where the instance has no value for the key.
type Slot = Option<Value>;

/// The layout of a block of `len` slots, the offset of the first slot and
/// the offset of the order array.
///
/// Computed directly (it runs for every instance made and freed): the
/// header is aligned at least like the slots and the order entries, so the
/// slots start right after it, the order right after them, and the block
/// is aligned like the header — what `Layout::extend` would give.
#[inline]
fn block_layout(len: usize) -> Option<(Layout, usize, usize)> {
    const ALIGN: usize = std::mem::align_of::<Header>();
    const _: () = assert!(std::mem::align_of::<u32>() <= ALIGN);
    let order = len
        .checked_mul(std::mem::size_of::<Slot>())?
        .checked_add(SLOTS_OFFSET)?;
    let end = len
        .checked_mul(std::mem::size_of::<u32>())?
        .checked_add(order)?;
    let size = end.checked_add(ALIGN - 1)? & !(ALIGN - 1);
    let layout = Layout::from_size_align(size, ALIGN).ok()?;
    Some((layout, SLOTS_OFFSET, order))
}

/// The offset of the first slot in any block: the header is aligned like
/// the slots, so they follow it directly.
const SLOTS_OFFSET: usize = std::mem::size_of::<Header>();
const _: () = assert!(std::mem::align_of::<Slot>() <= std::mem::align_of::<Header>());
const _: () = assert!(SLOTS_OFFSET.is_multiple_of(std::mem::align_of::<Slot>()));

/// The offset of the order array in a block of `len` slots (it follows
/// the slots; a slot's size is a multiple of the entries' alignment).
const fn order_offset(len: usize) -> usize {
    SLOTS_OFFSET + len * std::mem::size_of::<Slot>()
}
const _: () = assert!(std::mem::size_of::<Slot>().is_multiple_of(std::mem::align_of::<u32>()));

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

    /// How many order entries are in use.
    fn present(&self) -> usize {
        // SAFETY: every block starts with its header.
        (unsafe { self.block.as_ref().present } & !INLINE) as usize
    }

    /// The bytes a block of `len` slots takes inside an instance (see
    /// [`Self::init_inline`]); `None` past the longest block.
    pub fn inline_size(len: usize) -> Option<usize> {
        if len > MAX_LEN {
            return None;
        }
        Some(block_layout(len)?.0.size())
    }

    /// An array of `len` (at least one) empty slots whose block is written
    /// at `at`, inside the instance that will own the array.
    ///
    /// # Safety
    /// `at` must be aligned for 8 bytes, with [`Self::inline_size`]`(len)`
    /// writable bytes that live, unused by anything else, until the array
    /// is dropped (the instance's memory, freed after its attributes).
    pub unsafe fn init_inline(at: *mut u8, len: usize) -> AttributeValues {
        let block = at.cast::<Header>();
        // SAFETY: per the contract the block's bytes are ours; `len` is at
        // most `MAX_LEN` (the caller sized the room with `inline_size`).
        unsafe {
            block.write(Header {
                len: len as u32,
                present: INLINE,
            });
            fill_empty(at.add(SLOTS_OFFSET).cast::<Slot>(), len);
            AttributeValues {
                block: NonNull::new_unchecked(block),
            }
        }
    }

    fn slots(&self) -> *mut Slot {
        // SAFETY: every block (the empty header included) is followed by
        // its slots at this offset; for the empty header the pointer is
        // only used for a zero-length slice.
        unsafe { self.block.as_ptr().cast::<u8>().add(SLOTS_OFFSET).cast() }
    }

    /// The slots, writable (only through [`Self::store`] and
    /// [`Self::remove`], which keep the order).
    fn slots_mut(&mut self) -> &mut [Slot] {
        // SAFETY: the block holds `len` initialised slots, owned by `self`
        // (the shared empty header has none, so nothing shared is written).
        unsafe { std::slice::from_raw_parts_mut(self.slots(), self.block.as_ref().len as usize) }
    }

    /// The order array (`len` entries, the first `present` in use).
    fn order_ptr(&self) -> *mut u32 {
        // SAFETY: every block is followed by its order array at this
        // offset (the one `block_layout` gives, checked when the block is
        // made); for the empty header the pointer is only used for a
        // zero-length slice.
        unsafe {
            self.block
                .as_ptr()
                .cast::<u8>()
                .add(order_offset(self.len()))
                .cast()
        }
    }

    /// The slot indices of the values present, in the order they were
    /// stored.
    pub fn order(&self) -> &[u32] {
        // SAFETY: the first `present` entries of the order array are
        // initialised (`present` is 0 for the shared empty header).
        unsafe { std::slice::from_raw_parts(self.order_ptr(), self.present()) }
    }

    /// The values present as (slot index, value), in insertion order.
    pub fn in_order(&self) -> impl Iterator<Item = (usize, &Value)> {
        self.order().iter().filter_map(|&i| {
            let i = i as usize;
            self.get(i)?.as_ref().map(|v| (i, v))
        })
    }

    /// Stores `value` at slot `index` (which must be below `len`),
    /// recording it as the newest when the slot was empty; returns the
    /// old value.
    ///
    /// The commonest store, replacing a value the slot holds (the order
    /// does not change), is inlined; a first store goes out of line.
    #[inline(always)]
    pub fn store(&mut self, index: usize, value: Value) -> Option<Value> {
        if let Some(slot) = self.slots_mut().get_mut(index)
            && slot.is_some()
        {
            return slot.replace(value);
        }
        self.store_first(index, value)
    }

    /// [`Self::store`] into an empty slot (or past the end, dropping
    /// `value`): the value is recorded as the newest in the order.
    #[inline(never)]
    fn store_first(&mut self, index: usize, value: Value) -> Option<Value> {
        let was_empty = self.get(index)?.is_none();
        let order_ptr = self.order_ptr();
        let len = self.len();
        let slot = self.slots_mut().get_mut(index)?;
        let old = slot.replace(value);
        if was_empty
            && let Ok(index) = u32::try_from(index)
            && self.order().len() < len
        {
            // SAFETY: the block is not the shared empty one (it has slot
            // `index`); `present` counts the slots holding a value, at most
            // `len`, so entry `present` exists and is written before it is
            // counted.
            unsafe {
                let header = self.block.as_ptr();
                let present = self.present();
                order_ptr.add(present).write(index);
                (*header).present += 1;
            }
        }
        old
    }

    /// Empties slot `index`, dropping it from the order; returns the old
    /// value.
    pub fn remove(&mut self, index: usize) -> Option<Value> {
        let old = self.slots_mut().get_mut(index)?.take()?;
        let position = self.order().iter().position(|&i| i as usize == index);
        if let Some(position) = position {
            let order_ptr = self.order_ptr();
            // SAFETY: the block holds a value, so it is not the shared
            // empty one; entries `position + 1 .. present` move down one.
            unsafe {
                let header = self.block.as_ptr();
                let present = self.present();
                std::ptr::copy(
                    order_ptr.add(position + 1),
                    order_ptr.add(position),
                    present - position - 1,
                );
                (*header).present -= 1;
            }
        }
        Some(old)
    }

    /// An array of `len` empty slots (every new instance's first block:
    /// one allocation, nothing to move).
    pub fn with_len(len: usize) -> AttributeValues {
        if len == 0 {
            return AttributeValues::default();
        }
        let block = allocate_block(len, 0);
        // SAFETY: the fresh block holds `len` slots after its header.
        unsafe {
            let slots = block.as_ptr().cast::<u8>().add(SLOTS_OFFSET).cast::<Slot>();
            fill_empty(slots, len);
        }
        AttributeValues { block }
    }

    /// Grows the array to `len` slots (new ones `None`); never shrinks.
    pub fn grow_to(&mut self, len: usize) {
        let old_len = self.len();
        if len <= old_len {
            return;
        }
        if self.is_shared_empty() {
            *self = AttributeValues::with_len(len);
            return;
        }
        let present = self.order().len();
        let block = allocate_block(len, present);
        // SAFETY: the new block holds the header, `len` slots and `len`
        // order entries; the old slots are moved (bitwise) and the old
        // block freed without dropping them, so each value keeps exactly
        // one owner.
        unsafe {
            let slots = block.as_ptr().cast::<u8>().add(SLOTS_OFFSET).cast::<Slot>();
            fill_empty(slots.add(old_len), len - old_len);
            std::ptr::copy_nonoverlapping(self.slots(), slots, old_len);
            let order = block
                .as_ptr()
                .cast::<u8>()
                .add(order_offset(len))
                .cast::<u32>();
            std::ptr::copy_nonoverlapping(self.order_ptr(), order, present);
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
        // SAFETY: every block starts with its header.
        if self.is_shared_empty() || unsafe { self.block.as_ref().present } & INLINE != 0 {
            return;
        }
        if let Some((layout, _, _)) = block_layout(self.len()) {
            // SAFETY: the block was allocated with this layout (guaranteed
            // by the caller not to be used again).
            unsafe { std::alloc::dealloc(self.block.as_ptr().cast(), layout) };
        }
    }
}

/// Allocates a block for `len` (at least one) slots whose header says
/// `present` order entries are in use; the slots and order entries are
/// left for the caller to write. Aborts like `Vec` when memory runs out.
fn allocate_block(len: usize, present: usize) -> NonNull<Header> {
    let Some((layout, _, _)) = block_layout(len).filter(|_| len <= MAX_LEN) else {
        std::alloc::handle_alloc_error(Layout::new::<Header>())
    };
    // SAFETY: the layout is non-zero (it holds the header).
    let Some(block) = NonNull::new(unsafe { std::alloc::alloc(layout) }) else {
        std::alloc::handle_alloc_error(layout)
    };
    let block = block.cast::<Header>();
    // SAFETY: the fresh block starts with room for its header; `len` fits
    // in `u32` (at most `MAX_LEN`, checked above) and `present` is at most
    // `len`.
    unsafe {
        block.as_ptr().write(Header {
            len: len as u32,
            present: present as u32,
        })
    };
    block
}

/// Writes `count` empty slots from `first`.
///
/// # Safety
/// `first..first + count` must be writable slots of one block.
unsafe fn fill_empty(first: *mut Slot, count: usize) {
    for i in 0..count {
        // SAFETY: in bounds per the contract.
        unsafe { first.add(i).write(None) };
    }
}

impl std::ops::Deref for AttributeValues {
    type Target = [Slot];

    fn deref(&self) -> &[Slot] {
        // SAFETY: the block holds `len` initialised slots.
        unsafe { std::slice::from_raw_parts(self.slots(), self.block.as_ref().len as usize) }
    }
}

impl<'a> IntoIterator for &'a AttributeValues {
    type Item = &'a Slot;
    type IntoIter = std::slice::Iter<'a, Slot>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
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
        // and the count of `__slots__` values that follow it (1 word).
        assert_eq!(
            std::mem::size_of::<crate::builtins::instance::InstanceExtension>(),
            40
        );
        let mut values = AttributeValues::default();
        assert!(values.is_empty());
        values.grow_to(2);
        values.store(1, Value::from_i64(7));
        values.grow_to(5);
        values.grow_to(3);
        assert_eq!(values.len(), 5);
        assert_eq!(values[1].as_ref().and_then(Value::as_i64), Some(7));
        assert!(values[4].is_none());
        assert_eq!(values.iter().flatten().count(), 1);
    }

    #[test]
    fn block_layout_is_what_layout_extend_gives() {
        for len in [0, 1, 2, 3, 7, 8, 100, 1 << 20] {
            let (layout, offset) = Layout::new::<Header>()
                .extend(Layout::array::<Slot>(len).unwrap())
                .unwrap();
            let (layout, order) = layout.extend(Layout::array::<u32>(len).unwrap()).unwrap();
            assert_eq!(
                block_layout(len),
                Some((layout.pad_to_align(), offset, order)),
                "len {len}"
            );
        }
        assert_eq!(block_layout(usize::MAX / 4), None);
    }

    #[test]
    fn an_inline_block_is_used_in_place_and_left_when_growing() {
        let size = AttributeValues::inline_size(2).unwrap();
        let mut room = vec![0u64; size / 8];
        let at = room.as_mut_ptr().cast::<u8>();
        // SAFETY: `room` is aligned, sized for the block and outlives it.
        let mut values = unsafe { AttributeValues::init_inline(at, 2) };
        assert_eq!(values.len(), 2);
        values.store(1, Value::from_i64(1));
        values.store(0, Value::from_i64(0));
        assert_eq!(values.order(), &[1, 0]);
        assert!(std::ptr::eq(values.block.as_ptr().cast::<u8>(), at));
        values.grow_to(4);
        assert!(!std::ptr::eq(values.block.as_ptr().cast::<u8>(), at));
        values.store(3, Value::from_i64(3));
        assert_eq!(values.order(), &[1, 0, 3]);
        drop(values);
        drop(room);
        assert_eq!(AttributeValues::inline_size(MAX_LEN + 1), None);
    }

    #[test]
    fn keeps_insertion_order_across_growth_and_removal() {
        let mut values = AttributeValues::default();
        values.grow_to(3);
        values.store(2, Value::from_i64(20));
        values.store(0, Value::from_i64(0));
        values.grow_to(6);
        values.store(4, Value::from_i64(40));
        values.store(2, Value::from_i64(21));
        assert_eq!(values.order(), &[2, 0, 4]);
        assert_eq!(values.remove(2).and_then(|v| v.as_i64()), Some(21));
        assert!(values.remove(2).is_none());
        values.store(2, Value::from_i64(22));
        assert_eq!(values.order(), &[0, 4, 2]);
        let seen: Vec<i64> = values.in_order().filter_map(|(_, v)| v.as_i64()).collect();
        assert_eq!(seen, vec![0, 40, 22]);
    }
}
