//! [`Wtf8Buf`]: the text of Python `str` values, which are sequences of code
//! points that may include lone surrogates (U+D800..U+DFFF), e.g. `'\udc80'`.
//!
//! The bytes are "generalized UTF-8": ordinary UTF-8, except that a surrogate
//! code point is stored as the 3-byte sequence UTF-8's encoding scheme would
//! give it (`ED A0 80`..`ED BF BF`). Surrogates are **never joined**: pushing
//! U+D83D then U+DE00 stores two 3-byte halves and iterates back as two code
//! points, exactly as CPython keeps `'\ud83d\ude00'` as a string of length 2
//! (distinct from `'😀'`). A buffer without surrogates is valid UTF-8 and
//! [`Wtf8Buf::as_str`] returns it.

use std::fmt;

/// The error of [`Wtf8Buf::push_code_point`] for a value above U+10FFFF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodePointOutOfRange(pub u32);

impl fmt::Display for CodePointOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code point {:#x} is above U+10FFFF", self.0)
    }
}

impl std::error::Error for CodePointOutOfRange {}

/// An owned, growable string of code points (surrogates allowed).
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Wtf8Buf {
    bytes: Vec<u8>,
}

impl Wtf8Buf {
    /// An empty string.
    pub const fn new() -> Self {
        Self { bytes: Vec::new() }
    }

    /// An empty string with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            bytes: Vec::with_capacity(capacity),
        }
    }

    /// Appends a character.
    pub fn push(&mut self, ch: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends a string.
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends another code-point string as is (surrogates are not joined).
    pub fn push_wtf8(&mut self, other: &Wtf8Buf) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    /// Appends any code point up to U+10FFFF, including a surrogate, which is
    /// stored as its own 3-byte sequence and never joined with a neighbour.
    pub fn push_code_point(&mut self, cp: u32) -> Result<(), CodePointOutOfRange> {
        if let Some(ch) = char::from_u32(cp) {
            self.push(ch);
            Ok(())
        } else if (0xD800..=0xDFFF).contains(&cp) {
            self.bytes.extend_from_slice(&[
                0xE0 | (cp >> 12) as u8,
                0x80 | ((cp >> 6) & 0x3F) as u8,
                0x80 | (cp & 0x3F) as u8,
            ]);
            Ok(())
        } else {
            Err(CodePointOutOfRange(cp))
        }
    }

    /// The stored bytes (generalized UTF-8).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The text as `&str` if it holds no surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// Number of bytes stored.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The code points, in order (surrogates included as themselves).
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes }
    }

    /// Number of code points (Python's `len()` of the string).
    pub fn code_point_count(&self) -> usize {
        // Every code point has exactly one non-continuation byte.
        self.bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }
}

impl From<String> for Wtf8Buf {
    fn from(s: String) -> Self {
        Self {
            bytes: s.into_bytes(),
        }
    }
}

impl From<&str> for Wtf8Buf {
    fn from(s: &str) -> Self {
        Self {
            bytes: s.as_bytes().to_vec(),
        }
    }
}

impl fmt::Debug for Wtf8Buf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for cp in self.code_points() {
            match char::from_u32(cp) {
                Some(ch) => write!(f, "{}", ch.escape_debug())?,
                None => write!(f, "\\u{{{cp:x}}}")?,
            }
        }
        f.write_str("\"")
    }
}

/// Iterator over the code points of a [`Wtf8Buf`], yielded as `u32`.
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (&first, rest) = self.bytes.split_first()?;
        let (len, init) = match first {
            0x00..=0x7F => (1, u32::from(first)),
            0xC0..=0xDF => (2, u32::from(first & 0x1F)),
            0xE0..=0xEF => (3, u32::from(first & 0x0F)),
            _ => (4, u32::from(first & 0x07)),
        };
        // The buffer only ever holds whole sequences, so `len - 1` bytes follow;
        // stop cleanly rather than panic if that were ever violated.
        let Some(tail) = rest.get(..len - 1) else {
            self.bytes = &[];
            return None;
        };
        let cp = tail
            .iter()
            .fold(init, |acc, &b| (acc << 6) | u32::from(b & 0x3F));
        self.bytes = &rest[len - 1..];
        Some(cp)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.bytes.len().div_ceil(4), Some(self.bytes.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogates_are_stored_unjoined() {
        let mut s = Wtf8Buf::from("a");
        s.push_code_point(0xD83D).unwrap();
        s.push_code_point(0xDE00).unwrap();
        s.push('é');
        s.push_code_point(0x1F600).unwrap();
        assert_eq!(s.len(), 1 + 3 + 3 + 2 + 4);
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xD83D, 0xDE00, 0xE9, 0x1F600]
        );
        assert_eq!(s.code_point_count(), 5);
        assert_eq!(s.as_str(), None);
        assert_eq!(
            s.push_code_point(0x110000),
            Err(CodePointOutOfRange(0x110000))
        );
    }

    #[test]
    fn plain_text_round_trips() {
        let s = Wtf8Buf::from(String::from("héllo 😀"));
        assert_eq!(s.as_str(), Some("héllo 😀"));
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            "héllo 😀".chars().map(u32::from).collect::<Vec<_>>()
        );
    }
}
