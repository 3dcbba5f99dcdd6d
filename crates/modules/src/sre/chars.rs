//! Character questions the engine asks: the categories behind `\d \s \w`
//! (ASCII, "locale" and Unicode flavours), line breaks, word characters
//! for `\b`, case folding (`sre_lower_*`/`sre_upper_*`) and membership in
//! a compiled character set (`IN` bodies: LITERAL, CATEGORY, CHARSET,
//! BIGCHARSET, RANGE, RANGE_UNI_IGNORE, NEGATE, FAILURE).
//!
//! The locale flavour follows the "C" locale, the one CPython runs in
//! unless a program calls `locale.setlocale`: only ASCII letters are cased
//! and only ASCII alphanumerics are word characters.

use krait_vm::builtins::str::chars::{self as uni, Case};
use krait_vm::builtins::str::unicode_tables as tables;

use super::constants::*;

/// `\n`, the only line break of the ASCII and locale categories.
pub fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}

fn ascii(ch: u32) -> Option<u8> {
    u8::try_from(ch).ok().filter(u8::is_ascii)
}

/// An ASCII digit.
pub fn is_digit(ch: u32) -> bool {
    ascii(ch).is_some_and(|b| b.is_ascii_digit())
}

/// ASCII whitespace: space, `\t \n \v \f \r`.
pub fn is_space(ch: u32) -> bool {
    ascii(ch).is_some_and(|b| matches!(b, b' ' | b'\t'..=b'\r'))
}

/// An ASCII word character (letter, digit or `_`).
pub fn is_word(ch: u32) -> bool {
    ascii(ch).is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A word character in the C locale (the same as ASCII).
pub fn is_loc_word(ch: u32) -> bool {
    is_word(ch)
}

/// A Unicode word character: alphanumeric (`str.isalnum`) or `_`.
pub fn is_uni_word(ch: u32) -> bool {
    ch == u32::from(b'_') || uni::is_alnum(ch)
}

/// A Unicode decimal digit (`str.isdecimal`).
pub fn is_uni_digit(ch: u32) -> bool {
    uni::has(ch, tables::DECIMAL)
}

/// `str.isspace` for one character.
pub fn is_uni_space(ch: u32) -> bool {
    uni::is_space(ch)
}

/// A Unicode line boundary (`str.splitlines`).
pub fn is_uni_linebreak(ch: u32) -> bool {
    uni::is_line_break(ch)
}

/// Lowercases ASCII letters only.
pub fn lower_ascii(ch: u32) -> u32 {
    match ascii(ch) {
        Some(b) => u32::from(b.to_ascii_lowercase()),
        None => ch,
    }
}

/// Lowercases in the C locale (ASCII letters only).
pub fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// Uppercases in the C locale (ASCII letters only).
pub fn upper_locale(ch: u32) -> u32 {
    match ascii(ch) {
        Some(b) => u32::from(b.to_ascii_uppercase()),
        None => ch,
    }
}

fn simple_case(ch: u32, case: Case) -> u32 {
    let mut first = None;
    uni::map_case(ch, case, &mut |c| {
        if first.is_none() {
            first = Some(c);
        }
    });
    first.unwrap_or(ch)
}

/// The simple lowercase of a code point (the first character of its full
/// mapping, as CPython's `_PyUnicode_ToLowercase` gives it).
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 0x80 {
        return lower_ascii(ch);
    }
    simple_case(ch, Case::Lower)
}

/// The simple uppercase of a code point.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 0x80 {
        return upper_locale(ch);
    }
    simple_case(ch, Case::Upper)
}

/// `LITERAL_LOC_IGNORE`: `ch` equals `pattern` ignoring C-locale case.
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

