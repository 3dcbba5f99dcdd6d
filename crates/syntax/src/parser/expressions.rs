//! Expression rules: from `star_expressions` down to `atom`, comprehensions,
//! call arguments, subscripts and slices, lambdas and `yield`.
//!
//! Operator precedence follows `python.gram`; each binary precedence level is
//! a loop, so flat chains like `1 + 1 + ...` never recurse per operand.

use super::{PResult, Parser};
use crate::TextRange;
use crate::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Keyword, Operator, UnaryOp,
};
use crate::tokenizer::TokenKind as K;

impl Parser<'_> {
    /// `expressions`: `expression (',' expression)* [',']`, a tuple if a comma occurs.
    pub(crate) fn expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.expression()?;
        if !self.at(K::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.expression()?);
        }
        Ok(self.tuple(elts, start))
    }

    /// `star_expressions`: like `expressions` but items may be `*x`.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at(K::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if !self.starts_expression() && !self.at(K::Star) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(self.tuple(elts, start))
    }

    fn tuple(&self, elts: Vec<Expr>, start: u32) -> Expr {
        Expr::new(
            self.range_from(start),
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
        )
    }

    /// `star_expression`: `'*' bitwise_or | expression`.
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at(K::Star) {
            return self.starred(|p| p.bitwise_or());
        }
        self.expression()
    }

    /// An element inside brackets: `star_named_expression`, explaining two
    /// expressions side by side ("Perhaps you forgot a comma?").
    pub(crate) fn bracket_element(&mut self) -> PResult<Expr> {
        let start_pos = self.pos;
        let expr = self.star_named_expression()?;
        if self.starts_expression()
            && let Some(err) = self.invalid_expression(start_pos)
        {
            return Err(err);
        }
        Ok(expr)
    }

    /// `star_named_expression`: `'*' bitwise_or | named_expression`.
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(K::Star) {
            return self.starred(|p| p.bitwise_or());
        }
        self.named_expression()
    }

    /// `'*' <inner>` as a `Starred` node.
    pub(crate) fn starred(
        &mut self,
        inner: impl FnOnce(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.bump().start;
        let value = inner(self)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Starred {
                value: Box::new(value),
                ctx: ExprContext::Load,
            },
        ))
    }

    /// `named_expression`: `NAME ':=' expression | expression !':='`.
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if self.at(K::Name) && self.kind_at(1) == K::ColonEqual {
            let start = self.start();
            let mut target = self.name_expr()?;
            if let ExprKind::Name { ctx, .. } = &mut target.kind {
                *ctx = ExprContext::Store;
            }
            self.bump();
            let value = self.expression()?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
            ));
        }
        let start_pos = self.pos;
        let expr = self.expression()?;
        if self.at(K::Equal) {
            let end_pos = self.pos;
            self.pos = start_pos;
            let err = self.invalid_named_assignment();
            self.pos = end_pos;
            if let Some(err) = err {
                return Err(err);
            }
        }
        if self.at(K::ColonEqual) {
            let name = expr_name(&expr);
            return Err(self.error_at(
                expr.range,
                format!("cannot use assignment expressions with {name}"),
            ));
        }
        Ok(expr)
    }

    /// Whether the current token can start an expression.
    pub(crate) fn starts_expression(&self) -> bool {
        matches!(
            self.kind(),
            K::Name
                | K::Number
                | K::String
                | K::FStringStart
                | K::TStringStart
                | K::Lpar
                | K::Lsqb
                | K::Lbrace
                | K::Minus
                | K::Plus
                | K::Tilde
                | K::Not
                | K::Lambda
                | K::Await
                | K::None
                | K::True
                | K::False
                | K::Ellipsis
        )
    }

    /// `expression`: conditional expressions and lambdas.
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        if self.at(K::Lambda) {
            return self.lambda();
        }
        let start = self.start();
        let body = self.disjunction()?;
        if !self.at(K::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.disjunction()?;
        if !self.eat(K::Else) {
            return Err(self.error_at(
                self.range_from(start),
                "expected 'else' after 'if' expression",
            ));
        }
        if !self.starts_expression() {
            let next = self.token();
            return Err(self.error_at(
                TextRange::new(next.start, next.end),
                "expected expression after 'else', but statement is given",
            ));
        }
        let orelse = self.nested(1, |p| p.expression());
        let orelse = orelse?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
        ))
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        let args = self.parameters(false, K::Colon)?;
        let colon = self.expect(K::Colon)?;
        if let what @ ("f-string" | "t-string") = match self.kind() {
            K::FStringMiddle => "f-string",
            K::TStringMiddle => "t-string",
            _ => "",
        } {
            // The `:` of an unparenthesized lambda started a format spec.
            return Err(self.error_at(
                TextRange::new(start, colon.end),
                format!("{what}: lambda expressions are not allowed without parentheses"),
            ));
        }
        let body = self.nested(2, |p| p.expression());
        let body = body?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
        ))
    }

    /// `disjunction`: `conjunction ('or' conjunction)*`.
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.conjunction()?;
        if !self.at(K::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(K::Or) {
            values.push(self.conjunction()?);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
        ))
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.inversion()?;
        if !self.at(K::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(K::And) {
            values.push(self.inversion()?);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
        ))
    }

    pub(crate) fn inversion(&mut self) -> PResult<Expr> {
        if self.at(K::Not) {
            let start = self.bump().start;
            let operand = self.nested(1, |p| p.inversion());
            let operand = operand?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
            ));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.kind() {
                K::EqEqual => CmpOp::Eq,
                K::NotEqual => CmpOp::NotEq,
                K::LessEqual => CmpOp::LtE,
                K::Less => CmpOp::Lt,
                K::GreaterEqual => CmpOp::GtE,
                K::Greater => CmpOp::Gt,
                K::In => CmpOp::In,
                K::Not if self.kind_at(1) == K::In => {
                    self.bump();
                    CmpOp::NotIn
                }
                K::Is if self.kind_at(1) == K::Not => {
                    self.bump();
                    CmpOp::IsNot
                }
                K::Is => CmpOp::Is,
                K::LessGreater => {
                    let token = self.token();
                    return Err(self.error_at(
                        TextRange::new(token.start, token.end),
                        "invalid syntax.  Maybe you meant '!=' instead of '<>'?",
                    ));
                }
                _ => break,
            };
            self.bump();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Compare {
                left: Box::new(left),
                ops: ops.into_boxed_slice(),
                comparators,
            },
        ))
    }

    /// `bitwise_or` and all binary operator levels below it.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    /// Binary operators by precedence climbing: one `factor`, then every
    /// operator binding at least as tightly as `min_level` (0 is `|`, 5 is
    /// `*`), each right operand parsed one level tighter. One loop replaces a
    /// descent through all six grammar levels per operand.
    fn binary(&mut self, min_level: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = self.factor()?;
        while let Some((level, op)) = binary_operator(self.kind()) {
            if level < min_level {
                break;
            }
            self.bump();
            if level >= 4 && self.at(K::Not) {
                return Err(self.not_after_operator(false));
            }
            let right = self.binary(level + 1)?;
            left = Expr::new(
                self.range_from(start),
                ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
            );
        }
        Ok(left)
    }

    /// `invalid_arithmetic` / `invalid_factor`: `not` right after an
    /// operator, explained over `not` and its operand.
    fn not_after_operator(&mut self, unary: bool) -> super::ParseError {
        let not = self.token();
        let end = self.speculate(|p| {
            p.bump();
            let operand = if unary { p.factor() } else { p.inversion() };
            operand.ok().map(|_| p.prev_end)
        });
        match end {
            Some(end) => self.error_at(
                TextRange::new(not.start, end),
                "'not' after an operator must be parenthesized",
            ),
            None => self.unexpected(),
        }
    }

    /// `factor`: unary `+`, `-`, `~`, then `power`.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            K::Plus => UnaryOp::UAdd,
            K::Minus => UnaryOp::USub,
            K::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.bump().start;
        if self.at(K::Not) {
            return Err(self.not_after_operator(true));
        }
        let operand = self.nested(1, |p| p.factor());
        let operand = operand?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = self.await_primary()?;
        if !self.eat(K::DoubleStar) {
            return Ok(base);
        }
        let exponent = self.nested(2, |p| p.factor());
        let exponent = exponent?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::BinOp {
                left: Box::new(base),
                op: Operator::Pow,
                right: Box::new(exponent),
            },
        ))
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.at(K::Await) {
            let start = self.bump().start;
            let value = self.primary()?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::Await {
                    value: Box::new(value),
                },
            ));
        }
        self.primary()
    }

    /// `primary`: an atom followed by attribute, call and subscript trailers.
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut expr = self.atom()?;
        loop {
            match self.kind() {
                K::Dot => {
                    self.bump();
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
                K::Lpar => {
                    let (args, keywords) = self.call_arguments()?;
                    expr = Expr::new(
                        self.range_from(start),
                        ExprKind::Call {
                            func: Box::new(expr),
                            args,
                            keywords,
                        },
                    );
                }
                K::Lsqb => {
                    self.bump();
                    let slice = self.slices()?;
                    self.expect(K::Rsqb)?;
                    expr = Expr::new(
                        self.range_from(start),
                        ExprKind::Subscript {
                            value: Box::new(expr),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                        },
                    );
                }
                _ => return Ok(expr),
            }
        }
    }

    /// `'*' expression '=' expression` in a call: "cannot assign to ..."
    /// over the star up to the assigned value.
    fn assigned_unpacking(&mut self, start: u32, what: &str) -> super::ParseError {
        self.bump();
        if let Err(err) = self.expression() {
            return err;
        }
        self.error_at(self.range_from(start), format!("cannot assign to {what}"))
    }

    /// A positional call argument: `named_expression` without the
    /// `invalid_named_expression` check (`invalid_kwarg` explains `=` there).
    fn named_expression_in_call(&mut self) -> PResult<Expr> {
        if self.at(K::Name) && self.kind_at(1) == K::ColonEqual {
            return self.named_expression();
        }
        let expr = self.expression()?;
        if self.at(K::ColonEqual) {
            let name = expr_name(&expr);
            return Err(self.error_at(
                expr.range,
                format!("cannot use assignment expressions with {name}"),
            ));
        }
        Ok(expr)
    }

    /// `(` arguments `)` of a call.
    pub(crate) fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.bump().start;
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        while !self.at(K::Rpar) {
            match self.kind() {
                K::Star => {
                    if matches!(self.kind_at(1), K::Rpar | K::Comma) {
                        self.bump();
                        let next = self.token();
                        return Err(self.error_at(
                            TextRange::new(next.start, next.end),
                            "Invalid star expression",
                        ));
                    }
                    let comma = self.token_at(self.pos.saturating_sub(1));
                    let star = self.start();
                    let starred = self.starred(|p| p.expression())?;
                    if self.at(K::Equal) {
                        return Err(self.assigned_unpacking(star, "iterable argument unpacking"));
                    }
                    if keywords.iter().any(|k| k.arg.is_none()) {
                        while self.at(K::Comma) && self.kind_at(1) == K::Star {
                            self.bump();
                            self.starred(|p| p.expression())?;
                        }
                        return Err(self.error_at(
                            self.range_from(comma.start),
                            "iterable argument unpacking follows keyword argument unpacking",
                        ));
                    }
                    args.push(starred);
                }
                K::DoubleStar => {
                    let start = self.bump().start;
                    let value = self.expression()?;
                    if self.at(K::Equal) {
                        return Err(self.assigned_unpacking(start, "keyword argument unpacking"));
                    }
                    keywords.push(Keyword {
                        range: self.range_from(start),
                        arg: None,
                        value,
                    });
                }
                K::True | K::False | K::None if self.kind_at(1) == K::Equal => {
                    let word = self.bump();
                    let equal = self.bump();
                    return Err(self.error_at(
                        TextRange::new(word.start, equal.end),
                        format!("cannot assign to {}", self.text_of(word)),
                    ));
                }
                K::Name if self.kind_at(1) == K::Equal => {
                    let start = self.start();
                    let (arg, _) = self.name()?;
                    let equal = self.bump();
                    if matches!(self.kind(), K::Comma | K::Rpar) {
                        return Err(self.error_at(
                            TextRange::new(start, equal.end),
                            "expected argument value expression",
                        ));
                    }
                    let value = self.expression()?;
                    if matches!(self.kind(), K::For | K::Async) {
                        return Err(self.error_at(
                            TextRange::new(start, equal.end),
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                    keywords.push(Keyword {
                        range: self.range_from(start),
                        arg: Some(arg),
                        value,
                    });
                }
                _ => {
                    let value_start = self.start();
                    let value_pos = self.pos;
                    let value = self.named_expression_in_call()?;
                    if self.starts_expression()
                        && let Some(err) = self.invalid_expression(value_pos)
                    {
                        return Err(err);
                    }
                    if matches!(self.kind(), K::For | K::Async) {
                        let generators = self.comprehension_clauses()?;
                        if self.at(K::Comma) && self.kind_at(1) != K::Rpar {
                            return Err(self.error_at(
                                TextRange::new(value_start, self.prev_end),
                                "Generator expression must be parenthesized",
                            ));
                        }
                        let close = self.expect(K::Rpar)?;
                        let genexp = Expr::new(
                            TextRange::new(open, close.end),
                            ExprKind::GeneratorExp {
                                elt: Box::new(value),
                                generators,
                            },
                        );
                        if !args.is_empty() || !keywords.is_empty() {
                            return Err(self.error_at(
                                genexp.range,
                                "Generator expression must be parenthesized",
                            ));
                        }
                        args.push(genexp);
                        return Ok((args, keywords));
                    }
                    if self.at(K::Equal) {
                        let equal = self.token();
                        return Err(self.error_at(
                            TextRange::new(value.range.start, equal.end),
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                        ));
                    }
                    let next = self.token();
                    let next = TextRange::new(next.start, next.end);
                    if keywords.iter().any(|k| k.arg.is_none()) {
                        return Err(self.error_at(
                            next,
                            "positional argument follows keyword argument unpacking",
                        ));
                    }
                    if !keywords.is_empty() {
                        return Err(
                            self.error_at(next, "positional argument follows keyword argument")
                        );
                    }
                    args.push(value);
                }
            }
            if !self.eat(K::Comma) {
                break;
            }
        }
        self.expect(K::Rpar)?;
        Ok((args, keywords))
    }

    /// `slices` inside `[...]`: one slice, or a tuple of slices and starred items.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at(K::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Ok(self.tuple(vec![first], start));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if self.at(K::Rsqb) {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(self.tuple(elts, start))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        if self.at(K::Star) {
            return self.starred(|p| p.bitwise_or());
        }
        let start = self.start();
        let lower = if self.at(K::Colon) {
            None
        } else {
            let expr = self.named_expression()?;
            if !self.at(K::Colon) {
                return Ok(expr);
            }
            Some(Box::new(expr))
        };
        self.expect(K::Colon)?;
        let upper = if matches!(self.kind(), K::Colon | K::Comma | K::Rsqb) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat(K::Colon) {
            if matches!(self.kind(), K::Comma | K::Rsqb) {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Slice { lower, upper, step },
        ))
    }

    /// `atom`.
    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let token = self.token();
        let range = TextRange::new(token.start, token.end);
        let constant = |value| ExprKind::Constant { value, kind: None };
        match token.kind {
            K::Name => self.name_expr(),
            K::True => {
                self.bump();
                Ok(Expr::new(range, constant(Constant::True)))
            }
            K::False => {
                self.bump();
                Ok(Expr::new(range, constant(Constant::False)))
            }
            K::None => {
                self.bump();
                Ok(Expr::new(range, constant(Constant::None)))
            }
            K::Ellipsis => {
                self.bump();
                Ok(Expr::new(range, constant(Constant::Ellipsis)))
            }
            K::Number => {
                self.bump();
                let value = self.number_value(token)?;
                Ok(Expr::new(range, constant(value)))
            }
            K::String | K::FStringStart | K::TStringStart => self.strings(),
            K::Lpar => self.nested(1, |p| p.paren_atom()),
            K::Lsqb => self.nested(1, |p| p.list_atom()),
            K::Lbrace => self.nested(1, |p| p.brace_atom()),
            _ => Err(self.unexpected()),
        }
    }

    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat(K::Rpar) {
            return Ok(self.tuple(Vec::new(), start));
        }
        if self.at(K::Yield) {
            let value = self.yield_expr()?;
            self.expect(K::Rpar)?;
            return Ok(value);
        }
        if self.at(K::DoubleStar) {
            let star = self.token();
            let group = self.speculate(|p| {
                p.bump();
                p.expression().is_ok() && p.at(K::Rpar)
            });
            if group {
                return Err(self.error_at(
                    TextRange::new(star.start, star.end),
                    "cannot use double starred expression here",
                ));
            }
        }
        let first = self.bracket_element()?;
        if matches!(self.kind(), K::For | K::Async) {
            self.starred_comprehension_element(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect(K::Rpar)?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        if self.eat(K::Rpar) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.error_at(first.range, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if self.at(K::Rpar) {
                break;
            }
            elts.push(self.bracket_element()?);
        }
        self.expect(K::Rpar)?;
        Ok(self.tuple(elts, start))
    }

    fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat(K::Rsqb) {
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::List {
                    elts: Vec::new(),
                    ctx: ExprContext::Load,
                },
            ));
        }
        let first = self.bracket_element()?;
        if matches!(self.kind(), K::For | K::Async) {
            self.starred_comprehension_element(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect(K::Rsqb)?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if self.at(K::Rsqb) {
                break;
            }
            if matches!(self.kind(), K::For | K::Async) {
                return Err(self.unparenthesized_comprehension_target(&elts));
            }
            elts.push(self.bracket_element()?);
        }
        if matches!(self.kind(), K::For | K::Async) {
            return Err(self.unparenthesized_comprehension_target(&elts));
        }
        self.expect(K::Rsqb)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::List {
                elts,
                ctx: ExprContext::Load,
            },
        ))
    }

    fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat(K::Rbrace) {
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
            ));
        }
        if self.at(K::DoubleStar) {
            return self.dict_rest(start, Vec::new(), Vec::new());
        }
        let first = self.bracket_element()?;
        if self.at(K::Colon) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.unexpected());
            }
            self.bump();
            let value_pos = self.pos;
            let value = self.dict_value()?;
            if self.starts_expression()
                && let Some(err) = self.invalid_expression(value_pos)
            {
                return Err(err);
            }
            if matches!(self.kind(), K::For | K::Async) {
                let generators = self.comprehension_clauses()?;
                self.expect(K::Rbrace)?;
                return Ok(Expr::new(
                    self.range_from(start),
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                ));
            }
            return self.dict_rest(start, vec![Some(first)], vec![value]);
        }
        if matches!(self.kind(), K::For | K::Async) {
            self.starred_comprehension_element(&first)?;
            let generators = self.comprehension_clauses()?;
            self.expect(K::Rbrace)?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
            ));
        }
        let mut elts = vec![first];
        while self.eat(K::Comma) {
            if self.at(K::Rbrace) {
                break;
            }
            if matches!(self.kind(), K::For | K::Async) {
                return Err(self.unparenthesized_comprehension_target(&elts));
            }
            elts.push(self.bracket_element()?);
        }
        if matches!(self.kind(), K::For | K::Async) {
            return Err(self.unparenthesized_comprehension_target(&elts));
        }
        self.expect(K::Rbrace)?;
        Ok(Expr::new(self.range_from(start), ExprKind::Set { elts }))
    }

    /// The rest of a dict display after its first item (if any).
    fn dict_rest(
        &mut self,
        start: u32,
        mut keys: Vec<Option<Expr>>,
        mut values: Vec<Expr>,
    ) -> PResult<Expr> {
        let mut first = keys.is_empty();
        loop {
            if !first {
                if !self.eat(K::Comma) {
                    break;
                }
                if self.at(K::Rbrace) {
                    break;
                }
            }
            first = false;
            if self.at(K::DoubleStar) {
                let star = self.bump().start;
                keys.push(None);
                let value = self.bitwise_or()?;
                if matches!(self.kind(), K::For | K::Async) && values.is_empty() {
                    return Err(self.error_at(
                        TextRange::new(star, star + 2),
                        "dict unpacking cannot be used in dict comprehension",
                    ));
                }
                values.push(value);
            } else {
                let key = self.expression()?;
                if !self.at(K::Colon) {
                    if !values.is_empty() {
                        return Err(self.missing_dict_colon(&key));
                    }
                    return Err(self.unexpected());
                }
                self.bump();
                keys.push(Some(key));
                let value_pos = self.pos;
                values.push(self.dict_value()?);
                if self.starts_expression()
                    && let Some(err) = self.invalid_expression(value_pos)
                {
                    return Err(err);
                }
            }
        }
        self.expect(K::Rbrace)?;
        Ok(Expr::new(
            self.range_from(start),
            ExprKind::Dict { keys, values },
        ))
    }

    /// A dictionary value after `key ':'`, explaining a missing or
    /// starred value as CPython does.
    fn dict_value(&mut self) -> PResult<Expr> {
        if matches!(self.kind(), K::Rbrace | K::Comma) {
            let colon = self.token_at(self.pos.saturating_sub(1));
            return Err(self.error_at(
                TextRange::new(colon.start, colon.end),
                "expression expected after dictionary key and ':'",
            ));
        }
        if self.at(K::Star) {
            let star = self.token();
            let end = self.speculate(|p| {
                p.bump();
                p.bitwise_or().ok().map(|_| p.prev_end)
            });
            if let Some(end) = end {
                return Err(self.error_at(
                    TextRange::new(star.start, end),
                    "cannot use a starred expression in a dictionary value",
                ));
            }
        }
        self.expression()
    }

    /// `invalid_kvpair`: a key without `':'` after an earlier pair, placed
    /// on the key's last character.
    fn missing_dict_colon(&self, key: &Expr) -> super::ParseError {
        let mut err = self.build(
            crate::error::ErrorKind::SyntaxError,
            "':' expected after dictionary key",
            key.range,
        );
        err.offset = Some(self.char_column(key.range.end) - 1);
        err.end_lineno = err.lineno;
        err.end_offset = Some(0);
        super::ParseError::Built(Box::new(err))
    }

    /// `[*x for ...]`: iterable unpacking in a comprehension element.
    fn starred_comprehension_element(&self, first: &Expr) -> PResult<()> {
        if matches!(first.kind, ExprKind::Starred { .. }) {
            return Err(self.error_at(
                first.range,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// `[a, b for ...]`: the comprehension target needs parentheses.
    fn unparenthesized_comprehension_target(&self, elts: &[Expr]) -> super::ParseError {
        let first = elts.first().map_or(0, |e| e.range.start);
        let end = if self.token_at(self.pos.saturating_sub(1)).kind == K::Comma {
            self.prev_end
        } else {
            elts.last().map_or(first, |e| e.range.end)
        };
        self.error_at(
            TextRange::new(first, end),
            "did you forget parentheses around the comprehension target?",
        )
    }

    /// `for_if_clauses`: one or more `[async] for targets in expr (if expr)*`.
    pub(crate) fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while matches!(self.kind(), K::For | K::Async) {
            let is_async = self.eat(K::Async);
            self.expect(K::For)?;
            let target = self.star_targets()?;
            if !self.at(K::In) {
                let next = self.token();
                return Err(self.error_at(
                    TextRange::new(next.start, next.end),
                    "'in' expected after for-loop variables",
                ));
            }
            self.bump();
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(K::If) {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(generators)
    }

    /// `yield_expr`: `yield from expr` or `yield [star_expressions]`.
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.bump().start;
        if self.eat(K::From) {
            let value = self.expression()?;
            return Ok(Expr::new(
                self.range_from(start),
                ExprKind::YieldFrom {
                    value: Box::new(value),
                },
            ));
        }
        let value = if self.starts_expression() || self.at(K::Star) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr::new(self.range_from(start), ExprKind::Yield { value }))
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::TemplateStr { .. } | ExprKind::Interpolation { .. } => "t-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The precedence level (0 = `|` … 5 = `*`) and operator of a binary operator token.
fn binary_operator(kind: K) -> Option<(u8, Operator)> {
    Some(match kind {
        K::Vbar => (0, Operator::BitOr),
        K::Circumflex => (1, Operator::BitXor),
        K::Amper => (2, Operator::BitAnd),
        K::LeftShift => (3, Operator::LShift),
        K::RightShift => (3, Operator::RShift),
        K::Plus => (4, Operator::Add),
        K::Minus => (4, Operator::Sub),
        K::Star => (5, Operator::Mult),
        K::Slash => (5, Operator::Div),
        K::DoubleSlash => (5, Operator::FloorDiv),
        K::Percent => (5, Operator::Mod),
        K::At => (5, Operator::MatMult),
        _ => return None,
    })
}
