//! `int` and `bool`. Integers that fit in 64 bits are inline values; larger
//! ones are heap objects holding a `num_bigint::BigInt` ([`BigInt`]), and
//! every result is normalised back to inline when it fits, so overflow is
//! transparent. Division and modulo floor as CPython's do.

use num_bigint::BigInt as Big;
use num_integer::Integer;
use num_traits::{Pow, Signed, ToPrimitive, Zero};

use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, UnaryOp};
use crate::value::{Unpacked, Value};

/// The payload of an `int` too large for 64 bits.
pub struct BigInt {
    /// The value (never within `i64`).
    pub value: Big,
}

/// CPython's default limit on digits converted to/from decimal text.
pub const MAX_STR_DIGITS: usize = 4300;

/// The integer value of an `int` or `bool`, as a big integer.
pub fn to_big(v: &Value) -> Option<Big> {
    match v.unpack() {
        Unpacked::Int(i) => Some(Big::from(i)),
        Unpacked::Bool(b) => Some(Big::from(i64::from(b))),
        Unpacked::Object(o) => o.downcast::<BigInt>().map(|b| b.value.clone()),
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
        if let Some(i) = value.to_i64() {
            return Ok(Value::from_i64(i));
        }
        let b = self.alloc(&self.types.int.clone(), BigInt { value })?;
        Ok(Value::from_object(b.into_obj()))
    }
}

