//! Unicode character properties and full case mappings as CPython 3.14 has
//! them, looked up in the tables generated from the reference interpreter
//! (`unicode_tables.rs`), plus identifier and printable checks shared with
//! the front end.

use crate::builtins::str::unicode_tables as t;

/// The property flags of a code point (`t::ALPHA`, `t::LOWER`, ...).
#[inline]
pub fn flags(cp: u32) -> u16 {
    if cp < 0x80 {
        return ascii_flags(cp as u8);
    }
    table_flags(cp)
}

#[inline(never)]
fn table_flags(cp: u32) -> u16 {
    match t::FLAGS.binary_search_by(|&(first, last, _)| {
        if last < cp {
            std::cmp::Ordering::Less
        } else if first > cp {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => t::FLAGS[i].2,
        Err(_) => 0,
    }
}

#[inline]
fn ascii_flags(b: u8) -> u16 {
    match b {
        b'a'..=b'z' => t::ALPHA | t::LOWER,
        b'A'..=b'Z' => t::ALPHA | t::UPPER,
        b'0'..=b'9' => t::DECIMAL | t::DIGIT | t::NUMERIC,
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1C..=0x1F => t::SPACE,
        b'\'' | b'.' | b':' | b'^' | b'`' => t::CASE_IGNORABLE,
        _ => 0,
    }
}

/// Whether `cp` has all of `flag`.
#[inline]
pub fn has(cp: u32, flag: u16) -> bool {
    flags(cp) & flag != 0
}

/// `str.isspace` for one code point (also the separator of `split()`).
#[inline]
pub fn is_space(cp: u32) -> bool {
    has(cp, t::SPACE)
}

/// Cased: Lowercase, Uppercase or titlecase.
pub fn is_cased(cp: u32) -> bool {
    has(cp, t::LOWER | t::UPPER | t::TITLE)
}

/// `str.isalnum` for one code point.
pub fn is_alnum(cp: u32) -> bool {
    has(cp, t::ALPHA | t::DECIMAL | t::DIGIT | t::NUMERIC)
}

/// `str.isprintable` for one code point.
pub fn is_printable(cp: u32) -> bool {
    krait_syntax::pyrepr::is_printable(cp)
}

/// A line boundary of `str.splitlines`.
pub fn is_line_break(cp: u32) -> bool {
    matches!(
        cp,
        0x0A | 0x0B | 0x0C | 0x0D | 0x1C | 0x1D | 0x1E | 0x85 | 0x2028 | 0x2029
    )
}

/// Identifier start (`_` or XID_Start), as the tokenizer decides it.
pub fn is_identifier_start(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(krait_syntax::tokenizer::unicode::is_identifier_start)
}

/// Identifier continuation (XID_Continue).
pub fn is_identifier_continue(cp: u32) -> bool {
    char::from_u32(cp).is_some_and(krait_syntax::tokenizer::unicode::is_identifier_continue)
}

/// Which full case mapping.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Case {
    /// `str.lower` (without the final-sigma rule, which needs context).
    Lower,
    /// `str.upper`.
    Upper,
    /// Titlecase (`str.title` of a word's first letter).
    Title,
    /// `str.casefold`.
    Fold,
}

/// Appends the full `case` mapping of `cp` through `push`.
pub fn map_case(cp: u32, case: Case, push: &mut impl FnMut(u32)) {
    if cp < 0x80 {
        let b = cp as u8;
        let mapped = match case {
            Case::Lower | Case::Fold => b.to_ascii_lowercase(),
            Case::Upper | Case::Title => b.to_ascii_uppercase(),
        };
        push(u32::from(mapped));
        return;
    }
    let (runs, special) = match case {
        Case::Lower => (t::LOWER_RUNS, t::LOWER_SPECIAL),
        Case::Upper => (t::UPPER_RUNS, t::UPPER_SPECIAL),
        Case::Title => (t::TITLE_RUNS, t::TITLE_SPECIAL),
        Case::Fold => (t::CASEFOLD_RUNS, t::CASEFOLD_SPECIAL),
    };
    if let Ok(i) = special.binary_search_by_key(&cp, |&(c, _)| c) {
        for c in special[i].1.chars() {
            push(u32::from(c));
        }
        return;
    }
    // The last run starting at or before `cp`.
    let i = runs.partition_point(|&(start, ..)| start <= cp);
    if i > 0 {
        let (start, count, stride, delta) = runs[i - 1];
        let offset = cp - start;
        let stride = u32::from(stride);
        if offset.is_multiple_of(stride) && offset / stride < u32::from(count) {
            push(cp.wrapping_add_signed(delta));
            return;
        }
    }
    push(cp);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(s: &str, case: Case) -> String {
        let mut out = String::new();
        for c in s.chars() {
            map_case(u32::from(c), case, &mut |m| {
                out.push(char::from_u32(m).unwrap_or('?'));
            });
        }
        out
    }

    #[test]
    fn full_case_mappings_match_cpython() {
        assert_eq!(mapped("ß", Case::Upper), "SS");
        assert_eq!(mapped("ß", Case::Title), "Ss");
        assert_eq!(mapped("ß", Case::Fold), "ss");
        assert_eq!(mapped("ß", Case::Lower), "ß");
        assert_eq!(mapped("ǆ", Case::Title), "ǅ");
        assert_eq!(mapped("ǆ", Case::Upper), "Ǆ");
        assert_eq!(mapped("ﬁ", Case::Upper), "FI");
        assert_eq!(mapped("İ", Case::Lower), "i\u{307}");
        assert_eq!(mapped("Σίσυφος", Case::Upper), "ΣΊΣΥΦΟΣ");
        assert_eq!(mapped("hello World", Case::Upper), "HELLO WORLD");
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_table() {
        for cp in 0..0x80 {
            assert_eq!(ascii_flags(cp as u8), table_flags(cp), "U+{cp:04X}");
        }
    }

    #[test]
    fn properties_match_cpython() {
        assert!(has(u32::from('é'), t::ALPHA | t::LOWER));
        assert!(has(0x0661, t::DECIMAL));
        assert!(has(u32::from('½'), t::NUMERIC));
        assert!(!has(u32::from('½'), t::DIGIT));
        assert!(is_space(0x2003));
        assert!(is_space(0x1F));
        assert!(!is_space(0x200B));
        assert!(has(0x01C5, t::TITLE));
    }
}
