//! Byte ranges into decoded (UTF-8) source text.
//!
//! Every AST node carries a [`TextRange`]; CPython's `lineno`, `col_offset`,
//! `end_lineno` and `end_col_offset` are derived from it through a
//! [`crate::LineIndex`], so nodes stay small and positions stay exact.

/// A half-open range `start..end` of byte offsets into the decoded source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRange {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl TextRange {
    /// The range `start..end`.
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// An empty range at `offset`.
    pub const fn empty(offset: u32) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    /// The smallest range covering both `self` and `other`.
    pub fn cover(self, other: TextRange) -> Self {
        Self {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Number of bytes in the range.
    pub const fn len(self) -> u32 {
        self.end - self.start
    }

    /// Whether the range holds no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_takes_the_outer_bounds() {
        let a = TextRange::new(3, 5);
        let b = TextRange::new(1, 4);
        assert_eq!(a.cover(b), TextRange::new(1, 5));
        assert_eq!(a.len(), 2);
        assert!(TextRange::empty(7).is_empty());
    }
}
