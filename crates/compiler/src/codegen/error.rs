//! Errors of code generation: CPython's compile-time `SyntaxError`s (with
//! its messages and positions) and constructs krait cannot compile yet.

use std::fmt;

use krait_syntax::{ErrorKind, LineIndex, SyntaxError, TextRange};

/// The message CPython gives when compilation recurses too deeply.
pub const RECURSION_MESSAGE: &str = "maximum recursion depth exceeded during compilation";

/// Why [`super::compile`] failed.
#[derive(Clone, Debug, PartialEq)]
pub enum CompileError {
    /// A `SyntaxError` (or `RecursionError`, ...) as CPython raises it.
    Syntax(SyntaxError),
    /// A construct krait's code generator does not handle yet; the CLI
    /// prints `NotImplementedError: krait cannot compile <construct> yet`.
    Unsupported(String),
    /// A bug in the code generator (an inconsistent stack, a dangling
    /// label); never expected.
    Internal(String),
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax(error) => write!(f, "{}: {}", error.kind.class_name(), error.msg),
            CompileError::Unsupported(what) => write!(f, "krait cannot compile {what} yet"),
            CompileError::Internal(what) => write!(f, "internal compiler error: {what}"),
        }
    }
}

impl std::error::Error for CompileError {}

impl From<SyntaxError> for CompileError {
    fn from(error: SyntaxError) -> Self {
        CompileError::Syntax(error)
    }
}

/// A located error before line and column are computed.
#[derive(Clone, Debug)]
pub(crate) enum Pending {
    /// A `SyntaxError` at a range.
    Syntax(String, TextRange),
    /// A `RecursionError` (no position).
    Recursion,
    /// Not supported yet.
    Unsupported(String),
    /// An internal error.
    Internal(String),
}

/// Result type inside the code generator.
pub(crate) type CResult<T = ()> = Result<T, Pending>;

/// A `SyntaxError` at `range`.
pub(crate) fn syntax<T>(msg: impl Into<String>, range: TextRange) -> CResult<T> {
    Err(Pending::Syntax(msg.into(), range))
}

impl Pending {
    /// The public error, with CPython's positions (byte columns + 1).
    pub(crate) fn finish(self, text: &str, index: &LineIndex) -> CompileError {
        match self {
            Pending::Syntax(msg, range) => {
                let mut error = SyntaxError::new(ErrorKind::SyntaxError, msg);
                let (lineno, col) = index.line_col(range.start);
                let (end_lineno, end_col) = index.line_col(range.end);
                let line_start = index.line_start(lineno).unwrap_or(0) as usize;
                let rest = text.get(line_start..).unwrap_or("");
                let line = match rest.find('\n') {
                    Some(end) => &rest[..=end],
                    None => rest,
                };
                let column = |c: u32| i32::try_from(c).map_or(i32::MAX, |c| c.saturating_add(1));
                error.lineno = Some(lineno);
                error.offset = Some(column(col));
                error.end_lineno = Some(end_lineno);
                error.end_offset = Some(column(end_col));
                error.text = Some(line.to_owned());
                CompileError::Syntax(error)
            }
            Pending::Recursion => CompileError::Syntax(SyntaxError::new(
                ErrorKind::RecursionError,
                RECURSION_MESSAGE,
            )),
            Pending::Unsupported(what) => CompileError::Unsupported(what),
            Pending::Internal(what) => CompileError::Internal(what),
        }
    }
}
