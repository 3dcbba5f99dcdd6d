//! Python's `repr()` of literal values, exactly as CPython 3.14 prints them:
//! `float`, `complex`, `int` (including integers beyond `i64`), `str`
//! (with `str.isprintable` from Unicode 16.0) and `bytes`.
//!
//! The `write_*` functions append to a caller's `String` so that the AST dump
//! can render into a single buffer; the plain functions return a new string.

use crate::unicode_printable::NON_PRINTABLE;
pub use crate::unicode_printable::UNICODE_VERSION;
use crate::wtf8::Wtf8Buf;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `cp` is printable in the sense of Python's `str.isprintable`
/// (lone surrogates and values above U+10FFFF are not).
pub fn is_printable(cp: u32) -> bool {
    if (0x20..0x7F).contains(&cp) {
        return true;
    }
    if cp < 0xA0 {
        return false;
    }
    let i = NON_PRINTABLE.partition_point(|&(_, hi)| hi < cp);
    !matches!(NON_PRINTABLE.get(i), Some(&(lo, _)) if lo <= cp)
}

/// `repr()` of a `str` given as generalized UTF-8 bytes (UTF-8 that may hold
/// 3-byte-encoded surrogates, as in [`Wtf8Buf`]); `text` is the same bytes as
/// `&str` when they are valid UTF-8, which lets ASCII runs be copied directly.
fn write_generalized_utf8_repr(out: &mut String, bytes: &[u8], text: Option<&str>) {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push(char::from(quote));
    let mut i = 0;
    while i < bytes.len() {
        // Copy a run of ASCII characters that need no escape in one go.
        let run_start = i;
        while i < bytes.len() && {
            let b = bytes[i];
            (0x20..0x7F).contains(&b) && b != quote && b != b'\\'
        } {
            i += 1;
        }
        if i > run_start {
            // The run is ASCII, so it is a whole `str` of its own.
            match text {
                Some(text) => out.push_str(&text[run_start..i]),
                None => {
                    if let Ok(run) = std::str::from_utf8(&bytes[run_start..i]) {
                        out.push_str(run);
                    }
                }
            }
            continue;
        }
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            match b {
                b'\\' => out.push_str("\\\\"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                _ if b == quote => {
                    out.push('\\');
                    out.push(char::from(b));
                }
                _ => push_hex_escape(out, 'x', u32::from(b), 2),
            }
            continue;
        }
        let (cp, len) = decode_generalized_utf8(&bytes[i..]);
        i += len;
        match char::from_u32(cp) {
            Some(ch) if is_printable(cp) => out.push(ch),
            _ if cp <= 0xFF => push_hex_escape(out, 'x', cp, 2),
            _ if cp <= 0xFFFF => push_hex_escape(out, 'u', cp, 4),
            _ => push_hex_escape(out, 'U', cp, 8),
        }
    }
    out.push(char::from(quote));
}

/// Decodes the (non-ASCII) sequence at the start of `bytes`: `(code point, length)`.
/// A truncated sequence yields U+FFFD and consumes the rest.
fn decode_generalized_utf8(bytes: &[u8]) -> (u32, usize) {
    let first = bytes[0];
    let (len, init) = match first {
        0xC0..=0xDF => (2, u32::from(first & 0x1F)),
        0xE0..=0xEF => (3, u32::from(first & 0x0F)),
        _ => (4, u32::from(first & 0x07)),
    };
    match bytes.get(1..len) {
        Some(tail) => (
            tail.iter()
                .fold(init, |acc, &b| (acc << 6) | u32::from(b & 0x3F)),
            len,
        ),
        None => (0xFFFD, bytes.len()),
    }
}

fn push_hex_escape(out: &mut String, letter: char, value: u32, width: u32) {
    out.push('\\');
    out.push(letter);
    for shift in (0..width).rev() {
        out.push(char::from(HEX[((value >> (shift * 4)) & 0xF) as usize]));
    }
}

/// Appends `repr()` of a Python `str`.
pub fn write_str_repr(out: &mut String, s: &Wtf8Buf) {
    write_generalized_utf8_repr(out, s.as_bytes(), None);
}

/// Appends `repr()` of a Python `str` that holds no surrogate.
pub fn write_plain_str_repr(out: &mut String, s: &str) {
    write_generalized_utf8_repr(out, s.as_bytes(), Some(s));
}

/// `repr()` of a Python `str`.
pub fn str_repr(s: &Wtf8Buf) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr(&mut out, s);
    out
}

/// Appends `repr()` of a Python `bytes`.
pub fn write_bytes_repr(out: &mut String, bytes: &[u8]) {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(char::from(quote));
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if b == quote => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..0x7F => out.push(char::from(b)),
            _ => push_hex_escape(out, 'x', u32::from(b), 2),
        }
    }
    out.push(char::from(quote));
}

/// `repr()` of a Python `bytes`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 3);
    write_bytes_repr(&mut out, bytes);
    out
}

