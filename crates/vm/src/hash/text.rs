//! Hashes of `bytes` and `str`.
//!
//! `hash(b)` is SipHash-1-3 of the bytes. `hash(s)` is SipHash-1-3 of the
//! string's PEP 393 buffer: CPython stores a string in 1, 2 or 4 bytes per
//! code point (UCS-1, UCS-2, UCS-4), chosen by its largest code point (below
//! U+0100, below U+10000, otherwise), and hashes that buffer — little-endian
//! code units on the platforms krait targets. krait stores text as WTF-8, so
//! [`hash_str_wtf8`] hashes the bytes of the equivalent PEP 393 buffer
//! without building it:
//! - ASCII text is its own UCS-1 buffer: hashed in place.
//! - Latin-1 text (largest code point below U+0100) is decoded into a stream
//!   of 1-byte units, ASCII runs eight bytes at a time.
//! - Otherwise every code point is decoded (lone surrogates included, as
//!   themselves) and pushed as a 2- or 4-byte unit.
//!
//! The empty string and empty bytes hash to 0; `-1` becomes `-2`.

use super::fix_minus_one;
use super::secret::HashSecret;
use super::siphash::{UnitStream, siphash13, siphash13_if_ascii};

/// `hash(b)` for `bytes` (and `bytearray`-free buffers such as a read-only
/// `memoryview` of bytes).
#[inline]
pub fn hash_bytes(secret: &HashSecret, data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13(secret.k0(), secret.k1(), data) as i64)
}

/// `hash(s)` for a `str` held as UTF-8.
#[inline]
pub fn hash_str(secret: &HashSecret, text: &str) -> i64 {
    hash_str_wtf8(secret, text.as_bytes())
}

/// `hash(s)` for a `str` held as WTF-8: UTF-8 in which a lone surrogate
/// (U+D800..U+DFFF) is the 3-byte sequence `ED A0 80`..`ED BF BF` and
/// surrogates are never paired (krait's `Wtf8Buf`).
///
/// Scans the text for its [`Pep393Kind`] first; a caller that has the kind
/// cached (a `str` object's ASCII flag) can use [`hash_str_wtf8_of_kind`],
/// or [`hash_bytes`] for ASCII text, which gives the same value.
///
/// Malformed input does not panic, but its hash is unspecified.
#[inline]
pub fn hash_str_wtf8(secret: &HashSecret, text: &[u8]) -> i64 {
    if text.is_empty() {
        return 0;
    }
    match siphash13_if_ascii(secret.k0(), secret.k1(), text) {
        Some(raw) => fix_minus_one(raw as i64),
        None => hash_str_wtf8_of_kind(secret, text, non_ascii_kind(text)),
    }
}

/// How CPython would store a string (PEP 393): the width of its code units,
/// decided by its largest code point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pep393Kind {
    /// Every code point below U+0080: one byte each, the same bytes as UTF-8.
    Ascii,
    /// Largest code point in U+0080..U+00FF: one byte each (UCS-1).
    Latin1,
    /// Largest code point in U+0100..U+FFFF (surrogates included): two
    /// bytes each (UCS-2).
    Ucs2,
    /// Some code point above U+FFFF: four bytes each (UCS-4).
    Ucs4,
}

/// The [`Pep393Kind`] of WTF-8 text.
#[inline]
pub fn pep393_kind(text: &[u8]) -> Pep393Kind {
    if text.is_ascii() {
        return Pep393Kind::Ascii;
    }
    non_ascii_kind(text)
}

/// The [`Pep393Kind`] of WTF-8 text known not to be ASCII.
#[inline]
fn non_ascii_kind(text: &[u8]) -> Pep393Kind {
    // Continuation bytes are 0x80..=0xBF, so the largest byte is the largest
    // lead byte: below 0xC4 only U+0080..U+00FF occur, below 0xF0 nothing
    // beyond the BMP. The fold vectorizes.
    let max_byte = text.iter().fold(0u8, |max, &byte| max.max(byte));
    if max_byte < 0xC4 {
        Pep393Kind::Latin1
    } else if max_byte < 0xF0 {
        Pep393Kind::Ucs2
    } else {
        Pep393Kind::Ucs4
    }
}

