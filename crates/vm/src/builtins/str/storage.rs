//! [`TextStorage`]: the bytes of a `str` and the facts about them, packed
//! so that a short string is one small object (DESIGN.md decision 11).
//!
//! A `str` payload is three words: the cached hash, one word of facts
//! (code-point count, ASCII and surrogate flags, where the bytes live) and
//! one word of storage, so a `str` object is 40 bytes. Text of up to
//! [`INLINE_CAPACITY`] bytes — short words, numbers, most keys — lives in
//! that word, inside the object, and costs no second allocation. Longer
//! text lives in one heap block that the word points at: ASCII text is
//! its bytes alone (its length is its code-point count), other text starts
//! with its byte length. Only long non-ASCII text needs the position index
//! (see `Str::byte_offset`); its block carries the index's cell in that
//! header, so other text pays nothing for it.

use std::alloc::Layout;
use std::cell::OnceCell;
use std::ptr::NonNull;

/// The most bytes stored inside the object.
pub const INLINE_CAPACITY: usize = 8;

/// Code points between two entries of the position index.
pub const INDEX_STRIDE: usize = 64;

/// The lazily built position index of long non-ASCII text: the byte offset
/// of every `INDEX_STRIDE`-th code point.
pub type PositionIndex = OnceCell<Box<[usize]>>;

const ASCII: usize = 1 << 63;
const SURROGATES: usize = 1 << 62;
/// The bytes are in a heap block (else inline).
const HEAP: usize = 1 << 61;
/// The heap block carries a [`PositionIndex`] before the bytes.
const INDEXED: usize = 1 << 60;
/// The code-point count of heap text.
const HEAP_COUNT: usize = INDEXED - 1;
/// Inline text keeps its code-point count in the low byte and its byte
/// length in the next one.
const INLINE_FIELD: usize = 0xFF;
const INLINE_LEN_SHIFT: u32 = 8;

/// Inline bytes or the start of a heap block; which one is said by the
/// facts word.
#[repr(C)]
union Bytes {
    inline: [u8; INLINE_CAPACITY],
    heap: NonNull<u8>,
}

/// The bytes of a `str` with their code-point count and flags.
///
/// Heap blocks: ASCII text is its bytes alone (its byte length is its
/// code-point count); other text starts with a header — the byte length,
/// then for long text the position index cell — followed by the bytes.
pub struct TextStorage {
    facts: usize,
    bytes: Bytes,
}

/// Whether text with these facts gets a position index.
fn needs_index(chars: usize, ascii: bool) -> bool {
    !ascii && chars >= 2 * INDEX_STRIDE
}

/// The facts' flag bits for text with these properties.
fn fact_flags(ascii: bool, surrogates: bool) -> usize {
    let mut flags = 0;
    if ascii {
        flags |= ASCII;
    }
    if surrogates {
        flags |= SURROGATES;
    }
    flags
}

/// The header size of a non-ASCII heap block (with the index cell or not).
fn header_size(indexed: bool) -> usize {
    if indexed {
        std::mem::size_of::<usize>() + std::mem::size_of::<PositionIndex>()
    } else {
        std::mem::size_of::<usize>()
    }
}

/// The layout of a non-ASCII heap block holding `len` bytes; `None` if it
/// cannot exist.
fn block_layout(len: usize, indexed: bool) -> Option<Layout> {
    let size = header_size(indexed).checked_add(len)?;
    Layout::from_size_align(size, std::mem::align_of::<PositionIndex>()).ok()
}

impl TextStorage {
    /// Stores `bytes` (WTF-8) with their code-point count and flags; aborts
    /// when memory is out (as the vector it is given would have).
    pub fn new(bytes: Vec<u8>, chars: usize, ascii: bool, surrogates: bool) -> TextStorage {
        let len = bytes.len();
        if len > INLINE_CAPACITY && ascii && chars == len {
            // ASCII heap text keeps the vector's block: no copy.
            return Self::ascii_heap(fact_flags(true, surrogates), bytes.into_boxed_slice());
        }
        match Self::build(len, chars, ascii, surrogates, |out| {
            out.copy_from_slice(&bytes)
        }) {
            Some(storage) => storage,
            None => std::alloc::handle_alloc_error(
                block_layout(len, needs_index(chars, ascii)).unwrap_or(Layout::new::<usize>()),
            ),
        }
    }

