//! The abstract syntax tree, with exactly CPython 3.14's node set (`Python.asdl`).
//!
//! Every sum type with positions in CPython (`stmt`, `expr`, `pattern`,
//! `type_param`) is a struct holding a [`TextRange`](crate::TextRange) and a
//! `kind` enum whose variants are CPython's constructors with CPython's field
//! names. Product types with positions (`arg`, `keyword`, `alias`,
//! `ExceptHandler`) carry a `range` field; those without (`arguments`,
//! `comprehension`, `withitem`, `match_case`, operators, contexts) carry none.
//! Single children are boxed, lists are `Vec`, optional fields are `Option`.
//! CPython's deprecated, never-produced classes (`AugLoad`, `AugStore`,
//! `Param`, `Suite`, `Index`, `ExtSlice`) are left out.
//!
//! [`dump`] renders a tree exactly as `ast.dump(tree, include_attributes=True)`.

mod constant;
pub mod dump;
mod expr;
mod identifier;
mod module;
mod operators;
mod parts;
mod pattern;
mod stmt;
mod teardown;
mod type_param;

pub use constant::{BigInt, Constant, ConstantKind};
pub use dump::{dump, dump_expr, dump_stmt};
pub use expr::{Comprehension, Expr, ExprKind, Keyword};
pub use identifier::Identifier;
pub use module::Mod;
pub use operators::{BoolOp, CmpOp, Conversion, ExprContext, Operator, UnaryOp};
pub use parts::{Alias, Arg, Arguments, ExceptHandler, WithItem};
pub use pattern::{MatchCase, Pattern, PatternKind, Singleton};
pub use stmt::{ClassDef, FunctionDef, Stmt, StmtKind, Try};
pub use type_param::{TypeIgnore, TypeParam, TypeParamKind};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_sizes_stay_small() {
        // Measured on 64-bit targets; a change here should be deliberate. Expr is
        // 64 bytes because `Compare.ops` is a boxed slice (a `Vec` there would make
        // two 56-byte variants and push the tag out: 72).
        assert_eq!(std::mem::size_of::<Expr>(), 64);
        assert_eq!(std::mem::size_of::<Stmt>(), 96);
        assert_eq!(std::mem::size_of::<Pattern>(), 88);
        assert_eq!(std::mem::size_of::<Constant>(), 32);
    }
}
