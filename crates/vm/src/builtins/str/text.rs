//! Walking and building the WTF-8 text of `str` values: a double-ended
//! code-point iterator over the bytes, and [`StrBuilder`], which produces a
//! `str` while tracking its length, ASCII flag and surrogates so nothing is
//! scanned twice.
//!
//! The bytes are "generalized UTF-8" (see `krait_syntax::wtf8`): every code
//! point, a lone surrogate included, is one UTF-8-shaped sequence and
//! surrogates are never joined, so substring search on bytes is search on
//! code points and byte slices at sequence boundaries are valid `str`s.

use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// The number of bytes of the sequence starting with `first`.
pub fn sequence_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Whether `b` continues a sequence (is not its first byte).
pub fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The number of code points in WTF-8 bytes.
pub fn count_code_points(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
}

/// Appends the generalized UTF-8 sequence of `cp` (any value up to U+10FFFF,
/// surrogates included).
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => out.extend_from_slice(&[
            0xF0 | ((cp >> 18) & 0x07) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

fn decode(seq: &[u8]) -> u32 {
    let Some((&first, tail)) = seq.split_first() else {
        return 0;
    };
    let init = match seq.len() {
        1 => return u32::from(first),
        2 => u32::from(first & 0x1F),
        3 => u32::from(first & 0x0F),
        _ => u32::from(first & 0x07),
    };
    tail.iter()
        .fold(init, |acc, &b| (acc << 6) | u32::from(b & 0x3F))
}

/// The code points of WTF-8 bytes, from either end.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

/// Iterates over the code points of WTF-8 bytes.
pub fn code_points(bytes: &[u8]) -> CodePoints<'_> {
    CodePoints { bytes }
}

impl<'a> CodePoints<'a> {
    /// The bytes not yet iterated.
    pub fn rest(&self) -> &'a [u8] {
        self.bytes
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let &first = self.bytes.first()?;
        let len = sequence_len(first).min(self.bytes.len());
        let (seq, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Some(decode(seq))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.bytes.len().div_ceil(4), Some(self.bytes.len()))
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.bytes.is_empty() {
            return None;
        }
        let mut start = self.bytes.len() - 1;
        while start > 0 && is_continuation(self.bytes[start]) {
            start -= 1;
        }
        let (rest, seq) = self.bytes.split_at(start);
        self.bytes = rest;
        Some(decode(seq))
    }
}

/// Facts about WTF-8 bytes: code points, whether all ASCII, whether any
/// lone surrogate.
pub fn scan(bytes: &[u8]) -> (usize, bool, bool) {
    let mut chars = 0;
    let mut ascii = true;
    let mut surrogates = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !is_continuation(b) {
            chars += 1;
        }
        if b >= 0x80 {
            ascii = false;
            if b == 0xED && bytes.get(i + 1).is_some_and(|&n| n >= 0xA0) {
                surrogates = true;
            }
        }
        i += 1;
    }
    (chars, ascii, surrogates)
}

/// A `str` under construction.
#[derive(Default)]
pub struct StrBuilder {
    bytes: Vec<u8>,
    chars: usize,
    non_ascii: bool,
    surrogates: bool,
}

impl StrBuilder {
    /// An empty builder with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> StrBuilder {
        StrBuilder {
            bytes: Vec::with_capacity(capacity),
            ..StrBuilder::default()
        }
    }

    /// Appends one code point.
    pub fn push(&mut self, cp: u32) {
        self.chars += 1;
        if cp >= 0x80 {
            self.non_ascii = true;
            if (0xD800..0xE000).contains(&cp) {
                self.surrogates = true;
            }
        }
        push_code_point(&mut self.bytes, cp);
    }

    /// Appends a `char`.
    pub fn push_char(&mut self, c: char) {
        self.push(u32::from(c));
    }

    /// Appends Rust text.
    pub fn push_str(&mut self, s: &str) {
        self.chars += s.chars().count();
        self.non_ascii |= !s.is_ascii();
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends a whole `str`.
    pub fn push_payload(&mut self, s: &Str) {
        self.chars += s.char_len();
        self.non_ascii |= !s.is_ascii();
        self.surrogates |= s.has_surrogates();
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends WTF-8 bytes cut from a `str` at sequence boundaries.
    pub fn push_wtf8(&mut self, bytes: &[u8]) {
        let (chars, ascii, surrogates) = scan(bytes);
        self.chars += chars;
        self.non_ascii |= !ascii;
        self.surrogates |= surrogates;
        self.bytes.extend_from_slice(bytes);
    }

    /// Code points appended so far.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Bytes appended so far.
    pub fn byte_len(&self) -> usize {
        self.bytes.len()
    }

    /// Reserves room, failing with `MemoryError` rather than aborting.
    pub fn reserve(&mut self, vm: &mut Vm, additional: usize) -> PyResult<()> {
        self.bytes
            .try_reserve(additional)
            .map_err(|_| vm.memory_error())
    }

    /// The finished payload.
    pub fn into_payload(self) -> Str {
        Str::from_parts(self.bytes, self.chars, !self.non_ascii, self.surrogates)
    }

    /// The finished `str` value.
    pub fn finish(self, vm: &mut Vm) -> PyResult<Value> {
        if self.bytes.is_empty() {
            return vm.new_str("");
        }
        if self.chars == 1 {
            let cp = code_points(&self.bytes).next().unwrap_or(0);
            if cp < 256 {
                return vm.new_char(cp);
            }
        }
        let payload = self.into_payload();
        let s = vm.alloc(&vm.types.str.clone(), payload)?;
        Ok(Value::from_object(s.into_obj()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_walk_both_ways_including_surrogates() {
        let mut bytes = Vec::new();
        for cp in [0x61, 0xD83D, 0xDE00, 0xE9, 0x1F600] {
            push_code_point(&mut bytes, cp);
        }
        let forward: Vec<u32> = code_points(&bytes).collect();
        assert_eq!(forward, vec![0x61, 0xD83D, 0xDE00, 0xE9, 0x1F600]);
        let backward: Vec<u32> = code_points(&bytes).rev().collect();
        assert_eq!(backward, vec![0x1F600, 0xE9, 0xDE00, 0xD83D, 0x61]);
        assert_eq!(scan(&bytes), (5, false, true));
        assert_eq!(scan("héllo".as_bytes()), (5, false, false));
        assert_eq!(scan(b"abc"), (3, true, false));
    }
}
