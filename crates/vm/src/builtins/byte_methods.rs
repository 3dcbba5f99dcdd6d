//! The methods `bytes` and `bytearray` share (CPython's
//! `Objects/bytes_methods.c` and friends): searching, splitting, stripping,
//! ASCII case mapping and predicates, padding, `hex`/`fromhex`, `decode`,
//! `translate`/`maketrans`. A method returning a byte string returns the
//! type of `self`; arguments may be any bytes-like object.

use crate::builtins::bytearray::ByteArray;
use crate::builtins::bytes::{byte_value, bytes_arg, bytes_like};
use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::slice::{adjust_indices, index_arg, start_end};
use crate::builtins::str::search::{count_bytes, find_bytes, rfind_bytes};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// The bytes of `self`.
fn self_data(vm: &mut Vm, args: &Args) -> PyResult<Vec<u8>> {
    match bytes_like(args.this()) {
        Some(d) => Ok(d.into_owned()),
        None => Err(vm.type_error("descriptor requires a 'bytes' object".into())),
    }
}

/// A byte string of the type of `this`.
pub fn new_like(vm: &mut Vm, this: &Value, data: Vec<u8>) -> PyResult<Value> {
    if this
        .as_object()
        .is_some_and(|o| o.downcast::<ByteArray>().is_some())
    {
        vm.new_bytearray(data)
    } else {
        vm.new_bytes(data)
    }
}

/// A subsequence argument: a bytes-like object or one byte as an int.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_like(v) {
        return Ok(d.into_owned());
    }
    if crate::builtins::int::is_int(v) || vm.lookup_special(v, "__index__").is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{tn}'"
    )))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Where `sub` occurs in `self[start:end]`.
fn find_in(vm: &mut Vm, args: &Args, reverse: bool) -> PyResult<Option<usize>> {
    let data = self_data(vm, args)?;
    let sub = sub_arg(vm, args.required(1))?;
    let (start, end) = start_end(vm, args.get(2), args.get(3))?;
    let (start, end) = adjust_indices(start, end, data.len());
    if start > end || end - start < sub.len() {
        return Ok(None);
    }
    let window = &data[start..end];
    let found = if reverse {
        rfind_bytes(window, &sub)
    } else {
        find_bytes(window, &sub)
    };
    Ok(found.map(|i| start + i))
}

fn found_or(found: Option<usize>, missing: i64) -> Value {
    Value::from_i64(found.map_or(missing, |i| i as i64))
}

fn find(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(found_or(find_in(vm, args, false)?, -1))
}

fn rfind(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    Ok(found_or(find_in(vm, args, true)?, -1))
}