/// [`hash_str_wtf8`] for text whose [`Pep393Kind`] is already known. A
/// wrong `kind` gives a wrong hash (never a panic).
pub fn hash_str_wtf8_of_kind(secret: &HashSecret, text: &[u8], kind: Pep393Kind) -> i64 {
    if text.is_empty() {
        return 0;
    }
    let (k0, k1) = (secret.k0(), secret.k1());
    let raw = match kind {
        Pep393Kind::Ascii => siphash13(k0, k1, text),
        Pep393Kind::Latin1 => hash_latin1(k0, k1, text),
        Pep393Kind::Ucs2 => hash_wide::<2>(k0, k1, text),
        Pep393Kind::Ucs4 => hash_wide::<4>(k0, k1, text),
    };
    fix_minus_one(raw as i64)
}

/// High bit of every byte of a word: set where a byte is not ASCII.
const NON_ASCII: u64 = 0x8080_8080_8080_8080;

/// SipHash of the UCS-1 buffer of WTF-8 text whose code points are all
/// below U+0100.
fn hash_latin1(k0: u64, k1: u64, text: &[u8]) -> u64 {
    let mut stream = UnitStream::new(k0, k1);
    let mut rest = text;
    loop {
        if let Some((word, after)) = rest.split_first_chunk::<8>()
            && u64::from_le_bytes(*word) & NON_ASCII == 0
        {
            stream.push_8_bytes(*word);
            rest = after;
            continue;
        }
        match rest {
            [] => break,
            [lead, tail @ ..] if *lead < 0x80 => {
                stream.push::<1>(u32::from(*lead));
                rest = tail;
            }
            [lead, continuation, tail @ ..] => {
                let unit = (u32::from(*lead & 0x1f) << 6) | u32::from(*continuation & 0x3f);
                stream.push::<1>(unit & 0xff);
                rest = tail;
            }
            [lead] => {
                // Truncated sequence (malformed input): keep going, no panic.
                stream.push::<1>(u32::from(*lead));
                rest = &[];
            }
        }
    }
    stream.finish()
}

/// Decodes the code point at the start of non-empty WTF-8 `text`, returning
/// it and the bytes it used. Lenient: a stray continuation byte is taken as
/// a code point of its own value; a truncated sequence uses what is there.
#[inline(always)]
fn decode(text: &[u8]) -> (u32, usize) {
    let Some(&lead) = text.first() else {
        return (0, 1);
    };
    let continuation = |index: usize| text.get(index).map_or(0, |byte| u32::from(byte & 0x3f));
    match lead {
        0x00..=0xbf => (u32::from(lead), 1),
        0xc0..=0xdf => ((u32::from(lead & 0x1f) << 6) | continuation(1), 2),
        0xe0..=0xef => (
            (u32::from(lead & 0x0f) << 12) | (continuation(1) << 6) | continuation(2),
            3,
        ),
        _ => (
            (u32::from(lead & 0x07) << 18)
                | (continuation(1) << 12)
                | (continuation(2) << 6)
                | continuation(3),
            4,
        ),
    }
}

