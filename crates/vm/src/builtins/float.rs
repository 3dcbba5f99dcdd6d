//! `float`: an inline value; an instance of a user subclass of `float` is a
//! heap object carrying a [`Float`] payload (plus its instance dict and
//! slots), and every float operation reads the value of either through
//! [`float_value`]. `repr` is `krait_syntax::pyrepr`'s (one
//! home for float repr); arithmetic follows CPython's `floatobject.c`
//! (floor division and modulo with the sign of the divisor, `ZeroDivisionError`
//! and `OverflowError` messages, a complex result for a negative base to a
//! fractional power); comparisons with ints are exact; `round` and the
//! conversions (`as_integer_ratio`, `hex`, `fromhex`) are exact rational
//! arithmetic rounded once.
//!
//! Floats have no object identity, so `is` compares bits
//! (`Vm::is_same`). To keep `float("nan") is float("nan")` false, as in
//! CPython where each call makes a new object, every NaN parsed from text
//! gets a fresh payload ([`fresh_nan`]); copies of one NaN stay identical.

use std::cmp::Ordering;

use num_bigint::BigInt as Big;
use num_integer::Integer;
use num_traits::{One, Pow, Zero};

use crate::builtins::descriptors::{GetSetDef, getter};
use crate::builtins::int::{big_to_f64, is_int, small, to_big, true_divide};
use crate::builtins::native::{MethodDef, classmethod, method};
use crate::builtins::numeric_text::{to_ascii_number, underscores_between_digits};
use crate::error::PyResult;
use crate::object::GilCell;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, CompareOp, UnaryOp};
use crate::value::{Unpacked, Value};

thread_local! {
    static NAN_COUNTER_SLOT: std::cell::UnsafeCell<u64> = const { std::cell::UnsafeCell::new(0) };
}
/// Source of distinct NaN payloads.
static NAN_COUNTER: GilCell<u64> = GilCell::new(&NAN_COUNTER_SLOT);

/// A quiet NaN whose payload differs from every NaN made before (see the
/// file comment).
pub fn fresh_nan(negative: bool) -> f64 {
    const QUIET: u64 = 0x7ff8_0000_0000_0000;
    const PAYLOAD: u64 = 0x0007_ffff_ffff_ffff;
    let n = NAN_COUNTER.with(|c| {
        *c = c.wrapping_add(1);
        *c
    });
    let bits = QUIET | (n & PAYLOAD) | if negative { 1 << 63 } else { 0 };
    f64::from_bits(bits)
}

/// The payload of an instance of a user subclass of `float` (plain floats
/// are inline values and have none).
pub struct Float {
    /// The value.
    pub value: f64,
}

/// The value of a `float` or of an instance of a `float` subclass.
#[inline]
pub fn float_value(v: &Value) -> Option<f64> {
    match v.unpack() {
        Unpacked::Float(f) => Some(f),
        Unpacked::Object(o) => o.downcast::<Float>().map(|f| f.value),
        _ => None,
    }
}

/// A float or int operand as `f64` (`None` if neither; `Err` on overflow).
pub fn as_float(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    match v.unpack() {
        Unpacked::Float(f) => Ok(Some(f)),
        Unpacked::Int(i) => Ok(Some(i as f64)),
        Unpacked::Bool(b) => Ok(Some(f64::from(u8::from(b)))),
        _ if is_int(v) => crate::builtins::int::int_to_f64(vm, v).map(Some),
        _ => Ok(float_value(v)),
    }
}

/// Python's float `%`.
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) { m + b } else { m }
    } else {
        0.0f64.copysign(b)
    }
}

/// Python's float `//`.
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    float_divmod(a, b).0
}