fn index(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_in(vm, args, false)? {
        Some(i) => Ok(Value::from_i64(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    match find_in(vm, args, true)? {
        Some(i) => Ok(Value::from_i64(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let sub = sub_arg(vm, args.required(1))?;
    let (start, end) = start_end(vm, args.get(2), args.get(3))?;
    let (start, end) = adjust_indices(start, end, data.len());
    if start > end {
        return Ok(Value::from_i64(0));
    }
    let n = if sub.is_empty() {
        end - start + 1
    } else {
        count_bytes(&data[start..end], &sub, usize::MAX)
    };
    Ok(Value::from_i64(n as i64))
}

fn affix(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let (start, end) = start_end(vm, args.get(2), args.get(3))?;
    let (start, end) = adjust_indices(start, end, data.len());
    let matches = |sub: &[u8]| {
        if start > end || end - start < sub.len() {
            return false;
        }
        let window = &data[start..end];
        if at_end {
            window.ends_with(sub)
        } else {
            window.starts_with(sub)
        }
    };
    let arg = args.required(1);
    if let Some(t) = arg.as_object().and_then(|o| o.downcast::<Tuple>()) {
        for item in t.items() {
            let sub = bytes_arg(vm, item)?;
            if matches(&sub) {
                return Ok(Value::from_bool(true));
            }
        }
        return Ok(Value::from_bool(false));
    }
    let Some(sub) = bytes_like(arg) else {
        let tn = vm.type_name(arg);
        return Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {tn}"
        )));
    };
    Ok(Value::from_bool(matches(&sub)))
}

fn replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let old = bytes_arg(vm, args.required(1))?;
    let new = bytes_arg(vm, args.required(2))?;
    let limit = match args.get(3) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0;
    if old.is_empty() {
        let mut i = 0;
        while done < limit {
            out.extend_from_slice(&new);
            done += 1;
            match data.get(i) {
                Some(&b) => out.push(b),
                None => break,
            }
            i += 1;
        }
        out.extend_from_slice(data.get(i..).unwrap_or_default());
        return new_like(vm, args.this(), out);
    }
    let mut rest = &data[..];
    while done < limit {
        let Some(i) = find_bytes(rest, &old) else {
            break;
        };
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(&new);
        rest = &rest[i + old.len()..];
        done += 1;
    }
    out.extend_from_slice(rest);
    new_like(vm, args.this(), out)
}

fn remove_affix(vm: &mut Vm, args: &Args, at_end: bool) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let affix = bytes_arg(vm, args.required(1))?;
    let kept = if at_end {
        data.strip_suffix(&affix[..])
    } else {
        data.strip_prefix(&affix[..])
    };
    let out = kept.unwrap_or(&data).to_vec();
    new_like(vm, args.this(), out)
}

fn list_of(vm: &mut Vm, this: &Value, pieces: Vec<&[u8]>) -> PyResult<Value> {
    let mut items = Vec::with_capacity(pieces.len());
    for p in pieces {
        items.push(new_like(vm, this, p.to_vec())?);
    }
    vm.new_list(items)
}

fn split_args(vm: &mut Vm, args: &Args) -> PyResult<(Option<Vec<u8>>, usize)> {
    let sep = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => {
            let s = bytes_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        None => None,
    };
    let limit = match args.get(2) {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, usize::try_from(limit).unwrap_or(usize::MAX)))
}

fn split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let (sep, limit) = split_args(vm, args)?;
    let mut pieces: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if pieces.len() == limit {
                    pieces.push(&data[i..]);
                    break;
                }
                let start = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                pieces.push(&data[start..i]);
            }
        }
        Some(sep) => {
            let mut start = 0;
            while pieces.len() < limit {
                match find_bytes(&data[start..], &sep) {
                    Some(i) => {
                        pieces.push(&data[start..start + i]);
                        start += i + sep.len();
                    }
                    None => break,
                }
            }
            pieces.push(&data[start..]);
        }
    }
    list_of(vm, args.this(), pieces)
}

fn rsplit(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let (sep, limit) = split_args(vm, args)?;
    let mut pieces: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut end = data.len();
            loop {
                while end > 0 && is_space(data[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if pieces.len() == limit {
                    pieces.push(&data[..end]);
                    break;
                }
                let stop = end;
                while end > 0 && !is_space(data[end - 1]) {
                    end -= 1;
                }
                pieces.push(&data[end..stop]);
            }
        }
        Some(sep) => {
            let mut end = data.len();
            while pieces.len() < limit {
                match rfind_bytes(&data[..end], &sep) {
                    Some(i) => {
                        pieces.push(&data[i + sep.len()..end]);
                        end = i;
                    }
                    None => break,
                }
            }
            pieces.push(&data[..end]);
        }
    }
    pieces.reverse();
    list_of(vm, args.this(), pieces)
}

fn splitlines(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let keepends = match args.get(1) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut pieces: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < data.len() {
        let b = data[i];
        if b != b'\n' && b != b'\r' {
            i += 1;
            continue;
        }
        let mut after = i + 1;
        if b == b'\r' && data.get(i + 1) == Some(&b'\n') {
            after += 1;
        }
        pieces.push(&data[start..if keepends { after } else { i }]);
        start = after;
        i = after;
    }
    if start < data.len() {
        pieces.push(&data[start..]);
    }
    list_of(vm, args.this(), pieces)
}

