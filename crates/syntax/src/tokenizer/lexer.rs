//! The tokenizer state machine: CPython's `tok_get_normal_mode` and
//! `tok_get_fstring_mode` rewritten over a byte slice.
//!
//! Errors are built here with the positions CPython reports: tokenizer-raised
//! errors point at the tokenizer's current position on the current line, and
//! errors CPython signals with a code (bad dedent, tabs, line continuation,
//! end of input) get the positions its parser gives them.

use super::kind::TokenKind;
use super::unicode::{first_invalid_identifier_char, is_printable};
use super::{Token, TokenizerError, Tokens};
use crate::error::{ErrorKind, SyntaxError};

/// Columns of a tab stop.
const TAB_SIZE: u32 = 8;
/// Maximum indentation depth (CPython's MAXINDENT).
const MAX_INDENT: usize = 100;
/// Maximum bracket nesting (CPython's MAXLEVEL).
const MAX_LEVEL: usize = 200;
/// Maximum f-string nesting (CPython's MAXFSTRINGLEVEL).
const MAX_FSTRING_LEVEL: usize = 150;
/// Maximum nesting of replacement fields in format specs (MAX_EXPR_NESTING).
const MAX_EXPR_NESTING: i32 = 3;

/// One open bracket.
#[derive(Clone, Copy)]
struct Bracket {
    ch: u8,
    offset: u32,
}

/// State of one f-string or t-string being tokenized (CPython's tokenizer mode).
#[derive(Clone, Copy)]
struct StringMode {
    /// True while lexing a replacement field's expression (regular mode).
    in_expr: bool,
    quote: u8,
    quote_size: usize,
    raw: bool,
    template: bool,
    /// Offset of the string's first byte (its prefix).
    start: usize,
    curly_depth: i32,
    expr_start_depth: i32,
    in_format_spec: bool,
}

impl StringMode {
    fn prefix(&self) -> &'static str {
        if self.template {
            "t-string"
        } else {
            "f-string"
        }
    }
}

/// Why tokenizing stopped.
enum Stop {
    /// CPython's tokenizer raised this error itself.
    Raised(SyntaxError),
    /// End of input (inside brackets, or after a line continuation).
    Eof,
    /// Dedent to a column matching no outer indentation level.
    Dedent,
    /// Inconsistent tabs and spaces.
    TabSpace,
    /// Too many indentation levels.
    TooDeep,
    /// A character other than a newline after a line-continuation backslash.
    LineContinuation,
}

