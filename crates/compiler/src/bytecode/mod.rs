//! CPython 3.14 bytecode: instruction definitions, tables and code objects.
//!
//! krait compiles to CPython 3.14's bytecode format (DESIGN.md decision 3) so
//! that the standard library's `dis`, `opcode`, `inspect` and `traceback`
//! work unchanged on krait code objects. One file per concept:
//! - [`opcode`] — the instruction set, one table from which numbers, names,
//!   cache sizes, flags and stack effects are derived;
//! - [`encoding`] — 16-bit code units, `EXTENDED_ARG`, inline caches,
//!   decoding `co_code` and relative jump arithmetic;
//! - [`exception_table`] — `co_exceptiontable`;
//! - [`location_table`] — `co_linetable` (PEP 626/657 positions);
//! - [`code_object`] — the `co_*` data the code generator fills and the VM
//!   runs;
//! - [`oparg`] — what the opargs of `BINARY_OP`, `COMPARE_OP`, the
//!   intrinsics, `LOAD_COMMON_CONSTANT` and `LOAD_SPECIAL` mean.

pub mod code_object;
pub mod encoding;
pub mod exception_table;
pub mod location_table;
pub mod oparg;
pub mod opcode;

pub use code_object::{CodeObject, ConstantValue};
pub use opcode::{AnyOpcode, Opcode, OpcodeFlags, OpcodeKind, PseudoOpcode};
