//! krait's front end: Python source bytes → decoded text → tokens → AST.
//!
//! This crate owns everything up to and including the abstract syntax tree:
//! positions in source text ([`TextRange`], [`LineIndex`]), the errors the
//! front end raises ([`SyntaxError`]) and, as they land, source decoding, the
//! tokenizer, the parser and the AST with CPython's node set.

pub mod ast;
pub mod error;
pub mod line_index;
pub mod pyrepr;
pub mod source;
pub mod text_range;
pub mod tokenizer;
mod unicode_printable;
pub mod wtf8;

pub use error::{ErrorKind, SyntaxError};
pub use line_index::LineIndex;
pub use text_range::TextRange;
