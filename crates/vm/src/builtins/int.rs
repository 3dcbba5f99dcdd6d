//! `int` and `bool`. Integers within 50 bits are inline values; the rest
//! are heap objects with a [`BigInt`] payload (a machine word within 64
//! bits — `crate::value` boxes those transparently — a `num_bigint::BigInt`
//! beyond), and every result is normalised back to inline when it fits, so
//! overflow is transparent. Division and modulo floor as CPython's do; true division is
//! correctly rounded ([`true_divide`]); decimal text conversion obeys the
//! digit limit of `sys.set_int_max_str_digits` ([`set_max_str_digits`]).

use num_bigint::{BigInt as Big, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use crate::builtins::descriptors::{GetSetDef, getter};
use crate::builtins::native::{Args, MethodDef, classmethod, method};
use crate::builtins::numeric_text::{to_ascii_number, underscores_between_digits};
use crate::error::PyResult;
use crate::object::GilCell;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, UnaryOp};
use crate::value::{Unpacked, Value};

/// The payload of an `int` that is not an inline value: one beyond 64
/// bits, a boxed one within 64 bits (see `crate::value`), or an instance
/// of a subclass of `int`. A value within 64 bits is kept as a machine
/// word, so boxing one is a single small allocation.
pub struct BigInt {
    repr: IntRepr,
}

/// How a [`BigInt`] holds its value.
enum IntRepr {
    /// Within 64 bits.
    Word(i64),
    /// Beyond 64 bits.
    Big(Big),
}

impl BigInt {
    /// The payload holding `value`.
    pub fn new(value: Big) -> BigInt {
        let repr = match value.to_i64() {
            Some(word) => IntRepr::Word(word),
            None => IntRepr::Big(value),
        };
        BigInt { repr }
    }

    /// The payload holding `value`.
    pub fn from_i64(value: i64) -> BigInt {
        BigInt {
            repr: IntRepr::Word(value),
        }
    }

    /// The value as a big integer.
    pub fn to_big(&self) -> Big {
        match &self.repr {
            IntRepr::Word(word) => Big::from(*word),
            IntRepr::Big(big) => big.clone(),
        }
    }

    /// The value, if it fits in 64 bits.
    pub fn to_i64(&self) -> Option<i64> {
        match &self.repr {
            IntRepr::Word(word) => Some(*word),
            IntRepr::Big(_) => None,
        }
    }

    /// Whether the value is below zero.
    pub fn is_negative(&self) -> bool {
        match &self.repr {
            IntRepr::Word(word) => *word < 0,
            IntRepr::Big(big) => big.sign() == Sign::Minus,
        }
    }
}

/// CPython's default limit on digits converted to/from decimal text.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero limit `sys.set_int_max_str_digits` accepts.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    static MAX_STR_DIGITS_SLOT: std::cell::UnsafeCell<usize> =
        const { std::cell::UnsafeCell::new(DEFAULT_MAX_STR_DIGITS) };
}
/// The current digit limit (0: unlimited).
static MAX_STR_DIGITS: GilCell<usize> = GilCell::new(&MAX_STR_DIGITS_SLOT);

/// `sys.get_int_max_str_digits()`.
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|n| *n)
}

/// `sys.set_int_max_str_digits(n)`: `Err` carries CPython's `ValueError`
/// message when `n` is neither 0 nor at least 640.
pub fn set_max_str_digits(n: i64) -> Result<(), String> {
    match usize::try_from(n) {
        Ok(n) if n == 0 || n >= MAX_STR_DIGITS_THRESHOLD => {
            MAX_STR_DIGITS.with(|limit| *limit = n);
            Ok(())
        }
        _ => Err(format!(
            "maxdigits must be >= {MAX_STR_DIGITS_THRESHOLD} or 0 for unlimited"
        )),
    }
}

