//! CPython's second-pass `invalid_*` rules that need to look back at what
//! was already parsed. They run only on error paths: each saves the cursor,
//! re-parses speculatively from an earlier token and restores the cursor, so
//! valid programs never pay for them.

use super::expressions::expr_name;
use super::targets::{TargetKind, invalid_target};
use super::{ParseError, Parser};
use crate::TextRange;
use crate::ast::{Expr, ExprKind};
use crate::tokenizer::TokenKind as K;

impl Parser<'_> {
    /// Runs `f` and puts the cursor back where it was.
    pub(crate) fn speculate<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        let (pos, prev_end, depth) = (self.pos, self.prev_end, self.depth);
        let result = f(self);
        self.pos = pos;
        self.prev_end = prev_end;
        self.depth = depth;
        result
    }

    /// Whether a `list`, parenthesized `tuple` or `genexp` (or `True`,
    /// `None`, `False`) starts at the cursor: the negative lookahead of
    /// `invalid_named_expression`.
    fn at_display_or_singleton(&mut self) -> bool {
        match self.kind() {
            K::True | K::False | K::None => true,
            K::Lsqb | K::Lpar => self.speculate(|p| {
                p.atom().is_ok_and(|e| {
                    matches!(
                        e.kind,
                        ExprKind::List { .. }
                            | ExprKind::Tuple { .. }
                            | ExprKind::GeneratorExp { .. }
                    )
                })
            }),
            _ => false,
        }
    }

    /// `invalid_named_expression` (its `=` alternatives) at the cursor:
    /// `NAME '=' bitwise_or` or `bitwise_or '=' bitwise_or` not followed by
    /// `=` or `:=`. The cursor is left unchanged.
    pub(crate) fn invalid_named_assignment(&mut self) -> Option<ParseError> {
        if self.at(K::Name) && self.kind_at(1) == K::Equal {
            let found = self.speculate(|p| {
                let name = p.bump();
                p.bump();
                let value = p.bitwise_or().ok()?;
                if matches!(p.kind(), K::Equal | K::ColonEqual) {
                    return None;
                }
                Some(TextRange::new(name.start, value.range.end))
            });
            if let Some(range) = found {
                return Some(self.error_at(
                    range,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                ));
            }
        }
        if self.at_display_or_singleton() {
            return None;
        }
        let found = self.speculate(|p| {
            let target = p.bitwise_or().ok()?;
            if !p.eat(K::Equal) {
                return None;
            }
            p.bitwise_or().ok()?;
            if matches!(p.kind(), K::Equal | K::ColonEqual) {
                return None;
            }
            Some((target.range, expr_name(&target)))
        });
        found.map(|(range, name)| {
            self.error_at(
                range,
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
            )
        })
    }

    /// `invalid_assignment` for a statement starting at token `start_pos`
    /// whose `=`-separated parts are `targets` (the value excluded), at
    /// least one of them invalid.
    pub(crate) fn invalid_assignment(&mut self, start_pos: usize, targets: &[Expr]) -> ParseError {
        // The first target list, element by element, as star_named_expressions.
        let named = self.speculate(|p| {
            p.pos = start_pos;
            loop {
                if !p.at(K::Star) {
                    if let Some(err) = p.invalid_named_assignment() {
                        return Some(err);
                    }
                }
                if p.star_named_expression().is_err() || !p.eat(K::Comma) {
                    return None;
                }
                if !p.starts_expression() && !p.at(K::Star) {
                    return None;
                }
            }
        });
        if let Some(err) = named {
            return err;
        }
        for target in targets {
            if matches!(
                target.kind,
                ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }
            ) {
                return self.error_at(target.range, "assignment to yield expression not possible");
            }
            if let Some(bad) = invalid_target(target, TargetKind::Star) {
                return self.error_at(bad.range, format!("cannot assign to {}", expr_name(bad)));
            }
        }
        self.unexpected()
    }
}
