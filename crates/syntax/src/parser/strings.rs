//! String literals: escape decoding for `str` and `bytes`, f-strings and
//! t-strings (replacement fields, conversions, format specs, the `=` debug
//! form) and implicit concatenation folded the way CPython folds it.

use super::{PResult, ParseError, Parser};
use crate::TextRange;
use crate::ast::{Constant, ConstantKind, Conversion, Expr, ExprKind};
use crate::tokenizer::{Token, TokenKind as K};
use crate::wtf8::Wtf8Buf;

/// One piece of a concatenation, before folding.
enum Part {
    /// Literal text (or bytes) with the range it came from.
    Text(Wtf8Buf, TextRange),
    Bytes(Vec<u8>),
    /// A replacement field.
    Field(Expr),
}

impl Parser<'_> {
    /// `strings`: one or more adjacent string, f-string or t-string literals.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first_token = self.token();
        let mut parts: Vec<Part> = Vec::new();
        let (mut any_bytes, mut any_str, mut any_f, mut any_t) = (false, false, false, false);
        let mut u_kind = None;
        let mut first = true;
        loop {
            let token = self.token();
            match token.kind {
                K::String => {
                    self.bump();
                    let literal = self.text_of(token);
                    let prefix_len = literal.find(['\'', '"']).unwrap_or(0);
                    let prefix = &literal[..prefix_len];
                    let is_bytes = prefix.contains(['b', 'B']);
                    let raw = prefix.contains(['r', 'R']);
                    if first && prefix.contains(['u', 'U']) {
                        u_kind = Some(ConstantKind::U);
                    }
                    let rest = &literal[prefix_len..];
                    let quote_len = if rest.len() >= 6
                        && (rest.starts_with("'''") || rest.starts_with("\"\"\""))
                    {
                        3
                    } else {
                        1
                    };
                    let body = rest
                        .get(quote_len..rest.len().saturating_sub(quote_len))
                        .unwrap_or("");
                    let range = TextRange::new(token.start, token.end);
                    if is_bytes {
                        any_bytes = true;
                        let bytes =
                            decode_bytes(body, raw).map_err(|msg| self.error_at(range, msg))?;
                        parts.push(Part::Bytes(bytes));
                    } else {
                        any_str = true;
                        let text =
                            decode_str(body, raw).map_err(|msg| self.error_at(range, msg))?;
                        parts.push(Part::Text(text, range));
                    }
                }
                K::FStringStart | K::TStringStart => {
                    if token.kind == K::FStringStart {
                        any_f = true;
                    } else {
                        any_t = true;
                    }
                    let result = self.nested(1, |p| p.fstring(&mut parts));
                    result?;
                }
                _ => break,
            }
            first = false;
        }
        let range = self.range_from(start);
        if any_t && (any_str || any_bytes || any_f) {
            return Err(self.error_at(
                range,
                "cannot mix t-string literals with string or bytes literals",
            ));
        }
        if any_bytes && (any_str || any_f) {
            let next = self.token();
            return Err(self.error_at(
                TextRange::new(next.start, next.end),
                "cannot mix bytes and nonbytes literals",
            ));
        }
        if any_bytes {
            let mut all = Vec::new();
            for part in parts {
                if let Part::Bytes(b) = part {
                    all.extend(b);
                }
            }
            return Ok(Expr::new(
                range,
                ExprKind::Constant {
                    value: Constant::Bytes(all),
                    kind: None,
                },
            ));
        }
        if !any_f && !any_t {
            let mut text = Wtf8Buf::new();
            for part in &parts {
                if let Part::Text(t, _) = part {
                    text.push_wtf8(t);
                }
            }
            let _ = first_token;
            return Ok(Expr::new(
                range,
                ExprKind::Constant {
                    value: Constant::Str(text),
                    kind: u_kind,
                },
            ));
        }
        let values = fold_parts(parts);
        let kind = if any_t {
            ExprKind::TemplateStr { values }
        } else {
            ExprKind::JoinedStr { values }
        };
        Ok(Expr::new(range, kind))
    }

    /// One f-string or t-string from its START token to its END token.
    fn fstring(&mut self, parts: &mut Vec<Part>) -> PResult<()> {
        let start_token = self.bump();
        let prefix = self.text_of(start_token);
        let raw = prefix.contains(['r', 'R']);
        let template = start_token.kind == K::TStringStart;
        loop {
            let token = self.token();
            match token.kind {
                K::FStringMiddle | K::TStringMiddle => {
                    self.bump();
                    let range = TextRange::new(token.start, token.end);
                    let text = decode_str(self.middle_text(token), raw)
                        .map_err(|msg| self.error_at(range, msg))?;
                    parts.push(Part::Text(text, range));
                }
                K::Lbrace => {
                    let field = self.replacement_field(raw, template)?;
                    parts.push(Part::Field(field));
                }
                K::FStringEnd | K::TStringEnd => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// `{expr[=][!c][:spec]}` inside an f-string or t-string.
    fn replacement_field(&mut self, raw: bool, template: bool) -> PResult<Expr> {
        let open = self.bump();
        let what = if template { "t-string" } else { "f-string" };
        if self.at(K::Rbrace) || self.at(K::Colon) || self.at(K::Exclamation) || self.at(K::Equal) {
            let token = self.token();
            return Err(self.error_at(
                TextRange::new(token.start, token.end),
                format!(
                    "{what}: valid expression required before '{}'",
                    self.text_of(token)
                ),
            ));
        }
        let first_pos = self.pos;
        let value = if self.at(K::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        };
        let value = match value {
            Ok(value) => value,
            Err(ParseError::Unexpected(at)) => {
                return Err(self.field_expression_error(first_pos, at, what));
            }
            Err(err) => return Err(err),
        };
        if !matches!(
            self.kind(),
            K::Equal | K::Exclamation | K::Colon | K::Rbrace
        ) {
            if let Some(err) = self.invalid_expression(first_pos) {
                return Err(err);
            }
            return Err(self.field_error(format!("{what}: expecting '=', or '!', or ':', or '}}'")));
        }
        let equal_start = self.start();
        let debug = self.eat(K::Equal);
        let expr_end = self.start();
        if debug && !matches!(self.kind(), K::Exclamation | K::Colon | K::Rbrace) {
            return Err(self.field_error(format!("{what}: expecting '!', or ':', or '}}'")));
        }
        let mut conversion = Conversion::None;
        if self.at(K::Exclamation) {
            let bang = self.bump();
            let token = self.token();
            if token.kind != K::Name {
                let msg = if matches!(token.kind, K::Colon | K::Rbrace) {
                    "missing conversion character"
                } else {
                    "invalid conversion character"
                };
                return Err(self.field_error(format!("{what}: {msg}")));
            }
            if token.start != bang.end {
                return Err(self.error_at(
                    TextRange::new(bang.start, token.end),
                    format!("{what}: conversion type must come right after the exclamation mark"),
                ));
            }
            self.bump();
            conversion = match self.text_of(token) {
                "s" => Conversion::Str,
                "r" => Conversion::Repr,
                "a" => Conversion::Ascii,
                other => {
                    return Err(self.error_at(
                        TextRange::new(token.start, token.end),
                        format!(
                            "{what}: invalid conversion character '{other}': expected 's', 'r', or 'a'"
                        ),
                    ));
                }
            };
            if !matches!(self.kind(), K::Colon | K::Rbrace) {
                return Err(self.field_error(format!("{what}: expecting ':' or '}}'")));
            }
        }
        let format_spec = if self.at(K::Colon) {
            let colon = self.bump();
            let mut spec_parts = Vec::new();
            let mut spec_literal_at = None;
            loop {
                let token = self.token();
                match token.kind {
                    K::FStringMiddle | K::TStringMiddle => {
                        if spec_literal_at.is_none() {
                            spec_literal_at = Some(self.pos);
                        }
                        self.bump();
                        let range = TextRange::new(token.start, token.end);
                        let text = decode_str(self.middle_text(token), raw)
                            .map_err(|msg| self.error_at(range, msg))?;
                        spec_parts.push(Part::Text(text, range));
                    }
                    K::Lbrace => {
                        let field = self.nested(1, |p| p.replacement_field(raw, false));
                        spec_parts.push(Part::Field(field?));
                    }
                    _ => break,
                }
            }
            if !self.at(K::Rbrace) {
                // CPython's rule skips only FSTRING_MIDDLE tokens and nested
                // fields, so in a t-string it stops at the first literal part.
                if template {
                    self.pos = spec_literal_at.unwrap_or(self.pos);
                }
                return Err(self.field_error(format!("{what}: expecting '}}', or format specs")));
            }
            let end = self.start();
            Some(Box::new(Expr::new(
                TextRange::new(colon.start, end),
                ExprKind::JoinedStr {
                    values: fold_parts(spec_parts),
                },
            )))
        } else {
            None
        };
        let close = self.token();
        if close.kind != K::Rbrace {
            if close.kind == K::ErrorToken {
                return Err(self.unexpected());
            }
            return Err(self.error_at(
                TextRange::new(close.start, close.end),
                format!("{what}: expecting '}}'"),
            ));
        }
        self.bump();
        let range = TextRange::new(open.start, close.end);
        if debug && conversion == Conversion::None && format_spec.is_none() {
            conversion = Conversion::Repr;
        }
        let source = strip_comments(
            self.text
                .get(open.end as usize..expr_end as usize)
                .unwrap_or(""),
        );
        let field = if template {
            let expr_text = strip_comments(
                self.text
                    .get(open.end as usize..equal_start as usize)
                    .unwrap_or(""),
            );
            ExprKind::Interpolation {
                value: Box::new(value),
                str: Box::from(expr_text.as_str()),
                conversion,
                format_spec,
            }
        } else {
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            }
        };
        let field = Expr::new(range, field);
        if debug {
            // The `=` form contributes its source text as a literal first.
            let text_range = TextRange::new(open.end, expr_end);
            let debug_text = Expr::new(
                text_range,
                ExprKind::Constant {
                    value: Constant::Str(Wtf8Buf::from(source.as_str())),
                    kind: None,
                },
            );
            return Ok(Expr::new(
                range,
                ExprKind::JoinedStr {
                    values: vec![debug_text, field],
                },
            ));
        }
        Ok(field)
    }
}

impl Parser<'_> {
    /// A replacement-field error at the current token (CPython's
    /// `RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN`), or the tokenizer's error when
    /// the current token is where the tokenizer failed.
    fn field_error(&self, msg: String) -> ParseError {
        let token = self.token();
        if token.kind == K::ErrorToken {
            return self.unexpected();
        }
        self.error_at(TextRange::new(token.start, token.end), msg)
    }

    /// The error for a replacement field whose expression (starting at
    /// token `first_pos`) failed at token `at`. CPython's PEG parser backs
    /// off to the longest expression that parses; the token before the
    /// failure stands for the one after that expression.
    fn field_expression_error(&self, first_pos: usize, at: usize, what: &str) -> ParseError {
        let token = self.token_at(at);
        if token.kind == K::ErrorToken {
            return ParseError::Tokenizer;
        }
        if at > first_pos + 1 {
            let stop = self.token_at(at - 1);
            return self.error_at(
                TextRange::new(stop.start, stop.end),
                format!("{what}: expecting '=', or '!', or ':', or '}}'"),
            );
        }
        let first = self.token_at(first_pos);
        self.error_at(
            TextRange::new(first.start, first.end),
            format!("{what}: expecting a valid expression after '{{'"),
        )
    }

    /// Literal text of a MIDDLE token: a token ending in a doubled brace
    /// covers both braces but stands for one.
    fn middle_text(&self, token: Token) -> &str {
        let text = self.text_of(token);
        if text.ends_with("{{") || text.ends_with("}}") {
            &text[..text.len() - 1]
        } else {
            text
        }
    }
}

