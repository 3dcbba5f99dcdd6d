//! SipHash-1-3: the keyed function behind `hash(str)`, `hash(bytes)` and
//! `hash(memoryview)` (`sys.hash_info.algorithm` is `'siphash13'`).
//!
//! Standard SipHash with 64-bit output: one compression round per 8-byte
//! little-endian word, three finalization rounds, result `v0 ^ v1 ^ v2 ^ v3`.
//!
//! Two ways in:
//! - [`siphash13`] hashes a byte slice: the hot path for `bytes` and ASCII
//!   `str`, reading whole words with no per-byte loop in the body.
//! - [`UnitStream`] hashes a sequence of 1-, 2- or 4-byte code units without
//!   materialising them, for `str` values whose PEP 393 buffer differs from
//!   their stored UTF-8 (see [`super::text`]).

/// The SipHash state: four 64-bit lanes.
#[derive(Clone, Copy)]
struct State {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
}

impl State {
    /// Initialises the lanes from the 128-bit key (two little-endian halves).
    #[inline(always)]
    fn new(k0: u64, k1: u64) -> State {
        State {
            v0: k0 ^ 0x736f_6d65_7073_6575,
            v1: k1 ^ 0x646f_7261_6e64_6f6d,
            v2: k0 ^ 0x6c79_6765_6e65_7261,
            v3: k1 ^ 0x7465_6462_7974_6573,
        }
    }

    /// One SipRound.
    #[inline(always)]
    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.rotate_left(32);
    }

    /// Absorbs one 64-bit message word (c = 1 round).
    #[inline(always)]
    fn compress(&mut self, word: u64) {
        self.v3 ^= word;
        self.round();
        self.v0 ^= word;
    }

    /// Absorbs the last block — the `0..=7` trailing bytes in its low bytes
    /// and the total length (mod 256) in its top byte — then runs the d = 3
    /// finalization rounds and folds the lanes.
    #[inline(always)]
    fn finish(mut self, tail: u64, total_len: usize) -> u64 {
        self.compress(tail | ((total_len as u64) << 56));
        self.v2 ^= 0xff;
        self.round();
        self.round();
        self.round();
        (self.v0 ^ self.v1) ^ (self.v2 ^ self.v3)
    }
}

/// SipHash-1-3 of `data` under the key `(k0, k1)`.
///
/// This is the raw function: the callers in [`super`] add CPython's rules on
/// top (the empty input hashes to 0, and `-1` becomes `-2`).
#[inline]
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut state = State::new(k0, k1);
    let (words, rest) = data.as_chunks::<8>();
    for word in words {
        state.compress(u64::from_le_bytes(*word));
    }
    let mut tail = [0u8; 8];
    for (dst, src) in tail.iter_mut().zip(rest) {
        *dst = *src;
    }
    state.finish(u64::from_le_bytes(tail), data.len())
}

/// [`siphash13`] of `data` if it is all ASCII, else `None` (found at the
/// first non-ASCII word, so text that turns out wider costs a partial pass
/// only). Checking while hashing saves the separate ASCII scan on the
/// common path of `hash(str)`.
#[inline]
pub fn siphash13_if_ascii(k0: u64, k1: u64, data: &[u8]) -> Option<u64> {
    const NON_ASCII: u64 = 0x8080_8080_8080_8080;
    let mut state = State::new(k0, k1);
    let (words, rest) = data.as_chunks::<8>();
    for word in words {
        let word = u64::from_le_bytes(*word);
        if word & NON_ASCII != 0 {
            return None;
        }
        state.compress(word);
    }
    let mut tail = [0u8; 8];
    for (dst, src) in tail.iter_mut().zip(rest) {
        *dst = *src;
    }
    let tail = u64::from_le_bytes(tail);
    if tail & NON_ASCII != 0 {
        return None;
    }
    Some(state.finish(tail, data.len()))
}

/// SipHash-1-3 over a stream of fixed-width code units, packed
/// little-endian into 8-byte words as they arrive — the same value
/// [`siphash13`] gives for the bytes of the units laid out in memory on a
/// little-endian machine (PEP 393's UCS-1, UCS-2 and UCS-4 buffers), without
/// building that buffer.
///
/// Every unit of one stream must have the same width, 1, 2 or 4 bytes, so a
/// unit never straddles two words.
pub struct UnitStream {
    state: State,
    /// The word being filled, low bytes first.
    word: u64,
    /// How many bits of `word` are filled (0..64, a multiple of the width).
    filled: u32,
    /// Number of bytes pushed.
    len: usize,
}