/// Decimal text of an int, with CPython's digit limit.
pub fn int_to_decimal(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(i) = small(v) {
        return Ok(i.to_string());
    }
    let b = to_big(v).unwrap_or_default();
    if b.bits() > (MAX_STR_DIGITS as u64) * 3 + 64 || b.abs().to_string().len() > MAX_STR_DIGITS {
        return Err(vm.value_error(&format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(b.to_string())
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
                return Some(Err(vm.zero_division("integer division or modulo by zero")));
            }
            if a == i64::MIN && b == -1 {
                None
            } else {
                Some(Integer::div_floor(&a, &b))
            }
        }
        BinOp::Mod => {
            if b == 0 {
                return Some(Err(vm.zero_division("integer modulo by zero")));
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
            if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                return Some(Ok(Value::from_f64(a as f64 / b as f64)));
            }
            return None;
        }
        BinOp::LShift => {
            if b < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            if b < 63 && a.unsigned_abs() < (1u64 << (62 - b)) {
                Some(a << b)
            } else if a == 0 {
                Some(0)
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

/// `int`'s number slot (forward and reflected).
pub fn int_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (small(a), small(b))
        && let Some(r) = small_op(vm, x, y, op)
    {
        return r;
    }
    let (Some(x), Some(y)) = (to_big(a), to_big(b)) else {
        return Ok(vm.not_implemented());
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            if x.bits() + y.bits() > 1 << 32 {
                return Err(vm.memory_error());
            }
            x * y
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return match (x.to_f64(), y.to_f64()) {
                (Some(f), Some(g)) if f.is_finite() && g.is_finite() => Ok(Value::from_f64(f / g)),
                _ => Err(vm.overflow_error("integer division result too large for a float")),
            };
        }
        BinOp::LShift => {
            let Some(n) = y.to_i64() else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            if n < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if n > 1 << 32 {
                return Err(vm.memory_error());
            }
            x << (n as usize)
        }
        BinOp::RShift => {
            let n = y.to_i64().unwrap_or(i64::MAX);
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if n > 1 << 32 {
                if x.is_negative() {
                    Big::from(-1)
                } else {
                    Big::zero()
                }
            } else {
                x >> (n as usize)
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (Some(f), Some(g)) = (x.to_f64(), y.to_f64()) else {
                    return Err(vm.overflow_error("int too large to convert to float"));
                };
                if f == 0.0 {
                    return Err(vm.zero_division("zero to a negative power"));
                }
                return Ok(Value::from_f64(f.powf(g)));
            }
            let Some(e) = y.to_u32() else {
                return Err(vm.memory_error());
            };
            if x.bits().saturating_mul(u64::from(e)) > 1 << 32 {
                return Err(vm.memory_error());
            }
            Pow::pow(x, e)
        }
        BinOp::MatMul => return Ok(vm.not_implemented()),
    };
    vm.new_int(r)
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
    Some(to_big(a)?.cmp(&to_big(b)?))
}

/// The hash of an int value.
pub fn int_hash(v: &Value) -> i64 {
    if let Some(i) = small(v) {
        return crate::hash::hash_i64(i);
    }
    let b = to_big(v).unwrap_or_default();
    let (sign, digits) = b.to_u64_digits();
    crate::hash::hash_big_int(sign == num_bigint::Sign::Minus, &digits)
}

/// Parses `int(text, base)` as CPython does (underscores, prefixes, spaces).
pub fn parse_int(text: &str, base: u32) -> Option<Big> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (16, r.trim_start_matches('_').to_owned())
            } else if let Some(r) = lower.strip_prefix("0o") {
                (8, r.trim_start_matches('_').to_owned())
            } else if let Some(r) = lower.strip_prefix("0b") {
                (2, r.trim_start_matches('_').to_owned())
            } else {
                if lower.len() > 1
                    && lower.starts_with('0')
                    && !lower.trim_start_matches(['0', '_']).is_empty()
                {
                    return None;
                }
                (10, lower)
            }
        }
        16 => (
            16,
            lower
                .strip_prefix("0x")
                .map(|r| r.trim_start_matches('_').to_owned())
                .unwrap_or(lower),
        ),
        8 => (
            8,
            lower
                .strip_prefix("0o")
                .map(|r| r.trim_start_matches('_').to_owned())
                .unwrap_or(lower),
        ),
        2 => (
            2,
            lower
                .strip_prefix("0b")
                .map(|r| r.trim_start_matches('_').to_owned())
                .unwrap_or(lower),
        ),
        b => (b, lower),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let v = Big::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
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
    t.slots
        .bool
        .set(Some(|_vm, v| Ok(to_big(v).is_some_and(|b| !b.is_zero()))));
    t.slots
        .richcompare
        .set(Some(|vm, a, b, op| match int_cmp(a, b) {
            Some(o) => Ok(Value::from_bool(op.test(o))),
            None => Ok(vm.not_implemented()),
        }));
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        let a = crate::builtins::native::Args::parse(vm, "int", &["x", "base"], 0, args, kw)?;
        let Some(x) = a.get(0) else {
            return Ok(Value::from_i64(0));
        };
        if let Some(base) = a.get(1) {
            let base = vm.index_value(base)?.unwrap_or(10);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let Some(s) = vm.as_str(x).cloned() else {
                return Err(
                    vm.type_error("int() can't convert non-string with explicit base".into())
                );
            };
            return str_to_int(vm, &s.as_lossy(), base as u32, x);
        }
        vm.to_int(x)
    }));
}

/// `int(text, base)` with CPython's error message.
pub fn str_to_int(vm: &mut Vm, text: &str, base: u32, original: &Value) -> PyResult<Value> {
    if text.trim().len() > MAX_STR_DIGITS && base == 10 {
        return Err(vm.value_error(&format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            text.trim().len()
        )));
    }
    match parse_int(text, base) {
        Some(b) => vm.new_int(b),
        None => {
            let r = vm.repr_string(original)?;
            Err(vm.value_error(&format!("invalid literal for int() with base {base}: {r}")))
        }
    }
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
        let a = crate::builtins::native::Args::parse(vm, "bool", &["x"], 0, args, kw)?;
        match a.get(0) {
            Some(x) => Ok(Value::from_bool(vm.is_true(x)?)),
            None => Ok(Value::from_bool(false)),
        }
    }));
}

/// `int`'s methods.
pub const METHODS: &[crate::builtins::native::MethodDef] = &[crate::builtins::native::method(
    "bit_length",
    "(self, /)",
    |_vm, args| {
        let b = to_big(args.this()).unwrap_or_default();
        Ok(Value::from_i64(b.bits() as i64))
    },
)];
