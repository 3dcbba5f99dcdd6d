//! The special functions of `math`: `gamma` and `lgamma` by Lanczos'
//! approximation (N = 13, g ≈ 6.0247, the parameters CPython uses, so the
//! results agree with CPython's to the last bit), with the reflection
//! formula for negative arguments; `erf` and `erfc` from the C library.

use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::{PyResult, Value, Vm};

use super::{libm, range_error, to_f64};

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;

/// Numerator coefficients of the Lanczos sum as a rational function.
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_94,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_39,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_64,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
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

const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;

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
    method("gamma", "(x, /)", |vm, args| apply(vm, args.required(0), gamma)),
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
