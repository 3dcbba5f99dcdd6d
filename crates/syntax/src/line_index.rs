//! Maps byte offsets in decoded source text to CPython-style positions.
//!
//! CPython reports a node's position as a 1-based line number and a 0-based
//! column counted in UTF-8 bytes from the start of that line. The index keeps
//! the offset at which every line starts and answers with a binary search.
//! Lines end at `\n`, `\r\n` or a lone `\r` (universal newlines), as in CPython.

/// The start offset of every line of one source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    /// Builds the index of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        // Line ends are rare bytes: let memchr's vectorised search find them.
        let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
        while let Some(i) = ends.next() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                // `\r\n` is one line end: skip the `\n` the search found next.
                ends.next();
                line_starts.push(offset_u32(i + 2));
            } else {
                line_starts.push(offset_u32(i + 1));
            }
        }
        Self { line_starts }
    }

    /// An index over given line starts (ascending, the first 0): for trees
    /// built without source text (`compile()` of `ast` objects), whose
    /// positions are encoded as offsets on synthetic lines.
    pub fn from_line_starts(line_starts: Vec<u32>) -> Self {
        if line_starts.first() == Some(&0) {
            Self { line_starts }
        } else {
            let mut starts = vec![0];
            starts.extend(line_starts.into_iter().filter(|&s| s > 0));
            Self {
                line_starts: starts,
            }
        }
    }

    /// The 1-based line number holding `offset`.
    pub fn line_number(&self, offset: u32) -> u32 {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        // `partition_point` is at least 1 because the first line starts at 0.
        offset_u32(line.max(1))
    }

    /// `(lineno, col_offset)` of `offset`: 1-based line, 0-based UTF-8 byte column.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_number(offset);
        let start = self.line_starts[line as usize - 1];
        (line, offset - start)
    }

    /// Offset at which the 1-based line `lineno` starts, if the text has that line.
    pub fn line_start(&self, lineno: u32) -> Option<u32> {
        let index = (lineno as usize).checked_sub(1)?;
        self.line_starts.get(index).copied()
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// Converts a byte offset to `u32`. Source texts are limited to `u32::MAX`
/// bytes before they reach the index (larger input is rejected when decoded).
fn offset_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_lines_map_back() {
        let index = LineIndex::from_line_starts(vec![0, 100, 200]);
        assert_eq!(index.line_col(0), (1, 0));
        assert_eq!(index.line_col(105), (2, 5));
        assert_eq!(index.line_col(250), (3, 50));
        let shifted = LineIndex::from_line_starts(vec![7, 9]);
        assert_eq!(shifted.line_col(8), (2, 1));
    }

    #[test]
    fn positions_follow_universal_newlines() {
        let index = LineIndex::new("ab\ncd\r\nef\rgh");
        assert_eq!(index.line_col(0), (1, 0));
        assert_eq!(index.line_col(1), (1, 1));
        assert_eq!(index.line_col(3), (2, 0));
        assert_eq!(index.line_col(7), (3, 0));
        assert_eq!(index.line_col(10), (4, 0));
        assert_eq!(index.line_col(12), (4, 2));
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_start(2), Some(3));
        assert_eq!(index.line_start(0), None);
        assert_eq!(index.line_start(9), None);
    }

    #[test]
    fn columns_count_utf8_bytes() {
        let index = LineIndex::new("é = 1");
        assert_eq!(index.line_col(3), (1, 3));
    }
}