/// Python's `divmod` of floats (CPython's `_float_div_mod`). `b` is not 0.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `x ** y` for floats with CPython's special cases and errors; a negative
/// base to a non-integer power gives a complex result.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::from_f64(1.0));
    }
    if x.is_nan() {
        return Ok(Value::from_f64(x));
    }
    if y.is_nan() {
        return Ok(Value::from_f64(if x == 1.0 { 1.0 } else { y }));
    }
    if x == 0.0 && y < 0.0 && !y.is_infinite() {
        return Err(vm.zero_division("zero to a negative power"));
    }
    if x.is_finite() && x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return crate::builtins::complex::complex_pow_values(vm, (x, 0.0), (y, 0.0));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::from_f64(r))
}

fn float_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if float_value(a).is_none() && float_value(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (as_float(vm, a)?, as_float(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("division by zero"));
            }
            float_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("division by zero"));
            }
            float_mod(x, y)
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => return Ok(vm.not_implemented()),
    };
    Ok(Value::from_f64(r))
}

/// Compares a float with an int exactly (CPython's `float_richcompare`);
/// `None` when the float is NaN.
pub fn compare_float_int(f: f64, i: &Value) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if let Some(n) = small(i)
        && n.unsigned_abs() <= 1 << 53
    {
        return f.partial_cmp(&(n as f64));
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let n = to_big(i)?;
    let whole = f.trunc();
    let whole_big = exact_integer(whole)?;
    match whole_big.cmp(&n) {
        Ordering::Equal => (f - whole).partial_cmp(&0.0),
        other => Some(other),
    }
}

/// The exact integer value of an integral finite float.
pub fn exact_integer(f: f64) -> Option<Big> {
    let (m, e) = decompose(f)?;
    Some(if e >= 0 {
        m << (e as usize)
    } else {
        m >> ((-e) as usize)
    })
}

/// A finite float as `m * 2**e` with an integer `m` (`None` for inf/NaN).
pub fn decompose(f: f64) -> Option<(Big, i64)> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let negative = bits >> 63 != 0;
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    let m = Big::from(m);
    Some((if negative { -m } else { m }, e))
}

fn float_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = float_value(a) else {
        return Ok(vm.not_implemented());
    };
    let ordering = match float_value(b) {
        Some(y) => x.partial_cmp(&y),
        None if is_int(b) => compare_float_int(x, b),
        None => return Ok(vm.not_implemented()),
    };
    Ok(Value::from_bool(match ordering {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    }))
}

/// Installs `float`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.number.set(Some(float_number));
    t.slots.unary.set(Some(|vm, v, op| {
        let x = as_float(vm, v)?.unwrap_or(0.0);
        Ok(Value::from_f64(match op {
            UnaryOp::Neg => -x,
            UnaryOp::Pos => x,
            UnaryOp::Abs => x.abs(),
            UnaryOp::Invert => {
                return Err(vm.type_error("bad operand type for unary ~: 'float'".into()));
            }
        }))
    }));
    t.slots.repr.set(Some(|vm, v| {
        let s = krait_syntax::pyrepr::float_repr(float_value(v).unwrap_or(0.0));
        vm.new_str(&s)
    }));
    t.slots.hash.set(Some(|_vm, v| {
        let f = float_value(v).unwrap_or(0.0);
        // A NaN hashes by identity in CPython; an inline NaN's bits are its
        // identity, a subclass instance's is its address.
        let identity = match v.as_object() {
            _ if !f.is_nan() => 0,
            Some(o) => o.address(),
            None => f.to_bits() as usize,
        };
        Ok(crate::hash::hash_f64(f, identity))
    }));
    t.slots
        .bool
        .set(Some(|_vm, v| Ok(float_value(v).is_some_and(|f| f != 0.0))));
    t.slots.richcompare.set(Some(float_richcompare));
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        if args.len() > 1 && kw.is_none() {
            let n = args.len();
            return Err(vm.type_error(format!("float expected at most 1 argument, got {n}")));
        }
        let sig = crate::static_signature!("(x=0.0, /)");
        let a = sig.bind(vm, "float", args, kw)?;
        match a.get(0) {
            Some(x) => vm.to_float(x),
            None => Ok(Value::from_f64(0.0)),
        }
    }));
}