/// Whether `ch` is in category `code` (`None` for an unknown code).
pub fn category(code: u32, ch: u32) -> Option<bool> {
    Some(match code {
        CATEGORY_DIGIT => is_digit(ch),
        CATEGORY_NOT_DIGIT => !is_digit(ch),
        CATEGORY_SPACE => is_space(ch),
        CATEGORY_NOT_SPACE => !is_space(ch),
        CATEGORY_WORD => is_word(ch),
        CATEGORY_NOT_WORD => !is_word(ch),
        CATEGORY_LINEBREAK => is_linebreak(ch),
        CATEGORY_NOT_LINEBREAK => !is_linebreak(ch),
        CATEGORY_LOC_WORD => is_loc_word(ch),
        CATEGORY_LOC_NOT_WORD => !is_loc_word(ch),
        CATEGORY_UNI_DIGIT => is_uni_digit(ch),
        CATEGORY_UNI_NOT_DIGIT => !is_uni_digit(ch),
        CATEGORY_UNI_SPACE => is_uni_space(ch),
        CATEGORY_UNI_NOT_SPACE => !is_uni_space(ch),
        CATEGORY_UNI_WORD => is_uni_word(ch),
        CATEGORY_UNI_NOT_WORD => !is_uni_word(ch),
        CATEGORY_UNI_LINEBREAK => is_uni_linebreak(ch),
        CATEGORY_UNI_NOT_LINEBREAK => !is_uni_linebreak(ch),
        _ => return None,
    })
}

/// Whether `ch` belongs to the set whose items start at `code[at]` (the
/// body of an `IN`, ended by FAILURE). `None` when the set is malformed.
pub fn in_charset(code: &[u32], at: usize, ch: u32) -> Option<bool> {
    set_contains(code, at, &[ch])
}

/// Whether the set at `code[at]` holds any of `chars` (a character and
/// its case partner), each item asked for all of them, so that NEGATE
/// negates the whole case-insensitive test.
fn set_contains(code: &[u32], at: usize, chars: &[u32]) -> Option<bool> {
    let mut ok = true;
    let mut i = at;
    let any = |test: &dyn Fn(u32) -> bool| chars.iter().any(|&c| test(c));
    loop {
        let op = *code.get(i)?;
        i += 1;
        match op {
            FAILURE => return Some(!ok),
            LITERAL => {
                let lit = *code.get(i)?;
                if any(&|c| c == lit) {
                    return Some(ok);
                }
                i += 1;
            }
            CATEGORY => {
                let cat = *code.get(i)?;
                category(cat, 0)?;
                if any(&|c| category(cat, c).unwrap_or(false)) {
                    return Some(ok);
                }
                i += 1;
            }
            CHARSET => {
                // 256 bits in eight 32-bit words.
                let words = code.get(i..i + 8)?;
                if any(&|c| {
                    c < 256
                        && words
                            .get((c / 32) as usize)
                            .is_some_and(|w| w & (1u32 << (c & 31)) != 0)
                }) {
                    return Some(ok);
                }
                i += 8;
            }
            RANGE => {
                let (lo, hi) = (*code.get(i)?, *code.get(i + 1)?);
                if any(&|c| lo <= c && c <= hi) {
                    return Some(ok);
                }
                i += 2;
            }
            RANGE_UNI_IGNORE => {
                let (lo, hi) = (*code.get(i)?, *code.get(i + 1)?);
                let hit = |c: u32| {
                    let upper = upper_unicode(c);
                    (lo <= c && c <= hi) || (lo <= upper && upper <= hi)
                };
                if any(&hit) {
                    return Some(ok);
                }
                i += 2;
            }
            NEGATE => ok = !ok,
            BIGCHARSET => {
                // <count> <256 one-byte block indices in 64 words> <blocks>
                let count = *code.get(i)? as usize;
                i += 1;
                let table = code.get(i..i + 64)?;
                let blocks = code.get(i + 64..i + 64 + count.checked_mul(8)?)?;
                let hit = |c: u32| {
                    if c >= 0x10000 {
                        return false;
                    }
                    let hi = (c >> 8) as usize;
                    let Some(word) = table.get(hi / 4) else {
                        return false;
                    };
                    let block = word.to_ne_bytes().get(hi % 4).copied().unwrap_or(0) as usize;
                    let bit = block * 256 + (c & 255) as usize;
                    blocks
                        .get(bit / 32)
                        .is_some_and(|w| w & (1u32 << (bit % 32)) != 0)
                };
                if any(&hit) {
                    return Some(ok);
                }
                i += 64 + count * 8;
            }
            _ => return None,
        }
    }
}

/// `IN_LOC_IGNORE`: membership of `ch` ignoring C-locale case.
pub fn in_charset_loc_ignore(code: &[u32], at: usize, ch: u32) -> Option<bool> {
    let lo = lower_locale(ch);
    let up = upper_locale(ch);
    if up == lo {
        set_contains(code, at, &[lo])
    } else {
        set_contains(code, at, &[lo, up])
    }
}
