//! krait's native modules: the parts of the standard library CPython writes
//! in C, written in Rust (DESIGN.md: syntax ← compiler ← vm ← modules ← cli).
//!
//! One file (or folder) per module, each exporting its initialiser; the
//! [`BUILTIN_MODULES`] table lists them, one line per module. Whoever starts
//! an interpreter registers the table (the `krait` command passes it in the
//! interpreter's configuration; an embedding program can call [`install`]).
//! Helpers shared by several modules live beside them: [`struct_sequence`]
//! (named-tuple-like types such as `sys.version_info`) and [`namespace`]
//! (`types.SimpleNamespace`).

pub mod abc;
pub mod ast;
pub mod atexit;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod errno;
pub mod io;
pub mod itertools;
pub mod math;
pub mod namespace;
pub mod opcode;
#[cfg(unix)]
pub mod posix;
pub mod random;
pub mod sre;
pub mod string;
pub mod struct_;
pub mod struct_sequence;
pub mod sys;
pub mod thread;
pub mod time;
pub mod tokenize;
pub mod typing;
pub mod weakref;

use krait_vm::Vm;
use krait_vm::runtime::import::BuiltinModule;

/// Every native module of this crate, by import name.
pub const BUILTIN_MODULES: &[BuiltinModule] = &[
    BuiltinModule::new("sys", sys::init),
    BuiltinModule::new("math", math::init),
    BuiltinModule::new("time", time::init),
    BuiltinModule::new("gc", krait_vm::gc::module::init),
    BuiltinModule::new("_weakref", weakref::init),
    BuiltinModule::new("_abc", abc::init),
    BuiltinModule::new("atexit", atexit::init),
    BuiltinModule::new("itertools", itertools::init),
    BuiltinModule::new("_thread", thread::init),
    BuiltinModule::new("_collections", collections::init),
    BuiltinModule::new("errno", errno::init),
    BuiltinModule::new("_random", random::init),
    BuiltinModule::new("_typing", typing::init),
    BuiltinModule::new("_string", string::init),
    BuiltinModule::new("_contextvars", contextvars::init),
    BuiltinModule::new("_sre", sre::init),
    BuiltinModule::new("_codecs", codecs::init),
    BuiltinModule::new("_ast", ast::init),
    BuiltinModule::new("_io", io::init),
    BuiltinModule::new("_struct", struct_::init),
    BuiltinModule::new("_opcode", opcode::init),
    BuiltinModule::new("_tokenize", tokenize::init),
    #[cfg(unix)]
    BuiltinModule::new("posix", posix::init),
];

/// Registers every module of [`BUILTIN_MODULES`] with an interpreter.
pub fn install(vm: &mut Vm) {
    for module in BUILTIN_MODULES {
        vm.add_builtin_module(*module);
    }
}
