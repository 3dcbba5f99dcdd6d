//! The location table (`co_linetable`, PEP 626/657): the source position of
//! every code unit.
//!
//! The table is a sequence of entries, each covering 1–8 code units. The
//! first byte of an entry is `1cccclll`: `cccc` is the form, `lll` the
//! number of code units minus one. Line numbers are deltas from the line of
//! the previous entry that carried one (starting at `co_firstlineno`):
//! - forms 0–9, *short*: same line; one byte `0aaabbbb` gives the column
//!   `form * 8 + aaa` and the end column `column + bbbb`;
//! - forms 10–12, *one line*: line delta `form - 10`, then the column and
//!   end column as one byte each;
//! - form 13, *no column*: a signed varint line delta, no columns;
//! - form 14, *long*: signed varint line delta, varints for the end-line
//!   delta, column + 1 and end column + 1 (0 meaning unknown);
//! - form 15, *no location*.
//!
//! Varints here are little-endian 6-bit groups with bit 6 as continuation;
//! signed varints keep the sign in bit 0. The encoder picks forms exactly as
//! CPython's assembler does, so equal positions give equal bytes; the
//! decoders reproduce `co_positions()` and `co_lines()`.

use std::fmt;

/// A source span, in CPython's convention: lines are 1-based, columns are
/// 0-based UTF-8 byte offsets, and -1 means "unknown" in any field.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Location {
    /// First line, or -1.
    pub line: i32,
    /// Last line, or -1.
    pub end_line: i32,
    /// Start column, or -1.
    pub col: i32,
    /// End column (exclusive), or -1.
    pub end_col: i32,
}

impl Location {
    /// No location at all (artificial instructions).
    pub const NONE: Location = Location {
        line: -1,
        end_line: -1,
        col: -1,
        end_col: -1,
    };

    /// A location from its four fields (-1 for unknown).
    #[must_use]
    pub const fn new(line: i32, end_line: i32, col: i32, end_col: i32) -> Location {
        Location {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// The four fields as `co_positions()` yields them (`None` for -1).
    #[must_use]
    pub fn as_options(self) -> [Option<i32>; 4] {
        [self.line, self.end_line, self.col, self.end_col].map(|v| (v != -1).then_some(v))
    }
}

/// Entry forms (the `cccc` bits).
const FORM_SHORT_MAX: u8 = 9;
const FORM_ONE_LINE0: u8 = 10;
const FORM_ONE_LINE2: u8 = 12;
const FORM_NO_COLUMNS: u8 = 13;
const FORM_LONG: u8 = 14;
const FORM_NONE: u8 = 15;

/// Most code units one entry can cover.
pub const MAX_ENTRY_UNITS: usize = 8;

/// Builds `co_linetable` bytes from instructions' locations, merging
/// consecutive instructions with equal locations and choosing entry forms
/// exactly as CPython's assembler does.
#[derive(Clone, Debug)]
pub struct LocationTableWriter {
    out: Vec<u8>,
    /// Line of the last entry that carried one.
    line: i32,
    pending: Location,
    pending_units: usize,
}

impl LocationTableWriter {
    /// A writer for a code object whose `co_firstlineno` is `first_line`.
    #[must_use]
    pub fn new(first_line: i32) -> LocationTableWriter {
        LocationTableWriter {
            out: Vec::new(),
            line: first_line,
            pending: Location::NONE,
            pending_units: 0,
        }
    }

    /// Records that the next `units` code units (an instruction with its
    /// `EXTENDED_ARG` prefixes and caches) have location `location`.
    pub fn add(&mut self, location: Location, units: usize) {
        if location != self.pending {
            self.flush();
            self.pending = location;
        }
        self.pending_units += units;
    }

    /// The finished table.
    #[must_use]
    pub fn finish(mut self) -> Vec<u8> {
        self.flush();
        self.out
    }

    fn flush(&mut self) {
        let location = self.pending;
        let mut units = self.pending_units;
        self.pending_units = 0;
        while units > 0 {
            let chunk = units.min(MAX_ENTRY_UNITS);
            self.write_entry(location, chunk);
            units -= chunk;
        }
    }

    fn first_byte(&mut self, form: u8, units: usize) {
        self.out.push(0x80 | (form << 3) | ((units - 1) as u8 & 7));
    }

    fn varint(&mut self, mut value: u32) {
        while value >= 64 {
            self.out.push(0x40 | (value & 0x3F) as u8);
            value >>= 6;
        }
        self.out.push(value as u8);
    }

    fn signed_varint(&mut self, value: i32) {
        let encoded = if value < 0 {
            (value.unsigned_abs() << 1) | 1
        } else {
            value.unsigned_abs() << 1
        };
        self.varint(encoded);
    }

    fn write_entry(&mut self, loc: Location, units: usize) {
        if loc.line < 0 {
            self.first_byte(FORM_NONE, units);
            return;
        }
        let line_delta = loc.line.wrapping_sub(self.line);
        let (col, end_col) = (loc.col, loc.end_col);
        if col < 0 || end_col < 0 {
            if loc.end_line == loc.line || loc.end_line == -1 {
                self.first_byte(FORM_NO_COLUMNS, units);
                self.signed_varint(line_delta);
                self.line = loc.line;
                return;
            }
        } else if loc.end_line == loc.line {
            if line_delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
                self.first_byte((col >> 3) as u8, units);
                self.out
                    .push((((col & 7) as u8) << 4) | (end_col - col) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                self.first_byte(FORM_ONE_LINE0 + line_delta as u8, units);
                self.out.push(col as u8);
                self.out.push(end_col as u8);
                self.line = loc.line;
                return;
            }
        }
        self.first_byte(FORM_LONG, units);
        self.signed_varint(line_delta);
        self.varint(loc.end_line.wrapping_sub(loc.line) as u32);
        self.varint(col.wrapping_add(1) as u32);
        self.varint(end_col.wrapping_add(1) as u32);
        self.line = loc.line;
    }
}

/// Encodes a whole table from `(location, code units)` pairs in code order
/// (see [`LocationTableWriter`]).
#[must_use]
pub fn encode_location_table(first_line: i32, instructions: &[(Location, usize)]) -> Vec<u8> {
    let mut writer = LocationTableWriter::new(first_line);
    for &(location, units) in instructions {
        writer.add(location, units);
    }
    writer.finish()
}

/// Why a location table could not be decoded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LocationTableError {
    /// The bytes end inside an entry.
    Truncated {
        /// Byte offset of the incomplete entry.
        offset: usize,
    },
    /// An entry does not start with a byte whose bit 7 is set.
    MissingEntryMark {
        /// Byte offset of the offending byte.
        offset: usize,
    },
    /// A varint is longer than 32 bits can hold.
    Overflow {
        /// Byte offset of the entry.
        offset: usize,
    },
}

impl fmt::Display for LocationTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated { offset } => {
                write!(f, "location table ends inside the entry at byte {offset}")
            }
            Self::MissingEntryMark { offset } => {
                write!(f, "location table byte {offset} does not start an entry")
            }
            Self::Overflow { offset } => {
                write!(
                    f,
                    "location table entry at byte {offset} has an overflowing varint"
                )
            }
        }
    }
}

