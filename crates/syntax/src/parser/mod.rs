//! The parser: tokens → AST, a hand-written recursive-descent parser for the
//! whole Python 3.14 grammar (CPython's `Grammar/python.gram` is the spec).
//!
//! The parser walks the token vector made by [`crate::tokenizer`]. Binary
//! operator chains are built in loops, so long flat expressions do not recurse
//! per term; genuinely nested constructs count their depth and fail with
//! CPython's `MemoryError` once they would exceed CPython's parser stack.
//! This module owns the cursor, node-position helpers, the error plumbing and
//! the entry points; the grammar lives in the sibling files.

#[cfg(test)]
mod error_cases;
mod errors;
mod expressions;
mod invalid;
mod numbers;
mod patterns;
mod statements;
mod strings;
mod targets;
#[cfg(test)]
mod tests;

use crate::TextRange;
use crate::ast::{Expr, ExprKind, Identifier, Mod};
use crate::error::SyntaxError;
use crate::line_index::LineIndex;
use crate::tokenizer::{Token, TokenKind, Tokens};

pub(crate) use errors::ParseError;

/// Result of a grammar rule.
pub(crate) type PResult<T> = Result<T, ParseError>;

/// How deep nested constructs may go before CPython's parser gives up
/// ("Parser stack overflowed"): CPython allows 5968 nested unary minus signs.
const MAX_DEPTH: u32 = 5968;

/// What to parse, as `ast.parse(mode=...)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `exec`: a module.
    Module,
    /// `eval`: one expression.
    Expression,
    /// `single`: one interactive statement.
    Interactive,
}

/// The parser state over one token vector.
pub(crate) struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    tokenizer_error: Option<&'a crate::tokenizer::TokenizerError>,
    index: &'a LineIndex,
    pos: usize,
    /// End offset of the last consumed token.
    prev_end: u32,
    /// Nesting depth, see [`MAX_DEPTH`].
    depth: u32,
    /// Start offset of the last compound statement completed, for
    /// [`SyntaxError::metadata`].
    last_compound: Option<u32>,
    /// Whether the source was read from a file, where CPython's end marker
    /// has no column (errors there get offset 0).
    from_file: bool,
}

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a Tokens, index: &'a LineIndex) -> Self {
        Self {
            text,
            tokens: &tokens.tokens,
            tokenizer_error: tokens.error.as_ref(),
            index,
            pos: 0,
            prev_end: 0,
            depth: 0,
            last_compound: None,
            from_file: false,
        }
    }

    /// Parses the whole token vector in `mode`.
    pub(crate) fn parse(mut self, mode: Mode) -> Result<Mod, SyntaxError> {
        let result = match mode {
            Mode::Module => self.parse_file(),
            Mode::Expression => self.parse_eval(),
            Mode::Interactive => self.parse_interactive(),
        };
        result.map_err(|err| self.finish_error(err))
    }

    fn parse_file(&mut self) -> PResult<Mod> {
        let body = self.statements_until_end()?;
        Ok(Mod::Module {
            body,
            type_ignores: Vec::new(),
        })
    }

    fn parse_eval(&mut self) -> PResult<Mod> {
        let body = self.expressions()?;
        while self.at(TokenKind::Newline) {
            self.bump();
        }
        self.expect(TokenKind::EndMarker)?;
        Ok(Mod::Expression {
            body: Box::new(body),
        })
    }

    fn parse_interactive(&mut self) -> PResult<Mod> {
        let body = if self.at(TokenKind::Newline) {
            self.bump();
            Vec::new()
        } else {
            self.statement()?
        };
        while self.at(TokenKind::Newline) {
            self.bump();
        }
        self.expect(TokenKind::EndMarker)?;
        Ok(Mod::Interactive { body })
    }

    // ----- cursor --------------------------------------------------------

    /// The current token (the last token repeats past the end).
    #[inline]
    fn token(&self) -> Token {
        self.token_at(self.pos)
    }

    #[inline]
    fn token_at(&self, index: usize) -> Token {
        match self.tokens.get(index) {
            Some(&t) => t,
            None => self.tokens.last().copied().unwrap_or(Token {
                kind: TokenKind::EndMarker,
                start: 0,
                end: 0,
            }),
        }
    }

    #[inline]
    fn kind(&self) -> TokenKind {
        self.token().kind
    }

    #[inline]
    fn kind_at(&self, ahead: usize) -> TokenKind {
        self.token_at(self.pos + ahead).kind
    }

    #[inline]
    fn at(&self, kind: TokenKind) -> bool {
        self.kind() == kind
    }

    /// Consumes the current token.
    #[inline]
    fn bump(&mut self) -> Token {
        let token = self.token();
        if self.pos < self.tokens.len().saturating_sub(1) {
            self.pos += 1;
        }
        // Like CPython's EXTRA, node ends skip NEWLINE, INDENT and DEDENT.
        if !matches!(
            token.kind,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
        ) {
            self.prev_end = token.end;
        }
        token
    }

    /// Consumes the current token if it is `kind`.
    #[inline]
    fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Consumes a token of `kind` or fails with "invalid syntax".
    fn expect(&mut self, kind: TokenKind) -> PResult<Token> {
        if self.at(kind) {
            Ok(self.bump())
        } else {
            Err(self.unexpected())
        }
    }

    /// Source text of a token.
    #[inline]
    fn text_of(&self, token: Token) -> &'a str {
        self.text
            .get(token.start as usize..token.end as usize)
            .unwrap_or("")
    }

    /// Whether the current token is the soft keyword (a NAME) `word`.
    #[inline]
    fn at_soft_keyword(&self, word: &str) -> bool {
        self.at(TokenKind::Name) && self.text_of(self.token()) == word
    }

    /// Start offset of the current token.
    #[inline]
    fn start(&self) -> u32 {
        self.token().start
    }

    /// The range from `start` to the end of the last consumed token.
    #[inline]
    fn range_from(&self, start: u32) -> TextRange {
        TextRange::new(start, self.prev_end.max(start))
    }

    /// Enters a nested construct; fails like CPython when nesting is too deep.
    #[inline]
    /// Parses one nesting level deeper: counts `cost` against [`MAX_DEPTH`]
    /// (CPython's parser stack limit, a `MemoryError` beyond it) and runs
    /// `parse` with enough native stack, moving to a fresh stack segment when
    /// the current one runs low. Every place the grammar nests goes through
    /// here, so the parser runs on any thread without overflowing it.
    fn nested<T>(&mut self, cost: u32, parse: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.depth += cost;
        let result = if self.depth > MAX_DEPTH {
            Err(ParseError::stack_overflow())
        } else {
            crate::stack::grow(|| parse(self))
        };
        self.depth -= cost;
        result
    }

    /// Records that the compound statement starting at `start` completed
    /// (CPython's `_PyPegen_register_stmts`, which only moves forward).
    #[inline]
    fn note_compound_statement(&mut self, start: u32) {
        if self.last_compound.is_none_or(|last| last <= start) {
            self.last_compound = Some(start);
        }
    }

    /// A NAME token's identifier, NFKC-normalised when it is not ASCII.
    fn identifier(&self, token: Token) -> Identifier {
        let text = self.text_of(token);
        if text.is_ascii() {
            Identifier::from(text)
        } else {
            use unicode_normalization::UnicodeNormalization;
            Identifier::from(text.nfkc().collect::<String>())
        }
    }

    /// Consumes a NAME (soft keywords included) and gives its identifier.
    fn name(&mut self) -> PResult<(Identifier, TextRange)> {
        if self.at(TokenKind::Name) {
            let token = self.bump();
            Ok((
                self.identifier(token),
                TextRange::new(token.start, token.end),
            ))
        } else {
            Err(self.unexpected())
        }
    }

    /// A `Name` expression in Load context from the current NAME token.
    fn name_expr(&mut self) -> PResult<Expr> {
        let (id, range) = self.name()?;
        Ok(Expr::new(
            range,
            ExprKind::Name {
                id,
                ctx: crate::ast::ExprContext::Load,
            },
        ))
    }
}

