//! `complex`: a pair of floats on the heap. Arithmetic follows CPython
//! 3.14's `complexobject.c`: mixed-mode operations with a real operand keep
//! the other part untouched (C99 Annex G), products and quotients recover
//! infinities that the textbook formulas turn into NaNs, small integral
//! powers multiply by repeated squaring; `complex()` parses CPython's string
//! forms; `repr` is `krait_syntax::pyrepr`'s.

use crate::builtins::descriptors::{GetSetDef, readonly};
use crate::builtins::float::{as_float, float_value, fresh_nan};
use crate::builtins::int::is_int;
use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::numeric_text::{to_ascii_number, underscores_between_digits};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, CompareOp, UnaryOp};
use crate::value::Value;

/// The payload of a `complex`.
pub struct Complex {
    /// The real part.
    pub re: f64,
    /// The imaginary part.
    pub im: f64,
}

/// A complex number as a pair.
pub type C64 = (f64, f64);

impl Vm {
    /// A new `complex` value.
    pub fn new_complex(&mut self, re: f64, im: f64) -> PyResult<Value> {
        let c = self.alloc(&self.types.complex.clone(), Complex { re, im })?;
        Ok(Value::from_object(c.into_obj()))
    }
}

/// The parts of a `complex` value.
pub fn as_complex(v: &Value) -> Option<C64> {
    let c = v.as_object()?.downcast::<Complex>()?;
    Some((c.re, c.im))
}

/// An operand of complex arithmetic.
enum Operand {
    Real(f64),
    Complex(C64),
}

fn operand(vm: &mut Vm, v: &Value) -> PyResult<Option<Operand>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(Operand::Complex(c)));
    }
    Ok(as_float(vm, v)?.map(Operand::Real))
}

/// `a * b` with C99 Annex G's recovery of infinities.
pub fn c_prod(a: C64, b: C64) -> C64 {
    let (ar, ai) = a;
    let (br, bi) = b;
    let (ac, bd, ad, bc) = (ar * br, ai * bi, ar * bi, ai * br);
    let (x, y) = (ac - bd, ad + bc);
    if !(x.is_nan() && y.is_nan()) {
        return (x, y);
    }
    let (mut ar, mut ai, mut br, mut bi) = (ar, ai, br, bi);
    let mut recalc = false;
    let boxed = |v: f64| if v.is_infinite() { 1.0f64 } else { 0.0 };
    let zero_nan = |v: f64| if v.is_nan() { 0.0f64.copysign(v) } else { v };
    if ar.is_infinite() || ai.is_infinite() {
        ar = boxed(ar).copysign(ar);
        ai = boxed(ai).copysign(ai);
        br = zero_nan(br);
        bi = zero_nan(bi);
        recalc = true;
    }
    if br.is_infinite() || bi.is_infinite() {
        br = boxed(br).copysign(br);
        bi = boxed(bi).copysign(bi);
        ar = zero_nan(ar);
        ai = zero_nan(ai);
        recalc = true;
    }
    if !recalc && (ac.is_infinite() || bd.is_infinite() || ad.is_infinite() || bc.is_infinite()) {
        ar = zero_nan(ar);
        ai = zero_nan(ai);
        br = zero_nan(br);
        bi = zero_nan(bi);
        recalc = true;
    }
    if recalc {
        (
            f64::INFINITY * (ar * br - ai * bi),
            f64::INFINITY * (ar * bi + ai * br),
        )
    } else {
        (x, y)
    }
}

/// `a / b` by Smith's algorithm with Annex G's recovery; `None` when `b`
/// is zero.
pub fn c_quot(a: C64, b: C64) -> Option<C64> {
    let (ar, ai) = a;
    let (br, bi) = b;
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    let (x, y) = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    } else {
        (f64::NAN, f64::NAN)
    };
    if !(x.is_nan() && y.is_nan()) {
        return Some((x, y));
    }
    let boxed = |v: f64| (if v.is_infinite() { 1.0 } else { 0.0f64 }).copysign(v);
    if (ar.is_infinite() || ai.is_infinite()) && br.is_finite() && bi.is_finite() {
        let (ar, ai) = (boxed(ar), boxed(ai));
        return Some((
            f64::INFINITY * (ar * br + ai * bi),
            f64::INFINITY * (ai * br - ar * bi),
        ));
    }
    if (abs_br.is_infinite() || abs_bi.is_infinite()) && ar.is_finite() && ai.is_finite() {
        let (br, bi) = (boxed(br), boxed(bi));
        return Some((0.0 * (ar * br + ai * bi), 0.0 * (ai * br - ar * bi)));
    }
    Some((x, y))
}