/// SipHash of the UCS-2 (`WIDTH` 2) or UCS-4 (`WIDTH` 4) buffer of WTF-8
/// text.
fn hash_wide<const WIDTH: u32>(k0: u64, k1: u64, text: &[u8]) -> u64 {
    let mut stream = UnitStream::new(k0, k1);
    let mut rest = text;
    while !rest.is_empty() {
        let (code_point, used) = decode(rest);
        let unit = if WIDTH == 2 {
            code_point & 0xffff
        } else {
            code_point
        };
        stream.push::<WIDTH>(unit);
        rest = rest.get(used..).unwrap_or_default();
    }
    stream.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The PEP 393 buffer of a string, built the slow way.
    fn pep393(code_points: &[u32]) -> Vec<u8> {
        let max = code_points.iter().copied().max().unwrap_or(0);
        let mut out = Vec::new();
        for &cp in code_points {
            if max < 0x100 {
                out.push(cp as u8);
            } else if max < 0x10000 {
                out.extend_from_slice(&(cp as u16).to_le_bytes());
            } else {
                out.extend_from_slice(&cp.to_le_bytes());
            }
        }
        out
    }

    /// WTF-8 of code points (surrogates as 3-byte sequences).
    fn wtf8(code_points: &[u32]) -> Vec<u8> {
        let mut out = Vec::new();
        for &cp in code_points {
            match cp {
                0..0x80 => out.push(cp as u8),
                0x80..0x800 => out.extend([0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]),
                0x800..0x10000 => out.extend([
                    0xe0 | (cp >> 12) as u8,
                    0x80 | ((cp >> 6) & 0x3f) as u8,
                    0x80 | (cp & 0x3f) as u8,
                ]),
                _ => out.extend([
                    0xf0 | (cp >> 18) as u8,
                    0x80 | ((cp >> 12) & 0x3f) as u8,
                    0x80 | ((cp >> 6) & 0x3f) as u8,
                    0x80 | (cp & 0x3f) as u8,
                ]),
            }
        }
        out
    }

    #[test]
    fn str_hash_is_hash_of_pep393_buffer() {
        let secret = HashSecret::from_fixed_seed(42);
        let alphabets: [&[u32]; 5] = [
            &[0x61, 0x7a, 0x20],
            &[0x61, 0xe9, 0xff, 0x80],
            &[0x61, 0xe9, 0x20ac, 0xd800, 0xdc80, 0xffff],
            &[0x61, 0x1f600, 0x10ffff, 0xdfff],
            &[0x100, 0x41],
        ];
        for alphabet in alphabets {
            for len in 0..40usize {
                let cps: Vec<u32> = (0..len)
                    .map(|i| alphabet[(i * 7 + len) % alphabet.len()])
                    .collect();
                let expected = hash_bytes(&secret, &pep393(&cps));
                assert_eq!(hash_str_wtf8(&secret, &wtf8(&cps)), expected, "{cps:x?}");
            }
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(pep393_kind(b""), Pep393Kind::Ascii);
        assert_eq!(pep393_kind("abc".as_bytes()), Pep393Kind::Ascii);
        assert_eq!(pep393_kind("\u{ff}".as_bytes()), Pep393Kind::Latin1);
        assert_eq!(pep393_kind("\u{100}".as_bytes()), Pep393Kind::Ucs2);
        assert_eq!(pep393_kind(&wtf8(&[0xdc80])), Pep393Kind::Ucs2);
        assert_eq!(pep393_kind("a\u{10000}".as_bytes()), Pep393Kind::Ucs4);
    }

    #[test]
    fn malformed_input_does_not_panic() {
        let secret = HashSecret::ZERO;
        for bad in [
            &b"\xc3"[..],
            b"a\xe9",
            b"\xed\xa0",
            b"\xf0\x9f",
            b"\x80\x80",
            b"\xff\xfe",
            b"\xc0",
        ] {
            let _ = hash_str_wtf8(&secret, bad);
        }
        // Arbitrary bytes of every kind and length, under every kind.
        let mut state = 1u32;
        for len in 0..200usize {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 16) as u8
                })
                .collect();
            let _ = hash_str_wtf8(&secret, &bytes);
            for kind in [
                Pep393Kind::Ascii,
                Pep393Kind::Latin1,
                Pep393Kind::Ucs2,
                Pep393Kind::Ucs4,
            ] {
                let _ = hash_str_wtf8_of_kind(&secret, &bytes, kind);
            }
        }
    }
}
