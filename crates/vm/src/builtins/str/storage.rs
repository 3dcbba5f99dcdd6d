//! [`TextStorage`]: the bytes of a `str` and the facts about them, packed
//! so that a short string is one small object (DESIGN.md decision 11).
//!
//! A `str` payload is 32 bytes: the cached hash, one word of facts (code
//! point count, ASCII and surrogate flags, where the bytes live) and 16
//! bytes of storage. Text of up to [`INLINE_CAPACITY`] bytes — most words,
//! names and keys — lives in those 16 bytes, inside the object, so it costs
//! no second allocation. Longer text lives in one heap block that the
//! storage points at. Only long non-ASCII text needs the position index
//! (see `Str::byte_offset`); its block carries the index's cell after the
//! bytes, so ASCII text pays nothing for it.

use std::alloc::Layout;
use std::cell::OnceCell;
use std::ptr::NonNull;

/// The most bytes stored inside the object.
pub const INLINE_CAPACITY: usize = 16;

/// Code points between two entries of the position index.
pub const INDEX_STRIDE: usize = 64;

/// The lazily built position index of long non-ASCII text: the byte offset
/// of every `INDEX_STRIDE`-th code point.
pub type PositionIndex = OnceCell<Box<[usize]>>;

const ASCII: usize = 1 << 63;
const SURROGATES: usize = 1 << 62;
/// The bytes are in a heap block (else inline).
const HEAP: usize = 1 << 61;
/// The heap block carries a [`PositionIndex`] after the bytes.
const INDEXED: usize = 1 << 60;
/// The code-point count of heap text.
const HEAP_COUNT: usize = INDEXED - 1;
/// Inline text keeps its code-point count in the low byte and its byte
/// length in the next one.
const INLINE_FIELD: usize = 0xFF;
const INLINE_LEN_SHIFT: u32 = 8;

/// A heap block: its start and the text's byte length.
#[derive(Clone, Copy)]
struct HeapBytes {
    start: NonNull<u8>,
    len: usize,
}

/// Inline bytes or a heap block; which one is said by the facts word.
#[repr(C)]
union Bytes {
    inline: [u8; INLINE_CAPACITY],
    heap: HeapBytes,
}

/// The bytes of a `str` with their code-point count and flags.
pub struct TextStorage {
    facts: usize,
    bytes: Bytes,
}

/// Whether text with these facts gets a position index.
fn needs_index(chars: usize, ascii: bool) -> bool {
    !ascii && chars >= 2 * INDEX_STRIDE
}

/// The layout of an indexed heap block of `len` bytes, and the offset of
/// its index cell; `None` if it cannot exist.
fn indexed_layout(len: usize) -> Option<(Layout, usize)> {
    let cell_offset = len.checked_next_multiple_of(std::mem::align_of::<PositionIndex>())?;
    let size = cell_offset.checked_add(std::mem::size_of::<PositionIndex>())?;
    let layout = Layout::from_size_align(size, std::mem::align_of::<PositionIndex>()).ok()?;
    Some((layout, cell_offset))
}