/// Parses decoded `text` (which ends with a newline) in `mode`.
/// `from_file` says the text was read from a source file, where errors at
/// the end of input are placed as CPython's file tokenizer places them.
pub fn parse_text(
    text: &str,
    index: &LineIndex,
    mode: Mode,
    from_file: bool,
) -> Result<Mod, SyntaxError> {
    let tokens = crate::tokenizer::tokenize(text);
    let mut parser = Parser::new(text, &tokens, index);
    parser.from_file = from_file;
    parser.parse(mode)
}

/// How `compile(..., flags=PyCF_ALLOW_INCOMPLETE_INPUT)` takes a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum InputStatus {
    /// It parses.
    Valid,
    /// It fails only because it ends too early (CPython's
    /// `_IncompleteInputError`): the parser gave up at the end of input.
    Incomplete,
    /// Another syntax error.
    Invalid,
}

/// Parses `text` as a module and says whether it is valid, incomplete or
/// invalid, for `codeop`-style checks on error paths.
pub(crate) fn input_status(text: &str) -> InputStatus {
    let mut owned;
    let text = if text.ends_with('\n') {
        text
    } else {
        owned = text.to_owned();
        owned.push('\n');
        owned.as_str()
    };
    let index = LineIndex::new(text);
    let tokens = crate::tokenizer::tokenize(text);
    let mut parser = Parser::new(text, &tokens, &index);
    let Err(err) = parser.parse_file() else {
        return InputStatus::Valid;
    };
    let failed_at = match err {
        ParseError::Unexpected(at) => at,
        _ => parser.pos,
    };
    // CPython's tokenizer has seen the end of input once it produces the
    // DEDENTs that close the last line's blocks.
    let at_end = match parser.token_at(failed_at).kind {
        TokenKind::EndMarker => true,
        TokenKind::Dedent => parser.tokens[failed_at..]
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Dedent | TokenKind::EndMarker)),
        TokenKind::ErrorToken => tokens.error.as_ref().is_some_and(|e| {
            e.unclosed_bracket_line.is_some()
                || e.error.msg.starts_with("unterminated triple-quoted")
        }),
        _ => false,
    };
    if at_end {
        InputStatus::Incomplete
    } else {
        InputStatus::Invalid
    }
}