fn partition_impl(vm: &mut Vm, args: &Args, reverse: bool) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let sep = bytes_arg(vm, args.required(1))?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse {
        rfind_bytes(&data, &sep)
    } else {
        find_bytes(&data, &sep)
    };
    let this = args.this().clone();
    let parts: [Vec<u8>; 3] = match found {
        Some(i) => [
            data[..i].to_vec(),
            sep.clone(),
            data[i + sep.len()..].to_vec(),
        ],
        None if reverse => [Vec::new(), Vec::new(), data.clone()],
        None => [data.clone(), Vec::new(), Vec::new()],
    };
    let mut items = Vec::with_capacity(3);
    for p in parts {
        items.push(new_like(vm, &this, p)?);
    }
    vm.new_tuple(items)
}

fn join(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let sep = self_data(vm, args)?;
    let items = vm.collect_iterable(args.required(1))?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(d) = bytes_like(item) else {
            let tn = vm.type_name(item);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {tn} found"
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&d);
    }
    new_like(vm, args.this(), out)
}

fn strip_impl(vm: &mut Vm, args: &Args, left: bool, right: bool) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let set = match args.get(1).filter(|v| !v.is_none()) {
        Some(v) => Some(bytes_arg(vm, v)?),
        None => None,
    };
    let strips = |b: u8| match &set {
        Some(s) => s.contains(&b),
        None => is_space(b),
    };
    let mut start = 0;
    let mut end = data.len();
    if left {
        while start < end && strips(data[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && strips(data[end - 1]) {
            end -= 1;
        }
    }
    new_like(vm, args.this(), data[start..end].to_vec())
}

fn map_bytes(vm: &mut Vm, args: &Args, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let out = f(&data);
    new_like(vm, args.this(), out)
}

fn title_case(data: &[u8]) -> Vec<u8> {
    let mut previous_cased = false;
    data.iter()
        .map(|&b| {
            let out = if previous_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            previous_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn capitalize(data: &[u8]) -> Vec<u8> {
    data.iter()
        .enumerate()
        .map(|(i, &b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect()
}

fn swapcase(data: &[u8]) -> Vec<u8> {
    data.iter()
        .map(|&b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect()
}

fn predicate(vm: &mut Vm, args: &Args, test: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    Ok(Value::from_bool(test(&data)))
}

fn all_nonempty(data: &[u8], f: impl Fn(u8) -> bool) -> bool {
    !data.is_empty() && data.iter().all(|&b| f(b))
}

fn is_lower(data: &[u8]) -> bool {
    data.iter().any(u8::is_ascii_lowercase) && !data.iter().any(u8::is_ascii_uppercase)
}

fn is_upper(data: &[u8]) -> bool {
    data.iter().any(u8::is_ascii_uppercase) && !data.iter().any(u8::is_ascii_lowercase)
}

fn is_title(data: &[u8]) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for &b in data {
        if b.is_ascii_uppercase() {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// The `fillchar` of `center`/`ljust`/`rjust`: one byte.
fn fill_byte(vm: &mut Vm, v: Option<&Value>, name: &str) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match bytes_like(v) {
        Some(d) if d.len() == 1 => Ok(d[0]),
        Some(d) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "{name}(): argument 2 must be a byte string of length 1, not a {tn} object of length {}",
                d.len()
            )))
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {tn}"
            )))
        }
    }
}

fn pad(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let width = index_arg(vm, args.required(1))?;
    let fill = fill_byte(vm, args.get(2), name)?;
    let len = data.len() as i64;
    if width <= len {
        return new_like(vm, args.this(), data);
    }
    let marg = width - len;
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        _ => marg / 2 + (marg & width & 1),
    } as usize;
    let right = marg as usize - left;
    let mut out = Vec::new();
    out.try_reserve_exact(width as usize)
        .map_err(|_| vm.memory_error())?;
    out.resize(left, fill);
    out.extend_from_slice(&data);
    out.resize(out.len() + right, fill);
    new_like(vm, args.this(), out)
}

