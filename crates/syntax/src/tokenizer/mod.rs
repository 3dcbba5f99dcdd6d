//! The tokenizer: decoded source text → a flat vector of tokens, with
//! CPython 3.14's semantics (indentation, implicit line joining, f-string and
//! t-string modes, number and string literal forms) and its error messages.
//!
//! The whole text is tokenized up front. A token is only its kind and byte
//! range; the parser reads token text from the source when it needs it. When
//! the tokenizer fails, the token vector ends in [`TokenKind::ErrorToken`] and
//! [`Tokens::error`] says what CPython would raise on reaching that token.

#[cfg(test)]
mod error_cases;
mod kind;
mod lexer;
#[cfg(test)]
mod tests;
pub mod unicode;

pub use kind::TokenKind;

use crate::error::SyntaxError;

/// One token: its kind and byte range in the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Offset of its first byte.
    pub start: u32,
    /// Offset one past its last byte.
    pub end: u32,
}

/// The tokens of one source text, and the tokenizer error that stopped it, if any.
#[derive(Clone, Debug)]
pub struct Tokens {
    /// All tokens; the last one is `EndMarker` or, on error, `ErrorToken`.
    pub tokens: Vec<Token>,
    /// The error behind a final `ErrorToken`.
    pub error: Option<TokenizerError>,
}

/// A tokenizer failure, as CPython's parser would report it.
#[derive(Clone, Debug)]
pub struct TokenizerError {
    /// The exception CPython raises when the parser reaches the bad token.
    pub error: SyntaxError,
    /// Whether CPython's tokenizer raises the exception itself (rather than
    /// only signalling an error code). Such errors take priority over the
    /// parser's own syntax errors, which CPython finds by tokenizing the rest
    /// of the source after a failed parse.
    pub raised: bool,
    /// For end of input inside brackets: the 1-based line of the innermost
    /// open bracket ("'(' was never closed").
    pub unclosed_bracket_line: Option<u32>,
}

/// Tokenizes `text`, which must end with a newline (CPython appends one to
/// source that lacks it; [`crate::parse_module`] does the same).
pub fn tokenize(text: &str) -> Tokens {
    lexer::Lexer::new(text, false).run()
}

/// Tokenizes `text` as [`tokenize`] does, and also keeps what the parser
/// does not need but the `tokenize` module shows: [`TokenKind::Comment`],
/// [`TokenKind::Nl`], and the empty f-string middle that ends a format
/// specifier.
pub fn tokenize_with_extras(text: &str) -> Tokens {
    lexer::Lexer::new(text, true).run()
}
