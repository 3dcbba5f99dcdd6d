//! Code generation: AST + symbol table → CPython 3.14 code objects.
//!
//! [`compile`] builds the symbol table, then walks the tree emitting an
//! instruction sequence per scope (module, function, lambda, class body,
//! generator expression, annotation and type-parameter scopes), as
//! CPython's `Python/codegen.c` does, and assembles each into a
//! [`CodeObject`] ([`assemble`]: blocks, dead code, stack depth, exception
//! table, `EXTENDED_ARG`, location table). One file per concept:
//! - [`instr`] — the instruction sequence with labels and pseudo-ops;
//! - `unit` — one code object under construction (names, constants,
//!   locals-plus, the frame-block stack) and name resolution;
//! - `stmt`, `expr`, `call`, `comprehension`, `pattern`, `function`,
//!   `exceptions` — the constructs;
//! - `super_call` — `super().name` through `LOAD_SUPER_ATTR`;
//! - `fold` — constant folding;
//! - [`assemble`] — the flow-graph pass and assembler;
//! - `jumps` — jumps to exits and to jumps, removed;
//! - `peephole` — rewrites inside a basic block;
//! - `superinstructions` — fused local loads and stores;
//! - `unbound_locals` — which local loads need `LOAD_FAST_CHECK`;
//! - [`dis`] and [`dump`] — `krait --dis` and `krait --dump-code`;
//! - [`verify`] — structural checks of compiled code (jumps, handlers,
//!   stack depths).

pub mod assemble;
mod call;
mod comprehension;
pub mod dis;
pub mod dump;
mod error;
mod exceptions;
mod expr;
mod fold;
mod function;
pub(crate) mod instr;
mod jumps;
mod pattern;
mod peephole;
mod stmt;
mod super_call;
mod superinstructions;
#[cfg(test)]
mod tests;
mod unbound_locals;
mod unit;
pub mod verify;

pub use error::{CompileError, RECURSION_MESSAGE};

use krait_syntax::Parsed;
use krait_syntax::ast::Mod;

use crate::bytecode::CodeObject;
use crate::symtable::{self, SymbolTable};
use unit::Compiler;

/// What [`compile`] compiles, as `compile()`'s `mode` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// `"exec"`: a module.
    Exec,
    /// `"eval"`: one expression whose value the code returns.
    Eval,
    /// `"single"`: one interactive statement; expression values are printed.
    Single,
}

/// Compiles a parsed module, expression or interactive statement into its
/// code object, or returns the error CPython raises (or
/// [`CompileError::Unsupported`] for constructs krait cannot compile yet).
///
/// # Errors
/// Compile-time `SyntaxError`s of the symbol table and code generator.
pub fn compile(
    parsed: &Parsed,
    filename: &str,
    mode: CompileMode,
) -> Result<CodeObject, CompileError> {
    compile_here(parsed, filename, mode)
}

/// [`compile`] (the name from when `compile` ran on its own thread; both
/// run on the caller's thread, growing the stack on demand).
///
/// # Errors
/// As [`compile`].
pub fn compile_here(
    parsed: &Parsed,
    filename: &str,
    mode: CompileMode,
) -> Result<CodeObject, CompileError> {
    let table = symtable::build_here(&parsed.module, &parsed.text, &parsed.index)?;
    compile_with_table(parsed, &table, filename, mode)
}

/// Code generation proper, given the symbol table.
///
/// # Errors
/// As [`compile`].
pub fn compile_with_table(
    parsed: &Parsed,
    table: &SymbolTable,
    filename: &str,
    mode: CompileMode,
) -> Result<CodeObject, CompileError> {
    let mut compiler = Compiler::new(table, &parsed.text, &parsed.index, filename);
    let result = match (&parsed.module, mode) {
        (Mod::Module { body, .. }, CompileMode::Exec) => compiler.compile_module(body, false),
        (Mod::Interactive { body }, _) | (Mod::Module { body, .. }, CompileMode::Single) => {
            compiler.compile_module(body, true)
        }
        (Mod::Expression { body }, _) => compiler.compile_expression_mode(body),
        (Mod::Module { .. }, CompileMode::Eval) | (Mod::FunctionType { .. }, _) => Err(
            error::Pending::Unsupported("this kind of module".to_owned()),
        ),
    };
    result.map_err(|e| e.finish(&parsed.text, &parsed.index))
}
