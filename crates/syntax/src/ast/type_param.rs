//! PEP 695/696 type parameters: [`TypeParam`] (CPython's `type_param`) with
//! [`TypeParamKind`], and [`TypeIgnore`].

use super::{Expr, Identifier};
use crate::TextRange;

/// A type parameter of a generic `def`, `class` or `type` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeParam {
    /// The source span.
    pub range: TextRange,
    /// The constructor and its fields.
    pub kind: TypeParamKind,
}

/// The constructors of CPython's `type_param`.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeParamKind {
    /// `T`, `T: bound`, `T = default`.
    TypeVar {
        /// The name.
        name: Identifier,
        /// The bound or constraints tuple, if any.
        bound: Option<Box<Expr>>,
        /// The PEP 696 default, if any.
        default_value: Option<Box<Expr>>,
    },
    /// `**P`.
    ParamSpec {
        /// The name.
        name: Identifier,
        /// The PEP 696 default, if any.
        default_value: Option<Box<Expr>>,
    },
    /// `*Ts`.
    TypeVarTuple {
        /// The name.
        name: Identifier,
        /// The PEP 696 default, if any.
        default_value: Option<Box<Expr>>,
    },
}

/// `TypeIgnore`: a `# type: ignore` comment (only when parsing with type comments).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeIgnore {
    /// The 1-based line of the comment.
    pub lineno: u32,
    /// The text after `ignore`.
    pub tag: Box<str>,
}