impl TextStorage {
    /// Stores `bytes` (WTF-8) with their code-point count and flags.
    pub fn new(bytes: Vec<u8>, chars: usize, ascii: bool, surrogates: bool) -> TextStorage {
        let mut flags = 0;
        if ascii {
            flags |= ASCII;
        }
        if surrogates {
            flags |= SURROGATES;
        }
        let len = bytes.len();
        if len <= INLINE_CAPACITY {
            let mut inline = [0; INLINE_CAPACITY];
            inline[..len].copy_from_slice(&bytes);
            // An inline count is at most the byte length, so both fit a byte.
            return TextStorage {
                facts: flags | (len << INLINE_LEN_SHIFT) | (chars & INLINE_FIELD),
                bytes: Bytes { inline },
            };
        }
        let chars = chars & HEAP_COUNT;
        if needs_index(chars, ascii)
            && let Some((layout, cell_offset)) = indexed_layout(len)
        {
            // SAFETY: the layout has a non-zero size (it holds the cell).
            let block = unsafe { std::alloc::alloc(layout) };
            let Some(start) = NonNull::new(block) else {
                std::alloc::handle_alloc_error(layout)
            };
            // SAFETY: the block holds `len` bytes, then the cell at an
            // offset aligned for it.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), start.as_ptr(), len);
                start
                    .as_ptr()
                    .add(cell_offset)
                    .cast::<PositionIndex>()
                    .write(PositionIndex::new());
            }
            return TextStorage {
                facts: flags | HEAP | INDEXED | chars,
                bytes: Bytes {
                    heap: HeapBytes { start, len },
                },
            };
        }
        let raw = Box::into_raw(bytes.into_boxed_slice());
        // A boxed slice's pointer is never null (dangling only when empty,
        // and empty text is inline).
        let start = NonNull::new(raw.cast::<u8>()).unwrap_or(NonNull::dangling());
        TextStorage {
            facts: flags | HEAP | chars,
            bytes: Bytes {
                heap: HeapBytes { start, len },
            },
        }
    }

    fn heap(&self) -> Option<HeapBytes> {
        // SAFETY: the HEAP flag says which field is live.
        (self.facts & HEAP != 0).then(|| unsafe { self.bytes.heap })
    }

    /// The WTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self.heap() {
            // SAFETY: the block holds `len` initialised bytes and lives as
            // long as `self`.
            Some(heap) => unsafe { std::slice::from_raw_parts(heap.start.as_ptr(), heap.len) },
            None => {
                let len = (self.facts >> INLINE_LEN_SHIFT) & INLINE_FIELD;
                // SAFETY: without the HEAP flag the inline field is live.
                let inline = unsafe { &self.bytes.inline };
                inline.get(..len).unwrap_or(&[])
            }
        }
    }

    /// The number of code points.
    pub fn char_len(&self) -> usize {
        if self.facts & HEAP != 0 {
            self.facts & HEAP_COUNT
        } else {
            self.facts & INLINE_FIELD
        }
    }

    /// Whether every character is ASCII.
    pub fn is_ascii(&self) -> bool {
        self.facts & ASCII != 0
    }

    /// Whether the text holds lone surrogates.
    pub fn has_surrogates(&self) -> bool {
        self.facts & SURROGATES != 0
    }

    /// The position index cell, for text that has one (long non-ASCII).
    pub fn position_index(&self) -> Option<&PositionIndex> {
        if self.facts & INDEXED == 0 {
            return None;
        }
        let heap = self.heap()?;
        let (_, cell_offset) = indexed_layout(heap.len)?;
        // SAFETY: an indexed block holds an initialised cell at that offset.
        Some(unsafe { &*heap.start.as_ptr().add(cell_offset).cast::<PositionIndex>() })
    }

    /// The bytes this storage allocated outside the object.
    pub fn heap_size(&self) -> usize {
        match self.heap() {
            None => 0,
            Some(heap) if self.facts & INDEXED != 0 => {
                indexed_layout(heap.len).map_or(heap.len, |(layout, _)| layout.size())
            }
            Some(heap) => heap.len,
        }
    }
}

impl Drop for TextStorage {
    fn drop(&mut self) {
        let Some(heap) = self.heap() else {
            return;
        };
        if self.facts & INDEXED != 0 {
            if let Some((layout, cell_offset)) = indexed_layout(heap.len) {
                // SAFETY: the block was allocated with this layout and holds
                // an initialised cell at that offset; it is freed once.
                unsafe {
                    std::ptr::drop_in_place(
                        heap.start.as_ptr().add(cell_offset).cast::<PositionIndex>(),
                    );
                    std::alloc::dealloc(heap.start.as_ptr(), layout);
                }
            }
        } else {
            // SAFETY: the block is the boxed slice made in `new`, freed once.
            drop(unsafe {
                Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                    heap.start.as_ptr(),
                    heap.len,
                ))
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(text: &str) -> TextStorage {
        TextStorage::new(
            text.as_bytes().to_vec(),
            text.chars().count(),
            text.is_ascii(),
            false,
        )
    }

    #[test]
    fn a_str_payload_is_four_words() {
        assert_eq!(std::mem::size_of::<TextStorage>(), 24);
    }

    #[test]
    fn short_long_and_non_ascii_text_round_trip() {
        let long_non_ascii = "é".repeat(300);
        for text in [
            "",
            "a",
            "exactly sixteen!",
            "seventeen bytes!!",
            "héllo",
            "ééééééééé",
            &long_non_ascii,
        ] {
            let s = stored(text);
            assert_eq!(s.as_bytes(), text.as_bytes());
            assert_eq!(s.char_len(), text.chars().count());
            assert_eq!(s.is_ascii(), text.is_ascii());
            assert!(!s.has_surrogates());
        }
        assert!(stored(&long_non_ascii).position_index().is_some());
        assert!(stored(&"a".repeat(300)).position_index().is_none());
        assert_eq!(stored("exactly sixteen!").heap_size(), 0);
        assert_eq!(stored("seventeen bytes!!").heap_size(), 17);
    }
}
