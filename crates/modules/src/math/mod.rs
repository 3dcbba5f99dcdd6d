//! The `math` module (CPython's `Modules/mathmodule.c`): the C library's
//! functions on floats with CPython's rules for errors — a NaN from a
//! non-NaN argument or a pole is `ValueError` ("math domain error", or the
//! function's own message naming the argument), an infinite result from
//! finite arguments is `OverflowError` ("math range error") — plus
//! `floor`/`ceil`/`trunc` (through `__floor__`/`__ceil__`/`__trunc__`),
//! exact summation (`fsum`), accurate norms (`hypot`, `dist`), and the
//! constants `pi`, `e`, `tau`, `inf`, `nan`.
//!
//! - [`integer`] — `gcd`, `lcm`, `factorial`, `comb`, `perm`, `isqrt`.
//! - [`special`] — `gamma`, `lgamma`, `erf`, `erfc`.
//! - [`libm`] — the C library functions Rust's `f64` does not forward to it.
//! - [`precise`] — error-free sums and products (`fsum`, `sumprod`, norms).

pub mod integer;
pub mod libm;
pub mod precise;
pub mod special;

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::float::as_float;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method, method_1};
use krait_vm::object::Ref;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `math`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    vm.module_add_functions(module, integer::FUNCTIONS)?;
    vm.module_add_functions(module, special::FUNCTIONS)?;
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        vm.module_set(module, name, Value::from_f64(value))?;
    }
    let doc = vm.new_str("Mathematical functions on floats and integers (krait's native math).")?;
    vm.module_set(module, "__doc__", doc)
}