    /// Storage for `len` bytes of WTF-8 with the given facts, written in
    /// place by `fill` (handed exactly `len` bytes, zeroed): short text is
    /// written inside the object and longer text into its heap block, with
    /// no intermediate buffer. `fill` must write valid WTF-8 that matches
    /// the facts (the same promise as [`new`](Self::new)'s arguments).
    /// `None` (and `fill` not called) when the memory cannot be had.
    pub fn build(
        len: usize,
        chars: usize,
        ascii: bool,
        surrogates: bool,
        fill: impl FnOnce(&mut [u8]),
    ) -> Option<TextStorage> {
        // ASCII heap text is found by its count, so the flag must be true.
        let ascii = ascii && chars == len;
        let flags = fact_flags(ascii, surrogates);
        if len <= INLINE_CAPACITY {
            let mut inline = [0; INLINE_CAPACITY];
            fill(inline.get_mut(..len)?);
            // An inline count is at most the byte length, so both fit a byte.
            return Some(TextStorage {
                facts: flags | (len << INLINE_LEN_SHIFT) | (chars & INLINE_FIELD),
                bytes: Bytes { inline },
            });
        }
        if ascii {
            let mut block = Vec::new();
            block.try_reserve_exact(len).ok()?;
            block.resize(len, 0u8);
            // Exactly `len` of capacity: boxing does not reallocate.
            let mut block = block.into_boxed_slice();
            fill(&mut block);
            return Some(Self::ascii_heap(flags, block));
        }
        let indexed = needs_index(chars, ascii);
        let start = Self::try_alloc_block(len, indexed)?;
        // SAFETY: the block holds its header, then `len` bytes, which are
        // zeroed before the slice over them is made.
        unsafe {
            let at = start.as_ptr().add(header_size(indexed));
            std::ptr::write_bytes(at, 0, len);
            fill(std::slice::from_raw_parts_mut(at, len));
        }
        let indexed_flag = if indexed { INDEXED } else { 0 };
        Some(TextStorage {
            facts: flags | HEAP | indexed_flag | (chars & HEAP_COUNT),
            bytes: Bytes { heap: start },
        })
    }

    /// Heap storage of ASCII text longer than the inline room: the block is
    /// the bytes alone, found by the count in the facts.
    fn ascii_heap(flags: usize, block: Box<[u8]>) -> TextStorage {
        let len = block.len();
        let raw = Box::into_raw(block);
        // A non-empty boxed slice's pointer is never null.
        let start = NonNull::new(raw.cast::<u8>()).unwrap_or(NonNull::dangling());
        TextStorage {
            facts: flags | HEAP | (len & HEAP_COUNT),
            bytes: Bytes { heap: start },
        }
    }

    /// A non-ASCII heap block for `len` bytes, its header written (the
    /// bytes are left for the caller); `None` when memory is out.
    fn try_alloc_block(len: usize, indexed: bool) -> Option<NonNull<u8>> {
        let layout = block_layout(len, indexed)?;
        if layout.size() > isize::MAX as usize {
            return None;
        }
        // SAFETY: the layout has a non-zero size (it holds the header).
        let start = NonNull::new(unsafe { std::alloc::alloc(layout) })?;
        // SAFETY: the block is aligned for the header and holds it.
        unsafe {
            start.as_ptr().cast::<usize>().write(len);
            if indexed {
                start
                    .as_ptr()
                    .add(std::mem::size_of::<usize>())
                    .cast::<PositionIndex>()
                    .write(PositionIndex::new());
            }
        }
        Some(start)
    }

    fn heap(&self) -> Option<NonNull<u8>> {
        if self.facts & HEAP == 0 {
            return None;
        }
        // SAFETY: the HEAP flag says the heap field is live (reading it
        // otherwise could see zero bytes as a null pointer).
        Some(unsafe { self.bytes.heap })
    }

    fn indexed(&self) -> bool {
        self.facts & INDEXED != 0
    }

    /// The heap block's start, its byte length and where its bytes start.
    fn heap_parts(&self) -> Option<(NonNull<u8>, usize, usize)> {
        let start = self.heap()?;
        if self.is_ascii() {
            return Some((start, self.facts & HEAP_COUNT, 0));
        }
        // SAFETY: a non-ASCII block starts with its byte length.
        let len = unsafe { start.as_ptr().cast::<usize>().read() };
        Some((start, len, header_size(self.indexed())))
    }

