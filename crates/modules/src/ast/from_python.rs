//! `_ast` objects → Rust tree, for `compile(tree, filename, mode)`.

use krait_compiler::CompileMode;
use krait_syntax::Parsed;
use krait_vm::{PyResult, Value, Vm};

/// The tree `compile()` compiles for the `_ast` object `tree`, or `None`
/// when `tree` is not an `AST` instance.
pub fn tree_from_python(vm: &mut Vm, tree: &Value, mode: CompileMode) -> PyResult<Option<Parsed>> {
    let _ = (vm, tree, mode);
    Ok(None)
}
