//! The product types of CPython's AST that are neither statements nor
//! expressions: [`Arguments`], [`Arg`], [`Alias`], [`WithItem`] and
//! [`ExceptHandler`]. Those CPython gives positions carry a `range`.

use super::{Expr, Identifier, Stmt};
use crate::TextRange;

/// `arguments`: the parameter list of a `def` or `lambda` (no position in CPython).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonlyargs: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    /// `*vararg`, if any.
    pub vararg: Option<Box<Arg>>,
    /// Keyword-only parameters (after `*` or `*vararg`).
    pub kwonlyargs: Vec<Arg>,
    /// Defaults of `kwonlyargs`, one per parameter; `None` where there is none.
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**kwarg`, if any.
    pub kwarg: Option<Box<Arg>>,
    /// Defaults of the last positional parameters (`posonlyargs` then `args`).
    pub defaults: Vec<Expr>,
}

/// `arg`: one parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    /// The source span.
    pub range: TextRange,
    /// The parameter name.
    pub arg: Identifier,
    /// The annotation, if any.
    pub annotation: Option<Box<Expr>>,
    /// The `# type:` comment, if any.
    pub type_comment: Option<Box<str>>,
}

/// `alias`: `name as asname` in an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The source span.
    pub range: TextRange,
    /// The imported (possibly dotted) name, or `*`.
    pub name: Identifier,
    /// The `as` name, if any.
    pub asname: Option<Identifier>,
}

/// `withitem`: `context_expr as optional_vars` (no position in CPython).
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager.
    pub context_expr: Expr,
    /// The `as` target, if any.
    pub optional_vars: Option<Box<Expr>>,
}

/// `ExceptHandler`: one `except type as name: body` clause (CPython's only
/// `excepthandler` constructor).
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The source span.
    pub range: TextRange,
    /// The exception type, if any.
    pub r#type: Option<Box<Expr>>,
    /// The bound name, if any.
    pub name: Option<Identifier>,
    /// The body.
    pub body: Vec<Stmt>,
}