/// The integer value of an `int` or `bool`, as a big integer.
pub fn to_big(v: &Value) -> Option<Big> {
    match v.unpack() {
        Unpacked::Int(i) => Some(Big::from(i)),
        Unpacked::Bool(b) => Some(Big::from(i64::from(b))),
        Unpacked::Object(o) => o.downcast::<BigInt>().map(|b| b.to_big()),
        _ => None,
    }
}

/// The value of an `int` or `bool` as a big integer, borrowed when it is
/// one already (an int beyond 64 bits) and converted otherwise.
pub fn big_operand(v: &Value) -> Option<std::borrow::Cow<'_, Big>> {
    use std::borrow::Cow;
    match v.unpack() {
        Unpacked::Int(i) => Some(Cow::Owned(Big::from(i))),
        Unpacked::Bool(b) => Some(Cow::Owned(Big::from(i64::from(b)))),
        Unpacked::Object(o) => {
            let int = o.downcast::<BigInt>()?;
            Some(match &int.repr {
                IntRepr::Word(word) => Cow::Owned(Big::from(*word)),
                IntRepr::Big(big) => Cow::Borrowed(big),
            })
        }
        _ => None,
    }
}

/// The value of a small `int` or `bool`.
pub fn small(v: &Value) -> Option<i64> {
    match v.unpack() {
        Unpacked::Int(i) => Some(i),
        Unpacked::Bool(b) => Some(i64::from(b)),
        _ => None,
    }
}

/// Whether the value is an `int` (or `bool`).
pub fn is_int(v: &Value) -> bool {
    match v.unpack() {
        Unpacked::Int(_) | Unpacked::Bool(_) => true,
        Unpacked::Object(o) => o.downcast::<BigInt>().is_some(),
        _ => false,
    }
}

impl Vm {
    /// An `int` value from a big integer, inline when it fits.
    pub fn new_int(&mut self, value: Big) -> PyResult<Value> {
        if let Some(small) = value.to_i64().and_then(Value::inline_int) {
            return Ok(small);
        }
        let b = self.alloc(&self.types.int.clone(), BigInt::new(value))?;
        Ok(Value::from_object(b.into_obj()))
    }
}

fn digits_limit_message(count: Option<usize>) -> String {
    let limit = max_str_digits();
    match count {
        Some(n) => format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ),
        None => format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ),
    }
}

/// Decimal text of an int, with CPython's digit limit.
pub fn int_to_decimal(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = small(v) {
        return Ok(i.to_string());
    }
    let b = big_operand(v).unwrap_or_default();
    let limit = max_str_digits();
    // A cheap bound first: bits * log10(2) digits, give or take one.
    if limit > 0 && (b.bits() as f64) * std::f64::consts::LOG10_2 > (limit + 1) as f64 {
        return Err(vm.value_error(&digits_limit_message(None)));
    }
    let text = b.to_string();
    let digits = text.len() - usize::from(b.is_negative());
    if limit > 0 && digits > limit {
        return Err(vm.value_error(&digits_limit_message(None)));
    }
    Ok(text)
}

/// `bin()`/`oct()`/`hex()` text: sign, `0b`/`0o`/`0x` prefix, digits.
pub fn int_to_radix(v: &Value, radix: u32) -> String {
    let b = big_operand(v).unwrap_or_default();
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let sign = if b.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", b.magnitude().to_str_radix(radix))
}

