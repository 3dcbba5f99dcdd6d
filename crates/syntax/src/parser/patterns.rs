//! `match` statement patterns: sequence, mapping, class, value, literal,
//! capture, wildcard, star, OR and AS patterns.

use super::{PResult, Parser};
use crate::TextRange;
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, Identifier, Operator, Pattern, PatternKind, Singleton,
    UnaryOp,
};
use crate::tokenizer::TokenKind as K;

impl Parser<'_> {
    /// `patterns`: an open sequence (`case a, b:`) or one pattern.
    pub(crate) fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at(K::Comma) {
            // A star pattern needs the comma of an open sequence.
            if matches!(first.kind, PatternKind::MatchStar { .. }) {
                return Err(self.unexpected());
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(K::Comma) {
            if matches!(self.kind(), K::Colon | K::If) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern::new(
            self.range_from(start),
            PatternKind::MatchSequence { patterns },
        ))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at(K::Star) {
            let start = self.bump().start;
            let (name, _) = self.name()?;
            let name = (name.as_str() != "_").then_some(name);
            return Ok(Pattern::new(
                self.range_from(start),
                PatternKind::MatchStar { name },
            ));
        }
        self.pattern()
    }

    /// `pattern`: `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let result = self.nested(1, |p| p.or_pattern());
        let pattern = result?;
        if !self.eat(K::As) {
            return Ok(pattern);
        }
        if (!self.at(K::Name) || matches!(self.kind_at(1), K::Dot | K::Lpar))
            && let Some(err) = self.invalid_pattern_target()
        {
            return Err(err);
        }
        let (name, range) = self.name()?;
        if name.as_str() == "_" {
            return Err(self.error_at(range, "cannot use '_' as a target"));
        }
        Ok(Pattern::new(
            self.range_from(start),
            PatternKind::MatchAs {
                pattern: Some(Box::new(pattern)),
                name: Some(name),
            },
        ))
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at(K::Vbar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(K::Vbar) {
            patterns.push(self.closed_pattern()?);
        }
        Ok(Pattern::new(
            self.range_from(start),
            PatternKind::MatchOr { patterns },
        ))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let token = self.token();
        let single = |value| PatternKind::MatchSingleton { value };
        match token.kind {
            K::None | K::True | K::False => {
                self.bump();
                let value = match token.kind {
                    K::None => Singleton::None,
                    K::True => Singleton::True,
                    _ => Singleton::False,
                };
                Ok(Pattern::new(self.range_from(start), single(value)))
            }
            K::Number | K::Minus => {
                let value = self.literal_number()?;
                Ok(Pattern::new(
                    value.range,
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                ))
            }
            K::String | K::FStringStart | K::TStringStart => {
                let value = self.strings()?;
                if !matches!(value.kind, ExprKind::Constant { .. }) {
                    return Err(self.error_at(
                        value.range,
                        "patterns may only match literals and attribute lookups",
                    ));
                }
                Ok(Pattern::new(
                    value.range,
                    PatternKind::MatchValue {
                        value: Box::new(value),
                    },
                ))
            }
            K::Name => {
                let name_expr = self.dotted_name_expr()?;
                if self.at(K::Lpar) {
                    return self.class_pattern(start, name_expr);
                }
                match &name_expr.kind {
                    ExprKind::Name { id, .. } => {
                        let name = (id.as_str() != "_").then(|| id.clone());
                        Ok(Pattern::new(
                            name_expr.range,
                            PatternKind::MatchAs {
                                pattern: None,
                                name,
                            },
                        ))
                    }
                    _ => Ok(Pattern::new(
                        name_expr.range,
                        PatternKind::MatchValue {
                            value: Box::new(name_expr),
                        },
                    )),
                }
            }
            K::Lpar => {
                self.bump();
                if self.eat(K::Rpar) {
                    return Ok(Pattern::new(
                        self.range_from(start),
                        PatternKind::MatchSequence {
                            patterns: Vec::new(),
                        },
                    ));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat(K::Rpar) {
                    if matches!(first.kind, PatternKind::MatchStar { .. }) {
                        return Ok(Pattern::new(
                            self.range_from(start),
                            PatternKind::MatchSequence {
                                patterns: vec![first],
                            },
                        ));
                    }
                    return Ok(first);
                }
                let mut patterns = vec![first];
                while self.eat(K::Comma) {
                    if self.at(K::Rpar) {
                        break;
                    }
                    patterns.push(self.maybe_star_pattern()?);
                }
                self.expect(K::Rpar)?;
                Ok(Pattern::new(
                    self.range_from(start),
                    PatternKind::MatchSequence { patterns },
                ))
            }
            K::Lsqb => {
                self.bump();
                let mut patterns = Vec::new();
                while !self.at(K::Rsqb) {
                    patterns.push(self.maybe_star_pattern()?);
                    if !self.eat(K::Comma) {
                        break;
                    }
                }
                self.expect(K::Rsqb)?;
                Ok(Pattern::new(
                    self.range_from(start),
                    PatternKind::MatchSequence { patterns },
                ))
            }
            K::Lbrace => self.mapping_pattern(),
            _ => Err(self.unexpected()),
        }
    }

    /// `NAME ('.' NAME)*` as a Name or Attribute chain (Load).
    fn dotted_name_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut expr = self.name_expr()?;
        while self.eat(K::Dot) {
            let (attr, _) = self.name()?;
            expr = Expr::new(
                self.range_from(start),
                ExprKind::Attribute {
                    value: Box::new(expr),
                    attr,
                    ctx: ExprContext::Load,
                },
            );
        }
        Ok(expr)
    }

    /// A signed number or complex literal (`-1`, `1 + 2j`).
    fn literal_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        let real = self.signed_number()?;
        let op = match self.kind() {
            K::Plus => Operator::Add,
            K::Minus => Operator::Sub,
            _ => return Ok(real),
        };
        // The real part is checked first, on the number itself (sign excluded).
        let number = match &real.kind {
            ExprKind::UnaryOp { operand, .. } => operand.as_ref(),
            _ => &real,
        };
        if matches!(
            &number.kind,
            ExprKind::Constant {
                value: Constant::Complex(_),
                ..
            }
        ) {
            return Err(self.error_at(number.range, "real number required in complex literal"));
        }
        self.bump();
        let imag_token = self.expect(K::Number)?;
        let value = self.number_value(imag_token)?;
        let imag = Expr::new(
            TextRange::new(imag_token.start, imag_token.end),
            ExprKind::Constant { value, kind: None },
        );
        if !matches!(
            &imag.kind,
            ExprKind::Constant {
                value: Constant::Complex(_),
                ..
            }
        ) {
            return Err(self.error_at(imag.range, "imaginary number required in complex literal"));
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imag),
            },
        ))
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        let negative = self.eat(K::Minus);
        let token = self.expect(K::Number)?;
        let value = self.number_value(token)?;
        let number = Expr::new(
            TextRange::new(token.start, token.end),
            ExprKind::Constant { value, kind: None },
        );
        if !negative {
            return Ok(number);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(number),
            },
        ))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.bump().start;
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest: Option<Identifier> = None;
        while !self.at(K::Rbrace) {
            if self.eat(K::DoubleStar) {
                // `**_` is not a capture target.
                if self.at(K::Name) && self.text_of(self.token()) == "_" {
                    return Err(self.unexpected());
                }
                rest = Some(self.name()?.0);
                self.eat(K::Comma);
                break;
            }
            let key = match self.kind() {
                K::Number | K::Minus => self.literal_number()?,
                K::String | K::FStringStart | K::TStringStart => self.strings()?,
                K::None | K::True | K::False => {
                    let token = self.bump();
                    let value = match token.kind {
                        K::None => Constant::None,
                        K::True => Constant::True,
                        _ => Constant::False,
                    };
                    Expr::new(
                        TextRange::new(token.start, token.end),
                        ExprKind::Constant { value, kind: None },
                    )
                }
                K::Name => {
                    // Keys are literals or dotted value names, never bare names.
                    let key = self.dotted_name_expr()?;
                    if matches!(key.kind, ExprKind::Name { .. }) {
                        return Err(self.unexpected());
                    }
                    key
                }
                _ => return Err(self.unexpected()),
            };
            self.expect(K::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat(K::Comma) {
                break;
            }
        }
        self.expect(K::Rbrace)?;
        Ok(Pattern::new(
            self.range_from(start),
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
        ))
    }

    fn class_pattern(&mut self, start: u32, cls: Expr) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(K::Rpar) {
            if self.at(K::Name) && self.kind_at(1) == K::Equal {
                let (attr, _) = self.name()?;
                self.bump();
                kwd_attrs.push(attr);
                kwd_patterns.push(self.pattern()?);
            } else {
                let pattern = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    // The error covers the whole run of misplaced positionals.
                    let mut end = pattern.range.end;
                    while self.at(K::Comma)
                        && !matches!(self.kind_at(1), K::Rpar)
                        && !(self.kind_at(1) == K::Name && self.kind_at(2) == K::Equal)
                    {
                        self.bump();
                        end = self.pattern()?.range.end;
                    }
                    return Err(self.error_at(
                        TextRange::new(pattern.range.start, end),
                        "positional patterns follow keyword patterns",
                    ));
                }
                patterns.push(pattern);
            }
            if !self.eat(K::Comma) {
                break;
            }
        }
        self.expect(K::Rpar)?;
        Ok(Pattern::new(
            self.range_from(start),
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
        ))
    }
}