/// A real-number argument as `f64` (CPython's `PyFloat_AsDouble`): a
/// float, an int (`OverflowError` if too large), `__float__`, `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(vm, v)? {
        return Ok(f);
    }
    if let Some(method) = vm.lookup_special(v, "__float__") {
        let result = vm.call(&method, &[], None)?;
        return match result.as_f64() {
            Some(f) => Ok(f),
            None => {
                let (tn, rn) = (vm.type_name(v), vm.type_name(&result));
                Err(vm.type_error(format!("{tn}.__float__ returned non-float (type {rn})")))
            }
        };
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let index = integer::index_big(vm, v)?;
        return match num_traits::ToPrimitive::to_f64(&index).filter(|f| f.is_finite()) {
            Some(f) => Ok(f),
            None => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

/// `repr(x)` of a float, for messages.
fn float_text(vm: &mut Vm, x: f64) -> String {
    vm.repr_string(&Value::from_f64(x))
        .unwrap_or_else(|_| x.to_string())
}

/// "math domain error".
#[cold]
pub fn domain_error(vm: &mut Vm) -> PyErr {
    vm.value_error("math domain error")
}

/// "math range error".
#[cold]
pub fn range_error(vm: &mut Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// How a one-argument function reports a domain error.
#[derive(Clone, Copy)]
enum Domain {
    /// "math domain error".
    Plain,
    /// A message with `{}` replaced by the argument's repr.
    Message(&'static str),
}

/// CPython's `math_1`: applies `f`, a NaN from a non-NaN argument (or an
/// infinity from a finite one, unless the function can overflow) being a
/// domain error, and an infinity from a finite argument otherwise an
/// overflow.
/// Inlined into each function's body so that `f` is a direct call and a
/// float argument is read without a call; errors are built out of line.
#[inline(always)]
fn math_1(
    vm: &mut Vm,
    arg: &Value,
    f: fn(f64) -> f64,
    can_overflow: bool,
    domain: Domain,
) -> PyResult<Value> {
    let x = match arg.as_f64() {
        Some(x) => x,
        None => to_f64(vm, arg)?,
    };
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite() && !can_overflow) {
        return Err(math_1_domain_error(vm, x, domain));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::from_f64(r))
}

/// The error of [`math_1`] for an argument outside `f`'s domain.
#[cold]
#[inline(never)]
fn math_1_domain_error(vm: &mut Vm, x: f64, domain: Domain) -> PyErr {
    match domain {
        Domain::Plain => domain_error(vm),
        Domain::Message(text) => {
            let shown = float_text(vm, x);
            vm.value_error(&text.replace("{}", &shown))
        }
    }
}

/// CPython's `math_2`: a NaN from non-NaN arguments is a domain error, an
/// infinity from finite arguments an overflow.
fn math_2(vm: &mut Vm, args: &Args, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let x = to_f64(vm, args.required(0))?;
    let y = to_f64(vm, args.required(1))?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::from_f64(r))
}

/// `floor`/`ceil`: a float directly, else the special method, else the
/// float value of the argument; the result as an int.
fn rounding(vm: &mut Vm, arg: &Value, special: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = match arg.as_f64() {
        Some(x) => x,
        None => {
            if let Some(method) = vm.lookup_special(arg, special) {
                return vm.call(&method, &[], None);
            }
            to_f64(vm, arg)?
        }
    };
    vm.to_int(&Value::from_f64(f(x)))
}

/// The natural logarithm of an int of any size (CPython's `loghelper`):
/// `expected a positive input` for zero and negatives.
fn log_of_int(vm: &mut Vm, value: &num_bigint::BigInt, f: fn(f64) -> f64) -> PyResult<f64> {
    use num_traits::{Signed, ToPrimitive};
    if !value.is_positive() {
        return Err(vm.value_error("expected a positive input"));
    }
    if let Some(x) = value.to_f64().filter(|x| x.is_finite()) {
        return Ok(f(x));
    }
    // Too large for a float: value == m * 2**e with 0.5 <= m < 1.
    let bits = value.bits();
    let shift = bits.saturating_sub(60);
    let top = (value >> shift).to_f64().unwrap_or(0.0);
    let e = i64::try_from(shift).unwrap_or(i64::MAX) + 60;
    let m = top / 2f64.powi(60);
    Ok(f(m) + f(2.0) * e as f64)
}

/// `log`, `log2`, `log10` of any real number, ints of any size included.
fn log_helper(vm: &mut Vm, arg: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(big) = krait_vm::builtins::int::to_big(arg) {
        return log_of_int(vm, &big, f);
    }
    match math_1(
        vm,
        arg,
        f,
        false,
        Domain::Message("expected a positive input, got {}"),
    ) {
        Ok(v) => Ok(v.as_f64().unwrap_or(f64::NAN)),
        Err(e)
            if vm.exc_matches(&e, ExcKind::OverflowError)
                && vm.lookup_special(arg, "__index__").is_some() =>
        {
            let big = integer::index_big(vm, arg)?;
            log_of_int(vm, &big, f)
        }
        Err(e) => Err(e),
    }
}

/// The C library's `log`, with CPython's special values.
fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if x > 0.0 || x.is_nan() {
        x.log2()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x > 0.0 || x.is_nan() {
        x.log10()
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// `log1p`, exact for -0.0.
fn m_log1p(x: f64) -> f64 {
    if x == 0.0 { x } else { x.ln_1p() }
}

/// IEEE 754 `remainder`: `x - n*y` with `n` the nearest integer to `x/y`
/// (ties to even); always exact.
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        // Compare m with ay - m rather than with ay / 2 (which may be inexact).
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `pow` with CPython's special cases and errors.
fn pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error(vm)
        } else {
            range_error(vm)
        });
    }
    Ok(r)
}

/// `frexp`: mantissa in [0.5, 1) and exponent.
pub fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exponent - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

