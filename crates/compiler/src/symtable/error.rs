//! Errors of the symbol table pass and their positions, reported as CPython
//! reports them: a `SyntaxError` whose columns are UTF-8 byte offsets plus one
//! (CPython's `SET_ERROR_LOCATION` passes `col_offset + 1` unchanged).

use krait_syntax::{ErrorKind, LineIndex, SyntaxError, TextRange};

/// The message CPython gives when compilation recurses too deeply.
pub(crate) const RECURSION_MESSAGE: &str = "maximum recursion depth exceeded during compilation";

/// An error with the source range it points at, before it is turned into a
/// [`SyntaxError`] with lines and columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Located {
    pub kind: ErrorKind,
    pub msg: String,
    pub range: Option<TextRange>,
}

impl Located {
    /// A `SyntaxError` at `range`.
    pub fn new(msg: impl Into<String>, range: TextRange) -> Self {
        Self {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            range: Some(range),
        }
    }

    /// The `RecursionError` for a tree nested too deeply.
    pub fn recursion() -> Self {
        Self {
            kind: ErrorKind::RecursionError,
            msg: RECURSION_MESSAGE.to_owned(),
            range: None,
        }
    }

    /// The error with CPython's attributes, its line taken from `text`.
    pub fn into_syntax_error(self, text: &str, index: &LineIndex) -> SyntaxError {
        let mut error = SyntaxError::new(self.kind, self.msg);
        let Some(range) = self.range else {
            return error;
        };
        let (lineno, col) = index.line_col(range.start);
        let (end_lineno, end_col) = index.line_col(range.end);
        let line_start = index.line_start(lineno).unwrap_or(0) as usize;
        let rest = text.get(line_start..).unwrap_or("");
        let line = match rest.find('\n') {
            Some(end) => &rest[..=end],
            None => rest,
        };
        error.lineno = Some(lineno);
        error.offset = Some(column(col));
        error.end_lineno = Some(end_lineno);
        error.end_offset = Some(column(end_col));
        error.text = Some(line.to_owned());
        error
    }
}

fn column(byte_col: u32) -> i32 {
    i32::try_from(byte_col).map_or(i32::MAX, |c| c.saturating_add(1))
}