/// `a / b` for integers, correctly rounded (CPython's `long_true_divide`):
/// `None` when the quotient is too large for a float. `b` must not be 0.
pub fn true_divide(a: &Big, b: &Big) -> Option<f64> {
    let negative = a.is_negative() != b.is_negative();
    let signed = |x: f64| if negative { -x } else { x };
    let (a, b) = (a.magnitude(), b.magnitude());
    if a.is_zero() {
        return Some(signed(0.0));
    }
    if a.bits() <= 53 && b.bits() <= 53 {
        let (x, y) = (a.to_f64()?, b.to_f64()?);
        return Some(signed(x / y));
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1024 {
        return None;
    }
    if diff < -1021 - 53 - 1 {
        return Some(signed(0.0));
    }
    // Scale so the integer quotient has 55 or 56 significant bits (fewer
    // for subnormal results), then round it once, half to even, using the
    // remainder as a sticky bit.
    let shift = diff.max(-1021) - 53 - 2;
    let (num, den): (BigUint, BigUint) = if shift >= 0 {
        (a.clone(), b << (shift as usize))
    } else {
        (a << ((-shift) as usize), b.clone())
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64()?;
    let q_bits = i64::from(64 - q.leading_zeros());
    let extra = q_bits.max(-1021 - shift) - 53;
    if extra > 0 {
        // Round half to even on the dropped bits, the remainder sticky.
        let mask = 1u64 << (extra - 1);
        let mut low = q | u64::from(!r.is_zero());
        if low & mask != 0 && low & (3 * mask - 1) != 0 {
            low += mask;
        }
        q = low & !(2 * mask - 1);
    }
    let result = ldexp(q as f64, shift);
    result.is_finite().then(|| signed(result))
}

/// `x * 2**exp` without intermediate overflow or double rounding (`x` is an
/// integer of at most 57 bits that already carries the final precision).
pub fn ldexp(x: f64, exp: i64) -> f64 {
    let mut x = x;
    let mut e = exp;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

/// An int as the nearest float (half to even); `None` when too large.
pub fn big_to_f64(b: &Big) -> Option<f64> {
    if let Some(i) = b.to_i64()
        && i.unsigned_abs() <= 1 << 53
    {
        return Some(i as f64);
    }
    true_divide(b, &Big::one())
}

/// An int value as the nearest float, with CPython's `OverflowError`.
pub fn int_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(i) = small(v) {
        return Ok(i as f64);
    }
    match to_big(v).as_ref().and_then(big_to_f64) {
        Some(f) => Ok(f),
        None => Err(vm.overflow_error("int too large to convert to float")),
    }
}

fn small_op(vm: &mut Vm, a: i64, b: i64, op: BinOp) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
        BinOp::FloorDiv => {
            if b == 0 {
                return Some(Err(vm.zero_division("division by zero")));
            }
            a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b))
        }
        BinOp::Mod => {
            if b == 0 {
                return Some(Err(vm.zero_division("division by zero")));
            }
            if b == -1 {
                Some(0)
            } else {
                Some(a.mod_floor(&b))
            }
        }
        BinOp::TrueDiv => {
            if b == 0 {
                return Some(Err(vm.zero_division("division by zero")));
            }
            if a.unsigned_abs() <= (1 << 53) && b.unsigned_abs() <= (1 << 53) {
                return Some(Ok(Value::from_f64(a as f64 / b as f64)));
            }
            return None;
        }
        BinOp::LShift => {
            if b < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            if a == 0 {
                Some(0)
            } else if b < 63 && a.unsigned_abs() < (1u64 << (62 - b)) {
                Some(a << b)
            } else {
                None
            }
        }
        BinOp::RShift => {
            if b < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            Some(if b >= 64 {
                if a < 0 { -1 } else { 0 }
            } else {
                a >> b
            })
        }
        BinOp::Pow => {
            if b < 0 {
                return None;
            }
            u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
        }
        BinOp::MatMul => return Some(Ok(vm.not_implemented())),
    };
    r.map(|r| Ok(Value::from_i64(r)))
}

/// Results larger than this many bits raise `MemoryError` instead of
/// exhausting memory.
const MAX_RESULT_BITS: u64 = 1 << 32;