impl std::error::Error for LocationTableError {}

/// One decoded entry: a run of code units sharing a location.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LocationEntry {
    /// First code unit covered.
    pub start: usize,
    /// Number of code units covered (1–8).
    pub units: usize,
    /// Their location.
    pub location: Location,
}

/// Iterator over the entries of `co_linetable` bytes. Malformed bytes give
/// one error and end the iteration; it never panics.
#[derive(Clone, Debug)]
pub struct LocationEntries<'a> {
    bytes: &'a [u8],
    position: usize,
    line: i32,
    unit: usize,
    failed: bool,
}

/// Decodes `co_linetable` bytes of a code object whose `co_firstlineno` is
/// `first_line` (see [`LocationEntries`]).
#[must_use]
pub fn location_entries(bytes: &[u8], first_line: i32) -> LocationEntries<'_> {
    LocationEntries {
        bytes,
        position: 0,
        line: first_line,
        unit: 0,
        failed: false,
    }
}

impl LocationEntries<'_> {
    fn byte(&mut self, entry: usize) -> Result<u8, LocationTableError> {
        let byte = *self
            .bytes
            .get(self.position)
            .ok_or(LocationTableError::Truncated { offset: entry })?;
        self.position += 1;
        Ok(byte)
    }

    fn varint(&mut self, entry: usize) -> Result<u32, LocationTableError> {
        let mut byte = self.byte(entry)?;
        let mut value = u32::from(byte & 0x3F);
        let mut shift = 0;
        while byte & 0x40 != 0 {
            byte = self.byte(entry)?;
            shift += 6;
            if shift >= 32 {
                return Err(LocationTableError::Overflow { offset: entry });
            }
            value |= u32::from(byte & 0x3F) << shift;
        }
        Ok(value)
    }

    fn signed_varint(&mut self, entry: usize) -> Result<i32, LocationTableError> {
        let value = self.varint(entry)?;
        let magnitude = (value >> 1) as i32;
        Ok(if value & 1 != 0 {
            magnitude.wrapping_neg()
        } else {
            magnitude
        })
    }

    fn entry(&mut self) -> Result<LocationEntry, LocationTableError> {
        let entry = self.position;
        let first = self.byte(entry)?;
        if first & 0x80 == 0 {
            return Err(LocationTableError::MissingEntryMark { offset: entry });
        }
        let form = (first >> 3) & 15;
        let units = usize::from(first & 7) + 1;
        let location = match form {
            FORM_NONE => Location::NONE,
            FORM_LONG => {
                self.line = self.line.wrapping_add(self.signed_varint(entry)?);
                let end_line = self.line.wrapping_add(self.varint(entry)? as i32);
                let col = (self.varint(entry)? as i32).wrapping_sub(1);
                let end_col = (self.varint(entry)? as i32).wrapping_sub(1);
                Location::new(self.line, end_line, col, end_col)
            }
            FORM_NO_COLUMNS => {
                self.line = self.line.wrapping_add(self.signed_varint(entry)?);
                Location::new(self.line, self.line, -1, -1)
            }
            FORM_ONE_LINE0..=FORM_ONE_LINE2 => {
                self.line = self.line.wrapping_add(i32::from(form - FORM_ONE_LINE0));
                let col = i32::from(self.byte(entry)?);
                let end_col = i32::from(self.byte(entry)?);
                Location::new(self.line, self.line, col, end_col)
            }
            _ => {
                debug_assert!(form <= FORM_SHORT_MAX);
                let second = self.byte(entry)?;
                let col = i32::from(form) << 3 | i32::from((second >> 4) & 7);
                Location::new(self.line, self.line, col, col + i32::from(second & 15))
            }
        };
        let start = self.unit;
        self.unit += units;
        Ok(LocationEntry {
            start,
            units,
            location,
        })
    }
}

