//! The exception table (`co_exceptiontable`): which handler catches an
//! exception raised at a given instruction.
//!
//! Each entry covers a half-open range of code units `[start, end)` and names
//! the handler's code-unit offset, the value-stack depth to unwind to, and
//! whether the offset of the raising instruction (`lasti`) is pushed too.
//! Entries are sorted by `start` and do not overlap. On disk an entry is four
//! unsigned numbers — `start`, `end - start`, `target`, `depth << 1 | lasti` —
//! each a big-endian varint of 6-bit groups (bit 6 = more groups follow);
//! bit 7 marks the first byte of an entry. This is CPython 3.14's format
//! (`InternalDocs/exception_handling.md`); offsets are in code units, `dis`
//! shows them doubled as byte offsets.

use std::fmt;

/// One exception-table entry; offsets in code units.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ExceptionTableEntry {
    /// First code unit covered.
    pub start: u32,
    /// First code unit after the covered range (`end > start`).
    pub end: u32,
    /// Code unit where the handler starts.
    pub target: u32,
    /// Stack depth to unwind to before pushing the exception.
    pub depth: u32,
    /// Whether the raising instruction's offset is pushed before the
    /// exception.
    pub lasti: bool,
}

/// Largest value one field of an entry may hold (CPython asserts
/// `value < 1 << 30`).
pub const MAX_FIELD: u32 = (1 << 30) - 1;

/// Why an exception table could not be encoded or decoded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExceptionTableError {
    /// An entry's range is empty or reversed.
    EmptyRange {
        /// Index of the entry.
        index: usize,
    },
    /// A field does not fit the format (≥ 2^30).
    FieldTooLarge {
        /// Index of the entry.
        index: usize,
    },
    /// The bytes end in the middle of an entry.
    Truncated {
        /// Byte offset where the incomplete entry starts.
        offset: usize,
    },
    /// An entry does not start with a byte whose bit 7 is set, or a later
    /// byte of an entry has it set.
    MissingEntryMark {
        /// Byte offset of the offending byte.
        offset: usize,
    },
    /// A varint is longer than 32 bits can hold.
    Overflow {
        /// Byte offset of the varint.
        offset: usize,
    },
}

impl fmt::Display for ExceptionTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptyRange { index } => write!(f, "exception table entry {index} is empty"),
            Self::FieldTooLarge { index } => {
                write!(
                    f,
                    "exception table entry {index} has a field of 2**30 or more"
                )
            }
            Self::Truncated { offset } => {
                write!(f, "exception table ends inside the entry at byte {offset}")
            }
            Self::MissingEntryMark { offset } => {
                write!(
                    f,
                    "exception table byte {offset} has a wrong entry-start mark"
                )
            }
            Self::Overflow { offset } => {
                write!(f, "exception table varint at byte {offset} overflows")
            }
        }
    }
}

impl std::error::Error for ExceptionTableError {}

const CONTINUATION: u8 = 64;
const ENTRY_START: u8 = 128;

fn write_item(out: &mut Vec<u8>, value: u32, mut mark: u8) {
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3F) as u8 | CONTINUATION | mark);
            mark = 0;
        }
    }
    out.push((value & 0x3F) as u8 | mark);
}

/// Encodes entries as `co_exceptiontable` bytes, byte for byte as CPython's
/// assembler writes them.
///
/// # Errors
/// An entry with `end <= start` or a field of 2^30 or more.
pub fn encode_exception_table(
    entries: &[ExceptionTableEntry],
) -> Result<Vec<u8>, ExceptionTableError> {
    let mut out = Vec::with_capacity(entries.len() * 4);
    for (index, entry) in entries.iter().enumerate() {
        if entry.end <= entry.start {
            return Err(ExceptionTableError::EmptyRange { index });
        }
        let depth_lasti = entry
            .depth
            .checked_mul(2)
            .map(|d| d | u32::from(entry.lasti));
        let fields = [
            Some(entry.start),
            Some(entry.end - entry.start),
            Some(entry.target),
            depth_lasti,
        ];
        if fields.iter().any(|f| f.is_none_or(|v| v > MAX_FIELD)) {
            return Err(ExceptionTableError::FieldTooLarge { index });
        }
        for (i, field) in fields.into_iter().flatten().enumerate() {
            write_item(&mut out, field, if i == 0 { ENTRY_START } else { 0 });
        }
    }
    Ok(out)
}