impl UnitStream {
    /// An empty stream under the key `(k0, k1)`.
    #[inline]
    pub fn new(k0: u64, k1: u64) -> UnitStream {
        UnitStream {
            state: State::new(k0, k1),
            word: 0,
            filled: 0,
            len: 0,
        }
    }

    /// Appends one unit of `WIDTH` bytes (1, 2 or 4); `unit` must fit in it.
    #[inline(always)]
    pub fn push<const WIDTH: u32>(&mut self, unit: u32) {
        const { assert!(WIDTH == 1 || WIDTH == 2 || WIDTH == 4) };
        self.word |= u64::from(unit) << self.filled;
        self.filled += WIDTH * 8;
        self.len += WIDTH as usize;
        if self.filled == 64 {
            self.state.compress(self.word);
            self.word = 0;
            self.filled = 0;
        }
    }

    /// Appends eight 1-byte units at once, whatever the current alignment.
    ///
    /// Only valid for a 1-byte-unit stream.
    #[inline(always)]
    pub fn push_8_bytes(&mut self, bytes: [u8; 8]) {
        let word = u64::from_le_bytes(bytes);
        self.len += 8;
        if self.filled == 0 {
            self.state.compress(word);
        } else {
            // 8 <= filled <= 56: the low part completes the current word,
            // the high part starts the next one at the same fill.
            self.state.compress(self.word | (word << self.filled));
            self.word = word >> (64 - self.filled);
        }
    }

    /// Total bytes pushed so far.
    #[inline]
    pub fn byte_len(&self) -> usize {
        self.len
    }

    /// The hash of everything pushed (the raw SipHash value, as
    /// [`siphash13`]).
    #[inline]
    pub fn finish(self) -> u64 {
        self.state.finish(self.word, self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_matches_slice_for_every_width_and_length() {
        let (k0, k1) = (0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210);
        for n in 0..40u32 {
            let units: Vec<u32> = (0..n).map(|i| i.wrapping_mul(2_654_435_761)).collect();

            let bytes: Vec<u8> = units.iter().map(|u| *u as u8).collect();
            let mut s = UnitStream::new(k0, k1);
            for u in &bytes {
                s.push::<1>(u32::from(*u));
            }
            assert_eq!(s.finish(), siphash13(k0, k1, &bytes));

            let mut buf = Vec::new();
            let mut s = UnitStream::new(k0, k1);
            for u in &units {
                let u16v = *u as u16;
                buf.extend_from_slice(&u16v.to_le_bytes());
                s.push::<2>(u32::from(u16v));
            }
            assert_eq!(s.finish(), siphash13(k0, k1, &buf));

            let mut buf = Vec::new();
            let mut s = UnitStream::new(k0, k1);
            for u in &units {
                buf.extend_from_slice(&u.to_le_bytes());
                s.push::<4>(*u);
            }
            assert_eq!(s.byte_len(), buf.len());
            assert_eq!(s.finish(), siphash13(k0, k1, &buf));
        }
    }

    #[test]
    fn ascii_variant_agrees_or_refuses() {
        for text in ["", "a", "abcdefgh", "abcdefghijklmnopq"] {
            assert_eq!(
                siphash13_if_ascii(3, 4, text.as_bytes()),
                Some(siphash13(3, 4, text.as_bytes()))
            );
        }
        for text in ["\u{e9}", "abcdefgh\u{e9}", "\u{e9}abcdefghijklmnop"] {
            assert_eq!(siphash13_if_ascii(3, 4, text.as_bytes()), None);
        }
    }

    #[test]
    fn word_push_matches_byte_push() {
        let data: Vec<u8> = (0..29u8).collect();
        for offset in 0..8 {
            let mut a = UnitStream::new(1, 2);
            let mut b = UnitStream::new(1, 2);
            for byte in &data[..offset] {
                a.push::<1>(u32::from(*byte));
                b.push::<1>(u32::from(*byte));
            }
            let mut word = [0u8; 8];
            word.copy_from_slice(&data[offset..offset + 8]);
            a.push_8_bytes(word);
            for byte in word {
                b.push::<1>(u32::from(byte));
            }
            for byte in &data[offset + 8..] {
                a.push::<1>(u32::from(*byte));
                b.push::<1>(u32::from(*byte));
            }
            assert_eq!(a.finish(), b.finish());
        }
    }
}
