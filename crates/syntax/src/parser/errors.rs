//! Parser errors: how a failed rule is recorded while parsing, and how the
//! final [`SyntaxError`] is chosen the way CPython chooses it (tokenizer
//! errors found later in the source take priority over generic parser errors,
//! unexpected INDENT/DEDENT become `IndentationError`s, positions are
//! converted to 1-based character columns).

use super::Parser;
use crate::TextRange;
use crate::error::{ErrorKind, SyntaxError};
use crate::tokenizer::TokenKind;

/// Why a rule failed.
#[derive(Debug)]
pub(crate) enum ParseError {
    /// No rule matched at the token with this index: "invalid syntax".
    Unexpected(usize),
    /// A targeted error with its own message and source range.
    Known(Box<KnownError>),
    /// The parser reached the tokenizer's error token.
    Tokenizer,
    /// Nesting exceeded CPython's parser stack.
    StackOverflow,
    /// An exception whose attributes were set directly.
    Built(Box<SyntaxError>),
}

/// A targeted error.
#[derive(Debug)]
pub(crate) struct KnownError {
    pub kind: ErrorKind,
    pub msg: String,
    pub range: TextRange,
}

impl ParseError {
    pub(crate) fn stack_overflow() -> Self {
        ParseError::StackOverflow
    }
}

impl Parser<'_> {
    /// The error for "nothing matches the current token".
    pub(crate) fn unexpected(&self) -> ParseError {
        if self.at(TokenKind::ErrorToken) {
            ParseError::Tokenizer
        } else {
            ParseError::Unexpected(self.pos)
        }
    }

    /// A targeted `SyntaxError` over `range`.
    pub(crate) fn error_at(&self, range: TextRange, msg: impl Into<String>) -> ParseError {
        self.error_kind_at(ErrorKind::SyntaxError, range, msg)
    }

    /// A targeted error of class `kind` over `range`.
    pub(crate) fn error_kind_at(
        &self,
        kind: ErrorKind,
        range: TextRange,
        msg: impl Into<String>,
    ) -> ParseError {
        ParseError::Known(Box::new(KnownError {
            kind,
            msg: msg.into(),
            range,
        }))
    }

    /// Turns the failure into the exception CPython raises.
    pub(crate) fn finish_error(&self, err: ParseError) -> SyntaxError {
        let mut error = self.choose_error(err);
        if error.kind.is_syntax_error() {
            error.metadata = Some(match self.last_compound {
                Some(start) => {
                    let (line, _) = self.index.line_col(start);
                    let line_start = self.index.line_start(line).unwrap_or(0);
                    (line, start.saturating_sub(line_start))
                }
                None => (0, 0),
            });
        }
        error
    }

    /// The exception CPython raises for the failure.
    fn choose_error(&self, err: ParseError) -> SyntaxError {
        let tokenizer = self.tokenizer_error;
        let (error, error_line) = match err {
            ParseError::Tokenizer => {
                if let Some(t) = tokenizer {
                    return t.error.clone();
                }
                let token = self.token();
                let range = TextRange::new(token.start, token.end);
                (
                    self.build(ErrorKind::SyntaxError, "invalid syntax", range),
                    self.index.line_number(token.start),
                )
            }
            ParseError::StackOverflow => {
                return SyntaxError::new(
                    ErrorKind::MemoryError,
                    "Parser stack overflowed - Python source too complex to parse",
                );
            }
            ParseError::Unexpected(at) => {
                let token = self.token_at(at);
                let range = TextRange::new(token.start, token.end);
                let line = self.index.line_number(token.start);
                match token.kind {
                    TokenKind::Indent => {
                        let mut e =
                            self.build(ErrorKind::IndentationError, "unexpected indent", range);
                        e.offset = Some(self.char_column(token.end) - 1);
                        e.end_offset = Some(-1);
                        (e, line)
                    }
                    TokenKind::Dedent => {
                        let mut e =
                            self.build(ErrorKind::IndentationError, "unexpected unindent", range);
                        e.offset = Some(self.char_column(token.end) - 1);
                        e.end_offset = Some(-1);
                        (e, line)
                    }
                    TokenKind::ErrorToken => {
                        if let Some(t) = tokenizer {
                            return t.error.clone();
                        }
                        (
                            self.build(ErrorKind::SyntaxError, "invalid syntax", range),
                            line,
                        )
                    }
                    _ => (
                        self.build(ErrorKind::SyntaxError, "invalid syntax", range),
                        line,
                    ),
                }
            }
            ParseError::Built(err) => {
                let line = err.lineno.unwrap_or(0);
                (*err, line)
            }
            ParseError::Known(known) => {
                if known.range.start as usize >= self.text.len() && !self.text.is_empty() {
                    // At the end marker CPython points at the newline that
                    // ends the last line (no column at all in a file), with
                    // no end column.
                    let newline = u32::try_from(self.text.len() - 1).unwrap_or(u32::MAX);
                    let mut e =
                        self.build(known.kind, &known.msg, TextRange::new(newline, newline));
                    e.end_offset = Some(-1);
                    if self.from_file {
                        e.offset = Some(0);
                    }
                    let line = e.lineno.unwrap_or(0);
                    (e, line)
                } else {
                    let line = self.index.line_number(known.range.start);
                    (self.build(known.kind, &known.msg, known.range), line)
                }
            }
        };
        // CPython tokenizes the rest of the source after a failed parse:
        // errors its tokenizer raises win, and so does an unclosed bracket
        // opened on an earlier line.
        if let Some(t) = tokenizer {
            if t.raised {
                return t.error.clone();
            }
            if let Some(bracket_line) = t.unclosed_bracket_line
                && error_line > bracket_line
            {
                return t.error.clone();
            }
        }
        error
    }

    /// 1-based character column of `offset` on its line.
    pub(crate) fn char_column(&self, offset: u32) -> i32 {
        let (line, _) = self.index.line_col(offset);
        let line_start = self.index.line_start(line).unwrap_or(0) as usize;
        let end = (offset as usize).min(self.text.len());
        let chars = self
            .text
            .get(line_start..end)
            .map_or(0, |s| s.chars().count());
        i32::try_from(chars + 1).unwrap_or(i32::MAX)
    }

    /// A `SyntaxError`-like exception over `range` with CPython's attributes.
    pub(crate) fn build(&self, kind: ErrorKind, msg: &str, range: TextRange) -> SyntaxError {
        let (lineno, _) = self.index.line_col(range.start);
        let (end_lineno, _) = self.index.line_col(range.end);
        let line_start = self.index.line_start(lineno).unwrap_or(0) as usize;
        let rest = self.text.get(line_start..).unwrap_or("");
        let text = match rest.find('\n') {
            Some(p) => &rest[..=p],
            None => rest,
        };
        let mut err = SyntaxError::new(kind, msg);
        err.lineno = Some(lineno);
        err.offset = Some(self.char_column(range.start));
        err.end_lineno = Some(end_lineno);
        err.end_offset = Some(self.char_column(range.end));
        err.text = Some(text.to_owned());
        err
    }
}
