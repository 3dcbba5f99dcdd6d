//! [`Mod`]: the root of a parse, one constructor per parse mode.

use super::{Expr, Stmt, TypeIgnore};

/// CPython's `mod`: what `compile`/`ast.parse` returns for each mode.
#[derive(Clone, Debug, PartialEq)]
pub enum Mod {
    /// `mode='exec'`: a module.
    Module {
        /// The statements.
        body: Vec<Stmt>,
        /// `# type: ignore` comments.
        type_ignores: Vec<TypeIgnore>,
    },
    /// `mode='single'`: one interactive statement.
    Interactive {
        /// The statements.
        body: Vec<Stmt>,
    },
    /// `mode='eval'`: one expression.
    Expression {
        /// The expression.
        body: Box<Expr>,
    },
    /// `mode='func_type'`: a `(argtypes) -> returns` signature comment.
    FunctionType {
        /// The argument types.
        argtypes: Vec<Expr>,
        /// The return type.
        returns: Box<Expr>,
    },
}
