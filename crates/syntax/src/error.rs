//! The errors the front end raises, shaped like CPython's `SyntaxError`.
//!
//! CPython reports a failed parse as an exception whose class is
//! `SyntaxError` or one of its relatives, with the attributes `msg`,
//! `lineno`, `offset`, `end_lineno`, `end_offset` and `text`. [`SyntaxError`]
//! carries exactly those, so the VM can later turn it into the Python exception
//! and the CLI can print it as CPython prints an uncaught one.

use std::fmt;

/// Which Python exception class a front-end error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `SyntaxError`.
    SyntaxError,
    /// `IndentationError` (a subclass of `SyntaxError`).
    IndentationError,
    /// `TabError` (a subclass of `IndentationError`).
    TabError,
    /// `MemoryError`, e.g. "Parser stack overflowed - Python source too complex to parse".
    MemoryError,
    /// `ValueError`, raised by CPython for a few decoding problems.
    ValueError,
    /// `UnicodeDecodeError`, raised by CPython for a few decoding problems.
    UnicodeDecodeError,
    /// `OverflowError`, raised by CPython for sources too large to index.
    OverflowError,
    /// `LookupError`, for an unknown encoding in a coding declaration.
    LookupError,
    /// `RecursionError`, for trees nested too deeply to process.
    RecursionError,
}

impl ErrorKind {
    /// The Python class name, as printed in `ClassName: message`.
    pub const fn class_name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::LookupError => "LookupError",
            ErrorKind::RecursionError => "RecursionError",
        }
    }

    /// Whether the class is `SyntaxError` or a subclass, which carry positions.
    pub const fn is_syntax_error(self) -> bool {
        matches!(
            self,
            ErrorKind::SyntaxError | ErrorKind::IndentationError | ErrorKind::TabError
        )
    }
}

/// A front-end error with CPython's `SyntaxError` attributes.
///
/// Positions follow CPython: `lineno` and `end_lineno` are 1-based; `offset`
/// and `end_offset` are 1-based and count characters (code points) of `text`,
/// not bytes. `text` is the offending source line including its newline, as
/// CPython stores it. Errors that are not `SyntaxError`s leave positions `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message (`msg` attribute).
    pub msg: String,
    /// 1-based line of the error start.
    pub lineno: Option<u32>,
    /// 1-based character column of the error start (CPython may store 0 or -1).
    pub offset: Option<i32>,
    /// 1-based line of the error end.
    pub end_lineno: Option<u32>,
    /// 1-based character column one past the error end (CPython may store 0 or -1).
    pub end_offset: Option<i32>,
    /// The source line the error is on.
    pub text: Option<String>,
    /// CPython's `SyntaxError._metadata` for errors the parser raised: the
    /// 1-based line and byte column of the last compound statement (other
    /// than a function definition) the parser completed before failing,
    /// `(0, 0)` when none. `traceback` uses it to suggest keyword typos.
    pub metadata: Option<(u32, u32)>,
}

impl SyntaxError {
    /// An error of class `kind` with a message and no position.
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> Self {
        Self {
            kind,
            msg: msg.into(),
            lineno: None,
            offset: None,
            end_lineno: None,
            end_offset: None,
            text: None,
            metadata: None,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.class_name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}