/// Iterator over the entries of `co_exceptiontable` bytes, decoding lazily
/// (no allocation). Malformed bytes give one error and end the iteration.
#[derive(Clone, Debug)]
pub struct ExceptionTableEntries<'a> {
    bytes: &'a [u8],
    position: usize,
    failed: bool,
}

/// Decodes `co_exceptiontable` bytes lazily (see [`ExceptionTableEntries`]).
#[must_use]
pub fn exception_table_entries(bytes: &[u8]) -> ExceptionTableEntries<'_> {
    ExceptionTableEntries {
        bytes,
        position: 0,
        failed: false,
    }
}

impl ExceptionTableEntries<'_> {
    fn read_item(&mut self, entry_offset: usize, first: bool) -> Result<u32, ExceptionTableError> {
        let item_offset = self.position;
        let mut value: u32 = 0;
        let mut first_byte = true;
        loop {
            let Some(&byte) = self.bytes.get(self.position) else {
                return Err(ExceptionTableError::Truncated {
                    offset: entry_offset,
                });
            };
            let marked = byte & ENTRY_START != 0;
            if marked != (first && first_byte) {
                return Err(ExceptionTableError::MissingEntryMark {
                    offset: self.position,
                });
            }
            self.position += 1;
            if value > (u32::MAX >> 6) {
                return Err(ExceptionTableError::Overflow {
                    offset: item_offset,
                });
            }
            value = (value << 6) | u32::from(byte & 0x3F);
            first_byte = false;
            if byte & CONTINUATION == 0 {
                return Ok(value);
            }
        }
    }

    fn read_entry(&mut self) -> Result<ExceptionTableEntry, ExceptionTableError> {
        let entry_offset = self.position;
        let start = self.read_item(entry_offset, true)?;
        let length = self.read_item(entry_offset, false)?;
        let target = self.read_item(entry_offset, false)?;
        let depth_lasti = self.read_item(entry_offset, false)?;
        let end = start
            .checked_add(length)
            .ok_or(ExceptionTableError::Overflow {
                offset: entry_offset,
            })?;
        Ok(ExceptionTableEntry {
            start,
            end,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        })
    }
}

impl Iterator for ExceptionTableEntries<'_> {
    type Item = Result<ExceptionTableEntry, ExceptionTableError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.position >= self.bytes.len() {
            return None;
        }
        let result = self.read_entry();
        self.failed = result.is_err();
        Some(result)
    }
}

/// Decodes all entries of `co_exceptiontable` bytes.
///
/// # Errors
/// Malformed bytes (see [`ExceptionTableError`]).
pub fn decode_exception_table(
    bytes: &[u8],
) -> Result<Vec<ExceptionTableEntry>, ExceptionTableError> {
    exception_table_entries(bytes).collect()
}

/// The handler for an exception raised at code unit `offset`: the entry
/// whose range contains it, found by a scan that stops at the first entry
/// starting after `offset`. Malformed bytes count as "no handler".
#[must_use]
pub fn find_handler(bytes: &[u8], offset: u32) -> Option<ExceptionTableEntry> {
    for entry in exception_table_entries(bytes) {
        let entry = entry.ok()?;
        if entry.start > offset {
            return None;
        }
        if offset < entry.end {
            return Some(entry);
        }
    }
    None
}

/// `co_exceptiontable` decoded once per code object, so that unwinding
/// (which looks a handler up in every frame it passes) compares entries
/// instead of decoding varints: the lookup was about 150 instructions for
/// a typical 40-byte table. Answers exactly as [`find_handler`] on the
/// bytes, malformed ones included (the entries before the first malformed
/// one are kept).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandlerTable {
    entries: Box<[ExceptionTableEntry]>,
}

