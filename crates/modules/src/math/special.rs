//! The special functions of `math`: `gamma` and `lgamma` by Lanczos'
//! approximation (N = 13, g ≈ 6.0247, the parameters CPython uses, so the
//! results agree with CPython's to the last bit), with the reflection
//! formula for negative arguments; `erf` and `erfc` from the C library.

use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::{PyResult, Value, Vm};

use super::{libm, range_error, to_f64};

const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;

/// Numerator coefficients of the Lanczos sum as a rational function.
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];

/// Denominator coefficients: x(x+1)...(x+11) expanded.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// Gamma of the integers 1 to 23 (exact as floats).
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5_040.0,
    40_320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
    6_227_020_800.0,
    87_178_291_200.0,
    1_307_674_368_000.0,
    20_922_789_888_000.0,
    355_687_428_096_000.0,
    6_402_373_705_728_000.0,
    121_645_100_408_832_000.0,
    2_432_902_008_176_640_000.0,
    51_090_942_171_709_440_000.0,
    1_124_000_727_777_607_680_000.0,
];

const LOG_PI: f64 = 1.1447298858494002;

/// The Lanczos sum for positive `x`, evaluated in `1/x` for large `x`.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)`, accurate near integers (for the reflection formula).
fn sin_pi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// What a special function computes: a value, a pole or invalid argument
/// (domain error) or an overflow.
enum Outcome {
    Value(f64),
    Domain,
    Range,
}

fn gamma(x: f64) -> Outcome {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Outcome::Value(x)
        } else {
            Outcome::Domain
        };
    }
    if x == 0.0 {
        return Outcome::Domain;
    }
    if x == x.floor() {
        if x < 0.0 {
            return Outcome::Domain;
        }
        if x <= 23.0 {
            return Outcome::Value(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Outcome::Range
        } else {
            Outcome::Value(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Outcome::Value(0.0 / sin_pi(x))
        } else {
            Outcome::Range
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, as a correction factor.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
        r
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
        r
    };
    if r.is_infinite() {
        Outcome::Range
    } else {
        Outcome::Value(r)
    }
}

fn lgamma(x: f64) -> Outcome {
    if !x.is_finite() {
        return Outcome::Value(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Outcome::Domain
        } else {
            Outcome::Value(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Outcome::Value(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        Outcome::Range
    } else {
        Outcome::Value(r)
    }
}

/// Runs a special function on a real argument, raising CPython's errors.
fn apply(vm: &mut Vm, arg: &Value, f: fn(f64) -> Outcome) -> PyResult<Value> {
    let x = to_f64(vm, arg)?;
    match f(x) {
        Outcome::Value(r) => Ok(Value::from_f64(r)),
        Outcome::Range => Err(range_error(vm)),
        Outcome::Domain => {
            let shown = vm.repr_string(&Value::from_f64(x))?;
            Err(vm.value_error(&format!(
                "expected a noninteger or positive integer, got {shown}"
            )))
        }
    }
}

/// The special functions.
pub const FUNCTIONS: &[MethodDef] = &[
    method("gamma", "(x, /)", |vm, args| {
        apply(vm, args.required(0), gamma)
    }),
    method("lgamma", "(x, /)", |vm, args| {
        apply(vm, args.required(0), lgamma)
    }),
    method("erf", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        Ok(Value::from_f64(libm::erf(x)))
    }),
    method("erfc", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        Ok(Value::from_f64(libm::erfc(x)))
    }),
];