/// `r / b` for a real numerator (the imaginary zero never enters the
/// arithmetic); `None` when `b` is zero.
fn rc_quot(r: f64, b: C64) -> Option<C64> {
    let (br, bi) = b;
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Some((r / denom, (-r * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Some(((r * ratio) / denom, -r / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a complex power failed.
enum PowError {
    ZeroToNegative,
    Overflow,
}

fn c_powu(x: C64, n: u64) -> C64 {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut n = n;
    while n > 0 {
        if n & 1 == 1 {
            r = c_prod(r, p);
        }
        n >>= 1;
        if n > 0 {
            p = c_prod(p, p);
        }
    }
    r
}

fn c_pow(a: C64, b: C64) -> Result<C64, PowError> {
    let r = if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::ZeroToNegative);
        }
        (0.0, 0.0)
    } else if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            c_quot((1.0, 0.0), c_powu(a, n.unsigned_abs())).unwrap_or((f64::NAN, f64::NAN))
        }
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PowError::Overflow);
    }
    Ok(r)
}

/// `a ** b` as a `complex` value, with CPython's errors.
pub fn complex_pow_values(vm: &mut Vm, a: C64, b: C64) -> PyResult<Value> {
    match c_pow(a, b) {
        Ok((re, im)) => vm.new_complex(re, im),
        Err(PowError::ZeroToNegative) => {
            Err(vm.zero_division("zero to a negative or complex power"))
        }
        Err(PowError::Overflow) => Err(vm.overflow_error("complex exponentiation")),
    }
}

fn complex_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(vm.not_implemented());
    };
    use Operand::{Complex as C, Real as R};
    let result = match (op, x, y) {
        (BinOp::Add, C(p), C(q)) => (p.0 + q.0, p.1 + q.1),
        (BinOp::Add, C(p), R(r)) => (p.0 + r, p.1),
        (BinOp::Add, R(r), C(q)) => (r + q.0, q.1),
        (BinOp::Sub, C(p), C(q)) => (p.0 - q.0, p.1 - q.1),
        (BinOp::Sub, C(p), R(r)) => (p.0 - r, p.1),
        (BinOp::Sub, R(r), C(q)) => (r - q.0, -q.1),
        (BinOp::Mul, C(p), C(q)) => c_prod(p, q),
        (BinOp::Mul, C(p), R(r)) | (BinOp::Mul, R(r), C(p)) => (p.0 * r, p.1 * r),
        (BinOp::TrueDiv, x, y) => {
            let q = match (x, y) {
                (C(p), C(q)) => c_quot(p, q),
                (C(p), R(r)) => (r != 0.0).then(|| (p.0 / r, p.1 / r)),
                (R(r), C(q)) => rc_quot(r, q),
                (R(_), R(_)) => return Ok(vm.not_implemented()),
            };
            match q {
                Some(q) => q,
                None => return Err(vm.zero_division("division by zero")),
            }
        }
        (BinOp::Pow, x, y) => {
            let whole = |o: Operand| match o {
                C(c) => c,
                R(r) => (r, 0.0),
            };
            return complex_pow_values(vm, whole(x), whole(y));
        }
        _ => return Ok(vm.not_implemented()),
    };
    vm.new_complex(result.0, result.1)
}

fn complex_unary(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    let Some((re, im)) = as_complex(v) else {
        return Err(vm.type_error("descriptor requires a 'complex' object".into()));
    };
    match op {
        UnaryOp::Neg => vm.new_complex(-re, -im),
        UnaryOp::Pos => vm.new_complex(re, im),
        UnaryOp::Abs => {
            let r = if re.is_infinite() || im.is_infinite() {
                f64::INFINITY
            } else if re.is_nan() || im.is_nan() {
                f64::NAN
            } else {
                re.hypot(im)
            };
            if r.is_infinite() && re.is_finite() && im.is_finite() {
                return Err(vm.overflow_error("absolute value too large"));
            }
            Ok(Value::from_f64(r))
        }
        UnaryOp::Invert => Err(vm.type_error("bad operand type for unary ~: 'complex'".into())),
    }
}

