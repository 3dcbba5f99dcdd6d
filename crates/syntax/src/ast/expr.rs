//! Expressions: [`Expr`] (CPython's `expr`) and its constructors [`ExprKind`],
//! plus [`Comprehension`] and [`Keyword`], which only occur inside expressions.

use super::{
    Arguments, BoolOp, CmpOp, Constant, ConstantKind, Conversion, ExprContext, Identifier,
    Operator, UnaryOp,
};
use crate::TextRange;

/// An expression node: where it is and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// The source span (CPython's `lineno`, `col_offset`, `end_lineno`, `end_col_offset`).
    pub range: TextRange,
    /// The constructor and its fields.
    pub kind: ExprKind,
}

impl Expr {
    /// An expression of `kind` spanning `range`.
    pub fn new(range: TextRange, kind: ExprKind) -> Self {
        Self { range, kind }
    }
}

/// The constructors of CPython's `expr`, with CPython's field names.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp {
        /// `And` or `Or`.
        op: BoolOp,
        /// The operands (at least two).
        values: Vec<Expr>,
    },
    /// `target := value`.
    NamedExpr {
        /// The assigned name.
        target: Box<Expr>,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// The operator.
        op: Operator,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        operand: Box<Expr>,
    },
    /// `lambda args: body`.
    Lambda {
        /// The parameters.
        args: Box<Arguments>,
        /// The body expression.
        body: Box<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key marks a `**` unpacking of the matching value.
    Dict {
        /// Keys; `None` for `**value`.
        keys: Vec<Option<Expr>>,
        /// Values, one per key.
        values: Vec<Expr>,
    },
    /// `{a, b}`.
    Set {
        /// The elements.
        elts: Vec<Expr>,
    },
    /// `[elt for ...]`.
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// The `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `await value`.
    Await {
        /// The awaited value.
        value: Box<Expr>,
    },
    /// `yield` / `yield value`.
    Yield {
        /// The yielded value, if any.
        value: Option<Box<Expr>>,
    },
    /// `yield from value`.
    YieldFrom {
        /// The delegated iterable.
        value: Box<Expr>,
    },
    /// `left op1 c1 op2 c2 ...`.
    Compare {
        /// The first operand.
        left: Box<Expr>,
        /// The operators, one per comparator (a boxed slice keeps `Expr` at 64 bytes).
        ops: Box<[CmpOp]>,
        /// The right-hand operands.
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`.
    Call {
        /// The callee.
        func: Box<Expr>,
        /// Positional arguments (including `Starred` for `*x`).
        args: Vec<Expr>,
        /// Keyword arguments (`arg` is `None` for `**x`).
        keywords: Vec<Keyword>,
    },
    /// One `{value!conversion:format_spec}` field of an f-string.
    FormattedValue {
        /// The formatted expression.
        value: Box<Expr>,
        /// `!s`, `!r`, `!a` or none.
        conversion: Conversion,
        /// The format spec, a `JoinedStr`, if any.
        format_spec: Option<Box<Expr>>,
    },
    /// One `{value!conversion:format_spec}` field of a t-string (PEP 750).
    Interpolation {
        /// The interpolated expression.
        value: Box<Expr>,
        /// The expression's source text (CPython's `str` field, a `str` constant).
        str: Box<str>,
        /// `!s`, `!r`, `!a` or none.
        conversion: Conversion,
        /// The format spec, a `JoinedStr`, if any.
        format_spec: Option<Box<Expr>>,
    },
    /// An f-string: `Constant` strings and `FormattedValue`s.
    JoinedStr {
        /// The parts.
        values: Vec<Expr>,
    },
    /// A t-string (PEP 750): `Constant` strings and `Interpolation`s.
    TemplateStr {
        /// The parts.
        values: Vec<Expr>,
    },
    /// A literal.
    Constant {
        /// The value.
        value: Constant,
        /// `Some(ConstantKind::U)` for a `u`-prefixed string literal.
        kind: Option<ConstantKind>,
    },
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: Identifier,
        /// Load, store or delete.
        ctx: ExprContext,
    },
    /// `value[slice]`.
    Subscript {
        /// The object.
        value: Box<Expr>,
        /// The index: an expression, a `Slice` or a `Tuple` of them.
        slice: Box<Expr>,
        /// Load, store or delete.
        ctx: ExprContext,
    },
    /// `*value`.
    Starred {
        /// The unpacked value.
        value: Box<Expr>,
        /// Load or store.
        ctx: ExprContext,
    },
    /// A name.
    Name {
        /// The identifier.
        id: Identifier,
        /// Load, store or delete.
        ctx: ExprContext,
    },
    /// `[a, b]`.
    List {
        /// The elements.
        elts: Vec<Expr>,
        /// Load, store or delete.
        ctx: ExprContext,
    },
    /// `(a, b)` / `a, b`.
    Tuple {
        /// The elements.
        elts: Vec<Expr>,
        /// Load, store or delete.
        ctx: ExprContext,
    },
    /// `lower:upper:step` inside a subscript.
    Slice {
        /// Start, if given.
        lower: Option<Box<Expr>>,
        /// Stop, if given.
        upper: Option<Box<Expr>>,
        /// Step, if given.
        step: Option<Box<Expr>>,
    },
}

/// `comprehension`: one `for target in iter if ...` clause (no position in CPython).
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` conditions.
    pub ifs: Vec<Expr>,
    /// Whether it is `async for` (dumped as `1`/`0`).
    pub is_async: bool,
}

/// `keyword`: `arg=value` in a call or class definition, or `**value` when
/// `arg` is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The source span.
    pub range: TextRange,
    /// The keyword name; `None` for `**value`.
    pub arg: Option<Identifier>,
    /// The value.
    pub value: Expr,
}
