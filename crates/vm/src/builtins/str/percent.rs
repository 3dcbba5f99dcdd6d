//! printf-style formatting (`'%s is %d' % args`) for `str` and, with the
//! differences PEP 461 gives it, for `bytes`/`bytearray`: mapping keys,
//! flags (`-+ #0`), `*` widths and precisions, the conversions
//! `s r a c d i u o x X e E f F g G %`, and CPython's errors. Floats are
//! rendered by `builtins::format::format`; integers here.

use crate::builtins::exceptions::ExcKind;
use crate::builtins::int::{is_int, to_big};
use crate::builtins::str::Str;
use crate::builtins::str::text::StrBuilder;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// `template % args` for `str`.
pub fn format_str(vm: &mut Vm, template: &Str, args: &Value) -> PyResult<Value> {
    let units = template.code_points();
    let out = format_units(vm, &units, args, false)?;
    let mut b = StrBuilder::with_capacity(out.len());
    for c in out {
        b.push(c);
    }
    b.finish(vm)
}

/// `template % args` for `bytes` and `bytearray`: the formatted bytes.
pub fn format_bytes(vm: &mut Vm, template: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let units: Vec<u32> = template.iter().map(|&b| u32::from(b)).collect();
    let out = format_units(vm, &units, args, true)?;
    Ok(out.into_iter().map(|c| c as u8).collect())
}

/// The arguments being consumed.
struct Arguments<'a> {
    items: Vec<Value>,
    next: usize,
    mapping: Option<&'a Value>,
}

impl Arguments<'_> {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        match self.items.get(self.next) {
            Some(v) => {
                self.next += 1;
                Ok(v.clone())
            }
            None => Err(vm.type_error("not enough arguments for format string".into())),
        }
    }
}

/// One parsed conversion specification.
#[derive(Default)]
struct Spec {
    left: bool,
    sign: bool,
    blank: bool,
    alternate: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
    kind: u32,
}

fn is_mapping(vm: &Vm, v: &Value) -> bool {
    let is_tuple = v
        .as_object()
        .is_some_and(|o| o.downcast::<Tuple>().is_some());
    v.as_object().is_some()
        && !is_tuple
        && vm.as_str(v).is_none()
        && vm.type_of(v).slots.getitem.get().is_some()
}

fn format_units(vm: &mut Vm, template: &[u32], args: &Value, bytes: bool) -> PyResult<Vec<u32>> {
    let tuple_items = args
        .as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .map(|t| t.items().to_vec());
    let mut arguments = Arguments {
        items: tuple_items.unwrap_or_else(|| vec![args.clone()]),
        next: 0,
        mapping: is_mapping(vm, args).then_some(args),
    };
    let mut out = Vec::with_capacity(template.len());
    let mut i = 0;
    let pct = u32::from(b'%');
    while i < template.len() {
        let c = template[i];
        if c != pct {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if template.get(i) == Some(&pct) {
            out.push(pct);
            i += 1;
            continue;
        }
        let mut spec = Spec::default();
        let mut keyed: Option<Value> = None;
        if template.get(i) == Some(&u32::from(b'(')) {
            let Some(mapping) = arguments.mapping else {
                return Err(vm.type_error("format requires a mapping".into()));
            };
            i += 1;
            let start = i;
            let mut depth = 1;
            while i < template.len() {
                if template[i] == u32::from(b'(') {
                    depth += 1;
                } else if template[i] == u32::from(b')') {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                i += 1;
            }
            if depth != 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key = if bytes {
                let raw: Vec<u8> = template[start..i].iter().map(|&c| c as u8).collect();
                vm.new_bytes(raw)?
            } else {
                let mut k = StrBuilder::default();
                for &c in &template[start..i] {
                    k.push(c);
                }
                k.finish(vm)?
            };
            i += 1;
            let mapping = mapping.clone();
            keyed = Some(vm.get_item(&mapping, &key)?);
        }
        while let Some(&f) = template.get(i) {
            match char::from_u32(f) {
                Some('-') => spec.left = true,
                Some('+') => spec.sign = true,
                Some(' ') => spec.blank = true,
                Some('#') => spec.alternate = true,
                Some('0') => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if template.get(i) == Some(&u32::from(b'*')) {
            i += 1;
            let w = arguments.next(vm)?;
            let Some(w) = w.as_i64().or_else(|| w.as_bool().map(i64::from)) else {
                return Err(vm.type_error("* wants int".into()));
            };
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
        } else {
            spec.width = digits(vm, template, &mut i, "width too big")?.unwrap_or(0);
        }
        if template.get(i) == Some(&u32::from(b'.')) {
            i += 1;
            if template.get(i) == Some(&u32::from(b'*')) {
                i += 1;
                let p = arguments.next(vm)?;
                let Some(p) = p.as_i64().or_else(|| p.as_bool().map(i64::from)) else {
                    return Err(vm.type_error("* wants int".into()));
                };
                spec.precision = Some(p.max(0) as usize);
            } else {
                spec.precision =
                    Some(digits(vm, template, &mut i, "precision too big")?.unwrap_or(0));
            }
        }
        let Some(&kind) = template.get(i) else {
            return Err(vm.value_error("incomplete format"));
        };
        spec.kind = kind;
        let index = i;
        i += 1;
        let value = match keyed {
            Some(v) => v,
            None => arguments.next(vm)?,
        };
        convert(vm, &spec, &value, index, bytes, &mut out)?;
    }
    if arguments.next < arguments.items.len() && arguments.mapping.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting".into()));
    }
    Ok(out)
}

fn digits(vm: &mut Vm, template: &[u32], i: &mut usize, too_big: &str) -> PyResult<Option<usize>> {
    let mut n: Option<usize> = None;
    while let Some(&d) = template.get(*i) {
        if !(0x30..=0x39).contains(&d) {
            break;
        }
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add((d - 0x30) as usize))
                .filter(|&v| v <= i32::MAX as usize)
                .ok_or_else(|| vm.value_error(too_big))?,
        );
        *i += 1;
    }
    Ok(n)
}

/// Pads `body` (after `sign`) to the spec's width.
fn pad(spec: &Spec, sign: &[u32], body: &[u32], zero_ok: bool, out: &mut Vec<u32>) {
    let len = sign.len() + body.len();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.extend_from_slice(sign);
        out.extend_from_slice(body);
        out.extend(std::iter::repeat_n(u32::from(b' '), fill));
    } else if spec.zero && zero_ok {
        out.extend_from_slice(sign);
        out.extend(std::iter::repeat_n(u32::from(b'0'), fill));
        out.extend_from_slice(body);
    } else {
        out.extend(std::iter::repeat_n(u32::from(b' '), fill));
        out.extend_from_slice(sign);
        out.extend_from_slice(body);
    }
}

