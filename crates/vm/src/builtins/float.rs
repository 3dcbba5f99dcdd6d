//! `float`: always an inline value. `repr` is `krait_syntax::pyrepr`'s (one
//! home for float repr); arithmetic follows CPython's `floatobject.c`
//! (floor division and modulo with the sign of the divisor, `ZeroDivisionError`
//! and `OverflowError` messages).

use crate::builtins::int::{is_int, to_big};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, UnaryOp};
use crate::value::{Unpacked, Value};
use num_traits::ToPrimitive;

/// A float or int operand as `f64` (`None` if neither; `Err` on overflow).
pub fn as_float(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    match v.unpack() {
        Unpacked::Float(f) => Ok(Some(f)),
        Unpacked::Int(i) => Ok(Some(i as f64)),
        Unpacked::Bool(b) => Ok(Some(f64::from(u8::from(b)))),
        _ if is_int(v) => match to_big(v).and_then(|b| b.to_f64()).filter(|f| f.is_finite()) {
            Some(f) => Ok(Some(f)),
            None => Err(vm.overflow_error("int too large to convert to float")),
        },
        _ => Ok(None),
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
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

fn float_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if a.as_f64().is_none() && b.as_f64().is_none() {
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
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.zero_division("zero to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return Ok(vm.not_implemented_complex());
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(vm.not_implemented()),
    };
    Ok(Value::from_f64(r))
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
        let s = krait_syntax::pyrepr::float_repr(v.as_f64().unwrap_or(0.0));
        vm.new_str(&s)
    }));
    t.slots.hash.set(Some(|_vm, v| {
        Ok(crate::hash::hash_f64(v.as_f64().unwrap_or(0.0), 0))
    }));
    t.slots
        .bool
        .set(Some(|_vm, v| Ok(v.as_f64().is_some_and(|f| f != 0.0))));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        let (Some(x), Some(y)) = (float_or_int_exact(a), float_or_int_exact(b)) else {
            return Ok(vm.not_implemented());
        };
        Ok(Value::from_bool(match x.partial_cmp(&y) {
            Some(o) => op.test(o),
            None => op == crate::types::slots::CompareOp::Ne,
        }))
    }));
    t.slots.new.set(Some(|vm, _cls, args, kw| {
        let a = crate::builtins::native::Args::parse(vm, "float", &["x"], 0, args, kw)?;
        let Some(x) = a.get(0) else {
            return Ok(Value::from_f64(0.0));
        };
        vm.to_float(x)
    }));
}

fn float_or_int_exact(v: &Value) -> Option<f64> {
    match v.unpack() {
        Unpacked::Float(f) => Some(f),
        Unpacked::Int(i) => Some(i as f64),
        Unpacked::Bool(b) => Some(f64::from(u8::from(b))),
        _ => to_big(v).and_then(|b| b.to_f64()),
    }
}

/// Parses `float(text)` as CPython does.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(s) = special {
        return Some(if neg { -s } else { s });
    }
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// `float`'s methods.
pub const METHODS: &[crate::builtins::native::MethodDef] = &[crate::builtins::native::method(
    "is_integer",
    "(self, /)",
    |_vm, args| {
        Ok(Value::from_bool(
            args.this().as_f64().is_some_and(|f| f.fract() == 0.0),
        ))
    },
)];
