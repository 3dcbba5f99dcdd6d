//! The integer functions of `math`: `gcd` and `lcm` (any number of
//! arguments), `factorial`, `comb`, `perm` and `isqrt`, exact on ints of
//! any size, with CPython's errors. Arguments go through `__index__`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::{PyResult, Value, Vm};

/// `operator.index(v)` as a big integer.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = krait_vm::builtins::int::to_big(v) {
        return Ok(b);
    }
    if let Some(method) = vm.lookup_special(v, "__index__") {
        let result = vm.call(&method, &[], None)?;
        return match krait_vm::builtins::int::to_big(&result) {
            Some(b) => Ok(b),
            None => {
                let rn = vm.type_name(&result);
                Err(vm.type_error(format!("__index__ returned non-int (type {rn})")))
            }
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
}

/// The product of the integers in `low..=high` (empty: 1), by splitting
/// the range in halves so the multiplications stay balanced.
fn range_product(low: &BigInt, high: &BigInt) -> BigInt {
    if low > high {
        return BigInt::one();
    }
    let span = high - low;
    if span < BigInt::from(16) {
        let mut product = low.clone();
        let mut i = low + 1;
        while &i <= high {
            product *= &i;
            i += 1;
        }
        return product;
    }
    let middle: BigInt = (low + high) >> 1;
    range_product(low, &middle) * range_product(&(middle + 1), high)
}

/// `n!` for a non-negative machine integer.
fn factorial(n: u64) -> BigInt {
    range_product(&BigInt::one(), &BigInt::from(n))
}

/// `math.perm(n, k)` for non-negative `n`, `k` with `k <= n`.
fn perm(n: &BigInt, k: &BigInt) -> BigInt {
    range_product(&(n - k + 1), n)
}

/// The `n` and `k` of `comb`/`perm`, validated as CPython does.
fn n_and_k(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<Option<(BigInt, BigInt)>> {
    let n = index_big(vm, n)?;
    let k = index_big(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(None);
    }
    Ok(Some((n, k)))
}

/// The limit on `min(n - k, k)` and on `factorial`'s argument.
fn max_machine(vm: &mut Vm, value: &BigInt, message: &str) -> PyResult<u64> {
    match value.to_i64() {
        Some(v) => Ok(u64::try_from(v).unwrap_or(0)),
        None => Err(vm.overflow_error(message)),
    }
}

fn int(vm: &mut Vm, value: BigInt) -> PyResult<Value> {
    vm.new_int(value)
}

/// The integer functions.
pub const FUNCTIONS: &[MethodDef] = &[
    method("gcd", "(*integers)", |vm, args| {
        let mut result = BigInt::zero();
        for v in args.varargs().to_vec() {
            let value = index_big(vm, &v)?;
            result = result.gcd(&value);
        }
        int(vm, result)
    }),
    method("lcm", "(*integers)", |vm, args| {
        let mut result = BigInt::one();
        for v in args.varargs().to_vec() {
            let value = index_big(vm, &v)?;
            result = if result.is_zero() || value.is_zero() {
                BigInt::zero()
            } else {
                result.lcm(&value)
            };
        }
        int(vm, result.abs())
    }),
    method("factorial", "(n, /)", |vm, args| {
        let n = index_big(vm, args.required(0))?;
        if n.is_negative() {
            return Err(vm.value_error("factorial() not defined for negative values"));
        }
        let n = max_machine(
            vm,
            &n,
            "factorial() argument should not exceed 9223372036854775807",
        )?;
        int(vm, factorial(n))
    }),
    method("perm", "(n, k=None, /)", |vm, args| {
        let Some(k) = args.get(1).filter(|k| !k.is_none()) else {
            let n = index_big(vm, args.required(0))?;
            if n.is_negative() {
                return Err(vm.value_error("factorial() not defined for negative values"));
            }
            let n = max_machine(
                vm,
                &n,
                "factorial() argument should not exceed 9223372036854775807",
            )?;
            return int(vm, factorial(n));
        };
        let k = k.clone();
        let Some((n, k)) = n_and_k(vm, args.required(0), &k)? else {
            return Ok(Value::from_i64(0));
        };
        max_machine(vm, &k, "k must not exceed 9223372036854775807")?;
        int(vm, perm(&n, &k))
    }),
    method("comb", "(n, k, /)", |vm, args| {
        let Some((n, k)) = n_and_k(vm, args.required(0), args.required(1))? else {
            return Ok(Value::from_i64(0));
        };
        let k = std::cmp::min(k.clone(), &n - &k);
        max_machine(vm, &k, "min(n - k, k) must not exceed 9223372036854775807")?;
        let numerator = perm(&n, &k);
        let denominator = factorial(k.to_u64().unwrap_or(0));
        int(vm, numerator / denominator)
    }),
    method("isqrt", "(n, /)", |vm, args| {
        let n = index_big(vm, args.required(0))?;
        if n.sign() == Sign::Minus {
            return Err(vm.value_error("isqrt() argument must be nonnegative"));
        }
        int(vm, n.sqrt())
    }),
];