/// `int`'s number slot (forward and reflected).
pub fn int_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small(a), small(b))
        && let Some(r) = small_op(vm, x, y, op)
    {
        return r;
    }
    let (Some(x), Some(y)) = (big_operand(a), big_operand(b)) else {
        return Ok(vm.not_implemented());
    };
    // Borrowed where the operand already is a big integer: the arithmetic
    // reads both and builds the result once, where cloning both operands
    // first cost a copy of each (most of `pidigits`' memory traffic).
    let (x, y): (&Big, &Big) = (&x, &y);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            if x.bits() + y.bits() > MAX_RESULT_BITS {
                return Err(vm.memory_error());
            }
            x * y
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            match small_quotient_div_rem(x, y) {
                Some((q, _)) => q,
                None => x.div_floor(y),
            }
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            match small_quotient_div_rem(x, y) {
                Some((_, r)) => r,
                None => x.mod_floor(y),
            }
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return match true_divide(x, y) {
                Some(f) => Ok(Value::from_f64(f)),
                None => Err(vm.overflow_error("integer division result too large for a float")),
            };
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::from_i64(0));
            }
            let Some(n) = y.to_u64().filter(|&n| n < 1 << 62) else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            if n >= MAX_RESULT_BITS {
                return Err(vm.memory_error());
            }
            x << (n as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_u64().filter(|&n| n <= x.bits()) {
                Some(n) => x >> (n as usize),
                None if x.is_negative() => Big::from(-1),
                None => Big::zero(),
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let f = int_to_f64(vm, a)?;
                let g = int_to_f64(vm, b)?;
                if f == 0.0 {
                    return Err(vm.zero_division("zero to a negative power"));
                }
                return crate::builtins::float::float_pow(vm, f, g);
            }
            if x.is_zero() || x.is_one() {
                return vm.new_int(x.clone());
            }
            if *x == Big::from(-1) {
                return Ok(Value::from_i64(if y.is_even() { 1 } else { -1 }));
            }
            let Some(e) = y.to_u32() else {
                return Err(vm.memory_error());
            };
            if x.bits().saturating_mul(u64::from(e)) > MAX_RESULT_BITS {
                return Err(vm.memory_error());
            }
            Pow::pow(x, e)
        }
        BinOp::MatMul => return Ok(vm.not_implemented()),
    };
    vm.new_int(r)
}

/// `x // y` and `x % y` for a non-negative `x` and a positive `y` of more
/// than 64 bits whose quotient fits in 64 bits (`None` otherwise): the
/// quotient is estimated from the operands' top bits, then corrected by
/// at most a few subtractions, each pass linear in the operands' size.
/// The general division (`num-bigint`'s, recursive for large operands)
/// costs several times more there; programs like the digits-of-pi spigot
/// divide numbers of thousands of digits whose quotient is one digit.
fn small_quotient_div_rem(x: &Big, y: &Big) -> Option<(Big, Big)> {
    if x.sign() == Sign::Minus || y.sign() != Sign::Plus {
        return None;
    }
    let (x_bits, y_bits) = (x.bits(), y.bits());
    if y_bits <= 64 || x_bits > y_bits + 62 {
        return None;
    }
    if x_bits < y_bits {
        return Some((Big::zero(), x.clone()));
    }
    // Both shifted right by `shift`: `y_top` has exactly 64 bits, `x_top`
    // at most 126. `x_top / (y_top + 1)` is at most the true quotient
    // (the divisor is rounded up, the dividend down) and falls short of it
    // by at most 2 for a 64-bit top.
    let shift = y_bits - 64;
    let (x_top, y_top) = (
        top_bits(x.magnitude(), shift),
        top_bits(y.magnitude(), shift),
    );
    let mut q = u64::try_from(x_top / (y_top + 1)).ok()?;
    let mut r = x - y * q;
    while r >= *y {
        r -= y;
        q += 1;
    }
    Some((Big::from(q), r))
}

/// `(n >> shift)` for a value known to fit in 128 bits.
fn top_bits(n: &BigUint, shift: u64) -> u128 {
    let (word, bit) = ((shift / 64) as usize, (shift % 64) as u32);
    let mut digits = [0u64; 3];
    for (slot, d) in digits.iter_mut().zip(n.iter_u64_digits().skip(word)) {
        *slot = d;
    }
    let digit = |i: usize| u128::from(digits[i]);
    let low = (digit(0) | (digit(1) << 64)) >> bit;
    let high = if bit == 0 { 0 } else { digit(2) << (128 - bit) };
    low | high
}