    /// The WTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self.heap_parts() {
            // SAFETY: the block holds `len` initialised bytes at `offset`
            // and lives as long as `self`.
            Some((start, len, offset)) => unsafe {
                std::slice::from_raw_parts(start.as_ptr().add(offset), len)
            },
            None => {
                let len = (self.facts >> INLINE_LEN_SHIFT) & INLINE_FIELD;
                // SAFETY: without the HEAP flag the inline field is live.
                let inline = unsafe { &self.bytes.inline };
                inline.get(..len).unwrap_or(&[])
            }
        }
    }

    /// How the bytes of `self` and `other` order (lexicographically).
    /// Two inline texts compare as two words, without a library call.
    #[inline]
    pub fn cmp_bytes(&self, other: &TextStorage) -> std::cmp::Ordering {
        if (self.facts | other.facts) & HEAP == 0 {
            // SAFETY: without the HEAP flag the inline field is live; its
            // bytes past the length are zero (see `new`), so as big-endian
            // words the texts order as their bytes do up to the shorter
            // length, and a tie there is decided by the lengths.
            let (x, y) = unsafe { (self.bytes.inline, other.bytes.inline) };
            let (x, y) = (u64::from_be_bytes(x), u64::from_be_bytes(y));
            let len = |facts: usize| (facts >> INLINE_LEN_SHIFT) & INLINE_FIELD;
            return x.cmp(&y).then(len(self.facts).cmp(&len(other.facts)));
        }
        self.as_bytes().cmp(other.as_bytes())
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
        if !self.indexed() {
            return None;
        }
        let start = self.heap()?;
        // SAFETY: an indexed block holds an initialised cell after the length.
        Some(unsafe {
            &*start
                .as_ptr()
                .add(std::mem::size_of::<usize>())
                .cast::<PositionIndex>()
        })
    }

    /// The bytes this storage allocated outside the object.
    pub fn heap_size(&self) -> usize {
        match self.heap_parts() {
            None => 0,
            Some((_, len, offset)) => offset + len,
        }
    }
}

impl Drop for TextStorage {
    fn drop(&mut self) {
        let Some((start, len, _)) = self.heap_parts() else {
            return;
        };
        if self.is_ascii() {
            // SAFETY: the block is the boxed slice made in `new`, freed once.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(start.as_ptr(), len)) });
            return;
        }
        let indexed = self.indexed();
        if let Some(layout) = block_layout(len, indexed) {
            // SAFETY: the block was allocated with this layout (and an
            // indexed one holds an initialised cell); it is freed once.
            unsafe {
                if indexed {
                    std::ptr::drop_in_place(
                        start
                            .as_ptr()
                            .add(std::mem::size_of::<usize>())
                            .cast::<PositionIndex>(),
                    );
                }
                std::alloc::dealloc(start.as_ptr(), layout);
            }
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
    fn cmp_bytes_orders_as_the_bytes_do() {
        let texts = [
            "",
            "\0",
            "\0\0",
            "a",
            "a\0",
            "ab",
            "abc",
            "b",
            "eight ch",
            "eight chars",
            "nine char",
            "é",
            "ée",
            "\u{20ac}",
            "\u{1f600}",
            "zzzzzzzzz",
            "zzzzzzzz",
        ];
        for x in texts {
            for y in texts {
                assert_eq!(
                    stored(x).cmp_bytes(&stored(y)),
                    x.as_bytes().cmp(y.as_bytes()),
                    "{x:?} vs {y:?}"
                );
            }
        }
    }

    #[test]
    fn built_in_place_matches_stored() {
        let long_non_ascii = "é".repeat(300);
        for text in [
            "",
            "a",
            "eight ch",
            "nine char",
            "éééé",
            "ééééé",
            "exactly sixteen!",
            &long_non_ascii,
        ] {
            let chars = text.chars().count();
            let built = TextStorage::build(text.len(), chars, text.is_ascii(), false, |out| {
                out.copy_from_slice(text.as_bytes())
            });
            let Some(built) = built else {
                panic!("no storage for {text:?}");
            };
            let stored = stored(text);
            assert_eq!(built.as_bytes(), stored.as_bytes());
            assert_eq!(built.char_len(), stored.char_len());
            assert_eq!(built.is_ascii(), stored.is_ascii());
            assert_eq!(built.heap_size(), stored.heap_size());
            assert_eq!(
                built.position_index().is_some(),
                stored.position_index().is_some()
            );
        }
    }

    #[test]
    fn text_storage_is_two_words() {
        assert_eq!(std::mem::size_of::<TextStorage>(), 16);
        assert_eq!(std::mem::size_of::<super::super::Str>(), 24);
    }

    #[test]
    fn short_long_and_non_ascii_text_round_trip() {
        let long_non_ascii = "é".repeat(300);
        for text in [
            "",
            "a",
            "eight ch",
            "nine char",
            "ééé",
            "éééé",
            "ééééé",
            "exactly sixteen!",
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
        assert!(stored("ééé").position_index().is_none());
        assert_eq!(stored("eight ch").heap_size(), 0);
        assert_eq!(stored("nine char").heap_size(), 9);
        assert_eq!(stored("éééé").heap_size(), 0);
        assert_eq!(stored("ééééé").heap_size(), 18);
    }
}