/// Appends `repr()` of an `int` that fits in `i64`.
pub fn write_int_repr(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    write_u64(out, value.unsigned_abs());
}

/// Appends the decimal digits of `value`.
pub(crate) fn write_u64(out: &mut String, mut value: u64) {
    let mut buf = [0u8; 20];
    let mut pos = buf.len();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    // The buffer holds only ASCII digits.
    if let Ok(digits) = std::str::from_utf8(&buf[pos..]) {
        out.push_str(digits);
    }
}

/// Appends `repr()` (decimal) of the non-negative integer written with
/// `digits` in `radix` (2, 8, 10 or 16; ASCII digits, either case, no
/// separators). Characters that are not digits of the radix are skipped.
///
/// Decimal input is copied; other radices are converted through limbs of
/// 10^19, consuming 15 to 60 input digits per pass: quadratic in the length
/// with a small constant (a 10,000-digit literal costs about 10^5 limb steps).
pub fn write_big_int_repr(out: &mut String, radix: u32, digits: &str) {
    let values = digits
        .bytes()
        .filter_map(|b| char::from(b).to_digit(36))
        .filter(|&d| d < radix);
    if radix == 10 {
        let start = out.len();
        for d in values {
            if d == 0 && out.len() == start {
                continue;
            }
            out.push(char::from(b'0' + d as u8));
        }
        if out.len() == start {
            out.push('0');
        }
        return;
    }
    const LIMB: u64 = 10_000_000_000_000_000_000;
    // Digits per chunk so that radix^chunk <= 2^60.
    let chunk = match radix {
        2 => 60,
        8 => 20,
        16 => 15,
        _ => 1,
    };
    // Little-endian limbs in base 10^19.
    let mut limbs: Vec<u64> = Vec::new();
    let mut acc: u64 = 0;
    let mut acc_len = 0;
    let flush = |limbs: &mut Vec<u64>, acc: u64, acc_len: u32| {
        let mul = u128::from(radix).pow(acc_len);
        let mut carry = u128::from(acc);
        for limb in limbs.iter_mut() {
            let v = u128::from(*limb) * mul + carry;
            *limb = (v % u128::from(LIMB)) as u64;
            carry = v / u128::from(LIMB);
        }
        while carry > 0 {
            limbs.push((carry % u128::from(LIMB)) as u64);
            carry /= u128::from(LIMB);
        }
    };
    for d in values {
        acc = acc * u64::from(radix) + u64::from(d);
        acc_len += 1;
        if acc_len == chunk {
            flush(&mut limbs, acc, acc_len);
            acc = 0;
            acc_len = 0;
        }
    }
    if acc_len > 0 {
        flush(&mut limbs, acc, acc_len);
    }
    match limbs.split_last() {
        None => out.push('0'),
        Some((&top, rest)) => {
            write_u64(out, top);
            for &limb in rest.iter().rev() {
                let mut buf = [b'0'; 19];
                let mut v = limb;
                for slot in buf.iter_mut().rev() {
                    *slot = b'0' + (v % 10) as u8;
                    v /= 10;
                }
                for &d in &buf {
                    out.push(char::from(d));
                }
            }
        }
    }
}

/// How [`write_float`] renders a finite value.
#[derive(Clone, Copy)]
struct FloatStyle {
    /// Add `.0` to an integral value in fixed notation (`float.__repr__`).
    add_dot_0: bool,
    /// Always print a sign (the imaginary part of a complex with a real part).
    sign: bool,
}

/// Appends `repr()` of a `float`: the shortest round-tripping digits, fixed
/// notation when the decimal exponent is in `-4..16`, else `d.ddde±XX`.
pub fn write_float_repr(out: &mut String, value: f64) {
    write_float(
        out,
        value,
        FloatStyle {
            add_dot_0: true,
            sign: false,
        },
    );
}

/// `repr()` of a `float`.
pub fn float_repr(value: f64) -> String {
    let mut out = String::new();
    write_float_repr(&mut out, value);
    out
}

/// Appends `repr()` of `complex(real, imag)`: `2j` when the real part is
/// `+0.0`, else `(1+2j)`.
pub fn write_complex_repr(out: &mut String, real: f64, imag: f64) {
    if real == 0.0 && real.is_sign_positive() {
        let style = FloatStyle {
            add_dot_0: false,
            sign: false,
        };
        write_float(out, imag, style);
        out.push('j');
    } else {
        out.push('(');
        let style = FloatStyle {
            add_dot_0: false,
            sign: false,
        };
        write_float(out, real, style);
        write_float(
            out,
            imag,
            FloatStyle {
                sign: true,
                ..style
            },
        );
        out.push_str("j)");
    }
}

/// `repr()` of `complex(real, imag)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let mut out = String::new();
    write_complex_repr(&mut out, real, imag);
    out
}