/// `pow(base, exp, mod)` for ints (negative exponents invert modulo `mod`).
pub fn int_pow_mod(vm: &mut Vm, base: &Big, exp: &Big, modulus: &Big) -> PyResult<Value> {
    if modulus.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let m = modulus.abs();
    let mut base = base.mod_floor(&m);
    let mut exp = exp.clone();
    if exp.is_negative() {
        let Some(inverse) = mod_inverse(&base, &m) else {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        };
        base = inverse;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &m);
    if modulus.is_negative() && !r.is_zero() {
        r += modulus;
    }
    vm.new_int(r)
}

fn mod_inverse(a: &Big, m: &Big) -> Option<Big> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

fn int_unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    if let Some(i) = small(v) {
        let r = match op {
            UnaryOp::Neg => i.checked_neg(),
            UnaryOp::Pos => Some(i),
            UnaryOp::Invert => Some(!i),
            UnaryOp::Abs => i.checked_abs(),
        };
        if let Some(r) = r {
            return Ok(Value::from_i64(r));
        }
    }
    let x = to_big(v).unwrap_or_default();
    let r = match op {
        UnaryOp::Neg => -x,
        UnaryOp::Pos => x,
        UnaryOp::Invert => -x - 1,
        UnaryOp::Abs => x.abs(),
    };
    vm.new_int(r)
}

/// Compares two ints.
pub fn int_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    if let (Some(x), Some(y)) = (small(a), small(b)) {
        return Some(x.cmp(&y));
    }
    Some(big_operand(a)?.cmp(&big_operand(b)?))
}

/// The hash of an int value.
pub fn int_hash(v: &Value) -> i64 {
    if let Some(i) = small(v) {
        return crate::hash::hash_i64(i);
    }
    let Some(b) = big_operand(v) else {
        return 0;
    };
    let (sign, digits) = b.to_u64_digits();
    crate::hash::hash_big_int(sign == Sign::Minus, &digits)
}

/// Why number text is not an int.
pub enum IntParseError {
    /// Not an integer literal in the base.
    Invalid,
    /// More decimal digits than `sys.get_int_max_str_digits()` allows.
    TooManyDigits(usize),
}

/// Parses `int(text, base)` as CPython does: surrounding whitespace, a sign,
/// a base prefix (required to match for bases 2, 8 and 16, chosen by it for
/// base 0), underscores between digits, digits of any script.
pub fn parse_int(text: &str, base: u32) -> Result<Big, IntParseError> {
    let ascii = to_ascii_number(text);
    let (negative, body) = match ascii.as_bytes().first() {
        Some(b'-') => (true, &ascii[1..]),
        Some(b'+') => (false, &ascii[1..]),
        _ => (false, ascii.as_str()),
    };
    let lower = body.to_ascii_lowercase();
    let prefix_base = |p: &str| match p {
        "0x" => Some(16),
        "0o" => Some(8),
        "0b" => Some(2),
        _ => None,
    };
    let detected = lower.get(..2).and_then(prefix_base);
    let (base, digits, had_prefix) = match (base, detected) {
        (0, Some(b)) => (b, &lower[2..], true),
        (b, Some(p)) if b == p => (b, &lower[2..], true),
        (0, None) => {
            // Base 0 reads decimal, where a leading zero must be all zeros.
            if lower.starts_with('0') && lower.bytes().any(|c| c != b'0' && c != b'_') {
                return Err(IntParseError::Invalid);
            }
            (10, lower.as_str(), false)
        }
        (b, _) => (b, lower.as_str(), false),
    };
    // After a prefix one underscore may precede the first digit.
    let digits = if had_prefix {
        digits.strip_prefix('_').unwrap_or(digits)
    } else {
        digits
    };
    let digit_ok = |c: u8| (c as char).is_digit(base);
    if digits.is_empty()
        || !digits.bytes().all(|c| c == b'_' || digit_ok(c))
        || !underscores_between_digits(digits, digit_ok)
    {
        return Err(IntParseError::Invalid);
    }
    let clean: Vec<u8> = digits.bytes().filter(|&c| c != b'_').collect();
    let limit = max_str_digits();
    if !base.is_power_of_two() && limit > 0 && clean.len() > limit {
        return Err(IntParseError::TooManyDigits(clean.len()));
    }
    let value = Big::parse_bytes(&clean, base).ok_or(IntParseError::Invalid)?;
    Ok(if negative { -value } else { value })
}