fn complex_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let Some((re, im)) = as_complex(a) else {
        return Ok(vm.not_implemented());
    };
    let equal = if let Some((br, bi)) = as_complex(b) {
        re == br && im == bi
    } else if let Some(f) = float_value(b) {
        re == f && im == 0.0
    } else if is_int(b) {
        im == 0.0
            && crate::builtins::float::compare_float_int(re, b) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
}

/// Installs `complex`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.number.set(Some(complex_number));
    t.slots.unary.set(Some(complex_unary));
    t.slots.richcompare.set(Some(complex_richcompare));
    t.slots.repr.set(Some(|vm, v| {
        let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
        vm.new_str(&krait_syntax::pyrepr::complex_repr(re, im))
    }));
    t.slots.hash.set(Some(|_vm, v| {
        let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
        let identity = v.as_object().map_or(0, |o| o.address());
        Ok(crate::hash::hash_complex(re, im, identity))
    }));
    t.slots.bool.set(Some(|_vm, v| {
        Ok(as_complex(v).is_some_and(|(re, im)| re != 0.0 || im != 0.0))
    }));
    t.slots.new.set(Some(complex_new));
}

/// The data attributes of `complex`: read-only members in CPython
/// (assigning one says "readonly attribute").
pub const GETSETS: &[GetSetDef] = &[
    readonly("real", |_vm, v| {
        Ok(Value::from_f64(as_complex(v).map_or(0.0, |(re, _)| re)))
    }),
    readonly("imag", |_vm, v| {
        Ok(Value::from_f64(as_complex(v).map_or(0.0, |(_, im)| im)))
    }),
];

/// `complex(real=0, imag=0)`.
fn complex_new(
    vm: &mut Vm,
    _cls: &crate::types::TypeRef,
    args: &[Value],
    kw: Option<&crate::object::Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let a = crate::static_signature!("(real=0, imag=0)").bind(vm, "complex", args, kw)?;
    let (real, imag) = (a.get(0).cloned(), a.get(1).cloned());
    let Some(real) = real else {
        return match imag {
            None => vm.new_complex(0.0, 0.0),
            Some(i) => {
                let (ir, ii) = part(vm, &i, "imag")?;
                vm.new_complex(ii.map_or(0.0, |i| 0.0 - i), ir)
            }
        };
    };
    if let Some(s) = vm.as_str(&real).cloned() {
        if imag.is_some() {
            let tn = vm.type_name(&real);
            return Err(vm.type_error(format!(
                "complex() argument 'real' must be a real number, not {tn}"
            )));
        }
        return match parse_complex(&s.as_lossy()) {
            Ok((re, im)) => vm.new_complex(re, im),
            Err(bad_underscores) => Err(if bad_underscores {
                let r = vm.repr_string(&real)?;
                vm.value_error(&format!("could not convert string to complex: {r}"))
            } else {
                vm.value_error("complex() arg is a malformed string")
            }),
        };
    }
    let Some(imag) = imag else {
        // An instance of a complex subclass converts through its
        // `__complex__`, which it may override.
        if as_complex(&real).is_some()
            && !vm.type_of(&real).same(&vm.types.complex)
            && let Some(f) = vm.lookup_special(&real, "__complex__")
        {
            let r = vm.call(&f, &[], None)?;
            let (re, im) = complex_result(vm, &r)?;
            return vm.new_complex(re, im);
        }
        return match to_complex_parts(vm, &real)? {
            Some((re, im)) => vm.new_complex(re, im),
            None => {
                let tn = vm.type_name(&real);
                Err(vm.type_error(format!(
                    "complex() argument must be a string or a number, not {tn}"
                )))
            }
        };
    };
    // real + imag*1j, where only complex arguments contribute to the other
    // part (so `complex(0, -0.0)` keeps its negative zero).
    let (rr, ri) = part(vm, &real, "real")?;
    let (ir, ii) = part(vm, &imag, "imag")?;
    let re = match ii {
        Some(ii) => rr - ii,
        None => rr,
    };
    let im = match ri {
        Some(ri) => ir + ri,
        None => ir,
    };
    vm.new_complex(re, im)
}