/// The shortest round-tripping digits of a finite `value >= 0` as
/// `d[.ddd]e[-]X`, and among those of that length the nearest to the exact
/// value, a tie going to the even digit (CPython's `repr`, David Gay's
/// mode 0). Rust's `{:e}` gives the shortest digits but may break a tie
/// upwards (`2**-25`: `...313e-8` where CPython prints `...312e-08`);
/// its fixed-precision `{:.Ne}` rounds exactly, ties to even, so that form
/// of the same length is taken when it round-trips too. A tie needs 17
/// digits, so shorter results are kept as they are.
fn shortest_scientific(value: f64) -> String {
    let shortest = format!("{value:e}");
    let digits = shortest
        .split_once('e')
        .map_or(0, |(m, _)| m.bytes().filter(u8::is_ascii_digit).count());
    if digits < 16 {
        return shortest;
    }
    let nearest = format!("{:.*e}", digits - 1, value);
    if nearest != shortest && nearest.parse::<f64>() == Ok(value) {
        nearest
    } else {
        shortest
    }
}

fn write_float(out: &mut String, value: f64, style: FloatStyle) {
    if value.is_nan() {
        out.push_str(if style.sign { "+nan" } else { "nan" });
        return;
    }
    if value.is_sign_negative() {
        out.push('-');
    } else if style.sign {
        out.push('+');
    }
    if value.is_infinite() {
        out.push_str("inf");
        return;
    }
    let sci = shortest_scientific(value.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let push_digits = |out: &mut String, ds: &[u8]| {
        for &d in ds {
            out.push(char::from(d));
        }
    };
    if !(-4..16).contains(&exp) {
        push_digits(out, &digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            push_digits(out, &digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        write_u64(out, u64::from(e));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        push_digits(out, &digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            push_digits(out, &digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
            if style.add_dot_0 {
                out.push_str(".0");
            }
        } else {
            push_digits(out, &digits[..int_len]);
            out.push('.');
            push_digits(out, &digits[int_len..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases recorded from CPython 3.14 by `tests/data/gen_repr_cases.py`.
    const CASES: &str = include_str!("../tests/data/repr_cases.txt");

    fn f64_from_hex(bits: &str) -> f64 {
        f64::from_bits(u64::from_str_radix(bits, 16).unwrap())
    }

    /// Runs every recorded case of `kind` through `render` and reports all mismatches.
    fn check(kind: &str, render: impl Fn(&[&str]) -> String) {
        let mut count = 0;
        let mut failures = Vec::new();
        for line in CASES.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields[0] != kind {
                continue;
            }
            count += 1;
            let (inputs, expected) = (&fields[1..fields.len() - 1], fields[fields.len() - 1]);
            let got = render(inputs);
            if got != expected {
                failures.push(format!("{inputs:?}: expected {expected}, got {got}"));
            }
        }
        assert!(count > 0, "no {kind} cases recorded");
        assert!(
            failures.is_empty(),
            "{} of {count} {kind} cases differ:\n{}",
            failures.len(),
            failures[..failures.len().min(20)].join("\n")
        );
    }

    #[test]
    fn float_repr_matches_cpython() {
        check("float", |i| float_repr(f64_from_hex(i[0])));
    }

    #[test]
    fn complex_repr_matches_cpython() {
        check("complex", |i| {
            complex_repr(f64_from_hex(i[0]), f64_from_hex(i[1]))
        });
    }

    #[test]
    fn int_repr_matches_cpython() {
        check("int", |i| {
            let mut out = String::new();
            write_big_int_repr(&mut out, i[0].parse().unwrap(), i[1]);
            out
        });
        let mut out = String::new();
        write_int_repr(&mut out, i64::MIN);
        out.push(' ');
        write_int_repr(&mut out, 0);
        assert_eq!(out, "-9223372036854775808 0");
    }

    #[test]
    fn str_repr_matches_cpython() {
        check("str", |i| {
            let mut s = Wtf8Buf::new();
            if i[0] != "-" {
                for cp in i[0].split(' ') {
                    s.push_code_point(u32::from_str_radix(cp, 16).unwrap())
                        .unwrap();
                }
            }
            str_repr(&s)
        });
    }

    #[test]
    fn bytes_repr_matches_cpython() {
        check("bytes", |i| {
            let bytes: Vec<u8> = if i[0] == "-" {
                Vec::new()
            } else {
                (0..i[0].len())
                    .step_by(2)
                    .map(|k| u8::from_str_radix(&i[0][k..k + 2], 16).unwrap())
                    .collect()
            };
            bytes_repr(&bytes)
        });
    }

    #[test]
    fn big_hex_conversion_is_not_slow() {
        // 10,000 hex digits (about 12,000 decimal): must finish quickly even in debug.
        let digits = "f".repeat(10_000);
        let start = std::time::Instant::now();
        let mut out = String::new();
        write_big_int_repr(&mut out, 16, &digits);
        assert_eq!(out.len(), 12_042);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }
}
