//! Statements: [`Stmt`] (CPython's `stmt`) and its constructors [`StmtKind`].
//!
//! The three largest constructors keep their fields in a boxed struct
//! ([`FunctionDef`], [`ClassDef`], [`Try`]) so that every statement stays small.

use super::{
    Alias, Arguments, ExceptHandler, Expr, Identifier, Keyword, MatchCase, Operator, TypeParam,
    WithItem,
};
use crate::TextRange;

/// A statement node: where it is and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// The source span.
    pub range: TextRange,
    /// The constructor and its fields.
    pub kind: StmtKind,
}

impl Stmt {
    /// A statement of `kind` spanning `range`.
    pub fn new(range: TextRange, kind: StmtKind) -> Self {
        Self { range, kind }
    }
}

/// The fields of `FunctionDef` and `AsyncFunctionDef`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function name.
    pub name: Identifier,
    /// The parameters.
    pub args: Arguments,
    /// The body.
    pub body: Vec<Stmt>,
    /// The decorators, outermost first.
    pub decorator_list: Vec<Expr>,
    /// The return annotation, if any.
    pub returns: Option<Box<Expr>>,
    /// The `# type:` comment, if any (only when parsing with type comments).
    pub type_comment: Option<Box<str>>,
    /// PEP 695 type parameters.
    pub type_params: Vec<TypeParam>,
}

/// The fields of `ClassDef`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: Identifier,
    /// The positional bases.
    pub bases: Vec<Expr>,
    /// Keyword arguments such as `metaclass=M`.
    pub keywords: Vec<Keyword>,
    /// The body.
    pub body: Vec<Stmt>,
    /// The decorators, outermost first.
    pub decorator_list: Vec<Expr>,
    /// PEP 695 type parameters.
    pub type_params: Vec<TypeParam>,
}

/// The fields of `Try` and `TryStar`.
#[derive(Clone, Debug, PartialEq)]
pub struct Try {
    /// The guarded body.
    pub body: Vec<Stmt>,
    /// The `except` (or `except*`) clauses.
    pub handlers: Vec<ExceptHandler>,
    /// The `else` body.
    pub orelse: Vec<Stmt>,
    /// The `finally` body.
    pub finalbody: Vec<Stmt>,
}

/// The constructors of CPython's `stmt`, with CPython's field names.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `def name(args) -> returns: body`.
    FunctionDef(Box<FunctionDef>),
    /// `async def ...`.
    AsyncFunctionDef(Box<FunctionDef>),
    /// `class name(bases, keywords): body`.
    ClassDef(Box<ClassDef>),
    /// `return` / `return value`.
    Return {
        /// The returned value, if any.
        value: Option<Box<Expr>>,
    },
    /// `del a, b`.
    Delete {
        /// The deleted targets.
        targets: Vec<Expr>,
    },
    /// `t1 = t2 = value`.
    Assign {
        /// The targets, left to right.
        targets: Vec<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `# type:` comment, if any.
        type_comment: Option<Box<str>>,
    },
    /// `type name[type_params] = value`.
    TypeAlias {
        /// The alias name (a `Name` in store context).
        name: Box<Expr>,
        /// PEP 695 type parameters.
        type_params: Vec<TypeParam>,
        /// The aliased value.
        value: Box<Expr>,
    },
    /// `target op= value`.
    AugAssign {
        /// The target.
        target: Box<Expr>,
        /// The operator.
        op: Operator,
        /// The value.
        value: Box<Expr>,
    },
    /// `target: annotation = value`.
    AnnAssign {
        /// The target.
        target: Box<Expr>,
        /// The annotation.
        annotation: Box<Expr>,
        /// The value, if any.
        value: Option<Box<Expr>>,
        /// Whether the target is a plain, unparenthesized name (dumped as `1`/`0`).
        simple: bool,
    },
    /// `for target in iter: body else: orelse`.
    For {
        /// The loop target.
        target: Box<Expr>,
        /// The iterable.
        iter: Box<Expr>,
        /// The body.
        body: Vec<Stmt>,
        /// The `else` body.
        orelse: Vec<Stmt>,
        /// The `# type:` comment, if any.
        type_comment: Option<Box<str>>,
    },
    /// `async for ...`.
    AsyncFor {
        /// The loop target.
        target: Box<Expr>,
        /// The iterable.
        iter: Box<Expr>,
        /// The body.
        body: Vec<Stmt>,
        /// The `else` body.
        orelse: Vec<Stmt>,
        /// The `# type:` comment, if any.
        type_comment: Option<Box<str>>,
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: Box<Expr>,
        /// The body.
        body: Vec<Stmt>,
        /// The `else` body.
        orelse: Vec<Stmt>,
    },
    /// `if test: body else: orelse` (`elif` is a nested `If` in `orelse`).
    If {
        /// The condition.
        test: Box<Expr>,
        /// The body.
        body: Vec<Stmt>,
        /// The `else` body.
        orelse: Vec<Stmt>,
    },
    /// `with items: body`.
    With {
        /// The context managers.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
        /// The `# type:` comment, if any.
        type_comment: Option<Box<str>>,
    },
    /// `async with ...`.
    AsyncWith {
        /// The context managers.
        items: Vec<WithItem>,
        /// The body.
        body: Vec<Stmt>,
        /// The `# type:` comment, if any.
        type_comment: Option<Box<str>>,
    },
    /// `match subject: cases`.
    Match {
        /// The subject.
        subject: Box<Expr>,
        /// The `case` clauses.
        cases: Vec<MatchCase>,
    },
    /// `raise` / `raise exc` / `raise exc from cause`.
    Raise {
        /// The exception, if any.
        exc: Option<Box<Expr>>,
        /// The cause, if any.
        cause: Option<Box<Expr>>,
    },
    /// `try: ... except ...: ... else: ... finally: ...`.
    Try(Box<Try>),
    /// `try: ... except* ...: ...`.
    TryStar(Box<Try>),
    /// `assert test, msg`.
    Assert {
        /// The condition.
        test: Box<Expr>,
        /// The message, if any.
        msg: Option<Box<Expr>>,
    },
    /// `import a.b as c, d`.
    Import {
        /// The imported names.
        names: Vec<Alias>,
    },
    /// `from ..module import names`.
    ImportFrom {
        /// The dotted module path after the dots, if any.
        module: Option<Identifier>,
        /// The imported names (`*` is an alias named `*`).
        names: Vec<Alias>,
        /// The number of leading dots (CPython's parser always sets it).
        level: u32,
    },
    /// `global a, b`.
    Global {
        /// The names.
        names: Vec<Identifier>,
    },
    /// `nonlocal a, b`.
    Nonlocal {
        /// The names.
        names: Vec<Identifier>,
    },
    /// An expression statement.
    Expr {
        /// The expression.
        value: Box<Expr>,
    },
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}
