//! Character classes the tokenizer needs beyond ASCII: identifier characters
//! (XID_Start / XID_Continue, via `unicode-ident`) and CPython's notion of a
//! printable character (`str.isprintable`), used to pick the error message for
//! a character that cannot start or continue an identifier.

/// Whether `c` may start an identifier (XID_Start or `_`).
pub fn is_identifier_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// Whether `c` may continue an identifier (XID_Continue).
pub fn is_identifier_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

/// Index (in chars) of the first character of `name` that breaks identifier
/// rules, or `None` when `name` is a valid identifier.
pub fn first_invalid_identifier_char(name: &str) -> Option<(usize, char)> {
    let mut chars = name.chars().enumerate();
    let (_, first) = chars.next()?;
    if !is_identifier_start(first) {
        return Some((0, first));
    }
    chars.find(|&(_, c)| !is_identifier_continue(c))
}

/// CPython's `Py_UNICODE_ISPRINTABLE`: false for the categories Cc, Cf, Cs,
/// Co, Cn, Zl, Zp and Zs other than the ASCII space.
///
/// Control, separator, format and private-use characters are listed exactly;
/// unassigned code points are only recognised in the planes without
/// assignments (a known approximation).
pub fn is_printable(c: char) -> bool {
    let cp = u32::from(c);
    if cp < 0x20 || (0x7F..=0xA0).contains(&cp) {
        return false;
    }
    if cp < 0x7F {
        return true;
    }
    const NON_PRINTABLE_RANGES: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x1680, 0x1680),
        (0x180E, 0x180E),
        (0x2000, 0x200F),
        (0x2028, 0x202F),
        (0x205F, 0x2064),
        (0x2066, 0x206F),
        (0x3000, 0x3000),
        (0xD800, 0xF8FF),
        (0xFEFF, 0xFEFF),
        (0xFFF0, 0xFFFB),
        (0xFFFE, 0xFFFF),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0000, 0xE0FFF),
        (0xF0000, 0x10FFFF),
    ];
    !NON_PRINTABLE_RANGES
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&cp))
}