/// Folds parts into JoinedStr/TemplateStr values: adjacent literal text is
/// merged into one constant covering its pieces; empty text is dropped.
fn fold_parts(parts: Vec<Part>) -> Vec<Expr> {
    let mut values = Vec::new();
    let mut pending: Option<(Wtf8Buf, TextRange)> = None;
    let flush = |pending: &mut Option<(Wtf8Buf, TextRange)>, values: &mut Vec<Expr>| {
        if let Some((text, range)) = pending.take()
            && !text.is_empty()
        {
            values.push(Expr::new(
                range,
                ExprKind::Constant {
                    value: Constant::Str(text),
                    kind: None,
                },
            ));
        }
    };
    for part in parts {
        match part {
            Part::Text(text, range) => match &mut pending {
                Some((acc, acc_range)) => {
                    if acc.is_empty() {
                        *acc_range = range;
                    } else if !text.is_empty() {
                        *acc_range = acc_range.cover(range);
                    }
                    acc.push_wtf8(&text);
                }
                None => pending = Some((text, range)),
            },
            Part::Bytes(_) => {}
            Part::Field(mut expr) => {
                // A debug field arrives as JoinedStr[text, field]: its text
                // merges with the literal before it.
                if let ExprKind::JoinedStr { values: inner } = &mut expr.kind {
                    for value in std::mem::take(inner) {
                        match &value.kind {
                            ExprKind::Constant {
                                value: Constant::Str(text),
                                ..
                            } => match &mut pending {
                                Some((acc, acc_range)) => {
                                    if acc.is_empty() {
                                        *acc_range = value.range;
                                    } else {
                                        *acc_range = acc_range.cover(value.range);
                                    }
                                    acc.push_wtf8(text);
                                }
                                None => pending = Some((text.clone(), value.range)),
                            },
                            _ => {
                                flush(&mut pending, &mut values);
                                values.push(value);
                            }
                        }
                    }
                } else {
                    flush(&mut pending, &mut values);
                    values.push(expr);
                }
            }
        }
    }
    flush(&mut pending, &mut values);
    values
}