/// Parses `float(text)` as CPython does (whitespace, underscores between
/// digits, `inf`/`infinity`/`nan` in any case, digits of any script).
pub fn parse_float(text: &str) -> Option<f64> {
    let ascii = to_ascii_number(text);
    let (negative, body) = match ascii.as_bytes().first() {
        Some(b'-') => (true, &ascii[1..]),
        Some(b'+') => (false, &ascii[1..]),
        _ => (false, ascii.as_str()),
    };
    let lower = body.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(fresh_nan(negative)),
        _ => None,
    };
    if let Some(s) = special {
        return Some(if negative && s.is_infinite() { -s } else { s });
    }
    if lower.is_empty()
        || !lower
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_'))
        || !underscores_between_digits(&lower, |c| c.is_ascii_digit())
    {
        return None;
    }
    let clean: String = lower.chars().filter(|&c| c != '_').collect();
    let value: f64 = clean.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// `q = n / d` rounded half to even (`d > 0`).
fn div_round_half_even(n: &Big, d: &Big) -> Big {
    let (q, r) = n.div_mod_floor(d);
    let twice: Big = r * 2;
    match twice.cmp(d) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    }
}

/// `round(x, ndigits)` correctly rounded, half to even on the exact value
/// (CPython's `double_round`): `Err` with CPython's message on overflow.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, &'static str> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let Some((m, e)) = decompose(x) else {
        return Ok(x);
    };
    let two_e = |k: i64| Big::one() << (k as usize);
    let ten = |k: i64| Pow::pow(Big::from(10), k as u32);
    let (num, den) = if e >= 0 {
        (m << (e as usize), Big::one())
    } else {
        (m, two_e(-e))
    };
    let result = if ndigits >= 0 {
        let q = div_round_half_even(&(num * ten(ndigits)), &den);
        true_divide(&q, &ten(ndigits))
    } else {
        let p = ten(-ndigits);
        let q = div_round_half_even(&num, &(den * &p));
        big_to_f64(&(q * p))
    };
    match result {
        Some(r) if r.is_finite() => Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r }),
        _ => Err("rounded value too large to represent"),
    }
}

/// A float to the nearest int, half to even (`round(x)`).
pub fn round_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    float_to_int(vm, x.round_ties_even())
}

/// `int(x)` of a float: truncation, with CPython's errors for inf and NaN.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::from_i64(t as i64));
    }
    let b = exact_integer(t).unwrap_or_default();
    vm.new_int(b)
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (lead, exp) = if exponent == 0 {
        (0, -1022)
    } else {
        (1, exponent - 1023)
    };
    let exp_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{fraction:013x}p{exp_sign}{}", exp.abs())
}

/// `float.fromhex(text)`: `Err((is_overflow, message))`.
pub fn float_fromhex(text: &str) -> Result<f64, (bool, &'static str)> {
    const INVALID: (bool, &str) = (false, "invalid hexadecimal floating-point string");
    const TOO_LARGE: (bool, &str) = (true, "hexadecimal value too large to represent as a float");
    let t = text.trim_matches(crate::builtins::numeric_text::is_python_space);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let signed = |v: f64| if negative { -v } else { v };
    match lower.as_str() {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(fresh_nan(negative)),
        _ => {}
    }
    let rest = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match rest.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    let hex_ok = |s: &str| s.bytes().all(|c| c.is_ascii_hexdigit());
    if (int_part.is_empty() && frac_part.is_empty()) || !hex_ok(int_part) || !hex_ok(frac_part) {
        return Err(INVALID);
    }
    let exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.trim_start_matches(['+', '-']);
            if digits.is_empty()
                || !digits.bytes().all(|c| c.is_ascii_digit())
                || e.len() - digits.len() > 1
            {
                return Err(INVALID);
            }
            let magnitude: i64 = digits.parse().unwrap_or(i64::MAX / 2).min(i64::MAX / 2);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let all_digits = format!("{int_part}{frac_part}");
    let m = Big::parse_bytes(all_digits.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(signed(0.0));
    }
    let e = exp.saturating_sub(4 * frac_part.len() as i64);
    let top = (m.bits() as i64).saturating_add(e);
    if top > 1025 {
        return Err(TOO_LARGE);
    }
    if top < -1080 {
        return Ok(signed(0.0));
    }
    let value = if e >= 0 {
        big_to_f64(&(m << (e as usize)))
    } else {
        true_divide(&m, &(Big::one() << ((-e) as usize)))
    };
    match value {
        Some(v) if v.is_finite() => Ok(signed(v)),
        _ => Err(TOO_LARGE),
    }
}

