//! `match` statements (PEP 634): subjects, cases, guards and every
//! pattern kind. Not compiled yet: a `match` statement is reported as
//! unsupported rather than compiled wrongly.

use krait_syntax::ast::{Expr, MatchCase, Stmt};

use super::error::CResult;
use super::unit::Compiler;

impl<'a> Compiler<'a> {
    /// `match subject: case ...`.
    pub fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        _subject: &'a Expr,
        _cases: &'a [MatchCase],
    ) -> CResult {
        self.not_yet("match statements")
    }
}