/// One argument of `complex(real, imag)`: its real part, and its imaginary
/// part if it is a complex number.
fn part(vm: &mut Vm, v: &Value, name: &str) -> PyResult<(f64, Option<f64>)> {
    if let Some((re, im)) = as_complex(v) {
        // Deprecated since 3.14, as in CPython.
        let tn = vm.type_name(v);
        crate::builtins::str::codec_registry::warn(
            vm,
            crate::builtins::exceptions::ExcKind::DeprecationWarning,
            &format!("complex() argument '{name}' must be a real number, not {tn}"),
        )?;
        return Ok((re, Some(im)));
    }
    // A float subclass may override `__float__`.
    if v.as_object().is_some() && float_value(v).is_some() {
        let f = vm.to_float(v)?;
        return Ok((float_value(&f).unwrap_or(0.0), None));
    }
    match to_complex_parts(vm, v)? {
        Some((re, im)) if vm.as_str(v).is_none() => {
            Ok((re, (im != 0.0 || im.is_sign_negative()).then_some(im)))
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "complex() argument '{name}' must be a real number, not {tn}"
            )))
        }
    }
}

/// The value of what a `__complex__` method returned: a complex, or (with a
/// `DeprecationWarning`, as CPython) an instance of a complex subclass.
fn complex_result(vm: &mut Vm, r: &Value) -> PyResult<C64> {
    let tn = vm.type_name(r);
    let Some(c) = as_complex(r) else {
        return Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")));
    };
    if !vm.type_of(r).same(&vm.types.complex) {
        crate::builtins::str::codec_registry::warn(
            vm,
            crate::builtins::exceptions::ExcKind::DeprecationWarning,
            &format!(
                "__complex__ returned non-complex (type {tn}).  The ability to return an \
                 instance of a strict subclass of complex is deprecated, and may be removed \
                 in a future version of Python."
            ),
        )?;
    }
    Ok(c)
}

/// `v` as a complex pair through `complex`, `__complex__`, `__float__` or
/// `__index__`; `None` if it is none of those.
pub fn to_complex_parts(vm: &mut Vm, v: &Value) -> PyResult<Option<C64>> {
    if let Some(c) = as_complex(v) {
        return Ok(Some(c));
    }
    if v.as_object().is_some()
        && let Some(f) = vm.lookup_special(v, "__complex__")
    {
        let r = vm.call(&f, &[], None)?;
        return complex_result(vm, &r).map(Some);
    }
    if let Some(f) = as_float(vm, v)? {
        return Ok(Some((f, 0.0)));
    }
    if v.as_object().is_none() {
        return Ok(None);
    }
    if vm.lookup_special(v, "__float__").is_some() || vm.lookup_special(v, "__index__").is_some() {
        let f = vm.to_float(v)?;
        return Ok(f.as_f64().map(|f| (f, 0.0)));
    }
    Ok(None)
}