/// `int(text, base)` with CPython's error messages (`original` is the str
/// or bytes argument, shown in the message).
pub fn str_to_int(vm: &mut Vm, text: &str, base: u32, original: &Value) -> PyResult<Value> {
    match parse_int(text, base) {
        Ok(b) => vm.new_int(b),
        Err(IntParseError::TooManyDigits(n)) => Err(vm.value_error(&digits_limit_message(Some(n)))),
        Err(IntParseError::Invalid) => {
            let r = vm.repr_string(original)?;
            let shown: String = r.chars().take(200).collect();
            Err(vm.value_error(&format!(
                "invalid literal for int() with base {base}: {shown}"
            )))
        }
    }
}

/// `round(int, ndigits)`: rounds to a multiple of `10**-ndigits`, half to even.
pub fn round_int(vm: &mut Vm, v: &Value, ndigits: i64) -> PyResult<Value> {
    if ndigits >= 0 {
        return vm.new_int(to_big(v).unwrap_or_default());
    }
    let x = to_big(v).unwrap_or_default();
    let Some(k) = u32::try_from(ndigits.unsigned_abs())
        .ok()
        .filter(|&k| u64::from(k) <= x.bits() + 1)
    else {
        return Ok(Value::from_i64(0));
    };
    let p = Big::from(10).pow(k);
    let (q, r) = x.div_mod_floor(&p);
    let twice: Big = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    vm.new_int(q * p)
}

/// Installs `int`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.number.set(Some(int_number));
    t.slots.unary.set(Some(int_unary));
    t.slots.repr.set(Some(|vm, v| {
        let s = int_to_decimal(vm, v)?;
        vm.new_str(&s)
    }));
    t.slots.hash.set(Some(|_vm, v| Ok(int_hash(v))));
    t.slots.bool.set(Some(|_vm, v| {
        Ok(big_operand(v).is_some_and(|b| !b.is_zero()))
    }));
    t.slots
        .richcompare
        .set(Some(|vm, a, b, op| match int_cmp(a, b) {
            Some(o) => Ok(Value::from_bool(op.test(o))),
            None => Ok(vm.not_implemented()),
        }));
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        let sig = crate::static_signature!("(x=0, /, base=10)");
        let a = sig.bind(vm, "int", args, kw)?;
        let Some(base) = a.get(1) else {
            return match a.get(0) {
                Some(x) => vm.to_int(x),
                None => Ok(Value::from_i64(0)),
            };
        };
        let Some(x) = a.get(0) else {
            return Err(vm.type_error("int() missing string argument".into()));
        };
        let base = vm.index_i64(base)?;
        if base != 0 && !(2..=36).contains(&base) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = match vm.as_str(x) {
            Some(s) => s.as_lossy().into_owned(),
            None => match bytes_text(x) {
                Some(t) => t,
                None => {
                    return Err(
                        vm.type_error("int() can't convert non-string with explicit base".into())
                    );
                }
            },
        };
        str_to_int(vm, &text, base as u32, x)
    }));
}

/// The text of a `bytes` or `bytearray` argument to `int()`/`float()` (non-ASCII bytes
/// become characters that fail to parse).
pub fn bytes_text(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    let data = if let Some(b) = o.downcast::<crate::builtins::bytes::Bytes>() {
        b.data.to_vec()
    } else {
        o.downcast::<crate::builtins::bytearray::ByteArray>()?
            .data
            .get()
    };
    Some(
        data.iter()
            .map(|&c| if c.is_ascii() { char::from(c) } else { '?' })
            .collect(),
    )
}