/// Removes `#` comments (up to, not including, the newline) from the source
/// text of a replacement field, as CPython does for the `=` form.
fn strip_comments(source: &str) -> String {
    if !source.contains('#') {
        return source.to_owned();
    }
    let mut out = String::with_capacity(source.len());
    let mut in_comment = false;
    // The quote character and length of the string literal we are in.
    let mut quote: Option<(char, usize)> = None;
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_comment {
            if c == '\n' {
                in_comment = false;
                out.push(c);
            }
            i += 1;
            continue;
        }
        match quote {
            Some((q, n)) => {
                if c == '\\' {
                    out.push(c);
                    if let Some(&next) = chars.get(i + 1) {
                        out.push(next);
                    }
                    i += 2;
                    continue;
                }
                if c == q && chars[i..].iter().take(n).all(|&x| x == q) && chars.len() - i >= n {
                    out.extend(std::iter::repeat_n(q, n));
                    i += n;
                    quote = None;
                    continue;
                }
            }
            None => {
                if c == '#' {
                    in_comment = true;
                    i += 1;
                    continue;
                }
                if c == '\'' || c == '"' {
                    let n = if chars[i..].iter().take(3).all(|&x| x == c) && chars.len() - i >= 3 {
                        3
                    } else {
                        1
                    };
                    out.extend(std::iter::repeat_n(c, n));
                    i += n;
                    quote = Some((c, n));
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Decodes the body of a `str` literal (or f-string text).
pub(crate) fn decode_str(body: &str, raw: bool) -> Result<Wtf8Buf, String> {
    if raw || !body.contains('\\') {
        return Ok(Wtf8Buf::from(body));
    }
    let mut out = Wtf8Buf::with_capacity(body.len());
    let bytes = body.as_bytes();
    let mut i = 0;
    // Position in CPython's intermediate buffer, where each non-ASCII
    // character is written as a 10-byte `\U` escape; used in messages.
    let mut cpython_pos = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\\' {
            let ch_len = utf8_len(b);
            let ch = body.get(i..i + ch_len).unwrap_or("");
            out.push_str(ch);
            cpython_pos += if ch_len > 1 { 10 } else { 1 };
            i += ch_len.max(1);
            continue;
        }
        let escape_start = cpython_pos;
        let Some(&e) = bytes.get(i + 1) else {
            return Err(format!(
                "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {escape_start}: \\ at end of string"
            ));
        };
        i += 2;
        cpython_pos += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                let mut count = 1;
                while count < 3 && matches!(bytes.get(i), Some(b'0'..=b'7')) {
                    value = value * 8 + u32::from(bytes[i] - b'0');
                    i += 1;
                    cpython_pos += 1;
                    count += 1;
                }
                let _ = out.push_code_point(value);
            }
            b'x' | b'u' | b'U' => {
                let digits = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = bytes
                    .get(i..i + digits)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let Some(hex) = hex else {
                    let available = bytes[i..]
                        .iter()
                        .take(digits)
                        .take_while(|h| h.is_ascii_hexdigit())
                        .count();
                    let end = escape_start + 1 + available;
                    let name = match e {
                        b'x' => "\\xXX",
                        b'u' => "\\uXXXX",
                        _ => "\\UXXXXXXXX",
                    };
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {escape_start}-{end}: truncated {name} escape"
                    ));
                };
                let text = std::str::from_utf8(hex).unwrap_or("0");
                let value = u32::from_str_radix(text, 16).unwrap_or(0);
                i += digits;
                cpython_pos += digits;
                if out.push_code_point(value).is_err() {
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {escape_start}-{}: illegal Unicode character",
                        cpython_pos - 1
                    ));
                }
            }
            b'N' => {
                let malformed = || {
                    format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {escape_start}-{}: malformed \\N character escape",
                        escape_start + 1
                    )
                };
                if bytes.get(i) != Some(&b'{') {
                    return Err(malformed());
                }
                let Some(close) = body[i..].find('}') else {
                    return Err(malformed());
                };
                let name = &body[i + 1..i + close];
                if name.is_empty() {
                    return Err(malformed());
                }
                let consumed = close + 1;
                i += consumed;
                cpython_pos += consumed;
                match lookup_unicode_name(name) {
                    Some(c) => out.push(c),
                    None => {
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {escape_start}-{}: unknown Unicode character name",
                            cpython_pos - 1
                        ));
                    }
                }
            }
            _ => {
                // Invalid escapes are kept (CPython only warns).
                out.push('\\');
                i -= 1;
                cpython_pos -= 1;
            }
        }
    }
    Ok(out)
}

