//! `_ast` (CPython's `Python/Python-ast.c`): the node classes that
//! `Lib/ast.py` builds on, and the converters between krait's Rust tree
//! (`krait_syntax::ast`) and those Python objects, which this module
//! registers with the interpreter so that `compile(source, ..., PyCF_ONLY_AST)`
//! returns a tree of objects and `compile(tree, ...)` compiles one.
//!
//! - [`nodes`]: the node class table (the abstract grammar).
//! - [`classes`]: the `AST` base type and the classes built from the table.
//! - [`to_python`]: Rust tree → objects, with CPython's positions.
//! - [`from_python`]: objects → Rust tree, with CPython's validation errors.

pub mod classes;
pub mod from_python;
pub mod nodes;
pub mod to_python;

use krait_compiler::CompileMode;
use krait_vm::builtins::code_eval::AstHooks;
use krait_vm::builtins::function::Module;
use krait_vm::object::Ref;
use krait_vm::{PyResult, Value, Vm};

/// `PyCF_ONLY_AST`: `compile()` returns the tree.
pub const PYCF_ONLY_AST: i64 = 0x400;
/// `PyCF_TYPE_COMMENTS`: keep `# type:` comments in the tree.
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: accept `await` outside functions.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
/// `PyCF_OPTIMIZED_AST`: return the tree after constant folding.
pub const PYCF_OPTIMIZED_AST: i64 = 0x8000 | PYCF_ONLY_AST;

/// `_ast`'s initialiser: creates the classes and registers the converters.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    classes::create(vm, &mut |vm, name, value| {
        vm.module_set(module, name, value)
    })?;
    for (name, value) in [
        ("PyCF_ONLY_AST", PYCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
        ("PyCF_OPTIMIZED_AST", PYCF_OPTIMIZED_AST),
    ] {
        vm.module_set(module, name, Value::from_i64(value))?;
    }
    vm.ast_hooks = Some(AstHooks {
        to_python: |vm, parsed, optimize| {
            to_python::module_to_python(vm, &parsed.module, &parsed.index, optimize)
        },
        from_python: |vm, tree, mode: CompileMode| from_python::tree_from_python(vm, tree, mode),
    });
    Ok(())
}