/// Installs `bool`'s slots (on top of `int`'s).
pub fn init_bool_type(t: &TypeObject) {
    init_type(t);
    t.slots.repr.set(Some(|vm, v| {
        let s = if v.as_bool() == Some(true) {
            "True"
        } else {
            "False"
        };
        vm.new_str(s)
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        if let (BinOp::And | BinOp::Or | BinOp::Xor, Some(x), Some(y)) =
            (op, a.as_bool(), b.as_bool())
        {
            return Ok(Value::from_bool(match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            }));
        }
        int_number(vm, a, b, op)
    }));
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        let a = Args::parse_positional(vm, "bool", &["x"], 0, args, kw)?;
        match a.get(0) {
            Some(x) => Ok(Value::from_bool(vm.is_true(x)?)),
            None => Ok(Value::from_bool(false)),
        }
    }));
}

/// The data attributes of `int`, getset descriptors in its dict as in
/// CPython (so assigning one says "not writable").
pub const GETSETS: &[GetSetDef] = &[
    getter("real", plain_int),
    getter("imag", |_vm, _v| Ok(Value::from_i64(0))),
    getter("numerator", plain_int),
    getter("denominator", |_vm, _v| Ok(Value::from_i64(1))),
];

/// The value as an exact `int` (a `bool` becomes 0 or 1).
fn plain_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match small(v) {
        Some(i) => Ok(Value::from_i64(i)),
        None => vm.new_int(to_big(v).unwrap_or_default()),
    }
}

fn byteorder_is_little(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    let Some(s) = vm.as_str(v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {tn}"
        )));
    };
    match &*s.as_lossy() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        Some(v) => vm.is_true(v),
        None => Ok(false),
    }
}

fn int_to_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let x = to_big(args.this()).unwrap_or_default();
    let length = match args.get(1) {
        Some(l) => vm.index_i64(l)?,
        None => 1,
    };
    let little = byteorder_is_little(vm, args.get(2))?;
    let signed = flag(vm, args.get(3))?;
    let Ok(length) = usize::try_from(length) else {
        return Err(vm.value_error("length argument must be non-negative"));
    };
    if x.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        x.to_signed_bytes_le()
    } else {
        x.to_bytes_le().1
    };
    if x.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    if length > 1 << 32 {
        return Err(vm.memory_error());
    }
    let fill = if x.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    vm.new_bytes(bytes)
}