impl HandlerTable {
    /// Decodes `co_exceptiontable` bytes.
    #[must_use]
    pub fn new(bytes: &[u8]) -> HandlerTable {
        let entries = exception_table_entries(bytes)
            .map_while(Result::ok)
            .collect();
        HandlerTable { entries }
    }

    /// The handler for an exception raised at code unit `offset` (see
    /// [`find_handler`]).
    #[must_use]
    pub fn find(&self, offset: u32) -> Option<ExceptionTableEntry> {
        for entry in &self.entries {
            if entry.start > offset {
                return None;
            }
            if offset < entry.end {
                return Some(*entry);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(start: u32, end: u32, target: u32, depth: u32, lasti: bool) -> ExceptionTableEntry {
        ExceptionTableEntry {
            start,
            end,
            target,
            depth,
            lasti,
        }
    }

    #[test]
    fn round_trips_large_values() {
        let entries = [
            entry(0, 1, 2, 0, false),
            entry(63, 64, 64, 31, true),
            entry(4095, 4096 + 262_144, 1 << 24, 1000, true),
            entry(MAX_FIELD - 1, MAX_FIELD, MAX_FIELD, MAX_FIELD / 2, true),
        ];
        let bytes = encode_exception_table(&entries).unwrap();
        assert_eq!(decode_exception_table(&bytes).unwrap(), entries);
        assert_eq!(find_handler(&bytes, 63), Some(entries[1]));
        assert_eq!(find_handler(&bytes, 62), None);
        assert_eq!(find_handler(&bytes, 5000), Some(entries[2]));
    }

    #[test]
    fn rejects_bad_entries() {
        assert_eq!(
            encode_exception_table(&[entry(3, 3, 0, 0, false)]),
            Err(ExceptionTableError::EmptyRange { index: 0 })
        );
        assert_eq!(
            encode_exception_table(&[entry(0, 1, 1 << 30, 0, false)]),
            Err(ExceptionTableError::FieldTooLarge { index: 0 })
        );
    }

    #[test]
    fn find_handler_agrees_with_the_decoded_table() {
        let entries = [
            entry(2, 5, 40, 1, false),
            entry(5, 9, 44, 0, true),
            entry(70, 4200, 5000, 3, true),
            entry(4200, 4201, 7, 2, false),
        ];
        let bytes = encode_exception_table(&entries).unwrap();
        for offset in 0..4300 {
            let expected = entries
                .iter()
                .find(|e| e.start <= offset && offset < e.end)
                .copied();
            assert_eq!(find_handler(&bytes, offset), expected, "offset {offset}");
        }
        assert_eq!(find_handler(&[], 0), None);
    }

    #[test]
    fn handler_table_answers_as_find_handler() {
        let entries = [
            entry(2, 5, 40, 1, false),
            entry(5, 9, 44, 0, true),
            entry(70, 4200, 5000, 3, true),
        ];
        let bytes = encode_exception_table(&entries).unwrap();
        let table = HandlerTable::new(&bytes);
        for offset in 0..4300 {
            assert_eq!(table.find(offset), find_handler(&bytes, offset));
        }
        for len in 0..8 {
            for seed in 0..=255u8 {
                let bytes: Vec<u8> = (0..len).map(|i| seed.wrapping_mul(i as u8 + 3)).collect();
                let table = HandlerTable::new(&bytes);
                for offset in 0..70 {
                    assert_eq!(table.find(offset), find_handler(&bytes, offset));
                }
            }
        }
    }

    #[test]
    fn hostile_bytes_never_panic() {
        for len in 0..6 {
            for seed in 0..=255u8 {
                let bytes: Vec<u8> = (0..len).map(|i| seed.wrapping_mul(i as u8 + 7)).collect();
                let _ = decode_exception_table(&bytes);
                let _ = find_handler(&bytes, 3);
            }
        }
        assert!(decode_exception_table(&[0xFF; 20]).is_err());
        assert_eq!(
            decode_exception_table(&[0x80, 1]),
            Err(ExceptionTableError::Truncated { offset: 0 })
        );
    }
}
