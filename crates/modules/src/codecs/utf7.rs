//! UTF-7 (RFC 2152) as CPython writes and reads it: characters of the
//! direct sets pass as themselves, `+` is written `+-`, anything else goes
//! in a `+...-` run of modified base64 over UTF-16 code units. Decoding
//! reports CPython's reasons ("unexpected special character", "partial
//! character in shift sequence", ...) and, unless final, leaves an open
//! shift sequence unconsumed.

use krait_vm::builtins::native::Args;
use krait_vm::{PyResult, Value, Vm};

use super::{
    bytes_pair, data_arg, decode_error, decode_error_replacement, errors_arg, final_arg, pair,
    text_arg,
};

/// The name in `UnicodeDecodeError`s.
const NAME: &str = "utf7";

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_base64(b: u32) -> bool {
    u8::try_from(b).is_ok_and(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

fn from_base64(b: u8) -> u32 {
    u32::from(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'+' => 62,
        _ => 63,
    })
}

fn to_base64(bits: u32) -> u8 {
    BASE64.get((bits & 0x3F) as usize).copied().unwrap_or(b'A')
}

/// Whether the encoder writes `c` as itself: ASCII other than NUL, the
/// controls except tab/newline/return, `+`, `\`, `~` and DEL.
fn encode_direct(c: u32) -> bool {
    match u8::try_from(c) {
        Ok(b @ 1..=0x7F) => match b {
            b'\t' | b'\n' | b'\r' => true,
            b'+' | b'\\' | b'~' | 0x7F => false,
            _ => b >= 0x20,
        },
        _ => false,
    }
}

/// `utf_7_encode(str, errors=None, /)`.
pub fn encode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let text = text_arg(vm, args, 0, "utf_7_encode")?;
    errors_arg(vm, args, 1, "utf_7_encode")?;
    let mut out = Vec::with_capacity(text.as_bytes().len());
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buffer: u64 = 0;
    let push_unit = |unit: u32, bits: &mut u32, buffer: &mut u64, out: &mut Vec<u8>| {
        *bits += 16;
        *buffer = (*buffer << 16) | u64::from(unit);
        while *bits >= 6 {
            out.push(to_base64((*buffer >> (*bits - 6)) as u32));
            *bits -= 6;
        }
        *buffer &= (1u64 << *bits) - 1;
    };
    for c in text.iter() {
        if in_shift {
            if encode_direct(c) {
                if bits > 0 {
                    out.push(to_base64((buffer << (6 - bits)) as u32));
                    bits = 0;
                    buffer = 0;
                }
                in_shift = false;
                if is_base64(c) || c == u32::from(b'-') {
                    out.push(b'-');
                }
                out.push(c as u8);
                continue;
            }
        } else if c == u32::from(b'+') {
            out.extend_from_slice(b"+-");
            continue;
        } else if encode_direct(c) {
            out.push(c as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        if c >= 0x10000 {
            let v = c - 0x10000;
            push_unit(0xD800 | (v >> 10), &mut bits, &mut buffer, &mut out);
            push_unit(0xDC00 | (v & 0x3FF), &mut bits, &mut buffer, &mut out);
        } else {
            push_unit(c, &mut bits, &mut buffer, &mut out);
        }
    }
    if bits > 0 {
        out.push(to_base64((buffer << (6 - bits)) as u32));
    }
    if in_shift {
        out.push(b'-');
    }
    bytes_pair(vm, out, text.char_len())
}

/// `utf_7_decode(data, errors=None, final=False, /)`.
pub fn decode(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = data_arg(vm, args.required(0))?;
    let errors = errors_arg(vm, args, 1, "utf_7_decode")?;
    let is_final = final_arg(vm, args, 2, false)?;
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buffer: u64 = 0;
    let mut surrogate: u32 = 0;
    let mut shift_start = 0;
    let mut shift_out_len = 0;
    let mut pos = 0;
    while let Some(&b) = data.get(pos) {
        let c = u32::from(b);
        let failure: (usize, &str);
        if in_shift {
            if is_base64(c) {
                buffer = (buffer << 6) | u64::from(from_base64(b));
                bits += 6;
                pos += 1;
                if bits >= 16 {
                    let unit = ((buffer >> (bits - 16)) & 0xFFFF) as u32;
                    bits -= 16;
                    buffer &= (1u64 << bits) - 1;
                    if surrogate != 0 {
                        if (0xDC00..0xE000).contains(&unit) {
                            out.push(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                            surrogate = 0;
                            continue;
                        }
                        out.push(surrogate);
                        surrogate = 0;
                    }
                    if (0xD800..0xDC00).contains(&unit) {
                        surrogate = unit;
                    } else {
                        out.push(unit);
                    }
                }
                continue;
            }
            in_shift = false;
            if bits > 6 {
                pos += 1;
                failure = (shift_start, "partial character in shift sequence");
            } else if bits > 0 && buffer != 0 {
                pos += 1;
                failure = (shift_start, "non-zero padding bits in shift sequence");
            } else {
                if surrogate != 0 && c <= 0x7F && b != b'+' {
                    out.push(surrogate);
                }
                surrogate = 0;
                if b == b'-' {
                    pos += 1;
                }
                continue;
            }
        } else if b == b'+' {
            shift_start = pos;
            pos += 1;
            match data.get(pos) {
                Some(b'-') => {
                    pos += 1;
                    out.push(u32::from(b'+'));
                    continue;
                }
                Some(&next) if !is_base64(u32::from(next)) => {
                    pos += 1;
                    failure = (shift_start, "ill-formed sequence");
                }
                _ => {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_len = out.len();
                    bits = 0;
                    buffer = 0;
                    continue;
                }
            }
        } else if c <= 0x7F {
            out.push(c);
            pos += 1;
            continue;
        } else {
            failure = (pos, "unexpected special character");
            pos += 1;
        }
        let (start, reason) = failure;
        let exception = decode_error(vm, NAME, &data, start, pos, reason);
        let (replacement, resume) = decode_error_replacement(vm, &errors, exception, data.len())?;
        out.extend(replacement);
        pos = resume;
    }
    let mut consumed = pos;
    if in_shift && is_final {
        if surrogate != 0 || bits >= 6 || (bits > 0 && buffer != 0) {
            let exception = decode_error(
                vm,
                NAME,
                &data,
                shift_start,
                data.len(),
                "unterminated shift sequence",
            );
            let (replacement, _) = decode_error_replacement(vm, &errors, exception, data.len())?;
            out.extend(replacement);
        }
    } else if in_shift {
        consumed = shift_start;
        out.truncate(shift_out_len);
    }
    let text = krait_vm::builtins::str::from_code_points(&out);
    let text = vm.new_str_wtf8(&text)?;
    pair(vm, text, consumed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_characters_are_cpythons() {
        let direct = |text: &str| text.chars().all(|c| encode_direct(u32::from(c)));
        assert!(direct("AZaz09'(),-./:?"));
        assert!(direct("!\"#$%&*;<=>@[]^_`{|}"));
        assert!(!"+\\~".chars().any(|c| encode_direct(u32::from(c))));
        assert!(encode_direct(u32::from(b' ')) && !encode_direct(0) && !encode_direct(0x7F));
    }

    #[test]
    fn base64_digits_round_trip() {
        for (i, &b) in BASE64.iter().enumerate() {
            assert_eq!(from_base64(b) as usize, i);
            assert_eq!(to_base64(i as u32), b);
        }
    }
}
