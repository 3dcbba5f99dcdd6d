//! [`Constant`]: the values a `Constant` expression (and `MatchSingleton`)
//! can hold, as produced by the parser from literals.

use crate::wtf8::Wtf8Buf;

/// The value of a `Constant` node.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`
    None,
    /// `True`
    True,
    /// `False`
    False,
    /// `...` (shown by `ast.dump` as `Ellipsis`)
    Ellipsis,
    /// An integer that fits in `i64` (literals are never negative).
    Int(i64),
    /// An integer too large for `i64`, kept as the literal's digits.
    BigInt(Box<BigInt>),
    /// A float literal.
    Float(f64),
    /// An imaginary literal such as `2j`: the imaginary part (the real part is `0.0`).
    Complex(f64),
    /// A string (surrogates allowed).
    Str(Wtf8Buf),
    /// A bytes literal.
    Bytes(Vec<u8>),
}

impl Constant {
    /// The integer constant of a literal's `digits` in `radix` (2, 8, 10 or
    /// 16), without its `0x`/`0o`/`0b` prefix; `_` separators are skipped.
    /// Uses [`Constant::Int`] when the value fits in `i64`, else
    /// [`Constant::BigInt`]. `None` for an invalid radix, a digit not valid
    /// in it, or no digits at all.
    pub fn int_from_digits(radix: u32, digits: &str) -> Option<Constant> {
        let big = BigInt::new(radix, digits)?;
        let mut value: i64 = 0;
        for &d in big.digits.as_bytes() {
            let digit = i64::from(ascii_digit_value(d)?);
            match value
                .checked_mul(i64::from(radix))
                .and_then(|v| v.checked_add(digit))
            {
                Some(v) => value = v,
                None => return Some(Constant::BigInt(Box::new(big))),
            }
        }
        Some(Constant::Int(value))
    }
}

/// `kind` of a string `Constant`: CPython sets it to `'u'` for a `u`-prefixed
/// literal and leaves it `None` otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConstantKind {
    /// `kind='u'`
    U,
}

/// A non-negative integer kept as the digits of its literal in their radix.
/// Converted to decimal only when printed (see [`crate::pyrepr::write_big_int_repr`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigInt {
    radix: u32,
    /// Lower-case ASCII digits, no separators, leading zeros removed (`"0"` for zero).
    digits: Box<str>,
}

impl BigInt {
    /// The integer whose `digits` (underscores skipped, either case) are
    /// written in `radix` (2, 8, 10 or 16). `None` if the radix or a digit is
    /// invalid or there is no digit.
    pub fn new(radix: u32, digits: &str) -> Option<BigInt> {
        if !matches!(radix, 2 | 8 | 10 | 16) {
            return None;
        }
        let mut out = String::with_capacity(digits.len());
        let mut seen = false;
        for b in digits.bytes() {
            if b == b'_' {
                continue;
            }
            if ascii_digit_value(b)? >= radix {
                return None;
            }
            seen = true;
            if out.is_empty() && b == b'0' {
                continue;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        if !seen {
            return None;
        }
        if out.is_empty() {
            out.push('0');
        }
        Some(BigInt {
            radix,
            digits: out.into_boxed_str(),
        })
    }

    /// The radix the digits are written in.
    pub fn radix(&self) -> u32 {
        self.radix
    }

    /// The digits: lower-case ASCII, no separators, no leading zeros.
    pub fn digits(&self) -> &str {
        &self.digits
    }
}

/// The value of an ASCII digit `0-9`, `a-z` or `A-Z`.
pub(crate) fn ascii_digit_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'a'..=b'z' => Some(u32::from(b - b'a') + 10),
        b'A'..=b'Z' => Some(u32::from(b - b'A') + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_take_the_fast_path() {
        assert_eq!(
            Constant::int_from_digits(10, "1_000"),
            Some(Constant::Int(1000))
        );
        assert_eq!(
            Constant::int_from_digits(16, "fF"),
            Some(Constant::Int(255))
        );
        assert_eq!(
            Constant::int_from_digits(10, "9223372036854775807"),
            Some(Constant::Int(i64::MAX))
        );
        assert_eq!(Constant::int_from_digits(8, "8"), None);
        assert_eq!(Constant::int_from_digits(10, "_"), None);
        assert_eq!(Constant::int_from_digits(3, "1"), None);
    }

    #[test]
    fn large_ints_keep_their_digits() {
        match Constant::int_from_digits(16, "00_8000_0000_0000_0000") {
            Some(Constant::BigInt(big)) => {
                assert_eq!(big.radix(), 16);
                assert_eq!(big.digits(), "8000000000000000");
            }
            other => panic!("expected a big int, got {other:?}"),
        }
    }
}
