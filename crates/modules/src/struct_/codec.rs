//! Packing values into bytes and unpacking them, code by code, with
//! CPython's conversions and errors: integers through `__index__` and a
//! range check per code, floats through `__float__`/`__index__` (half and
//! single precision refuse finite values too large for them), complex
//! numbers for `F`/`D`, truth values for `?`, bytes for `c`, `s` and `p`.

use krait_vm::builtins::bytearray::ByteArray;
use krait_vm::builtins::bytes::Bytes;
use krait_vm::builtins::complex::to_complex_parts;
use krait_vm::builtins::float::as_float;
use krait_vm::builtins::int::{is_int, small, to_big};
use krait_vm::{PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::format::{ByteOrder, Format, Run};
use super::{half, struct_error};

/// Packs `values` (exactly `format.len` of them) into `out`, which holds
/// `format.size` zero bytes. On an error, the items before the failing one
/// are already in `out` (as CPython leaves them in a `pack_into` buffer).
pub fn pack_values(vm: &mut Vm, format: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut values = values.iter();
    for run in &format.runs {
        if run.is_string() {
            let value = values.next().cloned().unwrap_or(Value::NONE);
            let field = out
                .get_mut(run.offset..run.offset + run.count)
                .unwrap_or_default();
            pack_string(vm, run.code, &value, field)?;
            continue;
        }
        for i in 0..run.count {
            let value = values.next().cloned().unwrap_or(Value::NONE);
            let start = run.offset + i * run.item_size;
            let field = out
                .get_mut(start..start + run.item_size)
                .unwrap_or_default();
            pack_item(vm, format, run, &value, field)?;
        }
    }
    Ok(())
}

/// Unpacks the values of `format` from `data` (at least `format.size`
/// bytes).
pub fn unpack_values(vm: &mut Vm, format: &Format, data: &[u8]) -> PyResult<Vec<Value>> {
    let mut values = Vec::with_capacity(format.len.min(data.len() + 1));
    for run in &format.runs {
        if run.is_string() {
            let field = data
                .get(run.offset..run.offset + run.count)
                .unwrap_or_default();
            values.push(unpack_string(vm, run.code, field)?);
            continue;
        }
        for i in 0..run.count {
            let start = run.offset + i * run.item_size;
            let field = data.get(start..start + run.item_size).unwrap_or_default();
            values.push(unpack_item(vm, format, run.code, field)?);
        }
    }
    Ok(values)
}

/// Writes `s` or `p` string `value` into its whole field.
fn pack_string(vm: &mut Vm, code: u8, value: &Value, field: &mut [u8]) -> PyResult<()> {
    let object = value.as_object();
    let data = if let Some(b) = object.and_then(|o| o.downcast::<Bytes>()) {
        b.data.to_vec()
    } else if let Some(b) = object.and_then(|o| o.downcast::<ByteArray>()) {
        b.data.get()
    } else {
        let message = format!("argument for '{}' must be a bytes object", char::from(code));
        return Err(struct_error(vm, &message));
    };
    if code == b's' {
        let n = data.len().min(field.len());
        field[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    // `p`: a length byte (at most 255), then the bytes that fit.
    let Some((length, rest)) = field.split_first_mut() else {
        return Ok(());
    };
    let n = data.len().min(rest.len());
    rest[..n].copy_from_slice(&data[..n]);
    *length = u8::try_from(n).unwrap_or(u8::MAX);
    Ok(())
}

/// Reads an `s` or `p` string from its whole field.
fn unpack_string(vm: &mut Vm, code: u8, field: &[u8]) -> PyResult<Value> {
    if code == b's' {
        return vm.new_bytes(field.to_vec());
    }
    let Some((&length, rest)) = field.split_first() else {
        return vm.new_bytes(Vec::new());
    };
    let n = usize::from(length).min(rest.len());
    vm.new_bytes(rest[..n].to_vec())
}

/// Writes one item of `run`'s code into `field` (its size).
fn pack_item(
    vm: &mut Vm,
    format: &Format,
    run: &Run,
    value: &Value,
    field: &mut [u8],
) -> PyResult<()> {
    let order = format.order;
    match run.code {
        b'c' => {
            match value.as_object().and_then(|o| o.downcast::<Bytes>()) {
                Some(b) if b.data.len() == 1 => field.copy_from_slice(&b.data),
                _ => {
                    return Err(struct_error(
                        vm,
                        "char format requires a bytes object of length 1",
                    ));
                }
            }
            Ok(())
        }
        b'?' => {
            let truth = vm.is_true(value)?;
            field.fill(0);
            if let Some(first) = field.first_mut() {
                *first = u8::from(truth);
            }
            Ok(())
        }
        b'e' => {
            let x = float_arg(vm, value)?;
            let Some(bits) = half::pack(x) else {
                return Err(vm.overflow_error("float too large to pack with e format"));
            };
            write_uint(field, u64::from(bits), order);
            Ok(())
        }
        b'f' => {
            let x = float_arg(vm, value)?;
            let single = to_single(x);
            if single.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("float too large to pack with f format"));
            }
            write_uint(field, u64::from(single.to_bits()), order);
            Ok(())
        }
        b'd' => {
            let x = float_arg(vm, value)?;
            write_uint(field, x.to_bits(), order);
            Ok(())
        }
        b'F' | b'D' => {
            let (re, im) = complex_arg(vm, value)?;
            let half_size = field.len() / 2;
            let (first, second) = field.split_at_mut(half_size);
            for (part, x) in [(first, re), (second, im)] {
                let bits = if run.code == b'F' {
                    u64::from(to_single(x).to_bits())
                } else {
                    x.to_bits()
                };
                write_uint(part, bits, order);
            }
            Ok(())
        }
        b'P' => {
            let n = match integer_arg(vm, value)? {
                Some(n) if (-(1i128 << 63)..(1i128 << 64)).contains(&n) => n,
                _ if is_int(value) => return Err(struct_error(vm, "int too large to convert")),
                _ => {
                    return Err(
                        vm.overflow_error("Python int too large to convert to C unsigned long")
                    );
                }
            };
            write_uint(field, n as u64, order);
            Ok(())
        }
        code => {
            let signed = code.is_ascii_lowercase();
            let bits = 8 * field.len() as u32;
            let (low, high) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            match integer_arg(vm, value)? {
                Some(n) if (low..=high).contains(&n) => {
                    write_uint(field, n as u64, order);
                    Ok(())
                }
                _ => {
                    let message = format!(
                        "'{}' format requires {low} <= number <= {high}",
                        char::from(code)
                    );
                    Err(struct_error(vm, &message))
                }
            }
        }
    }
}

/// Reads one item of `code` from `field` (its size).
fn unpack_item(vm: &mut Vm, format: &Format, code: u8, field: &[u8]) -> PyResult<Value> {
    let order = format.order;
    match code {
        b'c' => vm.new_bytes(field.to_vec()),
        b'?' => Ok(Value::from_bool(field.iter().any(|&b| b != 0))),
        b'e' => Ok(Value::from_f64(
            half::unpack(read_uint(field, order) as u16),
        )),
        b'f' => Ok(Value::from_f64(f64::from(f32::from_bits(
            read_uint(field, order) as u32,
        )))),
        b'd' => Ok(Value::from_f64(f64::from_bits(read_uint(field, order)))),
        b'F' | b'D' => {
            let (first, second) = field.split_at(field.len() / 2);
            let part = |bytes: &[u8]| {
                let bits = read_uint(bytes, order);
                if code == b'F' {
                    f64::from(f32::from_bits(bits as u32))
                } else {
                    f64::from_bits(bits)
                }
            };
            vm.new_complex(part(first), part(second))
        }
        code if code.is_ascii_lowercase() => {
            let raw = read_uint(field, order);
            let unused = 64 - 8 * field.len() as u32;
            let n = if unused >= 64 {
                0
            } else {
                ((raw << unused) as i64) >> unused
            };
            Ok(Value::from_i64(n))
        }
        _ => {
            let raw = read_uint(field, order);
            match i64::try_from(raw) {
                Ok(n) => Ok(Value::from_i64(n)),
                Err(_) => vm.new_int(BigInt::from(raw)),
            }
        }
    }
}

/// An integer argument (an `int`, or through `__index__`): `None` if it
/// is beyond every format's range.
fn integer_arg(vm: &mut Vm, value: &Value) -> PyResult<Option<i128>> {
    if let Some(n) = small(value) {
        return Ok(Some(i128::from(n)));
    }
    let big = match to_big(value) {
        Some(big) => big,
        None if value.as_f64().is_none() && vm.lookup_special(value, "__index__").is_some() => {
            vm.index_big(value)?
        }
        None => return Err(struct_error(vm, "required argument is not an integer")),
    };
    Ok(big.to_i128())
}

/// A float argument (CPython's `PyFloat_AsDouble`); any failure is
/// `struct.error`.
fn float_arg(vm: &mut Vm, value: &Value) -> PyResult<f64> {
    let converted = match as_float(vm, value) {
        Ok(Some(x)) => Ok(Some(x)),
        Ok(None)
            if vm.lookup_special(value, "__float__").is_some()
                || vm.lookup_special(value, "__index__").is_some() =>
        {
            vm.to_float(value).map(|f| f.as_f64())
        }
        other => other,
    };
    match converted {
        Ok(Some(x)) => Ok(x),
        _ => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// A complex argument (CPython's `PyComplex_AsCComplex`); any failure is
/// `struct.error`.
fn complex_arg(vm: &mut Vm, value: &Value) -> PyResult<(f64, f64)> {
    match to_complex_parts(vm, value) {
        Ok(Some(parts)) => Ok(parts),
        _ => Err(struct_error(vm, "required argument is not a complex")),
    }
}

/// `x` rounded to single precision; a NaN keeps its sign and top payload
/// bits (as CPython's `PyFloat_Pack4`).
fn to_single(x: f64) -> f32 {
    if x.is_nan() {
        let bits = (x.to_bits() & 0xffc0_0000_0000_0000) >> 32;
        return f32::from_bits(bits as u32);
    }
    x as f32
}

/// Writes the low `field.len()` bytes of `n` in `order`.
fn write_uint(field: &mut [u8], n: u64, order: ByteOrder) {
    let size = field.len().min(8);
    match order {
        ByteOrder::Little => field[..size].copy_from_slice(&n.to_le_bytes()[..size]),
        ByteOrder::Big => field[..size].copy_from_slice(&n.to_be_bytes()[8 - size..]),
    }
}

/// Reads `field` (at most 8 bytes) as an unsigned number in `order`.
fn read_uint(field: &[u8], order: ByteOrder) -> u64 {
    let size = field.len().min(8);
    let mut raw = [0u8; 8];
    match order {
        ByteOrder::Little => {
            raw[..size].copy_from_slice(&field[..size]);
            u64::from_le_bytes(raw)
        }
        ByteOrder::Big => {
            raw[8 - size..].copy_from_slice(&field[..size]);
            u64::from_be_bytes(raw)
        }
    }
}