/// `float.as_integer_ratio()`: the exact value as a reduced fraction.
fn as_integer_ratio(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let Some((m, e)) = decompose(x) else {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    };
    let (n, d) = if m.is_zero() {
        (Big::zero(), Big::one())
    } else if e >= 0 {
        (m << (e as usize), Big::one())
    } else {
        let zeros = m.magnitude().trailing_zeros().unwrap_or(0).min((-e) as u64);
        (
            m >> (zeros as usize),
            Big::one() << ((-e) as u64 - zeros) as usize,
        )
    };
    let n = vm.new_int(n)?;
    let d = vm.new_int(d)?;
    vm.new_tuple(vec![n, d])
}

/// The data attributes of `float`, getset descriptors in its dict as in
/// CPython.
pub const GETSETS: &[GetSetDef] = &[
    getter("real", |_vm, v| {
        Ok(Value::from_f64(float_value(v).unwrap_or(0.0)))
    }),
    getter("imag", |_vm, _v| Ok(Value::from_f64(0.0))),
];

fn this(args: &crate::builtins::native::Args) -> f64 {
    float_value(args.this()).unwrap_or(0.0)
}

/// `float`'s methods.
/// `float.from_number(x)` / `complex.from_number(x)` (`complex` when
/// `complex`): `cls(x)` for a real number (an int, a float, or an object
/// with `__float__` or `__index__`, and for `complex` also `__complex__`),
/// never for a string.
pub(crate) fn from_number(
    vm: &mut Vm,
    args: &crate::builtins::native::Args,
    complex: bool,
) -> PyResult<Value> {
    let (cls, x) = (args.required(0), args.required(1));
    let numeric = crate::builtins::int::is_int(x)
        || float_value(x).is_some()
        || (complex && crate::builtins::complex::as_complex(x).is_some())
        || vm.lookup_special(x, "__float__").is_some()
        || vm.lookup_special(x, "__index__").is_some()
        || (complex && vm.lookup_special(x, "__complex__").is_some());
    let is_text = vm.as_str(x).is_some() || crate::builtins::bytes::bytes_like(x).is_some();
    if !numeric || is_text {
        let tn = vm.type_name(x);
        return Err(vm.type_error(format!("must be real number, not {tn}")));
    }
    vm.call(cls, std::slice::from_ref(x), None)
}