/// Reads a float at the start of `s` (sign, digits, point, exponent, or
/// `inf`/`infinity`/`nan`): its value and length.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    for word in ["infinity", "inf", "nan"] {
        if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()) {
            let negative = s.first() == Some(&b'-');
            let v = if word == "nan" {
                fresh_nan(negative)
            } else if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
            return Some((v, i + word.len()));
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let whole = digits(&mut i);
    let mut frac = 0;
    if s.get(i) == Some(&b'.') {
        i += 1;
        frac = digits(&mut i);
    }
    if whole == 0 && frac == 0 {
        return None;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    Some((text.parse().ok()?, i))
}

/// Parses `complex(text)`: `Err(true)` when underscores are misplaced,
/// `Err(false)` for any other malformed string.
pub fn parse_complex(text: &str) -> Result<C64, bool> {
    let ascii = to_ascii_number(text);
    if ascii.contains('_') && !underscores_between_digits(&ascii, |c| c.is_ascii_digit()) {
        return Err(true);
    }
    let clean: String = ascii.chars().filter(|&c| c != '_').collect();
    let mut s = clean.as_str();
    if let Some(inner) = s.strip_prefix('(') {
        let Some(inner) = inner.strip_suffix(')') else {
            return Err(false);
        };
        s = inner.trim_matches(crate::builtins::numeric_text::is_python_space);
    }
    let b = s.as_bytes();
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (first, n) = match float_prefix(b) {
        Some(x) => x,
        None => {
            // A bare `j`, `+j` or `-j`.
            return match b {
                [j] if is_j(Some(j)) => Ok((0.0, 1.0)),
                [b'+', j] if is_j(Some(j)) => Ok((0.0, 1.0)),
                [b'-', j] if is_j(Some(j)) => Ok((0.0, -1.0)),
                _ => Err(false),
            };
        }
    };
    let rest = &b[n..];
    match rest {
        [] => Ok((first, 0.0)),
        [j] if is_j(Some(j)) => Ok((0.0, first)),
        [sign @ (b'+' | b'-'), tail @ ..] => {
            let (imag, m) = match float_prefix(rest) {
                Some(x) => x,
                None if tail.len() == 1 && is_j(tail.first()) => {
                    (if *sign == b'-' { -1.0 } else { 1.0 }, 1)
                }
                None => return Err(false),
            };
            match &rest[m..] {
                [j] if is_j(Some(j)) => Ok((first, imag)),
                _ => Err(false),
            }
        }
        _ => Err(false),
    }
}

fn this(args: &Args) -> C64 {
    as_complex(args.this()).unwrap_or((0.0, 0.0))
}

/// `format(complex, spec)`.
pub fn format_complex(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    let (re, im) = as_complex(v).unwrap_or((0.0, 0.0));
    if spec.is_empty() {
        return vm.str(v);
    }
    crate::builtins::format::format_complex_spec(vm, re, im, spec)
}

/// `complex`'s methods.
pub const METHODS: &[MethodDef] = &[
    crate::builtins::native::classmethod("from_number", "(cls, number, /)", |vm, args| {
        crate::builtins::float::from_number(vm, args, true)
    }),
    method("conjugate", "(self, /)", |vm, args| {
        let (re, im) = this(args);
        vm.new_complex(re, -im)
    }),
    method("__complex__", "(self, /)", |vm, args| {
        let (re, im) = this(args);
        vm.new_complex(re, im)
    }),
    method("__getnewargs__", "(self, /)", |vm, args| {
        let (re, im) = this(args);
        vm.new_tuple(vec![Value::from_f64(re), Value::from_f64(im)])
    }),
    method("__format__", "(self, format_spec, /)", |vm, args| {
        let spec = match vm.as_str(args.required(1)) {
            Some(s) => s.as_lossy().into_owned(),
            None => {
                let tn = vm.type_name(args.required(1));
                return Err(vm.type_error(format!("__format__() argument must be str, not {tn}")));
            }
        };
        let v = args.this().clone();
        format_complex(vm, &v, &spec)
    }),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        assert_eq!(parse_complex("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(parse_complex(" ( 1+2j ) "), Ok((1.0, 2.0)));
        assert_eq!(parse_complex("-j"), Ok((0.0, -1.0)));
        assert_eq!(parse_complex("1-J"), Ok((1.0, -1.0)));
        assert_eq!(parse_complex("1e-3-2.5e+2J"), Ok((0.001, -250.0)));
        assert_eq!(parse_complex("1.j"), Ok((0.0, 1.0)));
        assert_eq!(parse_complex("1+2"), Err(false));
        assert_eq!(parse_complex("1 + 2j"), Err(false));
        assert_eq!(parse_complex("1j+2"), Err(false));
        assert_eq!(parse_complex("1__0"), Err(true));
        assert_eq!(parse_complex("(1+2j"), Err(false));
    }

    #[test]
    fn annex_g_products() {
        let inf = f64::INFINITY;
        let (re, im) = c_prod((inf, f64::NAN), (0.0, 1.0));
        assert!(re.is_nan() && im == inf);
        assert_eq!(c_quot((1.0, 0.0), (1.0, 2.0)), Some((0.2, -0.4)));
        assert_eq!(c_quot((1.0, 1.0), (0.0, 0.0)), None);
    }
}
