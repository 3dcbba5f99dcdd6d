//! The symbol table pass: which scope each name belongs to, as CPython decides.
//!
//! [`build`] walks a parsed module in two passes, as CPython's `symtable.c`
//! does: the [`builder`] opens a [`Block`] for every scope (module, class,
//! function, lambda, comprehension, PEP 649 annotation scope, PEP 695
//! type-parameter, type-alias and type-variable scope) and records what each
//! name does there; the [`analysis`] then resolves every name to a
//! [`SymbolScope`] (local, global, free, cell), inlines comprehensions into
//! their parents (PEP 709) and adds the implicit `__class__`,
//! `__classdict__` and `__conditional_annotations__` cells. Both passes raise
//! CPython's compile-time `SyntaxError`s with CPython's messages and positions.
//!
//! The code generator finds a node's block with [`SymbolTable::definition`],
//! [`SymbolTable::expression`], [`SymbolTable::type_params`] or
//! [`SymbolTable::lookup`] and a name's scope with [`Block::symbol`];
//! [`dump`] prints the tables in the canonical format the conformance check
//! compares with CPython's `symtable` module.

mod analysis;
mod block;
mod builder;
pub mod dump;
mod error;
mod future;
mod mangle;
mod symbol;
#[cfg(test)]
mod tests;

pub use block::{Block, BlockId, BlockKind, ComprehensionKind, NodeKey, SymbolTable};
pub use future::FutureFeatures;
pub use mangle::mangle;
pub use symbol::{Symbol, SymbolFlags, SymbolScope};

use krait_syntax::ast::Mod;
use krait_syntax::{LineIndex, SyntaxError};

/// Builds the symbol tables of `module`, whose source is `text` (indexed by
/// `index`), or the `SyntaxError` CPython raises while building them. The
/// walk grows its stack on demand, so it is safe on any thread.
pub fn build(module: &Mod, text: &str, index: &LineIndex) -> Result<SymbolTable, SyntaxError> {
    build_here(module, text, index)
}

/// [`build`] (kept as the name callers used when `build` ran on its own thread).
pub fn build_here(module: &Mod, text: &str, index: &LineIndex) -> Result<SymbolTable, SyntaxError> {
    let located = |error: error::Located| error.into_syntax_error(text, index);
    let future = future::parse_future(module).map_err(located)?;
    let built = builder::build_blocks(module, &future, index).map_err(located)?;
    let mut blocks = built.blocks;
    analysis::analyze(&mut blocks).map_err(located)?;
    Ok(SymbolTable {
        blocks,
        future,
        keys: built.keys,
    })
}
