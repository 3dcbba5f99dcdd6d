//! The escape codecs: `escape_encode` / `escape_decode` (bytes ↔ the body
//! of a bytes literal), `unicode_escape_*` (str ↔ Latin-1 bytes with Python
//! string-literal escapes) and `raw_unicode_escape_*` (only `\uXXXX` and
//! `\UXXXXXXXX` escapes), with CPython's error reasons.

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::native::Args;
use krait_vm::builtins::str::text::StrBuilder;
use krait_vm::{PyResult, Value, Vm};

use super::{
    bytes_pair, data_arg, decode_error, errors_arg, final_arg, handle_decode_error, pair, text_arg,
};

/// The bytes of a decode function's `data` (a str counts as its UTF-8).
fn input_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match vm.as_str(v) {
        Some(s) => Ok(s.as_bytes().to_vec()),
        None => data_arg(vm, v),
    }
}

/// CPython's warning for an unknown escape (`prefix` "b" for bytes).
fn invalid_escape(prefix: &str, c: u8) -> String {
    format!(
        "{prefix}\"\\{}\" is an invalid escape sequence. Such sequences will not work in the future. ",
        char::from(c)
    )
}

/// CPython's warning for an octal escape above `\377`.
fn invalid_octal(prefix: &str, value: u32) -> String {
    format!(
        "{prefix}\"\\{value:o}\" is an invalid octal escape sequence. Such sequences will not work in the future. "
    )
}

/// `warnings.warn(message, DeprecationWarning)`, attributed to the Python
/// code that called the codec.
fn warn_deprecated(vm: &mut Vm, message: &str) -> PyResult<()> {
    krait_vm::builtins::str::codec_registry::warn(vm, ExcKind::DeprecationWarning, message)
}

fn hex_value(b: u8) -> Option<u32> {
    char::from(b).to_digit(16)
}

/// `escape_encode(data, errors=None, /)`: bytes as a bytes literal's body.
pub fn escape_encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let v = args.required(0);
    let bytes_type = vm.types.bytes.clone();
    let data = match krait_vm::builtins::bytes::bytes_like(v) {
        Some(d) if vm.isinstance_type(v, &bytes_type) => d.into_owned(),
        _ => {
            let tn = krait_vm::builtins::str::arg_type_name(vm, v);
            return Err(vm.type_error(format!(
                "escape_encode() argument 1 must be bytes, not {tn}"
            )));
        }
    };
    errors_arg(vm, args, 1, "escape_encode")?;
    let mut out = Vec::with_capacity(data.len());
    for &b in &data {
        match b {
            b'\\' | b'\'' => out.extend_from_slice(&[b'\\', b]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    bytes_pair(vm, out, data.len())
}

/// The character of a one-letter escape shared by bytes and str literals.
fn simple_escape(b: u8) -> Option<u8> {
    Some(match b {
        b'\\' => b'\\',
        b'\'' => b'\'',
        b'"' => b'"',
        b'b' => 0x08,
        b'f' => 0x0C,
        b't' => b'\t',
        b'n' => b'\n',
        b'r' => b'\r',
        b'v' => 0x0B,
        b'a' => 0x07,
        _ => return None,
    })
}

/// Reads up to three octal digits starting at `pos`: the value and the
/// position after them.
fn octal(data: &[u8], mut pos: usize) -> (u32, usize) {
    let mut value = 0;
    let start = pos;
    while pos < start + 3
        && let Some(&d @ b'0'..=b'7') = data.get(pos)
    {
        value = value * 8 + u32::from(d - b'0');
        pos += 1;
    }
    (value, pos)
}

/// `escape_decode(data, errors=None, /)`: a bytes literal's body to bytes.
pub fn escape_decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = input_bytes(vm, args.required(0))?;
    let errors = errors_arg(vm, args, 1, "escape_decode")?;
    let mut first_warning = None;
    let mut out = Vec::with_capacity(data.len());
    let mut pos = 0;
    while let Some(&b) = data.get(pos) {
        if b != b'\\' {
            out.push(b);
            pos += 1;
            continue;
        }
        let start = pos;
        pos += 1;
        let Some(&c) = data.get(pos) else {
            return Err(vm.value_error("Trailing \\ in string"));
        };
        pos += 1;
        if c == b'\n' {
            continue;
        }
        if let Some(e) = simple_escape(c) {
            out.push(e);
            continue;
        }
        match c {
            b'0'..=b'7' => {
                let (value, next) = octal(&data, pos - 1);
                if value > 0o377 {
                    first_warning.get_or_insert_with(|| invalid_octal("b", value));
                }
                out.push((value & 0xFF) as u8);
                pos = next;
            }
            b'x' => {
                let digits = (
                    data.get(pos).copied().and_then(hex_value),
                    data.get(pos + 1).copied().and_then(hex_value),
                );
                if let (Some(high), Some(low)) = digits {
                    out.push((high * 16 + low) as u8);
                    pos += 2;
                    continue;
                }
                match errors.as_str() {
                    "strict" => {
                        return Err(
                            vm.value_error(&format!("invalid \\x escape at position {start}"))
                        );
                    }
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    other => {
                        return Err(vm.value_error(&format!(
                            "decoding error; unknown error handling code: {other}"
                        )));
                    }
                }
                if digits.0.is_some() {
                    pos += 1;
                }
            }
            _ => {
                first_warning.get_or_insert_with(|| invalid_escape("b", c));
                out.push(b'\\');
                pos -= 1;
            }
        }
    }
    if let Some(warning) = first_warning {
        warn_deprecated(vm, &warning)?;
    }
    bytes_pair(vm, out, data.len())
}

/// `unicode_escape_encode(str, errors=None, /)`.
pub fn unicode_escape_encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let text = text_arg(vm, args, 0, "unicode_escape_encode")?;
    errors_arg(vm, args, 1, "unicode_escape_encode")?;
    let mut out = Vec::with_capacity(text.as_bytes().len());
    for c in text.iter() {
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            _ => out
                .extend_from_slice(krait_vm::builtins::str::codecs::backslash_escape(c).as_bytes()),
        }
    }
    bytes_pair(vm, out, text.char_len())
}

