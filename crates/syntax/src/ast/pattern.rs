//! `match` statement patterns: [`Pattern`] (CPython's `pattern`) with its
//! constructors [`PatternKind`], and [`MatchCase`].

use super::{Expr, Identifier, Stmt};
use crate::TextRange;

/// A pattern node: where it is and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// The source span.
    pub range: TextRange,
    /// The constructor and its fields.
    pub kind: PatternKind,
}

impl Pattern {
    /// A pattern of `kind` spanning `range`.
    pub fn new(range: TextRange, kind: PatternKind) -> Self {
        Self { range, kind }
    }
}

/// The value of a `MatchSingleton` pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Singleton {
    /// `None`
    None,
    /// `True`
    True,
    /// `False`
    False,
}

/// The constructors of CPython's `pattern`, with CPython's field names.
#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted-name value compared with `==`.
    MatchValue {
        /// The value expression.
        value: Box<Expr>,
    },
    /// `None`, `True` or `False`, compared with `is`.
    MatchSingleton {
        /// The singleton.
        value: Singleton,
    },
    /// `[p, q, *rest]` / `(p, q)`.
    MatchSequence {
        /// The element patterns (a `MatchStar` for `*rest`).
        patterns: Vec<Pattern>,
    },
    /// `{key: p, **rest}`.
    MatchMapping {
        /// The keys.
        keys: Vec<Expr>,
        /// The value patterns, one per key.
        patterns: Vec<Pattern>,
        /// The `**rest` name, if any.
        rest: Option<Identifier>,
    },
    /// `cls(p, name=q)`.
    MatchClass {
        /// The class expression.
        cls: Box<Expr>,
        /// Positional sub-patterns.
        patterns: Vec<Pattern>,
        /// Keyword names.
        kwd_attrs: Vec<Identifier>,
        /// Keyword sub-patterns, one per name.
        kwd_patterns: Vec<Pattern>,
    },
    /// `*name` / `*_` inside a sequence pattern.
    MatchStar {
        /// The bound name; `None` for `*_`.
        name: Option<Identifier>,
    },
    /// `pattern as name`, a capture `name`, or the wildcard `_` (both `None`).
    MatchAs {
        /// The sub-pattern, if any.
        pattern: Option<Box<Pattern>>,
        /// The bound name, if any.
        name: Option<Identifier>,
    },
    /// `p | q`.
    MatchOr {
        /// The alternatives.
        patterns: Vec<Pattern>,
    },
}

/// `match_case`: one `case pattern if guard: body` (no position in CPython).
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The pattern.
    pub pattern: Pattern,
    /// The guard, if any.
    pub guard: Option<Box<Expr>>,
    /// The body.
    pub body: Vec<Stmt>,
}