/// Looks up a `\N{...}` character name (case-insensitively, with aliases).
fn lookup_unicode_name(name: &str) -> Option<char> {
    unicode_names2::character(name)
        .or_else(|| unicode_names2::character(&name.to_ascii_uppercase()))
}

/// Decodes the body of a `bytes` literal.
pub(crate) fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".to_owned());
    }
    let bytes = body.as_bytes();
    if raw || !bytes.contains(&b'\\') {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&e) = bytes.get(i + 1) else {
            return Err("(value error) Trailing \\ in string".to_owned());
        };
        let escape_start = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                let mut count = 1;
                while count < 3 && matches!(bytes.get(i), Some(b'0'..=b'7')) {
                    value = value * 8 + u32::from(bytes[i] - b'0');
                    i += 1;
                    count += 1;
                }
                out.push((value & 0xFF) as u8);
            }
            b'x' => {
                let hex = bytes
                    .get(i..i + 2)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let Some(hex) = hex else {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {escape_start}"
                    ));
                };
                let value = std::str::from_utf8(hex)
                    .ok()
                    .and_then(|t| u8::from_str_radix(t, 16).ok())
                    .unwrap_or(0);
                out.push(value);
                i += 2;
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}

/// Length of the UTF-8 sequence starting with byte `b`.
fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}