/// `ldexp(x, e)`: `x * 2**e` correctly rounded (scaling in steps that
/// cannot overflow, and a final step that rounds once, as C's `scalbn`).
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mut n = e.clamp(-3000, 3000);
    let mut y = x;
    let two_1023 = f64::from_bits(0x7FE0_0000_0000_0000);
    // 2**-1022 * 2**53: stays normal, so the last multiplication rounds once.
    let two_m969 = f64::from_bits(0x0360_0000_0000_0000);
    for _ in 0..2 {
        if n > 1023 {
            y *= two_1023;
            n -= 1023;
        } else if n < -1022 {
            y *= two_m969;
            n += 1022 - 53;
        }
    }
    let n = n.clamp(-1022, 1023);
    let scale = f64::from_bits(u64::try_from(0x3FF + n).unwrap_or(0) << 52);
    y * scale
}

const FUNCTIONS: &[MethodDef] = &[
    method_1("sqrt", "(x, /)", |vm, x| {
        math_1(
            vm,
            x,
            f64::sqrt,
            false,
            Domain::Message("expected a nonnegative input, got {}"),
        )
    }),
    method("exp", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::exp, true, Domain::Plain)
    }),
    method("exp2", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::exp2, true, Domain::Plain)
    }),
    method("expm1", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::exp_m1, true, Domain::Plain)
    }),
    method("log1p", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            m_log1p,
            false,
            Domain::Message("expected argument value > -1, got {}"),
        )
    }),
    method("cbrt", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), libm::cbrt, false, Domain::Plain)
    }),
    method("fabs", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::abs, false, Domain::Plain)
    }),
    method("sin", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            f64::sin,
            false,
            Domain::Message("expected a finite input, got {}"),
        )
    }),
    method("cos", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            f64::cos,
            false,
            Domain::Message("expected a finite input, got {}"),
        )
    }),
    method("tan", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            f64::tan,
            false,
            Domain::Message("expected a finite input, got {}"),
        )
    }),
    method("asin", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            f64::asin,
            false,
            Domain::Message("expected a number in range from -1 up to 1, got {}"),
        )
    }),
    method("acos", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            f64::acos,
            false,
            Domain::Message("expected a number in range from -1 up to 1, got {}"),
        )
    }),
    method("atan", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::atan, false, Domain::Plain)
    }),
    method("sinh", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::sinh, true, Domain::Plain)
    }),
    method("cosh", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::cosh, true, Domain::Plain)
    }),
    method("tanh", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), f64::tanh, false, Domain::Plain)
    }),
    method("asinh", "(x, /)", |vm, args| {
        math_1(vm, args.required(0), libm::asinh, false, Domain::Plain)
    }),
    method("acosh", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            libm::acosh,
            false,
            Domain::Message("expected argument value not less than 1, got {}"),
        )
    }),
    method("atanh", "(x, /)", |vm, args| {
        math_1(
            vm,
            args.required(0),
            libm::atanh,
            false,
            Domain::Message("expected a number between -1 and 1, got {}"),
        )
    }),
    method("atan2", "(y, x, /)", |vm, args| {
        math_2(vm, args, f64::atan2)
    }),
    method("copysign", "(x, y, /)", |vm, args| {
        math_2(vm, args, f64::copysign)
    }),
    method("remainder", "(x, y, /)", |vm, args| {
        math_2(vm, args, remainder)
    }),
    method("fmod", "(x, y, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let y = to_f64(vm, args.required(1))?;
        if y.is_infinite() && x.is_finite() {
            return Ok(Value::from_f64(x));
        }
        let r = x % y;
        if r.is_nan() && !x.is_nan() && !y.is_nan() {
            return Err(domain_error(vm));
        }
        Ok(Value::from_f64(r))
    }),
    method("pow", "(x, y, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let y = to_f64(vm, args.required(1))?;
        Ok(Value::from_f64(pow(vm, x, y)?))
    }),
    method("log", "(x, base=None, /)", |vm, args| {
        let num = log_helper(vm, args.required(0), m_log)?;
        let Some(base) = args.get(1) else {
            return Ok(Value::from_f64(num));
        };
        let den = log_helper(vm, base, m_log)?;
        if den == 0.0 {
            return Err(vm.zero_division("division by zero"));
        }
        Ok(Value::from_f64(num / den))
    }),
    method("log2", "(x, /)", |vm, args| {
        Ok(Value::from_f64(log_helper(vm, args.required(0), m_log2)?))
    }),
    method("log10", "(x, /)", |vm, args| {
        Ok(Value::from_f64(log_helper(vm, args.required(0), m_log10)?))
    }),
    method("floor", "(x, /)", |vm, args| {
        rounding(vm, args.required(0), "__floor__", f64::floor)
    }),
    method("ceil", "(x, /)", |vm, args| {
        rounding(vm, args.required(0), "__ceil__", f64::ceil)
    }),
    method("trunc", "(x, /)", |vm, args| {
        let x = args.required(0);
        if x.as_f64().is_some() {
            return vm.to_int(x);
        }
        match vm.lookup_special(x, "__trunc__") {
            Some(method) => vm.call(&method, &[], None),
            None => {
                let tn = vm.type_name(x);
                Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")))
            }
        }
    }),
    method("degrees", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        Ok(Value::from_f64(x * (180.0 / std::f64::consts::PI)))
    }),
    method("radians", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        Ok(Value::from_f64(x * (std::f64::consts::PI / 180.0)))
    }),
    method("isfinite", "(x, /)", |vm, args| {
        Ok(Value::from_bool(to_f64(vm, args.required(0))?.is_finite()))
    }),
    method("isinf", "(x, /)", |vm, args| {
        Ok(Value::from_bool(
            to_f64(vm, args.required(0))?.is_infinite(),
        ))
    }),
    method("isnan", "(x, /)", |vm, args| {
        Ok(Value::from_bool(to_f64(vm, args.required(0))?.is_nan()))
    }),
    method(
        "isclose",
        "(a, b, *, rel_tol=1e-09, abs_tol=0.0)",
        |vm, args| {
            let a = to_f64(vm, args.required(0))?;
            let b = to_f64(vm, args.required(1))?;
            let rel_tol = match args.get(2) {
                Some(v) => to_f64(vm, v)?,
                None => 1e-9,
            };
            let abs_tol = match args.get(3) {
                Some(v) => to_f64(vm, v)?,
                None => 0.0,
            };
            if rel_tol < 0.0 || abs_tol < 0.0 {
                return Err(vm.value_error("tolerances must be non-negative"));
            }
            if a == b {
                return Ok(Value::from_bool(true));
            }
            if a.is_infinite() || b.is_infinite() {
                return Ok(Value::from_bool(false));
            }
            let diff = (b - a).abs();
            Ok(Value::from_bool(
                diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
            ))
        },
    ),
    method("modf", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let (frac, int) = if x.is_infinite() {
            (0.0f64.copysign(x), x)
        } else if x.is_nan() {
            (x, x)
        } else {
            let int = x.trunc();
            ((x - int).copysign(x), int)
        };
        vm.new_tuple(vec![Value::from_f64(frac), Value::from_f64(int)])
    }),
    method("frexp", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let (m, e) = frexp(x);
        vm.new_tuple(vec![Value::from_f64(m), Value::from_i64(e)])
    }),
    method("ldexp", "(x, i, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let Some(exponent) = krait_vm::builtins::int::to_big(args.required(1)) else {
            return Err(vm.type_error("Expected an int as second argument to ldexp.".into()));
        };
        let e = num_traits::ToPrimitive::to_i64(&exponent).unwrap_or(
            if exponent.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            },
        );
        let r = ldexp(x, e);
        if r.is_infinite() && x.is_finite() {
            return Err(range_error(vm));
        }
        Ok(Value::from_f64(r))
    }),
    method("fma", "(x, y, z, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let y = to_f64(vm, args.required(1))?;
        let z = to_f64(vm, args.required(2))?;
        let r = x.mul_add(y, z);
        if r.is_nan() && !x.is_nan() && !y.is_nan() && !z.is_nan() {
            return Err(vm.value_error("invalid operation in fma"));
        }
        if r.is_infinite() && x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(vm.overflow_error("overflow in fma"));
        }
        Ok(Value::from_f64(r))
    }),
    method("nextafter", "(x, y, /, *, steps=None)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        let y = to_f64(vm, args.required(1))?;
        let steps = match args.get(2).filter(|s| !s.is_none()) {
            None => 1,
            Some(s) => {
                let steps = integer::index_big(vm, s)?;
                if steps.sign() == num_bigint::Sign::Minus {
                    return Err(vm.value_error("steps must be a non-negative integer"));
                }
                num_traits::ToPrimitive::to_u64(&steps).unwrap_or(u64::MAX)
            }
        };
        Ok(Value::from_f64(precise::next_after(x, y, steps)))
    }),
    method("ulp", "(x, /)", |vm, args| {
        let x = to_f64(vm, args.required(0))?;
        Ok(Value::from_f64(precise::ulp(x)))
    }),
    method("fsum", "(seq, /)", |vm, args| {
        precise::fsum(vm, args.required(0))
    }),
    method("hypot", "(*coordinates)", |vm, args| {
        let mut values = Vec::with_capacity(args.varargs().len());
        for v in args.varargs().to_vec() {
            values.push(to_f64(vm, &v)?.abs());
        }
        Ok(Value::from_f64(precise::vector_norm(&mut values)))
    }),
    method("dist", "(p, q, /)", |vm, args| {
        let p = vm.collect_iterable(args.required(0))?;
        let q = vm.collect_iterable(args.required(1))?;
        if p.len() != q.len() {
            return Err(vm.value_error("both points must have the same number of dimensions"));
        }
        let mut diffs = Vec::with_capacity(p.len());
        for (a, b) in p.iter().zip(&q) {
            let (a, b) = (to_f64(vm, a)?, to_f64(vm, b)?);
            diffs.push((a - b).abs());
        }
        Ok(Value::from_f64(precise::vector_norm(&mut diffs)))
    }),
    method("prod", "(iterable, /, *, start=1)", |vm, args| {
        let mut result = args.get(1).cloned().unwrap_or(Value::from_i64(1));
        let iterator = vm.iter(args.required(0))?;
        while let Some(item) = vm.next(&iterator)? {
            result = vm.binary_op(&result, &item, krait_vm::types::slots::BinOp::Mul)?;
        }
        Ok(result)
    }),
    method("sumprod", "(p, q, /)", |vm, args| {
        precise::sumprod(vm, args.required(0), args.required(1))
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frexp_and_ldexp_are_inverse() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-3.5), (-0.875, 2));
        assert_eq!(frexp(5e-324), (0.5, -1073));
        assert_eq!(frexp(0.0), (0.0, 0));
        assert_eq!(ldexp(0.5, 4), 8.0);
        assert_eq!(ldexp(0.75, -1073), 1e-323);
        assert_eq!(ldexp(1.0, 10000), f64::INFINITY);
        assert_eq!(ldexp(1.0, -10000), 0.0);
        assert_eq!(ldexp(3.0, -1080), 0.0);
        for x in [1.5, -7.25, 1e-310, 1e300] {
            let (m, e) = frexp(x);
            assert_eq!(ldexp(m, e), x);
        }
    }

    #[test]
    fn remainder_rounds_the_quotient_to_even() {
        assert_eq!(remainder(5.0, 3.0), -1.0);
        assert_eq!(remainder(-5.0, 2.0), -1.0);
        assert_eq!(remainder(7.0, 4.0), -1.0);
        assert_eq!(remainder(6.0, 4.0), -2.0);
        assert_eq!(remainder(3.0, f64::INFINITY), 3.0);
        assert!(remainder(1.0, 0.0).is_nan());
    }
}
