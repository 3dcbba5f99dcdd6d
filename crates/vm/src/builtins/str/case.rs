//! `str`'s case methods (`upper`, `lower`, `casefold`, `title`,
//! `capitalize`, `swapcase`) with full Unicode mappings — `'ß'.upper()` is
//! `'SS'`, a final capital sigma lowercases to `'ς'` — and its predicates
//! (`isalpha`, `isdigit`, `islower`, `istitle`, `isidentifier`, ...), with
//! CPython's algorithms over the properties in `chars`.

use crate::builtins::native::Args;
use crate::builtins::str::chars::{self, Case};
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::unicode_tables as t;
use crate::builtins::str::{Str, this};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

const CAPITAL_SIGMA: u32 = 0x03A3;
const SMALL_SIGMA: u32 = 0x03C3;
const FINAL_SIGMA: u32 = 0x03C2;

/// Whether the capital sigma at `points[i]` ends a word: preceded by a cased
/// letter and not followed by one (case-ignorable characters skipped).
fn is_final_sigma(points: &[u32], i: usize) -> bool {
    let before = points[..i]
        .iter()
        .rev()
        .find(|&&c| !chars::has(c, t::CASE_IGNORABLE));
    if !before.is_some_and(|&c| chars::is_cased(c)) {
        return false;
    }
    let after = points[i + 1..]
        .iter()
        .find(|&&c| !chars::has(c, t::CASE_IGNORABLE));
    !after.is_some_and(|&c| chars::is_cased(c))
}

/// Lowercases `points[i]` into `out`, applying the final-sigma rule.
fn push_lower(points: &[u32], i: usize, out: &mut StrBuilder) {
    let c = points[i];
    if c == CAPITAL_SIGMA {
        out.push(if is_final_sigma(points, i) {
            FINAL_SIGMA
        } else {
            SMALL_SIGMA
        });
    } else {
        chars::map_case(c, Case::Lower, &mut |m| out.push(m));
    }
}

/// Maps every code point through `case` (no context needed).
fn map_all(vm: &mut Vm, s: &Str, case: Case) -> PyResult<Value> {
    if s.is_ascii() {
        // ASCII maps byte for byte (titlecase is uppercase there).
        let upper = matches!(case, Case::Upper | Case::Title);
        let bytes = s.as_bytes();
        return vm.new_str_with(bytes.len(), bytes.len(), true, false, |out| {
            out.copy_from_slice(bytes);
            if upper {
                out.make_ascii_uppercase();
            } else {
                out.make_ascii_lowercase();
            }
        });
    }
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    for c in s.iter() {
        chars::map_case(c, case, &mut |m| out.push(m));
    }
    out.finish(vm)
}

/// `str.upper()`.
pub fn upper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    map_all(vm, s, Case::Upper)
}

/// `str.casefold()`.
pub fn casefold(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    map_all(vm, s, Case::Fold)
}

/// `str.lower()`.
pub fn lower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    if s.is_ascii() {
        return map_all(vm, s, Case::Lower);
    }
    let points = s.code_points();
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    for i in 0..points.len() {
        push_lower(&points, i, &mut out);
    }
    out.finish(vm)
}

/// `str.title()`: titlecase after an uncased character, lowercase after a
/// cased one.
pub fn title(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let points = s.code_points();
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    let mut previous_cased = false;
    for (i, &c) in points.iter().enumerate() {
        if previous_cased {
            push_lower(&points, i, &mut out);
        } else {
            chars::map_case(c, Case::Title, &mut |m| out.push(m));
        }
        previous_cased = chars::is_cased(c);
    }
    out.finish(vm)
}