impl Iterator for LocationEntries<'_> {
    type Item = Result<LocationEntry, LocationTableError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.position >= self.bytes.len() {
            return None;
        }
        let result = self.entry();
        self.failed = result.is_err();
        Some(result)
    }
}

/// The location of every code unit, as `co_positions()` yields them (as many
/// as the table covers).
///
/// # Errors
/// Malformed bytes (see [`LocationTableError`]).
pub fn positions(bytes: &[u8], first_line: i32) -> Result<Vec<Location>, LocationTableError> {
    let mut out = Vec::new();
    for entry in location_entries(bytes, first_line) {
        let entry = entry?;
        out.extend(std::iter::repeat_n(entry.location, entry.units));
    }
    Ok(out)
}

/// One range of `co_lines()`: byte offsets `start..end` on `line` (`None`
/// for code without a line).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LineRange {
    /// First byte offset.
    pub start: usize,
    /// Byte offset after the range.
    pub end: usize,
    /// The line, or `None`.
    pub line: Option<i32>,
}

/// The ranges `co_lines()` yields: consecutive entries on the same line are
/// merged.
///
/// # Errors
/// Malformed bytes (see [`LocationTableError`]).
pub fn lines(bytes: &[u8], first_line: i32) -> Result<Vec<LineRange>, LocationTableError> {
    let mut out: Vec<LineRange> = Vec::new();
    for entry in location_entries(bytes, first_line) {
        let entry = entry?;
        let line = entry.location.as_options()[0];
        let start = entry.start * 2;
        let end = (entry.start + entry.units) * 2;
        match out.last_mut() {
            Some(last) if last.line == line => last.end = end,
            _ => out.push(LineRange { start, end, line }),
        }
    }
    Ok(out)
}

/// The location of the code unit at `unit` (for tracebacks and
/// `frame.f_lineno`); `None` when the table does not cover it or is
/// malformed before it.
#[must_use]
pub fn location_at(bytes: &[u8], first_line: i32, unit: usize) -> Option<Location> {
    for entry in location_entries(bytes, first_line) {
        let entry = entry.ok()?;
        if unit < entry.start + entry.units {
            return Some(entry.location);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_round_trips() {
        let locations = [
            (Location::new(1, 1, 4, 10), 1),
            (Location::new(1, 1, 79, 94), 2),
            (Location::new(3, 3, 100, 120), 9),
            (Location::new(3, 5, 0, 1), 1),
            (Location::new(-1, -1, -1, -1), 3),
            (Location::new(2, 2, -1, -1), 1),
            (Location::new(100_000, 100_000, 200, 300), 1),
            (Location::new(7, 9, -1, -1), 1),
        ];
        let bytes = encode_location_table(1, &locations);
        let decoded = positions(&bytes, 1).unwrap();
        let expected: Vec<Location> = locations
            .iter()
            .flat_map(|&(loc, n)| std::iter::repeat_n(loc, n))
            .collect();
        assert_eq!(decoded, expected);
        assert_eq!(location_at(&bytes, 1, 3), Some(locations[2].0));
        assert_eq!(location_at(&bytes, 1, 1000), None);
    }

    #[test]
    fn hostile_bytes_never_panic() {
        for seed in 0..=255u8 {
            for len in 0..8u8 {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| seed.wrapping_mul(31).wrapping_add(i.wrapping_mul(97)) | 0x80)
                    .collect();
                let _ = positions(&bytes, 1);
                let _ = lines(&bytes, i32::MAX);
                let _ = location_at(&bytes, i32::MIN, 2);
            }
        }
        assert!(positions(&[0xF0 | 0x70, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], 1).is_err());
    }
}
