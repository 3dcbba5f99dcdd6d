//! The numbers shared with `re._constants` (MAGIC 20230612): opcodes,
//! position (`AT_*`) codes, character categories and pattern flags, plus
//! the engine limits `_sre` publishes (`MAXREPEAT`, `MAXGROUPS`).

/// `_sre.MAGIC`: the version of the compiled-code format.
pub const MAGIC: i64 = 20_230_612;
/// `_sre.CODESIZE`: bytes per code word.
pub const CODESIZE: i64 = 4;
/// `_sre.MAXREPEAT`: the "no upper bound" repeat count.
pub const MAXREPEAT: u32 = u32::MAX;
/// `_sre.MAXGROUPS`: the most capturing groups a pattern may have.
pub const MAXGROUPS: i64 = 1_073_741_823;

pub const FAILURE: u32 = 0;
pub const SUCCESS: u32 = 1;
pub const ANY: u32 = 2;
pub const ANY_ALL: u32 = 3;
pub const ASSERT: u32 = 4;
pub const ASSERT_NOT: u32 = 5;
pub const AT: u32 = 6;
pub const BRANCH: u32 = 7;
pub const CATEGORY: u32 = 8;
pub const CHARSET: u32 = 9;
pub const BIGCHARSET: u32 = 10;
pub const GROUPREF: u32 = 11;
pub const GROUPREF_EXISTS: u32 = 12;
pub const IN: u32 = 13;
pub const INFO: u32 = 14;
pub const JUMP: u32 = 15;
pub const LITERAL: u32 = 16;
pub const MARK: u32 = 17;
pub const MAX_UNTIL: u32 = 18;
pub const MIN_UNTIL: u32 = 19;
pub const NOT_LITERAL: u32 = 20;
pub const NEGATE: u32 = 21;
pub const RANGE: u32 = 22;
pub const REPEAT: u32 = 23;
pub const REPEAT_ONE: u32 = 24;
pub const SUBPATTERN: u32 = 25;
pub const MIN_REPEAT_ONE: u32 = 26;
pub const ATOMIC_GROUP: u32 = 27;
pub const POSSESSIVE_REPEAT: u32 = 28;
pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub const GROUPREF_IGNORE: u32 = 30;
pub const IN_IGNORE: u32 = 31;
pub const LITERAL_IGNORE: u32 = 32;
pub const NOT_LITERAL_IGNORE: u32 = 33;
pub const GROUPREF_LOC_IGNORE: u32 = 34;
pub const IN_LOC_IGNORE: u32 = 35;
pub const LITERAL_LOC_IGNORE: u32 = 36;
pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub const GROUPREF_UNI_IGNORE: u32 = 38;
pub const IN_UNI_IGNORE: u32 = 39;
pub const LITERAL_UNI_IGNORE: u32 = 40;
pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub const RANGE_UNI_IGNORE: u32 = 42;

pub const AT_BEGINNING: u32 = 0;
pub const AT_BEGINNING_LINE: u32 = 1;
pub const AT_BEGINNING_STRING: u32 = 2;
pub const AT_BOUNDARY: u32 = 3;
pub const AT_NON_BOUNDARY: u32 = 4;
pub const AT_END: u32 = 5;
pub const AT_END_LINE: u32 = 6;
pub const AT_END_STRING: u32 = 7;
pub const AT_LOC_BOUNDARY: u32 = 8;
pub const AT_LOC_NON_BOUNDARY: u32 = 9;
pub const AT_UNI_BOUNDARY: u32 = 10;
pub const AT_UNI_NON_BOUNDARY: u32 = 11;

pub const CATEGORY_DIGIT: u32 = 0;
pub const CATEGORY_NOT_DIGIT: u32 = 1;
pub const CATEGORY_SPACE: u32 = 2;
pub const CATEGORY_NOT_SPACE: u32 = 3;
pub const CATEGORY_WORD: u32 = 4;
pub const CATEGORY_NOT_WORD: u32 = 5;
pub const CATEGORY_LINEBREAK: u32 = 6;
pub const CATEGORY_NOT_LINEBREAK: u32 = 7;
pub const CATEGORY_LOC_WORD: u32 = 8;
pub const CATEGORY_LOC_NOT_WORD: u32 = 9;
pub const CATEGORY_UNI_DIGIT: u32 = 10;
pub const CATEGORY_UNI_NOT_DIGIT: u32 = 11;
pub const CATEGORY_UNI_SPACE: u32 = 12;
pub const CATEGORY_UNI_NOT_SPACE: u32 = 13;
pub const CATEGORY_UNI_WORD: u32 = 14;
pub const CATEGORY_UNI_NOT_WORD: u32 = 15;
pub const CATEGORY_UNI_LINEBREAK: u32 = 16;
pub const CATEGORY_UNI_NOT_LINEBREAK: u32 = 17;

pub const FLAG_IGNORECASE: i64 = 2;
pub const FLAG_LOCALE: i64 = 4;
pub const FLAG_MULTILINE: i64 = 8;
pub const FLAG_DOTALL: i64 = 16;
pub const FLAG_UNICODE: i64 = 32;
pub const FLAG_VERBOSE: i64 = 64;
pub const FLAG_DEBUG: i64 = 128;
pub const FLAG_ASCII: i64 = 256;

/// The flag names `Pattern.__repr__` spells out, in its order.
pub const FLAG_NAMES: &[(i64, &str)] = &[
    (FLAG_IGNORECASE, "re.IGNORECASE"),
    (FLAG_LOCALE, "re.LOCALE"),
    (FLAG_MULTILINE, "re.MULTILINE"),
    (FLAG_DOTALL, "re.DOTALL"),
    (FLAG_UNICODE, "re.UNICODE"),
    (FLAG_VERBOSE, "re.VERBOSE"),
    (FLAG_DEBUG, "re.DEBUG"),
    (FLAG_ASCII, "re.ASCII"),
];
