//! Numeric literal values: NUMBER token text → `int`, `float` or imaginary
//! constant. The tokenizer has already validated the literal's form.

use super::{PResult, Parser};
use crate::ast::Constant;
use crate::tokenizer::Token;

impl Parser<'_> {
    /// The value of a NUMBER token.
    pub(crate) fn number_value(&self, token: Token) -> PResult<Constant> {
        let text = self.text_of(token);
        let value = parse_number(text);
        value.ok_or_else(|| {
            self.error_at(
                crate::TextRange::new(token.start, token.end),
                "invalid number literal",
            )
        })
    }
}

/// Parses a valid Python number literal.
pub(crate) fn parse_number(text: &str) -> Option<Constant> {
    let bytes = text.as_bytes();
    if let [b'0', prefix, rest @ ..] = bytes {
        let radix = match prefix {
            b'x' | b'X' => Some(16),
            b'o' | b'O' => Some(8),
            b'b' | b'B' => Some(2),
            _ => None,
        };
        if let Some(radix) = radix {
            let digits = std::str::from_utf8(rest).ok()?;
            return Constant::int_from_digits(radix, digits);
        }
    }
    let imaginary = matches!(bytes.last(), Some(b'j' | b'J'));
    let body = if imaginary {
        &text[..text.len() - 1]
    } else {
        text
    };
    let is_float = imaginary || body.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if !is_float {
        return Constant::int_from_digits(10, body);
    }
    let cleaned: String = body.chars().filter(|&c| c != '_').collect();
    let value: f64 = cleaned.parse().ok()?;
    Some(if imaginary {
        Constant::Complex(value)
    } else {
        Constant::Float(value)
    })
}