fn int_from_bytes(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let source = args.required(1).clone();
    let data: Vec<u8> = match source
        .as_object()
        .and_then(|o| o.downcast::<crate::builtins::bytes::Bytes>())
    {
        Some(b) => b.data.to_vec(),
        None => {
            if vm.as_str(&source).is_some() {
                return Err(vm.type_error("cannot convert 'str' object to bytes".into()));
            }
            let items = vm.collect_iterable(&source)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                let n = vm.index_i64(item)?;
                match u8::try_from(n) {
                    Ok(b) => out.push(b),
                    Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    let little = byteorder_is_little(vm, args.get(2))?;
    let signed = flag(vm, args.get(3))?;
    let value = match (little, signed) {
        (true, true) => Big::from_signed_bytes_le(&data),
        (true, false) => Big::from_bytes_le(Sign::Plus, &data),
        (false, true) => Big::from_signed_bytes_be(&data),
        (false, false) => Big::from_bytes_be(Sign::Plus, &data),
    };
    let result = vm.new_int(value)?;
    let cls = args.this().clone();
    if cls.as_object().is_some_and(|o| o.is(vm.types.int.as_obj())) {
        return Ok(result);
    }
    vm.call(&cls, &[result], None)
}

/// `int`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("bit_length", "(self, /)", |_vm, args| {
        let b = to_big(args.this()).unwrap_or_default();
        Ok(Value::from_i64(b.bits() as i64))
    }),
    method("bit_count", "(self, /)", |_vm, args| {
        let b = to_big(args.this()).unwrap_or_default();
        let ones: u64 = b
            .magnitude()
            .iter_u64_digits()
            .map(|d| u64::from(d.count_ones()))
            .sum();
        Ok(Value::from_i64(ones as i64))
    }),
    method(
        "to_bytes",
        "(self, /, length=1, byteorder='big', *, signed=False)",
        int_to_bytes,
    ),
    classmethod(
        "from_bytes",
        "(cls, /, bytes, byteorder='big', *, signed=False)",
        int_from_bytes,
    ),
    method("as_integer_ratio", "(self, /)", |vm, args| {
        let n = plain_int(vm, args.this())?;
        vm.new_tuple(vec![n, Value::from_i64(1)])
    }),
    method("is_integer", "(self, /)", |_vm, _args| {
        Ok(Value::from_bool(true))
    }),
    method("conjugate", "(self, /)", |vm, args| {
        plain_int(vm, args.this())
    }),
    method("__trunc__", "(self, /)", |vm, args| {
        plain_int(vm, args.this())
    }),
    method("__floor__", "(self, /)", |vm, args| {
        plain_int(vm, args.this())
    }),
    method("__ceil__", "(self, /)", |vm, args| {
        plain_int(vm, args.this())
    }),
    method("__int__", "(self, /)", |vm, args| {
        plain_int(vm, args.this())
    }),
    method("__index__", "(self, /)", |vm, args| {
        plain_int(vm, args.this())
    }),
    method("__float__", "(self, /)", |vm, args| {
        Ok(Value::from_f64(int_to_f64(vm, args.this())?))
    }),
    method(
        "__round__",
        "(self, ndigits=None, /)",
        |vm, args| match args.get(1).filter(|n| !n.is_none()) {
            None => plain_int(vm, args.this()),
            Some(n) => {
                let n = vm.index_i64_saturating(n)?;
                round_int(vm, args.this(), n)
            }
        },
    ),
    method("__format__", "(self, format_spec, /)", |vm, args| {
        let Some(spec) = vm
            .as_str(args.required(1))
            .map(|s| s.as_lossy().into_owned())
        else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
        };
        match crate::builtins::format::format_number(vm, args.this(), &spec)? {
            Some(r) => Ok(r),
            None => crate::builtins::format::format(vm, args.this(), &spec),
        }
    }),
    method("__getnewargs__", "(self, /)", |vm, args| {
        let n = plain_int(vm, args.this())?;
        vm.new_tuple(vec![n])
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn div(a: &str, b: &str) -> Option<f64> {
        let a: Big = a.parse().unwrap_or_default();
        let b: Big = b.parse().unwrap_or_default();
        true_divide(&a, &b)
    }

    #[test]
    fn true_division_rounds_correctly() {
        assert_eq!(div("1", "3"), Some(1.0 / 3.0));
        assert_eq!(div("-7", "2"), Some(-3.5));
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: even wins.
        assert_eq!(div("9007199254740993", "1"), Some(9007199254740992.0));
        assert_eq!(div("9007199254740995", "1"), Some(9007199254740996.0));
        let big = Big::from(10).pow(400u32);
        assert_eq!(true_divide(&big, &Big::from(3)), None);
        assert_eq!(true_divide(&Big::from(3), &big), Some(0.0));
        assert_eq!(true_divide(&big, &(&big * 4)), Some(0.25));
        // The smallest subnormal: 2**-1074.
        let p = Big::from(2).pow(1074u32);
        assert_eq!(true_divide(&Big::one(), &p), Some(f64::from_bits(1)));
    }

    #[test]
    fn parsing_follows_cpython() {
        let ok = |t: &str, b: u32| parse_int(t, b).ok().map(|v| v.to_string());
        assert_eq!(ok(" -1_000 ", 10).as_deref(), Some("-1000"));
        assert_eq!(ok("0x_ff", 16).as_deref(), Some("255"));
        assert_eq!(ok("0b101", 0).as_deref(), Some("5"));
        assert_eq!(ok("00", 0).as_deref(), Some("0"));
        assert_eq!(ok("0_7", 0), None);
        assert_eq!(ok("0x", 16), None);
        assert_eq!(ok("1__0", 10), None);
        assert_eq!(ok("z", 36).as_deref(), Some("35"));
    }
}