pub const METHODS: &[MethodDef] = &[
    method("is_integer", "(self, /)", |_vm, args| {
        let x = this(args);
        Ok(Value::from_bool(x.is_finite() && x.fract() == 0.0))
    }),
    method("as_integer_ratio", "(self, /)", |vm, args| {
        as_integer_ratio(vm, this(args))
    }),
    method("hex", "(self, /)", |vm, args| {
        vm.new_str(&float_hex(this(args)))
    }),
    classmethod("from_number", "(cls, number, /)", |vm, args| {
        from_number(vm, args, false)
    }),
    classmethod("fromhex", "(cls, string, /)", |vm, args| {
        let Some(s) = vm.as_str(args.required(1)).cloned() else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
        };
        let f = match float_fromhex(&s.as_lossy()) {
            Ok(f) => Value::from_f64(f),
            Err((true, m)) => return Err(vm.overflow_error(m)),
            Err((false, m)) => return Err(vm.value_error(m)),
        };
        // A subclass gets `cls(value)`, as in CPython.
        let cls = args.required(0);
        if cls
            .as_object()
            .is_some_and(|c| c.is(vm.types.float.as_obj()))
        {
            Ok(f)
        } else {
            vm.call(cls, &[f], None)
        }
    }),
    method("conjugate", "(self, /)", |_vm, args| {
        Ok(Value::from_f64(this(args)))
    }),
    method("__trunc__", "(self, /)", |vm, args| {
        float_to_int(vm, this(args))
    }),
    method("__int__", "(self, /)", |vm, args| {
        float_to_int(vm, this(args))
    }),
    method("__floor__", "(self, /)", |vm, args| {
        float_to_int(vm, this(args).floor())
    }),
    method("__ceil__", "(self, /)", |vm, args| {
        float_to_int(vm, this(args).ceil())
    }),
    method("__float__", "(self, /)", |_vm, args| {
        Ok(Value::from_f64(this(args)))
    }),
    method("__round__", "(self, ndigits=None, /)", |vm, args| {
        let x = this(args);
        match args.get(1).filter(|n| !n.is_none()) {
            None => round_to_int(vm, x),
            Some(n) => {
                let n = vm.index_i64_saturating(n)?;
                match round_float(x, n) {
                    Ok(r) => Ok(Value::from_f64(r)),
                    Err(m) => Err(vm.overflow_error(m)),
                }
            }
        }
    }),
    method("__format__", "(self, format_spec, /)", |vm, args| {
        let Some(spec) = vm
            .as_str(args.required(1))
            .map(|s| s.as_lossy().into_owned())
        else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        };
        if spec.is_empty() {
            return vm.str(args.this());
        }
        let plain = Value::from_f64(this(args));
        match crate::builtins::format::format_number(vm, &plain, &spec)? {
            Some(r) => Ok(r),
            None => crate::builtins::format::format(vm, args.this(), &spec),
        }
    }),
    method("__getnewargs__", "(self, /)", |vm, args| {
        vm.new_tuple(vec![Value::from_f64(this(args))])
    }),
    classmethod("__getformat__", "(cls, typestr, /)", |vm, args| {
        let kind = vm
            .as_str(args.required(1))
            .map(|s| s.as_lossy().into_owned());
        match kind.as_deref() {
            Some("double" | "float") => vm.new_str("IEEE, little-endian"),
            _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        }
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        for x in [1.0, 1.5, -0.0, 0.1, 1e300, 5e-324, 1e-310, -2.5] {
            let h = float_hex(x);
            assert_eq!(
                float_fromhex(&h).ok().map(f64::to_bits),
                Some(x.to_bits()),
                "{h}"
            );
        }
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_fromhex("0x0.00000000000008p-1022").ok(), Some(0.0));
        assert!(float_fromhex("0x1.fffffffffffff8p1023").is_err());
        assert!(float_fromhex("0x.p0").is_err());
    }

    #[test]
    fn rounding_is_exact() {
        assert_eq!(round_float(2.675, 2), Ok(2.67));
        assert_eq!(round_float(0.125, 2), Ok(0.12));
        assert_eq!(round_float(0.375, 2), Ok(0.38));
        assert_eq!(round_float(123.456, -1), Ok(120.0));
        assert_eq!(round_float(-123.456, 1), Ok(-123.5));
        assert_eq!(round_float(5e-324, 323), Ok(0.0));
        assert!(round_float(1.7976931348623157e308, -308).is_err());
    }

    #[test]
    fn float_value_reads_inline_floats_only_among_inline_values() {
        assert_eq!(float_value(&Value::from_f64(2.5)), Some(2.5));
        assert_eq!(float_value(&Value::from_i64(2)), None);
        assert_eq!(float_value(&Value::NONE), None);
    }

    #[test]
    fn nan_payloads_differ() {
        let a = fresh_nan(false);
        let b = fresh_nan(false);
        assert!(a.is_nan() && b.is_nan());
        assert_ne!(a.to_bits(), b.to_bits());
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_float(" 1_000.5 "), Some(1000.5));
        assert_eq!(parse_float("1._5"), None);
        assert_eq!(parse_float("1e1_0"), Some(1e10));
        assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("0x10"), None);
        assert_eq!(parse_float("1e"), None);
    }
}
