//! Statement rules: simple statements (assignments, imports, `del`, ...),
//! compound statements (`if`, loops, `try`, `with`, `match`, function and
//! class definitions with decorators and type parameters) and blocks.

use super::targets::TargetKind;
use super::{PResult, ParseError, Parser};
use crate::TextRange;
use crate::ast::{
    Alias, Arg, Arguments, ClassDef, ExceptHandler, Expr, ExprContext, ExprKind, FunctionDef,
    Identifier, MatchCase, Operator, Stmt, StmtKind, Try, TypeParam, TypeParamKind, WithItem,
};
use crate::error::ErrorKind;
use crate::tokenizer::{Token, TokenKind as K};

impl Parser<'_> {
    /// Statements up to the end of input.
    pub(crate) fn statements_until_end(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.kind() {
                K::EndMarker => return Ok(body),
                K::Newline => {
                    self.bump();
                }
                _ => body.extend(self.statement()?),
            }
        }
    }

    /// One statement line: a compound statement or `simple_stmts`.
    pub(crate) fn statement(&mut self) -> PResult<Vec<Stmt>> {
        let stmt = match self.kind() {
            K::Def => self.function_def(Vec::new(), None)?,
            K::If => self.if_stmt()?,
            K::Class => self.class_def(Vec::new())?,
            K::With => self.with_stmt(None)?,
            K::For => self.for_stmt(None)?,
            K::Try => self.try_stmt()?,
            K::While => self.while_stmt()?,
            K::At => self.decorated()?,
            K::Async => {
                let start = self.bump().start;
                match self.kind() {
                    K::Def => self.function_def(Vec::new(), Some(start))?,
                    K::With => self.with_stmt(Some(start))?,
                    K::For => self.for_stmt(Some(start))?,
                    _ => return Err(self.unexpected()),
                }
            }
            K::Name if self.at_soft_keyword("match") => match self.match_stmt()? {
                Ok(stmt) => stmt,
                Err(None) => return self.simple_stmts(),
                Err(Some(newline)) => {
                    // `invalid_match_stmt`: "match" subject_expr NEWLINE.
                    return self.simple_stmts().map_err(|err| match err {
                        ParseError::Unexpected(_) => self
                            .error_at(TextRange::new(newline.start, newline.end), "expected ':'"),
                        err => err,
                    });
                }
            },
            _ => return self.simple_stmts(),
        };
        if !matches!(
            stmt.kind,
            StmtKind::FunctionDef(_) | StmtKind::AsyncFunctionDef(_)
        ) {
            self.note_compound_statement(stmt.range.start);
        }
        Ok(vec![stmt])
    }

    /// `simple_stmts`: `;`-separated simple statements ending in NEWLINE.
    fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmt_pos = self.pos;
        let mut stmts = vec![self.simple_stmt_explained(stmt_pos)?];
        while self.eat(K::Semi) {
            if self.at(K::Newline) {
                break;
            }
            stmt_pos = self.pos;
            stmts.push(self.simple_stmt_explained(stmt_pos)?);
        }
        if !self.at(K::Newline) {
            return Err(self.explain_statement_error(stmt_pos, stmts.last(), self.unexpected()));
        }
        self.bump();
        Ok(stmts)
    }

    /// `simple_stmt`, with CPython's second-pass explanations on failure.
    fn simple_stmt_explained(&mut self, stmt_pos: usize) -> PResult<Stmt> {
        match self.simple_stmt() {
            Ok(stmt) => Ok(stmt),
            Err(err @ super::ParseError::Unexpected(_)) => {
                Err(self.explain_statement_error(stmt_pos, None, err))
            }
            Err(err) => Err(err),
        }
    }

    /// Explains a simple statement that failed at the cursor: `print x`,
    /// text between strings, `pass if ... else ...`.
    fn explain_statement_error(
        &mut self,
        stmt_pos: usize,
        last: Option<&Stmt>,
        err: super::ParseError,
    ) -> super::ParseError {
        if let Some(legacy) = self.invalid_legacy_expression(stmt_pos) {
            return legacy;
        }
        let failed_at = match err {
            super::ParseError::Unexpected(at) => at,
            _ => return err,
        };
        if failed_at > 0
            && self.token_at(failed_at - 1).kind == K::String
            && let Some(strings) = self.invalid_expression(failed_at - 1)
        {
            return strings;
        }
        if let Some(stmt) = last
            && matches!(
                stmt.kind,
                StmtKind::Pass | StmtKind::Break | StmtKind::Continue
            )
            && self.at(K::If)
        {
            let conditional = self.speculate(|p| {
                p.bump();
                p.disjunction().is_ok() && p.eat(K::Else) && p.simple_stmt().is_ok()
            });
            if conditional {
                return self.error_at(
                    stmt.range,
                    "expected expression before 'if', but statement is given",
                );
            }
        }
        err
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            K::Pass => {
                self.bump();
                StmtKind::Pass
            }
            K::Break => {
                self.bump();
                StmtKind::Break
            }
            K::Continue => {
                self.bump();
                StmtKind::Continue
            }
            K::Return => {
                self.bump();
                let value = if self.starts_expression() || self.at(K::Star) {
                    Some(Box::new(self.star_expressions()?))
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            K::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.starts_expression() {
                    exc = Some(Box::new(self.expression()?));
                    if self.eat(K::From) {
                        cause = Some(Box::new(self.expression()?));
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            K::Global | K::Nonlocal => {
                let is_global = self.bump().kind == K::Global;
                let mut names = vec![self.name()?.0];
                while self.eat(K::Comma) {
                    names.push(self.name()?.0);
                }
                if is_global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            K::Del => {
                self.bump();
                let targets = self.del_targets_explained()?;
                StmtKind::Delete { targets }
            }
            K::Assert => {
                self.bump();
                let test = Box::new(self.expression()?);
                let msg = if self.eat(K::Comma) {
                    Some(Box::new(self.expression()?))
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            K::Import => self.import_name()?,
            K::From => self.import_from()?,
            K::Name
                if self.at_soft_keyword("type")
                    && self.kind_at(1) == K::Name
                    && matches!(self.kind_at(2), K::Lsqb | K::Equal) =>
            {
                self.type_alias()?
            }
            _ => return self.assignment_or_expression(),
        };
        Ok(Stmt::new(self.range_from(start), kind))
    }

    /// `del` targets, or CPython's `invalid_del_stmt` explanation.
    fn del_targets_explained(&mut self) -> PResult<Vec<Expr>> {
        let start_pos = self.pos;
        let result = self.del_targets();
        if result.is_ok() && matches!(self.kind(), K::Semi | K::Newline) {
            return result;
        }
        let bad = self.speculate(|p| {
            p.pos = start_pos;
            let targets = p.star_expressions().ok()?;
            super::targets::invalid_target(&targets, TargetKind::Del)
                .map(|bad| (bad.range, super::expressions::expr_name(bad)))
        });
        if let Some((range, name)) = bad {
            return Err(self.error_at(range, format!("cannot delete {name}")));
        }
        result
    }

    fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = Vec::new();
        loop {
            let start = self.start();
            let target = self.primary()?;
            let _ = start;
            targets.push(self.to_target(target, TargetKind::Del)?);
            if !self.eat(K::Comma) || matches!(self.kind(), K::Newline | K::Semi) {
                break;
            }
        }
        Ok(targets)
    }

    fn type_alias(&mut self) -> PResult<StmtKind> {
        self.bump();
        let (id, range) = self.name()?;
        let name = Expr::new(
            range,
            ExprKind::Name {
                id,
                ctx: ExprContext::Store,
            },
        );
        let type_params = if self.at(K::Lsqb) {
            self.type_params(true)?
        } else {
            Vec::new()
        };
        self.expect(K::Equal)?;
        let value = self.expression()?;
        Ok(StmtKind::TypeAlias {
            name: Box::new(name),
            type_params,
            value: Box::new(value),
        })
    }

    /// Right-hand side of an assignment: `yield_expr | star_expressions`.
    fn assignment_value(&mut self) -> PResult<Expr> {
        if self.at(K::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn assignment_or_expression(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let start_pos = self.pos;
        let parenthesized = self.at(K::Lpar);
        let first = self.assignment_value()?;
        if self.at(K::Colon) {
            let simple = !parenthesized && matches!(first.kind, ExprKind::Name { .. });
            let target = match &first.kind {
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                    self.to_target(first, TargetKind::Star)?
                }
                ExprKind::Tuple { elts, .. } => {
                    // An unparenthesized tuple is reported at its first item.
                    let range = match elts.first() {
                        Some(item) if !parenthesized => item.range,
                        _ => first.range,
                    };
                    return Err(
                        self.error_at(range, "only single target (not tuple) can be annotated")
                    );
                }
                ExprKind::List { .. } => {
                    return Err(self.error_at(
                        first.range,
                        "only single target (not list) can be annotated",
                    ));
                }
                _ => return Err(self.error_at(first.range, "illegal target for annotation")),
            };
            self.bump();
            let annotation = self.expression()?;
            let value = if self.eat(K::Equal) {
                Some(Box::new(self.assignment_value()?))
            } else {
                None
            };
            return Ok(Stmt::new(
                self.range_from(start),
                StmtKind::AnnAssign {
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value,
                    simple,
                },
            ));
        }
        if self.at(K::Equal) {
            let mut targets = vec![first];
            let value = loop {
                self.bump();
                let next = self.assignment_value()?;
                if !self.at(K::Equal) {
                    break next;
                }
                targets.push(next);
            };
            if targets
                .iter()
                .any(|t| super::targets::invalid_target(t, TargetKind::Star).is_some())
            {
                return Err(self.invalid_assignment(start_pos, &targets));
            }
            let targets = targets
                .into_iter()
                .map(|t| self.to_target(t, TargetKind::Star))
                .collect::<PResult<Vec<_>>>()?;
            return Ok(Stmt::new(
                self.range_from(start),
                StmtKind::Assign {
                    targets,
                    value: Box::new(value),
                    type_comment: None,
                },
            ));
        }
        if let Some(op) = augmented_operator(self.kind()) {
            if !matches!(
                first.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let name = super::expressions::expr_name(&first);
                return Err(self.error_at(
                    first.range,
                    format!("'{name}' is an illegal expression for augmented assignment"),
                ));
            }
            let target = self.to_target(first, TargetKind::Star)?;
            self.bump();
            let value = self.assignment_value()?;
            return Ok(Stmt::new(
                self.range_from(start),
                StmtKind::AugAssign {
                    target: Box::new(target),
                    op,
                    value: Box::new(value),
                },
            ));
        }
        Ok(Stmt::new(
            self.range_from(start),
            StmtKind::Expr {
                value: Box::new(first),
            },
        ))
    }

    // ----- imports -------------------------------------------------------

    fn dotted_name(&mut self) -> PResult<Identifier> {
        let (first, _) = self.name()?;
        if !self.at(K::Dot) {
            return Ok(first);
        }
        let mut name = first.as_str().to_owned();
        while self.eat(K::Dot) {
            let (part, _) = self.name()?;
            name.push('.');
            name.push_str(&part);
        }
        Ok(Identifier::from(name))
    }

    /// `import` followed directly by the end of the line.
    fn names_expected_after_import(&self) -> PResult<()> {
        if self.at(K::Newline) {
            let token = self.token();
            return Err(self.error_at(
                TextRange::new(token.start, token.start),
                "Expected one or more names after 'import'",
            ));
        }
        Ok(())
    }

    /// The target after `as` in an import: a NAME, or CPython's
    /// "cannot use ... as import target" for another expression.
    fn import_target(&mut self) -> PResult<()> {
        if self.at(K::Name) && matches!(self.kind_at(1), K::Comma | K::Rpar | K::Semi | K::Newline)
        {
            return Ok(());
        }
        let target = self.speculate(|p| p.expression().ok());
        match target {
            Some(target) => Err(self.error_at(
                target.range,
                format!(
                    "cannot use {} as import target",
                    super::expressions::expr_name(&target)
                ),
            )),
            None => Ok(()),
        }
    }

    fn import_name(&mut self) -> PResult<StmtKind> {
        let import = self.bump();
        self.names_expected_after_import()?;
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat(K::As) {
                self.import_target()?;
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                range: self.range_from(start),
                name,
                asname,
            });
            if !self.eat(K::Comma) {
                break;
            }
        }
        if self.at(K::From) {
            let reversed = self.speculate(|p| {
                p.bump();
                p.dotted_name().is_ok().then_some(p.prev_end)
            });
            if let Some(end) = reversed {
                return Err(self.error_at(
                    TextRange::new(import.start, end),
                    "Did you mean to use 'from ... import ...' instead?",
                ));
            }
        }
        Ok(StmtKind::Import { names })
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0u32;
        loop {
            match self.kind() {
                K::Dot => level += 1,
                K::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(K::Import) && level > 0 {
            None
        } else {
            Some(self.dotted_name()?)
        };
        self.expect(K::Import)?;
        self.names_expected_after_import()?;
        if self.at(K::Star) {
            let token = self.bump();
            return Ok(StmtKind::ImportFrom {
                module,
                names: vec![Alias {
                    range: TextRange::new(token.start, token.end),
                    name: Identifier::from("*"),
                    asname: None,
                }],
                level,
            });
        }
        let parenthesized = self.eat(K::Lpar);
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let (name, _) = self.name()?;
            let asname = if self.eat(K::As) {
                self.import_target()?;
                Some(self.name()?.0)
            } else {
                None
            };
            names.push(Alias {
                range: self.range_from(start),
                name,
                asname,
            });
            if !self.at(K::Comma) {
                break;
            }
            self.bump();
            if !self.at(K::Name) {
                if parenthesized {
                    break;
                }
                let next = self.token();
                return Err(self.error_at(
                    TextRange::new(next.start, next.end),
                    "trailing comma not allowed without surrounding parentheses",
                ));
            }
        }
        if parenthesized {
            self.expect(K::Rpar)?;
        }
        Ok(StmtKind::ImportFrom {
            module,
            names,
            level,
        })
    }

    // ----- blocks ----------------------------------------------------------

    /// `block` after a compound statement's `:`; `what` names the statement
    /// for "expected an indented block after ...".
    pub(crate) fn block(&mut self, what: &str, line_of: u32) -> PResult<Vec<Stmt>> {
        if !self.at(K::Newline) {
            return self.simple_stmts();
        }
        self.bump();
        if !self.at(K::Indent) {
            let token = self.token();
            if token.kind == K::ErrorToken {
                return Err(self.unexpected());
            }
            let line = self.index.line_number(line_of);
            return Err(self.error_kind_at(
                ErrorKind::IndentationError,
                TextRange::new(token.start, token.end),
                format!("expected an indented block after {what} on line {line}"),
            ));
        }
        self.bump();
        let mut body = Vec::new();
        while !self.at(K::Dedent) {
            if self.at(K::EndMarker) || self.at(K::ErrorToken) {
                return Err(self.unexpected());
            }
            body.extend(self.statement()?);
        }
        self.bump();
        Ok(body)
    }

    /// Expects the `:` that opens a block.
    fn block_colon(&mut self) -> PResult<()> {
        if self.eat(K::Colon) {
            return Ok(());
        }
        let token = self.token();
        if token.kind == K::Newline {
            return Err(self.error_at(TextRange::new(token.start, token.end), "expected ':'"));
        }
        Err(self.unexpected())
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().start;
        self.if_rest(start, "'if' statement")
    }

    /// After `if`/`elif`: the test, the block and the rest of the chain.
    fn if_rest(&mut self, start: u32, what: &str) -> PResult<Stmt> {
        let test = self.named_expression()?;
        self.block_colon()?;
        let body = self.block(what, start)?;
        let outermost = what == "'if' statement";
        let orelse = self.if_orelse(what).inspect_err(|err| {
            // CPython's PEG parser falls back to the `if` without its
            // failed `elif`/`else` part, completing the statement.
            if outermost && matches!(err, ParseError::Unexpected(_)) {
                self.note_compound_statement(start);
            }
        })?;
        let end = self.prev_end;
        Ok(Stmt::new(
            TextRange::new(start, end),
            StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
        ))
    }

    /// The `elif` chain or `else` block after an `if`/`elif` block.
    fn if_orelse(&mut self, what: &str) -> PResult<Vec<Stmt>> {
        Ok(match self.kind() {
            K::Elif => {
                let elif_start = self.bump().start;
                // CPython parses each `elif` one level deeper than the last,
                // so a long chain overflows its parser stack.
                // The chain's first `elif` also pays for the frames CPython
                // spends reaching it (calibrated: 5965 elifs parse, 5966 fail).
                let cost = if what == "'if' statement" { 4 } else { 1 };
                let rest = self.nested(cost, |p| p.if_rest(elif_start, "'elif' statement"));
                vec![rest?]
            }
            K::Else => {
                let else_start = self.bump().start;
                self.block_colon()?;
                let block = self.block("'else' statement", else_start)?;
                if self.at(K::Elif) {
                    let elif = self.token();
                    return Err(self.error_at(
                        TextRange::new(elif.start, elif.end),
                        "'elif' block follows an 'else' block",
                    ));
                }
                block
            }
            _ => Vec::new(),
        })
    }

    /// The optional `else` block of the statement starting at `stmt_start`.
    fn else_block(&mut self, stmt_start: u32) -> PResult<Vec<Stmt>> {
        if !self.at(K::Else) {
            return Ok(Vec::new());
        }
        let start = self.bump().start;
        let result = self
            .block_colon()
            .and_then(|()| self.block("'else' statement", start));
        if let Err(ParseError::Unexpected(_)) = &result {
            // CPython's PEG parser falls back to the statement without its
            // failed `else`, completing it.
            self.note_compound_statement(stmt_start);
        }
        result
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().start;
        let test = self.named_expression()?;
        self.block_colon()?;
        let body = self.block("'while' statement", start)?;
        let orelse = self.else_block(start)?;
        let end = self.prev_end;
        Ok(Stmt::new(
            TextRange::new(start, end),
            StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
        ))
    }

    fn for_stmt(&mut self, async_start: Option<u32>) -> PResult<Stmt> {
        let for_start = self.bump().start;
        let start = async_start.unwrap_or(for_start);
        let target = self.star_targets()?;
        self.expect(K::In)?;
        let iter = self.star_expressions()?;
        self.block_colon()?;
        let body = self.block("'for' statement", for_start)?;
        let orelse = self.else_block(start)?;
        let end = self.prev_end;
        let (target, iter) = (Box::new(target), Box::new(iter));
        let kind = if async_start.is_some() {
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                type_comment: None,
            }
        } else {
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                type_comment: None,
            }
        };
        Ok(Stmt::new(TextRange::new(start, end), kind))
    }

    fn with_stmt(&mut self, async_start: Option<u32>) -> PResult<Stmt> {
        let with_start = self.bump().start;
        let start = async_start.unwrap_or(with_start);
        let items = match self.parenthesized_with_items()? {
            Ok(items) => items,
            Err(newline_after_paren) => {
                let items = self.unparenthesized_with_items();
                match (items, newline_after_paren) {
                    // `invalid_with_stmt`: parenthesized items, then NEWLINE.
                    (Err(ParseError::Unexpected(_)), Some(newline)) => {
                        return Err(self
                            .error_at(TextRange::new(newline.start, newline.end), "expected ':'"));
                    }
                    (items, _) => items?,
                }
            }
        };
        let body = self.block("'with' statement", with_start)?;
        let end = self.prev_end;
        let kind = if async_start.is_some() {
            StmtKind::AsyncWith {
                items,
                body,
                type_comment: None,
            }
        } else {
            StmtKind::With {
                items,
                body,
                type_comment: None,
            }
        };
        Ok(Stmt::new(TextRange::new(start, end), kind))
    }

    /// `','.with_item+ ':'`.
    fn unparenthesized_with_items(&mut self) -> PResult<Vec<WithItem>> {
        let mut items = vec![self.with_item()?];
        while self.eat(K::Comma) {
            items.push(self.with_item()?);
        }
        self.block_colon()?;
        Ok(items)
    }

    /// `'(' ','.with_item+ ','? ')' ':'`, tried first; `Err` if it does not
    /// apply, holding the NEWLINE token when only the `:` was missing.
    fn parenthesized_with_items(&mut self) -> PResult<Result<Vec<WithItem>, Option<Token>>> {
        if !self.at(K::Lpar) {
            return Ok(Err(None));
        }
        let saved = (self.pos, self.prev_end, self.depth);
        let attempt = (|| -> PResult<Vec<WithItem>> {
            self.bump();
            let mut items = vec![self.with_item()?];
            while self.eat(K::Comma) {
                if self.at(K::Rpar) {
                    break;
                }
                items.push(self.with_item()?);
            }
            self.expect(K::Rpar)?;
            self.expect(K::Colon)?;
            Ok(items)
        })();
        match attempt {
            Ok(items) => Ok(Ok(items)),
            Err(err) => {
                let newline = match err {
                    ParseError::Unexpected(at)
                        if self.token_at(at).kind == K::Newline
                            && self.token_at(at.wrapping_sub(1)).kind == K::Rpar =>
                    {
                        Some(self.token_at(at))
                    }
                    _ => None,
                };
                (self.pos, self.prev_end, self.depth) = saved;
                Ok(Err(newline))
            }
        }
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat(K::As) {
            let target = self.star_target_single()?;
            Some(Box::new(target))
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// `star_target` for `with ... as`: one target (a tuple only in parentheses).
    fn star_target_single(&mut self) -> PResult<Expr> {
        let target = if self.at(K::Star) {
            self.starred(|p| p.primary())?
        } else {
            self.primary()?
        };
        self.to_target(target, TargetKind::Star)
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.bump().start;
        self.block_colon()?;
        let body = self.block("'try' statement", start)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at(K::Except) {
            let except_start = self.bump().start;
            let is_star = self.eat(K::Star);
            if let Some(previous) = star
                && previous != is_star
            {
                return Err(self.error_at(
                    TextRange::new(except_start, self.prev_end),
                    "cannot have both 'except' and 'except*' on the same 'try'",
                ));
            }
            star = Some(is_star);
            let mut r#type = None;
            let mut name = None;
            if is_star && matches!(self.kind(), K::Colon | K::Newline) {
                let token = self.token();
                return Err(self.error_at(
                    TextRange::new(token.start, token.end),
                    "expected one or more exception types",
                ));
            }
            if !self.at(K::Colon) {
                let type_start = self.start();
                let first = self.expression()?;
                let exc = if self.at(K::Comma) {
                    let mut elts = vec![first];
                    while self.eat(K::Comma) {
                        if self.at(K::Colon) || self.at(K::As) {
                            break;
                        }
                        elts.push(self.expression()?);
                    }
                    if self.at(K::As) {
                        // `expression ',' expressions 'as' NAME ':'`
                        if self.kind_at(1) == K::Name && self.kind_at(2) == K::Colon {
                            let name = self.token_at(self.pos + 1);
                            return Err(self.error_at(
                                TextRange::new(type_start, name.end),
                                "multiple exception types must be parenthesized when using 'as'",
                            ));
                        }
                        return Err(self.unexpected());
                    }
                    Expr::new(
                        self.range_from(type_start),
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Load,
                        },
                    )
                } else {
                    first
                };
                r#type = Some(Box::new(exc));
                if self.eat(K::As) {
                    if !(self.at(K::Name) && self.kind_at(1) == K::Colon)
                        && let Some(err) = self.invalid_except_target(is_star)
                    {
                        return Err(err);
                    }
                    name = Some(self.name()?.0);
                }
            }
            self.block_colon()?;
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let handler_body = self.block(what, except_start)?;
            let end = self.prev_end;
            handlers.push(ExceptHandler {
                range: TextRange::new(except_start, end),
                r#type,
                name,
                body: handler_body,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block(start)?
        };
        let finalbody = if self.at(K::Finally) {
            let finally_start = self.bump().start;
            self.block_colon()?;
            self.block("'finally' statement", finally_start)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let token = self.token();
            if token.kind == K::ErrorToken {
                return Err(self.unexpected());
            }
            return Err(self.error_at(
                TextRange::new(token.start, token.end),
                "expected 'except' or 'finally' block",
            ));
        }
        let end = self.prev_end;
        let node = Box::new(Try {
            body,
            handlers,
            orelse,
            finalbody,
        });
        let kind = if star == Some(true) {
            StmtKind::TryStar(node)
        } else {
            StmtKind::Try(node)
        };
        Ok(Stmt::new(TextRange::new(start, end), kind))
    }

    // ----- definitions -----------------------------------------------------

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(K::At) {
            decorators.push(self.named_expression()?);
            self.expect(K::Newline)?;
        }
        match self.kind() {
            K::Def => self.function_def(decorators, None),
            K::Class => self.class_def(decorators),
            K::Async if self.kind_at(1) == K::Def => {
                let start = self.bump().start;
                self.function_def(decorators, Some(start))
            }
            _ => Err(self.unexpected()),
        }
    }

    fn function_def(
        &mut self,
        decorator_list: Vec<Expr>,
        async_start: Option<u32>,
    ) -> PResult<Stmt> {
        let def_start = self.bump().start;
        let start = async_start.unwrap_or(def_start);
        let (name, _) = self.name()?;
        let type_params = if self.at(K::Lsqb) {
            let bracket = self.token();
            match self.type_params(false) {
                Ok(params) => params,
                // `[type_params]` fails, so `&&'('` meets the bracket.
                Err(ParseError::Unexpected(_)) => {
                    return Err(
                        self.error_at(TextRange::new(bracket.start, bracket.end), "expected '('")
                    );
                }
                Err(err) => return Err(err),
            }
        } else {
            Vec::new()
        };
        self.expect_forced(K::Lpar, "(")?;
        let args = self.parameters(true, K::Rpar)?;
        self.expect(K::Rpar)?;
        let returns = if self.at(K::Rarrow) {
            let arrow = self.bump();
            match self.expression() {
                Ok(returns) => Some(Box::new(returns)),
                // `['->' expression]` fails, so `&&':'` meets the arrow.
                Err(ParseError::Unexpected(_)) => {
                    return Err(
                        self.error_at(TextRange::new(arrow.start, arrow.end), "expected ':'")
                    );
                }
                Err(err) => return Err(err),
            }
        } else {
            None
        };
        self.expect_forced(K::Colon, ":")?;
        let body = self.block("function definition", def_start)?;
        let end = self.prev_end;
        let def = Box::new(FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
            type_comment: None,
            type_params,
        });
        let kind = if async_start.is_some() {
            StmtKind::AsyncFunctionDef(def)
        } else {
            StmtKind::FunctionDef(def)
        };
        Ok(Stmt::new(TextRange::new(start, end), kind))
    }

    fn class_def(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.bump().start;
        let (name, _) = self.name()?;
        let type_params = if self.at(K::Lsqb) {
            self.type_params(false)?
        } else {
            Vec::new()
        };
        let (bases, keywords) = if self.at(K::Lpar) {
            self.call_arguments()?
        } else {
            (Vec::new(), Vec::new())
        };
        self.block_colon()?;
        let body = self.block("class definition", start)?;
        let end = self.prev_end;
        Ok(Stmt::new(
            TextRange::new(start, end),
            StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
                type_params,
            })),
        ))
    }

    /// `type_params`: `'[' type_param (',' type_param)* [','] ']'`.
    pub(crate) fn type_params(&mut self, alias: bool) -> PResult<Vec<TypeParam>> {
        self.bump();
        if self.at(K::Rsqb) {
            // CPython's range ends where its furthest-read token starts: the
            // `]` itself, or the `=` of a type alias.
            let close = self.token();
            let next = self.token_at(self.pos + 1);
            let end = if alias && next.kind == K::Equal {
                next.start
            } else {
                close.start
            };
            return Err(self.error_at(
                TextRange::new(close.start, end),
                "Type parameter list cannot be empty",
            ));
        }
        let mut params = Vec::new();
        while !self.at(K::Rsqb) {
            let start = self.start();
            let kind = match self.kind() {
                K::Star => {
                    self.bump();
                    let (name, _) = self.name()?;
                    if self.at(K::Colon) {
                        return Err(self.invalid_star_type_param_bound("TypeVarTuple"));
                    }
                    let default_value = if self.eat(K::Equal) {
                        Some(Box::new(self.star_expression()?))
                    } else {
                        None
                    };
                    TypeParamKind::TypeVarTuple {
                        name,
                        default_value,
                    }
                }
                K::DoubleStar => {
                    self.bump();
                    let (name, _) = self.name()?;
                    if self.at(K::Colon) {
                        return Err(self.invalid_star_type_param_bound("ParamSpec"));
                    }
                    let default_value = if self.eat(K::Equal) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    TypeParamKind::ParamSpec {
                        name,
                        default_value,
                    }
                }
                _ => {
                    let (name, _) = self.name()?;
                    let bound = if self.eat(K::Colon) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    let default_value = if self.eat(K::Equal) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    TypeParamKind::TypeVar {
                        name,
                        bound,
                        default_value,
                    }
                }
            };
            params.push(TypeParam {
                range: self.range_from(start),
                kind,
            });
            if !self.eat(K::Comma) {
                break;
            }
        }
        self.expect(K::Rsqb)?;
        Ok(params)
    }

    /// Parameters of a `def` (with annotations) or a `lambda` (without), up
    /// to (not including) `closing`.
    pub(crate) fn parameters(&mut self, annotations: bool, closing: K) -> PResult<Arguments> {
        let mut args = Arguments::default();
        let mut seen_star = false;
        let mut seen_default = false;
        while !self.at(closing) {
            match self.kind() {
                K::Slash => {
                    let slash = self.bump();
                    if args.args.is_empty() && !seen_star && args.posonlyargs.is_empty() {
                        if !self.at(K::Comma) {
                            self.pos -= 1;
                            return Err(self.unexpected());
                        }
                        return Err(self.error_at(
                            TextRange::new(slash.start, slash.end),
                            "at least one argument must precede /",
                        ));
                    }
                    if seen_star || !args.posonlyargs.is_empty() {
                        return Err(self.error_at(
                            TextRange::new(slash.start, slash.end),
                            if seen_star {
                                "/ must be ahead of *"
                            } else {
                                "/ may appear only once"
                            },
                        ));
                    }
                    if self.at(K::Star) {
                        let star = self.token();
                        return Err(self.error_at(
                            TextRange::new(star.start, star.end),
                            "expected comma between / and *",
                        ));
                    }
                    args.posonlyargs = std::mem::take(&mut args.args);
                }
                K::Star => {
                    let star = self.bump();
                    if seen_star {
                        return Err(self.error_at(
                            TextRange::new(star.start, star.end),
                            "* argument may appear only once",
                        ));
                    }
                    seen_star = true;
                    if matches!(self.kind(), K::Comma) || self.at(closing) {
                        let bare_at = if self.at(closing) {
                            Some(self.token())
                        } else if matches!(self.kind_at(1), K::DoubleStar)
                            || self.kind_at(1) == closing
                        {
                            Some(self.token_at(self.pos + 1))
                        } else {
                            None
                        };
                        if let Some(last) = bare_at {
                            // `def` points at the star, `lambda` at the last token read.
                            let range = if closing == K::Colon {
                                TextRange::new(last.start, last.end)
                            } else {
                                TextRange::new(star.start, star.end)
                            };
                            return Err(self.error_at(range, "named arguments must follow bare *"));
                        }
                    } else {
                        let arg = self.parameter(annotations, true)?;
                        if self.at(K::Equal) {
                            let equal = self.token();
                            return Err(self.error_at(
                                TextRange::new(equal.start, equal.end),
                                "var-positional argument cannot have default value",
                            ));
                        }
                        args.vararg = Some(Box::new(arg));
                    }
                }
                K::DoubleStar => {
                    self.bump();
                    let arg = self.parameter(annotations, false)?;
                    if self.at(K::Equal) {
                        let equal = self.token();
                        return Err(self.error_at(
                            TextRange::new(equal.start, equal.end),
                            "var-keyword argument cannot have default value",
                        ));
                    }
                    args.kwarg = Some(Box::new(arg));
                    self.eat(K::Comma);
                    if !self.at(closing) {
                        let token = self.token();
                        return Err(self.error_at(
                            TextRange::new(token.start, token.end),
                            "arguments cannot follow var-keyword argument",
                        ));
                    }
                    break;
                }
                K::Lpar if !seen_default && !seen_star => {
                    return Err(self.parenthesized_parameters(closing));
                }
                _ => {
                    let arg = self.parameter(annotations, false)?;
                    let default = if self.at(K::Equal) {
                        let equal = self.bump();
                        if closing == K::Rpar && matches!(self.kind(), K::Rpar | K::Comma) {
                            return Err(self.error_at(
                                TextRange::new(equal.start, equal.end),
                                "expected default value expression",
                            ));
                        }
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        args.kwonlyargs.push(arg);
                        args.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(value) => {
                                seen_default = true;
                                args.defaults.push(value);
                            }
                            None if seen_default => {
                                return Err(self.error_at(
                                    arg.range,
                                    "parameter without a default follows parameter with a default",
                                ));
                            }
                            None => {}
                        }
                        args.args.push(arg);
                    }
                }
            }
            if !self.eat(K::Comma) {
                break;
            }
        }
        Ok(args)
    }

    /// `'(' param+ [','] ')'` where a parameter belongs: CPython's
    /// "parameters cannot be parenthesized", else "invalid syntax".
    fn parenthesized_parameters(&mut self, closing: K) -> super::ParseError {
        let open = self.token();
        let close = self.speculate(|p| {
            p.bump();
            loop {
                p.parameter(closing == K::Rpar, false).ok()?;
                if !p.eat(K::Comma) || p.at(K::Rpar) {
                    break;
                }
            }
            p.at(K::Rpar).then(|| p.token())
        });
        match close {
            Some(close) => self.error_at(
                TextRange::new(open.start, close.end),
                if closing == K::Colon {
                    "Lambda expression parameters cannot be parenthesized"
                } else {
                    "Function parameters cannot be parenthesized"
                },
            ),
            None => self.unexpected(),
        }
    }

    /// One parameter: `NAME [':' annotation]` (`*args` may use `*Ts`).
    fn parameter(&mut self, annotations: bool, star_annotation: bool) -> PResult<Arg> {
        let (arg, range) = self.name()?;
        let annotation = if annotations && self.eat(K::Colon) {
            let value = if star_annotation && self.at(K::Star) {
                self.starred(|p| p.bitwise_or())?
            } else {
                self.expression()?
            };
            Some(Box::new(value))
        } else {
            None
        };
        Ok(Arg {
            range: self.range_from(range.start),
            arg,
            annotation,
            type_comment: None,
        })
    }

    // ----- match -------------------------------------------------------------

    /// `match` statement, or `None` when `match` is an ordinary name here.
    /// A `match` statement, or `Err` when the soft keyword does not start
    /// one (holding the NEWLINE token when only the `:` is missing).
    fn match_stmt(&mut self) -> PResult<Result<Stmt, Option<Token>>> {
        let saved = (self.pos, self.prev_end, self.depth);
        let start = self.bump().start;
        let subject = (|| -> PResult<Expr> {
            let subject_start = self.start();
            let first = self.star_named_expression()?;
            if !self.at(K::Comma) {
                return Ok(first);
            }
            let mut elts = vec![first];
            while self.eat(K::Comma) {
                if self.at(K::Colon) {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
            Ok(Expr::new(
                self.range_from(subject_start),
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
            ))
        })();
        let subject = match subject {
            Ok(subject) if self.at(K::Colon) => subject,
            subject => {
                let newline = (subject.is_ok() && self.at(K::Newline)).then(|| self.token());
                (self.pos, self.prev_end, self.depth) = saved;
                return Ok(Err(newline));
            }
        };
        self.bump();
        self.expect(K::Newline)?;
        if !self.at(K::Indent) {
            let token = self.token();
            let line = self.index.line_number(start);
            return Err(self.error_kind_at(
                ErrorKind::IndentationError,
                TextRange::new(token.start, token.end),
                format!("expected an indented block after 'match' statement on line {line}"),
            ));
        }
        self.bump();
        let mut cases = Vec::new();
        while !self.at(K::Dedent) {
            if !self.at_soft_keyword("case") {
                return Err(self.unexpected());
            }
            let case_start = self.bump().start;
            let pattern = self.patterns()?;
            let guard = if self.eat(K::If) {
                Some(Box::new(self.named_expression()?))
            } else {
                None
            };
            self.block_colon()?;
            let body = self.block("'case' statement", case_start)?;
            cases.push(MatchCase {
                pattern,
                guard,
                body,
            });
        }
        self.bump();
        let end = self.prev_end;
        Ok(Ok(Stmt::new(
            TextRange::new(start, end),
            StmtKind::Match {
                subject: Box::new(subject),
                cases,
            },
        )))
    }
}

/// The operator of an augmented assignment token.
fn augmented_operator(kind: K) -> Option<Operator> {
    Some(match kind {
        K::PlusEqual => Operator::Add,
        K::MinEqual => Operator::Sub,
        K::StarEqual => Operator::Mult,
        K::AtEqual => Operator::MatMult,
        K::SlashEqual => Operator::Div,
        K::PercentEqual => Operator::Mod,
        K::AmperEqual => Operator::BitAnd,
        K::VbarEqual => Operator::BitOr,
        K::CircumflexEqual => Operator::BitXor,
        K::LeftShiftEqual => Operator::LShift,
        K::RightShiftEqual => Operator::RShift,
        K::DoubleStarEqual => Operator::Pow,
        K::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}
