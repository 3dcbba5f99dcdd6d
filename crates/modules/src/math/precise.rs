//! Exact and extended-precision float arithmetic for `math`:
//!
//! - `fsum`: Shewchuk's exact partial sums with a correctly rounded result
//!   (half-even across partials), CPython's errors for infinities, NaNs and
//!   intermediate overflow.
//! - `hypot`/`dist`: the vector norm by power-of-two scaling, exact squares
//!   (`fma`), compensated summation and a differential correction of the
//!   square root, which makes it correctly rounded nearly always — the
//!   same computation as CPython's, so the same results.
//! - `sumprod`: integer products exactly, float products in triple-length
//!   precision, anything else with the objects' own `*` and `+`.
//! - `nextafter` with `steps`, and `ulp`.

use krait_vm::types::slots::BinOp;
use krait_vm::{PyResult, Value, Vm};

use super::to_f64;

/// `math.fsum(iterable)`.
pub fn fsum(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let iterator = vm.iter(iterable)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(&iterator)? {
        let mut x = to_f64(vm, &item)?;
        let original = x;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // An infinity or NaN among the summands, or an overflow.
                if original.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::from_f64(special_sum));
    }
    Ok(Value::from_f64(sum_partials(&partials)))
}

/// Adds exact partials (increasing, non-overlapping) from the top, rounding
/// half-even across them.
fn sum_partials(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

/// `a + b` as a rounded sum and its exact error, when `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// `a + b` as a rounded sum and its exact error.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, (a - (x - z)) + (b - z))
}

/// `a * b` as a rounded product and its exact error.
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}

