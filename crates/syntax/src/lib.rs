//! krait's front end: Python source bytes → decoded text → tokens → AST.
//!
//! This crate owns everything up to and including the abstract syntax tree:
//! positions in source text ([`TextRange`], [`LineIndex`]), the errors the
//! front end raises ([`SyntaxError`]) and, as they land, source decoding, the
//! tokenizer, the parser and the AST with CPython's node set.

pub mod ast;
pub mod error;
pub mod keyword_typos;
pub mod line_index;
pub mod parser;
pub mod pyrepr;
pub mod source;
pub mod stack;
pub mod suggestions;
pub mod text_range;
pub mod tokenizer;
mod unicode_printable;
pub mod wtf8;

pub use error::{ErrorKind, SyntaxError};
pub use keyword_typos::find_keyword_typo;
pub use line_index::LineIndex;
pub use text_range::TextRange;

use ast::Mod;
pub use parser::Mode;

/// A parsed source: the decoded text, its line index and the tree.
#[derive(Debug)]
pub struct Parsed {
    /// The decoded source with newlines normalised (and a final newline added
    /// when the source lacked one, as CPython does).
    pub text: String,
    /// Line starts of `text`, for CPython positions.
    pub index: LineIndex,
    /// The tree.
    pub module: Mod,
}

/// Parses a module (`exec` mode) from source bytes, as `compile()` does.
pub fn parse_module(source: &[u8], filename: &str) -> Result<Parsed, SyntaxError> {
    parse(source, filename, Mode::Module)
}

/// Parses a module from the bytes of a source file (a script or an imported
/// module): as [`parse_module`], but decoding problems are reported as
/// CPython reports them for files.
pub fn parse_file(source: &[u8], filename: &str) -> Result<Parsed, SyntaxError> {
    parse_text(
        source::decode_file_source(source, filename)?,
        Mode::Module,
        true,
    )
}

/// Parses one expression (`eval` mode).
pub fn parse_expression(source: &[u8], filename: &str) -> Result<Parsed, SyntaxError> {
    parse(source, filename, Mode::Expression)
}

/// Parses one interactive statement (`single` mode).
pub fn parse_interactive(source: &[u8], filename: &str) -> Result<Parsed, SyntaxError> {
    parse(source, filename, Mode::Interactive)
}

/// Parses `source` in `mode`. The filename is accepted for symmetry with
/// `compile()`; errors carry positions, not the filename.
pub fn parse(source: &[u8], _filename: &str, mode: Mode) -> Result<Parsed, SyntaxError> {
    parse_text(source::decode_source(source)?, mode, false)
}

/// Parses decoded source text in `mode`; `from_file` as for [`parse_file`].
fn parse_text(mut text: String, mode: Mode, from_file: bool) -> Result<Parsed, SyntaxError> {
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let index = LineIndex::new(&text);
    let module = parser::parse_text(&text, &index, mode, from_file)?;
    Ok(Parsed {
        text,
        index,
        module,
    })
}
