//! CPython's second-pass `invalid_*` rules that need to look back at what
//! was already parsed. They run only on error paths: each saves the cursor,
//! re-parses speculatively from an earlier token and restores the cursor, so
//! valid programs never pay for them.

use super::expressions::expr_name;
use super::targets::{TargetKind, invalid_target};
use super::{PResult, ParseError, Parser};
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
                if !p.at(K::Star)
                    && let Some(err) = p.invalid_named_assignment()
                {
                    return Some(err);
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

impl Parser<'_> {
    /// `expression_without_invalid`: a conditional expression, a
    /// disjunction or a lambda.
    fn expression_without_invalid(&mut self) -> Option<Expr> {
        self.expression().ok()
    }

    /// `invalid_expression` for an expression that started at token
    /// `start_pos` and stopped at the cursor: text between two strings, or
    /// two expressions side by side inside brackets ("Perhaps you forgot a
    /// comma?"). The cursor is left unchanged.
    pub(crate) fn invalid_expression(&mut self, start_pos: usize) -> Option<ParseError> {
        let found = self.speculate(|p| {
            p.pos = start_pos;
            if let Some(range) = p.between_strings() {
                return Some((range, "invalid syntax. Is this intended to be part of the string?"));
            }
            p.pos = start_pos;
            let first = p.token();
            if first.kind == K::Name
                && (p.kind_at(1) == K::String
                    || matches!(p.text_of(first), "_" | "case" | "match" | "type"))
            {
                return None;
            }
            let a = p.disjunction().ok()?;
            if !p.starts_expression() {
                return None;
            }
            let b = p.expression_without_invalid()?;
            let legacy = matches!(&a.kind, ExprKind::Name { id, .. } if matches!(id.as_str(), "print" | "exec"));
            if legacy || !p.inside_brackets(b.range.end) {
                return None;
            }
            Some((
                TextRange::new(a.range.start, b.range.end),
                "invalid syntax. Perhaps you forgot a comma?",
            ))
        });
        found.map(|(range, msg)| self.error_at(range, msg))
    }

    /// `STRING (!STRING expression_without_invalid)+ STRING` at the cursor:
    /// the range of the expressions between the strings.
    fn between_strings(&mut self) -> Option<TextRange> {
        if !self.at(K::String) {
            return None;
        }
        self.bump();
        let mut range: Option<TextRange> = None;
        while !self.at(K::String) {
            if !self.starts_expression() {
                return None;
            }
            let e = self.expression_without_invalid()?;
            range = Some(match range {
                Some(r) => TextRange::new(r.start, e.range.end),
                None => e.range,
            });
        }
        range
    }

    /// Whether the token ending at `end` sits inside brackets.
    fn inside_brackets(&self, end: u32) -> bool {
        let mut depth = 0i32;
        for token in self.tokens {
            if token.start >= end {
                break;
            }
            match token.kind {
                K::Lpar | K::Lsqb | K::Lbrace | K::FStringStart | K::TStringStart => depth += 1,
                K::Rpar | K::Rsqb | K::Rbrace | K::FStringEnd | K::TStringEnd => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    }

    /// `invalid_legacy_expression`: `print x` / `exec x` at token `start_pos`.
    pub(crate) fn invalid_legacy_expression(&mut self, start_pos: usize) -> Option<ParseError> {
        let found = self.speculate(|p| {
            p.pos = start_pos;
            let name = p.token();
            if name.kind != K::Name || p.kind_at(1) == K::Lpar {
                return None;
            }
            let word = p.text_of(name);
            if word != "print" && word != "exec" {
                return None;
            }
            p.bump();
            if !p.starts_expression() && !p.at(K::Star) {
                return None;
            }
            let value = p.star_expressions().ok()?;
            Some((TextRange::new(name.start, value.range.end), word))
        });
        found.map(|(range, word)| {
            self.error_at(
                range,
                format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
            )
        })
    }
}

impl Parser<'_> {
    /// A token CPython's grammar forces (`&&'('`): "expected '('" at the
    /// current token when it is something else.
    pub(crate) fn expect_forced(&mut self, kind: K, text: &str) -> PResult<()> {
        if self.eat(kind) {
            return Ok(());
        }
        let token = self.token();
        if token.kind == K::ErrorToken {
            return Err(self.unexpected());
        }
        Err(self.error_at(
            TextRange::new(token.start, token.end),
            format!("expected '{text}'"),
        ))
    }

    /// `invalid_type_param` at the `:` after `*Ts` or `**P`: a bound or
    /// constraints given to a `TypeVarTuple` or `ParamSpec` (`what`).
    pub(crate) fn invalid_star_type_param_bound(&mut self, what: &str) -> ParseError {
        let colon = self.bump();
        match self.expression() {
            Ok(bound) => {
                let found = if matches!(bound.kind, ExprKind::Tuple { .. }) {
                    "constraints"
                } else {
                    "bound"
                };
                self.error_at(
                    TextRange::new(colon.start, bound.range.end),
                    format!("cannot use {found} with {what}"),
                )
            }
            Err(err) => err,
        }
    }

    /// `'except' expression 'as' a=expression ':'` where `a` is not a
    /// plain name: "cannot use except statement with ...". The cursor is
    /// after `as`.
    pub(crate) fn invalid_except_target(&mut self, is_star: bool) -> Option<ParseError> {
        let target = self.speculate(|p| {
            let target = p.expression().ok()?;
            p.at(K::Colon).then_some(target)
        });
        let star = if is_star { "*" } else { "" };
        target.map(|target| {
            self.error_at(
                target.range,
                format!(
                    "cannot use except{star} statement with {}",
                    expr_name(&target)
                ),
            )
        })
    }

    /// `invalid_as_pattern`: `or_pattern 'as' expression` where the
    /// expression is not a capture name. The cursor is after `as`.
    pub(crate) fn invalid_pattern_target(&mut self) -> Option<ParseError> {
        let target = self.speculate(|p| p.expression().ok())?;
        Some(self.error_at(
            target.range,
            format!("cannot use {} as pattern target", expr_name(&target)),
        ))
    }
}