/// The tokenizer over one source text.
pub(super) struct Lexer<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    at_line_start: bool,
    /// (col, altcol) of each indentation level; the first is (0, 0).
    indents: Vec<(u32, u32)>,
    brackets: Vec<Bracket>,
    modes: Vec<StringMode>,
    tokens: Vec<Token>,
    /// Whether to keep comments, non-logical newlines and empty format-spec
    /// middles (for the `tokenize` module).
    extra: bool,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(text: &'a str, extra: bool) -> Self {
        Self {
            src: text.as_bytes(),
            text,
            pos: 0,
            at_line_start: true,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            modes: Vec::new(),
            tokens: Vec::with_capacity(text.len() / 4 + 4),
            extra,
        }
    }

    pub(super) fn run(mut self) -> Tokens {
        let stop = loop {
            let result = match self.modes.last() {
                Some(mode) if !mode.in_expr => self.lex_string_middle(),
                _ => self.lex_normal(),
            };
            match result {
                Ok(true) => {}
                Ok(false) => break None,
                Err(stop) => break Some(stop),
            }
        };
        let error = stop.map(|stop| {
            let at = self.pos.min(self.src.len());
            self.tokens.push(Token {
                kind: TokenKind::ErrorToken,
                start: offset32(at),
                end: offset32(at),
            });
            self.error_for(stop)
        });
        Tokens {
            tokens: self.tokens,
            error,
        }
    }

    // ----- small helpers -------------------------------------------------

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    #[inline]
    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.src.get(self.pos + ahead).copied()
    }

    #[inline]
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token {
            kind,
            start: offset32(start),
            end: offset32(end),
        });
    }

    /// Start offset of the line holding `offset`.
    fn line_start_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.src.len());
        self.src[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
    }

    /// 1-based line number holding `offset`.
    fn line_number_of(&self, offset: usize) -> u32 {
        let offset = offset.min(self.src.len());
        let newlines = self.src[..offset].iter().filter(|&&b| b == b'\n').count();
        u32::try_from(newlines + 1).unwrap_or(u32::MAX)
    }

    /// The line starting at `line_start`, without its newline.
    fn line_text(&self, line_start: usize) -> &'a str {
        let rest = &self.text[line_start.min(self.text.len())..];
        rest.split('\n').next().unwrap_or("")
    }

    /// The line starting at `line_start`, with its newline.
    fn line_text_with_newline(&self, line_start: usize) -> &'a str {
        let rest = &self.text[line_start.min(self.text.len())..];
        match rest.find('\n') {
            Some(p) => &rest[..=p],
            None => rest,
        }
    }

    /// Number of characters in `src[from..to]`.
    fn chars_between(&self, from: usize, to: usize) -> i32 {
        let to = to.min(self.src.len());
        let from = from.min(to);
        let count = self.src[from..to]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        i32_count(count)
    }

    /// CPython's `_PyTokenizer_syntaxerror`: the error sits at the tokenizer's
    /// position `cur` on the line holding the last character read.
    fn raised_at(&self, cur: usize, msg: String) -> Stop {
        let anchor = cur.saturating_sub(1);
        let line_start = self.line_start_of(anchor.min(cur));
        let line_start = if cur == 0 { 0 } else { line_start };
        let col = self.chars_between(line_start, cur);
        Stop::Raised(self.make_error(
            ErrorKind::SyntaxError,
            msg,
            self.line_number_of(line_start),
            col,
            col,
            self.line_text(line_start),
        ))
    }

    /// CPython's `_PyTokenizer_syntaxerror_known_range` with explicit columns.
    fn raised_range(&self, line_offset: usize, col: i32, end_col: i32, msg: String) -> Stop {
        let line_start = self.line_start_of(line_offset);
        Stop::Raised(self.make_error(
            ErrorKind::SyntaxError,
            msg,
            self.line_number_of(line_start),
            col,
            end_col,
            self.line_text(line_start),
        ))
    }

    fn make_error(
        &self,
        kind: ErrorKind,
        msg: String,
        lineno: u32,
        offset: i32,
        end_offset: i32,
        text: &str,
    ) -> SyntaxError {
        let mut err = SyntaxError::new(kind, msg);
        err.lineno = Some(lineno);
        err.offset = Some(offset);
        err.end_lineno = Some(lineno);
        err.end_offset = Some(end_offset);
        err.text = Some(text.to_owned());
        err
    }

    /// Turns a stop reason into the error CPython's parser reports for it.
    fn error_for(&self, stop: Stop) -> TokenizerError {
        let at = self.pos.min(self.src.len());
        let last_line_start = self.line_start_of(at.saturating_sub(1));
        let last_line = self.line_number_of(last_line_start);
        let mut unclosed_bracket_line = None;
        let (error, raised) = match stop {
            Stop::Raised(err) => (err, true),
            Stop::Eof => {
                if let Some(bracket) = self.brackets.last() {
                    let offset = bracket.offset as usize;
                    let line_start = self.line_start_of(offset);
                    let lineno = self.line_number_of(line_start);
                    unclosed_bracket_line = Some(lineno);
                    let col = self.chars_between(line_start, offset) + 1;
                    let text = if lineno >= last_line {
                        self.line_text_with_newline(line_start)
                    } else {
                        self.line_text(line_start)
                    };
                    let msg = format!("'{}' was never closed", char::from(bracket.ch));
                    (
                        self.make_error(ErrorKind::SyntaxError, msg, lineno, col, 0, text),
                        false,
                    )
                } else {
                    let col = self.chars_between(last_line_start, at);
                    (
                        self.make_error(
                            ErrorKind::SyntaxError,
                            "unexpected EOF while parsing".to_owned(),
                            last_line,
                            col,
                            -1,
                            self.line_text_with_newline(last_line_start),
                        ),
                        false,
                    )
                }
            }
            Stop::Dedent => {
                let text = self.line_text_with_newline(last_line_start);
                let col = self.chars_between(last_line_start, last_line_start + text.len());
                (
                    self.make_error(
                        ErrorKind::IndentationError,
                        "unindent does not match any outer indentation level".to_owned(),
                        last_line,
                        col,
                        -1,
                        text,
                    ),
                    false,
                )
            }
            Stop::TabSpace | Stop::TooDeep => {
                let (kind, msg) = if matches!(stop, Stop::TabSpace) {
                    (
                        ErrorKind::TabError,
                        "inconsistent use of tabs and spaces in indentation",
                    )
                } else {
                    (
                        ErrorKind::IndentationError,
                        "too many levels of indentation",
                    )
                };
                (
                    self.make_error(
                        kind,
                        msg.to_owned(),
                        last_line,
                        1,
                        0,
                        self.line_text_with_newline(last_line_start),
                    ),
                    false,
                )
            }
            Stop::LineContinuation => {
                // `pos` is just past the offending character.
                let col = self.chars_between(last_line_start, at);
                (
                    self.make_error(
                        ErrorKind::SyntaxError,
                        "unexpected character after line continuation character".to_owned(),
                        last_line,
                        col,
                        0,
                        self.line_text_with_newline(last_line_start),
                    ),
                    false,
                )
            }
        };
        TokenizerError {
            error,
            raised,
            unclosed_bracket_line,
        }
    }

    // ----- normal mode ---------------------------------------------------

    /// Lexes the next token(s) in regular mode. Returns `Ok(false)` at the end.
    fn lex_normal(&mut self) -> Result<bool, Stop> {
        let mut blank_line;
        'next_line: loop {
            blank_line = false;
            if self.at_line_start {
                self.at_line_start = false;
                self.lex_indentation(&mut blank_line)?;
            }
            // `again:` — skip spaces, then read one token.
            loop {
                while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c')) {
                    self.pos += 1;
                }
                let start = self.pos;
                let Some(c) = self.peek() else {
                    if !self.brackets.is_empty() {
                        return Err(Stop::Eof);
                    }
                    self.push(TokenKind::EndMarker, start, start);
                    return Ok(false);
                };
                if c == b'#' {
                    while !matches!(self.peek(), None | Some(b'\n')) {
                        self.pos += 1;
                    }
                    if self.extra {
                        self.push(TokenKind::Comment, start, self.pos);
                    }
                    continue;
                }
                if c == b'\n' {
                    self.pos += 1;
                    self.at_line_start = true;
                    if blank_line || !self.brackets.is_empty() {
                        if self.extra {
                            self.push(TokenKind::Nl, start, start + 1);
                        }
                        continue 'next_line;
                    }
                    self.push(TokenKind::Newline, start, start + 1);
                    return Ok(true);
                }
                if c == b'\\' {
                    self.pos += 1;
                    self.continuation_line()?;
                    continue;
                }
                self.lex_token(start, c)?;
                return Ok(true);
            }
        }
    }

    /// Measures a new line's indentation and queues INDENT/DEDENT tokens.
    fn lex_indentation(&mut self, blank_line: &mut bool) -> Result<(), Stop> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        let mut cont_line_col: u32 = 0;
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    altcol += 1;
                    self.pos += 1;
                }
                Some(b'\t') => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                    self.pos += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    altcol = 0;
                    self.pos += 1;
                }
                Some(b'\\') => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.pos += 1;
                    self.continuation_line()?;
                }
                _ => break,
            }
        }
        if matches!(self.peek(), Some(b'#' | b'\n')) {
            *blank_line = true;
        }
        if *blank_line || !self.brackets.is_empty() {
            return Ok(());
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let &(top_col, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        let line_start = self.line_start_of(self.pos);
        if col == top_col {
            if altcol != top_alt {
                self.pos = self.end_of_line();
                return Err(Stop::TabSpace);
            }
        } else if col > top_col {
            if self.indents.len() >= MAX_INDENT {
                self.pos = self.end_of_line();
                return Err(Stop::TooDeep);
            }
            if altcol <= top_alt {
                self.pos = self.end_of_line();
                return Err(Stop::TabSpace);
            }
            self.indents.push((col, altcol));
            self.push(TokenKind::Indent, line_start, self.pos);
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |i| i.0) {
                self.indents.pop();
                dedents += 1;
            }
            let &(new_col, new_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != new_col {
                self.pos = self.end_of_line();
                return Err(Stop::Dedent);
            }
            if altcol != new_alt {
                self.pos = self.end_of_line();
                return Err(Stop::TabSpace);
            }
            for _ in 0..dedents {
                self.push(TokenKind::Dedent, self.pos, self.pos);
            }
        }
        Ok(())
    }

    /// Offset just past the current line's newline.
    fn end_of_line(&self) -> usize {
        match self.src[self.pos.min(self.src.len())..]
            .iter()
            .position(|&b| b == b'\n')
        {
            Some(p) => self.pos + p + 1,
            None => self.src.len(),
        }
    }

    /// After a backslash: requires a newline, and input after it.
    fn continuation_line(&mut self) -> Result<(), Stop> {
        match self.peek() {
            Some(b'\n') => self.pos += 1,
            Some(_) => {
                self.pos += 1;
                return Err(Stop::LineContinuation);
            }
            None => return Err(Stop::Eof),
        }
        if self.peek().is_none() {
            return Err(Stop::Eof);
        }
        Ok(())
    }

    /// Lexes one token starting with byte `c` at `start` (not space, newline,
    /// comment or backslash).
    fn lex_token(&mut self, start: usize, c: u8) -> Result<(), Stop> {
        if is_potential_identifier_start(c) {
            return self.lex_name_or_prefixed_string(start);
        }
        if c == b'.' {
            if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
                return self.lex_number(start);
            }
            if self.peek_at(1) == Some(b'.') && self.peek_at(2) == Some(b'.') {
                self.pos += 3;
                self.push(TokenKind::Ellipsis, start, self.pos);
            } else {
                self.pos += 1;
                self.push(TokenKind::Dot, start, self.pos);
            }
            return Ok(());
        }
        if c.is_ascii_digit() {
            return self.lex_number(start);
        }
        if c == b'\'' || c == b'"' {
            return self.lex_string(start, start);
        }
        self.lex_operator(start, c)
    }

    fn lex_operator(&mut self, start: usize, c: u8) -> Result<(), Stop> {
        // Punctuation that ends a replacement field's expression.
        if let Some(mode) = self.modes.last_mut()
            && mode.expr_start_depth >= 0
            && c == b':'
        {
            let cursor = mode.curly_depth - 1;
            if cursor == mode.expr_start_depth {
                mode.in_expr = false;
                mode.in_format_spec = true;
                self.pos += 1;
                self.push(TokenKind::Colon, start, self.pos);
                return Ok(());
            }
        }
        if let Some(c2) = self.peek_at(1)
            && let Some(two) = TokenKind::two_chars(c, c2)
        {
            if let Some(c3) = self.peek_at(2)
                && let Some(three) = TokenKind::three_chars(c, c2, c3)
            {
                self.pos += 3;
                self.push(three, start, self.pos);
                return Ok(());
            }
            self.pos += 2;
            self.push(two, start, self.pos);
            return Ok(());
        }
        self.pos += 1;
        match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_LEVEL {
                    return Err(self.raised_at(self.pos, "too many nested parentheses".to_owned()));
                }
                self.brackets.push(Bracket {
                    ch: c,
                    offset: offset32(start),
                });
                if let Some(mode) = self.modes.last_mut() {
                    mode.curly_depth += 1;
                }
            }
            b')' | b']' | b'}' => self.close_bracket(c)?,
            _ => {}
        }
        if !is_printable(char::from(c)) {
            return Err(self.raised_at(
                self.pos,
                format!("invalid non-printable character U+{:04X}", c),
            ));
        }
        self.push(TokenKind::one_char(c), start, self.pos);
        Ok(())
    }

    fn close_bracket(&mut self, c: u8) -> Result<(), Stop> {
        let cur = self.pos;
        if let Some(mode) = self.modes.last()
            && mode.curly_depth == 0
            && c == b'}'
        {
            let msg = format!("{}: single '}}' is not allowed", mode.prefix());
            return Err(self.raised_at(cur, msg));
        }
        let Some(open) = self.brackets.pop() else {
            return Err(self.raised_at(cur, format!("unmatched '{}'", char::from(c))));
        };
        let matches = matches!((open.ch, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matches {
            if let Some(mode) = self.modes.last()
                && open.ch == b'{'
                && mode.curly_depth - 1 == mode.expr_start_depth
            {
                let msg = format!("{}: unmatched '{}'", mode.prefix(), char::from(c));
                return Err(self.raised_at(cur, msg));
            }
            let open_line = self.line_number_of(open.offset as usize);
            let here = self.line_number_of(cur.saturating_sub(1));
            let msg = if open_line != here {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    char::from(c),
                    char::from(open.ch),
                    open_line
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    char::from(c),
                    char::from(open.ch)
                )
            };
            return Err(self.raised_at(cur, msg));
        }
        if let Some(mode) = self.modes.last_mut() {
            mode.curly_depth -= 1;
            if mode.curly_depth < 0 {
                let msg = format!("{}: unmatched '{}'", mode.prefix(), char::from(c));
                return Err(self.raised_at(cur, msg));
            }
            if c == b'}' && mode.curly_depth == mode.expr_start_depth {
                mode.expr_start_depth -= 1;
                mode.in_expr = false;
                mode.in_format_spec = false;
            }
        }
        Ok(())
    }

    fn lex_name_or_prefixed_string(&mut self, start: usize) -> Result<(), Stop> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f, mut saw_t) =
            (false, false, false, false, false);
        while let Some(c) = self.peek() {
            match c.to_ascii_lowercase() {
                b'b' if !(saw_b || saw_u || saw_f || saw_t) => saw_b = true,
                b'u' if !(saw_b || saw_u || saw_r || saw_f || saw_t) => saw_u = true,
                b'r' if !(saw_r || saw_u) => saw_r = true,
                b'f' if !(saw_f || saw_b || saw_u || saw_t) => saw_f = true,
                b't' if !(saw_t || saw_b || saw_u || saw_f) => saw_t = true,
                _ => break,
            }
            self.pos += 1;
            if let Some(q @ (b'"' | b'\'')) = self.peek() {
                if saw_f || saw_t {
                    return self.lex_fstring_start(start, q, saw_t);
                }
                return self.lex_string(start, self.pos);
            }
        }
        let mut nonascii = false;
        while let Some(c) = self.peek() {
            if !is_potential_identifier_char(c) {
                break;
            }
            nonascii |= c >= 128;
            self.pos += 1;
        }
        if nonascii {
            self.verify_identifier(start)?;
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(), Some(b'"' | b'\'')) {
            self.check_incompatible_prefixes(start, word)?;
        }
        let kind = TokenKind::keyword(word).unwrap_or(TokenKind::Name);
        self.push(kind, start, self.pos);
        Ok(())
    }

    /// CPython 3.14 explains a run of distinct prefix letters before a quote
    /// that cannot be combined (`ub'...'`, `ft'...'`).
    fn check_incompatible_prefixes(&self, start: usize, word: &[u8]) -> Result<(), Stop> {
        let mut seen = [false; 5];
        for &c in word {
            let index = match c.to_ascii_lowercase() {
                b'u' => 0,
                b'b' => 1,
                b'r' => 2,
                b'f' => 3,
                b't' => 4,
                _ => return Ok(()),
            };
            if seen[index] {
                return Ok(());
            }
            seen[index] = true;
        }
        const PAIRS: [(usize, usize, &str); 7] = [
            (0, 1, "'u' and 'b'"),
            (0, 2, "'u' and 'r'"),
            (0, 3, "'u' and 'f'"),
            (0, 4, "'u' and 't'"),
            (1, 3, "'b' and 'f'"),
            (1, 4, "'b' and 't'"),
            (3, 4, "'f' and 't'"),
        ];
        for (a, b, names) in PAIRS {
            if seen[a] && seen[b] {
                let line_start = self.line_start_of(start);
                let col = i32_count(start - line_start) + 1;
                let end = i32_count(self.pos + 1 - line_start);
                return Err(self.raised_range(
                    start,
                    col,
                    end,
                    format!("{names} prefixes are incompatible"),
                ));
            }
        }
        Ok(())
    }

    fn verify_identifier(&mut self, start: usize) -> Result<(), Stop> {
        let name = &self.text[start..self.pos];
        if let Some((index, bad)) = first_invalid_identifier_char(name) {
            let cur = start
                + name
                    .char_indices()
                    .nth(index + 1)
                    .map_or(name.len(), |(i, _)| i);
            self.pos = cur;
            let msg = if is_printable(bad) {
                format!("invalid character '{bad}' (U+{:04X})", u32::from(bad))
            } else {
                format!("invalid non-printable character U+{:04X}", u32::from(bad))
            };
            return Err(self.raised_at(cur, msg));
        }
        Ok(())
    }

    // ----- numbers -------------------------------------------------------

    fn lex_number(&mut self, start: usize) -> Result<(), Stop> {
        let c = self.peek().unwrap_or(0);
        if c == b'.' {
            self.pos += 1;
            return self.lex_fraction(start);
        }
        if c == b'0' {
            let next = self.peek_at(1).unwrap_or(0);
            match next {
                b'x' | b'X' => return self.lex_radix(start, 16, "hexadecimal"),
                b'o' | b'O' => return self.lex_radix(start, 8, "octal"),
                b'b' | b'B' => return self.lex_radix(start, 2, "binary"),
                _ => {}
            }
            // Zeros, possibly an old-style octal, or a float.
            self.pos += 1;
            loop {
                match self.peek() {
                    Some(b'_') => {
                        self.pos += 1;
                        if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                            return Err(self.raised_at(self.pos, "invalid decimal literal".into()));
                        }
                    }
                    Some(b'0') => self.pos += 1,
                    _ => break,
                }
            }
            let zeros_end = self.pos + 1;
            let mut nonzero = false;
            if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    return self.lex_fraction(start);
                }
                Some(b'e' | b'E') => return self.lex_exponent(start),
                Some(b'j' | b'J') => return self.lex_imaginary(start),
                _ => {}
            }
            if nonzero {
                let line_start = self.line_start_of(start);
                return Err(self.raised_range(
                    start,
                    i32_count(start + 1 - line_start),
                    i32_count(zeros_end - line_start),
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                ));
            }
            self.verify_end_of_number("decimal")?;
            self.push(TokenKind::Number, start, self.pos);
            return Ok(());
        }
        self.decimal_tail()?;
        match self.peek() {
            Some(b'.') => {
                self.pos += 1;
                self.lex_fraction(start)
            }
            _ => self.lex_after_fraction(start),
        }
    }

    /// Digits with single underscores between them; at least one digit is there.
    fn decimal_tail(&mut self) -> Result<(), Stop> {
        loop {
            while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                return Err(self.raised_at(self.pos, "invalid decimal literal".into()));
            }
        }
    }

    /// After the `.` of a float.
    fn lex_fraction(&mut self, start: usize) -> Result<(), Stop> {
        if self.peek().is_some_and(|d| d.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        self.lex_after_fraction(start)
    }

    fn lex_after_fraction(&mut self, start: usize) -> Result<(), Stop> {
        match self.peek() {
            Some(b'e' | b'E') => self.lex_exponent(start),
            Some(b'j' | b'J') => self.lex_imaginary(start),
            _ => {
                self.verify_end_of_number("decimal")?;
                self.push(TokenKind::Number, start, self.pos);
                Ok(())
            }
        }
    }

    /// At the `e` of an exponent.
    fn lex_exponent(&mut self, start: usize) -> Result<(), Stop> {
        let e_pos = self.pos;
        self.pos += 1;
        match self.peek() {
            Some(b'+' | b'-') => {
                self.pos += 1;
                if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    return Err(self.raised_at(self.pos, "invalid decimal literal".into()));
                }
            }
            Some(d) if d.is_ascii_digit() => {}
            _ => {
                // `1e` followed by something else: the number ends before `e`.
                self.pos = e_pos;
                self.verify_end_of_number("decimal")?;
                self.push(TokenKind::Number, start, self.pos);
                return Ok(());
            }
        }
        self.decimal_tail()?;
        if matches!(self.peek(), Some(b'j' | b'J')) {
            return self.lex_imaginary(start);
        }
        self.verify_end_of_number("decimal")?;
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// At the `j` of an imaginary literal.
    fn lex_imaginary(&mut self, start: usize) -> Result<(), Stop> {
        self.pos += 1;
        self.verify_end_of_number("imaginary")?;
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// `0x`, `0o`, `0b` literals.
    fn lex_radix(&mut self, start: usize, radix: u32, kind: &str) -> Result<(), Stop> {
        self.pos += 2;
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
            }
            let c = self.peek().unwrap_or(0);
            if !char::from(c).is_digit(radix) {
                if radix != 16 && c.is_ascii_digit() {
                    self.pos += 1;
                    return Err(self.raised_at(
                        self.pos,
                        format!("invalid digit '{}' in {kind} literal", char::from(c)),
                    ));
                }
                return Err(self.raised_at(self.pos, format!("invalid {kind} literal")));
            }
            while self.peek().is_some_and(|d| char::from(d).is_digit(radix)) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                break;
            }
        }
        if radix != 16
            && let Some(d) = self.peek().filter(u8::is_ascii_digit)
        {
            self.pos += 1;
            return Err(self.raised_at(
                self.pos,
                format!("invalid digit '{}' in {kind} literal", char::from(d)),
            ));
        }
        self.verify_end_of_number(kind)?;
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// A number directly followed by an identifier character is an error,
    /// except before the keywords that may follow a number in valid code.
    fn verify_end_of_number(&self, kind: &str) -> Result<(), Stop> {
        let rest = &self.src[self.pos.min(self.src.len())..];
        let Some(&c) = rest.first() else {
            return Ok(());
        };
        let keyword_follows = |word: &[u8]| {
            rest.starts_with(word)
                && !rest
                    .get(word.len())
                    .is_some_and(|&n| is_potential_identifier_char(n))
        };
        let allowed = match c {
            b'a' => keyword_follows(b"and"),
            b'e' => keyword_follows(b"else"),
            b'f' => keyword_follows(b"for"),
            b'i' => matches!(rest.get(1), Some(b'f' | b'n' | b's')),
            b'o' => keyword_follows(b"or"),
            b'n' => keyword_follows(b"not"),
            _ => false,
        };
        if allowed {
            return Ok(());
        }
        if c < 128 && is_potential_identifier_char(c) {
            return Err(self.raised_at(self.pos, format!("invalid {kind} literal")));
        }
        Ok(())
    }

    // ----- strings -------------------------------------------------------

    /// A string or bytes literal; `quote_at` is the offset of its first quote.
    fn lex_string(&mut self, start: usize, quote_at: usize) -> Result<(), Stop> {
        let quote = self.src[quote_at];
        self.pos = quote_at + 1;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        if self.peek() == Some(quote) {
            if self.peek_at(1) == Some(quote) {
                quote_size = 3;
                self.pos += 2;
            } else {
                self.pos += 1;
                end_quote_size = 1;
            }
        }
        let mut has_escaped_quote = false;
        while end_quote_size != quote_size {
            let c = self.peek();
            if c.is_some() {
                self.pos += 1;
            }
            match c {
                None | Some(b'\n') if c.is_none() || quote_size == 1 => {
                    return Err(self.unterminated_string(
                        start,
                        quote,
                        quote_size,
                        has_escaped_quote,
                    ));
                }
                Some(q) if q == quote => end_quote_size += 1,
                Some(b'\\') => {
                    end_quote_size = 0;
                    if let Some(next) = self.peek() {
                        self.pos += 1;
                        if next == quote {
                            has_escaped_quote = true;
                        }
                    }
                }
                _ => end_quote_size = 0,
            }
        }
        self.push(TokenKind::String, start, self.pos);
        Ok(())
    }

    fn unterminated_string(
        &self,
        start: usize,
        quote: u8,
        quote_size: usize,
        has_escaped_quote: bool,
    ) -> Stop {
        let detected = self.line_number_of(self.pos.saturating_sub(1));
        if let Some(mode) = self.modes.last()
            && mode.quote == quote
            && mode.quote_size == quote_size
        {
            return self.raised_at(start + 1, format!("{}: expecting '}}'", mode.prefix()));
        }
        let msg = if quote_size == 3 {
            format!("unterminated triple-quoted string literal (detected at line {detected})")
        } else if has_escaped_quote {
            format!(
                "unterminated string literal (detected at line {detected}); perhaps you escaped the end quote?"
            )
        } else {
            format!("unterminated string literal (detected at line {detected})")
        };
        self.raised_at(start + 1, msg)
    }

    /// `f"`/`t"` (with any prefix): pushes a string mode.
    fn lex_fstring_start(&mut self, start: usize, quote: u8, template: bool) -> Result<(), Stop> {
        let mut quote_size = 1;
        self.pos += 1;
        if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
            quote_size = 3;
            self.pos += 2;
        }
        if self.modes.len() + 1 >= MAX_FSTRING_LEVEL {
            return Err(self.raised_at(self.pos, "too many nested f-strings".into()));
        }
        let first = self.src[start].to_ascii_lowercase();
        let raw = first == b'r' || self.src[start + 1].eq_ignore_ascii_case(&b'r');
        self.modes.push(StringMode {
            in_expr: false,
            quote,
            quote_size,
            raw,
            template,
            start,
            curly_depth: 0,
            expr_start_depth: -1,
            in_format_spec: false,
        });
        let kind = if template {
            TokenKind::TStringStart
        } else {
            TokenKind::FStringStart
        };
        self.push(kind, start, self.pos);
        Ok(())
    }

    /// Literal text of an f-string or t-string, or its end.
    fn lex_string_middle(&mut self) -> Result<bool, Stop> {
        let Some(&mode) = self.modes.last() else {
            return Ok(true);
        };
        let (middle_kind, end_kind) = if mode.template {
            (TokenKind::TStringMiddle, TokenKind::TStringEnd)
        } else {
            (TokenKind::FStringMiddle, TokenKind::FStringEnd)
        };
        let start = self.pos;
        if self.peek() == Some(b'{') && self.peek_at(1) != Some(b'{') {
            self.enter_replacement_field()?;
            return Ok(true);
        }
        if (0..mode.quote_size).all(|i| self.peek_at(i) == Some(mode.quote)) {
            self.pos += mode.quote_size;
            self.modes.pop();
            self.push(end_kind, start, self.pos);
            return Ok(true);
        }
        let in_format_spec = mode.in_format_spec && mode.expr_start_depth >= 0;
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        while end_quote_size != mode.quote_size {
            let c = self.peek();
            if c.is_some() {
                self.pos += 1;
            }
            let c = match c {
                None => return Err(self.unterminated_fstring(&mode)),
                Some(b'\n') if mode.quote_size == 1 => {
                    if in_format_spec {
                        let msg = format!(
                            "{}: newlines are not allowed in format specifiers for single quoted {}s",
                            mode.prefix(),
                            mode.prefix()
                        );
                        return Err(self.raised_at(self.pos, msg));
                    }
                    return Err(self.unterminated_fstring(&mode));
                }
                Some(c) => c,
            };
            if c == mode.quote {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            match c {
                b'{' => {
                    if self.peek() != Some(b'{') || in_format_spec {
                        self.pos -= 1;
                        self.push_middle(middle_kind, start, self.pos);
                        self.enter_replacement_field()?;
                    } else {
                        // A doubled brace: the token covers both, stands for one.
                        self.pos += 1;
                        self.push_middle(middle_kind, start, self.pos);
                    }
                    return Ok(true);
                }
                b'}' => {
                    if unicode_escape {
                        self.push_middle(middle_kind, start, self.pos);
                        return Ok(true);
                    }
                    let depth = self.modes.last().map_or(0, |m| m.curly_depth);
                    if self.peek() == Some(b'}') && !in_format_spec && depth == 0 {
                        self.pos += 1;
                        self.push_middle(middle_kind, start, self.pos);
                    } else {
                        self.pos -= 1;
                        if let Some(m) = self.modes.last_mut() {
                            m.in_expr = true;
                            m.in_format_spec = false;
                        }
                        if self.extra && depth > 0 && start == self.pos {
                            // CPython's tokenizer ends a format spec with a middle, empty or not.
                            self.push(middle_kind, start, start);
                        }
                        self.push_middle(middle_kind, start, self.pos);
                    }
                    return Ok(true);
                }
                b'\\' => {
                    let peek = self.peek();
                    if matches!(peek, Some(b'{' | b'}')) {
                        continue;
                    }
                    if peek.is_some() {
                        self.pos += 1;
                    }
                    if !mode.raw && peek == Some(b'N') && self.peek() == Some(b'{') {
                        self.pos += 1;
                        unicode_escape = true;
                    }
                }
                _ => {}
            }
        }
        self.pos -= mode.quote_size;
        self.push_middle(middle_kind, start, self.pos);
        Ok(true)
    }

    /// Pushes literal text unless it is empty.
    fn push_middle(&mut self, kind: TokenKind, start: usize, end: usize) {
        if end > start {
            self.push(kind, start, end);
        }
    }

    /// At the `{` of a replacement field: switch to regular mode.
    fn enter_replacement_field(&mut self) -> Result<(), Stop> {
        let pos = self.pos;
        let Some(mode) = self.modes.last_mut() else {
            return Ok(());
        };
        mode.expr_start_depth += 1;
        if mode.expr_start_depth >= MAX_EXPR_NESTING {
            let msg = format!("{}: expressions nested too deeply", mode.prefix());
            return Err(self.raised_at(pos, msg));
        }
        mode.in_expr = true;
        mode.in_format_spec = false;
        Ok(())
    }

    fn unterminated_fstring(&self, mode: &StringMode) -> Stop {
        let detected = self.line_number_of(self.pos.saturating_sub(1));
        let msg = if mode.quote_size == 3 {
            format!(
                "unterminated triple-quoted {} literal (detected at line {detected})",
                mode.prefix()
            )
        } else {
            format!(
                "unterminated {} literal (detected at line {detected})",
                mode.prefix()
            )
        };
        self.raised_at(mode.start + 1, msg)
    }
}

#[inline]
fn is_potential_identifier_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

#[inline]
fn is_potential_identifier_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// Converts an offset to `u32`; sources are limited to `u32::MAX` bytes when decoded.
#[inline]
fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Converts a count to `i32` (saturating).
#[inline]
fn i32_count(count: usize) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}