/// `raw_unicode_escape_encode(str, errors=None, /)`.
pub fn raw_unicode_escape_encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let text = text_arg(vm, args, 0, "raw_unicode_escape_encode")?;
    errors_arg(vm, args, 1, "raw_unicode_escape_encode")?;
    let mut out = Vec::with_capacity(text.as_bytes().len());
    for c in text.iter() {
        if c < 0x100 {
            out.push(c as u8);
        } else if c < 0x10000 {
            out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{c:08x}").as_bytes());
        }
    }
    bytes_pair(vm, out, text.char_len())
}

/// Reads `count` hex digits at `pos`: the value, or how many digits there
/// were before the first non-digit (or the end).
fn hex_digits(data: &[u8], pos: usize, count: usize) -> Result<u32, usize> {
    let mut value: u32 = 0;
    for i in 0..count {
        match data.get(pos + i).copied().and_then(hex_value) {
            Some(d) => value = value.wrapping_mul(16).wrapping_add(d),
            None => return Err(i),
        }
    }
    Ok(value)
}

/// What one escape sequence decodes to.
enum Step {
    /// Code points and the position after the escape.
    Chars(Vec<u32>, usize),
    /// An escape Python deprecates, kept as it is (with the warning text).
    Deprecated(Vec<u32>, usize, String),
    /// A failure: its end and reason.
    Fail(usize, &'static str),
    /// The escape is cut off by the end of non-final input.
    Incomplete,
}

/// Decodes the escape whose backslash is at `start` (`unicode_escape`).
fn unicode_escape_step(data: &[u8], start: usize, is_final: bool) -> Step {
    let Some(&c) = data.get(start + 1) else {
        return if is_final {
            Step::Fail(data.len(), "\\ at end of string")
        } else {
            Step::Incomplete
        };
    };
    let pos = start + 2;
    if c == b'\n' {
        return Step::Chars(Vec::new(), pos);
    }
    if let Some(e) = simple_escape(c) {
        return Step::Chars(vec![u32::from(e)], pos);
    }
    let (count, reason) = match c {
        b'0'..=b'7' => {
            let (value, next) = octal(data, pos - 1);
            if value > 0o377 {
                return Step::Deprecated(vec![value], next, invalid_octal("", value));
            }
            return Step::Chars(vec![value], next);
        }
        b'x' => (2, "truncated \\xXX escape"),
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        b'N' => return named_escape(data, start, is_final),
        _ => return Step::Deprecated(vec![0x5C], pos - 1, invalid_escape("", c)),
    };
    match hex_digits(data, pos, count) {
        Ok(value) if value > 0x10FFFF => Step::Fail(pos + count, "illegal Unicode character"),
        Ok(value) => Step::Chars(vec![value], pos + count),
        Err(found) if !is_final && pos + found >= data.len() => Step::Incomplete,
        Err(found) => Step::Fail(pos + found, reason),
    }
}

/// `\N{name}` at `start`.
fn named_escape(data: &[u8], start: usize, is_final: bool) -> Step {
    let open = start + 2;
    const MALFORMED: &str = "malformed \\N character escape";
    match data.get(open) {
        Some(b'{') => {}
        None if !is_final => return Step::Incomplete,
        _ => return Step::Fail(open, MALFORMED),
    }
    let Some(close) = data
        .get(open + 1..)
        .and_then(|rest| rest.iter().position(|&b| b == b'}'))
        .map(|i| open + 1 + i)
    else {
        return if is_final {
            Step::Fail(data.len(), MALFORMED)
        } else {
            Step::Incomplete
        };
    };
    if close == open + 1 {
        return Step::Fail(close + 1, MALFORMED);
    }
    let name = String::from_utf8_lossy(data.get(open + 1..close).unwrap_or_default());
    match unicode_names2::character(&name)
        .or_else(|| unicode_names2::character(&name.to_ascii_uppercase()))
    {
        Some(ch) => Step::Chars(vec![u32::from(ch)], close + 1),
        None => Step::Fail(close + 1, "unknown Unicode character name"),
    }
}

/// Decodes the escape whose backslash is at `start` (`raw_unicode_escape`).
fn raw_unicode_escape_step(data: &[u8], start: usize, is_final: bool) -> Step {
    let Some(&c) = data.get(start + 1) else {
        return if is_final {
            Step::Chars(vec![0x5C], start + 1)
        } else {
            Step::Incomplete
        };
    };
    let pos = start + 2;
    let (count, reason) = match c {
        b'u' => (4, "truncated \\uXXXX escape"),
        b'U' => (8, "truncated \\UXXXXXXXX escape"),
        _ => return Step::Chars(vec![0x5C, u32::from(c)], pos),
    };
    match hex_digits(data, pos, count) {
        Ok(value) if value > 0x10FFFF => Step::Fail(pos + count, "\\Uxxxxxxxx out of range"),
        Ok(value) => Step::Chars(vec![value], pos + count),
        Err(found) if !is_final && pos + found >= data.len() => Step::Incomplete,
        Err(found) => Step::Fail(pos + found, reason),
    }
}

/// The decoding loop both escape codecs share: Latin-1 bytes, escapes by
/// `step`, failures through the error handler.
fn decode_escapes(
    vm: &mut Vm,
    args: &Args,
    function: &str,
    encoding: &str,
    step: fn(&[u8], usize, bool) -> Step,
) -> PyResult<Value> {
    let data = input_bytes(vm, args.required(0))?;
    let errors = errors_arg(vm, args, 1, function)?;
    let is_final = final_arg(vm, args, 2, true)?;
    let mut out = StrBuilder::with_capacity(data.len());
    let mut first_warning = None;
    let mut pos = 0;
    while let Some(&b) = data.get(pos) {
        if b != b'\\' {
            out.push(u32::from(b));
            pos += 1;
            continue;
        }
        match step(&data, pos, is_final) {
            Step::Chars(chars, next) => {
                for c in chars {
                    out.push(c);
                }
                pos = next;
            }
            Step::Deprecated(chars, next, warning) => {
                for c in chars {
                    out.push(c);
                }
                pos = next;
                first_warning.get_or_insert(warning);
            }
            Step::Incomplete => break,
            Step::Fail(end, reason) => {
                let end = end.min(data.len());
                let exception = decode_error(vm, encoding, &data, pos, end, reason);
                pos = handle_decode_error(vm, &errors, exception, data.len(), &mut out)?;
            }
        }
    }
    if let Some(warning) = first_warning {
        warn_deprecated(vm, &warning)?;
    }
    let text = out.finish(vm)?;
    pair(vm, text, pos.min(data.len()))
}

/// `unicode_escape_decode(data, errors=None, final=True, /)`.
pub fn unicode_escape_decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    decode_escapes(
        vm,
        args,
        "unicode_escape_decode",
        "unicodeescape",
        unicode_escape_step,
    )
}