fn zfill(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let width = index_arg(vm, args.required(1))?;
    let len = data.len() as i64;
    if width <= len {
        return new_like(vm, args.this(), data);
    }
    let fill = (width - len) as usize;
    let mut out = Vec::new();
    out.try_reserve_exact(width as usize)
        .map_err(|_| vm.memory_error())?;
    let rest = match data.first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(sign);
            &data[1..]
        }
        _ => &data[..],
    };
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(rest);
    new_like(vm, args.this(), out)
}

fn expandtabs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let tabsize = match args.get(1) {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut column: i64 = 0;
    for &b in &data {
        if b == b'\t' {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column += incr;
                out.try_reserve(incr as usize)
                    .map_err(|_| vm.memory_error())?;
                out.resize(out.len() + incr as usize, b' ');
            }
        } else {
            column += 1;
            out.push(b);
            if b == b'\n' || b == b'\r' {
                column = 0;
            }
        }
    }
    new_like(vm, args.this(), out)
}

/// `bytes.hex(sep=..., bytes_per_sep=1)` of `data`.
pub fn hex(vm: &mut Vm, data: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<Value> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let sep = match sep {
        None => None,
        Some(v) => {
            let s: Vec<u32> = if let Some(s) = vm.as_str(v) {
                s.code_points()
            } else if let Some(d) = bytes_like(v) {
                d.iter().map(|&b| u32::from(b)).collect()
            } else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("object of type '{tn}' has no len()")));
            };
            if s.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if s[0] >= 0x80 {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s[0] as u8)
        }
    };
    let per = match per {
        Some(v) => index_arg(vm, v)?,
        None => 1,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if i > 0
            && let Some(sep) = sep
            && group > 0
        {
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(char::from(sep));
            }
        }
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    vm.new_str(&out)
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)`.
pub fn from_hex(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let units: Vec<u32> = if let Some(s) = vm.as_str(v) {
        s.code_points()
    } else if let Some(d) = bytes_like(v) {
        d.iter().map(|&b| u32::from(b)).collect()
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "fromhex() argument must be str or bytes-like, not {tn}"
        )));
    };
    let digit = |c: u32| char::from_u32(c).and_then(|c| c.to_digit(16));
    let mut out = Vec::with_capacity(units.len() / 2);
    let mut i = 0;
    while i < units.len() {
        let c = units[i];
        if c < 0x80 && is_space(c as u8) {
            i += 1;
            continue;
        }
        let Some(high) = digit(c) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        let Some(low) = units.get(i + 1).and_then(|&c| digit(c)) else {
            return Err(vm.value_error(&format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            )));
        };
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(out)
}

fn translate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let data = self_data(vm, args)?;
    let table = match args.get(1).filter(|v| !v.is_none()) {
        Some(t) => {
            let t = bytes_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let delete = match args.get(2) {
        Some(d) => bytes_arg(vm, d)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[usize::from(b)]))
        .collect();
    new_like(vm, args.this(), out)
}

/// `bytes.maketrans(frm, to)`: a 256-byte translation table.
pub fn maketrans(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let from = bytes_arg(vm, args.required(0))?;
    let to = bytes_arg(vm, args.required(1))?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(&to) {
        table[usize::from(f)] = t;
    }
    vm.new_bytes(table)
}

/// The methods of `bytes` and `bytearray`.
pub const METHODS: &[MethodDef] = &[
    method("find", "(self, sub, start=None, end=None, /)", find),
    method("rfind", "(self, sub, start=None, end=None, /)", rfind),
    method("index", "(self, sub, start=None, end=None, /)", index),
    method("rindex", "(self, sub, start=None, end=None, /)", rindex),
    method("count", "(self, sub, start=None, end=None, /)", count),
    method(
        "startswith",
        "(self, prefix, start=None, end=None, /)",
        |vm, args| affix(vm, args, "startswith", false),
    ),
    method(
        "endswith",
        "(self, suffix, start=None, end=None, /)",
        |vm, args| affix(vm, args, "endswith", true),
    ),
    method("replace", "(self, old, new, count=-1, /)", replace),
    method("removeprefix", "(self, prefix, /)", |vm, args| {
        remove_affix(vm, args, false)
    }),
    method("removesuffix", "(self, suffix, /)", |vm, args| {
        remove_affix(vm, args, true)
    }),
    method("split", "(self, /, sep=None, maxsplit=-1)", split),
    method("rsplit", "(self, /, sep=None, maxsplit=-1)", rsplit),
    method("splitlines", "(self, /, keepends=False)", splitlines),
    method("partition", "(self, sep, /)", |vm, args| {
        partition_impl(vm, args, false)
    }),
    method("rpartition", "(self, sep, /)", |vm, args| {
        partition_impl(vm, args, true)
    }),
    method("join", "(self, iterable_of_bytes, /)", join),
    method("strip", "(self, bytes=None, /)", |vm, args| {
        strip_impl(vm, args, true, true)
    }),
    method("lstrip", "(self, bytes=None, /)", |vm, args| {
        strip_impl(vm, args, true, false)
    }),
    method("rstrip", "(self, bytes=None, /)", |vm, args| {
        strip_impl(vm, args, false, true)
    }),
    method("upper", "(self, /)", |vm, args| {
        map_bytes(vm, args, <[u8]>::to_ascii_uppercase)
    }),
    method("lower", "(self, /)", |vm, args| {
        map_bytes(vm, args, <[u8]>::to_ascii_lowercase)
    }),
    method("swapcase", "(self, /)", |vm, args| {
        map_bytes(vm, args, swapcase)
    }),
    method("title", "(self, /)", |vm, args| {
        map_bytes(vm, args, title_case)
    }),
    method("capitalize", "(self, /)", |vm, args| {
        map_bytes(vm, args, capitalize)
    }),
    method("isalnum", "(self, /)", |vm, args| {
        predicate(vm, args, |d| all_nonempty(d, |b| b.is_ascii_alphanumeric()))
    }),
    method("isalpha", "(self, /)", |vm, args| {
        predicate(vm, args, |d| all_nonempty(d, |b| b.is_ascii_alphabetic()))
    }),
    method("isdigit", "(self, /)", |vm, args| {
        predicate(vm, args, |d| all_nonempty(d, |b| b.is_ascii_digit()))
    }),
    method("isspace", "(self, /)", |vm, args| {
        predicate(vm, args, |d| all_nonempty(d, is_space))
    }),
    method("isascii", "(self, /)", |vm, args| {
        predicate(vm, args, <[u8]>::is_ascii)
    }),
    method("islower", "(self, /)", |vm, args| {
        predicate(vm, args, is_lower)
    }),
    method("isupper", "(self, /)", |vm, args| {
        predicate(vm, args, is_upper)
    }),
    method("istitle", "(self, /)", |vm, args| {
        predicate(vm, args, is_title)
    }),
    method("center", "(self, width, fillchar=b' ', /)", |vm, args| {
        pad(vm, args, "center")
    }),
    method("ljust", "(self, width, fillchar=b' ', /)", |vm, args| {
        pad(vm, args, "ljust")
    }),
    method("rjust", "(self, width, fillchar=b' ', /)", |vm, args| {
        pad(vm, args, "rjust")
    }),
    method("zfill", "(self, width, /)", zfill),
    method("expandtabs", "(self, /, tabsize=8)", expandtabs),
    method("hex", "(self, /, sep=None, bytes_per_sep=1)", |vm, args| {
        let data = self_data(vm, args)?;
        hex(vm, &data, args.get(1), args.get(2))
    }),
    method(
        "decode",
        "(self, /, encoding='utf-8', errors='strict')",
        |vm, args| {
            let data = self_data(vm, args)?;
            crate::builtins::str::codecs::decode(vm, &data, args.get(1), args.get(2))
        },
    ),
    method("translate", "(self, table, /, delete=b'')", translate),
];