fn units_of(s: &str) -> Vec<u32> {
    s.chars().map(u32::from).collect()
}

fn convert(
    vm: &mut Vm,
    spec: &Spec,
    value: &Value,
    index: usize,
    bytes: bool,
    out: &mut Vec<u32>,
) -> PyResult<()> {
    let kind = char::from_u32(spec.kind).unwrap_or('\u{FFFD}');
    match kind {
        's' | 'r' | 'a' | 'b' if bytes || kind != 'b' => {
            let mut body = if bytes {
                match kind {
                    's' | 'b' => bytes_of(vm, value)?,
                    _ => {
                        let r = crate::builtins::functions::ascii(vm, value)?;
                        vm.as_str(&r).map(|s| s.code_points()).unwrap_or_default()
                    }
                }
            } else {
                let s = match kind {
                    's' => vm.str(value)?,
                    'r' => vm.repr(value)?,
                    _ => crate::builtins::functions::ascii(vm, value)?,
                };
                vm.as_str(&s).map(|s| s.code_points()).unwrap_or_default()
            };
            if let Some(p) = spec.precision {
                body.truncate(p);
            }
            pad(spec, &[], &body, false, out);
            Ok(())
        }
        'c' => {
            let cp = char_arg(vm, value, bytes)?;
            pad(spec, &[], &[cp], false, out);
            Ok(())
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let integer = int_arg(vm, value, kind)?;
            let big = to_big(&integer).unwrap_or_default();
            let negative = big.sign() == num_bigint::Sign::Minus;
            let magnitude = if negative { -big } else { big };
            let (digits, prefix) = match kind {
                'o' => (magnitude.to_str_radix(8), "0o"),
                'x' => (magnitude.to_str_radix(16), "0x"),
                'X' => (magnitude.to_str_radix(16).to_uppercase(), "0X"),
                _ => (magnitude.to_string(), ""),
            };
            let mut body = units_of(&digits);
            if let Some(p) = spec.precision
                && body.len() < p
            {
                let mut padded = vec![u32::from(b'0'); p - body.len()];
                padded.extend(body);
                body = padded;
            }
            let mut sign = if negative {
                units_of("-")
            } else if spec.sign {
                units_of("+")
            } else if spec.blank {
                units_of(" ")
            } else {
                Vec::new()
            };
            if spec.alternate {
                sign.extend(units_of(prefix));
            }
            pad(spec, &sign, &body, true, out);
            Ok(())
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_arg(vm, value)?;
            let mut fspec = String::new();
            if spec.sign {
                fspec.push('+');
            } else if spec.blank {
                fspec.push(' ');
            }
            if spec.alternate {
                fspec.push('#');
            }
            fspec.push_str(&format!(".{}{kind}", spec.precision.unwrap_or(6)));
            let r = crate::builtins::format::format(vm, &Value::from_f64(x), &fspec)?;
            let text = vm
                .as_str(&r)
                .map(|s| s.as_lossy().into_owned())
                .unwrap_or_default();
            let (sign, body) = match text.chars().next() {
                Some(c @ ('-' | '+' | ' ')) => (units_of(&c.to_string()), units_of(&text[1..])),
                _ => (Vec::new(), units_of(&text)),
            };
            pad(spec, &sign, &body, true, out);
            Ok(())
        }
        _ => {
            let shown = if (0x20..0x7F).contains(&spec.kind) {
                kind.to_string()
            } else {
                "?".to_owned()
            };
            Err(vm.value_error(&format!(
                "unsupported format character '{shown}' (0x{:x}) at index {index}",
                spec.kind
            )))
        }
    }
}