/// The Euclidean norm of non-negative values (`hypot`, `dist`).
pub fn vector_norm(values: &mut [f64]) -> f64 {
    let max = values.iter().copied().fold(0.0f64, |m, v| {
        if v.is_nan() || m.is_nan() {
            f64::NAN
        } else {
            m.max(v)
        }
    });
    if values.iter().any(|v| v.is_infinite()) {
        return f64::INFINITY;
    }
    if max.is_nan() {
        return f64::NAN;
    }
    if max == 0.0 || values.len() <= 1 {
        return max;
    }
    let (_, max_e) = super::frexp(max);
    if max_e < -1023 {
        // Scaling by 2**-max_e would overflow: make subnormals normal first.
        for v in values.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(values);
    }
    let scale = super::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in values.iter() {
        let x = v * scale;
        let (hi, lo) = two_product(x, x);
        let (sum, error) = fast_two_sum(csum, hi);
        csum = sum;
        frac1 += lo;
        frac2 += error;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = two_product(-h, h);
    let (sum, error) = fast_two_sum(csum, hi);
    csum = sum;
    frac1 += lo;
    frac2 += error;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// A float sum carried in three parts (`sumprod`'s float path).
#[derive(Clone, Copy, Default)]
struct Triple {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl Triple {
    /// `self + x * y`.
    fn fma(self, x: f64, y: f64) -> Triple {
        let (p_hi, p_lo) = two_product(x, y);
        let (s_hi, s_lo) = two_sum(self.hi, p_hi);
        let (r1_hi, r1_lo) = two_sum(self.lo, p_lo);
        let (r2_hi, r2_lo) = two_sum(r1_hi, s_lo);
        Triple {
            hi: s_hi,
            lo: r2_hi,
            tiny: self.tiny + r1_lo + r2_lo,
        }
    }

    fn to_f64(self) -> f64 {
        let (hi, lo) = two_sum(self.lo, self.hi);
        self.tiny + lo + hi
    }
}

/// `math.sumprod(p, q)`: while the items are machine integers their
/// products are summed exactly; while they are floats (or a float and an
/// int) in triple-length precision; the first other item (or overflow)
/// moves that partial total into the object total, which continues with
/// the items' own `*` and `+`.
pub fn sumprod(vm: &mut Vm, p: &Value, q: &Value) -> PyResult<Value> {
    let p_iter = vm.iter(p)?;
    let q_iter = vm.iter(q)?;
    let mut total = Value::from_i64(0);
    let mut int_path = true;
    let mut int_total: Option<i64> = None;
    let mut float_path = true;
    let mut float_total: Option<Triple> = None;
    loop {
        let pair = match (vm.next(&p_iter)?, vm.next(&q_iter)?) {
            (None, None) => None,
            (Some(a), Some(b)) => Some((a, b)),
            _ => return Err(vm.value_error("Inputs are not the same length")),
        };
        if int_path {
            if let Some((a, b)) = &pair
                && let (Some(x), Some(y)) = (a.as_i64(), b.as_i64())
                && let Some(sum) = x
                    .checked_mul(y)
                    .and_then(|prod| prod.checked_add(int_total.unwrap_or(0)))
            {
                int_total = Some(sum);
                continue;
            }
            int_path = false;
            if let Some(t) = int_total.take() {
                total = vm.binary_op(&total, &Value::from_i64(t), BinOp::Add)?;
            }
        }
        if float_path {
            if let Some((a, b)) = &pair
                && let Some((x, y)) = float_pair(a, b)
            {
                let next = float_total.unwrap_or_default().fma(x, y);
                if next.hi.is_finite() {
                    float_total = Some(next);
                    continue;
                }
            }
            float_path = false;
            if let Some(t) = float_total.take() {
                total = vm.binary_op(&total, &Value::from_f64(t.to_f64()), BinOp::Add)?;
            }
        }
        let Some((a, b)) = pair else {
            return Ok(total);
        };
        let term = vm.binary_op(&a, &b, BinOp::Mul)?;
        total = vm.binary_op(&total, &term, BinOp::Add)?;
    }
}

/// Two floats, or a float and an int that converts exactly enough.
fn float_pair(a: &Value, b: &Value) -> Option<(f64, f64)> {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => Some((x, y)),
        (Some(x), None) => int_as_f64(b).map(|y| (x, y)),
        (None, Some(y)) => int_as_f64(a).map(|x| (x, y)),
        (None, None) => None,
    }
}

/// An int (or bool) as a float, if it converts without overflow.
fn int_as_f64(v: &Value) -> Option<f64> {
    krait_vm::builtins::int::to_big(v)
        .and_then(|b| num_traits::ToPrimitive::to_f64(&b))
        .filter(|f| f.is_finite())
}

/// The float `steps` representable values after `x` towards `y`.
pub fn next_after(x: f64, y: f64, steps: u64) -> f64 {
    if steps == 0 || x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return x;
    }
    if x == y {
        // +0.0 and -0.0.
        return y;
    }
    const SIGN: u64 = 1 << 63;
    let (ax, ay) = (ux & !SIGN, uy & !SIGN);
    let bits = if (ux ^ uy) & SIGN != 0 {
        // Opposite signs: through zero.
        if ax + ay <= steps {
            uy
        } else if ax < steps {
            (uy & SIGN) | (steps - ax)
        } else {
            ux - steps
        }
    } else if ax > ay {
        if ax - ay >= steps { ux - steps } else { uy }
    } else if ay - ax >= steps {
        ux + steps
    } else {
        uy
    };
    f64::from_bits(bits)
}

/// The value of the least significant bit of `x`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = next_after(x, f64::INFINITY, 1);
    if up.is_infinite() {
        return x - next_after(x, f64::NEG_INFINITY, 1);
    }
    up - x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_after_walks_representable_values() {
        assert_eq!(next_after(1.0, 2.0, 1), 1.0 + f64::EPSILON);
        assert_eq!(next_after(0.0, -1.0, 1), -5e-324);
        assert_eq!(next_after(-0.0, 0.0, 1).to_bits(), 0.0f64.to_bits());
        assert_eq!(next_after(1.0, 2.0, 3), 1.0 + 3.0 * f64::EPSILON);
        assert_eq!(next_after(1.0, 1.0 + f64::EPSILON, 100), 1.0 + f64::EPSILON);
        assert!(next_after(f64::NAN, 1.0, 1).is_nan());
    }

    #[test]
    fn ulp_of_edges() {
        assert_eq!(ulp(1.0), f64::EPSILON);
        assert_eq!(ulp(0.0), 5e-324);
        assert_eq!(ulp(f64::MAX), f64::MAX - next_after(f64::MAX, 0.0, 1));
        assert!(ulp(f64::INFINITY).is_infinite());
    }

    #[test]
    fn vector_norm_is_exact_on_pythagorean_triples() {
        assert_eq!(vector_norm(&mut [3.0, 4.0]), 5.0);
        assert_eq!(vector_norm(&mut [3.0, 4.0, 12.0]), 13.0);
        assert_eq!(vector_norm(&mut [1e308, 1e308]), 1.4142135623730951e308);
        assert_eq!(vector_norm(&mut []), 0.0);
        assert!(vector_norm(&mut [f64::INFINITY, f64::NAN]).is_infinite());
    }

    #[test]
    fn partial_sums_round_half_even_across_partials() {
        // fsum([1e-16, 1, 1e16]) leaves these partials.
        assert_eq!(sum_partials(&[1e-16, 1.0, 1e16]), 1.0000000000000002e16);
        assert_eq!(sum_partials(&[]), 0.0);
    }
}
