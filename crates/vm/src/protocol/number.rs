//! The number protocol (CPython's `Objects/abstract.c`, `PyNumber_*`):
//! binary and in-place operators with the forward/reflected dance and the
//! sequence fallbacks (`+` concatenates, `*` repeats) that give CPython's
//! messages, unary operators, three-argument `pow`, `operator.index`, the
//! `int()` and `float()` conversions, and identity (`is`) of inline values.

use num_bigint::BigInt as Big;
use num_traits::ToPrimitive;

use crate::builtins::int::{is_int, to_big};
use crate::error::{PyErr, PyResult};
use crate::runtime::Vm;
use crate::types::flags;
use crate::types::slots::{BinOp, UnaryOp};
use crate::value::{Unpacked, Value};

/// Whether `a is b`. Inline values have no address: two are the same when
/// they are of the same kind with the same bits (a float's NaN payload
/// included, see `builtins/float.rs`).
pub fn is_same(a: &Value, b: &Value) -> bool {
    if a.same_bits(b) {
        return true;
    }
    match (a.unpack(), b.unpack()) {
        (Unpacked::Object(x), Unpacked::Object(y)) => x.is(y),
        (Unpacked::None, Unpacked::None) => true,
        (Unpacked::Bool(x), Unpacked::Bool(y)) => x == y,
        (Unpacked::Int(x), Unpacked::Int(y)) => x == y,
        (Unpacked::Float(x), Unpacked::Float(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

/// The builtin sequence type a class is or derives from, by name, when it
/// concatenates with `+` and repeats with `*` (CPython's `sq_concat` and
/// `sq_repeat`).
fn sequence_kind(vm: &Vm, v: &Value) -> Option<&'static str> {
    vm.type_of(v).mro.with(|mro| {
        mro.iter()
            .filter(|t| !t.has_flag(flags::HEAPTYPE))
            .find_map(|t| match &*t.name {
                "str" => Some("str"),
                "list" => Some("list"),
                "tuple" => Some("tuple"),
                "bytes" => Some("bytes"),
                "bytearray" => Some("bytearray"),
                _ => None,
            })
    })
}

impl Vm {
    /// A binary operator with CPython's forward/reflected protocol.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        // Inline ints and floats only: a boxed one is an object of class
        // `int`/`float`, whose number slot handles it, so objects (user
        // classes above all) do not pay for looking inside.
        if let (Some(x), Some(y)) = (a.as_inline_int(), b.as_inline_int()) {
            let fast = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                _ => None,
            };
            if let Some(r) = fast {
                return Ok(Value::from_i64(r));
            }
        }
        if let (Some(x), Some(y)) = (a.as_inline_float(), b.as_inline_float()) {
            match op {
                BinOp::Add => return Ok(Value::from_f64(x + y)),
                BinOp::Sub => return Ok(Value::from_f64(x - y)),
                BinOp::Mul => return Ok(Value::from_f64(x * y)),
                _ => {}
            }
        }
        let r = self.binary_op1(a, b, op)?;
        if !self.is_not_implemented(&r) {
            return Ok(r);
        }
        self.sequence_fallback(a, b, op, op.symbol())
    }

    /// An in-place operator (`+=`): the in-place slot, then the binary one.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        if let Some(f) = self.sequence_inplace_slot(a) {
            return self.sequence_inplace_op(a, b, op, f);
        }
        if a.as_object().is_some()
            && let Some(f) = self.type_of(a).slots.inplace.get()
        {
            let r = f(self, a, b, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
            let fast = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                _ => None,
            };
            if let Some(r) = fast {
                return Ok(Value::from_i64(r));
            }
        }
        let r = self.binary_op1(a, b, op)?;
        if !self.is_not_implemented(&r) {
            return Ok(r);
        }
        self.sequence_fallback(a, b, op, op.inplace_symbol())
    }

    /// The in-place slot of an exact `list` or `bytearray`: CPython's
    /// `sq_inplace_concat`/`sq_inplace_repeat`, which that type has instead
    /// of number slots (a subclass gets `__iadd__`/`__imul__` as number
    /// slots, tried first as for any class).
    fn sequence_inplace_slot(&self, a: &Value) -> Option<crate::types::slots::NumberFn> {
        let class = a.as_object()?.class();
        if !class.same(&self.types.list) && !class.same(&self.types.bytearray) {
            return None;
        }
        class.slots.inplace.get()
    }

    /// `a op= b` for an exact `list` or `bytearray` `a` in CPython's order:
    /// the right operand's reflected number slot first (`lst += r` asks
    /// `r.__radd__`; the left type has no number slot of its own there),
    /// then the in-place sequence slot `f`, then the sequence errors.
    fn sequence_inplace_op(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        f: crate::types::slots::NumberFn,
    ) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        // The builtin sequences' number slots are CPython's `sq_concat`/
        // `sq_repeat`, which the right operand never offers here.
        let t = &self.types;
        let sequence = [&t.str, &t.bytes, &t.bytearray, &t.list, &t.tuple];
        let reflected = match (ta.slots.number.get(), tb.slots.number.get()) {
            _ if ta.same(tb) || sequence.iter().any(|s| tb.same(s)) => None,
            (Some(x), Some(y)) if std::ptr::fn_addr_eq(x, y) => None,
            (_, y) => y,
        };
        if let Some(g) = reflected {
            self.enter_native()?;
            let r = g(self, a, b, op);
            self.leave_native();
            let r = r?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let r = f(self, a, b, op)?;
        if !self.is_not_implemented(&r) {
            return Ok(r);
        }
        self.sequence_fallback(a, b, op, op.inplace_symbol())
    }

    /// What happens when neither operand implements a binary operator:
    /// sequences concatenate or repeat (CPython's messages when the other
    /// operand does not fit), anything else is "unsupported operand type(s)".
    fn sequence_fallback(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        symbol: &str,
    ) -> PyResult<Value> {
        if op == BinOp::Add
            && let Some(error) = crate::builtins::template::concat_error(self, a, b)
        {
            return Err(error);
        }
        match op {
            BinOp::Add => match sequence_kind(self, a) {
                Some(kind @ ("bytes" | "bytearray")) => {
                    let tn = self.type_name(b);
                    return Err(self.type_error(format!("can't concat {tn} to {kind}")));
                }
                Some(kind) => {
                    let tn = self.type_name(b);
                    return Err(self.type_error(format!(
                        "can only concatenate {kind} (not \"{tn}\") to {kind}"
                    )));
                }
                None => {}
            },
            BinOp::Mul => {
                let (seq, count) = if sequence_kind(self, a).is_some() {
                    (a, b)
                } else if sequence_kind(self, b).is_some() {
                    (b, a)
                } else {
                    return Err(self.binop_type_error(a, b, symbol));
                };
                if self.lookup_special(count, "__index__").is_some() && !is_int(count) {
                    let n = self.index(count)?;
                    return self.binary_op(seq, &n, BinOp::Mul);
                }
                let tn = self.type_name(count);
                return Err(
                    self.type_error(format!("can't multiply sequence by non-int of type '{tn}'"))
                );
            }
            _ => {}
        }
        Err(self.binop_type_error(a, b, symbol))
    }

    fn binop_type_error(&mut self, a: &Value, b: &Value, symbol: &str) -> PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        self.type_error(format!(
            "unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"
        ))
    }

    /// The number slots of both operands, reflected first when the right
    /// operand's type is a subclass of the left's; `NotImplemented` if
    /// neither handles the operator.
    fn binary_op1(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        // The slots and the order are settled before any call, so that no
        // reference to either class is held (nor counted) across them.
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let fa = ta.slots.number.get();
        let fb = if ta.same(tb) {
            None
        } else {
            match (fa, tb.slots.number.get()) {
                (Some(x), Some(y)) if std::ptr::fn_addr_eq(x, y) => None,
                (_, y) => y,
            }
        };
        // The right operand's slot goes first when its class is a subclass
        // of the left's with its own slot.
        let reflected_first = fa.is_some() && fb.is_some() && tb.is_subtype(ta);
        self.enter_native()?;
        let result = self.binary_slots(a, b, op, fa, fb, reflected_first);
        self.leave_native();
        result
    }

    /// The calls of `binary_op1` once its slots and order are known.
    #[inline(always)]
    fn binary_slots(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOp,
        fa: Option<crate::types::slots::NumberFn>,
        fb: Option<crate::types::slots::NumberFn>,
        reflected_first: bool,
    ) -> PyResult<Value> {
        if let Some(f) = fa {
            if reflected_first && let Some(g) = fb {
                let r = g(self, a, b, op)?;
                if !self.is_not_implemented(&r) {
                    return Ok(r);
                }
                return f(self, a, b, op);
            }
            let r = f(self, a, b, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(g) = fb {
            return g(self, a, b, op);
        }
        Ok(self.not_implemented())
    }

    /// A unary operator.
    pub fn unary_op(&mut self, v: &Value, op: UnaryOp) -> PyResult<Value> {
        let t = self.type_of(v).clone();
        let defined = match t.slots.unary.get() {
            // A class only answers the operators whose dunder it defines.
            Some(_) if t.has_flag(flags::HEAPTYPE) => t.lookup(op.dunder()).is_some(),
            Some(_) => true,
            None => false,
        };
        match t.slots.unary.get() {
            Some(f) if defined => f(self, v, op),
            _ => Err(self.type_error(format!(
                "bad operand type for {}: '{}'",
                op.symbol(),
                t.name
            ))),
        }
    }

    /// `pow(base, exp, mod)` with a modulus (`None` for two-argument pow).
    pub fn power(&mut self, base: &Value, exp: &Value, modulus: Option<&Value>) -> PyResult<Value> {
        let Some(m) = modulus.filter(|m| !m.is_none()) else {
            return self.binary_op(base, exp, BinOp::Pow);
        };
        if let (Some(x), Some(y), Some(z)) = (to_big(base), to_big(exp), to_big(m)) {
            return crate::builtins::int::int_pow_mod(self, &x, &y, &z);
        }
        let numeric = |vm: &Vm, v: &Value| {
            is_int(v) || v.as_f64().is_some() || vm.type_of(v).is_subtype(&vm.types.complex)
        };
        let complex = self.types.complex.clone();
        if (self.type_of(base).is_subtype(&complex) || self.type_of(exp).is_subtype(&complex))
            && numeric(self, base)
            && numeric(self, exp)
        {
            return Err(self.value_error("complex modulo"));
        }
        if numeric(self, base) && numeric(self, exp) && numeric(self, m) {
            return Err(self.type_error(
                "pow() 3rd argument not allowed unless all arguments are integers".into(),
            ));
        }
        let args = [exp.clone(), m.clone()];
        if let Some(f) = self.lookup_special(base, "__pow__") {
            let r = self.call(&f, &args, None)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !self.type_of(base).same(self.type_of(exp))
            && let Some(f) = self.lookup_special(exp, "__rpow__")
        {
            let r = self.call(&f, &[base.clone(), m.clone()], None)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let (ta, tb, tc) = (self.type_name(base), self.type_name(exp), self.type_name(m));
        Err(self.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{ta}', '{tb}', '{tc}'"
        )))
    }

    /// `operator.index(v)`: the value as an exact `int`.
    pub fn index(&mut self, v: &Value) -> PyResult<Value> {
        match v.unpack() {
            Unpacked::Int(_) => return Ok(v.clone()),
            Unpacked::Bool(b) => return Ok(Value::from_i64(i64::from(b))),
            _ if is_int(v) => return Ok(v.clone()),
            _ => {}
        }
        let Some(f) = self
            .lookup_special(v, "__index__")
            .filter(|_| v.as_f64().is_none())
        else {
            let tn = self.type_name(v);
            return Err(
                self.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
            );
        };
        let r = self.call(&f, &[], None)?;
        if !is_int(&r) {
            let tn = self.type_name(&r);
            return Err(self.type_error(format!("__index__ returned non-int (type {tn})")));
        }
        match r.as_bool() {
            Some(b) => Ok(Value::from_i64(i64::from(b))),
            None => Ok(r),
        }
    }

    /// `operator.index(v)` as a big integer.
    pub fn index_big(&mut self, v: &Value) -> PyResult<Big> {
        let r = self.index(v)?;
        Ok(to_big(&r).unwrap_or_default())
    }

    /// `operator.index(v)` as a C `Py_ssize_t` (CPython's `OverflowError`
    /// when it does not fit).
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_i64() {
            return Ok(i);
        }
        let r = self.index(v)?;
        match crate::builtins::int::small(&r) {
            Some(i) => Ok(i),
            None => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// `operator.index(v)` clamped to the `i64` range (CPython's
    /// `PyNumber_AsSsize_t(v, NULL)`, for arguments like `ndigits`).
    pub fn index_i64_saturating(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_i64() {
            return Ok(i);
        }
        let b = self.index_big(v)?;
        Ok(b.to_i64()
            .unwrap_or(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }))
    }

    /// `operator.index(v)` for values within 64 bits: `None` if `v` is not
    /// an integer (and has no `__index__`); a larger int is `IndexError`
    /// (the message sequence indexing gives).
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v.unpack() {
            Unpacked::Int(i) => return Ok(Some(i)),
            Unpacked::Bool(b) => return Ok(Some(i64::from(b))),
            Unpacked::Float(_) | Unpacked::None => return Ok(None),
            Unpacked::Object(_) => {}
        }
        if !is_int(v) && self.lookup_special(v, "__index__").is_none() {
            return Ok(None);
        }
        let r = self.index(v)?;
        // An int subclass instance keeps even a small value in a `BigInt`.
        let value = crate::builtins::int::small(&r).or_else(|| {
            r.as_object()
                .and_then(|o| o.downcast::<crate::builtins::int::BigInt>())
                .and_then(|b| b.to_i64())
        });
        match value {
            Some(i) => Ok(Some(i)),
            None => {
                let tn = self.type_name(v);
                Err(self.index_error(&format!("cannot fit '{tn}' into an index-sized integer")))
            }
        }
    }

    /// `int(v)`.
    pub fn to_int(&mut self, v: &Value) -> PyResult<Value> {
        match v.unpack() {
            Unpacked::Int(_) => return Ok(v.clone()),
            Unpacked::Bool(b) => return Ok(Value::from_i64(i64::from(b))),
            Unpacked::Float(f) => return crate::builtins::float::float_to_int(self, f),
            _ if is_int(v) => return Ok(v.clone()),
            _ => {}
        }
        if let Some(s) = self.as_str(v).cloned() {
            return crate::builtins::int::str_to_int(self, &s.as_lossy(), 10, v);
        }
        if let Some(text) = crate::builtins::int::bytes_text(v) {
            return crate::builtins::int::str_to_int(self, &text, 10, v);
        }
        if let Some(f) = self.lookup_special(v, "__int__") {
            let r = self.call(&f, &[], None)?;
            if !is_int(&r) {
                let tn = self.type_name(&r);
                return Err(self.type_error(format!("__int__ returned non-int (type {tn})")));
            }
            return match r.as_bool() {
                Some(b) => Ok(Value::from_i64(i64::from(b))),
                None => Ok(r),
            };
        }
        if self.lookup_special(v, "__index__").is_some() {
            return self.index(v);
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
        )))
    }

    /// `float(v)`.
    pub fn to_float(&mut self, v: &Value) -> PyResult<Value> {
        // An instance of a float subclass goes through its `__float__`,
        // which it may override.
        let float_subclass =
            v.as_f64().is_none() && crate::builtins::float::float_value(v).is_some();
        if !float_subclass && let Some(f) = crate::builtins::float::as_float(self, v)? {
            return Ok(Value::from_f64(f));
        }
        let text = match self.as_str(v) {
            Some(s) => Some(s.as_lossy().into_owned()),
            None => crate::builtins::int::bytes_text(v),
        };
        if let Some(text) = text {
            return match crate::builtins::float::parse_float(&text) {
                Some(f) => Ok(Value::from_f64(f)),
                None => {
                    let r = self.repr_string(v)?;
                    Err(self.value_error(&format!("could not convert string to float: {r}")))
                }
            };
        }
        if let Some(f) = self.lookup_special(v, "__float__") {
            let r = self.call(&f, &[], None)?;
            if r.as_f64().is_some() {
                return Ok(r);
            }
            let (tv, tr) = (self.type_name(v), self.type_name(&r));
            let Some(f) = crate::builtins::float::float_value(&r) else {
                return Err(
                    self.type_error(format!("{tv}.__float__ returned non-float (type {tr})"))
                );
            };
            crate::builtins::str::codec_registry::warn(
                self,
                crate::builtins::exceptions::ExcKind::DeprecationWarning,
                &format!(
                    "{tv}.__float__ returned non-float (type {tr}).  The ability to return an \
                     instance of a strict subclass of float is deprecated, and may be removed \
                     in a future version of Python."
                ),
            )?;
            return Ok(Value::from_f64(f));
        }
        if self.lookup_special(v, "__index__").is_some() {
            let i = self.index(v)?;
            let f = crate::builtins::int::int_to_f64(self, &i)?;
            return Ok(Value::from_f64(f));
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!(
            "float() argument must be a string or a real number, not '{tn}'"
        )))
    }
}