/// `str.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    if s.is_ascii() {
        // ASCII maps byte for byte: titlecase is uppercase there.
        let bytes = s.as_bytes();
        return vm.new_str_with(bytes.len(), bytes.len(), true, false, |out| {
            out.copy_from_slice(bytes);
            out.make_ascii_lowercase();
            if let Some(first) = out.first_mut() {
                first.make_ascii_uppercase();
            }
        });
    }
    let points = s.code_points();
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    for (i, &c) in points.iter().enumerate() {
        if i == 0 {
            chars::map_case(c, Case::Title, &mut |m| out.push(m));
        } else {
            push_lower(&points, i, &mut out);
        }
    }
    out.finish(vm)
}

/// `str.swapcase()`.
pub fn swapcase(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let points = s.code_points();
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    for (i, &c) in points.iter().enumerate() {
        if chars::has(c, t::UPPER) {
            push_lower(&points, i, &mut out);
        } else if chars::has(c, t::LOWER) {
            chars::map_case(c, Case::Upper, &mut |m| out.push(m));
        } else {
            out.push(c);
        }
    }
    out.finish(vm)
}

/// True when the string is non-empty and every code point passes `test`;
/// ASCII text is tested byte by byte (no decoding).
fn all_chars(vm: &mut Vm, args: &Args, test: impl Fn(u32) -> bool) -> PyResult<Value> {
    let s = this(vm, args)?;
    let all = if s.is_ascii() {
        let bytes = s.as_bytes();
        !bytes.is_empty() && bytes.iter().all(|&b| test(u32::from(b)))
    } else {
        s.char_len() > 0 && s.iter().all(test)
    };
    Ok(Value::from_bool(all))
}

/// `str.isalpha()`.
pub fn isalpha(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    all_chars(vm, args, |c| chars::has(c, t::ALPHA))
}

/// `str.isalnum()`.
pub fn isalnum(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    all_chars(vm, args, chars::is_alnum)
}

/// `str.isdecimal()`.
pub fn isdecimal(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    all_chars(vm, args, |c| chars::has(c, t::DECIMAL))
}

/// `str.isdigit()`.
pub fn isdigit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    all_chars(vm, args, |c| chars::has(c, t::DIGIT))
}

/// `str.isnumeric()`.
pub fn isnumeric(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    all_chars(vm, args, |c| chars::has(c, t::NUMERIC))
}

/// `str.isspace()`.
pub fn isspace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    all_chars(vm, args, chars::is_space)
}

/// `str.isascii()` (true for the empty string).
pub fn isascii(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(Value::from_bool(this(vm, args)?.is_ascii()))
}

/// `str.isprintable()` (true for the empty string).
pub fn isprintable(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    Ok(Value::from_bool(s.iter().all(chars::is_printable)))
}

/// `str.isidentifier()`.
pub fn isidentifier(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut it = s.iter();
    let ok = match it.next() {
        None => false,
        Some(first) => chars::is_identifier_start(first) && it.all(chars::is_identifier_continue),
    };
    Ok(Value::from_bool(ok))
}

/// `str.islower()`: some cased character, and none uppercase or titlecase.
pub fn islower(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut cased = false;
    for c in s.iter() {
        if chars::has(c, t::UPPER | t::TITLE) {
            return Ok(Value::from_bool(false));
        }
        cased |= chars::has(c, t::LOWER);
    }
    Ok(Value::from_bool(cased))
}

/// `str.isupper()`: some cased character, and none lowercase or titlecase.
pub fn isupper(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut cased = false;
    for c in s.iter() {
        if chars::has(c, t::LOWER | t::TITLE) {
            return Ok(Value::from_bool(false));
        }
        cased |= chars::has(c, t::UPPER);
    }
    Ok(Value::from_bool(cased))
}

/// `str.istitle()`: uppercase/titlecase only after uncased characters,
/// lowercase only after cased ones, and at least one cased character.
pub fn istitle(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.iter() {
        if chars::has(c, t::UPPER | t::TITLE) {
            if previous_cased {
                return Ok(Value::from_bool(false));
            }
            previous_cased = true;
            cased = true;
        } else if chars::has(c, t::LOWER) {
            if !previous_cased {
                return Ok(Value::from_bool(false));
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::from_bool(cased))
}
