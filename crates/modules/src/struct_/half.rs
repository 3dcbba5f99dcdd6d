//! IEEE 754 half precision (binary16), the `e` format: a float rounds to
//! the nearest half, ties to even (CPython's `PyFloat_Pack2`), and a finite
//! value beyond the largest half (65504, or anything that rounds past it)
//! is an overflow. NaNs keep their sign and become quiet.

/// The half nearest `x` as its bits; `None` if a finite `x` is too large.
pub fn pack(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if x == 0.0 {
        return Some(sign);
    }
    // |x| = mantissa * 2^exponent exactly, with an integer mantissa.
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    let bit_length = 64 - mantissa.leading_zeros() as i32;
    // |x| lies in [2^top, 2^(top+1)).
    let mut top = bit_length - 1 + exponent;
    // The spacing of halves around |x|: 2^-24 among the subnormals, else
    // 2^(top-10) (ten fraction bits).
    let quantum = if top < -14 { -24 } else { top - 10 };
    let mut steps = round_shift(mantissa, exponent - quantum);
    if quantum == -24 {
        // Subnormal (1024 steps is the smallest normal, bits 0x0400).
        return u16::try_from(steps).ok().map(|s| sign | s);
    }
    if steps == 2048 {
        steps = 1024;
        top += 1;
    }
    let biased_half = top + 15;
    if biased_half >= 31 {
        return None;
    }
    let field = u16::try_from((biased_half as u64) << 10 | (steps - 1024)).ok()?;
    Some(sign | field)
}

/// `mantissa * 2^shift` rounded to an integer, ties to even.
fn round_shift(mantissa: u64, shift: i32) -> u64 {
    if shift >= 0 {
        // Only when the mantissa has at most 11 bits: no overflow.
        return mantissa << shift.min(63);
    }
    let right = shift.unsigned_abs();
    if right >= 64 {
        return 0;
    }
    let kept = mantissa >> right;
    let rest = mantissa & ((1u64 << right) - 1);
    let half = 1u64 << (right - 1);
    if rest > half || (rest == half && kept & 1 == 1) {
        kept + 1
    } else {
        kept
    }
}

/// The value of half `bits`.
pub fn unpack(bits: u16) -> f64 {
    let negative = bits & 0x8000 != 0;
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = u64::from(bits & 0x3ff);
    let magnitude = match exponent {
        0x1f if fraction == 0 => f64::INFINITY,
        // A NaN keeps its payload (as CPython 3.14's `PyFloat_Unpack2`).
        0x1f => f64::from_bits(0x7ff0_0000_0000_0000 | (fraction << 42)),
        0 => fraction as f64 * 2f64.powi(-24),
        _ => (fraction + 1024) as f64 * 2f64.powi(exponent - 25),
    };
    if negative { -magnitude } else { magnitude }
}

#[cfg(test)]
mod tests {
    use super::{pack, unpack};

    #[test]
    fn exact_values_round_trip() {
        for bits in (0u16..=0xffff).filter(|b| b & 0x7c00 != 0x7c00) {
            assert_eq!(pack(unpack(bits)), Some(bits), "{bits:#06x}");
        }
        assert_eq!(unpack(0x7bff), 65504.0);
        assert_eq!(unpack(0x0001), 5.960464477539063e-08);
        assert_eq!(unpack(0x7c00), f64::INFINITY);
        assert!(unpack(0x7e00).is_nan());
    }

    #[test]
    fn rounding_is_half_even() {
        let ulp_at_one = 2f64.powi(-10);
        assert_eq!(pack(1.0 + ulp_at_one / 2.0), Some(0x3c00));
        assert_eq!(pack(1.0 + 3.0 * ulp_at_one / 2.0), Some(0x3c02));
        assert_eq!(pack(2f64.powi(-25)), Some(0x0000));
        assert_eq!(pack(2f64.powi(-25) * 1.000001), Some(0x0001));
        assert_eq!(pack(65519.99), Some(0x7bff));
        assert_eq!(pack(1e-300), Some(0));
        assert_eq!(pack(-0.0), Some(0x8000));
    }

    #[test]
    fn overflow_and_specials() {
        assert_eq!(pack(65520.0), None);
        assert_eq!(pack(1e10), None);
        assert_eq!(pack(f64::NEG_INFINITY), Some(0xfc00));
        assert_eq!(pack(f64::NAN), Some(0x7e00));
        assert_eq!(pack(-f64::NAN), Some(0xfe00));
    }
}