/// The bytes `%s`/`%b` of `bytes` formatting inserts.
fn bytes_of(vm: &mut Vm, value: &Value) -> PyResult<Vec<u32>> {
    if let Some(data) = crate::builtins::bytes::bytes_like(value) {
        return Ok(data.iter().map(|&b| u32::from(b)).collect());
    }
    if let Some(f) = vm.lookup_special(value, "__bytes__") {
        let r = vm.call(&f, &[], None)?;
        if let Some(data) = crate::builtins::bytes::bytes_like(&r) {
            return Ok(data.iter().map(|&b| u32::from(b)).collect());
        }
        let tn = vm.type_name(&r);
        return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
    }
    let tn = vm.type_name(value);
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
    )))
}

fn char_arg(vm: &mut Vm, value: &Value, bytes: bool) -> PyResult<u32> {
    if bytes {
        if let Some(data) = crate::builtins::bytes::bytes_like(value)
            && data.len() == 1
        {
            return Ok(u32::from(data[0]));
        }
        if is_int(value) {
            return match value.as_i64() {
                Some(i @ 0..=255) => Ok(i as u32),
                _ => Err(vm.overflow_error("%c arg not in range(256)")),
            };
        }
        let tn = vm.type_name(value);
        return Err(vm.type_error(format!(
            "%c requires an integer in range(256) or a single byte, not {tn}"
        )));
    }
    if let Some(s) = vm.as_str(value) {
        if s.char_len() == 1 {
            return Ok(s.code_point_at(0));
        }
        let n = s.char_len();
        return Err(vm.type_error(format!(
            "%c requires an int or a unicode character, not a string of length {n}"
        )));
    }
    if is_int(value) || vm.lookup_special(value, "__index__").is_some() {
        let i = match vm.index_value(value) {
            Ok(Some(i)) => Some(i),
            Ok(None) => None,
            Err(e) if vm.exc_matches(&e, ExcKind::IndexError) => None,
            Err(e) => return Err(e),
        };
        return match i {
            Some(i @ 0..=0x10FFFF) => Ok(i as u32),
            _ => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        };
    }
    let tn = vm.type_name(value);
    Err(vm.type_error(format!(
        "%c requires an int or a unicode character, not {tn}"
    )))
}

/// The integer of `%d`-style conversions (`int(x)` for `d`, `__index__`
/// for `o`/`x`/`X`).
fn int_arg(vm: &mut Vm, value: &Value, kind: char) -> PyResult<Value> {
    if is_int(value) {
        return Ok(match value.as_bool() {
            Some(b) => Value::from_i64(i64::from(b)),
            None => value.clone(),
        });
    }
    let wrong = |vm: &mut Vm| {
        let tn = vm.type_name(value);
        if matches!(kind, 'o' | 'x' | 'X') {
            vm.type_error(format!("%{kind} format: an integer is required, not {tn}"))
        } else {
            vm.type_error(format!(
                "%{kind} format: a real number is required, not {tn}"
            ))
        }
    };
    let is_number = value.as_f64().is_some()
        || ["__index__", "__int__", "__float__"]
            .iter()
            .any(|m| vm.lookup_special(value, m).is_some());
    if !is_number {
        return Err(wrong(vm));
    }
    let result = if matches!(kind, 'o' | 'x' | 'X') {
        match vm.lookup_special(value, "__index__") {
            Some(f) => vm.call(&f, &[], None),
            None => return Err(wrong(vm)),
        }
    } else {
        vm.to_int(value)
    };
    match result {
        Ok(v) => Ok(v),
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => Err(wrong(vm)),
        Err(e) => Err(e),
    }
}

fn float_arg(vm: &mut Vm, value: &Value) -> PyResult<f64> {
    if let Some(x) = crate::builtins::float::as_float(vm, value)? {
        return Ok(x);
    }
    if let Some(f) = vm.lookup_special(value, "__float__") {
        let r = vm.call(&f, &[], None)?;
        if let Some(x) = r.as_f64() {
            return Ok(x);
        }
    }
    if let Some(f) = vm.lookup_special(value, "__index__") {
        let r = vm.call(&f, &[], None)?;
        if let Some(x) = crate::builtins::float::as_float(vm, &r)? {
            return Ok(x);
        }
    }
    let tn = vm.type_name(value);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}
