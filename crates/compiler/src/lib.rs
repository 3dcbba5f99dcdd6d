//! krait's compiler: AST → symbol tables → bytecode → code objects.
//!
//! Owns the symbol table pass ([`symtable`]: scopes, local/global/nonlocal/
//! free/cell names, class scopes, comprehension inlining, annotation and
//! type-parameter scopes) and the bytecode format ([`bytecode`]: CPython
//! 3.14's instruction set, one definition per instruction, exception and
//! location tables). Code generation and the flow-graph optimiser build on
//! both. The crate knows nothing of the VM's object model: code objects hold
//! constants as compiler-side values that the VM turns into objects.

pub mod bytecode;
pub mod codegen;
pub mod symtable;
pub mod warnings;

pub use codegen::{CompileError, CompileMode, compile};