/// `raw_unicode_escape_decode(data, errors=None, final=True, /)`.
pub fn raw_unicode_escape_decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    decode_escapes(
        vm,
        args,
        "raw_unicode_escape_decode",
        "rawunicodeescape",
        raw_unicode_escape_step,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(step: Step) -> Option<(Vec<u32>, usize)> {
        match step {
            Step::Chars(c, next) => Some((c, next)),
            _ => None,
        }
    }

    #[test]
    fn unicode_escapes_decode_like_literals() {
        assert_eq!(
            chars(unicode_escape_step(b"\\x41", 0, true)),
            Some((vec![0x41], 4))
        );
        assert_eq!(
            chars(unicode_escape_step(b"\\u00e9!", 0, true)),
            Some((vec![0xE9], 6))
        );
        assert_eq!(
            chars(unicode_escape_step(b"\\101", 0, true)),
            Some((vec![0o101], 4))
        );
        assert!(matches!(
            unicode_escape_step(b"\\u12", 0, false),
            Step::Incomplete
        ));
        assert!(matches!(
            unicode_escape_step(b"\\u12", 0, true),
            Step::Fail(4, "truncated \\uXXXX escape")
        ));
        assert!(matches!(
            unicode_escape_step(b"\\U00110000", 0, true),
            Step::Fail(10, "illegal Unicode character")
        ));
    }

    #[test]
    fn raw_escapes_only_know_u() {
        assert_eq!(
            chars(raw_unicode_escape_step(b"\\n", 0, true)),
            Some((vec![0x5C, 0x6E], 2))
        );
        assert_eq!(
            chars(raw_unicode_escape_step(b"\\", 0, true)),
            Some((vec![0x5C], 1))
        );
        assert!(matches!(
            raw_unicode_escape_step(b"\\", 0, false),
            Step::Incomplete
        ));
    }
}
