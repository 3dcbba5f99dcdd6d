//! Hashes of `int`, `float`, `complex` and `bool`: CPython's numeric hash,
//! which makes numerically equal values of different types hash equal.
//!
//! For a rational number `x`, the hash is `x` reduced modulo the Mersenne
//! prime `P = 2**61 - 1` ([`MODULUS`]), negated for negative `x`; `-1`
//! becomes `-2`. Infinities hash to `±314159`; a NaN hashes by the identity
//! of its object (Python 3.10+). Since `2**61 ≡ 1 (mod P)`, multiplying by
//! `2**e` modulo `P` is a rotation of the 61-bit residue by `e mod 61`,
//! which is how a float `m * 2**e` is reduced without big arithmetic.

use super::{HASH_INF, IMAG, MODULUS, MODULUS_BITS, fix_minus_one, hash_pointer};

/// Reduces a 128-bit value modulo [`MODULUS`].
#[inline]
fn reduce_u128(value: u128) -> u64 {
    let modulus = u128::from(MODULUS);
    // Fold the bits above 61 back in (2**61 ≡ 1): at most 2**67 + 2**61
    // after one fold, at most 2**62 after two.
    let folded = (value & modulus) + (value >> MODULUS_BITS);
    let folded = (folded & modulus) + (folded >> MODULUS_BITS);
    let folded = folded as u64;
    if folded >= MODULUS {
        folded - MODULUS
    } else {
        folded
    }
}

/// Reduces a 64-bit value modulo [`MODULUS`].
#[inline]
fn reduce_u64(value: u64) -> u64 {
    let folded = (value & MODULUS) + (value >> MODULUS_BITS);
    if folded >= MODULUS {
        folded - MODULUS
    } else {
        folded
    }
}

/// Applies the sign to a residue in `0..MODULUS` and maps `-1` to `-2`.
#[inline]
fn signed(negative: bool, residue: u64) -> i64 {
    // residue < 2**61, so the conversion and negation cannot overflow.
    let value = residue as i64;
    fix_minus_one(if negative { -value } else { value })
}

/// `hash(n)` for an `int` that fits in 64 bits.
#[inline(always)]
pub fn hash_i64(value: i64) -> i64 {
    // Within the modulus an int is its own hash (only -1 is not): the
    // common case of small keys, inline; larger ones are reduced.
    if value.unsigned_abs() < MODULUS {
        return fix_minus_one(value);
    }
    hash_i64_reduced(value)
}

/// [`hash_i64`] of an int at least the modulus in absolute value.
#[inline(never)]
fn hash_i64_reduced(value: i64) -> i64 {
    signed(value < 0, reduce_u64(value.unsigned_abs()))
}

/// `hash(n)` for a non-negative `int` that fits in 64 bits unsigned.
#[inline]
pub fn hash_u64(value: u64) -> i64 {
    signed(false, reduce_u64(value))
}

/// `hash(n)` for an `int` of any size, given its sign and magnitude.
///
/// `magnitude_le` holds the absolute value as **64-bit digits, least
/// significant first** (the layout of `num-bigint`'s `to_u64_digits` and
/// of a little-endian byte buffer read in 8-byte words). Leading zero digits
/// are allowed; an empty slice is zero (and `-0` hashes as `0`).
pub fn hash_big_int(negative: bool, magnitude_le: &[u64]) -> i64 {
    // 2**64 ≡ 2**3 (mod 2**61 - 1), so x * 2**64 + d ≡ 8x + d.
    let mut residue: u64 = 0;
    for &digit in magnitude_le.iter().rev() {
        residue = reduce_u128((u128::from(residue) << 3) + u128::from(digit));
    }
    signed(negative, residue)
}

/// `hash(b)` for a `bool` (`True` is 1, `False` is 0, as the ints).
#[inline]
pub const fn hash_bool(value: bool) -> i64 {
    value as i64
}

/// Multiplies a residue by `2**shift` modulo [`MODULUS`] (`shift < 61`): a
/// rotation within 61 bits.
#[inline]
fn rotate61(residue: u64, shift: u32) -> u64 {
    if shift == 0 {
        residue
    } else {
        ((residue << shift) & MODULUS) | (residue >> (MODULUS_BITS - shift))
    }
}

/// `hash(x)` for a `float`.
///
/// `identity` is the NaN's object identity (its address, what `id()` gives):
/// since Python 3.10 each NaN object hashes as `object.__hash__` would,
/// [`hash_pointer`]`(identity)`. It is ignored for other values.
pub fn hash_f64(value: f64, identity: usize) -> i64 {
    if value.is_nan() {
        return hash_pointer(identity);
    }
    if value.is_infinite() {
        return if value > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = value.to_bits();
    let negative = bits >> 63 != 0;
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // |value| = mantissa * 2**exponent, with an integer mantissa < 2**53.
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased_exponent - 1075)
    };
    if mantissa == 0 {
        return 0;
    }
    let shift = exponent.rem_euclid(MODULUS_BITS as i32) as u32;
    signed(negative, rotate61(mantissa, shift))
}

/// `hash(z)` for a `complex`: `hash(re) + 1000003 * hash(im)` in wrapping
/// 64-bit arithmetic, `-1` becoming `-2`.
///
/// `identity` is the complex object's identity; a NaN part hashes by it (as
/// [`hash_f64`]).
pub fn hash_complex(real: f64, imag: f64, identity: usize) -> i64 {
    let real_hash = hash_f64(real, identity) as u64;
    let imag_hash = hash_f64(imag, identity) as u64;
    fix_minus_one(real_hash.wrapping_add((IMAG as u64).wrapping_mul(imag_hash)) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints() {
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(1), 1);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64(MODULUS as i64), 0);
        assert_eq!(hash_i64(MODULUS as i64 - 1), MODULUS as i64 - 1);
        assert_eq!(hash_i64(-(MODULUS as i64) - 1), -2);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_i64(i64::MAX), 3);
        assert_eq!(hash_u64(u64::MAX), 7);
    }

    #[test]
    fn big_ints_agree_with_i64() {
        for value in [
            0i64,
            1,
            -1,
            7,
            -7,
            i64::MAX,
            i64::MIN,
            MODULUS as i64,
            123_456_789,
        ] {
            let big = hash_big_int(value < 0, &[value.unsigned_abs(), 0, 0]);
            assert_eq!(big, hash_i64(value), "{value}");
        }
        assert_eq!(hash_big_int(true, &[]), 0);
        // 2**64 ≡ 8, 2**128 ≡ 64.
        assert_eq!(hash_big_int(false, &[0, 1]), 8);
        assert_eq!(hash_big_int(false, &[0, 0, 1]), 64);
        assert_eq!(hash_big_int(false, &[u64::MAX, u64::MAX]), 63);
    }

    #[test]
    fn floats_agree_with_ints() {
        for value in [0i64, 1, -1, 2, -5, 1 << 52, 1 << 53, -(1 << 60), 1 << 62] {
            assert_eq!(hash_f64(value as f64, 0), hash_i64(value), "{value}");
        }
        assert_eq!(hash_f64(-0.0, 0), 0);
        assert_eq!(hash_f64(0.5, 0), 1 << 60);
        assert_eq!(hash_f64(f64::INFINITY, 0), 314_159);
        assert_eq!(hash_f64(f64::NEG_INFINITY, 0), -314_159);
        assert_eq!(hash_f64(f64::NAN, 0x1230), hash_pointer(0x1230));
    }
}
